r"""Split text into blocks and measure what a boilerplate classifier needs to know of each.

A block is a paragraph or a run of lines that belong together: a blank line, a list item or a
heading starts a new block, and so does a line after a short one (a menu of one word per line is
many blocks, a paragraph hard-wrapped at 78 columns is one). For each block the features that
jusText uses on HTML are measured on the text: its length in words, its share of function words
(stopwords), its share of link text (read with the shared markup tokenizer, so link markup is
evidence while it is still there), and whether it ends like a sentence.

>>> [b.visible for b in split_blocks("# Title\n\n* [Home](/)\n* [News](/news)\n\nA real paragraph.")]
['Title', 'Home', 'News', 'A real paragraph.']
>>> block = split_blocks("Read the [full story](/story) here, it is in the paper.")[0]
>>> block.words, block.stopwords, round(block.link_share, 2), block.sentence_end
(10, 5, 0.25, True)
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

import regex

from textclean.furniture.lexicon import (
    DAY_AND_MONTH,
    ITEM_MARKER,
    MAYBE_WIDE,
    SENTENCE_END,
    WIDE,
    WORD,
    document_stopwords,
)
from textclean.text.markup_tokens import IMAGE_KINDS, LINK_KINDS, tokenize_links, tokenize_markup

# A line of this length (without its indentation) may be hard-wrapped, so the next line goes on with
# the same block; after a shorter line, or a longer one (a paragraph on one line), a new block
# starts. html2text wraps at 78 columns, mail and terminals at 72 to 80.
WRAPPED_LINE_MIN = 50
WRAPPED_LINE_MAX = 100
# Where a furniture phrase can start: a word, a copyright sign or an opening parenthesis.
_PHRASE_START = regex.compile(r"[\w©(]")
# Sentence punctuation and the closing quotes and brackets after it are within this many characters
# of a block's end: only there is it looked for.
_END_CHARS = 12
# Spaces and tabs, as stripped from the ends of lines.
_BLANKS = " \t\r\f\v"


class Block(NamedTuple):
    """A block of text and its features.

    ``start:end`` is its span in the text: its lines, without the final line break. A named tuple,
    not a frozen dataclass: a page holds hundreds of blocks, read again at every step and round.
    """

    start: int
    end: int
    visible: str  # what a reader sees: link text kept, images and URLs dropped, escapes undone
    words: int
    stopwords: int
    link_share: float  # share of the visible characters that are link text (0..1)
    has_links: bool  # it holds link or image markup
    list_item: bool
    heading: bool
    sentence_end: bool  # its visible text ends with sentence punctuation
    size: int  # length of the visible text; a CJK character counts as three (it says as much as a word)

    @property
    def stopword_share(self) -> float:
        """The share of the block's words that are stopwords (0 for a block without words)."""
        return self.stopwords / self.words if self.words else 0.0


@lru_cache(maxsize=4)
def split_blocks(text: str) -> tuple[Block, ...]:
    """Split ``text`` into blocks, in order, each with its features.

    A block never ends inside a piece of markup: lines that a link spans stay one block. The last
    few results are kept: ``footer`` and ``boilerplate`` often read the same text one after the
    other.
    """
    spans = _block_spans(text)
    stopwords = document_stopwords(text)
    tokens = tokenize_links(text) if spans else []
    if not tokens:
        return tuple(Block(start, end, *_measure(text[start:end], (), stopwords)) for start, end in spans)
    blocks = []
    index = 0
    count = 0
    while count < len(spans):
        start, end = spans[count]
        count += 1
        while index < len(tokens) and tokens[index].start < start:
            index += 1
        first = index
        while index < len(tokens) and tokens[index].start < end:
            if tokens[index].end > end and count < len(spans):
                end = spans[count][1]  # the token goes on into the next block: take it in
                count += 1
                continue
            index += 1
        inner = (
            tuple((token.kind, token.start - start, token.end - start, token.text) for token in tokens[first:index])
            if index > first
            else ()
        )
        blocks.append(Block(start, end, *_measure(text[start:end], inner, stopwords)))
    return tuple(blocks)


def _block_spans(text: str) -> list[tuple[int, int]]:
    """Return the spans of the blocks: runs of non-blank lines, split after short lines."""
    spans = []
    block_start = -1
    block_end = 0
    previous_long = False
    previous_indent = 0
    pos = 0
    for line in text.split("\n"):
        stripped = line.strip(_BLANKS)
        if not stripped:
            if block_start >= 0:
                spans.append((block_start, block_end))
                block_start = -1
        else:
            indent = line.index(stripped[0])
            goes_on = previous_long and abs(indent - previous_indent) <= 4 and not ITEM_MARKER.match(line)
            if block_start >= 0 and not goes_on:
                spans.append((block_start, block_end))
                block_start = -1
            if block_start < 0:
                block_start = pos + indent
            block_end = pos + indent + len(stripped)
            previous_long = WRAPPED_LINE_MIN <= len(stripped) <= WRAPPED_LINE_MAX
            previous_indent = indent
        pos += len(line) + 1
    if block_start >= 0:
        spans.append((block_start, block_end))
    return spans


_FORMATTING = frozenset({"emphasis", "empty_emphasis", "tag"})  # markup that hides no words


# The features of the blocks measured last: a pipeline's later steps and rounds read most blocks
# again unchanged (``footer`` cuts a tail, ``boilerplate`` drops blocks, the next round confirms).
@lru_cache(maxsize=8192)
def _measure(
    text: str, tokens: tuple[tuple[str, int, int, str], ...], stopwords: frozenset[str]
) -> tuple[str, int, int, float, bool, bool, bool, bool, int]:
    """Return the features of a block (see :class:`Block`).

    They are read from its text, its tokens (kind, span, text) and the document's stopwords.
    """
    marker = None if DAY_AND_MONTH.match(text) else ITEM_MARKER.match(text)  # "22. August 2018" is a date
    heading = marker is not None and "#" in marker.group()
    parts = []
    link_chars = 0
    has_links = False
    pos = marker.end() if marker else 0
    for kind, start, end, token_text in tokens:
        if start < pos or end > len(text):
            continue  # a token reaching over the block's edge: its text stays as written
        parts.append(text[pos:start])
        if kind != "definition":
            parts.append(token_text)
        if kind in LINK_KINDS:
            link_chars += _visible_length(token_text)
            has_links = True
        elif kind in IMAGE_KINDS or kind == "definition":
            has_links = True
        pos = end
    parts.append(text[pos:])
    visible = _without_formatting("".join(parts)).strip()
    words = WORD.findall(visible.casefold())
    visible_chars = _visible_length(visible)
    wide = _wide_count(visible)
    return (
        visible,
        _word_count(words, wide) if wide else len(words),
        sum(map(stopwords.__contains__, words)),
        min(1.0, link_chars / visible_chars) if visible_chars else (1.0 if has_links else 0.0),
        has_links,
        marker is not None and not heading,
        heading,
        bool(SENTENCE_END.search(visible, max(0, len(visible) - _END_CHARS))),
        len(visible) + 2 * wide,
    )


def count_words(text: str) -> int:
    """Count the words of a text; in scripts written without spaces, two characters make a word.

    >>> count_words("The old harbour"), count_words("港口重新开放"), count_words("Das 港口")
    (3, 3, 2)
    """
    words = WORD.findall(text)
    wide = _wide_count(text)
    return _word_count(words, wide) if wide else len(words)


def _wide_count(text: str) -> int:
    """Count the characters of scripts written without spaces in a text (most texts have none)."""
    return 0 if text.isascii() or not MAYBE_WIDE.search(text) else len(WIDE.findall(text))


def _word_count(words: list[str], wide: int) -> int:
    """Count words where ``wide`` characters of scripts without spaces stand among them: two make a word."""
    spaced = sum(1 for word in words if not WIDE.search(word))
    return spaced + (wide + 1) // 2


def _without_formatting(text: str) -> str:
    """Drop emphasis and stray tags, so that rules read the words as they stand after the ``markup`` step."""
    if "*" not in text and "_" not in text and "<" not in text:
        return text
    parts = []
    pos = 0
    for token in tokenize_markup(text, _FORMATTING):
        parts.append(text[pos : token.start])
        parts.append(token.text)
        pos = token.end
    parts.append(text[pos:])
    return "".join(parts)


def _visible_length(text: str) -> int:
    return len(text) - text.count(" ") - text.count("\n") - text.count("\t")


def first_word_start(text: str) -> int:
    """Return where a phrase may start in ``text``: its first word, "©" or "(".

    The length of the text if it has none of them.

    >>> first_word_start("* © 2024 Example"), first_word_start("--")
    (2, 2)
    """
    match = _PHRASE_START.search(text)
    return len(text) if match is None else match.start()
