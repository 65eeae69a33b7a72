"""Measure textclean's speed and quality beside ftfy, clean-text and textacy, and write a markdown table.

    python -m benchmarks.run                                  # speed only: runs on a fresh clone
    python -m benchmarks.run --data DIR --out benchmarks/results.md

Speed: every built-in cleaner, the default pipeline, ``ftfy.fix_text``, clean-text and
textacy.preprocessing (the last two where installed) clean the same corpus generated from ``seeds/``
(``benchmarks/corpus.py``), in one run; MB/s is the median over ``--repeats`` runs, and each figure is
also given as a ratio to ``ftfy.fix_text``.

Quality: each ``*.jsonl`` file of ``--data`` is a set; the format of its rows, which textclean steps
run on which kind of row and the metrics are in ``benchmarks/README.md``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

import textclean
from benchmarks import corpus, metrics
from textclean import registry

Clean = Callable[[str], str]


@dataclass(frozen=True)
class Tool:
    name: str
    clean: Clean


def other_tools() -> list[Tool]:
    """ftfy, and clean-text and textacy where installed, each set to do the job textclean does.

    That is: repair the text without changing its case, its letters or its content (URLs and numbers stay).
    """
    import ftfy

    tools = [Tool("ftfy.fix_text", ftfy.fix_text)]
    try:
        import cleantext
    except ImportError:
        print("clean-text is not installed: its column is left out (pip install clean-text)", file=sys.stderr)
    else:
        settings = {"to_ascii": False, "lower": False, "keep_two_line_breaks": True}
        tools.append(Tool("clean-text", partial(cleantext.clean, **settings)))
    try:
        from textacy import preprocessing
    except ImportError:
        print("textacy is not installed: its column is left out (pip install textacy)", file=sys.stderr)
    else:
        steps = [
            preprocessing.normalize.unicode,
            preprocessing.remove.html_tags,
            preprocessing.normalize.hyphenated_words,
            preprocessing.normalize.whitespace,
        ]
        tools.append(Tool("textacy.preprocessing", preprocessing.make_pipeline(*steps)))
    return tools


def textclean_tools() -> list[Tool]:
    """The default pipeline, then every built-in cleaner on its own."""
    tools = [Tool("textclean default pipeline", textclean.Pipeline())]
    tools += [Tool(f"textclean `{name}`", textclean.Pipeline([name])) for name in registry.builtin_names()]
    return tools


# --- speed ----------------------------------------------------------------------------------------


def megabytes_per_second(clean: Clean, texts: Sequence[str], repeats: int) -> float:
    """Median MB/s over repeats; each repeat gets texts with a different last line, so nothing can be cached."""
    size = sum(len(text.encode("utf-8")) for text in texts)
    seconds = []
    for repeat in range(repeats):
        batch = [f"{text}\n\nrun {repeat}" for text in texts]
        start = time.perf_counter()
        for text in batch:
            clean(text)
        seconds.append(time.perf_counter() - start)
    return size / statistics.median(seconds) / 1e6


def speed_texts(paths: Sequence[Path]) -> list[str]:
    """The ``text`` (or ``input``) field of every row of these JSONL files."""
    texts = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                text = row.get("text", row.get("input"))
                if isinstance(text, str):
                    texts.append(text)
    if not texts:
        raise SystemExit(f"no text or input fields in {', '.join(map(str, paths))}")
    return texts


def speed_section(texts: Sequence[str], source: str, repeats: int, tools: Sequence[Tool]) -> list[str]:
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    rates = {}
    for tool in tools:
        print(f"speed: {tool.name}", file=sys.stderr)
        rates[tool.name] = megabytes_per_second(tool.clean, texts, repeats)
    reference = rates["ftfy.fix_text"]
    lines = [
        "## Speed",
        "",
        f"{size:.1f} MB in {len(texts)} documents {source}, cleaned one after the other in one process; "
        f"median of {repeats} runs; Python {platform.python_version()}, {os.cpu_count()} cores.",
        "",
        "| cleaner | MB/s | ratio to ftfy.fix_text |",
        "|---|---:|---:|",
    ]
    lines += [f"| {name} | {rate:.2f} | {rate / reference:.2f} |" for name, rate in rates.items()]
    return lines


# --- quality --------------------------------------------------------------------------------------


@dataclass
class Row:
    id: str
    input: str
    expected: str
    kind: str
    steps: list[str] | None
    meta: dict[str, Any] = field(default_factory=dict)


def read_set(path: Path) -> tuple[list[Row], int]:
    """The rows of a set that have a reference text, and the number of rows without one."""
    rows, skipped = [], 0
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise SystemExit(f"{path}:{number}: not a JSON object: {error}") from None
        steps = record.get("steps")
        if steps is not None and not (isinstance(steps, list) and all(isinstance(step, str) for step in steps)):
            raise SystemExit(f"{path}:{number}: steps must be a list of step names, not {steps!r}")
        text = record.get("input", record.get("text"))
        expected = record.get("expected", record.get("gold"))
        if not isinstance(text, str) or not isinstance(expected, str):
            skipped += 1
            continue
        rows.append(
            Row(
                str(record.get("id", f"{path.stem}:{number}")),
                text,
                expected,
                str(record.get("kind") or "page"),
                steps,
                record.get("meta") if isinstance(record.get("meta"), dict) else {},
            )
        )
    return rows, skipped


def steps_for(kind: str) -> list[str] | None:
    """The textclean steps a kind of row is cleaned with: its own cleaner, or the default pipeline."""
    family = kind.split("_", 1)[0]
    return {"wrap": ["linewrap"], "links": ["links"], "mojibake": ["mojibake"], "ftfy": ["mojibake"]}.get(family)


def metric_rates(kind: str, rows: Sequence[Row], outputs: Sequence[str]) -> dict[str, float]:
    """The metrics of one kind of row: shingle P/R/F1 for pages, exact-match rates for the synthetic sets."""
    pairs = list(zip(rows, outputs, strict=True))
    if kind == "page":
        score = metrics.shingle_score({r.id: r.expected for r in rows}, {r.id: o for r, o in pairs})
        return {"F1": score.f1, "F1 ±": score.f1_std, "precision": score.precision, "recall": score.recall}
    if kind == "wrap":
        counts: Counter[str] = Counter()
        for row, output in pairs:
            counts.update(metrics.wrap_counts(row.input, row.expected, output, row.meta.get("line_kinds", [])))
        return {name: counts[num] / counts[den] for name, (num, den) in metrics.WRAP_RATES.items() if counts[den]}
    rates = {"exact": _share(o == r.expected for r, o in pairs)}
    if kind.startswith("links"):
        rates["exact_ws"] = _share(metrics.norm_ws(o) == metrics.norm_ws(r.expected) for r, o in pairs)
        rates["residual"] = _share(metrics.has_residual_markup(o, r.expected) for r, o in pairs)
        shingle = metrics.shingle_score({r.id: r.expected for r in rows}, {r.id: o for r, o in pairs}, 0)
        rates |= {"shingle F1": shingle.f1, "shingle precision": shingle.precision, "shingle recall": shingle.recall}
    if any("expected_fix_text" in r.meta for r in rows):  # ftfy's cases: what ftfy.fix_text itself aims at
        targets = [(r.meta["expected_fix_text"], o) for r, o in pairs if "expected_fix_text" in r.meta]
        rates["exact vs fix_text target"] = _share(o == target for target, o in targets)
    for key in ("encoding", "depth", "scope", "lossy"):  # the mojibake set, broken down by how it was made
        for value in sorted({str(r.meta[key]) for r in rows if key in r.meta}):
            chosen = [(r, o) for r, o in pairs if key in r.meta and str(r.meta[key]) == value]
            rates[f"exact [{key}={value}]"] = _share(o == r.expected for r, o in chosen)
    return rates


def _share(flags: Any) -> float:
    values = [bool(flag) for flag in flags]
    return sum(values) / len(values) if values else math.nan


class Runner:
    """Runs a cleaner over rows; a row it raises on keeps its input, and the failure is counted."""

    def __init__(self) -> None:
        self.failures: list[str] = []

    def outputs(self, name: str, clean: Clean, rows: Sequence[Row]) -> list[str]:
        results = []
        for row in rows:
            try:
                results.append(clean(row.input))
            except Exception as error:  # a benchmark reports a crash and goes on
                self.failures.append(f"{name} on {row.id}: {type(error).__name__}: {error}")
                results.append(row.input)
        return results


def textclean_for(steps: list[str] | None) -> Clean | None:
    """A pipeline of those steps, or None when one of them is not registered (yet)."""
    known = set(registry.names())
    if steps is not None and not known.issuperset(steps):
        return None
    return textclean.Pipeline(steps)


def quality_section(data: Path, tools: Sequence[Tool], runner: Runner) -> list[str]:
    names = ["raw input", "textclean", *(tool.name for tool in tools)]
    lines = [
        "## Quality",
        "",
        f"Sets of `{data.name}/`. The textclean column runs the step named in its row; every other tool runs as "
        "it is on every set. Page sets: token 4-gram shingle F1 (± its bootstrap standard deviation), precision "
        "and recall against the gold text. Synthetic sets: the share of rows cleaned exactly (see "
        "`benchmarks/README.md`).",
        "",
        "| set | rows | textclean runs | metric | " + " | ".join(names) + " |",
        "|---|---:|---|---|" + "---:|" * len(names),
    ]
    for path in sorted(data.glob("*.jsonl")):
        rows, skipped = read_set(path)
        if skipped:
            print(f"{path.name}: {skipped} rows left out: they lack an input or an expected text", file=sys.stderr)
        groups: dict[tuple[str, tuple[str, ...] | None], list[Row]] = {}
        for row in rows:
            row_steps = row.steps if row.steps is not None else steps_for(row.kind)
            groups.setdefault((row.kind, None if row_steps is None else tuple(row_steps)), []).append(row)
        for (kind, steps), group in groups.items():
            print(f"quality: {path.stem} {kind}", file=sys.stderr)
            ours = textclean_for(None if steps is None else list(steps))
            raw = metric_rates(kind, group, [r.input for r in group])
            columns: list[dict[str, float] | None] = [raw]
            columns.append(
                None if ours is None else metric_rates(kind, group, runner.outputs("textclean", ours, group))
            )
            columns += [metric_rates(kind, group, runner.outputs(t.name, t.clean, group)) for t in tools]
            label = f"{path.stem}" if kind == "page" else f"{path.stem} ({kind})"
            runs = "default pipeline" if steps is None else ", ".join(f"`{s}`" for s in steps)
            if ours is None:
                runs += " (not registered)"
            for metric in raw:
                if metric.endswith(" ±"):
                    continue
                cells = ["n/a" if column is None else _cell(column, metric) for column in columns]
                lines.append(f"| {label} | {len(group)} | {runs} | {metric} | " + " | ".join(cells) + " |")
    return lines


def _cell(column: dict[str, float], metric: str) -> str:
    """A metric's value, with its standard deviation where the column has one."""
    value = column.get(metric, math.nan)
    if math.isnan(value):
        return "n/a"
    spread = column.get(f"{metric} ±")
    return f"{value:.3f}" if spread is None else f"{value:.3f} ± {spread:.3f}"


# --------------------------------------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--data", type=Path, help="a folder of JSONL evaluation sets (no default: without it, speed only)"
    )
    parser.add_argument("--size-mb", type=float, default=2.0, help="size of the generated speed corpus (default: 2)")
    parser.add_argument(
        "--repeats", type=int, default=3, help="speed runs per cleaner; the median is kept (default: 3)"
    )
    parser.add_argument("--seed", type=int, default=0, help="seed of the generated corpus (default: 0)")
    parser.add_argument(
        "--speed-corpus",
        type=Path,
        nargs="+",
        metavar="FILE",
        help="time on the text (or input) fields of these JSONL files instead of a generated corpus",
    )
    parser.add_argument("--no-speed", action="store_true", help="measure quality only")
    parser.add_argument("--out", type=Path, help="also write the markdown to this file")
    args = parser.parse_args(argv)
    if args.data is not None and not args.data.is_dir():
        parser.error(f"--data {args.data}: not a folder")
    if args.no_speed and args.data is None:
        parser.error("--no-speed needs --data: there is nothing else to measure")
    if args.size_mb <= 0 or args.repeats < 1:
        parser.error("--size-mb must be above 0 and --repeats at least 1")

    tools = other_tools()
    runner = Runner()
    sections = ["# textclean benchmarks", ""]
    if not args.no_speed:
        if args.speed_corpus:
            texts = speed_texts(args.speed_corpus)
            source = "of " + ", ".join(f"`{path.name}`" for path in args.speed_corpus)
        else:
            texts = corpus.build(int(args.size_mb * 1e6), args.seed)
            source = (
                f"generated from `seeds/` (seed {args.seed}; they draw on the same few seed paragraphs, so what the "
                "lexicon's matchers learn on the first documents serves the rest, and `boilerplate` and `footer` run "
                "faster here than on pages that share no paragraphs; a tenth of their paragraphs are mojibake, far "
                "more than real pages carry, so `mojibake` has more to repair; they hold little formatting markup, so "
                "`markup` has less: `--speed-corpus` times real pages)"
            )
        sections += [*speed_section(texts, source, args.repeats, [*tools, *textclean_tools()]), ""]
    if args.data is not None:
        sections += [*quality_section(args.data, tools, runner), ""]
    if runner.failures:
        sections += [f"{len(runner.failures)} rows raised an error (their input was scored), e.g.:", ""]
        sections += [f"- {failure}" for failure in runner.failures[:5]] + [""]
    markdown = "\n".join(sections)
    print(markdown)
    if args.out is not None:
        args.out.write_text(markdown, encoding="utf-8")
    return 1 if any(failure.startswith("textclean") for failure in runner.failures) else 0


if __name__ == "__main__":
    sys.exit(main())
