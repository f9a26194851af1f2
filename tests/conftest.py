"""Shared fixtures: real workspace files in a temporary folder.

The sample workspace is made once per test session and copied for each test that
wants it (making it is the slow part), as Anki's tests do.
"""
from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cchc_desktop import demo  # noqa: E402
from cchc_desktop.store import Workspace  # noqa: E402


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    path = tmp_path_factory.mktemp("master") / "mau.cchc"
    demo.create(path)
    return path


@pytest.fixture
def demo_path(demo_master, tmp_path):
    """A fresh copy of the sample workspace file."""
    path = tmp_path / "mau.cchc"
    shutil.copy(demo_master, path)
    return path


@pytest.fixture
def demo_ws(demo_path):
    ws = Workspace.open(demo_path)
    yield ws
    ws.close()


@pytest.fixture
def ws(tmp_path):
    """An empty workspace of a unit, with no periods."""
    w = Workspace.create(tmp_path / "ws.cchc", name="UBND xã Thử", parent="UBND huyện Mẫu", place="Thử")
    yield w
    w.close()
