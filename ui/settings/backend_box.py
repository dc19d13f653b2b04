# SPDX-License-Identifier: EUPL-1.2
"""SettingsBackendBox: where advice comes from (mode, backend address, sign-in, CA bundle).

The secret field is a password field that starts empty: it shows only whether a secret
is stored ("opgeslagen" / "niet ingesteld"), never the stored value. What the admin types
there is handed to the keyring on save and cleared from the field when the dialog closes.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from app.settings.config import AuthKind
from app.settings.file import secret_for
from app.settings.form import DeskMode
from ui import texts
from ui.texts import tr

if TYPE_CHECKING:
    from app.settings.credentials import SecretName
    from app.settings.form import SettingsForm


def labelled(form: QFormLayout, text: str, field: QWidget) -> QLabel:
    """A row whose label's letter (``&``) jumps to ``field`` (its buddy)."""
    label = QLabel(tr(text))
    label.setBuddy(field)
    form.addRow(label, field)
    return label


def choose(combo: QComboBox, value: object) -> None:
    """Select the item whose data is ``value`` (the first item when none is)."""
    combo.setCurrentIndex(max(0, combo.findData(value)))


class SettingsBackendBox(QGroupBox):
    """The backend part of the settings; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr(texts.SETTINGS_BACKEND_BOX), parent)
        self._stored: frozenset[SecretName] | None = None
        self._secret_unknown = False
        self._locked = False
        self.mode_combo = QComboBox()
        for mode, label in texts.MODE_LABELS.items():
            self.mode_combo.addItem(tr(label), mode)
        self.url_field = QLineEdit()
        self.url_field.setPlaceholderText("https://advies.gemeente.example")
        self.auth_combo = QComboBox()
        for kind, label in texts.AUTH_LABELS.items():
            self.auth_combo.addItem(tr(label), kind)
        self.token_url_field = QLineEdit()
        self.client_id_field = QLineEdit()
        self.scope_field = QLineEdit()
        self.secret_field = QLineEdit()
        self.secret_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.secret_field.setToolTip(tr(texts.SECRET_HINT))
        self.ca_bundle_field = QLineEdit()
        self.ca_bundle_field.setPlaceholderText(tr(texts.CA_BUNDLE_PLACEHOLDER))
        self.browse_button = QPushButton(tr(texts.BROWSE_BUTTON))
        self.browse_button.clicked.connect(self._on_browse)
        self._lay_out()
        for field in self._line_fields():
            field.textEdited.connect(lambda _text: self.changed.emit())
        for combo in (self.mode_combo, self.auth_combo):
            combo.currentIndexChanged.connect(self._on_choice_changed)

    def _lay_out(self) -> None:
        form = QFormLayout(self)
        labelled(form, texts.SETTINGS_MODE, self.mode_combo)
        labelled(form, texts.SETTINGS_BASE_URL, self.url_field)
        labelled(form, texts.SETTINGS_AUTH, self.auth_combo)
        self._oauth_labels = [
            labelled(form, texts.SETTINGS_TOKEN_URL, self.token_url_field),
            labelled(form, texts.SETTINGS_CLIENT_ID, self.client_id_field),
            labelled(form, texts.SETTINGS_SCOPE, self.scope_field),
        ]
        self._secret_label = labelled(form, texts.SETTINGS_SECRET, self.secret_field)
        bundle = QHBoxLayout()
        bundle.addWidget(self.ca_bundle_field, 1)
        bundle.addWidget(self.browse_button)
        bundle_label = QLabel(tr(texts.SETTINGS_CA_BUNDLE))
        bundle_label.setBuddy(self.ca_bundle_field)
        form.addRow(bundle_label, bundle)

    def _line_fields(self) -> tuple[QLineEdit, ...]:
        return (
            self.url_field,
            self.token_url_field,
            self.client_id_field,
            self.scope_field,
            self.secret_field,
            self.ca_bundle_field,
        )

    # -- values ------------------------------------------------------------------------
    def show_form(self, form: SettingsForm) -> None:
        choose(self.mode_combo, form.mode)
        choose(self.auth_combo, form.auth)
        self.url_field.setText(form.base_url)
        self.token_url_field.setText(form.token_url)
        self.client_id_field.setText(form.client_id)
        self.scope_field.setText(form.scope)
        self.ca_bundle_field.setText(form.ca_bundle)
        self._refresh()

    def apply_to(self, form: SettingsForm) -> SettingsForm:
        return replace(
            form,
            mode=self.mode(),
            base_url=self.url_field.text(),
            auth=self.auth(),
            token_url=self.token_url_field.text(),
            client_id=self.client_id_field.text(),
            scope=self.scope_field.text(),
            ca_bundle=self.ca_bundle_field.text(),
        )

    def mode(self) -> DeskMode:
        return DeskMode(self.mode_combo.currentData())

    def auth(self) -> AuthKind:
        # Qt hands item data back as a plain str: the enum is made again here.
        return AuthKind(self.auth_combo.currentData())

    def typed_secret(self) -> str:
        """A secret typed in this dialog ("" when none: the stored one stays)."""
        if self.mode() is not DeskMode.REMOTE or self.auth() is AuthKind.NONE:
            return ""
        return self.secret_field.text()

    def forget_secret(self) -> None:
        self.secret_field.clear()

    def show_stored_secrets(self, stored: frozenset[SecretName] | None) -> None:
        """Which secrets the keyring holds; None: the keyring could not be asked."""
        self._stored = stored
        self._secret_unknown = stored is None
        self._refresh()

    def set_read_only(self) -> None:
        """Locked by IT: values stay readable, nothing can be changed."""
        self._locked = True
        for field in self._line_fields():
            field.setReadOnly(True)
        self._refresh()

    # -- presenting --------------------------------------------------------------------
    def _on_choice_changed(self) -> None:
        self._refresh()
        self.changed.emit()

    def _refresh(self) -> None:
        remote = self.mode() is DeskMode.REMOTE
        auth = self.auth()
        oauth = remote and auth is AuthKind.OAUTH2
        editable = not self._locked
        self.mode_combo.setEnabled(editable)
        self.auth_combo.setEnabled(remote and editable)
        self.browse_button.setEnabled(remote and editable)
        for field in (self.url_field, self.ca_bundle_field):
            field.setEnabled(remote)
        for field in (self.token_url_field, self.client_id_field, self.scope_field):
            field.setEnabled(oauth)
        self.secret_field.setEnabled(remote and auth is not AuthKind.NONE and editable)
        self.secret_field.setPlaceholderText(self._secret_status(auth))

    def _secret_status(self, auth: AuthKind) -> str:
        name = secret_for(auth)
        if name is None:
            return ""
        if self._secret_unknown:
            return tr(texts.SECRET_UNKNOWN)
        if self._stored is None:
            return tr(texts.SECRET_CHECKING)
        return tr(texts.SECRET_STORED if name in self._stored else texts.SECRET_NOT_SET)

    def _on_browse(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            tr(texts.SETTINGS_CA_BUNDLE).replace("&", "").rstrip(":"),
            self.ca_bundle_field.text(),
            "PEM (*.pem *.crt *.cer);;* (*)",
        )
        if path:
            self.ca_bundle_field.setText(path)
            self.changed.emit()
