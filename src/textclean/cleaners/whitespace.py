"""Normalize layout whitespace: line endings, trailing spaces, blank lines.

Only layout changes here; characters that a reader sees (no-break spaces inside a line, invisible
format characters) are the ``unicode`` cleaner's business.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex

from textclean.edits import Edit, apply_edits

# Horizontal white space: tab, space, the Unicode space separators (Zs), form feed, vertical tab.
_HSPACE = r"[\t \p{Zs}\f\v]"
_BREAK = r"(?:\r\n|[\n\r\u2028\u2029])"
# A run of line breaks with only white space between them. It is found from its first break (a scan
# for a few characters is fast), and the white space before that is taken in by searching backwards.
_BREAK_RUN = rf"{_BREAK}(?:{_HSPACE}*+{_BREAK})*+"
_SPACE_BEFORE = regex.compile(rf"(?r){_HSPACE}++")  # matched backwards from where it is asked
_SPACE_TO_END = regex.compile(rf"{_HSPACE}*+\Z")
MOST_BLANK_LINES = 1000  # a bound on max_blank_lines: more is no layout, and the pattern's repeat count has a limit


@dataclass(frozen=True)
class WhitespaceOptions:
    """Options of :func:`normalize_whitespace`."""

    max_blank_lines: int = 1  # one blank line separates paragraphs; more carries no meaning in text

    def __post_init__(self) -> None:
        value = self.max_blank_lines
        if type(value) is not int or not 0 <= value <= MOST_BLANK_LINES:
            raise ValueError(f"max_blank_lines must be an integer from 0 to {MOST_BLANK_LINES}, not {value!r}")


def find_whitespace_edits(text: str, options: WhitespaceOptions = WhitespaceOptions()) -> list[Edit]:
    """Find the layout edits of ``text`` (see :func:`normalize_whitespace`)."""
    edits = []
    most = options.max_blank_lines + 1
    for match in _runs_to_check(most).finditer(text):
        start, end = match.span()
        if _SPACE_TO_END.match(text, end):  # only spaces after the last break: the run ends the text
            end = len(text)
        spaces = _SPACE_BEFORE.match(text, 0, start)
        if spaces is not None:
            start = spaces.start()
        old = text[start:end]
        if start == 0:
            new, rule = "", "leading-blank-lines"
        elif end == len(text):
            new, rule = "\n", "trailing-blank-lines"
        else:
            breaks = _count_breaks(old)
            new, rule = "\n" * min(breaks, most), "blank-lines" if breaks > most else "line-end"
        if new != old:
            edits.append(Edit(start, end, new, rule, old))
    trailing = _SPACE_BEFORE.match(text)
    if trailing and (not edits or edits[-1].end <= trailing.start()):
        edits.append(Edit(trailing.start(), trailing.end(), "", "trailing-space", trailing.group()))
    return edits


def normalize_whitespace(text: str, *, max_blank_lines: int = 1) -> str:
    r"""Normalize line endings to ``\n``, drop trailing spaces and collapse runs of blank lines.

    Blank lines at the start and end of the text go; a final line break is kept if there was one.
    Leading indentation is kept: it can be structure (code, verse, quotes).

    Args:
        max_blank_lines: the most blank lines kept in a row.

    >>> normalize_whitespace("Title  \r\n\r\n\r\n\r\n  indented\t\n\n\n")
    'Title\n\n  indented\n'
    >>> normalize_whitespace("a\n\n\n\nb", max_blank_lines=2)
    'a\n\n\nb'
    """
    return apply_edits(text, find_whitespace_edits(text, WhitespaceOptions(max_blank_lines=max_blank_lines)))


@lru_cache(maxsize=8)
def _runs_to_check(most: int) -> regex.Pattern[str]:
    """Return the pattern of the break runs that may need an edit.

    Most runs are one to ``most`` plain line breaks between two words, as they should be: those
    are passed over inside the pattern rather than one by one.
    """
    as_they_should_be = rf"\n{{1,{most}}}(?!{_HSPACE}|{_BREAK}|\Z)"
    return regex.compile(rf"(?:(?<={_HSPACE})|\A|(?!{as_they_should_be})){_BREAK_RUN}")


def _count_breaks(run: str) -> int:
    """Count the line breaks of a run: CR LF is one, a paragraph separator is two."""
    return run.count("\n") + run.count("\r") - run.count("\r\n") + run.count("\u2028") + 2 * run.count("\u2029")
