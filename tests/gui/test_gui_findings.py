"""The findings panel and the finalise dialog, as an officer uses them (pytest-qt, offscreen)."""
from PySide6.QtCore import Qt

from cchc_desktop import rules
from cchc_desktop.gui.finalise_dialog import FinaliseDialog
from cchc_desktop.gui.findings_panel import FindingsPanel


def texts(panel):
    return [i.text(0) for i in panel.finding_items()]


def click(qtbot, tree, item):
    rect = tree.visualItemRect(item)
    qtbot.mouseClick(tree.viewport(), Qt.LeftButton, pos=rect.center())


def test_wrong_total_found_clicked_fixed_finalised(qtbot, demo_ws):
    panel = FindingsPanel()
    qtbot.addWidget(panel)
    panel.set_period(demo_ws, "2022-H1")
    panel.resize(900, 400)
    panel.show()
    assert not any(t.startswith("Lỗi") for t in texts(panel))
    # The officer types a wrong total: the finding appears without asking for a check.
    demo_ws.set_value("2022-H1", "dossier.received_total", 2300)
    qtbot.waitUntil(lambda: any("2.300" in t for t in texts(panel)), timeout=3000)
    item = next(i for i in panel.finding_items() if "2.300" in i.text(0))
    assert item.text(0).startswith("Lỗi")
    top = item.parent()
    assert top.text(0).startswith("3. ")     # grouped by area
    assert "lỗi" in panel.summary.text()
    with qtbot.waitSignal(panel.keyActivated, timeout=2000) as sig:
        click(qtbot, panel.tree, item)
    assert sig.args == ["dossier.received_total"]
    # Fixing it clears the finding.
    demo_ws.set_value("2022-H1", "dossier.received_total", 2297)
    qtbot.waitUntil(lambda: not any(t.startswith("Lỗi") for t in texts(panel)), timeout=3000)
    # Finalise: the one warning (97,95 % rounding) must be ticked first.
    dlg = FinaliseDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    assert dlg.errors.count() == 0
    assert not dlg.ok.isEnabled()
    for item in dlg.warning_items():
        item.setCheckState(Qt.Checked)
    assert dlg.ok.isEnabled()
    dlg.ok.click()
    p = demo_ws.period("2022-H1")
    assert p.status == "final" and p.finalised_by == demo_ws.user and p.finalised_at


def test_finalise_refused_while_errors_remain(qtbot, demo_ws):
    demo_ws.set_value("2022-H1", "dossier.pending", 40)
    dlg = FinaliseDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    assert dlg.errors.count() >= 1 and not dlg.ok.isEnabled()
    assert "Chưa thể chốt" in dlg.intro.text()
    dlg.accept()
    assert demo_ws.period("2022-H1").status == "draft"


def test_finalised_period_shows_who(qtbot, ws):
    ws.add_period("2022-Q3")
    from cchc_desktop import finalise
    finalise.finalise(ws, "2022-Q3")
    dlg = FinaliseDialog(ws, "2022-Q3")
    qtbot.addWidget(dlg)
    assert ws.user in dlg.intro.text() and not dlg.ok.isEnabled()


def test_acknowledge_warning_in_panel(qtbot, ws):
    ws.add_period("2022-Q3")
    ws.set_values("2022-Q3", [("staff.quota", 20), ("staff.present", 22)])
    panel = FindingsPanel(ws, "2022-Q3")
    qtbot.addWidget(panel)
    [item] = panel.finding_items()
    assert item.text(0).startswith("Cảnh báo") and item.parent().text(0).startswith("4. ")
    panel.tree.setCurrentItem(item)
    assert panel.ack_button.isEnabled()
    panel.comment.setText("Chờ quyết định giao bổ sung biên chế")
    panel.ack_button.click()
    [item] = panel.finding_items()
    assert item.text(1) == "Chờ quyết định giao bổ sung biên chế"
    assert rules.check(ws, "2022-Q3")[0].acknowledged == "Chờ quyết định giao bổ sung biên chế"
    # An error cannot be acknowledged: the button stays off.
    ws.set_value("2022-Q3", "staff.present", 20)
    ws.set_values("2022-Q3", [("plan.tasks_planned", 3), ("plan.tasks_done", 5)])
    panel.refresh()
    err = next(i for i in panel.finding_items() if i.text(0).startswith("Lỗi"))
    panel.tree.setCurrentItem(err)
    assert not panel.ack_button.isEnabled()


def test_window_finding_names_the_period(qtbot, ws):
    ws.add_period("2023-9M", "05/11/2022", "01/9/2023")
    panel = FindingsPanel(ws, "2023-9M")
    qtbot.addWidget(panel)
    [item] = panel.finding_items()
    assert item.parent().text(0).startswith("Kỳ báo cáo")
    with qtbot.waitSignal(panel.keyActivated) as sig:
        panel.tree.itemClicked.emit(item, 0)
    assert sig.args == ["period.window"]


def test_new_user_in_the_window(qtbot, demo_ws, window_for):
    """In the main window: type a wrong total in the form, see the finding, click it, fix it, finalise."""
    from gui_helpers import type_value
    w = window_for(demo_ws)
    w.select_period("2022-H1")
    w.show_page("area3")
    form = w.area_form(3)
    w.check()
    panel = w.findings_dock.widget()
    assert isinstance(panel, FindingsPanel)
    type_value(qtbot, form, "dossier.received_total", "2.300")
    qtbot.waitUntil(lambda: any("2.300" in t and t.startswith("Lỗi") for t in texts(panel)), timeout=3000)
    w.show_page("area1")
    item = next(i for i in panel.finding_items() if "2.300" in i.text(0))
    click(qtbot, panel.tree, item)
    assert w.current_page_id() == "area3" or w.ui.pages.currentWidget() is form
    row = form.model.row_of("dossier.received_total")
    assert form.view.currentIndex().row() == row
    type_value(qtbot, form, "dossier.received_total", "2.297")
    qtbot.waitUntil(lambda: not any(t.startswith("Lỗi") for t in texts(panel)), timeout=3000)
    dlg = FinaliseDialog(demo_ws, "2022-H1", w)
    qtbot.addWidget(dlg)
    for i in dlg.warning_items():
        i.setCheckState(Qt.Checked)
    dlg.ok.click()
    assert demo_ws.period("2022-H1").status == "final"
