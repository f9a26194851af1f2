"""The register of directing documents (table ``documents``): what feeds
``direction.documents_issued`` and the report's list of documents.

A mixin of :class:`store.Workspace`; every write is one audited, undoable operation.
"""
from __future__ import annotations

import datetime as _dt
import json

from .errors import WorkspaceError
from .vnformat import NumberError, nfc, parse_date


class DocumentsRegister:
    """The unit's register of directing documents (not tied to one period)."""

    def documents(self, start: _dt.date | None = None, end: _dt.date | None = None) -> list[dict]:
        """The register of directing documents, optionally those dated within [start, end]."""
        sql, args = "SELECT * FROM documents WHERE 1=1", []
        if start:
            sql += " AND issued_on >= ?"
            args.append(start.isoformat())
        if end:
            sql += " AND issued_on <= ?"
            args.append(end.isoformat())
        return [dict(r) for r in self.conn.execute(sql + " ORDER BY issued_on, id", args)]

    def save_document(self, number: str, issued_on, doc_type: str = "", summary: str = "",
                      area: int | None = None, doc_id: int | None = None, counts_as_direction: bool = True) -> int:
        """Add or replace an entry of the documents register."""
        number = nfc(number)
        if not number:
            raise WorkspaceError("Văn bản chưa có số ký hiệu.")
        try:
            day = parse_date(issued_on)
        except NumberError as exc:
            raise WorkspaceError(f"Văn bản {number}: {exc}") from exc
        if day is None:
            raise WorkspaceError(f"Văn bản {number} chưa có ngày ban hành.")
        row = {"number": number, "issued_on": day.isoformat(), "doc_type": nfc(doc_type) or "",
               "summary": nfc(summary) or "", "area": area, "counts_as_direction": int(bool(counts_as_direction))}
        if doc_id is not None:
            row["id"] = doc_id
        with self.operation(f"Sổ văn bản: {number}"):
            self.change_row("documents", {"id": doc_id}, row)
            new_id = doc_id or self.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
            self.log_change(None, "document", number, None, json.dumps(row, ensure_ascii=False), "set")
        return new_id

    def delete_document(self, doc_id: int):
        with self.operation("Xóa văn bản khỏi sổ"):
            before = self.change_row("documents", {"id": doc_id}, None)
            if before:
                self.log_change(None, "document", before["number"], json.dumps(before, ensure_ascii=False), None, "delete")

    def documents_count(self, code: str) -> int | None:
        """Directing documents dated within the period's window (None when the register is empty)."""
        if not self.conn.execute("SELECT 1 FROM documents LIMIT 1").fetchone():
            return None
        p = self.period(code)
        return self.conn.execute(
            "SELECT count(*) FROM documents WHERE counts_as_direction = 1 AND issued_on BETWEEN ? AND ?",
            (p.window_from.isoformat(), p.window_to.isoformat())).fetchone()[0]
