# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck serve``: the embedded engine over HTTP, as the contract says, for several desks."""

from __future__ import annotations

import argparse
import contextlib
import logging

import uvicorn

from app.cli.context import EXIT_OK, CommandContext, write_lines
from app.cli.labels import label
from app.problems import AppError, Problem
from app.serve.access_log import configure_logging
from app.serve.api import EligibilityApi
from app.serve.server import serve_limits, server_config
from app.services import make_eligibility
from app.settings.config import (
    NO_AUTH_OFF_LOOPBACK,
    AuthKind,
    BackendKind,
    LogFormat,
    config_path,
    is_loopback,
    load_config,
)
from app.settings.credentials import KeyringCredentials, SecretName, require_secret

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

log = logging.getLogger(__name__)


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser("serve", help="serve the embedded engine over HTTP (contract v1)")
    serve.add_argument("--host", help="address to bind (default from config: 127.0.0.1)")
    serve.add_argument("--port", type=int, help="port (default from config: 8470)")
    serve.add_argument(
        "--log-format",
        choices=[f.value for f in LogFormat],
        help="log lines as text or as JSON objects (default from config: text)",
    )
    serve.set_defaults(handler=run)


def serve_tokens() -> frozenset[str]:
    """Accepted bearer tokens: the keyring's serve-tokens, one per line or comma-separated."""
    raw = require_secret(KeyringCredentials(), SecretName.SERVE_TOKENS)
    tokens = frozenset(t.strip() for t in raw.replace(",", "\n").splitlines() if t.strip())
    if any(len(token) < 16 for token in tokens):
        raise AppError(Problem.CONFIG_INVALID, "every serve token must be 16+ characters")
    return tokens


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    config = load_config(ctx.config_path)
    if config.backend is not BackendKind.EMBEDDED:
        raise AppError(Problem.CONFIG_INVALID, "serve needs backend = 'embedded'")
    settings = config.serve
    host = args.host or settings.host
    port = args.port or settings.port
    if settings.auth is AuthKind.NONE and not is_loopback(host):
        # Checked here, not when the file loads: a desk that never serves still starts.
        where = f"--host {host}" if args.host else f"{config_path(ctx.config_path)}: serve.host"
        raise AppError(Problem.CONFIG_INVALID, f"{where}: {NO_AUTH_OFF_LOOPBACK}")
    tokens = None if settings.auth is AuthKind.NONE else serve_tokens()
    log_format = LogFormat(args.log_format or settings.log_format)
    configure_logging(json_lines=log_format is LogFormat.JSON, verbose=args.verbose)
    eligibility = make_eligibility(config, ctx.data_dir)
    try:
        api = EligibilityApi(eligibility, tokens, serve_limits(settings))
        server = uvicorn.Server(server_config(api.app(), settings, host=host, port=port))
        if not settings.tls and not is_loopback(host):
            log.warning("serving plain HTTP off loopback: desks need TLS (tls_cert or a proxy)")
        if config.training:
            write_lines(ctx.out, label("training_banner", ctx.language))
        scheme = "https" if settings.tls else "http"
        write_lines(ctx.out, label("serving", ctx.language, url=f"{scheme}://{host}:{port}"))
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: uvicorn has shut down cleanly
            server.run()
    finally:
        eligibility.close()
    return EXIT_OK
