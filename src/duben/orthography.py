"""Pinyin orthography: tone marks and numbers, GB/T 16159-2012 word forms, zhuyin, spoken tones.

Pure functions with no engine behind them; exporters may use them freely. Readings come
in as numbered syllables (``xing1``, neutral tone ``5``, ü as ``v``), one per Han
character, and leave as what a reader sees.

>>> mark_syllable("lv4"), mark_syllable("de5"), mark_syllable("xian4")
('lǜ', 'de', 'xiàn')
>>> number_syllable("Xiàn")
'xian4'
>>> join_syllables(["xi1", "an1"])
"xī'ān"
>>> render_pinyin("兴县", ["xing1", "xian4"], "ns", PinyinStyle.ZHUYIN)
'ㄒㄧㄥ ㄒㄧㄢˋ'

Choices made where GB/T 16159-2012 leaves room (or where jieba's tags do), and why:

- **Tokens are words.** A token's Han characters form one word unless a rule below splits
  them. jieba often merges two words (综合利用); the display follows jieba's cut.
- **Proper nouns** are capitalised. jieba's dictionary tags many common words as names
  (文明 nr, 城市 ns, 建设局 nt, 共同富裕 nz), so the tag alone is trusted only for places
  (``ns``) and for person names that start with a known surname (compound ones too:
  Ōuyáng Xiū) and have one or two given-name characters; ``nt`` and ``nz`` need evidence.
  The pipeline brings it from the general dictionary (CC-CEDICT): a word listed in lower
  case is not capitalised (``proper=False``); one listed with capitals is split where
  they are (``capitals``: 中国共产党 → Zhōngguó Gòngchǎndǎng). A "name" CC-CEDICT lacks
  but pypinyin's list of common phrases has (高纯, 智能化), or whose first character the
  reader did not read as the surname it may be (解释权 jiě, not Xiè), is not capitalised.
- **Place names** keep an administrative generic (省 市 县 区 镇 乡 村 …) as a separate
  capitalised word (Shānxī Shěng, Xīng Xiàn); a natural generic (山 河 江 湖 岛) is split
  too unless the dictionary writes the whole name as one word (黑龙江 Hēilóngjiāng).
- **Four-character phrases** (jieba ``i`` and ``l``): an idiom is hyphenated 2+2
  (qiānfāng-bǎijì), and so is an AABB reduplication (hónghóng-huǒhuǒ); any other is two
  words (zōnghé lìyòng, guànchè luòshí). jieba's ``i`` list holds many plain compounds of
  policy prose, so the pipeline counts a phrase as an idiom only when the general
  dictionary lists it; without that evidence ``i`` is trusted and ``l`` is not.
- **Numbers** (jieba ``m``): 十一 to 九十九 joined, each 百/千 group its own word
  (sānbǎi liùshíwǔ), 万/亿 joined only to a one-syllable number (qīwàn, shíwàn,
  shíwǔ wàn), 零 on its own, 第 joined by a hyphen (dì-shíqī), the measure word after a
  number separate (shíqī jiè, yī nián; so 十一月 is shíyī yuè). A run of bare digits
  (一九四五) is one word. Lexicalised quantities (一点儿, 一些, 一下) stay one word.
- **Arabic numerals and Latin letters** are kept as written, separated from the pinyin
  by a space: 12月 → ``12 yuè``.
- **Erhua**: a final 儿 after another syllable merges into it in the display (一点儿 →
  yīdiǎnr, 哪儿 → nǎr) unless it is a full syllable of its own (儿子, 女儿, 婴儿 …, see
  :data:`FULL_ER_WORDS`). ``syllables`` keep one entry per character: 儿 stays ``er2``
  (or ``er5``/``r5`` as the reading layer gives it); only the display merges.
- **Capitals at sentence starts** are not added: a token does not know where its
  sentence starts, and a reader's ruby looks odd with them.
- **Spoken tones** (一, 不, third-tone sandhi) never enter ``syllables`` or ``pinyin``;
  :func:`spoken_syllables` derives them for a whole passage (see its rules).
"""

from __future__ import annotations

import enum
import unicodedata
from collections.abc import Callable, Sequence

from duben.hanzi import is_han

__all__ = [
    "FULL_ER_WORDS",
    "PLACE_GENERICS",
    "PROPER_NOUN_TAGS",
    "PinyinStyle",
    "display_pinyin",
    "join_syllables",
    "letters_and_tones",
    "mark_syllable",
    "number_syllable",
    "render_pinyin",
    "spoken_syllables",
    "zhuyin_syllable",
]

_TONE_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300"}
_MARK_TONES = {mark: tone for tone, mark in _TONE_MARKS.items()}


# --------------------------------------------------------------------------- syllables


def mark_syllable(syllable: str) -> str:
    """Convert ``zhong4`` style to ``zhòng`` style (``5`` or no digit: no mark)."""
    body, tone = (syllable[:-1], syllable[-1]) if syllable[-1:].isdigit() else (syllable, "5")
    body = body.replace("v", "ü").replace("V", "Ü").replace("u:", "ü")
    mark = _TONE_MARKS.get(tone)
    if mark is None:
        return body
    lower = body.lower()
    if "a" in lower:
        index = lower.index("a")
    elif "e" in lower:
        index = lower.index("e")
    elif "ou" in lower:
        index = lower.index("o")
    else:
        vowels = [i for i, c in enumerate(lower) if c in "aeiouüê"]
        if not vowels:  # syllabic nasals: m, n, ng, hm
            vowels = [i for i, c in enumerate(lower) if c in "mn"][:1]
        if not vowels:
            return body
        index = vowels[-1]
    return unicodedata.normalize("NFC", body[: index + 1] + mark + body[index + 1 :])


def letters_and_tones(text: str) -> list[tuple[str, str | None]]:
    """Split marked pinyin into ``(letter, tone)`` pairs; ü comes back as ``v``."""
    out: list[tuple[str, str | None]] = []
    for char in unicodedata.normalize("NFD", text):
        if char in _MARK_TONES:
            if out:
                out[-1] = (out[-1][0], _MARK_TONES[char])
        elif char == "\u0308":
            if out:
                out[-1] = ("v", out[-1][1])
        else:
            out.append((char, None))
    return out


def number_syllable(syllable: str) -> str:
    """Convert one ``zhòng`` style syllable to ``zhong4`` (lower case)."""
    pairs = letters_and_tones(syllable)
    tone = next((t for _, t in pairs if t), "5")
    return "".join(c for c, _ in pairs).lower().replace("ü", "v") + tone


def _split_tone(syllable: str) -> tuple[str, str]:
    return (syllable[:-1], syllable[-1]) if syllable[-1:].isdigit() else (syllable, "5")


# Zhuyin (bopomofo) from pinyin: initials, then finals in their full spelling (after the
# y/w and ü spellings are undone), then the tone.
_ZHUYIN_INITIALS = dict(
    pair.split("=")
    for pair in "zh=ㄓ ch=ㄔ sh=ㄕ b=ㄅ p=ㄆ m=ㄇ f=ㄈ d=ㄉ t=ㄊ n=ㄋ l=ㄌ g=ㄍ k=ㄎ h=ㄏ j=ㄐ q=ㄑ x=ㄒ "
    "r=ㄖ z=ㄗ c=ㄘ s=ㄙ".split()
)
_ZHUYIN_FINALS = dict(
    pair.split("=")
    for pair in (
        "a=ㄚ o=ㄛ e=ㄜ ê=ㄝ ai=ㄞ ei=ㄟ ao=ㄠ ou=ㄡ an=ㄢ en=ㄣ ang=ㄤ eng=ㄥ ong=ㄨㄥ er=ㄦ "
        "i=ㄧ ia=ㄧㄚ io=ㄧㄛ ie=ㄧㄝ iao=ㄧㄠ iu=ㄧㄡ iou=ㄧㄡ ian=ㄧㄢ in=ㄧㄣ iang=ㄧㄤ ing=ㄧㄥ iong=ㄩㄥ "
        "u=ㄨ ua=ㄨㄚ uo=ㄨㄛ uai=ㄨㄞ ui=ㄨㄟ uei=ㄨㄟ uan=ㄨㄢ un=ㄨㄣ uen=ㄨㄣ uang=ㄨㄤ ueng=ㄨㄥ uong=ㄨㄥ "
        "ü=ㄩ üe=ㄩㄝ üan=ㄩㄢ ün=ㄩㄣ m=ㄇ n=ㄋ ng=ㄫ hm=ㄏㄇ hng=ㄏㄫ"
    ).split()
)
_ZHUYIN_TONES = {"1": "", "2": "ˊ", "3": "ˇ", "4": "ˋ"}


def zhuyin_syllable(syllable: str) -> str:
    """Convert one numbered syllable to zhuyin (bopomofo); the neutral tone ˙ goes first.

    A syllable with erhua merged into it (``dianr3``) ends in ㄦ after its tone.

    >>> zhuyin_syllable("zhong1"), zhuyin_syllable("lv4"), zhuyin_syllable("de5"), zhuyin_syllable("shi4")
    ('ㄓㄨㄥ', 'ㄌㄩˋ', '˙ㄉㄜ', 'ㄕˋ')

    Raises:
        ValueError: when ``syllable`` is not a pinyin syllable.
    """
    body, tone = _split_tone(unicodedata.normalize("NFC", syllable.lower()).replace("v", "ü").replace("u:", "ü"))
    if body == "r":  # erhua written as a syllable of its own
        return "ㄦ" + _ZHUYIN_TONES[tone] if tone in _ZHUYIN_TONES else "˙ㄦ"
    erhua = body.endswith("r") and body != "er"
    if erhua:
        body = body[:-1]
    initial = next((i for i in ("zh", "ch", "sh") if body.startswith(i)), "")
    if not initial and body[:1] in _ZHUYIN_INITIALS and body not in ("m", "n", "ng", "hm", "hng"):
        initial = body[:1]
    final = body[len(initial) :]
    if not initial and final[:1] == "y":
        rest = final[1:]
        final = "ü" + rest[1:] if rest.startswith("u") else rest if rest.startswith("i") else "i" + rest
    elif not initial and final[:1] == "w":
        final = final[1:] if final[1:].startswith("u") else "u" + final[1:]
    elif initial in ("j", "q", "x") and final.startswith("u"):
        final = "ü" + final[1:]
    if initial in ("zh", "ch", "sh", "r", "z", "c", "s") and final == "i":
        final = ""  # zhi, chi, shi, ri, zi, ci, si: the initial alone
    elif final not in _ZHUYIN_FINALS:
        raise ValueError(f"{syllable!r} is not a pinyin syllable")
    letters = _ZHUYIN_INITIALS.get(initial, "") + _ZHUYIN_FINALS.get(final, "")
    if tone == "5" or tone not in _ZHUYIN_TONES:
        return "˙" + letters + ("ㄦ" if erhua else "")
    return letters + _ZHUYIN_TONES[tone] + ("ㄦ" if erhua else "")


def _numbered(syllable: str) -> str:
    body, tone = _split_tone(syllable)
    return body + tone


class PinyinStyle(enum.Enum):
    """How a reading is written for display."""

    MARKS = "marks"
    """Tone marks, GB/T 16159 word forms: ``Xīng Xiàn``, ``shēngtài`` (the default, and JSON's)."""
    NUMBERS = "numbers"
    """Tone numbers, same word forms: ``Xing1 Xian4``, ``sheng1tai4``."""
    ZHUYIN = "zhuyin"
    """Zhuyin (bopomofo), one syllable after another: ``ㄒㄧㄥ ㄒㄧㄢˋ``."""
    NONE = "none"
    """No reading shown (``None``)."""


#: How one syllable is written in each style; word forms are shared by MARKS and NUMBERS.
_SYLLABLE_FORMATS: dict[PinyinStyle, Callable[[str], str]] = {}


def register_style(style: PinyinStyle, write: Callable[[str], str]) -> None:
    """Set how ``style`` writes one numbered syllable."""
    _SYLLABLE_FORMATS[style] = write


register_style(PinyinStyle.MARKS, mark_syllable)
register_style(PinyinStyle.NUMBERS, _numbered)
register_style(PinyinStyle.ZHUYIN, zhuyin_syllable)


# --------------------------------------------------------------------------- words


def _write_word(syllables: Sequence[str], write: Callable[[str], str], *, capitalize: bool, apostrophes: bool) -> str:
    out = []
    for i, syllable in enumerate(syllables):
        written = write(syllable)
        if i and apostrophes and written[:1].lower() in "aoeāáǎàōóǒòēéěè":
            out.append("'")
        out.append(written)
    word = "".join(out)
    return word[:1].upper() + word[1:] if capitalize else word


def join_syllables(syllables: Sequence[str], *, capitalize: bool = False) -> str:
    """Join one word's numbered syllables into its display form (GB/T 16159).

    An apostrophe goes before a syllable starting with a, o or e inside the word.
    """
    return _write_word(syllables, mark_syllable, capitalize=capitalize, apostrophes=True)


#: Generic parts of place names written as separate, capitalised words (兴县 → Xīng Xiàn).
PLACE_GENERICS = frozenset("省市县区镇乡村山河江湖岛")
#: Administrative generics: always written apart, even where a dictionary joins them.
_ADMINISTRATIVE_GENERICS = frozenset("省市县区镇乡村旗盟")
#: Generics of more than one character, written as one word (Nèi Měnggǔ Zìzhìqū).
_LONG_GENERICS = ("特别行政区", "自治区", "自治州", "自治县", "自治旗", "开发区", "新区", "街道")
#: Part-of-speech tags of proper nouns (jieba's tag set): person, place, organisation, other.
PROPER_NOUN_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})
_PERSON_TAGS = frozenset({"nr", "nrfg", "nrt"})

#: Common single-character surnames (the most frequent few hundred cover nearly everyone).
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
    "常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单"
    "季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚"
    "娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘"
    "池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠"
    "豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰"
    "赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧习"
)
#: Two-character surnames, written as one word before the given name (Ōuyáng Xiū).
_COMPOUND_SURNAMES = frozenset(
    "欧阳 司马 诸葛 上官 东方 皇甫 尉迟 公孙 慕容 长孙 宇文 司徒 夏侯 轩辕 令狐 端木 独孤 南宫 西门 百里 呼延 "
    "万俟 钟离 澹台 公羊 闻人 太史 申屠 赫连 淳于 单于 拓跋 完颜 东郭 第五".split()
)

#: Words ending in 儿 where 儿 is a full syllable ("child", "son"), not the erhua suffix.
FULL_ER_WORDS = frozenset(
    "女儿 婴儿 幼儿 孤儿 健儿 男儿 少儿 胎儿 宠儿 育儿 患儿 侄儿 孙儿 孩儿 弃儿 乳儿 小儿 妻儿 "
    "新生儿 混血儿 早产儿 留守儿 流浪儿 幸运儿 宁馨儿".split()
)
_ER_SUFFIXES = ("婴儿", "幼儿", "孤儿", "女儿", "患儿", "胎儿", "新生儿", "早产儿", "留守儿", "健儿")

#: Chinese numerals; 两 counts as a digit.
_DIGITS = frozenset("零〇一二两三四五六七八九")
_UNITS = frozenset("十百千万亿")
_NUMERALS = _DIGITS | _UNITS
#: Characters that may follow a number as its measure word (or an approximation: 多 余 来 几).
_MEASURE_STARTS = frozenset(
    "个位名人次届场股句批步处篇种项件条家所座户元角亩吨斤克米里年月日号天岁倍成份类期轮回遍张本台辆头只块"
    "片层栋套组支队点分秒时周季度多余来几方公平千百万亿样代级星届部章节款声排行对双副间拨群把枚颗粒滴"
)
#: Quantities that dictionaries list as single words, kept whole.
_LEXICAL_QUANTITIES = frozenset(
    "一点 一点儿 一些 一下 一下儿 一会 一会儿 一切 一块儿 一样 一起 一共 一定 一直 一般 一致 一系列 一部分 "
    "一方面 一半 一道 一时 一度 一再 一旦 一向 一律 一贯 一齐 一同 一行 一番 万一 一一 一体".split()
)


#: Last characters of common words that jieba tags as names (高端化, 幸福感, 宣传部); no given name ends so.
_NOT_NAME_ENDINGS = frozenset("化感性率度部局委厅处科所院会业品型式制量值面线")


def _is_person_name(text: str) -> bool:
    if not 1 <= len(text) <= 4 or not all(is_han(c) for c in text) or len(text) > 1 and text[-1] in _NOT_NAME_ENDINGS:
        return False
    if text[:2] in _COMPOUND_SURNAMES:
        return 3 <= len(text) <= 4
    return text[0] in _SURNAMES and len(text) <= 3


def _looks_proper(text: str, pos: str | None) -> bool:
    if pos in _PERSON_TAGS:
        return _is_person_name(text)
    return pos == "ns"


def _place_words(han: str, starts: list[int], *, from_dictionary: bool) -> list[int]:
    """Word starts for a place name: the generic part goes apart."""
    for generic in _LONG_GENERICS:
        if han.endswith(generic) and len(han) > len(generic):
            cut = len(han) - len(generic)
            return sorted(set(starts) - set(range(cut + 1, len(han))) | {cut})
    last = han[-1:]
    if len(han) >= 2 and last in PLACE_GENERICS and (last in _ADMINISTRATIVE_GENERICS or not from_dictionary):
        return sorted(set(starts) | {len(han) - 1})
    return starts


def _number_words(numeral: str) -> list[int]:
    """Word starts inside a run of Chinese numerals (GB/T 16159 6.1.7)."""
    if not any(c in _UNITS for c in numeral):
        return [0]  # digits read one by one, or a lone digit: one word
    starts: list[int] = []
    i = 0
    section_start = 0
    while i < len(numeral):
        char = numeral[i]
        if char in "万亿":
            section = [s for s in starts if s >= section_start and numeral[s] != "零"]
            one_syllable = len(section) == 1 and numeral[section[0] + 1 : i] in ("", "零")
            if not section or not one_syllable:
                starts.append(i)
            i += 1
            section_start = i
            continue
        starts.append(i)
        if char == "零" or char in "百千":
            i += 1
        elif i + 1 < len(numeral) and numeral[i + 1] in "百千":
            i += 2
        else:  # a tens-and-ones part: 十五, 六十五, 五
            i += 1
            while i < len(numeral) and (numeral[i] in "十" or numeral[i] in _DIGITS and numeral[i] != "零"):
                if i + 1 < len(numeral) and numeral[i + 1] in "百千":
                    break
                i += 1
    return starts


def _quantity_words(han: str) -> tuple[list[int], int | None] | None:
    """Word starts of a number with its measure word, and where the 第 hyphen goes."""
    if han in _LEXICAL_QUANTITIES or han[:-1] in _LEXICAL_QUANTITIES and han.endswith("儿"):
        return None
    ordinal = han.startswith("第")
    begin = 1 if ordinal else 0
    end = begin
    while end < len(han) and han[end] in _NUMERALS:
        end += 1
    if end == begin and not ordinal and len(han) == 2 and han[0] in "多余来几" and han[1] in _MEASURE_STARTS:
        return [0, 1], None  # after Arabic digits: 20余家 → 20 yú jiā
    if end == begin or (end < len(han) and han[end] not in _MEASURE_STARTS):
        return None
    starts = [begin + s for s in _number_words(han[begin:end])]
    if end < len(han):
        starts.append(end)
        if han[end] in "多余来几" and end + 1 < len(han):
            starts.append(end + 1)
    if ordinal:
        return [0, *starts[1:]], 1
    return starts, None


def _four_character_words(han: str, pos: str | None, idiom: bool | None) -> tuple[list[int], set[int]] | None:
    """Word starts and hyphens of a four-character phrase (jieba ``i`` or ``l``), if it is one."""
    if pos not in ("i", "l") or len(han) != 4:
        return None
    if han[0] == han[1] and han[2] == han[3] or idiom or idiom is None and pos == "i":
        return [0, 2], {2}  # an idiom or an AABB reduplication: hónghóng-huǒhuǒ, qiānfāng-bǎijì
    return [0, 2], set()  # two words jieba kept together: zōnghé lìyòng


def _is_erhua(text: str, han: str, syllables: Sequence[str]) -> bool:
    if len(han) < 2 or not han.endswith("儿") or not syllables[-1].lower().startswith(("er", "r")):
        return False
    if text in FULL_ER_WORDS or han in FULL_ER_WORDS or han.endswith(_ER_SUFFIXES):
        return False
    return True


def _plan(
    text: str,
    syllables: Sequence[str | None],
    pos: str | None,
    proper: bool | None,
    capitals: Sequence[bool] | None,
    idiom: bool | None = None,
) -> list[tuple[str, str, list[str], bool]]:
    """Lay a token out as ``(kind, literal, syllables, capital)``: kinds ``text``, ``word`` and ``join`` (a hyphen)."""
    han = "".join(c for c, s in zip(text, syllables, strict=True) if s is not None)
    han_syllables = [s for s in syllables if s is not None]
    if capitals is not None and len(capitals) != len(han_syllables):
        capitals = None
    if proper is None:
        proper = capitals is not None and any(capitals) or _looks_proper(text, pos)
    is_proper = bool(proper)

    # Word starts (indices into han) and where hyphens go instead of spaces.
    starts = [0]
    hyphens: set[int] = set()
    capital_starts: set[int] = set()
    quantity = _quantity_words(han) if pos == "m" or han.startswith("第") else None
    if is_proper and capitals is not None and any(capitals):
        starts = [i for i, c in enumerate(capitals) if c or i == 0]
        capital_starts = set(starts)
        if pos == "ns":
            starts = _place_words(han, starts, from_dictionary=True)
            capital_starts |= set(starts)
        # A one-character generic ends the name; what follows is a common word (黄河流域 → Huáng Hé liúyù).
        for i in sorted(capital_starts):
            if 0 < i < len(han) - 1 and han[i] in PLACE_GENERICS and not capitals[i + 1]:
                starts = sorted(set(starts) | {i + 1})
    elif is_proper and pos in _PERSON_TAGS and 2 <= len(han) <= 4 and _is_person_name(han):
        surname = 2 if han[:2] in _COMPOUND_SURNAMES else 1
        starts = [0, surname] if len(han) > surname else [0]
        capital_starts = set(starts)
    elif is_proper and pos == "ns":
        starts = _place_words(han, [0], from_dictionary=False)
        capital_starts = set(starts)
    elif is_proper:
        capital_starts = {0}
    elif quantity is not None:
        starts, hyphen = quantity
        if hyphen is not None:
            starts = sorted(set(starts) | {hyphen})
            hyphens.add(hyphen)
    elif (phrase := _four_character_words(han, pos, idiom)) is not None:
        starts, hyphens = phrase
    erhua = not is_proper and _is_erhua(text, han, han_syllables)  # names keep 儿 whole (上官婉儿)

    plan: list[tuple[str, str, list[str], bool]] = []
    han_index = 0
    current: list[str] = []
    current_capital = False

    def flush() -> None:
        nonlocal current
        if current:
            plan.append(("word", "", current, current_capital))
            current = []

    for char, syllable in zip(text, syllables, strict=True):
        if syllable is None:
            flush()
            plan.append(("text", char, [], False))
            continue
        if han_index in starts and current:
            flush()
            if han_index in hyphens:
                plan.append(("join", "-", [], False))
        if not current:
            current_capital = is_proper and (han_index in capital_starts or not capital_starts)
        if erhua and han_index == len(han) - 1 and current:
            body, tone = _split_tone(current[-1])
            current[-1] = body + "r" + tone
        else:
            current.append(syllable)
        han_index += 1
    flush()
    return plan


def render_pinyin(
    text: str,
    syllables: Sequence[str | None],
    pos: str | None = None,
    style: PinyinStyle | str = PinyinStyle.MARKS,
    *,
    proper: bool | None = None,
    capitals: Sequence[bool] | None = None,
    idiom: bool | None = None,
) -> str | None:
    """The reading of one token as a reader sees it, in ``style``.

    Args:
        text: the token's characters.
        syllables: one numbered syllable per character, ``None`` for non-Han ones.
        pos: the token's part-of-speech tag (jieba's tag set), if known.
        style: how to write the reading (a :class:`PinyinStyle` or its value, ``"zhuyin"``).
        proper: whether the token is a proper noun; ``None`` decides from ``pos``.
        capitals: for each Han syllable, whether a capitalised word starts there (from a
            dictionary that writes the name that way); implies ``proper``.
        idiom: for a four-character phrase (jieba ``i`` or ``l``), whether it is an idiom
            (hyphenated 2+2) or two words (a space); ``None`` trusts ``i`` and not ``l``.

    Returns:
        The display string, or ``None`` for a token without Han characters or in
        :attr:`PinyinStyle.NONE`.

    >>> render_pinyin("四水四定", ["si4", "shui3", "si4", "ding4"], "i", PinyinStyle.NUMBERS)
    'si4shui3-si4ding4'
    >>> render_pinyin("12月", [None, None, "yue4"], "m")
    '12 yuè'
    """
    style = PinyinStyle(style)
    if style is PinyinStyle.NONE or not any(s is not None for s in syllables):
        return None
    write = _SYLLABLE_FORMATS[style]
    plan = _plan(text, syllables, pos, proper, capitals, idiom)
    zhuyin = style is PinyinStyle.ZHUYIN
    out: list[str] = []
    previous = ""  # kind of the last item written
    for kind, value, word_syllables, capital in plan:
        if kind == "word":
            if previous == "word" or previous == "text" and out[-1][-1:].isalnum():
                out.append(" ")
            if zhuyin:
                out.append(" ".join(write(s) for s in word_syllables))
            else:
                out.append(_write_word(word_syllables, write, capitalize=capital, apostrophes=style is PinyinStyle.MARKS))
        elif kind == "join":
            out.append(" " if zhuyin else value)
        else:
            # Combining marks and variation selectors modify a character: written beside
            # the pinyin they would sit on its last letter (zhōnǵ).
            value = "".join(char for char in value if unicodedata.category(char) not in ("Mn", "Me"))
            if not value:
                continue
            if previous == "word" and value.isalnum():
                out.append(" ")
            out.append(value)
        previous = kind
    return "".join(out)


def display_pinyin(
    text: str,
    syllables: Sequence[str | None],
    pos: str | None = None,
    *,
    proper: bool | None = None,
    capitals: Sequence[bool] | None = None,
    idiom: bool | None = None,
) -> str | None:
    """The display form of one token in tone marks (GB/T 16159); see :func:`render_pinyin`.

    Proper nouns are capitalised; person names split as Surname Given-name and place
    names with their generic part separate. Non-Han characters stay as they are.

    >>> display_pinyin("兴县", ["xing1", "xian4"], "ns")
    'Xīng Xiàn'
    >>> display_pinyin("张建兵", ["zhang1", "jian4", "bing1"], "nr")
    'Zhāng Jiànbīng'
    >>> display_pinyin("生态", ["sheng1", "tai4"])
    'shēngtài'
    >>> display_pinyin("第十七届", ["di4", "shi2", "qi1", "jie4"], "m")
    'dì-shíqī jiè'
    >>> display_pinyin("一点儿", ["yi1", "dian3", "er2"], "m")
    'yīdiǎnr'
    """
    return render_pinyin(text, syllables, pos, PinyinStyle.MARKS, proper=proper, capitals=capitals, idiom=idiom)


# --------------------------------------------------------------------------- spoken tones

#: Characters after which 一 keeps its first tone (十一, 第一, 一一, 二〇一).
_KEEP_YI_AFTER = _DIGITS | frozenset("十第")
#: Characters before which 一 keeps its first tone: digits read one by one, dates and numbers.
_KEEP_YI_BEFORE = frozenset("零〇一二三四五六七八九月号")


def spoken_syllables(words: Sequence[tuple[str, Sequence[str | None]]]) -> list[tuple[str | None, ...]]:
    """Spoken tones for a passage: its words' citation syllables after tone sandhi.

    ``words`` are the passage's tokens in order as ``(text, syllables)``; a character
    without a syllable (punctuation, space, digit) ends a stretch of speech. The rules:

    - 不 before a fourth (or neutral) tone → ``bu2`` (不是 búshì); as the middle of a
      three-syllable word → neutral (对不起 duìbuqǐ, 差不多).
    - 一 → ``yi2`` before a fourth or neutral tone (一个 yí gè), ``yi4`` before the others
      (一年 yì nián); it keeps ``yi1`` at the end of a word (统一, 唯一, 万一, 之一), after a
      numeral or 第 (十一, 第一), before another digit (一九四五, 一一) or 月/号 (一月,
      一号), as the first of a list of points (一是…二是…), and before a pause; between a
      repeated verb it is neutral (看一看).
    - Third tone before a third tone → second tone, inside a word and across two words
      that together have at most three syllables (我很好 wó hén hǎo): such words form one
      prosodic foot, while longer neighbours are normally kept apart by a small pause.
      In a run of third tones every syllable but the last changes (展览馆 zhánlánguǎn),
      the usual reading of 2+1 words and an accepted fast reading of 1+2 ones.
    - Neutral tones stay neutral; the half-third tone before other tones is not written.

    >>> spoken_syllables([("不是", ["bu4", "shi4"]), ("一个", ["yi1", "ge4"]), ("展览馆", ["zhan3", "lan3", "guan3"])])
    [('bu2', 'shi4'), ('yi2', 'ge4'), ('zhan2', 'lan2', 'guan3')]
    """
    # Flatten: one entry per character, with its word and place in the word.
    chars: list[str] = []
    tones: list[str | None] = []
    word_of: list[int] = []
    index_in_word: list[int] = []
    word_sizes: list[int] = []
    for number, (text, syllables) in enumerate(words):
        word_sizes.append(sum(1 for s in syllables if s is not None))
        han_index = 0
        for char, syllable in zip(text, syllables, strict=True):
            chars.append(char)
            tones.append(syllable)
            word_of.append(number)
            index_in_word.append(han_index if syllable is not None else -1)
            if syllable is not None:
                han_index += 1
    out: list[str | None] = list(tones)

    def tone(i: int) -> str:
        syllable = tones[i] or ""
        return syllable[-1] if syllable[-1:].isdigit() else "5"

    def neighbour(i: int, step: int) -> int | None:
        j = i + step
        return j if 0 <= j < len(chars) and tones[j] is not None else None

    for i, syllable in enumerate(tones):
        if syllable is None:
            continue
        body = syllable[:-1] if syllable[-1:].isdigit() else syllable
        following, preceding = neighbour(i, 1), neighbour(i, -1)
        size, place = word_sizes[word_of[i]], index_in_word[i]
        if chars[i] == "不" and body == "bu" and tone(i) == "4":
            if size == 3 and place == 1:
                out[i] = "bu5"
            elif following is not None and tone(following) in "45":
                out[i] = "bu2"
        elif chars[i] == "一" and body == "yi" and tone(i) == "1":
            if following is None or (size > 1 and place == size - 1):
                continue
            if preceding is not None and chars[preceding] in _KEEP_YI_AFTER and word_of[preceding] == word_of[i]:
                continue
            if chars[following] in _KEEP_YI_BEFORE or size == 1 and chars[following] == "是":
                continue  # 一九四五, 一月; 一是…二是… counts points off
            if preceding is not None and chars[preceding] == chars[following] and word_of[preceding] == word_of[following]:
                out[i] = "yi5"
            else:
                out[i] = "yi2" if tone(following) in "45" else "yi4"
        elif tone(i) == "3" and following is not None and tone(following) == "3":
            same_word = word_of[following] == word_of[i]
            if same_word or word_sizes[word_of[i]] + word_sizes[word_of[following]] <= 3:
                out[i] = body + "2"

    # Back into words.
    result: list[tuple[str | None, ...]] = []
    position = 0
    for text, _ in words:
        result.append(tuple(out[position : position + len(text)]))
        position += len(text)
    return result
