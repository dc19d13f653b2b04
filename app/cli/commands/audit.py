# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck audit verify|export|pending|send|purge``: the audit log for supervisors and admins.

``verify`` exits 0 when the chain is intact and 1 naming the first broken record; ``pending``
exits 1 when the backend rejected an entry (an admin must look); ``send`` exits 1 when entries
are still waiting. Store problems (disk, permissions, keyring) go to the one error reporter.
"""

from __future__ import annotations

import argparse
import datetime as dt
from typing import TYPE_CHECKING

from app.audit.export import ExportFormat
from app.cli.commands.audit_texts import counted, text, why_broken
from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.i18n import N_
from app.services import make_eligibility

if TYPE_CHECKING:
    from app.audit.chain import VerifyReport
    from app.audit.outbox_table import Waiting
    from app.audit.retention import PurgePlan
    from app.audit.store import AuditStore
    from app.eligibility.port import EligibilityPort
    from app.language import Language
    from app.settings.config import Config

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "audit", help=N_("het auditlogboek controleren, uitvoeren en opschonen")
    )
    actions = parser.add_subparsers(dest="audit_action", required=True)
    actions.add_parser(
        "verify", help=N_("de hashketen controleren; exit 1 noemt het eerste gebroken record")
    )
    export = actions.add_parser(
        "export", help=N_("de records van een periode, alleen pseudoniemen")
    )
    export.add_argument(
        "--from",
        dest="start",
        type=_iso_date,
        required=True,
        metavar="DATE",
        help=N_("eerste dag (JJJJ-MM-DD, tijdzone van deze computer)"),
    )
    export.add_argument(
        "--to",
        dest="end",
        type=_iso_date,
        required=True,
        metavar="DATE",
        help=N_("laatste dag, inbegrepen"),
    )
    export.add_argument(
        "--format", choices=[f.value for f in ExportFormat], default=ExportFormat.CSV.value
    )
    actions.add_parser(
        "pending", help=N_("beslissingen die op de adviesdienst wachten, en geweigerde")
    )
    actions.add_parser(
        "send", help=N_("de wachtende beslissingen nu aan de adviesdienst afleveren")
    )
    purger = actions.add_parser("purge", help=N_("records ouder dan de bewaartermijn verwijderen"))
    purger.add_argument(
        "--dry-run", action="store_true", help=N_("alleen zeggen wat verwijderd zou worden")
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    # The audit store and its words only when ``audit`` runs: they cost more than all else.
    from app.audit.decisions import open_audit_store
    from app.settings.config import load_config

    config = load_config(ctx.config_path)
    store = open_audit_store(config, ctx.data_dir)
    try:
        if args.audit_action == "verify":
            return _verify(store, ctx)
        if args.audit_action == "export":
            return _export(store, ctx, args)
        if args.audit_action == "pending":
            return _pending(store, ctx)
        if args.audit_action == "send":
            return _send(store, ctx, make_eligibility(config, ctx.data_dir))
        return _purge(store, ctx, config, dry_run=args.dry_run)
    finally:
        store.close()


def _verify(store: AuditStore, ctx: CommandContext) -> int:
    report = store.verify()
    write_lines(ctx.out, *verify_lines(report, ctx.language))
    return EXIT_OK if report.ok else EXIT_FAILED


def verify_lines(report: VerifyReport, language: Language) -> list[str]:
    """What ``audit verify`` says: intact with the range, or the first broken record and why."""
    from app.audit.chain import Break, Witness

    if report.ok:
        return _intact_lines(report, language)
    if report.broken is Break.ANCHOR_UNREADABLE:
        return [text("anchor_unreadable", language)]
    if report.broken is Break.KEY_MISMATCH or report.broken is None:
        return [text("key_mismatch", language)]
    seq, through = report.broken_seq, report.through_seq
    why = why_broken(report.broken, language, seq=seq, through=through)
    lines = [text("broken", language, seq=seq, why=why)]
    if report.broken is Break.UNREADABLE:
        lines.append(f"  {report.reason}")
    if report.witness is Witness.KEYRING and report.broken is Break.CUT_OFF:
        lines.append(text("witness_keyring", language, anchor=report.anchor_seq))
    if report.records:
        lines.append(counted("good_before", language, report.records, records=report.records))
    return lines


def _intact_lines(report: VerifyReport, language: Language) -> list[str]:
    if not report.records:
        lines = [text("empty", language)]
    else:
        lines = [
            counted(
                "intact",
                language,
                report.records,
                records=report.records,
                first=report.first_seq,
                last=report.last_seq,
            )
        ]
    if report.witnessed and report.anchor_seq is not None:
        lines.append(text("anchored", language, anchor=report.anchor_seq))
    elif report.witnessed and report.records:
        lines.append(text("no_anchor", language))
    return lines


def _export(store: AuditStore, ctx: CommandContext, args: argparse.Namespace) -> int:
    from app.audit.export import write_export

    if args.end < args.start:
        write_lines(ctx.err, text("bad_period", ctx.language))
        return EXIT_USAGE
    since, until = _local_midnight(args.start), _local_midnight(args.end + dt.timedelta(days=1))
    count = write_export(store.records(since, until), ctx.out, ExportFormat(args.format))
    ctx.out.flush()
    write_lines(ctx.err, counted("exported", ctx.language, count, count=count))
    return EXIT_OK


def _pending(store: AuditStore, ctx: CommandContext) -> int:
    from app.audit.outbox_table import Outbox

    outbox = Outbox(store)
    state = outbox.state()
    lang = ctx.language
    lines = [
        text(
            "outbox",
            lang,
            pending=state.pending,
            rejected=state.rejected,
            delivered=outbox.delivered_count(),
        )
    ]
    lines += [_waiting_line(item, lang) for item in outbox.waiting()]
    write_lines(ctx.out, *lines)
    return EXIT_FAILED if state.rejected else EXIT_OK


def _waiting_line(item: Waiting, lang: Language) -> str:
    from app.audit.outbox_table import DeliveryState
    from app.problem_texts import problem_text

    state = text("pending" if item.state is DeliveryState.PENDING else "rejected", lang)
    last = ""
    if item.last_problem is not None:
        what = problem_text(item.last_problem, lang).what
        last = text("last_problem", lang, problem=f"{what} [{item.last_problem.value}]")
    return counted(
        "waiting_row",
        lang,
        item.attempts,
        seq=item.seq,
        kind=item.kind,
        service=item.service or "-",
        at=item.at.astimezone().strftime("%Y-%m-%d %H:%M"),
        state=state,
        attempts=item.attempts,
        last=last,
    )


def _send(store: AuditStore, ctx: CommandContext, port: EligibilityPort) -> int:
    from app.audit.outbox import OutboxSender
    from app.problem_texts import problem_text

    sender = OutboxSender(store, port)
    try:
        done = sender.deliver_pending()
    finally:
        port.close()
    state = sender.state()
    lang = ctx.language
    write_lines(
        ctx.out,
        text("sent", lang, delivered=done.delivered, rejected=done.rejected, pending=state.pending),
    )
    if done.stopped_by is not None:
        words = problem_text(done.stopped_by, lang)
        write_lines(ctx.err, f"{words.what} [{done.stopped_by.value}]")
    return EXIT_FAILED if state.pending else EXIT_OK


def _purge(store: AuditStore, ctx: CommandContext, config: Config, *, dry_run: bool) -> int:
    from app.audit.decisions import staff_id
    from app.audit.retention import purge

    cutoff = dt.datetime.now(dt.UTC) - dt.timedelta(days=config.audit.retention_days)
    who = staff_id(config)
    report = purge(store, before=cutoff, desk=config.desk.id, staff_id=who, dry_run=dry_run)
    lines = _purge_lines(report.plan, report.checkpoint_seq, cutoff, ctx.language, dry_run)
    write_lines(ctx.out, *lines)
    return EXIT_OK


def _purge_lines(
    plan: PurgePlan, checkpoint: int | None, cutoff: dt.datetime, lang: Language, dry_run: bool
) -> list[str]:

    date = cutoff.astimezone().date().isoformat()
    if plan.through_seq is None:
        lines = [text("nothing_to_purge", lang, date=date)]
    else:
        key = "would_purge" if dry_run else "purged"
        lines = [
            counted(
                key,
                lang,
                plan.count,
                count=plan.count,
                first=plan.first_seq,
                through=plan.through_seq,
                date=date,
                checkpoint=checkpoint,
            )
        ]
    if plan.held_back_at is not None:
        lines.append(text("held_back", lang, seq=plan.held_back_at))
    return lines


def _local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time()).astimezone()


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(N_("een datum schrijf je als JJJJ-MM-DD")) from None
