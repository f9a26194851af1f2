"""“Gửi lên cấp trên”: the dialog makes a checked file, opens its folder and gives the e-mail text."""
from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from cchc_desktop import backup
from cchc_desktop.gui import send_dialog
from cchc_desktop.gui.send_dialog import SendDialog


@pytest.fixture
def opened(monkeypatch):
    calls = []
    monkeypatch.setattr(send_dialog, "open_folder", lambda p: calls.append(Path(p)) or True)
    return calls


def test_send_makes_the_file_and_the_mail(qtbot, demo_ws, tmp_path, opened):
    dlg = SendDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path / "gui"))
    assert not dlg.copy_body.isEnabled()
    qtbot.mouseClick(dlg.make_button, Qt.LeftButton)
    assert dlg.file is not None and dlg.file.exists()
    assert dlg.file.name.startswith("CCHC_phuong-2-quang-tri_2022-H1_") and dlg.file.name.isascii()
    info = backup.verify(dlg.file)
    assert dlg.file_label.text() == dlg.file.name
    assert info.sha256 in dlg.detail_label.text()
    assert opened == [tmp_path / "gui"]
    assert "UBND phường 2" in dlg.subject.text() and "6 tháng đầu năm 2022" in dlg.subject.text()
    body = dlg.body.toPlainText()
    assert dlg.file.name in body and info.sha256 in body and "Kính gửi: UBND thị xã Quảng Trị" in body
    qtbot.mouseClick(dlg.copy_body, Qt.LeftButton)
    assert QGuiApplication.clipboard().text() == body
    qtbot.mouseClick(dlg.copy_subject, Qt.LeftButton)
    assert QGuiApplication.clipboard().text() == dlg.subject.text()
    qtbot.mouseClick(dlg.open_button, Qt.LeftButton)
    assert opened[-1] == tmp_path / "gui"
    # the folder is remembered for next time
    assert SendDialog(demo_ws, "2022-H1").folder_edit.text() == str(tmp_path / "gui")
    dlg.grab().save(str(tmp_path / "send.png"))


def test_send_zipped(qtbot, demo_ws, tmp_path, opened):
    dlg = SendDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(tmp_path))
    dlg.zip_box.setChecked(True)
    path = dlg.make()
    assert path.suffix == ".zip" and backup.verify(path).unit_name == "UBND phường 2"


def test_send_into_an_impossible_folder_says_why(qtbot, demo_ws, tmp_path, opened):
    blocker = tmp_path / "la-tep"
    blocker.write_text("x", encoding="utf-8")
    dlg = SendDialog(demo_ws, "2022-H1")
    qtbot.addWidget(dlg)
    dlg.folder_edit.setText(str(blocker / "con"))
    assert dlg.make() is None
    assert dlg.status.text().startswith("Không tạo được tệp")
    assert not dlg.copy_body.isEnabled() and opened == []
