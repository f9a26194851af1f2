"""Sample data never passes for real (issue 14, point 9): a banner in the window, its old
deadlines not shown as late, and once a real unit exists the program opens that one."""
from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from cchc_desktop import demo
from cchc_desktop.gui import app, settings
from cchc_desktop.gui.home import is_sample
from cchc_desktop.store import Workspace


def test_sample_workspace_knows_it_is_one(demo_ws, ws):
    assert demo.is_sample(demo_ws) and is_sample(demo_ws)
    assert not demo.is_sample(ws) and not is_sample(ws)
    assert demo_ws.setting(demo.SAMPLE_SETTING) == 1


def test_banner_shows_on_sample_data_only(qtbot, window_for, demo_ws, tmp_path):
    w = window_for(demo_ws)
    QApplication.processEvents()
    banner = w.ui.sampleBanner
    assert banner.isVisible() and "DỮ LIỆU MẪU" in banner.text()
    assert "DỮ LIỆU MẪU" in w.windowTitle()
    asked = []
    w.workspaceRequested.connect(lambda action, path: asked.append(action))
    banner.linkActivated.emit("new")          # the link in the banner: create the real unit
    assert asked == ["new"]
    real = Workspace.create(tmp_path / "that.cchc", name="UBND xã Thật", parent="UBND huyện A", place="Thật")
    w.set_workspace(real)
    assert not banner.isVisible() and "MẪU" not in w.windowTitle()
    w.set_workspace(Workspace.open(real.path))   # closes `real`


def test_sample_periods_are_not_shown_late(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    home = w.page("home")
    home.today = dt.date(2026, 12, 1)          # long after the sample's deadlines
    home.reload()
    red = [home.table.item(r, 1).text() for r in range(home.table.rowCount())
           if home.table.item(r, 1).foreground().color().name() == "#b00020"]
    assert red == []
    assert "Quá hạn" not in home.next_label.text() and "Dữ liệu mẫu" in home.next_label.text()


def test_a_real_workspace_late_period_is_still_red(qtbot, window_for, ws):
    ws.add_period("2023-H1")
    w = window_for(ws)
    home = w.page("home")
    home.today = dt.date(2026, 12, 1)
    home.year.setValue(2023)
    home.reload()
    assert "Quá hạn" in home.next_label.text()


def test_after_the_first_real_unit_the_program_opens_it_not_the_sample(qtbot, clean_settings, demo_path, tmp_path):
    sample = Workspace.open(demo_path)
    controller = app.Controller(sample)           # a first start on the sample
    qtbot.addWidget(controller.window)
    assert settings.last_workspace() == demo_path.resolve()
    real_path = tmp_path / "don-vi.cchc"
    Workspace.create(real_path, name="UBND xã Thật", parent="UBND huyện A", place="Thật").close()
    controller.switch("open", real_path)          # the officer's own unit
    assert settings.last_workspace() == real_path.resolve()
    controller.switch("open", demo_path)          # looking at the sample again …
    assert controller.window.ws.path.resolve() == demo_path.resolve()
    assert settings.last_workspace() == real_path.resolve()   # … next start opens the real unit
    controller.window.ws.close()
