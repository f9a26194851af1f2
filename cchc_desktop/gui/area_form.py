"""The entry form of one reform area: the template's rows as an editable table.

Rows come from the unit's appendix template (the rows of the area, in the template's
order and wording) followed by the catalogue's indicators of the area that the template
does not print.  The model asks the core for every figure (``rollup.values``) so computed
values (detail totals, the register, roll-up of quarters, derived rates) show read-only
with where they come from; "Nhập đè" lets the officer type over one on purpose.
A typed value goes through ``Workspace.set_values``: a bad one is refused, marked red with
the reason and never stored.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QComboBox, QHeaderView, QLabel,
                               QLineEdit, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from .. import periods, rollup
from ..store import WorkspaceError
from ..vnformat import format_number, nfc

STT, LABEL, UNIT, VALUE, SOURCE, NOTE = range(6)
HEADERS = ("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Nguồn số liệu", "Ghi chú")
RED = QColor("#b00020")
PINK = QColor("#fde7ea")
GREY = QColor("#555555")
COMPUTED_BG = QColor("#eef3f8")


@dataclass(frozen=True)
class FormRow:
    stt: str
    label: str
    unit: str
    key: str | None = None
    style: str = "item"


def _template(ws):
    from .. import templates
    try:
        return templates.for_workspace(ws)
    except Exception:   # no template shipped yet, or a broken copy: the catalogue still works
        return None


def area_rows(ws, area_id: int) -> list[FormRow]:
    """The rows of the form for *area_id*: the template's, then the catalogue's others."""
    cat = ws.catalogue
    rows: list[FormRow] = []
    seen: set[str] = set()
    tpl = _template(ws)
    for app in (tpl.appendices if tpl else ()):
        if app.kind != "indicators":
            continue
        heads = []   # headings wait for the first keyed row under them to know their area
        for r in app.rows:
            if not r.key:
                if app.area is not None:
                    if app.area == area_id:
                        rows.append(FormRow(r.stt, r.label, r.unit, None, r.style))
                else:
                    heads.append(r)
                continue
            ind = cat.get(r.key)
            where = app.area if app.area is not None else (ind.area if ind else None)
            if where == area_id and r.key not in seen:
                rows.extend(FormRow(h.stt, h.label, h.unit, None, h.style) for h in heads)
                rows.append(FormRow(r.stt, r.label, r.unit or _unit(ws, r.key), r.key, r.style))
                seen.add(r.key)
            heads = []
    rest = [i for i in cat.in_area(area_id) if i.key not in seen]
    if rest and rows:
        rows.append(FormRow("", "Chỉ tiêu khác của lĩnh vực (không in trong mẫu phụ lục)", "", None, "group"))
    rows.extend(FormRow("", i.label, _unit(ws, i.key), i.key) for i in rest)
    return rows


def _unit(ws, key: str) -> str:
    ind = ws.catalogue[key]
    codes = ws.code_list(key)
    if ind.kind == "code" and codes:
        return " / ".join(f"{label} = {value}" for value, label in codes.items())
    return ind.unit


def source_text(cell) -> str:
    """'cộng dồn từ Quý I, Quý II', 'tổng của bảng chi tiết' … for a computed figure."""
    if cell is None:
        return ""
    if cell.source == rollup.ROLLUP and cell.sources:
        names = [periods.kind_label(periods.parse_code(c).kind) for c in cell.sources]
        return "cộng dồn từ " + ", ".join(names)
    return rollup.SOURCE_LABELS.get(cell.source, cell.source)


class AreaModel(QAbstractTableModel):
    """Rows of one area for one period; writes through the Workspace, never SQL."""

    refused = Signal(str, str)    # key, Vietnamese reason
    accepted = Signal(str)        # key

    def __init__(self, ws, area_id: int, parent=None):
        super().__init__(parent)
        self.ws, self.area_id = ws, area_id
        self.rows = area_rows(ws, area_id)
        self.code = None
        self.locked = False
        self.cells: dict = {}
        self.entries: dict = {}
        self.overrides: set[str] = set()   # computed keys the officer chose to type over
        self.bad: dict[str, tuple[str, str]] = {}   # key → (text typed, reason refused)

    # ---- loading ----
    def set_period(self, code: str | None):
        if code != self.code:
            self.overrides.clear()
            self.bad.clear()
        self.code = code
        self.reload()

    def reload(self):
        """Read the period's figures again (after any committed operation)."""
        if self.code is None:
            self.cells, self.entries, self.locked = {}, {}, True
        else:
            self.cells = rollup.values(self.ws, self.code)
            self.entries = self.ws.entries(self.code)
            self.locked = self.ws.period(self.code).locked
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, NOTE - 0))

    # ---- helpers ----
    def row_key(self, row: int) -> str | None:
        return self.rows[row].key if 0 <= row < len(self.rows) else None

    def indicator(self, row: int):
        key = self.row_key(row)
        return self.ws.catalogue.get(key) if key else None

    def is_computed(self, key: str) -> bool:
        cell = self.cells.get(key)
        return cell is not None and not cell.typed

    def row_of(self, key: str) -> int | None:
        for i, r in enumerate(self.rows):
            if r.key == key:
                return i
        return None

    def show_value(self, key: str) -> str:
        cell = self.cells.get(key)
        if cell is None or cell.value is None:
            return ""
        ind = self.ws.catalogue[key]
        if ind.kind == "code":
            label = self.ws.code_list(key).get(cell.value)
            return f"{label} = {cell.value}" if label else str(cell.value)
        if isinstance(cell.value, str):
            return cell.value
        decimals = ind.decimals if ind.decimals is not None else (2 if ind.kind in ("percent", "ratio") else None)
        return format_number(cell.value, decimals)

    def edit_text(self, index: QModelIndex) -> str:
        """What the editor starts with: the refused text, else the value as the officer types it."""
        key = self.row_key(index.row())
        if not key:
            return ""
        if index.column() == NOTE:
            return self._note(key)
        if key in self.bad:
            return self.bad[key][0]
        cell = self.cells.get(key)
        if cell is None or cell.value is None:
            return ""
        if isinstance(cell.value, str):
            return cell.value
        if self.ws.catalogue[key].kind == "code":
            return str(cell.value)
        return format_number(cell.value)

    def _note(self, key: str) -> str:
        e = self.entries.get(key)
        if e and e.get("note"):
            return e["note"]
        cell = self.cells.get(key)
        return (cell.note or "") if cell else ""

    # ---- Qt model ----
    def rowCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if role == Qt.DisplayRole and orientation == Qt.Horizontal:
            return HEADERS[section]
        return None

    def flags(self, index):
        base = Qt.ItemIsEnabled | Qt.ItemIsSelectable
        key = self.row_key(index.row())
        if not key or self.locked or self.code is None:
            return base
        if index.column() == NOTE:
            return base | Qt.ItemIsEditable
        if index.column() == VALUE and (not self.is_computed(key) or key in self.overrides):
            return base | Qt.ItemIsEditable
        return base

    def data(self, index, role=Qt.DisplayRole):
        row = self.rows[index.row()]
        col, key = index.column(), row.key
        if role == Qt.DisplayRole:
            if col == STT:
                return row.stt
            if col == LABEL:
                return row.label
            if col == UNIT:
                return row.unit
            if not key:
                return None
            if col == VALUE:
                return self.bad[key][0] if key in self.bad else self.show_value(key)
            if col == SOURCE:
                cell = self.cells.get(key)
                if key in self.bad:
                    return "chưa lưu: " + self.bad[key][1]
                if cell is not None and cell.typed and cell.computed:
                    other = next(iter(cell.computed))
                    return f"nhập đè (có giá trị {rollup.SOURCE_LABELS.get(other, other)})"
                return "" if cell is None or cell.typed else source_text(cell)
            if col == NOTE:
                return self._note(key)
        if role == Qt.EditRole:
            return self.edit_text(index)
        if role == Qt.FontRole:
            if row.style == "group" or (not key and row.style != "sub"):
                f = QFont()
                f.setBold(True)
                return f
            if row.style == "sub" or (col == VALUE and key and self.is_computed(key) and key not in self.bad):
                f = QFont()
                f.setItalic(True)
                return f
        if role == Qt.ForegroundRole and key:
            if key in self.bad and col in (VALUE, SOURCE):
                return QBrush(RED)
            if col in (VALUE, SOURCE) and self.is_computed(key):
                return QBrush(GREY)
        if role == Qt.BackgroundRole and key and col == VALUE:
            if key in self.bad:
                return QBrush(PINK)
            if self.is_computed(key) and key not in self.overrides:
                return QBrush(COMPUTED_BG)
        if role == Qt.TextAlignmentRole and col == VALUE:
            ind = self.ws.catalogue.get(key) if key else None
            if ind and ind.kind not in ("code", "text"):
                return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ToolTipRole and key:
            if key in self.bad:
                return self.bad[key][1]
            if col == VALUE and self.is_computed(key):
                return (f"Giá trị tính sẵn ({source_text(self.cells[key])}), không cần nhập. "
                        "Muốn nhập đè, chọn Sửa → Nhập đè giá trị tính sẵn (Ctrl+E).")
            ind = self.ws.catalogue.get(key)
            if ind is not None and ind.help:
                return ind.help
        return None

    def setData(self, index, value, role=Qt.EditRole):
        key = self.row_key(index.row())
        if role != Qt.EditRole or not key or not (self.flags(index) & Qt.ItemIsEditable):
            return False
        text = nfc(value if isinstance(value, str) else ("" if value is None else str(value))) or ""
        try:
            if index.column() == NOTE:
                e = self.entries.get(key)
                if (e.get("note") if e else None) == (text or None):
                    return False
                typed = e["value"] if e else None
                self.ws.set_values(self.code, [(key, typed, text)], replace_notes=True,
                                   label=f"Ghi chú: {self.rows[index.row()].label}")
            else:
                if key not in self.bad and text == self.edit_text(index) and not self.is_computed(key):
                    return False   # nothing changed: no empty undo step
                self.ws.set_values(self.code, [(key, text)], replace_notes=False,
                                   label=f"Nhập: {self.rows[index.row()].label}")
        except WorkspaceError as exc:
            if index.column() == VALUE:
                self.bad[key] = (text, str(exc))
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), NOTE))
            self.refused.emit(key, str(exc))
            return False
        self.bad.pop(key, None)
        self.reload()   # listeners reload too; this keeps a model used alone (tests, preview) right
        self.accepted.emit(key)
        return True


class EntryDelegate(QStyledItemDelegate):
    """Line edits checked at each keystroke; code lists as a combo of their wording."""

    feedback = Signal(str)   # '' when the text is acceptable, else the reason

    def createEditor(self, parent, option, index):
        model = index.model()
        ind = model.indicator(index.row())
        if index.column() == VALUE and ind is not None and ind.kind == "code":
            combo = QComboBox(parent)
            combo.addItem("(để trống)", "")
            for value, label in model.ws.code_list(ind.key).items():
                combo.addItem(f"{label} = {value}", str(value))
            return combo
        edit = QLineEdit(parent)
        if index.column() == VALUE and ind is not None:
            edit.textEdited.connect(lambda text, e=edit, k=ind.key, m=model: self._check(e, m, k, text))
        return edit

    def _check(self, editor, model, key, text):
        try:
            model.ws.parse_value(key, text)
        except WorkspaceError as exc:
            editor.setStyleSheet("QLineEdit { border: 2px solid #b00020; background: #fde7ea; }")
            editor.setToolTip(str(exc))
            self.feedback.emit(str(exc))
            return
        editor.setStyleSheet("")
        editor.setToolTip("")
        self.feedback.emit("")

    def setEditorData(self, editor, index):
        text = index.model().edit_text(index)
        if isinstance(editor, QComboBox):
            i = editor.findData(text)
            editor.setCurrentIndex(max(i, 0))
        else:
            editor.setText(text)
            editor.selectAll()

    def setModelData(self, editor, model, index):
        text = editor.currentData() if isinstance(editor, QComboBox) else editor.text()
        model.setData(index, text, Qt.EditRole)


class EntryView(QTableView):
    """A table where Enter stores the value and moves to the next row that can be typed in."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setEditTriggers(QAbstractItemView.AnyKeyPressed | QAbstractItemView.DoubleClicked
                             | QAbstractItemView.EditKeyPressed | QAbstractItemView.SelectedClicked)
        self.setSelectionBehavior(QAbstractItemView.SelectItems)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setAlternatingRowColors(True)
        self.setWordWrap(True)
        self.verticalHeader().setVisible(False)

    def closeEditor(self, editor, hint):
        moving = hint == QAbstractItemDelegate.SubmitModelCache
        super().closeEditor(editor, QAbstractItemDelegate.NoHint if moving else hint)
        model = self.model()
        key = model.row_key(self.currentIndex().row()) if hasattr(model, "row_key") else None
        if moving and not (key and key in getattr(model, "bad", {})):
            self.move_down()

    def keyPressEvent(self, event):
        if event.key() in (Qt.Key_Return, Qt.Key_Enter) and self.state() != QAbstractItemView.EditingState:
            index = self.currentIndex()
            if index.isValid() and index.flags() & Qt.ItemIsEditable:
                self.edit(index)
            else:
                self.move_down()
            return
        super().keyPressEvent(event)

    def move_down(self):
        """Go to the next row whose cell in the current column can be typed in."""
        index = self.currentIndex()
        model = self.model()
        col = index.column() if index.isValid() else VALUE
        for row in range(index.row() + 1, model.rowCount()):
            nxt = model.index(row, col)
            if nxt.flags() & Qt.ItemIsEditable:
                self.setCurrentIndex(nxt)
                return


class AreaForm(QWidget):
    """One reform area: a title, the entry table, and a line saying what was refused or saved."""

    def __init__(self, ws, area_id: int, parent=None):
        super().__init__(parent)
        area = ws.catalogue.area(area_id)
        self.setObjectName(f"areaForm{area_id}")
        self.title = QLabel(f"<b>{area.id}. {area.label}</b>")
        self.title.setWordWrap(True)
        self.model = AreaModel(ws, area_id, self)
        self.view = EntryView(self)
        self.view.setObjectName(f"areaView{area_id}")
        self.delegate = EntryDelegate(self.view)
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        head = self.view.horizontalHeader()
        head.setSectionResizeMode(LABEL, QHeaderView.Stretch)
        for col, width in ((STT, 56), (UNIT, 150), (VALUE, 130), (SOURCE, 190), (NOTE, 170)):
            head.setSectionResizeMode(col, QHeaderView.Interactive)
            self.view.setColumnWidth(col, width)
        self.message = QLabel("")
        self.message.setWordWrap(True)
        self.message.setObjectName("messageLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.model.refused.connect(lambda key, why: self.show_message(why, error=True))
        self.model.accepted.connect(lambda key: self.show_message(""))
        self.delegate.feedback.connect(lambda why: self.show_message(why, error=bool(why)))

    def set_period(self, code: str | None):
        self.model.set_period(code)
        self.view.resizeRowsToContents()
        if not self.view.currentIndex().isValid():
            self.focus_first()

    def reload(self):
        self.model.reload()

    def focus_first(self):
        for row in range(self.model.rowCount()):
            index = self.model.index(row, VALUE)
            if index.flags() & Qt.ItemIsEditable:
                self.view.setCurrentIndex(index)
                return

    def select_key(self, key: str):
        row = self.model.row_of(key)
        if row is not None:
            self.view.setCurrentIndex(self.model.index(row, VALUE))
            self.view.scrollTo(self.model.index(row, VALUE))
            self.view.setFocus()

    def override_current(self) -> bool:
        """'Nhập đè': let the officer type over the computed value of the current row."""
        index = self.view.currentIndex()
        key = self.model.row_key(index.row())
        if not key or self.model.locked or not self.model.is_computed(key):
            return False
        self.model.overrides.add(key)
        value_index = self.model.index(index.row(), VALUE)
        self.model.dataChanged.emit(value_index, value_index)
        self.view.setCurrentIndex(value_index)
        self.view.edit(value_index)
        self.show_message("Nhập đè: số nhập sẽ được dùng thay cho giá trị tính sẵn (giá trị tính sẵn vẫn được "
                          "giữ để kiểm tra).")
        return True

    def show_message(self, text: str, error: bool = False):
        self.message.setStyleSheet("color: #b00020; font-weight: bold;" if error else "color: #333;")
        self.message.setText(text)


if __name__ == "__main__":   # preview: python -m cchc_desktop.gui.area_form WORKSPACE PERIOD AREA
    import sys

    from PySide6.QtWidgets import QApplication

    from ..store import Workspace
    app = QApplication(sys.argv[:1])
    w = AreaForm(Workspace.open(sys.argv[1]), int(sys.argv[3]))
    w.set_period(sys.argv[2])
    w.resize(1100, 600)
    w.show()
    app.exec()
