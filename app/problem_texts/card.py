# SPDX-License-Identifier: EUPL-1.2
"""What each card and reader problem means and what to do next, in Dutch, French and English."""

from __future__ import annotations

from app.language import Language
from app.problem_texts.text import ProblemText
from app.problems import Problem

_T = ProblemText

CARD_TEXTS: dict[Problem, dict[Language, ProblemText]] = {
    Problem.PCSC_UNAVAILABLE: {
        Language.NL: _T(
            "De kaartlezerdienst (PC/SC) draait niet.",
            "Start de dienst (Linux: pcscd; Windows: Smartcard-service) of sluit de lezer opnieuw aan.",
        ),
        Language.FR: _T(
            "Le service de lecteur de cartes (PC/SC) ne fonctionne pas.",
            "Démarrez le service (Linux : pcscd ; Windows : Carte à puce) ou rebranchez le lecteur.",
        ),
        Language.EN: _T(
            "The card reader service (PC/SC) is not running.",
            "Start the service (Linux: pcscd; Windows: Smart Card service) or plug the reader in again.",
        ),
    },
    Problem.PCSC_NOT_INSTALLED: {
        Language.NL: _T(
            "De kaartlezerdienst (PC/SC) is niet geïnstalleerd op deze computer.",
            "Laat hem installeren: Linux: pakketten pcscd en libpcsclite1 (Debian/Ubuntu); Windows: dienst Smartcard (SCardSvr) inschakelen; macOS: ingebouwd.",
        ),
        Language.FR: _T(
            "Le service de lecteur de cartes (PC/SC) n'est pas installé sur cet ordinateur.",
            "Faites-le installer : Linux : paquets pcscd et libpcsclite1 (Debian/Ubuntu) ; Windows : activer le service Carte à puce (SCardSvr) ; macOS : intégré.",
        ),
        Language.EN: _T(
            "The card reader service (PC/SC) is not installed on this computer.",
            "Have it installed: Linux: packages pcscd and libpcsclite1 (Debian/Ubuntu); Windows: enable the Smart Card service (SCardSvr); macOS: built in.",
        ),
    },
    Problem.NO_READER: {
        Language.NL: _T(
            "Er is geen kaartlezer aangesloten.", "Sluit de kaartlezer aan en probeer opnieuw."
        ),
        Language.FR: _T(
            "Aucun lecteur de cartes n'est branché.", "Branchez le lecteur et réessayez."
        ),
        Language.EN: _T("No card reader is connected.", "Connect the card reader and try again."),
    },
    Problem.READER_NOT_FOUND: {
        Language.NL: _T(
            "Die kaartlezer is niet gevonden.",
            "Kies een lezer uit de lijst van 'baliecheck readers'.",
        ),
        Language.FR: _T(
            "Ce lecteur de cartes est introuvable.",
            "Choisissez un lecteur de la liste 'baliecheck readers'.",
        ),
        Language.EN: _T(
            "That card reader was not found.",
            "Pick a reader from the list of 'baliecheck readers'.",
        ),
    },
    Problem.NO_CARD: {
        Language.NL: _T(
            "Er zit geen kaart in de lezer.",
            "Steek de eID-kaart in de lezer, met de chip naar boven.",
        ),
        Language.FR: _T(
            "Il n'y a pas de carte dans le lecteur.", "Insérez la carte eID, puce vers le haut."
        ),
        Language.EN: _T("There is no card in the reader.", "Insert the eID card, chip facing up."),
    },
    Problem.CARD_UNREADABLE: {
        Language.NL: _T(
            "De kaart reageert niet: ze zit misschien omgekeerd in de lezer of is geen chipkaart.",
            "Neem de kaart uit en steek ze opnieuw in, met de chip naar boven.",
        ),
        Language.FR: _T(
            "La carte ne répond pas : elle est peut-être insérée à l'envers ou n'a pas de puce.",
            "Retirez la carte et réinsérez-la, puce vers le haut.",
        ),
        Language.EN: _T(
            "The card does not answer: it may be upside down or not a chip card.",
            "Take the card out and insert it again, chip facing up.",
        ),
    },
    Problem.NOT_AN_EID: {
        Language.NL: _T(
            "Dit is geen Belgische eID-kaart.", "Vraag de identiteitskaart van de burger."
        ),
        Language.FR: _T(
            "Ce n'est pas une carte eID belge.", "Demandez la carte d'identité du citoyen."
        ),
        Language.EN: _T("This is not a Belgian eID card.", "Ask for the citizen's identity card."),
    },
    Problem.CARD_REMOVED: {
        Language.NL: _T(
            "De kaart werd uitgenomen tijdens het lezen.",
            "Steek de kaart opnieuw in en laat ze zitten tot het lezen klaar is.",
        ),
        Language.FR: _T(
            "La carte a été retirée pendant la lecture.",
            "Réinsérez la carte et laissez-la jusqu'à la fin de la lecture.",
        ),
        Language.EN: _T(
            "The card was taken out while it was being read.",
            "Insert the card again and leave it in until reading is done.",
        ),
    },
    Problem.CARD_DATA_CORRUPT: {
        Language.NL: _T(
            "De gegevens op de kaart zijn onleesbaar of beschadigd.",
            "Beslis manueel met een reden; de burger kan bij Burgerzaken een nieuwe kaart aanvragen.",
        ),
        Language.FR: _T(
            "Les données de la carte sont illisibles ou endommagées.",
            "Décidez manuellement avec un motif ; le citoyen peut demander une nouvelle carte à la commune.",
        ),
        Language.EN: _T(
            "The data on the card is unreadable or damaged.",
            "Decide manually with a reason; the citizen can ask Civil Affairs for a new card.",
        ),
    },
    Problem.NATIONAL_NUMBER_INVALID: {
        Language.NL: _T(
            "Het rijksregisternummer op deze kaart is niet geldig.",
            "Gebruik deze kaart niet voor een advies; beslis manueel met een reden.",
        ),
        Language.FR: _T(
            "Le numéro de registre national sur cette carte n'est pas valide.",
            "N'utilisez pas cette carte pour un avis ; décidez manuellement avec un motif.",
        ),
        Language.EN: _T(
            "The national number on this card is not valid.",
            "Do not use this card for an advice; decide manually with a reason.",
        ),
    },
    Problem.READER_IN_USE: {
        Language.NL: _T(
            "De kaartlezer wordt door een ander programma gebruikt.",
            "Sluit het andere programma (bijvoorbeeld eID Viewer) en probeer opnieuw.",
        ),
        Language.FR: _T(
            "Le lecteur de cartes est utilisé par un autre programme.",
            "Fermez l'autre programme (par exemple eID Viewer) et réessayez.",
        ),
        Language.EN: _T(
            "The card reader is in use by another program.",
            "Close the other program (for example eID Viewer) and try again.",
        ),
    },
    Problem.CARD_NOT_GENUINE: {
        Language.NL: _T(
            "Deze kaart kon niet als echt worden bevestigd.",
            "Vraag geen advies met deze kaart; beslis manueel met een reden.",
        ),
        Language.FR: _T(
            "Cette carte n'a pas pu être confirmée comme authentique.",
            "Ne demandez pas d'avis avec cette carte ; décidez manuellement avec un motif.",
        ),
        Language.EN: _T(
            "This card could not be confirmed as genuine.",
            "Do not ask for an advice with this card; decide manually with a reason.",
        ),
    },
}
