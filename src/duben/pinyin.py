"""Readings: pypinyin behind a small interface, and parsing of display pinyin.

This is the only module that imports pypinyin, and it does so on first use.
Syllables are written with tone numbers, neutral tone ``5`` and ü as ``v``
(``lv4``, ``de5``); display forms come from :mod:`duben.orthography`.

>>> split_pinyin("sìshuǐ-sìdìng")
['si4', 'shui3', 'si4', 'ding4']
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Sequence

from duben.hanzi import HAN_RUN, is_han
from duben.orthography import display_pinyin, letters_and_tones, number_syllable

__all__ = ["Reader", "display_pinyin", "split_pinyin"]


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

    @functools.lru_cache(maxsize=None)
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
