# SPDX-License-Identifier: EUPL-1.2
"""The desk's flow without a window: wait for a card, read it, check it is genuine, ask,
and check the answer against the backend's catalogue (app.eligibility.verdicts).

Used by ``baliecheck check``; the desk workflow drives the same steps on its threads.
"""

from __future__ import annotations

import functools
import threading
import time
from typing import TYPE_CHECKING

from app.eligibility.port import AdviceQuery
from app.eligibility.verdicts import check_verdict, offered_service, plain_catalogue
from app.problems import AppError
from eid.errors import CardFault, EidError
from eid.reader import EventKind

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.eligibility.port import EligibilityPort
    from app.eligibility.wire import Advice, Channel, RunMode, Service
    from eid.authenticity import CardVerifier
    from eid.insz import NationalNumber
    from eid.reader import CardReader


def wait_for_card(reader: CardReader, wanted: str | None, timeout: float) -> str:
    """The reader a card is in (already, or inserted within ``timeout`` seconds)."""
    deadline = time.monotonic() + timeout
    known: set[str] = set()
    while True:
        remaining = max(0.0, deadline - time.monotonic())
        for event in reader.wait_for_change(min(remaining, 1.0)):
            if event.kind is EventKind.READER_ADDED:
                known.add(event.reader)
            elif event.kind is EventKind.CARD_INSERTED and wanted in (None, event.reader):
                return event.reader
        if wanted is not None and wanted not in known:
            raise EidError(CardFault.READER_NOT_FOUND, f"no reader named {wanted!r}")
        if not known:
            raise EidError(CardFault.NO_READER, "no readers listed")
        if remaining <= 0:
            raise EidError(CardFault.NO_CARD, f"no card inserted within {timeout:g} s")


def read_national_number(reader: CardReader, name: str, verifier: CardVerifier) -> NationalNumber:
    """The number of a card confirmed genuine; CardNotGenuineError (no advice) otherwise."""
    # Here, not at the top: ``check --insz`` asks without a card and needs no card code.
    from eid.belpic import read_genuine_card  # noqa: PLC0415

    with reader.connect(name) as channel:
        return read_genuine_card(channel, name, verifier).identity.national_number


def number_reader(verifier: CardVerifier) -> Callable[[CardReader, str], NationalNumber]:
    """``read_national_number`` bound to a verifier, as the desk's card loop calls it."""
    return functools.partial(read_national_number, verifier=verifier)


def lazy_number_reader(
    make_verifier: Callable[[], CardVerifier],
) -> Callable[[CardReader, str], NationalNumber]:
    """``number_reader`` with its verifier made for the first card (on the card thread):
    cryptography and the trust anchors are no part of the desk's start. Every card is
    checked by it, the first one too."""
    made: list[CardVerifier] = []
    lock = threading.Lock()

    def read(reader: CardReader, name: str) -> NationalNumber:
        with lock:
            if not made:
                made.append(make_verifier())
        return read_national_number(reader, name, made[0])

    return read


def run_mode(own: RunMode, backend: RunMode | None) -> RunMode:
    """The mode an output is made in: this desk's, unless the backend's health says it
    decides on test cards or sample data (then that, as if it were the desk's own)."""
    return own.joined(backend)


def backend_mode(eligibility: EligibilityPort) -> RunMode | None:
    """What the backend's health says about its mode; None when it says nothing or fails."""
    try:
        return eligibility.health().mode
    except AppError:
        return None


def fetch_catalogue(eligibility: EligibilityPort, service: str) -> tuple[Service, ...]:
    """The backend's catalogue (plain text), which must offer ``service``; else AppError."""
    catalogue = plain_catalogue(eligibility.services())
    offered_service(catalogue, service)
    return catalogue


def ask(  # noqa: PLR0913 - each part of one question, by name
    eligibility: EligibilityPort,
    number: NationalNumber,
    *,
    service: str,
    desk: str,
    channel: Channel,
    catalogue: tuple[Service, ...] | None,
) -> Advice:
    """The advice as a verdict that passed the check against ``catalogue``, or AppError."""
    advice = eligibility.advise(AdviceQuery(service, number, desk, channel))
    return check_verdict(advice, catalogue, service=service)
