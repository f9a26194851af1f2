"""“Gửi lên cấp trên”: make the backup file, show it, open its folder, and give a ready e-mail.

The commune's PC is offline: the officer copies the file to a USB stick or attaches it
from another machine, so the dialog gives the subject and body to paste, each with a
copy button.  The file is made by :func:`cchc_desktop.backup.make_backup` (core), which
checks it before it is shown here.
"""
from __future__ import annotations

import datetime as _dt
from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QDialog, QFileDialog, QFormLayout, QGroupBox, QHBoxLayout, QLabel,
                               QLineEdit, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget)

from .. import backup
from ..store import WorkspaceError
from ..vnformat import format_number

FOLDER_SETTING = "send.folder"


def default_folder(ws) -> Path:
    """The folder last used for sending, else “CCHC-gui-cap-tren” in the user's documents."""
    saved = ws.setting(FOLDER_SETTING)
    if saved:
        return Path(saved)
    docs = Path.home() / "Documents"
    return (docs if docs.is_dir() else Path.home()) / "CCHC-gui-cap-tren"


def open_folder(path: Path) -> bool:
    """Show *path* in the system's file manager (replaced in tests)."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


class SendDialog(QDialog):
    """Make the file to send upward for workspace *ws* (named for period *code*)."""

    def __init__(self, ws, code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.file: Path | None = None
        self.info = None
        self.setWindowTitle("Gửi lên cấp trên")
        self.resize(680, 560)
        lay = QVBoxLayout(self)

        intro = QLabel("Tạo một tệp số liệu đã kiểm tra để gửi lên cấp trên qua thư điện tử hoặc USB. "
                       "Tệp chứa thông tin đơn vị, các kỳ báo cáo và một mã kiểm tra để cấp trên biết tệp "
                       "còn nguyên vẹn (không bị hỏng hay sửa trên đường gửi).")
        intro.setWordWrap(True)
        lay.addWidget(intro)

        where = QHBoxLayout()
        where.addWidget(QLabel("Thư mục lưu tệp:"))
        self.folder_edit = QLineEdit(str(default_folder(ws)))
        self.folder_edit.setObjectName("folder")
        where.addWidget(self.folder_edit, 1)
        choose = QPushButton("Chọn…")
        choose.clicked.connect(self.choose_folder)
        where.addWidget(choose)
        lay.addLayout(where)

        row = QHBoxLayout()
        self.zip_box = QCheckBox("Nén thành tệp .zip (nhỏ hơn khi gửi thư)")
        row.addWidget(self.zip_box)
        row.addStretch(1)
        self.make_button = QPushButton("Tạo tệp gửi")
        self.make_button.setObjectName("make")
        self.make_button.setDefault(True)
        self.make_button.clicked.connect(lambda: self.make())
        row.addWidget(self.make_button)
        lay.addLayout(row)

        self.result_box = QGroupBox("Tệp đã tạo")
        form = QFormLayout(self.result_box)
        self.file_label = QLabel("—")
        self.file_label.setObjectName("file")
        self.file_label.setWordWrap(True)
        self.detail_label = QLabel("")
        self.detail_label.setWordWrap(True)
        form.addRow("Tệp:", self.file_label)
        form.addRow("", self.detail_label)
        self.open_button = QPushButton("Mở thư mục chứa tệp")
        self.open_button.clicked.connect(lambda: self.file and open_folder(self.file.parent))
        form.addRow("", self.open_button)
        lay.addWidget(self.result_box)

        mail = QGroupBox("Nội dung thư điện tử (dán vào thư, đính kèm tệp)")
        mlay = QVBoxLayout(mail)
        srow = QHBoxLayout()
        srow.addWidget(QLabel("Tiêu đề:"))
        self.subject = QLineEdit()
        self.subject.setObjectName("subject")
        self.subject.setReadOnly(True)
        srow.addWidget(self.subject, 1)
        self.copy_subject = QPushButton("Chép tiêu đề")
        self.copy_subject.clicked.connect(lambda: self._copy(self.subject.text()))
        srow.addWidget(self.copy_subject)
        mlay.addLayout(srow)
        self.body = QPlainTextEdit()
        self.body.setObjectName("body")
        self.body.setReadOnly(True)
        mlay.addWidget(self.body, 1)
        brow = QHBoxLayout()
        brow.addStretch(1)
        self.copy_body = QPushButton("Chép nội dung thư")
        self.copy_body.clicked.connect(lambda: self._copy(self.body.toPlainText()))
        brow.addWidget(self.copy_body)
        mlay.addLayout(brow)
        lay.addWidget(mail, 1)

        self.status = QLabel("")
        self.status.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        lay.addWidget(self.status)
        close = QPushButton("Đóng")
        close.clicked.connect(self.accept)
        crow = QHBoxLayout()
        crow.addStretch(1)
        crow.addWidget(close)
        lay.addLayout(crow)
        self._set_ready(False)

    def _set_ready(self, ready: bool):
        for w in (self.open_button, self.copy_subject, self.copy_body):
            w.setEnabled(ready)

    def choose_folder(self):
        name = QFileDialog.getExistingDirectory(self, "Chọn thư mục lưu tệp gửi", self.folder_edit.text())
        if name:
            self.folder_edit.setText(name)

    def make(self, *, open_after: bool = True) -> Path | None:
        """Make the file, show it and the e-mail text, and open its folder."""
        folder = Path(self.folder_edit.text().strip() or default_folder(self.ws))
        try:
            self.file = backup.make_backup(self.ws, folder, zip=self.zip_box.isChecked(), period=self.code)
            self.info = backup.verify(self.file)
        except WorkspaceError as exc:
            self.file = None
            self.status.setText(f"Không tạo được tệp: {exc}")
            self._set_ready(False)
            return None
        try:
            self.ws.set_setting(FOLDER_SETTING, str(folder))
        except WorkspaceError:
            pass   # remembering the folder is a convenience
        subject, body = backup.mail_text(self.info, self.file, self.code)
        self.subject.setText(subject)
        self.body.setPlainText(body)
        size_kb = max(1, round(self.file.stat().st_size / 1024))
        self.file_label.setText(self.file.name)
        self.file_label.setToolTip(str(self.file))
        self.detail_label.setText(
            f"{format_number(size_kb)} KB · {self.info.unit_name} · tạo lúc {self.info.made_at_text} · "
            "đã kiểm tra, đọc lại được.\n"
            f"Mã kiểm tra (để cấp trên biết tệp còn nguyên vẹn): {self.info.sha256}")
        self.detail_label.setToolTip(f"Mã kiểm tra đầy đủ (SHA-256): {self.info.sha256}")
        sent = self.mark_sent(folder)
        self.status.setText(f"Đã tạo tệp trong thư mục {folder}. Đính kèm tệp này vào thư gửi cấp trên."
                            + (f" {sent}" if sent else ""))
        self._set_ready(True)
        if open_after:
            open_folder(folder)
        return self.file

    def mark_sent(self, folder: Path) -> str:
        """A finalised period whose file is made is “đã gửi”: its status, and the day and file
        (kept in the workspace's settings) show on the home page and the period bar.
        A draft is left a draft: its figures are not final, the file is only a copy."""
        if not self.code or self.file is None:
            return ""
        from .home import SENT_SETTING
        period = self.ws.period(self.code)
        if period.status == "draft":
            return (f"Kỳ {period.label} chưa chốt số liệu: tệp này là bản sao để xem, "
                    "chốt số liệu rồi gửi lại bản chính thức.")
        try:
            if period.status != "sent":
                self.ws.set_status(self.code, "sent")
            self.ws.set_setting(SENT_SETTING + self.code, {
                "at": _dt.datetime.now().isoformat(timespec="seconds"), "file": self.file.name,
                "folder": str(folder)})
        except WorkspaceError as exc:
            return f"Chưa ghi được trạng thái đã gửi: {exc}"
        return f"Kỳ {period.label} được ghi là đã gửi lên cấp trên."

    def _copy(self, text: str):
        QGuiApplication.clipboard().setText(text)
        self.status.setText("Đã chép vào bộ nhớ tạm; dán vào thư (Ctrl+V).")
