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
}


def label(key: str, language: Language, **values: object) -> str:
    text = LABELS[key][language]
    return text.format(**values) if values else text
