r"""Bytes in and out: decoding policy, binary detection, JSONL records, atomic writes, folder walks.

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
import unicodedata
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
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
    check_encoding(encoding)
    try:
        return data.decode(encoding, errors), encoding
    except UnicodeDecodeError as error:
        name = "UTF-8" if encoding.startswith("utf-8") else encoding
        raise DecodeError(f"invalid {name} at byte {error.start}", error.start) from None


def check_encoding(encoding: str) -> None:
    """Raise :class:`InputError` unless ``encoding`` names a codec that turns bytes into text.

    >>> check_encoding("rot13")
    Traceback (most recent call last):
    ...
    textclean.errors.InputError: 'rot13' is not a text encoding
    """
    try:
        b"x".decode(encoding)
    except LookupError as error:
        if "unknown encoding" in str(error):
            raise InputError(f"unknown encoding {encoding!r}") from None
        raise InputError(f"{encoding!r} is not a text encoding") from None
    except UnicodeDecodeError:  # a real codec, which does not take this byte
        pass


def is_exact_utf8(data: bytes, text: str, encoding: str) -> bool:
    """Tell whether ``text`` encodes back to exactly ``data``: UTF-8 with no BOM and nothing replaced."""
    same_count = text.count("\ufffd") == data.count("\ufffd".encode())
    return codecs.lookup(encoding).name == "utf-8" and same_count


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


# --- writing files -----------------------------------------------------------------------------------

# A file being written is ".NAME.textclean-PID.tmp" beside its target: hidden, never taken for an input, and
# found again by a later run, which removes it once the process that wrote it is gone.
_TEMP_NAME = re.compile(r"\..+\.textclean-(\d+)\.tmp")
_NAME_BYTES = 200  # of the target's name in a temporary file's name: the whole name stays under 255 bytes


def temp_path(path: Path) -> Path:
    """Return the temporary file in which this process writes ``path``.

    >>> temp_path(Path("out/a.txt")) == Path(f"out/.a.txt.textclean-{os.getpid()}.tmp")
    True
    """
    name = os.fsencode(path.name)[:_NAME_BYTES].decode(errors="ignore") or "file"
    return path.with_name(f".{name}.textclean-{os.getpid()}.tmp")


def remove_leftovers(folder: Path) -> list[Path]:
    """Remove the temporary files that runs which are gone left in ``folder``; return them."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match and entry.is_file(follow_symlinks=False) and not _is_running(int(match.group(1))):
            Path(entry.path).unlink(missing_ok=True)
            removed.append(Path(entry.path))
    return removed


def _is_running(pid: int) -> bool:
    if pid == os.getpid():  # a file of this process's number that this process did not write: a leftover
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # alive, and another user's
        return True
    return True


@contextmanager
def atomic_open(path: Path) -> Iterator[BinaryIO]:
    """Open ``path`` for writing so that a crash leaves either the old file or the complete new one.

    The data goes to a temporary file in the same folder (see :func:`temp_path`), is flushed to disk,
    and replaces the old file in one step when the ``with`` block ends; if the block raises, the
    temporary file is removed and the old file is untouched. What the old file was is kept:

    - a symbolic link stays a link, and the file it points to is written;
    - a file with several hard links, or one whose owner cannot be given to the new file, is
      rewritten in place once the new content is complete on disk, so its links and owner stay;
    - its permission bits, owner and group carry over (a new file gets those the umask allows);
    - a device, a FIFO or another non-regular file is written through (``-o /dev/null``).
    """
    try:
        old: os.stat_result | None = path.stat()
    except FileNotFoundError:
        old = None
    if old is not None and not stat.S_ISREG(old.st_mode):
        with path.open("wb") as stream:
            yield stream
        return
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_path(target)
    temp.unlink(missing_ok=True)  # a leftover of a process that had this number
    handle = temp.open("xb")
    try:
        with handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        if old is None:
            os.chmod(temp, _new_file_mode())
        elif old.st_nlink > 1 or not _take_owner(temp, old):
            _copy_into(temp, target)
            temp.unlink()
            return
        os.replace(temp, target)
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def _take_owner(temp: Path, old: os.stat_result) -> bool:
    """Give ``temp`` the owner, group and mode of ``old``; ``False`` if the owner cannot be given."""
    if hasattr(os, "chown") and (old.st_uid, old.st_gid) != (os.getuid(), os.getgid()):
        try:
            os.chown(temp, old.st_uid, old.st_gid)
        except PermissionError:
            return False
    os.chmod(temp, stat.S_IMODE(old.st_mode))
    return True


def _copy_into(source: Path, target: Path) -> None:
    """Overwrite ``target``'s content with ``source``'s, keeping the file itself (links, owner, mode)."""
    with source.open("rb") as data, target.open("r+b") as out:
        while block := data.read(1 << 20):
            out.write(block)
        out.truncate()
        out.flush()
        os.fsync(out.fileno())


def _new_file_mode() -> int:
    """Return the mode a new file gets from ``open``: read-write for all, less the umask."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


# --- JSONL records -----------------------------------------------------------------------------------

# A JSON string or one of the punctuation marks that give a JSON text its structure. Numbers and the
# literals are not tokens: at the top level of a record they only matter as values that are not strings.
_JSON_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[{}\[\]:,]')
_SURROGATE = re.compile("[\ud800-\udfff]")


class RecordError(InputError):
    """A JSONL line that is not a record with the field to clean: kept unchanged, reported with its number."""


@dataclass(frozen=True)
class Record:
    r"""The text of a JSONL record's field, and the span of its value (a JSON string) in the line's bytes.

    >>> line = b'{"id": 1e400, "text": "a  "}\r\n'
    >>> record = parse_record(line, "text")
    >>> record.text
    'a  '
    >>> record.replace(line, "a")
    b'{"id": 1e400, "text": "a"}\r\n'
    """

    text: str
    start: int
    end: int
    output: tuple[int, int] | None = None  # where the clean text goes instead (the output field's value, or a new key)
    output_key: bytes = b""  # ``, "NAME": `` when the output field is new to the record

    def replace(self, line: bytes, text: str) -> bytes:
        r"""Return ``line`` with the field's value (or the output field's) set to ``text``; the rest stays.

        >>> line = b'{"text": "a  "}\n'
        >>> parse_record(line, "text", output_field="clean").replace(line, "a")
        b'{"text": "a  ", "clean": "a"}\n'
        """
        start, end = (self.start, self.end) if self.output is None else self.output
        return line[:start] + self.output_key + json_string(text) + line[end:]


def parse_record(line: bytes, field: str, errors: Errors = "strict", output_field: str | None = None) -> Record:
    """Find ``field`` in one JSONL line (its line ending and, on the first line, a BOM included).

    The line must be one JSON object (strict JSON: no NaN or Infinity) whose ``field`` is a string
    and appears once; anything else raises :class:`RecordError` with the reason. With
    ``output_field``, the record also says where that field's value is (a string, replaced) or where
    it goes (before the closing brace).
    """
    body = line.rstrip(b"\r\n")
    skip = len(codecs.BOM_UTF8) if body.startswith(codecs.BOM_UTF8) else 0
    try:
        decoded = body[skip:].decode("utf-8", errors)
    except UnicodeDecodeError as error:
        raise RecordError(f"invalid UTF-8 at byte {error.start + skip} of the line") from None
    value = _parse_object(decoded)
    spans = _top_level_values(body, field)
    if not spans:
        raise RecordError(f"no field {field!r}")
    if len(spans) > 1:
        raise RecordError(f"field {field!r} appears {len(spans)} times")
    text = value[field]
    if not isinstance(text, str):
        raise RecordError(f"field {field!r} is not a string")
    if output_field is None:
        return Record(text, *spans[0])
    outputs = _top_level_values(body, output_field)
    if not outputs:
        end = body.rindex(b"}")
        return Record(text, *spans[0], (end, end), b", " + json_string(output_field) + b": ")
    if len(outputs) > 1 or not isinstance(value[output_field], str):
        raise RecordError(f"output field {output_field!r} is there already, and not as one string")
    return Record(text, *spans[0], outputs[0])


def _parse_object(text: str) -> dict[str, Any]:
    """Parse one JSON object, or raise :class:`RecordError`; numbers are checked, never converted."""
    try:
        value = json.loads(text, parse_int=len, parse_float=len, parse_constant=_not_json)
    except RecursionError:
        raise RecordError("invalid JSON (nested too deeply)") from None
    except ValueError as error:
        raise RecordError(f"invalid JSON ({error})") from None
    if not isinstance(value, dict):
        raise RecordError("not a JSON object")
    return value


def _not_json(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def _top_level_values(body: bytes, field: str) -> list[tuple[int, int]]:
    """Return the byte span of each value of ``field`` in a valid JSON object (a non-string's: its start)."""
    wanted = json_string(field)
    spans = []
    depth = 0
    key_next = taking = False
    position = 0
    for match in _JSON_TOKEN.finditer(body):
        token = match.group()
        if depth == 1 and taking and token != b":":
            value_start = match.start() if token[:1] in b'"{[' else _skip_space(body, position)
            spans.append((value_start, match.end() if token[:1] == b'"' else value_start + 1))
            taking = False
        if token in (b"{", b"["):
            depth += 1
            key_next = depth == 1
        elif token in (b"}", b"]"):
            depth -= 1
        elif depth == 1 and token == b",":
            key_next = True
        elif depth == 1 and key_next and token[:1] == b'"':
            key_next = False
            taking = token == wanted or (b"\\" in token and json.loads(token) == field)
        position = match.end()
    return spans


def _skip_space(body: bytes, position: int) -> int:
    """Return the offset of the first byte at or after ``position`` that is not JSON white space or ':'."""
    while body[position : position + 1] in (b" ", b"\t", b"\n", b"\r", b":"):
        position += 1
    return position


def json_string(text: str) -> bytes:
    r"""Encode ``text`` as a JSON string in UTF-8; a lone surrogate (valid in JSON) stays an escape.

    >>> json_string('é "\ud800"')
    b'"\xc3\xa9 \\"\\ud800\\""'
    """
    return json_line(text)[:-1]


def json_line(value: Any) -> bytes:
    """Serialize ``value`` as one line of JSON in UTF-8, ending with a line feed."""
    line = json.dumps(value, ensure_ascii=False)
    try:
        return line.encode("utf-8") + b"\n"
    except UnicodeEncodeError:
        return _SURROGATE.sub(lambda match: f"\\u{ord(match.group()):04x}", line).encode("utf-8") + b"\n"


# --- finding files ---------------------------------------------------------------------------------

_KINDS = {
    stat.S_IFIFO: "a FIFO",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}


@dataclass
class Walk:
    """What a folder walk found: the files to clean, each with its path relative to the folder, and what it passed over.

    Nothing is passed over in silence: a link not followed or a special file is a warning, a folder
    that cannot be read is an error.
    """

    files: list[tuple[Path, Path]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def walk_folder(
    root: Path, patterns: Sequence[str], *, follow_links: bool = False, skip: Collection[Path] = ()
) -> Walk:
    """Find the files under ``root`` whose relative path matches one of ``patterns``, in name order.

    Hidden files and folders (a name that starts with a dot) are passed over, and so is every folder
    in ``skip`` (resolved paths: the output folder). A symbolic link is followed only with
    ``follow_links``; a folder reached twice (a link loop) is walked once.

    >>> import tempfile
    >>> root = Path(tempfile.mkdtemp())
    >>> for name in ("b.txt", "a/c.txt", "a/d.md", ".hidden/e.txt"):
    ...     (root / name).parent.mkdir(parents=True, exist_ok=True)
    ...     _ = (root / name).write_text("x")
    >>> (root / "link.txt").symlink_to("/etc/hostname")
    >>> walk = walk_folder(root, ["*.txt"])
    >>> [relative.as_posix() for _, relative in walk.files]
    ['a/c.txt', 'b.txt']
    >>> walk.warnings == [f"{root}/link.txt: skipped: a symbolic link (--follow-links follows links)"]
    True
    """
    walk = Walk()
    seen = {_identity(root.stat())}
    folders = [(root, Path())]
    while folders:
        folder, relative = folders.pop()
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as error:
            walk.errors.append(f"{folder}: cannot read folder: {error.strerror or error}; its files were not cleaned")
            continue
        for entry in reversed(entries):  # folders come off the stack in name order
            path, inner = Path(entry.path), relative / entry.name
            if entry.name.startswith("."):
                continue
            info = _entry_stat(entry, path, follow_links, _matches(inner, patterns), walk)
            if info is None:
                continue
            if stat.S_ISDIR(info.st_mode):
                if path.resolve() in skip:
                    walk.notes.append(f"{path}: not searched for input: it is the output folder")
                elif _identity(info) not in seen:
                    seen.add(_identity(info))
                    folders.append((path, inner))
            elif not _matches(inner, patterns):
                continue
            elif stat.S_ISREG(info.st_mode):
                walk.files.append((path, inner))
            else:
                kind = _KINDS.get(stat.S_IFMT(info.st_mode), "not a regular file")
                walk.warnings.append(f"{path}: skipped: {kind}, not a regular file")
    walk.files.sort(key=lambda found: found[1].parts)
    return walk


def _entry_stat(
    entry: os.DirEntry[str], path: Path, follow_links: bool, matches: bool, walk: Walk
) -> os.stat_result | None:
    """Return what ``entry`` is, following a link only if asked; ``None`` to pass it over (with a warning)."""
    if not entry.is_symlink():
        try:
            return entry.stat(follow_symlinks=False)
        except OSError:
            return None  # gone since the folder was read
    if not follow_links:
        if matches or entry.is_dir():
            walk.warnings.append(f"{path}: skipped: a symbolic link (--follow-links follows links)")
        return None
    try:
        return path.stat()
    except OSError as error:
        if matches:
            reason = "a broken symbolic link" if isinstance(error, FileNotFoundError) else error.strerror
            walk.warnings.append(f"{path}: skipped: {reason}")
        return None


def _matches(relative: Path, patterns: Sequence[str]) -> bool:
    return any(relative.match(pattern) for pattern in patterns)


def _identity(info: os.stat_result) -> tuple[int, int]:
    return info.st_dev, info.st_ino
