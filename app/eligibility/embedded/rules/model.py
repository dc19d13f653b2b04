# SPDX-License-Identifier: EUPL-1.2
"""Loaded rules as frozen objects, and the decision: facts in three values, first outcome wins.

A fact is true, false or unknown (``None``): unknown when its list was never imported, a
column it reads is empty or unreadable on the person's row, or an age cannot be known (a BIS
number without a birth date). Conditions combine facts the way a careful clerk would
(Kleene's logic: ``all`` is false as soon as one part is false, ``any`` true as soon as one
is true). Outcomes are tried in order; an unknown condition before the winner means "no
advice" (INSUFFICIENT_DATA), never the next outcome, so missing data never becomes a "no".
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from app.problems import AppError, Problem

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from app.eligibility import wire
    from app.eligibility.embedded.lists.rows import ListRow
    from app.eligibility.embedded.rules.facts import FactTest
    from app.eligibility.embedded.rules.validity import Validity

Truth = bool | None
"""True, False, or None for unknown."""


@dataclass(frozen=True, slots=True)
class Person:
    """What the engine may know of one person: birth date (None: unknown), rows per list.

    ``rows`` has an entry for every list that was imported (empty: not on it); a list
    without an entry was never imported.
    """

    birth_date: dt.date | None
    rows: Mapping[str, Sequence[ListRow]]


class FactValues(Protocol):
    """Where a condition reads its facts: ``truth(code)``."""

    def truth(self, code: str) -> Truth: ...


@dataclass(frozen=True, slots=True)
class Ref:
    code: str

    def truth(self, facts: FactValues) -> Truth:
        return facts.truth(self.code)

    def support(self, facts: FactValues) -> tuple[str, ...]:
        return (self.code,) if facts.truth(self.code) else ()


@dataclass(frozen=True, slots=True)
class AllOf:
    parts: tuple[Condition, ...]

    def truth(self, facts: FactValues) -> Truth:
        """False at the first false part (the rest need not be known), else unknown or true."""
        unknown = False
        for part in self.parts:
            value = part.truth(facts)
            if value is False:
                return False
            unknown = unknown or value is None
        return None if unknown else True

    def support(self, facts: FactValues) -> tuple[str, ...]:
        return tuple(code for part in self.parts for code in part.support(facts))


@dataclass(frozen=True, slots=True)
class AnyOf:
    parts: tuple[Condition, ...]

    def truth(self, facts: FactValues) -> Truth:
        """True at the first true part (the rest need not be known), else unknown or false."""
        unknown = False
        for part in self.parts:
            value = part.truth(facts)
            if value:
                return True
            unknown = unknown or value is None
        return None if unknown else False

    def support(self, facts: FactValues) -> tuple[str, ...]:
        held = (part for part in self.parts if part.truth(facts))
        return tuple(code for part in held for code in part.support(facts))


@dataclass(frozen=True, slots=True)
class Not:
    part: Condition

    def truth(self, facts: FactValues) -> Truth:
        value = self.part.truth(facts)
        return None if value is None else not value

    def support(self, facts: FactValues) -> tuple[str, ...]:
        return ()  # a fact that does not hold is no ground


Condition = Ref | AllOf | AnyOf | Not


def fact_codes(condition: Condition) -> tuple[str, ...]:
    """Every fact code in a condition, in writing order (repeats kept)."""
    if isinstance(condition, Ref):
        return (condition.code,)
    if isinstance(condition, Not):
        return fact_codes(condition.part)
    return tuple(code for part in condition.parts for code in fact_codes(part))


@dataclass(frozen=True, slots=True)
class RuleVersion:
    """One version of a service's rule: in force from ``starts`` through ``ends`` (None: open)."""

    label: str | None
    starts: dt.date | None
    ends: dt.date | None
    facts: Mapping[str, FactTest]
    rules: tuple[tuple[str, Condition], ...]
    validity: Mapping[str, Validity]
    lists: frozenset[str] = field(default=frozenset())
    referenced: tuple[str, ...] = ()  # the fact codes of the conditions, in writing order
    reads_age: bool = False  # a fact reads the age from the national number
    memberships: tuple[tuple[str, str], ...] = ()  # (code, list) of the plain "on the list" facts

    def in_force(self, day: dt.date) -> bool:
        return (self.starts is None or self.starts <= day) and (
            self.ends is None or day <= self.ends
        )


@dataclass(frozen=True, slots=True)
class Decision:
    """What the rule decided for one person on one day, and on which grounds."""

    outcome: str
    grounds: tuple[str, ...]
    valid_until: dt.date | None
    rule_version: str | None
    lists: frozenset[str]


@dataclass(frozen=True, slots=True)
class ServiceRules:
    """One service: its contract description and its versions, in date order."""

    service: wire.Service
    versions: tuple[RuleVersion, ...]
    outcomes_by_code: Mapping[str, wire.Outcome] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_code = {outcome.code: outcome for outcome in self.service.outcomes}
        object.__setattr__(self, "outcomes_by_code", by_code)

    @property
    def code(self) -> str:
        return self.service.code

    @property
    def lists(self) -> frozenset[str]:
        """Every list some version reads."""
        return frozenset().union(*(version.lists for version in self.versions))

    def version_on(self, day: dt.date) -> RuleVersion:
        """The version in force on ``day``; RULES_INVALID when none is (before the first)."""
        for version in self.versions:
            if version.in_force(day):
                return version
        reason = f"no version of rule {self.code} is in force on {day}"
        raise AppError(Problem.RULES_INVALID, reason)

    def decide(self, person: Person, day: dt.date, version: RuleVersion | None = None) -> Decision:
        """The first outcome whose condition holds; INSUFFICIENT_DATA if one before is unknown.

        Facts are looked at only as far as the conditions need them, each at most once.
        ``version``: the one in force on ``day``, when the caller has it already.
        """
        version = version or self.version_on(day)
        facts = _Facts(version, person, day)
        for code, when in version.rules:
            value = when.truth(facts)
            if value is None:
                raise AppError(Problem.INSUFFICIENT_DATA, self._unknown(version, when, person))
            if value:
                return self._decision(version, code, _unique(when.support(facts)), facts, day)
        held = _unique(c for c in version.referenced if facts.truth(c))
        return self._decision(version, self.service.default_outcome, held, facts, day)

    def outcome(self, code: str) -> wire.Outcome:
        """The outcome with this code; KeyError if the service has none."""
        return self.outcomes_by_code[code]

    def _decision(
        self,
        version: RuleVersion,
        code: str,
        grounds: tuple[str, ...],
        facts: _Facts,
        day: dt.date,
    ) -> Decision:
        validity = version.validity.get(code)
        ends = [end for c in grounds if (end := facts.end(c)) is not None]
        until = validity.until(day, ends) if validity is not None else None
        return Decision(code, grounds, until, version.label, version.lists)

    def _unknown(self, version: RuleVersion, when: Condition, person: Person) -> str:
        """Why a condition is unknown, in codes and list names (never a person's values)."""
        reasons = []
        for code in _unique(fact_codes(when)):
            fact = version.facts[code]
            if fact.on_list is not None and fact.on_list not in person.rows:
                reasons.append(f"list '{fact.on_list}' was never imported")
            elif fact.age == "insz" and person.birth_date is None:
                reasons.append(f"{code}: the age is unknown (no birth date in the number)")
        text = "; ".join(_unique(reasons)) or "a value the rule reads is missing or unreadable"
        return f"service {self.code}: no advice: {text}"


class _Facts:
    """One person's facts on one day. "On the list" facts are settled at once from the rows
    (cheap: most rules are only that); the others are evaluated when first asked, once."""

    __slots__ = ("_day", "_found", "_person", "_truth", "_version")

    def __init__(self, version: RuleVersion, person: Person, day: dt.date) -> None:
        self._version = version
        self._person = person
        self._day = day
        self._found: dict[str, tuple[Truth, dt.date | None]] = {}
        rows = person.rows
        truth: dict[str, Truth] = {}
        for code, name in version.memberships:
            held = rows.get(name)
            if held is None:
                truth[code] = None  # never imported: unknown
            elif not held:
                truth[code] = False
            else:
                truth[code] = any(row.holds_on(day) for row in held)
        self._truth = truth

    def _get(self, code: str) -> tuple[Truth, dt.date | None]:
        found = self._found.get(code)
        if found is None:
            found = self._version.facts[code].evaluate(self._person, self._day)
            self._found[code] = found
        return found

    def truth(self, code: str) -> Truth:
        truth = self._truth
        return truth[code] if code in truth else self._get(code)[0]

    def end(self, code: str) -> dt.date | None:
        """The end of the list row that made the fact hold (None: open, or no row)."""
        return self._get(code)[1]


def _unique(codes: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(codes))


def birth_date(digits: str) -> dt.date | None:
    """The birth date in a national or BIS number; None when the number does not hold one.

    ``YYMMDD``, the month plus 20 or 40 in a BIS number, 00 for an unknown month or day; the
    century from the checksum (computed with a 2 before the digits for births from 2000).
    """
    base, check = int(digits[:9]), int(digits[9:])
    century = 1900 if 97 - base % 97 == check else 2000
    month, day = int(digits[2:4]) % 20, int(digits[4:6])
    if int(digits[2:4]) > 52 or month == 0 or day == 0:
        return None
    try:
        return dt.date(century + int(digits[:2]), month, day)
    except ValueError:
        return None
