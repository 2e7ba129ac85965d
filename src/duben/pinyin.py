"""Readings: pypinyin behind a small interface, tone conversions and word orthography.

This is the only module that imports pypinyin, and it does so on first use.

Syllables are written with tone numbers, neutral tone ``5`` and ü as ``v``
(``lv4``, ``de5``); the display form follows GB/T 16159 (tone marks, syllables of
a word joined, apostrophes before a, o and e).

>>> mark_syllable("lv4"), mark_syllable("de5"), mark_syllable("xian4")
('lǜ', 'de', 'xiàn')
>>> number_syllable("Xiàn")
'xian4'
>>> split_pinyin("sìshuǐ-sìdìng")
['si4', 'shui3', 'si4', 'ding4']
>>> join_syllables(["xi1", "an1"])
"xī'ān"
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Sequence

from duben.hanzi import HAN_RUN, is_han

__all__ = [
    "Reader",
    "display_pinyin",
    "join_syllables",
    "mark_syllable",
    "number_syllable",
    "split_pinyin",
]

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


def _letters_and_tones(text: str) -> list[tuple[str, str | None]]:
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
    pairs = _letters_and_tones(syllable)
    tone = next((t for _, t in pairs if t), "5")
    return "".join(c for c, _ in pairs).lower().replace("ü", "v") + tone


@functools.lru_cache(maxsize=1)
def _inventory() -> frozenset[str]:
    from pypinyin.constants import PINYIN_DICT

    found = set()
    for readings in PINYIN_DICT.values():
        for reading in readings.split(","):
            found.add(number_syllable(reading)[:-1])
    found |= {"r"}  # erhua written on its own
    return frozenset(found)


def split_pinyin(text: str) -> list[str]:
    """Split display pinyin (``Xīng Xiàn``, ``sìshuǐ-sìdìng``) into numbered syllables.

    Spaces, hyphens, apostrophes and punctuation separate; runs of letters are split
    into valid syllables, preferring fewer and longer ones (``xian`` stays one).

    Raises:
        ValueError: when a run of letters is not a sequence of pinyin syllables.
    """
    pairs = _letters_and_tones(text)
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
    inventory = _inventory()

    @functools.lru_cache(maxsize=None)
    def best(start: int) -> tuple[int, ...] | None:
        if start == len(letters):
            return ()
        options = []
        for end in range(min(len(letters), start + 6), start, -1):
            if letters[start:end] in inventory and (rest := best(end)) is not None:
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


class Reader:
    """Assigns citation-tone readings to segmented words.

    Holds its own state; pypinyin's global dictionaries are never modified.
    """

    def read_word(self, word: str, pos: str | None = None) -> tuple[str | None, ...]:
        """Readings of one word, one per character (``None`` for non-Han characters)."""
        from pypinyin import Style, lazy_pinyin

        readings: list[str | None] = [None] * len(word)
        for run in HAN_RUN.finditer(word):
            found = lazy_pinyin([run.group()], style=Style.TONE3, neutral_tone_with_five=True, errors="default")
            if len(found) != len(run.group()):
                found = [lazy_pinyin(c, style=Style.TONE3, neutral_tone_with_five=True)[0] for c in run.group()]
            for offset, (char, reading) in enumerate(zip(run.group(), found)):
                readings[run.start() + offset] = _citation(char, reading)
        return tuple(readings)

    def read(self, words: Sequence[tuple[str, str | None]]) -> list[tuple[str | None, ...]]:
        """Readings for a sequence of ``(word, pos)`` pairs from one passage."""
        return [self.read_word(word, pos) for word, pos in words]


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
    found = lazy_pinyin(normalized, style=Style.TONE3, neutral_tone_with_five=True)
    reading = found[0] if found else ""
    return reading.replace("ü", "v") if reading[-1:].isdigit() else None
