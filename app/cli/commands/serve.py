# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck serve``: the embedded engine over HTTP, as the contract says, for several desks."""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import socket
from typing import TYPE_CHECKING

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_, translations
from app.problems import AppError, Problem
from app.services import make_eligibility

if TYPE_CHECKING:
    from app.settings.config import Config

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

log = logging.getLogger(__name__)

PORT_RANGE = N_(
    "Poort {port} bestaat niet: kies een poort van 1 tot 65535 (--port of [serve] port)."
)
PORT_TAKEN = N_(
    "Poort {port} op {host} is al in gebruik: kies een andere poort (--port of [serve] port) "
    "of stop het programma dat ze gebruikt."
)
CANNOT_LISTEN = N_(
    "Kan niet luisteren op {host}:{port} ({reason}): controleer --host en --port "
    "(of [serve] host en port)."
)


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    serve = commands.add_parser(
        "serve", help=N_("de ingebouwde adviesmotor over HTTP aanbieden (contract v1)")
    )
    serve.add_argument(
        "--host", help=N_("adres om op te luisteren (standaard uit de configuratie: 127.0.0.1)")
    )
    serve.add_argument("--port", type=int, help=N_("poort (standaard uit de configuratie: 8470)"))
    serve.add_argument(
        "--log-format",
        choices=["text", "json"],  # app.settings.config.LogFormat (pydantic: not at start)
        help=N_("logregels als tekst of als JSON-objecten (standaard uit de configuratie: text)"),
    )
    serve.set_defaults(handler=run)


def serve_tokens() -> frozenset[str]:
    """Accepted bearer tokens: the keyring's serve-tokens, one per line or comma-separated."""
    from app.settings.credentials import KeyringCredentials, SecretName, require_secret

    raw = require_secret(KeyringCredentials(), SecretName.SERVE_TOKENS)
    tokens = frozenset(t.strip() for t in raw.replace(",", "\n").splitlines() if t.strip())
    if any(len(token) < 16 for token in tokens):
        raise AppError(Problem.CREDENTIALS_MISSING, "every serve token must be 16+ characters")
    return tokens


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    # Starlette and uvicorn only here: no other command (nor the desk) needs them.
    from app.settings.config import BackendKind, load_config

    config = load_config(ctx.config_path)
    if config.backend is not BackendKind.EMBEDDED:
        raise AppError(Problem.CONFIG_INVALID, "serve needs backend = 'embedded'")
    host = args.host or config.serve.host
    port = config.serve.port if args.port is None else args.port
    _refuse_no_auth_off_loopback(config, host, args, ctx)
    listening = _listen(host, port, ctx)
    if listening is None:
        return EXIT_USAGE
    try:
        return _serve(config, listening, args, ctx, url=(host, port))
    finally:
        listening.close()


def _refuse_no_auth_off_loopback(
    config: Config, host: str, args: argparse.Namespace, ctx: CommandContext
) -> None:
    """Checked here, not when the file loads: a desk that never serves still starts."""
    from app.settings.config import NO_AUTH_OFF_LOOPBACK, AuthKind, config_path, is_loopback

    if config.serve.auth is AuthKind.NONE and not is_loopback(host):
        where = f"--host {host}" if args.host else f"{config_path(ctx.config_path)}: serve.host"
        raise AppError(Problem.CONFIG_INVALID, f"{where}: {NO_AUTH_OFF_LOOPBACK}")


def _serve(
    config: Config,
    listening: socket.socket,
    args: argparse.Namespace,
    ctx: CommandContext,
    *,
    url: tuple[str, int],
) -> int:
    import uvicorn

    from app.serve.access_log import configure_logging
    from app.serve.api import EligibilityApi
    from app.serve.server import serve_limits, server_config
    from app.settings.config import AuthKind, LogFormat, is_loopback

    settings = config.serve
    (host, port) = url
    tokens = None if settings.auth is AuthKind.NONE else serve_tokens()
    log_format = LogFormat(args.log_format or settings.log_format)
    configure_logging(json_lines=log_format is LogFormat.JSON, verbose=args.verbose)
    eligibility = make_eligibility(config, ctx.data_dir)
    try:
        api = EligibilityApi(eligibility, tokens, serve_limits(settings), mode=config.mode)
        server = uvicorn.Server(server_config(api.app(), settings, host=host, port=port))
        if not settings.tls and not is_loopback(host):
            log.warning("serving plain HTTP off loopback: desks need TLS (tls_cert or a proxy)")
        if config.training:
            write_lines(ctx.out, label("training_banner", ctx.language))
        scheme = "https" if settings.tls else "http"
        write_lines(ctx.out, label("serving", ctx.language, url=f"{scheme}://{host}:{port}"))
        with contextlib.suppress(KeyboardInterrupt):  # Ctrl+C: uvicorn has shut down cleanly
            server.run(sockets=[listening])
    finally:
        eligibility.close()
    return EXIT_OK


def _listen(host: str, port: int, ctx: CommandContext) -> socket.socket | None:
    """The listening socket (bound here, so a taken port is our message, not uvicorn's exit);
    None when the port does not exist or cannot be had: the reason is on stderr."""
    words = translations(ctx.language)
    if not 1 <= port <= 65535:  # noqa: PLR2004 - the TCP port range
        write_lines(ctx.err, words.gettext(PORT_RANGE).format(port=port))
        return None
    try:
        return listening_socket(host, port)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            text = words.gettext(PORT_TAKEN).format(host=host, port=port)
        else:
            reason = exc.strerror or str(exc)
            text = words.gettext(CANNOT_LISTEN).format(host=host, port=port, reason=reason)
        write_lines(ctx.err, text)
        return None


def listening_socket(host: str, port: int) -> socket.socket:
    """A TCP socket listening on ``host:port``.

    Made with ``IPPROTO_TCP`` as its protocol (``socket.create_server`` leaves it 0): asyncio
    sets TCP_NODELAY only on connections accepted from such a socket, and without it every
    answer on a kept-alive connection waits for the client's delayed ACK (about 40 ms).
    """
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    try:
        if os.name == "posix":  # a restart may reuse the port of connections still closing
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind((host, port))
        sock.listen()
    except BaseException:
        sock.close()
        raise
    return sock
