# SPDX-License-Identifier: EUPL-1.2
"""One gettext catalogue per language for every string of ours; Dutch is the source language.

The catalogues are ``resources/locale/<lang>/LC_MESSAGES/baliecheck.po`` (translators' tools
read them: Poedit, Weblate); the compiled ``.mo`` beside each is built, never committed
(``python -m app.i18n`` compiles them, as the set-up scripts and the build do). Dutch needs
no catalogue: the source strings are Dutch, and gettext's own plural rule (one, else many)
is Dutch's. Mark a string with ``_`` where it is used, or with ``N_`` in a table read later.
"""

from __future__ import annotations

import functools
import gettext
import sys

from app.language import Language
from app.resource_paths import resources_dir

DOMAIN = "baliecheck"


def N_(message: str) -> str:  # noqa: N802 - gettext's own name for "mark, translate later"
    """Marks a string for extraction without translating it (tables translated at use)."""
    return message


@functools.cache
def translations(language: Language) -> gettext.NullTranslations:
    """The catalogue of ``language``; Dutch (the source) is the strings themselves."""
    if language is Language.NL:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, localedir=resources_dir() / "locale", languages=[language])


def compile_catalogues() -> None:
    """``.po`` → ``.mo`` beside each catalogue (Babel), for the set-up scripts and the build."""
    from babel.messages.frontend import main as pybabel  # noqa: PLC0415 - a build-time tool

    sys.argv = ["pybabel", "-q", "compile", "-d", str(resources_dir() / "locale"), "-D", DOMAIN]
    pybabel()  # type: ignore[no-untyped-call]


if __name__ == "__main__":
    compile_catalogues()
