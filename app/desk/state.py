# SPDX-License-Identifier: EUPL-1.2
"""Immutable snapshots of the desk that the UI presents: phase, verdict or problem, status.

A snapshot never holds a national number (at most its masked form, when configured).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from app.eligibility.wire import Advice, Channel
    from app.problems import Problem


class Phase(StrEnum):
    WAITING = "waiting"
    READING = "reading"
    ASKING = "asking"
    VERDICT = "verdict"
    PROBLEM = "problem"


class ReaderState(StrEnum):
    READY = "ready"
    NO_READER = "no-reader"
    SERVICE_DOWN = "service-down"
    SERVICE_MISSING = "service-missing"  # no PC/SC client library on this machine


@dataclass(frozen=True, slots=True)
class DeskState:
    """What the desk shows now. ``transaction`` changes with every card or typed number."""

    phase: Phase
    transaction: int
    service: str
    channel: Channel | None = None
    advice: Advice | None = None
    problem: Problem | None = None
    masked_number: str | None = None
    reader_state: ReaderState = ReaderState.READY
    # A card sits in a reader now (it can be read again: "Opnieuw controleren", F5).
    card_in_reader: bool = False
