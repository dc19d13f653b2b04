# SPDX-License-Identifier: EUPL-1.2
"""Typed card errors: one root, EidError, carrying a CardFault code and never any card data."""

from __future__ import annotations

from enum import StrEnum


class CardFault(StrEnum):
    """What went wrong with a reader or card, as a stable code for app/ and the logs."""

    PCSC_UNAVAILABLE = "PCSC_UNAVAILABLE"
    PCSC_NOT_INSTALLED = "PCSC_NOT_INSTALLED"  # the OS PC/SC client library is missing
    NO_READER = "NO_READER"
    READER_NOT_FOUND = "READER_NOT_FOUND"
    NO_CARD = "NO_CARD"
    CARD_UNREADABLE = "CARD_UNREADABLE"
    NOT_AN_EID = "NOT_AN_EID"
    CARD_REMOVED = "CARD_REMOVED"
    CARD_DATA_CORRUPT = "CARD_DATA_CORRUPT"
    NATIONAL_NUMBER_INVALID = "NATIONAL_NUMBER_INVALID"
    READER_IN_USE = "READER_IN_USE"
    CARD_NOT_GENUINE = "CARD_NOT_GENUINE"


class AuthenticityStep(StrEnum):
    """Which check a card that is not genuine failed, in the order they are made."""

    ROOT_NOT_PINNED = "root-not-pinned"  # 1: the card's root is no pinned (or test) root
    CHAIN = "chain"  # 2: the RRN certificate is not signed by that root
    VALIDITY_USAGE = "validity-usage"  # 2: not valid when the card was issued, or wrong usage
    SIGNATURE = "signature"  # 3: the identity signature does not verify with the RRN key


class EidError(Exception):
    """A reader or card problem.

    ``detail`` is for the admin log: technical, in English, and never holding card data.
    """

    def __init__(self, fault: CardFault, detail: str = "") -> None:
        super().__init__(f"{fault.value}: {detail}" if detail else fault.value)
        self.fault = fault
        self.detail = detail


class CardNotGenuineError(EidError):
    """The card's identity could not be confirmed as signed by the National Register."""

    def __init__(self, step: AuthenticityStep, detail: str) -> None:
        super().__init__(CardFault.CARD_NOT_GENUINE, f"{step.value}: {detail}")
        self.step = step
