# SPDX-License-Identifier: EUPL-1.2
"""What loads but looks wrong in a rule folder: ``baliecheck rules check``.

Findings carry a kind and its values, with file and line; the command line puts them into
words (nl/fr/en). The check of outcomes that can never be reached treats each fact as free to
be true or false: it finds conditions that contradict or repeat earlier ones, not two limits
on one column that exclude each other.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING

from app.eligibility.embedded.rules.build import stages
from app.eligibility.embedded.rules.load import TESTS_SUFFIX, read_rule_file, rule_paths
from app.eligibility.embedded.rules.source_text import key_pattern
from app.problems import AppError

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping
    from pathlib import Path

    from app.eligibility import wire
    from app.eligibility.embedded.rules.load import RuleFile
    from app.eligibility.embedded.rules.model import Condition, RuleVersion

MAX_FACTS_TRIED = 14  # 2**14 combinations per version: a blink
_LINE = re.compile(r"\bline (\d+)\b")  # in a refusal's detail
# Words that name a social status or a benefit, in the three languages (a screen shows labels).
REVEALING_WORDS = (
    "leefloon",
    "tegemoetkoming",
    r"\bvt\b",
    r"\bbim\b",
    "parkeerkaart",
    "handicap",
    r"\bocmw\b",
    r"\bcpas\b",
    "budgetbeheer",
    "budgetbegeleiding",
    "schuldenregeling",
    "revenu d'intégration",
    "intervention majorée",
    "carte de stationnement",
    "médiation de dettes",
    "living wage",
    "increased reimbursement",
    "disability",
    "parking card",
    "debt settlement",
    "budget management",
    "budget guidance",
)


class FindingKind(StrEnum):
    NOT_LOADED = "not-loaded"  # values: detail
    UNKNOWN_LIST = "unknown-list"  # list
    UNKNOWN_COLUMN = "unknown-column"  # list, column
    UNREACHABLE = "unreachable"  # outcome, version
    VERSION_GAP = "version-gap"  # after, before
    NOT_YET = "not-yet"  # starts
    ENDS = "ends"  # ends
    REVEALING_TEXT = "revealing-text"  # outcome, word
    NO_TESTS = "no-tests"


@dataclass(frozen=True, slots=True)
class Finding:
    kind: FindingKind
    path: Path
    line: int
    values: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ImportedList:
    """What ``rules check`` needs of an imported list: its name and other columns."""

    name: str
    columns: tuple[str, ...]


def check_rules(
    directory: Path, imported: Mapping[str, ImportedList] | None, *, today: dt.date
) -> list[Finding]:
    """Every finding in the folder's rule files; ``imported`` None: lists not checked."""
    findings: list[Finding] = []
    for path in rule_paths(directory):
        try:
            loaded = read_rule_file(path)
        except AppError as exc:
            line = _line_named(exc.detail)
            findings.append(Finding(FindingKind.NOT_LOADED, path, line, {"detail": exc.detail}))
            continue
        findings += check_rule_file(loaded, imported, today=today)
        if not path.with_name(path.stem + TESTS_SUFFIX).is_file():
            findings.append(Finding(FindingKind.NO_TESTS, path, 1))
    return findings


def check_rule_file(
    loaded: RuleFile, imported: Mapping[str, ImportedList] | None, *, today: dt.date
) -> list[Finding]:
    findings = list(_revealing(loaded))
    findings += _dates(loaded, today)
    for version in loaded.rules.versions:
        findings += _unreachable(loaded, version)
    if imported is not None:
        findings += _lists(loaded, imported)
    return _unique(findings)


def _unique(findings: list[Finding]) -> list[Finding]:
    """Each finding once (a list read by two versions is named once)."""
    seen: set[tuple[object, ...]] = set()
    unique = []
    for finding in findings:
        key = (finding.kind, finding.line, tuple(sorted(finding.values.items())))
        if key not in seen:
            seen.add(key)
            unique.append(finding)
    return unique


def revealing_words(text: wire.LocalizedText, lists: frozenset[str]) -> list[str]:
    """The words of ``text`` (any language) that name a status, a benefit or a list."""
    words = [*REVEALING_WORDS, *(re.escape(name.replace("_", " ")) for name in lists)]
    words += [re.escape(name) for name in lists]
    found = []
    for value in (text.nl, text.fr, text.en, text.de):
        for word in words:
            hit = re.search(word, (value or "").casefold())
            if hit:
                found.append(hit[0])
    return list(dict.fromkeys(found))


def _revealing(loaded: RuleFile) -> Iterator[Finding]:
    for index, outcome in enumerate(loaded.rules.service.outcomes):
        block = loaded.source.outcome_block(index)
        for key, text in (("label", outcome.label), ("detail", outcome.detail)):
            if text is None:
                continue
            for word in revealing_words(text, loaded.rules.lists):
                line = loaded.source.key_line(key, block)
                values = {"outcome": outcome.code, "word": word}
                yield Finding(FindingKind.REVEALING_TEXT, loaded.path, line, values)


def _dates(loaded: RuleFile, today: dt.date) -> Iterator[Finding]:
    runs = stages(loaded.spec)
    source = loaded.source
    for stage, following in itertools.pairwise(runs):
        if stage.ends and following.starts and stage.ends + dt.timedelta(days=1) < following.starts:
            values = {"after": stage.ends.isoformat(), "before": following.starts.isoformat()}
            lines = source.block("versions", following.index or 0)
            line = source.key_line("from", lines)
            yield Finding(FindingKind.VERSION_GAP, loaded.path, line, values)
    first, last = runs[0], runs[-1]
    if first.starts is not None and today < first.starts:
        line = source.key_line("from", source.top())
        yield Finding(FindingKind.NOT_YET, loaded.path, line, {"starts": first.starts.isoformat()})
    if last.ends is not None:
        lines = source.top() if last.index is None else source.block("versions", last.index)
        values = {"ends": last.ends.isoformat()}
        yield Finding(FindingKind.ENDS, loaded.path, source.key_line("until", lines), values)


def _unreachable(loaded: RuleFile, version: RuleVersion) -> Iterator[Finding]:
    default = loaded.rules.service.default_outcome
    ordered = [o.code for o in loaded.rules.service.outcomes if o.code != default]
    conditions = dict(version.rules)
    codes = sorted(version.facts)
    if len(codes) > MAX_FACTS_TRIED:
        return
    reached: set[str] = set()
    for assignment in itertools.product((False, True), repeat=len(codes)):
        truth = dict(zip(codes, assignment, strict=True))
        reached.add(_first(version.rules, truth) or default)
    for code in [*ordered, default]:
        if code not in reached:
            line = _outcome_line(loaded, code, code in conditions)
            values = {"outcome": code, "version": version.label or "-"}
            yield Finding(FindingKind.UNREACHABLE, loaded.path, line, values)


def _first(rules: tuple[tuple[str, Condition], ...], truth: dict[str, bool]) -> str | None:
    values = _Given(truth)
    return next((code for code, when in rules if when.truth(values)), None)


class _Given:
    """Facts fixed in advance (one combination tried for reachability)."""

    __slots__ = ("_truth",)

    def __init__(self, truth: dict[str, bool]) -> None:
        self._truth = truth

    def truth(self, code: str) -> bool:
        return self._truth[code]


def _outcome_line(loaded: RuleFile, code: str, written: bool) -> int:
    source = loaded.source
    index = next((i for i, o in enumerate(loaded.rules.service.outcomes) if o.code == code), 0)
    block = source.outcome_block(index)
    return source.key_line("when" if written else "code", block)


def _lists(loaded: RuleFile, imported: Mapping[str, ImportedList]) -> Iterator[Finding]:
    for version in loaded.rules.versions:
        for fact in version.facts.values():
            if fact.on_list is None:
                continue
            quoted = rf"[\"']{re.escape(fact.on_list)}[\"']"
            line = loaded.source.find(quoted, loaded.source.everywhere()) or 1
            known = imported.get(fact.on_list)
            if known is None:
                yield Finding(FindingKind.UNKNOWN_LIST, loaded.path, line, {"list": fact.on_list})
                continue
            for column in (fact.column, fact.age):
                if column not in (None, "insz") and column not in known.columns:
                    values = {"list": fact.on_list, "column": str(column)}
                    found = loaded.source.find(key_pattern("column"), loaded.source.everywhere())
                    yield Finding(FindingKind.UNKNOWN_COLUMN, loaded.path, found or line, values)


def _line_named(detail: str) -> int:
    """The line a refusal names ("line 2, column 11: ..."), or 0 when it names none."""
    found = _LINE.search(detail)
    return int(found[1]) if found else 0
