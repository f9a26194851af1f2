"""cchc detail tables|list|import: the detail tables of a period (dossiers by field,
digitisation, e-documents, online services), whose column totals feed the period's figures."""
import csv
import io
import json
from pathlib import Path

from . import add_db, add_period
from ..store import Workspace, WorkspaceError
from ..vnformat import format_number, nfc

HELP = "Bảng chi tiết của kỳ (hồ sơ theo lĩnh vực, số hóa, văn bản điện tử, DVC trực tuyến): xem, nhập từ CSV/Excel"


def add_arguments(p):
    sub = p.add_subparsers(dest="action", required=True, metavar="tables|list|import")
    sub.add_parser("tables", help="các bảng chi tiết và cột của chúng")
    ls = sub.add_parser("list", help="các dòng của một bảng trong kỳ")
    add_db(ls)
    add_period(ls)
    ls.add_argument("--table", required=True, metavar="BẢNG", help="tên bảng (xem “cchc detail tables”)")
    ls.add_argument("--json", action="store_true", help="in dạng JSON")
    im = sub.add_parser("import", help="thay các dòng của bảng trong kỳ bằng các dòng của tệp CSV hoặc Excel "
                                       "(cột đầu: tên dòng; các cột khác: mã hoặc tên cột); tất cả hoặc không")
    add_db(im)
    add_period(im)
    im.add_argument("--table", required=True, metavar="BẢNG", help="tên bảng (xem “cchc detail tables”)")
    im.add_argument("file", metavar="TỆP")


def table_spec(catalogue, name):
    names = [t.name for t in catalogue.detail_tables]
    try:
        return catalogue.detail_table(name)
    except (KeyError, ValueError, LookupError):
        raise WorkspaceError(f"Không có bảng chi tiết “{name}”. Các bảng: {', '.join(names)}.") from None


def _cells_of_file(path: Path) -> list[list[str]]:
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        try:
            import openpyxl
            book = openpyxl.load_workbook(path, data_only=True, read_only=True)
        except Exception as exc:   # an untrusted file: any parser failure is a clear refusal
            raise WorkspaceError(f"Tệp “{path.name}” không phải bảng tính Excel (.xlsx) đọc được "
                                 f"({type(exc).__name__}).") from exc
        try:
            sheet = book.worksheets[0]
            rows = [["" if v is None else (str(int(v)) if isinstance(v, float) and v.is_integer() else
                                           str(v).replace(".", ",") if isinstance(v, float) else str(v))
                     for v in row] for row in sheet.iter_rows(values_only=True, max_row=2000)]
        finally:
            book.close()
        return rows
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"Tệp “{path.name}” không phải văn bản UTF-8.") from exc
    return list(csv.reader(io.StringIO(text)))


def read_rows(spec, path: Path) -> list[tuple[int, str, dict]]:
    """(line, row label, {column key: text}) of a table file; WorkspaceError naming the first problem."""
    rows = [[(nfc(c) or "").strip() for c in r] for r in _cells_of_file(path)]
    start = next((i for i, r in enumerate(rows) if any(r)), None)
    if start is None:
        raise WorkspaceError(f"Tệp “{path.name}” trống.")
    head = rows[start]
    by_name = {}
    for col in spec.columns:
        by_name[col.key.casefold()] = col
        by_name[col.label.casefold()] = col
    cols = {}
    for j, h in enumerate(head[1:], 1):
        if not h:
            continue
        col = by_name.get(h.casefold())
        if col is None:
            raise WorkspaceError(f"Tệp “{path.name}”, dòng {start + 1}: cột “{h}” không có trong bảng {spec.label} "
                                 f"(các cột: {', '.join(c.key for c in spec.columns)}).")
        if col.formula is None:   # a rate worked out from the row's other columns is never typed
            cols[j] = col.key
    out = []
    for i, r in enumerate(rows[start + 1:], start + 2):
        if not any(r):
            continue
        label = r[0] if r else ""
        if label.casefold() in ("tổng", "tổng cộng", "cộng"):
            continue   # the total row: the program works it out
        if not label:
            raise WorkspaceError(f"Tệp “{path.name}”, dòng {i}: dòng chưa có tên ({spec.row_label}).")
        out.append((i, label, {key: r[j] for j, key in cols.items() if j < len(r) and r[j] != ""}))
    if not out:
        raise WorkspaceError(f"Tệp “{path.name}” không có dòng số liệu nào.")
    return out


def run(args) -> int:
    if args.action == "tables":
        from ..catalogue import default
        for t in default().detail_tables:
            print(f"{t.name}\t{t.label}")
            for c in t.columns:
                mark = " (tính sẵn)" if c.formula is not None else ""
                print(f"    {c.key}\t{c.label}{mark}")
        return 0
    with Workspace.open(args.db) as ws:
        spec = table_spec(ws.catalogue, args.table)
        if args.action == "list":
            rows = ws.detail_rows(args.period, spec.name)
            if args.json:
                print(json.dumps(rows, ensure_ascii=False, indent=1))
                return 0
            print("\t".join([spec.row_label] + [c.label for c in spec.columns]))
            for r in rows:
                vals = spec.computed(r["data"])
                print("\t".join([r["label"]] + [format_number(vals[c.key]) if vals.get(c.key) is not None else ""
                                                for c in spec.columns]))
            return 0
        path = Path(args.file)
        p = ws.period(args.period)
        if p.locked:
            raise WorkspaceError(f"Kỳ {p.label} đã chốt số liệu; mở khóa (nêu lý do) trước khi nhập bảng chi tiết.")
        rows = read_rows(spec, path)
        with ws.operation(f"{spec.label}: nhập từ {path.name}"):
            for old in ws.detail_rows(p.code, spec.name):
                ws.delete_detail_row(p.code, old["id"])
            for seq, (line, label, data) in enumerate(rows, 1):
                try:
                    ws.save_detail_row(p.code, spec.name, label, data, seq=seq)
                except WorkspaceError as exc:
                    raise WorkspaceError(f"Tệp “{path.name}”, dòng {line}: {exc}") from exc
        totals = spec.totals([r["data"] for r in ws.detail_rows(p.code, spec.name)])
        fed = [f"{ws.catalogue[c.feeds].label} = {format_number(totals[c.key])}"
               for c in spec.columns if c.feeds and c.feeds in ws.catalogue and totals.get(c.key) is not None]
        print(f"Đã nhập {len(rows)} dòng vào bảng “{spec.label}” của kỳ {p.label}.")
        for line in fed:
            print(f"    {line}")
    return 0
