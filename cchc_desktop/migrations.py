"""Schema upgrades: the numbered SQL files of ``db/`` applied in one exclusive transaction.

``PRAGMA user_version`` records the last file applied, so opening a file twice is safe; a
file from a newer program (higher version) is refused rather than damaged.  There is one
copy of the schema: the migrations themselves (a fresh workspace replays them all).
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from .paths import migrations_dir

APPLICATION_ID = 0x43434843  # "CCHC"
_NAME = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")


class SchemaError(Exception):
    """A file that is not a workspace of ours, or is too new; the message is Vietnamese."""


class SchemaTooNew(SchemaError):
    """A workspace of ours made by a newer program (a higher schema version)."""


@lru_cache(maxsize=1)
def available() -> tuple[tuple[int, Path], ...]:
    """(version, file) for every migration, in order."""
    found = []
    for path in migrations_dir().iterdir():
        m = _NAME.match(path.name)
        if m:
            found.append((int(m.group(1)), path))
    found.sort()
    versions = [v for v, _ in found]
    if len(set(versions)) != len(versions):
        raise RuntimeError(f"two migrations share a number: {versions}")
    return tuple(found)


def latest_version() -> int:
    return available()[-1][0]


def check(conn: sqlite3.Connection) -> int:
    """The file's schema version; raises SchemaError when it is not ours or too new."""
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    return check_ids(app_id, version, lambda: conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0])


def check_ids(app_id: int, version: int, count_entries) -> int:
    """:func:`check` on the header's application id and user version (*count_entries*
    gives the number of schema entries, asked only when both are 0)."""
    if app_id == 0 and version == 0:
        if count_entries():
            raise SchemaError("Tệp này là cơ sở dữ liệu của chương trình khác, không phải tệp dữ liệu CCHC.")
        return 0
    if app_id != APPLICATION_ID:
        raise SchemaError("Tệp này là cơ sở dữ liệu của chương trình khác, không phải tệp dữ liệu CCHC.")
    if version > latest_version():
        raise SchemaTooNew(
            f"Tệp dữ liệu được tạo bởi phiên bản chương trình mới hơn (cấu trúc số {version}, "
            f"phiên bản này chỉ đọc được đến số {latest_version()}). Hãy cập nhật chương trình.")
    return version


def upgrade(conn: sqlite3.Connection, target: int | None = None) -> int:
    """Apply the migrations the file lacks, all in one transaction; returns the new version."""
    current = check(conn)
    target = latest_version() if target is None else target
    pending = [(v, p) for v, p in available() if current < v <= target]
    if not pending:
        return current
    script = ["BEGIN EXCLUSIVE;"]
    if current == 0:
        script.append(f"PRAGMA application_id = {APPLICATION_ID};")
    for version, path in pending:
        script.append(path.read_text(encoding="utf-8"))
    script.append(f"PRAGMA user_version = {pending[-1][0]};")
    script.append("COMMIT;")
    try:
        conn.executescript("\n".join(script))
    except Exception:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return pending[-1][0]
