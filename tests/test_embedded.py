# SPDX-License-Identifier: EUPL-1.2
"""The embedded engine over the shipped rules and a real SQLite store seeded with sample data."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
import uuid
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

import pytest

from app.eligibility.embedded.engine import EmbeddedEligibility
from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.sample_data import SampleCitizen, sample_citizens, seed_training_store
from app.eligibility.port import AdviceQuery, OverrideRecord
from app.eligibility.wire import Channel, HealthStatus, ReasonCode, SourceStatus
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from app.settings.credentials import KeyringCredentials, pseudonym_key
from eid.card_profiles import synthetic_number
from eid.insz import NationalNumber
from tests.sample_people import NO_ADVICE, expected_outcome

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator
    from pathlib import Path

AS_OF = dt.date(2026, 1, 1)
NOW = dt.datetime(2026, 3, 15, 9, 30, tzinfo=dt.UTC)
RULES = {rules.code: rules for rules in load_rules(rules_dir())}
CITIZENS = sample_citizens()
STRANGER = NationalNumber(synthetic_number(dt.date(1930, 1, 1), 995))


def import_list(tmp_path: Path, name: str, csv_text: str, as_of: dt.date = AS_OF) -> None:
    """Import a list through a store of its own on the engine's file, as the CLI would."""
    csv_path = tmp_path / f"{name}.csv"
    csv_path.write_text(csv_text, encoding="utf-8")
    store = SourceStore(tmp_path / "sources.sqlite", key=pseudonym_key(KeyringCredentials()))
    try:
        store.import_csv(name, csv_path, as_of=as_of)
    finally:
        store.close()


@pytest.fixture
def open_engine(tmp_path: Path) -> Iterator[Callable[..., EmbeddedEligibility]]:
    """Opens engines on one store file (so a test can reopen it); closes them all after."""
    opened: list[EmbeddedEligibility] = []

    def make(*, now: dt.datetime = NOW, seed: bool = True) -> EmbeddedEligibility:
        store = SourceStore(tmp_path / "sources.sqlite", key=pseudonym_key(KeyringCredentials()))
        if seed:
            seed_training_store(store, AS_OF)
        engine = EmbeddedEligibility(RULES.values(), store, now=lambda: now)
        opened.append(engine)
        return engine

    yield make
    for engine in opened:
        engine.close()


@pytest.fixture
def engine(open_engine: Callable[..., EmbeddedEligibility]) -> EmbeddedEligibility:
    return open_engine()


def query(service: str, number: NationalNumber) -> AdviceQuery:
    return AdviceQuery(
        service=service, national_number=number, desk="balie-1", channel=Channel.CARD
    )


def override(advice_id: str | None = None, **changes: object) -> OverrideRecord:
    fields: dict[str, object] = {
        "service": "uitpas-kansentarief",
        "outcome_code": "KANSENTARIEF",
        "reason_code": ReasonCode.RECENT_MOVE,
        "reason_text": "Verhuisde vorige week naar de stad, huurcontract getoond.",
        "staff_id": "medewerker-7",
        "desk": "balie-1",
        "decided_at": NOW,
        "advice_id": advice_id,
    }
    fields.update(changes)
    return OverrideRecord(**fields)  # type: ignore[arg-type]


def problem_of(call: Callable[[], object]) -> AppError:
    with pytest.raises(AppError) as caught:
        call()
    return caught.value


@pytest.mark.parametrize("service", sorted(RULES))
@pytest.mark.parametrize("citizen", CITIZENS, ids=[c.label for c in CITIZENS])
def test_embedded_sample_citizen_gets_the_rule_outcome(
    engine: EmbeddedEligibility, citizen: SampleCitizen, service: str
) -> None:
    expected = expected_outcome(citizen, RULES[service], NOW.date())
    if expected == NO_ADVICE:
        error = problem_of(lambda: engine.advise(query(service, citizen.national_number)))
        assert error.problem is Problem.INSUFFICIENT_DATA
        return
    advice = engine.advise(query(service, citizen.national_number))
    assert advice.outcome.code == expected
    assert advice.outcome == RULES[service].outcome(advice.outcome.code)
    assert advice.service == service
    assert advice.decided_at == NOW
    assert advice.data_as_of == AS_OF
    assert uuid.UUID(advice.advice_id)


def test_embedded_sample_data_covers_every_outcome(engine: EmbeddedEligibility) -> None:
    given = {
        (service, engine.advise(query(service, c.national_number)).outcome.code)
        for service in RULES
        for c in CITIZENS
        if expected_outcome(c, RULES[service], NOW.date()) != NO_ADVICE
    }
    every = {(code, o.code) for code, rules in RULES.items() for o in rules.service.outcomes}
    assert given == every


def test_embedded_person_on_no_list_gets_the_default(engine: EmbeddedEligibility) -> None:
    for service, rules in RULES.items():
        advice = engine.advise(query(service, STRANGER))
        assert advice.outcome.code == rules.service.default_outcome


def test_embedded_advice_ids_are_fresh(engine: EmbeddedEligibility) -> None:
    ids = {engine.advise(query("lez-registratie", STRANGER)).advice_id for _ in range(50)}
    assert len(ids) == 50


def test_embedded_list_never_imported_is_insufficient_data(
    open_engine: Callable[..., EmbeddedEligibility], tmp_path: Path
) -> None:
    engine = open_engine(seed=False)
    person = CITIZENS[1].national_number  # on verhoogde_tegemoetkoming
    import_list(tmp_path, "verhoogde_tegemoetkoming", f"insz\n{person.digits}\n")
    for service, number, missing in [
        ("lez-registratie", person, ["parkeerkaart_handicap", "aangepast_voertuig"]),
        ("gratis-huisvuilzakken", STRANGER, ["collectieve_schuldenregeling", "ocmw_budgetbeheer"]),
    ]:
        with pytest.raises(AppError) as caught:
            engine.advise(query(service, number))
        error = caught.value
        assert error.problem is Problem.INSUFFICIENT_DATA
        assert all(f"list '{name}' was never imported" in error.detail for name in missing)
        assert person.digits not in str(error)
    # What is known settles it: on one list of "any", the others need not be known.
    advice = engine.advise(query("gratis-huisvuilzakken", person))
    assert advice.outcome.code == "GRATIS_HUISVUILZAKKEN"
    assert advice.grounds == ("VERHOOGDE_TEGEMOETKOMING",)


def test_embedded_data_as_of_is_the_oldest_list_used(
    engine: EmbeddedEligibility, tmp_path: Path
) -> None:
    person = CITIZENS[0].national_number
    rows = f"insz\n{person.digits}\n"
    import_list(tmp_path, "inwoners", rows, as_of=dt.date(2025, 6, 30))  # only uitpas needs it
    import_list(tmp_path, "parkeerkaart_handicap", rows, as_of=dt.date(2025, 9, 1))  # only lez
    assert engine.advise(query("uitpas-kansentarief", person)).data_as_of == dt.date(2025, 6, 30)
    assert engine.advise(query("lez-registratie", person)).data_as_of == dt.date(2025, 9, 1)
    assert engine.advise(query("gratis-huisvuilzakken", person)).data_as_of == AS_OF


def test_embedded_lists_are_read_on_the_day_of_the_question(
    open_engine: Callable[..., EmbeddedEligibility], tmp_path: Path
) -> None:
    person = CITIZENS[0].national_number  # inwoner, leefloon
    before = open_engine(now=dt.datetime(2026, 2, 10, 12, 0, tzinfo=dt.UTC))
    rows = f"insz,valid_from,valid_to\n{person.digits},2025-01-01,2026-02-28\n"
    import_list(tmp_path, "leefloon", rows)
    assert before.advise(query("uitpas-kansentarief", person)).outcome.code == "KANSENTARIEF"
    after = open_engine(now=dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC), seed=False)
    assert after.advise(query("uitpas-kansentarief", person)).outcome.code == "STANDAARD"


def test_embedded_unknown_service(engine: EmbeddedEligibility) -> None:
    error = problem_of(lambda: engine.advise(query("zwembad", STRANGER)))
    assert error.problem is Problem.UNKNOWN_SERVICE


def test_embedded_services_are_the_rule_files(engine: EmbeddedEligibility) -> None:
    assert {s.code for s in engine.services()} == set(RULES)
    assert all(s.default_outcome in {o.code for o in s.outcomes} for s in engine.services())


def test_embedded_override_replay_returns_the_first_receipt(
    open_engine: Callable[..., EmbeddedEligibility],
) -> None:
    engine = open_engine()
    advice = engine.advise(query("uitpas-kansentarief", CITIZENS[5].national_number))
    first = engine.record_override(override(advice.advice_id), idempotency_key="key-0001")
    assert first.advice_id == advice.advice_id
    assert engine.record_override(override(advice.advice_id), idempotency_key="key-0001") == first
    reopened = open_engine(seed=False, now=NOW + dt.timedelta(hours=1))
    again = reopened.record_override(override(advice.advice_id), idempotency_key="key-0001")
    assert again == first
    second = engine.record_override(override(advice.advice_id), idempotency_key="key-0002")
    assert second.override_id != first.override_id


def test_embedded_override_same_key_other_body_is_a_conflict(engine: EmbeddedEligibility) -> None:
    advice = engine.advise(query("uitpas-kansentarief", CITIZENS[5].national_number))
    engine.record_override(override(advice.advice_id), idempotency_key="key-0001")
    other = override(advice.advice_id, reason_code=ReasonCode.OTHER)
    error = problem_of(lambda: engine.record_override(other, idempotency_key="key-0001"))
    assert error.problem is Problem.IDEMPOTENCY_CONFLICT


def test_embedded_override_of_an_unknown_advice(engine: EmbeddedEligibility) -> None:
    record = override(str(uuid.uuid4()))
    error = problem_of(lambda: engine.record_override(record, idempotency_key="key-0001"))
    assert error.problem is Problem.UNKNOWN_ADVICE


@pytest.mark.parametrize(
    ("changes", "problem", "words"),
    [
        ({"outcome_code": "GRATIS_REGISTRATIE"}, Problem.INVALID_REQUEST, "outcome_code"),
        (
            {"service": "lez-registratie", "outcome_code": "STANDAARD"},
            Problem.INVALID_REQUEST,
            "another service",
        ),
        ({"service": "zwembad"}, Problem.UNKNOWN_SERVICE, "zwembad"),
        ({"reason_text": "kort"}, Problem.INVALID_REQUEST, "reason_text"),
    ],
)
def test_embedded_override_refused(
    engine: EmbeddedEligibility, changes: dict[str, object], problem: Problem, words: str
) -> None:
    advice = engine.advise(query("uitpas-kansentarief", CITIZENS[5].national_number))
    record = override(advice.advice_id, **changes)
    error = problem_of(lambda: engine.record_override(record, idempotency_key="key-0001"))
    assert error.problem is problem
    assert words in error.detail


def test_embedded_override_key_length(engine: EmbeddedEligibility) -> None:
    error = problem_of(lambda: engine.record_override(override(), idempotency_key="short"))
    assert error.problem is Problem.INVALID_REQUEST


def test_embedded_override_without_advice(engine: EmbeddedEligibility) -> None:
    person = CITIZENS[6].national_number
    record = override(None, national_number=person, reason_code=ReasonCode.ADVICE_UNAVAILABLE)
    receipt = engine.record_override(record, idempotency_key="key-0001")
    assert receipt.advice_id is None
    assert engine.record_override(record, idempotency_key="key-0001") == receipt
    other_person = override(
        None, national_number=STRANGER, reason_code=ReasonCode.ADVICE_UNAVAILABLE
    )
    error = problem_of(lambda: engine.record_override(other_person, idempotency_key="key-0001"))
    assert error.problem is Problem.IDEMPOTENCY_CONFLICT
    nobody = override(None)
    error = problem_of(lambda: engine.record_override(nobody, idempotency_key="key-0002"))
    assert error.problem is Problem.INVALID_REQUEST


def test_embedded_override_keeps_pseudonyms_not_numbers(
    engine: EmbeddedEligibility, tmp_path: Path
) -> None:
    person = CITIZENS[6].national_number
    typed = f"Nummer {person.digits} stond niet op de lijst, attest OCMW getoond."
    record = override(None, national_number=person, reason_text=typed)
    engine.record_override(record, idempotency_key="key-0001")
    engine.close()
    with sqlite3.connect(tmp_path / "sources.sqlite") as conn:
        (pseudonym, text), *_ = conn.execute("SELECT pseudonym, reason_text FROM overrides")
    conn.close()
    assert len(pseudonym) == 32
    assert person.digits not in text
    assert "xxx.xx" in text
    content = b"".join(p.read_bytes() for p in tmp_path.glob("sources.sqlite*"))
    assert person.digits.encode() not in content


def test_embedded_health(open_engine: Callable[..., EmbeddedEligibility], tmp_path: Path) -> None:
    fresh = open_engine(seed=False)
    health = fresh.health()
    assert health.status is HealthStatus.DEGRADED
    assert {s.status for s in health.sources} == {SourceStatus.UNAVAILABLE}
    needed = set().union(*(rules.lists for rules in RULES.values()))
    assert {s.name for s in health.sources} == needed
    seeded = open_engine()
    health = seeded.health()
    assert health.status is HealthStatus.OK
    assert {(s.status, s.as_of) for s in health.sources} == {(SourceStatus.OK, AS_OF)}


def test_embedded_from_several_threads(engine: EmbeddedEligibility) -> None:
    numbers = [c.national_number for c in CITIZENS]

    def ask(index: int) -> str:
        return engine.advise(query("uitpas-kansentarief", numbers[index % len(numbers)])).advice_id

    with ThreadPoolExecutor(max_workers=4) as pool:
        ids = list(pool.map(ask, range(400)))
    assert len(set(ids)) == 400


def test_embedded_logs_no_number(
    engine: EmbeddedEligibility, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    person = CITIZENS[0].national_number
    advice = engine.advise(query("uitpas-kansentarief", person))
    engine.record_override(override(advice.advice_id), idempotency_key="key-0001")
    problem_of(lambda: engine.advise(query("zwembad", person)))
    assert all(person.digits not in record.getMessage() for record in caplog.records)
