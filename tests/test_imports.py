# SPDX-License-Identifier: EUPL-1.2
"""A command imports what it needs: ``card`` and ``check`` load no Qt and no web server, the
desk no web server (what start-up costs is measured in bench/cli_start.py, not here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from app.cli.command_index import COMMAND_MODULES
from tests.test_check_cli import KANSEN
from ui.main import READY_MESSAGE

# Runs in a fresh interpreter: the command as the console script runs it, then which of the
# watched top-level packages ended up in sys.modules (one JSON line after the command's output).
COMMAND_CHILD = """
import json, sys
from ui.entry import main
code = main(sys.argv[1:])
loaded = sorted({name.partition(".")[0] for name in sys.modules} & {"PySide6", "shiboken6",
    "uvicorn", "starlette", "httpx", "httpcore", "rich"})
print(json.dumps({"code": code, "loaded": loaded}))
"""
# The desk (training mode, offscreen) until it is ready for a card; then its own clean stop.
DESK_CHILD = """
import json, logging, os, signal, sys
from ui.entry import main
from ui.main import READY_MESSAGE

class AtReady(logging.Handler):
    def emit(self, record):
        if READY_MESSAGE in record.getMessage():
            loaded = sorted({name.partition(".")[0] for name in sys.modules}
                & {"uvicorn", "starlette", "PySide6"})
            print(json.dumps({"loaded": loaded}), flush=True)
            os.kill(os.getpid(), signal.SIGTERM)

logging.getLogger("ui.main").addHandler(AtReady())
sys.exit(main(["-v"]))
"""


# The desk until it is ready: what it imported, in the order it did (sys.modules keeps it).
# (ui.main, which imports PySide6, is not imported ahead of the desk's own start here.)
DESK_ORDER_CHILD = DESK_CHILD.replace(
    """            loaded = sorted({name.partition(".")[0] for name in sys.modules}
                & {"uvicorn", "starlette", "PySide6"})
            print(json.dumps({"loaded": loaded}), flush=True)""",
    """            print(json.dumps({"loaded": list(sys.modules)}), flush=True)""",
).replace("from ui.main import READY_MESSAGE", f"READY_MESSAGE = {READY_MESSAGE!r}")


def run_child(script: str, *argv: str, stdin: str = "") -> tuple[dict[str, object], str]:
    """The child's report, and what it printed before it."""
    result = subprocess.run(
        [sys.executable, "-c", script, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    *printed, last = result.stdout.splitlines()
    report: dict[str, object] = json.loads(last)
    return report, "\n".join(printed)


def test_imports_card_command_loads_no_qt_web_server_or_http_client() -> None:
    report, printed = run_child(COMMAND_CHILD, "card", "--training", "--profile", "v17")
    assert report["code"] == 0
    assert "1.7 (applet 0x17)" in printed  # the card was really read (and checked)
    assert report["loaded"] == [], f"card loaded {report['loaded']}"


def test_imports_check_with_embedded_engine_loads_no_qt_web_server_or_http_client() -> None:
    argv = ("check", "--service", "uitpas-kansentarief", "--insz", "-", "--json")
    report, printed = run_child(COMMAND_CHILD, *argv, stdin=KANSEN.national_number.digits + "\n")
    assert report["code"] == 0
    assert json.loads(printed)["outcome"]["code"] == "KANSENTARIEF"
    assert report["loaded"] == [], f"check loaded {report['loaded']}"


def test_imports_desk_loads_no_web_server() -> None:
    report, _ = run_child(DESK_CHILD)
    assert report["loaded"] == ["PySide6"]  # the desk did start: Qt is there, the server not


def test_imports_building_the_command_line_loads_no_command_machinery() -> None:
    """Every command's parser is built at every start: its engine, pydantic models, rules and
    stores must wait until that command runs (a command module that imports them at its top
    makes every other command, and the desk, slower)."""
    script = """
import json, sys
from app.cli.main import build_parser
build_parser()
watched = {"pydantic", "sqlite3", "app.eligibility.wire", "app.eligibility.embedded.rules",
    "app.batch.results", "app.audit.store", "PySide6", "httpx", "uvicorn"}
print(json.dumps({"loaded": sorted(watched & set(sys.modules))}))
"""
    report, _ = run_child(script)
    assert report["loaded"] == [], f"building the parser loaded {report['loaded']}"


# Parses a command line as the console script does, then names the command modules loaded.
PARSE_CHILD = """
import json, sys
from app.cli.main import parse_arguments
parse_arguments(sys.argv[1:])
print(json.dumps({"loaded": sorted(name for name in sys.modules
    if name.startswith("app.cli.commands."))}))
"""


def test_imports_a_command_loads_no_other_command_module() -> None:
    report, _ = run_child(PARSE_CHILD, "check", "--service", "uitpas-kansentarief", "--insz", "-")
    assert report["loaded"] == ["app.cli.commands.check"]


def test_imports_the_desk_command_line_loads_no_command_module() -> None:
    """Without a command (the desk), only the global options are parsed."""
    report, _ = run_child(PARSE_CHILD, "--lang", "fr", "-v")
    assert report["loaded"] == []


def test_imports_help_still_loads_every_command() -> None:
    """--help lists every command, so it builds the whole parser (the guard above can fail)."""
    script = PARSE_CHILD.replace(
        "parse_arguments(sys.argv[1:])",
        """try:
    parse_arguments(sys.argv[1:])
except SystemExit:
    pass""",
    )
    report, printed = run_child(script, "--help")
    assert "simulate-card" in printed
    loaded = report["loaded"]
    assert isinstance(loaded, list)
    assert set(COMMAND_MODULES) <= set(loaded)


def test_imports_desk_core_before_qt_and_no_settings_parts_until_asked() -> None:
    """PySide6 reads the source of every module imported after it: the desk's Qt-free core
    (configuration, DeskApp, the embedded engine) comes first. The settings dialog's parts
    (tomlkit, the settings file and checks) wait until the dialog opens, the card verifier
    (cryptography's x509, the sample PKI in training) until the first card."""
    report, _ = run_child(DESK_ORDER_CHILD)
    loaded = report["loaded"]
    assert isinstance(loaded, list)
    qt = loaded.index("PySide6")
    for core in ("app.settings.config", "app.desk.app", "app.eligibility.embedded.engine"):
        assert loaded.index(core) < qt, f"{core} imported after PySide6"
    # Cryptography's certificates: the verifier and the sample PKI wait for the first card.
    late = {"tomlkit", "app.settings.checks", "app.settings.file", "ui.settings.dialog"}
    late |= {"cryptography.x509", "eid.authenticity", "eid.sample_pki"}
    assert late.isdisjoint(loaded), f"the desk's start loaded {sorted(late & set(loaded))}"


def test_imports_contract_and_rule_models_build_their_validators_when_first_used() -> None:
    """pydantic builds a model's validator at first use (defer_build), not at import: the
    desk and each command use a few of the contract's and the rule files' models."""
    script = """
import json
import pydantic
import app.eligibility.wire, app.eligibility.embedded.rules.spec
models = [m for module in (app.eligibility.wire, app.eligibility.embedded.rules.spec)
    for m in vars(module).values()
    if isinstance(m, type) and issubclass(m, pydantic.BaseModel) and m is not pydantic.BaseModel]
built = sorted(m.__name__ for m in models if m.__pydantic_complete__)
app.eligibility.wire.Advice.model_json_schema()  # used: built then
print(json.dumps({"loaded": built, "count": len(models),
    "advice": app.eligibility.wire.Advice.__pydantic_complete__}))
"""
    report, _ = run_child(script)
    assert report["loaded"] == [], f"built at import: {report['loaded']}"
    assert report["advice"] is True
    assert isinstance(report["count"], int)
    assert report["count"] > 20  # noqa: PLR2004 - the guard saw the models
