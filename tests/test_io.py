"""Decoding policy and atomic writes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

import textclean
from textclean.io import BinaryInputError, DecodeError, atomic_open, decode_bytes, parse_record


def test_utf8_and_boms() -> None:
    assert decode_bytes("é".encode()) == ("é", "utf-8")
    assert decode_bytes(b"\xef\xbb\xbfhi") == ("hi", "utf-8-sig")
    assert decode_bytes(b"\xef\xbb\xbfhi", encoding="utf-8") == ("hi", "utf-8-sig")
    assert decode_bytes("hé".encode("utf-16")) == ("hé", "utf-16")
    assert textclean.decode(b"") == ""


def test_invalid_utf8_names_the_byte_offset() -> None:
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte 3") as info:
        decode_bytes(b"abc\xff def", encoding="utf-8")
    assert info.value.offset == 3


def test_replace_is_lossy_on_purpose() -> None:
    assert decode_bytes(b"abc\xff", encoding="utf-8", errors="replace")[0] == "abc\ufffd"


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(BinaryInputError, match="NUL byte at offset 2"):
        decode_bytes(b"ab\x00cd")


def test_unknown_encoding_and_errors_are_clear() -> None:
    with pytest.raises(textclean.InputError, match="unknown encoding 'klingon'"):
        decode_bytes(b"x", encoding="klingon")
    with pytest.raises(textclean.InputError, match="errors must be"):
        decode_bytes(b"x", errors="ignore")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="must be bytes"):
        textclean.decode("already text")  # type: ignore[arg-type]


def test_jsonl_records_report_line_numbers() -> None:
    assert parse_record(1, '{"text": "a"}', "text").value == {"text": "a"}
    assert parse_record(3, "{bad", "text").error.startswith("line 3: invalid JSON")  # type: ignore[union-attr]
    assert parse_record(4, '{"other": 1}', "text").error == "line 4: no field 'text'"
    assert parse_record(5, "[1]", "text").error == "line 5: not a JSON object"
    assert parse_record(6, '{"text": 2}', "text").error == "line 6: field 'text' is not a string"


def test_atomic_write_keeps_mode(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")
    os.chmod(path, 0o640)
    with atomic_open(path) as handle:
        handle.write(b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_interrupted_atomic_write_leaves_the_old_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_open(path) as handle:
        handle.write(b"half of the new")
        raise KeyboardInterrupt
    assert path.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]
