"""The figures of a period as the reports and checks see them.

A value can come from several places.  What the officer typed for the period wins;
otherwise the value is computed: from the detail tables (dossiers by field …), from the
documents register, from the annual plan's tasks, from the quarters of a longer period
(sum for flows, last for stocks, first for carried-over, cumulative as last), and
finally the derived rates from their parts.  Every computed alternative is kept beside
the typed one in :attr:`Cell.computed`, so a check can flag a typed H1 value that
disagrees with the roll-up of its quarters.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from . import periods
from .store import Workspace

TYPED, DETAIL, REGISTER, TASKS, ROLLUP, DERIVED = (
    "typed", "detail", "register", "tasks", "rollup", "derived")
SOURCE_LABELS = {
    TYPED: "nhập trực tiếp", DETAIL: "tổng của bảng chi tiết", REGISTER: "đếm từ sổ văn bản",
    TASKS: "đếm từ kế hoạch năm", ROLLUP: "cộng dồn từ các quý", DERIVED: "tính từ các thành phần",
}


@dataclass
class Cell:
    """One figure of a period: its value, where it comes from, and what else was computed."""
    key: str
    value: object
    source: str
    note: str | None = None
    sources: tuple = ()                           # for a roll-up: the quarters used
    computed: dict = field(default_factory=dict)  # source -> value for every computed alternative
    rolled_from: tuple = ()                       # the quarters the roll-up alternative was made of

    @property
    def typed(self) -> bool:
        return self.source == TYPED


def rollup_quarters(ws: Workspace, code: str) -> tuple[dict, dict]:
    """(key → value, key → quarters used) rolled up from the quarters of a longer period."""
    name = periods.parse_code(code)
    # A quarter from its three months when all were added; a longer period from its quarters
    # (a quarter not added, from its three months); a custom period from nothing.
    have = [p.code for p in ws.periods()]
    parts = [(c, values(ws, c, with_rollup=name.kind not in periods.QUARTERS))
             for c in periods.rollup_parts(code, have)]
    out, used = {}, {}
    present = set().union(*(vals.keys() for _, vals in parts))
    for ind in ws.catalogue:
        if ind.key not in present:
            continue
        series = [(c, vals[ind.key].value) for c, vals in parts
                  if ind.key in vals and vals[ind.key].value is not None]
        if not series:
            continue
        if ind.rollup == "sum":
            nums = [v for _, v in series if isinstance(v, (int, float))]
            if len(nums) != len(series):
                continue
            out[ind.key] = sum(nums)
            used[ind.key] = tuple(c for c, _ in series)
        elif ind.rollup in ("last", "cumulative"):
            out[ind.key], used[ind.key] = series[-1][1], (series[-1][0],)
        elif ind.rollup == "first":
            out[ind.key], used[ind.key] = series[0][1], (series[0][0],)
    return out, used


def values(ws: Workspace, code: str, *, with_rollup: bool = True) -> dict[str, Cell]:
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
            cells[key] = Cell(key, e["value"], TYPED, note=e["note"])
    for key, total in ws.detail_totals(code).items():
        offer(DETAIL, key, total)
    offer(REGISTER, "direction.documents_issued", ws.documents_count(code))
    counts = ws.task_counts(period.year)
    if counts:
        offer(TASKS, "plan.tasks_planned", counts[0])
        offer(TASKS, "plan.tasks_done", counts[1])
    if with_rollup and periods.components(period.kind):
        rolled, used = rollup_quarters(ws, code)
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


def plain_values(ws: Workspace, code: str) -> dict[str, object]:
    """key → value of every figure of the period (typed wins over computed)."""
    return {k: c.value for k, c in values(ws, code).items()}


def empty_rows(ws: Workspace, code: str, keys=None) -> list[str]:
    """The keys among *keys* (default: the rows the unit's template prints) that have no
    figure in period *code*, typed or computed."""
    keys = ws.printed_keys() if keys is None else keys
    cells = values(ws, code)
    return [k for k in keys if k not in cells or cells[k].value is None]
