"""cchc plan list|import|tasks: the unit's reform plans with their targets, and the annual
plan's tasks (which feed "Số nhiệm vụ đề ra / đã hoàn thành")."""
import csv
import io
import json
from pathlib import Path

from . import add_db
from .. import plans
from ..store import Workspace, WorkspaceError
from ..vnformat import format_date, format_number, nfc

HELP = "Kế hoạch CCHC: mục tiêu (liệt kê, nhập từ JSON/CSV) và nhiệm vụ của kế hoạch năm (liệt kê, nhập từ Excel/CSV)"
TARGET_COLUMNS = ("label", "expr", "op", "value", "trajectory", "year_from", "year_to", "unit", "note")


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="list|import|tasks")
    ls = sub.add_parser("list", help="liệt kê kế hoạch và mục tiêu")
    add_db(ls)
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    im = sub.add_parser("import", help="thêm kế hoạch và mục tiêu từ tệp JSON (như dữ liệu mẫu) hoặc mục tiêu "
                                       "từ tệp CSV (label,expr,op,value[,trajectory,year_from,year_to,unit,note]) "
                                       "vào kế hoạch --plan; tất cả hoặc không")
    add_db(im)
    im.add_argument("file", metavar="TỆP")
    im.add_argument("--plan", metavar="SỐ", help="số, ký hiệu kế hoạch nhận các mục tiêu của tệp CSV")
    t = sub.add_parser("tasks", help="nhiệm vụ của kế hoạch CCHC năm")
    tsub = t.add_subparsers(dest="tasks_action", required=True, metavar="list|import")
    tl = tsub.add_parser("list", help="liệt kê nhiệm vụ của năm")
    add_db(tl)
    tl.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của kế hoạch, ví dụ 2025")
    ti = tsub.add_parser("import", help="nhập nhiệm vụ từ Excel (như phụ lục của báo cáo Kim Thạch) hoặc CSV; "
                                        "thay các nhiệm vụ đã có của năm; tất cả hoặc không")
    add_db(ti)
    ti.add_argument("--year", type=int, required=True, metavar="NĂM", help="năm của kế hoạch, ví dụ 2025")
    ti.add_argument("--append", action="store_true", help="thêm vào sau các nhiệm vụ đã có thay vì thay thế")
    ti.add_argument("file", metavar="TỆP")


def _read_text(path: Path) -> str:
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"Tệp “{path.name}” không phải văn bản UTF-8.") from exc


def _plans_of_json(path: Path) -> list[dict]:
    try:
        data = json.loads(_read_text(path))
    except json.JSONDecodeError as exc:   # its own text is English ("Expecting value")
        raise WorkspaceError(f"Tệp “{path.name}” không phải JSON hợp lệ (lỗi ở dòng {exc.lineno}, "
                             f"cột {exc.colno}).") from exc
    except ValueError as exc:
        raise WorkspaceError(f"Tệp “{path.name}” không phải JSON hợp lệ.") from exc
    if isinstance(data, dict) and "plans" in data:
        data = data["plans"]
    data = data if isinstance(data, list) else [data]
    if not all(isinstance(p, dict) for p in data):
        raise WorkspaceError(f"Tệp “{path.name}”: mỗi kế hoạch phải là một đối tượng JSON (number, targets…).")
    return data


def _targets_of_csv(path: Path) -> list[dict]:
    rows = list(csv.reader(io.StringIO(_read_text(path))))
    if not rows or "label" not in rows[0] or "expr" not in rows[0]:
        raise WorkspaceError(f"Tệp “{path.name}”: dòng tiêu đề phải có các cột {','.join(TARGET_COLUMNS)}.")
    head = [h.strip() for h in rows[0]]
    unknown = [h for h in head if h not in TARGET_COLUMNS]
    if unknown:
        raise WorkspaceError(f"Tệp “{path.name}”: cột “{unknown[0]}” không dùng được (các cột: {','.join(TARGET_COLUMNS)}).")
    return [dict(zip(head, r), _line=i) for i, r in enumerate(rows[1:], 2) if any(c.strip() for c in r)]


def _save_targets(ws, plan_id, targets, where):
    for i, t in enumerate(targets, 1):
        line = t.get("_line", i)
        try:
            plans.save_target(ws, plan_id, t.get("label", ""), t.get("expr", ""), t.get("op") or ">=",
                              t.get("value") if t.get("value") not in ("",) else None,
                              t.get("trajectory") or None, t.get("year_from") or None, t.get("year_to") or None,
                              t.get("unit", "%") if t.get("unit") not in (None, "") else "%", t.get("note") or "")
        except WorkspaceError as exc:
            raise WorkspaceError(f"{where}, mục tiêu thứ {i}" + (f" (dòng {line})" if "_line" in t else "")
                                 + f": {exc}") from exc


def _print_plans(ws):
    for p in plans.plans(ws):
        years = f"{p['year_from'] or ''}–{p['year_to'] or ''}" if p.get("year_from") or p.get("year_to") else ""
        print(f"Kế hoạch {p['number']}\t{format_date(p['issued_on']) if p['issued_on'] else ''}\t{years}\t{p['title']}")
        for t in plans.targets_of(ws, p["id"]):
            aim = (format_number(t["value"]) if t["value"] is not None else plans.trajectory_text(t["trajectory"]))
            print(f"    {t['label']}\t{t['expr']} {plans.OP_LABELS.get(t['op'], t['op'])} {aim} {t['unit']}".rstrip())


def _tasks_of_csv(path: Path) -> list[dict]:
    from ..plan_tasks import _header_columns
    rows = list(csv.reader(io.StringIO(_read_text(path))))
    if not rows:
        raise WorkspaceError(f"Tệp “{path.name}” trống.")
    cols = _header_columns([nfc(c) or "" for c in rows[0]])
    named = {c: c for c in plans.TASK_FIELDS if c in rows[0]}   # or the program's own column names
    if named:
        cols = {c: rows[0].index(c) for c in named}
    if "content" not in cols:
        raise WorkspaceError(f"Tệp “{path.name}”: dòng tiêu đề cần cột “Nội dung” (hoặc content).")
    out = []
    for i, r in enumerate(rows[1:], 2):
        if not any(c.strip() for c in r):
            continue
        task = {name: (r[idx].strip() if idx < len(r) else "") for name, idx in cols.items() if name != "year"}
        seq = task.get("seq", "")
        task["seq"] = int(seq) if seq.isdigit() else 0
        task["_line"] = i
        out.append(task)
    if not out:
        raise WorkspaceError(f"Tệp “{path.name}” không có nhiệm vụ nào.")
    return out


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        if args.action == "list":
            if args.json:
                out = [dict(p, targets=plans.targets_of(ws, p["id"])) for p in plans.plans(ws)]
                print(json.dumps(out, ensure_ascii=False, indent=1))
            else:
                _print_plans(ws)
            return 0
        if args.action == "import":
            path = Path(args.file)
            if path.suffix.lower() == ".csv":
                if not args.plan:
                    raise WorkspaceError("Nhập mục tiêu từ CSV cần --plan SỐ (số, ký hiệu kế hoạch đã có).")
                match = [p for p in plans.plans(ws) if p["number"].casefold() == nfc(args.plan).casefold()]
                if not match:
                    raise WorkspaceError(f"Chưa có kế hoạch “{args.plan}” (thêm bằng tệp JSON trước).")
                targets = _targets_of_csv(path)
                with ws.operation(f"Nhập mục tiêu từ {path.name}"):
                    _save_targets(ws, match[0]["id"], targets, path.name)
                print(f"Đã thêm {len(targets)} mục tiêu vào kế hoạch {match[0]['number']}.")
                return 0
            data = _plans_of_json(path)
            added = []
            with ws.operation(f"Nhập kế hoạch từ {path.name}"):
                for i, p in enumerate(data, 1):
                    try:
                        plan_id = plans.save_plan(ws, p.get("number", ""), p.get("issued_on"), p.get("issuer", ""),
                                                  p.get("title", ""), p.get("year_from"), p.get("year_to"))
                    except WorkspaceError as exc:
                        raise WorkspaceError(f"{path.name}, kế hoạch thứ {i}: {exc}") from exc
                    _save_targets(ws, plan_id, p.get("targets") or [], f"{path.name}, kế hoạch {p.get('number')}")
                    added.append((p.get("number"), len(p.get("targets") or [])))
            for number, n in added:
                print(f"Đã thêm kế hoạch {number} với {n} mục tiêu.")
            return 0
        # tasks
        if args.tasks_action == "list":
            tasks = plans.tasks(ws, args.year)
            for t in tasks:
                pct = f"{format_number(t['percent_done'])}%" if t["percent_done"] is not None else ""
                print(f"{t['seq']}\t{t['content']}\t{t['deadline']}\t{t['status']}\t{pct}".rstrip())
            counts = ws.task_counts(args.year)
            if counts:
                print(f"Tổng: {counts[0]} nhiệm vụ, đã hoàn thành {counts[1]}.")
            return 0
        path = Path(args.file)
        if path.suffix.lower() == ".csv":
            rows = _tasks_of_csv(path)
            existing = [dict(t) for t in ws.plan_tasks(args.year)] if args.append else []
            for k, r in enumerate(rows, len(existing) + 1):
                r["seq"] = r["seq"] or k
            n = plans.replace_tasks(ws, args.year, existing + rows,
                                    f"Nhập nhiệm vụ năm {args.year} từ {path.name}") - len(existing)
        else:
            from ..plan_tasks import import_tasks
            n = import_tasks(ws, args.year, path, replace=not args.append)
        planned, done = ws.task_counts(args.year) or (0, 0)
        print(f"Đã nhập {n} nhiệm vụ năm {args.year} từ {path.name} "
              f"(kế hoạch năm có {planned} nhiệm vụ, đã hoàn thành {done}).")
    return 0
