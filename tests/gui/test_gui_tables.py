"""Detail grids, the documents register, the home page and the first-run choice, on real widgets."""
from __future__ import annotations

import datetime as _dt

import pytest
from PySide6.QtCore import Qt

from cchc_desktop import rollup
from cchc_desktop.gui.detail_grid import DetailGrid
from cchc_desktop.store import Workspace

from gui_helpers import grid_type

FIELDS = "dossiers_by_field"


def col(grid, key):
    return 1 + [c.key for c in grid.table.columns].index(key)


def test_grid_rows_from_the_list_and_totals_become_core_keys(qtbot, ws_h1):
    grid = DetailGrid(ws_h1, ws_h1.catalogue.detail_table(FIELDS))
    qtbot.addWidget(grid)
    grid.show()
    grid.set_period("2023-H1")
    assert "Hộ tịch" in [grid.picker.itemText(i) for i in range(grid.picker.count())]
    for name, received, resolved in (("Hộ tịch", "163", "163"), ("Chứng thực", "217", "217")):
        grid.picker.setCurrentText(name)
        grid.add_button.click()
        row = [r["label"] for r in grid.model.rows].index(name)
        grid_type(qtbot, grid, row, col(grid, "received_total"), received)
        grid_type(qtbot, grid, row, col(grid, "resolved_total"), resolved)
    total_row = grid.model.rowCount() - 1
    assert grid.model.data(grid.model.index(total_row, 0)) == "Tổng cộng"
    assert grid.model.data(grid.model.index(total_row, col(grid, "received_total"))) == "380"
    assert not grid.model.flags(grid.model.index(total_row, 1)) & Qt.ItemIsEditable
    with Workspace.open(ws_h1.path) as other:
        cells = rollup.values(other, "2023-H1")
    assert cells["dossier.received_total"].value == 380
    assert cells["dossier.received_total"].source == rollup.DETAIL
    assert cells["dossier.resolved_total"].value == 380


def test_rates_in_a_grid_are_worked_out_not_typed(qtbot, ws_h1):
    """Seed 001's digitisation row: 522 of 673 dossiers digitised in full is 77,56 %; the
    rate cell cannot be typed in, and the total row's rate comes from the summed columns."""
    grid = DetailGrid(ws_h1, ws_h1.catalogue.detail_table("digitization"))
    qtbot.addWidget(grid)
    grid.show()
    grid.set_period("2023-H1")
    for name, received, full in (("Hồ sơ TTHC", "673", "522"), ("Khác", "27", "28")):
        grid.picker.setCurrentText(name)
        grid.add_button.click()
        row = [r["label"] for r in grid.model.rows].index(name)
        grid_type(qtbot, grid, row, col(grid, "received"), received)
        grid_type(qtbot, grid, row, col(grid, "components_full"), full)
    rate = col(grid, "components_rate")
    first = [r["label"] for r in grid.model.rows].index("Hồ sơ TTHC")
    assert grid.model.data(grid.model.index(first, rate)) == "77,56"
    assert not grid.model.flags(grid.model.index(first, rate)) & Qt.ItemIsEditable
    assert "Số hồ sơ tiếp nhận" in grid.model.data(grid.model.index(first, rate), Qt.ToolTipRole)
    total = grid.model.rowCount() - 1
    assert grid.model.data(grid.model.index(total, rate)) == "78,57"   # 550 / 700, not 77,56 + 103,7
    # a rate typed elsewhere (an import, an old file) is never kept
    ws_h1.save_detail_row("2023-H1", "digitization", "Khác", {"received": "27", "components_full": "28",
                                                              "components_rate": "99"},
                          row_id=grid.model.rows[1 - first]["id"])
    assert "components_rate" not in ws_h1.detail_rows("2023-H1", "digitization")[1 - first]["data"]


def test_grid_refuses_a_bad_number_and_can_delete_a_row(qtbot, ws_h1):
    grid = DetailGrid(ws_h1, ws_h1.catalogue.detail_table(FIELDS))
    qtbot.addWidget(grid)
    grid.show()
    grid.set_period("2023-H1")
    grid.picker.setCurrentText("Đất đai")
    grid.add_button.click()
    grid_type(qtbot, grid, 0, col(grid, "received_total"), "-5")
    assert grid.model.data(grid.model.index(0, col(grid, "received_total"))) == "-5"
    assert "âm" in grid.message.text()
    assert ws_h1.detail_rows("2023-H1", FIELDS)[0]["data"] == {}
    grid.view.setCurrentIndex(grid.model.index(0, 1))
    grid.delete_button.click()
    assert ws_h1.detail_rows("2023-H1", FIELDS) == []


def test_grid_shown_in_the_window_follows_undo(qtbot, window_for, ws_h1):
    w = window_for(ws_h1)
    w.show_page("detail")
    grid = w.page("detail").grid(FIELDS)
    grid.picker.setCurrentText("Người có công")
    grid.add_button.click()
    grid_type(qtbot, grid, 0, col(grid, "received_total"), "18")
    assert rollup.values(ws_h1, "2023-H1")["dossier.received_total"].value == 18
    w.ui.actionUndo.trigger()
    assert grid.model.data(grid.model.index(0, col(grid, "received_total"))) == ""
    w.show_page("area3")
    form = w.area_form(3)
    row = form.model.row_of("dossier.received_total")
    if row is not None:
        w.ui.actionRedo.trigger()
        assert form.model.data(form.model.index(row, 3)) == "18"
        assert not form.model.flags(form.model.index(row, 3)) & Qt.ItemIsEditable


def test_register_counts_documents_of_the_period(qtbot, window_for, ws_h1):
    from cchc_desktop.gui.dialogs import DocumentDialog
    w = window_for(ws_h1)
    w.show_page("register")
    page = w.page("register")
    dlg = DocumentDialog(ws_h1, None, w)
    qtbot.addWidget(dlg)
    dlg.ui.number.setText("25/KH-UBND")
    dlg.ui.issuedOn.setText("10/01/2023")
    dlg.ui.docType.setCurrentText("Kế hoạch")
    dlg.ui.summary.setPlainText("Kế hoạch CCHC năm 2023")
    dlg.accept()
    dlg2 = DocumentDialog(ws_h1, None, w)
    qtbot.addWidget(dlg2)
    dlg2.ui.number.setText("")
    dlg2.ui.issuedOn.setText("31/02/2023")
    dlg2.accept()
    assert dlg2.ui.errorLabel.text()                  # refused, dialog stays open
    assert page.model.rowCount() == 1
    assert "<b>1</b>" in page.count_label.text()
    cell = rollup.values(ws_h1, "2023-H1")["direction.documents_issued"]
    assert (cell.value, cell.source) == (1, rollup.REGISTER)
    doc = ws_h1.documents()[0]
    edit = DocumentDialog(ws_h1, doc, w)
    qtbot.addWidget(edit)
    assert edit.ui.issuedOn.text() == "10/01/2023"
    edit.ui.issuedOn.setText("20/06/2023")            # outside the window 15/12/2022 – 14/06/2023
    edit.accept()
    assert ws_h1.documents_count("2023-H1") == 0
    page.view.setCurrentIndex(page.model.index(0, 0))
    ws_h1.delete_document(page.current()["id"])
    assert page.model.rowCount() == 0


def test_home_page_lists_periods_deadlines_status_and_completeness(qtbot, ws):
    from cchc_desktop.gui.home import HomePage
    ws.add_period("2023-Q1")
    ws.add_period("2023-H1")
    ws.set_value("2023-H1", "inspection.rounds", 2)
    ws.set_status("2023-Q1", "final")
    page = HomePage(ws, today=_dt.date(2023, 5, 2))
    qtbot.addWidget(page)
    page.set_period("2023-H1")
    shown = {page.table.item(r, 0).text(): page.table.item(r, 3).text() for r in range(page.table.rowCount())}
    assert shown["6 tháng đầu năm 2023"] == "…"      # counted once the page is up, not before
    qtbot.waitUntil(lambda: not page.findings_pending())
    rows = {page.table.item(r, 0).text(): [page.table.item(r, c).text() for c in range(6)]
            for r in range(page.table.rowCount())}
    assert rows["Quý I năm 2023"][1:3] == ["15/03/2023", "đã chốt"]
    assert rows["Quý I năm 2023"][5] == "In báo cáo, gửi lên cấp trên"
    assert rows["6 tháng đầu năm 2023"][5].startswith("Nhập tiếp ")
    assert rows["6 tháng đầu năm 2023"][2] == "nháp"
    filled, total = rows["6 tháng đầu năm 2023"][3].split()[0].split("/")
    assert int(filled) >= 1 and int(total) > 10
    assert rows["Quý III năm 2023"][2] == "chưa tạo"
    assert "Quý II năm 2023" in page.next_label.text() and "15/06/2023" in page.next_label.text()


def test_first_run_creates_a_unit_and_remembers_it(qtbot, clean_settings, tmp_path):
    from cchc_desktop.gui import app, settings
    from cchc_desktop.gui.dialogs import FirstRunDialog
    dlg = FirstRunDialog(tmp_path)
    qtbot.addWidget(dlg)
    dlg.ui.createButton.click()
    assert "tên đơn vị" in dlg.ui.errorLabel.text()
    dlg.ui.name.setText("UBND xã Kim Thạch")   # QTest types ASCII only
    assert dlg.ui.path.text().endswith("ubnd-xa-kim-thach.cchc")
    dlg.ui.parent.setText("UBND huyện Vĩnh Linh")
    dlg.ui.createButton.click()
    assert dlg.choice == "new"
    ws = app.open_workspace(dlg.choice, dlg.path, dlg.unit_fields())
    assert ws.unit()["name"] == "UBND xã Kim Thạch"
    settings.remember_workspace(ws.path)
    ws.close()
    assert settings.last_workspace() == dlg.path.resolve()
    sample = FirstRunDialog(tmp_path)
    qtbot.addWidget(sample)
    sample.ui.sampleButton.click()
    ws2 = app.open_workspace(sample.choice, sample.path)
    assert ws2.periods()
    ws2.close()


def test_save_as_copies_and_continues_in_the_copy(qtbot, window_for, demo_ws, tmp_path):
    w = window_for(demo_ws)
    copy = tmp_path / "ban-sao.cchc"
    w.save_copy(copy)
    assert w.ws.path == copy
    w.ws.set_value(w.code, "inspection.rounds", 7)
    with Workspace.open(tmp_path / "mau.cchc") as original:
        assert original.typed_values(w.code).get("inspection.rounds") != 7
    assert Workspace.open(copy).typed_values(w.code)["inspection.rounds"] == 7


def test_unit_profile_dialog_saves_through_the_workspace(qtbot, ws):
    from cchc_desktop.gui.dialogs import UnitDialog
    dlg = UnitDialog(ws)
    qtbot.addWidget(dlg)
    dlg.ui.signer_name.setText("Lê Văn A")
    dlg.ui.name.setText("")
    dlg.accept()
    assert "không được để trống" in dlg.ui.errorLabel.text()
    dlg.ui.name.setText("UBND xã Thử")
    dlg.accept()
    assert ws.unit()["signer_name"] == "Lê Văn A"


def test_copy_to_refuses_the_open_file_and_an_existing_one(ws, tmp_path):
    from cchc_desktop.store import WorkspaceError
    with pytest.raises(WorkspaceError):
        ws.copy_to(ws.path)
    (tmp_path / "co-roi.cchc").write_text("x")
    with pytest.raises(WorkspaceError, match="đã có"):
        ws.copy_to(tmp_path / "co-roi.cchc")
    ws.copy_to(tmp_path / "co-roi.cchc", overwrite=True)
    assert Workspace.open(tmp_path / "co-roi.cchc").unit()["name"] == "UBND xã Thử"


def test_tools_open_from_the_window(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    w.check()                                            # Kiểm tra (F7): the findings dock
    assert w.findings_dock is not None and w.findings_dock.isVisible()
    w.go_to_key("inspection.rounds")
    assert w.current_page_id() == "area1"
    form = w.area_form(1)
    assert form.model.row_key(form.view.currentIndex().row()) == "inspection.rounds"
    # the windows of the Tools menu, built as every tool is: (ws, code, parent)
    for module, cls_name in (("targets_view", "TargetsView"), ("report_editor", "ReportEditor")):
        tool = w.open_tool(module, cls_name, "x")
        assert type(tool).__name__ == cls_name and tool.isVisible()
        assert (tool.ws, tool.code) == (w.ws, w.code)
        tool.close()


def test_enter_in_a_grid_moves_along_the_row(qtbot, ws_h1):
    grid = DetailGrid(ws_h1, ws_h1.catalogue.detail_table(FIELDS))
    qtbot.addWidget(grid)
    grid.show()
    grid.set_period("2023-H1")
    grid.picker.setCurrentText("Hộ tịch")
    grid.add_button.click()
    assert grid.view.currentIndex().column() == 1       # ready for the first number
    grid_type(qtbot, grid, 0, 1, "163")
    # Enter commits through a queued call of the delegate and the move follows it; one
    # processEvents() in the helper usually delivers it, but not always on a loaded machine.
    first = grid.table.columns[0].key
    qtbot.waitUntil(lambda: ws_h1.detail_rows("2023-H1", FIELDS)[0]["data"].get(first) == 163)
    qtbot.waitUntil(lambda: not grid.view.indexWidget(grid.model.index(0, 1)))
    assert (grid.view.currentIndex().row(), grid.view.currentIndex().column()) == (0, 2)
