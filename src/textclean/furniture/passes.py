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

>>> from textclean.furniture.blocks import split_blocks
>>> from textclean.furniture.evidence import lexicon_evidence
>>> from textclean.furniture.strictness import Rules
>>> text = "* [Home](/)\n* [News](/news)\n\n" + "The council met on Monday and voted to keep the library open. " * 4
>>> stopwords = frozenset({"the", "and", "to", "on"})
>>> verdicts = classify(split_blocks(text), lexicon_evidence((), ()), Rules.of("normal"), 0.5, stopwords)
>>> [(v.kind.value, v.rule, v.by) for v in verdicts]
[('bad', 'navigation', 'own-evidence'), ('bad', 'links', 'own-evidence'), ('good', 'prose', 'own-evidence')]
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Literal, NamedTuple

import regex

from textclean.furniture.blocks import Block
from textclean.furniture.evidence import CAPTION_WORDS, Evidence, site_suffix_start
from textclean.furniture.lexicon import AUTHOR_NOTE, EXCERPT_END, FULL_STOP_END, FURNITURE, LIST_LINE, WIDE, WORD
from textclean.furniture.strictness import Rules

# jusText's thresholds, in characters of visible text and shares of stopwords.
SHORT_CHARS = 70  # below this a block is "short": it cannot speak for itself
LONG_CHARS = 200  # above this a prose-like block is "good" on its own
# Stopword shares that mark prose, for English; scaled to the document's own prose (other
# languages, or word lists that know a language less well, give lower shares).
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# Prose blocks of at least this many words are compared for repetition; shorter ones, and lists
# (a recipe's "1 cup of water"), repeat naturally.
REPEAT_MIN_WORDS = 8
# A near-prose block among furniture is kept if it is at least this long (recall first).
# A block speaks of the article's subject if at least this many of its subject words, and this
# share of them, stand in the prose of the article's run.
MIN_SHARED_WORDS = 2
SHARED_SHARE = 0.3
NEAR_GOOD_ALONE_WORDS = 20
# What a furniture block costs a run of blocks that holds it, in words of prose, beside its own words.
FURNITURE_COST = 10
# What a short line that is not a sentence costs the run, in words of prose: a menu rendered as
# plain lines (no link markup left to tell it by) weighs against joining the text beyond it, a
# subheading or two between paragraphs next to nothing.
SHORT_LINE_COST = 1.0
# Teaser cards (a list of other stories after the article): a card is a headline of at most
# CARD_HEAD_LINES short lines (a kicker, a title, a date) over a summary of at most
# CARD_SUMMARY_MAX_WORDS words that ends a sentence or has CARD_PROSE_WORDS words; a run of at
# least MIN_CARDS cards, with CARD_SUMMARY_WORDS words a summary on average, is a list of stories
# (fewer, or shorter, is a list or a Q&A in the article).
CARD_HEAD_LINES = 4
CARD_SUMMARY_MAX_WORDS = 100
CARD_PROSE_WORDS = 20
CARD_SUMMARY_WORDS = 12
MIN_CARDS = 3
# Under the head of a list of other stories ("Read more", "Lesen Sie auch"), two cards are a list, whatever
# they speak of.
MIN_HEADED_CARDS = 2
# The text before the cards has at least this share of the cards' words: a page of cards is an index.
CARD_BODY_SHARE = 0.5
# The summaries share with the text before them at most this much of what its paragraphs share
# with one another (their words used by another paragraph): less, and they speak of other things.
CARD_MAX_SHARED = 0.7
# The text's paragraphs, for that comparison, have at least this many words.
CARD_TEXT_WORDS = 8
# A headline or a card's head line is at most this long, in words.
HEAD_WORDS = 30
# Furniture that stands inside articles as well as around them: no evidence about its neighbours.
INSIDE_ARTICLE = ("caption",)
# A furniture line between two sentences of text has at most this many words; a sentence of text, at
# least this many.
LINE_WORDS = 15
SENTENCE_WORDS = 3
# A list of content (see :func:`is_content_list`) has at least this many lines, and at least this share
# of them are amounts, values after a label, or rows of a table.
MIN_LIST_LINES = 3
LIST_CONTENT_SHARE = 0.6
# Between furniture and text, a group of short lines is a list of content from this share on (the text
# beside it is evidence too).
MIXED_LIST_CONTENT_SHARE = 0.4
# A short label line is a list's heading if a line of the list follows within this many lines.
LIST_NEAR = 3
# The article's run reaches over the lines in doubt after it if at least this share of them carry
# content (see :func:`is_content_line`); lines of plain words there are a menu or a list of headlines.
TRAILING_CONTENT_SHARE = 0.4
# The words of the blocks read last, kept for the next time they are compared: a page has tens to a few
# hundred blocks, so this is a few pages' worth; more costs memory and finds few more copies.
WORDS_KEPT = 2048
# Commas, in Latin and CJK script: a line that ends with one goes on in the next (a line of verse).
COMMAS = (",", "\N{FULLWIDTH COMMA}", "\N{IDEOGRAPHIC COMMA}")
# A line of at least this many words with a comma inside is a sentence without its full stop.
CLAUSE_WORDS = 6
# The short lines after the run's last paragraph are a box of content (facts, a list, code) when at least
# this share of them carry content; otherwise those of plain words go (see :func:`after_article`).
BOX_CONTENT_SHARE = 0.6
# A digit or a character of code or markup: a line with one carries data (a date, an amount, an address,
# a phone number, a line of code), not only words.
DATA_CHARACTER = regex.compile(r"[\d=<>{}();\\/]")
# A slideshow (see :func:`slideshow`): at least this many counters "n/m" of one total, each a line of at most
# this many words; a caption after the last one is of caption length (``evidence.CAPTION_WORDS``).
MIN_SLIDES = 3
COUNTER_WORDS = 5  # "Bild 3 von 12"
SLIDE_COUNTER = regex.compile(
    r"\W{0,3}(?:(?:photo|image|picture|slide|bild|foto|imagen|immagine|imagem|zdjęcie|afbeelding)\s+)?"
    r"(?P<at>\d{1,3})\s*(?:/|of|von|de|di|sur|z|van|из)\s*(?P<of>\d{1,3})\W{0,3}",
    regex.IGNORECASE,
)
# A thread of comments or a note about the author follows at least this many words of article text.
ARTICLE_BEFORE_WORDS = 100
# A thread of comments (see :func:`comment_thread`): at least this many time stamps, each at most this
# many blocks after the one before and followed by its body within this many blocks, with bodies of
# at most this many words on average.
MIN_COMMENTS = 3
COMMENT_BLOCKS = 15
COMMENT_BODY_GAP = 2
COMMENT_WORDS = 120
# A note about the author has at most this many words; the name line over it, at most this many.
AUTHOR_NOTE_WORDS = 150
NAME_LINE_WORDS = 4
# The prompt classes of the lexicon, whose phrases inside a sentence outside the article's run make it a
# blurb (see :func:`_is_blurb`).
PROMPTS = tuple(FURNITURE[label] for label in ("share", "comments", "signup", "login", "cookies", "related", "advert"))
# A sentence's final punctuation is looked for within this many characters of a block's end.
END_CHARS = 12
# Rules that drop a block for its neighbours or its place, not for evidence of its own.
IN_DOUBT = ("among-furniture", "outside-article")
# The document's prose, for the stopword yardstick: blocks of at least this many words that end
# a sentence and are mostly not link text.
YARDSTICK_WORDS = 20
YARDSTICK_MAX_LINK_SHARE = 0.3
# A document of at most this many blocks, each a sentence, is kept whole.
SHORT_DOCUMENT_BLOCKS = 2
# Below this share of stopwords in that prose, the word list does not know the document's language.
MIN_KNOWN_SHARE = 0.05


class BlockClass(enum.Enum):
    """What a block is, as far as the classifier can tell."""

    GOOD = "good"  # article text
    NEAR_GOOD = "near-good"  # prose-like, but not certain alone
    SHORT = "short"  # too short to tell alone
    BAD = "bad"  # furniture


class Verdict(NamedTuple):
    """The class of a block, the rule that gave it, and the pass that wrote it (a tuple: thousands per page)."""

    kind: BlockClass
    rule: str
    by: str = "own-evidence"


@dataclass
class Table:
    """The feature table of one classification: the blocks, what the passes read, their verdicts so far."""

    blocks: Sequence[Block]
    evidence: Evidence
    rules: Rules
    max_link_density: float
    stopwords: frozenset[str]
    prose_share: float | None  # the document's prose against English's, in stopwords (see :func:`prose_share`)
    known: dict[tuple[int, float | None], tuple[BlockClass, str]]  # own classes by block start and threshold
    keep_comments: bool = False  # a thread of comments keeps its bodies (see :func:`comment_thread`)
    verdicts: list[Verdict] = field(default_factory=list)
    after: dict[str, tuple[Verdict, ...]] = field(default_factory=dict)  # the verdicts as each pass left them
    inside: frozenset[int] | None = None  # furniture that stands inside the article (see :func:`inside_article`)
    span: tuple[int, int] | None = None  # the article's run, once read (see :func:`article_run`)
    vocabulary: Counter[str] | None = None  # the subject words of its prose, once read


# A pass reads the table and yields the verdicts it writes: (block index, class, rule).
Pass = Callable[[Table], Iterable[tuple[int, BlockClass, str]]]


def classify(
    blocks: Sequence[Block],
    evidence: Evidence,
    rules: Rules,
    max_link_density: float,
    stopwords: frozenset[str],
    *,
    known: dict[tuple[int, float | None], tuple[BlockClass, str]] | None = None,
    keep_comments: bool = False,
    prose: float | Literal["read"] | None = "read",
) -> list[Verdict]:
    """Run :data:`PASSES` over the blocks, in order, and return each block's verdict.

    ``known`` keeps the classes of the blocks' own evidence between calls on parts of one text
    (the blocks kept by the last call are classified again); ``keep_comments`` keeps the bodies of
    a thread of comments. ``prose`` is the document's prose share (see :func:`prose_share`), read
    from ``blocks`` unless given: the parts of one text are measured against the whole of it.
    """
    known = {} if known is None else known
    share = prose_share(blocks) if prose == "read" else prose
    table = Table(blocks, evidence, rules, max_link_density, stopwords, share, known, keep_comments)
    table.verdicts = [Verdict(BlockClass.SHORT, "short")] * len(blocks)
    for name, run in PASSES:
        for i, kind, rule in run(table):
            table.verdicts[i] = Verdict(kind, rule, name)
        table.after[name] = tuple(table.verdicts)
    return table.verdicts


def own_evidence(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Give every block its class from its own evidence (jusText's context-free pass).

    Where the document's prose holds (almost) none of the stopwords (a script written without
    spaces, a language the word list does not know), prose is told without them: by its length
    and its sentence punctuation.
    """
    prose_share = table.prose_share
    low = STOPWORDS_LOW * prose_share if prose_share is not None else None
    high = STOPWORDS_HIGH * prose_share if prose_share is not None else None
    known = table.known
    for i, block in enumerate(table.blocks):
        key = (block.start, low)
        own = known.get(key)
        if own is None:
            own = known[key] = _own_class(table, block, low, high)
        yield i, *own


def _own_class(table: Table, block: Block, low: float | None, high: float | None) -> tuple[BlockClass, str]:
    if block.words == 0:
        return (BlockClass.BAD, "image") if block.has_links else (BlockClass.SHORT, "short")
    label = table.evidence.furniture_label(block)
    if label is not None:
        return BlockClass.BAD, label
    if block.has_links and block.link_share > table.max_link_density:
        return BlockClass.BAD, "links"
    share = block.stopword_share
    if block.size < SHORT_CHARS:
        return BlockClass.SHORT, "short"
    if block.size > LONG_CHARS and (block.sentence_end if high is None else share >= high):
        return BlockClass.GOOD, "prose"
    if block.sentence_end or (low is not None and share >= low):
        return BlockClass.NEAR_GOOD, "near-prose"
    if table.rules.unproven_long_blocks:
        return BlockClass.BAD, "not-prose"
    return BlockClass.SHORT, "not-prose"


def prose_share(blocks: Sequence[Block]) -> float | None:
    """How the document's own prose compares with English prose in stopword share (0.2..1).

    ``None`` if its prose holds almost no stopwords: then they tell nothing.
    """
    words = stopwords = 0
    for block in blocks:
        if block.words >= YARDSTICK_WORDS and block.sentence_end and block.link_share < YARDSTICK_MAX_LINK_SHARE:
            words += block.words
            stopwords += block.stopwords
    if not words:
        return 1.0
    if stopwords < MIN_KNOWN_SHARE * words:
        return None
    return max(0.2, min(1.0, stopwords / words / 0.4))


def repeats(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Mark the later copies of a repeated prose block (a teaser, a pull quote, the title again) as furniture.

    A title is compared without the site's name after it. The first copy may be any block; a later
    copy goes if it reads as prose (a list repeats its items naturally, a short line its words).
    """
    prose_share = table.prose_share
    seen: set[str] = set()
    for i, block in enumerate(table.blocks):
        if block.words < REPEAT_MIN_WORDS or block.list_item:
            continue
        visible = block.visible
        title = block.words <= HEAD_WORDS and not block.sentence_end and "\n" not in visible
        key = words_of(visible[: site_suffix_start(visible)] if title else visible)
        prose = block.sentence_end if prose_share is None else block.stopword_share >= STOPWORDS_LOW * prose_share
        if key in seen and prose:
            yield i, BlockClass.BAD, "repeated"
        seen.add(key)


def neighbours(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Settle blocks in doubt by their neighbours, as jusText's context-sensitive pass does.

    The short blocks between two sure blocks form a group. Between two good blocks the group is
    kept (subheadings, a list in the article), between two furniture blocks it goes (a menu) unless
    it is a list of content (see :func:`is_content_list`). A group between furniture and article
    text stays whole if it is a list of content by the lower ``MIXED_LIST_CONTENT_SHARE``; otherwise
    it keeps the lines next to the text that read as text (a headline, a lede of a few words) and
    loses the rest. The document's edges are no evidence;
    nor are blocks that show nothing (images), nor furniture that stands inside the article (see
    :func:`inside_article`).
    """
    blocks, verdicts = table.blocks, table.verdicts
    if not table.rules.neighbours or all(verdict.kind is not BlockClass.GOOD for verdict in verdicts):
        # no block is article text for sure: nothing to tell furniture from, keep what is in doubt
        for i, verdict in enumerate(verdicts):
            if verdict.kind is not BlockClass.BAD and verdict.kind is not BlockClass.GOOD:
                yield i, BlockClass.GOOD, verdict.rule
        return
    inside = inside_article(table)
    shown = [i for i, block in enumerate(blocks) if block.words and i not in inside]
    kinds = [verdicts[i].kind for i in shown]
    settled = [(verdicts[i].kind, verdicts[i].rule) for i in shown]
    sure = [kind if kind is not BlockClass.NEAR_GOOD else BlockClass.SHORT for kind in kinds]
    # near-good blocks: kept unless furniture is on both sides (jusText)
    before = _nearest_sure(sure, reverse=False)
    after = _nearest_sure(sure, reverse=True)
    for n, i in enumerate(shown):
        if kinds[n] is BlockClass.NEAR_GOOD:
            among = before[n] is BlockClass.BAD and after[n] is BlockClass.BAD
            if among and (table.rules.near_prose_among_furniture or not _stands_alone(table, i)):
                settled[n] = (BlockClass.BAD, "among-furniture")
            else:
                settled[n] = (BlockClass.GOOD, settled[n][1])
    # short blocks, group by group
    n = 0
    while n < len(shown):
        if kinds[n] is not BlockClass.SHORT:
            n += 1
            continue
        m = n
        while m < len(shown) and kinds[m] is BlockClass.SHORT:
            m += 1
        left = settled[n - 1][0] if n > 0 else None  # the document's edge says nothing
        right = settled[m][0] if m < len(shown) else None
        group = range(n, m)
        if left is not BlockClass.BAD and right is not BlockClass.BAD:
            keep = set(group)
        elif left is not BlockClass.GOOD and right is not BlockClass.GOOD:
            keep = set(group) if is_content_list([blocks[shown[k]] for k in group]) else set()
        elif is_content_list([blocks[shown[k]] for k in group], share=MIXED_LIST_CONTENT_SHARE):
            keep = set(group)  # a list of content next to the text (a recipe's ingredients after a print button)
        elif right is BlockClass.GOOD:
            keep = set(_text_run(blocks, shown, reversed(group)))
        else:
            keep = set(_text_run(blocks, shown, group))
        for k in group:
            settled[k] = (BlockClass.GOOD, settled[k][1]) if k in keep else (BlockClass.BAD, "among-furniture")
        n = m
    for n, i in enumerate(shown):
        if settled[n] != (verdicts[i].kind, verdicts[i].rule):
            yield i, *settled[n]


def is_content_list(group: Sequence[Block], share: float = LIST_CONTENT_SHARE) -> bool:
    r"""Tell whether a group of short lines is a list of content: a table, specs, ingredients, results.

    Menus and lists of headlines are lines of words; the lines of a table or a list of amounts carry
    numbers beside their words, or a value after a label (``Weight: 3 kg``). A few such lines make
    no list (a date, a counter): ``share`` of the lines, at least, are such lines.

    >>> from textclean.furniture.blocks import split_blocks
    >>> is_content_list(split_blocks("200 g flour\n\n3 eggs\n\n1 tsp salt\n\n100 ml milk"))
    True
    >>> is_content_list(split_blocks("Home\n\nNews\n\nSport\n\nContact"))
    False
    """
    if len(group) < MIN_LIST_LINES:
        return False
    content = sum(LIST_LINE.search(block.visible) is not None for block in group)
    return content >= share * len(group)


def _stands_alone(table: Table, i: int) -> bool:
    """Tell whether a near-prose block among furniture is text for all that.

    It is, if it is long, or if it is a paragraph of prose inside the article's run or about the
    article's subject.
    """
    block = table.blocks[i]
    if block.words >= NEAR_GOOD_ALONE_WORDS:
        return True
    first, last = article_run(table)
    return block.sentence_end and (first <= i <= last or speaks_of_the_article(table, i))


def inside_article(table: Table) -> frozenset[int]:
    """Return the furniture blocks that stand inside an article: no evidence about their neighbours.

    Captions are such blocks, and so is a furniture line between two sentences of text ("Advertisement",
    "Share this article", "Read more: ..." between two paragraphs): the article goes on after it.
    A link list is not: a box of links parts what comes before it from what comes after.
    """
    if table.inside is None:
        blocks, own = table.blocks, table.after["repeats"]
        inside = {i for i, verdict in enumerate(own) if verdict.rule in INSIDE_ARTICLE}
        shown = [i for i, block in enumerate(blocks) if block.words and i not in inside]
        for n in range(1, len(shown) - 1):
            i = shown[n]
            if (
                own[i].kind is BlockClass.BAD
                and own[i].rule != "links"
                and blocks[i].words <= LINE_WORDS
                and _is_sentence(blocks[shown[n - 1]], own[shown[n - 1]])
                and _is_sentence(blocks[shown[n + 1]], own[shown[n + 1]])
            ):
                inside.add(i)
        table.inside = frozenset(inside)
    return table.inside


def _is_sentence(block: Block, verdict: Verdict) -> bool:
    """Tell whether a block reads as a sentence of text: not furniture, a few words, sentence punctuation."""
    return verdict.kind is not BlockClass.BAD and block.sentence_end and block.words >= SENTENCE_WORDS


def _text_run(blocks: Sequence[Block], shown: Sequence[int], order: Iterable[int]) -> list[int]:
    """Return the blocks, in ``order`` from the article text outwards, that read as text.

    The run stops at the first one-or-two-word line without a stopword (a menu entry), unless a
    line of a list of content follows it closely: then it is the list's heading ("Ingredients").
    """
    order = list(order)
    run = []
    for n, k in enumerate(order):
        block = blocks[shown[k]]
        if (
            block.words <= 2
            and block.stopwords == 0
            and not block.heading
            and not any(LIST_LINE.search(blocks[shown[j]].visible) for j in order[n + 1 : n + 1 + LIST_NEAR])
        ):
            break
        run.append(k)
    return run


def _nearest_sure(kinds: Sequence[BlockClass], *, reverse: bool) -> list[BlockClass]:
    """Return, for each block, the class of the nearest sure block before (or after) it.

    The document's edges count as furniture.
    """
    found = [BlockClass.BAD] * len(kinds)
    last = BlockClass.BAD
    order = range(len(kinds) - 1, -1, -1) if reverse else range(len(kinds))
    for i in order:
        found[i] = last
        if kinds[i] is BlockClass.GOOD or kinds[i] is BlockClass.BAD:
            last = kinds[i]
    return found


def position(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Remove the blocks in doubt that lie outside the article's run of blocks.

    Text is not in doubt for its place alone: outside the run a paragraph of prose, a sentence
    and a line of a list of content stay, and so does a short line between two blocks that stay
    (a subheading of text that goes on beyond the run). Under the rules' ``prose_outside_run``
    everything in doubt outside the run goes.
    """
    if not table.rules.position:
        return
    own, blocks, verdicts = table.after["repeats"], table.blocks, table.verdicts
    first, last = article_run(table)
    shown = [i for i, block in enumerate(blocks) if block.words]
    doubtful = [
        verdicts[i].kind is not BlockClass.BAD and not first <= i <= last and own[i].kind is not BlockClass.GOOD
        for i in shown
    ]
    strict = table.rules.prose_outside_run
    stays = [
        verdicts[i].kind is not BlockClass.BAD and (not doubt or (not strict and _is_text_outside(table, i)))
        for i, doubt in zip(shown, doubtful, strict=True)
    ]
    for n, i in enumerate(shown):
        if doubtful[n] and not stays[n]:
            between_text = 0 < n < len(shown) - 1 and stays[n - 1] and stays[n + 1]
            if strict or not between_text:
                yield i, BlockClass.BAD, "outside-article"


def _is_text_outside(table: Table, i: int) -> bool:
    """Tell whether a block in doubt outside the article's run is text.

    It is, if it is a line of a list of content, or a sentence or a paragraph that is no blurb.
    """
    block = table.blocks[i]
    own = table.after["repeats"][i]
    return LIST_LINE.search(block.visible) is not None or (is_text(block, own) and not _is_blurb(table, i))


def _is_blurb(table: Table, i: int) -> bool:
    """Tell whether a sentence outside the article's run is a blurb: a prompt in the words of a sentence.

    A newsletter pitch, a note on comments or cookies, a line about the site: it holds a phrase of
    the prompt lexicon (share, comment, sign up, log in, cookies, related, advertising) anywhere, and
    speaks of other things than the article (see :func:`speaks_of_the_article`).
    """
    visible = table.blocks[i].visible
    return any(pattern.search(visible) for pattern in PROMPTS) and not speaks_of_the_article(table, i)


def is_text(block: Block, verdict: Verdict) -> bool:
    r"""Tell whether a block reads as text of its own: a paragraph of prose, or a sentence of a few words.

    A sentence ends with a full stop, a question or an exclamation mark; a line that ends with a
    colon leads to something else ("Follow us on:"), and one cut short by an ellipsis is an excerpt
    of another text (a teaser's "... […]").

    >>> from textclean.furniture.blocks import split_blocks
    >>> [is_text(block, Verdict(BlockClass.SHORT, "short")) for block in split_blocks(
    ...     "Stir and serve hot.\n\nFollow us on:\n\nWhy this place became popular […]")]
    [True, False, False]
    """
    end = max(0, len(block.visible) - END_CHARS)
    if not block.sentence_end or EXCERPT_END.search(block.visible, end):
        return False
    return is_prose(block, verdict) or (
        block.words >= SENTENCE_WORDS and FULL_STOP_END.search(block.visible, end) is not None
    )


def is_prose(block: Block, verdict: Verdict) -> bool:
    """Tell whether a block is a paragraph of prose: good, or near-good and ending a sentence."""
    return verdict.kind is BlockClass.GOOD or (verdict.kind is BlockClass.NEAR_GOOD and block.sentence_end)


def article_run(table: Table) -> tuple[int, int]:
    """Return the article's run of blocks (see :func:`article_span`), read from the evidence passes' verdicts."""
    if table.span is None:
        table.span = article_span(table.blocks, table.after["repeats"], inside_article(table))
    return table.span


def speaks_of_the_article(table: Table, i: int) -> bool:
    """Tell whether a block shares enough of its subject words with the prose of the article's run.

    The article is the yardstick: a paragraph of the article speaks of what the rest of it speaks
    of, a blurb or a prompt of something else. A block of the run is compared with the rest of it.
    """
    counts = _run_vocabulary(table)
    own = table.after["repeats"]
    first, last = article_run(table)
    block = table.blocks[i]
    itself = int(first <= i <= last and own[i].kind is not BlockClass.BAD)
    words = subject_words(block, table.stopwords)
    return _shares_enough(sum(counts.get(word, 0) > itself for word in words), len(words))


def goes_on_with(vocabulary: AbstractSet[str], block: Block, stopwords: frozenset[str]) -> bool:
    r"""Tell whether a block goes on with a text whose subject words are ``vocabulary``: it shares enough of its own.

    >>> from textclean.furniture.blocks import split_blocks
    >>> text = split_blocks("The harbour council voted to rebuild the old pier after the winter storms.")[0]
    >>> vocabulary = subject_words(text, frozenset())
    >>> repairs, bakery = split_blocks("Repairs to the old pier start soon.\n\nA new bakery opens on Main Street.")
    >>> goes_on_with(vocabulary, repairs, frozenset())
    True
    >>> goes_on_with(vocabulary, bakery, frozenset())
    False
    """
    words = subject_words(block, stopwords)
    return _shares_enough(sum(word in vocabulary for word in words), len(words))


def _shares_enough(shared: int, words: int) -> bool:
    """Tell whether ``shared`` of a block's ``words`` subject words are enough to speak of one subject."""
    return shared >= MIN_SHARED_WORDS and shared >= SHARED_SHARE * words


def _run_vocabulary(table: Table) -> Counter[str]:
    """Return in how many blocks of the article's run (not furniture) each subject word stands."""
    if table.vocabulary is None:
        own = table.after["repeats"]
        first, last = article_run(table)
        counts: Counter[str] = Counter()
        for i in range(first, last + 1):
            if own[i].kind is not BlockClass.BAD:
                counts.update(subject_words(table.blocks[i], table.stopwords))
        table.vocabulary = counts
    return table.vocabulary


def article_span(blocks: Sequence[Block], verdicts: Sequence[Verdict], inside: frozenset[int]) -> tuple[int, int]:
    """Return the first and last block of the article's run: the most prose net of furniture.

    It is the maximum-sum run of block scores; it reaches out over the blocks in doubt next to
    it, up to the first furniture block. After its end it does so only where enough of those
    blocks carry content (``TRAILING_CONTENT_SHARE``, see :func:`is_content_line`): lines of plain
    words after an article's last paragraph are a menu or a list of headlines, not its end.
    Furniture that stands ``inside`` the article costs nothing.
    """
    best = 0.0
    best_span = (0, len(blocks) - 1)
    total = 0.0
    start = 0
    for i, (block, verdict) in enumerate(zip(blocks, verdicts, strict=True)):
        kind = verdict.kind
        if kind is BlockClass.GOOD:
            score = float(block.words)
        elif kind is BlockClass.NEAR_GOOD:
            score = block.words / 2
        elif is_evidence(block, verdict) and i not in inside:
            # a link list weighs what it holds; a share line between two paragraphs little
            score = -(block.words if verdict.rule == "links" else 0) - FURNITURE_COST
        elif kind is BlockClass.SHORT and block.words and not block.sentence_end:
            score = -SHORT_LINE_COST  # a menu of plain lines holds the run apart from teasers beyond it
        else:
            score = 0.0
        if total <= 0:
            total, start = 0.0, i
        total += score
        if total > best:
            best, best_span = total, (start, i)
    first, last = best_span
    while first > 0 and (first - 1 in inside or not is_evidence(blocks[first - 1], verdicts[first - 1])):
        first -= 1
    end = last
    while end + 1 < len(blocks) and (end + 1 in inside or not is_evidence(blocks[end + 1], verdicts[end + 1])):
        end += 1
    trailing = [block for block in blocks[last + 1 : end + 1] if block.words]
    if sum(map(is_content_line, trailing)) >= TRAILING_CONTENT_SHARE * len(trailing):
        last = end
    return first, last


def is_content_line(block: Block) -> bool:
    r"""Tell whether a line carries content: a list item, a sentence or a line of verse, data, a table row.

    Data are digits and the characters of code (a date, an address, ``x = len(items)``).

    >>> from textclean.furniture.blocks import split_blocks
    >>> lines = "Tue - Sat 4 PM\n\nx = len(items)\n\nthe path falls silent,\n\nMore from Sport"
    >>> [is_content_line(block) for block in split_blocks(lines)]
    [True, True, True, False]
    """
    visible = block.visible
    return (
        block.list_item
        or (block.sentence_end and block.words >= SENTENCE_WORDS)
        or visible.endswith(COMMAS)
        or (visible[:1].islower() and block.words >= SENTENCE_WORDS)
        or DATA_CHARACTER.search(visible) is not None
        or LIST_LINE.search(visible) is not None
    )


def is_evidence(block: Block, verdict: Verdict) -> bool:
    """Tell whether a block is furniture that says something about its neighbours.

    Images (blocks that show nothing) and captions stand inside articles as well as around them.
    """
    return verdict.kind is BlockClass.BAD and block.words > 0 and verdict.rule not in INSIDE_ARTICLE


def teaser_cards(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Mark a run of teaser cards that closes the kept text as furniture.

    A list of other stories after an article reads as cards: a headline (a line that is no
    sentence, perhaps with a kicker or a date), then a summary of a sentence or two, again and
    again. An article's body does not alternate like that, and where a part of it does (a
    heading over each paragraph), its paragraphs speak of what the rest of the article speaks
    of, while summaries of other stories share few of its words. So the run goes when it has
    at least ``MIN_CARDS`` cards, the text before it is not much shorter, and its summaries
    share clearly fewer words with that text than the text's paragraphs share with one another.
    """
    if not table.rules.position:
        return
    blocks = table.blocks
    kept = [i for i, verdict in enumerate(table.verdicts) if verdict.kind is not BlockClass.BAD and blocks[i].words]
    k = len(kept)
    while k > 0 and _is_card_head(blocks[kept[k - 1]]):
        k -= 1  # lines after the last card (a date, a "more" link) go with the cards
    summaries = []
    while k > 0 and _is_card_summary(blocks[kept[k - 1]]):
        head = k - 1
        while head > 0 and k - 1 - head < CARD_HEAD_LINES and _is_card_head(blocks[kept[head - 1]]):
            head -= 1
        if head == k - 1:
            break  # a summary without a headline: the text before it is no card
        summaries.append(blocks[kept[k - 1]])
        k = head
    headed = _under_a_list_head(table, kept[k] if k < len(kept) else len(blocks))
    if len(summaries) < (MIN_HEADED_CARDS if headed else MIN_CARDS):
        return
    if sum(block.words for block in summaries) < CARD_SUMMARY_WORDS * len(summaries):
        return
    if sum(blocks[i].words for i in kept[:k]) < CARD_BODY_SHARE * sum(blocks[i].words for i in kept[k:]):
        return
    if not headed and not speaks_of_other_things([blocks[i] for i in kept[:k]], summaries, table.stopwords):
        return
    for i in kept[k:]:
        yield i, BlockClass.BAD, "teaser-cards"


def speaks_of_other_things(text: Sequence[Block], later: Sequence[Block], stopwords: frozenset[str]) -> bool:
    r"""Tell whether the ``later`` blocks speak of other things than the paragraphs of ``text``.

    The paragraphs of one text share words with one another; a summary of another story, or a
    paragraph on another subject, shares clearly fewer of its words with them: less than
    ``CARD_MAX_SHARED`` of what a paragraph of the text shares with the rest of it.

    >>> from textclean.furniture.blocks import split_blocks
    >>> text = split_blocks(
    ...     "The harbour council voted to rebuild the old pier after the winter storms.\n\n"
    ...     "Repairs to the pier will start in spring, the council said, and the harbour stays open."
    ... )
    >>> speaks_of_other_things(text, split_blocks("The harbour council will meet again about the pier."), frozenset())
    False
    >>> speaks_of_other_things(text, split_blocks("A new bakery opens its doors on Main Street today."), frozenset())
    True
    """
    paragraphs = [subject_words(block, stopwords) for block in text if block.words >= CARD_TEXT_WORDS]
    counts: dict[str, int] = {}
    for words in paragraphs:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    # the share of a paragraph's words that the rest of the text uses, and of a later block's
    within = sum(sum(counts[word] > 1 for word in words) for words in paragraphs), sum(map(len, paragraphs))
    others = [subject_words(block, stopwords) for block in later]
    between = sum(sum(word in counts for word in words) for words in others), sum(map(len, others))
    return between[0] * within[1] < CARD_MAX_SHARED * within[0] * between[1]


def _under_a_list_head(table: Table, i: int) -> bool:
    """Tell whether the nearest block with words before block ``i`` is the head of a list of other stories."""
    for k in range(i - 1, -1, -1):
        if table.blocks[k].words:
            verdict = table.verdicts[k]
            return verdict.kind is BlockClass.BAD and verdict.rule == "related"
    return False


def _is_card_head(block: Block) -> bool:
    """Tell whether a block can be a card's headline, kicker or date: a short line that is no sentence."""
    return block.words <= HEAD_WORDS and not block.sentence_end and not _is_card_summary(block)


def _is_card_summary(block: Block) -> bool:
    """Tell whether a block can be a card's summary: a sentence or a few, or a short paragraph."""
    return block.words <= CARD_SUMMARY_MAX_WORDS and (block.sentence_end or block.words >= CARD_PROSE_WORDS)


def subject_words(block: Block, stopwords: frozenset[str]) -> frozenset[str]:
    """Return the words of a block that tell its subject: no stopwords, none of one or two letters.

    In scripts written without spaces a "word" is a run of characters up to the next punctuation:
    its pairs of characters stand for its words.

    >>> from textclean.furniture.blocks import split_blocks
    >>> sorted(subject_words(split_blocks("The old harbour reopens.")[0], frozenset({"the"})))
    ['harbour', 'old', 'reopens']
    >>> sorted(subject_words(split_blocks("港口重新开放。")[0], frozenset()))
    ['口重', '开放', '新开', '港口', '重新']
    """
    return _subject_words(block.visible, stopwords)


@lru_cache(maxsize=WORDS_KEPT)
def _subject_words(visible: str, stopwords: frozenset[str]) -> frozenset[str]:
    wide = not visible.isascii() and WIDE.search(visible) is not None
    words: set[str] = set()
    for word in words_of(visible).split():
        if wide and WIDE.search(word):
            words.update(word[k : k + 2] for k in range(len(word) - 1))
        elif len(word) > 2 and word not in stopwords:
            words.add(word)
    return frozenset(words)


@lru_cache(maxsize=WORDS_KEPT)
def words_of(visible: str) -> str:
    """Return a block's words, lower-cased, one space apart: what two copies of a block share."""
    return " ".join(WORD.findall(visible.casefold()))


def slideshow(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Remove a slideshow: counters "n/m" of one total, each over a caption, inside or around an article.

    A gallery counts its slides ("3/12", "Bild 3 von 12", "4 of 12"); at least ``MIN_SLIDES`` counters
    of one total, numbered upwards, mark one. A slide is its counter and the blocks up to the next
    counter (the last one: as many blocks as the longest slide before it, of caption length). The
    slides go as a unit, at every strictness but ``lenient``, when the text outside them is longer: a
    page that is all slides is a slideshow article, whose captions are its text.
    """
    if not table.rules.position:
        return
    blocks = table.blocks
    shown = [i for i, block in enumerate(blocks) if block.words]
    counters = [
        (n, SLIDE_COUNTER.fullmatch(blocks[i].visible)) for n, i in enumerate(shown) if blocks[i].words <= COUNTER_WORDS
    ]
    found = [(n, int(match["at"]), match["of"]) for n, match in counters if match is not None]
    for total in {of for _, _, of in found}:
        slides = [(n, at) for n, at, of in found if of == total]
        if len(slides) < MIN_SLIDES or any(b <= a for (_, a), (_, b) in pairwise(slides)):
            continue
        longest = max(b - a for (a, _), (b, _) in pairwise(slides))  # the blocks of a slide, its counter too
        end = slides[-1][0] + 1
        while end < len(shown) and end - slides[-1][0] < longest and blocks[shown[end]].words <= CAPTION_WORDS:
            end += 1
        gallery = range(slides[0][0], end)
        inside = sum(blocks[shown[k]].words for k in gallery)
        text = [i for n, i in enumerate(shown) if n not in gallery and table.verdicts[i].kind is BlockClass.GOOD]
        outside = sum(blocks[i].words for i in text)
        if outside > inside:
            for k in gallery:
                yield shown[k], BlockClass.BAD, "slideshow"


def comment_thread(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Remove a thread of comments: three or more time stamps, each over a short text, after an article.

    A comment is an author line, a time stamp (a dateline of its own) and a body of text, and a
    thread repeats that shape. The bodies read as prose, so they are told by the shape alone: at
    least ``MIN_COMMENTS`` stamps followed closely by a sentence of text, in a chain of stamps each
    at most ``COMMENT_BLOCKS`` blocks after the one before, with bodies of ``COMMENT_WORDS`` words or fewer
    on average. The thread follows the article: it starts after the article's run, or the text
    before it is longer than the thread (the run may be a long thread), and that text has at least
    ``ARTICLE_BEFORE_WORDS`` words (a page that is all posts is a forum, whose posts are its text).
    Quotations with a date under each (embedded posts in an article) are no thread: they stand in
    the article's run and between longer paragraphs. The thread goes from the line before its first
    stamp (the author) to the end of its last body.
    With the table's ``keep_comments`` the bodies stay and only the stamps, author lines and
    prompts ("Reply") go.
    """
    blocks, verdicts, own = table.blocks, table.verdicts, table.after["repeats"]
    shown = [i for i, block in enumerate(blocks) if block.words]
    stamps = [n for n, i in enumerate(shown) if own[i].rule == "dateline"]
    n = 0
    while n < len(stamps):
        m = n + 1
        while m < len(stamps) and stamps[m] - stamps[m - 1] <= COMMENT_BLOCKS:
            m += 1
        thread = stamps[n:m]
        n = m
        if sum(_opens_comment(table, shown, k) for k in thread) < MIN_COMMENTS:
            continue
        start = thread[0] - 1 if thread[0] > 0 and not blocks[shown[thread[0] - 1]].sentence_end else thread[0]
        longest = max(b - a for a, b in pairwise(thread))
        end = thread[-1] + 1
        while end < len(shown) and end - thread[-1] < longest and own[shown[end]].kind is not BlockClass.BAD:
            end += 1
        before = sum(blocks[i].words for i in shown[:start] if verdicts[i].kind is BlockClass.GOOD)
        words = sum(blocks[i].words for i in shown[start:end] if verdicts[i].kind is BlockClass.GOOD)
        after_article = shown[thread[0]] > article_run(table)[1] or before > words
        if before < ARTICLE_BEFORE_WORDS or not after_article or words > COMMENT_WORDS * len(thread):
            continue
        for k in range(start, end):
            i = shown[k]
            chrome = k in thread or k + 1 in thread or not _is_sentence(blocks[i], own[i])
            if table.keep_comments and not chrome:
                yield i, BlockClass.GOOD, "comment"
            elif verdicts[i].kind is not BlockClass.BAD:
                yield i, BlockClass.BAD, "comments"


def _opens_comment(table: Table, shown: Sequence[int], n: int) -> bool:
    """Tell whether a time stamp is followed closely by a sentence of text: a comment's body."""
    own = table.after["repeats"]
    return any(_is_sentence(table.blocks[i], own[i]) for i in shown[n + 1 : n + 1 + COMMENT_BODY_GAP])


def author_note(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Remove the notes about the author that close an article, and the name lines over them.

    A note names a person and a role of those who write ("Jane Doe is a senior writer for ...",
    "Hallo, ich bin Foodbloggerin ..."; see ``AUTHOR_NOTE``); only at the end of the kept text, after
    at least ``ARTICLE_BEFORE_WORDS`` words of text, is it told from an article that speaks of a writer.
    """
    blocks, verdicts = table.blocks, table.verdicts
    kept = [i for i, verdict in enumerate(verdicts) if verdict.kind is not BlockClass.BAD and blocks[i].words]
    k = len(kept)
    notes = []
    while k > 0:
        block = blocks[kept[k - 1]]
        if block.words <= NAME_LINE_WORDS and not block.sentence_end:
            k -= 1  # a name line, or a line of links after the note
        elif block.words <= AUTHOR_NOTE_WORDS and AUTHOR_NOTE.match(block.visible):
            notes.append(k - 1)
            k -= 1
        else:
            break
    if not notes or sum(blocks[i].words for i in kept[:k]) < ARTICLE_BEFORE_WORDS:
        return
    for n in range(min(notes) - 1, len(kept)):
        if n in notes or (n + 1 in notes and n >= 0 and blocks[kept[n]].words <= NAME_LINE_WORDS):
            yield kept[n], BlockClass.BAD, "author-note"


def after_article(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Remove the lines of plain words after the last paragraph of prose in the article's run.

    The run reaches over the short lines next to it; after its last paragraph, a line that carries no
    content (see :func:`is_content_line`) and leads to no sentence of text is a head of other
    stories, a prompt or a menu entry ("Weitere aktuelle Themen", "Info zur Bewertung"). A subheading
    over a last paragraph of text leads to it and stays, and so do all the lines there when enough
    of them carry content (``BOX_CONTENT_SHARE``: a box of facts, a list, code).
    """
    if not table.rules.position:
        return
    own, blocks, verdicts = table.after["repeats"], table.blocks, table.verdicts
    first, last = article_run(table)
    end = next((i for i in range(last, first - 1, -1) if is_prose(blocks[i], own[i])), None)
    if end is None:
        return
    shown = [i for i in range(end + 1, last + 1) if blocks[i].words and verdicts[i].kind is not BlockClass.BAD]
    content = {i: is_content_line(blocks[i]) for i in shown if own[i].kind is BlockClass.SHORT}  # the short lines
    if sum(content.values()) >= BOX_CONTENT_SHARE * len(content):
        return  # the lines after the last paragraph carry content: a box of facts, a list, code
    for n, i in enumerate(shown):
        if content.get(i, True) or _is_clause(blocks[i]):
            continue  # a paragraph, a line with content, a clause
        following = shown[n + 1] if n + 1 < len(shown) else None
        if following is None or not is_text(blocks[following], verdicts[following]):
            yield i, BlockClass.BAD, "after-article"


def _is_clause(block: Block) -> bool:
    """Tell whether a line is a sentence without its full stop: a few words with a comma between them."""
    return block.words >= CLAUSE_WORDS and any(comma in block.visible for comma in COMMAS)


def short_document(table: Table) -> Iterator[tuple[int, BlockClass, str]]:
    """Keep a document that is only a sentence or two: with no page around it, it is all text.

    A one-line note with a link (``See <https://example.com>.``) is not a link list.
    """
    shown = [i for i, block in enumerate(table.blocks) if block.words]
    if len(shown) <= SHORT_DOCUMENT_BLOCKS and all(table.blocks[i].sentence_end for i in shown):
        for i in shown:
            if table.verdicts[i].kind is not BlockClass.GOOD:
                yield i, BlockClass.GOOD, "short-document"


# The classifier, in order: (name, pass). ``explain`` reports the name of the pass that removed a block.
PASSES: tuple[tuple[str, Pass], ...] = (
    ("own-evidence", own_evidence),
    ("repeats", repeats),
    ("neighbours", neighbours),
    ("position", position),
    ("teaser-cards", teaser_cards),
    ("slideshow", slideshow),
    ("comments", comment_thread),
    ("author-note", author_note),
    ("after-article", after_article),
    ("short-document", short_document),
)
