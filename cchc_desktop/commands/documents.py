"""cchc documents list|add|remove: the register of directing documents (sổ văn bản chỉ đạo).

The documents dated within a period's data window are counted as "Số văn bản chỉ đạo CCHC
đã ban hành" of that period, as the window's register page counts them."""
import json

from . import add_db
from ..store import Workspace, WorkspaceError
from ..vnformat import format_date

HELP = "Sổ văn bản chỉ đạo CCHC: liệt kê, thêm, xóa văn bản"


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="list|add|remove")
    ls = sub.add_parser("list", help="liệt kê văn bản trong sổ")
    add_db(ls)
    ls.add_argument("--period", metavar="KỲ", help="chỉ các văn bản ban hành trong thời gian lấy số liệu của kỳ")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    a = sub.add_parser("add", help="thêm một văn bản vào sổ")
    add_db(a)
    a.add_argument("--number", required=True, metavar="SỐ", help="số, ký hiệu, ví dụ 12/KH-UBND")
    a.add_argument("--date", required=True, metavar="NGÀY", help="ngày ban hành (dd/mm/yyyy hoặc yyyy-mm-dd)")
    a.add_argument("--kind", default="", metavar="LOẠI", help="loại văn bản: Kế hoạch, Quyết định, Công văn…")
    a.add_argument("--summary", default="", metavar="TRÍCH YẾU", help="trích yếu nội dung")
    a.add_argument("--area", type=str, default=None, metavar="1-7", help="lĩnh vực CCHC (1–7)")
    a.add_argument("--not-direction", action="store_true",
                   help="không đếm vào “Số văn bản chỉ đạo CCHC đã ban hành”")
    r = sub.add_parser("remove", help="xóa văn bản khỏi sổ (theo số, ký hiệu hoặc mã số dòng)")
    add_db(r)
    r.add_argument("number", metavar="SỐ|MÃ")
    r.add_argument("--date", metavar="NGÀY", help="ngày ban hành, khi nhiều văn bản cùng số")


def _line(d) -> str:
    return f"{d['id']}\t{d['number']}\t{format_date(d['issued_on'])}\t{d['doc_type']}\t{d['summary']}"


def _area(text, ws):
    if text in (None, ""):
        return None
    areas = {a.id for a in ws.catalogue.areas}
    if not text.strip().isdigit() or int(text) not in areas:
        raise WorkspaceError(f"Lĩnh vực “{text}” không có: ghi một số từ 1 đến {max(areas)}.")
    return int(text)


def run(args) -> int:
    with Workspace.open(args.db) as ws:
        if args.action == "list":
            if args.period:
                p = ws.period(args.period)
                docs = ws.documents(p.window_from, p.window_to)
            else:
                docs = ws.documents()
            if args.json:
                print(json.dumps(docs, ensure_ascii=False, indent=1))
            else:
                for d in docs:
                    print(_line(d))
            return 0
        if args.action == "add":
            doc_id = ws.save_document(args.number, args.date, args.kind, args.summary, _area(args.area, ws),
                                      counts_as_direction=not args.not_direction)
            d = next(d for d in ws.documents() if d["id"] == doc_id)
            print(f"Đã thêm vào sổ văn bản: {_line(d)}")
            return 0
        docs = ws.documents()
        key = args.number.strip()
        found = [d for d in docs if d["number"].casefold() == key.casefold()]
        if not found and key.isdigit():
            found = [d for d in docs if d["id"] == int(key)]
        if args.date:
            from ..vnformat import NumberError, parse_date
            try:
                day = parse_date(args.date)
            except NumberError as exc:
                raise WorkspaceError(str(exc)) from exc
            found = [d for d in found if d["issued_on"] == day.isoformat()]
        if not found:
            raise WorkspaceError(f"Không có văn bản “{key}” trong sổ (xem “cchc documents list”).")
        if len(found) > 1:
            raise WorkspaceError(f"Có {len(found)} văn bản số “{key}”: ghi thêm --date hoặc xóa theo mã dòng "
                                 f"({', '.join(str(d['id']) for d in found)}).")
        ws.delete_document(found[0]["id"])
        print(f"Đã xóa khỏi sổ văn bản: {_line(found[0])}")
    return 0
