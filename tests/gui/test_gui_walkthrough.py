"""The new user's walkthrough, scripted: first run → create a unit → add 2023-H1 → type seed 001's
figures (dossiers by field included) → close → reopen: everything is there."""
from __future__ import annotations

from PySide6.QtCore import QTimer

from cchc_desktop import rollup
from cchc_desktop.gui import app, settings
from cchc_desktop.gui.dialogs import FirstRunDialog, PeriodDialog
from cchc_desktop.store import Workspace

from gui_helpers import accept_modal, grid_type, type_value

# Seed 001 (UBND xã Kim Thạch, 6 tháng đầu năm 2023): dossiers by field.
#            field, received total, online, direct/BCCI, carried over, resolved total, early, on time, late
DOSSIERS = [("Bảo trợ xã hội", 56, 0, 56, 0, 53, 53, 0, 0),
            ("Chứng thực", 217, 159, 58, 0, 217, 217, 0, 0),
            ("Hộ tịch", 163, 160, 3, 0, 163, 163, 0, 0),
            ("Người có công", 18, 0, 16, 2, 16, 16, 0, 0),
            ("Đất đai", 238, 0, 221, 17, 202, 201, 1, 0)]
DOSSIER_COLS = ("received_total", "received_online", "received_direct_postal", "carried_over",
                "resolved_total", "resolved_early", "resolved_on_time", "resolved_late")
# Văn bản đến / đi of seed 001: total, fully electronic, parallel, signed, unsigned
EDOCS = {"in_total": 1714, "in_electronic": 1714, "in_parallel": 0, "in_signed": 1471, "in_unsigned": 242,
         "out_total": 107, "out_electronic": 107, "out_parallel": 0, "out_signed": 79, "out_unsigned": 28}
TYPED = {"tthc.in_force": ("3", "125"), "survey.forms": ("1", "50")}


def test_new_user_walkthrough(qtbot, clean_settings, tmp_path):
    # first run: no workspace remembered
    assert settings.last_workspace() is None
    first = FirstRunDialog(tmp_path)
    qtbot.addWidget(first)
    first.ui.name.setText("UBND xã Kim Thạch")
    first.ui.parent.setText("UBND huyện Vĩnh Linh")
    first.ui.place.setText("Kim Thạch")
    first.ui.createButton.click()
    ws = app.open_workspace(first.choice, first.path, first.unit_fields())
    controller = app.Controller(ws)
    w = controller.window
    qtbot.addWidget(w)
    w.show()

    def period(dlg: PeriodDialog):
        dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("H1"))
        dlg.ui.year.setValue(2023)
        dlg.ui.reportNumber.setText("45")
    accept_modal(period)
    assert w.add_period() == "2023-H1"
    assert w.code == "2023-H1"

    for key, (area, text) in TYPED.items():
        w.show_page(f"area{area}")
        type_value(qtbot, w.area_form(int(area)), key, text)

    w.show_page("detail")
    page = w.page("detail")
    grid = page.grid("dossiers_by_field")
    page.tabs.setCurrentWidget(grid)
    cols = [c.key for c in grid.table.columns]
    for field, *numbers in DOSSIERS:
        grid.picker.setCurrentText(field)
        grid.add_button.click()
        row = [r["label"] for r in grid.model.rows].index(field)
        for key, n in zip(DOSSIER_COLS, numbers):
            grid_type(qtbot, grid, row, 1 + cols.index(key), str(n))
    edocs = page.grid("edocs")
    page.tabs.setCurrentWidget(edocs)
    edocs.picker.setCurrentText("UBND xã")
    edocs.add_button.click()
    ecols = [c.key for c in edocs.table.columns]
    for key, n in EDOCS.items():
        grid_type(qtbot, edocs, 0, 1 + ecols.index(key), str(n))
    assert grid.model.data(grid.model.index(len(DOSSIERS), 1 + cols.index("received_total"))) == "692"

    path = ws.path
    w.close()
    ws.close()

    # reopen, as the next morning: the remembered file, everything there
    assert settings.last_workspace() == path.resolve()
    again = app.open_workspace("open", settings.last_workspace())
    w2 = app.Controller(again).window
    qtbot.addWidget(w2)
    w2.show()
    assert w2.code == "2023-H1"
    assert w2.ws.period("2023-H1").report_number == "45"
    cells = rollup.values(again, "2023-H1")
    assert cells["tthc.in_force"].value == 125
    assert cells["survey.forms"].value == 50
    assert (cells["dossier.received_total"].value, cells["dossier.received_total"].source) == (692, rollup.DETAIL)
    assert cells["dossier.resolved_total"].value == 651
    assert cells["dossier.resolved_early"].value == 650
    assert cells["edoc.in_total"].value == 1714 and cells["edoc.out_signed"].value == 79
    w2.show_page("area3")
    form = w2.area_form(3)
    assert form.model.data(form.model.index(form.model.row_of("tthc.in_force"), 3)) == "125"
    grid2 = w2.page("detail").grid("dossiers_by_field")
    assert [r["label"] for r in grid2.model.rows] == [d[0] for d in DOSSIERS]
    assert len(again.audit("2023-H1")) >= 2 + len(DOSSIERS) * 9 + 11
    w2.close()
    again.close()
    with Workspace.open(path) as check:
        assert check.unit()["name"] == "UBND xã Kim Thạch"


def test_main_opens_the_file_given_then_remembers_it(qtbot, clean_settings, demo_path):
    from PySide6.QtWidgets import QApplication

    from cchc_desktop.gui.main_window import MainWindow
    seen = []

    def close_when_up():
        w = next((x for x in QApplication.topLevelWidgets() if isinstance(x, MainWindow) and x.isVisible()), None)
        if w is None:
            QTimer.singleShot(10, close_when_up)
            return
        seen.append((w.windowTitle(), w.code))
        w.close()                                       # the last window closed ends app.exec()
    QTimer.singleShot(0, close_when_up)
    assert app.main([str(demo_path)]) == 0
    assert seen and seen[0][0].startswith("UBND phường 2") and seen[0][1]
    assert settings.last_workspace() == demo_path.resolve()


def test_main_without_workspace_offers_the_first_run_choice(qtbot, clean_settings):
    from PySide6.QtWidgets import QApplication
    offered = []

    def close_first_run():
        dlg = QApplication.activeModalWidget()
        if not isinstance(dlg, FirstRunDialog):
            QTimer.singleShot(10, close_first_run)
            return
        offered.append(dlg.ui.sampleButton.text())
        dlg.reject()                                    # the officer closes it: nothing is made
    QTimer.singleShot(0, close_first_run)
    assert app.main([]) == 0
    assert offered == ["Mở dữ liệu mẫu"]
    assert settings.last_workspace() is None
