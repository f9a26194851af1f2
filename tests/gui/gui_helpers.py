"""Small drivers for the window's tests: open an editor, type a value, press Enter.

The fixtures every window test uses (a clean settings store, a main window) are in
``tests/gui/conftest.py``.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit


def open_editor(view, index):
    """Start editing *index* in *view* and return the editor widget."""
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    QApplication.processEvents()
    editors = [w for cls in (QLineEdit, QComboBox) for w in view.viewport().findChildren(cls)
               if w.isVisible() and w.parent() is view.viewport()]
    assert editors, "no editor opened"
    editors[-1].setFocus()
    return editors[-1]


def type_value(qtbot, form, key: str, text: str, *, enter: bool = True):
    """Select *key*'s value cell in an AreaForm and type *text* as the officer would (then Enter)."""
    from cchc_desktop.gui.area_form import VALUE
    row = form.model.row_of(key)
    assert row is not None, f"{key} has no row in the form"
    editor = open_editor(form.view, form.model.index(row, VALUE))
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    if enter:
        qtbot.keyClick(editor, Qt.Key_Return)
        QApplication.processEvents()
    return editor


def grid_type(qtbot, grid, row: int, col: int, text: str):
    """Type into a detail grid cell and press Enter."""
    editor = open_editor(grid.view, grid.model.index(row, col))
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()


def press_enter(qtbot, editor):
    """Enter in an item editor; the delegate commits through a queued call, so let it run."""
    qtbot.keyClick(editor, Qt.Key_Return)
    QApplication.processEvents()


def stored(path, code, key):
    """The value as another program opening the file sees it (not the window's connection)."""
    from cchc_desktop.store import Workspace
    with Workspace.open(path) as other:
        return other.typed_values(code).get(key)


def accept_modal(fill):
    """Fill and accept the next modal dialog once it is up (the officer at the keyboard)."""
    from PySide6.QtCore import QTimer

    def run():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(10, run)
            return
        fill(dlg)
        dlg.accept()
    QTimer.singleShot(0, run)
