# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck sources import NAME FILE.csv`` and ``baliecheck sources list``: the source lists."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import EXIT_OK, CommandContext, write_lines
from app.i18n import N_, translations
from app.services import store_path

if TYPE_CHECKING:
    from app.eligibility.embedded.source_store import SourceList, SourceStore
    from app.language import Language

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "sources", help=N_("de bronlijsten van de ingebouwde adviesmotor inlezen en tonen")
    )
    actions = parser.add_subparsers(dest="sources_action", required=True)
    importer = actions.add_parser(
        "import",
        help=N_(
            "een lijst vervangen door een CSV-bestand (kopregel: insz of insz,valid_from,valid_to)"
        ),
    )
    importer.add_argument(
        "name", metavar="NAME", type=_list_name, help=N_("naam van de lijst, bv. leefloon")
    )
    importer.add_argument("file", metavar="FILE.csv", type=Path)
    importer.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="DATE",
        help=N_("datum van de gegevens (JJJJ-MM-DD; standaard vandaag)"),
    )
    importer.add_argument(
        "--allow-empty",
        action="store_true",
        help=N_(
            "een lijst zonder rijen aanvaarden (anders geweigerd, als waarschijnlijke vergissing)"
        ),
    )
    actions.add_parser("list", help=N_("namen, aantallen rijen en datums van de ingelezen lijsten"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Import or list; an AppError goes to the command line's one error reporter."""
    store = open_store(ctx)
    try:
        if args.sources_action == "import":
            as_of = args.as_of or dt.date.today()
            imported = store.import_csv(
                args.name, args.file, as_of=as_of, allow_empty=args.allow_empty
            )
            write_lines(ctx.out, _imported_line(imported, ctx.language))
        else:
            write_lines(ctx.out, *describe_lists(store.lists(), ctx.language))
    finally:
        store.close()
    return EXIT_OK


def open_store(ctx: CommandContext) -> SourceStore:
    """The real lists (never the training store: importing is for production data)."""
    from app.eligibility.embedded.source_store import SourceStore
    from app.settings.config import load_config
    from app.settings.credentials import KeyringCredentials, data_written, pseudonym_key

    path = store_path(load_config(ctx.config_path), ctx.data_dir)
    made = data_written(ctx.data_dir, path)  # a lost key is restored, not replaced
    return SourceStore(path, key=pseudonym_key(KeyringCredentials(), create=not made))


def describe_lists(lists: tuple[SourceList, ...], language: Language) -> list[str]:
    catalogue = translations(language)
    if not lists:
        return [catalogue.gettext("Nog geen lijsten ingelezen.")]
    lines = []
    for entry in lists:
        row = catalogue.ngettext(
            "{name}: {rows} rij, gegevens van {as_of}, ingelezen op {imported}",
            "{name}: {rows} rijen, gegevens van {as_of}, ingelezen op {imported}",
            entry.rows,
        )
        imported = entry.imported_at.astimezone().strftime("%Y-%m-%d %H:%M")
        lines.append(
            row.format(
                name=entry.name, rows=entry.rows, as_of=entry.as_of.isoformat(), imported=imported
            )
        )
        if not entry.key_matches:
            lines.append(
                catalogue.gettext(
                    "  (ingelezen met een andere sleutel: lees deze lijst opnieuw in)"
                )
            )
    return lines


def _imported_line(imported: SourceList, language: Language) -> str:
    line = translations(language).ngettext(
        "Lijst '{name}' ingelezen: {rows} rij, gegevens van {as_of}.",
        "Lijst '{name}' ingelezen: {rows} rijen, gegevens van {as_of}.",
        imported.rows,
    )
    return line.format(name=imported.name, rows=imported.rows, as_of=imported.as_of.isoformat())


def _list_name(text: str) -> str:
    from app.eligibility.embedded.source_store import LIST_NAME

    if not LIST_NAME.match(text):
        raise argparse.ArgumentTypeError(
            N_("een lijstnaam bestaat uit kleine letters, cijfers en _, en begint met een letter")
        )
    return text


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(N_("een datum schrijf je als JJJJ-MM-DD")) from None
