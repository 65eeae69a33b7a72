"""Rejoin hard-wrapped paragraphs, keeping structure (lists, headings, tables, code, verse) line for line.

Text that went through a fixed-width converter (html2text wraps at 78 columns), an e-mail client or
a PDF arrives with a line break every 40-100 characters. A break is a wrap when the first word of
the next line would not have fitted on the line before: that is how every greedy wrapper decides,
so it is evidence that needs no word list. The wrap width is inferred for the whole text (the width
that most breaks agree with and no prose line exceeds); a block that carries enough evidence of its
own (a quoted e-mail wrapped narrower) has its own; a lone paragraph in a text without a width is
judged, more strictly, by its own longest line; a line wrapped by hand, short of the margin, is a
wrap where a sentence goes on across the break. Lines that fail the test stay as they are:
headings, addresses, verse and signatures are short lines; lists, tables, fenced code, header
fields, markdown headings and rules are recognised by their form and never joined. An indented run
of lines is code unless it reads as prose (few code symbols, lines of plain words): indented
paragraphs, first-line and hanging indents are rejoined, each keeping its first line's indentation.
A blank line inside a sentence is mended, and line-end hyphens are judged by
:mod:`textclean.hyphenation`. The native core reads the lines, their kinds and the wraps
(``native/src/linewrap.rs``) and the blank lines inside a sentence (``native/src/linewrap_blanks.rs``),
in one call per text and round, and joins the lines (``native/src/linewrap_joins.rs``); this module
answers what the core asks of the document's languages: whether a line's last word is a function
word, and what each line-end hyphen was.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, NamedTuple

from textclean import _native
from textclean.edits import Edit, apply_edits
from textclean.hyphenation import Hyphen, HyphenJudge
from textclean.rounds import find_until_settled, until_settled
from textclean.text.languages import stopwords

MIN_WIDTH = _native.LINEWRAP_MIN_WIDTH  # (30) narrower "wraps" are menus and short lines, not wrapped prose


@dataclass(frozen=True)
class LinewrapOptions:
    """Options of :func:`join_wrapped_lines`."""

    width: int | None = None  # None: infer the wrap width from the text; a wrong fixed width joins verse
    mend_blank_lines: bool = True  # a blank line inside a sentence is a broken wrap, not a paragraph break
    hyphens: Literal["evidence", "keep"] = "evidence"  # "keep": every line-end hyphen is part of its word

    def __post_init__(self) -> None:
        if self.width is not None and (not isinstance(self.width, int) or self.width < MIN_WIDTH):
            raise ValueError(f"width must be None (infer it) or an integer >= {MIN_WIDTH}, not {self.width!r}")
        if not isinstance(self.mend_blank_lines, bool):
            raise ValueError(f"mend_blank_lines must be True or False, not {self.mend_blank_lines!r}")
        if self.hyphens not in ("evidence", "keep"):
            raise ValueError(f"hyphens must be 'evidence' or 'keep', not {self.hyphens!r}")


def find_linewrap_edits(text: str, options: LinewrapOptions = LinewrapOptions()) -> list[Edit]:
    """Find the edits that rejoin wrapped lines of ``text`` (see :func:`join_wrapped_lines`).

    Breaks joined in a row make one edit, so that a paragraph is rebuilt by one edit. Joins change
    what the next look sees (a paragraph's lines and its width, the text's width), so the text is
    looked at again until nothing changes.
    """
    return find_until_settled(text, lambda current: _one_round(current, options))


def linewrap_output(text: str, options: LinewrapOptions = LinewrapOptions()) -> str:
    r"""Return ``text`` with the edits of :func:`find_linewrap_edits` made, without making the edits.

    >>> linewrap_output("It was a dark and stormy night; the rain fell in\ntorrents, except at occasional intervals.")
    'It was a dark and stormy night; the rain fell in torrents, except at occasional intervals.'
    """

    def next_text(current: str) -> str | None:
        joins = _joins(current, options)
        return None if joins is None else joins.lines.joined(joins.breaks, joins.verdicts, joins.keep)

    return until_settled(text, next_text)


def _one_round(text: str, options: LinewrapOptions) -> list[Edit]:
    """Find one round of joins: one edit for each row of joins in a row, made in the core."""
    joins = _joins(text, options)
    if joins is None:
        return []
    starts, ends, news, rules = joins.lines.join_edits(joins.breaks, joins.verdicts, joins.keep)
    return [Edit(*edit, text[edit[0] : edit[1]]) for edit in zip(starts, ends, news, rules, strict=True)]


class _Joins(NamedTuple):
    """The breaks of one round to join, with what the core needs to join them."""

    lines: _native.WrappedLines
    breaks: list[tuple[int, int, str]]  # (line before, line after, rule), in order
    verdicts: list[tuple[int, str]]  # the verdict of each line-end hyphen, by its break
    keep: bool  # every line-end hyphen is part of its word


def _joins(text: str, options: LinewrapOptions) -> _Joins | None:
    """Return the breaks of ``text`` to join, with the verdicts of their line-end hyphens; ``None`` if none."""
    if "\n" not in text:
        return None
    lines = _native.linewrap_lines(text, options.width)
    breaks, questions = lines.round_joins(options.mend_blank_lines)
    judge = HyphenJudge(text)
    # a blank line after a function word breaks a sentence off mid-phrase
    mended = [
        (line, line + 2, "blank-line-in-sentence")
        for line, word, context in questions
        if word.islower() and word in stopwords(judge.language(context))
    ]
    if mended:
        breaks = sorted([*breaks, *mended])
    if not breaks:
        return None
    keep = options.hyphens == "keep"
    hard, in_doubt = lines.hyphens(breaks, keep)  # the core settles the hyphens whose shape tells
    verdicts = [(join, Hyphen.HARD.value) for join in hard]
    verdicts += [
        (join, judge.weigh(first, second, alone, context).value) for join, first, second, alone, context in in_doubt
    ]
    return _Joins(lines, breaks, verdicts, keep)


def join_wrapped_lines(
    text: str,
    *,
    width: int | None = None,
    mend_blank_lines: bool = True,
    hyphens: Literal["evidence", "keep"] = "evidence",
) -> str:
    r"""Rejoin hard-wrapped lines into paragraphs, keeping lists, headings, tables, code and verse.

    A line break is a wrap when the next line's first word would have fitted on the line before
    at the text's wrap width (inferred, block by block, unless given). A blank line in the middle
    of a sentence is mended too. A hyphen at a line end is dropped only where the document's own
    words or word frequencies say the wrap split one word ("inter-" + "national"); "top-" +
    "selling" stays "top-selling". Text that was not wrapped comes back unchanged.

    Args:
        width: the wrap width, if known; ``None`` infers it.
        mend_blank_lines: join a blank line that falls inside a sentence.
        hyphens: ``"evidence"`` judges each line-end hyphen; ``"keep"`` keeps them all.

    >>> join_wrapped_lines("It was a dark and stormy night; the rain fell in\n"
    ...                    "torrents, except at occasional intervals.\n")
    'It was a dark and stormy night; the rain fell in torrents, except at occasional intervals.\n'
    >>> join_wrapped_lines("Shopping list:\n- bread\n- milk")
    'Shopping list:\n- bread\n- milk'
    """
    options = LinewrapOptions(width=width, mend_blank_lines=mend_blank_lines, hyphens=hyphens)
    return apply_edits(text, find_linewrap_edits(text, options))
