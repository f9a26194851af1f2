"""cchc report: the report and its appendices of a period as PDF, Excel and Word files."""
from pathlib import Path

from . import add_db, add_period
from ..store import Workspace, WorkspaceError

HELP = "In báo cáo và phụ lục của một kỳ ra tệp PDF, Excel, Word"


def add_arguments(p):
    add_db(p)
    add_period(p)
    p.add_argument("--out", required=True, metavar="THƯ_MỤC", help="thư mục ghi các tệp")
    p.add_argument("--format", metavar="pdf,xlsx,docx",
                   help="các định dạng, cách nhau dấu phẩy (mặc định: pdf,xlsx,docx; phiếu thu thập: pdf)")
    p.add_argument("--template", metavar="MẪU", help="mẫu phụ lục (mặc định: mẫu của đơn vị)")
    p.add_argument("--form", type=int, metavar="LĨNH_VỰC",
                   help="thay vì báo cáo: phiếu thu thập số liệu của lĩnh vực 1–7 (PDF và/hoặc Excel)")
    p.add_argument("--filled", action="store_true", help="phiếu thu thập ghi sẵn số liệu đã có")


def run(args) -> int:
    from ..reports import FORMATS, collection_form, filenames, make_documents

    formats = [f.strip() for f in (args.format or "").split(",") if f.strip()]
    with Workspace.open(args.db) as ws:
        if args.form is not None:
            if args.form not in {a.id for a in ws.catalogue.areas}:
                raise WorkspaceError(f"Lĩnh vực {args.form} không có (chỉ có 1–{len(ws.catalogue.areas)}).")
            p = ws.period(args.period)
            if formats and not any(f in ("pdf", "xlsx") for f in formats):
                raise WorkspaceError("Phiếu thu thập số liệu chỉ có dạng pdf hoặc xlsx.")
            out = Path(args.out)
            out.mkdir(parents=True, exist_ok=True)
            files = []
            for fmt in [f for f in formats if f in ("pdf", "xlsx")] if formats else ["pdf"]:
                path = out / filenames.document_name(ws.unit()["name"], p.code, f"phieu-linh-vuc-{args.form}", fmt,
                                                     p.report_date)
                write = collection_form.write if fmt == "pdf" else collection_form.write_xlsx
                files.append(write(ws, p.code, args.form, path, filled=args.filled))
        else:
            files = make_documents(ws, args.period, args.out, formats or FORMATS, args.template)
    for f in files:
        print(f)
    return 0
