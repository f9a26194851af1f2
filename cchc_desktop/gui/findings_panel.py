"""The findings panel: what the checks found in a period, grouped by reform area.

Errors (lỗi) and warnings (cảnh báo) show with their icon and colour; a click emits
:attr:`FindingsPanel.keyActivated` with the first key of the finding so the window can go
to that field.  The panel listens to the workspace and checks again shortly after each
change (a full check takes a few milliseconds), so the list follows the officer's typing.
A warning can be acknowledged with a comment, which is kept with the period.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QLineEdit, QPushButton, QStyle, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from .. import rules
from ..store import WorkspaceError

ERROR_COLOUR, WARNING_COLOUR, DONE_COLOUR = "#b3261e", "#8a5a00", "#5f6368"
FINDING_ROLE = Qt.UserRole + 1


class FindingsPanel(QWidget):
    """Findings of one period; call :meth:`set_period`, then it keeps itself up to date."""

    keyActivated = Signal(str)

    def __init__(self, ws=None, code: str | None = None, parent: QWidget | None = None):
        if isinstance(ws, QWidget) and parent is None:   # FindingsPanel(parent) as the window makes it
            ws, parent = None, ws
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.ws, self.code = None, None
        self.findings: list[rules.Finding] = []
        self.summary = QLabel()
        self.summary.setObjectName("findingsSummary")
        self.summary.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("findingsTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Nội dung", "Giải trình"])
        self.tree.setRootIsDecorated(True)
        self.tree.setWordWrap(True)
        self.tree.setUniformRowHeights(False)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.Interactive)
        self.tree.setColumnWidth(1, 240)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.tree.currentItemChanged.connect(self._selection_changed)
        self.comment = QLineEdit()
        self.comment.setObjectName("ackComment")
        self.comment.setPlaceholderText("Giải trình cho cảnh báo đang chọn (ví dụ: đợt cấp đổi giấy tờ hàng loạt)")
        self.ack_button = QPushButton("Ghi nhận cảnh báo")
        self.ack_button.setObjectName("ackButton")
        self.ack_button.setToolTip("Giữ lời giải trình cùng kỳ báo cáo; cảnh báo đã ghi nhận không cần xác nhận lại khi chốt số liệu.")
        self.ack_button.clicked.connect(self.acknowledge_current)
        self.ack_button.setEnabled(False)
        self.comment.setEnabled(False)
        self.comment.returnPressed.connect(self.acknowledge_current)
        self.recheck = QPushButton("Kiểm tra lại")
        self.recheck.clicked.connect(self.refresh)
        self.message = QLabel()
        self.message.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.message.setStyleSheet(f"color: {ERROR_COLOUR}")
        self.message.setWordWrap(True)
        ack_row = QHBoxLayout()
        ack_row.addWidget(self.comment, 1)
        ack_row.addWidget(self.ack_button)
        ack_row.addWidget(self.recheck)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.tree, 1)
        layout.addLayout(ack_row)
        layout.addWidget(self.message)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.refresh)
        if ws is not None and code:
            self.set_period(ws, code)

    # ---- period and refresh -------------------------------------------------------
    def set_period(self, ws, code: str | None = None):
        """Show the findings of *code* in *ws* and follow the workspace's changes."""
        if isinstance(ws, str) and code is None:   # set_period(code) on the same workspace
            ws, code = self.ws, ws
        if self.ws is not None and self.ws is not ws:
            self._unlisten()
        if self.ws is not ws:
            self.ws = ws
            ws.listeners.append(self._on_change)
        self.code = code
        self.refresh()

    def _unlisten(self):
        try:
            self.ws.listeners.remove(self._on_change)
        except (ValueError, AttributeError):
            pass

    def closeEvent(self, event):
        self._unlisten()
        super().closeEvent(event)

    def _on_change(self, changes):
        # Coalesce a burst of changes (a pasted column) into one check after a short pause.
        try:
            self._timer.start()
        except RuntimeError:   # the widget is gone; stop listening
            if self.ws is not None and self._on_change in self.ws.listeners:
                self.ws.listeners.remove(self._on_change)

    def refresh(self):
        """Check the period again and show the result."""
        self.tree.clear()
        self.message.clear()
        if self.ws is None or not self.code or self.ws.conn is None:
            self.findings = []
            self.summary.setText("Chưa chọn kỳ báo cáo.")
            return
        try:
            self.findings = rules.check(self.ws, self.code)
        except WorkspaceError as exc:
            self.findings = []
            self.summary.setText(str(exc))
            return
        self._fill()

    def _fill(self):
        style = self.style()
        icons = {rules.ERROR: style.standardIcon(QStyle.SP_MessageBoxCritical),
                 rules.WARNING: style.standardIcon(QStyle.SP_MessageBoxWarning)}
        groups: dict = {}
        for f in self.findings:
            groups.setdefault(f.area, []).append(f)
        for area in sorted(groups, key=lambda a: (a is not None, a or 0)):
            items = groups[area]
            errors = sum(1 for f in items if f.severity == rules.ERROR)
            warnings = len(items) - errors
            title = self._area_title(area)
            counts = ", ".join(x for x in (f"{errors} lỗi" if errors else "",
                                           f"{warnings} cảnh báo" if warnings else "") if x)
            top = QTreeWidgetItem([f"{title} ({counts})", ""])
            font = top.font(0)
            font.setBold(True)
            top.setFont(0, font)
            top.setFlags(Qt.ItemIsEnabled)
            self.tree.addTopLevelItem(top)
            for f in items:
                label = rules.SEVERITY_LABELS[f.severity]
                item = QTreeWidgetItem([f"{label}: {f.message}", f.acknowledged or ""])
                item.setIcon(0, icons[f.severity])
                colour = DONE_COLOUR if f.acknowledged else (ERROR_COLOUR if f.severity == rules.ERROR else WARNING_COLOUR)
                item.setForeground(0, QBrush(QColor(colour)))
                item.setToolTip(0, f"{f.message}\nQuy tắc: {f.rule}\nMã chỉ tiêu: {', '.join(f.keys)}\n"
                                   "Bấm để đến ô số liệu.")
                item.setData(0, FINDING_ROLE, f)
                top.addChild(item)
            top.setExpanded(True)
        errors = sum(1 for f in self.findings if f.severity == rules.ERROR)
        warnings = len(self.findings) - errors
        open_warnings = sum(1 for f in self.findings if f.severity == rules.WARNING and not f.acknowledged)
        if not self.findings:
            self.summary.setText("Không phát hiện lỗi hay cảnh báo nào trong số liệu của kỳ này.")
            self.summary.setStyleSheet("color: #1e6b2e")
        else:
            text = f"{errors} lỗi, {warnings} cảnh báo"
            if warnings and open_warnings < warnings:
                text += f" ({warnings - open_warnings} đã ghi nhận)"
            text += ". " + ("Sửa hết lỗi trước khi chốt số liệu." if errors else "Có thể chốt số liệu sau khi xác nhận các cảnh báo.")
            self.summary.setText(text)
            self.summary.setStyleSheet(f"color: {ERROR_COLOUR if errors else WARNING_COLOUR}")
        self._selection_changed(self.tree.currentItem(), None)

    def _area_title(self, area) -> str:
        if area is None:
            return "Kỳ báo cáo"
        try:
            return f"{area}. {self.ws.catalogue.area(area).label}"
        except KeyError:
            return f"Lĩnh vực {area}"

    # ---- interaction --------------------------------------------------------------
    def finding_items(self) -> list[QTreeWidgetItem]:
        """The tree items that hold a finding, in display order."""
        out = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            out.extend(top.child(j) for j in range(top.childCount()))
        return out

    def _activated(self, item, column=0):
        f = item.data(0, FINDING_ROLE) if item is not None else None
        if f is not None and f.keys:
            self.keyActivated.emit(f.keys[0])

    def _selection_changed(self, current, previous):
        f = current.data(0, FINDING_ROLE) if current is not None else None
        ok = f is not None and f.severity == rules.WARNING
        self.comment.setEnabled(ok)
        self.ack_button.setEnabled(ok)
        self.comment.setText((f.acknowledged or "") if ok else "")
        self.ack_button.setText("Sửa giải trình" if ok and f.acknowledged else "Ghi nhận cảnh báo")

    def acknowledge_current(self):
        """Keep the comment typed for the selected warning."""
        item = self.tree.currentItem()
        f = item.data(0, FINDING_ROLE) if item is not None else None
        if f is None or f.severity != rules.WARNING:
            return
        comment = self.comment.text().strip()
        if not comment and not f.acknowledged:
            self.message.setText("Nhập lời giải trình trước khi ghi nhận cảnh báo.")
            return
        try:
            rules.acknowledge(self.ws, self.code, f, comment)
        except WorkspaceError as exc:
            self.message.setText(str(exc))
            return
        self._timer.stop()
        self.refresh()


if __name__ == "__main__":   # preview: the sample workspace with a wrong total typed in
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
    ws.set_values("2022-H1", [("dossier.received_total", 2300), ("staff.quota", 16), ("staff.present", 18)])
    panel = FindingsPanel()
    panel.set_period(ws, "2022-H1")
    panel.keyActivated.connect(lambda key: print("→", key))
    panel.resize(900, 420)
    panel.show()
    sys.exit(app.exec())
