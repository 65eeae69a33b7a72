r"""Split text into blocks and measure what a boilerplate classifier needs to know of each.

A block is a paragraph or a run of lines that belong together: a blank line, a list item or a
heading starts a new block, and so does a line after a short one (a menu of one word per line is
many blocks, a paragraph hard-wrapped at 78 columns is one). For each block the features that
jusText uses on HTML are measured on the text: its length in words, its share of function words
(stopwords), its share of link text (read with the shared markup tokenizer, so link markup is
evidence while it is still there), and whether it ends like a sentence. The native core splits the
text and measures the words (native/src/blocks.rs).

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

from textclean import _native
from textclean.furniture.lexicon import document_stopwords
from textclean.text.markup_tokens import IMAGE_KINDS, LINK_KINDS, tokenize_links, tokenize_markup

# A line of this length (without its indentation) may be hard-wrapped, so the next line goes on with
# the same block; after a shorter line, or a longer one (a paragraph on one line), a new block
# starts. html2text wraps at 78 columns, mail and terminals at 72 to 80. The native core splits the
# blocks (native/src/blocks.rs); these are its figures.
WRAPPED_LINE_MIN = _native.WRAPPED_LINE_MIN
WRAPPED_LINE_MAX = _native.WRAPPED_LINE_MAX
# Where a furniture phrase can start: a word, a copyright sign or an opening parenthesis.
_PHRASE_START = regex.compile(r"[\w©(]")


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
    spans = _native.block_spans(text)
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
    marker = _native.block_marker(text)  # "22. August 2018" is a date, not a numbered item
    heading = marker is not None and marker[1]
    parts = []
    link_chars = 0
    has_links = False
    pos = marker[0] if marker else 0
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
    words, function_words, visible_chars, wide, sentence_end = _native.measure_text(visible, _word_set(stopwords))
    return (
        visible,
        words,
        function_words,
        min(1.0, link_chars / visible_chars) if visible_chars else (1.0 if has_links else 0.0),
        has_links,
        marker is not None and not heading,
        heading,
        sentence_end,
        len(visible) + 2 * wide,
    )


@lru_cache(maxsize=4)
def _word_set(words: frozenset[str]) -> _native.WordSet:
    """Return a document's function words as the native core counts them (a few documents' worth kept)."""
    return _native.WordSet(words)


def count_words(text: str) -> int:
    """Count the words of a text; in scripts written without spaces, two characters make a word.

    >>> count_words("The old harbour"), count_words("港口重新开放"), count_words("Das 港口")
    (3, 3, 2)
    """
    return _native.count_words(text)


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
