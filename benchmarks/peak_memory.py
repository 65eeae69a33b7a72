"""Measure the peak memory of one process that cleans many documents with the default pipeline.

    python -m benchmarks.peak_memory pages.jsonl more.jsonl   # the text (or input) field of each record
    python -m benchmarks.peak_memory                          # a generated corpus of 20 MB (English only)

What a worker holds beyond one document is mostly the word lists of the languages its documents are
written in (see docs/languages.md), so real pages in several languages tell more than the generated
corpus. Each record is read, cleaned and dropped in turn, in one process; reported: documents, MB of
input, seconds, and the peak resident memory of the process (``getrusage``), which includes the
interpreter and the imports (about 30 MB of it before any document).
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import textclean
from benchmarks import corpus


def texts(paths: list[Path]) -> Iterator[str]:
    for path in paths:
        with path.open(encoding="utf-8") as file:
            for line in file:
                if line.strip():
                    record = json.loads(line)
                    yield record.get("text", record.get("input", ""))


def generated(size_bytes: int) -> Iterator[str]:
    total = 0
    for text in corpus.documents():
        if total >= size_bytes:
            return
        total += len(text.encode("utf-8"))
        yield text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("files", nargs="*", type=Path, help="JSONL files (default: a generated corpus)")
    parser.add_argument("--size-mb", type=float, default=20.0, help="size of the generated corpus (default: 20)")
    args = parser.parse_args(argv)
    stream = texts(args.files) if args.files else generated(int(args.size_mb * 1e6))
    pipeline = textclean.Pipeline()
    documents = 0
    size = 0
    start = time.perf_counter()
    for text in stream:
        pipeline(text)
        documents += 1
        size += len(text.encode("utf-8"))
    seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux
    print(f"{documents} documents, {size / 1e6:.1f} MB in {seconds:.1f} s; peak resident memory {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
