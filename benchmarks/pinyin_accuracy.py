"""Measure how well several systems read Chinese characters, side by side.

Run from the repository root:

    PYTHONPATH=src .venv/bin/python benchmarks/pinyin_accuracy.py
    PYTHONPATH=src .venv/bin/python benchmarks/pinyin_accuracy.py --dataset cpp --limit 2000
    PYTHONPATH=src .venv/bin/python benchmarks/pinyin_accuracy.py --errors /tmp/duben-errors.tsv
    PYTHONPATH=src .venv/bin/python benchmarks/pinyin_accuracy.py --dataset policy \
        --systems pypinyin,g2pm --errors /tmp/e.tsv --errors-system g2pm

Datasets (``--dataset NAME``, default all; NAME is one of cpp, policy, policy-dev,
policy-holdout, unseen, unseen-a, unseen-b, fresh, fresh-a, fresh-b, dev2 … dev5, final,
blind, report, all):

* ``cpp``: the dev split of CPP (g2pM's polyphone benchmark), one marked character per
  sentence, read from ``/work/shared/data/cpp`` (``--cpp-dir`` to change).
* ``policy``: ``benchmarks/data/policy_polyphones.tsv``, our own policy-register sentences,
  one marked polyphone each, scored as two splits: ``policy-holdout`` is every 5th sentence
  (5th, 10th, …), kept out of all tuning of duben's rules and word lists; ``policy-dev`` is
  the rest.
* ``unseen``: ``benchmarks/data/policy_polyphones_unseen.tsv``, a second policy-register
  set written after the rules were tuned (scored whole). It was written blind; afterwards it
  was split by 0-based data row: ``unseen-a`` (even rows) may be used for development,
  ``unseen-b`` (odd rows) is only ever measured, never inspected.
* ``fresh``: ``benchmarks/data/policy_polyphones_fresh.tsv``, a third set written blind in
  session 2, split the same way: ``fresh-a`` (even rows) for development, ``fresh-b`` (odd
  rows) only measured. ``--errors`` refuses the never-inspected splits (``unseen-b``,
  ``fresh-b``) and the whole sets that contain them.
* ``dev2`` … ``dev5``: ``benchmarks/data/policy_polyphones_dev2.tsv`` … ``…_dev5.tsv``, sets
  written in session 2 for development (each measured once as a whole first, then used to
  find errors).
* ``final``: ``benchmarks/data/policy_polyphones_final.tsv``, written blind in session 2 and
  measured only after the session's development was finished; never inspected.
* ``blind``: the never-inspected sets side by side: ``unseen-b``, ``fresh-b``, ``final``.
* ``report``: ``benchmarks/data/xingxian_gold.tsv``, the reading of every Han character of the
  sample report ``xingxian-plenum-2025.md`` (``--report`` to point at the text).

Systems (``--systems``, comma separated, default all):

* ``pypinyin``: pypinyin as shipped, phrase-aware, whole sentence at once.
* ``pypinyin+large``: pypinyin with pypinyin-dict's ``large_pinyin`` phrases. Loading them
  changes pypinyin's process-wide dictionaries, so this system runs in a child process and
  cannot influence the others.
* ``g2pm``: the g2pM BiLSTM (``G2pM()(sentence, tone=True, char_split=True)``: one entry per
  character, the character itself when g2pM has no reading for it).
* ``duben``: the duben pipeline (built-in glossary, no English glosses), each token's
  ``syllables`` joined. When duben cannot be imported or fails, its column shows ``n/a``
  and the error is printed.
* ``duben-nomodel``: the same without g2pM's model (rules and word lists only), to show
  what the model adds.

Every reading is compared in one normal form: lower case, tone digit 1-5 (a missing digit
means neutral, 5), ü written ``v`` (``lu:3``, ``lü3`` and ``lv3`` are all ``lv3``).
Only the marked character (cpp, policy) or every gold row (report) is scored; this script
measures, it asserts nothing and does not time anything.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "data"
POLICY_TSV = DATA / "policy_polyphones.tsv"
UNSEEN_TSV = DATA / "policy_polyphones_unseen.tsv"
FRESH_TSV = DATA / "policy_polyphones_fresh.tsv"
DEV2_TSV = DATA / "policy_polyphones_dev2.tsv"
DEV3_TSV = DATA / "policy_polyphones_dev3.tsv"
DEV4_TSV = DATA / "policy_polyphones_dev4.tsv"
DEV5_TSV = DATA / "policy_polyphones_dev5.tsv"
FINAL_TSV = DATA / "policy_polyphones_final.tsv"
DEV_SETS = {"dev2": DEV2_TSV, "dev3": DEV3_TSV, "dev4": DEV4_TSV, "dev5": DEV5_TSV}
#: Splits that are only ever measured: their mistakes are never written out.
BLIND = frozenset({"unseen", "unseen-b", "fresh", "fresh-b", "final", "blind"})
REPORT_GOLD_TSV = DATA / "xingxian_gold.tsv"
DEFAULT_REPORT = Path("/work/shared/report/xingxian-plenum-2025.md")
DEFAULT_CPP_DIR = Path("/work/shared/data/cpp")

#: CPP and our policy set wrap the target character in this mark on both sides.
MARK = "\u2581"

#: Han characters: CJK unified ideographs, extension A, compatibility ideographs, planes 2-3.
HAN_RE = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f]")

#: Systems evaluate a report in these pieces: lines, cut again after sentence-final marks,
#: so that g2pM sees inputs of the length it was trained on.
SENTENCE_END_RE = re.compile(r"(?<=[。！？；!?;\n])")

ALL_SYSTEMS = ("pypinyin", "pypinyin+large", "g2pm", "duben", "duben-nomodel")

Reader = Callable[[list[str]], list[list[str | None]]]


def is_han(char: str) -> bool:
    return bool(HAN_RE.fullmatch(char))


def normalise(reading: str | None) -> str | None:
    """Bring a pinyin syllable to lower case, tone digit 1-5 and ü as ``v``.

    >>> normalise("lu:3"), normalise("Lü4"), normalise("de"), normalise("xie4")
    ('lv3', 'lv4', 'de5', 'xie4')
    """
    if not reading:
        return None
    text = reading.strip().lower().replace("u:", "v").replace("ü", "v")
    if not text or not text[0].isalpha():
        return None
    if not text[-1].isdigit():
        text += "5"
    return text


# ---------------------------------------------------------------- datasets


@dataclass(frozen=True, slots=True)
class Item:
    """One scored character: ``text[index]`` should be read ``gold``."""

    text: str
    index: int
    gold: str
    note: str = ""
    #: Which input string of the dataset ``text`` is (items share inputs in the report).
    group: int = 0


@dataclass(frozen=True, slots=True)
class Dataset:
    name: str
    #: The distinct input strings systems are run on.
    inputs: list[str]
    items: list[Item]


def unmark(marked: str) -> tuple[str, int]:
    """Remove the two marks around the target; return the plain text and the target index."""
    first = marked.index(MARK)
    second = marked.index(MARK, first + 1)
    if second != first + 2:
        raise ValueError(f"marks must enclose exactly one character: {marked!r}")
    text = marked[:first] + marked[first + 1] + marked[second + 1 :]
    return text, first


def load_marked(name: str, sentences: Iterable[str], labels: Iterable[str],
                notes: Iterable[str] | None = None) -> Dataset:
    inputs: list[str] = []
    items: list[Item] = []
    notes_iter = iter(notes) if notes is not None else None
    for number, (marked, label) in enumerate(zip(sentences, labels, strict=True)):
        text, index = unmark(marked)
        gold = normalise(label)
        if gold is None:
            raise ValueError(f"{name}: line {number + 1}: bad label {label!r}")
        note = next(notes_iter) if notes_iter is not None else ""
        inputs.append(text)
        items.append(Item(text, index, gold, note, group=number))
    return Dataset(name, inputs, items)


def load_cpp(cpp_dir: Path, limit: int | None) -> Dataset:
    sentences = (cpp_dir / "dev.sent").read_text(encoding="utf-8").splitlines()
    labels = (cpp_dir / "dev.lb").read_text(encoding="utf-8").splitlines()
    if limit is not None:
        sentences, labels = sentences[:limit], labels[:limit]
    return load_marked("cpp", sentences, labels)


def read_tsv(path: Path, columns: int) -> list[list[str]]:
    rows = []
    with open(path, encoding="utf-8", newline="") as handle:
        for number, line in enumerate(handle, start=1):
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            fields = line.split("\t")
            if len(fields) < columns:
                raise ValueError(f"{path}: line {number}: expected {columns} columns: {line!r}")
            rows.append(fields)
    return rows


#: Every HOLDOUT_EVERY-th sentence of the policy set (the 5th, 10th, …) is held out:
#: rules and word lists are tuned on the others only.
HOLDOUT_EVERY = 5


def load_policy(path: Path = POLICY_TSV, split: str = "all", name: str | None = None) -> Dataset:
    """A policy set; ``split`` is ``dev``, ``holdout`` (every 5th sentence), ``a`` (even rows),
    ``b`` (odd rows) or ``all``."""
    rows = read_tsv(path, 2)
    if rows and rows[0][0] == "sentence":
        rows = rows[1:]
    if split in ("a", "b"):
        rows = rows[0 if split == "a" else 1 :: 2]
    elif split != "all":
        held = split == "holdout"
        rows = [r for n, r in enumerate(rows) if (n % HOLDOUT_EVERY == HOLDOUT_EVERY - 1) == held]
    if name is None:
        name = "policy" if split == "all" else f"policy-{split}"
    return load_marked(name, [r[0] for r in rows], [r[1] for r in rows],
                       [r[2] if len(r) > 2 else "" for r in rows])


def split_report(text: str) -> list[tuple[int, str]]:
    """Cut a report into (start offset, piece) pairs that tile it."""
    pieces = []
    start = 0
    for piece in SENTENCE_END_RE.split(text):
        if piece:
            pieces.append((start, piece))
            start += len(piece)
    return pieces


def load_report(report: Path, gold: Path = REPORT_GOLD_TSV) -> Dataset:
    text = open(report, encoding="utf-8", newline="").read()
    pieces = split_report(text)
    starts = [start for start, _ in pieces]
    rows = read_tsv(gold, 3)
    if rows and rows[0][0] == "offset":
        rows = rows[1:]
    items = []
    piece_number = 0
    for offset_text, char, label in rows[: len(rows)]:
        offset = int(offset_text)
        if text[offset] != char:
            raise ValueError(f"{gold}: offset {offset} holds {text[offset]!r}, not {char!r}")
        while piece_number + 1 < len(starts) and starts[piece_number + 1] <= offset:
            piece_number += 1
        start, piece = pieces[piece_number]
        items.append(Item(piece, offset - start, normalise(label) or "", "", piece_number))
    return Dataset("report", [piece for _, piece in pieces], items)


# ---------------------------------------------------------------- systems


def per_character(text: str, readings: Sequence[str | None]) -> list[str | None]:
    if len(readings) != len(text):
        raise ValueError(f"{len(readings)} readings for {len(text)} characters: {text[:40]!r}")
    return [normalise(r) if is_han(c) else None for c, r in zip(text, readings, strict=True)]


def pypinyin_reader() -> Reader:
    from pypinyin import Style, lazy_pinyin

    def read(texts: list[str]) -> list[list[str | None]]:
        out = []
        for text in texts:
            readings = lazy_pinyin(text, style=Style.TONE3, neutral_tone_with_five=True,
                                   errors=lambda chars: [None] * len(chars))
            out.append(per_character(text, readings))
        return out

    return read


def pypinyin_large_reader() -> Reader:
    """pypinyin with large_pinyin phrases, computed in a child process."""

    def read(texts: list[str]) -> list[list[str | None]]:
        result = subprocess.run(
            [sys.executable, str(Path(__file__).resolve()), "--_worker", "pypinyin+large"],
            input=json.dumps(texts, ensure_ascii=False), capture_output=True, text=True,
            encoding="utf-8", check=False)
        if result.returncode != 0:
            raise RuntimeError(result.stderr.strip().splitlines()[-1] if result.stderr
                               else f"worker exit {result.returncode}")
        return json.loads(result.stdout)

    return read


def run_large_worker() -> int:
    # Only ever called in the child process started by pypinyin_large_reader.
    from pypinyin_dict.phrase_pinyin_data import large_pinyin

    large_pinyin.load()
    texts = json.loads(sys.stdin.read())
    json.dump(pypinyin_reader()(texts), sys.stdout, ensure_ascii=False)
    return 0


def g2pm_reader() -> Reader:
    from g2pM import G2pM

    model = G2pM()

    def read(texts: list[str]) -> list[list[str | None]]:
        out = []
        for text in texts:
            readings = model(text, tone=True, char_split=True) if text else []
            # g2pM returns the character itself where it has no reading.
            out.append(per_character(text, [None if r == c else r
                                            for c, r in zip(text, readings, strict=True)]))
        return out

    return read


def duben_syllables(text: str, annotator: object | None = None) -> list[str | None]:
    """One reading per character of ``text`` from duben (None for non-Han characters)."""
    import duben

    doc = annotator.annotate(text) if annotator is not None else duben.annotate(text)  # type: ignore[attr-defined]
    syllables: list[str | None] = []
    for token in doc.tokens:
        syllables.extend(token.syllables)
    return syllables


def duben_reader(model: bool = True) -> Reader:
    # The whole pipeline with the built-in glossary, without English glosses (they do
    # not change readings and would only cost time).
    from duben.pinyin import Reader as PinyinReader
    from duben.pipeline import Annotator

    annotator = Annotator(glosses=False)
    annotator.reader = PinyinReader(model=model)

    def read(texts: list[str]) -> list[list[str | None]]:
        return [per_character(text, duben_syllables(text, annotator)) if text else [] for text in texts]

    return read


READERS: dict[str, Callable[[], Reader]] = {
    "pypinyin": pypinyin_reader,
    "pypinyin+large": pypinyin_large_reader,
    "g2pm": g2pm_reader,
    "duben": duben_reader,
    "duben-nomodel": lambda: duben_reader(model=False),
}


# ---------------------------------------------------------------- scoring


@dataclass(slots=True)
class Score:
    correct: int = 0
    total: int = 0
    error: str | None = None
    seconds: float = 0.0
    mistakes: list[tuple[Item, str | None]] | None = None

    def cell(self) -> str:
        if self.error is not None or self.total == 0:
            return "n/a"
        return f"{100 * self.correct / self.total:6.2f}"


def evaluate(reader: Reader, dataset: Dataset) -> Score:
    started = time.perf_counter()
    outputs = reader(dataset.inputs)
    score = Score(mistakes=[])
    for item in dataset.items:
        predicted = outputs[item.group][item.index]
        score.total += 1
        if predicted == item.gold:
            score.correct += 1
        else:
            score.mistakes.append((item, predicted))
    score.seconds = time.perf_counter() - started
    return score


def context(item: Item, width: int = 8) -> str:
    left = item.text[max(0, item.index - width): item.index]
    right = item.text[item.index + 1: item.index + 1 + width]
    return (left + "[" + item.text[item.index] + "]" + right).replace("\n", " ")


def write_errors(path: Path, system: str, results: dict[str, Score]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(f"# errors of {system}\n")
        handle.write("dataset\tchar\tgold\tpredicted\tcontext\tnote\n")
        for dataset, score in results.items():
            for item, predicted in score.mistakes or []:
                handle.write("\t".join([dataset, item.text[item.index], item.gold,
                                        predicted or "-", context(item), item.note]) + "\n")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dataset", choices=["cpp", "policy", "policy-dev", "policy-holdout",
                                              "unseen", "unseen-a", "unseen-b",
                                              "fresh", "fresh-a", "fresh-b", "dev2", "dev3", "dev4", "dev5", "final",
                                              "blind", "report", "all"],
                        default="all", help="policy = its dev and holdout splits, side by side")
    parser.add_argument("--systems", default=",".join(ALL_SYSTEMS),
                        help="comma-separated subset of: " + ", ".join(ALL_SYSTEMS))
    parser.add_argument("--limit", type=int, default=None,
                        help="use only the first N CPP dev sentences")
    parser.add_argument("--cpp-dir", type=Path, default=DEFAULT_CPP_DIR)
    parser.add_argument("--report", type=Path, default=DEFAULT_REPORT)
    parser.add_argument("--errors", type=Path, default=None,
                        help="write the mistakes of --errors-system (default duben) to this file")
    parser.add_argument("--errors-system", default="duben", choices=ALL_SYSTEMS)
    parser.add_argument("--_worker", help=argparse.SUPPRESS)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args._worker == "pypinyin+large":
        return run_large_worker()
    if args.errors is not None and args.dataset in BLIND:
        print(f"--errors is refused for {args.dataset}: its mistakes are never read", file=sys.stderr)
        return 2

    systems = [s.strip() for s in args.systems.split(",") if s.strip()]
    unknown = [s for s in systems if s not in READERS]
    if unknown:
        print(f"unknown system(s): {', '.join(unknown)}", file=sys.stderr)
        return 2

    # "all" is the development regression: it shows unseen-a and fresh-a but no blind
    # split, so that watching it while tuning does not leak them.
    wanted = {"all": ["cpp", "policy-dev", "policy-holdout", "unseen-a", "fresh-a", "dev2", "dev3", "dev4", "dev5",
                     "report"],
              "policy": ["policy-dev", "policy-holdout"],
              "blind": ["unseen-b", "fresh-b", "final"]}.get(args.dataset, [args.dataset])
    datasets = []
    for name in wanted:
        if name == "cpp":
            datasets.append(load_cpp(args.cpp_dir, args.limit))
        elif name == "final":
            datasets.append(load_policy(FINAL_TSV, name=name))
        elif name in DEV_SETS:
            datasets.append(load_policy(DEV_SETS[name], name=name))
        elif name.startswith(("unseen", "fresh")):
            path = UNSEEN_TSV if name.startswith("unseen") else FRESH_TSV
            datasets.append(load_policy(path, split=name.partition("-")[2] or "all", name=name))
        elif name.startswith("policy"):
            datasets.append(load_policy(split=name.partition("-")[2] or "all"))
        else:
            datasets.append(load_report(args.report))

    table: dict[str, dict[str, Score]] = {}
    for system in systems:
        table[system] = {}
        try:
            reader = READERS[system]()
        except Exception as exc:  # a benchmark reports a broken system instead of stopping
            for dataset in datasets:
                table[system][dataset.name] = Score(error=f"{type(exc).__name__}: {exc}")
            continue
        for dataset in datasets:
            try:
                table[system][dataset.name] = evaluate(reader, dataset)
            except Exception as exc:
                table[system][dataset.name] = Score(error=f"{type(exc).__name__}: {exc}")

    names = [d.name for d in datasets]
    counts = {d.name: len(d.items) for d in datasets}
    header = f"{'system':<16}" + "".join(f"{n + ' (' + str(counts[n]) + ')':>22}" for n in names)
    print("accuracy (%) of the reading of scored characters; count in brackets")
    print(header)
    print("-" * len(header))
    for system, row in table.items():
        cells = "".join(f"{row[n].cell():>22}" for n in names)
        print(f"{system:<16}{cells}")
    print()
    for system, row in table.items():
        for name in names:
            score = row[name]
            if score.error is not None:
                print(f"{system} on {name}: n/a ({score.error})")
            else:
                print(f"{system} on {name}: {score.correct}/{score.total} correct,"
                      f" {score.seconds:.1f} s")

    if args.errors is not None:
        results = {n: s for n, s in table.get(args.errors_system, {}).items()
                   if s.error is None}
        write_errors(args.errors, args.errors_system, results)
        print(f"\nmistakes of {args.errors_system} written to {args.errors}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
