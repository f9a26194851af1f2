"""One module per ``cchc`` command (see :mod:`cchc_desktop.cli`)."""

# Exit codes of every command: 3 tells a script that validation found errors.
EXIT_OK, EXIT_FAILED, EXIT_USAGE, EXIT_FINDINGS = 0, 1, 2, 3


def add_db(parser, required: bool = True):
    parser.add_argument("--db", required=required, metavar="TỆP", help="tệp dữ liệu (SQLite) của đơn vị")


def add_period(parser):
    parser.add_argument("--period", required=True, metavar="KỲ",
                        help="kỳ báo cáo: 2022-Q1…Q4, 2022-H1, 2022-H2, 2022-9M, 2022-Y, tháng 2025-M07 "
                             "hoặc khoảng thời gian 2025-07-01..2025-10-31")
