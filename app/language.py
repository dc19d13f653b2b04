# SPDX-License-Identifier: EUPL-1.2
"""The languages staff and admins can choose: Dutch first, then French and English."""

from __future__ import annotations

import os
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Mapping

LANG_ENV = "BALIECHECK_LANG"


class Language(StrEnum):
    NL = "nl"
    FR = "fr"
    EN = "en"


def language_override(
    given: str | None, environ: Mapping[str, str] = os.environ
) -> Language | None:
    """``--lang``'s value, else ``$BALIECHECK_LANG``, when it names a language; else None.

    Both win over the configuration's ``[desk] language``; a value that is no language
    counts as not given.
    """
    for candidate in (given, environ.get(LANG_ENV)):
        if candidate in set(Language):
            return Language(candidate)
    return None
