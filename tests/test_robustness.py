"""Trying to break duben: nasty text through the whole pipeline, bad files through the CLI.

Properties hold for every input: no exception, tokens tile the text, every Han character
has a citation syllable, the JSON validates, display forms keep the length, and the HTML
reader never lets input markup through.
"""

from __future__ import annotations

import functools
import io
import json
import os
import re
import unicodedata
from html.parser import HTMLParser

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import duben
from duben.cli import main
from duben.hanzi import is_han

SYLLABLE = re.compile(r"^[a-z]+[1-5]$")

# ---------------------------------------------------------------------------
# Strategies: pieces of nasty text, glued together.

#: Fragments a real report, a copy-paste accident or a hostile user may contain.
NASTY_FRAGMENTS = [
    "推进四水四定",
    "九通一平",
    "十五五2026",
    "十五五规划",
    "２０２６年ＡＢＣ",
    "二〇二五年",
    "興縣推進",
    "发展經濟",
    "👨\u200d👩\u200d👧\u200d👦",
    "🇨🇳",
    "👍🏽",
    "e\u0301",
    "中\u0301",
    "\U00020000\U0002a700\U0002b740\U0002b820\U0002ceb0\U00030000\U00031350",
    "\uf900\uf901\ufa0e\ufa10",
    "\x00",
    "\x07\x1b\x7f",
    "\r\n",
    "\r",
    "\n",
    "\u2028",
    "\u2029",
    "\u0085",
    "\x0b\x0c",
    "#",
    "#######",
    "# ",
    "## 标题",
    "\t",
    "\u3000",
    "。，、！？…“”《》",
    "<script>alert(1)</script>",
    "</ruby>",
    "<!--",
    "]]>",
    "\"'&amp;",
    "\u202e\u200b\ufeff",
    "葛\U000e0100",
    "一不",
    "了",
]

_han = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FFF)
_any_char = st.characters(blacklist_categories=("Cs",))  # lone surrogates are tested on their own

nasty_text = st.lists(
    st.one_of(st.sampled_from(NASTY_FRAGMENTS), st.text(_han, max_size=6), st.text(_any_char, max_size=4)),
    max_size=12,
).map("".join)

OPTIONS = [
    {},
    {"sandhi": True},
    {"script": "tw"},
    {"script": "hk", "glosses": False},
    {"script": "twp", "sandhi": True},
    {"script": "simplified", "glosses": False},
]
OPTION_IDS = ["default", "sandhi", "tw", "hk-noglosses", "twp-sandhi", "simplified-noglosses"]


# ---------------------------------------------------------------------------
# Checks shared by the properties.


class _Tags(HTMLParser):
    """Counts start tags and collects text that a browser would run as script."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.scripts: list[dict[str, str | None]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))


@functools.cache
def has_known_reading(char: str) -> bool:
    """Whether pypinyin has any reading for the character (or its compatibility form)."""
    from pypinyin import lazy_pinyin

    return bool(lazy_pinyin(unicodedata.normalize("NFKC", char), errors="ignore"))


def check_document(text: str, doc: duben.Document, validate) -> None:
    assert doc.text == text
    assert "".join(t.text for t in doc.tokens) == text
    position = 0
    for token in doc.tokens:
        assert token.start == position and text[token.start : token.end] == token.text
        position = token.end
        assert len(token.syllables) == len(token.text)
        for char, syllable in zip(token.text, token.syllables, strict=True):
            if is_han(char) and has_known_reading(char):
                assert syllable is not None and SYLLABLE.match(syllable), (token.text, char, syllable)
            elif is_han(char):
                # Rare characters (extension C and later) that no dictionary reads: null, not made up.
                assert syllable is None or SYLLABLE.match(syllable), (token.text, char, syllable)
            else:
                assert syllable is None, (token.text, char, syllable)
        if token.display is not None:
            assert len(token.display) == len(token.text)
        if token.spoken is not None:
            assert len(token.spoken) == len(token.text)
            for syllable, spoken in zip(token.syllables, token.spoken, strict=True):
                assert (syllable is None) == (spoken is None) and (spoken is None or SYLLABLE.match(spoken))
    assert position == len(text)
    previous_end = 0
    for block in doc.blocks:
        assert previous_end <= block.start < block.end <= len(text)
        assert not any(len(line) for line in text[block.start : block.end].splitlines()[1:]), block
        previous_end = block.end
    for term in doc.terms:
        assert text[term.start : term.end] == term.text and term.id in doc.glossary
    for candidate in doc.candidates:
        assert text[candidate.start : candidate.end] == candidate.text
    data = json.loads(duben.to_json(doc))
    validate(data)
    assert data["text"] == text


def check_html(doc: duben.Document) -> str:
    page = duben.to_html(doc)
    page.encode("utf-8")  # a page that cannot be written out is no page
    parser = _Tags()
    parser.feed(page)
    parser.close()
    # The reader's own code and the JSON data block; nothing from the input.
    assert len(parser.scripts) == 2, parser.scripts
    assert sum(1 for s in parser.scripts if s.get("type") == "application/json") == 1
    assert len(re.findall(r"<script\b", page, re.IGNORECASE)) == 2
    assert len(re.findall(r"</script", page, re.IGNORECASE)) == 2
    return page


# ---------------------------------------------------------------------------
# The pipeline on nasty text.


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
@settings(derandomize=True, deadline=None, max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=nasty_text)
def test_nasty_text_keeps_every_promise(options, text, validate):
    doc = duben.annotate(text, **options)
    check_document(text, doc, validate)
    check_html(doc)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "#",
        "#######",
        "# ",
        "#\n#\n",
        "####### 七级",
        "。，、！？",
        "\r\n\r\n",
        "十五五2026十五五",
        "中\x00国",
        "\u2028\u0085\u2029",
        "\U0002f800\U0002f801",  # CJK compatibility ideographs supplement
        "\U0002ebf0",  # CJK extension I
        "⿰氵工",
    ],
    ids=lambda text: repr(text)[:24],
)
@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
def test_edge_cases(text, options, validate):
    doc = duben.annotate(text, **options)
    check_document(text, doc, validate)
    check_html(doc)


def test_very_long_line(validate):
    text = "兴县推进四水四定，落实九通一平，做好五篇大文章👍🏽。" * 400
    doc = duben.annotate(text, glosses=False)
    check_document(text, doc, validate)


@pytest.mark.parametrize("separator", ["\r\n", "\r", "\u2028", "\u2029", "\u0085", "\x0b", "\x0c"], ids=repr)
def test_line_separators_do_not_merge_headings(separator):
    text = f"# 标题{separator}正文。"
    doc = duben.annotate(text)
    headings = [text[b.start : b.end] for b in doc.blocks if b.kind == "heading"]
    assert headings == ["标题"]
    for block in doc.blocks:
        assert "\r" not in text[block.start : block.end] and "\n" not in text[block.start : block.end]


@pytest.mark.parametrize("char", ["\U00020000", "\U00031350", "\uf900", "\ufa10", "〇"], ids=ascii)
def test_rare_han_characters_get_a_reading(char):
    (token,) = duben.annotate(char).tokens
    assert token.syllables[0] is not None and SYLLABLE.match(token.syllables[0])


@pytest.mark.parametrize("char", ["\U0002a60b", "\U0002a700", "\U0002ebf0"], ids=ascii)
def test_han_characters_without_any_reading_are_null_not_garbage(char):
    # pypinyin hands back an unknown character with a tone digit added ("𪘋5"): no syllable.
    (token,) = duben.annotate(char).tokens
    assert token.syllables == (None,)


@pytest.mark.parametrize("char", ["\U0002f800", "\U0002fa1d"], ids=ascii)
def test_compatibility_supplement_is_han(char):
    assert is_han(char)


def test_glossary_term_glued_to_digits_is_found():
    doc = duben.annotate("十五五2026年")
    assert "shi-wu-wu" in {m.id for m in doc.terms} or any(m.text == "十五五" for m in doc.terms)


def test_lone_surrogate_is_a_clear_error():
    # A lone surrogate cannot be written as UTF-8, so no export could keep it: refuse it
    # up front, naming where it is, rather than drop or replace it.
    with pytest.raises(duben.InputError, match=r"surrogate U\+D800 at offset 1"):
        duben.annotate("中\ud800国")


HOSTILE = "# <script>alert(1)</script>\n\"引号\" '单' </ruby> <!-- 注释 ]]> &lt; 推进四水四定</script><script>x</script>"


@pytest.mark.parametrize("options", OPTIONS, ids=OPTION_IDS)
def test_html_escapes_hostile_input(options):
    doc = duben.annotate(HOSTILE, **options)
    page = check_html(doc)
    for raw in ("<script>alert(1)", "</ruby> <!--", "<!-- 注释", "</script><script>x"):
        assert raw not in page
    # The input's words are still there, escaped.
    assert "&lt;script&gt;" in page or "\\u003cscript\\u003e" in page


@pytest.mark.parametrize(
    "options", [{}, {"fragment": True}, {"title": "</title><script>alert(1)</script>"}], ids=["page", "fragment", "title"]
)
def test_html_title_and_fragment_escape(options):
    page = duben.to_html(duben.annotate(HOSTILE), **options)
    assert len(re.findall(r"<script\b", page, re.IGNORECASE)) == 2
    assert "<script>alert(1)" not in page


# ---------------------------------------------------------------------------
# The command line on bad files: exit 1, one line on stderr naming the file.


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def assert_one_line_error(code: int, stderr: str, *needles: str) -> None:
    assert code == 1, stderr
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1 and stderr.startswith("duben: "), stderr
    for needle in needles:
        assert needle in stderr, (needle, stderr)


@pytest.fixture
def chinese_file(tmp_path):
    path = tmp_path / "in.txt"
    path.write_text("兴县推进四水四定。\n", encoding="utf-8")
    return path


def test_output_in_missing_directory(tmp_path, chinese_file):
    out = tmp_path / "nowhere" / "out.json"
    code, _, stderr = run("annotate", str(chinese_file), "-o", str(out))
    assert_one_line_error(code, stderr, str(out))


def test_output_is_a_directory(tmp_path, chinese_file):
    code, _, stderr = run("annotate", str(chinese_file), "-o", str(tmp_path), "--format", "json")
    assert_one_line_error(code, stderr, str(tmp_path))


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions that bind")
def test_output_unwritable(tmp_path, chinese_file):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        out = locked / "out.html"
        code, _, stderr = run("annotate", str(chinese_file), "-o", str(out))
        assert_one_line_error(code, stderr, str(out))
    finally:
        locked.chmod(0o700)


def test_output_under_a_file(tmp_path, chinese_file):
    out = chinese_file / "out.json"
    code, _, stderr = run("annotate", str(chinese_file), "-o", str(out))
    assert_one_line_error(code, stderr, str(out))


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
def test_output_device_full(chinese_file):
    # Unwritable even for root: every write fails with "No space left on device".
    code, _, stderr = run("annotate", str(chinese_file), "-o", "/dev/full", "--format", "json")
    assert_one_line_error(code, stderr, "/dev/full")


def test_empty_input_file(tmp_path, validate):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, stdout, stderr = run("annotate", str(empty))
    assert code == 0, stderr
    data = json.loads(stdout)
    validate(data)
    assert data["text"] == "" and data["tokens"] == []


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_input_fifo_is_read(tmp_path):
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)

    def feed() -> None:
        with open(fifo, "wb") as writer:
            writer.write("推进四水四定".encode())

    feeder = threading.Thread(target=feed)
    feeder.start()
    code, stdout, stderr = run("annotate", str(fifo), "--no-glosses")
    feeder.join(timeout=10)
    assert code == 0, stderr
    assert json.loads(stdout)["text"] == "推进四水四定"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "utf-16", "big5"])
def test_encoding_that_does_not_fit(tmp_path, encoding):
    path = tmp_path / "in.txt"
    # An odd number of bytes, so that UTF-16 cannot read it either.
    path.write_text("兴县推进四水四定，落实十五五规划。\n\n", encoding="utf-8")
    assert path.stat().st_size % 2
    code, stdout, stderr = run("annotate", str(path), "--encoding", encoding)
    if code == 0:
        # latin-1 decodes any bytes: the result is mojibake but nothing is lost.
        assert encoding == "latin-1"
        return
    assert_one_line_error(code, stderr, str(path))


def test_unknown_encoding(chinese_file):
    code, _, stderr = run("annotate", str(chinese_file), "--encoding", "klingon")
    assert_one_line_error(code, stderr, str(chinese_file), "klingon")


GLOSSARY_FILES = {
    "toml-syntax": ("g.toml", b'[x-y]\nterm = "\xe4\xb8\x80\xe4\xba\x8c"\npinyin = "y\xc4\xab \xc3\xa8r\ngloss = "a"\n', ":3"),
    "toml-not-a-table": ("g.toml", b'term = "x"\n', ""),
    "csv-empty-pinyin": ("g.csv", "id,term,pinyin,gloss\nyi-er,一二,,one two\n".encode(), ":2"),
    "csv-short-row": ("g.csv", "id,term,pinyin,gloss\nyi-er,一二\n".encode(), ":2"),
    "csv-long-row": ("g.csv", "id,term,pinyin,gloss\nyi-er,一二,yī èr,one two,extra,more\n".encode(), ":2"),
    "csv-unquoted-comma": ("g.csv", "id,term,pinyin,gloss\nyi,一,yī,one\nyi-er,一二,yī èr,one, two\n".encode(), ":3"),
    "csv-no-header": ("g.csv", b"", ""),
    "csv-stray-quote": ("g.csv", 'id,term,pinyin,gloss\nliang-hui,两会,liǎnghuì,"Two Sessions" meetings\n'.encode(), ":2"),
    "tsv-stray-quote": ("g.tsv", 'id\tterm\tpinyin\tgloss\nliang-hui\t两会\tliǎnghuì\t"Two Sessions" meetings\n'.encode(), ":2"),
    "csv-unclosed-quote": (
        "g.csv",
        'id,term,pinyin,gloss\nyi,一,yī,one\nyi-er,一二,yī èr,"one two\ner,二,èr,two\n'.encode(),
        ":3",
    ),
    "tsv-empty-term": ("g.tsv", "id\tterm\tpinyin\tgloss\nyi-er\t\tyī èr\tone two\n".encode(), ":2"),
    "binary": ("g.toml", b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\xff\xfe", ""),
    "binary-csv": ("g.csv", b"\x00\x01\x02\x03id,term\n", ""),
    "utf16": ("g.toml", '[yi]\nterm = "一"\npinyin = "yī"\ngloss = "one"\n'.encode("utf-16"), ""),
    "bad-suffix": ("g.json", b"{}", ""),
}


@pytest.mark.parametrize("name", list(GLOSSARY_FILES), ids=list(GLOSSARY_FILES))
@pytest.mark.parametrize("command", ["annotate", "check"])
def test_bad_glossary_file(tmp_path, chinese_file, name, command):
    filename, content, where = GLOSSARY_FILES[name]
    path = tmp_path / filename
    path.write_bytes(content)
    if command == "annotate":
        code, stdout, stderr = run("annotate", str(chinese_file), "--glossary", str(path))
        assert stdout == ""
    else:
        code, stdout, stderr = run("glossary", "check", str(path))
    assert_one_line_error(code, stderr, f"{path}{where}")


def test_missing_glossary_file(tmp_path, chinese_file):
    path = tmp_path / "none.toml"
    code, _, stderr = run("annotate", str(chinese_file), "--glossary", str(path))
    assert_one_line_error(code, stderr, str(path))


def test_missing_cedict_file(tmp_path, chinese_file):
    path = tmp_path / "cedict_ts.u8"
    code, _, stderr = run("annotate", str(chinese_file), "--cedict", str(path))
    assert_one_line_error(code, stderr, str(path))


def test_binary_cedict_file(tmp_path, chinese_file):
    path = tmp_path / "cedict_ts.u8"
    path.write_bytes(b"\xff\xfe\x00\x01garbage\x80\x81")
    code, _, stderr = run("annotate", str(chinese_file), "--cedict", str(path))
    assert_one_line_error(code, stderr, str(path))


@pytest.mark.parametrize("encoding", ["base64", "rot13", "zlib", "undefined"])
def test_encoding_that_is_not_a_text_encoding(chinese_file, encoding):
    code, _, stderr = run("annotate", str(chinese_file), "--encoding", encoding)
    assert_one_line_error(code, stderr, str(chinese_file), encoding)


@pytest.mark.parametrize("spelling", ["same", "dot-slash", "symlink"])
def test_output_over_the_input_is_refused(tmp_path, chinese_file, spelling):
    before = chinese_file.read_bytes()
    source = str(chinese_file)
    if spelling == "dot-slash":
        source = os.path.join(str(tmp_path), ".", chinese_file.name)
    elif spelling == "symlink":
        link = tmp_path / "link.txt"
        link.symlink_to(chinese_file)
        source = str(link)
    code, _, stderr = run("annotate", source, "-o", str(chinese_file), "--format", "json")
    assert_one_line_error(code, stderr, str(chinese_file))
    assert chinese_file.read_bytes() == before


@pytest.mark.parametrize("encoding", ["ascii", "gbk", "cp1252"])
def test_stdout_in_another_code_page_still_gets_utf8(chinese_file, encoding):
    raw = io.BytesIO()
    stdout = io.TextIOWrapper(raw, encoding=encoding)
    code = main(["annotate", str(chinese_file), "--format", "html"], stdout=stdout, stderr=io.StringIO())
    stdout.flush()
    assert code == 0
    page = raw.getvalue().decode("utf-8")
    assert 'charset="utf-8"' in page.lower() or "charset=utf-8" in page.lower()
    assert "兴县" in page


def test_quoted_cells_still_read(tmp_path):
    from duben.glossary import load_glossary

    path = tmp_path / "g.csv"
    path.write_text('id,term,pinyin,gloss\nyi-er,一二,yī èr,"one, two ""quoted"""\nliang,两,liǎng,say "two"\n', encoding="utf-8")
    assert [e.gloss for e in load_glossary(path)] == ['one, two "quoted"', 'say "two"']


@pytest.mark.parametrize("damage", ["cut-short", "stray-byte", "gbk-punctuation"])
def test_damaged_utf8_is_an_error_not_mojibake(tmp_path, damage):
    text = "# 兴县\n\n推进四水四定，落实十五五规划。\n做好五篇大文章。\n"
    data = text.encode("utf-8")
    if damage == "cut-short":
        data, line = data[:-2], 4
    elif damage == "stray-byte":
        data, line = data.replace("落实".encode(), b"\x80" + "落实".encode()), 3
    else:  # one full stop pasted from a GBK file
        data, line = data.replace("。".encode(), "。".encode("gbk"), 1), 3
    path = tmp_path / "in.txt"
    path.write_bytes(data)
    code, stdout, stderr = run("annotate", str(path))
    assert_one_line_error(code, stderr, f"{path}:{line}", "not UTF-8")
    assert stdout == ""


@pytest.mark.parametrize("encoding", ["gb18030", "big5"])
def test_legacy_encodings_still_detected(tmp_path, encoding):
    text = "兴县推进四水四定，落实十五五规划。做好五篇大文章。\n"
    if encoding == "big5":
        text = "興縣推進四水四定，落實十五五規劃。做好五篇大文章。\n"
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode(encoding))
    code, stdout, stderr = run("annotate", str(path), "--no-glosses")
    assert code == 0, stderr
    assert json.loads(stdout)["text"] == text


@pytest.mark.parametrize("char", ["俓", "壣", "嚛", "檵"])
@pytest.mark.parametrize("options", [{}, {"script": "hk", "glosses": False}], ids=["default", "hk"])
def test_rare_traditional_character_keeps_its_reading(char, options):
    # OpenCC simplifies these to extension B forms that no dictionary reads (俓 → 𠇹).
    doc = duben.annotate(f"{char}字", **options)
    assert all(s is not None and SYLLABLE.match(s) for t in doc.tokens for s in t.syllables), doc.tokens


@pytest.mark.parametrize(
    "argv",
    [
        ["annotate", ""],
        ["annotate", "IN", "-o", ""],
        ["annotate", "IN", "--glossary", ""],
        ["annotate", "IN", "--cedict", ""],
        ["glossary", "check", ""],
        ["glossary", "suggest", ""],
    ],
    ids=["input", "output", "glossary", "cedict", "check", "suggest"],
)
def test_empty_file_name_is_bad_usage(chinese_file, argv):
    # An empty name would be read as the current directory, and messages would name nothing.
    code, _, stderr = run(*[str(chinese_file) if arg == "IN" else arg for arg in argv])
    assert code == 2
    assert "empty file name" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize(
    ("encoding", "named"),
    [("utf-16", None), ("utf-32", None), ("utf-16", "utf-16"), ("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")],
    ids=["utf16-bom", "utf32-bom", "utf16-named", "utf16le-named", "utf16be-named"],
)
def test_utf16_and_utf32_are_read(tmp_path, encoding, named):
    # Their ASCII characters carry NUL bytes: no reason to call the file binary.
    text = "# 兴县\n推进四水四定。\n"
    path = tmp_path / "in.txt"
    path.write_bytes(text.encode(encoding))
    code, stdout, stderr = run("annotate", str(path), "--no-glosses", *(["--encoding", named] if named else []))
    assert code == 0, stderr
    assert json.loads(stdout)["text"] == text


def test_binary_file_with_a_named_encoding_is_still_binary(tmp_path):
    path = tmp_path / "a.out"
    path.write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x02\x00>\x00")
    code, _, stderr = run("annotate", str(path), "--encoding", "latin-1")
    assert_one_line_error(code, stderr, str(path), "binary data")


@pytest.mark.parametrize(
    ("text", "word", "pinyin"),
    [("葛\U000e0100城", "葛\U000e0100", "gě"), ("中\u0301国", "中\u0301", "zhōng"), ("发展\ufe00经济", "发展\ufe00", "fāzhǎn")],
    ids=["ideographic-variation", "combining-acute", "variation-selector"],
)
def test_marks_stay_with_their_character(text, word, pinyin):
    # A variation selector cut off its character would show on nothing in the reader's ruby.
    doc = duben.annotate(text)
    token = doc.tokens[0]
    assert (token.text, token.pinyin) == (word, pinyin)
    assert f">{word}<rp>" in duben.to_html(doc)
