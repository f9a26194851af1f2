"""Automatic backups from the window: daily on opening, on leaving after a change, rotated."""
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox


from cchc_desktop import backup


def _backups(folder: Path):
    return sorted(folder.glob("CCHC_*.sqlite"))


def test_leaving_after_a_change_makes_a_verified_backup(demo_ws, window_for, tmp_path):
    folder = tmp_path / "sao-luu"
    demo_ws.set_setting(backup.FOLDER_SETTING, str(folder))
    w = window_for(demo_ws)
    w.close()                                    # nothing changed: nothing to back up
    assert not folder.exists() or not _backups(folder)
    w.show()
    demo_ws.set_value("2022-H1", "dossier.pending", "5")
    w.close()
    files = _backups(folder)
    assert len(files) == 1
    info = backup.verify(files[0])               # whole, and carries the new figure
    assert "2022-H1" in info.periods
    assert "Đã sao lưu tự động" in w.statusBar().currentMessage()


def test_daily_backup_once_a_day_and_rotation_keeps_the_newest(demo_ws, window_for, tmp_path):
    folder = tmp_path / "sao-luu"
    demo_ws.set_setting(backup.FOLDER_SETTING, str(folder))
    demo_ws.set_setting(backup.KEEP_SETTING, 2)
    w = window_for(demo_ws)
    assert w.auto_backup(daily=True) is not None
    assert w.auto_backup(daily=True) is None      # already one today
    for n in range(3):
        demo_ws.set_value("2022-H1", "dossier.pending", str(10 + n))
        w.auto_backup(daily=False)
    assert len(_backups(folder)) == 2             # only the newest two are kept


def test_a_failing_backup_is_reported_not_fatal(demo_ws, window_for, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    demo_ws.set_setting(backup.FOLDER_SETTING, str(blocker / "sub"))
    w = window_for(demo_ws)
    demo_ws.set_value("2022-H1", "dossier.pending", "6")
    assert w.auto_backup(daily=False) is None
    assert "Không sao lưu tự động được" in w.statusBar().currentMessage()
    w.close()                                     # closing still works


def test_backup_dialog_stores_folder_and_count(demo_ws, qtbot, clean_settings, tmp_path):
    from cchc_desktop.gui.dialogs import BackupDialog
    dlg = BackupDialog(demo_ws)
    qtbot.addWidget(dlg)
    dlg.ui.folder.setText(str(tmp_path / "moi"))
    dlg.ui.keep.setValue(5)
    dlg.ui.buttonBox.button(QDialogButtonBox.Ok).click()
    assert demo_ws.setting(backup.FOLDER_SETTING) == str(tmp_path / "moi")
    assert demo_ws.setting(backup.KEEP_SETTING) == 5
    blocker = tmp_path / "tep"
    blocker.write_text("x")
    dlg2 = BackupDialog(demo_ws)
    qtbot.addWidget(dlg2)
    dlg2.ui.folder.setText(str(blocker / "con"))
    dlg2.ui.buttonBox.button(QDialogButtonBox.Ok).click()
    assert "Không tạo được thư mục" in dlg2.ui.errorLabel.text()
    assert demo_ws.setting(backup.FOLDER_SETTING) == str(tmp_path / "moi")
