"""The operation engine of a workspace: transactions, undo and redo, the audit log.

Every change of data is one :meth:`Operations.operation`: one transaction (nested ones
become savepoints), an undo step with a label holding each changed row before and after
(:meth:`Operations.change_row`), an audit row per change (who, when, old → new), and, once
committed, a :class:`Changes` told to the listeners so each view reloads only what it shows
(as Anki's operations and OpChanges do).  :class:`store.Workspace` adds what a workspace
file needs around it: opening, locking, the finalised-period check, and the tables' own
operations.
"""
from __future__ import annotations

import datetime as _dt
import json
from contextlib import contextmanager

from .catalogue import SlotRecord


def now() -> str:
    """The local time as the audit log and the files record it."""
    return _dt.datetime.now().isoformat(timespec="seconds")


def show_value(value) -> str | None:
    """A value as the audit log keeps it: text, a row as JSON, None as None."""
    if value is None:
        return None
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)



class Step(SlotRecord):
    """One undoable operation: a label and the rows it changed (before → after)."""
    __slots__ = ("label", "changes")

    def __init__(self, label: str, changes: list | None = None):
        self.label = label
        self.changes = [] if changes is None else changes   # (table, where, before, after)


# The table an audit entity's rows live in, so Changes names both kinds of write alike.
_ENTITY_TABLES = {"value": "entries", "note": "entries", "detail": "detail_rows", "document": "documents",
                  "period": "periods", "section": "report_sections", "task": "plan_tasks", "plan": "plans",
                  "target": "targets"}


class Changes(SlotRecord):
    """What one committed operation changed, told to the workspace's listeners (as Anki's
    OpChanges): its label and the kinds of data it touched, named by table ('entries',
    'documents', 'settings'…) or, for writes outside :meth:`Workspace.change_row`, by the
    audit entity ('rules', 'province_form'…)."""
    __slots__ = ("label", "kinds")

    def __init__(self, label: str, kinds: frozenset = frozenset()):
        self.label, self.kinds = label, kinds

    def touches(self, kinds) -> bool:
        """Whether any of *kinds* changed (*kinds* None: a view that shows everything)."""
        return kinds is None or not self.kinds.isdisjoint(kinds)


class Operations:
    """The engine, mixed into :class:`store.Workspace`, which gives it ``conn``, ``user``
    and three hooks: ``_begin()`` (start the write transaction or refuse), ``_commit(changed)``
    and ``_check_unlocked(period_id)`` (refuse a row of a finalised period)."""

    def _init_operations(self):
        self._undo: list[Step] = []
        self._redo: list[Step] = []
        self._step: Step | None = None
        self._depth = 0
        self._changes_at = 0
        self.listeners = []   # callables(Changes) told after each committed operation
        self._touched: set[str] = set()   # what the operation under way changed (Changes.kinds)

    @contextmanager
    def operation(self, label: str, undoable: bool = True):
        """One change of data: a transaction (nested ones become savepoints) and an undo step."""
        outer = self._depth == 0
        if outer:
            self._begin()
            self._step = Step(label)
            self._touched = set()
            self._changes_at = self.conn.total_changes
        else:
            self.conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            yield self._step
        except BaseException:
            self._depth -= 1
            if outer:
                self.conn.execute("ROLLBACK")
                self._step = None
            else:
                self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                self.conn.execute(f"RELEASE sp{self._depth}")
            raise
        self._depth -= 1
        if not outer:
            self.conn.execute(f"RELEASE sp{self._depth}")
            return
        try:
            self._commit(changed=self.conn.total_changes != self._changes_at)
        except BaseException:
            self._step = None
            raise
        step, self._step = self._step, None
        if undoable and step.changes:
            self._undo.append(step)
            self._redo.clear()
        changes = Changes(label, frozenset(self._touched))
        for listener in list(self.listeners):
            listener(changes)

    def row(self, table: str, where: dict) -> dict | None:
        """The one row of *table* matching *where* (column → value) as a dict, or None."""
        cond = " AND ".join(f"{k} = ?" for k in where)
        row = self.conn.execute(f"SELECT * FROM {table} WHERE {cond}", list(where.values())).fetchone()
        return dict(row) if row else None

    def _write_row(self, table: str, where: dict, row: dict | None):
        cond = " AND ".join(f"{k} = ?" for k in where)
        if row is None:
            self.conn.execute(f"DELETE FROM {table} WHERE {cond}", list(where.values()))
        elif None not in where.values() and self.conn.execute(
                f"SELECT 1 FROM {table} WHERE {cond}", list(where.values())).fetchone():
            # UPDATE, never INSERT OR REPLACE: a REPLACE deletes the old row first, and
            # ON DELETE CASCADE would take the period's figures with it.
            sets = ", ".join(f"{k} = ?" for k in row)
            self.conn.execute(f"UPDATE {table} SET {sets} WHERE {cond}",
                              [*row.values(), *where.values()])
        else:
            cols = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            self.conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({marks})", list(row.values()))

    def change_row(self, table: str, where: dict, after: dict | None) -> dict | None:
        """Replace (or delete, *after* None) one row, keeping it for undo; returns the old row.

        Must run inside :meth:`operation`.  Used for entries, detail rows, documents,
        tasks, plans and targets alike, so undo works across every form.
        """
        assert self._step is not None, "change_row outside an operation"
        before = self.row(table, where)
        self._check_row_unlocked(table, where, before, after)
        self._write_row(table, where, after)
        if after is not None and "id" in where and where["id"] is None:
            where = {"id": self.conn.execute("SELECT last_insert_rowid()").fetchone()[0]}
            after = dict(after, id=where["id"])
        self._step.changes.append((table, where, before, after))
        self._touched.add(table)
        return before

    def add_rows(self, table: str, key: tuple, rows: list[dict]):
        """Insert many new rows (all with the same columns) in one statement, kept for undo
        as :meth:`change_row` keeps one; *key* names the columns that identify a row."""
        assert self._step is not None, "add_rows outside an operation"
        if not rows:
            return
        cols = tuple(rows[0])
        for r in rows:
            self._check_row_unlocked(table, {}, None, r)
        self.conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                              [tuple(r[c] for c in cols) for r in rows])
        self._step.changes.extend((table, {k: r[k] for k in key}, None, r) for r in rows)
        self._touched.add(table)

    def can_undo(self) -> bool:
        return bool(self._undo)

    def can_redo(self) -> bool:
        return bool(self._redo)

    def undo_label(self) -> str | None:
        return self._undo[-1].label if self._undo else None

    def redo_label(self) -> str | None:
        return self._redo[-1].label if self._redo else None

    def undo(self) -> Step | None:
        """Revert the last operation; returns it (None when there is nothing to undo)."""
        return self._replay(self._undo, self._redo, "undo", before_side=True)

    def redo(self) -> Step | None:
        return self._replay(self._redo, self._undo, "redo", before_side=False)

    def _replay(self, source, target, action, before_side):
        if not source:
            return None
        step = source[-1]
        changes = reversed(step.changes) if before_side else step.changes
        with self.operation(step.label, undoable=False):
            for table, where, before, after in changes:
                row = before if before_side else after
                self._check_row_unlocked(table, where, after if before_side else before, row)
                self._write_row(table, where, row)
                old, new = (after, before) if before_side else (before, after)
                self.log_change(where.get("period_id"), table, where.get("key"),
                            show_value(old), show_value(new), action)
        source.pop()
        target.append(step)
        return step

    def _check_row_unlocked(self, table: str, where: dict, before: dict | None, after: dict | None):
        """The one check that a row being written does not belong to a finalised period:
        every change of a period's rows (figures, detail rows, report text, explained
        warnings, the period itself) goes through here, undo and redo included."""
        ids = {row["period_id"] for row in (where, before, after) if row and row.get("period_id") is not None}
        if table == "periods":
            ids |= {row["id"] for row in (where, before, after) if row and row.get("id") is not None}
        for period_id in ids:
            self._check_unlocked(period_id)

    def log_change(self, period_id, entity, key, old, new, action):
        """Write one row of the audit log (who, when, old → new); inside :meth:`operation`.
        change_row logs its own rows; modules that write a table of their own call this."""
        # writes outside change_row (a period's status, rules, forms) are known by their entity
        self._touched.add(_ENTITY_TABLES.get(entity, entity))
        self.conn.execute(
            "INSERT INTO audit (at, user, period_id, entity, key, old, new, action) VALUES (?,?,?,?,?,?,?,?)",
            (now(), self.user, period_id, entity, key, old, new, action))
