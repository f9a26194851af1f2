"""cchc unit show|set: the unit's profile (name, code, upper office, signer, recipients…)."""
import json
import sys

from . import add_db
from ..store import ONE_STOP_CENTRE, ONE_STOP_DESK, Workspace, WorkspaceError
from ..vnformat import format_date

HELP = "Xem hoặc sửa thông tin đơn vị (tên, mã ĐVHC, cấp trên, người ký, nơi nhận…)"

# option → (unit field, help); the same options serve `cchc init`
OPTIONS = (
    ("--unit", "name", "tên đơn vị, ví dụ “UBND phường Đồng Thuận”"),
    ("--code", "code", "mã đơn vị hành chính (5 chữ số), ví dụ 19168"),
    ("--parent", "parent", "cơ quan cấp trên, ví dụ “UBND tỉnh Quảng Trị” (hoặc huyện, thị xã với tệp cũ)"),
    ("--focal-agency", "focal_agency", "cơ quan đầu mối CCHC cấp trên, ví dụ “Sở Nội vụ tỉnh Quảng Trị”"),
    ("--place", "place", "địa danh ghi ngày tháng, ví dụ “Đồng Thuận”"),
    ("--symbol", "symbol", "ký hiệu báo cáo, mặc định BC-UBND"),
    ("--signer", "signer_name", "họ tên người ký"),
    ("--signer-title", "signer_title", "chức vụ người ký: CHỦ TỊCH hoặc PHÓ CHỦ TỊCH"),
    ("--signer-prefix", "signer_prefix", "dòng trên chức vụ: “TM. ỦY BAN NHÂN DÂN” hoặc “KT. CHỦ TỊCH”"),
    ("--addressees", "addressees", "“Kính gửi”, mỗi nơi một dòng (\\n hoặc ;)"),
    ("--recipients", "recipients", "“Nơi nhận”, mỗi nơi một dòng (\\n hoặc ;)"),
    ("--one-stop", "one_stop", f"tên bộ phận một cửa: “{ONE_STOP_CENTRE}” hoặc “{ONE_STOP_DESK}”"),
    ("--established", "established", "ngày thành lập (đơn vị sau sắp xếp, ví dụ 2025-07-01); ghi “” để bỏ"),
    ("--calendar-windows", "calendar_windows", "có: lấy số liệu theo tháng dương lịch (01/01–30/06…); không: "
                                               "theo Nghị định 09/2019"),
    ("--template", "template", "mẫu phụ lục"),
)
LABELS = {"name": "Tên đơn vị", "code": "Mã ĐVHC", "parent": "Cấp trên", "focal_agency": "Cơ quan đầu mối",
          "place": "Địa danh", "symbol": "Ký hiệu báo cáo", "signer_prefix": "Thẩm quyền ký",
          "signer_title": "Chức vụ người ký", "signer_name": "Người ký", "addressees": "Kính gửi",
          "recipients": "Nơi nhận", "one_stop": "Bộ phận một cửa", "established": "Ngày thành lập",
          "calendar_windows": "Số liệu theo tháng dương lịch", "template": "Mẫu phụ lục"}


def add_unit_options(p, skip=()):
    for option, field, text in OPTIONS:
        if field not in skip:
            p.add_argument(option, dest=field, default=None, metavar="…", help=text)


def unit_fields(args) -> dict:
    """The profile fields given on the command line (lists typed on one line split at ';')."""
    out = {}
    for _option, field, _text in OPTIONS:
        value = getattr(args, field, None)
        if value is None:
            continue
        if field in ("addressees", "recipients"):
            value = list_lines(value)
        out[field] = value
    return out


def list_lines(text: str) -> str:
    """'- UBND tỉnh;\\n- Sở Nội vụ' or 'UBND tỉnh; Sở Nội vụ' → one entry a line, as printed."""
    text = text.replace("\\n", "\n")
    if "\n" in text:
        return "\n".join(line.strip() for line in text.splitlines() if line.strip())
    parts = [p.strip() for p in text.split(";")]
    return "\n".join(p for p in parts if p)


def show_value(field, value) -> str:
    if field == "calendar_windows":
        return "có" if value else "không"
    if field == "established":
        return format_date(value) if value else ""
    return value or ""


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="show|set")
    s = sub.add_parser("show", help="in thông tin đơn vị")
    add_db(s)
    s.add_argument("--json", action="store_true", help="in dạng JSON")
    t = sub.add_parser("set", help="sửa thông tin đơn vị; chỉ các mục được ghi")
    add_db(t)
    add_unit_options(t)


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        if args.action == "show":
            unit = ws.unit()
            if args.json:
                keep = ("uid", *LABELS)
                print(json.dumps({k: unit.get(k) for k in keep}, ensure_ascii=False, indent=1))
                return 0
            for field, label in LABELS.items():
                value = show_value(field, unit.get(field))
                if "\n" in value:
                    print(f"{label}:")
                    for line in value.splitlines():
                        print(f"    {line}")
                else:
                    print(f"{label}: {value}")
            return 0
        fields = unit_fields(args)
        if not fields:
            raise WorkspaceError("Chưa ghi điều cần sửa (ví dụ --code 19168 hoặc --signer \"Nguyễn Văn A\").")
        changed = ws.update_unit(**fields)
        if not changed:
            print("Không có gì thay đổi: thông tin đơn vị đã như vậy.", file=sys.stderr)
        for field, value in changed.items():
            print(f"Đã sửa {LABELS[field]}: {show_value(field, value)}".replace("\n", "; "))
    return 0
