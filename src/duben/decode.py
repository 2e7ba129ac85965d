"""Turning input bytes into text: UTF-8 (with or without BOM), GB18030 and Big5.

Line endings are never touched: ``\\r\\n`` and ``\\r`` stay in the text so offsets
match the file byte for byte after decoding.

>>> decode_bytes("兴县".encode("gb18030"))
'兴县'
>>> decode_bytes("興縣的發展".encode("big5"))
'興縣的發展'
"""

from __future__ import annotations

import codecs
import os
from pathlib import Path

from duben.errors import InputError
from duben.hanzi import HAN

__all__ = ["decode_bytes", "read_text"]

#: Encodings tried, in order, when none is named and the bytes are not UTF-8.
FALLBACK_ENCODINGS = ("gb18030", "big5")

# Bytes that never occur in text: NUL and most C0 controls (tab, line feed, carriage
# return, form feed and escape excepted).
_BINARY_BYTES = frozenset(range(32)) - {9, 10, 12, 13, 27}


#: Byte-order marks that name their encoding; UTF-32's first, as its little-endian mark
#: begins with UTF-16's.
_BYTE_ORDER_MARKS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def _looks_binary(data: bytes | str) -> bool:
    """Whether bytes, or text decoded from an encoding where NUL bytes are normal (UTF-16), hold controls."""
    sample = data[:4096]
    codes = sample if isinstance(sample, bytes) else [ord(char) for char in sample]
    if 0 in codes:
        return True
    controls = sum(1 for code in codes if code in _BINARY_BYTES)
    return controls > max(2, len(codes) // 100)


def _plausibility(text: str) -> float:
    """Share of Han characters that are common in either script.

    A wrong guess between GB18030 and Big5 still decodes, but into rare characters;
    the common ones are those in GB2312's first level or Big5's frequent block.
    """
    han = HAN.findall(text)
    if not han:
        return 1.0
    common = 0
    for char in han:
        try:
            gb = char.encode("gb2312")
            if 0xB0 <= gb[0] <= 0xD7:
                common += 1
                continue
        except UnicodeEncodeError:
            pass
        try:
            big5 = char.encode("big5")
            if 0xA440 <= int.from_bytes(big5, "big") <= 0xC67E:
                common += 1
        except UnicodeEncodeError:
            pass
    return common / len(han)


def _damaged_utf8(data: bytes) -> bool:
    """Whether ``data`` is UTF-8 but for a few bad bytes (a file cut short or corrupted).

    Read as UTF-8, GB18030 and Big5 text gives mostly invalid sequences (about three
    for each one that happens to be valid); damaged UTF-8 gives nearly all valid ones.
    Decoding it as GB18030 instead would turn every character into mojibake.
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    good = sum(1 for char in text if char > "\x7f") - bad
    return good >= 4 * bad


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def decode_bytes(data: bytes, encoding: str | None = None, *, source: str = "<input>") -> str:
    """Decode ``data`` as text, detecting the encoding when ``encoding`` is ``None``.

    A UTF-16 or UTF-32 byte-order mark names the encoding of data that would
    otherwise look binary; a byte-order mark is dropped; nothing else is changed.

    Raises:
        InputError: for binary data, an unknown encoding, or bytes that do not decode.
    """
    # UTF-16 and UTF-32 text is full of NUL bytes: with a byte-order mark or a named
    # encoding, it is the decoded text that must not look binary.
    if encoding is None and _looks_binary(data):
        encoding = next((name for mark, name in _BYTE_ORDER_MARKS if data.startswith(mark)), None)
        if encoding is None:
            raise InputError("binary data, not text (found NUL or control bytes)", source=source)
    if encoding is not None:
        try:
            codec = codecs.lookup(encoding)
        except LookupError:
            raise InputError(f"unknown encoding {encoding!r}", source=source) from None
        try:
            text = data.decode(codec.name)
        except UnicodeDecodeError as error:
            raise InputError(
                f"bytes at offset {error.start} do not decode as {encoding}", source=source, line=_line_of(data, error.start)
            ) from None
        except LookupError:  # a bytes-to-bytes codec such as base64 or rot13
            raise InputError(f"{encoding!r} is not a text encoding", source=source) from None
        except UnicodeError as error:  # codecs that fail without a position ('undefined')
            raise InputError(f"bytes do not decode as {encoding}: {error}", source=source) from None
        if _looks_binary(text):
            raise InputError(f"binary data, not text (found NUL or control characters decoding as {encoding})", source=source)
        return text.removeprefix("\ufeff")
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        utf8_error = error
    if _damaged_utf8(data):
        raise InputError(
            f"bytes at offset {utf8_error.start} are not UTF-8, though the rest is (a damaged or cut-short file?)",
            source=source,
            line=_line_of(data, utf8_error.start),
        )
    decoded = []
    for name in FALLBACK_ENCODINGS:
        try:
            decoded.append((_plausibility(text := data.decode(name)), name, text))
        except UnicodeDecodeError:
            continue
    if not decoded:
        raise InputError(
            f"not UTF-8, GB18030 or Big5 (undecodable bytes at offset {utf8_error.start}); name the encoding with --encoding",
            source=source,
            line=_line_of(data, utf8_error.start),
        )
    # Highest plausibility wins; on a tie the earlier (GB18030) is kept.
    best = max(decoded, key=lambda item: (item[0], -FALLBACK_ENCODINGS.index(item[1])))
    return best[2]


def read_text(path: str | os.PathLike[str], encoding: str | None = None) -> str:
    """Read a file as text with :func:`decode_bytes`.

    Raises:
        InputError: when the path is missing, a directory or unreadable, or its bytes are not text.
    """
    name = os.fspath(path)
    file = Path(name)
    if file.is_dir():
        raise InputError("is a directory, not a text file", source=name)
    try:
        data = file.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file", source=name) from None
    except OSError as error:
        raise InputError(f"cannot read: {error.strerror or error}", source=name) from None
    return decode_bytes(data, encoding, source=name)
