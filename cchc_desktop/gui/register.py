"""The register of directing documents (sổ văn bản chỉ đạo CCHC).

Số ký hiệu, ngày, loại, trích yếu and area, with add / edit / delete.  The documents dated
within the period's data window are counted by the core into
``direction.documents_issued``; the page says how many that is.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ..vnformat import format_date
from . import ops
from .dialogs import DocumentDialog

HEADERS = ("Số ký hiệu", "Ngày ban hành", "Loại văn bản", "Trích yếu", "Lĩnh vực", "Tính là VB chỉ đạo")


class DocumentsModel(QAbstractTableModel):
    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.docs: list[dict] = []
        self.window = None

    def reload(self, window=None):
        self.beginResetModel()
        self.docs = self.ws.documents()
        self.window = window
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.docs)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return HEADERS[section]
        return None

    def in_window(self, doc) -> bool:
        if not self.window:
            return False
        start, end = self.window
        return start.isoformat() <= doc["issued_on"] <= end.isoformat()

    def data(self, index, role=Qt.DisplayRole):
        d = self.docs[index.row()]
        c = index.column()
        if role == Qt.DisplayRole:
            if c == 0:
                return d["number"]
            if c == 1:
                return format_date(d["issued_on"])
            if c == 2:
                return d["doc_type"]
            if c == 3:
                return d["summary"]
            if c == 4:
                return str(d["area"]) if d["area"] else ""
            if c == 5:
                return "Có" if d["counts_as_direction"] else "Không"
        if role == Qt.FontRole and self.in_window(d):
            from PySide6.QtGui import QFont
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ToolTipRole and c == 4 and d["area"]:
            return self.ws.catalogue.area(d["area"]).label
        return None


class RegisterPage(QWidget):
    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.ws = ws
        self.code = None
        self.model = DocumentsModel(ws, self)
        self.view = QTableView(self)
        self.view.setObjectName("registerView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(True)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeToContents)
        head.setSectionResizeMode(3, QHeaderView.Stretch)
        self.view.verticalHeader().setVisible(False)
        self.add_button = QPushButton("Thêm văn bản…", self)
        self.edit_button = QPushButton("Sửa…", self)
        self.delete_button = QPushButton("Xóa", self)
        self.count_label = QLabel("")
        self.count_label.setWordWrap(True)
        title = QLabel("<b>Sổ văn bản chỉ đạo, điều hành CCHC</b>")
        bar = QHBoxLayout()
        bar.addWidget(title)
        bar.addStretch(1)
        for b in (self.add_button, self.edit_button, self.delete_button):
            bar.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count_label)
        self.add_button.clicked.connect(self.add)
        self.edit_button.clicked.connect(self.edit)
        self.delete_button.clicked.connect(self.delete)
        self.view.doubleClicked.connect(lambda *_: self.edit())

    def set_period(self, code):
        self.code = code
        self.reload()

    def reload(self):
        p = self.ws.find_period(self.code) if self.code else None
        self.model.reload((p.window_from, p.window_to) if p else None)
        if self.isVisible():
            self.view.resizeRowsToContents()
        if p is None:
            self.count_label.setText("")
            return
        n = self.ws.documents_count(p.code) or 0
        self.count_label.setText(
            f"Trong thời gian lấy số liệu của kỳ ({format_date(p.window_from)} – {format_date(p.window_to)}) có "
            f"<b>{n}</b> văn bản chỉ đạo (in đậm); số này là chỉ tiêu “Số văn bản chỉ đạo CCHC đã ban hành” của kỳ.")

    def showEvent(self, event):
        super().showEvent(event)
        self.view.resizeRowsToContents()   # the summary column's real width is known only now

    def current(self) -> dict | None:
        index = self.view.currentIndex()
        return self.model.docs[index.row()] if index.isValid() else None

    def add(self):
        DocumentDialog(self.ws, None, self).exec()

    def edit(self):
        doc = self.current()
        if doc:
            DocumentDialog(self.ws, doc, self).exec()

    def delete(self):
        doc = self.current()
        if doc and ops.confirm(self, "Xóa văn bản", f"Xóa văn bản {doc['number']} khỏi sổ?", "Xóa"):
            ops.run(self, self.ws.delete_document, doc["id"])
