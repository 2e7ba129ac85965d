"""Reading input: encodings, BOM, binary data, line endings."""

from __future__ import annotations

import pytest

from duben.decode import decode_bytes, read_text
from duben.errors import InputError

TEXT = "兴县发展和改革局局长表示，要落实“九通一平”建设条件。\n"
TRADITIONAL = "興縣發展和改革局局長表示，要落實「九通一平」建設條件。\n"


@pytest.mark.parametrize(
    "data, expected",
    [
        (TEXT.encode("utf-8"), TEXT),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), TEXT),
        (TEXT.encode("gb18030"), TEXT),
        (TEXT.encode("gbk"), TEXT),
        (TRADITIONAL.encode("big5"), TRADITIONAL),
        (TEXT.replace("\n", "\r\n").encode("gb18030"), TEXT.replace("\n", "\r\n")),
    ],
    ids=["utf8", "utf8-bom", "gb18030", "gbk", "big5", "gb18030-crlf"],
)
def test_encodings_are_detected(data, expected):
    assert decode_bytes(data) == expected


def test_named_encoding_is_used():
    assert decode_bytes(TRADITIONAL.encode("big5"), "big5") == TRADITIONAL


@pytest.mark.parametrize(
    "data, encoding, message",
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary data"),
        (TEXT.encode("utf-8"), "no-such-codec", "unknown encoding 'no-such-codec'"),
        ("第一行\n第二行".encode("gb18030"), "utf-8", "do not decode as utf-8"),
        (b"\xff\xfe\xfd\xfc\x81\x30", None, "not UTF-8, GB18030 or Big5"),
    ],
    ids=["binary", "unknown-codec", "wrong-codec", "undecodable"],
)
def test_bad_bytes_give_one_clear_line(data, encoding, message):
    with pytest.raises(InputError, match=message) as caught:
        decode_bytes(data, encoding, source="in.txt")
    assert "\n" not in str(caught.value)
    assert str(caught.value).startswith("in.txt")


def test_error_names_the_line():
    data = "好\n好\n".encode() + "坏".encode("gb18030")
    with pytest.raises(InputError, match=r"in.txt:3"):
        decode_bytes(data, "utf-8", source="in.txt")


def test_read_text_keeps_line_endings(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes("甲\r\n乙\r丙\n".encode())
    assert read_text(path) == "甲\r\n乙\r丙\n"


@pytest.mark.parametrize("kind", ["missing", "directory"])
def test_read_text_refuses_non_files(tmp_path, kind):
    path = tmp_path / "nothing.txt"
    if kind == "directory":
        path.mkdir()
    with pytest.raises(InputError, match="no such file" if kind == "missing" else "is a directory"):
        read_text(path)
