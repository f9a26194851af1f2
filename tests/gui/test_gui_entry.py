"""The area forms driven as the officer drives them: typing, Enter, undo, refusals, locking."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from cchc_desktop import rollup
from cchc_desktop.gui.area_form import NOTE, SOURCE, VALUE, AreaForm, area_rows

from gui_helpers import stored, open_editor, press_enter, type_value


def test_typed_value_reaches_file_and_audit_then_enter_moves_on(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "inspection.rounds", "3")
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") == 3
    log = ws_h1.audit("2023-H1", "inspection.rounds")
    assert log[0]["new"] == "3" and log[0]["action"] == "set"
    # Enter moved to the next row that can be typed in
    assert form.view.currentIndex().row() > form.model.row_of("inspection.rounds")
    assert "Đã lưu" in w.saved_label.text()
    assert form.model.data(form.model.index(form.model.row_of("inspection.rounds"), VALUE)) == "3"


def test_vietnamese_numbers_and_undo_redo_across_forms(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area4")
    type_value(qtbot, w.area_form(4), "staff.present", "1.486")
    w.show_page("area1")
    type_value(qtbot, w.area_form(1), "propaganda.portal_posts", "20")
    assert stored(ws_h1.path, "2023-H1", "staff.present") == 1486
    w.ui.actionUndo.trigger()
    assert stored(ws_h1.path, "2023-H1", "propaganda.portal_posts") is None
    w.ui.actionUndo.trigger()          # the other form's change, undone from here
    assert stored(ws_h1.path, "2023-H1", "staff.present") is None
    w.show_page("area4")
    row = w.area_form(4).model.row_of("staff.present")
    assert w.area_form(4).model.data(w.area_form(4).model.index(row, VALUE)) == ""
    w.ui.actionRedo.trigger()
    assert stored(ws_h1.path, "2023-H1", "staff.present") == 1486
    assert w.area_form(4).model.data(w.area_form(4).model.index(row, VALUE)) == "1.486"
    assert [a["action"] for a in ws_h1.audit("2023-H1", "staff.present")][:3] == ["redo", "undo", "set"]


def test_bad_value_is_refused_shown_in_red_and_never_stored(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    editor = type_value(qtbot, form, "inspection.rounds", "2,5", enter=False)
    assert "#b00020" in editor.styleSheet()            # marked at the keystroke
    assert form.message.text()
    press_enter(qtbot, editor)
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") is None
    assert ws_h1.audit("2023-H1", "inspection.rounds") == []
    row = form.model.row_of("inspection.rounds")
    index = form.model.index(row, VALUE)
    assert form.model.data(index) == "2,5"
    assert form.model.data(index, Qt.ForegroundRole).color().name() == "#b00020"
    reason = form.model.data(index, Qt.ToolTipRole)
    assert "số đợt" in reason.lower() or "nguyên" in reason.lower()
    assert reason in form.message.text()
    assert form.view.currentIndex().row() == row        # stays on the bad cell
    type_value(qtbot, form, "inspection.rounds", "2")
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") == 2
    assert form.message.text() == ""


def test_code_list_shows_wording_and_stores_code(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    key = "survey.conducted"
    row = form.model.row_of(key)
    assert "Có = 1" in form.model.data(form.model.index(row, 2))
    index = form.model.index(row, VALUE)
    combo = open_editor(form.view, index)
    labels = [combo.itemText(i) for i in range(combo.count())]
    assert "Có = 1" in labels and "Không = 0" in labels
    combo.setCurrentIndex(labels.index("Có = 1"))
    press_enter(qtbot, combo)
    assert stored(ws_h1.path, "2023-H1", key) == 1
    assert form.model.data(index) == "Có = 1"


def test_note_per_row_is_kept_with_the_value(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "inspection.rounds", "2")
    row = form.model.row_of("inspection.rounds")
    assert form.model.setData(form.model.index(row, NOTE), "Kiểm tra đột xuất")
    e = ws_h1.entries("2023-H1")["inspection.rounds"]
    assert (e["value"], e["note"]) == (2, "Kiểm tra đột xuất")
    type_value(qtbot, form, "inspection.rounds", "4")
    e = ws_h1.entries("2023-H1")["inspection.rounds"]
    assert (e["value"], e["note"]) == (4, "Kiểm tra đột xuất")


def test_derived_rate_shows_live_beside_its_parts(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    type_value(qtbot, form, "plan.tasks_planned", "44")
    type_value(qtbot, form, "plan.tasks_done", "31")
    row = form.model.row_of("plan.completion_rate")
    assert form.model.data(form.model.index(row, VALUE)) == "70,45"
    assert form.model.data(form.model.index(row, SOURCE)) == rollup.SOURCE_LABELS[rollup.DERIVED]
    assert not form.model.flags(form.model.index(row, VALUE)) & Qt.ItemIsEditable


def test_rolled_up_value_is_read_only_with_its_source_until_typed_over(qtbot, window_for, ws):
    for code, n in (("2023-Q1", 2), ("2023-Q2", 3)):
        ws.add_period(code)
        ws.set_value(code, "inspection.rounds", n)
    ws.add_period("2023-H1")
    w = window_for(ws)
    w.select_period("2023-H1")
    form = w.area_form(1)
    row = form.model.row_of("inspection.rounds")
    value = form.model.index(row, VALUE)
    assert form.model.data(value) == "5"
    assert form.model.data(form.model.index(row, SOURCE)) == "cộng dồn từ Quý I, Quý II"
    assert not form.model.flags(value) & Qt.ItemIsEditable
    form.view.setCurrentIndex(value)
    w.ui.actionOverride.trigger()                     # Nhập đè, on purpose
    editor = open_editor(form.view, value)
    editor.selectAll()
    qtbot.keyClicks(editor, "6")
    press_enter(qtbot, editor)
    assert stored(ws.path, "2023-H1", "inspection.rounds") == 6
    assert form.model.data(form.model.index(row, SOURCE)).startswith("nhập đè")


def test_finalised_period_cannot_be_edited_until_unlocked_with_a_reason(qtbot, window_for, ws_h1):
    from cchc_desktop.gui.dialogs import UnlockDialog
    ws_h1.set_value("2023-H1", "inspection.rounds", 1)
    ws_h1.set_status("2023-H1", "final")
    w = window_for(ws_h1)
    w.show_page("area1")
    form = w.area_form(1)
    assert w.ui.lockBanner.isVisible()
    row = form.model.row_of("inspection.rounds")
    index = form.model.index(row, VALUE)
    assert not form.model.flags(index) & Qt.ItemIsEditable
    form.view.setCurrentIndex(index)
    qtbot.keyClicks(form.view, "9")
    qtbot.keyClick(form.view, Qt.Key_Return)
    assert not form.model.setData(index, "9")
    assert stored(ws_h1.path, "2023-H1", "inspection.rounds") == 1
    dlg = UnlockDialog("6 tháng đầu năm 2023", w)
    qtbot.addWidget(dlg)
    dlg.accept()
    assert dlg.ui.errorLabel.text() == "Phải nêu lý do mở khóa."
    dlg.ui.reason.setPlainText("Cấp trên yêu cầu bổ sung")
    dlg.accept()
    assert dlg.result() == QDialog.DialogCode.Accepted
    ws_h1.set_status("2023-H1", "draft", dlg.reason())
    assert not w.ui.lockBanner.isVisible()
    assert form.model.flags(index) & Qt.ItemIsEditable
    assert "Cấp trên yêu cầu bổ sung" in ws_h1.audit("2023-H1", "status")[0]["new"]


def test_rows_follow_the_template_then_the_catalogue(ws):
    every = [r.key for a in ws.catalogue.areas for r in area_rows(ws, a.id) if r.key]
    assert len(every) == len(set(every))              # each figure has one place to type it
    assert set(every) == set(ws.catalogue.keys())     # and every catalogue figure has one
    assert any(r.stt for r in area_rows(ws, 3))       # STT comes from the template


def test_area_form_alone(qtbot, ws_h1):
    form = AreaForm(ws_h1, 7)
    qtbot.addWidget(form)
    form.set_period("2023-H1")
    assert form.model.rowCount() >= len(ws_h1.catalogue.in_area(7))
    assert form.view.currentIndex().column() == VALUE


def test_keyboard_only_navigation(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.activateWindow()
    qtbot.waitUntil(w.isActiveWindow)
    qtbot.keyClick(w.ui.navList, Qt.Key_3, Qt.ControlModifier)
    assert w.current_page_id() == "area3"
    qtbot.keyClick(w.ui.navList, Qt.Key_0, Qt.ControlModifier)
    assert w.current_page_id() == "home"
    qtbot.keyClick(w.ui.navList, Qt.Key_Down)          # arrows in the navigation list switch pages
    assert w.current_page_id() == "area1"
    form = w.area_form(1)
    form.view.setFocus()
    start = form.view.currentIndex().row()
    qtbot.keyClick(form.view, Qt.Key_Down)
    assert form.view.currentIndex().row() == start + 1


def test_audit_page_shows_the_change_the_vietnamese_way(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("area4")
    type_value(qtbot, w.area_form(4), "staff.present", "1.486")
    w.show_page("audit")
    table = w.page("audit").table
    first = [table.item(0, c).text() for c in range(table.columnCount())]
    assert first[2].startswith("Nhập “") and first[2].endswith(": 1.486")
    assert first[0][2] == "/" and first[0][5] == "/"          # dd/mm/yyyy


def test_audit_page_shows_the_files_general_changes_too(qtbot, window_for, ws_h1):
    """A document entered in the register (no period of its own) is in the log beside the period's
    figures; unticking "Cả thay đổi chung" leaves only the period's changes."""
    from cchc_desktop import rules
    ws_h1.save_document("12/KH-UBND", "10/02/2023", "Kế hoạch", "Kế hoạch CCHC năm 2023")
    shipped = next(r for r in rules.rules_for(ws_h1) if r.code == "le.survey_satisfied")
    rules.add_rule(ws_h1, dict(shipped.spec, severity="warning"))
    w = window_for(ws_h1)
    w.show_page("area4")
    type_value(qtbot, w.area_form(4), "staff.present", "1.486")
    w.show_page("audit")
    page = w.page("audit")

    def shown():
        return [page.table.item(r, 2).text() for r in range(page.table.rowCount())]
    assert "Ghi văn bản 12/KH-UBND – Kế hoạch CCHC năm 2023 vào sổ văn bản chỉ đạo" in shown()
    ws_h1.add_period("2023-Q3")   # another period added is not a change of this one
    page.reload()
    assert not any("Quý III" in t for t in shown())
    assert "Đặt quy tắc kiểm tra “Số phiếu hài lòng ≤ Số lượng phiếu khảo sát”" in shown()
    assert any(t.startswith("Nhập “") for t in shown())
    page.general.setChecked(False)
    assert not any("sổ văn bản" in t or "quy tắc" in t for t in shown())
    assert any(t.startswith("Nhập “") for t in shown())


def test_without_a_period_the_form_says_what_to_do(qtbot, window_for, ws):
    w = window_for(ws)
    w.show_page("area1")
    form = w.area_form(1)
    assert "Thêm kỳ" in form.message.text()
    assert not any(form.model.flags(form.model.index(r, VALUE)) & Qt.ItemIsEditable
                   for r in range(form.model.rowCount()))
    ws.add_period("2023-Q1")
    w._fill_periods("2023-Q1")
    assert form.message.text() == ""
    assert form.model.flags(form.model.index(form.model.row_of("inspection.rounds"), VALUE)) & Qt.ItemIsEditable


def test_clearing_a_typed_over_value_shows_the_computed_one_again(qtbot, window_for, ws):
    for code, n in (("2023-Q1", 2), ("2023-Q2", 3)):
        ws.add_period(code)
        ws.set_value(code, "inspection.rounds", n)
    ws.add_period("2023-H1")
    ws.set_value("2023-H1", "inspection.rounds", 9, "theo báo cáo của đoàn kiểm tra")
    w = window_for(ws)
    w.select_period("2023-H1")
    form = w.area_form(1)
    row = form.model.row_of("inspection.rounds")
    assert form.model.data(form.model.index(row, VALUE)) == "9"
    form.clear_typed("inspection.rounds")
    assert form.model.data(form.model.index(row, VALUE)) == "5"
    assert form.model.data(form.model.index(row, NOTE)) == "theo báo cáo của đoàn kiểm tra"
    w.ui.actionUndo.trigger()
    assert form.model.data(form.model.index(row, VALUE)) == "9"
