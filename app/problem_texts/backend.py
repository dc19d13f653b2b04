# SPDX-License-Identifier: EUPL-1.2
"""What each backend and installation problem means and what to do next (Dutch msgids)."""

from __future__ import annotations

from app.i18n import N_
from app.problem_texts.text import ProblemText
from app.problems import Problem

_T = ProblemText

_MANUAL = N_("Beslis manueel met een reden, of probeer het zo meteen opnieuw.")
_ADMIN = N_("Meld dit aan de informaticadienst.")
_PAPER = N_("Noteer de beslissing op papier en meld dit meteen aan de informaticadienst.")

BACKEND_TEXTS: dict[Problem, ProblemText] = {
    Problem.BACKEND_UNREACHABLE: _T(N_("De adviesdienst is niet bereikbaar."), _MANUAL),
    Problem.BACKEND_TIMEOUT: _T(N_("De adviesdienst antwoordt niet op tijd."), _MANUAL),
    Problem.BACKEND_TLS_FAILED: _T(
        N_("De beveiligde verbinding met de adviesdienst is geweigerd (certificaat)."), _ADMIN
    ),
    Problem.BACKEND_AUTH_REJECTED: _T(
        N_("De adviesdienst weigert de aanmelding van deze balie."), _ADMIN
    ),
    Problem.BACKEND_FORBIDDEN: _T(
        N_("Deze balie mag geen advies vragen voor deze dienst."), _ADMIN
    ),
    Problem.BACKEND_BAD_RESPONSE: _T(N_("De adviesdienst gaf een onbruikbaar antwoord."), _MANUAL),
    Problem.BACKEND_RATE_LIMITED: _T(N_("De adviesdienst is even overbelast."), _MANUAL),
    Problem.SOURCE_UNAVAILABLE: _T(
        N_("Een gegevensbron van de adviesdienst is niet beschikbaar."), _MANUAL
    ),
    Problem.UNKNOWN_SERVICE: _T(N_("De adviesdienst kent deze dienst niet."), _ADMIN),
    Problem.UNKNOWN_ADVICE: _T(N_("De adviesdienst kent dit advies niet."), _ADMIN),
    Problem.PERSON_UNKNOWN: _T(
        N_("De gegevensbronnen kennen deze persoon niet."),
        N_("Beslis manueel met een reden op basis van de getoonde documenten."),
    ),
    Problem.INSUFFICIENT_DATA: _T(
        N_("Er zijn niet genoeg gegevens voor een advies."),
        N_("Beslis manueel met een reden; meld het als dit vaak gebeurt."),
    ),
    Problem.INVALID_INSZ: _T(
        N_("Het rijksregisternummer is niet geldig."),
        N_("Controleer het nummer en probeer opnieuw."),
    ),
    Problem.INVALID_REQUEST: _T(N_("De adviesdienst weigert de vraag als ongeldig."), _ADMIN),
    Problem.IDEMPOTENCY_CONFLICT: _T(N_("Deze beslissing werd al anders geregistreerd."), _ADMIN),
    Problem.CREDENTIALS_MISSING: _T(
        N_("De sleutel om aan te melden bij de adviesdienst ontbreekt."),
        N_("Stel ze in met 'baliecheck credentials set'. Meld dit aan de informaticadienst."),
    ),
    Problem.KEYRING_UNAVAILABLE: _T(
        N_("De beveiligde sleutelopslag van het systeem is niet beschikbaar."),
        N_(
            "Ontgrendel de sleutelopslag of stel er een in (zie de handleiding). Meld dit aan de informaticadienst."
        ),
    ),
    Problem.CONFIG_INVALID: _T(
        N_("Het configuratiebestand is niet in orde."),
        N_("Verbeter de vermelde sleutel. Meld dit aan de informaticadienst."),
    ),
    Problem.RULES_INVALID: _T(
        N_("Een regelbestand is niet in orde."),
        N_("Verbeter het vermelde bestand. Meld dit aan de informaticadienst."),
    ),
    Problem.SOURCE_FILE_INVALID: _T(
        N_("Het bronbestand bevat fouten; er werd niets ingelezen."),
        N_("Verbeter de vermelde regels en lees het bestand opnieuw in."),
    ),
    Problem.AUDIT_STORE_FULL: _T(
        N_("De beslissing is niet geregistreerd: de schijf van het auditlogboek is vol."), _PAPER
    ),
    Problem.AUDIT_STORE_READ_ONLY: _T(
        N_(
            "Het auditlogboek kan niet beschreven worden (alleen-lezen of geen toegang); een beslissing van nu is niet geregistreerd."
        ),
        _PAPER,
    ),
    Problem.AUDIT_STORE_UNAVAILABLE: _T(
        N_(
            "Het auditlogboek is niet bruikbaar (beschadigd of niet bereikbaar); een beslissing van nu is niet geregistreerd."
        ),
        _PAPER,
    ),
    Problem.AUDIT_KEY_MISMATCH: _T(
        N_(
            "Het auditlogboek werd met een andere installatiesleutel geschreven dan die in de sleutelopslag."
        ),
        N_(
            "Zet de oorspronkelijke sleutel terug in de sleutelopslag. Meld dit aan de informaticadienst."
        ),
    ),
    # The installation key lost from the keyring while data written under it exists.
    Problem.INSTALLATION_KEY_MISSING: _T(
        N_(
            "De installatiesleutel ontbreekt in de sleutelopslag; zonder die sleutel kan niets geregistreerd worden."
        ),
        N_(
            "Zet de reservekopie terug met 'baliecheck credentials import BESTAND'. Meld dit aan de informaticadienst."
        ),
    ),
    # The verdict check (app.eligibility.verdicts): an advice that is not shown.
    Problem.BACKEND_CONTRADICTS_CATALOGUE: _T(
        N_("Het antwoord van de adviesdienst spreekt haar eigen lijst van uitkomsten tegen."),
        N_("Beslis manueel met een reden en meld dit aan de informaticadienst."),
    ),
    Problem.ADVICE_EXPIRED: _T(N_("Het advies is verlopen: het is niet meer geldig."), _MANUAL),
    Problem.ADVICE_FROM_FUTURE: _T(
        N_("Het advies steunt op gegevens met een datum in de toekomst (een klok staat fout)."),
        N_("Beslis manueel met een reden en meld dit aan de informaticadienst."),
    ),
    Problem.OUTCOMES_UNKNOWN: _T(
        N_("De mogelijke uitkomsten van deze dienst zijn niet bekend, dus er is geen advies."),
        N_("Probeer het zo meteen opnieuw; lukt het niet, noteer de beslissing op papier."),
    ),
}
