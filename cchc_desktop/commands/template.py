"""cchc template import|list|show|set|export|delete: the upper office's own Excel forms.

``import`` reads the form, proposes an indicator for every row and stores the form with
its mapping; only sure matches are used, the others are listed for the officer (``set``
or the window's wizard).  ``export`` writes the mapping as a small file the province can
send with the form to every commune (``import FORM.xlsx --mapping FILE``).  The filled
form is printed by ``cchc report --template NAME``.
"""
import json
from pathlib import Path

from . import add_db
from ..store import Workspace, WorkspaceError

HELP = "Biểu mẫu Excel của cấp trên: nhập, xem, sửa ánh xạ dòng → chỉ tiêu, xuất ánh xạ"


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="import|list|show|set|export|delete")
    imp = sub.add_parser("import", help="nhập biểu mẫu Excel của cấp trên và ghép các dòng với chỉ tiêu")
    imp.add_argument("file", metavar="BIỂU_MẪU.xlsx")
    add_db(imp)
    imp.add_argument("--name", required=True, metavar="TÊN", help="tên mẫu dùng với --template (vd. bieu-snv-2026)")
    imp.add_argument("--map", action="append", default=[], metavar="STT=MÃ",
                     help="chọn chỉ tiêu cho một dòng (II.1=dossier.received_total; 'II.6=' để trống); lặp lại được")
    imp.add_argument("--mapping", metavar="TỆP.json", help="tệp ánh xạ cấp trên gửi kèm biểu mẫu")
    imp.add_argument("--replace", action="store_true", help="thay mẫu cùng tên đã có")
    imp.add_argument("--json", action="store_true", help="in kết quả ghép dạng JSON")
    ls = sub.add_parser("list", help="liệt kê các mẫu (có sẵn và của cấp trên)")
    add_db(ls)
    show = sub.add_parser("show", help="xem các dòng của một biểu mẫu và chỉ tiêu đã ghép")
    add_db(show)
    show.add_argument("name", metavar="TÊN")
    show.add_argument("--json", action="store_true", help="in dạng JSON")
    st = sub.add_parser("set", help="sửa chỉ tiêu của các dòng: STT=MÃ (để trống sau '=' thì dòng để trống)")
    add_db(st)
    st.add_argument("name", metavar="TÊN")
    st.add_argument("map", nargs="+", metavar="STT=MÃ")
    ex = sub.add_parser("export", help="ghi tệp ánh xạ (JSON nhỏ) để gửi cho các đơn vị cùng biểu mẫu")
    add_db(ex)
    ex.add_argument("name", metavar="TÊN")
    ex.add_argument("--out", required=True, metavar="TỆP.json", help="tệp JSON ghi mẫu ra")
    dl = sub.add_parser("delete", help="xóa một biểu mẫu của cấp trên")
    add_db(dl)
    dl.add_argument("name", metavar="TÊN")


def _row_json(ws, r) -> dict:
    ind = ws.catalogue.get(r.key) if r.key else None
    prop = ws.catalogue.get(r.proposed) if r.proposed else None
    return {"ref": r.ref, "sheet": r.sheet, "row": r.row, "cell": r.cell, "stt": r.stt, "label": r.label,
            "unit": r.unit, "section": r.section, "status": r.status, "key": r.key,
            "indicator": ind.label if ind else None, "proposed": r.proposed,
            "proposed_label": prop.label if prop else None, "confidence": round(r.confidence, 3), "why": r.why}


def _print_rows(ws, form):
    from ..forms import library
    print(f"{form.title} — {form.office or 'không rõ cơ quan'} ({form.file_name})")
    for r in form.rows:
        if r.status == library.HEADING:
            print(f"  {r.stt:<9} {r.label}")
            continue
        ind = ws.catalogue.get(r.key) if r.key else None
        mark = {library.SURE: "✓", library.CHOSEN: "✓", library.UNSURE: "?", library.NONE: "–",
                library.CLEARED: "–", library.HIDDEN: " "}.get(r.status, " ")
        target = ind.label if ind else ("(để trống)" if r.status != library.HIDDEN else "(dòng ẩn)")
        print(f"  {mark} {r.ref:<7} {r.label}\n            → {target} [{library.STATUS_TEXT[r.status]}]")
        if r.status in (library.UNSURE, library.NONE) and r.why:
            print(f"            {r.why}")
    counts = form.counts()
    print(f"Đã ghép {counts.get(library.SURE, 0) + counts.get(library.CHOSEN, 0)} dòng; "
          f"cần chọn {counts.get(library.UNSURE, 0)}; không có chỉ tiêu {counts.get(library.NONE, 0)}; "
          f"để trống {counts.get(library.CLEARED, 0)}.")


def run(args) -> int:
    from .. import templates
    from ..forms import library
    with Workspace.open(args.db) as ws:
        if args.action == "import":
            form, problems = library.import_file(ws, args.file, args.name, args.map, args.mapping,
                                                 replace=args.replace)
            if args.json:
                print(json.dumps({"name": form.name, "title": form.title, "office": form.office,
                                  "problems": problems, "rows": [_row_json(ws, r) for r in form.rows]},
                                 ensure_ascii=False, indent=1))
            else:
                for p in problems:
                    print(f"Lưu ý: {p}")
                _print_rows(ws, form)
                print(f"In biểu đã điền: cchc report --db {args.db} --period KỲ --template {form.name} "
                      f"--format xlsx,pdf --out THƯ_MỤC")
        elif args.action == "list":
            for name in templates.shipped_names():
                t = templates.load(name, ws)
                print(f"{name}\t{t.title}\t{t.office or t.source}")
            for f in library.forms(ws):
                print(f"{f.name}\t{f.title}\t{f.office or f.file_name}")
        elif args.action == "show":
            form = library.get(ws, args.name, with_content=False)
            if args.json:
                print(json.dumps([_row_json(ws, r) for r in form.rows], ensure_ascii=False, indent=1))
            else:
                _print_rows(ws, form)
        elif args.action == "set":
            form = library.get(ws, args.name, with_content=False)
            library.apply_maps(form, args.map, ws.catalogue)   # checks every choice before storing any
            for r in form.rows:
                before = library.get(ws, args.name, with_content=False).row(r.sheet, r.row)
                if (before.key, before.status) != (r.key, r.status):
                    library.set_row_key(ws, args.name, r.sheet, r.row, r.key)
            _print_rows(ws, library.get(ws, args.name, with_content=False))
        elif args.action == "export":
            form = library.get(ws, args.name, with_content=False)
            out = Path(args.out)
            try:
                out.write_text(json.dumps(library.export_mapping(form), ensure_ascii=False, indent=1), encoding="utf-8")
            except OSError as exc:
                raise WorkspaceError(f"Không ghi được tệp “{out}”: {exc}") from exc
            print(out)
        elif args.action == "delete":
            library.delete(ws, args.name)
    return 0
