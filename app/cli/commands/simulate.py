# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck simulate-card``: a virtual eID in a vpcd reader until Ctrl+C."""

from __future__ import annotations

import argparse
from pathlib import Path

from app.cli.choices import SAMPLE_CARDS
from app.cli.context import EXIT_FAILED, EXIT_OK, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_
from app.services import TRAINING_PROFILE

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    simulate = commands.add_parser(
        "simulate-card", help=N_("een virtuele eID in vpcd steken tot Ctrl+C")
    )
    simulate.add_argument(
        "--profile", choices=SAMPLE_CARDS, metavar="PROFILE", default=TRAINING_PROFILE
    )
    simulate.add_argument(
        "--identity-file",
        type=Path,
        metavar="PATH",
        help=N_("dit ruwe identiteitsbestand (3F00 DF01 4031) aanbieden in plaats van een profiel"),
    )
    simulate.add_argument("--host")  # default: eid.vpcd's, applied when the command runs
    simulate.add_argument(
        "--port",
        type=int,
        help=N_("vpcd-poort: 35963 = 'Virtual PCD 00 00', 35964 = 'Virtual PCD 00 01'"),
    )
    simulate.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.cli.simulate_card import hold_card_in_vpcd, make_virtual_card, stop_on_signals
    from eid.vpcd import DEFAULT_HOST, DEFAULT_PORT, VpcdSlot

    host = args.host or DEFAULT_HOST
    port = DEFAULT_PORT if args.port is None else args.port
    language = ctx.language
    try:
        card = make_virtual_card(args.profile, args.identity_file)
    except OSError as exc:
        text = label("file_unreadable", language, path=args.identity_file, reason=exc.strerror)
        write_lines(ctx.err, text)
        return EXIT_FAILED
    stop = stop_on_signals()
    slot = VpcdSlot(host, port)
    profile = args.identity_file.name if args.identity_file else args.profile
    inserted = label("inserted", language, profile=profile, port=port)
    try:
        hold_card_in_vpcd(slot, card, stop, on_inserted=lambda: write_lines(ctx.out, inserted))
    except OSError:
        write_lines(ctx.err, label("vpcd_unreachable", language, host=host, port=port))
        return EXIT_FAILED
    write_lines(ctx.out, label("removed", language))
    return EXIT_OK
