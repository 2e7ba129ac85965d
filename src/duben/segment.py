"""Word segmentation with part-of-speech tags, through a private jieba tokenizer.

This is the only module that imports jieba. The process-wide ``jieba.dt`` is never
touched: each :class:`Segmenter` owns a ``jieba.Tokenizer`` and adds its user words
there. Spans that must stay whole (glossary terms) are cut out before jieba sees the
text, because jieba ignores rare added words and splits digits, hyphens, ``·`` and
spaces before it consults its dictionary.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

__all__ = ["Piece", "Segmenter", "default_segmenter"]

logger = logging.getLogger(__name__)

# Punctuation and white space inside a protected span become tokens of their own.
_SPAN_PIECES = re.compile(r"[\w\u3007]+|\s+|.", re.UNICODE)


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
                tokenizer.add_word(word)
            self._tagger = jieba.posseg.POSTokenizer(tokenizer)
        return self._tagger

    def _cut(self, text: str, offset: int) -> Iterator[Piece]:
        position = offset
        for pair in self.tagger.cut(text, HMM=True):  # type: ignore[attr-defined]
            word, flag = pair.word, pair.flag
            if not word:
                continue
            if text[position - offset : position - offset + len(word)] != word:
                # jieba dropped or changed characters: fall back to one piece per character
                logger.warning("segmentation lost its place at offset %d; splitting by character", position)
                yield from (Piece(i, i + 1, None) for i in range(position, offset + len(text)))
                return
            yield Piece(position, position + len(word), flag)
            position += len(word)
        if position != offset + len(text):
            yield from (Piece(i, i + 1, None) for i in range(position, offset + len(text)))

    def segment(self, text: str, protected: Sequence[tuple[int, int]] = ()) -> list[Piece]:
        """Segment ``text``; each ``(start, end)`` span in ``protected`` stays whole.

        Protected spans must not overlap and must come in order. Punctuation and white
        space inside a protected span are split off as their own pieces.

        Returns:
            Pieces that tile ``text`` exactly.
        """
        pieces: list[Piece] = []
        position = 0
        for start, end in protected:
            if start > position:
                pieces.extend(self._cut(text[position:start], position))
            for match in _SPAN_PIECES.finditer(text, start, end):
                is_word = match.group()[0].isalnum() or match.group()[0] == "\u3007"
                pieces.append(Piece(match.start(), match.end(), None if is_word else "x", protected=is_word))
            position = end
        if position < len(text):
            pieces.extend(self._cut(text[position:], position))
        return pieces


@functools.lru_cache(maxsize=1)
def default_segmenter() -> Segmenter:
    """A shared segmenter without user words, built on first use."""
    return Segmenter()
