# SPDX-License-Identifier: EUPL-1.2
"""SettingsProblemsLabel: under the settings fields, what keeps them from being saved."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from app.settings.form import Reason
from ui import texts
from ui.settings.connection_row import WRONG_STYLE
from ui.texts import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.settings.form import Refusal

# Which field a configuration key is: a refusal names the field as the admin sees it.
FIELD_OF_KEY = {
    "remote.base_url": texts.SETTINGS_BASE_URL,
    "remote.token_url": texts.SETTINGS_TOKEN_URL,
    "remote.client_id": texts.SETTINGS_CLIENT_ID,
    "remote.ca_bundle": texts.SETTINGS_CA_BUNDLE,
    "remote.secret": texts.SETTINGS_SECRET,
    "desk.id": texts.SETTINGS_DESK_ID,
    "desk.services": texts.SETTINGS_SERVICES,
    "desk.privacy_timeout_s": texts.SETTINGS_PRIVACY_TIMEOUT,
}


def refusal_line(refusal: Refusal) -> str:
    """``Field: reason`` in the desk's language (a key the dialog has no field for as is)."""
    label = FIELD_OF_KEY.get(refusal.key)
    field = tr(label).replace("&", "").rstrip(":") if label else refusal.key
    reason = tr(texts.REFUSAL_REASONS[refusal.reason])
    if refusal.reason is Reason.OTHER:
        reason = reason.format(detail=refusal.detail)
    return f"{field}: {reason}"


class SettingsProblemsLabel(QLabel):
    """One line per problem, in red; empty when the settings can be saved."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(WRONG_STYLE)

    def show_refusals(self, found: Sequence[Refusal]) -> None:
        self.show_lines([refusal_line(refusal) for refusal in found])

    def show_lines(self, lines: Sequence[str]) -> None:
        self.setText("\n".join(lines))
