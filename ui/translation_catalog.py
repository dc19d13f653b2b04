# SPDX-License-Identifier: EUPL-1.2
"""Every string the desk translates, and the ``.ts`` files that hold their translations.

``tr`` takes its source from a constant, so ``pyside6-lupdate`` cannot find the strings;
this catalog lists them instead: the str constants (and table values) of ``ui.texts`` in
its context, and every problem's Dutch words in the ``Problem`` context.

``python -m ui.translation_catalog`` brings ``resources/translations/baliecheck_fr.ts`` and
``baliecheck_en.ts`` in line with the catalog: problem words come from app.problem_texts'
tables, UI translations already in the file are kept, new UI strings are added as
``unfinished`` for a translator (Qt Linguist) and obsolete ones are dropped.
"""

from __future__ import annotations

import logging
import sys
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from app.language import Language
from app.problem_texts import PROBLEM_TEXTS
from app.resource_paths import resources_dir
from ui import texts
from ui.main import CANNOT_START

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

TRANSLATED = (Language.FR, Language.EN)
# Constants of ui.texts that are not words: contexts, symbols and the product name.
NOT_WORDS = frozenset(
    {
        "CONTEXT",
        "PROBLEM_CONTEXT",
        "APP_TITLE",
        "ABOUT_VERSION",
        "ELIGIBLE_SYMBOL",
        "STANDARD_SYMBOL",
        "PROBLEM_SYMBOL",
        "REASON_OK",
    }
)

Catalog = dict[tuple[str, str], str]  # (context, Dutch source) -> translation


def ui_strings() -> list[str]:
    """The Dutch UI strings, in the order ui.texts defines them, each once."""
    found: list[str] = []
    for name, value in vars(texts).items():
        if not name.isupper() or name in NOT_WORDS:
            continue
        values = value.values() if isinstance(value, dict) else [value]
        found += [v for v in values if isinstance(v, str)]
    found.append(CANNOT_START)
    return list(dict.fromkeys(found))


def problem_strings() -> list[str]:
    """Every problem's Dutch what and next step, each once."""
    found: list[str] = []
    for words in PROBLEM_TEXTS.values():
        found += [words[Language.NL].what, words[Language.NL].next_step]
    return list(dict.fromkeys(found))


def catalog_strings() -> list[tuple[str, str]]:
    """(context, Dutch source) for every string the desk passes through a translator."""
    return [(texts.CONTEXT, s) for s in ui_strings()] + [
        (texts.PROBLEM_CONTEXT, s) for s in problem_strings()
    ]


def problem_translations(language: Language) -> Catalog:
    """The problem words in ``language`` from app.problem_texts, keyed by their Dutch."""
    found: Catalog = {}
    for words in PROBLEM_TEXTS.values():
        dutch, other = words[Language.NL], words[language]
        found[(texts.PROBLEM_CONTEXT, dutch.what)] = other.what
        found[(texts.PROBLEM_CONTEXT, dutch.next_step)] = other.next_step
    return found


def ts_path(directory: Path, language: Language) -> Path:
    return directory / f"baliecheck_{language.value}.ts"


def read_ts(path: Path) -> Catalog:
    """The finished translations in a ``.ts`` file (unfinished and obsolete ones are left out)."""
    found: Catalog = {}
    if not path.exists():
        return found
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in ("unfinished", "obsolete"):
                continue
            found[(name, message.findtext("source", ""))] = translation.text or ""
    return found


def write_ts(path: Path, language: Language, known: Catalog) -> int:
    """Write the catalog with ``known`` translations to ``path``; the number still missing."""
    root = ET.Element("TS", version="2.1", language=language.value, sourcelanguage="nl")
    missing = 0
    contexts: dict[str, ET.Element] = {}
    for context, source in catalog_strings():
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        text = known.get((context, source))
        if text:
            translation.text = text
        else:
            translation.set("type", "unfinished")
            missing += 1
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    path.write_text(f'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n{body}\n', "utf-8")
    return missing


def update_ts_files(directory: Path) -> dict[Language, int]:
    """Bring each language's ``.ts`` in line with the catalog; untranslated count per language."""
    directory.mkdir(parents=True, exist_ok=True)
    missing: dict[Language, int] = {}
    for language in TRANSLATED:
        path = ts_path(directory, language)
        known = read_ts(path) | problem_translations(language)
        missing[language] = write_ts(path, language, known)
    return missing


def main() -> int:
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    missing = update_ts_files(resources_dir() / "translations")
    for language, count in missing.items():
        log.info("%s: %d string(s) still to translate", language.value, count)
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
