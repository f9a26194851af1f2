"""Reading and printing numbers the Vietnamese way."""
import datetime as dt
import unicodedata

import pytest
from hypothesis import given, strategies as st

from cchc_desktop.vnformat import (NumberError, document_date_line, document_number, format_date,
                                   format_number, nfc, parse_date, parse_number)


@pytest.mark.parametrize("text,kind,expected", [
    ("1.486", "count", 1486),
    ("2.297", "count", 2297),
    ("98,6", "percent", 98.6),
    ("98,6%", "percent", 98.6),
    (" 25,64 % ", "percent", 25.64),
    ("１２３", "count", 123),          # full-width digits
    ("1.234.567", "count", 1234567),
    ("7000", "money", 7000),
    ("1.486,5", "money", 1486.5),
    ("98.6", "percent", 98.6),        # a dot not followed by three digits is a decimal point
    ("00", "count", 0),
    ("", "count", None),
    ("122,2", "ratio", 122.2),
])
def test_reads_vietnamese_numbers(text, kind, expected):
    assert parse_number(text, kind) == expected


@pytest.mark.parametrize("text,kind,fragment", [
    ("12a", "count", "không phải là số"),
    ("1,2,3", "count", "nhiều dấu phẩy"),
    ("-5", "count", "không được âm"),
    ("2,5", "count", "số nguyên"),
    ("100,5", "percent", "0 đến 100"),
    ("101%", "percent", "0 đến 100"),
    ("99999999999", "count", "lớn bất thường"),
    ("1.23.4", "count", "dấu chấm"),
    ("5%", "count", "phần trăm"),
    ("3", "code", "danh sách mã"),
])
def test_refuses_bad_numbers_with_a_vietnamese_reason(text, kind, fragment):
    with pytest.raises(NumberError) as err:
        parse_number(text, kind, {0: "Không", 1: "Có"} if kind == "code" else None)
    assert fragment in str(err.value)


def test_prints_vietnamese_numbers():
    assert format_number(1486) == "1.486"
    assert format_number(98.6) == "98,6"
    assert format_number(2297) == "2.297"
    assert format_number(1234567.25) == "1.234.567,25"
    assert format_number(25.6432, 2) == "25,64"
    assert format_number(0.005, 2) == "0,01"
    assert format_number(None) == ""
    assert format_number(0) == "0"


@given(st.integers(min_value=0, max_value=10_000_000))
def test_counts_round_trip(n):
    assert parse_number(format_number(n), "count") == n


@given(st.decimals(min_value=0, max_value=10**9, places=3, allow_nan=False, allow_infinity=False))
def test_money_round_trips(d):
    value = float(d)
    assert parse_number(format_number(value), "money") == pytest.approx(value)


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_percent_round_trips_with_sign(d):
    assert parse_number(format_number(float(d)) + "%", "percent") == pytest.approx(float(d))


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "Hộ tịch ")
    assert decomposed != "Hộ tịch"
    assert nfc(decomposed) == "Hộ tịch"


def test_dates():
    assert parse_date("15/6/2022") == dt.date(2022, 6, 15)
    assert parse_date("2021-12-15") == dt.date(2021, 12, 15)
    assert format_date(dt.date(2022, 6, 5)) == "05/06/2022"
    with pytest.raises(NumberError):
        parse_date("31/02/2022")
    assert document_date_line("Phường 2", dt.date(2023, 1, 5)) == "Phường 2, ngày 05 tháng 01 năm 2023"
    assert document_date_line("Phường 2", dt.date(2022, 6, 15)) == "Phường 2, ngày 15 tháng 6 năm 2022"
    assert document_number(5, "BC-UBND") == "Số: 05/BC-UBND"
    assert document_number("341", "BC-UBND") == "Số: 341/BC-UBND"


# ---- a number keeps the decimals it was typed with ------------------------------------------

def test_typed_decimals_are_kept_trailing_zeros_included():
    from cchc_desktop.vnformat import Figure, decimals_of, from_stored, to_stored
    v = parse_number("85,10", "percent")
    assert isinstance(v, Figure) and v == 85.1 and v.places == 2
    assert format_number(v) == "85,10" and format_number(v, 2) == "85,10" and format_number(v, 1) == "85,1"
    assert decimals_of(v) == 2 and decimals_of(77) == 0 and decimals_of(99.8) == 1
    assert to_stored(v) == "85,10" and from_stored("85,10") == v and from_stored("85,10").places == 2
    assert to_stored(parse_number("99,8", "percent")) == 99.8      # a float keeps these decimals itself
    # stored text reads back as the number typed, never as thousands ("1,500" is one and a half)
    assert from_stored(to_stored(parse_number("1,500", "number"))) == 1.5
    assert parse_number(v, "percent").places == 2                  # a Figure read again stays as typed
    assert type(parse_number("77", "percent")) is int and type(parse_number("1.486", "count")) is int
