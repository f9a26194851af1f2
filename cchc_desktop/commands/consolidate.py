"""cchc consolidate: not implemented yet (its issue replaces this module)."""
from . import add_db, not_yet

HELP = "(consolidate) chưa hỗ trợ"


def add_arguments(p):
    add_db(p, required=False)
    p.add_argument("rest", nargs="*")
    p.add_argument("--period")
    p.add_argument("--json", action="store_true")
    p.add_argument("--out")


def run(args) -> int:
    return not_yet("consolidate")
