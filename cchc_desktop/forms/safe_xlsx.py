"""Opening an Excel file that came by e-mail, without trusting it.

An .xlsx is a zip of XML parts.  Before openpyxl reads a byte, the zip's directory is
checked: the file's own size, the number of parts, each part's and the total uncompressed
size and the compression ratio (a "zip bomb" of a few kB can unpack to gigabytes).  The
XML is then parsed by openpyxl through defusedxml (no entity expansion, no external
entities); the program refuses to open a form at all if defusedxml is missing.  Old .xls
files (not a zip) and files that are not workbooks get a plain Vietnamese message.
"""
from __future__ import annotations

import io
import zipfile
import zlib

from ..store import WorkspaceError

MAX_FILE_BYTES = 10 * 1024 * 1024          # a province's form is a few dozen kB
MAX_PARTS = 500
MAX_PART_BYTES = 40 * 1024 * 1024          # one sheet's XML, uncompressed
MAX_TOTAL_BYTES = 100 * 1024 * 1024        # every part, uncompressed
MAX_RATIO = 200                            # uncompressed / compressed, for parts over 1 MB
MAX_ROWS, MAX_COLUMNS = 5000, 200          # a collection form is one page or a few


class FormFileError(WorkspaceError):
    """A workbook that cannot or must not be opened, with the reason in Vietnamese."""


def check_bytes(data: bytes, shown: str) -> None:
    """Refuse *data* unless it is a plausible, bounded .xlsx (the zip directory and the first
    bytes of each XML part are read; nothing is parsed)."""
    if len(data) > MAX_FILE_BYTES:
        raise FormFileError(f"Tệp “{shown}” quá lớn ({len(data) // 1024 // 1024} MB) cho một biểu mẫu; "
                            f"giới hạn {MAX_FILE_BYTES // 1024 // 1024} MB.")
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FormFileError(f"Tệp “{shown}” là Excel cũ (.xls). Hãy mở bằng Excel, chọn Lưu thành → "
                            f"Sổ làm việc Excel (.xlsx) rồi nhập tệp .xlsx.")
    if not data.startswith(b"PK"):
        raise FormFileError(f"Tệp “{shown}” không phải tệp Excel (.xlsx).")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            _check_sizes(infos, shown)
            for i in infos:
                if i.filename.endswith((".xml", ".rels")) and not i.flag_bits & 0x1:
                    with zf.open(i) as part:
                        head = part.read(4096)
                    # Office never writes a DTD; one in a received file is an entity attack
                    if b"<!DOCTYPE" in head or b"<!ENTITY" in head:
                        raise FormFileError(f"Không đọc được tệp “{shown}”: phần {i.filename} có khai báo "
                                            f"DTD/ENTITY mà Excel không bao giờ ghi — có thể là tệp độc hại.")
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, NotImplementedError, RuntimeError) as exc:
        raise FormFileError(f"Tệp “{shown}” bị hỏng hoặc không phải tệp Excel (.xlsx), không đọc được.") from exc


def _check_sizes(infos, shown: str):
    names = {i.filename for i in infos}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise FormFileError(f"Tệp “{shown}” không phải sổ làm việc Excel (.xlsx).")
    if len(infos) > MAX_PARTS:
        raise FormFileError(f"Tệp “{shown}” có {len(infos)} phần bên trong, quá nhiều cho một biểu mẫu.")
    total = 0
    for i in infos:
        if i.flag_bits & 0x1:
            raise FormFileError(f"Tệp “{shown}” được đặt mật khẩu; hãy gỡ mật khẩu rồi nhập lại.")
        total += i.file_size
        if i.file_size > MAX_PART_BYTES or total > MAX_TOTAL_BYTES or (
                i.file_size > 1024 * 1024 and i.file_size > MAX_RATIO * max(i.compress_size, 1)):
            raise FormFileError(f"Tệp “{shown}” bung ra quá lớn ({i.filename}: {i.file_size:,} byte) — "
                                f"có thể là tệp độc hại; không mở.".replace(",", "."))


def lost_parts(data: bytes) -> list[str]:
    """What a filled copy will not carry over (openpyxl drops pictures, charts and macros)."""
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = zf.namelist()
    out = []
    if any(n.startswith("xl/media/") for n in names):
        out.append("Biểu mẫu có hình ảnh (logo, chữ ký…): bản điền số liệu sẽ không có các hình này.")
    if any(n.startswith("xl/charts/") for n in names):
        out.append("Biểu mẫu có biểu đồ: bản điền số liệu sẽ không có biểu đồ.")
    if any(n.endswith("vbaProject.bin") for n in names):
        out.append("Biểu mẫu có macro: bản điền số liệu là tệp .xlsx không có macro.")
    return out


def load(data: bytes, shown: str, *, data_only: bool = False):
    """The openpyxl workbook of *data*, after :func:`check_bytes` (styles and merges kept)."""
    check_bytes(data, shown)
    try:
        import openpyxl
        from openpyxl import xml as _oxml
    except ImportError as exc:  # pragma: no cover - openpyxl is a dependency
        raise FormFileError("Thiếu thư viện đọc Excel (openpyxl).") from exc
    if not getattr(_oxml, "DEFUSEDXML", False):
        raise FormFileError("Thiếu thư viện defusedxml để đọc an toàn tệp Excel nhận từ bên ngoài.")
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), data_only=data_only, keep_links=False)
    except Exception as exc:   # openpyxl raises many kinds on malformed parts
        raise FormFileError(f"Không đọc được tệp Excel “{shown}”: một phần của tệp bị hỏng hoặc không đúng "
                            "chuẩn Excel. Hãy mở tệp trong Excel, lưu lại (.xlsx) rồi nhập lại.") from exc
    for sheet in book.worksheets:
        if sheet.max_row > MAX_ROWS or sheet.max_column > MAX_COLUMNS:
            raise FormFileError(f"Trang “{sheet.title}” của tệp “{shown}” có {sheet.max_row} dòng × "
                                f"{sheet.max_column} cột, quá lớn cho một biểu mẫu.")
    return book
