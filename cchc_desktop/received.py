"""A unit's received figures, read the way the checks read a workspace.

The receiving office checks each unit's figures with the same rules the unit's own
program runs (:func:`rules.check`), but never opens a received file as a workspace.  What
the checks need was read out of the file with explicit queries at import and kept with
each received period or file (db/003–006): the figures with their roll-up source, the
other values the unit's program computed for a figure it typed (detail tables, documents
register, plan), the data window, the warnings the unit explained and the annual plan's
tasks.

:class:`ReceivedUnit` answers, from those, the read-only questions :func:`rollup.values`
and :func:`rules.check` ask of a :class:`store.Workspace`; so a half-year's figures are
compared with the unit's quarters even when they came in an earlier file, and the plan's
tasks (from the unit's newest file in use) are checked for overdue ones.
"""
from __future__ import annotations

import datetime as _dt

from . import periods, rollup
from .store import Period, WorkspaceError


def _date(text) -> _dt.date | None:
    try:
        return _dt.date.fromisoformat(text) if text else None
    except (TypeError, ValueError):
        return None


class ReceivedPeriod:
    """One period of a unit as received: figures, sources, alternatives, window, acknowledgements."""
    __slots__ = ("code", "figures", "sources", "alternatives", "window", "acknowledged")

    def __init__(self, code: str, figures: dict, sources: dict | None = None, alternatives: dict | None = None,
                 window: tuple | None = None, acknowledged=()):
        self.code, self.figures = code, figures
        self.sources, self.alternatives = sources or {}, alternatives or {}
        self.window = window or (None, None)
        self.acknowledged = acknowledged or ()


class ReceivedUnit:
    """Read-only stand-in for a unit's workspace, built from its received periods."""

    def __init__(self, catalogue, code_lists: dict, received: list[ReceivedPeriod], plan_tasks: dict | None = None):
        self.catalogue = catalogue
        self._code_lists = code_lists
        self._plan_tasks = plan_tasks or {}   # year (text) → [[content, deadline, status, percent done]]
        self._received = {}
        self._periods = {}
        for n, r in enumerate(sorted(received, key=lambda r: periods.sort_key(r.code)), start=1):
            name = periods.parse_code(r.code)
            start, end = (_date(d) for d in r.window)
            if start is None or end is None:
                start, end = periods.window(name)
            self._received[name.code] = r
            self._periods[name.code] = Period(n, name.code, name.kind, name.year, start, end, None, None, "sent")
        self._typed = {code: {k: v for k, v in r.figures.items() if k not in r.sources}
                       for code, r in self._received.items()}
        # code → source → {key: value} the unit's program computed from that source, whether
        # or not a typed value won (the figure's own source, and the alternatives beside it)
        self._by_source: dict[str, dict] = {}
        for code, r in self._received.items():
            by = self._by_source[code] = {}
            for k, source in r.sources.items():
                if k in r.figures:
                    by.setdefault(source, {})[k] = r.figures[k]
            for k, alt in r.alternatives.items():
                for source, v in alt.items():
                    by.setdefault(source, {})[k] = v

    # ---- what rollup.values and rules.check ask ------------------------------------------
    def code_list(self, key: str) -> dict:
        ind = self.catalogue.get(key)
        return self._code_lists.get(key) or (ind.codes if ind else {})

    def periods(self) -> list[Period]:
        return list(self._periods.values())

    def find_period(self, code: str) -> Period | None:
        return self._periods.get(periods.parse_code(code).code)

    def period(self, code: str) -> Period:
        found = self._periods.get(code) or self.find_period(code)
        if found is None:
            raise WorkspaceError(f"Đơn vị chưa gửi số liệu kỳ {code}.")
        return found

    def typed_values(self, code: str) -> dict:
        return self._typed[self.period(code).code]

    def entries(self, code: str) -> dict[str, dict]:
        return {k: {"value": v, "note": None} for k, v in self.typed_values(code).items()}

    def _computed(self, code: str, source: str) -> dict:
        """key → value the unit's program computed from *source*, whether or not a typed value won."""
        return dict(self._by_source[self.period(code).code].get(source, {}))

    def detail_totals(self, code: str) -> dict:
        return self._computed(code, rollup.DETAIL)

    def documents_count(self, code: str):
        return self._computed(code, rollup.REGISTER).get("direction.documents_issued")

    def task_counts(self, year: int):
        for code in self._periods:
            if self._periods[code].year == year:
                got = self._computed(code, rollup.TASKS)
                if "plan.tasks_planned" in got:
                    return got["plan.tasks_planned"], got.get("plan.tasks_done", 0)
        return None

    def plan_tasks(self, year: int) -> list[dict]:
        """The year's plan tasks the unit sent, as the store gives them (the fields the checks read)."""
        out = []
        for task in self._plan_tasks.get(str(year)) or ():
            if isinstance(task, list) and len(task) == 4:
                content, deadline, status, percent = task
                out.append({"year": year, "content": content or "", "deadline": deadline or "",
                            "status": status or "", "percent_done": percent})
        return out

    def acknowledgements(self, code: str) -> dict[tuple[str, str], str]:
        """(rule, keys) → comment of the warnings the unit explained for *code*."""
        r = self._received[self.period(code).code]
        return {(rule, keys): comment for rule, keys, comment in r.acknowledged}
