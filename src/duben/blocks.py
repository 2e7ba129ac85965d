"""Splitting a text into headings, paragraphs and captions.

Markdown-style ``#`` headings are recognised; every other non-blank line is a paragraph,
or a caption when it is short and does not end a sentence (photo captions, bylines).
Plain text works the same way: each line is a block. Offsets cover a block's content,
without the ``#`` marker and without the line break.

>>> [(b.kind, b.level, b.start, b.end) for b in split_blocks("# 标题\\n\\n正文。\\n图为会场")]
[('heading', 1, 2, 4), ('paragraph', None, 6, 9), ('caption', None, 10, 14)]
"""

from __future__ import annotations

import re

from duben.model import Block

__all__ = ["split_blocks"]

#: What ends a line: the breaks :meth:`str.splitlines` knows, so a heading never runs on
#: past a line or paragraph separator (U+2028, U+2029), NEL or Word's vertical tab.
LINE_BREAKS = "\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"
_LINE = re.compile(f"[^{LINE_BREAKS}]*(?:\r\n|[{LINE_BREAKS}]|$)")
_HEADING = re.compile(r"(#{1,6})[ \t\u3000]+")
#: Characters that end a sentence; a line ending in one of them is prose, not a caption.
_SENTENCE_END = frozenset("。！？!?…；;：:”’」』)）")
#: Captions longer than this are treated as paragraphs.
CAPTION_MAX_CHARS = 40


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_blocks(text: str) -> tuple[Block, ...]:
    """Return the blocks of ``text`` in order."""
    blocks = []
    for match in _LINE.finditer(text):
        line_start = match.start()
        line = match.group().rstrip(LINE_BREAKS)
        if not line.strip():
            if match.end() >= len(text):
                break
            continue
        start, end = _strip_span(text, line_start, line_start + len(line))
        heading = _HEADING.match(text, start, end)
        if heading:
            start, end = _strip_span(text, heading.end(), end)
            if start < end:
                blocks.append(Block("heading", start, end, level=len(heading.group(1))))
            continue
        content = text[start:end]
        is_caption = len(content) <= CAPTION_MAX_CHARS and content[-1] not in _SENTENCE_END
        blocks.append(Block("caption" if is_caption else "paragraph", start, end))
        if match.end() >= len(text):
            break
    return tuple(blocks)
