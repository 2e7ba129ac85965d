"""Finding likely policy terms that the glossary lacks.

Policy language coins its terms in a few recognisable shapes; each finder below looks
for one of them, so a maintainer can see what to add to the glossary:

- numbered formulas: numerals paired with single characters (四水四定, 九通一平,
  三去一降一补, 两不愁三保障) or a numeral with a measure word and a short noun
  (五篇大文章, 三个方面 is skipped as ordinary counting: see :data:`COUNTING_NOUNS`);
- short quoted slogans: a quotation of 2–8 characters without sentence punctuation
  (“吃干榨尽”, “压舱石”);
- parallel enumerations: three or more short items joined by 、 that share a first or
  last character (高端化、智能化、绿色化; 脚力、眼力、脑力、笔力).

Stretches that a glossary term already covers are not suggested.

>>> [(c.text, c.reason) for c in find_candidates("落实“九通一平”要求，推进高端化、智能化、绿色化。")]
[('九通一平', 'numbered formula'), ('高端化、智能化、绿色化', 'parallel enumeration')]
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Collection, Iterable

from duben.hanzi import HAN_RANGES
from duben.model import Candidate, TermMatch

__all__ = ["find_candidates"]

_NUM = "一二三四五六七八九十两百千万"
_H = f"[{HAN_RANGES}]"
#: A Han character that is not a numeral.
_W = f"(?![{_NUM}]){_H}"

#: Numeral–character pairs, at least two in a row: 四水四定, 九通一平, 三去一降一补.
_PAIRED = re.compile(f"(?<![{_NUM}])(?:[{_NUM}]{_W}){{2,}}")
#: Different numerals with two-character groups: 两不愁三保障 (not 一年比一年).
_PAIRED_LONG = re.compile(f"(?<![{_NUM}])([{_NUM}]){_W}{{2}}(?!\\1)[{_NUM}]{_W}{{2}}")
#: A numeral, a measure word or 大, and a short noun: 五篇大文章, 三大主导产业, 四个意识.
_COUNTED = re.compile(f"(?<![{_NUM}])([{_NUM}])(个|篇|大|项|条)(?!个)({_W}{{2,4}})")
#: A short quotation.
_QUOTED = re.compile(r"[“‘「『\"]([^“”‘’「」『』\"，。；！？,;!?\s]{2,16})[”’」』\"]")
#: Quotations longer than this many characters (not counting 、) are speech, not slogans.
SLOGAN_MAX_CHARS = 8
#: An enumeration of three or more short items.
_ENUMERATION = re.compile(f"{_H}{{2,4}}(?:、{_H}{{2,4}}){{2,}}")

#: Nouns after a counted numeral that mark ordinary counting, not a formula.
COUNTING_NOUNS = frozenset(
    "方面 部分 问题 月份 年度 小时 方向 环节 阶段 层面 单位 村庄 乡镇 系列 季度 步骤 地方 国家 城市 代表 重点".split()
)


class _Cover:
    """Answers "does any of these spans contain start..end?" in logarithmic time.

    Spans are sorted by start; for each, the furthest end reached by it or any span
    starting before it. A stretch is covered when that furthest end, among the spans
    starting at or before it, reaches its end.
    """

    def __init__(self, spans: Iterable[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._reach = list(itertools.accumulate((e for _, e in ordered), max))

    def __call__(self, start: int, end: int) -> bool:
        index = bisect.bisect_right(self._starts, start) - 1
        return index >= 0 and self._reach[index] >= end


def _shares_affix(items: list[str]) -> bool:
    return len({item[-1] for item in items}) == 1 or len({item[0] for item in items}) == 1


def find_candidates(
    text: str, terms: Iterable[TermMatch] = (), *, word_ends: Collection[int] = (), idioms: Iterable[tuple[int, int]] = ()
) -> list[Candidate]:
    """Likely policy terms in ``text`` that are not inside any of ``terms``.

    Args:
        terms: glossary matches; what they cover is not suggested again.
        word_ends: offsets where words end; when given, a counted formula's noun ends on one.
        idioms: spans of words tagged as idioms (千方百计), never suggested.

    Returns candidates in text order, one per span.
    """
    covered = _Cover([*((t.start, t.end) for t in terms), *idioms])
    found: dict[tuple[int, int], Candidate] = {}

    def add(start: int, end: int, reason: str) -> None:
        # a candidate inside another one is dropped below; the first reason for a span stays
        if start < end and not covered(start, end) and (start, end) not in found:
            found[(start, end)] = Candidate(text[start:end], start, end, reason)

    for pattern in (_PAIRED_LONG, _PAIRED):
        for match in pattern.finditer(text):
            add(match.start(), match.end(), "numbered formula")
    for match in _COUNTED.finditer(text):
        end = match.end()
        if word_ends:
            # the noun ends where a word of two or more characters ends (not 六大农业全)
            ends = [e for e in range(match.end(), match.start(3) + 1, -1) if e in word_ends and e - 1 not in word_ends]
            if not ends:
                continue
            end = ends[0]
        noun = text[match.start(3) : end]
        if not any(noun.startswith(n) for n in COUNTING_NOUNS):
            add(match.start(), end, "numbered formula")
    for match in _QUOTED.finditer(text):
        if len(match.group(1).replace("、", "")) <= SLOGAN_MAX_CHARS:
            add(match.start(1), match.end(1), "quoted slogan")
    for match in _ENUMERATION.finditer(text):
        items = match.group().split("、")
        # The outer items may have swallowed neighbouring words: trim them to the
        # length of the inner items, which the commas delimit exactly.
        inner = [len(item) for item in items[1:-1]]
        size = max(set(inner), key=inner.count)
        first, last = items[0][-size:], items[-1][:size]
        if len(items[0]) >= size and len(items[-1]) >= size and _shares_affix([first, *items[1:-1], last]):
            start = match.start() + len(items[0]) - size
            end = match.end() - len(items[-1]) + size
            add(start, end, "parallel enumeration")
    # a longer candidate swallows shorter ones inside it
    ordered = sorted(found.values(), key=lambda c: (c.start, -(c.end - c.start)))
    kept: list[Candidate] = []
    for candidate in ordered:
        if kept and candidate.start >= kept[-1].start and candidate.end <= kept[-1].end:
            continue
        kept.append(candidate)
    return kept
