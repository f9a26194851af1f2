"""Screenshots of the window for the user guide: ``python -m cchc_desktop.gui.screenshots OUTDIR``.

Run under Xvfb with the xcb platform to get real window decorations and fonts, e.g.
``xvfb-run -a -s "-screen 0 1366x768x24" env QT_QPA_PLATFORM=xcb python -m cchc_desktop.gui.screenshots docs/images``.
Makes a fresh sample workspace, adds the quarters of 2023 with a few figures so roll-ups show,
and saves the home page, every area, the detail grid, the register, the first-run dialog
and a refused value as ``screen-*.png``.
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
    consolidation_shots(app, out, tmp)
    return 0


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
            unit.update_unit(name=name)
            if n == 0:
                unit.set_value("2022-H1", "dossier.resolved_total", 1400)
            if n == 2:
                unit.set_value("2022-H1", "direction.documents_issued", 25)
                found = [f for f in rules.check(unit, "2022-H1") if f.rule.endswith(".register")]
                for f in found:
                    rules.acknowledge(unit, "2022-H1", f, "5 văn bản của Đảng ủy chưa vào sổ.")
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


if __name__ == "__main__":
    sys.exit(main())
