"""Index files in the user's cache: derived data built once, opened read-only after.

A source (a dictionary file, a phrase list) is parsed once into an SQLite file named
after the sources' paths, sizes and modification times, so an edited or replaced source
builds a new index and the old one is deleted; the content hash is recorded inside.
Later processes open the index in milliseconds and hold almost nothing in memory.
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3

__all__ = ["INDEX_VERSION", "cache_dir", "open_index"]

logger = logging.getLogger("duben.index")

#: Bump when the layout of the index files changes; old files are then ignored.
INDEX_VERSION = 1

_ENV_CACHE = "DUBEN_CACHE_DIR"


def cache_dir() -> Path:
    """Where index files live: ``$DUBEN_CACHE_DIR``, else ``$XDG_CACHE_HOME/duben``, else ``~/.cache/duben``."""
    explicit = os.environ.get(_ENV_CACHE)
    if explicit:
        return Path(explicit)
    xdg = os.environ.get("XDG_CACHE_HOME")
    base = Path(xdg) if xdg else Path.home() / ".cache"
    return base / "duben"


def _fingerprint(sources: Iterable[Path]) -> tuple[str, str]:
    """Digests of the sources' identity (paths) and state (paths, sizes, mtimes).

    Size and modification time catch a replaced or edited file without reading it;
    the content hash is recorded inside the index when it is built.
    """
    identity = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    state = hashlib.sha256(f"v{INDEX_VERSION}".encode())
    for source in sources:
        resolved = source.resolve()
        info = resolved.stat()
        identity.update(os.fsencode(resolved) + b"\0")
        state.update(os.fsencode(resolved) + f"\0{info.st_size}\0{info.st_mtime_ns}\0".encode())
    return identity.hexdigest()[:12], state.hexdigest()[:16]


def _content_hash(paths: Iterable[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()


def open_index(kind: str, sources: Sequence[Path], build: Callable[[sqlite3.Connection], None]) -> sqlite3.Connection:
    """Open the index of ``sources``, building it first when it is missing or stale."""
    import sqlite3  # deferred: only a lookup needs it

    identity, state = _fingerprint(sources)
    directory = cache_dir()
    target = directory / f"{kind}-{identity}-{state}.sqlite3"
    if target.is_file():
        try:
            return _connect_read_only(target)
        except sqlite3.Error:
            logger.warning("index %s is unreadable; rebuilding it", target)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(prefix=f".{kind}-", suffix=".tmp", dir=directory)
        os.close(handle)
    except OSError as error:
        logger.warning("cannot write the cache directory %s (%s); indexing in memory", directory, error)
        connection = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(connection, kind, sources, build)
        return connection
    try:
        connection = sqlite3.connect(temporary)
        try:
            _fill(connection, kind, sources, build)
        finally:
            connection.close()
        # Atomic: a concurrent process sees either no index or a whole one.
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    for stale in directory.glob(f"{kind}-{identity}-*.sqlite3"):
        if stale != target:
            stale.unlink(missing_ok=True)
    logger.info("built %s index %s", kind, target)
    return _connect_read_only(target)


def _connect_read_only(path: Path) -> sqlite3.Connection:
    import sqlite3

    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
    connection.execute("SELECT 1 FROM meta LIMIT 1")
    return connection


def _fill(
    connection: sqlite3.Connection, kind: str, sources: Sequence[Path], build: Callable[[sqlite3.Connection], None]
) -> None:
    connection.execute("PRAGMA journal_mode = OFF")
    connection.execute("PRAGMA synchronous = OFF")
    connection.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT) WITHOUT ROWID")
    with connection:
        build(connection)
        connection.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [
                ("kind", kind),
                ("version", str(INDEX_VERSION)),
                ("sources", "\n".join(str(s) for s in sources)),
                ("sha256", _content_hash(sources)),
            ],
        )


