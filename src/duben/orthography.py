"""Pinyin orthography: tone marks and numbers, and word forms after GB/T 16159-2012.

Pure functions with no engine behind them; exporters may use them freely.

>>> mark_syllable("lv4"), mark_syllable("de5"), mark_syllable("xian4")
('lǜ', 'de', 'xiàn')
>>> number_syllable("Xiàn")
'xian4'
>>> join_syllables(["xi1", "an1"])
"xī'ān"
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

__all__ = ["display_pinyin", "join_syllables", "letters_and_tones", "mark_syllable", "number_syllable"]

_TONE_MARKS = {"1": "\u0304", "2": "\u0301", "3": "\u030c", "4": "\u0300"}
_MARK_TONES = {mark: tone for tone, mark in _TONE_MARKS.items()}
_SYLLABLE = re.compile(r"([a-zv]+?)([1-5])?", re.IGNORECASE)


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
        vowels = [i for i, c in enumerate(lower) if c in "aeiouü"]
        if not vowels:  # syllabic nasals: m, n, ng, hm
            vowels = [i for i, c in enumerate(lower) if c in "mn"][:1]
        if not vowels:
            return body
        index = vowels[-1]
    return unicodedata.normalize("NFC", body[: index + 1] + mark + body[index + 1 :])


def letters_and_tones(text: str) -> list[tuple[str, str | None]]:
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


def join_syllables(syllables: Sequence[str], *, capitalize: bool = False) -> str:
    """Join one word's numbered syllables into its display form (GB/T 16159).

    An apostrophe goes before a syllable starting with a, o or e inside the word.
    """
    out = []
    for i, syllable in enumerate(syllables):
        marked = mark_syllable(syllable)
        if i and marked[:1].lower() in ("a", "o", "e", "ā", "á", "ǎ", "à", "ō", "ó", "ǒ", "ò", "ē", "é", "ě", "è"):
            out.append("'")
        out.append(marked)
    word = "".join(out)
    return word[:1].upper() + word[1:] if capitalize else word


#: Generic parts of place names written as separate, capitalised words (兴县 → Xīng Xiàn).
PLACE_GENERICS = frozenset("省市县区镇乡村山河江湖州")
#: Part-of-speech tags of proper nouns (jieba's tag set): person, place, organisation, other.
PROPER_NOUN_TAGS = frozenset({"nr", "nrfg", "nrt", "ns", "nt", "nz"})


def display_pinyin(text: str, syllables: Sequence[str | None], pos: str | None = None) -> str | None:
    """The display form of one token: its Han syllables as one word (GB/T 16159).

    Proper nouns are capitalised; person names split as Surname Given-name and place
    names with their generic part separate. Non-Han characters stay as they are.

    >>> display_pinyin("兴县", ["xing1", "xian4"], "ns")
    'Xīng Xiàn'
    >>> display_pinyin("张建兵", ["zhang1", "jian4", "bing1"], "nr")
    'Zhāng Jiànbīng'
    >>> display_pinyin("生态", ["sheng1", "tai4"])
    'shēngtài'
    """
    if not any(syllables):
        return None
    parts: list[list[str]] = []
    current: list[str] = []
    pieces: list[str] = []
    for char, syllable in zip(text, syllables):
        if syllable is None:
            if current:
                parts.append(current)
                current = []
            pieces.append(char)
            continue
        if not current:
            pieces.append("\x00")  # placeholder for a Han run
        current.append(syllable)
    if current:
        parts.append(current)
    proper = pos in PROPER_NOUN_TAGS
    words: list[str] = []
    for run in parts:
        if proper and pos in ("nr", "nrfg", "nrt") and 2 <= len(run) <= 4:
            surname = 2 if len(run) == 4 else 1
            words.append(f"{join_syllables(run[:surname], capitalize=True)} {join_syllables(run[surname:], capitalize=True)}")
        elif proper and pos == "ns" and len(run) >= 2 and text.rstrip()[-1:] in PLACE_GENERICS:
            words.append(f"{join_syllables(run[:-1], capitalize=True)} {join_syllables(run[-1:], capitalize=True)}")
        else:
            words.append(join_syllables(run, capitalize=proper))
    iterator = iter(words)
    return "".join(next(iterator) if piece == "\x00" else piece for piece in pieces)


