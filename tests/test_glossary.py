"""Glossary loading, validation and matching."""

from __future__ import annotations

import pytest

import duben
from duben.errors import GlossaryError
from duben.glossary import Glossary, check_entries, default_glossary, load_glossary, parse_glossary


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "推进碳达峰碳中和工作",
            [("碳达峰碳中和", "tan-da-feng-tan-zhong-he", None), ("碳达峰", "tan-da-feng", "tan-da-feng-tan-zhong-he")],
        ),
        ("实现碳达峰", [("碳达峰", "tan-da-feng", None)]),
        ("实现“双碳”目标", [("双碳", "tan-da-feng-tan-zhong-he", None)]),
        (
            "推進碳達峰碳中和",
            [("碳達峰碳中和", "tan-da-feng-tan-zhong-he", None), ("碳達峰", "tan-da-feng", "tan-da-feng-tan-zhong-he")],
        ),
        (
            "推进碳达峰、碳中和工作",
            [("碳达峰、碳中和", "tan-da-feng-tan-zhong-he", None), ("碳达峰", "tan-da-feng", "tan-da-feng-tan-zhong-he")],
        ),
        ("吸引“高、精、尖、特”企业", [("高、精、尖、特", "gao-jing-jian-te", None)]),
        ("吸引高精尖特企业", [("高精尖特", "gao-jing-jian-te", None)]),
        ("深化“一窗受理、全代办”服务", [("一窗受理、全代办", "yi-chuang-shou-li-quan-dai-ban", None)]),
        ("加强生产、供应和销售", []),
        ("产供销", [("产供", "chan-ye", None)]),
    ],
    ids=[
        "nested",
        "short",
        "alias-in-quotes",
        "traditional",
        "enumeration",
        "quoted-enumeration",
        "enumeration-without-commas",
        "term-with-comma",
        "no-match-across-words",
        "plain",
    ],
)
def test_matching(mini_glossary, text, expected):
    found = [(m.text, m.id, m.parent) for m in mini_glossary.match(text)]
    assert found == expected
    for match in mini_glossary.match(text):
        assert text[match.start : match.end] == match.text


def test_longest_match_wins_and_tokens_stay_whole(mini_glossary):
    doc = duben.annotate("推进碳达峰碳中和工作", glossary=mini_glossary)
    assert [t.text for t in doc.tokens] == ["推进", "碳达峰碳中和", "工作"]
    token = doc.tokens[1]
    assert token.term == "tan-da-feng-tan-zhong-he"
    assert token.pinyin == "tàndáfēng tànzhōnghé"
    assert token.syllables == ("tan4", "da2", "feng1", "tan4", "zhong1", "he2")
    assert token.glosses == ("carbon peaking and carbon neutrality",)


def test_term_with_comma_splits_into_tokens_on_its_boundaries(mini_glossary):
    doc = duben.annotate("深化“一窗受理、全代办”服务", glossary=mini_glossary)
    inside = [(t.text, t.term) for t in doc.tokens if t.term]
    assert inside == [
        ("一窗受理", "yi-chuang-shou-li-quan-dai-ban"),
        ("、", "yi-chuang-shou-li-quan-dai-ban"),
        ("全代办", "yi-chuang-shou-li-quan-dai-ban"),
    ]
    assert doc.tokens[2].syllables == ("yi1", "chuang1", "shou4", "li3")


def test_user_entries_override_and_extend(tmp_path, mini_glossary):
    user = tmp_path / "user.tsv"
    user.write_text(
        "id\tterm\tpinyin\tgloss\n"
        "tan-da-feng\t碳达峰\ttàndáfēng\tpeak carbon (ours)\n"
        "\t营商环境\tyíngshāng huánjìng\tbusiness environment\n",
        encoding="utf-8",
    )
    extended = mini_glossary.extended(user)
    assert extended["tan-da-feng"].gloss == "peak carbon (ours)"
    assert extended["ying-shang-huan-jing"].term == "营商环境"
    assert mini_glossary["tan-da-feng"].gloss == "carbon peaking"  # the original is untouched
    doc = duben.annotate("优化营商环境", glossary=extended)
    assert [m.id for m in doc.terms] == ["ying-shang-huan-jing"]


def test_annotate_accepts_a_path(tmp_path):
    user = tmp_path / "user.csv"
    user.write_text("term,pinyin,gloss\n磅礴力量,pángbó lìliàng,mighty force\n", encoding="utf-8")
    doc = duben.annotate("凝聚磅礴力量", glossary=user)
    assert doc.glossary["pang-bo-li-liang"].gloss == "mighty force"
    assert "pang-bo-li-liang" not in default_glossary()


@pytest.mark.parametrize(
    "source, line, field, message",
    [
        ('[a]\nterm = "一"\npinyin = "yī"\n', 1, "gloss", "missing gloss"),
        ('[a]\nterm = "一二"\npinyin = "yī"\ngloss = "x"\n', 3, "pinyin", "1 syllables for 2 Han characters"),
        ('[a]\nterm = "一"\npinyin = "qqq"\ngloss = "x"\n', 3, "pinyin", "not a sequence of pinyin syllables"),
        ('[A_b]\nterm = "一"\npinyin = "yī"\ngloss = "x"\n', 1, "id", "lowercase ASCII"),
        ('[a]\nterm = "一"\npinyin = "yī"\ngloss = "x"\ncolour = "red"\n', 5, "colour", "unknown field"),
        ('[a]\nterm = "一"\npinyin = "yī"\ngloss = "x"\ncategory = "food"\n', 5, "category", "unknown category"),
        ('[a]\nterm = "一"\npinyin = "yī"\ngloss = "x"\n[a]\n', 5, None, "not valid TOML"),
    ],
    ids=["missing-gloss", "syllable-count", "bad-pinyin", "bad-id", "unknown-field", "bad-category", "duplicate-id"],
)
def test_validation_names_file_line_and_field(source, line, field, message):
    with pytest.raises(GlossaryError, match=message) as caught:
        parse_glossary(source, "g.toml")
    assert caught.value.path == "g.toml"
    assert caught.value.line == line
    assert caught.value.field == field


def test_cross_entry_checks():
    entries = parse_glossary(
        '[a]\nterm = "一"\npinyin = "yī"\ngloss = "x"\nrelated = ["zz"]\n\n'
        '[b]\naliases = ["一"]\nterm = "二"\npinyin = "èr"\ngloss = "y"\n',
        "g.toml",
    )
    problems = [str(p) for p in check_entries(entries)]
    assert any("unknown related id 'zz'" in p and "g.toml:1" in p for p in problems)
    assert any("form '一' is also claimed by 'a'" in p and "g.toml:7" in p for p in problems)


def test_csv_duplicate_id_is_reported(tmp_path):
    path = tmp_path / "g.csv"
    path.write_text("id,term,pinyin,gloss\nx,一,yī,one\nx,二,èr,two\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="duplicate id 'x'") as caught:
        load_glossary(path)
    assert caught.value.line == 3


def test_builtin_glossary_is_valid():
    glossary = default_glossary()
    assert len(glossary) > 0
    assert check_entries(glossary.values()) == []


def test_glossary_is_read_only(mini_glossary):
    assert isinstance(mini_glossary, Glossary)
    with pytest.raises(TypeError):
        mini_glossary["x"] = None  # type: ignore[index]


def test_a_match_never_runs_across_a_closing_quote():
    glossary = Glossary(
        parse_glossary('[m]\nterm = "煤电铝"\naliases = ["煤电铝一体化"]\npinyin = "méi diàn lǚ"\ngloss = "x"\n', "g.toml")
    )
    assert [(m.text, m.parent) for m in glossary.match("构建“煤电铝”一体化格局")] == [("煤电铝", None)]
    assert [(m.text, m.parent) for m in glossary.match("构建煤电铝一体化格局")] == [("煤电铝一体化", None)]
