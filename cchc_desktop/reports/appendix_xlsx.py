"""The appendices as an Excel workbook ready to print and send, and reading one back.

One sheet per appendix: bold merged header cells, borders, wrapped text, column widths,
A4 print set-up (orientation, fit to width, header rows repeated, margins) and figures
stored as numbers.  Each indicator row carries its key in a hidden column so that
:func:`import_workbook` (``cchc values import FILE.xlsx``) can read the figures back.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..store import WorkspaceError
from ..values_io import MAX_IMPORT_BYTES, ImportRejected, import_items
from ..vnformat import Figure, nfc
from . import fonts, tables, watermark

KEY_HEADER = "key"
MM_PER_CHAR = 2.1          # an Excel width unit at Times New Roman 12, roughly
INCH = 25.4


def _sheet_title(label: str, used: set) -> str:
    title = re.sub(r"[\[\]:*?/\\]", "-", label)[:31] or "Phụ lục"
    base, n = title, 2
    while title in used:
        title = f"{base[:28]} ({n})"
        n += 1
    used.add(title)
    return title


FORMULA_STARTS = ("=", "+", "-", "@")


def put(sh, row: int, column: int, value):
    """Write *value* into a cell; text always stays text.

    openpyxl stores a string that starts with '=' as a live formula, and Excel turns text
    starting with '+', '-' or '@' into one when the cell is edited: a note such as
    "=HYPERLINK(…)" would run in the officer's Excel.  Strings are typed as strings, and
    those starting with a formula character carry Excel's quote prefix ('), which shows
    and prints nothing but keeps the text from being read as a formula.
    """
    c = sh.cell(row=row, column=column)
    if isinstance(value, str):
        c.value = value
        c.data_type = "s"
        if value.startswith(FORMULA_STARTS):
            c.quotePrefix = True
    else:
        c.value = value
    return c


def _fill_sheet(sh, table: tables.Table):
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    font = fonts.WORD_FONT
    ncol = len(table.widths)
    thin = Side(style="thin", color="000000")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    center = Alignment(horizontal="center", vertical="center", wrap_text=True)
    r = 1

    def merged_line(text, bold=False, italic=False, size=13):
        nonlocal r
        c = put(sh, r, 1, text)
        c.font = Font(name=font, size=size, bold=bold, italic=italic)
        c.alignment = center
        sh.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
        lines = max(1, int(len(text) * 2.0 / max(1, sum(table.widths) / MM_PER_CHAR)) + 1)
        sh.row_dimensions[r].height = 17 * lines
        r += 1

    merged_line(table.label, bold=True, size=14)
    for line in table.heading:
        merged_line(line, bold=True)
    merged_line(table.attached, italic=True)
    if table.note:
        merged_line(table.note, italic=True)
    r += 1
    first_header = r
    for hrow in table.header:
        for j, text in enumerate(hrow, 1):
            c = put(sh, r, j, text or None)
            c.font = Font(name=font, size=12, bold=True)
            c.alignment = center
            c.border = border
        r += 1
    for (c0, r0), (c1, r1) in table.spans:
        sh.merge_cells(start_row=first_header + r0, start_column=c0 + 1, end_row=first_header + r1, end_column=c1 + 1)
    last_header = r - 1
    key_col = ncol + 1
    if table.value_col is not None:
        put(sh, first_header, key_col, KEY_HEADER)
    h_align = {"LEFT": "left", "CENTER": "center", "RIGHT": "right"}
    # style objects made once and shared: openpyxl interns them, but making them is slow
    body_fonts = {(b, i): Font(name=font, size=12, bold=b, italic=i) for b in (False, True) for i in (False, True)}
    aligns = [Alignment(horizontal=h_align[a], vertical="center", wrap_text=True) for a in table.align] + \
        [Alignment(horizontal="left", vertical="center", wrap_text=True)] * len(table.widths)
    for row in table.rows:
        for j, cell in enumerate(row.cells, 1):
            value = cell.number if cell.number is not None else (cell.text or None)
            c = put(sh, r, j, value)
            bold = row.style in ("group", "total") and (j <= 2 or row.style == "total")
            italic = row.style == "sub" and j == 2
            c.font = body_fonts[(bold, italic)]
            c.alignment = aligns[j - 1]
            c.border = border
            if cell.number is not None:
                c.number_format = ("0." + "0" * cell.number.places if isinstance(cell.number, Figure)
                                   else "#,##0" if float(cell.number) == int(cell.number) else "General")
        if row.span_label:
            sh.merge_cells(start_row=r, start_column=2, end_row=r, end_column=ncol)
        if row.key and table.value_col is not None:
            put(sh, r, key_col, row.key)
        r += 1
    for j, w in enumerate(table.widths, 1):
        sh.column_dimensions[get_column_letter(j)].width = round(w / MM_PER_CHAR, 1)
    if table.value_col is not None:
        sh.column_dimensions[get_column_letter(key_col)].hidden = True
    # printing
    ws_setup = sh.page_setup
    ws_setup.paperSize = sh.PAPERSIZE_A4
    ws_setup.orientation = table.orientation
    ws_setup.fitToWidth = 1
    ws_setup.fitToHeight = 0
    sh.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sh.print_title_rows = f"{first_header}:{last_header}"
    sh.print_area = f"A1:{get_column_letter(ncol)}{max(r - 1, last_header)}"
    m = sh.page_margins
    m.left, m.right, m.top, m.bottom = 30 / INCH, 15 / INCH, 20 / INCH, 20 / INCH
    m.header, m.footer = 10 / INCH, 10 / INCH
    sh.print_options.horizontalCentered = True
    sh.oddHeader.center.text = "&P"   # each sheet numbers its own pages
    sh.freeze_panes = sh.cell(row=last_header + 1, column=1)


def write(ws, code: str, template, path, values=None) -> Path:
    """Write every appendix of *template* for period *code* as one workbook at *path*."""
    from openpyxl import Workbook

    path = Path(path)
    wb = Workbook()
    wb.remove(wb.active)
    used: set = set()
    mark = watermark.text(ws)
    for app in template.appendices:
        table = tables.build(ws, code, app, values)
        sh = wb.create_sheet(_sheet_title(table.label, used))
        _fill_sheet(sh, table)
        if mark:
            watermark.add_to_sheet(sh, mark)
    wb.properties.title = f"{template.title} – {ws.period(code).label}"
    wb.properties.creator = "CCHC Desktop"
    tmp = path.with_name(path.name + ".part")
    wb.save(tmp)
    tmp.replace(path)
    return path


def read_items(ws, path) -> list[tuple[str, object, str | None]]:
    """(key, value, note) of every filled indicator row of a workbook we wrote; ImportRejected otherwise."""
    from openpyxl import load_workbook

    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportRejected(path.name, [(0, "Tệp quá lớn để là bảng số liệu của một kỳ.")])
    try:
        wb = load_workbook(path, data_only=True, read_only=False)
    except Exception as exc:   # not a workbook, damaged, encrypted …
        raise ImportRejected(path.name, [(0, f"Không đọc được tệp Excel ({type(exc).__name__}).")])
    problems, found, seen = [], [], {}
    any_sheet = False
    for sh in wb.worksheets:
        cols = _find_columns(sh)
        if cols is None:
            continue
        any_sheet = True
        key_col, value_col, note_col, header_row = cols
        for r in range(header_row + 1, sh.max_row + 1):
            key = sh.cell(row=r, column=key_col).value
            if not key:
                continue
            key = nfc(str(key))
            where = f"trang “{sh.title}”, dòng {r}"
            cell = sh.cell(row=r, column=value_col)
            raw = cell.value
            places = re.fullmatch(r"0\.(0+)", cell.number_format or "")
            if isinstance(raw, float) and places:   # written as typed ("85,10"): read back so
                raw = Figure(raw, len(places.group(1)))
            note = sh.cell(row=r, column=note_col).value if note_col else None
            if key in seen:
                problems.append((0, f"{where}: mã “{key}” đã có ở {seen[key]}."))
                continue
            seen[key] = where
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            try:
                value = ws.parse_value(key, raw)
            except WorkspaceError as exc:
                problems.append((0, f"{where}: {exc}"))
                continue
            found.append((key, value, nfc(str(note)) if note not in (None, "") else None))
    if not any_sheet:
        raise ImportRejected(path.name, [(0, "Tệp không có bảng chỉ tiêu do CCHC Desktop xuất (thiếu cột mã chỉ tiêu ẩn); "
                                           "bảng chi tiết và tiến độ nhiệm vụ không nhập bằng lệnh này.")])
    if problems:
        raise ImportRejected(path.name, problems)
    return found


def _find_columns(sh):
    """(key column, Số liệu column, Ghi chú column, header row) of an indicators sheet, or None."""
    for r in range(1, min(sh.max_row, 20) + 1):
        row = [sh.cell(row=r, column=c).value for c in range(1, min(sh.max_column, 30) + 1)]
        if KEY_HEADER in row:
            key_col = row.index(KEY_HEADER) + 1
            value_col = note_col = None
            for rr in range(r, min(r + 3, sh.max_row) + 1):
                for c in range(1, key_col):
                    v = sh.cell(row=rr, column=c).value
                    if v == "Số liệu":
                        value_col = c
                    elif v == "Ghi chú":
                        note_col = c
            if value_col is None:
                return None
            header_end = r + 1 if sh.cell(row=r + 1, column=value_col).value == "Số liệu" else r
            return key_col, value_col, note_col, header_end
    return None


def import_workbook(ws, code: str, path) -> int:
    """Import the figures of an appendix workbook into period *code*, all or nothing.

    Rows equal to what the period already holds are skipped (a workbook printed from
    the program imports back as no change); a rate is skipped when its parts are in
    the workbook too, since it is computed from them.
    """
    path = Path(path)
    ws.period(code)
    items = read_items(ws, path)
    keys = {k for k, _, _ in items}
    from .. import rollup
    current = rollup.values(ws, code)
    static = _static_notes(ws)
    out = []
    for key, value, note in items:
        if note is not None and note == static.get(key):
            note = None         # the template's printed note is not the period's own note
        formula = ws.catalogue.formula(key)
        if formula is not None and all(k in keys for k in formula.keys):
            continue
        cell = current.get(key)
        ind = ws.catalogue.get(key)
        if cell is not None and _same(ind, cell.value, value) and (note is None or note == cell.note):
            continue
        out.append((key, value, note))
    if not out:
        return 0
    return import_items(ws, code, out, f"Nhập tệp {path.name}")


def _static_notes(ws) -> dict[str, str]:
    """key → the note every template prints for it (Ghi chú texts that come with the layout)."""
    from .. import templates
    notes = {}
    for name in templates.shipped_names():
        try:
            tpl = templates.load(name, ws)
        except Exception:   # a broken template must not stop an import
            continue
        for _, row in tpl.rows():
            if row.key and row.note:
                notes.setdefault(row.key, row.note)
    return notes


def _same(ind, a, b) -> bool:
    """Equal as printed: a rate read back from its rounded cell is the same rate."""
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return tables.format_value(ind, a)[0] == tables.format_value(ind, b)[0]
    return a == b
