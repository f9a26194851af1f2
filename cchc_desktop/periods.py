"""Reporting periods: their kinds, names, default data windows and which quarters make them.

A period is named ``YYYY-Q1`` … ``YYYY-Q4``, ``YYYY-H1`` (6 tháng đầu năm), ``YYYY-H2``
(6 tháng cuối năm), ``YYYY-9M`` or ``YYYY-Y``.  Its default data window follows Decree
09/2019/NĐ-CP art. 12: from the 15th of the month before the period to the 14th of its
last month; the officer may override it.
"""
from __future__ import annotations

import datetime as _dt
import re
from functools import lru_cache

from .catalogue import Record
from .vnformat import format_date

KINDS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "Y")
QUARTERS = ("Q1", "Q2", "Q3", "Q4")

# kind -> (first month of the period, last month of the period)
_MONTHS = {
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
    "H1": (1, 6), "H2": (7, 12), "9M": (1, 9), "Y": (1, 12),
}

# Which quarters roll up into a longer period.
COMPONENTS = {
    "H1": ("Q1", "Q2"), "H2": ("Q3", "Q4"),
    "9M": ("Q1", "Q2", "Q3"), "Y": ("Q1", "Q2", "Q3", "Q4"),
}

_LABELS = {
    "Q1": "Quý I", "Q2": "Quý II", "Q3": "Quý III", "Q4": "Quý IV",
    "H1": "6 tháng đầu năm", "H2": "6 tháng cuối năm", "9M": "9 tháng", "Y": "Năm",
}

_CODE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|9M|Y)$")


class PeriodError(ValueError):
    """A period name or window that cannot be used; the message is Vietnamese."""


class PeriodName(Record):
    """A period's identity: year and kind, e.g. 2022 / H1 (immutable, compared by value)."""
    __slots__ = ("year", "kind")

    def __init__(self, year: int, kind: str):
        self._set(year=year, kind=kind)

    @property
    def code(self) -> str:
        return f"{self.year}-{self.kind}"

    @property
    def label(self) -> str:
        """'6 tháng đầu năm 2022', 'Quý III năm 2022', 'năm 2022'."""
        return period_label(self.kind, self.year)


def parse_code(code: str) -> PeriodName:
    """``"2022-H1"`` → ``PeriodName(2022, "H1")``; anything else raises PeriodError."""
    m = _CODE.match((code or "").strip().upper())
    if not m:
        raise PeriodError(
            f"Kỳ báo cáo “{code}” không hợp lệ. Ghi theo dạng 2022-Q1 … 2022-Q4, 2022-H1, 2022-H2, 2022-9M hoặc 2022-Y.")
    year = int(m.group(1))
    if not 2000 <= year <= 2100:
        raise PeriodError(f"Năm {year} nằm ngoài khoảng cho phép (2000–2100).")
    return PeriodName(year, m.group(2))


def period_label(kind: str, year: int) -> str:
    """Vietnamese name of a period as reports print it."""
    if kind == "Y":
        return f"năm {year}"
    return f"{_LABELS[kind]} năm {year}" if kind not in ("H1", "H2") else f"{_LABELS[kind]} {year}"


def kind_label(kind: str) -> str:
    """'Quý I', '6 tháng đầu năm', '9 tháng', 'Năm'."""
    return _LABELS[kind]


def default_window(kind: str, year: int) -> tuple[_dt.date, _dt.date]:
    """Decree 09/2019 data window: the 15th of the month before → the 14th of the last month."""
    first, last = _MONTHS[kind]
    start = _dt.date(year - 1, 12, 15) if first == 1 else _dt.date(year, first - 1, 15)
    return start, _dt.date(year, last, 14)


def months_of(kind: str) -> int:
    """How many months a period of *kind* covers."""
    first, last = _MONTHS[kind]
    return last - first + 1


def window_problems(kind: str, year: int, start: _dt.date | None, end: _dt.date | None) -> list[str]:
    """Vietnamese sentences saying what is wrong with a data window (empty when it fits).

    A window fits when start ≤ end, its length is within a month of the kind's length
    and neither end lies more than a month from the Decree 09/2019 default.
    """
    if start is None or end is None:
        return []
    problems = []
    if start > end:
        problems.append(
            f"Thời gian lấy số liệu bắt đầu ({format_date(start)}) sau ngày kết thúc ({format_date(end)}).")
        return problems
    d_start, d_end = default_window(kind, year)
    expected = (d_end - d_start).days + 1
    actual = (end - start).days + 1
    if abs(actual - expected) > 31:
        problems.append(
            f"Thời gian lấy số liệu {format_date(start)} – {format_date(end)} dài {actual} ngày, "
            f"không phù hợp với kỳ {period_label(kind, year)} (khoảng {months_of(kind)} tháng, "
            f"mặc định {format_date(d_start)} – {format_date(d_end)}).")
    elif abs((end - d_end).days) > 31 or abs((start - d_start).days) > 31:
        problems.append(
            f"Thời gian lấy số liệu {format_date(start)} – {format_date(end)} lệch quá một tháng so với kỳ "
            f"{period_label(kind, year)} (mặc định {format_date(d_start)} – {format_date(d_end)}).")
    return problems


def default_deadline(kind: str, year: int) -> _dt.date:
    """The day the report is due: by default the day after the data window closes."""
    return default_window(kind, year)[1] + _dt.timedelta(days=1)


def components(kind: str) -> tuple[str, ...]:
    """The quarters that roll up into *kind* (empty for a quarter)."""
    return COMPONENTS.get(kind, ())


def previous(name: PeriodName) -> PeriodName | None:
    """The period before *name* for continuity checks (Q2 → Q1, H1 → last year's H2, Y → last year's Y).

    A 9-month period continues from H1's end only loosely, so it looks back to Q2.
    """
    kind, year = name.kind, name.year
    if kind in QUARTERS:
        i = QUARTERS.index(kind)
        return PeriodName(year, QUARTERS[i - 1]) if i else PeriodName(year - 1, "Q4")
    return {
        "H1": PeriodName(year - 1, "H2"), "H2": PeriodName(year, "H1"),
        "9M": PeriodName(year, "H1"), "Y": PeriodName(year - 1, "Y"),
    }[kind]


@lru_cache(maxsize=1024)   # sorting a consolidation's files asks for the same few codes again and again
def sort_key(code: str) -> tuple:
    """Order periods within a year: Q1, Q2, H1, Q3, 9M, Q4, H2, Y."""
    name = parse_code(code)
    order = {"Q1": 0, "Q2": 1, "H1": 2, "Q3": 3, "9M": 4, "Q4": 5, "H2": 6, "Y": 7}
    return (name.year, order[name.kind])
