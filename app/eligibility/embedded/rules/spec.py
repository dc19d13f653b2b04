# SPDX-License-Identifier: EUPL-1.2
"""The schema of a rule file (pydantic): what may be written where, checked before anything else.

The words of the format are in ``resources/rules/README.md``. Nothing here is ever evaluated
as code: a condition is a tree of names, and a comparison a value.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Discriminator,
    Field,
    StrictBool,
    StrictFloat,
    StrictInt,
    StringConstraints,
    Tag,
)

from app.eligibility import wire

LIST_PATTERN = r"^[a-z][a-z0-9_]{0,63}$"
CODE_PATTERN = r"^[A-Z][A-Z0-9_]{0,63}$"
ListName = Annotated[str, StringConstraints(pattern=LIST_PATTERN)]
ColumnName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{0,63}$")]
FactCode = Annotated[str, StringConstraints(pattern=CODE_PATTERN)]
# In a condition: a fact's CODE, or a list's name (shorthand for "on that list").
FactName = Annotated[str, StringConstraints(pattern=r"^([a-z][a-z0-9_]*|[A-Z][A-Z0-9_]*)$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
VersionLabel = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=64, pattern=r"^\S+$")
]
Number = StrictInt | StrictFloat
Value = Number | Annotated[str, StringConstraints(min_length=1, max_length=200)]
MonthDay = Annotated[str, StringConstraints(pattern=r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")]
_CONDITION_KEYS = ("fact", "all", "any", "not")
_SHAPE = "a condition is a fact name, or a table with exactly one of: fact, all, any, not"
COMPARISONS = ("<", "<=", "=", ">=", ">", "in")


class _Spec(BaseModel):
    # defer_build: validators are built when a rule file is first read (RuleFileSpec's holds
    # its parts'), not one per model at import; the forward references (ConditionSpec) are
    # resolved then, from this module.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False, defer_build=True)


class TextSpec(_Spec):
    nl: Text
    fr: Text
    en: Text
    de: Text | None = None


class FactRefSpec(_Spec):
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
    | Annotated[FactRefSpec, Tag("fact")]
    | Annotated[AllSpec, Tag("all")]
    | Annotated[AnySpec, Tag("any")]
    | Annotated[NotSpec, Tag("not")],
    Discriminator(_condition_kind, custom_error_type="condition", custom_error_message=_SHAPE),
]


class FactSpec(_Spec):
    """A named fact: on a list, a column of the person's row, or an age, compared with values."""

    on_list: ListName | None = Field(default=None, alias="list")
    column: ColumnName | None = None
    age: Literal["insz"] | ColumnName | None = None
    lt: Number | None = Field(default=None, alias="<")
    le: Number | None = Field(default=None, alias="<=")
    eq: Value | None = Field(default=None, alias="=")
    ge: Number | None = Field(default=None, alias=">=")
    gt: Number | None = Field(default=None, alias=">")
    among: Annotated[list[Value], Field(min_length=1)] | None = Field(default=None, alias="in")


class ValiditySpec(_Spec):
    """Until when an outcome holds: the earliest of the limits given."""

    day: MonthDay | None = None
    year: Literal["next"] | None = None
    years: Annotated[StrictInt, Field(ge=1, le=100)] | None = None
    list_end: Literal[True] | None = None


class OutcomeSpec(_Spec):
    code: wire.OutcomeCode
    eligible: StrictBool
    label: TextSpec
    detail: TextSpec | None = None
    when: ConditionSpec | None = None
    valid_until: ValiditySpec | None = None


class VersionSpec(_Spec):
    """A change of the rule from a date: facts, conditions and validity replacing earlier ones."""

    in_force_from: dt.date = Field(alias="from")
    until: dt.date | None = None
    version: VersionLabel | None = None
    facts: dict[FactCode, FactSpec] = Field(default_factory=dict)
    when: dict[wire.OutcomeCode, ConditionSpec] = Field(default_factory=dict)
    valid_until: dict[wire.OutcomeCode, ValiditySpec] = Field(default_factory=dict)


class RuleFileSpec(_Spec):
    code: wire.ServiceCode
    name: TextSpec
    default_outcome: wire.OutcomeCode
    version: VersionLabel | None = None
    in_force_from: dt.date | None = Field(default=None, alias="from")
    until: dt.date | None = None
    facts: dict[FactCode, FactSpec] = Field(default_factory=dict)
    outcomes: Annotated[list[OutcomeSpec], Field(min_length=1)]
    versions: list[VersionSpec] = Field(default_factory=list)
