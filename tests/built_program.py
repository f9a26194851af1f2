"""Drive a built copy of ``cchc`` (PyInstaller bundle, installed Windows program) through its work.

The same walk serves every way the program is handed out: a sample file in a folder whose
name has Vietnamese letters and a space, the checks, every kind of document (report PDF and
Word, appendix PDF and Excel, targets PDF, a collection form in PDF and Excel), a backup, a
change, and a restore over the file the backup came from.  The files the built program writes
are read back here with pypdf, python-docx and openpyxl.
"""
from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Callable

from pypdf import PdfReader

from test_report_pdf import pdf_fonts

FOLDER = "Tài liệu CCHC"            # the folder the built program works in
PERIOD = "2022-H1"

# cchc(args, cwd) -> CompletedProcess; args are strings the program understands.
Runner = Callable[..., subprocess.CompletedProcess]


def _ok(r: subprocess.CompletedProcess, what: str, codes=(0,)) -> str:
    assert r.returncode in codes, f"{what}: exit {r.returncode}\n{r.stdout[-2000:]}\n{r.stderr[-3000:]}"
    return r.stdout


def exercise(cchc: Runner, host: Path, prog: Callable[[str], str] = str) -> dict:
    """Run the built ``cchc`` in *host* (its folder as the build sees it) and check what it made.

    *prog* turns a name relative to that folder into the path the program is given (for
    Windows under wine, ``C:\\Tài liệu CCHC\\…``).  Returns what was made, for the caller to show.
    """
    host.mkdir(parents=True, exist_ok=True)
    db = prog("mẫu đơn vị.cchc")
    _ok(cchc(["demo", "--db", db]), "demo")
    assert (host / "mẫu đơn vị.cchc").stat().st_size > 50_000

    r = cchc(["validate", "--db", db, "--period", PERIOD])
    _ok(r, "validate", codes=(0, 3))
    assert "6 tháng đầu năm 2022" in r.stdout + r.stderr     # Vietnamese survived the console

    made = _ok(cchc(["report", "--db", db, "--period", PERIOD, "--out", prog("báo cáo"),
                     "--format", "pdf,xlsx,docx"]), "report").splitlines()
    forms = _ok(cchc(["report", "--db", db, "--period", PERIOD, "--out", prog("báo cáo"),
                      "--form", "3", "--format", "pdf,xlsx"]), "collection form").splitlines()
    docs = sorted((host / "báo cáo").iterdir())
    names = [p.name for p in docs]
    assert len(names) == len(made) + len(forms) == 7, names
    for kind in ("bao-cao_", "phu-luc-1_", "muc-tieu_"):
        assert any(kind in n and n.endswith(".pdf") for n in names), (kind, names)
    assert any("bao-cao_" in n and n.endswith(".docx") for n in names)
    assert any("phu-luc-1_" in n and n.endswith(".xlsx") for n in names)
    assert any("phieu-linh-vuc-3" in n and n.endswith(".xlsx") for n in names)
    fonts = set()
    for pdf in (p for p in docs if p.suffix == ".pdf"):
        reader = PdfReader(pdf)
        used = pdf_fonts(reader)
        assert used and all(embedded for _, embedded in used), (pdf.name, used)
        fonts |= {name for name, _ in used}
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "phường 2" in text.lower() or "PHƯỜNG 2" in text, pdf.name
    import docx
    import openpyxl
    report = docx.Document(next(p for p in docs if p.suffix == ".docx"))
    assert any("cải cách hành chính" in para.text.lower() for para in report.paragraphs)
    book = openpyxl.load_workbook(next(p for p in docs if "phu-luc-1_" in p.name and p.suffix == ".xlsx"))
    cells = [c.value for row in book.active.iter_rows() for c in row if c.value is not None]
    assert 44 in cells or "44" in cells                      # plan.tasks_planned of the sample

    before = _ok(cchc(["values", "export", "--db", db, "--period", PERIOD]), "export")
    printed = _ok(cchc(["backup", "--db", db, "--out", prog("sao lưu")]), "backup").strip().splitlines()[-1]
    backups = list((host / "sao lưu").iterdir())
    assert len(backups) == 1 and backups[0].name in printed.replace("\\", "/")

    (host / "sửa.csv").write_text("key,value\nplan.tasks_planned,45\n", encoding="utf-8")
    _ok(cchc(["values", "import", "--db", db, "--period", PERIOD, prog("sửa.csv")]), "import")
    changed = _ok(cchc(["values", "export", "--db", db, "--period", PERIOD]), "export")
    assert "plan.tasks_planned,45" in changed

    r = cchc(["restore", "--db", db, printed])
    _ok(r, "restore")
    assert "Đã khôi phục" in r.stderr
    after = _ok(cchc(["values", "export", "--db", db, "--period", PERIOD]), "export")
    assert after == before and "plan.tasks_planned,44" in after
    return {"documents": names, "fonts": sorted(fonts), "backup": backups[0].name}
