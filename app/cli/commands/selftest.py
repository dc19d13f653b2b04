# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck selftest``: the admin's check after a rollout, as a short report.

Exit 0 when nothing failed (warnings allowed), 1 when a check failed, 2 when the
configuration cannot be used (the report names file and key).
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.cli.commands.selftest_texts import summary, text
from app.cli.context import EXIT_FAILED, EXIT_OK, EXIT_USAGE, CommandContext, write_lines
from app.cli.labels import label
from app.i18n import N_
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from app.cli.selftest import Finding
    from app.language import Language

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


def register(commands: Commands[argparse.ArgumentParser]) -> None:
    selftest = commands.add_parser(
        "selftest",
        help=N_(
            "deze machine controleren: configuratie, PC/SC, lezers, regels, adviesdienst, "
            "sleutelopslag, gegevensmap, vertalingen (exit 0: klaar)"
        ),
    )
    selftest.set_defaults(handler=run)


def run(_args: argparse.Namespace, ctx: CommandContext) -> int:
    # Every check's parts (PC/SC, rules, httpx, the audit store) only when selftest runs.
    from app.cli.selftest import Finding, Status, run_checks
    from app.settings.config import config_path, load_config
    from app.version import app_version

    language = ctx.language
    write_lines(ctx.out, text("title", language, version=app_version()))
    try:
        config = load_config(ctx.config_path)
    except AppError as exc:
        path = {"path": str(config_path(ctx.config_path))}
        broken = Finding(Status.FAIL, "config_invalid", path, exc.problem, exc.detail)
        write_lines(ctx.out, *render(broken, language))
        return EXIT_USAGE
    findings = run_checks(config, explicit=ctx.config_path, data_dir=ctx.data_dir)
    for finding in findings:
        write_lines(ctx.out, *render(finding, language))
    failures = sum(finding.status is Status.FAIL for finding in findings)
    warnings = sum(finding.status is Status.WARN for finding in findings)
    write_lines(ctx.out, summary(language, failures=failures, warnings=warnings))
    return EXIT_FAILED if failures else EXIT_OK


def render(finding: Finding, language: Language) -> list[str]:
    """``STATUS  what was checked``, then readers, the problem's words and the admin detail."""
    from app.cli.card_diagnostics import describe_readers
    from app.cli.selftest import Status

    values = {key: _word(value, language) for key, value in finding.values.items()}
    width = max(len(text(status.value, language)) for status in Status)
    indent = " " * (width + 3)  # under the checked thing's words, two further in
    status = text(finding.status.value, language)
    lines = [f"{status:<{width}} {text(finding.text, language, **values)}"]
    if finding.readers:
        lines += [indent + line for line in describe_readers(list(finding.readers), language)]
    if finding.problem is not None:
        lines += _problem_lines(finding.problem, finding.detail, language, indent)
    if finding.problem in KEY_PROBLEMS:
        lines.append(indent + text("key_restore", language))
    return lines


KEY_PROBLEMS = frozenset({Problem.AUDIT_KEY_MISMATCH})  # INSTALLATION_KEY_MISSING says it


def _word(value: str, language: Language) -> str:
    """Values that are words of this report (``locked``, ``training``, …) are translated."""
    return text(value, language) if value in VALUE_WORDS else value


VALUE_WORDS = frozenset({"locked", "unlocked", "training", "real", "embedded"})


def _problem_lines(problem: Problem, detail: str, language: Language, indent: str) -> list[str]:
    from app.problem_texts import problem_text

    words = problem_text(problem, language)
    lines = [f"{indent}{words.what} [{problem.value}]"]
    lines += [f"{indent}  {line}" for line in detail.splitlines()]
    lines.append(f"{indent}{label('next', language)}: {words.next_step}")
    return lines
