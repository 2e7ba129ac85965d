"""Pinyin as a reader sees it: GB/T 16159 word forms, styles, zhuyin and spoken tones.

Each table row is (token text, citation syllables, jieba tag) → the display string.
Syllables are written as one space-separated string, ``-`` for a character without one.
"""

from __future__ import annotations

import io
import json

import pytest

from duben.orthography import (
    PinyinStyle,
    display_pinyin,
    mark_syllable,
    number_syllable,
    render_pinyin,
    spoken_syllables,
    zhuyin_syllable,
)

CAPITALS = [
    ("兴县", "xing1 xian4", "ns", {}, "Xīng Xiàn"),
    ("山西省", "shan1 xi1 sheng3", "ns", {}, "Shānxī Shěng"),
    ("珠海市", "zhu1 hai3 shi4", "ns", {}, "Zhūhǎi Shì"),
    ("孟家坪乡", "meng4 jia1 ping2 xiang1", "ns", {}, "Mèngjiāpíng Xiāng"),
    ("吕梁山", "lv3 liang2 shan1", "ns", {}, "Lǚliáng Shān"),
    ("黄河", "huang2 he2", "ns", {}, "Huáng Hé"),
    ("黄河", "huang2 he2", "ns", {"capitals": [True, True]}, "Huáng Hé"),
    ("黄河流域", "huang2 he2 liu2 yu4", "ns", {"capitals": [True, True, False, False]}, "Huáng Hé liúyù"),
    ("黑龙江", "hei1 long2 jiang1", "ns", {"capitals": [True, False, False]}, "Hēilóngjiāng"),
    ("兴县", "xing1 xian4", "ns", {"capitals": [True, False]}, "Xīng Xiàn"),
    ("宁夏回族自治区", "ning2 xia4 hui2 zu2 zi4 zhi4 qu1", "ns", {}, "Níngxiàhuízú Zìzhìqū"),
    (
        "中国共产党",
        "zhong1 guo2 gong4 chan3 dang3",
        "nt",
        {"capitals": [True, False, True, False, False]},
        "Zhōngguó Gòngchǎndǎng",
    ),
    ("张建兵", "zhang1 jian4 bing1", "nr", {}, "Zhāng Jiànbīng"),
    ("王军", "wang2 jun1", "nr", {}, "Wáng Jūn"),
    ("欧阳修", "ou1 yang2 xiu1", "nr", {}, "Ōuyáng Xiū"),
    ("诸葛亮", "zhu1 ge3 liang4", "nr", {}, "Zhūgě Liàng"),
    ("司马相如", "si1 ma3 xiang4 ru2", "nr", {}, "Sīmǎ Xiàngrú"),
    ("上官婉儿", "shang4 guan1 wan3 er2", "nr", {}, "Shàngguān Wǎn'ér"),
    ("习近平", "xi2 jin4 ping2", "nrfg", {}, "Xí Jìnpíng"),
    # jieba tags these common words as names or places; they stay lower case
    ("高端化", "gao1 duan1 hua4", "nr", {}, "gāoduānhuà"),
    ("市场秩序", "shi4 chang3 zhi4 xu4", "nr", {}, "shìchǎngzhìxù"),
    ("峰", "feng1", "nr", {}, "fēng"),
    ("城市", "cheng2 shi4", "ns", {"proper": False}, "chéngshì"),
    ("共同富裕", "gong4 tong2 fu4 yu4", "nz", {}, "gòngtóngfùyù"),
    ("建设局", "jian4 she4 ju2", "nt", {}, "jiànshèjú"),
    ("党中央", "dang3 zhong1 yang1", "nt", {"capitals": [True, True, False]}, "Dǎng Zhōngyāng"),
    ("华润", "hua2 run4", "nz", {"capitals": [True, False]}, "Huárùn"),
    ("生态", "sheng1 tai4", None, {}, "shēngtài"),
]

APOSTROPHES = [
    ("西安", "xi1 an1", "ns", "Xī'ān"),
    ("吉尔", "ji2 er3", None, "jí'ěr"),
    ("公安局", "gong1 an1 ju2", None, "gōng'ānjú"),
    ("平安", "ping2 an1", None, "píng'ān"),
    ("海鸥", "hai3 ou1", None, "hǎi'ōu"),
    ("天鹅", "tian1 e2", None, "tiān'é"),
    ("先", "xian1", None, "xiān"),
    ("提案", "ti2 an4", None, "tí'àn"),
    ("发展", "fa1 zhan3", None, "fāzhǎn"),
    ("女儿", "nv3 er2", None, "nǚ'ér"),
]

HYPHENS = [
    ("千方百计", "qian1 fang1 bai3 ji4", "i", "qiānfāng-bǎijì"),
    ("喜笑颜开", "xi3 xiao4 yan2 kai1", "i", "xǐxiào-yánkāi"),
    ("红红火火", "hong2 hong2 huo3 huo3", "l", "hónghóng-huǒhuǒ"),
    ("综合利用", "zong1 he2 li4 yong4", "l", "zōnghé lìyòng"),
    ("紧紧围绕", "jin3 jin3 wei2 rao4", "l", "jǐnjǐn wéirào"),
    ("落地生根", "luo4 di4 sheng1 gen1", "i", "luòdì-shēnggēn"),
    # not four characters, or not a set phrase: no hyphen
    ("一衣带水地", "yi1 yi1 dai4 shui3 de5", "i", "yīyīdàishuǐde"),
    ("生态环境", "sheng1 tai4 huan2 jing4", "n", "shēngtàihuánjìng"),
    ("第十七", "di4 shi2 qi1", "m", "dì-shíqī"),
]

NUMBERS = [
    ("十五", "shi2 wu3", "shíwǔ"),
    ("九十九", "jiu3 shi2 jiu3", "jiǔshíjiǔ"),
    ("三百六十五", "san1 bai3 liu4 shi2 wu3", "sānbǎi liùshíwǔ"),
    ("二千零八", "er4 qian1 ling2 ba1", "èrqiān líng bā"),
    (
        "九亿零七万二千三百五十六",
        "jiu3 yi4 ling2 qi1 wan4 er4 qian1 san1 bai3 wu3 shi2 liu4",
        "jiǔyì líng qīwàn èrqiān sānbǎi wǔshíliù",
    ),
    ("十万", "shi2 wan4", "shíwàn"),
    ("十五万", "shi2 wu3 wan4", "shíwǔ wàn"),
    ("百万吨", "bai3 wan4 dun1", "bǎiwàn dūn"),
    ("千亿", "qian1 yi4", "qiānyì"),
    ("第一", "di4 yi1", "dì-yī"),
    ("第十七届", "di4 shi2 qi1 jie4", "dì-shíqī jiè"),
    ("第三百五十九", "di4 san1 bai3 wu3 shi2 jiu3", "dì-sānbǎi wǔshíjiǔ"),
    ("十一次", "shi2 yi1 ci4", "shíyī cì"),
    ("两个", "liang3 ge4", "liǎng gè"),
    ("一个个", "yi1 ge4 ge4", "yī gègè"),
    ("万多元", "wan4 duo1 yuan2", "wàn duō yuán"),
    ("一九四五年", "yi1 jiu3 si4 wu3 nian2", "yījiǔsìwǔ nián"),
    ("一系列", "yi1 xi4 lie4", "yīxìliè"),
    ("一些", "yi1 xie1", "yīxiē"),
    ("全年", "quan2 nian2", "quánnián"),
    ("余家", "yu2 jia1", "yú jiā"),
    ("12月", "- - yue4", "12 yuè"),
    ("3个", "- ge4", "3 gè"),
    ("G20峰会", "- - - feng1 hui4", "G20 fēnghuì"),
]

ERHUA = [
    ("一点儿", "yi1 dian3 er2", "m", "yīdiǎnr"),
    ("哪儿", "na3 er2", "r", "nǎr"),
    ("这儿", "zhe4 er5", "r", "zhèr"),
    ("玩儿", "wan2 r5", "v", "wánr"),
    ("一会儿", "yi1 hui4 er5", "m", "yīhuìr"),
    ("三点儿", "san1 dian3 er5", "m", "sān diǎnr"),
    ("花儿", "hua1 er5", "n", "huār"),
    # 儿 as a word of its own: child, son
    ("女儿", "nv3 er2", "n", "nǚ'ér"),
    ("婴儿", "ying1 er2", "n", "yīng'ér"),
    ("新生儿", "xin1 sheng1 er2", "n", "xīnshēng'ér"),
    ("儿子", "er2 zi5", "n", "érzi"),
    ("幼儿园", "you4 er2 yuan2", "n", "yòu'éryuán"),
    ("儿", "er2", "n", "ér"),
]

SANDHI = [
    # 不
    ("不是:bu4,shi4", "bu2,shi4"),
    ("不:bu4 去:qu4", "bu2 qu4"),
    ("不好:bu4,hao3", "bu4,hao3"),
    ("不能:bu4,neng2", "bu4,neng2"),
    ("对不起:dui4,bu4,qi3", "dui4,bu5,qi3"),
    ("不:bu4 。:-", "bu4 -"),
    # 一 before the four tones, and where it keeps its own tone
    ("一个:yi1,ge4", "yi2,ge4"),
    ("一定:yi1,ding4", "yi2,ding4"),
    ("一天:yi1,tian1", "yi4,tian1"),
    ("一年:yi1,nian2", "yi4,nian2"),
    ("一起:yi1,qi3", "yi4,qi3"),
    ("一百:yi1,bai3", "yi4,bai3"),
    ("一:yi1 场:chang2", "yi4 chang2"),
    ("统一:tong3,yi1 思想:si1,xiang3", "tong3,yi1 si1,xiang3"),
    ("唯一:wei2,yi1", "wei2,yi1"),
    ("万一:wan4,yi1", "wan4,yi1"),
    ("第一:di4,yi1 次:ci4", "di4,yi1 ci4"),
    ("十一:shi2,yi1", "shi2,yi1"),
    ("十一次:shi2,yi1,ci4", "shi2,yi1,ci4"),
    ("一九四五:yi1,jiu3,si4,wu3", "yi1,jiu3,si4,wu3"),
    ("一月:yi1,yue4", "yi1,yue4"),
    ("一:yi1 。:-", "yi1 -"),
    ("一:yi1 是:shi4", "yi1 shi4"),
    ("统一:tong3,yi1 是:shi4", "tong3,yi1 shi4"),
    ("看一看:kan4,yi1,kan4", "kan4,yi5,kan4"),
    ("不一定:bu4,yi1,ding4", "bu4,yi2,ding4"),
    # third tone
    ("你好:ni3,hao3", "ni2,hao3"),
    ("展览馆:zhan3,lan3,guan3", "zhan2,lan2,guan3"),
    ("我:wo3 很:hen3 好:hao3", "wo2 hen2 hao3"),
    ("很:hen3 美好:mei3,hao3", "hen2 mei2,hao3"),
    ("小组:xiao3,zu3 选举:xuan3,ju3", "xiao2,zu3 xuan2,ju3"),
    ("好:hao3 ，:- 我:wo3", "hao3 - wo3"),
    ("姐姐:jie3,jie5", "jie3,jie5"),
]

STYLES = [
    (PinyinStyle.MARKS, "兴县", "xing1 xian4", "ns", "Xīng Xiàn"),
    (PinyinStyle.NUMBERS, "兴县", "xing1 xian4", "ns", "Xing1 Xian4"),
    (PinyinStyle.ZHUYIN, "兴县", "xing1 xian4", "ns", "ㄒㄧㄥ ㄒㄧㄢˋ"),
    (PinyinStyle.NONE, "兴县", "xing1 xian4", "ns", None),
    (PinyinStyle.NUMBERS, "绿色", "lv4 se4", None, "lv4se4"),
    (PinyinStyle.NUMBERS, "四水四定", "si4 shui3 si4 ding4", "i", "si4shui3-si4ding4"),
    (PinyinStyle.ZHUYIN, "四水四定", "si4 shui3 si4 ding4", "i", "ㄙˋ ㄕㄨㄟˇ ㄙˋ ㄉㄧㄥˋ"),
    (PinyinStyle.NUMBERS, "一点儿", "yi1 dian3 er2", "m", "yi1dianr3"),
    (PinyinStyle.ZHUYIN, "一点儿", "yi1 dian3 er2", "m", "ㄧ ㄉㄧㄢˇㄦ"),
    (PinyinStyle.ZHUYIN, "12月", "- - yue4", "m", "12 ㄩㄝˋ"),
    (PinyinStyle.MARKS, "。", "-", "x", None),
]

ZHUYIN = [
    ("ba1", "ㄅㄚ"),
    ("zhong1", "ㄓㄨㄥ"),
    ("shi4", "ㄕˋ"),
    ("zi5", "˙ㄗ"),
    ("ri4", "ㄖˋ"),
    ("de5", "˙ㄉㄜ"),
    ("lv4", "ㄌㄩˋ"),
    ("nve4", "ㄋㄩㄝˋ"),
    ("ju2", "ㄐㄩˊ"),
    ("xue2", "ㄒㄩㄝˊ"),
    ("quan2", "ㄑㄩㄢˊ"),
    ("yun2", "ㄩㄣˊ"),
    ("yu3", "ㄩˇ"),
    ("yi1", "ㄧ"),
    ("you3", "ㄧㄡˇ"),
    ("yong3", "ㄩㄥˇ"),
    ("wu3", "ㄨˇ"),
    ("wei4", "ㄨㄟˋ"),
    ("weng1", "ㄨㄥ"),
    ("liu2", "ㄌㄧㄡˊ"),
    ("gui4", "ㄍㄨㄟˋ"),
    ("lun4", "ㄌㄨㄣˋ"),
    ("xiong2", "ㄒㄩㄥˊ"),
    ("er2", "ㄦˊ"),
    ("an1", "ㄢ"),
    ("ng2", "ㄫˊ"),
    ("m2", "ㄇˊ"),
    ("hm5", "˙ㄏㄇ"),
    ("nar3", "ㄋㄚˇㄦ"),
    ("r5", "˙ㄦ"),
]


def syllables(text: str) -> list[str | None]:
    return [None if s == "-" else s for s in text.split()]


def show(text: str, readings: str, pos: str | None = None, **options) -> str | None:
    return display_pinyin(text, syllables(readings), pos, **options)


@pytest.mark.parametrize(
    ("text", "readings", "pos", "options", "expected"),
    CAPITALS,
    ids=[row[0] for row in CAPITALS],
)
def test_capitals(text, readings, pos, options, expected):
    assert show(text, readings, pos, **options) == expected


@pytest.mark.parametrize(
    ("text", "readings", "pos", "expected"),
    APOSTROPHES,
    ids=[row[0] for row in APOSTROPHES],
)
def test_apostrophes(text, readings, pos, expected):
    assert show(text, readings, pos) == expected


@pytest.mark.parametrize(
    ("text", "readings", "pos", "expected"),
    HYPHENS,
    ids=[row[0] for row in HYPHENS],
)
def test_hyphens(text, readings, pos, expected):
    assert show(text, readings, pos) == expected


@pytest.mark.parametrize(
    ("text", "readings", "expected"),
    NUMBERS,
    ids=[row[0] for row in NUMBERS],
)
def test_numbers(text, readings, expected):
    assert show(text, readings, "m") == expected


@pytest.mark.parametrize(
    ("text", "readings", "pos", "expected"),
    ERHUA,
    ids=[row[0] for row in ERHUA],
)
def test_erhua(text, readings, pos, expected):
    assert show(text, readings, pos) == expected


def spoken(passage: str) -> str:
    """Spoken tones of a passage written as ``word:syl,syl word:syl`` (``-`` for punctuation)."""
    words = []
    for item in passage.split():
        text, readings = item.split(":")
        words.append((text, [None if s == "-" else s for s in readings.split(",")]))
    return " ".join(",".join(s or "-" for s in word) for word in spoken_syllables(words))


@pytest.mark.parametrize(
    ("passage", "expected"),
    SANDHI,
    ids=[row[0] for row in SANDHI],
)
def test_sandhi(passage, expected):
    assert spoken(passage) == expected


def test_sandhi_keeps_lengths_and_non_han():
    words = [("12月", [None, None, "yue4"]), ("不", ["bu4"]), (" ", [None]), ("是", ["shi4"])]
    result = spoken_syllables(words)
    assert [len(w) for w in result] == [3, 1, 1, 1]
    assert result[1] == ("bu4",)  # a space ends a stretch of speech


@pytest.mark.parametrize(
    ("style", "text", "readings", "pos", "expected"),
    STYLES,
    ids=[f"{row[0].value}-{row[1]}" for row in STYLES],
)
def test_styles(style, text, readings, pos, expected):
    assert render_pinyin(text, syllables(readings), pos, style) == expected


@pytest.mark.parametrize(
    ("syllable", "expected"),
    ZHUYIN,
    ids=[row[0] for row in ZHUYIN],
)
def test_zhuyin(syllable, expected):
    assert zhuyin_syllable(syllable) == expected


def test_zhuyin_rejects_non_syllables():
    with pytest.raises(ValueError):
        zhuyin_syllable("xyz1")


@pytest.mark.parametrize(
    ("numbered", "marked"),
    [("lv4", "lǜ"), ("nv3", "nǚ"), ("liu2", "liú"), ("gui4", "guì"), ("xian4", "xiàn"), ("de5", "de"), ("ng2", "ńg")],
)
def test_marks_round_trip(numbered, marked):
    assert mark_syllable(numbered) == marked
    if numbered[-1] != "5":
        assert number_syllable(marked) == numbered


# --------------------------------------------------------------------------- through the pipeline


@pytest.fixture(scope="module")
def bare_annotator():
    from duben.glossary import Glossary
    from duben.pipeline import Annotator

    return Annotator(Glossary([]), sandhi=True)


def test_annotate_with_sandhi_fills_spoken(bare_annotator):
    doc = bare_annotator.annotate("我们不是一个展览馆。")
    assert doc.sandhi
    words = {t.text: (t.syllables, t.spoken) for t in doc.tokens}
    assert words["不是"] == (("bu4", "shi4"), ("bu2", "shi4"))
    assert words["一个"] == (("yi1", "ge4"), ("yi2", "ge4"))
    assert words["展览馆"][1] == ("zhan2", "lan2", "guan3")
    assert all(t.spoken is not None and len(t.spoken) == len(t.syllables) for t in doc.tokens)


def test_annotate_without_sandhi_has_no_spoken():
    import duben

    doc = duben.annotate("不是")
    assert not doc.sandhi and all(t.spoken is None for t in doc.tokens)
    assert "spoken" not in json.loads(duben.to_json(doc))["tokens"][0]


def test_json_and_cli_carry_spoken(validate):
    from duben.cli import main

    out, err = io.StringIO(), io.StringIO()
    import sys

    stdin = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO("不是一个。".encode()))
    try:
        code = main(["annotate", "-", "--sandhi", "--no-glosses"], stdout=out, stderr=err)
    finally:
        sys.stdin = stdin
    assert code == 0, err.getvalue()
    data = json.loads(out.getvalue())
    validate(data)
    assert [t.get("spoken") for t in data["tokens"]][:2] == [["bu2", "shi4"], ["yi2", "ge4"]]


def test_style_by_name():
    assert render_pinyin("绿色", ["lv4", "se4"], None, "numbers") == "lv4se4"
    with pytest.raises(ValueError):
        render_pinyin("绿色", ["lv4", "se4"], None, "braille")


def test_pinyin_style_option_reaches_the_reader(tmp_path):
    from duben.cli import main

    source = tmp_path / "in.txt"
    source.write_text("兴县", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["annotate", str(source), "-f", "html", "--pinyin-style", "zhuyin", "--no-glosses"], stdout=out, stderr=err)
    assert code == 0, err.getvalue()


def test_pinyin_style_option_is_checked():
    from duben.cli import main

    out, err = io.StringIO(), io.StringIO()
    assert main(["annotate", "-", "--pinyin-style", "braille"], stdout=out, stderr=err) == 2


def test_report_syllables_keep_citation_tones(sample_doc):
    """No sandhi leaks into ``syllables``: 一 is always yi1 and 不 always bu4 (or neutral)."""
    odd = [
        (t.text, s)
        for t in sample_doc.tokens
        for c, s in zip(t.text, t.syllables, strict=True)
        if c == "一" and s != "yi1" or c == "不" and s not in ("bu4", "bu5")
    ]
    assert odd == []


def test_report_display_forms(sample_doc):
    """Display forms a reader of the sample report meets."""
    shown = {t.text: t.pinyin for t in sample_doc.tokens}
    expected = {
        "兴县": "Xīng Xiàn",
        "第一": "dì-yī",
        "张建兵": "Zhāng Jiànbīng",
        "九通一平": "jiǔtōng-yīpíng",
        "两个": "liǎng gè",
        "千方百计": "qiānfāng-bǎijì",  # an idiom the dictionary lists
        "贯彻落实": "guànchè luòshí",  # tagged as an idiom by jieba, two words
        "红红火火": "hónghóng-huǒhuǒ",
        "光荣": "guāngróng",  # tagged nr by jieba, a common word in the dictionary
    }
    assert {word: shown.get(word) for word in expected} == expected


def test_alias_in_other_words_reads_its_own_characters():
    from duben.glossary import Glossary
    from duben.model import GlossaryEntry
    from duben.pipeline import Annotator

    entry = GlossaryEntry(
        id="xiang-mu-luo-di", term="项目落地", pinyin="xiàngmù luòdì", gloss="projects landing", aliases=("开工落地",)
    )
    doc = Annotator(Glossary([entry]), glosses=False).annotate("开工落地")
    token = doc.tokens[0]
    assert (token.syllables, token.pinyin) == (("kai1", "gong1", "luo4", "di4"), "kāigōng luòdì")


def test_zhuyin_covers_every_syllable_pypinyin_knows():
    from pypinyin.constants import PINYIN_DICT

    syllables = {number_syllable(r) for readings in PINYIN_DICT.values() for r in readings.split(",")}
    failed = []
    for syllable in sorted(syllables):
        try:
            zhuyin_syllable(syllable)
        except ValueError:
            failed.append(syllable)
    assert failed == []


def test_spoken_tones_keep_every_word_length():
    from hypothesis import given
    from hypothesis import strategies as st

    syllable = st.sampled_from(["yi1", "bu4", "hao3", "ni3", "shi4", "de5", "tian1", "ren2", None])
    chars = st.sampled_from("一不好你是的天人，")
    word = st.lists(st.tuples(chars, syllable), min_size=1, max_size=4)

    @given(st.lists(word, max_size=8))
    def check(words):
        passage = [("".join(c for c, _ in w), [s for _, s in w]) for w in words]
        result = spoken_syllables(passage)
        assert [len(w) for w in result] == [len(text) for text, _ in passage]
        for (_, before), after in zip(passage, result, strict=True):
            assert [s is None for s in before] == [s is None for s in after]

    check()


@pytest.mark.parametrize(
    "text, shown",
    [("房地产市场秩序", "shìchǎng zhìxù"), ("兴县经济社会发展", "jīngjì shèhuì"), ("推进基础设施建设", "jīchǔshèshī")],
    ids=["phrase-jieba-tags-as-a-name", "noun-phrase", "listed-word-stays-whole"],
)
def test_long_tokens_are_written_as_the_dictionary_words_they_are_made_of(text, shown):
    import duben

    assert shown in [t.pinyin for t in duben.annotate(text, glosses=False).tokens]
