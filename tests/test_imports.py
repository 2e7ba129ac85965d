"""`import duben` stays cheap: no engine imported, no data file read."""

from __future__ import annotations

import subprocess
import sys

import pytest


def test_import_loads_no_engine():
    code = (
        "import sys, builtins\n"
        "opened = []\n"
        "real_open = builtins.open\n"
        "builtins.open = lambda f, *a, **k: (opened.append(str(f)), real_open(f, *a, **k))[1]\n"
        "import duben\n"
        "heavy = [m for m in ('jieba', 'pypinyin', 'opencc', 'sqlite3') if m in sys.modules]\n"
        "print(heavy, [f for f in opened if 'duben' in f])\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[] []"


@pytest.mark.parametrize("name", ["annotate", "Document", "Glossary", "to_json", "to_html", "InputError", "PinyinStyle"])
def test_public_names_resolve(name):
    import duben

    assert getattr(duben, name) is not None
    assert name in duben.__all__
