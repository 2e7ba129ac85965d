"""JSON export: the public ``duben/document@1`` contract (see the schema file)."""

from __future__ import annotations

import json
from typing import Any

from duben.model import Document

__all__ = ["SCHEMA_ID", "to_dict", "to_json"]

#: The contract's name and version; fields may be added, none may change meaning.
SCHEMA_ID = "duben/document@1"


def to_dict(document: Document) -> dict[str, Any]:
    """The document as plain Python data, exactly as :func:`to_json` writes it."""
    tokens = []
    for token in document.tokens:
        item: dict[str, Any] = {
            "start": token.start,
            "end": token.end,
            "text": token.text,
            "pinyin": token.pinyin,
            "syllables": list(token.syllables),
            "glosses": list(token.glosses),
            "term": token.term,
            "pos": token.pos,
        }
        if token.spoken is not None:
            item["spoken"] = list(token.spoken)
        if token.hsk2 is not None or token.hsk3 is not None:
            item["hsk"] = {"2.0": token.hsk2, "3.0": token.hsk3}
        if token.frequency_rank is not None:
            item["frequency_rank"] = token.frequency_rank
        if token.display is not None:
            item["display"] = token.display
        tokens.append(item)
    terms = []
    for term in document.terms:
        match: dict[str, Any] = {"id": term.id, "start": term.start, "end": term.end, "text": term.text}
        if term.parent is not None:
            match["parent"] = term.parent
        terms.append(match)
    out: dict[str, Any] = {
        "schema": SCHEMA_ID,
        "text": document.text,
        "blocks": [
            {"kind": b.kind, "level": b.level, "start": b.start, "end": b.end}
            if b.level
            else {"kind": b.kind, "start": b.start, "end": b.end}
            for b in document.blocks
        ],
        "tokens": tokens,
        "terms": terms,
        "glossary": {entry_id: entry.to_dict() for entry_id, entry in document.glossary.items()},
    }
    if document.script is not None:
        out["script"] = document.script
    if document.candidates:
        out["candidates"] = [{"text": c.text, "start": c.start, "end": c.end, "reason": c.reason} for c in document.candidates]
    return out


def to_json(document: Document, *, indent: int | None = 1) -> str:
    """The document as JSON text (UTF-8 characters kept, not escaped)."""
    return json.dumps(to_dict(document), ensure_ascii=False, indent=indent)
