# SPDX-License-Identifier: EUPL-1.2
"""What each backend and installation problem means and what to do next, in nl, fr and en."""

from __future__ import annotations

from app.language import Language
from app.problem_texts.text import ProblemText
from app.problems import Problem

_T = ProblemText
NL, FR, EN = Language.NL, Language.FR, Language.EN

_MANUAL_NL = "Beslis manueel met een reden, of probeer het zo meteen opnieuw."
_MANUAL_FR = "Décidez manuellement avec un motif, ou réessayez dans un instant."
_MANUAL_EN = "Decide manually with a reason, or try again in a moment."
_ADMIN_NL = "Meld dit aan de informaticadienst."
_ADMIN_FR = "Signalez-le au service informatique."
_ADMIN_EN = "Report this to IT support."
_PAPER_NL = "Noteer de beslissing op papier en meld dit meteen aan de informaticadienst."
_PAPER_FR = "Notez la décision sur papier et signalez-le immédiatement au service informatique."
_PAPER_EN = "Write the decision down on paper and report this to IT support at once."

BACKEND_TEXTS: dict[Problem, dict[Language, ProblemText]] = {
    Problem.BACKEND_UNREACHABLE: {
        NL: _T("De adviesdienst is niet bereikbaar.", _MANUAL_NL),
        FR: _T("Le service d'avis est injoignable.", _MANUAL_FR),
        EN: _T("The advice service cannot be reached.", _MANUAL_EN),
    },
    Problem.BACKEND_TIMEOUT: {
        NL: _T("De adviesdienst antwoordt niet op tijd.", _MANUAL_NL),
        FR: _T("Le service d'avis ne répond pas à temps.", _MANUAL_FR),
        EN: _T("The advice service did not answer in time.", _MANUAL_EN),
    },
    Problem.BACKEND_TLS_FAILED: {
        NL: _T(
            "De beveiligde verbinding met de adviesdienst is geweigerd (certificaat).", _ADMIN_NL
        ),
        FR: _T("La connexion sécurisée au service d'avis est refusée (certificat).", _ADMIN_FR),
        EN: _T("The secure connection to the advice service was refused (certificate).", _ADMIN_EN),
    },
    Problem.BACKEND_AUTH_REJECTED: {
        NL: _T("De adviesdienst weigert de aanmelding van deze balie.", _ADMIN_NL),
        FR: _T("Le service d'avis refuse l'authentification de ce guichet.", _ADMIN_FR),
        EN: _T("The advice service rejects this desk's sign-in.", _ADMIN_EN),
    },
    Problem.BACKEND_FORBIDDEN: {
        NL: _T("Deze balie mag geen advies vragen voor deze dienst.", _ADMIN_NL),
        FR: _T("Ce guichet ne peut pas demander d'avis pour ce service.", _ADMIN_FR),
        EN: _T("This desk may not ask for advice on this service.", _ADMIN_EN),
    },
    Problem.BACKEND_BAD_RESPONSE: {
        NL: _T("De adviesdienst gaf een onbruikbaar antwoord.", _MANUAL_NL),
        FR: _T("Le service d'avis a donné une réponse inutilisable.", _MANUAL_FR),
        EN: _T("The advice service gave an unusable answer.", _MANUAL_EN),
    },
    Problem.BACKEND_RATE_LIMITED: {
        NL: _T("De adviesdienst is even overbelast.", _MANUAL_NL),
        FR: _T("Le service d'avis est momentanément surchargé.", _MANUAL_FR),
        EN: _T("The advice service is overloaded for a moment.", _MANUAL_EN),
    },
    Problem.SOURCE_UNAVAILABLE: {
        NL: _T("Een gegevensbron van de adviesdienst is niet beschikbaar.", _MANUAL_NL),
        FR: _T("Une source de données du service d'avis est indisponible.", _MANUAL_FR),
        EN: _T("A data source of the advice service is unavailable.", _MANUAL_EN),
    },
    Problem.UNKNOWN_SERVICE: {
        NL: _T("De adviesdienst kent deze dienst niet.", _ADMIN_NL),
        FR: _T("Le service d'avis ne connaît pas ce service.", _ADMIN_FR),
        EN: _T("The advice service does not know this service.", _ADMIN_EN),
    },
    Problem.UNKNOWN_ADVICE: {
        NL: _T("De adviesdienst kent dit advies niet.", _ADMIN_NL),
        FR: _T("Le service d'avis ne connaît pas cet avis.", _ADMIN_FR),
        EN: _T("The advice service does not know this advice.", _ADMIN_EN),
    },
    Problem.PERSON_UNKNOWN: {
        NL: _T(
            "De gegevensbronnen kennen deze persoon niet.",
            "Beslis manueel met een reden op basis van de getoonde documenten.",
        ),
        FR: _T(
            "Les sources de données ne connaissent pas cette personne.",
            "Décidez manuellement avec un motif sur base des documents présentés.",
        ),
        EN: _T(
            "The data sources do not know this person.",
            "Decide manually with a reason, based on the documents shown.",
        ),
    },
    Problem.INSUFFICIENT_DATA: {
        NL: _T(
            "Er zijn niet genoeg gegevens voor een advies.",
            "Beslis manueel met een reden; meld het als dit vaak gebeurt.",
        ),
        FR: _T(
            "Il n'y a pas assez de données pour un avis.",
            "Décidez manuellement avec un motif ; signalez-le si cela arrive souvent.",
        ),
        EN: _T(
            "There is not enough data for an advice.",
            "Decide manually with a reason; report it if this happens often.",
        ),
    },
    Problem.INVALID_INSZ: {
        NL: _T(
            "Het rijksregisternummer is niet geldig.", "Controleer het nummer en probeer opnieuw."
        ),
        FR: _T(
            "Le numéro de registre national n'est pas valide.", "Vérifiez le numéro et réessayez."
        ),
        EN: _T("The national number is not valid.", "Check the number and try again."),
    },
    Problem.INVALID_REQUEST: {
        NL: _T("De adviesdienst weigert de vraag als ongeldig.", _ADMIN_NL),
        FR: _T("Le service d'avis refuse la demande comme invalide.", _ADMIN_FR),
        EN: _T("The advice service refuses the request as invalid.", _ADMIN_EN),
    },
    Problem.IDEMPOTENCY_CONFLICT: {
        NL: _T("Deze beslissing werd al anders geregistreerd.", _ADMIN_NL),
        FR: _T("Cette décision a déjà été enregistrée autrement.", _ADMIN_FR),
        EN: _T("This decision was already recorded differently.", _ADMIN_EN),
    },
    Problem.CREDENTIALS_MISSING: {
        NL: _T(
            "De sleutel om aan te melden bij de adviesdienst ontbreekt.",
            "Stel ze in met 'baliecheck credentials set'. " + _ADMIN_NL,
        ),
        FR: _T(
            "La clé de connexion au service d'avis manque.",
            "Définissez-la avec 'baliecheck credentials set'. " + _ADMIN_FR,
        ),
        EN: _T(
            "The key to sign in to the advice service is missing.",
            "Set it with 'baliecheck credentials set'. " + _ADMIN_EN,
        ),
    },
    Problem.KEYRING_UNAVAILABLE: {
        NL: _T(
            "De beveiligde sleutelopslag van het systeem is niet beschikbaar.",
            "Ontgrendel de sleutelopslag of stel er een in (zie de handleiding). " + _ADMIN_NL,
        ),
        FR: _T(
            "Le trousseau de clés du système est indisponible.",
            "Déverrouillez-le ou configurez-en un (voir le manuel). " + _ADMIN_FR,
        ),
        EN: _T(
            "The system keyring is not available.",
            "Unlock it or configure one (see the manual). " + _ADMIN_EN,
        ),
    },
    Problem.CONFIG_INVALID: {
        NL: _T(
            "Het configuratiebestand is niet in orde.", "Verbeter de vermelde sleutel. " + _ADMIN_NL
        ),
        FR: _T(
            "Le fichier de configuration n'est pas correct.",
            "Corrigez la clé indiquée. " + _ADMIN_FR,
        ),
        EN: _T("The configuration file is not right.", "Fix the key named. " + _ADMIN_EN),
    },
    Problem.RULES_INVALID: {
        NL: _T("Een regelbestand is niet in orde.", "Verbeter het vermelde bestand. " + _ADMIN_NL),
        FR: _T(
            "Un fichier de règles n'est pas correct.", "Corrigez le fichier indiqué. " + _ADMIN_FR
        ),
        EN: _T("A rules file is not right.", "Fix the file named. " + _ADMIN_EN),
    },
    Problem.SOURCE_FILE_INVALID: {
        NL: _T(
            "Het bronbestand bevat fouten; er werd niets ingelezen.",
            "Verbeter de vermelde regels en lees het bestand opnieuw in.",
        ),
        FR: _T(
            "Le fichier source contient des erreurs ; rien n'a été importé.",
            "Corrigez les lignes indiquées et importez à nouveau le fichier.",
        ),
        EN: _T(
            "The source file has errors; nothing was imported.",
            "Fix the lines named and import the file again.",
        ),
    },
    Problem.AUDIT_STORE_FULL: {
        NL: _T(
            "De beslissing is niet geregistreerd: de schijf van het auditlogboek is vol.", _PAPER_NL
        ),
        FR: _T(
            "La décision n'est pas enregistrée : le disque du journal d'audit est plein.", _PAPER_FR
        ),
        EN: _T("The decision is not recorded: the audit log's disk is full.", _PAPER_EN),
    },
    Problem.AUDIT_STORE_READ_ONLY: {
        NL: _T(
            "Het auditlogboek kan niet beschreven worden (alleen-lezen of geen toegang); een beslissing van nu is niet geregistreerd.",
            _PAPER_NL,
        ),
        FR: _T(
            "Le journal d'audit ne peut pas être écrit (lecture seule ou accès refusé) ; une décision prise maintenant n'est pas enregistrée.",
            _PAPER_FR,
        ),
        EN: _T(
            "The audit log cannot be written (read-only or no access); a decision taken now is not recorded.",
            _PAPER_EN,
        ),
    },
    Problem.AUDIT_STORE_UNAVAILABLE: {
        NL: _T(
            "Het auditlogboek is niet bruikbaar (beschadigd of niet bereikbaar); een beslissing van nu is niet geregistreerd.",
            _PAPER_NL,
        ),
        FR: _T(
            "Le journal d'audit est inutilisable (endommagé ou inaccessible) ; une décision prise maintenant n'est pas enregistrée.",
            _PAPER_FR,
        ),
        EN: _T(
            "The audit log cannot be used (damaged or out of reach); a decision taken now is not recorded.",
            _PAPER_EN,
        ),
    },
    Problem.AUDIT_KEY_MISMATCH: {
        NL: _T(
            "Het auditlogboek werd met een andere installatiesleutel geschreven dan die in de sleutelopslag.",
            "Zet de oorspronkelijke sleutel terug in de sleutelopslag. " + _ADMIN_NL,
        ),
        FR: _T(
            "Le journal d'audit a été écrit avec une autre clé d'installation que celle du trousseau.",
            "Remettez la clé d'origine dans le trousseau. " + _ADMIN_FR,
        ),
        EN: _T(
            "The audit log was written under another installation key than the one in the keyring.",
            "Put the original key back in the keyring. " + _ADMIN_EN,
        ),
    },
    # The verdict check: an advice that is not shown.
    Problem.BACKEND_CONTRADICTS_CATALOGUE: {
        NL: _T(
            "Het antwoord van de adviesdienst spreekt haar eigen lijst van uitkomsten tegen.",
            "Beslis manueel met een reden en meld dit aan de informaticadienst.",
        ),
        FR: _T(
            "La réponse du service d'avis contredit sa propre liste de résultats.",
            "Décidez manuellement avec un motif et signalez-le au service informatique.",
        ),
        EN: _T(
            "The advice service's answer contradicts its own list of outcomes.",
            "Decide manually with a reason and report this to IT support.",
        ),
    },
    Problem.ADVICE_EXPIRED: {
        NL: _T("Het advies is verlopen: het is niet meer geldig.", _MANUAL_NL),
        FR: _T("L'avis a expiré : il n'est plus valable.", _MANUAL_FR),
        EN: _T("The advice has expired: it is no longer valid.", _MANUAL_EN),
    },
    Problem.ADVICE_FROM_FUTURE: {
        NL: _T(
            "Het advies steunt op gegevens met een datum in de toekomst (een klok staat fout).",
            "Beslis manueel met een reden en meld dit aan de informaticadienst.",
        ),
        FR: _T(
            "L'avis repose sur des données datées du futur (une horloge est fausse).",
            "Décidez manuellement avec un motif et signalez-le au service informatique.",
        ),
        EN: _T(
            "The advice rests on data dated in the future (a clock is wrong).",
            "Decide manually with a reason and report this to IT support.",
        ),
    },
    Problem.OUTCOMES_UNKNOWN: {
        NL: _T(
            "De mogelijke uitkomsten van deze dienst zijn niet bekend, dus er is geen advies.",
            "Probeer het zo meteen opnieuw; lukt het niet, noteer de beslissing op papier.",
        ),
        FR: _T(
            "Les résultats possibles de ce service ne sont pas connus : il n'y a donc pas d'avis.",
            "Réessayez dans un instant ; sinon, notez la décision sur papier.",
        ),
        EN: _T(
            "This service's possible outcomes are not known, so there is no advice.",
            "Try again in a moment; if that fails, write the decision down on paper.",
        ),
    },
}
