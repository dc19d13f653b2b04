# SPDX-License-Identifier: EUPL-1.2
"""Audit records and their hash chain: what a record holds and how records are linked.

Chain format (version 1). Record ``n`` is the canonical JSON array ``["baliecheck-audit-v1",
seq, kind, at, desk, staff_id, service, advice_id, advised_outcome, applied_outcome,
reason_code, reason_text, channel, pseudonym (hex or null), detail]`` in UTF-8, and
``hash_n = HMAC-SHA256(chain_key, hash_(n-1) || canonical_n)`` with ``hash_0`` 32 zero bytes.
The chain key is derived from the installation's pseudonym key (keyring), so an edit cannot
be re-hashed by someone who has the file but not the key. The sequence number is inside the
hashed text: a changed field, a deleted record and two swapped records all break the chain at
the first record concerned.

A new field enters the chain as an *extension*: add it to ``AuditEntry`` (default None), name
it in ``EXTENSIONS`` (and add its column to the schema, with an ``ALTER TABLE ... ADD COLUMN``
for existing stores). Extensions follow the 13 core columns in ``values()`` and are hashed as
one trailing JSON object holding only those that are set, e.g. ``{"mode":"acceptance"}``: a
record written before the field existed (all None) keeps its canonical text and its hash,
and a set field cannot be blanked or altered without breaking the chain. Delivery records
(``delivered``, ``rejected``) chain the outbox's state changes: their ``detail`` names the
record delivered (``of``) and the backend's receipt.
"""

from __future__ import annotations

import datetime as dt
import hmac
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from eid.insz import NationalNumber

FORMAT = "baliecheck-audit-v1"
GENESIS = bytes(32)
_PSEUDONYM = 13  # its place in the canonical array: format, seq, then the 13 columns
_encode = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode


class RecordKind(StrEnum):
    ADVICE_SHOWN = "advice_shown"
    OVERRIDE = "override"
    MANUAL_DECISION = "manual_decision"
    PROBLEM = "problem"
    CHECKPOINT = "checkpoint"
    DELIVERED = "delivered"  # the backend gave a receipt for an outbox entry (detail: of, receipt)
    REJECTED = "rejected"  # the backend refused an outbox entry for good (detail: of, problem)
    BATCH_RUN = "batch_run"  # one per batch run: counts and file hashes in ``detail`` (JSON)


CORE_COLUMNS = (
    "kind",
    "at",
    "desk",
    "staff_id",
    "service",
    "advice_id",
    "advised_outcome",
    "applied_outcome",
    "reason_code",
    "reason_text",
    "channel",
    "pseudonym",
    "detail",
)
# Fields added after chain format 1, in the order they were added (see the module text).
# mode: which trust decided (production, acceptance, training; RunMode values).
EXTENSIONS: tuple[str, ...] = ("mode",)
COLUMNS = CORE_COLUMNS + EXTENSIONS
DETAIL = CORE_COLUMNS.index("detail")  # its place in AuditEntry.values


@dataclass(frozen=True, slots=True)
class AuditEntry:
    """One record as the desk gives it: no national number, only its keyed pseudonym."""

    kind: RecordKind
    at: dt.datetime
    desk: str
    staff_id: str
    service: str | None = None
    advice_id: str | None = None
    advised_outcome: str | None = None
    applied_outcome: str | None = None
    reason_code: str | None = None
    reason_text: str | None = None
    channel: str | None = None
    pseudonym: bytes | None = None
    detail: str | None = None
    mode: str | None = None  # the desk's mode when recorded (RunMode value); None: older

    def values(self) -> tuple[str | bytes | None, ...]:
        """The stored columns after ``seq``, in the chain's order (``at`` as UTC ISO text)."""
        return (
            self.kind.value,
            utc_text(self.at),
            self.desk,
            self.staff_id,
            self.service,
            self.advice_id,
            self.advised_outcome,
            self.applied_outcome,
            self.reason_code,
            self.reason_text,
            self.channel,
            self.pseudonym,
            self.detail,
            *(getattr(self, name) for name in EXTENSIONS),
        )


@dataclass(frozen=True, slots=True)
class AuditRecord:
    """A stored record: its place in the chain, the entry, and the two chain hashes."""

    seq: int
    entry: AuditEntry
    prev_hash: bytes
    hash: bytes


def utc_text(moment: dt.datetime) -> str:
    """The one text form of a time in the store: UTC, microseconds, so text order is time order."""
    if moment.tzinfo is None:
        raise ValueError("audit times must carry a time zone")
    return moment.astimezone(dt.UTC).isoformat(timespec="microseconds")


def derive_key(pseudonym_key: bytes, purpose: bytes) -> bytes:
    """A key for one purpose, derived from the installation key (keys stay separate)."""
    return hmac.digest(pseudonym_key, b"baliecheck " + purpose, "sha256")


def pseudonym(pseudonym_key: bytes, number: NationalNumber) -> bytes:
    """HMAC-SHA256 of the digits: the same pseudonym as the source store's."""
    return hmac.digest(pseudonym_key, number.digits.encode("ascii"), "sha256")


def canonical(seq: int, values: Iterable[str | bytes | None]) -> bytes:
    """The hashed text of a record: a JSON array in a fixed order (the pseudonym as hex).

    ``values`` are the columns in ``COLUMNS`` order; the pseudonym is the only blob. The
    extensions that are set follow as one object (none set: nothing follows).
    """
    given = tuple(values)
    fields: list[object] = [FORMAT, seq, *given[: len(CORE_COLUMNS)]]
    alias = fields[_PSEUDONYM]
    if isinstance(alias, bytes):
        fields[_PSEUDONYM] = alias.hex()
    extra = zip(EXTENSIONS, given[len(CORE_COLUMNS) :], strict=False)
    extensions = {name: value for name, value in extra if value is not None}
    if extensions:
        fields.append(extensions)
    return _encode(fields).encode("utf-8")


def link(
    chain_key: bytes, prev_hash: bytes, seq: int, values: Iterable[str | bytes | None]
) -> bytes:
    """The record's hash: HMAC over the previous hash and the record's canonical text."""
    return hmac.digest(chain_key, prev_hash + canonical(seq, values), "sha256")


def entry_from_row(row: tuple[object, ...]) -> AuditEntry:
    """An entry from the stored columns after ``seq`` (the order of ``AuditEntry.values``)."""
    core, extra = row[: len(CORE_COLUMNS)], row[len(CORE_COLUMNS) :]
    kind, at, desk, staff, service, advice, advised, applied, code, text, channel, alias, detail = (
        core
    )
    extensions = {name: _text(value) for name, value in zip(EXTENSIONS, extra, strict=False)}
    return AuditEntry(
        kind=RecordKind(str(kind)),
        at=dt.datetime.fromisoformat(str(at)),
        desk=str(desk),
        staff_id=str(staff),
        service=_text(service),
        advice_id=_text(advice),
        advised_outcome=_text(advised),
        applied_outcome=_text(applied),
        reason_code=_text(code),
        reason_text=_text(text),
        channel=_text(channel),
        pseudonym=alias if isinstance(alias, bytes) else None,
        detail=_text(detail),
        **extensions,
    )


def _text(value: object) -> str | None:
    return None if value is None else str(value)
