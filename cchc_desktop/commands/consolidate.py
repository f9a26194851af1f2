"""cchc consolidate: receive units' backup files into a consolidation workspace, all or none."""
import sys

from . import add_db
from .. import consolidation

SHOWN_ERRORS = 5   # error messages printed per file; the window lists them all
HELP = "Tổng hợp tệp sao lưu của các đơn vị vào tệp tổng hợp (nhận tất cả hoặc không nhận tệp nào)"


def add_arguments(p):
    add_db(p)
    p.add_argument("--unit", default=None, metavar="TÊN",
                   help=f"tên đơn vị tổng hợp khi tạo tệp mới (mặc định “{consolidation.DEFAULT_UNIT}”)")
    p.add_argument("files", nargs="+", metavar="TỆP", help="tệp .sqlite/.zip hoặc thư mục chứa chúng")


def run(args) -> int:
    from pathlib import Path

    created = not Path(args.db).exists()
    ws = consolidation.open_or_create(args.db, args.unit)
    try:
        result = consolidation.import_files(ws, args.files, all_or_nothing=True)
    except BaseException:
        ws.close()
        if created:   # a refused first import leaves no empty file behind
            for side in ("", "-wal", "-shm"):
                Path(f"{args.db}{side}").unlink(missing_ok=True)
        raise
    ws.close()
    history = {}
    for info, code in result.older:
        history.setdefault(id(info), set()).add(code)
    for info in result.accepted:
        if history.get(id(info)) == set(info.periods):   # nothing of it in use: not checked either
            print(f"Đã nhận, chỉ lưu lịch sử: {info.path.name} – {info.unit_name} ({', '.join(info.periods)})")
            continue
        print(f"Đã nhận: {info.path.name} – {info.unit_name} ({', '.join(info.periods)})")
        checked = result.checked(info)
        errors = sum(c.errors for c in checked.values())
        warnings = sum(c.warnings for c in checked.values())
        explained = sum(c.acknowledged for c in checked.values())
        per_period = "; ".join(f"kỳ {code}: {c.summary()}" for code, c in checked.items() if c.findings)
        print(f"  Kiểm tra số liệu: {errors} lỗi, {warnings} cảnh báo"
              + (f", {explained} cảnh báo đơn vị đã giải trình" if explained else "")
              + (f" ({per_period})" if per_period else ""))
        shown = [(code, f["message"]) for code, c in checked.items() for f in c.findings if f["severity"] == "error"]
        for code, message in shown[:SHOWN_ERRORS]:
            print(f"    Lỗi kỳ {code}: {message}")
        if len(shown) > SHOWN_ERRORS:
            print(f"    … và {len(shown) - SHOWN_ERRORS} lỗi khác (xem trong cửa sổ Tổng hợp)")
    for info in result.duplicates:
        print(f"Đã có từ trước: {info.path.name}")
    for info, code in result.older:
        print(f"Cũ hơn tệp đã nhận, chỉ lưu lịch sử: {info.path.name} (kỳ {code})")
    for info, name in result.renamed:
        print(consolidation.renamed_text(info, name))
    print(f"Đã nhận {len(result.accepted)} tệp; tổng hợp lại kỳ: {', '.join(result.periods) or 'không có'}.",
          file=sys.stderr)
    return 0
