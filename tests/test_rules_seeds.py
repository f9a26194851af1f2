"""Figures re-entered from the seed reports raise the inconsistencies those reports contain."""
from __future__ import annotations

from cchc_desktop import rules
from cchc_desktop.store import now


def enter(ws, code, values):
    ws.set_values(code, list(values.items()))


def raw(ws, code, key, value):
    p = ws.period(code)
    with ws.operation("thử"):
        ws.change_row("entries", {"period_id": p.id, "key": key},
                      {"period_id": p.id, "key": key, "value": value, "note": None,
                       "changed_at": now(), "changed_by": "test"})


def errors(findings):
    return [f for f in findings if f.severity == "error"]


def test_seed_000_phuong_2_only_a_rounding_slip(ws):
    ws.add_period("2022-H1", "2021-12-15", "2022-06-14", 341)
    enter(ws, "2022-H1", {
        "plan.tasks_planned": 44, "plan.tasks_done": 31, "direction.documents_issued": 20,
        "assigned.total": 4, "assigned.done_on_time": 3, "assigned.done_late": 1,
        "survey.forms": 588, "survey.method": 2, "dialogue.held": 0, "survey.coverage_rate": "25,64",
        "tthc.in_force": 136, "tthc.on_national_portal": 136, "tthc.one_stop": 136,
        "tthc.online_partial": 19, "tthc.online_full": 63,
        "dossier.carried_over": 3, "dossier.received_direct": 242, "dossier.received_online_partial": 181,
        "dossier.received_online_full": 1871, "dossier.received_total": 2297,
        "dossier.resolved_early": 2261, "dossier.resolved_on_time": 32, "dossier.resolved_total": 2293,
        "dossier.pending": 4, "dossier.on_time_rate": 100,
        "staff.cadres": 9, "staff.cadres_qualified": 9, "staff.civil_servants": 9,
        "staff.civil_servants_qualified": 9, "it.staff_total": 18, "it.staff_using_it": 18,
        "dvc.online_dossiers_partial": 181, "dvc.all_dossiers_partial": 203, "dvc.online_rate_partial": "89,16",
        "dvc.online_dossiers_full": 1871, "dvc.all_dossiers_full": 1910, "dvc.online_rate_full": "97,95",
    })
    found = rules.check(ws, "2022-H1")
    assert errors(found) == []
    # 1.871 / 1.910 = 97,958 %: printed 97,95 instead of 97,96.
    [slip] = [f for f in found if "dvc.online_rate_full" in f.keys]
    assert slip.severity == "warning"


def test_seed_002_quang_tho_q3_on_time_rate(ws):
    ws.add_period("2022-Q3", report_number=141, report_date="05/9/2022")
    enter(ws, "2022-Q3", {
        "assigned.total": 54, "assigned.done_on_time": 54, "assigned.done_late": 0, "assigned.overdue_open": 0,
        "survey.conducted": 1, "survey.forms": 541, "survey.method": 0, "dialogue.held": 1,
        "legal.issued": 1, "legal.checked": 1, "legal.reviewed": 1, "legal.flagged": 0, "legal.flagged_resolved": 0,
        "tthc.in_force": 130, "dossier.received_total": 541, "dossier.resolved_total": 541,
        "dossier.resolved_early": 222, "dossier.resolved_on_time": 317, "dossier.resolved_late": 2,
        "dossier.pending": 0, "dossier.on_time_rate": "99,8", "feedback.received": 0, "feedback.resolved": 0,
        "staff.present": 20,
    })
    dated, err = sorted(errors(rules.check(ws, "2022-Q3")), key=lambda f: f.keys[0] != "period.window")
    assert err.keys[0] == "dossier.on_time_rate"
    assert "99,8" in err.message and "99,63" in err.message
    # The report is dated 05/09/2022 but its window runs to 14/09/2022 (issue 10 §2).
    assert dated.rule == "window.report_date" and "05/09/2022" in dated.message and "14/09/2022" in dated.message
    # The officer corrects the rate and the date: nothing is left.
    ws.set_value("2022-Q3", "dossier.on_time_rate", "99,6")
    ws.update_period("2022-Q3", report_date="15/9/2022")
    assert errors(rules.check(ws, "2022-Q3")) == []


def test_seed_004_truong_thi_9_months(ws):
    ws.add_period("2023-9M", "05/11/2022", "01/9/2023")
    enter(ws, "2023-9M", {
        "plan.tasks_planned": 7, "plan.tasks_done": 7, "direction.documents_issued": 1,
        "assigned.total": 7, "assigned.done_on_time": 7, "assigned.done_late": 0,
        "survey.forms": 449, "survey.method": 1, "tthc.in_force": 240, "tthc.one_stop": 189,
        "dossier.received_total": 3135, "dossier.carried_over": 4, "dossier.received_direct": 1989,
        "dossier.received_postal": 97, "dossier.received_online_partial": 726,
        "dossier.received_online_full": 363, "dossier.apologies": 0,
        "staff.quota": 21, "staff.present": 22,
    })
    raw(ws, "2023-9M", "dialogue.held", 4)   # "Không = 0 Có = 1", printed 4
    found = rules.check(ws, "2023-9M")
    by_key = {tuple(f.keys[:1]): f for f in found}
    assert by_key[("period.window",)].severity == "error"
    assert by_key[("dossier.received_total",)].severity == "error"
    assert "3.135" in by_key[("dossier.received_total",)].message
    assert by_key[("dialogue.held",)].severity == "error"
    assert by_key[("staff.present",)].severity == "warning"
    assert len(errors(found)) == 3


def test_seed_000_quarters_disagree_with_the_half_year(ws):
    # Seed 000: survey forms 233 (Q1) + 350 (Q2) = 583, but Phụ lục 1 prints 588 for the half-year;
    # the dossiers resolved (990 + 1.303 = 2.293) agree.
    for code in ("2022-Q1", "2022-Q2", "2022-H1"):
        ws.add_period(code)
    enter(ws, "2022-Q1", {"survey.forms": 233, "dossier.resolved_total": 990, "survey.coverage_rate": "23,54"})
    enter(ws, "2022-Q2", {"survey.forms": 350, "dossier.resolved_total": 1303, "survey.coverage_rate": "26,86"})
    enter(ws, "2022-H1", {"survey.forms": 588, "dossier.resolved_total": 2293})
    assert errors(rules.check(ws, "2022-Q1")) == [] and errors(rules.check(ws, "2022-Q2")) == []
    [err] = errors(rules.check(ws, "2022-H1"))
    assert err.keys == ["survey.forms"] and "588" in err.message and "583" in err.message


def test_seed_001_kim_thach_one_number_for_tasks_done_and_for_the_online_share(tmp_path):
    # Seed 001 counts the tasks done three ways: 17 rows at 100 % in the task table, 13 by status,
    # "27/32" in the text.  One definition (the table's 100 %) gives one count, and the typed 27
    # that disagrees with it is an error to resolve before the Chairman signs.
    from cchc_desktop import demo, rollup
    from cchc_desktop.store import Workspace, task_done
    ws = Workspace.open(demo.create(tmp_path / "kt.cchc", sample="kim-thach"))
    try:
        tasks = ws.plan_tasks(2023)
        at_100 = sum(1 for t in tasks if (t["percent_done"] or 0) >= 100)
        assert at_100 == 17 and sum(1 for t in tasks if task_done(t)) == 17
        cell = rollup.values(ws, "2023-H1")["plan.tasks_done"]
        assert cell.value == 27 and cell.computed[rollup.TASKS] == 17
        [f] = [f for f in rules.check(ws, "2023-H1") if f.keys == ["plan.tasks_done"]]
        assert f.is_error and "27" in f.message and "17" in f.message
        # online share: 84,2 is over the level 3 + 4 dossiers (319 / 379), 71,21 over all levels (319 / 448);
        # each has its own indicator and label, and the detail column says which it prints
        values = rollup.plain_values(ws, "2023-H1")
        assert round(values["dvc.online_rate"], 1) == 84.2
        assert round(values["dvc.online_share_all_levels"], 2) == 71.21
        assert ws.catalogue["dvc.online_rate"].label != ws.catalogue["dvc.online_share_all_levels"].label
        column = ws.catalogue.detail_table("online_services").column("online_rate_all")
        assert "mức độ 3, 4" in column.label
    finally:
        ws.close()
