"""reportlab building blocks shared by every PDF: page set-up, styles, tables, page numbers.

Pages are A4 with the Decree 30/2020 margins (left 30 mm, right 15 mm, top and bottom
20 mm).  Each *part* of a document (the report, each appendix) numbers its own pages,
from its second page, centred in the top margin.
"""
from __future__ import annotations

from xml.sax.saxutils import escape

from . import fonts

MM = 72 / 25.4
A4_W, A4_H = 210 * MM, 297 * MM
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 30 * MM, 15 * MM, 20 * MM, 20 * MM


def esc(text) -> str:
    """Text for a reportlab Paragraph: XML-escaped, line breaks kept."""
    return escape(str(text or "")).replace("\n", "<br/>")


def styles(body_size: float = 14):
    """The paragraph styles of an administrative document (Times 13–14 pt)."""
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle

    fonts.register()
    base = ParagraphStyle("base", fontName=fonts.REGULAR, fontSize=body_size, leading=body_size * 1.25)
    s = {
        "body": ParagraphStyle("body", base, alignment=TA_JUSTIFY, firstLineIndent=12.7 * MM, spaceBefore=0,
                               spaceAfter=6),
        # headings keep with the paragraph under them: never alone at the foot of a page
        "heading": ParagraphStyle("heading", base, fontName=fonts.BOLD, alignment=TA_LEFT,   # no stretched gaps
                                  firstLineIndent=12.7 * MM, spaceBefore=3, spaceAfter=6, keepWithNext=1),
        "subheading": ParagraphStyle("subheading", base, fontName=fonts.BOLD, alignment=TA_JUSTIFY,
                                     firstLineIndent=12.7 * MM, spaceAfter=6, keepWithNext=1),
        "minorheading": ParagraphStyle("minorheading", base, fontName=fonts.ITALIC, alignment=TA_JUSTIFY,
                                       firstLineIndent=12.7 * MM, spaceAfter=6, keepWithNext=1),
        "title": ParagraphStyle("title", base, fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14, leading=17),
        "subject": ParagraphStyle("subject", base, fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14, leading=17,
                                  spaceAfter=3),
        "center": ParagraphStyle("center", base, alignment=TA_CENTER),
        "center_italic": ParagraphStyle("center_italic", base, fontName=fonts.ITALIC, alignment=TA_CENTER,
                                        fontSize=13, leading=16),
        "app_label": ParagraphStyle("app_label", base, fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14,
                                    leading=17, spaceAfter=2),
        "app_heading": ParagraphStyle("app_heading", base, fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=13,
                                      leading=16),
        "cell": ParagraphStyle("cell", base, fontSize=11.5, leading=13.5, alignment=TA_LEFT),
        "cell_center": ParagraphStyle("cell_center", base, fontSize=11.5, leading=13.5, alignment=TA_CENTER),
        "cell_right": ParagraphStyle("cell_right", base, fontSize=11.5, leading=13.5, alignment=TA_RIGHT),
        "head_cell": ParagraphStyle("head_cell", base, fontName=fonts.BOLD, fontSize=11.5, leading=13.5,
                                    alignment=TA_CENTER),
        "addressee": ParagraphStyle("addressee", base, alignment=TA_LEFT),
        "small": ParagraphStyle("small", base, fontSize=11, leading=13),
        "small_bi": ParagraphStyle("small_bi", base, fontName=fonts.BOLD_ITALIC, fontSize=12, leading=14),
        "sign": ParagraphStyle("sign", base, fontName=fonts.BOLD, alignment=TA_CENTER, fontSize=14, leading=17),
    }
    return s


class PartStart:
    """Marks the first page of a part (report, appendix) so its page numbers start again."""

    def __new__(cls, doc_state: dict):
        from reportlab.platypus import Flowable

        class _Mark(Flowable):
            width = height = 0

            def wrap(self, *a):
                return 0, 0

            def draw(self):
                doc_state["start"] = self.canv.getPageNumber()
        return _Mark()


def document(path, title: str, author: str = "", landscape_too: bool = True, mark: str | None = None):
    """A BaseDocTemplate with portrait and landscape page templates and per-part page numbers;
    *mark* ("DỮ LIỆU MẪU", see watermark.py) is drawn across every page behind its text.

    Returns (doc, state); put ``PartStart(state)`` at the start of each part.
    """
    from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

    fonts.register()
    state = {"start": 1}

    def number(canvas, doc):
        page = canvas.getPageNumber() - state["start"] + 1
        if page >= 2:
            canvas.saveState()
            canvas.setFont(fonts.REGULAR, 13)
            w, h = canvas._pagesize
            canvas.drawCentredString(MARGIN_LEFT + (w - MARGIN_LEFT - MARGIN_RIGHT) / 2, h - 12 * MM, str(page))
            canvas.restoreState()

    def background(canvas, doc):
        if mark:
            from .watermark import draw_pdf
            draw_pdf(canvas, mark)

    doc = BaseDocTemplate(str(path), pagesize=(A4_W, A4_H), leftMargin=MARGIN_LEFT, rightMargin=MARGIN_RIGHT,
                          topMargin=MARGIN_TOP, bottomMargin=MARGIN_BOTTOM, title=title, author=author,
                          creator="CCHC Desktop", subject=title)
    pw, ph = A4_W, A4_H
    portrait = Frame(MARGIN_LEFT, MARGIN_BOTTOM, pw - MARGIN_LEFT - MARGIN_RIGHT, ph - MARGIN_TOP - MARGIN_BOTTOM,
                     id="portrait", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
    templates = [PageTemplate("portrait", [portrait], onPage=background, onPageEnd=number, pagesize=(pw, ph))]
    if landscape_too:
        land = Frame(MARGIN_LEFT, MARGIN_BOTTOM, ph - MARGIN_LEFT - MARGIN_RIGHT, pw - MARGIN_TOP - MARGIN_BOTTOM,
                     id="landscape", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        templates.append(PageTemplate("landscape", [land], onPage=background, onPageEnd=number, pagesize=(ph, pw)))
    doc.addPageTemplates(templates)
    return doc, state


def data_table(table, st):
    """A reportlab Table for a :class:`tables.Table`: header rows repeated, spans, grid."""
    from reportlab.lib import colors
    from reportlab.platypus import Paragraph
    from reportlab.platypus import Table as RLTable
    from reportlab.platypus import TableStyle

    cell_style = {"LEFT": st["cell"], "CENTER": st["cell_center"], "RIGHT": st["cell_right"]}
    data = []
    def head(text):
        # "(Sử dụng trong kỳ báo cáo …)" under a heading prints italic, not bold, as in the seeds
        lines = [f'<font name="{fonts.ITALIC}">{esc(ln)}</font>' if ln.startswith("(") else esc(ln)
                 for ln in text.split("\n")]
        return Paragraph("<br/>".join(lines), st["head_cell"])

    for hrow in table.header:
        data.append([head(t) if t else "" for t in hrow])
    font_for = {"group": fonts.BOLD, "total": fonts.BOLD, "sub": fonts.ITALIC, "item": fonts.REGULAR}
    commands = [
        ("FONTNAME", (0, 0), (-1, -1), fonts.REGULAR),   # else empty cells set Helvetica
        ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
    ]
    for (c0, r0), (c1, r1) in table.spans:
        commands.append(("SPAN", (c0, r0), (c1, r1)))
    for n, row in enumerate(table.rows):
        if row.span_label:
            commands.append(("SPAN", (1, len(table.header) + n), (-1, len(table.header) + n)))
        out = []
        for i, cell in enumerate(row.cells):
            if not cell.text:
                out.append("")
                continue
            align = table.align[i] if i < len(table.align) else "LEFT"
            style = cell_style[align]
            font = font_for.get(row.style, fonts.REGULAR)
            if i >= 2 and row.style != "total":
                font = fonts.REGULAR    # units, figures and notes stay plain in a bold group row
            if i == 0 and row.style == "sub":
                font = fonts.REGULAR
            out.append(Paragraph(f'<font name="{font}">{esc(cell.text)}</font>', style))
        data.append(out)
    widths = [w * MM for w in table.widths]
    t = RLTable(data, colWidths=widths, repeatRows=len(table.header), hAlign="LEFT")
    t.setStyle(TableStyle(commands))
    return t
