"""The window on an old office PC's 1024×768 screen and at 125–150 % scaling (issue 14, point 1).

Each case starts the real window in a fresh process on an offscreen screen of the given size
(Qt's offscreen platform reads the screen from a JSON file) with ``QT_SCALE_FACTOR`` set, visits
every page, and reports in logical pixels what the officer would see: where the window opened,
the smallest size the pages allow, the area table's columns and the tallest label row.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QHeaderView

from cchc_desktop.gui.area_form import LABEL, NOTE, SOURCE, STT, UNIT, VALUE


ROOT = Path(__file__).resolve().parents[2]

PROBE = textwrap.dedent("""
    import json, sys, tempfile
    from pathlib import Path
    from PySide6.QtCore import QSettings, QByteArray
    from PySide6.QtWidgets import QApplication
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp))
    app = QApplication(sys.argv[:1])
    from cchc_desktop.store import Workspace
    from cchc_desktop.gui import settings
    from cchc_desktop.gui.main_window import MainWindow
    from cchc_desktop.gui.area_form import LABEL, VALUE
    if len(sys.argv) > 2:   # a geometry saved on a larger screen, far to the right and down
        settings.store().setValue("window/geometry", QByteArray.fromHex(sys.argv[2].encode()))
    ws = Workspace.open(sys.argv[1])
    w = MainWindow(ws)
    w.show()
    for _ in range(5):
        app.processEvents()
    avail = w.screen().availableGeometry()
    frame = w.frameGeometry()
    seen = {"avail": [avail.x(), avail.y(), avail.width(), avail.height()],
            "frame": [frame.x(), frame.y(), frame.width(), frame.height()]}
    for page in w.nav_ids():
        w.show_page(page)
        app.processEvents()
    hint = w.minimumSizeHint()
    seen["minimum"] = [hint.width(), hint.height()]
    w.show_page("area3")
    for _ in range(3):
        app.processEvents()
    form = w.area_form(3)
    view = form.view
    seen["columns"] = [view.columnWidth(c) for c in range(6)]
    seen["viewport"] = view.viewport().width()
    seen["line"] = view.fontMetrics().lineSpacing()
    from PySide6.QtCore import QRect, Qt
    metrics = view.fontMetrics()
    width = view.columnWidth(LABEL) - 8
    seen["label_lines"] = max(metrics.boundingRect(QRect(0, 0, width, 10000), int(Qt.TextWordWrap), r.label).height()
                              // metrics.lineSpacing() for r in form.model.rows)
    w.ui.actionToggleNav.trigger()
    for _ in range(3):
        app.processEvents()
    seen["nav_folded"] = w.ui.navList.isVisible() and w.ui.navList.width()
    seen["label_folded"] = view.columnWidth(LABEL)
    print(json.dumps(seen))
""")


def probe(tmp_path, workspace, width, height, scale, geometry: str | None = None) -> dict:
    config = tmp_path / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{"name": "s", "x": 0, "y": 0, "width": width, "height": height,
                                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}", QT_SCALE_FACTOR=str(scale),
               PYTHONPATH=str(ROOT), HOME=str(tmp_path))
    args = [sys.executable, "-c", PROBE, str(workspace)] + ([geometry] if geometry else [])
    r = subprocess.run(args, capture_output=True, text=True, encoding="utf-8", env=env, cwd=ROOT, timeout=180)
    assert r.returncode == 0, r.stderr
    return json.loads(r.stdout.strip().splitlines()[-1])


def inside(frame, avail) -> bool:
    fx, fy, fw, fh = frame
    ax, ay, aw, ah = avail
    return fx >= ax and fy >= ay and fx + fw <= ax + aw and fy + fh <= ay + ah


@pytest.mark.parametrize("width,height,scale", [(1024, 768, 1), (1024, 768, 1.25), (1366, 768, 1.25),
                                                (1366, 768, 1.5), (1920, 1080, 1.5)])
def test_window_fits_the_screen_and_the_labels_have_room(tmp_path, demo_path, width, height, scale):
    seen = probe(tmp_path, demo_path, width, height, scale)
    assert inside(seen["frame"], seen["avail"]), seen
    # no page makes the window larger than the screen (the plan page was 998×661)
    assert seen["minimum"][0] <= seen["avail"][2] and seen["minimum"][1] <= seen["avail"][3], seen
    stt, label, unit, value, source, note = seen["columns"]
    assert label >= 260 and label > 2 * value, seen        # the names, not the numbers, get the room
    assert value <= 110 and unit <= 110, seen
    # the number, its name and unit are in sight without scrolling sideways; on a wide enough table
    # the source and the note too (below ~800 px they scroll, or fold the left list away)
    assert stt + label + unit + value <= seen["viewport"], seen
    if seen["avail"][2] >= 1000:
        assert sum(seen["columns"]) <= seen["viewport"] + 2, seen
    # the longest name of area 3 wraps at most onto a few lines, never one word a line
    assert seen["label_lines"] <= 3, seen
    # folding the left list gives its width to the names
    assert not seen["nav_folded"] and seen["label_folded"] >= label, seen


def test_a_geometry_saved_off_screen_comes_back_inside(tmp_path, demo_path, qapp):
    from PySide6.QtCore import QByteArray
    from PySide6.QtWidgets import QWidget
    big = QWidget()
    big.setGeometry(1500, 900, 1600, 1000)   # as saved on a 3000 px wide desk
    saved = bytes(big.saveGeometry().toHex()).decode()
    big.deleteLater()
    seen = probe(tmp_path, demo_path, 1024, 768, 1, saved)
    assert inside(seen["frame"], seen["avail"]), seen
    assert QByteArray   # (imported for the hex form above)


def test_label_border_can_be_dragged_and_stays_where_put(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    w.resize(1000, 700)
    w.show_page("area3")
    form = w.area_form(3)
    head = form.view.horizontalHeader()
    assert all(head.sectionResizeMode(c) == QHeaderView.Interactive for c in (STT, LABEL, UNIT, VALUE, SOURCE))
    head.resizeSection(LABEL, 420)            # what a drag of the border does
    QApplication.processEvents()
    w.resize(1010, 700)                       # a later resize keeps the officer's choice
    QApplication.processEvents()
    assert form.view.columnWidth(LABEL) == 420
    assert head.stretchLastSection() and head.logicalIndex(head.count() - 1) == NOTE


def test_left_list_folds_and_comes_back(qtbot, window_for, demo_ws):
    w = window_for(demo_ws)
    w.show_page("area1")
    before = w.ui.navList.width()
    assert before > 0
    w.ui.actionToggleNav.trigger()
    QApplication.processEvents()
    assert not w.ui.navList.isVisible() and w.ui.splitter.sizes()[0] == 0
    qtbot.keyClick(w, "l", Qt.ControlModifier)    # Ctrl+L brings it back
    QApplication.processEvents()
    assert w.ui.navList.width() >= 170
