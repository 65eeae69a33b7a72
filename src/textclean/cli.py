"""The ``textclean`` command: argument parsing and reporting.

The work is done by :mod:`textclean.batch` (reading, cleaning in parallel, writing) with a
:class:`textclean.Pipeline`; this module decides what to read and where to write, and tells the user
what happened. Exit status: 0 success, 1 ``--check`` found text to change, 2 errors (one line each on
stderr, ``textclean: error: ...``), 130 interrupted.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
import zlib
from collections.abc import Sequence
from concurrent.futures import Executor
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from textclean import batch, registry
from textclean.batch import Outcome, Settings
from textclean.config import Config, load_config
from textclean.errors import TextcleanError
from textclean.io import atomic_open
from textclean.pipeline import Pipeline

PROG = "textclean"
JSONL_PATTERNS = ("*.jsonl", "*.jsonl.gz", "*.jsonl.zst")
SMALL_INPUT = 1 << 20  # below 1 MB in all, starting worker processes costs more than it saves


class UsageError(TextcleanError):
    """Arguments that do not fit together."""


@dataclass(frozen=True)
class Job:
    """One input and where its output goes (``None``: stdout; ``write=False``: nowhere)."""

    source: Path | None  # None: stdin
    label: str
    target: Path | None
    write: bool = True


@dataclass
class Report:
    """What the run did, for the progress bar, the summary line and the exit status."""

    quiet: bool
    check: bool
    explain: IO[bytes] | None = None
    files: int = 0
    errors: int = 0
    total: Outcome = field(default_factory=lambda: Outcome("total"))
    progress: Any = None
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome, *, label: str | None = None) -> None:
        """Count an outcome and report its messages, diff and edits as they arrive, in input order."""
        self.total.add_counts(outcome)
        self.errors += len(outcome.errors)
        for message in outcome.notes:
            _say("note", message, self.progress)
        for message in outcome.warnings:
            _say("warning", message, self.progress)
        for message in outcome.errors:
            _say("error", message, self.progress)
        if outcome.diff:
            sys.stdout.writelines(outcome.diff)
        if self.check and label is not None:
            print(f"would change: {label}")
        if self.explain is not None:
            for row in outcome.explain:
                self.explain.write((json.dumps(row, ensure_ascii=False) + "\n").encode("utf-8"))
        if self.progress is not None:
            self.progress.update(outcome.bytes_in)
            documents = self.total.documents
            rate = documents / max(time.perf_counter() - self.started, 1e-9)
            self.progress.set_postfix_str(f"{documents:,} docs, {rate:,.0f} docs/s", refresh=False)


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``textclean`` command."""
    parser = argparse.ArgumentParser(prog=PROG, description="Turn messy scraped text into clean text.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    normalize = commands.add_parser(
        "normalize",
        help="clean files, folders, stdin or JSONL",
        description="Clean text files, folders (recursively), '-' for stdin, or JSONL records.",
    )
    normalize.add_argument("paths", nargs="+", metavar="PATH", help="a file, a folder, or - for stdin")
    where = normalize.add_mutually_exclusive_group()
    where.add_argument("-o", "--output", type=Path, help="output file (one input) or folder (mirrors the inputs)")
    where.add_argument("--in-place", action="store_true", help="rewrite the inputs (atomically)")
    normalize.add_argument("--steps", help="comma-separated step names (default: the default pipeline)")
    normalize.add_argument("--config", type=Path, help="textclean.toml, or a pyproject.toml with [tool.textclean]")
    normalize.add_argument(
        "--glob",
        default=None,
        help="file pattern inside folders (default: *.txt; with --jsonl *.jsonl, *.jsonl.gz, *.jsonl.zst)",
    )
    normalize.add_argument("--jsonl", action="store_true", help="inputs are JSONL: clean one field of each record")
    normalize.add_argument("--field", default="text", help="the JSONL field to clean (default: text)")
    normalize.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    normalize.add_argument("--diff", action="store_true", help="write nothing; print a unified diff")
    normalize.add_argument("--explain", type=Path, metavar="FILE", help="write every edit as JSONL to FILE")
    normalize.add_argument(
        "--encoding", default="utf-8", help="input encoding: utf-8 (default), auto (detect), or a codec name"
    )
    normalize.add_argument(
        "--errors", choices=("strict", "replace"), default="strict", help="undecodable bytes: fail (default) or U+FFFD"
    )
    normalize.add_argument(
        "--on-error",
        choices=("skip", "fail"),
        default="skip",
        help="a bad JSONL record: keep it unchanged and go on (default), or stop",
    )
    normalize.add_argument(
        "-j", "--workers", type=_positive_int, default=None, help="worker processes (default: all cores)"
    )
    normalize.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary")
    commands.add_parser("steps", help="list the available steps", description="List the available steps.")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    try:
        if args.command == "steps":
            return list_steps(sys.stdout)
        return normalize(args)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; every output file is either as it was or complete", file=sys.stderr)
        return 130
    except TextcleanError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2


def list_steps(out: TextIO) -> int:
    """Print every available step with its summary and options; mark the default pipeline's."""
    defaults = set(registry.DEFAULT_STEPS)
    for name in registry.names():
        try:
            spec = registry.get(name)
        except TextcleanError as error:
            print(f"  {name:14s} (cannot load: {error})", file=out)
            continue
        mark = "*" if name in defaults else " "
        print(f"{mark} {name:14s} {spec.summary}", file=out)
        if spec.option_names:
            print(f"  {'':14s} options: {', '.join(spec.option_names)}", file=out)
    print("(* = in the default pipeline)", file=out)
    return 0


def normalize(args: argparse.Namespace) -> int:
    """Run ``textclean normalize``; return the exit status."""
    pipeline = make_pipeline(args)
    jobs = plan_jobs(args)
    settings = Settings(
        field=args.field,
        encoding=args.encoding,
        errors=args.errors,
        on_error=args.on_error,
        explain=args.explain is not None,
        diff=args.diff,
        skip_unchanged=args.in_place,
    )
    workers = workers_for(jobs, args.workers or available_cores(), jsonl=args.jsonl)
    report = Report(quiet=args.quiet, check=args.check and not args.diff)
    with ExitStack() as stack:
        if args.explain is not None:
            report.explain = stack.enter_context(atomic_open(args.explain))
        report.progress = stack.enter_context(progress_bar(jobs, args.quiet))
        pool = stack.enter_context(batch.worker_pool(pipeline, workers))
        if args.jsonl:
            for job in jobs:
                run_jsonl_job(job, settings, pool, workers, report)
        else:
            run_text_jobs(jobs, settings, pool, workers, report)
    if not args.quiet:
        print_summary(report)
    if report.errors:
        return 2
    return 1 if args.check and report.total.changed else 0


def available_cores() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers_for(jobs: list[Job], workers: int, *, jsonl: bool) -> int:
    """Use one process for small inputs, where starting workers costs more than it saves."""
    if any(job.source is None for job in jobs):  # stdin: one document, or a stream of unknown length
        return workers if jsonl else 1
    size = sum(job.source.stat().st_size for job in jobs if job.source is not None)
    return 1 if size < SMALL_INPUT else workers


def run_text_jobs(jobs: list[Job], settings: Settings, pool: Executor, workers: int, report: Report) -> None:
    """Clean text files, in parallel, reporting in input order."""
    for job in jobs:
        if job.source is None:  # stdin: one document
            data = sys.stdin.buffer.read()
            outcome = batch.clean_bytes(data, job.label, target=None, write=job.write, settings=settings)
            finish_text_job(job, outcome, report)
    tasks = ((job.source, job.target, job.write, settings) for job in jobs if job.source is not None)
    file_jobs = [job for job in jobs if job.source is not None]
    for job, outcome in zip(file_jobs, batch.ordered_map(pool, batch.clean_file, tasks, 2 * workers), strict=True):
        finish_text_job(job, outcome, report)


def finish_text_job(job: Job, outcome: Outcome, report: Report) -> None:
    """Report one cleaned file, and write it to stdout when that is where it goes."""
    if not outcome.errors and not outcome.skipped:
        report.files += 1
    report.add(outcome, label=job.label if outcome.changed else None)
    if outcome.output is not None:
        sys.stdout.buffer.write(outcome.output)
        sys.stdout.buffer.flush()


def run_jsonl_job(job: Job, settings: Settings, pool: Executor, workers: int, report: Report) -> None:
    """Stream one JSONL input through the pool, chunk by chunk, into its output."""
    errors_before = report.errors
    changed_before = report.total.changed
    try:
        with ExitStack() as stack:
            if job.source is None:
                source: IO[bytes] = sys.stdin.buffer
            else:
                source = stack.enter_context(batch.open_jsonl_input(job.source))
            sink: IO[bytes] | None = None
            if job.write:
                sink = (
                    sys.stdout.buffer
                    if job.target is None
                    else stack.enter_context(batch.open_jsonl_output(job.target))
                )
            for chunk in batch.clean_jsonl_stream(source, sink, job.label, settings, pool, window=2 * workers):
                report.add(chunk)
    except (OSError, EOFError, zlib.error) as error:
        _say("error", f"{job.label}: cannot read: {error}; nothing written for this input", report.progress)
        report.errors += 1
        return
    except Exception as error:
        if type(error).__name__ != "ZstdError":
            raise
        _say("error", f"{job.label}: corrupt zstd data: {error}; nothing written for this input", report.progress)
        report.errors += 1
        return
    report.files += report.errors == errors_before
    if report.check and report.total.changed > changed_before:
        print(f"would change: {job.label}")


def progress_bar(jobs: list[Job], quiet: bool) -> Any:
    """Show bytes (MB/s) and documents per second on stderr, when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        return nullcontext()
    from tqdm import tqdm

    sizes = [0 if job.source is None else job.source.stat().st_size for job in jobs]
    # compressed and piped inputs have no known size in decompressed bytes: no total, the rate still shows
    known = all(job.source is not None and job.source.suffix not in batch.COMPRESSED_SUFFIXES for job in jobs)
    return tqdm(total=sum(sizes) if known else None, unit="B", unit_scale=True, file=sys.stderr, leave=False)


def print_summary(report: Report) -> None:
    """Print one line on stderr: files, documents, bytes in and out, edits per step."""
    total = report.total
    parts = [f"{report.files} file{'s' if report.files != 1 else ''}"]
    if total.documents != report.files:
        parts.append(f"{total.documents:,} documents")
    parts.append(f"{total.changed:,} changed")
    if total.skipped:
        parts.append(f"{total.skipped} skipped")
    if report.errors:
        parts.append(f"{report.errors} error{'s' if report.errors != 1 else ''}")
    edits = ", ".join(f"{name} {count:,}" for name, count in total.edits.most_common() if count) or "none"
    seconds = time.perf_counter() - report.started
    print(
        f"{PROG}: {', '.join(parts)}; {total.bytes_in:,} bytes in, {total.bytes_out:,} out "
        f"in {seconds:.1f} s; edits: {edits}",
        file=sys.stderr,
    )


def _say(kind: str, message: str, progress: Any) -> None:
    line = f"{PROG}: {kind}: {message}"
    if progress is not None:
        progress.write(line, file=sys.stderr)
    else:
        print(line, file=sys.stderr)


def make_pipeline(args: argparse.Namespace) -> Pipeline:
    """Build the pipeline from ``--config`` and ``--steps`` (``--steps`` wins)."""
    config = load_config(args.config) if args.config else Config()
    steps = config.steps
    options = config.options
    if args.steps is not None:
        steps = [name.strip() for name in args.steps.split(",") if name.strip()]
        if not steps:
            raise UsageError("--steps names no step")
        options = {name: value for name, value in options.items() if name in steps}
    return Pipeline(steps, options, config.max_rounds)


def plan_jobs(args: argparse.Namespace) -> list[Job]:
    """Decide, before anything is written, which files are read and where each output goes."""
    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other inputs")
    if args.in_place and "-" in args.paths:
        raise UsageError("--in-place needs files, not stdin")
    patterns = [args.glob] if args.glob else list(JSONL_PATTERNS if args.jsonl else ("*.txt",))
    found: list[tuple[Path | None, Path]] = []  # (source, path relative to its input)
    for raw in args.paths:
        if raw == "-":
            found.append((None, Path("stdin")))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(
                {p for pattern in patterns for p in path.rglob(pattern) if p.is_file() and not _is_hidden(p, path)}
            )
            found.extend((p, p.relative_to(path)) for p in files)
        elif path.is_file():
            found.append((path, Path(path.name)))
        else:
            raise UsageError(f"{raw}: no such file or folder")
    single = len(args.paths) == 1 and not Path(args.paths[0]).is_dir()
    nowhere = args.check or args.diff
    jobs = []
    for source, relative in found:
        label = "<stdin>" if source is None else str(source)
        if nowhere:
            jobs.append(Job(source, label, None, write=False))
        elif args.in_place:
            jobs.append(Job(source, label, source))
        elif args.output is not None:
            target = args.output if single and not args.output.is_dir() else args.output / relative
            jobs.append(Job(source, label, target))
        elif single:
            jobs.append(Job(source, label, None))
        else:
            raise UsageError("several inputs: give -o FOLDER, --in-place, --check or --diff")
    _check_targets(jobs, in_place=args.in_place)
    return jobs


def _check_targets(jobs: list[Job], *, in_place: bool) -> None:
    seen: dict[Path, str] = {}
    for job in jobs:
        if job.target is None or not job.write:
            continue
        target = job.target.resolve()
        if not in_place and job.source is not None and target == job.source.resolve():
            raise UsageError(f"{job.label}: refusing to write over the input; use --in-place to do that")
        if target in seen:
            raise UsageError(f"{seen[target]} and {job.label} would both be written to {job.target}")
        seen[target] = job.label


def _is_hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number
