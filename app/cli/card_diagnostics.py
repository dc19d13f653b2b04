# SPDX-License-Identifier: EUPL-1.2
"""The admin's card diagnostics: list readers, and read the card in one, as printable lines."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.cli.context import aligned
from app.cli.labels import label
from eid.authenticity import Authenticity
from eid.belpic import CardReading, read_card
from eid.errors import CardFault, EidError
from eid.insz import NumberKind

if TYPE_CHECKING:
    import datetime as dt

    from app.language import Language
    from eid.authenticity import CardVerifier
    from eid.errors import CardNotGenuineError
    from eid.reader import CardReader, ReaderStatus


def describe_readers(readers: list[ReaderStatus], language: Language) -> list[str]:
    if not readers:
        return [label("no_readers", language)]
    lines = []
    for status in readers:
        state = label("card_present" if status.card_present else "empty", language)
        if status.in_exclusive_use:
            state += f", {label('exclusive', language)}"
        lines.append(f"{status.name}: {state}")
    return lines


def choose_reader(readers: list[ReaderStatus], wanted: str | None) -> str:
    """The named reader, else the first one holding a card; EidError when there is none."""
    if not readers:
        raise EidError(CardFault.NO_READER, "no readers listed")
    if wanted is not None:
        for status in readers:
            if status.name == wanted:
                if not status.card_present:
                    raise EidError(CardFault.NO_CARD, f"no card in {wanted!r}")
                return status.name
        raise EidError(CardFault.READER_NOT_FOUND, f"no reader named {wanted!r}")
    for status in readers:
        if status.card_present:
            return status.name
    raise EidError(CardFault.NO_CARD, "no reader holds a card")


def read_inserted_card(
    reader: CardReader, wanted: str | None, verifier: CardVerifier | None = None
) -> CardReading:
    """Read the card; with a verifier, the reading says whether it is genuine (no error)."""
    name = choose_reader(reader.list_readers(), wanted)
    with reader.connect(name) as channel:
        return read_card(channel, name, verifier)


def describe_reading(reading: CardReading, language: Language, today: dt.date) -> list[str]:
    identity = reading.identity
    until = f"{identity.valid_until:%d.%m.%Y}"
    if identity.is_expired(today):
        until += f" ({label('expired', language)})"
    number = identity.national_number.masked
    if identity.national_number.kind is NumberKind.BIS:
        number += f" ({label('bis', language)})"
    rows = [
        (label("reader", language), reading.reader),
        (
            label("generation", language),
            f"{reading.generation} (applet 0x{reading.applet_version:02X})",
        ),
        (label("valid_from", language), f"{identity.valid_from:%d.%m.%Y}"),
        (label("valid_until", language), until),
        (label("number", language), number),
    ]
    if reading.authenticity is not None:
        rows.append(
            (label("authenticity", language), describe_authenticity(reading.authenticity, language))
        )
    return aligned(rows)


def describe_authenticity(result: Authenticity | CardNotGenuineError, language: Language) -> str:
    """``bevestigd (root …; algorithm)``, or ``NIET bevestigd: <the failed step>``."""
    if isinstance(result, Authenticity):
        anchor = label(f"anchor_{result.anchor.kind.value}", language, name=result.anchor.name)
        return label("genuine", language, anchor=anchor, algorithm=result.algorithm)
    step = label(f"step_{result.step.value}", language)
    return label("not_genuine", language, step=step, code=result.fault.value)
