"""Audit duben's word readings against CC-CEDICT: list the words where they disagree.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/audit_readings.py
    PYTHONPATH=src .venv/bin/python benchmarks/audit_readings.py --top 60000 > audit.txt
    PYTHONPATH=src .venv/bin/python benchmarks/audit_readings.py --parts --top 400000 > parts.txt

Takes the words of jieba's dictionary that have 2 to 4 Han characters and at least one
polyphonic character (pypinyin lists more than one reading for it), most frequent first,
keeps the first ``--top``, and reads each on its own with duben's reader (jieba's tag as
the part of speech). A word is listed when that reading matches none of CC-CEDICT's
readings of it. Not counted as a difference: neutral tone against full tone (duben follows
the 现代汉语词典's neutral tones), and CC-CEDICT's ``r5`` for a written 儿. Capitalised
(proper-noun) CC-CEDICT entries are ignored unless every entry of the word is one. Words
CC-CEDICT lacks are skipped.

Each line: word, jieba frequency and tag, duben's reading, the reading without g2pM's
model when it differs (``=`` otherwise), CC-CEDICT's readings. The list is material for a
person to review against the dictionary, not a list of errors: CC-CEDICT has Taiwan
readings and its own mistakes, and some words read differently by sense (上调, 落下).
This script asserts nothing.

``--parts`` audits the other words: those CC-CEDICT lacks (most of jieba's dictionary). A
word is listed when, inside it, a shorter word that CC-CEDICT has with exactly one
(common) reading is read otherwise by duben (正处级 read chǔ where 处级 is chùjí;
解释权 read as a surname where 解释 is jiěshì). Many listed words are false alarms (a
"word" across a boundary: 充分|发挥 is not 分发), so this list too is for review.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import jieba
from pypinyin.pinyin_dict import pinyin_dict

from duben.lexicon import Lexicon
from duben.pinyin import Reader


def _polyphone(char: str) -> bool:
    readings = pinyin_dict.get(ord(char))
    return readings is not None and "," in readings


def _han(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def jieba_words(top: int) -> list[tuple[str, int, str]]:
    """The ``top`` most frequent jieba words of 2-4 Han characters with a polyphone."""
    words = []
    with open(Path(jieba.__file__).parent / "dict.txt", encoding="utf-8") as handle:
        for line in handle:
            word, freq, tag = line.split()
            if 2 <= len(word) <= 4 and all(_han(c) for c in word) and any(_polyphone(c) for c in word):
                words.append((word, int(freq), tag))
    words.sort(key=lambda row: -row[1])
    return words[:top]


def _same(ours: tuple[str | None, ...], theirs: tuple[str, ...]) -> bool:
    if len(ours) != len(theirs):
        return False
    for mine, other in zip(ours, theirs, strict=True):
        if mine == other:
            continue
        if mine is None:
            return False
        if other == "r5" and mine.startswith("er"):
            continue
        if (mine.endswith("5") or other.endswith("5")) and mine[:-1] == other[:-1]:
            continue
        return False
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--top", type=int, default=15000, help="how many jieba words to audit")
    parser.add_argument("--parts", action="store_true",
                        help="audit words CC-CEDICT lacks by the CC-CEDICT words inside them")
    parser.add_argument("--min-frequency", type=int, default=3, help="with --parts: rarer words are skipped")
    args = parser.parse_args(argv)
    if args.parts:
        return audit_parts(args.top, args.min_frequency)

    started = time.perf_counter()
    words = jieba_words(args.top)
    lexicon = Lexicon()
    reader, plain = Reader(), Reader(model=False)
    missing = listed = 0
    for word, freq, tag in words:
        entries = lexicon.entries(word)
        if not entries:
            missing += 1
            continue
        common = [e for e in entries if not e.pinyin[:1].isupper()] or list(entries)
        readings = sorted({tuple(e.syllables) for e in common})
        ours = tuple(reader.read_word(word, tag))
        if any(_same(ours, theirs) for theirs in readings):
            continue
        listed += 1
        without = tuple(plain.read_word(word, tag))
        print(
            word, freq, tag,
            "| duben:", " ".join(map(str, ours)),
            "| nomodel:", "=" if without == ours else " ".join(map(str, without)),
            "| cc:", " / ".join(" ".join(r) for r in readings),
        )
    print(
        f"audited {len(words)} words, {missing} not in CC-CEDICT, {listed} listed,"
        f" {time.perf_counter() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


def audit_parts(top: int, min_frequency: int) -> int:
    started = time.perf_counter()
    lexicon = Lexicon()
    reader = Reader()

    def only_reading(word: str) -> tuple[str, ...] | None:
        common = {tuple(e.syllables) for e in lexicon.entries(word) if not e.pinyin[:1].isupper()}
        return common.pop() if len(common) == 1 else None

    audited = listed = 0
    for word, freq, tag in jieba_words(top):
        if freq < min_frequency or lexicon.entries(word):
            continue
        audited += 1
        ours = tuple(reader.read_word(word, tag))
        for start in range(len(word)):
            found = None
            for end in range(start + 2, len(word) + (start > 0)):
                theirs = only_reading(word[start:end])
                if theirs is not None and not _same(ours[start:end], theirs):
                    found = (word[start:end], theirs)
                    break
            if found:
                listed += 1
                print(word, freq, tag, "| duben:", " ".join(map(str, ours)),
                      "| inside:", found[0], " ".join(found[1]))
                break
    print(f"audited {audited} words CC-CEDICT lacks, {listed} listed, {time.perf_counter() - started:.1f} s",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
