"""The shipped catalogue: core keys, new indicators from the seeds, formulas, code lists, detail tables."""
import json
import subprocess
import sys

import pytest

from cchc_desktop import catalogue
from cchc_desktop.vnformat import nfc

CORE = """plan.tasks_planned plan.tasks_done direction.documents_issued inspection.rounds inspection.issues_found
inspection.issues_resolved propaganda.portal_posts assigned.total assigned.done_on_time assigned.done_late
assigned.overdue_open survey.conducted survey.forms survey.method survey.satisfied dialogue.held legal.issued
legal.checked legal.reviewed legal.flagged legal.flagged_resolved tthc.in_force tthc.one_stop
tthc.on_national_portal tthc.online_partial tthc.online_full dossier.carried_over dossier.received_direct
dossier.received_postal dossier.received_online_partial dossier.received_online_full dossier.received_total
dossier.resolved_early dossier.resolved_on_time dossier.resolved_late dossier.resolved_total dossier.pending
dossier.apologies feedback.received feedback.resolved digitization.received digitization.components_full
digitization.resolved digitization.results staff.quota staff.present staff.cadres staff.cadres_qualified
staff.civil_servants staff.civil_servants_qualified staff.disciplined invest.plan_mvnd invest.disbursed_mvnd
edoc.in_total edoc.in_electronic edoc.in_parallel edoc.in_signed edoc.in_unsigned edoc.out_total
edoc.out_electronic edoc.out_parallel edoc.out_signed edoc.out_unsigned dvc.online_dossiers_partial
dvc.all_dossiers_partial dvc.online_dossiers_full dvc.all_dossiers_full it.staff_total it.staff_using_it
it.computers iso.applied""".split()

CORE_RATES = {
    "plan.completion_rate": "plan.tasks_done / plan.tasks_planned * 100",
    "dossier.on_time_rate": "(dossier.resolved_early + dossier.resolved_on_time) / dossier.resolved_total * 100",
    # the brief's (partial + full) / (received - carried over), through the aggregate that is that
    # sum, so a typed online total without its split still gives the rate
    "dossier.online_rate": "dossier.received_online / (dossier.received_total - dossier.carried_over) * 100",
    "survey.coverage_rate": "survey.forms / dossier.resolved_total * 100",
    "survey.satisfaction_rate": "survey.satisfied / survey.forms * 100",
    "digitization.components_rate": "digitization.components_full / digitization.received * 100",
    "digitization.results_rate": "digitization.results / digitization.resolved * 100",
    "dvc.online_rate_partial": "dvc.online_dossiers_partial / dvc.all_dossiers_partial * 100",
    "dvc.online_rate_full": "dvc.online_dossiers_full / dvc.all_dossiers_full * 100",
    "invest.disbursement_rate": "invest.disbursed_mvnd / invest.plan_mvnd * 100",
}


@pytest.fixture(scope="module")
def cat():
    return catalogue.load()


def test_core_keys_are_all_there(cat):
    missing = [k for k in CORE if k not in cat]
    assert missing == []
    assert cat["dossier.carried_over"].rollup == "first"
    assert cat["plan.tasks_done"].rollup == "cumulative"
    assert cat["tthc.in_force"].rollup == "last"
    # received holds the carried-over: first carried-over + the in-period receipts
    assert cat["dossier.received_total"].rollup == "opening_plus_sum"
    assert cat["dossier.pending"].rollup == "last"
    assert cat["dossier.received_online"].formula == "dossier.received_online_partial + dossier.received_online_full"


def test_core_rates_keep_their_formulas(cat):
    for key, formula in CORE_RATES.items():
        assert cat[key].formula == formula, key
        assert cat[key].rollup == "derived"


def test_catalogue_covers_every_appendix_row_of_the_seeds(cat):
    assert len(cat) >= 250
    for key in ("tthc.interlinked_same_level", "org.working_rules", "egov.lan_connected",
                "finance.internal_spending_rules", "legal.check_handling_rate", "assigned.province_total",
                "civil.leaders_by_exam", "finance.units_partly_70_100", "egov.lgsp", "iso.communes_applied",
                "tthc.one_stop_commune", "dossier.land_on_time_district", "dossier.apologies_commune"):
        assert key in cat, key


def test_every_label_is_vietnamese_nfc_and_keys_are_snake_case(cat):
    import re
    for ind in cat:
        assert ind.label and ind.label == nfc(ind.label), ind.key
        assert re.fullmatch(r"[a-z_]+(\.[a-z0-9_]+)+", ind.key), ind.key
        assert ind.area in range(1, 8)
    # labels are Vietnamese, not English placeholders: most carry diacritics
    accented = [i for i in cat if any(ord(ch) > 127 for ch in i.label)]
    assert len(accented) > 0.9 * len(cat)


def test_rates_are_percent_with_their_unit(cat):
    for ind in cat:
        if ind.kind in ("percent", "ratio"):
            assert ind.unit == "%", ind.key
            assert ind.decimals is not None, ind.key


def test_formulas_use_known_keys_and_compute_the_seed_rates(cat):
    for key, formula in cat.derived().items():
        assert all(k in cat for k in formula.keys), key
    got = cat.compute_derived({"legal.check_flagged": 4, "legal.check_flagged_resolved": 3,
                               "it.computers": 22, "it.staff_total": 18,
                               "dossier.resolved_early": 222, "dossier.resolved_on_time": 317,
                               "dossier.resolved_total": 541, "invest.plan_mvnd": 7000,
                               "invest.disbursed_mvnd": 550, "staff.cadres": 9, "staff.cadres_qualified": 9,
                               "staff.civil_servants": 9, "staff.civil_servants_qualified": 8})
    assert got["legal.check_handling_rate"] == 75
    assert round(got["it.computers_per_staff_rate"], 1) == 122.2      # seed 000, 7.3: above 100 is allowed
    assert cat["it.computers_per_staff_rate"].kind == "ratio"
    assert got["dossier.resolved_in_time"] == 539                     # seed 002, Phụ lục 4, 3.2.2
    assert round(got["dossier.on_time_rate"], 2) == 99.63             # the seed prints 99,8
    assert round(got["invest.disbursement_rate"], 2) == 7.86
    assert round(got["staff.qualified_rate"], 2) == round(17 / 18 * 100, 2)
    # a rate whose parts are missing is not computed
    assert "inspection.resolution_rate" not in got


def test_code_lists_as_the_seeds_print_them(cat):
    assert cat["org.working_rules"].codes == {1: "Đúng quy định", 2: "Không đúng quy định"}
    assert cat["finance.internal_spending_rules"].codes == {1: "Có", 2: "Không"}
    assert cat["finance.autonomy_result"].codes == {1: "Có tiết kiệm", 2: "Không tiết kiệm"}
    assert cat["egov.video_conference"].codes == {0: "Chưa có", 1: "2 cấp", 2: "3 cấp"}
    assert cat["egov.lgsp"].codes == {0: "Chưa", 1: "Đang làm", 2: "Hoàn thành"}
    assert cat["survey.method"].codes == {0: "Trực tuyến", 1: "Phát phiếu", 2: "Kết hợp"}
    for ind in cat:
        if ind.kind == "code":
            # a state at the end, "did it happen" (yes when any part says yes), or the period's own answer
            assert ind.codes and ind.rollup in ("last", "any", "none"), ind.key
    assert cat["dialogue.held"].rollup == "any" and cat["survey.method"].rollup == "none"
    with pytest.raises(Exception):
        cat["org.working_rules"].parse("0")


def test_dossiers_by_field_feed_exactly_their_core_keys(cat):
    t = cat.detail_table("dossiers_by_field")
    assert t.row_label == "Lĩnh vực"
    for field in ("Hộ tịch", "Chứng thực", "Đất đai", "Bảo trợ xã hội", "Người có công"):
        assert field in t.row_choices
    feeds = {c.key: c.feeds for c in t.columns}
    # seed 001's received total includes the dossiers carried over: the data dictionary's received_total
    assert feeds["received_total"] == "dossier.received_total"
    assert feeds["carried_over"] == "dossier.carried_over"
    assert feeds["resolved_early"] == "dossier.resolved_early"
    assert feeds["resolved_on_time"] == "dossier.resolved_on_time"
    assert feeds["resolved_late"] == "dossier.resolved_late"
    assert feeds["pending"] == "dossier.pending"
    assert cat["dossier.received_online"].formula == "dossier.received_online_partial + dossier.received_online_full"


def test_detail_tables_feeds_exist_and_rates_do_not_feed(cat):
    names = [t.name for t in cat.detail_tables]
    assert names == ["dossiers_by_field", "digitization", "edocs", "online_services"]
    fed = cat.fed_keys()
    assert len(fed) == len({c.feeds for t in cat.detail_tables for c in t.columns if c.feeds})  # each key fed once
    for t in cat.detail_tables:
        for c in t.columns:
            if c.kind == "percent":
                assert c.feeds is None, (t.name, c.key)
            else:
                assert c.feeds in cat, (t.name, c.key)
    assert fed["digitization.results"] == ("digitization", "results")
    assert fed["edoc.in_signed"] == ("edocs", "in_signed")
    assert fed["dvc.all_dossiers_full"] == ("online_services", "all_full")


def test_cli_catalogue_json_lists_indicators_tables_and_templates():
    r = subprocess.run([sys.executable, "-m", "cchc_desktop.cli", "catalogue", "--json"],
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    keys = {i["key"] for i in data["indicators"]}
    assert set(CORE) <= keys and "org.working_rules" in keys
    assert {t["name"] for t in data["detail_tables"]} >= {"dossiers_by_field", "digitization"}
    templates = {t["name"]: t for t in data["templates"]}
    assert set(templates) >= {"phu-luc-1", "phu-luc-2-8", "phu-luc-truong-thi", "chi-tiet-kim-thach"}
    assert templates["phu-luc-1"]["appendices"][0]["rows"] == 73
    text = subprocess.run([sys.executable, "-m", "cchc_desktop.cli", "catalogue"],
                          capture_output=True, text=True, encoding="utf-8").stdout
    assert "org.working_rules" in text and "Mẫu phụ lục:" in text


@pytest.mark.parametrize("text, message", [
    ("a % b", "chỉ được dùng"), ("f(a)", "chỉ được dùng"), ("(1).real", "chỉ được dùng"), ("a ** 2", "chỉ được dùng"),
    ("'x' + a", "không hợp lệ"), ("a +", "không hợp lệ")])
def test_formulas_refuse_anything_but_arithmetic_over_keys(text, message):
    with pytest.raises(catalogue.CatalogueError, match=message):
        catalogue.Formula(text)
    f = catalogue.Formula("100 * dossier.resolved_on_time / (dossier.resolved_total - -0)")
    assert f.keys == ("dossier.resolved_on_time", "dossier.resolved_total")
    assert f.evaluate({"dossier.resolved_on_time": 3, "dossier.resolved_total": 4}) == 75


def test_catalogue_records_are_values_that_cannot_be_changed(cat):
    import copy
    import pickle
    from cchc_desktop import periods
    ind, area, table = cat["dossier.resolved_total"], cat.areas[0], cat.detail_tables[0]
    for rec in (ind, area, table, table.columns[0], periods.parse_code("2022-H1")):
        assert pickle.loads(pickle.dumps(rec)) == rec and copy.deepcopy(rec) == rec
        assert repr(rec).startswith(type(rec).__name__ + "(")
        with pytest.raises(AttributeError):
            rec.label = "khác"
    assert {area: 1}[copy.copy(area)] == 1 and hash(table) == hash(copy.deepcopy(table))
    assert periods.parse_code("2022-H1") == periods.PeriodName(year=2022, kind="H1") != ("2022", "H1")
    made = catalogue.Indicator("x.y", "Nhãn", "Cái", "count", "sum", 1)
    assert made.codes == {} and made.formula is None and made.decimals is None and made.help == ""
    assert made != catalogue.Indicator("x.y", "Nhãn", "Cái", "count", "sum", 2)


def test_a_lazy_catalogue_reads_its_indicators_on_first_use_and_says_what_is_wrong():
    data = json.loads(catalogue.resource("catalogue", "indicators.json").read_text(encoding="utf-8"))
    lazy = catalogue.Catalogue(data, None, lazy=True)
    assert [a.id for a in lazy.areas] == list(range(1, 8))
    assert lazy.to_json() == catalogue.Catalogue(data).to_json() and len(lazy) == len(data["indicators"])
    data["indicators"].append(dict(data["indicators"][0]))          # a repeated key
    broken = catalogue.Catalogue(data, None, lazy=True)
    for _ in range(2):                                               # and again on the next use
        with pytest.raises(catalogue.CatalogueError, match="bị trùng"):
            broken.get("plan.tasks_planned")
    with pytest.raises(catalogue.CatalogueError, match="bị trùng"):
        catalogue.Catalogue(data)


def test_a_detail_rate_must_be_worked_out_from_its_own_table(tmp_path):
    from cchc_desktop.paths import resource
    details = json.loads(resource("catalogue", "detail_tables.json").read_text(encoding="utf-8"))
    col = next(c for t in details["tables"] for c in t["columns"] if c.get("formula"))
    col["formula"] = "results / dossier.received_total * 100"
    bad = tmp_path / "detail_tables.json"
    bad.write_text(json.dumps(details, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(catalogue.CatalogueError, match="dossier.received_total"):
        catalogue.load(resource("catalogue", "indicators.json"), bad).detail_tables


def test_one_tolerance_for_comparing_figures():
    from cchc_desktop import rules, targets
    assert catalogue.compare(0.1 + 0.2, "=", 0.3) and not catalogue.compare(85.11, "=", 85.1)
    assert catalogue.compare(1.0000001, "<=", 1) and not catalogue.compare(1, "<", 1)
    # the checks and the targets say "equal" the same way
    assert rules._compare(70.0000005, ">=", 70.000001) == targets._meets(70.0000005, ">=", 70.000001) is True
    assert not hasattr(rules, "EPS") and not hasattr(targets, "EPS")
