# SPDX-License-Identifier: EUPL-1.2
"""One batch run from file to file: check the input, decide every row, record, then publish.

Order matters: the input's header is checked before anything is written; the output is
published (renamed into place) only after the run's audit record is stored, so every file
handed on has its record; an interrupted run publishes nothing.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.batch.output import OutputFile, file_sha256, read_previous
from app.batch.record import RunFiles, run_entry
from app.batch.rows import BatchFileError, BatchInput
from app.batch.runner import BatchRunner
from app.eligibility.port import BulkAdvising
from app.eligibility.verdicts import offered_service

if TYPE_CHECKING:
    from collections.abc import Callable
    from contextlib import AbstractContextManager
    from pathlib import Path

    from app.audit.records import AuditEntry
    from app.batch.record import RunBy
    from app.batch.results import RunSummary
    from app.batch.runner import BatchOptions
    from app.eligibility.port import EligibilityPort
    from app.eligibility.wire import Service
    from app.tables.excel_csv import CsvFormat


@dataclass(frozen=True, slots=True)
class BatchJob:
    """The files of a run and how to ask."""

    input: Path
    output: Path
    options: BatchOptions
    form: CsvFormat | None = None
    changes_since: Path | None = None


@dataclass(frozen=True, slots=True)
class JobResult:
    summary: RunSummary
    files: RunFiles
    service: Service


def run_job(
    job: BatchJob,
    port: EligibilityPort,
    *,
    record: Callable[[AuditEntry], object],
    by: Callable[[], RunBy],
    progress: Callable[[int], None] | None = None,
) -> JobResult:
    """Run it; BatchFileError (nothing written) for unusable files, AppError from the port."""
    _check_paths(job)
    service = find_service(port, job.options.service)
    previous = read_previous(job.changes_since, job.form) if job.changes_since else None
    with BatchInput(job.input, job.form) as source, OutputFile(job.output, previous) as out:
        try:
            runner = BatchRunner(port, job.options, service)
            with _together(port):
                summary = runner.run(source.rows(), out.write, progress)
            summary.written = out.written
            files = RunFiles(
                input_sha256=file_sha256(job.input),
                output_sha256=out.finish(),
                changes_since_sha256=file_sha256(job.changes_since) if job.changes_since else None,
            )
        except OSError as exc:  # disk full, folder gone: the temporary file goes too
            raise BatchFileError(
                f"{job.output}: cannot be written ({exc.strerror or exc})"
            ) from None
        record(run_entry(summary, files, service, by()))
        out.publish()
    return JobResult(summary, files, service)


def _together(port: EligibilityPort) -> AbstractContextManager[None]:
    """The embedded engine commits a run's issued advices together; other ports ask alone."""
    return port.in_bulk() if isinstance(port, BulkAdvising) else contextlib.nullcontext()


def find_service(port: EligibilityPort, code: str) -> Service:
    """The service's description from the backend's catalogue; UNKNOWN_SERVICE if absent."""
    return offered_service(port.services(), code)


def _check_paths(job: BatchJob) -> None:
    if not job.input.is_file():
        raise BatchFileError(f"{job.input}: no such file")
    if job.output.is_dir():
        raise BatchFileError(f"{job.output}: is a folder; name the output file")
    if job.output.exists() and job.output.samefile(job.input):
        raise BatchFileError(f"{job.output}: the output would overwrite the input")
