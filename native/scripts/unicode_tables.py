r"""Write native/src/unicode.rs: the code point classes that the `regex` module reads as ``\w`` and ``\d``.

The native scanners must read these classes as the `regex` module does, whose Unicode version can be newer
than the one Rust's crates carry. Run it with the `regex` module the project depends on, after upgrading it:
``python native/scripts/unicode_tables.py && cargo fmt``.
"""

from __future__ import annotations

from pathlib import Path

import regex


def _ranges(pattern: str) -> list[tuple[int, int]]:
    """Return the ranges of code points that ``pattern`` matches alone."""
    matcher = regex.compile(pattern)
    ranges: list[tuple[int, int]] = []
    for point in range(0x110000):
        if matcher.fullmatch(chr(point)):
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((point, point))
    return ranges


def _table(name: str, what: str, ranges: list[tuple[int, int]]) -> str:
    rows = "".join(f"    (0x{start:04X}, 0x{end:04X}),\n" for start, end in ranges)
    return f"/// {what}\npub const {name}: &[(u32, u32)] = &[\n{rows}];\n"


def main() -> None:
    """Write the tables."""
    header = (
        f"//! Code point classes as the `regex` module {regex.__version__} reads them.\n"
        "//! Written by `native/scripts/unicode_tables.py`: do not edit.\n\n"
    )
    tables = [
        _table("WORD", r"`\w`: letters, marks, decimal digits, connector punctuation, joiners.", _ranges(r"\w")),
        _table("DIGIT", r"`\d`: decimal digits (Nd) of every script.", _ranges(r"\d")),
    ]
    Path(__file__).resolve().parents[1].joinpath("src", "unicode.rs").write_text(header + "\n".join(tables))


if __name__ == "__main__":
    main()
