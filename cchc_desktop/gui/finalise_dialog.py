"""Chốt số liệu: the dialog that finalises a period.

It lists the errors that still block finalising (then only "Đóng" is offered), and each
warning with a box to tick: "Chốt số liệu" is enabled once every warning is confirmed.
Warnings acknowledged earlier with a comment come ticked.  Rows of the unit's appendix that
have no figure are counted and listed (by STT and name), so "không có lỗi" never hides an
appendix printed with empty rows.  On OK it calls
:func:`cchc_desktop.finalise.finalise`, which records who finalised and when.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QStyle,
                               QVBoxLayout)

from .. import finalise as _finalise
from .. import rules
from ..store import WorkspaceError
from ..vnformat import format_date

FINDING_ROLE = Qt.UserRole + 1


def empty_rows(ws, code: str) -> tuple[list[str], int]:
    """(“STT name” of each appendix row without a figure, rows of the appendix) for the period."""
    from .. import rollup
    from .area_form import template_rows
    keys = ws.printed_keys()
    empty = set(rollup.empty_rows(ws, code, keys))
    named = {row.key: f"{row.stt} {row.label}".strip() for _, row in template_rows(ws) if row.key}
    return [named.get(k) or ws.catalogue[k].label for k in keys if k in empty], len(keys)


class FinaliseDialog(QDialog):
    """Finalise period *code* of *ws* once its figures hold together."""

    def __init__(self, ws, code: str, parent=None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.period = ws.period(code)
        self.setWindowTitle(f"Chốt số liệu {self.period.label}")
        self.setObjectName("finaliseDialog")
        self.resize(760, 480)
        self.intro = QLabel()
        self.intro.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.intro.setWordWrap(True)
        self.errors_label = QLabel("Lỗi phải sửa trước khi chốt:")
        self.errors = QListWidget()
        self.errors.setObjectName("finaliseErrors")
        self.errors.setWordWrap(True)
        self.warnings_label = QLabel("Cảnh báo: đánh dấu từng mục để xác nhận đã xem và số liệu là đúng:")
        self.warnings = QListWidget()
        self.warnings.setObjectName("finaliseWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.itemChanged.connect(self._update)
        self.empty_label = QLabel()
        self.empty_label.setWordWrap(True)
        self.empty_label.setObjectName("finaliseEmptyLabel")
        self.empty = QListWidget()
        self.empty.setObjectName("finaliseEmpty")
        self.empty.setWordWrap(True)
        self.message = QLabel()
        self.message.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e")
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton("Chốt số liệu", QDialogButtonBox.AcceptRole)
        self.ok.setObjectName("finaliseOk")
        self.cancel = self.buttons.addButton("Hủy", QDialogButtonBox.RejectRole)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        for w in (self.intro, self.errors_label, self.errors, self.warnings_label, self.warnings, self.empty_label,
                  self.empty, self.message):
            layout.addWidget(w)
        layout.addWidget(self.buttons)
        self.findings: list[rules.Finding] = []
        self.load()

    def load(self):
        """Check the period and list what blocks or needs confirming."""
        self.errors.clear()
        self.warnings.clear()
        self.period = self.ws.period(self.code)
        if self.period.status != "draft":
            who = self.period.finalised_by or "?"
            when = self.period.finalised_at or ""
            day = format_date(when[:10]) if when else ""
            self.intro.setText(f"Kỳ {self.period.label} đã chốt số liệu ({who}, {day} {when[11:16]}). "
                               "Muốn sửa phải mở khóa và nêu lý do.")
            for w in (self.errors_label, self.errors, self.warnings_label, self.warnings, self.empty_label, self.empty):
                w.hide()
            self.ok.setEnabled(False)
            self.cancel.setText("Đóng")
            return
        self.findings = rules.check(self.ws, self.code)
        style = self.style()
        errors = [f for f in self.findings if f.severity == rules.ERROR]
        warnings = [f for f in self.findings if f.severity == rules.WARNING]
        for f in errors:
            item = QListWidgetItem(style.standardIcon(QStyle.SP_MessageBoxCritical), f.message)
            item.setForeground(QBrush(QColor("#b3261e")))
            item.setData(FINDING_ROLE, f)
            self.errors.addItem(item)
        self.warnings.blockSignals(True)
        for f in warnings:
            text = f.message + (f"\nGiải trình: {f.acknowledged}" if f.acknowledged else "")
            item = QListWidgetItem(style.standardIcon(QStyle.SP_MessageBoxWarning), text)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked if f.acknowledged else Qt.Unchecked)
            item.setData(FINDING_ROLE, f)
            self.warnings.addItem(item)
        self.warnings.blockSignals(False)
        self.empty.clear()
        empty, total = empty_rows(self.ws, self.code)
        self.empty.addItems(empty)
        self.empty_label.setText(
            f"{len(empty)} trong {total} dòng của phụ lục chưa có số liệu (sẽ in để trống). Kiểm tra lại "
            "các dòng này trước khi chốt; dòng không phát sinh thì nhập 0:")
        self.empty_label.setVisible(bool(empty))
        self.empty.setVisible(bool(empty))
        self.errors_label.setVisible(bool(errors))
        self.errors.setVisible(bool(errors))
        self.warnings_label.setVisible(bool(warnings))
        self.warnings.setVisible(bool(warnings))
        if errors:
            self.intro.setText(f"Chưa thể chốt số liệu {self.period.label}: còn {len(errors)} lỗi. "
                               "Sửa các lỗi dưới đây (bấm vào lỗi trong bảng kết quả kiểm tra để đến ô số liệu) rồi chốt lại.")
            self.cancel.setText("Đóng")
        elif warnings:
            self.intro.setText(f"Số liệu {self.period.label} không còn lỗi. Xem và xác nhận từng cảnh báo để chốt số liệu.")
        elif empty:
            self.intro.setText(f"Số liệu {self.period.label} không có lỗi hay cảnh báo, nhưng còn {len(empty)} dòng "
                               "chưa nhập (danh sách dưới đây). Sau khi chốt, số liệu chỉ xem; "
                               "muốn sửa phải mở khóa và nêu lý do.")
        else:
            self.intro.setText(f"Số liệu {self.period.label} không có lỗi hay cảnh báo, mọi dòng của phụ lục đã có số "
                               "liệu. Sau khi chốt, số liệu chỉ xem; muốn sửa phải mở khóa và nêu lý do.")
        self._update()

    def warning_items(self) -> list[QListWidgetItem]:
        return [self.warnings.item(i) for i in range(self.warnings.count())]

    def confirmed(self) -> list[rules.Finding]:
        return [i.data(FINDING_ROLE) for i in self.warning_items() if i.checkState() == Qt.Checked]

    def _update(self, *_):
        has_errors = self.errors.count() > 0
        unconfirmed = sum(1 for i in self.warning_items() if i.checkState() != Qt.Checked)
        self.ok.setEnabled(not has_errors and unconfirmed == 0 and self.period.status == "draft")
        if not has_errors and unconfirmed:
            self.message.setText(f"Còn {unconfirmed} cảnh báo chưa xác nhận.")
        else:
            self.message.clear()

    def accept(self):
        if not self.ok.isEnabled():
            return
        try:
            self.period = _finalise.finalise(self.ws, self.code, confirmed_warnings=self.confirmed())
        except WorkspaceError as exc:
            self.message.setText(str(exc))
            self.load()
            return
        super().accept()


if __name__ == "__main__":   # preview: the sample workspace with a warning to confirm
    import sys
    import tempfile
    from pathlib import Path

    from PySide6.QtWidgets import QApplication

    from .. import demo
    from ..store import Workspace

    app = QApplication(sys.argv)
    path = Path(tempfile.mkdtemp()) / "mau.cchc"
    demo.create(path)
    ws = Workspace.open(path)
    ws.set_values("2022-H1", [("staff.quota", 16), ("staff.present", 18)])
    dlg = FinaliseDialog(ws, "2022-H1")
    dlg.show()
    sys.exit(app.exec())
