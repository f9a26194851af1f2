"""The report's letterhead from the unit profile (issues 11 and 14): issuing body without a
parent line, the province in 'Kính gửi' and 'Nơi nhận', the signer's title, the report number
typed either way — read back from the PDF and the Word file."""
from __future__ import annotations

import datetime as dt

import pytest
from docx import Document
from pypdf import PdfReader

from cchc_desktop import vnformat
from cchc_desktop.reports import report_docx, report_pdf, tables
from cchc_desktop.store import Workspace


def pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def docx_text(path) -> str:
    doc = Document(path)
    out = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for row in t.rows:
            for cell in row.cells:
                out.extend(p.text for p in cell.paragraphs)
    return "\n".join(out)


@pytest.fixture
def ward(tmp_path):
    """A ward of 2025 reporting straight to its province."""
    ws = Workspace.create(tmp_path / "dong-thuan.cchc", name="UBND phường Đồng Thuận",
                          parent="UBND tỉnh Quảng Trị", place="Đồng Thuận")
    ws.update_unit(signer_name="Lê Văn An", signer_title="Phó Chủ tịch")
    with ws.operation("Cơ quan đầu mối"):     # db/007's column, whatever the profile form offers
        ws.change_row("unit", {"id": 1}, dict(ws.unit(), focal_agency="Sở Nội vụ"))
    ws.add_period("2025-Q3", "2025-07-01", "2025-09-14", "125/BC-UBND", "2025-09-20")
    yield ws
    ws.close()


@pytest.mark.parametrize("typed, printed", [
    ("125", "Số: 125/BC-UBND"), ("125/BC-UBND", "Số: 125/BC-UBND"), ("Số: 125/BC-UBND", "Số: 125/BC-UBND"),
    ("5", "Số: 05/BC-UBND"), ("05/BC-UBND", "Số: 05/BC-UBND"), ("12/BC-UBND-VP", "Số: 12/BC-UBND-VP"),
    ("", "Số:      /BC-UBND"), (None, "Số:      /BC-UBND")])
def test_report_number_typed_either_way_prints_once(typed, printed):
    assert vnformat.document_number(typed, "BC-UBND") == printed


def test_ward_letterhead_pdf(ward, tmp_path):
    path = report_pdf.write(ward, "2025-Q3", tmp_path / "bc.pdf")
    text = pdf_text(path)
    lines = [ln.strip() for ln in text.splitlines()]
    assert "ỦY BAN NHÂN DÂN" in lines[0] and "PHƯỜNG ĐỒNG THUẬN" in text
    assert "UBND TỈNH QUẢNG TRỊ" not in text                # no parent line over a People's Committee
    assert text.count("125/BC-UBND") == 1 and "BC-UBND/BC-UBND" not in text
    assert "Kính gửi:" in text and "- UBND tỉnh Quảng Trị;" in text and "- Sở Nội vụ." in text
    nn = text[text.index("Nơi nhận:"):]
    assert "- Như trên;" in nn and "Lưu: VT" in nn
    assert "TM. ỦY BAN NHÂN DÂN" in text and "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text
    assert text.index("KT. CHỦ TỊCH") < text.index("PHÓ CHỦ TỊCH")


def test_ward_letterhead_docx(ward, tmp_path):
    text = docx_text(report_docx.write(ward, "2025-Q3", tmp_path / "bc.docx"))
    assert "UBND TỈNH QUẢNG TRỊ" not in text
    assert "Số: 125/BC-UBND" in text and "BC-UBND/BC-UBND" not in text
    assert "- UBND tỉnh Quảng Trị;" in text and "- Sở Nội vụ." in text and "- Như trên;" in text
    assert "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH" in text


def test_typed_recipients_win_and_other_issuers_keep_their_parent(ward, tmp_path):
    ward.update_unit(recipients="- UBND tỉnh (b/c);\n- Lưu: VT.", signer_title="CHỦ TỊCH")
    unit = ward.unit()
    assert report_pdf.addressees(unit) == []                 # recipients set, no addressees: none made up
    assert report_pdf.recipients(unit) == ["- UBND tỉnh (b/c);", "- Lưu: VT."]
    assert report_pdf.signature_lines(unit) == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
    assert report_pdf.parent_body({"name": "Văn phòng HĐND và UBND", "parent": "UBND huyện X"}) == "UBND HUYỆN X"


def test_appendix_names_the_report_as_numbered(ward):
    assert tables.attached_line(ward, "2025-Q3") == (
        "(Kèm theo Báo cáo số 125/BC-UBND ngày 20/9/2025 của UBND phường Đồng Thuận, tỉnh Quảng Trị)")
    ward.update_period("2025-Q3", report_number="7", report_date=dt.date(2025, 9, 5))
    assert "Báo cáo số 07/BC-UBND ngày 05/9/2025" in tables.attached_line(ward, "2025-Q3")
    ward.update_period("2025-Q3", report_number="", report_date=None)
    line = tables.attached_line(ward, "2025-Q3")
    blank = "\u00a0" * 8                     # kept as room to write by hand, in a PDF paragraph too
    assert "…" not in line and f"số {blank}/BC-UBND ngày {blank}/{blank}/2025" in line


def test_custom_period_title_in_report_and_appendices(tmp_path):
    """Issue 11: a custom period's title names it in the report and in every appendix."""
    from cchc_desktop import demo
    from cchc_desktop.reports import make_documents

    ws = Workspace.open(demo.create(tmp_path / "dt.cchc", "dong-thuan"))
    code = next(p.code for p in ws.periods() if ".." in p.code)
    title = ws.period(code).title
    assert title == "từ ngày 01/7/2025 đến ngày 31/10/2025"
    files = make_documents(ws, code, tmp_path / "out", ("pdf", "docx", "xlsx"))
    ws.close()
    for f in files:
        if f.suffix == ".pdf":
            text = " ".join(" ".join(p.extract_text() for p in PdfReader(f).pages).split())
        elif f.suffix == ".docx":
            text = " ".join(docx_text(f).split())
        else:
            from openpyxl import load_workbook
            text = " ".join(str(c.value) for sh in load_workbook(f).worksheets for row in sh.iter_rows()
                            for c in row if c.value)
        assert title in text, f.name
