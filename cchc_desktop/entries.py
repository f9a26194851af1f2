"""The figures the officer typed for a period (table ``entries``): reading, checking, storing.

A mixin of :class:`store.Workspace`: every write is one :meth:`Workspace.operation`, so it
is audited and undoable, and refused for a finalised period.
"""
from __future__ import annotations

from .errors import WorkspaceError
from .operations import now, show_value
from .vnformat import NumberError, nfc, parse_number, to_stored


class Entries:
    """Typed figures of a period (see :func:`rollup.values` for the figures computed from them)."""

    def typed_values(self, code: str) -> dict[str, object]:
        """key → value as typed for the period (nothing computed)."""
        p = self.period(code)
        return {r["key"]: r["value"] for r in
                self.conn.execute("SELECT key, value FROM entries WHERE period_id = ?", (p.id,))}

    def entries(self, code: str) -> dict[str, dict]:
        """key → {value, note, changed_at, changed_by} as typed for the period."""
        p = self.period(code)
        return {r["key"]: dict(r) for r in self.conn.execute(
            "SELECT key, value, note, changed_at, changed_by FROM entries WHERE period_id = ? ORDER BY key",
            (p.id,))}

    def parse_value(self, key: str, text):
        """Check *key* exists and read *text* for it, as it is to be stored; WorkspaceError
        (Vietnamese) otherwise.  A number typed with trailing zeros ("85,10") is kept as
        typed (:func:`vnformat.to_stored`); :func:`rollup.values` reads it back."""
        ind = self.catalogue.get(key)
        if ind is None:
            raise WorkspaceError(f"Mã chỉ tiêu “{key}” không có trong danh mục.")
        try:
            codes = self.code_list(key)
            if codes and codes != ind.codes:
                return parse_number(text, ind.kind, codes)
            return to_stored(ind.parse(text))
        except NumberError as exc:
            raise WorkspaceError(f"{ind.label}: {exc}") from exc

    def set_value(self, code: str, key: str, value, note: str | None = None, *, label: str | None = None):
        """Store one figure (text is read the Vietnamese way); ``None`` clears it."""
        self.set_values(code, [(key, value, note)], label=label)

    def set_values(self, code: str, items, *, label: str | None = None, replace_notes: bool = True,
                   checked: bool = False):
        """Store several figures in one operation: all are checked first, then written.

        *items* are (key, value[, note]) tuples; a value of ``None`` or "" clears the key.
        *replace_notes* False keeps a key's note when its item has none (a file without a
        note column).  *checked*: the values are finite numbers ≥ 0 already checked (a
        consolidation's sums, which may pass one unit's plausible maximum), stored as given.
        """
        p = self.period(code)
        self._check_unlocked(p.id)
        parsed = []
        for item in items:
            key, value = item[0], item[1]
            note = nfc(item[2]) if len(item) > 2 and item[2] is not None else None
            if checked and key in self.catalogue and (value is None or (
                    type(value) in (int, float) and 0 <= value < float("inf"))):
                parsed.append((key, value, note))
                continue
            parsed.append((key, self.parse_value(key, value), note))
        with self.operation(label or f"Nhập số liệu {p.label}"):
            stamp = now()
            for key, value, note in parsed:
                where = {"period_id": p.id, "key": key}
                before = self.row("entries", where)
                if not replace_notes and note is None and before:
                    note = before["note"]
                after = None if value is None and not note else {
                    "period_id": p.id, "key": key, "value": value, "note": note,
                    "changed_at": stamp, "changed_by": self.user}
                if (before or None) and after and before["value"] == value and before["note"] == note:
                    continue
                if before is None and after is None:
                    continue
                self.change_row("entries", where, after)
                if before is None or before["value"] != value:
                    self.log_change(p.id, "value", key, show_value(before and before["value"]), show_value(value), "set")
                if (before["note"] if before else None) != (after["note"] if after else None):
                    # a note changed is audited as a note, never as "100 → 100"
                    self.log_change(p.id, "note", key, before and before["note"], after and after["note"], "set")
