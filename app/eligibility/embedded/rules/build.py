# SPDX-License-Identifier: EUPL-1.2
"""From a checked rule file to its versions: each version's facts, conditions and validity.

A file without ``[[versions]]`` has one version. With them, each version takes over the facts,
conditions (``when``) and validity of the one before and replaces those it names; the first
is the file's own ``when`` (if its outcomes have one), in force until the first version starts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.eligibility.embedded.rules.facts import Comparison, FactTest
from app.eligibility.embedded.rules.model import (
    AllOf,
    AnyOf,
    Condition,
    Not,
    Ref,
    RuleVersion,
    fact_codes,
)
from app.eligibility.embedded.rules.spec import (
    AllSpec,
    AnySpec,
    FactRefSpec,
    FactSpec,
    NotSpec,
    RuleFileSpec,
    ValiditySpec,
)
from app.eligibility.embedded.rules.validity import Validity

if TYPE_CHECKING:
    from app.eligibility.embedded.rules.spec import ConditionSpec

ConditionSpecs = str | FactRefSpec | AllSpec | AnySpec | NotSpec


@dataclass(frozen=True, slots=True)
class Stage:
    """One version as written: ``index`` None for the file's own rule, else its [[versions]]."""

    index: int | None
    label: str | None
    starts: dt.date | None
    ends: dt.date | None
    facts: dict[str, FactSpec]
    when: dict[str, ConditionSpec]
    valid: dict[str, ValiditySpec]


def stages(spec: RuleFileSpec) -> list[Stage]:
    """The versions of a rule file as written, in date order, each with all it inherits."""
    facts: dict[str, FactSpec] = dict(spec.facts)
    when = {o.code: o.when for o in spec.outcomes if o.when is not None}
    valid = {o.code: o.valid_until for o in spec.outcomes if o.valid_until is not None}
    starts = [version.in_force_from for version in spec.versions]
    result = []
    if not spec.versions or when:
        label = spec.version or (spec.in_force_from.isoformat() if spec.in_force_from else None)
        ends = spec.until or (_day_before(starts[0]) if starts else None)
        result.append(Stage(None, label, spec.in_force_from, ends, facts, when, valid))
    for index, version in enumerate(spec.versions):
        facts = {**facts, **version.facts}
        when = {**when, **version.when}
        valid = {**valid, **version.valid_until}
        following = starts[index + 1] if index + 1 < len(starts) else None
        ends = version.until or (_day_before(following) if following else None)
        label = version.version or version.in_force_from.isoformat()
        result.append(Stage(index, label, version.in_force_from, ends, facts, when, valid))
    return result


def build_versions(spec: RuleFileSpec) -> tuple[RuleVersion, ...]:
    order = [o.code for o in spec.outcomes if o.code != spec.default_outcome]
    return tuple(_version(stage, order) for stage in stages(spec))


def _version(stage: Stage, order: list[str]) -> RuleVersion:
    rules = tuple((code, condition(stage.when[code])) for code in order if code in stage.when)
    referenced = tuple(dict.fromkeys(code for _, when in rules for code in fact_codes(when)))
    used = set(referenced)
    facts = {code: fact_test(code, stage.facts) for code in sorted(used)}
    return RuleVersion(
        label=stage.label,
        starts=stage.starts,
        ends=stage.ends,
        facts=facts,
        rules=rules,
        validity={code: validity(v) for code, v in stage.valid.items()},
        lists=frozenset(f.on_list for f in facts.values() if f.on_list is not None),
        referenced=referenced,
        reads_age=any(f.age == "insz" for f in facts.values()),
        memberships=tuple(
            (code, f.on_list)
            for code, f in facts.items()
            if f.on_list is not None and f.column is None and f.age is None
        ),
    )


def shorthand_code(name: str) -> str:
    """The code of a list named in a condition: ``leefloon`` → ``LEEFLOON``."""
    return name.upper()


def condition(spec: ConditionSpecs) -> Condition:
    if isinstance(spec, str | FactRefSpec):
        name = spec if isinstance(spec, str) else spec.fact
        return Ref(name if name.isupper() else shorthand_code(name))
    if isinstance(spec, AllSpec):
        return AllOf(tuple(condition(part) for part in spec.all))
    if isinstance(spec, AnySpec):
        return AnyOf(tuple(condition(part) for part in spec.any))
    return Not(condition(spec.negated))


def fact_test(code: str, facts: dict[str, FactSpec]) -> FactTest:
    """The fact ``code``: defined in ``facts``, else the shorthand for "on the list"."""
    spec = facts.get(code)
    if spec is None:
        return FactTest(code=code, on_list=code.lower())
    given: list[tuple[str, int | float | str | tuple[int | float | str, ...] | None]] = [
        (">=", spec.ge),
        (">", spec.gt),
        ("=", spec.eq),
        ("in", tuple(spec.among) if spec.among is not None else None),
        ("<", spec.lt),
        ("<=", spec.le),
    ]
    comparisons = [Comparison(op, value) for op, value in given if value is not None]
    return FactTest(
        code=code,
        on_list=spec.on_list,
        column=spec.column,
        age=spec.age,
        comparisons=tuple(comparisons),
    )


def validity(spec: ValiditySpec) -> Validity:
    month_day = None
    if spec.day is not None:
        month, day = spec.day.split("-")
        month_day = (int(month), int(day))
    return Validity(
        month_day=month_day,
        next_year=spec.year == "next",
        years=spec.years,
        list_end=bool(spec.list_end),
    )


def _day_before(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=1)
