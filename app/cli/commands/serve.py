# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck serve``: the embedded engine over HTTP, as the contract says, for several desks."""

from __future__ import annotations

import argparse
import logging

import uvicorn

from app.cli.context import EXIT_OK, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_
from app.problems import AppError, Problem
from app.serve.api import EligibilityApi
from app.services import make_eligibility
from app.settings.config import AuthKind, BackendKind, load_config
from app.settings.credentials import KeyringCredentials, SecretName, require_secret

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

log = logging.getLogger(__name__)


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve", help=N_("de ingebouwde adviesmotor over HTTP aanbieden (contract v1)")
    )
    serve.add_argument(
        "--host", help=N_("adres om op te luisteren (standaard uit de configuratie: 127.0.0.1)")
    )
    serve.add_argument("--port", type=int, help=N_("poort (standaard uit de configuratie: 8470)"))
    serve.set_defaults(handler=run)


def serve_tokens() -> frozenset[str]:
    """Accepted bearer tokens: the keyring's serve-tokens, one per line or comma-separated."""
    raw = require_secret(KeyringCredentials(), SecretName.SERVE_TOKENS)
    tokens = frozenset(t.strip() for t in raw.replace(",", "\n").splitlines() if t.strip())
    if any(len(token) < 16 for token in tokens):
        raise AppError(Problem.CREDENTIALS_MISSING, "every serve token must be 16+ characters")
    return tokens


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    config = load_config(ctx.config_path)
    if config.backend is not BackendKind.EMBEDDED:
        raise AppError(Problem.CONFIG_INVALID, "serve needs backend = 'embedded'")
    tokens = None if config.serve.auth is AuthKind.NONE else serve_tokens()
    host = args.host or config.serve.host
    port = args.port or config.serve.port
    eligibility = make_eligibility(config, ctx.data_dir)
    app = EligibilityApi(eligibility, tokens, mode=config.mode).app()
    if config.training:
        write_lines(ctx.out, label("training_banner", ctx.language))
    write_lines(ctx.out, label("serving", ctx.language, url=f"http://{host}:{port}"))
    try:
        uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
    finally:
        eligibility.close()
    return EXIT_OK
