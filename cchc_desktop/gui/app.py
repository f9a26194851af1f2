"""Entry point of the window program ``cchc-desktop [WORKSPACE]``.

Opens the workspace named on the command line (as a double-click on the file would),
else the last one used, else offers the first-run choice (create a unit, open the
sample, open a file).  The workspace is opened here, outside any window constructor,
and handed to :class:`MainWindow`.  ``--version`` answers without importing Qt.
"""
import sys
from pathlib import Path


def default_folder() -> Path:
    """Where new workspaces go by default: Documents/CCHC."""
    from PySide6.QtCore import QStandardPaths
    docs = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
    return Path(docs) / "CCHC"


def open_workspace(choice: str, path, unit: dict | None = None):
    """Open (or make) the workspace for a first-run / File-menu choice; WorkspaceError on failure."""
    from .. import demo
    from ..store import Workspace
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if choice == "new":
        return Workspace.create(path, **(unit or {}))
    if choice == "sample" and not path.exists():
        demo.create(path)
    return Workspace.open(path)


def ask_workspace(parent=None, title=None):
    """Run the first-run dialog; the opened workspace, or None when the officer closes it."""
    from . import ops
    from .dialogs import FirstRunDialog
    while True:
        dlg = FirstRunDialog(default_folder(), parent, title)
        if not dlg.exec():
            return None
        ws = ops.run(parent, open_workspace, dlg.choice, dlg.path, dlg.unit_fields(),
                     title="Không mở được tệp dữ liệu")
        if ws is not None:
            return ws


class Controller:
    """Keeps the one main window and swaps the workspace it shows (File → New/Open/Sample)."""

    def __init__(self, ws):
        from .main_window import MainWindow
        from . import settings
        self.window = MainWindow(ws)
        self.window.workspaceRequested.connect(self.switch)
        settings.remember_workspace(ws.path)

    def switch(self, action: str, path):
        from . import ops, settings
        if action == "new":
            ws = ask_workspace(self.window, "Tạo đơn vị mới")
        elif action == "sample":
            ws = ops.run(self.window, open_workspace, "sample", default_folder() / "du-lieu-mau.cchc")
        else:
            ws = ops.run(self.window, open_workspace, "open", path, title="Không mở được tệp dữ liệu")
        if ws is not None:
            self.window.set_workspace(ws)
            settings.remember_workspace(ws.path)


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
    code = app.exec()
    if controller.window.ws is not None:
        controller.window.ws.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
