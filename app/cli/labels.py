# SPDX-License-Identifier: EUPL-1.2
"""The command line's own words (labels and short phrases): Dutch msgids, translated at use."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.i18n import N_, translations

if TYPE_CHECKING:
    from app.language import Language

LABELS: dict[str, str] = {
    "training_banner": N_("OEFENMODUS — geen echte gegevens"),
    "reader": N_("Lezer"),
    "generation": N_("Kaartgeneratie"),
    "valid_from": N_("Geldig vanaf"),
    "valid_until": N_("Geldig tot"),
    "expired": N_("VERLOPEN"),
    "number": N_("Rijksregisternummer"),
    "bis": N_("BIS-nummer"),
    "card_present": N_("kaart aanwezig"),
    "empty": N_("leeg"),
    "exclusive": N_("in exclusief gebruik door een ander programma"),
    "no_readers": N_("Geen kaartlezers gevonden."),
    "error": N_("Fout"),
    "next": N_("Wat nu"),
    "inserted": N_("Virtuele kaart '{profile}' zit in vpcd-poort {port}. Ctrl+C neemt ze uit."),
    "removed": N_("Kaart uitgenomen."),
    "vpcd_unreachable": N_(
        "vpcd is niet bereikbaar op {host}:{port}. Is pcscd gestart en vsmartcard-vpcd geïnstalleerd?"
    ),
    "file_unreadable": N_("Het bestand {path} kan niet gelezen worden: {reason}"),
    "secret_stored": N_("{name}: bewaard in de sleutelopslag van het systeem."),
    "secret_empty": N_("{name}: leeg; er werd niets bewaard."),
    "service": N_("Dienst"),
    "channel": N_("Kanaal"),
    "channel_card": N_("eID-kaart"),
    "channel_manual": N_("manueel ingegeven"),
    "outcome": N_("Advies"),
    "eligible_yes": N_("recht op vermindering"),
    "eligible_no": N_("geen vermindering"),
    "serving": N_("Adviesdienst luistert op {url} (Ctrl+C stopt)."),
    "code": N_("Code"),
    "apply": N_("Toepassen"),
    "data_as_of": N_("Gegevens van"),
    "advice_id": N_("Advies-id"),
    "unknown": N_("onbekend"),
    "insz_invalid_typed": N_(
        "Fout: het ingegeven rijksregisternummer is niet geldig (controlecijfer of datum). [INVALID_INSZ]"
    ),
    "authenticity": N_("Echtheid"),
    "genuine": N_("bevestigd ({anchor}; {algorithm})"),
    "not_genuine": N_("NIET bevestigd: {step} [{code}]"),
    "anchor_belgian-root": N_("root {name}"),
    "anchor_test-root": N_("testroot {name}"),
    "anchor_test-rrn-certificate": N_("test-RRN-certificaat {name}, root niet gecontroleerd"),
    "step_root-not-pinned": N_("de kaart draagt geen vertrouwde eID-root"),
    "step_chain": N_("het RRN-certificaat is niet door die root uitgegeven"),
    "step_validity-usage": N_(
        "het RRN-certificaat was niet geldig toen de kaart werd uitgereikt, of is niet voor handtekeningen bedoeld"
    ),
    "step_signature": N_("de handtekening op de identiteitsgegevens klopt niet"),
}


def label(key: str, language: Language, **values: object) -> str:
    text = translations(language).gettext(LABELS[key])
    return text.format(**values) if values else text
