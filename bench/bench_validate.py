"""How long checking a full period takes: median of rules.check vs. a bare rollup.values.

Run on demand: ``python bench/bench_validate.py``.  The sample workspace gets four
quarters and the half-year with every core figure typed (plus detail rows when the
catalogue has them), so every rule family has something to look at.  The goal: a full
check ≤ 20 ms median on the officers' PCs; the ratio to the baseline measured in the
same run says how much the rules add on top of reading the figures.
"""
from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from cchc_desktop import demo, rollup, rules  # noqa: E402
from cchc_desktop.store import Workspace  # noqa: E402


def median_ms(func, runs: int = 60) -> float:
    func()   # warm caches (catalogue, shipped rules)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        func()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def build(path: Path) -> Workspace:
    demo.create(path)
    ws = Workspace.open(path)
    h1 = ws.typed_values("2022-H1")
    for i, q in enumerate(("2021-Q3", "2021-Q4", "2022-Q1", "2022-Q2")):
        ws.add_period(q)
        vals = []
        for key, v in h1.items():
            ind = ws.catalogue.get(key)
            if ind is None or isinstance(v, str) or ind.derived:
                continue
            if ind.rollup == "sum" and ind.kind == "count":
                v = v // 2 + i
            vals.append((key, v))
        ws.set_values(q, vals)
    return ws


def main():
    with tempfile.TemporaryDirectory() as tmp:
        ws = build(Path(tmp) / "bench.cchc")
        code = "2022-H1"
        n_rules = len(rules.rules_for(ws))
        n_values = len(rollup.values(ws, code))
        base = median_ms(lambda: rollup.values(ws, code))
        full = median_ms(lambda: rules.check(ws, code))
        found = rules.check(ws, code)
        ws.close()
    print(f"rules: {n_rules} (+ generated per key), figures in the period: {n_values}, findings: {len(found)}")
    print(f"baseline rollup.values: {base:.2f} ms median")
    print(f"rules.check (full period): {full:.2f} ms median  (goal ≤ 20 ms)")
    print(f"ratio check / baseline: {full / base:.1f}×")


if __name__ == "__main__":
    main()
