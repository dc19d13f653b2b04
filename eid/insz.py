# SPDX-License-Identifier: EUPL-1.2
"""The national number (INSZ: national register or BIS number) as a value that hides itself.

``str()``, ``repr()`` and ``format()`` give only the masked form ``85.07.30-xxx.xx``; the
digits are reached through the explicit ``digits`` attribute. Validation is python-stdnum's
(checksum with the 2000 rule, BIS months, unknown birth dates).
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Final

from stdnum.be import bis, nn
from stdnum.exceptions import InvalidComponent, ValidationError

from eid.errors import CardFault, EidError

if TYPE_CHECKING:
    from types import ModuleType


class NumberKind(StrEnum):
    NATIONAL_REGISTER = "national-register"
    BIS = "bis"


class NationalNumber:
    """A validated national number or BIS number. Immutable; masked when printed."""

    __slots__ = ("_digits", "_kind")
    _digits: str
    _kind: NumberKind

    def __init__(self, text: str) -> None:
        # Typed callers pass str; anything else is refused like a malformed number. Eleven
        # ASCII digits (a card's, a list's, a batch row's) need no separators removed.
        if not isinstance(text, str):
            digits = ""
        elif len(text) == 11 and text.isascii() and text.isdigit():
            digits = text
        else:
            digits = nn.compact(text)
        kind = _validate(digits)
        object.__setattr__(self, "_digits", digits)
        object.__setattr__(self, "_kind", kind)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("NationalNumber is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError("NationalNumber is immutable")

    @property
    def digits(self) -> str:
        """The 11 digits. Use only to send the number where it is needed, never to show it."""
        return self._digits

    @property
    def kind(self) -> NumberKind:
        return self._kind

    @property
    def masked(self) -> str:
        """Birth-date part only, e.g. ``85.07.30-xxx.xx``."""
        d = self._digits
        return f"{d[0:2]}.{d[2:4]}.{d[4:6]}-xxx.xx"

    def __str__(self) -> str:
        return self.masked

    def __repr__(self) -> str:
        return f"NationalNumber({self.masked!r})"

    def __format__(self, spec: str) -> str:
        return format(self.masked, spec)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, NationalNumber) and other._digits == self._digits

    def __hash__(self) -> int:
        return hash(("NationalNumber", self._digits))

    def __reduce__(self) -> tuple[object, ...]:
        raise TypeError("a NationalNumber is not pickled, so it cannot leak into files")


_INVALID: Final = "not a valid national register or BIS number"


def _validate(digits: str) -> NumberKind:
    """Which kind the digits are, or an EidError that never repeats the digits."""
    if len(digits) != 11 or not digits.isascii() or not digits.isdigit():
        raise EidError(CardFault.NATIONAL_NUMBER_INVALID, f"{_INVALID} (not 11 digits)")
    module = _module_for(digits)
    try:
        module.validate(digits)
    except ValidationError as exc:
        # stdnum's messages name components, not the digits; keep only the class name.
        reason = type(exc).__name__
        raise EidError(CardFault.NATIONAL_NUMBER_INVALID, f"{_INVALID} ({reason})") from None
    return NumberKind.BIS if module is bis else NumberKind.NATIONAL_REGISTER


def _module_for(digits: str) -> ModuleType:
    """stdnum's BIS rules for months 20–52 (BIS numbers add 20 or 40), else the national one."""
    return bis if 20 <= int(digits[2:4]) <= 52 else nn


def is_valid_national_number(text: str) -> bool:
    """True if ``text`` (separators allowed) is a valid national register or BIS number."""
    try:
        NationalNumber(text)
    except EidError:
        return False
    return True


class NumberDefect(StrEnum):
    """What is wrong with a typed number, so staff are told that and not a guess."""

    EMPTY = "empty"
    NOT_DIGITS = "not-digits"  # a letter or other sign besides digits, spaces, dots, dashes
    TOO_SHORT = "too-short"
    TOO_LONG = "too-long"
    CHECKSUM = "checksum"  # the last two digits do not match the first nine
    DATE = "date"  # the birth date part cannot be a date (e.g. month 13)


def number_defect(text: str) -> NumberDefect | None:
    """Why ``text`` is no valid national register or BIS number; None when it is one."""
    digits = nn.compact(text)
    if not digits:
        return NumberDefect.EMPTY
    if not digits.isascii() or not digits.isdigit():
        return NumberDefect.NOT_DIGITS
    if len(digits) != 11:
        return NumberDefect.TOO_SHORT if len(digits) < 11 else NumberDefect.TOO_LONG
    try:
        _module_for(digits).validate(digits)
    except InvalidComponent:
        return NumberDefect.DATE
    except ValidationError:
        return NumberDefect.CHECKSUM
    return None
