# SPDX-License-Identifier: EUPL-1.2
"""Tests for the BELPIC TLV parser and encoder (eid.tlv), on specimen files and generated data."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from eid.errors import CardFault, EidError
from eid.tlv import encode_tlv, parse_tlv, text_field

TESTVECTORS = Path(__file__).resolve().parents[2] / "shared" / "testvectors"


def _vector(name: str) -> bytes:
    path = TESTVECTORS / name
    assert path.is_file(), f"test vector missing: {path} (shared/ must sit beside the repo)"
    return path.read_bytes()


def _parse_or_fault(data: bytes) -> dict[int, bytes] | CardFault:
    try:
        return parse_tlv(data)
    except EidError as exc:
        return exc.fault


def _assert_corrupt(data: bytes) -> None:
    with pytest.raises(EidError) as excinfo:
        parse_tlv(data)
    assert excinfo.value.fault is CardFault.CARD_DATA_CORRUPT


# -- specimen cards ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "number"),
    [("ec-specimen-identity.bin", b"01050399963"), ("rsa-specimen-identity.bin", b"71715100070")],
)
def test_parse_tlv_specimen_identity_national_number(name: str, number: bytes) -> None:
    fields = parse_tlv(_vector(name))
    assert fields[0x06] == number
    assert text_field(fields, 0x06) == number.decode()


def test_text_field_specimen_first_names_decode_as_utf8() -> None:
    fields = parse_tlv(_vector("ec-specimen-identity.bin"))
    assert fields[0x08] == "Nora Angèle".encode()
    assert text_field(fields, 0x08) == "Nora Ang\u00e8le"


def test_parse_tlv_specimen_identity_keeps_every_tag_in_file_order() -> None:
    fields = parse_tlv(_vector("ec-specimen-identity.bin"))
    assert list(fields) == list(range(0x01, 0x12))
    assert fields[0x09] == b""  # empty values are kept, not dropped
    assert len(fields[0x11]) == 32  # photo hash (SHA-256 on EC cards)
    assert text_field(fields, 0x03) == "05.07.2022"


@pytest.mark.parametrize(
    ("name", "street", "postcode", "town"),
    [
        ("ec-specimen-address.bin", "Specimenstraat 12", "1000", "Brussel"),
        ("rsa-specimen-address.bin", "Meirplaats 1 bus 1", "2000", "Antwerpen"),
    ],
)
def test_parse_tlv_specimen_address_ignores_zero_padding(
    name: str, street: str, postcode: str, town: str
) -> None:
    data = _vector(name)
    assert data.endswith(b"\0" * 32)  # the files really are padded
    fields = parse_tlv(data)
    assert {tag: text_field(fields, tag) for tag in fields} == {1: street, 2: postcode, 3: town}
    assert parse_tlv(data.rstrip(b"\0")) == fields


# -- lengths ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("length", "encoded_length"),
    [
        (0, "00"),
        (1, "01"),
        (254, "FE"),
        (255, "FF00"),
        (300, "FF2D"),
        (509, "FFFE"),
        (510, "FFFF00"),
        (600, "FFFF5A"),
    ],
)
def test_encode_tlv_length_uses_ff_continuation(length: int, encoded_length: str) -> None:
    value = bytes([0x41]) * length
    encoded = encode_tlv([(0x07, value)])
    assert encoded == b"\x07" + bytes.fromhex(encoded_length) + value
    assert parse_tlv(encoded) == {0x07: value}


def test_parse_tlv_long_field_followed_by_another_field() -> None:
    value = bytes(range(256)) * 2  # 512 bytes: FF FF 02
    data = b"\x11\xff\xff\x02" + value + b"\x12\x01\x30"
    assert parse_tlv(data) == {0x11: value, 0x12: b"0"}


def test_encode_tlv_round_trip_in_order() -> None:
    fields = [(0x06, b"85073099833"), (0x01, b""), (0x11, bytes(300)), (0xFF, b"\xff")]
    assert list(parse_tlv(encode_tlv(fields)).items()) == fields


@pytest.mark.parametrize("tag", [-1, 0x100])
def test_encode_tlv_tag_must_be_one_byte(tag: int) -> None:
    with pytest.raises(ValueError, match="not one byte"):
        encode_tlv([(tag, b"x")])


# -- padding, empty values, unknown tags -------------------------------------------------


def test_parse_tlv_trailing_zero_padding_ignored() -> None:
    data = b"\x01\x02AB\x02\x00" + bytes(200)
    assert parse_tlv(data) == {0x01: b"AB", 0x02: b""}


def test_parse_tlv_empty_input_and_all_padding_give_no_fields() -> None:
    assert parse_tlv(b"") == {}
    assert parse_tlv(bytes(17)) == {}


def test_parse_tlv_zero_bytes_inside_values_are_data() -> None:
    data = b"\x01\x03\x00\x00\x00\x02\x01X"
    assert parse_tlv(data) == {0x01: b"\0\0\0", 0x02: b"X"}


def test_parse_tlv_empty_value_in_the_middle() -> None:
    assert parse_tlv(b"\x09\x00\x0a\x04BELG") == {0x09: b"", 0x0A: b"BELG"}


def test_parse_tlv_unknown_tags_kept() -> None:
    data = encode_tlv([(0x06, b"1"), (0x7E, b"new"), (0xC0, b"\x01\x02")])
    assert parse_tlv(data) == {0x06: b"1", 0x7E: b"new", 0xC0: b"\x01\x02"}


# -- corrupt files ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\x01\x05ABC", id="length-past-end"),
        pytest.param(b"\x01\x02AB\x02\x01", id="last-field-value-missing"),
        pytest.param(b"\x01\xff\x00" + bytes(254), id="long-length-past-end"),
        pytest.param(b"\x01", id="tag-without-length"),
        pytest.param(b"\x01\x02AB\x03", id="second-tag-without-length"),
        pytest.param(b"\x01\xff", id="continuation-without-next-byte"),
        pytest.param(b"\x01\xff\xff", id="two-continuations-without-next-byte"),
        pytest.param(b"\x06\x01A\x06\x01B", id="repeated-tag"),
        pytest.param(b"\x06\x00\x07\x00\x06\x00", id="repeated-empty-tag"),
    ],
)
def test_parse_tlv_corrupt_input_raises_card_data_corrupt(data: bytes) -> None:
    _assert_corrupt(data)


def test_parse_tlv_specimen_truncated_inside_a_field_is_corrupt() -> None:
    data = _vector("ec-specimen-identity.bin")
    start = data.index(b"\x06\x0b01050399963")
    _assert_corrupt(data[: start + 5])


def test_text_field_invalid_utf8_is_corrupt() -> None:
    fields = parse_tlv(b"\x08\x03A\xc3(")
    with pytest.raises(EidError) as excinfo:
        text_field(fields, 0x08)
    assert excinfo.value.fault is CardFault.CARD_DATA_CORRUPT


@pytest.mark.parametrize("value", [b"\xed\xa0\x80", b"\xc0\xaf", b"\xff"])
def test_text_field_rejects_surrogates_overlong_and_stray_bytes(value: bytes) -> None:
    with pytest.raises(EidError) as excinfo:
        text_field({0x08: value}, 0x08)
    assert excinfo.value.fault is CardFault.CARD_DATA_CORRUPT


def test_text_field_missing_tag_is_corrupt() -> None:
    with pytest.raises(EidError) as excinfo:
        text_field({0x01: b"x"}, 0x06)
    assert excinfo.value.fault is CardFault.CARD_DATA_CORRUPT


def test_text_field_combining_character_not_normalised() -> None:
    name = "Zoe\u0308 Ange\u0300le"
    fields = parse_tlv(encode_tlv([(0x08, name.encode())]))
    decoded = text_field(fields, 0x08)
    assert decoded == name
    assert decoded != "Zo\u00eb Ang\u00e8le"  # not NFC-composed
    assert len(decoded) == len(name)


def test_text_field_empty_value_is_empty_string() -> None:
    assert text_field(parse_tlv(b"\x09\x00"), 0x09) == ""


# -- properties ---------------------------------------------------------------------------


@given(st.binary(max_size=700))
def test_parse_tlv_any_bytes_give_fields_or_card_data_corrupt(data: bytes) -> None:
    fields = _parse_or_fault(data)
    if isinstance(fields, CardFault):
        assert fields is CardFault.CARD_DATA_CORRUPT
    else:
        assert all(0 <= tag <= 0xFF for tag in fields)
        assert sum(len(value) for value in fields.values()) <= len(data)


def _final_field_not_padding(fields: list[tuple[int, bytes]]) -> bool:
    """A last field whose whole encoding is zero bytes is, by definition, padding."""
    return not fields or any(encode_tlv(fields[-1:]))


_FIELD_LISTS = st.lists(
    st.tuples(
        st.integers(min_value=0, max_value=0xFF),
        st.binary(max_size=10) | st.binary(min_size=250, max_size=520),
    ),
    max_size=8,
    unique_by=lambda field: field[0],
).filter(_final_field_not_padding)


@given(_FIELD_LISTS)
def test_encode_tlv_then_parse_tlv_round_trips(fields: list[tuple[int, bytes]]) -> None:
    encoded = encode_tlv(fields)
    assert list(parse_tlv(encoded).items()) == fields
    assert parse_tlv(encoded + bytes(5)) == dict(fields)  # padding after it changes nothing


@given(_FIELD_LISTS.filter(bool), st.data())
def test_parse_tlv_any_truncation_is_corrupt_or_padding(
    fields: list[tuple[int, bytes]], data: st.DataObject
) -> None:
    encoded = encode_tlv(fields)
    cut = data.draw(st.integers(min_value=1, max_value=len(encoded) - 1))
    parsed = _parse_or_fault(encoded[:cut])
    if isinstance(parsed, CardFault):
        assert parsed is CardFault.CARD_DATA_CORRUPT
    else:
        # A cut that still parses ended on a field boundary, or in a field that is all zeros
        # from its tag on (padding): what it gives is exactly the fields before the cut.
        assert list(parsed.items()) == fields[: len(parsed)]
