# SPDX-License-Identifier: EUPL-1.2
"""The words of ``baliecheck audit`` in Dutch, French and English."""

# A translation table: one sentence per line reads better than wrapped fragments.
# ruff: noqa: E501

from __future__ import annotations

from app.audit.chain import Break
from app.language import Language

NL, FR, EN = Language.NL, Language.FR, Language.EN

TEXTS: dict[str, dict[Language, str]] = {
    "intact": {
        NL: "Auditlogboek in orde: {records} records ({first} tot {last}).",
        FR: "Journal d'audit intact : {records} enregistrements ({first} à {last}).",
        EN: "Audit log intact: {records} records ({first} to {last}).",
    },
    "empty": {
        NL: "Auditlogboek in orde: nog geen records.",
        FR: "Journal d'audit intact : pas encore d'enregistrements.",
        EN: "Audit log intact: no records yet.",
    },
    "broken": {
        NL: "Auditlogboek GEBROKEN bij record {seq}: {why}.",
        FR: "Journal d'audit ROMPU à l'enregistrement {seq} : {why}.",
        EN: "Audit log BROKEN at record {seq}: {why}.",
    },
    "key_mismatch": {
        NL: "Auditlogboek niet te controleren: het werd met een andere installatiesleutel geschreven.",
        FR: "Journal d'audit invérifiable : il a été écrit avec une autre clé d'installation.",
        EN: "Audit log cannot be checked: it was written under another installation key.",
    },
    "good_before": {
        NL: "De {records} records ervoor zijn in orde.",
        FR: "Les {records} enregistrements qui précèdent sont intacts.",
        EN: "The {records} records before it are intact.",
    },
    "bad_period": {
        NL: "--to mag niet voor --from liggen.",
        FR: "--to ne peut pas précéder --from.",
        EN: "--to must not be before --from.",
    },
    "exported": {
        NL: "{count} records uitgevoerd.",
        FR: "{count} enregistrements exportés.",
        EN: "{count} records exported.",
    },
    "outbox": {
        NL: "Wachtend op de adviesdienst: {pending}; geweigerd: {rejected}; afgeleverd: {delivered}.",
        FR: "En attente du service d'avis : {pending} ; refusés : {rejected} ; livrés : {delivered}.",
        EN: "Waiting for the advice service: {pending}; rejected: {rejected}; delivered: {delivered}.",
    },
    "waiting_row": {
        NL: "  record {seq} ({kind}, {service}, {at}): {state}, {attempts} pogingen{last}",
        FR: "  enregistrement {seq} ({kind}, {service}, {at}) : {state}, {attempts} tentatives{last}",
        EN: "  record {seq} ({kind}, {service}, {at}): {state}, {attempts} attempts{last}",
    },
    "last_problem": {
        NL: ", laatst: {problem}",
        FR: ", dernier : {problem}",
        EN: ", last: {problem}",
    },
    "pending": {NL: "wacht", FR: "en attente", EN: "waiting"},
    "rejected": {NL: "geweigerd", FR: "refusé", EN: "rejected"},
    "sent": {
        NL: "Afgeleverd: {delivered}; geweigerd: {rejected}; nog wachtend: {pending}.",
        FR: "Livrés : {delivered} ; refusés : {rejected} ; encore en attente : {pending}.",
        EN: "Delivered: {delivered}; rejected: {rejected}; still waiting: {pending}.",
    },
    "nothing_to_purge": {
        NL: "Niets te verwijderen: geen records ouder dan {date}.",
        FR: "Rien à supprimer : aucun enregistrement antérieur au {date}.",
        EN: "Nothing to purge: no records older than {date}.",
    },
    "purged": {
        NL: "{count} records verwijderd ({first} tot {through}), ouder dan {date}; controlepunt {checkpoint} houdt de keten controleerbaar.",
        FR: "{count} enregistrements supprimés ({first} à {through}), antérieurs au {date} ; le point de contrôle {checkpoint} garde la chaîne vérifiable.",
        EN: "{count} records purged ({first} to {through}), older than {date}; checkpoint {checkpoint} keeps the chain verifiable.",
    },
    "would_purge": {
        NL: "Zou {count} records verwijderen ({first} tot {through}), ouder dan {date}.",
        FR: "Supprimerait {count} enregistrements ({first} à {through}), antérieurs au {date}.",
        EN: "Would purge {count} records ({first} to {through}), older than {date}.",
    },
    "held_back": {
        NL: "Record {seq} en later blijven bewaard: nog niet afgeleverd bij de adviesdienst.",
        FR: "L'enregistrement {seq} et les suivants sont gardés : pas encore livrés au service d'avis.",
        EN: "Record {seq} and later are kept: not delivered to the advice service yet.",
    },
}

# One record rather than a range.
BREAKS_ONE: dict[Break, dict[Language, str]] = {
    Break.MISSING: {
        NL: "het record ontbreekt",
        FR: "l'enregistrement manque",
        EN: "the record is missing",
    },
    Break.CUT_OFF: {
        NL: "het record werd aan het einde weggeknipt",
        FR: "l'enregistrement a été coupé à la fin",
        EN: "the record was cut off the end",
    },
}

BREAKS: dict[Break, dict[Language, str]] = {
    Break.MISSING: {
        NL: "records {seq} tot {through} ontbreken",
        FR: "les enregistrements {seq} à {through} manquent",
        EN: "records {seq} to {through} are missing",
    },
    Break.CHANGED: {
        NL: "de inhoud werd gewijzigd nadat hij geregistreerd was",
        FR: "son contenu a été modifié après l'enregistrement",
        EN: "its content was changed after it was recorded",
    },
    Break.OUT_OF_PLACE: {
        NL: "het volgt niet op het record ervoor (verplaatst, verwisseld of ingevoegd)",
        FR: "il ne suit pas l'enregistrement précédent (déplacé, interverti ou inséré)",
        EN: "it does not follow the record before it (moved, swapped or inserted)",
    },
    Break.UNREADABLE: {
        NL: "het bestand is vanaf hier onleesbaar (afgekapt of beschadigd)",
        FR: "le fichier est illisible à partir d'ici (tronqué ou endommagé)",
        EN: "the file cannot be read from here on (truncated or damaged)",
    },
    Break.CUT_OFF: {
        NL: "records {seq} tot {through} werden aan het einde weggeknipt",
        FR: "les enregistrements {seq} à {through} ont été coupés à la fin",
        EN: "records {seq} to {through} were cut off the end",
    },
}

# issue 13: the keyring's anchor and the outbox under the chain.
BREAKS.update(
    {
        Break.REPLACED: {
            NL: "het verschilt van het record dat de sleutelopslag als laatste kent: het auditlogboek werd vervangen",
            FR: "il diffère de l'enregistrement que le trousseau connaît comme le dernier : le journal d'audit a été remplacé",
            EN: "it differs from the record the keyring knows as the last one: the audit log was replaced",
        },
        Break.UNRECORDED_DELIVERY: {
            NL: "de wachtrij zegt dat deze beslissing afgeleverd (of geweigerd) is, maar dat werd nooit geregistreerd: ze heeft de adviesdienst misschien nooit bereikt",
            FR: "la file d'attente dit que cette décision a été livrée (ou refusée), mais cela n'a jamais été enregistré : elle n'a peut-être jamais atteint le service d'avis",
            EN: "the outbox says this decision was delivered (or rejected), but that was never recorded: it may never have reached the advice service",
        },
        Break.OUTBOX_CHANGED: {
            NL: "de wachtrij naar de adviesdienst werd gewijzigd (een regel verwijderd of een toestand aangepast)",
            FR: "la file d'attente vers le service d'avis a été modifiée (une ligne supprimée ou un état changé)",
            EN: "the outbox to the advice service was changed (an entry removed or its state edited)",
        },
    }
)
TEXTS.update(
    {
        "witness_keyring": {
            NL: "Dat blijkt uit het ijkpunt in de sleutelopslag (record {anchor}); het head-bestand naast het auditlogboek zegt het niet: het werd verwijderd of vervangen.",
            FR: "C'est ce que montre le point de repère du trousseau (enregistrement {anchor}) ; le fichier head à côté du journal ne le dit pas : il a été supprimé ou remplacé.",
            EN: "The anchor in the keyring shows it (record {anchor}); the head file beside the audit log does not: it was deleted or replaced.",
        },
        "anchored": {
            NL: "Het einde klopt met het ijkpunt in de sleutelopslag (record {anchor}).",
            FR: "La fin correspond au point de repère du trousseau (enregistrement {anchor}).",
            EN: "The end matches the anchor in the keyring (record {anchor}).",
        },
        "no_anchor": {
            NL: "Nog geen ijkpunt in de sleutelopslag: het einde kon niet vergeleken worden (het volgende record zet het).",
            FR: "Pas encore de point de repère dans le trousseau : la fin n'a pas pu être comparée (le prochain enregistrement le pose).",
            EN: "No anchor in the keyring yet: the end could not be compared (the next record sets it).",
        },
        "anchor_unreadable": {
            NL: "Auditlogboek niet te controleren: het ijkpunt in de sleutelopslag is onleesbaar (gewijzigd of beschadigd). Meld dit aan de informaticadienst.",
            FR: "Journal d'audit invérifiable : le point de repère du trousseau est illisible (modifié ou endommagé). Signalez-le au service informatique.",
            EN: "Audit log cannot be checked: the anchor in the keyring cannot be read (changed or damaged). Report this to IT support.",
        },
    }
)
