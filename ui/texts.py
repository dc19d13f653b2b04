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

from app.desk.state import Phase, ReaderState
from app.eligibility.wire import ReasonCode
from app.language import Language
from app.problem_texts import problem_text
from app.problem_texts.text import ProblemText
from app.settings.config import AuthKind
from app.settings.form import DeskMode, Reason

if TYPE_CHECKING:
    import datetime as dt

    from app.eligibility.wire import LocalizedText
    from app.problems import Problem

CONTEXT = "baliecheck"
PROBLEM_CONTEXT = "Problem"

APP_TITLE = "baliecheck — {service}"
TRAINING_BANNER = "OEFENMODUS — geen echte gegevens"
ACCEPTANCE_BANNER = "TESTKAARTEN TOEGELATEN — niet voor burgers"
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
# An uncaught failure (ui.failure_presenter): the screen is cleared, no verdict stands.
FAILURE_TITLE = "Onverwachte fout"
FAILURE_WHAT = "Er liep iets onverwacht mis. Het scherm is gewist: er is geen advies."
FAILURE_NEXT = (
    "Probeer opnieuw: steek de kaart opnieuw in of typ het nummer in (F2). Lukt het niet, "
    "noteer de beslissing op papier en meld het aan de informaticadienst."
)
PART_STOPPED_WHAT = (
    "Een onderdeel van baliecheck is onverwacht gestopt. Het scherm is gewist: er is geen advies."
)
PART_STOPPED_NEXT = (
    "Sluit baliecheck en start het opnieuw. Noteer intussen de beslissingen op papier en "
    "meld het aan de informaticadienst."
)
# No catalogue: the backend was never reached, so the service's outcomes are not known.
NO_OUTCOMES_TITLE = "Geen uitkomsten bekend"
NO_OUTCOMES_HINT = (
    "Manueel beslissen kan hier niet: de mogelijke uitkomsten van deze dienst zijn niet "
    "bekend (de adviesdienst werd nog niet bereikt). Noteer de beslissing op papier."
)

MANUAL_ENTRY_TITLE = "Rijksregisternummer intypen"
MANUAL_ENTRY_PROMPT = "Rijksregisternummer of BIS-nummer (11 cijfers):"
NUMBER_MORE_DIGITS = "Nog {count} cijfer(s)"
NUMBER_TOO_LONG = "Te veel cijfers"
NUMBER_INVALID = "Dit nummer klopt niet (controlegetal)"
NUMBER_DATE = "Dit nummer klopt niet: de geboortedatum erin bestaat niet"
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
    ReaderState.SERVICE_MISSING: "Kaartlezer: PC/SC-dienst niet geïnstalleerd",
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

# The settings dialog (Beheer → Instellingen…); "&" marks each field's keyboard letter.
ADMIN_MENU = "&Beheer"
SETTINGS_ACTION = "&Instellingen…"
SETTINGS_TITLE = "Instellingen"
SETTINGS_BACKEND_BOX = "Adviesdienst"
SETTINGS_DESK_BOX = "Balie"
SETTINGS_MODE = "&Werkwijze:"
MODE_LABELS = {
    DeskMode.TRAINING: "Oefenmodus (voorbeeldgegevens, gesimuleerde lezer)",
    DeskMode.EMBEDDED: "Lijsten op deze pc (ingebouwd)",
    DeskMode.REMOTE: "Adviesdienst van de gemeente (server)",
}
SETTINGS_BASE_URL = "&Adres adviesdienst:"
SETTINGS_AUTH = "Aan&melding:"
AUTH_LABELS = {
    AuthKind.NONE: "Geen (alleen voor een dienst op deze pc)",
    AuthKind.BEARER: "Toegangstoken (bearer)",
    AuthKind.OAUTH2: "OAuth2 met clientgegevens (client credentials)",
}
SETTINGS_TOKEN_URL = "Tok&en-adres:"
SETTINGS_CLIENT_ID = "&Client-id:"
SETTINGS_SCOPE = "Sco&pe (bereik):"
SETTINGS_SECRET = "&Geheim:"
SECRET_STORED = "opgeslagen"
SECRET_NOT_SET = "niet ingesteld"
SECRET_CHECKING = "wordt nagekeken…"
SECRET_UNKNOWN = "onbekend (sleutelopslag niet bereikbaar)"
SECRET_HINT = (
    "Het token of clientgeheim staat in de sleutelopslag van het systeem, nooit in het "
    "bestand. Typ alleen iets om het te vervangen."
)
SETTINGS_CA_BUNDLE = "CA-b&undel:"
CA_BUNDLE_PLACEHOLDER = "leeg: alleen de vertrouwde certificaten van het systeem"
BROWSE_BUTTON = "B&laderen…"
TEST_CONNECTION_BUTTON = "&Verbinding testen"
CONNECTION_TESTING = "Verbinding wordt getest…"
CONNECTION_OK = "✔ De adviesdienst is bereikbaar en aanvaardt de aanmelding ({count} dienst(en))."
CONNECTION_OK_OPEN = "✔ De adviesdienst is bereikbaar."
CONNECTION_DEGRADED = "De adviesdienst is bereikbaar, maar meldt dat ze beperkt werkt."
CONNECTION_FAILED = "✘ Verbinding mislukt: {what}"
SETTINGS_DESK_ID = "Balie-&id:"
SETTINGS_SERVICES = "&Diensten:"
SERVICES_HINT = "Spatie vinkt een dienst aan of uit."
SETTINGS_DEFAULT_SERVICE = "&Standaarddienst:"
SETTINGS_READER = "&Kaartlezer:"
READER_AUTOMATIC = "Automatisch (de lezer waarin een kaart steekt)"
READER_TRAINING = "In oefenmodus werkt de balie met een gesimuleerde lezer."
READERS_LOOKING = "Kaartlezers worden opgezocht…"
READERS_NONE = "Geen kaartlezer gevonden. Sluit er een aan, of kies Automatisch."
SETTINGS_LANGUAGE = "&Taal:"
SETTINGS_PRIVACY_TIMEOUT = "Scherm wissen &na:"
PRIVACY_TIMEOUT_HINT = "Zonder handeling wist de balie het resultaat na zoveel seconden (5–3600)."
SAVE_BUTTON = "&Opslaan"
SAVING = "Wordt opgeslagen…"
SETTINGS_LOCKED = "Deze instellingen worden beheerd door uw IT-dienst ({path})"
SETTINGS_UNREADABLE = "Het instellingenbestand kan niet gelezen worden: {what}"
SAVE_FAILED = "Niet opgeslagen: {what}"
REFUSAL_REASONS = {
    Reason.URL_MISSING: "vul een adres in.",
    Reason.URL_INVALID: "dit is geen geldig webadres (https://…).",
    Reason.URL_NOT_HTTPS: "gebruik https (http mag alleen voor een dienst op deze pc).",
    Reason.URL_HAS_PASSWORD: "zet geen gebruikersnaam of wachtwoord in het adres.",
    Reason.CLIENT_ID_MISSING: "vul de client-id in.",
    Reason.CA_BUNDLE_NOT_FILE: "dit bestand bestaat niet.",
    Reason.DESK_ID_MISSING: "vul een naam voor deze balie in.",
    Reason.DESK_ID_TOO_LONG: "hoogstens 64 tekens.",
    Reason.NO_SERVICE: "kies minstens één dienst.",
    Reason.TIMEOUT_OUT_OF_RANGE: "tussen 5 en 3600 seconden.",
    Reason.SECRET_FOR_NEW_ADDRESS: (
        "nieuw adres: typ het geheim opnieuw (het opgeslagen geheim wordt niet naar een "
        "ander adres gestuurd)."
    ),
    Reason.OTHER: "niet toegelaten ({detail}).",
}
SETTINGS_BUSY = (
    "Instellingen kunnen alleen als de balie op een kaart wacht. Rond eerst de huidige "
    "klant af; Esc wist het scherm."
)
SETTINGS_APPLIED = "Instellingen opgeslagen en toegepast."
SETTINGS_APPLY_LATER = "Instellingen opgeslagen. Ze gelden zodra de balie weer op een kaart wacht."
SETTINGS_NOT_APPLIED = (
    "De instellingen zijn opgeslagen, maar de balie kan er niet mee starten. De balie "
    "werkt verder met de vorige instellingen tot ze herstart."
)

# Beheer → Over baliecheck: what IT asks on the phone (no personal data).
ABOUT_ACTION = "&Over baliecheck…"
ABOUT_TITLE = "Over baliecheck"
ABOUT_VERSION = "baliecheck {version}"
ABOUT_DETAILS = (
    "Balie: {desk}\nWerkwijze: {mode}\nConfiguratie: {config}\nGegevensmap: {data}\n"
    "Logboek: {log}\nQt {qt}, Python {python}"
)
ABOUT_NO_CONFIG = "geen bestand (oefenmodus)"
ABOUT_LOCKED = "{path} (vergrendeld door de IT-dienst)"


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
