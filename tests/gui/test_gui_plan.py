"""The plan editor: plans and targets entered in the window, the annual tasks edited and imported."""
import datetime as dt

import openpyxl
from PySide6.QtCore import Qt

from cchc_desktop import plans
from cchc_desktop.gui.plan_editor import PlanEditor


def test_enter_plan_and_target_and_see_evaluation(qtbot, ws):
    ws.add_period("2023-H1")
    ws.set_values("2023-H1", [("digitization.resolved", 200), ("digitization.results", 80)])
    w = PlanEditor(ws, "2023-H1")
    qtbot.addWidget(w)
    w.new_plan()
    w.plan_number.setText("1069/QĐ-UBND")
    w.plan_date.setText("31/12/2021")
    w.plan_issuer.setText("UBND phường 2")
    w.plan_from.setText("2021")
    w.plan_to.setText("2025")
    assert w.save_plan()
    assert w.plan_list.count() == 1
    w.t_label.setText("Số hóa kết quả giải quyết TTHC")
    w.t_key.setCurrentIndex(w.t_key.findData("digitization.results_rate"))
    w.t_traj.setText("2022: 15; 2023: 35; 2024: 55; 2025: 100")
    assert w.save_target()
    [p] = plans.plans(ws)
    assert p["targets"][0]["trajectory"] == {2022: 15, 2023: 35, 2024: 55, 2025: 100}
    t = w.target_table
    assert t.rowCount() == 1
    assert t.item(0, 8).text() == "40" and t.item(0, 9).text() == "Đạt" and t.item(0, 10).text() == "+5"
    assert "đạt 1/1" in w.target_summary.text()
    # A bad target is refused with a message, nothing stored.
    w.new_target()
    w.t_label.setText("Sai")
    w.t_key.setEditText("không có chỉ tiêu này")
    w.t_value.setText("50")
    assert w.save_target() is None
    assert "Không có chỉ tiêu nào tên “không có chỉ tiêu này”" in w.message.text()
    assert len(plans.plans(ws)[0]["targets"]) == 1
    # Select and edit the target.
    t.selectRow(0)
    assert w.t_label.text() == "Số hóa kết quả giải quyết TTHC"
    w.t_traj.clear()
    w.t_value.setText("30")
    w.save_target()
    assert plans.plans(ws)[0]["targets"][0]["value"] == 30


def test_tasks_edit_overdue_and_import(qtbot, ws, tmp_path):
    ws.add_period("2023-H1")
    plans.save_task(ws, 2023, content="Rà soát TTHC", area=3, deadline="Quý I", status="Đang thực hiện")
    plans.save_task(ws, 2023, content="Tuyên truyền", area=1, deadline="Thường xuyên", status="Đang thực hiện")
    w = PlanEditor(ws, "2023-H1")
    qtbot.addWidget(w)
    w.load_tasks(today=dt.date(2023, 6, 1))
    tbl = w.task_table
    assert tbl.rowCount() == 2
    assert tbl.item(0, 2).background().color().name() == "#f9d6d5"     # overdue
    assert "1 quá hạn" in w.task_summary.text()
    # The officer marks it done in the table.
    tbl.item(0, 7).setText("Hoàn thành")
    assert plans.tasks(ws, 2023)[0]["status"] == "Hoàn thành"
    assert "1 đã hoàn thành" in w.task_summary.text()
    # A bad percentage is refused and shown.
    tbl.item(1, 8).setText("150")
    assert "0 đến 100" in w.message.text()
    assert plans.tasks(ws, 2023)[1]["percent_done"] is None
    # Import from Excel replaces the year's tasks.
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["TT", "Nội dung", "Đơn vị thực hiện", "Đơn vị phối hợp", "Thời gian hoàn thành", "Đã thực hiện",
               "Sản phẩm đầu ra", "Tỷ lệ hoàn thành"])
    sh.append(["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH"])
    sh.append([1, "Ban hành kế hoạch", "VP-TK", "", "Tháng 01/2023", "Đã ban hành", "Kế hoạch", "100%"])
    wb.save(tmp_path / "nv.xlsx")
    assert w.import_file(tmp_path / "nv.xlsx") == 1
    assert tbl.rowCount() == 1 and "Đã nhập 1" in w.message.text()
    assert w.import_file(tmp_path / "khong-co.xlsx") is None
    assert "Không tìm thấy" in w.message.text()


def test_sample_workspace_opens(qtbot, demo_ws):
    w = PlanEditor(demo_ws, "2022-H1")
    qtbot.addWidget(w)
    assert w.plan_list.count() >= 0


CODE = r"\b[a-z_]+\.[a-z0-9_]+\b"   # a program code such as dossier.on_time_rate


def _texts(widget):
    """Every text the officer can read in *widget*: labels, boxes, lists, tables and headers."""
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QTableWidget
    out = []
    for w in [widget, *widget.findChildren(QLabel), *widget.findChildren(QLineEdit),
              *widget.findChildren(QAbstractButton)]:
        for attr in ("text", "placeholderText"):
            if hasattr(w, attr):
                out.append(getattr(w, attr)())
    for combo in widget.findChildren(QComboBox):
        out += [combo.itemText(i) for i in range(combo.count())]
        out += [combo.itemData(i, Qt.ToolTipRole) or "" for i in range(combo.count())]
    for table in widget.findChildren(QTableWidget):
        out += [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
        out += [table.item(r, c).text() for r in range(table.rowCount()) for c in range(table.columnCount())
                if table.item(r, c) is not None]
    return out


def test_target_indicator_chosen_by_its_name_typed_without_accents(qtbot, clean_settings, demo_ws):
    import re

    from PySide6.QtWidgets import QApplication

    from cchc_desktop.gui.main_window import MainWindow
    w = MainWindow(demo_ws)
    qtbot.addWidget(w)
    w.show()
    w.show_page("plan")
    editor = w.page("plan")
    editor.plan_list.setCurrentRow(0)
    pid = editor.current_plan_id()
    before = len(plans.plan(demo_ws, pid)["targets"])
    editor.new_target()
    assert editor.save_target_btn.text() == "Thêm mục tiêu"
    # typed without accents, as officers often do: the picker offers the indicator by its name
    line = editor.t_key.lineEdit()
    line.setFocus()
    qtbot.keyClicks(line, "giai quyet dung han")
    popup = editor.t_key.completer().popup()
    offered = [popup.model().index(r, 0).data() for r in range(popup.model().rowCount())]
    name = "Tỷ lệ hồ sơ giải quyết đúng hạn (gồm trước hạn)"
    assert name in offered
    editor.t_key.setCurrentIndex(editor.t_key.findText(name))
    editor.t_key.activated.emit(editor.t_key.currentIndex())
    assert editor.t_label.text() == name and editor.t_unit.text() == "%"   # the name becomes the wording
    editor.t_value.setText("95")
    assert editor.save_target()
    new = plans.plan(demo_ws, pid)["targets"][before]
    assert new["expr"] == "dossier.on_time_rate" and new["value"] == 95
    # "A / B" of two indicators, both chosen by name
    editor.new_target()
    editor.t_label.setText("Tỷ lệ văn bản điện tử")
    editor.t_key.setEditText("so van ban di hoan toan duoi dang dien tu")   # typed in full, no accents
    editor.t_den.setEditText("Tổng số văn bản đi")
    editor.t_value.setText("90")
    assert editor.save_target()
    added = plans.plan(demo_ws, pid)["targets"][before + 1]
    assert added["expr"] == "edoc.out_electronic / edoc.out_total * 100"
    # the target table and the form show names, never codes
    editor.target_table.selectRow(editor.target_table.rowCount() - 1)
    QApplication.processEvents()
    assert picker_key(editor.t_key) == "edoc.out_electronic" and picker_key(editor.t_den) == "edoc.out_total"
    assert "/" in editor.target_table.item(editor.target_table.rowCount() - 1, 1).text()
    leaks = [t for t in _texts(w.page("plan")) if re.search(CODE, t or "")]
    assert leaks == []


def picker_key(combo):
    from cchc_desktop.gui.indicator_picker import key_of
    return key_of(combo)
