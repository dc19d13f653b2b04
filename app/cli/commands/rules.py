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
from app.i18n import N_, translations
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from app.eligibility.embedded.rules.lint import ImportedList

Commands = argparse._SubParsersAction  # noqa: SLF001 - argparse names it privately


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
    # The rules machinery (pydantic schemas) loads when the command runs, not at every start.
    from app.cli.commands.rules_texts import NOTES, describe_findings, describe_run
    from app.eligibility.embedded.rules.cases import run_rule_tests
    from app.eligibility.embedded.rules.explain import explain
    from app.eligibility.embedded.rules.lint import check_rules
    from app.eligibility.embedded.rules.load import load_rules
    from app.resource_paths import rules_dir
    from app.settings.config import load_config

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


def _imported(ctx: CommandContext) -> dict[str, ImportedList] | None:
    """The lists in the store this configuration uses; None if it cannot be opened."""
    from app.eligibility.embedded.rules.lint import ImportedList
    from app.services import open_store
    from app.settings.config import load_config
    from app.settings.credentials import KeyringCredentials

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
