"""The report (Báo cáo) as PDF: read back with pypdf — form, figures, fonts, positions."""
from __future__ import annotations


import pytest
from pypdf import PdfReader

from cchc_desktop.reports import draft, report_pdf

MM = 72 / 25.4


def pdf_fonts(reader) -> list[tuple[str, bool]]:
    """(BaseFont, embedded) of every font used on every page."""
    out = []
    for page in reader.pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None and "/DescendantFonts" in font:
                desc = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            out.append((str(font["/BaseFont"]), desc is not None and "/FontFile2" in desc.get_object()))
    return out


def text_positions(page) -> list[tuple[float, float, str]]:
    """(x, y, text) of every text run on a page (x in points from the left edge)."""
    runs = []

    def visit(text, cm, tm, font_dict, size):
        if text.strip():
            runs.append((tm[4] * cm[0] + tm[5] * cm[2] + cm[4], tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))
    page.extract_text(visitor_text=visit)
    return runs


def assert_a4_and_embedded(path):
    reader = PdfReader(path)
    for page in reader.pages:
        w, h = float(page.mediabox.width), float(page.mediabox.height)
        assert (abs(w - 595.28) <= 1 and abs(h - 841.89) <= 1) or (abs(w - 841.89) <= 1 and abs(h - 595.28) <= 1)
    fonts = pdf_fonts(reader)
    assert fonts
    for name, embedded in fonts:
        assert embedded, f"font not embedded: {name}"
        assert "Helvetica" not in name and "Times-Roman" not in name
    return reader


@pytest.fixture
def report(demo_ws, tmp_path):
    return report_pdf.write(demo_ws, "2022-H1", tmp_path / "bao-cao.pdf")


def test_report_has_the_decree_30_form(report):
    reader = assert_a4_and_embedded(report)
    first = reader.pages[0].extract_text()
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Độc lập - Tự do - Hạnh phúc" in first
    assert "Số: 341/BC-UBND" in first
    assert "Phường 2, ngày 15 tháng 6 năm 2022" in first
    assert "ỦY BAN NHÂN DÂN" in first and "PHƯỜNG 2" in first
    assert "BÁO CÁO" in first
    everything = "\n".join(p.extract_text() for p in reader.pages)
    for heading in ("I. CÔNG TÁC CHỈ ĐẠO", "II. KẾT QUẢ", "III. ĐÁNH GIÁ CHUNG", "IV. NHIỆM VỤ TRỌNG TÂM",
                    "V. ĐỀ XUẤT"):
        assert heading in everything
    assert "Nơi nhận:" in everything
    assert "- Lưu:" in everything
    assert "TM. ỦY BAN NHÂN DÂN" in everything and "CHỦ TỊCH" in everything
    assert "Hoàng Thị Hằng" in everything
    # the dossier sentence, with the figures in Vietnamese format
    flat = " ".join(everything.split())
    assert "tiếp nhận tại Bộ phận Một cửa: 2.297 hồ sơ" in flat
    assert "trực tuyến toàn trình 1.871 hồ sơ" in flat


def test_body_text_keeps_the_left_margin_and_page_numbers_start_on_page_2(report):
    reader = PdfReader(report)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        xs = [x for x, _, _ in text_positions(page)]
        assert xs and min(xs) >= 30 * MM - 0.5
    top_first = [t for x, y, t in text_positions(reader.pages[0]) if y > 842 - 20 * MM]
    assert top_first == []
    top_second = [t.strip() for x, y, t in text_positions(reader.pages[1]) if y > 842 - 20 * MM]
    assert top_second == ["2"]


def test_leading_zeros_addressees_and_officer_text(demo_ws, tmp_path):
    demo_ws.update_period("2022-H1", report_number="5", report_date="05/01/2023")
    demo_ws.update_unit(addressees="UBND thị xã Quảng Trị")
    demo_ws.save_section("2022-H1", "V", "Đề nghị cấp trên hỗ trợ máy quét để số hóa hồ sơ.")
    path = report_pdf.write(demo_ws, "2022-H1", tmp_path / "r.pdf")
    text = "\n".join(p.extract_text() for p in PdfReader(path).pages)
    assert "Số: 05/BC-UBND" in text
    assert "Phường 2, ngày 05 tháng 01 năm 2023" in text
    assert "Kính gửi: UBND thị xã Quảng Trị" in " ".join(text.split())
    assert "Đề nghị cấp trên hỗ trợ máy quét" in text


def test_sections_are_stored_undone_and_refused_when_locked(demo_ws):
    demo_ws.save_section("2022-H1", "I", "Văn bản của cán bộ.")
    assert demo_ws.sections("2022-H1")["I"] == "Văn bản của cán bộ."
    assert draft.report_text(demo_ws, "2022-H1")["I"] == "Văn bản của cán bộ."
    demo_ws.undo()
    assert "I" not in demo_ws.sections("2022-H1")
    demo_ws.set_status("2022-H1", "final")
    from cchc_desktop.store import PeriodLocked
    with pytest.raises(PeriodLocked):
        demo_ws.save_section("2022-H1", "I", "Sửa sau khi chốt")


def test_draft_is_written_from_figures_register_and_tasks(demo_ws):
    demo_ws.save_document("72/QĐ-UBND", "2022-01-21", "Quyết định", "về việc ban hành Kế hoạch CCHC năm 2022")
    demo_ws.save_document("999/KH-UBND", "2021-06-01", "Kế hoạch", "ngoài kỳ báo cáo")
    # the typed 20 no longer agrees with the register's 21: the count printed is the appendix's,
    # without a list that would contradict it (and the checks raise an error)
    text = draft.draft_sections(demo_ws, "2022-H1")
    assert "đã ban hành 20 văn bản" in text["I"] and "72/QĐ-UBND" not in text["I"]
    demo_ws.set_value("2022-H1", "direction.documents_issued", 21)
    text = draft.draft_sections(demo_ws, "2022-H1")
    assert "đã ban hành 21 văn bản" in text["I"]
    assert "- Quyết định số 72/QĐ-UBND ngày 21/01/2022 về việc ban hành Kế hoạch CCHC năm 2022;" in text["I"]
    assert "999/KH-UBND" not in text["I"]
    assert "đề ra 44 nhiệm vụ; đến nay đã hoàn thành 31 nhiệm vụ, đạt 70,45%" in text["I"]
    assert "tiếp nhận tại Bộ phận Một cửa: 2.297 hồ sơ" in text["II"]
    assert "6 THÁNG CUỐI NĂM 2022" in draft.section_title("IV", "2022-H1")


def test_previous_period_text_is_taken_over(demo_ws):
    demo_ws.add_period("2022-H2")
    assert draft.previous_sections(demo_ws, "2022-H2") == {}
    demo_ws.save_section("2022-H1", "III", "Ưu điểm kỳ trước.")
    assert draft.previous_sections(demo_ws, "2022-H2") == {"III": "Ưu điểm kỳ trước."}
    draft.save_all(demo_ws, "2022-H2", draft.previous_sections(demo_ws, "2022-H2"))
    assert demo_ws.sections("2022-H2")["III"] == "Ưu điểm kỳ trước."


def test_no_date_yet_prints_blanks_not_a_wrong_date(demo_ws, tmp_path):
    demo_ws.update_period("2022-H1", report_number="", report_date="")
    text = PdfReader(report_pdf.write(demo_ws, "2022-H1", tmp_path / "r.pdf")).pages[0].extract_text()
    assert "/BC-UBND" in text and "341" not in text.split("BÁO CÁO")[0]
    assert "năm 2022" in text
