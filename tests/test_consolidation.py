"""Consolidation: hostile files refused leaving the receiving workspace byte for byte;
20 generated units sum to independently computed figures; newer files replace older."""
from __future__ import annotations

import datetime as dt
import os
import random
import shutil
import sqlite3
from pathlib import Path

import pytest

from cchc_desktop import backup, consolidation, migrations, rollup
from cchc_desktop.cli import main
from cchc_desktop.store import Workspace

COUNTS = ("dossier.received_total", "dossier.resolved_total", "dossier.resolved_early",
          "dossier.resolved_on_time", "staff.cadres", "plan.tasks_planned", "plan.tasks_done")
MONEY = ("invest.plan_mvnd", "invest.disbursed_mvnd")


def make_unit(folder: Path, n: int, rng: random.Random, *, code="2022-H1", made=None, values=None) -> tuple[Path, dict]:
    """A unit workspace with random figures and its backup; returns (backup file, typed values)."""
    ws_path = folder / f"unit{n}.cchc"
    if ws_path.exists():
        ws = Workspace.open(ws_path)
    else:
        ws = Workspace.create(ws_path, name=f"UBND xã Số {n}", parent="UBND huyện Thử Nghiệm", place=f"Xã {n}")
        ws.add_period(code)
    if values is None:
        total = rng.randint(50, 3000)
        early = rng.randint(0, total // 3)
        values = {"dossier.received_total": total + rng.randint(0, 50), "dossier.resolved_total": total,
                  "dossier.resolved_early": early, "dossier.resolved_on_time": rng.randint(0, total - early),
                  "staff.cadres": rng.randint(5, 25), "plan.tasks_planned": rng.randint(10, 60),
                  "invest.plan_mvnd": round(rng.uniform(100, 5000), 1),
                  "staff.training_rate": round(rng.uniform(10, 100), 2),
                  "survey.method": rng.choice([0, 1, 2]), "iso.applied": rng.choice([0, 1])}
        values["plan.tasks_done"] = rng.randint(0, values["plan.tasks_planned"])
        values["invest.disbursed_mvnd"] = round(values["invest.plan_mvnd"] * rng.uniform(0.2, 1), 1)
    ws.set_values(code, list(values.items()))
    path = backup.make_backup(ws, folder / "gui", made_at=made or dt.datetime(2022, 6, 15, 9, n % 60))
    ws.close()
    return path, values


@pytest.fixture(scope="module")
def twenty(tmp_path_factory):
    folder = tmp_path_factory.mktemp("units")
    rng = random.Random(20)
    made = [make_unit(folder, n, rng) for n in range(1, 21)]
    return [p for p, _ in made], [v for _, v in made]


@pytest.fixture
def receiving(tmp_path, twenty):
    """A consolidation workspace that already accepted two units (so 'unchanged' means something)."""
    path = tmp_path / "tong-hop.cchc"
    with consolidation.create(path, "UBND huyện Thử Nghiệm") as ws:
        consolidation.import_files(ws, twenty[0][:2])
    return path


def test_twenty_units_sum_to_independent_figures(tmp_path, twenty, capsys):
    files, values = twenty
    c = tmp_path / "c.cchc"
    assert main(["consolidate", "--db", str(c), "--unit", "UBND huyện Thử Nghiệm", *map(str, files)]) == 0
    capsys.readouterr()
    # independent sums straight from the generated figures
    want = {k: sum(v[k] for v in values) for k in COUNTS}
    want.update({k: sum(v[k] for v in values) for k in MONEY})
    assert main(["values", "export", "--db", str(c), "--period", "2022-H1", "--format", "json"]) == 0
    import json
    exported = {r["key"]: r for r in json.loads(capsys.readouterr().out)}
    with Workspace.open(c) as ws:
        assert consolidation.is_consolidation(ws)
        got = rollup.plain_values(ws, "2022-H1")
        for k in COUNTS:
            assert got[k] == want[k], k
        for k in MONEY:
            assert got[k] == pytest.approx(want[k]), k
        # rates recomputed from the summed parts, never averaged
        rate = (want["dossier.resolved_early"] + want["dossier.resolved_on_time"]) / want["dossier.resolved_total"] * 100
        assert got["dossier.on_time_rate"] == pytest.approx(rate)
        mean = sum((v["dossier.resolved_early"] + v["dossier.resolved_on_time"]) / v["dossier.resolved_total"] * 100
                   for v in values) / len(values)
        assert got["dossier.on_time_rate"] != pytest.approx(mean)
        assert got["invest.disbursement_rate"] == pytest.approx(
            want["invest.disbursed_mvnd"] / want["invest.plan_mvnd"] * 100)
        # a typed percent with no parts is not summed (only shown per unit)
        assert "staff.training_rate" not in got
        # code answers counted by value
        counts = consolidation.code_counts(ws, "2022-H1")
        for key in ("survey.method", "iso.applied"):
            expect = {}
            for v in values:
                expect[v[key]] = expect.get(v[key], 0) + 1
            assert counts[key] == dict(sorted(expect.items()))
        text = consolidation.code_counts_text(ws, "2022-H1")["survey.method"]
        assert "đơn vị Kết hợp" in text
        units, rows = consolidation.unit_table(ws, "2022-H1")
        assert len(units) == 20
        row = next(r for r in rows if r["key"] == "staff.training_rate")
        assert row["total"] is None and len(row["values"]) == 20
        row = next(r for r in rows if r["key"] == "dossier.received_total")
        assert row["total"] == want["dossier.received_total"] == sum(row["values"].values())
        unit_list, codes, cells = consolidation.matrix(ws)
        assert codes == ["2022-H1"] and len(unit_list) == 20
        assert {s for s, _ in cells.values()} == {consolidation.RECEIVED}
    assert exported["dossier.received_total"]["value"] == want["dossier.received_total"]


def _old_and_new(folder: Path, rng: random.Random, more: int) -> tuple:
    """(older file, its values, newer file, its values) of unit 1, the newer with *more* dossiers."""
    folder.mkdir(exist_ok=True)
    old, v_old = make_unit(folder, 1, rng, made=dt.datetime(2022, 6, 15, 9, 0))
    new_values = dict(v_old, **{"dossier.received_total": v_old["dossier.received_total"] + more})
    new, _ = make_unit(folder, 1, rng, made=dt.datetime(2022, 6, 20, 9, 0), values=new_values)
    return old, v_old, new, new_values


def test_newer_file_replaces_older_which_stays_in_history(tmp_path):
    rng = random.Random(1)
    folder = tmp_path / "u"
    old, v_old, new, new_values = _old_and_new(folder, rng, 100)
    other, v_other = make_unit(folder, 2, rng)
    with consolidation.create(tmp_path / "c.cchc") as ws:
        consolidation.import_files(ws, [old, other])
        assert rollup.plain_values(ws, "2022-H1")["dossier.received_total"] == \
            v_old["dossier.received_total"] + v_other["dossier.received_total"]
        result = consolidation.import_files(ws, [new])
        assert [i.path for i in result.accepted] == [new] and result.periods == ["2022-H1"]
        assert rollup.plain_values(ws, "2022-H1")["dossier.received_total"] == \
            new_values["dossier.received_total"] + v_other["dossier.received_total"]
        history = {r["file_name"]: r for r in consolidation.received(ws)}
        assert history[old.name]["status"] == "superseded" and new.name in history[old.name]["reason"]
        assert history[new.name]["status"] == "accepted"
        # an older file arriving late is kept as history and changes no figure
        late = tmp_path / "late"
        late.mkdir()
        shutil.copy(old, late / ("x" + old.name))   # same content: a duplicate, not a new file
        assert consolidation.import_files(ws, [late]).duplicates
        # (made by the unit's workspace before the newer one: a lower revision)
        older = folder / "gui" / "CCHC_xa-so-1-thu-nghiem_2022-H1_20220610-0900.sqlite"
        shutil.copy(old, older)
        conn = sqlite3.connect(older)
        conn.execute("UPDATE backup_figures SET value = 1 WHERE key = 'dossier.received_total'")
        conn.execute("UPDATE backup_info SET made_at = '2022-06-10T09:00:00'")
        conn.commit()
        conn.close()
        backup.seal(older)
        result = consolidation.import_files(ws, [older])
        assert [(i.path, code) for i, code in result.older] == [(older, "2022-H1")]
        assert result.checked(result.accepted[0]) == {}   # history kept for reference is not checked
        assert rollup.plain_values(ws, "2022-H1")["dossier.received_total"] == \
            new_values["dossier.received_total"] + v_other["dossier.received_total"]
        assert {r["file_name"]: r["status"] for r in consolidation.received(ws)}[older.name] == "superseded"


def test_all_or_nothing_from_the_command_line(receiving, twenty, tmp_path, capsys):
    bad = tmp_path / "rac.sqlite"
    bad.write_bytes(os.urandom(5000))
    snapshot = receiving.read_bytes()
    assert main(["consolidate", "--db", str(receiving), str(twenty[0][5]), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "Không nhận tệp nào" in err and "rac.sqlite" in err
    assert receiving.read_bytes() == snapshot


def test_refused_first_import_leaves_no_file(tmp_path, capsys):
    bad = tmp_path / "rac.sqlite"
    bad.write_bytes(b"x" * 500)
    c = tmp_path / "moi.cchc"
    assert main(["consolidate", "--db", str(c), str(bad)]) == 1
    assert not c.exists() and not list(tmp_path.glob("moi.cchc*"))


def test_unit_workspace_is_not_a_consolidation_workspace(demo_path, twenty, capsys):
    assert main(["consolidate", "--db", str(demo_path), str(twenty[0][0])]) == 1
    assert "không phải tệp tổng hợp" in capsys.readouterr().err


# ---- hostile files ----------------------------------------------------------------------
def _truncated(good: Path, out: Path):
    out.write_bytes(good.read_bytes()[: good.stat().st_size // 2])


def _random_bytes(good: Path, out: Path):
    out.write_bytes(b"SQLite format 3\x00" + random.Random(3).randbytes(20000))


def _random_noise(good: Path, out: Path):
    out.write_bytes(random.Random(4).randbytes(30000))


def _other_program(good: Path, out: Path):
    conn = sqlite3.connect(out)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('a', '1')")
    conn.commit()
    conn.close()


def _edited(good: Path, out: Path):
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE backup_figures SET value = value * 10 WHERE key = 'dossier.received_total'")
    conn.commit()
    conn.close()


def _with_view_and_trigger(good: Path, out: Path):
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute("CREATE VIEW v AS SELECT * FROM entries")
    conn.execute("CREATE TRIGGER t AFTER INSERT ON received_files BEGIN DELETE FROM entries; END")
    conn.commit()
    conn.close()


def _with_trigger_only(good: Path, out: Path):
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute("CREATE TRIGGER t AFTER INSERT ON entries BEGIN DELETE FROM audit; END")
    conn.commit()
    conn.close()


def _newer_schema(good: Path, out: Path):
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute(f"PRAGMA user_version = {migrations.latest_version() + 1}")
    conn.commit()
    conn.close()


def _oversized(good: Path, out: Path):
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute("CREATE TABLE padding (x BLOB)")
    conn.execute("INSERT INTO padding VALUES (zeroblob(?))", (backup.MAX_BACKUP_BYTES + 1,))
    conn.commit()
    conn.close()


def _bad_code(good: Path, out: Path):
    """A well-formed file whose code answer is outside the code list (digest recomputed)."""
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute("UPDATE backup_figures SET value = 7 WHERE key = 'survey.method'")
    conn.commit()
    conn.close()
    backup.seal(out)


def _working_workspace(good: Path, out: Path):
    shutil.copy(good, out)
    conn = sqlite3.connect(out)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.close()


HOSTILE = {
    "truncated": (_truncated, backup.DamagedBackup, "cắt cụt"),
    "random": (_random_bytes, backup.BackupError, "CCHC"),
    "noise": (_random_noise, backup.NotABackup, "không phải cơ sở dữ liệu SQLite"),
    "other": (_other_program, backup.NotABackup, "chương trình khác"),
    "edited": (_edited, backup.DamagedBackup, "không khớp mã kiểm tra SHA-256"),
    "view_trigger": (_with_view_and_trigger, backup.UnsafeBackup, "cấu trúc lạ"),
    "trigger": (_with_trigger_only, backup.UnsafeBackup, "trigger “t”"),
    "newer": (_newer_schema, backup.TooNewBackup, "phiên bản chương trình mới hơn"),
    "oversized": (_oversized, backup.TooLargeBackup, "quá lớn"),
    "bad_code": (_bad_code, backup.BackupError, "giá trị không hợp lệ"),
    "wal": (_working_workspace, backup.NotABackup, "chế độ WAL"),
}


@pytest.fixture
def small_limit(monkeypatch):
    monkeypatch.setattr(backup, "MAX_BACKUP_BYTES", 2 * 1024 * 1024)


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_file_is_refused_and_changes_nothing(case, receiving, twenty, tmp_path, small_limit, capsys):
    make, error, phrase = HOSTILE[case]
    bad = tmp_path / f"CCHC_xa-la_2022-H1_20220615-0930.sqlite"
    make(twenty[0][2], bad)
    snapshot = receiving.read_bytes()
    side = sorted(p.name for p in receiving.parent.iterdir())
    # the check alone names the problem in Vietnamese
    with Workspace.open(receiving) as ws:
        with pytest.raises(error, match=phrase):
            consolidation.check_file(ws, bad)
        # the window's import (not all-or-nothing) takes the good one and lists the bad one
        good_before = len(consolidation.received(ws))
    assert receiving.read_bytes() == snapshot
    # the command line refuses the whole call and leaves the file byte for byte
    assert main(["consolidate", "--db", str(receiving), str(twenty[0][3]), str(bad)]) == 1
    err = capsys.readouterr().err
    assert bad.name in err and phrase in err
    assert receiving.read_bytes() == snapshot
    assert sorted(p.name for p in receiving.parent.iterdir()) == side
    with Workspace.open(receiving) as ws:
        assert len(consolidation.received(ws)) == good_before
        result = consolidation.import_files(ws, [twenty[0][3], bad], all_or_nothing=False)
        assert [i.path for i in result.accepted] == [twenty[0][3]]
        assert [r.path for r in result.refused] == [bad]
        _, _, cells = consolidation.matrix(ws, result.refused)
        assert cells[("xa-la", "2022-H1")][0] == consolidation.ERROR


def test_hostile_file_in_a_zip(receiving, twenty, tmp_path):
    import zipfile
    inner = tmp_path / "x.sqlite"
    _edited(twenty[0][4], inner)
    z = tmp_path / "goi.zip"
    with zipfile.ZipFile(z, "w") as zf:
        zf.write(inner, "CCHC_a_2022-H1_20220101-0000.sqlite")
    with Workspace.open(receiving) as ws:
        with pytest.raises(backup.DamagedBackup, match="SHA-256"):
            consolidation.check_file(ws, z)
    bomb = tmp_path / "bom.zip"
    with zipfile.ZipFile(bomb, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("a.sqlite", b"\0" * (backup.MAX_BACKUP_BYTES + 10))
    with pytest.raises(backup.TooLargeBackup):
        backup.verify(bomb)


def test_nothing_in_a_received_file_is_executed(receiving, twenty, tmp_path):
    """A trigger that would fire on reading is refused before any table is read."""
    bad = tmp_path / "t.sqlite"
    _with_trigger_only(twenty[0][6], bad)
    before = bad.read_bytes()
    with pytest.raises(backup.UnsafeBackup):
        backup.verify(bad)
    assert bad.read_bytes() == before   # opened read-only: not even a journal written
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("t.sqlite")) == ["t.sqlite"]


# ---- checks on accepted figures ----------------------------------------------------------
def test_accepted_figures_with_a_wrong_total_show_as_with_errors(tmp_path, capsys):
    rng = random.Random(7)
    folder = tmp_path / "u"
    folder.mkdir()
    clean, _ = make_unit(folder, 1, rng)
    parts = {"dossier.resolved_early": 10, "dossier.resolved_on_time": 20, "dossier.resolved_late": 5}
    wrong, _ = make_unit(folder, 2, rng, values={"dossier.received_total": 100, "dossier.resolved_total": 50,
                                                 **parts})   # 50 ≠ 10 + 20 + 5
    c = tmp_path / "c.cchc"
    assert main(["consolidate", "--db", str(c), str(clean), str(wrong)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    clean_line = lines.index(next(x for x in lines if clean.name in x))
    wrong_line = lines.index(next(x for x in lines if wrong.name in x))
    assert lines[clean_line + 1].strip().startswith("Kiểm tra số liệu: 0 lỗi")
    assert lines[wrong_line + 1].strip().startswith("Kiểm tra số liệu: 1 lỗi")
    assert "kỳ 2022-H1: 1 lỗi" in lines[wrong_line + 1]
    with Workspace.open(c) as ws:
        _, codes, cells = consolidation.matrix(ws)
        slug_wrong = backup.read_backup(wrong).unit_key
        slug_clean = backup.read_backup(clean).unit_key
        status, detail = cells[(slug_wrong, "2022-H1")]
        assert status == consolidation.INVALID and consolidation.STATUS_LABELS[status] == "Có lỗi"
        assert "1 lỗi" in detail and "khác tổng số hồ sơ giải quyết trước hạn, đúng hạn và quá hạn (35)" in detail
        assert cells[(slug_clean, "2022-H1")] [0] == consolidation.RECEIVED
        found = consolidation.period_findings(ws, slug_wrong, "2022-H1")
        assert [(f["severity"], f["rule"]) for f in found] == [("error", "sum.dossier_resolved")]
        assert consolidation.period_findings(ws, slug_clean, "2022-H1") == []
        # the figures with errors are still summed: the office sees them and asks the unit
        assert rollup.plain_values(ws, "2022-H1")["dossier.resolved_late"] == 5


def test_checks_never_open_the_received_file(tmp_path, monkeypatch):
    """The checks run on the figures read with explicit queries, in a workspace of our own."""
    rng = random.Random(8)
    folder = tmp_path / "u"
    folder.mkdir()
    f, _ = make_unit(folder, 1, rng)
    opened = []
    real_open = Workspace.open.__func__
    monkeypatch.setattr(Workspace, "open", classmethod(lambda cls, path, **kw: opened.append(Path(path)) or
                                                       real_open(cls, path, **kw)))
    with consolidation.create(tmp_path / "c.cchc") as ws:
        before = f.read_bytes()
        result = consolidation.import_files(ws, [f])
        assert result.checked(result.accepted[0])["2022-H1"].errors == 0
    assert opened and f not in opened and f.read_bytes() == before


def _edited_copy(tmp_path: Path, seed: int, *statements: str) -> tuple[Path, dict, Path]:
    """(a unit's backup, its values, a copy changed by SQL *statements* and sealed again)."""
    folder = tmp_path / "u"
    folder.mkdir(exist_ok=True)
    good, values = make_unit(folder, 1, random.Random(seed))
    odd = tmp_path / "CCHC_xa-so-1_2022-H1_20220615-0931.sqlite"
    shutil.copy(good, odd)
    conn = sqlite3.connect(odd)
    for sql in statements:
        conn.execute(sql)
    conn.commit()
    conn.close()
    backup.seal(odd)
    return good, values, odd


def test_a_value_the_form_refuses_is_an_error_not_a_crash(tmp_path):
    """A typed rate above 100 (digest recomputed) passes the import's value check but is an error."""
    _, _, odd = _edited_copy(tmp_path, 9, "UPDATE backup_figures SET value = 180.5 WHERE key = 'staff.training_rate'")
    with consolidation.create(tmp_path / "c.cchc") as ws:
        result = consolidation.import_files(ws, [odd])
        checked = result.checked(result.accepted[0])["2022-H1"]
        assert checked.errors >= 1 and any("100" in f["message"] for f in checked.findings)
        _, _, cells = consolidation.matrix(ws)
        assert {s for s, _ in cells.values()} == {consolidation.INVALID}


def _wrong_total_unit(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    return make_unit(folder, 3, random.Random(10), values={
        "dossier.received_total": 100, "dossier.resolved_total": 50, "dossier.resolved_early": 10,
        "dossier.resolved_on_time": 20, "dossier.resolved_late": 5})[0]


def test_the_receiving_offices_own_rules_apply(tmp_path):
    """An upper office that lowers a shipped rule to a warning sees warnings, not errors."""
    from cchc_desktop import rules
    wrong = _wrong_total_unit(tmp_path / "u")
    with consolidation.create(tmp_path / "c.cchc") as ws:
        shipped = next(r for r in rules.rules_for(ws) if r.code == "sum.dossier_resolved")
        rules.add_rule(ws, dict(shipped.spec, severity="warning"))
        result = consolidation.import_files(ws, [wrong])
        checked = result.checked(result.accepted[0])["2022-H1"]
        assert (checked.errors, checked.warnings) == (0, 1)
        assert {s for s, _ in consolidation.matrix(ws)[2].values()} == {consolidation.RECEIVED}


def test_checks_work_beside_a_file_called_memory(tmp_path, monkeypatch):
    wrong = _wrong_total_unit(tmp_path / "u")
    monkeypatch.chdir(tmp_path)
    (tmp_path / ":memory:").write_bytes(b"")
    with consolidation.create(tmp_path / "c.cchc") as ws:
        result = consolidation.import_files(ws, [wrong])
        assert result.checked(result.accepted[0])["2022-H1"].errors == 1
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("cchc-check")) == []


def test_checker_findings_equal_the_units_own_checks(tmp_path):
    """The scratch workspace (values loaded in bulk) finds exactly what the unit's own checks find."""
    from cchc_desktop import rules

    rng = random.Random(7)
    with Workspace.create(tmp_path / "unit.cchc", name="UBND xã Đối Chiếu", parent="UBND huyện Thử Nghiệm") as ws:
        keys = [i.key for i in ws.catalogue if i.kind == "count" and i.rollup == "sum"][:60]
        for code in ("2022-Q1", "2022-H1"):
            ws.add_period(code)
            ws.set_values(code, [(k, rng.randint(0, 500)) for k in keys] + [("survey.method", 2)])
        own = {code: [(f.severity, f.rule, f.message) for f in rules.check(ws, code)]
               for code in ("2022-Q1", "2022-H1")}
        path = backup.make_backup(ws, tmp_path / "out", made_at=dt.datetime(2022, 7, 1, 8, 0))
    with consolidation.create(tmp_path / "tong-hop.cchc", "UBND huyện Thử Nghiệm") as hub:
        result = consolidation.import_files(hub, [path])
        found = result.checked(result.accepted[0])
    assert set(found) == set(own)
    for code, expected in own.items():
        assert len(expected) > 5   # random figures: many findings, so the comparison means something
        got = [(f["severity"], f["rule"], f["message"]) for f in found[code].findings]
        assert got == [(s, r, m) for s, r, m in expected]
        assert found[code].errors == sum(1 for s, _, _ in expected if s == "error")


def test_a_number_accepted_for_one_kind_is_still_refused_for_another(tmp_path):
    """180.5 million đồng in one file is fine; a rate of 180.5 % in the next is an error of that
    unit's figures (the domain rule), and a count of 7 is not taken for a code outside the list."""
    rng = random.Random(11)
    folder = tmp_path / "u"
    folder.mkdir()
    money, _ = make_unit(folder, 1, rng, values={"invest.plan_mvnd": 180.5, "survey.method": 2})
    rate, _ = make_unit(folder, 2, rng, values={"staff.training_rate": 50.0, "staff.cadres": 7})
    conn = sqlite3.connect(rate)
    conn.execute("UPDATE backup_figures SET value = 180.5 WHERE key = 'staff.training_rate'")
    conn.commit()
    conn.close()
    backup.seal(rate)
    with consolidation.create(tmp_path / "c.cchc") as ws:
        result = consolidation.import_files(ws, [money, rate])
        by_unit = {i.unit_name: result.checked(i)["2022-H1"] for i in result.accepted}
    assert not any(f["rule"].startswith("domain") for f in by_unit["UBND xã Số 1"].findings)
    refused = [f for f in by_unit["UBND xã Số 2"].findings if f["rule"].startswith("domain")]
    assert len(refused) == 1 and "100" in refused[0]["message"]


def test_newer_file_in_the_same_import_wins(tmp_path):
    """Two files of one unit and period given together: the newer is used, the older kept."""
    old, _, new, new_values = _old_and_new(tmp_path / "u", random.Random(12), 7)
    with consolidation.create(tmp_path / "c.cchc") as ws:
        result = consolidation.import_files(ws, [new, old])
        assert sorted(i.path.name for i in result.accepted) == sorted([old.name, new.name])
        assert rollup.plain_values(ws, "2022-H1")["dossier.received_total"] == new_values["dossier.received_total"]
        history = {r["file_name"]: r for r in consolidation.received(ws)}
        assert history[old.name]["status"] == "superseded" and new.name in history[old.name]["reason"]
        assert history[new.name]["status"] == "accepted"
        assert set(result.checks) == {history[new.name]["sha256"]}   # only figures in use are checked
        assert len(consolidation.checks(ws)) == 1


def test_what_the_unit_explained_and_its_detail_tables_travel_upward(tmp_path):
    """A warning the unit acknowledged is counted as explained, with its comment; a typed total
    that differs from the unit's detail table is an error at the upper office too."""
    from cchc_desktop import rules

    with Workspace.create(tmp_path / "unit.cchc", name="UBND xã Giải Trình", parent="UBND huyện Thử Nghiệm") as unit:
        unit.add_period("2022-H1")
        unit.set_values("2022-H1", [("dossier.received_total", 100), ("dossier.resolved_total", 90),
                                    ("dossier.resolved_early", 10), ("dossier.resolved_on_time", 75),
                                    ("dossier.resolved_late", 5)])
        unit.save_detail_row("2022-H1", "dossiers_by_field", "Hộ tịch",
                             {"received_total": 60, "resolved_total": 50})
        unit.set_values("2022-H1", [("staff.quota", 20), ("staff.present", 22)])   # above quota: a warning
        own = rules.check(unit, "2022-H1")
        detail = [f for f in own if f.rule.endswith(".detail") and f.severity == "error"]
        assert detail, [f.rule for f in own]
        warning = next(f for f in own if f.rule == "obligation.staff_quota")
        rules.acknowledge(unit, "2022-H1", warning, "Số liệu đã đối chiếu với bộ phận một cửa.")
        path = backup.make_backup(unit, tmp_path / "out", made_at=dt.datetime(2022, 7, 1, 8, 0))
    with consolidation.create(tmp_path / "c.cchc", "UBND huyện Thử Nghiệm") as ws:
        result = consolidation.import_files(ws, [path])
        checked = result.checked(result.accepted[0])["2022-H1"]
        got = {(f["rule"], f.get("acknowledged")) for f in checked.findings}
        assert (detail[0].rule, None) in got
        assert (warning.rule, "Số liệu đã đối chiếu với bộ phận một cửa.") in got
        assert checked.acknowledged == 1 and "đã giải trình" in checked.summary()
        _, _, cells = consolidation.matrix(ws)
        status, text = next(iter(cells.values()))
        assert status == consolidation.INVALID and "Giải trình của đơn vị: Số liệu đã đối chiếu" in text


def test_checks_left_unfinished_are_done_by_the_next_call(tmp_path, twenty):
    """The figures are stored before they are checked: a crash between leaves them whole and
    marked unchecked, and check_received finishes the work."""
    with consolidation.create(tmp_path / "c.cchc") as ws:
        consolidation.import_files(ws, twenty[0][:3], check=False)
        pending = consolidation.checks(ws)
        assert len(pending) == 3 and all(c.pending for c in pending.values())
        assert "Chưa kiểm tra số liệu" in next(iter(consolidation.matrix(ws)[2].values()))[1]
        found = consolidation.check_received(ws)
        assert len(found) == 3 and not any(c.pending for c in consolidation.checks(ws).values())
        assert consolidation.check_received(ws) == {}   # nothing left to do


def test_odd_values_beside_the_figures_neither_crash_nor_travel(tmp_path):
    """Bytes where text belongs in a unit's acknowledgements or alternatives (digest recomputed):
    the file is accepted for its figures, and the odd rows are left behind."""
    _, values, odd = _edited_copy(
        tmp_path, 13, "INSERT INTO acknowledgements VALUES (1, X'00', 'k', X'01', '', '')",
        "INSERT INTO backup_alternatives VALUES ('2022-H1', 'dossier.received_total', X'02', 5)",
        "UPDATE periods SET window_from = X'03'")
    with consolidation.create(tmp_path / "c.cchc") as ws:
        result = consolidation.import_files(ws, [odd])
        assert len(result.accepted) == 1
        assert rollup.plain_values(ws, "2022-H1")["dossier.received_total"] == values["dossier.received_total"]
        row = ws.conn.execute("SELECT alternatives, acknowledged, window_from FROM received_periods").fetchone()
        assert tuple(row) == ("{}", "[]", None)


def test_a_backup_time_that_is_not_a_time_is_refused(tmp_path):
    good, _, odd = _edited_copy(tmp_path, 14, "UPDATE backup_info SET made_at = X'3230323230363135'")   # bytes
    with consolidation.create(tmp_path / "c.cchc") as ws:
        before = Path(ws.path).read_bytes()
        with pytest.raises(consolidation.ConsolidationRefused, match="thời điểm tạo tệp sao lưu không hợp lệ"):
            consolidation.import_files(ws, [good, odd])
        assert Path(ws.path).read_bytes() == before


def test_overdue_plan_tasks_are_found_at_the_upper_office_too(tmp_path):
    """The plan's tasks travel in the backup: a task past its deadline and not done is the same
    warning at the receiving office as in the unit's own window."""
    from cchc_desktop import plans, rules

    with Workspace.create(tmp_path / "unit.cchc", name="UBND xã Kế Hoạch", parent="UBND huyện Thử Nghiệm") as unit:
        unit.add_period("2022-H1")
        unit.set_values("2022-H1", [("dossier.received_total", 10)])
        plans.save_task(unit, 2022, content="Rà soát quy trình nội bộ", deadline="Tháng 3", status="Đang thực hiện")
        plans.save_task(unit, 2022, content="Tập huấn cán bộ", deadline="Tháng 4", status="Hoàn thành")
        own = [(f.severity, f.rule, f.message) for f in rules.check(unit, "2022-H1") if f.rule.endswith("overdue_tasks")]
        assert len(own) == 1 and "Rà soát quy trình nội bộ" in own[0][2]
        path = backup.make_backup(unit, tmp_path / "out", made_at=dt.datetime(2022, 7, 1, 8, 0))
    with consolidation.create(tmp_path / "c.cchc", "UBND huyện Thử Nghiệm") as ws:
        result = consolidation.import_files(ws, [path])
        found = result.checked(result.accepted[0])["2022-H1"].findings
        assert [(f["severity"], f["rule"], f["message"]) for f in found if f["rule"].endswith("overdue_tasks")] == own
