"""The ``textclean`` command: argument parsing and reporting.

The work is done by :mod:`textclean.batch` (planning, reading, cleaning in parallel, writing) with a
:class:`textclean.Pipeline`; this module turns the arguments into settings and tells the user what
happened. Every problem is one line on stderr, ``textclean: error: FILE[:LINE]: ...``, and the run goes
on with the other inputs (``--on-error fail`` stops it). Exit status: 0 done, 1 ``--check`` found text
to change, 2 bad input or usage (a file that cannot be read, decoded or written, a bad JSONL record),
3 a cleaner failed (it raised, or the process running it died: a bug, in a plugin or in textclean),
128+N stopped by signal N (130 Ctrl-C, 143 SIGTERM, 129 SIGHUP, 141 the reader of stdout went away).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
import time
import tomllib
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
from textclean.config import Config, find_config, load_config
from textclean.errors import RegistrationError, TextcleanError
from textclean.io import atomic_open, check_encoding, json_line
from textclean.pipeline import Pipeline

PROG = "textclean"
JSONL_PATTERNS = ("*.jsonl", "*.jsonl.gz", "*.jsonl.zst")
SMALL_INPUT = 1 << 20  # below 1 MB in all, starting worker processes costs more than it saves
BAD_INPUT, FAILED = 2, 3  # exit statuses
CLOSED_PIPE = 128 + 13  # the status of a program killed by SIGPIPE, which is what a closed stdout ends
STOPPED = "stopped at the first error (--on-error fail)"
# compressions that JSONL outputs are not written in: a name that asks for one is refused, not written plain
UNWRITTEN_SUFFIXES = (".bz2", ".xz", ".lzma", ".lz4", ".br", ".zip", ".7z", ".tar", ".tgz")
COLORS = {"---": "1", "+++": "1", "@@": "36", "-": "31", "+": "32"}  # ANSI: bold, cyan, red, green

EXAMPLES = """\
examples:
  textclean normalize page.txt                       # the clean text to stdout
  cat page.txt | textclean normalize > clean.txt     # stdin to stdout
  textclean normalize corpus/ -o clean/              # a folder, mirrored into another
  textclean normalize corpus/ --in-place             # rewrite the files (atomically)
  textclean normalize notes/ --check                 # exit 1 if anything would change
  textclean normalize page.txt --diff --color always # what would change, as a patch
  textclean normalize data.jsonl.zst --jsonl -o clean.jsonl.gz --output-field clean
  textclean normalize page.txt --steps whitespace,links --set links.urls=keep
  textclean normalize page.txt --import house_style --steps house-style,whitespace
  textclean normalize corpus/ -o clean/ --explain edits.jsonl --stats stats.json
  textclean steps boilerplate                        # a step's summary and options

The config file (textclean.toml, or [tool.textclean] in pyproject.toml) is found upward from the inputs;
see docs/guide.md. Exit status: 0 done, 1 --check found changes, 2 bad input or usage, 3 a cleaner
failed, 128+N stopped by signal N (141: the reader of the output went away).
"""


@dataclass
class Report:
    """What the run did, for the progress bar, the summary line, the statistics and the exit status."""

    quiet: bool
    check: bool  # exit 1 if anything would change
    name_changed: bool = False  # say "would change: FILE" on stdout (--check without --diff)
    color: bool = False
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
            lines = [colored(line) for line in outcome.diff] if self.color else outcome.diff
            write_stdout("".join(lines), errors="backslashreplace")
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
        if self.name_changed and changed:
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

    def statistics(self) -> dict[str, Any]:
        """Return the run's statistics, as ``--stats`` writes them (the guide gives the schema)."""
        total = self.total
        seconds = time.perf_counter() - self.started
        steps: dict[str, dict[str, Any]] = {}
        for name, edits in total.edits.items():
            steps[name] = {"edits": edits, "words_removed": 0, "rules": {}}
        for (name, rule), edits in sorted(total.rules.items()):
            words = total.words_removed[name, rule]
            steps[name]["rules"][rule] = {"edits": edits, "words_removed": words}
            steps[name]["words_removed"] += words
        return {
            "inputs": self.files,
            "documents": total.documents,
            "changed": total.changed,
            "skipped": total.skipped,
            "errors": self.errors,
            "failures": self.failures,
            "bytes_in": total.bytes_in,
            "bytes_out": total.bytes_out,
            "seconds": round(seconds, 3),
            "mb_per_s": round(total.bytes_in / 1e6 / max(seconds, 1e-9), 3),
            "steps": steps,
            "exit_status": self.status,
        }


class _Version(argparse.Action):
    """``--version``: the version is read from the installed package's metadata only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: Any) -> None:
        import textclean

        python = ".".join(map(str, sys.version_info[:3]))
        print(f"{PROG} {textclean.__version__} (distribution textclean-kit, Python {python})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser of the ``textclean`` command."""
    formatter = argparse.RawDescriptionHelpFormatter
    parser = argparse.ArgumentParser(
        prog=PROG, description="Turn messy scraped text into clean text.", epilog=EXAMPLES, formatter_class=formatter
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    normalize = commands.add_parser(
        "normalize",
        help="clean files, folders, stdin or JSONL",
        description="Clean text files, folders (recursively), stdin, or the records of JSONL files.",
        epilog=EXAMPLES,
        formatter_class=formatter,
    )
    normalize.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="a file, a folder, or - for stdin (no PATH: stdin, unless it is a terminal)",
    )
    add_output_options(normalize.add_argument_group("where the clean text goes (one input: stdout by default)"))
    add_step_options(normalize.add_argument_group("steps and configuration"))
    add_input_options(normalize.add_argument_group("reading the input"))
    jsonl = normalize.add_argument_group("JSONL")
    jsonl.add_argument("--jsonl", action="store_true", help="inputs are JSONL: clean one field of each record")
    jsonl.add_argument("--field", help="the field to clean (default: text)")
    jsonl.add_argument(
        "--output-field", metavar="NAME", help="write the clean text to this field, keeping the original field"
    )
    run = normalize.add_argument_group("running")
    run.add_argument(
        "-j",
        "--workers",
        type=_worker_count,
        metavar="N",
        help="worker processes (default: every core, or 1 for under 1 MB of input)",
    )
    run.add_argument(
        "--on-error",
        choices=("skip", "fail"),
        default="skip",
        help="an input or record that cannot be cleaned: report it and go on (skip, the default), or stop (fail)",
    )
    talk = run.add_mutually_exclusive_group()
    talk.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    talk.add_argument("-v", "--verbose", action="store_true", help="also say which config, steps and workers are used")
    steps = commands.add_parser(
        "steps",
        help="list the steps, or describe one",
        description="List the steps in the order of the default pipeline, then the others, with their options' "
        "defaults and choices; or describe one step.",
    )
    steps.add_argument("name", nargs="?", metavar="NAME", help="the step to describe")
    steps.add_argument("--import", dest="imports", action="append", default=[], metavar="MODULE", help=IMPORT_HELP)
    return parser


IMPORT_HELP = "import a module that registers cleaners (from the working folder first); repeatable"


def add_output_options(group: argparse._ArgumentGroup) -> None:
    """Add ``-o``, ``--in-place``, ``--check``, ``--diff``, ``--color``, ``--explain`` and ``--stats``."""
    where = group.add_mutually_exclusive_group()
    where.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="a file for one input; a folder for a folder or several inputs (or a name ending in /); - for stdout",
    )
    where.add_argument("--in-place", action="store_true", help="rewrite the inputs (atomically)")
    group.add_argument("--check", action="store_true", help="write nothing; exit 1 if anything would change")
    group.add_argument("--diff", action="store_true", help="write nothing; print a unified diff (with --check: exit 1)")
    group.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        help="colour the diff (auto, the default: on a terminal, unless NO_COLOR is set)",
    )
    group.add_argument("--explain", metavar="FILE", help="write every edit as JSONL to FILE (- for stdout)")
    group.add_argument("--stats", metavar="FILE", help="write the run's statistics as JSON to FILE")


def add_step_options(group: argparse._ArgumentGroup) -> None:
    """Add ``--steps``, ``--set``, ``--import``, ``--config`` and ``--no-config``."""
    group.add_argument("--steps", help="comma-separated step names (default: the config's, or the default pipeline)")
    group.add_argument(
        "--set",
        dest="assignments",
        action="append",
        default=[],
        type=_assignment,
        metavar="STEP.OPTION=VALUE",
        help='set a step\'s option, e.g. boilerplate.strictness=lenient (a TOML value: 2, true, "a b", ["x"]; '
        "a bare word is a string); repeatable; wins over the config",
    )
    group.add_argument("--import", dest="imports", action="append", default=[], metavar="MODULE", help=IMPORT_HELP)
    config = group.add_mutually_exclusive_group()
    config.add_argument(
        "--config", type=Path, metavar="FILE", help="textclean.toml, or a pyproject.toml with [tool.textclean]"
    )
    config.add_argument("--no-config", action="store_true", help="read no config file, even one found")


def add_input_options(group: argparse._ArgumentGroup) -> None:
    """Add ``--glob``, ``--follow-links``, ``--encoding``, ``--errors`` and ``--max-document-size``."""
    group.add_argument(
        "--glob",
        metavar="PATTERN",
        help="file pattern inside folders (default: *.txt; with --jsonl *.jsonl, *.jsonl.gz, *.jsonl.zst)",
    )
    group.add_argument(
        "--follow-links",
        action="store_true",
        help="follow symbolic links inside folders (default: pass over them, with a warning)",
    )
    group.add_argument(
        "--encoding", help="of text files: utf-8 (the default), auto (detect), or a codec name; JSONL is UTF-8"
    )
    group.add_argument(
        "--errors",
        choices=("strict", "replace"),
        default="strict",
        help="undecodable bytes: strict (the default: an error, the file left untouched) or replace (with U+FFFD)",
    )
    group.add_argument(
        "--max-document-size",
        type=_megabytes,
        default=batch.MAX_DOCUMENT_SIZE,
        metavar="MB",
        help=f"skip larger documents, with a warning (default: {batch.MAX_DOCUMENT_SIZE >> 20})",
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    args = build_parser().parse_args(argv)
    for signum in batch.STOP_SIGNALS:
        signal.signal(signum, _interrupt)
    try:
        if args.command == "steps":
            import_modules(args.imports)
            return list_steps(args.name, sys.stdout)
        return normalize(args)
    except BrokenPipeError:
        return closed_pipe()
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


def closed_pipe() -> int:
    """End quietly, as a program killed by SIGPIPE does, when the reader of stdout has gone away.

    Nothing more can reach the reader; stdout is pointed at the null device so that the interpreter's
    last flush does not fail again on its way out.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return CLOSED_PIPE


def import_modules(modules: list[str]) -> None:
    """Import the modules of ``--import``, from the working folder first."""
    try:
        registry.import_modules(modules, os.getcwd())
    except RegistrationError as error:
        raise UsageError(f"--import {error}") from None


def _interrupt(signum: int, _frame: object) -> None:
    raise Interrupted(signum)


def step_order() -> list[str]:
    """Return every step name: the default pipeline's in its order, then the others by name."""
    default = list(dict.fromkeys(registry.DEFAULT_STEPS))
    return default + [name for name in registry.names() if name not in default]


def list_steps(name: str | None, out: TextIO) -> int:
    """Print every step (or the one named) with its summary and its options' defaults and choices."""
    if name is not None:
        spec = registry.get(name)
        print(f"{spec.name}: {spec.summary}", file=out)
        places = [str(i) for i, step in enumerate(registry.DEFAULT_STEPS, start=1) if step == name]
        where = f"step {' and '.join(places)} of {len(registry.DEFAULT_STEPS)}" if places else "not"
        print(f"in the default pipeline: {where}", file=out)
        options = spec.describe()
        print("options:" if options else "options: none", file=out)
        for option in options:
            print(f"  {option}", file=out)
        print(f"set one with: {PROG} normalize --set {name}.OPTION=VALUE, or [options.{name}] in the config", file=out)
        return 0
    defaults = set(registry.DEFAULT_STEPS)
    for step in step_order():
        try:
            spec = registry.get(step)
        except TextcleanError as error:
            print(f"  {step:12s} (cannot load: {error})", file=out)
            continue
        mark = "*" if step in defaults else " "
        print(f"{mark} {step:12s} {spec.summary}", file=out)
        for option in spec.describe():
            print(f"  {'':12s}   {option}", file=out)
    print(f"(* = in the default pipeline: {', '.join(registry.DEFAULT_STEPS)})", file=out)
    return 0


def normalize(args: argparse.Namespace) -> int:
    """Run ``textclean normalize``; return the exit status."""
    paths = args.paths or stdin_input()
    check_options(args, paths)
    if args.encoding not in (None, "auto"):
        check_encoding(args.encoding)
    import_modules(args.imports)
    config_path, config_note = choose_config(args, paths)
    pipeline = make_pipeline(args, load_config(config_path) if config_path else Config())
    output = None if args.output == "-" else args.output  # "-": stdout, never a file of that name
    nowhere = args.check or args.diff
    if args.explain == "-" and (nowhere or not (args.in_place or output)):
        raise UsageError("--explain - needs stdout to itself: give -o or --in-place, without --check or --diff")
    plan = batch.plan_jobs(
        paths,
        output=output,
        in_place=args.in_place,
        write=not nowhere,
        patterns=[args.glob] if args.glob else list(JSONL_PATTERNS if args.jsonl else ("*.txt",)),
        follow_links=args.follow_links,
        explain=args.explain,
        stats=args.stats,
    )
    settings = Settings(
        field=args.field or "text",
        encoding=args.encoding or "utf-8",
        errors=args.errors,
        on_error=args.on_error,
        explain=args.explain is not None,
        diff=args.diff,
        skip_unchanged=args.in_place,
        max_document_size=args.max_document_size,
        output_field=args.output_field,
        stats=args.stats is not None,
    )
    jobs = plan.jobs
    report = Report(args.quiet, args.check, args.check and not args.diff, use_color(args.color))
    workers = args.workers or default_workers(jobs, jsonl=args.jsonl)
    if args.verbose:
        for note in (config_note, f"steps: {', '.join(pipeline.names)}; rounds: at most {pipeline.max_rounds}"):
            say("note", note, None)
        say("note", f"workers: {workers}", None)
    report.add(Outcome("plan", notes=plan.notes, warnings=plan.warnings, errors=plan.errors))
    report.stop_on(Outcome("plan", errors=plan.errors), settings)
    closed = False
    with ExitStack() as stack:
        # runs last, when every worker has ended: a temporary file still there is one a dead worker left
        stack.callback(plan.remove_leftovers)
        if args.explain == "-":
            report.explain = sys.stdout.buffer
        elif args.explain is not None:
            report.explain = stack.enter_context(atomic_open(Path(args.explain)))
        report.progress = stack.enter_context(progress_bar(jobs, args.quiet))
        pool = stack.enter_context(batch.worker_pool(pipeline, workers, args.imports))
        try:
            if args.jsonl:
                for job in jobs:
                    run_jsonl_job(job, settings, pool, workers, report)
            else:
                run_text_jobs(jobs, settings, pool, workers, report)
        except BrokenPipeError:
            closed = True
            raise
        finally:
            if not args.quiet and not closed:
                print_summary(report)
    if args.stats is not None:
        with atomic_open(Path(args.stats)) as handle:
            handle.write(json_line(report.statistics()))
    return report.status


def stdin_input() -> list[str]:
    """With no PATH, read stdin, unless it is a terminal (where nobody is typing a document)."""
    if sys.stdin is None or sys.stdin.isatty():
        raise UsageError("no input: give a PATH (a file or folder), or pipe text into stdin")
    return ["-"]


def check_options(args: argparse.Namespace, paths: list[str]) -> None:
    """Refuse options that would do nothing here, rather than ignore them in silence."""
    writes = "-o" if args.output is not None else "--in-place" if args.in_place else None
    for option, given in (("--check", args.check), ("--diff", args.diff)):
        if given and writes:
            raise UsageError(f"{option} writes nothing, so {writes} would do nothing: leave out one of them")
    if not args.jsonl:
        for option, value in (("--field", args.field), ("--output-field", args.output_field)):
            if value is not None:
                raise UsageError(f"{option} names a field of JSONL records: add --jsonl")
    elif args.encoding not in (None, "utf-8", "utf8"):
        raise UsageError("--encoding is for text files: JSONL is UTF-8 by definition")
    if args.output_field is not None:
        if args.output_field == (args.field or "text"):
            raise UsageError("--output-field names the field that is cleaned: leave it out to replace that field")
        if args.check or args.diff:
            raise UsageError("--output-field says where the clean text is written, and --check or --diff write none")
    if args.color is not None and not args.diff:
        raise UsageError("--color colours the --diff output: add --diff, or leave out --color")
    if args.stats == "-":
        raise UsageError("--stats needs a file name (its JSON is written atomically)")
    if args.glob is not None:
        batch.check_patterns([args.glob])
    for option, given in (("--glob", args.glob is not None), ("--follow-links", args.follow_links)):
        if given and not any(os.path.isdir(path) for path in paths if path != "-"):
            raise UsageError(f"{option} applies inside folders, and no input is a folder")
    check_output_name(args)


def check_output_name(args: argparse.Namespace) -> None:
    """Refuse an output file whose name asks for a compression that is not written."""
    if args.output is None or args.output == "-":
        return
    name = args.output.lower()
    if args.jsonl and name.endswith(UNWRITTEN_SUFFIXES):
        raise UsageError(f"-o {args.output}: JSONL is written plain, or compressed as .gz or .zst only")
    if not args.jsonl and name.endswith((*UNWRITTEN_SUFFIXES, *batch.COMPRESSED_SUFFIXES)):
        raise UsageError(f"-o {args.output}: text files are written uncompressed; name the file without the suffix")


def choose_config(args: argparse.Namespace, paths: list[str]) -> tuple[Path | None, str]:
    """Return the config file to read (``None``: none) and a note that says why it is that one."""
    if args.no_config:
        return None, "config: none (--no-config)"
    if args.config is not None:
        return args.config, f"config: {args.config} (--config)"
    found = find_config(paths)
    if found is None:
        return None, "config: none found (searched upward from the inputs to the repository or file-system root)"
    return found, f"config: {found} (found upward from the inputs)"


def make_pipeline(args: argparse.Namespace, config: Config) -> Pipeline:
    """Build the pipeline: the config's, then ``--steps`` (which wins), then each ``--set``."""
    steps = config.steps
    options = {name: dict(values) for name, values in config.options.items()}
    if args.steps is not None:
        steps = [name.strip() for name in args.steps.split(",") if name.strip()]
        if not steps:
            raise UsageError("--steps names no step")
        options = {name: value for name, value in options.items() if name in steps}
    names = registry.DEFAULT_STEPS if steps is None else steps
    for raw, step, option, value in args.assignments:
        if step not in names:
            raise UsageError(f"--set {raw}: {step!r} is not a step of this run; its steps: {', '.join(names)}")
        options.setdefault(step, {})[option] = value
        try:
            registry.get(step).make_options(**options[step])
        except TextcleanError as error:
            raise UsageError(f"--set {raw}: {error}") from None
    return Pipeline(steps, options, config.max_rounds)


def available_cores() -> int:
    """Return the number of cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def default_workers(jobs: list[Job], *, jsonl: bool) -> int:
    """Without ``--workers``: every core, but one process for small inputs, where starting workers costs more."""
    workers = available_cores()
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
    # under --on-error fail one file is handed out at a time: no file after the first error is written
    window = 1 if settings.on_error == "fail" else 2 * workers
    results = pool.map_in_order(batch.clean_file, tasks, window, batch.lost_file)
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
    except BrokenPipeError:  # the reader of stdout went away: the run ends (see closed_pipe)
        raise
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


def use_color(choice: str | None) -> bool:
    """Decide whether to colour the diff: ``always``, ``never``, or (``auto``) on a terminal without NO_COLOR."""
    if choice in ("always", "never"):
        return choice == "always"
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def colored(line: str) -> str:
    r"""Colour one line of a unified diff with ANSI codes; a ``\ No newline`` marker stays plain.

    >>> colored("+new\n")
    '\x1b[32m+new\x1b[0m\n'
    """
    code = next((code for prefix, code in COLORS.items() if line.startswith(prefix)), None)
    if code is None:
        return line
    body = line.rstrip("\n")
    return f"\x1b[{code}m{body}\x1b[0m{line[len(body) :]}"


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


def _assignment(value: str) -> tuple[str, str, str, Any]:
    """Parse ``--set STEP.OPTION=VALUE``; the value is TOML, and a bare word is a string.

    >>> _assignment("boilerplate.strictness=lenient")
    ('boilerplate.strictness=lenient', 'boilerplate', 'strictness', 'lenient')
    >>> _assignment('whitespace.max_blank_lines=2')[3], _assignment('links.urls="keep"')[3]
    (2, 'keep')
    """
    key, equals, raw = value.partition("=")
    step, dot, option = key.strip().partition(".")
    if not (equals and dot and step and option):
        raise argparse.ArgumentTypeError(f"give STEP.OPTION=VALUE, like boilerplate.strictness=lenient, not {value!r}")
    try:
        parsed = tomllib.loads(f"value = {raw}")["value"]
    except tomllib.TOMLDecodeError:
        parsed = raw.strip()
    return value, step, option.strip(), parsed


def _worker_count(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"give a number of processes, 1 or more, not {value!r}")
    return number


def _megabytes(value: str) -> int:
    try:
        size = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"a size in MB, like 256 or 0.5, not {value!r}") from None
    if not size > 0:
        raise argparse.ArgumentTypeError(f"must be more than 0, not {value}")
    return int(size * (1 << 20))
