# SPDX-License-Identifier: EUPL-1.2
"""The one audit record of a batch run: who, when, which service, counts, and file hashes.

Never one record per person: the run's counts by outcome and problem, the SHA-256 of the input
and of the output file (so a file handed on can be matched to its run), and a fingerprint of
the service's catalogue as the backend described it (the rule version, as far as it is known).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.audit.records import AuditEntry, RecordKind

if TYPE_CHECKING:
    import datetime as dt

    from app.batch.results import RunSummary
    from app.eligibility.wire import Service

FORMAT = 1
CHANNEL = "batch"


@dataclass(frozen=True, slots=True)
class RunFiles:
    """The SHA-256 (hex) of the files a run read and wrote."""

    input_sha256: str
    output_sha256: str
    changes_since_sha256: str | None = None


@dataclass(frozen=True, slots=True)
class RunBy:
    """Who ran it (the login name or configured staff id), from which desk, and when it ended."""

    staff_id: str
    desk: str
    at: dt.datetime


def catalogue_fingerprint(service: Service) -> str:
    """SHA-256 of the service's description (outcomes, labels): changes when its rules do."""
    text = json.dumps(service.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def run_entry(summary: RunSummary, files: RunFiles, service: Service, by: RunBy) -> AuditEntry:
    """The audit entry of a finished (or stopped) run; counts and hashes in ``detail``."""
    detail = {
        "format": FORMAT,
        "rows": summary.rows,
        "written": summary.written,
        "eligible": summary.eligible,
        "outcomes": dict(sorted(summary.outcomes.items())),
        "problems": dict(sorted(summary.problems.items())),
        "not_decided": summary.undecided.count,
        "stopped_by": summary.stopped_by,
        "catalogue_sha256": catalogue_fingerprint(service),
        "input_sha256": files.input_sha256,
        "output_sha256": files.output_sha256,
        "changes_since_sha256": files.changes_since_sha256,
    }
    return AuditEntry(
        kind=RecordKind.BATCH_RUN,
        at=by.at,
        desk=by.desk,
        staff_id=by.staff_id,
        service=service.code,
        channel=CHANNEL,
        detail=json.dumps(detail, separators=(",", ":")),
    )
