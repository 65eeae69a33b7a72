"""Faults during a run: a full disk, signals, a crashing cleaner, truncated input.

Whatever happens, no input is lost, and every output file is either absent (or as it was) or
complete; no temporary file stays behind (after SIGKILL, the next run removes it).
"""

from __future__ import annotations

import gzip
import json
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest

from .conftest import leftovers, needs
from .test_cli import _console_script, run, write

ENOSPC_SITE = """
import errno, os

def _disk_full(fd):
    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

os.fsync = _disk_full
"""


def dirty_tree(folder: Path, files: int, text: str = "line  \n" * 2000) -> dict[Path, bytes]:
    """Write ``files`` files that the whitespace step changes; return each with its content."""
    return {write(folder / f"{i:03d}.txt", text): text.encode() for i in range(files)}


def complete_or_absent(outputs: Path, names: list[str], expected: bytes) -> int:
    """Check that each output is either absent or complete; return how many are complete."""
    complete = 0
    for name in names:
        path = outputs / name
        if path.exists():
            assert path.read_bytes() == expected, f"{path} is half-written"
            complete += 1
    return complete


def group_is_gone(pgid: int, seconds: float = 20) -> bool:
    """Wait for every process of a process group to end."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.1)
    return False


def wait_for_output(folder: Path, seconds: float = 120) -> None:
    """Wait until a first output file is in ``folder``."""
    deadline = time.monotonic() + seconds
    while not any(folder.glob("*.txt")):
        assert time.monotonic() < deadline, "no output was written"
        time.sleep(0.05)


def start(*args: str, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*_console_script(), *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        start_new_session=True,  # its own process group: the workers can be found after it ends
    )


# --- a full disk -------------------------------------------------------------------------------------


def test_disk_full_on_every_write_loses_nothing(tmp_path: Path) -> None:
    inputs = dirty_tree(tmp_path / "in", 5)
    write(tmp_path / "site" / "sitecustomize.py", ENOSPC_SITE)
    write(tmp_path / "in" / "data.jsonl", '{"text": "a  "}\n')
    env = {**os.environ, "PYTHONPATH": str(tmp_path / "site")}
    result = run("normalize", str(tmp_path / "in"), "--in-place", "--steps", "whitespace", env=env)
    assert result.returncode == 2
    assert result.stderr.count(b"No space left on device; nothing written") == 5
    assert all(path.read_bytes() == data for path, data in inputs.items())
    records = run("normalize", str(tmp_path / "in"), "--jsonl", "-o", str(tmp_path / "out"), env=env)
    assert records.returncode == 2
    assert b"data.jsonl: No space left on device" in records.stderr
    assert not (tmp_path / "out" / "data.jsonl").exists()
    assert leftovers(tmp_path) == []


def test_a_small_disk_that_fills_up(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    mount = ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(disk)]
    mounted = subprocess.run(mount, capture_output=True, check=False)
    if mounted.returncode != 0:
        pytest.skip("mounting a small tmpfs needs root and a system that allows it")
    try:
        inputs = dirty_tree(tmp_path / "in", 6, "line  \n" * 4000)  # 28 KB each, 24 KB cleaned: two fit
        result = run("normalize", str(tmp_path / "in"), "-o", str(disk), "--steps", "whitespace", "-j", "1")
        assert result.returncode == 2
        assert b"No space left on device; nothing written" in result.stderr
        names = [path.name for path in inputs]
        assert 0 < complete_or_absent(disk, names, b"line\n" * 4000) < len(names)
        assert leftovers(disk) == []
        assert all(path.read_bytes() == data for path, data in inputs.items())
    finally:
        subprocess.run(["umount", str(disk)], check=True)


# --- signals -----------------------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_sigterm_and_sighup_stop_the_workers_and_leave_complete_files(
    tmp_path: Path, crash_env: dict[str, str], signum: int, status: int
) -> None:
    inputs = dirty_tree(tmp_path / "in", 60, "slow  \n" * 30_000)  # over 1 MB: two workers; 0.2 s a file
    process = start("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--steps", "crash", "-j", "2",
                    env=crash_env)  # fmt: skip
    wait_for_output(tmp_path / "out")  # the run is under way: some files are written, most are not
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert group_is_gone(process.pid), "a worker outlived the command"
    done = complete_or_absent(tmp_path / "out", [path.name for path in inputs], b"slow \n" * 30_000)
    assert 0 < done < len(inputs)
    assert leftovers(tmp_path) == []
    assert all(path.read_bytes() == data for path, data in inputs.items())


@pytest.mark.slow
@pytest.mark.parametrize(("signum", "status"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_a_signal_during_a_jsonl_stream_writes_nothing(tmp_path: Path, signum: int, status: int) -> None:
    out = tmp_path / "out.jsonl"
    process = subprocess.Popen(
        [*_console_script(), "normalize", "-", "--jsonl", "-o", str(out), "--workers", "2"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    assert process.stdin is not None
    # a stream that is still arriving when the signal comes: part of the output has been cleaned already
    process.stdin.write(b"".join(json.dumps({"text": f"{i}  "}).encode() + b"\n" for i in range(50_000)))
    process.stdin.flush()
    time.sleep(2)
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == status, stderr
    assert b"interrupted" in stderr and b"Traceback" not in stderr
    assert group_is_gone(process.pid)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_sigkill_of_the_command_ends_its_workers_and_the_next_run_cleans_up(
    tmp_path: Path, crash_env: dict[str, str]
) -> None:
    inputs = dirty_tree(tmp_path / "in", 60, "slow  \n" * 30_000)
    args = ("normalize", str(tmp_path / "in"), "--in-place", "--steps", "crash", "-j", "2")
    process = start(*args, env=crash_env)
    time.sleep(2)
    process.kill()
    process.communicate(timeout=60)
    assert group_is_gone(process.pid), "a worker outlived the command"
    cleaned = b"slow \n" * 30_000
    for path, data in inputs.items():
        assert path.read_bytes() in (data, cleaned), f"{path} is half-written"
    write(tmp_path / "in" / f".000.txt.textclean-{_dead_pid()}.tmp", "left by a run that died")
    write(tmp_path / f".edits.jsonl.textclean-{_dead_pid()}.tmp", "left by a run that died")
    rerun = run(*args, "--explain", str(tmp_path / "edits.jsonl"), env=crash_env)
    assert rerun.returncode == 0, rerun.stderr
    assert rerun.stderr.count(b"left by an interrupted run") >= 2
    assert all(path.read_bytes() == cleaned for path in inputs)
    assert leftovers(tmp_path) == []


def _dead_pid() -> int:
    process = subprocess.Popen(["true"])
    process.wait()
    return process.pid


# --- a crashing cleaner ------------------------------------------------------------------------------


def test_a_crashing_plugin_in_place_loses_no_input(tmp_path: Path, crash_env: dict[str, str]) -> None:
    inputs = dirty_tree(tmp_path / "in", 6, "pad  \n" * 50_000)  # over 1 MB: two workers
    write(tmp_path / "in" / "002.txt", "die  ")
    write(tmp_path / "in" / "004.txt", "boom  ")
    result = run("normalize", str(tmp_path / "in"), "--in-place", "--steps", "crash", "-j", "2", env=crash_env)
    assert result.returncode == 3
    assert b"Traceback" not in result.stderr
    assert (tmp_path / "in" / "002.txt").read_bytes() == b"die  "
    assert (tmp_path / "in" / "004.txt").read_bytes() == b"boom  "
    for path in inputs:
        if path.name not in ("002.txt", "004.txt"):
            assert path.read_bytes() == b"pad \n" * 50_000
    assert leftovers(tmp_path) == []


def test_a_worker_that_dies_on_a_record_costs_only_that_jsonl_input(tmp_path: Path, crash_env: dict[str, str]) -> None:
    rows = [json.dumps({"text": f"record {i}  "}) for i in range(60_000)]  # over 1 MB: two workers
    write(tmp_path / "in" / "a.jsonl", "\n".join(rows) + "\n")
    rows[30_000] = json.dumps({"text": "die"})
    write(tmp_path / "in" / "b.jsonl", "\n".join(rows) + "\n")
    out = tmp_path / "out"
    result = run("normalize", str(tmp_path / "in"), "--jsonl", "-o", str(out), "--steps", "crash", "-j", "2",
                 env=crash_env)  # fmt: skip
    assert result.returncode == 3
    assert b"the process cleaning these records died; nothing written for this input" in result.stderr
    assert b"Traceback" not in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["a.jsonl"]
    assert len((out / "a.jsonl").read_bytes().splitlines()) == 60_000
    assert leftovers(tmp_path) == []


# --- truncated compressed input ----------------------------------------------------------------------


def test_truncated_gzip_is_an_error_and_the_run_goes_on(tmp_path: Path) -> None:
    data = gzip.compress(b'{"text": "a  "}\n' * 8192)
    write(tmp_path / "in" / "cut.jsonl.gz", data[: len(data) // 2])
    write(tmp_path / "in" / "whole.jsonl.gz", gzip.compress(b'{"text": "b  "}\n'))
    result = run("normalize", str(tmp_path / "in"), "--jsonl", "--steps", "whitespace", "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert b"cut.jsonl.gz: cannot read: Compressed file ended before the end-of-stream marker" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["whole.jsonl.gz"]
    assert leftovers(tmp_path) == []


def test_zstd_cut_at_a_block_boundary_is_an_error(tmp_path: Path) -> None:
    zstandard = needs("zstandard", "zstd")
    records = b"".join(b'{"text": "record %d  "}\n' % i for i in range(8192))
    compressor = zstandard.ZstdCompressor().compressobj()
    head = compressor.compress(records[: len(records) // 64]) + compressor.flush(zstandard.COMPRESSOBJ_FLUSH_BLOCK)
    whole = head + compressor.compress(records[len(records) // 64 :]) + compressor.flush()
    write(tmp_path / "cut.jsonl.zst", head)  # every block complete: only the frame's end is missing
    out = tmp_path / "out.jsonl"
    result = run("normalize", str(tmp_path / "cut.jsonl.zst"), "--jsonl", "--steps", "whitespace", "-o", str(out))
    assert result.returncode == 2
    assert b"cut.jsonl.zst: cannot read: the zstd stream ends inside a frame (a truncated file)" in result.stderr
    assert not out.exists() and leftovers(tmp_path) == []
    write(tmp_path / "frames.jsonl.zst", whole + zstandard.ZstdCompressor().compress(b'{"text": "last  "}\n'))
    two = run("normalize", str(tmp_path / "frames.jsonl.zst"), "--jsonl", "--steps", "whitespace", "-o", str(out))
    assert two.returncode == 0, two.stderr
    lines = out.read_bytes().splitlines()
    assert (len(lines), lines[-1]) == (8193, b'{"text": "last"}')
