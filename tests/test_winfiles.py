"""Replacing a file the way Windows allows it (cchc_desktop/winfiles.py), here on Linux by
making os.replace refuse as Windows does while another handle holds the target open.
tests/test_installer.py shows the same with the real refusal under wine."""
from __future__ import annotations

import os

import pytest

from cchc_desktop import backup, winfiles
from cchc_desktop.store import Workspace, WorkspaceError


@pytest.fixture
def held(monkeypatch):
    """os.replace refusing the first *n* renames onto the workspace like Windows (WinError 32)."""
    real = os.replace
    state = {"refusals": 0, "left": 0, "slept": []}

    def replace(src, dst):
        if str(dst).endswith(".cchc") and state["left"]:
            state["left"] -= 1
            state["refusals"] += 1
            raise PermissionError(13, "The process cannot access the file because it is being used by another process",
                                  str(src), 32, str(dst))
        return real(src, dst)

    monkeypatch.setattr(winfiles.os, "replace", replace)
    monkeypatch.setattr(winfiles.time, "sleep", state["slept"].append)
    monkeypatch.setattr(winfiles, "WINDOWS", True)
    return state


def _figure(path):
    with Workspace.open(path) as ws:
        return ws.conn.execute("SELECT value FROM entries WHERE key = 'plan.tasks_planned'").fetchone()[0]


def _change_and_back_up(path, tmp_path):
    made = backup.make_backup(path, tmp_path / "sao lưu")
    with Workspace.open(path) as ws:
        ws.set_value("2022-H1", "plan.tasks_planned", 45)
    assert _figure(path) == 45
    return made


def test_restore_waits_out_a_brief_hold(demo_path, tmp_path, held):
    made = _change_and_back_up(demo_path, tmp_path)
    held["left"] = 3                       # an antivirus scan letting go after three tries
    backup.restore(made, demo_path)
    assert held["refusals"] == 3 and held["slept"] == list(winfiles.PAUSES[:3])
    assert _figure(demo_path) == 44


def test_restore_onto_a_file_held_open_says_so_and_leaves_it(demo_path, tmp_path, held):
    made = _change_and_back_up(demo_path, tmp_path)
    before = demo_path.read_bytes()
    held["left"] = 100                     # another window keeps the workspace open
    with pytest.raises(WorkspaceError) as err:
        backup.restore(made, demo_path)
    assert "đang mở" in str(err.value) and demo_path.name in str(err.value)
    assert held["refusals"] == len(winfiles.PAUSES) + 1 and sum(held["slept"]) <= 2.5
    assert demo_path.read_bytes() == before
    assert not list(demo_path.parent.glob(f".{demo_path.name}.restore-*"))    # no half-made file left


def test_elsewhere_a_refused_rename_is_not_retried(tmp_path, monkeypatch):
    calls = []

    def refuse(src, dst):
        calls.append(dst)
        raise PermissionError(13, "Permission denied")
    monkeypatch.setattr(winfiles.os, "replace", refuse)
    monkeypatch.setattr(winfiles, "WINDOWS", False)
    with pytest.raises(PermissionError):
        winfiles.replace(tmp_path / "a", tmp_path / "b")
    assert len(calls) == 1
