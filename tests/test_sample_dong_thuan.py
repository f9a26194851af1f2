"""The commune of 2026: the sample ward formed on 01/07/2025, and issue 11's "Done when" walked
from the command line only (separate processes, real files, the PDF read back)."""
import datetime as dt
import subprocess

from cchc_desktop import demo, rollup, rules
from cchc_desktop.store import Workspace

from cli_helpers import cchc

CUSTOM = "2025-07-01..2025-10-31"


def test_dong_thuan_sample_checks_clean_and_rolls_the_quarter_from_its_months(tmp_path):
    path = demo.create(tmp_path / "dong-thuan.cchc", "dong-thuan")
    with Workspace.open(path) as ws:
        u = ws.unit()
        assert (u["code"], u["parent"], u["established"]) == ("19168", "UBND tỉnh Quảng Trị", "2025-07-01")
        assert u["one_stop"] == "Trung tâm Phục vụ hành chính công"
        assert [p.code for p in ws.periods()] == ["2025-M07", "2025-M08", "2025-M09", "2025-Q3", "2025-M10", CUSTOM]
        for p in ws.periods():
            found = rules.check(ws, p.code)
            assert found == [], (p.code, [f.message for f in found])
        # the ward's first month and quarter start on the day it was formed
        assert ws.period("2025-M07").window_from == dt.date(2025, 7, 1)
        assert ws.period("2025-Q3").window_from == dt.date(2025, 7, 1)
        q3 = rollup.values(ws, "2025-Q3")
        assert q3["dossier.received_total"].value == 1465      # 0 carried over + 280 + 600 + 585
        assert q3["dossier.received_total"].sources == ("2025-M07", "2025-M08", "2025-M09")
        assert (q3["dossier.resolved_total"].value, q3["dossier.pending"].value) == (1405, 60)
        # the custom period stands alone: its detail table gives the figures of issue 11
        c = rollup.values(ws, CUSTOM)
        got = {k: c[k].value for k in ("dossier.received_total", "dossier.received_online", "dossier.resolved_total",
                                       "dossier.resolved_early", "dossier.pending")}
        assert got == {"dossier.received_total": 2265, "dossier.received_online": 2007, "dossier.resolved_total": 2051,
                       "dossier.resolved_early": 2041, "dossier.pending": 214}
        p = ws.period(CUSTOM)
        assert p.label == "từ ngày 01/7/2025 đến ngày 31/10/2025" and p.due() == dt.date(2025, 11, 5)
        assert "DỮ LIỆU MẪU" in ws.sections(CUSTOM)["intro"]
    assert "DỮ LIỆU MẪU" in demo.load_sample("dong-thuan")["about"]


def _pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_done_when_from_the_command_line_only(tmp_path):
    """Issue 11: create the ward under the province, add the custom period, type its figures, get no
    false error, print the report with its title, signer and recipients."""
    db = tmp_path / "dong-thuan.cchc"
    r = cchc("init", "--db", db, "--unit", "UBND phường Đồng Thuận", "--code", "19168", "--parent", "UBND tỉnh Quảng Trị",
             "--place", "Đồng Thuận", "--established", "2025-07-01", "--focal-agency", "Sở Nội vụ tỉnh Quảng Trị")
    assert r.returncode == 0, r.stderr
    r = cchc("unit", "set", "--db", db, "--signer", "Nguyễn Văn Mẫu", "--signer-prefix", "KT. CHỦ TỊCH",
             "--signer-title", "PHÓ CHỦ TỊCH", "--addressees", "UBND tỉnh Quảng Trị; Sở Nội vụ tỉnh Quảng Trị",
             "--recipients", "- Như trên;\\n- CT, các PCT UBND phường;\\n- Lưu: VT.")
    assert r.returncode == 0 and "Đã sửa Người ký: Nguyễn Văn Mẫu" in r.stdout, r.stderr
    r = cchc("period", "add", "--db", db, "--period", "01/07/2025..31/10/2025",
             "--title", "từ ngày 01/7/2025 đến ngày 31/10/2025", "--number", "125", "--date", "2025-11-03")
    assert r.returncode == 0 and r.stdout.startswith(f"Đã thêm kỳ {CUSTOM}"), r.stderr
    figures = tmp_path / "so-lieu.csv"
    figures.write_text("key,value\ndossier.carried_over,0\ndossier.received_total,2.265\ndossier.received_online,2.007\n"
                       "dossier.received_direct,258\ndossier.resolved_total,2.051\ndossier.resolved_early,2.041\n"
                       "dossier.resolved_on_time,10\ndossier.resolved_late,0\ndossier.pending,214\n", encoding="utf-8")
    r = cchc("values", "import", "--db", db, "--period", CUSTOM, figures)
    assert r.returncode == 0, r.stderr
    r = cchc("validate", "--db", db, "--period", CUSTOM, "--json")
    assert r.returncode == 0 and r.stdout.strip() == "[]", r.stdout
    out = tmp_path / "in"
    r = cchc("report", "--db", db, "--period", CUSTOM, "--out", out, "--format", "pdf")
    assert r.returncode == 0, r.stderr
    [report] = [p for p in out.glob("*.pdf") if "bao-cao" in p.name]
    text = " ".join(_pdf_text(report).split())
    assert "PHƯỜNG ĐỒNG THUẬN" in text and "Số: 125/BC-UBND" in text
    assert "từ ngày 01/7/2025 đến ngày 31/10/2025" in text
    assert "Kính gửi:" in text and "UBND tỉnh Quảng Trị" in text and "Sở Nội vụ tỉnh Quảng Trị" in text
    assert "KT. CHỦ TỊCH" in text and "PHÓ CHỦ TỊCH" in text and "Nguyễn Văn Mẫu" in text
    assert "Nơi nhận:" in text and "- Lưu: VT." in text
    assert "2.265" in text and "2.051" in text and "214" in text
