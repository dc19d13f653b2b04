# SPDX-License-Identifier: EUPL-1.2
"""One gettext catalogue per language for every string of ours; Dutch is the source language.

The catalogues are ``resources/locale/<lang>/LC_MESSAGES/baliecheck.po`` (translators' tools
read them: Poedit, Weblate); the compiled ``.mo`` beside each is built, never committed
(``python -m app.i18n`` compiles them, as the set-up scripts and the build do). Dutch needs
no catalogue: the source strings are Dutch, and gettext's own plural rule (one, else many)
is Dutch's. Mark a string with ``gettext``/``ngettext``/``pgettext`` where it is used, or
with ``N_`` in a table translated later. The training menu's sample citizens' labels
(resources/sample/citizens.toml) are msgids too, extracted from that file. argparse's own
words ("usage:", "error:") are English msgids in a second domain, ``argparse``, with a Dutch
and a French catalogue.
"""

from __future__ import annotations

import functools
import gettext
import io
import logging
import sys
import tomllib
from pathlib import Path
from typing import IO, TYPE_CHECKING

from app.language import Language
from app.resource_paths import resources_dir

if TYPE_CHECKING:
    from collections.abc import Iterator

DOMAIN = "baliecheck"
ARGPARSE_DOMAIN = "argparse"
# Where our strings are, and what marks one for the catalogue (Babel's keyword specs).
SOURCE_PACKAGES = ("app", "ui", "eid")
KEYWORDS = {"_": None, "N_": None, "gettext": None, "ngettext": (1, 2), "pgettext": ((1, "c"), 2)}
# Data files whose labels are msgids (relative to the source tree's root).
SAMPLE_FILE = Path("resources", "sample", "citizens.toml")

log = logging.getLogger(__name__)


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Marks a string for extraction without translating it (tables translated at use)."""
    return message


def locale_dir() -> Path:
    return resources_dir() / "locale"


@functools.cache
def translations(language: Language) -> gettext.NullTranslations:
    """The catalogue of ``language``; Dutch (the source) is the strings themselves.

    A catalogue that was never compiled leaves the words in Dutch (logged once): the
    set-up scripts and the build compile them; ``baliecheck selftest`` names a missing one.
    """
    if language is Language.NL:
        return gettext.NullTranslations()
    return _load(DOMAIN, language)


@functools.cache
def argparse_translations(language: Language) -> gettext.NullTranslations:
    """argparse's own words in ``language``; English is argparse's source language."""
    if language is Language.EN:
        return gettext.NullTranslations()
    return _load(ARGPARSE_DOMAIN, language)


def _load(domain: str, language: Language) -> gettext.NullTranslations:
    try:
        return gettext.translation(domain, localedir=locale_dir(), languages=[language])
    except FileNotFoundError:
        log.warning("no compiled %s catalogue for %s; run 'python -m app.i18n'", domain, language)
        return gettext.NullTranslations()


def compiled_path(language: Language, domain: str = DOMAIN) -> Path:
    return locale_dir() / language.value / "LC_MESSAGES" / f"{domain}.mo"


def compile_catalogues(directory: Path | None = None, target: Path | None = None) -> list[Path]:
    """Every ``.po`` under ``directory`` (default: the shipped one) → ``.mo`` under ``target``
    (default: beside it), for the set-up scripts and the build (build_resources.py).

    A fuzzy entry is left out, as ``msgfmt`` does. A catalogue that does not parse stops the
    work (ValueError naming the file and line) rather than shipping less.
    """
    from babel.messages.mofile import write_mo  # noqa: PLC0415 - a build-time tool
    from babel.messages.pofile import PoFileError, read_po  # noqa: PLC0415

    source_dir = directory or locale_dir()
    compiled: list[Path] = []
    for source in sorted(source_dir.glob("*/LC_MESSAGES/*.po")):
        try:
            with source.open("rb") as po:
                catalogue = read_po(
                    po, locale=source.parts[-3], domain=source.stem, abort_invalid=True
                )
        except PoFileError as exc:
            raise ValueError(f"{source}: {exc}") from exc
        mo_path = (target or source_dir) / source.relative_to(source_dir).with_suffix(".mo")
        mo_path.parent.mkdir(parents=True, exist_ok=True)
        with mo_path.open("wb") as mo:
            write_mo(mo, catalogue, use_fuzzy=False)
        compiled.append(mo_path)
    if not compiled:
        raise FileNotFoundError(f"no .po catalogues under {source_dir}")
    return compiled


def update_catalogues(root: Path, directory: Path | None = None) -> list[Path]:
    """The code's msgids (under ``root``: app, ui, eid) into every ``baliecheck.po`` under
    ``directory`` (default: the shipped catalogues).

    New ones come in untranslated, gone ones leave, each file keeps its header as written
    (so catalogues from two branches merge as a union). For translators: ``python -m
    app.i18n update``, then translate the new entries.
    """
    from babel.messages.catalog import Catalog  # noqa: PLC0415 - a translator's tool
    from babel.messages.extract import extract_from_dir  # noqa: PLC0415
    from babel.messages.pofile import read_po, write_po  # noqa: PLC0415

    template = Catalog()
    for package in SOURCE_PACKAGES:
        found = extract_from_dir(root / package, [("**.py", "python")], keywords=KEYWORDS)
        for _name, _line, message, _comments, context in found:
            template.add(message, context=context)
    if (root / SAMPLE_FILE).is_file():
        with (root / SAMPLE_FILE).open("rb") as sample:
            for _line, _function, message, _comments in extract_sample_labels(sample):
                template.add(message)
    updated: list[Path] = []
    for path in sorted((directory or locale_dir()).glob(f"*/LC_MESSAGES/{DOMAIN}.po")):
        header = path.read_text(encoding="utf-8").split("\n\n", 1)[0]
        with path.open("rb") as po:
            catalogue = read_po(po, locale=path.parts[-3])
        catalogue.update(template, no_fuzzy_matching=True)
        body = io.BytesIO()
        write_po(body, catalogue, omit_header=True, no_location=True, ignore_obsolete=True)
        path.write_text(f"{header}\n\n{body.getvalue().decode().lstrip()}", encoding="utf-8")
        updated.append(path)
    return updated


def extract_sample_labels(
    fileobj: IO[bytes],
    keywords: object = None,
    comment_tags: object = None,
    options: object = None,
) -> Iterator[tuple[int, None, str, list[str]]]:
    """The sample citizens' labels as msgids: a Babel extraction method (babel.cfg names it
    for ``pybabel extract``); ``update`` and the translation test use it too."""
    del keywords, comment_tags, options  # Babel's signature; nothing to choose here
    text = fileobj.read().decode("utf-8")
    lines = text.splitlines()
    for citizen in tomllib.loads(text).get("citizens", []):
        label = citizen.get("label")
        if isinstance(label, str) and label:
            number = next((i for i, line in enumerate(lines, 1) if label in line), 0)
            yield number, None, label, []


def main(argv: list[str]) -> int:
    if argv == ["update"]:
        return 0 if update_catalogues(Path.cwd()) else 1
    return 0 if compile_catalogues() else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
