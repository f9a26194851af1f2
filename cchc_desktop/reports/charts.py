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


def trend(ws, code: str, keys=KEY_RATES, limit: int = 8, values: dict | None = None,
          results: list | None = None) -> tuple[list[str], list[Series]]:
    """(period codes, one Series per key rate) for the periods up to *code*, oldest first.

    Periods of the same kind as *code* are compared (quarters with quarters, 6 months
    with 6 months) so that a flow is never set against a longer period's total.
    """
    kind = periods.parse_code(code).kind
    codes = [p.code for p in ws.periods()
             if p.kind == kind and periods.sort_key(p.code) <= periods.sort_key(code)][-limit:]
    # the period's own figures and targets as the documents computed them (*values*, *results*)
    figures = {c: values if c == code and values is not None else rollup.values(ws, c) for c in codes}
    targets = {}
    for r in (results if results is not None else tables.target_results(ws, code, values)) or []:
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
    """A reportlab Drawing: one line per rate, its target as a dashed line of the same colour.

    Drawn from plain shapes: a period without a figure leaves a gap in its line.
    """
    from reportlab.graphics import shapes
    from reportlab.graphics.shapes import Circle, Drawing, Line, PolyLine, String
    from reportlab.lib import colors

    from . import fonts

    fonts.register()
    # the renderer starts every drawing in this font; left at Helvetica it lands unembedded in the PDF
    shapes.STATE_DEFAULTS["fontName"] = fonts.REGULAR
    d = Drawing(width, height)
    if not codes or not series:
        d.add(String(width / 2, height / 2, "Chưa có số liệu", fontName=fonts.ITALIC, fontSize=12, textAnchor="middle"))
        return d
    legend_h = 14 * ((len(series) + 1) // 2) + 6
    x0, y0 = 34, 24 + legend_h
    w, h = width - x0 - 10, height - y0 - 8
    grey = colors.HexColor("#bbbbbb")
    for pct in range(0, 101, 20):
        y = y0 + h * pct / 100
        d.add(Line(x0, y, x0 + w, y, strokeColor=grey, strokeWidth=0.4))
        d.add(String(x0 - 4, y - 3, f"{pct}%", fontName=fonts.REGULAR, fontSize=8, textAnchor="end"))
    step = w / len(codes)

    def xpos(i):
        return x0 + step * (i + 0.5)

    for i, c in enumerate(codes):
        d.add(String(xpos(i), y0 - 12, periods.parse_code(c).label.replace(" năm ", " "), fontName=fonts.REGULAR,
                     fontSize=8, textAnchor="middle"))
    d.add(Line(x0, y0, x0 + w, y0, strokeColor=colors.black, strokeWidth=0.6))
    d.add(Line(x0, y0, x0, y0 + h, strokeColor=colors.black, strokeWidth=0.6))
    for k, s in enumerate(series):
        colour = colors.HexColor(COLOURS[k % len(COLOURS)])
        run = []
        for i, (_, v) in enumerate(s.points + [(None, None)]):
            if v is not None:
                run.append((xpos(i), y0 + h * max(0.0, min(100.0, v)) / 100))
                continue
            if len(run) >= 2:
                d.add(PolyLine([c for pt in run for c in pt], strokeColor=colour, strokeWidth=1.6))
            for px, py in run:
                d.add(Circle(px, py, 2.4, fillColor=colour, strokeColor=colour))
            run = []
        if s.target is not None:
            y = y0 + h * max(0.0, min(100.0, s.target)) / 100
            d.add(Line(x0, y, x0 + w, y, strokeColor=colour, strokeDashArray=[4, 3], strokeWidth=0.9))
        # legend, two columns under the axis
        lx = x0 + (k % 2) * (w / 2)
        ly = y0 - 28 - 14 * (k // 2)
        d.add(Line(lx, ly + 3, lx + 14, ly + 3, strokeColor=colour, strokeWidth=2))
        label = s.label + (f" (mục tiêu {tables.format_value(None, s.target)[0]}%)" if s.target is not None else "")
        d.add(String(lx + 18, ly, label, fontName=fonts.REGULAR, fontSize=8.5))
    return d
