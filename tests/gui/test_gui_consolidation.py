"""The consolidation window, as a new user meets it: a unit's file in, the matrix, the figures, the print."""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent

from cchc_desktop import backup, consolidation, rollup
from cchc_desktop.gui.consolidation_window import ConsolidationWindow
from cchc_desktop.store import Workspace


def _cells(table):
    return [[table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _headers(table):
    return [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]


@pytest.fixture
def two_units(demo_path, tmp_path):
    """The sample unit's file and a second unit's file (same figures, another name)."""
    first = backup.make_backup(demo_path, tmp_path / "in", made_at=dt.datetime(2022, 6, 15, 9, 30))
    other = tmp_path / "phuong-3.cchc"
    import shutil
    shutil.copy(demo_path, other)
    with Workspace.open(other) as ws:
        # another unit: its own id (a unit is its code or id, not its name)
        ws.conn.execute("UPDATE unit SET uid = 'a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3a3'")
        ws.update_unit(name="UBND phường 3")
        ws.set_value("2022-H1", "survey.method", 1)
        second = backup.make_backup(ws, tmp_path / "in", made_at=dt.datetime(2022, 6, 16, 8, 0))
    return first, second


def test_new_user_sends_then_consolidates_and_prints(qtbot, two_units, demo_master, tmp_path, monkeypatch):
    _, second = two_units
    # the commune officer makes the file with “Gửi lên cấp trên”
    import shutil
    from cchc_desktop.gui import send_dialog
    monkeypatch.setattr(send_dialog, "open_folder", lambda p: True)
    shutil.copy(demo_master, tmp_path / "xa.cchc")
    with Workspace.open(tmp_path / "xa.cchc") as unit_ws:
        dlg = send_dialog.SendDialog(unit_ws, "2022-H1")
        qtbot.addWidget(dlg)
        dlg.folder_edit.setText(str(tmp_path / "gui-di"))
        first = dlg.make()
        dlg.close()
    # the receiving office opens it in a consolidation workspace on the same machine
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    assert not win.import_button.isEnabled()
    assert win.open_path(tmp_path / "tong-hop.cchc")
    assert win.import_button.isEnabled()
    result = win.import_paths([first])
    assert [i.path for i in result.accepted] == [first]
    assert _headers(win.matrix) == ["Đơn vị", "6 tháng đầu năm 2022"]
    assert _cells(win.matrix) == [["UBND phường 2", "Đã nhận"]]
    assert "Đã nhận 1 tệp" in win.status.text()
    figures = {row[0]: row for row in _cells(win.figures)}
    assert figures["dossier.received_total"][3] == "2.297"
    assert figures["dossier.on_time_rate"][4] == "tính lại từ các thành phần đã cộng"
    # the second unit comes in by drag and drop
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(second))])
    drop = QDropEvent(QPointF(10, 10), Qt.CopyAction, mime, Qt.LeftButton, Qt.NoModifier)
    win.dropEvent(drop)
    assert drop.isAccepted()
    del drop   # the event before its mime data (PySide frees them in this order)
    del mime
    assert _cells(win.matrix) == [["UBND phường 2", "Đã nhận"], ["UBND phường 3", "Đã nhận"]]
    figures = {row[0]: row for row in _cells(win.figures)}
    assert figures["dossier.received_total"][3] == "4.594"
    assert "1 đơn vị Phát phiếu" in figures["survey.method"][3]
    headers = _headers(win.by_unit)
    assert headers[2:] == ["UBND phường 2", "UBND phường 3", "Tổng hợp"]
    rows = {r[0]: r for r in _cells(win.by_unit)}
    label = next(i.label for i in Workspace.open(tmp_path / "tong-hop.cchc").catalogue
                 if i.key == "dossier.received_total")
    assert rows[label][2:] == ["2.297", "2.297", "4.594"]
    assert [r[5] for r in _cells(win.files)] == ["Đang dùng", "Đang dùng"]
    win.resize(1000, 650)
    win.grab().save(str(tmp_path / "consolidation.png"))
    win.tabs.setCurrentWidget(win.figures)
    win.grab().save(str(tmp_path / "figures.png"))
    win.tabs.setCurrentWidget(win.by_unit)
    win.grab().save(str(tmp_path / "by_unit.png"))
    # print the consolidated appendices
    files = win.print_appendices(tmp_path / "in-an")
    assert {f.suffix for f in files} >= {".pdf", ".xlsx"}
    from pypdf import PdfReader
    appendix = next(f for f in files if f.suffix == ".pdf" and "phu-luc" in f.name)
    text = " ".join(p.extract_text() for p in PdfReader(appendix).pages)
    assert "TỔNG HỢP" in text
    # a stock of the appendix (TTHC in force: 136 in each unit) printed summed
    assert rollup.plain_values(win.cws, "2022-H1")["tthc.in_force"] == 272
    assert "272" in text.split("Tổng số TTHC đang có hiệu lực")[1][:40]
    # a code answer is printed as how many units gave each answer, not as a number
    survey = " ".join(text.split("Hình thức khảo sát")[1].split()[:30])
    assert "1 đơn vị Phát phiếu" in survey, survey
    from openpyxl import load_workbook
    book = load_workbook(next(f for f in files if f.suffix == ".xlsx"))
    assert any(c.value in (272, "272") for ws in book for row in ws.iter_rows() for c in row)
    win.close()


def test_refused_files_are_listed_and_marked(qtbot, two_units, tmp_path):
    first, _ = two_units
    bad = tmp_path / "CCHC_xa-hong_2022-H1_20220615-0930.sqlite"
    bad.write_bytes(os.urandom(4096))
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    win.open_path(tmp_path / "c.cchc")
    result = win.import_paths([first, bad])
    assert len(result.accepted) == 1 and len(result.refused) == 1
    refused = _cells(win.refused_table)
    assert refused[0][0] == bad.name and "không phải tệp sao lưu CCHC" in refused[0][1]
    assert win.tabs.tabText(4) == "Tệp bị từ chối (1)"
    matrix = {r[0]: r[1] for r in _cells(win.matrix)}
    assert matrix == {"UBND phường 2": "Đã nhận", "xa-hong": "Lỗi"}
    assert "1 tệp bị từ chối" in win.status.text()
    win.grab().save(str(tmp_path / "refused.png"))
    win.close()


def test_over_a_unit_workspace_it_asks_for_a_consolidation_file(qtbot, demo_ws, tmp_path):
    win = ConsolidationWindow(demo_ws, "2022-H1")
    qtbot.addWidget(win)
    assert win.cws is None and not win.print_button.isEnabled()
    assert "Mở hoặc tạo một tệp tổng hợp" in win.status.text()
    assert not win.open_path(demo_ws.path)          # a unit's own file is not a consolidation file
    assert "không phải tệp tổng hợp" in win.status.text()


def test_given_a_consolidation_workspace_it_shows_it_and_leaves_it_open(qtbot, two_units, tmp_path):
    first, second = two_units
    with consolidation.create(tmp_path / "c.cchc", "UBND thị xã Quảng Trị") as ws:
        consolidation.import_files(ws, [first, second])
        win = ConsolidationWindow(ws)
        qtbot.addWidget(win)
        assert "UBND thị xã Quảng Trị" in win.file_label.text()
        assert win.period_combo.currentText() == "6 tháng đầu năm 2022"
        assert win.matrix.rowCount() == 2
        win.close()
        assert ws.conn is not None   # the caller's workspace stays open


def _unit_file(folder: Path, name: str, values: dict, made: dt.datetime) -> Path:
    with Workspace.create(folder / f"{name}.cchc", name=name, parent="UBND huyện Thử") as ws:
        ws.add_period("2022-H1")
        ws.set_values("2022-H1", list(values.items()))
        return backup.make_backup(ws, folder / "gui", made_at=made)


def test_figures_failing_the_checks_show_as_with_errors(qtbot, tmp_path):
    clean = _unit_file(tmp_path, "UBND xã Sạch", {"dossier.received_total": 40, "dossier.resolved_total": 35,
                                                 "dossier.resolved_early": 10, "dossier.resolved_on_time": 20,
                                                 "dossier.resolved_late": 5}, dt.datetime(2022, 6, 15, 9, 0))
    wrong = _unit_file(tmp_path, "UBND xã Sai", {"dossier.received_total": 100, "dossier.resolved_total": 50,
                                                "dossier.resolved_early": 10, "dossier.resolved_on_time": 20,
                                                "dossier.resolved_late": 5}, dt.datetime(2022, 6, 15, 9, 5))
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    win.resize(900, 600)
    win.open_path(tmp_path / "tong-hop.cchc")
    result = win.import_paths([clean, wrong])
    assert len(result.accepted) == 2
    assert "1 tệp có số liệu không qua kiểm tra" in win.status.text()
    matrix = {r[0]: r[1] for r in _cells(win.matrix)}
    assert matrix == {"UBND xã Sạch": "Đã nhận", "UBND xã Sai": "Có lỗi (1)"}
    row = [r[0] for r in _cells(win.matrix)].index("UBND xã Sai")
    cell = win.matrix.item(row, 1)
    assert "1 lỗi" in cell.toolTip() and "khác tổng số hồ sơ giải quyết" in cell.toolTip()
    win.matrix.setCurrentCell(row, 1)
    assert "UBND xã Sai" in win.matrix_label.text() and "1 lỗi" in win.matrix_label.text()
    texts = [win.matrix_findings.item(i).text() for i in range(win.matrix_findings.count())]
    assert len(texts) == 1 and texts[0].startswith("Lỗi: Tổng số hồ sơ đã giải quyết (50) khác tổng")
    win.matrix.setCurrentCell(1 - row, 1)
    assert "không có lỗi" in win.matrix_label.text() and win.matrix_findings.count() == 0
    win.matrix.setCurrentCell(row, 1)
    if os.environ.get("CCHC_SHOTS"):
        win.grab().save(os.environ["CCHC_SHOTS"])
    win.close()


def test_explained_warnings_and_unfinished_checks_in_the_window(qtbot, tmp_path):
    """A warning the unit explained shows with its explanation, greyed, after the others; a
    workspace whose checks were left unfinished is checked when the window opens it."""
    from cchc_desktop import consolidation, rules

    with Workspace.create(tmp_path / "u.cchc", name="UBND xã Giải Trình", parent="UBND huyện Thử") as ws:
        ws.add_period("2022-H1")
        ws.set_values("2022-H1", [("dossier.received_total", 40), ("staff.quota", 20), ("staff.present", 22)])
        warning = next(f for f in rules.check(ws, "2022-H1") if f.rule == "obligation.staff_quota")
        rules.acknowledge(ws, "2022-H1", warning, "Sổ văn bản chưa nhập đủ.")
        path = backup.make_backup(ws, tmp_path / "gui", made_at=dt.datetime(2022, 7, 1, 8, 0))
    with consolidation.create(tmp_path / "tong-hop.cchc") as cws:
        consolidation.import_files(cws, [path], check=False)   # as if the program stopped here
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    win.open_path(tmp_path / "tong-hop.cchc")
    win.matrix.setCurrentCell(0, 1)
    assert "1 cảnh báo đã giải trình" in win.matrix_label.text()
    texts = [win.matrix_findings.item(i).text() for i in range(win.matrix_findings.count())]
    explained = [t for t in texts if t.startswith("Cảnh báo đã giải trình: ") and t.endswith("Giải trình của đơn vị: Sổ văn bản chưa nhập đủ.")]
    assert len(explained) == 1 and texts[-1] == explained[0]
    item = win.matrix_findings.item(len(texts) - 1)
    assert item.foreground().color().name() == "#5f6368"
    win.close()
