"""The audit log page: who changed what in the period, and when (newest first)."""
from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from ..vnformat import format_number

ENTITIES = {"value": "Số liệu", "entries": "Số liệu", "detail": "Bảng chi tiết", "detail_rows": "Bảng chi tiết",
            "period": "Kỳ báo cáo", "periods": "Kỳ báo cáo", "section": "Nội dung báo cáo",
            "report_sections": "Nội dung báo cáo", "document": "Sổ văn bản", "documents": "Sổ văn bản",
            "unit": "Thông tin đơn vị", "plan": "Kế hoạch", "plans": "Kế hoạch", "target": "Mục tiêu kế hoạch",
            "targets": "Mục tiêu kế hoạch", "task": "Nhiệm vụ kế hoạch năm", "plan_tasks": "Nhiệm vụ kế hoạch năm",
            "rules": "Quy tắc kiểm tra", "acknowledgements": "Ghi nhận cảnh báo",
            "consolidation": "Nhận tệp tổng hợp"}
ACTIONS = {"set": "nhập/sửa", "undo": "hoàn tác", "redo": "làm lại", "delete": "xóa", "create": "tạo",
           "finalise": "chốt số liệu", "unlock": "mở khóa", "send": "gửi", "acknowledge": "ghi nhận",
           "import": "nhập từ Excel", "receive": "nhận"}


def show_value(text) -> str:
    """An audit value as the officer reads it: 1486.0 → 1.486, 98.6 → 98,6."""
    if text is None:
        return ""
    try:
        number = float(text)
    except (TypeError, ValueError):
        return str(text)
    return format_number(int(number) if number.is_integer() else number)


def show_time(stamp: str) -> str:
    """'2023-06-12T08:05:09' → '12/06/2023 08:05:09'."""
    day, _, time = (stamp or "").partition("T")
    parts = day.split("-")
    return f"{parts[2]}/{parts[1]}/{parts[0]} {time}" if len(parts) == 3 else stamp


def _rule_words(text, catalogue) -> str:
    """A rule's JSON in words with indicator labels ('' when it cannot be read)."""
    import json

    from .. import rules
    try:
        return rules.describe(json.loads(text), catalogue)
    except Exception:   # an old or broken rule is shown by its code
        return ""


class AuditPage(QWidget):
    """The audit log of the period, newest first."""

    HEADERS = ("Thời gian", "Người sửa", "Nội dung", "Giá trị cũ", "Giá trị mới", "Thao tác")

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws, self.code = ws, None
        self.table = QTableWidget(0, len(self.HEADERS), self)
        self.table.setObjectName("auditTable")
        self.table.setHorizontalHeaderLabels(self.HEADERS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().lineSpacing() + 8)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeToContents)
        head.setSectionResizeMode(2, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>Nhật ký thay đổi của kỳ</b> (mọi thay đổi được ghi lại, mới nhất ở trên)"))
        self.general = QCheckBox("Cả thay đổi chung của tệp (sổ văn bản, kế hoạch, quy tắc kiểm tra, thông tin đơn vị)")
        self.general.setObjectName("generalCheck")
        self.general.setChecked(True)
        self.general.toggled.connect(self.reload)
        layout.addWidget(self.general)
        layout.addWidget(self.table, 1)

    def set_period(self, code):
        self.code = code
        self.reload()

    def reload(self):
        rows = self.ws.audit(self.code, general=self.general.isChecked())[:500] if self.code else []
        self.table.setRowCount(len(rows))
        for r, a in enumerate(rows):
            key = a["key"] or ""
            ind = self.ws.catalogue.get(key)
            what = ENTITIES.get(a["entity"], a["entity"])
            if ind is not None:
                what = f"{what}: {ind.label}"
            elif a["entity"] == "rules":
                what = f"{what}: {_rule_words(a['new'] or a['old'], self.ws.catalogue) or key}"
            elif key:
                what = f"{what}: {key.split(':', 1)[-1]}"
            vals = [show_time(a["at"]), a["user"] or "", what, show_value(a["old"]), show_value(a["new"]),
                    ACTIONS.get(a["action"], a["action"])]
            for c, v in enumerate(vals):
                item = QTableWidgetItem(v if c not in (3, 4) or len(v) <= 40 else v[:37] + "…")
                if c in (2, 3, 4):
                    item.setToolTip(f"{key}\n{v}" if c == 2 else v)
                self.table.setItem(r, c, item)
