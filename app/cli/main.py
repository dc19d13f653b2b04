# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` command: global options, the subcommands, and one place for errors."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

import app.cli.commands.rules as rules_cmd
from app import logsafe
from app.cli.commands import audit, card, check, credentials, selftest, serve, simulate, sources
from app.cli.context import (
    EXIT_CARD_PROBLEM,
    EXIT_FAILED,
    EXIT_NO_ADVICE,
    EXIT_USAGE,
    CommandContext,
    write_lines,
)
from app.cli.labels import label
from app.language import Language
from app.problem_texts import problem_text
from app.problems import AppError, Problem, problem_for_fault
from app.settings.config import data_dir
from app.version import app_version
from eid.errors import EidError

if TYPE_CHECKING:
    from collections.abc import Sequence

COMMAND_MODULES = (card, check, sources, serve, credentials, simulate, audit, selftest, rules_cmd)

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
# Problems of this machine's own store: neither a usage error nor "no advice" (exit 1).
LOCAL_STORE_PROBLEMS = frozenset(
    {
        Problem.AUDIT_STORE_FULL,
        Problem.AUDIT_STORE_READ_ONLY,
        Problem.AUDIT_STORE_UNAVAILABLE,
        Problem.AUDIT_KEY_MISMATCH,
    }
)

log = logging.getLogger(__name__)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="baliecheck",
        description="Counter-desk eligibility check from the Belgian eID. "
        "Without a command: card diagnostics in training mode.",
    )
    parser.add_argument(
        "--lang",
        choices=[lang.value for lang in Language],
        default=os.environ.get("BALIECHECK_LANG", Language.NL.value),
        help="language of messages (default nl, or $BALIECHECK_LANG)",
    )
    parser.add_argument("--config", type=Path, metavar="PATH", help="configuration file")
    parser.add_argument("--verbose", "-v", action="store_true", help="log details to stderr")
    parser.add_argument("--version", action="version", version=f"baliecheck {app_version()}")
    commands = parser.add_subparsers(dest="command")
    for module in COMMAND_MODULES:
        module.register(commands)
    return parser


def main(
    argv: Sequence[str] | None = None, out: TextIO | None = None, err: TextIO | None = None
) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:  # the run command: training mode, card diagnostics
        args = parser.parse_args([*argv, "card", "--training"])
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
        _report(ctx, exc.problem, exc.detail if exc.problem in USAGE_PROBLEMS else "")
        if exc.problem in USAGE_PROBLEMS:
            return EXIT_USAGE
        return EXIT_FAILED if exc.problem in LOCAL_STORE_PROBLEMS else EXIT_NO_ADVICE


def _report(ctx: CommandContext, problem: Problem, detail: str) -> None:
    """What went wrong, the code, what to do; an admin's detail (file, key) when it helps."""
    text = problem_text(problem, ctx.language)
    lines = [f"{label('error', ctx.language)}: {text.what} [{problem.value}]"]
    lines += [f"  {line}" for line in detail.splitlines()]
    lines.append(f"{label('next', ctx.language)}: {text.next_step}")
    write_lines(ctx.err, *lines)
