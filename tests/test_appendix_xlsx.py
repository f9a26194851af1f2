"""Appendices as Excel: numbers stored as numbers, print set-up, and the import round trip."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from cchc_desktop import rollup, templates
from cchc_desktop.reports import appendix_xlsx
from cchc_desktop.store import Workspace, WorkspaceError
from cchc_desktop.values_io import ImportRejected

TEST_TEMPLATE = Path(__file__).with_name("test_appendix_template.json")


@pytest.fixture
def book(demo_ws, tmp_path):
    tpl = templates.load_file(TEST_TEMPLATE, demo_ws.catalogue)
    return appendix_xlsx.write(demo_ws, "2022-H1", tpl, tmp_path / "pl.xlsx")


def key_rows(sheet):
    """key → row number, from the hidden key column."""
    col = next(c.column for row in sheet.iter_rows(max_row=12) for c in row if c.value == "key")
    return {sheet.cell(row=r, column=col).value: r for r in range(1, sheet.max_row + 1)
            if sheet.cell(row=r, column=col).value not in (None, "key")}, col


def test_cells_are_numbers_equal_to_the_workspace(demo_ws, book):
    wb = load_workbook(book)
    sh = wb["Phụ lục 1"]
    rows, key_col = key_rows(sh)
    cells = rollup.values(demo_ws, "2022-H1")
    assert rows
    for key, r in rows.items():
        value = sh.cell(row=r, column=4).value
        cell = cells.get(key)
        if cell is None or cell.value is None:
            assert value is None, key           # empty, never a 0 nobody typed
        else:
            assert isinstance(value, (int, float)), key
            assert value == pytest.approx(cell.value, abs=0.005), key
    assert sh.cell(row=rows["dossier.received_total"], column=4).number_format == "#,##0"
    assert sh.column_dimensions[sh.cell(row=1, column=key_col).column_letter].hidden


def test_headers_merged_bold_and_print_setup(book):
    wb = load_workbook(book)
    sh = wb["Phụ lục 1"]
    merged = {str(m) for m in sh.merged_cells.ranges}
    assert "A1:E1" in merged                     # "Phụ lục 1" across the table
    assert sh["A6"].value == "STT" and sh["A4"].value.startswith("(Kèm theo Báo cáo số 341/BC-UBND")
    assert "C6:D6" in merged                     # "Kết quả thống kê" over Đơn vị tính / Số liệu
    assert "A6:A7" in merged and "E6:E7" in merged
    assert sh["C6"].value == "Kết quả thống kê" and sh["C6"].font.b
    assert sh["D7"].value == "Số liệu"
    assert sh["B9"].alignment.wrap_text and sh["B9"].border.left.style == "thin"
    assert sh["B9"].font.name == "Times New Roman"
    assert int(sh.page_setup.paperSize) == 9      # A4
    assert sh.page_setup.orientation == "portrait"
    assert sh.page_setup.fitToWidth == 1 and sh.page_setup.fitToHeight == 0
    assert sh.sheet_properties.pageSetUpPr.fitToPage
    assert sh.print_title_rows == "$6:$7"
    assert sh.page_margins.left == pytest.approx(30 / 25.4)
    assert sh.column_dimensions["B"].width > sh.column_dimensions["A"].width
    assert wb["Phụ lục 2"].page_setup.orientation == "landscape"


def test_round_trip_into_a_fresh_workspace(demo_ws, book, tmp_path):
    fresh = Workspace.create(tmp_path / "moi.cchc", name="UBND phường 2")
    try:
        fresh.add_period("2022-H1")
        n = appendix_xlsx.import_workbook(fresh, "2022-H1", book)
        assert n > 0
        a, b = rollup.values(demo_ws, "2022-H1"), rollup.values(fresh, "2022-H1")
        tpl = templates.load_file(TEST_TEMPLATE, demo_ws.catalogue)
        for key in tpl.keys():
            va = a[key].value if key in a else None
            vb = b[key].value if key in b else None
            assert (va is None) == (vb is None), key
            if va is not None:
                assert vb == pytest.approx(va, abs=0.005), key
        # importing it again changes nothing
        assert appendix_xlsx.import_workbook(fresh, "2022-H1", book) == 0
    finally:
        fresh.close()


def test_bad_cells_are_refused_whole_with_sheet_and_line(demo_ws, book, tmp_path):
    wb = load_workbook(book)
    sh = wb["Phụ lục 1"]
    rows, _ = key_rows(sh)
    sh.cell(row=rows["plan.tasks_planned"], column=4, value=50)
    sh.cell(row=rows["survey.method"], column=4, value=7)
    sh.cell(row=rows["tthc.in_force"], column=4, value="1.2.3")
    bad = tmp_path / "sai.xlsx"
    wb.save(bad)
    before = demo_ws.typed_values("2022-H1")
    with pytest.raises(ImportRejected) as err:
        appendix_xlsx.import_workbook(demo_ws, "2022-H1", bad)
    msg = str(err.value)
    assert f"trang “Phụ lục 1”, dòng {rows['survey.method']}" in msg
    assert f"dòng {rows['tthc.in_force']}" in msg
    assert demo_ws.typed_values("2022-H1") == before      # nothing written, not even the good cell


def test_not_our_workbook(demo_ws, tmp_path):
    from openpyxl import Workbook
    wb = Workbook()
    wb.active["A1"] = "key"
    path = tmp_path / "khac.xlsx"
    wb.save(path)
    with pytest.raises(ImportRejected):
        appendix_xlsx.import_workbook(demo_ws, "2022-H1", path)
    junk = tmp_path / "hong.xlsx"
    junk.write_bytes(b"not a zip")
    with pytest.raises(ImportRejected):
        appendix_xlsx.import_workbook(demo_ws, "2022-H1", junk)
    with pytest.raises(WorkspaceError):
        appendix_xlsx.import_workbook(demo_ws, "2022-H1", tmp_path / "khong-co.xlsx")


def test_values_import_command_reads_the_workbook(demo_ws, demo_path, book, tmp_path):
    wb = load_workbook(book)
    sh = wb["Phụ lục 1"]
    rows, _ = key_rows(sh)
    sh.cell(row=rows["it.computers"], column=4, value=25)
    changed = tmp_path / "sua.xlsx"
    wb.save(changed)
    demo_ws.close()
    r = subprocess.run([sys.executable, "-m", "cchc_desktop.cli", "values", "import", "--db", str(demo_path),
                        "--period", "2022-H1", str(changed)], capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    assert "Đã nhập 1 chỉ tiêu" in r.stderr
    with Workspace.open(demo_path) as ws:
        assert ws.typed_values("2022-H1")["it.computers"] == 25


@pytest.mark.parametrize("name", templates.shipped_names())
def test_every_shipped_template_writes_and_reads_back_unchanged(demo_ws, tmp_path, name):
    tpl = templates.load(name, demo_ws)
    path = appendix_xlsx.write(demo_ws, "2022-H1", tpl, tmp_path / f"{name}.xlsx")
    wb = load_workbook(path)
    assert len(wb.worksheets) == len(tpl.appendices)
    cells = rollup.values(demo_ws, "2022-H1")
    for sh in wb.worksheets:
        assert int(sh.page_setup.paperSize) == 9 and sh.print_title_rows
        if not any(c.value == "key" for row in sh.iter_rows(max_row=12) for c in row):
            continue
        rows, _ = key_rows(sh)
        for key, r in rows.items():
            value = sh.cell(row=r, column=4).value
            if key in cells and cells[key].value is not None:
                assert value == pytest.approx(cells[key].value, abs=0.005), (name, key)
            else:
                assert value is None, (name, key)
    before = demo_ws.entries("2022-H1")
    if any(app.kind == "indicators" for app in tpl.appendices):
        assert appendix_xlsx.import_workbook(demo_ws, "2022-H1", path) == 0
    else:
        with pytest.raises(ImportRejected, match="bảng chi tiết"):
            appendix_xlsx.import_workbook(demo_ws, "2022-H1", path)
    assert demo_ws.entries("2022-H1") == before


HOSTILE = ["=HYPERLINK(\"http://x.invalid\",\"bấm\")", "=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(A1:A2)"]


@pytest.mark.parametrize("note", HOSTILE)
def test_text_starting_with_a_formula_sign_stays_text(demo_ws, tmp_path, note):
    """Issue 13: a note (or unit name) starting with = + - @ is written as text in every workbook."""
    from cchc_desktop.reports import collection_form
    demo_ws.set_value("2022-H1", "legal.issued", 0, note)
    tpl = templates.for_workspace(demo_ws)
    paths = [appendix_xlsx.write(demo_ws, "2022-H1", tpl, tmp_path / "pl.xlsx"),
             collection_form.write_xlsx(demo_ws, "2022-H1", 2, tmp_path / "phieu.xlsx", filled=True)]
    for path in paths:
        wb = load_workbook(path)                     # formulas as written, not cached values
        found = [c for sh in wb.worksheets for row in sh.iter_rows() for c in row if c.value == note]
        assert found, path.name
        for c in found:
            assert c.data_type == "s", (path.name, c.coordinate, c.data_type)
            assert c.quotePrefix, (path.name, c.coordinate)
        assert not [c for sh in wb.worksheets for row in sh.iter_rows() for c in row if c.data_type == "f"]
    # and it reads back as the note it was
    items = {k: n for k, _, n in appendix_xlsx.read_items(demo_ws, paths[0])}
    assert items["legal.issued"] == note
