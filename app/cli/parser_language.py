# SPDX-License-Identifier: EUPL-1.2
"""The command line's parser in the reader's language: ``--lang`` read before parsing, our
help texts and argparse's own words ("usage:", "error:") from the gettext catalogues."""

from __future__ import annotations

import argparse
import contextlib
import functools
import os
import types
from typing import TYPE_CHECKING

from app.i18n import argparse_translations
from app.language import Language, language_override

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping, Sequence
    from gettext import NullTranslations


def requested_language(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> Language:
    """``--lang`` in ``argv``, else ``$BALIECHECK_LANG``, else Dutch.

    Read before the parser exists, so that its help and its errors are in that language. A
    value that is no language counts as not given here; the parser then says what is wrong.
    """
    given: str | None = None
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            given = argv[index + 1]
        elif arg.startswith("--lang="):
            given = arg.partition("=")[2]
    return language_override(given, environ) or Language.NL


@contextlib.contextmanager
def argparse_words(language: Language) -> Iterator[None]:
    """argparse's own words in ``language`` while the parser is built and parses.

    argparse looks them up through module-level ``_`` and ``ngettext`` (gettext's), each
    time it needs one; they are swapped for the ``argparse`` catalogue's and put back.
    """
    catalogue = argparse_translations(language)
    saved = {name: getattr(argparse, name) for name in ("_", "ngettext")}
    setattr(argparse, "_", catalogue.gettext)  # noqa: B010 - argparse's private name
    setattr(argparse, "ngettext", catalogue.ngettext)  # noqa: B010
    try:
        yield
    finally:
        for name, function in saved.items():
            setattr(argparse, name, function)


def translate_parser(parser: argparse.ArgumentParser, catalogue: NullTranslations) -> None:
    """Our texts in ``parser`` and its subparsers (Dutch msgids marked ``N_``) translated.

    Also the messages of our own value checks (``argparse.ArgumentTypeError``), and a missing
    subcommand named by its choices.
    """
    if parser.description:
        parser.description = catalogue.gettext(parser.description)
    for action in parser._actions:  # noqa: SLF001 - argparse has no public list
        if action.help and action.help is not argparse.SUPPRESS:
            action.help = catalogue.gettext(action.help)
        if isinstance(action.type, types.FunctionType):
            action.type = _translated_errors(action.type, catalogue)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            if action.required and action.metavar is None:
                # "required: {test,check,explain}" rather than the internal name (dest)
                action.metavar = "{" + ",".join(action.choices) + "}"
            for choice in action._choices_actions:  # noqa: SLF001 - the commands' help lines
                if choice.help:
                    choice.help = catalogue.gettext(choice.help)
            for subparser in action.choices.values():
                translate_parser(subparser, catalogue)


def _translated_errors(
    convert: Callable[[str], object], catalogue: NullTranslations
) -> Callable[[str], object]:
    @functools.wraps(convert)  # argparse names the value's kind by the function's name
    def translated(text: str) -> object:
        try:
            return convert(text)
        except argparse.ArgumentTypeError as exc:
            raise argparse.ArgumentTypeError(catalogue.gettext(str(exc))) from None

    return translated
