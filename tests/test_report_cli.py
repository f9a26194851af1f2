"""cchc report: writes the set for a period and prints each file, one per line."""
from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cchc_desktop.reports import filenames
from cli_helpers import cchc

TEST_TEMPLATE = Path(__file__).with_name("test_appendix_template.json")


def test_report_prints_the_files_it_wrote(demo_path, tmp_path):
    out = tmp_path / "ra"
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(out),
             "--template", str(TEST_TEMPLATE))
    assert r.returncode == 0, r.stderr
    files = [Path(line) for line in r.stdout.splitlines()]
    # report, appendices and (the sample unit has a plan) targets and trends
    assert sorted(f.suffix for f in files) == [".docx", ".pdf", ".pdf", ".pdf", ".xlsx"]
    assert any("_muc-tieu_" in f.name for f in files)
    for f in files:
        assert f.is_file() and f.parent == out
        assert f.name.isascii() and f.name.startswith("CCHC_phuong-2_2022-H1_") and "_20220615." in f.name
    assert not list(out.glob("*.part"))


def test_report_formats_and_errors(demo_path, tmp_path):
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--format", "docx")
    assert r.returncode == 0, r.stderr
    assert [Path(x).suffix for x in r.stdout.splitlines()] == [".docx"]
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--format", "odt")
    assert r.returncode == 1 and "Định dạng không hỗ trợ" in r.stderr
    r = cchc("report", "--db", str(demo_path), "--period", "2030-Q1", "--out", str(tmp_path))
    assert r.returncode == 1 and "Chưa có kỳ báo cáo" in r.stderr
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--template", "khong-co")
    assert r.returncode == 1 and "Không có mẫu phụ lục" in r.stderr


def test_collection_form_blank_and_filled(demo_path, tmp_path):
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--form", "3")
    assert r.returncode == 0, r.stderr
    blank = " ".join(PdfReader(r.stdout.strip()).pages[0].extract_text().split())
    assert "PHIẾU THU THẬP SỐ LIỆU" in blank and "Cải cách thủ tục hành chính" in blank
    assert "Số hồ sơ giải quyết trước hạn" in blank and "2.261" not in blank
    assert "NGƯỜI CUNG CẤP SỐ LIỆU" in " ".join(PdfReader(r.stdout.strip()).pages[-1].extract_text().split())
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--form", "3", "--filled")
    filled = " ".join(" ".join(p.extract_text() for p in PdfReader(r.stdout.strip()).pages).split())
    assert "2.261" in filled
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--form", "9")
    assert r.returncode == 1 and "Lĩnh vực 9" in r.stderr


def test_ascii_file_names():
    import datetime as dt
    assert filenames.document_name("UBND xã Đồng Lợi", "2023-Q3", "phụ lục", "xlsx", dt.date(2023, 9, 5)) == \
        "CCHC_xa-dong-loi_2023-Q3_phu-luc_20230905.xlsx"
    assert filenames.unit_slug("UBND phường 2") == "phuong-2"


def test_report_of_a_consolidation_workspace(demo_path, tmp_path):
    r = cchc("backup", "--db", str(demo_path), "--out", str(tmp_path / "gui"))
    assert r.returncode == 0, r.stderr
    c = tmp_path / "tong-hop.cchc"
    r = cchc("consolidate", "--db", str(c), "--unit", "UBND thị xã Quảng Trị", r.stdout.strip())
    assert r.returncode == 0, r.stderr
    r = cchc("report", "--db", str(c), "--period", "2022-H1", "--out", str(tmp_path / "ra"), "--format", "pdf,xlsx")
    assert r.returncode == 0, r.stderr
    pdf = next(Path(x) for x in r.stdout.splitlines() if "_phu-luc" in x and x.endswith(".pdf"))
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    assert "TẠI ỦY BAN NHÂN DÂN THỊ XÃ QUẢNG TRỊ" in text
    assert "Số nhiệm vụ đề ra trong kế hoạch Nhiệm vụ 44" in text      # the unit's figure, summed


def test_collection_form_in_excel_comes_back_with_values_import(demo_path, tmp_path):
    from openpyxl import load_workbook

    from cchc_desktop.store import Workspace
    r = cchc("report", "--db", str(demo_path), "--period", "2022-H1", "--out", str(tmp_path), "--form", "3",
             "--format", "xlsx")
    assert r.returncode == 0, r.stderr
    path = Path(r.stdout.strip())
    wb = load_workbook(path)
    sh = wb.worksheets[0]
    key_col = next(c.column for row in sh.iter_rows(max_row=12) for c in row if c.value == "key")
    row = next(c.row for c in sh[sh.cell(row=1, column=key_col).column_letter] if c.value == "dossier.received_postal")
    assert sh.cell(row=row, column=4).value is None        # blank form
    sh.cell(row=row, column=4, value=12)                   # a colleague fills in one figure
    wb.save(path)
    r = cchc("values", "import", "--db", str(demo_path), "--period", "2022-H1", str(path))
    assert r.returncode == 0, r.stderr
    with Workspace.open(demo_path) as ws:
        assert ws.typed_values("2022-H1")["dossier.received_postal"] == 12


def test_make_documents_refuses_an_unusable_folder_cleanly(demo_ws, tmp_path):
    import pytest

    from cchc_desktop.reports import make_documents
    from cchc_desktop.store import WorkspaceError
    from test_report_pdf import assert_a4_and_embedded
    blocker = tmp_path / "la-tep"
    blocker.write_text("x")
    with pytest.raises(WorkspaceError):
        make_documents(demo_ws, "2022-H1", blocker / "ra", template=str(TEST_TEMPLATE))
    files = make_documents(demo_ws, "2022-H1", tmp_path / "ra", ("pdf",), str(TEST_TEMPLATE))
    for f in files:
        assert_a4_and_embedded(f)
    from cchc_desktop.reports import collection_form
    assert_a4_and_embedded(collection_form.write(demo_ws, "2022-H1", 1, tmp_path / "phieu.pdf"))
