# SPDX-License-Identifier: EUPL-1.2
"""The verdict check on every path, against a bad backend on loopback: ``check`` and the desk
(with a fresh catalogue, and falling back on its cached one)."""

from __future__ import annotations

import datetime as dt
import io
import json
import threading
from typing import TYPE_CHECKING, Any

import pytest

from app.cli.context import EXIT_NO_ADVICE, EXIT_OK
from app.cli.main import main
from app.desk.app import DeskApp
from app.desk.state import DeskState, Phase
from app.problems import Problem
from app.settings.config import BackendKind, Config, RemoteSettings
from eid.insz import NationalNumber
from tests.bad_backend import (
    ADVICE_DOC,
    HEALTH_DOC,
    KANSENTARIEF,
    NUMBER,
    SERVICE,
    SERVICE_DOC,
    STANDAARD,
    BadBackend,
    Reply,
    json_reply,
)
from tests.test_desk_app import _wait

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from tests.desk_support import MakeDesk

TODAY = dt.date.today()
SPOILED = "Kans\x00en\u202etarief"
BAD_ADVICES: dict[str, tuple[dict[str, Any], Problem]] = {
    "standaard-as-a-right": (
        {"outcome": STANDAARD | {"eligible": True}},
        Problem.BACKEND_CONTRADICTS_CATALOGUE,
    ),
    "unknown-outcome": (
        {"outcome": {"code": "GRATIS_ALLES", "eligible": True, "label": {"nl": "Alles gratis"}}},
        Problem.BACKEND_CONTRADICTS_CATALOGUE,
    ),
    "expired": (
        {"valid_until": (TODAY - dt.timedelta(days=2)).isoformat()},
        Problem.ADVICE_EXPIRED,
    ),
    "data-from-the-future": (
        {"data_as_of": (TODAY + dt.timedelta(days=2)).isoformat()},
        Problem.ADVICE_FROM_FUTURE,
    ),
}
SPOILED_SERVICE = SERVICE_DOC | {"outcomes": [KANSENTARIEF | {"label": {"nl": SPOILED}}, STANDAARD]}


@pytest.fixture
def backend() -> Iterator[BadBackend]:
    with BadBackend() as server:
        server.script("GET", "/v1/health", json_reply(HEALTH_DOC))
        server.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        server.script("POST", "/v1/advice", json_reply(ADVICE_DOC))
        yield server


def _config_file(tmp_path: Path, url: str) -> Path:
    path = tmp_path / "balie.toml"
    path.write_text(
        f'backend = "remote"\n[remote]\nbase_url = "{url}"\nauth = "none"\n'
        "advice_retries = 0\ntimeout_s = 2.0\n",
        encoding="utf-8",
    )
    return path


def _check(config: Path, monkeypatch: pytest.MonkeyPatch, *extra: str) -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(NUMBER))
    out, err = io.StringIO(), io.StringIO()
    argv = ["--config", str(config), "check", "--service", SERVICE, "--insz", "-", *extra]
    return main(argv, out=out, err=err), out.getvalue(), err.getvalue()


# -- baliecheck check -----------------------------------------------------------------------


@pytest.mark.parametrize("case", sorted(BAD_ADVICES))
def test_verdicts_check_refuses_a_bad_advice(
    case: str, backend: BadBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    changes, problem = BAD_ADVICES[case]
    backend.script("POST", "/v1/advice", json_reply(ADVICE_DOC | changes))
    code, out, err = _check(_config_file(tmp_path, backend.url), monkeypatch)
    assert code == EXIT_NO_ADVICE
    assert f"[{problem.value}]" in err
    assert out == "Werkwijze: productie\n"  # no yes, no no
    assert backend.received("/v1/services")  # the catalogue was fetched
    assert NUMBER not in out + err


def test_verdicts_check_shows_labels_as_plain_text(
    backend: BadBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backend.script("GET", "/v1/services", json_reply({"services": [SPOILED_SERVICE]}))
    spoiled_advice = ADVICE_DOC | {"outcome": KANSENTARIEF | {"label": {"nl": SPOILED}}}
    backend.script("POST", "/v1/advice", json_reply(spoiled_advice))
    code, out, err = _check(_config_file(tmp_path, backend.url), monkeypatch)
    assert code == EXIT_OK, err
    assert "Kansentarief (recht op vermindering) [KANSENTARIEF]" in out
    assert "\x00" not in out
    assert "\u202e" not in out
    code, out, _err = _check(_config_file(tmp_path, backend.url), monkeypatch, "--json")
    assert json.loads(out)["outcome"]["label"] == "Kansentarief"


def test_verdicts_check_without_the_service_in_the_catalogue_asks_nothing(
    backend: BadBackend, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = SERVICE_DOC | {"code": "lez-registratie"}
    backend.script("GET", "/v1/services", json_reply({"services": [other]}))
    code, _out, err = _check(_config_file(tmp_path, backend.url), monkeypatch)
    assert code == EXIT_NO_ADVICE
    assert "[UNKNOWN_SERVICE]" in err
    assert not backend.received("/v1/advice")


# -- the desk -------------------------------------------------------------------------------


def _desk_config(url: str) -> Config:
    remote = RemoteSettings.model_validate(
        {"base_url": url, "auth": "none", "advice_retries": 0, "timeout_s": 2.0}
    )
    # Training: the simulated reader (no PC/SC needed); the advice comes from the bad backend.
    return Config(training=True, backend=BackendKind.REMOTE, remote=remote)


def _settled(state: object) -> bool:
    return isinstance(state, DeskState) and state.phase in (Phase.VERDICT, Phase.PROBLEM)


def _ask(app: DeskApp) -> DeskState:
    transaction = app.workflow.enter_manually(NationalNumber(NUMBER))
    state = _wait(
        app.workflow.subscribe,
        lambda s: _settled(s) and s.transaction == transaction,  # type: ignore[attr-defined]
    )
    assert isinstance(state, DeskState)
    return state


@pytest.mark.parametrize("case", sorted(BAD_ADVICES))
def test_verdicts_desk_shows_a_problem_for_a_bad_advice(
    case: str, backend: BadBackend, tmp_path: Path
) -> None:
    changes, problem = BAD_ADVICES[case]
    backend.script("POST", "/v1/advice", json_reply(ADVICE_DOC | changes))
    app = DeskApp.start(_desk_config(backend.url), tmp_path)
    try:
        state = _ask(app)
    finally:
        app.stop()
    assert (state.phase, state.problem, state.advice) == (Phase.PROBLEM, problem, None)


def test_verdicts_desk_falls_back_on_its_cached_catalogue(
    backend: BadBackend, tmp_path: Path
) -> None:
    first = DeskApp.start(_desk_config(backend.url), tmp_path)  # caches the catalogue
    first.stop()
    backend.script("GET", "/v1/services", Reply(status=500, body=b"down", content_type=None))
    contradicting = ADVICE_DOC | {"outcome": STANDAARD | {"eligible": True}}
    backend.script("POST", "/v1/advice", json_reply(contradicting), json_reply(ADVICE_DOC))
    app = DeskApp.start(_desk_config(backend.url), tmp_path)
    try:
        assert [s.code for s in app.services] == [SERVICE]  # the cached copy
        refused, shown = _ask(app), _ask(app)
    finally:
        app.stop()
    assert refused.problem is Problem.BACKEND_CONTRADICTS_CATALOGUE
    assert shown.advice is not None
    assert shown.advice.outcome.code == "KANSENTARIEF"


def test_verdicts_desk_opens_on_its_cached_catalogue_and_asks_the_backend_after(
    backend: BadBackend, tmp_path: Path
) -> None:
    """A slow backend must not keep the window from opening: with a cached catalogue the
    start asks nothing, and the health thread fetches the new catalogue once it can."""
    first = DeskApp.start(_desk_config(backend.url), tmp_path)  # caches the catalogue
    first.stop()
    asked_before = len(backend.received("/v1/services"))
    health_answers = threading.Event()  # the health thread waits here, so nothing races
    backend.script("GET", "/v1/health", json_reply(HEALTH_DOC, release=health_answers))
    renamed = SERVICE_DOC | {"name": {"nl": "UiTPAS, nieuwe naam"}}
    backend.script("GET", "/v1/services", json_reply({"services": [renamed]}))
    app = DeskApp.start(_desk_config(backend.url), tmp_path)
    try:
        assert len(backend.received("/v1/services")) == asked_before  # not asked at start
        assert [s.name.nl for s in app.services] == ["UiTPAS"]  # the cached copy
        health_answers.set()
        _wait(app.subscribe_status, lambda status: status.catalogue > 0)  # type: ignore[attr-defined]
        assert [s.name.nl for s in app.services] == ["UiTPAS, nieuwe naam"]
    finally:
        health_answers.set()
        app.stop()


def test_verdicts_desk_without_any_catalogue_shows_no_verdict(
    backend: BadBackend, tmp_path: Path
) -> None:
    backend.script("GET", "/v1/services", Reply(status=500, body=b"down", content_type=None))
    app = DeskApp.start(_desk_config(backend.url), tmp_path)
    try:
        state = _ask(app)
    finally:
        app.stop()
    assert (state.phase, state.problem) == (Phase.PROBLEM, Problem.OUTCOMES_UNKNOWN)


def test_verdicts_desk_window_shows_the_problem_panel_and_records_it(
    backend: BadBackend, make_desk: MakeDesk, qtbot: QtBot
) -> None:
    backend.script("GET", "/v1/services", json_reply({"services": [SPOILED_SERVICE]}))
    expired = {"valid_until": (TODAY - dt.timedelta(days=2)).isoformat()}
    backend.script("POST", "/v1/advice", json_reply(ADVICE_DOC | expired), json_reply(ADVICE_DOC))
    desk = make_desk(_desk_config(backend.url))
    before = desk.bridge.state.transaction
    desk.app.workflow.enter_manually(NationalNumber(NUMBER))
    state = desk.settle(before, Phase.PROBLEM)
    assert state.problem is Problem.ADVICE_EXPIRED
    assert desk.window.stack.currentWidget() is desk.window.problem_view
    assert "verlopen" in desk.window.problem_view.what_label.text()
    from app.audit.records import RecordKind

    qtbot.waitUntil(lambda: bool(desk.records(RecordKind.PROBLEM)))
    assert desk.records(RecordKind.PROBLEM)[-1].detail == "ADVICE_EXPIRED"
    before = desk.bridge.state.transaction
    desk.app.workflow.enter_manually(NationalNumber(NUMBER))
    desk.settle(before, Phase.VERDICT)
    label = desk.window.verdict_view.outcome_label.text()
    assert "Kansentarief" in label
    assert "\x00" not in label
    assert "\u202e" not in label
