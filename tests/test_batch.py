"""Parallel, streaming cleaning of files and JSONL: order, bounded chunks, compression, interruption."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from textclean import batch
from textclean.pipeline import Pipeline

from .conftest import needs
from .test_cli import _console_script, run, write


def corpus(path: Path, records: int) -> list[dict]:
    rows = [{"id": i, "text": f"record {i}   \n\n\n\nbody {'x' * (i % 50)}  ", "n": i} for i in range(records)]
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as handle:
        handle.writelines(json.dumps(row) + "\n" for row in rows)
    return rows


def test_read_chunks_keeps_line_numbers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(batch, "CHUNK_LINES", 2)
    import io

    chunks = list(batch.read_chunks(io.BytesIO(b"a\nb\nc\nd\ne")))
    assert chunks == [(1, [b"a\n", b"b\n"]), (3, [b"c\n", b"d\n"]), (5, [b"e"])]


def test_ordered_map_keeps_order_with_a_bounded_window() -> None:
    with batch.worker_pool(Pipeline(["whitespace"]), workers=2) as pool:
        results = list(pool.map_in_order(pow, ((i, 2) for i in range(50)), 3, lost=str))
    assert results == [i * i for i in range(50)]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_parallel_jsonl_keeps_input_order(tmp_path: Path, workers: str) -> None:
    rows = corpus(tmp_path / "in.jsonl", 30_000)  # several MB: several chunks, so workers really run
    out = tmp_path / "out.jsonl"
    result = run(
        "normalize",
        str(tmp_path / "in.jsonl"),
        "--jsonl",
        "--steps",
        "whitespace",
        "-o",
        str(out),
        "--workers",
        workers,
    )
    assert result.returncode == 0, result.stderr
    cleaned = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [row["id"] for row in cleaned] == [row["id"] for row in rows]
    assert cleaned[7]["text"] == "record 7\n\nbody xxxxxxx"
    assert b"30,000 documents" in result.stderr


def test_parallel_bad_records_keep_their_line_numbers(tmp_path: Path) -> None:
    rows = corpus(tmp_path / "in.jsonl", 20_000)
    lines = (tmp_path / "in.jsonl").read_text(encoding="utf-8").splitlines()
    lines[4] = "{not json"
    lines[15_001] = '{"id": 1}'
    write(tmp_path / "in.jsonl", "\n".join(lines) + "\n")
    out = tmp_path / "out.jsonl"
    result = run(
        "normalize", str(tmp_path / "in.jsonl"), "--jsonl", "--steps", "whitespace", "-o", str(out), "--workers", "2"
    )
    assert result.returncode == 2
    assert b"in.jsonl:5: invalid JSON" in result.stderr
    assert b"in.jsonl:15002: no field 'text'" in result.stderr
    written = out.read_text(encoding="utf-8").splitlines()
    assert len(written) == len(rows)
    assert written[4] == "{not json" and written[15_001] == '{"id": 1}'


def test_invalid_utf8_in_a_record_is_a_bad_record(tmp_path: Path) -> None:
    write(tmp_path / "in.jsonl", b'{"text": "ok  "}\n{"text": "caf\xe9"}\n')
    result = run("normalize", str(tmp_path / "in.jsonl"), "--jsonl", "--steps", "whitespace")
    assert result.returncode == 2
    assert b"in.jsonl:2: invalid UTF-8" in result.stderr
    assert result.stdout == b'{"text": "ok"}\n{"text": "caf\xe9"}\n'


def test_gzip_in_and_out(tmp_path: Path) -> None:
    rows = corpus(tmp_path / "in.jsonl.gz", 100)
    out = tmp_path / "out" / "in.jsonl.gz"
    result = run("normalize", str(tmp_path), "--jsonl", "--steps", "whitespace", "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    with gzip.open(out, "rt", encoding="utf-8") as handle:
        cleaned = [json.loads(line) for line in handle]
    assert len(cleaned) == len(rows) and cleaned[0]["text"] == "record 0\n\nbody"


def test_zstd_in_and_out(tmp_path: Path) -> None:
    zstandard = needs("zstandard", "zstd")
    data = b"".join(json.dumps({"text": f"line {i}  "}).encode() + b"\n" for i in range(100))
    write(tmp_path / "in.jsonl.zst", zstandard.ZstdCompressor().compress(data))
    out = tmp_path / "out.jsonl.zst"
    result = run("normalize", str(tmp_path / "in.jsonl.zst"), "--jsonl", "--steps", "whitespace", "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = zstandard.ZstdDecompressor().stream_reader(out.read_bytes()).read().decode()
    assert text.splitlines()[3] == '{"text": "line 3"}'


def test_corrupt_gzip_is_an_error_and_writes_nothing(tmp_path: Path) -> None:
    good = gzip.compress(b'{"text": "a"}\n' * 1000)
    write(tmp_path / "in.jsonl.gz", good[: len(good) // 2])
    out = tmp_path / "out.jsonl.gz"
    result = run("normalize", str(tmp_path / "in.jsonl.gz"), "--jsonl", "-o", str(out))
    assert result.returncode == 2
    assert b"in.jsonl.gz: cannot read" in result.stderr
    assert b"Traceback" not in result.stderr
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.jsonl.gz"]


def test_parallel_text_files_report_in_input_order(tmp_path: Path) -> None:
    for i in range(40):
        write(tmp_path / "in" / f"{i:02d}.txt", f"doc {i}  \n" * 3000)  # over 1 MB in all
    write(tmp_path / "in" / "05.txt", b"bad \xff utf-8")
    result = run("normalize", str(tmp_path / "in"), "--check", "--steps", "whitespace", "--workers", "2")
    assert result.returncode == 2
    names = [line.rsplit("/", 1)[-1] for line in result.stdout.decode().splitlines()]
    assert names == [f"{i:02d}.txt" for i in range(40) if i != 5]
    assert b"05.txt: invalid UTF-8 at byte 4" in result.stderr


def test_new_output_files_get_the_usual_mode(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", "a")
    assert run("normalize", str(tmp_path / "a.txt"), "-o", str(tmp_path / "b.txt")).returncode == 0
    umask = os.umask(0)
    os.umask(umask)
    assert (tmp_path / "b.txt").stat().st_mode & 0o777 == 0o666 & ~umask


PEAK_RSS = """
import resource, subprocess, sys
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss * 1024)
"""


def peak_rss(*args: str) -> int:
    """Run the console script in a fresh process and return its peak resident memory in bytes."""
    command = [sys.executable, "-c", PEAK_RSS, *_console_script(), *args]
    return int(subprocess.run(command, capture_output=True, check=True, timeout=1800).stdout)


@pytest.mark.slow
def test_a_document_of_several_hundred_mb_costs_at_most_three_times_its_size(tmp_path: Path) -> None:
    paragraph = "A line of an article that is clean already, with words of every length in it.\n" * 6 + "\n"
    block = paragraph * 1000
    big = tmp_path / "big.txt"
    with big.open("w", encoding="utf-8") as handle:
        for _ in range((300 << 20) // len(block)):
            handle.write(block)
    small = write(tmp_path / "small.txt", block)
    size = big.stat().st_size
    args = ["--steps", "whitespace", "--max-document-size", "400", "-q"]
    baseline = peak_rss("normalize", str(small), "-o", str(tmp_path / "small.out"), *args)
    peak = peak_rss("normalize", str(big), "-o", str(tmp_path / "big.out"), *args)
    assert (tmp_path / "big.out").stat().st_size == size - 1  # the blank line at the end goes
    print(f"peak {(peak - baseline) / size:.3f} times the document size")
    assert peak - baseline <= 3 * size


STOP_DURING_TASKS = """
import signal, time
from textclean import batch
from textclean.pipeline import Pipeline

def stop(signum, frame):
    raise batch.Interrupted(signum)

signal.signal(signal.SIGALRM, stop)
signal.alarm(1)
try:
    with batch.worker_pool(Pipeline(["whitespace"]), 2) as pool:
        list(pool.map_in_order(time.sleep, [(5,)] * 12, 12, batch.lost_file))
except KeyboardInterrupt:
    print("stopped")
"""


def test_stopping_a_pool_with_queued_tasks_prints_no_thread_traceback() -> None:
    # two tasks run, ten wait; the stop cancels those and ends the workers (Python 3.11's pool used to
    # print an InvalidStateError traceback from its manager thread here)
    command = [sys.executable, "-c", STOP_DURING_TASKS]
    done = subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)
    assert (done.stdout, done.stderr) == ("stopped\n", "")


def test_a_stopped_pool_prints_no_traceback_for_a_write_to_its_stopped_workers(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # the queue that feeds the workers prints a failed write of its end-of-work marks as a traceback (its
    # thread may find the pipe closed as the process exits); once the pool is stopped, that is noise
    from multiprocessing import queues

    monkeypatch.setattr(queues.Queue, "_on_queue_feeder_error", queues.Queue.__dict__["_on_queue_feeder_error"])
    pool = batch.WorkerPool(Pipeline(["whitespace"]), workers=2)
    assert list(pool.map_in_order(pow, [(3, 2)], 1, lost=str)) == [9]
    pool.stop()
    try:
        raise OSError(9, "Bad file descriptor")
    except OSError as error:
        queues.Queue._on_queue_feeder_error(error, None)  # type: ignore[attr-defined]
    assert capsys.readouterr().err == ""


def test_a_stopped_pool_leaves_no_thread_behind() -> None:
    # the pool's manager thread closes its wake-up pipe as it ends; had it not ended when the interpreter
    # exits, Python 3.11's exit could write to the pipe as it closes and print an EBADF traceback
    before = set(threading.enumerate())
    pool = batch.WorkerPool(Pipeline(["whitespace"]), workers=2)
    assert list(pool.map_in_order(pow, [(3, 2), (2, 5)], 1, lost=str)) == [9, 32]
    pool.stop()
    assert [thread for thread in threading.enumerate() if thread not in before and thread.is_alive()] == []
