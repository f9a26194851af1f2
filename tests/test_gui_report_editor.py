"""Editing the report's text: drafts, last period's text, saving as one undoable step."""
from __future__ import annotations

from PySide6.QtCore import Qt

from cchc_desktop.gui.report_editor import ReportEditor


def test_draft_edit_save_and_undo(qtbot, demo_ws):
    ed = ReportEditor(demo_ws, "2022-H1")
    qtbot.addWidget(ed)
    ed.select("II")
    assert ed.editor.toPlainText() == ""
    assert "tiếp nhận tại Bộ phận Một cửa: 2.297 hồ sơ" in ed.editor.placeholderText()
    qtbot.mouseClick(ed.draft_button, Qt.LeftButton)
    assert "tiếp nhận tại Bộ phận Một cửa: 2.297 hồ sơ" in ed.editor.toPlainText()
    ed.editor.appendPlainText("Ghi thêm của cán bộ.")
    ed.select("V")
    ed.editor.setPlainText("Đề nghị hỗ trợ máy quét.")
    assert ed.dirty and set(ed.changed()) == {"II", "V"}
    with qtbot.waitSignal(ed.saved):
        assert ed.save()
    saved = demo_ws.sections("2022-H1")
    assert saved["V"] == "Đề nghị hỗ trợ máy quét." and saved["II"].endswith("Ghi thêm của cán bộ.")
    assert not ed.dirty
    demo_ws.undo()                              # both sections were one step
    assert demo_ws.sections("2022-H1") == {}
    ed.reload()
    ed.select("V")
    assert ed.editor.toPlainText() == ""


def test_take_previous_period_text(qtbot, demo_ws):
    demo_ws.add_period("2022-H2")
    ed = ReportEditor(demo_ws, "2022-H2")
    qtbot.addWidget(ed)
    assert ed.take_previous() == 0 and "chưa có" in ed.status.text()
    demo_ws.save_section("2022-H1", "III", "Ưu điểm của kỳ trước.")
    ed.select("III")
    assert ed.take_previous() == 1
    assert ed.editor.toPlainText() == "Ưu điểm của kỳ trước."
    assert ed.save() and demo_ws.sections("2022-H2")["III"] == "Ưu điểm của kỳ trước."


def test_locked_period_is_read_only(qtbot, demo_ws):
    demo_ws.set_status("2022-H1", "final")
    ed = ReportEditor(demo_ws, "2022-H1")
    qtbot.addWidget(ed)
    assert ed.editor.isReadOnly() and not ed.save_button.isEnabled()
    ed.texts["I"] = "Sửa lén"
    assert not ed.save() and "đã chốt" in ed.status.text()
    assert demo_ws.sections("2022-H1") == {}


def test_targets_view_shows_table_and_chart(qtbot, demo_ws):
    from cchc_desktop.gui.targets_view import TargetsView
    view = TargetsView(demo_ws, "2022-H1")
    qtbot.addWidget(view)
    assert view.table.columnCount() == 6
    assert view.message.text()
    keys = [s.key for s in view.series]
    assert "dossier.on_time_rate" in keys
    names = [s.name() for s in view.chart.series()]
    assert "Hồ sơ giải quyết trước hạn, đúng hạn" in names
