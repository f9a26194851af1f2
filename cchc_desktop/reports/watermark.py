""""DỮ LIỆU MẪU" across every page made from a sample workspace (issue 14 §9).

A workspace is sample data when its setting ``sample`` is 1: ``demo.create`` (``cchc demo``,
“Mở dữ liệu mẫu”) writes it, and the window shows its banner from the same setting.  Every
document made from such a file says so on every page, so a sample's report can never pass
for a unit's: the PDFs carry the words diagonally behind the text, the Word report as a
watermark in its headers, the workbooks in the header of every printed page.
"""
from __future__ import annotations

TEXT = "DỮ LIỆU MẪU"
SETTING = "sample"


def text(ws) -> str | None:
    """TEXT when *ws* holds sample data, else None."""
    try:
        return TEXT if ws.setting(SETTING) in (1, "1", True) else None
    except Exception:   # a workspace without settings (an old received file): not a sample
        return None


def draw_pdf(canvas, mark: str):
    """The words across the page, light grey, behind what the page prints."""
    from . import fonts

    w, h = canvas._pagesize
    canvas.saveState()
    canvas.setFillColorRGB(0.82, 0.82, 0.82)
    size = min(w, h) / 6.5
    canvas.setFont(fonts.BOLD, size)
    canvas.translate(w / 2, h / 2)
    canvas.rotate(45 if h >= w else 30)
    canvas.drawCentredString(0, -size / 3, mark)
    canvas.restoreState()


_VML = (
    '<w:r xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office">'
    '<w:pict><v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e"><v:path textpathok="t" o:connecttype="custom"/>'
    '<v:textpath on="t" fitshape="t"/></v:shapetype>'
    '<v:shape id="CchcSampleMark{n}" o:spid="_x0000_s20{n}5" type="#_x0000_t136" '
    'style="position:absolute;margin-left:0;margin-top:0;width:440pt;height:110pt;rotation:315;'
    'z-index:-251654144;mso-position-horizontal:center;mso-position-horizontal-relative:margin;'
    'mso-position-vertical:center;mso-position-vertical-relative:margin" o:allowincell="f" '
    'fillcolor="#d0d0d0" stroked="f"><v:fill opacity=".5"/>'
    '<v:textpath style="font-family:&quot;Times New Roman&quot;;font-size:1pt;font-weight:bold" string="{text}"/>'
    '</v:shape></w:pict></w:r>')


def add_to_docx(section, mark: str):
    """Word's own kind of watermark (a text shape behind the page) in every header of *section*:
    the first page's and the others' (the report numbers its pages from the second)."""
    from xml.sax.saxutils import quoteattr

    from docx.oxml import parse_xml

    headers = [section.header]
    if section.different_first_page_header_footer:
        headers.append(section.first_page_header)
    for n, header in enumerate(headers, 1):
        p = header.paragraphs[0] if header.paragraphs else header.add_paragraph()
        p._p.append(parse_xml(_VML.replace("{n}", str(n)).replace('"{text}"', quoteattr(mark))))


def add_to_sheet(sheet, mark: str):
    """The words in the header of every printed page of *sheet*, large and red, and on the
    sheet's tab."""
    head = sheet.oddHeader.left
    head.text = mark
    head.size = 16
    head.color = "C00000"
    head.font = "Times New Roman,Bold"
    sheet.sheet_properties.tabColor = "C00000"
