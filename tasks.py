#!/usr/bin/env python3
"""Set up and run CCHC Desktop from a source checkout with nothing but Python 3.11+.

    python3 tasks.py start   # install what is needed, open the window on the sample workspace
    python3 tasks.py test    # install what is needed (system libraries too), run every test

A virtual environment ``.venv`` beside this file holds the Python packages; on Debian or
Ubuntu run as root, the few system packages the tests need (fonts, poppler for PDF
rendering, Xvfb and the xcb libraries for screenshots) are installed with apt-get.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
# What the tests use beyond Python: pdftoppm, Xvfb and the xcb platform's libraries.
APT_PACKAGES = ["poppler-utils", "xvfb", "xauth", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0",
                "libxkbcommon-x11-0", "libxcb-shape0", "libxcb-randr0", "libxcb-render-util0",
                "libxcb-image0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3"]


def run(*cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extras: str = ""):
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras}"
    sources = [ROOT / "pyproject.toml"]
    if not stamp.exists() or any(s.stat().st_mtime > stamp.stat().st_mtime for s in sources):
        target = f".[{extras}]" if extras else "."
        run(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target, cwd=ROOT)
        stamp.touch()


def ensure_system_packages():
    """apt-get the libraries the tests need when this is a Debian machine and we are root."""
    if sys.platform != "linux" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    missing = [p for p in APT_PACKAGES
               if subprocess.run(["dpkg", "-s", p], capture_output=True).returncode != 0]
    if not missing:
        return
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(["apt-get", "update", "-qq"], env=env, check=False)
    run("apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing, env=env)


def start(args):
    ensure_venv()
    if sys.platform == "linux":
        ensure_system_packages()
    sample = ROOT / "out" / "du-lieu-mau.cchc"
    if not sample.exists():
        sample.parent.mkdir(exist_ok=True)
        run(PY, "-m", "cchc_desktop.cli", "demo", "--db", sample, cwd=ROOT)
    run(PY, "-m", "cchc_desktop.gui.app", *(args or [sample]), cwd=ROOT)


def test(args):
    ensure_venv("test")
    ensure_system_packages()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(PY), "-m", "pytest", *args], cwd=ROOT, env=env)
    sys.exit(result.returncode)


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("start", "test"):
        print(__doc__)
        sys.exit(2)
    {"start": start, "test": test}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
