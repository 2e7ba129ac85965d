"""Wiring the stages together: the one place that knows their order.

text ─► blocks ─► terms ─► segment ─► readings ─► lexicon ─► Document
"""

from __future__ import annotations

import dataclasses
import functools
import os
import re
from collections.abc import Iterable
from typing import Any

from duben.blocks import split_blocks
from duben.errors import InputError
from duben.glossary import GlossaryLike, resolve_glossary
from duben.hanzi import has_han, is_han
from duben.lexicon import DictionaryEntry, Lexicon, LexiconError, default_lexicon
from duben.model import Document, TermMatch, Token
from duben.orthography import PLACE_GENERICS, PROPER_NOUN_TAGS, join_syllables, spoken_syllables
from duben.pinyin import Reader, common_phrase, display_pinyin, read_as_surname, split_pinyin
from duben.script import Script, to_display_tokens, to_simplified, traditional_to_display
from duben.segment import Piece, Segmenter, default_segmenter
from duben.suggest import find_candidates

__all__ = ["Annotator", "annotate"]

_SURROGATE = re.compile("[\ud800-\udfff]")

#: Terms of at most this many characters count only where they stand as words: 镇长
#: is a term in 高家村镇镇长 but not in 城镇长效, which jieba cuts 城镇 / 长效.
SHORT_TERM_CHARS = 2


def _word_aligned(matches: list[TermMatch], pieces: list[Piece]) -> list[TermMatch]:
    """Drop short top-level matches that cut through a word, with what is nested in them."""
    edges = {p.start for p in pieces} | {p.end for p in pieces}
    dropped = {
        (m.start, m.end)
        for m in matches
        if m.parent is None and m.end - m.start <= SHORT_TERM_CHARS and not (m.start in edges and m.end in edges)
    }
    if not dropped:
        return matches
    return [m for m in matches if not any(s <= m.start and m.end <= e for s, e in dropped)]


class Annotator:
    """Holds the engines and options; call :meth:`annotate` for each text.

    Args:
        glossary: user glossary files or entries added to the built-in glossary (they win
            on the same id or surface form), or a :class:`~duben.glossary.Glossary` to use as is.
        user_words: extra words for the segmenter.
        glosses: run the lexicon stage: English glosses (CC-CEDICT), HSK levels and
            frequency ranks. Glossary glosses of terms are given either way.
        script: show tokens in this script too (``Token.display``): ``"tw"``, ``"hk"``,
            ``"twp"`` (Taiwan phrasing) or ``"simplified"``; ``None`` for none.
        cedict_path: a CC-CEDICT file (``cedict_ts.u8``) to use instead of the packaged one.
        sandhi: also give spoken tones (``Token.spoken``: 一/不 and third-tone sandhi);
            ``syllables`` keep citation tones either way.
    """

    def __init__(
        self,
        glossary: GlossaryLike | None = None,
        *,
        user_words: Iterable[str] = (),
        glosses: bool = True,
        script: Script | str | None = None,
        cedict_path: str | os.PathLike[str] | None = None,
        sandhi: bool = False,
    ) -> None:
        self.sandhi = sandhi
        self.glossary = resolve_glossary(glossary)
        words = tuple(user_words)
        self.segmenter = Segmenter(words) if words else default_segmenter()
        self.reader = Reader()
        self.script = Script.parse(script)
        # Opened on first lookup; the packaged dictionary's index is shared by the process.
        self.lexicon: Lexicon | None = None
        self._orthography_lexicon: Lexicon | None = None  # for capitals and idioms; see _dictionary_entries
        if glosses:
            self.lexicon = Lexicon(cedict_path) if cedict_path is not None else default_lexicon()

    def annotate(self, text: str) -> Document:
        """Annotate ``text`` and return the frozen :class:`~duben.model.Document`.

        Raises:
            InputError: when ``text`` holds a lone surrogate, which no export can write.
        """
        if not isinstance(text, str):
            raise TypeError(f"annotate() needs str, not {type(text).__name__}; decode bytes first (duben.decode_bytes)")
        if surrogate := _SURROGATE.search(text):
            # No export could write it (UTF-8 has no form for it), and dropping or
            # replacing it would change the text: refuse it, saying where it is.
            at = surrogate.start()
            raise InputError(
                f"lone surrogate U+{ord(surrogate.group()):04X} at offset {at}: not Unicode text",
                line=text.count("\n", 0, at) + 1,
            )
        blocks = split_blocks(text)
        # Terms, segmentation, readings and lookups work on a simplified copy of the same
        # length, so traditional and mixed input read like simplified; offsets and
        # token text come from the input.
        plain = self._readable(text, to_simplified(text)) if has_han(text) else text
        matches = self.glossary.match(plain)
        pieces = self.segmenter.cut(plain)
        matches = _word_aligned(matches, pieces)
        top = [m for m in matches if m.parent is None]
        pieces = self.segmenter.protect(plain, pieces, [(m.start, m.end) for m in top])
        tokens = self._tokens(plain, pieces, top)
        if self.sandhi:  # spoken tones over the whole passage, on the simplified copy
            spoken = spoken_syllables([(t.text, t.syllables) for t in tokens])
            tokens = [dataclasses.replace(t, spoken=s) for t, s in zip(tokens, spoken, strict=True)]
        if plain != text:
            tokens = [dataclasses.replace(t, text=text[t.start : t.end]) for t in tokens]
            matches = [dataclasses.replace(m, text=text[m.start : m.end]) for m in matches]
        if self.script is not None:
            tokens = self._display(tokens, plain, top)
        used = {m.id: self.glossary[m.id] for m in matches}
        candidates = find_candidates(
            text,
            matches,
            word_ends={t.end for t in tokens},
            idioms=[(t.start, t.end) for t in tokens if t.pos == "i"],
        )
        return Document(
            text=text,
            blocks=blocks,
            tokens=tuple(tokens),
            terms=tuple(matches),
            glossary=used,
            candidates=tuple(candidates),
            script=self.script.value if self.script is not None else None,
            sandhi=self.sandhi,
        )

    def _readable(self, text: str, plain: str) -> str:
        """The simplified copy with the input's own character back where simplifying lost the reading.

        OpenCC maps a few rare traditional characters to rarer simplified forms that no
        dictionary reads (俓 → 𠇹, 壣 → 𪤚), while the input's character has a reading.
        """
        if plain == text:
            return plain
        lost = [
            index
            for index, (source, simple) in enumerate(zip(text, plain, strict=True))
            if source != simple and not "\u4e00" <= simple <= "\u9fff" and self.reader.read_word(simple)[0] is None
        ]
        if not lost:
            return plain
        chars = list(plain)
        for index in lost:
            chars[index] = text[index]
        return "".join(chars)

    def _display(self, tokens: list[Token], plain: str, top: list[TermMatch]) -> list[Token]:
        """Tokens with ``display`` set where the display script writes them differently."""
        if self.script is None:
            return tokens
        if self.script is Script.SIMPLIFIED:
            shown = [plain[t.start : t.end] for t in tokens]
            return [t if s == t.text else dataclasses.replace(t, display=s) for t, s in zip(tokens, shown, strict=True)]
        shown = list(to_display_tokens([t.text for t in tokens], self.script))
        # A whole glossary term shows the glossary's traditional form, which is curated
        # (OpenCC writes 新征程 as 新徵程).
        curated = {(m.start, m.end): self.glossary[m.id].traditional for m in top}
        for index, token in enumerate(tokens):
            form = curated.get((token.start, token.end))
            if form and len(form) == len(token.text):
                shown[index] = traditional_to_display(form, self.script)
        return [t if s == t.text else dataclasses.replace(t, display=s) for t, s in zip(tokens, shown, strict=True)]

    def _lexicon_fields(
        self, word: str, syllables: tuple[str | None, ...], term_gloss: str | None, person: bool = False
    ) -> dict[str, Any]:
        """Glosses, HSK levels and frequency rank of a (simplified) word; the glossary's gloss first."""
        glosses: tuple[str, ...] = (term_gloss,) if term_gloss else ()
        if self.lexicon is None or not has_han(word):
            return {"glosses": glosses}
        if term_gloss:
            # The glossary has the word's meaning here; add the dictionary's own senses
            # of the word, if it has the word, but not its glosses of parts.
            found = self.lexicon.glosses(word, syllables) if self.lexicon.entries(word) else ()
            glosses += tuple(g for g in found if g != term_gloss)
        else:
            glosses = self.lexicon.glosses(word, syllables, person=person)
        hsk2, hsk3 = self.lexicon.hsk_levels(word)
        return {"glosses": glosses, "hsk2": hsk2, "hsk3": hsk3, "frequency_rank": self.lexicon.frequency_rank(word)}

    def _display_pinyin(self, word: str, syllables: tuple[str | None, ...], pos: str | None, term_id: str | None) -> str | None:
        """The display form of a token, with capitals where the glossary or dictionary shows a proper noun."""
        entry = self.glossary[term_id] if term_id is not None else None
        proper_term = entry is not None and pos is None and entry.pinyin[:1].isupper()
        if entry is not None and proper_term:
            # Part of a proper-noun term, or a form the glossary spells differently (山西省 for 山西).
            pos = "ns" if entry.category == "place" else "nt"
        if entry is not None and entry.term != word and all(s is not None for s in syllables):
            start = word.find(entry.term)
            end = start + len(entry.term)
            if start >= 0 and (end == len(word) or len(word) - end >= 2):
                # An alias around the term (原晋绥宾馆 for 晋绥宾馆): the term as the glossary writes it.
                before, after = display_pinyin(word[:start], syllables[:start]), display_pinyin(word[end:], syllables[end:])
                return " ".join(part for part in (before, entry.pinyin, after) if part)
            shaped = _shaped_like(entry.pinyin, [s for s in syllables if s is not None])
            if shaped is not None:  # an alias in other words (开工落地 for 项目落地): the term's word division
                return shaped
            if len(word) >= 3 and all(is_han(c) for c in word):
                # Otherwise the alias is written word by word, as jieba cuts it.
                parts = self.segmenter.segment(word)
                shown = [self._display_pinyin(word[p.start : p.end], syllables[p.start : p.end], p.pos, None) for p in parts]
                return " ".join(part for part in shown if part)
        hints = self._capitals(word, syllables, pos)
        if proper_term and "capitals" not in hints:
            hints["proper"] = True  # the glossary writes it with capitals
        idiom_like = pos in ("i", "l") and len(word) == 4
        if idiom_like and (listed := self._dictionary_entries(word)) is not None:
            # jieba's idiom list holds plain compounds too (贯彻落实): an idiom is one the dictionary lists.
            hints["idiom"] = bool(listed)
        shown_whole = display_pinyin(word, syllables, pos, **hints)
        lower = not any(c.isupper() for c in shown_whole or "")
        if term_id is None and not idiom_like and lower and (division := self._word_division(word, pos)):
            # GB/T 16159 joins the syllables of a word, not of a phrase: a long jieba token
            # the dictionary does not list is written as the words it does list.
            shown, at = [], 0
            for part in division:
                shown.append(display_pinyin(part, syllables[at : at + len(part)]))
                at += len(part)
            return " ".join(p for p in shown if p)
        return shown_whole

    def _word_division(self, word: str, pos: str | None) -> list[str] | None:
        """Dictionary words that make up a long common token (市场秩序 → 市场 秩序), if it is a phrase.

        Only for tokens of four or more Han characters tagged as a noun, verb or adjective
        (not shown as a proper noun: the caller checks) that the dictionary does not list
        whole; every part has two or more characters, and as few parts as possible.
        ``None`` otherwise.
        """
        if not (len(word) >= 4 and all(is_han(c) for c in word)) or (pos or "")[:1] not in ("n", "v", "a"):
            return None
        if self._dictionary_entries(word) != ():  # listed whole, or no dictionary to ask
            return None
        size = len(word)
        best: list[list[str] | None] = [None] * size + [[]]
        for start in range(size - 2, -1, -1):
            options = [
                [word[start:end], *rest]
                for end in range(start + 2, size + 1)
                if (rest := best[end]) is not None and self._dictionary_entries(word[start:end])
            ]
            best[start] = min(options, key=len) if options else None
        return best[0] if best[0] is not None and len(best[0]) > 1 else None

    def _dictionary_entries(self, word: str) -> tuple[DictionaryEntry, ...] | None:
        """The general dictionary's entries for ``word`` (orthography needs them even without glosses).

        ``None`` when no dictionary can be opened: the display then follows the tags alone.
        """
        if self._orthography_lexicon is None:
            self._orthography_lexicon = self.lexicon or default_lexicon()
        try:
            return self._orthography_lexicon.entries(word)
        except LexiconError:
            return None

    def _capitals(self, word: str, syllables: tuple[str | None, ...], pos: str | None) -> dict[str, Any]:
        """Dictionary evidence on capitals for a word tagged as a proper noun.

        jieba's dictionary tags many common words as names (文明 nr, 城市 ns): a word the
        dictionary has in lower case is not capitalised; one it capitalises is written
        its way (中国共产党 → Zhōngguó Gòngchǎndǎng). Other words are left to the tag.
        """
        if pos in ("nr", "nrfg") and read_as_surname(word, syllables) is False:
            return {"proper": False}  # the reader found no name here (解释权 jiě, not the surname Xiè)
        listed = self._dictionary_entries(word) if pos in PROPER_NOUN_TAGS else None
        if listed is None:
            return {}
        if not listed and pos in ("nr", "nrfg") and common_phrase(word):
            return {"proper": False}  # a common word tagged as a name that CC-CEDICT lacks (高纯, 智能化)
        han = tuple(s for s in syllables if s is not None)
        entries = [e for e in listed if len(e.syllables) == len(han)]
        if not entries and len(han) == len(word) > 2 and word[-1] in PLACE_GENERICS:
            # An unlisted place: a listed name and a generic (吕梁山 → Lǚliáng Shān).
            name = self._capitals(word[:-1], han[:-1], "ns").get("capitals")
            return {"capitals": [*name, True]} if name else {}
        if not entries:
            return {}
        if any(not e.pinyin[:1].isupper() for e in entries):
            return {"proper": False}
        best = next((e for e in entries if e.syllables == han), entries[0])
        capitals = [part[:1].isupper() for part in best.pinyin.split() if part[:1].isalpha()]
        return {"capitals": capitals} if len(capitals) == len(han) else {}

    def _term_syllables(self, match: TermMatch) -> list[str] | None:
        """The glossary's own syllables for a match, one per Han character, if they fit."""
        entry = self.glossary[match.id]
        try:
            syllables = split_pinyin(entry.pinyin)
        except ValueError:
            return None
        han = [c for c in match.text if is_han(c)]
        if all(han != [c for c in form if is_han(c)] for form in (entry.term, entry.traditional) if form):
            return None  # an alias in other words (开工落地 for 项目落地) has readings of its own
        return syllables if len(syllables) == len(han) else None

    def _tokens(self, text: str, pieces: list[Piece], top: list[TermMatch]) -> list[Token]:
        tokens: list[Token] = []
        terms = iter(top)
        match = next(terms, None)
        term_syllables: list[str] | None = None
        # Readings of the whole text at once: polyphones are decided in their sentence.
        readings = self.reader.read([(text[p.start : p.end], p.pos) for p in pieces])
        for piece, read in zip(pieces, readings, strict=True):
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
                    syllables = read
            else:
                syllables = read
            if display is None:
                display = self._display_pinyin(word, syllables, piece.pos, term_id)
            term_gloss = self.glossary[term_id].gloss if term_id and piece.protected else None
            person = piece.pos in ("nr", "nrfg") and (display or "")[:1].isupper()
            tokens.append(
                Token(
                    start=piece.start,
                    end=piece.end,
                    text=word,
                    syllables=syllables,
                    pinyin=display,
                    pos=piece.pos,
                    term=term_id,
                    # A name written with capitals is glossed as a name, not by its characters' meanings.
                    **self._lexicon_fields(word, syllables, term_gloss, person),
                )
            )
        return tokens


def _shaped_like(template: str, syllables: list[str]) -> str | None:
    """``syllables`` written with the word division, hyphens and capitals of ``template``, if they fit."""
    out, used = [], 0
    for piece in re.split(r"([ -]+)", template):
        if not piece or piece.strip(" -") == "":
            out.append(piece)
            continue
        if not re.fullmatch(r"[^\W\d_]+(?:'[^\W\d_]+)*", piece):
            return None
        try:
            count = len(split_pinyin(piece))
        except ValueError:
            return None
        out.append(join_syllables(syllables[used : used + count], capitalize=piece[:1].isupper()))
        used += count
    return "".join(out) if used == len(syllables) else None


@functools.lru_cache(maxsize=8)
def _shared_annotator(glosses: bool, script: str | None, sandhi: bool) -> Annotator:
    return Annotator(glosses=glosses, script=script, sandhi=sandhi)


def annotate(
    text: str,
    *,
    glossary: GlossaryLike | None = None,
    user_words: Iterable[str] = (),
    sandhi: bool = False,
    glosses: bool = True,
    script: Script | str | None = None,
    cedict_path: str | os.PathLike[str] | None = None,
) -> Document:
    """Annotate a Chinese text with readings, terms and glosses.

    Args:
        text: the text; offsets in the result index into it.
        glossary: user glossary files or entries added to the built-in one.
        user_words: extra words for the segmenter.
        sandhi: also give spoken tones in ``Token.spoken`` (see :func:`duben.orthography.spoken_syllables`).
        glosses: look up English glosses, HSK levels and frequency ranks.
        script: also give each token in this display script (``"tw"``, ``"hk"``, ``"twp"``, ``"simplified"``).
        cedict_path: a CC-CEDICT file to use instead of the packaged one.

    Engines are built once per set of options and shared by later calls; for many
    texts with a user glossary, build one :class:`Annotator` and reuse it.

    >>> doc = annotate("推进四水四定。")
    >>> [(t.text, t.pinyin) for t in doc.tokens]
    [('推进', 'tuījìn'), ('四水四定', 'sìshuǐ-sìdìng'), ('。', None)]
    >>> doc.terms[0].id
    'si-shui-si-ding'
    """
    words = tuple(user_words)
    if glossary is None and not words and cedict_path is None:
        shown = Script.parse(script)
        return _shared_annotator(glosses, shown.value if shown else None, sandhi).annotate(text)
    return Annotator(
        glossary, user_words=words, sandhi=sandhi, glosses=glosses, script=script, cedict_path=cedict_path
    ).annotate(text)
