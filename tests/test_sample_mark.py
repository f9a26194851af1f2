"""Every page made from a sample workspace says "DỮ LIỆU MẪU" (issue 14 §9): PDF pages,
the Word report's headers, every sheet of the workbooks; a real unit's documents do not."""
from __future__ import annotations

from docx import Document
from openpyxl import load_workbook
from pypdf import PdfReader

from cchc_desktop.reports import collection_form, make_documents, watermark


def check(files, marked: bool):
    for f in files:
        if f.suffix == ".pdf":
            for n, page in enumerate(PdfReader(f).pages, 1):
                assert (watermark.TEXT in page.extract_text()) == marked, (f.name, n)
        elif f.suffix == ".docx":
            sec = Document(f).sections[0]
            for header in (sec.header, sec.first_page_header):
                assert (f'string="{watermark.TEXT}"' in header._element.xml) == marked, f.name
        elif f.suffix == ".xlsx":
            for sh in load_workbook(f).worksheets:
                assert (sh.oddHeader.left.text == watermark.TEXT) == marked, (f.name, sh.title)


def test_sample_documents_say_so_on_every_page(demo_ws, tmp_path):
    demo_ws.set_setting(watermark.SETTING, 1)          # what demo.create writes
    files = make_documents(demo_ws, "2022-H1", tmp_path / "mau", ("pdf", "docx", "xlsx"))
    assert {f.suffix for f in files} == {".pdf", ".docx", ".xlsx"} and len(files) >= 5
    files += [collection_form.write(demo_ws, "2022-H1", 3, tmp_path / "phieu.pdf"),
              collection_form.write_xlsx(demo_ws, "2022-H1", 3, tmp_path / "phieu.xlsx")]
    check(files, True)


def test_a_real_units_documents_carry_no_mark(demo_ws, tmp_path):
    demo_ws.set_setting(watermark.SETTING, 0)
    files = make_documents(demo_ws, "2022-H1", tmp_path / "that", ("pdf", "docx", "xlsx"))
    check(files, False)
