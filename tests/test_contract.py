"""The JSON contract duben/document@1: schema, tiling, offsets, syllables."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import duben
from duben.hanzi import is_han

SYLLABLE = re.compile(r"^[a-z]+[1-5]$")

#: Terms of the sample report that the foundation must find, whole, on token boundaries.
REPORT_TERMS = ["四水四定", "九通一平", "五篇大文章", "十五五", "煤电铝气材", "山水林田湖草沙"]


def test_sample_export_validates(sample_doc, validate):
    data = json.loads(duben.to_json(sample_doc))
    validate(data)
    assert data["schema"] == "duben/document@1"
    assert data["text"] == sample_doc.text


def test_sample_tokens_tile_the_text(sample_doc, sample_text):
    data = json.loads(duben.to_json(sample_doc))
    assert "".join(t["text"] for t in data["tokens"]) == sample_text
    position = 0
    for token in data["tokens"]:
        assert token["start"] == position
        assert sample_text[token["start"] : token["end"]] == token["text"]
        position = token["end"]
    assert position == len(sample_text)


def test_every_han_character_has_a_syllable(sample_doc):
    for token in sample_doc.tokens:
        assert len(token.syllables) == len(token.text)
        for char, syllable in zip(token.text, token.syllables, strict=True):
            if is_han(char):
                assert syllable is not None and SYLLABLE.match(syllable), (token.text, syllable)
            else:
                assert syllable is None, (token.text, char)
        assert (token.pinyin is None) == (not token.is_han)


@pytest.mark.parametrize("term", REPORT_TERMS, ids=REPORT_TERMS)
def test_report_terms_are_found_on_token_boundaries(sample_doc, term):
    matches = [m for m in sample_doc.terms if m.text.replace("、", "") == term and m.parent is None]
    assert matches, f"{term} not among the terms"
    starts = {t.start for t in sample_doc.tokens}
    ends = {t.end for t in sample_doc.tokens}
    for match in matches:
        assert match.start in starts and match.end in ends
        assert sample_doc.text[match.start : match.end] == match.text
        assert match.id in sample_doc.glossary
        inside = sample_doc.tokens_in(match.start, match.end)
        assert all(t.term == match.id for t in inside)


def test_headings_are_blocks(sample_doc):
    headings = [b for b in sample_doc.blocks if b.kind == "heading"]
    assert sample_doc.text[headings[0].start : headings[0].end] == "锚定新蓝图 奋进新征程"
    assert headings[0].level == 1
    assert {b.level for b in headings} == {1, 2, 3}
    captions = [sample_doc.text[b.start : b.end] for b in sample_doc.blocks if b.kind == "caption"]
    assert "与会代表分组讨论" in captions


def test_empty_input_gives_an_empty_document(validate):
    doc = duben.annotate("")
    data = json.loads(duben.to_json(doc))
    validate(data)
    assert data["tokens"] == [] and data["blocks"] == [] and data["terms"] == []


@pytest.mark.parametrize(
    "text",
    ["第一行\r\n第二行\r\n", "旧式\r换行\r", "混合\n\r\n\r结尾", "\ufeff开头的字"],
    ids=["crlf", "cr", "mixed", "bom-char-kept"],
)
def test_line_endings_and_offsets_are_kept(text, validate):
    doc = duben.annotate(text)
    data = json.loads(duben.to_json(doc))
    validate(data)
    assert data["text"] == text
    assert "".join(t["text"] for t in data["tokens"]) == text
    for block in doc.blocks:
        assert "\r" not in text[block.start : block.end] and "\n" not in text[block.start : block.end]


def test_json_round_trips(sample_doc):
    text = duben.to_json(sample_doc)
    assert json.loads(text) == json.loads(duben.to_json(duben.annotate(sample_doc.text)))


_texts = st.text(
    alphabet=st.sampled_from(list("兴县推进四水四定碳达峰中和、“”。，！ \n\r\tAb1２#<>&") + ["\u3007", "𠀀"]),
    max_size=40,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=_texts)
def test_any_text_tiles_and_validates(text, validate):
    doc = duben.annotate(text)
    validate(json.loads(duben.to_json(doc)))
    assert "".join(t.text for t in doc.tokens) == text
    for term in doc.terms:
        assert text[term.start : term.end] == term.text


def test_token_rejects_a_span_that_does_not_fit():
    from duben.model import Token

    with pytest.raises(ValueError, match="does not fit"):
        Token(start=0, end=3, text="兴县", syllables=("xing1", "xian4"))


def test_annotate_takes_every_option():
    doc = duben.annotate("一个软件", sandhi=True, glosses=False, script="twp")
    assert doc.script == "twp" and doc.sandhi
    assert [t.spoken for t in doc.tokens][0] == ("yi2", "ge4")
    assert all(t.glosses == () for t in doc.tokens)
    assert "軟體" in "".join(t.display or t.text for t in doc.tokens)
