r"""Clean many documents: text files and JSONL streams, in parallel, in input order, in bounded memory.

The command line is a thin layer over this module. Work goes to a pool of processes (or runs in this
process with one worker); at most a few chunks are in flight at once, so memory stays flat however
large the input, and results are written in the order the inputs came.

>>> import io
>>> from textclean.pipeline import Pipeline
>>> source = io.BytesIO(b'{"id": 1, "text": "a  "}\n{"id": 2, "text": "b"}\n')
>>> sink = io.BytesIO()
>>> with worker_pool(Pipeline(["whitespace"]), workers=1) as pool:
...     chunks = list(clean_jsonl_stream(source, sink, "example.jsonl", Settings(), pool))
>>> sink.getvalue().decode()
'{"id": 1, "text": "a"}\n{"id": 2, "text": "b"}\n'
>>> [(chunk.documents, chunk.changed) for chunk in chunks]
[(2, 1)]
"""

from __future__ import annotations

import difflib
import gzip
import io
import signal
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Literal, TypeVar, cast

from textclean.errors import InputError, TextcleanError
from textclean.io import BinaryInputError, Errors, atomic_open, decode_bytes, dump_record, parse_record
from textclean.pipeline import Pipeline

CHUNK_BYTES = 1 << 20  # records are sent to workers in chunks of about 1 MB: large enough to amortize the hand-over
CHUNK_LINES = 2000
COMPRESSED_SUFFIXES = (".gz", ".zst")


class RunStoppedError(TextcleanError):
    """A bad record under ``on_error="fail"``: the run stops and writes nothing for that input."""


class MissingDependencyError(TextcleanError):
    """An optional dependency that a feature needs is not installed."""


@dataclass(frozen=True)
class Settings:
    """How documents are read, cleaned and reported."""

    field: str = "text"  # the JSONL field to clean
    encoding: str = "utf-8"  # of text files; JSONL is UTF-8 by definition
    errors: Errors = "strict"
    on_error: Literal["skip", "fail"] = "skip"  # a bad JSONL record: keep it unchanged and go on, or stop
    explain: bool = False  # collect every edit as a JSON-ready row
    diff: bool = False  # collect a unified diff of each changed document
    skip_unchanged: bool = False  # do not rewrite a file that would not change (in-place runs)


@dataclass
class Outcome:
    """What cleaning one input, or one chunk of records, produced."""

    label: str
    documents: int = 0
    changed: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    explain: list[dict[str, Any]] = field(default_factory=list)
    output: bytes | None = None  # the cleaned bytes, when the caller writes them

    def add_counts(self, other: Outcome) -> None:
        """Add the counts of ``other`` to this outcome (a running total)."""
        self.documents += other.documents
        self.changed += other.changed
        self.skipped += other.skipped
        self.bytes_in += other.bytes_in
        self.bytes_out += other.bytes_out
        self.edits.update(other.edits)


# --- the worker side -------------------------------------------------------------------------------

_pipeline: list[Pipeline] = []  # the pipeline of this process, set once by start_worker


def start_worker(pipeline: Pipeline, *, ignore_interrupt: bool = True) -> None:
    """Set the pipeline of a worker process; Ctrl-C is left to the parent, which stops cleanly."""
    if ignore_interrupt:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    _pipeline[:] = [pipeline]


def clean_document(text: str, label: str, line: int | None, settings: Settings, outcome: Outcome) -> str:
    """Clean one document with this process's pipeline, recording counts, edits and diff in ``outcome``."""
    pipeline = _pipeline[0]
    outcome.documents += 1
    if settings.explain:
        result = pipeline.explain(text)
        cleaned = result.output
        where: dict[str, Any] = {"path": label} if line is None else {"path": label, "line": line}
        for row in result.records():
            outcome.edits[row["step"]] += 1
            outcome.explain.append({**where, **row})
    else:
        cleaned, counts = pipeline.clean_with_counts(text)
        outcome.edits.update(counts)
    if cleaned != text:
        outcome.changed += 1
        if settings.diff:
            name = label if line is None else f"{label}:{line}"
            outcome.diff.extend(
                difflib.unified_diff(
                    text.splitlines(keepends=True), cleaned.splitlines(keepends=True), f"a/{name}", f"b/{name}"
                )
            )
    return cleaned


def clean_file(source: Path, target: Path | None, write: bool, settings: Settings) -> Outcome:
    """Read, clean and write one text file; with ``target=None`` the cleaned bytes come back in ``output``."""
    label = str(source)
    outcome = Outcome(label)
    try:
        data = source.read_bytes()
    except OSError as error:
        outcome.errors.append(f"{label}: cannot read: {error.strerror or error}")
        return outcome
    return clean_bytes(data, label, target=target, write=write, settings=settings)


def clean_bytes(data: bytes, label: str, *, target: Path | None, write: bool, settings: Settings) -> Outcome:
    """Decode, clean and write one document given as bytes (see :func:`clean_file`)."""
    outcome = Outcome(label)
    try:
        text, encoding = decode_bytes(data, encoding=settings.encoding, errors=settings.errors)
    except BinaryInputError as error:
        outcome.warnings.append(f"{label}: skipped: {error}")
        outcome.skipped += 1
        return outcome
    except InputError as error:
        outcome.errors.append(f"{label}: {error}; file left untouched (--errors replace or --encoding auto reads it)")
        return outcome
    if settings.encoding == "auto" and encoding not in ("utf-8", "utf-8-sig"):
        outcome.notes.append(f"{label}: read as {encoding} (detected)")
    outcome.bytes_in += len(data)
    cleaned = clean_document(text, label, None, settings, outcome)
    output = cleaned.encode("utf-8")
    outcome.bytes_out += len(output)
    if not write or (settings.skip_unchanged and cleaned == text):
        return outcome
    if target is None:
        outcome.output = output
        return outcome
    try:
        with atomic_open(target) as handle:
            handle.write(output)
    except OSError as error:
        outcome.errors.append(f"{label}: cannot write {target}: {error.strerror or error}")
    return outcome


def clean_records(label: str, first_line: int, lines: list[bytes], settings: Settings) -> Outcome:
    """Clean one chunk of JSONL lines; a bad record is reported with its line number and kept unchanged."""
    outcome = Outcome(label)
    out = []
    for number, raw in enumerate(lines, start=first_line):
        outcome.bytes_in += len(raw)
        body = raw.rstrip(b"\r\n")
        if number == 1 and body.startswith(b"\xef\xbb\xbf"):
            body = body[3:]
        if not body.strip():
            out.append(raw)
            continue
        try:
            line = body.decode("utf-8", errors=settings.errors)
        except UnicodeDecodeError as error:
            outcome.errors.append(f"{label}: line {number}: invalid UTF-8 at byte {error.start} of the line")
            out.append(raw)
            continue
        record = parse_record(number, line, settings.field)
        if record.value is None:
            outcome.errors.append(f"{label}: {record.error}")
            out.append(raw)
            continue
        text = record.value[settings.field]
        cleaned = clean_document(text, label, number, settings, outcome)
        if cleaned == text:
            out.append(raw)
        else:
            value = dict(record.value)
            value[settings.field] = cleaned
            out.append(dump_record(value).encode("utf-8") + b"\n")
    output = b"".join(out)
    outcome.bytes_out = len(output)
    outcome.output = output
    return outcome


# --- the parent side -------------------------------------------------------------------------------

T = TypeVar("T")


class InlineExecutor(Executor):
    """Run each task at once in this process: the one-worker case, with no process to start."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``fn`` now and return its result as a finished future."""
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            if isinstance(error, KeyboardInterrupt):
                raise
            future.set_exception(error)
        return future


@contextmanager
def worker_pool(pipeline: Pipeline, workers: int) -> Iterator[Executor]:
    """Yield an executor whose processes each hold ``pipeline``; ``workers=1`` runs in this process."""
    if workers <= 1:
        start_worker(pipeline, ignore_interrupt=False)
        yield InlineExecutor()
        return
    executor = ProcessPoolExecutor(max_workers=workers, initializer=start_worker, initargs=(pipeline,))
    try:
        yield executor
    except BaseException:
        executor.shutdown(wait=False, cancel_futures=True)
        raise
    executor.shutdown()


def ordered_map(executor: Executor, fn: Callable[..., T], tasks: Iterable[tuple[Any, ...]], window: int) -> Iterator[T]:
    """Run ``fn(*task)`` for each task with at most ``window`` in flight; yield results in task order."""
    pending: deque[Future[T]] = deque()
    try:
        for task in tasks:
            pending.append(executor.submit(fn, *task))
            if len(pending) >= window:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        for future in pending:
            future.cancel()


def read_chunks(stream: IO[bytes], first_line: int = 1) -> Iterator[tuple[int, list[bytes]]]:
    """Split a byte stream into chunks of whole lines: ``(number of the first line, lines)``."""
    lines: list[bytes] = []
    size = 0
    for line in stream:
        lines.append(line)
        size += len(line)
        if size >= CHUNK_BYTES or len(lines) >= CHUNK_LINES:
            yield first_line, lines
            first_line += len(lines)
            lines, size = [], 0
    if lines:
        yield first_line, lines


def clean_jsonl_stream(
    source: IO[bytes], sink: IO[bytes] | None, label: str, settings: Settings, executor: Executor, *, window: int = 4
) -> Iterator[Outcome]:
    """Clean every record of a JSONL stream into ``sink`` (``None``: write nothing), in order.

    Yields the outcome of each chunk (counts, messages, diff and explain rows; its output already
    written), so that a caller reports as it goes and nothing piles up in memory.
    """
    tasks = ((label, first, lines, settings) for first, lines in read_chunks(source))
    for chunk in ordered_map(executor, clean_records, tasks, window):
        if settings.on_error == "fail" and chunk.errors:
            raise RunStoppedError(f"{chunk.errors[0]}; stopped (--on-error fail), nothing written for this input")
        if sink is not None and chunk.output is not None:
            sink.write(chunk.output)
        chunk.output = None
        yield chunk


@contextmanager
def open_jsonl_input(path: Path) -> Iterator[IO[bytes]]:
    """Open a JSONL file for reading, decompressing ``.gz`` and ``.zst`` on the fly."""
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as stream:
            yield cast(IO[bytes], stream)
    elif path.suffix == ".zst":
        zstandard = _zstandard()
        with path.open("rb") as raw, zstandard.ZstdDecompressor().stream_reader(raw) as reader:
            yield io.BufferedReader(reader)
    else:
        with path.open("rb") as stream:
            yield stream


@contextmanager
def open_jsonl_output(path: Path) -> Iterator[IO[bytes]]:
    """Open a JSONL file for writing atomically, compressing for ``.gz`` and ``.zst``."""
    with atomic_open(path) as handle:
        if path.suffix == ".gz":
            with gzip.GzipFile(fileobj=handle, mode="wb", mtime=0) as stream:
                yield cast(IO[bytes], stream)
        elif path.suffix == ".zst":
            zstandard = _zstandard()
            with zstandard.ZstdCompressor().stream_writer(handle, closefd=False) as stream:
                yield stream
        else:
            yield handle


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise MissingDependencyError(".zst files need zstandard: pip install 'textclean-kit[zstd]'") from None
    return zstandard
