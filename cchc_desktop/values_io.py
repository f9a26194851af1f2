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
from .vnformat import Figure, format_number, nfc

MAX_IMPORT_BYTES = 5 * 1024 * 1024
SHOWN_PROBLEMS = 20   # lines of a refusal printed; ImportRejected.problems has them all
# A period's workbook is a few hundred rows in well under a megabyte of XML: what a zip
# declares beyond this (a "zip bomb" of 167 KB that unpacks to 2 million rows) is refused
# before a spreadsheet library reads a byte of it.
MAX_XLSX_UNPACKED = 32 * 1024 * 1024
MAX_XLSX_ROWS = 20_000


class ImportRejected(WorkspaceError):
    """The file was refused; :attr:`problems` lists (line number, Vietnamese message)."""

    def __init__(self, source: str, problems: list[tuple[int, str]]):
        self.problems = problems
        lines = "\n".join(f"  dòng {n}: {msg}" if n else f"  {msg}" for n, msg in problems[:SHOWN_PROBLEMS])
        if len(problems) > SHOWN_PROBLEMS:
            lines += f"\n  … và {format_number(len(problems) - SHOWN_PROBLEMS)} lỗi khác."
        super().__init__(f"Không nhập tệp “{source}”: có {format_number(len(problems))} lỗi, "
                         f"chưa ghi số liệu nào.\n{lines}")


def decode_text(raw: bytes, source: str) -> str:
    """The text of a CSV file as Excel and Notepad save it: UTF-8 (with or without BOM),
    UTF-16 with its BOM (Excel's “Unicode Text”) or without one, or the Vietnamese Windows
    code page; ImportRejected naming the encoding to use otherwise."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            raise ImportRejected(source, [(0, "Tệp ghi dạng UTF-16 nhưng bị hỏng; hãy lưu lại từ Excel "
                                               "dạng “CSV UTF-8 (Comma delimited)”.")]) from None
    if b"\x00" in raw[:4096]:
        # UTF-16 without its mark: every other byte of ASCII text is zero
        even, odd = raw[0:4096:2].count(0), raw[1:4096:2].count(0)
        encoding = "utf-16-le" if odd > even else "utf-16-be"
        try:
            return raw.decode(encoding)
        except UnicodeDecodeError:
            raise ImportRejected(source, [(0, "Tệp chứa ký tự NUL, không phải văn bản CSV; hãy lưu lại từ Excel "
                                               "dạng “CSV UTF-8 (Comma delimited)”.")]) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1258")   # Vietnamese Windows code page, as old Excel saves
        except UnicodeDecodeError:
            raise ImportRejected(source, [(0, "Tệp không phải văn bản UTF-8 (hãy lưu từ Excel dạng “CSV UTF-8”).")]) \
                from None


def check_workbook(path) -> None:
    """Refuse an .xlsx that unpacks to more than any period's workbook, before it is parsed:
    the sizes its zip declares (which the zip reader also holds it to) and the rows of its
    sheets, counted while streaming and stopped at the limit."""
    import zipfile
    path = Path(path)
    too_big = ImportRejected(path.name, [(0, "Tệp Excel bung ra lớn bất thường (quá nhiều dòng hoặc dữ liệu) "
                                             "so với bảng số liệu của một kỳ; không đọc.")])
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
            if len(members) > 2000 or sum(m.file_size for m in members) > MAX_XLSX_UNPACKED:
                raise too_big
            rows = 0
            for m in members:
                if not (m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")):
                    continue
                with zf.open(m) as fh:
                    tail = b""
                    while chunk := fh.read(1 << 16):
                        block = tail + chunk
                        rows += block.count(b"<row") + block.count(b":row ")
                        if rows > MAX_XLSX_ROWS:
                            raise too_big
                        tail = block[-5:]
                        rows -= tail.count(b"<row") + tail.count(b":row ")   # counted again with the next chunk
    except ImportRejected:
        raise
    except Exception as exc:   # BadZipFile, zlib.error, an encrypted member (RuntimeError), OSError …
        raise ImportRejected(path.name, [(0, "Không đọc được tệp Excel (tệp hỏng).")]) from exc


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) of a CSV file, header included; the delimiter may be , ; or tab."""
    path = Path(path)
    if not path.is_file():
        raise WorkspaceError(f"Không tìm thấy tệp: {path}")
    if path.stat().st_size > MAX_IMPORT_BYTES:
        raise ImportRejected(path.name, [(0, "Tệp quá lớn để là bảng số liệu của một kỳ.")])
    text = decode_text(path.read_bytes(), path.name)
    first = text.split("\n", 1)[0]
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    rows = []
    try:
        for cells in reader:
            rows.append((reader.line_num, [nfc(c) for c in cells]))
    except csv.Error as exc:
        raise ImportRejected(path.name, [(reader.line_num, "dòng CSV hỏng (dấu ngoặc kép chưa đóng, "
                                                            "ký tự lạ hoặc ô quá dài).")]) from exc
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
    rows = read_rows(path)
    items = check_rows(ws, rows, path.name)
    # a file without a note column says nothing about notes: they stay as they are
    has_notes = len(rows[0][1]) >= 3
    return import_items(ws, code, items, f"Nhập tệp {path.name}", replace_notes=has_notes)


def import_items(ws: Workspace, code: str, items, label: str, *, replace_notes: bool = True) -> int:
    """Write already-checked (key, value, note) items in one operation (*replace_notes*
    False: an item without a note keeps the note the figure has)."""
    ws.set_values(code, [(k, v if v is not None else None, n) for k, v, n in items], label=label,
                  replace_notes=replace_notes)
    return len(items)


def export_rows(ws: Workspace, code: str, typed_only: bool = False) -> list[dict]:
    """The period's figures as dicts {key, value, note, source}, in catalogue order."""
    cells = rollup.values(ws, code)
    entries = ws.entries(code)
    out = []
    for ind in ws.catalogue:
        cell = cells.get(ind.key)
        if cell is None:
            # a note kept on a figure left blank (seed 004: "Báo cáo ghi 4 …") travels too
            note = (entries.get(ind.key) or {}).get("note")
            if note:
                out.append({"key": ind.key, "value": None, "note": note, "source": "typed"})
            continue
        if typed_only and not cell.typed:
            continue
        out.append({"key": ind.key, "value": cell.value, "note": cell.note, "source": cell.source})
    return out


def plain_number(value) -> str:
    """Numbers for files that machines read back: no thousands dots, a decimal comma."""
    if isinstance(value, Figure):   # typed with its decimals ("85,10"): exported as typed
        return format_number(value).replace(".", "")
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
