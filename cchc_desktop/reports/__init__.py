"""The printed documents: report and appendices as PDF, Excel and Word.

Every renderer is a function of (workspace, period, template) → file, so the same code
prints a unit's documents and a consolidation workspace's summed figures.  reportlab,
openpyxl and python-docx are imported only inside the functions that make documents.

Main entry: :func:`make_documents`.
"""
from __future__ import annotations

from pathlib import Path

FORMATS = ("pdf", "xlsx", "docx")


def resolve_template(ws, template=None):
    """A Template from a name, a Template, or the unit's own (WorkspaceError if it cannot load)."""
    from .. import templates
    from ..catalogue import CatalogueError
    from ..store import WorkspaceError, os_error_text

    if template is not None and not isinstance(template, str):
        return template
    try:
        if template and template.lower().endswith(".json") and Path(template).is_file():
            return templates.load_file(Path(template), ws.catalogue)   # a unit's own layout file
        return templates.load(template, ws) if template else templates.for_workspace(ws)
    except CatalogueError as exc:
        raise WorkspaceError(str(exc)) from exc


def make_documents(ws, code: str, out_dir, formats=FORMATS, template=None, *, targets: bool = True) -> list[Path]:
    """Write the whole set for period *code* into *out_dir*; returns the files written.

    pdf: the report, the appendices and (when the unit has plan targets) the targets
    and trends; xlsx: the appendices; docx: the report.
    """
    from .. import rollup
    from ..store import WorkspaceError, os_error_text
    from . import appendix_pdf, appendix_xlsx, draft, filenames, report_docx, report_pdf, tables, targets_pdf

    formats = tuple(f.strip().lower() for f in formats if f.strip())
    bad = [f for f in formats if f not in FORMATS]
    if bad:
        raise WorkspaceError(f"Định dạng không hỗ trợ: {', '.join(bad)} (chỉ có pdf, xlsx, docx).")
    period = ws.period(code)
    tpl = resolve_template(ws, template) if ("pdf" in formats or "xlsx" in formats) else None
    out = Path(out_dir)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise WorkspaceError(f"Không tạo được thư mục “{out}”: {os_error_text(exc)}.") from exc
    unit = ws.unit()
    day = period.report_date

    def name(what, ext):
        return out / filenames.document_name(unit.get("name") or "", period.code, what, ext, day)

    # the period's figures and targets, computed once: every document of the set prints the same
    values = rollup.values(ws, code)
    results = tables.target_results(ws, code, values) if targets or "pdf" in formats or "docx" in formats else None
    text = draft.report_text(ws, code, values, results or []) if ("pdf" in formats or "docx" in formats) else None
    tpl_name = filenames.ascii_slug(tpl.name) if tpl is not None else ""
    what = tpl_name if tpl_name.startswith("phu-luc") else f"phu-luc-{tpl_name}"
    written = []
    appendix_pdf_write, appendix_xlsx_write = appendix_pdf.write, appendix_xlsx.write
    if tpl is not None and tpl.form:   # the upper office's own workbook, filled in place
        from ..forms import fill, library
        form = library.get(ws, tpl.form)
        what = filenames.ascii_slug(form.name)
        appendix_pdf_write = lambda ws_, code_, _tpl, path, vals: fill.write_pdf(ws_, code_, form, path, vals)  # noqa: E731
        appendix_xlsx_write = lambda ws_, code_, _tpl, path, vals: fill.write_xlsx(ws_, code_, form, path, vals)  # noqa: E731
    try:
        if "pdf" in formats:
            written.append(report_pdf.write(ws, code, name("bao-cao", "pdf"), text))
            written.append(appendix_pdf_write(ws, code, tpl, name(what, "pdf"), values))
            if targets and results:
                written.append(targets_pdf.write(ws, code, name("muc-tieu", "pdf"), values))
        if "docx" in formats:
            written.append(report_docx.write(ws, code, name("bao-cao", "docx"), text))
        if "xlsx" in formats:
            written.append(appendix_xlsx_write(ws, code, tpl, name(what, "xlsx"), values))
    except PermissionError as exc:
        # Word or Excel holds the previous file open on Windows
        raise WorkspaceError(f"Không ghi được tệp “{Path(exc.filename or '').name}”: tệp đang mở trong chương trình "
                             f"khác (Word, Excel…); hãy đóng tệp rồi thử lại.") from exc
    except OSError as exc:
        raise WorkspaceError(f"Không ghi được tệp vào “{out}”: {os_error_text(exc)}.") from exc
    return written
