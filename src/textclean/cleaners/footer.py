r"""Find where the article ends and remove the tail of page furniture after it.

After the last paragraph of an article, scraped pages go on with comment sections, tag lines,
"The original source of this article is ...", author and media-contact notices, copyright lines
and lists of other articles. Such a tail begins with a recognisable line (``textclean.patterns``
holds the multilingual list); the cleaner cuts at the first of them that follows enough article
text, so that a marker in the page's header, or a quoted disclaimer inside the article (a long
paragraph, not a marker line), is never a cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

import regex

from textclean.blocks import Block, check_shared_options, first_word_start, guard_edit, split_blocks
from textclean.edits import Edit, apply_edits
from textclean.patterns import FOOTER_MARKERS, FURNITURE, WORD, phrase_pattern

Strictness = Literal["lenient", "normal", "strict"]

# A marker is a line, not a paragraph: at most this many words.
MARKER_WORDS = 15
# A block is article prose if it has at least this many words (or, in scripts without spaces,
# this many times five characters) and is not a link list.
PROSE_WORDS = 20
PROSE_MAX_LINK_SHARE = 0.5
# A footer line follows the article's last paragraph within this many blocks (share buttons, a
# signature line and the like may come between).
MAX_GAP = 15
# A tag or comment-count line directly followed by this many sentences of at least this many words
# (one block each) heads text rather than ends it: "Filed under: ..." or "12 Comments" above the
# article. An "About the author" line heads text too, but furniture text.
HEADER_LABELS = ("tags", "comments")
HEADED_TEXT_BLOCKS = 3
SENTENCE_BLOCK_WORDS = 10
# A related-list heading has at most this many words after its phrase ("More news from Rome").
HEADING_EXTRA_WORDS = 3
# Labels of the furniture lexicon that also end an article in strict mode.
STRICT_LABELS = ("share", "signup", "related")


@dataclass(frozen=True)
class FooterOptions:
    """Options of :func:`remove_footer`."""

    # recall first: "normal" cuts at the first footer line after the article; "lenient" only where
    # no paragraph of prose follows it; "strict" also at share and sign-up prompts
    strictness: Strictness = "normal"
    min_article_words: int = 50  # this much prose must come before a cut: a marker in the header is no end
    max_removed_share: float | None = None  # off: comment sections are often longer than the article
    phrases: tuple[str, ...] = ()  # the user's footer lines, matched as plain words at a line's start
    patterns: tuple[str, ...] = ()  # the user's regular expressions of footer lines

    def __post_init__(self) -> None:
        check_shared_options(self.strictness, self.max_removed_share, self.phrases, self.patterns)
        if not isinstance(self.min_article_words, int) or self.min_article_words < 0:
            raise ValueError(f"min_article_words must be an integer >= 0, not {self.min_article_words!r}")


def find_footer_edits(text: str, options: FooterOptions = FooterOptions()) -> list[Edit]:
    """Find the edits that remove the page's tail after the article (see :func:`remove_footer`)."""
    blocks = split_blocks(text)
    markers = _Markers(options)
    prose = [block.words if _is_prose(block) else 0 for block in blocks]
    cut, label = len(blocks), None
    # once a tail is cut, an earlier marker may end what is left: cut again until none does, so
    # that the cleaner is idempotent
    while True:
        found = _first_cut(blocks[:cut], prose[:cut], markers, options)
        if found is None:
            break
        cut, label = found
    if label is None:
        return []
    tail = blocks[cut:]
    if options.max_removed_share is not None:
        total = sum(block.words for block in blocks)
        share = sum(block.words for block in tail) / total if total else 0.0
        if share > options.max_removed_share:
            return [guard_edit("footer", share, options.max_removed_share)]
    return _tail_edits(text, blocks, cut, label)


def remove_footer(
    text: str,
    *,
    strictness: Strictness = "normal",
    min_article_words: int = 50,
    max_removed_share: float | None = None,
    phrases: Sequence[str] = (),
    patterns: Sequence[str] = (),
) -> str:
    r"""Remove what follows the article: comments, tags, source and copyright notices, related lists.

    The article ends where a footer line follows its text ("Leave a Comment", "Tags: ...",
    "Articles by: ...", "© 2024 ...", "Related articles"); that line and all after it go. It is
    wrong when a page puts such a line inside the article and goes on with it; set
    ``strictness="lenient"`` to cut only where no paragraph of prose follows.

    Args:
        strictness: ``"lenient"``, ``"normal"`` (recall first) or ``"strict"``.
        min_article_words: words of prose that must come before a cut.
        max_removed_share: if set, a text that would lose more than this share of its words is
            returned unchanged.
        phrases: more footer lines (plain words, matched at the start of a line).
        patterns: more footer lines, as regular expressions.

    >>> article = (
    ...     "The council voted on Tuesday to keep the library open for another year, after a "
    ...     "long debate in which residents spoke for and against the plan to close it.\n\n"
    ...     "The mayor said the money would come from the parks budget.\n\n"
    ...     "Tags: library, council\n\n"
    ...     "Leave a Comment\n"
    ... )
    >>> print(remove_footer(article, min_article_words=20))
    The council voted on Tuesday to keep the library open for another year, after a long debate
    in which residents spoke for and against the plan to close it.
    <BLANKLINE>
    The mayor said the money would come from the parks budget.
    <BLANKLINE>
    """
    options = FooterOptions(
        strictness=strictness,
        min_article_words=min_article_words,
        max_removed_share=max_removed_share,
        phrases=tuple(phrases),
        patterns=tuple(patterns),
    )
    return apply_edits(text, find_footer_edits(text, options))


def _first_cut(
    blocks: Sequence[Block], prose: Sequence[int], markers: _Markers, options: FooterOptions
) -> tuple[int, str] | None:
    """Return the first footer line after the article's text, and its label."""
    prose_after = sum(prose)
    prose_before = 0
    last_prose = -1  # the index of the last prose block so far
    for i, block in enumerate(blocks):
        prose_after -= prose[i]
        # the article is the larger part: a marker with much prose after it is in the page's
        # header, or inside the article (a box of related links between two paragraphs); and it
        # follows the article's text closely, not a run of menus, and does not head a text
        if (
            prose_before >= max(options.min_article_words, 2 * prose_after)
            and block.words <= MARKER_WORDS
            and i - last_prose <= MAX_GAP
        ):
            label = markers.label(block)
            if label in HEADER_LABELS and _heads_text(blocks, i + 1, options.min_article_words):
                label = None
            if label is not None and (options.strictness != "lenient" or not prose_after):
                return i, label
        if prose[i]:
            prose_before += prose[i]
            last_prose = i
    return None


class _Markers:
    """The footer lines of one set of options: the lexicon plus the user's phrases and patterns."""

    def __init__(self, options: FooterOptions) -> None:
        self.patterns = dict(FOOTER_MARKERS)
        if options.strictness == "strict":
            self.patterns.update((label, FURNITURE[label]) for label in STRICT_LABELS)
        user = phrase_pattern(options.phrases, literal=True)
        if user is not None:
            self.patterns["user-phrase"] = user
        self.user_patterns = [regex.compile(p, regex.IGNORECASE) for p in options.patterns]

    def label(self, block: Block) -> str | None:
        """Return the label of the footer line a block is, or ``None``."""
        visible = block.visible
        for pattern in self.user_patterns:
            if pattern.search(visible):
                return "user-pattern"
        start = first_word_start(visible)
        for label, pattern in self.patterns.items():
            match = pattern.match(visible, start)
            if match is not None and (label != "related" or _is_heading_rest(visible[match.end() :])):
                return label
        return None


def _is_heading_rest(rest: str) -> bool:
    """Tell whether what follows a related-list phrase leaves it a heading ("More news from Rome").

    A phrase that introduces one title ("See also: The old bridge") is a cross-reference inside
    the article, not the head of a list after it.
    """
    words = WORD.findall(rest)
    return len(words) <= HEADING_EXTRA_WORDS and not (":" in rest and words)


def _heads_text(blocks: Sequence[Block], start: int, min_words: int) -> bool:
    """Tell whether the blocks from ``start`` on open with a run of text: several sentences, enough words.

    Page furniture follows the end of an article (share buttons, a comment form, an author's
    name); a line followed at once by paragraph after paragraph is where a text starts.
    """
    count = words = 0
    for block in blocks[start:]:
        sentence = block.sentence_end and block.words >= SENTENCE_BLOCK_WORDS
        if not sentence or block.link_share > PROSE_MAX_LINK_SHARE:
            break
        count += 1
        words += block.words
    return count >= HEADED_TEXT_BLOCKS and words >= min_words


def _is_prose(block: Block) -> bool:
    return (block.words >= PROSE_WORDS or block.size >= 5 * PROSE_WORDS) and (block.link_share <= PROSE_MAX_LINK_SHARE)


def _tail_edits(text: str, blocks: Sequence[Block], cut: int, label: str) -> list[Edit]:
    """Return one edit per removed block, the first named after the footer line that ends the article.

    The break before the tail goes with it; a final line break stays.
    """
    edits = []
    start = blocks[cut - 1].end if cut > 0 else 0
    final = "\n" if text.endswith("\n") and cut > 0 else ""
    for k in range(cut, len(blocks)):
        end = blocks[k + 1].start if k + 1 < len(blocks) else len(text)
        if k + 1 < len(blocks):
            end = text.rfind("\n", blocks[k].end, end) + 1 or end
        rule = f"footer-{label}" if k == cut else "footer-tail"
        new = final if k == len(blocks) - 1 else ""
        data = {"label": label if k == cut else "tail", "text": blocks[k].visible}
        edits.append(Edit(start, end, new, rule, text[start:end], data))
        start = end
    return [edit for edit in edits if edit.old != edit.new]
