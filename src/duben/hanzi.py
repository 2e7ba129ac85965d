"""Small character classes used across the stages.

>>> is_han("兴"), is_han("〇"), is_han("A"), is_han("，")
(True, True, False, False)
"""

from __future__ import annotations

import re

#: Han character ranges: CJK Unified Ideographs with extensions A–I, compatibility
#: ideographs and their supplement, and 〇 (U+3007), which reads líng.
HAN_RANGES = (
    "\u3007"
    "\u3400-\u4dbf"
    "\u4e00-\u9fff"
    "\uf900-\ufaff"
    "\U00020000-\U0002a6df"
    "\U0002a700-\U0002ee5f"
    "\U0002f800-\U0002fa1f"
    "\U00030000-\U000323af"
)

#: One Han character.
HAN = re.compile(f"[{HAN_RANGES}]")

#: A run of Han characters.
HAN_RUN = re.compile(f"[{HAN_RANGES}]+")

#: Characters that may stand inside a glossary term without breaking it: the enumeration
#: comma and quotation marks (“高、精、尖、特”, 一窗受理、全代办).
TERM_SEPARATORS = frozenset("、“”‘’「」『』\"'")


def is_han(char: str) -> bool:
    """Whether ``char`` (one character) is a Han character."""
    return HAN.fullmatch(char) is not None


def has_han(text: str) -> bool:
    """Whether ``text`` contains at least one Han character."""
    return HAN.search(text) is not None
