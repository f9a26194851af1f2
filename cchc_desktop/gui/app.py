"""Entry point of the window program ``cchc-desktop [WORKSPACE]``.

Opens the workspace named on the command line (as a double-click on the file would),
else the last one used, else offers the first-run choice (create a unit, open the
sample, open a file).  The workspace is opened here, outside any window constructor,
and handed to :class:`MainWindow`.  ``--version`` answers without importing Qt.
``--smoke-test WORKSPACE`` starts the real window on the file, waits until it is shown with
its home page built (findings counted), then quits: 0 when all went well, else 1 with the
reason on stderr (the packaging test runs it from the PyInstaller bundle).
"""
import sys
import time
from pathlib import Path


def default_folder() -> Path:
    """Where new workspaces go by default: Documents/CCHC."""
    from PySide6.QtCore import QStandardPaths
    docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
    return Path(docs) / "CCHC"


def open_workspace(choice: str, path, unit: dict | None = None, parent=None):
    """Open (or make) the workspace for a first-run / File-menu choice; WorkspaceError on failure.

    The window edits a file alone (:mod:`cchc_desktop.openlock`): when another window has it
    open, the officer is told who and may open it only to look (None when declined)."""
    from ..store import Workspace, WorkspaceInUse
    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        from ..store import WorkspaceError, os_error_text
        raise WorkspaceError(f"Không tạo được thư mục “{path.parent}”: {os_error_text(exc)}.") from exc
    if choice == "new":
        Workspace.create(path, **(unit or {})).close()
    if choice == "sample" and not path.exists():
        from .. import demo   # only here: opening a file needs no sample data
        demo.create(path)
    try:
        return Workspace.open(path, exclusive=True)
    except WorkspaceInUse as exc:
        from . import ops
        if not ops.confirm(parent, "Tệp đang mở ở cửa sổ khác", f"{exc}\n\nMở tệp này chỉ để xem?",
                           yes="Mở chỉ để xem", no="Không mở"):
            return None
        return Workspace.open(path, readonly=True)


def ask_workspace(parent=None, title=None):
    """Run the first-run dialog; the opened workspace, or None when the officer closes it."""
    from . import ops
    from .dialogs import FirstRunDialog
    while True:
        dlg = FirstRunDialog(default_folder(), parent, title)
        if not dlg.exec():
            return None
        ws = ops.run(parent, open_workspace, dlg.choice, dlg.path, dlg.unit_fields(), parent=parent,
                     title="Không mở được tệp dữ liệu")
        if ws is not None:
            return ws


REAL_KEY = "workspace/real"   # the last workspace of a real unit (not sample data)


def remember(ws):
    """Remember *ws* as the file to open next time, unless it is sample data and the officer
    already has a real unit: once a real unit exists, the program opens that, not the sample
    (an officer who looked at the sample again must not start typing the real report into it)."""
    from . import settings
    from .home import is_sample
    store = settings.store()
    if not is_sample(ws):
        store.setValue(REAL_KEY, str(Path(ws.path).resolve()))
        settings.remember_workspace(ws.path)
        return
    real = store.value(REAL_KEY, "")
    if real and Path(real).is_file():
        settings.remember_workspace(real)
    else:
        settings.remember_workspace(ws.path)


class Controller:
    """Keeps the one main window and swaps the workspace it shows (File → New/Open/Sample)."""

    def __init__(self, ws):
        from .main_window import MainWindow
        from . import settings
        self.window = MainWindow(ws)
        self.window.workspaceRequested.connect(self.switch)
        remember(ws)

    def switch(self, action: str, path):
        from . import ops, settings
        current = self.window.ws
        if action == "sample":
            path = default_folder() / "du-lieu-mau.cchc"
        if action != "new" and current is not None and path and Path(path).resolve() == Path(current.path).resolve():
            return   # already open in this window (opening it again would find it held by itself)
        if action == "new":
            ws = ask_workspace(self.window, "Tạo đơn vị mới")
        elif action == "sample":
            ws = ops.run(self.window, open_workspace, "sample", path, parent=self.window)
        else:
            ws = ops.run(self.window, open_workspace, "open", path, title="Không mở được tệp dữ liệu",
                         parent=self.window)
        if ws is not None:
            self.window.set_workspace(ws)
            remember(ws)
        self.window.focus_back()   # after the file dialog or first-run dialog: the keyboard on the page


def _build_qt_namespace():
    from PySide6 import QtCore
    return QtCore.Qt


def _import_area_form():
    from . import area_form
    return area_form


# What the officer's first click on an area needs and the first frame does not: PySide makes the
# `Qt` namespace's ~95 enum types on first use (~17 ms), then the form module is imported.
WARM_UP_STEPS = (_build_qt_namespace, _import_area_form)


def warm_up(steps=WARM_UP_STEPS):
    """After the window is shown, while the officer reads the home page: do *steps*, one per
    turn of the event loop (each a few ms), so neither the start nor the first click waits."""
    from PySide6.QtCore import QTimer

    def step(i):
        steps[i]()
        if i + 1 < len(steps):
            QTimer.singleShot(0, lambda: step(i + 1))
    if steps:
        QTimer.singleShot(0, lambda: step(0))


def smoke_test(path, timeout: float = 60.0) -> int:
    """Start the real window on *path*, wait for it to show its home page, quit; 0 or 1.

    Nothing is remembered in the settings and no message box is shown: what went wrong
    (the file, an import missing from a bundle, an exception in a slot) goes to stderr.
    """
    import traceback

    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QApplication
    errors: list[str] = []
    hook = sys.excepthook
    sys.excepthook = lambda *exc: errors.append("".join(traceback.format_exception(*exc)))
    window = ws = None
    try:
        from ..store import Workspace
        from .main_window import HOME, MainWindow
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"Không có tệp dữ liệu: {path}")
        ws = Workspace.open(path)
        window = MainWindow(ws)
        window.show()
        home = window.page(HOME)
        app = QApplication.instance()
        deadline = time.monotonic() + timeout

        def ready():
            handle = window.windowHandle()
            return (handle is not None and handle.isExposed() and window.ui.pages.currentWidget() is home
                    and home.table.rowCount() > 0 and not home.findings_pending())
        while not ready() and not errors:
            if time.monotonic() > deadline:
                raise TimeoutError(f"Cửa sổ chưa hiện trang chủ sau {timeout:.0f} giây.")
            app.processEvents(QEventLoop.AllEvents, 50)
        missing = [home.table.item(r, 4).text() for r in range(home.table.rowCount())
                   if home.table.item(r, 4) is not None and home.table.item(r, 4).text() == "chưa có chức năng kiểm tra"]
        if missing:
            raise ImportError("Thiếu chức năng kiểm tra số liệu (cchc_desktop.rules) trong bản cài.")
    except Exception as exc:   # every failure becomes a message and a non-zero exit
        errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        sys.excepthook = hook
        if window is not None:
            window.hide()      # not close(): the smoke test leaves the saved geometry alone
            window.deleteLater()
        if ws is not None:
            ws.close()
    if errors:
        print("cchc-desktop --smoke-test: LỖI", file=sys.stderr)
        for e in errors:
            print(e, file=sys.stderr)
        return 1
    print(f"cchc-desktop --smoke-test: cửa sổ đã mở tệp {path.name}, trang chủ đã hiện.")
    return 0


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--version":
        from .. import __version__
        print(f"cchc-desktop {__version__}")
        return 0
    from PySide6.QtWidgets import QApplication
    from . import ops, settings
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("CCHC Desktop")
    app.setOrganizationName(settings.ORGANISATION)
    from . import translations
    translations.install(app)
    args = [a for a in argv if not a.startswith("-")]
    if "--smoke-test" in argv:
        if not args:
            print("cchc-desktop --smoke-test: thiếu tên tệp dữ liệu (cchc-desktop --smoke-test TỆP.cchc)",
                  file=sys.stderr)
            return 2
        return smoke_test(args[0])
    ws = None
    if args:
        ws = ops.run(None, open_workspace, "open", Path(args[0]), title="Không mở được tệp dữ liệu")
    elif settings.last_workspace():
        ws = ops.run(None, open_workspace, "open", settings.last_workspace(), title="Không mở được tệp dữ liệu")
    if ws is None:
        ws = ask_workspace()
        if ws is None:
            return 0
    controller = Controller(ws)
    controller.window.show()
    warm_up()
    code = app.exec()
    if controller.window.ws is not None:
        controller.window.ws.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
