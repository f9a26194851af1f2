"""The window's "Thêm kỳ" with monthly and custom periods, the unit profile of 2026, the first
run of a ward formed by the 2025 reform, and the one-time question for a missing unit code
(pytest-qt, offscreen, real workspace files)."""
import datetime as dt

import pytest

from cchc_desktop import rules
from cchc_desktop.gui.dialogs import FirstRunDialog, PeriodDialog, UnitCodeDialog, UnitDialog
from cchc_desktop.store import Workspace


def dialog(qtbot, ws, **kw):
    dlg = PeriodDialog(ws, **kw)
    qtbot.addWidget(dlg)
    return dlg


@pytest.mark.parametrize("today,code", [
    (dt.date(2026, 12, 2), "2026-Q4"),     # December: Quý IV, not Quý I
    (dt.date(2026, 12, 20), "2026-Q4"),
    (dt.date(2026, 7, 1), "2026-Q2"),       # Q2's window closed on 14/06: its report is due
])
def test_add_period_proposes_what_the_date_calls_for(qtbot, ws, today, code):
    dlg = dialog(qtbot, ws, today=today)
    assert f"{dlg.ui.year.value()}-{dlg.kind()}" == code
    assert dlg.ui.errorLabel.text() == ""


def test_proposal_skips_a_period_already_added_and_follows_months(qtbot, ws):
    ws.add_period("2026-Q4")
    dlg = dialog(qtbot, ws, today=dt.date(2026, 12, 2))
    assert dlg.kind() in ("H2", "Y")            # the next one the date calls for, not Q4 twice
    ws.add_period("2026-M10")                   # a unit reporting monthly is offered its month
    dlg = dialog(qtbot, ws, today=dt.date(2026, 11, 20))
    assert (dlg.ui.year.value(), dlg.kind()) == (2026, "M11")


def test_monthly_period_from_the_dialog(qtbot, ws):
    dlg = dialog(qtbot, ws, today=dt.date(2025, 7, 20))
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("M07"))
    dlg.ui.year.setValue(2025)
    assert (dlg.ui.windowFrom.text(), dlg.ui.windowTo.text()) == ("15/06/2025", "14/07/2025")
    assert "Mã kỳ: 2025-M07; hạn báo cáo: 15/07/2025" in dlg.ui.hintLabel.text()
    dlg.accept()
    assert dlg.code == "2025-M07" and ws.period("2025-M07").label == "tháng 7 năm 2025"


def test_custom_period_from_the_dialog_with_title_and_deadline(qtbot, ws):
    ws.update_unit(established="2025-07-01")
    dlg = dialog(qtbot, ws, today=dt.date(2025, 11, 3))
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("C"))
    assert not dlg.ui.year.isEnabled()
    assert dlg.ui.windowFrom.text() == "01/07/2025"        # the ward's first day
    dlg.ui.windowTo.setText("31/10/2025")
    assert dlg.ui.title.text() == "từ ngày 01/7/2025 đến ngày 31/10/2025"
    assert dlg.ui.errorLabel.text() == ""
    dlg.ui.reportNumber.setText("125")
    dlg.ui.reportDate.setText("03/11/2025")
    dlg.ui.deadline.setText("05/11/2025")
    assert "hạn báo cáo: 05/11/2025" in dlg.ui.hintLabel.text()
    dlg.accept()
    assert dlg.result() == 1 and dlg.code == "2025-07-01..2025-10-31"
    p = ws.period(dlg.code)
    assert (p.title, p.deadline, p.report_number) == ("từ ngày 01/7/2025 đến ngày 31/10/2025", dt.date(2025, 11, 5), "125")
    assert [f for f in rules.check(ws, p.code) if f.rule.startswith("window")] == []
    # editing it: the window is its name and stays; the title can change
    edit = dialog(qtbot, ws, code=p.code)
    assert edit.ui.windowTo.isReadOnly() and not edit.ui.kind.isEnabled()
    edit.ui.title.setText("từ ngày 01/7/2025 đến ngày 31/10/2025 (báo cáo chuyên đề)")
    edit.accept()
    assert ws.period(p.code).label.endswith("(báo cáo chuyên đề)")


def test_dialog_says_what_is_wrong_with_a_window(qtbot, ws):
    dlg = dialog(qtbot, ws, today=dt.date(2023, 9, 20))
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("9M"))
    dlg.ui.year.setValue(2023)
    dlg.ui.windowFrom.setText("15/11/2022")
    assert "15/12/2022 – 14/09/2023" in dlg.ui.errorLabel.text() and "30 ngày" in dlg.ui.errorLabel.text()
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("C"))
    dlg.ui.windowFrom.setText("31/10/2025")
    dlg.ui.windowTo.setText("01/07/2025")
    assert "ngày bắt đầu không sau" in dlg.ui.errorLabel.text()
    dlg.accept()
    assert dlg.result() == 0 and ws.periods() == []


def test_home_page_lists_monthly_and_custom_periods_with_deadlines(qtbot, window_for, ws):
    ws.update_unit(established="2025-07-01")
    ws.add_period("2025-M08")
    ws.add_period("2025-07-01..2025-10-31", title="từ ngày 01/7/2025 đến ngày 31/10/2025", deadline="2025-11-05")
    w = window_for(ws)
    page = w.page("home")
    page.today = dt.date(2025, 11, 1)
    page.reload()
    rows = {page.table.item(r, 0).text(): page.table.item(r, 1).text() for r in range(page.table.rowCount())}
    assert rows["Từ ngày 01/7/2025 đến ngày 31/10/2025"] == "05/11/2025"
    assert rows["Tháng 8 năm 2025"] == "15/08/2025"
    assert "Quý I năm 2025" not in rows          # ended before the ward existed
    assert "Quý III năm 2025" in rows
    text = page.next_label.text()
    assert "Quá hạn, chưa chốt số liệu: <b>tháng 8 năm 2025</b>" in text
    assert "Hạn tiếp theo: từ ngày 01/7/2025 đến ngày 31/10/2025 – ngày 05/11/2025" in text


def test_unit_dialog_edits_the_2026_profile(qtbot, ws):
    dlg = UnitDialog(ws)
    qtbot.addWidget(dlg)
    assert dlg.ui.tabs.count() == 2
    dlg.ui.code.setText("1916")
    dlg.accept()
    assert "5 chữ số" in dlg.ui.errorLabel.text() and ws.unit()["code"] == ""
    dlg.ui.code.setText("19168")
    dlg.ui.parent.setText("UBND tỉnh Quảng Trị")
    dlg.ui.focal_agency.setText("Sở Nội vụ tỉnh Quảng Trị")
    dlg.ui.one_stop.setCurrentText("Trung tâm Phục vụ hành chính công")
    dlg.ui.established.setText("01/07/2025")
    dlg.ui.signer_prefix.setCurrentText("KT. CHỦ TỊCH")
    dlg.ui.signer_title.setCurrentText("PHÓ CHỦ TỊCH")
    dlg.ui.signer_name.setText("Lê Văn Bình")
    dlg.ui.addressees.setPlainText("UBND tỉnh Quảng Trị\nSở Nội vụ tỉnh Quảng Trị")
    dlg.accept()
    assert dlg.result() == 1
    u = ws.unit()
    assert (u["code"], u["established"], u["signer_prefix"], u["signer_title"]) == \
        ("19168", "2025-07-01", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH")
    assert u["one_stop"] == "Trung tâm Phục vụ hành chính công" and u["calendar_windows"] == 0
    again = UnitDialog(ws)
    qtbot.addWidget(again)
    assert again.ui.established.text() == "01/07/2025" and again.ui.signer_title.currentText() == "PHÓ CHỦ TỊCH"


def test_first_run_of_a_ward_formed_in_2025(qtbot, clean_settings, tmp_path):
    from cchc_desktop.gui import app
    dlg = FirstRunDialog(tmp_path)
    qtbot.addWidget(dlg)
    dlg.ui.name.setText("UBND phuong Dong Thuan")
    dlg.ui.code.setText("1916x")
    dlg.ui.createButton.click()
    assert "5 chữ số" in dlg.ui.errorLabel.text() and dlg.choice is None
    dlg.ui.code.setText("19168")
    dlg.ui.parent.setText("UBND tỉnh Quảng Trị")
    assert dlg.ui.merged.isChecked()
    dlg.ui.createButton.click()
    ws = app.open_workspace(dlg.choice, dlg.path, dlg.unit_fields())
    u = ws.unit()
    assert (u["code"], u["established"], u["one_stop"]) == ("19168", "2025-07-01", "Trung tâm Phục vụ hành chính công")
    assert ws.add_period("2025-Q3").window_from == dt.date(2025, 7, 1)
    ws.close()


def test_a_file_without_a_code_asks_once_without_blocking(qtbot, window_for, ws, tmp_path):
    w = window_for(ws)
    button = w.ask_unit_code()
    assert button is not None and button.isVisible() and "chưa có mã" in button.text()
    # nothing is blocked while the question waits: pages change, periods are added
    ws.add_period("2025-Q4")
    w._fill_periods("2025-Q4")
    w.show_page("area3")
    assert w.current_page_id() == "area3" and button.isVisible()
    button.click()
    dlg = w.code_dialog
    assert dlg.isVisible()
    dlg.code.setText("12a45")
    dlg.accept()
    assert "5 chữ số" in dlg.errorLabel.text() and dlg.isVisible()
    dlg.code.setText("19168")
    dlg.accept()
    assert ws.unit()["code"] == "19168" and w._code_prompt is None
    assert "Mã đơn vị hành chính: 19168" in w.ui.unitLabel.toolTip()
    ws.update_unit(code="")
    assert w.ask_unit_code() is None               # asked once already
    # "Để sau" counts as asked too
    other = Workspace.create(tmp_path / "khac.cchc", name="UBND xã Khác")
    w2 = window_for(other)
    w2.ask_unit_code().click()
    w2.code_dialog.reject()
    assert w2.ask_unit_code() is None and other.unit()["code"] == ""
    assert UnitCodeDialog.needed(other) is False


def test_first_run_guesses_a_pre_reform_unit_from_its_district(qtbot, tmp_path):
    dlg = FirstRunDialog(tmp_path)
    qtbot.addWidget(dlg)
    dlg.ui.parent.setText("UBND huyện Vĩnh Linh")
    assert not dlg.ui.merged.isChecked()
    dlg.ui.parent.setText("UBND tỉnh Quảng Trị")
    assert dlg.ui.merged.isChecked()
    dlg.ui.merged.click()                          # the officer's own answer wins from now on
    dlg.ui.parent.setText("UBND tỉnh Quảng Trị ")
    assert not dlg.ui.merged.isChecked()
    assert "established" not in dlg.unit_fields()


def test_done_when_in_the_window(qtbot, clean_settings, tmp_path):
    """Issue 11 walked in the real window: create the ward under the province (first run), set
    signer and recipients, add the custom period 01/07–31/10/2025 by "Thêm kỳ", type its figures
    in area 3, get no error, and print the report with its title, signer and recipients."""
    import subprocess

    from PySide6.QtWidgets import QApplication

    from cchc_desktop.gui import app
    from cchc_desktop.gui.print_dialog import PrintDialog

    from gui_helpers import accept_modal, type_value

    first = FirstRunDialog(tmp_path)
    qtbot.addWidget(first)
    first.ui.name.setText("UBND phường Đồng Thuận")
    first.ui.code.setText("19168")
    first.ui.parent.setText("UBND tỉnh Quảng Trị")
    first.ui.place.setText("Đồng Thuận")
    first.ui.createButton.click()
    ws = app.open_workspace(first.choice, first.path, first.unit_fields())
    w = app.Controller(ws).window
    qtbot.addWidget(w)
    w.show()

    def profile(dlg):
        dlg.ui.signer_name.setText("Nguyễn Văn Mẫu")
        dlg.ui.addressees.setPlainText("UBND tỉnh Quảng Trị;\nSở Nội vụ tỉnh Quảng Trị.")
        dlg.ui.recipients.setPlainText("- Như trên;\n- CT, các PCT UBND phường;\n- Lưu: VT.")
    accept_modal(profile)
    w.unit_profile()
    assert ws.unit()["signer_name"] == "Nguyễn Văn Mẫu"

    def period(dlg):
        dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("C"))
        dlg.ui.windowFrom.setText("01/07/2025")
        dlg.ui.windowTo.setText("31/10/2025")
        dlg.ui.reportNumber.setText("125")
        dlg.ui.reportDate.setText("03/11/2025")
    accept_modal(period)
    assert w.add_period() == CUSTOM_CODE and w.code == CUSTOM_CODE
    assert ws.period(CUSTOM_CODE).label == "từ ngày 01/7/2025 đến ngày 31/10/2025"

    w.show_page("area3")
    form = w.area_form(3)
    QApplication.processEvents()   # the keyboard goes back where it was once the dialog closed
    for key, text in (("dossier.carried_over", "0"), ("dossier.received_total", "2.265"),
                      ("dossier.received_online", "2.007"), ("dossier.received_direct", "258"),
                      ("dossier.resolved_total", "2.051"), ("dossier.resolved_early", "2.041"),
                      ("dossier.resolved_on_time", "10"), ("dossier.resolved_late", "0"), ("dossier.pending", "214")):
        form.select_key(key)          # rows the template does not print are below the fold
        type_value(qtbot, form, key, text)
    assert ws.typed_values(CUSTOM_CODE)["dossier.received_total"] == 2265
    errors = [f.message for f in rules.check(ws, CUSTOM_CODE) if f.severity == "error"]
    assert errors == []

    dlg = PrintDialog(ws, CUSTOM_CODE, w)
    qtbot.addWidget(dlg)
    for doc_id, box in dlg.checks.items():
        box.setChecked(doc_id == "report_pdf")
    [pdf] = dlg.save_to(tmp_path / "in")
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "từ ngày 01/7/2025 đến ngày 31/10/2025" in text and "Số: 125/BC-UBND" in text
    assert "Kính gửi:" in text and "Sở Nội vụ tỉnh Quảng Trị" in text
    assert "Nơi nhận:" in text and "Nguyễn Văn Mẫu" in text and "2.265" in text
    w.close()
    ws.close()


CUSTOM_CODE = "2025-07-01..2025-10-31"
