# SPDX-License-Identifier: EUPL-1.2
"""The report as one self-contained HTML page: inline CSS and SVG, no script, no link out.

Per service: the charts, the main table (checks, share with a right, overrides, manual
decisions, checks without an advice, batch runs) and three detail tables (overrides by reason
code, checks without an advice by problem, checks by desk). Every text is escaped.
"""

from __future__ import annotations

import datetime as dt
from html import escape
from typing import TYPE_CHECKING

from app.i18n import translations
from app.report.figures import Cell
from app.report.table import share, share_text, shown

if TYPE_CHECKING:
    from collections import Counter
    from collections.abc import Callable

    from app.language import Language
    from app.report.figures import TakeUp

_STYLE = """
body{font-family:system-ui,sans-serif;margin:2em;color:#1d1d1d;max-width:62em}
h1{font-size:1.5em}h2{margin-top:2em;border-bottom:2px solid #2a6f97}h3{font-size:1em}
table{border-collapse:collapse;margin:.5em 0 1em}th,td{padding:.25em .6em;text-align:right}
th{background:#eef3f6}td:first-child,th:first-child{text-align:left}
tr:nth-child(even) td{background:#f8f8f8}.note{color:#555;font-size:.9em}svg{max-width:100%}
"""


def render_page(
    take_up: TakeUp, language: Language, *, charts: Callable[[str], str] | None, csv_name: str
) -> str:
    """The whole page; ``charts`` gives a service's inline SVG (None: a note instead)."""
    _ = translations(language).gettext
    unit = _("week") if take_up.period.value == "week" else _("maand")
    title = _("Gebruik van de rechten {since} tot {until}").format(
        since=take_up.since.isoformat(), until=take_up.until.isoformat()
    )
    parts = [
        f'<!doctype html><html lang="{language.value}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        '<p class="note">'
        + escape(
            _("Per {unit}. Aantallen onder 5 staan als <5. De cijfers staan ook in {csv}.").format(
                unit=unit, csv=csv_name
            )
        )
        + "</p>",
    ]
    if not take_up.cells:
        nothing = _("Geen gegevens in deze periode.")  # not inside an f-string: Babel skips those
        parts.append(f"<p>{escape(nothing)}</p>")
    for service in sorted(take_up.cells):
        parts += _service_section(take_up, service, language, charts)
    stamp = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M")
    made = _("Gemaakt op {when}.").format(when=stamp)
    parts.append(f'<p class="note">{escape(made)}</p>')
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _service_section(
    take_up: TakeUp, service: str, language: Language, charts: Callable[[str], str] | None
) -> list[str]:
    _ = translations(language).gettext
    periods = take_up.periods()
    cells = take_up.cells[service]
    parts = [f"<h2>{escape(service)}</h2>"]
    if charts is not None:
        parts.append(charts(service))
    header = [_("periode"), _("controles"), _("met recht"), _("aandeel"), _("afwijkingen"),
              _("manuele beslissingen"), _("zonder advies"), _("batch: rijen"),
              _("batch: aandeel met recht")]  # fmt: skip
    known = take_up.share_known(service)
    body = [_main_row(period, cells.get(period, Cell()), known=known) for period in periods]
    parts.append(_table(header, body))
    details = [
        (_("Afwijkingen per reden"), lambda cell: cell.overrides),
        (_("Zonder advies, per probleem"), lambda cell: cell.problems),
        (_("Controles per balie"), lambda cell: cell.desks),
    ]
    for caption, counter_of in details:
        parts += _detail(caption, periods, cells, counter_of, _("periode"))
    return parts


def _main_row(period: str, cell: Cell, *, known: bool) -> list[str]:
    batch_share = share(cell.batch_eligible, cell.batch_rows)
    return [
        period,
        shown(cell.checks),
        shown(cell.granted) if known else "?",
        share_text(share(cell.granted, cell.decided)) if known else "?",
        shown(sum(cell.overrides.values())),
        shown(cell.manual),
        shown(sum(cell.problems.values())),
        shown(cell.batch_rows) if cell.batch_runs else "",
        share_text(batch_share) if cell.batch_runs else "",
    ]


def _detail(
    caption: str,
    periods: list[str],
    cells: dict[str, Cell],
    counter_of: Callable[[Cell], Counter[str]],
    first: str,
) -> list[str]:
    codes = sorted({code for cell in cells.values() for code in counter_of(cell)})
    if not codes:
        return []
    rows = [
        [period, *(shown(counter_of(cells.get(period, Cell()))[code]) for code in codes)]
        for period in periods
    ]
    return [f"<h3>{escape(caption)}</h3>", _table([first, *codes], rows)]


def _table(header: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
