"""Cold start and memory of ``cchc-desktop`` on the sample workspace vs a bare PySide6 window.

Each run is a fresh interpreter: the baseline makes a QMainWindow holding one QTableView; the
program opens the sample workspace through ``cchc_desktop.gui.app.main``.  Both stop at the
first turn of the event loop after the window is shown (the window is interactive) and print
the time; the parent measures from just before starting the process, and takes the peak
resident memory of the child from ``wait4``.  Reported: medians and the ratios of this run.
Both run with their byte-code cached (in a temporary folder), as an installed program does.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_startup.py [--runs 7]
Goals (issue 3): start ≤ 1.5 × baseline, memory ≤ 1.5 × baseline.
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BASELINE = """
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTableView
app = QApplication([])
w = QMainWindow()
w.setCentralWidget(QTableView())
w.resize(1200, 720)
w.show()
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
app.exec()
"""

# What PySide built before the first frame: its `Qt` namespace (~95 enum types, ~17 ms) and the
# icon and painting types cost start-up time when the window's code touches them too early.
BUILT = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import PySide6.QtCore, PySide6.QtGui
app = QApplication(sys.argv[:1])
def first_turn():
    built = {"Qt": "Qt" in vars(PySide6.QtCore),
             **{n: n in vars(PySide6.QtGui) for n in ("QIcon", "QPainter", "QImage", "QGradient")}}
    print(json.dumps(built))
    app.quit()
QTimer.singleShot(0, first_turn)
from cchc_desktop.gui.app import main
main([sys.argv[1]])
"""

PROGRAM = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv[:1])
QTimer.singleShot(0, lambda: (print(time.time()), app.quit()))
from cchc_desktop.gui.app import main
main([sys.argv[1]])
"""


def run_once(code: str, args: list[str], env: dict) -> tuple[float, float]:
    """(seconds to interactive, peak RSS in MiB) of one fresh process."""
    t0 = time.time()
    proc = subprocess.Popen([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, env=env, cwd=ROOT)
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        raise SystemExit(f"child failed ({proc.returncode})")
    shown = float(out.decode().split()[-1])
    return shown - t0, usage.ru_maxrss / 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        # Byte-code cached as in an installed program (pip and PyInstaller ship .pyc; PySide6's are
        # there already): without it every run would compile our sources and the baseline would not.
        env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"),
                   XDG_CONFIG_HOME=tmp, HOME=tmp, PYTHONPATH=str(ROOT),
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"))
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        sample = Path(tmp) / "mau.cchc"
        subprocess.run([sys.executable, "-c", "import sys; from cchc_desktop import demo; demo.create(sys.argv[1])",
                        str(sample)], check=True, env=env, cwd=ROOT)
        built = subprocess.run([sys.executable, "-c", BUILT, str(sample)], capture_output=True, text=True,
                               env=env, cwd=ROOT).stdout.strip().splitlines()[-1]
        run_once(BASELINE, [], env)            # warm the OS file cache for both alike
        run_once(PROGRAM, [str(sample)], env)
        base, prog = [], []
        for _ in range(args.runs):             # interleaved so load changes hit both
            base.append(run_once(BASELINE, [], env))
            prog.append(run_once(PROGRAM, [str(sample)], env))
    bt, bm = statistics.median(t for t, _ in base), statistics.median(m for _, m in base)
    pt, pm = statistics.median(t for t, _ in prog), statistics.median(m for _, m in prog)
    print(f"built by PySide before the first frame (all should be false): {built}")
    print(f"bare window + table view : {bt * 1000:7.0f} ms  {bm:6.1f} MiB")
    print(f"cchc-desktop (sample)    : {pt * 1000:7.0f} ms  {pm:6.1f} MiB")
    print(f"ratio start  {pt / bt:4.2f}  (goal ≤ 1.5)   ratio memory {pm / bm:4.2f}  (goal ≤ 1.5)")
    # the fastest run of each is the least disturbed by other work on the machine: shown beside
    bmin, pmin = min(t for t, _ in base), min(t for t, _ in prog)
    print(f"fastest runs : {bmin * 1000:.0f} ms vs {pmin * 1000:.0f} ms, ratio {pmin / bmin:4.2f}")
    # each program run over the baseline run just before it: a burst of other work on the
    # machine slows both of a pair alike, so the median of these moves less between runs
    pairs = sorted(p / b for (b, _), (p, _) in zip(base, prog))
    print(f"paired ratios: median {statistics.median(pairs):4.2f}  (" + " ".join(f"{r:.2f}" for r in pairs) + ")")


if __name__ == "__main__":
    main()
