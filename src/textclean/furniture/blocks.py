r"""Split text into blocks and measure what a boilerplate classifier needs to know of each.

A block is a paragraph or a run of lines that belong together: a blank line, a list item or a
heading starts a new block, and so does a line after a short one (a menu of one word per line is
many blocks, a paragraph hard-wrapped at 78 columns is one). For each block the features that
jusText uses on HTML are measured on the text: its length in words, its share of function words
(stopwords), its share of link text (read with the shared markup tokenizer, so link markup is
evidence while it is still there), and whether it ends like a sentence. The native core splits the
text and measures every block in one call (native/src/blocks.rs).

>>> [b.visible for b in split_blocks("# Title\n\n* [Home](/)\n* [News](/news)\n\nA real paragraph.")]
['Title', 'Home', 'News', 'A real paragraph.']
>>> block = split_blocks("Read the [full story](/story) here, it is in the paper.")[0]
>>> block.words, block.stopwords, round(block.link_share, 2), block.sentence_end
(10, 5, 0.25, True)
"""

from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from textclean import _native
from textclean.furniture.lexicon import document_stopwords

# A line of this length (without its indentation) may be hard-wrapped, so the next line goes on with
# the same block; after a shorter line, or a longer one (a paragraph on one line), a new block
# starts. html2text wraps at 78 columns, mail and terminals at 72 to 80. The native core splits the
# blocks (native/src/blocks.rs); these are its figures.
WRAPPED_LINE_MIN = _native.WRAPPED_LINE_MIN
WRAPPED_LINE_MAX = _native.WRAPPED_LINE_MAX


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


def split_blocks(text: str) -> tuple[Block, ...]:
    """Split ``text`` into blocks, in order, each with its features.

    A block never ends inside a piece of markup: lines that a link spans stay one block. The last
    few results are kept: ``footer`` and ``boilerplate`` often read the same text one after the
    other.
    """
    return _rows(text)


def block_at(text: str, index: int) -> Block:
    """Return the block of ``text`` at ``index`` (as :func:`split_blocks` would), without reading the others."""
    return Block._make(native_blocks(text).row(index))


@lru_cache(maxsize=4)
def native_blocks(text: str) -> _native.Blocks:
    """Return the blocks of ``text`` as the native core keeps them: what its classifier reads and what removes them.

    The rows of :func:`split_blocks` are made from them only when asked for: a cleaner that explains
    nothing reads none, or a few.
    """
    return _native.split_blocks(text, word_set(document_stopwords(text)))


@lru_cache(maxsize=4)
def _rows(text: str) -> tuple[Block, ...]:
    return tuple(map(Block._make, native_blocks(text).rows()))


@lru_cache(maxsize=4)
def word_set(words: frozenset[str]) -> _native.WordSet:
    """Return a document's function words as the native core counts them (a few documents' worth kept)."""
    return _native.WordSet(words)


def count_words(text: str) -> int:
    """Count the words of a text; in scripts written without spaces, two characters make a word.

    >>> count_words("The old harbour"), count_words("港口重新开放"), count_words("Das 港口")
    (3, 3, 2)
    """
    return _native.count_words(text)


def first_word_start(text: str) -> int:
    """Return where a phrase may start in ``text``: its first word, "©" or "(".

    The length of the text if it has none of them.

    >>> first_word_start("* © 2024 Example"), first_word_start("--")
    (2, 2)
    """
    return _native.first_word_start(text)
