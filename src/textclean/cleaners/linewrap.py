"""Rejoin hard-wrapped paragraphs, keeping structure (lists, headings, tables, code, verse) line for line.

Text that went through a fixed-width converter (html2text wraps at 78 columns), an e-mail client or
a PDF arrives with a line break every 40-100 characters. A break is a wrap when the first word of
the next line would not have fitted on the line before: that is how every greedy wrapper decides,
so it is evidence that needs no word list. The wrap width is inferred for the whole text (the width
that most breaks agree with and no prose line exceeds) and, where a block carries enough evidence
of its own (a quoted e-mail wrapped narrower), for that block. Lines that fail the test stay as
they are: headings, addresses, verse and signatures are short lines; lists, tables, fenced and
indented code, markdown headings and rules are recognised by their form and never joined.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import Enum
from typing import Literal

import regex

from textclean.edits import Edit, apply_edits
from textclean.hyphenation import Hyphen, HyphenJudge

# Quote markers of e-mail replies, "> " or ">> ": lines are only joined to lines of the same depth.
_QUOTE_PREFIX = regex.compile(r"[ ]{0,3}>(?:[ ]?>)*+[ ]?")
_FENCE = regex.compile(r"[ ]{0,3}(?:```|~~~)")
_HEADING = regex.compile(r"#{1,6}(?:[ \t]|\Z)")
# a horizontal rule or a setext underline: three or more of one mark, nothing else
_RULE = regex.compile(r"([-*_=~#+.•·])[ \t]*+(?:\1[ \t]*+){2,}+\Z")
# a list item's marker: a bullet, "1." / "1)" / "(1)", "a)" / "(a)"
_ITEM = regex.compile(
    r"(?:[-*+•◦▪‣⁃●○■□►▶➢✓✔–—]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z]\)|\([a-z]\))(?:[ \t]++(?=\S)|\Z)"
)
# a gap between aligned table columns: two or more spaces not after a sentence's end, or a tab
_COLUMN_GAP = regex.compile(r"(?<=[^\s.!?:;,])(?: {2,}+|\t)(?=\S)")
_SENTENCE_END = regex.compile(r"[.!?…。！？][\"'”’»)\]*_]*+\Z")
_CLAUSE_END = regex.compile(r"[.!?…。！？:;][\"'”’»)\]*_]*+\Z")
_FIRST_LETTER = regex.compile(r"[^\p{L}\p{N}\s]*+(\p{L})")
# scripts written without spaces between words: their lines are rejoined without one
_NO_SPACE_SCRIPT = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}\p{Lao}\p{Khmer}\p{Myanmar}\u3000-\u303f\uff01-\uff60]")
_LINE_END_HYPHENS = "-\u2010\u00ad"

MIN_WIDTH = 30  # narrower "wraps" are menus and short lines, not wrapped prose
MIN_BLANK_MEND_LENGTH = 40  # without a wrap width, only a long line may continue across a blank line
CODE_INDENT = 4  # markdown's indented code block


class _Kind(Enum):
    BLANK = "blank"
    TEXT = "text"  # prose, or a line that can only be told apart from prose by its width
    ITEM = "item"  # the first line of a list item
    FIXED = "fixed"  # structure recognised by its form: heading, rule, table row, code


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
    """The lines of a text with what the joining rules need to know of each."""

    def __init__(self, text: str) -> None:
        self.text = text
        raw = text.split("\n")
        count = len(raw)
        self.start: list[int] = [0] * count
        self.end: list[int] = [0] * count  # end of the line's visible text (no trailing space or \r)
        self.body: list[int] = [0] * count  # where the text starts, after quote markers and indentation
        self.depth: list[int] = [0] * count  # quote depth
        self.indent: list[int] = [0] * count
        self.kind: list[_Kind] = [_Kind.BLANK] * count
        self.hard_break: list[bool] = [False] * count  # ends in two spaces or a backslash (markdown's <br>)
        pos = 0
        fences = _fence_lines(raw)
        in_fence = False
        item_indent = -1  # indentation of the list item whose continuation lines may follow
        previous = _Kind.BLANK
        for index, line in enumerate(raw):
            self.start[index] = pos
            pos += len(line) + 1
            visible = line.rstrip()
            if not visible:
                item_indent, previous = -1, _Kind.BLANK
                continue
            self.end[index] = self.start[index] + len(visible)
            self.hard_break[index] = len(line) - len(line.rstrip(" ")) >= 2 or visible.endswith("\\")
            column = 0
            if visible[0] in "> ":
                quote = _QUOTE_PREFIX.match(visible)
                if quote:
                    column = quote.end()
                    self.depth[index] = visible.count(">", 0, column)
            content = visible[column:]
            stripped = content.lstrip(" \t")
            indent = len(content) - len(stripped) + 3 * content.count("\t", 0, len(content) - len(stripped))
            self.indent[index] = indent
            self.body[index] = self.start[index] + column + len(content) - len(stripped)
            if not stripped:
                item_indent, previous = -1, _Kind.BLANK
                continue
            if index in fences:
                in_fence = not in_fence if fences[index] else in_fence
                kind = _Kind.FIXED
            elif in_fence:
                kind = _Kind.FIXED
            elif item_indent >= 0 and indent > item_indent:
                kind = _Kind.ITEM if _ITEM.match(stripped) else _Kind.TEXT
            elif indent >= CODE_INDENT:
                kind = _Kind.FIXED
            else:
                kind = _classify(stripped)
            if kind is _Kind.ITEM:
                item_indent = indent
            elif indent <= item_indent or kind is _Kind.FIXED:
                item_indent = -1
            if kind is _Kind.FIXED and previous is _Kind.TEXT and _RULE.match(stripped):
                self.kind[index - 1] = _Kind.FIXED  # the title above a setext underline
            self.kind[index] = kind
            previous = kind

    def length(self, index: int) -> int:
        """Return the width of a line: its visible text, quote markers and indentation included."""
        return self.end[index] - self.start[index]

    def stripped(self, index: int) -> str:
        """Return a line's text after quote markers and indentation."""
        return self.text[self.body[index] : self.end[index]]


def _fence_lines(raw: list[str]) -> dict[int, bool]:
    """Map each code fence line to whether it opens or closes a block (an unclosed fence is alone)."""
    found = [index for index, line in enumerate(raw) if "`" in line[:6] or "~" in line[:6] if _FENCE.match(line)]
    fences = {index: True for index in found[: len(found) // 2 * 2]}
    if len(found) % 2:
        fences[found[-1]] = False
    return fences


def _classify(stripped: str) -> _Kind:
    """Tell a line's kind by its form alone."""
    first = stripped[0]
    if first == "#" and _HEADING.match(stripped):
        return _Kind.FIXED
    if first in "-*_=~#+.•·" and _RULE.match(stripped):
        return _Kind.FIXED
    if stripped.count("|") >= 2 or first == "|":
        return _Kind.FIXED
    if ("  " in stripped or "\t" in stripped) and _is_aligned(stripped):
        return _Kind.FIXED
    if _ITEM.match(stripped):
        return _Kind.ITEM
    return _Kind.TEXT


def _is_aligned(stripped: str) -> bool:
    """Whether a line has the gaps of aligned table columns: two gaps, or one wide one."""
    gaps = [match.end() - match.start() for match in _COLUMN_GAP.finditer(stripped)]
    return len(gaps) >= 2 or any(gap >= 3 for gap in gaps)


def _tolerance(width: int) -> int:
    """How far short of the width a wrapped line may stop (wrappers that count differently, proportional fonts)."""
    return 1 + width // 40


class _Unwrapper:
    """Find the breaks of one text that a wrap made."""

    def __init__(self, text: str, options: LinewrapOptions) -> None:
        self.lines = _Lines(text)
        self.options = options
        self.judge = HyphenJudge(text)
        lines = self.lines
        count = len(lines.kind)
        self.pairs = [index for index in range(count - 1) if self._may_join(index, index + 1)]
        self.doc_width, self.doc_strong = (options.width, True) if options.width else self._estimate_width()

    def _may_join(self, a: int, b: int) -> bool:
        """Whether the form of two adjacent lines allows a wrap between them (width aside)."""
        lines = self.lines
        kind_a, kind_b = lines.kind[a], lines.kind[b]
        if kind_a not in (_Kind.TEXT, _Kind.ITEM) or kind_b not in (_Kind.TEXT, _Kind.ITEM):
            return False
        if lines.depth[a] != lines.depth[b] or lines.hard_break[a]:
            return False
        indent_a, indent_b = lines.indent[a], lines.indent[b]
        if kind_b is _Kind.ITEM:  # a dash or number that a wrap put first ("victory\n— their nominee")
            return kind_a is _Kind.TEXT and indent_a == indent_b and not _CLAUSE_END.search(lines.stripped(a))
        if kind_a is _Kind.ITEM:  # an item's continuation: hanging indent, or lazy and in lower case
            return indent_b > indent_a or (indent_b == indent_a and _starts_lower(lines.stripped(b)))
        if indent_b == indent_a:
            return True
        # a paragraph's first line indented
        return indent_b < indent_a and (a == 0 or lines.kind[a - 1] is _Kind.BLANK)

    def _first_word(self, b: int) -> int:
        stripped = self.lines.stripped(b)
        if _NO_SPACE_SCRIPT.match(stripped):
            return 1
        space = stripped.find(" ")
        return len(stripped) if space < 0 else space

    def _fits(self, a: int, b: int, width: int) -> bool:
        """Whether the break after line ``a`` is one that wrapping at ``width`` makes."""
        length = self.lines.length(a)
        if length > width:  # only a word longer than the width overflows it
            return " " not in self.lines.stripped(a)
        return length + 1 + self._first_word(b) > width - _tolerance(width)

    def _estimate_width(self) -> tuple[int | None, bool]:
        """Return the width most breaks agree with and no prose line exceeds, and whether evidence is strong."""
        lines = self.lines
        starts, ends = [], []
        for a in self.pairs:
            if lines.kind[a] is _Kind.TEXT and lines.kind[a + 1] is _Kind.TEXT and " " in lines.stripped(a):
                length = lines.length(a)
                starts.append(length)
                ends.append(length + self._first_word(a + 1))
        if not starts:
            return None, False
        starts.sort()
        ends.sort()
        prose = sorted(
            lines.length(i) for i, kind in enumerate(lines.kind) if kind is _Kind.TEXT and " " in lines.stripped(i)
        )
        best: tuple[int, int, int] | None = None  # score, coverage, width
        for width in sorted(set(starts)):
            if width < MIN_WIDTH:
                continue
            coverage = bisect.bisect_right(starts, width) - bisect.bisect_left(ends, width)
            over = len(prose) - bisect.bisect_right(prose, width)
            score = coverage - 2 * over
            if best is None or score > best[0]:
                best = (score, coverage, width)
        if best is None or best[0] <= 0:
            return None, False
        return best[2], best[1] >= 3

    def _run_width(self, run: list[int]) -> tuple[int | None, bool]:
        """Return the width to judge a run of joinable lines by (``run`` lists its breaks)."""
        lines = self.lines
        members = [*run, run[-1] + 1]
        own = max(lines.length(i) for i in members if " " in lines.stripped(i) or lines.length(i) <= MIN_WIDTH)
        doc = self.doc_width
        if self.options.width is None and len(run) >= 2 and own >= MIN_WIDTH:
            tolerance = _tolerance(own)
            if (doc is None or own < doc - tolerance or own > doc) and self._self_wrapped(run, own):
                return own, True
        return doc, self.doc_strong

    def _self_wrapped(self, run: list[int], width: int) -> bool:
        """Whether every break of a run fits ``width`` and reads like prose (not verse)."""
        lines = self.lines
        prose_like = 0
        for a in run:
            if not self._fits(a, a + 1, width):
                return False
            if not _SENTENCE_END.search(lines.stripped(a)) and not _CLAUSE_END.search(lines.stripped(a)):
                prose_like += 1
            elif _starts_lower(lines.stripped(a + 1)):
                prose_like += 1
        return prose_like >= 0.75 * len(run)

    def joins(self) -> dict[int, str]:
        """Return the breaks to join, by the index of the line before them, with their rule."""
        lines = self.lines
        found: dict[int, str] = {}
        run: list[int] = []
        run_of: dict[int, tuple[int | None, bool, int]] = {}  # line -> (width, strong, lines in its run)
        for position, a in enumerate(self.pairs):
            run.append(a)
            if position + 1 < len(self.pairs) and self.pairs[position + 1] == a + 1:
                continue
            width, strong = self._run_width(run)
            for member in [*run, a + 1]:
                run_of[member] = (width, strong, len(run) + 1)
            for index in run:
                if self._join_single(index, width, strong):
                    found[index] = "line-wrap"
            run = []
        if self.options.mend_blank_lines:
            for a in range(len(lines.kind) - 2):
                if lines.kind[a + 1] is _Kind.BLANK and self._mend_blank(a, a + 2, run_of):
                    found[a] = "blank-line-in-sentence"
        return found

    def _join_single(self, a: int, width: int | None, strong: bool) -> bool:
        lines = self.lines
        if width is None or not self._fits(a, a + 1, width):
            return False
        if lines.kind[a + 1] is _Kind.ITEM or not strong:
            # a weak width, or a list marker after the break: the words must say "same sentence" too
            return not _SENTENCE_END.search(lines.stripped(a)) or _starts_lower(lines.stripped(a + 1))
        return True

    def _mend_blank(self, a: int, b: int, run_of: dict[int, tuple[int | None, bool, int]]) -> bool:
        """Whether a blank line between lines ``a`` and ``b`` broke a sentence."""
        lines = self.lines
        if lines.kind[a] is not _Kind.TEXT or lines.kind[b] is not _Kind.TEXT:
            return False
        if lines.depth[a] != lines.depth[b] or lines.indent[a] != lines.indent[b] or lines.hard_break[a]:
            return False
        before, after = lines.stripped(a), lines.stripped(b)
        if _CLAUSE_END.search(before):
            return False
        width, strong, run_size = run_of.get(a, (self.doc_width, self.doc_strong, 1))
        lower = _starts_lower(after)
        if width is None:
            return lower and len(before) >= MIN_BLANK_MEND_LENGTH and before.count(" ") >= 5
        if not self._fits(a, b, width):
            return False
        return lower or (strong and run_size >= 2)


def _starts_lower(stripped: str) -> bool:
    """Whether the first letter of a line is lower case (a line of a caseless script counts as such)."""
    match = _FIRST_LETTER.match(stripped)
    if match is None:
        return False
    letter = match.group(1)
    return letter.islower() or not letter.isupper()


def find_linewrap_edits(text: str, options: LinewrapOptions = LinewrapOptions()) -> list[Edit]:
    """Find the edits that rejoin wrapped lines of ``text`` (see :func:`join_wrapped_lines`)."""
    if "\n" not in text:
        return []
    unwrapper = _Unwrapper(text, options)
    edits = []
    for a, rule in sorted(unwrapper.joins().items()):
        b = a + 1 if rule == "line-wrap" else a + 2
        edits.append(_join_edit(unwrapper, a, b, rule))
    return edits


def _join_edit(unwrapper: _Unwrapper, a: int, b: int, rule: str) -> Edit:
    """Build the edit that joins line ``a`` to line ``b``: a space, nothing, or a hyphen undone."""
    lines = unwrapper.lines
    text = lines.text
    start, end = lines.end[a], lines.body[b]
    new = " "
    last = text[start - 1]
    if last in _LINE_END_HYPHENS and start - 1 > lines.body[a] and not text[start - 2].isspace():
        before = text[lines.body[a] : start]
        left = before[before.rfind(" ") + 1 :]
        after = lines.stripped(b)
        right = after.split(" ", 1)[0]
        if last == "\u00ad":
            verdict = Hyphen.SOFT
        elif unwrapper.options.hyphens == "keep":
            verdict = Hyphen.HARD
        else:
            verdict = unwrapper.judge.judge(left, right, before + " " + after)
        if verdict is Hyphen.SOFT:
            start, new, rule = start - 1, "", "soft-hyphen"
        elif verdict is Hyphen.HARD:
            new, rule = "", "hyphenated-word"
        else:
            rule = "suspended-hyphen"
    elif _NO_SPACE_SCRIPT.match(last) and _NO_SPACE_SCRIPT.match(text[end : end + 1]):
        new = ""
    return Edit(start, end, new, rule, text[start:end])


def join_wrapped_lines(
    text: str, *, width: int | None = None, mend_blank_lines: bool = True, hyphens: Literal["evidence", "keep"] = "evidence"
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

    >>> join_wrapped_lines("It was a dark and stormy night; the rain fell in\\n"
    ...                    "torrents, except at occasional intervals, when it\\n"
    ...                    "was checked by a violent gust of wind.\\n")
    'It was a dark and stormy night; the rain fell in torrents, except at occasional intervals, when it was checked by a violent gust of wind.\n'
    >>> join_wrapped_lines("Shopping list:\\n- bread\\n- milk")
    'Shopping list:\n- bread\n- milk'
    """
    options = LinewrapOptions(width=width, mend_blank_lines=mend_blank_lines, hyphens=hyphens)
    return apply_edits(text, find_linewrap_edits(text, options))
