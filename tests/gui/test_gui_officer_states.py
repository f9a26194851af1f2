"""States that follow the work (issue 14, points 8 and 10), in the real main window: a sent
period is "đã gửi" with its day and file, finalising lists the appendix rows left empty, the
change log reads as Vietnamese sentences and the status line never says "Cài đặt"."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from cchc_desktop.gui import send_dialog
from cchc_desktop.gui.finalise_dialog import FinaliseDialog, empty_rows
from cchc_desktop.gui.send_dialog import SendDialog

from cchc_desktop.gui.area_form import VALUE

from gui_helpers import press_enter, type_value

CODE = re.compile(r"\b[a-z_]+\.[a-z0-9_]+\b")


@pytest.fixture
def no_folder_window(monkeypatch):
    monkeypatch.setattr(send_dialog, "open_folder", lambda p: True)


def _when_shown(cls, act):
    """Run *act* on the first visible dialog of *cls* once it shows (a modal exec() is running)."""
    seen = {}

    def look():
        for top in QApplication.topLevelWidgets():
            if isinstance(top, cls) and top.isVisible():
                seen["result"] = act(top)
                return
        QTimer.singleShot(20, look)
    QTimer.singleShot(20, look)
    return seen


def test_finalising_with_empty_rows_says_how_many_and_which(qtbot, window_for, ws):
    ws.add_period("2023-H1")
    ws.set_values("2023-H1", [("inspection.rounds", 2)])
    w = window_for(ws)
    w.show_page("area1")
    expected, total = empty_rows(ws, "2023-H1")
    assert 0 < len(expected) < total

    def inspect(dlg):
        items = [dlg.empty.item(i).text() for i in range(dlg.empty.count())]
        texts = (dlg.intro.text(), dlg.empty_label.text(), items, dlg.empty.isVisible())
        dlg.reject()
        return texts
    seen = _when_shown(FinaliseDialog, inspect)
    w.ui.actionFinalise.trigger()
    intro, label, items, visible = seen["result"]
    assert visible and items == expected
    assert f"{len(expected)} trong {total} dòng" in label
    assert "không có lỗi hay cảnh báo." not in intro and f"còn {len(expected)} dòng" in intro
    assert any(item.startswith("1.") for item in items)          # by STT and name, as printed
    assert not any("inspection" in item for item in items)


def test_sent_period_is_marked_with_its_day_and_file(qtbot, window_for, demo_ws, tmp_path, no_folder_window):
    code = "2022-H1"
    w = window_for(demo_ws)
    demo_ws.set_status(code, "final")
    w._fill_periods(code)
    assert w.ui.periodStatusLabel.text().count("Đã chốt")

    def send(dlg):
        dlg.folder_edit.setText(str(tmp_path / "gui"))
        made = dlg.make(open_after=False)
        dlg.accept()
        return made
    seen = _when_shown(SendDialog, send)
    w.ui.actionSend.trigger()
    made: Path = seen["result"]
    assert made is not None and made.exists()
    assert demo_ws.period(code).status == "sent"
    today = dt.date.today().strftime("%d/%m/%Y")
    assert f"Đã gửi {today}" in w.ui.periodStatusLabel.text()
    assert made.name in w.ui.periodStatusLabel.toolTip()
    assert "Cài đặt" not in w.saved_label.text()
    assert w.saved_label.text().endswith("Kỳ 6 tháng đầu năm 2022 đã gửi lên cấp trên")
    w.show_page("home")
    home = w.page("home")
    qtbot.waitUntil(lambda: not home.findings_pending())
    row = next(r for r in range(home.table.rowCount()) if home.table.item(r, 0).text() == "6 tháng đầu năm 2022")
    assert home.table.item(row, 2).text() == "đã gửi"
    assert home.table.item(row, 5).text() == f"Đã gửi ngày {today}"
    assert home.table.item(row, 5).toolTip() == f"Đã gửi ngày {today} (tệp {made.name})"


def test_the_mail_names_the_period_sent_not_the_file_s_last(qtbot, demo_ws, tmp_path, no_folder_window):
    demo_ws.add_period("2023-H1")
    dlg = SendDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    assert dlg.make(open_after=False)
    assert dlg.subject.text().endswith("6 tháng đầu năm 2022")
    assert "gửi tệp số liệu cải cách hành chính 6 tháng đầu năm 2022" in dlg.body.toPlainText()


def test_a_draft_sent_stays_a_draft_and_says_so(qtbot, demo_ws, tmp_path, no_folder_window):
    dlg = SendDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    assert dlg.make(open_after=False)
    assert demo_ws.period("2022-H1").status == "draft"
    assert "chưa chốt số liệu" in dlg.status.text()
    assert "SHA-256" not in dlg.detail_label.text() and "nguyên vẹn" in dlg.detail_label.text()
    assert "SHA-256" not in dlg.body.toPlainText() and "nguyên vẹn" in dlg.body.toPlainText()


def test_change_log_reads_as_sentences(qtbot, window_for, ws, tmp_path, no_folder_window):
    ws.add_period("2023-H1")
    w = window_for(ws)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "inspection.rounds", "3")
    type_value(qtbot, form, "inspection.rounds", "4")
    row = form.model.row_of("survey.method")
    form.view.setCurrentIndex(form.model.index(row, VALUE))
    form.view.setFocus()
    qtbot.keyClick(form.view, "2")        # the coded answer chosen by its code
    press_enter(qtbot, QApplication.focusWidget())
    assert ws.typed_values("2023-H1")["survey.method"] == 2
    w.ui.actionUndo.trigger()
    w.ui.actionRedo.trigger()
    ws.save_detail_row("2023-H1", "dossiers_by_field", "Hộ tịch", {"received_total": 12})
    w.ui.actionUndo.trigger()
    ws.update_period("2023-H1", report_number="125")
    ws.set_status("2023-H1", "final")
    ws.set_status("2023-H1", "draft", "Sửa số phiếu khảo sát")
    ws.set_status("2023-H1", "final")
    dlg = SendDialog(ws, "2023-H1")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    assert dlg.make(open_after=False)
    w._fill_periods("2023-H1")
    w.show_page("audit")
    page = w.page("audit")
    page.reload()
    table = page.table
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == [
        "Thời gian", "Người sửa", "Thay đổi"]
    shown = [table.item(r, 2).text() for r in range(table.rowCount())]
    for text in shown:
        assert "{" not in text and "final" not in text and "draft" not in text and not CODE.search(text), text
    label = ws.catalogue["inspection.rounds"].label
    assert f"Nhập “{label}”: 3" in shown
    assert f"Sửa “{label}”: 3 → 4" in shown
    method = ws.catalogue["survey.method"].label
    assert f"Hoàn tác: số liệu “{method}” trở lại để trống" in shown
    assert f"Làm lại: số liệu “{method}” trở lại Kết hợp = 2" in shown
    assert any(t.startswith("Hoàn tác: bỏ dòng “Hộ tịch” của bảng chi tiết") for t in shown)
    assert "Chốt số liệu của kỳ" in shown
    assert "Mở khóa kỳ đã chốt để sửa (lý do: Sửa số phiếu khảo sát)" in shown
    assert "Đánh dấu kỳ đã gửi lên cấp trên" in shown
    assert "Sửa kỳ báo cáo, số báo cáo: “” → “125”" in shown
