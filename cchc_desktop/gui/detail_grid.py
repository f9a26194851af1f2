"""Detail tables (dossiers by field, digitisation, e-documents, online services) as grids.

One row per lĩnh vực (added from the table's list of usual fields or typed), one column
per catalogue column, and a computed "Tổng cộng" row.  The column totals are the core keys
(``Workspace.detail_totals`` feeds them to the period's figures), so they are never typed
twice.  Each cell edit is one operation through ``Workspace.save_detail_row``.
"""
from __future__ import annotations

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTableView, QTabWidget, QVBoxLayout, QWidget)

from ..store import WorkspaceError
from ..vnformat import format_number, nfc

TOTAL_LABEL = "Tổng cộng"


class DetailModel(QAbstractTableModel):
    """The rows of one detail table for one period, plus the totals row."""

    refused = Signal(str)

    def __init__(self, ws, table, parent=None):
        super().__init__(parent)
        self.ws, self.table = ws, table
        self.code = None
        self.rows: list[dict] = []
        self.locked = True
        self.bad: dict[tuple[int, int], tuple[str, str]] = {}

    def set_period(self, code):
        if code != self.code:
            self.bad.clear()
        self.code = code
        self.reload()

    def reload(self):
        if self.code is None:
            rows, locked = [], True
        else:
            rows = self.ws.detail_rows(self.code, self.table.name)
            locked = self.ws.period(self.code).locked
        if [r["id"] for r in rows] == [r["id"] for r in self.rows] and locked == self.locked:
            # same rows: keep the view's current cell (typing moves on from it)
            self.rows = rows
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows), len(self.table.columns)))
            return
        self.beginResetModel()
        self.rows, self.locked = rows, locked
        self.endResetModel()

    def totals(self) -> dict[str, float]:
        return self.table.totals([r["data"] for r in self.rows])

    def computed(self, c: int) -> bool:
        """Column *c* (of the view) is a rate worked out from the others, not typed."""
        return c > 0 and self.table.columns[c - 1].formula is not None

    def is_total(self, row: int) -> bool:
        return row == len(self.rows)

    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows) + 1

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.table.columns) + 1

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole:
            if orientation == Qt.Horizontal:
                return (self.table.row_label or "Lĩnh vực") if section == 0 else self.table.columns[section - 1].label
            return "" if section == len(self.rows) else str(section + 1)
        if role == Qt.ToolTipRole and orientation == Qt.Horizontal and section > 0:
            col = self.table.columns[section - 1]
            if col.feeds and col.feeds in self.ws.catalogue:
                return f"Tổng cột là chỉ tiêu: {self.ws.catalogue[col.feeds].label}"
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        if self.locked or self.is_total(index.row()) or self.computed(index.column()):
            return base
        return base | Qt.ItemIsEditable

    def data(self, index, role=Qt.DisplayRole):
        r, c = index.row(), index.column()
        total = self.is_total(r)
        if role in (Qt.DisplayRole, Qt.EditRole):
            if (r, c) in self.bad:
                return self.bad[(r, c)][0]
            if c == 0:
                return TOTAL_LABEL if total else self.rows[r]["label"]
            col = self.table.columns[c - 1]
            if total:
                v = self.totals().get(col.key)
            elif col.formula is not None:
                v = self.table.computed(self.rows[r]["data"]).get(col.key)
            else:
                v = self.rows[r]["data"].get(col.key)
            if v is None:
                return ""
            return format_number(v, col.decimals) if col.formula is not None else format_number(v)
        if role == Qt.FontRole and total:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.BackgroundRole:
            if (r, c) in self.bad:
                return QBrush(QColor("#fde7ea"))
            if total:
                return QBrush(QColor("#eef3f8"))
            if self.computed(c):
                return QBrush(QColor("#f3f3f3"))
        if role == Qt.ForegroundRole and (r, c) in self.bad:
            return QBrush(QColor("#b00020"))
        if role == Qt.ToolTipRole:
            if (r, c) in self.bad:
                return self.bad[(r, c)][1]
            if total:
                return "Dòng tổng do chương trình tính; các tổng được dùng làm chỉ tiêu của kỳ."
            if self.computed(c):
                return f"Chương trình tính: {self._formula_text(self.table.columns[c - 1])}; không cần nhập."
        if role == Qt.TextAlignmentRole and c > 0:
            return int(Qt.AlignRight | Qt.AlignVCenter)
        return None

    def _formula_text(self, col) -> str:
        """“Số hồ sơ số hóa đầy đủ … / Số hồ sơ tiếp nhận × 100”, in the columns' words."""
        text = col.formula.text
        for key in sorted(col.formula.keys, key=len, reverse=True):
            text = re.sub(rf"\b{re.escape(key)}\b", self.table.column(key).label, text)
        return text.replace("* 100", "× 100")

    def setData(self, index, value, role=Qt.EditRole):
        r, c = index.row(), index.column()
        if role != Qt.EditRole or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        text = nfc(str(value or "")) or ""
        row = self.rows[r]
        if (r, c) not in self.bad and text == self.data(index, Qt.EditRole):
            return False
        label, data = row["label"], dict(row["data"])
        if c == 0:
            label = text
        else:
            data[self.table.columns[c - 1].key] = text
        try:
            self.ws.save_detail_row(self.code, self.table.name, label, data, row_id=row["id"], seq=row["seq"])
        except WorkspaceError as exc:
            self.bad[(r, c)] = (text, str(exc))
            self.dataChanged.emit(index, index)
            self.refused.emit(str(exc))
            return False
        self.bad.pop((r, c), None)
        self.reload()
        self.refused.emit("")
        return True


class GridView(QTableView):
    """Enter stores the cell and moves right along the row (then to the next row), as officers
    type a row of a table from paper; arrows move freely.

    The first column (the row's lĩnh vực) is frozen: a second view over the same model shows
    only that column on top of the grid's own, so it stays in sight while the officer types
    across a wide table (Qt's "frozen column" example)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.frozen = None

    def setModel(self, model):
        super().setModel(model)
        self._freeze_first_column()

    def _freeze_first_column(self):
        frozen = self.frozen = QTableView(self)
        frozen.setObjectName("frozenColumn")
        frozen.setModel(self.model())
        frozen.setSelectionModel(self.selectionModel())
        frozen.setFocusPolicy(Qt.NoFocus)
        frozen.verticalHeader().hide()
        frozen.horizontalHeader().setSectionResizeMode(QHeaderView.Fixed)
        frozen.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        frozen.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        frozen.setVerticalScrollMode(self.verticalScrollMode())
        frozen.setStyleSheet("QTableView { border: none; border-right: 2px solid #9aa5b1; }")
        frozen.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        frozen.setWordWrap(True)
        self.viewport().stackUnder(frozen)
        self.horizontalHeader().sectionResized.connect(self._section_resized)
        self.verticalHeader().sectionResized.connect(lambda i, _o, size: frozen.setRowHeight(i, size))
        frozen.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(frozen.verticalScrollBar().setValue)
        self.model().modelReset.connect(self._sync_frozen)
        self.model().rowsInserted.connect(self._sync_frozen)
        self._sync_frozen()
        frozen.show()

    def _sync_frozen(self, *_):
        frozen = self.frozen
        if frozen is None:
            return
        for c in range(1, self.model().columnCount()):
            frozen.setColumnHidden(c, True)
        frozen.setColumnHidden(0, False)
        frozen.setColumnWidth(0, self.columnWidth(0))
        frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        for r in range(self.model().rowCount()):
            frozen.setRowHeight(r, self.rowHeight(r))
        self._place_frozen()

    def _section_resized(self, index, _old, size):
        if index == 0 and self.frozen is not None:
            self.frozen.setColumnWidth(0, size)
            self._place_frozen()

    def _place_frozen(self):
        frame = self.frameWidth()
        self.frozen.horizontalHeader().setFixedHeight(self.horizontalHeader().height())
        self.frozen.setGeometry(self.verticalHeader().width() + frame, frame, self.columnWidth(0),
                                self.viewport().height() + self.horizontalHeader().height())

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.frozen is not None:
            self._place_frozen()

    def updateGeometries(self):
        super().updateGeometries()
        if self.frozen is not None:
            self._place_frozen()

    def scrollTo(self, index, hint=QAbstractItemView.EnsureVisible):
        if index.column() > 0:
            super().scrollTo(index, hint)
            # a cell scrolled to the left edge (arrow left, Enter wrapping to the next row) would
            # sit under the frozen column: scroll on until it is beside it
            hidden = self.frozen.columnWidth(0) - self.visualRect(index).left() if self.frozen else 0
            if hidden > 0:
                bar = self.horizontalScrollBar()
                bar.setValue(bar.value() - hidden)

    def closeEditor(self, editor, hint):
        moving = hint == QAbstractItemDelegate.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.NoHint if moving else hint)
        index = self.currentIndex()
        model = self.model()
        if not moving or not index.isValid() or (index.row(), index.column()) in model.bad:
            return
        row, col = index.row(), index.column() + 1
        if col >= model.columnCount():
            row, col = row + 1, 1
        nxt = model.index(row, col)
        if nxt.isValid() and nxt.flags() & Qt.ItemIsEditable:
            self.setCurrentIndex(nxt)


class DetailGrid(QWidget):
    """One detail table: the grid, a field picker to add rows, and delete."""

    def __init__(self, ws, table, parent=None):
        super().__init__(parent)
        self.ws, self.table = ws, table
        self.model = DetailModel(ws, table, self)
        self.view = GridView(self)
        self.view.setObjectName(f"detailView_{table.name}")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QAbstractItemView.AnyKeyPressed | QAbstractItemView.DoubleClicked
                                  | QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.view.setSelectionMode(QAbstractItemView.SingleSelection)
        self.view.setAlternatingRowColors(True)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.Interactive)
        head.setDefaultSectionSize(118)
        head.setMinimumSectionSize(60)
        head.setDefaultAlignment(Qt.AlignCenter | Qt.TextWordWrap)   # long column names wrap
        self.view.setColumnWidth(0, 200)
        lines = max(3, max((len(c.label) // 14 + 1 for c in table.columns), default=3))
        head.setFixedHeight(min(lines, 7) * self.fontMetrics().lineSpacing() + 12)
        self.view.setWordWrap(True)
        self.picker = QComboBox(self)
        self.picker.setEditable(True)
        self.picker.addItems(list(table.row_choices))
        self.picker.setMinimumWidth(220)
        self.picker.lineEdit().setPlaceholderText(table.row_label or "Lĩnh vực")
        self.add_button = QPushButton("Thêm dòng", self)
        self.delete_button = QPushButton("Xóa dòng đang chọn", self)
        self.message = QLabel("")
        self.message.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020; font-weight: bold;")
        feeds = [self.ws.catalogue[c.feeds].label for c in table.columns if c.feeds and c.feeds in ws.catalogue]
        self.feeds_label = QLabel(
            "Dòng “Tổng cộng” do chương trình tính và được dùng làm chỉ tiêu của kỳ (không phải nhập lại): "
            + "; ".join(feeds) + "." if feeds else "")
        self.feeds_label.setWordWrap(True)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"{table.row_label or 'Lĩnh vực'}:"))
        bar.addWidget(self.picker)
        bar.addWidget(self.add_button)
        bar.addStretch(1)
        bar.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.feeds_label)
        self.add_button.clicked.connect(self.add_row)
        self.picker.lineEdit().returnPressed.connect(self.add_row)
        self.delete_button.clicked.connect(self.delete_row)
        self.model.refused.connect(self.message.setText)
        self.setTabOrder(self.picker, self.add_button)
        self.setTabOrder(self.add_button, self.view)
        self.setTabOrder(self.view, self.delete_button)

    def set_period(self, code):
        self.model.set_period(code)
        locked = self.model.locked
        for w in (self.picker, self.add_button, self.delete_button):
            w.setEnabled(not locked)

    def reload(self):
        self.model.reload()

    def add_row(self) -> int | None:
        label = nfc(self.picker.currentText())
        if not label or self.model.code is None:
            self.message.setText(f"Chọn hoặc gõ tên {(self.table.row_label or 'lĩnh vực').lower()} trước khi thêm dòng.")
            return None
        if any(r["label"] == label for r in self.model.rows):
            self.message.setText(f"Đã có dòng “{label}”.")
            return None
        try:
            row_id = self.ws.save_detail_row(self.model.code, self.table.name, label, {})
        except WorkspaceError as exc:
            self.message.setText(str(exc))
            return None
        self.message.setText("")
        self.model.reload()
        row = next(i for i, r in enumerate(self.model.rows) if r["id"] == row_id)
        self.view.setCurrentIndex(self.model.index(row, 1))
        self.view.setFocus()
        self.picker.setCurrentText("")
        return row_id

    def delete_row(self):
        index = self.view.currentIndex()
        if not index.isValid() or self.model.is_total(index.row()):
            return
        try:
            self.ws.delete_detail_row(self.model.code, self.model.rows[index.row()]["id"])
        except WorkspaceError as exc:
            self.message.setText(str(exc))
            return
        self.model.reload()


class DetailPage(QWidget):
    """Every detail table of the catalogue, one tab each."""

    def __init__(self, ws, parent=None):
        super().__init__(parent)
        self.tabs = QTabWidget(self)
        self.grids = []
        for table in ws.catalogue.detail_tables:
            grid = DetailGrid(ws, table, self)
            self.grids.append(grid)
            self.tabs.addTab(grid, table.label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        if not self.grids:
            layout.addWidget(QLabel("Danh mục chưa có bảng chi tiết nào."))
        layout.addWidget(self.tabs, 1)

    def set_period(self, code):
        for g in self.grids:
            g.set_period(code)

    def reload(self):
        for g in self.grids:
            g.reload()

    def grid(self, name: str) -> DetailGrid:
        return next(g for g in self.grids if g.table.name == name)

    def select_row(self, name: str, row_id: int | None):
        """Show table *name* with the row *row_id* current (after undo of a change to it)."""
        grid = self.grid(name)
        self.tabs.setCurrentWidget(grid)
        row = next((i for i, r in enumerate(grid.model.rows) if r["id"] == row_id), None)
        if row is not None:
            index = grid.model.index(row, 1)
            grid.view.setCurrentIndex(index)
            grid.view.scrollTo(index)
        grid.view.setFocus()
