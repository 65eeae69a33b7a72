r"""Write native/src/unicode_tables.rs: the character classes and case folding as Python reads them.

The native scanners must read ``\w``, ``\d``, letters and scripts as the `regex` module does, letters,
digits and numbers as ``str.isalpha``, ``str.isalnum`` and ``str.isdecimal`` do, and fold case as
``str.casefold`` does; the Unicode versions of both can differ from the one Rust's own tables
follow. Run it with the Python and the `regex` module the project is measured with, after upgrading
either: ``python native/scripts/unicode_tables.py && cargo fmt``.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
import unicodedata
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


def _method_ranges(method: Callable[[str], bool]) -> list[tuple[int, int]]:
    """Return the ranges of code points for which the ``str`` method ``method`` is true."""
    ranges: list[tuple[int, int]] = []
    for point in range(0x110000):
        if method(chr(point)):
            if ranges and ranges[-1][1] == point - 1:
                ranges[-1] = (ranges[-1][0], point)
            else:
                ranges.append((point, point))
    return ranges


def _table(name: str, what: str, ranges: list[tuple[int, int]]) -> str:
    rows = "".join(f"    (0x{start:04X}, 0x{end:04X}),\n" for start, end in ranges)
    return f"/// {what}\npub const {name}: &[(u32, u32)] = &[\n{rows}];\n"


def _scripts() -> str:
    """The script of each code point, for the scripts the language reader counts (Kana: Hiragana and Katakana)."""
    from textclean.text.languages import SCRIPT_NAMES

    names = [name for name in SCRIPT_NAMES if name != "Kana"]
    matcher = regex.compile("|".join([*(rf"(\p{{{name}}})" for name in names), r"([\p{Hiragana}\p{Katakana}])"]))
    ranges: list[tuple[int, int, int]] = []
    for point in range(0x110000):
        found = matcher.fullmatch(chr(point))
        if found is None:
            continue
        index = (found.lastindex or 1) - 1
        if ranges and ranges[-1][1] == point - 1 and ranges[-1][2] == index:
            ranges[-1] = (ranges[-1][0], point, index)
        else:
            ranges.append((point, point, index))
    listed = ", ".join(f'"{name}"' for name in [*names, "Kana"])
    rows = "".join(f"    (0x{start:04X}, 0x{end:04X}, {index}),\n" for start, end, index in ranges)
    return (
        f"/// The scripts the language reader counts, in the order of `SCRIPT_NAMES` of `textclean.text.languages`.\n"
        f"pub const SCRIPT_NAMES: &[&str] = &[{listed}];\n\n"
        "/// The script of each code point that has one of them: ranges and the index of the script.\n"
        f"pub const SCRIPTS: &[(u32, u32, u8)] = &[\n{rows}];\n"
    )


def _cases() -> str:
    """Every pair of characters that case-insensitive matching of the `regex` module takes for each other.

    Its own relation, not Unicode's simple case folding: "i" matches "İ", "I" matches "ı", but "I" and "İ"
    do not match. Only characters that ``str`` methods change, or give, have a case; the relation is read
    among them.
    """
    cased: set[str] = set()
    for point in range(0x110000):
        if 0xD800 <= point < 0xE000:
            continue
        c = chr(point)
        mapped = (c.lower(), c.upper(), c.casefold(), c.title())
        if any(m != c for m in mapped):
            cased.add(c)
            cased.update(*mapped)
    universe = "".join(sorted(cased))
    rows = []
    for c in sorted(cased):
        for other in regex.findall(regex.escape(c), universe, regex.IGNORECASE):
            if other != c:
                rows.append(f"    (0x{ord(c):04X}, 0x{ord(other):04X}),\n")
    what = "Characters that `regex.IGNORECASE` matches with each other: each pair both ways, sorted."
    return f"/// {what}\npub const CASES: &[(u32, u32)] = &[\n{''.join(rows)}];\n"


def _folding() -> str:
    rows = []
    for point in range(0x110000):
        if 0xD800 <= point < 0xE000:
            continue
        folded = chr(point).casefold()
        if folded != chr(point):
            escaped = "".join(f"\\u{{{ord(c):x}}}" for c in folded)
            rows.append(f'    (0x{point:04X}, "{escaped}"),\n')
    what = "Full case folding: every code point that `str.casefold` changes, and what it gives."
    return f"/// {what}\npub const FOLD: &[(u32, &str)] = &[\n{''.join(rows)}];\n"


def main() -> None:
    """Write the tables."""
    header = (
        f"//! Character classes as the `regex` module {regex.__version__} reads them, and case folding as\n"
        f"//! `str.casefold` of Python {sys.version_info.major}.{sys.version_info.minor} "
        f"(Unicode {unicodedata.unidata_version}) does it.\n"
        "//! Written by `native/scripts/unicode_tables.py`: do not edit.\n\n"
    )
    tables = [
        _table("WORD", r"`\w`: letters, marks, decimal digits, connector punctuation, joiners.", _ranges(r"\w")),
        _table("DIGIT", r"`\d`: decimal digits (Nd) of every script.", _ranges(r"\d")),
        _table(
            "WIDE",
            "Scripts written without spaces: Han, Hiragana, Katakana, Hangul and Thai.",
            _ranges(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]"),
        ),
        _table("LETTER", r"`[\p{L}\p{M}]`: letters and the marks on them.", _ranges(r"[\p{L}\p{M}]")),
        _table("LETTER_ONLY", r"`\p{L}`: letters, without the marks.", _ranges(r"\p{L}")),
        _table("UPPER_LETTER", r"`\p{Lu}`: upper case letters.", _ranges(r"\p{Lu}")),
        _table("NUMBER", r"`\p{N}`: digits and numbers of every kind (Nd, Nl, No).", _ranges(r"\p{N}")),
        _table(
            "NO_SPACE",
            "Scripts whose lines are rejoined without a space: Han, Hiragana, Katakana, Thai, Lao, Khmer, Myanmar, "
            "CJK punctuation and full-width forms.",
            _ranges(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\u3000-\u303f\uff01-\uff60]"),
        ),
        _table("UPPER", "`str.isupper` of one character.", _method_ranges(str.isupper)),
        _table("LOWER", "`str.islower` of one character.", _method_ranges(str.islower)),
        _table(
            "TITLE",
            "Title case letters (Lt), which `str.isupper` and `str.islower` of a longer text refuse.",
            _method_ranges(lambda c: c.istitle() and not c.isupper()),
        ),
        _table("ALPHA", "`str.isalpha`: letters (L).", _method_ranges(str.isalpha)),
        _table("ALNUM", "`str.isalnum`: letters, digits and numbers; with `_`, `\\w` of the `re` module.", _method_ranges(str.isalnum)),
        _table("DECIMAL", "`str.isdecimal`: decimal digits (Nd), `\\d` of the `re` module.", _method_ranges(str.isdecimal)),
        _scripts(),
        _cases(),
        _folding(),
    ]
    Path(__file__).resolve().parents[1].joinpath("src", "unicode_tables.rs").write_text(header + "\n".join(tables))


if __name__ == "__main__":
    main()
