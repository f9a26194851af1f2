"""A figure typed with trailing zeros ("85,10") keeps them: stored, checked, on screen, exported, printed."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook
from pypdf import PdfReader

from cchc_desktop import rollup, templates, values_io
from cchc_desktop.reports import appendix_pdf, appendix_xlsx
from cchc_desktop.vnformat import Figure


def test_85_10_stays_85_10_from_typing_to_print(demo_ws, tmp_path):
    demo_ws.set_value("2022-H1", "dvc.online_rate_partial", "89,10")
    stored = demo_ws.conn.execute(
        "SELECT value FROM entries WHERE key = 'dvc.online_rate_partial'").fetchone()[0]
    assert stored == "89,10"
    cell = rollup.values(demo_ws, "2022-H1")["dvc.online_rate_partial"]
    assert isinstance(cell.value, Figure) and cell.value.places == 2 and cell.typed
    # export: the CSV a machine reads back
    rows = list(csv.reader(io.StringIO(values_io.export_csv(values_io.export_rows(demo_ws, "2022-H1")))))
    assert ["dvc.online_rate_partial", "89,10"] in [r[:2] for r in rows]
    # print: the appendix PDF and the Excel workbook
    template = templates.for_workspace(demo_ws)
    pdf = appendix_pdf.write(demo_ws, "2022-H1", template, tmp_path / "pl.pdf")
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "89,10" in text
    xlsx = appendix_xlsx.write(demo_ws, "2022-H1", template, tmp_path / "pl.xlsx")
    found = [c for ws in load_workbook(xlsx) for row in ws.iter_rows() for c in row
             if isinstance(c.value, float) and abs(c.value - 89.1) < 1e-9]
    assert found and all(c.number_format == "0.00" for c in found)
    # the checks read it at two places: 181 / 203 = 89,16 %, so 89,10 is wrong, not a slip
    from cchc_desktop import rules
    [f] = [f for f in rules.check(demo_ws, "2022-H1") if f.keys[0] == "dvc.online_rate_partial"]
    assert f.is_error and "89,10%" in f.message
    # typing the same text again changes nothing; undo brings back what was there
    demo_ws.set_value("2022-H1", "dvc.online_rate_partial", "89,10")
    demo_ws.undo()
    assert rollup.values(demo_ws, "2022-H1")["dvc.online_rate_partial"].value == 89.16


def test_the_excel_appendix_reads_back_the_decimals_typed(demo_ws, tmp_path):
    demo_ws.set_value("2022-H1", "dvc.online_rate_partial", "89,10")
    template = templates.for_workspace(demo_ws)
    xlsx = appendix_xlsx.write(demo_ws, "2022-H1", template, tmp_path / "pl.xlsx")
    items = dict((k, v) for k, v, _n in appendix_xlsx.read_items(demo_ws, xlsx))
    assert items["dvc.online_rate_partial"] == "89,10"     # as the workspace stores it
