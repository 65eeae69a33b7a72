"""Normalize layout whitespace: line endings, trailing spaces, blank lines.

Only layout changes here; characters that a reader sees (no-break spaces inside a line, invisible
format characters) are the ``unicode`` cleaner's business.
"""

from __future__ import annotations

from dataclasses import dataclass

from textclean import _native
from textclean.edits import Edit, edits_from_lists
from textclean.registry import NativeStep

MOST_BLANK_LINES = 1000  # a bound on max_blank_lines: more is no layout


@dataclass(frozen=True)
class WhitespaceOptions:
    """Options of :func:`normalize_whitespace`."""

    max_blank_lines: int = 1  # one blank line separates paragraphs; more carries no meaning in text

    def __post_init__(self) -> None:
        value = self.max_blank_lines
        if type(value) is not int or not 0 <= value <= MOST_BLANK_LINES:
            raise ValueError(f"max_blank_lines must be an integer from 0 to {MOST_BLANK_LINES}, not {value!r}")


def find_whitespace_edits(text: str, options: WhitespaceOptions = WhitespaceOptions()) -> list[Edit]:
    """Find the layout edits of ``text`` (see :func:`normalize_whitespace`); the rules run in the native core."""
    return edits_from_lists(text, _native.whitespace_edits(text, options.max_blank_lines))


def whitespace_output(text: str, options: WhitespaceOptions = WhitespaceOptions()) -> str:
    r"""Return ``text`` with the edits of :func:`find_whitespace_edits` made, built in the native core.

    >>> whitespace_output("a  \n\n\n\nb")
    'a\n\nb'
    """
    return _native.whitespace_output(text, options.max_blank_lines)


def native_step(options: WhitespaceOptions) -> NativeStep:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``)."""
    return ("whitespace", (options.max_blank_lines,))


def normalize_whitespace(text: str, *, max_blank_lines: int = 1) -> str:
    r"""Normalize line endings to ``\n``, drop trailing spaces and collapse runs of blank lines.

    Line breaks are ``\n``, ``\r\n``, ``\r``, the line separator (U+2028) and the paragraph separator
    (U+2029, which counts as two); horizontal space is tab, the Unicode space separators, form feed
    and vertical tab. Blank lines at the start and end of the text go; a final line break is kept if
    there was one. Leading indentation is kept: it can be structure (code, verse, quotes).

    Args:
        max_blank_lines: the most blank lines kept in a row.

    >>> normalize_whitespace("Title  \r\n\r\n\r\n\r\n  indented\t\n\n\n")
    'Title\n\n  indented\n'
    >>> normalize_whitespace("a\n\n\n\nb", max_blank_lines=2)
    'a\n\n\nb'
    """
    return whitespace_output(text, WhitespaceOptions(max_blank_lines=max_blank_lines))
