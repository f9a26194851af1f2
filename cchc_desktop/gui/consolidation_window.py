"""“Tổng hợp”: the receiving office's window over a consolidation workspace.

Import many units' files at once (files, a folder, or drag and drop); each is checked by
the core (:mod:`cchc_desktop.consolidation`) and accepted whole or refused with a reason.
Shown: the units × periods matrix (received, missing, with errors — a refused file, or
accepted figures the checks found errors in, listed under the matrix for the chosen cell),
the consolidated figures,
the unit-by-unit table, the received files with their history, and the refused files.
The consolidated appendices print through :mod:`cchc_desktop.reports`.
"""
from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QBrush, QColor, QDesktopServices
from PySide6.QtWidgets import (QApplication, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from .. import consolidation, periods, rollup
from ..store import Workspace, WorkspaceError
from ..vnformat import format_number

STATUS_COLOURS = {consolidation.RECEIVED: "#c8e6c9", consolidation.MISSING: "#eeeeee",
                  consolidation.ERROR: "#ffcdd2", consolidation.INVALID: "#ffe0b2"}
SEVERITY_COLOURS = {"error": "#c62828", "warning": "#8d6e00", "explained": "#5f6368"}
FILE_STATUS = {"accepted": "Đang dùng", "superseded": "Chỉ lưu lịch sử", "refused": "Bị từ chối"}


def plain_tooltip(text: str) -> str:
    """A tooltip that shows *text* as it is: Qt takes a tooltip with anything like a tag for
    rich text, so a forged unit or file name would render; escaped inside a paragraph, it cannot."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text) + "</p>"


def _item(text, tooltip: str | None = None, align_right: bool = False) -> QTableWidgetItem:
    item = QTableWidgetItem("" if text is None else str(text))
    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    if tooltip:
        item.setToolTip(plain_tooltip(tooltip))
    if align_right:
        item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
    return item


def _show(value, ind=None) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    decimals = ind.decimals if ind is not None and ind.decimals is not None else (2 if isinstance(value, float) else None)
    return format_number(value, decimals)


def _table(headers) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.verticalHeader().setVisible(False)
    t.setEditTriggers(QTableWidget.NoEditTriggers)
    t.setAlternatingRowColors(True)
    return t


class ConsolidationWindow(QWidget):
    """The consolidation workspace's window.

    *ws* may be a consolidation workspace (used as is, not closed here) or a unit's
    workspace (then the officer opens or creates a consolidation file from here).
    """

    changed = Signal()

    def __init__(self, ws=None, code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.cws: Workspace | None = None
        self._owned = False
        self.refused: list = []
        self.code = None
        self.setWindowTitle("Tổng hợp số liệu các đơn vị")
        self.setAcceptDrops(True)
        lay = QVBoxLayout(self)

        top = QHBoxLayout()
        self.file_label = QLabel("Chưa mở tệp tổng hợp.")
        self.file_label.setObjectName("consolidationFile")
        top.addWidget(self.file_label, 1)
        self.open_button = QPushButton("Mở tệp tổng hợp…")
        self.open_button.clicked.connect(self.choose_open)
        self.new_button = QPushButton("Tạo tệp tổng hợp mới…")
        self.new_button.clicked.connect(self.choose_new)
        top.addWidget(self.open_button)
        top.addWidget(self.new_button)
        lay.addLayout(top)

        actions = QHBoxLayout()
        self.import_button = QPushButton("Nhận tệp của đơn vị…")
        self.import_button.setObjectName("importFiles")
        self.import_button.clicked.connect(self.choose_files)
        self.folder_button = QPushButton("Nhận cả thư mục…")
        self.folder_button.clicked.connect(self.choose_folder)
        actions.addWidget(self.import_button)
        actions.addWidget(self.folder_button)
        actions.addWidget(QLabel("hoặc kéo thả tệp vào cửa sổ này."))
        actions.addStretch(1)
        actions.addWidget(QLabel("Kỳ:"))
        self.period_combo = QComboBox()
        self.period_combo.setObjectName("period")
        self.period_combo.currentIndexChanged.connect(self._period_changed)
        actions.addWidget(self.period_combo)
        self.print_button = QPushButton("In phụ lục tổng hợp…")
        self.print_button.setObjectName("print")
        self.print_button.clicked.connect(self.choose_print)
        actions.addWidget(self.print_button)
        lay.addLayout(actions)

        self.tabs = QTabWidget()
        self.matrix = _table([])
        self.figures = _table(["Mã", "Chỉ tiêu", "Đơn vị tính", "Tổng hợp", "Cách tính"])
        self.by_unit = _table([])
        self.files = _table(["Tệp", "Đơn vị", "Các kỳ", "Tạo lúc", "Nhận lúc", "Trạng thái", "Ghi chú"])
        self.refused_table = _table(["Tệp", "Lý do không nhận"])
        self.matrix.currentCellChanged.connect(self._matrix_cell)
        self.matrix_label = QLabel("Chọn một ô để xem kết quả kiểm tra số liệu của đơn vị trong kỳ đó.")
        self.matrix_label.setWordWrap(True)
        self.matrix_label.setTextFormat(Qt.PlainText)   # unit names come from received files
        self.matrix_findings = QListWidget()
        self.matrix_findings.setObjectName("matrixFindings")
        self.matrix_findings.setWordWrap(True)
        below = QWidget()
        below_lay = QVBoxLayout(below)
        below_lay.setContentsMargins(0, 0, 0, 0)
        below_lay.addWidget(self.matrix_label)
        below_lay.addWidget(self.matrix_findings, 1)
        self.matrix_page = QSplitter(Qt.Vertical)
        self.matrix_page.addWidget(self.matrix)
        self.matrix_page.addWidget(below)
        self.matrix_page.setStretchFactor(0, 3)
        self.matrix_page.setStretchFactor(1, 1)
        self._matrix_keys: list = []
        self.tabs.addTab(self.matrix_page, "Đơn vị × kỳ")
        self.tabs.addTab(self.figures, "Số liệu tổng hợp")
        self.tabs.addTab(self.by_unit, "Từng đơn vị")
        self.tabs.addTab(self.files, "Tệp đã nhận")
        self.tabs.addTab(self.refused_table, "Tệp bị từ chối")
        lay.addWidget(self.tabs, 1)

        self.status = QLabel("")
        self.status.setObjectName("status")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.PlainText)   # file names and reasons from received files
        lay.addWidget(self.status)

        self._default_dir = Path(ws.path).parent if ws is not None and getattr(ws, "path", None) else Path.home()
        if ws is not None and consolidation.is_consolidation(ws):
            self.set_workspace(ws, owned=False)
        else:
            self._enable(False)
            self.status.setText("Mở hoặc tạo một tệp tổng hợp để nhận tệp của các đơn vị.")

    # ---- the consolidation workspace ----
    def set_workspace(self, ws: Workspace, owned: bool = True):
        self._close_owned()
        self.cws, self._owned = ws, owned
        unit = ws.unit()
        self.file_label.setTextFormat(Qt.RichText)
        self.file_label.setText(f"<b>{html.escape(unit['name'])}</b> — {html.escape(Path(ws.path).name)}")
        self._enable(True)
        try:   # checks an earlier session left unfinished (the figures themselves are whole)
            consolidation.check_received(ws)
        except WorkspaceError as exc:
            self.status.setText(str(exc))
        self.refresh()

    def open_path(self, path) -> bool:
        """Open (or create, when missing) the consolidation file at *path*."""
        try:
            ws = consolidation.open_or_create(path, exclusive=True)   # one window edits it
        except WorkspaceError as exc:
            self.status.setText(str(exc))
            return False
        self.set_workspace(ws, owned=True)
        return True

    def choose_open(self):
        name, _ = QFileDialog.getOpenFileName(self, "Mở tệp tổng hợp", str(self._default_dir),
                                              "Tệp dữ liệu CCHC (*.cchc *.sqlite);;Mọi tệp (*)")
        if name:
            self.open_path(name)

    def choose_new(self):
        name, _ = QFileDialog.getSaveFileName(self, "Tạo tệp tổng hợp mới", str(self._default_dir / "tong-hop.cchc"),
                                              "Tệp dữ liệu CCHC (*.cchc)")
        if name:
            if Path(name).exists():
                self.status.setText(f"Tệp “{Path(name).name}” đã có; chọn tên khác hoặc mở tệp đó.")
                return
            self.open_path(name)

    def _enable(self, on: bool):
        for w in (self.import_button, self.folder_button, self.period_combo, self.print_button):
            w.setEnabled(on)

    def _close_owned(self):
        if self.cws is not None and self._owned:
            self.cws.close()
        self.cws, self._owned = None, False

    def closeEvent(self, event):
        self._close_owned()
        super().closeEvent(event)

    # ---- importing ----
    def choose_files(self):
        names, _ = QFileDialog.getOpenFileNames(self, "Chọn tệp của các đơn vị", str(self._default_dir),
                                                "Tệp sao lưu CCHC (*.sqlite *.zip);;Mọi tệp (*)")
        if names:
            self.import_paths(names)

    def choose_folder(self):
        name = QFileDialog.getExistingDirectory(self, "Chọn thư mục chứa tệp của các đơn vị", str(self._default_dir))
        if name:
            self.import_paths([name])

    def import_paths(self, paths):
        """Check and take in the files (a folder counts as its .sqlite/.zip files)."""
        if self.cws is None:
            self.status.setText("Chưa mở tệp tổng hợp.")
            return None
        QApplication.setOverrideCursor(Qt.WaitCursor)   # 200 files: about a second with the checks
        try:
            result = consolidation.import_files(self.cws, paths, all_or_nothing=False)
        except WorkspaceError as exc:
            self.status.setText(str(exc))
            return None
        finally:
            QApplication.restoreOverrideCursor()
        names = {r.path for r in result.refused}
        self.refused = [r for r in self.refused if r.path not in names] + result.refused
        accepted = {(i.unit_slug, c) for i in result.accepted for c in i.periods}
        self.refused = [r for r in self.refused if not self._refusal_cleared(r, accepted)]
        parts = [f"Đã nhận {len(result.accepted)} tệp"]
        if result.duplicates:
            parts.append(f"{len(result.duplicates)} tệp đã nhận từ trước")
        if result.older:
            # an older file arriving after a newer one: named, so the officer can ask the unit
            names = ", ".join(f"{info.path.name} (kỳ {code})" for info, code in result.older[:5])
            more = f" và {len(result.older) - 5} kỳ khác" if len(result.older) > 5 else ""
            parts.append(f"{len(result.older)} kỳ cũ hơn số liệu đang dùng, chỉ lưu lịch sử "
                         f"(tệp tạo trước tệp đã nhận): {names}{more}")
        with_errors = [i for i in result.accepted if any(c.errors for c in result.checked(i).values())]
        if with_errors:
            parts.append(f"{len(with_errors)} tệp có số liệu không qua kiểm tra (ô “Có lỗi” trong bảng đơn vị × kỳ)")
        if result.refused:
            parts.append(f"{len(result.refused)} tệp bị từ chối (xem thẻ “Tệp bị từ chối”)")
        text = "; ".join(parts) + "."
        for info, name in result.renamed:
            text += "\n" + consolidation.renamed_text(info, name)
        self.status.setText(text)
        if result.periods and self.code not in result.periods:
            self.code = result.periods[-1]
        self.refresh()
        if result.refused and not result.accepted:
            self.tabs.setCurrentWidget(self.refused_table)
        self.changed.emit()
        return result

    @staticmethod
    def _refusal_cleared(refusal, accepted) -> bool:
        from ..backup import NAME_PATTERN
        m = NAME_PATTERN.match(refusal.path.name)
        return bool(m) and (m.group(1), m.group(2)) in accepted

    def dragEnterEvent(self, event):
        if event.mimeData().hasUrls() and self.cws is not None:
            event.acceptProposedAction()

    def dropEvent(self, event):
        paths = [u.toLocalFile() for u in event.mimeData().urls() if u.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.import_paths(paths)

    # ---- showing ----
    def _period_changed(self, index: int):
        if index < 0:   # emptied; itemData(-1) would hand back an invalid QVariant
            return
        code = self.period_combo.itemData(index)
        if code and code != self.code:
            self.code = code
            self._fill_period()

    def refresh(self):
        if self.cws is None:
            return
        codes = consolidation.received_periods(self.cws)
        if self.code not in codes:
            self.code = codes[-1] if codes else None
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for c in codes:
            self.period_combo.addItem(periods.parse_code(c).label, c)
        if self.code:
            self.period_combo.setCurrentIndex(codes.index(self.code))
        self.period_combo.blockSignals(False)
        self.print_button.setEnabled(bool(self.code))
        self._fill_matrix()
        self._fill_files()
        self._fill_refused()
        self._fill_period()

    def _fill_matrix(self):
        units, codes, cells = consolidation.matrix(self.cws, self.refused)
        t = self.matrix
        t.setRowCount(0)
        t.setColumnCount(1 + len(codes))
        t.setHorizontalHeaderLabels(["Đơn vị"] + [periods.parse_code(c).label for c in codes])
        t.setRowCount(len(units))
        checks = consolidation.checks(self.cws)
        self._matrix_keys = [(slug, name, codes) for slug, name in units]
        for r, (slug, name) in enumerate(units):
            t.setItem(r, 0, _item(name, slug))
            for c, code in enumerate(codes, 1):
                status, detail = cells[(slug, code)]
                text = consolidation.STATUS_LABELS[status]
                checked = checks.get((slug, code))
                if status == consolidation.INVALID and checked is not None:
                    text = f"{text} ({format_number(checked.errors)})"
                item = _item(text, detail or None)
                item.setBackground(QBrush(QColor(STATUS_COLOURS[status])))
                item.setTextAlignment(Qt.AlignCenter)
                t.setItem(r, c, item)
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self._show_findings(None, None)

    def _matrix_cell(self, row: int, column: int, *_):
        if self.cws is None or not (0 <= row < len(self._matrix_keys)) or column < 1:
            self._show_findings(None, None)
            return
        slug, name, codes = self._matrix_keys[row]
        self._show_findings((slug, name), codes[column - 1] if column - 1 < len(codes) else None)

    def _show_findings(self, unit, code):
        """List what the checks found in a unit's figures of a period (the chosen matrix cell)."""
        self.matrix_findings.clear()
        if unit is None or code is None:
            self.matrix_label.setText("Chọn một ô để xem kết quả kiểm tra số liệu của đơn vị trong kỳ đó.")
            return
        slug, name = unit
        label = periods.parse_code(code).label
        checked = consolidation.checks(self.cws, (slug, code)).get((slug, code))
        if checked is None:
            refused = [r for r in self.refused if self._refusal_cleared(r, {(slug, code)})]
            self.matrix_label.setText(f"{name} – {label}: chưa có số liệu được nhận.")
            for r in refused:
                item = QListWidgetItem(f"Tệp bị từ chối: {r.reason}")
                item.setForeground(QBrush(QColor(SEVERITY_COLOURS["error"])))
                self.matrix_findings.addItem(item)
            return
        if checked.pending:
            self.matrix_label.setText(f"{name} – {label}: số liệu đã nhận, chưa kiểm tra.")
            return
        self.matrix_label.setText(f"{name} – {label}: kiểm tra số liệu: {checked.summary()}.")
        for f in consolidation.period_findings(self.cws, slug, code):
            item = QListWidgetItem(consolidation.finding_text(f))
            colour = "explained" if f.get("acknowledged") else f["severity"]
            item.setForeground(QBrush(QColor(SEVERITY_COLOURS.get(colour, "#000000"))))
            item.setToolTip(f["rule"])
            self.matrix_findings.addItem(item)

    def _fill_files(self):
        rows = consolidation.received(self.cws)
        t = self.files
        t.setRowCount(len(rows))
        for r, f in enumerate(rows):
            labels = []
            for c in filter(None, f["periods"].split(",")):
                try:
                    labels.append(periods.parse_code(c).label)
                except periods.PeriodError:
                    labels.append(c)
            values = [f["file_name"], f["unit_name"], ", ".join(labels), _when(f["made_at"]),
                      _when(f["received_at"]), FILE_STATUS.get(f["status"], f["status"]), f["reason"]]
            for c, v in enumerate(values):
                t.setItem(r, c, _item(v, f"SHA-256: {f['sha256']}" if c == 0 else None))
        t.resizeColumnsToContents()

    def _fill_refused(self):
        t = self.refused_table
        t.setRowCount(len(self.refused))
        for r, ref in enumerate(self.refused):
            t.setItem(r, 0, _item(ref.name, str(ref.path)))
            t.setItem(r, 1, _item(ref.reason, ref.reason))
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.Stretch)
        self.tabs.setTabText(4, f"Tệp bị từ chối ({len(self.refused)})" if self.refused else "Tệp bị từ chối")

    def _fill_period(self):
        self.figures.setRowCount(0)
        self.by_unit.setRowCount(0)
        self.by_unit.setColumnCount(0)
        if self.cws is None or not self.code:
            return
        cat = self.cws.catalogue
        cells = rollup.values(self.cws, self.code) if self.cws.find_period(self.code) else {}
        counts = consolidation.code_counts_text(self.cws, self.code)
        rows = []
        for ind in cat:
            if ind.kind == "code" and ind.key in counts:
                rows.append((ind, counts[ind.key], "đếm số đơn vị theo câu trả lời"))
            elif ind.key in cells and cells[ind.key].value is not None:
                how = "tính lại từ các thành phần đã cộng" if ind.derived else "cộng các đơn vị"
                rows.append((ind, _show(cells[ind.key].value, ind), how))
        t = self.figures
        t.setRowCount(len(rows))
        for r, (ind, text, how) in enumerate(rows):
            t.setItem(r, 0, _item(ind.key))
            t.setItem(r, 1, _item(ind.label, ind.help or None))
            t.setItem(r, 2, _item(ind.unit))
            t.setItem(r, 3, _item(text, align_right=ind.kind != "code"))
            t.setItem(r, 4, _item(how))
        t.resizeColumnsToContents()
        t.setColumnWidth(1, min(t.columnWidth(1), 420))

        units, table_rows = consolidation.unit_table(self.cws, self.code)
        u = self.by_unit
        u.setColumnCount(2 + len(units) + 1)
        u.setHorizontalHeaderLabels(["Chỉ tiêu", "Đơn vị tính"] + [n for _, n in units] + ["Tổng hợp"])
        u.setRowCount(len(table_rows))
        for r, row in enumerate(table_rows):
            ind = cat.get(row["key"])
            u.setItem(r, 0, _item(row["label"], row["key"]))
            u.setItem(r, 1, _item(row["unit"]))
            for c, (slug, _) in enumerate(units, 2):
                v = row["values"].get(slug)
                if ind is not None and ind.kind == "code" and v is not None:
                    text = self.cws.code_list(ind.key).get(v, v)
                else:
                    text = _show(v, ind)
                u.setItem(r, c, _item(text, align_right=ind is None or ind.kind != "code"))
            total = row["total"]
            u.setItem(r, 2 + len(units), _item(
                total if isinstance(total, str) else _show(total, ind) if total is not None else "—",
                None if total is not None else "Tỷ lệ nhập trực tiếp: không cộng, không lấy trung bình",
                align_right=True))
        u.resizeColumnsToContents()
        u.setColumnWidth(0, min(u.columnWidth(0), 360))

    # ---- printing ----
    def choose_print(self):
        name = QFileDialog.getExistingDirectory(self, "Chọn thư mục ghi phụ lục tổng hợp", str(self._default_dir))
        if name:
            files = self.print_appendices(Path(name))
            if files:
                QDesktopServices.openUrl(QUrl.fromLocalFile(name))

    def print_appendices(self, out_dir, formats=("pdf", "xlsx")) -> list[Path]:
        """Write the consolidated documents of the shown period into *out_dir*."""
        if self.cws is None or not self.code:
            self.status.setText("Chưa có kỳ nào để in.")
            return []
        try:
            from .. import reports
            make = reports.make_documents
        except (ImportError, AttributeError):
            self.status.setText("Phiên bản này chưa có chức năng in phụ lục.")
            return []
        try:
            files = make(self.cws, self.code, out_dir, formats)
        except WorkspaceError as exc:
            self.status.setText(f"Không in được: {exc}")
            return []
        self.status.setText(f"Đã ghi {len(files)} tệp vào {out_dir}: " + ", ".join(Path(f).name for f in files))
        return [Path(f) for f in files]


def _when(text: str | None) -> str:
    import datetime as dt
    try:
        return dt.datetime.fromisoformat(text).strftime("%d/%m/%Y %H:%M")
    except (TypeError, ValueError):
        return text or ""
