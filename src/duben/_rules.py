"""Context rules for polyphones that phrase data leaves open.

A rule looks at one character in its sentence, as jieba cut and tagged it, and
returns a reading or ``None`` when it cannot tell (the reader then asks the model).
Rules run only where no dictionary word decided the character: single-character
words and characters of words no phrase list knows. They encode grammar and
collocations, not sentences: 地 after an adverbial is the particle de, 为 after a
verb of becoming is wéi, 还 before a debt is huán, and so on.

This module imports nothing from third parties.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

__all__ = ["CLAUSE_BREAKS", "DIGIT_NUMERALS", "NUMERALS", "RULES", "SENTENCE_PARTS", "Context", "decide", "is_number"]

#: Punctuation that ends a clause for the rules that look back (以……为……).
CLAUSE_BREAKS = frozenset("，。！？；：、,!?;:\n（）()“”\"")
#: Punctuation that ends a clause even inside 以……为…… (quotes and lists do not).
SENTENCE_PARTS = frozenset("，。！？；：,!?;:\n")


@dataclass(frozen=True, slots=True)
class Context:
    """One character of one word of a sentence."""

    words: Sequence[str]
    """The sentence's words, in order."""
    tags: Sequence[str | None]
    """jieba's part-of-speech tag of each word (``None`` when unknown)."""
    index: int
    """Which word the character is in."""
    offset: int
    """Where the character is in its word."""

    @property
    def word(self) -> str:
        return self.words[self.index]

    @property
    def tag(self) -> str:
        return self.tags[self.index] or ""

    @property
    def single(self) -> bool:
        """Whether the character is a word on its own."""
        return len(self.word) == 1

    def previous(self, step: int = 1) -> str:
        """The word ``step`` words before (``""`` at the start, or across a clause break)."""
        at = self.index - step
        if at < 0 or any(c in CLAUSE_BREAKS for w in self.words[at : self.index] for c in w):
            return ""
        return self.words[at]

    def previous_tag(self, step: int = 1) -> str:
        return (self.tags[self.index - step] or "") if self.previous(step) else ""

    def next(self, step: int = 1) -> str:
        """The word ``step`` words after (``""`` at the end, or across a clause break)."""
        at = self.index + step
        if at >= len(self.words) or any(c in CLAUSE_BREAKS for w in self.words[self.index + 1 : at + 1] for c in w):
            return ""
        return self.words[at]

    def next_tag(self, step: int = 1) -> str:
        return (self.tags[self.index + step] or "") if self.next(step) else ""

    def clause_before(self, breaks: frozenset[str] = CLAUSE_BREAKS) -> list[str]:
        """The words before this one, back to the start of the clause (any of ``breaks``)."""
        out: list[str] = []
        for at in range(self.index - 1, -1, -1):
            word = self.words[at]
            if any(c in breaks for c in word):
                break
            out.append(word)
        return out[::-1]


def _verbal(tag: str) -> bool:
    return tag[:1] == "v" and tag != "vn"


def _adverbial(tag: str) -> bool:
    # Words that can stand before 地 as adverbials: adverbs, adjectives, descriptive
    # words, idioms and set phrases, verbs (深入地, 感慨地).
    return tag[:1] in ("d", "a", "z", "i", "l", "v")


_QUANTITY_TAGS = ("m", "q", "mq")
#: Demonstratives and quantifiers before a measure word (这种, 各处).
_DEMONSTRATIVES = frozenset("这那哪各某多几此该本每一两三四五六七八九十百千万诸")


#: Prepositions of place: 在/到/回 + verb + 地 is "the place where" (在参保地办理).
_LOCATIVES = frozenset({"在", "到", "回", "赴", "从", "向", "往", "至", "于", "由", "返回", "回到", "前往"})
#: Verbs that also stand before the particle 地 as adverbials (在深入地调研的基础上).
_ADVERBIAL_VERBS = frozenset(
    {"深入", "持续", "反复", "集中", "连续", "不断", "全面", "充分", "广泛", "重点", "统一", "逐步", "主动"}
    | {"积极", "认真", "扎实", "稳妥", "有序", "有效", "切实", "大力", "普遍", "系统", "科学", "依法", "自觉", "创造"}
)


def _di(c: Context) -> str | None:
    if not c.single:
        return None
    previous, following = c.previous(), c.next()
    if len(previous) >= 2 and previous[-1] == previous[-2] and c.next_tag()[:1] in ("v", "d", "p"):
        return "de5"  # after a reduplication: 一步步地推进, 慢慢地
    if previous in ("就", "原"):
        return "di4"  # 就地, 原地 "on the spot" that jieba cut apart (就/地/就近)
    if c.previous_tag()[:1] in _QUANTITY_TAGS or c.previous_tag() in ("r", "q") and previous[-1:] in "块片亩":
        return "di4"  # 三亩地, 这片地
    if following[:1] in "里上下头面块区带方处" and following not in ("上下", "面对"):
        return "di4"  # 地里, 地头
    if (c.previous(2) in _LOCATIVES and c.previous_tag() in ("n", "v", "vn") and len(previous) == 2
            and previous not in _ADVERBIAL_VERBS):
        return "di4"  # a place after a locative preposition: 在参保地办理, 回户籍地
    if c.next_tag()[:1] in ("v", "a", "d", "p", "i", "l"):
        return "de5"  # an adverbial before its verb: 深入地开展, 积极主动地参与
    if previous and _adverbial(c.previous_tag()) and following:
        return "de5"
    return "di4"


#: Adverbs after which a lone 得 is děi "must" (还得, 也得, 就得, 总得).
_MUST_ADVERBS = frozenset({"还", "也", "就", "都", "总", "又", "必", "准", "非", "还是", "仍", "更"})


def _de(c: Context) -> str | None:
    if not c.single:
        # A verb and 得 that no dictionary lists as a word (开得, 抓得) before an adverb or
        # adjective: the complement marker.
        if c.offset == len(c.word) - 1 and c.next_tag()[:1] in ("a", "d", "z", "i", "l"):
            return "de5"
        return None
    before, after = c.previous_tag(), c.next_tag()
    previous = c.previous()
    if c.next() == "了" and not _verbal(before):
        return "de2"  # 得了奖: got
    if (not previous or before[:1] in ("d", "c", "r", "n", "p") or before == "vn") and after[:1] in ("v", "l"):
        return "dei3"  # 也得放在心上: a verb or a set verb phrase (l) follows
    if not previous and after[:1] in ("m", "d", "p"):
        return "dei3"  # ……问题，得一件一件抓紧解决
    if not previous and after[:1] == "n":
        return "de2"  # 得民心者得天下: win
    if previous in _MUST_ADVERBS and c.next()[:1] not in ("了", "到", "以", "出", "益", "手", "逞"):
        return "dei3"  # 还得多部门联动: "still has to"
    if _verbal(before) or before[:1] in ("a", "u") or before == "vn" or previous[-1:] in "过做干搞变显说写走跑建办讲学":
        return "de5"
    return None


def _zhe(c: Context) -> str | None:
    if c.single and c.next() == "了" and c.next(2)[:1] in ("急", "火", "凉", "迷", "慌"):
        return "zhao2"  # 着了急, 着了火: 着急 and 着火 cut apart
    if c.single and (c.tag == "uz" or _verbal(c.previous_tag()) or c.previous_tag()[:1] == "a"):
        return "zhe5"
    return None


def _le(c: Context) -> str | None:
    if not c.single:
        return None
    if c.previous() in ("不", "得") and _verbal(c.previous_tag(2)):
        return "liao3"
    return "le5"


_WEI2_VERB_ENDS = frozenset("化改变转定列评选视称分划升降设聘立奉誉拜推结成作析合归认缩扩折换贬讹译名封晋擢追尊并易造展建制育组")
#: Adverbs before the copula 为 wéi ("is"): 均为, 原为, 分别为.
_WEI2_ADVERBS = frozenset(
    {"均", "皆", "原", "即", "仍", "亦", "乃", "则", "实", "分别", "依次", "主要"}
    | {"大多", "多", "一般", "通常", "大都", "全", "俱", "都", "尤", "最"}
)
#: Verbs that frame "X 为 Y" (turn X into Y, name X Y): 改/降/封 X 为 Y.
_WEI2_FRAMES = frozenset(
    {"改", "降", "升", "贬", "封", "拜", "任命", "命名", "改名", "更名", "追封", "追认", "尊", "奉", "推举", "聘"}
    | {"变", "化", "转", "聘任", "聘请", "选举", "评选", "认定", "确定", "批准"}
)
_WEI2_FOLLOWERS = frozenset(
    {"王", "主", "辅", "先", "重", "本", "要", "荣", "耻", "首", "例", "限", "止", "准", "证", "宜", "上"}
)


def _wei(c: Context) -> str | None:
    if not c.single:
        return None
    previous, following = c.previous(), c.next()
    if previous and (_verbal(c.previous_tag()) or len(previous) == 2) and previous[-1] in _WEI2_VERB_ENDS:
        return "wei2"
    if previous in _WEI2_ADVERBS:
        return "wei2"
    if following in _WEI2_FOLLOWERS:
        return "wei2"
    if c.next_tag()[:1] == "m" or following[:1].isdigit():
        return "wei2"
    clause = c.clause_before(SENTENCE_PARTS)
    if any(_is_yi(w) for w in clause[:-1]) or clause and clause[-1] in ("以此", "以其", "以之"):
        return "wei2"  # 以……为……
    if any(w in _WEI2_FRAMES for w in clause):
        return "wei2"  # 改/降 X 为 Y, 任命为, 变压力为动力
    if "所" in _clause_after(c, 5):
        return "wei2"  # 为……所……: passive
    return "wei4"


def _is_yi(word: str) -> bool:
    # 以为 too: before a second 为 it is 以 + 为 wèi (以为民办实事为出发点)
    return word == "以" or len(word) == 2 and word[0] == "以" and word[1] in "此其之该这那为"


def _clause_after(c: Context, limit: int) -> list[str]:
    out = []
    for step in range(1, limit + 1):
        word = c.next(step)
        if not word:
            break
        out.append(word)
    return out


_DEBTS = frozenset("款贷债钱本息账")


def _hai(c: Context) -> str | None:
    if not c.single:
        return None
    following = c.next()
    if following[:1] in _DEBTS or following in ("给", "清", "原", "回"):
        return "huan2"
    if c.previous()[-1:] in ("偿", "归", "返", "退", "交", "送"):
        return "huan2"
    before = "".join(c.clause_before())
    if re.search("边[^边]{1,2}边$", before) or before.endswith("边") and c.next()[:1] == "边":
        return "huan2"  # 边借边还, 边还边贷
    return "hai2"


def _zhong(c: Context) -> str | None:
    if not c.single:
        return None
    previous = c.previous()
    if c.previous_tag()[:1] in _QUANTITY_TAGS or (previous and previous[-1] in _DEMONSTRATIVES):
        return "zhong3"
    if c.next() in ("类", "子", "群", "族"):
        return "zhong3"
    return "zhong4" if c.next() else None


def _gan(c: Context) -> str | None:
    if not c.single:
        return None
    if c.tag[:1] == "v" or c.next_tag()[:1] in ("n", "v") or c.next() in ("出", "好", "成", "到"):
        return "gan4"
    if c.tag[:1] == "a":
        return "gan1"
    return None


def _chang(c: Context) -> str | None:
    if c.single and c.next() == "得" and c.tag[:1] in ("a", "v"):
        return "zhang3"  # 长得很快: grow
    if c.single:
        if c.tag[:1] == "a" or c.next_tag()[:1] in ("m", "q"):
            return "chang2"
        if c.tag[:1] == "v" and c.next() in ("大", "高", "出", "成"):
            return "zhang3"
        return None
    # A title ending in 长 that no dictionary knows (镇长, 站长, 队长): zhǎng.
    if c.offset == len(c.word) - 1 and len(c.word) >= 2:
        return "zhang3"
    return None


def _chu(c: Context) -> str | None:
    if not c.single:
        return None
    if _starts_number(c.next()) or c.next()[:1] == "以" and "罚" in "".join(_clause_after(c, 6)):
        return "chu3"  # a penalty: 处五万元以上罚款, 处三年以下有期徒刑
    if c.next()[:1] in ("在", "于") or c.next() in ("理", "置"):
        return "chu3"
    previous = c.previous()
    if c.previous_tag()[:1] in _QUANTITY_TAGS or previous[-1:] in _DEMONSTRATIVES or previous[-1:] in "之到各每":
        return "chu4"
    return None


def _ying(c: Context) -> str | None:
    if not c.single:
        return None
    if c.next()[:1] in ("对", "用", "邀", "聘", "急", "运", "战", "变", "答", "声"):
        return "ying4"
    return "ying1"


def _shu(c: Context) -> str | None:
    if c.single and c.tag[:1] == "v":
        return "shu3"
    return None


def _ceng(c: Context) -> str | None:
    if c.single and c.tag[:2] != "nr":
        return "ceng2"
    return None


def _chong(c: Context) -> str | None:
    if c.single and c.next()[:1] == "着":
        return "chong4"
    return None


#: What 重 chóng ("again") comes before as a word of its own (重回, 重走).
_CHONG_BEFORE = frozenset("新复建组申启返回走温整塑修订现演")


def _chong_zhong(c: Context) -> str | None:
    if not c.single:
        return None
    return "chong2" if c.next()[:1] in _CHONG_BEFORE else "zhong4"


def _jiao(c: Context) -> str | None:
    # 教 as a verb of its own is "teach" (手把手教农民); jiào lives in words (教育, 请教)
    # and in the noun after 所 with nothing after it (学有所教: education).
    if not c.single:
        return None
    if c.previous()[-1:] == "所" and not c.next():
        return "jiao4"
    return "jiao1" if c.tag[:1] in ("v", "") else None


#: What 间 jiàn ("thin out, alternate") comes before in farming: 间种, 间作, 间苗, 间伐.
_JIAN4_BEFORE = frozenset("种作苗伐")


def _jian(c: Context) -> str | None:
    if not c.single:
        return None
    return "jian4" if c.next()[:1] in _JIAN4_BEFORE else "jian1"


#: What 露 lòu (colloquial "show") comes before as a verb of its own: 露个脸, 露一手, 露面.
_LOU4_BEFORE = frozenset("个一脸面馅富底")


def _lu(c: Context) -> str | None:
    # at the end of its word (露, or a cut no dictionary knows: 只露 个面)
    if c.offset == len(c.word) - 1 and c.next()[:1] in _LOU4_BEFORE:
        return "lou4"
    return None


#: Chinese numerals proper (Arabic digits are checked apart).
DIGIT_NUMERALS = frozenset("〇零一二两三四五六七八九十百千万亿")
#: What a number is written with: numerals and words of rough quantity (几, 数, 多, 半).
NUMERALS = DIGIT_NUMERALS | frozenset("几数多半")
#: Characters a number word ends in before a measure word (数 on its own is more often "count").
_NUMBER_ENDS = NUMERALS - {"数"}


def is_number(word: str) -> bool:
    """Whether ``word`` is a number: digits or numerals, with at least one real one (5, 十二, 三千余)."""
    return (
        bool(word)
        and all(c.isdigit() or c in NUMERALS or c == "余" for c in word)
        and any(c.isdigit() or c in DIGIT_NUMERALS for c in word)
    )


def _after_number(c: Context) -> bool:
    """Whether the word before is a number (480, 三, 万, 十几): a measure word follows it."""
    previous = c.previous()
    return bool(previous) and (previous[-1].isdigit() or previous[-1] in _NUMBER_ENDS and c.previous_tag()[:1] in ("m", ""))


def _zhi(c: Context) -> str | None:
    if not c.single:
        return None
    if _after_number(c) or c.previous_tag() == "q":
        return "zhi1"  # the measure word: 480万只, 三只
    return "zhi3" if c.tag[:1] in ("d", "c") else None


def _nong(c: Context) -> str | None:
    if not c.single:
        return None
    if _after_number(c) or c.previous()[-1:] == "家":
        return "long4"  # a lane: 新华路593弄, 王家弄
    return "nong4" if c.tag[:1] == "v" else None


def _starts_number(word: str) -> bool:
    return bool(word) and (word[0].isdigit() or word[0] in DIGIT_NUMERALS or word[0] == "几")


def _lv(c: Context) -> str | None:
    if len(c.word) >= 3 and c.offset == len(c.word) - 1:
        return "lv4"  # a rate at the end of a word no dictionary has (接种率, 达标率)
    if not c.single:
        return None
    previous, tag = c.previous(), c.previous_tag()
    if (previous[-1:] in _LEADERS or tag.startswith("nr")) and c.next_tag()[:1] in ("n", "r", "m"):
        return "shuai4"  # a leader leads a group: 副省长率代表团出访
    # a rate standing after what it measures (预约诊疗率要达到): not after a person who leads
    if (tag[:1] in ("n", "v") and not tag.startswith("nr") and previous[-1:] not in _LEADERS
            and (not c.next() or c.next_tag()[:1] in ("v", "d", "p", "c"))):
        return "lv4"
    return None


#: How words for people who lead end (省长率团, 书记率队): 率 after them is shuài.
_LEADERS = frozenset("长记任席理委官员部家人我他她们")


def _cha(c: Context) -> str | None:
    # 差 on its own is chà "poor, short of" (质量差, 差一点); chā and chāi live in words
    return "cha4" if c.single else None


def _he(c: Context) -> str | None:
    if not c.single:
        return None
    if c.next() in ("面", "泥") and c.previous_tag()[:1] not in ("n", "r", "m", "q") and not c.next(2)[:1].isalnum():
        return "huo2"  # 和面 knead dough, 和泥: not 米和面 "rice and flour"
    return "he2"


def _fixed(reading: str) -> Callable[[Context], str | None]:
    def rule(c: Context) -> str | None:
        return reading if c.single else None

    return rule


#: One rule per character; each returns a reading or ``None``.
RULES: dict[str, Callable[[Context], str | None]] = {
    "地": _di,
    "得": _de,
    "的": _fixed("de5"),
    "着": _zhe,
    "了": _le,
    "为": _wei,
    "还": _hai,
    "种": _zhong,
    "干": _gan,
    "长": _chang,
    "处": _chu,
    "应": _ying,
    "数": _shu,
    "曾": _ceng,
    "系": lambda c: "ji4" if c.single and c.next()[:1] in ("好", "上", "紧", "牢", "住") else None,
    "冲": _chong,
    "和": _he,
    "乐": lambda c: "le4" if c.single and not c.tag.startswith("nr") else None,
    "率": _lv,
    "差": _cha,
    # A difficulty at the end of such a word (看病难, 融资难): nán.
    "难": lambda c: "nan2" if len(c.word) >= 3 and c.offset == len(c.word) - 1 else None,
    "挑": lambda c: "tiao3" if c.next()[:1] in ("战", "衅", "拨", "逗", "明", "起") else "tiao1",
    "更": lambda c: "geng4" if c.single and c.tag[:1] in ("d", "") else None,
    "降": lambda c: ("xiang2" if c.next()[:1] in ("服", "伏", "龙") else "jiang4") if c.single else None,
    "重": _chong_zhong,
    # 藏 zàng "Tibetan" before 医药, 族, 区 …; cáng "hide, store" as a verb of its own
    "藏": lambda c: ("zang4" if c.next()[:1] in tuple("医药族区语文历戏獒羚羊传北南东西式") else
                    "cang2" if c.tag[:1] != "n" else None) if c.single else None,
    # The noun suffix at the end of a longer word no dictionary knows (钱袋子); two-character
    # words are left to the model (其子 zǐ "his son").
    "子": lambda c: "zi5" if len(c.word) >= 3 and c.offset == len(c.word) - 1 else None,
    "与": _fixed("yu3"),
    "给": _fixed("gei3"),
    "间": _jian,
    "教": _jiao,
    "露": _lu,
    "便": _fixed("bian4"),
    "朝": _fixed("chao2"),
    "当": _fixed("dang1"),
    "行": lambda c: "xing2" if c.single and c.tag[:1] in ("v", "a") else None,
    "少": lambda c: "shao3" if c.single else None,
    "都": lambda c: "dou1" if c.single and c.tag[:1] in ("d", "") else None,
    "只": _zhi,
    # single-character verbs of everyday work with their colloquial reading: 钻 zuān "get into"
    # (钻空子; zuàn is the drill), 舍 shě "give up" (shè is a house, in words), 剥 bāo "husk"
    # before what is husked (剥玉米; bō lives in words: 剥削, 剥夺), 待 dāi "stay" (一待就是八年)
    "钻": lambda c: "zuan1" if c.single and c.tag[:1] == "v" and c.next_tag()[:1] == "n" and len(c.next()) >= 2 else None,
    "舍": lambda c: "she3" if c.single and c.previous_tag()[:1] != "n" and c.next_tag()[:1] in ("n", "v", "a") else None,
    "剥": lambda c: "bao1" if c.single and c.next_tag()[:1] == "n" else None,
    "待": lambda c: "dai1" if c.single and (c.previous() == "一" or c.next()[:1] in ("在", "着", "了")) else None,
    # 饮 yìn "water (animals)" after the animals (给牛羊饮温水)
    "饮": lambda c: "yin4" if c.single and c.previous()[-1:] in ("牛", "羊", "马", "畜", "口", "驴") else None,
    # 划 huá "row" before a boat (划龙舟, 划船); huà "delimit, plan" lives in words (划定, 规划)
    "划": lambda c: "hua2" if c.single and c.next()[:1] in ("船", "舟", "龙", "桨", "艇", "水") else None,
    # 落 là "leave out" in 不落一户, 一个也没落
    "落": lambda c: "la4" if c.single and c.previous() in ("不", "没", "别") and c.next()[:1] == "一" else None,
    # 盛 before what is ladled or its result is chéng "ladle, fill" (把饭菜盛好, 盛米饭); shèng lives in words
    "盛": lambda c: "cheng2" if c.offset == len(c.word) - 1 and c.next()[:1] in tuple("好满饭汤菜粥水上出进到米") else None,
    # 奔 bèn "head for" before 着 and in 奔小康 (奔着问题去)
    "奔": lambda c: "ben4" if c.offset == len(c.word) - 1 and (c.next()[:1] == "着" or c.next().startswith("小康")) else None,
    # 觉 on its own after 睡 is jiào "sleep" (睡上安稳觉); jué lives in words (觉得, 觉悟) and names
    "觉": lambda c: "jiao4" if c.single and any("睡" in w for w in c.clause_before()) else None,
    # 尽 on its own is jìn "exhaust, all" (应保尽保, 尽交); jǐn lives in words (尽快, 尽管, 尽量)
    "尽": lambda c: "jin4" if c.single and c.next()[:1] not in ("着", "早", "先", "快", "量", "管") else None,
    # the verbs: 弄 nòng "make, handle" (弄干, 弄清), 刨 páo "dig" (lòng is a Shanghai lane, bào a plane)
    "弄": _nong,
    "刨": lambda c: "pao2" if c.single and c.tag[:1] == "v" else None,
    "宿": lambda c: "xiu3" if c.single and _after_number(c) else None,
    "过": lambda c: "guo4" if c.single else None,
    "没": lambda c: "mei2" if c.single else None,
    "要": lambda c: "yao4" if c.single else None,
    "将": lambda c: "jiang1" if c.single and c.tag[:1] in ("d", "p", "") else None,
}


def decide(char: str, context: Context) -> str | None:
    """A reading for ``char`` in ``context`` from the rules, or ``None``.

    >>> decide("地", Context(["深入", "地", "开展"], ["v", "uv", "v"], 1, 0))
    'de5'
    >>> decide("为", Context(["以", "生态", "为", "导向"], ["p", "n", "p", "n"], 2, 0))
    'wei2'
    """
    rule = RULES.get(char)
    return rule(context) if rule is not None else None
