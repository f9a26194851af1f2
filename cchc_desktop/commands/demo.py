"""cchc demo: a workspace filled with the sample data of the seeds."""
from . import add_db
from .. import demo

HELP = "Tạo tệp dữ liệu mẫu (UBND phường 2, thị xã Quảng Trị)"


def add_arguments(p):
    add_db(p)


def run(args) -> int:
    path = demo.create(args.db)
    print(path)
    return 0
