"""Plan targets evaluated for a period: met / not met / no data with the gap."""
import pytest

from cchc_desktop import plans, targets


@pytest.fixture
def planned(ws):
    pid = plans.save_plan(ws, "1069/QĐ-UBND", "31/12/2021", "UBND phường 2",
                          "Kế hoạch CCHC giai đoạn 2021-2025, định hướng đến năm 2030", 2021, 2030)
    plans.save_target(ws, pid, "Hồ sơ giải quyết đúng hạn và trước hạn", "dossier.on_time_rate", ">=", 100)
    plans.save_target(ws, pid, "Hồ sơ trực tuyến mức độ 3, 4", "dossier.online_rate", ">=", 50, year_from=2025,
                      year_to=2029)
    plans.save_target(ws, pid, "Hồ sơ trực tuyến mức độ 3, 4 (2030)", "dossier.online_rate", ">=", 80,
                      year_from=2030)
    plans.save_target(ws, pid, "Số hóa kết quả giải quyết TTHC", "digitization.results_rate", ">=",
                      trajectory=plans.trajectory(2022, 15, 20, 2025, 100))
    plans.save_target(ws, pid, "Mức độ hài lòng", "survey.satisfaction_rate", ">=", 90)
    return ws


def by_label(results):
    return {r.label: r for r in results}


def test_met_not_met_no_data_with_gap(planned):
    planned.add_period("2023-H1")
    planned.set_values("2023-H1", [
        ("dossier.resolved_total", 200), ("dossier.resolved_early", 150), ("dossier.resolved_on_time", 48),
        ("digitization.resolved", 200), ("digitization.results", 80)])
    got = by_label(targets.evaluate(planned, "2023-H1"))
    on_time = got["Hồ sơ giải quyết đúng hạn và trước hạn"]
    assert on_time.status == "not_met" and on_time.actual == pytest.approx(99.0) and on_time.gap == pytest.approx(-1)
    assert on_time.plan == "1069/QĐ-UBND" and on_time.keys == ["dossier.on_time_rate"]
    digit = got["Số hóa kết quả giải quyết TTHC"]
    assert digit.target == 35 and digit.status == "met" and digit.gap == pytest.approx(5)
    assert got["Mức độ hài lòng"].status == "no_data" and got["Mức độ hài lòng"].actual is None
    assert "Hồ sơ trực tuyến mức độ 3, 4" not in got      # applies from 2025
    data = on_time.to_json()
    assert set(data) >= {"plan", "keys", "target", "actual", "status", "gap", "unit", "op", "label"}


def test_typed_rate_is_the_actual_and_trajectory_after_its_end(planned):
    planned.add_period("2026-Y")
    planned.set_values("2026-Y", [("dossier.online_rate", "62,5"), ("digitization.results_rate", 100)])
    got = by_label(targets.evaluate(planned, "2026-Y"))
    assert got["Hồ sơ trực tuyến mức độ 3, 4"].status == "met"
    assert got["Hồ sơ trực tuyến mức độ 3, 4"].gap == pytest.approx(12.5)
    assert "Hồ sơ trực tuyến mức độ 3, 4 (2030)" not in got
    assert got["Số hóa kết quả giải quyết TTHC"].target == 100


def test_targets_before_the_first_trajectory_year_do_not_apply(planned):
    planned.add_period("2021-Y")
    assert "Số hóa kết quả giải quyết TTHC" not in by_label(targets.evaluate(planned, "2021-Y"))


def test_no_plans_no_results(ws):
    ws.add_period("2022-H1")
    assert targets.evaluate(ws, "2022-H1") == []


def test_sentence_in_vietnamese(planned):
    planned.add_period("2023-H1")
    planned.set_values("2023-H1", [("digitization.resolved", 200), ("digitization.results", 80)])
    r = by_label(targets.evaluate(planned, "2023-H1"))["Số hóa kết quả giải quyết TTHC"]
    assert r.sentence() == "Số hóa kết quả giải quyết TTHC: 40% (mục tiêu ≥ 35%): Đạt, vượt 5."


def test_sample_workspace_plan_evaluates(demo_ws):
    for p in demo_ws.periods():
        for r in targets.evaluate(demo_ws, p.code):
            assert r.status in ("met", "not_met", "no_data")
