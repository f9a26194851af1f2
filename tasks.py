#!/usr/bin/env python3
"""Set up and run CCHC Desktop from a source checkout with nothing but Python 3.11+.

    python3 tasks.py start      # install what is needed, open the window on the sample workspace
    python3 tasks.py test       # install what is needed (system libraries too), run every test
    python3 tasks.py installer  # make dist/CCHC-Desktop-<version>-Setup.exe (Windows) on Linux

A virtual environment ``.venv`` beside this file holds the Python packages, at the versions
of ``constraints.txt``; on Debian or Ubuntu run as root, the system packages the tests need
(poppler for PDF rendering, Xvfb and the xcb libraries for screenshots, NSIS and wine64 for
the Windows installer) are installed with apt-get.
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
CONSTRAINTS = ROOT / "constraints.txt"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / ("python.exe" if os.name == "nt" else "python")
# What the tests use beyond Python: pdftoppm, Xvfb and the xcb platform's libraries.
APT_PACKAGES = ["poppler-utils", "xvfb", "xauth", "libxcb-icccm4", "libxcb-keysyms1", "libxcb-cursor0",
                "libxkbcommon-x11-0", "libxcb-shape0", "libxcb-randr0", "libxcb-render-util0",
                "libxcb-image0", "libegl1", "libgl1", "libfontconfig1", "libdbus-1-3"]
# What makes the Windows installer (makensis) and tries it (64-bit wine; the installer is 64-bit).
INSTALLER_PACKAGES = ["nsis", "wine64"]


def run(*cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(extras: str = ""):
    if not PY.exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras}"
    sources = [ROOT / "pyproject.toml", CONSTRAINTS]
    if not stamp.exists() or any(s.stat().st_mtime > stamp.stat().st_mtime for s in sources):
        target = f".[{extras}]" if extras else "."
        run(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-c", CONSTRAINTS, "-e", target,
            cwd=ROOT)
        stamp.touch()


def ensure_system_packages(packages=APT_PACKAGES):
    """apt-get *packages* when this is a Debian machine and we are root."""
    if sys.platform != "linux" or not shutil.which("apt-get") or os.geteuid() != 0:
        return
    missing = [p for p in packages
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
    ensure_system_packages(APT_PACKAGES + INSTALLER_PACKAGES)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([str(PY), "-m", "pytest", *args], cwd=ROOT, env=env)
    sys.exit(result.returncode)


def installer(args):
    """Build the Windows installer (packaging/windows.py); downloads are cached and reused."""
    ensure_venv("build")
    ensure_system_packages(INSTALLER_PACKAGES)
    run(PY, ROOT / "packaging" / "windows.py", *args, cwd=ROOT)


COMMANDS = {"start": start, "test": test, "installer": installer}


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(__doc__)
        sys.exit(2)
    COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
