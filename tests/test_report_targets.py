"""Targets and trends: the table target / result / met or not / gap, and the chart over the periods."""
from __future__ import annotations

from pypdf import PdfReader

from cchc_desktop.reports import charts, targets_pdf
from test_report_pdf import assert_a4_and_embedded


def test_targets_pdf_lists_each_target_with_status_and_gap(demo_ws, tmp_path):
    path = targets_pdf.write(demo_ws, "2022-H1", tmp_path / "mt.pdf")
    reader = assert_a4_and_embedded(path)
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert "KẾT QUẢ THỰC HIỆN CÁC MỤC TIÊU KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH" in text
    assert "Kèm theo Báo cáo số 341/BC-UBND" in text
    assert "Đạt" in text and "Chưa có số liệu" in text
    # 31/44 tasks at the end of June: judged against half of the year's 100 % (trajectory)
    assert "70,45%" in text and "≥ 50% (cả năm ≥ 100%)" in text and "+20,45" in text
    assert "Chưa đạt" not in text
    assert "Hồ sơ giải quyết trước hạn, đúng hạn" in text   # the chart's legend


def test_trend_compares_periods_of_the_same_kind_and_leaves_gaps(demo_ws, tmp_path):
    demo_ws.add_period("2021-H1")
    demo_ws.add_period("2023-H1")
    demo_ws.add_period("2023-Q1")
    demo_ws.set_values("2023-H1", [("dossier.resolved_early", "50"), ("dossier.resolved_on_time", "40"),
                                   ("dossier.resolved_total", "100")])
    codes, series = charts.trend(demo_ws, "2023-H1")
    assert codes == ["2021-H1", "2022-H1", "2023-H1"]
    on_time = next(s for s in series if s.key == "dossier.on_time_rate")
    assert on_time.points == [("2021-H1", None), ("2022-H1", 100.0), ("2023-H1", 90.0)]
    # isolated points and gaps draw without error
    path = targets_pdf.write(demo_ws, "2023-H1", tmp_path / "mt.pdf")
    assert len(PdfReader(path).pages) >= 1
