"""Candidate detection: likely policy terms the glossary lacks."""

from __future__ import annotations

import io

import pytest

from duben.cli import main
from duben.model import TermMatch
from duben.suggest import find_candidates


@pytest.mark.parametrize(
    "text, expected",
    [
        ("严格落实四水四定原则", [("四水四定", "numbered formula")]),
        ("落实九通一平建设条件", [("九通一平", "numbered formula")]),
        ("持续推进三去一降一补", [("三去一降一补", "numbered formula")]),
        ("巩固两不愁三保障成果", [("两不愁三保障", "numbered formula")]),
        ("做好五篇大文章", [("五篇大文章", "numbered formula")]),
        ("实现固废处置“吃干榨尽”", [("吃干榨尽", "quoted slogan")]),
        ("提升“脚力、眼力、脑力、笔力”", [("脚力、眼力、脑力、笔力", "quoted slogan")]),
        ("推动产业向高端化、智能化、绿色化升级", [("高端化、智能化、绿色化", "parallel enumeration")]),
    ],
    ids=[
        "paired",
        "paired-mixed-numerals",
        "three-pairs",
        "two-char-groups",
        "counted",
        "quoted",
        "quoted-enumeration",
        "enumeration",
    ],
)
def test_finds_term_shapes(text, expected):
    assert [(c.text, c.reason) for c in find_candidates(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "从三个方面发力",
        "种粮劲头一年比一年足",
        "他说：“有了这笔钱，你的房贷不用愁了，安心工作就行。”",
        "工业、农业、城乡建设、生态保护",
    ],
    ids=["counting", "same-numeral-comparison", "long-speech", "enumeration-without-shared-affix"],
)
def test_ordinary_language_is_not_suggested(text):
    assert find_candidates(text) == []


def test_terms_already_in_the_glossary_are_skipped():
    text = "落实“九通一平”建设条件"
    covered = [TermMatch("jiu-tong-yi-ping", 3, 7, "九通一平")]
    assert find_candidates(text, covered) == []


def test_offsets_point_into_the_text():
    text = "前言。做好五篇大文章，落实“吃干榨尽”。"
    for candidate in find_candidates(text):
        assert text[candidate.start : candidate.end] == candidate.text


def test_cli_suggest_lists_candidates_with_lines(tmp_path):
    source = tmp_path / "in.txt"
    source.write_text("第一段。\n做好“稳字当头”工作，稳字当头。\n再说“稳字当头”。\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    assert main(["glossary", "suggest", str(source)], stdout=out, stderr=err) == 0
    lines = out.getvalue().splitlines()
    assert lines[0] == "candidate\treason\tcount\tlines"
    assert "稳字当头\tquoted slogan\t2\t2,3" in lines
