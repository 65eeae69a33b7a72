r"""Find where the article ends and remove the tail of page furniture after it.

After the last paragraph of an article, scraped pages go on with comment sections, tag lines,
"The original source of this article is ...", author and media-contact notices, copyright lines
and lists of other articles. Such a tail begins with a recognisable line (``textclean.furniture.lexicon``
holds the multilingual list); the cleaner cuts at the first of them that follows enough article
text, so that a marker in the page's header, or a quoted disclaimer inside the article (a long
paragraph, not a marker line), is never a cut.
"""

from __future__ import annotations

from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from textclean.edits import Edit, apply_edits
from textclean.furniture.blocks import Block, split_blocks
from textclean.furniture.evidence import Evidence, lexicon_evidence
from textclean.furniture.lexicon import document_stopwords
from textclean.furniture.passes import goes_on_with, subject_words
from textclean.furniture.removal import Removal, guard_edit, removal_edits
from textclean.furniture.strictness import Rules, Strictness, check_shared_options
from textclean.rounds import until_settled

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


@dataclass(frozen=True)
class FooterOptions:
    """Options of :func:`remove_footer`."""

    # recall first: "normal" cuts at the first footer line after the article, and at a prompt where the
    # article does not go on; "lenient" only at a footer line with no paragraph of prose after it;
    # "strict" also at a prompt that the article goes on after
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
    evidence = lexicon_evidence(options.phrases, options.patterns)
    rules = Rules.of(options.strictness)
    prose = [block.words if _is_prose(block) else 0 for block in blocks]

    # once a tail is cut, an earlier marker may end what is left: cut again until none does, so
    # that the cleaner is idempotent
    def cut_again(found: tuple[int, str | None]) -> tuple[int, str | None] | None:
        cut = found[0]
        return _first_cut(
            blocks[:cut], prose[:cut], evidence, rules, min_article_words=options.min_article_words, text=text
        )

    uncut: tuple[int, str | None] = (len(blocks), None)
    cut, label = until_settled(uncut, cut_again)
    if label is None:
        return []
    guard = guard_edit("footer", blocks, range(cut, len(blocks)), options.max_removed_share)
    if guard is not None:
        return [guard]
    removals: dict[int, Removal] = {cut: (f"footer-{label}", {"label": label, "text": blocks[cut].visible})}
    removals.update(
        (k, ("footer-tail", {"label": "tail", "text": blocks[k].visible})) for k in range(cut + 1, len(blocks))
    )
    return removal_edits(text, blocks, removals)


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
    blocks: Sequence[Block],
    prose: Sequence[int],
    evidence: Evidence,
    rules: Rules,
    *,
    min_article_words: int,
    text: str,
) -> tuple[int, str | None] | None:
    """Return the first footer line after the article's text (of the document ``text``), and its label.

    A prompt (share, sign up, log in, related) ends the article only where the first paragraph of
    prose after it, if any, does not go on with the subject of the prose before it: a "Read more"
    link between two paragraphs of one story is no end (see :func:`~textclean.furniture.passes.goes_on_with`).
    """
    prose_after = sum(prose)
    prose_before = 0
    last_prose = -1  # the index of the last prose block so far
    vocabulary: set[str] = set()  # the subject words of the prose blocks before ``read``, read when a prompt asks
    read = 0
    for i, block in enumerate(blocks):
        prose_after -= prose[i]
        # the article is the larger part: a marker with much prose after it is in the page's
        # header, or inside the article (a box of related links between two paragraphs); and it
        # follows the article's text closely, not a run of menus, and does not head a text
        if (
            prose_before >= max(min_article_words, 2 * prose_after)
            and block.words <= MARKER_WORDS
            and i - last_prose <= MAX_GAP
        ):
            line = evidence.tail_label(block, prompts=rules.prompts_end_article)
            label = None if line is None else line.label
            if line is not None and line.prompt and prose_after and not rules.prompts_end_text_on_subject:
                stopwords = document_stopwords(text)
                vocabulary.update(*(subject_words(blocks[k], stopwords) for k in range(read, i) if prose[k]))
                read = i
                label = None if _goes_on(blocks, prose, i, vocabulary, stopwords) else label
            if label in HEADER_LABELS and _heads_text(blocks, i + 1, min_article_words):
                label = None
            if label is not None and (rules.cut_before_prose or not prose_after):
                return i, label
        if prose[i]:
            prose_before += prose[i]
            last_prose = i
    return None


def _goes_on(
    blocks: Sequence[Block], prose: Sequence[int], i: int, vocabulary: AbstractSet[str], stopwords: frozenset[str]
) -> bool:
    """Tell whether the article goes on after the prompt at ``i``.

    It does if a paragraph follows the prompt at once, or if the first paragraph after it goes on
    with the subject of the paragraphs before it (their subject words are ``vocabulary``).
    """
    following = next(k for k in range(i + 1, len(blocks)) if prose[k])
    if all(not blocks[k].words for k in range(i + 1, following)):
        return True
    return goes_on_with(vocabulary, blocks[following], stopwords)


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
