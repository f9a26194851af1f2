"""The workspace file: schema, migrations, audit, undo, locking."""
import sqlite3
import subprocess
import sys

import pytest

from cchc_desktop import migrations
from cchc_desktop.store import PeriodLocked, Workspace, WorkspaceError


def test_new_workspace_is_ours(tmp_path):
    path = tmp_path / "a.cchc"
    Workspace.create(path, name="UBND xã A").close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    assert conn.execute("PRAGMA user_version").fetchone()[0] == migrations.latest_version()
    # a rollback journal: every saved value is in the file itself (issue 13, bench/bench_journal.py)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()


def test_older_schema_opens_with_its_data(tmp_path):
    """A file made by schema 1 (before the registers) opens in the newest one, data intact."""
    path = tmp_path / "old.cchc"
    conn = sqlite3.connect(path, isolation_level=None)
    migrations.upgrade(conn, target=1)
    conn.execute("INSERT INTO unit (id, name, created_at) VALUES (1, 'UBND xã Cũ', '2022-01-01')")
    conn.execute("INSERT INTO periods (code, kind, year, window_from, window_to, created_at) "
                 "VALUES ('2022-H1', 'H1', 2022, '2021-12-15', '2022-06-14', '2022-01-01')")
    conn.execute("INSERT INTO entries VALUES (1, 'dossier.received_total', 2297, NULL, '2022-06-01', 'x')")
    conn.close()
    with Workspace.open(path) as ws:
        assert ws.schema_version == migrations.latest_version() > 1
        assert ws.unit()["name"] == "UBND xã Cũ"
        assert ws.typed_values("2022-H1") == {"dossier.received_total": 2297}
        assert ws.documents() == []          # a table of schema 2 is there


def test_replayed_migrations_match_a_fresh_file(tmp_path):
    def tables(p):
        c = sqlite3.connect(p)
        rows = sorted(c.execute("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
        c.close()
        return rows
    a, b = tmp_path / "a.db", tmp_path / "b.db"
    c = sqlite3.connect(a, isolation_level=None)
    migrations.upgrade(c, target=1)
    migrations.upgrade(c)
    c.close()
    c = sqlite3.connect(b, isolation_level=None)
    migrations.upgrade(c)
    c.close()
    assert tables(a) == tables(b)


def test_newer_and_foreign_files_are_refused(tmp_path):
    newer = tmp_path / "newer.cchc"
    Workspace.create(newer, name="UBND xã A").close()
    c = sqlite3.connect(newer)
    c.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    c.close()
    with pytest.raises(WorkspaceError, match="mới hơn"):
        Workspace.open(newer)
    foreign = tmp_path / "other.db"
    c = sqlite3.connect(foreign)
    c.execute("CREATE TABLE t (x)")
    c.close()
    with pytest.raises(WorkspaceError, match="chương trình khác"):
        Workspace.open(foreign)
    junk = tmp_path / "junk.cchc"
    junk.write_bytes(b"not a database at all" * 100)
    with pytest.raises(WorkspaceError, match="hỏng"):
        Workspace.open(junk)


def test_values_are_audited_and_undoable(ws):
    ws.add_period("2023-H1")
    ws.set_value("2023-H1", "dossier.received_total", "3.135")
    ws.set_value("2023-H1", "dossier.received_total", "3.175")
    assert ws.typed_values("2023-H1")["dossier.received_total"] == 3175
    log = ws.audit("2023-H1", "dossier.received_total")
    assert [(r["old"], r["new"]) for r in log] == [("3135", "3175"), (None, "3135")]
    assert log[0]["user"]
    ws.undo()
    assert ws.typed_values("2023-H1")["dossier.received_total"] == 3135
    ws.redo()
    assert ws.typed_values("2023-H1")["dossier.received_total"] == 3175
    ws.undo(); ws.undo()
    assert "dossier.received_total" not in ws.typed_values("2023-H1")
    assert ws.audit("2023-H1", "dossier.received_total")[0]["action"] == "undo"


def test_bad_values_are_refused_and_nothing_written(ws):
    ws.add_period("2023-H1")
    with pytest.raises(WorkspaceError, match="Tổng số hồ sơ đã tiếp nhận"):
        ws.set_values("2023-H1", [("dossier.pending", "4"), ("dossier.received_total", "12a")])
    assert ws.typed_values("2023-H1") == {}
    with pytest.raises(WorkspaceError, match="không có trong danh mục"):
        ws.set_value("2023-H1", "no.such_key", "1")
    with pytest.raises(WorkspaceError, match="danh sách mã"):
        ws.set_value("2023-H1", "survey.method", "5")


def test_finalised_period_is_read_only_until_unlocked_with_reason(ws):
    ws.add_period("2023-H1")
    ws.set_value("2023-H1", "dossier.pending", "4")
    ws.set_status("2023-H1", "final")
    p = ws.period("2023-H1")
    assert p.status == "final" and p.finalised_by and p.finalised_at
    with pytest.raises(PeriodLocked):
        ws.set_value("2023-H1", "dossier.pending", "5")
    with pytest.raises(WorkspaceError, match="lý do"):
        ws.set_status("2023-H1", "draft")
    ws.set_status("2023-H1", "draft", reason="Sửa số hồ sơ tồn theo Phòng Nội vụ")
    ws.set_value("2023-H1", "dossier.pending", "5")
    assert any(r["action"] == "unlock" and "Phòng Nội vụ" in r["new"] for r in ws.audit("2023-H1"))


def test_detail_rows_feed_core_keys(ws):
    from cchc_desktop import rollup
    if not ws.catalogue.detail_tables:
        pytest.skip("no detail tables in the catalogue")
    table = ws.catalogue.detail_tables[0]
    fed = [c for c in table.columns if c.feeds]
    ws.add_period("2023-H1")
    ws.save_detail_row("2023-H1", table.name, "Hộ tịch", {fed[0].key: "10"})
    ws.save_detail_row("2023-H1", table.name, "Chứng thực", {fed[0].key: "1.205"})
    cell = rollup.values(ws, "2023-H1")[fed[0].feeds]
    assert cell.value == 1215 and cell.source == rollup.DETAIL


def test_documents_register_counts_by_window(ws):
    from cchc_desktop import rollup
    ws.add_period("2022-H1")
    ws.save_document("72/QĐ-UBND", "21/01/2022", "Quyết định", "Kế hoạch CCHC năm 2022", 1)
    ws.save_document("82/KH-UBND", "28/01/2022", "Kế hoạch", "Tuyên truyền CCHC", 1)
    ws.save_document("1069/QĐ-UBND", "31/12/2021", "Quyết định", "Kế hoạch 2021-2025", 1)
    ws.save_document("500/KH-UBND", "20/07/2022", "Kế hoạch", "Ngoài kỳ", 1)
    assert rollup.values(ws, "2022-H1")["direction.documents_issued"].value == 3


def test_core_imports_no_qt():
    code = ("import sys; import cchc_desktop.cli, cchc_desktop.store, cchc_desktop.rollup, "
            "cchc_desktop.values_io, cchc_desktop.demo, cchc_desktop.catalogue; "
            "bad=[m for m in sys.modules if m.startswith(('PySide6','reportlab','openpyxl','docx'))]; "
            "print(bad); sys.exit(1 if bad else 0)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_changing_a_period_keeps_its_figures(demo_ws):
    """Editing the report number or window must not cascade-delete the period's values."""
    before = demo_ws.typed_values("2022-H1")
    assert len(before) > 40
    demo_ws.update_period("2022-H1", report_number="5", window_to="15/06/2022")
    assert demo_ws.typed_values("2022-H1") == before
    assert demo_ws.period("2022-H1").report_number == "5"
    demo_ws.undo()
    assert demo_ws.period("2022-H1").report_number == "341"
    assert demo_ws.typed_values("2022-H1") == before
    demo_ws.update_unit(signer_name="Nguyễn Văn A")
    assert demo_ws.typed_values("2022-H1") == before


def test_unit_identity_made_with_the_file_and_for_older_files(tmp_path):
    """A unit is known by an id made with its file (db/007), never by its name."""
    a = Workspace.create(tmp_path / "a.cchc", name="UBND xã Hải Lệ")
    b = Workspace.create(tmp_path / "b.cchc", name="UBND xã Hải Lệ")
    uid_a, uid_b = a.unit()["uid"], b.unit()["uid"]
    a.close(); b.close()
    assert len(uid_a) == 32 and uid_a != uid_b
    # A file made before db/007 gets one id when it is upgraded, and keeps it.
    old = tmp_path / "old.cchc"
    conn = sqlite3.connect(old)
    migrations.upgrade(conn, target=6)
    conn.execute("INSERT INTO unit (id, name, created_at) VALUES (1, 'UBND phường 2', '2022-01-01')")
    conn.commit(); conn.close()
    with Workspace.open(old) as ws:
        first = ws.unit()["uid"]
    with Workspace.open(old) as ws:
        assert ws.unit()["uid"] == first and len(first) == 32


def test_listeners_learn_what_each_operation_changed(ws):
    """Each committed operation tells its listeners its label and the kinds of data it
    touched (store.Changes), so a window reloads only the pages that show them."""
    seen = []
    ws.listeners.append(seen.append)
    ws.add_period("2023-H1")
    ws.set_value("2023-H1", "inspection.rounds", 2)
    ws.save_document("12/KH-UBND", "2023-01-10", "Kế hoạch", "Kế hoạch CCHC năm 2023")
    ws.set_status("2023-H1", "final")
    ws.set_setting("backup.folder", "/tmp")
    kinds = [c.kinds for c in seen]
    assert "periods" in kinds[0]
    assert kinds[1] == {"entries"}
    assert kinds[2] == {"documents"}
    assert "periods" in kinds[3] and "entries" not in kinds[3]
    assert kinds[4] == {"settings"}
    assert seen[1].touches({"entries", "documents"}) and not seen[1].touches({"documents"})
    assert seen[4].touches(None)                       # a view of everything reloads on anything
    ws.undo()                                          # undo tells what it changed too
    assert seen[-1].kinds == {"documents"}
