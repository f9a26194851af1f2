"""cchc catalogue: the indicators, detail tables and appendix templates the program knows."""
import json

from .. import catalogue, templates

HELP = "In danh mục chỉ tiêu, bảng chi tiết và mẫu phụ lục"


def add_arguments(p):
    p.add_argument("--json", action="store_true", help="in dạng JSON")


def run(args) -> int:
    cat = catalogue.default()
    if args.json:
        data = cat.to_json()
        data["templates"] = []
        for name in templates.shipped_names():
            t = templates.load(name)
            data["templates"].append({"name": t.name, "title": t.title, "source": t.source,
                                      "appendices": [{"id": a.id, "label": a.label, "kind": a.kind,
                                                      "rows": len(a.rows)} for a in t.appendices]})
        print(json.dumps(data, ensure_ascii=False, indent=1))
    else:
        for area in cat.areas:
            print(f"{area.id}. {area.label}")
            for ind in cat.in_area(area.id):
                extra = f" = {ind.formula}" if ind.formula else (f" ({ind.codes_text()})" if ind.codes else "")
                print(f"   {ind.key:40} {ind.label} [{ind.unit or ind.kind}]{extra}")
        if cat.detail_tables:
            print("Bảng chi tiết:")
            for t in cat.detail_tables:
                print(f"   {t.name:40} {t.label} ({len(t.columns)} cột)")
        print("Mẫu phụ lục:")
        for name in templates.shipped_names():
            t = templates.load(name)
            print(f"   {name:40} {t.title}")
    return 0
