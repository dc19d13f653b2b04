# SPDX-License-Identifier: EUPL-1.2
"""Service rules as data: one TOML file per service, validated at load into frozen rule objects.

A rule file names the service, its outcomes and, for each outcome but the default, a condition
over facts. A fact is membership of a named source list on the day of the question. A condition
is a fact name (``"leefloon"``), ``{ fact = "leefloon" }``, ``{ all = [cond, ...] }``,
``{ any = [cond, ...] }`` or ``{ not = cond }``. The first outcome whose condition holds (in
file order) wins, else the default outcome. Nothing in a rule file is ever evaluated as code.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StringConstraints,
    Tag,
    ValidationError,
)

from app.eligibility import wire
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Set as AbstractSet
    from pathlib import Path

    from pydantic_core import ErrorDetails

log = logging.getLogger(__name__)

FACT_NAME_PATTERN = r"^[a-z][a-z0-9_]*$"
FactName = Annotated[str, StringConstraints(pattern=FACT_NAME_PATTERN, max_length=64)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
_CONDITION_KEYS = ("fact", "all", "any", "not")
_SHAPE = "a condition is a fact name, or a table with exactly one of: fact, all, any, not"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class TextSpec(_Spec):
    nl: Text
    fr: Text
    en: Text
    de: Text | None = None


class FactSpec(_Spec):
    fact: FactName


class AllSpec(_Spec):
    all: Annotated[list[ConditionSpec], Field(min_length=1)]


class AnySpec(_Spec):
    any: Annotated[list[ConditionSpec], Field(min_length=1)]


class NotSpec(_Spec):
    negated: ConditionSpec = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    """Which shape a condition has, so pydantic reports errors for that shape only."""
    if isinstance(value, str):
        return "fact-name"
    if isinstance(value, dict):
        return next((key for key in _CONDITION_KEYS if key in value), None)
    return None


ConditionSpec = Annotated[
    Annotated[FactName, Tag("fact-name")]
    | Annotated[FactSpec, Tag("fact")]
    | Annotated[AllSpec, Tag("all")]
    | Annotated[AnySpec, Tag("any")]
    | Annotated[NotSpec, Tag("not")],
    Discriminator(_condition_kind, custom_error_type="condition", custom_error_message=_SHAPE),
]


class OutcomeSpec(_Spec):
    code: wire.OutcomeCode
    eligible: StrictBool
    label: TextSpec
    detail: TextSpec | None = None
    when: ConditionSpec | None = None


class RuleFileSpec(_Spec):
    code: wire.ServiceCode
    name: TextSpec
    default_outcome: wire.OutcomeCode
    outcomes: Annotated[list[OutcomeSpec], Field(min_length=1)]


for _model in (AllSpec, AnySpec, NotSpec, OutcomeSpec, RuleFileSpec):
    _model.model_rebuild()


@dataclass(frozen=True, slots=True)
class Fact:
    name: str

    def holds(self, facts_true: AbstractSet[str]) -> bool:
        return self.name in facts_true


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Condition, ...]

    def holds(self, facts_true: AbstractSet[str]) -> bool:
        return all(part.holds(facts_true) for part in self.parts)


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Condition, ...]

    def holds(self, facts_true: AbstractSet[str]) -> bool:
        return any(part.holds(facts_true) for part in self.parts)


@dataclass(frozen=True, slots=True)
class Not:
    part: Condition

    def holds(self, facts_true: AbstractSet[str]) -> bool:
        return not self.part.holds(facts_true)


Condition = Fact | AllOf | AnyOf | Not


@dataclass(frozen=True, slots=True)
class ServiceRules:
    """One service: its contract description, the lists it needs and its ordered rules."""

    service: wire.Service
    facts: frozenset[str]
    rules: tuple[tuple[str, Condition], ...]

    @property
    def code(self) -> str:
        return self.service.code

    def evaluate(self, facts_true: AbstractSet[str]) -> str:
        """The code of the first outcome whose condition holds, else the default outcome."""
        for code, when in self.rules:
            if when.holds(facts_true):
                return code
        return self.service.default_outcome

    def outcome(self, code: str) -> wire.Outcome:
        """The outcome with this code; KeyError if the service has none."""
        for outcome in self.service.outcomes:
            if outcome.code == code:
                return outcome
        raise KeyError(code)


TOO_DEEP = "nested too deeply (lists or tables inside each other without end)"


def load_rules(directory: Path) -> tuple[ServiceRules, ...]:
    """Every ``*.toml`` rule file in ``directory``, in file-name order, or RULES_INVALID."""
    if not directory.is_dir():
        raise AppError(Problem.RULES_INVALID, f"rules directory {directory} does not exist")
    paths = sorted(directory.glob("*.toml"))
    if not paths:
        raise AppError(Problem.RULES_INVALID, f"no rule files (*.toml) in {directory}")
    loaded = tuple(load_rule_file(path) for path in paths)
    log.info("loaded %d service rule files from %s", len(loaded), directory)
    return loaded


def load_rule_file(path: Path) -> ServiceRules:
    """One rule file, checked against the schema and for sense, or RULES_INVALID naming a line."""
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AppError(
            Problem.RULES_INVALID, f"rules file {path}: {_syntax_error(exc, text)}"
        ) from None
    except RecursionError:
        raise AppError(Problem.RULES_INVALID, f"rules file {path}: {TOO_DEEP}") from None
    source = RuleText(text)
    try:
        spec = RuleFileSpec.model_validate(data)
    except ValidationError as exc:
        line, reason = describe_error(source, exc.errors(include_url=False)[0])
        raise _invalid(path, line, reason) from None
    except RecursionError:
        raise AppError(Problem.RULES_INVALID, f"rules file {path}: {TOO_DEEP}") from None
    _check_sense(path, source, spec)
    return _build(spec)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AppError(
            Problem.RULES_INVALID, f"rules file {path} cannot be read ({type(exc).__name__})"
        ) from None


def _syntax_error(exc: tomllib.TOMLDecodeError, text: str) -> str:
    """``line 3, column 5: TOML syntax error: Invalid value`` from tomllib's message."""
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found is not None:
        reason = message[: found.start()]
        return f"line {found[1]}, column {found[2]}: TOML syntax error: {reason}"
    reason = message.removesuffix(" (at end of document)")
    last = max(1, len(text.splitlines()))
    return f"line {last} (end of file): TOML syntax error: {reason}"


def _invalid(path: Path, line: int, reason: str) -> AppError:
    return AppError(Problem.RULES_INVALID, f"rules file {path}, line {line}: {reason}")


def _check_sense(path: Path, source: RuleText, spec: RuleFileSpec) -> None:
    """What the schema cannot say: names agree, codes unique, only the default has no 'when'."""
    if spec.code != path.stem:
        line = source.key_line("code", source.top())
        raise _invalid(path, line, f"code '{spec.code}' must equal the file name '{path.stem}'")
    if spec.default_outcome not in {outcome.code for outcome in spec.outcomes}:
        line = source.key_line("default_outcome", source.top())
        reason = f"default_outcome '{spec.default_outcome}' is not one of the outcomes"
        raise _invalid(path, line, reason)
    seen: set[str] = set()
    for index, outcome in enumerate(spec.outcomes):
        block = source.outcome_block(index)
        if outcome.code in seen:
            line = source.key_line("code", block)
            raise _invalid(path, line, f"outcome code '{outcome.code}' appears twice")
        seen.add(outcome.code)
        is_default = outcome.code == spec.default_outcome
        if is_default and outcome.when is not None:
            line = source.key_line("when", block)
            raise _invalid(path, line, f"the default outcome '{outcome.code}' must have no 'when'")
        if not is_default and outcome.when is None:
            line = source.key_line("code", block)
            reason = f"outcome '{outcome.code}' needs a 'when' (only the default goes without)"
            raise _invalid(path, line, reason)


def _build(spec: RuleFileSpec) -> ServiceRules:
    outcomes = tuple(
        wire.Outcome(
            code=o.code,
            eligible=o.eligible,
            label=_text(o.label),
            detail=_text(o.detail) if o.detail else None,
        )
        for o in spec.outcomes
    )
    service = wire.Service(
        code=spec.code,
        name=_text(spec.name),
        outcomes=outcomes,
        default_outcome=spec.default_outcome,
    )
    rules = tuple((o.code, _condition(o.when)) for o in spec.outcomes if o.when is not None)
    facts = frozenset(name for _, when in rules for name in _fact_names(when))
    return ServiceRules(service=service, facts=facts, rules=rules)


def _text(spec: TextSpec) -> wire.LocalizedText:
    return wire.LocalizedText(nl=spec.nl, fr=spec.fr, en=spec.en, de=spec.de)


def _condition(spec: str | FactSpec | AllSpec | AnySpec | NotSpec) -> Condition:
    if isinstance(spec, str):
        return Fact(spec)
    if isinstance(spec, FactSpec):
        return Fact(spec.fact)
    if isinstance(spec, AllSpec):
        return AllOf(tuple(_condition(part) for part in spec.all))
    if isinstance(spec, AnySpec):
        return AnyOf(tuple(_condition(part) for part in spec.any))
    return Not(_condition(spec.negated))


def _fact_names(condition: Condition) -> frozenset[str]:
    if isinstance(condition, Fact):
        return frozenset({condition.name})
    if isinstance(condition, Not):
        return _fact_names(condition.part)
    return frozenset().union(*(_fact_names(part) for part in condition.parts))


_OUTCOME_HEADER = re.compile(r"^\s*\[\[\s*outcomes\s*\]\]")
_OTHER_TABLE = re.compile(r"^\s*\[(?!\[?\s*outcomes\s*[.\]])")
_ERROR_WORDS = {"extra_forbidden": "unknown key", "missing": "required key missing"}


class RuleText:
    """Finds the line of a key or value in a rule file's text, to name it in an error."""

    def __init__(self, text: str) -> None:
        self.lines = text.splitlines()
        self.headers = [i for i, line in enumerate(self.lines) if _OUTCOME_HEADER.match(line)]

    def top(self) -> range:
        """The lines before the first ``[[outcomes]]`` (or all lines when there is none)."""
        return range(self.headers[0] if self.headers else len(self.lines))

    def outcome_block(self, index: int) -> range:
        """The lines of the ``index``-th ``[[outcomes]]`` table (all lines if not found)."""
        if index >= len(self.headers):
            return range(len(self.lines))
        start = self.headers[index]
        following = (
            i
            for i in range(start + 1, len(self.lines))
            if _OUTCOME_HEADER.match(self.lines[i]) or _OTHER_TABLE.match(self.lines[i])
        )
        return range(start, next(following, len(self.lines)))

    def find(self, pattern: str, lines: range) -> int | None:
        """The 1-based number of the first line in ``lines`` matching ``pattern``."""
        found = re.compile(pattern)
        return next((i + 1 for i in lines if found.search(self.lines[i])), None)

    def key_line(self, key: str, lines: range) -> int:
        """The line of ``key = ...`` or a ``[...key]`` header, else the first of ``lines``."""
        line = self.find(_key_pattern(key), lines)
        return line if line is not None else lines.start + 1


def _key_pattern(key: str) -> str:
    k = re.escape(key)
    return rf'(?:^|[\s{{,])["\']?{k}["\']?\s*=|^\s*\[\[?[^\]]*\b{k}\s*\]'


def describe_error(source: RuleText, error: ErrorDetails) -> tuple[int, str]:
    """The line and the words for one pydantic error in a rule file."""
    loc = error["loc"]
    index = loc[1] if len(loc) > 1 and loc[0] == "outcomes" else None
    lines = source.outcome_block(index) if isinstance(index, int) else source.top()
    keys = [part for part in loc if isinstance(part, str) and part != "fact-name"]
    line = None
    value = error.get("input")
    if isinstance(value, str) and error["type"] not in _ERROR_WORDS and value:
        quoted = re.escape(value)
        line = source.find(rf"[\"']{quoted}[\"']", lines)
    for key in reversed(keys):
        line = line or source.find(_key_pattern(key), lines)
    where = _location_text(loc)
    words = _ERROR_WORDS.get(error["type"], error["msg"])
    return line or lines.start + 1, f"{where}: {words}" if where else words


def _location_text(loc: tuple[int | str, ...]) -> str:
    """``outcomes[1].when.all[0]`` from pydantic's location, without the shape tags."""
    text = ""
    previous: int | str | None = None
    for part in loc:
        if part in ("fact-name", previous):
            continue
        text += f"[{part}]" if isinstance(part, int) else f".{part}"
        previous = part
    return text.lstrip(".")
