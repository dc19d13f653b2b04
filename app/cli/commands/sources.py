# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck sources import NAME FILE.csv`` and ``baliecheck sources list``: the source lists."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.source_store import LIST_NAME, SourceStore
from app.i18n import translations
from app.language import Language
from app.resource_paths import rules_dir
from app.services import store_path
from app.settings.config import load_config
from app.settings.credentials import KeyringCredentials, pseudonym_key

if TYPE_CHECKING:
    from app.eligibility.embedded.source_rows import SourceList

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

_TEXTS: dict[str, dict[Language, str]] = {
    "imported": {
        Language.NL: "Lijst '{name}' ingelezen: {rows} rijen, gegevens van {as_of}.",
        Language.FR: "Liste '{name}' importée : {rows} lignes, données du {as_of}.",
        Language.EN: "List '{name}' imported: {rows} rows, data as of {as_of}.",
    },
    "none": {
        Language.NL: "Nog geen lijsten ingelezen.",
        Language.FR: "Aucune liste importée.",
        Language.EN: "No lists imported yet.",
    },
    "row": {
        Language.NL: "{name}: {rows} rijen, gegevens van {as_of}, ingelezen op {imported}",
        Language.FR: "{name} : {rows} lignes, données du {as_of}, importée le {imported}",
        Language.EN: "{name}: {rows} rows, data as of {as_of}, imported {imported}",
    },
    "other_key": {
        Language.NL: "  (ingelezen met een andere sleutel: lees deze lijst opnieuw in)",
        Language.FR: "  (importée avec une autre clé : importez cette liste à nouveau)",
        Language.EN: "  (imported under another key: import this list again)",
    },
    "columns": {
        Language.NL: "  kolommen: {columns}",
        Language.FR: "  colonnes : {columns}",
        Language.EN: "  columns: {columns}",
    },
}


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser("sources", help="import and list the embedded source lists")
    actions = parser.add_subparsers(dest="sources_action", required=True)
    importer = actions.add_parser(
        "import",
        help="replace a list with a CSV file (header: insz or insz,valid_from,valid_to)",
    )
    importer.add_argument("name", metavar="NAME", type=_list_name, help="list name, e.g. leefloon")
    importer.add_argument("file", metavar="FILE.csv", type=Path)
    importer.add_argument(
        "--as-of",
        type=_iso_date,
        metavar="DATE",
        help="date of the data (YYYY-MM-DD; default today)",
    )
    importer.add_argument(
        "--allow-empty",
        action="store_true",
        help="accept a list without rows (otherwise refused, as a likely mistake)",
    )
    importer.add_argument(
        "--force",
        action="store_true",
        help="import even if no rule uses a list of this name (otherwise refused: a typo)",
    )
    actions.add_parser("list", help="names, row counts and dates of the imported lists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    """Import or list; an AppError goes to the command line's one error reporter."""
    if args.sources_action == "import" and not args.force:
        unused = unused_list_text(args.name, ctx)
        if unused is not None:
            write_lines(ctx.err, unused)
            return EXIT_USAGE
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


def unused_list_text(name: str, ctx: CommandContext) -> str | None:
    """Why ``name`` is refused when no rule reads a list of that name (else None)."""
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


def open_store(ctx: CommandContext) -> SourceStore:
    """The real lists (never the training store: importing is for production data)."""
    path = store_path(load_config(ctx.config_path), ctx.data_dir)
    return SourceStore(path, key=pseudonym_key(KeyringCredentials()))


def describe_lists(lists: tuple[SourceList, ...], language: Language) -> list[str]:
    if not lists:
        return [_TEXTS["none"][language]]
    lines = []
    for entry in lists:
        lines.append(
            _TEXTS["row"][language].format(
                name=entry.name,
                rows=entry.rows,
                as_of=entry.as_of.isoformat(),
                imported=entry.imported_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            )
        )
        if entry.columns:
            lines.append(_TEXTS["columns"][language].format(columns=", ".join(entry.columns)))
        if not entry.key_matches:
            lines.append(_TEXTS["other_key"][language])
    return lines


def _imported_line(imported: SourceList, language: Language) -> str:
    return _TEXTS["imported"][language].format(
        name=imported.name, rows=imported.rows, as_of=imported.as_of.isoformat()
    )


def _list_name(text: str) -> str:
    if not LIST_NAME.match(text):
        raise argparse.ArgumentTypeError(
            "a list name is lowercase letters, digits and _, starting with a letter"
        )
    return text


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("a date is written YYYY-MM-DD") from None
