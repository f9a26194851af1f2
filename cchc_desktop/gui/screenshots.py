"""Screenshots of the window for the user guide: ``python -m cchc_desktop.gui.screenshots OUTDIR``.

Run under Xvfb with the xcb platform to get real window decorations and fonts, e.g.
``xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python -m cchc_desktop.gui.screenshots docs/images``.
Makes a fresh sample workspace, adds the quarters of 2023 with a few figures so roll-ups show,
and saves the home page, every area, the detail grid, the register, the first-run dialog
and a refused value as ``screen-*.png``; then the officer's screens (sample banner, headings,
a coded answer, the target picker, finalising with empty rows, sending, the change log) once
at 1366×740 and once at the size the window opens at on a 1024×768 screen (``*-1024.png``).
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    out = Path(argv[0] if argv else "docs/images")
    out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication
    tmp = Path(tempfile.mkdtemp())
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(tmp))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from . import translations
    translations.install(app)
    from .. import demo
    from ..store import Workspace
    from .area_form import VALUE
    from .dialogs import FirstRunDialog
    from .main_window import MainWindow
    demo.create(tmp / "mau.cchc")
    ws = Workspace.open(tmp / "mau.cchc")
    w = MainWindow(ws)
    w.resize(1366, 740)
    w.show()

    def shot(name, widget=None):
        for _ in range(3):
            app.processEvents()
        (widget or w).grab().save(str(out / f"screen-{name}.png"))

    shot("home")
    for a in ws.catalogue.areas:
        w.show_page(f"area{a.id}")
        shot(f"area{a.id}")
    # dossiers by field of seed 001 (UBND xã Kim Thạch, 6 tháng đầu năm 2023) in a new period
    ws.add_period("2023-H1")
    cols = ("received_total", "received_online", "received_direct_postal", "carried_over",
            "resolved_total", "resolved_early", "resolved_on_time", "resolved_late")
    for label, *numbers in (("Bảo trợ xã hội", 56, 0, 56, 0, 53, 53, 0, 0),
                            ("Chứng thực", 217, 159, 58, 0, 217, 217, 0, 0),
                            ("Hộ tịch", 163, 160, 3, 0, 163, 163, 0, 0),
                            ("Người có công", 18, 0, 16, 2, 16, 16, 0, 0),
                            ("Đất đai", 238, 0, 221, 17, 202, 201, 1, 0)):
        ws.save_detail_row("2023-H1", "dossiers_by_field", label, dict(zip(cols, numbers)))
    w._fill_periods("2023-H1")
    w.show_page("detail")
    page = w.page("detail")
    page.tabs.setCurrentWidget(page.grid("dossiers_by_field"))
    shot("detail")
    w.show_page("area3")
    form = w.area_form(3)
    form.select_key("dossier.received_total")
    shot("area3-from-detail")
    w._fill_periods("2022-H1")
    w.show_page("register")
    shot("register")
    w.show_page("audit")
    shot("audit")
    # a refused value: typed text kept in red with the reason, nothing stored
    w.show_page("area1")
    form = w.area_form(1)
    key = "inspection.rounds"
    index = form.model.index(form.model.row_of(key), VALUE)
    form.view.setCurrentIndex(index)
    form.model.setData(index, "2,5")
    form.view.scrollTo(index)
    shot("refused")
    first = FirstRunDialog(tmp)
    first.ui.name.setText("UBND xã Kim Thạch")
    first.ui.parent.setText("UBND huyện Vĩnh Linh")
    first.ui.place.setText("Kim Thạch")
    first.show()
    shot("first-run", first)
    from .dialogs import PeriodDialog
    dlg = PeriodDialog(ws, None, w, year=2023, kind="H1")
    dlg.show()
    shot("period", dlg)
    w.close()
    ws.close()
    for suffix, size in SIZES.items():
        officer_shots(app, out, tmp, suffix, size)
    consolidation_shots(app, out, tmp)
    period_shots(app, out, tmp)
    return 0


# The window's size in the user guide: a 1366×768 laptop, and a 1024×768 office screen (the size
# MainWindow.fit_to_screen gives it there: the screen less the frame allowance).
SIZES = {"": (1366, 740), "-1024": (1008, 720)}


def _settle(app, rounds=4):
    for _ in range(rounds):
        app.processEvents()


def officer_shots(app, out: Path, tmp: Path, suffix: str, size: tuple[int, int]):
    """The screens of issue 14 on a fresh copy of the sample, at window *size*."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QComboBox

    from ..store import Workspace
    from . import send_dialog
    from .area_form import VALUE
    from .finalise_dialog import FinaliseDialog
    from .main_window import NAV_WIDTH, MainWindow
    send_dialog.open_folder = lambda path: True   # no file manager while taking pictures
    with Workspace.open(tmp / "mau.cchc") as sample:
        path = sample.copy_to(tmp / f"mau{suffix or '-1366'}.cchc", overwrite=True)
    ws = Workspace.open(path)
    w = MainWindow(ws)
    w.resize(*size)
    w.move(0, 0)
    nav = NAV_WIDTH[0] if size[0] >= 1280 else NAV_WIDTH[1]
    w.ui.splitter.setSizes([nav, size[0] - nav])
    w.show()

    def shot(name, widget=None):
        _settle(app)
        (widget or w).grab().save(str(out / f"screen-{name}{suffix}.png"))

    def screen_shot(name):   # with popups (a completer's list) that grab() leaves out
        _settle(app)
        g = w.frameGeometry()
        QGuiApplication.primaryScreen().grabWindow(0, g.x(), g.y(), g.width(), g.height()).save(
            str(out / f"screen-{name}{suffix}.png"))

    w._fill_periods("2022-H1")   # the sample's own period, with its figures
    shot("sample-home")
    w.show_page("area3")
    shot("headings")
    # a coded answer chosen by typing its code
    w.show_page("area1")
    form = w.area_form(1)
    index = form.model.index(form.model.row_of("survey.method"), VALUE)
    form.view.scrollTo(index)
    form.view.setCurrentIndex(index)
    form.view.edit(index)
    _settle(app)
    combo = form.view.viewport().findChildren(QComboBox)[-1]
    combo.setCurrentIndex(combo.findData("2"))
    shot("coded-answer")
    from PySide6.QtWidgets import QAbstractItemDelegate
    form.view.closeEditor(combo, QAbstractItemDelegate.RevertModelCache)
    # the plan's target chosen by its name, typed without accents
    w.show_page("plan")
    editor = w.page("plan")
    editor.plan_list.setCurrentRow(0)
    editor.new_target()
    editor.t_key.lineEdit().setFocus()
    editor.t_key.lineEdit().setText("dung han")   # as typed; the list offers the names (not QtTest: not shipped)
    completer = editor.t_key.completer()
    completer.setCompletionPrefix("dung han")
    completer.complete()
    screen_shot("target-picker")
    editor.t_key.completer().popup().hide()
    editor.new_target()
    # the detail table scrolled to its last column, the field column still in sight
    w._fill_periods("2023-H1")   # the period whose dossiers by field main() typed
    w.show_page("detail")
    page = w.page("detail")
    page.tabs.setCurrentWidget(page.grid("dossiers_by_field"))
    grid = page.grid("dossiers_by_field")
    last = grid.model.index(0, grid.model.columnCount() - 1)
    grid.view.setCurrentIndex(last)
    grid.view.scrollTo(last)
    shot("detail-frozen")
    # finalising a period with empty appendix rows, then sending it
    code = "2022-H1"
    ws.set_values(code, [("inspection.rounds", None)])
    dlg = FinaliseDialog(ws, code, w)
    dlg.resize(min(760, size[0] - 40), min(520, size[1] - 60))
    dlg.show()
    for item in dlg.warning_items():
        item.setCheckState(Qt.Checked)
    shot("finalise-empty", dlg)
    dlg.accept()
    w._fill_periods(code)
    send = send_dialog.SendDialog(ws, code, w)
    send.folder_edit.setText(str(tmp / "gui"))
    send.resize(min(680, size[0] - 40), min(560, size[1] - 40))
    send.show()
    send.make(open_after=False)
    shot("send", send)
    send.accept()
    w._fill_periods(code)
    w.show_page("home")
    home = w.page("home")
    while home.findings_pending():
        app.processEvents()
    shot("home-sent")
    w.show_page("audit")
    shot("audit-sentences")
    # the left list folded away: the whole width for the figures
    w.ui.actionToggleNav.trigger()
    w.show_page("area3")
    shot("nav-folded")
    w.close()
    ws.close()


def consolidation_shots(app, out: Path, tmp: Path):
    """The upper office's window: three wards' backups of the sample (one with a wrong total,
    one with a warning it explained) and a file damaged on the way, as ``screen-consolidation*.png``."""
    import datetime as dt
    import shutil

    from .. import backup, rules
    from ..store import Workspace
    from .consolidation_window import ConsolidationWindow

    sent = tmp / "nhan"
    files = []
    for n, name in enumerate(("UBND phường 1", "UBND phường 2", "UBND phường 3")):
        with Workspace.open(tmp / "mau.cchc") as sample:
            path = sample.copy_to(tmp / f"unit{n}.cchc")
        with Workspace.open(path) as unit:
            unit.update_unit(name=name, code=f"1950{n + 1}")   # three wards: three official codes
            if n == 0:
                unit.set_value("2022-H1", "dossier.resolved_total", 1400)
            if n == 2:   # the ward explains its warning (a rate as its one-stop software rounds it)
                for f in [f for f in rules.check(unit, "2022-H1") if f.severity == rules.WARNING]:
                    rules.acknowledge(unit, "2022-H1", f, "Tỷ lệ lấy đúng như phần mềm một cửa tính.")
            files.append(backup.make_backup(unit, sent, made_at=dt.datetime(2022, 6, 15, 9, n)))
    damaged = sent / "CCHC_phuong-4-thi-xa-quang-tri_2022-H1_20220615-1000.sqlite"
    shutil.copy(files[1], damaged)
    damaged.write_bytes(damaged.read_bytes()[:20000])   # cut short in the e-mail
    from .. import consolidation
    consolidation.create(tmp / "tong-hop.cchc", "UBND thị xã Quảng Trị", parent="UBND tỉnh Quảng Trị").close()
    win = ConsolidationWindow(None)
    win.resize(1366, 740)
    win.open_path(tmp / "tong-hop.cchc")
    win.import_paths([sent])
    win.show()
    win.matrix.setCurrentCell(0, 1)
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(out / "screen-consolidation.png"))
    win.matrix.setCurrentCell(2, 1)
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(out / "screen-consolidation-explained.png"))
    win.tabs.setCurrentWidget(win.figures)
    for _ in range(3):
        app.processEvents()
    win.grab().save(str(out / "screen-consolidation-figures.png"))
    win.close()



def period_shots(app, out: Path, tmp: Path):
    """The commune of 2026 (issue 11), on the ``dong-thuan`` sample: the first run of a ward
    formed on 01/07/2025, "Thêm kỳ" with a custom window and with a month, the unit's profile
    (both tabs), the home page with monthly and custom periods, and the one-time question for
    a missing unit code, as ``screen-*.png``."""
    import datetime as dt

    from .. import demo
    from ..store import Workspace
    from .dialogs import FirstRunDialog, PeriodDialog, UnitDialog
    from .main_window import MainWindow

    def shot(name, widget):
        for _ in range(4):
            app.processEvents()
        widget.grab().save(str(out / f"screen-{name}.png"))

    first = FirstRunDialog(tmp)
    first.ui.name.setText("UBND phường Đồng Thuận")
    first.ui.code.setText("19168")
    first.ui.parent.setText("UBND tỉnh Quảng Trị")
    first.ui.place.setText("Đồng Thuận")
    first.show()
    shot("first-run", first)
    first.close()

    path = demo.create(tmp / "dong-thuan.cchc", "dong-thuan")
    ws = Workspace.open(path)
    w = MainWindow(ws)
    w.resize(1366, 740)
    w.show()
    home = w.page("home")
    home.today = dt.date(2025, 11, 3)
    home.reload()
    shot("home-2025", w)

    dlg = PeriodDialog(ws, None, w, today=dt.date(2025, 11, 3))
    dlg.ui.kind.setCurrentIndex(dlg.ui.kind.findData("C"))
    dlg.ui.windowFrom.setText("01/07/2025")
    dlg.ui.windowTo.setText("30/11/2025")
    dlg.ui.deadline.setText("05/12/2025")
    dlg.show()
    shot("period-custom", dlg)
    dlg.close()
    dlg = PeriodDialog(ws, None, w, today=dt.date(2025, 11, 20))   # proposes the month just closed
    dlg.show()
    shot("period-month", dlg)
    dlg.close()

    unit = UnitDialog(ws, w)
    unit.show()
    shot("unit", unit)
    unit.ui.tabs.setCurrentIndex(1)
    shot("unit-report", unit)
    unit.close()
    w.close()
    ws.close()

    # a file made before the unit's code was kept: the window asks once, in the status bar
    old = tmp / "cu.cchc"
    with Workspace.create(old, name="UBND xã Kim Thạch", parent="UBND huyện Vĩnh Linh", place="Kim Thạch") as o:
        o.add_period("2023-H1")
    ws = Workspace.open(old)
    w = MainWindow(ws)
    w.resize(1366, 740)
    w.show()
    w.ask_unit_code()
    shot("unit-code", w)
    w._open_code_dialog()
    shot("unit-code-dialog", w.code_dialog)
    w.code_dialog.reject()
    w.close()
    ws.close()


if __name__ == "__main__":
    sys.exit(main())
