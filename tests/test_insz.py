# SPDX-License-Identifier: EUPL-1.2
"""Tests for NationalNumber (eid.insz): validation, the 2000 and BIS rules, and masking."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
import re
from typing import TYPE_CHECKING

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum.be import bis, nn

from eid.card_profiles import synthetic_number
from eid.errors import CardFault, EidError
from eid.insz import NationalNumber, NumberKind, is_valid_national_number

if TYPE_CHECKING:
    from collections.abc import Callable

MASKED = re.compile(r"\d{2}\.\d{2}\.\d{2}-xxx\.xx")

BORN_1985 = synthetic_number(dt.date(1985, 7, 30), 998)
BORN_2004 = synthetic_number(dt.date(2004, 9, 21), 990)
BIS_PLUS_20 = synthetic_number(dt.date(1972, 6, 9), 992, month_offset=20)
BIS_PLUS_40 = synthetic_number(dt.date(1972, 6, 9), 992, month_offset=40)
UNKNOWN_BIRTH = synthetic_number(None, 988)
BIS_UNKNOWN_BIRTH = synthetic_number(None, 986, month_offset=20)
RSA_SPECIMEN = "71715100070"  # month 71: a specimen card's number, not a valid INSZ


def _with_check(first_nine: str, *, born_2000: bool = False) -> str:
    """Append the mod-97 check digits, for numbers synthetic_number cannot make."""
    base = int(("2" if born_2000 else "") + first_nine)
    return f"{first_nine}{97 - base % 97:02d}"


def _dotted(digits: str) -> str:
    return f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}-{digits[6:9]}.{digits[9:11]}"


def _masked(digits: str) -> str:
    return f"{digits[0:2]}.{digits[2:4]}.{digits[4:6]}-xxx.xx"


def _fault_of(text: str) -> EidError:
    with pytest.raises(EidError) as excinfo:
        NationalNumber(text)
    return excinfo.value


# -- valid numbers ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("digits", "kind", "stdnum_is_valid"),
    [
        pytest.param(BORN_1985, NumberKind.NATIONAL_REGISTER, nn.is_valid, id="born-1985"),
        pytest.param(BORN_2004, NumberKind.NATIONAL_REGISTER, nn.is_valid, id="born-2004"),
        pytest.param(BIS_PLUS_20, NumberKind.BIS, bis.is_valid, id="bis-month-plus-20"),
        pytest.param(BIS_PLUS_40, NumberKind.BIS, bis.is_valid, id="bis-month-plus-40"),
        pytest.param(UNKNOWN_BIRTH, NumberKind.NATIONAL_REGISTER, nn.is_valid, id="unknown-birth"),
        pytest.param(BIS_UNKNOWN_BIRTH, NumberKind.BIS, bis.is_valid, id="bis-unknown-birth"),
    ],
)
def test_national_number_valid_kinds(
    digits: str, kind: NumberKind, stdnum_is_valid: Callable[[str], bool]
) -> None:
    assert stdnum_is_valid(digits)  # python-stdnum agrees on its own: not circular
    number = NationalNumber(digits)
    assert number.digits == digits
    assert number.kind is kind
    assert is_valid_national_number(digits)


def test_national_number_synthetic_numbers_have_the_intended_shape() -> None:
    assert BORN_1985[:6] == "850730"
    assert BIS_PLUS_20[2:4] == "26"
    assert BIS_PLUS_40[2:4] == "46"
    assert UNKNOWN_BIRTH[:6] == "000001"
    assert BIS_UNKNOWN_BIRTH[:6] == "002001"


def test_national_number_2000_rule_uses_2_prefixed_checksum() -> None:
    head = BORN_2004[:9]
    assert int(BORN_2004[9:]) == 97 - int("2" + head) % 97
    assert int(BORN_2004[9:]) != 97 - int(head) % 97  # the pre-2000 rule would not match
    assert nn.get_birth_date(BORN_2004) == dt.date(2004, 9, 21)
    assert NationalNumber(BORN_2004).digits == BORN_2004


def test_national_number_ec_specimen_born_2001_is_valid() -> None:
    number = NationalNumber("01050399963")  # the EC specimen card (born 3 May 2001)
    assert number.kind is NumberKind.NATIONAL_REGISTER
    assert nn.get_birth_date(number.digits) == dt.date(2001, 5, 3)


def test_national_number_month_zero_with_known_year_is_valid() -> None:
    digits = _with_check("850000998")
    assert nn.is_valid(digits)
    assert NationalNumber(digits).kind is NumberKind.NATIONAL_REGISTER


@pytest.mark.parametrize(
    "text",
    [
        _dotted(BORN_1985),
        f"{BORN_1985[:6]}-{BORN_1985[6:9]}.{BORN_1985[9:]}",
        " ".join([BORN_1985[:2], BORN_1985[2:4], BORN_1985[4:6], BORN_1985[6:9], BORN_1985[9:]]),
        f"  {BORN_1985}  ",
    ],
)
def test_national_number_separators_accepted(text: str) -> None:
    number = NationalNumber(text)
    assert number.digits == BORN_1985
    assert number == NationalNumber(BORN_1985)


# -- invalid numbers ----------------------------------------------------------------------


def _wrong_check(digits: str) -> str:
    return digits[:9] + f"{(int(digits[9:]) + 1) % 100:02d}"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(_wrong_check(BORN_1985), id="wrong-checksum"),
        pytest.param(_wrong_check(BORN_2004), id="wrong-checksum-born-2000"),
        pytest.param(_wrong_check(BIS_PLUS_40), id="wrong-checksum-bis"),
        pytest.param(_with_check("851330998"), id="month-13"),
        pytest.param(_with_check("853530998"), id="month-35-between-bis-ranges"),
        pytest.param(_with_check("856030998"), id="month-60"),
        pytest.param(RSA_SPECIMEN, id="month-71-rsa-specimen"),
        pytest.param(BORN_1985[:10], id="10-digits"),
        pytest.param(BORN_1985 + "1", id="12-digits"),
        pytest.param(BORN_1985[:5] + "A" + BORN_1985[6:], id="letter"),
        pytest.param("\u0665" + BORN_1985[1:], id="arabic-indic-digit"),
        pytest.param("00000000000", id="all-zero"),
        pytest.param("", id="empty"),
    ],
)
def test_national_number_invalid_raises_without_echoing_digits(text: str) -> None:
    error = _fault_of(text)
    assert error.fault is CardFault.NATIONAL_NUMBER_INVALID
    assert not is_valid_national_number(text)
    typed = "".join(ch for ch in text if ch.isdigit())
    if typed:
        assert typed not in str(error)
        assert typed not in repr(error)
        assert typed not in error.detail
    assert re.search(r"\d{3}", str(error)) is None  # no run of digits from the input at all


def test_national_number_rsa_specimen_fails_on_month_not_checksum() -> None:
    assert 97 - int(RSA_SPECIMEN[:9]) % 97 == int(RSA_SPECIMEN[9:])  # checksum is right
    assert not nn.is_valid(RSA_SPECIMEN)
    assert not bis.is_valid(RSA_SPECIMEN)
    assert _fault_of(RSA_SPECIMEN).fault is CardFault.NATIONAL_NUMBER_INVALID


def test_national_number_non_string_is_invalid() -> None:
    with pytest.raises(EidError) as excinfo:
        NationalNumber(85073099833)  # type: ignore[arg-type]
    assert excinfo.value.fault is CardFault.NATIONAL_NUMBER_INVALID


# -- masking ------------------------------------------------------------------------------


def test_national_number_str_repr_format_are_masked() -> None:
    number = NationalNumber(BORN_1985)
    masked = "85.07.30-xxx.xx"
    assert number.masked == masked
    assert str(number) == masked
    assert repr(number) == f"NationalNumber({masked!r})"
    assert format(number) == masked
    assert f"{number}" == masked
    assert f"{number!s}" == masked
    assert f"{number!r}" == repr(number)
    assert f"[{number:>17}]" == f"[  {masked}]"
    assert "%s" % number == masked  # noqa: UP031 - the old formatting path is checked too
    assert "{}".format(number) == masked  # noqa: UP032 - str.format is checked too
    for shown in (str(number), repr(number), format(number), str([number]), str({1: number})):
        assert BORN_1985 not in shown
        assert BORN_1985[6:] not in shown


def test_national_number_digits_attribute_gives_digits() -> None:
    assert NationalNumber(_dotted(BIS_PLUS_40)).digits == BIS_PLUS_40


# -- value semantics ----------------------------------------------------------------------


def test_national_number_equality_and_hash_by_digits() -> None:
    a = NationalNumber(BORN_1985)
    b = NationalNumber(_dotted(BORN_1985))
    other = NationalNumber(BORN_2004)
    assert a == b
    assert hash(a) == hash(b)
    assert a != other
    assert len({a, b, other}) == 2
    assert a != BORN_1985  # a string with the same digits is not the same value


def test_national_number_same_masked_form_different_digits_not_equal() -> None:
    a = NationalNumber(synthetic_number(dt.date(1985, 7, 30), 998))
    b = NationalNumber(synthetic_number(dt.date(1985, 7, 30), 996))
    assert str(a) == str(b)
    assert a != b


def test_national_number_immutable() -> None:
    number = NationalNumber(BORN_1985)
    with pytest.raises(AttributeError):
        number._digits = BORN_2004
    with pytest.raises(AttributeError):
        number.digits = BORN_2004  # type: ignore[misc]
    with pytest.raises(AttributeError):
        number.extra = 1
    assert number.digits == BORN_1985


def test_national_number_attribute_cannot_be_deleted() -> None:
    number = NationalNumber(BORN_1985)
    with pytest.raises(AttributeError):
        del number._digits
    assert number.digits == BORN_1985


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_national_number_pickling_raises_type_error(protocol: int) -> None:
    with pytest.raises(TypeError):
        pickle.dumps(NationalNumber(BORN_1985), protocol=protocol)


def test_national_number_copy_raises_type_error() -> None:
    with pytest.raises(TypeError):
        copy.deepcopy(NationalNumber(BORN_1985))


def test_is_valid_national_number_true_and_false() -> None:
    assert is_valid_national_number(_dotted(BORN_2004))
    assert not is_valid_national_number(_wrong_check(BORN_2004))
    assert not is_valid_national_number("not a number")


# -- properties ---------------------------------------------------------------------------

_BIRTH_DATES = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date.today())
_VALID_NUMBERS = st.builds(
    lambda birth, serial, offset: synthetic_number(birth, serial, month_offset=offset),
    st.none() | _BIRTH_DATES,
    st.integers(min_value=1, max_value=998),
    st.sampled_from([0, 20, 40]),
)
_NUMBER_LIKE = st.one_of(
    st.text(),
    st.text(alphabet="0123456789 .-", max_size=16),
    st.from_regex(r"[0-9]{11}", fullmatch=True),
    _VALID_NUMBERS,
    _VALID_NUMBERS.map(_dotted),
    _VALID_NUMBERS.map(_wrong_check),
)


@given(_NUMBER_LIKE)
def test_national_number_any_text_is_number_or_invalid(text: str) -> None:
    try:
        number: NationalNumber | CardFault = NationalNumber(text)
    except EidError as exc:
        number = exc.fault
    if isinstance(number, CardFault):
        assert number is CardFault.NATIONAL_NUMBER_INVALID
        assert not is_valid_national_number(text)
    else:
        assert len(number.digits) == 11
        assert number.digits.isascii()
        assert number.digits.isdigit()
    # python-stdnum is the oracle: valid exactly when it is a national or a BIS number.
    assert isinstance(number, NationalNumber) == (nn.is_valid(text) or bis.is_valid(text))


@given(_VALID_NUMBERS)
def test_national_number_masked_form_never_holds_the_last_five_digits(digits: str) -> None:
    assert nn.is_valid(digits) or bis.is_valid(digits)
    number = NationalNumber(digits)
    assert number.digits == digits
    for shown in (number.masked, str(number), repr(number), f"{number}", f"{number:^30}"):
        assert digits[6:] not in shown
        assert digits not in shown
    assert MASKED.fullmatch(number.masked)
    assert number.masked == _masked(digits)
