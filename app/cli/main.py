# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` command: global options, the subcommands, and one place for errors.

A start builds the parser of the command it names alone (the desk: the global options alone),
so it imports no other command's module; ``--help``, an unknown word or a usage error gets the
whole parser, which imports every command module (those import their handlers' parts when the
handler runs). A command pays only for itself (bench/cli_start.py).
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from app import logsafe
from app.cli.command_index import COMMAND_MODULES, COMMANDS, named_command, register
from app.cli.context import (
    EXIT_CARD_PROBLEM,
    EXIT_FAILED,
    EXIT_NO_ADVICE,
    EXIT_USAGE,
    CommandContext,
    write_lines,
)
from app.cli.labels import label
from app.cli.parser_language import argparse_words, requested_language, translate_parser
from app.i18n import N_, translations
from app.language import Language
from app.problems import AppError, Problem, problem_for_fault
from eid.errors import EidError

if TYPE_CHECKING:
    from collections.abc import Sequence

# Problems of this installation (exit 2); everything else above the card is "no advice" (4).
USAGE_PROBLEMS = frozenset(
    {
        Problem.CONFIG_INVALID,
        Problem.RULES_INVALID,
        Problem.CREDENTIALS_MISSING,
        Problem.KEYRING_UNAVAILABLE,
        Problem.SOURCE_FILE_INVALID,
    }
)
# Problems whose detail (never personal data) helps the person at the terminal: a file, a
# key, the services a backend offers.
SHOWN_DETAIL = USAGE_PROBLEMS | {Problem.UNKNOWN_SERVICE}
# Problems of this machine's own store: neither a usage error nor "no advice" (exit 1).
LOCAL_STORE_PROBLEMS = frozenset(
    {
        Problem.AUDIT_STORE_FULL,
        Problem.AUDIT_STORE_READ_ONLY,
        Problem.AUDIT_STORE_UNAVAILABLE,
        Problem.AUDIT_KEY_MISMATCH,
    }
)

DESCRIPTION = N_(
    "Toont aan de balie of een burger recht heeft op een verminderd tarief: leest het "
    "rijksregisternummer van de eID-kaart, vraagt het advies aan de adviesdienst en toont "
    "alleen ja of nee en het tarief. Zonder opdracht opent het balievenster; met een "
    "opdracht doet het één taak op de opdrachtregel."
)
NO_COMMAND = N_("geef een opdracht (de balie zelf start met 'baliecheck' zonder opdracht)")

log = logging.getLogger(__name__)


class _ShowVersion(argparse.Action):
    """``--version``: the version comes from the package metadata, read only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        kwargs.setdefault("help", N_("het versienummer tonen en stoppen"))
        super().__init__(option_strings, argparse.SUPPRESS, nargs=0, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kw: object) -> None:
        from app.version import app_version  # noqa: PLC0415 - importlib.metadata costs ~10 ms

        sys.stdout.write(f"baliecheck {app_version()}\n")
        parser.exit()


class _Unsure(Exception):
    """A parser for one command found something it cannot judge alone: the whole one must."""


class _OneCommandParser(argparse.ArgumentParser):
    """Parses as the whole parser would, or raises ``_Unsure`` instead of an error of its own."""

    def error(self, message: str) -> NoReturn:
        raise _Unsure(message)


def build_parser(language: Language = Language.NL) -> argparse.ArgumentParser:
    """The parser with its help and argparse's own words in ``language``."""
    with argparse_words(language):
        return _build_parser(language)


def _build_parser(
    language: Language,
    modules: Sequence[str] = COMMAND_MODULES,
    parser_class: type[argparse.ArgumentParser] = argparse.ArgumentParser,
) -> argparse.ArgumentParser:
    """The global options and the commands ``modules`` register (by default: all)."""
    parser = parser_class(prog="baliecheck", description=DESCRIPTION)
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        default=language.value,
        help=N_("taal van de meldingen (standaard nl, of $BALIECHECK_LANG)"),
    )
    parser.add_argument("--config", type=Path, metavar="PATH", help=N_("configuratiebestand"))
    parser.add_argument(
        "--verbose", "-v", action="store_true", help=N_("details naar stderr loggen")
    )
    parser.add_argument("--version", action=_ShowVersion)
    commands = parser.add_subparsers(dest="command")
    for module in modules:
        register(commands, module)
    translate_parser(parser, translations(language))
    return parser


def parse_arguments(argv: Sequence[str]) -> argparse.Namespace:
    """The parsed command line in the language it asks for (``--lang``, else the env, else
    Dutch); a usage error (exit 2), ``--help`` or ``--version`` exits in argparse."""
    language = requested_language(argv)
    with argparse_words(language):
        command = named_command(argv)
        if command is not None:
            modules = [COMMANDS[command]] if command else []
            try:
                return _build_parser(language, modules, _OneCommandParser).parse_args(argv)
            except _Unsure:
                pass  # the whole parser says what is wrong, in its own words
        return _build_parser(language).parse_args(argv)


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    """Parse and run a command; no command is a usage error here (the desk is ui's)."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_arguments(argv)
    if args.command is None:  # the desk is ui's (ui/entry.py); here a command is needed
        language = requested_language(argv)
        with argparse_words(language):
            _build_parser(language).error(translations(language).gettext(NO_COMMAND))
    return run(args, out, err)


def run(args: argparse.Namespace, out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run the parsed command; a problem is reported once, in the user's words, with its exit."""
    from app.settings.config import data_dir  # noqa: PLC0415 - pydantic, once a command runs

    logsafe.install(logging.DEBUG if args.verbose else logging.WARNING)
    ctx = CommandContext(
        language=Language(args.lang),
        out=out or sys.stdout,
        err=err or out or sys.stderr,
        data_dir=data_dir(),
        config_path=args.config,
    )
    try:
        return int(args.handler(args, ctx))
    except EidError as exc:
        log.info("card problem: %s", exc)
        _report(ctx, problem_for_fault(exc.fault), "")
        return EXIT_CARD_PROBLEM
    except AppError as exc:
        log.info("problem: %s", exc)
        _report(ctx, exc.problem, exc.detail if exc.problem in SHOWN_DETAIL else "")
        if exc.problem in USAGE_PROBLEMS:
            return EXIT_USAGE
        return EXIT_FAILED if exc.problem in LOCAL_STORE_PROBLEMS else EXIT_NO_ADVICE


def _report(ctx: CommandContext, problem: Problem, detail: str) -> None:
    """What went wrong, the code, what to do; an admin's detail (file, key) when it helps."""
    from app.problem_texts import problem_text  # noqa: PLC0415 - only when there is a problem

    text = problem_text(problem, ctx.language)
    lines = [f"{label('error', ctx.language)}: {text.what} [{problem.value}]"]
    lines += [f"  {line}" for line in detail.splitlines()]
    lines.append(f"{label('next', ctx.language)}: {text.next_step}")
    write_lines(ctx.err, *lines)
