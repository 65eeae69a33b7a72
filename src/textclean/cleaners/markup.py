"""Strip formatting markup: emphasis, heading markers, rules, quote markers, table pipes, stray tags.

What HTML-to-text converters leave besides links (those are the ``links`` cleaner's): ``**bold**``,
``_italics_``, ``## `` before a heading, ``* * *`` between sections, ``> `` before quoted lines,
``a | b`` table rows under a ``---|---`` rule, and tags that slipped through (``<br>``, ``</div>``).
The words and the line structure stay. What is markup is read by :mod:`textclean.text.markup_tokens`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from textclean.edits import Edit, apply_edits
from textclean.rounds import find_until_settled
from textclean.text.markup_tokens import MARKUP_KINDS, tokenize_markup

HeadingPolicy = Literal["text", "keep"]
ListPolicy = Literal["keep", "drop"]
TablePolicy = Literal["cells", "keep"]

# The rule that explains each edit, by token kind.
_RULES = {
    "emphasis": "emphasis",
    "empty_emphasis": "empty-emphasis",
    "heading": "heading-marker",
    "rule": "horizontal-rule",
    "table_rule": "table-rule",
    "empty_item": "empty-list-item",
    "quote": "quote-marker",
    "list_marker": "list-marker",
    "cell": "table-pipe",
    "tag": "html-tag",
}
_LINE_KINDS = frozenset({"rule", "table_rule", "empty_item"})  # tokens that are a whole line
_BLANK_LINES = regex.compile(r"(?:[ \t]*+\n)*+")


@dataclass(frozen=True)
class MarkupOptions:
    """Options of :func:`strip_formatting_markup`."""

    # A heading's words are its line; the "#" before them is markup.
    headings: HeadingPolicy = "text"
    # A bullet or a number tells a reader that the lines are items: it is text, not only markup.
    list_markers: ListPolicy = "keep"
    # Cells read best apart by a tab; the pipes and the rule under the header are markup.
    tables: TablePolicy = "cells"

    def __post_init__(self) -> None:
        for name, allowed in (("headings", ("text", "keep")), ("list_markers", ("keep", "drop"))):
            if getattr(self, name) not in allowed:
                raise ValueError(f"{name} must be one of {allowed!r}, not {getattr(self, name)!r}")
        if self.tables not in ("cells", "keep"):
            raise ValueError(f"tables must be one of ('cells', 'keep'), not {self.tables!r}")


def find_markup_edits(text: str, options: MarkupOptions = MarkupOptions()) -> list[Edit]:
    """Find the edits that strip formatting markup from ``text`` (see :func:`strip_formatting_markup`)."""
    return find_until_settled(text, lambda current: _find_round(current, options))


def strip_formatting_markup(
    text: str, *, headings: HeadingPolicy = "text", list_markers: ListPolicy = "keep", tables: TablePolicy = "cells"
) -> str:
    r"""Strip emphasis, heading markers, rules, quote markers, table pipes and stray tags; keep the words.

    Look-alikes stay: ``2 * 3 * 4`` and ``snake_case_names`` are not emphasis, ``#hashtag`` is not a
    heading, ``a < b > c`` is not a tag, and ``__init__`` is a name. Lines stay lines: a heading's
    text keeps its own line, a table row stays a row.

    Args:
        text: the text to clean.
        headings: ``"text"`` keeps a heading's words on their line without the ``#``; ``"keep"``
            leaves the markers.
        list_markers: ``"keep"`` the bullets and numbers of list items, or ``"drop"`` them.
        tables: ``"cells"`` parts a table row's cells by tabs and drops the rule under the header;
            ``"keep"`` leaves tables as they are.

    >>> strip_formatting_markup("## The **big** _news_\n\n* * *\n\n> 2 * 3 * 4, #hashtag")
    'The big news\n\n2 * 3 * 4, #hashtag'
    >>> print(strip_formatting_markup("Team | Points\n---|---\nAjax | 12<br>\n  * snake_case<br>x"))
    Team	Points
    Ajax	12
      * snake_case
    x
    """
    options = MarkupOptions(headings=headings, list_markers=list_markers, tables=tables)
    return apply_edits(text, find_markup_edits(text, options))


def _find_round(text: str, options: MarkupOptions) -> list[Edit]:
    edits: list[Edit] = []
    for token in tokenize_markup(text, _wanted_kinds(options)):
        start, end = token.start, token.end
        if token.kind in _LINE_KINDS:
            start, end = _line_span(text, start, end)
            if edits and start < edits[-1].end:
                continue
        elif token.kind == "empty_emphasis" and start > (edits[-1].end if edits else 0) and text[start - 1] in " \t":
            start -= 1  # the space before it goes too
        edits.append(Edit(start, end, token.text, _RULES[token.kind], text[start:end]))
    return edits


def _wanted_kinds(options: MarkupOptions) -> frozenset[str]:
    """Return the kinds of markup that the options want taken out."""
    kinds = set(MARKUP_KINDS)
    if options.headings == "keep":
        kinds.discard("heading")
    if options.list_markers == "keep":
        kinds.discard("list_marker")
    if options.tables == "keep":
        kinds -= {"cell", "table_rule"}
    return frozenset(kinds)


def _line_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen a whole-line token to its line break, and to the blank lines after it if one was before it."""
    if end < len(text):
        end += 1
    previous_line = text.rfind("\n", 0, max(start - 1, 0)) + 1
    if start == 0 or not text[previous_line : start - 1].strip():
        end = _BLANK_LINES.match(text, end).end()  # type: ignore[union-attr]  # it matches the empty string
    return start, end
