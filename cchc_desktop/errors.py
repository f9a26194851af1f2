"""What the core refuses, as exceptions whose text is the Vietnamese the officer reads."""
from __future__ import annotations

from pathlib import Path


class WorkspaceError(Exception):
    """Anything the officer must be told about; ``str(err)`` is Vietnamese."""


class PeriodLocked(WorkspaceError):
    """The period is finalised (đã chốt) and cannot be changed."""


class WorkspaceInUse(WorkspaceError):
    """Another process has the workspace open for editing; :attr:`holder` says who."""

    def __init__(self, path, holder):
        self.path, self.holder = Path(path), holder
        super().__init__(f"Tệp dữ liệu “{self.path.name}” đang mở để sửa trong cửa sổ của {holder.text()}. "
                         "Mỗi lúc chỉ một cửa sổ được sửa một tệp; có thể mở tệp này chỉ để xem.")


class ReadOnlyWorkspace(WorkspaceError):
    """A change asked of a workspace opened read-only."""
