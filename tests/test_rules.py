# SPDX-License-Identifier: EUPL-1.2
"""Rule files: the shipped services and their outcomes, a new service as data only, and every
kind of broken file refused with file, line and reason."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.eligibility.embedded.lists.rows import ListRow
from app.eligibility.embedded.rules import Person, ServiceRules, load_rule_file, load_rules
from app.problems import AppError, Problem
from app.resource_paths import rules_dir

DAY = dt.date(2026, 3, 2)

OCMW = ("ocmw_budgetbeheer", "ocmw_budgetbegeleiding", "collectieve_schuldenregeling")

SHIPPED: dict[str, list[tuple[set[str], str]]] = {
    "uitpas-kansentarief": [
        *(
            ({"inwoners", fact}, "KANSENTARIEF")
            for fact in ("leefloon", "verhoogde_tegemoetkoming", *OCMW)
        ),
        ({"inwoners"}, "STANDAARD"),
        ({"leefloon", "verhoogde_tegemoetkoming"}, "STANDAARD"),  # not a resident
        (set(), "STANDAARD"),
    ],
    "lez-registratie": [
        ({"parkeerkaart_handicap", "aangepast_voertuig"}, "GRATIS_REGISTRATIE"),
        ({"parkeerkaart_handicap", "verhoogde_tegemoetkoming"}, "GRATIS_REGISTRATIE"),
        ({"parkeerkaart_handicap"}, "STANDAARD"),
        ({"verhoogde_tegemoetkoming"}, "VERLAAGD_TARIEF"),
        ({"aangepast_voertuig"}, "STANDAARD"),
        ({"inwoners", "leefloon"}, "STANDAARD"),
        (set(), "STANDAARD"),
    ],
    "gratis-huisvuilzakken": [
        *(({fact}, "GRATIS_HUISVUILZAKKEN") for fact in ("verhoogde_tegemoetkoming", *OCMW)),
        ({"inwoners", "leefloon", "parkeerkaart_handicap"}, "STANDAARD"),
        (set(), "STANDAARD"),
    ],
}

NEW_SERVICE = """\
code = "zwembad-korting"
default_outcome = "STANDAARD"
name = { nl = "Zwembad", fr = "Piscine", en = "Swimming pool" }

[[outcomes]]
code = "GRATIS"
eligible = true
label = { nl = "Gratis", fr = "Gratuit", en = "Free" }
when = { all = [
    "inwoners",
    { not = { fact = "schorsing" } },
    { any = ["leefloon", "mantelzorg"] },
] }

[[outcomes]]
code = "HALF"
eligible = true
label = { nl = "Half", fr = "Moitié", en = "Half" }
when = "inwoners"

[[outcomes]]
code = "STANDAARD"
eligible = false
label = { nl = "Standaard", fr = "Standard", en = "Standard" }
"""


def shipped() -> dict[str, ServiceRules]:
    return {rules.code: rules for rules in load_rules(rules_dir())}


def outcome_on(rules: ServiceRules, lists: set[str], day: dt.date = DAY) -> str:
    """The outcome for a person on ``lists`` (every list the rule reads imported)."""
    person = Person(None, {name: (ListRow(),) if name in lists else () for name in rules.lists})
    return rules.decide(person, day).outcome


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def load_or_error(path: Path) -> AppError | None:
    """None if the file loads; the AppError if not (anything else fails the test)."""
    try:
        load_rule_file(path)
    except AppError as exc:
        return exc
    return None


def write_rules(directory: Path, text: str, stem: str = "zwembad-korting") -> Path:
    path = directory / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_rules_shipped_services_are_those_of_the_issues() -> None:
    assert set(shipped()) == {*SHIPPED, "schoolkorting", "kinderopvang-sociaal-tarief"}


@pytest.mark.parametrize(
    ("service", "facts_true", "expected"),
    [(service, facts, code) for service, cases in SHIPPED.items() for facts, code in cases],
)
def test_rules_shipped_outcome(service: str, facts_true: set[str], expected: str) -> None:
    assert outcome_on(shipped()[service], facts_true) == expected


def test_rules_every_shipped_outcome_is_tested() -> None:
    for code, cases in SHIPPED.items():
        rules = shipped()[code]
        tested = {expected for _, expected in cases}
        assert tested == {outcome.code for outcome in rules.service.outcomes}, code


def test_rules_shipped_texts_and_facts() -> None:
    rules = shipped()
    uitpas = rules["uitpas-kansentarief"]
    reduced = uitpas.outcome("KANSENTARIEF")
    assert reduced.eligible
    assert reduced.detail is not None
    assert reduced.detail.nl == "Pas aan €1, 80 % korting op activiteiten"
    assert not uitpas.outcome("STANDAARD").eligible
    assert uitpas.lists == {"inwoners", "leefloon", "verhoogde_tegemoetkoming", *OCMW}
    lez = {"parkeerkaart_handicap", "aangepast_voertuig", "verhoogde_tegemoetkoming"}
    assert rules["lez-registratie"].lists == lez
    for service in rules.values():
        for text in (service.service.name, *(o.label for o in service.service.outcomes)):
            assert all((text.nl, text.fr, text.en))


def test_rules_new_service_is_only_a_file(tmp_path: Path) -> None:
    write_rules(tmp_path, NEW_SERVICE)
    (rules,) = load_rules(tmp_path)
    assert rules.code == "zwembad-korting"
    assert rules.lists == {"inwoners", "schorsing", "leefloon", "mantelzorg"}
    assert outcome_on(rules, {"inwoners", "leefloon"}) == "GRATIS"
    assert outcome_on(rules, {"inwoners", "leefloon", "schorsing"}) == "HALF"  # not → next
    assert outcome_on(rules, {"inwoners"}) == "HALF"
    assert outcome_on(rules, {"mantelzorg"}) == "STANDAARD"
    assert [o.code for o in rules.service.outcomes] == ["GRATIS", "HALF", "STANDAARD"]


def test_rules_when_as_a_table(tmp_path: Path) -> None:
    text = NEW_SERVICE.replace('when = "inwoners"\n', '[outcomes.when]\nany = ["a", "b"]\n')
    rules = load_rule_file(write_rules(tmp_path, text))
    assert outcome_on(rules, {"b"}) == "HALF"


# (what to change in NEW_SERVICE, the text on the line to be named, words of the reason)
BROKEN = {
    "syntax error": (
        ('eligible = true\nlabel = { nl = "Half"', 'eligible = = true\nlabel = { nl = "Half"'),
        "eligible = = true",
        "TOML syntax error",
    ),
    "unknown key": (
        ('code = "HALF"\n', 'code = "HALF"\ncolour = "red"\n'),
        "colour",
        "outcomes[1].colour: unknown key",
    ),
    "missing default": (
        ('default_outcome = "STANDAARD"', 'default_outcome = "GONE"'),
        "default_outcome",
        "'GONE' is not one of the outcomes",
    ),
    "duplicate outcome code": (
        ('code = "HALF"', 'code = "GRATIS"\n'),
        'code = "GRATIS"\n\n',
        "'GRATIS' appears twice",
    ),
    "bad fact name": (("mantelzorg", "Mantel-zorg"), "Mantel-zorg", "should match pattern"),
    "default with when": (
        ('code = "STANDAARD"\n', 'code = "STANDAARD"\nwhen = "leefloon"\n'),
        'when = "leefloon"',
        "must have no 'when'",
    ),
    "outcome without when": (
        ('when = "inwoners"\n', ""),
        'code = "HALF"',
        "needs a 'when'",
    ),
    "condition of no known shape": (
        ('{ fact = "schorsing" }', '{ feit = "schorsing" }'),
        "feit",
        "a condition is a fact name, or a table",
    ),
    "eligible not a boolean": (
        ("eligible = false", 'eligible = "nee"'),
        '"nee"',
        "valid boolean",
    ),
    "name without French": (
        ('fr = "Piscine", ', ""),
        'name = { nl = "Zwembad"',
        "name.fr: required key missing",
    ),
    "outcome code in lowercase": (('code = "HALF"', 'code = "half"'), '"half"', "pattern"),
    "empty any": (('{ any = ["leefloon", "mantelzorg"] }', "{ any = [] }"), "any = []", "at least"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_rules_broken_file_names_file_line_and_reason(tmp_path: Path, case: str) -> None:
    (old, new), marker, reason = BROKEN[case]
    assert old in NEW_SERVICE
    text = NEW_SERVICE.replace(old, new, 1)
    path = write_rules(tmp_path, text)
    with pytest.raises(AppError) as caught:
        load_rules(tmp_path)
    assert caught.value.problem is Problem.RULES_INVALID
    assert str(path) in caught.value.detail
    assert f"line {line_of(text, marker)}" in caught.value.detail
    assert reason in caught.value.detail


def test_rules_file_name_must_be_the_code(tmp_path: Path) -> None:
    path = write_rules(tmp_path, NEW_SERVICE, stem="zwembad")
    with pytest.raises(AppError) as caught:
        load_rules(tmp_path)
    assert caught.value.problem is Problem.RULES_INVALID
    assert f"rules file {path}, line 1:" in caught.value.detail
    assert "must equal the file name 'zwembad'" in caught.value.detail


def test_rules_missing_or_empty_directory(tmp_path: Path) -> None:
    for directory in (tmp_path / "nowhere", tmp_path):
        with pytest.raises(AppError) as caught:
            load_rules(directory)
        assert caught.value.problem is Problem.RULES_INVALID


def test_rules_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "zwembad-korting.toml"
    path.write_bytes(NEW_SERVICE.encode("utf-16"))
    with pytest.raises(AppError) as caught:
        load_rule_file(path)
    assert caught.value.problem is Problem.RULES_INVALID


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from([*'abcz_-"[]{}=,.#\n 0123', "true", "when", "code", "all", "not"]),
        max_size=80,
    ).map("".join)
)
def test_rules_arbitrary_text_is_a_rule_or_rules_invalid(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "x.toml"
        path.write_text(text, encoding="utf-8")
        error = load_or_error(path)
    assert error is None or error.problem is Problem.RULES_INVALID


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(NEW_SERVICE.splitlines(keepends=True)), max_size=25))
def test_rules_shuffled_lines_are_a_rule_or_rules_invalid_with_a_line(lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "zwembad-korting.toml"
        path.write_text("".join(lines), encoding="utf-8")
        error = load_or_error(path)
    assert error is None or error.problem is Problem.RULES_INVALID
    assert error is None or "line " in error.detail
