# SPDX-License-Identifier: EUPL-1.2
"""The training desk's practice backend: a problem for the problem cards' reserved sample
numbers, everyone else to the real engine; and nothing but the training desk ever wraps."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from app.desk.app import DeskApp
from app.desk.practice import PracticeBackend
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.sample_data import (
    load_sample_data,
    reserved_numbers,
    sample_citizens,
    seed_training_store,
)
from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.wire import Channel, ReasonCode
from app.problems import AppError, Problem
from app.services import make_eligibility, store_path
from app.settings.config import Config, ServeSettings
from app.settings.credentials import KeyringCredentials, pseudonym_key
from tests.desk_support import ManualClock
from tests.serve_support import ServedServer, call, training_api

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from app.eligibility.port import EligibilityPort
    from eid.insz import NationalNumber

RESERVED = reserved_numbers()
OUTAGE, NO_DATA = RESERVED["backend_unreachable"], RESERVED["insufficient_data"]
SERVICE = "uitpas-kansentarief"


def _query(number: NationalNumber) -> AdviceQuery:
    return AdviceQuery(SERVICE, number, "balie-1", Channel.CARD)


def _problem(port: EligibilityPort, number: NationalNumber) -> Problem | None:
    try:
        port.advise(_query(number))
    except AppError as exc:
        return exc.problem
    return None


def _decision(number: NationalNumber) -> OverrideRecord:
    return OverrideRecord(
        SERVICE,
        "KANSENTARIEF",
        ReasonCode.ADVICE_UNAVAILABLE,
        "Geen advies beschikbaar",
        "staff",
        "balie-1",
        dt.datetime.now(dt.UTC),
        national_number=number,
    )


@pytest.fixture
def engine(tmp_path: Path) -> Iterator[EligibilityPort]:
    port = make_eligibility(Config(training=True), tmp_path)
    yield port
    port.close()


def test_practice_backend_answers_the_reserved_numbers_with_their_problem(
    engine: EligibilityPort,
) -> None:
    practice = PracticeBackend(engine, RESERVED, clock=ManualClock())
    assert _problem(practice, NO_DATA) is Problem.INSUFFICIENT_DATA
    assert _problem(practice, sample_citizens()[0].national_number) is None  # not an outage
    assert _problem(practice, OUTAGE) is Problem.BACKEND_UNREACHABLE
    with pytest.raises(AppError) as caught:
        practice.advise(_query(OUTAGE))
    assert OUTAGE.digits not in str(caught.value)  # no number in the problem's words
    assert OUTAGE.digits[6:] not in str(caught.value)


def test_practice_backend_outage_stops_everything_until_it_is_over(
    engine: EligibilityPort,
) -> None:
    clock = ManualClock()
    practice = PracticeBackend(engine, RESERVED, clock=clock, outage_s=60)
    citizen = sample_citizens()[0].national_number
    assert _problem(practice, OUTAGE) is Problem.BACKEND_UNREACHABLE
    assert _problem(practice, citizen) is Problem.BACKEND_UNREACHABLE
    for call_it in (practice.health, practice.services):
        with pytest.raises(AppError) as caught:
            call_it()
        assert caught.value.problem is Problem.BACKEND_UNREACHABLE
    clock.advance(61)
    assert _problem(practice, citizen) is None
    assert practice.health() is not None


def test_practice_backend_first_send_of_an_outage_decision_waits(engine: EligibilityPort) -> None:
    """As in a real outage the decision waits in the outbox, however long staff took."""
    clock = ManualClock()
    practice = PracticeBackend(engine, RESERVED, clock=clock, outage_s=60)
    with pytest.raises(AppError) as caught:
        practice.record_override(_decision(OUTAGE), idempotency_key="key-0001")
    assert caught.value.problem is Problem.BACKEND_UNREACHABLE
    clock.advance(30)
    with pytest.raises(AppError):
        practice.record_override(_decision(OUTAGE), idempotency_key="key-0001")
    clock.advance(31)
    receipt = practice.record_override(_decision(OUTAGE), idempotency_key="key-0001")
    assert receipt.override_id
    no_data = practice.record_override(_decision(NO_DATA), idempotency_key="key-0002")
    assert no_data.override_id  # the backend answers: sent at once


def test_practice_numbers_are_not_wrapped_by_the_port_serve_batch_and_check_use(
    engine: EligibilityPort,
) -> None:
    """serve, batch and ``check`` take their port from app.services (and import-linter keeps
    them from the desk): the reserved numbers get the engine's own advice there."""
    for number in (OUTAGE, NO_DATA):
        assert engine.advise(_query(number)).outcome.code == "STANDAARD"


def test_practice_numbers_served_get_an_advice(tmp_path: Path) -> None:
    api, engine = training_api(tmp_path)
    try:
        with ServedServer(api, ServeSettings()) as served:
            for number in (OUTAGE, NO_DATA):
                body = {"service": SERVICE, "insz": number.digits, "desk": "b", "channel": "card"}
                response = call(served.url, "POST", "/v1/advice", json=body)
                assert response.status_code == 200, response.text
    finally:
        engine.close()


def test_practice_backend_never_wraps_a_desk_outside_training(tmp_path: Path) -> None:
    config = Config(training=False)
    store = SourceStore(store_path(config, tmp_path), key=pseudonym_key(KeyringCredentials()))
    seed_training_store(store, dt.date.today())
    store.close()
    desk = DeskApp(config, tmp_path)
    try:
        assert desk.problem_cards() == ()
        assert desk.practice_numbers() == ()
        assert not isinstance(desk._eligibility, PracticeBackend)  # noqa: SLF001
    finally:
        desk.stop()
    trainee = DeskApp(Config(training=True), tmp_path / "training")
    try:
        assert isinstance(trainee._eligibility, PracticeBackend)  # noqa: SLF001
    finally:
        trainee.stop()


def test_sample_file_with_a_reserved_number_of_a_citizen_is_refused(tmp_path: Path) -> None:
    citizen = sample_citizens()[0].national_number.digits
    path = tmp_path / "citizens.toml"
    path.write_text(
        f'lists = []\n[reserved]\nbackend_unreachable = "{citizen}"\n'
        f'[[citizens]]\nlabel = "x"\ninsz = "{citizen}"\nlists = []\n',
        encoding="utf-8",
    )
    with pytest.raises(AppError) as caught:
        load_sample_data(path)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "reserved number" in caught.value.detail
    assert citizen not in caught.value.detail


def test_sample_file_with_a_bad_reserved_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "citizens.toml"
    path.write_text(
        'lists = []\ncitizens = []\n[reserved]\nbackend_unreachable = "23010199000"\n',
        encoding="utf-8",
    )
    with pytest.raises(AppError) as caught:
        load_sample_data(path)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "23010199000" not in caught.value.detail
