"""Importing the annual plan's tasks from an Excel sheet laid out like seed 001's appendix.

The sheet: a header row naming the columns (TT | Nội dung | Đơn vị thực hiện | Đơn vị
phối hợp | Thời gian hoàn thành | Đã thực hiện | Sản phẩm đầu ra | Tỷ lệ hoàn thành |
Ghi chú, in any order, some may be missing), area headings ("I  CÔNG TÁC CHỈ ĐẠO ĐIỀU
HÀNH") and numbered task rows under them.  The import is all or nothing: one bad row
refuses the file with its line number and nothing changes.

openpyxl is imported inside :func:`read_tasks` (start-up stays light); it reads XML
through defusedxml, so a hostile workbook is refused with a clear message.
"""
from __future__ import annotations

import datetime as _dt
import re
import zipfile
from pathlib import Path

from . import plans
from .store import Workspace, WorkspaceError
from .vnformat import NumberError, nfc, parse_number

# column → words that name it in a header cell (checked in this order)
_COLUMNS = (
    ("status", ("đã thực hiện", "tình trạng", "trạng thái", "kết quả thực hiện", "tiến độ")),
    ("percent_done", ("tỷ lệ", "tỉ lệ", "% hoàn thành")),
    ("partners", ("phối hợp",)),
    ("lead", ("đơn vị thực hiện", "chủ trì", "thực hiện", "đơn vị")),
    ("deadline", ("thời gian", "thời hạn", "hoàn thành")),
    ("output", ("sản phẩm",)),
    ("note", ("ghi chú",)),
    ("area", ("lĩnh vực",)),
    ("content", ("nội dung", "nhiệm vụ")),
    ("seq", ("stt", "tt")),
)

# Words of an area heading → reform area (1–7)
_AREAS = ((1, ("chỉ đạo", "điều hành", "tuyên truyền")), (2, ("thể chế",)), (3, ("thủ tục",)),
          (4, ("tổ chức bộ máy", "bộ máy")), (5, ("công vụ", "cán bộ", "công chức")),
          (6, ("tài chính",)), (7, ("điện tử", "chính quyền số", "chính phủ số", "hiện đại hóa", "hiện đại hoá")))
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7}


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, _dt.datetime):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return re.sub(r"\s+", " ", nfc(str(value)) or "")


def _header_columns(cells: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for i, text in enumerate(cells):
        low = text.lower()
        if not low:
            continue
        for name, words in _COLUMNS:
            if name in found:
                continue
            if any(low == w or (w not in ("tt", "stt") and w in low) for w in words):
                found[name] = i
                break
    return found


def _area_of(heading: str, roman: str) -> int | None:
    low = heading.lower()
    for area, words in _AREAS:
        if any(w in low for w in words):
            return area
    return _ROMAN.get(roman.upper().strip(". "))


def _percent(cell_value, number_format: str, line: int):
    if cell_value in (None, ""):
        return None
    if isinstance(cell_value, (int, float)) and not isinstance(cell_value, bool):
        value = float(cell_value)
        if "%" in (number_format or "") or (0 < value < 1):
            value *= 100    # Excel keeps 100 % as 1.0
        return round(value, 2)
    text = _text(cell_value)
    m = re.search(r"\d+(?:[.,]\d+)?\s*%?", text)
    if not m:
        return None if not re.search(r"\d", text) else _bad(line, f"tỷ lệ hoàn thành “{text}” không phải là số")
    try:
        return parse_number(m.group(0), "percent")
    except NumberError as exc:
        _bad(line, f"tỷ lệ hoàn thành {exc}")


def _bad(line: int, what: str):
    raise WorkspaceError(f"Dòng {line}: {what}.")


def read_tasks(path, year: int) -> list[dict]:
    """The task rows of the first sheet that has a task header; WorkspaceError when unreadable."""
    path = Path(path)
    if not path.exists():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    try:
        import openpyxl
        from openpyxl.utils.exceptions import InvalidFileException
    except ImportError as exc:  # pragma: no cover - dependency of the program
        raise WorkspaceError("Thiếu thư viện đọc Excel (openpyxl).") from exc
    try:
        from defusedxml import DefusedXmlException
    except ImportError:  # pragma: no cover
        DefusedXmlException = ValueError
    try:
        book = openpyxl.load_workbook(path, data_only=True, read_only=False)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, OSError, ValueError, TypeError,
            DefusedXmlException) as exc:
        raise WorkspaceError(f"Tệp “{path.name}” không phải bảng tính Excel (.xlsx) đọc được hoặc đã bị hỏng "
                             f"({type(exc).__name__}).") from exc
    except Exception as exc:   # any other parser failure on an untrusted file: refuse it clearly
        raise WorkspaceError(f"Tệp “{path.name}” không đọc được ({type(exc).__name__}).") from exc
    try:
        for sheet in book.worksheets:
            rows = _sheet_tasks(sheet, year)
            if rows is not None:
                return rows
    finally:
        book.close()
    raise WorkspaceError(f"Tệp “{path.name}” không có bảng nhiệm vụ: cần một dòng tiêu đề có cột “Nội dung”.")


def _sheet_tasks(sheet, year: int) -> list[dict] | None:
    header_line, cols = None, {}
    grid = list(sheet.iter_rows(max_row=min(sheet.max_row or 0, 2000)))
    for i, row in enumerate(grid[:30]):
        found = _header_columns([_text(c.value) for c in row])
        if "content" in found and len(found) >= 3:
            header_line, cols = i, found
            break
    if header_line is None:
        return None
    out, area = [], None
    for i, row in enumerate(grid[header_line + 1:], header_line + 2):
        def get(name):
            idx = cols.get(name)
            return row[idx] if idx is not None and idx < len(row) else None

        seq_text = _text(get("seq").value) if get("seq") is not None else ""
        content = _text(get("content").value) if get("content") is not None else ""
        others = [_text(c.value) for j, c in enumerate(row) if j not in (cols.get("seq"), cols.get("content"))]
        if not content and not seq_text and not any(others):
            continue
        if re.fullmatch(r"[IVX]+\.?", seq_text) or (not seq_text and content.isupper() and not any(others)):
            area = _area_of(content, seq_text)   # an area heading
            continue
        if re.fullmatch(r"\(\d+\)", seq_text) or re.fullmatch(r"\(\d+\)", content) or content.lower() == "nội dung":
            continue   # the column numbering row "(1) (2) …" or a repeated header
        if not content:
            _bad(i, "nhiệm vụ chưa có nội dung")
        pct_cell = get("percent_done")
        task = {
            "_line": i,
            "seq": int(re.sub(r"\D", "", seq_text)) if re.search(r"\d", seq_text) else 0,
            "area": area,
            "content": content,
            "lead": _text(get("lead").value) if get("lead") is not None else "",
            "partners": _text(get("partners").value) if get("partners") is not None else "",
            "deadline": _text(get("deadline").value) if get("deadline") is not None else "",
            "output": _text(get("output").value) if get("output") is not None else "",
            "status": _text(get("status").value) if get("status") is not None else "",
            "percent_done": _percent(pct_cell.value, pct_cell.number_format, i) if pct_cell is not None else None,
            "note": _text(get("note").value) if get("note") is not None else "",
        }
        if get("area") is not None and _text(get("area").value):
            a = _text(get("area").value)
            task["area"] = int(a) if a.isdigit() else _area_of(a, a)
        if task["deadline"]:
            plans.deadline_end(task["deadline"], year, f"Dòng {i}")
        out.append(task)
    if not out:
        raise WorkspaceError(f"Trang “{sheet.title}” có dòng tiêu đề nhưng không có nhiệm vụ nào.")
    return out


def import_tasks(ws: Workspace, year: int, path, replace: bool = True) -> int:
    """Read the tasks of *path* into the year's plan (replacing them by default); returns how many.

    All or nothing: a bad row refuses the whole file with its line number.
    """
    rows = read_tasks(path, year)
    name = Path(path).name
    if replace:
        return plans.replace_tasks(ws, year, rows, f"Nhập nhiệm vụ năm {year} từ {name}")
    start = len(ws.plan_tasks(year))
    for k, r in enumerate(rows, 1):
        r["seq"] = start + k
    existing = [dict(t) for t in ws.plan_tasks(year)]
    return plans.replace_tasks(ws, year, existing + rows, f"Nhập nhiệm vụ năm {year} từ {name}") - len(existing)
