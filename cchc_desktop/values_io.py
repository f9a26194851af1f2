"""Figures in and out of a period as files: CSV and JSON (Excel lives with the appendices).

An import is all or nothing: every line is read and checked first; one bad line (unknown
key, bad number, code outside its list, duplicate key, wrong header) rejects the file
with a message naming each bad line, and the workspace is not touched.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from . import rollup
from .store import Workspace, WorkspaceError
from .vnformat import format_number, nfc

MAX_IMPORT_BYTES = 5 * 1024 * 1024


class ImportRejected(WorkspaceError):
    """The file was refused; :attr:`problems` lists (line number, Vietnamese message)."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.problems = problems
        lines = "\n".join(f"  dòng {n}: {msg}" if n else f"  {msg}" for n, msg in problems)
        super().__init__(f"Không nhập tệp “{source}”: có {len(problems)} lỗi, chưa ghi số liệu nào.\n{lines}")


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a CSV file, header included; the delimiter may be , ; or tab."""
    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportRejected(path.name, [(0, "Tệp quá lớn để là bảng số liệu của một kỳ.")])
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1258")   # Vietnamese Windows code page, as old Excel saves
        except UnicodeDecodeError:
            raise ImportRejected(path.name, [(0, "Tệp không phải văn bản UTF-8 (hãy lưu từ Excel dạng “CSV UTF-8”).")])
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, [nfc(c) for c in cells]))
    except csv.Error as exc:
        raise ImportRejected(path.name, [(reader.line_num, f"dòng CSV hỏng ({exc}).")])
    return rows


def check_rows(ws: Workspace, rows, source: str) -> list[tuple[str, object, str | None]]:
    """Check (line, [key, value, note]) rows; returns parsed items or raises ImportRejected."""
    problems = []
    if not rows:
        raise ImportRejected(source, [(0, "Tệp trống.")])
    line, header = rows[0]
    header = [h.lower() for h in header]
    if header[:2] != ["key", "value"] or len(header) > 3 or (len(header) == 3 and header[2] != "note"):
        raise ImportRejected(source, [(line, f"Dòng tiêu đề phải là “key,value” hoặc “key,value,note”, "
                                             f"không phải “{','.join(rows[0][1])}”.")])
    seen: dict[str, int] = {}
    items = []
    for line, cells in rows[1:]:
        if not any(cells):
            continue
        if len(cells) > len(header):
            problems.append((line, f"có {len(cells)} cột, nhiều hơn tiêu đề ({len(header)})."))
            continue
        key = cells[0]
        value = cells[1] if len(cells) > 1 else ""
        note = cells[2] if len(cells) > 2 and cells[2] else None
        if key in seen:
            problems.append((line, f"mã “{key}” đã có ở dòng {seen[key]}."))
            continue
        seen[key] = line
        try:
            parsed = ws.parse_value(key, value)
        except WorkspaceError as exc:
            problems.append((line, str(exc)))
            continue
        ind = ws.catalogue[key]
        if ind.derived and parsed is not None:
            pass  # a typed rate is allowed: the checks compare it with its parts
        items.append((key, parsed, note))
    if problems:
        raise ImportRejected(source, problems)
    return items


def import_csv(ws: Workspace, code: str, path) -> int:
    """Import a key,value[,note] CSV into period *code*, all or nothing; returns the count."""
    path = Path(path)
    ws.period(code)  # an unknown period is refused before the file is read
    items = check_rows(ws, read_rows(path), path.name)
    return import_items(ws, code, items, f"Nhập tệp {path.name}")


def import_items(ws: Workspace, code: str, items, label: str) -> int:
    """Write already-checked (key, value, note) items in one operation."""
    ws.set_values(code, [(k, v if v is not None else None, n) for k, v, n in items], label=label)
    return len(items)


def export_rows(ws: Workspace, code: str, typed_only: bool = False) -> list[dict]:
    """The period's figures as dicts {key, value, note, source}, in catalogue order."""
    cells = rollup.values(ws, code)
    out = []
    for ind in ws.catalogue:
        cell = cells.get(ind.key)
        if cell is None or (typed_only and not cell.typed):
            continue
        out.append({"key": ind.key, "value": cell.value, "note": cell.note, "source": cell.source})
    return out


def plain_number(value) -> str:
    """Numbers for files that machines read back: no thousands dots, a decimal comma."""
    if isinstance(value, float):
        value = round(value, 6)
        if value == int(value):
            return str(int(value))
        return format_number(value).replace(".", "")
    return "" if value is None else str(value)


def export_csv(rows: list[dict]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["key", "value", "note"])
    for r in rows:
        w.writerow([r["key"], plain_number(r["value"]), r["note"] or ""])
    return buf.getvalue()


def export_json(rows: list[dict]) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=1)
