"""cchc validate and cchc targets against real workspace files."""
import json

from cchc_desktop import plans
from cchc_desktop.cli import main
from cchc_desktop.store import Workspace
from cli_helpers import cchc


def test_validate_clean_sample_exits_0(demo_path):
    r = cchc("validate", "--db", demo_path, "--period", "2022-H1", "--json")
    assert r.returncode == 0, r.stderr
    assert all(f["severity"] != "error" for f in json.loads(r.stdout))


def test_validate_errors_exit_3_with_json(demo_path, capsys):
    with Workspace.open(demo_path) as ws:
        ws.set_value("2022-H1", "dossier.received_total", 2300)
    before = demo_path.read_bytes()
    assert main(["validate", "--db", str(demo_path), "--period", "2022-H1", "--json"]) == 3
    data = json.loads(capsys.readouterr().out)
    errs = [f for f in data if f["severity"] == "error"]
    assert errs and all({"rule", "severity", "keys", "message"} <= set(f) for f in data)
    assert any("dossier.received_total" in f["keys"] and "2.300" in f["message"] for f in errs)
    assert main(["validate", "--db", str(demo_path), "--period", "2022-H1"]) == 3
    out = capsys.readouterr()
    assert "Lỗi\t" in out.out and "lỗi" in out.err
    assert demo_path.read_bytes() == before


def test_validate_warnings_alone_exit_0(ws, capsys):
    ws.add_period("2022-Q3")
    ws.set_values("2022-Q3", [("staff.quota", 20), ("staff.present", 22)])
    path = str(ws.path)
    ws.close()
    assert main(["validate", "--db", path, "--period", "2022-Q3", "--json"]) == 0
    [f] = json.loads(capsys.readouterr().out)
    assert f["severity"] == "warning"


def test_validate_bad_input(demo_path, capsys):
    assert main(["validate", "--db", str(demo_path), "--period", "2022-X9"]) != 0
    assert "không hợp lệ" in capsys.readouterr().err
    assert main(["validate", "--db", str(demo_path), "--period", "2031-H1"]) != 0
    assert "Chưa có kỳ báo cáo" in capsys.readouterr().err


def test_targets_json(ws, capsys):
    pid = plans.save_plan(ws, "1069/QĐ-UBND", year_from=2021, year_to=2025)
    plans.save_target(ws, pid, "Đúng hạn", "dossier.on_time_rate", ">=", 100)
    plans.save_target(ws, pid, "Hài lòng", "survey.satisfaction_rate", ">=", 90)
    ws.add_period("2022-Q3")
    ws.set_values("2022-Q3", [("dossier.resolved_total", 541), ("dossier.resolved_early", 222),
                              ("dossier.resolved_on_time", 317)])
    path = str(ws.path)
    ws.close()
    assert main(["targets", "--db", path, "--period", "2022-Q3", "--json"]) == 0
    data = {r["label"]: r for r in json.loads(capsys.readouterr().out)}
    assert data["Đúng hạn"]["status"] == "not_met" and data["Đúng hạn"]["plan"] == "1069/QĐ-UBND"
    assert abs(data["Đúng hạn"]["gap"] - (539 / 541 * 100 - 100)) < 1e-9
    assert data["Hài lòng"]["status"] == "no_data" and data["Hài lòng"]["actual"] is None
    assert main(["targets", "--db", path, "--period", "2022-Q3"]) == 0
    assert "Chưa đạt\t1069/QĐ-UBND" in capsys.readouterr().out
