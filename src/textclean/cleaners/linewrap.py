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
:mod:`textclean.hyphenation`. The native core runs the step's rounds in one call per text: it reads
the lines, their kinds and the wraps (``native/src/linewrap.rs``), the blank lines inside a sentence
(``native/src/linewrap_blanks.rs``), with the function words of each line's language, and joins the
lines (``native/src/linewrap_joins.rs``); it asks this module only the verdict on each line-end
hyphen that the shape of its pieces leaves in doubt, which the word frequencies decide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal, TypeVar

from textclean import _native
from textclean.edits import Edit, apply_edits, edits_from_lists
from textclean.errors import NativeError
from textclean.hyphenation import HyphenJudge
from textclean.registry import NativeStep
from textclean.text.languages import function_word_table, language_reader, provide

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


def native_step(options: LinewrapOptions) -> NativeStep:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``)."""
    return ("linewrap", _core_options(options))


def _core_options(options: LinewrapOptions) -> _native.LinewrapOptions:
    """Return the options as the core reads them: the width, whether to mend blank lines, whether to keep hyphens."""
    return (options.width, options.mend_blank_lines, options.hyphens == "keep")


def find_linewrap_edits(text: str, options: LinewrapOptions = LinewrapOptions()) -> list[Edit]:
    """Find the edits that rejoin wrapped lines of ``text`` (see :func:`join_wrapped_lines`).

    Breaks joined in a row make one edit, so that a paragraph is rebuilt by one edit. Joins change
    what the next look sees (a paragraph's lines and its width, the text's width), so the text is
    looked at again until nothing changes.
    """
    return edits_from_lists(text, _in_core(_native.linewrap_edits, text, options))


def linewrap_output(text: str, options: LinewrapOptions = LinewrapOptions()) -> str:
    r"""Return ``text`` with the edits of :func:`find_linewrap_edits` made, without making the edits.

    >>> linewrap_output("It was a dark and stormy night; the rain fell in\ntorrents, except at occasional intervals.")
    'It was a dark and stormy night; the rain fell in torrents, except at occasional intervals.'
    """
    return _in_core(_native.linewrap_output, text, options)


def judge_hyphens(text: str | None, in_doubt: list[_native.HyphenInDoubt]) -> list[str]:
    """Return the verdict on each line-end hyphen of a text that the core leaves in doubt.

    Each is given as the pieces of words on each side, whether the second is the whole next word, the
    language of the text around it, and how often the text holds the pieces joined and hyphenated (in
    lower case) where the core counted them. The core calls this while it joins the lines (``Run.run``),
    with the ``text`` only where it did not count.

    >>> judge_hyphens(None, [("top", "selling", True, "en", (0, 1)), ("inter", "national", True, "en", (0, 0))])
    ['hard', 'soft']
    >>> judge_hyphens("Straßenbahn, Straßenbahn, Straßen-bahn.", [("Straßen", "bahn", True, "de", None)])
    ['soft']
    """
    judge = HyphenJudge("" if text is None else text)
    return [
        judge.weigh(first, second, alone, language, seen).value for first, second, alone, language, seen in in_doubt
    ]


_Made = TypeVar("_Made")


def _in_core(
    step: Callable[[str, _native.LinewrapCall], tuple[_Made | None, _native.Need]], text: str, options: LinewrapOptions
) -> _Made:
    """Run the core's ``step`` on ``text``, giving it the function words it asks for (once each) until it needs none."""
    given: set[tuple[str, str]] = set()
    while True:
        made, need = step(text, (_core_options(options), (language_reader(), function_word_table()), judge_hyphens))
        if need is None and made is not None:
            return made
        if need is None or need in given:
            raise NativeError(f"step 'linewrap': the native core asked again for {need}")
        given.add(need)
        provide(*need)


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
