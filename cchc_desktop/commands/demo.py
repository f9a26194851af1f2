"""cchc demo: a workspace filled with the sample data of the seeds."""
from . import add_db
from .. import demo

HELP = "Tạo tệp dữ liệu mẫu (mặc định: UBND phường 2, thị xã Quảng Trị)"


def add_arguments(p):
    add_db(p)
    p.add_argument("--sample", default=demo.DEFAULT_SAMPLE, metavar="TÊN",
                   help="bộ dữ liệu mẫu: " + ", ".join(demo.sample_names()))


def run(args) -> int:
    path = demo.create(args.db, args.sample)
    print(path)
    return 0
