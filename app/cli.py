# SPDX-License-Identifier: EUPL-1.2
"""The ``baliecheck`` command: argument parsing and dispatch to the subcommands."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from app import logsafe
from app.card_diagnostics import describe_readers, describe_reading, read_inserted_card
from app.cli_labels import label
from app.language import Language
from app.problem_texts import problem_text
from app.problems import problem_for_fault
from app.services import TRAINING_PROFILE, make_card_reader
from app.simulate_card import hold_card_in_vpcd, make_virtual_card, stop_on_signals
from eid.card_profiles import PROFILES
from eid.errors import EidError
from eid.vpcd import DEFAULT_HOST, DEFAULT_PORT, VpcdSlot

if TYPE_CHECKING:
    from collections.abc import Sequence

EXIT_OK = 0
EXIT_PROBLEM = 1

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
    parser.add_argument("--verbose", "-v", action="store_true", help="log details to stderr")
    commands = parser.add_subparsers(dest="command")

    readers = commands.add_parser("readers", help="list card readers and whether a card is in them")
    _add_training(readers)
    card = commands.add_parser("card", help="read the inserted eID (diagnostics, number masked)")
    card.add_argument(
        "--reader", metavar="NAME", help="reader to use (default: first holding a card)"
    )
    _add_training(card)

    simulate = commands.add_parser("simulate-card", help="put a virtual eID into vpcd until Ctrl+C")
    simulate.add_argument("--profile", choices=sorted(PROFILES), default=TRAINING_PROFILE)
    simulate.add_argument(
        "--identity-file",
        type=Path,
        metavar="PATH",
        help="serve this raw identity file (3F00 DF01 4031) instead of a profile",
    )
    simulate.add_argument("--host", default=DEFAULT_HOST)
    simulate.add_argument(
        "--port",
        type=int,
        default=DEFAULT_PORT,
        help="vpcd port: 35963 = 'Virtual PCD 00 00', 35964 = 'Virtual PCD 00 01'",
    )
    return parser


def _add_training(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--training",
        action="store_true",
        help="use the simulated reader with a sample card (no real data)",
    )
    command.add_argument(
        "--profile",
        choices=sorted(PROFILES),
        default=TRAINING_PROFILE,
        help="sample card in training mode",
    )


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    args = build_parser().parse_args(argv)
    out = out or sys.stdout
    logsafe.install(logging.DEBUG if args.verbose else logging.WARNING)
    language = Language(args.lang)
    if args.command is None:  # the run command: training mode, card diagnostics
        args = build_parser().parse_args([*(argv or []), "card", "--training"])
    try:
        return _dispatch(args, language, out)
    except EidError as exc:
        text = problem_text(problem_for_fault(exc.fault), language)
        log.info("card problem: %s", exc)
        _write(
            out,
            f"{label('error', language)}: {text.what} [{exc.fault.value}]",
            f"{label('next', language)}: {text.next_step}",
        )
        return EXIT_PROBLEM


def _dispatch(args: argparse.Namespace, language: Language, out: TextIO) -> int:
    if args.command == "simulate-card":
        return _simulate_card(args, language, out)
    if args.training:
        _write(out, label("training_banner", language))
    reader = make_card_reader(training=args.training, profile=args.profile)
    try:
        if args.command == "readers":
            _write(out, *describe_readers(reader.list_readers(), language))
        else:
            reading = read_inserted_card(reader, args.reader)
            _write(out, *describe_reading(reading, language, dt.date.today()))
    finally:
        reader.close()
    return EXIT_OK


def _simulate_card(args: argparse.Namespace, language: Language, out: TextIO) -> int:
    try:
        card = make_virtual_card(args.profile, args.identity_file)
    except OSError as exc:
        _write(
            out, label("file_unreadable", language, path=args.identity_file, reason=exc.strerror)
        )
        return EXIT_PROBLEM
    stop = stop_on_signals()
    slot = VpcdSlot(args.host, args.port)
    profile = args.identity_file.name if args.identity_file else args.profile
    try:
        hold_card_in_vpcd(
            slot,
            card,
            stop,
            on_inserted=lambda: _write(
                out, label("inserted", language, profile=profile, port=args.port)
            ),
        )
    except OSError:
        _write(out, label("vpcd_unreachable", language, host=args.host, port=args.port))
        return EXIT_PROBLEM
    _write(out, label("removed", language))
    return EXIT_OK


def _write(out: TextIO, *lines: str) -> None:
    for line in lines:
        out.write(line + "\n")
    out.flush()
