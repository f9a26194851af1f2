"""Test helpers for the window: a clean settings store for every GUI test, and small drivers.

Like Orange's WidgetTest: each test gets QSettings pointed at its own temporary folder, so
no test sees the officer's (or another test's) last workspace or window geometry.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
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


@pytest.fixture
def clean_settings(tmp_path, qapp):
    folder = tmp_path / "settings"
    folder.mkdir()
    QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, str(folder))
    from cchc_desktop.gui import translations
    translations.install(qapp)   # as main() does: Qt's own texts in Vietnamese
    yield folder


@pytest.fixture
def window_for(qtbot, clean_settings):
    """Make a MainWindow over an open workspace; it is closed (listener removed) after the test."""
    from cchc_desktop.gui.main_window import MainWindow
    made = []

    def make(ws):
        w = MainWindow(ws)
        qtbot.addWidget(w)
        w.resize(1280, 760)
        w.show()
        w.activateWindow()
        made.append(w)
        return w
    yield make
    for w in made:
        if w.ws is not None and w._on_committed in w.ws.listeners:
            w.ws.listeners.remove(w._on_committed)


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
