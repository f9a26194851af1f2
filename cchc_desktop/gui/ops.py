"""Running a change of data from the window: one place that shows what went wrong.

Every workspace method that changes data is one operation of the core (a transaction and
an undo step); the window calls it through :func:`run`, which turns a refusal
(:class:`WorkspaceError`, e.g. a locked period or a bad number) into a Vietnamese message
box instead of a crash.  Refreshing the views is done by the workspace's listeners.
"""
from __future__ import annotations

from ..store import WorkspaceError


def run(parent, func, /, *args, title: str = "Không thực hiện được", **kwargs):
    """Call *func*; on WorkspaceError show the message and return None.

    *parent* and *func* are positional only, so a *func* taking its own ``parent=`` (the window
    a question is asked over) gets it rather than a TypeError."""
    try:
        return func(*args, **kwargs)
    except WorkspaceError as exc:
        show_error(parent, str(exc), title)
        return None


def show_error(parent, message: str, title: str = "Không thực hiện được"):
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Warning, title, message, QMessageBox.Ok, parent)
    box.setProperty("textFormat", 0)   # Qt.PlainText: a message names files and units as received
    box.button(QMessageBox.Ok).setText("Đồng ý")
    box.exec()


def confirm(parent, title: str, message: str, yes: str = "Đồng ý", no: str = "Hủy") -> bool:
    from PySide6.QtWidgets import QMessageBox
    box = QMessageBox(QMessageBox.Question, title, message, QMessageBox.NoButton, parent)
    box.setProperty("textFormat", 0)   # Qt.PlainText
    ok = box.addButton(yes, QMessageBox.AcceptRole)
    box.addButton(no, QMessageBox.RejectRole)
    box.setDefaultButton(ok)
    box.exec()
    return box.clickedButton() is ok

