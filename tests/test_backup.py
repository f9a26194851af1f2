"""Backups: consistent, self-contained, named in ASCII, checked, rotated; a kill leaves the workspace whole."""
from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from cchc_desktop import __version__, backup, migrations, rollup
from cchc_desktop.slug import ascii_fold, unit_slug
from cchc_desktop.store import Workspace

ROOT = Path(__file__).resolve().parents[1]


def test_slug_strips_marks_and_level_words():
    assert unit_slug("UBND phường 2", "UBND thị xã Quảng Trị") == "phuong-2-quang-tri"
    assert unit_slug("Ủy ban nhân dân xã Hải Lệ", "UBND thành phố Đông Hà") == "xa-hai-le-dong-ha"
    assert unit_slug("Tổng hợp") == "tong-hop"
    assert ascii_fold("Đảng ủy Quảng Trị") == "Dang uy Quang Tri"


def test_backup_is_one_checked_file_named_for_unit_and_period(demo_ws, tmp_path):
    made = dt.datetime(2022, 6, 15, 9, 30)
    path = backup.make_backup(demo_ws, tmp_path / "out", made_at=made)
    assert path.name == "CCHC_phuong-2-quang-tri_2022-H1_20220615-0930.sqlite"
    assert path.name.isascii()
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name]   # no -wal, no temp file
    head = path.read_bytes()[:100]
    assert head[18] == 1 and head[19] == 1          # rollback journal, not WAL: self-contained
    info = backup.verify(path)
    assert (info.unit_name, info.parent) == ("UBND phường 2", "UBND thị xã Quảng Trị")
    assert info.periods == ("2022-H1",)
    assert info.program_version == __version__
    assert info.schema_version == migrations.latest_version()
    assert info.made_at == "2022-06-15T09:30:00"
    assert len(info.sha256) == 64
    assert info.size == path.stat().st_size
    # the unit's figures travel as its roll-up gave them
    assert info.figures["2022-H1"] == {k: v for k, v in rollup.plain_values(demo_ws, "2022-H1").items()
                                       if v is not None}
    # with where each came from when it was not typed (the receiver re-derives derived ones)
    cells = rollup.values(demo_ws, "2022-H1")
    assert info.sources["2022-H1"] == {k: c.source for k, c in cells.items()
                                       if c.value is not None and c.source != rollup.TYPED}
    assert rollup.DERIVED in info.sources["2022-H1"].values()
    # the workspace itself keeps the backup tables empty
    assert demo_ws.conn.execute("SELECT count(*) FROM backup_info").fetchone()[0] == 0


def test_backup_while_the_window_holds_the_workspace_open(demo_path, tmp_path):
    window = Workspace.open(demo_path)                 # the window's connection, with WAL content
    window.set_value("2022-H1", "dossier.received_total", 2400)
    try:
        path = backup.make_backup(demo_path, tmp_path)   # another connection, as the CLI would
        info = backup.verify(path)
        assert info.figures["2022-H1"]["dossier.received_total"] == 2400
        with window.operation("đang ghi"):
            with pytest.raises(backup.WorkspaceError, match="ghi xong"):
                backup.make_backup(window, tmp_path)
    finally:
        window.close()


def test_zipped_backup_verifies_and_names(demo_ws, tmp_path):
    path = backup.make_backup(demo_ws, tmp_path, zip=True, made_at=dt.datetime(2022, 6, 15, 9, 30))
    assert path.name == "CCHC_phuong-2-quang-tri_2022-H1_20220615-0930.zip"
    with zipfile.ZipFile(path) as zf:
        assert zf.namelist() == ["CCHC_phuong-2-quang-tri_2022-H1_20220615-0930.sqlite"]
    assert backup.verify(path).unit_name == "UBND phường 2"


def test_any_changed_row_breaks_the_digest(demo_ws, tmp_path):
    path = backup.make_backup(demo_ws, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE entries SET value = value + 1 WHERE key = 'plan.tasks_planned'")
    conn.commit()
    conn.close()
    with pytest.raises(backup.DamagedBackup, match="không khớp mã kiểm tra SHA-256"):
        backup.verify(path)


def test_audit_is_covered_by_the_digest(demo_ws, tmp_path):
    path = backup.make_backup(demo_ws, tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM audit WHERE id = (SELECT max(id) FROM audit)")
    conn.commit()
    conn.close()
    with pytest.raises(backup.DamagedBackup):
        backup.verify(path)


def test_digest_is_sha256_of_the_bytes_with_the_placeholder(demo_ws, tmp_path):
    import hashlib
    path = backup.make_backup(demo_ws, tmp_path)
    info = backup.verify(path)
    data = path.read_bytes()
    assert data.count(info.sha256.encode()) == 1
    plain = data.replace(info.sha256.encode(), backup.PLACEHOLDER.encode())
    assert hashlib.sha256(plain).hexdigest() == info.sha256
    # one flipped byte anywhere, even in free space, is detected
    damaged = bytearray(data)
    damaged[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(damaged))
    with pytest.raises(backup.BackupError):
        backup.verify(path)


def test_a_workspace_is_not_a_backup(demo_path):
    with pytest.raises(backup.NotABackup, match="không phải tệp sao lưu"):
        backup.verify(demo_path)


def test_auto_backup_rotates_and_runs_once_a_day(demo_path, tmp_path):
    folder = tmp_path / "auto"
    made = [backup.auto_backup(demo_path, folder, keep=3) for _ in range(5)]
    left = backup.backups_in(folder)
    assert left == made[-3:]
    assert all(p.exists() for p in made[-3:]) and not any(p.exists() for p in made[:2])
    assert backup.auto_backup(demo_path, folder, keep=3, daily=True) is None
    other = folder / "ghi-chu.txt"
    other.write_text("không phải tệp sao lưu", encoding="utf-8")
    backup.auto_backup(demo_path, folder, keep=1)
    assert len(backup.backups_in(folder)) == 1 and other.exists()


def test_auto_backup_defaults_come_from_the_settings(demo_ws, tmp_path):
    made = backup.auto_backup(demo_ws)
    assert made.parent == backup.default_backup_dir(demo_ws.path)
    demo_ws.set_setting(backup.FOLDER_SETTING, str(tmp_path / "chon"))
    demo_ws.set_setting(backup.KEEP_SETTING, 2)
    for _ in range(3):
        backup.auto_backup(demo_ws)
    assert len(backup.backups_in(tmp_path / "chon")) == 2


def test_cli_backup_prints_the_file(demo_path, tmp_path, capsys):
    from cchc_desktop.cli import main
    assert main(["backup", "--db", str(demo_path), "--out", str(tmp_path / "gui")]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed.exists() and printed.parent == tmp_path / "gui"
    assert backup.verify(printed).periods == ("2022-H1",)


def test_cli_backup_of_a_missing_workspace_fails_cleanly(tmp_path, capsys):
    from cchc_desktop.cli import main
    assert main(["backup", "--db", str(tmp_path / "khong-co.cchc"), "--out", str(tmp_path)]) == 1
    assert "Không tìm thấy" in capsys.readouterr().err
    assert not list(tmp_path.glob("*.sqlite"))


def _run_killed(args, step, env_extra=None):
    """Run ``cchc ARGS`` pausing at each step; SIGKILL it when *step* starts."""
    env = dict(os.environ, CCHC_TEST_PAUSE="30", CCHC_TEST_PAUSE_AT=step, PYTHONPATH=str(ROOT),
               **(env_extra or {}))
    proc = subprocess.Popen([sys.executable, "-m", "cchc_desktop.cli", *args], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seen = []
    try:
        for line in proc.stderr:
            if line.startswith("STEP "):
                seen.append(line.split()[1])
                if seen[-1] == step:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
    finally:
        proc.wait(timeout=60)
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL, (seen, proc.returncode)
    return seen


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("step", ["copy", "figures", "verify", "rename"])
def test_killed_backup_leaves_the_workspace_whole(demo_path, tmp_path, step):
    ws = Workspace.open(demo_path)
    ws.set_value("2022-H1", "dossier.received_total", 2500)
    expected = ws.typed_values("2022-H1")
    ws.close()
    out = tmp_path / "out"
    _run_killed(["backup", "--db", str(demo_path), "--out", str(out)], step)
    with Workspace.open(demo_path) as again:
        assert again.typed_values("2022-H1") == expected
        assert again.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # no file under a backup's name that is not whole; an old leftover goes at the next backup
    assert not backup.backups_in(out)
    for left in out.glob(".cchc-backup-*"):
        os.utime(left, (time.time() - 7200, time.time() - 7200))
    path = backup.make_backup(demo_path, out)   # and the next backup works
    assert backup.verify(path).figures["2022-H1"]["dossier.received_total"] == 2500
    assert sorted(p.name for p in out.iterdir()) == [path.name]
