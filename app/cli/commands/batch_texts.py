# SPDX-License-Identifier: EUPL-1.2
"""The words of ``baliecheck batch`` (gettext, Dutch source): summary, unusable file, stop."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import translations

if TYPE_CHECKING:
    from pathlib import Path

    from app.batch.results import RunSummary
    from app.language import Language


def summary_lines(summary: RunSummary, out: Path, language: Language) -> list[str]:
    """What was decided, by outcome and problem, the lines to look at, and what was written."""
    t = translations(language)
    lines = [
        t.gettext("{rows} rijen, {eligible} met recht.").format(
            rows=summary.rows, eligible=summary.eligible
        )
    ]
    lines += [f"  {code}: {count}" for code, count in sorted(summary.outcomes.items())]
    from app.batch.results import NOT_DECIDED  # noqa: PLC0415 - the batch machinery, when it ran

    problems = {code: n for code, n in summary.problems.items() if code != NOT_DECIDED}
    if problems:
        lines.append(t.gettext("Zonder advies (probleem per rij):"))
        lines += [f"  {code}: {count}" for code, count in sorted(problems.items())]
        lines.append(t.gettext("  regels: {lines}").format(lines=summary.problem_lines.text()))
    if not summary.complete:
        lines += _undecided_lines(summary, language)
    lines.append(
        t.ngettext(
            "{count} rij geschreven naar {path}.",
            "{count} rijen geschreven naar {path}.",
            summary.written,
        ).format(count=summary.written, path=out)
    )
    return lines


def _undecided_lines(summary: RunSummary, language: Language) -> list[str]:
    t = translations(language)
    return [
        t.ngettext(
            "{count} rij NIET beslist: de adviesdienst bleef falen ({problem}).",
            "{count} rijen NIET beslist: de adviesdienst bleef falen ({problem}).",
            summary.undecided.count,
        ).format(count=summary.undecided.count, problem=summary.stopped_by or "?"),
        t.gettext("  regels: {lines}").format(lines=summary.undecided.text()),
        t.gettext(
            "Ze staan in de uitvoer als NOT_DECIDED, zonder uitkomst; "
            "voer de run later opnieuw uit."
        ),
    ]


def unusable_lines(detail: str, language: Language) -> list[str]:
    t = translations(language)
    return [
        t.gettext("Fout: het bestand kan niet gebruikt worden; er werd niets geschreven."),
        f"  {detail}",
    ]


def interrupted_lines(out: Path, language: Language) -> list[str]:
    t = translations(language)
    return [t.gettext("Onderbroken: {path} werd niet geschreven.").format(path=out)]
