"""The built-in glossary: valid, consistent with duben's readings, and complete for the sample report."""

from __future__ import annotations

import pytest

from duben.glossary import check_entries, default_glossary
from duben.pinyin import split_pinyin

#: Terms of the sample report a reader needs explained (issue 3 names these).
REPORT_TERMS = [
    "四水四定",
    "九通一平",
    "五篇大文章",
    "煤电铝气材",
    "一窗受理、全代办",
    "急难愁盼",
    "吃干榨尽",
    "先体检、后更新",
    "住有所居",
    "十五五",
    "二十届四中全会",
    "县委十七届十一次全会",
    "党工委",
    "管委会",
    "发改局",
    "专项债券",
    "超长期特别国债",
    "中央预算内资金",
    "链主企业",
    "营商环境",
    "电解铝",
    "碳达峰碳中和",
    "山水林田湖草沙",
    "有机旱作",
    "国家地理标志产品",
    "兴县",
    "吕梁",
    "晋绥",
    "中铝华润",
    "高、精、尖、特",
    "乡村振兴",
    "新时代文明实践中心",
    "绿水青山就是金山银山",
]


@pytest.fixture(scope="module")
def glossary():
    return default_glossary()


def test_entries_are_valid_and_consistent(glossary):
    problems = check_entries(glossary.values())
    assert not problems, "\n".join(map(str, problems[:20]))


def test_glossary_is_large_enough(glossary):
    assert len(glossary) >= 400


@pytest.mark.parametrize("term", REPORT_TERMS, ids=REPORT_TERMS)
def test_report_terms_are_matched(sample_doc, term):
    found = {m.text.replace("“", "").replace("”", "") for m in sample_doc.terms}
    assert term in found, f"{term} is not matched in the sample report"


def test_every_entry_matches_its_own_forms(glossary):
    missed = []
    for entry in glossary.values():
        for form in entry.forms:
            matches = glossary.match(form)
            if not matches or matches[0].id != entry.id or matches[0].text != form:
                missed.append((entry.id, form, [m.id for m in matches]))
    assert not missed, missed[:20]


def test_pinyin_agrees_with_duben_reading(glossary):
    """An entry's pinyin is what duben itself reads for the term, unless a note says why not."""
    from duben.glossary import Glossary
    from duben.pipeline import Annotator

    bare = Annotator(Glossary([]))
    differ = []
    for entry in glossary.values():
        if entry.pinyin_note:
            continue
        ours = [s for t in bare.annotate(entry.term).tokens for s in t.syllables if s]
        if ours != split_pinyin(entry.pinyin):
            differ.append(f"{entry.id}: glossary {entry.pinyin!r}, duben {' '.join(ours)}")
    assert not differ, f"{len(differ)} entries differ:\n" + "\n".join(differ)


def test_official_renderings_name_a_source(glossary):
    unsourced = [e.id for e in glossary.values() if e.official and not e.sources]
    assert not unsourced


def test_numbered_formulas_are_expanded(glossary):
    for term in ("四水四定", "五篇大文章", "九通一平", "煤电铝气材"):
        entry = glossary.lookup(term)
        assert entry is not None and entry.expansion, term


def test_every_entry_cites_a_source(glossary):
    unsourced = [e.id for e in glossary.values() if not e.sources]
    assert not unsourced, unsourced[:20]
