"""Fixtures of the window's tests: a clean settings store for each test, and main windows.

Like Orange's WidgetTest: each test gets QSettings pointed at its own temporary folder, so
no test sees the officer's (or another test's) last workspace or window geometry.
"""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings


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


@pytest.fixture
def ws_h1(ws):
    """An empty unit's workspace with the period 2023-H1 added."""
    ws.add_period("2023-H1")
    return ws
