"""Reporting periods: their kinds, names, data windows and which periods make a longer one.

A period is named ``YYYY-Q1`` … ``YYYY-Q4``, ``YYYY-H1`` (6 tháng đầu năm), ``YYYY-H2``
(6 tháng cuối năm), ``YYYY-9M``, ``YYYY-Y``, a month ``YYYY-M01`` … ``YYYY-M12``, or — for
the special reports a province asks for — by its own window ``YYYY-MM-DD..YYYY-MM-DD``
(a *custom* period, with a title such as "từ ngày 01/7/2025 đến ngày 31/10/2025").
Codes are case-insensitive on input; :func:`canonical` gives the one stored form.

The default data window follows Decree 09/2019/NĐ-CP art. 12: from the 15th of the month
before the period to the 14th of its last month.  A unit that reports on calendar months
says so in its profile (``unit.calendar_windows``) and a unit formed by the 2025 merger
(``unit.established``) has no window starting before it existed.  Windows are exact: a
window that differs from its period's is a finding naming both and the difference in days.
"""
from __future__ import annotations

import calendar as _calendar
import datetime as _dt
import re
from functools import lru_cache

from .catalogue import Record
from .vnformat import NumberError, format_date, parse_date

KINDS = ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "Y")      # the Decree 09/2019 kinds
QUARTERS = ("Q1", "Q2", "Q3", "Q4")
MONTHS = tuple(f"M{m:02d}" for m in range(1, 13))
CUSTOM = "C"                                                    # named by its own window
ALL_KINDS = KINDS + MONTHS + (CUSTOM,)

# kind -> (first month of the period, last month of the period)
_MONTHS = {
    "Q1": (1, 3), "Q2": (4, 6), "Q3": (7, 9), "Q4": (10, 12),
    "H1": (1, 6), "H2": (7, 12), "9M": (1, 9), "Y": (1, 12),
    **{m: (i, i) for i, m in enumerate(MONTHS, 1)},
}

# What a period is made of, one level down: a quarter of its months, a longer period of its
# quarters.  A custom period is made of nothing and is part of nothing.
COMPONENTS = {
    **{q: tuple(MONTHS[3 * i:3 * i + 3]) for i, q in enumerate(QUARTERS)},
    "H1": ("Q1", "Q2"), "H2": ("Q3", "Q4"),
    "9M": ("Q1", "Q2", "Q3"), "Y": ("Q1", "Q2", "Q3", "Q4"),
}

_LABELS = {
    "Q1": "Quý I", "Q2": "Quý II", "Q3": "Quý III", "Q4": "Quý IV",
    "H1": "6 tháng đầu năm", "H2": "6 tháng cuối năm", "9M": "9 tháng", "Y": "Năm",
    **{m: f"Tháng {i}" for i, m in enumerate(MONTHS, 1)},
    CUSTOM: "Thời gian khác (báo cáo đột xuất, chuyên đề)",
}

_CODE = re.compile(r"^(\d{4})-(Q[1-4]|H[12]|9M|Y|M0?[1-9]|M1[0-2])$")
_CUSTOM = re.compile(r"^(.+?)\s*(?:\.\.|…)\s*(.+)$")
DECREE = "Nghị định 09/2019/NĐ-CP"
MERGER_DAY = _dt.date(2025, 7, 1)   # the communes and wards of the 2025 reform exist from this day
HELP_CODES = ("2022-Q1 … 2022-Q4, 2022-H1, 2022-H2, 2022-9M, 2022-Y, tháng 2025-M07 "
              "hoặc khoảng thời gian 2025-07-01..2025-10-31")


class PeriodError(ValueError):
    """A period name or window that cannot be used; the message is Vietnamese."""


class PeriodName(Record):
    """A period's identity: year and kind (and, for a custom period, its window), compared by value.

    A custom period's year is the year its window ends in."""
    __slots__ = ("year", "kind", "start", "end")

    def __init__(self, year: int, kind: str, start: _dt.date | None = None, end: _dt.date | None = None):
        self._set(year=year, kind=kind, start=start, end=end)

    @property
    def code(self) -> str:
        if self.kind == CUSTOM:
            return f"{self.start.isoformat()}..{self.end.isoformat()}"
        return f"{self.year}-{self.kind}"

    @property
    def custom(self) -> bool:
        return self.kind == CUSTOM

    @property
    def monthly(self) -> bool:
        return self.kind in MONTHS

    @property
    def label(self) -> str:
        """'6 tháng đầu năm 2022', 'Quý III năm 2022', 'tháng 7 năm 2025', 'năm 2022',
        'từ ngày 01/7/2025 đến ngày 31/10/2025'."""
        if self.kind == CUSTOM:
            return custom_title(self.start, self.end)
        return period_label(self.kind, self.year)

    @property
    def short_label(self) -> str:
        """'Quý I', 'Tháng 7', '01/7–31/10/2025': a column heading or a list of parts."""
        if self.kind == CUSTOM:
            return f"{_day_month(self.start)}–{_day_month(self.end)}/{self.end.year}"
        return kind_label(self.kind)


def _day_month(day: _dt.date) -> str:
    # Decree 30/2020: a day below 10 and the months 1 and 2 take a leading zero.
    return f"{day.day:02d}/{day.month:02d}" if day.month < 3 else f"{day.day:02d}/{day.month}"


def custom_title(start: _dt.date, end: _dt.date) -> str:
    """The default title of a custom period, as the provinces write it:
    'từ ngày 01/7/2025 đến ngày 31/10/2025'."""
    return f"từ ngày {_day_month(start)}/{start.year} đến ngày {_day_month(end)}/{end.year}"


def custom(start, end) -> PeriodName:
    """The custom period of the window *start*–*end* (dates or text); PeriodError when it is no window."""
    try:
        s, e = parse_date(start), parse_date(end)
    except NumberError as exc:
        raise PeriodError(str(exc)) from exc
    if s is None or e is None:
        raise PeriodError("Kỳ theo khoảng thời gian cần cả ngày bắt đầu và ngày kết thúc.")
    if s > e:
        raise PeriodError(f"Ngày bắt đầu ({format_date(s)}) sau ngày kết thúc ({format_date(e)}).")
    for day in (s, e):
        if not 2000 <= day.year <= 2100:
            raise PeriodError(f"Năm {day.year} nằm ngoài khoảng cho phép (2000–2100).")
    if (e - s).days > 731:
        raise PeriodError(f"Khoảng thời gian {format_date(s)} – {format_date(e)} dài hơn hai năm.")
    return PeriodName(e.year, CUSTOM, s, e)


def parse_code(code: str) -> PeriodName:
    """``"2022-h1"`` → ``PeriodName(2022, "H1")``, ``"2025-07-01..2025-10-31"`` → a custom period;
    anything else (a number, a list read from a received file…) raises PeriodError."""
    if not isinstance(code, str):
        raise PeriodError(f"Kỳ báo cáo “{code}” không hợp lệ. Ghi theo dạng {HELP_CODES}.")
    return _parse_code(code)


@lru_cache(maxsize=4096)   # the same few codes are read again and again (sorting, consolidating)
def _parse_code(code: str) -> PeriodName:
    text = code.strip()
    m = _CUSTOM.match(text)
    if m:
        return custom(m.group(1), m.group(2))
    m = _CODE.match(text.upper())
    if not m:
        raise PeriodError(f"Kỳ báo cáo “{code}” không hợp lệ. Ghi theo dạng {HELP_CODES}.")
    year = int(m.group(1))
    if not 2000 <= year <= 2100:
        raise PeriodError(f"Năm {year} nằm ngoài khoảng cho phép (2000–2100).")
    kind = m.group(2)
    if kind.startswith("M"):
        kind = f"M{int(kind[1:]):02d}"
    return PeriodName(year, kind)


def canonical(code: str) -> str:
    """The one stored form of a period code: ``' 2022-h1'`` → ``'2022-H1'``, ``'2025-m7'`` →
    ``'2025-M07'``, ``'01/07/2025..31/10/2025'`` → ``'2025-07-01..2025-10-31'``.

    Raises PeriodError for anything that is not a period code (received files call this on
    every code they carry, so a code differing only in case never makes a second period)."""
    return parse_code(code).code


def period_label(kind: str, year: int) -> str:
    """Vietnamese name of a standard or monthly period as reports print it."""
    if kind == "Y":
        return f"năm {year}"
    if kind in MONTHS:
        return f"tháng {int(kind[1:])} năm {year}"
    if kind == CUSTOM:
        raise PeriodError("Kỳ theo khoảng thời gian được gọi bằng thời gian của nó (periods.custom_title).")
    return f"{_LABELS[kind]} năm {year}" if kind not in ("H1", "H2") else f"{_LABELS[kind]} {year}"


def kind_label(kind: str) -> str:
    """'Quý I', '6 tháng đầu năm', '9 tháng', 'Năm', 'Tháng 7'."""
    return _LABELS[kind]


def _last_day(year: int, month: int) -> _dt.date:
    return _dt.date(year, month, _calendar.monthrange(year, month)[1])


def default_window(kind: str, year: int, *, calendar_windows: bool = False,
                   established: _dt.date | None = None) -> tuple[_dt.date, _dt.date]:
    """The data window of a standard or monthly period.

    Decree 09/2019: the 15th of the month before → the 14th of the last month; with
    *calendar_windows*, the first day of the first month → the last day of the last month.
    A unit *established* later starts its window that day (never before it existed)."""
    first, last = _MONTHS[kind]
    if calendar_windows:
        start, end = _dt.date(year, first, 1), _last_day(year, last)
    else:
        start = _dt.date(year - 1, 12, 15) if first == 1 else _dt.date(year, first - 1, 15)
        end = _dt.date(year, last, 14)
    if established is not None and start < established <= end:
        start = established
    return start, end


def window(name: PeriodName | str, unit: dict | None = None) -> tuple[_dt.date, _dt.date]:
    """The window a period must have for the unit (*unit*: its profile, for
    ``calendar_windows`` and ``established``); a custom period's is its own."""
    if isinstance(name, str):
        name = parse_code(name)
    if name.kind == CUSTOM:
        return name.start, name.end
    return default_window(name.kind, name.year, calendar_windows=calendar_windows_of(unit),
                          established=established_of(unit))


def calendar_windows_of(unit: dict | None) -> bool:
    """Whether the unit's profile says it reports on calendar windows."""
    return bool(unit and unit.get("calendar_windows"))


def established_of(unit: dict | None) -> _dt.date | None:
    """The day the unit exists from (a unit formed by the 2025 merger), None for older units."""
    try:
        return parse_date(unit.get("established")) if unit else None
    except NumberError:
        return None


def months_of(kind: str) -> int:
    """How many months a period of *kind* covers (a custom period: 0, see :func:`span_months`)."""
    if kind == CUSTOM:
        return 0
    first, last = _MONTHS[kind]
    return last - first + 1


def month_range(name: PeriodName | str) -> tuple[int, int]:
    """(first, last) calendar month of the period within its year; a custom period's window
    months (from January when it starts in an earlier year)."""
    if isinstance(name, str):
        name = parse_code(name)
    if name.kind == CUSTOM:
        return (name.start.month if name.start.year == name.year else 1), name.end.month
    return _MONTHS[name.kind]


def span_months(name: PeriodName | str) -> int:
    """How many months the period covers (a custom period's window, rounded, at least 1)."""
    if isinstance(name, str):
        name = parse_code(name)
    if name.kind == CUSTOM:
        return max(1, round(((name.end - name.start).days + 1) / 30.44))
    return months_of(name.kind)


def _days(n: int) -> str:
    return f"{n} ngày"


def window_problems(name: PeriodName | str, start: _dt.date | None, end: _dt.date | None,
                    unit: dict | None = None) -> list[str]:
    """Vietnamese sentences saying what is wrong with a period's data window (empty when right);
    *unit* is the unit's profile, None when it is not known.

    Windows are exact: a window that differs from the one its period calls for (Decree
    09/2019, the unit's calendar windows, its start date, a custom period's own window) is
    named beside that window with the difference in days; a window starting after it ends,
    or before the unit existed, is said first."""
    if isinstance(name, str):
        name = parse_code(name)
    if start is None or end is None:
        return []
    if unit is None and name.kind != CUSTOM and start == MERGER_DAY:
        # The profile is not known (a file received from a program older than db/007, whose
        # backups carry no profile): a window starting the day the 2025 reform formed the new
        # communes is taken as that of a unit formed then.
        unit = {"established": MERGER_DAY.isoformat()}
    shown = f"{format_date(start)} – {format_date(end)}"
    if start > end:
        return [f"Thời gian lấy số liệu bắt đầu ({format_date(start)}) sau ngày kết thúc ({format_date(end)})."]
    established = established_of(unit)
    problems = []
    if established is not None and start < established:
        problems.append(f"Thời gian lấy số liệu {shown} bắt đầu trước ngày đơn vị được thành lập "
                        f"({format_date(established)}).")
    if name.kind != CUSTOM and established is not None and established > default_window(
            name.kind, name.year, calendar_windows=calendar_windows_of(unit))[1]:
        problems.append(f"Kỳ {name.label} kết thúc trước ngày đơn vị được thành lập ({format_date(established)}).")
        return problems
    w_start, w_end = window(name, unit)
    if (start, end) == (w_start, w_end):
        return problems
    if name.kind == CUSTOM:
        basis = "ghi trong tên kỳ"
    elif calendar_windows_of(unit):
        basis = "theo tháng dương lịch như đơn vị đăng ký"
    elif established is not None and w_start == established:
        basis = f"theo {DECREE}, từ ngày đơn vị được thành lập"
    else:
        basis = f"theo {DECREE}"
    diffs = []
    if start != w_start:
        d = (w_start - start).days
        diffs.append(f"bắt đầu {'sớm' if d > 0 else 'muộn'} hơn {_days(abs(d))}")
    if end != w_end:
        d = (end - w_end).days
        diffs.append(f"kết thúc {'muộn' if d > 0 else 'sớm'} hơn {_days(abs(d))}")
    length, expected = (end - start).days + 1, (w_end - w_start).days + 1
    if length != expected:
        diffs.append(f"dài {_days(length)} thay vì {_days(expected)}")
    problems.append(f"Thời gian lấy số liệu {shown} khác thời gian của kỳ {name.label} "
                    f"({format_date(w_start)} – {format_date(w_end)} {basis}): {', '.join(diffs)}.")
    return problems


def report_date_problem(end: _dt.date | None, report_date: _dt.date | None) -> str | None:
    """A report dated before its data window ends reports days that had not happened yet
    (seed 002: dated 05/09/2022, data to 14/09/2022)."""
    if end is None or report_date is None or report_date >= end:
        return None
    return (f"Báo cáo ghi ngày {format_date(report_date)}, trước ngày kết thúc lấy số liệu "
            f"({format_date(end)}) {(end - report_date).days} ngày: sửa ngày báo cáo hoặc thời gian lấy số liệu.")


def default_deadline(kind: str, year: int, **window_options) -> _dt.date:
    """The day the report is due: by default the day after the data window closes."""
    return default_window(kind, year, **window_options)[1] + _dt.timedelta(days=1)


def deadline(name: PeriodName | str, unit: dict | None = None, set_by_unit=None) -> _dt.date:
    """When the period's report is due: the day the unit set (*set_by_unit*), else the day
    after its window closes."""
    if set_by_unit:
        day = parse_date(set_by_unit)
        if day is not None:
            return day
    return window(name, unit)[1] + _dt.timedelta(days=1)


def components(kind: str) -> tuple[str, ...]:
    """The kinds one level down that make up *kind*: a quarter's three months, a longer
    period's quarters; empty for a month and for a custom period (never rolled into another)."""
    return COMPONENTS.get(kind, ())


def component_codes(code: str) -> tuple[str, ...]:
    """The codes of the periods one level down that make up *code* ('2022-H1' → Q1, Q2)."""
    name = parse_code(code)
    return tuple(f"{name.year}-{k}" for k in components(name.kind))


def rollup_parts(code: str, have) -> tuple[str, ...]:
    """The periods among *have* (codes) that *code* rolls up from, in time order.

    A quarter rolls up from its three months only when all three exist.  A longer period
    takes each of its quarters that exists, and for a quarter not added, its three months
    when all exist; a quarter with neither is left out (the roll-up is then partial, see
    :func:`covers`).  Months and custom periods roll up from nothing."""
    name = parse_code(code)
    have = {canonical(c) for c in have}
    if name.kind in QUARTERS:
        months = component_codes(name.code)
        return months if all(m in have for m in months) else ()
    out = []
    for q in component_codes(name.code):
        if q in have:
            out.append(q)
        else:
            months = component_codes(q)
            if all(m in have for m in months):
                out.extend(months)
    return tuple(out)


def covers(code: str, used) -> bool:
    """Whether the periods *used* (standard or monthly codes) cover every month of *code*."""
    name = parse_code(code)
    if name.kind == CUSTOM:
        return False
    first, last = _MONTHS[name.kind]
    months = set()
    for c in used:
        n = parse_code(c)
        if n.kind == CUSTOM or n.year != name.year:
            return False
        a, b = _MONTHS[n.kind]
        months.update(range(a, b + 1))
    return months == set(range(first, last + 1))


def previous(name: PeriodName) -> PeriodName | None:
    """The period before *name* for continuity checks (Q2 → Q1, H1 → last year's H2, Y → last
    year's Y, M07 → M06); None for a custom period.

    A 9-month period continues from H1's end only loosely, so it looks back to Q2.
    """
    kind, year = name.kind, name.year
    if kind == CUSTOM:
        return None
    if kind in MONTHS:
        i = MONTHS.index(kind)
        return PeriodName(year, MONTHS[i - 1]) if i else PeriodName(year - 1, "M12")
    if kind in QUARTERS:
        i = QUARTERS.index(kind)
        return PeriodName(year, QUARTERS[i - 1]) if i else PeriodName(year - 1, "Q4")
    return {
        "H1": PeriodName(year - 1, "H2"), "H2": PeriodName(year, "H1"),
        "9M": PeriodName(year, "H1"), "Y": PeriodName(year - 1, "Y"),
    }[kind]


def following(name: PeriodName) -> PeriodName | None:
    """The period of the same kind after *name* (for "nhiệm vụ … QUÝ II NĂM 2022"); None for a
    custom period.  A 9-month period is followed by the year's last quarter."""
    kind, year = name.kind, name.year
    if kind == CUSTOM:
        return None
    if kind in MONTHS:
        i = MONTHS.index(kind)
        return PeriodName(year, MONTHS[i + 1]) if i < 11 else PeriodName(year + 1, "M01")
    if kind in QUARTERS:
        i = QUARTERS.index(kind)
        return PeriodName(year, QUARTERS[i + 1]) if i < 3 else PeriodName(year + 1, "Q1")
    return {"H1": PeriodName(year, "H2"), "H2": PeriodName(year + 1, "H1"),
            "9M": PeriodName(year, "Q4"), "Y": PeriodName(year + 1, "Y")}[kind]


def proposed(today: _dt.date, unit: dict | None = None, kinds=KINDS) -> PeriodName:
    """The period today's date calls for: the one among *kinds* whose window holds *today*
    or has just closed (its report is being written), the shortest first.

    In December that is the year (window to 14/12) or Quý IV, not next year's Quý I; in
    mid-June 6 tháng đầu năm or Quý II."""
    best = None
    for year in (today.year - 1, today.year, today.year + 1):
        for kind in kinds:
            if kind == CUSTOM:
                continue
            start, end = window(PeriodName(year, kind), unit)
            # the window holds today, or closed at most a month ago: its report is due
            if start <= today <= end + _dt.timedelta(days=31):
                # a closed window first (the latest), else the open one closing soonest
                score = (0, -end.toordinal(), months_of(kind)) if today > end else \
                    (1, end.toordinal(), months_of(kind))
                if best is None or score < best[0]:
                    best = (score, PeriodName(year, kind))
    return best[1] if best else PeriodName(today.year, kinds[0])


@lru_cache(maxsize=1024)   # sorting a consolidation's files asks for the same few codes again and again
def sort_key(code: str) -> tuple:
    """Order periods by when they end, the shorter first: M01, M02, M03, Q1, …, Q2, H1, Q3,
    9M, Q4, H2, Y; a custom period by its window's end."""
    name = parse_code(code)
    if name.kind == CUSTOM:
        return (name.end.year, name.end.month, span_months(name), name.code)
    first, last = _MONTHS[name.kind]
    return (name.year, last, last - first + 1, "")
