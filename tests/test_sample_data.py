# SPDX-License-Identifier: EUPL-1.2
"""The synthetic sample citizens: valid, clearly fictitious numbers covering every outcome."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from app.eligibility.embedded.lists.store import SourceStore
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.rules.model import birth_date
from app.eligibility.embedded.sample_data import (
    load_sample_data,
    sample_citizens,
    seed_training_store,
)
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from eid.card_profiles import synthetic_number
from eid.insz import NationalNumber, NumberKind
from tests.sample_people import NO_ADVICE, expected_outcome

if TYPE_CHECKING:
    from pathlib import Path

ADULT_BIRTHS = {dt.date(year, 1, 1) for year in range(1911, 1940)}
CHILD_BIRTHS = {dt.date(year, 1, 1) for year in range(2008, 2024)}
TODAY = dt.date.today()


def test_sample_numbers_are_valid_and_fictitious() -> None:
    citizens = sample_citizens()
    assert citizens
    for citizen in citizens:
        _assert_fictitious(citizen.national_number.digits, citizen.label)
    assert len({c.national_number for c in citizens}) == len(citizens)


def test_sample_reserved_numbers_are_fictitious_and_on_no_list() -> None:
    """The problem cards' numbers (training's practice backend answers them)."""
    data = load_sample_data()
    assert set(data.reserved) == {"backend_unreachable", "insufficient_data"}
    for name, number in data.reserved.items():
        _assert_fictitious(number.digits, name)
    assert not set(data.reserved.values()) & {c.national_number for c in data.citizens}


def _assert_fictitious(digits: str, label: str) -> None:
    serial = int(digits[6:9])
    assert 990 <= serial <= 999, label
    birth = birth_date(digits)
    if NationalNumber(digits).kind is NumberKind.BIS:
        assert birth is None, label  # only a BIS number without a birth date
        assert synthetic_number(None, serial, month_offset=20) == digits
        return
    assert birth in ADULT_BIRTHS | CHILD_BIRTHS, label
    assert synthetic_number(birth, serial) == digits


def test_sample_labels_are_dutch_and_distinct() -> None:
    labels = [c.label for c in sample_citizens()]
    assert len(set(labels)) == len(labels)
    assert all("voorbeeld" in label for label in labels)


def test_sample_lists_cover_what_the_rules_need() -> None:
    needed = set().union(*(rules.lists for rules in load_rules(rules_dir())))
    assert needed <= set(load_sample_data().lists)


def test_sample_citizens_cover_every_outcome_of_every_service() -> None:
    given = {
        (rules.code, expected_outcome(citizen, rules, TODAY))
        for rules in load_rules(rules_dir())
        for citizen in sample_citizens()
    }
    assert ("kinderopvang-sociaal-tarief", NO_ADVICE) in given  # the BIS number
    given -= {(rules.code, NO_ADVICE) for rules in load_rules(rules_dir())}
    every = {
        (rules.code, outcome.code)
        for rules in load_rules(rules_dir())
        for outcome in rules.service.outcomes
    }
    assert given == every


def test_sample_seed_imports_every_list(tmp_path: Path) -> None:
    store = SourceStore(tmp_path / "s.sqlite", key=b"k" * 32)
    try:
        imported = seed_training_store(store, dt.date(2026, 1, 1))
        assert {entry.name for entry in store.lists()} == set(load_sample_data().lists)
        assert {entry.as_of for entry in store.lists()} == {dt.date(2026, 1, 1)}
        on_leefloon = sum("leefloon" in c.lists for c in sample_citizens())
        assert {e.name: e.rows for e in imported}["leefloon"] == on_leefloon
    finally:
        store.close()


def test_sample_file_with_an_undeclared_list_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "citizens.toml"
    number = synthetic_number(dt.date(1911, 1, 1), 990)
    path.write_text(
        f'lists = ["a"]\n[[citizens]]\nlabel = "x"\ninsz = "{number}"\nlists = ["b"]\n',
        encoding="utf-8",
    )
    with pytest.raises(AppError) as caught:
        load_sample_data(path)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "b" in caught.value.detail


def test_sample_file_with_a_bad_number_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "citizens.toml"
    path.write_text(
        'lists = []\n[[citizens]]\nlabel = "x"\ninsz = "11010199000"\nlists = []\n',
        encoding="utf-8",
    )
    with pytest.raises(AppError) as caught:
        load_sample_data(path)
    assert caught.value.problem is Problem.SOURCE_FILE_INVALID
    assert "11010199000" not in caught.value.detail


def test_sample_data_training_labels_never_name_a_list_or_a_status() -> None:
    """The training menu and the F1 help show these labels on the desk's screen: they say
    which outcome to expect, never why (the reason is a comment in citizens.toml)."""
    from app.eligibility.embedded.rules.lint import revealing_words
    from app.eligibility.wire import LocalizedText

    lists = frozenset().union(*(rules.lists for rules in load_rules(rules_dir())))
    for citizen in sample_citizens():
        assert revealing_words(LocalizedText(nl=citizen.label), lists) == [], citizen.label
