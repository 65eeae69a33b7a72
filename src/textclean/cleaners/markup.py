"""Strip formatting markup: emphasis, heading markers, rules, quote markers, table pipes, stray tags.

What HTML-to-text converters leave besides links (those are the ``links`` cleaner's): ``**bold**``,
``_italics_``, ``## `` before a heading, ``* * *`` between sections, ``> `` before quoted lines,
``a | b`` table rows under a ``---|---`` rule, and tags that slipped through (``<br>``, ``</div>``).
The words and the line structure stay. What is markup is read by the tokenizer behind
:func:`textclean.text.markup_tokens.tokenize_markup`; the rules run in the native core.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textclean import _native
from textclean.edits import Edit, edits_from_lists
from textclean.registry import NativeStep

HeadingPolicy = Literal["text", "keep"]
ListPolicy = Literal["keep", "drop"]
TablePolicy = Literal["cells", "keep"]


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
    """Find the edits that strip formatting markup from ``text`` (see :func:`strip_formatting_markup`).

    The rules, and the rounds that take out markup which taking out markup made, run in the native
    core (``native/src/markup.rs``).
    """
    lists = _native.markup_edits(text, *_flags(options))
    return edits_from_lists(text, lists)


def markup_output(text: str, options: MarkupOptions = MarkupOptions()) -> str:
    """Return ``text`` with the edits of :func:`find_markup_edits` made, built in the native core.

    >>> markup_output("**Big** news")
    'Big news'
    """
    return _native.markup_output(text, *_flags(options))


def native_step(options: MarkupOptions) -> NativeStep:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``)."""
    return ("markup", _flags(options))


def _flags(options: MarkupOptions) -> tuple[bool, bool, bool]:
    """Whether each of a heading's marker, list items' markers and a table's markup goes."""
    return (options.headings == "text", options.list_markers == "drop", options.tables == "cells")


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
    return markup_output(text, options)
