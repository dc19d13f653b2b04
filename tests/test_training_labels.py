# SPDX-License-Identifier: EUPL-1.2
"""The training menu's and F1's sample labels in the desk's language (the catalogue), and
free of grounds in every language."""

from __future__ import annotations

import io
import shutil
from typing import TYPE_CHECKING

import pytest
from babel.messages.pofile import read_po

from app.eligibility.embedded.rules import load_rules
from app.eligibility.embedded.rules.lint import revealing_words
from app.eligibility.embedded.sample_data import sample_citizens
from app.eligibility.wire import LocalizedText
from app.i18n import SAMPLE_FILE, extract_sample_labels, locale_dir, translations, update_catalogues
from app.language import Language
from app.resource_paths import rules_dir
from app.settings.config import Config, DeskSettings
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from tests.desk_support import MakeDesk


@pytest.fixture
def dutch_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install_language(qapp, Language.NL)


@pytest.mark.parametrize(
    ("language", "first", "outage"),
    [
        (Language.FR, "Tarif social — exemple 1", "Le service d'avis ne répond pas"),
        (Language.EN, "Reduced rate — example 1", "Advice service does not answer"),
    ],
)
def test_training_menu_labels_follow_the_desks_language(
    dutch_afterwards: QApplication,
    make_desk: MakeDesk,
    language: Language,
    first: str,
    outage: str,
) -> None:
    install_language(dutch_afterwards, language)
    desk = make_desk(Config(training=True, desk=DeskSettings(language=language)))
    menu = desk.window.training_menu
    assert menu is not None
    labels = [action.text() for action in menu.card_actions]
    assert labels[0] == first
    assert not [label for label in labels if "voorbeeld" in label]  # none left in Dutch
    assert outage in [action.text() for action in menu.problem_actions]
    desk.window.extras.show_help()
    dialog = desk.window.extras.help_dialog
    assert dialog is not None
    assert dialog.practice_label is not None
    assert f"  {first}" in dialog.practice_label.text()
    assert f"  {outage}" in dialog.practice_label.text()
    dialog.close()


def test_training_labels_never_name_a_list_or_a_status_in_any_language() -> None:
    lists = frozenset().union(*(rules.lists for rules in load_rules(rules_dir())))
    french, english = translations(Language.FR), translations(Language.EN)
    for citizen in sample_citizens():
        label = LocalizedText(
            nl=citizen.label, fr=french.gettext(citizen.label), en=english.gettext(citizen.label)
        )
        assert label.fr != citizen.label, citizen.label  # translated
        assert label.en != citizen.label, citizen.label
        assert revealing_words(label, lists) == [], label


def test_translations_update_takes_the_sample_labels(tmp_path: Path) -> None:
    shutil.copytree(locale_dir(), tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    (tmp_path / "code" / SAMPLE_FILE).parent.mkdir(parents=True)
    (tmp_path / "code" / SAMPLE_FILE).write_text(
        'lists = []\n[[citizens]]\nlabel = "Nieuw voorbeeld"\ninsz = "x"\nlists = []\n',
        encoding="utf-8",
    )
    update_catalogues(tmp_path / "code", tmp_path / "locale")
    with (tmp_path / "locale" / "fr" / "LC_MESSAGES" / "baliecheck.po").open("rb") as file:
        po = read_po(file, locale="fr")
    assert [entry.id for entry in po] == ["", "Nieuw voorbeeld"]


def test_sample_label_extraction_gives_each_label_and_its_line() -> None:
    source = (
        b'lists = []\n\n[[citizens]]\n# a comment\nlabel = "Een"\n[[citizens]]\nlabel = "Twee"\n'
    )
    found = [(line, label) for line, _f, label, _c in extract_sample_labels(io.BytesIO(source))]
    assert found == [(5, "Een"), (7, "Twee")]
