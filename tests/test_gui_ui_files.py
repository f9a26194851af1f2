"""The compiled forms (cchc_desktop/gui/ui_*.py) are exactly what pyside6-uic makes of ui/*.ui."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
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
    assert out.read_text(encoding="utf-8") == committed, f"run: pyside6-uic ui/{ui.name} -o cchc_desktop/gui/ui_{ui.stem}.py"


@pytest.mark.parametrize("ui", UI_FILES, ids=lambda p: p.stem)
def test_forms_have_no_english_left(ui):
    text = ui.read_text(encoding="utf-8")
    shown = re.findall(r"<string>([^<]+)</string>", text)
    english = {"OK", "Cancel", "File", "Edit", "Help", "Open", "Save", "Close", "Quit", "Undo", "Redo"}
    assert not [s for s in shown if s.strip("&") in english]
