"""cchc init: make a new workspace for a unit."""
from . import add_db
from ..store import Workspace

HELP = "Tạo tệp dữ liệu mới cho một đơn vị"


def add_arguments(p):
    add_db(p)
    p.add_argument("--unit", required=True, help="tên đơn vị, ví dụ “UBND phường 2”")
    p.add_argument("--parent", default="", help="cơ quan cấp trên, ví dụ “UBND thị xã Quảng Trị”")
    p.add_argument("--place", default="", help="địa danh ghi ngày tháng, ví dụ “Phường 2”")
    p.add_argument("--signer", default="", help="họ tên người ký")
    p.add_argument("--template", default=None, help="mẫu phụ lục (mặc định phu-luc-1)")


def run(args) -> int:
    unit = {"name": args.unit, "parent": args.parent, "place": args.place, "signer_name": args.signer}
    if args.template:
        unit["template"] = args.template
    with Workspace.create(args.db, **unit) as ws:
        print(ws.path)
    return 0
