"""Targets and trends as a PDF: each plan target met or not, with the gap, and a chart
of the key rates over the periods against their targets."""
from __future__ import annotations

from pathlib import Path

from . import appendix_pdf, charts, pdfkit, tables, watermark


def targets_table(ws, code: str, values: dict | None = None) -> tables.Table:
    from ..templates import Appendix
    app = Appendix(id="muc-tieu", label="KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH",
                   heading=("{period_label_upper}",), kind="targets")
    return tables.build(ws, code, app, values)


def write(ws, code: str, path, values: dict | None = None) -> Path:
    """Write the targets table and the trend chart of period *code* to *path*."""
    from reportlab.platypus import KeepTogether, Paragraph, Spacer

    path = Path(path)
    doc, state = pdfkit.document(path, f"Mục tiêu và xu hướng – {ws.period(code).label}",
                                 ws.unit().get("name") or "", landscape_too=False, mark=watermark.text(ws))
    st = pdfkit.styles()
    table = targets_table(ws, code, values)
    story = appendix_pdf.flowables(table, st, state)
    if not table.rows:
        story.append(Paragraph("Chưa có mục tiêu kế hoạch nào cho kỳ này.", st["center_italic"]))
    width = pdfkit.A4_W - pdfkit.MARGIN_LEFT - pdfkit.MARGIN_RIGHT
    codes, series = charts.trend(ws, code, values=values)
    # the chart's title stays on the chart's page
    story += [Spacer(1, 8 * pdfkit.MM), KeepTogether([
              Paragraph("Diễn biến các tỷ lệ chủ yếu qua các kỳ (đường nét đứt: mục tiêu)", st["app_heading"]),
              Spacer(1, 3 * pdfkit.MM), charts.drawing(codes, series, width, 230)])]
    tmp = path.with_name(path.name + ".part")
    doc.filename = str(tmp)
    doc.build(story)
    tmp.replace(path)
    return path
