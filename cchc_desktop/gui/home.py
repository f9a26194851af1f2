"""The home page: what the officer has to do now.

The periods of the year with their report deadlines, status (nháp / đã chốt / đã gửi), how
complete each is (rows filled / rows of the template) and, once the checking module is
there, how many findings it has; then the next deadline.

The first paint shows the periods, deadlines and status only: the completeness (which needs
the unit's template and every period's figures) comes one turn of the event loop after the
window shows, then the findings one period per turn, so start-up waits for neither.
"""
from __future__ import annotations

import datetime as _dt

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from .. import periods
from ..store import STATUS_LABELS
from ..vnformat import format_date

HOME_KINDS = ("Q1", "Q2", "H1", "Q3", "9M", "Q4", "Y")
HEADERS = ("Kỳ báo cáo", "Hạn báo cáo", "Trạng thái", "Đã nhập", "Kết quả kiểm tra", "Việc cần làm")
FOREGROUND_ROLE = 9   # Qt.ForegroundRole, by number: the `Qt` namespace costs ~17 ms to make at start-up


def _tint(item: QTableWidgetItem, colour: str) -> None:
    """Colour an item's text.  Set as a QColor in the role (the view draws it as setForeground
    would): QBrush(QColor) and setForeground(QColor) make PySide weigh overloads taking `Qt`
    enums, gradients and images, and so build those types (~20 ms) on the start path."""
    item.setData(FOREGROUND_ROLE, QColor(colour))


SENT_SETTING = "sent."   # + period code: {"at": ISO time, "file": name, "folder": where} of the last file sent


def is_sample(ws) -> bool:
    """Whether *ws* is sample data (``demo.SAMPLE_SETTING`` read here, as the first frame must
    not import the sample module)."""
    return ws.setting("sample") in (1, "1", True)


def sent_record(ws, code: str) -> dict | None:
    """When and which file period *code* was last sent upward ("Gửi lên cấp trên"), or None."""
    record = ws.setting(SENT_SETTING + code)
    return record if isinstance(record, dict) and record.get("at") else None


def sent_text(record: dict | None, short: bool = False) -> str:
    """'Đã gửi ngày 15/06/2022 (tệp CCHC_….sqlite)' for the home page and the period bar
    (*short*: without the file, which is long)."""
    if not record:
        return "Đã gửi lên cấp trên"
    day = format_date(record["at"][:10])
    return f"Đã gửi ngày {day}" + (f" (tệp {record['file']})" if record.get("file") and not short else "")


def completeness(ws, code: str, keys=None) -> tuple[int, int]:
    """(rows with a figure, rows of the template) for a period (see rollup.empty_rows)."""
    from .. import rollup   # not at import: the first paint needs no figures
    keys = keys if keys is not None else ws.printed_keys()
    return len(keys) - len(rollup.empty_rows(ws, code, keys)), len(keys)


class HomePage(QWidget):
    periodActivated = Signal(str)    # an existing period chosen
    addRequested = Signal(int, str)  # year, kind of a period not yet added

    def __init__(self, ws, parent=None, today: _dt.date | None = None):
        super().__init__(parent)
        self.ws = ws
        self.today = today
        self.title = QLabel("<h2>Việc cần làm</h2>")
        self.year = QSpinBox(self)
        self.year.setRange(2000, 2100)
        self.year.setPrefix("Năm ")
        self.year.setValue(self._today().year)
        self._year_known = False   # the year of the last period, found by the first reload (one query)
        self.table = QTableWidget(0, len(HEADERS), self)
        self.table.setObjectName("homeTable")
        self.table.setHorizontalHeaderLabels(HEADERS)
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        head = self.table.horizontalHeader()
        head.setSectionResizeMode(QHeaderView.ResizeToContents)
        head.setSectionResizeMode(len(HEADERS) - 1, QHeaderView.Stretch)
        self.next_label = QLabel("")
        self.next_label.setObjectName("nextDeadline")
        self.next_label.setWordWrap(True)
        # larger text on a light band, by font and palette: a style sheet here would cost the
        # window's start ~1-2 ms (Qt makes its style-sheet style for the first one)
        font = self.next_label.font()
        font.setPointSize(12)
        self.next_label.setFont(font)
        self.next_label.setMargin(7)
        self.next_label.setAutoFillBackground(True)
        pal = self.next_label.palette()
        pal.setColor(QPalette.Window, QColor("#e6eef6"))
        self.next_label.setPalette(pal)
        help_label = QLabel("Nhấn Enter hoặc nhấp đúp vào một kỳ để nhập số liệu; kỳ chưa tạo sẽ được tạo.")
        help_label.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.year)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.next_label)
        layout.addWidget(self.table, 1)
        layout.addWidget(help_label)
        self.year.valueChanged.connect(self._year_changed)
        self.table.itemActivated.connect(self._activated)
        self._rows: list[tuple[str, object]] = []
        self._counted = True             # False until the completeness of the rows is filled in
        self._pending: list[int] = []    # rows whose findings are not counted yet
        self._findings_timer = QTimer(self)
        self._findings_timer.setSingleShot(True)
        self._findings_timer.timeout.connect(self._fill_later)

    def _today(self) -> _dt.date:
        return self.today or _dt.date.today()

    def _set_year(self, year: int):
        self._year_known = True
        if year != self.year.value():
            self.year.blockSignals(True)
            self.year.setValue(year)
            self.year.blockSignals(False)

    def _year_changed(self, *_):
        self._year_known = True
        self.reload()

    def set_period(self, code):
        if code:
            self._set_year(periods.parse_code(code).year)
        self.reload()

    def reload(self):
        added = self.ws.periods()
        if not self._year_known:   # no period chosen yet: the year of the last one
            self._set_year(added[-1].year if added else self._today().year)
        year = self.year.value()
        unit = self.ws.unit()
        established = periods.established_of(unit)
        # the year's usual periods (not those ending before the unit existed), then every period
        # added for the year: months and custom periods too
        rows = {}
        for kind in HOME_KINDS:
            if established is None or periods.window(periods.PeriodName(year, kind), unit)[1] >= established:
                rows[f"{year}-{kind}"] = None
        rows.update({p.code: p for p in added if p.year == year})
        codes = sorted(rows, key=periods.sort_key)
        self._rows = []
        self.table.setRowCount(len(codes))
        today = self._today()
        next_due = None
        late = []
        sample = is_sample(self.ws)   # a sample's deadlines are long past: not the officer's lateness
        for r, code in enumerate(codes):
            p = rows[code]
            deadline = p.due(unit) if p is not None else periods.deadline(code, unit)
            label = p.label if p is not None else periods.parse_code(code).label
            cells = [label[0].upper() + label[1:], format_date(deadline)]
            if p is None:
                cells += ["chưa tạo", "", "", "Tạo kỳ và nhập số liệu" if deadline >= today else ""]
                todo_open = deadline >= today
            else:   # rows filled and what to do next come one turn later (_fill_completeness)
                cells += [STATUS_LABELS.get(p.status, p.status), "…", "…", self._todo(p, None, None)]
                if p.status == "sent":
                    cells[5] = sent_text(sent_record(self.ws, p.code), short=True)
                todo_open = p.status == "draft"
                if p.status == "draft" and deadline < today and not sample:
                    late.append(label)
            if todo_open and deadline >= today and (next_due is None or deadline < next_due[0]):
                next_due = (deadline, label)
            self._rows.append((code, p))
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if p is None:
                    _tint(item, "#777777")
                if c == 1 and p is not None and p.status == "draft" and deadline < today and not sample:
                    _tint(item, "#b00020")
                self.table.setItem(r, c, item)
        if sample:
            self.next_label.setText("<b>Dữ liệu mẫu</b> để tập: hạn báo cáo của các kỳ mẫu chỉ để minh họa. "
                                    "Báo cáo của đơn vị bạn: Tệp → Mới… để tạo đơn vị.")
        elif late:
            self.next_label.setText("Quá hạn, chưa chốt số liệu: <b>" + ", ".join(late) + "</b>."
                                    + (f" Hạn tiếp theo: {next_due[1]} – ngày {format_date(next_due[0])}."
                                       if next_due else ""))
        elif next_due:
            days = (next_due[0] - today).days
            when = "hôm nay" if days == 0 else f"còn {days} ngày"
            self.next_label.setText(f"Hạn báo cáo gần nhất: <b>{next_due[1]}</b> – ngày {format_date(next_due[0])} ({when}).")
        else:
            self.next_label.setText(f"Không còn hạn báo cáo nào chưa xong trong năm {year}.")
        self._counted = False
        self._pending = list(range(len(self._rows)))
        self._findings_timer.start(0)   # after the page shows: counting and checking take longer

    @staticmethod
    def _todo(p, filled, total) -> str:
        if p.status == "sent":
            return "Đã gửi lên cấp trên"
        if p.status == "final":
            return "In báo cáo, gửi lên cấp trên"
        if filled is None:   # not counted yet
            return "…"
        if filled < total:
            return f"Nhập tiếp {total - filled} dòng, kiểm tra, chốt số liệu"
        return "Kiểm tra, chốt số liệu"

    def _fill_later(self):
        """After the page shows: the completeness of every row, then the findings one period per turn."""
        if self.ws.conn is None:   # the workspace was closed (another file opened) meanwhile
            self._counted, self._pending = True, []
            return
        if not self._counted:
            self._fill_completeness()
            if self._pending:
                self._findings_timer.start(0)
            return
        self._fill_findings()

    def _fill_completeness(self):
        """'Đã nhập' (rows filled / rows of the template) and the next step of each added period."""
        self._counted = True
        keys = self.ws.printed_keys()
        for r, (code, p) in enumerate(self._rows):
            if p is None:
                continue
            filled, total = completeness(self.ws, code, keys)
            self.table.setItem(r, 3, QTableWidgetItem(f"{filled}/{total} dòng"))
            item = QTableWidgetItem(self._todo(p, filled, total))
            if p.status == "sent":   # the day in the cell, the file when pointed at
                record = sent_record(self.ws, code)
                item = QTableWidgetItem(sent_text(record, short=True))
                item.setToolTip(sent_text(record))
            self.table.setItem(r, 5, item)

    def _fill_findings(self):
        """Fill the findings of one period per turn of the event loop, so the window stays responsive."""
        while self._pending:
            r = self._pending.pop(0)
            code, p = self._rows[r]
            if p is None:
                continue
            from .. import rules   # not at import: the first paint checks nothing
            n = rules.counts(rules.check(self.ws, code))
            text = "không có lỗi" if n == (0, 0) else f"{n[0]} lỗi, {n[1]} cảnh báo"
            item = QTableWidgetItem(text)
            if n and n[0]:
                _tint(item, "#b00020")
            self.table.setItem(r, 4, item)
            break
        if self._pending:
            self._findings_timer.start(0)

    def findings_pending(self) -> bool:
        """True while some period's completeness or findings are still being counted."""
        return not self._counted or bool(self._pending)

    def _activated(self, item):
        code, p = self._rows[item.row()]
        if p is not None:
            self.periodActivated.emit(code)
        else:
            name = periods.parse_code(code)
            self.addRequested.emit(name.year, name.kind)
