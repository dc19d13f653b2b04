# SPDX-License-Identifier: EUPL-1.2
"""The chain's anchor: the newest record's number and hash, kept where the data folder is not.

The head file beside the database can be deleted or rewritten by anyone who can write the data
folder, and so can the database: cut both and the chain alone looks whole. The anchor keeps the
same (seq, hash) in the OS keyring beside the installation key, which such a person does not
control; ``audit verify`` compares the database against it (``tail_break``).

Crash window. The order of a write is: COMMIT (durable when it returns), then the head file,
then the anchor. So the anchor can lag behind the database (a power cut after the COMMIT, a
keyring that was locked) but never run ahead of it: a database that *extends* the anchor (its
record ``anchor.seq`` has the anchored hash, later records may follow) is whole, and only a
database that ends before the anchor, or holds another record at its number, is reported.
A power cut therefore never reads as tampering; the price is that a record written in the
instant before a power cut, whose anchor was not written yet, could be cut unseen (one
record, once). The reverse (the anchor naming a record the database never committed) cannot
arise from a crash, because the anchor is written only after the COMMIT returned.

Before its first write in a session the keeper compares the database with the anchor; when
they disagree (records cut, the database replaced, even deleted and started afresh) it never
moves the anchor again in that session, so the evidence stays for ``verify`` instead of being
overwritten by the next record.
"""

from __future__ import annotations

import hmac
import logging
from typing import TYPE_CHECKING, Protocol

from app.audit.chain import Head
from app.problems import AppError
from app.settings.credentials import SecretName

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.settings.credentials import CredentialStore

log = logging.getLogger(__name__)

_FORMAT = "baliecheck-audit-anchor-v1"


class AnchorWitness(Protocol):
    """Somewhere outside the data folder that remembers the newest record."""

    def read(self) -> Head | None: ...

    def write(self, head: Head) -> None: ...


class AnchorUnreadableError(ValueError):
    """The keyring holds an anchor that cannot be read (changed by hand, or damaged)."""


class KeyringAnchor:
    """The anchor as one keyring entry (``audit-anchor``); calls may block on an unlock prompt."""

    def __init__(self, credentials: CredentialStore) -> None:
        self._credentials = credentials

    def read(self) -> Head | None:
        """The anchored head, None when there is none yet; AnchorUnreadableError if damaged."""
        value = self._credentials.get(SecretName.AUDIT_ANCHOR)
        if not value:
            return None
        try:
            name, seq, digest = value.split(" ")
            head = Head(int(seq), bytes.fromhex(digest))
        except ValueError:
            raise AnchorUnreadableError("the audit anchor in the keyring cannot be read") from None
        if name != _FORMAT or head.seq < 1 or len(head.hash) != 32:
            raise AnchorUnreadableError("the audit anchor in the keyring cannot be read")
        return head

    def write(self, head: Head) -> None:
        value = f"{_FORMAT} {head.seq} {head.hash.hex()}"
        self._credentials.set(SecretName.AUDIT_ANCHOR, value)


def tail_break(anchor: Head, last_seq: int, stored: Callable[[int], bytes | None]) -> str | None:
    """Why the database does not extend ``anchor`` (None when it does).

    ``last_seq`` is the database's newest record (0: none); ``stored(seq)`` a record's hash.
    A record before the oldest kept (purged behind a checkpoint) cannot be compared: it counts.
    """
    if anchor.seq > last_seq:
        return "cut"
    held = stored(anchor.seq)
    if held is not None and not hmac.compare_digest(held, anchor.hash):
        return "replaced"
    return None


class AnchorKeeper:
    """Moves the anchor after each COMMIT, once the database was found to extend it."""

    def __init__(self, witness: AnchorWitness | None) -> None:
        self.witness = witness
        self._follows: bool | None = None if witness is not None else False

    def check(self, last_seq: int, stored: Callable[[int], bytes | None]) -> None:
        """Before the session's first write: does the database extend the anchor?"""
        if self._follows is not None or self.witness is None:
            return
        try:
            anchor = self.witness.read()
        except (AppError, AnchorUnreadableError) as exc:
            log.warning("audit anchor not read (tried again at the next record): %s", exc)
            return
        problem = None if anchor is None else tail_break(anchor, last_seq, stored)
        if problem is not None:
            log.error("audit store does not extend its anchor (%s): the anchor is kept", problem)
        self._follows = problem is None

    def note(self, head: Head) -> None:
        """After a COMMIT: anchor the new head (a failure is logged; the commit stands)."""
        if not self._follows or self.witness is None:
            return
        try:
            self.witness.write(head)
        except AppError as exc:
            log.warning("audit anchor not updated: %s", exc.problem.value)
