# SPDX-License-Identifier: EUPL-1.2
"""The desk's words: Dutch UI strings, problem words and labels, through Qt's translation hook.

Every string goes through ``tr`` (``QCoreApplication.translate`` with the Dutch text as the
source), so the French or English ``.qm`` that ui.translations installs takes over without
code changes. Without one, problem words in French and English come from app.problem_texts'
table. ui.translation_catalog lists these strings for the ``.ts`` files.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.desk_state import Phase, ReaderState
from app.eligibility.wire import ReasonCode
from app.language import Language
from app.problem_text import ProblemText
from app.problem_texts import problem_text

if TYPE_CHECKING:
    import datetime as dt

    from app.eligibility.wire import LocalizedText
    from app.problems import Problem

CONTEXT = "baliecheck"
PROBLEM_CONTEXT = "Problem"

APP_TITLE = "baliecheck — {service}"
TRAINING_BANNER = "OEFENMODUS — geen echte gegevens"
SERVICE_CAPTION = "Dienst:"
TRAINING_MENU = "&Oefenen"
INSERT_CARD_MENU = "Kaart &insteken"
REMOVE_CARD = "Kaart &uitnemen"
MANUAL_ENTRY_BUTTON = "Nummer intypen (F2)"
OVERRIDE_BUTTON = "Afwijken van advies (Ctrl+O)"
CLEAR_BUTTON = "Wissen (Esc)"
MANUAL_DECISION_BUTTON = "Manueel beslissen"
MANUAL_DECISION_TIP = "Beslis zelf, met een reden die wordt geregistreerd"
NO_NUMBER_HINT = "Geen nummer bekend: typ het rijksregisternummer in (F2) om toch advies te vragen."

WAITING = "Steek de eID-kaart in de lezer"
WAITING_HINT = "Chip naar boven. Geen kaart? Typ het rijksregisternummer in (F2)."
READING = "Kaart wordt gelezen…"
ASKING = "Advies wordt opgevraagd…"
DO_NOT_REMOVE = "Laat de kaart in de lezer."

APPLY = "Toepassen: {detail}"
DATA_OF = "gegevens van {date}"
DATA_DATE_UNKNOWN = "datum van de gegevens onbekend"
MASKED_NUMBER = "Nummer: {masked}"
CHANNEL_MANUAL = "Nummer manueel ingevoerd"
ELIGIBLE_SYMBOL = "✔"
STANDARD_SYMBOL = "—"
PROBLEM_SYMBOL = "⚠"

RECORDED = "✔ Geregistreerd: {outcome}"
SEND_LATER = "wordt later verzonden"
RECORD_FAILED_TITLE = "Niet geregistreerd"
RECORD_FAILED = "De beslissing is NIET geregistreerd."
UNEXPECTED_FAILURE = "Er liep iets onverwacht mis. Meld dit aan de informaticadienst."

MANUAL_ENTRY_TITLE = "Rijksregisternummer intypen"
MANUAL_ENTRY_PROMPT = "Rijksregisternummer of BIS-nummer (11 cijfers):"
NUMBER_MORE_DIGITS = "Nog {count} cijfer(s)"
NUMBER_TOO_LONG = "Te veel cijfers"
NUMBER_INVALID = "Dit nummer klopt niet (controlegetal)"
NUMBER_VALID = "✔ Geldig nummer"
ASK_BUTTON = "Advies vragen"
CANCEL_BUTTON = "Annuleren"

OVERRIDE_TITLE = "Afwijken van het advies"
MANUAL_DECISION_TITLE = "Manueel beslissen"
ADVISED = "Advies: {label}"
NO_ADVICE = "Er is geen advies. Beslis op basis van de getoonde documenten."
OUTCOME_CAPTION = "Toe te passen:"
REASON_CAPTION = "Reden:"
REASON_TEXT_CAPTION = "Toelichting:"
CHOOSE_OUTCOME = "Kies wat u toepast…"
CHOOSE_REASON = "Kies een reden…"
REASON_HINT = (
    "Minstens 10 tekens. Schrijf geen gevoelige gegevens (gezondheid, schulden, "
    "rijksregisternummer): alleen wat de beslissing verklaart."
)
REASON_MORE_CHARS = "Nog {count} teken(s)"
REASON_OK = "✔"
REASON_TOO_LONG = "Te lang: hoogstens {count} tekens"
CONFIRM_BUTTON = "Bevestigen en registreren"

READER_STATE = {
    ReaderState.READY: "Kaartlezer: klaar",
    ReaderState.NO_READER: "Kaartlezer: niet gevonden",
    ReaderState.SERVICE_DOWN: "Kaartlezer: dienst draait niet",
}
BACKEND_STATE = {
    "ok": "Adviesdienst: bereikbaar",
    "degraded": "Adviesdienst: beperkt",
    "unreachable": "Adviesdienst: onbereikbaar",
    "unknown": "Adviesdienst: onbekend",
}
PENDING = "{count} beslissing(en) wachten op verzending"
NOTHING_PENDING = "Alle beslissingen verzonden"

REASON_LABELS = {
    ReasonCode.DATA_OUTDATED: "Gegevens zijn verouderd",
    ReasonCode.RECENT_MOVE: "Recent verhuisd",
    ReasonCode.FAMILY_SITUATION: "Bijzondere gezinssituatie",
    ReasonCode.DOCUMENT_SHOWN: "Bewijsstuk getoond",
    ReasonCode.SOCIAL_WORKER_REFERRAL: "Doorverwezen door maatschappelijk werker",
    ReasonCode.ADVICE_UNAVAILABLE: "Geen advies beschikbaar",
    ReasonCode.OTHER: "Andere reden",
}

PHASE_TITLES = {Phase.WAITING: WAITING, Phase.READING: READING, Phase.ASKING: ASKING}


def tr(source: str) -> str:
    """The Dutch source text, or its translation once a Qt translator is installed."""
    return QCoreApplication.translate(CONTEXT, source)


def problem_words(problem: Problem, language: Language = Language.NL) -> ProblemText:
    """What happened and what to do, in the desk's language.

    The Dutch table text is the translation source; a Qt translator wins when one is
    installed, else French and English come from the table.
    """
    dutch = problem_text(problem, Language.NL)
    what = QCoreApplication.translate(PROBLEM_CONTEXT, dutch.what)
    next_step = QCoreApplication.translate(PROBLEM_CONTEXT, dutch.next_step)
    if language is Language.NL or (what, next_step) != (dutch.what, dutch.next_step):
        return ProblemText(what, next_step)
    return problem_text(problem, language)


def localized(text: LocalizedText, language: Language = Language.NL) -> str:
    """The text in ``language``, else the Dutch the contract always carries."""
    chosen: str | None = getattr(text, language.value, None)
    return chosen or text.nl


def format_date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")
