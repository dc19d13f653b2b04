# SPDX-License-Identifier: EUPL-1.2
"""The command line's own words (labels and short phrases) in Dutch, French and English."""

from __future__ import annotations

from app.language import Language

LABELS: dict[str, dict[Language, str]] = {
    "training_banner": {
        Language.NL: "OEFENMODUS — geen echte gegevens",
        Language.FR: "MODE EXERCICE — pas de vraies données",
        Language.EN: "TRAINING MODE — no real data",
    },
    "reader": {Language.NL: "Lezer", Language.FR: "Lecteur", Language.EN: "Reader"},
    "generation": {
        Language.NL: "Kaartgeneratie",
        Language.FR: "Génération de carte",
        Language.EN: "Card generation",
    },
    "valid_from": {
        Language.NL: "Geldig vanaf",
        Language.FR: "Valable à partir du",
        Language.EN: "Valid from",
    },
    "valid_until": {
        Language.NL: "Geldig tot",
        Language.FR: "Valable jusqu'au",
        Language.EN: "Valid until",
    },
    "expired": {Language.NL: "VERLOPEN", Language.FR: "EXPIRÉE", Language.EN: "EXPIRED"},
    "number": {
        Language.NL: "Rijksregisternummer",
        Language.FR: "Numéro de registre national",
        Language.EN: "National number",
    },
    "bis": {Language.NL: "BIS-nummer", Language.FR: "numéro BIS", Language.EN: "BIS number"},
    "card_present": {
        Language.NL: "kaart aanwezig",
        Language.FR: "carte présente",
        Language.EN: "card present",
    },
    "empty": {Language.NL: "leeg", Language.FR: "vide", Language.EN: "empty"},
    "exclusive": {
        Language.NL: "in exclusief gebruik door een ander programma",
        Language.FR: "utilisé en exclusivité par un autre programme",
        Language.EN: "in exclusive use by another program",
    },
    "no_readers": {
        Language.NL: "Geen kaartlezers gevonden.",
        Language.FR: "Aucun lecteur de cartes trouvé.",
        Language.EN: "No card readers found.",
    },
    "error": {Language.NL: "Fout", Language.FR: "Erreur", Language.EN: "Error"},
    "next": {Language.NL: "Wat nu", Language.FR: "Que faire", Language.EN: "What to do"},
    "inserted": {
        Language.NL: "Virtuele kaart '{profile}' zit in vpcd-poort {port}. Ctrl+C neemt ze uit.",
        Language.FR: "Carte virtuelle '{profile}' insérée dans le port vpcd {port}. Ctrl+C la retire.",
        Language.EN: "Virtual card '{profile}' is in vpcd port {port}. Ctrl+C takes it out.",
    },
    "removed": {
        Language.NL: "Kaart uitgenomen.",
        Language.FR: "Carte retirée.",
        Language.EN: "Card taken out.",
    },
    "vpcd_unreachable": {
        Language.NL: "vpcd is niet bereikbaar op {host}:{port}. Is pcscd gestart en vsmartcard-vpcd geïnstalleerd?",
        Language.FR: "vpcd est injoignable sur {host}:{port}. pcscd est-il démarré et vsmartcard-vpcd installé ?",
        Language.EN: "vpcd is not reachable at {host}:{port}. Is pcscd running and vsmartcard-vpcd installed?",
    },
    "file_unreadable": {
        Language.NL: "Het bestand {path} kan niet gelezen worden: {reason}",
        Language.FR: "Le fichier {path} ne peut pas être lu : {reason}",
        Language.EN: "The file {path} cannot be read: {reason}",
    },
    "secret_stored": {
        Language.NL: "{name}: bewaard in de sleutelopslag van het systeem.",
        Language.FR: "{name} : enregistré dans le trousseau du système.",
        Language.EN: "{name}: stored in the system keyring.",
    },
    "secret_empty": {
        Language.NL: "{name}: leeg; er werd niets bewaard.",
        Language.FR: "{name} : vide ; rien n'a été enregistré.",
        Language.EN: "{name}: empty; nothing was stored.",
    },
    "service": {Language.NL: "Dienst", Language.FR: "Service", Language.EN: "Service"},
    "channel": {Language.NL: "Kanaal", Language.FR: "Canal", Language.EN: "Channel"},
    "channel_card": {Language.NL: "eID-kaart", Language.FR: "carte eID", Language.EN: "eID card"},
    "channel_manual": {
        Language.NL: "manueel ingegeven",
        Language.FR: "saisi manuellement",
        Language.EN: "typed in",
    },
    "outcome": {Language.NL: "Advies", Language.FR: "Avis", Language.EN: "Advice"},
    "eligible_yes": {
        Language.NL: "recht op vermindering",
        Language.FR: "droit à une réduction",
        Language.EN: "entitled to a reduction",
    },
    "eligible_no": {
        Language.NL: "geen vermindering",
        Language.FR: "pas de réduction",
        Language.EN: "no reduction",
    },
    "serving": {
        Language.NL: "Adviesdienst luistert op {url} (Ctrl+C stopt).",
        Language.FR: "Le service d'avis écoute sur {url} (Ctrl+C arrête).",
        Language.EN: "Advice service listening on {url} (Ctrl+C stops).",
    },
    "code": {Language.NL: "Code", Language.FR: "Code", Language.EN: "Code"},
    "apply": {Language.NL: "Toepassen", Language.FR: "À appliquer", Language.EN: "Apply"},
    "data_as_of": {
        Language.NL: "Gegevens van",
        Language.FR: "Données du",
        Language.EN: "Data as of",
    },
    "advice_id": {Language.NL: "Advies-id", Language.FR: "Id de l'avis", Language.EN: "Advice id"},
    "unknown": {Language.NL: "onbekend", Language.FR: "inconnu", Language.EN: "unknown"},
    "insz_invalid_typed": {
        Language.NL: "Fout: het ingegeven rijksregisternummer is niet geldig (controlecijfer of datum). [INVALID_INSZ]",
        Language.FR: "Erreur : le numéro de registre national saisi n'est pas valide (chiffre de contrôle ou date). [INVALID_INSZ]",
        Language.EN: "Error: the national number typed is not valid (check digits or date). [INVALID_INSZ]",
    },
    "authenticity": {
        Language.NL: "Echtheid",
        Language.FR: "Authenticité",
        Language.EN: "Authenticity",
    },
    "genuine": {
        Language.NL: "bevestigd ({anchor}; {algorithm})",
        Language.FR: "confirmée ({anchor} ; {algorithm})",
        Language.EN: "confirmed ({anchor}; {algorithm})",
    },
    "not_genuine": {
        Language.NL: "NIET bevestigd: {step} [{code}]",
        Language.FR: "NON confirmée : {step} [{code}]",
        Language.EN: "NOT confirmed: {step} [{code}]",
    },
    "anchor_belgian-root": {
        Language.NL: "root {name}",
        Language.FR: "racine {name}",
        Language.EN: "root {name}",
    },
    "anchor_test-root": {
        Language.NL: "testroot {name}",
        Language.FR: "racine de test {name}",
        Language.EN: "test root {name}",
    },
    "anchor_test-rrn-certificate": {
        Language.NL: "test-RRN-certificaat {name}, root niet gecontroleerd",
        Language.FR: "certificat RRN de test {name}, racine non vérifiée",
        Language.EN: "test RRN certificate {name}, root not checked",
    },
    "step_root-not-pinned": {
        Language.NL: "de kaart draagt geen vertrouwde eID-root",
        Language.FR: "la carte ne porte pas de racine eID de confiance",
        Language.EN: "the card carries no trusted eID root",
    },
    "step_chain": {
        Language.NL: "het RRN-certificaat is niet door die root uitgegeven",
        Language.FR: "le certificat RRN n'a pas été émis par cette racine",
        Language.EN: "the RRN certificate was not issued by that root",
    },
    "step_validity-usage": {
        Language.NL: "het RRN-certificaat was niet geldig toen de kaart werd uitgereikt, of is niet voor handtekeningen bedoeld",
        Language.FR: "le certificat RRN n'était pas valable à la délivrance de la carte, ou n'est pas destiné aux signatures",
        Language.EN: "the RRN certificate was not valid when the card was issued, or is not meant for signatures",
    },
    "step_signature": {
        Language.NL: "de handtekening op de identiteitsgegevens klopt niet",
        Language.FR: "la signature des données d'identité ne correspond pas",
        Language.EN: "the signature on the identity data does not verify",
    },
}


def label(key: str, language: Language, **values: object) -> str:
    text = LABELS[key][language]
    return text.format(**values) if values else text
