"""Measure cold start: `textclean normalize` on a small file, against a one-line use of ftfy, in one run.

    python -m benchmarks.cold_start                # 7 runs of each command, medians
    python -m benchmarks.cold_start --repeats 15

A pre-commit hook or a shell loop starts the program once per small file, so what it costs to start
matters there more than throughput. Three commands run in turn, ``--repeats`` times, each in a fresh
process of this interpreter:

- ``python -c "import ftfy; ftfy.fix_text('x')"``: the yardstick;
- ``python -c "import textclean"``: what the imports cost;
- ``python -m textclean normalize FILE`` (the ``textclean`` command): FILE is a wrapped paragraph of
  about 200 bytes with one line-end hyphen that only word frequencies settle ("inter-" + "national"),
  so the word lists of its language are read;
- ``python -m textclean normalize FILE --steps whitespace``: the command itself, without what the
  default pipeline's cleaners cost to import (their patterns are compiled when their module is).

Reported: the median wall time of each, and its ratio to ftfy's.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

# Wrapped at 60 columns; "international" is written nowhere else, so the document cannot settle the hyphen.
SMALL_FILE = (
    "The committee met on Tuesday to discuss the budget for the\n"
    "coming year, and after a long debate it agreed to raise the\n"
    "spending on schools. Its members said that the inter-\n"
    "national plan would help the town.\n"
)


def commands(path: Path) -> dict[str, list[str]]:
    python = sys.executable
    return {
        "ftfy.fix_text('x')": [python, "-c", "import ftfy; ftfy.fix_text('x')"],
        "import textclean": [python, "-c", "import textclean"],
        "textclean normalize FILE": [python, "-m", "textclean", "normalize", str(path), "--quiet"],
        "textclean normalize FILE --steps whitespace": [
            python, "-m", "textclean", "normalize", str(path), "--quiet", "--steps", "whitespace",
        ],
    }  # fmt: skip


def wall_time(command: list[str]) -> tuple[float, str]:
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command)} exited {done.returncode}:\n{done.stderr}")
    return seconds, done.stdout


def measure(repeats: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    with tempfile.TemporaryDirectory(prefix="textclean-cold-") as folder:
        path = Path(folder) / "small.txt"
        path.write_text(SMALL_FILE, encoding="utf-8")
        for _ in range(repeats):  # the commands take turns, so that the machine's load falls on each alike
            for name, command in commands(path).items():
                seconds, output = wall_time(command)
                if name == "textclean normalize FILE" and "the international plan" not in output:
                    raise SystemExit(f"the hyphen was not mended; the command printed:\n{output}")
                times.setdefault(name, []).append(seconds)
    return times


def table(times: dict[str, list[float]]) -> str:
    yardstick = statistics.median(times["ftfy.fix_text('x')"])
    lines = ["| command | median wall time | ratio to ftfy |", "|---|---:|---:|"]
    for name, runs in times.items():
        median = statistics.median(runs)
        lines.append(f"| `{name}` | {median:.3f} s | {median / yardstick:.1f}x |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7, help="runs of each command (default: 7)")
    args = parser.parse_args(argv)
    if args.repeats < 1:
        parser.error("--repeats must be at least 1")
    print(table(measure(args.repeats)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
