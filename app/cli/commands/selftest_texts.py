# SPDX-License-Identifier: EUPL-1.2
"""The words of ``baliecheck selftest``: Dutch msgids, translated at use (app.i18n)."""

# A translation table: one sentence per line reads better than wrapped fragments.
# ruff: noqa: E501

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import N_, translations

if TYPE_CHECKING:
    from collections.abc import Callable
    from gettext import NullTranslations

    from app.language import Language

TEXTS: dict[str, str] = {
    "title": N_("baliecheck {version} — zelftest"),
    "ok": N_("OK"),
    "warn": N_("LET OP"),
    "fail": N_("FOUT"),
    "config_file": N_("Configuratie: {path} ({locked}; {mode})"),
    "config_none": N_(
        "Configuratie: geen bestand ({path} noch {machine}): oefenmodus, geen echte gegevens"
    ),
    "config_invalid": N_("Configuratie: onbruikbaar"),
    "locked": N_("vergrendeld door de beheerder"),
    "unlocked": N_("niet vergrendeld"),
    "training": N_("oefenmodus, geen echte gegevens"),
    "real": N_("echte gegevens"),
    "pcsc_ok": N_("PC/SC-dienst antwoordt"),
    "pcsc_fail": N_("PC/SC-dienst"),
    "readers": N_("Kaartlezers: {count}"),
    "readers_none": N_("Kaartlezers: geen gevonden"),
    "reader_missing": N_("Kaartlezer '{name}' uit [desk] reader"),
    "rules_fail": N_("Regels uit {path}"),
    "credentials_ok": N_("Sleutelopslag: '{name}' aanwezig"),
    "credentials_fail": N_("Sleutelopslag: '{name}'"),
    "backend_ok": N_("Adviesdienst {where}: gezond"),
    "backend_degraded": N_("Adviesdienst {where}: beperkt; bronnen zonder gegevens: {sources}"),
    "backend_fail": N_("Adviesdienst {where}"),
    "embedded": N_("ingebouwd"),
    "services_missing": N_(
        "Diensten uit [desk] services die de adviesdienst niet aanbiedt: {codes}"
    ),
    "data_ok": N_("Gegevensmap {path}: schrijfbaar"),
    "data_fail": N_("Gegevensmap {path}"),
    "log_ok": N_("Logboek van de balie: {path}"),
    "log_fail": N_(
        "Logboek van de balie: {path} is niet schrijfbaar (de balie werkt, maar zonder logboek voor de informaticadienst)"
    ),
    "translations_ok": N_("Vertalingen: {languages}"),
    "translations_missing": N_(
        "Vertalingen: {files} ontbreken in {path} (de balie blijft dan Nederlandstalig)"
    ),
    "audit_ok": N_("Auditlogboek {path}: opent, testrecord geschreven en teruggedraaid"),
    "audit_fail": N_("Auditlogboek {path}: er kan geen beslissing geregistreerd worden"),
    "key_ok": N_(
        "Installatiesleutel: aanwezig in de sleutelopslag (bewaar een reservekopie: 'baliecheck credentials export BESTAND')"
    ),
    "key_new": N_(
        "Installatiesleutel: nog geen (wordt bij het eerste gebruik aangemaakt; maak dan een reservekopie met 'baliecheck credentials export BESTAND')"
    ),
    "key_fail": N_("Installatiesleutel: niet bruikbaar"),
    "key_restore": N_(
        "Een verloren installatiesleutel komt terug met 'baliecheck credentials import BESTAND' (de reservekopie van 'credentials export'); een nieuwe sleutel kan de bestaande gegevens niet lezen."
    ),
    # Acceptance mode: [card] test_roots without training.
    "mode_acceptance": N_(
        "Acceptatiemodus: TESTKAARTEN TOEGELATEN — niet voor burgers (test-root: {roots})"
    ),
    "anchor_ok": N_(
        "Einde van het auditlogboek klopt met het ijkpunt in de sleutelopslag (record {seq})"
    ),
    "anchor_cut": N_(
        "Auditlogboek ingekort: de sleutelopslag kent record {seq}, het logboek eindigt vroeger. Voer 'baliecheck audit verify' uit en meld dit aan de informaticadienst."
    ),
    "anchor_replaced": N_(
        "Auditlogboek vervangen: record {seq} is niet het record dat de sleutelopslag kent. Voer 'baliecheck audit verify' uit en meld dit aan de informaticadienst."
    ),
    "anchor_unreadable": N_(
        "Het ijkpunt van het auditlogboek in de sleutelopslag is onleesbaar. Meld dit aan de informaticadienst."
    ),
}

# Lines with a number in them (``count`` among the values): the form for the count.
COUNTED: dict[str, Callable[[NullTranslations, int], str]] = {
    "rules_ok": lambda c, n: c.ngettext(
        "Regels: {count} dienst uit {path}", "Regels: {count} diensten uit {path}", n
    ),
}


def text(key: str, language: Language, **values: object) -> str:
    catalogue = translations(language)
    if key in COUNTED:
        words = COUNTED[key](catalogue, int(str(values["count"])))
    else:
        words = catalogue.gettext(TEXTS[key])
    return words.format(**values) if values else words


def summary(language: Language, *, failures: int, warnings: int) -> str:
    """The last line: ready (and how many warnings), or not (how many failures and warnings)."""
    catalogue = translations(language)
    warned = catalogue.ngettext("{warnings} keer LET OP", "{warnings} keer LET OP", warnings)
    warned = warned.format(warnings=warnings)
    if not failures:
        return catalogue.gettext("Klaar voor gebruik ({warned}).").format(warned=warned)
    failed = catalogue.ngettext("{failures} keer FOUT", "{failures} keer FOUT", failures)
    failed = failed.format(failures=failures)
    return catalogue.gettext("NIET klaar: {failed}, {warned}.").format(failed=failed, warned=warned)
