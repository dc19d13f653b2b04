# SPDX-License-Identifier: EUPL-1.2
"""The desk's service and catalogue as staff see them: the switcher, the masked number, and a
desk that never reached its backend (no outcomes known: the decision goes on paper)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.desk.state import Phase
from app.language import Language
from app.problem_texts import problem_text
from app.problems import Problem
from app.settings.config import BackendKind, Config, DeskSettings, RemoteSettings, load_config
from tests.bad_backend import (
    ADVICE_DOC,
    HEALTH_DOC,
    SERVICE_DOC,
    BadBackend,
    Reply,
    json_reply,
)
from tests.desk_support import (
    CITIZENS,
    assert_number_hidden,
    type_number,
    unreachable_backend,
    visible_texts,
)
from ui.override_dialog import OverrideDialog

if TYPE_CHECKING:
    from pathlib import Path

    from pytestqt.qtbot import QtBot

    from tests.desk_support import Desk, MakeDesk

UITPAS = "uitpas-kansentarief"
LEZ = "lez-registratie"
VT_CITIZEN = 1  # verhoogde tegemoetkoming: Kansentarief for UiTPAS, Verlaagd tarief for the LEZ
# No outcomes known: nothing to decide on screen, so the panel says paper (and F5 to retry).
NO_OUTCOMES_BOX = (
    "Manueel beslissen kan hier niet: de mogelijke uitkomsten van deze dienst zijn niet "
    "bekend (de adviesdienst werd nog niet bereikt). Noteer de beslissing op papier."
)
NO_OUTCOMES = "Kies Opnieuw controleren (F5). Lukt het niet, noteer de beslissing op papier."


def test_desk_window_switcher_makes_the_next_advice_for_the_other_service(
    make_desk: MakeDesk, qtbot: QtBot
) -> None:
    desk = make_desk(Config(training=True, desk=DeskSettings(services=(UITPAS, LEZ))))
    switcher = desk.window.header.switcher
    assert switcher is not None
    assert switcher.isVisible()
    assert not desk.window.header.name_label.isVisible()
    offered = [switcher.itemText(i) for i in range(switcher.count())]
    assert offered == ["UiTPAS met kansentarief", "Registratie lage-emissiezone"]
    first = desk.insert(VT_CITIZEN)
    assert desk.window.verdict_view.outcome_label.text() == "✔ Kansentarief"
    desk.remove()
    switcher.setFocus()
    QTest.keyClick(switcher, Qt.Key.Key_Down)  # staff pick the next service
    qtbot.waitUntil(lambda: desk.bridge.state.service == LEZ)
    assert switcher.currentText() == "Registratie lage-emissiezone"
    assert desk.window.windowTitle() == "baliecheck — Registratie lage-emissiezone"
    state = desk.insert(VT_CITIZEN)
    assert state.transaction > first.transaction
    assert state.advice is not None
    assert state.advice.service == LEZ
    assert desk.window.verdict_view.outcome_label.text() == "✔ Verlaagd tarief"


def test_desk_window_one_service_has_no_switcher(make_desk: MakeDesk) -> None:
    desk = make_desk(Config(training=True, desk=DeskSettings(services=(LEZ,))))
    assert desk.window.header.switcher is None
    assert desk.window.header.name_label.isVisible()
    assert desk.window.header.name_label.text() == "Registratie lage-emissiezone"


@pytest.mark.parametrize("show", [False, True], ids=["masked-number-off", "masked-number-on"])
def test_desk_window_masked_number_only_when_configured(
    make_desk: MakeDesk,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    show: bool,
) -> None:
    caplog.set_level(logging.DEBUG)
    config_file = tmp_path / "config.toml"
    config_file.write_text(
        f"training = true\n[desk]\nshow_masked_number = {str(show).lower()}\n", encoding="utf-8"
    )
    monkeypatch.setenv("BALIECHECK_CONFIG", str(config_file))
    config = load_config()
    assert config.desk.show_masked_number is show
    desk = make_desk(config)
    number = CITIZENS[0].national_number
    state = desk.insert(0)
    assert state.phase is Phase.VERDICT
    label = desk.window.verdict_view.number_label
    with_masked = [text for text in visible_texts() if number.masked in text]
    if show:
        assert label.isVisible()
        assert label.text() == "Nummer: 11.01.01-xxx.xx"
        assert with_masked == [label.text()]
    else:
        assert not label.isVisible()
        assert with_masked == []
        assert not [t for t in visible_texts() if number.digits[:6] in t.replace(".", "")]
    assert_number_hidden(number, caplog)


def test_desk_window_without_a_catalogue_opens_and_sends_the_decision_to_paper(
    make_desk: MakeDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Fresh data dir, backend never reached: no outcomes known, so none can be chosen."""
    desk = make_desk(
        Config(training=True, backend=BackendKind.REMOTE, remote=unreachable_backend())
    )
    assert desk.app.services == ()
    assert desk.window.header.name_label.text() == UITPAS
    assert desk.window.windowTitle() == f"baliecheck — {UITPAS}"
    monkeypatch.setattr(OverrideDialog, "ask", _no_dialog)
    words = problem_text(Problem.BACKEND_UNREACHABLE, Language.NL)
    panel = desk.window.problem_view

    def assert_decision_goes_on_paper() -> None:
        assert desk.window.stack.currentWidget() is panel
        assert panel.what_label.text() == f"⚠ {words.what}"
        assert not panel.decide_button.isVisible()
        assert not panel.entry_button.isVisible()  # the number is known
        assert panel.next_label.text() == NO_OUTCOMES  # one instruction, no decide button

    state = desk.insert(0)
    assert state.problem is Problem.BACKEND_UNREACHABLE
    assert_decision_goes_on_paper()
    type_number(monkeypatch, qtbot, CITIZENS[1].national_number.digits)
    desk.window.manual_button.click()
    desk.settle(state.transaction, Phase.PROBLEM)
    assert_decision_goes_on_paper()


def test_desk_window_advice_without_a_catalogue_is_no_verdict(
    make_desk: MakeDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backend advises, but gives no catalogue: its outcomes are unknown, so the advice
    cannot be checked and no verdict is shown (issue 13); the decision goes on paper."""
    with BadBackend() as backend:
        desk = _desk_advised_without_a_catalogue(make_desk, backend)
        state = desk.insert(0)
        assert (state.phase, state.problem) == (Phase.PROBLEM, Problem.OUTCOMES_UNKNOWN)
        panel = desk.window.problem_view
        assert desk.window.stack.currentWidget() is panel
        words = problem_text(Problem.OUTCOMES_UNKNOWN, Language.NL)
        assert panel.what_label.text() == f"⚠ {words.what}"
        assert not panel.decide_button.isVisible()
        assert panel.next_label.text() == NO_OUTCOMES  # one instruction: no outcomes to choose
        assert not desk.window.override_action.isEnabled()


def test_desk_window_catalogue_arrives_when_the_backend_comes_back(
    make_desk: MakeDesk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Started while the backend was down (no catalogue): once its health answers again the
    desk fetches the catalogue, shows the service's name and offers its outcomes."""
    monkeypatch.setattr("app.desk.app.HEALTH_EVERY_S", 0.1)
    with BadBackend() as backend:
        desk = _desk_advised_without_a_catalogue(make_desk, backend)
        assert desk.window.header.name_label.text() == UITPAS
        backend.script("GET", "/v1/services", json_reply({"services": [SERVICE_DOC]}))
        backend.script("GET", "/v1/health", json_reply(HEALTH_DOC))

        def named() -> None:
            assert desk.window.header.name_label.text() == "UiTPAS"
            assert desk.window.windowTitle() == "baliecheck — UiTPAS"

        qtbot.waitUntil(named, timeout=10_000)
        offered: list[list[str]] = []

        def ask(_cls: object, _parent: object, /, **options: object) -> None:
            outcomes = options["outcomes"]
            assert isinstance(outcomes, tuple)
            offered.append([outcome.code for outcome in outcomes])

        monkeypatch.setattr(OverrideDialog, "ask", classmethod(ask))
        desk.insert(0)
        desk.window.override_action.trigger()
        assert offered == [["KANSENTARIEF", "STANDAARD"]]


def _desk_advised_without_a_catalogue(make_desk: MakeDesk, backend: BadBackend) -> Desk:
    """A desk on ``backend``, which advises but gives no catalogue (nor health) for now."""
    backend.script("GET", "/v1/services", Reply(status=503, body=b"down"))
    backend.script("GET", "/v1/health", Reply(status=503, body=b"down"))
    backend.script("POST", "/v1/advice", json_reply(ADVICE_DOC))
    remote = RemoteSettings.model_validate(
        {"base_url": backend.url, "auth": "none", "advice_retries": 0}
    )
    desk = make_desk(Config(training=True, backend=BackendKind.REMOTE, remote=remote))
    assert desk.app.services == ()
    return desk


def _no_dialog(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("no decision dialog without known outcomes")
