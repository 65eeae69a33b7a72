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
:mod:`textclean.hyphenation`. The lines, their kinds and the wraps are read by the native core
(``native/src/linewrap.rs``), in one call per text and round; this module mends the blank lines and
judges the hyphens the core asks about, and the core joins the lines (``native/src/linewrap_joins.rs``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Literal, NamedTuple

import regex

from textclean import _native
from textclean.edits import Edit, apply_edits
from textclean.hyphenation import HyphenJudge
from textclean.rounds import find_until_settled, until_settled
from textclean.text.languages import stopwords

# closing quotes and brackets (and emphasis) that may follow a sentence's last word
_CLOSERS = "\"'”’»)]*_"  # noqa: RUF001
_GOES_ON_MARKS = ",—–-"  # noqa: RUF001  # a line that ends in one of these (or in a word) breaks off a sentence
# opening quotes and brackets that may stand before a sentence's first word
_OPENERS = "\"'“‘«„(¿¡"  # noqa: RUF001
_STARTS_WITH_WORD = regex.compile(rf"[{regex.escape(_OPENERS)}]*+[\p{{L}}\p{{N}}]")
# a word with nothing of markup in it, perhaps with a comma after it; or a lone dash
_PLAIN_WORD = regex.compile(rf"[{regex.escape(_OPENERS)}\[]*+(?:[\p{{L}}\p{{M}}\p{{N}}]++['’&\-]?+)++,?+|[—–-]")  # noqa: RUF001
_MARKUP_MARKS = frozenset("/]<>|=_@#")  # in a word: a link's URL, an image, a table, a form's field
_NO_LAYOUT = (0, 0, 0)
# what the words at a line's ends say (bits of _Lines.ends, as the native line reader sets them)
_ENDS_SENTENCE = 1  # its last character before closing quotes and brackets ends a sentence
_ENDS_CLAUSE = 2  # ... or a clause (a colon, a semicolon)
_STARTS_LOWER = 4  # its first letter is lower case, or of a caseless script
# (8 and 16: its last character, and its first, are of a script written without spaces: the core's joints)
_HARD_BREAK = 32  # it ends in markdown's forced line break: two spaces or a backslash

MIN_WIDTH = _native.LINEWRAP_MIN_WIDTH  # (30) narrower "wraps" are menus and short lines, not wrapped prose
MIN_BLANK_MEND_LENGTH = 40  # without a wrap width, only a long paragraph may go on across a blank line
MIN_BLANK_MEND_WORDS = 4  # ... and of this many words, as must a sentence that goes on with a capital


# Line kinds, as the native line reader gives them: small numbers, so that "may be joined" is one comparison
# (kind <= ITEM).
TEXT = 0  # prose, or a line that can only be told apart from prose by its width
ITEM = 1  # the first line of a list item
FIXED = 2  # structure recognised by its form: heading, rule, table row, code
BLANK = 3


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


class _Lines:
    """The lines of a text, with their kinds and the layout of those quoted or indented (read natively).

    The lines' own texts and offsets are made only when a join is to be made or judged: a round that
    finds nothing (the last of every text) reads no line in Python.
    """

    def __init__(self, text: str, width: int | None) -> None:
        self.text = text
        # read natively, in one pass over the text: the kind of each line (one byte a line); the quoted or
        # indented lines and their layout; what the words at each line's ends say (one byte a line, of
        # _ENDS_SENTENCE, ... bits); the breaks that a wrap made (the line before each, in order); the
        # lines of prose (or list items) followed by a blank line, for each whether the next line's
        # first word would not have fitted on it at the width of its run of lines (or the text's), where
        # that width is sure (one byte each), and the last character of each (one character each)
        self.native = _native.linewrap_lines(text, width)
        (
            self.kind,
            layouts,
            self.ends,
            self.wraps,
            self.blank_after_text,
            self.blank_fits,
            self.blank_last,
        ) = self.native.features()
        # line -> (quote depth, indentation, text column), for the lines that have any
        quoted, depths, indents, columns = layouts
        self.layout = dict(zip(quoted, zip(depths, indents, columns, strict=True), strict=True))

    @cached_property
    def visible(self) -> list[str]:
        """The lines without trailing space (or a carriage return); quote markers and indentation included."""
        return list(map(str.rstrip, self.text.split("\n")))

    @cached_property
    def length(self) -> list[int]:
        """The length of each visible line."""
        return list(map(len, self.visible))

    def depth(self, index: int) -> int:
        """Return a line's quote depth."""
        return self.layout.get(index, _NO_LAYOUT)[0]

    def indent(self, index: int) -> int:
        """Return a line's indentation, after its quote markers."""
        return self.layout.get(index, _NO_LAYOUT)[1]

    def stripped(self, index: int) -> str:
        """Return a line's text after quote markers and indentation."""
        return self.visible[index][self.layout.get(index, _NO_LAYOUT)[2] :]

    def hard_break(self, index: int) -> bool:
        """Whether a line ends in markdown's forced break: two spaces or a backslash."""
        return bool(self.ends[index] & _HARD_BREAK)


def _is_title(line: str) -> bool:
    """Whether most words of a line are capitalized, as in a title (not a sentence in progress)."""
    words = line.split()
    capitalized = sum(1 for word in words if word[:1].isupper())
    return capitalized * 2 > len(words)


def _is_caseless(char: str) -> bool:
    """Whether a character is a letter of a script without case (Chinese, Japanese, Thai, Arabic, ...)."""
    return char.isalpha() and not char.isupper() and not char.islower()


class _Unwrapper:
    """Find the breaks of one text that a wrap made."""

    def __init__(self, text: str, options: LinewrapOptions) -> None:
        self.lines = _Lines(text, options.width)
        self.options = options
        self.judge = HyphenJudge(text)

    def joins(self) -> list[tuple[int, int, str]]:
        """Return the breaks to join as (line before, line after, rule), in order.

        The breaks that a wrap made are read natively; here, the blank lines inside a sentence.
        """
        lines = self.lines
        kinds = lines.kind
        found = [(a, a + 1, "line-wrap") for a in lines.wraps]
        if self.options.mend_blank_lines:
            # a list marker joined to the sentence before it is prose too
            continued = {b for _, b, _ in found if kinds[b] == ITEM}
            candidates = zip(lines.blank_after_text, lines.blank_fits, lines.blank_last, strict=True)
            for a, fits, last in candidates:
                # most paragraphs end a sentence (or with markup): the cheapest test first
                if (
                    (last.isalnum() or last in _GOES_ON_MARKS)
                    and (kinds[a] == TEXT or a in continued)
                    and a + 2 < len(kinds)
                    and kinds[a + 2] == TEXT
                    and self._mend_blank(a, fits)
                ):
                    found.append((a, a + 2, "blank-line-in-sentence"))
            found.sort()
        return found

    def _mend_blank(self, a: int, fits: int) -> bool:
        """Whether the blank line after line ``a`` broke a sentence (asked where ``a`` ends in a word or a dash).

        ``fits`` says whether the next line's first word would not have fitted on line ``a`` at a sure
        width. The caller tests the line's last character first: most paragraphs end a sentence.
        """
        lines = self.lines
        before = lines.visible[a]
        if not _PLAIN_WORD.fullmatch(before, before.rfind(" ") + 1):
            return False  # the common case: a paragraph that ends with markup (a link, an image)
        b = a + 2
        after = lines.stripped(b)
        first_word = after.split(" ", 1)[0]
        if not _STARTS_WITH_WORD.match(first_word) or _MARKUP_MARKS.intersection(first_word):
            return False
        if lines.depth(a) != lines.depth(b) or lines.indent(a) != lines.indent(b) or lines.hard_break(a):
            return False
        before = lines.stripped(a)
        if _is_title(before) or _is_caseless(before[-1]) != _is_caseless(after[0]):
            return False  # a heading, or a change of script (a sentence does not go on in another one)
        lower = lines.ends[b] & _STARTS_LOWER and (" " in after or lines.ends[b] & _ENDS_SENTENCE)  # not a lone label
        if lower and self._long_paragraph(a):
            return True  # a sentence that goes on in lower case, wrapped or not
        if not fits:
            return False
        if lower:
            return True
        # a capital after the blank line: the line before must break off mid-phrase (after a comma,
        # a dash or a function word), and a sentence, not a heading or a button, must go on after it
        last_word = before[before.rfind(" ") + 1 :]
        mid_phrase = (
            last_word[-1] in ",—–-"  # noqa: RUF001
            or (last_word.islower() and last_word in stopwords(self.judge.language(before)))
            or last_word.endswith(("'s", "’s"))  # noqa: RUF001  # a possessive wants its noun
            or (last_word[0] in _OPENERS + "[" and not set(_CLOSERS).intersection(last_word))  # an open bracket
        )
        return mid_phrase and after.count(" ") >= MIN_BLANK_MEND_WORDS - 1

    def _long_paragraph(self, a: int) -> bool:
        """Whether the paragraph that ends with line ``a`` is long enough to be prose, wrapped or not."""
        lines = self.lines
        first = a
        while first > 0 and lines.kind[first - 1] == TEXT and a - first < MIN_BLANK_MEND_LENGTH:
            first -= 1
        words = sum(lines.stripped(i).count(" ") + 1 for i in range(first, a + 1))
        length = sum(lines.length[i] for i in range(first, a + 1)) + a - first  # as if joined by spaces
        return length >= MIN_BLANK_MEND_LENGTH and words >= MIN_BLANK_MEND_WORDS


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
        return None if joins is None else joins.lines.native.joined(joins.breaks, joins.verdicts, joins.keep)

    return until_settled(text, next_text)


def _one_round(text: str, options: LinewrapOptions) -> list[Edit]:
    """Find one round of joins: one edit for each row of joins in a row, made in the core."""
    joins = _joins(text, options)
    if joins is None:
        return []
    starts, ends, news, rules = joins.lines.native.join_edits(joins.breaks, joins.verdicts, joins.keep)
    return [Edit(*edit, text[edit[0] : edit[1]]) for edit in zip(starts, ends, news, rules, strict=True)]


class _Joins(NamedTuple):
    """The breaks of one round to join, with what the core needs to join them."""

    lines: _Lines
    breaks: list[tuple[int, int, str]]  # (line before, line after, rule), in order
    verdicts: list[tuple[int, str]]  # the verdict of each line-end hyphen the core asked about, by its break
    keep: bool  # every line-end hyphen is part of its word


def _joins(text: str, options: LinewrapOptions) -> _Joins | None:
    """Return the breaks of ``text`` to join, with the verdicts of their line-end hyphens; ``None`` if none."""
    if "\n" not in text:
        return None
    unwrapper = _Unwrapper(text, options)
    breaks = unwrapper.joins()
    if not breaks:
        return None
    keep = options.hyphens == "keep"
    judge = unwrapper.judge.judge
    verdicts = [
        (join, judge(left, right, context).value)
        for join, left, right, context in unwrapper.lines.native.hyphens(breaks, keep)
    ]
    return _Joins(unwrapper.lines, breaks, verdicts, keep)


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
