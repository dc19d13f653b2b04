# SPDX-License-Identifier: EUPL-1.2
"""The command index: every module registers the commands the index names, and a command line
parsed with its one command's parser gives what the whole parser gives (else the whole one
parses: help, unknown words and usage errors read as before)."""

from __future__ import annotations

import argparse
import contextlib
import io
from typing import TYPE_CHECKING

import pytest

from app.cli.command_index import COMMAND_MODULES, COMMANDS, command_module, named_command
from app.cli.main import build_parser, parse_arguments
from app.cli.parser_language import argparse_words
from app.language import Language

if TYPE_CHECKING:
    from collections.abc import Callable


def test_command_index_names_what_each_module_registers() -> None:
    for module in COMMAND_MODULES:
        commands = argparse.ArgumentParser().add_subparsers(dest="command")
        command_module(module).register(commands)
        named = [name for name, where in COMMANDS.items() if where == module]
        assert list(commands.choices) == named, module


def test_command_index_lists_commands_in_the_help_order() -> None:
    parser = build_parser(Language.NL)
    subparsers = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(subparsers.choices) == list(COMMANDS)


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        ([], ""),
        (["-v", "--lang", "fr"], ""),
        (["--config", "card", "--lang=en"], ""),  # a value, never the command
        (["--config", "b.toml", "check", "--service", "x"], "check"),
        (["card", "--help"], "card"),  # the command's own help needs only its parser
        (["--help"], None),
        (["-vh"], None),
        (["--he", "card"], None),
        (["nonsense"], None),
        (["chec"], None),  # argparse would name the unknown word; the whole parser must
        (["--", "card"], None),
    ],
)
def test_command_index_names_the_command_or_is_unsure(argv: list[str], named: str | None) -> None:
    assert named_command(argv) == named


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--lang", "fr", "-v"],
        ["--config", "b.toml"],
        ["card", "--training", "--profile", "v17"],
        ["readers"],
        ["--lang", "en", "check", "--service", "uitpas-kansentarief", "--insz", "-", "--json"],
        ["audit", "verify"],
        ["sources", "list"],
        ["--conf", "x.toml", "check", "--service", "lez"],  # argparse's abbreviation
        ["--config", "check", "card"],  # check is the file, card the command
    ],
)
def test_command_index_one_command_parses_as_the_whole_parser(argv: list[str]) -> None:
    whole = build_parser(Language.NL).parse_args(argv)
    assert parse_arguments(argv) == whole


@pytest.mark.parametrize(
    "argv",
    [
        ["card", "--nonsense"],
        ["check"],  # --service is required
        ["--lang", "de"],
        ["--config"],
        ["card", "extra"],
        ["--config", "check", "card", "extra"],  # check is the file, card the command
    ],
)
def test_command_index_usage_errors_read_as_the_whole_parser_says(argv: list[str]) -> None:
    def error_of(parse: Callable[[], object]) -> str:
        err = io.StringIO()
        with contextlib.redirect_stderr(err), pytest.raises(SystemExit) as exited:
            parse()
        assert exited.value.code == 2  # noqa: PLR2004 - argparse's usage error
        return err.getvalue()

    with argparse_words(Language.NL):  # argparse's own words in Dutch, as parse_arguments
        whole = error_of(lambda: build_parser(Language.NL).parse_args(argv))
    assert error_of(lambda: parse_arguments(argv)) == whole
    assert "baliecheck" in whole
