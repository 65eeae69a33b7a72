"""Measure what a second thread gives: wall time of cleaning documents on one thread, then on two.

    python -m benchmarks.threads                          # a generated corpus of 4 MB, the default pipeline
    python -m benchmarks.threads pages.jsonl --steps whitespace

Thread-based runners (datatrove's and datasets' executors with threads) gain from a second thread only
where the work runs without the GIL: in the native core, which releases it while its rules run.
Python code (the cleaners not yet native, the pipeline's glue) holds it, so their share of the time
bounds the gain. Reported: the wall time of each run (the median of ``--repeats``) and the ratio of the
one-thread time to the two-thread time (2.0 would be perfect).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import textclean
from benchmarks import peak_memory


def wall_time(pipeline: textclean.Pipeline, texts: list[str], threads: int) -> float:
    """Return the seconds ``threads`` threads take to clean ``texts``, each document once."""
    start = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        for _ in pool.map(pipeline, texts, chunksize=1):
            pass
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files (default: a generated corpus)")
    parser.add_argument("--size-mb", type=float, default=4.0, help="size of the generated corpus (default: 4)")
    parser.add_argument("--steps", help="comma-separated steps (default: the default pipeline)")
    parser.add_argument("--repeats", type=int, default=3, help="runs of each; the median is kept (default: 3)")
    args = parser.parse_args(argv)
    stream = peak_memory.texts(args.files) if args.files else peak_memory.generated(int(args.size_mb * 1e6))
    texts = list(stream)
    pipeline = textclean.Pipeline(args.steps.split(",") if args.steps else None)
    for text in texts:
        pipeline(text)  # word lists read, patterns compiled, and what is kept of each block alike for both runs
    size = sum(len(text.encode("utf-8")) for text in texts) / 1e6
    # each run cleans the documents with a different last line, so that no cache answers a whole document
    one, two = [], []
    for repeat in range(args.repeats):
        one.append(wall_time(pipeline, [f"{text}\n{repeat}" for text in texts], 1))
        two.append(wall_time(pipeline, [f"{text}\n{repeat}." for text in texts], 2))
    single, double = statistics.median(one), statistics.median(two)
    print(f"{len(texts)} documents, {size:.1f} MB, steps: {args.steps or 'default'}")
    print(f"1 thread: {single:.2f} s; 2 threads: {double:.2f} s; 2 threads vs 1: {single / double:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
