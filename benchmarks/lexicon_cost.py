"""What glosses cost: cold-process time and peak memory of annotating a report.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/lexicon_cost.py
    PYTHONPATH=src .venv/bin/python benchmarks/lexicon_cost.py --runs 7 --report path/to/text.md

Every measurement is a fresh Python process (a "cold start": nothing imported, only the
operating system's file cache is warm), so import and loading costs count. Each child
reports its own peak resident memory (``resource.getrusage(...).ru_maxrss``) and the
time it spent after the interpreter started; the parent times the whole process.

Children:

* ``python``: an empty interpreter (the floor every process pays).
* ``jieba``: raw jieba (``jieba.Tokenizer().lcut``) on the report: the segmentation cost.
* ``jieba+pypinyin``: raw jieba, then pypinyin per word (``Style.TONE3``): the baseline.
* ``duben``: ``Annotator(glosses=False).annotate(report)``. The pipeline still opens the
  CC-CEDICT index to check capitals and idioms, so ``duben+glosses`` minus ``duben`` is
  the glossing itself (lookups, HSK and frequency index), not the dictionary's opening;
  the ``lexicon`` child shows the whole cost of the lexicon on its own.
* ``duben+glosses``: ``Annotator(glosses=True).annotate(report)``; the first run starts
  with an empty cache directory, so it pays for building the dictionary index; the
  others reuse the index.
* ``lexicon``: only the lexicon: ``Lexicon().glosses()``/``hsk_levels()``/``frequency_rank()``
  for every Han token of a previous duben run (no jieba, no pypinyin).
  Its first run, in a cache directory of its own, times building the index alone.

The goal the issue sets: glosses (``duben+glosses`` minus ``duben``) cost less time than
segmentation (``jieba`` minus ``python``) on a cold start, and less than 100 MB of extra
memory. The script prints the numbers and ratios; it asserts nothing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_REPORT = REPO / "data" / "reports" / "xingxian-plenum-2025.md"

_PRELUDE = """
import json, resource, sys, time
started = time.perf_counter()
text = open(sys.argv[1], encoding="utf-8").read()
"""

_EPILOGUE = """
print(json.dumps({"inside": time.perf_counter() - started,
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

CHILDREN: dict[str, str] = {
    "python": "",
    "jieba": """
import jieba
tokenizer = jieba.Tokenizer()
words = tokenizer.lcut(text)
""",
    "jieba+pypinyin": """
import jieba
from pypinyin import Style, pinyin
tokenizer = jieba.Tokenizer()
readings = [pinyin(w, style=Style.TONE3, neutral_tone_with_five=True) for w in tokenizer.lcut(text)]
""",
    "duben": """
from duben.pipeline import Annotator
document = Annotator(glosses=False).annotate(text)
""",
    "duben+glosses": """
from duben.pipeline import Annotator
document = Annotator(glosses=True).annotate(text)
""",
    "lexicon": """
from duben.lexicon import Lexicon
words = json.load(open(sys.argv[2], encoding="utf-8"))
lexicon = Lexicon()
for word, syllables in words:
    lexicon.glosses(word, syllables); lexicon.hsk_levels(word); lexicon.frequency_rank(word)
""",
}


def run_child(name: str, report: Path, words_file: Path, cache: Path) -> dict[str, float]:
    """Run one child in a fresh process; its wall time and what it reports."""
    code = _PRELUDE + CHILDREN[name] + _EPILOGUE
    env = dict(os.environ, DUBEN_CACHE_DIR=str(cache))
    env.setdefault("PYTHONPATH", str(REPO / "src"))
    began = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code, str(report), str(words_file)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    wall = time.perf_counter() - began
    if done.returncode != 0:
        raise SystemExit(f"{name} failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall"] = wall
    return result


def write_words(report: Path, path: Path, cache: Path) -> None:
    """The Han tokens of a duben run with their syllables, for the ``lexicon`` child."""
    code = (
        "import json, sys\n"
        "from duben.pipeline import Annotator\n"
        "doc = Annotator(glosses=False).annotate(open(sys.argv[1], encoding='utf-8').read())\n"
        "json.dump([[t.text, list(t.syllables)] for t in doc.tokens if t.is_han], open(sys.argv[2], 'w'))\n"
    )
    env = dict(os.environ, DUBEN_CACHE_DIR=str(cache))
    env.setdefault("PYTHONPATH", str(REPO / "src"))
    subprocess.run([sys.executable, "-c", code, str(report), str(path)], check=True, env=env)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--runs", type=int, default=5, help="warm runs per child (median reported)")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="duben-bench-") as scratch:
        cache = Path(scratch) / "cache"
        words_file = Path(scratch) / "words.json"
        # jieba keeps its own model cache in the temp dir; warm it so that every child
        # measures loading, not jieba's one-off cache build.
        run_child("jieba", args.report, words_file, cache)
        write_words(args.report, words_file, cache)

        first_lexicon = run_child("lexicon", args.report, words_file, Path(scratch) / "cache-lexicon")  # builds it alone
        first = run_child("duben+glosses", args.report, words_file, cache)  # builds the index
        index_files = sorted(p.name for p in cache.glob("*.sqlite3"))
        index_mb = sum(p.stat().st_size for p in cache.glob("*.sqlite3")) / 2**20

        results: dict[str, list[dict[str, float]]] = {name: [] for name in CHILDREN}
        for _ in range(args.runs):
            for name in CHILDREN:  # interleaved, so drift in machine load hits all alike
                results[name].append(run_child(name, args.report, words_file, cache))

    def median(name: str, key: str) -> float:
        return statistics.median(r[key] for r in results[name])

    print(f"report: {args.report} ({len(args.report.read_text(encoding='utf-8'))} characters)")
    print(f"python {sys.version.split()[0]}, {args.runs} warm runs per child, medians\n")
    print(f"{'child':<16} {'wall s':>8} {'inside s':>9} {'peak MB':>8}")
    for name in CHILDREN:
        print(f"{name:<16} {median(name, 'wall'):8.3f} {median(name, 'inside'):9.3f} {median(name, 'peak_mb'):8.1f}")
    print(
        f"{'first glosses':<16} {first['wall']:8.3f} {first['inside']:9.3f} {first['peak_mb']:8.1f}"
        f"   (empty cache: builds {', '.join(index_files)}, {index_mb:.1f} MB on disk)"
    )

    segmentation = median("jieba", "wall") - median("python", "wall")
    gloss_time = median("duben+glosses", "wall") - median("duben", "wall")
    gloss_memory = median("duben+glosses", "peak_mb") - median("duben", "peak_mb")
    lexicon_time = median("lexicon", "wall") - median("python", "wall")
    lexicon_memory = median("lexicon", "peak_mb") - median("python", "peak_mb")
    baseline = median("jieba+pypinyin", "wall")
    print()
    print(f"segmentation (jieba - python):         {segmentation * 1000:7.0f} ms")
    print(f"glosses (duben+glosses - duben):       {gloss_time * 1000:7.0f} ms  = {gloss_time / segmentation:.2f} x segmentation")
    print(f"lexicon alone (lexicon - python):      {lexicon_time * 1000:7.0f} ms, {lexicon_memory:5.1f} MB")
    print(f"glosses, extra peak memory:            {gloss_memory:7.1f} MB")
    print(f"first run, index build (first - warm): {(first['wall'] - median('duben+glosses', 'wall')) * 1000:7.0f} ms")
    build = first_lexicon["wall"] - median("lexicon", "wall")
    print(f"index build, lexicon alone:            {build * 1000:7.0f} ms, peak {first_lexicon['peak_mb']:.1f} MB")
    print(f"duben / raw jieba+pypinyin:            {median('duben', 'wall') / baseline:7.2f} x")
    print(f"duben+glosses / raw jieba+pypinyin:    {median('duben+glosses', 'wall') / baseline:7.2f} x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
