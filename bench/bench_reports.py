"""Benchmark: the whole printed set of one period against a bare reportlab document.

The set is what “In và xuất” saves: the report as PDF and Word, the appendices of the
unit's template as PDF and Excel, and the targets and trends PDF.  The baseline is a
bare reportlab document with as many pages (one short paragraph a page, built-in font),
made in the same run.  The goal (issue 5) is ≤ 1.5 s for the set; the ratio is
reported so that the number means something on a slower PC.

    .venv/bin/python bench/bench_reports.py [--repeat 5] [--all-templates]
"""
from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_desktop import demo, templates  # noqa: E402
from cchc_desktop.reports import make_documents  # noqa: E402
from cchc_desktop.store import Workspace  # noqa: E402


def pdf_pages(paths) -> int:
    from pypdf import PdfReader
    return sum(len(PdfReader(p).pages) for p in paths if p.suffix == ".pdf")


def bare_reportlab(path: Path, pages: int) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    style = getSampleStyleSheet()["Normal"]
    story = []
    for i in range(pages):
        story += [Paragraph(f"Page {i + 1}", style), PageBreak()]
    SimpleDocTemplate(str(path), pagesize=A4).build(story[:-1])


def timed(func, repeat: int) -> tuple[float, float]:
    """(first run, median of the following runs) in seconds."""
    times = []
    for _ in range(repeat + 1):
        t0 = time.perf_counter()
        func()
        times.append(time.perf_counter() - t0)
    return times[0], statistics.median(times[1:])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--all-templates", action="store_true", help="also time every shipped template")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        demo.create(tmp / "mau.cchc")
        with Workspace.open(tmp / "mau.cchc") as ws:
            out = tmp / "ra"
            t0 = time.perf_counter()
            files = make_documents(ws, "2022-H1", out)      # cold: imports and font registration
            cold = time.perf_counter() - t0
            pages = pdf_pages(files)
            first, warm = timed(lambda: make_documents(ws, "2022-H1", out), args.repeat)
            b_first, b_warm = timed(lambda: bare_reportlab(tmp / "bare.pdf", pages), args.repeat)
            print(f"set for 2022-H1: {len(files)} files, {pages} PDF pages "
                  f"({', '.join(sorted(f.suffix for f in files))})")
            print(f"  whole set        : {warm * 1000:7.1f} ms (median of {args.repeat}; first in the process "
                  f"{cold * 1000:.1f} ms)  goal ≤ 1500 ms")
            print(f"  bare reportlab   : {b_warm * 1000:7.1f} ms for {pages} pages")
            print(f"  ratio            : {warm / b_warm:7.1f}×")
            if args.all_templates:
                for name in templates.shipped_names():
                    f, w = timed(lambda: make_documents(ws, "2022-H1", out / name, ("pdf", "xlsx"), name,
                                                        targets=False), 2)
                    print(f"  template {name:<22}: {w * 1000:7.1f} ms (pdf + xlsx of the appendices and report)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
