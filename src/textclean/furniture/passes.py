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
matched here, in Python, and handed to it as the labels of the blocks they match. The core also
settles the verdicts (native/src/settle.rs): it finds the title, and runs the passes again over the
kept blocks until nothing more goes.

>>> from textclean.furniture.evidence import lexicon_evidence
>>> from textclean.furniture.strictness import Rules
>>> text = "* [Home](/)\n* [News](/news)\n\n" + "The council met on Monday and voted to keep the library open. " * 4
>>> settled = Classification(text, lexicon_evidence((), ()), Rules.of("normal"), 0.5).settle(keep_title=True)
>>> settled.title, settled.removed
(None, [(0, 'navigation', 'own-evidence'), (1, 'links', 'own-evidence')])
"""

from __future__ import annotations

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


class Settled(NamedTuple):
    """The settled classification of a document: its title's block, if one is, and the blocks that go."""

    title: int | None
    removed: list[tuple[int, str, str]]  # each block that goes: its index, the rule and the pass that removed it


class Classification:
    """The classification of a text's blocks: their own evidence read once, then the passes until they settle.

    The blocks are those of :func:`~textclean.furniture.blocks.native_blocks`; ``evidence`` gives the
    user's phrases and patterns (the built-in lexicon is read by the core); with ``keep_comments`` a
    thread of comments keeps its bodies. The document's prose, the yardstick of its stopword shares,
    is read from all its blocks, so that a part of the document is measured against the whole of it.
    """

    def __init__(
        self, text: str, evidence: Evidence, rules: Rules, max_link_density: float, *, keep_comments: bool = False
    ) -> None:
        labels = evidence.user_labels(text)
        stopwords = word_set(document_stopwords(text))
        settings = classification_settings(rules, max_link_density, keep_comments)
        self._native = _native.Classification(native_blocks(text), native_lexicon(), stopwords, labels, settings)

    def settle(self, *, keep_title: bool) -> Settled:
        """Run the passes over every block, then again over the kept ones, until nothing more goes.

        The title (the first heading-like block before the prose) is kept with ``keep_title``, and
        removed without it, whatever the later passes say.
        """
        return Settled(*self._native.settle(keep_title))


def classification_settings(
    rules: Rules, max_link_density: float, keep_comments: bool
) -> tuple[bool, bool, bool, bool, bool, float, bool]:
    """Return the settings of the native classification: what the strictness allows, and the options."""
    return (
        rules.neighbours,
        rules.position,
        rules.prose_outside_run,
        rules.near_prose_among_furniture,
        rules.unproven_long_blocks,
        float(max_link_density),
        keep_comments,
    )
