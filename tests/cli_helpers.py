"""Running the ``cchc`` command line as a user does: a separate process, UTF-8 output."""
from __future__ import annotations

import subprocess
import sys


def cchc(*args, **kw) -> subprocess.CompletedProcess:
    """Run ``cchc ARGS…`` in a fresh interpreter; returns the finished process."""
    return subprocess.run([sys.executable, "-m", "cchc_desktop.cli", *map(str, args)],
                          capture_output=True, text=True, encoding="utf-8", **kw)
