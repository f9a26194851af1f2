"""What a commune officer tripped over at the keyboard (issue 14), driven in the real main window:
headings vs. input rows and Enter, Delete/Backspace, coded answers typed by their code, undo going
to the changed cell, the keyboard coming back after a dialog, the frozen "Lĩnh vực" column."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from cchc_desktop.gui.area_form import LABEL, NOTE, VALUE

from gui_helpers import stored, open_editor, press_enter, type_value


def test_heading_rows_are_shaded_and_a_bold_input_row_takes_the_next_value(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    w.show_page("area3")
    form = w.area_form(3)
    model = form.model
    rows = [(r.stt, r.key) for r in model.rows]
    heading = next(i for i, (stt, key) in enumerate(rows) if stt == "3.2." and key is None)
    bold_input = next(i for i, (stt, key) in enumerate(rows) if stt == "3.3.")
    assert model.rows[bold_input].key and model.rows[bold_input].style == "group"   # printed bold, but typed
    shade = model.data(model.index(heading, VALUE), Qt.BackgroundRole).color().name()
    assert shade == model.data(model.index(heading, LABEL), Qt.BackgroundRole).color().name() != "#ffffff"
    # the bold input row's value cell is a white input cell, its label bold like the printed appendix
    assert model.data(model.index(bold_input, VALUE), Qt.BackgroundRole).color().name() == "#ffffff"
    assert model.data(model.index(bold_input, LABEL), Qt.FontRole).bold()
    assert not (model.data(model.index(bold_input, VALUE), Qt.FontRole) or form.font()).bold()
    # typing down the column: 3.2.2 → Enter → 3.3 (not skipped) → Enter → 3.3.1
    before = model.rows[bold_input - 1].key
    type_value(qtbot, form, before, "80")
    assert form.view.currentIndex().row() == bold_input
    editor = open_editor(form.view, form.view.currentIndex())
    editor.selectAll()
    qtbot.keyClicks(editor, "95")
    press_enter(qtbot, editor)
    assert stored(demo_ws.path, "2022-H1", model.rows[bold_input].key) == 95
    assert model.rows[form.view.currentIndex().row()].stt == "3.3.1."


def test_delete_and_backspace_clear_a_value_undoably(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "inspection.rounds", "3")
    row = form.model.row_of("inspection.rounds")
    form.view.setCurrentIndex(form.model.index(row, VALUE))
    form.view.setFocus()
    qtbot.keyClick(form.view, Qt.Key_Delete)
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") is None
    assert form.model.data(form.model.index(row, VALUE)) == ""
    assert "Ctrl+Z" in form.message.text()
    qtbot.keyClick(form.view, "z", Qt.ControlModifier)
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") == 3
    qtbot.keyClick(form.view, Qt.Key_Backspace)
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") is None
    assert ws_h1.audit("2023-H1", "inspection.rounds")[0]["new"] in (None, "")
    # a note is cleared the same way, its value kept
    type_value(qtbot, form, "inspection.rounds", "4")
    assert form.model.setData(form.model.index(row, NOTE), "đột xuất")
    form.view.setCurrentIndex(form.model.index(row, NOTE))
    qtbot.keyClick(form.view, Qt.Key_Delete)
    e = ws_h1.entries("2023-H1")["inspection.rounds"]
    assert (e["value"], e["note"] or None) == (4, None)


def test_an_emptied_cell_and_enter_clears_the_value(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "inspection.rounds", "3")
    row = form.model.row_of("inspection.rounds")
    editor = open_editor(form.view, form.model.index(row, VALUE))
    editor.selectAll()
    qtbot.keyClick(editor, Qt.Key_Backspace)
    assert editor.text() == ""
    press_enter(qtbot, editor)
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") is None
    assert form.model.data(form.model.index(row, VALUE)) == ""


def test_typing_the_code_of_a_coded_answer_chooses_it(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    row = form.model.row_of("survey.method")
    form.view.setCurrentIndex(form.model.index(row, VALUE))
    form.view.setFocus()
    qtbot.keyClick(form.view, "2")          # opens the choice with "2" already chosen
    QApplication.processEvents()
    combo = QApplication.focusWidget()
    assert combo.currentText() == "Kết hợp = 2"
    press_enter(qtbot, combo)
    assert stored(ws_h1.path, "2023-H1", "survey.method") == 2
    # the first letters of the wording choose as well
    combo = open_editor(form.view, form.model.index(row, VALUE))
    qtbot.keyClicks(combo, "Ph")
    assert combo.currentText() == "Phát phiếu = 1"
    press_enter(qtbot, combo)
    assert stored(ws_h1.path, "2023-H1", "survey.method") == 1


def test_undo_across_areas_goes_to_the_changed_cell(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area4")
    type_value(qtbot, w.area_form(4), "staff.present", "18")
    w.show_page("area1")
    type_value(qtbot, w.area_form(1), "inspection.rounds", "2")
    w.ui.actionUndo.trigger()
    assert w.current_page_id() == "area1"
    w.ui.actionUndo.trigger()             # the change in area 4: the window goes there
    form = w.area_form(4)
    assert w.current_page_id() == "area4" and w.ui.pages.currentWidget() is form
    assert form.view.currentIndex() == form.model.index(form.model.row_of("staff.present"), VALUE)
    assert QApplication.focusWidget() is form.view
    w.show_page("home")
    w.ui.actionRedo.trigger()
    assert w.current_page_id() == "area4"


def test_undo_of_a_detail_row_change_shows_that_row(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    ws_h1.save_detail_row("2023-H1", "dossiers_by_field", "Hộ tịch", {"received_total": 10})
    w.show_page("area1")
    w.ui.actionUndo.trigger()
    assert w.current_page_id() == "detail"
    page = w.page("detail")
    assert page.tabs.currentWidget() is page.grid("dossiers_by_field")


def test_undo_of_a_register_or_plan_change_shows_its_page(qtbot, window_for, ws_h1):
    from cchc_desktop import plans
    w = window_for(ws_h1)
    ws_h1.save_document("12/KH-UBND", "10/02/2023", "Kế hoạch", "Kế hoạch CCHC năm 2023")
    plans.save_task(ws_h1, 2023, content="Rà soát TTHC", area=3)
    w.show_page("area2")
    w.ui.actionUndo.trigger()
    assert w.current_page_id() == "plan"
    w.ui.actionUndo.trigger()
    assert w.current_page_id() == "register"


def _close_next_dialog(accept=False):
    def close():
        for top in QApplication.topLevelWidgets():
            if isinstance(top, QDialog) and top.isVisible():
                top.accept() if accept else top.reject()
                return
        QTimer.singleShot(20, close)
    QTimer.singleShot(50, close)


def test_after_a_dialog_closes_the_keyboard_is_back_in_the_table(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    qtbot.waitUntil(w.isActiveWindow)
    w.show_page("area1")
    form = w.area_form(1)
    form.view.setFocus()
    form.focus_first()
    assert QApplication.focusWidget() is form.view
    _close_next_dialog()
    w.ui.actionEditPeriod.trigger()       # Sửa kỳ…, closed without a change
    qtbot.wait(30)
    assert QApplication.focusWidget() is form.view
    # typing goes on without a click, and so do the window's keys
    row = form.model.row_of("inspection.rounds")
    form.view.setCurrentIndex(form.model.index(row, VALUE))
    qtbot.keyClick(QApplication.focusWidget(), "5")
    editor = QApplication.focusWidget()
    press_enter(qtbot, editor)
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") == 5
    qtbot.keyClick(QApplication.focusWidget(), "0", Qt.ControlModifier)
    assert w.current_page_id() == "home" and QApplication.focusWidget() is w.page("home").table
    # from the home page: a dialog, then F7 at once
    _close_next_dialog()
    w.ui.actionEditPeriod.trigger()
    qtbot.wait(30)
    assert QApplication.focusWidget() is w.page("home").table
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key_F7)
    assert w.findings_dock is not None and w.findings_dock.isVisible()


def test_a_new_period_from_its_dialog_leaves_the_keyboard_in_the_form(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    qtbot.waitUntil(w.isActiveWindow)
    w.ui.navList.setFocus()
    _close_next_dialog(accept=True)
    code = w.add_period(2023, "Q3")
    qtbot.wait(30)
    assert code == "2023-Q3" and w.current_page_id() == "area1"
    assert QApplication.focusWidget() is w.area_form(1).view


def test_detail_table_keeps_the_field_in_sight_while_typing_across(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.resize(900, 700)
    w.show_page("detail")
    page = w.page("detail")
    grid = page.grid("dossiers_by_field")
    page.tabs.setCurrentWidget(grid)
    grid.picker.setCurrentText("Hộ tịch")
    grid.add_row()
    QApplication.processEvents()
    frozen = grid.view.frozen
    assert frozen.isVisible() and frozen.model() is grid.model
    assert [c for c in range(grid.model.columnCount()) if not frozen.isColumnHidden(c)] == [0]
    last = grid.model.columnCount() - 1
    grid.view.setCurrentIndex(grid.model.index(0, last))
    grid.view.scrollTo(grid.model.index(0, last))
    QApplication.processEvents()
    assert grid.view.horizontalScrollBar().value() > 0      # scrolled across …
    assert frozen.geometry().left() <= grid.view.frameWidth() + grid.view.verticalHeader().width()
    assert frozen.width() == grid.view.columnWidth(0)       # … the field column still on top
    assert frozen.model().data(frozen.model().index(0, 0)) == "Hộ tịch"
    # back to the first number column (as Enter does at the end of a row): beside the frozen one
    grid.view.setCurrentIndex(grid.model.index(0, 1))
    QApplication.processEvents()
    assert grid.view.visualRect(grid.model.index(0, 1)).left() >= frozen.width()
