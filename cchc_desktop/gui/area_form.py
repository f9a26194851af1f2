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

import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QComboBox, QHeaderView, QLabel,
                               QLineEdit, QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from .. import rollup
from ..catalogue import TOLERANCE
from ..store import WorkspaceError
from ..templates import Row
from ..vnformat import format_number, nfc

STT, LABEL, UNIT, VALUE, SOURCE, NOTE = range(6)
HEADERS = ("STT", "Chỉ tiêu thống kê", "Đơn vị tính", "Số liệu", "Nguồn số liệu", "Ghi chú")
RED = QColor("#b00020")
PINK = QColor("#fde7ea")
GREY = QColor("#555555")
COMPUTED_BG = QColor("#eef3f8")
HEADING_BG = QColor("#e4e7eb")   # a heading row (nothing to type) is shaded across the table
INPUT_BG = QColor("#ffffff")     # a cell to type in stays white, even on a row printed bold
# Column widths (px): the label takes what the numbers leave, between its minimum and what its
# longest wording needs; the source and note share the rest.
FIXED_WIDTHS = {STT: 52, UNIT: 110, VALUE: 104}
LABEL_WIDTH = (260, 460)
SIDE_MIN = 120
# Roles as plain ints: comparing PySide6 enums in data(), called thousands of times, is slow.
DISPLAY, EDIT, TOOLTIP, FONT, ALIGN, BACKGROUND, FOREGROUND = (
    int(r.value) for r in (Qt.DisplayRole, Qt.EditRole, Qt.ToolTipRole, Qt.FontRole, Qt.TextAlignmentRole,
                           Qt.BackgroundRole, Qt.ForegroundRole))
RIGHT = int((Qt.AlignRight | Qt.AlignVCenter).value)
BOLD = ITALIC = RED_BRUSH = PINK_BRUSH = GREY_BRUSH = COMPUTED_BRUSH = HEADING_BRUSH = INPUT_BRUSH = None


def _make_styles():
    """Fonts and brushes, made once a QApplication exists."""
    global BOLD, ITALIC, RED_BRUSH, PINK_BRUSH, GREY_BRUSH, COMPUTED_BRUSH, HEADING_BRUSH, INPUT_BRUSH
    if BOLD is None:
        BOLD, ITALIC = QFont(), QFont()
        BOLD.setBold(True)
        ITALIC.setItalic(True)
        RED_BRUSH, PINK_BRUSH = QBrush(RED), QBrush(PINK)
        GREY_BRUSH, COMPUTED_BRUSH = QBrush(GREY), QBrush(COMPUTED_BG)
        HEADING_BRUSH, INPUT_BRUSH = QBrush(HEADING_BG), QBrush(INPUT_BG)


def _top_heading_area(stt: str, area_ids) -> int | None:
    """'3.' or '3' → 3 when it names a reform area (a top-level heading of a one-table template)."""
    m = re.match(r"^\s*(\d+)\.?\s*$", stt or "")
    return int(m.group(1)) if m and int(m.group(1)) in area_ids else None


def template_rows(ws) -> list[tuple[int, Row]]:
    """(area, row) for every indicator row of the unit's template, in print order.

    An appendix with an area puts its rows there; in a one-table template the top-level
    group heading ("3. Cải cách thủ tục hành chính") says the area of what follows; rows
    before any such heading go to their indicator's catalogue area.
    """
    cat = ws.catalogue
    area_ids = {a.id for a in cat.areas}
    out: list[tuple[int, Row]] = []
    seen: set[str] = set()
    tpl = ws.template()
    for app in (tpl.appendices if tpl else ()):
        if app.kind != "indicators":
            continue
        current = app.area
        heads = []   # sub-headings wait for the first keyed row under them
        for r in app.rows:
            row = Row(r.stt, r.label, r.unit, r.key, r.style)
            if not r.key:
                top = _top_heading_area(r.stt, area_ids) if app.area is None else None
                if top is not None:
                    current, heads = top, []
                    out.append((top, row))
                elif current is not None:
                    out.append((current, row))
                else:
                    heads.append(row)
                continue
            if r.key in seen or r.key not in cat:
                continue
            seen.add(r.key)
            where = current if current is not None else cat[r.key].area
            out.extend((where, h) for h in heads)
            heads = []
            out.append((where, Row(r.stt, r.label, r.unit or _unit(ws, r.key), r.key, r.style)))
    return out


def area_rows(ws, area_id: int) -> list[Row]:
    """The rows of the form for *area_id*: the template's, then the catalogue's others."""
    listed = template_rows(ws)
    rows = [row for area, row in listed if area == area_id]
    printed = {row.key for _, row in listed if row.key}
    rest = [i for i in ws.catalogue.in_area(area_id) if i.key not in printed]
    if rest and rows:
        rows.append(Row("", "Chỉ tiêu khác của lĩnh vực (không in trong mẫu phụ lục)", "", None, "group"))
    rows.extend(Row("", i.label, _unit(ws, i.key), i.key) for i in rest)
    return rows


def _unit(ws, key: str) -> str:
    ind = ws.catalogue[key]
    codes = ws.code_list(key)
    if ind.kind == "code" and codes:
        return " / ".join(f"{label} = {value}" for value, label in codes.items())
    return ind.unit


def source_text(cell, catalogue=None) -> str:
    """'cộng dồn từ Quý I, Quý II', 'tổng của bảng chi tiết' … for a computed figure."""
    return rollup.source_text(cell, catalogue)


class AreaModel(QAbstractTableModel):
    """Rows of one area for one period; writes through the Workspace, never SQL."""

    refused = Signal(str, str)    # key, Vietnamese reason
    accepted = Signal(str)        # key

    def __init__(self, ws, area_id: int, parent=None):
        super().__init__(parent)
        _make_styles()
        self.ws, self.area_id = ws, area_id
        self.rows = area_rows(ws, area_id)
        self.code = None
        self.locked = False
        self.cells: dict = {}
        self.entries: dict = {}
        self.overrides: set[str] = set()   # computed keys the officer chose to type over
        self.bad: dict[str, tuple[str, str]] = {}   # key → (text typed, reason refused)
        self._views: dict[int, dict] = {}

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
        self._views.clear()
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

    def headerData(self, section, orientation, role=DISPLAY):
        if int(role) == DISPLAY and orientation == Qt.Horizontal:
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

    def _row_view(self, r: int) -> dict:
        """role → per-column values of row *r*, worked out once per reload (data() is hot)."""
        cached = self._views.get(r)
        if cached is not None:
            return cached
        row = self.rows[r]
        key = row.key
        v = {DISPLAY: [row.stt, row.label, row.unit, None, None, None]}
        if not key:
            # a heading: nothing to type, shaded across the row so Enter's stops stand out
            v[BACKGROUND] = {c: HEADING_BRUSH for c in range(len(HEADERS))}
            if row.style != "sub":
                v[FONT] = {c: BOLD for c in range(len(HEADERS))}
            else:
                v[FONT] = {c: ITALIC for c in range(len(HEADERS))}
        elif row.style == "group":
            # printed bold in the appendix (3.3 of the sample) but a figure to type: only its
            # number and name are bold, its value cell is an ordinary white input cell
            v[FONT] = {STT: BOLD, LABEL: BOLD}
        elif row.style == "sub":
            v[FONT] = {c: ITALIC for c in range(len(HEADERS))}
        if key:
            cell = self.cells.get(key)
            computed = cell is not None and not cell.typed
            bad = self.bad.get(key)
            disp = v[DISPLAY]
            disp[VALUE] = bad[0] if bad else self.show_value(key)
            if bad:
                disp[SOURCE] = "chưa lưu: " + bad[1]
            elif cell is not None and cell.typed and cell.computed:
                # typed over a computed value: say so only when the two disagree
                differ = [(src, x) for src, x in cell.computed.items() if src != rollup.TYPED
                          and isinstance(x, (int, float)) and isinstance(cell.value, (int, float))
                          and abs(x - cell.value) > TOLERANCE]
                if differ:
                    src, x = differ[0]
                    disp[SOURCE] = (f"nhập đè; {rollup.SOURCE_LABELS.get(src, src)}: "
                                    f"{format_number(x, 2 if isinstance(x, float) else None)}")
            elif computed:
                disp[SOURCE] = source_text(cell, self.ws.catalogue)
            disp[NOTE] = self._note(key)
            if bad:
                v[FOREGROUND] = {VALUE: RED_BRUSH, SOURCE: RED_BRUSH}
                v[BACKGROUND] = {VALUE: PINK_BRUSH}
                v[TOOLTIP] = {c: bad[1] for c in range(len(HEADERS))}
            elif computed:
                v.setdefault(FONT, {})[VALUE] = ITALIC
                v[FOREGROUND] = {VALUE: GREY_BRUSH, SOURCE: GREY_BRUSH}
                if key not in self.overrides:
                    v[BACKGROUND] = {VALUE: COMPUTED_BRUSH}
            if VALUE not in v.get(BACKGROUND, {}) and not self.locked:   # white where typing goes
                v.setdefault(BACKGROUND, {})[VALUE] = INPUT_BRUSH
                v[TOOLTIP] = {VALUE: f"Giá trị tính sẵn ({source_text(cell, self.ws.catalogue)}), không cần nhập. "
                                     "Muốn nhập đè, chọn Sửa → Nhập đè giá trị tính sẵn (Ctrl+E)."}
            ind = self.ws.catalogue.get(key)
            if ind is not None:
                if ind.help:
                    tips = v.setdefault(TOOLTIP, {})
                    for c in (STT, LABEL, UNIT):
                        tips.setdefault(c, ind.help)
                if ind.kind not in ("code", "text"):
                    v[ALIGN] = {VALUE: RIGHT}
        self._views[r] = v
        return v

    def data(self, index, role=DISPLAY):
        role = int(role)
        if role == EDIT:
            return self.edit_text(index)
        try:
            v = self._row_view(index.row())
        except Exception:   # an exception escaping into Qt's painting would end the program
            import traceback
            traceback.print_exc()
            return None
        if role == DISPLAY:
            return v[DISPLAY][index.column()]
        per_col = v.get(role)
        return per_col.get(index.column()) if per_col else None

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
            self._views.pop(index.row(), None)
            self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), NOTE))
            self.refused.emit(key, str(exc))
            return False
        self.bad.pop(key, None)
        self.reload()   # listeners reload too; this keeps a model used alone (tests, preview) right
        self.accepted.emit(key)
        return True


class CodeCombo(QComboBox):
    """The choices of a coded answer ("Kết hợp = 2"): typing the code ("2") chooses it, as typing
    the first letters of its wording does (QComboBox's own search)."""

    def keyPressEvent(self, event):
        text = event.text()
        if text.isdigit():
            i = self.findData(text)
            if i >= 0:
                self.setCurrentIndex(i)
                return
        super().keyPressEvent(event)


class EntryDelegate(QStyledItemDelegate):
    """Line edits checked at each keystroke; code lists as a combo of their wording."""

    feedback = Signal(str)   # '' when the text is acceptable, else the reason

    def createEditor(self, parent, option, index):
        model = index.model()
        ind = model.indicator(index.row())
        if index.column() == VALUE and ind is not None and ind.kind == "code":
            combo = CodeCombo(parent)
            combo.setToolTip("Gõ mã (số) hoặc chữ đầu của câu trả lời, rồi Enter")
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
    """A table where Enter stores the value and moves to the next row that can be typed in;
    Delete or Backspace on a cell clears what was typed there (one undoable step)."""

    clearRequested = Signal(QModelIndex)

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
        if (event.key() in (Qt.Key_Delete, Qt.Key_Backspace) and self.state() != QAbstractItemView.EditingState
                and not event.modifiers() & ~Qt.KeypadModifier):
            index = self.currentIndex()
            if index.isValid():
                self.clearRequested.emit(index)
            return
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
        # every border can be dragged; the note fills what is left.  The label's width is worked
        # out from the room there is (fit_columns) until the officer drags it.
        head.setSectionResizeMode(QHeaderView.Interactive)
        head.setStretchLastSection(True)
        head.setMinimumSectionSize(40)
        for col, width in FIXED_WIDTHS.items():
            self.view.setColumnWidth(col, width)
        self.label_width: int | None = None   # set when the officer drags the label's border
        self._fitting = False
        head.sectionResized.connect(self._section_resized)
        self._label_needs = self._label_width_needed()
        self.message = QLabel("")
        self.message.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.message.setWordWrap(True)
        self.message.setObjectName("messageLabel")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.message)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.view.clearRequested.connect(self.clear_cell)
        self.model.refused.connect(lambda key, why: self.show_message(why, error=True))
        self.model.accepted.connect(lambda key: self.show_message(""))
        self.delegate.feedback.connect(lambda why: self.show_message(why, error=bool(why)))

    def set_period(self, code: str | None):
        self.model.set_period(code)
        if code is None:
            self.show_message("Chưa có kỳ báo cáo: bấm “Thêm kỳ…” ở thanh trên cùng để bắt đầu nhập.", error=True)
        elif self.message.text().startswith("Chưa có kỳ báo cáo"):
            self.show_message("")
        if self.isVisible():
            self.view.resizeRowsToContents()
        if not self.view.currentIndex().isValid():
            self.focus_first()

    def showEvent(self, event):
        # row heights depend on the label column's real width, known only once shown
        super().showEvent(event)
        self.fit_columns()
        self.view.resizeRowsToContents()

    def resizeEvent(self, event):
        super().resizeEvent(event)
        if self.isVisible() and self.fit_columns():
            self.view.resizeRowsToContents()

    def _label_width_needed(self) -> int:
        """What the longest wording needs on one line (capped: longer ones wrap onto two)."""
        metrics = self.view.fontMetrics()
        widest = max((metrics.horizontalAdvance(r.label) for r in self.model.rows), default=0)
        bold_extra = widest // 12   # a bold heading is about this much wider
        return max(LABEL_WIDTH[0], min(widest + bold_extra + 16, LABEL_WIDTH[1]))

    def fit_columns(self) -> bool:
        """Give the label column the room it needs within the table's width (the number columns
        stay narrow; source and note share the rest).  A width the officer dragged is kept.
        Returns whether the label's width changed."""
        width = self.view.viewport().width()
        if width <= 0:
            return False
        fixed = sum(FIXED_WIDTHS.values())
        label = self.label_width or max(LABEL_WIDTH[0], min(self._label_needs, width - fixed - 2 * SIDE_MIN))
        side = max(SIDE_MIN, (width - fixed - label) // 2)
        changed = self.view.columnWidth(LABEL) != label
        self._fitting = True
        try:
            self.view.setColumnWidth(LABEL, label)
            self.view.setColumnWidth(SOURCE, side)
        finally:
            self._fitting = False
        return changed

    def _section_resized(self, col, _old, new):
        if col == LABEL and not self._fitting:
            self.label_width = new    # the officer dragged it: keep what they chose
        if col == LABEL and self.isVisible() and not self._fitting:
            self.view.resizeRowsToContents()

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
        self.model._views.pop(index.row(), None)
        value_index = self.model.index(index.row(), VALUE)
        self.model.dataChanged.emit(value_index, value_index)
        self.view.setCurrentIndex(value_index)
        self.view.edit(value_index)
        self.show_message("Nhập đè: số nhập sẽ được dùng thay cho giá trị tính sẵn (giá trị tính sẵn vẫn được "
                          "giữ để kiểm tra).")
        return True

    def _context_menu(self, pos):
        from PySide6.QtWidgets import QMenu
        index = self.view.indexAt(pos)
        key = self.model.row_key(index.row()) if index.isValid() else None
        if not key or self.model.locked:
            return
        self.view.setCurrentIndex(self.model.index(index.row(), VALUE))
        menu = QMenu(self)
        override = menu.addAction("Nhập đè giá trị tính sẵn\tCtrl+E", self.override_current)
        override.setEnabled(self.model.is_computed(key))
        clear = menu.addAction("Xóa số liệu đã nhập", lambda: self.clear_typed(key))
        clear.setEnabled(key in self.model.entries and self.model.entries[key]["value"] is not None)
        menu.exec(self.view.viewport().mapToGlobal(pos))

    def clear_cell(self, index):
        """Delete / Backspace on a cell: clear the typed value (or the note), one undoable step."""
        key = self.model.row_key(index.row())
        if not key or self.model.locked or self.model.code is None:
            return
        entry = self.model.entries.get(key)
        if index.column() == NOTE:
            if entry and entry.get("note"):
                self.model.setData(index, "")
            return
        if key in self.model.bad:   # a refused text: nothing was stored, just forget it
            self.model.bad.pop(key)
            self.model._views.pop(index.row(), None)
            self.model.dataChanged.emit(self.model.index(index.row(), 0), self.model.index(index.row(), NOTE))
            self.show_message("")
            return
        if entry is None or entry["value"] is None:
            if self.model.is_computed(key):
                self.show_message("Ô này là giá trị tính sẵn, không có số đã nhập để xóa.")
            return
        self.clear_typed(key)
        label = self.model.rows[index.row()].label
        self.show_message(f"Đã xóa số liệu “{label}” (Ctrl+Z để lấy lại).")

    def clear_typed(self, key: str):
        """Remove the typed value of *key* (its note stays); a computed value shows again."""
        try:
            self.model.ws.set_values(self.model.code, [(key, None)], replace_notes=False,
                                     label=f"Xóa số liệu: {self.model.ws.catalogue[key].label}")
        except WorkspaceError as exc:
            self.show_message(str(exc), error=True)
            return
        self.model.overrides.discard(key)
        self.model.reload()

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
