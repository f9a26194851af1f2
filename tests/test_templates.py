"""The shipped appendix templates reproduce the seeds row for row."""
import json

import pytest

from cchc_desktop import catalogue, templates
from cchc_desktop.catalogue import CatalogueError
from cchc_desktop.paths import resource

PHU_LUC_1_STT = """1. 1.1. 1.1.1. 1.1.2. 1.1.3. 1.2. 1.1.1. 1.1.2. 1.1.3. 1.3. 1.3.1. 1.3.2. 1.3.3. 1.4. 1.4.1. 1.4.2.
1.4.3. 1.5. 1.5.1. 1.5.2. 1.6. 2. 2.1. 2.2. 2.3. 2.4. 2.5. 3. 3.1. 3.2. 3.2.1. 3.2.2. 3.3. 3.3.1. 3.3.2. 3.3.3.
3.3.4. 3.4. 3.4.1. 3.5. 3.5.1. 3.5.2. 3.5.3. 4. 4.1. 4.2. 4.3. 4.4. 5. 5.1. 5.1.1. 5.1.2. 5.2. 5.3. 5.4. 5.4.1.
5.4.2. 6. 6.1. 6.2. 6.3. 6.4. 6.5. 6.6. 7. 7.1. 7.2. 7.3. 7.4 7.3.1. 7.3.2. 7.3.3. 7.3.4.""".split()


def test_every_shipped_template_parses_against_the_catalogue():
    cat = catalogue.load()
    names = templates.shipped_names()
    assert set(names) >= {"phu-luc-1", "phu-luc-2-8", "phu-luc-truong-thi", "chi-tiet-kim-thach"}
    for name in names:
        t = templates.load(name)
        assert t.name == name
        assert all(k in cat for k in t.keys())
        with open(resource("templates", f"{name}.json"), encoding="utf-8") as fh:
            raw = json.load(fh)
        # every key written in the file is one the catalogue knows
        for app in raw["appendices"]:
            for row in app["rows"]:
                assert "key" not in row or row["key"] in cat, (name, row)


def test_phu_luc_1_is_seed_000_row_for_row():
    t = templates.load("phu-luc-1")
    assert len(t.appendices) == 1
    app = t.appendices[0]
    assert app.label == "Phụ lục 1" and app.area is None
    assert app.heading == ("THỐNG KÊ SỐ LIỆU VỀ KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", "TẠI {unit_upper}")
    with open(resource("templates", "phu-luc-1.json"), encoding="utf-8") as fh:
        raw = json.load(fh)["appendices"][0]["rows"]
    assert [r.get("seed_stt", r["stt"]) for r in raw] == PHU_LUC_1_STT     # what the seed printed
    by_stt = {}
    for r in app.rows:
        by_stt.setdefault(r.stt, []).append(r)
    # the seed's numbering slip (1.1.1. again under 1.2) is not handed to other units
    assert [r.key for r in by_stt["1.1.1."]] == ["plan.tasks_planned"]
    assert [r.key for r in by_stt["1.2.1."]] == ["inspection.rounds"]
    assert [r.stt for r in app.rows][5:9] == ["1.2.", "1.2.1.", "1.2.2.", "1.2.3."]
    assert [r.stt for r in app.rows][-5:] == ["7.4.", "7.4.1.", "7.4.2.", "7.4.3.", "7.4.4."]   # 7.3.x under 7.4
    assert by_stt["1.5.1."][0].unit == "Số lượng"
    assert by_stt["3.1."][0].unit == ""
    assert by_stt["3.4.1."][0].key == "dossier.on_time_rate"
    assert by_stt["7.3."][0].key == "it.computers_per_staff_rate"
    assert by_stt["7.4.1."][0].unit == "TTHC"
    assert by_stt["1."][0].style == "group" and by_stt["1."][0].label == "Công tác chỉ đạo điều hành CCHC"


def test_phu_luc_1_code_lists_override_the_catalogue_where_the_seed_differs():
    t = templates.load("phu-luc-1")
    codes = t.code_lists()
    assert codes["org.working_rules"] == {1: "Đúng quy định", 2: "Không đúng quy định"}
    assert codes["staff.discipline_observed"] == {1: "Có", 2: "Không"}
    rows = {r.key: r for _, r in t.rows() if r.key}
    assert rows["org.working_rules"].codes_text == "Đúng quy định: 1\nKhông đúng quy định: 2"
    assert rows["finance.internal_spending_rules"].codes_text == "Có: 1\nKhông: 2"
    assert rows["finance.autonomy_result"].codes_text == "Có tiết kiệm: 1\nKhông tiết kiệm: 2"


def test_phu_luc_2_8_is_seed_002_one_appendix_per_area():
    t = templates.load("phu-luc-2-8")
    assert [a.id for a in t.appendices] == ["2", "3", "4", "5", "6", "7", "8"]
    assert [a.label for a in t.appendices] == [f"Phụ lục {n}" for n in range(2, 9)]
    assert [a.area for a in t.appendices] == [1, 2, 3, 4, 5, 6, 7]
    assert [len(a.rows) for a in t.appendices] == [24, 13, 18, 16, 17, 13, 32]  # seed 002 rows, 6.5.2 included
    for a in t.appendices:
        assert a.heading[0].startswith("BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO")
    assert t.appendix("3").heading == ("BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CẢI CÁCH THỂ CHẾ",)
    pl2 = t.appendix("2")
    assert [r.stt for r in pl2.rows][-4:] == ["6", "6,1", "6,2", "7"]          # commas as printed
    assert pl2.rows[12].stt == "4.2." and pl2.rows[12].key == "assigned.province_done_on_time"
    pl4 = {r.stt: r for r in t.appendix("4").rows}
    assert pl4["3.2.1."].key == "dossier.resolved_total"
    assert pl4["3.2."].key == "dossier.on_time_rate" and pl4["3.2."].note == "UBND cấp xã báo cáo"
    pl7 = {r.stt: r.key for r in t.appendix("7").rows}
    assert pl7["1."] == "invest.disbursement_rate"
    assert pl7["1.1."] == "invest.plan_mvnd" and pl7["1.2."] == "invest.disbursed_mvnd"
    assert t.appendix("8").rows[1].codes_text == "Chưa có = 0 2 cấp = 1 3 cấp = 2"


def test_phu_luc_truong_thi_is_seed_004():
    t = templates.load("phu-luc-truong-thi")
    app = t.appendices[0]
    assert app.label == "Phụ lục"
    assert "{period_label_upper}" in app.heading[0] and "{window_from}" in app.heading[1]
    numbered = [r.stt for r in app.rows if r.stt]
    assert len(numbered) == 70 and len(app.rows) == 104
    assert numbered.count("3.3.1") == 2                          # printed twice in the seed
    rows = {r.key: r for r in app.rows if r.key}
    assert rows["legal.issued_district"].label == "Trong đó: Tại cấp huyện"
    assert rows["legal.issued_district"].style == "sub"
    assert rows["dossier.received_total"].unit == "Số lượng hồ sơ"
    assert rows["iso.applied"].codes == {1: "Có thực hiện", 0: "Không thực hiện"}


def test_chi_tiet_kim_thach_holds_the_detail_tables_and_the_task_table():
    t = templates.load("chi-tiet-kim-thach")
    assert [(a.kind, a.table) for a in t.appendices] == [
        ("detail", "dossiers_by_field"), ("detail", "digitization"), ("detail", "edocs"),
        ("detail", "online_services"), ("tasks", None)]
    assert "{year}" in t.appendices[-1].heading[0]


def test_a_template_with_an_unknown_key_is_refused():
    with open(resource("templates", "phu-luc-1.json"), encoding="utf-8") as fh:
        data = json.load(fh)
    data["appendices"][0]["rows"][2]["key"] = "plan.no_such_key"
    with pytest.raises(CatalogueError, match="plan.no_such_key"):
        templates.parse(data)


def test_unit_profile_default_template_is_shipped(ws):
    assert ws.unit()["template"] == "phu-luc-1"
    assert templates.for_workspace(ws).name == "phu-luc-1"


def test_place_words_come_from_the_units_profile(tmp_path):
    from cchc_desktop.store import Workspace
    label = "Số lượng tin, bài đăng tải trên báo {} và các tạp chí (nếu có)"
    ws = Workspace.create(tmp_path / "bd.cchc", name="UBND phường Quy Nhơn", parent="UBND tỉnh Gia Lai",
                          focal_agency="Sở Nội vụ tỉnh Gia Lai")
    try:
        rows = {r.key: r for _, r in templates.load("phu-luc-1", ws).rows() if r.key}
        assert rows["propaganda.press_posts"].label == label.format("Gia Lai")
        groups = [r.label for _, r in templates.load("phu-luc-1", ws).rows() if r.stt == "1.4."]
        assert groups == ["Thực hiện nhiệm vụ UBND tỉnh giao"]
        assert "Quảng Trị" not in " ".join(r.label for _, r in templates.load("phu-luc-1", ws).rows())
    finally:
        ws.close()
    assert templates.province_of({"parent": "UBND thị xã Quảng Trị"}) == "Quảng Trị"   # the seed's own unit
    assert templates.province_of({}) == "tỉnh"
    assert templates.parent_body({"parent": "UBND thị xã Quảng Trị"}) == "UBND thị xã"


def test_templates_are_offered_by_title_and_office():
    choices = {c.name: c for c in templates.choices()}
    assert choices["phu-luc-1"].title.startswith("Phụ lục 1") and choices["phu-luc-1"].office == "UBND thị xã Quảng Trị"
    assert all(c.title and c.office and c.kind == "shipped" for c in choices.values())
