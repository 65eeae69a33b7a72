r"""Bytes in and out: decoding policy, binary detection, JSONL records and atomic writes.

>>> decode("café".encode("utf-8"))
'café'
>>> decode("café".encode("cp1252"), encoding="cp1252")
'café'
>>> decode_bytes(b"\xff\xfeh\x00i\x00")
('hi', 'utf-16')
"""

from __future__ import annotations

import codecs
import json
import os
import re
import stat
import tempfile
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, Literal

from textclean.errors import InputError, TextcleanError

Errors = Literal["strict", "replace"]
_WORD = re.compile(r"\w+")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class BytesTypeError(TextcleanError, TypeError):
    """Data to decode that is not bytes."""


class DecodeError(InputError):
    """Bytes that are not valid in the encoding asked for; ``offset`` is the first bad byte."""

    def __init__(self, message: str, offset: int) -> None:
        super().__init__(message)
        self.offset = offset


class BinaryInputError(InputError):
    """Data that holds NUL bytes outside a UTF-16/32 text: not text at all."""


def decode(data: bytes, *, encoding: str = "auto", errors: Errors = "strict") -> str:
    """Decode bytes to text: UTF-8 when it is valid, otherwise the detected encoding.

    Args:
        encoding: ``"auto"`` (UTF-8, a byte-order mark, or detection), or a codec name.
        errors: ``"strict"`` raises :class:`DecodeError` on a bad byte; ``"replace"`` puts U+FFFD.
    """
    return decode_bytes(data, encoding=encoding, errors=errors)[0]


def decode_bytes(data: bytes, *, encoding: str = "auto", errors: Errors = "strict") -> tuple[str, str]:
    """Decode bytes like :func:`decode`, and also return the name of the encoding used."""
    if not isinstance(data, bytes | bytearray | memoryview):
        raise BytesTypeError(f"data must be bytes, not {type(data).__name__}")
    data = bytes(data)
    bom_encoding = next((name for bom, name in _BOMS if data.startswith(bom)), None)
    if errors not in ("strict", "replace"):
        raise InputError(f"errors must be 'strict' or 'replace', not {errors!r}")
    nul = data.find(b"\x00")
    if nul >= 0 and bom_encoding not in ("utf-16", "utf-32"):
        raise BinaryInputError(f"binary data (NUL byte at offset {nul})")
    if encoding == "auto":
        encoding = bom_encoding or _detect(data)
    elif encoding.lower().replace("_", "-") in ("utf-8", "utf8") and bom_encoding == "utf-8-sig":
        encoding = "utf-8-sig"
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}") from None
    try:
        return data.decode(encoding, errors), encoding
    except UnicodeDecodeError as error:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        raise DecodeError(f"invalid {name} at byte {error.start}", error.start) from None


def _detect(data: bytes) -> str:
    """Name the encoding of ``data``: UTF-8 when it is valid, otherwise what a detector guesses.

    chardet is the detector: on short Western text (a line of French or German in Windows-1252) it
    guesses right where charset-normalizer often answers a Baltic or Vietnamese code page.
    """
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return "utf-8"
    guess = _guess_encoding(data)
    if guess is None:
        raise DecodeError("invalid UTF-8 and no other encoding fits", _first_bad_utf8(data))
    return guess


def _guess_encoding(data: bytes) -> str | None:
    """Ask chardet; ``None`` if it has no guess, or its guess does not decode the data.

    On a line or two chardet can take Western text for Cyrillic or Greek ("garзon" for "garçon").
    A reading that puts letters of another script inside Latin words is not text anyone wrote, so
    where Windows-1252, the web's usual legacy code page, reads the bytes with fewer such words, it
    is taken instead.
    """
    import chardet

    name = chardet.detect(data)["encoding"]
    guess = _decoded(data, name) if name else None
    western = _decoded(data, "cp1252")
    if western is not None and (guess is None or _mixed_script_words(western) < _mixed_script_words(guess)):
        return "cp1252"
    return None if guess is None else codecs.lookup(str(name)).name


def _decoded(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (LookupError, UnicodeDecodeError):
        return None


def _mixed_script_words(text: str) -> int:
    """Count the words that mix ASCII letters with letters of a script other than Latin."""
    count = 0
    for word in _WORD.findall(text):
        if word.isascii() or not any("a" <= c <= "z" or "A" <= c <= "Z" for c in word):
            continue
        count += any(c.isalpha() and not c.isascii() and not _is_latin(c) for c in word)
    return count


def _is_latin(char: str) -> bool:
    return unicodedata.name(char, "").startswith("LATIN")


def _first_bad_utf8(data: bytes) -> int:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as error:
        return error.start
    return 0


@dataclass(frozen=True)
class Record:
    """One line of a JSONL file: its 1-based number, the parsed object (or ``None``), the raw line."""

    number: int
    value: dict[str, Any] | None
    raw: str
    error: str | None = None


def parse_record(number: int, line: str, field: str) -> Record:
    """Parse one JSONL line, checking that ``field`` holds a string."""
    try:
        value = json.loads(line)
    except ValueError as error:
        return Record(number, None, line, f"line {number}: invalid JSON ({error})")
    if not isinstance(value, dict):
        return Record(number, None, line, f"line {number}: not a JSON object")
    if field not in value:
        return Record(number, None, line, f"line {number}: no field {field!r}")
    if not isinstance(value[field], str):
        return Record(number, None, line, f"line {number}: field {field!r} is not a string")
    return Record(number, value, line)


def dump_record(value: dict[str, Any]) -> str:
    """Serialize a record as one JSONL line: UTF-8 text, keys in their original order."""
    return json.dumps(value, ensure_ascii=False)


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open ``path`` for writing so that a crash leaves either the old file or the complete new one.

    The data goes to a temporary file in the same folder, is flushed to disk, gets the old file's
    permission bits (a new file gets those the umask allows), and replaces the old file in one step
    when the ``with`` block ends; if the block raises, the temporary file is removed and the old file
    is untouched.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = _new_file_mode()
    fd, temp_name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temp_name, mode)
        os.replace(temp_name, path)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _new_file_mode() -> int:
    """Return the mode a new file gets from ``open``: read-write for all, less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
