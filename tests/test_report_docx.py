"""The report as Word: A4, Decree 30 margins, Times New Roman, the same text as the PDF."""
from __future__ import annotations

import zipfile

from docx import Document
from docx.shared import Mm

from cchc_desktop.reports import report_docx


def test_word_report_form(demo_ws, tmp_path):
    demo_ws.update_unit(addressees="UBND thị xã Quảng Trị\nPhòng Nội vụ thị xã")
    path = report_docx.write(demo_ws, "2022-H1", tmp_path / "bc.docx")
    doc = Document(str(path))
    sec = doc.sections[0]
    assert abs(sec.page_width - Mm(210)) < Mm(0.5) and abs(sec.page_height - Mm(297)) < Mm(0.5)
    assert abs(sec.left_margin - Mm(30)) < Mm(0.5) and abs(sec.right_margin - Mm(15)) < Mm(0.5)
    assert abs(sec.top_margin - Mm(20)) < Mm(0.5) and abs(sec.bottom_margin - Mm(20)) < Mm(0.5)
    assert sec.different_first_page_header_footer
    assert doc.styles["Normal"].font.name == "Times New Roman"
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    body = [p for p in doc.paragraphs if p.text.startswith("Tổng số hồ sơ tiếp nhận tại Bộ phận Một cửa: 2.297 hồ sơ")]
    assert body and body[0].paragraph_format.first_line_indent > Mm(10)
    assert body[0].runs[0].font.size.pt == 14
    cells = "\n".join(c.text for t in doc.tables for row in t.rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells
    assert "Số: 341/BC-UBND" in cells
    assert "Phường 2, ngày 15 tháng 6 năm 2022" in cells
    assert "Nơi nhận:" in cells and "Hoàng Thị Hằng" in cells and "TM. ỦY BAN NHÂN DÂN" in cells
    text = "\n".join(p.text for p in doc.paragraphs)
    # the addressees beside "Kính gửi:", one a line, in a borderless table as the PDF sets them
    block = next(t for t in doc.tables if t.cell(0, 0).text == "Kính gửi:")
    assert [row.cells[1].text for row in block.rows] == ["- UBND thị xã Quảng Trị;", "- Phòng Nội vụ thị xã."]
    assert "V. ĐỀ XUẤT, KIẾN NGHỊ" in text
    with zipfile.ZipFile(path) as z:
        header = "".join(z.read(n).decode() for n in z.namelist() if n.startswith("word/header"))
    assert "PAGE" in header


def test_motto_fits_its_column_on_one_line(demo_ws, tmp_path):
    """Word wraps 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM' when its column is too narrow."""
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from cchc_desktop.reports import fonts, report_pdf
    fonts.register()
    path = tmp_path / "bc.docx"
    report_docx.write(demo_ws, "2022-H1", path)
    head = Document(path).tables[0]
    left, right = (head.cell(0, 0).width, head.cell(0, 1).width)
    motto_mm = stringWidth(report_pdf.MOTTO, fonts.BOLD, 13) / 72 * 25.4
    cell_margins_mm = 2 * 1.9
    assert right / 36000 >= motto_mm + cell_margins_mm           # EMU → mm
    assert (left + right) / 36000 <= 210 - 30 - 15 + 0.5            # inside the text width
