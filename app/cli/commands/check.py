# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck check``: the desk's whole flow without a window, for admins and scripts.

The first line of the text output (and ``"mode"`` in ``--json``) says which mode decided:
production, acceptance (test cards trusted) or training (a sample card, never the card in a
real reader). The advice passes the same verdict check as at the desk: the service's
catalogue is fetched before the question, and an answer that contradicts it is a problem
(exit 4).
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, aligned, write_lines
from app.cli.labels import label
from app.i18n import N_, translations
from app.services import make_card_reader, make_card_verifier, make_eligibility

if TYPE_CHECKING:
    from app.eligibility.wire import Advice, Channel, LocalizedText
    from app.language import Language
    from app.settings.config import Config
    from eid.insz import NationalNumber

# The engine, pydantic's models and the card stack load when the command runs, not at every
# start of the program (bench/cli_start.py): the tables below are keyed by their enum values.

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

MODE_LINES = {  # app.eligibility.wire.RunMode
    "production": N_("Werkwijze: productie"),
    "acceptance": N_("Werkwijze: ACCEPTATIE — TESTKAARTEN TOEGELATEN, niet voor burgers"),
    "training": N_(
        "Werkwijze: OEFENMODUS — voorbeeldkaart en voorbeeldgegevens; "
        "een kaart in een echte lezer wordt niet gelezen"
    ),
}
TYPED_INVALID = N_(
    "Fout: het ingegeven rijksregisternummer is niet geldig: {reason}. [INVALID_INSZ]"
)
DEFECTS = {  # eid.insz.NumberDefect
    "empty": N_("er werd niets ingegeven"),
    "not-digits": N_("het bevat iets anders dan cijfers"),
    "too-short": N_("te kort, er zijn 11 cijfers nodig"),
    "too-long": N_("te lang, er zijn 11 cijfers nodig"),
    "checksum": N_("de controlecijfers kloppen niet (een tikfout?)"),
    "date": N_("de geboortedatum in het nummer bestaat niet"),
}


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    check = commands.add_parser(
        "check",
        help=N_(
            "op een kaart wachten (of een getypt nummer nemen), "
            "de adviesdienst vragen, het advies tonen"
        ),
    )
    check.add_argument(
        "--service", required=True, metavar="CODE", help=N_("bv. uitpas-kansentarief")
    )
    source = check.add_mutually_exclusive_group()
    source.add_argument(
        "--reader", metavar="NAME", help=N_("lezer waarin gewacht wordt (standaard: elke)")
    )
    source.add_argument(
        "--insz",
        metavar="DIGITS",
        help=N_(
            "getypt rijksregisternummer (kanaal manual); '-' leest het van stdin, "
            "zodat het niet in de shellgeschiedenis en de proceslijst komt"
        ),
    )
    check.add_argument(
        "--timeout", type=float, default=30.0, metavar="S", help=N_("op een kaart wachten")
    )
    check.add_argument("--json", action="store_true", help=N_("één JSON-object op stdout"))
    check.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.desk.headless import ask, backend_mode, fetch_catalogue, run_mode
    from app.eligibility.wire import Channel
    from app.settings.config import load_config
    from eid.insz import NationalNumber, number_defect

    config = load_config(ctx.config_path)
    if args.insz is not None:
        text = sys.stdin.readline() if args.insz == "-" else args.insz
        defect = number_defect(text)
        if defect is not None:
            words = translations(ctx.language).gettext
            write_lines(ctx.err, words(TYPED_INVALID).format(reason=words(DEFECTS[defect.value])))
            return EXIT_USAGE
        number, channel = NationalNumber(text.strip()), Channel.MANUAL
    else:  # a card not confirmed genuine ends here: the backend is not even contacted
        number, channel = _read_card(args, config), Channel.CARD
    eligibility = make_eligibility(config, ctx.data_dir)
    try:
        mode = run_mode(config.mode, backend_mode(eligibility))
        if not args.json:
            write_lines(ctx.out, translations(ctx.language).gettext(MODE_LINES[mode.value]))
        catalogue = fetch_catalogue(eligibility, args.service)
        advice = ask(
            eligibility,
            number,
            service=args.service,
            desk=config.desk.id,
            channel=channel,
            catalogue=catalogue,
        )
    finally:
        eligibility.close()
    if args.json:
        document = verdict_json(advice, channel, ctx.language) | {"mode": mode.value}
        write_lines(ctx.out, json.dumps(document))
    else:
        write_lines(ctx.out, *describe_verdict(advice, channel, ctx.language))
    return EXIT_OK


def _read_card(args: argparse.Namespace, config: Config) -> NationalNumber:
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
    from app.eligibility.verdicts import plain_text

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
        (label("advice_id", language), plain_text(advice.advice_id)),
    ]
    return aligned(rows)
