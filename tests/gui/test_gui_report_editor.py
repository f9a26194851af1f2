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


def test_each_section_shows_its_own_draft_on_screen(qtbot, demo_ws):
    """Issue 14 §12: the faded preview on screen is the selected section's, not section I's."""
    from PySide6.QtCore import QPoint, QRect
    from PySide6.QtWidgets import QApplication

    ed = ReportEditor(demo_ws, "2022-H1")
    qtbot.addWidget(ed)
    ed.resize(1000, 640)
    ed.show()
    qtbot.waitExposed(ed)

    def shot():
        qtbot.wait(50)
        view = ed.editor.viewport()
        top_left = view.mapTo(ed, QPoint(0, 0))
        image = QApplication.primaryScreen().grabWindow(ed.winId()).toImage()   # what the screen shows
        return image.copy(QRect(top_left, view.size()))

    ed.select("I")
    first = shot()
    ed.select("V")
    assert ed.editor.placeholderText().endswith("Không.")
    fifth = shot()
    assert first != fifth
    ed.select("I")
    assert shot() == first


def test_editor_says_which_assessment_heading_is_left_to_the_officer(qtbot, tmp_path):
    """A heading with nothing under it is left off the paper; the editor says so."""
    from cchc_desktop.store import Workspace

    ws = Workspace.create(tmp_path / "moi.cchc", name="UBND xã Mới", parent="UBND tỉnh Mẫu", place="Mới")
    ws.add_period("2025-Q4")
    ws.set_value("2025-Q4", "dossier.resolved_late", 3)        # a shortcoming, and nothing to praise
    ed = ReportEditor(ws, "2025-Q4")
    qtbot.addWidget(ed)
    ed.select("III")
    draft_text = ed.editor.placeholderText()
    assert "Ưu điểm" not in draft_text and "1. Tồn tại, hạn chế" in draft_text
    assert "Bản nháp chưa có mục “Ưu điểm”" in ed.status.text() and "tự viết" in ed.status.text()
    ed.select("IV")
    assert "Bản nháp chưa có mục" not in ed.status.text()
    ws.close()
