"""cchc catalogue: the indicators the program knows."""
import json

from .. import catalogue

HELP = "In danh mục chỉ tiêu"


def add_arguments(p):
    p.add_argument("--json", action="store_true", help="in dạng JSON")


def run(args) -> int:
    cat = catalogue.default()
    if args.json:
        print(json.dumps(cat.to_json(), ensure_ascii=False, indent=1))
    else:
        for area in cat.areas:
            print(f"{area.id}. {area.label}")
            for ind in cat.in_area(area.id):
                extra = f" = {ind.formula}" if ind.formula else (f" ({ind.codes_text()})" if ind.codes else "")
                print(f"   {ind.key:40} {ind.label} [{ind.unit or ind.kind}]{extra}")
    return 0
