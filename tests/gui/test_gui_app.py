"""The window program as started: ``--smoke-test``, what start-up leaves for later, and the
findings dock following the window's period, workspace and changes (pytest-qt, offscreen)."""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from cchc_desktop import rules
from cchc_desktop.gui import app, settings
from cchc_desktop.store import Workspace


ROOT = Path(__file__).resolve().parents[2]


def child_env(tmp_path):
    return dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
                HOME=str(tmp_path), PYTHONPATH=str(ROOT))


# ---- --smoke-test ----------------------------------------------------------------------
def test_smoke_test_shows_the_window_on_the_sample_and_exits_0(qtbot, clean_settings, demo_path, capsys):
    assert app.main(["--smoke-test", str(demo_path)]) == 0
    out = capsys.readouterr()
    assert "trang chủ đã hiện" in out.out and out.err == ""
    assert settings.last_workspace() is None          # a smoke test remembers nothing
    with Workspace.open(demo_path) as ws:             # and leaves the file closed, unlocked
        assert ws.periods()


def test_smoke_test_fails_with_a_message_for_a_missing_or_bad_file(qtbot, clean_settings, tmp_path, capsys):
    assert app.main(["--smoke-test", str(tmp_path / "khong-co.cchc")]) == 1
    assert "Không có tệp dữ liệu" in capsys.readouterr().err
    bad = tmp_path / "hong.cchc"
    bad.write_bytes(b"not a database at all" * 100)
    assert app.main(["--smoke-test", str(bad)]) == 1
    assert "LỖI" in capsys.readouterr().err
    assert app.main(["--smoke-test"]) == 2
    assert "thiếu tên tệp" in capsys.readouterr().err


def test_smoke_test_as_a_process(tmp_path, demo_path):
    r = subprocess.run([sys.executable, "-m", "cchc_desktop.gui.app", "--smoke-test", str(demo_path)],
                       capture_output=True, text=True, encoding="utf-8", env=child_env(tmp_path), cwd=ROOT,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    r = subprocess.run([sys.executable, "-m", "cchc_desktop.gui.app", "--smoke-test", str(tmp_path / "x.cchc")],
                       capture_output=True, text=True, encoding="utf-8", env=child_env(tmp_path), cwd=ROOT,
                       timeout=120)
    assert r.returncode == 1 and "Không có tệp dữ liệu" in r.stderr


# ---- what start-up leaves for later -------------------------------------------------------
STARTUP = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication([])
    from cchc_desktop.gui.main_window import MainWindow
    from cchc_desktop.store import Workspace
    w = MainWindow(Workspace.open(sys.argv[1]))
    w.show()
    home = w.pages["home"]
    late = ("cchc_desktop.rules", "cchc_desktop.plans", "cchc_desktop.targets", "cchc_desktop.gui.area_form",
            "cchc_desktop.demo", "cchc_desktop.templates", "cchc_desktop.rollup", "reportlab", "openpyxl", "docx")
    def first_turn():
        print("shown:", w.isVisible(), w.ui.pages.currentWidget() is home, home.table.rowCount())
        print("loaded at first paint:", [m for m in late if m in sys.modules])
        print("findings then:", sorted({home.table.item(r, 4).text() for r in range(home.table.rowCount())
                                          if home._rows[r][1] is not None}))
        def done():
            if home.findings_pending():
                return QTimer.singleShot(10, done)
            print("findings later:", sorted({home.table.item(r, 4).text() for r in range(home.table.rowCount())
                                               if home._rows[r][1] is not None}))
            app.quit()
        done()
    QTimer.singleShot(0, first_turn)
    app.exec()
""")


def test_first_paint_needs_no_checks_and_the_findings_come_after(tmp_path, demo_path):
    r = subprocess.run([sys.executable, "-c", STARTUP, str(demo_path)], capture_output=True, text=True,
                       encoding="utf-8", env=child_env(tmp_path), cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    lines = dict(line.split(": ", 1) for line in r.stdout.splitlines())
    assert lines["shown"].startswith("True True ") and int(lines["shown"].split()[-1]) >= 7
    assert lines["loaded at first paint"] == "[]"
    assert lines["findings then"] == "['…']"              # counted after the window is up
    assert "…" not in lines["findings later"] and "chưa có chức năng kiểm tra" not in lines["findings later"]


def test_home_page_counts_the_findings_of_each_period(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    home = w.pages["home"]
    home.year.setValue(2022)
    qtbot.waitUntil(lambda: not home.findings_pending())
    row = [code for code, _ in home._rows].index("2022-H1")
    found = rules.check(demo_ws, "2022-H1")
    errors = sum(1 for f in found if f.severity == rules.ERROR)
    expected = "không có lỗi" if not found else f"{errors} lỗi, {len(found) - errors} cảnh báo"
    assert home.table.item(row, 4).text() == expected


# ---- the findings dock follows the window ---------------------------------------------------
def open_dock(qtbot, w):
    w.check()
    panel = w.findings_dock.widget()
    qtbot.waitUntil(lambda: w.findings_dock.isVisible())
    return panel


def test_findings_dock_follows_the_period_and_the_workspace(qtbot, window_for, demo_ws, tmp_path):
    demo_ws.add_period("2022-Q3")
    w = window_for(demo_ws)
    panel = open_dock(qtbot, w)
    assert (panel.ws, panel.code) == (demo_ws, w.code)
    other = next(p.code for p in demo_ws.periods() if p.code != w.code)
    combo = w.ui.periodCombo
    combo.setCurrentIndex(combo.findData(other))
    assert (panel.ws, panel.code) == (demo_ws, other)
    assert panel.findings == rules.check(demo_ws, other)
    # another workspace in the same window: the same dock, now over the new file
    path = tmp_path / "ban-sao.cchc"
    demo_ws.copy_to(path)
    again = Workspace.open(path)
    try:
        w.set_workspace(again)
        assert w.findings_dock is not None and w.findings_dock.widget() is panel
        assert (panel.ws, panel.code) == (again, w.code)
        assert panel._on_change in again.listeners
    finally:
        w.ws.listeners.remove(w._on_committed)
        w.close()
        again.close()


def test_findings_dock_checks_again_after_each_change_once_typing_pauses(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    combo = w.ui.periodCombo
    combo.setCurrentIndex(combo.findData("2022-H1"))
    panel = open_dock(qtbot, w)
    demo_ws.listeners.remove(panel._on_change)    # the panel's own listening aside: the window's part alone
    by_window = []
    own_refresh = panel.refresh
    panel.refresh = lambda: (by_window.append(w.code), own_refresh())
    demo_ws.set_value("2022-H1", "dossier.received_total", 2300)
    demo_ws.set_value("2022-H1", "dossier.received_total", 2301)
    assert by_window == []                         # not while the officer is typing
    qtbot.waitUntil(lambda: by_window == ["2022-H1"], timeout=3000)   # one check for the burst
    assert any("2.301" in f.message for f in panel.findings if f.severity == rules.ERROR)
    qtbot.wait(2 * 250)
    assert by_window == ["2022-H1"]


def test_a_change_reloads_only_the_pages_that_show_it(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    w.show_page("register")
    w.show_page("detail")
    w.show_page("area1")
    w.stale.clear()
    demo_ws.set_value(w.code, "inspection.rounds", 7)     # a figure: not the register's
    assert "register" not in w.stale and "detail" not in w.stale and "home" in w.stale
    w.stale.clear()
    demo_ws.save_document("99/KH-UBND", "2022-03-01", "Kế hoạch", "Kế hoạch kiểm tra CCHC")
    assert {"register", "home"} <= w.stale
    assert "detail" not in w.stale
