# SPDX-License-Identifier: EUPL-1.2
"""The words of ``baliecheck selftest`` in Dutch, French and English."""

# A translation table: one sentence per line reads better than wrapped fragments.
# ruff: noqa: E501

from __future__ import annotations

from app.language import Language

NL, FR, EN = Language.NL, Language.FR, Language.EN

TEXTS: dict[str, dict[Language, str]] = {
    "title": {
        NL: "baliecheck {version} — zelftest",
        FR: "baliecheck {version} — autotest",
        EN: "baliecheck {version} — self-test",
    },
    "ok": {NL: "OK", FR: "OK", EN: "OK"},
    "warn": {NL: "LET OP", FR: "ATTENTION", EN: "WARNING"},
    "fail": {NL: "FOUT", FR: "ERREUR", EN: "FAILED"},
    "config_file": {
        NL: "Configuratie: {path} ({locked}; {mode})",
        FR: "Configuration : {path} ({locked} ; {mode})",
        EN: "Configuration: {path} ({locked}; {mode})",
    },
    "config_none": {
        NL: "Configuratie: geen bestand ({path} noch {machine}): oefenmodus, geen echte gegevens",
        FR: "Configuration : aucun fichier (ni {path} ni {machine}) : mode exercice, pas de vraies données",
        EN: "Configuration: no file (neither {path} nor {machine}): training mode, no real data",
    },
    "config_invalid": {
        NL: "Configuratie: onbruikbaar",
        FR: "Configuration : inutilisable",
        EN: "Configuration: unusable",
    },
    "locked": {
        NL: "vergrendeld door de beheerder",
        FR: "verrouillée par l'administrateur",
        EN: "locked by the admin",
    },
    "unlocked": {NL: "niet vergrendeld", FR: "non verrouillée", EN: "not locked"},
    "training": {
        NL: "oefenmodus, geen echte gegevens",
        FR: "mode exercice, pas de vraies données",
        EN: "training mode, no real data",
    },
    "real": {NL: "echte gegevens", FR: "vraies données", EN: "real data"},
    "pcsc_ok": {
        NL: "PC/SC-dienst antwoordt",
        FR: "Le service PC/SC répond",
        EN: "PC/SC service answers",
    },
    "pcsc_fail": {NL: "PC/SC-dienst", FR: "Service PC/SC", EN: "PC/SC service"},
    "readers": {
        NL: "Kaartlezers: {count}",
        FR: "Lecteurs de cartes : {count}",
        EN: "Card readers: {count}",
    },
    "readers_none": {
        NL: "Kaartlezers: geen gevonden",
        FR: "Lecteurs de cartes : aucun trouvé",
        EN: "Card readers: none found",
    },
    "reader_missing": {
        NL: "Kaartlezer '{name}' uit [desk] reader",
        FR: "Lecteur '{name}' de [desk] reader",
        EN: "Card reader '{name}' from [desk] reader",
    },
    "rules_ok": {
        NL: "Regels: {count} diensten uit {path}",
        FR: "Règles : {count} services depuis {path}",
        EN: "Rules: {count} services from {path}",
    },
    "rules_fail": {NL: "Regels uit {path}", FR: "Règles depuis {path}", EN: "Rules from {path}"},
    "credentials_ok": {
        NL: "Sleutelopslag: '{name}' aanwezig",
        FR: "Trousseau : '{name}' présent",
        EN: "Keyring: '{name}' present",
    },
    "credentials_fail": {
        NL: "Sleutelopslag: '{name}'",
        FR: "Trousseau : '{name}'",
        EN: "Keyring: '{name}'",
    },
    "backend_ok": {
        NL: "Adviesdienst {where}: gezond",
        FR: "Service d'avis {where} : en bonne santé",
        EN: "Advice service {where}: healthy",
    },
    "backend_degraded": {
        NL: "Adviesdienst {where}: beperkt; bronnen zonder gegevens: {sources}",
        FR: "Service d'avis {where} : dégradé ; sources sans données : {sources}",
        EN: "Advice service {where}: degraded; sources without data: {sources}",
    },
    "backend_fail": {
        NL: "Adviesdienst {where}",
        FR: "Service d'avis {where}",
        EN: "Advice service {where}",
    },
    "embedded": {NL: "ingebouwd", FR: "intégré", EN: "embedded"},
    "services_missing": {
        NL: "Diensten uit [desk] services die de adviesdienst niet aanbiedt: {codes}",
        FR: "Services de [desk] services que le service d'avis ne propose pas : {codes}",
        EN: "Services in [desk] services that the advice service does not offer: {codes}",
    },
    "data_ok": {
        NL: "Gegevensmap {path}: schrijfbaar, auditlogboek opent",
        FR: "Dossier de données {path} : accessible en écriture, le journal d'audit s'ouvre",
        EN: "Data folder {path}: writable, audit log opens",
    },
    "data_fail": {
        NL: "Gegevensmap {path}",
        FR: "Dossier de données {path}",
        EN: "Data folder {path}",
    },
    "log_ok": {
        NL: "Logboek van de balie: {path}",
        FR: "Journal du guichet : {path}",
        EN: "Desk log: {path}",
    },
    "log_fail": {
        NL: "Logboek van de balie: {path} is niet schrijfbaar (de balie werkt, maar zonder logboek voor de informaticadienst)",
        FR: "Journal du guichet : {path} n'est pas accessible en écriture (le guichet fonctionne, mais sans journal pour le service informatique)",
        EN: "Desk log: {path} is not writable (the desk works, but without a log for IT)",
    },
    "translations_ok": {
        NL: "Vertalingen: {languages}",
        FR: "Traductions : {languages}",
        EN: "Translations: {languages}",
    },
    "translations_missing": {
        NL: "Vertalingen: {files} ontbreken in {path} (de balie blijft dan Nederlandstalig)",
        FR: "Traductions : {files} manquent dans {path} (le guichet reste alors en néerlandais)",
        EN: "Translations: {files} missing from {path} (the desk then stays in Dutch)",
    },
    "summary_ok": {
        NL: "Klaar voor gebruik ({warnings} keer LET OP).",
        FR: "Prêt à l'emploi ({warnings} fois ATTENTION).",
        EN: "Ready for use ({warnings} warnings).",
    },
    "summary_fail": {
        NL: "NIET klaar: {failures} keer FOUT, {warnings} keer LET OP.",
        FR: "PAS prêt : {failures} fois ERREUR, {warnings} fois ATTENTION.",
        EN: "NOT ready: {failures} failed, {warnings} warnings.",
    },
    # Acceptance mode: [card] test_roots without training (issue 13).
    "mode_acceptance": {
        NL: "Acceptatiemodus: TESTKAARTEN TOEGELATEN — niet voor burgers (test-root: {roots})",
        FR: "Mode recette : CARTES DE TEST ACCEPTÉES — pas pour les citoyens (racine de test : {roots})",
        EN: "Acceptance mode: TEST CARDS ACCEPTED — not for citizens (test root: {roots})",
    },
}


def text(key: str, language: Language, **values: object) -> str:
    words = TEXTS[key][language]
    return words.format(**values) if values else words
