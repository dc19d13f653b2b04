# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck sources import NAME FILE.csv`` and ``baliecheck sources list``: the source lists."""

from __future__ import annotations

import argparse
import codecs
import datetime as dt
import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.i18n import N_, translations
from app.problems import AppError, Problem
from app.services import open_real_store
from app.tables.excel_csv import CsvFormat, delimiter_arg

if TYPE_CHECKING:
    from app.eligibility.embedded.lists.rows import SourceList
    from app.eligibility.embedded.store import Store
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
    importer.add_argument(
        "--force",
        action="store_true",
        help=N_(
            "ook inlezen als geen regel een lijst met deze naam leest "
            "(anders geweigerd: een tikfout)"
        ),
    )
    add_format_options(importer)
    actions.add_parser("list", help=N_("namen, aantallen rijen en datums van de ingelezen lijsten"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Import or list; the store's own failures said for an admin, other AppErrors go on."""
    if args.sources_action == "import" and not args.force:
        unused = unused_list_text(args.name, ctx)
        if unused is not None:
            write_lines(ctx.err, unused)
            return EXIT_USAGE
    try:
        store = open_store(ctx)
        try:
            if args.sources_action == "import":
                _import(store, args, ctx)
            else:
                write_lines(ctx.out, *describe_lists(store.lists(), ctx.language))
        finally:
            store.close()
    except AppError as exc:
        if exc.problem is not Problem.SOURCE_UNAVAILABLE:
            raise
        write_lines(ctx.err, *store_failure_lines(exc.detail, ctx.language))
        return EXIT_FAILED
    return EXIT_OK


def _import(store: Store, args: argparse.Namespace, ctx: CommandContext) -> None:
    as_of = args.as_of or dt.date.today()
    form = CsvFormat(delimiter=args.delimiter, encoding=args.encoding)
    imported = store.import_csv(
        args.name, args.file, as_of=as_of, allow_empty=args.allow_empty, form=form
    )
    write_lines(ctx.out, _imported_line(imported, ctx.language))
    if imported.duplicates:
        text = translations(ctx.language).ngettext(
            "{count} dubbele rij (zelfde persoon, zelfde data) werd één keer geteld.",
            "{count} dubbele rijen (zelfde persoon, zelfde data) werden één keer geteld.",
            imported.duplicates,
        )
        write_lines(ctx.out, text.format(count=imported.duplicates))


def add_format_options(parser: argparse.ArgumentParser) -> None:
    """``--delimiter`` and ``--encoding``, for a file whose dialect detection guesses wrong."""
    parser.add_argument(
        "--delimiter",
        type=_delimiter,
        metavar="SEP",
        help=N_("scheidingsteken: ',', ';' of 'tab' (standaard: uit de kopregel afgeleid)"),
    )
    parser.add_argument(
        "--encoding",
        type=_encoding,
        metavar="NAME",
        help=N_("tekenset, bv. utf-8 of cp1252 (standaard: een BOM, anders UTF-8, anders cp1252)"),
    )


def store_failure_lines(detail: str, language: Language) -> list[str]:
    """An admin's account of a store that cannot be opened or written: the file and the cause."""
    _ = translations(language).gettext
    lower = detail.lower()
    if "readonly" in lower or "read-only" in lower or "permission denied" in lower:
        cause = _("De map of het bestand is alleen-lezen: geef schrijfrechten of kies een map.")
    elif "full" in lower or "no space" in lower:
        cause = _("De schijf is vol: maak ruimte vrij en probeer opnieuw.")
    else:
        cause = _("Controleer of de map bestaat en beschrijfbaar is, en het bestand heel is.")
    return [
        _("Fout: de lijstenopslag kan niet geopend of geschreven worden [SOURCE_UNAVAILABLE]"),
        f"  {detail}",
        cause,
    ]


def unused_list_text(name: str, ctx: CommandContext) -> str | None:
    """Why ``name`` is refused when no rule reads a list of that name (else None)."""
    from app.eligibility.embedded.rules import load_rules
    from app.resource_paths import rules_dir
    from app.settings.config import load_config

    directory = load_config(ctx.config_path).embedded.rules_dir or rules_dir()
    used = sorted(frozenset().union(*(rules.lists for rules in load_rules(directory))))
    if name in used:
        return None
    t = translations(ctx.language)
    close = difflib.get_close_matches(name, used, n=1)
    text = t.gettext("Geen regel leest een lijst '{name}' (de regels lezen: {lists}).").format(
        name=name, lists=", ".join(used)
    )
    if close:
        text += " " + t.gettext("Bedoelde u '{close}'?").format(close=close[0])
    return (
        text
        + " "
        + t.gettext(
            "Verbeter de naam, of lees de lijst toch in met --force (een regel kan ze later lezen)."
        )
    )


def open_store(ctx: CommandContext) -> Store:
    """The real lists (never the training store: importing is for production data)."""
    from app.settings.config import load_config
    from app.settings.credentials import KeyringCredentials

    return open_real_store(load_config(ctx.config_path), ctx.data_dir, KeyringCredentials())


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
        if entry.columns:
            columns = ", ".join(entry.columns)
            lines.append(catalogue.gettext("  kolommen: {columns}").format(columns=columns))
    return lines


def _imported_line(imported: SourceList, language: Language) -> str:
    line = translations(language).ngettext(
        "Lijst '{name}' ingelezen: {rows} rij, gegevens van {as_of}.",
        "Lijst '{name}' ingelezen: {rows} rijen, gegevens van {as_of}.",
        imported.rows,
    )
    return line.format(name=imported.name, rows=imported.rows, as_of=imported.as_of.isoformat())


def _list_name(text: str) -> str:
    from app.eligibility.embedded.lists.store import LIST_NAME

    if not LIST_NAME.match(text):
        raise argparse.ArgumentTypeError(
            N_("een lijstnaam bestaat uit kleine letters, cijfers en _, en begint met een letter")
        )
    return text


def _delimiter(text: str) -> str:
    try:
        return delimiter_arg(text)
    except ValueError:
        raise argparse.ArgumentTypeError(N_("het scheidingsteken is ',', ';' of 'tab'")) from None


def _encoding(text: str) -> str:
    try:
        return codecs.lookup(text).name
    except LookupError:
        raise argparse.ArgumentTypeError(N_("onbekende tekenset (bv. utf-8 of cp1252)")) from None


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(N_("een datum schrijf je als JJJJ-MM-DD")) from None
