"""A received file: what it is, how it is read and checked, and the unit it stands for.

The one place that knows what a unit's backup carries upward and how a receiving office
reads it (the bytes, schema and digest are checked first by :func:`backup.verify_open`;
nothing of the file is trusted until then):

* :func:`read_file` reads a verified file into a :class:`backup.BackupInfo`, checking every
  figure against the receiving office's catalogue (:class:`Receiving`) and refusing with a
  typed :class:`backup.BackupError` that names the file and the unit;
* :func:`extras_sql` / :func:`take_extra` read what a backup holds beside its figures
  (data windows, explained warnings, alternatives, plan tasks), for the import and for
  :func:`backup.read_backup` alike;
* :func:`unit_key` says which unit a file stands for: its official code, else the id made
  with its workspace, never its name (two communes may differ only by a tone mark); files
  of schema 6 and older carry neither and fall back to the slug of their name;
* :func:`newer` decides which of two files of a unit is newer: the workspace's revision
  counter (db/007) when both come from the same workspace, the clock only to break ties;
* :class:`ReceivedUnit` answers, from the figures kept at import, the read-only questions
  :func:`rollup.values` and :func:`rules.check` ask of a :class:`store.Workspace`.

Period codes are canonicalised on the way in (``2022-h1`` and ``' 2022-H1'`` are 2022-H1), so a
file's period can never be a second name for another period and rewrite its sums.
"""
from __future__ import annotations

import datetime as _dt
import json
import math
import sqlite3
from functools import lru_cache
from pathlib import Path

from . import backup, periods, rollup
from .backup import BackupError, BackupInfo
from .slug import unit_slug
from .store import Period, WorkspaceError
from .vnformat import CODE, MAX_COUNT, MAX_MONEY, nfc

# More figure rows than a unit ever sends (about 150 keys × every period of many years):
# counted before anything is parsed, so a file of 900.000 made-up keys costs nothing.
MAX_FIGURES = 50_000
MAX_EXTRAS = 50_000


# ---- refusals ------------------------------------------------------------------------
class InvalidFigures(BackupError):
    """Figures no unit's program could have written (a count of 2,5, a sum above any real one)."""


class BadPeriodCode(BackupError):
    """A period code that is not a period, or two names for one period."""


class OwnFile(BackupError):
    """A file of the receiving office itself."""


class TooManyFigures(backup.TooLargeBackup):
    """More rows than any unit sends: refused before they are read."""


class NoUnitName(BackupError):
    """The file does not say which unit sent it."""


# ---- which unit, which file is newer -------------------------------------------------
def unit_key(code: str = "", uid: str = "", slug: str = "") -> str:
    """The identity of a unit's files: ``ma:<official code>``, else ``uid:<id of its
    workspace>``, else (files of schema ≤ 6, which carry neither) the slug of its name.
    Stored as ``received_periods.unit_slug``; the prefixes never occur in a slug."""
    if code:
        return f"ma:{code}"
    if uid:
        return f"uid:{uid}"
    return slug


# The same, in SQL over received_files (which keeps the slug, code and uid of each file).
UNIT_KEY_SQL = ("CASE WHEN unit_code != '' THEN 'ma:' || unit_code "
                "WHEN unit_uid != '' THEN 'uid:' || unit_uid ELSE unit_slug END")


def newer(a: tuple, b: tuple) -> bool:
    """Whether file *a* is newer than file *b*, each given as (uid, revision, made_at).

    Two files of one workspace (same uid) are ordered by its revision counter, which every
    change increments: a clock set ahead, or a forged date, cannot pin old figures.  The
    clock decides only between equal revisions, or files of different workspaces (a unit
    that made its file again keeps its official code, not its uid)."""
    uid_a, rev_a, made_a = a
    uid_b, rev_b, made_b = b
    if uid_a and uid_a == uid_b and rev_a != rev_b:
        return rev_a > rev_b
    return made_a > made_b


def canonical_code(code) -> str:
    """The canonical form of a period code (``2022-h1`` → ``2022-H1``); PeriodError otherwise."""
    if not isinstance(code, str):
        raise periods.PeriodError(f"Kỳ báo cáo “{code!r}” không hợp lệ.")
    return periods.canonical(code)


@lru_cache(maxsize=256)
def _canonical_or_none(code):
    try:
        return canonical_code(code)
    except (periods.PeriodError, TypeError, AttributeError, ValueError):
        return None


# ---- what a backup holds beside its figures ------------------------------------------
# As one statement of rows (kind, a, b, c, d): the data windows (1), the warnings the unit
# acknowledged (2), the annual plan's tasks as JSON per year (4) and, from schema 5, the
# values computed beside typed figures (3).  A caller may put more rows in front with
# UNION ALL (kind 0 is left to it).
_EXTRAS = """SELECT 1, code, window_from, window_to, NULL FROM periods
    UNION ALL SELECT 2, p.code, a.rule, a.keys, a.comment
        FROM acknowledgements a JOIN periods p ON p.id = a.period_id
    UNION ALL SELECT 4, year, json_group_array(json_array(CAST(content AS TEXT), CAST(deadline AS TEXT),
                                                          CAST(status AS TEXT), CAST(percent_done AS REAL))), NULL, NULL
        FROM plan_tasks GROUP BY year"""


def extras_sql(version: int) -> str:
    """The statement of what a backup of schema *version* holds beside its figures."""
    if version < backup.ALTERNATIVES_SINCE:
        return _EXTRAS
    return _EXTRAS + f"""
    UNION ALL SELECT 3, period_code, key, source, value FROM {backup.ALTERNATIVES_TABLE}"""


def take_extra(info: BackupInfo, kind: int, code, a, b, c):
    """Keep one row of :func:`extras_sql` in *info*; a value of the wrong type, or a period
    code that is not one (a crafted file), is left behind rather than stored or shown."""
    if kind == 4:
        if isinstance(code, int) and isinstance(a, str):
            info.plan_tasks[str(code)] = a
        return
    code = _canonical_or_none(code)
    if code is None:
        return
    if kind == 1:
        info.windows.setdefault(code, tuple(d if isinstance(d, str) else None for d in (a, b)))
    elif kind == 2:   # kept only as text: it is shown and stored as JSON
        if all(isinstance(t, str) for t in (a, b, c)):
            info.acknowledged.setdefault(code, []).append([a, b, nfc(c)])
    elif kind == 3:
        if isinstance(a, str) and isinstance(b, str) and type(c) in (int, float) and 0 <= c < float("inf"):
            info.alternatives.setdefault(code, {}).setdefault(a, {})[b] = c


def check_rows(row: dict, shown: str):
    """Refuse a file with more figure or extra rows than any unit sends, before reading them
    (*row*: what :func:`backup.verify_open` read, the counts included)."""
    figures, extras = row["figure_rows"], row["extra_rows"]
    if figures > MAX_FIGURES or extras > MAX_EXTRAS:
        from .vnformat import format_number
        raise TooManyFigures(f"Tệp “{shown}” chứa {format_number(figures + extras)} dòng số liệu, nhiều hơn mọi "
                             f"tệp của một đơn vị (tối đa {format_number(MAX_FIGURES)}); không đọc, không nhận.")


# ---- the receiving office ------------------------------------------------------------
class Receiving:
    """What each received file is checked against, worked out once per import: the
    receiving office's catalogue, its own unit (a file of its own is refused), per key the
    code values allowed (``None``: a plain number; text keys left out) and, for the keys
    that are summed, whether they are whole and how large one unit's figure can be."""

    def __init__(self, ws):
        self.catalogue = ws.catalogue
        own = ws.unit()
        self.own_slug = unit_slug(own["name"], own["parent"])
        self.own_code, self.own_uid = own.get("code") or "", own.get("uid") or ""
        self.codes = {ind.key: frozenset(ws.code_list(ind.key) or ind.codes) if ind.kind == CODE else None
                      for ind in ws.catalogue if ind.kind != "text"}
        self.coded = frozenset(k for k, v in self.codes.items() if v is not None)
        # what the unit's own form accepts for a summed figure (vnformat.parse_number)
        self.whole = frozenset(i.key for i in ws.catalogue if i.kind == "count")
        self.limits = {i.key: MAX_COUNT if i.kind == "count" else MAX_MONEY
                       for i in ws.catalogue if i.kind in ("count", "money")}

    def is_own(self, info: BackupInfo) -> bool:
        """Whether *info* is a file of the receiving office's own unit."""
        if info.unit_code or info.unit_uid:
            return bool((info.unit_code and info.unit_code == self.own_code)
                        or (info.unit_uid and info.unit_uid == self.own_uid))
        return info.unit_slug == self.own_slug   # a file of schema ≤ 6: its name is all it has


# Everything the import takes from a verified file, in one statement (each costs a
# compile on a fresh connection): per period (kind 0) its figures and their sources as
# JSON objects built by SQLite (a string per period, not a Python object per figure), then
# what :func:`extras_sql` reads beside them.  (SQLite writes a real with 15 significant
# digits: exact for any figure typed, and for a computed rate a change far below what is
# printed; rates are recomputed from sums anyway.)
_FIGURES = f"""
    SELECT 0, period_code, json_group_object(key, value),
           json_group_object(key, source) FILTER (WHERE source != 'typed'), NULL
        FROM {backup.FIGURES_TABLE} GROUP BY period_code
    UNION ALL """

_OWN = object()
_NUMBER_TYPES = frozenset((int, float))


def read_file(path, receiving: Receiving, conn=None) -> BackupInfo:
    """One received file checked whole and read, without writing anything.

    The bytes (size, header, digest), the schema, ``quick_check`` are checked by
    :func:`backup.verify_open`; the number of rows is capped before any is parsed; every
    period code must be one (and is kept in its canonical form); every figure whose key is
    in the catalogue must fit it (:class:`Receiving`): a whole number from its code list, or
    a finite number ≥ 0, whole for a count and no larger than the unit's own form accepts.
    A unit's own extra indicators travel along but are never summed.  A
    :class:`backup.BackupError` naming the file (and the unit, once known) otherwise.
    *conn* (:func:`backup.untrusted_connection`) is reused when given, and left open.
    """
    path = Path(path)
    data, shown = backup.file_bytes(path, path.name)
    own_conn = conn is None
    try:
        conn = backup.open_untrusted(data, conn)
    except sqlite3.Error as exc:
        raise backup.NotABackup(f"Tệp “{shown}” không phải tệp sao lưu CCHC (không mở được).") from exc
    try:
        version, row = backup.verify_open(conn, data, shown)
        check_rows(row, shown)
        info = backup.backup_info(path, row, version, len(data))
        info.unit_name = nfc(info.unit_name) if isinstance(info.unit_name, str) else ""
        info.parent = nfc(info.parent) if isinstance(info.parent, str) else ""
        if not info.unit_name:
            raise NoUnitName(f"Tệp “{shown}” không ghi tên đơn vị.")
        info.unit_slug = unit_slug(info.unit_name, info.parent)
        if receiving.is_own(info):
            raise OwnFile(f"Tệp “{shown}” là của chính đơn vị tổng hợp ({info.unit_name}).")
        texts = {}
        for kind, code, a, b, c in conn.execute(_FIGURES + extras_sql(version)):
            if kind == 0:
                texts[code] = (a, b)
            elif kind != 3 or a in receiving.codes:   # a unit's own indicator has no alternatives here
                take_extra(info, kind, code, a, b, c)
    except sqlite3.DatabaseError as exc:
        raise backup.DamagedBackup(f"Tệp “{shown}” bị hỏng, không đọc được; hãy xin gửi lại.") from exc
    finally:
        if own_conn:
            conn.close()
    who = f"Tệp “{shown}” ({info.unit_name})"
    texts = _canonical_periods(texts, info.periods, who)
    info.periods = tuple(sorted(texts, key=periods.sort_key))
    problems = []
    for code in info.periods:
        figures, sources = texts[code]
        values = json.loads(figures)
        problems += _bad_values(values, receiving, code)
        info.figures[code] = values
        info.texts[code] = (figures, sources or "{}")
    if problems:
        more = f" và {len(problems) - 3} giá trị khác" if len(problems) > 3 else ""
        raise InvalidFigures(f"{who} có giá trị không hợp lệ: {'; '.join(problems[:3])}{more}; không nhận tệp này.")
    return info


def _canonical_periods(texts: dict, listed, who: str) -> dict:
    """The file's figures by canonical period code; BadPeriodCode for a code that is not a
    period or two codes naming one period (``2022-H1`` and ``2022-h1``)."""
    out = {}
    for raw in [*texts, *(p for p in listed if p not in texts)]:
        code = _canonical_or_none(raw)
        if code is None:
            raise BadPeriodCode(f"{who}: kỳ báo cáo không hợp lệ “{raw}”; không nhận tệp này.")
        if raw in texts:
            if code in out:
                raise BadPeriodCode(f"{who}: kỳ {code} ghi hai lần dưới hai tên khác nhau; không nhận tệp này.")
            out[code] = texts[raw]
        else:   # listed in backup_info without figures
            out.setdefault(code, ("{}", "{}"))
    return out


def _bad_values(values: dict, receiving: Receiving, code: str) -> list[str]:
    """What in one period's figures no unit's program could have written."""
    numbers = values.values()
    # every value a number from 0 to the smallest limit, as nearly always (asked of all at
    # once, in C): then only the code answers and the counts that are not whole numbers
    # (a rate beside them is a float) need a look one by one
    plain = set(map(type, numbers)) <= _NUMBER_TYPES and (
        not numbers or 0 <= min(numbers) <= max(numbers) <= MAX_COUNT)
    if plain:
        floats = {k for k, v in values.items() if v.__class__ is float}
        keys = (values.keys() & receiving.coded) | (floats & receiving.whole)
    else:
        keys = values
    problems, rules = [], receiving.codes
    for key in keys:
        value, codes_of = values[key], rules.get(key, _OWN)
        if codes_of is _OWN:
            continue   # a unit's own extra indicator: not part of this catalogue's sums
        kind = type(value)
        if codes_of is None:
            if (kind is int or kind is float) and 0 <= value < math.inf:
                limit = receiving.limits.get(key)
                if limit is None or (value <= limit and (kind is int or key not in receiving.whole
                                                        or value.is_integer())):
                    continue
        elif kind is int and value in codes_of:
            continue
        label = receiving.catalogue[key].label
        problems.append(f"{label} ({key}) = {_shown(value)}, kỳ {code}")
    return problems


def _shown(value) -> str:
    from .vnformat import format_number
    if type(value) in (int, float) and math.isfinite(value) and abs(value) < 1e15:
        return format_number(value)
    if isinstance(value, str):
        return f"“{value[:40]}”"
    return "giá trị không phải số" if not isinstance(value, (int, float)) else "số quá lớn"


# ---- a unit's received figures, read the way the checks read a workspace ------------------
# The receiving office checks each unit's figures with the same rules the unit's own
# program runs (rules.check), but never opens a received file as a workspace.  What the
# checks need was read out of the file at import and kept with each received period or
# file (db/003–006): the figures with their roll-up source, the other values the unit's
# program computed for a figure it typed (detail tables, documents register, plan), the
# data window, the warnings the unit explained and the annual plan's tasks.  So a
# half-year's figures are compared with the unit's quarters even when they came in an
# earlier file, and the plan's tasks (from the unit's newest file in use) are checked.
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

    def __init__(self, catalogue, code_lists: dict, received: list[ReceivedPeriod], plan_tasks: dict | None = None,
                 profile: dict | None = None):
        self.catalogue = catalogue
        self._code_lists = code_lists
        self._plan_tasks = plan_tasks or {}   # year (text) → [[content, deadline, status, percent done]]
        self._profile = profile
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

    # ---- what rollup.values and rules.check ask (figure_source.FigureSource) -------------
    def unit(self) -> dict | None:
        """What the unit's file said of its profile (its start date, calendar windows); None
        for files of schema ≤ 6, whose windows are then taken as Decree 09/2019's (or a
        unit formed on 01/07/2025's when a window starts that day)."""
        return self._profile

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
