"""cchc rules: an upper office adds its own checks as data, without code."""
import json

from cli_helpers import cchc


def test_a_rule_added_from_a_file_fires_in_validate(demo_path, tmp_path):
    # The sample has 588 survey forms; an upper office asks for at least 600.
    rule = {"code": "office.survey_forms_min", "type": "le", "severity": "error", "area": 1,
            "left": "600", "right": "survey.forms", "op": "<=",
            "message": "Số phiếu khảo sát ({right}) ít hơn mức cấp trên yêu cầu ({left})."}
    f = tmp_path / "rules.json"
    f.write_text(json.dumps({"rules": [rule]}, ensure_ascii=False), encoding="utf-8")
    before = cchc("validate", "--db", demo_path, "--period", "2022-H1", "--json")
    assert before.returncode == 0
    r = cchc("rules", "add", "--db", demo_path, f)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == "office.survey_forms_min"
    after = cchc("validate", "--db", demo_path, "--period", "2022-H1", "--json")
    assert after.returncode == 3
    found = [x for x in json.loads(after.stdout) if x["rule"] == "office.survey_forms_min"]
    assert found and "588" in found[0]["message"] and "600" in found[0]["message"]
    listed = json.loads(cchc("rules", "list", "--db", demo_path, "--json").stdout)
    assert {"code": "office.survey_forms_min", "own": True}.items() <= next(
        x for x in listed if x["code"] == "office.survey_forms_min").items()
    assert cchc("rules", "delete", "--db", demo_path, "office.survey_forms_min").returncode == 0
    assert cchc("validate", "--db", demo_path, "--period", "2022-H1").returncode == 0


def test_a_bad_rule_file_adds_nothing(demo_path, tmp_path):
    good = {"code": "office.ok", "type": "le", "left": "dossier.pending", "right": "dossier.received_total"}
    bad = {"code": "office.bad", "type": "le", "left": "no.such_key", "right": "dossier.received_total"}
    f = tmp_path / "rules.json"
    f.write_text(json.dumps([good, bad]), encoding="utf-8")
    before = demo_path.read_bytes()
    r = cchc("rules", "add", "--db", demo_path, f)
    assert r.returncode == 1
    assert "quy tắc thứ 2" in r.stderr and "no.such_key" in r.stderr
    assert demo_path.read_bytes() == before
    f.write_text("{not json", encoding="utf-8")
    r = cchc("rules", "add", "--db", demo_path, f)
    assert r.returncode == 1 and "không phải JSON" in r.stderr


def test_rules_add_applies_the_checks_of_the_window(demo_path, tmp_path):
    f = tmp_path / "rules.json"
    cases = [
        ({"type": "le", "left": "survey.satisfied", "right": "survey.forms"}, "Đã có quy tắc này"),   # shipped
        ({"type": "le", "left": "dossier.online_rate", "right": "survey.forms"}, "Không so sánh hay cộng được tỷ lệ"),
        ({"type": "same", "left": "survey.forms", "right": "survey.forms"}, "cùng một chỉ tiêu"),
        ({"type": "sum", "total": "survey.forms", "parts": ["survey.satisfied"]}, "ít nhất hai"),
    ]
    before = demo_path.read_bytes()
    for definition, message in cases:
        f.write_text(json.dumps([definition]), encoding="utf-8")
        r = cchc("rules", "add", "--db", demo_path, f)
        assert r.returncode == 1 and message in r.stderr, (definition, r.stderr)
    # the same rule twice in one file is one rule too many
    twice = {"type": "le", "left": "dossier.pending", "right": "dossier.received_total"}
    f.write_text(json.dumps([twice, twice]), encoding="utf-8")
    r = cchc("rules", "add", "--db", demo_path, f)
    assert r.returncode == 1 and "quy tắc thứ 2" in r.stderr and "Đã có quy tắc này" in r.stderr
    assert demo_path.read_bytes() == before
    # without a code, a rule gets the unit's next code, as from the window
    f.write_text(json.dumps([twice]), encoding="utf-8")
    r = cchc("rules", "add", "--db", demo_path, f)
    assert r.returncode == 0 and r.stdout.split() == ["don_vi.le.1"]
