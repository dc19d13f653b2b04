# SPDX-License-Identifier: EUPL-1.2
"""One gettext catalogue per language: complete, placeholders intact, plural forms, and used
by the command line (its help and argparse's errors too) and by the desk."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no screen here; before any QApplication

import argparse
import ast
import datetime as dt
import gettext
import re
import shutil
import string
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from babel.messages.extract import extract, extract_from_dir
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication

from app.cli.main import main
from app.desk.app import DeskApp
from app.desk.startup import with_language
from app.i18n import (
    ARGPARSE_DOMAIN,
    DOMAIN,
    KEYWORDS,
    SAMPLE_FILE,
    SOURCE_PACKAGES,
    compile_catalogues,
    extract_sample_labels,
    locale_dir,
    update_catalogues,
)
from app.language import Language, language_override
from app.problem_texts import problem_text
from app.problems import Problem
from app.settings.config import load_config
from eid.card_profiles import synthetic_number
from ui import texts
from ui.desk_session import DeskSession
from ui.translations import install_language

if TYPE_CHECKING:
    from collections.abc import Iterator

    from babel.messages.catalog import Catalog
    from PySide6.QtWidgets import QApplication
    from pytestqt.qtbot import QtBot

ROOT = Path(__file__).resolve().parents[1]
TRANSLATED = (Language.FR, Language.EN)
WAITING_FR = "Insérez la carte eID dans le lecteur"
BRACES = string.Formatter()
PERCENT = re.compile(r"%(?:\([a-z_]+\))?[sdr%]")

MessageKey = tuple[str | None, str | tuple[str, ...]]  # (msgctxt, msgid or (singular, plural))


def extracted() -> dict[MessageKey, str]:
    """Every msgid in our code (app, ui, eid) and the sample citizens' labels, with where it
    was first found."""
    found: dict[MessageKey, str] = {}
    for package in SOURCE_PACKAGES:
        for name, line, message, _comments, context in extract_from_dir(
            ROOT / package, [("**.py", "python")], keywords=KEYWORDS
        ):
            found.setdefault((context, message), f"{package}/{name}:{line}")
    with (ROOT / SAMPLE_FILE).open("rb") as sample:
        for line, _function, label, _comments in extract_sample_labels(sample):
            found.setdefault((None, label), f"{SAMPLE_FILE}:{line}")
    return found


def catalogue(language: Language, domain: str = DOMAIN) -> Catalog:
    return catalogue_at(locale_dir(), language, domain)


def catalogue_at(directory: Path, language: Language, domain: str = DOMAIN) -> Catalog:
    with (directory / language / "LC_MESSAGES" / f"{domain}.po").open("rb") as po:
        return read_po(po, locale=language.value)


def placeholders(text: str) -> set[str]:
    """``{name}`` fields and ``%s``/``%(name)s`` conversions."""
    fields = {f"{{{name}}}" for _lit, name, _spec, _conv in BRACES.parse(text) if name is not None}
    return fields | set(PERCENT.findall(text))


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_every_msgid_in_the_code_has_a_translation(language: Language) -> None:
    po = catalogue(language)
    for (context, message), where in extracted().items():
        msgid = message[0] if isinstance(message, tuple) else message
        entry = po.get(msgid, context=context)
        assert entry is not None, f"{language}: no entry for {message!r} ({where})"
        assert not entry.fuzzy, f"{language}: {msgid!r} is fuzzy"
        if isinstance(message, tuple):
            assert isinstance(entry.string, tuple), f"{language}: {msgid!r} is not a plural entry"
            assert len(entry.string) == po.num_plurals, f"{language}: {msgid!r} lacks a form"
            assert all(form.strip() for form in entry.string), f"{language}: {msgid!r}"
        else:
            assert isinstance(entry.string, str), f"{language}: {msgid!r} has plural forms"
            assert entry.string.strip(), f"{language}: {msgid!r} is not translated ({where})"


def test_translations_no_msgid_hides_inside_an_f_string() -> None:
    """Babel's extractor does not look inside f-strings (Python 3.11 gives one token), so a
    message written there reaches no catalogue and stays Dutch in every language."""
    hidden = []
    for package in SOURCE_PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if not isinstance(node, ast.JoinedStr):
                    continue
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and _called_name(inner) in KEYWORDS
                        and inner.args
                        and isinstance(inner.args[0], ast.Constant)
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not hidden, f"translate outside the f-string: {hidden}"


def _called_name(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


@pytest.mark.parametrize("language", TRANSLATED)
def test_translations_every_entry_is_still_used(language: Language) -> None:
    used = {message[0] if isinstance(message, tuple) else message for _c, message in extracted()}
    stale = [entry.id for entry in catalogue(language) if entry.id and _singular(entry) not in used]
    assert not stale, f"{language}: entries no code uses any more: {stale}"


@pytest.mark.parametrize(
    ("language", "domain"),
    [(Language.FR, DOMAIN), (Language.EN, DOMAIN), (Language.NL, ARGPARSE_DOMAIN)]
    + [(Language.FR, ARGPARSE_DOMAIN)],
)
def test_translations_keep_the_placeholders_of_the_source(language: Language, domain: str) -> None:
    for entry in catalogue(language, domain):
        if not entry.id:
            continue
        if isinstance(entry.id, str):
            assert isinstance(entry.string, str)
            assert placeholders(entry.string) == placeholders(entry.id), entry.id
            continue
        singular, plural = entry.id[0], entry.id[1]
        forms = entry.string
        assert isinstance(forms, tuple | list), entry.id
        # The last form is "many" in both languages; a singular may leave the count out.
        assert placeholders(forms[-1]) == placeholders(plural), entry.id
        for form in forms:
            assert placeholders(form) <= placeholders(singular) | placeholders(plural), entry.id


def test_translations_placeholder_check_sees_a_changed_name() -> None:
    assert placeholders("{count} records ({first})") != placeholders("{count} records ({eerste})")
    assert placeholders("%(prog)s: error: %(message)s") == {"%(prog)s", "%(message)s"}


@pytest.mark.parametrize("language", [Language.NL, Language.FR])
def test_translations_cover_every_word_of_argparse(language: Language) -> None:
    po = catalogue(language, ARGPARSE_DOMAIN)
    with Path(argparse.__file__).open("rb") as source:
        words = extract("python", source, keywords={"_": None, "ngettext": (1, 2)})
        for _line, message, _comments, _context in words:
            msgid = message[0] if isinstance(message, tuple) else message
            entry = po.get(msgid)
            assert entry is not None, f"{language}: argparse's {msgid!r}"
            assert entry.string, f"{language}: argparse's {msgid!r}"


def test_translations_compile_to_catalogues_gettext_reads(tmp_path: Path) -> None:
    shutil.copytree(locale_dir(), tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    compiled = compile_catalogues(tmp_path / "locale")
    assert {path.relative_to(tmp_path / "locale").as_posix() for path in compiled} >= {
        "fr/LC_MESSAGES/baliecheck.mo",
        "en/LC_MESSAGES/baliecheck.mo",
        "nl/LC_MESSAGES/argparse.mo",
    }
    french = gettext.translation(DOMAIN, tmp_path / "locale", languages=["fr"])
    assert french.gettext(texts.WAITING) == WAITING_FR
    english = gettext.translation(DOMAIN, tmp_path / "locale", languages=["en"])
    assert english.ngettext("Nog {count} cijfer", "Nog {count} cijfers", 1) == "{count} more digit"


def test_translations_update_adds_new_msgids_and_keeps_the_header(tmp_path: Path) -> None:
    shutil.copytree(locale_dir(), tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    for package in SOURCE_PACKAGES:
        (tmp_path / "code" / package).mkdir(parents=True)
    new = 'N_("Nieuwe tekst {name}")\nngettext("{count} rij", "{count} rijen", count)\n'
    (tmp_path / "code" / "app" / "new.py").write_text(new, encoding="utf-8")
    shipped = (locale_dir() / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po").read_text(encoding="utf-8")
    updated = update_catalogues(tmp_path / "code", tmp_path / "locale")
    assert len(updated) == len(TRANSLATED)
    text = (tmp_path / "locale" / "fr" / "LC_MESSAGES" / f"{DOMAIN}.po").read_text("utf-8")
    assert text.split("\n\n")[0] == shipped.split("\n\n")[0]
    po = catalogue_at(tmp_path / "locale", Language.FR)
    assert [entry.id for entry in po] == [
        "",
        "Nieuwe tekst {name}",
        ("{count} rij", "{count} rijen"),
    ]  # the code's msgids only, the gone ones dropped
    entry = po.get("Nieuwe tekst {name}")
    assert entry is not None
    assert entry.string == ""  # for a translator


# -- the command line ------------------------------------------------------------------
def test_translations_help_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--lang", "fr", "--help"])
    assert done.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("utilisation : baliecheck")
    assert "afficher cette aide et quitter" in out  # argparse's own words
    assert "lire l'eID insérée et vérifier son authenticité" in out  # ours
    assert "show this help" not in out
    assert "de ingestoken eID lezen" not in out


def test_translations_usage_error_in_the_environments_language(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BALIECHECK_LANG", "fr")
    with pytest.raises(SystemExit) as done:
        main(["audit", "export", "--from", "gisteren", "--to", "2026-01-02"])
    assert done.value.code == 2
    err = capsys.readouterr().err
    assert "baliecheck audit export : erreur : argument --from : une date s'écrit AAAA-MM-JJ" in err


def test_translations_usage_error_in_dutch_by_default(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["sources"])
    err = capsys.readouterr().err
    assert err.startswith("gebruik: baliecheck sources")
    assert "baliecheck sources: fout: deze argumenten zijn verplicht: {import,list}" in err


def test_translations_lang_wins_over_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("BALIECHECK_LANG", "fr")
    with pytest.raises(SystemExit):
        main(["--lang", "en", "sources"])
    assert "the following arguments are required: {import,list}" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [("nl", "1 rij,", "2 rijen,"), ("fr", "1 ligne,", "2 lignes,"), ("en", "1 row,", "2 rows,")],
)
def test_translations_count_rows_in_the_right_form(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str, one: str, two: str
) -> None:
    for count in (1, 2):
        numbers = [synthetic_number(dt.date(1911 + i, 1, 1), 990 + i) for i in range(count)]
        listed = tmp_path / "l.csv"
        listed.write_text("insz\n" + "".join(f"{n}\n" for n in numbers), encoding="utf-8")
        assert main(["--lang", language, "sources", "import", "leefloon", str(listed)]) == 0
        assert (one if count == 1 else two) in capsys.readouterr().out


def _singular(entry: object) -> str:
    msgid = getattr(entry, "id", "")
    return msgid[0] if isinstance(msgid, tuple) else str(msgid)


# -- the desk ----------------------------------------------------------------------------
@pytest.fixture
def dutch_afterwards(qapp: QApplication) -> Iterator[QApplication]:
    yield qapp
    install_language(qapp, Language.NL)


def test_translations_language_precedence() -> None:
    assert language_override("fr", {"BALIECHECK_LANG": "en"}) is Language.FR
    assert language_override(None, {"BALIECHECK_LANG": "en"}) is Language.EN
    assert language_override(None, {}) is None  # the configuration decides
    assert language_override("de", {}) is None


def test_translations_install_language_switches_words_and_qt(
    dutch_afterwards: QApplication,
) -> None:
    install_language(dutch_afterwards, Language.EN)
    assert texts.tr(texts.WAITING) == "Insert the eID card into the reader"
    assert texts.pending(1) == "1 decision waiting to be sent"
    install_language(dutch_afterwards, Language.FR)
    assert texts.tr(texts.WAITING) == WAITING_FR
    assert texts.pending(2) == "2 décisions en attente d'envoi"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuler"  # Qt's own
    words = texts.problem_words(Problem.NO_READER)
    assert words == problem_text(Problem.NO_READER, Language.FR)
    install_language(dutch_afterwards, Language.NL)
    assert texts.tr(texts.WAITING) == texts.WAITING
    assert texts.pending(1) == "1 beslissing wacht op verzending"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Annuleren"


@pytest.mark.parametrize(("in_file", "flag"), [("fr", None), ("nl", "fr")])
def test_translations_desk_shows_french(
    dutch_afterwards: QApplication,
    qtbot: QtBot,
    tmp_path: Path,
    in_file: str,
    flag: str | None,
) -> None:
    """``[desk] language = "fr"``, or ``--lang fr`` over a Dutch file: a French desk."""
    path = Path(os.environ["BALIECHECK_CONFIG"])
    path.write_text(f'training = true\n[desk]\nlanguage = "{in_file}"\n', encoding="utf-8")
    override = language_override(flag)
    config = with_language(load_config(), override)  # as the desk's start does
    install_language(dutch_afterwards, config.desk.language)
    session = DeskSession(
        dutch_afterwards,
        DeskApp.start(config, tmp_path / "data"),
        data_dir=tmp_path / "data",
        language=override,
    )
    try:
        window = session.show()
        qtbot.addWidget(window)
        assert window.waiting_view.title_label.text() == WAITING_FR
        assert window.training_banner is not None
        assert window.training_banner.text() == "MODE EXERCICE — pas de vraies données"
        # A restart after the settings were saved keeps what the command line chose.
        restarted = session._start(load_config())  # noqa: SLF001 - the restart's own step
        assert restarted.config.desk.language is Language.FR
        restarted.stop()
        window.close()
    finally:
        session.stop()


def _help_texts(parser: argparse.ArgumentParser) -> list[str]:
    """Every help text of ``parser`` and its subcommands, as the code writes them."""
    texts = [parser.description or ""]
    for action in parser._actions:  # noqa: SLF001 - argparse has no public list
        if action.help and action.help is not argparse.SUPPRESS:
            texts.append(action.help)
        if isinstance(action, argparse._SubParsersAction):  # noqa: SLF001
            texts += [choice.help or "" for choice in action._choices_actions]  # noqa: SLF001
            for subparser in action.choices.values():
                texts += _help_texts(subparser)
    return [text for text in texts if text]


def test_translations_every_help_text_of_the_command_line_is_in_the_catalogue() -> None:
    """A help text written in English (or not marked N_) would stay untranslated in --help."""
    from app.cli.main import _build_parser  # without argparse_words: its own words as msgids

    known = {entry.id for entry in catalogue(Language.FR) if entry.id}
    known |= {entry.id for entry in catalogue(Language.FR, "argparse") if entry.id}
    missing = [text for text in _help_texts(_build_parser(Language.NL)) if text not in known]
    assert not missing, f"help texts not in the catalogue (mark them N_, in Dutch): {missing}"
