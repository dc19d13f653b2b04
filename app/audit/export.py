# SPDX-License-Identifier: EUPL-1.2
"""Audit records for supervisors, as CSV or JSON: pseudonyms only, never a national number.

The store holds no number to leak; the pseudonym is written as hex (HMAC-SHA256 under the
installation key), so records about one person can be grouped without knowing who. In CSV a
text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a tab
or a carriage return) is prefixed with ``'``: a reason typed at the desk stays text.
"""

from __future__ import annotations

import csv
import json
from enum import StrEnum
from typing import TYPE_CHECKING, Any, TextIO

from app.audit.records import COLUMNS, RecordKind

if TYPE_CHECKING:
    from collections.abc import Iterable

    from app.audit.records import AuditEntry

# The record's columns, sequence and time first; a chain extension (records.EXTENSIONS) comes
# along by itself; then what an advice record's detail holds (its rule version and grounds).
FIELDS = (
    "seq",
    "at",
    "kind",
    *(name for name in COLUMNS if name not in {"at", "kind"}),
    "rule_version",
    "grounds",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ADVICE_KINDS = frozenset({RecordKind.ADVICE_SHOWN, RecordKind.OVERRIDE})


class ExportFormat(StrEnum):
    CSV = "csv"
    JSON = "json"


def export_row(seq: int, entry: AuditEntry) -> dict[str, str | int | None]:
    """One record as plain fields (time as UTC ISO text, pseudonym as hex); for a record of an
    advice also its rule version and grounds (space-separated codes), read from its detail."""
    advice = _advice_fields(entry)
    return {
        "seq": seq,
        "at": entry.at.isoformat(),
        "kind": entry.kind.value,
        "desk": entry.desk,
        "staff_id": entry.staff_id,
        "service": entry.service,
        "advice_id": entry.advice_id,
        "advised_outcome": entry.advised_outcome,
        "applied_outcome": entry.applied_outcome,
        "reason_code": entry.reason_code,
        "reason_text": entry.reason_text,
        "channel": entry.channel,
        "pseudonym": entry.pseudonym.hex() if entry.pseudonym is not None else None,
        "detail": entry.detail,
        "mode": entry.mode,
        "rule_version": advice.get("rule_version"),
        "grounds": " ".join(advice.get("grounds", ())) or None,
    }


def _advice_fields(entry: AuditEntry) -> dict[str, Any]:
    """``rule_version`` and ``grounds`` from the detail of an advice or override record."""
    if entry.kind not in _ADVICE_KINDS or not entry.detail:
        return {}
    try:
        fields = json.loads(entry.detail)
    except ValueError:
        return {}
    return fields if isinstance(fields, dict) else {}


def write_export(records: Iterable[tuple[int, AuditEntry]], out: TextIO, fmt: ExportFormat) -> int:
    """Write the records; the number written. JSON is one array, written as it goes."""
    if fmt is ExportFormat.CSV:
        return _write_csv(records, out)
    count = 0
    out.write("[")
    for seq, entry in records:
        out.write(",\n" if count else "\n")
        out.write(json.dumps(export_row(seq, entry), ensure_ascii=False))
        count += 1
    out.write("\n]\n" if count else "]\n")
    return count


def _write_csv(records: Iterable[tuple[int, AuditEntry]], out: TextIO) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(FIELDS)
    count = 0
    for seq, entry in records:
        row = export_row(seq, entry)
        writer.writerow(_cell(row[name]) for name in FIELDS)
        count += 1
    return count


def _cell(value: str | int | None) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
