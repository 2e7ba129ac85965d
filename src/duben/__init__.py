"""duben (读本): bilingual reading aids for Chinese policy texts.

>>> import duben
>>> doc = duben.annotate("兴县推进四水四定。")
>>> [t.text for t in doc.tokens]
['兴县', '推进', '四水四定', '。']
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = [
    "Annotator",
    "Document",
    "DubenError",
    "Glossary",
    "GlossaryEntry",
    "GlossaryError",
    "InputError",
    "PinyinStyle",
    "TermMatch",
    "Token",
    "annotate",
    "decode_bytes",
    "default_glossary",
    "load_glossary",
    "read_text",
    "to_html",
    "to_json",
]

__version__ = "0.1.0"

# Names resolve on first use so that `import duben` stays cheap: no engine, no data file.
_LAZY = {
    "Annotator": "duben.pipeline",
    "annotate": "duben.pipeline",
    "Document": "duben.model",
    "Token": "duben.model",
    "TermMatch": "duben.model",
    "GlossaryEntry": "duben.model",
    "DubenError": "duben.errors",
    "GlossaryError": "duben.errors",
    "InputError": "duben.errors",
    "Glossary": "duben.glossary",
    "default_glossary": "duben.glossary",
    "load_glossary": "duben.glossary",
    "decode_bytes": "duben.decode",
    "read_text": "duben.decode",
    "PinyinStyle": "duben.orthography",
}

if TYPE_CHECKING:
    from duben.decode import decode_bytes, read_text
    from duben.errors import DubenError, GlossaryError, InputError
    from duben.glossary import Glossary, default_glossary, load_glossary
    from duben.model import Document, GlossaryEntry, TermMatch, Token
    from duben.orthography import PinyinStyle
    from duben.pipeline import Annotator, annotate


def to_json(document: Document, **options: Any) -> str:
    """Export a document as ``duben/document@1`` JSON."""
    from duben.export import render

    return render(document, "json", **options)


def to_html(document: Document, **options: Any) -> str:
    """Export a document as a standalone HTML reader."""
    from duben.export import render

    return render(document, "html", **options)


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'duben' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
