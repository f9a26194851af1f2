"""Where the program's own files (``resources/``, ``db/``) are found.

One helper for the three ways the program runs: from a source checkout (the folders
sit beside the package), from an installed wheel or the Windows installer (they are
packed inside the package as ``_resources``, ``_db``) and from a PyInstaller bundle
(beside the executable's unpacked files, ``sys._MEIPASS``).  ``ui/`` is not among them:
the dialogs run from their compiled forms, ``cchc_desktop/gui/ui_*.py``.
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
DATA_FOLDERS = ("resources", "db")


@lru_cache(maxsize=None)
def data_dir(name: str) -> Path:
    """The folder *name* (``resources`` or ``db``) wherever the program runs from."""
    if name not in DATA_FOLDERS:
        raise ValueError(name)
    candidates = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.append(Path(bundle) / name)
    candidates.append(_PACKAGE.parent / name)     # source checkout
    candidates.append(_PACKAGE / f"_{name}")      # installed wheel
    for path in candidates:
        if path.is_dir():
            return path
    raise FileNotFoundError(f"Không tìm thấy thư mục dữ liệu của chương trình: {name}")


def resource(*parts: str) -> Path:
    """A file under ``resources/``."""
    return data_dir("resources").joinpath(*parts)


def migrations_dir() -> Path:
    """The folder of numbered SQL migrations."""
    return data_dir("db")
