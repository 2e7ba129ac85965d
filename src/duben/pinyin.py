"""Readings: pypinyin and a polyphone disambiguation layer, and parsing of display pinyin.

This is the only module that imports pypinyin (and pypinyin-dict's phrase data), on
first use; :mod:`duben._rules` holds the context rules and :mod:`duben._g2p` g2pM's
model, both used only from here. Syllables are citation tones written with tone numbers,
neutral tone ``5`` and ü as ``v`` (``lv4``, ``de5``); display forms come from
:mod:`duben.orthography`.

How a character gets its reading, strongest source first:

1. our word list (``data/readings/words.tsv``): corrections of the phrase data and
   word-level neutral tones; entries of three or more characters win even across
   jieba's cuts;
2. pypinyin's phrase list, then ``large_pinyin``'s (unknown words are covered by known
   ones); the model may overrule them only for rare characters and when nearly sure;
3. surname readings (``data/readings/surnames.tsv``) for personal names and family-name
   villages;
4. context rules over jieba's words and tags, for polyphones no word decided;
5. g2pM's BiLSTM over the sentence, for what is still open;
6. pypinyin's first reading of the character.

一 and 不 always keep their citation tones (yi1, bu4), whatever sandhi the data bakes in.

>>> split_pinyin("sìshuǐ-sìdìng")
['si4', 'shui3', 'si4', 'ding4']
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import importlib.resources
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from typing import TYPE_CHECKING

from duben._rules import NUMERALS, SENTENCE_PARTS, Context, decide, is_number
from duben.errors import DubenError
from duben.hanzi import HAN_RUN, is_han
from duben.orthography import display_pinyin, letters_and_tones, number_syllable

if TYPE_CHECKING:
    import sqlite3

__all__ = ["Reader", "ReadingDataError", "display_pinyin", "split_pinyin"]


@functools.lru_cache(maxsize=1)
def _inventory() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT

    marked = {reading for readings in PINYIN_DICT.values() for reading in readings.split(",")}
    found = {number_syllable(reading)[:-1] for reading in marked}
    found |= {"r"}  # erhua written on its own
    return frozenset(found)


def split_pinyin(text: str) -> list[str]:
    """Split display pinyin (``Xīng Xiàn``, ``sìshuǐ-sìdìng``) into numbered syllables.

    Spaces, hyphens, apostrophes and punctuation separate; runs of letters are split
    into valid syllables, preferring fewer and longer ones (``xian`` stays one).

    Raises:
        ValueError: when a run of letters is not a sequence of pinyin syllables.
    """
    pairs = letters_and_tones(text)
    syllables: list[str] = []
    run: list[tuple[str, str | None]] = []
    for letter, tone in [*pairs, (" ", None)]:
        if letter.isalpha() and letter.isascii() or letter in "vü":
            run.append((letter.lower().replace("ü", "v"), tone))
            continue
        if run:
            syllables.extend(_split_run(run))
            run = []
    return syllables


def _split_run(run: list[tuple[str, str | None]]) -> list[str]:
    letters = "".join(c for c, _ in run)
    marked = [t is not None for _, t in run]
    inventory = _inventory()

    @functools.cache
    def best(start: int) -> tuple[int, ...] | None:
        if start == len(letters):
            return ()
        options = []
        for end in range(min(len(letters), start + 6), start, -1):
            if letters[start:end] not in inventory or sum(marked[start:end]) > 1:
                continue
            # Inside a word a syllable never starts with a, o or e: GB/T 16159 would
            # have written an apostrophe (jínàn is ji-nan, xī'ān is xi-an).
            if end < len(letters) and letters[end] in "aoe":
                continue
            rest = best(end)
            if rest is not None:
                options.append((end, *rest))
        # Fewest syllables; on a tie the longer first syllable (xian over xi-an).
        return min(options, key=len) if options else None

    cuts = best(0)
    if cuts is None:
        raise ValueError(f"{letters!r} is not a sequence of pinyin syllables")
    out, start = [], 0
    for end in cuts:
        tone = next((t for _, t in run[start:end] if t), "5")
        out.append(letters[start:end] + tone)
        start = end
    return out


#: Complements after V得 that make a potential form (看得见, 办得到, 摸得着) or describe the
#: outcome (做得好, 抓得实): 得 is de there.
_POTENTIAL_COMPLEMENTS = frozenset("见到着起了出来去上下住动完成开通过清懂惯准及" "好快多少实细对早晚高低大小深透牢稳紧严")

#: Words in which 得 is dé "obtain" (取得好成绩 is 取得 + 好): the complement rule leaves them.
_DE2_WORDS = frozenset(
    "取得 获得 赢得 懂得 记得 值得 使得 显得 觉得 晓得 免得 省得 舍得 认得 落得 博得 难得 乐得 懒得 只得 不得 习得 "
    "求得 谋得 心得 所得 应得 自得 了得 总得 非得 还得 也得".split()
)

#: Measure words whose reading after a number is fixed: 两只 zhī (not the adverb zhǐ), 一宿 xiǔ.
_NUMERAL_MEASURES = {
    "只": "zhi1", "宿": "xiu3", "处": "chu4", "种": "zhong3", "间": "jian1", "曲": "qu3",
    "担": "dan4", "扎": "za1", "圈": "quan1", "片": "pian4", "角": "jiao3",
}

#: Sentence ends: the model reads one sentence at a time.
_SENTENCE_ENDS = frozenset("。！？；!?;\n")
#: Sentences longer than this are cut at commas for the model, which was trained on
#: sentences of ordinary length.
_LONGEST_SENTENCE = 120
#: A character in fewer phrases of pypinyin's phrase list than this is "rare": its phrase
#: readings are often wrong or name-specific, and the model overrides them when sure.
_RARE_BELOW = 30
#: How sure the model must be to override phrase data of a rare character.
_OVERRIDE_CONFIDENCE = 0.99
#: jieba's tags for names and terms: words pypinyin's own phrase list reads are second-guessed
#: by the model only with one of these (黄陂 ns, 吡咯 nz); for common words (挣扎, 一晃, 前仆后继)
#: the list follows the dictionary and the model, trained on other conventions, does not.
_NAME_TAGS = ("nr", "ns", "nt", "nz")

# Where a reading came from, strongest first.
_GIVEN, _CURATED, _PHRASE, _RULE, _MODEL, _DEFAULT = "given", "curated", "phrase", "rule", "model", "default"


@dataclasses.dataclass(frozen=True, slots=True)
class _Data:
    """Reading data: pypinyin's tables, large_pinyin's phrases and our own word lists."""

    characters: Mapping[int, str]
    phrases: Mapping[str, list[list[str]]]
    large: Mapping[str, list[list[str]]]
    curated: Mapping[str, tuple[str, ...]]
    surnames: Mapping[str, str]
    phrase_counts: Mapping[str, int]
    longest: int


class ReadingDataError(DubenError, ValueError):
    """A packaged reading table (``data/readings/*.tsv``) is malformed; names file and line."""


def _read_table(name: str) -> list[list[str]]:
    text = importlib.resources.files("duben").joinpath(f"data/readings/{name}").read_text(encoding="utf-8")
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) < 2:
            raise ReadingDataError(f"data/readings/{name}: line {number}: expected at least two tab-separated fields")
        rows.append(fields)
    return rows


class PhraseIndex(Mapping[str, list[list[str]]]):
    """pypinyin-dict's ``large_pinyin`` phrases (about 412,000), read from an on-disk index.

    Importing the module holds the whole mapping in memory (over 100 MB, more than a
    second to load); the index built from it once (see :mod:`duben._index`) answers the
    few thousand lookups a text needs in milliseconds. Lookups are remembered.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self._connection = connection
        self._memo: dict[str, list[list[str]] | None] = {}

    def get_readings(self, word: str) -> list[list[str]] | None:
        if word not in self._memo:
            if len(self._memo) > 100_000:  # a long-running process does not keep every word
                self._memo.clear()
            row = self._connection.execute("SELECT readings FROM phrases WHERE word = ?", (word,)).fetchone()
            self._memo[word] = [r.split(",") for r in row[0].split(" ")] if row else None
        return self._memo[word]

    def __getitem__(self, word: str) -> list[list[str]]:
        found = self.get_readings(word)
        if found is None:
            raise KeyError(word)
        return found

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self.get_readings(word) is not None

    def __iter__(self) -> Iterator[str]:
        return (row[0] for row in self._connection.execute("SELECT word FROM phrases"))

    def __len__(self) -> int:
        return int(self._connection.execute("SELECT count(*) FROM phrases").fetchone()[0])


def _large_phrases() -> Mapping[str, list[list[str]]]:
    """large_pinyin's phrases through an index, or an empty mapping without pypinyin-dict."""
    import importlib.util
    from pathlib import Path

    from duben._index import open_index

    spec = importlib.util.find_spec("pypinyin_dict.phrase_pinyin_data.large_pinyin")
    if spec is None or spec.origin is None:  # the larger phrase list is optional
        return {}

    def build(connection: sqlite3.Connection) -> None:
        from pypinyin_dict.phrase_pinyin_data.large_pinyin import phrases_dict

        connection.execute("CREATE TABLE phrases (word TEXT PRIMARY KEY, readings TEXT NOT NULL) WITHOUT ROWID")
        connection.executemany(
            "INSERT INTO phrases VALUES (?, ?)",
            ((word, " ".join(",".join(r) for r in readings)) for word, readings in phrases_dict.items()),
        )

    return PhraseIndex(open_index("large-pinyin", [Path(spec.origin)], build))


@functools.lru_cache(maxsize=1)
def _data() -> _Data:
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    large = _large_phrases()
    curated: dict[str, tuple[str, ...]] = {}
    for word, syllables, *_ in _read_table("words.tsv"):
        readings = tuple(syllables.split())
        if len(readings) != len(word):
            raise ReadingDataError(f"data/readings/words.tsv: {word}: {len(readings)} syllables for {len(word)} characters")
        curated[word] = readings
    surnames = {char: reading for char, reading, *_ in _read_table("surnames.tsv")}
    counts: dict[str, int] = {}
    for phrase in PHRASES_DICT:
        for char in set(phrase):
            counts[char] = counts.get(char, 0) + 1
    longest = max(len(w) for w in (*curated, *PHRASES_DICT)) if curated else 8
    return _Data(PINYIN_DICT, PHRASES_DICT, large, curated, surnames, counts, min(longest, 12))


@functools.lru_cache(maxsize=4096)
def _numbered(marked: str) -> str:
    return number_syllable(marked).replace("ü", "v")


class Reader:
    """Assigns citation-tone readings to segmented words.

    Readings come, strongest first, from: our curated word list (corrections and
    neutral tones); pypinyin's phrase list, then pypinyin-dict's ``large_pinyin``;
    surname readings for personal names; context rules for polyphones the phrase data
    leaves open (:mod:`duben._rules`); g2pM's model over the whole sentence for what
    is still open; pypinyin's first reading of the character.

    Holds its own state; pypinyin's global dictionaries are never modified.

    Args:
        model: use g2pM's model (when installed) for characters rules leave open.
    """

    def __init__(self, *, model: bool = True) -> None:
        self.use_model = model

    def read_word(self, word: str, pos: str | None = None) -> tuple[str | None, ...]:
        """Readings of one word, one per character (``None`` for non-Han characters)."""
        return self.read([(word, pos)])[0]

    def read(self, words: Sequence[tuple[str, str | None]]) -> list[tuple[str | None, ...]]:
        """Readings for a sequence of ``(word, pos)`` pairs from one passage, in context.

        >>> Reader().read([("我们", "r"), ("还", "d"), ("要", "v"), ("按期", "d"), ("还", "v"), ("贷款", "n")])
        [('wo3', 'men5'), ('hai2',), ('yao4',), ('an4', 'qi1'), ('huan2',), ('dai4', 'kuan3')]
        """
        out: list[tuple[str | None, ...]] = []
        start = 0
        for end in range(len(words)):
            if any(c in _SENTENCE_ENDS for c in words[end][0]) or end == len(words) - 1:
                out.extend(self._read_sentence(words[start : end + 1]))
                start = end + 1
        return out

    def _read_sentence(self, words: Sequence[tuple[str, str | None]]) -> list[tuple[str | None, ...]]:
        data = _data()
        texts = [w for w, _ in words]
        tags = [p for _, p in words]
        readings: list[list[str | None]] = []
        sources: list[list[str]] = []
        for word, pos in words:
            found, origin = self._lookup(word, pos, data)
            readings.append(found)
            sources.append(origin)
        _curated_across_words(texts, readings, sources, data)
        _surnames_in_context(texts, tags, readings, sources, data)
        _same_period(texts, readings, sources)
        _measure_words(texts, tags, readings, sources)
        _yi_wei_split(texts, readings, sources)
        _senses_by_next_word(texts, tags, readings, sources)
        # Context rules where no word list decided a polyphone.
        open_positions: list[tuple[int, int]] = []
        for index, word in enumerate(texts):
            for offset, char in enumerate(word):
                if sources[index][offset] != _DEFAULT:
                    continue
                reading = decide(char, Context(texts, tags, index, offset))
                if reading is not None:
                    readings[index][offset] = reading
                    sources[index][offset] = _RULE
                else:
                    open_positions.append((index, offset))
        # The model for what is still open, and to second-guess phrase data of rare characters.
        doubtful = [
            (i, k)
            for i, word in enumerate(texts)
            for k, char in enumerate(word)
            if sources[i][k] == _PHRASE
            and data.phrase_counts.get(char, 0) < _RARE_BELOW
            and _is_polyphone(char, data)
            and _second_guessed(word, tags[i], data)
        ]
        if self.use_model and (open_positions or doubtful):
            self._consult_model(texts, readings, sources, open_positions, doubtful)
        return [tuple(r) for r in readings]

    def _consult_model(
        self,
        texts: list[str],
        readings: list[list[str | None]],
        sources: list[list[str]],
        open_positions: list[tuple[int, int]],
        doubtful: list[tuple[int, int]],
    ) -> None:
        from duben._g2p import default_model

        model = default_model()
        if model is None:
            return
        starts = []
        position = 0
        for word in texts:
            starts.append(position)
            position += len(word)
        sentence = "".join(texts)
        wanted = {starts[i] + k: (i, k) for i, k in [*open_positions, *doubtful]}
        ordered = sorted(wanted)
        spans = [
            (begin, end, ordered[bisect.bisect_left(ordered, begin) : bisect.bisect_left(ordered, end)])
            for begin, end in _model_spans(sentence)
        ]
        spans = [(begin, end, inside) for begin, end, inside in spans if inside]
        # all sentences at once: the model runs them in batches
        answers = model.probabilities_of_many([(sentence[b:e], [p - b for p in inside]) for b, e, inside in spans])
        for (begin, _, _), found in zip(spans, answers, strict=True):
            for local, scores in found.items():
                i, k = wanted[begin + local]
                best = max(scores, key=scores.__getitem__)
                if sources[i][k] == _PHRASE:
                    if scores[best] > _OVERRIDE_CONFIDENCE and best != readings[i][k]:
                        readings[i][k] = best
                        sources[i][k] = _MODEL
                else:
                    readings[i][k] = _citation(texts[i][k], best)
                    sources[i][k] = _MODEL

    def _lookup(self, word: str, pos: str | None, data: _Data) -> tuple[list[str | None], list[str]]:
        """Readings of a word from word lists alone; open polyphones are marked ``default``."""
        readings: list[str | None] = [None] * len(word)
        sources = [_GIVEN] * len(word)
        for run in HAN_RUN.finditer(word):
            text = run.group()
            found, origin = self._lookup_run(text, data)
            readings[run.start() : run.end()] = found
            sources[run.start() : run.end()] = origin
        if pos in ("nr", "nrfg") and _looks_like_chinese_name(word, data):
            readings[0] = data.surnames[word[0]]
            sources[0] = _CURATED
        elif pos in ("nr", "nrfg") and _listed_full_name(word, data):
            sources[0] = _CURATED  # a name large_pinyin lists (曾庆红 Zēng): the model may not overrule it
        if (len(word) > 1 and word[-1] in _NUMERAL_MEASURES and all(c in NUMERALS for c in word[:-1])
                and sources[-1] != _CURATED):
            # The phrase data reads some numbers and a measure word one way (一只 zhī) and
            # others another (两只 zhǐ), and lacks many (一处): after a number 只 is always
            # zhī, 宿 xiǔ, 处 chù, 种 zhǒng …
            readings[-1] = _NUMERAL_MEASURES[word[-1]]
            sources[-1] = _CURATED
        if len(word) >= 3 and word[1] == "得" and word[2] in _POTENTIAL_COMPLEMENTS and word[:2] not in _DE2_WORDS:
            readings[1] = "de5"  # a potential complement (看得见, 摸得着): the phrase data has some as dé
            sources[1] = _RULE
        if (len(word) > 1 and word[-1] == "地" and readings[-1] == "de5" and (pos or "")[:1] in ("n", "s")
                and not word.endswith(("性地", "化地", "式地"))):
            # large_pinyin writes a final 地 as the particle, also in nouns of place (栖息地,
            # 注册地): a noun does not end in the particle.
            readings[-1] = "di4"
        return readings, sources

    def _lookup_run(self, text: str, data: _Data) -> tuple[list[str | None], list[str]]:
        whole = self._phrase(text, data)
        if whole is not None:
            return whole
        readings: list[str | None] = []
        sources: list[str] = []
        for start, end in _cover(text, data):
            found = self._phrase(text[start:end], data) if end - start > 1 else None
            if found is not None:
                readings.extend(found[0])
                sources.extend(found[1])
            else:
                reading, source = _character(text[start], data)
                readings.append(reading)
                sources.append(source)
        return readings, sources

    @staticmethod
    def _phrase(text: str, data: _Data) -> tuple[list[str | None], list[str]] | None:
        if text in data.curated:
            return list(data.curated[text]), [_CURATED] * len(text)
        if len(text) < 2:
            return None
        entry = data.phrases.get(text)
        larger = entry is None
        if larger:
            entry = data.large.get(text)
        if entry is None or len(entry) != len(text):
            return None
        readings = [_citation(c, _numbered(r[0])) for c, r in zip(text, entry, strict=True)]
        if larger and text[-1] in _COMPLEMENTS and readings[-1] and readings[-1].endswith("5"):
            # large_pinyin writes resultative and directional complements light (守住 zhu,
            # 回来 lai); the dictionary keeps their tone.
            readings[-1] = _COMPLEMENTS[text[-1]]
        return readings, [_PHRASE if _is_polyphone(c, data) else _GIVEN for c in text]


def _cover(text: str, data: _Data) -> list[tuple[int, int]]:
    """Cut a word no list knows into known words, as few characters left on their own as
    possible, then as few pieces as possible (落后+地区, not 落后地+区)."""
    size = len(text)
    # best[i]: (characters on their own, pieces, end of the first piece) for text[i:];
    # on a tie the longer first piece wins, as in forward maximum matching.
    best: list[tuple[int, int, int]] = [(0, 0, size)] * (size + 1)
    for start in range(size - 1, -1, -1):
        options = []
        for end in range(min(size, start + data.longest), start, -1):
            if end - start > 1 and Reader._phrase(text[start:end], data) is None:
                continue
            after = best[end]
            options.append((after[0] + (end - start == 1), after[1] + 1, end))
        best[start] = min(options, key=lambda option: option[:2])
    cuts = []
    at = 0
    while at < size:
        cuts.append((at, best[at][2]))
        at = best[at][2]
    return cuts


def _curated_across_words(texts: list[str], readings: list[list[str | None]], sources: list[list[str]], data: _Data) -> None:
    """Curated set phrases of three or more characters win even where jieba cut them apart (吃/干/榨尽)."""
    sentence = "".join(texts)
    owner = [(i, k) for i, word in enumerate(texts) for k in range(len(word))]
    at = 0
    while at < len(sentence):
        for size in range(min(len(sentence) - at, data.longest), 2, -1):
            found = data.curated.get(sentence[at : at + size])
            if found is not None:
                for step, reading in enumerate(found):
                    i, k = owner[at + step]
                    readings[i][k] = reading
                    sources[i][k] = _CURATED
                at += size
                break
        else:
            at += 1


#: How words naming a role end: a surname right after one starts a personal name
#: (副县长曾志强, 党委书记查红梅, 成员华建平).
_ROLE_ENDS = frozenset("长记员任席理委官志表家授师士者部生傅令医")
#: Surnames that are also adverbs or verbs of their own (曾 céng, 任 rèn, 查 chá …): after a
#: role word they are read as surnames only when no function word or verb follows.
_FUNCTIONAL_SURNAMES = frozenset("曾任查单解乐盖种长能那宿藏折召令万角薄")


#: Verbs of a project's or a season's cycle: before them 当年/当日 means "that same
#: year/day" and reads dàng (当年开工、当年投产), not dāng "in those days".
_SAME_PERIOD_VERBS = frozenset(
    "开工 投产 见效 受益 建成 完成 竣工 达产 达效 落地 签约 收回 回本 出栏 兑现 到位 到账 办结 脱贫 增收".split()
)


#: Demonstratives that take a measure word (这只羊, 每场比赛).
_MEASURE_DEMONSTRATIVES = frozenset("这那哪每各某该本")
#: How the names of events held at a venue end: 场 before them is chǎng (一场比赛, 这场招聘会);
#: before anything else that happens over time it is cháng (一场大雪, 这场攻坚战, 一场变革).
_VENUE_EVENT_ENDS = ("会", "赛", "演出", "电影", "戏", "球", "考试", "讲座", "报告", "晚会", "节目", "表演", "直播", "展", "秀")


def _measure_words(
    texts: list[str], tags: list[str | None], readings: list[list[str | None]], sources: list[list[str]]
) -> None:
    """Measure words after a number or demonstrative, read by the noun they count.

    The phrase data reads such pairs one by one and inconsistently (一只 zhī, 两只 zhǐ;
    一场 cháng, 这场 chǎng); the dictionary reads them by what is counted.
    """
    for index, word in enumerate(texts):
        if len(word) == 2 and word[0] == "只" and index and is_number(texts[index - 1]) and sources[index][0] != _CURATED:
            readings[index][0] = "zhi1"  # jieba read 5只能繁母羊 as 5 + 只能: after a number 只 counts
            sources[index][0] = _RULE
            continue
        measure = word[-1:]
        if measure not in ("只", "场", "行") or sources[index][-1] == _CURATED:
            continue
        head = word[:-1] or (texts[index - 1] if index else "")
        if not head or not (head[-1] in NUMERALS or head[-1].isdigit() or head[-1] in _MEASURE_DEMONSTRATIVES):
            continue
        following = texts[index + 1] if index + 1 < len(texts) else ""
        following_tag = (tags[index + 1] or "") if following else ""
        if measure == "只" and head[-1] in _MEASURE_DEMONSTRATIVES and following_tag[:1] != "n" and following_tag != "vn":
            continue  # 这只是开始: the adverb zhǐ
        if measure == "只":
            reading = "zhi1"
        elif measure == "场":
            # what is counted follows (两场招聘会) or came before the number (演出320场)
            counted = texts[index - (1 if word[:-1] else 2)] if index >= (1 if word[:-1] else 2) else ""
            venue = following.endswith(_VENUE_EVENT_ENDS) or not following[:1].isalnum() and counted.endswith(_VENUE_EVENT_ENDS)
            reading = "chang3" if venue else "chang2"
        elif following_tag[:1] == "n" and following not in ("人", "人员") and head[-1] not in _MEASURE_DEMONSTRATIVES:
            reading = "hang2"  # 两行杨树: rows (一行五人, 书记一行: the party, xíng, stays)
        elif word == "一行" and index and texts[index - 1] in ("这", "那", "哪", "干", "爱", "专", "钻", "懂"):
            reading = "hang2"  # 这一行, 干一行爱一行: a trade
        else:
            continue
        readings[index][-1] = reading
        sources[index][-1] = _RULE


#: 背 with a complement: before a noun, the verb "carry on the back" (bēi).
_CARRY_ON_BACK = frozenset({"背上", "背起", "背着", "背回", "背到", "背进", "背出"})


def _senses_by_next_word(
    texts: list[str], tags: list[str | None], readings: list[list[str | None]], sources: list[list[str]]
) -> None:
    """Words the phrase data reads in one sense where the next word shows the other."""
    for index, word in enumerate(texts[:-1]):
        following = texts[index + 1]
        if word in _CARRY_ON_BACK and (tags[index + 1] or "")[:1] == "n" and sources[index][0] != _CURATED:
            readings[index][0] = "bei1"  # 背上药箱: carry on the back (背上 alone is "on the back")
            sources[index][0] = _RULE
        if word in ("总长", "全长") and (following[:1].isdigit() or is_number(following)):
            readings[index][1] = "chang2"  # 道路总长120公里: the total length
            sources[index][1] = _RULE
        if word[-1] == "传" and len(word) > 1 and following[:1] == "》" and sources[index][-1] != _CURATED:
            readings[index][-1] = "zhuan4"  # a biography at the end of a book title: 《革命英烈传》
            sources[index][-1] = _RULE


def _yi_wei_split(texts: list[str], readings: list[list[str | None]], sources: list[list[str]]) -> None:
    """以为 followed in its clause by a 为 of its own is 以 + 为 wèi (以为民办实事为出发点):
    the frame 以……为…… takes the second 为, the first is "for"."""
    for index, word in enumerate(texts):
        if word != "以为" or sources[index][1] == _CURATED:
            continue
        for later in texts[index + 1 :]:
            if any(c in SENTENCE_PARTS for c in later):
                break
            if later == "为":
                readings[index][1] = "wei4"
                sources[index][1] = _RULE
                break


#: Modal words after 当年/当日 that look ahead (当年即可收回): "that same year", dàng.
_SAME_PERIOD_MODALS = frozenset("即可 即 可 能 便可 就可 就能 可以 能够 即能".split())


def _same_period(texts: list[str], readings: list[list[str | None]], sources: list[list[str]]) -> None:
    for index, word in enumerate(texts[:-1]):
        following = texts[index + 1]
        if following in ("就", "便") and index + 2 < len(texts):
            following = texts[index + 2]  # 当年就能增产
        if word in ("当年", "当日") and (texts[index + 1] in _SAME_PERIOD_VERBS or following in _SAME_PERIOD_MODALS):
            readings[index][0] = "dang4"
            sources[index][0] = _RULE


#: Verbs and adverbs that open a résumé line after a date, not surnames there (2018年任…, 2010年曾…).
_VERBS_AFTER_DATES = {"任": "ren4", "曾": "ceng2"}


def _surnames_in_context(
    texts: list[str], tags: list[str | None], readings: list[list[str | None]], sources: list[list[str]], data: _Data
) -> None:
    """Surnames that only the neighbourhood reveals.

    A surname cut off as a word of its own reads as a surname before a given name; a
    word-initial surname before 家 and a place word names a village (曲家沟村).
    """
    sentence = "".join(texts)
    at = 0
    for index, word in enumerate(texts):
        if index and word[:1] in _VERBS_AFTER_DATES and texts[index - 1][-1:] in ("年", "月", "日") and len(word) <= 3:
            # a résumé line: 1995年4月任武钢集团副总经理 (jieba made 任武钢 a name)
            readings[index][0] = _VERBS_AFTER_DATES[word[0]]
            sources[index][0] = _CURATED
            at += len(word)
            continue
        if word[:1] in data.surnames and _looks_like_family_place(sentence[at : at + 3], data):
            readings[index][0] = data.surnames[word[0]]
            sources[index][0] = _CURATED
        at += len(word)
    for index, word in enumerate(texts):
        if len(word) != 1 or word not in data.surnames or index + 1 >= len(texts) or sources[index][0] == _CURATED:
            continue
        following, tag = texts[index + 1], tags[index + 1] or ""
        if not HAN_RUN.fullmatch(following) or len(following) > 2:
            continue
        if following in ("某", "某某"):
            readings[index][0] = data.surnames[word]  # an anonymised name: 被告人查某某
            sources[index][0] = _CURATED
            continue
        after_role = index > 0 and texts[index - 1][-1:] in _ROLE_ENDS and len(texts[index - 1]) >= 2
        if after_role and not tag.startswith("nr") and word in _FUNCTIONAL_SURNAMES and _function_word_follows(word, tag):
            continue  # 同志曾在部队, 县长曾表示: the adverb céng, not a name
        # before a proper noun the adverb céng makes no sense: a two-character given name
        # jieba took for a place or term (老红军曾祥林); other characters may be verbs there (令美国)
        proper_after = word == "曾" and tag in ("ns", "nz") and len(following) == 2
        if tag.startswith("nr") or after_role or proper_after:
            readings[index][0] = data.surnames[word]
            sources[index][0] = _CURATED


#: Characters common in transliterated foreign names (缪斯, 哈莉, 盖亚): a name with one of
#: them is not read with Chinese surname readings.
_TRANSLITERATION = frozenset("尔斯克特德亚拉里莉娜丽萨瓦那达尼奥伊诺多罗普洛蒂夫基卡格布费巴马埃默姆森茨雷兹索塔")


def common_phrase(word: str) -> bool:
    """Whether pypinyin's own phrase list (common words, few names) has ``word``."""
    return word in _data().phrases


def read_as_surname(word: str, syllables: Sequence[str | None]) -> bool | None:
    """Whether ``word`` starts with a surname of its own reading read that way (解 xiè in
    解振华), ``False`` if read otherwise (解 jiě in 解释权), ``None`` for other characters."""
    expected = _data().surnames.get(word[:1])
    if expected is None or not syllables:
        return None
    return syllables[0] == expected


#: Of those, the ones common in Chinese given names too, allowed in three-character names (任丽华, 解晓娜).
_GIVEN_NAME_TOO = frozenset("丽娜莉亚")


def _looks_like_chinese_name(word: str, data: _Data) -> bool:
    """Whether a word tagged as a personal name starts with a surname we read specially."""
    if not 2 <= len(word) <= 3 or word[0] not in data.surnames:
        return False
    if word in data.phrases or word in data.large or word in data.curated:
        return False  # a dictionary word jieba took for a name (朴素, 燕子)
    if len(word) == 3 and word[:2] in data.phrases:
        return False  # a common word and a suffix jieba's dictionary tags as a name (解释权, 单一化)
    exempt = _GIVEN_NAME_TOO if len(word) == 3 else frozenset()  # 哈莉 (Harley) stays foreign
    return not any(c in _TRANSLITERATION and c not in exempt for c in word[1:])


#: How village names built on a family name end (曲家沟, 查家庄, 单家村).
_PLACE_ENDS = frozenset("沟庄村湾坪峪寨屯河岭坡塔洼梁峁堡营店窑院园坊口镇")


def _listed_full_name(word: str, data: _Data) -> bool:
    """A three-character name large_pinyin lists with its surname (曾庆红), not a place."""
    return (
        len(word) == 3
        and word[0] in data.surnames
        and word in data.large
        and word not in data.phrases
        and word[-1] not in "区县市镇乡村省州旗盟"
    )


def _looks_like_family_place(word: str, data: _Data) -> bool:
    """A place named after a family: surname, 家, a place word (曲家沟村 Qūjiāgōu Cūn)."""
    return len(word) == 3 and word[1] == "家" and word[0] in data.surnames and word[2] in _PLACE_ENDS


#: Complements that keep their citation tone after a verb, and that tone. Localisers
#: (上, 下) are left as the data has them: 晚上 wǎn·shang and 乡下 xiāng·xia are light.
_COMPLEMENTS = {
    "来": "lai2", "去": "qu4", "住": "zhu4", "起": "qi3", "开": "kai1", "出": "chu1", "进": "jin4", "掉": "diao4", "完": "wan2",
}


def _function_word_follows(surname: str, tag: str) -> bool:
    """Whether the word after a surname-like character rules out a given name: a verb,
    preposition, conjunction or particle; for 曾, which is also the adverb céng, an adverb too."""
    return tag in ("v", "p", "c") or tag[:1] == "u" or surname == "曾" and tag[:1] == "d"


def _second_guessed(word: str, pos: str | None, data: _Data) -> bool:
    """Whether the model may overrule phrase readings in ``word``: not in a common word of
    pypinyin's own phrase list (only large_pinyin's phrases, unknown words and names)."""
    return word not in data.phrases or (pos or "").startswith(_NAME_TAGS)


def _is_polyphone(char: str, data: _Data) -> bool:
    return "," in data.characters.get(ord(char), "")


def _character(char: str, data: _Data) -> tuple[str | None, str]:
    """A character on its own: its only reading, or its first one, marked open."""
    found = data.characters.get(ord(char))
    if found is None:
        return _fallback(char), _GIVEN
    readings = found.split(",")
    return _citation(char, _numbered(readings[0])), (_DEFAULT if len(readings) > 1 else _GIVEN)


def _model_spans(sentence: str) -> list[tuple[int, int]]:
    """Cut a long sentence at commas into spans of a length the model knows."""
    if len(sentence) <= _LONGEST_SENTENCE:
        return [(0, len(sentence))]
    spans = []
    begin = 0
    for index, char in enumerate(sentence):
        if char in "，,、：:" and index + 1 - begin >= _LONGEST_SENTENCE // 2:
            spans.append((begin, index + 1))
            begin = index + 1
    if begin < len(sentence):
        spans.append((begin, len(sentence)))
    return spans


def _citation(char: str, reading: str) -> str | None:
    """Undo sandhi baked into phrase data; mark unreadable characters as ``None``."""
    if not is_han(char) or not reading or not reading[-1].isdigit():
        return None if not is_han(char) else _fallback(char)
    if char == "一":
        return "yi1"
    if char == "不":
        return "bu4"
    return reading.replace("ü", "v")


def _fallback(char: str) -> str | None:
    # A Han character pypinyin does not know directly: try its compatibility-decomposed
    # form (U+F900 block and friends); with no reading at all, say so with None.
    from pypinyin import Style, lazy_pinyin

    normalized = unicodedata.normalize("NFKC", char)
    # errors="ignore": pypinyin otherwise hands back an unknown character itself, with a
    # tone digit added (𪘋 → "𪘋5"), which is no syllable.
    found = lazy_pinyin(normalized, style=Style.TONE3, neutral_tone_with_five=True, errors="ignore")
    reading = found[0] if found else ""
    return reading.replace("ü", "v") if reading[-1:].isdigit() else None
