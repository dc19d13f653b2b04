# SPDX-License-Identifier: EUPL-1.2
"""Rule tests as data: ``SERVICE.tests.toml`` beside each rule file, and the runner.

A case is a person's facts on a date (lists they are on, their rows' columns, a birth date,
lists never imported) and the advice expected: the outcome or "no-advice", and when given
``valid_until`` and the grounds. The case runs through the same decision as a real advice,
without a store: a functional admin can change a rule and its tests without a developer.
"""

from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StrictFloat, StrictInt, ValidationError

from app.eligibility import wire
from app.eligibility.embedded.lists.rows import ListRow
from app.eligibility.embedded.rules.load import (
    TESTS_SUFFIX,
    TOO_DEEP,
    read_rule_file,
    rule_paths,
    syntax_error,
)
from app.eligibility.embedded.rules.model import Person
from app.eligibility.embedded.rules.source_text import RuleText, describe_error
from app.eligibility.embedded.rules.spec import CODE_PATTERN, ListName, Text
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from pathlib import Path

    from app.eligibility.embedded.rules.model import ServiceRules

NO_ADVICE = "no-advice"
Cell = StrictInt | StrictFloat | dt.date | Annotated[str, Field(max_length=200)]
RowSpec = dict[Annotated[str, Field(pattern=r"^[a-z][a-z0-9_]{0,63}$")], Cell]


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class CaseSpec(_Spec):
    name: Text
    date: dt.date
    birth_date: dt.date | Literal["unknown"] | None = None
    on: list[ListName] = Field(default_factory=list)
    rows: dict[ListName, RowSpec | list[RowSpec]] = Field(default_factory=dict)
    missing: list[ListName] = Field(default_factory=list)
    expect: wire.OutcomeCode | Literal["no-advice"]
    valid_until: dt.date | Literal["none"] | None = None
    grounds: list[Annotated[str, Field(pattern=CODE_PATTERN)]] | None = None


class TestFileSpec(_Spec):
    service: wire.ServiceCode | None = None
    cases: Annotated[list[CaseSpec], Field(min_length=1)]


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One thing the advice got otherwise than the case expects (``what``: outcome,
    valid_until or grounds)."""

    what: str
    expected: str
    got: str


@dataclass(frozen=True, slots=True)
class CaseResult:
    name: str
    line: int
    mismatches: tuple[Mismatch, ...]

    @property
    def passed(self) -> bool:
        return not self.mismatches


@dataclass(slots=True)
class FileResult:
    """The cases of one test file, or the reason it could not run (``error``)."""

    path: Path
    service: str
    cases: list[CaseResult] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and all(case.passed for case in self.cases)


@dataclass(frozen=True, slots=True)
class TestRun:
    files: tuple[FileResult, ...]
    untested: tuple[str, ...]  # services with no test file

    @property
    def passed(self) -> bool:
        return all(result.passed for result in self.files)

    @property
    def counts(self) -> tuple[int, int]:
        """(cases, failed cases); a file that cannot run counts as one failed case."""
        cases = sum(len(r.cases) or (r.error is not None) for r in self.files)
        failed = sum(sum(not c.passed for c in r.cases) + (r.error is not None) for r in self.files)
        return cases, failed


def run_rule_tests(directory: Path) -> TestRun:
    """Every ``*.tests.toml`` in ``directory`` against the rule file beside it.

    A rule file that cannot be loaded fails the run even without a tests file: an admin who
    broke one while editing must not read "0 failed".
    """
    rules: dict[str, ServiceRules | str] = {}
    broken: list[FileResult] = []
    for path in rule_paths(directory):
        try:
            rules[path.stem] = read_rule_file(path).rules
        except AppError as exc:
            rules[path.stem] = exc.detail
            broken.append(FileResult(path, path.stem, error=exc.detail))
    results = tuple(
        run_test_file(path, rules) for path in sorted(directory.glob(f"*{TESTS_SUFFIX}"))
    )
    tested = {result.service for result in results}
    unloaded = tuple(result for result in broken if result.service not in tested)
    untested = sorted(set(rules) - tested - {result.service for result in broken})
    return TestRun(results + unloaded, tuple(untested))


def run_test_file(path: Path, rules: dict[str, ServiceRules | str]) -> FileResult:
    service = path.name.removesuffix(TESTS_SUFFIX)
    try:
        spec, source = read_test_file(path)
    except AppError as exc:
        return FileResult(path, service, error=exc.detail)
    service = spec.service or service
    found = rules.get(service)
    if found is None:
        return FileResult(path, service, error=f"no rule file {service}.toml beside it")
    if isinstance(found, str):
        return FileResult(path, service, error=found)
    lines = source.headers["cases"]
    result = FileResult(path, service)
    for index, case in enumerate(spec.cases):
        line = lines[index] + 1 if index < len(lines) else 1
        try:
            result.cases.append(CaseResult(case.name, line, run_case(found, case)))
        except ValueError as exc:
            result.error = f"tests file {path}, line {line}: {exc}"
            break
    return result


def read_test_file(path: Path) -> tuple[TestFileSpec, RuleText]:
    """The test file, checked, or RULES_INVALID naming its line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        reason = f"cannot be read ({type(exc).__name__})"
        raise AppError(Problem.RULES_INVALID, f"tests file {path}: {reason}") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        reason = syntax_error(exc, text)
        raise AppError(Problem.RULES_INVALID, f"tests file {path}: {reason}") from None
    except RecursionError:
        raise AppError(Problem.RULES_INVALID, f"tests file {path}: {TOO_DEEP}") from None
    source = RuleText(text)
    try:
        return TestFileSpec.model_validate(data), source
    except RecursionError:
        raise AppError(Problem.RULES_INVALID, f"tests file {path}: {TOO_DEEP}") from None
    except ValidationError as exc:
        line, reason = describe_error(source, exc.errors(include_url=False)[0])
        raise AppError(Problem.RULES_INVALID, f"tests file {path}, line {line}: {reason}") from None


def run_case(rules: ServiceRules, case: CaseSpec) -> tuple[Mismatch, ...]:
    """What the advice for this case gets otherwise than expected (empty: it passes)."""
    try:
        decision = rules.decide(person_of(rules, case), case.date)
    except AppError as exc:
        if exc.problem not in (Problem.INSUFFICIENT_DATA, Problem.RULES_INVALID):
            raise
        got = NO_ADVICE
        if case.expect == NO_ADVICE:
            return ()
        return (Mismatch("outcome", case.expect, got),)
    found = []
    if decision.outcome != case.expect:
        found.append(Mismatch("outcome", case.expect, decision.outcome))
    if case.valid_until is not None:
        expected = None if case.valid_until == "none" else case.valid_until
        if decision.valid_until != expected:
            found.append(Mismatch("valid_until", _day(expected), _day(decision.valid_until)))
    if case.grounds is not None and set(case.grounds) != set(decision.grounds):
        found.append(Mismatch("grounds", _codes(case.grounds), _codes(decision.grounds)))
    return tuple(found)


def person_of(rules: ServiceRules, case: CaseSpec) -> Person:
    """The person a case describes, on every list the rule reads."""
    birth = case.birth_date if isinstance(case.birth_date, dt.date) else None
    rows: dict[str, tuple[ListRow, ...]] = {}
    for name in rules.lists - set(case.missing):
        given = case.rows.get(name)
        if given is not None:
            rows[name] = tuple(_row(r) for r in (given if isinstance(given, list) else [given]))
        else:
            rows[name] = (ListRow(),) if name in case.on else ()
    return Person(birth, rows)


def _row(spec: RowSpec) -> ListRow:
    cells = {k: v.isoformat() if isinstance(v, dt.date) else str(v) for k, v in spec.items()}
    window = {}
    for key in ("valid_from", "valid_to"):
        if key in cells:
            try:
                window[key] = dt.date.fromisoformat(cells.pop(key))
            except ValueError:
                raise ValueError(f"{key} is not a date (YYYY-MM-DD)") from None
    return ListRow(window.get("valid_from"), window.get("valid_to"), cells)


def _day(day: dt.date | None) -> str:
    return day.isoformat() if day is not None else "none"


def _codes(codes: list[str] | tuple[str, ...]) -> str:
    return ", ".join(codes) or "none"
