"""cchc targets: each target of the unit's plans for a period (met / not met / no data, gap)."""
import json
import sys

from . import add_db, add_period
from .. import targets
from ..store import Workspace

HELP = "Đánh giá các mục tiêu của kế hoạch CCHC trong một kỳ (đạt / chưa đạt / chưa có số liệu)"


def add_arguments(p):
    add_db(p)
    add_period(p)
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        results = targets.evaluate(ws, args.period)
        label = ws.period(args.period).label
    if args.json:
        sys.stdout.write(json.dumps([r.to_json() for r in results], ensure_ascii=False, indent=1) + "\n")
        return 0
    for r in results:
        print(f"{r.status_label}\t{r.plan}\t{r.sentence()}")
    if not results:
        print(f"Không có mục tiêu nào của kế hoạch áp dụng cho kỳ {label}.", file=sys.stderr)
    return 0
