# SPDX-License-Identifier: EUPL-1.2
"""The verdict check alone: an advice against the catalogue, its dates, plain text."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.eligibility.verdicts import CLOCK_SKEW, check_verdict, plain_catalogue, plain_text
from app.eligibility.wire import Advice, ServicesResponse
from app.problems import AppError, Problem
from tests.bad_backend import ADVICE_DOC, SERVICE, SERVICE_DOC, STANDAARD

CATALOGUE = ServicesResponse.model_validate({"services": [SERVICE_DOC]}).services
NOON = dt.datetime(2025, 3, 4, 12, 0).astimezone()


def _advice(**changes: object) -> Advice:
    return Advice.model_validate(ADVICE_DOC | changes)


def _problem(advice: Advice, catalogue: object = CATALOGUE, now: dt.datetime = NOON) -> Problem:
    with pytest.raises(AppError) as caught:
        check_verdict(advice, catalogue, service=SERVICE, now=lambda: now)  # type: ignore[arg-type]
    return caught.value.problem


def test_verdicts_good_advice_passes_with_the_catalogue_outcome() -> None:
    shown = check_verdict(_advice(), CATALOGUE, service=SERVICE, now=lambda: NOON)
    assert shown.outcome == CATALOGUE[0].outcomes[0]
    assert shown.advice_id == "adv-1"


@pytest.mark.parametrize(
    "changes",
    [
        {"outcome": STANDAARD | {"eligible": True}},  # "no right" sent as a right
        {"outcome": {"code": "GRATIS_ALLES", "eligible": True, "label": {"nl": "Alles gratis"}}},
        {"service": "lez-registratie"},  # an answer about another service
    ],
    ids=["eligible-flipped", "unknown-outcome", "other-service"],
)
def test_verdicts_contradicting_the_catalogue_is_a_problem(changes: dict[str, object]) -> None:
    assert _problem(_advice(**changes)) is Problem.BACKEND_CONTRADICTS_CATALOGUE


def test_verdicts_without_a_catalogue_there_is_no_verdict() -> None:
    assert _problem(_advice(), None) is Problem.OUTCOMES_UNKNOWN
    assert _problem(_advice(), ()) is Problem.OUTCOMES_UNKNOWN
    other = [SERVICE_DOC | {"code": "lez-registratie"}]
    catalogue = ServicesResponse.model_validate({"services": other}).services
    assert _problem(_advice(), catalogue) is Problem.OUTCOMES_UNKNOWN


def test_verdicts_expired_advice_is_a_problem_within_the_skew_it_is_not() -> None:
    assert _problem(_advice(valid_until="2025-03-03")) is Problem.ADVICE_EXPIRED
    just_after_midnight = dt.datetime(2025, 3, 4, 0, 5).astimezone()
    assert just_after_midnight - CLOCK_SKEW < just_after_midnight.replace(hour=0, minute=0)
    advice = _advice(valid_until="2025-03-03")
    check_verdict(advice, CATALOGUE, service=SERVICE, now=lambda: just_after_midnight)
    check_verdict(_advice(valid_until="2025-03-04"), CATALOGUE, service=SERVICE, now=lambda: NOON)


def test_verdicts_data_from_the_future_is_a_problem_within_the_skew_it_is_not() -> None:
    assert _problem(_advice(data_as_of="2025-03-05")) is Problem.ADVICE_FROM_FUTURE
    before_midnight = dt.datetime(2025, 3, 4, 23, 55).astimezone()
    advice = _advice(data_as_of="2025-03-05")
    check_verdict(advice, CATALOGUE, service=SERVICE, now=lambda: before_midnight)


def test_verdicts_plain_text_removes_controls_and_bidi_overrides() -> None:
    spoiled = "Kans\x00en\u202etarief\u2066\u200b\x1b[31m\nrood\u2028"
    assert plain_text(spoiled) == "Kansentarief[31m rood"
    for ch in [*map(chr, range(0x202A, 0x202F)), *map(chr, range(0x2066, 0x206A)), "\ufeff"]:
        assert plain_text(f"a{ch}b") == "ab"


def test_verdicts_shown_labels_are_plain_text() -> None:
    label = {"nl": "Kansen\u202etarief\x00", "fr": "\x07Tarif social"}
    spoiled = SERVICE_DOC | {
        "name": {"nl": "UiT\u2067PAS"},
        "outcomes": [SERVICE_DOC["outcomes"][0] | {"label": label}, STANDAARD],  # type: ignore[index]
    }
    catalogue = plain_catalogue(ServicesResponse.model_validate({"services": [spoiled]}).services)
    assert catalogue[0].name.nl == "UiTPAS"
    shown = check_verdict(_advice(), catalogue, service=SERVICE, now=lambda: NOON)
    assert (shown.outcome.label.nl, shown.outcome.label.fr) == ("Kansentarief", "Tarif social")


def test_verdicts_a_label_that_is_only_controls_is_a_bad_response() -> None:
    spoiled = SERVICE_DOC | {"outcomes": [STANDAARD | {"label": {"nl": "\u202e\x00"}}]}
    with pytest.raises(AppError) as caught:
        plain_catalogue(ServicesResponse.model_validate({"services": [spoiled]}).services)
    assert caught.value.problem is Problem.BACKEND_BAD_RESPONSE


@given(st.text())
def test_verdicts_plain_text_leaves_only_printable_single_spaced_text(text: str) -> None:
    """Whatever a backend sends (the fast path for printable text included): what is shown
    holds no control, format or separator character and no run of whitespace."""
    shown = plain_text(text)
    assert shown.isprintable()
    assert shown == shown.strip()
    assert "  " not in shown
    if text.isprintable():
        assert shown == " ".join(text.split())
