"""Reading and printing numbers and dates the Vietnamese way.

Vietnamese writes "1.486" for one thousand four hundred eighty-six and "98,6" for
ninety-eight point six.  Everything the officer types, pastes or imports goes through
:func:`parse_number`; everything printed goes through :func:`format_number`.  Every
text entering the program goes through :func:`nfc` (reportlab does no shaping, so a
decomposed "ế" would print with misplaced marks).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata

# decimal is imported inside the functions that read or print numbers: the window's first
# paint prints none, and the module costs ~1-3 ms to import.

# Kinds of value, as in the catalogue.
COUNT, PERCENT, RATIO, MONEY, NUMBER, CODE, TEXT = (
    "count", "percent", "ratio", "money", "number", "code", "text")
NUMERIC_KINDS = (COUNT, PERCENT, RATIO, MONEY, NUMBER, CODE)

# Beyond these a value is a typing slip, not a figure of a commune.
MAX_COUNT = 10_000_000
MAX_MONEY = 1_000_000_000  # million VND, i.e. 10^15 đồng
MAX_RATIO = 100_000


class NumberError(ValueError):
    """A value that cannot be read; ``str(err)`` is a Vietnamese sentence."""


class Figure(float):
    """A number as the officer typed it, decimals included: "85,10" is 85.1 typed to 2 places.

    It computes as a float; it prints (:func:`format_number`) and is checked (a typed rate
    against its parts, at the precision typed) with the places typed, trailing zeros kept.
    """
    __slots__ = ("places",)

    def __new__(cls, value, places: int):
        self = super().__new__(cls, value)
        self.places = places
        return self

    def __reduce__(self):
        return Figure, (float(self), self.places)

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


def decimals_of(value) -> int:
    """How many decimals a value was typed with (77 → 0, 99.8 → 1, Figure "85,10" → 2)."""
    if isinstance(value, Figure):
        return value.places
    if isinstance(value, int):
        return 0
    text = repr(float(value))
    if "e" in text or "E" in text:
        return 6
    return len(text.partition(".")[2].rstrip("0"))


def to_stored(value):
    """What the workspace keeps for a parsed value: the value itself, except a Figure whose
    trailing zeros a stored float would lose ("85,10"), kept as that text (decimal comma, no
    thousands dots, so it can never be read as another number); :func:`from_stored` reads it."""
    if isinstance(value, Figure) and value.places > decimals_of(float(value)):
        return format_number(value).replace(".", "")
    return value


_STORED_FIGURE = re.compile(r"^\d+,\d+$")


def from_stored(value):
    """A stored value as the program computes with it: "85,10" (see :func:`to_stored`) becomes
    ``Figure(85.1, 2)``; anything else is returned as it is."""
    if isinstance(value, str) and _STORED_FIGURE.match(value):
        whole, frac = value.split(",")
        return Figure(float(f"{whole}.{frac}"), len(frac))
    return value


def nfc(text: str | None) -> str | None:
    """Return *text* in Unicode NFC, stripped of surrounding white space."""
    if text is None:
        return None
    return unicodedata.normalize("NFC", str(text)).strip()


def _fold_digits(text: str) -> str:
    # Full-width digits, signs and the like from Asian input methods.
    out = []
    for ch in text:
        if ch.isdigit() and not ("0" <= ch <= "9"):
            out.append(str(unicodedata.digit(ch)))
        elif ch in "\uff0c\u060c":
            out.append(",")
        elif ch in "\uff0e":
            out.append(".")
        elif ch in "\uff05":
            out.append("%")
        elif ch in "\u2212\uff0d\u2013":
            out.append("-")
        else:
            out.append(ch)
    return "".join(out)


_THOUSANDS = re.compile(r"^\d{1,3}(\.\d{3})+$")
_PLAIN = re.compile(r"^\d+$")


def _to_decimal(text: str) -> Decimal:
    """Turn digits with Vietnamese separators into a Decimal, or raise NumberError."""
    if text.count(",") > 1:
        raise NumberError(f"“{text}” có nhiều dấu phẩy; dấu phẩy chỉ dùng cho phần thập phân (ví dụ 98,6).")
    if "," in text:
        int_part, frac = text.split(",")
        if not frac.isdigit():
            raise NumberError(f"“{text}” không phải là số.")
    else:
        int_part, frac = text, ""
    if "." in int_part:
        if _THOUSANDS.match(int_part):
            int_part = int_part.replace(".", "")
        elif not frac and int_part.count(".") == 1 and re.match(r"^\d+\.\d+$", int_part):
            # "98.6": a dot not followed by three digits can only be a decimal point.
            int_part, frac = int_part.split(".")
        else:
            raise NumberError(
                f"“{text}” viết sai dấu chấm: dấu chấm ngăn cách hàng nghìn (1.486), dấu phẩy ngăn phần thập phân (98,6).")
    if not _PLAIN.match(int_part or ""):
        raise NumberError(f"“{text}” không phải là số.")
    try:
        from decimal import Decimal
        return Decimal(int_part + ("." + frac if frac else ""))
    except ArithmeticError as exc:  # pragma: no cover - decimal.InvalidOperation; the regexes guard this
        raise NumberError(f"“{text}” không phải là số.") from exc


def parse_number(text, kind: str = NUMBER, codes: dict | None = None):
    """Read one value typed the Vietnamese way and check it fits *kind*.

    Returns ``None`` for an empty cell, an ``int`` for counts, codes and whole
    numbers, otherwise a ``float``.  Raises :class:`NumberError` with a Vietnamese
    message for anything else.  *codes* maps allowed code values to their wording.
    """
    if text is None:
        return None
    if isinstance(text, bool):
        raise NumberError("Giá trị không phải là số.")
    from decimal import Decimal
    if isinstance(text, (int, float, Decimal)):
        if isinstance(text, (float, Decimal)) and not (text == text and abs(text) != float("inf")):
            raise NumberError("Số quá lớn hoặc không phải là số (ví dụ 1e400 trong Excel); hãy kiểm tra lại.")
        raw = str(text)
        dec = Decimal(raw) if not isinstance(text, float) else Decimal(repr(float(text)))
        if isinstance(text, Figure):
            dec = dec.quantize(Decimal(1).scaleb(-text.places))
        negative = dec < 0
        dec = abs(dec)
        shown = format_number(float(text) if isinstance(text, (float, Decimal)) else text)
    else:
        raw = _fold_digits(nfc(text) or "")
        shown = raw
        s = raw.replace("\u00a0", " ").replace(" ", "")
        if not s:
            return None
        had_percent = s.endswith("%")
        if had_percent:
            s = s[:-1]
            if kind not in (PERCENT, RATIO):
                raise NumberError(f"“{shown}”: chỉ tiêu này không tính bằng phần trăm.")
        negative = s.startswith("-")
        if negative or s.startswith("+"):
            s = s[1:]
        if not s:
            raise NumberError(f"“{shown}” không phải là số.")
        dec = _to_decimal(s)
    if negative and dec != 0:
        raise NumberError(f"“{shown}”: số liệu không được âm.")
    value = _check_kind(dec, kind, shown, codes)
    places = -dec.as_tuple().exponent
    if kind not in (COUNT, CODE) and places > 0 and (isinstance(text, Figure) or not isinstance(text, float)):
        # typed with decimals ("85,10", "77,0"): keep how many, for printing and checking
        return Figure(float(dec), places)
    return value


def _check_kind(dec: Decimal, kind: str, shown: str, codes: dict | None):
    whole = dec == dec.to_integral_value()
    if kind in (COUNT, CODE):
        if not whole:
            raise NumberError(f"“{shown}”: phải là số nguyên (không có phần thập phân).")
        value = int(dec)
        if kind == COUNT and value > MAX_COUNT:
            raise NumberError(f"“{shown}” lớn bất thường; hãy kiểm tra lại.")
        if kind == CODE and codes is not None and value not in codes:
            allowed = "; ".join(f"{label} = {code}" for code, label in codes.items())
            raise NumberError(f"“{shown}” không có trong danh sách mã ({allowed}).")
        return value
    if kind == PERCENT and dec > 100:
        raise NumberError(f"“{shown}”: tỷ lệ phần trăm phải từ 0 đến 100.")
    limit = {MONEY: MAX_MONEY, RATIO: MAX_RATIO}.get(kind, MAX_MONEY)
    if dec > limit:
        raise NumberError(f"“{shown}” lớn bất thường; hãy kiểm tra lại.")
    return int(dec) if whole else float(dec)


def format_number(value, decimals: int | None = None) -> str:
    """Print a number the Vietnamese way: 1.486 and 98,6 (no trailing zeros).

    *decimals* rounds to that many places first (half away from zero, as officers do).
    ``None`` prints as an empty string: an empty cell is not a zero.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        return value
    from decimal import Decimal
    dec = Decimal(repr(float(value))) if isinstance(value, float) else Decimal(value)
    keep = None
    if isinstance(value, Figure):
        # as typed: "85,10" keeps its zero; printed at most to *decimals* places when asked
        keep = value.places if decimals is None else min(decimals, value.places)
        decimals = keep
    if decimals is not None:
        from decimal import ROUND_HALF_UP
        dec = dec.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    sign = "-" if dec < 0 else ""
    dec = abs(dec)
    text = format(dec, "f")
    int_part, _, frac = text.partition(".")
    frac = frac.rstrip("0") if keep is None else frac[:keep]
    groups = []
    while len(int_part) > 3:
        groups.insert(0, int_part[-3:])
        int_part = int_part[:-3]
    groups.insert(0, int_part)
    out = sign + ".".join(groups)
    return out + ("," + frac if frac else "")


def format_date(day: _dt.date | str | None) -> str:
    """dd/mm/yyyy, or '' for no date."""
    if day is None or day == "":
        return ""
    if isinstance(day, str):
        day = _dt.date.fromisoformat(day)
    return day.strftime("%d/%m/%Y")


def parse_date(text) -> _dt.date | None:
    """Read a date typed as dd/mm/yyyy (also d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy) or ISO yyyy-mm-dd."""
    if text is None:
        return None
    if isinstance(text, _dt.datetime):
        return text.date()
    if isinstance(text, _dt.date):
        return text
    s = _fold_digits(nfc(text) or "")
    if not s:
        return None
    m = re.match(r"^(\d{4})-(\d{1,2})-(\d{1,2})$", s)
    if m:
        y, mo, d = (int(g) for g in m.groups())
    else:
        m = re.match(r"^(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{4})$", s)
        if not m:
            raise NumberError(f"“{s}” không phải là ngày (ghi theo dạng ngày/tháng/năm, ví dụ 15/06/2022).")
        d, mo, y = (int(g) for g in m.groups())
    try:
        return _dt.date(y, mo, d)
    except ValueError as exc:
        raise NumberError(f"“{s}” không phải là ngày có thật.") from exc


def document_date_line(place: str, day: _dt.date) -> str:
    """'Phường 2, ngày 05 tháng 01 năm 2023' (Decree 30/2020: day < 10 and months 1, 2 get a zero)."""
    month = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    return f"{place}, ngày {day.day:02d} tháng {month} năm {day.year}"


def split_document_number(number, symbol: str) -> tuple[str, str]:
    """('125', 'BC-UBND') from '125', '125/BC-UBND' or 'Số: 125/BC-UBND' (the typed symbol wins).

    Officers type the number as real reports write it; the symbol after the '/' replaces the
    unit's default one so it prints once.  A bare number below 10 takes a leading zero ('05').
    An empty number gives ('', symbol).
    """
    text = nfc(str(number or "")).strip()
    text = re.sub(r"^số\s*:?\s*", "", text, flags=re.IGNORECASE).strip()
    if "/" in text:
        text, _, typed = text.partition("/")
        text, typed = text.strip(), typed.strip()
        if typed:
            symbol = typed
    if text.isdigit() and int(text) < 10:
        text = f"{int(text):02d}"
    return text, symbol


def document_number(number, symbol: str) -> str:
    """'Số: 05/BC-UBND' (a number below 10 takes a leading zero; '125/BC-UBND' typed prints once)."""
    text, symbol = split_document_number(number, symbol)
    if not text:
        return f"Số:      /{symbol}"
    return f"Số: {text}/{symbol}"
