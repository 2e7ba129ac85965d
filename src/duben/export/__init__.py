"""Exporters: one module per format, registered by name.

An exporter is a function ``(document, **options) -> str``. Exporters only read the
Document; they never run a stage again.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any

from duben.model import Document

__all__ = ["FORMATS", "register", "render"]

Exporter = Callable[..., str]

#: Format name -> (module, function, file suffixes). Modules are imported on first use.
FORMATS: dict[str, tuple[str, str, tuple[str, ...]]] = {}
_loaded: dict[str, Exporter] = {}


def register(name: str, module: str, function: str, suffixes: tuple[str, ...]) -> None:
    """Make an exporter available as ``name`` (and for output files with ``suffixes``)."""
    FORMATS[name] = (module, function, suffixes)
    _loaded.pop(name, None)


register("json", "duben.export.json", "to_json", (".json",))
register("html", "duben.export.html", "to_html", (".html", ".htm"))


def format_for_path(path: str) -> str | None:
    """The format whose suffix ``path`` ends with, if any."""
    lower = path.lower()
    for name, (_, _, suffixes) in FORMATS.items():
        if lower.endswith(suffixes):
            return name
    return None


def render(document: Document, format: str, **options: Any) -> str:
    """Export ``document`` in ``format`` (``json``, ``html`` …)."""
    if format not in FORMATS:
        raise ValueError(f"unknown format {format!r} (one of {', '.join(sorted(FORMATS))})")
    if format not in _loaded:
        module, function, _ = FORMATS[format]
        _loaded[format] = getattr(importlib.import_module(module), function)
    return _loaded[format](document, **options)
