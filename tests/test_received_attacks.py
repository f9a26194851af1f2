"""Issue 13, received files: each attack of the outside review, reproduced on real files.

A forged or careless unit file must never rewrite another unit's figures, be taken for
another unit, pin a unit's figures with a date, or crash the import; each refusal is a
Vietnamese message naming the file and the unit.
"""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest

from cchc_desktop import backup, consolidation, received, rollup
from cchc_desktop.cli import main
from cchc_desktop.store import Workspace

KEY = "dossier.received_total"
ENGLISH = re.compile(r"\b(Error|error|Expecting|No such|file is|not a database|ZipInfo|password|encrypted|"
                     r"compression|Traceback|invalid|line contains)\b")


def unit_file(folder: Path, name: str, value: int, *, parent="UBND huyện Thử Nghiệm", code="2022-H1",
              made=dt.datetime(2022, 6, 15, 9, 0), ws_name=None, extra=()) -> Path:
    """A unit's backup with *value* dossiers received in *code* (its workspace reused by name)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / (ws_name or f"{abs(hash(name))}.cchc")
    if path.exists():
        ws = Workspace.open(path)
    else:
        ws = Workspace.create(path, name=name, parent=parent)
        ws.add_period(code)
    ws.set_values(code, [(KEY, value), *extra])
    out = backup.make_backup(ws, folder / "out", made_at=made)
    ws.close()
    return out


def edited(src: Path, out: Path, *statements) -> Path:
    """A copy of a backup changed by SQL and sealed again (a forger recomputes the digest)."""
    shutil.copy(src, out)
    conn = sqlite3.connect(out)
    for sql in statements:
        conn.execute(sql) if isinstance(sql, str) else conn.execute(*sql)
    conn.commit()
    conn.close()
    backup.seal(out)
    return out


def hub(tmp_path) -> Workspace:
    return consolidation.create(tmp_path / "tong-hop.cchc", "UBND huyện Thử Nghiệm")


# ---- period codes ---------------------------------------------------------------------
@pytest.mark.parametrize("forged", ["2022-h1", " 2022-H1"])
def test_a_period_code_not_in_canonical_form_never_erases_other_units(tmp_path, forged):
    a = unit_file(tmp_path / "u", "UBND xã An", 100)
    b = unit_file(tmp_path / "u", "UBND xã Bình", 200)
    c = edited(unit_file(tmp_path / "u", "UBND xã Cát", 7), tmp_path / "CCHC_xa-cat_2022-H1_20220615-0900.sqlite",
               ("UPDATE backup_figures SET period_code = ?", (forged,)),
               ("UPDATE backup_info SET periods = ?", (forged,)))
    with hub(tmp_path) as ws:
        consolidation.import_files(ws, [a, b])
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 300
        result = consolidation.import_files(ws, [c])
        assert result.periods == ["2022-H1"] and result.accepted[0].periods == ("2022-H1",)
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 307    # before: 7, the others erased
        assert consolidation.received_periods(ws) == ["2022-H1"]
        assert {r[0] for r in ws.conn.execute("SELECT DISTINCT period_code FROM received_periods")} == {"2022-H1"}


def test_one_period_under_two_names_in_a_file_is_refused_naming_file_and_unit(tmp_path):
    src = unit_file(tmp_path / "u", "UBND xã Cát", 7)
    odd = edited(src, tmp_path / "CCHC_xa-cat_2022-H1_20220615-0901.sqlite",
                 "INSERT INTO backup_figures SELECT '2022-h1', key, value * 100, source FROM backup_figures")
    with hub(tmp_path) as ws:
        before = Path(ws.path).read_bytes()
        with pytest.raises(consolidation.ConsolidationRefused) as err:
            consolidation.import_files(ws, [odd])
        assert "UBND xã Cát" in str(err.value) and odd.name in str(err.value) and "hai tên" in str(err.value)
        assert Path(ws.path).read_bytes() == before


# ---- unit identity --------------------------------------------------------------------
def test_two_communes_whose_names_differ_by_a_tone_mark_are_two_units(tmp_path, capsys):
    le = unit_file(tmp_path / "u", "UBND xã Hải Lệ", 120, parent="UBND tỉnh Quảng Trị")
    lee = unit_file(tmp_path / "u", "UBND xã Hải Lễ", 80, parent="UBND tỉnh Quảng Trị")
    assert backup.read_backup(le).unit_slug == backup.read_backup(lee).unit_slug   # the old identity
    c = tmp_path / "c.cchc"
    assert main(["consolidate", "--db", str(c), str(le), str(lee)]) == 0
    with Workspace.open(c) as ws:
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 200    # before: one overwrote the other
        names = sorted(n for _, n in consolidation.units(ws))
        assert names == ["UBND xã Hải Lễ", "UBND xã Hải Lệ"]
        _, rows = consolidation.unit_table(ws, "2022-H1")
        assert sorted(next(r for r in rows if r["key"] == KEY)["values"].values()) == [80, 120]


def test_a_backup_carries_the_units_code_id_and_revision(tmp_path):
    path = tmp_path / "w.cchc"
    with Workspace.create(path, name="UBND xã Mã", parent="UBND huyện Thử Nghiệm") as ws:
        ws.add_period("2022-H1")
        ws.set_value("2022-H1", KEY, 5)
        ws.conn.execute("UPDATE unit SET code = '19168'")
        uid = ws.unit()["uid"]
        rev = ws.conn.execute("SELECT n FROM revision").fetchone()[0]
        info = backup.read_backup(backup.make_backup(ws, tmp_path / "out"))
    assert (info.unit_uid, info.unit_code, info.revision) == (uid, "19168", rev) and rev >= 2
    assert info.unit_key == "ma:19168"


def test_same_official_code_is_one_unit_whatever_the_name(tmp_path):
    def coded(name, value, made):
        folder = tmp_path / name.replace(" ", "")
        folder.mkdir()
        with Workspace.create(folder / "w.cchc", name=name) as ws:
            ws.add_period("2022-H1")
            ws.conn.execute("UPDATE unit SET code = '19168'")
            ws.set_value("2022-H1", KEY, value)
            return backup.make_backup(ws, folder, made_at=made)
    first = coded("UBND phường 2", 10, dt.datetime(2022, 6, 1))
    renamed = coded("UBND phường Hai", 30, dt.datetime(2022, 6, 2))   # a new file, the same commune
    with hub(tmp_path) as ws:
        result = consolidation.import_files(ws, [first, renamed])
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 30
        assert consolidation.units(ws) == [("ma:19168", "UBND phường Hai")]
        # one unit by its code, two by their names: the officer is told
        assert [(i.unit_name, other) for i, other in result.renamed] == [("UBND phường Hai", "UBND phường 2")]


def test_a_file_copied_from_another_unit_is_pointed_out(tmp_path, capsys):
    """Same workspace id, another name (the file was copied from a neighbour): one unit by its
    id, so the officer is told which files and how to tell them apart."""
    a = unit_file(tmp_path / "u", "UBND xã Gốc", 10, ws_name="goc.cchc")
    shutil.copy(tmp_path / "u" / "goc.cchc", tmp_path / "u" / "ban-sao.cchc")
    with Workspace.open(tmp_path / "u" / "ban-sao.cchc") as ws:
        ws.update_unit(name="UBND xã Sao Chép")
    b = unit_file(tmp_path / "u", "UBND xã Sao Chép", 20, ws_name="ban-sao.cchc", made=dt.datetime(2022, 6, 16))
    c = tmp_path / "c.cchc"
    assert main(["consolidate", "--db", str(c), str(a), str(b)]) == 0
    out = capsys.readouterr().out
    assert f"Lưu ý: {b.name} (UBND xã Sao Chép) cùng mã định danh tệp dữ liệu với “UBND xã Gốc”" in out
    assert "ghi mã ĐVHC" in out


# ---- which file is newer --------------------------------------------------------------
def test_a_file_dated_9999_does_not_pin_a_units_figures(tmp_path, capsys):
    folder = tmp_path / "u"
    ahead = unit_file(folder, "UBND xã Đồng Hồ", 100, ws_name="dh.cchc", made=dt.datetime(9999, 1, 1, 0, 0))
    fixed = unit_file(folder, "UBND xã Đồng Hồ", 150, ws_name="dh.cchc", made=dt.datetime(2022, 6, 20, 9, 0))
    assert backup.read_backup(fixed).revision > backup.read_backup(ahead).revision
    c = tmp_path / "c.cchc"
    assert main(["consolidate", "--db", str(c), str(ahead)]) == 0
    assert main(["consolidate", "--db", str(c), str(fixed)]) == 0
    with Workspace.open(c) as ws:
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 150    # before: 100 for good
    capsys.readouterr()
    # and the other way round: the older file arriving after the newer is kept as history, said so
    c2 = tmp_path / "c2.cchc"
    assert main(["consolidate", "--db", str(c2), str(fixed)]) == 0
    capsys.readouterr()
    assert main(["consolidate", "--db", str(c2), str(ahead)]) == 0
    out = capsys.readouterr().out
    assert f"Cũ hơn tệp đã nhận, chỉ lưu lịch sử: {ahead.name} (kỳ 2022-H1)" in out
    assert "Lưu ý" not in out   # the same unit under the same name: nothing to point out
    assert f"Đã nhận, chỉ lưu lịch sử: {ahead.name}" in out and "Kiểm tra số liệu" not in out
    with Workspace.open(c2) as ws:
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 150
        row = next(r for r in consolidation.received(ws) if r["file_name"] == ahead.name)
        assert row["status"] == "superseded" and "cũ hơn tệp đang dùng" in row["reason"] and fixed.name in row["reason"]


def test_the_clock_breaks_a_tie_between_files_of_one_revision(tmp_path):
    folder = tmp_path / "u"
    path = unit_file(folder, "UBND xã Đồng Hồ", 100, ws_name="dh.cchc", made=dt.datetime(2022, 6, 1))
    with Workspace.open(folder / "dh.cchc") as ws:   # nothing changed: the same revision
        again = backup.make_backup(ws, folder / "out2", made_at=dt.datetime(2022, 6, 2))
    assert backup.read_backup(again).revision == backup.read_backup(path).revision
    assert received.newer(("u", 5, "2022-06-02T00:00:00"), ("u", 5, "2022-06-01T00:00:00"))
    assert not received.newer(("u", 4, "9999-01-01T00:00:00"), ("u", 5, "2022-06-01T00:00:00"))
    assert received.newer(("a", 1, "2022-06-02T00:00:00"), ("b", 9, "2022-06-01T00:00:00"))


def test_revision_counts_every_committed_change_undo_and_redo_included(tmp_path):
    with Workspace.create(tmp_path / "w.cchc", name="UBND xã Đếm") as ws:
        def n():
            return ws.conn.execute("SELECT n FROM revision").fetchone()[0]
        start = n()
        ws.add_period("2022-H1")
        ws.set_value("2022-H1", KEY, 1)
        assert n() == start + 2
        ws.set_value("2022-H1", KEY, 1)   # nothing changes: no new revision
        assert n() == start + 2
        ws.undo()
        ws.redo()
        assert n() == start + 4
        ws.set_setting("x", 1)
        assert n() == start + 5


# ---- values no unit's program writes ---------------------------------------------------
@pytest.mark.parametrize("value, why", [(2.5, "2,5"), (10 ** 12, "1.000.000.000.000"), (1e308, "")])
def test_an_impossible_figure_refuses_that_file_naming_it_and_its_unit(tmp_path, capsys, value, why):
    good = unit_file(tmp_path / "u", "UBND xã Tốt", 10)
    src = unit_file(tmp_path / "u", "UBND xã Giả", 10)
    bad = edited(src, tmp_path / "CCHC_xa-gia_2022-H1_20220615-0900.sqlite",
                 ("UPDATE backup_figures SET value = ? WHERE key = ?", (value, KEY)))
    bad2 = edited(unit_file(tmp_path / "u", "UBND xã Giả Hai", 10), tmp_path / "CCHC_xa-gia-2_2022-H1_20220615-0900.sqlite",
                  ("UPDATE backup_figures SET value = ? WHERE key = 'invest.plan_mvnd'", (1e308,)),
                  ("INSERT OR REPLACE INTO backup_figures VALUES ('2022-H1', 'invest.plan_mvnd', ?, 'typed')", (1e308,)))
    # the command line refuses all, naming the file and the unit, without a traceback
    c = tmp_path / "c.cchc"
    assert main(["consolidate", "--db", str(c), str(good), str(bad)]) == 1
    err = capsys.readouterr().err
    assert bad.name in err and "UBND xã Giả" in err and why in err and not ENGLISH.search(err)
    assert not c.exists()
    # the window refuses only that file; the others are summed
    with hub(tmp_path) as ws:
        result = consolidation.import_files(ws, [good, bad, bad2], all_or_nothing=False)
        assert [i.unit_name for i in result.accepted] == ["UBND xã Tốt"]
        assert sorted(r.path for r in result.refused) == sorted([bad, bad2])
        assert all(isinstance(r.reason, str) and "không nhận tệp này" in r.reason for r in result.refused)
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 10


def test_sums_above_one_units_limit_are_stored_as_summed(tmp_path):
    """Each unit at its plausible maximum: their sum is more than one unit may type, and is kept."""
    files = [unit_file(tmp_path / "u", f"UBND xã Lớn {n}", 6_000_000) for n in range(2)]
    with hub(tmp_path) as ws:
        consolidation.import_files(ws, files)
        assert rollup.plain_values(ws, "2022-H1")[KEY] == 12_000_000


def test_a_file_with_more_rows_than_any_unit_sends_is_refused_before_parsing(tmp_path):
    src = unit_file(tmp_path / "u", "UBND xã Nhiều", 10)
    many = edited(src, tmp_path / "CCHC_xa-nhieu_2022-H1_20220615-0900.sqlite",
                  f"WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {received.MAX_FIGURES + 10}) "
                  "INSERT INTO backup_figures SELECT '2022-H1', 'own.k' || i, i, 'typed' FROM n")
    calls = []
    real = received._canonical_periods   # reached only once the figures are read
    received._canonical_periods = lambda *a: calls.append(1) or real(*a)
    try:
        with hub(tmp_path) as ws:
            with pytest.raises(consolidation.ConsolidationRefused, match=r"dòng số liệu, nhiều hơn mọi tệp của một đơn vị \(tối đa 50\.000\); không đọc, không nhận"):
                consolidation.import_files(ws, [many])
    finally:
        received._canonical_periods = real
    assert calls == []   # refused before a figure was parsed
    with pytest.raises(received.TooManyFigures):
        backup.read_backup(many)


# ---- not a file, broken zips, odd names -------------------------------------------------
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_named_as_a_received_file_is_refused_at_once(tmp_path):
    fifo = tmp_path / "CCHC_xa-a_2022-H1_20220615-0900.sqlite"
    os.mkfifo(fifo)
    zfifo = tmp_path / "CCHC_xa-b_2022-H1_20220615-0900.zip"
    os.mkfifo(zfifo)
    done = {}

    def work():
        with hub(tmp_path) as ws:
            done["result"] = consolidation.import_files(ws, [fifo, zfifo], all_or_nothing=False)
    t = threading.Thread(target=work, daemon=True)
    t.start()
    t.join(10)
    if t.is_alive():   # free the hung reader, then fail
        for f in (fifo, zfifo):
            try:
                os.close(os.open(f, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass
        pytest.fail("the import hangs on a FIFO")
    reasons = [r.reason for r in done["result"].refused]
    assert len(reasons) == 2 and all("không phải là một tệp thông thường" in r for r in reasons)


def _zip_with(src: Path, out: Path, *, flag=None, method=None, corrupt=False) -> Path:
    import zipfile
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.write(src, arcname=src.name)
    data = bytearray(out.read_bytes())
    local = data.find(b"PK\x03\x04")
    central = data.find(b"PK\x01\x02")
    if flag is not None:
        data[local + 6] |= flag
        data[central + 8] |= flag
    if method is not None:
        data[local + 8:local + 10] = method.to_bytes(2, "little")
        data[central + 10:central + 12] = method.to_bytes(2, "little")
    if corrupt:
        name_len = int.from_bytes(data[local + 26:local + 28], "little")
        start = local + 30 + name_len
        for i in range(start + 10, start + 400):
            data[i] ^= 0x5A
    out.write_bytes(bytes(data))
    return out


@pytest.mark.parametrize("kind, words", [("encrypted", "mật khẩu"), ("method", "nén theo cách"),
                                         ("corrupt", "bị hỏng")])
def test_cchc_restore_of_a_broken_zip_says_why_in_vietnamese(tmp_path, capsys, kind, words):
    src = unit_file(tmp_path / "u", "UBND xã Nén", 10)
    z = _zip_with(src, tmp_path / f"CCHC_{kind}.zip", flag=1 if kind == "encrypted" else None,
                  method=97 if kind == "method" else None, corrupt=kind == "corrupt")
    target = tmp_path / "w.cchc"
    assert main(["restore", "--db", str(target), str(z)]) == 1
    err = capsys.readouterr().err
    assert words in err and z.name in err and not ENGLISH.search(err) and "Traceback" not in err
    assert not target.exists()


def test_a_file_name_that_is_not_utf8_is_printed_not_a_crash(tmp_path, capfd):
    if os.name == "nt":
        pytest.skip("Windows names are UTF-16")
    raw = os.fsencode(str(tmp_path)) + b"/CCHC_\xff\xfe.zip"
    with open(raw, "wb") as fh:
        fh.write(b"PK\x03\x04 not a zip")
    name = os.fsdecode(raw)
    assert main(["restore", "--db", str(tmp_path / "w.cchc"), name]) == 1
    err = capfd.readouterr().err
    assert "CCHC_" in err and "bị hỏng" in err and "Traceback" not in err


def test_cchc_init_into_a_missing_folder_says_so(tmp_path, capsys):
    target = tmp_path / "khong-co" / "w.cchc"
    assert main(["init", "--db", str(target), "--unit", "UBND xã A"]) == 1
    err = capsys.readouterr().err
    assert "Không có thư mục" in err and str(target.parent) in err and "Traceback" not in err
    assert not ENGLISH.search(err)


@pytest.mark.parametrize("content", [b"", b"{not json", b"\x00" * 4096])
def test_refusals_carry_no_english(tmp_path, capsys, content):
    f = tmp_path / "CCHC_x_2022-H1_20220615-0900.sqlite"
    f.write_bytes(content)
    assert main(["consolidate", "--db", str(tmp_path / "c.cchc"), str(f)]) == 1
    assert main(["restore", "--db", str(tmp_path / "w.cchc"), str(f)]) == 1
    assert main(["restore", "--db", str(tmp_path / "w.cchc"), str(tmp_path / "khong-co.sqlite")]) == 1
    err = capsys.readouterr().err
    assert not ENGLISH.search(err), err


def test_a_rules_file_that_is_not_json_is_said_in_vietnamese(tmp_path, capsys):
    db = tmp_path / "w.cchc"
    Workspace.create(db, name="UBND xã A").close()
    bad = tmp_path / "quy-tac.json"
    bad.write_text("{ \"code\": ", encoding="utf-8")
    assert main(["rules", "add", "--db", str(db), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "không phải JSON hợp lệ (lỗi ở dòng 1" in err and "Expecting" not in err


def test_a_refused_file_of_a_known_unit_is_marked_in_that_units_row(tmp_path):
    a = unit_file(tmp_path / "u", "UBND xã An", 100, code="2022-Q1")
    slug = backup.read_backup(a).unit_slug
    bad = tmp_path / f"CCHC_{slug}_2022-H1_20220701-0900.sqlite"
    bad.write_bytes(b"not a backup")
    with hub(tmp_path) as ws:
        result = consolidation.import_files(ws, [a, bad], all_or_nothing=False)
        units, codes, cells = consolidation.matrix(ws, result.refused)
        assert [n for _, n in units] == ["UBND xã An"]      # not a second row named by the slug
        key = units[0][0]
        assert cells[(key, "2022-Q1")][0] == consolidation.RECEIVED
        assert cells[(key, "2022-H1")][0] == consolidation.ERROR
