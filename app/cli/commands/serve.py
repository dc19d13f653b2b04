# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck serve``: the embedded engine over HTTP, as the contract says, for several desks."""

from __future__ import annotations

import argparse
import errno
import logging
import socket

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_, translations
from app.problems import AppError, Problem
from app.services import make_eligibility

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
    import uvicorn

    from app.serve.api import EligibilityApi
    from app.settings.config import AuthKind, BackendKind, load_config

    config = load_config(ctx.config_path)
    if config.backend is not BackendKind.EMBEDDED:
        raise AppError(Problem.CONFIG_INVALID, "serve needs backend = 'embedded'")
    host = args.host or config.serve.host
    port = config.serve.port if args.port is None else args.port
    listening = _listen(host, port, ctx)
    if listening is None:
        return EXIT_USAGE
    try:
        tokens = None if config.serve.auth is AuthKind.NONE else serve_tokens()
        eligibility = make_eligibility(config, ctx.data_dir)
    except BaseException:
        listening.close()
        raise
    app = EligibilityApi(eligibility, tokens, mode=config.mode).app()
    if config.training:
        write_lines(ctx.out, label("training_banner", ctx.language))
    write_lines(ctx.out, label("serving", ctx.language, url=f"http://{host}:{port}"))
    server = uvicorn.Server(
        uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False)
    )
    try:
        server.run(sockets=[listening])
    except KeyboardInterrupt:
        pass  # Ctrl+C or SIGINT: uvicorn has shut down (uvicorn.run does the same)
    finally:
        listening.close()
        eligibility.close()
    return EXIT_OK


def _listen(host: str, port: int, ctx: CommandContext) -> socket.socket | None:
    """The listening socket (bound here, so a taken port is our message, not uvicorn's exit);
    None when the port does not exist or cannot be had: the reason is on stderr."""
    words = translations(ctx.language)
    if not 1 <= port <= 65535:  # noqa: PLR2004 - the TCP port range
        write_lines(ctx.err, words.gettext(PORT_RANGE).format(port=port))
        return None
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    try:
        return socket.create_server((host, port), family=family)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            text = words.gettext(PORT_TAKEN).format(host=host, port=port)
        else:
            reason = exc.strerror or str(exc)
            text = words.gettext(CANNOT_LISTEN).format(host=host, port=port, reason=reason)
        write_lines(ctx.err, text)
        return None
