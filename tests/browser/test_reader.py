"""The HTML reader as a reader sees it, in headless Chromium."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from duben.export.html import TONE_PRESETS

ROOT = Path(__file__).resolve().parents[2]
#: Where screenshots go; git-ignored.
ARTIFACTS = ROOT / "artifacts"

pytestmark = pytest.mark.browser

#: Latin letters with pinyin tone marks: none may end up in copied text.
PINYIN_MARKS = re.compile("[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")


def _han_tokens(doc):
    """Tokens in the order the page shows them as words (one <ruby class="w"> each)."""
    return [t for t in doc.tokens if t.is_han and t.pinyin is not None]


def _word(page, index: int):
    return page.locator(".dr-text .w").nth(index)


def _base_text(page, index: int) -> str:
    return _word(page, index).evaluate(
        "w => Array.from(w.childNodes).filter(n => !['RT','RP'].includes(n.nodeName)).map(n => n.textContent).join('')"
    )


def _card_text(page) -> str:
    card = page.locator(".dr-card")
    card.wait_for(state="visible")
    return card.inner_text()


def test_every_word_is_a_ruby_in_document_order(reader, sample_doc):
    words = _han_tokens(sample_doc)
    assert reader.locator(".dr-text .w").count() == len(words)
    for index in (0, len(words) // 2, len(words) - 1):
        assert _base_text(reader, index) == words[index].text


def test_each_annotation_sits_above_its_base_text(reader):
    result = reader.evaluate(
        """() => {
        const bad = [];
        let checked = 0;
        for (const w of document.querySelectorAll('.dr-text .w')) {
            const rt = w.querySelector('rt');
            const range = document.createRange();
            range.setStart(w, 0);
            range.setEndBefore(w.querySelector('rp'));
            const base = range.getBoundingClientRect();
            const ann = rt.getBoundingClientRect();
            checked++;
            const centre = (ann.left + ann.right) / 2;
            const above = ann.height > 0 && ann.top < base.top && ann.bottom <= base.top + 0.35 * base.height;
            const centred = centre >= base.left - 2 && centre <= base.right + 2;
            if (!(above && centred))
                bad.push([w.textContent, ann.top, ann.bottom, ann.left, ann.right, base.top, base.left, base.right]);
        }
        return {checked, bad: bad.slice(0, 5), count: bad.length};
    }"""
    )
    assert result["checked"] > 1000
    assert result["count"] == 0, result["bad"]


def test_hover_shows_a_card_with_the_word_gloss(reader, sample_doc):
    words = _han_tokens(sample_doc)
    index = next(i for i, t in enumerate(words) if t.glosses and t.term is None and i > 20)
    word = _word(reader, index)
    word.scroll_into_view_if_needed()
    word.hover()
    text = _card_text(reader)
    assert words[index].text in text
    assert words[index].glosses[0] in text
    assert words[index].pinyin in text
    box, card = word.bounding_box(), reader.locator(".dr-card").bounding_box()
    assert card["y"] >= box["y"] + box["height"] - 1 or card["y"] + card["height"] <= box["y"] + 1  # next to, not over, the word
    reader.mouse.move(5, 5)
    reader.locator(".dr-card").wait_for(state="hidden")


def test_tap_opens_the_card_and_a_tap_elsewhere_closes_it(reader, sample_doc):
    words = _han_tokens(sample_doc)
    index = next(i for i, t in enumerate(words) if t.glosses and t.term is None and i > 40)
    _word(reader, index).click()
    assert words[index].glosses[0] in _card_text(reader)
    # A tap elsewhere (a click with no pointer movement, as on a touch screen) closes it.
    reader.locator(".dr-glossary h2").dispatch_event("click")
    reader.locator(".dr-card").wait_for(state="hidden")


def test_hsk_level_shows_in_the_card(reader, sample_doc):
    words = _han_tokens(sample_doc)
    index = next(i for i, t in enumerate(words) if t.hsk3 is not None and t.glosses and t.term is None)
    _word(reader, index).hover()
    level = words[index].hsk3
    assert f"HSK 3.0 level {'7–9' if level == 7 else level}" in _card_text(reader)


def test_keyboard_focus_shows_the_card_and_arrows_move(reader, sample_doc):
    words = _han_tokens(sample_doc)
    for _ in range(30):
        reader.keyboard.press("Tab")
        if reader.evaluate("document.activeElement.classList.contains('w')"):
            break
    else:
        pytest.fail("Tab never reached a word")
    assert reader.evaluate("document.activeElement === document.querySelector('.dr-text .w')")
    text = _card_text(reader)
    assert words[0].text in text and words[0].glosses[0] in text
    # The focused word is described by the card for screen readers.
    card_id = reader.locator(".dr-card").get_attribute("id")
    assert reader.evaluate("document.activeElement.getAttribute('aria-describedby')") == card_id
    reader.keyboard.press("ArrowRight")
    assert _base_text(reader, 1) in _card_text(reader)
    assert reader.evaluate("document.activeElement === document.querySelectorAll('.dr-text .w')[1]")
    reader.keyboard.press("Escape")
    reader.locator(".dr-card").wait_for(state="hidden")


def test_term_card_shows_the_glossary_entry_and_links_to_the_appendix(reader, sample_doc):
    entry = sample_doc.glossary["si-shui-si-ding"]
    term = reader.locator('.dr-text .term[data-t="si-shui-si-ding"]').first
    term.scroll_into_view_if_needed()
    term.locator(".w").first.hover()
    text = _card_text(reader)
    assert entry.gloss in text and entry.explanation[:40] in text
    for item in entry.expansion:
        assert item.text in text
    link = reader.locator(".dr-card a")
    assert link.get_attribute("href") == "#g-si-shui-si-ding"
    link.click()
    assert reader.evaluate("location.hash") == "#g-si-shui-si-ding"
    appendix = reader.locator("#g-si-shui-si-ding + dd")
    assert entry.gloss in appendix.inner_text()
    # "where it occurs" links back to the occurrence in the text.
    back = appendix.locator("a[href^='#o-si-shui-si-ding']").first
    back.click()
    assert reader.evaluate("document.querySelector(':target').dataset.t") == "si-shui-si-ding"


def test_enter_on_a_term_word_jumps_to_its_glossary_entry(reader):
    reader.locator('.dr-text .term[data-t="si-shui-si-ding"] .w').first.focus()
    reader.keyboard.press("Enter")
    assert reader.evaluate("document.activeElement.id") == "g-si-shui-si-ding"


def _visible_annotations(page) -> int:
    return page.evaluate(
        "() => Array.from(document.querySelectorAll('.dr-text rt')).filter(rt => { const s = getComputedStyle(rt);"
        " return s.display !== 'none' && s.visibility === 'visible' && rt.getBoundingClientRect().height > 0 }).length"
    )


def test_pinyin_switch_hides_and_shows_annotations_and_is_remembered(reader):
    total = reader.locator(".dr-text rt").count()
    assert _visible_annotations(reader) == total
    switch = reader.get_by_role("switch", name="Show pinyin")
    switch.uncheck()
    assert _visible_annotations(reader) == 0
    reader.reload()
    reader.wait_for_selector(".duben:not(.dr-nojs)")
    assert not reader.get_by_role("switch", name="Show pinyin").is_checked()
    assert _visible_annotations(reader) == 0
    reader.get_by_role("switch", name="Show pinyin").check()
    assert _visible_annotations(reader) == total


def test_hsk_filter_hides_pinyin_of_easy_words_only(reader):
    reader.get_by_label("Hide pinyin up to").select_option("2")
    states = reader.evaluate(
        """() => Array.from(document.querySelectorAll('.dr-text .w')).map(w =>
            [w.dataset.h ? Number(w.dataset.h) : null, getComputedStyle(w.querySelector('rt')).visibility])"""
    )
    easy = [state for level, state in states if level is not None and level <= 2]
    other = [state for level, state in states if level is None or level > 2]
    assert easy and other
    assert set(easy) == {"hidden"}
    assert set(other) == {"visible"}
    reader.get_by_label("Hide pinyin up to").select_option("0")
    assert _visible_annotations(reader) == len(states)


def test_copy_button_copies_the_text_without_pinyin(reader, sample_doc):
    reader.get_by_role("button", name="Copy text without pinyin").click()
    reader.get_by_role("status").filter(has_text="Copied").wait_for()
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert not PINYIN_MARKS.search(copied)
    expected = "\n".join(sample_doc.text[b.start : b.end] for b in sample_doc.blocks)
    assert copied == expected


def test_copying_a_selection_leaves_out_the_pinyin(reader, sample_doc):
    block = next(b for b in sample_doc.blocks if b.kind == "paragraph")
    reader.evaluate(
        """() => { const p = document.querySelector('.dr-text p:not(.caption)');
        const range = document.createRange(); range.selectNodeContents(p);
        const s = getSelection(); s.removeAllRanges(); s.addRange(range); }"""
    )
    reader.keyboard.press("Control+C")
    copied = reader.evaluate("navigator.clipboard.readText()")
    assert copied == sample_doc.text[block.start : block.end]
    # Nor can the annotation be selected on its own.
    assert reader.evaluate("getComputedStyle(document.querySelector('.dr-text rt')).userSelect") == "none"


def test_tone_colour_presets(reader):
    select = reader.get_by_label("Tone colours")
    for name, (_, colours) in TONE_PRESETS.items():
        select.select_option(name)
        seen = reader.evaluate(
            "() => [1, 2, 3, 4, 5].map(t => document.querySelector('.dr-text rt .t' + t))"
            ".map(s => s && getComputedStyle(s).color)"
        )
        for tone, (colour, got) in enumerate(zip(colours, seen, strict=True), 1):
            if got is not None:
                r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
                assert got == f"rgb({r}, {g}, {b})", (name, tone)


def test_text_size_control_scales_the_text(reader):
    before = reader.evaluate("parseFloat(getComputedStyle(document.querySelector('.dr-text p')).fontSize)")
    reader.get_by_label("Text size").fill("150")
    after = reader.evaluate("parseFloat(getComputedStyle(document.querySelector('.dr-text p')).fontSize)")
    assert after == pytest.approx(before * 1.5, rel=0.02)


def test_controls_are_labelled_form_controls(reader):
    assert reader.get_by_role("switch", name="Show pinyin").count() == 1
    assert reader.get_by_role("combobox", name="Tone colours").count() == 1
    assert reader.get_by_role("combobox", name="Hide pinyin up to").count() == 1
    assert reader.get_by_role("slider", name="Text size").count() == 1
    assert reader.get_by_role("button", name="Copy text without pinyin").count() == 1
    unlabelled = reader.evaluate(
        "() => Array.from(document.querySelectorAll('.dr-controls input, .dr-controls select, .dr-controls button'))"
        ".filter(c => !(c.labels && c.labels.length) && !c.textContent.trim()).map(c => c.name)"
    )
    assert unlabelled == []


def test_screen_readers_get_each_word_once_with_its_reading(reader, sample_doc):
    title = sample_doc.blocks[0]
    spoken = " ".join(f"{t.text} {t.pinyin}" if t.pinyin else t.text for t in sample_doc.tokens_in(title.start, title.end))
    snapshot = reader.locator(".dr-text h1").aria_snapshot()
    name = re.search(r'heading "(.*)"', snapshot).group(1)
    assert name.split() == spoken.split()


def test_printing_hides_the_controls_and_the_card(reader):
    _word(reader, 3).hover()
    reader.emulate_media(media="print")
    try:
        assert reader.locator(".dr-controls").is_hidden()
        assert reader.locator(".dr-card").is_hidden()
        assert reader.locator(".dr-text rt").first.is_visible()
    finally:
        reader.emulate_media(media="screen")


def test_long_document_has_a_table_of_contents(reader, sample_doc):
    headings = [b for b in sample_doc.blocks if b.kind == "heading" and b.level != 1]
    links = reader.get_by_role("navigation", name="Contents").get_by_role("link")
    assert links.count() == len(headings) + 1  # and the glossary
    assert links.last.inner_text() == "Glossary"
    links.nth(2).click()
    assert reader.evaluate("document.querySelector(':target').tagName").startswith("H")


def test_hostile_text_renders_as_text_and_runs_nothing(open_page, tmp_path):
    import duben

    text = '# 标题<script>alert(1)</script>\n\n发展"</ruby><img src=x onerror=alert(2)>&amp;<!--\n'
    path = tmp_path / "hostile.html"
    path.write_text(duben.to_html(duben.annotate(text)), encoding="utf-8")
    page = open_page(path)
    assert page.evaluate("document.querySelectorAll('img').length") == 0
    assert page.evaluate("document.scripts.length") == 2  # the data block and the reader's own
    plain = page.evaluate("document.querySelector('.dr-text').innerText")
    assert "<script>alert(1)</script>" in plain and '"</ruby><img src=x onerror=alert(2)>&amp;<!--' in plain
    assert page.title() == "标题<script>alert(1)</script>"
    page.wait_for_timeout(200)
    assert page.log.dialogs == []


def test_screenshot(reader):
    """Saves what a reader sees, with a card open, to artifacts/reader.png."""
    ARTIFACTS.mkdir(exist_ok=True)
    term = reader.locator('.dr-text .term[data-t="si-shui-si-ding"] .w').first
    term.evaluate("w => w.closest('p').scrollIntoView({block: 'center'})")
    term.hover()
    reader.locator(".dr-card").wait_for(state="visible")
    path = ARTIFACTS / "reader.png"
    reader.screenshot(path=str(path))
    assert path.stat().st_size > 10_000
    assert (ROOT / "docs" / "reader.png").exists(), "docs/reader.png (the README's screenshot) is missing"


def test_script_switch_shows_one_script_at_a_time(open_page, tmp_path):
    import duben
    from duben.pipeline import Annotator

    doc = Annotator(script="tw").annotate("# 发展\n\n推进软件发展。\n")
    assert any(t.display for t in doc.tokens)
    path = tmp_path / "tw.html"
    path.write_text(duben.to_html(doc), encoding="utf-8")
    page = open_page(path)
    text = page.locator(".dr-text p")
    # The script asked for is shown first; the source text is one choice away.
    assert text.inner_text().replace("\n", "").count("發展") == 1
    page.get_by_label("Characters").select_option("text")
    plain = page.evaluate(
        "() => Array.from(document.querySelectorAll('.dr-text p .w')).map(w => w.querySelector('.st, .sd') ? "
        "getComputedStyle(w.querySelector('.st')).display : 'same')"
    )
    assert "inline" in plain and "none" not in plain
    page.get_by_role("button", name="Copy text without pinyin").click()
    page.get_by_role("status").filter(has_text="Copied").wait_for()
    assert page.evaluate("navigator.clipboard.readText()") == "发展\n推进软件发展。"


def test_spoken_tones_switch_swaps_the_readings(open_page, tmp_path):
    import dataclasses

    import duben

    doc = duben.annotate("我们一起推进发展。")
    tokens = tuple(dataclasses.replace(t, spoken=("yi4", "qi3")) if t.text == "一起" else t for t in doc.tokens)
    path = tmp_path / "sandhi.html"
    path.write_text(duben.to_html(dataclasses.replace(doc, tokens=tokens, sandhi=True)), encoding="utf-8")
    page = open_page(path)
    word = page.locator(".dr-text .w", has_text="一起")
    assert word.locator("rt").inner_text() == "yīqǐ"
    page.get_by_role("switch", name="Spoken tones (sandhi)").check()
    assert word.locator("rt").inner_text() == "yìqǐ"
    word.hover()
    assert "yìqǐ" in _card_text(page) and "yīqǐ" not in _card_text(page)
