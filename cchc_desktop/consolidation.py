"""The consolidation workspace of a receiving office: many units' backups, summed.

A consolidation workspace is a normal workspace (same file format) whose unit is the
receiving office and whose setting ``mode`` is ``"consolidation"``.  Received backup files
are untrusted: each is checked whole by :func:`received.read_file` (its exact bytes in
memory, never written; size, header, schema compared with ours, digest, ``quick_check`` by
:func:`backup.verify_open`; then its rows capped, its period codes canonical and its figures
checked against the catalogue); then all accepted files are written in one operation.

A unit is its key (:func:`received.unit_key`: its official code, else the id of its
workspace, else for files of schema ≤ 6 the slug of its name), kept in the column
``received_periods.unit_slug`` (a slug for rows written before db/007).  A newer file
(:func:`received.newer`: the unit's revision counter, the clock only for ties) for the same
unit and period replaces the older, which stays as history; an older file arriving late is
kept as history and said so.

After each import the consolidated figures of each touched period are recomputed and
written as that period's entries, so ``cchc values export`` and the printed appendices
work on them unchanged:

* flows and stocks (kinds count and money) are summed over the units;
* rates are never summed nor averaged: derived rates come back from the summed parts
  (rollup computes them); a typed percent with no parts is left out and shown per unit;
* code answers are counted by value (``consolidated_codes``): 3 units "Kết hợp", 2 "Phát phiếu".

Then each unit's figures in use are run through the checks (:func:`check_received`, with
:func:`rules.check` on a :class:`received.ReceivedUnit`), so the matrix can say which units
sent figures with errors (a total that differs from its parts) and which warnings a unit
explained.  The file is still never trusted nor opened as a workspace: the checks read what
was taken out of it with explicit queries and kept with the received period (db/005).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from . import backup, periods
from . import received as _received   # `received` below lists the files received
from .backup import BackupInfo
from .received import UNIT_KEY_SQL, canonical_code, newer
from .slug import slug as name_slug
from .store import Workspace, WorkspaceError, now
from .vnformat import CODE

MODE = "consolidation"
DEFAULT_UNIT = "Tổng hợp"
SUMMED_KINDS = ("count", "money")
FILE_SUFFIXES = (".sqlite", ".zip")
SHOWN_REFUSALS = 20   # reasons written into a refusal's message; .refused has them all


class ConsolidationRefused(WorkspaceError):
    """Some files of an all-or-nothing import were refused; nothing was written."""

    def __init__(self, refused: list["Refusal"]):
        self.refused = refused
        lines = "\n".join(f"  {r.name}: {r.reason}" for r in refused[:SHOWN_REFUSALS])
        if len(refused) > SHOWN_REFUSALS:
            lines += f"\n  … và {len(refused) - SHOWN_REFUSALS} tệp khác."
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
    renamed: list = field(default_factory=list)      # (BackupInfo, name) same unit key as a file of that other name
    periods: list = field(default_factory=list)      # period codes recomputed
    checks: dict = field(default_factory=dict)       # sha256 of an accepted file → {period: Checked}

    def checked(self, info: BackupInfo) -> dict:
        """period → :class:`Checked` of an accepted file."""
        return self.checks.get(info.sha256, {})


@dataclass
class Checked:
    """What the checks found in one unit's figures of one period.

    ``warnings`` counts the warnings the unit has not explained; one it acknowledged with a
    comment is counted in ``acknowledged`` and keeps the comment in its finding."""
    errors: int = 0
    warnings: int = 0
    findings: list = field(default_factory=list)     # {"severity", "rule", "message"[, "acknowledged"]}
    acknowledged: int = 0
    pending: bool = False                            # stored, not checked yet

    def add(self, severity: str, rule: str, message: str, acknowledged: str | None = None):
        finding = {"severity": severity, "rule": rule, "message": message}
        if severity == "error":
            self.errors += 1
        elif acknowledged:
            self.acknowledged += 1
            finding["acknowledged"] = acknowledged
        else:
            self.warnings += 1
        self.findings.append(finding)

    def summary(self) -> str:
        """“2 lỗi, 1 cảnh báo, 1 cảnh báo đã giải trình”, or “không có lỗi”."""
        parts = [f"{n} {word}" for n, word in ((self.errors, "lỗi"), (self.warnings, "cảnh báo"),
                                                (self.acknowledged, "cảnh báo đã giải trình")) if n]
        return ", ".join(parts) or "không có lỗi"


# ---- the workspace ---------------------------------------------------------------------
def is_consolidation(ws: Workspace) -> bool:
    return ws.setting("mode") == MODE


def create(path, unit: str = DEFAULT_UNIT, parent: str = "", place: str = "", *,
           exclusive: bool = False) -> Workspace:
    """Make a new consolidation workspace whose unit is the receiving office (*exclusive*:
    held open for editing by this process alone, as the window holds it)."""
    ws = Workspace.create(path, name=unit or DEFAULT_UNIT, parent=parent or "", place=place or "")
    ws.set_setting("mode", MODE)
    if exclusive:
        ws.close()
        ws = Workspace.open(path, exclusive=True)
    return ws


def open_or_create(path, unit: str | None = None, *, exclusive: bool = False) -> Workspace:
    """Open a consolidation workspace, creating it when the file does not exist yet."""
    path = Path(path)
    if not path.exists():
        return create(path, unit or DEFAULT_UNIT, exclusive=exclusive)
    ws = Workspace.open(path, exclusive=exclusive)
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


# What a received file is and how it is read and checked lives in :mod:`received`.
Receiving, read_file = _received.Receiving, _received.read_file


def check_file(ws: Workspace, path) -> BackupInfo:
    """What one received file holds, checked as an import checks it; BackupError otherwise.
    Nothing is written."""
    return read_file(path, Receiving(ws))


def _check(ws: Workspace, files: list[Path]) -> tuple[list[BackupInfo], list[Refusal]]:
    good, refused = [], []
    receiving = Receiving(ws)
    conn = backup.untrusted_connection()
    try:
        for path in files:
            try:
                good.append(read_file(path, receiving, conn))
            except WorkspaceError as exc:
                refused.append(Refusal(Path(path), str(exc)))
            except Exception:   # a hostile file must never crash the import
                refused.append(Refusal(Path(path), f"Không đọc được tệp “{Path(path).name}”; "
                                                   "tệp không phải tệp sao lưu CCHC hoặc bị hỏng."))
    finally:
        conn.close()
    return good, refused


# ---- importing -------------------------------------------------------------------------
def import_files(ws: Workspace, paths, *, all_or_nothing: bool = True, check: bool = True) -> ImportResult:
    """Check every file, then write the accepted ones in one operation and recompute.

    With *all_or_nothing* (the command line), one refused file refuses them all
    (:class:`ConsolidationRefused`) and the workspace is not touched.  The window passes
    False: the good files go in, the refused ones are listed with their reasons.

    The figures are stored and summed first, in one transaction; then, with *check*, the
    units' figures are checked (:func:`check_received`, a second transaction), so an
    interrupted check leaves the received figures whole and is finished by the next call.
    """
    if not is_consolidation(ws):
        raise WorkspaceError("Tệp đang mở không phải tệp tổng hợp; không nhận tệp của đơn vị vào đây.")
    files = expand(paths)
    if not files:
        raise WorkspaceError("Chưa chọn tệp nào để tổng hợp (tệp .sqlite hoặc .zip).")
    good, refused = _check(ws, files)
    result = ImportResult(refused=refused)
    if refused and all_or_nothing:
        raise ConsolidationRefused(refused)
    in_use_now = _write(ws, good, result)
    if check and in_use_now:
        found = check_received(ws)
        for info, code in in_use_now:
            result.checks.setdefault(info.sha256, {})[code] = found.get((info.unit_key, code), Checked())
    return result


def _write(ws: Workspace, good: list[BackupInfo], result: ImportResult) -> list:
    """Write the files not received before, in one operation; [(info, period)] now in use.

    A unit is its key (:func:`received.unit_key`: official code, else workspace id, else, for
    files of schema ≤ 6, the slug of its name); of two files of a unit and period the newer
    (:func:`received.newer`: revision, then clock) is used and the other kept as history,
    with the reason written beside it (and listed in ``result.older`` when the file that
    arrived is the older one)."""
    known = {r[0] for r in ws.conn.execute("SELECT sha256 FROM received_files WHERE status != 'refused'")}
    fresh, seen = [], set()
    for info in good:
        if info.sha256 in known or info.sha256 in seen:
            result.duplicates.append(info)
        else:
            seen.add(info.sha256)
            fresh.append(info)
    if not fresh:
        return []
    _legacy_keys(ws, fresh)
    fresh.sort(key=lambda i: (i.made_at, i.revision, i.unit_key))
    touched = set()
    with ws.operation(f"Nhận {len(fresh)} tệp tổng hợp", undoable=False):
        stamp = now()
        # (unit, period) → (file id, (uid, revision, made at), file name, legacy) of the
        # figures in use, kept current in the loop
        in_use = {(r[0], r[1]): (r[2], (r[3], r[4], r[5]), r[6], not (r[3] or r[7]), r[8]) for r in ws.conn.execute(
            "SELECT rp.unit_slug, rp.period_code, rp.file_id, rf.unit_uid, rf.revision, rf.made_at, rf.file_name, "
            "rf.unit_code, rf.unit_name FROM received_periods rp JOIN received_files rf ON rf.id = rp.file_id "
            "WHERE rp.status = 'accepted'")}
        rows, files = {}, {}   # this import's rows, written together at the end
        next_id = ws.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM received_files").fetchone()[0]
        for file_id, info in enumerate(fresh, start=next_id):
            files[file_id] = _file_row(ws, file_id, info, stamp)
            key, order = info.unit_key, (info.unit_uid, info.revision, info.made_at)
            for code in info.periods:
                where = (key, code)
                current = in_use.get(where)
                if current is None and key != info.unit_slug and (legacy := in_use.get((info.unit_slug, code))) \
                        and legacy[3]:
                    # the unit's files from before it had an id (schema ≤ 6) carry only its
                    # name: its first file with an id takes their place
                    where, current = (info.unit_slug, code), legacy
                status = "accepted"
                if current is not None and name_slug(current[4]) != name_slug(info.unit_name) \
                        and all(i is not info for i, _ in result.renamed):
                    # one unit by its code or id, two by their names: renamed, or a file copied
                    # from another unit; the officer is told either way
                    result.renamed.append((info, current[4]))
                if current is not None and newer(current[1], order):
                    status = "superseded"   # kept for reference only
                    result.older.append((info, code))
                    _add_reason(files[file_id], code, current[2], older=True)
                else:
                    if current is None:
                        pass
                    elif current[0] in files:   # an older file of this same import
                        rows[(current[0], code)]["status"] = "superseded"
                        _add_reason(files[current[0]], code, info.path.name)
                    else:
                        _supersede(ws, current[0], code, info.path.name)
                    in_use.pop(where, None)
                    in_use[(key, code)] = (file_id, order, info.path.name, False, info.unit_name)
                    touched.add(code)
                figures, sources = info.texts.get(code, ("{}", "{}"))
                window = info.windows.get(code) or (None, None)
                rows[(file_id, code)] = {
                    "file_id": file_id, "unit_slug": key, "period_code": code,
                    "figures": figures, "sources": sources, "status": status, "checked": 0,
                    "alternatives": _json(info.alternatives.get(code), "{}"),
                    "acknowledged": _json(info.acknowledged.get(code), "[]"),
                    "window_from": window[0], "window_to": window[1]}
            ws.log_change(None, "consolidation", key, None, info.path.name, "receive")
            result.accepted.append(info)
        ws.add_rows("received_files", ("id",), list(files.values()))
        ws.add_rows("received_periods", ("file_id", "period_code"), list(rows.values()))
        _settle_file_statuses(ws)
        result.periods = sorted(touched, key=periods.sort_key)
        by_id = dict(enumerate(fresh, start=next_id))
        in_use_now = [(by_id[file_id], code) for (file_id, code), row in rows.items() if row["status"] == "accepted"]
        read = {(info.unit_key, code): info.figures.get(code, {}) for info, code in in_use_now}
        for code in result.periods:
            recompute(ws, code, read)
    return in_use_now


def _legacy_keys(ws: Workspace, fresh: list[BackupInfo]):
    """A file of schema ≤ 6 (no code, no id) whose name is that of exactly one unit already
    known by its code or id is taken as that unit's (an older program's file of it)."""
    by_slug: dict[str, set] = {}
    for slug, key in ws.conn.execute(
            f"SELECT DISTINCT unit_slug, {UNIT_KEY_SQL} FROM received_files WHERE status != 'refused'"):
        if key != slug:
            by_slug.setdefault(slug, set()).add(key)
    for info in fresh:
        if info.unit_key != info.unit_slug:
            by_slug.setdefault(info.unit_slug, set()).add(info.unit_key)
    for info in fresh:
        if not (info.unit_code or info.unit_uid) and len(keys := by_slug.get(info.unit_slug, ())) == 1:
            info.unit_key = next(iter(keys))


def renamed_text(info: BackupInfo, other: str) -> str:
    """What the officer is told when a file's unit has the code or id of a unit received
    under another name."""
    which = f"mã ĐVHC {info.unit_code}" if info.unit_code else "mã định danh tệp dữ liệu"
    return (f"Lưu ý: {info.path.name} ({info.unit_name}) cùng {which} với “{other}” đã nhận: "
            "coi là một đơn vị (đã đổi tên). Nếu là hai đơn vị khác nhau (tệp dữ liệu sao chép "
            "từ đơn vị khác), đề nghị đơn vị ghi mã ĐVHC của mình rồi gửi lại.")


def _json(value, empty: str) -> str:
    return json.dumps(value, ensure_ascii=False) if value else empty   # most are empty


def _file_row(ws: Workspace, file_id: int, info: BackupInfo, stamp: str) -> dict:
    # the JSON arrays SQLite made, put together as they are (the keys are years: digits only)
    tasks = "{" + ", ".join(f'"{year}": {text}' for year, text in info.plan_tasks.items()) + "}"
    return {"id": file_id, "file_name": info.path.name, "unit_name": info.unit_name, "unit_slug": info.unit_slug,
            "parent": info.parent, "periods": ",".join(info.periods), "sha256": info.sha256, "size": info.size,
            "made_at": info.made_at, "program_version": info.program_version or "",
            "schema_version": info.schema_version, "received_at": stamp, "received_by": ws.user,
            "status": "accepted", "reason": "", "plan_tasks": tasks,
            "unit_uid": info.unit_uid, "unit_code": info.unit_code, "revision": info.revision,
            # the profile the window checks need; None/0 from files of schema ≤ 6 (not known)
            "established": info.established or None, "calendar_windows": info.calendar_windows}


def _supersede(ws: Workspace, file_id: int, code: str, by: str):
    where = {"file_id": file_id, "period_code": code}
    row = ws.row("received_periods", where)
    ws.change_row("received_periods", where, dict(row, status="superseded"))
    f = ws.row("received_files", {"id": file_id})
    ws.change_row("received_files", {"id": file_id}, _add_reason(dict(f), code, by))


def _add_reason(file_row: dict, code: str, by: str, older: bool = False) -> dict:
    if older:   # the file that arrived is older than the one in use: say so
        reason = f"Kỳ {code}: cũ hơn tệp đang dùng “{by}” (nhận sau nhưng tạo trước); chỉ lưu lịch sử."
    else:
        reason = f"Kỳ {code} thay bằng tệp mới hơn “{by}”."
    file_row["reason"] = (file_row["reason"] + " " + reason).strip()
    return file_row


def _settle_file_statuses(ws: Workspace):
    """A file none of whose periods is still accepted is 'superseded'."""
    rows = ws.conn.execute(
        "SELECT id FROM received_files rf WHERE status = 'accepted' AND EXISTS "
        "(SELECT 1 FROM received_periods rp WHERE rp.file_id = rf.id) AND NOT EXISTS "
        "(SELECT 1 FROM received_periods rp WHERE rp.file_id = rf.id AND rp.status = 'accepted')").fetchall()
    for (file_id,) in rows:
        f = ws.row("received_files", {"id": file_id})
        ws.change_row("received_files", {"id": file_id}, dict(f, status="superseded"))


# ---- checking the units' figures ------------------------------------------------------
def _loads(text, default):
    try:
        value = json.loads(text)
    except (TypeError, ValueError):
        return default
    return value if isinstance(value, type(default)) else default


def check_received(ws: Workspace, units=None) -> dict[tuple[str, str], Checked]:
    """Run the checks on the figures in use that have not been checked yet; returns
    (unit slug, period) → :class:`Checked` for those, after writing them (one operation).

    Each unit is checked with all its figures in use (:class:`received.ReceivedUnit`), so
    rules across periods see its quarters and earlier periods whichever file brought them.
    When a unit's figures change, all of its periods in use are checked again.  The rules
    are the receiving office's own (:func:`rules.rules_for`), as are the code lists.
    """
    from . import rules
    from .received import ReceivedPeriod, ReceivedUnit

    pending = {r[0] for r in ws.conn.execute(
        "SELECT DISTINCT unit_slug FROM received_periods WHERE status = 'accepted' AND checked = 0")}
    if units is not None:
        pending &= set(units)
    if not pending:
        return {}
    rule_set = rules.rules_for(ws)
    code_lists = {i.key: ws.code_list(i.key) for i in ws.catalogue if i.kind == CODE}
    by_unit: dict[str, list] = {}
    for r in ws.conn.execute("SELECT file_id, unit_slug, period_code, figures, sources, alternatives, acknowledged, "
                             "window_from, window_to FROM received_periods WHERE status = 'accepted'"):
        if r["unit_slug"] in pending:
            by_unit.setdefault(r["unit_slug"], []).append(r)
    tasks, profiles = {}, {}   # unit → its plan tasks, its profile: from the newest file in use (later rows win)
    for slug, text, schema, established, calendar in ws.conn.execute(
            "SELECT rp.unit_slug, rf.plan_tasks, rf.schema_version, rf.established, rf.calendar_windows "
            "FROM received_files rf JOIN (SELECT DISTINCT file_id, unit_slug "
            "FROM received_periods WHERE status = 'accepted') rp ON rp.file_id = rf.id "
            "ORDER BY rf.revision, rf.made_at, rf.id"):
        if slug in pending:
            tasks[slug] = _loads(text, {})
            profiles[slug] = ({"established": established, "calendar_windows": calendar}
                              if schema >= backup.IDENTITY_SINCE else None)
    out, updates = {}, []
    for slug, rows in by_unit.items():
        unit = ReceivedUnit(ws.catalogue, code_lists, [
            ReceivedPeriod(r["period_code"], _loads(r["figures"], {}), _loads(r["sources"], {}),
                           _loads(r["alternatives"], {}), (r["window_from"], r["window_to"]),
                           [tuple(a) for a in _loads(r["acknowledged"], []) if isinstance(a, list) and len(a) == 3])
            for r in rows], tasks.get(slug), profile=profiles.get(slug))
        for r in rows:
            checked = out[(slug, r["period_code"])] = _check_one(rules, unit, r["period_code"], rule_set)
            updates.append((r["file_id"], r["period_code"], checked))
    with ws.operation("Kiểm tra số liệu các đơn vị", undoable=False):
        for file_id, code, checked in updates:
            where = {"file_id": file_id, "period_code": code}
            row = ws.row("received_periods", where)
            ws.change_row("received_periods", where, dict(
                row, errors=checked.errors, warnings=checked.warnings, checked=1,
                findings=json.dumps(checked.findings, ensure_ascii=False)))
    return out


def _check_one(rules, unit, code: str, rule_set) -> Checked:
    checked = Checked()
    try:
        found = rules.check(unit, code, rule_set=rule_set)
    except Exception:   # figures no rule expected must not stop the import
        checked.add("warning", "check", f"Không kiểm tra hết được số liệu kỳ {code} "
                                        "(số liệu của đơn vị có giá trị các quy tắc không đọc được).")
        return checked
    for f in found:
        checked.add(f.severity, f.rule, f.message, f.acknowledged)
    return checked


# ---- consolidated figures --------------------------------------------------------------
def accepted_figures(ws: Workspace, code: str, read: dict | None = None) -> dict[str, dict]:
    """unit slug → {key: value} of the files accepted for period *code* (*read*: (unit,
    period) → figures already in memory, not read again)."""
    read = read or {}
    out = {}
    for slug, in ws.conn.execute("SELECT unit_slug FROM received_periods WHERE period_code = ? "
                                 "AND status = 'accepted' ORDER BY unit_slug", (code,)):
        out[slug] = read.get((slug, code))
    missing = [slug for slug, figures in out.items() if figures is None]
    if missing:
        for slug, text in ws.conn.execute(
                "SELECT unit_slug, figures FROM received_periods WHERE period_code = ? AND status = 'accepted'",
                (code,)):
            if out.get(slug) is None:
                out[slug] = _loads(text, {})
    return out


def summable(ind) -> bool:
    """Flows and stocks are summed over units; rates and codes are not.  A derived plain sum
    of counts that keeps its parts' roll-up (online dossiers = partial + full) is summed too:
    a unit that typed it without its split still counts, as in its own workspace."""
    return ind.kind in SUMMED_KINDS and (not ind.derived or ind.rollup != "derived")


def sum_figures(catalogue, by_unit: dict[str, dict]) -> tuple[dict, dict]:
    """(key → sum for flows and stocks, key → {code value: units}) over the units' figures."""
    summed_keys = frozenset(i.key for i in catalogue if summable(i))
    code_keys = frozenset(i.key for i in catalogue if i.kind == CODE)
    whole, inexact, codes = {}, {}, {}
    for figures in by_unit.values():
        for key in figures.keys() & summed_keys:
            v = figures[key]
            if type(v) is int:   # whole numbers add exactly
                whole[key] = whole.get(key, 0) + v
            elif v is not None:
                inexact.setdefault(key, []).append(v)
        for key in figures.keys() & code_keys:
            v = figures[key]
            if v is not None:
                counts = codes.setdefault(key, {})
                counts[v] = counts.get(v, 0) + 1
    for key, vals in inexact.items():   # money may not: fsum, to the precision figures are kept to
        whole[key] = round(math.fsum([whole.get(key, 0), *vals]), 6)
    return whole, {k: dict(sorted(c.items())) for k, c in codes.items()}


def recompute(ws: Workspace, code: str, read: dict | None = None):
    """Write the consolidated figures of *code* as the period's entries (and its code counts);
    *read* as for :func:`accepted_figures`."""
    code = canonical_code(code)   # one name per period: never a second set of sums
    if ws.find_period(code) is None:
        ws.add_period(code)
    sums, codes = sum_figures(ws.catalogue, accepted_figures(ws, code, read))
    current = ws.typed_values(code)
    items = [(k, v) for k, v in sums.items()]
    items += [(k, None) for k in current if k not in sums]
    with ws.operation(f"Tổng hợp số liệu kỳ {code}", undoable=False):
        if items:
            # each unit's figure was checked on receipt (received.read_file); their sum may
            # pass one unit's limit (10 million dossiers) and is stored as summed
            ws.set_values(code, items, label=f"Tổng hợp số liệu kỳ {code}", checked=True)
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
    """(unit key, name) of every unit that ever sent a file, by name.  Two units of one name
    (different codes or ids: two units, whatever their names) are told apart by their code
    or the start of their id."""
    rows = ws.conn.execute(
        "SELECT DISTINCT rp.unit_slug, rf.unit_name, rf.revision, rf.made_at FROM received_periods rp "
        "JOIN received_files rf ON rf.id = rp.file_id WHERE rf.status != 'refused' ORDER BY rf.revision, rf.made_at")
    found = {}
    for r in rows:
        found[r["unit_slug"]] = r["unit_name"]   # the newest name wins
    names = {}
    for name in found.values():
        names[name] = names.get(name, 0) + 1
    for key, name in found.items():
        if names[name] > 1 and ":" in key:
            kind, ident = key.split(":", 1)
            found[key] = f"{name} (mã {ident})" if kind == "ma" else f"{name} (định danh {ident[:8]})"
    return sorted(found.items(), key=lambda u: u[1])


def received_periods(ws: Workspace) -> list[str]:
    codes = {r[0] for r in ws.conn.execute("SELECT DISTINCT period_code FROM received_periods")}
    return sorted(codes, key=periods.sort_key)


RECEIVED, MISSING, ERROR, INVALID = "received", "missing", "error", "invalid"
STATUS_LABELS = {RECEIVED: "Đã nhận", MISSING: "Chưa có", ERROR: "Lỗi", INVALID: "Có lỗi"}
SHOWN_FINDINGS = 10   # messages written into a matrix cell's detail; period_findings has all


def checks(ws: Workspace, unit: tuple[str, str] | None = None) -> dict[tuple[str, str], Checked]:
    """(unit slug, period) → :class:`Checked` of the figures in use (of the one *unit*
    (slug, period) when given: a click on the matrix reads one row, not all)."""
    out = {}
    sql, args = ("SELECT unit_slug, period_code, errors, warnings, findings, checked "
                 "FROM received_periods WHERE status = 'accepted'"), ()
    if unit is not None:
        sql, args = sql + " AND unit_slug = ? AND period_code = ?", tuple(unit)
    for r in ws.conn.execute(sql, args):
        found = [f for f in _loads(r["findings"], []) if isinstance(f, dict)]
        out[(r["unit_slug"], r["period_code"])] = Checked(
            r["errors"], r["warnings"], found, acknowledged=sum(1 for f in found if f.get("acknowledged")),
            pending=not r["checked"])
    return out


def period_findings(ws: Workspace, slug: str, code: str) -> list[dict]:
    """The findings ({severity, rule, message[, acknowledged]}) of a unit's figures in use for
    *code*: errors first, the warnings the unit explained last."""
    checked = checks(ws, (slug, code)).get((slug, code))
    if checked is None:
        return []
    return sorted(checked.findings, key=_finding_order)


def finding_text(f: dict) -> str:
    """“Lỗi: …”, “Cảnh báo: …”, or a warning with the unit's explanation."""
    if f.get("severity") == "error":
        return f"Lỗi: {f.get('message', '')}"
    if f.get("acknowledged"):
        return f"Cảnh báo đã giải trình: {f.get('message', '')} — Giải trình của đơn vị: {f['acknowledged']}"
    return f"Cảnh báo: {f.get('message', '')}"


def _finding_order(f: dict):
    return f.get("severity") != "error", bool(f.get("acknowledged"))


def _detail(file_text: str, checked: Checked | None) -> str:
    if checked is not None and checked.pending:
        return f"{file_text}\nChưa kiểm tra số liệu."
    if checked is None or not checked.findings:
        return file_text
    found = sorted(checked.findings, key=_finding_order)
    lines = [f"{file_text}", f"Kiểm tra số liệu: {checked.summary()}"]
    lines += [f"• {finding_text(f)}" for f in found[:SHOWN_FINDINGS]]
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
    # a refused file says its unit only by the slug in its name: the unit of that slug, when
    # exactly one unit received has it
    by_slug: dict[str, set] = {}
    for slug, key in ws.conn.execute("SELECT DISTINCT rf.unit_slug, rp.unit_slug FROM received_files rf "
                                     "JOIN received_periods rp ON rp.file_id = rf.id"):
        by_slug.setdefault(slug, set()).add(key)
    for ref in refused:
        m = backup.NAME_PATTERN.match(ref.path.name)
        if not m:
            continue
        slug, code = m.group(1), m.group(2)
        if len(by_slug.get(slug, ())) == 1:
            slug = next(iter(by_slug[slug]))
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
