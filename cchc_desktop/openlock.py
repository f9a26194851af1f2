"""Who has a workspace open for editing: one process at a time.

A lock file beside the workspace (``.NAME.cchc.lock``) holds an operating-system lock for as
long as the file is open for editing, and says who holds it (login name, computer, process,
since when).  The OS releases the lock when the process ends in any way, crash and
``kill -9`` included, so a lock file left behind is stale by construction: the next one
simply takes it.  (``flock`` on POSIX; on Windows ``msvcrt.locking`` on one byte far past
the text, since Windows locks are mandatory and would hide the text from the reader.)

Nothing here decides what to do with a refusal: :class:`store.Workspace` raises
:class:`WorkspaceInUse` and the window offers to open the file read-only.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
from pathlib import Path

_LOCK_AT = 1 << 20   # the byte locked on Windows, beyond the holder's text


def lock_path(path) -> Path:
    path = Path(path)
    return path.with_name(f".{path.name}.lock")


def host_name() -> str:
    """This computer's name, as the lock file records it.  Not socket.gethostname(): importing
    socket costs ~3 ms on the window's start, where the lock is taken."""
    if hasattr(os, "uname"):
        return os.uname().nodename
    return os.environ.get("COMPUTERNAME", "")


class Holder:
    """Who holds a workspace: {user, host, pid, since} as written in the lock file."""

    def __init__(self, data: dict | None):
        data = data if isinstance(data, dict) else {}
        self.user = str(data.get("user") or "")
        self.host = str(data.get("host") or "")
        self.pid = data.get("pid")
        self.since = str(data.get("since") or "")

    def text(self) -> str:
        """“nva (máy PC-VANPHONG, từ 08:15 ngày 02/12/2026)”, or a general phrase."""
        who = self.user or "một người dùng khác"
        where = []
        if self.host and self.host != host_name():
            where.append(f"máy {self.host}")
        elif self.host:
            where.append("trên máy này")
        try:
            t = _dt.datetime.fromisoformat(self.since)
            where.append(f"từ {t:%H:%M} ngày {t:%d/%m/%Y}")
        except ValueError:
            pass
        return who + (f" ({', '.join(where)})" if where else "")


class OpenLock:
    """The lock of one workspace, held from :meth:`acquire` until :meth:`release`."""

    def __init__(self, path):
        self.path = lock_path(path)
        self.fd: int | None = None

    def acquire(self, user: str) -> Holder | None:
        """Take the lock; None when taken (or when the folder cannot hold a lock file, e.g.
        read-only media, where nobody else can write either), else who holds it."""
        for _ in range(3):
            try:
                fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
            except OSError:
                return None
            got = _try_lock(fd)
            if got is None:   # the file system has no locks (some network shares): work without
                os.close(fd)
                return None
            if not got:
                holder = _read(fd)
                os.close(fd)
                return holder
            if _same_file(fd, self.path):
                break
            os.close(fd)   # the holder deleted the file between our open and lock: again
        else:
            return None
        self.fd = fd
        text = json.dumps({"user": user, "host": host_name(), "pid": os.getpid(),
                           "since": _dt.datetime.now().isoformat(timespec="seconds")}, ensure_ascii=False)
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, text.encode("utf-8"))
        except OSError:
            pass   # the lock is what counts; the text only names the holder
        return None

    def release(self):
        if self.fd is None:
            return
        fd, self.fd = self.fd, None
        try:
            if os.name != "nt":
                self.path.unlink(missing_ok=True)   # while still locked: no one can take a deleted file
        except OSError:
            pass
        _unlock(fd)
        os.close(fd)
        if os.name == "nt":
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass   # another process opened it meanwhile: it takes the lock itself


def holder_of(path) -> Holder | None:
    """Who holds *path* open for editing now (None: nobody)."""
    p = lock_path(path)
    try:
        fd = os.open(p, os.O_RDWR | getattr(os, "O_BINARY", 0))
    except OSError:
        return None
    try:
        got = _try_lock(fd)
        if got:
            _unlock(fd)
        if got is not False:
            return None
        return _read(fd)
    finally:
        os.close(fd)


def _read(fd: int) -> Holder:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        data = os.read(fd, 4096)
        return Holder(json.loads(data.decode("utf-8")))
    except (OSError, ValueError):
        return Holder(None)


def _same_file(fd: int, path: Path) -> bool:
    try:
        a, b = os.fstat(fd), os.stat(path)
    except OSError:
        return False
    return (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino) or os.name == "nt"


if os.name == "nt":   # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(fd: int) -> bool | None:
        """True: taken; False: another holds it; None: locks do not work here."""
        os.lseek(fd, _LOCK_AT, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:   # EACCES from the CRT (errno 0 under wine): another handle holds it
            return False

    def _unlock(fd: int):
        try:
            os.lseek(fd, _LOCK_AT, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
else:
    import fcntl

    def _try_lock(fd: int) -> bool | None:
        """True: taken; False: another holds it; None: locks do not work here."""
        import errno
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            return False if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES) else None

    def _unlock(fd: int):
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        except OSError:
            pass
