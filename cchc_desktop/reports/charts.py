"""Targets and trends: the key rates of every period against the plan's targets.

:func:`trend` gathers the data (core, no drawing library); :func:`drawing` turns it
into a reportlab chart for the PDF; the window draws the same data with QtCharts.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .. import periods, rollup
from . import tables

KEY_RATES = (
    ("dossier.on_time_rate", "Hồ sơ giải quyết trước hạn, đúng hạn"),
    ("dossier.online_rate", "Hồ sơ nộp trực tuyến"),
    ("survey.satisfaction_rate", "Mức độ hài lòng"),
    ("digitization.results_rate", "Số hóa kết quả giải quyết TTHC"),
)
COLOURS = ("#1f4e9c", "#c0392b", "#2e8b57", "#b8860b", "#6a3d9a", "#555555")


@dataclass
class Series:
    key: str
    label: str
    points: list = field(default_factory=list)    # (period code, value or None)
    target: float | None = None                   # the aim for the year of the last period


def trend(ws, code: str, keys=KEY_RATES, limit: int = 8) -> tuple[list[str], list[Series]]:
    """(period codes, one Series per key rate) for the periods up to *code*, oldest first.

    Periods of the same kind as *code* are compared (quarters with quarters, 6 months
    with 6 months) so that a flow is never set against a longer period's total.
    """
    kind = periods.parse_code(code).kind
    codes = [p.code for p in ws.periods()
             if p.kind == kind and periods.sort_key(p.code) <= periods.sort_key(code)][-limit:]
    figures = {c: rollup.values(ws, c) for c in codes}
    targets = {}
    for r in tables.target_results(ws, code) or []:
        for k in getattr(r, "keys", ()) or ():
            if r.target is not None and k not in targets:
                targets[k] = r.target
    out = []
    for key, label in keys:
        s = Series(key, label, target=targets.get(key))
        for c in codes:
            cell = figures[c].get(key)
            s.points.append((c, round(float(cell.value), 2) if cell is not None and cell.value is not None else None))
        out.append(s)
    return codes, [s for s in out if any(v is not None for _, v in s.points) or s.target is not None]


def drawing(codes: list[str], series: list[Series], width: float, height: float = 200):
    """A reportlab Drawing: one line per rate, its target as a dashed line of the same colour."""
    from reportlab.graphics.charts.legends import Legend
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing, Line, String
    from reportlab.lib import colors

    from . import fonts

    fonts.register()
    d = Drawing(width, height)
    if not codes or not series:
        d.add(String(width / 2, height / 2, "Chưa có số liệu", fontName=fonts.ITALIC, fontSize=12, textAnchor="middle"))
        return d
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 60
    chart.width, chart.height = width - 60, height - 80
    chart.data = [[v for _, v in s.points] for s in series]
    chart.categoryAxis.categoryNames = [periods.parse_code(c).label.replace(" năm ", " ") for c in codes]
    chart.categoryAxis.labels.fontName = fonts.REGULAR
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.valueMin, chart.valueAxis.valueMax, chart.valueAxis.valueStep = 0, 100, 20
    chart.valueAxis.labels.fontName = fonts.REGULAR
    chart.valueAxis.labels.fontSize = 9
    chart.valueAxis.labelTextFormat = "%d%%"
    chart.joinedLines = 1
    for i, _ in enumerate(series):
        chart.lines[i].strokeColor = colors.HexColor(COLOURS[i % len(COLOURS)])
        chart.lines[i].strokeWidth = 1.6
    from reportlab.graphics.widgets.markers import makeMarker
    for i, _ in enumerate(series):
        chart.lines[i].symbol = makeMarker("FilledCircle", size=4)
    d.add(chart)
    for i, s in enumerate(series):
        if s.target is None:
            continue
        y = chart.y + chart.height * max(0.0, min(100.0, s.target)) / 100
        d.add(Line(chart.x, y, chart.x + chart.width, y, strokeColor=colors.HexColor(COLOURS[i % len(COLOURS)]),
                   strokeDashArray=[4, 3], strokeWidth=0.9))
    legend = Legend()
    legend.x, legend.y = 40, 40
    legend.fontName, legend.fontSize = fonts.REGULAR, 9
    legend.alignment = "right"
    legend.columnMaximum = 2
    legend.dx = legend.dy = 8
    legend.colorNamePairs = [(colors.HexColor(COLOURS[i % len(COLOURS)]),
                              s.label + (f" (mục tiêu {tables.format_value(None, s.target)[0]}%)"
                                         if s.target is not None else ""))
                             for i, s in enumerate(series)]
    d.add(legend)
    return d
