# SPDX-License-Identifier: EUPL-1.2
"""The desk's words: Dutch msgids (marked ``N_``) read through the one gettext catalogue.

``tr`` translates into the language ui.translations installed on the QApplication (the same
catalogue as the command line's, app.i18n); lines with a number in them are functions here,
so the catalogue picks the plural form. Problem words come from app.problem_texts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from app.desk.state import Phase, ReaderState
from app.eligibility.wire import ReasonCode
from app.i18n import N_, translations
from app.language import Language
from app.problem_texts import problem_text
from app.settings.config import AuthKind
from app.settings.form import DeskMode, Reason

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Sequence
    from gettext import NullTranslations

    from app.eligibility.wire import LocalizedText
    from app.problem_texts.text import ProblemText
    from app.problems import Problem

# The QApplication's dynamic property that holds the desk's language (ui.translations).
LANGUAGE_PROPERTY = "baliecheck-language"

APP_TITLE = "baliecheck — {service}"
TRAINING_BANNER = N_("OEFENMODUS — geen echte gegevens")
ACCEPTANCE_BANNER = N_("TESTKAARTEN TOEGELATEN — niet voor burgers")
SERVICE_CAPTION = N_("Dienst:")
TRAINING_MENU = N_("&Oefenen")
INSERT_CARD_MENU = N_("Kaart &insteken")
REMOVE_CARD = N_("Kaart &uitnemen")
MANUAL_ENTRY_BUTTON = N_("Nummer intypen (F2)")
OVERRIDE_BUTTON = N_("Afwijken van advies (Ctrl+O)")
CLEAR_BUTTON = N_("Wissen (Esc)")
MANUAL_DECISION_BUTTON = N_("Manueel beslissen (Ctrl+O)")
MANUAL_DECISION_TIP = N_("Beslis zelf, met een reden die wordt geregistreerd")

WAITING = N_("Steek de eID-kaart in de lezer")
WAITING_HINT = N_("Chip naar boven. Geen kaart? Typ het rijksregisternummer in (F2).")
READING = N_("Kaart wordt gelezen…")
ASKING = N_("Advies wordt opgevraagd…")
DO_NOT_REMOVE = N_("Laat de kaart in de lezer.")

APPLY = N_("Toepassen: {detail}")
DATA_OF = N_("gegevens van {date}")
DATA_DATE_UNKNOWN = N_("datum van de gegevens onbekend")
MASKED_NUMBER = N_("Nummer: {masked}")
CHANNEL_MANUAL = N_("Nummer manueel ingevoerd")
ELIGIBLE_SYMBOL = "✔"
STANDARD_SYMBOL = "—"
PROBLEM_SYMBOL = "⚠"

RECORDED = N_("✔ Geregistreerd: {outcome}")
SEND_LATER = N_("wordt later verzonden")
RECORD_FAILED_TITLE = N_("Niet geregistreerd")
RECORD_FAILED = N_("De beslissing is NIET geregistreerd.")
UNEXPECTED_FAILURE = N_("Er liep iets onverwacht mis. Meld dit aan de informaticadienst.")
# An uncaught failure (ui.failure_presenter): the screen is cleared, no verdict stands.
FAILURE_TITLE = N_("Onverwachte fout")
FAILURE_WHAT = N_("Er liep iets onverwacht mis. Het scherm is gewist: er is geen advies.")
FAILURE_NEXT = N_(
    "Probeer opnieuw: steek de kaart opnieuw in of typ het nummer in (F2). Lukt het niet, "
    "noteer de beslissing op papier en meld het aan de informaticadienst."
)
PART_STOPPED_WHAT = N_(
    "Een onderdeel van baliecheck is onverwacht gestopt. Het scherm is gewist: er is geen advies."
)
PART_STOPPED_NEXT = N_(
    "Sluit baliecheck en start het opnieuw. Noteer intussen de beslissingen op papier en "
    "meld het aan de informaticadienst."
)
# No catalogue: the backend was never reached, so the service's outcomes are not known.
NO_OUTCOMES_TITLE = N_("Geen uitkomsten bekend")
NO_OUTCOMES_HINT = N_(
    "Manueel beslissen kan hier niet: de mogelijke uitkomsten van deze dienst zijn niet "
    "bekend (de adviesdienst werd nog niet bereikt). Noteer de beslissing op papier."
)

MANUAL_ENTRY_TITLE = N_("Rijksregisternummer intypen")
MANUAL_ENTRY_PROMPT = N_("Rijksregisternummer of BIS-nummer (11 cijfers):")
NUMBER_TOO_LONG = N_("Te veel cijfers")
NUMBER_INVALID = N_("Dit nummer klopt niet (controlegetal)")
NUMBER_DATE = N_("Dit nummer klopt niet: de geboortedatum erin bestaat niet")
NUMBER_VALID = N_("✔ Geldig nummer")
ASK_BUTTON = N_("Advies vragen")
CANCEL_BUTTON = N_("Annuleren")
# The desk could not start (ui.main): the message box's title.
CANNOT_START = N_("baliecheck kan niet starten")

OVERRIDE_TITLE = N_("Afwijken van het advies")
MANUAL_DECISION_TITLE = N_("Manueel beslissen")
ADVISED = N_("Advies: {label}")
NO_ADVICE = N_("Er is geen advies. Beslis op basis van de getoonde documenten.")
OUTCOME_CAPTION = N_("Toe te passen:")
REASON_CAPTION = N_("Reden:")
REASON_TEXT_CAPTION = N_("Toelichting:")
CHOOSE_OUTCOME = N_("Kies wat u toepast…")
CHOOSE_REASON = N_("Kies een reden…")
REASON_HINT = N_(
    "Minstens 10 tekens. Schrijf geen gevoelige gegevens (gezondheid, schulden, "
    "rijksregisternummer): alleen wat de beslissing verklaart."
)
REASON_OK = "✔"
CONFIRM_BUTTON = N_("Bevestigen en registreren")

READER_STATE = {
    ReaderState.READY: N_("Kaartlezer: klaar"),
    ReaderState.NO_READER: N_("Kaartlezer: niet gevonden"),
    ReaderState.SERVICE_DOWN: N_("Kaartlezer: dienst draait niet"),
    ReaderState.SERVICE_MISSING: N_("Kaartlezer: PC/SC-dienst niet geïnstalleerd"),
}
BACKEND_STATE = {
    "ok": N_("Adviesdienst: bereikbaar"),
    "degraded": N_("Adviesdienst: beperkt"),
    "unreachable": N_("Adviesdienst: onbereikbaar"),
    "unknown": N_("Adviesdienst: onbekend"),
}
NOTHING_PENDING = N_("Alle beslissingen verzonden")

REASON_LABELS = {
    ReasonCode.DATA_OUTDATED: N_("Gegevens zijn verouderd"),
    ReasonCode.RECENT_MOVE: N_("Recent verhuisd"),
    ReasonCode.FAMILY_SITUATION: N_("Bijzondere gezinssituatie"),
    ReasonCode.DOCUMENT_SHOWN: N_("Bewijsstuk getoond"),
    ReasonCode.SOCIAL_WORKER_REFERRAL: N_("Doorverwezen door maatschappelijk werker"),
    ReasonCode.ADVICE_UNAVAILABLE: N_("Geen advies beschikbaar"),
    ReasonCode.OTHER: N_("Andere reden"),
}

PHASE_TITLES = {Phase.WAITING: WAITING, Phase.READING: READING, Phase.ASKING: ASKING}

# The settings dialog (Beheer → Instellingen…); "&" marks each field's keyboard letter.
ADMIN_MENU = N_("&Beheer")
SETTINGS_ACTION = N_("&Instellingen…")
SETTINGS_TITLE = N_("Instellingen")
SETTINGS_BACKEND_BOX = N_("Adviesdienst")
SETTINGS_DESK_BOX = N_("Balie")
SETTINGS_MODE = N_("&Werkwijze:")
MODE_LABELS = {
    DeskMode.TRAINING: N_("Oefenmodus (voorbeeldgegevens, gesimuleerde lezer)"),
    DeskMode.EMBEDDED: N_("Lijsten op deze pc (ingebouwd)"),
    DeskMode.REMOTE: N_("Adviesdienst van de gemeente (server)"),
}
SETTINGS_BASE_URL = N_("&Adres adviesdienst:")
SETTINGS_AUTH = N_("Aan&melding:")
AUTH_LABELS = {
    AuthKind.NONE: N_("Geen (alleen voor een dienst op deze pc)"),
    AuthKind.BEARER: N_("Toegangstoken (bearer)"),
    AuthKind.OAUTH2: N_("OAuth2 met clientgegevens (client credentials)"),
}
SETTINGS_TOKEN_URL = N_("Tok&en-adres:")
SETTINGS_CLIENT_ID = N_("&Client-id:")
SETTINGS_SCOPE = N_("Sco&pe (bereik):")
SETTINGS_SECRET = N_("&Geheim:")
SECRET_STORED = N_("opgeslagen")
SECRET_NOT_SET = N_("niet ingesteld")
SECRET_CHECKING = N_("wordt nagekeken…")
SECRET_UNKNOWN = N_("onbekend (sleutelopslag niet bereikbaar)")
SECRET_HINT = N_(
    "Het token of clientgeheim staat in de sleutelopslag van het systeem, nooit in het "
    "bestand. Typ alleen iets om het te vervangen."
)
SETTINGS_CA_BUNDLE = N_("CA-b&undel:")
CA_BUNDLE_PLACEHOLDER = N_("leeg: alleen de vertrouwde certificaten van het systeem")
BROWSE_BUTTON = N_("B&laderen…")
TEST_CONNECTION_BUTTON = N_("&Verbinding testen")
CONNECTION_TESTING = N_("Verbinding wordt getest…")
CONNECTION_OK_OPEN = N_("✔ De adviesdienst is bereikbaar.")
CONNECTION_DEGRADED = N_("De adviesdienst is bereikbaar, maar meldt dat ze beperkt werkt.")
CONNECTION_FAILED = N_("✘ Verbinding mislukt: {what}")
SETTINGS_DESK_ID = N_("Balie-&id:")
SETTINGS_SERVICES = N_("&Diensten:")
SERVICES_HINT = N_("Spatie vinkt een dienst aan of uit.")
SETTINGS_DEFAULT_SERVICE = N_("&Standaarddienst:")
SETTINGS_READER = N_("&Kaartlezer:")
READER_AUTOMATIC = N_("Automatisch (de lezer waarin een kaart steekt)")
READER_TRAINING = N_("In oefenmodus werkt de balie met een gesimuleerde lezer.")
READERS_LOOKING = N_("Kaartlezers worden opgezocht…")
READERS_NONE = N_("Geen kaartlezer gevonden. Sluit er een aan, of kies Automatisch.")
SETTINGS_LANGUAGE = N_("&Taal:")
SETTINGS_PRIVACY_TIMEOUT = N_("Scherm wissen &na:")
PRIVACY_TIMEOUT_HINT = N_(
    "Zonder handeling wist de balie het resultaat na zoveel seconden (5–3600)."
)
SAVE_BUTTON = N_("&Opslaan")
SAVING = N_("Wordt opgeslagen…")
SETTINGS_LOCKED = N_("Deze instellingen worden beheerd door uw IT-dienst ({path})")
SETTINGS_UNREADABLE = N_("Het instellingenbestand kan niet gelezen worden: {what}")
SAVE_FAILED = N_("Niet opgeslagen: {what}")
REFUSAL_REASONS = {
    Reason.URL_MISSING: N_("vul een adres in."),
    Reason.URL_INVALID: N_("dit is geen geldig webadres (https://…)."),
    Reason.URL_NOT_HTTPS: N_("gebruik https (http mag alleen voor een dienst op deze pc)."),
    Reason.URL_HAS_PASSWORD: N_("zet geen gebruikersnaam of wachtwoord in het adres."),
    Reason.CLIENT_ID_MISSING: N_("vul de client-id in."),
    Reason.CA_BUNDLE_NOT_FILE: N_("dit bestand bestaat niet."),
    Reason.DESK_ID_MISSING: N_("vul een naam voor deze balie in."),
    Reason.DESK_ID_TOO_LONG: N_("hoogstens 64 tekens."),
    Reason.NO_SERVICE: N_("kies minstens één dienst."),
    Reason.TIMEOUT_OUT_OF_RANGE: N_("tussen 5 en 3600 seconden."),
    Reason.SECRET_FOR_NEW_ADDRESS: (
        N_(
            "nieuw adres: typ het geheim opnieuw (het opgeslagen geheim wordt niet naar een "
            "ander adres gestuurd)."
        )
    ),
    Reason.OTHER: N_("niet toegelaten ({detail})."),
}
SETTINGS_BUSY = N_(
    "Instellingen kunnen alleen als de balie op een kaart wacht. Rond eerst de huidige "
    "klant af; Esc wist het scherm."
)
SETTINGS_APPLIED = N_("Instellingen opgeslagen en toegepast.")
SETTINGS_APPLY_LATER = N_(
    "Instellingen opgeslagen. Ze gelden zodra de balie weer op een kaart wacht."
)
SETTINGS_NOT_APPLIED = N_(
    "De instellingen zijn opgeslagen, maar de balie kan er niet mee starten. De balie "
    "werkt verder met de vorige instellingen tot ze herstart."
)

# Beheer → Over baliecheck: what IT asks on the phone (no personal data).
ABOUT_ACTION = N_("&Over baliecheck…")
ABOUT_TITLE = N_("Over baliecheck")
ABOUT_VERSION = "baliecheck {version}"
ABOUT_DETAILS = N_(
    "Balie: {desk}\nWerkwijze: {mode}\nConfiguratie: {config}\nGegevensmap: {data}\n"
    "Logboek: {log}\nQt {qt}, Python {python}"
)
ABOUT_NO_CONFIG = N_("geen bestand (oefenmodus)")
ABOUT_LOCKED = N_("{path} (vergrendeld door de IT-dienst)")

# Issue 14: what was decided, re-check, help, leaving, today's tally.
DEPARTED_MARKER = N_("Afgeweken van het advies")
DECIDED_MARKER = N_("Manueel beslist")
ADVICE_WAS = N_("Advies was: {label}")
NO_ADVICE_WAS = N_("Er was geen advies")
RECHECK_BUTTON = N_("Opnieuw controleren (F5)")
SERVICE_MENU = N_("&Dienst")
HELP_MENU = N_("&Hulp")
HELP_ACTION = N_("&Sneltoetsen en werkwijze (F1)")
QUIT_ACTION = N_("&Afsluiten")
HELP_TITLE = N_("Hulp bij de balie")
HELP_TEXT = N_(
    "Kaart in de lezer: het advies verschijnt vanzelf. Kaart uit: het scherm wordt gewist.\n\n"
    "F2 — rijksregisternummer intypen (of begin gewoon cijfers te typen)\n"
    "F5 — opnieuw controleren (de kaart in de lezer, of het getypte nummer)\n"
    "Ctrl+O — afwijken van het advies, met een reden\n"
    "Esc — scherm wissen\n"
    "Ctrl+1…9 — andere dienst (de kaart in de lezer wordt opnieuw gecontroleerd)\n"
    "F1 — deze hulp; Ctrl+Q — afsluiten\n\n"
    "Het scherm toont alleen ja of nee en wat toe te passen, nooit waarom. Een probleem is "
    "nooit een ja of een nee: volg de aanwijzing op het scherm. Elke beslissing wordt "
    "geregistreerd; zonder verbinding wordt ze later verzonden."
)
HELP_TRAINING = N_("Oefennummers voor F2 (verzonnen personen):")
CLOSE_TITLE = N_("baliecheck afsluiten?")
CLOSE_VERDICT = N_("Er staat nog een resultaat op het scherm; het wordt gewist.")
CLOSE_SEND_LATER = N_(
    "Niet alle beslissingen zijn al verzonden. Ze blijven bewaard op deze pc en worden "
    "verzonden zodra baliecheck weer draait."
)
CLOSE_BUTTON = N_("Afsluiten")
CARD_IN_READER = N_("Kaartlezer: kaart in lezer")
BACKEND_DOWN_WARNING = N_(
    "⚠ De adviesdienst is niet bereikbaar. U kunt een kaart insteken; lukt het advies niet, "
    "beslis dan manueel met een reden."
)
CLEARS_IN = N_("Het scherm wordt gewist over {seconds} s")
REASON_HAS_NUMBER = N_(
    "Schrijf geen rijksregisternummer in de toelichting. Verwijder het nummer om te bevestigen."
)
PROBLEM_CARDS_MENU = N_("&Probleemkaart insteken")


def desk_language() -> Language:
    """The language installed on the running QApplication; Dutch without one."""
    app = QCoreApplication.instance()
    value = app.property(LANGUAGE_PROPERTY) if app is not None else None
    return Language(value) if value in set(Language) else Language.NL


def catalogue() -> NullTranslations:
    return translations(desk_language())


def tr(source: str) -> str:
    """``source`` (a Dutch msgid marked ``N_``) in the desk's language."""
    return catalogue().gettext(source)


def digits_missing(count: int) -> str:
    return (
        catalogue().ngettext("Nog {count} cijfer", "Nog {count} cijfers", count).format(count=count)
    )


def chars_missing(count: int) -> str:
    return (
        catalogue().ngettext("Nog {count} teken", "Nog {count} tekens", count).format(count=count)
    )


def reason_too_long(limit: int) -> str:
    words = catalogue().ngettext(
        "Te lang: hoogstens {count} teken", "Te lang: hoogstens {count} tekens", limit
    )
    return words.format(count=limit)


def pending(count: int) -> str:
    words = catalogue().ngettext(
        "{count} beslissing wacht op verzending",
        "{count} beslissingen wachten op verzending",
        count,
    )
    return words.format(count=count)


def tally_line(
    checks: int, outcomes: Sequence[tuple[str, int]], overrides: int, manual: int
) -> str:
    """Today's count at this desk, e.g. "Vandaag: 12 controles · Kansentarief 7 · Standaard 5
    · 1 afwijking · 0 manueel" (``outcomes``: label and count of the advices shown)."""
    cat = catalogue()
    parts = [
        cat.ngettext("Vandaag: {count} controle", "Vandaag: {count} controles", checks).format(
            count=checks
        ),
        *(f"{label} {count}" for label, count in outcomes),
        cat.ngettext("{count} afwijking", "{count} afwijkingen", overrides).format(count=overrides),
        cat.gettext("{count} manueel").format(count=manual),
    ]
    return " · ".join(parts)


def connection_ok(services: int) -> str:
    words = catalogue().ngettext(
        "✔ De adviesdienst is bereikbaar en aanvaardt de aanmelding ({count} dienst).",
        "✔ De adviesdienst is bereikbaar en aanvaardt de aanmelding ({count} diensten).",
        services,
    )
    return words.format(count=services)


def problem_words(problem: Problem, language: Language | None = None) -> ProblemText:
    """What happened and what to do, in ``language`` (default: the desk's)."""
    return problem_text(problem, language or desk_language())


def localized(text: LocalizedText, language: Language = Language.NL) -> str:
    """The text in ``language``, else the Dutch the contract always carries."""
    chosen: str | None = getattr(text, language.value, None)
    return chosen or text.nl


def format_date(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")
