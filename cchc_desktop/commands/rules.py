"""cchc rules list|add|delete: the checking rules a unit or its upper office adds as data."""
import json
from pathlib import Path

from . import add_db
from ..store import Workspace, WorkspaceError

HELP = "Xem, thêm hoặc xóa quy tắc kiểm tra riêng của đơn vị (tệp JSON)"


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="list|add|delete")
    ls = sub.add_parser("list", help="liệt kê quy tắc có sẵn và quy tắc riêng của đơn vị")
    add_db(ls)
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    a = sub.add_parser("add", help="thêm quy tắc từ tệp JSON (một quy tắc, một danh sách, "
                                   "hoặc {\"rules\": [...]}); tất cả hoặc không")
    add_db(a)
    a.add_argument("file", metavar="TỆP")
    d = sub.add_parser("delete", help="xóa một quy tắc riêng của đơn vị")
    add_db(d)
    d.add_argument("code", metavar="MÃ")


def read_definitions(path: Path) -> list[dict]:
    """The rule definitions of a JSON file, or WorkspaceError naming what is wrong."""
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"Tệp “{path.name}” không phải văn bản UTF-8.") from exc
    except json.JSONDecodeError as exc:   # its own text is English ("Expecting value")
        raise WorkspaceError(f"Tệp “{path.name}” không phải JSON hợp lệ (lỗi ở dòng {exc.lineno}, "
                             f"cột {exc.colno}).") from exc
    if isinstance(data, dict) and "rules" in data:
        data = data["rules"]
    return data if isinstance(data, list) else [data]


def run(args) -> int:
    from .. import rules   # the rule engine loads only for this command
    with Workspace.open(args.db) as ws:
        if args.action == "list":
            own = {r["code"] for r in rules.user_rules(ws)}
            found = rules.rules_for(ws)
            if args.json:
                print(json.dumps([{"code": r.code, "type": r.type, "severity": r.severity,
                                   "area": r.area, "own": r.code in own} for r in found],
                                 ensure_ascii=False, indent=1))
            else:
                for r in found:
                    mark = "riêng" if r.code in own else "có sẵn"
                    level = "lỗi" if r.severity == "error" else "cảnh báo"
                    print(f"{r.code}\t{r.type}\t{level}\t{mark}")
        elif args.action == "add":
            definitions = read_definitions(Path(args.file))
            problems, ready = [], []
            for i, d in enumerate(definitions, 1):   # check all before storing any, as the window does
                try:
                    if isinstance(d, dict) and not d.get("code") and d.get("type") in rules.TYPES:
                        code = rules.new_rule_code(ws, d["type"], taken=[r["code"] for r in ready])
                        d = {"code": code, **{k: v for k, v in d.items() if k != "code"}}
                    rules.check_new_rule(ws, d, others=ready)
                    ready.append(d)
                except WorkspaceError as exc:
                    problems.append(f"  quy tắc thứ {i}: {exc}")
            if problems:
                raise WorkspaceError(f"Không thêm quy tắc nào từ “{Path(args.file).name}”:\n" + "\n".join(problems))
            with ws.operation(f"Thêm quy tắc từ {Path(args.file).name}"):
                codes = [rules.add_rule(ws, d) for d in ready]
            for code in codes:
                print(code)
        else:
            rules.delete_rule(ws, args.code)
    return 0
