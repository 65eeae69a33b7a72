"""Measure what each language's word lists cost: time to read them and memory to hold them.

    python -m benchmarks.languages              # every language wordfreq has a list of
    python -m benchmarks.languages en de zh     # some

For each language, in one process, with no list read before it (see ``textclean.text.languages``):

- function words: its hundred most common words (what ``stopwords`` gives, and what tells apart the
  languages of one script), read from the head of its short list;
- common words: the Zipf frequency of each word above Zipf 3, read when a hyphen is in doubt;
- rare words: the rest of its long list (down to Zipf 1), read when the common words leave a hyphen
  open; languages with a short list only have none.

Time is wall time of the read (the median of ``--repeats``); memory is what the Python allocator
holds for the result afterwards (``tracemalloc``, measured in a separate read) plus the bytes of its
native tables.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable

from textclean.text import languages


def fresh() -> None:
    languages._function_words.cache_clear()
    languages.word_frequencies.cache_clear()


def read_function_words(language: str) -> object:
    return languages._function_words(language)


def read_common_words(language: str) -> object:
    return languages.word_frequencies(language)


def read_rare_words(language: str) -> object:
    frequencies = languages.word_frequencies(language)
    frequencies.zipf("\x00")  # a word no list has: its rare words are read
    return frequencies


PARTS: dict[str, Callable[[str], object]] = {
    "function words": read_function_words,
    "common words": read_common_words,
    "common and rare words": read_rare_words,
}


def seconds(read: Callable[[str], object], language: str, repeats: int) -> float:
    runs = []
    for _ in range(repeats):
        fresh()
        start = time.perf_counter()
        read(language)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def megabytes(read: Callable[[str], object], language: str) -> float:
    fresh()
    tracemalloc.start()
    kept = read(language)
    held, _ = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    held += getattr(kept, "nbytes", 0)  # the native tables, which tracemalloc does not see
    del kept
    return held / 1e6


def table(codes: list[str], repeats: int) -> str:
    header = " | ".join(f"{part} (ms, MB)" for part in PARTS)
    lines = [f"| language | {header} |", "|---|" + "---:|" * len(PARTS)]
    for language in codes:
        cells = [
            f"{seconds(read, language, repeats) * 1000:.0f}, {megabytes(read, language):.2f}" for read in PARTS.values()
        ]
        lines.append(f"| {language} | {' | '.join(cells)} |")
    fresh()
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("languages", nargs="*", help="wordfreq codes (default: every language it has)")
    parser.add_argument("--repeats", type=int, default=3, help="reads of each list; the median is kept (default: 3)")
    args = parser.parse_args(argv)
    if not languages.listed_languages():
        parser.error("wordfreq is not installed: there are no lists to measure")
    codes = args.languages or sorted(languages.listed_languages())
    print(table(codes, max(args.repeats, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
