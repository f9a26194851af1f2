"""Quy tắc kiểm tra (RulesDialog): a shipped rule lowered, switched off and restored, a rule of the
unit added through the form and refused when it makes no sense, all on the real sample workspace."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from cchc_desktop import catalogue, rules


SURVEY = "le.survey_satisfied"   # Số phiếu hài lòng ≤ Số lượng phiếu khảo sát


@pytest.fixture
def broken(demo_ws):
    """The sample with more satisfied forms than forms: the shipped rule SURVEY is an error."""
    code = demo_ws.periods()[-1].code
    forms = demo_ws.typed_values(code)["survey.forms"]
    demo_ws.set_value(code, "survey.satisfied", forms + 5)
    return demo_ws, code


def _dialog(qtbot, ws, code):
    from cchc_desktop.gui.rules_dialog import RulesDialog
    d = RulesDialog(ws, code)
    qtbot.addWidget(d)
    d.show()
    return d


def _survey(ws, code):
    return [f for f in rules.check(ws, code) if f.rule == SURVEY]


def _row(d, code):
    [item] = [it for it in d.rule_items() if it.data(0, Qt.UserRole + 1) == code]
    return [item.text(c) for c in range(3)]


def test_describe_names_indicators_by_label():
    cat = catalogue.load()
    d = {"type": "sum", "total": "dossier.received_total", "parts": ["dossier.carried_over", "dossier.received_direct"]}
    text = rules.describe(d, cat)
    assert text.startswith("Tổng số hồ sơ đã tiếp nhận = Số hồ sơ kỳ trước chuyển sang + ")
    assert "dossier." not in text
    le = rules.describe({"type": "le", "left": "survey.satisfied", "right": "survey.forms"}, cat)
    assert le == "Số phiếu hài lòng ≤ Số lượng phiếu khảo sát"
    assert rules.describe({"type": "domain"}, cat).startswith("Mọi chỉ tiêu có giá trị hợp lệ")
    assert rules.area_of({"type": "le", "left": "survey.satisfied", "right": "survey.forms"}, cat) == 1
    # every shipped rule reads in words, none shows a bare key
    for d in rules.shipped_definitions():
        words = rules.describe(d, cat)
        assert words and not any(k in words for k in cat.keys()), words


def test_list_shows_every_rule_in_words_grouped_by_area(qtbot, demo_ws):
    d = _dialog(qtbot, demo_ws, None)
    codes = [it.data(0, Qt.UserRole + 1) for it in d.rule_items()]
    assert sorted(codes) == sorted(r.code for r in rules.rules_for(demo_ws))
    assert _row(d, SURVEY) == ["Số phiếu hài lòng ≤ Số lượng phiếu khảo sát", "Lỗi", "có sẵn"]
    # filter by area 6 only leaves rules of public finance
    d.areaCombo.setCurrentIndex(d.areaCombo.findData(6))
    shown = d.visible_codes()
    assert shown and all(d.entries[c].area == 6 for c in shown) and SURVEY not in shown
    d.areaCombo.setCurrentIndex(0)
    d.searchEdit.setText("phiếu hài lòng")
    assert SURVEY in d.visible_codes() and len(d.visible_codes()) < len(codes)
    found = d.visible_codes()
    d.searchEdit.setText("phieu hai long")   # without accents finds the same
    assert d.visible_codes() == found


def test_lower_switch_off_and_restore_a_shipped_rule(qtbot, broken):
    ws, code = broken
    [f] = _survey(ws, code)
    assert f.severity == rules.ERROR
    d = _dialog(qtbot, ws, code)
    assert d.select_code(SURVEY)
    assert not d.restoreButton.isEnabled() and not d.deleteButton.isEnabled()
    assert d.severityButton.text() == "Hạ thành &cảnh báo"
    qtbot.mouseClick(d.severityButton, Qt.LeftButton)
    [f] = _survey(ws, code)
    assert f.severity == rules.WARNING
    assert _row(d, SURVEY)[1:] == ["Cảnh báo", "có sẵn, đã đổi mức độ"]
    assert d.current_code() == SURVEY and d.restoreButton.isEnabled()
    assert ws.undo_label() == "Quy tắc kiểm tra: Số phiếu hài lòng ≤ Số lượng phiếu khảo sát"
    qtbot.mouseClick(d.enableButton, Qt.LeftButton)
    assert _survey(ws, code) == []
    assert _row(d, SURVEY)[2] == "có sẵn, đã tắt" and d.enableButton.text() == "&Bật lại quy tắc"
    # switched on again it is still a warning; restoring makes it the shipped error again
    qtbot.mouseClick(d.enableButton, Qt.LeftButton)
    assert [f.severity for f in _survey(ws, code)] == [rules.WARNING]
    qtbot.mouseClick(d.restoreButton, Qt.LeftButton)
    assert [f.severity for f in _survey(ws, code)] == [rules.ERROR]
    assert _row(d, SURVEY)[1:] == ["Lỗi", "có sẵn"] and rules.user_rules(ws) == []
    # raising a lowered rule back to an error drops the override instead of storing a copy
    d.toggle_severity()
    d.toggle_severity()
    assert rules.user_rules(ws) == []
    # each click was one operation, kept in the audit log
    assert len([a for a in ws.audit() if a["entity"] == "rules"]) >= 6


def _choose(qtbot, combo, words, label):
    """Type a few words of an indicator's label (without accents, as officers often do) and pick
    it from the completer's list with the arrow keys and Enter."""
    combo.setFocus()
    qtbot.keyClicks(combo.lineEdit(), words)
    popup = combo.completer().popup()
    qtbot.waitUntil(popup.isVisible)
    shown = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    assert label in shown   # words in the middle of the label find it (MatchContains)
    for _ in range(shown.index(label) + 1):
        qtbot.keyClick(popup, Qt.Key_Down)
    qtbot.keyClick(popup, Qt.Key_Return)
    assert combo.currentText() == label   # the label itself, with its accents, goes in the box


def test_add_a_le_rule_through_the_form(qtbot, demo_ws):
    ws, cat = demo_ws, demo_ws.catalogue
    code = ws.periods()[-1].code
    from cchc_desktop.gui.rules_dialog import fold
    d = _dialog(qtbot, ws, code)
    form = d.add_form()
    qtbot.addWidget(form)
    form.show()
    form.kindCombo.setCurrentIndex(form.kindCombo.findData("le"))
    _choose(qtbot, form.leftCombo, "giai quyet qua han", cat["dossier.resolved_late"].label)
    _choose(qtbot, form.rightCombo, "thu xin loi", cat["dossier.apologies"].label)
    form.severityCombo.setCurrentIndex(form.severityCombo.findData(rules.WARNING))
    qtbot.mouseClick(form.okButton, Qt.LeftButton)
    assert form.added == "don_vi.le.1" and form.result() == form.DialogCode.Accepted
    [row] = rules.user_rules(ws)
    assert row["definition"] == {"code": "don_vi.le.1", "type": "le", "left": "dossier.resolved_late", "op": "<=",
                                 "right": "dossier.apologies", "severity": "warning", "area": 3}
    ws.set_values(code, [("dossier.resolved_late", 3), ("dossier.apologies", 1)])
    [f] = [f for f in rules.check(ws, code) if f.rule == "don_vi.le.1"]
    assert f.severity == rules.WARNING and "(3) lớn hơn" in f.message
    ws.set_value(code, "dossier.apologies", 3)
    assert [f for f in rules.check(ws, code) if f.rule == "don_vi.le.1"] == []
    d.reload("don_vi.le.1")
    assert _row(d, "don_vi.le.1") == [f"{cat['dossier.resolved_late'].label} ≤ {cat['dossier.apologies'].label}",
                                      "Cảnh báo", "của đơn vị"]
    assert d.deleteButton.isEnabled() and not d.restoreButton.isEnabled()
    # the next rule of the same kind gets the next code
    form2 = d.add_form()
    qtbot.addWidget(form2)
    form2.kindCombo.setCurrentIndex(form2.kindCombo.findData("le"))
    form2.leftCombo.setEditText(cat["legal.flagged_resolved"].label)
    form2.rightCombo.setEditText(fold(cat["legal.flagged"].label) + " ")   # no accents, stray space: forgiven
    form2.submit()
    assert form2.added is None   # the shipped le.legal_flagged_resolved says the same
    assert "Đã có quy tắc này" in form2.errorLabel.text()
    form2.rightCombo.setEditText(cat["legal.issued"].label)
    assert form2.submit() == "don_vi.le.2"
    # A = B is refused once B = A is there
    form3 = d.add_form()
    qtbot.addWidget(form3)
    form3.kindCombo.setCurrentIndex(form3.kindCombo.findData("same"))
    form3.leftCombo.setEditText(cat["dossier.received_total"].label)
    form3.rightCombo.setEditText(cat["survey.forms"].label)
    assert form3.submit() == "don_vi.same.1"
    form3 = d.add_form()
    qtbot.addWidget(form3)
    form3.kindCombo.setCurrentIndex(form3.kindCombo.findData("same"))
    form3.leftCombo.setEditText(cat["survey.forms"].label)
    form3.rightCombo.setEditText(cat["dossier.received_total"].label)
    assert form3.submit() is None and "Đã có quy tắc này" in form3.errorLabel.text()
    # delete the unit's own rule (confirmation skipped in the test)
    d.reload("don_vi.le.1")
    d.delete_current(confirm=False)
    assert [r["code"] for r in rules.user_rules(ws)] == ["don_vi.le.2", "don_vi.same.1"]


def test_add_a_sum_rule_with_several_parts(qtbot, demo_ws):
    cat = demo_ws.catalogue
    d = _dialog(qtbot, demo_ws, None)
    form = d.add_form()
    qtbot.addWidget(form)
    form.totalCombo.setEditText(cat["survey.forms"].label)
    for key in ("survey.satisfied", "dossier.apologies"):
        form.partCombo.setEditText(cat[key].label)
        qtbot.mouseClick(form.addPartButton, Qt.LeftButton)
    assert form.parts() == ["survey.satisfied", "dossier.apologies"]
    # Enter in the parts box adds the part, and does not close the form
    form.show()
    form.partCombo.setEditText(cat["survey.forms_land"].label)
    qtbot.keyClick(form.partCombo.lineEdit(), Qt.Key_Return)
    assert form.parts() == ["survey.satisfied", "dossier.apologies", "survey.forms_land"] and form.isVisible()
    form.partsList.setCurrentRow(2)
    form.remove_part()
    form.partCombo.setEditText(cat["survey.satisfied"].label)
    form.add_part()
    assert form.parts() == ["survey.satisfied", "dossier.apologies"] and form.errorLabel.isVisible() is not None
    assert "đã có trong danh sách" in form.errorLabel.text()
    form.messageEdit.setText("Tổng phiếu ({total}) khác tổng các phần ({sum})")
    assert form.submit() == "don_vi.sum.1"
    [row] = rules.user_rules(demo_ws)
    assert row["definition"]["parts"] == ["survey.satisfied", "dossier.apologies"]
    assert row["definition"]["message"] == "Tổng phiếu ({total}) khác tổng các phần ({sum})"


@pytest.mark.parametrize("fill, message", [
    (lambda f, cat: None, "Chọn chỉ tiêu A"),
    (lambda f, cat: (f.leftCombo.setEditText(cat["survey.forms"].label),
                     f.rightCombo.setEditText(cat["survey.forms"].label)), "cùng một chỉ tiêu"),
    (lambda f, cat: (f.leftCombo.setEditText("không có chỉ tiêu này"),
                     f.rightCombo.setEditText(cat["survey.forms"].label)), "Chọn chỉ tiêu A"),
    (lambda f, cat: (f.kindCombo.setCurrentIndex(0), f.totalCombo.setEditText(cat["survey.forms"].label)),
     "Chưa có thành phần nào"),
    (lambda f, cat: (f.kindCombo.setCurrentIndex(0), f.totalCombo.setEditText(cat["survey.forms"].label),
                     f.partCombo.setEditText(cat["survey.forms"].label), f.add_part()), "không thể đồng thời"),
    (lambda f, cat: (f.kindCombo.setCurrentIndex(0), f.totalCombo.setEditText(cat["survey.forms"].label),
                     f.partCombo.setEditText(cat["survey.satisfied"].label), f.add_part()), "ít nhất hai"),
    (lambda f, cat: (f.leftCombo.setEditText(cat["dossier.online_rate"].label),
                     f.rightCombo.setEditText(cat["survey.forms"].label)), "Không so sánh hay cộng được tỷ lệ"),
])
def test_bad_input_is_refused_in_the_form_and_nothing_is_stored(qtbot, demo_ws, fill, message):
    from cchc_desktop.gui.rules_dialog import AddRuleDialog
    form = AddRuleDialog(demo_ws)
    qtbot.addWidget(form)
    form.show()
    form.kindCombo.setCurrentIndex(form.kindCombo.findData("le"))
    fill(form, demo_ws.catalogue)
    steps = demo_ws.undo_label()
    qtbot.mouseClick(form.okButton, Qt.LeftButton)
    assert form.isVisible() and form.added is None
    assert form.errorLabel.isVisible() and message in form.errorLabel.text()
    assert rules.user_rules(demo_ws) == [] and demo_ws.undo_label() == steps


def test_undo_in_the_workspace_removes_an_added_rule_and_the_window_checks_again(qtbot, window_for, demo_path):
    from cchc_desktop.gui.rules_dialog import RulesDialog
    from cchc_desktop.store import Workspace
    ws = Workspace.open(demo_path)
    w = window_for(ws)
    code = w.code
    ws.set_value(code, "survey.satisfied", ws.typed_values(code)["survey.forms"] + 5)
    w.check()
    panel = w.findings_dock.widget()
    qtbot.waitUntil(lambda: any(f.rule == SURVEY and f.is_error for f in panel.findings))
    seen = {}

    def in_dialog():   # the menu's dialog is modal: act on it from inside its loop
        d = QApplication.activeModalWidget()
        seen["dialog"] = isinstance(d, RulesDialog)
        d.select_code(SURVEY)
        d.toggle_enabled()
        d.accept()
    QTimer.singleShot(0, in_dialog)
    w.ui.actionRules.trigger()
    assert seen["dialog"]
    qtbot.waitUntil(lambda: not any(f.rule == SURVEY for f in panel.findings))
    assert w.ui.actionUndo.text() == "&Hoàn tác: Quy tắc kiểm tra: Số phiếu hài lòng ≤ Số lượng phiếu khảo sát"
    w.undo()
    assert rules.user_rules(ws) == []
    qtbot.waitUntil(lambda: any(f.rule == SURVEY and f.is_error for f in panel.findings))
    # an added rule of the unit goes away with Ctrl+Z as well
    from cchc_desktop.gui.rules_dialog import AddRuleDialog
    form = AddRuleDialog(ws)
    qtbot.addWidget(form)
    form.leftCombo.setEditText(ws.catalogue["dossier.resolved_late"].label)
    form.rightCombo.setEditText(ws.catalogue["dossier.apologies"].label)
    form.kindCombo.setCurrentIndex(form.kindCombo.findData("same"))
    assert form.submit() == "don_vi.same.1"
    assert [r["code"] for r in rules.user_rules(ws)] == ["don_vi.same.1"]
    assert w.ui.actionUndo.isEnabled() and w.ui.actionUndo.shortcuts()[0].toString() == "Ctrl+Z"
    w.ui.actionUndo.trigger()
    assert rules.user_rules(ws) == []
    assert [(a["entity"], a["action"]) for a in ws.audit()[:2]] == [("rules", "undo"), ("rules", "set")]
    ws.close()


def _later(qtbot, act):
    """Run *act* on the modal dialog the next call opens (it blocks in its own event loop)."""
    seen = []

    def run():
        w = QApplication.activeModalWidget()
        seen.append(w)
        act(w)
    QTimer.singleShot(0, run)
    return seen


def test_add_and_delete_through_the_buttons_with_their_dialogs(qtbot, demo_ws):
    from PySide6.QtWidgets import QMessageBox
    from cchc_desktop.gui.rules_dialog import AddRuleDialog
    cat = demo_ws.catalogue
    # a finalised period changes nothing: rules belong to the workspace
    code = demo_ws.periods()[-1].code
    demo_ws.set_status(code, "final")
    d = _dialog(qtbot, demo_ws, code)
    d.areaCombo.setCurrentIndex(d.areaCombo.findData(6))   # the new rule shows even when filtered out

    def fill(form):
        form.kindCombo.setCurrentIndex(form.kindCombo.findData("same"))
        form.leftCombo.setEditText(cat["survey.satisfied"].label)
        form.rightCombo.setEditText(cat["survey.forms"].label)
        qtbot.mouseClick(form.okButton, Qt.LeftButton)
    seen = _later(qtbot, fill)
    qtbot.mouseClick(d.addButton, Qt.LeftButton)
    assert isinstance(seen[0], AddRuleDialog)
    assert d.current_code() == "don_vi.same.1" and d.areaCombo.currentIndex() == 0
    assert _row(d, "don_vi.same.1")[1:] == ["Lỗi", "của đơn vị"]
    # "Không xóa" keeps it, "Xóa" removes it
    for answer, left in (("Không xóa", ["don_vi.same.1"]), ("Xóa", [])):
        def click(box, answer=answer):
            assert isinstance(box, QMessageBox) and "Số phiếu hài lòng = Số lượng phiếu khảo sát" in box.text()
            [b] = [b for b in box.buttons() if b.text() == answer]
            b.click()
        d.select_code("don_vi.same.1")
        _later(qtbot, click)
        qtbot.mouseClick(d.deleteButton, Qt.LeftButton)
        assert [r["code"] for r in rules.user_rules(demo_ws)] == left


def test_a_stored_rule_that_no_longer_reads_is_shown_and_can_be_deleted(qtbot, demo_ws):
    import json
    with demo_ws.operation("Quy tắc cũ"):   # as a file made with another catalogue would hold it
        demo_ws.change_row("rules", {"id": None}, {
            "code": "don_vi.le.9", "definition": json.dumps({"code": "don_vi.le.9", "type": "le",
                                                             "left": "khong.co", "right": "survey.forms"}),
            "added_by": "x", "added_at": "2024-01-01T00:00:00"})
    d = _dialog(qtbot, demo_ws, None)
    assert d.select_code("don_vi.le.9")
    text, _severity, source = _row(d, "don_vi.le.9")
    assert "khong.co" in text and "không có trong danh mục" in text and source == "của đơn vị, không đọc được"
    assert not d.severityButton.isEnabled() and not d.enableButton.isEnabled() and d.deleteButton.isEnabled()
    d.toggle_severity()   # ignored, nothing raised
    d.delete_current(confirm=False)
    assert rules.user_rules(demo_ws) == []


def test_tab_order_goes_filter_search_list_then_buttons(qtbot, demo_ws):
    d = _dialog(qtbot, demo_ws, None)
    d.select_code(SURVEY)
    chain, w = [], d.areaCombo
    for _ in range(8):
        w = w.nextInFocusChain()
        while not w.focusPolicy().value & 1 or not w.isEnabled() or not w.isVisible():
            w = w.nextInFocusChain()
        chain.append(w)
    assert chain == [d.searchEdit, d.tree, d.severityButton, d.enableButton, d.addButton, d.closeButton,
                     d.areaCombo, d.searchEdit]
