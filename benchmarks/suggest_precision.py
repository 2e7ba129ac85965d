"""Precision of `duben glossary suggest` on the sample report.

    .venv/bin/python benchmarks/suggest_precision.py

Runs candidate detection with an empty glossary (so that every term-like stretch of the
report is a candidate) and compares the distinct candidates with hand labels in
benchmarks/data/suggest_labels.tsv: precision = candidates worth a glossary entry /
all candidates. Unlabelled candidates are listed and count as misses until labelled.
Also reports what `duben glossary suggest` leaves with the built-in glossary.
"""

from __future__ import annotations

import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLE = HERE.parent / "data" / "reports" / "xingxian-plenum-2025.md"


def main() -> None:
    from duben.glossary import Glossary
    from duben.pipeline import Annotator

    text = SAMPLE.read_bytes().decode("utf-8")
    with open(HERE / "data" / "suggest_labels.tsv", encoding="utf-8", newline="") as file:
        labels = {row["candidate"]: row["worth_a_glossary_entry"] == "yes" for row in csv.DictReader(file, delimiter="\t")}
    bare = Annotator(Glossary([]), glosses=False).annotate(text)
    found = list(dict.fromkeys(c.text for c in bare.candidates))
    good = [c for c in found if labels.get(c)]
    unlabelled = [c for c in found if c not in labels]
    print(f"candidates (empty glossary): {len(found)} distinct, {len(bare.candidates)} occurrences")
    print(f"precision: {len(good)}/{len(found)} = {len(good) / len(found):.1%}")
    occurrences = sum(1 for c in bare.candidates if labels.get(c.text))
    print(f"precision by occurrence: {occurrences}/{len(bare.candidates)} = {occurrences / len(bare.candidates):.1%}")
    if unlabelled:
        print("unlabelled:", ", ".join(unlabelled))
    left = list(dict.fromkeys(c.text for c in Annotator(glosses=False).annotate(text).candidates))
    print(f"left by `duben glossary suggest` with the built-in glossary: {', '.join(left) or 'nothing'}")
    print("  of which worth an entry:", ", ".join(c for c in left if labels.get(c)) or "none")


if __name__ == "__main__":
    main()
