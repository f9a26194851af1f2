"""Collection forms: one reform area's figures on paper, blank or partly filled.

The officer prints a form for each colleague who holds an area's figures (Tư pháp – Hộ
tịch, Văn hóa – Xã hội, Địa chính …), who fills it in by hand and hands it back.  The
rows are the unit's template rows of that area (else the catalogue's indicators), then
the area's detail tables with room for writing.
"""
from __future__ import annotations

from pathlib import Path

from .. import rollup
from . import fonts, pdfkit, tables, watermark
from .tables import BodyRow, Cell

BLANK_DETAIL_ROWS = 8


def area_rows(ws, area: int) -> list:
    """(stt, label, unit, key, style, codes row) of the area, from the unit's template when it has them."""
    cat = ws.catalogue
    try:
        from .. import templates
        tpl = templates.for_workspace(ws)
        rows = [r for _, r in tpl.rows() if r.key and cat.get(r.key) and cat[r.key].area == area
                and not cat[r.key].derived]
    except Exception:   # no template yet: the catalogue's order
        rows = []
    from ..templates import Row
    have = {r.key for r in rows}
    # the parts the rates are computed from, which a template may not print
    extra = [ind for ind in cat.in_area(area) if not ind.derived and ind.key not in have]
    if rows and extra:
        rows.append(Row(stt="", label="Số liệu chi tiết để tính các tỷ lệ", unit="", style="group"))
    start = 0 if rows else 1
    rows += [Row(stt=f"{i}." if start else "-", label=ind.label, unit=ind.unit if ind.kind != "code" else "",
                 key=ind.key) for i, ind in enumerate(extra, 1)]
    return rows


def form_tables(ws, code: str, area: int, filled: bool = False) -> list:
    """The printable tables of one area's form."""
    cat = ws.catalogue
    cells = rollup.values(ws, code) if filled else {}
    rows = []
    for r in area_rows(ws, area):
        ind = cat.get(r.key) if r.key else None
        if ind is not None and ind.derived:
            continue            # rates are computed from the parts colleagues give
        if ind is None:
            rows.append(BodyRow([Cell(r.stt), Cell(r.label), Cell(), Cell(), Cell()], "group"))
            continue
        cell = cells.get(r.key)
        text, number = tables.format_value(ind, cell.value if cell is not None else None)
        unit = tables.codes_wording(r, ind, ws) if ind is not None and ind.kind == "code" else r.unit
        rows.append(BodyRow([Cell(r.stt), Cell(r.label), Cell(unit), Cell(text, number),
                             Cell(cell.note if cell is not None and cell.note else "")], "item", r.key))
    out = [tables.Table(label="", heading=[], attached="", orientation="portrait", widths=[13, 77, 33, 20, 22],
                        header=[["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]], spans=[], rows=rows,
                        align=["CENTER", "LEFT", "CENTER", "CENTER", "LEFT"], value_col=3)]
    for spec in cat.detail_tables:
        if spec.area != area:
            continue
        data = ws.detail_rows(code, spec.name) if filled else []
        cols = list(spec.columns)
        body = []
        for i, d in enumerate(data, 1):
            body.append(BodyRow([Cell(str(i)), Cell(d["label"])] +
                                [Cell(*tables.format_value(None, d["data"].get(c.key))) for c in cols]))
        for i in range(len(data), len(data) + BLANK_DETAIL_ROWS):
            body.append(BodyRow([Cell(str(i + 1))] + [Cell() for _ in range(len(cols) + 1)]))
        rest = (165 - 12 - 40) / max(1, len(cols))
        t = tables.Table(label=spec.label, heading=[], attached="", orientation="portrait",
                         widths=[12, 40] + [rest] * len(cols), header=[["STT", spec.row_label] + [c.label for c in cols]],
                         spans=[], rows=body, align=["CENTER", "LEFT"] + ["CENTER"] * len(cols))
        out.append(t)
    return out


def write(ws, code: str, area: int, path, filled: bool = False) -> Path:
    """Write the collection form of reform area *area* (1–7) for period *code*."""
    from reportlab.lib.enums import TA_LEFT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether, Paragraph, Spacer, Table, TableStyle

    path = Path(path)
    p = ws.period(code)
    unit = ws.unit()
    area_label = ws.catalogue.area(area).label
    doc, state = pdfkit.document(path, f"Phiếu thu thập số liệu – {area_label}", unit.get("name") or "",
                                 landscape_too=False, mark=watermark.text(ws))
    st = pdfkit.styles(13)
    left = ParagraphStyle("formline", st["body"], firstLineIndent=0, alignment=TA_LEFT, spaceAfter=3)
    MM = pdfkit.MM
    story = [pdfkit.PartStart(state),
             Paragraph(pdfkit.esc(tables.full_unit_name(unit.get("name") or "").upper()), st["app_heading"]),
             Spacer(1, 5 * MM),
             Paragraph("PHIẾU THU THẬP SỐ LIỆU CẢI CÁCH HÀNH CHÍNH", st["app_label"]),
             Paragraph(pdfkit.esc(f"Lĩnh vực {area}: {area_label}"), st["app_heading"]),
             Paragraph(pdfkit.esc(f"Kỳ báo cáo: {p.label} (số liệu từ ngày {tables.short_date(p.window_from)} "
                                  f"đến ngày {tables.short_date(p.window_to)})"), st["center_italic"]),
             Spacer(1, 5 * MM),
             Paragraph("Người cung cấp số liệu: ………………………… Chức danh: …………………………", left),
             Paragraph("Đề nghị ghi số liệu vào cột “Số liệu”, ô nào không có số liệu thì để trống (không ghi 0 "
                       "nếu không có); gửi lại công chức Văn phòng – Thống kê trước ngày ……/……/………", left),
             Spacer(1, 3 * MM)]
    for i, t in enumerate(form_tables(ws, code, area, filled)):
        if i:
            story += [Spacer(1, 5 * MM), Paragraph(pdfkit.esc(t.label), st["app_heading"]), Spacer(1, 2 * MM)]
        story.append(pdfkit.data_table(t, st))
    width = pdfkit.A4_W - pdfkit.MARGIN_LEFT - pdfkit.MARGIN_RIGHT
    sign = Table([["", [Paragraph("……, ngày …… tháng …… năm ………", st["center_italic"]),
                        Paragraph("NGƯỜI CUNG CẤP SỐ LIỆU", st["sign"]),
                        Paragraph("(Ký, ghi rõ họ tên)", st["center_italic"])]]], colWidths=[width / 2, width / 2])
    sign.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR), ("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [Spacer(1, 6 * MM), KeepTogether([sign])]
    tmp = path.with_name(path.name + ".part")
    doc.filename = str(tmp)
    doc.build(story)
    tmp.replace(path)
    return path


def write_xlsx(ws, code: str, area: int, path, filled: bool = False) -> Path:
    """The same form as an Excel workbook; filled in and sent back, ``cchc values import`` reads it."""
    from openpyxl import Workbook

    from . import appendix_xlsx
    path = Path(path)
    p = ws.period(code)
    area_label = ws.catalogue.area(area).label
    wb = Workbook()
    wb.remove(wb.active)
    for i, t in enumerate(form_tables(ws, code, area, filled)):
        t.label = "PHIẾU THU THẬP SỐ LIỆU CẢI CÁCH HÀNH CHÍNH" if i == 0 else t.label
        t.heading = [f"Lĩnh vực {area}: {area_label}"] if i == 0 else []
        t.attached = (f"Kỳ báo cáo: {p.label} (số liệu từ ngày {tables.short_date(p.window_from)} "
                      f"đến ngày {tables.short_date(p.window_to)})")
        sh = wb.create_sheet(f"Lĩnh vực {area}" if i == 0 else f"Bảng {i}")
        appendix_xlsx._fill_sheet(sh, t)
        if watermark.text(ws):
            watermark.add_to_sheet(sh, watermark.text(ws))
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path
