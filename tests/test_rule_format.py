# SPDX-License-Identifier: EUPL-1.2
"""The rule format's values, ages, validity and versions: what they decide, and broken files
refused with file, line and words an admin can act on."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import pytest

from app.eligibility.embedded.lists.rows import ListRow
from app.eligibility.embedded.rules import Person, load_rule_file
from app.eligibility.embedded.rules.model import birth_date
from app.problems import AppError, Problem
from eid.card_profiles import synthetic_number

if TYPE_CHECKING:
    from pathlib import Path

    from app.eligibility.embedded.rules import Decision, ServiceRules

DAY = dt.date(2026, 3, 2)

RULE = """\
code = "sport-korting"
default_outcome = "GEEN"
name = { nl = "Sport", fr = "Sport", en = "Sport" }

[facts]
LAAG = { list = "inkomen", column = "bedrag", "<" = 20000 }
CAT = { list = "inkomen", column = "categorie", in = ["a", "B"] }
JONG = { age = "insz", "<=" = 17 }
KIND = { list = "kinderen", age = "geboortedatum", ">=" = 3, "<" = 12 }

[[outcomes]]
code = "GRATIS"
eligible = true
label = { nl = "Gratis", fr = "Gratuit", en = "Free" }
when = { all = ["LAAG", "JONG"] }
valid_until = { day = "06-30", years = 1, list_end = true }

[[outcomes]]
code = "HALF"
eligible = true
label = { nl = "Half", fr = "Moitié", en = "Half" }
when = { any = ["CAT", "KIND"] }
valid_until = { day = "02-29", year = "next" }

[[outcomes]]
code = "GEEN"
eligible = false
label = { nl = "Geen", fr = "Aucun", en = "None" }

[[versions]]
from = 2027-01-01

[versions.facts]
LAAG = { list = "inkomen", column = "bedrag", "<" = 25000 }
"""


@pytest.fixture
def rules(tmp_path: Path) -> ServiceRules:
    path = tmp_path / "sport-korting.toml"
    path.write_text(RULE, encoding="utf-8")
    return load_rule_file(path)


def decide(
    rules: ServiceRules,
    day: dt.date = DAY,
    *,
    born: dt.date | None = dt.date(2012, 5, 1),
    **lists: tuple[ListRow, ...],
) -> Decision:
    rows = {"inkomen": (), "kinderen": (), **lists}
    return rules.decide(Person(born, rows), day)


def row(end: dt.date | None = None, **cells: str) -> tuple[ListRow, ...]:
    return (ListRow(None, end, cells),)


def test_rule_format_column_and_age_decide(rules: ServiceRules) -> None:
    low = decide(rules, inkomen=row(dt.date(2026, 5, 31), bedrag="18 000,50"))
    assert (low.outcome, low.grounds, low.rule_version) == ("GRATIS", ("LAAG", "JONG"), None)
    assert low.valid_until == dt.date(2026, 5, 31)  # the row ends before 30 June
    adult = decide(rules, born=dt.date(1990, 1, 1), inkomen=row(bedrag="18000", categorie="c"))
    assert (adult.outcome, adult.grounds) == ("GEEN", ("LAAG",))
    assert decide(rules, inkomen=row(bedrag="30000", categorie=" A ")).outcome == "HALF"


def test_rule_format_age_from_a_column_any_row(rules: ServiceRules) -> None:
    children = (
        ListRow(columns={"geboortedatum": "2024-01-01"}),  # 2: too young
        ListRow(columns={"geboortedatum": "01/09/2019"}),  # 6, written the Belgian way
    )
    half = decide(rules, kinderen=children)
    assert (half.outcome, half.grounds) == ("HALF", ("KIND",))
    assert half.valid_until == dt.date(2027, 2, 28)  # no 29 February in 2027
    assert decide(rules, kinderen=children[:1]).outcome == "GEEN"


@pytest.mark.parametrize(
    ("lists", "born"),
    [
        ({"inkomen": row(bedrag="veel")}, dt.date(2012, 5, 1)),  # unreadable amount
        ({"inkomen": row(categorie="c")}, dt.date(2012, 5, 1)),  # amount missing
        ({"inkomen": row(bedrag="100")}, None),  # age unknown
        ({"kinderen": row(geboortedatum="")}, dt.date(1990, 1, 1)),  # empty birth date
    ],
)
def test_rule_format_missing_is_no_advice_never_a_no(
    rules: ServiceRules, lists: dict[str, tuple[ListRow, ...]], born: dt.date | None
) -> None:
    with pytest.raises(AppError) as caught:
        rules.decide(Person(born, {"inkomen": (), "kinderen": (), **lists}), DAY)
    assert caught.value.problem is Problem.INSUFFICIENT_DATA


def test_rule_format_list_never_imported_is_no_advice(rules: ServiceRules) -> None:
    with pytest.raises(AppError) as caught:
        rules.decide(Person(dt.date(2012, 5, 1), {"kinderen": ()}), DAY)
    assert "list 'inkomen' was never imported" in caught.value.detail


def test_rule_format_version_in_force_decides(rules: ServiceRules) -> None:
    amount = row(bedrag="22000", categorie="c")
    assert decide(rules, dt.date(2026, 12, 31), inkomen=amount).outcome == "GEEN"
    later = decide(rules, dt.date(2027, 1, 1), inkomen=amount)
    assert (later.outcome, later.rule_version) == ("GRATIS", "2027-01-01")
    assert later.valid_until == dt.date(2027, 6, 30)


def test_rule_format_birth_date_from_the_number() -> None:
    assert birth_date(synthetic_number(dt.date(2018, 1, 1), 992)) == dt.date(2018, 1, 1)
    assert birth_date(synthetic_number(dt.date(1918, 1, 1), 992)) == dt.date(1918, 1, 1)
    bis = synthetic_number(dt.date(1985, 7, 30), 990, month_offset=40)
    assert birth_date(bis) == dt.date(1985, 7, 30)
    assert birth_date(synthetic_number(None, 990, month_offset=20)) is None


# (text to replace in RULE, its replacement, the text on the line named, words of the reason)
BROKEN = {
    "comparison on nothing": ('column = "bedrag", "<"', '"<"', "LAAG = {", "compares nothing"),
    "column without list": (
        'LAAG = { list = "inkomen", column',
        "LAAG = { column",
        "LAAG = { column",
        "needs 'list'",
    ),
    "column without comparison": (', "<" = 20000 }', " }", 'LAAG = { list = "inkomen"', "needs a"),
    "age compared with text": ('"<=" = 17', '"=" = "jong"', '"=" = "jong"', "age with text"),
    "in mixes kinds": ('in = ["a", "B"]', 'in = ["a", 2]', 'in = ["a", 2]', "mixes numbers"),
    "unknown fact": ('["CAT", "KIND"]', '["CAT", "KINT"]', "KINT", "fact KINT is not defined"),
    "bad comparison key": ('"<=" = 17', '"=<" = 17', '"=<" = 17', "unknown key"),
    "next year without day": (
        'day = "02-29", year = "next"',
        'year = "next"',
        'year = "next"',
        "needs a day",
    ),
    "no such day": ('day = "06-30"', 'day = "06-31"', 'day = "06-31"', "does not exist"),
    "version before the one before": (
        "from = 2027-01-01",
        'from = 2027-01-01\n[[versions]]\nfrom = 2026-01-01\nversion = "x"',
        "from = 2026-01-01",
        "date order",
    ),
    "version names an unknown outcome": (
        "[versions.facts]",
        '[versions.when]\nKWART = "CAT"\n[versions.facts]',
        'KWART = "CAT"',
        "'KWART' is not one of the outcomes",
    ),
    "version overlaps the next": (
        "from = 2027-01-01",
        "from = 2027-01-01\nuntil = 2027-06-30\n[[versions]]\nfrom = 2027-03-01",
        "until = 2027-06-30",
        "end it earlier",
    ),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_rule_format_broken_file_names_line_and_reason(tmp_path: Path, case: str) -> None:
    old, new, marker, reason = BROKEN[case]
    assert old in RULE
    text = RULE.replace(old, new, 1)
    path = tmp_path / "sport-korting.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(AppError) as caught:
        load_rule_file(path)
    line = text[: text.index(marker)].count("\n") + 1
    assert caught.value.problem is Problem.RULES_INVALID
    assert f"rules file {path}, line {line}:" in caught.value.detail
    assert reason in caught.value.detail
