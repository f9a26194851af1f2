"""The workspace: one SQLite file holding a unit's profile, periods and figures.

This is the one place that opens the connection and writes SQL for the unit's data.
Every change is one operation in one transaction, written to the audit log with the OS
user and kept on an undo stack with a label: the engine that does it is
:mod:`cchc_desktop.operations`, mixed into :class:`Workspace`.  The tables' own operations
sit with their concept, mixed in too: typed figures (:mod:`.entries`), detail tables
(:mod:`.detail_rows`), the documents register (:mod:`.documents`).  This module keeps
what makes a workspace: opening and locking the file, the unit's profile, settings, the
periods and their lock, the plan's tasks and the report's text.  A finalised period refuses changes until it is
unlocked with a reason (one check, :meth:`Workspace._check_unlocked`, for every row).

The standard :mod:`sqlite3` module is used here rather than sqlite-utils because the
window opens a workspace at start-up and sqlite-utils costs ~100 ms to import.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import sqlite3
from pathlib import Path

from . import catalogue as _catalogue
from . import migrations, periods
from .detail_rows import DetailRows
from .documents import DocumentsRegister
from .entries import Entries
from .errors import PeriodLocked, ReadOnlyWorkspace, WorkspaceError, WorkspaceInUse  # noqa: F401  (public here too)
from .operations import Changes, Operations, Step, now, show_value  # noqa: F401  (store.now, store.Step: public)
from .vnformat import NumberError, format_date, format_number, nfc, parse_date


# How a committed change reaches the .cchc file itself (see bench/bench_journal.py): a
# rollback journal writes every commit into the file before "Đã lưu" shows, so a copy of the
# file taken at any moment (onto a USB stick, while the window is open) holds every saved
# value; WAL kept them in a -wal file beside it until a checkpoint.
JOURNAL_MODE = "DELETE"
# seconds another process's write is waited for before saying who holds the file
BUSY_TIMEOUT = float(os.environ.get("CCHC_BUSY_TIMEOUT") or 5.0)


def os_error_text(exc: OSError) -> str:
    """What an operating-system error means, in Vietnamese (never the English strerror)."""
    import errno
    texts = {errno.ENOENT: "không có tệp hoặc thư mục này", errno.EACCES: "không có quyền truy cập",
             errno.EPERM: "không được phép", errno.EISDIR: "đây là một thư mục", errno.ENOTDIR: "đường dẫn sai (không phải thư mục)",
             errno.ENOSPC: "ổ đĩa đã đầy", errno.EROFS: "ổ đĩa chỉ đọc", errno.EEXIST: "tệp đã có",
             errno.ENAMETOOLONG: "tên tệp quá dài", errno.EBUSY: "tệp đang được dùng"}
    text = texts.get(getattr(exc, "errno", None))
    return text or f"lỗi hệ thống (mã {getattr(exc, 'errno', None) or '?'})"


def _busy(exc: sqlite3.Error) -> bool:
    return getattr(exc, "sqlite_errorcode", None) in (5, 6) or "locked" in str(exc) or "busy" in str(exc)


def busy_message(path) -> str:
    """“The file is being written by …” after waiting :data:`BUSY_TIMEOUT` seconds for it."""
    from .openlock import holder_of
    path = Path(path)
    holder = holder_of(path)
    if holder is not None and holder.pid == os.getpid():
        holder = None   # this process has the file open: the writer is someone else
    who = holder.text() if holder is not None else "một chương trình khác"
    return (f"Tệp dữ liệu “{path.name}” đang mở và được ghi bởi {who}; đã chờ {format_number(BUSY_TIMEOUT)} giây mà chưa ghi được. "
            "Đóng chương trình đó hoặc thử lại sau; số liệu chưa thay đổi.")


UNIT_FIELDS = ("name", "parent", "place", "symbol", "signer_prefix", "signer_title",
               "signer_name", "recipients", "addressees", "template",
               "code", "focal_agency", "one_stop", "established", "calendar_windows")
PERIOD_FIELDS = ("window_from", "window_to", "report_number", "report_date", "title", "deadline")
ONE_STOP_CENTRE = "Trung tâm Phục vụ hành chính công"   # Decree 118/2025: the norm since July 2025
ONE_STOP_DESK = "Bộ phận Một cửa"                         # the older units' one-stop desk
UNIT_CODE_ASKED = "unit_code_asked"   # setting: the window asked once for a missing unit code


def os_user() -> str:
    # getpass.getuser() reads these first; importing it (pwd, termios) only when none is set
    # keeps ~1 ms off the window's start.
    for name in ("LOGNAME", "USER", "LNAME", "USERNAME"):
        if os.environ.get(name):
            return os.environ[name]
    try:
        import getpass
        return getpass.getuser()
    except Exception:  # no login name on some Windows services
        return os.environ.get("USERNAME", "?")


# A period's status as the officer reads it (home page, period bar, reports).
STATUS_LABELS = {"draft": "nháp", "final": "đã chốt", "sent": "đã gửi"}


class Period(_catalogue.SlotRecord):
    """A period as the workspace holds it (a plain class, not a dataclass: see catalogue.Record)."""
    __slots__ = ("id", "code", "kind", "year", "window_from", "window_to", "report_number", "report_date",
                 "status", "finalised_at", "finalised_by", "title", "deadline")

    def __init__(self, id: int, code: str, kind: str, year: int, window_from: _dt.date | None,
                 window_to: _dt.date | None, report_number: str | None, report_date: _dt.date | None,
                 status: str, finalised_at: str | None = None, finalised_by: str | None = None,
                 title: str | None = None, deadline: _dt.date | None = None):
        self.id, self.code, self.kind, self.year = id, code, kind, year
        self.window_from, self.window_to = window_from, window_to
        self.report_number, self.report_date, self.status = report_number, report_date, status
        self.finalised_at, self.finalised_by = finalised_at, finalised_by
        self.title, self.deadline = title, deadline   # deadline: the one the unit set, None: default

    @property
    def label(self) -> str:
        """The title the unit gave the period, else its name ('Quý III năm 2022',
        'từ ngày 01/7/2025 đến ngày 31/10/2025')."""
        return self.title or self.name.label

    @property
    def name(self) -> periods.PeriodName:
        if self.kind == periods.CUSTOM:
            return periods.parse_code(self.code)
        return periods.PeriodName(self.year, self.kind)

    def due(self, unit: dict | None = None) -> _dt.date:
        """When the report is due: the deadline the unit set, else the day after the window closes."""
        if self.deadline is not None:
            return self.deadline
        if self.window_to is not None:
            return self.window_to + _dt.timedelta(days=1)
        return periods.deadline(self.name, unit)

    @property
    def locked(self) -> bool:
        return self.status != "draft"


def _date(text):
    return _dt.date.fromisoformat(text) if text else None


def _period(row) -> Period:
    return Period(row["id"], row["code"], row["kind"], row["year"], _date(row["window_from"]),
                  _date(row["window_to"]), row["report_number"], _date(row["report_date"]),
                  row["status"], row["finalised_at"], row["finalised_by"],
                  _title(row), _date(_get(row, "deadline")))


def _get(row, column):
    # db/007 added title and deadline; a row read from an older received file has neither
    return row[column] if column in row.keys() else None


def _title(row):
    return _get(row, "title") or None


def connect(path, readonly: bool = False) -> sqlite3.Connection:
    """Open a SQLite file the way the program always does (foreign keys on, rows by name)."""
    if readonly:
        conn = sqlite3.connect(f"file:{Path(path).as_posix()}?mode=ro", uri=True, isolation_level=None,
                               timeout=BUSY_TIMEOUT)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    return conn


class Workspace(Operations, Entries, DetailRows, DocumentsRegister):
    """An open workspace file.  Use :meth:`create` or :meth:`open`, then :meth:`close`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, catalogue=None):
        self.conn = conn
        self.path = Path(path)
        self._catalogue = catalogue
        self._template = None   # (profile's template name, parsed template or None, its code lists)
        self._init_operations()
        self._user: str | None = None   # the login name, looked up at the first change
        self.readonly = False            # opened only to look: every change is refused
        self._lock = None                # openlock.OpenLock while open for editing (exclusive)

    @property
    def user(self) -> str:
        """The login name the audit and the period status record (asked for once, when first needed)."""
        if self._user is None:
            self._user = os_user()
        return self._user

    @user.setter
    def user(self, value: str):
        self._user = value

    # ---- opening -------------------------------------------------------------------
    @classmethod
    def open(cls, path, *, create: bool = False, readonly: bool = False, exclusive: bool = False) -> "Workspace":
        """Open (and upgrade) a workspace file; refuse files that are not ours or too new.

        *exclusive* (the window): hold the file's lock (:mod:`openlock`) while it is open;
        :class:`WorkspaceInUse` names who holds it otherwise.  *readonly*: open only to
        look (never upgraded, every change refused), e.g. beside the one who edits it.
        """
        path = Path(path)
        if not create and not path.exists():
            raise WorkspaceError(f"Không tìm thấy tệp dữ liệu: {path}")
        if path.exists() and path.is_dir():
            raise WorkspaceError(f"“{path}” là một thư mục, không phải tệp dữ liệu.")
        if not path.parent.is_dir():
            raise WorkspaceError(f"Không có thư mục “{path.parent}”; tạo thư mục trước hoặc chọn nơi lưu khác.")
        lock = None
        if exclusive and not readonly:
            from .openlock import OpenLock
            lock = OpenLock(path)
            holder = lock.acquire(os_user())
            if holder is not None:
                raise WorkspaceInUse(path, holder)
        conn = None
        try:
            conn = connect(path, readonly=readonly)
            if readonly:
                if migrations.check(conn) < migrations.latest_version():
                    raise WorkspaceError(f"Tệp “{path.name}” cần được mở để sửa một lần (nâng cấp) "
                                         "trước khi mở chỉ để xem.")
            else:
                _journal_mode(conn)
                migrations.upgrade(conn)
        except migrations.SchemaError as exc:
            _abandon(conn, lock)
            raise WorkspaceError(str(exc)) from exc
        except sqlite3.DatabaseError as exc:
            _abandon(conn, lock)
            if isinstance(exc, sqlite3.OperationalError) and _busy(exc):
                raise WorkspaceError(busy_message(path)) from exc
            if isinstance(exc, sqlite3.OperationalError) and "unable to open" in str(exc):
                raise WorkspaceError(f"Không mở hoặc tạo được tệp “{path}” (thư mục không ghi được?).") from exc
            raise WorkspaceError(f"Tệp “{path.name}” không phải tệp dữ liệu CCHC hoặc đã bị hỏng.") from exc
        except BaseException:
            _abandon(conn, lock)
            raise
        ws = cls(conn, path)
        ws.readonly, ws._lock = readonly, lock
        if not create and ws.conn.execute("SELECT count(*) FROM unit").fetchone()[0] == 0:
            ws.close()
            raise WorkspaceError(f"Tệp “{path.name}” chưa có thông tin đơn vị.")
        return ws

    @classmethod
    def create(cls, path, **unit) -> "Workspace":
        """Make a new workspace file for a unit; the file must not exist yet."""
        path = Path(path)
        if path.exists():
            raise WorkspaceError(f"Tệp “{path}” đã có; chọn tên khác.")
        if not nfc(unit.get("name")):
            raise WorkspaceError("Chưa nhập tên đơn vị (ví dụ: UBND phường 2).")
        unit.setdefault("one_stop", ONE_STOP_CENTRE)   # a unit created today has a Service Centre
        fields = clean_unit_fields({k: v for k, v in unit.items() if k in UNIT_FIELDS and v is not None})
        ws = cls.open(path, create=True)
        try:
            cols = ", ".join(["id", "created_at", "uid", *fields])
            marks = ", ".join(["1", "?", "?", *("?" for _ in fields)])
            with ws.operation("Tạo đơn vị", undoable=False):
                # The unit's identity for the receiving office, whatever its name (db/007).
                import uuid
                ws.conn.execute(f"INSERT INTO unit ({cols}) VALUES ({marks})",
                                [now(), uuid.uuid4().hex, *fields.values()])
                ws.log_change(None, "unit", None, None, json.dumps(fields, ensure_ascii=False), "create")
        except Exception:
            ws.close()
            path.unlink(missing_ok=True)
            raise
        return ws

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def copy_to(self, path, *, overwrite: bool = False) -> Path:
        """Write a consistent copy of the whole workspace to *path* ("Lưu thành…")."""
        path = Path(path)
        if path.exists() and path.resolve() == self.path.resolve():
            raise WorkspaceError("Bản sao phải là một tệp khác tệp đang mở.")
        if path.exists() and not overwrite:
            raise WorkspaceError(f"Tệp “{path}” đã có; chọn tên khác.")
        tmp = path.with_name(path.name + ".tmp")
        try:
            dest = sqlite3.connect(str(tmp))
            try:
                self.conn.backup(dest)
            finally:
                dest.close()
            tmp.replace(path)
        except (OSError, sqlite3.Error) as exc:
            tmp.unlink(missing_ok=True)
            why = os_error_text(exc) if isinstance(exc, OSError) else "lỗi khi ghi cơ sở dữ liệu"
            raise WorkspaceError(f"Không ghi được bản sao “{path}”: {why}.") from exc
        return path

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    @property
    def catalogue(self):
        if self._catalogue is None:
            self._catalogue = _catalogue.default()
        return self._catalogue

    def template(self):
        """The unit's appendix template (:class:`templates.Template`), parsed once; None when
        the profile names a template this program does not have (the catalogue still works)."""
        from . import templates
        name = self.unit()["template"]
        if self._template is None or self._template[0] != name:
            try:
                tpl = templates.for_workspace(self)
            except _catalogue.CatalogueError:
                tpl = None
            self._template = (name, tpl, tpl.code_lists() if tpl else {})
        return self._template[1]

    def code_list(self, key: str) -> dict:
        """The code list of *key* as the unit's template defines it (else the catalogue's)."""
        self.template()
        ind = self.catalogue.get(key)
        return self._template[2].get(key) or (ind.codes if ind else {})

    def printed_keys(self) -> list[str]:
        """The keys the unit's template prints, in order (the catalogue's without a template)."""
        tpl = self.template()
        keys = [k for app in (tpl.appendices if tpl else ()) if app.kind == "indicators" for k in app.keys()]
        return list(dict.fromkeys(keys)) or [i.key for i in self.catalogue]

    def forget_template(self):
        """Call after the unit's template (or its adapted copy) changes."""
        self._template = None

    @property
    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    # ---- the engine's hooks (operations.Operations) ---------------------------------
    def _begin(self):
        """Start an operation's write transaction, or say why this file cannot be changed."""
        if self.readonly:
            raise ReadOnlyWorkspace(f"Tệp “{self.path.name}” đang mở chỉ để xem; không sửa được. "
                                    "Đóng cửa sổ đang sửa tệp này rồi mở lại để sửa.")
        if self._lock is None:   # not the window's own file: is a window editing it?
            holder = _other_holder(self.path)
            if holder is not None:
                raise WorkspaceInUse(self.path, holder)
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            if _busy(exc):   # waited BUSY_TIMEOUT for another process's write
                raise WorkspaceError(busy_message(self.path)) from exc
            raise

    def _commit(self, changed: bool):
        """Commit the operation (bumping the revision when it changed something)."""
        try:
            if changed:
                # the revision a backup carries: orders a unit's files without its clock
                self.conn.execute("UPDATE revision SET n = n + 1 WHERE id = 1")
            self.conn.execute("COMMIT")
        except sqlite3.OperationalError as exc:
            self.conn.execute("ROLLBACK")
            if _busy(exc):
                raise WorkspaceError(busy_message(self.path)) from exc
            raise

    def audit(self, code: str | None = None, key: str | None = None, *, general: bool = False) -> list[dict]:
        """The audit log, newest first, optionally for one period and key (with *general*,
        also the changes of the whole file: documents register, plan, rules, unit…; another
        period being added is not one of them)."""
        sql, args = "SELECT * FROM audit WHERE 1=1", []
        if code is not None:
            p = self.period(code)
            if general:
                sql += " AND (period_id = ? OR (period_id IS NULL AND NOT (entity = 'period' AND key != ?)))"
                args += [p.id, p.code]
            else:
                sql += " AND period_id = ?"
                args.append(p.id)
        if key is not None:
            sql += " AND key = ?"
            args.append(key)
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY id DESC", args)]

    # ---- unit profile --------------------------------------------------------------
    def unit(self) -> dict:
        return dict(self.conn.execute("SELECT * FROM unit WHERE id = 1").fetchone())

    def update_unit(self, **fields) -> dict:
        """Change the unit profile (names, code, upper office, signer, recipients, one-stop body,
        start date, calendar windows, template); returns the fields that changed (field → new
        value).  Every field is checked first: a bad one changes nothing."""
        fields = clean_unit_fields(fields)
        current = self.unit()
        changed = {k: v for k, v in fields.items() if current.get(k) != v}
        if not changed:
            return {}
        with self.operation("Sửa thông tin đơn vị"):
            before = self.change_row("unit", {"id": 1}, dict(current, **changed))
            for k, v in changed.items():
                self.log_change(None, "unit", k, show_value(before.get(k)), show_value(v), "set")
        self.forget_template()
        return changed

    # ---- settings ------------------------------------------------------------------
    def setting(self, key: str, default=None):
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return json.loads(row[0]) if row else default

    def set_setting(self, key: str, value):
        with self.operation("Cài đặt", undoable=False):
            self._touched.add("settings")
            self.conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)",
                              (key, json.dumps(value, ensure_ascii=False)))

    # ---- periods -------------------------------------------------------------------
    def periods(self) -> list[Period]:
        rows = [_period(r) for r in self.conn.execute("SELECT * FROM periods")]
        return sorted(rows, key=lambda p: periods.sort_key(p.code))

    def find_period(self, code: str) -> Period | None:
        name = periods.parse_code(code)
        row = self.conn.execute("SELECT * FROM periods WHERE code = ?", (name.code,)).fetchone()
        return _period(row) if row else None

    def period(self, code: str) -> Period:
        """The period named *code*; WorkspaceError when it has not been added."""
        try:
            found = self.find_period(code)
        except periods.PeriodError as exc:
            raise WorkspaceError(str(exc)) from exc
        if found is None:
            raise WorkspaceError(f"Chưa có kỳ báo cáo {periods.canonical(code)} trong tệp dữ liệu "
                                 "(thêm bằng “Thêm kỳ…” hoặc “cchc period add”).")
        return found

    def add_period(self, code: str, window_from=None, window_to=None, report_number=None,
                   report_date=None, *, title=None, deadline=None) -> Period:
        """Add a period with its data window: a custom period's is its own, another's follows
        the unit (Decree 09/2019, its calendar windows, its start date) unless given."""
        try:
            name = periods.parse_code(code)
            start, end = periods.window(name, self.unit())
            given = parse_date(window_from), parse_date(window_to)
            rdate = parse_date(report_date)
            due = parse_date(deadline)
        except (periods.PeriodError, NumberError) as exc:
            raise WorkspaceError(str(exc)) from exc
        if name.custom and any(d is not None and d != w for d, w in zip(given, (start, end))):
            raise WorkspaceError(
                f"Kỳ {name.code} được đặt tên theo thời gian lấy số liệu ({format_date(start)} – "
                f"{format_date(end)}); không ghi thời gian khác cho nó.")
        start, end = given[0] or start, given[1] or end
        if self.find_period(name.code):
            raise WorkspaceError(f"Kỳ báo cáo {name.code} ({name.label}) đã có.")
        number = nfc(str(report_number)) if report_number not in (None, "") else None
        title = nfc(title) or None
        with self.operation(f"Thêm kỳ {title or name.label}"):
            self.change_row("periods", {"id": None}, {
                "code": name.code, "kind": name.kind, "year": name.year,
                "window_from": start.isoformat(), "window_to": end.isoformat(),
                "report_number": number, "report_date": rdate.isoformat() if rdate else None,
                "title": title, "deadline": due.isoformat() if due else None,
                "status": "draft", "created_at": now()})
            self.log_change(None, "period", name.code, None, f"{start}..{end}", "create")
        return self.period(name.code)

    def update_period(self, code: str, **fields) -> Period:
        """Change a period's data window, report number or date, title or deadline.

        A custom period is named by its window, so its window does not change."""
        p = self.period(code)
        self._check_unlocked(p.id)
        bad = set(fields) - set(PERIOD_FIELDS)
        if bad:
            raise WorkspaceError(f"Trường không sửa được: {', '.join(sorted(bad))}")
        clean = {}
        try:
            for k, v in fields.items():
                if k in ("window_from", "window_to", "report_date", "deadline"):
                    d = parse_date(v)
                    clean[k] = d.isoformat() if d else None
                else:
                    clean[k] = nfc(str(v)) if v not in (None, "") else None
        except NumberError as exc:
            raise WorkspaceError(str(exc)) from exc
        if p.kind == periods.CUSTOM:
            own = {"window_from": p.name.start.isoformat(), "window_to": p.name.end.isoformat()}
            if any(k in clean and clean[k] != v for k, v in own.items()):
                raise WorkspaceError(f"Kỳ {p.label} được đặt tên theo thời gian lấy số liệu; muốn lấy số liệu "
                                     "trong thời gian khác, thêm một kỳ mới.")
        with self.operation(f"Sửa kỳ {p.label}"):
            before = self.row("periods", {"id": p.id})
            self.change_row("periods", {"id": p.id}, dict(before, **clean))
            for k, v in clean.items():
                if before[k] != v:
                    self.log_change(p.id, "period", k, before[k], v, "set")
        return self.period(code)

    def _check_unlocked(self, period_id: int):
        row = self.conn.execute("SELECT code, status FROM periods WHERE id = ?", (period_id,)).fetchone()
        if row and row["status"] != "draft":
            raise PeriodLocked(
                f"Kỳ {periods.parse_code(row['code']).label} đã chốt số liệu; mở khóa (nêu lý do) trước khi sửa.")

    def set_status(self, code: str, status: str, reason: str = ""):
        """Finalise ('final'), mark as sent ('sent') or unlock ('draft', a reason required)."""
        p = self.period(code)
        if status not in ("draft", "final", "sent"):
            raise WorkspaceError(f"Trạng thái không hợp lệ: {status}")
        if status == "draft" and p.status != "draft" and not nfc(reason):
            raise WorkspaceError("Phải nêu lý do khi mở khóa kỳ đã chốt.")
        with self.operation(f"Đổi trạng thái kỳ {p.label}", undoable=False):
            fin_at, fin_by = (now(), self.user) if status == "final" else (p.finalised_at, p.finalised_by)
            self.conn.execute("UPDATE periods SET status = ?, finalised_at = ?, finalised_by = ? WHERE id = ?",
                              (status, fin_at, fin_by, p.id))
            action = {"final": "finalise", "sent": "send", "draft": "unlock"}[status]
            self.log_change(p.id, "period", "status", p.status, status if not reason else f"{status}: {nfc(reason)}", action)

    def acknowledgements(self, code: str) -> dict[tuple[str, str], str]:
        """(rule, keys) → comment for the warnings acknowledged in the period (see rules.acknowledge)."""
        p = self.period(code)
        return {(r["rule"], r["keys"]): r["comment"] for r in self.conn.execute(
            "SELECT rule, keys, comment FROM acknowledgements WHERE period_id = ?", (p.id,))}

    # ---- the annual plan's tasks ---------------------------------------------------
    def plan_tasks(self, year: int) -> list[dict]:
        return [dict(r) for r in self.conn.execute(
            "SELECT * FROM plan_tasks WHERE year = ? ORDER BY seq, id", (year,))]

    def task_counts(self, year: int) -> tuple[int, int] | None:
        """(planned, done) for the year's plan tasks, None when none were entered.

        A task is done when its status says so ("Hoàn thành", "Đã hoàn thành") or it is 100 % done.
        """
        tasks = self.plan_tasks(year)
        if not tasks:
            return None
        done = sum(1 for t in tasks if task_done(t))
        return len(tasks), done

    # ---- the report's narrative ----------------------------------------------------
    def sections(self, code: str) -> dict[str, str]:
        """section name → text of the period's report (I … V, subject, intro, closing)."""
        p = self.period(code)
        return {r["section"]: r["body"] for r in self.conn.execute(
            "SELECT section, body FROM report_sections WHERE period_id = ?", (p.id,))}

    def save_section(self, code: str, section: str, body: str | None):
        """Store one section of the report's text (empty text removes it); refused when locked."""
        p = self.period(code)
        self._check_unlocked(p.id)
        section = nfc(section)
        if not section:
            raise WorkspaceError("Chưa có tên phần của báo cáo.")
        body = nfc(body) or ""
        where = {"period_id": p.id, "section": section}
        before = self.row("report_sections", where)
        if (before["body"] if before else "") == body:
            return
        with self.operation(f"Sửa nội dung báo cáo: phần {section}"):
            self.change_row("report_sections", where,
                            {"period_id": p.id, "section": section, "body": body} if body else None)
            self.log_change(p.id, "section", section, show_value(before and before["body"]), body, "set")


_UNIT_LABELS = {"name": "Tên đơn vị", "code": "Mã đơn vị hành chính", "one_stop": "Tên bộ phận một cửa",
                "established": "Ngày thành lập", "calendar_windows": "Lấy số liệu theo tháng dương lịch"}


def clean_unit_fields(fields: dict) -> dict:
    """The unit profile's fields as stored (NFC text, ISO date, 0/1), or WorkspaceError naming
    the first bad one: an unknown field, an empty name, a code that is not 5 digits…"""
    bad = set(fields) - set(UNIT_FIELDS)
    if bad:
        raise WorkspaceError(f"Trường không có trong thông tin đơn vị: {', '.join(sorted(bad))}")
    out = {}
    for k, v in fields.items():
        if k == "established":
            try:
                day = parse_date(v)
            except NumberError as exc:
                raise WorkspaceError(f"{_UNIT_LABELS[k]}: {exc}") from exc
            out[k] = day.isoformat() if day else None
        elif k == "calendar_windows":
            out[k] = _yes_no(v)
        else:
            out[k] = nfc("" if v is None else str(v)) or ""
    if "name" in out and not out["name"]:
        raise WorkspaceError("Tên đơn vị không được để trống.")
    if "code" in out:
        out["code"] = "".join(out["code"].split())
        if out["code"] and not (len(out["code"]) == 5 and out["code"].isascii() and out["code"].isdigit()):
            raise WorkspaceError(f"Mã đơn vị hành chính “{out['code']}” không hợp lệ: mã của xã, phường "
                                 "gồm đúng 5 chữ số (ví dụ 19168).")
    if "one_stop" in out and not out["one_stop"]:
        raise WorkspaceError(f"Chưa ghi tên bộ phận một cửa (“{ONE_STOP_DESK}” hoặc “{ONE_STOP_CENTRE}”).")
    return out


def _yes_no(value) -> int:
    if isinstance(value, bool) or value in (0, 1):
        return int(value)
    text = (nfc(str(value)) or "").lower()
    if text in ("1", "có", "co", "yes", "true"):
        return 1
    if text in ("0", "không", "khong", "no", "false", ""):
        return 0
    raise WorkspaceError(f"{_UNIT_LABELS['calendar_windows']}: “{value}” không hiểu được (ghi có hoặc không).")


def task_done(task: dict) -> bool:
    """Whether a plan task counts as done: its completion rate in the task table is 100 %, the
    figure the printed table shows (so the table, the count and the checks say one number);
    a task with no rate typed is done when its status says "hoàn thành" (not "chưa", "đang")."""
    percent = task.get("percent_done")
    if percent is not None:
        return percent >= 100
    status = (task.get("status") or "").lower()
    if "chưa" in status or "đang" in status:
        return False
    return "hoàn thành" in status


def _journal_mode(conn: sqlite3.Connection):
    """Put the file in :data:`JOURNAL_MODE`; a file another process holds in WAL stays so
    (the mode can change only when nobody else has it open)."""
    try:
        conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
    except sqlite3.OperationalError as exc:
        if not _busy(exc):
            raise


def _other_holder(path):
    """Who else (another process) holds *path* open for editing, else None: a command-line
    change to a file a window is editing is refused, so the window's undo never overwrites it."""
    from .openlock import holder_of
    holder = holder_of(path)
    return None if holder is None or holder.pid == os.getpid() else holder


def _abandon(conn, lock):
    if conn is not None:
        conn.close()
    if lock is not None:
        lock.release()
