"""The upper office's form in the window: the wizard, the templates by title, printing it."""
from openpyxl import load_workbook
from PySide6.QtCore import Qt

from cchc_desktop.forms import library
from cchc_desktop.gui.form_import import FormImportDialog, TemplatesDialog

import province_form


def _row_index(dialog, row: int) -> int:
    t = dialog.ui.rowsTable
    return next(i for i in range(t.rowCount()) if t.item(i, 0).data(Qt.UserRole)[1] == row)


def test_wizard_shows_matches_and_the_officer_corrects_one(qtbot, clean_settings, demo_ws, tmp_path):
    path = province_form.build(tmp_path / "bieu.xlsx")
    d = FormImportDialog(demo_ws, path=path)
    qtbot.addWidget(d)
    t = d.ui.rowsTable
    assert t.rowCount() == len(province_form.ROWS) - 1          # the hidden row is not offered
    summary = d.ui.summaryLabel.text()
    assert province_form.TITLE in summary and province_form.OFFICE in summary and "cần chọn" in summary
    cadres = _row_index(d, province_form.row_of("Số cán bộ cấp xã"))
    assert t.item(cadres, 3).text() == "Số cán bộ cấp xã" and t.item(cadres, 4).text().startswith("khớp chắc chắn")
    none = _row_index(d, province_form.row_of("Số người tham gia"))
    assert t.item(none, 3).text() == "(để trống)" and t.item(none, 4).text() == "không có chỉ tiêu"
    # the officer picks the unsure inspection row and chooses by typing without accents
    row = province_form.row_of("Số cuộc kiểm tra")
    assert d.select("Biểu 01", row)
    assert "Số đợt kiểm tra" in d.ui.whyLabel.text()
    d.picker.setEditText("so dot kiem tra, giam sat cchc")
    qtbot.mouseClick(d.ui.useButton, Qt.LeftButton)
    i = _row_index(d, row)
    assert t.item(i, 3).text() == "Số đợt kiểm tra, giám sát CCHC" and t.item(i, 4).text() == "cán bộ đã chọn"
    # and leaves the apology row blank on purpose
    d.select("Biểu 01", province_form.row_of("Số thư xin lỗi"))
    qtbot.mouseClick(d.ui.blankButton, Qt.LeftButton)
    d.ui.nameEdit.setText("bieu-snv")
    d.accept()
    stored = library.get(demo_ws, "bieu-snv")
    assert stored.row("Biểu 01", row).key == "inspection.rounds"
    assert stored.row("Biểu 01", province_form.row_of("Số thư xin lỗi")).status == library.CLEARED
    exported = d.export_to(tmp_path / "anh-xa.json")
    assert library.read_mapping_file(exported)["title"] == province_form.TITLE


def test_wizard_refuses_a_bad_file_in_words(qtbot, clean_settings, demo_ws, tmp_path):
    bad = tmp_path / "cu.xls"
    bad.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    d = FormImportDialog(demo_ws)
    qtbot.addWidget(d)
    assert not d.load_file(bad)
    assert "Excel cũ" in d.ui.errorLabel.text()
    assert not d.ui.buttonBox.button(d.ui.buttonBox.StandardButton.Save).isEnabled()


def test_templates_are_listed_by_title_office_and_preview(qtbot, clean_settings, demo_ws, tmp_path):
    library.import_file(demo_ws, province_form.build(tmp_path / "b.xlsx"), "bieu-snv")
    d = TemplatesDialog(demo_ws)
    qtbot.addWidget(d)
    texts = [d.list.item(i).text() for i in range(d.list.count())]
    assert not any(t.startswith(("phu-luc", "chi-tiet", "bieu-snv")) for t in texts)
    assert any(t.startswith("Phụ lục 1") and "UBND thị xã Quảng Trị" in t and "đang dùng" in t for t in texts)
    assert any(t.startswith(province_form.TITLE) and province_form.OFFICE in t for t in texts)
    item = next(d.list.item(i) for i in range(d.list.count()) if d.list.item(i).text().startswith(province_form.TITLE))
    d.list.setCurrentItem(item)
    labels = [d.preview.item(i, 1).text() for i in range(d.preview.rowCount())]
    assert "Số cán bộ cấp xã" in labels and d.edit_button.isEnabled()
    d.use_current()
    assert demo_ws.unit()["template"] == "bieu-snv"


def test_unit_dialog_offers_titles_not_program_names(qtbot, clean_settings, demo_ws):
    from cchc_desktop.gui.dialogs import UnitDialog
    d = UnitDialog(demo_ws)
    qtbot.addWidget(d)
    combo = d.ui.template
    shown = [combo.itemText(i) for i in range(combo.count())]
    assert all(not s.startswith(("phu-luc", "chi-tiet")) for s in shown)
    assert combo.currentData() == "phu-luc-1" and combo.currentText().startswith("Phụ lục 1")
    assert d.fields()["template"] == "phu-luc-1"


def test_print_dialog_fills_the_upper_offices_form(qtbot, clean_settings, demo_ws, tmp_path):
    from cchc_desktop.gui.print_dialog import PrintDialog
    library.import_file(demo_ws, province_form.build(tmp_path / "b.xlsx"), "bieu-snv")
    d = PrintDialog(demo_ws, "2022-H1")
    qtbot.addWidget(d)
    d.template.setCurrentIndex(d.template.findData("bieu-snv"))
    assert d.template.currentText().startswith(province_form.TITLE)
    (tmp_path / "out").mkdir()
    out = d.make("appendix_xlsx", tmp_path / "out")
    sheet = load_workbook(out)["Biểu 01"]
    assert sheet[f"D{province_form.row_of('Tổng số hồ sơ TTHC')}"].value == 2297
    assert sheet["A6"].value == "Đơn vị báo cáo: UBND phường 2"
    pdf = d.make("appendix_pdf", tmp_path / "out")
    assert pdf.suffix == ".pdf" and pdf.stat().st_size > 5000


def test_main_window_file_menu_opens_the_templates_and_the_entry_follows_the_form(qtbot, window_for, demo_ws,
                                                                                   tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    library.import_file(demo_ws, province_form.build(tmp_path / "b.xlsx"), "bieu-snv")
    w = window_for(demo_ws)
    seen = {}

    def in_dialog():
        d = QApplication.activeModalWidget()
        seen["title"] = d.windowTitle()
        item = next(d.list.item(i) for i in range(d.list.count())
                    if d.list.item(i).text().startswith(province_form.TITLE))
        d.list.setCurrentItem(item)
        d.use_current()
        d.reject()

    QTimer.singleShot(0, in_dialog)
    w.ui.actionTemplates.trigger()
    assert seen["title"] == "Mẫu phụ lục và biểu mẫu của cấp trên"
    assert demo_ws.unit()["template"] == "bieu-snv"
    from cchc_desktop.gui.area_form import template_rows
    keys = [r.key for _, r in template_rows(demo_ws)]
    assert "staff.cadres" in keys and "dossier.received_total" in keys


def test_the_change_log_says_what_happened_to_the_form_in_words(clean_settings, demo_ws, tmp_path):
    from cchc_desktop.gui.audit_page import Sentences
    library.import_file(demo_ws, province_form.build(tmp_path / "b.xlsx"), "bieu-snv")
    row = province_form.row_of("Số cuộc kiểm tra")
    library.set_row_key(demo_ws, "bieu-snv", "Biểu 01", row, "inspection.rounds")
    said = Sentences(demo_ws)
    texts = [said(a) for a in demo_ws.audit() if a["entity"] == "province_form"]
    assert texts[0] == f"Sửa ghép dòng (ô D{row}) của biểu mẫu cấp trên: để trống → “Số đợt kiểm tra, giám sát CCHC”"
    assert texts[1].startswith(f"Nhập biểu mẫu của cấp trên: {province_form.TITLE}")


def test_unit_dialog_opens_the_templates_with_their_preview(qtbot, clean_settings, demo_ws, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    from cchc_desktop.gui.dialogs import UnitDialog
    d = UnitDialog(demo_ws)
    qtbot.addWidget(d)
    form_path = province_form.build(tmp_path / "b.xlsx")

    def in_templates():
        t = QApplication.activeModalWidget()
        wizard = FormImportDialog(demo_ws, t, path=form_path)
        wizard.ui.nameEdit.setText("bieu-snv")
        wizard.accept()
        t.reload("bieu-snv")
        t.reject()

    QTimer.singleShot(0, in_templates)
    qtbot.mouseClick(d.ui.templatesButton, Qt.LeftButton)
    combo = d.ui.template
    assert combo.findData("bieu-snv") >= 0                       # the new form is offered at once
    assert combo.itemText(combo.findData("bieu-snv")).startswith(province_form.TITLE)
    assert combo.currentData() == "phu-luc-1"                    # the unit's choice is untouched


def test_entry_follows_the_forms_rows_area_by_area(clean_settings, demo_ws, tmp_path):
    from cchc_desktop.gui.area_form import area_rows
    library.import_file(demo_ws, province_form.build(tmp_path / "b.xlsx"), "bieu-snv")
    demo_ws.update_unit(template="bieu-snv")
    area3 = [r for r in area_rows(demo_ws, 3)]
    assert [r.label for r in area3[:2]] == ["CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
                                           "Tổng số hồ sơ TTHC đã tiếp nhận (kể cả hồ sơ kỳ trước chuyển sang)"]
    assert area3[1].key == "dossier.received_total"
    assert not any("Ngày hội chuyển đổi số" in r.label for a in range(1, 8) for r in area_rows(demo_ws, a))


def test_wizard_keyboard_and_use_as_the_units_template(qtbot, clean_settings, demo_ws, tmp_path):
    d = FormImportDialog(demo_ws, path=province_form.build(tmp_path / "b.xlsx"))
    qtbot.addWidget(d)
    row = province_form.row_of("Số thư xin lỗi")
    d.select("Biểu 01", row)
    d.picker.setEditText("so thu xin loi da gui (ho so tre han)")
    qtbot.keyClick(d.picker.lineEdit(), Qt.Key_Return)
    assert d.form.row("Biểu 01", row).key == "dossier.apologies"
    d.ui.nameEdit.setText("bieu-snv")
    d.ui.unitTemplateCheck.setChecked(True)
    d.accept()
    assert demo_ws.unit()["template"] == "bieu-snv"
    assert library.get(demo_ws, "bieu-snv").row("Biểu 01", row).status == library.CHOSEN
