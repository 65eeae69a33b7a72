"""The ``textclean`` command: argument parsing and reporting.

The work is done by :mod:`textclean.batch` (planning, reading, cleaning in parallel, writing) with a
:class:`textclean.Pipeline`; this module turns the arguments into settings and tells the user what
happened. Every problem is one line on stderr, ``textclean: error: FILE[:LINE]: ...``, and the run goes
on with the other inputs (``--on-error fail`` stops it). Exit status: 0 done, 1 ``--check`` found text
to change, 2 bad input or usage (a file that cannot be read, decoded or written, a bad JSONL record),
3 a cleaner failed (it raised, or the process running it died: a bug, in a plugin or in textclean),
128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
from collections.abc import Sequence
from contextlib import ExitStack, nullcontext
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, TextIO

from textclean import batch, registry
from textclean.batch import (
    CleanerFailedError,
    InputReadError,
    Interrupted,
    Job,
    Outcome,
    RunStoppedError,
    Settings,
    UsageError,
    WorkerPool,
)
from textclean.config import Config, load_config
from textclean.errors import TextcleanError
from textclean.io import atomic_open, check_encoding
from textclean.pipeline import Pipeline

PROG = "textclean"
JSONL_PATTERNS = ("*.jsonl", "*.jsonl.gz", "*.jsonl.zst")
SMALL_INPUT = 1 << 20  # below 1 MB in all, starting worker processes costs more than it saves
BAD_INPUT, FAILED = 2, 3  # exit statuses
STOPPED = "stopped at the first error (--on-error fail)"


@dataclass
class Report:
    """What the run did, for the progress bar, the summary line and the exit status."""

    quiet: bool
    check: bool
    explain: IO[bytes] | None = None
    files: int = 0
    errors: int = 0
    failures: int = 0
    total: Outcome = field(default_factory=lambda: Outcome("total"))
    progress: Any = None
    started: float = field(default_factory=time.perf_counter)

    def add(self, outcome: Outcome) -> None:
        """Count an outcome and report its messages, diff and edits as they arrive, in input order."""
        self.total.add_counts(outcome)
        self.errors += len(outcome.errors)
        self.failures += len(outcome.failures)
        for kind, messages in (("note", outcome.notes), ("warning", outcome.warnings)):
            for message in messages:
                say(kind, message, self.progress)
        for message in outcome.errors + outcome.failures:
            say("error", message, self.progress)
        if outcome.diff:
            write_stdout("".join(outcome.diff), errors="backslashreplace")
        if self.explain is not None:
            self.explain.writelines(outcome.explain)
        if self.progress is not None:
            self.progress.update(outcome.bytes_in)
            documents = self.total.documents
            rate = documents / max(time.perf_counter() - self.started, 1e-9)
            self.progress.set_postfix_str(f"{documents:,} docs, {rate:,.0f} docs/s", refresh=False)

    def done(self, job: Job, changed: int) -> None:
        """Count a finished input; under ``--check``, name it if it would change."""
        self.files += 1
        if self.check and changed:
            write_stdout(f"would change: {job.label}\n")

    def stop_on(self, outcome: Outcome, settings: Settings) -> None:
        """Under ``--on-error fail``, stop the run at the first error."""
        if settings.on_error == "fail" and (outcome.errors or outcome.failures):
            raise RunStoppedError(STOPPED, failure=bool(outcome.failures))

    @property
    def status(self) -> int:
        """The exit status."""
        if self.failures:
            return FAILED
        if self.errors:
            return BAD_INPUT
        return 1 if self.check and self.total.changed else 0


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
    where.add_argument(
        "-o",
        "--output",
        help="output file, or folder (a folder input, several inputs, or a name ending in /); - for stdout",
    )
    where.add_argument("--in-place", action="store_true", help="rewrite the inputs (atomically)")
    normalize.add_argument("--steps", help="comma-separated step names (default: the default pipeline)")
    normalize.add_argument("--config", type=Path, help="textclean.toml, or a pyproject.toml with [tool.textclean]")
    normalize.add_argument(
        "--glob",
        default=None,
        help="file pattern inside folders (default: *.txt; with --jsonl *.jsonl, *.jsonl.gz, *.jsonl.zst)",
    )
    normalize.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links inside folders (default: pass over them, with a warning)",
    )
    normalize.add_argument("--jsonl", action="store_true", help="inputs are JSONL: clean one field of each record")
    normalize.add_argument("--field", default="text", help="the JSONL field to clean (default: text)")
    normalize.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    normalize.add_argument("--diff", action="store_true", help="write nothing; print a unified diff")
    normalize.add_argument("--explain", metavar="FILE", help="write every edit as JSONL to FILE (- for stdout)")
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
        help="an input or record that cannot be cleaned: report it and go on (default), or stop the run",
    )
    normalize.add_argument(
        "--max-document-size",
        type=_megabytes,
        default=batch.MAX_DOCUMENT_SIZE,
        metavar="MB",
        help=f"skip larger documents, with a warning (default: {batch.MAX_DOCUMENT_SIZE >> 20})",
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
    for signum in batch.STOP_SIGNALS:
        signal.signal(signum, _interrupt)
    try:
        if args.command == "steps":
            return list_steps(sys.stdout)
        return normalize(args)
    except KeyboardInterrupt as stop:
        print(f"{PROG}: interrupted; every output file is either as it was or complete", file=sys.stderr)
        return 128 + (stop.signum if isinstance(stop, Interrupted) else signal.SIGINT)
    except RunStoppedError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return FAILED if error.failure else BAD_INPUT
    except TextcleanError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return BAD_INPUT
    except Exception as error:  # a bug: one line, not a traceback
        print(f"{PROG}: error: internal error: {type(error).__name__}: {error}", file=sys.stderr)
        return FAILED


def _interrupt(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


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
    if args.encoding != "auto":
        check_encoding(args.encoding)
    pipeline = make_pipeline(args)
    output = None if args.output == "-" else args.output  # "-": stdout, never a file of that name
    nowhere = args.check or args.diff
    if args.explain == "-" and (nowhere or not (args.in_place or output)):
        raise UsageError("--explain - needs stdout to itself: give -o or --in-place, without --check or --diff")
    plan = batch.plan_jobs(
        args.paths,
        output=output,
        in_place=args.in_place,
        write=not nowhere,
        patterns=[args.glob] if args.glob else list(JSONL_PATTERNS if args.jsonl else ("*.txt",)),
        follow_links=args.follow_links,
        explain=args.explain,
    )
    settings = Settings(
        field=args.field,
        encoding=args.encoding,
        errors=args.errors,
        on_error=args.on_error,
        explain=args.explain is not None,
        diff=args.diff,
        skip_unchanged=args.in_place,
        max_document_size=args.max_document_size,
    )
    jobs = plan.jobs
    report = Report(quiet=args.quiet, check=args.check and not args.diff)
    report.add(Outcome("plan", notes=plan.notes, warnings=plan.warnings, errors=plan.errors))
    report.stop_on(Outcome("plan", errors=plan.errors), settings)
    workers = workers_for(jobs, args.workers or available_cores(), jsonl=args.jsonl)
    with ExitStack() as stack:
        if args.explain == "-":
            report.explain = sys.stdout.buffer
        elif args.explain is not None:
            report.explain = stack.enter_context(atomic_open(Path(args.explain)))
        report.progress = stack.enter_context(progress_bar(jobs, args.quiet))
        pool = stack.enter_context(batch.worker_pool(pipeline, workers))
        try:
            if args.jsonl:
                for job in jobs:
                    run_jsonl_job(job, settings, pool, workers, report)
            else:
                run_text_jobs(jobs, settings, pool, workers, report)
        finally:
            if not args.quiet:
                print_summary(report)
    return report.status


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
    return 1 if sum(_size(job) for job in jobs) < SMALL_INPUT else workers


def _size(job: Job) -> int:
    try:
        return 0 if job.source is None else job.source.stat().st_size
    except OSError:  # reported when it is read
        return 0


def run_text_jobs(jobs: list[Job], settings: Settings, pool: WorkerPool, workers: int, report: Report) -> None:
    """Clean text files, in parallel, reporting in input order."""
    tasks = ((job.source, job.target, job.write, settings) for job in jobs if job.source is not None)
    file_jobs = [job for job in jobs if job.source is not None]
    if len(file_jobs) < len(jobs):  # stdin: one document
        stdin = next(job for job in jobs if job.source is None)
        finish_text_job(stdin, pool.clean_stdin(stdin.target, stdin.write, settings), settings, report)
    results = pool.map_in_order(batch.clean_file, tasks, 2 * workers, batch.lost_file)
    for job, outcome in zip(file_jobs, results, strict=False):
        finish_text_job(job, outcome, settings, report)


def finish_text_job(job: Job, outcome: Outcome, settings: Settings, report: Report) -> None:
    """Report one cleaned file, and write it to stdout when that is where it goes."""
    report.add(outcome)
    if not outcome.errors and not outcome.failures and not outcome.skipped:
        report.done(job, outcome.changed)
    if outcome.output is not None:
        sys.stdout.buffer.write(outcome.output)
        sys.stdout.buffer.flush()
    report.stop_on(outcome, settings)


def run_jsonl_job(job: Job, settings: Settings, pool: WorkerPool, workers: int, report: Report) -> None:
    """Stream one JSONL input through the pool, chunk by chunk, into its output; a failed input writes nothing."""
    changed_before = report.total.changed
    to_stdout = job.write and job.target is None
    lines_out = 0
    try:
        with ExitStack() as stack:
            source = sys.stdin.buffer if job.source is None else stack.enter_context(batch.open_jsonl_input(job.source))
            sink: IO[bytes] | None = None
            if to_stdout:
                sink = sys.stdout.buffer
            elif job.write and job.target is not None:
                sink = stack.enter_context(batch.open_jsonl_output(job.target))
            for chunk in batch.clean_jsonl_stream(source, sink, job.label, settings, pool, window=2 * workers):
                lines_out += chunk.lines
                report.add(chunk)
                report.stop_on(chunk, settings)
    except (InputReadError, CleanerFailedError, OSError) as error:
        message = f"{job.label}: {error}" if isinstance(error, InputReadError) else str(error)
        if isinstance(error, OSError):
            message = f"{job.label}: {error.strerror or error}" + (f": {error.filename}" if error.filename else "")
        written = f"{lines_out:,} lines had been written to stdout" if to_stdout else "nothing written for this input"
        say("error", f"{message}; {written}", report.progress)
        report.failures += isinstance(error, CleanerFailedError)
        report.errors += not isinstance(error, CleanerFailedError)
        report.stop_on(Outcome(job.label, errors=[message]), settings)
        return
    except RunStoppedError as error:
        say("error", str(error), report.progress)
        written = f"{lines_out:,} lines had been written to stdout" if to_stdout else f"nothing written for {job.label}"
        raise RunStoppedError(f"{STOPPED}; {written}", failure=error.failure) from None
    report.done(job, report.total.changed - changed_before)


def write_stdout(text: str, errors: str = "surrogateescape") -> None:
    """Write text to stdout in UTF-8; a file name that is not UTF-8 comes out as the bytes it is."""
    try:
        data = text.encode("utf-8", errors)
    except UnicodeEncodeError:
        data = text.encode("utf-8", "backslashreplace")
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def progress_bar(jobs: list[Job], quiet: bool) -> Any:
    """Show bytes (MB/s) and documents per second on stderr, when it is a terminal."""
    if quiet or not sys.stderr.isatty():
        return nullcontext()
    from tqdm import tqdm

    # compressed and piped inputs have no known size in decompressed bytes: no total, the rate still shows
    known = all(job.source is not None and job.source.suffix not in batch.COMPRESSED_SUFFIXES for job in jobs)
    total = sum(_size(job) for job in jobs) if known else None
    return tqdm(total=total, unit="B", unit_scale=True, file=sys.stderr, leave=False)


def print_summary(report: Report) -> None:
    """Print one line on stderr: files, documents, bytes in and out, edits per step."""
    total = report.total
    parts = [f"{report.files} file{'s' if report.files != 1 else ''}"]
    if total.documents != report.files:
        parts.append(f"{total.documents:,} documents")
    parts.append(f"{total.changed:,} changed")
    if total.skipped:
        parts.append(f"{total.skipped} skipped")
    problems = report.errors + report.failures
    if problems:
        parts.append(f"{problems} error{'s' if problems != 1 else ''}")
    edits = ", ".join(f"{name} {count:,}" for name, count in total.edits.most_common() if count) or "none"
    seconds = time.perf_counter() - report.started
    print(
        f"{PROG}: {', '.join(parts)}; {total.bytes_in:,} bytes in, {total.bytes_out:,} out "
        f"in {seconds:.1f} s; edits: {edits}",
        file=sys.stderr,
    )


def say(kind: str, message: str, progress: Any) -> None:
    """Print one ``textclean: KIND: message`` line on stderr (above the progress bar, if there is one)."""
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


def _positive_int(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, not {value}")
    return number


def _megabytes(value: str) -> int:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a size in MB, like 256 or 0.5, not {value!r}") from None
    if not size > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {value}")
    return int(size * (1 << 20))
