"""The report as an editable Word document (officers edit before signing).

The same Decree 30/2020 form as the PDF: A4, margins 20/20/30/15 mm, Times New Roman
14 pt justified with a 1.27 cm first-line indent and 6 pt after each paragraph, the
header block as a borderless two-column table, page numbers centred in the header
from page 2, "Nơi nhận:" beside the signature block.
"""
from __future__ import annotations

from pathlib import Path

from .. import vnformat
from . import draft, fonts, report_pdf, watermark


def _font(run, size=14, bold=False, italic=False):
    from docx.oxml.ns import qn
    from docx.shared import Pt

    run.font.name = fonts.WORD_FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    rpr = run._element.get_or_add_rPr()
    rfonts = rpr.find(qn("w:rFonts"))
    if rfonts is None:
        rfonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.append(rfonts)
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        rfonts.set(qn(attr), fonts.WORD_FONT)


def _para(container, text="", size=14, bold=False, italic=False, align="justify", indent=True, after=6,
          before=0, rule=False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    p = container.add_paragraph()
    p.alignment = {"justify": WD_ALIGN_PARAGRAPH.JUSTIFY, "center": WD_ALIGN_PARAGRAPH.CENTER,
                   "left": WD_ALIGN_PARAGRAPH.LEFT, "right": WD_ALIGN_PARAGRAPH.RIGHT}[align]
    pf = p.paragraph_format
    pf.first_line_indent = Cm(1.27) if indent else Cm(0)
    pf.space_after = Pt(after)
    pf.space_before = Pt(before)
    pf.line_spacing = 1.15
    if text:
        _font(p.add_run(text), size, bold, italic)
    if rule:
        _bottom_rule(p)
    return p


def _bottom_rule(p, edge: str = "bottom"):
    """A line along a paragraph (as wide as the paragraph between its indents)."""
    from docx.oxml.ns import qn

    ppr = p._p.get_or_add_pPr()
    bdr = ppr.makeelement(qn("w:pBdr"), {})
    bottom = bdr.makeelement(qn(f"w:{edge}"), {qn("w:val"): "single", qn("w:sz"): "6", qn("w:space"): "1",
                                               qn("w:color"): "000000"})
    bdr.append(bottom)
    # Word refuses elements out of schema order: pBdr comes before shd, tabs, spacing, ind, jc …
    ppr.insert_element_before(bdr, "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
                              "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi",
                              "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing",
                              "w:mirrorIndents", "w:suppressOverlap", "w:jc", "w:textDirection", "w:textAlignment",
                              "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr",
                              "w:pPrChange")


def _page_number_header(section):
    """PAGE field centred in the header; the first page has an empty header."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn

    section.different_first_page_header_footer = True
    p = section.header.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = p.add_run()
    _font(run, 13)
    for kind, text in (("begin", None), (None, "PAGE"), ("end", None)):
        if kind:
            el = run._r.makeelement(qn("w:fldChar"), {qn("w:fldCharType"): kind})
        else:
            el = run._r.makeelement(qn("w:instrText"), {qn("xml:space"): "preserve"})
            el.text = text
        run._r.append(el)


def _no_borders(table):
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    borders = tblpr.makeelement(qn("w:tblBorders"), {})
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(borders.makeelement(qn(f"w:{edge}"), {qn("w:val"): "nil"}))
    tblpr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook", "w:tblCaption",
                                "w:tblDescription", "w:tblPrChange")


def _widths(table, widths):
    """Column widths on the grid and on every cell (Word reads one, LibreOffice the other)."""
    for i, w in enumerate(widths):
        table.columns[i].width = w
        for cell in table.columns[i].cells:
            cell.width = w


def _rule_para(cell, rule_mm: float, cell_mm: float):
    """A short centred rule under the line above: an empty paragraph, indented, with a top border."""
    from docx.shared import Mm, Pt

    p = cell.add_paragraph()
    pf = p.paragraph_format
    pf.space_before = pf.space_after = Pt(0)
    pf.line_spacing = Pt(4)
    pf.first_line_indent = 0
    pf.left_indent = pf.right_indent = Mm(max(0.0, (cell_mm - rule_mm) / 2))
    _bottom_rule(p, "top")
    return p


def _cell_para(cell, text, size=13, bold=False, italic=False, align="center", first=False, rule=False, after=0):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = cell.paragraphs[0] if first else cell.add_paragraph()
    p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
    from docx.shared import Pt
    p.paragraph_format.space_after = Pt(after)
    p.paragraph_format.first_line_indent = 0
    _font(p.add_run(text), size, bold, italic)
    if rule:
        _bottom_rule(p)
    return p


def write(ws, code: str, path, sections: dict | None = None) -> Path:
    """Write the report of period *code* as a .docx file at *path*."""
    from docx import Document
    from docx.shared import Mm

    path = Path(path)
    unit = ws.unit()
    p = ws.period(code)
    text = sections if sections is not None else draft.report_text(ws, code)
    doc = Document()
    normal = doc.styles["Normal"]
    normal.font.name = fonts.WORD_FONT
    from docx.shared import Pt
    normal.font.size = Pt(14)
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Mm(210), Mm(297)
    sec.top_margin, sec.bottom_margin = Mm(20), Mm(20)
    sec.left_margin, sec.right_margin = Mm(30), Mm(15)
    sec.header_distance = Mm(10)
    _page_number_header(sec)
    if watermark.text(ws):
        watermark.add_to_docx(sec, watermark.text(ws))

    head = doc.add_table(rows=2, cols=2)
    _no_borders(head)
    head.autofit = False
    # The motto in 13 pt bold is ~96 mm wide; Word's cell margins take ~4 mm more.
    _widths(head, (Mm(62), Mm(103)))
    left, right = head.cell(0, 0), head.cell(0, 1)
    first = True
    parent = report_pdf.parent_body(unit)
    if parent:
        _cell_para(left, parent, 13, first=True)
        first = False
    body = report_pdf.issuing_body(unit)
    head_words = "ỦY BAN NHÂN DÂN"
    lines = [head_words, body[len(head_words) + 1:]] if body.startswith(head_words + " ") else [body]
    for i, line in enumerate(lines):
        _cell_para(left, line, 13, bold=True, first=first)
        first = False
    _cell_para(right, report_pdf.MOTTO, 13, bold=True, first=True)
    _rule_para(left, 25, 62)                                  # a short rule under the issuing body
    _cell_para(right, report_pdf.MOTTO2, 14, bold=True)
    _rule_para(right, 63, 103)                                # as long as the motto's second line
    _cell_para(head.cell(1, 0), vnformat.document_number(p.report_number, unit.get("symbol") or "BC-UBND"), 13,
               first=True)
    _cell_para(head.cell(1, 1), report_pdf.date_line(unit, p), 14, italic=True, first=True)

    _para(doc, "", after=6)
    _para(doc, "BÁO CÁO", 14, bold=True, align="center", indent=False, after=0)
    subject = text.get("subject") or f"Kết quả thực hiện công tác cải cách hành chính {p.label}"
    _para(doc, subject, 14, bold=True, align="center", indent=False, after=12)
    names = report_pdf.addressees(unit)
    if names:
        if len(names) == 1:
            _para(doc, f"Kính gửi: {names[0].lstrip('- ')}", 14, align="center", indent=False, after=12)
        else:
            # as the PDF sets it: "Kính gửi:" with the addressees one a line beside it, the block
            # centred under the title (a borderless table as wide as its longest line)
            from docx.enum.table import WD_TABLE_ALIGNMENT
            from docx.shared import Mm
            lines = ["- " + n.lstrip("- ").rstrip(";.") + (";" if i < len(names) - 1 else ".")
                     for i, n in enumerate(names)]
            widest = max(len(x) for x in lines) * 2.6 + 4          # mm, Times 14 pt
            block = doc.add_table(rows=len(lines), cols=2)
            _no_borders(block)
            block.autofit = False
            block.alignment = WD_TABLE_ALIGNMENT.CENTER
            _widths(block, (Mm(26), Mm(min(widest, 130))))
            for i, line in enumerate(lines):
                _cell_para(block.cell(i, 0), "Kính gửi:" if i == 0 else "", 14, align="left", first=True)
                _cell_para(block.cell(i, 1), line, 14, align="left", first=True)
            _para(doc, "", after=6)
    for line in (text.get("intro") or "").splitlines():
        if line.strip():
            _para(doc, line.strip())
    for s, _ in draft.SECTIONS:
        _para(doc, draft.section_title(s, code), bold=True, before=3, align="left").paragraph_format.keep_with_next = True
        for line in (text.get(s) or "").splitlines():
            line = line.strip()
            if not line:
                continue
            style = report_pdf.line_style(line)
            para = _para(doc, line, bold=style == "subheading", italic=style == "minorheading")
            para.paragraph_format.keep_with_next = style != "body"     # a heading stays with its text
    for line in (text.get("closing") or "").splitlines():
        if line.strip():
            _para(doc, line.strip())

    sign = doc.add_table(rows=1, cols=2)
    _no_borders(sign)
    sign.autofit = False
    _widths(sign, (Mm(80), Mm(85)))
    l, r = sign.cell(0, 0), sign.cell(0, 1)
    _cell_para(l, "Nơi nhận:", 12, bold=True, italic=True, align="left", first=True)
    for x in report_pdf.recipients(unit):
        _cell_para(l, x, 11, align="left")
    for i, line in enumerate(report_pdf.signature_lines(unit) or [""]):
        _cell_para(r, line, 14, bold=True, first=i == 0)
    for _ in range(4):
        _cell_para(r, "", 14)
    _cell_para(r, unit.get("signer_name") or "", 14, bold=True)
    doc.core_properties.title = f"Báo cáo CCHC {p.label}"
    doc.core_properties.author = unit.get("name") or ""
    tmp = path.with_name(path.name + ".part")
    doc.save(str(tmp))
    tmp.replace(path)
    return path
