"""The Windows installer, built here and tried under wine as the officer would use it.

``packaging/windows.py`` makes the installer; it is installed silently (``/S``) into a fresh
WINEPREFIX, and the installed ``cchc.exe`` does a user's work in ``C:\\Tài liệu CCHC``: sample
file, checks, every kind of document (fonts embedded), backup and restore over the file it
came from.  The installed window starts offscreen on the sample and is grabbed to a PNG
(Qt's Windows platform plugin aborts under wine 8: "Unable to open monitor interface").
Needs ``makensis`` and ``wine64`` (``python3 tasks.py test`` apt-installs them on Debian as root).
"""
from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import subprocess
from pathlib import Path

import pytest

import built_program

ROOT = Path(__file__).resolve().parents[1]
WINE = shutil.which("wine64") or "/usr/lib/wine/wine64"
APP_DIR = "CCHC Desktop"
SETUP_LIMIT, INSTALLED_LIMIT = 150e6, 400e6

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not Path(WINE).exists() or not shutil.which("makensis"),
                       reason="needs wine64 and makensis (python3 tasks.py test installs them on Debian)"),
]

GRAB = r'''
import os, sys, tempfile
# Set here, not in wine's environment: wine does not hand QT_* variables to the program.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ["QT_QPA_FONTDIR"] = sys.argv[3]
from PySide6.QtCore import QSettings, QSize
from PySide6.QtWidgets import QApplication
from cchc_desktop.gui import settings
print(settings.store().fileName())     # where the window keeps its settings on Windows
QSettings.setPath(QSettings.IniFormat, QSettings.UserScope, tempfile.mkdtemp())
app = QApplication(sys.argv[:1])
from cchc_desktop.gui import translations
translations.install(app)
from cchc_desktop.store import Workspace
from cchc_desktop.gui.main_window import MainWindow
window = MainWindow(Workspace.open(sys.argv[1]))
window.resize(1280, 720)
window.show()
for _ in range(30):
    app.processEvents()
window.grab().save(sys.argv[2])
print(window.windowTitle())
# The print dialog's parts load: QtCharts, QtPrintSupport, QtPdf.  (QPdfDocument itself stops
# at a pdfium check under wine 8, so the print preview is left to a real Windows PC.)
from PySide6 import QtCharts, QtPdf, QtPrintSupport
print(QtCharts.QChart().__class__.__name__, QtPrintSupport.QPrinter().pageLayout().pageSize().name(),
      QtPdf.QPdfDocument.__name__)
'''


def _builder():
    spec = importlib.util.spec_from_file_location("cchc_windows_build", ROOT / "packaging" / "windows.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class Wine:
    """A fresh WINEPREFIX and the programs run in it."""

    def __init__(self, prefix: Path):
        self.prefix = prefix
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all",
                        WINEDLLOVERRIDES="mscoree,mshtml=", WINEARCH="win64")
        self.env.pop("DISPLAY", None)
        self.env.pop("PYTHONPATH", None)

    def run(self, exe, *args, cwd=None, env=None, timeout=600) -> subprocess.CompletedProcess:
        # stdin from /dev/null and pipes for the rest: wine gives Python valid standard handles
        return subprocess.run([WINE, str(exe), *map(str, args)], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", stdin=subprocess.DEVNULL,
                              cwd=cwd or self.prefix.parent, env={**self.env, **(env or {})}, timeout=timeout)

    def c(self, *parts) -> Path:
        """A path under C:\\ as the Linux side sees it."""
        return self.prefix.joinpath("drive_c", *parts)

    def user_dir(self) -> Path:
        return next(self.c("users").glob("*/AppData")).parent


def fresh_prefix(path: Path) -> Wine:
    wine = Wine(path)
    r = wine.run("wineboot", "-i")
    assert r.returncode == 0, r.stderr[-2000:]
    # wine 8 makes a "Windows 7" prefix; the program is for Windows 10 and 11
    wine.run("reg", "add", r"HKCU\Software\Wine", "/v", "Version", "/t", "REG_SZ", "/d", "win10", "/f")
    return wine


@pytest.fixture(scope="module")
def setup_exe(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("installer")
    return _builder().build(out_dir=tmp / "dist", work=tmp / "work")


@pytest.fixture(scope="module")
def installed(setup_exe, tmp_path_factory):
    """(wine, install folder, setup.exe): the installer installed silently for this user."""
    wine = fresh_prefix(tmp_path_factory.mktemp("prefix") / "wine")
    r = wine.run(setup_exe, "/S")
    assert r.returncode == 0, r.stderr[-2000:]
    folder = wine.user_dir() / "AppData" / "Local" / "Programs" / APP_DIR
    assert (folder / "cchc.exe").is_file(), sorted(p.name for p in folder.parent.glob("*"))
    return wine, folder, setup_exe


def test_installed_per_user_with_shortcuts_file_type_and_licences(installed):
    wine, folder, setup = installed
    assert setup.stat().st_size < SETUP_LIMIT
    size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())
    assert size < INSTALLED_LIMIT, size
    assert {"cchc.exe", "cchc-desktop.exe", "uninstall.exe", "LICENSE-Python.txt", "Python", "lib"} <= \
        {p.name for p in folder.iterdir()}
    assert "PYTHON SOFTWARE FOUNDATION LICENSE" in (folder / "LICENSE-Python.txt").read_text(encoding="utf-8")
    # only the Qt the program uses
    qt = {p.name for p in (folder / "lib" / "PySide6").glob("*.pyd")}
    assert qt == {"QtCore.pyd", "QtGui.pyd", "QtWidgets.pyd", "QtPrintSupport.pyd", "QtCharts.pyd", "QtPdf.pyd"}
    assert not list((folder / "lib" / "PySide6").glob("Qt6WebEngine*")) and not (folder / "lib" / "PySide6" / "qml").exists()
    home = wine.user_dir()
    assert list(home.rglob("Start Menu/Programs/CCHC Desktop.lnk"))
    assert (home / "Desktop" / "CCHC Desktop.lnk").exists()
    r = wine.run("reg", "query", r"HKCU\Software\Classes\CCHCDesktop.TepDuLieu\shell\open\command", "/ve")
    assert "cchc-desktop.exe" in r.stdout and "%1" in r.stdout, r.stdout
    r = wine.run("reg", "query", r"HKCU\Software\Classes\.cchc", "/ve")
    assert "CCHCDesktop.TepDuLieu" in r.stdout
    r = wine.run("reg", "query", r"HKCU\Software\Microsoft\Windows\CurrentVersion\Uninstall\CCHCDesktop",
                 "/v", "QuietUninstallString")
    assert "uninstall.exe" in r.stdout and "/S" in r.stdout


def test_installed_cchc_does_the_work_in_a_vietnamese_folder(installed):
    wine, folder, _ = installed
    r = wine.run(folder / "cchc.exe", "--version")
    assert r.returncode == 0 and r.stdout.startswith("cchc "), (r.stdout, r.stderr[-2000:])
    r = wine.run(folder / "cchc-desktop.exe", "--version")    # the window's launcher (pythonw.exe)
    assert r.returncode == 0 and r.stdout.startswith("cchc-desktop "), (r.stdout, r.stderr[-2000:])
    host = wine.c(built_program.FOLDER)
    made = built_program.exercise(lambda args: wine.run(folder / "cchc.exe", *args, cwd=host), host,
                                  lambda name: "C:\\" + built_program.FOLDER + "\\" + name)
    # no Times New Roman under wine: the shipped Liberation Serif, embedded
    assert any("LiberationSerif" in f for f in made["fonts"]), made["fonts"]


HOLD = r'''
import hashlib, sqlite3, subprocess, sys
cchc, db, made = sys.argv[1:4]
held = sqlite3.connect(db)              # another program keeps the workspace open
held.execute("SELECT count(*) FROM sqlite_master").fetchone()
r = subprocess.run([cchc, "restore", "--db", db, made], capture_output=True, text=True, encoding="utf-8")
print(r.returncode, r.stderr.replace("\n", " "))
print(hashlib.sha256(open(db, "rb").read()).hexdigest())    # the file after the refused restore
held.close()
r = subprocess.run([cchc, "restore", "--db", db, made], capture_output=True, text=True, encoding="utf-8")
print(r.returncode, r.stderr.replace("\n", " "))
'''


def test_restore_onto_a_workspace_held_open_is_refused_and_leaves_it(installed):
    # Windows refuses to rename over a file another handle holds; wine does as Windows does.
    wine, folder, _ = installed
    host = wine.c("giữ mở")
    host.mkdir(exist_ok=True)
    (host / "hold.py").write_text(HOLD, encoding="utf-8")
    db = r"C:\giữ mở\tệp.cchc"
    assert wine.run(folder / "cchc.exe", "demo", "--db", db).returncode == 0
    r = wine.run(folder / "cchc.exe", "backup", "--db", db, "--out", r"C:\giữ mở")
    made = r.stdout.strip().splitlines()[-1]
    before = (host / "tệp.cchc").read_bytes()
    r = wine.run(folder / "Python" / "python.exe", "-X", "utf8", r"C:\giữ mở\hold.py", folder_win(wine, folder)
                 + r"\cchc.exe", db, made)
    assert r.returncode == 0, r.stderr[-2000:]
    held, after_refusal, freed = r.stdout.splitlines()[:3]
    assert held.startswith("1 ") and "đang mở" in held and "tệp.cchc" in held, held
    assert after_refusal == hashlib.sha256(before).hexdigest()      # left exactly as it was
    assert freed.startswith("0 ") and "Đã khôi phục" in freed, freed
    assert not list(host.glob(".tệp.cchc.restore-*"))


def folder_win(wine, folder) -> str:
    """The install folder as Windows names it."""
    return "C:\\" + str(folder.relative_to(wine.c())).replace("/", "\\")


def test_installed_window_starts_offscreen_and_is_grabbed(installed, tmp_path):
    wine, folder, _ = installed
    host = wine.c("grab")
    host.mkdir(exist_ok=True)
    (host / "grab.py").write_text(GRAB, encoding="utf-8")
    r = wine.run(folder / "cchc.exe", "demo", "--db", r"C:\grab\mẫu.cchc")
    assert r.returncode == 0, r.stderr[-2000:]
    fonts = folder_win(wine, folder) + r"\lib\cchc_desktop\_resources\fonts"
    r = wine.run(folder / "Python" / "python.exe", "-X", "utf8", r"C:\grab\grab.py", r"C:\grab\mẫu.cchc",
                 r"C:\grab\cua-so.png", fonts)
    assert r.returncode == 0, r.stderr[-3000:]
    settings_file, title, qt = r.stdout.splitlines()[:3]
    assert qt.split() == ["QChart", "A4", "QPdfDocument"], qt
    assert settings_file.replace("/", "\\").endswith(r"AppData\Roaming\CCHC\CCHC Desktop.ini"), settings_file
    assert "phường 2" in title.lower() or "CCHC" in title, title
    from PySide6.QtGui import QImage
    image = QImage(str(host / "cua-so.png"))
    assert (image.width(), image.height()) == (1280, 720)
    colours = {image.pixel(x, y) for x in range(0, 1280, 16) for y in range(0, 720, 16)}
    assert len(colours) > 20          # a drawn window, not a blank or black frame
    out = os.environ.get("CCHC_INSTALLER_SHOTS")       # to look at them: a folder to copy them to
    if out:
        shutil.copy(host / "cua-so.png", Path(out) / "wine-offscreen-window.png")


def test_times_new_roman_is_taken_from_the_windows_fonts_folder(installed):
    # wine has no Times New Roman: the shipped Liberation Serif files are put in C:\windows\Fonts
    # under TNR's file names, to show the program looks for them where Windows keeps them.
    wine, folder, _ = installed
    shipped = folder / "lib" / "cchc_desktop" / "_resources" / "fonts"
    fonts = wine.c("windows", "Fonts")
    names = {"times.ttf": "Regular", "timesbd.ttf": "Bold", "timesi.ttf": "Italic", "timesbi.ttf": "BoldItalic"}
    code = "from cchc_desktop.reports import fonts; print(fonts.register())"
    r = wine.run(folder / "Python" / "python.exe", "-c", code)
    assert r.stdout.strip() == "Liberation Serif", r.stderr[-2000:]
    for name, style in names.items():
        shutil.copy(shipped / f"LiberationSerif-{style}.ttf", fonts / name)
    try:
        r = wine.run(folder / "Python" / "python.exe", "-c", code)
        assert r.stdout.strip() == "Times New Roman", r.stderr[-2000:]
    finally:
        for name in names:
            (fonts / name).unlink()


def test_uninstall_keeps_the_users_files(installed):
    wine, folder, _ = installed
    data = wine.c(built_program.FOLDER)
    data.mkdir(exist_ok=True)
    (data / "giữ lại.cchc").write_bytes(b"x")
    r = wine.run(folder / "uninstall.exe", "/S")
    assert r.returncode == 0
    for _ in range(60):             # NSIS' uninstaller copies itself to %TEMP% and runs from there
        if not (folder / "cchc.exe").exists():
            break
        subprocess.run(["sleep", "1"])
    assert not (folder / "cchc.exe").exists() and not (folder / "lib").exists()
    assert (data / "giữ lại.cchc").exists()
    assert not (wine.user_dir() / "Desktop" / "CCHC Desktop.lnk").exists()


def test_it_installs_for_all_users_silently_and_upgrades_in_place(setup_exe, tmp_path):
    # What an IT person runs as administrator (wine's user is one): Program Files, HKLM, shared shortcuts.
    wine = fresh_prefix(tmp_path / "wine")
    r = wine.run(setup_exe, "/S", "/ALLUSERS")
    assert r.returncode == 0, r.stderr[-2000:]
    folder = wine.c("Program Files", APP_DIR)
    assert (folder / "cchc.exe").is_file() and (folder / "all-users").exists()
    assert not wine.user_dir().joinpath("AppData", "Local", "Programs", APP_DIR).exists()
    assert list(wine.c("ProgramData").rglob("Start Menu/Programs/CCHC Desktop.lnk"))
    assert wine.c("users", "Public", "Desktop", "CCHC Desktop.lnk").exists()
    r = wine.run("reg", "query", r"HKLM\Software\Classes\.cchc", "/ve")
    assert "CCHCDesktop.TepDuLieu" in r.stdout, r.stdout
    r = wine.run(setup_exe, "/S", "/ALLUSERS")           # the next version over this one
    assert r.returncode == 0
    r = wine.run(folder / "cchc.exe", "--version")
    assert r.returncode == 0 and r.stdout.startswith("cchc "), r.stderr[-2000:]
    r = wine.run(folder / "uninstall.exe", "/S")
    assert r.returncode == 0
    for _ in range(60):
        if not (folder / "cchc.exe").exists():
            break
        subprocess.run(["sleep", "1"])
    assert not (folder / "cchc.exe").exists()
    r = wine.run("reg", "query", r"HKLM\Software\Classes\.cchc", "/ve")
    assert "CCHCDesktop.TepDuLieu" not in r.stdout
