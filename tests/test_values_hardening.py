"""Issue 13, figures from files: notes kept, encodings, long error lists, hostile workbooks."""
from __future__ import annotations

import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from cchc_desktop import templates, values_io
from cchc_desktop.values_io import ImportRejected

ROOT = Path(__file__).resolve().parents[1]
TEST_TEMPLATE = Path(__file__).with_name("test_appendix_template.json")


def cchc(*args):
    return subprocess.run([sys.executable, "-m", "cchc_desktop.cli", *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_a_file_without_a_note_column_leaves_notes_alone(demo_ws, tmp_path):
    demo_ws.set_value("2022-H1", "inspection.rounds", 100, "Gồm 2 đợt kiểm tra đột xuất")
    f = tmp_path / "v.csv"
    f.write_text("key,value\ninspection.rounds,100\ndossier.apologies,3\n", encoding="utf-8")
    marker = demo_ws.conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    values_io.import_csv(demo_ws, "2022-H1", f)
    assert demo_ws.entries("2022-H1")["inspection.rounds"]["note"] == "Gồm 2 đợt kiểm tra đột xuất"
    new = demo_ws.conn.execute("SELECT entity, key, old, new FROM audit WHERE id > ?", (marker,)).fetchall()
    assert [tuple(r) for r in new if r[1] == "inspection.rounds"] == []    # before: "100 → 100", note gone
    # with a note column, an empty note does clear it, and the audit says it was the note
    f.write_text("key,value,note\ninspection.rounds,100,\n", encoding="utf-8")
    values_io.import_csv(demo_ws, "2022-H1", f)
    assert demo_ws.entries("2022-H1")["inspection.rounds"]["note"] is None
    row = demo_ws.conn.execute("SELECT entity, old, new FROM audit WHERE key = 'inspection.rounds' "
                               "ORDER BY id DESC LIMIT 1").fetchone()
    assert tuple(row) == ("note", "Gồm 2 đợt kiểm tra đột xuất", None)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_csv_is_read(demo_ws, tmp_path, encoding):
    f = tmp_path / "v.csv"
    f.write_bytes("key\tvalue\tnote\ninspection.rounds\t7\tCó ghi chú tiếng Việt\n".encode(encoding))
    values_io.import_csv(demo_ws, "2022-H1", f)
    assert demo_ws.entries("2022-H1")["inspection.rounds"]["note"] == "Có ghi chú tiếng Việt"
    assert demo_ws.typed_values("2022-H1")["inspection.rounds"] == 7


def test_a_csv_of_thousands_of_unknown_keys_prints_twenty_errors_and_a_count(demo_path, tmp_path):
    f = tmp_path / "v.csv"
    n = 30_000
    f.write_text("key,value\n" + "".join(f"khong.co.{i},1\n" for i in range(n)), encoding="utf-8")
    r = cchc("values", "import", "--db", demo_path, "--period", "2022-H1", f)
    assert r.returncode == 1
    lines = r.stderr.splitlines()
    assert len(lines) == 22, lines[:3]
    assert "có 30.000 lỗi" in lines[0] and lines[-1].strip() == "… và 29.980 lỗi khác."
    assert "Traceback" not in r.stderr


@pytest.fixture
def book(demo_ws, tmp_path):
    from cchc_desktop.reports import appendix_xlsx
    tpl = templates.load_file(TEST_TEMPLATE, demo_ws.catalogue)
    return appendix_xlsx.write(demo_ws, "2022-H1", tpl, tmp_path / "pl.xlsx")


def _rewrite(src: Path, out: Path, change) -> Path:
    with zipfile.ZipFile(src) as z:
        data = {n: z.read(n) for n in z.namelist()}
    for name in data:
        if name.startswith("xl/worksheets/sheet"):
            data[name] = change(data[name])
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as z:
        for name, content in data.items():
            z.writestr(name, content)
    return out


def test_an_xlsx_cell_of_1e400_is_refused_with_a_message(demo_path, demo_ws, book, tmp_path):
    from openpyxl import load_workbook
    wb = load_workbook(book)
    sh = wb["Phụ lục 1"]
    col = next(c.column for row in sh.iter_rows(max_row=12) for c in row if c.value == "key")
    row = next(r for r in range(1, sh.max_row + 1) if sh.cell(row=r, column=col).value == "tthc.in_force")
    sh.cell(row=row, column=4, value=123456789)
    marked = tmp_path / "m.xlsx"
    wb.save(marked)
    demo_ws.close()
    bad = _rewrite(marked, tmp_path / "inf.xlsx", lambda x: x.replace(b"<v>123456789</v>", b"<v>1e400</v>"))
    r = cchc("values", "import", "--db", demo_path, "--period", "2022-H1", bad)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert f"dòng {row}" in r.stderr and "1e400" in r.stderr


def test_an_xlsx_bomb_is_refused_before_it_is_parsed(demo_path, demo_ws, book, tmp_path):
    demo_ws.close()
    rows = b"<row/>" * 2_000_000   # 167 KB zipped, as the review's file
    bomb = _rewrite(book, tmp_path / "bom.xlsx", lambda x: x.replace(b"</sheetData>", rows + b"</sheetData>", 1))
    assert bomb.stat().st_size < 200_000
    t = time.perf_counter()
    r = cchc("values", "import", "--db", demo_path, "--period", "2022-H1", bomb)
    assert r.returncode == 1 and "Traceback" not in r.stderr and "lớn bất thường" in r.stderr
    assert time.perf_counter() - t < 20   # before: minutes and 1,25 GB, then a traceback
    with pytest.raises(ImportRejected, match="bung ra lớn bất thường"):
        values_io.check_workbook(bomb)
    values_io.check_workbook(book)   # a real workbook passes
