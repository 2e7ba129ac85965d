"""The command line: outputs, exit statuses and one-line errors."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from duben.cli import main


def run(*argv: str, stdin: bytes | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin)))
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_annotate_to_json_file(tmp_path, sample_text, validate):
    out = tmp_path / "r.json"
    code, stdout, stderr = run("annotate", "data/reports/xingxian-plenum-2025.md", "-o", str(out))
    assert (code, stdout, stderr) == (0, "", "")
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    assert data["text"] == sample_text


def test_format_follows_the_output_extension(tmp_path):
    out = tmp_path / "r.html"
    assert run("annotate", "data/reports/xingxian-plenum-2025.md", "-o", str(out))[0] == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_stdin_and_stdout(monkeypatch):
    code, stdout, _ = run("annotate", "-", "--format", "json", stdin="推进四水四定".encode("gb18030"), monkeypatch=monkeypatch)
    assert code == 0
    assert json.loads(stdout)["text"] == "推进四水四定"


def test_user_glossary_option(tmp_path):
    extra = tmp_path / "mine.csv"
    extra.write_text("term,pinyin,gloss\n磅礴力量,pángbó lìliàng,mighty force\n", encoding="utf-8")
    source = tmp_path / "in.txt"
    source.write_text("凝聚发展磅礴力量", encoding="utf-8")
    code, stdout, _ = run("annotate", str(source), "--glossary", str(extra))
    assert code == 0
    terms = json.loads(stdout)["terms"]
    assert [(t["text"], t["id"]) for t in terms] == [("磅礴力量", "pang-bo-li-liang")]


@pytest.mark.parametrize(
    "setup, message",
    [
        ("missing", "no such file"),
        ("directory", "is a directory"),
        ("binary", "binary data"),
        ("undecodable", "not UTF-8, GB18030 or Big5"),
        ("bad-glossary", "missing gloss"),
    ],
    ids=["missing", "directory", "binary", "undecodable", "bad-glossary"],
)
def test_bad_input_exits_1_with_one_line(tmp_path, setup, message):
    path = tmp_path / "input.txt"
    argv = ["annotate", str(path)]
    if setup == "directory":
        path.mkdir()
    elif setup == "binary":
        path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00")
    elif setup == "undecodable":
        path.write_bytes(b"\xff\xfe\xfd\xfc\x81\x30")
    elif setup == "bad-glossary":
        path.write_text("文本", encoding="utf-8")
        bad = tmp_path / "g.toml"
        bad.write_text('[x-y]\nterm = "一二"\npinyin = "yī èr"\n', encoding="utf-8")
        argv += ["--glossary", str(bad)]
    code, stdout, stderr = run(*argv)
    assert code == 1
    assert stdout == ""
    assert stderr.count("\n") == 1 and stderr.startswith("duben: ")
    assert message in stderr
    assert "Traceback" not in stderr


def test_bad_glossary_error_names_file_and_line(tmp_path):
    bad = tmp_path / "g.toml"
    bad.write_text(
        '[ok]\nterm = "一"\npinyin = "yī"\ngloss = "one"\n\n[x-y]\nterm = "一二"\npinyin = "yī"\ngloss = "a"\n', encoding="utf-8"
    )
    code, _, stderr = run("glossary", "check", str(bad))
    assert code == 1
    assert f"{bad}:8: [pinyin]" in stderr
    assert "1 syllables for 2 Han characters" in stderr


@pytest.mark.parametrize(
    "argv",
    [[], ["annotate"], ["annotate", "x", "--format", "pdf"], ["frobnicate"], ["glossary"]],
    ids=["nothing", "no-input", "bad-format", "bad-command", "glossary-no-action"],
)
def test_bad_usage_exits_2(argv):
    code, stdout, stderr = run(*argv)
    assert code == 2
    assert "usage:" in stderr and "Traceback" not in stderr


def test_python_dash_m_runs_the_same_cli(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("兴县", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "duben", "annotate", str(source)], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["tokens"][0]["text"] == "兴县"
    missing = subprocess.run([sys.executable, "-m", "duben", "annotate", str(tmp_path / "nope")], capture_output=True, text=True)
    assert missing.returncode == 1
    assert missing.stderr.strip().endswith("no such file") and "Traceback" not in missing.stderr


def test_glossary_search_and_show(tmp_path):
    code, stdout, _ = run("glossary", "search", "四水四定")
    assert code == 0 and stdout.startswith("si-shui-si-ding\t四水四定\t")
    code, stdout, _ = run("glossary", "show", "si-shui-si-ding")
    assert code == 0 and "四水四定" in stdout and "sìshuǐ-sìdìng" in stdout
    code, _, stderr = run("glossary", "show", "no-such-id")
    assert code == 1 and "no glossary entry 'no-such-id'" in stderr


def test_annotate_prints_nothing_but_the_output(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("兴县", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "duben", "annotate", str(source), "-o", str(tmp_path / "o.json")], capture_output=True, text=True
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")
