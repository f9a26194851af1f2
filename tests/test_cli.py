"""The cchc command line against real workspace files."""
import csv
import io
import json

import pytest

from cchc_desktop.cli import main
from cli_helpers import cchc


def test_demo_then_export_gives_seed_000_figures(tmp_path):
    db = tmp_path / "mau.cchc"
    assert cchc("demo", "--db", db).returncode == 0
    r = cchc("values", "export", "--db", db, "--period", "2022-H1")
    assert r.returncode == 0, r.stderr
    got = {row["key"]: row["value"] for row in csv.DictReader(io.StringIO(r.stdout))}
    expected = {"dossier.received_total": "2297", "dossier.resolved_early": "2261",
                "dossier.resolved_on_time": "32", "tthc.in_force": "136", "survey.forms": "588",
                "plan.tasks_planned": "44", "plan.tasks_done": "31"}
    for key, value in expected.items():
        assert got[key] == value, key
    j = json.loads(cchc("values", "export", "--db", db, "--period", "2022-H1", "--format", "json").stdout)
    assert {r["key"]: r["value"] for r in j}["dossier.received_total"] == 2297


def test_init_period_import_export(tmp_path):
    db = tmp_path / "w.cchc"
    assert cchc("init", "--db", db, "--unit", "UBND phường 2", "--parent", "UBND thị xã Quảng Trị",
                "--place", "Phường 2").returncode == 0
    r = cchc("period", "add", "--db", db, "--period", "2022-H1", "--number", "341", "--date", "2022-06-15")
    assert r.returncode == 0, r.stderr
    csvf = tmp_path / "in.csv"
    csvf.write_text("key,value,note\ndossier.received_total,2.297,\nsurvey.method,2,Kết hợp\n"
                    "dossier.on_time_rate,\"98,6\",\n", encoding="utf-8")
    r = cchc("values", "import", "--db", db, "--period", "2022-H1", csvf)
    assert r.returncode == 0, r.stderr
    out = cchc("values", "export", "--db", db, "--period", "2022-H1", "--typed").stdout
    assert "dossier.received_total,2297," in out and "survey.method,2,Kết hợp" in out
    assert 'dossier.on_time_rate,"98,6",' in out


BAD_FILES = {
    "unknown key": ("key,value\ndossier.received_total,10\nno.such_key,5\n", 3, "không có trong danh mục"),
    "bad number": ("key,value\ndossier.received_total,12a\n", 2, "không phải là số"),
    "code outside list": ("key,value\nsurvey.method,7\n", 2, "danh sách mã"),
    "duplicate key": ("key,value\ndossier.pending,4\ndossier.pending,5\n", 3, "đã có ở dòng 2"),
    "wrong header": ("ma,so\ndossier.pending,4\n", 1, "Dòng tiêu đề"),
    "negative": ("key,value\ndossier.pending,-4\n", 2, "không được âm"),
    "fraction count": ("key,value\ndossier.pending,\"4,5\"\n", 2, "số nguyên"),
    "percent above 100": ("key,value\ndossier.on_time_rate,101\n", 2, "0 đến 100"),
}


@pytest.mark.parametrize("name", BAD_FILES)
def test_bad_import_changes_nothing(name, demo_path, tmp_path):
    text, line, fragment = BAD_FILES[name]
    f = tmp_path / "bad.csv"
    f.write_text(text, encoding="utf-8")
    before = demo_path.read_bytes()
    r = cchc("values", "import", "--db", demo_path, "--period", "2022-H1", f)
    assert r.returncode != 0
    assert fragment in r.stderr and (f"dòng {line}" in r.stderr or line == 1)
    assert demo_path.read_bytes() == before


def test_unknown_period_and_missing_file_are_clear(demo_path, capsys):
    assert main(["values", "export", "--db", str(demo_path), "--period", "2030-H1"]) == 1
    assert "Chưa có kỳ báo cáo 2030-H1" in capsys.readouterr().err
    assert main(["values", "export", "--db", str(demo_path.with_name("nope.cchc")), "--period", "2022-H1"]) == 1
    assert "Không tìm thấy" in capsys.readouterr().err


def test_catalogue_json_has_core_keys():
    r = cchc("catalogue", "--json")
    data = json.loads(r.stdout)
    keys = {i["key"] for i in data["indicators"]}
    for k in ("plan.tasks_planned", "dossier.received_total", "survey.method", "iso.applied",
              "dossier.on_time_rate", "invest.disbursement_rate"):
        assert k in keys
    assert len(data["areas"]) == 7


def test_every_command_has_help():
    from cchc_desktop.cli import build_parser
    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    for name, p in sub.choices.items():
        assert p.description and "chưa hỗ trợ" not in p.description or name in (
            "validate", "targets", "report", "backup", "restore", "consolidate"), name
