# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck readers`` and ``baliecheck card``: the admin's card diagnostics."""

from __future__ import annotations

import argparse
import datetime as dt

from app.cli.choices import SAMPLE_CARDS
from app.cli.context import EXIT_OK, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_
from app.services import TRAINING_PROFILE, make_card_reader, make_card_verifier

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    readers = commands.add_parser(
        "readers", help=N_("de kaartlezers tonen en of er een kaart in zit")
    )
    _add_training(readers)
    readers.set_defaults(handler=run_readers)
    card = commands.add_parser(
        "card",
        help=N_("de ingestoken eID lezen en nagaan of ze echt is (diagnose, nummer gemaskeerd)"),
    )
    card.add_argument(
        "--reader",
        metavar="NAME",
        help=N_("te gebruiken lezer (standaard: de eerste met een kaart)"),
    )
    _add_training(card)
    card.set_defaults(handler=run_card)


def _add_training(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--training",
        action="store_true",
        help=N_("de gesimuleerde lezer met een voorbeeldkaart gebruiken (geen echte gegevens)"),
    )
    command.add_argument(
        "--profile",
        choices=SAMPLE_CARDS,
        metavar="PROFILE",
        default=TRAINING_PROFILE,
        help=N_("voorbeeldkaart in oefenmodus"),
    )


def run_readers(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.cli.card_diagnostics import describe_readers

    if args.training:
        write_lines(ctx.out, label("training_banner", ctx.language))
    reader = make_card_reader(training=args.training, profile=args.profile)
    try:
        write_lines(ctx.out, *describe_readers(reader.list_readers(), ctx.language))
    finally:
        reader.close()
    return EXIT_OK


def run_card(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.cli.card_diagnostics import describe_reading, read_inserted_card
    from app.settings.config import load_config

    if args.training:
        write_lines(ctx.out, label("training_banner", ctx.language))
    # A diagnosis: a card that is not genuine is reported on its own line, not as an error.
    verifier = make_card_verifier(load_config(ctx.config_path), training=args.training)
    reader = make_card_reader(training=args.training, profile=args.profile)
    try:
        reading = read_inserted_card(reader, args.reader, verifier)
    finally:
        reader.close()
    write_lines(ctx.out, *describe_reading(reading, ctx.language, dt.date.today()))
    return EXIT_OK
