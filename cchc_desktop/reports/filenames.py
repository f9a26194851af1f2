"""Plain-ASCII file names that tell unit, period, document and date at a glance.

``CCHC_phuong-2_2022-H1_bao-cao_20220615.pdf``: old mail servers, USB sticks and the
upper office's archive all cope with ASCII; Vietnamese letters are folded (đ → d).
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata


def ascii_slug(text: str) -> str:
    """'Phường 2' → 'phuong-2'; 'Đồng Lợi' → 'dong-loi'."""
    text = (text or "").replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "don-vi"


def unit_slug(unit_name: str) -> str:
    """The unit without 'UBND': 'UBND phường 2' → 'phuong-2'."""
    name = (unit_name or "").strip()
    for prefix in ("UBND ", "Ủy ban nhân dân ", "ỦY BAN NHÂN DÂN "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return ascii_slug(name)


def document_name(unit_name: str, code: str, what: str, ext: str, day: _dt.date | None = None) -> str:
    """``CCHC_<unit>_<period>_<what>_<yyyymmdd>.<ext>``."""
    day = day or _dt.date.today()
    return f"CCHC_{unit_slug(unit_name)}_{code}_{ascii_slug(what)}_{day:%Y%m%d}.{ext.lstrip('.')}"
