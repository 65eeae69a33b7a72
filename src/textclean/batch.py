r"""Clean many documents: text files and JSONL streams, in parallel, in input order, in bounded memory.

The command line is a thin layer over this module. :func:`plan_jobs` decides, before anything is
written, what is read and where each output goes; work goes to a :class:`WorkerPool` of processes (or
runs in this process with one worker); at most a few chunks are in flight at once, so memory stays
flat however large the input, and results are written in the order the inputs came.

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

Every failure is an error for one input (or one record), never the end of the run: bad input is in
``Outcome.errors``, a cleaner that raised or a worker that died in ``Outcome.failures``.
"""

from __future__ import annotations

import io
import os
import re
import signal
import stat
import sys
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import BrokenExecutor, Executor, Future
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import IO, Any, Literal, TypeVar, cast

from textclean import registry
from textclean.edits import Edit
from textclean.errors import InputError, TextcleanError
from textclean.io import (
    BinaryInputError,
    Errors,
    RecordError,
    atomic_open,
    decode_bytes,
    is_exact_utf8,
    json_line,
    parse_record,
    remove_leftovers,
    walk_folder,
)
from textclean.pipeline import Pipeline

CHUNK_BYTES = 1 << 20  # records are sent to workers in chunks of about 1 MB: large enough to amortize the hand-over
CHUNK_LINES = 2000
COMPRESSED_SUFFIXES = (".gz", ".zst")
MAX_DOCUMENT_SIZE = 256 << 20  # larger documents are skipped: cleaning one takes a few times its size in memory
READ_BLOCK = 1 << 20

T = TypeVar("T")


class UsageError(TextcleanError):
    """Arguments that do not fit together, or an output that would put an input at risk."""


class InputReadError(InputError):
    """An input that cannot be read to its end (unreadable, truncated, corrupt): nothing is written for it."""


class CleanerFailedError(TextcleanError):
    """A cleaner raised, or the process cleaning an input died: a bug in a cleaner, not bad input."""


class RunStoppedError(TextcleanError):
    """An error under ``on_error="fail"``: the run stops, and nothing is written for the input at hand."""

    def __init__(self, message: str, *, failure: bool) -> None:
        super().__init__(message)
        self.failure = failure  # a cleaner's failure (exit status 3) rather than bad input (2)


class MissingDependencyError(TextcleanError):
    """An optional dependency that a feature needs is not installed."""


@dataclass(frozen=True)
class Settings:
    """How documents are read, cleaned and reported."""

    field: str = "text"  # the JSONL field to clean
    encoding: str = "utf-8"  # of text files; JSONL is UTF-8 by definition
    errors: Errors = "strict"
    on_error: Literal["skip", "fail"] = "skip"  # an error: report it and go on with the next input, or stop
    explain: bool = False  # collect every edit as a JSON-ready row
    diff: bool = False  # collect a unified diff of each changed document
    skip_unchanged: bool = False  # do not rewrite a file that would not change (in-place runs)
    max_document_size: int = MAX_DOCUMENT_SIZE  # in bytes; a larger document is skipped with a warning
    output_field: str | None = None  # JSONL: write the clean text to this field, keeping the original
    stats: bool = False  # count the edits and the words removed per step and rule


@dataclass
class Outcome:
    """What cleaning one input, or one chunk of records, produced."""

    label: str
    documents: int = 0
    changed: int = 0
    skipped: int = 0
    lines: int = 0  # JSONL lines in a chunk
    bytes_in: int = 0
    bytes_out: int = 0
    edits: Counter[str] = field(default_factory=Counter)
    rules: Counter[tuple[str, str]] = field(default_factory=Counter)  # (step, rule): edits, with Settings.stats
    words_removed: Counter[tuple[str, str]] = field(default_factory=Counter)  # (step, rule): words, likewise
    errors: list[str] = field(default_factory=list)  # bad input: exit status 2
    failures: list[str] = field(default_factory=list)  # a cleaner raised or a worker died: exit status 3
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    diff: list[str] = field(default_factory=list)
    explain: list[bytes] = field(default_factory=list)  # JSONL lines
    output: bytes | None = None  # the cleaned bytes, when the caller writes them

    def add_counts(self, other: Outcome) -> None:
        """Add the counts of ``other`` to this outcome (a running total)."""
        self.documents += other.documents
        self.changed += other.changed
        self.skipped += other.skipped
        self.bytes_in += other.bytes_in
        self.bytes_out += other.bytes_out
        self.edits.update(other.edits)
        self.rules.update(other.rules)
        self.words_removed.update(other.words_removed)


# --- what is read, and where it goes ---------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One input and where its output goes (``None``: stdout; ``write=False``: nowhere)."""

    source: Path | None  # None: stdin
    label: str
    target: Path | None
    write: bool = True


@dataclass
class Plan:
    """The jobs of a run, and what planning them found to report."""

    jobs: list[Job] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    folders: list[Path] = field(default_factory=list)  # the folders the run writes into

    def remove_leftovers(self) -> None:
        """Remove what workers that died left in the folders written (a file half written when a pool broke)."""
        for folder in self.folders:
            remove_leftovers(folder)


def plan_jobs(
    paths: list[str],
    *,
    output: str | None,
    in_place: bool,
    write: bool,
    patterns: list[str],
    follow_links: bool = False,
    explain: str | None = None,
    stats: str | None = None,
) -> Plan:
    """Decide which files are read and where each output goes; refuse any output that would put an input at risk.

    ``output`` is a file, or a folder that mirrors the inputs (a folder input, several inputs, an
    existing folder, or a name ending in ``/``). No output is an input, lies in a folder being walked
    (such a folder is left out of the walk), or is written twice; files that interrupted runs left in
    the output folders are removed.
    """
    check_patterns(patterns)
    if "-" in paths and len(paths) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other inputs")
    if in_place and "-" in paths:
        raise UsageError("--in-place needs files, not stdin")
    plan = Plan()
    single = len(paths) == 1 and (paths[0] == "-" or not Path(paths[0]).is_dir())
    folder = None
    if output is not None and write and not in_place:
        folder = Path(output) if not single or output.endswith(("/", os.sep)) or Path(output).is_dir() else None
        if folder is not None and folder.exists() and not folder.is_dir():
            raise UsageError(f"-o {output}: not a folder (the output of a folder or of several inputs is a folder)")
        if folder is not None and paths == ["-"]:
            raise UsageError(f"-o {output} is a folder: name the file that stdin's output goes to")
    found = _find_inputs(paths, plan, in_place=in_place, follow_links=follow_links, patterns=patterns, folder=folder)
    for source, relative in found:
        label = "<stdin>" if source is None else str(source)
        if not write:
            plan.jobs.append(Job(source, label, None, write=False))
        elif in_place:
            plan.jobs.append(Job(source, label, source))
        elif output is not None:
            plan.jobs.append(Job(source, label, Path(output) if folder is None else folder / relative))
        elif single:
            plan.jobs.append(Job(source, label, None))
        else:
            raise UsageError("several inputs: give -o FOLDER, --in-place, --check or --diff")
    reports = {
        option: path
        for option, path in (("--explain", explain), ("--stats", stats))
        if path is not None and path != "-"
    }
    _check_targets(plan.jobs, in_place=in_place, reports=reports)
    written = [job.target for job in plan.jobs if job.target is not None]
    written.extend(Path(path) for path in reports.values())
    plan.folders = sorted({path.parent for path in written})
    for parent in plan.folders:
        plan.notes.extend(f"removed {path}, left by an interrupted run" for path in remove_leftovers(parent))
    if not plan.jobs and not plan.errors:
        raise UsageError("; ".join(["no input to clean", *plan.warnings]))
    return plan


def check_patterns(patterns: list[str]) -> None:
    """Refuse a ``--glob`` pattern that is empty or reaches out of the folders it is matched in."""
    for pattern in patterns:
        path = PurePath(pattern)
        if not pattern or path.is_absolute() or ".." in path.parts:
            raise UsageError(f"--glob {pattern!r}: give a pattern inside the folders, like '*.txt' or 'notes/*.md'")


def _find_inputs(
    paths: list[str], plan: Plan, *, in_place: bool, follow_links: bool, patterns: list[str], folder: Path | None
) -> list[tuple[Path | None, Path]]:
    """Return each input with its path relative to the folder it was found in; report what is passed over."""
    found: list[tuple[Path | None, Path]] = []
    skip = {folder.resolve()} if folder is not None else set()
    for raw in paths:
        if raw == "-":
            found.append((None, Path("stdin")))
            continue
        path = Path(raw)
        try:
            info = path.stat()
        except OSError as error:
            plan.errors.append(f"{raw}: {_stat_problem(path, error)}")
            continue
        if stat.S_ISDIR(info.st_mode):
            walk = walk_folder(path, patterns, follow_links=follow_links, skip=skip)
            if not walk.files and not walk.errors:
                plan.warnings.append(f"{raw}: no file matches {' or '.join(patterns)} (--glob sets the pattern)")
            found.extend(walk.files)
            plan.notes.extend(walk.notes)
            plan.warnings.extend(walk.warnings)
            plan.errors.extend(walk.errors)
        elif in_place and not stat.S_ISREG(info.st_mode):
            plan.errors.append(f"{raw}: not a regular file; --in-place rewrites regular files only")
        else:  # a file, or a FIFO or device given by name (a shell's <(...)): read as a stream
            found.append((path, Path(path.name)))
    return found


def _stat_problem(path: Path, error: OSError) -> str:
    if isinstance(error, FileNotFoundError):
        return "a broken symbolic link" if path.is_symlink() else "no such file or folder"
    return f"cannot read: {error.strerror or error}"


def _check_targets(jobs: list[Job], *, in_place: bool, reports: dict[str, str]) -> None:
    """Refuse an output that is an input (unless ``in_place``: each its own), or that two inputs share.

    ``reports`` are the files of ``--explain`` and ``--stats``, by option: neither may be an input or an output.
    """
    inputs = {_identity(job.source): job.label for job in jobs if job.source is not None}
    seen: dict[Path, str] = {}
    for job in jobs:
        if job.target is None or not job.write:
            continue
        owner = None if in_place else inputs.get(_identity(job.target))
        if owner is not None:
            raise UsageError(f"{job.target}: is the input {owner}; refusing to write over the input (--in-place does)")
        target = job.target.resolve()
        if target in seen:
            raise UsageError(f"{seen[target]} and {job.label} would both be written to {job.target}")
        seen[target] = job.label
    for option, report in reports.items():
        path = Path(report)
        if path.is_dir():
            raise UsageError(f"{option} {report}: is a folder; name a file")
        if _identity(path) in inputs:
            raise UsageError(f"{option} {report}: is an input; refusing to write over it")
        if path.resolve() in seen:
            raise UsageError(f"{option} {report}: is also where {seen[path.resolve()]} is written")
        seen[path.resolve()] = option


def _identity(path: Path) -> tuple[int, int] | Path:
    """Name the file at ``path``: its device and inode (links are the same file), or its resolved path if none."""
    try:
        info = path.stat()
    except OSError:
        return path.resolve()
    return info.st_dev, info.st_ino


# --- the worker side -------------------------------------------------------------------------------


class Interrupted(KeyboardInterrupt):
    """SIGTERM or SIGHUP: stop as Ctrl-C does, unwinding (so that temporary files are removed) before the end."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


@dataclass
class _Worker:
    """The pipeline of this process, and, in a worker process, its parent's id and whether a task is running."""

    pipeline: Pipeline | None = None
    parent: int | None = None
    busy: bool = False


_worker = _Worker()
PR_SET_PDEATHSIG = 1  # Linux prctl: a signal for this process when its parent dies
# The signals that stop a run as Ctrl-C does (SIGHUP: the terminal closed); Windows has only SIGTERM.
STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


def start_worker(pipeline: Pipeline, parent: int | None = None) -> None:
    """Set the pipeline of this process; in a worker (``parent`` given), set how it stops.

    Ctrl-C is left to the parent, which stops the workers with SIGTERM. A worker whose parent dies,
    even by SIGKILL, gets SIGTERM too (on Linux), so that no orphan goes on writing files.
    """
    _worker.pipeline = pipeline
    if parent is None:
        return
    _worker.parent = parent
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for signum in STOP_SIGNALS:
        signal.signal(signum, _stop_worker)
    import ctypes

    with suppress(OSError, AttributeError, TypeError):  # not Linux: the parent is checked before each task instead
        ctypes.CDLL(None).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    if os.getppid() != parent:
        os._exit(1)


def start_worker_process(imports: Sequence[str], folder: str, pipeline: bytes, parent: int) -> None:
    """Start a worker process: import the modules that register cleaners, then take the pickled pipeline."""
    import pickle

    registry.import_modules(imports, folder)
    start_worker(pickle.loads(pipeline), parent)


def _stop_worker(signum: int, _frame: object) -> None:
    if _worker.busy:
        raise Interrupted(signum)
    os._exit(128 + signum)


def run_in_worker(fn: Callable[..., T], *args: Any) -> T:
    """Run one task in a worker process, unless its parent is gone; a stop signal ends the process."""
    if os.getppid() != _worker.parent:
        os._exit(1)
    _worker.busy = True
    try:
        return fn(*args)
    except Interrupted as stop:
        os._exit(128 + stop.signum)
    finally:
        _worker.busy = False


def clean_document(text: str, label: str, line: int | None, settings: Settings, outcome: Outcome) -> str:
    """Clean one document with this process's pipeline, recording counts, edits and diff in ``outcome``.

    A cleaner that raises (or calls ``sys.exit``) raises :class:`CleanerFailedError` naming the document.
    """
    pipeline = _worker.pipeline
    assert pipeline is not None, "start_worker sets the pipeline first"
    where = label if line is None else f"{label}:{line}"
    try:
        if settings.explain:
            result = pipeline.explain(text)
            cleaned = result.output
            place: dict[str, Any] = {"path": label} if line is None else {"path": label, "line": line}
            outcome.explain.extend(json_line({**place, **row}) for row in result.records())
            for step in result.steps:
                tally(step.name, step.edits, outcome, words=settings.stats)
        elif settings.stats:
            cleaned = pipeline.clean_and_observe(text, lambda name, edits: tally(name, edits, outcome, words=True))
        else:
            cleaned, counts = pipeline.clean_with_counts(text)
            outcome.edits.update(counts)
    except (Exception, SystemExit) as error:
        raise CleanerFailedError(f"{where}: a cleaner failed: {type(error).__name__}: {error}") from None
    outcome.documents += 1
    if cleaned != text:
        outcome.changed += 1
        if settings.diff:
            outcome.diff.extend(unified_diff(text, cleaned, where))
    return cleaned


_WORD = re.compile(r"\w+")


def tally(step: str, edits: Sequence[Edit], outcome: Outcome, *, words: bool) -> None:
    """Count a step's edits, and with ``words`` its edits per rule and the words each rule removed.

    The words an edit removed are the words of its ``old`` text less those of its ``new`` text.
    """
    outcome.edits[step] += len(edits)
    if not words:
        return
    for edit in edits:
        outcome.rules[step, edit.rule] += 1
        removed = len(_WORD.findall(edit.old)) - len(_WORD.findall(edit.new))
        if removed > 0:
            outcome.words_removed[step, edit.rule] += removed


NO_NEWLINE = "\\ No newline at end of file\n"


def unified_diff(before: str, after: str, name: str) -> list[str]:
    r"""Return the lines of a unified diff of ``before`` and ``after`` that ``git apply`` and ``patch`` take.

    Lines are split at ``\n`` only, as those tools split them (not at the other line breaks that
    ``str.splitlines`` knows), and a last line without a line end is followed by the
    ``\ No newline at end of file`` marker.

    >>> print("".join(unified_diff("a  \nb", "a\nb", "x.txt")), end="")
    --- a/x.txt
    +++ b/x.txt
    @@ -1,2 +1,2 @@
    -a
    +a
     b
    \ No newline at end of file
    """
    import difflib

    lines = []
    for line in difflib.unified_diff(_split_lines(before), _split_lines(after), f"a/{name}", f"b/{name}"):
        lines.append(line if line.endswith("\n") else line + "\n" + NO_NEWLINE)
    return lines


def _split_lines(text: str) -> list[str]:
    lines = [line + "\n" for line in text.split("\n")]
    lines[-1] = lines[-1][:-1]  # what follows the last line end
    return lines if lines[-1] else lines[:-1]


class DocumentTooLargeError(InputError):
    """A document over ``max_document_size``: skipped with a warning."""


def read_document(source: Path | None, limit: int) -> bytes:
    """Read a whole document (``None``: stdin), or raise :class:`DocumentTooLargeError` past ``limit`` bytes."""
    too_large = DocumentTooLargeError(f"skipped: larger than --max-document-size ({limit:,} bytes)")
    with open(sys.stdin.fileno(), "rb", closefd=False) if source is None else source.open("rb") as stream:
        info = os.fstat(stream.fileno())
        if stat.S_ISREG(info.st_mode):
            if info.st_size > limit:
                raise too_large
            data = stream.read()
        else:  # a pipe or a device: its size is known at its end
            blocks, size = [], 0
            while size <= limit and (block := stream.read(READ_BLOCK)):
                blocks.append(block)
                size += len(block)
            data = b"".join(blocks)
            del blocks
    if len(data) > limit:
        raise too_large
    return data


def clean_file(
    source: Path | None, target: Path | None, write: bool, settings: Settings, data: bytes | None = None
) -> Outcome:
    """Read, clean and write one text file (``None``: stdin); with ``target=None`` the bytes come back in ``output``.

    ``data`` is the document when the caller has read it already. It holds at most about three
    copies of the document at once: the bytes are let go once decoded, and the text once cleaned.
    """
    outcome = Outcome("<stdin>" if source is None else str(source))
    if data is None:
        data = read_input(source, settings, outcome)
        if data is None:
            return outcome
    label = outcome.label
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
    exact = is_exact_utf8(data, text, encoding)  # else the output differs from the input though the text does not
    del data
    try:
        cleaned = clean_document(text, label, None, settings, outcome)
    except CleanerFailedError as error:
        outcome.failures.append(f"{error}; file left untouched")
        return outcome
    unchanged = exact and cleaned == text
    if not unchanged and cleaned == text:
        outcome.changed += 1
    del text
    output = cleaned.encode("utf-8")
    del cleaned
    outcome.bytes_out += len(output)
    if not write or (settings.skip_unchanged and unchanged):
        return outcome
    if target is None:
        outcome.output = output
        return outcome
    try:
        with atomic_open(target) as handle:
            handle.write(output)
    except OSError as error:
        outcome.errors.append(f"{label}: cannot write {target}: {error.strerror or error}; nothing written")
    return outcome


def read_input(source: Path | None, settings: Settings, outcome: Outcome) -> bytes | None:
    """Read a whole document (``None``: stdin); ``None``, with a warning or an error in ``outcome``, if it cannot be."""
    try:
        return read_document(source, settings.max_document_size)
    except DocumentTooLargeError as error:
        outcome.warnings.append(f"{outcome.label}: {error}")
        outcome.skipped += 1
    except OSError as error:
        outcome.errors.append(f"{outcome.label}: cannot read: {error.strerror or error}")
    return None


def clean_records(label: str, first_line: int, lines: list[bytes], settings: Settings) -> Outcome:
    """Clean one chunk of JSONL lines; a record that cannot be cleaned is reported with its line number and kept.

    Only the cleaned field of a changed record is written anew: every other byte of the line, its
    line ending included, stays as it was.
    """
    outcome = Outcome(label, lines=len(lines))
    out = []
    for number, line in enumerate(lines, start=first_line):
        outcome.bytes_in += len(line)
        out.append(line)
        if not line.strip():
            continue
        if len(line) > settings.max_document_size:
            outcome.warnings.append(f"{label}:{number}: kept unchanged: larger than --max-document-size")
            outcome.skipped += 1
            continue
        try:
            record = parse_record(line, settings.field, settings.errors, settings.output_field)
            cleaned = clean_document(record.text, label, number, settings, outcome)
        except RecordError as error:
            outcome.errors.append(f"{label}:{number}: {error}")
            continue
        except CleanerFailedError as error:
            outcome.failures.append(f"{error}; record kept unchanged")
            continue
        if cleaned != record.text or settings.output_field is not None:
            out[-1] = record.replace(line, cleaned)
    output = b"".join(out)
    outcome.bytes_out = len(output)
    outcome.output = output
    return outcome


# --- the parent side -------------------------------------------------------------------------------


class InlineExecutor(Executor):
    """Run each task at once in this process: the one-worker case, with no process to start."""

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        """Run ``fn`` now and return its result as a finished future."""
        future: Future[T] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as error:
            future.set_exception(error)
        return future


class WorkerPool:
    """Processes that each hold the pipeline (or this process alone, with one worker).

    A worker that dies costs only the task that killed it: the pool starts again, runs the tasks that
    were in flight once more one at a time to find that task, and goes on. Steps that do not come with
    textclean (plugins) run in a worker process even with one worker, so that one that ends its process
    (``os._exit``, a crash in native code) does not end the run.
    """

    def __init__(self, pipeline: Pipeline, workers: int, imports: Sequence[str] = ()) -> None:
        self.pipeline = pipeline
        self.workers = workers
        self.imports = tuple(imports)  # modules that register cleaners (--import): each worker imports them too
        self.in_process = workers <= 1 and set(pipeline.names) <= set(registry.builtin_names())
        self._executor = self._start()

    def _start(self) -> Executor:
        if self.in_process:
            start_worker(self.pipeline)
            return InlineExecutor()
        import pickle
        from concurrent.futures import ProcessPoolExecutor

        # the pipeline goes pickled, so that a worker unpickles it after importing the modules its steps come from
        initargs = (self.imports, os.getcwd(), pickle.dumps(self.pipeline), os.getpid())
        return ProcessPoolExecutor(max(self.workers, 1), initializer=start_worker_process, initargs=initargs)

    def clean_stdin(self, target: Path | None, write: bool, settings: Settings) -> Outcome:
        """Clean stdin as one text document, read here (a worker process has no stdin)."""
        if self.in_process:
            return clean_file(None, target, write, settings)
        outcome = Outcome("<stdin>")
        data = read_input(None, settings, outcome)
        if data is None:
            return outcome
        return next(self.map_in_order(clean_file, [(None, target, write, settings, data)], 1, lost_file))

    def _submit(self, fn: Callable[..., T], task: tuple[Any, ...]) -> Future[T]:
        if self.in_process:
            return self._executor.submit(fn, *task)
        try:
            return self._executor.submit(run_in_worker, fn, *task)
        except BrokenExecutor as error:  # a worker died since the last task was handed out
            broken: Future[T] = Future()
            broken.set_exception(error)
            return broken

    def map_in_order(
        self, fn: Callable[..., T], tasks: Iterable[tuple[Any, ...]], window: int, lost: Callable[..., T]
    ) -> Iterator[T]:
        """Run ``fn(*task)`` for each task, at most ``window`` at once; yield results in task order.

        A task whose worker died yields ``lost(*task)`` instead.
        """
        pending: deque[tuple[tuple[Any, ...], Future[T]]] = deque()
        if self.in_process:
            window = 1  # a task runs when it is handed out: the caller sees each result before the next runs
        try:
            for task in tasks:
                pending.append((task, self._submit(fn, task)))
                if len(pending) >= window:
                    yield self._next_result(pending, fn, lost)
            while pending:
                yield self._next_result(pending, fn, lost)
        finally:
            for _, future in pending:
                future.cancel()

    def _next_result(
        self, pending: deque[tuple[tuple[Any, ...], Future[T]]], fn: Callable[..., T], lost: Callable[..., T]
    ) -> T:
        task, future = pending.popleft()
        try:
            return future.result()
        except BrokenExecutor:
            in_flight = [(task, future), *pending]
        pending.clear()
        self._restart()
        for again, before in in_flight:  # one at a time, so that the task that kills a worker is known
            redo: Future[T] = Future()
            try:
                finished = before.done() and before.exception() is None
                redo.set_result(before.result() if finished else self._submit(fn, again).result())
            except BrokenExecutor:
                redo.set_result(lost(*again))
                self._restart()
            pending.append((again, redo))
        return pending.popleft()[1].result()

    def _restart(self) -> None:
        self._executor.shutdown(wait=True)
        self._executor = self._start()

    def stop(self) -> None:
        """Stop the workers now (SIGTERM: each removes the file it was writing) and wait for them to end."""
        if not isinstance(self._executor, InlineExecutor):
            _quiet_cancelled_future_race()
            _quiet_stopped_queue_feeder()
            processes = list((getattr(self._executor, "_processes", None) or {}).values())
            for process in processes:
                process.terminate()
            for process in processes:
                process.join(timeout=10)
                if process.is_alive():
                    process.kill()
        # The pool's manager thread closes the pool's wake-up pipe as it ends. Python 3.11 writes to that pipe
        # as the interpreter exits, without the lock that closing takes (later versions give the pipe a lock
        # of its own), and prints an EBADF traceback when the two meet; so the thread is let end first.
        manager = getattr(self._executor, "_executor_manager_thread", None)  # shutdown forgets it
        self._executor.shutdown(wait=False, cancel_futures=True)
        if manager is not None:
            manager.join(timeout=10)

    def close(self) -> None:
        """Wait for the tasks to finish, then end the workers."""
        self._executor.shutdown()


def _quiet_cancelled_future_race() -> None:
    """Keep Python 3.11's process pool from printing a traceback when its stopped workers end.

    On seeing its workers end, the pool's manager thread sets an error on every task it still holds,
    and raises ``InvalidStateError`` (printed as an uncaught thread exception) for a task that was
    cancelled meanwhile. Python 3.12 ignores that case (CPython gh-107219); here it is ignored too.
    """
    import threading
    from concurrent.futures import InvalidStateError

    previous = threading.excepthook
    if sys.version_info >= (3, 12) or getattr(previous, "quiets_cancelled_futures", False):
        return

    def hook(args: threading.ExceptHookArgs) -> None:
        if not isinstance(args.exc_value, InvalidStateError):
            previous(args)

    hook.quiets_cancelled_futures = True  # type: ignore[attr-defined]
    threading.excepthook = hook


def _quiet_stopped_queue_feeder() -> None:
    """Keep the process pool's queue from printing a traceback when it writes to workers that were stopped.

    After the workers are stopped, the pool's manager thread still sends them its end-of-work marks; the
    thread that writes them may find the pipe gone, or closed as the interpreter exits (EBADF, EPIPE),
    and the queue prints that error as a traceback (its hook for a failed write of anything but a task).
    Nothing is lost, the run is ending: the error is ignored.
    """
    from multiprocessing import queues

    queues.Queue._on_queue_feeder_error = staticmethod(_ignore_feeder_error)  # type: ignore[attr-defined]


def _ignore_feeder_error(error: BaseException, obj: object) -> None:
    """Ignore a failed write of the process pool's queue to workers that were stopped."""


@contextmanager
def worker_pool(pipeline: Pipeline, workers: int, imports: Sequence[str] = ()) -> Iterator[WorkerPool]:
    """Yield a :class:`WorkerPool`; on an error or an interruption its workers are stopped at once."""
    pool = WorkerPool(pipeline, workers, imports)
    try:
        yield pool
    except BaseException:
        pool.stop()
        raise
    pool.close()


def lost_file(source: Path | None, *_: Any) -> Outcome:
    """Report a text file whose worker process died."""
    label = "<stdin>" if source is None else str(source)
    return Outcome(label, failures=[f"{label}: the process cleaning it died; file left untouched"])


def lost_chunk(label: str, first_line: int, lines: list[bytes], *_: Any) -> Outcome:
    """Report a chunk of records whose worker process died: no output, which ends the input."""
    last = first_line + len(lines) - 1
    return Outcome(label, failures=[f"{label}:{first_line}-{last}: the process cleaning these records died"])


def read_chunks(stream: IO[bytes], first_line: int = 1) -> Iterator[tuple[int, list[bytes]]]:
    """Split a byte stream into chunks of whole lines: ``(number of the first line, lines)``.

    The stream is read to its end: one that cannot be (a truncated or corrupt compressed file)
    raises :class:`InputReadError`.
    """
    lines: list[bytes] = []
    size = 0
    try:
        for line in stream:
            lines.append(line)
            size += len(line)
            if size >= CHUNK_BYTES or len(lines) >= CHUNK_LINES:
                yield first_line, lines
                first_line += len(lines)
                lines, size = [], 0
    except (OSError, EOFError, zlib.error) as error:
        raise InputReadError(f"cannot read: {error}") from None
    if lines:
        yield first_line, lines


def clean_jsonl_stream(
    source: IO[bytes], sink: IO[bytes] | None, label: str, settings: Settings, pool: WorkerPool, *, window: int = 4
) -> Iterator[Outcome]:
    """Clean every record of a JSONL stream into ``sink`` (``None``: write nothing), in order.

    Yields the outcome of each chunk (counts, messages, diff and explain rows; its output already
    written), so that a caller reports as it goes and nothing piles up in memory. A worker that died
    raises :class:`CleanerFailedError`; an error under ``on_error="fail"`` raises
    :class:`RunStoppedError`: the output is then incomplete, and the caller discards it.
    """
    tasks = ((label, first, lines, settings) for first, lines in read_chunks(source))
    for chunk in pool.map_in_order(clean_records, tasks, window, lost_chunk):
        if chunk.output is None:
            raise CleanerFailedError(chunk.failures[0])
        if settings.on_error == "fail" and (chunk.errors or chunk.failures):
            raise RunStoppedError((chunk.failures or chunk.errors)[0], failure=bool(chunk.failures))
        if sink is not None:
            sink.write(chunk.output)
        chunk.output = None
        yield chunk


@contextmanager
def open_jsonl_input(path: Path) -> Iterator[IO[bytes]]:
    """Open a JSONL file for reading, decompressing ``.gz`` and ``.zst`` on the fly."""
    if path.suffix == ".gz":
        import gzip

        with gzip.open(path, "rb") as stream:
            yield cast(IO[bytes], stream)
    elif path.suffix == ".zst":
        with path.open("rb") as raw:
            yield io.BufferedReader(ZstdFramesReader(raw), READ_BLOCK)
    else:
        with path.open("rb") as stream:
            yield stream


class ZstdFramesReader(io.RawIOBase):
    """Read every frame of a zstd stream; a stream that ends inside a frame raises :class:`InputReadError`.

    A reader that stops at the end of the first frame, or at the end of the data without checking
    that its frame is complete, takes a truncated file for a short one.
    """

    def __init__(self, raw: IO[bytes]) -> None:
        super().__init__()
        self._zstandard = _zstandard()
        self._raw = raw
        self._frame: Any = None  # the decompressor of the frame being read; None between frames
        self._data = b""
        self._offset = 0

    def readable(self) -> bool:
        """Tell that this stream can be read."""
        return True

    def readinto(self, buffer: Any) -> int:
        """Fill ``buffer`` with decompressed bytes; return how many (0 at the end of the stream)."""
        while self._offset >= len(self._data):
            compressed = self._raw.read(READ_BLOCK)
            if not compressed:
                if self._frame is not None:
                    raise InputReadError("cannot read: the zstd stream ends inside a frame (a truncated file)")
                return 0
            self._data, self._offset = self._decompress(compressed), 0
        size = min(len(buffer), len(self._data) - self._offset)
        buffer[:size] = self._data[self._offset : self._offset + size]
        self._offset += size
        return size

    def _decompress(self, compressed: bytes) -> bytes:
        out = []
        while compressed:
            if self._frame is None:
                self._frame = self._zstandard.ZstdDecompressor().decompressobj()
            try:
                out.append(self._frame.decompress(compressed))
            except self._zstandard.ZstdError as error:
                raise InputReadError(f"cannot read: corrupt zstd data ({error})") from None
            compressed = b""
            if self._frame.eof:
                compressed, self._frame = self._frame.unused_data, None
        return b"".join(out)


@contextmanager
def open_jsonl_output(path: Path) -> Iterator[IO[bytes]]:
    """Open a JSONL file for writing atomically, compressing for ``.gz`` and ``.zst``."""
    with atomic_open(path) as handle:
        if path.suffix == ".gz":
            import gzip

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
