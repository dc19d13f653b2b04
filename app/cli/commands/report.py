# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck report``: the take-up picture of a period from the audit store (HTML, PNG, CSV).

HTML and PNG get the numbers as CSV beside them (same name, ``.csv``). Charts need matplotlib
(the optional extra ``report``): without it an HTML report has its tables and says how to add
the charts, and a PNG is refused with the same words.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import logging
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.i18n import N_, translations
from app.problems import AppError
from app.report.charts import INSTALL_HINT, ChartsUnavailableError
from app.report.figures import Period

if TYPE_CHECKING:
    from collections.abc import Callable

    from app.report.figures import TakeUp
    from app.settings.config import Config

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

log = logging.getLogger(__name__)
WEEKS_AT_MOST = 92  # a longer period is shown per month unless --period says otherwise


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    report = commands.add_parser("report", help=N_("het gebruik per dienst en per week of maand"))
    report.add_argument("--from", dest="start", required=True, type=_iso_date, metavar="DATE")
    report.add_argument("--to", dest="end", required=True, type=_iso_date, metavar="DATE")
    report.add_argument("--out", required=True, type=Path, metavar="FILE")
    report.add_argument("--format", choices=("html", "png", "csv"), default="html")
    report.add_argument(
        "--period",
        choices=[p.value for p in Period],
        help=N_("standaard: volgens de lengte van de periode"),
    )
    report.add_argument("--service", metavar="CODE", help=N_("alleen deze dienst"))
    report.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    # The audit store, the engine and the charts load when the report is made.
    from app.audit.decisions import open_audit_store
    from app.report.charts import report_png
    from app.report.figures import collect
    from app.settings.config import load_config

    _ = translations(ctx.language).gettext
    if args.end < args.start:
        write_lines(ctx.err, _("De periode loopt achteruit: --to ligt voor --from."))
        return EXIT_USAGE
    config = load_config(ctx.config_path)
    period = Period(args.period) if args.period else _default_period(args.start, args.end)
    with open_audit_store(config, ctx.data_dir) as store:
        take_up = collect(store, since=args.start, until=args.end, period=period,
                          eligible=_eligible_outcomes(config, ctx))  # fmt: skip
    if args.service:
        take_up.cells = {k: v for k, v in take_up.cells.items() if k == args.service}
    csv_path = args.out if args.format == "csv" else args.out.with_suffix(".csv")
    try:
        if args.format == "png":
            args.out.write_bytes(report_png(take_up, ctx.language))
        elif args.format == "html":
            _write_html(take_up, args.out, csv_path, ctx)
        _write_csv(take_up, csv_path)
    except ChartsUnavailableError:
        hint = _("Grafieken vragen matplotlib: installeer het met {hint}").format(hint=INSTALL_HINT)
        write_lines(ctx.err, hint)
        return EXIT_USAGE
    written = [args.out] if csv_path == args.out else [args.out, csv_path]
    write_lines(ctx.out, *(_("Geschreven: {path}").format(path=path) for path in written))
    return EXIT_OK


def _write_html(take_up: TakeUp, out: Path, csv_path: Path, ctx: CommandContext) -> None:
    from app.report.charts import charts_available, service_svg
    from app.report.page import render_page

    charts: Callable[[str], str] | None = None
    if charts_available():
        charts = functools.partial(service_svg, take_up, language=ctx.language)
    else:
        _ = translations(ctx.language).gettext
        write_lines(ctx.err, _("Zonder grafieken: installeer matplotlib met {hint}").format(
            hint=INSTALL_HINT))  # fmt: skip
    page = render_page(take_up, ctx.language, charts=charts, csv_name=csv_path.name)
    out.write_text(page, encoding="utf-8")


def _write_csv(take_up: TakeUp, path: Path) -> None:
    from app.report.table import lines

    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\n")
        writer.writerow(["service", "period", "measure", "code", "value"])
        writer.writerows(
            [line.service, line.period, line.measure, line.code, line.value]
            for line in lines(take_up)
        )


def _eligible_outcomes(config: Config, ctx: CommandContext) -> dict[str, frozenset[str]]:
    """Each service's outcome codes that are a right: the rule files, or the backend's catalogue.

    Without a catalogue the share with a right stays blank ("?"), never a guess.
    """
    from app.eligibility.embedded.rules import load_rules
    from app.resource_paths import rules_dir
    from app.services import make_eligibility
    from app.settings.config import BackendKind

    try:
        if config.backend is BackendKind.EMBEDDED and not config.training:
            services = tuple(
                r.service for r in load_rules(config.embedded.rules_dir or rules_dir())
            )
        else:
            port = make_eligibility(config, ctx.data_dir)
            try:
                services = port.services()
            finally:
                port.close()
    except AppError as exc:
        log.warning("no catalogue (%s): the share with a right stays blank", exc.problem)
        return {}
    return {s.code: frozenset(o.code for o in s.outcomes if o.eligible) for s in services}


def _default_period(start: dt.date, end: dt.date) -> Period:
    return Period.WEEK if (end - start).days <= WEEKS_AT_MOST else Period.MONTH


def _iso_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(N_("een datum schrijf je als JJJJ-MM-DD")) from None
