# SPDX-License-Identifier: EUPL-1.2
"""The report's charts with matplotlib (optional extra ``report``): SVG to inline, or a PNG.

matplotlib renders offline (the Agg and SVG back ends, no display, no network); text stays
text in the SVG, so a chart is a few tens of kilobytes. A suppressed value is a gap.
Without matplotlib, ``ChartsUnavailableError`` says how to install it.
"""

from __future__ import annotations

import importlib.util
import io
import math
from typing import TYPE_CHECKING, Any

from app.i18n import translations
from app.report.figures import Cell
from app.report.table import SMALL, share

if TYPE_CHECKING:
    from app.language import Language
    from app.report.figures import TakeUp

INSTALL_HINT = "pip install 'baliecheck[report]'"
_BAR, _BAR_PROBLEM, _LINE, _LINE_BATCH = "#2a6f97", "#e07a5f", "#1b4332", "#9c6644"


class ChartsUnavailableError(Exception):
    """matplotlib is not installed: the message says how to install it."""


def charts_available() -> bool:
    """True if matplotlib can be imported (without importing it)."""
    return importlib.util.find_spec("matplotlib") is not None


def _pyplot() -> Any:
    try:
        import matplotlib as mpl  # noqa: PLC0415 - optional, and heavy: only when charts are drawn

        mpl.use("Agg")
        import matplotlib.pyplot as plt  # noqa: PLC0415
    except ImportError:
        raise ChartsUnavailableError(f"charts need matplotlib: {INSTALL_HINT}") from None
    mpl.rcParams.update({"svg.fonttype": "none", "font.size": 9, "axes.spines.top": False,
                         "axes.spines.right": False, "svg.hashsalt": "baliecheck"})  # fmt: skip
    return plt


def service_svg(take_up: TakeUp, service: str, language: Language) -> str:
    """One service's two charts (checks per period; share with a right), as inline SVG."""
    plt = _pyplot()
    figure, (left, right) = plt.subplots(1, 2, figsize=(8.0, 3.0), layout="constrained")
    _draw_service((left, right), take_up, service, language)
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None})
    plt.close(figure)
    svg = buffer.getvalue()
    return svg[svg.index("<svg") :]


def report_png(take_up: TakeUp, language: Language) -> bytes:
    """Every service's charts, one row each, as one PNG."""
    plt = _pyplot()
    services = sorted(take_up.cells) or [""]
    figure, rows = plt.subplots(
        len(services), 2, figsize=(8.5, 3.2 * len(services)), squeeze=False, layout="constrained"
    )
    for (left, right), service in zip(rows, services, strict=True):
        _draw_service((left, right), take_up, service, language, prefix=f"{service}: ")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=110)
    plt.close(figure)
    return buffer.getvalue()


def _draw_service(
    axes: tuple[Any, Any], take_up: TakeUp, service: str, language: Language, prefix: str = ""
) -> None:
    _ = translations(language).gettext
    left, right = axes
    periods = take_up.periods()
    by_period = take_up.cells.get(service, {})
    cells = [by_period.get(period, Cell()) for period in periods]
    x = list(range(len(periods)))
    advices = [_bar_value(cell.advices) for cell in cells]
    problems = [_bar_value(sum(cell.problems.values())) for cell in cells]
    left.bar(x, advices, color=_BAR, label=_("met advies"))
    left.bar(x, problems, bottom=advices, color=_BAR_PROBLEM, label=_("zonder advies"))
    left.set_ylim(0, max([a + b for a, b in zip(advices, problems, strict=True)] + [1]) * 1.3)
    left.set_title(prefix + _("Controles per periode"), loc="left")
    known = take_up.share_known(service)
    desk = [_pct(share(cell.granted, cell.decided) if known else None) for cell in cells]
    batch = [_pct(share(cell.batch_eligible, cell.batch_rows)) for cell in cells]
    right.plot(x, desk, marker="o", color=_LINE, label=_("aan de balie"))
    if any(not math.isnan(value) for value in batch):
        right.plot(x, batch, marker="s", linestyle="--", color=_LINE_BATCH, label=_("batch"))
    right.set_ylim(0, 115)
    right.set_yticks([0, 20, 40, 60, 80, 100])
    right.set_title(prefix + _("Aandeel met recht (%)"), loc="left")
    for each in (left, right):
        each.legend(frameon=False, fontsize=8, loc="upper left", ncol=2)
        each.set_xticks(x, periods, rotation=45, ha="right", fontsize=7)


def _bar_value(count: int) -> int:
    """A suppressed count is drawn as nothing, not as its value."""
    return 0 if 0 < count < SMALL else count


def _pct(value: float | None) -> float:
    return math.nan if value is None else value
