"""The unit's plan targets evaluated for a period: met, not met or no data, with the gap.

A target applies to a period when the period's year lies within the target's years
(and the plan's).  The value aimed at is the fixed value, or the trajectory's value for
the year (the last value set before it when a year is skipped; none before the first).
The actual value is the target's key or formula over the period's figures
(:func:`rollup.values`, typed winning); a missing figure gives "no data", never a zero.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from . import plans as _plans
from . import rollup
from .catalogue import TOLERANCE, CatalogueError, Formula, compare
from .store import Workspace
from .vnformat import format_number

MET, NOT_MET, NO_DATA, IN_PROGRESS = "met", "not_met", "no_data", "in_progress"
STATUS_LABELS = {MET: "Đạt", NOT_MET: "Chưa đạt", NO_DATA: "Chưa có số liệu", IN_PROGRESS: "Đang thực hiện"}


@dataclass
class TargetResult:
    """One target of one plan, evaluated for one period."""
    plan: str                 # the plan document's number, e.g. "1069/QĐ-UBND"
    label: str
    keys: list
    target: float
    actual: float | None
    status: str
    gap: float | None         # actual − target, in the target's unit
    unit: str
    op: str
    target_id: int | None = None
    expr: str = ""
    year_target: float | None = None   # a part-year period: the year's value; ``target`` is then the share due
    year_share: float | None = None    # that share of the year (0.5 for 6 months)

    def to_json(self) -> dict:
        return asdict(self)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]

    def sentence(self) -> str:
        """'Tỷ lệ hồ sơ trực tuyến: 62,5% (mục tiêu ≥ 50%): Đạt, vượt 12,5.'"""
        op = _plans.OP_LABELS.get(self.op, self.op)
        unit = self.unit if self.unit == "%" else f" {self.unit}" if self.unit else ""
        aim = f"mục tiêu {op} {format_number(self.target, 2)}{unit}"
        if self.year_target is not None and self.year_target != self.target:
            aim = (f"tiến độ đến hết kỳ {op} {format_number(self.target, 2)}{unit} của mục tiêu năm "
                   f"{format_number(self.year_target, 2)}{unit}")
        if self.actual is None:
            return f"{self.label}: chưa có số liệu ({aim})."
        text = f"{self.label}: {format_number(self.actual, 2)}{unit} ({aim}): {self.status_label}"
        if self.gap is not None and abs(self.gap) > TOLERANCE:
            word = "vượt" if self.gap > 0 else "thiếu"
            text += f", {word} {format_number(abs(self.gap), 2)}"
        return text + "."


def target_for_year(t: dict, year: int) -> float | None:
    """The value a target aims at in *year*; None when it does not apply that year."""
    if t.get("year_from") and year < t["year_from"]:
        return None
    if t.get("year_to") and year > t["year_to"]:
        return None
    traj = t.get("trajectory")
    if traj:
        years = sorted(y for y in traj if y <= year)
        if not years:
            return None
        return float(traj[years[-1]])
    return None if t.get("value") is None else float(t["value"])


def _with_plan_years(t: dict, p: dict) -> dict:
    """A target without years of its own runs over its plan's years."""
    t = dict(t)
    if not t.get("year_from"):
        t["year_from"] = p.get("year_from")
    if not t.get("year_to") and p.get("year_to") and t["year_from"] and t["year_from"] <= p["year_to"]:
        t["year_to"] = p["year_to"]
    return t


def _meets(actual: float, op: str, target: float) -> bool:
    return compare(actual, op, target)


def _base_keys(catalogue, keys) -> set:
    """The typed keys a formula stands on, derived rates expanded into their parts."""
    out, todo = set(), list(keys)
    while todo:
        key = todo.pop()
        f = catalogue.formula(key) if key in catalogue else None
        if f is not None and key not in out:
            todo.extend(f.keys)
        out.add(key)
    return out


def year_share(period, catalogue, keys, unit: str) -> tuple[float, bool] | None:
    """(share of a year target due by the end of *period*, judged by trajectory), or None when
    the whole target applies to the period.

    A target over a year (every task of the annual plan done, one initiative a year) cannot be
    missed at the end of June.  Tasks done so far (cumulative) are held to the share of the year
    elapsed (trajectory: 50 % of the plan by the end of June); a count of events (one initiative)
    is "đang thực hiện" until it is reached.  Rates of flows (on-time, online, satisfied) hold in
    any period.
    """
    base = _base_keys(catalogue, keys)
    rollups = {catalogue[k].rollup for k in base if k in catalogue}
    cumulative = "cumulative" in rollups
    counted = unit != "%" and "sum" in rollups
    if not (cumulative or counted):
        return None
    end = period.window_to
    try:
        from .periods import _MONTHS, months_of
        first, last = _MONTHS[period.kind]
        months = last if cumulative else months_of(period.kind)
    except (KeyError, ImportError):          # months and custom periods: by their window
        if end is None:
            return None
        start = period.window_from or end
        months = end.month if cumulative else max(1, (end.year - start.year) * 12 + end.month - start.month)
    return None if months >= 12 else (months / 12, cumulative)


def evaluate(ws: Workspace, code: str, values: dict | None = None) -> list[TargetResult]:
    """Every target of the unit's plans that applies to period *code*, evaluated.

    *values* (key → value), when given, are the period's figures already computed for the
    documents being made, so every document judges the same figures.
    """
    period = ws.period(code)
    year = period.year
    if values is None:
        values = {k: c.value for k, c in rollup.values(ws, code).items()}
    else:
        values = {k: getattr(c, "value", c) for k, c in values.items()}
    out = []
    for p in _plans.plans(ws):
        for t in p["targets"]:
            aim = target_for_year(_with_plan_years(t, p), year)
            if aim is None:
                continue
            try:
                formula = Formula(t["expr"])
            except CatalogueError:
                continue
            part = year_share(period, ws.catalogue, formula.keys, t["unit"]) if t["op"] in (">=", ">") else None
            year_aim = share = None
            if part is not None:
                share, trajectory = part
                year_aim = aim
                if trajectory:
                    aim = aim * share
            actual = formula.evaluate(values)
            if actual is not None and isinstance(actual, (int, float)):
                status = MET if _meets(actual, t["op"], aim) else NOT_MET
                gap = actual - aim
                if status == NOT_MET and part is not None and not part[1]:
                    status, gap = IN_PROGRESS, None       # a count for the year, not reached yet
            else:
                actual, status, gap = None, NO_DATA, None
            out.append(TargetResult(p["number"], t["label"], list(formula.keys), aim, actual, status, gap,
                                    t["unit"], t["op"], t["id"], t["expr"], year_aim, share))
    return out
