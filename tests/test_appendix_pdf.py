"""Appendices as PDF: rows, Vietnamese numbers, empty cells, repeated headers, page numbers."""
from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from cchc_desktop import templates
from cchc_desktop.reports import appendix_pdf, tables
from test_report_pdf import MM, assert_a4_and_embedded, text_positions

TEST_TEMPLATE = Path(__file__).with_name("test_appendix_template.json")


@pytest.fixture
def template(demo_ws):
    return templates.load_file(TEST_TEMPLATE, demo_ws.catalogue)


def lines(page) -> list[str]:
    """The page's text runs joined into lines by baseline (top to bottom, left to right)."""
    rows: dict[int, list] = {}
    for x, y, t in text_positions(page):
        rows.setdefault(round(y), []).append((x, t))
    return [" ".join(" ".join(t for _, t in sorted(rows[y])).split()) for y in sorted(rows, reverse=True)]


def test_heading_and_figures(demo_ws, template, tmp_path):
    path = appendix_pdf.write(demo_ws, "2022-H1", template, tmp_path / "pl.pdf")
    reader = assert_a4_and_embedded(path)
    page = lines(reader.pages[0])
    text = "\n".join(line for p in reader.pages for line in lines(p))
    assert "Phụ lục 1" in page[0]
    assert "TẠI ỦY BAN NHÂN DÂN PHƯỜNG 2" in text
    assert "(Kèm theo Báo cáo số 341/BC-UBND ngày 15/6/2022 của UBND phường 2, thị xã Quảng Trị)" in " ".join(page)
    assert "1.1.1. Số nhiệm vụ đề ra trong kế hoạch Nhiệm vụ 44" in text
    assert "3.4.2. Tổng số hồ sơ đã tiếp nhận Hồ sơ 2.297" in text
    assert "Tỷ lệ hồ sơ xử lý trực tuyến mức độ 3 % 89,16" in text
    # a code row prints the code list wording of the template and the code value
    assert "Không = 0" in text and "Kết hợp = 2" in text


def test_missing_figures_print_as_empty_cells(demo_ws, template, tmp_path):
    path = appendix_pdf.write(demo_ws, "2022-H1", template, tmp_path / "pl.pdf")
    text = "\n".join(line for p in PdfReader(path).pages for line in lines(p))
    postal = [ln for ln in text.splitlines() if ln.startswith("3.4.3.")]
    assert postal and not any(ch.isdigit() for ch in postal[0][len("3.4.3."):].replace("(BCCI)", ""))
    # the template's static note prints where the period has none
    flat = " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())
    assert "Theo kế hoạch vốn của thị xã" in flat
    # the period's own note wins for its key
    demo_ws.set_value("2022-H1", "dossier.received_total", "2297", "Số liệu từ phần mềm một cửa")
    pages = PdfReader(appendix_pdf.write(demo_ws, "2022-H1", template, tmp_path / "b.pdf")).pages
    assert "Số liệu từ phần mềm một cửa" in " ".join(" ".join(p.extract_text() for p in pages).split())


def test_long_appendix_repeats_headers_and_numbers_its_own_pages(demo_ws, tmp_path):
    tasks = [{"year": 2022, "seq": i, "area": 1 + i % 3, "content": f"Nhiệm vụ cải cách số {i} của năm",
              "lead": "Văn phòng – Thống kê", "partners": "Các ban ngành", "deadline": "Quý II",
              "output": "Kế hoạch", "status": "Hoàn thành" if i % 2 else "Đang thực hiện", "percent_done": None,
              "note": ""} for i in range(1, 61)]
    with demo_ws.operation("Nhiệm vụ"):
        for t in tasks:
            demo_ws.change_row("plan_tasks", {"id": None}, t)
    tpl = templates.load_file(TEST_TEMPLATE, demo_ws.catalogue)
    path = appendix_pdf.write(demo_ws, "2022-H1", tpl, tmp_path / "pl.pdf")
    reader = assert_a4_and_embedded(path)
    assert len(reader.pages) >= 4
    portrait = [p for p in reader.pages if float(p.mediabox.width) < 600]
    landscape = [p for p in reader.pages if float(p.mediabox.width) > 800]
    assert portrait and len(landscape) >= 2
    for page in landscape:
        assert "Thời gian hoàn thành" in " ".join(page.extract_text().split())
    # the task appendix starts again at page 1 (no number), then 2, 3 …
    first_task = len(portrait)
    numbers = []
    for i, page in enumerate(reader.pages):
        h = float(page.mediabox.height)
        top = [t.strip() for x, y, t in text_positions(page) if y > h - 18 * MM]
        numbers.append(top)
    assert numbers[first_task] == []
    assert numbers[first_task + 1] == ["2"]
    text = " ".join(reader.pages[first_task].extract_text().split())
    assert "I CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" in text
    assert "100%" in text


def test_heading_placeholders_and_short_date():
    import datetime as dt
    assert tables.short_date(dt.date(2022, 6, 15)) == "15/6/2022"
    assert tables.short_date(dt.date(2023, 1, 5)) == "05/01/2023"
    assert tables.unit_phrase({"name": "UBND xã Quảng Thọ", "parent": "UBND huyện Quảng Điền"}) == \
        "UBND xã Quảng Thọ, huyện Quảng Điền"


@pytest.mark.parametrize("name", templates.shipped_names())
def test_every_shipped_template_renders(demo_ws, tmp_path, name):
    tpl = templates.load(name, demo_ws)
    path = appendix_pdf.write(demo_ws, "2022-H1", tpl, tmp_path / f"{name}.pdf")
    reader = assert_a4_and_embedded(path)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "Kèm theo Báo cáo số 341/BC-UBND" in text
    for app in tpl.appendices:
        assert " ".join(tables.fill(app.label, tables.context(demo_ws, "2022-H1")).split()) in text


def test_detail_table_with_grouped_header_and_totals(demo_ws, tmp_path):
    names = [t.name for t in demo_ws.catalogue.detail_tables]
    if "dossiers_by_field" not in names:
        pytest.skip("no dossiers_by_field detail table in the catalogue")
    spec = demo_ws.catalogue.detail_table("dossiers_by_field")
    cols = [c.key for c in spec.columns]
    demo_ws.save_detail_row("2022-H1", "dossiers_by_field", "Chứng thực", {cols[0]: "1217", cols[1]: "159"})
    demo_ws.save_detail_row("2022-H1", "dossiers_by_field", "Hộ tịch", {cols[0]: "163", cols[1]: "160"})
    tpl = templates.parse({"name": "chi-tiet", "appendices": [
        {"id": "1", "label": "Phụ lục 1", "kind": "detail", "table": "dossiers_by_field", "orientation": "landscape",
         "heading": ["KẾT QUẢ GIẢI QUYẾT HỒ SƠ THEO LĨNH VỰC"]}]}, demo_ws.catalogue)
    table = tables.build(demo_ws, "2022-H1", tpl.appendices[0])
    assert [r.cells[1].text for r in table.rows] == ["Chứng thực", "Hộ tịch", "Tổng cộng"]
    assert table.rows[-1].cells[2].text == "1.380" and table.rows[-1].style == "total"
    assert table.rows[0].cells[4].text == ""          # a column nobody filled stays empty, also in the total
    assert table.rows[-1].cells[4].text == ""
    path = appendix_pdf.write(demo_ws, "2022-H1", tpl, tmp_path / "ct.pdf")
    reader = assert_a4_and_embedded(path)
    assert float(reader.pages[0].mediabox.width) > 800
    text = " ".join(reader.pages[0].extract_text().split())
    assert "Số liệu lấy từ ngày 15/12/2021 đến ngày 14/6/2022" in text
    assert "Tổng cộng 1.380" in " ".join(" ".join(lines(reader.pages[0])).split())
