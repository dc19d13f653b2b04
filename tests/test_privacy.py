# SPDX-License-Identifier: EUPL-1.2
"""No national number digits in logs, exception texts or printed output, for every sample card."""

from __future__ import annotations

import io
import logging
import traceback

import pytest

from app.cli.main import main
from eid.belpic import read_card
from eid.card_profiles import PROFILES
from eid.errors import EidError
from eid.simulated import DEFAULT_READER, SimulatedCardReader

NUMBERS = [p.national_number for p in PROFILES.values() if p.national_number]


def _leaks(text: str) -> list[str]:
    """The sample numbers (or their serial+check part with the date) found in ``text``."""
    return [n for n in NUMBERS if n in text or f"{n[6:9]}.{n[9:]}" in text]


def record_texts(records: list[logging.LogRecord]) -> str:
    """What log records say, their tracebacks included (before any formatter masks it)."""
    parts = []
    for record in records:
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append("".join(traceback.format_exception(*record.exc_info)))
    return "\n".join(parts)


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_privacy_cli_output_and_logs_hold_no_number(
    profile: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    out = io.StringIO()
    main(["-v", "card", "--training", "--profile", profile], out=out)
    assert _leaks(out.getvalue()) == []
    assert _leaks(record_texts(caplog.records)) == []
    assert caplog.records, "debug logging should have recorded the read"


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_privacy_reading_and_errors_hold_no_number(profile: str) -> None:
    reader = SimulatedCardReader()
    reader.insert(PROFILES[profile].make_card())
    try:
        with reader.connect(DEFAULT_READER) as channel:
            reading = read_card(channel, DEFAULT_READER)
    except EidError as exc:
        shown = str(exc) + repr(exc) + "".join(traceback.format_exception(exc))
    else:
        identity = reading.identity
        shown = f"{reading} {reading!r} {identity} {identity.national_number}"
        shown += f" {identity.national_number!r} {identity.national_number:>20}"
    assert _leaks(shown) == []
