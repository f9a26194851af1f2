"""The upper office's form, given back filled: the same workbook with our figures in it.

:func:`write_xlsx` opens the province's own bytes and writes only into the value cells of
the rows mapped to an indicator, the note cells left empty by the form, and the cells
asking for the unit's name; sheets, merged cells, widths, fonts, borders and the print
set-up are the province's.  Numbers are numbers; a rate is rounded as its label asks
("làm tròn 2 chữ số thập phân") or as the catalogue prints it, and divided by 100 when
the cell is formatted as a percentage; a coded answer is written with the form's own code
list when it has one ("Có = 1; Không = 2"), by its wording, and left blank when the two
lists do not agree.  A cell the form computes with a formula is left to the formula.
Text that Excel would read as a formula (= + - @ at the start) is written as text.

:func:`write_pdf` prints the filled sheet(s) in the same layout for signature: A4 in the
sheet's orientation, the columns in the sheet's proportions, merged cells, bold and
italic, borders, hidden rows and columns left out, and the table's header rows repeated
on every page.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import rollup
from ..reports import watermark
from ..store import WorkspaceError
from ..vnformat import format_number, nfc
from . import library, safe_xlsx
from .matching import fold

FORMULA_START = ("=", "+", "-", "@")


@dataclass
class FillResult:
    """What a fill wrote and left: for the officer's summary and for tests."""
    written: dict = field(default_factory=dict)     # (sheet, cell) → value written
    blank: list = field(default_factory=list)       # [(MappedRow, reason)]


def form_codes(text: str) -> dict[int, str]:
    """The code list a form prints ("Có = 1; Không = 0" → {1: "Có", 0: "Không"})."""
    return {int(v): nfc(label).strip(" -:;,.") for label, v in re.findall(r"([^=;,\n()]+?)\s*=\s*(\d+)", text or "")}


def decimals_asked(label: str, default: int) -> int:
    """The precision a label asks for ("làm tròn 2 chữ số thập phân", "lấy 1 số lẻ"), else *default*."""
    f = fold(label)
    m = re.search(r"(\d)\s*(chu so thap phan|so le|so sau dau phay)", f)
    if m:
        return int(m.group(1))
    if "so nguyen" in f or "lam tron den don vi" in f:
        return 0
    return default


def cell_value(ws, row: library.MappedRow, value, number_format: str = "General"):
    """(what to write, why not) for *value* of *row*'s indicator in the form's terms."""
    ind = ws.catalogue.get(row.key)
    if value is None or value == "" or ind is None:
        return None, "chưa có số liệu"
    if ind.kind == "code":
        ours = ws.code_list(row.key).get(int(value)) if isinstance(value, (int, float)) else None
        theirs = form_codes(row.unit) or form_codes(row.label)
        if theirs:
            same = [v for v, label in theirs.items() if ours and fold(label) == fold(ours)]
            if len(same) != 1:
                return None, f"mã của biểu mẫu ({row.unit or row.label}) không khớp câu trả lời “{ours or value}”"
            return same[0], ""
        wording = fold(row.unit + " " + row.label)
        if ours and ("co/khong" in wording.replace(" ", "") or "(co, khong)" in wording):
            return ours, ""
        return int(value), ""
    if ind.kind == "text" or isinstance(value, str):
        return nfc(str(value)), ""
    if ind.kind in ("percent", "ratio"):
        places = decimals_asked(row.label + " " + row.unit, ind.decimals if ind.decimals is not None else 2)
        v = round(float(value), places)
        if "%" in (number_format or ""):
            return round(v / 100, places + 2), ""
        return (int(v) if v == int(v) else v), ""
    if isinstance(value, float):
        if value == int(value):
            return int(value), ""
        return round(value, ind.decimals if ind.decimals is not None else 2), ""
    return value, ""


def _set_text(cell, text: str):
    cell.value = text
    if text.startswith(FORMULA_START):
        cell.data_type = "s"     # written as text: a province's cell never becomes a formula


def _unit_name(ws) -> str:
    return ws.unit().get("name") or ""


def fill_book(ws, code: str, form: library.ProvinceForm, values=None):
    """The province's workbook (openpyxl) with period *code*'s figures written in place."""
    book = safe_xlsx.load(form.content, form.file_name)
    cells = values if values is not None else rollup.values(ws, code)
    result = FillResult()
    from .. import consolidation
    answers = consolidation.code_counts_text(ws, code) if consolidation.is_consolidation(ws) else {}
    for r in form.rows:
        if not r.fillable:
            continue
        if r.key is None:
            result.blank.append((r, {library.UNSURE: "chưa chọn chỉ tiêu", library.CLEARED: "cán bộ để trống"}
                                 .get(r.status, "không có chỉ tiêu tương ứng")))
            continue
        sheet = book[r.sheet]
        target = sheet[r.cell]
        cell = cells.get(r.key)
        value = cell.value if cell is not None else None
        if r.formula:
            result.blank.append((r, "biểu mẫu tự tính bằng công thức"))
        else:
            out, why = cell_value(ws, r, value, target.number_format)
            if out is None:
                result.blank.append((r, why))
            else:
                if isinstance(out, str):
                    _set_text(target, out)
                else:
                    target.value = out
                result.written[(r.sheet, r.cell)] = out
        note = answers.get(r.key) or (cell.note if cell is not None else None)
        if note and r.note_cell:
            nc = sheet[r.note_cell]
            if nc.value in (None, ""):
                _set_text(nc, nfc(note))
                result.written[(r.sheet, r.note_cell)] = note
    for sheet_name, coord, prefix in form.unit_cells:
        if sheet_name in book.sheetnames and _unit_name(ws):
            _set_text(book[sheet_name][coord], f"{prefix} {_unit_name(ws)}")
            result.written[(sheet_name, coord)] = _unit_name(ws)
    try:
        book.calculation.fullCalcOnLoad = True   # the form's own formulas see the new figures
    except AttributeError:  # pragma: no cover
        pass
    return book, result


def write_xlsx(ws, code: str, form: library.ProvinceForm, path, values=None) -> Path:
    """Write the filled copy of the province's workbook to *path*."""
    book, _ = fill_book(ws, code, form, values)
    mark = watermark.text(ws)
    if mark:   # a sample's figures must never pass for a unit's: every printed page says so
        for sheet in book.worksheets:
            watermark.add_to_sheet(sheet, mark)
    path = Path(path)
    buf = io.BytesIO()
    book.save(buf)
    path.write_bytes(buf.getvalue())
    return path


# ---- PDF ---------------------------------------------------------------------------------
_PT_PER_CHAR = 5.6       # an Excel width unit in points (Calibri 11 digit + padding), near enough


def _shown(cell, value, ws, form, formula_values):
    """What a cell prints: numbers the Vietnamese way, a formula cell by our figure."""
    if isinstance(value, str) and value.startswith("=") and cell.data_type == "f":
        value = formula_values.get((cell.parent.title, cell.coordinate))
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Có" if value else "Không"
    if isinstance(value, (int, float)):
        if "%" in (cell.number_format or ""):
            return format_number(round(value * 100, 2)) + " %"
        return format_number(value)
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


def _borders(style: list, border, j: int, i: int, colors):
    """The cell's own border lines as reportlab table commands."""
    if border is None:
        return
    for side, cmd in (("top", "LINEABOVE"), ("bottom", "LINEBELOW"), ("left", "LINEBEFORE"), ("right", "LINEAFTER")):
        s = getattr(border, side)
        if s is not None and s.style:
            style.append((cmd, (j, i), (j, i), 1.0 if s.style in ("medium", "thick") else 0.5, colors.black))


def write_pdf(ws, code: str, form: library.ProvinceForm, path, values=None) -> Path:
    """A PDF of the filled form in the sheet's own layout (A4, header rows repeated)."""
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfgen.canvas import Canvas  # noqa: F401  (reportlab loads its fonts)
    from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from openpyxl.utils import get_column_letter

    from ..reports import fonts
    from ..reports.pdfkit import A4_H, A4_W, MM, esc

    fonts.register()
    cells = values if values is not None else rollup.values(ws, code)
    book, _ = fill_book(ws, code, form, cells)
    formula_values = {}
    for r in form.rows:
        if r.formula and r.key and cells.get(r.key) is not None:
            out, _why = cell_value(ws, r, cells[r.key].value)
            formula_values[(r.sheet, r.cell)] = out
    tables = {t["sheet"]: t for t in form.sheets}
    story = []
    first_sheet = True
    orientation = "portrait"
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible" or sheet.title not in tables:
            continue
        spec = tables[sheet.title]
        orientation = sheet.page_setup.orientation or "portrait"
        page_w = (A4_H if orientation == "landscape" else A4_W) - 30 * MM
        ncols = sheet.max_column
        cols = [c for c in range(1, ncols + 1)
                if not sheet.column_dimensions[get_column_letter(c)].hidden]
        while cols and all(sheet.cell(r, cols[-1]).value in (None, "") for r in range(1, sheet.max_row + 1)):
            cols.pop()
        widths = [(sheet.column_dimensions[get_column_letter(c)].width or 8.43) * _PT_PER_CHAR for c in cols]
        scale = page_w / sum(widths)
        widths = [w * scale for w in widths]
        rows = [r for r in range(1, sheet.max_row + 1) if not sheet.row_dimensions[r].hidden]
        while rows and all(sheet.cell(rows[-1], c).value in (None, "") for c in cols):
            rows.pop()
        merged = {}
        for rng in sheet.merged_cells.ranges:
            merged[(rng.min_row, rng.min_col)] = rng
        covered = {(r, c) for rng in sheet.merged_cells.ranges for r in range(rng.min_row, rng.max_row + 1)
                   for c in range(rng.min_col, rng.max_col + 1) if (r, c) != (rng.min_row, rng.min_col)}
        first, last = spec["header"]
        end = max((r.row for r in form.rows if r.sheet == sheet.title), default=last)
        # above the table, the table (its header repeats on each page), and the signatures kept together
        parts = [("top", [r for r in rows if r < first]), ("table", [r for r in rows if first <= r <= end]),
                 ("bottom", [r for r in rows if r > end])]
        while parts[2][1] and all(sheet.cell(parts[2][1][0], c).value in (None, "") for c in cols):
            parts[2][1].pop(0)      # blank lines before the signatures: a spacer stands for them
        if not first_sheet:
            story.append(PageBreak())
        first_sheet = False
        for part, part_rows in parts:
            if not part_rows:
                continue
            data, style = [], [("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                               ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
                               ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]
            index_of_row = {r: i for i, r in enumerate(part_rows)}
            index_of_col = {c: j for j, c in enumerate(cols)}
            for i, r in enumerate(part_rows):
                line = []
                for j, c in enumerate(cols):
                    cell = sheet.cell(r, c)
                    _borders(style, cell.border, j, i, colors)
                    if (r, c) in covered:
                        line.append("")
                        continue
                    text = _shown(cell, cell.value, ws, form, formula_values)
                    f = cell.font
                    size = float(f.sz or 12) if f is not None else 12.0
                    bold, italic = bool(f and f.b), bool(f and f.i)
                    name = [fonts.REGULAR, fonts.ITALIC, fonts.BOLD, fonts.BOLD_ITALIC][bold * 2 + italic]
                    h = (cell.alignment.horizontal or "") if cell.alignment is not None else ""
                    if not h:
                        h = "right" if isinstance(cell.value, (int, float)) else "left"
                    align = {"center": TA_CENTER, "centerContinuous": TA_CENTER, "right": TA_RIGHT,
                             "justify": TA_JUSTIFY}.get(h, TA_LEFT)
                    ps = ParagraphStyle("c", fontName=name, fontSize=size, leading=size * 1.2, alignment=align)
                    line.append(Paragraph(esc(text), ps) if text else "")
                    rng = merged.get((r, c))
                    if rng is not None:
                        r1 = max(x for x in part_rows if x <= rng.max_row)
                        c1 = max((x for x in cols if x <= rng.max_col), default=c)
                        if (r1, c1) != (r, c):
                            style.append(("SPAN", (j, i), (index_of_col[c1], index_of_row[r1])))
                    elif text and part != "table" and not (cell.alignment and cell.alignment.wrap_text):
                        # as Excel shows it: a line of text runs over the empty cells to its right
                        k = j
                        while k + 1 < len(cols) and (r, cols[k + 1]) not in covered and \
                                (r, cols[k + 1]) not in merged and sheet.cell(r, cols[k + 1]).value in (None, ""):
                            k += 1
                        if k > j:
                            style.append(("SPAN", (j, i), (k, i)))
                    fill = cell.fill
                    if fill is not None and fill.fill_type == "solid" and fill.fgColor is not None \
                            and fill.fgColor.type == "rgb" and fill.fgColor.rgb not in ("00000000", "FFFFFFFF"):
                        style.append(("BACKGROUND", (j, i), (j, i), colors.HexColor("#" + fill.fgColor.rgb[-6:])))
                data.append(line)
            repeat = len([r for r in part_rows if first <= r <= last]) if part == "table" else 0
            t = Table(data, colWidths=widths, repeatRows=repeat, hAlign="CENTER")
            t.setStyle(TableStyle(style))
            story.append(KeepTogether([t]) if part == "bottom" else t)
            story.append(Spacer(1, 4))
    if not story:
        raise WorkspaceError(f"Biểu mẫu “{form.title}” không có trang nào để in.")
    pagesize = (A4_H, A4_W) if orientation == "landscape" else (A4_W, A4_H)
    path = Path(path)
    doc = SimpleDocTemplate(str(path), pagesize=pagesize, leftMargin=20 * MM, rightMargin=10 * MM,
                            topMargin=15 * MM, bottomMargin=15 * MM, title=form.title,
                            author=_unit_name(ws), creator="CCHC Desktop")

    mark = watermark.text(ws)

    def number(canvas, doc_):
        if mark:
            watermark.draw_pdf(canvas, mark)
        if doc_.page > 1:
            canvas.setFont(fonts.REGULAR, 11)
            canvas.drawCentredString(pagesize[0] / 2, pagesize[1] - 10 * MM, str(doc_.page))

    doc.build(story, onFirstPage=number, onLaterPages=number)
    return path
