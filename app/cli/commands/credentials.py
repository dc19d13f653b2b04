# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck credentials set NAME``: put a secret into the OS keyring, read from stdin."""

from __future__ import annotations

import argparse
import getpass
import sys

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_
from app.settings.credentials import KeyringCredentials, SecretName

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

SETTABLE = (SecretName.BEARER_TOKEN, SecretName.OAUTH_CLIENT_SECRET, SecretName.SERVE_TOKENS)


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "credentials",
        help=N_("geheimen van de adviesdienst in de sleutelopslag van het systeem bewaren"),
    )
    actions = parser.add_subparsers(dest="action", required=True)
    set_parser = actions.add_parser(
        "set",
        help=N_(
            "een geheim bewaren; het wordt gelezen van de terminal (verborgen) of van stdin, "
            "nooit van de opdrachtregel"
        ),
    )
    set_parser.add_argument("name", choices=[name.value for name in SETTABLE])
    set_parser.set_defaults(handler=run_set)


def run_set(args: argparse.Namespace, ctx: CommandContext) -> int:
    name = SecretName(args.name)
    prompt = f"{name.value}: "
    value = getpass.getpass(prompt) if sys.stdin.isatty() else sys.stdin.readline()
    value = value.strip()
    if not value:
        write_lines(ctx.err, label("secret_empty", ctx.language, name=name.value))
        return EXIT_USAGE
    KeyringCredentials().set(name, value)
    write_lines(ctx.out, label("secret_stored", ctx.language, name=name.value))
    return EXIT_OK
