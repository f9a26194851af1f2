"""The figures of a period as the reports and checks see them.

A value can come from several places.  What the officer typed for the period wins;
otherwise the value is computed: from the detail tables (dossiers by field …), from the
documents register, from the annual plan's tasks, from the periods a longer period is
made of (quarters, or a quarter's months: :func:`periods.rollup_parts`), rolled up as the
catalogue's ``rollup`` of each indicator says (:func:`roll`: sum for flows, last for
stocks at the end, first for the carried-over, carried-over + in-period flows for a total
that holds it), and finally the derived figures, worked out again from the rolled-up
parts.  Every computed alternative is kept beside the typed one in :attr:`Cell.computed`,
so a check can flag a typed H1 value that disagrees with the roll-up of its quarters.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

from . import periods
from .figure_source import FigureSource
from .store import Workspace
from .vnformat import from_stored

TYPED, DETAIL, REGISTER, TASKS, ROLLUP, DERIVED = (
    "typed", "detail", "register", "tasks", "rollup", "derived")
SOURCE_LABELS = {
    TYPED: "nhập trực tiếp", DETAIL: "tổng của bảng chi tiết", REGISTER: "đếm từ sổ văn bản",
    TASKS: "đếm từ kế hoạch năm", ROLLUP: "cộng dồn từ các kỳ", DERIVED: "tính từ các thành phần",
}


@dataclass
class Cell:
    """One figure of a period: its value, where it comes from, and what else was computed."""
    key: str
    value: object
    source: str
    note: str | None = None
    sources: tuple = ()                           # for a roll-up: the parts (quarters, months) read
    computed: dict = field(default_factory=dict)  # source -> value for every computed alternative
    rolled_from: tuple = ()                       # the parts the roll-up alternative was made of

    @property
    def typed(self) -> bool:
        return self.source == TYPED


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _total(nums):
    if all(isinstance(v, int) for v in nums):
        return sum(nums)
    return math.fsum(nums)


def roll(how: str, series: list, openings: list | None = None, codes: dict | None = None):
    """The value of a longer period from its parts' values *series* (one per part, in order,
    ``None`` where a part has none), rolled up *how* (see ``catalogue.ROLLUPS``); ``None``
    when it cannot be known.

    Every part must be known where the roll-up reads it: a year whose fourth quarter has no
    figure has no rolled-up sum, and a year whose first quarter has no carried-over has no
    carried-over (a later quarter's is not the year's).  *openings* are the parts' opening
    stocks for ``opening_plus_sum``; *codes* the answer's code list for ``any``.
    """
    if not series:
        return None
    if how == "sum":
        return _total(series) if all(_number(v) for v in series) else None
    if how == "first":
        return series[0] if _number(series[0]) else None
    if how in ("last", "cumulative"):
        return series[-1] if _number(series[-1]) else None
    if how == "opening_plus_sum":
        if openings is None or len(openings) != len(series):
            return None
        if not all(_number(v) for v in (*series, *openings)):
            return None
        return openings[0] + _total([v - o for v, o in zip(series, openings)])
    if how == "any":
        if codes is not None and set(codes) != {0, 1}:
            return None   # a template that words the answer otherwise: no "yes" to look for
        if any(v == 1 for v in series):
            return 1
        return 0 if all(v == 0 for v in series) else None
    return None   # derived (worked out again from the rolled-up parts) and none


def _used(how: str, codes: tuple) -> tuple:
    """The parts a roll-up read (what the window names as its source)."""
    if how == "first":
        return codes[:1]
    if how in ("last", "cumulative"):
        return codes[-1:]
    return codes


def rollup_components(ws: FigureSource, code: str, have: list | None = None) -> tuple[dict, dict]:
    """(key → value, key → parts used) rolled up from the periods *code* is made of.

    Only a period whose every month is covered by its parts rolls up; each part's figures
    are its own :func:`values` (typed, computed or rolled up from its own parts).
    """
    # each quarter, or the three months of a quarter not added (periods.rollup_parts), in time
    # order; a roll-up that does not cover every month of the period is none at all
    if have is None:   # the workspace's periods, read once for the parts and their own parts
        have = [p.code for p in ws.periods()]
    codes = periods.rollup_parts(code, have)
    if not codes or not periods.covers(code, codes):
        return {}, {}
    parts = [values(ws, c, _have=have) for c in codes]
    out, used = {}, {}
    present = set().union(*(vals.keys() for vals in parts))
    for ind in ws.catalogue:
        if ind.key not in present or ind.rollup in ("derived", "none"):
            continue
        series = [_value(vals, ind.key) for vals in parts]
        openings = [_value(vals, ind.opening) for vals in parts] if ind.opening else None
        codes_of = ws.code_list(ind.key) if ind.rollup == "any" else None
        v = roll(ind.rollup, series, openings, codes_of)
        if v is not None:
            out[ind.key], used[ind.key] = v, _used(ind.rollup, codes)
    return out, used


def _value(cells: dict, key):
    cell = cells.get(key)
    return None if cell is None else cell.value


def values(ws: FigureSource, code: str, *, with_rollup: bool = True, _have: list | None = None) -> dict[str, Cell]:
    """Every figure of period *code*: typed, computed and derived, as :class:`Cell` objects."""
    period = ws.period(code)
    cells: dict[str, Cell] = {}
    entries = ws.entries(code)
    computed: dict[str, dict] = {}

    def offer(source, key, value, sources=()):
        if value is None or key not in ws.catalogue:
            return
        computed.setdefault(key, {})[source] = value
        if key not in cells:
            cells[key] = Cell(key, value, source, sources=tuple(sources))

    for key, e in entries.items():
        if e["value"] is not None:
            # a figure typed with trailing zeros is stored as its text ("85,10"): read it back
            cells[key] = Cell(key, from_stored(e["value"]), TYPED, note=e["note"])
    for key, total in ws.detail_totals(code).items():
        offer(DETAIL, key, total)
    offer(REGISTER, "direction.documents_issued", ws.documents_count(code))
    counts = ws.task_counts(period.year)
    if counts:
        offer(TASKS, "plan.tasks_planned", counts[0])
        offer(TASKS, "plan.tasks_done", counts[1])
    if with_rollup and periods.components(period.kind):
        rolled, used = rollup_components(ws, code, _have)
        for key, v in rolled.items():
            offer(ROLLUP, key, v, used[key])
            cells[key].rolled_from = used[key]
    plain = {k: c.value for k, c in cells.items()}
    for key, v in ws.catalogue.compute_derived(plain).items():
        offer(DERIVED, key, v)
    for key, alternatives in computed.items():
        cells[key].computed = alternatives
    # A note typed for a computed key (no value typed) still travels with the figure.
    for key, e in entries.items():
        if key in cells and cells[key].note is None:
            cells[key].note = e["note"]
    return cells


def source_text(cell: Cell | None, catalogue=None) -> str:
    """Where a figure comes from, in words: 'cộng dồn từ Quý I, Quý II', 'cuối kỳ, lấy từ
    Quý IV', 'tổng của bảng chi tiết' …; a roll-up says how it was made (*catalogue*: the
    workspace's, for the indicator's roll-up)."""
    if cell is None:
        return ""
    if cell.source != ROLLUP or not cell.sources:
        return SOURCE_LABELS.get(cell.source, cell.source)
    names = [periods.parse_code(c).short_label for c in cell.sources]
    # the parts are consecutive and cover the period: three or more read as a span
    span = f"từ {names[0]} đến {names[-1]}" if len(names) > 2 else "từ " + ", ".join(names)
    ind = catalogue.get(cell.key) if catalogue is not None else None
    how = ind.rollup if ind is not None else "sum"
    if how == "first":
        return f"đầu kỳ, lấy từ {names[0]}"
    if how in ("last", "cumulative"):
        return f"cuối kỳ, lấy từ {names[-1]}"
    if how == "opening_plus_sum":
        return f"chuyển sang đầu {names[0]} + tiếp nhận {span}"
    if how == "any":
        return f"có nếu có ở một kỳ {span}"
    return f"cộng dồn {span}"


def typed_values(ws: FigureSource, code: str) -> dict[str, object]:
    """key → value as typed for the period (nothing computed), read back as :func:`values` does."""
    return {k: from_stored(v) for k, v in ws.typed_values(code).items()}


def plain_values(ws: FigureSource, code: str) -> dict[str, object]:
    """key → value of every figure of the period (typed wins over computed)."""
    return {k: c.value for k, c in values(ws, code).items()}


def empty_rows(ws: Workspace, code: str, keys=None) -> list[str]:
    """The keys among *keys* (default: the rows the unit's template prints) that have no
    figure in period *code*, typed or computed."""
    keys = ws.printed_keys() if keys is None else keys
    cells = values(ws, code)
    return [k for k in keys if k not in cells or cells[k].value is None]
