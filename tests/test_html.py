"""The HTML reader page, read as markup (the browser tests in tests/browser/ load it)."""

from __future__ import annotations

import dataclasses
import json
import re
from html.parser import HTMLParser
from importlib import resources

import pytest

import duben
from duben.export.html import BACKGROUND, TONE_PRESETS, tone_segments
from duben.model import Block, Document, Expansion, GlossaryEntry, Token

HOSTILE_TITLE = "标题<script>alert(1)</script>"
HOSTILE_BODY = '发展"</ruby>测试词&amp;<!--'
HOSTILE_GLOSS = 'test </script><!--<script>alert(3)</script> "quoted" & co'


class Page(HTMLParser):
    """Start tags with their attributes, text, and the raw contents of <script> blocks."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script = dict(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._script = None

    def handle_data(self, data):
        if self._script is not None:
            self.scripts.append((self._script, data))
        else:
            self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [a for t, a in self.tags if t == tag and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]

    def data(self) -> dict:
        (raw,) = [body for attrs, body in self.scripts if attrs.get("type") == "application/json"]
        return json.loads(raw)


@pytest.fixture(scope="module")
def hostile_doc() -> Document:
    entry = GlossaryEntry(
        id="ce-shi-ci",
        term="测试词",
        pinyin="cèshìcí",
        gloss=HOSTILE_GLOSS,
        literal="<b>literally</b>",
        explanation='</ruby>"&<!--',
        expansion=(Expansion("一", "yī", "<i>one</i>"),),
    )
    return duben.annotate(f"# {HOSTILE_TITLE}\n\n{HOSTILE_BODY}\n", glossary=[entry])


@pytest.fixture(scope="module")
def sample_page(sample_doc) -> str:
    return duben.to_html(sample_doc)


# --- safety ---------------------------------------------------------------------------


def test_hostile_text_is_escaped_everywhere(hostile_doc):
    html = duben.to_html(hostile_doc)
    page = Page(html)
    # Only the page's own two scripts: the JSON data block and the reader.
    assert len(page.find("script")) == 2
    # Markup inside glossary text (<b>, <i>) stays text; the page uses no <b> of its own.
    assert not page.find("b") and not page.find("img")
    assert "&lt;b&gt;literally&lt;/b&gt;" in html
    assert "<script>alert" not in html and "</ruby>测" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    # The body's text comes back exactly when the markup is parsed.
    text = "".join(page.text)
    assert HOSTILE_TITLE in text and '"</ruby>' in text and "&amp;<!--" in text
    # The title element is escaped too.
    assert f"<title>{HOSTILE_TITLE.replace('<', '&lt;').replace('>', '&gt;')}</title>" in html


def test_inline_json_cannot_end_its_script_block(hostile_doc):
    html = duben.to_html(hostile_doc)
    page = Page(html)
    (raw,) = [body for attrs, body in page.scripts if attrs.get("type") == "application/json"]
    assert "</" not in raw and "<!--" not in raw and "<" not in raw
    data = json.loads(raw)
    assert data["glossary"]["ce-shi-ci"]["gloss"] == HOSTILE_GLOSS
    assert data["glossary"]["ce-shi-ci"]["explanation"] == '</ruby>"&<!--'


def test_attributes_are_escaped():
    text = "发展"
    evil = 'x" onmouseover="alert(1)'
    entry = GlossaryEntry(id=evil, term="发展", pinyin="fāzhǎn", gloss="development")
    token = Token(0, 2, text, ("fa1", "zhan3"), pinyin="fāzhǎn", term=evil)
    doc = Document(text=text, blocks=(Block("paragraph", 0, 2),), tokens=(token,), glossary={evil: entry})
    html = duben.to_html(doc, title='a "title" <b>')
    page = Page(html)
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    (span,) = page.find("span", class_="term")
    assert span["data-t"] == evil
    assert "<title>a &quot;title&quot; &lt;b&gt;</title>" in html


# --- structure ------------------------------------------------------------------------


def test_page_is_self_contained(sample_page):
    page = Page(sample_page)
    assert sample_page.startswith("<!DOCTYPE html>")
    assert not re.search(r"""(src|href|action)=["']?(https?:)?//""", sample_page)
    assert not page.find("link") and not page.find("img") and not page.find("iframe")
    (csp,) = page.find("meta", **{"http-equiv": "Content-Security-Policy"})
    assert "default-src 'none'" in csp["content"]
    # No script per word: one data block and one reader script, no inline handlers.
    assert len(page.find("script")) == 2
    assert not any(name.startswith("on") for _, attrs in page.tags for name in attrs)
    assert len(sample_page) < 1_500_000


def test_languages_are_marked(sample_page):
    page = Page(sample_page)
    assert page.find("html", lang="zh-Hans")
    assert page.find("main", lang="zh-Hans")
    assert page.find("form", lang="en")
    rts = page.find("rt")
    assert rts and all(rt.get("lang") == "zh-Latn-pinyin" for rt in rts)


def test_words_are_ruby_with_fallback_brackets(sample_doc, sample_page):
    page = Page(sample_page)
    words = [t for t in sample_doc.tokens if t.is_han and t.pinyin]
    rubies = page.find("ruby")
    assert len(rubies) == len(words) == len(page.find("rt")) == len(page.find("rp")) // 2
    assert all(r.get("class") == "w" and r.get("tabindex") in ("0", "-1") for r in rubies)
    # The first word of each block is a tab stop.
    assert sum(1 for r in rubies if r["tabindex"] == "0") == sum(
        1 for b in sample_doc.blocks if any(t.is_han for t in sample_doc.tokens_in(b.start, b.end))
    )


def test_document_structure_is_kept(sample_doc, sample_page):
    page = Page(sample_page)
    headings = [b for b in sample_doc.blocks if b.kind == "heading"]
    for level in range(1, 7):
        assert len(page.find(f"h{level}")) >= sum(1 for b in headings if b.level == level)
    assert len(page.find("p", class_="caption")) == sum(1 for b in sample_doc.blocks if b.kind == "caption")
    # A table of contents (the report is long) and a glossary appendix with every entry.
    assert page.find("nav", class_="dr-toc")
    for entry_id in sample_doc.glossary:
        assert page.find("dt", id=f"g-{entry_id}")


def test_short_document_has_no_table_of_contents():
    assert 'class="dr-toc"' not in duben.to_html(duben.annotate("# 标题\n\n推进四水四定。\n"))


def test_controls_are_labelled_and_shown_only_when_useful(sample_page):
    page = Page(sample_page)
    assert page.find("input", role="switch", name="pinyin")
    assert page.find("select", name="tones")
    assert page.find("button", name="copy")
    # The sample has no spoken tones or second script: no controls for them.
    assert not page.find("input", name="sandhi") and not page.find("select", name="script")
    # Every control sits inside its <label> (or is a button with text).
    assert re.search(r"<label[^>]*><input [^>]*name=\"pinyin\"[^>]*> Show pinyin</label>", sample_page)


def test_sandhi_and_script_controls_appear_with_their_data():
    doc = duben.annotate("我们一起推进发展。")
    tokens = []
    for token in doc.tokens:
        if token.text == "一起":
            token = dataclasses.replace(token, spoken=("yi4", "qi3"))
        if token.text == "推进":
            token = dataclasses.replace(token, display="推進")
        tokens.append(token)
    doc = dataclasses.replace(doc, tokens=tuple(tokens), sandhi=True, script="tw")
    html = duben.to_html(doc)
    page = Page(html)
    assert page.find("input", name="sandhi") and page.find("select", name="script")
    assert '<span class="pc"><span class="t1">yī</span><span class="t3">qǐ</span></span>' in html
    assert '<span class="ps"><span class="t4">yì</span><span class="t3">qǐ</span></span>' in html
    assert '<span class="st">推进</span><span class="sd" lang="zh-Hant-TW">推進</span>' in html
    assert '<option value="display">Traditional (Taiwan)</option>' in html


def test_hsk_filter_is_offered_only_with_levels():
    doc = duben.annotate("推进发展。")
    bare = dataclasses.replace(doc, tokens=tuple(dataclasses.replace(t, hsk2=None, hsk3=None) for t in doc.tokens))
    assert 'name="hsk"' not in duben.to_html(bare)
    levelled = dataclasses.replace(doc, tokens=tuple(dataclasses.replace(t, hsk3=2) if t.is_han else t for t in doc.tokens))
    html = duben.to_html(levelled)
    assert 'name="hsk"' in html and 'data-h="2"' in html


def test_card_data_is_shared_between_repeated_words(sample_doc, sample_page):
    data = Page(sample_page).data()
    glossed = {(tuple(t.glosses), t.hsk3, t.hsk2, t.frequency_rank) for t in sample_doc.tokens if t.glosses}
    assert len(data["words"]) <= len(glossed) + sum(1 for t in sample_doc.tokens if t.hsk3 and not t.glosses)
    entry = sample_doc.glossary["si-shui-si-ding"]
    card = data["glossary"]["si-shui-si-ding"]
    assert card["gloss"] == entry.gloss and card["href"] == "#g-si-shui-si-ding"
    assert [x[0] for x in card["expansion"]] == [x.text for x in entry.expansion]


def test_glossary_appendix_lists_where_terms_occur(sample_page):
    section = sample_page[sample_page.index('id="g-si-shui-si-ding"') :]
    section = section[: section.index("</dd>")]
    assert 'href="#o-si-shui-si-ding-1"' in section
    assert 'id="o-si-shui-si-ding-1"' in sample_page


@pytest.mark.parametrize(
    ("pinyin", "syllables", "expected"),
    [
        ("fāzhǎn", ["fa1", "zhan3"], [("fā", 1), ("zhǎn", 3)]),
        ("Xīng Xiàn", ["xing1", "xian4"], [("Xīng", 1), (" ", None), ("Xiàn", 4)]),
        ("sìshuǐ-sìdìng", ["si4", "shui3", "si4", "ding4"], [("sì", 4), ("shuǐ", 3), ("-", None), ("sì", 4), ("dìng", 4)]),
        ("Xī'ān", ["xi1", "an1"], [("Xī", 1), ("'", None), ("ān", 1)]),
        ("lǜsè", ["lv4", "se4"], [("lǜ", 4), ("sè", 4)]),
        ("5G wǎngluò", [None, None, "wang3", "luo4"], [("5G ", None), ("wǎng", 3), ("luò", 4)]),
        ("de", ["de5"], [("de", 5)]),
        # Display pinyin written from other readings stays whole and uncoloured.
        ("háng", ["xing2"], [("háng", None)]),
    ],
    ids=["word", "place", "formula", "apostrophe", "umlaut", "mixed", "neutral", "mismatch"],
)
def test_tone_segments(pinyin, syllables, expected):
    assert tone_segments(pinyin, syllables) == expected
    assert "".join(text for text, _ in tone_segments(pinyin, syllables)) == pinyin


# --- colours and print ----------------------------------------------------------------


def _luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _css_variables() -> dict[str, str]:
    css = (resources.files("duben.export") / "reader.css").read_text(encoding="utf-8")
    return dict(re.findall(r"--([a-z-]+):(#[0-9a-f]{6})", css))


def test_contrast_helper():
    assert contrast("#000000", "#ffffff") == pytest.approx(21)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


@pytest.mark.parametrize("preset", list(TONE_PRESETS))
def test_tone_colours_pass_wcag_aa_in_every_preset(preset):
    variables = _css_variables()
    backgrounds = [BACKGROUND, variables["bg"], variables["term-bg"], variables["hover-bg"]]
    _, colours = TONE_PRESETS[preset]
    for tone, colour in enumerate(colours, 1):
        for background in backgrounds:
            assert contrast(colour, background) >= 4.5, f"tone {tone} {colour} on {background}"


def test_text_colours_pass_wcag_aa():
    variables = _css_variables()
    for name in ("fg", "muted", "rt", "link", "accent"):
        for background in ("bg", "term-bg", "hover-bg"):
            assert contrast(variables[name], variables[background]) >= 4.5, (name, background)
    assert contrast(variables["focus"], variables["bg"]) >= 3  # non-text: the focus ring


def test_tone_presets_are_told_apart_in_each_preset():
    for name, (_, colours) in TONE_PRESETS.items():
        if name != "off":
            assert len(set(colours)) == 5, name


def test_printing_hides_the_controls():
    css = (resources.files("duben.export") / "reader.css").read_text(encoding="utf-8")
    media = css[css.index("@media print") :]
    assert re.search(r"\.dr-controls[^{]*\{display:none", media)


# --- Jupyter ----------------------------------------------------------------------------


def test_repr_html_is_the_same_reader_inline():
    doc = duben.annotate("# 标题\n\n推进四水四定。\n")
    fragment = doc._repr_html_()
    assert "<html" not in fragment and "<!DOCTYPE" not in fragment
    page = Page(fragment)
    assert page.find("style") and len(page.find("script")) == 2
    assert page.find("main", lang="zh-Hans") and page.find("ruby")
    # Ids carry a per-document prefix so two readers in one notebook do not clash.
    other = duben.annotate("# 另一个\n\n推进发展。\n")._repr_html_()
    ids = {a["id"] for _, a in page.tags if a.get("id")}
    other_ids = {a["id"] for _, a in Page(other).tags if a.get("id")}
    assert ids and not ids & other_ids
    assert any(i.endswith("g-si-shui-si-ding") and i != "g-si-shui-si-ding" for i in ids)


@pytest.mark.parametrize(
    "style, first, language",
    [
        ("marks", '<span class="t1">Xīng</span> <span class="t4">Xiàn</span>', "zh-Latn-pinyin"),
        ("numbers", '<span class="t1">Xing1</span> <span class="t4">Xian4</span>', "zh-Latn-pinyin"),
        ("zhuyin", '<span class="t1">ㄒㄧㄥ</span> <span class="t4">ㄒㄧㄢˋ</span>', "zh-Bopo"),
    ],
    ids=["marks", "numbers", "zhuyin"],
)
def test_pinyin_styles_keep_word_shape_and_tone_colours(style, first, language):
    import re

    html = duben.to_html(duben.annotate("兴县推进四水四定。"), pinyin_style=style)
    readings = re.findall(r'<rt lang="([^"]+)">(.*?)</rt>', html)
    assert readings[0] == (language, first)


def test_pinyin_style_none_leaves_words_bare_but_focusable():
    html = duben.to_html(duben.annotate("兴县推进四水四定。"), pinyin_style="none")
    assert "<rt" not in html and "<ruby" not in html
    assert '<span class="w" tabindex="0"' in html


def test_dictionary_glosses_are_attributed():
    html = duben.to_html(duben.annotate("我们推进工作。"))
    assert "CC-CEDICT" in html and "CC BY-SA 4.0" in html
    bare = duben.to_html(duben.annotate("我们推进工作。", glosses=False))
    assert "CC-CEDICT" not in bare
