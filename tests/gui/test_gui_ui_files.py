"""The compiled forms (cchc_desktop/gui/ui_*.py) are exactly what pyside6-uic makes of ui/*.ui."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest


ROOT = Path(__file__).resolve().parents[2]
UI_FILES = sorted((ROOT / "ui").glob("*.ui"))
UIC = Path(sys.executable).with_name("pyside6-uic")


def test_every_form_is_compiled():
    names = {p.stem for p in UI_FILES}
    compiled = {p.stem[3:] for p in (ROOT / "cchc_desktop" / "gui").glob("ui_*.py")}
    assert names and names == compiled


@pytest.mark.skipif(not UIC.exists(), reason="pyside6-uic not installed beside this Python")
@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.stem)
def test_compiled_form_matches_its_ui_file(ui, tmp_path):
    out = tmp_path / f"ui_{ui.stem}.py"
    subprocess.run([str(UIC), str(ui), "-o", str(out)], check=True, capture_output=True)
    committed = (ROOT / "cchc_desktop" / "gui" / f"ui_{ui.stem}.py").read_text(encoding="utf-8")
    assert _without_version(out.read_text(encoding="utf-8")) == _without_version(committed), \
        f"run: pyside6-uic ui/{ui.name} -o cchc_desktop/gui/ui_{ui.stem}.py"


def _without_version(code: str) -> str:
    # The header names the uic version; the code is what must not drift from the .ui file.
    return re.sub(r"(?m)^## Created by: Qt User Interface Compiler version .*$", "", code)


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.stem)
def test_forms_have_no_english_left(ui):
    text = ui.read_text(encoding="utf-8")
    shown = re.findall(r"<string>([^<]+)</string>", text)
    english = {"OK", "Cancel", "File", "Edit", "Help", "Open", "Save", "Close", "Quit", "Undo", "Redo"}
    assert not [s for s in shown if s.strip("&") in english]


def test_qt_own_texts_are_vietnamese(qapp):
    from PySide6.QtWidgets import QDialogButtonBox, QLineEdit
    from cchc_desktop.gui import translations
    translations.install(qapp)
    edit = QLineEdit()
    menu = edit.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if a.text()]
    assert "&Sao chép" in texts and "&Dán" in texts and not {"&Copy", "&Paste"} & set(texts)
    assert any(a.text().endswith("\tCtrl+C") for a in menu.actions())   # Qt's own texts still there
    box = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
    assert sorted(b.text() for b in box.buttons()) == ["Hủy", "Đồng ý"]


def test_window_menus_have_no_english(qtbot, clean_settings, ws):
    from PySide6.QtWidgets import QMenu
    from cchc_desktop.gui.main_window import MainWindow
    w = MainWindow(ws)
    qtbot.addWidget(w)
    texts = [a.text() for m in w.menuBar().findChildren(QMenu) for a in m.actions() if a.text()]
    assert len(texts) > 15
    english = ("File", "Edit", "Open", "Save", "Undo", "Redo", "Quit", "Exit", "Help", "Tools", "Print")
    assert not [t for t in texts if any(word in t.replace("&", "") for word in english)]
