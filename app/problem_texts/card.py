# SPDX-License-Identifier: EUPL-1.2
"""What each card and reader problem means and what to do next (Dutch msgids)."""

from __future__ import annotations

from app.i18n import N_
from app.problem_texts.text import ProblemText
from app.problems import Problem

_T = ProblemText

CARD_TEXTS: dict[Problem, ProblemText] = {
    Problem.PCSC_UNAVAILABLE: _T(
        N_("De kaartlezerdienst (PC/SC) draait niet."),
        N_(
            "Start de dienst (Linux: pcscd; Windows: Smartcard-service) of sluit de lezer opnieuw aan."
        ),
    ),
    Problem.PCSC_NOT_INSTALLED: _T(
        N_("De kaartlezerdienst (PC/SC) is niet geïnstalleerd op deze computer."),
        N_(
            "Laat hem installeren: Linux: pakketten pcscd en libpcsclite1 (Debian/Ubuntu); Windows: dienst Smartcard (SCardSvr) inschakelen; macOS: ingebouwd."
        ),
    ),
    Problem.NO_READER: _T(
        N_("Er is geen kaartlezer aangesloten."), N_("Sluit de kaartlezer aan en probeer opnieuw.")
    ),
    Problem.READER_NOT_FOUND: _T(
        N_("Die kaartlezer is niet gevonden."),
        N_("Kies een lezer uit de lijst van 'baliecheck readers'."),
    ),
    Problem.NO_CARD: _T(
        N_("Er zit geen kaart in de lezer."),
        N_("Steek de eID-kaart in de lezer, met de chip naar boven."),
    ),
    Problem.CARD_UNREADABLE: _T(
        N_("De kaart reageert niet: ze zit misschien omgekeerd in de lezer of is geen chipkaart."),
        N_("Neem de kaart uit en steek ze opnieuw in, met de chip naar boven."),
    ),
    Problem.NOT_AN_EID: _T(
        N_("Dit is geen Belgische eID-kaart."), N_("Vraag de identiteitskaart van de burger.")
    ),
    Problem.CARD_REMOVED: _T(
        N_("De kaart werd uitgenomen tijdens het lezen."),
        N_("Steek de kaart opnieuw in en laat ze zitten tot het lezen klaar is."),
    ),
    Problem.CARD_DATA_CORRUPT: _T(
        N_("De gegevens op de kaart zijn onleesbaar of beschadigd."),
        N_(
            "Beslis manueel met een reden; de burger kan bij Burgerzaken een nieuwe kaart aanvragen."
        ),
    ),
    Problem.NATIONAL_NUMBER_INVALID: _T(
        N_("Het rijksregisternummer op deze kaart is niet geldig."),
        N_("Gebruik deze kaart niet voor een advies; beslis manueel met een reden."),
    ),
    Problem.READER_IN_USE: _T(
        N_("De kaartlezer wordt door een ander programma gebruikt."),
        N_("Sluit het andere programma (bijvoorbeeld eID Viewer) en probeer opnieuw."),
    ),
    Problem.CARD_NOT_GENUINE: _T(
        N_("Deze kaart kon niet als echt worden bevestigd."),
        N_("Vraag geen advies met deze kaart; beslis manueel met een reden."),
    ),
}
