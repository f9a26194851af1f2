"""Where the table is in an upper office's form, whatever its wording.

Each visible sheet is searched for a header row that names a label column ("Chỉ tiêu",
"Nội dung", "Tên chỉ tiêu"…) and a value column ("Số liệu", "Kết quả", "Thực hiện"…),
with STT, unit ("Đơn vị tính", "ĐVT") and note ("Ghi chú") columns when present.  A
header may take two rows ("Kết quả thống kê" merged over "Đơn vị tính" | "Số liệu"), and
a numbering row ("(1) (2) (3)") under it belongs to the header too (it repeats on every
printed page).  The rows under it are read until the signatures: each with its STT,
label, unit, the section heading it sits under and, for a "- Trực tuyến" line under
"Trong đó:", the row it details.

Above the table are the title, the dispatch reference ("Kèm theo Công văn số …/SNV-CCHC
… của Sở Nội vụ tỉnh …", which names the office the form came from) and the cells that
ask for the reporting unit ("Đơn vị báo cáo: ………").
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..vnformat import nfc
from .matching import area_of_heading, fold

_ROMAN = re.compile(r"^(?=[ivxlc]+$)m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})$")
_DOTS = re.compile(r"^(?P<prefix>[^:]{2,80}:)\s*[.…_\s]*$")
_STOP = ("nguoi lap", "thu truong", "tm.", "chu tich", "xac nhan", "giam doc", "noi nhan", "ky ten")
_ROLE_WORDS = {
    "stt": ("stt", "tt", "so tt", "so thu tu"),
    "note": ("ghi chu",),
    "unit": ("don vi tinh", "dvt"),
    "label": ("chi tieu", "noi dung", "ten chi tieu", "tieu chi", "danh muc", "hang muc"),
    "value": ("so lieu", "ket qua", "gia tri", "thuc hien", "so luong", "ky bao cao", "ky nay", "uoc thuc hien"),
}


@dataclass
class FormRow:
    """One row of the form's table."""
    sheet: str
    row: int
    stt: str
    label: str
    unit: str
    section: str = ""          # the section heading above ("II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    context: str = ""          # the row a "- …" line details
    heading: bool = False      # a heading or "Trong đó:" line: nothing to fill
    formula: bool = False      # the form computes the value itself
    hidden: bool = False
    value_cell: str = ""       # "D11"
    note_cell: str = ""

    @property
    def area(self) -> int | None:
        return area_of_heading(self.section) if self.section else None


@dataclass
class FormTable:
    sheet: str
    header_first: int
    header_last: int           # numbering row included
    columns: dict              # role → column number (1-based)
    rows: list = field(default_factory=list)


@dataclass
class FormLayout:
    title: str = ""
    reference: str = ""
    office: str = ""
    tables: list = field(default_factory=list)
    unit_cells: list = field(default_factory=list)   # [(sheet, "A6", "Đơn vị báo cáo:")]

    def rows(self):
        for t in self.tables:
            yield from t.rows


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value == int(value):
        value = int(value)
    return nfc(str(value)).strip()


def _merged_lookup(sheet) -> dict:
    """(row, col) of every cell inside a merged range → its top-left (row, col)."""
    out = {}
    for rng in sheet.merged_cells.ranges:
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                out[(r, c)] = (rng.min_row, rng.min_col)
    return out


def _role(text: str) -> str | None:
    """What a header cell names: stt, note, unit, label (a heading starting so) or value."""
    f = re.sub(r"[^a-z0-9]+", " ", fold(text)).strip()
    if not f:
        return None
    if f in _ROLE_WORDS["stt"]:
        return "stt"
    for role in ("note", "unit", "label"):
        if any(f == w or f.startswith(w + " ") for w in _ROLE_WORDS[role]):
            return role
    if any(f" {w} " in f" {f} " for w in _ROLE_WORDS["value"]):
        return "value"
    return None


def _header(sheet, merged, r: int) -> dict | None:
    """role → column if row *r* (with the row under it) is a table header."""
    def text(row, col):
        top = merged.get((row, col), (row, col))
        return _text(sheet.cell(*top).value)

    width = min(sheet.max_column, 30)
    if not any(_role(text(r, c)) == "label" for c in range(1, width + 1)):
        return None
    cols, values = {}, []
    for c in range(1, width + 1):
        below = text(r + 1, c) if merged.get((r + 1, c)) != merged.get((r, c)) or (r, c) not in merged else ""
        role = _role(below) or _role(text(r, c))
        if role == "value":
            values.append((_this_period(text(r, c) + " " + below), c))
        elif role and role not in cols:
            cols[role] = c
    if values:   # "Kỳ trước | Kỳ này": the figures of this period, never last period's or the plan's
        best = max(values, key=lambda v: (v[0], -v[1]))
        if best[0] >= 0:
            cols["value"] = best[1]
    return cols if "label" in cols and "value" in cols and len(cols) >= 3 else None


def _this_period(text: str) -> int:
    """1 for a column of this period's figures, -1 for last period's or a plan's, 0 unsaid."""
    f = re.sub(r"[^a-z0-9]+", " ", fold(text))
    if re.search(r"\b(ky truoc|cung ky|nam truoc|ke hoach|chi tieu giao|muc tieu)\b", f):
        return -1
    return 1 if re.search(r"\b(ky nay|ky bao cao|nam nay|thuc hien|so lieu)\b", f) else 0


def _is_numbering(values: list[str]) -> bool:
    vals = [v for v in values if v]
    return len(vals) >= 2 and all(re.fullmatch(r"\(?[0-9a-zA-Z]{1,2}\)?(\s*=\s*.*)?", v) and len(v) <= 12
                                  for v in vals)


def _is_heading_stt(stt: str) -> bool:
    f = fold(stt).strip(". ")
    return bool(f) and (bool(_ROMAN.match(f)) or (len(f) == 1 and f.isalpha()))


def _bold(cell) -> bool:
    return bool(cell.font is not None and cell.font.b)


def read(book) -> FormLayout:
    """The layout of a workbook loaded with formulas (openpyxl, not data_only)."""
    layout = FormLayout()
    for sheet in book.worksheets:
        if sheet.sheet_state != "visible":
            continue
        merged = _merged_lookup(sheet)
        found = None
        for r in range(1, min(sheet.max_row, 60) + 1):
            cols = _header(sheet, merged, r)
            if cols:
                found = (r, cols)
                break
        if found is None:
            continue
        first, cols = found
        last = first
        nxt = [_text(sheet.cell(first + 1, c).value) for c in cols.values()]
        if any(_role(v) for v in nxt) or any((first + 1, c) in merged and merged[(first + 1, c)][0] == first
                                             for c in cols.values()):
            last = first + 1
        if _is_numbering([_text(sheet.cell(last + 1, c).value) for c in cols.values()]):
            last += 1
        table = FormTable(sheet.title, first, last, cols)
        _read_rows(sheet, merged, table)
        layout.tables.append(table)
        _read_top(sheet, first, layout)
    for sheet in book.worksheets:
        if sheet.sheet_state == "visible":
            _unit_cells(sheet, layout)
    return layout


def _read_rows(sheet, merged, table: FormTable):
    cols = table.columns
    empty_run, section, context = 0, "", ""
    for r in range(table.header_last + 1, sheet.max_row + 1):
        def at(role):
            c = cols.get(role)
            if c is None:
                return ""
            top = merged.get((r, c), (r, c))
            return _text(sheet.cell(*top).value) if top[0] == r else ""

        stt, label, unit = at("stt"), at("label"), at("unit")
        all_text = " ".join(_text(sheet.cell(r, c).value) for c in range(1, min(sheet.max_column, 30) + 1))
        if any(fold(all_text).strip().startswith(s) for s in _STOP) or re.search(r"ngay\s*\S*\s*thang", fold(all_text)):
            break
        if not label and not stt:
            empty_run += 1
            if empty_run >= 4:
                break
            continue
        empty_run = 0
        vc = cols["value"]
        value_cell = sheet.cell(r, vc)
        value_merged = (r, vc) in merged and merged[(r, vc)] != (r, vc)
        label_cell = sheet.cell(*merged.get((r, cols["label"]), (r, cols["label"])))
        heading = (not unit and (_bold(label_cell) or _is_heading_stt(stt) or (label.isupper() and len(label) > 3)
                                 or label.rstrip().endswith(":"))) or value_merged or not label
        hidden = bool(sheet.row_dimensions[r].hidden)
        row = FormRow(sheet.title, r, stt, label, unit, section=section, heading=heading, hidden=hidden,
                      value_cell="" if value_merged else value_cell.coordinate,
                      note_cell=sheet.cell(r, cols["note"]).coordinate if "note" in cols else "")
        row.formula = isinstance(value_cell.value, str) and value_cell.value.startswith("=")
        sub = stt in ("-", "+", "*", "") or label.startswith(("-", "+")) or re.fullmatch(r"[a-zđ][).]?", fold(stt) or "x") is not None
        if heading and (_is_heading_stt(stt) or label.isupper()):
            section, context = (f"{stt.rstrip('.')}. {label}" if stt else label), ""
            row.section = section
        elif heading:
            pass
        elif sub and context:
            row.context = context
        else:
            context = label
        table.rows.append(row)


def _read_top(sheet, header_row: int, layout: FormLayout):
    lines = []
    for r in range(1, header_row):
        for c in range(1, min(sheet.max_column, 30) + 1):
            t = _text(sheet.cell(r, c).value)
            if t:
                lines.append(t)
    for t in lines:
        f = fold(t)
        if not layout.reference and ("kem theo" in f or re.search(r"\bso\s*:?\s*\S*\d+/\S+", f)):
            layout.reference = t.strip("()")
        elif not layout.title and any(w in f for w in ("bieu", "thong ke", "so lieu", "bao cao", "tong hop")) \
                and len(t) > 15 and ":" not in t:
            layout.title = t
    m = re.search(r"\bcủa\s+(.+?)\)?\s*$", layout.reference)
    if m:
        layout.office = m.group(1).strip()
    elif lines:
        # "UBND TỈNH …" over "SỞ NỘI VỤ" in the top-left corner
        issuer = [t for t in lines[:4] if fold(t).startswith(("so ", "ubnd", "uy ban", "van phong"))]
        layout.office = " ".join(issuer[:2])


def _unit_cells(sheet, layout: FormLayout):
    table_rows = {(t.sheet, r.row) for t in layout.tables for r in t.rows}
    for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, 200), max_col=min(sheet.max_column, 30)):
        for cell in row:
            if not isinstance(cell.value, str) or (sheet.title, cell.row) in table_rows:
                continue
            m = _DOTS.match(nfc(cell.value).strip())
            if m and re.search(r"\b(don vi|ubnd|xa|phuong|co quan|dac khu)\b", fold(m.group("prefix"))) \
                    and len(cell.value) - len(m.group("prefix")) >= 3:
                layout.unit_cells.append((sheet.title, cell.coordinate, m.group("prefix")))
