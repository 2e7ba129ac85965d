"""Segmentation: private tokenizer, protected spans, tiling."""

from __future__ import annotations

import pytest

import duben
from duben.segment import Segmenter, default_segmenter


def words(text: str, pieces) -> list[str]:
    return [text[p.start : p.end] for p in pieces]


@pytest.mark.parametrize(
    "text, spans, expected",
    [
        ("兴县县委十七届十一次全会精神", [(2, 12)], ["兴县", "县委十七届十一次全会", "精神"]),
        ("落实九通一平建设条件", [(2, 6)], ["落实", "九通一平", "建设", "条件"]),
        ("深化一窗受理、全代办服务", [(2, 10)], ["深化", "一窗受理", "、", "全代办", "服务"]),
        ("推进5G网络建设", [(2, 6)], ["推进", "5G网络", "建设"]),
    ],
    ids=["cuts-through-words", "numbered-formula", "comma-inside", "digits-inside"],
)
def test_protected_spans_stay_whole(text, spans, expected):
    pieces = default_segmenter().segment(text, spans)
    assert words(text, pieces) == expected
    assert [p.protected for p in pieces if (p.start, p.end) in spans] == [True] * sum(
        1 for p in pieces if (p.start, p.end) in spans
    )


def test_words_away_from_spans_are_not_recut():
    text = "岁末冬深，瑞雪纷飞。推进九通一平。"
    segmenter = default_segmenter()
    plain = segmenter.cut(text)
    protected = segmenter.protect(text, plain, [(12, 16)])
    before = [(p.start, p.end) for p in plain if p.end <= 10]
    assert [(p.start, p.end) for p in protected if p.end <= 10] == before


def test_user_words_go_to_a_private_tokenizer():
    import jieba

    mine = Segmenter(["磅礴力量"])
    assert words("凝聚磅礴力量", mine.cut("凝聚磅礴力量")) == ["凝聚", "磅礴力量"]
    assert "磅礴力量" not in jieba.dt.FREQ  # the process-wide tokenizer is untouched


@pytest.mark.parametrize(
    "text, term_texts",
    [("高家村镇镇长马志伟", ["高家村镇", "镇长"]), ("建立城镇长效机制", [])],
    ids=["short-term-as-a-word", "short-term-inside-other-words"],
)
def test_short_terms_count_only_as_words(text, term_texts):
    assert [m.text for m in duben.annotate(text).terms if m.parent is None] == term_texts


@pytest.mark.parametrize(
    "text, name",
    [("□ 文/图 张亚东", "张亚东"), ("记者 王海东 报道", "王海东"), ("三张亚东的照片", None)],
    ids=["byline", "reporter", "measure-word-after-a-number"],
)
def test_a_surname_and_a_name_jieba_knows_as_a_word_are_one_name(text, name):
    names = [text[p.start : p.end] for p in default_segmenter().cut(text) if p.pos == "nr"]
    assert names == ([name] if name else [])


@pytest.mark.parametrize(
    "text, name",
    [("经研究，任建平同志任县委常委。", "任建平"), ("向全体同志致以问候。", None), ("请全体同志注意安全。", None)],
    ids=["name-before-comrade", "preposition-before-all-comrades", "verb-before-all-comrades"],
)
def test_a_surname_and_any_word_before_comrade_are_one_name(text, name):
    names = [text[p.start : p.end] for p in default_segmenter().cut(text) if p.pos == "nr"]
    assert names == ([name] if name else [])


def test_a_particle_glued_by_the_hmm_is_cut_off():
    text = "这笔账得算清楚，做得好。"
    pieces = [(text[p.start : p.end], p.pos) for p in default_segmenter().cut(text)]
    assert ("账", "n") in pieces and ("得", "ud") in pieces
    assert "".join(w for w, _ in pieces) == text  # nothing lost
