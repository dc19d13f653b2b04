# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck rules test|check|explain``: a functional admin's tools for the rule files.

``test`` runs the tests written as data beside the rules (exit 0: all pass, 1: one fails or
cannot run); ``check`` loads and lints the rules against the imported lists (exit 0: nothing
found, 1: findings); ``explain`` prints one rule as plain sentences.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from app.cli.context import EXIT_FAILED, EXIT_OK, CommandContext, write_lines
from app.eligibility.embedded.rules.cases import run_rule_tests
from app.eligibility.embedded.rules.explain import explain
from app.eligibility.embedded.rules.lint import FindingKind, ImportedList, check_rules
from app.eligibility.embedded.rules.load import load_rules
from app.i18n import N_, translations
from app.problems import AppError, Problem
from app.resource_paths import rules_dir
from app.services import open_store
from app.settings.config import load_config
from app.settings.credentials import KeyringCredentials

if TYPE_CHECKING:
    import gettext

    from app.eligibility.embedded.rules.cases import FileResult, TestRun
    from app.eligibility.embedded.rules.lint import Finding

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately

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


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    parser = commands.add_parser(
        "rules", help=N_("de regelbestanden testen, controleren en uitleggen")
    )
    actions = parser.add_subparsers(dest="rules_action", required=True)
    for name, words in (
        ("test", N_("de tests naast de regelbestanden uitvoeren (exit 0: alle geslaagd)")),
        ("check", N_("de regelbestanden laden en controleren tegen de ingelezen lijsten")),
    ):
        action = actions.add_parser(name, help=words)
        action.add_argument("dir", metavar="DIR", type=Path, nargs="?", help=N_("map met regels"))
    explainer = actions.add_parser("explain", help=N_("één regel in gewone zinnen"))
    explainer.add_argument("service", metavar="SERVICE")
    explainer.add_argument("--dir", type=Path, metavar="DIR", help=N_("map met regels"))
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace, ctx: CommandContext) -> int:
    directory = args.dir or load_config(ctx.config_path).embedded.rules_dir or rules_dir()
    t = translations(ctx.language)
    if args.rules_action == "test":
        report = run_rule_tests(directory)
        write_lines(ctx.out, *describe_run(report, t))
        return EXIT_OK if report.passed else EXIT_FAILED
    if args.rules_action == "check":
        findings = check_rules(directory, _imported(ctx), today=dt.date.today())
        write_lines(ctx.out, *describe_findings(findings, t))
        return EXIT_FAILED if any(f.kind not in NOTES for f in findings) else EXIT_OK
    found = {rules.code: rules for rules in load_rules(directory)}
    if args.service not in found:
        known = ", ".join(sorted(found))
        detail = f"no rule file {args.service}.toml in {directory} (there are: {known})"
        raise AppError(Problem.RULES_INVALID, detail)
    write_lines(ctx.out, *explain(found[args.service], ctx.language))
    return EXIT_OK


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


def _imported(ctx: CommandContext) -> dict[str, ImportedList] | None:
    """The lists in the store this configuration uses; None if it cannot be opened."""
    config = load_config(ctx.config_path)
    try:
        store = open_store(config, ctx.data_dir, KeyringCredentials())
    except AppError as exc:
        t = translations(ctx.language)
        write_lines(
            ctx.out,
            t.gettext("Lijsten niet nagekeken: {reason}").format(reason=exc.problem.value),
        )
        return None
    try:
        return {
            entry.name: ImportedList(entry.name, entry.columns)
            for entry in store.lists()
            if entry.key_matches
        }
    finally:
        store.close()
