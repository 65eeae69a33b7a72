r"""Remove what pagination adds to a text: running headers and footers, page numbers, form feeds.

Text from a PDF, a paginated specification or a printed report carries the furniture of its pages:
a header and a footer repeated on every page ("RFC 9110  HTTP Semantics  June 2022", "Smith et
al.  Standards Track  [Page 12]"), a page number alone on a line, a form feed between pages, and a
paragraph (or a word, hyphenated) that a page break cut in two. This step finds the page breaks,
removes the furniture around each and puts the two halves of a paragraph back together.

Page breaks are form feeds; in a text without them, a short line that comes back at a regular
spacing (every 20 lines or more, at least three times) with a number that grows from page to page
("[Page 12]", "- 13 -") marks them, if at least one of these breaks falls inside a paragraph (pages
are filled to the bottom; numbered lines that only ever stand between paragraphs number a list).
Around each break the blocks of :func:`textclean.furniture.blocks.split_blocks` are read outwards from the
break: a short block is furniture while its text (digits aside) stands by ``min_repeats`` breaks
or more, and by two in five of them at least, and mostly there (a line of dialogue by two breaks
of a novel is not a header), or, next to a break, is a page number; the first block that is
neither is the page's text, and the reading stops there. A block that goes on a sentence in lower
case, or starts a wrapped paragraph, is text. The start and the end of the text are read the same
way for the headers and footers found by the breaks (a title at the start stays unless it runs).

Where the text before a break does not end a sentence and the text after it goes on (in lower
case, or after a comma, a hyphen or a function word), the paragraph goes on: the break becomes
the line break of a wrapped line (``linewrap``, after this step, rejoins the lines and judges a
hyphen at the line end, as at any other wrap); between lines longer than a wrapped line it becomes
a space, or nothing in place of the hyphen of a word split in two. Elsewhere it becomes a blank
line, a paragraph break.

>>> page = "The committee met on Tuesday and agreed to\n\n- 1 -\n\f\nraise the spending on schools.\n"
>>> remove_page_furniture(page)
'The committee met on Tuesday and agreed to\nraise the spending on schools.\n'
"""

from __future__ import annotations

import bisect
from collections import Counter
from dataclasses import dataclass

import regex

from textclean import _native
from textclean.edits import Edit, apply_edits
from textclean.furniture.blocks import WRAPPED_LINE_MAX, WRAPPED_LINE_MIN, Block, split_blocks
from textclean.hyphenation import Hyphen, HyphenJudge
from textclean.registry import NativeStep
from textclean.text.languages import stopwords

FORM_FEED = "\f"
MIN_BREAK_LINES = 3  # a text without form feeds marks its pages by a line that comes back this often ...
MIN_PAGE_LINES = 20  # ... this many lines apart or more (a page; a refrain or a list item comes back sooner)
MIN_EDGE_SHARE = 0.4  # a running header stands by this share of the pages or more (alternating ones by half)
EDGE_BLOCKS = 3  # the most blocks of furniture on one side of a break (a two-line header and a number)
MAX_FURNITURE_LINES = 3  # furniture is short: a block of more lines, or ...
MAX_FURNITURE_LENGTH = 160  # ... of more characters, is the page's text
_CONTEXT = 400  # characters on each side of a split word that tell its language

_DIGITS = regex.compile(r"\d+")
_FORM_FEEDS = regex.compile(FORM_FEED)
# a page number alone: "12", "- 12 -", "[12]", "Page 12", "page 12 of 40", "12 / 40", "xii"
_PAGE_NUMBER = regex.compile(
    r"(?:(?:page|p\.|seite|página|pagina|strona|blz\.)[ \t]*)?[\[(—–-]?[ \t]*(?:\d{1,4}|[ivxlc]{1,7})[ \t]*[\])—–-]?"  # noqa: RUF001
    r"(?:[ \t]*(?:of|/|von|de|di|sur|z|van)[ \t]*\d{1,4})?",
    regex.IGNORECASE,
)
# the end of a paragraph's last sentence, before closing quotes and brackets
_PARAGRAPH_END = regex.compile(r"[.!?:…。！？][\"'”’»)\]]*+\Z")  # noqa: RUF001
_FIRST_LETTER = regex.compile(r"[\"'“‘«„(]*+(\p{L})")  # noqa: RUF001
_SPLIT_WORD = regex.compile(r"(?<=\p{L})-\Z")


@dataclass(frozen=True)
class PagesOptions:
    """Options of :func:`remove_page_furniture`."""

    min_repeats: int = 2  # page breaks a header or footer stands by; 2: the least that shows a repeat

    def __post_init__(self) -> None:
        if not isinstance(self.min_repeats, int) or isinstance(self.min_repeats, bool) or self.min_repeats < 2:
            raise ValueError(f"min_repeats must be an integer >= 2, not {self.min_repeats!r}")


@dataclass(frozen=True)
class _Break:
    """A page break: a form feed at ``position``, or a running line that is the block ``block``."""

    position: int
    block: int | None = None


def find_pages_edits(text: str, options: PagesOptions = PagesOptions()) -> list[Edit]:
    """Find the edits that remove page furniture from ``text`` (see :func:`remove_page_furniture`)."""
    if FORM_FEED in text:
        breaks = [_Break(match.start()) for match in _FORM_FEEDS.finditer(text)]
    else:
        breaks = _running_line_breaks(text)
    if not breaks:
        return []
    # a form feed ends a block: the same offsets, with the feed read as a line break
    blocks = split_blocks(text.replace(FORM_FEED, "\n"))
    edits = _PageReader(text, blocks, options).edits(breaks)
    if FORM_FEED not in text and not any("split-" in edit.rule for edit in edits):
        # pages are filled to the bottom, so a page break falls inside a paragraph now and then; a
        # numbered line that only ever stands between paragraphs numbers them (a ranked list)
        return []
    return edits


def native_step(options: PagesOptions) -> NativeStep:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``).

    The core runs it only where a text has no form feed and no line that marks pages (none at all in a text
    too short for pages); elsewhere it hands the text back for this step. The options weigh only the
    furniture around the page breaks, so the test is the same for all.
    """
    return ("pages", (MIN_BREAK_LINES * MIN_PAGE_LINES, MIN_BREAK_LINES, MIN_PAGE_LINES, MAX_FURNITURE_LENGTH))


class _PageReader:
    """Read the blocks around the page breaks of one text and write the edits that remove their furniture."""

    def __init__(self, text: str, blocks: tuple[Block, ...], options: PagesOptions) -> None:
        self.text = text
        self.lines_text = text.replace(FORM_FEED, "\n")  # where lines start and end: a form feed ends one
        self.blocks = blocks
        self.options = options
        self.starts = [block.start for block in blocks]
        self.keys = [_key(block) for block in blocks]
        self.page_numbers = [bool(_PAGE_NUMBER.fullmatch(block.visible)) for block in blocks]
        self.judge: HyphenJudge | None = None

    def edits(self, breaks: list[_Break]) -> list[Edit]:
        """Return one edit per page break (breaks without a page between them make one)."""
        sides = [self._sides(page_break) for page_break in breaks]
        # the text's start and end are page edges too (the first page's header, the last page's footer),
        # but only breaks tell what runs: a title at the start may come back over a section once
        count = len(self.blocks)
        head, tail = list(range(min(EDGE_BLOCKS, count))), list(range(count - 1, max(count - EDGE_BLOCKS, 0) - 1, -1))
        # the short blocks next to each break, up to the page's text; a block by two breaks counts once
        by_edges = {index for after, before in sides for index in _edge(after, self.keys) + _edge(before, self.keys)}
        at_edges = Counter(self.keys[index] for index in by_edges)
        anywhere = Counter(self.keys)
        # furniture stands by many page edges (a title repeated over a section does not), and mostly
        # there ("Yes." by two edges of a novel is dialogue)
        fewest = max(self.options.min_repeats, MIN_EDGE_SHARE * len(breaks))
        running = {key for key, edges in at_edges.items() if edges >= fewest and 2 * edges >= anywhere[key]}
        found: list[tuple[int, int, list[tuple[int, str]]]] = []  # last block kept before, first after, removed
        for page_break, (after, before) in zip(breaks, sides, strict=True):
            footers, headers = self._furniture(before, running), self._furniture(after, running)
            removed = [(index, "running-footer") for index in footers] + [
                (index, "running-header") for index in headers
            ]
            if page_break.block is not None:  # a running line: a footer over the next page's header, or a header
                last = len(self.blocks) - 1
                side = "running-footer" if headers or page_break.block == last else "running-header"
                side = side if headers or footers or page_break.block in (0, last) else "running-line"
                removed.append((page_break.block, side))
            removed = sorted((index, self._rule(index, rule)) for index, rule in removed)
            first_after = self._block_at(page_break.position) if page_break.block is None else page_break.block + 1
            kept_before = min([index for index, _ in removed] + [first_after]) - 1
            kept_after = max([index for index, _ in removed] + [first_after - 1]) + 1
            found.append((kept_before, kept_after, removed))
        for edge, side in ((head, "running-header"), (tail, "running-footer")):
            removed_at_edge = self._furniture(edge, running, at_break=False)
            if removed_at_edge:
                first, last = min(removed_at_edge), max(removed_at_edge)
                found.append((first - 1, last + 1, [(index, self._rule(index, side)) for index in removed_at_edge]))
        found.sort()
        return [self._edit(*region) for region in _separate(found)]

    def _sides(self, page_break: _Break) -> tuple[list[int], list[int]]:
        """Return the blocks after and before a break, nearest first, as many as furniture may take."""
        if page_break.block is None:
            first_after = self._block_at(page_break.position)
            last_before = first_after - 1
        else:
            first_after, last_before = page_break.block + 1, page_break.block - 1
        after = list(range(first_after, min(first_after + EDGE_BLOCKS, len(self.blocks))))
        before = list(range(last_before, max(last_before - EDGE_BLOCKS, -1), -1))
        return after, before

    def _block_at(self, position: int) -> int:
        """Return the index of the first block that starts at ``position`` or after it."""
        return bisect.bisect_left(self.starts, position)

    def _furniture(self, nearest_first: list[int], running: set[str], *, at_break: bool = True) -> list[int]:
        """Return the blocks that are furniture, read outwards from a page edge until the page's text."""
        furniture = []
        for index in nearest_first:
            key = self.keys[index]
            if not key:
                break
            if key in running or (at_break and self.page_numbers[index]):
                furniture.append(index)
            else:
                break
        return furniture

    def _rule(self, index: int, side: str) -> str:
        return "page-number" if self.page_numbers[index] else side

    def _edit(self, kept_before: int, kept_after: int, removed: list[tuple[int, str]]) -> Edit:
        """Return the edit that replaces what lies between two blocks of the page's text."""
        text, blocks = self.text, self.blocks
        start = blocks[kept_before].end if kept_before >= 0 else 0
        if kept_after < len(blocks):  # from the line's start: the indentation stays
            end = self.lines_text.rfind("\n", 0, blocks[kept_after].start) + 1
        else:
            end = max([blocks[index].end for index, _ in removed] + [text.rfind(FORM_FEED) + 1, start])
        rules = dict.fromkeys(rule for _, rule in removed)
        if FORM_FEED in text[start:end]:
            rules["form-feed"] = None
        if kept_before < 0 or kept_after >= len(blocks):
            new = ""
        else:
            start, new, joint = self._joint(start, end)
            if joint:
                rules[joint] = None
        data = {"removed": [text[blocks[index].start : blocks[index].end] for index, _ in removed]}
        return Edit(start, end, new, "+".join(rules), text[start:end], data)

    def _joint(self, start: int, end: int) -> tuple[int, str, str]:
        """Return where the join starts, what joins the text before a break to the text after, and its rule."""
        text, lines_text = self.text, self.lines_text
        before = text[lines_text.rfind("\n", 0, start) + 1 : start]
        line_end = lines_text.find("\n", end)
        after = text[end : len(text) if line_end < 0 else line_end].lstrip()
        if not self._goes_on(before, after):
            return start, "\n\n", ""
        if len(before) <= WRAPPED_LINE_MAX and len(after) <= WRAPPED_LINE_MAX:
            return start, "\n", "split-paragraph"  # a wrapped line: linewrap rejoins it with the rest
        if _SPLIT_WORD.search(before):
            left = before[before.rfind(" ") + 1 :]
            right = after.split(" ", 1)[0]
            verdict = self._judge().judge(left, right, before[-_CONTEXT:] + " " + after[:_CONTEXT])
            if verdict is not Hyphen.SUSPENDED:  # one word: without the hyphen the wrap put in, or with its own
                return start - (verdict is Hyphen.SOFT), "", "split-word"
        return start, " ", "split-paragraph"

    def _goes_on(self, before: str, after: str) -> bool:
        """Whether the text after a page break goes on with the sentence before it."""
        if not before or not after or _PARAGRAPH_END.search(before):
            return False
        first = _FIRST_LETTER.match(after)
        if first is not None and first.group(1).islower():
            return True
        last_word = before[before.rfind(" ") + 1 :]
        return last_word[-1] in ",-" or (last_word.islower() and last_word in stopwords(self._judge().language(before)))

    def _judge(self) -> HyphenJudge:
        """Return the judge of the text's hyphens and language, made when first asked for."""
        if self.judge is None:
            self.judge = HyphenJudge(self.text)
        return self.judge


def _separate(regions: list[tuple[int, int, list[tuple[int, str]]]]) -> list[tuple[int, int, list[tuple[int, str]]]]:
    """Merge regions that overlap (a text's first header beside its first break), in order."""
    merged: list[tuple[int, int, list[tuple[int, str]]]] = []
    for kept_before, kept_after, removed in regions:
        if merged and kept_before < merged[-1][1]:
            first, last, earlier = merged.pop()
            merged.append((min(first, kept_before), max(last, kept_after), sorted({*earlier, *removed})))
        else:
            merged.append((kept_before, kept_after, removed))
    return merged


def _edge(nearest_first: list[int], keys: list[str]) -> list[int]:
    """Return the blocks by a page edge, nearest first, up to the first that cannot be furniture."""
    found = []
    for index in nearest_first:
        if not keys[index]:
            break
        found.append(index)
    return found


def _short(visible: str) -> bool:
    """Whether a block's text is short enough to be furniture."""
    return len(visible) <= MAX_FURNITURE_LENGTH and visible.count("\n") < MAX_FURNITURE_LINES


def _key(block: Block) -> str:
    """Return what a block says as furniture: its words with digits as '#'; '' for a block that cannot be furniture.

    Furniture is short, and a line of it does not go on a sentence in lower case, nor is it the
    first line of a wrapped paragraph (the last lines of a page, the first of the next).
    """
    visible = block.visible
    if not _short(visible):
        return ""
    newline = visible.find("\n")
    if newline >= WRAPPED_LINE_MIN:
        return ""
    key = " ".join(_DIGITS.sub("#", visible).casefold().split())
    first = _FIRST_LETTER.match(visible)
    if first is not None and first.group(1).islower() and not _PAGE_NUMBER.fullmatch(visible):
        return ""
    return key


def _running_line_breaks(text: str) -> list[_Break]:
    """Return the page breaks that a running line marks in a text without form feeds."""
    if text.count("\n") < MIN_BREAK_LINES * MIN_PAGE_LINES:
        return []
    # a short line with a number and no markup (a link, a table row, a list item) that comes back at a
    # regular spacing, its number growing from page to page
    running = _native.running_lines(text, MIN_BREAK_LINES, MIN_PAGE_LINES, MAX_FURNITURE_LENGTH)
    if not running:
        return []
    lines = text.split("\n")
    blocks = split_blocks(text)
    line_starts = [0]
    for line in lines[:-1]:
        line_starts.append(line_starts[-1] + len(line) + 1)
    starts = [block.start for block in blocks]
    marked = set()
    for found in running:
        for index in found:
            position = line_starts[index] + len(lines[index]) - len(lines[index].lstrip())
            block = bisect.bisect_left(starts, position)
            if block < len(blocks) and blocks[block].start == position and _short(blocks[block].visible):
                marked.add(block)  # the line, or the line with the next page's header under it
    return [_Break(blocks[index].start, index) for index in sorted(marked)]


def remove_page_furniture(text: str, *, min_repeats: int = 2) -> str:
    r"""Remove running headers and footers, page numbers and form feeds; rejoin what a page break split.

    Args:
        min_repeats: how many page breaks a header or footer must stand by to be taken for one (it
            must also stand by two in five of them, or more).

    >>> words = ["The orchard survey began in spring.", "It counted nests.", "It ended in the autumn."]
    >>> pages = "\f".join(f"Journal of Examples, Vol. 3\n\n{text}\n\n{n}\n" for n, text in enumerate(words, 1))
    >>> print(remove_page_furniture(pages))
    The orchard survey began in spring.
    <BLANKLINE>
    It counted nests.
    <BLANKLINE>
    It ended in the autumn.
    <BLANKLINE>
    """
    return apply_edits(text, find_pages_edits(text, PagesOptions(min_repeats=min_repeats)))
