"""The unit's reform plans in the window: plan documents with their targets, and the
annual plan's tasks (Kế hoạch CCHC năm) with their progress.

Tab "Kế hoạch và mục tiêu": the plan documents (số, ngày, cơ quan ban hành, giai đoạn),
each with its targets (an indicator chosen by its name, or “A / B” of two, a comparison,
a value or a trajectory by year; program codes never show)
and how the current period stands against each one.  Tab "Nhiệm vụ kế hoạch năm": the
year's tasks, edited in place, overdue ones in red, imported from an Excel sheet laid out
like seed 001's appendix.  Every change goes through :mod:`cchc_desktop.plans`, so Undo
and the audit log cover it; refusals are shown in the window's message line.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox, QHBoxLayout,
                               QHeaderView, QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton,
                               QScrollArea, QSpinBox, QSplitter, QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout,
                               QWidget)

from .. import plan_tasks, plans, targets
from ..store import WorkspaceError, task_done
from ..vnformat import format_date, format_number
from . import indicator_picker as picker

ID_ROLE = Qt.UserRole + 1
STATUS_COLOURS = {"met": "#d9f2d9", "not_met": "#f9d6d5", "no_data": "#eeeeee", "in_progress": "#fff3cd"}
OVERDUE_COLOUR = "#f9d6d5"
DONE_COLOUR = "#e3f4e3"

TARGET_COLUMNS = ["Mục tiêu", "Chỉ tiêu (cách tính)", "So sánh", "Giá trị", "Lộ trình theo năm", "Từ năm", "Đến năm",
                  "Đơn vị", "Kết quả kỳ này", "Đánh giá", "Chênh lệch"]
TASK_COLUMNS = ["TT", "Lĩnh vực", "Nội dung", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời hạn", "Sản phẩm đầu ra",
                "Tình trạng", "% hoàn thành", "Ghi chú"]
TASK_FIELDS = ["seq", "area", "content", "lead", "partners", "deadline", "output", "status", "percent_done", "note"]


def _item(text, editable=True, data=None):
    item = QTableWidgetItem("" if text is None else str(text))
    if not editable:
        item.setFlags(item.flags() & ~Qt.ItemIsEditable)
    if data is not None:
        item.setData(ID_ROLE, data)
    return item


def _scrolling(page: QWidget) -> QScrollArea:
    """*page* in a scroll area: on a small screen (1024×768, or 125–150 % scaling) the page
    scrolls instead of making the whole window larger than the screen."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.NoFrame)
    area.setWidget(page)
    page.setMinimumSize(760, 640)   # below this the page scrolls rather than squeezing its tables
    return area


class PlanEditor(QWidget):
    """Plans, targets and annual tasks of *ws*; *code* is the period the targets are evaluated for."""

    changed = Signal()

    def __init__(self, ws, code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("planEditor")
        self.ws, self.code = ws, code
        self.tabs = QTabWidget()
        self.tabs.addTab(_scrolling(self._plans_tab()), "Kế hoạch và mục tiêu")
        self.tabs.addTab(_scrolling(self._tasks_tab()), "Nhiệm vụ kế hoạch năm")
        self.message = QLabel()
        self.message.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.message.setObjectName("planMessage")
        self.message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.message)
        self._loading = False
        self.set_period(code)

    # ---- period -------------------------------------------------------------------
    def set_period(self, code: str | None):
        self.code = code
        if code:
            self.year.blockSignals(True)
            self.year.setValue(int(code[:4]))
            self.year.blockSignals(False)
        self.reload()

    def reload(self):
        self.load_plans()
        self.load_tasks()

    def _run(self, func, *args, **kwargs):
        """Call the core; show a refusal in the message line instead of failing."""
        try:
            result = func(*args, **kwargs)
        except WorkspaceError as exc:
            self.message.setStyleSheet("color: #b3261e")
            self.message.setText(str(exc))
            return None
        self.message.setStyleSheet("")
        self.message.clear()
        self.changed.emit()
        return result if result is not None else True

    # ---- plans and targets --------------------------------------------------------
    def _plans_tab(self) -> QWidget:
        self.plan_list = QListWidget()
        self.plan_list.setObjectName("planList")
        self.plan_list.currentItemChanged.connect(lambda *_: self._show_plan())
        new_plan = QPushButton("Thêm kế hoạch")
        new_plan.clicked.connect(self.new_plan)
        del_plan = QPushButton("Xóa kế hoạch")
        del_plan.clicked.connect(self.delete_plan)
        left = QVBoxLayout()
        left.addWidget(QLabel("Văn bản kế hoạch CCHC của đơn vị:"))
        left.addWidget(self.plan_list)
        row = QHBoxLayout()
        row.addWidget(new_plan)
        row.addWidget(del_plan)
        left.addLayout(row)
        left_w = QWidget()
        left_w.setLayout(left)

        self.plan_number = QLineEdit()
        self.plan_number.setPlaceholderText("1069/QĐ-UBND")
        self.plan_date = QLineEdit()
        self.plan_date.setPlaceholderText("31/12/2021")
        self.plan_issuer = QLineEdit()
        self.plan_issuer.setPlaceholderText("UBND phường 2")
        self.plan_title = QLineEdit()
        self.plan_title.setPlaceholderText("Kế hoạch cải cách hành chính giai đoạn 2021–2025")
        self.plan_from = QLineEdit()
        self.plan_from.setPlaceholderText("2021")
        self.plan_to = QLineEdit()
        self.plan_to.setPlaceholderText("2025")
        save_plan = QPushButton("Lưu kế hoạch")
        save_plan.setObjectName("savePlan")
        save_plan.clicked.connect(self.save_plan)
        form = QGridLayout()
        form.addWidget(QLabel("Số, ký hiệu:"), 0, 0)
        form.addWidget(self.plan_number, 0, 1)
        form.addWidget(QLabel("Ngày ban hành:"), 0, 2)
        form.addWidget(self.plan_date, 0, 3)
        form.addWidget(QLabel("Cơ quan ban hành:"), 1, 0)
        form.addWidget(self.plan_issuer, 1, 1)
        form.addWidget(QLabel("Giai đoạn:"), 1, 2)
        years = QHBoxLayout()
        years.addWidget(self.plan_from)
        years.addWidget(QLabel("–"))
        years.addWidget(self.plan_to)
        form.addLayout(years, 1, 3)
        form.addWidget(QLabel("Trích yếu:"), 2, 0)
        form.addWidget(self.plan_title, 2, 1, 1, 2)
        form.addWidget(save_plan, 2, 3)
        form.setColumnStretch(1, 3)   # the number and the issuer are read whole, the date is short
        form.setColumnStretch(3, 2)
        plan_box = QGroupBox("Văn bản kế hoạch")
        plan_box.setLayout(form)

        self.target_table = QTableWidget(0, len(TARGET_COLUMNS))
        self.target_table.setObjectName("targetTable")
        self.target_table.setHorizontalHeaderLabels(TARGET_COLUMNS)
        self.target_table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.target_table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.target_table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        header = self.target_table.horizontalHeader()
        for c in range(len(TARGET_COLUMNS)):
            header.setSectionResizeMode(c, QHeaderView.ResizeToContents)
        for c, width in ((0, 330), (1, 170), (4, 150)):
            header.setSectionResizeMode(c, QHeaderView.Interactive)
            self.target_table.setColumnWidth(c, width)
        self.target_table.setWordWrap(True)
        self.target_table.verticalHeader().setVisible(False)
        self.target_table.itemSelectionChanged.connect(self._show_target)

        self.t_label = QLineEdit()
        self.t_label.setPlaceholderText("Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4")
        # the indicator by its name (typing without accents finds it), or "A / B" as a percentage
        self.t_key = picker.indicator_combo(self.ws, "targetIndicator")
        self.t_den = picker.indicator_combo(self.ws, "targetDivisor",
                                            "Để trống, hoặc chọn chỉ tiêu chia cho (tính tỷ lệ %)")
        self.t_key.activated.connect(self._indicator_chosen)
        self.t_den.activated.connect(lambda *_: self.t_unit.setText("%"))
        self.t_other = QLabel()     # a formula of another shape, shown in words and kept as it is
        self.t_other.setWordWrap(True)
        self.t_other.setObjectName("targetOtherFormula")
        self._other_expr: str | None = None
        self.t_op = QComboBox()
        for op in plans.OPS:
            self.t_op.addItem(plans.OP_LABELS[op], op)
        self.t_value = QLineEdit()
        self.t_value.setPlaceholderText("50")
        self.t_traj = QLineEdit()
        self.t_traj.setPlaceholderText("2022: 15; 2023: 35; 2024: 55; 2025: 100")
        self.t_from = QLineEdit()
        self.t_to = QLineEdit()
        self.t_unit = QLineEdit("%")
        self.t_note = QLineEdit()
        t_form = QFormLayout()
        t_form.addRow("Mục tiêu:", self.t_label)
        t_form.addRow("Chỉ tiêu:", self.t_key)
        t_form.addRow("Tỷ lệ so với (A / B × 100):", self.t_den)
        t_form.addRow("", self.t_other)
        cmp_row = QHBoxLayout()
        cmp_row.addWidget(self.t_op)
        cmp_row.addWidget(self.t_value, 1)
        cmp_row.addWidget(QLabel("Đơn vị:"))
        cmp_row.addWidget(self.t_unit)
        t_form.addRow("Phải đạt:", cmp_row)
        t_form.addRow("hoặc lộ trình theo năm:", self.t_traj)
        yr = QHBoxLayout()
        yr.addWidget(self.t_from)
        yr.addWidget(QLabel("đến năm"))
        yr.addWidget(self.t_to)
        t_form.addRow("Áp dụng từ năm:", yr)
        t_form.addRow("Ghi chú:", self.t_note)
        btns = QHBoxLayout()
        self.save_target_btn = QPushButton("Lưu mục tiêu")
        self.save_target_btn.setObjectName("saveTarget")
        self.save_target_btn.clicked.connect(self.save_target)
        new_t = QPushButton("Mục tiêu mới")
        new_t.clicked.connect(self.new_target)
        del_t = QPushButton("Xóa mục tiêu")
        del_t.clicked.connect(self.delete_target)
        btns.addWidget(self.save_target_btn)
        btns.addWidget(new_t)
        btns.addWidget(del_t)
        btns.addStretch(1)
        t_form.addRow(btns)
        target_box = QGroupBox("Mục tiêu đang chọn")
        target_box.setLayout(t_form)
        self.target_summary = QLabel()
        self.target_summary.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text

        right = QVBoxLayout()
        right.addWidget(plan_box)
        right.addWidget(self.target_summary)
        lower = QSplitter(Qt.Vertical)
        lower.addWidget(self.target_table)
        lower.addWidget(target_box)
        lower.setStretchFactor(0, 3)
        lower.setSizes([240, 320])   # the targets' table keeps a few rows above the form
        right.addWidget(lower, 1)
        right_w = QWidget()
        right_w.setLayout(right)
        split = QSplitter()
        split.addWidget(left_w)
        split.addWidget(right_w)
        split.setStretchFactor(1, 3)
        split.setSizes([170, 1000])
        page = QWidget()
        QVBoxLayout(page).addWidget(split)
        return page

    def current_plan_id(self) -> int | None:
        item = self.plan_list.currentItem()
        return item.data(ID_ROLE) if item is not None else None

    def load_plans(self, select: int | None = None):
        select = select or self.current_plan_id()
        self.plan_list.blockSignals(True)
        self.plan_list.clear()
        for p in plans.plans(self.ws):
            years = f" ({p['year_from'] or '…'}–{p['year_to'] or '…'})" if p["year_from"] or p["year_to"] else ""
            item = QListWidgetItem(f"{p['number']}{years}")
            item.setToolTip(p["title"])
            item.setData(ID_ROLE, p["id"])
            self.plan_list.addItem(item)
            if p["id"] == select or select is None and self.plan_list.count() == 1:
                self.plan_list.setCurrentItem(item)
        self.plan_list.blockSignals(False)
        self._show_plan()

    def _show_plan(self):
        pid = self.current_plan_id()
        p = plans.plan(self.ws, pid) if pid else None
        self.plan_number.setText(p["number"] if p else "")
        self.plan_date.setText(format_date(p["issued_on"]) if p and p["issued_on"] else "")
        self.plan_issuer.setText(p["issuer"] if p else "")
        self.plan_title.setText(p["title"] if p else "")
        self.plan_from.setText(str(p["year_from"] or "") if p else "")
        self.plan_to.setText(str(p["year_to"] or "") if p else "")
        self._fill_targets(p)

    def _fill_targets(self, p):
        results = {}
        if self.code and p:
            try:
                results = {r.target_id: r for r in targets.evaluate(self.ws, self.code)}
            except WorkspaceError:
                results = {}
        rows = p["targets"] if p else []
        self.target_table.setRowCount(len(rows))
        for r, t in enumerate(rows):
            res = results.get(t["id"])
            cells = [t["label"], picker.formula_words(self.ws, t["expr"]), plans.OP_LABELS.get(t["op"], t["op"]),
                     format_number(t["value"]) if t["value"] is not None else "",
                     plans.trajectory_text(t["trajectory"]), t["year_from"] or "", t["year_to"] or "", t["unit"],
                     format_number(res.actual, 2) if res and res.actual is not None else "",
                     res.status_label if res else "Không áp dụng kỳ này",
                     (("+" if res.gap > 0 else "") + format_number(res.gap, 2)) if res and res.gap is not None else ""]
            for c, text in enumerate(cells):
                item = _item(text, False, t["id"])
                if res is not None:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[res.status])))
                if c == 0:
                    item.setToolTip(t["label"] + (f"\n{t['note']}" if t["note"] else ""))
                self.target_table.setItem(r, c, item)
        self.target_table.resizeRowsToContents()
        if self.code and p:
            met = sum(1 for t in rows if results.get(t["id"]) and results[t["id"]].status == "met")
            applied = sum(1 for t in rows if t["id"] in results)
            self.target_summary.setText(f"Kỳ {self.ws.period(self.code).label}: đạt {met}/{applied} mục tiêu áp dụng.")
        else:
            self.target_summary.setText("")
        self.new_target()

    def new_plan(self):
        self.plan_list.setCurrentItem(None)
        self.plan_list.clearSelection()
        for w in (self.plan_number, self.plan_date, self.plan_issuer, self.plan_title, self.plan_from, self.plan_to):
            w.clear()
        self._fill_targets(None)
        self.plan_number.setFocus()

    def save_plan(self) -> int | None:
        pid = self._run(plans.save_plan, self.ws, self.plan_number.text(), self.plan_date.text() or None,
                        self.plan_issuer.text(), self.plan_title.text(), self.plan_from.text() or None,
                        self.plan_to.text() or None, plan_id=self.current_plan_id())
        if pid:
            self.load_plans(select=pid)
            return pid
        return None

    def delete_plan(self):
        pid = self.current_plan_id()
        if pid and self._run(plans.delete_plan, self.ws, pid):
            self.plan_list.setCurrentItem(None)
            self.load_plans()

    def current_target_id(self) -> int | None:
        rows = self.target_table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.target_table.item(rows[0].row(), 0).data(ID_ROLE)

    def _show_target(self):
        tid = self.current_target_id()
        pid = self.current_plan_id()
        if not tid or not pid:
            return
        t = next((t for t in plans.plan(self.ws, pid)["targets"] if t["id"] == tid), None)
        if t is None:
            return
        self.t_label.setText(t["label"])
        self.show_expr(t["expr"])
        self.t_op.setCurrentIndex(plans.OPS.index(t["op"]))
        self.t_value.setText(format_number(t["value"]) if t["value"] is not None else "")
        self.t_traj.setText(plans.trajectory_text(t["trajectory"]))
        self.t_from.setText(str(t["year_from"] or ""))
        self.t_to.setText(str(t["year_to"] or ""))
        self.t_unit.setText(t["unit"])
        self.t_note.setText(t["note"])
        self.save_target_btn.setText("Lưu mục tiêu")

    def new_target(self):
        self.target_table.clearSelection()
        for w in (self.t_label, self.t_value, self.t_traj, self.t_from, self.t_to, self.t_note):
            w.clear()
        self.show_expr("")
        self.t_unit.setText("%")
        self.t_op.setCurrentIndex(0)
        self.save_target_btn.setText("Thêm mục tiêu")

    def save_target(self) -> int | None:
        pid = self.current_plan_id()
        if not pid:
            self.message.setText("Chọn hoặc lưu văn bản kế hoạch trước khi thêm mục tiêu.")
            return None
        tid = self.current_target_id()
        expr = self.target_expr()
        if expr is None:
            return None
        new_id = self._run(plans.save_target, self.ws, pid, self.t_label.text(), expr,
                           self.t_op.currentData(), self.t_value.text() or None, self.t_traj.text() or None,
                           self.t_from.text() or None, self.t_to.text() or None, self.t_unit.text(),
                           self.t_note.text(), target_id=tid)
        if new_id:
            self._show_plan()
        return new_id

    def show_expr(self, expr: str):
        """Show a target's formula in the pickers (“A” or “A / B × 100”), else in words below them."""
        parts = picker.split_expr(expr)
        if parts is not None or not expr:
            key, divisor = parts or (None, None)
            picker.show_key(self.t_key, key)
            picker.show_key(self.t_den, divisor)
            self._other_expr = None
            self.t_other.setText("")
            self.t_other.hide()
            return
        picker.show_key(self.t_key, None)
        picker.show_key(self.t_den, None)
        self._other_expr = expr
        self.t_other.setText(f"Cách tính hiện có: {picker.formula_words(self.ws, expr)} "
                             "(giữ nguyên nếu không chọn chỉ tiêu khác).")
        self.t_other.show()

    def target_expr(self) -> str | None:
        """The formula of the indicator(s) chosen; None (with a message) when a name matches none."""
        text, den_text = self.t_key.currentText().strip(), self.t_den.currentText().strip()
        if not text and not den_text and self._other_expr:
            return self._other_expr
        key, divisor = picker.key_of(self.t_key), picker.key_of(self.t_den)
        if key is None:
            self.message.setText(f"Không có chỉ tiêu nào tên “{text}”: gõ vài chữ trong tên rồi chọn trong danh sách."
                                 if text else "Chưa chọn chỉ tiêu: gõ vài chữ trong tên rồi chọn trong danh sách.")
            return None
        if den_text and divisor is None:
            self.message.setText(f"Không có chỉ tiêu nào tên “{den_text}” để chia cho: chọn trong danh sách "
                                 "hoặc để trống.")
            return None
        return picker.join_expr(key, divisor)

    def _indicator_chosen(self, *_):
        """A name chosen: it becomes the target's wording when none is written, its unit the unit."""
        ind = self.ws.catalogue.get(picker.key_of(self.t_key) or "")
        if ind is None:
            return
        if not self.t_label.text().strip():
            self.t_label.setText(ind.label)
        if not self.t_den.currentText().strip():
            self.t_unit.setText("%" if ind.kind in ("percent", "ratio") else (ind.unit or ""))

    def delete_target(self):
        tid = self.current_target_id()
        if tid and self._run(plans.delete_target, self.ws, tid):
            self._show_plan()

    # ---- the annual plan's tasks -------------------------------------------------------
    def _tasks_tab(self) -> QWidget:
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(_dt.date.today().year)
        self.year.valueChanged.connect(lambda *_: self.load_tasks())
        self.task_table = QTableWidget(0, len(TASK_COLUMNS))
        self.task_table.setObjectName("taskTable")
        self.task_table.setHorizontalHeaderLabels(TASK_COLUMNS)
        self.task_table.setWordWrap(True)
        self.task_table.verticalHeader().setVisible(False)
        self.task_table.horizontalHeader().setSectionResizeMode(2, QHeaderView.Stretch)
        self.task_table.itemChanged.connect(self._task_edited)
        add = QPushButton("Thêm nhiệm vụ")
        add.clicked.connect(self.add_task)
        delete = QPushButton("Xóa nhiệm vụ")
        delete.clicked.connect(self.delete_task)
        imp = QPushButton("Nhập từ Excel…")
        imp.setObjectName("importTasks")
        imp.setToolTip("Bảng tiến độ nhiệm vụ như phụ lục của báo cáo: TT, Nội dung, Đơn vị thực hiện, "
                       "Đơn vị phối hợp, Thời gian hoàn thành, Đã thực hiện, Sản phẩm đầu ra, Tỷ lệ hoàn thành")
        imp.clicked.connect(self.choose_import)
        self.task_summary = QLabel()
        self.task_summary.setObjectName("taskSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel("Kế hoạch CCHC năm"))
        top.addWidget(self.year)
        top.addWidget(self.task_summary, 1)
        top.addWidget(add)
        top.addWidget(delete)
        top.addWidget(imp)
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.addLayout(top)
        lay.addWidget(self.task_table)
        hint = QLabel("Sửa trực tiếp trong bảng. Thời hạn: “Tháng 3”, “Quý II”, “Năm 2023”, một ngày, hoặc "
                      "“Thường xuyên”. Nhiệm vụ quá hạn chưa hoàn thành tô đỏ; số nhiệm vụ và số đã hoàn thành "
                      "được đưa vào chỉ tiêu 1.1 của báo cáo.")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        return page

    def load_tasks(self, today: _dt.date | None = None):
        year = self.year.value()
        rows = plans.tasks(self.ws, year)
        self._loading = True
        self.task_table.setRowCount(len(rows))
        late = 0
        for r, t in enumerate(rows):
            overdue = plans.overdue(t, today)
            late += overdue
            for c, field in enumerate(TASK_FIELDS):
                v = t.get(field)
                text = format_number(v) if field == "percent_done" and v is not None else ("" if v is None else v)
                item = _item(text, True, t["id"])
                if overdue:
                    item.setBackground(QBrush(QColor(OVERDUE_COLOUR)))
                    item.setToolTip("Quá hạn, chưa hoàn thành")
                elif task_done(t):
                    item.setBackground(QBrush(QColor(DONE_COLOUR)))
                self.task_table.setItem(r, c, item)
        self._loading = False
        done = sum(1 for t in rows if task_done(t))
        text = f"{len(rows)} nhiệm vụ, {done} đã hoàn thành"
        if late:
            text += f", {late} quá hạn"
        self.task_summary.setText(text + "." if rows else "Chưa có nhiệm vụ nào cho năm này.")
        self.task_table.resizeRowsToContents()

    def _task_edited(self, item: QTableWidgetItem):
        if self._loading:
            return
        row = item.row()
        tid = item.data(ID_ROLE)
        fields = {}
        for c, field in enumerate(TASK_FIELDS):
            cell = self.task_table.item(row, c)
            fields[field] = cell.text() if cell is not None else ""
        if not fields["seq"].strip().isdigit():
            fields["seq"] = 0
        self._run(plans.save_task, self.ws, self.year.value(), task_id=tid, **fields)
        self.load_tasks()

    def add_task(self):
        n = len(plans.tasks(self.ws, self.year.value()))
        if self._run(plans.save_task, self.ws, self.year.value(), content=f"Nhiệm vụ {n + 1}", status="Chưa thực hiện"):
            self.load_tasks()
            self.task_table.setCurrentCell(self.task_table.rowCount() - 1, 2)

    def delete_task(self):
        row = self.task_table.currentRow()
        if row < 0:
            return
        tid = self.task_table.item(row, 0).data(ID_ROLE)
        if self._run(plans.delete_task, self.ws, tid):
            self.load_tasks()

    def choose_import(self):
        path, _ = QFileDialog.getOpenFileName(self, "Nhập nhiệm vụ kế hoạch năm từ Excel", "",
                                              "Bảng tính Excel (*.xlsx *.xlsm)")
        if path:
            self.import_file(path)

    def import_file(self, path) -> int | None:
        """Replace the year's tasks with those of an Excel sheet (all or nothing)."""
        n = self._run(plan_tasks.import_tasks, self.ws, self.year.value(), path)
        if n:
            self.load_tasks()
            self.message.setStyleSheet("color: #1e6b2e")
            self.message.setText(f"Đã nhập {n} nhiệm vụ của kế hoạch năm {self.year.value()}.")
        return n


if __name__ == "__main__":   # preview on the sample workspace
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
    w = PlanEditor(ws, ws.periods()[0].code)
    w.resize(1200, 700)
    w.show()
    sys.exit(app.exec())
