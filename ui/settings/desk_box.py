# SPDX-License-Identifier: EUPL-1.2
"""SettingsDeskBox: this desk's id, its services (and the default one), reader, language and
privacy timeout."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QWidget,
)

from app.language import Language
from app.settings.form import DESK_ID_MAX, TIMEOUT_MAX_S, TIMEOUT_MIN_S, DeskMode
from ui import texts
from ui.settings.backend_box import choose, labelled
from ui.texts import tr

if TYPE_CHECKING:
    from collections.abc import Sequence

    from app.settings.form import SettingsForm

# Each language by its own name, as language pickers do: not translated.
LANGUAGE_NAMES = {Language.NL: "Nederlands", Language.FR: "Français", Language.EN: "English"}
CODE_ROLE = Qt.ItemDataRole.UserRole


class SettingsDeskBox(QGroupBox):
    """The desk part of the settings; ``changed`` fires on every edit."""

    changed = Signal()

    def __init__(self, services: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        """``services``: the catalogue as (code, name in the desk's language)."""
        super().__init__(tr(texts.SETTINGS_DESK_BOX), parent)
        self._catalogue = list(services)
        self._training = True
        self._locked = False
        self.desk_id_field = QLineEdit()
        self.desk_id_field.setMaxLength(DESK_ID_MAX + 1)  # one more: "too long" gets said
        self.services_list = QListWidget()
        self.services_list.setToolTip(tr(texts.SERVICES_HINT))
        self.services_list.setMaximumHeight(110)
        self.default_combo = QComboBox()
        self.reader_combo = QComboBox()
        self.reader_combo.addItem(tr(texts.READER_AUTOMATIC), None)
        self.reader_note = QLabel()
        self.reader_note.setWordWrap(True)
        self.language_combo = QComboBox()
        for language, name in LANGUAGE_NAMES.items():
            self.language_combo.addItem(name, language)
        self.timeout_spin = QSpinBox()
        self.timeout_spin.setRange(TIMEOUT_MIN_S, TIMEOUT_MAX_S)
        self.timeout_spin.setSuffix(" s")
        self.timeout_spin.setToolTip(tr(texts.PRIVACY_TIMEOUT_HINT))
        form = QFormLayout(self)
        labelled(form, texts.SETTINGS_DESK_ID, self.desk_id_field)
        labelled(form, texts.SETTINGS_SERVICES, self.services_list)
        labelled(form, texts.SETTINGS_DEFAULT_SERVICE, self.default_combo)
        labelled(form, texts.SETTINGS_READER, self.reader_combo)
        form.addRow("", self.reader_note)
        labelled(form, texts.SETTINGS_LANGUAGE, self.language_combo)
        labelled(form, texts.SETTINGS_PRIVACY_TIMEOUT, self.timeout_spin)
        self.desk_id_field.textEdited.connect(lambda _text: self.changed.emit())
        self.services_list.itemChanged.connect(self._on_services_changed)
        for combo in (self.default_combo, self.reader_combo, self.language_combo):
            combo.activated.connect(lambda _index: self.changed.emit())
        self.timeout_spin.valueChanged.connect(lambda _value: self.changed.emit())

    # -- values ------------------------------------------------------------------------
    def show_form(self, form: SettingsForm) -> None:
        self.desk_id_field.setText(form.desk_id)
        known = {code for code, _name in self._catalogue}
        rows = self._catalogue + [(code, code) for code in form.services if code not in known]
        self.services_list.blockSignals(True)
        self.services_list.clear()
        for code, name in rows:
            item = QListWidgetItem(code if name == code else f"{name} ({code})")
            item.setData(CODE_ROLE, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = code in form.services
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.services_list.addItem(item)
        self.services_list.setCurrentRow(0)
        self.services_list.blockSignals(False)
        self._refresh_default(form.services[0] if form.services else None)
        if form.reader is not None:
            self._add_reader(form.reader)
        choose(self.reader_combo, form.reader)
        choose(self.language_combo, form.language)
        self.timeout_spin.setValue(form.privacy_timeout_s)

    def apply_to(self, form: SettingsForm) -> SettingsForm:
        checked = self.checked_services()
        default = self.default_combo.currentData()
        ordered = [default] if default in checked else []
        ordered += [code for code in checked if code != default]
        return replace(
            form,
            desk_id=self.desk_id_field.text(),
            services=tuple(ordered),
            reader=self.reader_combo.currentData(),
            language=Language(self.language_combo.currentData()),
            privacy_timeout_s=self.timeout_spin.value(),
        )

    def checked_services(self) -> list[str]:
        items = [self.services_list.item(row) for row in range(self.services_list.count())]
        return [
            str(item.data(CODE_ROLE))
            for item in items
            if item.checkState() is Qt.CheckState.Checked
        ]

    def show_readers(self, names: Sequence[str]) -> None:
        """The PC/SC readers found; the chosen one stays chosen (even when unplugged)."""
        chosen = self.reader_combo.currentData()
        for name in names:
            self._add_reader(name)
        choose(self.reader_combo, chosen)
        self.reader_note.setText("" if names else tr(texts.READERS_NONE))

    def show_reader_note(self, text: str) -> None:
        self.reader_note.setText(text)

    def set_mode(self, mode: DeskMode) -> None:
        """A reader can be chosen outside training only (training uses a simulated one)."""
        self._training = mode is DeskMode.TRAINING
        self.reader_combo.setEnabled(not self._training and not self._locked)
        if self._training:
            self.reader_note.setText(tr(texts.READER_TRAINING))

    def set_read_only(self) -> None:
        self._locked = True
        self.desk_id_field.setReadOnly(True)
        for widget in (
            self.services_list,
            self.default_combo,
            self.reader_combo,
            self.language_combo,
            self.timeout_spin,
        ):
            widget.setEnabled(False)

    # -- internals ---------------------------------------------------------------------
    def _add_reader(self, name: str) -> None:
        if self.reader_combo.findData(name) < 0:
            self.reader_combo.addItem(name, name)

    def _on_services_changed(self, _item: QListWidgetItem) -> None:
        self._refresh_default(self.default_combo.currentData())
        self.changed.emit()

    def _refresh_default(self, default: str | None) -> None:
        """The default-service choice offers the checked services only."""
        self.default_combo.clear()
        for row in range(self.services_list.count()):
            item = self.services_list.item(row)
            if item.checkState() is Qt.CheckState.Checked:
                self.default_combo.addItem(item.text(), item.data(CODE_ROLE))
        choose(self.default_combo, default)
