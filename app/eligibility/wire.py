# SPDX-License-Identifier: EUPL-1.2
"""pydantic models of ../shared/contract/eligibility-v1.yaml, names as in the contract.

Responses drop unknown fields (``extra="ignore"``), so nothing a backend adds beyond the
contract (personal facts included) ever reaches the caller. Requests forbid extras.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Annotated

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

InszDigits = Annotated[str, StringConstraints(pattern=r"^[0-9]{11}$")]
_ELEVEN_DIGITS = re.compile(r"[0-9]{11}")
# RFC 3339 (section 5.6) with its offset, as the contract's date-time: no number, no bare time.
_RFC3339 = re.compile(
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?([Zz]|[+-][0-9]{2}:[0-9]{2})$"
)


def _no_national_number(value: str) -> str:
    if _ELEVEN_DIGITS.search(value):
        raise ValueError("must not hold 11 digits in a row (never a national number)")
    return value


def _rfc3339_text(value: object) -> object:
    """A JSON date-time is RFC 3339 text with an offset; a datetime (from Python) passes."""
    if isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str) or not _RFC3339.match(value):
        raise ValueError("must be an RFC 3339 date-time with an offset")
    return value


# The contract's Identifier (desk, staff_id): 1-64 characters, no control characters,
# never 11 digits in a row.
Identifier = Annotated[
    str,
    StringConstraints(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$"),
    AfterValidator(_no_national_number),
]
OffsetDateTime = Annotated[AwareDatetime, BeforeValidator(_rfc3339_text)]
OutcomeCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{1,63}$")]
ServiceCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,63}$")]
GroundCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{0,63}$")]


# defer_build: a model's validator is built when it is first used, not at import (the desk
# and the commands use a few of these models each; building all cost ~10 ms of every start).
class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True, defer_build=True)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class Channel(StrEnum):
    CARD = "card"
    MANUAL = "manual"


class ReasonCode(StrEnum):
    DATA_OUTDATED = "DATA_OUTDATED"
    RECENT_MOVE = "RECENT_MOVE"
    FAMILY_SITUATION = "FAMILY_SITUATION"
    DOCUMENT_SHOWN = "DOCUMENT_SHOWN"
    SOCIAL_WORKER_REFERRAL = "SOCIAL_WORKER_REFERRAL"
    ADVICE_UNAVAILABLE = "ADVICE_UNAVAILABLE"
    OTHER = "OTHER"


class LocalizedText(_Response):
    nl: str
    fr: str | None = None
    en: str | None = None
    de: str | None = None


class Outcome(_Response):
    code: OutcomeCode
    eligible: bool
    label: LocalizedText
    detail: LocalizedText | None = None


class Service(_Response):
    code: ServiceCode
    name: LocalizedText
    outcomes: Annotated[tuple[Outcome, ...], Field(min_length=1)]
    default_outcome: str


class ServicesResponse(_Response):
    services: tuple[Service, ...]


class AdviceRequest(_Request):
    service: str
    insz: Annotated[InszDigits, Field(repr=False)]
    desk: Identifier
    channel: Channel


class Advice(_Response):
    advice_id: Annotated[str, Field(max_length=128)]
    service: str
    outcome: Outcome
    decided_at: dt.datetime
    data_as_of: dt.date | None = None
    valid_until: dt.date | None = None
    # Contract 1.1: the rule's version and the codes of the facts that held (audit only, never
    # on a counter screen); a 1.0 backend sends neither.
    rule_version: Annotated[str, Field(max_length=64)] | None = None
    grounds: tuple[GroundCode, ...] | None = None


class OverrideRequest(_Request):
    advice_id: Annotated[str, Field(max_length=128)] | None = None
    service: str
    insz: Annotated[InszDigits | None, Field(repr=False)] = None
    outcome_code: str
    reason_code: ReasonCode
    reason_text: Annotated[str, Field(min_length=10, max_length=1000)]
    staff_id: Identifier
    desk: Identifier
    decided_at: OffsetDateTime


class OverrideReceipt(_Response):
    override_id: str
    advice_id: str | None
    recorded_at: dt.datetime


class SourceStatus(StrEnum):
    OK = "ok"
    UNAVAILABLE = "unavailable"


class HealthSource(_Response):
    name: str
    status: SourceStatus
    as_of: dt.date | None = None


class HealthStatus(StrEnum):
    OK = "ok"
    DEGRADED = "degraded"


class RunMode(StrEnum):
    """What decides (contract 1.1 ``Health.mode``): real data, test cards, or sample data."""

    PRODUCTION = "production"
    ACCEPTANCE = "acceptance"
    TRAINING = "training"

    def joined(self, other: RunMode | None) -> RunMode:
        """The mode of an answer made here on top of ``other`` (a backend's): the less real
        of the two, so test cards or sample data anywhere are said everywhere."""
        order = list(RunMode)
        return self if other is None else max(self, other, key=order.index)


class Health(_Response):
    status: HealthStatus
    sources: tuple[HealthSource, ...]
    mode: RunMode | None = None  # added in 1.1; a 1.0 backend says nothing


class ProblemDocument(_Response):
    """RFC 9457 problem details as the contract names them."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


PROBLEM_TYPE_PREFIX = "urn:eligibility:problem:"
