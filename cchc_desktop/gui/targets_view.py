"""Targets and trends in the window: each plan target met or not with its gap, and a chart
of the key rates over the periods against their targets (QtCharts).

The figures come from the core (:mod:`cchc_desktop.reports.tables` and
:mod:`cchc_desktop.reports.charts`), the same as in the printed PDF.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractItemView, QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem,
                               QVBoxLayout, QWidget)

from .. import targets
from ..reports import charts, tables

STATUS_COLOURS = {targets.STATUS_LABELS[targets.MET]: "#d9f2d9", targets.STATUS_LABELS[targets.NOT_MET]: "#f9d6d5",
                  targets.STATUS_LABELS[targets.NO_DATA]: "#eeeeee", targets.STATUS_LABELS[targets.IN_PROGRESS]: "#fff3cd"}


class TargetsView(QWidget):
    """Targets table and trend chart of period *code*."""

    def __init__(self, ws, code: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ws, self.code = ws, code
        self.table = QTableWidget()
        self.table.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.message = QLabel()
        self.message.setProperty("textFormat", 0)   # Qt.PlainText: data as typed, never rich text
        self.message.setWordWrap(True)
        self.chart_view = self._make_chart_view()
        split = QSplitter(Qt.Vertical)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self.message)
        top_layout.addWidget(self.table)
        split.addWidget(top)
        split.addWidget(self.chart_view)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self.refresh()

    @staticmethod
    def _make_chart_view():
        from PySide6.QtCharts import QChart, QChartView
        view = QChartView(QChart())
        view.setRenderHint(QPainter.Antialiasing)
        view.setMinimumHeight(260)
        return view

    def refresh(self):
        """Read the targets and the figures again."""
        from ..reports.targets_pdf import targets_table
        t = targets_table(self.ws, self.code)
        headers = t.header[0][1:]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(t.rows))
        for r, row in enumerate(t.rows):
            status = row.cells[5].text
            for c, cell in enumerate(row.cells[1:]):
                item = QTableWidgetItem(cell.text)
                if c >= 2:
                    item.setTextAlignment(Qt.AlignCenter)
                if status in STATUS_COLOURS:
                    item.setBackground(QBrush(QColor(STATUS_COLOURS[status])))
                self.table.setItem(r, c, item)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        if not t.rows:
            self.message.setText("Chưa có mục tiêu kế hoạch nào áp dụng cho kỳ này (nhập kế hoạch CCHC của đơn vị).")
        else:
            met = sum(1 for row in t.rows if row.cells[5].text == targets.STATUS_LABELS[targets.MET])
            self.message.setText(f"Đạt {met}/{len(t.rows)} mục tiêu.")
        self.codes, self.series = charts.trend(self.ws, self.code)
        self._fill_chart()

    def _fill_chart(self):
        from PySide6.QtCharts import QBarCategoryAxis, QChart, QLineSeries, QValueAxis
        chart = QChart()
        chart.setTitle("Các tỷ lệ chủ yếu qua các kỳ (nét đứt: mục tiêu)")
        chart.legend().setAlignment(Qt.AlignBottom)
        axis_x = QBarCategoryAxis()
        from .. import periods
        axis_x.append([periods.parse_code(c).label for c in self.codes] or [""])
        axis_y = QValueAxis()
        axis_y.setRange(0, 100)
        axis_y.setLabelFormat("%d%%")
        chart.addAxis(axis_x, Qt.AlignBottom)
        chart.addAxis(axis_y, Qt.AlignLeft)
        for i, s in enumerate(self.series):
            colour = QColor(charts.COLOURS[i % len(charts.COLOURS)])
            line = QLineSeries()
            line.setName(s.label)
            for x, (_, v) in enumerate(s.points):
                if v is not None:
                    line.append(x, v)
            line.setPen(QPen(colour, 2))
            line.setPointsVisible(True)
            chart.addSeries(line)
            line.attachAxis(axis_x)
            line.attachAxis(axis_y)
            if s.target is not None and self.codes:
                aim = QLineSeries()
                aim.setName(f"Mục tiêu: {tables.format_value(None, s.target)[0]}%")
                # across the whole plot, also when there is a single period
                aim.append(-0.5, s.target)
                aim.append(len(self.codes) - 0.5, s.target)
                pen = QPen(colour, 1.5)
                pen.setStyle(Qt.DashLine)
                aim.setPen(pen)
                chart.addSeries(aim)
                aim.attachAxis(axis_x)
                aim.attachAxis(axis_y)
        self.chart_view.setChart(chart)
        self.chart = chart


if __name__ == "__main__":   # python -m cchc_desktop.gui.targets_view WORKSPACE PERIOD
    import sys

    from PySide6.QtWidgets import QApplication

    from ..store import Workspace
    app = QApplication(sys.argv)
    with Workspace.open(sys.argv[1]) as w:
        view = TargetsView(w, sys.argv[2])
        view.resize(900, 700)
        view.show()
        app.exec()
