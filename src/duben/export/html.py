"""HTML export: a self-contained reader page.

One file holds the text, its inline CSS and a small inline script; it makes no network
request, opens from disk and prints cleanly. Each word is a ``<ruby>`` element with its
pinyin above it, split per syllable for tone colours; a single shared card, filled from
a JSON table embedded in the page, shows the word's glosses, learner level and, for
policy terms, the glossary entry. A glossary appendix closes the page.

Every piece of input text is escaped: text and attribute values with
:func:`html.escape`, the embedded JSON with :func:`_script_json` so that no ``</script>``
or ``<!--`` can end the data block early.

>>> import duben
>>> page = to_html(duben.annotate("推进四水四定。"))
>>> page.startswith("<!DOCTYPE html>")
True
>>> 'lang="zh-Latn-pinyin"' in page and 'id="g-si-shui-si-ding"' in page
True
"""

from __future__ import annotations

import bisect
import hashlib
import json
import unicodedata
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib.resources import files
from typing import Any

from duben.model import Block, Document, GlossaryEntry, TermMatch, Token
from duben.orthography import PinyinStyle, mark_syllable, zhuyin_syllable

__all__ = ["TONE_PRESETS", "to_html", "tone_segments"]

#: Tone colour presets shown in the reader: name -> (label, colours of tones 1–5).
#: Every colour reaches WCAG AA contrast (4.5:1) on the page's white background; the
#: tests check it. Tone marks stay visible in every preset, so colour is never the only
#: signal. The ``off`` preset uses the normal annotation colour.
TONE_PRESETS: dict[str, tuple[str, tuple[str, str, str, str, str]]] = {
    # Pleco's defaults (red, green, blue, purple, grey), darkened where needed for contrast.
    "pleco": ("Pleco", ("#d10000", "#117a1a", "#1b3fe0", "#8a00b8", "#666666")),
    # Nathan Dummitt's scheme as used by MDBG (red, orange, green, blue, black).
    "dummitt": ("Dummitt / MDBG", ("#d10000", "#a34e00", "#1a7a12", "#0044cc", "#333333")),
    # A colour-blind-safe set after Okabe and Ito: hues that stay apart under the common
    # colour-vision deficiencies, darkened to pass contrast.
    "colourblind": ("Colour-blind safe", ("#0067a5", "#b34700", "#00735a", "#a8326e", "#595959")),
    "off": ("Off", ("#3d3d3d",) * 5),
}

#: The page background every tone colour is checked against.
BACKGROUND = "#ffffff"

#: Fewest headings (after the title) for which the page gets a table of contents.
TOC_MIN_HEADINGS = 3

#: HSK levels offered by the "hide pinyin up to level" control (7 stands for 7–9).
HSK_LEVELS = (1, 2, 3, 4, 5, 6, 7)

_PINYIN_LANG = "zh-Latn-pinyin"
#: Display script (``Document.script``) -> (language tag, label) of ``Token.display``.
_SCRIPTS = {
    "simplified": ("zh-Hans", "Simplified"),
    "tw": ("zh-Hant-TW", "Traditional (Taiwan)"),
    "twp": ("zh-Hant-TW", "Traditional (Taiwan)"),
    "hk": ("zh-Hant-HK", "Traditional (Hong Kong)"),
}


@cache
def _asset(name: str) -> str:
    return files("duben.export").joinpath(name).read_text(encoding="utf-8")


def _script_json(data: Any) -> str:
    """JSON safe to place inside ``<script>``: ``<``, ``>`` and ``&`` written as escapes.

    >>> _script_json({"a": "</script><!--&"})
    '{"a":"\\\\u003c/script\\\\u003e\\\\u003c!--\\\\u0026"}'
    """
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    # U+2028/2029 are legal in JSON but end lines in older JavaScript parsers.
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _attr(value: object) -> str:
    return escape(str(value), quote=True)


# --- pinyin, one span per syllable ---------------------------------------------------


def _fold(text: str) -> str:
    return unicodedata.normalize("NFC", text).lower()


def tone_segments(pinyin: str, syllables: Sequence[str | None]) -> list[tuple[str, int | None]]:
    """Split a token's display pinyin into syllables with their tones.

    The display form keeps its GB/T 16159 shape (capitals, apostrophes, spaces and
    hyphens between parts); separators come back with tone ``None``. When the display
    form and the syllables do not line up, the whole form comes back as one
    uncoloured piece.

    >>> tone_segments("sìshuǐ-sìdìng", ["si4", "shui3", "si4", "ding4"])
    [('sì', 4), ('shuǐ', 3), ('-', None), ('sì', 4), ('dìng', 4)]
    >>> tone_segments("Xī'ān", ["xi1", "an1"])
    [('Xī', 1), ("'", None), ('ān', 1)]
    >>> tone_segments("de", ["de5"])
    [('de', 5)]
    """
    display = unicodedata.normalize("NFC", pinyin)
    folded = display.lower()
    out: list[tuple[str, int | None]] = []
    position = 0
    # Letters of non-Han characters (5G, PM2.5) may stand between syllables.
    mixed = any(s is None for s in syllables)
    for syllable in syllables:
        if not syllable:
            continue
        marked = _fold(mark_syllable(syllable))
        found = folded.find(marked, position)
        # Only separators may stand between two syllables; anything else means the
        # display form was written from other readings.
        if found < 0 or not mixed and any(c.isalpha() for c in display[position:found]):
            return [(display, None)]
        if found > position:
            out.append((display[position:found], None))
        tone = syllable[-1]
        out.append((display[found : found + len(marked)], int(tone) if tone in "12345" else 5))
        position = found + len(marked)
    if position < len(display):
        out.append((display[position:], None))
    return out


def _spell(reading: str, style: PinyinStyle) -> str:
    if style is PinyinStyle.NUMBERS:
        return reading
    if style is PinyinStyle.ZHUYIN:
        return zhuyin_syllable(reading)
    return mark_syllable(reading)


def _respell(
    segments: list[tuple[str, int | None]], readings: Iterable[str | None], style: PinyinStyle = PinyinStyle.MARKS
) -> list[tuple[str, int | None]]:
    """The same segments with each syllable written from ``readings`` in ``style``.

    Used for spoken tones and for the tone-number and zhuyin styles; the word shape
    (capitals, apostrophes, spaces, hyphens) stays, except that zhuyin is written
    syllable by syllable with spaces.
    """
    queue = [r for r in readings if r]
    if sum(1 for _, tone in segments if tone is not None) != len(queue):
        return segments
    out: list[tuple[str, int | None]] = []
    for text, tone in segments:
        if tone is None:
            if style is PinyinStyle.ZHUYIN:
                if out and out[-1][0] != " ":
                    out.append((" ", None))
            else:
                out.append((text, None))
            continue
        reading = queue.pop(0)
        spelled = _spell(reading, style)
        if text[:1].isupper() and style is not PinyinStyle.ZHUYIN:
            spelled = spelled[:1].upper() + spelled[1:]
        if style is PinyinStyle.ZHUYIN and out and out[-1][1] is not None:
            out.append((" ", None))
        new_tone = reading[-1]
        out.append((spelled, int(new_tone) if new_tone in "12345" else 5))
    return out


def _pinyin_html(segments: list[tuple[str, int | None]]) -> str:
    return "".join(escape(text) if tone is None else f'<span class="t{tone}">{escape(text)}</span>' for text, tone in segments)


# --- words -----------------------------------------------------------------------------


class _Page:
    """State of one rendering: ids, the word table and term occurrences."""

    def __init__(self, document: Document, prefix: str, style: PinyinStyle = PinyinStyle.MARKS) -> None:
        self.document = document
        self.prefix = prefix
        self.style = style
        self.words: list[list[Any]] = []
        self.word_index: dict[str, int] = {}
        self.has_levels = False
        self.has_spoken = False
        self.has_display = False
        #: glossary id -> anchors of its occurrences, with the block number.
        self.occurrences: dict[str, list[tuple[str, int]]] = {}
        self.block_number = 0

    def id(self, name: str) -> str:
        return f"{self.prefix}{name}"

    def word_ref(self, token: Token) -> int | None:
        """Index of the token's entry in the word table (glosses, levels, rank)."""
        if not token.glosses and token.hsk2 is None and token.hsk3 is None and token.frequency_rank is None:
            return None
        entry = [list(token.glosses), token.hsk3, token.hsk2, token.frequency_rank]
        key = json.dumps(entry, ensure_ascii=False)
        index = self.word_index.get(key)
        if index is None:
            index = self.word_index[key] = len(self.words)
            self.words.append(entry)
        return index

    def token_html(self, token: Token, lang_display: str) -> str:
        if not token.is_han or token.pinyin is None:
            return self.base_html(token, lang_display)
        attributes = ['class="w"', 'tabindex="-1"']
        ref = self.word_ref(token)
        if ref is not None:
            attributes.append(f'data-w="{ref}"')
        level = token.hsk3 if token.hsk3 is not None else token.hsk2
        if level is not None:
            self.has_levels = True
            attributes.append(f'data-h="{int(level)}"')
        if self.style is PinyinStyle.NONE:
            return f"<span {' '.join(attributes)}>{self.base_html(token, lang_display)}</span>"
        marks = tone_segments(token.pinyin, token.syllables)
        segments = marks if self.style is PinyinStyle.MARKS else _respell(marks, token.syllables, self.style)
        reading = _pinyin_html(segments)
        if token.spoken is not None and self.document.sandhi:
            spoken = _respell(marks, token.spoken, self.style)
            if spoken != segments:
                self.has_spoken = True
                reading = f'<span class="pc">{reading}</span><span class="ps">{_pinyin_html(spoken)}</span>'
        language = "zh-Bopo" if self.style is PinyinStyle.ZHUYIN else _PINYIN_LANG
        return (
            f"<ruby {' '.join(attributes)}>{self.base_html(token, lang_display)}"
            f'<rp>(</rp><rt lang="{language}">{reading}</rt><rp>)</rp></ruby>'
        )

    def base_html(self, token: Token, lang_display: str) -> str:
        if token.display is not None and token.display != token.text:
            self.has_display = True
            return (
                f'<span class="st">{escape(token.text)}</span>'
                f'<span class="sd" lang="{lang_display}">{escape(token.display)}</span>'
            )
        return escape(token.text)


def _blocks(document: Document) -> tuple[Block, ...]:
    if document.blocks or not document.text:
        return document.blocks
    return (Block("paragraph", 0, len(document.text)),)


def _clip(token: Token, start: int, end: int) -> Token | None:
    """The part of a non-Han token inside ``start..end`` (a Han token is kept whole)."""
    if start <= token.start and token.end <= end or token.is_han:
        return token
    lo, hi = max(start, token.start), min(end, token.end)
    if lo >= hi:
        return None
    text = token.text[lo - token.start : hi - token.start]
    return Token(lo, hi, text, (None,) * len(text))


def _plain_html(document: Document, page: _Page, block: Block, lang_display: str) -> str:
    """A block's text without readings, in both scripts when the export has two (for the contents)."""
    parts = (_clip(t, block.start, block.end) for t in document.tokens_in(block.start, block.end))
    return "".join(page.base_html(t, lang_display) for t in parts if t is not None)


def _block_html(page: _Page, block: Block, tokens: Sequence[Token], starts: dict[int, TermMatch], lang_display: str) -> str:
    page.block_number += 1
    number = page.block_number
    parts: list[str] = []
    open_term: str | None = None
    term_end = -1
    for whole in tokens:
        token = _clip(whole, block.start, block.end)
        if token is None:
            continue
        if open_term is not None and (token.term != open_term or token.start >= term_end or token.start in starts):
            parts.append("</span>")
            open_term = None
        if open_term is None and token.term is not None and token.term in page.document.glossary:
            match = starts.get(token.start)
            term_end = match.end if match is not None and match.id == token.term else token.end
            anchors = page.occurrences.setdefault(token.term, [])
            anchor = page.id(f"o-{token.term}-{len(anchors) + 1}")
            anchors.append((anchor, number))
            parts.append(f'<span class="term" id="{_attr(anchor)}" data-t="{_attr(token.term)}">')
            open_term = token.term
        parts.append(page.token_html(token, lang_display))
    if open_term is not None:
        parts.append("</span>")
    inner = "".join(parts)
    block_id = _attr(page.id(f"b{number}"))
    if block.kind == "heading":
        level = min(max(block.level or 1, 1), 6)
        return f'<h{level} id="{block_id}">{inner}</h{level}>'
    if block.kind == "caption":
        return f'<p class="caption" id="{block_id}">{inner}</p>'
    return f'<p id="{block_id}">{inner}</p>'


def _toc(document: Document, page: _Page, blocks: Sequence[Block], lang_display: str) -> str:
    headings = [(i + 1, b) for i, b in enumerate(blocks) if b.kind == "heading"]
    if headings and headings[0][1].level == 1:
        headings = headings[1:]  # the title needs no entry
    if len(headings) < TOC_MIN_HEADINGS:
        return ""
    top = min(b.level or 1 for _, b in headings)
    items = "".join(
        f'<li class="l{min((b.level or 1) - top, 3)}"><a href="#{_attr(page.id(f"b{n}"))}" lang="{_text_lang(document)}">'
        f"{_plain_html(document, page, b, lang_display)}</a></li>"
        for n, b in headings
    )
    if document.glossary:
        items += f'<li class="l0"><a href="#{_attr(page.id("glossary"))}">Glossary</a></li>'
    label = _attr(page.id("toc"))
    return f'<nav class="dr-toc" aria-labelledby="{label}" lang="en"><h2 id="{label}">Contents</h2><ol>{items}</ol></nav>'


# --- glossary -------------------------------------------------------------------------


def _glossary_data(document: Document, page: _Page) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for entry_id, entry in document.glossary.items():
        item: dict[str, Any] = {
            "term": entry.term,
            "pinyin": entry.pinyin,
            "gloss": entry.gloss,
            "href": "#" + page.id(f"g-{entry_id}"),
        }
        if entry.traditional and entry.traditional != entry.term:
            item["traditional"] = entry.traditional
        if entry.official:
            item["official"] = True
        if entry.literal:
            item["literal"] = entry.literal
        if entry.explanation:
            item["explanation"] = entry.explanation
        if entry.expansion:
            item["expansion"] = [[e.text, e.pinyin, e.gloss] for e in entry.expansion]
        data[entry_id] = item
    return data


def _entry_html(
    page: _Page, entry_id: str, entry: GlossaryEntry, nested_in: dict[str, list[str]], blocks_of: dict[str, list[int]]
) -> str:
    head = [f'<span class="gt" lang="zh-Hans">{escape(entry.term)}</span>']
    if entry.traditional and entry.traditional != entry.term:
        head.append(f'<span class="gt" lang="zh-Hant">{escape(entry.traditional)}</span>')
    head.append(f'<span class="gp" lang="{_PINYIN_LANG}">{escape(entry.pinyin)}</span>')
    body = [
        f'<p class="gg">{escape(entry.gloss)}'
        + (' <span class="official">official rendering</span>' if entry.official else "")
        + "</p>"
    ]
    if entry.literal:
        body.append(f"<p><i>Literally:</i> {escape(entry.literal)}</p>")
    if entry.explanation:
        body.append(f"<p>{escape(entry.explanation)}</p>")
    if entry.expansion:
        items = "".join(
            f'<li><span lang="zh-Hans">{escape(e.text)}</span>'
            + (f' <span lang="{_PINYIN_LANG}">{escape(e.pinyin)}</span>' if e.pinyin else "")
            + (f": {escape(e.gloss)}" if e.gloss else "")
            + "</li>"
            for e in entry.expansion
        )
        body.append(f"<ul>{items}</ul>")
    links = [f'<a href="#{_attr(anchor)}">¶{number}</a>' for anchor, number in page.occurrences.get(entry_id, [])]
    links += [f'<a href="#{_attr(page.id(f"b{number}"))}">¶{number}</a>' for number in blocks_of.get(entry_id, [])]
    if links:
        body.append(f'<p class="where">Occurs in: {", ".join(links)}</p>')
    for parent in nested_in.get(entry_id, []):
        if parent in page.document.glossary:
            body.append(
                f'<p class="where">Part of <a href="#{_attr(page.id(f"g-{parent}"))}" lang="zh-Hans">'
                f"{escape(page.document.glossary[parent].term)}</a></p>"
            )
    return f'<dt id="{_attr(page.id(f"g-{entry_id}"))}">{" ".join(head)}</dt><dd>{"".join(body)}</dd>'


def _sort_key(pinyin: str) -> str:
    """Pinyin without tone marks or separators, for alphabetical order (ā sorts with a)."""
    letters = unicodedata.normalize("NFD", pinyin.lower())
    return "".join(c for c in letters if c.isascii() and c.isalpha())


def _appendix(document: Document, page: _Page, blocks: Sequence[Block]) -> str:
    if not document.glossary:
        return ""
    starts = [b.start for b in blocks]
    nested_in: dict[str, list[str]] = {}
    blocks_of: dict[str, list[int]] = {}
    for term in document.terms:
        if term.parent is None and term.id in page.occurrences:
            continue
        number = bisect.bisect_right(starts, term.start)
        if number and number not in blocks_of.setdefault(term.id, []):
            blocks_of[term.id].append(number)
        if term.parent is not None and term.parent not in nested_in.setdefault(term.id, []):
            nested_in[term.id].append(term.parent)
    entries = sorted(document.glossary.items(), key=lambda item: (_sort_key(item[1].pinyin), item[0]))
    items = "".join(_entry_html(page, entry_id, entry, nested_in, blocks_of) for entry_id, entry in entries)
    heading = _attr(page.id("glossary-title"))
    return (
        f'<section class="dr-glossary" id="{_attr(page.id("glossary"))}" aria-labelledby="{heading}" lang="en">'
        f'<h2 id="{heading}">Glossary</h2><dl>{items}</dl></section>'
    )


# --- controls -------------------------------------------------------------------------


def _controls(page: _Page) -> str:
    p = page.id
    tone_options = "".join(f'<option value="{name}">{escape(label)}</option>' for name, (label, _) in TONE_PRESETS.items())
    parts = [
        '<label class="switch"><input type="checkbox" role="switch" name="pinyin" checked> Show pinyin</label>',
    ]
    if page.has_levels:
        levels = "".join(f'<option value="{n}">HSK {"7–9" if n == 7 else n}</option>' for n in HSK_LEVELS)
        parts.append(f'<label>Hide pinyin up to <select name="hsk"><option value="0">show all</option>{levels}</select></label>')
    parts.append(f'<label>Tone colours <select name="tones">{tone_options}</select></label>')
    if page.has_spoken:
        parts.append('<label class="switch"><input type="checkbox" role="switch" name="sandhi"> Spoken tones (sandhi)</label>')
    if page.has_display:
        # The source text and the display script (traditional, or simplified for a
        # traditional source); the display script is what was asked for, so it comes first.
        shown = _SCRIPTS.get(page.document.script or "", ("zh-Hant", "Traditional"))[1]
        source = "Traditional" if page.document.script == "simplified" else "Simplified"
        parts.append(
            f'<label>Characters <select name="script"><option value="display">{escape(shown)}</option>'
            f'<option value="text">{source} (as in the source)</option></select></label>'
        )
    parts.append(
        f'<label>Text size <input type="range" name="size" min="80" max="200" step="10" value="100" '
        f'aria-describedby="{_attr(p("size-out"))}"> <output id="{_attr(p("size-out"))}" name="sizeout">100%</output></label>'
    )
    parts.append('<button type="button" name="copy">Copy text without pinyin</button>')
    parts.append('<output class="dr-status" name="status" role="status"></output>')
    return (
        f'<form class="dr-controls" aria-label="Reader settings" lang="en">{"".join(parts)}'
        '<details class="dr-help"><summary>Help</summary><p>Hover, tap or focus a word for its card. '
        "Keys: Tab reaches the text, ← → move word by word, Home and End go to the ends of a paragraph, "
        "Enter on a policy term opens its glossary entry, Esc closes the card. HSK levels are those of HSK 3.0 "
        "(7 stands for 7–9), or HSK 2.0 for a word that HSK 3.0 does not list.</p></details></form>"
    )


# --- page -----------------------------------------------------------------------------


def _title(document: Document) -> str:
    heading = next((b for b in document.blocks if b.kind == "heading"), None)
    if heading is not None:
        return document.text[heading.start : heading.end].strip() or "duben reader"
    return "duben reader"


def _body(document: Document, prefix: str, style: PinyinStyle = PinyinStyle.MARKS) -> tuple[str, _Page]:
    page = _Page(document, prefix, style)
    blocks = _blocks(document)
    lang_display = _SCRIPTS.get(document.script or "", ("zh-Hant", ""))[0]
    starts = {t.start: t for t in document.terms if t.parent is None}
    token_starts = [t.start for t in document.tokens]
    rendered = []
    for block in blocks:
        first = max(bisect.bisect_right(token_starts, block.start) - 1, 0)
        tokens = []
        for token in document.tokens[first:]:
            if token.start >= block.end:
                break
            if token.end > block.start:
                tokens.append(token)
        rendered.append(_block_html(page, block, tokens, starts, lang_display))
    # The first word of each block is a tab stop; the script moves focus between words.
    main = "\n".join(r.replace('tabindex="-1"', 'tabindex="0"', 1) for r in rendered)
    toc = _toc(document, page, blocks, lang_display)
    appendix = _appendix(document, page, blocks)
    data = {"words": page.words, "glossary": _glossary_data(document, page), "script": document.script}
    classes = ["duben", "dr-nojs", "tones-pleco"]
    card = _attr(page.id("card"))
    html = (
        f'<div class="{" ".join(classes)}" data-card="{card}">'
        f"{_controls(page)}{toc}"
        f'<main class="dr-text" lang="{_text_lang(document)}">\n{main}\n</main>\n{appendix}{_credits(document)}'
        f'<div class="dr-card" id="{card}" role="tooltip" lang="en" hidden></div>'
        f'<script type="application/json" class="dr-data">{_script_json(data)}</script>'
        "</div>"
    )
    return html, page


def _credits(document: Document) -> str:
    """Attribution for third-party text in the page: CC-CEDICT glosses are CC BY-SA 4.0."""
    if not any(t.glosses and t.term is None for t in document.tokens):
        return ""
    return (
        '<footer class="dr-credits" lang="en"><p>English glosses of general words from '
        "CC-CEDICT (https://cc-cedict.org/), licensed CC BY-SA 4.0; policy-term entries from the "
        "duben glossary. Made with duben.</p></footer>"
    )


def _text_lang(document: Document) -> str:
    # A document shown in simplified characters was written in traditional ones.
    return "zh-Hant" if document.script == "simplified" else "zh-Hans"


def _css() -> str:
    palettes = "".join(
        f".duben.tones-{name}{{{''.join(f'--t{i}:{colour};' for i, colour in enumerate(colours, 1))}}}"
        for name, (_, colours) in TONE_PRESETS.items()
    )
    return _asset("reader.css") + palettes


def to_html(document: Document, *, title: str | None = None, fragment: bool = False, **options: Any) -> str:
    """The document as a standalone HTML reader (or, with ``fragment``, a ``<div>``).

    Args:
        document: the annotated document.
        title: the page title; by default the first heading's text.
        fragment: return one ``<div class="duben">`` with its style and script, for
            embedding (Jupyter uses it); its ids carry a prefix so that several readers
            can share one page.
        options: ``pinyin_style`` (a :class:`~duben.orthography.PinyinStyle` or its value:
            ``marks``, the default, ``numbers``, ``zhuyin`` or ``none`` for no annotation
            over the words); other exporters' options are accepted and ignored.
    """
    style = PinyinStyle(options.get("pinyin_style") or PinyinStyle.MARKS)
    if fragment:
        digest = hashlib.sha1(document.text.encode("utf-8", "surrogatepass")).hexdigest()[:8]
        body, _ = _body(document, f"d{digest}-", style)
        return f"<style>{_css()}</style>{body}<script>{_asset('reader.js')}</script>"
    body, _ = _body(document, "", style)
    page_title = title if title is not None else _title(document)
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{_text_lang(document)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        # Nothing may be fetched: only the page's own inline style and script run.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
        '<meta name="generator" content="duben">\n'
        f"<title>{escape(page_title)}</title>\n<style>{_css()}</style>\n</head>\n"
        f"<body>\n{body}\n<script>{_asset('reader.js')}</script>\n</body>\n</html>\n"
    )
