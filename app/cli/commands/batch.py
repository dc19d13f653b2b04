# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck batch``: one service asked for every row of a CSV file, the outcomes to another.

A progress bar (tqdm) on a terminal, a plain summary otherwise. Ctrl+C and SIGTERM stop the
run and leave no output file. Exit 0: every row decided (row problems included); 4: rows left
not decided (the backend stopped answering); 2: an unusable file or configuration; 1: the
audit record could not be stored (then nothing is published either).
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import getpass
import signal
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.commands.batch_texts import interrupted_lines, summary_lines, unusable_lines
from app.cli.commands.sources import add_format_options
from app.cli.context import EXIT_NO_ADVICE, EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.i18n import N_
from app.problems import AppError, Problem
from app.tables.excel_csv import CsvFormat

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

EXIT_INTERRUPTED = 130
REMOTE_CONCURRENCY = 8


class _Terminated(BaseException):
    """SIGTERM, turned into an exception so that the temporary output is removed."""


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    batch = commands.add_parser(
        "batch",
        help=N_(
            "één dienst vragen voor elke rij van een CSV-bestand (ref,insz) → CSV met uitkomsten"
        ),
    )
    batch.add_argument("--service", required=True, metavar="CODE", help=N_("bv. lez-registratie"))
    batch.add_argument("input", metavar="INPUT.csv", type=Path, help=N_("kopregel met ref en insz"))
    batch.add_argument("--out", required=True, metavar="OUTPUT.csv", type=Path)
    batch.add_argument(
        "--changes-since",
        metavar="PREVIOUS.csv",
        type=Path,
        help=N_(
            "de uitvoer van een vorige run: alleen de rijen schrijven "
            "waarvan de uitkomst veranderde"
        ),
    )
    batch.add_argument(
        "--concurrency",
        type=_positive,
        metavar="N",
        help=N_("vragen tegelijk (standaard 1 ingebouwd, 8 op afstand)"),
    )
    batch.add_argument(
        "--backoff",
        type=float,
        default=1.0,
        metavar="S",
        help=N_(
            "pauze na een fout van de adviesdienst, verdubbeld bij elke volgende "
            "(standaard 1 s); na 3 fouten voor één rij stopt de run"
        ),
    )
    add_format_options(batch)
    batch.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    from app.audit.decisions import open_audit_store, staff_id
    from app.batch.job import BatchJob, run_job
    from app.batch.record import RunBy
    from app.batch.rows import BatchFileError
    from app.batch.runner import BatchOptions
    from app.services import make_eligibility
    from app.settings.config import BackendKind, load_config

    config = load_config(ctx.config_path)
    if config.training:
        raise AppError(
            Problem.CONFIG_INVALID,
            "batch runs on real lists or a real backend only, not in training mode",
        )
    remote = config.backend is BackendKind.REMOTE
    options = BatchOptions(
        service=args.service,
        desk=config.desk.id,
        concurrency=args.concurrency or (REMOTE_CONCURRENCY if remote else 1),
        backoff_s=max(args.backoff, 0.0),
    )
    job = BatchJob(
        input=args.input,
        output=args.out,
        options=options,
        form=CsvFormat(delimiter=args.delimiter, encoding=args.encoding),
        changes_since=args.changes_since,
    )
    staff = _os_user() or staff_id(config)
    audit = open_audit_store(config, ctx.data_dir)
    with audit.session():  # opened and its key checked now, not after the last row
        pass
    port = make_eligibility(config, ctx.data_dir)
    try:
        with _stop_on_sigterm(), _progress(ctx, args.input) as progress:
            result = run_job(
                job,
                port,
                record=audit.append,
                by=lambda: RunBy(staff, config.desk.id, dt.datetime.now(dt.UTC)),
                progress=progress,
            )
    except BatchFileError as exc:
        write_lines(ctx.err, *unusable_lines(str(exc), ctx.language))
        return EXIT_USAGE
    except (KeyboardInterrupt, _Terminated):
        write_lines(ctx.err, *interrupted_lines(args.out, ctx.language))
        return EXIT_INTERRUPTED
    finally:
        port.close()
        audit.close()
    write_lines(ctx.out, *summary_lines(result.summary, args.out, ctx.language))
    return EXIT_OK if result.summary.complete else EXIT_NO_ADVICE


@contextlib.contextmanager
def _stop_on_sigterm() -> Iterator[None]:
    """SIGTERM raises _Terminated in the main thread (elsewhere, signals cannot be set)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def terminate(_signum: int, _frame: object) -> None:
        raise _Terminated

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


@contextlib.contextmanager
def _progress(ctx: CommandContext, path: Path) -> Iterator[Callable[[int], None] | None]:
    """tqdm's bar on a terminal (rows counted up front: a fast scan); nothing otherwise."""
    isatty = getattr(ctx.err, "isatty", None)
    if not (isatty and isatty()):
        yield None
        return
    from tqdm import tqdm  # noqa: PLC0415 - only on a terminal

    with tqdm(total=_data_lines(path), unit=" rows", file=ctx.err, mininterval=0.5) as bar:
        yield bar.update


def _data_lines(path: Path) -> int | None:
    try:
        with path.open("rb") as stream:
            lines = sum(chunk.count(b"\n") for chunk in iter(lambda: stream.read(1 << 20), b""))
    except OSError:
        return None
    return max(lines - 1, 0)


def _os_user() -> str | None:
    """Who runs the batch: the operating system's login name (the record's staff id)."""
    try:
        login = getpass.getuser()
    except (OSError, KeyError):
        return None
    return login if 0 < len(login) <= 64 else None


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 64:
        raise argparse.ArgumentTypeError(N_("een geheel getal van 1 tot en met 64"))
    return value
