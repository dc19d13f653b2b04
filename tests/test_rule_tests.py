# SPDX-License-Identifier: EUPL-1.2
"""Rule tests as data: the shipped rules pass their tests, and ``baliecheck rules test``
reports a failing case or a broken test file with its line, and exits 1."""

from __future__ import annotations

import argparse
import io
import shutil
import tomllib
from typing import TYPE_CHECKING

import pytest

from app.cli.commands import rules as rules_command
from app.cli.context import EXIT_FAILED, EXIT_OK, CommandContext
from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.rules.cases import NO_ADVICE, run_rule_tests
from app.language import Language
from app.resource_paths import rules_dir

if TYPE_CHECKING:
    from pathlib import Path


def run(tmp_path: Path, *argv: str, language: Language = Language.NL) -> tuple[int, str]:
    parser = argparse.ArgumentParser(prog="baliecheck")
    rules_command.register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["rules", *argv])
    out = io.StringIO()
    ctx = CommandContext(language, out, io.StringIO(), data_dir=tmp_path / "data")
    code = args.handler(args, ctx)
    assert isinstance(code, int)
    return code, out.getvalue()


def copy_rules(tmp_path: Path, *services: str) -> Path:
    folder = tmp_path / "rules"
    folder.mkdir()
    for service in services:
        for suffix in (".toml", ".tests.toml"):
            shutil.copy(rules_dir() / f"{service}{suffix}", folder)
    return folder


def test_rule_tests_shipped_all_pass() -> None:
    report = run_rule_tests(rules_dir())
    failures = [
        (result.path.name, result.error, [c for c in result.cases if not c.passed])
        for result in report.files
        if not result.passed
    ]
    assert report.passed, failures
    assert report.untested == ()
    assert report.counts[0] >= 40


def test_rule_tests_shipped_cover_every_outcome_and_no_advice() -> None:
    for rules in load_rules(rules_dir()):
        path = rules_dir() / f"{rules.code}.tests.toml"
        cases = tomllib.loads(path.read_text(encoding="utf-8"))["cases"]
        expected = {case["expect"] for case in cases}
        assert expected == {o.code for o in rules.service.outcomes} | {NO_ADVICE}, rules.code


@pytest.mark.parametrize("language", list(Language))
def test_rule_tests_command_on_the_shipped_rules(tmp_path: Path, language: Language) -> None:
    code, out = run(tmp_path, "test", language=language)
    assert code == EXIT_OK
    total = {Language.NL: "Samen:", Language.FR: "Total :", Language.EN: "Total:"}[language]
    assert out.splitlines()[-1].startswith(total)
    assert "schoolkorting.tests.toml" in out


def test_rule_tests_failing_case_is_named_with_its_line(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, "lez-registratie")
    tests = folder / "lez-registratie.tests.toml"
    text = tests.read_text(encoding="utf-8")
    wrong = text.replace("valid_until = 2031-03-02", "valid_until = 2031-03-01", 1)
    wrong = wrong.replace('expect = "VERLAAGD_TARIEF"', 'expect = "STANDAARD"', 1)
    tests.write_text(wrong, encoding="utf-8")
    code, out = run(tmp_path, "test", str(folder), language=Language.EN)
    assert code == EXIT_FAILED
    first = wrong[: wrong.index("Parkeerkaart en aangepast voertuig")].count("\n")
    assert f'FAILED (line {first}) "Parkeerkaart en aangepast voertuig: gratis, 5 jaar": ' in out
    assert "valid until expected 2031-03-01, got 2031-03-02" in out
    assert "outcome expected STANDAARD, got VERLAAGD_TARIEF" in out
    assert "Total: 9 cases, 2 failed." in out


@pytest.mark.parametrize(
    ("change", "words"),
    [
        (("expect = ", "verwacht = "), "line 6: cases[0].expect: required key missing"),
        (('"GRATIS_REGISTRATIE"', '"gratis"'), "line 10: cases[0].expect: String should match"),
        (("date = 2026-03-02", "date = 2026-03-32"), "line 8, column 12: TOML syntax error"),
        (("[[cases]]", "[[cases]"), "line 6, column 8: TOML syntax error"),
    ],
)
def test_rule_tests_broken_test_file_cannot_run(
    tmp_path: Path, change: tuple[str, str], words: str
) -> None:
    folder = copy_rules(tmp_path, "lez-registratie")
    tests = folder / "lez-registratie.tests.toml"
    tests.write_text(tests.read_text(encoding="utf-8").replace(*change, 1), encoding="utf-8")
    code, out = run(tmp_path, "test", str(folder))
    assert code == EXIT_FAILED
    assert "lez-registratie.tests.toml: KAN NIET LOPEN: " in out
    assert words in out


def test_rule_tests_rule_without_tests_and_tests_without_rule(tmp_path: Path) -> None:
    folder = copy_rules(tmp_path, "lez-registratie")
    (folder / "lez-registratie.tests.toml").rename(folder / "zwembad.tests.toml")
    code, out = run(tmp_path, "test", str(folder))
    assert code == EXIT_FAILED
    assert "Geen tests voor: lez-registratie" in out
    assert "zwembad.tests.toml: KAN NIET LOPEN: no rule file zwembad.toml beside it" in out


def test_rule_tests_broken_rule_file_fails_the_run_even_without_tests(tmp_path: Path) -> None:
    """An admin who broke a rule file while editing must not read "0 mislukt", exit 0."""
    folder = copy_rules(tmp_path, "lez-registratie")
    (folder / "zwembad.toml").write_text('code = "zwembad"\n[[outcomes]\n', encoding="utf-8")
    code, out = run(tmp_path, "test", str(folder))
    assert code == EXIT_FAILED
    assert "zwembad.toml: KAN NIET LOPEN: " in out
    assert "line 2, column 11: TOML syntax error" in out
    assert "Geen tests voor: zwembad" not in out
    assert "lez-registratie.tests.toml: " in out  # the other file's cases still ran
