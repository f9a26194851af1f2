"""Detail tables of a period (dossiers by field, digitisation, e-documents, online services):
their rows (table ``detail_rows``) and the totals that feed the catalogue's core keys.

A mixin of :class:`store.Workspace`; every write is one audited, undoable operation.
"""
from __future__ import annotations

import json

from .errors import WorkspaceError
from .vnformat import NumberError, nfc, parse_number


class DetailRows:
    """The rows of the catalogue's detail tables for a period."""

    def detail_rows(self, code: str, table: str) -> list[dict]:
        """Rows of a detail table for the period: {id, seq, label, data{column: number}}."""
        p = self.period(code)
        rows = self.conn.execute(
            "SELECT id, seq, label, data FROM detail_rows WHERE period_id = ? AND table_name = ? ORDER BY seq, id",
            (p.id, table))
        return [{"id": r["id"], "seq": r["seq"], "label": r["label"], "data": json.loads(r["data"])} for r in rows]

    def save_detail_row(self, code: str, table: str, label: str, data: dict, row_id: int | None = None,
                        seq: int | None = None) -> int:
        """Add (row_id None) or replace a detail row; numbers are read per column kind."""
        p = self.period(code)
        self._check_unlocked(p.id)
        spec = self.catalogue.detail_table(table)
        clean = {}
        for col_key, text in data.items():
            col = spec.column(col_key)
            if col.formula is not None:
                continue   # a rate worked out from the row's other columns: never kept as typed
            try:
                v = parse_number(text, col.kind)
            except NumberError as exc:
                raise WorkspaceError(f"{spec.label} – {nfc(label)} – {col.label}: {exc}") from exc
            if v is not None:
                clean[col_key] = v
        label = nfc(label)
        if not label:
            raise WorkspaceError(f"{spec.label}: dòng chưa có tên ({spec.row_label}).")
        if seq is None:
            seq = self.conn.execute("SELECT coalesce(max(seq), 0) + 1 FROM detail_rows WHERE period_id = ? AND table_name = ?",
                                    (p.id, table)).fetchone()[0]
        with self.operation(f"{spec.label}: {label}"):
            row = {"period_id": p.id, "table_name": table, "seq": seq, "label": label,
                   "data": json.dumps(clean, ensure_ascii=False)}
            if row_id is not None:
                row["id"] = row_id
            self.change_row("detail_rows", {"id": row_id}, row)
            new_id = row_id or self.conn.execute("SELECT last_insert_rowid()").fetchone()[0]
            self.log_change(p.id, "detail", f"{table}:{label}", None, row["data"], "set")
        return new_id

    def delete_detail_row(self, code: str, row_id: int):
        p = self.period(code)
        self._check_unlocked(p.id)
        with self.operation("Xóa dòng bảng chi tiết"):
            before = self.change_row("detail_rows", {"id": row_id}, None)
            if before:
                self.log_change(p.id, "detail", f"{before['table_name']}:{before['label']}", before["data"], None, "delete")

    def detail_totals(self, code: str) -> dict[str, float]:
        """core key → column total, for every detail table that has rows in the period."""
        out = {}
        for table in self.catalogue.detail_tables:
            rows = self.detail_rows(code, table.name)
            if not rows:
                continue
            totals = table.totals([r["data"] for r in rows])
            for col in table.columns:
                if col.feeds and col.key in totals:
                    out[col.feeds] = totals[col.key]
        return out
