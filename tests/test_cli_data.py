"""cchc unit, documents, plan and detail: what the window does to data, from the command line.

Each command says what it changed; bad input gets a Vietnamese message, an exit code ≠ 0 and
leaves the file as it was (compared byte for byte)."""
import json

import openpyxl
import pytest

from cchc_desktop import rollup
from cchc_desktop.cli import main
from cchc_desktop.store import Workspace


@pytest.fixture
def db(tmp_path, capsys):
    path = tmp_path / "dong-thuan.cchc"
    assert main(["init", "--db", str(path), "--unit", "UBND phường Đồng Thuận", "--code", "19168",
                 "--parent", "UBND tỉnh Quảng Trị", "--place", "Đồng Thuận", "--established", "2025-07-01"]) == 0
    out = capsys.readouterr().out
    assert "Đã tạo tệp dữ liệu" in out and "(mã 19168)" in out and "UBND tỉnh Quảng Trị" in out
    return path


def refused(capsys, path, argv, words):
    before = path.read_bytes()
    code = main(argv)
    err = capsys.readouterr().err
    assert code != 0, argv
    assert words in err, (argv, err)
    assert path.read_bytes() == before, argv


# ---- cchc init / unit ----------------------------------------------------------------------

def test_init_keeps_the_code_and_a_new_unit_has_a_service_centre(db):
    with Workspace.open(db) as ws:
        u = ws.unit()
    assert (u["code"], u["parent"], u["established"]) == ("19168", "UBND tỉnh Quảng Trị", "2025-07-01")
    assert u["one_stop"] == "Trung tâm Phục vụ hành chính công" and len(u["uid"]) == 32


@pytest.mark.parametrize("code", ["1916", "191680", "19l68", "１９１６８"])
def test_init_refuses_a_bad_code_and_makes_no_file(tmp_path, capsys, code):
    path = tmp_path / "x.cchc"
    assert main(["init", "--db", str(path), "--unit", "UBND xã A", "--code", code]) != 0
    assert "5 chữ số" in capsys.readouterr().err and not path.exists()


def test_init_without_a_name(tmp_path, capsys):
    assert main(["init", "--db", str(tmp_path / "x.cchc")]) != 0
    assert "Chưa ghi tên đơn vị" in capsys.readouterr().err


def test_unit_set_says_what_changed_and_show_prints_it(db, capsys):
    assert main(["unit", "set", "--db", str(db), "--signer", "Lê Văn Bình", "--signer-title", "PHÓ CHỦ TỊCH",
                 "--signer-prefix", "KT. CHỦ TỊCH", "--focal-agency", "Sở Nội vụ tỉnh Quảng Trị",
                 "--addressees", "UBND tỉnh Quảng Trị; Sở Nội vụ tỉnh Quảng Trị",
                 "--recipients", "- Như trên;\\n- CT, PCT UBND phường;\\n- Lưu: VT."]) == 0
    out = capsys.readouterr().out
    assert "Đã sửa Người ký: Lê Văn Bình" in out and "Đã sửa Thẩm quyền ký: KT. CHỦ TỊCH" in out
    assert "Đã sửa Kính gửi: UBND tỉnh Quảng Trị; Sở Nội vụ tỉnh Quảng Trị" in out
    assert "Mã ĐVHC" not in out                     # not given, not changed
    with Workspace.open(db) as ws:
        u = ws.unit()
        assert u["addressees"] == "UBND tỉnh Quảng Trị\nSở Nội vụ tỉnh Quảng Trị"
        assert u["recipients"] == "- Như trên;\n- CT, PCT UBND phường;\n- Lưu: VT."
        audit = {(a["key"], a["new"]) for a in ws.audit() if a["entity"] == "unit"}
        assert ("signer_name", "Lê Văn Bình") in audit
    assert main(["unit", "show", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Mã ĐVHC: 19168" in out and "Ngày thành lập: 01/07/2025" in out and "    - Lưu: VT." in out
    assert main(["unit", "show", "--db", str(db), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["signer_title"] == "PHÓ CHỦ TỊCH"
    # the same value again changes nothing and says so
    assert main(["unit", "set", "--db", str(db), "--code", "19168"]) == 0
    assert "Không có gì thay đổi" in capsys.readouterr().err


def test_unit_set_refuses_bad_input_and_changes_nothing(db, capsys):
    for argv, words in [
        (["--code", "123"], "5 chữ số"),
        (["--established", "31/02/2025"], "không phải là ngày có thật"),
        (["--calendar-windows", "thỉnh thoảng"], "không hiểu được"),
        (["--unit", ""], "không được để trống"),
        (["--one-stop", ""], "bộ phận một cửa"),
        ([], "Chưa ghi điều cần sửa"),
    ]:
        refused(capsys, db, ["unit", "set", "--db", str(db), *argv], words)
    refused(capsys, db, ["unit", "show", "--db", str(db.with_name("nope.cchc"))], "Không tìm thấy")


def test_unit_calendar_windows_then_periods_follow(db, capsys):
    assert main(["unit", "set", "--db", str(db), "--calendar-windows", "có"]) == 0
    assert "Số liệu theo tháng dương lịch: có" in capsys.readouterr().out
    assert main(["period", "add", "--db", str(db), "--period", "2025-Q4"]) == 0
    assert "01/10/2025 – 31/12/2025" in capsys.readouterr().out


# ---- cchc documents ------------------------------------------------------------------------

def test_documents_add_list_remove_feed_the_count(db, capsys):
    main(["period", "add", "--db", str(db), "--period", "2025-07-01..2025-10-31"])
    assert main(["documents", "add", "--db", str(db), "--number", "12/KH-UBND", "--date", "10/07/2025",
                 "--kind", "Kế hoạch", "--summary", "Kế hoạch CCHC năm 2025", "--area", "1"]) == 0
    assert main(["documents", "add", "--db", str(db), "--number", "30/QĐ-UBND", "--date", "2025-11-20",
                 "--kind", "Quyết định"]) == 0
    out = capsys.readouterr().out
    assert "Đã thêm vào sổ văn bản:" in out and "12/KH-UBND\t10/07/2025\tKế hoạch" in out
    with Workspace.open(db) as ws:
        assert rollup.values(ws, "2025-07-01..2025-10-31")["direction.documents_issued"].value == 1
    assert main(["documents", "list", "--db", str(db), "--period", "2025-07-01..2025-10-31"]) == 0
    listed = capsys.readouterr().out
    assert "12/KH-UBND" in listed and "30/QĐ-UBND" not in listed
    assert main(["documents", "remove", "--db", str(db), "12/kh-ubnd"]) == 0
    assert "Đã xóa khỏi sổ văn bản:" in capsys.readouterr().out
    with Workspace.open(db) as ws:
        assert [d["number"] for d in ws.documents()] == ["30/QĐ-UBND"]


def test_documents_bad_input(db, capsys):
    main(["documents", "add", "--db", str(db), "--number", "5/CV-UBND", "--date", "2025-08-01"])
    main(["documents", "add", "--db", str(db), "--number", "5/CV-UBND", "--date", "2025-09-01"])
    capsys.readouterr()
    for argv, words in [
        (["add", "--number", "7/KH", "--date", "32/07/2025"], "không phải là ngày"),
        (["add", "--number", "  ", "--date", "2025-07-01"], "chưa có số ký hiệu"),
        (["add", "--number", "7/KH", "--date", "2025-07-01", "--area", "9"], "Lĩnh vực “9” không có"),
        (["remove", "99/KH"], "Không có văn bản"),
        (["remove", "5/CV-UBND"], "ghi thêm --date"),
    ]:
        refused(capsys, db, ["documents", argv[0], "--db", str(db), *argv[1:]], words)
    assert main(["documents", "remove", "--db", str(db), "5/CV-UBND", "--date", "01/09/2025"]) == 0


# ---- cchc plan ------------------------------------------------------------------------------

PLAN = {"number": "45/KH-UBND", "issued_on": "2025-07-15", "issuer": "UBND phường Đồng Thuận",
        "title": "Kế hoạch CCHC năm 2025", "year_from": 2025, "year_to": 2025,
        "targets": [{"label": "Tỷ lệ hồ sơ giải quyết đúng hạn", "expr": "dossier.on_time_rate", "op": ">=",
                     "value": 98, "unit": "%"},
                    {"label": "Tỷ lệ hồ sơ trực tuyến", "expr": "dossier.online_rate", "value": 80}]}


def test_plan_import_json_and_csv_then_list(db, tmp_path, capsys):
    f = tmp_path / "plan.json"
    f.write_text(json.dumps({"plans": [PLAN]}, ensure_ascii=False), encoding="utf-8")
    assert main(["plan", "import", "--db", str(db), str(f)]) == 0
    assert "Đã thêm kế hoạch 45/KH-UBND với 2 mục tiêu." in capsys.readouterr().out
    c = tmp_path / "t.csv"
    c.write_text("label,expr,op,value\nTỷ lệ hài lòng,survey.satisfaction_rate,>=,90\n", encoding="utf-8")
    assert main(["plan", "import", "--db", str(db), str(c), "--plan", "45/kh-ubnd"]) == 0
    assert "Đã thêm 1 mục tiêu vào kế hoạch 45/KH-UBND." in capsys.readouterr().out
    assert main(["plan", "list", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "Kế hoạch 45/KH-UBND\t15/07/2025" in out and "dossier.on_time_rate ≥ 98 %" in out
    assert "survey.satisfaction_rate ≥ 90" in out


def test_plan_import_is_all_or_nothing(db, tmp_path, capsys):
    bad = dict(PLAN, targets=PLAN["targets"] + [{"label": "Sai", "expr": "no.such_key", "value": 1}])
    f = tmp_path / "bad.json"
    f.write_text(json.dumps([bad], ensure_ascii=False), encoding="utf-8")
    refused(capsys, db, ["plan", "import", "--db", str(db), str(f)], "mục tiêu thứ 3: Mã chỉ tiêu “no.such_key”")
    f.write_text("{not json", encoding="utf-8")
    refused(capsys, db, ["plan", "import", "--db", str(db), str(f)], "không phải JSON hợp lệ")
    c = tmp_path / "t.csv"
    c.write_text("label,expr,value\nA,dossier.on_time_rate,98\n", encoding="utf-8")
    refused(capsys, db, ["plan", "import", "--db", str(db), str(c)], "cần --plan")
    refused(capsys, db, ["plan", "import", "--db", str(db), str(c), "--plan", "1/KH"], "Chưa có kế hoạch")
    with Workspace.open(db) as ws:
        assert ws.conn.execute("SELECT count(*) FROM plans").fetchone()[0] == 0


def _tasks_xlsx(path):
    wb = openpyxl.Workbook()
    sh = wb.active
    sh.append(["TT", "Nội dung", "Đơn vị thực hiện", "Thời gian hoàn thành", "Đã thực hiện", "Tỷ lệ hoàn thành"])
    sh.append(["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", None, None, None, None])
    sh.append([1, "Ban hành kế hoạch CCHC", "Văn phòng", "Tháng 7", "Hoàn thành", 1.0])
    sh.append([2, "Kiểm tra CCHC", "Văn phòng", "Quý IV", "Đang thực hiện", 0.5])
    sh.cell(3, 6).number_format = "0%"
    sh.cell(4, 6).number_format = "0%"
    wb.save(path)


def test_plan_tasks_import_xlsx_and_csv_then_list(db, tmp_path, capsys):
    x = tmp_path / "tasks.xlsx"
    _tasks_xlsx(x)
    assert main(["plan", "tasks", "import", "--db", str(db), "--year", "2025", str(x)]) == 0
    assert "Đã nhập 2 nhiệm vụ năm 2025 từ tasks.xlsx (kế hoạch năm có 2 nhiệm vụ, đã hoàn thành 1)." \
        in capsys.readouterr().out
    c = tmp_path / "more.csv"
    c.write_text("Nội dung,Thời gian hoàn thành,Đã thực hiện\nSố hóa hồ sơ,Tháng 12,Hoàn thành\n", encoding="utf-8")
    assert main(["plan", "tasks", "import", "--db", str(db), "--year", "2025", "--append", str(c)]) == 0
    assert "Đã nhập 1 nhiệm vụ" in capsys.readouterr().out
    assert main(["plan", "tasks", "list", "--db", str(db), "--year", "2025"]) == 0
    out = capsys.readouterr().out
    assert "Ban hành kế hoạch CCHC" in out and "Số hóa hồ sơ" in out and "Tổng: 3 nhiệm vụ, đã hoàn thành 2." in out
    main(["period", "add", "--db", str(db), "--period", "2025-Q4"])
    with Workspace.open(db) as ws:
        cells = rollup.values(ws, "2025-Q4")
        assert (cells["plan.tasks_planned"].value, cells["plan.tasks_done"].value) == (3, 2)


def test_plan_tasks_bad_file_changes_nothing(db, tmp_path, capsys):
    c = tmp_path / "t.csv"
    c.write_text("Nội dung,Thời gian hoàn thành\nA,Tháng 7\n,Tháng 8\n", encoding="utf-8")
    refused(capsys, db, ["plan", "tasks", "import", "--db", str(db), "--year", "2025", str(c)], "Dòng 3")
    c.write_text("Nội dung,Lĩnh vực\nA,9\n", encoding="utf-8")
    refused(capsys, db, ["plan", "tasks", "import", "--db", str(db), "--year", "2025", str(c)], "lĩnh vực 9 không có")
    x = tmp_path / "no.xlsx"
    x.write_bytes(b"not a workbook")
    refused(capsys, db, ["plan", "tasks", "import", "--db", str(db), "--year", "2025", str(x)], "không phải bảng tính")


# ---- cchc detail ----------------------------------------------------------------------------

def test_detail_import_csv_feeds_the_period(db, tmp_path, capsys):
    main(["period", "add", "--db", str(db), "--period", "2025-07-01..2025-10-31"])
    f = tmp_path / "linh-vuc.csv"
    f.write_text("Lĩnh vực,received_total,received_online,received_direct_postal,resolved_total,resolved_early,"
                 "resolved_on_time,pending\n"
                 "Hộ tịch,1.500,1.400,100,1.400,1.395,5,100\n"
                 "Chứng thực,765,607,158,651,646,5,114\n"
                 "Tổng cộng,2.265,2.007,258,2.051,2.041,10,214\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["detail", "import", "--db", str(db), "--period", "2025-07-01..2025-10-31",
                 "--table", "dossiers_by_field", str(f)]) == 0
    out = capsys.readouterr().out
    assert "Đã nhập 2 dòng vào bảng" in out and "2.265" in out
    with Workspace.open(db) as ws:
        cells = rollup.values(ws, "2025-07-01..2025-10-31")
        assert cells["dossier.received_total"].value == 2265
        assert cells["dossier.resolved_total"].value == 2051 and cells["dossier.pending"].value == 214
    # importing again replaces the rows (no doubling)
    assert main(["detail", "import", "--db", str(db), "--period", "2025-07-01..2025-10-31",
                 "--table", "dossiers_by_field", str(f)]) == 0
    assert main(["detail", "list", "--db", str(db), "--period", "2025-07-01..2025-10-31",
                 "--table", "dossiers_by_field"]) == 0
    listed = capsys.readouterr().out.splitlines()
    rows = [line for line in listed if line.startswith(("Hộ tịch", "Chứng thực"))]
    assert len(rows) == 2 and rows[0].startswith("Hộ tịch\t1.500\t1.400\t100")


def test_detail_import_xlsx(db, tmp_path, capsys):
    main(["period", "add", "--db", str(db), "--period", "2025-M08"])
    x = tmp_path / "so-hoa.xlsx"
    wb = openpyxl.Workbook()
    wb.active.append(["Đơn vị, bộ phận", "received", "components_full", "resolved", "results"])
    wb.active.append(["Trung tâm PVHCC", 300, 280, 290, 250])
    wb.save(x)
    assert main(["detail", "import", "--db", str(db), "--period", "2025-m08", "--table", "digitization", str(x)]) == 0
    with Workspace.open(db) as ws:
        assert rollup.values(ws, "2025-M08")["digitization.results"].value == 250


def test_detail_bad_files_change_nothing(db, tmp_path, capsys):
    main(["period", "add", "--db", str(db), "--period", "2025-Q3"])
    f = tmp_path / "bad.csv"
    cases = [
        ("Lĩnh vực,received_total\nHộ tịch,12a\n", "dòng 2", "dossiers_by_field"),
        ("Lĩnh vực,no_such_col\nHộ tịch,1\n", "cột “no_such_col” không có", "dossiers_by_field"),
        ("Lĩnh vực,received_total\n,5\n", "dòng chưa có tên", "dossiers_by_field"),
        ("Lĩnh vực,received_total\nHộ tịch,-3\n", "không được âm", "dossiers_by_field"),
        ("Lĩnh vực,received_total\nHộ tịch,3\n", "Không có bảng chi tiết “nope”", "nope"),
    ]
    for text, words, table in cases:
        f.write_text(text, encoding="utf-8")
        refused(capsys, db, ["detail", "import", "--db", str(db), "--period", "2025-Q3", "--table", table, str(f)], words)
    f.write_text("Lĩnh vực,received_total\nHộ tịch,3\n", encoding="utf-8")
    refused(capsys, db, ["detail", "import", "--db", str(db), "--period", "2025-Q1", "--table", "dossiers_by_field",
                         str(f)], "Chưa có kỳ báo cáo 2025-Q1")
    with Workspace.open(db) as ws:
        ws.set_status("2025-Q3", "final")
    refused(capsys, db, ["detail", "import", "--db", str(db), "--period", "2025-Q3", "--table", "dossiers_by_field",
                         str(f)], "đã chốt số liệu")


def test_detail_tables_lists_the_columns(capsys):
    assert main(["detail", "tables"]) == 0
    out = capsys.readouterr().out
    assert "dossiers_by_field\tKết quả giải quyết hồ sơ TTHC theo lĩnh vực" in out and "(tính sẵn)" in out


def test_usage_errors_are_vietnamese(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["unit", "set"])
    assert stop.value.code == 2 and "Lỗi: thiếu --db" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        main(["plan", "tasks", "list", "--db", "x", "--year", "năm nay"])
    assert "không phải số nguyên" in capsys.readouterr().err


def test_every_command_and_option_has_vietnamese_help():
    """As sqlite-utils' test_docs: a command or option without help text fails."""
    import argparse

    from cchc_desktop.cli import build_parser

    def walk(parser, path):
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                helps = {a.dest: a.help for a in action._choices_actions}
                for name, sub in action.choices.items():
                    assert helps.get(name), f"{path} {name}: no help"
                    yield from walk(sub, f"{path} {name}")
            elif action.option_strings and action.dest not in ("help", "version"):
                yield path, action

    seen = 0
    for path, action in walk(build_parser(), "cchc"):
        assert action.help, f"{path} {action.option_strings}: no help"
        seen += 1
    assert seen > 60
