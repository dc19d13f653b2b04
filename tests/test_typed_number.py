# SPDX-License-Identifier: EUPL-1.2
"""A typed national number that is wrong says what is wrong: nothing typed, too short or
long, not digits, the check digits, or a birth date that cannot be."""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

import pytest
from PySide6.QtTest import QTest

from app.cli.context import EXIT_USAGE
from app.cli.main import main
from eid.insz import NumberDefect, number_defect
from ui.manual_entry_dialog import ManualEntryDialog

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

# 85.13.30-123.77: month 13, check digits right for it; 85.07.30-123.45: check digits wrong.
IMPOSSIBLE_DATE = "85133012377"
WRONG_CHECK = "85073012345"

CASES = [
    ("", NumberDefect.EMPTY, "er werd niets ingegeven", "nothing was typed"),
    ("8507301", NumberDefect.TOO_SHORT, "te kort, er zijn 11 cijfers nodig", "too short"),
    ("850730123456", NumberDefect.TOO_LONG, "te lang, er zijn 11 cijfers nodig", "too long"),
    ("85a73012345", NumberDefect.NOT_DIGITS, "het bevat iets anders dan cijfers", "digits"),
    (WRONG_CHECK, NumberDefect.CHECKSUM, "de controlecijfers kloppen niet", "check digits"),
    (IMPOSSIBLE_DATE, NumberDefect.DATE, "de geboortedatum in het nummer bestaat niet", "date"),
]


@pytest.mark.parametrize(("typed", "defect", "dutch", "english"), CASES)
def test_typed_number_check_says_what_is_wrong(
    typed: str, defect: NumberDefect, dutch: str, english: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert number_defect(typed) is defect
    for language, words in (("nl", dutch), ("en", english)):
        monkeypatch.setattr("sys.stdin", io.StringIO(typed + "\n"))
        out, err = io.StringIO(), io.StringIO()
        argv = ["--lang", language, "check", "--service", "lez-registratie", "--insz", "-"]
        assert main(argv, out=out, err=err) == EXIT_USAGE
        assert words in err.getvalue()
        assert "[INVALID_INSZ]" in err.getvalue()
        if typed:
            assert typed not in err.getvalue() + out.getvalue()
        if language == "nl" and defect is not NumberDefect.DATE:
            assert "datum" not in err.getvalue()  # the old words blamed "check digits or date"


def test_typed_number_dialog_tells_a_wrong_date_from_wrong_check_digits(qtbot: QtBot) -> None:
    dialog = ManualEntryDialog(None)
    qtbot.addWidget(dialog)
    QTest.keyClicks(dialog.number_field, IMPOSSIBLE_DATE)
    assert dialog.feedback_label.text() == (
        "Dit nummer klopt niet: de geboortedatum erin bestaat niet"
    )
    assert not dialog.ok_button.isEnabled()
    dialog.number_field.clear()
    QTest.keyClicks(dialog.number_field, WRONG_CHECK)
    assert dialog.feedback_label.text() == "Dit nummer klopt niet (controlegetal)"
    dialog.number_field.clear()
    assert dialog.feedback_label.text() == "Nog 11 cijfers"
