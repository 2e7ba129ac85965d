"""HTML export: a standalone page with pinyin over each word and a glossary appendix.

Every piece of input text goes through :func:`html.escape`; the page makes no network
requests.
"""

from __future__ import annotations

from html import escape

from duben.model import Block, Document, Token

__all__ = ["to_html"]

_STYLE = """
body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:2.4;color:#1a1a1a;background:#fff}
ruby{ruby-position:over}
rt{font-size:.55em;color:#444;user-select:none;-webkit-user-select:none}
a.term{color:inherit;text-decoration:none;border-bottom:2px solid #b35900}
figcaption,.caption{color:#555;font-size:.9em}
#glossary dt{font-weight:bold;margin-top:1em}
#glossary dd{margin-left:1.5em;line-height:1.6}
"""


def _ruby(token: Token) -> str:
    text = escape(token.text)
    if token.pinyin is None:
        return text
    return f'<ruby>{text}<rp>(</rp><rt lang="zh-Latn-pinyin">{escape(token.pinyin)}</rt><rp>)</rp></ruby>'


def _block_html(document: Document, block: Block) -> str:
    parts = []
    current_term: str | None = None
    for token in document.tokens_in(block.start, block.end):
        if token.term != current_term:
            if current_term is not None:
                parts.append("</a>")
            if token.term is not None:
                entry = document.glossary[token.term]
                parts.append(f'<a class="term" href="#g-{escape(token.term)}" title="{escape(entry.gloss)}">')
            current_term = token.term
        parts.append(_ruby(token))
    if current_term is not None:
        parts.append("</a>")
    inner = "".join(parts)
    if block.kind == "heading":
        level = min(block.level or 1, 6)
        return f"<h{level}>{inner}</h{level}>"
    if block.kind == "caption":
        return f'<p class="caption">{inner}</p>'
    return f"<p>{inner}</p>"


def _appendix(document: Document) -> str:
    if not document.glossary:
        return ""
    items = []
    for entry_id, entry in sorted(document.glossary.items(), key=lambda item: item[1].pinyin.lower()):
        extra = f"<br><i>{escape(entry.literal)}</i>" if entry.literal else ""
        items.append(
            f'<dt id="g-{escape(entry_id)}" lang="zh-Hans">{escape(entry.term)} '
            f'<span lang="zh-Latn-pinyin">{escape(entry.pinyin)}</span></dt>'
            f"<dd>{escape(entry.gloss)}{extra}<br>{escape(entry.explanation)}</dd>"
        )
    return f'<section id="glossary" lang="en"><h2>Glossary</h2><dl>{"".join(items)}</dl></section>'


def to_html(document: Document, *, title: str | None = None, fragment: bool = False) -> str:
    """The document as a standalone HTML page (or a ``<div>`` fragment)."""
    if title is None:
        heading = next((b for b in document.blocks if b.kind == "heading"), None)
        title = document.text[heading.start : heading.end] if heading else "duben reader"
    body = "\n".join(_block_html(document, block) for block in document.blocks)
    content = f'<main lang="zh-Hans">{body}</main>\n{_appendix(document)}'
    if fragment:
        return f'<div class="duben"><style>{_STYLE}</style>{content}</div>'
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-Hans">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n<style>{_STYLE}</style>\n</head>\n<body>\n{content}\n</body>\n</html>\n"
    )
