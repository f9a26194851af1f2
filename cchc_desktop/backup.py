"""Backup files: made consistently, checked before they leave, verified before they are used.

A backup is one self-contained SQLite file (journal mode DELETE, nothing beside it) made
with SQLite's backup API, so it is consistent even while the window has the workspace
open.  Inside it, ``backup_info`` names the unit, the periods, the program and schema
versions, the time made and a SHA-256; ``backup_figures`` holds each period's figures as
the unit's own roll-up gave them, so the receiving office never has to run anything.

The digest is a SHA-256 over the file's own bytes (:func:`file_digest`), stored inside it:
the 64 hex characters of the digest, in ``backup_info.sha256``, count as a fixed
placeholder (:data:`PLACEHOLDER`) when hashing.  Making a backup writes the placeholder,
hashes the finished file and writes the digest over the placeholder in place (same length,
so no page changes shape); checking replaces the digest by the placeholder again and
hashes.  Why this and not a digest over rows or a sidecar: a sidecar or zip manifest is
lost the first time someone forwards the bare ``.sqlite``; a digest over the rows needs
every row turned into Python objects and text (ten times the cost of SQLite's own check,
issue 6's speed goal) and ties the result to how a SQLite version prints real numbers.
Bytes are bytes: any change anywhere in the file, even in free space, is detected, and
anyone can check it with ``sha256sum`` after the substitution.  (It detects damage and
editing, not a forger who recomputes it: it is a check value, not a signature.)  The same
digest goes in the e-mail, so the recipient can compare.

A received file is untrusted (:func:`read_backup`, :func:`verify_open`): it is first checked
as bytes (size, SQLite header, page count, application id and version), then exactly those
bytes are opened in memory (:func:`open_untrusted`: ``trusted_schema=OFF``,
``cell_size_check=ON``, ``query_only``; the file itself is never opened by SQLite); its
schema must equal, entry by entry, the schema our migrations give at its version (so no
view, trigger or generated column of its own can ever run); then the digest written in its
``backup_info`` row is compared and ``PRAGMA quick_check`` run; only then are its other
tables read, always with explicit queries.
Each refusal is a :class:`BackupError` whose text says, in Vietnamese, what is wrong with
which file.

Restoring (:func:`restore`) verifies first, backs up the current state, and replaces the
workspace with a temporary file and one rename, so a crash at any moment leaves either the
old or the new workspace, whole.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import os
import re
import sqlite3
import stat
import sys
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from . import __version__, migrations, periods, winfiles
from .slug import unit_slug
from .store import JOURNAL_MODE, Workspace, WorkspaceError, connect, now, os_error_text, os_user
from .vnformat import format_number

MAX_BACKUP_BYTES = 64 * 1024 * 1024   # a commune's workspace is well under 5 MB
BACKUP_PAGE_SIZE, WORKSPACE_PAGE_SIZE = 1024, 4096
MIN_VERSION = 3                       # the first schema with backup_info
INFO_TABLE = "backup_info"
FIGURES_TABLE = "backup_figures"
_INFO_COLUMNS = ("unit_name", "unit_slug", "parent", "periods", "program_version", "schema_version",
                 "made_at", "made_by", "sha256")   # of backup_info, as every version since 3 has them
IDENTITY_SINCE = 7   # backup_info.unit_uid, unit_code, revision (db/007)
_IDENTITY_COLUMNS = ("unit_uid", "unit_code", "revision")
ALTERNATIVES_TABLE = "backup_alternatives"
ALTERNATIVES_SINCE = 5   # the first schema with backup_alternatives
NAME_PATTERN = re.compile(r"^CCHC_([a-z0-9-]+)_([0-9A-Z]+-[0-9A-Z]+|chua-co-ky)_(\d{8}-\d{4})(?:-(\d+))?\.(sqlite|zip)$")
_SQLITE_MAGIC = b"SQLite format 3\x00"
PLACEHOLDER = ("CCHC-SHA256-PENDING-" * 4)[:64]   # stands for the digest while hashing


class BackupError(WorkspaceError):
    """A backup file that cannot be used; ``str()`` says why, in Vietnamese."""


class NotABackup(BackupError):
    """Random bytes, another program's database, or a workspace that is not a backup."""


class DamagedBackup(BackupError):
    """Truncated, corrupt, or content that does not match its digest."""


class UnsafeBackup(BackupError):
    """A schema of its own (views, triggers, extra tables): refused before reading anything."""


class TooNewBackup(BackupError):
    """Made by a newer program with a newer schema."""


class TooLargeBackup(BackupError):
    """Larger than any real workspace."""


@dataclass
class BackupInfo:
    """What a verified backup says about itself."""
    path: Path
    unit_name: str
    unit_slug: str
    parent: str
    periods: tuple
    program_version: str
    schema_version: int
    made_at: str
    made_by: str
    sha256: str
    size: int
    unit_uid: str = ""        # the id made with the unit's workspace ('' in files of schema ≤ 6)
    unit_code: str = ""       # the unit's official code (mã ĐVHC), '' when not known
    revision: int = 0         # the workspace's revision counter when the file was made
    established: str = ""     # ISO day a unit formed by the 2025 merger exists from ('' when none or not known)
    calendar_windows: int = 0  # 1: the unit reports on calendar windows (its profile, db/007)
    figures: dict = field(default_factory=dict, repr=False)   # period → {key: value}
    sources: dict = field(default_factory=dict, repr=False)   # period → {key: rollup source}, typed ones left out
    alternatives: dict = field(default_factory=dict, repr=False)  # period → {key: {source: value}} beside typed ones
    windows: dict = field(default_factory=dict, repr=False)       # period → (ISO from, ISO to) of the unit's data window
    acknowledged: dict = field(default_factory=dict, repr=False)  # period → [[rule, keys, comment]] warnings explained
    texts: dict = field(default_factory=dict, repr=False)         # period → (figures, sources) as JSON SQLite made
    plan_tasks: dict = field(default_factory=dict, repr=False)    # year (text) → its tasks as JSON SQLite made
    key: str = field(default="", repr=False)   # the unit key given at receipt (an old file taken as a known unit's)

    @property
    def unit_key(self) -> str:
        """Which unit the file stands for (:func:`received.unit_key`): code, else uid, else slug."""
        if self.key:
            return self.key
        from .received import unit_key
        return unit_key(self.unit_code, self.unit_uid, self.unit_slug)

    @unit_key.setter
    def unit_key(self, value: str):
        self.key = value

    @property
    def made_at_text(self) -> str:
        """dd/mm/yyyy HH:MM, as the window shows it."""
        try:
            t = _dt.datetime.fromisoformat(self.made_at)
            return t.strftime("%d/%m/%Y %H:%M")
        except ValueError:
            return self.made_at


def _pause(step: str):
    """Test hook for the SIGKILL tests: with CCHC_TEST_PAUSE=seconds, say which step starts
    and wait there (only at step CCHC_TEST_PAUSE_AT when that is set)."""
    delay = os.environ.get("CCHC_TEST_PAUSE")
    if delay:
        print(f"STEP {step}", file=sys.stderr, flush=True)
        if os.environ.get("CCHC_TEST_PAUSE_AT", step) == step:
            time.sleep(float(delay))


# ---- schema of a version --------------------------------------------------------------
@lru_cache(maxsize=512)
def _normal_sql(sql: str | None) -> str | None:
    """The CREATE text without comments and with single spaces, so comment edits do not matter."""
    if sql is None:
        return None
    sql = re.sub(r"--[^\n]*", " ", sql)
    return " ".join(sql.split())


@lru_cache(maxsize=8)
def _expected_list(version: int) -> list:
    """The schema entries exactly as our migrations write them, in their order (the fast, common case)."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.upgrade(conn, target=version)
        return conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    finally:
        conn.close()


@lru_cache(maxsize=8)
def _expected_set(version: int) -> frozenset:
    return frozenset(_expected_list(version))


@lru_cache(maxsize=8)
def expected_schema(version: int) -> tuple[frozenset, tuple]:
    """(schema entries, ((table, columns), ...)) of a workspace at *version*, from our migrations."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        migrations.upgrade(conn, target=version)
        entries = frozenset(
            (t, n, tn, _normal_sql(s)) for t, n, tn, s in
            conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        tables = []
        for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"):
            cols = tuple(r[1] for r in conn.execute(f'PRAGMA table_info("{name}")'))
            tables.append((name, cols))
        return entries, tuple(tables)
    finally:
        conn.close()


def file_digest(data: bytes, stored: str = PLACEHOLDER) -> str | None:
    """SHA-256 (hex) of a backup's bytes with the *stored* digest counted as the placeholder;
    None when *stored* is not in the bytes exactly once."""
    mark = stored.encode("ascii", "replace")
    at = data.find(mark) if len(mark) == 64 else -1
    if at < 0 or data.find(mark, at + 1) >= 0:
        return None
    view = memoryview(data)
    h = hashlib.sha256(view[:at])
    h.update(PLACEHOLDER.encode("ascii"))
    h.update(view[at + 64:])
    return h.hexdigest()


def seal(path) -> str:
    """Write the digest of the backup file *path* over its placeholder; returns the digest.

    Also re-seals a backup whose rows were changed on purpose (the tests' crafted files).
    """
    path = Path(path)
    conn = sqlite3.connect(str(path), isolation_level=None)
    try:
        conn.execute(f"UPDATE {INFO_TABLE} SET sha256 = ?", (PLACEHOLDER,))
        conn.execute("VACUUM")   # no stale copy of an older digest in free space
    finally:
        conn.close()
    data = path.read_bytes()
    digest = file_digest(data)
    if digest is None:
        raise DamagedBackup("Không ghi được mã kiểm tra vào tệp sao lưu (dữ liệu trùng chuỗi đánh dấu).")
    offset = data.index(PLACEHOLDER.encode("ascii"))
    with open(path, "r+b") as fh:
        fh.seek(offset)
        fh.write(digest.encode("ascii"))
    return digest


# ---- making ----------------------------------------------------------------------------
def backup_name(slug: str, period: str | None, made: _dt.datetime, suffix: str = ".sqlite") -> str:
    """CCHC_phuong-2-quang-tri_2022-H1_20220615-0930.sqlite"""
    return f"CCHC_{slug}_{period or 'chua-co-ky'}_{made.strftime('%Y%m%d-%H%M')}{suffix}"


def _fsync(path: Path, flags=os.O_RDWR):
    fd = os.open(path, flags)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _fsync_dir(path: Path):
    if os.name == "nt":   # Windows cannot open a folder for fsync; its renames are journalled
        return
    _fsync(path, os.O_RDONLY)


def _unique(path: Path) -> Path:
    """*path*, or NAME-n with n above every NAME[-k] already there (so names keep their order
    even after rotation deleted the first ones)."""
    pattern = re.compile(re.escape(path.stem) + r"(?:-(\d+))?" + re.escape(path.suffix) + "$")
    taken = [int(m.group(1) or 1) for p in path.parent.iterdir() if (m := pattern.match(p.name))]
    return path if not taken else path.with_name(f"{path.stem}-{max(taken) + 1}{path.suffix}")


def _clean_stale(out_dir: Path, age: float = 3600):
    """Remove temporary files an interrupted backup left (only old ones: another may be running)."""
    limit = time.time() - age
    for pattern in (".cchc-backup-*.tmp", ".cchc-backup-*.ziptmp"):
        for p in out_dir.glob(pattern):
            try:
                if p.stat().st_mtime < limit:
                    p.unlink()
            except OSError:
                pass


def _open_source(ws_or_path):
    if isinstance(ws_or_path, Workspace):
        if ws_or_path.conn is None:
            raise WorkspaceError("Tệp dữ liệu đã đóng.")
        if ws_or_path.conn.in_transaction:
            raise WorkspaceError("Đang ghi số liệu; sao lưu sau khi ghi xong.")
        return ws_or_path.conn, False
    path = Path(ws_or_path)
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp dữ liệu: {path}")
    # Opening as a Workspace checks it is ours and brings it to the current schema.
    ws = Workspace.open(path)
    return ws.conn, True


def make_backup(ws_or_path, out_dir, zip: bool = False, period: str | None = None,
                made_at: _dt.datetime | None = None) -> Path:
    """Write a checked backup of a workspace into *out_dir*; returns the file written.

    *period* names the file (default: the latest period); every period travels inside.
    The file appears under its final name only once it is whole and verified.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"Không tạo được thư mục “{out_dir}”: {os_error_text(exc)}.") from exc
    _clean_stale(out_dir)
    src, owned = _open_source(ws_or_path)
    made = (made_at or _dt.datetime.now()).replace(microsecond=0)
    fd, tmp_name = tempfile.mkstemp(prefix=".cchc-backup-", suffix=".tmp", dir=out_dir)
    os.close(fd)
    tmp = Path(tmp_name)
    os.chmod(tmp, 0o644)   # mkstemp makes it private; a backup is meant to be handed on
    try:
        _pause("copy")
        dst = sqlite3.connect(str(tmp), isolation_level=None)
        try:
            src.backup(dst)     # one step: a consistent snapshot, even beside the window's writes
            if owned:
                src.close()
                owned = False
            dst.execute("PRAGMA journal_mode = DELETE")
            # Small pages: a commune's tables are mostly tiny, so the file shrinks about
            # threefold (e-mail, and less to hash and check on receipt).
            dst.execute(f"PRAGMA page_size = {BACKUP_PAGE_SIZE}")
            _pause("figures")
            info = _fill_backup(dst, tmp, period, made)
            dst.execute("VACUUM")   # applies the page size
            bad = dst.execute("PRAGMA integrity_check").fetchall()
            if bad != [("ok",)]:
                raise DamagedBackup(f"Bản sao vừa tạo không qua kiểm tra toàn vẹn: {bad[0][0]}")
        finally:
            dst.close()
        seal(tmp)
        _fsync(tmp)
        _pause("verify")
        verify(tmp)
        name = backup_name(info["unit_slug"], info["name_period"], made)
        final = _unique(out_dir / (name if not zip else name[:-len(".sqlite")] + ".zip"))
        if zip:
            ztmp = tmp.with_suffix(".ziptmp")
            with zipfile.ZipFile(ztmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
                zf.write(tmp, arcname=final.with_suffix(".sqlite").name)
            tmp.unlink()
            tmp = ztmp
            _fsync(tmp)
        _pause("rename")
        winfiles.replace(tmp, final)
        _fsync_dir(out_dir)
        return final
    except BaseException:
        if owned:
            src.close()
        tmp.unlink(missing_ok=True)
        tmp.with_suffix(".ziptmp").unlink(missing_ok=True)
        raise


def _fill_backup(dst: sqlite3.Connection, path: Path, period: str | None, made: _dt.datetime) -> dict:
    """Write backup_figures and backup_info into the copy (one transaction)."""
    from . import rollup

    dst.row_factory = sqlite3.Row
    dst.execute("PRAGMA foreign_keys = ON")
    copy = Workspace(dst, path)
    unit = copy.unit()
    codes = [p.code for p in copy.periods()]
    if period is not None:
        period = periods.parse_code(period).code if period else None
        if period not in codes:
            raise WorkspaceError(f"Chưa có kỳ báo cáo {period} trong tệp dữ liệu.")
    figures, alternatives = [], []
    for code in codes:
        for key, cell in rollup.values(copy, code).items():
            if cell.value is not None:
                figures.append((code, key, cell.value, cell.source))
            if cell.typed:
                # what a check compares a typed figure with and cannot compute from the
                # figures themselves (rates and the quarters' roll-up it can)
                alternatives += [(code, key, source, v) for source, v in cell.computed.items()
                                 if source not in (rollup.TYPED, rollup.DERIVED, rollup.ROLLUP)]
    dst.row_factory = None
    version = dst.execute("PRAGMA user_version").fetchone()[0]
    revision = dst.execute("SELECT n FROM revision WHERE id = 1").fetchone()
    slug = unit_slug(unit["name"], unit["parent"])
    dst.execute("BEGIN IMMEDIATE")
    try:
        dst.execute(f"DELETE FROM {INFO_TABLE}")
        dst.execute(f"DELETE FROM {FIGURES_TABLE}")
        dst.executemany(f"INSERT INTO {FIGURES_TABLE} (period_code, key, value, source) VALUES (?, ?, ?, ?)",
                        figures)
        dst.execute(f"DELETE FROM {ALTERNATIVES_TABLE}")
        dst.executemany(f"INSERT INTO {ALTERNATIVES_TABLE} (period_code, key, source, value) VALUES (?, ?, ?, ?)",
                        alternatives)
        # the unit's identity and how far its workspace has changed, so the receiving
        # office knows the unit by its code or uid and orders its files by revision
        dst.execute(
            f"INSERT INTO {INFO_TABLE} (id, unit_name, unit_slug, parent, periods, program_version, "
            "schema_version, made_at, made_by, sha256, unit_uid, unit_code, revision) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (unit["name"], slug, unit["parent"], ",".join(codes), __version__, version,
             made.isoformat(timespec="seconds"), os_user(), PLACEHOLDER, unit.get("uid") or "",
             unit.get("code") or "", revision[0] if revision else 0))
        dst.execute("COMMIT")
    except BaseException:
        dst.execute("ROLLBACK")
        raise
    return {"unit_slug": slug, "name_period": period or (codes[-1] if codes else None)}


# ---- checking a received file ----------------------------------------------------------
def file_bytes(path: Path, shown: str) -> tuple[bytes, str]:
    """(bytes, name to show) of a backup file or of the one backup in a zip, after checking
    their size and SQLite header (no SQLite involved yet).  Anything but a regular file
    (a folder, a FIFO that would block the read forever, a device) is refused at once."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise BackupError(f"Không đọc được tệp “{shown}”: {os_error_text(exc)}.") from exc
    if not stat.S_ISREG(st.st_mode):
        raise NotABackup(f"“{shown}” không phải là một tệp thông thường (thư mục, ống dẫn hay thiết bị); không nhận.")
    if path.suffix.lower() == ".zip":
        data, shown = _unzip(path, shown)
        return _check_header(data, shown), shown
    return _read_bytes(path, shown), shown


def _read_bytes(path: Path, shown: str) -> bytes:
    """The file's bytes, after checking its size and SQLite header (no SQLite involved yet)."""
    try:
        # O_NONBLOCK: were it swapped for a FIFO since the stat, opening must not wait
        with open(os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)),
                  "rb") as fh:
            st = os.fstat(fh.fileno())
            if not stat.S_ISREG(st.st_mode):
                raise NotABackup(f"“{shown}” không phải là một tệp.")
            size = st.st_size
            if size > MAX_BACKUP_BYTES:
                raise TooLargeBackup(
                    f"Tệp “{shown}” quá lớn ({format_number(round(size / 1048576, 1))} MB, tối đa "
                    f"{format_number(MAX_BACKUP_BYTES // 1048576)} MB) để là tệp sao lưu CCHC; không nhận.")
            data = fh.read(size + 1)   # not the limit: read(n) allocates n bytes first
    except IsADirectoryError as exc:
        raise NotABackup(f"“{shown}” không phải là một tệp.") from exc
    except OSError as exc:
        raise BackupError(f"Không đọc được tệp “{shown}”: {os_error_text(exc)}.") from exc
    if len(data) > MAX_BACKUP_BYTES:
        raise TooLargeBackup(f"Tệp “{shown}” quá lớn để là tệp sao lưu CCHC; không nhận.")
    return _check_header(data, shown)


def _check_header(data: bytes, shown: str) -> bytes:
    """The SQLite header says a whole, self-contained (not WAL) database of this size."""
    head = data[:100]
    if len(head) < 100 or not head.startswith(_SQLITE_MAGIC):
        raise NotABackup(f"Tệp “{shown}” không phải tệp sao lưu CCHC (không phải cơ sở dữ liệu SQLite).")
    page_size = int.from_bytes(head[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(head[28:32], "big")
    if head[92:96] != head[24:28]:
        pages = 0   # the in-header size is stale (written by an old SQLite): the checks decide
    if head[18] != 1 or head[19] != 1:
        raise NotABackup(f"Tệp “{shown}” là tệp dữ liệu đang dùng (chế độ WAL), không phải tệp sao lưu; "
                         "hãy tạo tệp bằng chức năng “Gửi lên cấp trên” hoặc lệnh cchc backup.")
    if page_size < 512 or page_size & (page_size - 1) or len(data) < pages * page_size \
            or len(data) % page_size:
        raise DamagedBackup(f"Tệp “{shown}” bị cắt cụt hoặc chưa tải về hết "
                            f"({len(data)} byte, cần {pages * page_size} byte); hãy xin gửi lại.")
    return data


def untrusted_connection() -> sqlite3.Connection:
    """A connection to hold received files one after the other (:func:`open_untrusted`):
    nothing in them can be trusted to run, nor written."""
    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA query_only = ON")
    return conn


def open_untrusted(data: bytes, conn: sqlite3.Connection | None = None) -> sqlite3.Connection:
    """An in-memory database made of exactly the bytes that were hashed; nothing reads the
    file again.  *conn* (from :func:`untrusted_connection`) is reused when given: the file
    replaces whatever it held, and its settings stay (a fresh connection per file costs as
    much as reading a small file)."""
    conn = conn or untrusted_connection()
    conn.deserialize(data)
    return conn


def read_backup(path, *, shown: str | None = None) -> BackupInfo:
    """Check a backup file as untrusted input and read it; raises a :class:`BackupError`.

    Accepts a ``.zip`` holding one backup.  Nothing in the file is executed: its schema
    must equal ours for its version before any table is read.
    """
    return load_backup(path, shown=shown)[0]


def load_backup(path, *, shown: str | None = None) -> tuple[BackupInfo, bytes]:
    """(info, the exact bytes that were checked) of a backup file or a zip holding one."""
    path = Path(path)
    data, shown = file_bytes(path, shown or path.name)
    try:
        conn = open_untrusted(data)
    except sqlite3.Error as exc:
        raise NotABackup(f"Tệp “{shown}” không phải tệp sao lưu CCHC (không mở được).") from exc
    try:
        return _read_open(conn, path, shown, data), data
    except sqlite3.DatabaseError as exc:
        raise DamagedBackup(f"Tệp “{shown}” bị hỏng, không đọc được; hãy xin gửi lại.") from exc
    finally:
        conn.close()


def verify_open(conn, data: bytes, shown: str) -> tuple[int, dict]:
    """(schema version, backup_info row) of the backup whose exact *data* is open
    in *conn* (:func:`open_untrusted`); a :class:`BackupError` otherwise.

    In this order, each step before anything it would trust: our application id and a
    version we know; the schema, entry by entry, equal to what our migrations make (so
    nothing of the file's own can run); the digest over the bytes; ``quick_check``.
    """
    conn = conn.cursor()
    conn.row_factory = None   # plain tuples, whatever the connection's rows are
    try:
        # the header's application id and user version: the bytes SQLite has open
        version = migrations.check_ids(int.from_bytes(data[68:72], "big"), int.from_bytes(data[60:64], "big"),
                                       lambda: conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])
    except migrations.SchemaError as exc:
        text = str(exc).replace("Tệp này", f"Tệp “{shown}”").replace("Tệp dữ liệu", f"Tệp “{shown}”")
        cls = TooNewBackup if isinstance(exc, migrations.SchemaTooNew) else NotABackup
        raise cls(text) from exc
    if version == 0:
        raise NotABackup(f"Tệp “{shown}” là cơ sở dữ liệu trống, không phải tệp sao lưu CCHC.")
    if version < MIN_VERSION:
        raise NotABackup(f"Tệp “{shown}” là tệp dữ liệu CCHC của phiên bản cũ, không phải tệp sao lưu.")
    _check_schema(conn, version, shown)
    cols = _INFO_COLUMNS + (_IDENTITY_COLUMNS if version >= IDENTITY_SINCE else ())
    # one statement (each costs a compile): the backup's own row, that it has one unit, and
    # how many figure and extra rows it holds (capped before any is read: received.check_rows)
    extras = "(SELECT count(*) FROM acknowledgements)"
    if version >= ALTERNATIVES_SINCE:
        extras += f" + (SELECT count(*) FROM {ALTERNATIVES_TABLE})"
    if version >= IDENTITY_SINCE:   # the profile the window checks need (db/007)
        cols += ("established", "calendar_windows")
        profile = "(SELECT established FROM unit), (SELECT calendar_windows FROM unit), "
    else:
        profile = ""
    rows = conn.execute(f"SELECT {', '.join(c for c in cols if c not in ('established', 'calendar_windows'))}, "
                        f"{profile}(SELECT count(*) FROM {FIGURES_TABLE}), {extras}, "
                        f"(SELECT count(*) FROM unit) FROM {INFO_TABLE}").fetchall()
    if len(rows) != 1:
        raise NotABackup(f"Tệp “{shown}” là tệp dữ liệu CCHC nhưng không phải tệp sao lưu (thiếu thông tin sao lưu).")
    if rows[0][-1] != 1:
        raise DamagedBackup(f"Tệp “{shown}” không có thông tin đơn vị.")
    info = dict(zip(cols + ("figure_rows", "extra_rows"), rows[0]))
    stored = info["sha256"] if isinstance(info["sha256"], str) else ""
    digest = file_digest(data, stored)
    if digest is None or digest != stored:
        raise DamagedBackup(f"Nội dung tệp “{shown}” không khớp mã kiểm tra SHA-256 ghi trong tệp: "
                            "tệp đã bị sửa hoặc hỏng khi gửi; không nhận.")
    # The bytes are what the sender checked with integrity_check; quick_check guards against
    # a crafted file whose digest was recomputed.
    check = conn.execute("PRAGMA quick_check(5)").fetchall()
    if check != [("ok",)]:
        raise DamagedBackup(f"Tệp “{shown}” bị hỏng (kiểm tra toàn vẹn: {check[0][0]}); hãy xin gửi lại.")
    if info["schema_version"] != version:
        raise DamagedBackup(f"Tệp “{shown}”: thông tin sao lưu không khớp cấu trúc tệp.")
    try:   # breaks a tie between two files of a unit: must be a time
        _dt.datetime.fromisoformat(info["made_at"])
    except (TypeError, ValueError):
        raise DamagedBackup(f"Tệp “{shown}”: thời điểm tạo tệp sao lưu không hợp lệ.") from None
    if version >= IDENTITY_SINCE:
        uid, code, revision = info["unit_uid"], info["unit_code"], info["revision"]
        if not (isinstance(uid, str) and _ID.match(uid) and isinstance(code, str) and _ID.match(code)
                and type(revision) is int and 0 <= revision < 2 ** 62):
            raise DamagedBackup(f"Tệp “{shown}”: mã định danh đơn vị hoặc số lần sửa không hợp lệ; không nhận.")
        established, calendar = info["established"], info["calendar_windows"]
        if not ((established is None or (isinstance(established, str) and _ISO_DAY.match(established)))
                and calendar in (0, 1)):
            raise DamagedBackup(f"Tệp “{shown}”: ngày thành lập hoặc cách lấy thời gian số liệu của đơn vị "
                                "không hợp lệ; không nhận.")
    return version, info


_ID = re.compile(r"^[0-9A-Za-z.-]{0,64}$")   # a uid (hex) or an official code, or nothing
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def backup_info(path: Path, info: dict, version: int, size: int) -> BackupInfo:
    """A :class:`BackupInfo` (without figures) from a verified file's backup_info row."""
    return BackupInfo(path=path, unit_name=info["unit_name"], unit_slug=info["unit_slug"],
                      parent=info["parent"], periods=tuple(p for p in str(info["periods"]).split(",") if p),
                      program_version=str(info["program_version"] or ""), schema_version=version,
                      made_at=info["made_at"], made_by=str(info["made_by"] or ""), sha256=info["sha256"], size=size,
                      unit_uid=info.get("unit_uid") or "", unit_code=info.get("unit_code") or "",
                      revision=info.get("revision") or 0, established=info.get("established") or "",
                      calendar_windows=info.get("calendar_windows") or 0)


def _read_open(conn, path, shown, data: bytes) -> BackupInfo:
    from .received import check_rows
    version, row = verify_open(conn, data, shown)
    check_rows(row, shown)
    info = backup_info(path, row, version, len(data))
    # row by row, not as JSON: the figures keep every digit (verify and restore show them)
    for code, key, value, source in conn.execute(f"SELECT period_code, key, value, source FROM {FIGURES_TABLE}"):
        info.figures.setdefault(code, {})[key] = value
        if source != "typed":   # most figures are typed: keep only the others
            info.sources.setdefault(code, {})[key] = source
    from .received import extras_sql, take_extra
    for extra in conn.execute(extras_sql(version)):
        take_extra(info, *extra)
    return info


_SCHEMA_TEXT = ("SELECT group_concat(type || char(31) || name || char(31) || tbl_name || char(31) "
                "|| coalesce(sql, ''), char(30)) FROM sqlite_master")
_KNOWN_SCHEMAS: dict[int, set] = {}   # version → schema texts already found equal to ours


def _check_schema(conn, version: int, shown: str):
    """The file's schema is, entry by entry, what our migrations make at *version*."""
    # The common case in one string: the same text as a file already found equal to ours.
    text = conn.execute(_SCHEMA_TEXT).fetchone()[0]
    known = _KNOWN_SCHEMAS.setdefault(version, set())
    if text in known:
        return
    raw = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    if raw == _expected_list(version) or frozenset(raw) == _expected_set(version):
        if len(known) < 8:   # VACUUM may change the order: a few orders are remembered
            known.add(text)
        return
    expected = expected_schema(version)[0]
    # Otherwise compare as sets, without comments and spacing.
    found = {(t, n, tn, _normal_sql(s)) for t, n, tn, s in raw}
    extra = sorted(found - expected, key=lambda e: (e[0], e[1]))
    if extra:
        kinds = {"view": "khung nhìn (view)", "trigger": "trigger", "table": "bảng", "index": "chỉ mục"}
        what = ", ".join(f"{kinds.get(t, t)} “{n}”" for t, n, _, _ in extra[:3])
        raise UnsafeBackup(f"Tệp “{shown}” có cấu trúc lạ không do chương trình tạo ra ({what}); "
                           "không nhận để bảo đảm an toàn.")
    missing = sorted(expected - found, key=lambda e: (e[0], e[1]))
    if missing:
        raise DamagedBackup(f"Tệp “{shown}” thiếu phần cấu trúc “{missing[0][1]}”; không phải tệp sao lưu trọn vẹn.")


def _unzip(path: Path, shown: str) -> tuple[bytes, str]:
    """(bytes, name to show) of the one .sqlite inside a zip, read up to the size limit."""
    try:
        if path.stat().st_size > MAX_BACKUP_BYTES:
            raise TooLargeBackup(f"Tệp “{shown}” quá lớn để là tệp sao lưu CCHC; không nhận.")
        with zipfile.ZipFile(path) as zf:
            members = [m for m in zf.infolist() if not m.is_dir()]
            if len(members) != 1 or not members[0].filename.lower().endswith(".sqlite"):
                raise NotABackup(f"Tệp nén “{shown}” phải chứa đúng một tệp sao lưu .sqlite.")
            member = members[0]
            inner = f"{shown} › {Path(member.filename).name}"
            if member.file_size > MAX_BACKUP_BYTES:
                raise TooLargeBackup(f"Tệp “{inner}” quá lớn; không nhận.")
            with zf.open(member) as src:
                data = src.read(MAX_BACKUP_BYTES + 1)   # at most the limit, whatever the header claims
            if len(data) > MAX_BACKUP_BYTES:
                raise TooLargeBackup(f"Tệp “{inner}” quá lớn; không nhận.")
            return data, inner
    except NotImplementedError as exc:   # a compression method zipfile does not know
        raise DamagedBackup(f"Tệp nén “{shown}” nén theo cách chương trình không đọc được; "
                            "hãy nén lại bằng chức năng nén thông thường (Deflate) hoặc gửi tệp .sqlite.") from exc
    except RuntimeError as exc:   # (after its subclass NotImplementedError) zipfile: "File … is encrypted, password required"
        raise DamagedBackup(f"Tệp nén “{shown}” có đặt mật khẩu; hãy gửi tệp nén không mật khẩu "
                            "(hoặc tệp .sqlite).") from exc
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, UnicodeError) as exc:
        raise DamagedBackup(f"Tệp nén “{shown}” bị hỏng, không giải nén được; hãy xin gửi lại.") from exc
    except OSError as exc:
        raise BackupError(f"Không đọc được tệp nén “{shown}”: {os_error_text(exc)}.") from exc


def verify(path) -> BackupInfo:
    """Check a backup file (integrity, schema, digest) and say what it holds."""
    return read_backup(path)


# ---- restoring -------------------------------------------------------------------------
def default_backup_dir(ws_path) -> Path:
    """Where automatic backups of a workspace go: a folder beside it."""
    ws_path = Path(ws_path)
    return ws_path.parent / f"{ws_path.stem}-sao-luu"


def restore(path, target_workspace_path, backup_dir=None) -> Path | None:
    """Replace the workspace at *target* by the backup *path*; returns the backup made of
    the old state (None when there was no workspace).

    Verified first; the current state is backed up; the new file is written beside the
    target, synced, and renamed over it in one step.
    """
    from .openlock import holder_of
    source = Path(path)
    target = Path(target_workspace_path)
    _, data = load_backup(source)   # these bytes, checked, are what gets written
    holder = holder_of(target)
    if holder is not None:
        raise WorkspaceError(f"Tệp dữ liệu “{target.name}” đang mở để sửa trong cửa sổ của {holder.text()}; "
                             "đóng cửa sổ đó rồi khôi phục.")
    saved = None
    _pause("backup-current")
    if target.exists():
        saved = _save_current(target, Path(backup_dir) if backup_dir else default_backup_dir(target))
        _release_wal(target)
    for stale in target.parent.glob(f".{target.name}.restore-*"):
        stale.unlink(missing_ok=True)
    tmp = target.with_name(f".{target.name}.restore-{os.getpid()}")
    try:
        _pause("copy")
        with open(tmp, "wb") as dst:
            dst.write(data)
        conn = connect(tmp)
        try:
            conn.execute("BEGIN IMMEDIATE")
            conn.execute(f"DELETE FROM {INFO_TABLE}")
            conn.execute(f"DELETE FROM {FIGURES_TABLE}")
            conn.execute("COMMIT")
            conn.execute(f"PRAGMA page_size = {WORKSPACE_PAGE_SIZE}")
            conn.execute("VACUUM")
            conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise DamagedBackup("Bản khôi phục không qua kiểm tra toàn vẹn.")
        finally:
            conn.close()
        for side in ("-wal", "-shm", "-journal"):
            Path(f"{tmp}{side}").unlink(missing_ok=True)
        _fsync(tmp)
        _pause("rename")
        winfiles.replace(tmp, target)   # Windows: refused while the file is open elsewhere
        _fsync_dir(target.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return saved


def _save_current(target: Path, folder: Path) -> Path:
    try:
        return make_backup(target, folder)
    except WorkspaceError:
        # The current file cannot be opened as a workspace: keep its bytes as they are.
        folder.mkdir(parents=True, exist_ok=True)
        keep = _unique(folder / f"{target.stem}-truoc-khoi-phuc-{_dt.datetime.now():%Y%m%d-%H%M%S}{target.suffix}")
        with open(target, "rb") as src, open(keep, "wb") as dst:
            dst.write(src.read())
        return keep


def _release_wal(target: Path):
    """Fold the target's WAL into it, so no old -wal file can be replayed onto the new one."""
    try:
        conn = sqlite3.connect(str(target), isolation_level=None, timeout=2)
        try:
            busy, _, _ = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return   # not a database we can open: nothing of ours to fold
    wal = Path(f"{target}-wal")
    if busy or wal.exists():
        raise WorkspaceError(f"Tệp dữ liệu “{target.name}” đang mở trong cửa sổ hoặc chương trình khác; "
                             "đóng lại rồi khôi phục.")


# ---- automatic backups -----------------------------------------------------------------
def backups_in(folder, slug: str | None = None) -> list[Path]:
    """Backup files in *folder* (of one unit when *slug* is given), oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = []
    for p in folder.iterdir():
        m = NAME_PATTERN.match(p.name)
        if m and (slug is None or m.group(1) == slug):
            found.append((m.group(3), int(m.group(4) or 1), p))
    return [p for _, _, p in sorted(found)]


KEEP_SETTING, FOLDER_SETTING, DEFAULT_KEEP = "backup.keep", "backup.folder", 10


def auto_backup(ws_or_path, folder=None, keep: int | None = None, *, daily: bool = False) -> Path | None:
    """Make a backup into *folder* and keep only the newest *keep* of this unit's files.

    For the window: on exit (``daily=False``) and once a day (``daily=True``: nothing is
    made when a backup of today is already there).  *folder* and *keep* default to the
    workspace settings ``backup.folder`` (else a folder beside the workspace, see
    :func:`default_backup_dir`) and ``backup.keep`` (else 10).  Returns the file made
    (None when skipped).
    """
    def settings(ws):
        return ws.unit(), ws.setting(FOLDER_SETTING), ws.setting(KEEP_SETTING), ws.path

    if isinstance(ws_or_path, Workspace):
        unit, saved_folder, saved_keep, ws_path = settings(ws_or_path)
    else:
        with Workspace.open(ws_or_path) as ws:
            unit, saved_folder, saved_keep, ws_path = settings(ws)
    folder = Path(folder or saved_folder or default_backup_dir(ws_path))
    try:
        keep = max(1, int(keep if keep is not None else saved_keep if saved_keep is not None else DEFAULT_KEEP))
    except (TypeError, ValueError):
        keep = DEFAULT_KEEP
    slug = unit_slug(unit["name"], unit["parent"])
    if daily:
        today = _dt.date.today().strftime("%Y%m%d")
        if any(NAME_PATTERN.match(p.name).group(3).startswith(today) for p in backups_in(folder, slug)):
            return None
    made = make_backup(ws_or_path, folder)
    existing = backups_in(folder, slug)
    for old in existing[:-keep]:
        if old != made:
            old.unlink(missing_ok=True)
    return made


def mail_text(info: BackupInfo, file: Path, period: str | None = None) -> tuple[str, str]:
    """(subject, body) of the e-mail that carries a backup upward; it names *period* (the one
    being sent), else the file's last period."""
    from .vnformat import format_date

    labels = []
    for code in info.periods:
        try:
            labels.append(periods.parse_code(code).label)
        except periods.PeriodError:
            labels.append(code)
    last = labels[-1] if labels else "chưa có kỳ"
    if period in info.periods:
        last = labels[list(info.periods).index(period)]
    subject = f"[CCHC] {info.unit_name} – số liệu cải cách hành chính {last}"
    made = _dt.datetime.fromisoformat(info.made_at)
    body = "\n".join([
        "Kính gửi: " + (info.parent or "cơ quan cấp trên") + ",",
        "",
        f"{info.unit_name} gửi tệp số liệu cải cách hành chính {last} "
        f"(tạo lúc {made:%H:%M} ngày {format_date(made.date())}).",
        "",
        f"Tệp đính kèm: {file.name}",
        f"Các kỳ trong tệp: {', '.join(labels) or 'không có'}",
        f"Mã kiểm tra (để biết tệp còn nguyên vẹn, không hỏng hay bị sửa trên đường gửi): {info.sha256}",
        f"Phiên bản chương trình: CCHC Desktop {info.program_version}",
        "",
        "Đề nghị mở tệp bằng chức năng “Tổng hợp” của CCHC Desktop (hoặc lệnh cchc consolidate).",
        "",
        "Trân trọng.",
    ])
    return subject, body


__all__ = ["BackupError", "BackupInfo", "DamagedBackup", "NotABackup", "TooLargeBackup", "TooNewBackup",
           "UnsafeBackup", "auto_backup", "backup_name", "backups_in", "default_backup_dir", "file_bytes", "file_digest",
           "backup_info", "load_backup", "make_backup", "open_untrusted",
           "untrusted_connection", "verify_open", "mail_text", "read_backup", "restore", "seal", "verify", "now"]
