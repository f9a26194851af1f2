"""cchc validate: check a period's figures (exit 0 no errors, 3 errors found)."""
import json
import sys

from . import EXIT_FINDINGS, EXIT_OK, add_db, add_period
from .. import rules
from ..store import Workspace

HELP = "Kiểm tra số liệu của một kỳ (mã thoát 0: không có lỗi; 3: có lỗi)"


def add_arguments(p):
    add_db(p)
    add_period(p)
    p.add_argument("--json", action="store_true", help="in kết quả dạng JSON")


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        findings = rules.check(ws, args.period)
        label = ws.period(args.period).label
    errors, warnings = rules.counts(findings)
    if args.json:
        sys.stdout.write(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=1) + "\n")
    else:
        for f in findings:
            area = f"lĩnh vực {f.area}" if f.area else "kỳ báo cáo"
            note = f" (đã ghi nhận: {f.acknowledged})" if f.acknowledged else ""
            print(f"{rules.SEVERITY_LABELS[f.severity]}\t{area}\t{f.rule}\t{f.message}{note}")
        print(f"Kỳ {label}: {errors} lỗi, {warnings} cảnh báo.", file=sys.stderr)
    return EXIT_FINDINGS if errors else EXIT_OK
