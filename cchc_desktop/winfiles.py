"""Putting a finished file in place of another, as Windows allows it.

On Windows a file cannot be renamed over while another handle has it open without
``FILE_SHARE_DELETE``: SQLite's own connections, Excel, an antivirus scan or the search
indexer peeking at a new file.  ``os.replace`` then fails with ``PermissionError``
(WinError 5 or 32).  Scanners let go within moments, so the rename is tried again for about
two seconds; a file still held open (another CCHC Desktop window on the workspace) gets a
message saying so, and the file in place is left as it was.  Elsewhere the rename is tried once.
"""
from __future__ import annotations

import os
import time
from pathlib import Path

WINDOWS = os.name == "nt"
PAUSES = (0.05, 0.1, 0.2, 0.4, 0.5, 0.75)   # seconds between tries on Windows: 2 s in all


def replace(src, dst) -> None:
    """``os.replace(src, dst)``, waiting out a brief hold on Windows (WorkspaceError if it stays)."""
    from .store import WorkspaceError
    for pause in (PAUSES if WINDOWS else ()) + (None,):
        try:
            os.replace(src, dst)
            return
        except PermissionError as exc:
            if pause is None:
                if not WINDOWS:
                    raise
                raise WorkspaceError(
                    f"Không thay được tệp “{Path(dst).name}”: tệp đang mở trong một chương trình khác "
                    f"(cửa sổ CCHC Desktop khác, Excel, phần mềm diệt virus…). Hãy đóng chương trình đó "
                    f"rồi làm lại; tệp “{Path(dst).name}” vẫn giữ nguyên.") from exc
            time.sleep(pause)
