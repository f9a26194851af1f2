"""Issue 13, the workspace file: undo respects the lock, one process edits a file at a time,
every saved value is in the .cchc itself, a busy file names who holds it."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc_desktop import openlock, store
from cchc_desktop.store import PeriodLocked, ReadOnlyWorkspace, Workspace, WorkspaceError, WorkspaceInUse

ROOT = Path(__file__).resolve().parents[1]


# ---- undo and the lock -----------------------------------------------------------------
def test_undo_and_redo_never_change_a_finalised_period(ws):
    ws.add_period("2022-H1")
    ws.save_detail_row("2022-H1", "dossiers_by_field", "Hộ tịch", {"received_total": "5"})
    ws.save_section("2022-H1", "I", "Kết quả nổi bật")
    ws.set_value("2022-H1", "inspection.rounds", 2)
    ws.undo()   # leaves something to redo
    ws.set_status("2022-H1", "final")
    before = (ws.detail_rows("2022-H1", "dossiers_by_field"), ws.sections("2022-H1"), ws.typed_values("2022-H1"))
    with pytest.raises(PeriodLocked):
        ws.undo()     # the report section (before: removed while the period stayed final)
    with pytest.raises(PeriodLocked):
        ws.redo()     # the figure undone before finalising
    assert (ws.detail_rows("2022-H1", "dossiers_by_field"), ws.sections("2022-H1"), ws.typed_values("2022-H1")) == before
    ws.set_status("2022-H1", "draft", "sửa lỗi")
    assert ws.undo() is not None and ws.sections("2022-H1") == {}


def test_undo_of_adding_a_period_that_is_now_final_is_refused(ws):
    ws.add_period("2022-Q1")
    ws.set_status("2022-Q1", "final")
    with pytest.raises(PeriodLocked):
        ws.undo()
    assert ws.find_period("2022-Q1") is not None


# ---- one process edits a file at a time --------------------------------------------------
def test_a_second_editor_is_told_who_has_the_file_open_and_may_look(demo_path):
    first = Workspace.open(demo_path, exclusive=True)
    try:
        with pytest.raises(WorkspaceInUse) as err:
            Workspace.open(demo_path, exclusive=True)
        assert first.user in str(err.value) and "chỉ để xem" in str(err.value)
        assert err.value.holder.user == first.user
        viewer = Workspace.open(demo_path, readonly=True)
        try:
            first.set_value("2022-H1", "inspection.rounds", 9)
            assert viewer.typed_values("2022-H1")["inspection.rounds"] == 9   # sees the saved value
            with pytest.raises(ReadOnlyWorkspace, match="chỉ để xem"):
                viewer.set_value("2022-H1", "inspection.rounds", 1)
            with pytest.raises(ReadOnlyWorkspace):
                viewer.undo() if viewer.can_undo() else viewer.set_setting("x", 1)
        finally:
            viewer.close()
    finally:
        first.close()
    # closed: the next one edits, and no lock file is left behind
    Workspace.open(demo_path, exclusive=True).close()
    assert not openlock.lock_path(demo_path).exists()


HOLD = """
import sys, time
from cchc_desktop.store import Workspace
ws = Workspace.open(sys.argv[1], exclusive=True)
print("open", flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_lock_left_by_a_killed_process_is_not_held(demo_path):
    env = dict(os.environ, PYTHONPATH=str(ROOT), USER="nguoi-khac")
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(demo_path)], stdout=subprocess.PIPE, env=env, text=True)
    try:
        assert proc.stdout.readline().strip() == "open"
        with pytest.raises(WorkspaceInUse, match="nguoi-khac"):
            Workspace.open(demo_path, exclusive=True)
        assert openlock.holder_of(demo_path).user == "nguoi-khac"
        # a command-line change to the file the window edits is refused, naming the window's user
        with Workspace.open(demo_path) as other:
            with pytest.raises(WorkspaceInUse, match="nguoi-khac"):
                other.set_value("2022-H1", "inspection.rounds", 8)
        r = subprocess.run([sys.executable, "-m", "cchc_desktop.cli", "values", "import", "--db", str(demo_path),
                            "--period", "2022-H1", str(_csv(demo_path))], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                           capture_output=True, text=True)
        assert r.returncode == 1 and "nguoi-khac" in r.stderr and "Traceback" not in r.stderr
    finally:
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    assert openlock.lock_path(demo_path).exists()   # the stale file is still there…
    assert openlock.holder_of(demo_path) is None     # …but nobody holds it
    with Workspace.open(demo_path, exclusive=True) as ws:
        ws.set_value("2022-H1", "inspection.rounds", 4)


# ---- every saved value is in the .cchc itself --------------------------------------------
def test_a_copy_of_the_bare_file_taken_while_open_holds_every_saved_value(demo_path, tmp_path):
    with Workspace.open(demo_path, exclusive=True) as ws:
        ws.set_value("2022-H1", "inspection.rounds", 17)
        shutil.copy(demo_path, tmp_path / "usb.cchc")     # the file alone, nothing beside it
        assert not Path(f"{demo_path}-wal").exists()
    with Workspace.open(tmp_path / "usb.cchc") as copy:
        assert copy.typed_values("2022-H1")["inspection.rounds"] == 17


def test_an_old_wal_workspace_becomes_one_file_when_opened(demo_path):
    conn = sqlite3.connect(demo_path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()
    with Workspace.open(demo_path) as ws:
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"


# ---- a file another process is writing -----------------------------------------------------
def test_database_is_locked_waits_then_names_who_holds_it(demo_path, monkeypatch, capsys):
    monkeypatch.setattr(store, "BUSY_TIMEOUT", 0.3)
    holder = Workspace.open(demo_path, exclusive=True)
    other = sqlite3.connect(demo_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")   # another process in the middle of a write
    try:
        # the holder's window: waits, then says so, figures unchanged
        t = time.perf_counter()
        with pytest.raises(WorkspaceError, match="đã chờ") as err:
            holder.set_value("2022-H1", "inspection.rounds", 3)
        assert time.perf_counter() - t >= 0.25
        assert "một chương trình khác" in str(err.value)   # not itself: the holder of the lock is this window
        # the command line, beside the window: refused at once, naming who has the file open
        env = dict(os.environ, PYTHONPATH=str(ROOT), CCHC_BUSY_TIMEOUT="0.3")
        args = [sys.executable, "-m", "cchc_desktop.cli", "values", "import", "--db", str(demo_path),
                "--period", "2022-H1", str(_csv(demo_path))]
        proc = subprocess.run(args, env=env, capture_output=True, text=True)
        assert proc.returncode == 1
        assert "database is locked" not in proc.stderr and f"trong cửa sổ của {holder.user}" in proc.stderr
        # without a window, another program in the middle of a write: waits, then says so
        holder.close()
        proc = subprocess.run(args, env=env, capture_output=True, text=True)
        assert proc.returncode == 1 and "Traceback" not in proc.stderr
        assert "database is locked" not in proc.stderr and "đã chờ 0,3 giây" in proc.stderr
    finally:
        other.execute("ROLLBACK")
        other.close()
        holder.close()


def _csv(near: Path) -> Path:
    p = near.with_name("v.csv")
    p.write_text("key,value\ninspection.rounds,5\n", encoding="utf-8")
    return p
