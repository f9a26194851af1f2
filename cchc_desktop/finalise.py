"""Chốt số liệu: finalising a period's figures once they hold together.

Finalising is refused while any error remains; each warning must be confirmed (by its
rule and keys, as :attr:`rules.Finding.ident` names it, or acknowledged beforehand with
a comment).  The period then records who finalised it and when
(:meth:`Workspace.set_status`), and refuses changes until it is unlocked with a reason.
"""
from __future__ import annotations

from . import rules
from .store import Workspace, WorkspaceError


class FinaliseRefused(WorkspaceError):
    """The period cannot be finalised yet; :attr:`errors` / :attr:`warnings` say why."""

    def __init__(self, message: str, errors=(), warnings=()):
        super().__init__(message)
        self.errors = list(errors)
        self.warnings = list(warnings)


def blockers(ws: Workspace, code: str, confirmed_warnings=()) -> tuple[list, list]:
    """(errors, warnings still to confirm) for finalising period *code*."""
    findings = rules.check(ws, code)
    confirmed = {_ident(w) for w in confirmed_warnings}
    errors = [f for f in findings if f.severity == rules.ERROR]
    open_warnings = [f for f in findings if f.severity == rules.WARNING
                     and not f.acknowledged and f.ident not in confirmed and f.rule not in confirmed]
    return errors, open_warnings


def _ident(item):
    if isinstance(item, rules.Finding):
        return item.ident
    if isinstance(item, (tuple, list)) and len(item) == 2:
        rule, keys = item
        return rule, keys if isinstance(keys, str) else ",".join(keys)
    return item   # a rule code alone confirms every warning of that rule


def finalise(ws: Workspace, code: str, confirmed_warnings=()):
    """Finalise period *code*; :class:`FinaliseRefused` while errors or unconfirmed warnings remain.

    *confirmed_warnings*: the warnings the officer confirmed (Findings, (rule, keys) pairs or
    rule codes).  Returns the finalised :class:`store.Period`.  Confirmed warnings without a comment are kept as acknowledged with
    "Đã xác nhận khi chốt số liệu", so the record shows what was accepted.
    """
    p = ws.period(code)
    if p.status != "draft":
        raise WorkspaceError(f"Kỳ {p.label} đã chốt số liệu.")
    errors, open_warnings = blockers(ws, code, confirmed_warnings)
    if errors:
        n = len(errors)
        raise FinaliseRefused(
            f"Chưa thể chốt số liệu {p.label}: còn {n} lỗi phải sửa (đầu tiên: {errors[0].message})", errors)
    if open_warnings:
        raise FinaliseRefused(
            f"Chưa thể chốt số liệu {p.label}: còn {len(open_warnings)} cảnh báo chưa được xác nhận "
            f"(đầu tiên: {open_warnings[0].message})", (), open_warnings)
    findings = [f for f in rules.check(ws, code) if f.severity == rules.WARNING and not f.acknowledged]
    with ws.operation(f"Chốt số liệu {p.label}", undoable=False):
        for f in findings:
            rules.acknowledge(ws, code, f, "Đã xác nhận khi chốt số liệu")
        ws.set_status(code, "final")
    return ws.period(code)
