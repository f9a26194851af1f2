"""The window program's own settings (last workspace, window geometry) kept with QSettings.

Always an INI file in the user's settings folder, so tests can point the whole store at a
temporary folder with ``QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tmp)``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

ORGANISATION = "CCHC"
APPLICATION = "CCHC Desktop"


def store() -> QSettings:
    return QSettings(QSettings.IniFormat, QSettings.UserScope, ORGANISATION, APPLICATION)


def last_workspace() -> Path | None:
    """The workspace file used last, when it still exists."""
    value = store().value("workspace/last", "")
    path = Path(value) if value else None
    return path if path and path.is_file() else None


def remember_workspace(path) -> None:
    s = store()
    value = str(Path(path).resolve())
    if s.value("workspace/last", "") != value:   # the usual start reopens the same file: no write
        s.setValue("workspace/last", value)
        s.sync()
