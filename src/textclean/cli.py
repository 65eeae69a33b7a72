"""The ``textclean`` command: argument parsing, file handling and reporting.

The cleaning itself is :class:`textclean.Pipeline`; this module only decides what to read, where to
write, and what to tell the user. Exit status: 0 success, 1 ``--check`` found text to change,
2 errors (reported one per line on stderr as ``textclean: error: ...``), 130 interrupted.
"""

from __future__ import annotations

import argparse
import difflib
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO, TextIO

from textclean import registry
from textclean.config import Config, load_config
from textclean.errors import InputError, TextcleanError
from textclean.io import BinaryInputError, atomic_open, decode_bytes, dump_record, parse_record
from textclean.pipeline import Pipeline

PROG = "textclean"


class UsageError(TextcleanError):
    """Arguments that do not fit together."""


class RunStoppedError(TextcleanError):
    """An error that ends the run (``--on-error fail``)."""


@dataclass(frozen=True)
class Job:
    """One input and where its output goes (``None``: stdout; ``write=False``: nowhere)."""

    source: Path | None  # None: stdin
    label: str
    target: Path | None
    write: bool = True


@dataclass
class Report:
    """What the run did, for the summary line and the exit status."""

    files: int = 0
    changed: int = 0
    errors: int = 0
    skipped: int = 0
    bytes_in: int = 0
    bytes_out: int = 0
    edits: Counter[str] = field(default_factory=Counter)


@dataclass
class Run:
    """Everything one ``normalize`` run shares across its inputs."""

    args: argparse.Namespace
    pipeline: Pipeline
    report: Report
    explain: BinaryIO | None = None


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
    normalize.add_argument("--glob", default=None, help="file pattern inside folders (default: *.txt, or *.jsonl)")
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
        print(f"{PROG}: interrupted; no output file was left half-written", file=sys.stderr)
        return 130
    except TextcleanError as error:
        print(f"{PROG}: error: {error}", file=sys.stderr)
        return 2


def list_steps(out: TextIO) -> int:
    """Print every available step with its summary; mark the default pipeline's."""
    defaults = set(registry.DEFAULT_STEPS)
    for name in registry.names():
        try:
            summary = registry.get(name).summary
        except TextcleanError as error:
            summary = f"(cannot load: {error})"
        mark = "*" if name in defaults else " "
        print(f"{mark} {name:14s} {summary}", file=out)
    print("(* = in the default pipeline)", file=out)
    return 0


def normalize(args: argparse.Namespace) -> int:
    """Run ``textclean normalize``; return the exit status."""
    run = Run(args, make_pipeline(args), Report())
    jobs = plan_jobs(args)
    with ExitStack() as stack:
        if args.explain:
            run.explain = stack.enter_context(atomic_open(args.explain))
        for job in _progress(jobs, args):
            run_job(job, run)
    if not args.quiet:
        print_summary(run.report)
    if run.report.errors:
        return 2
    return 1 if args.check and run.report.changed else 0


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
    return Pipeline(steps, options)


def plan_jobs(args: argparse.Namespace) -> list[Job]:
    """Decide, before anything is written, which files are read and where each output goes."""
    if "-" in args.paths and len(args.paths) > 1:
        raise UsageError("'-' (stdin) cannot be combined with other inputs")
    if args.in_place and "-" in args.paths:
        raise UsageError("--in-place needs files, not stdin")
    pattern = args.glob or ("*.jsonl" if args.jsonl else "*.txt")
    found: list[tuple[Path | None, Path]] = []  # (source, path relative to its input)
    for raw in args.paths:
        if raw == "-":
            found.append((None, Path("stdin")))
            continue
        path = Path(raw)
        if path.is_dir():
            files = sorted(p for p in path.rglob(pattern) if p.is_file() and not _is_hidden(p, path))
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


def run_job(job: Job, run: Run) -> None:
    """Read, clean and write one input; report its errors and go on."""
    args, report = run.args, run.report
    data = sys.stdin.buffer.read() if job.source is None else _read(job)
    if data is None:
        report.errors += 1
        return
    try:
        text, _ = decode_bytes(data, encoding=args.encoding, errors=args.errors)
    except BinaryInputError as error:
        _warn(f"{job.label}: skipped: {error}")
        report.skipped += 1
        return
    except InputError as error:
        _error(f"{job.label}: {error}; file left untouched (--errors replace or --encoding auto reads it)")
        report.errors += 1
        return
    report.files += 1
    report.bytes_in += len(data)
    cleaned = clean_jsonl(text, job, run) if args.jsonl else clean_text(text, job.label, None, run)
    output = cleaned.encode("utf-8")
    report.bytes_out += len(output)
    changed = cleaned != text
    report.changed += changed
    if args.diff and changed:
        sys.stdout.writelines(
            difflib.unified_diff(
                text.splitlines(keepends=True), cleaned.splitlines(keepends=True), f"a/{job.label}", f"b/{job.label}"
            )
        )
    if args.check and changed and not args.diff:
        print(f"would change: {job.label}")
    if not job.write or (args.in_place and not changed):
        return
    if job.target is None:
        sys.stdout.buffer.write(output)
        sys.stdout.buffer.flush()
    else:
        with atomic_open(job.target) as handle:
            handle.write(output)


def _read(job: Job) -> bytes | None:
    assert job.source is not None
    try:
        return job.source.read_bytes()
    except OSError as error:
        _error(f"{job.label}: cannot read: {error.strerror or error}")
        return None


def clean_text(text: str, label: str, line: int | None, run: Run) -> str:
    """Clean one document, counting edits per step and writing them to ``--explain`` if asked."""
    explain = run.explain
    if explain is None:
        cleaned, counts = run.pipeline.clean_with_counts(text)
        run.report.edits.update(counts)
        return cleaned
    result = run.pipeline.explain(text)
    for row in result.records():
        run.report.edits[row["step"]] += 1
        where = {"path": label} if line is None else {"path": label, "line": line}
        explain.write((json.dumps({**where, **row}, ensure_ascii=False) + "\n").encode("utf-8"))
    return result.output


def clean_jsonl(text: str, job: Job, run: Run) -> str:
    """Clean one field of every record; a bad record is reported and kept as it was."""
    args = run.args
    lines = []
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            lines.append(line)
            continue
        record = parse_record(number, line, args.field)
        if record.value is None:
            message = f"{job.label}: {record.error}"
            if args.on_error == "fail":
                raise RunStoppedError(message + "; stopped (--on-error fail), nothing written for this input")
            _error(message + "; record kept unchanged")
            run.report.errors += 1
            lines.append(line)
            continue
        value = dict(record.value)
        value[args.field] = clean_text(value[args.field], job.label, number, run)
        lines.append(dump_record(value) if value != record.value else line)
    return "\n".join(lines)


def _progress(jobs: list[Job], args: argparse.Namespace) -> Sequence[Job] | Iterator[Job]:
    if args.quiet or len(jobs) < 2 or not sys.stderr.isatty():
        return jobs
    from tqdm import tqdm

    return iter(tqdm(jobs, unit="file", file=sys.stderr, leave=False))


def print_summary(report: Report) -> None:
    """Print one line on stderr: files, bytes in and out, edits per step."""
    parts = [f"{report.files} file{'s' if report.files != 1 else ''}", f"{report.changed} changed"]
    if report.skipped:
        parts.append(f"{report.skipped} skipped")
    if report.errors:
        parts.append(f"{report.errors} error{'s' if report.errors != 1 else ''}")
    edits = ", ".join(f"{name} {count}" for name, count in report.edits.most_common()) or "none"
    print(
        f"{PROG}: {', '.join(parts)}; {report.bytes_in:,} bytes in, {report.bytes_out:,} out; edits: {edits}",
        file=sys.stderr,
    )


def _warn(message: str) -> None:
    print(f"{PROG}: warning: {message}", file=sys.stderr)


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)
