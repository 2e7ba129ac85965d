"""What the polyphone layer costs: annotation throughput with it against plain pypinyin.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/pinyin_cost.py
    PYTHONPATH=src .venv/bin/python benchmarks/pinyin_cost.py --repeat 5 --text other.md

Three readers annotate the same text in the same run, in the same pipeline (built-in
glossary; English glosses off unless ``--glosses``, since they cost the same for all):

* ``pypinyin``: plain pypinyin, word by word (``lazy_pinyin`` on each jieba word), which is
  what duben did before the layer;
* ``layer-nomodel``: duben's reader without g2pM (word lists, phrase data, rules);
* ``layer``: duben's reader as shipped (with g2pM for what rules leave open).

First the layer's one-time loading (its reading data and the model); then for each reader
its first call and the best of ``--repeat`` runs, as characters per second, and the ratio
of pypinyin's throughput to each. The readers alone (no pipeline) are timed the same way.
This script measures; it asserts nothing.
"""

from __future__ import annotations

import argparse
import functools
import time
from collections.abc import Callable, Sequence
from pathlib import Path

DEFAULT_TEXT = Path("/work/shared/report/xingxian-plenum-2025.md")


class PlainPypinyinReader:
    """pypinyin as shipped, one word at a time: the baseline the layer is measured against."""

    def read_word(self, word: str, pos: str | None = None) -> tuple[str | None, ...]:
        from pypinyin import Style, lazy_pinyin

        from duben.hanzi import is_han

        found = lazy_pinyin(word, style=Style.TONE3, neutral_tone_with_five=True, errors=lambda s: [None] * len(s))
        if len(found) != len(word):
            found = [lazy_pinyin(c, style=Style.TONE3, neutral_tone_with_five=True)[0] if is_han(c) else None for c in word]
        return tuple(r if r and is_han(c) else None for c, r in zip(word, found, strict=True))

    def read(self, words: Sequence[tuple[str, str | None]]) -> list[tuple[str | None, ...]]:
        return [self.read_word(w, p) for w, p in words]


def readers() -> dict[str, Callable[[], object]]:
    from duben.pinyin import Reader

    return {
        "pypinyin": PlainPypinyinReader,
        "layer-nomodel": lambda: Reader(model=False),
        "layer": Reader,
    }


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--text", type=Path, default=DEFAULT_TEXT)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--glosses", action="store_true", help="run the lexicon stage too")
    args = parser.parse_args(argv)

    from duben.glossary import default_glossary
    from duben.pipeline import Annotator
    from duben.segment import default_segmenter

    text = args.text.read_text(encoding="utf-8")
    size = len(text)
    # Warm what every configuration shares, so that only reading costs differ.
    default_glossary()
    pieces = default_segmenter().segment(text)
    words = [(text[p.start : p.end], p.pos) for p in pieces]

    print(f"text: {args.text} ({size} characters, {len(words)} words); best of {args.repeat} runs")
    # One-time costs of the layer, paid on first use in a process.
    from duben._g2p import default_model
    from duben.pinyin import _data

    loading = timed(_data)
    model = timed(default_model)
    print(f"one-time loading: reading data (phrase lists, large_pinyin, our tables) {loading:.2f} s,"
          f" g2pM model {model:.2f} s")
    print(f"{'reader':<15}{'first call s':>14}{'pipeline chars/s':>18}{'ratio':>8}{'reader chars/s':>16}{'ratio':>8}")
    baseline: tuple[float, float] | None = None
    for name, make in readers().items():
        reader = make()
        read = functools.partial(reader.read, words)  # type: ignore[attr-defined]
        first = timed(read)
        alone = min(timed(read) for _ in range(args.repeat))
        annotator = Annotator(glosses=args.glosses)
        annotator.reader = reader  # type: ignore[assignment]
        annotator.annotate(text)
        whole = min(timed(functools.partial(annotator.annotate, text)) for _ in range(args.repeat))
        rates = (size / whole, size / alone)
        if baseline is None:
            baseline = rates
        print(
            f"{name:<15}{first:>14.2f}{rates[0]:>18.0f}{baseline[0] / rates[0]:>7.2f}x"
            f"{rates[1]:>16.0f}{baseline[1] / rates[1]:>7.2f}x"
        )
    print("ratio: how many times longer than plain pypinyin the same text takes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
