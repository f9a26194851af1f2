"""What ``cchc-desktop WORKSPACE`` builds before its first frame, and what it leaves for later.

The start is measured by ``bench/bench_startup.py`` against a bare window, which also reports
what PySide built before the first frame (its ``Qt`` namespace, ~17 ms, and the icon and
painting types): that is PySide's business, measured, not pinned by a test.  These tests pin
what is ours: started as the bench starts it (``app.main`` in a fresh process), at the first
turn of the event loop the window shows the home page with its menus and shortcuts while no
page, dialog, tool or document library beyond the home page has been imported; the area form
module comes in the turns after (``app.warm_up``).
"""
from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path


ROOT = Path(__file__).resolve().parents[2]

FIRST_TURN = textwrap.dedent("""
    import json, sys
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    LATE = ("cchc_desktop.gui.area_form", "cchc_desktop.gui.detail_grid", "cchc_desktop.gui.register",
            "cchc_desktop.gui.audit_page", "cchc_desktop.gui.dialogs", "cchc_desktop.gui.findings_panel",
            "cchc_desktop.gui.plan_editor", "cchc_desktop.gui.print_dialog", "cchc_desktop.gui.report_editor",
            "cchc_desktop.gui.send_dialog", "cchc_desktop.gui.targets_view", "cchc_desktop.gui.finalise_dialog",
            "cchc_desktop.gui.consolidation_window", "cchc_desktop.gui.rules_dialog", "cchc_desktop.consolidation",
            "cchc_desktop.backup",
            "cchc_desktop.rules", "cchc_desktop.rollup", "cchc_desktop.templates", "cchc_desktop.demo",
            "reportlab", "openpyxl", "docx")
    def first_turn():
        # read what was built before touching anything (reading shortcuts below builds nothing big,
        # but the record must not depend on it)
        loaded = [m for m in LATE if m in sys.modules]
        from cchc_desktop.gui.main_window import MainWindow
        [w] = [t for t in app.topLevelWidgets() if isinstance(t, MainWindow)]
        home = w.pages["home"]
        menus = [(m.title(), [(a.text(), [k.toString() for k in a.shortcuts()]) for a in m.actions()])
                 for m in (a.menu() for a in w.menuBar().actions())]
        seen = {"loaded": loaded, "visible": w.isVisible(),
                "home": w.ui.pages.currentWidget() is home, "rows": home.table.rowCount(),
                "unit": w.ui.unitLabel.text(), "period": w.ui.periodCombo.currentText(),
                "nav": w.ui.navList.count(), "menus": menus}

        def warmed(turns=0):   # later turns: what the first click on an area needs is made ready
            ready = "cchc_desktop.gui.area_form" in sys.modules
            if not ready and turns < 500:
                return QTimer.singleShot(10, lambda: warmed(turns + 1))
            seen["warmed"] = ready
            print(json.dumps(seen, ensure_ascii=False))
            app.quit()
        warmed()
    QTimer.singleShot(0, first_turn)
    from cchc_desktop.gui.app import main
    main([sys.argv[1]])
""")


def first_turn(tmp_path, workspace) -> dict:
    import json
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"),
               HOME=str(tmp_path), PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-c", FIRST_TURN, str(workspace)], capture_output=True, text=True,
                       encoding="utf-8", env=env, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def test_first_frame_shows_the_home_page_without_the_other_pages(tmp_path, demo_path):
    seen = first_turn(tmp_path, demo_path)
    assert seen["visible"] and seen["home"] and seen["rows"] >= 7
    assert seen["unit"] == "UBND phường 2" and seen["period"]
    assert seen["nav"] == 12                       # home, 7 areas, detail, register, plan, audit
    assert seen["loaded"] == []
    assert seen["warmed"]                          # made after the first frame, before the first click


def test_menus_and_shortcuts_are_all_there_at_the_first_frame(tmp_path, demo_path):
    menus = dict((title, dict((text, keys) for text, keys in actions if text))
                 for title, actions in first_turn(tmp_path, demo_path)["menus"])
    assert list(menus) == ["&Tệp", "&Sửa", "&Xem", "&Kỳ báo cáo", "&Công cụ", "&Trợ giúp"]
    assert menus["&Xem"] == {"Ẩn/hiện &danh sách bên trái": ["Ctrl+L"]}
    assert list(menus["&Tệp"]) == ["&Mới…", "&Mở…", "&Lưu thành…", "Mở &dữ liệu mẫu", "&Thông tin đơn vị…",
                                   "Mẫu phụ lục và &biểu mẫu của cấp trên…",
                                   "Sao lưu &tự động…", "&Thoát"]
    assert menus["&Tệp"]["&Mới…"] == ["Ctrl+N"] and menus["&Tệp"]["&Thoát"] == ["Ctrl+Q"]
    assert menus["&Sửa"]["&Hoàn tác"] == ["Ctrl+Z"]
    assert menus["&Sửa"]["&Làm lại"] == ["Ctrl+Y", "Ctrl+Shift+Z"]
    assert menus["&Sửa"]["&Nhập đè giá trị tính sẵn"] == ["Ctrl+E"]
    assert menus["&Kỳ báo cáo"]["&Thêm kỳ…"] == ["Ctrl+Shift+N"]
    assert menus["&Công cụ"]["&Kiểm tra"] == ["F7"] and menus["&Công cụ"]["&In và xuất…"] == ["Ctrl+P"]
    assert list(menus["&Công cụ"]) == ["&Kiểm tra", "Kế &hoạch", "&Mục tiêu kế hoạch", "&Soạn báo cáo",
                                       "&In và xuất…", "&Gửi lên cấp trên…", "&Tổng hợp…",
                                       "&Quy tắc kiểm tra…"]
    assert menus["&Trợ giúp"] == {"&Hướng dẫn sử dụng": ["F1"], "&Giới thiệu": []}


def test_window_built_in_code_keeps_the_form_s_layout_and_tab_order(qtbot, clean_settings, demo_ws):
    from PySide6.QtWidgets import QApplication
    from cchc_desktop.gui.main_window import MainWindow
    w = MainWindow(demo_ws)
    qtbot.addWidget(w)
    w.show()
    QApplication.processEvents()
    ui = w.ui
    assert ui.splitter.widget(0) is ui.navList and ui.splitter.widget(1) is ui.pages
    assert ui.splitter.orientation().name == "Horizontal"
    assert ui.splitter.isCollapsible(0) and not ui.splitter.isCollapsible(1)   # the list folds, pages never
    assert 170 <= ui.navList.width() <= 360 and ui.pages.width() > ui.navList.width()
    assert ui.periodLabel.buddy() is ui.periodCombo and ui.unitLabel.font().bold()
    assert ui.lockBanner.isHidden()                # the sample's period is a draft
    chain, widget = [], ui.periodCombo
    for _ in range(3):
        widget = widget.nextInFocusChain()
        while not widget.focusPolicy().value & 1:   # skip what Tab never stops on
            widget = widget.nextInFocusChain()
        chain.append(widget)
    assert chain == [ui.addPeriodButton, ui.editPeriodButton, ui.navList]
    # Ctrl+digit moves between pages as before
    qtbot.keyClick(ui.navList, "3", _ctrl())
    assert w.current_page_id() == "area3" and ui.pages.currentWidget() is w.pages["area3"]
    qtbot.keyClick(ui.navList, "0", _ctrl())
    assert w.current_page_id() == "home"


def _ctrl():
    from PySide6.QtCore import Qt
    return Qt.ControlModifier
