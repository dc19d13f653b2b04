# SPDX-License-Identifier: EUPL-1.2
"""The words of ``baliecheck rules``: test runs and findings in the reader's language (Dutch
msgids, app.i18n). Imported when the command runs: it needs the rules machinery."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.eligibility.embedded.rules.lint import FindingKind
from app.i18n import N_

if TYPE_CHECKING:
    import gettext

    from app.eligibility.embedded.rules.cases import FileResult, TestRun
    from app.eligibility.embedded.rules.lint import Finding

# Findings that are notes (the check still passes) rather than things to fix.
NOTES = frozenset({FindingKind.NOT_YET, FindingKind.ENDS})
FINDING_TEXTS = {
    FindingKind.NOT_LOADED: N_("kan niet geladen worden: {detail}"),
    FindingKind.UNKNOWN_LIST: N_("de lijst '{list}' is niet ingelezen (baliecheck sources list)"),
    FindingKind.UNKNOWN_COLUMN: N_("de lijst '{list}' heeft geen kolom '{column}'"),
    FindingKind.UNREACHABLE: N_("uitkomst {outcome} kan nooit gegeven worden (versie {version})"),
    FindingKind.VERSION_GAP: N_("geen versie van kracht tussen {after} en {before}"),
    FindingKind.NOT_YET: N_("de regel geldt pas vanaf {starts}; tot dan geen advies"),
    FindingKind.ENDS: N_("geen versie meer van kracht na {ends}"),
    FindingKind.REVEALING_TEXT: N_(
        "uitkomst {outcome}: een label of detail noemt '{word}'; zeg wat toe te passen, niet waarom"
    ),
    FindingKind.NO_TESTS: N_("geen testbestand ernaast (.tests.toml)"),
}
MISMATCH_WHAT = {
    "outcome": N_("uitkomst"),
    "valid_until": N_("geldig tot"),
    "grounds": N_("gronden"),
}


def describe_run(report: TestRun, t: gettext.NullTranslations) -> list[str]:
    lines = []
    for result in report.files:
        lines += _file_lines(result, t)
    if report.untested:
        services = ", ".join(report.untested)
        lines.append(t.gettext("Geen tests voor: {services}").format(services=services))
    cases, failed = report.counts
    lines.append(
        t.ngettext(
            "Samen: {cases} geval, {failed} mislukt.",
            "Samen: {cases} gevallen, {failed} mislukt.",
            cases,
        ).format(cases=cases, failed=failed)
    )
    return lines


def _file_lines(result: FileResult, t: gettext.NullTranslations) -> list[str]:
    name = result.path.name
    if result.error is not None:
        return [t.gettext("{file}: KAN NIET LOPEN: {error}").format(file=name, error=result.error)]
    failed = sum(not case.passed for case in result.cases)
    lines = [
        t.ngettext(
            "{file}: {cases} geval, {failed} mislukt",
            "{file}: {cases} gevallen, {failed} mislukt",
            len(result.cases),
        ).format(file=name, cases=len(result.cases), failed=failed)
    ]
    for case in result.cases:
        for miss in case.mismatches:
            lines.append(
                t.gettext(
                    '  MISLUKT (regel {line}) "{name}": {what} verwacht {expected}, kreeg {got}'
                ).format(
                    line=case.line,
                    name=case.name,
                    what=t.gettext(MISMATCH_WHAT[miss.what]),
                    expected=miss.expected,
                    got=miss.got,
                )
            )
    return lines


def describe_findings(findings: list[Finding], t: gettext.NullTranslations) -> list[str]:
    lines = [
        t.gettext("{file}, regel {line}: {finding}").format(
            file=f.path.name,
            line=f.line or "-",
            finding=t.gettext(FINDING_TEXTS[f.kind]).format(**f.values),
        )
        for f in findings
    ]
    problems = sum(f.kind not in NOTES for f in findings)
    if not problems:
        lines.append(t.gettext("Geen problemen gevonden."))
    else:
        lines.append(
            t.ngettext(
                "{count} probleem gevonden.", "{count} problemen gevonden.", problems
            ).format(count=problems)
        )
    return lines
