r"""The block classifier: an ordered list of named passes over the table of block features.

The classifier follows jusText (Pomikálek, 2011) on text instead of HTML. Each pass reads the
feature table (the blocks, and the verdicts of the passes before it) and writes verdicts, each
with the rule that fired; the verdict keeps the name of the pass that wrote it, so ``explain``
can say which pass removed a block. The whole algorithm is :data:`PASSES`:

1. ``own-evidence``: every block gets a class from its own features (link density, length,
   stopword share, sentence punctuation, the furniture lexicon);
2. ``repeats``: a prose block printed again goes after its first appearance;
3. ``neighbours``: blocks in doubt are settled by the sure blocks around them;
4. ``position``: blocks in doubt outside the article's run (the most prose net of furniture) go;
   the run ends at the article's last text unless the lines after it carry content;
5. ``teaser-cards``: a run of headline-and-summary cards that closes the text goes;
6. ``slideshow``: a gallery (counters "n/m" over captions, again and again) goes, wherever it stands;
7. ``comments``: a thread of comments (time stamps over short texts, again and again) goes;
8. ``author-note``: notes about the author that close the text go;
9. ``after-article``: lines of plain words after the run's last paragraph that lead to no text go;
10. ``short-document``: a document of a sentence or two is kept whole.

The passes run in the native core (native/src/classify.rs), over the blocks as
:func:`~textclean.furniture.blocks.split_blocks` gives them; the user's phrases and patterns are
matched here, in Python, and handed to it as the labels of the blocks they match.

>>> from textclean.furniture.evidence import lexicon_evidence
>>> from textclean.furniture.strictness import Rules
>>> text = "* [Home](/)\n* [News](/news)\n\n" + "The council met on Monday and voted to keep the library open. " * 4
>>> classification = Classification(text, lexicon_evidence((), ()), Rules.of("normal"), 0.5)
>>> [(v.kind.value, v.rule, v.by) for v in classification.verdicts(range(3))]
[('bad', 'navigation', 'own-evidence'), ('bad', 'links', 'own-evidence'), ('good', 'prose', 'own-evidence')]
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import NamedTuple

from textclean import _native
from textclean.furniture.blocks import native_blocks, word_set
from textclean.furniture.evidence import Evidence, native_lexicon
from textclean.furniture.lexicon import document_stopwords
from textclean.furniture.strictness import Rules

# The classifier's passes, in order: ``explain`` reports the name of the pass that removed a block.
PASSES = (
    "own-evidence",
    "repeats",
    "neighbours",
    "position",
    "teaser-cards",
    "slideshow",
    "comments",
    "author-note",
    "after-article",
    "short-document",
)
# A headline or a card's head line is at most this long, in words (the native core's figure).
HEAD_WORDS = _native.HEAD_WORDS
# Rules that drop a block for its neighbours or its place, not for evidence of its own.
IN_DOUBT = ("among-furniture", "outside-article")


class BlockClass(enum.Enum):
    """What a block is, as far as the classifier can tell."""

    GOOD = "good"  # article text
    NEAR_GOOD = "near-good"  # prose-like, but not certain alone
    SHORT = "short"  # too short to tell alone
    BAD = "bad"  # furniture


# The classes in the order the native core numbers them.
NATIVE_CLASSES = (BlockClass.GOOD, BlockClass.NEAR_GOOD, BlockClass.SHORT, BlockClass.BAD)


class Verdict(NamedTuple):
    """The class of a block, the rule that gave it, and the pass that wrote it (a tuple: thousands per page)."""

    kind: BlockClass
    rule: str
    by: str = "own-evidence"


class Classification:
    """The classification of a text's blocks: their own evidence read once, the passes run on any of them.

    The blocks are those of :func:`~textclean.furniture.blocks.native_blocks`; ``evidence`` gives the
    user's phrases and patterns (the built-in lexicon is read by the core); with ``keep_comments`` a
    thread of comments keeps its bodies. The document's prose, the yardstick of its stopword shares,
    is read from all its blocks, so that a part of the document is measured against the whole of it.
    """

    def __init__(
        self, text: str, evidence: Evidence, rules: Rules, max_link_density: float, *, keep_comments: bool = False
    ) -> None:
        settings = (
            rules.neighbours,
            rules.position,
            rules.prose_outside_run,
            rules.near_prose_among_furniture,
            rules.unproven_long_blocks,
            float(max_link_density),
            keep_comments,
        )
        labels = evidence.user_labels(text)
        stopwords = word_set(document_stopwords(text))
        self._native = _native.Classification(native_blocks(text), native_lexicon(), stopwords, labels, settings)

    def verdicts(self, indices: Iterable[int]) -> list[Verdict]:
        """Return the verdicts of :data:`PASSES` over the blocks at ``indices``, in order, as if they were the text."""
        return [_VERDICTS.get(row) or _verdict(row) for row in self._native.classify(list(indices))]


# The verdicts made so far, by the native core's answer: a few dozen, given thousands of times a page.
_VERDICTS: dict[tuple[int, str, str], Verdict] = {}


def _verdict(row: tuple[int, str, str]) -> Verdict:
    kind, rule, by = row
    verdict = _VERDICTS[row] = Verdict(NATIVE_CLASSES[kind], rule, by)
    return verdict
