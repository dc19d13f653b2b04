# SPDX-License-Identifier: EUPL-1.2
"""``baliecheck report``: the take-up picture from a real audit store, suppressed, in 3 forms."""

from __future__ import annotations

import csv
import datetime as dt
import re
import sys
from typing import TYPE_CHECKING

from app.audit.decisions import open_audit_store
from app.audit.records import AuditEntry, RecordKind
from app.resource_paths import rules_dir
from app.settings.config import load_config
from tests.batch_support import run_cli

if TYPE_CHECKING:
    from pathlib import Path

    import pytest

SERVICE = "uitpas-kansentarief"
MONDAY = dt.datetime(2026, 3, 2, 10, tzinfo=dt.UTC)
PSEUDONYM = bytes(range(32))


def entry(kind: RecordKind, at: dt.datetime, **fields: str) -> AuditEntry:
    return AuditEntry(kind=kind, at=at, desk=fields.pop("desk", "balie-1"), staff_id="s",
                      service=SERVICE, pseudonym=PSEUDONYM, **fields)  # fmt: skip


def fill(tmp_path: Path) -> Path:
    """A production config over the shipped rules, and a week of desk records plus a batch run."""
    config = tmp_path / "config.toml"
    config.write_text('training = false\nbackend = "embedded"\n', encoding="utf-8")
    records = (
        [entry(RecordKind.ADVICE_SHOWN, MONDAY, advised_outcome="KANSENTARIEF")] * 12
        + [entry(RecordKind.ADVICE_SHOWN, MONDAY, advised_outcome="STANDAARD", desk="balie-2")] * 8
        + [entry(RecordKind.OVERRIDE, MONDAY, advised_outcome="STANDAARD",
                 applied_outcome="KANSENTARIEF", reason_code="DOCUMENT_SHOWN")] * 3
        + [entry(RecordKind.MANUAL_DECISION, MONDAY, applied_outcome="KANSENTARIEF",
                 reason_code="ADVICE_UNAVAILABLE")] * 6
        + [entry(RecordKind.PROBLEM, MONDAY, detail="BACKEND_TIMEOUT")] * 2
        + [entry(RecordKind.ADVICE_SHOWN, MONDAY + dt.timedelta(days=40),
                 advised_outcome="KANSENTARIEF")] * 7
    )  # fmt: skip
    batch = '{"format":1,"rows":2000,"eligible":600,"outcomes":{}}'
    records.append(AuditEntry(RecordKind.BATCH_RUN, MONDAY, "balie-1", "s", SERVICE,
                              channel="batch", detail=batch))  # fmt: skip
    with open_audit_store(load_config(config), tmp_path / "data") as store:
        for record in records:
            store.append(record)
    return config


def report(config: Path, out: Path, *extra: str, lang: str = "nl") -> tuple[int, str, str]:
    return run_cli("--lang", lang, "--config", str(config), "report", "--from", "2026-03-01",
                   "--to", "2026-04-30", "--out", str(out), *extra)  # fmt: skip


def test_report_html_is_self_contained_and_suppresses_small_cells(tmp_path: Path) -> None:
    config = fill(tmp_path)
    code, stdout, stderr = report(config, tmp_path / "r.html", "--period", "week")
    assert code == 0, stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert page.count("<svg") == 1
    # Nothing from outside: only references within the page (#id) are allowed.
    assert not re.search(r"""(src|href)\s*=\s*["'](?!#)|<script|@import|url\((?!#)""", page)
    main = re.search(r"<td>2026-W10</td>(.*?)</tr>", page)
    assert main is not None
    cells = re.findall(r"<td>(.*?)</td>", main.group(1))
    # checks 20 + 2 problems; with a right 12 + 3 overrides + 6 manual of 26 decided; overrides 3
    assert cells[:8] == ["22", "21", "81 %", "&lt;5", "6", "&lt;5", "2000", "30 %"]
    assert PSEUDONYM.hex() not in page
    assert "Geschreven:" in stdout
    numbers = list(csv.reader((tmp_path / "r.csv").open(encoding="utf-8")))
    assert numbers[0] == ["service", "period", "measure", "code", "value"]
    assert [SERVICE, "2026-W10", "overrides", "DOCUMENT_SHOWN", "<5"] in numbers
    assert [SERVICE, "2026-W10", "with_right_pct", "", "81 %"] in numbers
    assert [SERVICE, "2026-W15", "advices", "", "7"] in numbers


def test_report_png_and_csv_and_french(tmp_path: Path) -> None:
    config = fill(tmp_path)
    code, _, stderr = report(config, tmp_path / "r.png", "--format", "png")
    assert code == 0, stderr
    assert (tmp_path / "r.png").read_bytes().startswith(b"\x89PNG")
    assert (tmp_path / "r.csv").is_file()
    code, _, _ = report(config, tmp_path / "only.csv", "--format", "csv", "--period", "month")
    assert code == 0
    assert [SERVICE, "2026-03", "checks", "", "22"] in list(
        csv.reader((tmp_path / "only.csv").open(encoding="utf-8"))
    )
    code, _, _ = report(config, tmp_path / "fr.html", lang="fr")
    assert "Recours aux droits du 2026-03-01 au 2026-04-30" in (tmp_path / "fr.html").read_text()


def test_report_without_matplotlib_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = fill(tmp_path)
    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as if not installed
    code, _, stderr = report(config, tmp_path / "r.html", lang="en")
    assert code == 0
    assert "pip install 'baliecheck[report]'" in stderr
    assert "<table>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    code, _, stderr = report(config, tmp_path / "r.png", "--format", "png", lang="en")
    assert code == 2
    assert "Charts need matplotlib: install it with pip install 'baliecheck[report]'" in stderr


def test_report_refuses_a_backwards_period_and_handles_an_empty_one(tmp_path: Path) -> None:
    config = fill(tmp_path)
    code, _, stderr = run_cli("--config", str(config), "report", "--from", "2026-03-02",
                              "--to", "2026-03-01", "--out", str(tmp_path / "x.html"))  # fmt: skip
    assert code == 2
    assert "achteruit" in stderr
    code, _, _ = run_cli("--config", str(config), "report", "--from", "2025-01-01",
                         "--to", "2025-01-31", "--out", str(tmp_path / "e.html"))  # fmt: skip
    assert code == 0
    assert "Geen gegevens in deze periode." in (tmp_path / "e.html").read_text(encoding="utf-8")


def test_report_without_the_services_outcomes_leaves_the_share_unknown(tmp_path: Path) -> None:
    config = fill(tmp_path)
    rules = tmp_path / "rules"
    rules.mkdir()
    shipped = rules_dir() / "lez-registratie.toml"
    (rules / shipped.name).write_text(shipped.read_text(encoding="utf-8"), encoding="utf-8")
    text = config.read_text(encoding="utf-8")
    config.write_text(f'{text}[embedded]\nrules_dir = "{rules.as_posix()}"\n', encoding="utf-8")
    code, _, stderr = report(config, tmp_path / "r.html", "--period", "week")
    assert code == 0, stderr
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    main = re.search(r"<td>2026-W10</td>(.*?)</tr>", page)
    assert main is not None
    assert re.findall(r"<td>(.*?)</td>", main.group(1))[:3] == ["22", "?", "?"]
    assert not (tmp_path / "data" / "sources.sqlite").exists()
