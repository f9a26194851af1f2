"""Plain-ASCII names for files that travel: "UBND phường 2" + "UBND thị xã Quảng Trị" → phuong-2-quang-tri.

A file sent upward goes through e-mail clients and Windows folders of every code page, so
its name holds only a-z, 0-9 and '-'.  The unit keeps its level word (phuong-2, xa-hai-le);
the parent drops it (quang-tri), so the name stays short and still says where it is from.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .vnformat import nfc

# Words that name the body, not the place ("UBND", "Ủy ban nhân dân").
_BODY = re.compile(r"^(ubnd|uy ban nhan dan|hdnd)\s+", re.I)
# Administrative levels dropped from the parent's name.
_LEVEL = re.compile(r"^(thi xa|thanh pho|thi tran|huyen|quan|tinh|tp\.?|tx\.?)\s+", re.I)


def ascii_fold(text: str | None) -> str:
    """The text without Vietnamese marks: "Quảng Trị" → "Quang Tri", "Đông Hà" → "Dong Ha"."""
    text = (nfc(text) or "").replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).encode("ascii", "ignore").decode()


def _words(text: str | None) -> str:
    folded = ascii_fold(text).lower()
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return _BODY.sub("", folded)


def slug(text: str | None) -> str:
    """One name as lower-case ASCII words joined by '-' ("UBND phường 2" → "phuong-2")."""
    return "-".join(_words(text).split())


@lru_cache(maxsize=1024)
def unit_slug(name: str | None, parent: str | None = None) -> str:
    """The unit's slug followed by its parent's place name, without level words."""
    own = slug(name)
    up = "-".join(_LEVEL.sub("", _words(parent)).split())
    joined = "-".join(p for p in (own, up) if p)
    return joined[:60].strip("-") or "don-vi"
