"""Decoding policy and atomic writes."""

from __future__ import annotations

import os
import stat
import subprocess
from pathlib import Path

import pytest

import textclean
from textclean.io import (
    BinaryInputError,
    DecodeError,
    RecordError,
    atomic_open,
    decode_bytes,
    json_line,
    parse_record,
    remove_leftovers,
    temp_path,
)


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


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{bad", "invalid JSON"),
        (b'{"other": 1}', "no field 'text'"),
        (b"[1]", "not a JSON object"),
        (b'{"text": 2}', "field 'text' is not a string"),
        (b'{"text": null}', "field 'text' is not a string"),
        (b'{"text": "a", "text": "b"}', "field 'text' appears 2 times"),
        (b'{"n": NaN, "text": "a"}', "invalid JSON (NaN is not JSON)"),
        (b'{"n": -Infinity, "text": "a"}', "invalid JSON (-Infinity is not JSON)"),
        (b"[" * 100_000 + b"]" * 100_000, "invalid JSON (nested too deeply)"),
        (b'{"text": "caf\xe9"}', "invalid UTF-8 at byte 13 of the line"),
    ],
)
def test_bad_records_say_why(line: bytes, reason: str) -> None:
    with pytest.raises(RecordError) as info:
        parse_record(line, "text")
    assert str(info.value).startswith(reason)


@pytest.mark.parametrize(
    "line",
    [
        b'{"id": 1e400, "text": "a  "}\n',  # a float past the double range stays as written, not Infinity
        b'{"n": ' + b"9" * 5000 + b', "text": "a  "}\n',  # an integer of any length
        b'{"id": "\\ud800", "text": "a  ", "id": 2}\r\n',  # a lone surrogate, a duplicate key, CRLF
        b'\xef\xbb\xbf{"t\\u0065xt" : "a  ", "z": {"text": [1, {"a": "}"}]}}',  # BOM, escaped key, nesting
    ],
)
def test_only_the_cleaned_field_is_written_anew(line: bytes) -> None:
    record = parse_record(line, "text")
    assert record.text == "a  "
    rewritten = record.replace(line, "a")
    assert rewritten == line[: record.start] + b'"a"' + line[record.end :]
    assert line[record.start : record.end] == b'"a  "'


def test_a_lone_surrogate_in_the_text_is_written_as_an_escape() -> None:
    line = b'{"text": "\\ud800  "}\n'
    record = parse_record(line, "text")
    assert record.text == "\ud800  "
    assert record.replace(line, "\ud800") == b'{"text": "\\ud800"}\n'
    assert json_line({"old": "\udce9"}) == b'{"old": "\\udce9"}\n'


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


def test_a_symlink_stays_a_link_and_its_target_is_written(tmp_path: Path) -> None:
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real.name)
    with atomic_open(link) as handle:
        handle.write(b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"


def test_hard_links_owner_and_mode_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    os.link(path, tmp_path / "b.txt")
    os.chmod(path, 0o604)
    inode = path.stat().st_ino
    with atomic_open(path) as handle:
        handle.write(b"new")
    assert (tmp_path / "b.txt").read_bytes() == b"new"
    assert path.stat().st_ino == inode and stat.S_IMODE(path.stat().st_mode) == 0o604
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.txt"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="giving a file to another user needs root")
def test_owner_is_kept_when_root_rewrites_a_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"old")
    os.chown(path, 1234, 5678)
    with atomic_open(path) as handle:
        handle.write(b"new")
    assert (path.stat().st_uid, path.stat().st_gid, path.read_bytes()) == (1234, 5678, b"new")


def test_a_device_is_written_through() -> None:
    with atomic_open(Path(os.devnull)) as handle:
        handle.write(b"nothing")
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_leftover_temp_files_of_dead_runs_are_removed(tmp_path: Path) -> None:
    gone = tmp_path / f".a.txt.textclean-{_dead_pid()}.tmp"
    gone.write_bytes(b"half")
    alive = tmp_path / f".a.txt.textclean-{os.getppid()}.tmp"
    alive.write_bytes(b"being written")
    assert remove_leftovers(tmp_path) == [gone]
    assert alive.exists() and temp_path(tmp_path / "a.txt").name == f".a.txt.textclean-{os.getpid()}.tmp"


def _dead_pid() -> int:
    """The number of a process that is gone."""
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid
