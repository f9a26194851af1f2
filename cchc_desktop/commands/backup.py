"""cchc backup: a checked backup file of the workspace, named for the unit and period."""
from . import add_db
from .. import backup

HELP = "Tạo tệp sao lưu (gửi lên cấp trên) của tệp dữ liệu"


def add_arguments(p):
    add_db(p)
    p.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục ghi tệp sao lưu")
    p.add_argument("--period", metavar="KỲ", help="kỳ ghi trong tên tệp (mặc định: kỳ mới nhất)")
    p.add_argument("--zip", action="store_true", help="nén thành tệp .zip")


def run(args) -> int:
    path = backup.make_backup(args.db, args.out, zip=args.zip, period=args.period)
    print(path)
    return 0
