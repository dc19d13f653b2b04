# SPDX-License-Identifier: EUPL-1.2
"""Checking an audit chain record by record: the first broken record and what is wrong with it.

The chain starts at record 1 after ``GENESIS``; after a purge it starts at the oldest record
kept, whose previous hash is the anchor the newest checkpoint (a chained record itself) names
along with the last record it removed. That claim is checked once the walk has met the
checkpoint, and a start it does not explain is reported as records missing from the start.
The walk ends at the newest record, which must not be older than the head the store last wrote
beside the database, nor than the anchor kept in the keyring (app.audit.anchor), which whoever
can rewrite the data folder cannot rewrite too: records cut off the end, everything deleted,
or a head file deleted or replaced to match, are all noticed.
"""

from __future__ import annotations

import hmac
import json
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from app.audit.records import DETAIL, RecordKind, canonical

if TYPE_CHECKING:
    from collections.abc import Callable


class Break(StrEnum):
    """How a chain can be broken; each names the first record concerned."""

    MISSING = "missing"  # a record is not there (deleted, or cut off the start)
    CHANGED = "changed"  # a field differs from what was hashed
    OUT_OF_PLACE = "out-of-place"  # it does not follow the record before it (swapped, inserted)
    UNREADABLE = "unreadable"  # the file is damaged (truncated, overwritten) from here on
    CUT_OFF = "cut-off"  # records at the end are gone: the head names a later one
    KEY_MISMATCH = "key-mismatch"  # the store was written under another key
    REPLACED = "replaced"  # the keyring's anchor names another record at this number
    UNRECORDED_DELIVERY = "unrecorded-delivery"  # outbox says delivered/rejected, chain does not
    OUTBOX_CHANGED = "outbox-changed"  # an outbox entry is gone or disagrees with the chain
    ANCHOR_UNREADABLE = "anchor-unreadable"  # the keyring's anchor cannot be read


class Witness(StrEnum):
    """Who showed records cut off the end: the head file, or the keyring's anchor."""

    HEAD_FILE = "head-file"
    KEYRING = "keyring"


@dataclass(frozen=True, slots=True)
class Start:
    """Where the chain starts: this sequence number, after this hash."""

    seq: int
    prev_hash: bytes

    @classmethod
    def claimed_by(cls, detail: str | None) -> Start:
        """The start a checkpoint's detail names; ValueError if it names none."""
        try:
            fields = json.loads(detail or "")
            return cls(int(fields["purged_through"]) + 1, bytes.fromhex(str(fields["anchor"])))
        except (KeyError, TypeError) as exc:
            raise ValueError("not a checkpoint detail") from exc


@dataclass(frozen=True, slots=True)
class Head:
    """The newest record the store wrote, as kept in a file beside the database."""

    seq: int
    hash: bytes


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The outcome of a check: how many records were good, and the first broken one if any."""

    records: int
    first_seq: int | None
    last_seq: int | None
    broken_seq: int | None = None
    broken: Break | None = None
    reason: str = ""  # in English, for logs and admins
    through_seq: int | None = None  # the last missing record (MISSING, CUT_OFF)
    witness: Witness | None = None  # who showed a CUT_OFF or REPLACED
    anchor_seq: int | None = None  # the keyring's anchor compared against (None: none there)
    witnessed: bool = False  # the store has a keyring anchor (the training store has none)

    @property
    def ok(self) -> bool:
        return self.broken is None


_CHECKPOINT = RecordKind.CHECKPOINT.value


class ChainCheck:
    """Feed the stored rows in sequence order; the first break stops the check."""

    def __init__(self, chain_key: bytes, start: Start) -> None:
        self._key = chain_key
        self._start = start
        self._expected = start.seq
        self._prev = start.prev_hash
        self._checkpoint: tuple[int, str | None] | None = None
        self.records = 0
        self.first_seq: int | None = None
        self.broken_seq: int | None = None
        self.broken: Break | None = None
        self.reason = ""
        self.through_seq: int | None = None
        self.witness: Witness | None = None
        self.anchor_seq: int | None = None

    def feed(
        self, seq: int, values: tuple[str | bytes | None, ...], prev: bytes, own: bytes
    ) -> bool:
        """Check one row (columns as in ``AuditEntry.values``); False once the chain is broken."""
        if seq < self._expected:
            reason = f"a row numbered {seq} comes after record {self._expected - 1}"
            return self.mark(self._expected, Break.OUT_OF_PLACE, reason)
        if seq > self._expected:
            gap = (
                f"{self._expected}" if seq == self._expected + 1 else f"{self._expected}-{seq - 1}"
            )
            return self.mark(
                self._expected, Break.MISSING, f"records {gap} are not there", through=seq - 1
            )
        if not hmac.compare_digest(prev, self._prev):
            return self.mark(seq, Break.OUT_OF_PLACE, "it does not follow the record before it")
        computed = hmac.digest(self._key, self._prev + canonical(seq, values), "sha256")
        if not hmac.compare_digest(computed, own):
            return self.mark(seq, Break.CHANGED, "its content differs from what was recorded")
        if self.first_seq is None:
            self.first_seq = seq
        if values[0] == _CHECKPOINT:
            detail = values[DETAIL]
            self._checkpoint = (seq, detail if isinstance(detail, str) else None)
        self.records += 1
        self._expected = seq + 1
        self._prev = own
        return True

    def check_start(self) -> None:
        """After the walk: a start past record 1 must be the one the newest checkpoint names."""
        start = self._start
        if self.broken is not None or start.seq <= 1:
            return
        if self._checkpoint is None:
            self._missing_from_start(1)
            return
        seq, detail = self._checkpoint
        try:
            claimed = Start.claimed_by(detail)
        except ValueError:
            self.mark(seq, Break.CHANGED, "its checkpoint detail cannot be read")
            return
        if claimed.seq < start.seq:
            self._missing_from_start(claimed.seq)
        elif claimed != start:
            self.mark(start.seq, Break.OUT_OF_PLACE, "it is not where the checkpoint says")

    def _missing_from_start(self, first: int) -> None:
        last = self._start.seq - 1
        reason = f"records {first}-{last} are not there and no checkpoint says they were purged"
        self.broken, self.broken_seq, self.reason, self.through_seq = (
            Break.MISSING,
            first,
            reason,
            last,
        )

    def unreadable(self, why: str) -> None:
        """The store could not be read any further (a damaged or truncated file)."""
        self.mark(self._expected, Break.UNREADABLE, f"the file cannot be read from here: {why}")

    def check_head(self, head: Head | None, stored: Callable[[int], bytes | None]) -> None:
        """After the last row: the head must not name a record past the end, nor another hash.

        ``stored(seq)`` is the hash the store holds for a record (None if it has none).
        """
        if self.broken is not None or head is None:
            return
        last = self._expected - 1
        if head.seq > last:
            reason = f"the store ends at {last} but record {head.seq} was written"
            self.mark(last + 1, Break.CUT_OFF, reason, through=head.seq)
            self.witness = Witness.HEAD_FILE
            return
        held = stored(head.seq)
        if held is not None and not hmac.compare_digest(held, head.hash):
            self.mark(head.seq, Break.CHANGED, "it differs from the record written last")

    def check_anchor(self, anchor: Head | None, stored: Callable[[int], bytes | None]) -> None:
        """After the head file: the keyring's anchor must be a record the store still holds."""
        if anchor is None:
            return
        self.anchor_seq = anchor.seq
        if self.broken is not None:
            return
        last = self._expected - 1
        if anchor.seq > last:
            reason = f"the store ends at {last} but the keyring anchors record {anchor.seq}"
            self.mark(last + 1, Break.CUT_OFF, reason, through=anchor.seq)
            self.witness = Witness.KEYRING
            return
        held = stored(anchor.seq)
        if held is not None and not hmac.compare_digest(held, anchor.hash):
            reason = "the keyring anchors another record at this number: the store was replaced"
            self.mark(anchor.seq, Break.REPLACED, reason)
            self.witness = Witness.KEYRING

    def report(self) -> VerifyReport:
        last = self._expected - 1 if self.records else None
        return VerifyReport(
            records=self.records,
            first_seq=self.first_seq,
            last_seq=last,
            broken_seq=self.broken_seq,
            broken=self.broken,
            reason=self.reason,
            through_seq=self.through_seq,
            witness=self.witness,
            anchor_seq=self.anchor_seq,
        )

    def mark(
        self, seq: int | None, kind: Break, reason: str, *, through: int | None = None
    ) -> bool:
        """Note a break (the first one counts); always False, to stop the feeding."""
        if self.broken is None:
            self.broken_seq, self.broken, self.reason = seq, kind, reason
            self.through_seq = through
        return False
