"""Choosing an indicator by its Vietnamese name, and formulas shown in words.

The picker is the rules window's (:mod:`.rules_dialog`): an editable list of the catalogue's
labels where typing a few words, with or without accents (“dung han” finds “đúng hạn”), offers
the matching indicators.  Plan targets use it too, so program codes (``dossier.on_time_rate``)
never reach the officer: a target is one indicator, or “A / B” of two (× 100, a percentage).
"""
from __future__ import annotations

import re

from PySide6.QtWidgets import QComboBox

from ..vnformat import nfc
from .rules_dialog import AddRuleDialog
from .rules_dialog import indicator_combo as rules_indicator_combo

RATIO = re.compile(r"^\s*([a-z_][\w.]*)\s*/\s*([a-z_][\w.]*)\s*(\*\s*100(?:\.0*)?)?\s*$")
KEY = re.compile(r"^\s*([a-z_][\w.]*)\s*$")


def numeric_indicators(ws) -> list:
    """The indicators a target or a rule can compare: every one but text and coded answers."""
    return [i for i in ws.catalogue if i.kind not in ("text", "code")]


def indicator_combo(ws, name: str, placeholder: str = "Gõ vài chữ trong tên chỉ tiêu…") -> QComboBox:
    """The rules window's picker over the indicators a target can compare."""
    return rules_indicator_combo(numeric_indicators(ws), name, placeholder, width=30)


def key_of(combo: QComboBox) -> str | None:
    """The indicator named in *combo* (chosen, or typed in full with or without accents)."""
    return AddRuleDialog.key_of(combo)


def show_key(combo: QComboBox, key: str | None):
    """Put *key*'s name in *combo* (empty for None)."""
    i = combo.findData(key) if key else -1
    combo.setCurrentIndex(i)
    if i < 0:
        combo.setEditText("")


def split_expr(expr: str) -> tuple[str, str | None] | None:
    """A target's formula as (indicator, divisor or None) when it is “A” or “A / B × 100”."""
    expr = nfc(expr or "") or ""
    m = KEY.match(expr)
    if m:
        return m.group(1), None
    m = RATIO.match(expr)
    if m and m.group(3):
        return m.group(1), m.group(2)
    return None


def join_expr(key: str, divisor: str | None) -> str:
    """The formula of “A” or of “A / B” as a percentage."""
    return f"{key} / {divisor} * 100" if divisor else key


def formula_words(ws, expr: str) -> str:
    """*expr* with each indicator's name in place of its code: “Số hồ sơ đúng hạn / Tổng số hồ sơ × 100”."""
    cat = ws.catalogue

    def name(m):
        ind = cat.get(m.group(0))
        return ind.label if ind is not None else m.group(0)
    words = re.sub(r"[a-z_][a-z0-9_]*(?:\.[a-z0-9_]+)+", name, nfc(expr or "") or "")
    return words.replace("*", "×").replace("  ", " ")
