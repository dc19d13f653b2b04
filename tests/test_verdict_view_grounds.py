# SPDX-License-Identifier: EUPL-1.2
"""The desk's verdict never shows an advice's grounds or rule version (the next person in the
queue can read the screen); they are for the audit record only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from tests.audit_support import advice_of
from ui.verdict_view import VerdictView

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def test_verdict_view_shows_no_grounds_and_no_rule_version(qtbot: QtBot) -> None:
    view = VerdictView()
    qtbot.addWidget(view)
    advice = advice_of("advies-1", "KANSENTARIEF").model_copy(
        update={"rule_version": "REGEL-2026-B", "grounds": ("LEEFLOON", "VT_JONGERE")}
    )
    view.show_advice(advice, channel=None, masked_number=None)
    shown = " ".join(label.text() for label in view.findChildren(QLabel))
    assert "KANSENTARIEF" in shown  # the outcome is there (advice_of labels it by code)
    for hidden in ("REGEL-2026-B", "LEEFLOON", "VT_JONGERE"):
        assert hidden not in shown
