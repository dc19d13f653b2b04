# SPDX-License-Identifier: EUPL-1.2
"""Loading rule files: TOML, then the schema, then sense, into frozen ServiceRules.

Every refusal is RULES_INVALID naming the file, the line and what is wrong in words a
functional admin can act on. Test files beside the rules (``*.tests.toml``) are not rules.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pydantic import ValidationError

from app.eligibility import wire
from app.eligibility.embedded.rules.build import build_versions
from app.eligibility.embedded.rules.model import ServiceRules
from app.eligibility.embedded.rules.sense import check_sense
from app.eligibility.embedded.rules.source_text import RuleText, describe_error, invalid
from app.eligibility.embedded.rules.spec import RuleFileSpec, TextSpec
from app.problems import AppError, Problem

if TYPE_CHECKING:
    from pathlib import Path

log = logging.getLogger(__name__)

TESTS_SUFFIX = ".tests.toml"


@dataclass(frozen=True, slots=True)
class RuleFile:
    """A loaded rule file with what was read, for the checks that name lines."""

    path: Path
    rules: ServiceRules
    spec: RuleFileSpec
    source: RuleText


def rule_paths(directory: Path) -> list[Path]:
    """The rule files of a directory, in file-name order (its test files left out)."""
    if not directory.is_dir():
        raise AppError(Problem.RULES_INVALID, f"rules directory {directory} does not exist")
    paths = sorted(p for p in directory.glob("*.toml") if not p.name.endswith(TESTS_SUFFIX))
    if not paths:
        raise AppError(Problem.RULES_INVALID, f"no rule files (*.toml) in {directory}")
    return paths


def load_rules(directory: Path) -> tuple[ServiceRules, ...]:
    """Every rule file in ``directory``, in file-name order, or RULES_INVALID."""
    loaded = tuple(load_rule_file(path) for path in rule_paths(directory))
    log.info("loaded %d service rule files from %s", len(loaded), directory)
    return loaded


TOO_DEEP = "nested too deeply (lists or tables inside each other without end)"


def load_rule_file(path: Path) -> ServiceRules:
    """One rule file, checked against the schema and for sense, or RULES_INVALID naming a line."""
    return read_rule_file(path).rules


def read_rule_file(path: Path) -> RuleFile:
    """The rule file with its text and schema objects (for ``rules check`` and ``explain``)."""
    text = _read(path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AppError(
            Problem.RULES_INVALID, f"rules file {path}: {syntax_error(exc, text)}"
        ) from None
    except RecursionError:
        raise AppError(Problem.RULES_INVALID, f"rules file {path}: {TOO_DEEP}") from None
    source = RuleText(text)
    try:
        spec = RuleFileSpec.model_validate(data)
    except ValidationError as exc:
        line, reason = describe_error(source, exc.errors(include_url=False)[0])
        raise invalid(path, line, reason) from None
    except RecursionError:
        raise AppError(Problem.RULES_INVALID, f"rules file {path}: {TOO_DEEP}") from None
    check_sense(path, source, spec)
    service = wire.Service(
        code=spec.code,
        name=_text(spec.name),
        outcomes=tuple(
            wire.Outcome(
                code=o.code,
                eligible=o.eligible,
                label=_text(o.label),
                detail=_text(o.detail) if o.detail else None,
            )
            for o in spec.outcomes
        ),
        default_outcome=spec.default_outcome,
    )
    rules = ServiceRules(service=service, versions=build_versions(spec))
    return RuleFile(path=path, rules=rules, spec=spec, source=source)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")  # Notepad writes a BOM
    except (OSError, UnicodeDecodeError) as exc:
        raise AppError(
            Problem.RULES_INVALID, f"rules file {path} cannot be read ({type(exc).__name__})"
        ) from None


def syntax_error(exc: tomllib.TOMLDecodeError, text: str) -> str:
    """``line 3, column 5: TOML syntax error: Invalid value`` from tomllib's message."""
    message = str(exc)
    found = re.search(r"\s*\(at line (\d+), column (\d+)\)$", message)
    if found is not None:
        reason = message[: found.start()]
        return f"line {found[1]}, column {found[2]}: TOML syntax error: {reason}"
    reason = message.removesuffix(" (at end of document)")
    last = max(1, len(text.splitlines()))
    return f"line {last} (end of file): TOML syntax error: {reason}"


def _text(spec: TextSpec) -> wire.LocalizedText:
    return wire.LocalizedText(nl=spec.nl, fr=spec.fr, en=spec.en, de=spec.de)
