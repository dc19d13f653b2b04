# SPDX-License-Identifier: EUPL-1.2
"""What the schema cannot say about a rule file: names agree, dates follow, facts make sense.

Each refusal names the line (see ``source_text``) and says what to change. A line is looked
up only for a refusal: a sound file (every start reads five) costs no search of its text.
"""

from __future__ import annotations

import calendar
import functools
import re
from typing import TYPE_CHECKING

from app.eligibility.embedded.rules.build import stages
from app.eligibility.embedded.rules.source_text import invalid
from app.eligibility.embedded.rules.spec import AllSpec, FactRefSpec, NotSpec

if TYPE_CHECKING:
    from collections.abc import Callable
    from pathlib import Path

    from app.eligibility.embedded.rules.build import Stage
    from app.eligibility.embedded.rules.source_text import RuleText
    from app.eligibility.embedded.rules.spec import (
        ConditionSpec,
        FactSpec,
        RuleFileSpec,
        ValiditySpec,
    )


def check_sense(path: Path, source: RuleText, spec: RuleFileSpec) -> None:
    """RULES_INVALID (file, line, what to change) for the first thing that makes no sense."""
    _check_names(path, source, spec)
    _check_whens(path, source, spec)
    _check_dates(path, source, spec)
    for code, fact in spec.facts.items():
        _check_fact(path, functools.partial(source.key_line, code, source.everywhere()), code, fact)
    for index, version in enumerate(spec.versions):
        block = source.block("versions", index)
        for code, fact in version.facts.items():
            _check_fact(path, functools.partial(source.key_line, code, block), code, fact)
    for stage in stages(spec):
        _check_references(path, source, stage)
        for code, rule in stage.valid.items():
            where = functools.partial(_line, source, stage, code, "valid_until")
            _check_validity(path, where, rule)


def _check_names(path: Path, source: RuleText, spec: RuleFileSpec) -> None:
    if spec.code != path.stem:
        line = source.key_line("code", source.top())
        raise invalid(path, line, f"code '{spec.code}' must equal the file name '{path.stem}'")
    if spec.default_outcome not in {outcome.code for outcome in spec.outcomes}:
        line = source.key_line("default_outcome", source.top())
        reason = f"default_outcome '{spec.default_outcome}' is not one of the outcomes"
        raise invalid(path, line, reason)
    seen: set[str] = set()
    for index, outcome in enumerate(spec.outcomes):
        if outcome.code in seen:
            line = source.key_line("code", source.outcome_block(index))
            raise invalid(path, line, f"outcome code '{outcome.code}' appears twice")
        seen.add(outcome.code)


def _check_whens(path: Path, source: RuleText, spec: RuleFileSpec) -> None:
    """Only the default goes without a 'when'; versions name only outcomes of the file."""
    codes = {outcome.code for outcome in spec.outcomes}
    given = {code for version in spec.versions for code in version.when}
    for index, outcome in enumerate(spec.outcomes):
        block = source.outcome_block(index)
        if outcome.code == spec.default_outcome and outcome.when is not None:
            line = source.key_line("when", block)
            raise invalid(path, line, f"the default outcome '{outcome.code}' must have no 'when'")
        missing = outcome.when is None and outcome.code not in given
        if outcome.code != spec.default_outcome and missing:
            line = source.key_line("code", block)
            reason = f"outcome '{outcome.code}' needs a 'when' (only the default goes without)"
            raise invalid(path, line, reason)
    for index, version in enumerate(spec.versions):
        block = source.block("versions", index)
        for code in (*version.when, *version.valid_until):
            if code not in codes:
                line = source.key_line(code, block)
                raise invalid(path, line, f"'{code}' is not one of the outcomes of this file")
            if code == spec.default_outcome and code in version.when:
                line = source.key_line(code, block)
                raise invalid(path, line, f"the default outcome '{code}' must have no 'when'")


def _check_dates(path: Path, source: RuleText, spec: RuleFileSpec) -> None:
    """Each version starts after the one before and ends (``until``) before the next starts."""
    if spec.in_force_from and spec.until and spec.until < spec.in_force_from:
        raise invalid(path, source.key_line("until", source.top()), "'until' is before 'from'")
    previous = spec.in_force_from
    for index, version in enumerate(spec.versions):
        block = source.block("versions", index)
        if previous is not None and version.in_force_from <= previous:
            reason = "versions go in date order: each 'from' later than the one before"
            raise invalid(path, source.key_line("from", block), reason)
        if version.until is not None and version.until < version.in_force_from:
            raise invalid(path, source.key_line("until", block), "'until' is before 'from'")
        previous = version.in_force_from
    runs = stages(spec)
    for stage, following in zip(runs, runs[1:], strict=False):
        ends, starts = stage.ends, following.starts
        if ends is not None and starts is not None and ends >= starts:
            line = _line(source, stage, "until", "until")
            reason = (
                f"version '{stage.label}' runs until {ends}, but the next one starts "
                f"on {starts}: end it earlier"
            )
            raise invalid(path, line, reason)


_AGE_OR_COLUMN = "a fact with a column or an age needs a comparison (<, <=, =, >=, > or in)"


def _check_fact(path: Path, line: Callable[[], int], code: str, fact: FactSpec) -> None:
    compared = [fact.lt, fact.le, fact.eq, fact.ge, fact.gt, fact.among]
    has_comparison = any(value is not None for value in compared)
    problems = [
        (fact.on_list is None and fact.age != "insz", "needs 'list' (or age = \"insz\")"),
        (fact.column is not None and fact.age is not None, "has 'column' and 'age': keep one"),
        ((fact.column or fact.age) is not None and not has_comparison, _AGE_OR_COLUMN),
        (
            fact.column is None and fact.age is None and has_comparison,
            "compares nothing: add 'column' (a column of the list) or 'age'",
        ),
        (fact.age is not None and _text_compared(fact), "compares an age with text"),
        (_mixed(fact.among), "'in' mixes numbers and text: use one kind"),
    ]
    for wrong, reason in problems:
        if wrong:
            raise invalid(path, line(), f"fact {code} {reason}")


def _text_compared(fact: FactSpec) -> bool:
    return isinstance(fact.eq, str) or any(isinstance(v, str) for v in fact.among or ())


def _mixed(values: list[int | float | str] | None) -> bool:
    return values is not None and len({isinstance(v, str) for v in values}) > 1


def _check_references(path: Path, source: RuleText, stage: Stage) -> None:
    for outcome, when in stage.when.items():
        for name in _names(when):
            if name.isupper() and name not in stage.facts:
                reason = f"fact {name} is not defined (add it under [facts], or use a list name)"
                raise invalid(path, _line(source, stage, outcome, name), reason)
            defined = stage.facts.get(name.upper())
            if not name.isupper() and defined is not None and not _plain(defined, name):
                reason = f"'{name}' is a list, but fact {name.upper()} means something else"
                raise invalid(path, _line(source, stage, outcome, name), reason)


def _plain(fact: FactSpec, name: str) -> bool:
    return fact.on_list == name and fact.column is None and fact.age is None


def _names(when: ConditionSpec) -> list[str]:
    """The fact names in a condition, in writing order."""
    if isinstance(when, str):
        return [when]
    if isinstance(when, FactRefSpec):
        return [when.fact]
    if isinstance(when, NotSpec):
        return _names(when.negated)
    parts = when.all if isinstance(when, AllSpec) else when.any
    return [name for part in parts for name in _names(part)]


def _check_validity(path: Path, line: Callable[[], int], rule: ValiditySpec) -> None:
    if rule.year is not None and rule.day is None:
        raise invalid(path, line(), 'valid_until: year = "next" needs a day (e.g. "04-30")')
    if rule.day is None and rule.years is None and rule.list_end is None:
        raise invalid(path, line(), "valid_until needs day, years or list_end")
    if rule.day is not None:
        month, day = (int(part) for part in rule.day.split("-"))
        if day > calendar.monthrange(2024, month)[1]:
            raise invalid(path, line(), f"valid_until: day {rule.day} does not exist")


def _line(source: RuleText, stage: Stage, outcome: str, needle: str) -> int:
    """The line of ``needle`` for ``outcome`` in its block (the outcome's, or the version's)."""
    if stage.index is not None:
        block = source.block("versions", stage.index)
    else:
        block = _outcome_block(source, outcome)
    found = source.find(rf"[\"']?{re.escape(needle)}[\"']?", block)
    return found if found is not None else block.start + 1


def _outcome_block(source: RuleText, outcome: str) -> range:
    """The lines of the [[outcomes]] table with this code (all lines if none has it)."""
    pattern = rf"code\s*=\s*[\"']{re.escape(outcome)}[\"']"
    for index in range(len(source.headers["outcomes"])):
        block = source.outcome_block(index)
        if source.find(pattern, block) is not None:
            return block
    return source.everywhere()
