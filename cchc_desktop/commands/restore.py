"""cchc restore: replace the workspace by a backup, after checking it and saving the current state."""
import sys

from . import add_db
from .. import backup

HELP = "Khôi phục tệp dữ liệu từ tệp sao lưu (tệp hiện tại được sao lưu trước)"


def add_arguments(p):
    add_db(p)
    p.add_argument("file", metavar="TỆP_SAO_LƯU")


def run(args) -> int:
    info = backup.verify(args.file)
    saved = backup.restore(args.file, args.db)
    if saved:
        print(f"Đã sao lưu trạng thái cũ vào: {saved}", file=sys.stderr)
    print(f"Đã khôi phục {info.unit_name} (tệp tạo lúc {info.made_at_text}) vào {args.db}.", file=sys.stderr)
    return 0
