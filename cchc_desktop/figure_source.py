"""What the roll-up and the checks read: the figure-source protocol.

:func:`rollup.values` and :func:`rules.check` work on a unit's own workspace
(:class:`store.Workspace`) and, at the receiving office, on a unit's received figures
(:class:`received.ReceivedUnit`), which is never opened as a workspace.  This protocol is
the written contract between them: the read-only questions those functions may ask.  A
method added to one side and used by the checks belongs here, so the other side is made
to answer it too (``tests/test_figure_source.py``).
"""
from __future__ import annotations

from typing import Protocol, runtime_checkable


@runtime_checkable
class FigureSource(Protocol):
    """A unit's figures as the roll-up and the checks read them."""

    catalogue: object   # catalogue.Catalogue: the indicators, formulas and detail tables

    def unit(self) -> dict | None:
        """The unit's profile (calendar windows, start date…), None when it is not known."""

    def code_list(self, key: str) -> dict:
        """The code list of *key* as the unit's template defines it (else the catalogue's)."""

    def periods(self) -> list:
        """Every period the unit has (store.Period), in reporting order."""

    def find_period(self, code: str):
        """The period *code* (store.Period), None when the unit has no such period."""

    def period(self, code: str):
        """The period *code* (store.Period); raises store.WorkspaceError when missing."""

    def typed_values(self, code: str) -> dict:
        """key → value the officer typed for the period."""

    def entries(self, code: str) -> dict[str, dict]:
        """key → {"value", "note"} typed for the period."""

    def detail_totals(self, code: str) -> dict:
        """key → total of the detail tables (dossiers by field…) for the period."""

    def documents_count(self, code: str) -> int | None:
        """Directing documents in the register within the period's window."""

    def task_counts(self, year: int) -> tuple[int, int] | None:
        """(planned, done) tasks of the year's plan, None without a task table."""

    def plan_tasks(self, year: int) -> list[dict]:
        """The tasks of the year's plan (content, deadline, status, percent done…)."""

    def acknowledgements(self, code: str) -> dict[tuple[str, str], str]:
        """(rule, keys) → comment of the warnings explained for the period."""
