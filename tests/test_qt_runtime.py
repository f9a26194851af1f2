"""The Qt binding itself: guards against a PySide6 release that breaks a long session."""
import os
import subprocess
import sys


def test_many_qt_calls_do_not_exhaust_none():
    """PySide6 6.12 on CPython 3.11 dropped a reference to None on each Qt call returning
    nothing; a long data-entry session then aborted with "none_dealloc".  A session of
    twenty thousand calls must end cleanly."""
    code = ("import sys; from PySide6.QtWidgets import QApplication, QLabel; app = QApplication([]); "
            "label = QLabel(); before = sys.getrefcount(None)\n"
            "for _ in range(20000): label.setText('x')\n"
            "sys.exit(0 if sys.getrefcount(None) >= before - 100 else 1)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                       env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    assert r.returncode == 0, r.stderr[-2000:]
