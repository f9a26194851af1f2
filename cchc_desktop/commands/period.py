"""cchc period add|list: the reporting periods of a workspace."""
from . import add_db
from ..store import Workspace
from ..vnformat import format_date

HELP = "Thêm hoặc liệt kê kỳ báo cáo"


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="add|list")
    a = sub.add_parser("add", help="thêm kỳ báo cáo")
    add_db(a)
    a.add_argument("--period", required=True, metavar="KỲ", help="2022-Q1…Q4, 2022-H1, 2022-H2, 2022-9M, 2022-Y")
    a.add_argument("--from", dest="window_from", help="ngày bắt đầu lấy số liệu (yyyy-mm-dd hoặc dd/mm/yyyy)")
    a.add_argument("--to", dest="window_to", help="ngày kết thúc lấy số liệu")
    a.add_argument("--number", help="số báo cáo, ví dụ 341")
    a.add_argument("--date", help="ngày báo cáo")
    ls = sub.add_parser("list", help="liệt kê các kỳ")
    add_db(ls)


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        if args.action == "add":
            p = ws.add_period(args.period, args.window_from, args.window_to, args.number, args.date)
            print(f"{p.code}\t{format_date(p.window_from)} – {format_date(p.window_to)}")
        else:
            for p in ws.periods():
                print(f"{p.code}\t{p.label}\t{format_date(p.window_from)} – {format_date(p.window_to)}\t{p.status}")
    return 0
