"""The policy glossary: loading, validating and finding terms in a text.

Built-in entries live in ``duben/data/glossary/*.toml`` (one table per entry, keyed by
its id). Users can add TOML files in the same format, or CSV/TSV files with a header
row naming at least ``term``, ``pinyin`` and ``gloss``. User entries override built-in
entries with the same id and add new ones; the built-in files are never modified.

Matching runs on the text itself, not on a segmentation: the longest form wins, and a
match may run across an enumeration comma or a quotation mark (“高、精、尖、特”,
碳达峰、碳中和) when the comma stands where the term itself has one, or splits it into
parts of at least two characters each.
"""

from __future__ import annotations

import csv
import functools
import io
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from duben.errors import GlossaryError
from duben.hanzi import HAN, TERM_SEPARATORS
from duben.model import Expansion, GlossaryEntry, TermMatch

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

__all__ = ["Glossary", "default_glossary", "load_glossary"]

#: Allowed entry categories.
CATEGORIES = frozenset(
    {
        "plan-meeting",
        "institution",
        "economy-finance",
        "industry",
        "agriculture-rural",
        "ecology",
        "urban-social",
        "science-technology",
        "party-building",
        "development-concept",
        "reform-governance",
        "culture-publicity",
        "place",
        "organisation",
    }
)

_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_HEADER = re.compile(r'^\s*\[\s*"?([^\]"]+)"?\s*\]\s*(?:#.*)?$')
_TEXT_FIELDS = ("term", "traditional", "pinyin", "gloss", "literal", "explanation", "category", "pinyin_note")
_LIST_FIELDS = ("aliases", "related", "sources")
_KNOWN_FIELDS = frozenset((*_TEXT_FIELDS, *_LIST_FIELDS, "official", "expansion", "id"))


def _strip_separators(form: str) -> tuple[str, frozenset[int]]:
    """A form without separators, and the positions where separators stood."""
    kept: list[str] = []
    splits = set()
    for char in form:
        if char in TERM_SEPARATORS:
            if kept:
                splits.add(len(kept))
        elif not char.isspace():
            kept.append(char)
    return "".join(kept), frozenset(splits)


def _han_count(text: str) -> int:
    return len(HAN.findall(text))


class Glossary(Mapping[str, GlossaryEntry]):
    """A read-only set of glossary entries with a matcher over their surface forms.

    Use :func:`default_glossary` for the built-in one and :meth:`extended` to add a
    user's entries.
    """

    def __init__(self, entries: Iterable[GlossaryEntry], *, overrides: Iterable[GlossaryEntry] = ()) -> None:
        merged: dict[str, GlossaryEntry] = {}
        for entry in entries:
            merged[entry.id] = entry
        user_ids = set()
        for entry in overrides:
            merged[entry.id] = entry
            user_ids.add(entry.id)
        self._entries = MappingProxyType(merged)
        self._user_ids = frozenset(user_ids)
        # first character -> [(key, allowed split positions, id)], longest key first
        index: dict[str, list[tuple[str, frozenset[int], str]]] = {}
        owner: dict[str, str] = {}
        for entry in merged.values():
            for form in entry.forms:
                key, splits = _strip_separators(form)
                if not key:
                    continue
                previous = owner.get(key)
                # User entries win over built-in ones; otherwise the first file's entry stays.
                if previous is not None and not (entry.id in user_ids and previous not in user_ids):
                    continue
                owner[key] = entry.id
                index.setdefault(key[0], []).append((key, splits, entry.id))
        for key_list in index.values():
            key_list[:] = [item for item in key_list if owner[item[0]] == item[2]]
            key_list.sort(key=lambda item: -len(item[0]))
        self._index = index
        self._owner = owner

    # Mapping protocol
    def __getitem__(self, key: str) -> GlossaryEntry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"<Glossary with {len(self)} entries>"

    def extended(self, *sources: str | os.PathLike[str] | Iterable[GlossaryEntry]) -> Glossary:
        """A new glossary with the entries of ``sources`` added; they win on the same id or form."""
        extra: list[GlossaryEntry] = []
        for source in sources:
            if isinstance(source, (str, os.PathLike)):
                extra.extend(load_glossary(source))
            else:
                extra.extend(source)
        return Glossary(self._entries.values(), overrides=[*(self._entries[i] for i in self._user_ids), *extra])

    def lookup(self, form: str) -> GlossaryEntry | None:
        """The entry a surface form (term, traditional form or alias) resolves to."""
        key, _ = _strip_separators(form)
        entry_id = self._owner.get(key)
        return self._entries[entry_id] if entry_id else None

    def search(self, word: str) -> list[GlossaryEntry]:
        """Entries whose forms, id or English text contain ``word`` (case-insensitive), best first."""
        needle = word.casefold()
        exact, partial, english = [], [], []
        for entry in self._entries.values():
            if needle in (f.casefold() for f in entry.forms) or needle == entry.id:
                exact.append(entry)
            elif any(needle in f.casefold() for f in entry.forms) or needle in entry.id:
                partial.append(entry)
            elif needle in f"{entry.gloss} {entry.literal} {entry.explanation}".casefold():
                english.append(entry)
        partial.sort(key=lambda e: len(e.term))
        return [*exact, *partial, *english]

    def match(self, text: str) -> list[TermMatch]:
        """Every glossary term in ``text``: longest matches first, then terms nested in them.

        Top-level matches do not overlap and come in text order; a term found inside a
        longer one follows it with ``parent`` set to the longer term's id.
        """
        skeleton: list[int] = []  # offsets of the non-separator characters
        boundary: list[str] = []  # the separators standing right before this skeleton character
        pending = ""
        for offset, char in enumerate(text):
            if char in TERM_SEPARATORS:
                pending += char
                continue
            skeleton.append(offset)
            boundary.append(pending)
            pending = ""
        chars = "".join(text[i] for i in skeleton)
        found: list[TermMatch] = []
        position = 0
        while position < len(chars):
            hit = self._longest_at(chars, boundary, position, len(chars))
            if hit is None:
                position += 1
                continue
            key_length, entry_id = hit
            start, end = skeleton[position], skeleton[position + key_length - 1] + 1
            match = TermMatch(entry_id, start, end, text[start:end])
            found.append(match)
            found.extend(self._nested(chars, boundary, skeleton, text, position, position + key_length, entry_id))
            position += key_length
        return found

    def _longest_at(
        self, chars: str, boundary: list[str], position: int, limit: int, below: int | None = None
    ) -> tuple[int, str] | None:
        for key, splits, entry_id in self._index.get(chars[position], ()):
            end = position + len(key)
            if end > limit or (below is not None and len(key) >= below) or chars[position:end] != key:
                continue
            crossed = [(i - position, boundary[i]) for i in range(position + 1, end) if boundary[i]]
            if all(self._may_cross(split, separators, key, splits) for split, separators in crossed):
                return len(key), entry_id
        return None

    @staticmethod
    def _may_cross(split: int, separators: str, key: str, splits: frozenset[int]) -> bool:
        """Whether a match may run across ``separators`` standing before ``key[split]``."""
        if split in splits:
            return True
        # An enumeration comma alone may join two parts of two or more characters each
        # (碳达峰、碳中和); a quotation mark closes or opens a quotation, so never.
        return separators == "、" and not splits and split >= 2 and len(key) - split >= 2

    def _nested(
        self, chars: str, boundary: list[str], skeleton: list[int], text: str, start: int, end: int, parent: str
    ) -> Iterator[TermMatch]:
        position = start
        while position < end:
            hit = self._longest_at(chars, boundary, position, end, below=end - start)
            if hit is None:
                position += 1
                continue
            length, entry_id = hit
            if entry_id != parent:  # an alias of the parent inside it says nothing new
                s, e = skeleton[position], skeleton[position + length - 1] + 1
                yield TermMatch(entry_id, s, e, text[s:e], parent=parent)
            position += length


# --- loading ----------------------------------------------------------------------------


def _header_lines(source: str) -> dict[str, int]:
    lines: dict[str, int] = {}
    for number, line in enumerate(source.splitlines(), start=1):
        match = _HEADER.match(line)
        if match and not line.lstrip().startswith("[["):
            lines.setdefault(match.group(1).strip(), number)
    return lines


def _field_line(source_lines: list[str], header: int, field: str) -> int:
    pattern = re.compile(rf"^\s*{re.escape(field)}\s*=")
    for number in range(header, len(source_lines)):
        line = source_lines[number]
        if number > header and _HEADER.match(line):
            break
        if pattern.match(line):
            return number + 1
    return header + 1


def _text_list(value: Any, *, path: str, line: int, field: str) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [v.strip() for v in value.split("|") if v.strip()]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise GlossaryError("must be a list of strings", path=path, line=line, field=field)
    return tuple(value)


def _make_entry(entry_id: str, data: Mapping[str, Any], *, path: str, line: int, field_line: Any) -> GlossaryEntry:
    if not _ID.fullmatch(entry_id):
        raise GlossaryError(f"id {entry_id!r} must be lowercase ASCII words joined by hyphens", path=path, line=line, field="id")
    unknown = set(data) - _KNOWN_FIELDS
    if unknown:
        name = sorted(unknown)[0]
        raise GlossaryError(f"unknown field {name!r}", path=path, line=field_line(name), field=name)
    values: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        value = data.get(name, "")
        if not isinstance(value, str):
            raise GlossaryError("must be a string", path=path, line=field_line(name), field=name)
        values[name] = value.strip()
    for name in ("term", "pinyin", "gloss"):
        if not values[name]:
            raise GlossaryError(f"missing {name}", path=path, line=field_line(name), field=name)
    if values["category"] and values["category"] not in CATEGORIES:
        raise GlossaryError(
            f"unknown category {values['category']!r} (one of {', '.join(sorted(CATEGORIES))})",
            path=path,
            line=field_line("category"),
            field="category",
        )
    official = data.get("official", False)
    if isinstance(official, str):
        official = official.strip().lower() in ("1", "true", "yes", "official")
    if not isinstance(official, bool):
        raise GlossaryError("must be true or false", path=path, line=field_line("official"), field="official")
    lists: dict[str, Any] = {
        name: _text_list(data.get(name, []), path=path, line=field_line(name), field=name) for name in _LIST_FIELDS
    }
    expansion = []
    for item in data.get("expansion", []) or []:
        if isinstance(item, str):
            item = {"text": item}
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            raise GlossaryError("each item needs a text", path=path, line=field_line("expansion"), field="expansion")
        expansion.append(Expansion(**{k: str(item.get(k, "")) for k in ("text", "pinyin", "gloss", "explanation")}))
    _check_pinyin(values["term"], values["pinyin"], path=path, line=field_line("pinyin"))
    return GlossaryEntry(
        id=entry_id,
        official=official,
        expansion=tuple(expansion),
        origin=path,
        line=line,
        **values,
        **lists,
    )


def _check_pinyin(term: str, pinyin: str, *, path: str, line: int) -> None:
    from duben.pinyin import split_pinyin

    try:
        count = len(split_pinyin(pinyin))
    except ValueError as error:
        raise GlossaryError(f"pinyin {pinyin!r}: {error}", path=path, line=line, field="pinyin") from None
    expected = _han_count(term)
    if count != expected:
        raise GlossaryError(
            f"pinyin {pinyin!r} has {count} syllables for {expected} Han characters in {term!r}",
            path=path,
            line=line,
            field="pinyin",
        )


def _slug(pinyin: str) -> str:
    from duben.pinyin import split_pinyin

    return "-".join(s[:-1] for s in split_pinyin(pinyin)) or "entry"


def _parse_toml(source: str, path: str) -> list[GlossaryEntry]:
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        line_match = re.search(r"line (\d+)", str(error))
        raise GlossaryError(
            f"not valid TOML: {error}", path=path, line=int(line_match.group(1)) if line_match else None
        ) from None
    headers = _header_lines(source)
    source_lines = source.splitlines()
    entries = []
    for entry_id, table in data.items():
        line = headers.get(entry_id, 0)
        if not isinstance(table, dict):
            raise GlossaryError("top-level keys must be entry tables ([id])", path=path, line=line or None, field=entry_id)

        def field_line(name: str, header: int = line) -> int:
            return _field_line(source_lines, header - 1, name) if header else 0

        entries.append(_make_entry(entry_id, table, path=path, line=line, field_line=field_line))
    return entries


#: What a malformed CSV or TSV row should have been.
_QUOTING_HINT = "quote a whole cell, doubling the quotes inside it"


def _rows(reader: csv.DictReader[str], path: str) -> Iterator[dict[str | None, Any]]:
    """The rows of a strict ``reader``, with a malformed one (a stray or unclosed quote) as an error.

    Without ``strict`` the csv module mends such rows by guessing: it drops the quotes of
    ``"Two Sessions" meetings`` and lets an unclosed quote swallow the rest of the file.
    """
    rows = iter(reader)
    while True:
        begun = reader.line_num + 1
        try:
            row = next(rows)
        except StopIteration:
            return
        except csv.Error as error:
            raise GlossaryError(f"malformed row: {error} ({_QUOTING_HINT})", path=path, line=begun) from None
        yield row


def _parse_delimited(source: str, path: str, delimiter: str) -> list[GlossaryEntry]:
    reader = csv.DictReader(io.StringIO(source), delimiter=delimiter, strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        raise GlossaryError(f"malformed header row: {error} ({_QUOTING_HINT})", path=path, line=1) from None
    fields = [f.strip() for f in header]
    missing = [name for name in ("term", "pinyin", "gloss") if name not in fields]
    if missing:
        raise GlossaryError(f"header row lacks column {missing[0]!r}", path=path, line=1, field=missing[0])
    entries = []
    seen: dict[str, int] = {}
    for row in _rows(reader, path):
        line = reader.line_num
        if None in row:  # cells past the header's columns: an unquoted delimiter inside a cell
            extra = len(row[None])  # type: ignore[index]
            raise GlossaryError(
                f"{extra} more cell{'s' * (extra > 1)} than the header has columns (quote a cell that holds {delimiter!r})",
                path=path,
                line=line,
            )
        data = {k.strip(): (v or "").strip() for k, v in row.items() if k}
        if not any(data.values()):
            continue
        entry_id = data.pop("id", "") or _slug(data.get("pinyin", ""))
        data = {k: v for k, v in data.items() if v}
        if entry_id in seen:
            raise GlossaryError(f"duplicate id {entry_id!r} (first on line {seen[entry_id]})", path=path, line=line, field="id")
        seen[entry_id] = line
        entries.append(_make_entry(entry_id, data, path=path, line=line, field_line=lambda name, line=line: line))
    return entries


def parse_glossary(source: str, path: str = "<glossary>", *, format: str | None = None) -> list[GlossaryEntry]:
    """Parse glossary entries from text in TOML, CSV or TSV format (by ``format`` or ``path``'s suffix).

    Raises:
        GlossaryError: naming the file, line and field at fault.
    """
    kind = (format or Path(path).suffix.lstrip(".") or "toml").lower()
    if kind == "toml":
        return _parse_toml(source, path)
    if kind in ("csv", "tsv"):
        return _parse_delimited(source, path, "\t" if kind == "tsv" else ",")
    raise GlossaryError(f"unknown glossary format {kind!r} (use .toml, .csv or .tsv)", path=path)


def load_glossary(path: str | os.PathLike[str]) -> list[GlossaryEntry]:
    """Read the entries of one glossary file (TOML, CSV or TSV)."""
    name = os.fspath(path)
    try:
        source = Path(name).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise GlossaryError("no such file", path=name) from None
    except IsADirectoryError:
        raise GlossaryError("is a directory, not a glossary file", path=name) from None
    except UnicodeDecodeError as error:
        raise GlossaryError(f"not UTF-8 (byte offset {error.start})", path=name) from None
    return parse_glossary(source, name)


def builtin_files() -> list[tuple[str, str]]:
    """``(name, text)`` of every built-in glossary file, in name order."""
    folder = resources.files("duben") / "data" / "glossary"
    files = sorted((f for f in folder.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
    return [(f"duben/data/glossary/{f.name}", f.read_text(encoding="utf-8")) for f in files]


@functools.lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """The built-in glossary, read once on first use.

    Raises:
        GlossaryError: when two built-in files define the same id.
    """
    entries: list[GlossaryEntry] = []
    first: dict[str, GlossaryEntry] = {}
    for name, source in builtin_files():
        for entry in parse_glossary(source, name):
            if entry.id in first:
                other = first[entry.id]
                raise GlossaryError(
                    f"duplicate id {entry.id!r} (also {other.origin}:{other.line})", path=name, line=entry.line, field="id"
                )
            first[entry.id] = entry
            entries.append(entry)
    return Glossary(entries)


#: What ``glossary=`` accepts: a Glossary, a file path, entries, or a list of paths and entries.
GlossaryLike = Glossary | str | os.PathLike | Iterable[str | os.PathLike | GlossaryEntry]


def resolve_glossary(glossary: GlossaryLike | None) -> Glossary:
    """The glossary to use: the built-in one, a given :class:`Glossary` as is, or the
    built-in one extended by files and entries (which win on the same id or form)."""
    if glossary is None:
        return default_glossary()
    if isinstance(glossary, Glossary):
        return glossary
    if isinstance(glossary, (str, os.PathLike)):
        return default_glossary().extended(glossary)
    items = list(glossary)
    paths = [item for item in items if isinstance(item, (str, os.PathLike))]
    entries = [item for item in items if isinstance(item, GlossaryEntry)]
    return default_glossary().extended(*paths, entries)


def check_entries(entries: Iterable[GlossaryEntry], known_ids: Iterable[str] = ()) -> list[GlossaryError]:
    """Cross-entry problems: duplicate ids, unknown related ids, forms claimed twice."""
    problems: list[GlossaryError] = []
    entries = list(entries)
    ids: dict[str, GlossaryEntry] = {}
    for entry in entries:
        if entry.id in ids:
            other = ids[entry.id]
            problems.append(
                GlossaryError(
                    f"duplicate id {entry.id!r} (also line {other.line})", path=entry.origin, line=entry.line, field="id"
                )
            )
        ids.setdefault(entry.id, entry)
    valid = set(ids) | set(known_ids)
    forms: dict[str, GlossaryEntry] = {}
    for entry in entries:
        for related in entry.related:
            if related not in valid:
                problems.append(
                    GlossaryError(f"unknown related id {related!r}", path=entry.origin, line=entry.line, field="related")
                )
        for form in entry.forms:
            key, _ = _strip_separators(form)
            claimed = forms.get(key)
            if claimed is not None and claimed.id != entry.id:
                problems.append(
                    GlossaryError(
                        f"form {form!r} is also claimed by {claimed.id!r} ({claimed.origin}:{claimed.line})",
                        path=entry.origin,
                        line=entry.line,
                        field="aliases",
                    )
                )
            forms.setdefault(key, entry)
    return problems
