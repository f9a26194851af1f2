"""The consolidation workspace of a receiving office: many units' backups, summed.

A consolidation workspace is a normal workspace (same file format) whose unit is the
receiving office and whose setting ``mode`` is ``"consolidation"``.  Received backup files
are untrusted: each is checked whole by :func:`backup.read_backup` (read-only, schema
compared, integrity, digest, size) and its figures are checked against the catalogue;
then all accepted files are written in one operation.  A newer file (by the time the
backup was made) for the same unit and period replaces the older, which stays as history.

After each import the consolidated figures of each touched period are recomputed and
written as that period's entries, so ``cchc values export`` and the printed appendices
work on them unchanged:

* flows and stocks (kinds count and money) are summed over the units;
* rates are never summed nor averaged: derived rates come back from the summed parts
  (rollup computes them); a typed percent with no parts is left out and shown per unit;
* code answers are counted by value (``consolidated_codes``): 3 units "Kết hợp", 2 "Phát phiếu".

Each accepted file's figures are also run through the checks (:func:`rules.check`), so the
matrix can say which units sent figures with errors (a total that differs from its parts).
The file is still never trusted: the checks run in a scratch in-memory workspace made here
(:class:`FigureChecker`) and filled (values read as ``set_values`` reads them) from the figures already read with
explicit queries; the counts and messages are kept with the received period (db/004).
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from . import backup, periods
from .backup import BackupError, BackupInfo
from .slug import unit_slug
from .store import Workspace, WorkspaceError, now
from .vnformat import CODE, nfc

MODE = "consolidation"
DEFAULT_UNIT = "Tổng hợp"
SUMMED_KINDS = ("count", "money")
FILE_SUFFIXES = (".sqlite", ".zip")


class ConsolidationRefused(WorkspaceError):
    """Some files of an all-or-nothing import were refused; nothing was written."""

    def __init__(self, refused: list["Refusal"]):
        self.refused = refused
        lines = "\n".join(f"  {r.name}: {r.reason}" for r in refused)
        super().__init__(f"Không nhận tệp nào: {len(refused)} tệp bị từ chối, dữ liệu tổng hợp giữ nguyên.\n{lines}")


@dataclass
class Refusal:
    """A file not accepted, and why (Vietnamese)."""
    path: Path
    reason: str

    @property
    def name(self) -> str:
        return self.path.name


@dataclass
class ImportResult:
    accepted: list = field(default_factory=list)     # BackupInfo written
    duplicates: list = field(default_factory=list)   # BackupInfo already received (same digest)
    refused: list = field(default_factory=list)      # Refusal
    older: list = field(default_factory=list)        # (BackupInfo, period) kept only as history
    periods: list = field(default_factory=list)      # period codes recomputed
    checks: dict = field(default_factory=dict)       # sha256 of an accepted file → {period: Checked}

    def checked(self, info: BackupInfo) -> dict:
        """period → :class:`Checked` of an accepted file."""
        return self.checks.get(info.sha256, {})


@dataclass
class Checked:
    """What the checks found in one unit's figures of one period."""
    errors: int = 0
    warnings: int = 0
    findings: list = field(default_factory=list)     # {"severity", "rule", "message"}

    def summary(self) -> str:
        """“2 lỗi, 1 cảnh báo”, or “không có lỗi”."""
        parts = [f"{n} {word}" for n, word in ((self.errors, "lỗi"), (self.warnings, "cảnh báo")) if n]
        return ", ".join(parts) or "không có lỗi"


# ---- the workspace ---------------------------------------------------------------------
def is_consolidation(ws: Workspace) -> bool:
    return ws.setting("mode") == MODE


def create(path, unit: str = DEFAULT_UNIT, parent: str = "", place: str = "") -> Workspace:
    """Make a new consolidation workspace whose unit is the receiving office."""
    ws = Workspace.create(path, name=unit or DEFAULT_UNIT, parent=parent or "", place=place or "")
    ws.set_setting("mode", MODE)
    return ws


def open_or_create(path, unit: str | None = None) -> Workspace:
    """Open a consolidation workspace, creating it when the file does not exist yet."""
    path = Path(path)
    if not path.exists():
        return create(path, unit or DEFAULT_UNIT)
    ws = Workspace.open(path)
    if not is_consolidation(ws):
        ws.close()
        raise WorkspaceError(f"Tệp “{path.name}” là tệp dữ liệu của một đơn vị, không phải tệp tổng hợp; "
                             "chọn tệp khác hoặc tạo tệp tổng hợp mới.")
    return ws


# ---- checking files --------------------------------------------------------------------
def expand(paths) -> list[Path]:
    """The backup files named by *paths*: files as given, folders by their .sqlite/.zip files."""
    out = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            out.extend(sorted(c for c in p.iterdir() if c.is_file() and c.suffix.lower() in FILE_SUFFIXES
                              and not c.name.startswith(".")))
        else:
            out.append(p)
    return out


def _value_rules(ws: Workspace) -> dict:
    """key → allowed code values (a set) or None for plain numbers; text keys are left out."""
    rules = {}
    for ind in ws.catalogue:
        if ind.kind == "text":
            continue
        rules[ind.key] = frozenset(ws.code_list(ind.key) or ind.codes) if ind.kind == CODE else None
    return rules


def _figures(ws: Workspace, info: BackupInfo, shown: str, rules: dict | None = None) -> dict[str, dict]:
    """period → {key: value} kept from a file, every value checked against the catalogue."""
    rules = _value_rules(ws) if rules is None else rules
    problems, out = [], {}
    carried = set(info.periods) | set(info.figures)
    for code in sorted(carried, key=lambda c: (len(c), c)):
        try:
            periods.parse_code(code)
        except periods.PeriodError:
            raise BackupError(f"Tệp “{shown}”: kỳ báo cáo không hợp lệ “{code}”.")
        kept = {}
        for key, value in (info.figures.get(code) or {}).items():
            if key not in rules:
                continue   # a unit's own extra indicator: not part of this catalogue's sums
            codes = rules[key]
            kind = type(value)
            if codes is not None:
                ok = kind is int and value in codes
            else:
                ok = (kind is int or kind is float) and 0 <= value < math.inf
            if not ok:
                ind = ws.catalogue[key]
                problems.append(f"{ind.label} ({key}) = {value!r}, kỳ {code}")
                continue
            kept[key] = value
        out[code] = kept
    if problems:
        more = f" và {len(problems) - 3} giá trị khác" if len(problems) > 3 else ""
        raise BackupError(f"Tệp “{shown}” có giá trị không hợp lệ: {'; '.join(problems[:3])}{more}.")
    return out


def check_file(ws: Workspace, path, _rules: dict | None = None, _own: str | None = None) -> tuple[BackupInfo, dict]:
    """(info, period → figures) of one received file; BackupError with the reason otherwise."""
    path = Path(path)
    info = backup.read_backup(path)
    info.unit_name = nfc(info.unit_name) or ""
    info.parent = nfc(info.parent) or ""
    if not info.unit_name:
        raise BackupError(f"Tệp “{path.name}” không ghi tên đơn vị.")
    info.unit_slug = unit_slug(info.unit_name, info.parent)
    if _own is None:
        own = ws.unit()
        _own = unit_slug(own["name"], own["parent"])
    if info.unit_slug == _own:
        raise BackupError(f"Tệp “{path.name}” là của chính đơn vị tổng hợp ({info.unit_name}).")
    return info, _figures(ws, info, path.name, _rules)


def check_files(ws: Workspace, paths) -> tuple[list, list[Refusal]]:
    """([(info, figures)], [Refusal]) for every file; nothing is written."""
    good, refused = [], []
    rules = _value_rules(ws)
    own = ws.unit()
    own = unit_slug(own["name"], own["parent"])
    for path in expand(paths):
        try:
            good.append(check_file(ws, path, rules, own))
        except WorkspaceError as exc:
            refused.append(Refusal(Path(path), str(exc)))
        except Exception as exc:   # a hostile file must never crash the import
            refused.append(Refusal(Path(path), f"Không đọc được tệp “{Path(path).name}” ({exc})."))
    return good, refused


# ---- checking a unit's figures --------------------------------------------------------
class _Scratch(Workspace):
    """A workspace that lives for one check and is thrown away: it keeps no audit trail
    (a third of the cost of loading figures into it).

    Once loaded its figures do not change, yet the checks read the same period, entries,
    detail totals, documents and tasks again and again (a half-year reads its quarters for
    the roll-up twice): each is read once.  Any write forgets what was read.
    """

    def __init__(self, *args, parsed: dict | None = None, parse_as: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self._read: dict = {}
        self._parsed = {} if parsed is None else parsed   # (reading, type, value) → parse_value result
        self._parse_as = parse_as or {}                    # key → how its values are read

    def _audit(self, *args):
        pass

    def _once(self, what: tuple, read):
        try:
            return self._read[what]
        except KeyError:
            value = self._read[what] = read()
            return value

    def change_row(self, *args, **kwargs):
        self._read.clear()
        return super().change_row(*args, **kwargs)

    def add_period(self, *args, **kwargs):
        self._read.clear()
        try:
            return super().add_period(*args, **kwargs)
        finally:
            self._read.clear()

    def find_period(self, code: str):
        return self._once(("period", code), lambda: super(_Scratch, self).find_period(code))

    def periods(self):
        return list(self._once(("periods",), lambda: super(_Scratch, self).periods()))

    def entries(self, code: str):
        return self._once(("entries", code), lambda: super(_Scratch, self).entries(code))

    def typed_values(self, code: str):
        return self._once(("typed", code), lambda: super(_Scratch, self).typed_values(code))

    def detail_totals(self, code: str):
        return self._once(("details", code), lambda: super(_Scratch, self).detail_totals(code))

    def documents_count(self, code: str):
        return self._once(("documents", code), lambda: super(_Scratch, self).documents_count(code))

    def task_counts(self, year: int):
        return self._once(("tasks", year), lambda: super(_Scratch, self).task_counts(year))

    def load_values(self, code: str, items):
        """Fill the (empty) period *code* with *items* (key, value): every value is read
        and checked by :meth:`parse_value` first, as ``set_values`` does (WorkspaceError for
        the first it refuses, nothing written), then all are written in one statement
        (no undo step nor a row read back per value: the workspace is thrown away)."""
        p = self.period(code)
        parse, seen, parse_as = self.parse_value, self._parsed, self._parse_as
        parsed = []
        for key, value in items:
            # parse_value's result depends only on how the key is read (its kind, or the key
            # itself when it has a code list) and the value; the type is part of the memo key
            # as 1 == 1.0 == True.  A refusal is never kept: its message names the key.
            what = (parse_as.get(key, key), value.__class__, value)
            if what in seen:
                parsed.append((key, seen[what]))
            else:
                parsed.append((key, parse(key, value)))   # a refusal raises, and is not kept
                seen[what] = parsed[-1][1]
        self._read.clear()
        stamp, user = now(), self.user
        with self.operation(f"Nhập số liệu {p.label}", undoable=False):
            self.conn.executemany(
                "INSERT INTO entries (period_id, key, value, note, changed_at, changed_by) VALUES (?, ?, ?, NULL, ?, ?)",
                [(p.id, key, value, stamp, user) for key, value in parsed if value is not None])


class FigureChecker:
    """Runs the checks on received figures without ever opening the received file.

    One empty workspace is made in memory per import (the receiving office's catalogue,
    code lists and own rules); for each file a fresh in-memory copy of it is filled with
    :meth:`_Scratch.load_values` from the figures already read and checked, and :func:`rules.check` runs
    on every period there (so rules across periods of the same unit still apply).  Values
    the unit's roll-up derived are left out: the scratch workspace derives them again.
    """

    def __init__(self, ws: Workspace):
        from . import rules

        self._rules = rules
        self.catalogue = ws.catalogue
        # The receiving office's code lists (already loaded by _value_rules) stand for the
        # scratch workspace's template, so it does not read a template per file.
        self._codes = {key: ws.code_list(key) for key in (i.key for i in ws.catalogue if i.kind == CODE)}
        name = ws.unit()["name"] or DEFAULT_UNIT
        try:
            blank = Workspace.create(":memory:", name=name)
        except WorkspaceError:   # a file called “:memory:” in the working folder: use a temporary one
            import tempfile
            with tempfile.TemporaryDirectory(prefix="cchc-check-") as tmp:
                with Workspace.create(Path(tmp) / "blank.cchc", name=name) as on_disk:
                    on_disk.conn.execute("PRAGMA journal_mode = DELETE")   # a WAL image cannot live in memory
                    image = on_disk.conn.serialize()
            conn = sqlite3.connect(":memory:", isolation_level=None)
            conn.deserialize(image)
            conn.row_factory = sqlite3.Row
            blank = Workspace(conn, Path(":memory:"))
        with blank:
            blank._catalogue = self.catalogue
            for row in rules.user_rules(ws):
                try:
                    rules.add_rule(blank, row["definition"])
                except (WorkspaceError, TypeError, AttributeError):
                    continue   # a broken rule is skipped here as rules_for skips it
            self._image = blank.conn.serialize()
            self._rule_set = rules.rules_for(blank)   # the same for every file: parsed once
        self._images: dict[tuple, bytes] = {}
        self._parsed: dict = {}
        # Numbers of one kind without a code list are read alike whatever their key.
        self._parse_as = {i.key: i.kind if i.kind not in (CODE, "text") and not i.codes and not self._codes.get(i.key)
                          else i.key for i in self.catalogue}

    def _scratch(self, codes: tuple = ()) -> Workspace:
        """A fresh scratch workspace holding the (empty) periods *codes*.

        Most files carry the same periods, so the image with them added is kept per set.
        """
        cached = self._images.get(codes)
        conn = sqlite3.connect(":memory:", isolation_level=None)
        conn.deserialize(cached or self._image)
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        scratch = _Scratch(conn, Path(":memory:"), catalogue=self.catalogue, parsed=self._parsed,
                           parse_as=self._parse_as)
        scratch._template_codes = self._codes
        if cached is None:
            for code in codes:
                scratch.add_period(code)
            self._images[codes] = conn.serialize()
        return scratch

    def check(self, info: BackupInfo, figures: dict[str, dict], only=None) -> dict[str, Checked]:
        """period → :class:`Checked` for the figures of one file (of the periods *only*, when given;
        every period is still loaded, as rules across periods need them)."""
        from .rollup import DERIVED

        if only is not None and not only:
            return {}
        codes = tuple(sorted(figures, key=periods.sort_key))
        scratch = self._scratch(codes)
        try:
            out = {}
            for code in codes:
                out[code] = Checked()
                sources = info.sources.get(code) or {}
                items = [(k, v) for k, v in figures[code].items() if sources.get(k) != DERIVED]
                try:
                    scratch.load_values(code, items)
                except WorkspaceError:
                    # A value the form itself would refuse (a rate above 100): an error of
                    # the unit's figures, reported, and the other values still checked.
                    good = []
                    for key, value in items:
                        try:
                            scratch.parse_value(key, value)
                            good.append((key, value))
                        except WorkspaceError as exc:
                            self._add(out[code], "error", "domain", str(exc))
                    scratch.load_values(code, good)
            if only is not None:
                out = {code: out[code] for code in codes if code in only}
            for code in out:
                try:
                    found = self._rules.check(scratch, code, rule_set=self._rule_set)
                except Exception as exc:   # figures no rule expected must not stop the import
                    self._add(out[code], "warning", "check", f"Không kiểm tra hết được số liệu kỳ {code} ({exc}).")
                    continue
                for f in found:
                    self._add(out[code], f.severity, f.rule, f.message)
            return out
        finally:
            scratch.close()

    @staticmethod
    def _add(checked: Checked, severity: str, rule: str, message: str):
        if severity == "error":
            checked.errors += 1
        else:
            checked.warnings += 1
        checked.findings.append({"severity": severity, "rule": rule, "message": message})


# ---- importing -------------------------------------------------------------------------
def import_files(ws: Workspace, paths, *, all_or_nothing: bool = True) -> ImportResult:
    """Check every file, then write the accepted ones in one operation and recompute.

    With *all_or_nothing* (the command line), one refused file refuses them all
    (:class:`ConsolidationRefused`) and the workspace is not touched.  The window passes
    False: the good files go in, the refused ones are listed with their reasons.
    """
    if not is_consolidation(ws):
        raise WorkspaceError("Tệp đang mở không phải tệp tổng hợp; không nhận tệp của đơn vị vào đây.")
    files = expand(paths)
    if not files:
        raise WorkspaceError("Chưa chọn tệp nào để tổng hợp (tệp .sqlite hoặc .zip).")
    good, refused = check_files(ws, files)
    result = ImportResult(refused=refused)
    if refused and all_or_nothing:
        raise ConsolidationRefused(refused)
    if not good:
        return result
    known = {r[0] for r in ws.conn.execute("SELECT sha256 FROM received_files WHERE status != 'refused'")}
    fresh, seen = [], set()
    for info, figures in good:
        if info.sha256 in known or info.sha256 in seen:
            result.duplicates.append(info)
        else:
            seen.add(info.sha256)
            fresh.append((info, figures))
    if not fresh:
        return result
    fresh.sort(key=lambda f: (f[0].made_at, f[0].unit_slug))
    checker = FigureChecker(ws)
    touched = set()
    with ws.operation(f"Nhận {len(fresh)} tệp tổng hợp", undoable=False):
        stamp = now()
        # (unit, period) → (file id, made at) of the figures in use, kept current in the loop
        in_use = {(r[0], r[1]): (r[2], r[3]) for r in ws.conn.execute(
            "SELECT rp.unit_slug, rp.period_code, rp.file_id, rf.made_at FROM received_periods rp "
            "JOIN received_files rf ON rf.id = rp.file_id WHERE rp.status = 'accepted'")}
        for info, figures in fresh:
            file_id = _write_file(ws, info, stamp)
            older = {code for code in figures if (current := in_use.get((info.unit_slug, code))) is not None
                     and current[1] > info.made_at}
            # Only figures that go into use are checked; history kept for reference is not.
            checks = result.checks[info.sha256] = checker.check(info, figures, [c for c in figures if c not in older])
            for code, values in figures.items():
                checked = checks.get(code) or Checked()
                current = in_use.get((info.unit_slug, code))
                status = "accepted"
                if code in older:
                    status = "superseded"
                    result.older.append((info, code))
                else:
                    if current is not None:
                        _supersede(ws, current[0], code, info.path.name)
                    in_use[(info.unit_slug, code)] = (file_id, info.made_at)
                ws.change_row("received_periods", {"file_id": file_id, "period_code": code}, {
                    "file_id": file_id, "unit_slug": info.unit_slug, "period_code": code,
                    "figures": json.dumps(values, ensure_ascii=False, sort_keys=True), "status": status,
                    "errors": checked.errors, "warnings": checked.warnings,
                    "findings": json.dumps(checked.findings, ensure_ascii=False)})
                if status == "accepted":
                    touched.add(code)
            ws._audit(None, "consolidation", info.unit_slug, None, info.path.name, "receive")
            result.accepted.append(info)
        _settle_file_statuses(ws)
        result.periods = sorted(touched, key=periods.sort_key)
        for code in result.periods:
            recompute(ws, code)
    return result


def _write_file(ws: Workspace, info: BackupInfo, stamp: str) -> int:
    ws.change_row("received_files", {"id": None}, {
        "file_name": info.path.name, "unit_name": info.unit_name, "unit_slug": info.unit_slug,
        "parent": info.parent, "periods": ",".join(info.periods), "sha256": info.sha256, "size": info.size,
        "made_at": info.made_at, "program_version": info.program_version or "",
        "schema_version": info.schema_version, "received_at": stamp, "received_by": ws.user,
        "status": "accepted", "reason": ""})
    return ws.conn.execute("SELECT last_insert_rowid()").fetchone()[0]


def _supersede(ws: Workspace, file_id: int, code: str, by: str):
    where = {"file_id": file_id, "period_code": code}
    row = ws._row("received_periods", where)
    ws.change_row("received_periods", where, dict(row, status="superseded"))
    f = ws._row("received_files", {"id": file_id})
    reason = f"Kỳ {code} thay bằng tệp mới hơn “{by}”."
    ws.change_row("received_files", {"id": file_id}, dict(f, reason=(f["reason"] + " " + reason).strip()))


def _settle_file_statuses(ws: Workspace):
    """A file none of whose periods is still accepted is 'superseded'."""
    rows = ws.conn.execute(
        "SELECT id FROM received_files rf WHERE status = 'accepted' AND EXISTS "
        "(SELECT 1 FROM received_periods rp WHERE rp.file_id = rf.id) AND NOT EXISTS "
        "(SELECT 1 FROM received_periods rp WHERE rp.file_id = rf.id AND rp.status = 'accepted')").fetchall()
    for (file_id,) in rows:
        f = ws._row("received_files", {"id": file_id})
        ws.change_row("received_files", {"id": file_id}, dict(f, status="superseded"))


# ---- consolidated figures --------------------------------------------------------------
def accepted_figures(ws: Workspace, code: str) -> dict[str, dict]:
    """unit slug → {key: value} of the files accepted for period *code*."""
    rows = ws.conn.execute(
        "SELECT unit_slug, figures FROM received_periods WHERE period_code = ? AND status = 'accepted' "
        "ORDER BY unit_slug", (code,))
    return {r["unit_slug"]: json.loads(r["figures"]) for r in rows}


def summable(ind) -> bool:
    """Flows and stocks are summed over units; rates and codes are not."""
    return ind.kind in SUMMED_KINDS and not ind.derived


def sum_figures(catalogue, by_unit: dict[str, dict]) -> tuple[dict, dict]:
    """(key → sum for flows and stocks, key → {code value: units}) over the units' figures."""
    summed, floats, codes = {}, set(), {}
    kinds = {}
    for figures in by_unit.values():
        for key, v in figures.items():
            kind = kinds.get(key)
            if kind is None:
                ind = catalogue.get(key)
                kind = kinds[key] = ("sum" if summable(ind) else ind.kind) if ind else "-"
            if v is None:
                continue
            if kind == "sum":
                summed.setdefault(key, []).append(v)
                if not isinstance(v, int):
                    floats.add(key)
            elif kind == CODE:
                counts = codes.setdefault(key, {})
                counts[v] = counts.get(v, 0) + 1
    sums = {}
    for key, vals in summed.items():
        sums[key] = sum(vals) if key not in floats else round(math.fsum(vals), 6)
    return sums, {k: dict(sorted(c.items())) for k, c in codes.items()}


def recompute(ws: Workspace, code: str):
    """Write the consolidated figures of *code* as the period's entries (and its code counts)."""
    if ws.find_period(code) is None:
        ws.add_period(code)
    sums, codes = sum_figures(ws.catalogue, accepted_figures(ws, code))
    current = ws.typed_values(code)
    items = [(k, v) for k, v in sums.items()]
    items += [(k, None) for k in current if k not in sums]
    with ws.operation(f"Tổng hợp số liệu kỳ {code}", undoable=False):
        if items:
            ws.set_values(code, items, label=f"Tổng hợp số liệu kỳ {code}")
        for row in ws.conn.execute("SELECT key, value FROM consolidated_codes WHERE period_code = ?",
                                   (code,)).fetchall():
            ws.change_row("consolidated_codes", {"period_code": code, "key": row[0], "value": row[1]}, None)
        for key, counts in codes.items():
            for value, n in counts.items():
                ws.change_row("consolidated_codes", {"period_code": code, "key": key, "value": value},
                              {"period_code": code, "key": key, "value": value, "units": n})


def code_counts(ws: Workspace, code: str) -> dict[str, dict[int, int]]:
    """key → {code value: number of units} for period *code*."""
    out: dict[str, dict] = {}
    for r in ws.conn.execute("SELECT key, value, units FROM consolidated_codes WHERE period_code = ? "
                             "ORDER BY key, value", (code,)):
        out.setdefault(r["key"], {})[r["value"]] = r["units"]
    return out


def code_counts_text(ws: Workspace, code: str) -> dict[str, str]:
    """key → "3 đơn vị Kết hợp; 2 đơn vị Phát phiếu", as the window shows it."""
    out = {}
    for key, counts in code_counts(ws, code).items():
        names = ws.code_list(key)
        out[key] = "; ".join(f"{n} đơn vị {names.get(v, v)}" for v, n in counts.items())
    return out


# ---- what the window shows -------------------------------------------------------------
def received(ws: Workspace, include_history: bool = True) -> list[dict]:
    """The received files, newest first."""
    sql = "SELECT * FROM received_files"
    if not include_history:
        sql += " WHERE status = 'accepted'"
    return [dict(r) for r in ws.conn.execute(sql + " ORDER BY received_at DESC, id DESC")]


def units(ws: Workspace) -> list[tuple[str, str]]:
    """(slug, name) of every unit that ever sent a file, by name."""
    rows = ws.conn.execute(
        "SELECT unit_slug, unit_name FROM received_files WHERE status != 'refused' ORDER BY made_at")
    found = {}
    for r in rows:
        found[r["unit_slug"]] = r["unit_name"]   # the newest name wins
    return sorted(found.items(), key=lambda u: u[1])


def received_periods(ws: Workspace) -> list[str]:
    codes = {r[0] for r in ws.conn.execute("SELECT DISTINCT period_code FROM received_periods")}
    return sorted(codes, key=periods.sort_key)


RECEIVED, MISSING, ERROR, INVALID = "received", "missing", "error", "invalid"
STATUS_LABELS = {RECEIVED: "Đã nhận", MISSING: "Chưa có", ERROR: "Lỗi", INVALID: "Có lỗi"}
SHOWN_FINDINGS = 10   # messages written into a matrix cell's detail; period_findings has all


def checks(ws: Workspace) -> dict[tuple[str, str], Checked]:
    """(unit slug, period) → :class:`Checked` of the figures in use."""
    out = {}
    for r in ws.conn.execute("SELECT unit_slug, period_code, errors, warnings, findings FROM received_periods "
                             "WHERE status = 'accepted'"):
        try:
            found = json.loads(r["findings"])
        except ValueError:
            found = []
        out[(r["unit_slug"], r["period_code"])] = Checked(r["errors"], r["warnings"], found)
    return out


def period_findings(ws: Workspace, slug: str, code: str) -> list[dict]:
    """The findings ({severity, rule, message}, errors first) of a unit's figures in use for *code*."""
    checked = checks(ws).get((slug, code))
    if checked is None:
        return []
    return sorted(checked.findings, key=lambda f: f["severity"] != "error")


def _detail(file_text: str, checked: Checked | None) -> str:
    if checked is None or not checked.findings:
        return file_text
    found = sorted(checked.findings, key=lambda f: f["severity"] != "error")
    lines = [f"{file_text}", f"Kiểm tra số liệu: {checked.summary()}"]
    lines += [f"• {'Lỗi' if f['severity'] == 'error' else 'Cảnh báo'}: {f['message']}" for f in found[:SHOWN_FINDINGS]]
    if len(found) > SHOWN_FINDINGS:
        lines.append(f"… và {len(found) - SHOWN_FINDINGS} mục khác")
    return "\n".join(lines)


def matrix(ws: Workspace, refused: list[Refusal] = ()) -> tuple[list, list, dict]:
    """(units, periods, {(slug, code): (status, detail)}) for the units × periods table.

    Accepted figures the checks found errors in are INVALID (“Có lỗi”), with the counts and
    messages in the detail.  Files refused in this session mark their unit and period (read
    from the file name) as errors when nothing was accepted for them.
    """
    unit_list = units(ws)
    codes = received_periods(ws)
    found = checks(ws)
    cells = {}
    for r in ws.conn.execute(
            "SELECT rp.unit_slug, rp.period_code, rf.file_name, rf.made_at FROM received_periods rp "
            "JOIN received_files rf ON rf.id = rp.file_id WHERE rp.status = 'accepted'"):
        where = (r["unit_slug"], r["period_code"])
        checked = found.get(where)
        status = INVALID if checked is not None and checked.errors else RECEIVED
        cells[where] = (status, _detail(f"{r['file_name']} ({r['made_at']})", checked))
    names = dict(unit_list)
    for ref in refused:
        m = backup.NAME_PATTERN.match(ref.path.name)
        if not m:
            continue
        slug, code = m.group(1), m.group(2)
        try:
            code = periods.parse_code(code).code
        except periods.PeriodError:
            continue
        if slug not in names:
            names[slug] = slug
            unit_list.append((slug, slug))
        if code not in codes:
            codes.append(code)
        if (slug, code) not in cells:
            cells[(slug, code)] = (ERROR, ref.reason)
    codes = sorted(set(codes), key=periods.sort_key)
    for slug, _ in unit_list:
        for code in codes:
            cells.setdefault((slug, code), (MISSING, ""))
    return unit_list, codes, cells


def unit_table(ws: Workspace, code: str) -> tuple[list, list[dict]]:
    """(units, rows) unit by unit: each row {key, label, unit, kind, values{slug: v}, total}.

    ``total`` is the consolidated figure (sums, or rates recomputed from summed parts);
    typed percents without parts have no total, only their per-unit values.
    """
    from . import rollup

    by_unit = accepted_figures(ws, code)
    names = dict(units(ws))
    unit_list = [(s, names.get(s, s)) for s in sorted(by_unit, key=lambda s: names.get(s, s))]
    totals = rollup.plain_values(ws, code) if ws.find_period(code) else {}
    counts = code_counts_text(ws, code) if ws.find_period(code) else {}
    rows = []
    for ind in ws.catalogue:
        vals = {s: f.get(ind.key) for s, f in by_unit.items() if f.get(ind.key) is not None}
        total = counts.get(ind.key) if ind.kind == CODE else totals.get(ind.key)
        if not vals and total is None:
            continue
        if ind.kind not in SUMMED_KINDS and not ind.derived and ind.kind != CODE:
            total = None   # a typed rate is not summed nor averaged
        rows.append({"key": ind.key, "label": ind.label, "unit": ind.unit, "kind": ind.kind,
                     "values": vals, "total": total})
    return unit_list, rows
