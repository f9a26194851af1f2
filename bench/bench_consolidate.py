"""Benchmark: consolidating 200 unit backup files against the least work a safe import must do.

The baseline is a bare sqlite3 loop that, for each of the same files, opens it, runs
``PRAGMA quick_check`` and sums its values.  The goal (issue 6) is a ratio ≤ 2.

The import stores and sums first (one transaction), then runs the checks (:func:`rules.check`)
on every accepted unit's figures (:func:`consolidation.check_received`, a second transaction).
Both are measured: the goal is for the import, and the checks are shown beside it, as time
and per unit and period.  The generated files hold random figures, so every unit has many
findings (the worst case for the checks).

    .venv/bin/python bench/bench_consolidate.py [--units 200] [--repeat 3] [--sample]

The default files are small (two periods of random counts, the worst case for the ratio:
the fixed per-file work weighs most); ``--sample`` makes them from the sample ward.
"""
from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_desktop import backup, consolidation  # noqa: E402
from cchc_desktop.store import Workspace  # noqa: E402


def _backups(folder: Path, base: Path, units: int, fill) -> list[Path]:
    """A backup per unit of a copy of *base*, changed by fill(workspace, n) first."""
    files = []
    for n in range(units):
        path = folder / f"unit{n}.cchc"
        shutil.copy(base, path)
        with Workspace.open(path) as ws:
            # each unit made its own file: its own id (a copied file would be the same unit)
            ws.conn.execute("UPDATE unit SET uid = ?", (f"{n:032x}",))
            fill(ws, n)
            files.append(backup.make_backup(ws, folder / "in", made_at=dt.datetime(2022, 7, 1, 8, 0)))
        path.unlink()
    return files


def generate_from_sample(folder: Path, units: int, seed: int = 6) -> list[Path]:
    """*units* backup files made from the sample ward (UBND phường 2, 2022-H1: every figure
    of seed 000, 20 documents, the plan and its 16 tasks), renamed, a few figures changed."""
    from cchc_desktop import demo

    rng = random.Random(seed)
    base = folder / "sample.cchc"
    demo.create(base)

    def fill(ws, n):
        ws.update_unit(name=f"UBND phường {n + 1}")
        ws.set_values("2022-H1", [("propaganda.portal_posts", rng.randint(0, 60)),
                                  ("survey.forms", rng.randint(100, 900))])
    return _backups(folder, base, units, fill)


def generate(folder: Path, units: int, seed: int = 6) -> list[Path]:
    """*units* backup files: a copy of one base workspace per unit, renamed and refilled."""
    rng = random.Random(seed)
    base = folder / "base.cchc"
    with Workspace.create(base, name="UBND xã 0", parent="UBND huyện Mẫu") as ws:
        ws.add_period("2022-Q1")
        ws.add_period("2022-H1")
        keys = [i.key for i in ws.catalogue if i.kind == "count" and i.rollup == "sum"][:60]

    def fill(ws, n):
        ws.update_unit(name=f"UBND xã {n + 1}")
        for code in ("2022-Q1", "2022-H1"):
            ws.set_values(code, [(k, rng.randint(0, 500)) for k in keys] + [("survey.method", rng.randint(0, 2))])
    return _backups(folder, base, units, fill)


def baseline(files) -> float:
    start = time.perf_counter()
    total = 0
    for f in files:
        conn = sqlite3.connect(f"{f.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        total += conn.execute("SELECT coalesce(sum(value), 0) FROM entries").fetchone()[0]
        conn.close()
    return time.perf_counter() - start


def ours(files, folder: Path, n: int) -> tuple[float, float]:
    """(seconds for the import, seconds for the checks after it)."""
    path = folder / f"tong-hop-{n}.cchc"
    with consolidation.create(path, "UBND huyện Mẫu") as ws:
        start = time.perf_counter()
        result = consolidation.import_files(ws, files, check=False)
        took = time.perf_counter() - start
        start = time.perf_counter()
        found = consolidation.check_received(ws)
        checks = time.perf_counter() - start
    assert len(result.accepted) == len(files), result.refused[:1]
    assert len(found) == sum(len(i.periods) for i in result.accepted)
    return took, checks


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--units", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--sample", action="store_true",
                    help="files made from the sample ward (a real period, register, plan) instead of random figures")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cchc-bench-") as tmp:
        folder = Path(tmp)
        t = time.perf_counter()
        files = (generate_from_sample if args.sample else generate)(folder, args.units)
        print(f"generated {len(files)} files ({files[0].stat().st_size // 1024} KiB each) "
              f"in {time.perf_counter() - t:.1f} s")
        base = min(baseline(files) for _ in range(args.repeat))
        runs = [ours(files, folder, n) for n in range(args.repeat)]
        mine = min(t for t, _ in runs)
        checks = min(c for _, c in runs)
        pairs = sum(len(backup.read_backup(f).figures) for f in files[:1]) * len(files)
        print(f"bare sqlite3 quick_check + sum: {base * 1000:.0f} ms")
        print(f"cchc consolidate (checked, all or nothing, stored and summed): {mine * 1000:.0f} ms")
        print(f"ratio: {mine / base:.2f} (goal ≤ 2)")
        print(f"then the figure checks of {pairs} unit-periods: {checks * 1000:.0f} ms "
              f"({checks / pairs * 1000:.2f} ms each); import and checks together: {(mine + checks) / base:.2f} × baseline")

if __name__ == "__main__":
    main()
