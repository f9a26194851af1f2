"""The sample workspaces give the seeds' figures back, slips included."""
import json
import subprocess
import sys

import pytest

from cchc_desktop import demo, rollup, templates
from cchc_desktop.catalogue import Formula
from cchc_desktop.store import Workspace, WorkspaceError

# Every row of seed 000's Phụ lục 1 that prints a figure, as printed (2022-H1).
PHU_LUC_1 = {
    "plan.tasks_planned": 44, "plan.tasks_done": 31, "direction.documents_issued": 20, "inspection.rounds": 0,
    "inspection.issues_found": 0, "inspection.issues_resolved": 0, "propaganda.portal_posts": 20,
    "propaganda.press_posts": 0, "propaganda.broadcasts": 1, "assigned.total": 4, "assigned.done_on_time": 3,
    "assigned.done_late": 1, "survey.forms": 588, "survey.method": 2, "dialogue.held": 0, "legal.issued": 0,
    "legal.checked": 0, "legal.reviewed": 0, "legal.flagged": 0, "legal.flagged_resolved": 0,
    "tthc.in_force": 136, "tthc.on_national_portal": 136, "tthc.online_on_national_portal": 82,
    "tthc.one_stop_rate": 100, "tthc.interlinked_same_level": 3, "tthc.interlinked_levels": 3,
    "tthc.internal_process_approved_rate": 100, "tthc.internal_process_digitized_rate": 100,
    "dossier.on_time_rate": 100, "tthc.on_service_portal": 82, "tthc.online_total": 82,
    "org.working_rules": 1, "org.cadre_assignment": 1, "org.civil_servant_assignment": 1, "org.decentralisation": 1,
    "staff.cadres_qualified_rate": 100, "staff.civil_servants_qualified_rate": 100, "staff.discipline_observed": 1,
    "staff.training_rate": 100, "staff.records_updated_rate": 100, "staff.assessment": 1,
    "finance.internal_spending_rules": 1, "finance.asset_transparency": 1, "finance.autonomy_result": 2,
    "finance.audit_recommendations_rate": 0, "it.staff_using_it_rate": 100, "egov.lan_connected": 100,
    "it.computers_per_staff_rate": 122.2, "tthc.online_partial": 19, "tthc.online_full": 63,
    "dvc.online_rate_partial": 89.16, "dvc.online_rate_full": 97.95,
}
BLANK_IN_SEED = {"tthc.online_payment", "invest.disbursement_rate", "finance.revenue_change_rate"}


def test_demo_gives_back_every_figure_of_phu_luc_1(demo_ws):
    cells = rollup.values(demo_ws, "2022-H1")
    for key, value in PHU_LUC_1.items():
        assert cells[key].value == value, key
    # the core figures of the period stay as they were
    assert cells["dossier.received_total"].value == 2297
    assert cells["dossier.resolved_total"].value == 2293
    assert cells["dossier.carried_over"].value == 3
    # the appendix prints a figure for every keyed row, except the ones the seed leaves blank
    t = templates.load("phu-luc-1", demo_ws)
    empty = {k for k in t.keys() if k not in cells or cells[k].value is None}
    assert empty == BLANK_IN_SEED


def test_demo_keeps_the_seed_slips_for_the_checks(demo_ws):
    cells = rollup.values(demo_ws, "2022-H1")
    rate = cells["dvc.online_rate_full"]
    assert rate.typed and rate.value == 97.95
    assert round(rate.computed["derived"], 2) == 97.96          # 1871/1910: the seed's 97,95 is off
    assert round(cells["it.computers_per_staff_rate"].computed["derived"], 1) == 122.2
    notes = demo_ws.entries("2022-H1")
    assert notes["survey.forms"]["note"] == "588/2293, tỷ lệ 25,64%"
    assert notes["it.computers_per_staff_rate"]["note"] == "22/18 CBCC"


def test_demo_unit_profile_and_documents_register(demo_ws):
    unit = demo_ws.unit()
    assert unit["name"] == "UBND phường 2" and unit["template"] == "phu-luc-1"
    assert unit["recipients"].splitlines() == ["- UBND thị xã;", "- Phòng Nội vụ thị xã;", "- CT, PCT UBND phường;",
                                               "- Công chức chuyên môn;", "- Lưu: VP."]
    docs = demo_ws.documents()
    assert len(docs) == 20
    numbers = {d["number"]: d for d in docs}
    assert numbers["1069/QĐ-UBND"]["issued_on"] == "2021-12-31"
    assert numbers["319/UBND-VP"]["doc_type"] == "Công văn"
    assert numbers["44/KH-UBND"]["area"] == 2
    assert demo_ws.documents_count("2022-H1") == 20            # the register agrees with the typed 20
    assert rollup.values(demo_ws, "2022-H1")["direction.documents_issued"].computed["register"] == 20


def test_demo_holds_the_plan_of_seed_003_with_evaluable_targets(demo_ws):
    plans = [dict(r) for r in demo_ws.conn.execute("SELECT * FROM plans")]
    assert len(plans) == 1
    plan = plans[0]
    assert (plan["number"], plan["issued_on"], plan["issuer"], plan["year_from"], plan["year_to"]) == \
        ("1069/QĐ-UBND", "2021-12-31", "UBND phường 2", 2021, 2025)
    targets = [dict(r) for r in demo_ws.conn.execute("SELECT * FROM targets ORDER BY seq")]
    assert len(targets) >= 12
    for t in targets:
        assert all(k in demo_ws.catalogue for k in Formula(t["expr"]).keys), t["expr"]
        assert (t["value"] is None) != (t["trajectory"] is None), t["label"]
    by_expr = {t["expr"]: t for t in targets}
    assert json.loads(by_expr["dossier.online_rate"]["trajectory"]) == {"2025": 50, "2030": 80}
    assert json.loads(by_expr["digitization.results_rate"]["trajectory"]) == {"2022": 15, "2023": 35, "2024": 55, "2025": 100}
    assert by_expr["dossier.on_time_rate"]["value"] == 100
    assert by_expr["survey.satisfaction_rate"]["trajectory"] is not None
    assert by_expr["plan.completion_rate"]["value"] == 100
    assert by_expr["staff.qualified_rate"]["value"] == 100
    # the on-time target evaluates for 2022-H1 from the figures
    cells = rollup.plain_values(demo_ws, "2022-H1")
    assert Formula("dossier.on_time_rate").evaluate(cells) == 100


def test_kim_thach_sample_detail_tables_give_the_seed_totals(tmp_path):
    ws = Workspace.open(demo.create(tmp_path / "kt.cchc", sample="kim-thach"))
    try:
        assert ws.unit()["template"] == "chi-tiet-kim-thach"
        rows = ws.detail_rows("2023-H1", "dossiers_by_field")
        assert [r["label"] for r in rows] == ["Bảo trợ xã hội", "Chứng thực", "Hộ tịch", "Người có công", "Đất đai"]
        cells = rollup.values(ws, "2023-H1")
        # "Tổng cộng" of seed 001: 692 319 354 19 651 650 1 0
        printed = {"dossier.received_total": 692, "dossier.received_online": 319, "dossier.received_direct_postal": 354,
                   "dossier.carried_over": 19, "dossier.resolved_total": 651, "dossier.resolved_early": 650,
                   "dossier.resolved_on_time": 1, "dossier.resolved_late": 0,
                   "digitization.received": 673, "digitization.results": 647,
                   "edoc.in_total": 1714, "edoc.out_signed": 79, "dvc.all_dossiers_full": 284, "tthc.online_total": 75}
        for key, value in printed.items():
            assert cells[key].value == value, key
            assert cells[key].source == rollup.DETAIL, key
        # digitisation counts the dossiers received within the period: 692 − 19
        assert cells["digitization.received"].value == cells["dossier.received_total"].value - cells["dossier.carried_over"].value
        tasks = ws.plan_tasks(2023)
        assert len(tasks) == 32
        assert [sum(1 for t in tasks if t["area"] == a) for a in range(1, 8)] == [5, 3, 7, 6, 3, 3, 5]
        assert cells["plan.tasks_planned"].computed["tasks"] == 32
        assert cells["plan.tasks_done"].value == 27                    # the report's "27/32" kept as typed
        assert ws.period("2023-H1").window_to.isoformat() == "2023-06-12"
    finally:
        ws.close()


def test_quang_tho_sample_keeps_its_rate_slip(tmp_path):
    ws = Workspace.open(demo.create(tmp_path / "qt.cchc", sample="quang-tho"))
    try:
        assert ws.unit()["template"] == "phu-luc-2-8"
        cells = rollup.values(ws, "2022-Q3")
        assert cells["dossier.on_time_rate"].value == 99.8
        assert round(cells["dossier.on_time_rate"].computed["derived"], 2) == 99.63
        assert cells["tthc.online_total"].value == 90 and cells["tthc.online_total"].computed["derived"] == 34
        assert cells["invest.plan_mvnd"].value == 7000
        assert ws.period("2022-Q3").report_number == "141"
    finally:
        ws.close()


def test_every_shipped_sample_loads(tmp_path):
    assert demo.sample_names()[0] == "demo"
    for name in demo.sample_names():
        ws = Workspace.open(demo.create(tmp_path / f"{name}.cchc", sample=name))
        try:
            templates.for_workspace(ws)                        # its template is shipped and parses
            assert ws.periods()
        finally:
            ws.close()


def test_unknown_sample_is_refused_and_leaves_no_file(tmp_path):
    with pytest.raises(WorkspaceError, match="Không có dữ liệu mẫu"):
        demo.create(tmp_path / "x.cchc", sample="khong-co")
    assert not (tmp_path / "x.cchc").exists()


def test_a_sample_with_a_bad_figure_leaves_no_file(tmp_path):
    data = demo.load_sample("demo")
    data["periods"][0]["values"]["org.working_rules"] = 7           # outside Đúng quy định 1 / Không đúng 2
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(WorkspaceError):
        demo.create(tmp_path / "x.cchc", sample=bad)
    assert not (tmp_path / "x.cchc").exists()


def test_cli_demo_chooses_the_sample(tmp_path):
    def cchc(*args):
        return subprocess.run([sys.executable, "-m", "cchc_desktop.cli", *map(str, args)],
                              capture_output=True, text=True, encoding="utf-8")
    r = cchc("demo", "--db", tmp_path / "kt.cchc", "--sample", "kim-thach")
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip().endswith("kt.cchc")
    ws = Workspace.open(tmp_path / "kt.cchc")
    assert ws.unit()["name"] == "UBND xã Kim Thạch"
    ws.close()
    r = cchc("demo", "--db", tmp_path / "no.cchc", "--sample", "khong-co")
    assert r.returncode != 0 and "Không có dữ liệu mẫu" in r.stderr
    assert not (tmp_path / "no.cchc").exists()
    r = cchc("demo", "--db", tmp_path / "d.cchc")
    assert r.returncode == 0
    ws = Workspace.open(tmp_path / "d.cchc")
    assert ws.unit()["name"] == "UBND phường 2"
    ws.close()


def test_truong_thi_sample_keeps_the_window_and_the_slips_of_seed_004(tmp_path):
    ws = Workspace.open(demo.create(tmp_path / "tt.cchc", sample="truong-thi"))
    try:
        p = ws.period("2023-9M")
        assert (p.window_from.isoformat(), p.window_to.isoformat()) == ("2022-11-05", "2023-09-01")
        cells = rollup.values(ws, "2023-9M")
        assert cells["dossier.received_total"].value == 3135
        parts = sum(cells[k].value for k in ("dossier.carried_over", "dossier.received_direct", "dossier.received_postal",
                                             "dossier.received_online_partial", "dossier.received_online_full"))
        assert parts == 3179                                   # the seed's parts do not add up to 3135
        assert cells["staff.present"].value > cells["staff.quota"].value
        # 4 is outside the code list of dialogue.held: refused as a value, kept as a note
        entry = ws.entries("2023-9M")["dialogue.held"]
        assert entry["value"] is None and "4" in entry["note"]
        assert len(templates.for_workspace(ws).appendices[0].rows) == 104
    finally:
        ws.close()
