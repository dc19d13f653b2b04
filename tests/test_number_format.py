# SPDX-License-Identifier: EUPL-1.2
"""The number field formats as staff type (JJ.MM.DD-XXX.CC)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtTest import QTest

from tests.desk_support import CITIZENS
from ui.manual_entry_dialog import ManualEntryDialog
from ui.number_format import format_partial

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("", ""),
        ("8", "8"),
        ("85", "85"),
        ("850", "85.0"),
        ("850730", "85.07.30"),
        ("8507300", "85.07.30-0"),
        ("850730033", "85.07.30-033"),
        ("85073003328", "85.07.30-033.28"),
        ("85.07.30-033.28", "85.07.30-033.28"),
        ("85 07 30 033 28", "85.07.30-033.28"),
        ("850730033281", "85.07.30-033.281"),  # too many: kept, so the field says so
    ],
)
def test_number_format_groups_the_digits_as_typed(typed: str, shown: str) -> None:
    assert format_partial(typed) == shown


def test_manual_entry_field_formats_as_typed(qtbot: QtBot) -> None:
    dialog = ManualEntryDialog(None)
    qtbot.addWidget(dialog)
    digits = CITIZENS[0].national_number.digits
    QTest.keyClicks(dialog.number_field, digits)
    assert dialog.number_field.text() == format_partial(digits)
    assert dialog.ok_button.isEnabled()
    number = dialog.take_number()
    assert number is not None
    assert number.digits == digits
