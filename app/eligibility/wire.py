# SPDX-License-Identifier: EUPL-1.2
"""pydantic models of ../shared/contract/eligibility-v1.yaml, names as in the contract.

Responses drop unknown fields (``extra="ignore"``), so nothing a backend adds beyond the
contract (personal facts included) ever reaches the caller. Requests forbid extras.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

InszDigits = Annotated[str, StringConstraints(pattern=r"^[0-9]{11}$")]
OutcomeCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{1,63}$")]
ServiceCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]{1,63}$")]
GroundCode = Annotated[str, StringConstraints(pattern=r"^[A-Z][A-Z0-9_]{0,63}$")]


class _Response(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


class _Request(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


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
    desk: Annotated[str, Field(max_length=64)]
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
    staff_id: Annotated[str, Field(max_length=64)]
    desk: Annotated[str, Field(max_length=64)]
    decided_at: dt.datetime


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


class Health(_Response):
    status: HealthStatus
    sources: tuple[HealthSource, ...]


class ProblemDocument(_Response):
    """RFC 9457 problem details as the contract names them."""

    type: str
    title: str
    status: int
    detail: str | None = None
    instance: str | None = None


PROBLEM_TYPE_PREFIX = "urn:eligibility:problem:"
