"""Word segmentation with part-of-speech tags, through a private jieba tokenizer.

This is the only module that imports jieba. The process-wide ``jieba.dt`` is never
touched: each :class:`Segmenter` owns a ``jieba.Tokenizer`` and adds its user words
there. Spans that must stay whole (glossary terms) are cut out before jieba sees the
text, because jieba ignores rare added words and splits digits, hyphens, ``·`` and
spaces before it consults its dictionary.
"""

from __future__ import annotations

import bisect
import functools
import logging
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from duben.hanzi import HAN_RUN

__all__ = ["Piece", "Segmenter", "default_segmenter"]

logger = logging.getLogger(__name__)

# Punctuation and white space inside a protected span become tokens of their own.
_SPAN_PIECES = re.compile(r"[\w\u3007]+|\s+|.", re.UNICODE)


def _only_marks(word: str) -> bool:
    """Whether ``word`` holds only marks that modify the character before them."""
    return all(unicodedata.category(char) in ("Mn", "Me") for char in word)


@dataclass(frozen=True, slots=True)
class Piece:
    """One segment: a word, number, space or punctuation mark."""

    start: int
    end: int
    pos: str | None
    protected: bool = False
    """Whether the piece comes from a span kept whole (a glossary term)."""


class Segmenter:
    """Cuts text into words with jieba's tagger, keeping given spans whole.

    Args:
        user_words: extra words the tokenizer must know (kept whole where jieba agrees
            they are words in context).
    """

    def __init__(self, user_words: Iterable[str] = ()) -> None:
        self._user_words = tuple(dict.fromkeys(w for w in user_words if w))
        self._tagger: object | None = None

    @property
    def tagger(self):  # type: ignore[no-untyped-def]
        """The jieba part-of-speech tokenizer, built on first use."""
        if self._tagger is None:
            import jieba
            import jieba.posseg

            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            for word in self._user_words:
                tokenizer.add_word(word, tag="n")
            # POSTokenizer(tokenizer) would read the whole dictionary file again for its
            # tag table, which importing jieba.posseg has just done for its own tagger:
            # take a copy of that table instead (jieba is pinned to 0.42).
            tagger = object.__new__(jieba.posseg.POSTokenizer)
            tagger.tokenizer = tokenizer
            tagger.word_tag_tab = dict(jieba.posseg.dt.word_tag_tab)
            self._tagger = tagger
        return self._tagger

    def _cut(self, text: str, offset: int) -> list[Piece]:
        """Pieces of ``text`` (which starts at ``offset`` of the whole), names joined."""
        return _join_names(text, list(self._jieba_pieces(text, offset)), offset)

    def _jieba_pieces(self, text: str, offset: int) -> Iterator[Piece]:
        position = offset
        previous: Piece | None = None
        for pair in self.tagger.cut(text, HMM=True):  # type: ignore[attr-defined]
            word, flag = pair.word, pair.flag
            if not word:
                continue
            if text[position - offset : position - offset + len(word)] != word:
                # jieba dropped or changed characters: fall back to one piece per character
                logger.warning("segmentation lost its place at offset %d; splitting by character", position)
                if previous is not None:
                    yield previous
                yield from (Piece(i, i + 1, None) for i in range(position, offset + len(text)))
                return
            if previous is not None and _only_marks(word):
                # jieba cuts combining marks and variation selectors (葛 + U+E0100) off their
                # character; they belong to it, or a reader shows them on nothing.
                previous = Piece(previous.start, position + len(word), previous.pos)
            else:
                if previous is not None:
                    yield previous
                unknown = self._unknown_han(word)
                tags = self.tagger.word_tag_tab
                if unknown and len(word) == 2 and word[0] in _LEADING_PARTICLE_TAGS:
                    # jieba's HMM glued a particle to the word after it (脚印|地干|下去): cut it off.
                    yield Piece(position, position + 1, _LEADING_PARTICLE_TAGS[word[0]])
                    previous = Piece(position + 1, position + 2, tags.get(word[1], flag))
                elif unknown and word[-1] in _PARTICLE_TAGS:
                    # … or to the word before it (账得算清楚).
                    yield Piece(position, position + len(word) - 1, tags.get(word[:-1], flag))
                    previous = Piece(position + len(word) - 1, position + len(word), _PARTICLE_TAGS[word[-1]])
                else:
                    previous = Piece(position, position + len(word), flag)
            position += len(word)
        if previous is not None:
            yield previous
        if position != offset + len(text):
            yield from (Piece(i, i + 1, None) for i in range(position, offset + len(text)))

    def _unknown_han(self, word: str) -> bool:
        """Whether ``word`` is two or more Han characters jieba's dictionary does not know
        (made by its HMM); dictionary words with a particle stay whole (值得, 为了, 意味着)."""
        return len(word) >= 2 and HAN_RUN.fullmatch(word) is not None and not self.tagger.tokenizer.FREQ.get(word)

    def cut(self, text: str) -> list[Piece]:
        """Segment ``text`` as jieba would, with part-of-speech tags; pieces tile it.

        One repair on top of jieba: a common surname standing alone before a one- or
        two-character name that jieba knows as a word (张 + 亚东, which it tags as a
        measure word and a place) is joined into one personal name.
        """
        return self._cut(text, 0) if text else []

    def protect(self, text: str, pieces: Sequence[Piece], spans: Sequence[tuple[int, int]]) -> list[Piece]:
        """Re-cut ``pieces`` of ``text`` so that each span in ``spans`` stays whole.

        Only the words a span cuts through are segmented again, around the span;
        elsewhere the pieces stay as they are. Spans must not overlap and must come in
        order. Punctuation and white space inside a span become pieces of their own.
        """
        starts = [p.start for p in pieces]
        # windows: each span widened to the edges of the words it cuts through, merged
        # where they touch, each holding the spans inside it
        windows: list[tuple[int, int, list[tuple[int, int]]]] = []
        for start, end in spans:
            first = pieces[max(bisect.bisect_right(starts, start) - 1, 0)] if pieces else None
            last = pieces[max(bisect.bisect_left(starts, end) - 1, 0)] if pieces else None
            left = min(start, first.start) if first else start
            right = max(end, last.end) if last else end
            if windows and left < windows[-1][1]:
                windows[-1] = (windows[-1][0], max(right, windows[-1][1]), [*windows[-1][2], (start, end)])
            else:
                windows.append((left, right, [(start, end)]))
        out: list[Piece] = []
        index = 0
        for left, right, inside in windows:
            while index < len(pieces) and pieces[index].end <= left:
                out.append(pieces[index])
                index += 1
            while index < len(pieces) and pieces[index].start < right:
                index += 1
            position = left
            for start, end in inside:
                if position < start:
                    out.extend(self._cut(text[position:start], position))
                for match in _SPAN_PIECES.finditer(text, start, end):
                    is_word = match.group()[0].isalnum() or match.group()[0] == "\u3007"
                    out.append(Piece(match.start(), match.end(), None if is_word else "x", protected=is_word))
                position = end
            if position < right:
                out.extend(self._cut(text[position:right], position))
        out.extend(pieces[index:])
        return out

    def segment(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> list[Piece]:
        """Segment ``text``; each ``(start, end)`` span in ``protected`` stays whole.

        Returns:
            Pieces that tile ``text`` exactly.
        """
        return self.protect(text, self.cut(text), protected)


#: Particles jieba's HMM sometimes joins to the word before them, and their tags.
_PARTICLE_TAGS = {"得": "ud", "的": "uj", "了": "ul", "着": "uz"}
#: … and those it joins to the word after them.
_LEADING_PARTICLE_TAGS = {"地": "uv", "的": "uj", "得": "ud"}

#: The most common Chinese surnames (one character), for joining names jieba splits.
COMMON_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤柴乔"
)
#: Before 同志 also the surnames with a reading of their own, which jieba takes for words (查/v 建国).
_OWN_READING_SURNAMES = frozenset("解仇区朴查缪单华任曾乐覃召")
_COMRADE_SURNAMES = COMMON_SURNAMES | _OWN_READING_SURNAMES
#: Words for a group of people before 同志 (全体同志, 广大同志): not a given name.
_COLLECTIVES = frozenset("全体 各位 广大 诸位 老 女 男 青年 年轻 基层 党员 领导 有关 其他 这些 那些 部分 个别 所有 各级".split())

#: Tags jieba gives the given-name part when it is also a word: place, name, other proper noun.
_GIVEN_NAME_TAGS = frozenset({"ns", "nr", "nrfg", "nrt", "nz"})


def _join_names(text: str, pieces: list[Piece], offset: int = 0) -> list[Piece]:
    """Join a lone surname and the one- or two-character name after it; ``text`` starts at ``offset``.

    The name is one jieba tags as a name or place (张 + 亚东), or any word before 同志.
    """
    out: list[Piece] = []
    index = 0
    while index < len(pieces):
        piece = pieces[index]
        after = pieces[index + 1] if index + 1 < len(pieces) else None
        before = out[-1] if out else None
        # a name before 同志 "comrade" whatever jieba tagged it (任 + 建平 n + 同志)
        comrade = (
            after is not None
            and index + 2 < len(pieces)
            and text[pieces[index + 2].start - offset : pieces[index + 2].end - offset] == "同志"
            and text[after.start - offset : after.end - offset] not in _COLLECTIVES
            # 向/和 全体同志; an adverb only where it is a surname with a reading of its own (提名曾建华同志)
            and ((piece.pos or "")[:1] not in ("p", "c", "d", "u", "m", "q")
                 or piece.pos == "d" and text[piece.start - offset] in _OWN_READING_SURNAMES)
        )
        if (
            after is not None
            and piece.end - piece.start == 1
            and text[piece.start - offset] in (_COMRADE_SURNAMES if comrade else COMMON_SURNAMES)
            and (after.pos in _GIVEN_NAME_TAGS or comrade)
            and 1 <= after.end - after.start <= 2
            and HAN_RUN.fullmatch(text, after.start - offset, after.end - offset)
            # not a measure word after a number (一张, 三张) nor inside a longer word (before
            # 同志 any word may come first: 由华立新同志主持, 任命解建军同志)
            and (
                before is None
                or before.pos not in ("m", "q")
                and (
                    not HAN_RUN.fullmatch(text, before.end - 1 - offset, before.end - offset)
                    or comrade
                )
            )
        ):
            out.append(Piece(piece.start, after.end, "nr"))
            index += 2
            continue
        out.append(piece)
        index += 1
    return out


@functools.lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """A shared segmenter without user words, built on first use."""
    return Segmenter()
