"""cchc values import|export: a period's figures from and to files."""
import sys
from pathlib import Path

from . import add_db, add_period
from .. import values_io
from ..store import Workspace, WorkspaceError

HELP = "Nhập hoặc xuất số liệu của một kỳ"


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="import|export")
    i = sub.add_parser("import", help="nhập số liệu từ tệp CSV (key,value[,note]) hoặc Excel; tất cả hoặc không")
    add_db(i)
    add_period(i)
    i.add_argument("file", metavar="TỆP")
    e = sub.add_parser("export", help="xuất số liệu của kỳ")
    add_db(e)
    add_period(e)
    e.add_argument("--format", choices=("csv", "json"), default="csv", help="dạng tệp xuất: csv (mặc định) hoặc json")
    e.add_argument("--typed", action="store_true", help="chỉ các số liệu nhập trực tiếp")


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        if args.action == "import":
            path = Path(args.file)
            if path.suffix.lower() in (".xlsx", ".xlsm"):
                try:
                    from ..reports.appendix_xlsx import import_workbook
                except ImportError:
                    raise WorkspaceError("Chưa hỗ trợ nhập tệp Excel trong phiên bản này.")
                if path.is_file():
                    values_io.check_workbook(path)   # a zip bomb is refused before it is parsed
                n = import_workbook(ws, args.period, path)
            else:
                n = values_io.import_csv(ws, args.period, path)
            print(f"Đã nhập {n} chỉ tiêu vào kỳ {args.period}.", file=sys.stderr)
        else:
            rows = values_io.export_rows(ws, args.period, typed_only=args.typed)
            text = values_io.export_csv(rows) if args.format == "csv" else values_io.export_json(rows)
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0
