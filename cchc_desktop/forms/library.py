"""The upper office's forms kept in the workspace, with their row-to-indicator mapping.

A form is stored whole (its bytes, as received) beside a mapping: the table found, and
for each row its label, unit, section, the indicator proposed with its confidence and
reason, and the indicator actually used (``key``).  Only *sure* matches are used at once;
a proposal the matcher is unsure of waits for the officer (``status`` "unsure", no key),
and a row the officer sets is "chosen" (or "cleared": left blank on purpose).

The mapping travels on its own as a small JSON file (:func:`export_mapping`): the
province makes it once and sends it with the form, and each commune imports both, so
every commune fills the same rows with the same indicators.
"""
from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..slug import slug
from ..store import WorkspaceError, now, os_error_text
from ..vnformat import nfc
from . import layout as _layout
from . import matching, safe_xlsx

MAPPING_FORMAT = "cchc-province-form-mapping"
MAX_MAPPING_BYTES = 512 * 1024
SURE, UNSURE, NONE, CHOSEN, CLEARED = "sure", "unsure", "none", "chosen", "cleared"
HEADING, HIDDEN = "heading", "hidden"
STATUS_TEXT = {SURE: "khớp chắc chắn", UNSURE: "cần chọn", NONE: "không có chỉ tiêu", CHOSEN: "cán bộ đã chọn",
               CLEARED: "để trống", HEADING: "tiêu đề", HIDDEN: "dòng ẩn"}


@dataclass
class MappedRow:
    """One row of the form and the indicator it is filled from (``key``; None: left blank)."""
    sheet: str
    row: int
    stt: str
    label: str
    unit: str = ""
    section: str = ""
    context: str = ""
    cell: str = ""
    note_cell: str = ""
    formula: bool = False
    status: str = NONE
    key: str | None = None
    proposed: str | None = None
    confidence: float = 0.0
    why: str = ""

    @property
    def fillable(self) -> bool:
        return self.status not in (HEADING, HIDDEN) and bool(self.cell)

    @property
    def ref(self) -> str:
        """How the officer names the row: "II.1" (section number and STT) or the sheet row."""
        sec = self.section.split(".")[0].strip() if self.section else ""
        sec_stt = re.match(r"^([IVXLC]+|[A-Z])\b", sec)
        if not self.stt.strip("-+*. "):
            return f"dòng {self.row}"          # "- Trực tuyến": named by its sheet row
        if sec_stt:
            return f"{sec_stt.group(1)}.{self.stt.rstrip('.')}"
        return self.stt.rstrip(".")


@dataclass
class ProvinceForm:
    """A form as stored: what it is, where it came from, its table and rows."""
    name: str
    title: str
    office: str
    reference: str
    file_name: str
    sha256: str
    sheets: list = field(default_factory=list)        # [{"sheet", "header": [first, last], "columns"}]
    unit_cells: list = field(default_factory=list)    # [[sheet, "A6", "Đơn vị báo cáo:"]]
    rows: list = field(default_factory=list)          # [MappedRow]
    content: bytes | None = None
    imported_at: str = ""
    notes: list = field(default_factory=list)         # what the filled copy will not carry (not stored)
    codes: dict = field(default_factory=dict)       # key → {value: wording} the unit's figures mean

    def mapping_json(self) -> dict:
        return {"version": 1, "sheets": self.sheets, "unit_cells": self.unit_cells,
                "codes": {k: {str(v): w for v, w in c.items()} for k, c in self.codes.items()},
                "rows": [r.__dict__ for r in self.rows]}

    def keep_codes(self, ws):
        """Remember what the unit's coded answers mean now (its current template's code lists),
        so that printing through this form never changes a figure's meaning or its checks."""
        for r in self.rows:
            ind = ws.catalogue.get(r.key) if r.key else None
            if ind is not None and ind.kind == "code" and r.key not in self.codes:
                self.codes[r.key] = dict(ws.code_list(r.key))

    def row(self, sheet: str, row: int) -> MappedRow:
        for r in self.rows:
            if r.sheet == sheet and r.row == row:
                return r
        raise KeyError((sheet, row))

    def counts(self) -> dict:
        out = {}
        for r in self.rows:
            if r.fillable or r.status in (UNSURE, NONE):
                out[r.status] = out.get(r.status, 0) + 1
        return out


# ---- analysing a workbook ------------------------------------------------------------
def analyse(ws, data: bytes, file_name: str, name: str = "", matcher=None) -> ProvinceForm:
    """Read a form's bytes and propose an indicator for each row (nothing stored)."""
    book = safe_xlsx.load(data, file_name)
    try:
        found = _layout.read(book)
    except Exception as exc:   # an odd workbook must give a message, not a crash
        raise WorkspaceError(f"Không đọc được bảng trong tệp “{file_name}”: cấu trúc bảng tính không như tệp Excel "
                             "thông thường. Hãy mở tệp trong Excel, lưu lại (Lưu thành… .xlsx) rồi nhập lại.") from exc
    if not found.tables:
        raise WorkspaceError(f"Không tìm thấy bảng số liệu trong tệp “{file_name}”: cần một dòng tiêu đề có cột "
                             f"chỉ tiêu (“Chỉ tiêu”, “Nội dung”…) và cột số liệu (“Số liệu”, “Kết quả”…).")
    matcher = matcher or matching.default_matcher(ws)
    rows = []
    for r in found.rows():
        m = MappedRow(r.sheet, r.row, r.stt, r.label, r.unit, r.section, r.context, r.value_cell, r.note_cell,
                      r.formula)
        if r.hidden:
            m.status, m.why = HIDDEN, "Dòng bị ẩn trong biểu mẫu: không điền."
        elif r.heading or not r.value_cell:
            m.status = HEADING
        else:
            p = matcher.propose(r.label, r.unit, r.area, r.context, r.section)
            m.proposed, m.confidence, m.why, m.status = p.key, p.confidence, p.why, p.level
            m.key = p.key if p.level == SURE else None
        rows.append(m)
    title = found.title or Path(file_name).stem
    return ProvinceForm(name=name or default_name(title), title=title, office=found.office,
                        reference=found.reference, file_name=Path(file_name).name,
                        sha256=hashlib.sha256(data).hexdigest(),
                        sheets=[{"sheet": t.sheet, "header": [t.header_first, t.header_last], "columns": t.columns}
                                for t in found.tables],
                        unit_cells=[list(c) for c in found.unit_cells], rows=rows, content=data,
                        notes=safe_xlsx.lost_parts(data))


def default_name(title: str) -> str:
    """A short ASCII name for --template from the form's title ("BIỂU TỔNG HỢP SỐ LIỆU CẢI
    CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2022" → "bieu-tong-hop-cchc-6-thang-2022")."""
    text = "-" + slug(title) + "-"
    for long, short in (("-cai-cach-hanh-chinh-", "-cchc-"), ("-thu-tuc-hanh-chinh-", "-tthc-")):
        text = text.replace(long, short)
    drop = {"so", "lieu", "ve", "cua", "va", "nam", "dau", "ket", "qua", "thuc", "hien", "cong", "tac"}
    words = [w for w in text.strip("-").split("-") if w and w not in drop]
    year = next((w for w in reversed(words) if re.fullmatch(r"20\d\d", w)), "")
    words = [w for w in words if w != year][:6] + ([year] if year else [])
    return "-".join(words)[:50].strip("-") or "bieu-cap-tren"


def _check_name(name: str):
    from .. import templates
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,59}", name or ""):
        raise WorkspaceError(f"Tên mẫu “{name}” không hợp lệ: chỉ dùng chữ thường không dấu, số và dấu “-” "
                             f"(ví dụ: bieu-snv-2026).")
    if name in templates.shipped_names():
        raise WorkspaceError(f"Tên “{name}” trùng một mẫu có sẵn; chọn tên khác.")


def apply_maps(form: ProvinceForm, maps, cat) -> None:
    """Apply "STT=key" choices (STT as "II.1", "1" when unique, or "dòng 19" / "r19")."""
    for item in maps or ():
        ref, sep, key = str(item).rpartition("=")
        ref, key = nfc(ref).strip(), key.strip()
        if not sep or not ref:
            raise WorkspaceError(f"“{item}” không đúng dạng STT=mã (ví dụ: II.1=dossier.received_total).")
        row_no = re.fullmatch(r"(?:r|dòng\s*|dong\s*)(\d+)", ref, re.I)
        rows = [r for r in form.rows if r.fillable and (
            (row_no and r.row == int(row_no.group(1))) or (not row_no and r.ref.lower() == ref.lower()))]
        if not rows and not row_no:
            rows = [r for r in form.rows if r.fillable and r.stt.rstrip(".") == ref.rstrip(".")]
        if len(rows) != 1:
            where = "không có dòng nào" if not rows else f"có {len(rows)} dòng ({', '.join(r.ref for r in rows)})"
            raise WorkspaceError(f"--map {item}: {where} mang STT “{ref}”; ghi rõ hơn, ví dụ II.1 hoặc dòng 19.")
        if key in ("", "-"):
            rows[0].key, rows[0].status = None, CLEARED
        elif cat.get(key) is None:
            raise WorkspaceError(f"--map {item}: mã “{key}” không có trong danh mục chỉ tiêu.")
        else:
            rows[0].key, rows[0].status = key, CHOSEN


# ---- the exchangeable mapping file ---------------------------------------------------
def export_mapping(form: ProvinceForm) -> dict:
    """The mapping as the small file a province sends to all its communes."""
    return {"format": MAPPING_FORMAT, "version": 1, "title": form.title, "office": form.office,
            "reference": form.reference, "file_name": form.file_name, "sha256": form.sha256,
            "rows": [{"sheet": r.sheet, "row": r.row, "stt": r.stt, "label": r.label, "key": r.key}
                     for r in form.rows if r.fillable]}


def read_mapping_file(path) -> dict:
    """A mapping file, checked for shape (it came from outside)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_MAPPING_BYTES:
            raise WorkspaceError(f"Tệp ánh xạ “{path.name}” quá lớn.")
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise WorkspaceError(f"Không đọc được tệp ánh xạ “{path.name}”: {os_error_text(exc)}.") from exc
    except UnicodeDecodeError as exc:
        raise WorkspaceError(f"Tệp ánh xạ “{path.name}” không phải văn bản UTF-8.") from exc
    except json.JSONDecodeError as exc:
        raise WorkspaceError(f"Tệp ánh xạ “{path.name}” không đúng định dạng JSON "
                             f"(dòng {exc.lineno}, cột {exc.colno}).") from exc
    if not isinstance(data, dict) or data.get("format") != MAPPING_FORMAT or not isinstance(data.get("rows"), list):
        raise WorkspaceError(f"Tệp “{path.name}” không phải tệp ánh xạ biểu mẫu của CCHC Desktop.")
    return data


def apply_mapping_file(form: ProvinceForm, data: dict, cat) -> list[str]:
    """Take the rows' indicators from a province's mapping file; returns what could not be taken."""
    problems = []
    for item in data["rows"]:
        if not isinstance(item, dict):
            continue
        try:
            row = form.row(str(item.get("sheet")), int(item.get("row")))
        except (KeyError, TypeError, ValueError):
            problems.append(f"Dòng {item.get('row')} của tệp ánh xạ không có trong biểu mẫu.")
            continue
        if matching.fold(row.label).strip() != matching.fold(str(item.get("label") or "")).strip():
            problems.append(f"Dòng {row.row} “{row.label}” khác với tệp ánh xạ (“{item.get('label')}”): giữ đề xuất.")
            continue
        key = item.get("key")
        if key is None:
            row.key, row.status = None, CLEARED
        elif isinstance(key, str) and cat.get(key) is not None:
            row.key, row.status = key, CHOSEN
        else:
            problems.append(f"Dòng {row.row}: mã “{key}” không có trong danh mục; để trống.")
            row.key, row.status = None, CLEARED
    if data.get("sha256") and data["sha256"] != form.sha256:
        problems.insert(0, "Tệp ánh xạ được làm cho một bản khác của biểu mẫu; các dòng trùng tên đã được áp dụng.")
    return problems


# ---- storing ---------------------------------------------------------------------------
def save(ws, form: ProvinceForm, *, replace: bool = False) -> ProvinceForm:
    """Store (or replace) a form and its mapping in the workspace (one operation, audited)."""
    _check_name(form.name)
    if form.content is None:
        raise WorkspaceError("Thiếu nội dung tệp biểu mẫu.")
    old = ws.conn.execute("SELECT name FROM province_forms WHERE name = ?", (form.name,)).fetchone()
    if old and not replace:
        raise WorkspaceError(f"Đã có mẫu tên “{form.name}”; chọn tên khác hoặc thay mẫu cũ.")
    form.keep_codes(ws)
    mapping = json.dumps(form.mapping_json(), ensure_ascii=False)
    form.imported_at = form.imported_at or now()
    with ws.operation(f"Nhập biểu mẫu của cấp trên: {form.title}", undoable=False):
        ws.conn.execute("DELETE FROM province_forms WHERE name = ?", (form.name,))
        ws.conn.execute(
            "INSERT INTO province_forms (name, title, office, reference, file_name, content, sha256, mapping, "
            "imported_at, imported_by) VALUES (?,?,?,?,?,?,?,?,?,?)",
            (form.name, form.title, form.office, form.reference, form.file_name, form.content, form.sha256,
             mapping, form.imported_at, ws.user))
        ws.log_change(None, "province_form", form.name, None, f"{form.title} ({form.file_name})",
                  "replace" if old else "import")
    return form


def set_row_key(ws, name: str, sheet: str, row: int, key: str | None) -> MappedRow:
    """The officer's choice for one row (None: leave it blank); stored and audited."""
    form = get(ws, name)
    r = form.row(sheet, row)
    if key is not None and ws.catalogue.get(key) is None:
        raise WorkspaceError(f"Mã “{key}” không có trong danh mục chỉ tiêu.")
    before = r.key
    r.key, r.status = (key, CHOSEN) if key else (None, CLEARED)
    form.keep_codes(ws)
    with ws.operation(f"Sửa ánh xạ biểu mẫu {form.title}, dòng {r.ref}", undoable=False):
        ws.conn.execute("UPDATE province_forms SET mapping = ? WHERE name = ?",
                        (json.dumps(form.mapping_json(), ensure_ascii=False), name))
        ws.log_change(None, "province_form", f"{name}:{r.sheet}!{r.cell}", before, key, "set")
    return r


def _from_row(row, with_content: bool) -> ProvinceForm:
    m = json.loads(row["mapping"])
    rows = [MappedRow(**{k: v for k, v in r.items() if k in MappedRow.__dataclass_fields__}) for r in m["rows"]]
    return ProvinceForm(name=row["name"], title=row["title"], office=row["office"], reference=row["reference"],
                        file_name=row["file_name"], sha256=row["sha256"], sheets=m.get("sheets", []),
                        unit_cells=m.get("unit_cells", []), rows=rows,
                        codes={k: {int(v): w for v, w in c.items()} for k, c in m.get("codes", {}).items()},
                        content=bytes(row["content"]) if with_content else None, imported_at=row["imported_at"])


def has_table(ws) -> bool:
    return ws.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'province_forms'").fetchone() is not None


def forms(ws) -> list[ProvinceForm]:
    """Every form the workspace holds (without the bytes), newest first."""
    if not has_table(ws):
        return []
    cur = ws.conn.execute("SELECT name, title, office, reference, file_name, sha256, mapping, imported_at, "
                          "NULL AS content FROM province_forms ORDER BY imported_at DESC, name")
    return [_from_row(r, False) for r in cur]


def find(ws, name: str, *, with_content: bool = True) -> ProvinceForm | None:
    if not name or not has_table(ws):
        return None
    row = ws.conn.execute("SELECT * FROM province_forms WHERE name = ?", (name,)).fetchone()
    return _from_row(row, with_content) if row else None


def get(ws, name: str, *, with_content: bool = True) -> ProvinceForm:
    form = find(ws, name, with_content=with_content)
    if form is None:
        raise WorkspaceError(f"Không có biểu mẫu của cấp trên tên “{name}”.")
    return form


def delete(ws, name: str):
    form = get(ws, name, with_content=False)
    with ws.operation(f"Xóa biểu mẫu của cấp trên: {form.title}", undoable=False):
        ws.conn.execute("DELETE FROM province_forms WHERE name = ?", (name,))
        ws.log_change(None, "province_form", name, form.title, None, "delete")


def import_file(ws, path, name: str = "", maps=(), mapping_path=None, *, replace: bool = False):
    """Read, match and store a form in one call (the command line's way); returns (form, problems)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise WorkspaceError(f"Không đọc được tệp “{path}”: {os_error_text(exc)}.") from exc
    form = analyse(ws, data, path.name, name)
    problems = list(form.notes)
    if mapping_path:
        problems += apply_mapping_file(form, read_mapping_file(mapping_path), ws.catalogue)
    apply_maps(form, maps, ws.catalogue)
    save(ws, form, replace=replace)
    return form, problems


# ---- as a template ---------------------------------------------------------------------
def as_template(form: ProvinceForm):
    """The form as an appendix template: its rows, wording and order, for entry and checks."""
    from ..templates import Appendix, Row, Template
    rows = []
    for r in form.rows:
        if r.status == HIDDEN or (r.fillable and not r.key):
            continue   # a row with no indicator has nothing to type (and "6" must not read as area 6)
        style = "group" if r.status == HEADING else ("sub" if r.context else "item")
        key = r.key if r.fillable else None
        rows.append(Row(stt=r.stt, label=r.label, unit=r.unit, key=key, style=style,
                        codes=dict(form.codes.get(key) or {}) if key else {}))
    app = Appendix(id="1", label=form.title, heading=(), kind="indicators", rows=tuple(rows))
    return Template(name=form.name, title=form.title, source=form.file_name, appendices=(app,),
                    office=form.office, form=form.name)
