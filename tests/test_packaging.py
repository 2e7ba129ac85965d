"""The built wheel carries the data the package reads at run time."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> zipfile.ZipFile:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(out), str(ROOT)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (path,) = out.glob("duben-*.whl")
    return zipfile.ZipFile(path)


def test_wheel_contains_runtime_data(wheel):
    names = set(wheel.namelist())
    glossary_files = sorted(p.name for p in (ROOT / "src" / "duben" / "data" / "glossary").glob("*.toml"))
    assert glossary_files
    for name in glossary_files:
        assert f"duben/data/glossary/{name}" in names
    assert "duben/data/glossary/README.md" in names
    assert "duben/schema/document-1.json" in names
    assert "duben/py.typed" in names
    json.loads(wheel.read("duben/schema/document-1.json"))


def test_wheel_ships_no_tests_or_pickles(wheel):
    names = wheel.namelist()
    assert not [n for n in names if n.startswith("tests/") or n.endswith((".pkl", ".pickle"))]


def test_package_finds_its_data_from_any_directory(tmp_path):
    done = subprocess.run(
        [sys.executable, "-c", "import duben; print(duben.annotate('推进四水四定').terms[0].id)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "si-shui-si-ding"
