"""Wiring the stages together: the one place that knows their order.

text ─► blocks ─► terms ─► segment ─► readings ─► lexicon ─► Document
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from typing import Union

from duben.blocks import split_blocks
from duben.glossary import Glossary, default_glossary
from duben.hanzi import is_han
from duben.model import Document, GlossaryEntry, TermMatch, Token
from duben.pinyin import Reader, display_pinyin, split_pinyin
from duben.segment import Piece, Segmenter, default_segmenter

__all__ = ["Annotator", "annotate"]

#: What ``glossary=`` accepts: a Glossary, a file path, entries, or a list of paths.
GlossaryLike = Union[Glossary, str, os.PathLike, Iterable[str | os.PathLike | GlossaryEntry]]


def _resolve_glossary(glossary: GlossaryLike | None) -> Glossary:
    if glossary is None:
        return default_glossary()
    if isinstance(glossary, Glossary):
        return glossary
    if isinstance(glossary, (str, os.PathLike)):
        return default_glossary().extended(glossary)
    items = list(glossary)
    paths = [item for item in items if isinstance(item, (str, os.PathLike))]
    entries = [item for item in items if isinstance(item, GlossaryEntry)]
    return default_glossary().extended(*paths, entries)


class Annotator:
    """Holds the engines and options; call :meth:`annotate` for each text.

    Args:
        glossary: user glossary files or entries added to the built-in glossary (they win
            on the same id or surface form), or a :class:`~duben.glossary.Glossary` to use as is.
        user_words: extra words for the segmenter.
    """

    def __init__(self, glossary: GlossaryLike | None = None, *, user_words: Iterable[str] = ()) -> None:
        self.glossary = _resolve_glossary(glossary)
        words = tuple(user_words)
        self.segmenter = Segmenter(words) if words else default_segmenter()
        self.reader = Reader()

    def annotate(self, text: str) -> Document:
        """Annotate ``text`` and return the frozen :class:`~duben.model.Document`."""
        if not isinstance(text, str):
            raise TypeError(f"annotate() needs str, not {type(text).__name__}; decode bytes first (duben.decode_bytes)")
        blocks = split_blocks(text)
        matches = self.glossary.match(text)
        top = [m for m in matches if m.parent is None]
        pieces = self.segmenter.segment(text, [(m.start, m.end) for m in top])
        tokens = self._tokens(text, pieces, top)
        used = {m.id: self.glossary[m.id] for m in matches}
        return Document(text=text, blocks=blocks, tokens=tuple(tokens), terms=tuple(matches), glossary=used)

    def _term_syllables(self, match: TermMatch) -> list[str] | None:
        """The glossary's own syllables for a match, one per Han character, if they fit."""
        entry = self.glossary[match.id]
        try:
            syllables = split_pinyin(entry.pinyin)
        except ValueError:
            return None
        han = sum(1 for c in match.text if is_han(c))
        return syllables if len(syllables) == han else None

    def _tokens(self, text: str, pieces: list[Piece], top: list[TermMatch]) -> list[Token]:
        tokens: list[Token] = []
        terms = iter(top)
        match = next(terms, None)
        term_syllables: list[str] | None = None
        for piece in pieces:
            while match is not None and piece.start >= match.end:
                match = next(terms, None)
                term_syllables = None
            word = text[piece.start : piece.end]
            in_term = match is not None and match.start <= piece.start and piece.end <= match.end
            term_id = match.id if in_term and match is not None else None
            syllables: tuple[str | None, ...]
            display: str | None = None
            if in_term and match is not None:
                if term_syllables is None:
                    term_syllables = self._term_syllables(match) or []
                if term_syllables:
                    before = sum(1 for c in text[match.start : piece.start] if is_han(c))
                    queue = iter(term_syllables[before:])
                    syllables = tuple(next(queue) if is_han(c) else None for c in word)
                    whole = piece.start == match.start and piece.end == match.end
                    display = self.glossary[match.id].pinyin if whole else None
                else:
                    syllables = self.reader.read_word(word, piece.pos)
            else:
                syllables = self.reader.read_word(word, piece.pos)
            if display is None:
                display = display_pinyin(word, syllables, piece.pos)
            glosses = (self.glossary[term_id].gloss,) if term_id and piece.protected else ()
            tokens.append(
                Token(
                    start=piece.start,
                    end=piece.end,
                    text=word,
                    syllables=syllables,
                    pinyin=display,
                    pos=piece.pos,
                    term=term_id,
                    glosses=glosses,
                )
            )
        return tokens


@functools.lru_cache(maxsize=1)
def _default_annotator() -> Annotator:
    return Annotator()


def annotate(text: str, *, glossary: GlossaryLike | None = None, user_words: Iterable[str] = ()) -> Document:
    """Annotate a Chinese text with readings, terms and glosses.

    Args:
        text: the text; offsets in the result index into it.
        glossary: user glossary files or entries added to the built-in one.
        user_words: extra words for the segmenter.

    >>> doc = annotate("推进四水四定。")
    >>> [(t.text, t.pinyin) for t in doc.tokens]
    [('推进', 'tuījìn'), ('四水四定', 'sìshuǐ-sìdìng'), ('。', None)]
    >>> doc.terms[0].id
    'si-shui-si-ding'
    """
    words = tuple(user_words)
    if glossary is None and not words:
        return _default_annotator().annotate(text)
    return Annotator(glossary, user_words=words).annotate(text)
