"""cchc period add|list|set: the reporting periods of a workspace."""
from . import add_db
from ..store import STATUS_LABELS, Workspace
from ..vnformat import format_date

HELP = "Thêm, sửa hoặc liệt kê kỳ báo cáo"
CODES = ("2022-Q1…Q4, 2022-H1, 2022-H2, 2022-9M, 2022-Y, tháng 2025-M01…M12, "
         "hoặc khoảng thời gian 2025-07-01..2025-10-31 (báo cáo đột xuất, chuyên đề)")


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="add|set|list")
    a = sub.add_parser("add", help="thêm kỳ báo cáo")
    add_db(a)
    a.add_argument("--period", required=True, metavar="KỲ", help=CODES)
    _period_fields(a)
    s = sub.add_parser("set", help="sửa thời gian lấy số liệu, số, ngày, tên hoặc hạn báo cáo của một kỳ")
    add_db(s)
    s.add_argument("--period", required=True, metavar="KỲ", help=CODES)
    _period_fields(s)
    ls = sub.add_parser("list", help="liệt kê các kỳ")
    add_db(ls)


def _period_fields(p):
    p.add_argument("--from", dest="window_from", help="ngày bắt đầu lấy số liệu (yyyy-mm-dd hoặc dd/mm/yyyy)")
    p.add_argument("--to", dest="window_to", help="ngày kết thúc lấy số liệu")
    p.add_argument("--number", help="số báo cáo, ví dụ 341")
    p.add_argument("--date", help="ngày báo cáo")
    p.add_argument("--title", help="tên kỳ in trên báo cáo, ví dụ “từ ngày 01/7/2025 đến ngày 31/10/2025”")
    p.add_argument("--deadline", help="hạn báo cáo cấp trên đặt (mặc định: ngày sau ngày kết thúc lấy số liệu)")


def describe(p, unit=None) -> str:
    """One line saying what a period is: code, name, window, deadline, status."""
    return (f"{p.code}\t{p.label}\t{format_date(p.window_from)} – {format_date(p.window_to)}\t"
            f"hạn {format_date(p.due(unit))}\t{STATUS_LABELS.get(p.status, p.status)}")


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        unit = ws.unit()
        if args.action == "add":
            p = ws.add_period(args.period, args.window_from, args.window_to, args.number, args.date,
                              title=args.title, deadline=args.deadline)
            print(f"Đã thêm kỳ {describe(p, unit)}")
        elif args.action == "set":
            fields = {k: getattr(args, k) for k in ("window_from", "window_to", "title", "deadline")
                      if getattr(args, k) is not None}
            if args.number is not None:
                fields["report_number"] = args.number
            if args.date is not None:
                fields["report_date"] = args.date
            if not fields:
                from ..store import WorkspaceError
                raise WorkspaceError("Chưa ghi điều cần sửa (--from, --to, --number, --date, --title, --deadline).")
            p = ws.update_period(args.period, **fields)
            print(f"Đã sửa kỳ {describe(p, unit)}")
        else:
            for p in ws.periods():
                print(describe(p, unit))
    return 0
