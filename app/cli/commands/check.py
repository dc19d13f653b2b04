# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck check``: the desk's whole flow without a window, for admins and scripts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, aligned, write_lines
from app.cli.labels import label
from app.services import make_card_reader, make_card_verifier, make_eligibility

if TYPE_CHECKING:
    from app.eligibility.wire import Advice, Channel, LocalizedText
    from app.language import Language
    from app.settings.config import Config
    from eid.insz import NationalNumber

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check", help="wait for a card (or take a typed number), ask the backend, print the verdict"
    )
    check.add_argument("--service", required=True, metavar="CODE", help="e.g. uitpas-kansentarief")
    source = check.add_mutually_exclusive_group()
    source.add_argument("--reader", metavar="NAME", help="reader to wait in (default: any)")
    source.add_argument(
        "--insz",
        metavar="DIGITS",
        help="typed national number (channel manual); '-' reads it from stdin, which keeps it "
        "out of the shell history and the process list",
    )
    check.add_argument("--timeout", type=float, default=30.0, metavar="S", help="wait for a card")
    check.add_argument("--json", action="store_true", help="one JSON object on stdout")
    check.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.desk.headless import ask
    from app.eligibility.wire import Channel
    from app.settings.config import load_config

    config = load_config(ctx.config_path)
    if args.insz is not None:
        number = _typed_number(args.insz)
        if number is None:
            write_lines(ctx.err, label("insz_invalid_typed", ctx.language))
            return EXIT_USAGE
        channel = Channel.MANUAL
    else:
        number = _number_from_card(args, config)
        channel = Channel.CARD
    eligibility = make_eligibility(config, ctx.data_dir)
    try:
        advice = ask(
            eligibility, number, service=args.service, desk=config.desk.id, channel=channel
        )
    finally:
        eligibility.close()
    if args.json:
        write_lines(ctx.out, json.dumps(verdict_json(advice, channel, ctx.language)))
    else:
        write_lines(ctx.out, *describe_verdict(advice, channel, ctx.language))
    return EXIT_OK


def _typed_number(insz: str) -> NationalNumber | None:
    """The number typed with ``--insz`` (``-``: one line of stdin), or None when it is not one."""
    from eid.errors import EidError
    from eid.insz import NationalNumber

    typed = sys.stdin.readline() if insz == "-" else insz
    try:
        return NationalNumber(typed.strip())
    except EidError:
        return None


def _number_from_card(args: argparse.Namespace, config: Config) -> NationalNumber:
    """Wait for a card in the reader, read it and check it is genuine."""
    from app.desk.headless import read_national_number, wait_for_card

    verifier = make_card_verifier(config)
    reader = make_card_reader(training=config.training)
    try:
        name = wait_for_card(reader, args.reader or config.desk.reader, args.timeout)
        return read_national_number(reader, name, verifier)
    finally:
        reader.close()


def _text(text: LocalizedText | None, language: Language) -> str:
    if text is None:
        return ""
    return str(getattr(text, language.value, None) or text.nl)


def verdict_json(advice: Advice, channel: Channel, language: Language) -> dict[str, Any]:
    outcome = advice.outcome
    return {
        "service": advice.service,
        "channel": channel.value,
        "advice_id": advice.advice_id,
        "outcome": {
            "code": outcome.code,
            "eligible": outcome.eligible,
            "label": _text(outcome.label, language),
        },
        "data_as_of": advice.data_as_of.isoformat() if advice.data_as_of else None,
    }


def describe_verdict(advice: Advice, channel: Channel, language: Language) -> list[str]:
    outcome = advice.outcome
    verdict = label("eligible_yes" if outcome.eligible else "eligible_no", language)
    as_of = advice.data_as_of.isoformat() if advice.data_as_of else label("unknown", language)
    rows = [
        (label("service", language), advice.service),
        (label("channel", language), label(f"channel_{channel.value}", language)),
        (
            label("outcome", language),
            f"{_text(outcome.label, language)} ({verdict}) [{outcome.code}]",
        ),
        (label("apply", language), _text(outcome.detail, language) or "—"),
        (label("data_as_of", language), as_of),
        (label("advice_id", language), advice.advice_id),
    ]
    return aligned(rows)
