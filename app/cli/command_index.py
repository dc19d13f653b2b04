# SPDX-License-Identifier: EUPL-1.2
"""Which module registers each command, and which command a command line names, without
importing a single command module (a start pays only for the command it runs)."""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence
    from types import ModuleType

# Each command's module, in the order --help lists them (tests/test_cli_parser.py checks that
# every module registers exactly the commands named here).
COMMANDS: dict[str, str] = {
    "readers": "app.cli.commands.card",
    "card": "app.cli.commands.card",
    "check": "app.cli.commands.check",
    "sources": "app.cli.commands.sources",
    "serve": "app.cli.commands.serve",
    "credentials": "app.cli.commands.credentials",
    "simulate-card": "app.cli.commands.simulate",
    "audit": "app.cli.commands.audit",
    "selftest": "app.cli.commands.selftest",
    "batch": "app.cli.commands.batch",
    "report": "app.cli.commands.report",
    "rules": "app.cli.commands.rules",
}
COMMAND_MODULES: tuple[str, ...] = tuple(dict.fromkeys(COMMANDS.values()))
# The global options that take a value (their value is never the command).
VALUE_OPTIONS = frozenset({"--lang", "--config"})


def command_module(name: str) -> ModuleType:
    """The module that registers ``name`` (one of ``COMMAND_MODULES``), imported now."""
    return importlib.import_module(name)


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser], module: str) -> None:
    command_module(module).register(commands)


def named_command(argv: Sequence[str]) -> str | None:
    """The command ``argv`` names, when a parser with that command alone parses it as the whole
    parser would: "" when it names none and asks for no help; None when unsure (help asked
    before the command, an abbreviated or unknown word): then the whole parser must parse.
    """
    expect_value = False
    for arg in argv:
        if expect_value:
            expect_value = False
        elif arg in VALUE_OPTIONS:
            expect_value = True
        elif _asks_help(arg) or arg == "--":
            return None
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return ""


def _asks_help(arg: str) -> bool:
    """``-h``, ``--help`` or what argparse takes for it (``--he``, ``-vh``)."""
    if arg.startswith("--"):
        return "--help".startswith(arg.partition("=")[0]) and len(arg) > 2
    return arg.startswith("-") and "h" in arg
