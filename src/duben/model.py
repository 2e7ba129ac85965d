"""The annotated document: text stored once, everything else as offsets into it.

Every result object is a frozen, slotted dataclass. Offsets are Python string indices
(Unicode code points) into :attr:`Document.text`, half-open, so ``text[start:end]`` is
always the annotated span; ``__post_init__`` checks it where the text is at hand.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

__all__ = [
    "Block",
    "Candidate",
    "Document",
    "Expansion",
    "GlossaryEntry",
    "TermMatch",
    "Token",
]

#: Block kinds a document can hold, in the order readers meet them.
BLOCK_KINDS = ("heading", "paragraph", "caption")


def _check_span(start: int, end: int, what: str) -> None:
    if not 0 <= start <= end:
        raise ValueError(f"{what}: bad span {start}..{end}")


@dataclass(frozen=True, slots=True)
class Block:
    """A structural unit of the text: a heading, a paragraph or a caption."""

    kind: str
    """One of :data:`BLOCK_KINDS`."""
    start: int
    """Offset of the first character of the block's content (after any ``#`` marker)."""
    end: int
    """Offset just past the block's content (before the line break)."""
    level: int | None = None
    """Heading level 1–6 for headings, ``None`` otherwise."""

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "block")
        if self.kind not in BLOCK_KINDS:
            raise ValueError(f"block: unknown kind {self.kind!r}")


@dataclass(frozen=True, slots=True)
class Token:
    """One word, number, space or punctuation mark; tokens tile the text."""

    start: int
    """Offset of the token's first character."""
    end: int
    """Offset just past the token."""
    text: str
    """The token's characters, exactly as in the input."""
    syllables: tuple[str | None, ...]
    """One citation-tone reading per character (``xing1``, ``de5``, ``lv4``); ``None`` for non-Han."""
    pinyin: str | None = None
    """Display form of the whole token (tone marks, GB/T 16159); ``None`` without Han characters."""
    pos: str | None = None
    """Part-of-speech tag from segmentation (jieba's tag set), when known."""
    term: str | None = None
    """Glossary id when the token belongs to a glossary term."""
    glosses: tuple[str, ...] = ()
    """English glosses for the reading shown, best first."""
    spoken: tuple[str | None, ...] | None = None
    """Syllables with spoken tones (一/不 and third-tone sandhi), when asked for."""
    hsk2: int | None = None
    """HSK 2.0 level (1–6) of the word, when listed."""
    hsk3: int | None = None
    """HSK 3.0 level (1–6; 7 stands for the 7–9 band), when listed."""
    frequency_rank: int | None = None
    """Rank of the word by corpus frequency (1 = most frequent), when known."""
    display: str | None = None
    """The token in the display script (for example traditional), when it differs from ``text``."""

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "token")
        if self.end - self.start != len(self.text):
            raise ValueError(f"token {self.text!r}: span {self.start}..{self.end} does not fit its text")
        if len(self.syllables) != len(self.text):
            raise ValueError(f"token {self.text!r}: {len(self.syllables)} syllables for {len(self.text)} characters")
        if self.display is not None and len(self.display) != len(self.text):
            raise ValueError(f"token {self.text!r}: display form {self.display!r} changes its length")

    @property
    def is_han(self) -> bool:
        """Whether the token has at least one Han character (and so a reading)."""
        return any(s is not None for s in self.syllables)


@dataclass(frozen=True, slots=True)
class TermMatch:
    """A glossary term found in the text."""

    id: str
    """The glossary entry's id."""
    start: int
    """Offset of the match's first character."""
    end: int
    """Offset just past the match."""
    text: str
    """The matched text as it stands in the input (may contain 、 or quotes)."""
    parent: str | None = None
    """For a term nested inside a longer match, the id of that longer term."""

    def __post_init__(self) -> None:
        _check_span(self.start, self.end, "term")


@dataclass(frozen=True, slots=True)
class Expansion:
    """One item of a numbered formula (四水四定 → 以水定城 …)."""

    text: str
    pinyin: str = ""
    gloss: str = ""
    explanation: str = ""


@dataclass(frozen=True, slots=True)
class GlossaryEntry:
    """A curated policy term."""

    id: str
    """Stable ASCII identifier (``si-shui-si-ding``)."""
    term: str
    """The simplified form."""
    pinyin: str
    """Display pinyin of the term as words (GB/T 16159)."""
    gloss: str
    """English rendering: the official one where one exists."""
    traditional: str = ""
    """Traditional form (Taiwan standard)."""
    official: bool = False
    """Whether ``gloss`` is an official rendering named in ``sources``."""
    literal: str = ""
    """Literal translation, where it differs from the gloss."""
    explanation: str = ""
    """A short explanation in plain English."""
    category: str = ""
    """Subject area (``ecology``, ``economy-finance`` …)."""
    aliases: tuple[str, ...] = ()
    """Other surface forms of the same term."""
    related: tuple[str, ...] = ()
    """Ids of related entries."""
    sources: tuple[str, ...] = ()
    """Where the rendering and facts come from."""
    expansion: tuple[Expansion, ...] = ()
    """For numbered formulas, the items they stand for."""
    pinyin_note: str = ""
    """Why ``pinyin`` differs from the general reading of the characters, where it does."""
    origin: str = ""
    """The file the entry was read from (for messages), ``""`` for built-ins made in code."""
    line: int = 0
    """Line of the entry's header in ``origin``."""

    @property
    def forms(self) -> tuple[str, ...]:
        """Every surface form that should match this entry, without repeats."""
        seen = dict.fromkeys(f for f in (self.term, self.traditional, *self.aliases) if f)
        return tuple(seen)

    def to_dict(self) -> dict[str, Any]:
        """The entry as in the JSON contract's ``glossary`` mapping."""
        out: dict[str, Any] = {
            "term": self.term,
            "traditional": self.traditional,
            "pinyin": self.pinyin,
            "gloss": self.gloss,
            "official": self.official,
            "literal": self.literal,
            "explanation": self.explanation,
            "category": self.category,
            "aliases": list(self.aliases),
            "related": list(self.related),
            "sources": list(self.sources),
        }
        if self.pinyin_note:
            out["pinyin_note"] = self.pinyin_note
        if self.expansion:
            out["expansion"] = [
                {"text": e.text, "pinyin": e.pinyin, "gloss": e.gloss, "explanation": e.explanation}
                for e in self.expansion
            ]
        return out


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that looks like a policy term the glossary lacks."""

    text: str
    start: int
    end: int
    reason: str
    """Why it was picked (``numbered formula``, ``quoted slogan``, ``enumeration``)."""


@dataclass(frozen=True, slots=True)
class Document:
    """An annotated text. Build one with :func:`duben.annotate`."""

    text: str
    """The exact input text."""
    blocks: tuple[Block, ...] = ()
    tokens: tuple[Token, ...] = ()
    terms: tuple[TermMatch, ...] = ()
    glossary: Mapping[str, GlossaryEntry] = field(default_factory=lambda: MappingProxyType({}))
    """The glossary entries that ``terms`` refer to, by id."""
    candidates: tuple[Candidate, ...] = ()
    """Possible policy terms the glossary lacks (see ``duben glossary suggest``)."""
    script: str | None = None
    """Display script of ``Token.display`` (``tw``, ``hk`` …), ``None`` for the input's own."""
    sandhi: bool = False
    """Whether tokens carry spoken-tone ``spoken`` syllables."""

    def __post_init__(self) -> None:
        position = 0
        for token in self.tokens:
            if token.start != position or self.text[token.start : token.end] != token.text:
                raise ValueError(f"tokens do not tile the text at offset {position}")
            position = token.end
        if self.tokens and position != len(self.text):
            raise ValueError(f"tokens stop at offset {position} of {len(self.text)}")
        for block in self.blocks:
            if block.end > len(self.text):
                raise ValueError(f"block {block.start}..{block.end} runs past the text")
        for term in self.terms:
            if self.text[term.start : term.end] != term.text:
                raise ValueError(f"term {term.id} does not match the text at {term.start}")
        if not isinstance(self.glossary, MappingProxyType):
            object.__setattr__(self, "glossary", MappingProxyType(dict(self.glossary)))

    def tokens_in(self, start: int, end: int) -> tuple[Token, ...]:
        """Tokens that overlap the span ``start..end``, in order."""
        return tuple(t for t in self.tokens if t.start < end and t.end > start)

    def _repr_html_(self) -> str:  # Jupyter shows the reader inline
        from duben.export import render

        return render(self, "html", fragment=True)
