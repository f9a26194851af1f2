"""The program as users get it: an installed wheel and the PyInstaller bundle."""
import importlib.util
import io
import json
import os
import re
import subprocess
import sys
import tomllib
import venv
import zipfile
from pathlib import Path

import pytest

import built_program

ROOT = Path(__file__).resolve().parents[1]


def windows_builder():
    """packaging/windows.py (packaging/ is no package: the name belongs to PyPI's packaging)."""
    spec = importlib.util.spec_from_file_location("cchc_windows_build", ROOT / "packaging" / "windows.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_wheel_runs_catalogue_outside_the_source_tree(tmp_path):
    wheels = tmp_path / "wheels"
    wheel = windows_builder().own_wheel(Path(sys.executable), wheels)
    with zipfile.ZipFile(wheel) as z:
        assert not [n for n in z.namelist() if n.endswith(".ui")]     # the dialogs are compiled forms
        packages = {str(p.relative_to(ROOT)) for p in (ROOT / "cchc_desktop").rglob("__init__.py")}
        assert packages <= set(z.namelist()), "a package is missing from [tool.setuptools] packages"
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    # The command line's core needs no third-party package, so --no-deps proves the data travel inside.
    clean = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}   # a checkout there looks installed
    subprocess.run([bindir / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel],
                   check=True, capture_output=True, env=clean)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = subprocess.run([bindir / "cchc", "catalogue", "--json"], cwd=elsewhere, capture_output=True,
                       text=True, encoding="utf-8", env=clean)
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert "dossier.received_total" in {i["key"] for i in data["indicators"]}
    r = subprocess.run([bindir / "cchc", "demo", "--db", tmp_path / "w.cchc"], cwd=elsewhere,
                       capture_output=True, text=True, encoding="utf-8", env=clean)
    assert r.returncode == 0, r.stderr


@pytest.mark.slow
def test_bundle_makes_every_document_backs_up_and_restores(tmp_path):
    pytest.importorskip("PyInstaller")
    r = subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "ERROR",
                        "--distpath", tmp_path / "dist", "--workpath", tmp_path / "work", ROOT / "build.spec"],
                       capture_output=True, text=True, cwd=tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    folder = tmp_path / "dist" / "cchc-desktop"
    exe = ".exe" if os.name == "nt" else ""
    out = subprocess.run([folder / f"cchc-desktop{exe}", "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.startswith("cchc-desktop ")
    out = subprocess.run([folder / f"cchc{exe}", "catalogue", "--json"], capture_output=True, text=True,
                         encoding="utf-8", cwd=tmp_path)
    assert out.returncode == 0 and json.loads(out.stdout)["areas"]
    # The window itself starts from the bundle: a demo workspace made by the bundled cchc,
    # then the real window shown on it with its home page (findings counted), and a clean exit.
    out = subprocess.run([folder / f"cchc{exe}", "demo", "--db", tmp_path / "mau.cchc"], capture_output=True,
                         text=True, encoding="utf-8", cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=str(tmp_path / "config"))
    out = subprocess.run([folder / f"cchc-desktop{exe}", "--smoke-test", tmp_path / "mau.cchc"], capture_output=True,
                         text=True, encoding="utf-8", cwd=tmp_path, env=env, timeout=300)
    assert out.returncode == 0, out.stderr[-3000:]
    assert not (tmp_path / "config" / "CCHC").exists()   # a smoke test remembers nothing
    # Everything a user makes, made by the bundled cchc itself in a folder named in Vietnamese.
    work = tmp_path / built_program.FOLDER
    made = built_program.exercise(
        lambda args: subprocess.run([folder / f"cchc{exe}", *args], capture_output=True, text=True,
                                    encoding="utf-8", cwd=work, env=env, timeout=300), work)
    assert any("LiberationSerif" in f or "TimesNewRoman" in f for f in made["fonts"]), made["fonts"]


def _closure(names):
    """Installed distributions that *names* need on this machine, with their versions."""
    from importlib.metadata import distribution
    from packaging.markers import Marker
    from packaging.requirements import Requirement
    seen = {}
    todo = list(names)
    while todo:
        req = Requirement(todo.pop())
        key = re.sub(r"[-_.]+", "-", req.name).lower()
        if key in seen or (req.marker and not req.marker.evaluate({"extra": ""})):
            continue
        seen[key] = distribution(req.name).version
        todo += distribution(req.name).requires or []
    return seen


def test_every_dependency_is_pinned_and_installed_at_its_pin():
    pins = windows_builder().pins({})   # as this machine reads them
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    installed = _closure(deps + ["pyinstaller", "wheel"])
    installed.pop("pip", None)        # sqlite-utils names pip; no built program carries it
    assert {k: v for k, v in installed.items() if pins.get(k) != v} == {}, "constraints.txt and .venv differ"
    assert set(pins) == set(installed), "constraints.txt pins what nothing needs, or misses a dependency"


def test_installer_carries_the_qt_modules_the_code_imports():
    windows = windows_builder()
    used = set()
    for path in (ROOT / "cchc_desktop").rglob("*.py"):
        used |= set(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert used == set(windows.QT_MODULES)


def test_wheel_leaves_the_ui_files_out():
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert "_ui" not in text
    # nothing reads a .ui file at run time: the dialogs are the compiled forms
    for path in (ROOT / "cchc_desktop").rglob("*.py"):
        code = path.read_text(encoding="utf-8")
        assert "QUiLoader" not in code and '.ui"' not in code, path


def test_windows_launchers_run_the_embedded_python_beside_them():
    windows = windows_builder()
    for kind, python in (("t", b"python.exe"), ("w", b"pythonw.exe")):
        exe = windows.launcher(kind, windows.LAUNCHER_MAIN["cchc"])
        assert exe.startswith(b"MZ")
        assert b'#!"<launcher_dir>\\Python\\' + python + b'" -X utf8\r\n' in exe
        head, _, payload = exe.partition(b"-X utf8\r\n")
        with zipfile.ZipFile(io.BytesIO(payload)) as z:
            assert "from cchc_desktop.cli import main" in z.read("__main__.py").decode()
