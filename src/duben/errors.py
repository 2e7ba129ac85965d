"""Exceptions raised by duben.

Every error is a :class:`DubenError`; each subclass also inherits the builtin that fits,
so callers can catch ``ValueError`` or ``OSError`` as they would anyway.
"""

from __future__ import annotations

__all__ = ["DubenError", "GlossaryError", "InputError"]


class DubenError(Exception):
    """Base class of every duben error."""


class InputError(DubenError, ValueError):
    """The input text cannot be read: binary, undecodable or not a file.

    ``source`` names the input (a path or ``<stdin>``); the message is one line.
    """

    def __init__(self, message: str, *, source: str = "<input>", line: int | None = None) -> None:
        self.source = source
        self.line = line
        where = source if line is None else f"{source}:{line}"
        super().__init__(f"{where}: {message}")


class GlossaryError(DubenError, ValueError):
    """A glossary file or entry is invalid.

    Carries the file (``path``), the ``line`` of the entry and the ``field`` at fault.
    """

    def __init__(self, message: str, *, path: str = "<glossary>", line: int | None = None, field: str | None = None) -> None:
        self.path = path
        self.line = line
        self.field = field
        where = path if line is None else f"{path}:{line}"
        what = f" [{field}]" if field else ""
        super().__init__(f"{where}:{what} {message}")
