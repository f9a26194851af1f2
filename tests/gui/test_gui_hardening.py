"""Issue 13 in the window: a second window on a file opens it read-only; data never renders
as rich text; an older file arriving late is named."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path
import sqlite3

import pytest
from PySide6.QtCore import Qt

from cchc_desktop import backup
from cchc_desktop.gui import app, ops
from cchc_desktop.gui.consolidation_window import ConsolidationWindow
from cchc_desktop.gui.main_window import MainWindow
from cchc_desktop.store import ReadOnlyWorkspace, Workspace

FORGED = "<h2 style='color:red'>ĐÃ BỊ SỬA</h2><img src='file:///etc/x.png'>UBND xã Giả"


def test_a_second_window_is_told_who_has_the_file_and_may_open_it_read_only(qtbot, demo_path, monkeypatch):
    first = app.open_workspace("open", demo_path)
    asked = []
    monkeypatch.setattr(ops, "confirm", lambda parent, title, message, **kw: asked.append((title, message, kw)) or True)
    try:
        second = app.open_workspace("open", demo_path)
        assert len(asked) == 1 and first.user in asked[0][1] and asked[0][2]["yes"] == "Mở chỉ để xem"
        assert second.readonly and not first.readonly
        w = MainWindow(second)
        qtbot.addWidget(w)
        assert "(chỉ xem)" in w.windowTitle() and "CHỈ XEM" in w.saved_label.text()
        first.set_value("2022-H1", "inspection.rounds", 6)
        with pytest.raises(ReadOnlyWorkspace):
            second.set_value("2022-H1", "inspection.rounds", 1)
        form = w.area_form(1)
        form.model.reload()
        row = form.model.row_of("inspection.rounds")
        from cchc_desktop.gui.area_form import VALUE
        assert form.model.setData(form.model.index(row, VALUE), "2") is False   # refused, said in the form
        w.close()
        second.close()
        # declined: nothing opened
        monkeypatch.setattr(ops, "confirm", lambda *a, **k: False)
        assert app.open_workspace("open", demo_path) is None
    finally:
        first.close()
    with Workspace.open(demo_path) as ws:
        assert ws.typed_values("2022-H1")["inspection.rounds"] == 6


def _forged_file(tmp_path):
    path = tmp_path / "gia.cchc"
    with Workspace.create(path, name="UBND xã Thật", parent="UBND huyện Thử") as ws:
        ws.add_period("2022-H1")
        ws.set_value("2022-H1", "dossier.received_total", 10)
        out = backup.make_backup(ws, tmp_path / "in", made_at=dt.datetime(2022, 6, 15, 9, 0))
    conn = sqlite3.connect(out)
    conn.execute("UPDATE backup_info SET unit_name = ?", (FORGED,))
    conn.commit()
    conn.close()
    backup.seal(out)
    return out


def test_a_forged_unit_name_shows_as_text_not_as_html(qtbot, tmp_path):
    forged = _forged_file(tmp_path)
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    assert win.open_path(tmp_path / "tong-hop.cchc")
    win.import_paths([forged])
    assert win.matrix.item(0, 0).text() == FORGED
    win.matrix.setCurrentCell(0, 1)
    assert FORGED in win.matrix_label.text()
    for label in (win.matrix_label, win.status):
        assert label.textFormat() == Qt.PlainText
    assert win.matrix.item(0, 1).toolTip().startswith("<p style='white-space:pre-wrap'>")
    from cchc_desktop.gui.consolidation_window import _item
    tip = _item("Lỗi", f"{FORGED}: tệp bị từ chối").toolTip()
    assert "<h2" not in tip and "&lt;h2" in tip        # escaped: Qt shows the characters
    assert win.file_label.textFormat() == Qt.RichText and "<h2" not in win.file_label.text()
    # a message box naming the file shows it as text too
    from PySide6.QtWidgets import QMessageBox
    shown = []
    monkeypatch_exec = QMessageBox.exec
    try:
        QMessageBox.exec = lambda self: shown.append((self.textFormat(), self.text())) or 0
        ops.show_error(win, f"Tệp của {FORGED} bị từ chối.")
    finally:
        QMessageBox.exec = monkeypatch_exec
    assert shown == [(Qt.PlainText, f"Tệp của {FORGED} bị từ chối.")]


def test_an_older_file_arriving_late_is_named_in_the_window(qtbot, tmp_path):
    unit = tmp_path / "u.cchc"
    with Workspace.create(unit, name="UBND xã Đồng Hồ", parent="UBND huyện Thử") as ws:
        ws.add_period("2022-H1")
        ws.set_value("2022-H1", "dossier.received_total", 10)
        old = backup.make_backup(ws, tmp_path / "in", made_at=dt.datetime(2030, 1, 1, 0, 0))   # clock ahead
        ws.set_value("2022-H1", "dossier.received_total", 12)
        new = backup.make_backup(ws, tmp_path / "in", made_at=dt.datetime(2022, 7, 1, 8, 0))
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    assert win.open_path(tmp_path / "tong-hop.cchc")
    win.import_paths([new])
    win.import_paths([old])
    assert "cũ hơn số liệu đang dùng" in win.status.text() and old.name in win.status.text()
    files = {win.files.item(r, 0).text(): [win.files.item(r, c).text() for c in range(win.files.columnCount())]
             for r in range(win.files.rowCount())}
    assert files[old.name][5] == "Chỉ lưu lịch sử" and "cũ hơn tệp đang dùng" in files[old.name][6]
    assert files[new.name][5] == "Đang dùng"


def test_one_consolidation_window_edits_a_consolidation_file(qtbot, tmp_path):
    first, second = ConsolidationWindow(None), ConsolidationWindow(None)
    qtbot.addWidget(first)
    qtbot.addWidget(second)
    assert first.open_path(tmp_path / "tong-hop.cchc")
    assert not second.open_path(tmp_path / "tong-hop.cchc")
    assert "đang mở để sửa trong cửa sổ của" in second.status.text()
    first.close()
    assert second.open_path(tmp_path / "tong-hop.cchc")


def test_opening_the_file_already_open_in_the_window_keeps_it(qtbot, demo_path, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(ops, "confirm", lambda *a, **k: asked.append(a) or True)
    monkeypatch.setattr(ops, "show_error", lambda *a, **k: asked.append(a))
    ws = app.open_workspace("open", demo_path)
    controller = app.Controller(ws)
    qtbot.addWidget(controller.window)
    controller.switch("open", demo_path)
    assert controller.window.ws is ws and not ws.readonly and asked == []
    other = tmp_path / "khac.cchc"
    shutil.copy(demo_path, other)
    controller.switch("open", other)
    assert Path(controller.window.ws.path) == other and asked == []
    Workspace.open(demo_path, exclusive=True).close()   # the first file's lock went with it
    controller.window.ws.close()


def test_the_window_refuses_only_the_file_with_an_impossible_figure(qtbot, tmp_path):
    def unit(name, value):
        path = tmp_path / f"{abs(hash(name))}.cchc"
        with Workspace.create(path, name=name, parent="UBND huyện Thử") as ws:
            ws.add_period("2022-H1")
            ws.set_value("2022-H1", "dossier.received_total", 10)
            out = backup.make_backup(ws, tmp_path / "in", made_at=dt.datetime(2022, 6, 15, 9, 0))
        if value is not None:
            conn = sqlite3.connect(out)
            conn.execute("UPDATE backup_figures SET value = ? WHERE key = 'dossier.received_total'", (value,))
            conn.commit()
            conn.close()
            backup.seal(out)
        return out
    good, bad = unit("UBND xã Tốt", None), unit("UBND xã Lẻ", 2.5)
    win = ConsolidationWindow(None)
    qtbot.addWidget(win)
    assert win.open_path(tmp_path / "tong-hop.cchc")
    result = win.import_paths([good, bad])
    assert [i.unit_name for i in result.accepted] == ["UBND xã Tốt"]
    refused = [[win.refused_table.item(r, c).text() for c in range(2)] for r in range(win.refused_table.rowCount())]
    assert refused[0][0] == bad.name and "UBND xã Lẻ" in refused[0][1] and "2,5" in refused[0][1]
    assert "1 tệp bị từ chối" in win.status.text() and "Đã nhận 1 tệp" in win.status.text()
