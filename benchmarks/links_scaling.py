"""Time the links cleaner on pathological input at 1x, 10x and 100x the size: the time must grow linearly.

Run from the project's root: ``python -m benchmarks.links_scaling``. Each line shows the
seconds at each size and the ratio of the 100x time to the 1x time (about 100 when linear, 10 000 when
quadratic).
"""

from __future__ import annotations

import time

from textclean.cleaners.links import strip_link_markup

UNITS = {
    "[": "[",
    "](": "](",
    "![": "![",
    "[a](": "[a](",
    "[x][": "[x][",
    '[a](b "': '[a](b "',
    "<a ": "<a ",
    "<a href=x>[": "<a href=x>[",
    "\\*": "\\*",
    "`": "`",
    "[\\n\\n": "[\n\n",
    "![a](b) ": "![a](b) ",
    "[a](http://x.org/a) ": "[a](http://x.org/a) ",
}
BASE = 2_000  # repeats at 1x


def seconds(text: str) -> float:
    start = time.perf_counter()
    strip_link_markup(text)
    return time.perf_counter() - start


def main() -> None:
    print(f"{'unit':24} {'1x':>8} {'10x':>8} {'100x':>8}  100x/1x")
    for label, unit in UNITS.items():
        times = [seconds(unit * (BASE * factor)) for factor in (1, 10, 100)]
        print(f"{label:24} " + " ".join(f"{t:8.3f}" for t in times) + f"  {times[2] / max(times[0], 1e-9):7.0f}")
    line = "x" * 50_000
    times = [seconds("[a](http://x.org/" + line * factor) for factor in (1, 10, 100)]
    print(f"{'one line, 5 MB at 100x':24} " + " ".join(f"{t:8.3f}" for t in times))


if __name__ == "__main__":
    main()
