"""The program as users get it: an installed wheel and the PyInstaller bundle."""
import json
import os
import subprocess
import sys
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_runs_catalogue_outside_the_source_tree(tmp_path):
    wheels = tmp_path / "wheels"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "--no-build-isolation",
                    "-w", wheels, ROOT], check=True, capture_output=True)
    wheel = next(wheels.glob("cchc_desktop-*.whl"))
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    # The command line's core needs no third-party package, so --no-deps proves the data travel inside.
    subprocess.run([bindir / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel],
                   check=True, capture_output=True)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    r = subprocess.run([bindir / "cchc", "catalogue", "--json"], cwd=elsewhere, capture_output=True,
                       text=True, encoding="utf-8", env={k: v for k, v in os.environ.items() if k != "PYTHONPATH"})
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert "dossier.received_total" in {i["key"] for i in data["indicators"]}
    r = subprocess.run([bindir / "cchc", "demo", "--db", tmp_path / "w.cchc"], cwd=elsewhere,
                       capture_output=True, text=True, encoding="utf-8")
    assert r.returncode == 0, r.stderr


def test_bundle_starts_and_answers_version(tmp_path):
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
