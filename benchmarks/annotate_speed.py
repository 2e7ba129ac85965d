"""Annotation throughput: duben.annotate against raw jieba + pypinyin, in one run.

    .venv/bin/python benchmarks/annotate_speed.py [--size-mb 1.0] [--repeat 3]

Both sides get the same text: the sample report, and the report repeated to about
1 MB. Engines are warmed up first (dictionary loads are a cold-start cost, measured
by benchmarks/lexicon_cost.py); the best of ``--repeat`` runs is kept. Timings on a
shared machine are noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

SAMPLE = Path(__file__).resolve().parent.parent / "data" / "reports" / "xingxian-plenum-2025.md"


def best_of(repeat: int, function, *args) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function(*args)
        times.append(time.perf_counter() - started)
    return min(times)


def raw_baseline(text: str) -> None:
    import jieba
    import pypinyin

    pypinyin.pinyin(jieba.lcut(text), style=pypinyin.Style.TONE3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size-mb", type=float, default=1.0)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    import jieba

    import duben

    jieba.setLogLevel(60)
    sample = SAMPLE.read_bytes().decode("utf-8")
    copies = max(1, round(args.size_mb * 1_000_000 / len(sample.encode("utf-8"))))
    large = "\n\n".join([sample] * copies)
    # warm both sides: dictionaries, caches and the glossary are loaded once
    duben.annotate(sample)
    raw_baseline(sample)

    print(f"{'text':<22}{'chars':>10}{'duben s':>10}{'raw s':>10}{'duben/raw':>11}{'duben chars/s':>15}")
    for name, text, repeat in (("sample report", sample, args.repeat), (f"report x{copies}", large, 1)):
        ours = best_of(repeat, duben.annotate, text)
        raw = best_of(repeat, raw_baseline, text)
        print(f"{name:<22}{len(text):>10,}{ours:>10.3f}{raw:>10.3f}{ours / raw:>10.2f}x{len(text) / ours:>15,.0f}")


if __name__ == "__main__":
    main()
