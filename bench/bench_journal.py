"""What one saved figure costs under each way of getting it into the .cchc file itself.

Issue 13: a copy of the ``.cchc`` taken while the window is open (onto a USB stick) must
hold every value saved so far, i.e. every committed value must be in the file itself
when the status bar says "Đã lưu".  Two ways, against the old WAL for reference:

* ``wal``             — WAL, as before: the value sits in ``-wal`` beside the file (NOT in the file);
* ``wal+checkpoint``  — WAL and ``PRAGMA wal_checkpoint(TRUNCATE)`` after every operation;
* ``delete``          — a rollback journal (``journal_mode = DELETE``): the commit writes the file.

Each saves one figure per "keystroke" (Enter on a value, ``Workspace.set_value``: the
operation, its audit row and undo step) on a copy of the sample workspace, in a folder
on the same disk as the workspaces, and checks afterwards that a copy of the bare file
holds the last value.  Medians in ms.

    .venv/bin/python bench/bench_journal.py [--n 200] [--dir DIR]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_desktop import demo, store  # noqa: E402
from cchc_desktop.store import Workspace  # noqa: E402

KEY = "inspection.rounds"


def run(mode: str, base: Path, folder: Path, n: int) -> tuple[float, float, bool]:
    path = folder / f"{mode.replace('+', '-')}.cchc"
    shutil.copy(base, path)
    store.JOURNAL_MODE = "WAL" if mode.startswith("wal") else "DELETE"
    ws = Workspace.open(path)
    if mode == "wal+checkpoint":
        ws.listeners.append(lambda _changes: ws.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)"))
    times = []
    for i in range(n):
        t = time.perf_counter()
        ws.set_value("2022-H1", KEY, 1 + i % 50)
        times.append((time.perf_counter() - t) * 1000)
    last = 1 + (n - 1) % 50
    copy = folder / "usb-copy.cchc"
    shutil.copy(path, copy)   # the file alone, as a copy onto a USB stick takes it
    import sqlite3
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        got = conn.execute("SELECT value FROM entries e JOIN periods p ON p.id = e.period_id "
                           "WHERE p.code = '2022-H1' AND e.key = ?", (KEY,)).fetchone()
    finally:
        conn.close()
        copy.unlink()
    ws.close()
    return statistics.median(times), statistics.quantiles(times, n=10)[-1], bool(got and got[0] == last)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--dir", default=None, help="folder to work in (default: a temporary folder)")
    args = ap.parse_args()
    folder = Path(args.dir or tempfile.mkdtemp(prefix="cchc-journal-"))
    folder.mkdir(parents=True, exist_ok=True)
    base = folder / "mau.cchc"
    base.unlink(missing_ok=True)
    demo.create(base)
    saved = store.JOURNAL_MODE
    try:
        print(f"{args.n} figures saved one by one, {folder}")
        for mode in ("wal", "wal+checkpoint", "delete"):
            median, p90, whole = run(mode, base, folder, args.n)
            print(f"{mode:16s}: {median:6.2f} ms per saved figure (90th percentile {p90:6.2f} ms); "
                  f"a copy of the bare file holds the last value: {'yes' if whole else 'NO'}")
    finally:
        store.JOURNAL_MODE = saved


if __name__ == "__main__":
    main()
