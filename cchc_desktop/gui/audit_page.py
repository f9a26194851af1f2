"""The audit log page: who changed what in the period, and when (newest first)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)


class AuditPage(QWidget):
    """The audit log of the period: who changed what, when (newest first)."""

    HEADERS = ("Thời gian", "Người sửa", "Nội dung", "Mã", "Giá trị cũ", "Giá trị mới", "Thao tác")
    ACTIONS = {"set": "nhập/sửa", "undo": "hoàn tác", "redo": "làm lại", "delete": "xóa", "create": "tạo",
               "finalise": "chốt số liệu", "unlock": "mở khóa", "send": "gửi"}

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws, self.code = ws, None
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Nhật ký thay đổi của kỳ</b> (mọi thay đổi được ghi lại, mới nhất ở trên)"))
        layout.addWidget(self.table, 1)

    def set_period(self, code):
        self.code = code
        self.reload()

    def reload(self):
        rows = self.ws.audit(self.code)[:500] if self.code else []
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            key = a["key"] or ""
            ind = self.ws.catalogue.get(key)
            what = {"value": "Số liệu", "detail": "Bảng chi tiết", "period": "Kỳ báo cáo", "entries": "Số liệu",
                    "section": "Nội dung báo cáo"}.get(a["entity"], a["entity"])
            vals = [a["at"].replace("T", " "), a["user"] or "", f"{what}: {ind.label}" if ind else what, key,
                    a["old"] or "", a["new"] or "", self.ACTIONS.get(a["action"], a["action"])]
            for c, v in enumerate(vals):
                self.table.setItem(r, c, QTableWidgetItem(str(v)))
