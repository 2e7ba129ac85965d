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
        pytest.param("彰顯著決心，成效顯著", "彰显着决心，成效显著", id="taiwan-zhe-after-xian"),
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
    [
        "软件",
        "U盘",
        "鼠标",
        "信息",
        "出租车",
        "头发",
        "为了",
        "里面",
        "乘着",
        "显著",
        "台湾",
        "后来",
        "發展",
        "著名",
        "乾淨",
        "裡面",
        "計程車",
        "隨身碟",
        "。",
        "\n",
        "，",
        "GDP",
        "2025",
        " ",
    ]
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
        differences = [(i, a, b) for i, (a, b) in enumerate(zip(original, back, strict=True)) if a != b]
        assert differences == []


def test_importing_does_not_load_opencc() -> None:
    code = "import sys, duben.script; print('opencc' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


# --------------------------------------------------------------------------- in the pipeline


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DUBEN_CACHE_DIR", str(tmp_path_factory.mktemp("duben-cache")))
        yield


@pytest.fixture(scope="module")
def sample_annotations(sample_text: str, cache: None):
    from duben.pipeline import Annotator

    annotator = Annotator(glosses=False)
    return {
        "original": annotator.annotate(sample_text),
        "tw": annotator.annotate(to_display(sample_text, Script.TW)),
        "hk": annotator.annotate(to_display(sample_text, Script.HK)),
    }


def _differences(a, b) -> list:
    return [
        (x.text, y.text, x.syllables, y.syllables)
        for x, y in zip(a.tokens, b.tokens, strict=False)
        if (x.start, x.end, x.syllables, x.term) != (y.start, y.end, y.syllables, y.term)
    ]


@pytest.mark.parametrize(("copy", "allowed"), [("hk", 0), ("tw", 0)], ids=["hk", "tw"])
def test_traditional_copy_reads_like_the_original(sample_annotations, copy: str, allowed: int) -> None:
    original, traditional = sample_annotations["original"], sample_annotations[copy]
    assert [(m.id, m.start, m.end) for m in traditional.terms] == [(m.id, m.start, m.end) for m in original.terms]
    assert len(traditional.tokens) == len(original.tokens)
    # Taiwan writes 著 for both zhe and zhù; 彰顯著 (OpenCC: 彰 + 顯著 "notable") is set right by duben.script.
    assert len(_differences(original, traditional)) <= allowed, _differences(original, traditional)
    assert "".join(t.text for t in traditional.tokens) == traditional.text  # the reader sees their own characters


def test_mixed_input_reads_like_simplified(cache: None) -> None:
    from duben.pipeline import Annotator

    annotator = Annotator(glosses=False)
    mixed = annotator.annotate("兴县經濟技術开发区发展")
    simplified = annotator.annotate("兴县经济技术开发区发展")
    assert [(t.start, t.end, t.syllables, t.term) for t in mixed.tokens] == [
        (t.start, t.end, t.syllables, t.term) for t in simplified.tokens
    ]
    assert "".join(t.text for t in mixed.tokens) == mixed.text


@pytest.mark.parametrize(
    ("script", "displays"),
    [
        ("tw", {"为了": "為了", "软件": "軟件", "里面": "裡面"}),
        ("hk", {"为了": "為了", "软件": "軟件", "里面": "裏面"}),
        ("twp", {"为了": "為了", "软件": "軟體", "里面": "裡面"}),
    ],
)
def test_annotator_display_script(cache: None, script: str, displays: dict[str, str]) -> None:
    from duben.pipeline import Annotator

    document = Annotator(glosses=False, script=script).annotate("为了软件里面")
    assert document.script == script
    assert {t.text: t.display for t in document.tokens} == displays


def test_simplified_display_of_traditional_input(cache: None) -> None:
    from duben.pipeline import Annotator

    document = Annotator(glosses=False, script="simplified").annotate("興縣發展。")
    assert [(t.text, t.display) for t in document.tokens] == [("興縣", "兴县"), ("發展", "发展"), ("。", None)]


def test_cli_renders_traditional_html(tmp_path: Path, cache: None) -> None:
    import io

    from duben.cli import main

    source = tmp_path / "in.md"
    source.write_text("# 兴县发展\n\n推进软件发展。\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["annotate", str(source), "--script", "twp", "-f", "html", "--no-glosses"], stdout=out) == 0
    page = out.getvalue()
    assert "興縣" in page and "軟體" in page


@pytest.mark.parametrize(("script", "expected"), [("tw", None), ("hk", None), ("twp", None)])
def test_whole_terms_show_the_glossarys_traditional_form(cache: None, script: str, expected: str | None) -> None:
    from duben.glossary import Glossary
    from duben.model import GlossaryEntry
    from duben.pipeline import Annotator

    entry = GlossaryEntry(id="xin-zheng-cheng", term="新征程", traditional="新征程", pinyin="xīn zhēngchéng", gloss="new journey")
    document = Annotator(Glossary([entry]), glosses=False, script=script).annotate("奋进新征程")
    # OpenCC alone would write 新徵程.
    assert [(t.text, t.display) for t in document.tokens] == [("奋进", "奮進"), ("新征程", expected)]


@pytest.mark.parametrize(
    "text", ["推進碳達峰碳中和", "推进碳達峰碳中和", "推進碳达峰碳中和"], ids=["traditional", "mixed", "mixed-2"]
)
def test_traditional_terms_read_like_simplified(mini_glossary, cache: None, text: str) -> None:
    from duben.pipeline import Annotator

    annotator = Annotator(mini_glossary, glosses=False)
    simplified = annotator.annotate("推进碳达峰碳中和")
    document = annotator.annotate(text)
    assert [(m.id, m.text) for m in document.terms][0] == ("tan-da-feng-tan-zhong-he", text[2:])
    assert [(t.syllables, t.pinyin, t.term) for t in document.tokens] == [
        (t.syllables, t.pinyin, t.term) for t in simplified.tokens
    ]
