"""Restore: verified first, the current state saved, replaced in one rename; a kill leaves old or new whole."""
from __future__ import annotations

import os
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop import backup
from cchc_desktop.cli import main
from cchc_desktop.store import Workspace

from test_backup import _run_killed


@pytest.fixture
def saved(demo_path, tmp_path):
    """(workspace path, backup file, values in the backup, values after a later change)."""
    with Workspace.open(demo_path) as ws:
        before = ws.typed_values("2022-H1")
        path = backup.make_backup(ws, tmp_path / "gui")
        ws.set_values("2022-H1", [("dossier.received_total", 9999), ("plan.tasks_planned", 1)])
        after = ws.typed_values("2022-H1")
    assert before != after
    return demo_path, path, before, after


def test_restore_brings_back_the_backup_and_saves_the_current_state(saved, tmp_path):
    ws_path, path, before, after = saved
    old_state = backup.restore(path, ws_path)
    with Workspace.open(ws_path) as ws:
        assert ws.typed_values("2022-H1") == before
        assert ws.conn.execute("SELECT count(*) FROM backup_info").fetchone()[0] == 0
        assert ws.conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert old_state.parent == backup.default_backup_dir(ws_path)
    assert backup.verify(old_state).figures["2022-H1"]["dossier.received_total"] == 9999
    assert not list(ws_path.parent.glob(".*restore*"))


def test_restore_from_zip(saved, tmp_path):
    ws_path, _, before, _ = saved
    with Workspace.open(ws_path) as ws:
        ws.set_values("2022-H1", [(k, v) for k, v in before.items()])
        zipped = backup.make_backup(ws, tmp_path / "z", zip=True)
        ws.set_value("2022-H1", "plan.tasks_planned", 2)
    backup.restore(zipped, ws_path)
    with Workspace.open(ws_path) as ws:
        assert ws.typed_values("2022-H1") == before


def test_restore_into_a_new_file(saved, tmp_path):
    _, path, before, _ = saved
    target = tmp_path / "moi" / "khoi-phuc.cchc"
    target.parent.mkdir()
    assert backup.restore(path, target) is None
    with Workspace.open(target) as ws:
        assert ws.typed_values("2022-H1") == before


def test_bad_file_is_refused_and_the_workspace_untouched(saved, tmp_path, capsys):
    ws_path, path, _, _ = saved
    bad = tmp_path / "hong.sqlite"
    bad.write_bytes(path.read_bytes()[:8192])
    snapshot = ws_path.read_bytes()
    assert main(["restore", "--db", str(ws_path), str(bad)]) == 1
    assert "cắt cụt" in capsys.readouterr().err
    assert ws_path.read_bytes() == snapshot
    assert not backup.default_backup_dir(ws_path).exists()


def test_restore_refused_while_the_workspace_is_open(saved):
    ws_path, path, _, after = saved
    window = Workspace.open(ws_path, exclusive=True)   # as the window opens it
    try:
        window.set_value("2022-H1", "plan.tasks_planned", 3)
        with pytest.raises(backup.WorkspaceError, match="đang mở"):
            backup.restore(path, ws_path)
    finally:
        window.close()
    with Workspace.open(ws_path) as ws:
        assert ws.typed_values("2022-H1")["plan.tasks_planned"] == 3


def test_cli_restore(saved, capsys):
    ws_path, path, before, _ = saved
    assert main(["restore", "--db", str(ws_path), str(path)]) == 0
    err = capsys.readouterr().err
    assert "Đã khôi phục UBND phường 2" in err and "Đã sao lưu trạng thái cũ" in err
    with Workspace.open(ws_path) as ws:
        assert ws.typed_values("2022-H1") == before


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("step", ["backup-current", "copy", "rename"])
def test_killed_restore_leaves_old_or_new_whole(saved, step):
    ws_path, path, before, after = saved
    _run_killed(["restore", "--db", str(ws_path), str(path)], step)
    with Workspace.open(ws_path) as ws:
        values = ws.typed_values("2022-H1")
        assert values in (before, after)
        assert values == after    # every step above comes before the rename
        assert ws.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    backup.restore(path, ws_path)   # a leftover temporary file does not stop the next restore
    with Workspace.open(ws_path) as ws:
        assert ws.typed_values("2022-H1") == before
    assert not list(Path(ws_path).parent.glob(".*restore*"))


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_killed_right_after_the_rename_gives_the_new_workspace(saved, monkeypatch):
    """The step after the rename: the new workspace, whole (fsync of the folder pending)."""
    ws_path, path, before, _ = saved
    real_sync = backup._fsync_dir

    def stop_after_rename(folder):
        if Path(folder) == Path(ws_path).parent:   # the step right after os.replace
            raise KeyboardInterrupt                # stands for the process dying there
        real_sync(folder)

    monkeypatch.setattr(backup, "_fsync_dir", stop_after_rename)
    with pytest.raises(KeyboardInterrupt):
        backup.restore(path, ws_path)
    monkeypatch.undo()
    with Workspace.open(ws_path) as ws:
        assert ws.typed_values("2022-H1") == before
    conn = sqlite3.connect(ws_path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
