"""One module per ``cchc`` command (see :mod:`cchc_desktop.cli`)."""
import sys


def not_yet(name: str) -> int:
    """Answer for a command whose feature has not landed yet."""
    print(f"Lệnh “{name}” chưa hỗ trợ trong phiên bản này.", file=sys.stderr)
    return 2


def add_db(parser, required: bool = True):
    parser.add_argument("--db", required=required, metavar="TỆP", help="tệp dữ liệu (SQLite) của đơn vị")


def add_period(parser):
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2022-Q1…Q4, 2022-H1, 2022-H2, 2022-9M, 2022-Y")
