"""Simplified and traditional characters (duben.script)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from duben.script import Script, to_display, to_display_tokens, to_simplified

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "reports" / "xingxian-plenum-2025.md"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("tw", Script.TW),
        ("HK", Script.HK),
        (" twp ", Script.TW_PHRASES),
        ("simplified", Script.SIMPLIFIED),
        (Script.HK, Script.HK),
        (None, None),
    ],
    ids=repr,
)
def test_parse_script(value: str | Script | None, expected: Script | None) -> None:
    assert Script.parse(value) is expected


def test_unknown_script_lists_the_known_ones() -> None:
    with pytest.raises(ValueError, match="unknown script 'mo'; expected one of: simplified, tw, hk, twp"):
        Script.parse("mo")


@pytest.mark.parametrize(
    ("text", "script", "expected"),
    [
        pytest.param("为了里面众人", Script.TW, "為了裡面眾人", id="tw-standard-forms"),
        pytest.param("为了里面众人", Script.HK, "為了裏面眾人", id="hk-standard-forms"),
        pytest.param("台湾", Script.TW, "臺灣", id="tw-tai"),
        pytest.param("台湾", Script.HK, "台灣", id="hk-tai"),
        pytest.param("软件和信息", Script.TW, "軟件和信息", id="tw-keeps-words"),
        pytest.param("软件和信息", Script.TW_PHRASES, "軟體和資訊", id="twp-taiwan-words"),
        pytest.param("乘着东风", Script.TW, "乘著東風", id="tw-zhe"),
        pytest.param("兴县经济技术开发区", Script.SIMPLIFIED, "兴县经济技术开发区", id="simplified-unchanged"),
        pytest.param("", Script.TW, "", id="empty"),
    ],
)
def test_to_display(text: str, script: Script, expected: str) -> None:
    assert to_display(text, script) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("為了裡面眾人", "为了里面众人", id="taiwan"),
        pytest.param("為了裏面眾人", "为了里面众人", id="hong-kong"),
        pytest.param("爲了裏面衆人", "为了里面众人", id="opencc-standard"),
        pytest.param("乘著黨的東風", "乘着党的东风", id="taiwan-zhe-variant"),
        pytest.param("兴县經濟技術開發區", "兴县经济技术开发区", id="mixed"),
        pytest.param("兴县经济技术开发区", "兴县经济技术开发区", id="already-simplified"),
        pytest.param("GDP增長5%", "GDP增长5%", id="latin-and-digits"),
    ],
)
def test_to_simplified(text: str, expected: str) -> None:
    assert to_simplified(text) == expected


def test_display_tokens_keep_each_tokens_length() -> None:
    tokens = ["鼠标", "和", "U盘", "是", "软件", "吗", "？", "\n", "信息", "化"]
    shown = to_display_tokens(tokens, Script.TW_PHRASES)
    assert [len(s) for s in shown] == [len(t) for t in tokens]
    # Same-length Taiwan words are used; U盘 → 隨身碟 would not fit, so it keeps its
    # own words in Taiwan characters.
    assert shown[:5] == ("滑鼠", "和", "U盤", "是", "軟體")
    assert shown[8] == "資訊"


def test_display_tokens_see_phrases_across_tokens() -> None:
    # jieba may cut 头发 apart; the sentence is converted as a whole, so 发 is 髮 here.
    assert to_display_tokens(["头", "发", "长"], Script.TW) == ("頭", "髮", "長")


WORDS = st.sampled_from(
    ["软件", "U盘", "鼠标", "信息", "出租车", "头发", "为了", "里面", "乘着", "显著", "台湾", "后来",
     "發展", "著名", "乾淨", "裡面", "計程車", "隨身碟", "。", "\n", "，", "GDP", "2025", " "]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(WORDS, max_size=12))
def test_conversions_keep_lengths(tokens: list[str]) -> None:
    text = "".join(tokens)
    assert len(to_simplified(text)) == len(text)
    for script in Script:
        shown = to_display_tokens(tokens, script)
        assert [len(s) for s in shown] == [len(t) for t in tokens]


@pytest.mark.skipif(not SAMPLE.is_file(), reason="sample report not in data/reports")
@pytest.mark.parametrize("script", [Script.TW, Script.HK, Script.TW_PHRASES], ids=lambda s: s.value)
def test_traditional_copy_of_the_sample_normalises_back(script: Script) -> None:
    original = SAMPLE.read_text(encoding="utf-8")
    copy = to_display(original, script)
    back = to_simplified(copy)
    assert len(back) == len(copy)
    if script is not Script.TW_PHRASES:  # Taiwan phrasing changes words, not only characters
        differences = [(i, a, b) for i, (a, b) in enumerate(zip(original, back)) if a != b]
        # 彰显着 → 彰顯著 → 彰显著: OpenCC reads 顯著 as one word there.
        assert len(differences) <= 1, differences


def test_importing_does_not_load_opencc() -> None:
    code = "import sys, duben.script; print('opencc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
