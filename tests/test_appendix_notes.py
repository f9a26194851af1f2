"""A note kept on a figure left blank (seed 004, row 1.4: "Báo cáo ghi 4 …") is printed in
the appendix (PDF and Excel) and exported (issue 10 §3)."""
from __future__ import annotations

from openpyxl import load_workbook
from pypdf import PdfReader

from cchc_desktop import demo, templates, values_io
from cchc_desktop.reports import appendix_pdf, appendix_xlsx
from cchc_desktop.store import Workspace


def test_note_on_a_blank_figure_is_printed_and_exported(tmp_path):
    ws = Workspace.open(demo.create(tmp_path / "tt.cchc", "truong-thi"))
    code = "2023-9M"
    note = ws.entries(code)["dialogue.held"]["note"]
    assert ws.entries(code)["dialogue.held"]["value"] is None and note.startswith("Báo cáo ghi 4")
    tpl = templates.for_workspace(ws)
    pdf = appendix_pdf.write(ws, code, tpl, tmp_path / "pl.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "Báo cáo ghi 4" in text
    book = load_workbook(appendix_xlsx.write(ws, code, tpl, tmp_path / "pl.xlsx"))
    rows = [[c.value for c in row] for sh in book.worksheets for row in sh.iter_rows()]
    row = next(r for r in rows if "dialogue.held" in r)
    assert note in row and row[3] is None                     # the note, and no figure made up
    exported = {r["key"]: r for r in values_io.export_rows(ws, code)}
    assert exported["dialogue.held"]["value"] is None and exported["dialogue.held"]["note"] == note
    csv_text = values_io.export_csv(list(exported.values()))
    assert any(line.startswith("dialogue.held,,Báo cáo ghi 4") for line in csv_text.splitlines())
    ws.close()
