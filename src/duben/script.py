"""Simplified and traditional characters, through OpenCC.

This is the only module that imports opencc, and only when a conversion is first asked
for. Two directions matter to duben:

- **Normalising** (:func:`to_simplified`): segmentation, readings and dictionary lookups
  work on simplified text, so traditional or mixed input is converted first. The result
  always has the input's length, so offsets found in it are offsets into the input.
- **Display** (:func:`to_display`, :func:`to_display_tokens`): readers who want
  traditional characters get them in the Taiwan or Hong Kong standard, optionally with
  Taiwan phrasing (软件 → 軟體). ``Token.text`` and offsets keep the input.

OpenCC's plain ``s2t`` gives the forms of its own standard (爲, 裏, 衆), which readers in
Taiwan and Hong Kong do not expect, so the display scripts use ``s2tw`` and ``s2hk``.

>>> to_display("为了软件发展", Script.TW)
'為了軟件發展'
>>> to_display("为了软件发展", Script.TW_PHRASES)
'為了軟體發展'
>>> to_simplified("為了軟體發展")
'为了软体发展'
"""

from __future__ import annotations

import enum
import re
from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc

__all__ = [
    "NORMALISE_CONFIG",
    "Script",
    "to_display",
    "to_display_tokens",
    "traditional_to_display",
    "to_simplified",
]


class Script(str, enum.Enum):
    """A script to display the text in."""

    SIMPLIFIED = "simplified"
    """Simplified characters (mainland China standard)."""
    TW = "tw"
    """Traditional characters, Taiwan standard (為, 裡, 眾)."""
    HK = "hk"
    """Traditional characters, Hong Kong standard (為, 裏, 眾)."""
    TW_PHRASES = "twp"
    """Taiwan standard with Taiwan vocabulary (软件 → 軟體, 信息 → 資訊)."""

    @classmethod
    def parse(cls, value: str | Script | None) -> Script | None:
        """The script named by ``value`` (``"tw"``, ``"hk"`` …); ``None`` stays ``None``.

        >>> Script.parse("TW")
        <Script.TW: 'tw'>

        Raises:
            ValueError: for an unknown name, listing the known ones.
        """
        if value is None or isinstance(value, Script):
            return value
        try:
            return cls(value.strip().lower())
        except ValueError:
            known = ", ".join(s.value for s in cls)
            raise ValueError(f"unknown script {value!r}; expected one of: {known}") from None


#: OpenCC configuration behind each display script (simplified input assumed; OpenCC's
#: traditional-to-traditional steps leave traditional characters as they are).
DISPLAY_CONFIGS: dict[Script, str] = {
    Script.SIMPLIFIED: "t2s",
    Script.TW: "s2tw",
    Script.HK: "s2hk",
    Script.TW_PHRASES: "s2twp",
}

#: From a traditional form (Taiwan standard, as glossaries write it) to each traditional
#: display script: regional variant forms only, no simplified-to-traditional step that
#: could turn a character both scripts share into another (征 → 徵).
TRADITIONAL_CONFIGS: dict[Script, tuple[str, ...]] = {
    Script.TW: ("t2tw",),
    Script.HK: ("tw2t", "t2hk"),
    Script.TW_PHRASES: ("t2tw",),
}

#: Character-level fallback for a script whose phrase conversion would change a token's
#: length (Taiwan phrasing turns U盘 into 隨身碟).
_CHARACTER_CONFIGS: dict[Script, str] = {Script.TW_PHRASES: "s2tw"}

#: Normalisation to simplified. ``tw2s`` also undoes Taiwan variant forms (著 → 着 in
#: 乘著), which plain ``t2s`` leaves; on simplified text both change nothing.
NORMALISE_CONFIG = "tw2s"

#: Where OpenCC's longest-match reads a Taiwan particle 著 (zhe) as part of 顯著 "notable":
#: a verb ending in 顯 followed by the particle. Applied after :data:`NORMALISE_CONFIG`.
_PARTICLE_ZHE = re.compile("(?<=[彰凸突盡尽])顯著")

# Where a piece of text may be cut and converted on its own without losing phrases.
_PIECE = re.compile(r"[^\n。！？；]*[\n。！？；]?")


@cache
def _converter(config: str) -> opencc.OpenCC:
    import opencc  # deferred: importing and loading OpenCC's tables costs ~30 ms

    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    return _converter(config).convert(text) if text else text


def _per_character(config: str, text: str) -> str:
    """Convert one character at a time, keeping a character whose conversion is not one character."""
    converter = _converter(config)
    out = []
    for char in text:
        converted = converter.convert(char)
        out.append(converted if len(converted) == 1 else char)
    return "".join(out)


def _aligned(config: str, pieces: Sequence[str], fallback: str | None = None) -> list[str]:
    """Convert ``pieces`` so that each keeps its length.

    Pieces are converted together where that keeps the total length (so phrases that
    cross piece boundaries still convert), else one by one; a piece whose conversion
    still changes length is converted with ``fallback`` (or ``config``) one character
    at a time.
    """
    joined = "".join(pieces)
    converted = _convert(config, joined)
    if len(converted) == len(joined):
        out, position = [], 0
        for piece in pieces:
            out.append(converted[position : position + len(piece)])
            position += len(piece)
        return out
    out = []
    for piece in pieces:
        single = _convert(config, piece)
        out.append(single if len(single) == len(piece) else _per_character(fallback or config, piece))
    return out


def _pieces(text: str) -> list[str]:
    return [m.group() for m in _PIECE.finditer(text) if m.group()]


def to_simplified(text: str) -> str:
    """``text`` with traditional characters made simplified, same length as ``text``.

    Simplified characters stay as they are, so mixed input works too.

    >>> to_simplified("兴县經濟技術開發區")
    '兴县经济技术开发区'
    """
    if not text:
        return text
    converted = _convert(NORMALISE_CONFIG, text)
    if len(converted) != len(text):
        converted = "".join(_aligned(NORMALISE_CONFIG, _pieces(text)))
    if "顯著" in text:
        for found in _PARTICLE_ZHE.finditer(text):
            converted = f"{converted[: found.start()]}显着{converted[found.end() :]}"
    return converted


def to_display(text: str, script: Script | str) -> str:
    """``text`` in ``script``, for showing; its length may differ from ``text``'s.

    >>> to_display("台湾的软件", "hk")
    '台灣的軟件'
    """
    return _convert(DISPLAY_CONFIGS[Script.parse(script) or Script.SIMPLIFIED], text)


def traditional_to_display(text: str, script: Script | str) -> str:
    """A traditional form (a glossary's, say) in the variant forms of ``script``, same length.

    For :attr:`Script.SIMPLIFIED` the text is made simplified.

    >>> traditional_to_display("新征程裡", Script.HK), traditional_to_display("新征程裡", Script.TW)
    ('新征程裏', '新征程裡')
    """
    chosen = Script.parse(script) or Script.SIMPLIFIED
    if chosen is Script.SIMPLIFIED:
        return to_simplified(text)
    for config in TRADITIONAL_CONFIGS[chosen]:
        text = "".join(_aligned(config, _pieces(text)))
    return text


def to_display_tokens(texts: Sequence[str], script: Script | str) -> tuple[str, ...]:
    """Each of ``texts`` (consecutive tokens) in ``script``, each keeping its length.

    Tokens are converted a sentence at a time so that phrase conversions see their
    context; where a phrase would change length, the tokens of that sentence are
    converted one by one, and a token that still would is converted character by
    character (Taiwan phrasing falls back to Taiwan characters: U盘 → U盤).

    >>> to_display_tokens(["鼠标", "和", "U盘"], Script.TW_PHRASES)
    ('滑鼠', '和', 'U盤')
    """
    chosen = Script.parse(script) or Script.SIMPLIFIED
    config = DISPLAY_CONFIGS[chosen]
    fallback = _CHARACTER_CONFIGS.get(chosen)
    out: list[str] = []
    sentence: list[str] = []
    for text in texts:
        sentence.append(text)
        if text and text[-1] in "\n。！？；":
            out.extend(_aligned(config, sentence, fallback))
            sentence = []
    if sentence:
        out.extend(_aligned(config, sentence, fallback))
    return tuple(out)
