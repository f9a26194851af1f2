"""The rule engine: every family fires on a data set that breaks it and stays silent on one that does not."""
from __future__ import annotations

import json

import pytest

from cchc_desktop import rules
from cchc_desktop.store import WorkspaceError, now


def put(ws, code, **values):
    ws.set_values(code, [(k.replace("__", "."), v) for k, v in values.items()])


def raw(ws, code, key, value):
    """Store a value as an imported or older file might hold it, past the entry checks."""
    p = ws.period(code)
    with ws.operation("thử"):
        ws.change_row("entries", {"period_id": p.id, "key": key},
                      {"period_id": p.id, "key": key, "value": value, "note": None,
                       "changed_at": now(), "changed_by": "test"})


def found(ws, code, prefix):
    return [f for f in rules.check(ws, code) if f.rule.startswith(prefix)]


@pytest.fixture
def q3(ws):
    ws.add_period("2022-Q3")
    return ws


# ---- totals vs. parts ----------------------------------------------------------------

def test_sum_fires_with_the_numbers_in_the_message(q3):
    # Seed 004: 3.135 received, channels 1.989 + 97 + 726 + 363 = 3.175, 4 carried over.
    put(q3, "2022-Q3", dossier__received_total=3135, dossier__carried_over=4, dossier__received_direct=1989,
        dossier__received_postal=97, dossier__received_online_partial=726, dossier__received_online_full=363)
    [f] = found(q3, "2022-Q3", "sum.dossier_received")
    assert f.severity == "error"
    assert "dossier.received_total" in f.keys and "dossier.received_direct" in f.keys
    assert f.values["dossier.received_total"] == 3135
    assert "(3.135)" in f.message and "(3.179)" in f.message
    assert f.area == 3


def test_sum_silent_when_consistent_or_when_a_missing_part_could_explain(q3):
    put(q3, "2022-Q3", dossier__received_total=2297, dossier__carried_over=3, dossier__received_direct=242,
        dossier__received_online_partial=181, dossier__received_online_full=1871)
    # postal is missing: the known parts (2.297) equal the total — fine; and a smaller sum says nothing.
    assert found(q3, "2022-Q3", "sum.") == []
    put(q3, "2022-Q3", dossier__received_total=2400)
    assert found(q3, "2022-Q3", "sum.dossier_received") == []
    put(q3, "2022-Q3", dossier__received_postal=0)
    assert len(found(q3, "2022-Q3", "sum.dossier_received")) == 1


def test_sum_silent_without_total(q3):
    put(q3, "2022-Q3", dossier__resolved_early=5, dossier__resolved_on_time=3)
    assert found(q3, "2022-Q3", "sum.") == []


def test_sum_resolved(q3):
    put(q3, "2022-Q3", dossier__resolved_total=541, dossier__resolved_early=222, dossier__resolved_on_time=317,
        dossier__resolved_late=2)
    assert found(q3, "2022-Q3", "sum.dossier_resolved") == []
    put(q3, "2022-Q3", dossier__resolved_late=5)
    [f] = found(q3, "2022-Q3", "sum.dossier_resolved")
    assert "(541)" in f.message and "(544)" in f.message


# ---- part ≤ whole ----------------------------------------------------------------------

def test_part_above_whole(q3):
    put(q3, "2022-Q3", staff__civil_servants=9, staff__civil_servants_qualified=9, plan__tasks_planned=7,
        plan__tasks_done=7)
    assert found(q3, "2022-Q3", "le.") == []
    put(q3, "2022-Q3", staff__civil_servants_qualified=10, plan__tasks_done=8)
    codes = {f.rule for f in found(q3, "2022-Q3", "le.")}
    assert codes == {"le.civil_servants_qualified", "le.tasks_done"}
    f = next(f for f in found(q3, "2022-Q3", "le.tasks_done"))
    assert "(8)" in f.message and "(7)" in f.message and f.area == 1


def test_part_silent_when_whole_missing(q3):
    put(q3, "2022-Q3", plan__tasks_done=8, it__staff_using_it=18)
    assert found(q3, "2022-Q3", "le.") == []


# ---- balance ---------------------------------------------------------------------------

def test_balance(q3):
    put(q3, "2022-Q3", dossier__received_total=2297, dossier__resolved_total=2293, dossier__pending=4)
    assert found(q3, "2022-Q3", "balance.") == []
    put(q3, "2022-Q3", dossier__pending=14)
    [f] = found(q3, "2022-Q3", "balance.dossiers")
    assert "(2.297)" in f.message and "(2.307)" in f.message


def test_balance_silent_without_pending(q3):
    put(q3, "2022-Q3", dossier__received_total=2297, dossier__resolved_total=2200)
    assert found(q3, "2022-Q3", "balance.") == []


# ---- typed rates at the printed precision -----------------------------------------------

def test_rate_at_printed_precision_right(q3):
    # 77 for 34/44 (77,27 %) is right: 77 was printed without decimals.
    put(q3, "2022-Q3", plan__tasks_planned=44, plan__tasks_done=34, plan__completion_rate=77)
    assert found(q3, "2022-Q3", "rate.") == []


def test_rate_seed_002_is_wrong(q3):
    # Seed 002: 99,8 % on time, but (222 + 317) / 541 = 99,63 %.
    put(q3, "2022-Q3", dossier__resolved_total=541, dossier__resolved_early=222, dossier__resolved_on_time=317,
        dossier__on_time_rate="99,8")
    [f] = found(q3, "2022-Q3", "rate.")
    assert f.severity == "error" and f.rule == "rate.typed"
    assert f.keys[0] == "dossier.on_time_rate"
    assert "99,8" in f.message and "99,63" in f.message


def test_rate_one_off_in_last_place_is_a_rounding_warning(q3):
    # Seed 000: 97,95 % typed for 1.871 / 1.910 = 97,958 % (rounds to 97,96).
    put(q3, "2022-Q3", dvc__online_dossiers_full=1871, dvc__all_dossiers_full=1910, dvc__online_rate_full="97,95")
    [f] = found(q3, "2022-Q3", "rate.")
    assert f.severity == "warning" and "97,96" in f.message
    put(q3, "2022-Q3", dvc__online_rate_full="97,96")
    assert found(q3, "2022-Q3", "rate.") == []


def test_rate_one_up_in_last_place_is_an_error_not_a_rounding(q3):
    # 40 / 47 = 85,11 %: "86" is neither the rounding (85) nor the truncation (85).
    put(q3, "2022-Q3", survey__forms=47, survey__satisfied=40, survey__satisfaction_rate=86)
    [f] = found(q3, "2022-Q3", "rate.")
    assert (f.severity, f.rule) == ("error", "rate.typed")
    assert "86%" in f.message and "85,11%" in f.message and "làm tròn là 85%" in f.message
    put(q3, "2022-Q3", survey__satisfaction_rate=85)
    assert found(q3, "2022-Q3", "rate.") == []
    put(q3, "2022-Q3", survey__satisfaction_rate="85,1")
    assert found(q3, "2022-Q3", "rate.") == []


def test_rate_is_checked_at_the_precision_typed_trailing_zero_included(q3):
    # 40 / 47 = 85,106 %: "85,10" is cut off at two places (a slip), "85,11" right, "85,1" right at one.
    put(q3, "2022-Q3", survey__forms=47, survey__satisfied=40, survey__satisfaction_rate="85,10")
    [f] = found(q3, "2022-Q3", "rate.")
    assert f.severity == "warning" and "85,10%" in f.message and "85,11%" in f.message
    # 4.001 / 4.700 = 85,1277 %: "85,10" is wrong at two places although 85,1 is right at one
    put(q3, "2022-Q3", survey__forms=4700, survey__satisfied=4001)
    [f] = found(q3, "2022-Q3", "rate.")
    assert f.severity == "error" and "85,13" in f.message


def test_typed_aggregate_without_its_split_feeds_the_rate(q3):
    # online dossiers 7.600 typed with no partial / full split; the typed 50 % is caught
    put(q3, "2022-Q3", dvc__online_dossiers=7600, dvc__all_dossiers=8930, dvc__online_rate=50)
    [f] = found(q3, "2022-Q3", "rate.")
    assert f.severity == "error" and f.keys[0] == "dvc.online_rate" and "85,11" in f.message
    put(q3, "2022-Q3", dossier__received_online=7600, dossier__received_total=8930, dossier__carried_over=0,
        dossier__online_rate=50)
    assert any(f.keys[0] == "dossier.online_rate" and f.is_error for f in found(q3, "2022-Q3", "rate."))


def test_a_consistent_set_of_typed_aggregates_raises_nothing(q3):
    put(q3, "2022-Q3", dossier__carried_over=10, dossier__received_direct=1320, dossier__received_online=7600,
        dossier__received_total=8930, dossier__online_rate="85,20", dossier__resolved_total=8900,
        dossier__pending=30, dvc__online_dossiers=7600, dvc__all_dossiers=8920, dvc__online_rate="85,2")
    assert [f for f in rules.check(q3, "2022-Q3") if f.is_error] == []


def test_rate_silent_without_parts(q3):
    put(q3, "2022-Q3", dossier__on_time_rate="99,8", dossier__resolved_total=541)
    assert found(q3, "2022-Q3", "rate.") == []


# ---- domains -------------------------------------------------------------------------

def test_code_outside_list_seed_004(q3):
    raw(q3, "2022-Q3", "dialogue.held", 4)      # "Không = 0 Có = 1", the report printed 4
    [f] = found(q3, "2022-Q3", "domain.")
    assert f.keys == ["dialogue.held"] and f.severity == "error"
    assert "4" in f.message and "Có = 1" in f.message


def test_domain_negative_fraction_percent(q3):
    raw(q3, "2022-Q3", "dossier.pending", -1)
    raw(q3, "2022-Q3", "staff.present", 2.5)
    raw(q3, "2022-Q3", "dvc.online_rate_partial", 120)
    raw(q3, "2022-Q3", "dossier.received_total", "nhiều")
    keys = {f.keys[0] for f in found(q3, "2022-Q3", "domain.")}
    assert keys == {"dossier.pending", "staff.present", "dvc.online_rate_partial", "dossier.received_total"}


def test_domain_silent_on_good_values(q3):
    put(q3, "2022-Q3", dialogue__held=1, survey__method=2, dossier__pending=0, dvc__online_rate_partial="89,16")
    assert found(q3, "2022-Q3", "domain.") == []


# ---- the data window -------------------------------------------------------------------

def test_window_start_after_end(ws):
    ws.add_period("2023-9M", "2023-09-01", "2022-11-05")
    [f] = found(ws, "2023-9M", "window")
    assert f.keys == ["period.window"] and f.severity == "error" and f.area is None


def test_window_length_does_not_fit_seed_004(ws):
    ws.add_period("2023-9M", "2022-11-05", "2023-09-01")   # 05/11/2022 – 01/9/2023 for 9 months
    [f] = found(ws, "2023-9M", "window")
    assert "05/11/2022" in f.message


def test_window_default_is_silent(ws):
    ws.add_period("2023-9M")
    assert found(ws, "2023-9M", "window") == []


# ---- the same figure in two places ------------------------------------------------------

def test_digitisation_vs_dossiers_received(q3):
    put(q3, "2022-Q3", dossier__received_total=2297, dossier__carried_over=3, digitization__received=2294)
    assert found(q3, "2022-Q3", "same.digitization") == []
    put(q3, "2022-Q3", digitization__received=2297)
    [f] = found(q3, "2022-Q3", "same.digitization")
    assert "(2.297)" in f.message and "(2.294)" in f.message


def test_typed_h1_vs_rollup_of_quarters(ws):
    for q in ("2022-Q1", "2022-Q2", "2022-H1"):
        ws.add_period(q)
    # received holds the carried-over: H1 = Q1's 5 carried over + 95 + 110 received in the quarters
    put(ws, "2022-Q1", dossier__received_total=100, dossier__carried_over=5, tthc__in_force=130)
    put(ws, "2022-Q2", dossier__received_total=120, dossier__carried_over=10, tthc__in_force=136)
    put(ws, "2022-H1", dossier__received_total=210, tthc__in_force=136)
    assert found(ws, "2022-H1", "same.typed_vs_computed") == []
    put(ws, "2022-H1", dossier__received_total=220, tthc__in_force=130)   # the quarters' totals added up
    fs = found(ws, "2022-H1", "same.typed_vs_computed")
    assert {f.keys[0] for f in fs} == {"dossier.received_total", "tthc.in_force"}
    msg = next(f.message for f in fs if f.keys[0] == "dossier.received_total")
    assert "220" in msg and "210" in msg


def test_rollup_silent_when_a_quarter_is_missing(ws):
    ws.add_period("2022-Q1")
    ws.add_period("2022-H1")
    put(ws, "2022-Q1", dossier__received_total=100)
    put(ws, "2022-H1", dossier__received_total=250)
    assert found(ws, "2022-H1", "same.typed_vs_computed") == []


# ---- continuity and cumulative values ---------------------------------------------------

def test_carried_over_equals_previous_pending(ws):
    ws.add_period("2022-Q1")
    ws.add_period("2022-Q2")
    put(ws, "2022-Q1", dossier__pending=4)
    put(ws, "2022-Q2", dossier__carried_over=4)
    assert found(ws, "2022-Q2", "continuity.") == []
    put(ws, "2022-Q2", dossier__carried_over=3)
    [f] = found(ws, "2022-Q2", "continuity.carried_over")
    assert "(3)" in f.message and "Quý I năm 2022: 4" in f.message


def test_continuity_silent_without_previous_period(ws):
    ws.add_period("2022-Q2")
    put(ws, "2022-Q2", dossier__carried_over=3)
    assert found(ws, "2022-Q2", "continuity.") == []


def test_cumulative_value_falls(ws):
    ws.add_period("2022-Q1")
    ws.add_period("2022-Q2")
    put(ws, "2022-Q1", plan__tasks_done=10)
    put(ws, "2022-Q2", plan__tasks_done=12)
    assert found(ws, "2022-Q2", "cumulative.") == []
    put(ws, "2022-Q2", plan__tasks_done=8)
    [f] = found(ws, "2022-Q2", "cumulative.")
    assert f.keys == ["plan.tasks_done"] and "10" in f.message and "8" in f.message


# ---- obligations -------------------------------------------------------------------------

def test_obligations(q3):
    put(q3, "2022-Q3", dossier__resolved_late=2, dossier__apologies=2, staff__quota=21, staff__present=21,
        invest__plan_mvnd=1000, invest__disbursed_mvnd=900)
    assert found(q3, "2022-Q3", "obligation.") == []
    put(q3, "2022-Q3", dossier__apologies=0, staff__present=22, invest__disbursed_mvnd=1200)
    fs = found(q3, "2022-Q3", "obligation.")
    assert {f.rule for f in fs} == {"obligation.apologies", "obligation.staff_quota", "obligation.disbursement"}
    assert all(f.severity == "warning" for f in fs)
    quota = next(f for f in fs if f.rule == "obligation.staff_quota")
    assert "(22)" in quota.message and "(21)" in quota.message and quota.area == 4


# ---- far out of line with the unit's own history -----------------------------------------

def test_outlier_warning_and_acknowledgement(ws):
    for q in ("2022-Q1", "2022-Q2", "2022-Q3"):
        ws.add_period(q)
    put(ws, "2022-Q1", dossier__received_direct=240, propaganda__portal_posts=10)
    put(ws, "2022-Q2", dossier__received_direct=260, propaganda__portal_posts=12)
    put(ws, "2022-Q3", dossier__received_direct=3000, propaganda__portal_posts=11)
    [f] = found(ws, "2022-Q3", "outlier.")
    assert f.keys == ["dossier.received_direct"] and f.severity == "warning"
    assert f.acknowledged is None
    rules.acknowledge(ws, "2022-Q3", f, "Đợt cấp đổi giấy tờ hàng loạt")
    [again] = found(ws, "2022-Q3", "outlier.")
    assert again.acknowledged == "Đợt cấp đổi giấy tờ hàng loạt"
    ws.undo()
    assert found(ws, "2022-Q3", "outlier.")[0].acknowledged is None


def test_outlier_silent_on_usual_values_and_short_history(ws):
    for q in ("2022-Q1", "2022-Q2"):
        ws.add_period(q)
    put(ws, "2022-Q1", dossier__received_direct=240)
    put(ws, "2022-Q2", dossier__received_direct=2600)   # only one earlier period
    assert found(ws, "2022-Q2", "outlier.") == []
    ws.add_period("2022-Q3")
    put(ws, "2022-Q2", dossier__received_direct=260)
    put(ws, "2022-Q3", dossier__received_direct=300)
    assert found(ws, "2022-Q3", "outlier.") == []


def test_errors_cannot_be_acknowledged(q3):
    put(q3, "2022-Q3", plan__tasks_planned=3, plan__tasks_done=5)
    [f] = found(q3, "2022-Q3", "le.tasks_done")
    with pytest.raises(WorkspaceError):
        rules.acknowledge(q3, "2022-Q3", f, "vì sao")


# ---- rules as data ------------------------------------------------------------------------

def test_user_rule_added_to_workspace(q3):
    rule = {"code": "unit.posts", "type": "le", "severity": "warning", "left": "propaganda.portal_posts",
            "right": "direction.documents_issued * 2",
            "message": "Số bài viết ({left}) nhiều hơn hai lần số văn bản chỉ đạo ({right})."}
    rules.add_rule(q3, rule)
    put(q3, "2022-Q3", propaganda__portal_posts=20, direction__documents_issued=10)
    assert found(q3, "2022-Q3", "unit.") == []
    put(q3, "2022-Q3", propaganda__portal_posts=21)
    [f] = found(q3, "2022-Q3", "unit.posts")
    assert f.message == "Số bài viết (21) nhiều hơn hai lần số văn bản chỉ đạo (20)."
    stored = q3.conn.execute("SELECT definition FROM rules WHERE code = 'unit.posts'").fetchone()[0]
    assert json.loads(stored)["type"] == "le"
    rules.delete_rule(q3, "unit.posts")
    assert found(q3, "2022-Q3", "unit.") == []


def test_user_rule_can_lower_or_switch_off_a_shipped_rule(q3):
    put(q3, "2022-Q3", staff__quota=20, staff__present=22)
    rules.add_rule(q3, {"code": "obligation.staff_quota", "type": "obligation", "disabled": True,
                        "left": "staff.present", "right": "staff.quota"})
    assert found(q3, "2022-Q3", "obligation.staff") == []


@pytest.mark.parametrize("bad", [
    {"code": "x", "type": "nonsense"},
    {"code": "x", "type": "le", "left": "no.such_key", "right": "staff.quota"},
    {"code": "x", "type": "le", "left": "__import__('os')", "right": "staff.quota"},
    {"code": "x", "type": "sum", "total": "dossier.received_total"},
    {"type": "le", "left": "staff.present", "right": "staff.quota"},
    {"code": "x", "type": "le", "severity": "fatal", "left": "staff.present", "right": "staff.quota"},
])
def test_bad_user_rules_refused(q3, bad):
    with pytest.raises(WorkspaceError):
        rules.add_rule(q3, bad)
    assert rules.user_rules(q3) == []


def test_every_shipped_rule_parses_against_the_catalogue(ws):
    for definition in rules.shipped_definitions():
        rules.parse_rule(definition, ws.catalogue)      # raises on a key the catalogue lacks
    parsed = rules.rules_for(ws)
    assert len(parsed) == len(rules.shipped_definitions())
    assert {r.type for r in parsed} >= {"sum", "le", "balance", "rate", "domain", "window", "same", "rollup",
                                        "continuity", "cumulative", "obligation", "outlier"}


def test_finding_to_json(q3):
    put(q3, "2022-Q3", plan__tasks_planned=3, plan__tasks_done=5)
    [f] = found(q3, "2022-Q3", "le.tasks_done")
    data = f.to_json()
    assert set(data) >= {"rule", "severity", "keys", "values", "message", "area", "acknowledged"}
    json.dumps(data, ensure_ascii=False)


def test_consistent_sample_raises_no_error(demo_ws):
    for p in demo_ws.periods():
        assert [f for f in rules.check(demo_ws, p.code) if f.severity == "error"] == []


def test_overdue_tasks_of_the_annual_plan(ws):
    from cchc_desktop import plans
    ws.add_period("2023-H1")
    plans.save_task(ws, 2023, content="Ban hành kế hoạch", deadline="Tháng 1", status="Hoàn thành")
    plans.save_task(ws, 2023, content="Rà soát TTHC", deadline="Tháng 12", status="Đang thực hiện")
    assert found(ws, "2023-H1", "obligation.overdue") == []
    plans.save_task(ws, 2023, content="Kiểm tra CCHC", deadline="Quý I", status="Đang thực hiện")
    [f] = found(ws, "2023-H1", "obligation.overdue")
    assert f.severity == "warning" and "Kiểm tra CCHC" in f.message and "14/06/2023" in f.message


def test_balance_counts_withdrawn_when_recorded(q3):
    put(q3, "2022-Q3", dossier__received_total=100, dossier__resolved_total=90, dossier__pending=6)
    assert len(found(q3, "2022-Q3", "balance.")) == 1
    put(q3, "2022-Q3", dossier__withdrawn=4)
    assert found(q3, "2022-Q3", "balance.") == []


def test_seed_004_resolved_on_time_channels(q3):
    # Seed 004: 3.135 resolved on time, yet 1.989 + 97 + 726 + 363 = 3.175 by how results went out.
    put(q3, "2022-Q3", dossier__resolved_in_time=3135, dossier__returned_direct=1989, dossier__returned_postal=97,
        dossier__resolved_online_partial=726, dossier__resolved_online_full=363)
    [f] = found(q3, "2022-Q3", "sum.resolved_in_time")
    assert "(3.135)" in f.message and "(3.175)" in f.message


def test_seed_001_digitisation_adds_up(q3):
    # Seed 001: 673 received = 527 with some components + 146 without; 651 resolved = 647 + 4.
    put(q3, "2022-Q3", digitization__received=673, digitization__components_some=527,
        digitization__components_full=522, digitization__components_missing=146, digitization__resolved=651,
        digitization__results=647, digitization__results_missing=4)
    assert [f for f in rules.check(q3, "2022-Q3") if f.severity == "error"] == []
    put(q3, "2022-Q3", digitization__components_missing=150)
    assert len(found(q3, "2022-Q3", "sum.digitization_components")) == 1


def test_window_exact_9_months_from_15_11(ws):
    # issue 10 §2: a 9M of 15/11/2022–14/09/2023 passed silently when "within a month" was enough
    ws.add_period("2023-9M", "2022-11-15", "2023-09-14")
    [f] = found(ws, "2023-9M", "window")
    assert "15/12/2022 – 14/09/2023" in f.message and "30 ngày" in f.message and f.severity == "error"


def test_window_of_a_quarter_from_15_02(ws):
    ws.add_period("2023-Q2", "2023-02-15", "2023-06-14")
    [f] = found(ws, "2023-Q2", "window")
    assert "15/02/2023 – 14/06/2023" in f.message and "15/03/2023 – 14/06/2023" in f.message


def test_window_of_a_new_ward_and_its_custom_period_check_clean(ws):
    ws.update_unit(established="2025-07-01")
    ws.add_period("2025-Q3")
    ws.add_period("2025-H2")
    ws.add_period("2025-07-01..2025-10-31", report_date="2025-11-03")
    for code in ("2025-Q3", "2025-H2", "2025-07-01..2025-10-31"):
        assert found(ws, code, "window") == [], code


def test_window_of_a_calendar_unit(ws):
    ws.update_unit(calendar_windows=1)
    ws.add_period("2025-H1")
    assert found(ws, "2025-H1", "window") == []
    ws.update_period("2025-H1", window_from="2024-12-15", window_to="2025-06-14")
    [f] = found(ws, "2025-H1", "window")
    assert "01/01/2025 – 30/06/2025" in f.message


def test_every_shipped_rule_passes_the_authoring_checks_so_it_can_be_lowered(q3):
    for d in rules.shipped_definitions():
        rules.check_new_rule(q3, d)
    rules.add_rule(q3, {"code": "le.survey_satisfied", "type": "le", "left": "survey.satisfied",
                        "right": "survey.forms", "severity": "warning"})   # an override, not a duplicate
    assert rules.new_rule_code(q3, "le") == "don_vi.le.1"
    code = rules.add_rule(q3, {"code": rules.new_rule_code(q3, "le"), "type": "le", "left": "dossier.pending",
                               "right": "dossier.received_total"})
    assert code == "don_vi.le.1" and rules.new_rule_code(q3, "le") == "don_vi.le.2"
    with pytest.raises(WorkspaceError, match="Đã có quy tắc này"):
        rules.add_rule(q3, {"code": "x.2", "type": "le", "left": "dossier.pending", "right": "dossier.received_total"})
    with pytest.raises(WorkspaceError, match="Đã có quy tắc này"):   # A = B is B = A
        rules.add_rule(q3, {"code": "x.3", "type": "same", "left": "digitization.received",
                            "right": "dossier.received_total - dossier.carried_over"})


def test_a_typed_figure_against_the_register_is_an_error(q3):
    # the narrative counts the register ("ban hành 1 văn bản") while the appendix prints the typed 6
    q3.save_document("01/KH-UBND", "15/07/2022", "Kế hoạch", "Kế hoạch CCHC")
    put(q3, "2022-Q3", direction__documents_issued=6)
    [f] = found(q3, "2022-Q3", "same.typed_vs_computed")
    assert f.is_error and f.rule.endswith(".register") and "6" in f.message and "1" in f.message


@pytest.mark.parametrize("code", ["2025-07-01..2025-09-08", "2025-07-01..2025-11-30"])
def test_to_date_reports_of_new_communes_check_clean(ws, code):
    # issue 11: "to date" reports of the new communes (01/07–08/09/2025, 01/07–30/11/2025), figures agreeing
    ws.update_unit(established="2025-07-01")
    ws.add_period(code, report_date=code[-10:])
    ws.set_values(code, [("dossier.carried_over", 0), ("dossier.received_direct", 40), ("dossier.received_online", 160),
                         ("dossier.received_total", 200), ("dossier.resolved_total", 180),
                         ("dossier.resolved_early", 175), ("dossier.resolved_on_time", 5), ("dossier.resolved_late", 0),
                         ("dossier.pending", 20)])
    assert [f.message for f in rules.check(ws, code)] == []
