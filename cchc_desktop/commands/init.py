"""cchc init: make a new workspace for a unit."""
from . import add_db
from .unit import add_unit_options, unit_fields
from ..store import Workspace, WorkspaceError

HELP = "Tạo tệp dữ liệu mới cho một đơn vị"


def add_arguments(p):
    add_db(p)
    add_unit_options(p)


def run(args) -> int:
    unit = unit_fields(args)
    if not unit.get("name"):
        raise WorkspaceError("Chưa ghi tên đơn vị (--unit \"UBND phường Đồng Thuận\").")
    with Workspace.create(args.db, **unit) as ws:
        u = ws.unit()
        print(f"Đã tạo tệp dữ liệu {ws.path} cho {u['name']}"
              + (f" (mã {u['code']})" if u["code"] else "") + (f", cấp trên: {u['parent']}" if u["parent"] else ""))
    return 0
