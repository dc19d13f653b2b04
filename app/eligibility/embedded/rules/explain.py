# SPDX-License-Identifier: EUPL-1.2
"""A rule in plain sentences (nl/fr/en), for the council's check that the file says what the
regulation says: ``baliecheck rules explain SERVICE``."""

from __future__ import annotations

from typing import TYPE_CHECKING

from app.eligibility.embedded.rules.model import AllOf, AnyOf, Not, Ref
from app.i18n import N_, translations

if TYPE_CHECKING:
    import gettext

    from app.eligibility.embedded.rules.facts import Comparison, FactTest
    from app.eligibility.embedded.rules.model import Condition, RuleVersion, ServiceRules
    from app.eligibility.embedded.rules.validity import Validity
    from app.language import Language

_COMPARISONS = {
    "<": N_("kleiner dan {value}"),
    "<=": N_("ten hoogste {value}"),
    "=": N_("gelijk aan {value}"),
    ">=": N_("minstens {value}"),
    ">": N_("groter dan {value}"),
    "in": N_("een van {value}"),
}


def explain(rules: ServiceRules, language: Language) -> list[str]:
    """The rule, version by version, as lines of plain text."""
    t = translations(language)
    name = getattr(rules.service.name, language.value) or rules.service.name.nl
    lines = [f"{name} ({rules.code})"]
    for version in rules.versions:
        lines += ["", _period(t, version), *_outcomes(t, rules, version, language)]
        if version.facts:
            lines.append(t.gettext("Waarbij:"))
            lines += [f"  {code}: {_fact(t, fact)}" for code, fact in version.facts.items()]
    return lines


def _period(t: gettext.NullTranslations, version: RuleVersion) -> str:
    label = version.label or t.gettext("zonder naam")
    if version.starts and version.ends:
        text = t.gettext("Versie {version}, van kracht van {start} tot en met {end}:")
    elif version.starts:
        text = t.gettext("Versie {version}, van kracht vanaf {start}:")
    elif version.ends:
        text = t.gettext("Versie {version}, van kracht tot en met {end}:")
    else:
        text = t.gettext("Versie {version}, altijd van kracht:")
    return text.format(version=label, start=version.starts, end=version.ends)


def _outcomes(
    t: gettext.NullTranslations, rules: ServiceRules, version: RuleVersion, language: Language
) -> list[str]:
    lines = []
    for number, (code, when) in enumerate(version.rules, start=1):
        label = _label(rules, code, language)
        lines.append(
            t.gettext('  {number}. "{label}" ({code}) als {condition}.').format(
                number=number, label=label, code=code, condition=_condition(t, when)
            )
        )
        validity = version.validity.get(code)
        if validity is not None:
            lines.append(f"     {_validity(t, validity)}")
    default = rules.service.default_outcome
    lines.append(
        t.gettext('  Anders: "{label}" ({code}).').format(
            label=_label(rules, default, language), code=default
        )
    )
    lines.append(t.gettext("  Is iets wat de regel nodig heeft onbekend: geen advies."))
    return lines


def _label(rules: ServiceRules, code: str, language: Language) -> str:
    label = rules.outcome(code).label
    return getattr(label, language.value) or label.nl


def _condition(t: gettext.NullTranslations, when: Condition) -> str:
    if isinstance(when, Ref):
        return when.code
    if isinstance(when, Not):
        return t.gettext("niet {condition}").format(condition=_condition(t, when.part))
    joiner = t.gettext(" en ") if isinstance(when, AllOf) else t.gettext(" of ")
    parts = [_nested(t, part) for part in when.parts]
    return joiner.join(parts)


def _nested(t: gettext.NullTranslations, part: Condition) -> str:
    text = _condition(t, part)
    return f"({text})" if isinstance(part, AllOf | AnyOf) else text


def _fact(t: gettext.NullTranslations, fact: FactTest) -> str:
    compared = t.gettext(" en ").join(_comparison(t, c) for c in fact.comparisons)
    if fact.on_list is None:
        return t.gettext("leeftijd (uit het rijksregisternummer) {compared}").format(
            compared=compared
        )
    on_list = t.gettext("op de lijst '{list}'").format(list=fact.on_list)
    if fact.age == "insz":
        tail = t.gettext("leeftijd (uit het rijksregisternummer) {compared}")
    elif fact.age is not None:
        tail = t.gettext("leeftijd volgens kolom '{column}' {compared}")
    elif fact.column is not None:
        tail = t.gettext("kolom '{column}' {compared}")
    else:
        return on_list
    return t.gettext("{on_list}, met {tail}").format(
        on_list=on_list, tail=tail.format(column=fact.column or fact.age, compared=compared)
    )


def _comparison(t: gettext.NullTranslations, comparison: Comparison) -> str:
    value = comparison.value
    shown = ", ".join(map(_value, value)) if isinstance(value, tuple) else _value(value)
    return t.gettext(_COMPARISONS[comparison.op]).format(value=shown)


def _value(value: int | float | str) -> str:
    return f'"{value}"' if isinstance(value, str) else f"{value:g}"


def _validity(t: gettext.NullTranslations, validity: Validity) -> str:
    limits = []
    if validity.month_day is not None:
        month, day = validity.month_day
        if validity.next_year:
            text = t.gettext("{day}/{month} van het volgende jaar")
        else:
            text = t.gettext("de eerstvolgende {day}/{month}")
        limits.append(text.format(day=day, month=month))
    if validity.years is not None:
        limits.append(
            t.ngettext(
                "{years} jaar na de dag van de vraag",
                "{years} jaar na de dag van de vraag",
                validity.years,
            ).format(years=validity.years)
        )
    if validity.list_end:
        limits.append(t.gettext("het einde van de rij op de lijst die het toekende"))
    if len(limits) == 1:
        return t.gettext("Geldig tot {limit}.").format(limit=limits[0])
    return t.gettext("Geldig tot het vroegste van: {limits}.").format(limits="; ".join(limits))
