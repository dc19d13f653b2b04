# SPDX-License-Identifier: EUPL-1.2
"""The words of ``baliecheck audit``: Dutch msgids, translated at use (app.i18n)."""

# A translation table: one sentence per line reads better than wrapped fragments.
# ruff: noqa: E501

from __future__ import annotations

from typing import TYPE_CHECKING

from app.audit.chain import Break
from app.i18n import N_, translations

if TYPE_CHECKING:
    from collections.abc import Callable
    from gettext import NullTranslations

    from app.language import Language

TEXTS: dict[str, str] = {
    "empty": N_("Auditlogboek in orde: nog geen records."),
    "broken": N_("Auditlogboek GEBROKEN bij record {seq}: {why}."),
    "key_mismatch": N_(
        "Auditlogboek niet te controleren: het werd met een andere installatiesleutel geschreven."
    ),
    "bad_period": N_("--to mag niet voor --from liggen."),
    "outbox": N_(
        "Wachtend op de adviesdienst: {pending}; geweigerd: {rejected}; afgeleverd: {delivered}."
    ),
    "last_problem": N_(", laatst: {problem}"),
    "pending": N_("wacht"),
    "rejected": N_("geweigerd"),
    "sent": N_("Afgeleverd: {delivered}; geweigerd: {rejected}; nog wachtend: {pending}."),
    "nothing_to_purge": N_("Niets te verwijderen: geen records ouder dan {date}."),
    "witness_keyring": N_(
        "Dat blijkt uit het ijkpunt in de sleutelopslag (record {anchor}); het head-bestand naast het auditlogboek zegt het niet: het werd verwijderd of vervangen."
    ),
    "anchored": N_("Het einde klopt met het ijkpunt in de sleutelopslag (record {anchor})."),
    "no_anchor": N_(
        "Nog geen ijkpunt in de sleutelopslag: het einde kon niet vergeleken worden (het volgende record zet het)."
    ),
    "anchor_unreadable": N_(
        "Auditlogboek niet te controleren: het ijkpunt in de sleutelopslag is onleesbaar (gewijzigd of beschadigd). Meld dit aan de informaticadienst."
    ),
    "held_back": N_(
        "Record {seq} en later blijven bewaard: nog niet afgeleverd bij de adviesdienst."
    ),
}

# One record rather than a range.
BREAKS_ONE: dict[Break, str] = {
    Break.MISSING: N_("het record ontbreekt"),
    Break.CUT_OFF: N_("het record werd aan het einde weggeknipt"),
}

BREAKS: dict[Break, str] = {
    Break.MISSING: N_("records {seq} tot {through} ontbreken"),
    Break.CHANGED: N_("de inhoud werd gewijzigd nadat hij geregistreerd was"),
    Break.OUT_OF_PLACE: N_(
        "het volgt niet op het record ervoor (verplaatst, verwisseld of ingevoegd)"
    ),
    Break.UNREADABLE: N_("het bestand is vanaf hier onleesbaar (afgekapt of beschadigd)"),
    Break.CUT_OFF: N_("records {seq} tot {through} werden aan het einde weggeknipt"),
    Break.REPLACED: N_(
        "het verschilt van het record dat de sleutelopslag als laatste kent: het auditlogboek werd vervangen"
    ),
    Break.UNRECORDED_DELIVERY: N_(
        "de wachtrij zegt dat deze beslissing afgeleverd (of geweigerd) is, maar dat werd nooit geregistreerd: ze heeft de adviesdienst misschien nooit bereikt"
    ),
    Break.OUTBOX_CHANGED: N_(
        "de wachtrij naar de adviesdienst werd gewijzigd (een regel verwijderd of een toestand aangepast)"
    ),
}

# Sentences with a number in them: the catalogue picks the form for the count.
COUNTED: dict[str, Callable[[NullTranslations, int], str]] = {
    "intact": lambda c, n: c.ngettext(
        "Auditlogboek in orde: {records} record ({first} tot {last}).",
        "Auditlogboek in orde: {records} records ({first} tot {last}).",
        n,
    ),
    "good_before": lambda c, n: c.ngettext(
        "Het record ervoor is in orde.",
        "De {records} records ervoor zijn in orde.",
        n,
    ),
    "exported": lambda c, n: c.ngettext(
        "{count} record uitgevoerd.",
        "{count} records uitgevoerd.",
        n,
    ),
    "waiting_row": lambda c, n: c.ngettext(
        "  record {seq} ({kind}, {service}, {at}): {state}, {attempts} poging{last}",
        "  record {seq} ({kind}, {service}, {at}): {state}, {attempts} pogingen{last}",
        n,
    ),
    "purged": lambda c, n: c.ngettext(
        "{count} record verwijderd ({first} tot {through}), ouder dan {date}; controlepunt {checkpoint} houdt de keten controleerbaar.",
        "{count} records verwijderd ({first} tot {through}), ouder dan {date}; controlepunt {checkpoint} houdt de keten controleerbaar.",
        n,
    ),
    "would_purge": lambda c, n: c.ngettext(
        "Zou {count} record verwijderen ({first} tot {through}), ouder dan {date}.",
        "Zou {count} records verwijderen ({first} tot {through}), ouder dan {date}.",
        n,
    ),
}


def text(key: str, language: Language, **values: object) -> str:
    words = translations(language).gettext(TEXTS[key])
    return words.format(**values) if values else words


def counted(key: str, language: Language, number: int, /, **values: object) -> str:
    """``key``'s sentence in the form for ``number`` (one record, two records)."""
    return COUNTED[key](translations(language), number).format(**values)


def why_broken(broken: Break, language: Language, *, seq: int | None, through: int | None) -> str:
    """Why the chain breaks at ``seq``: one record, or the range up to ``through``."""
    table = BREAKS_ONE if through is None or through == seq else BREAKS
    words = table.get(broken, BREAKS[broken])
    return translations(language).gettext(words).format(seq=seq, through=through)
