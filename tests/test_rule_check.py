# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck rules check`` and ``rules explain``, and what every shipped rule file must keep:
no label or detail that names a list or a social status."""

from __future__ import annotations

import datetime as dt
import shutil
from typing import TYPE_CHECKING

import pytest

from app.cli.context import EXIT_FAILED, EXIT_OK
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.rules.lint import (
    FindingKind,
    ImportedList,
    check_rules,
    revealing_words,
)
from app.language import Language
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from tests.test_rule_tests import copy_rules, run

if TYPE_CHECKING:
    from pathlib import Path

TODAY = dt.date(2026, 3, 2)


def test_rule_check_no_shipped_label_or_detail_names_a_list_or_a_status() -> None:
    for rules in load_rules(rules_dir()):
        for outcome in rules.service.outcomes:
            for text in (outcome.label, outcome.detail):
                if text is not None:
                    assert revealing_words(text, rules.lists) == [], (rules.code, outcome.code)


def test_rule_check_revealing_words_are_found_in_every_language() -> None:
    from app.eligibility.wire import LocalizedText  # noqa: PLC0415 - only here

    lists = frozenset({"vt_jongeren"})
    assert revealing_words(LocalizedText(nl="Gratis (parkeerkaart)"), lists) == ["parkeerkaart"]
    assert revealing_words(LocalizedText(nl="x", fr="Intervention majorée"), lists)
    assert revealing_words(LocalizedText(nl="x", en="for VT jongeren"), lists) == [
        "vt",
        "vt jongeren",
    ]
    assert revealing_words(LocalizedText(nl="Pas aan €1, 80 % korting"), lists) == []


def test_rule_check_shipped_rules_against_the_training_lists(tmp_path: Path) -> None:
    code, out = run(tmp_path, "check")  # no configuration: training, the sample lists
    assert code == EXIT_OK, out
    assert out.strip() == "Geen problemen gevonden."


def test_rule_check_finds_what_loads_but_looks_wrong(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, "lez-registratie", "schoolkorting")
    lez = folder / "lez-registratie.toml"
    text = lez.read_text(encoding="utf-8")
    text = text.replace('when = "VT"', 'when = { all = ["VT", "PARKEERKAART"] }')  # shadowed
    text = text.replace('label = { nl = "Verlaagd tarief"', 'label = { nl = "Tarief VT"')
    lez.write_text(text, encoding="utf-8")
    school = folder / "schoolkorting.toml"
    gap = "from = 2025-09-01\n"
    school.write_text(school.read_text(encoding="utf-8").replace(gap, gap + "until = 2025-12-15\n"))
    (folder / "schoolkorting.tests.toml").unlink()
    imported = {
        "parkeerkaart_handicap": ImportedList("parkeerkaart_handicap", ()),
        "verhoogde_tegemoetkoming": ImportedList("verhoogde_tegemoetkoming", ()),
        "schoolkorting_gezin": ImportedList("schoolkorting_gezin", ("categorie",)),
    }
    found = {
        (f.kind, f.path.name, f.line, tuple(sorted(f.values.items())))
        for f in check_rules(folder, imported, today=TODAY)
    }
    lines = text.splitlines()
    line = next(i for i, s in enumerate(lines, 1) if "Tarief VT" in s)
    assert (
        FindingKind.REVEALING_TEXT,
        "lez-registratie.toml",
        line,
        (("outcome", "VERLAAGD_TARIEF"), ("word", "vt")),
    ) in found
    assert (
        FindingKind.UNKNOWN_LIST,
        "lez-registratie.toml",
        next(i for i, s in enumerate(lines, 1) if '"aangepast_voertuig"' in s),
        (("list", "aangepast_voertuig"),),
    ) in found
    unreachable = {f for f in found if f[0] is FindingKind.UNREACHABLE}
    assert {f[3] for f in unreachable} == {(("outcome", "VERLAAGD_TARIEF"), ("version", "2026"))}
    assert (FindingKind.VERSION_GAP, "schoolkorting.toml") in {f[:2] for f in found}
    assert (FindingKind.UNKNOWN_COLUMN, "schoolkorting.toml") in {f[:2] for f in found}
    assert (FindingKind.NO_TESTS, "schoolkorting.toml", 1, ()) in found


def test_rule_check_command_words_and_exit(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, "lez-registratie")
    (folder / "lez-registratie.toml").write_text("code = = 1\n", encoding="utf-8")
    shutil.copy(rules_dir() / "uitpas-kansentarief.toml", folder)
    code, out = run(tmp_path, "check", str(folder), language=Language.EN)
    assert code == EXIT_FAILED
    assert "lez-registratie.toml, line 1: cannot be loaded: rules file " in out
    assert "line 1, column 8: TOML syntax error" in out
    assert "uitpas-kansentarief.toml, line 1: no test file beside it (.tests.toml)" in out
    assert out.splitlines()[-1] == "2 problems found."


def test_rule_check_rule_not_yet_in_force_is_a_note(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, "schoolkorting")
    found = check_rules(folder, None, today=dt.date(2025, 8, 1))
    assert [(f.kind, f.values) for f in found] == [(FindingKind.NOT_YET, {"starts": "2025-09-01"})]


@pytest.mark.parametrize(
    ("language", "words"),
    [
        (Language.NL, ['"50 % korting" (KORTING_50) als INKOMEN_50.', "ten hoogste 22000"]),
        (Language.FR, ["« 50 % de réduction » (KORTING_50) si INKOMEN_50.", "au plus 21000"]),
        (Language.EN, ["Version 2026, in force from 2026-01-01:", "the next 31/8"]),
    ],
)
def test_rule_explain_in_three_languages(
    tmp_path: Path, language: Language, words: list[str]
) -> None:
    code, out = run(tmp_path, "explain", "schoolkorting", language=language)
    assert code == EXIT_OK
    assert all(word in out for word in words), out


def test_rule_explain_unknown_service(tmp_path: Path) -> None:
    with pytest.raises(AppError) as caught:
        run(tmp_path, "explain", "zwembad")
    assert caught.value.problem is Problem.RULES_INVALID
    assert "no rule file zwembad.toml" in caught.value.detail
