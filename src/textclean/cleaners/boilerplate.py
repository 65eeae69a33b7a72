r"""Remove page furniture (menus, share and comment prompts, bylines, captions, notices) block by block.

The classifier follows jusText (Pomikálek, 2011) on text instead of HTML. A first, context-free
pass gives every block a class from its own evidence: link density, length, share of stopwords,
sentence punctuation, and a multilingual lexicon of furniture phrases (``textclean.patterns``).
A second pass settles the blocks that carry too little evidence (short ones, near-prose ones)
from their neighbours: a short line between two menus is a menu, between two paragraphs it is a
subheading. The article's run of blocks (the most prose net of furniture) gives position: blocks
in doubt outside it are furniture. Blocks repeated within the document are removed after their
first appearance, and the title keeps its text but loses a site-name suffix.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

import regex

from textclean.blocks import Block, check_shared_options, first_word_start, guard_edit, split_blocks
from textclean.edits import Edit, apply_edits
from textclean.markup import IMAGE_KINDS, tokenize_links
from textclean.patterns import (
    ANY_FURNITURE,
    BYLINE,
    CONSENT_WORDS,
    COOKIE_NOTICE,
    CREDIT,
    DATE,
    DATELINE_WORDS,
    DIGIT,
    FURNITURE,
    STOPWORDS,
    TITLE_SEPARATOR,
    WORD,
    phrase_pattern,
)

Strictness = Literal["lenient", "normal", "strict"]

# jusText's thresholds, in characters of visible text and shares of stopwords.
SHORT_CHARS = 70  # below this a block is "short": it cannot speak for itself
LONG_CHARS = 200  # above this a prose-like block is "good" on its own
# Stopword shares that mark prose, for English; scaled to the document's own prose (other
# languages, or word lists that know a language less well, give lower shares).
STOPWORDS_LOW = 0.30
STOPWORDS_HIGH = 0.32
# A furniture phrase followed by at most this many words is a furniture line ("Share this story").
PHRASE_EXTRA_WORDS = 3
# A label line ("Tags: a, b, c") has at most this many words and no sentence.
LABEL_LINE_WORDS = 15
# A caption with a credit, a byline or a dateline is at most this long, in words; a dateline has
# at most this many words beside its date.
CAPTION_WORDS = 60
BYLINE_WORDS = 12
DATELINE_EXTRA_WORDS = 4
# A caption's credit is within this many characters of its end.
CREDIT_CHARS = 160
# How a quoted block or a quotation's attribution starts: never a byline or a dateline.
QUOTE_MARKS = (">", "\N{EM DASH}", "\N{HORIZONTAL BAR}")
# A cookie notice is at most this long, in words.
NOTICE_WORDS = 80
# Prose blocks of at least this many words are compared for repetition; shorter ones, and lists
# (a recipe's "1 cup of water"), repeat naturally.
REPEAT_MIN_WORDS = 8
# A near-prose block among furniture is kept if it is at least this long (recall first).
NEAR_GOOD_ALONE_WORDS = 25
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
# The text before the cards has at least this share of the cards' words: a page of cards is an index.
CARD_BODY_SHARE = 0.5
# The summaries share with the text before them at most this much of what its paragraphs share
# with one another (their words used by another paragraph): less, and they speak of other things.
CARD_MAX_SHARED = 0.7
# The text's paragraphs, for that comparison, have at least this many words.
CARD_TEXT_WORDS = 8
# Furniture that stands inside articles as well as around them: no evidence about its neighbours.
INSIDE_ARTICLE = ("caption",)
# Rules that drop a block for its neighbours or its place, not for evidence of its own.
IN_DOUBT = ("among-furniture", "outside-article")
# The title is at most this long, in words.
TITLE_WORDS = 30


class BlockClass(enum.Enum):
    """What a block is, as far as the classifier can tell."""

    GOOD = "good"  # article text
    NEAR_GOOD = "near-good"  # prose-like, but not certain alone
    SHORT = "short"  # too short to tell alone
    BAD = "bad"  # furniture


@dataclass(frozen=True)
class BoilerplateOptions:
    """Options of :func:`remove_boilerplate`."""

    # recall first: "normal" drops furniture with evidence of its own or of its neighbours, and
    # keeps a block in doubt; "lenient" drops only blocks with evidence of their own; "strict"
    # also drops near-prose blocks among furniture and prose outside the article's run
    strictness: Strictness = "normal"
    keep_title: bool = True  # a reader's article has its headline (most benchmark golds do not)
    max_link_density: float = 0.5  # above this share of link text a block is a link list (jusText: 0.2)
    max_removed_share: float | None = None  # off: on a scraped page half the words or more are furniture
    phrases: tuple[str, ...] = ()  # the user's furniture phrases, matched as plain words
    patterns: tuple[str, ...] = ()  # the user's regular expressions of furniture lines

    def __post_init__(self) -> None:
        check_shared_options(self.strictness, self.max_removed_share, self.phrases, self.patterns)
        if not isinstance(self.keep_title, bool):
            raise ValueError(f"keep_title must be True or False, not {self.keep_title!r}")
        if not isinstance(self.max_link_density, int | float) or not 0 < self.max_link_density <= 1:
            raise ValueError(f"max_link_density must be a number in (0, 1], not {self.max_link_density!r}")


@dataclass(frozen=True)
class Verdict:
    """The class of a block and the rule that gave it."""

    kind: BlockClass
    rule: str


class Classifier:
    """The compiled evidence of one set of options, for one text.

    It holds the lexicon plus the user's phrases and patterns, and the verdicts given so far.
    """

    def __init__(self, options: BoilerplateOptions) -> None:
        self.options = options
        self.user_phrases = phrase_pattern(options.phrases, literal=True)
        self.user_patterns = [regex.compile(p, regex.IGNORECASE) for p in options.patterns]
        self._verdicts: dict[tuple[int, float], Verdict] = {}
        self._labels = _furniture_labels(options.phrases, options.patterns)

    def furniture(self, block: Block) -> str | None:
        """Return the label of the furniture a block is on its own evidence, or ``None``."""
        labels = self._labels
        if block.visible not in labels:
            if len(labels) >= LABELS_KEPT:
                labels.clear()
            labels[block.visible] = self._read_furniture(block)
        return labels[block.visible]

    def _read_furniture(self, block: Block) -> str | None:
        visible = block.visible
        if self.user_phrases is not None and _is_phrase_line(self.user_phrases, block, first_word_start(visible)):
            return "user-phrase"
        for pattern in self.user_patterns:
            if pattern.search(visible):
                return "user-pattern"
        start = first_word_start(visible)
        if ANY_FURNITURE is not None and ANY_FURNITURE.match(visible, start):
            for label, pattern in FURNITURE.items():
                if _is_phrase_line(pattern, block, start):
                    return label
        if block.words <= NOTICE_WORDS and COOKIE_NOTICE.search(visible) and CONSENT_WORDS.search(visible):
            return "cookies"
        # a credit closes a caption: only its end is searched
        if block.words <= CAPTION_WORDS and CREDIT.search(visible, max(0, len(visible) - CREDIT_CHARS)):
            return "caption"
        if visible.startswith(QUOTE_MARKS):
            return None  # a quotation and its attribution ("— Name, May 7, 2019") belong to the text
        if block.words <= BYLINE_WORDS and not block.sentence_end and BYLINE.match(visible):
            return "byline"
        if block.words <= BYLINE_WORDS + DATELINE_EXTRA_WORDS and _is_dateline(visible):
            return "dateline"
        return None

    def classify_cached(self, block: Block, prose_share: float) -> Verdict:
        """Classify a block of this classifier's text, once: the passes over kept blocks ask again."""
        key = (block.start, prose_share)
        verdict = self._verdicts.get(key)
        if verdict is None:
            verdict = self._verdicts[key] = self.classify(block, prose_share)
        return verdict

    def classify(self, block: Block, prose_share: float) -> Verdict:
        """Give a block its class from its own evidence (jusText's context-free pass)."""
        if block.words == 0:
            return Verdict(BlockClass.BAD, "image") if block.has_links else Verdict(BlockClass.SHORT, "short")
        label = self.furniture(block)
        if label is not None:
            return Verdict(BlockClass.BAD, label)
        if block.has_links and block.link_share > self.options.max_link_density:
            return Verdict(BlockClass.BAD, "links")
        size = block.size
        share = block.stopword_share
        low = STOPWORDS_LOW * prose_share
        high = STOPWORDS_HIGH * prose_share
        if size < SHORT_CHARS:
            return Verdict(BlockClass.SHORT, "short")
        if size > LONG_CHARS and share >= high:
            return Verdict(BlockClass.GOOD, "prose")
        if share >= low or block.sentence_end:
            return Verdict(BlockClass.NEAR_GOOD, "near-prose")
        if self.options.strictness == "strict":
            return Verdict(BlockClass.BAD, "not-prose")
        return Verdict(BlockClass.SHORT, "not-prose")


# The furniture labels given to the blocks read last, per lexicon: a label depends only on a block's
# text, and a pipeline's next round, or the next page of the same site, reads most blocks again.
LABELS_KEPT = 8192


@lru_cache(maxsize=8)
def _furniture_labels(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> dict[str, str | None]:
    return {}


def find_boilerplate_edits(text: str, options: BoilerplateOptions = BoilerplateOptions()) -> list[Edit]:
    """Find the edits that remove furniture blocks from ``text`` (see :func:`remove_boilerplate`)."""
    blocks = split_blocks(text)
    if not blocks:
        return []
    classifier = Classifier(options)
    verdicts = classify_blocks(blocks, classifier)
    title = _title_index(blocks, verdicts)
    edits: list[Edit] = []
    if title is not None:
        if options.keep_title:
            verdicts[title] = Verdict(BlockClass.GOOD, "title")
            edits.extend(_title_suffix_edits(text, blocks[title]))
        else:
            verdicts[title] = Verdict(BlockClass.BAD, "title")
    _settle_again(blocks, verdicts, classifier, title)
    removals = [i for i, verdict in enumerate(verdicts) if verdict.kind is BlockClass.BAD]
    if options.max_removed_share is not None:
        total = sum(block.words for block in blocks)
        share = sum(blocks[i].words for i in removals) / total if total else 0.0
        if share > options.max_removed_share:
            return [guard_edit("boilerplate", share, options.max_removed_share)]
    edits.extend(_removal_edits(text, blocks, verdicts))
    edits.sort(key=lambda edit: edit.start)
    return edits


def remove_boilerplate(
    text: str,
    *,
    strictness: Strictness = "normal",
    keep_title: bool = True,
    max_link_density: float = 0.5,
    max_removed_share: float | None = None,
    phrases: Sequence[str] = (),
    patterns: Sequence[str] = (),
) -> str:
    r"""Remove menus, link lists, share and comment prompts, bylines, datelines and captions.

    Scraped pages carry furniture around the article. Each block (a paragraph, or a run of lines)
    is judged by its link density, length, share of stopwords, punctuation and a lexicon of
    furniture phrases, then by its neighbours; the title is kept without its site-name suffix.
    It can be wrong on a page that is all short lines (a poem, a recipe's list) among link lists:
    ``strictness="lenient"`` then drops only blocks with evidence of their own.

    Args:
        strictness: ``"lenient"``, ``"normal"`` (recall first) or ``"strict"``.
        keep_title: keep the first heading-like line (without its site suffix).
        max_link_density: the share of link text above which a block is a link list.
        max_removed_share: if set, a document that would lose more than this share of its words
            is returned unchanged.
        phrases: more furniture phrases (plain words, matched at word boundaries).
        patterns: more furniture lines, as regular expressions.

    >>> page = (
    ...     "Storm hits the coast | Daily Planet\n\n"
    ...     "* [Home](/)\n* [World](/world)\n\n"
    ...     "By Jane Doe\n\n"
    ...     "The storm reached the coast on Monday night and cut power to thousands of homes, "
    ...     "officials said. Schools will stay closed for the rest of the week.\n\n"
    ...     "Share this article\n"
    ... )
    >>> print(remove_boilerplate(page))
    Storm hits the coast
    <BLANKLINE>
    The storm reached the coast on Monday night and cut power to thousands of homes, officials said.
    Schools will stay closed for the rest of the week.
    <BLANKLINE>
    """
    options = BoilerplateOptions(
        strictness=strictness,
        keep_title=keep_title,
        max_link_density=max_link_density,
        max_removed_share=max_removed_share,
        phrases=tuple(phrases),
        patterns=tuple(patterns),
    )
    return apply_edits(text, find_boilerplate_edits(text, options))


def classify_blocks(blocks: Sequence[Block], classifier: Classifier) -> list[Verdict]:
    """Classify blocks: their own evidence first, then their neighbours', then repetition."""
    prose_share = _prose_share(blocks)
    verdicts = [classifier.classify_cached(block, prose_share) for block in blocks]
    _mark_repeats(blocks, verdicts, STOPWORDS_LOW * prose_share)
    first, last = _article_span(blocks, verdicts)
    own = [verdict.kind for verdict in verdicts]
    _settle_by_neighbours(blocks, verdicts, classifier.options.strictness)
    strictness = classifier.options.strictness
    if strictness != "lenient":
        for i, verdict in enumerate(verdicts):
            outside = i < first or i > last
            in_doubt = own[i] is not BlockClass.GOOD or strictness == "strict"
            if outside and in_doubt and verdict.kind is BlockClass.GOOD:
                verdicts[i] = Verdict(BlockClass.BAD, "outside-article")
        _mark_teaser_cards(blocks, verdicts)
    return verdicts


def _mark_teaser_cards(blocks: Sequence[Block], verdicts: list[Verdict]) -> None:
    """Mark a run of teaser cards that closes the kept text as furniture.

    A list of other stories after an article reads as cards: a headline (a line that is no
    sentence, perhaps with a kicker or a date), then a summary of a sentence or two, again and
    again. An article's body does not alternate like that, and where a part of it does (a
    heading over each paragraph), its paragraphs speak of what the rest of the article speaks
    of, while summaries of other stories share few of its words. So the run goes when it has
    at least ``MIN_CARDS`` cards, the text before it is not much shorter, and its summaries
    share clearly fewer words with that text than the text's paragraphs share with one another.
    """
    kept = [i for i, verdict in enumerate(verdicts) if verdict.kind is not BlockClass.BAD and blocks[i].words]
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
    if len(summaries) < MIN_CARDS or sum(block.words for block in summaries) < CARD_SUMMARY_WORDS * len(summaries):
        return
    if sum(blocks[i].words for i in kept[:k]) < CARD_BODY_SHARE * sum(blocks[i].words for i in kept[k:]):
        return
    paragraphs = [_content_words(blocks[i]) for i in kept[:k] if blocks[i].words >= CARD_TEXT_WORDS]
    counts: dict[str, int] = {}
    for words in paragraphs:
        for word in words:
            counts[word] = counts.get(word, 0) + 1
    # the share of a paragraph's words that the rest of the text uses, and of a summary's
    within = sum(sum(counts[word] > 1 for word in words) for words in paragraphs), sum(map(len, paragraphs))
    cards = [_content_words(block) for block in summaries]
    between = sum(sum(word in counts for word in words) for words in cards), sum(map(len, cards))
    if between[0] * within[1] >= CARD_MAX_SHARED * within[0] * between[1]:
        return
    for i in kept[k:]:
        verdicts[i] = Verdict(BlockClass.BAD, "teaser-cards")


def _is_card_head(block: Block) -> bool:
    """Tell whether a block can be a card's headline, kicker or date: a short line that is no sentence."""
    return block.words <= TITLE_WORDS and not block.sentence_end and not _is_card_summary(block)


def _is_card_summary(block: Block) -> bool:
    """Tell whether a block can be a card's summary: a sentence or a few, or a short paragraph."""
    return block.words <= CARD_SUMMARY_MAX_WORDS and (block.sentence_end or block.words >= CARD_PROSE_WORDS)


def _content_words(block: Block) -> set[str]:
    """Return the words of a block that tell its subject: no stopwords, none of one or two letters."""
    return {word for word in _words_of(block.visible).split() if len(word) > 2 and word not in STOPWORDS}


def _article_span(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> tuple[int, int]:
    """Return the first and last block of the article's run: the most prose net of furniture.

    It is the maximum-sum run of block scores. Blocks in doubt outside it are furniture; prose
    outside it is kept (a comment, a second part after a large box of links: recall first).
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
        elif _is_evidence(block, verdict):
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
    # the run reaches out over the blocks in doubt next to it, up to the first furniture block
    while first > 0 and not _is_evidence(blocks[first - 1], verdicts[first - 1]):
        first -= 1
    while last + 1 < len(blocks) and not _is_evidence(blocks[last + 1], verdicts[last + 1]):
        last += 1
    return first, last


def _is_evidence(block: Block, verdict: Verdict) -> bool:
    """Tell whether a block is furniture that says something about its neighbours.

    Images (blocks that show nothing) and captions stand inside articles as well as around them.
    """
    return verdict.kind is BlockClass.BAD and block.words > 0 and verdict.rule not in INSIDE_ARTICLE


def _settle_again(blocks: Sequence[Block], verdicts: list[Verdict], classifier: Classifier, title: int | None) -> None:
    """Classify the kept blocks again, without the removed ones, until nothing more goes.

    A removal changes what neighbours a block has, and the cleaner must be idempotent.
    """
    for _ in range(len(blocks)):
        kept = [i for i, verdict in enumerate(verdicts) if verdict.kind is not BlockClass.BAD]
        again = classify_blocks([blocks[i] for i in kept], classifier)
        changed = False
        for i, verdict in zip(kept, again, strict=True):
            if verdict.kind is BlockClass.BAD and i != title:
                verdicts[i] = verdict
                changed = True
        if not changed:
            return


def _prose_share(blocks: Sequence[Block]) -> float:
    """How the document's own prose compares with English prose in stopword share (0.2..1)."""
    words = stopwords = 0
    for block in blocks:
        if block.words >= 20 and block.sentence_end and block.link_share < 0.3:
            words += block.words
            stopwords += block.stopwords
    if not words:
        return 1.0
    return max(0.2, min(1.0, stopwords / words / 0.4))


def _mark_repeats(blocks: Sequence[Block], verdicts: list[Verdict], prose_stopwords: float) -> None:
    """Mark the later copies of a repeated prose block (a teaser, a pull quote) as furniture."""
    seen: set[str] = set()
    for i, block in enumerate(blocks):
        if block.words < REPEAT_MIN_WORDS or block.list_item or block.stopword_share < prose_stopwords:
            continue
        key = _words_of(block.visible)
        if key in seen:
            verdicts[i] = Verdict(BlockClass.BAD, "repeated")
        else:
            seen.add(key)


@lru_cache(maxsize=8192)
def _words_of(visible: str) -> str:
    """Return a block's words, lower-cased, one space apart: what two copies of a block share."""
    return " ".join(WORD.findall(visible.casefold()))


def _settle_by_neighbours(blocks: Sequence[Block], verdicts: list[Verdict], strictness: Strictness) -> None:
    """Settle blocks in doubt by their neighbours, as jusText's context-sensitive pass does.

    The short blocks between two sure blocks form a group. Between two good blocks the group is
    kept (subheadings, a list in the article), between two furniture blocks it goes (a menu). A
    group between furniture and article text keeps the lines next to the text that read as text
    (a headline, a lede of a few words) and loses the rest. The document's edges are no evidence.
    """
    if strictness == "lenient" or BlockClass.GOOD not in {v.kind for v in verdicts}:
        # no block is article text for sure: nothing to tell furniture from, keep what is in doubt
        for i, verdict in enumerate(verdicts):
            if verdict.kind is not BlockClass.BAD:
                verdicts[i] = Verdict(BlockClass.GOOD, verdict.rule)
        return
    # blocks that show nothing (images), and captions, which stand inside articles as well as
    # around them, are no evidence about their neighbours: settle the rest
    shown = [i for i, block in enumerate(blocks) if block.words and verdicts[i].rule not in INSIDE_ARTICLE]
    if len(shown) < len(blocks):
        visible = [verdicts[i] for i in shown]
        _settle_by_neighbours([blocks[i] for i in shown], visible, strictness)
        for i, verdict in zip(shown, visible, strict=True):
            verdicts[i] = verdict
        return
    kinds = [v.kind for v in verdicts]
    sure = [kind if kind is not BlockClass.NEAR_GOOD else BlockClass.SHORT for kind in kinds]
    # near-good blocks: kept unless furniture is on both sides (jusText)
    before = _nearest_sure(sure, reverse=False)
    after = _nearest_sure(sure, reverse=True)
    for i, verdict in enumerate(verdicts):
        if kinds[i] is BlockClass.NEAR_GOOD:
            among = before[i] is BlockClass.BAD and after[i] is BlockClass.BAD
            if among and (strictness == "strict" or blocks[i].words < NEAR_GOOD_ALONE_WORDS):
                verdicts[i] = Verdict(BlockClass.BAD, "among-furniture")
            else:
                verdicts[i] = Verdict(BlockClass.GOOD, verdict.rule)
    # short blocks, group by group
    i = 0
    while i < len(verdicts):
        if kinds[i] is not BlockClass.SHORT:
            i += 1
            continue
        j = i
        while j < len(verdicts) and kinds[j] is BlockClass.SHORT:
            j += 1
        left = verdicts[i - 1].kind if i > 0 else None  # the document's edge says nothing
        right = verdicts[j].kind if j < len(verdicts) else None
        group = range(i, j)
        if left is not BlockClass.BAD and right is not BlockClass.BAD:
            keep = set(group)
        elif left is not BlockClass.GOOD and right is not BlockClass.GOOD:
            keep = set()
        elif right is BlockClass.GOOD:
            keep = set(_text_run(blocks, reversed(group)))
        else:
            keep = set(_text_run(blocks, group))
        for k in group:
            if k in keep:
                verdicts[k] = Verdict(BlockClass.GOOD, verdicts[k].rule)
            else:
                verdicts[k] = Verdict(BlockClass.BAD, "among-furniture")
        i = j


def _text_run(blocks: Sequence[Block], order: Iterable[int]) -> list[int]:
    """Return the blocks, in ``order`` from the article text outwards, that read as text.

    The run stops at the first one-or-two-word line without a stopword (a menu entry).
    """
    run = []
    for k in order:
        block = blocks[k]
        if block.words <= 2 and block.stopwords == 0 and not block.heading:
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


def _title_index(blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> int | None:
    """Return the index of the title, if there is one.

    The title is the first heading-like block (short, not a sentence, not a list item) before the
    first prose block.
    """
    for i, block in enumerate(blocks):
        verdict = verdicts[i]
        if verdict.kind is BlockClass.GOOD and verdict.rule in ("prose", "near-prose"):
            return None
        if verdict.rule == "repeated":
            continue
        if (
            3 <= block.words <= TITLE_WORDS
            and not block.list_item
            and not block.visible.startswith("|")
            and not (ANY_FURNITURE is not None and ANY_FURNITURE.match(block.visible, first_word_start(block.visible)))
            and block.link_share < 0.5
            and not block.visible.endswith(".")
            and (block.heading or verdict.kind is not BlockClass.BAD or verdict.rule in IN_DOUBT)
        ):
            return i
    return None


def _title_suffix_edits(text: str, block: Block) -> list[Edit]:
    """Trim the site's name from a title line: "Title | Site - Section" -> "Title".

    The trim repeats on what is left until nothing more qualifies, so a second run trims nothing.
    """
    line = text[block.start : block.end]
    if "\n" in line:
        return []
    end = _end_before_images(line)
    cut = end
    while (shorter := _suffix_start(line[:cut])) is not None:
        cut = shorter
    if cut == end:
        return []
    site = TITLE_SEPARATOR.sub(" ", line[cut:end]).strip()
    return [Edit(block.start + cut, block.start + end, "", "title-suffix", line[cut:end], {"site": site})]


def _end_before_images(line: str) -> int:
    """Return where the words of a line end: before the images (tracking pixels, icons) that close it."""
    end = len(line.rstrip())
    if "](" not in line and "<" not in line:
        return end
    for token in reversed(tokenize_links(line)):
        if token.kind not in IMAGE_KINDS or line[token.end : end].strip():
            break
        end = len(line[: token.start].rstrip())
    return end


def _suffix_start(line: str) -> int | None:
    """Return where a site-name suffix of a title line starts: short segments, fewer words than the title."""
    for separator in TITLE_SEPARATOR.finditer(line):
        head_words = len(WORD.findall(line[: separator.start()]))
        tail = line[separator.end() :]
        short_segments = all(1 <= len(WORD.findall(s)) <= 4 for s in TITLE_SEPARATOR.split(tail))
        if head_words >= 3 and short_segments and len(WORD.findall(tail)) <= head_words:
            return separator.start()
    return None


def _removal_edits(text: str, blocks: Sequence[Block], verdicts: Sequence[Verdict]) -> list[Edit]:
    """Return one edit per removed block, each with the line breaks that follow it.

    So no gap is left behind; removed blocks at the end of the text take the breaks before them
    (a final line break stays).
    """
    edits = []
    tail = len(blocks)
    while tail > 0 and verdicts[tail - 1].kind is BlockClass.BAD:
        tail -= 1
    for i, block in enumerate(blocks):
        verdict = verdicts[i]
        if verdict.kind is not BlockClass.BAD:
            continue
        start = text.rfind("\n", 0, block.start) + 1
        if text[start : block.start].strip():
            start = block.start
        if i == tail and i > 0:
            start = blocks[i - 1].end
        new = ""
        if i + 1 < len(blocks):
            end = text.rfind("\n", block.end, blocks[i + 1].start) + 1 or block.end
        else:
            end = len(text) if not text[block.end :].strip() else block.end
            new = "\n" if text.endswith("\n") and tail > 0 and end == len(text) else ""
        data = _labeled_data(verdict.rule, block.visible)
        edits.append(Edit(start, end, new, f"boilerplate-{verdict.rule}", text[start:end], data))
    return edits


def _labeled_data(rule: str, visible: str) -> dict[str, Any]:
    """Return what a removed block was: its label and text, and the author, date or credit it names.

    >>> _labeled_data("byline", "By Jane Doe")
    {'label': 'byline', 'text': 'By Jane Doe', 'author': 'Jane Doe'}
    >>> _labeled_data("caption", "The square in 1998. (Photo: City Archive)")["credit"]
    'Photo: City Archive'
    """
    data: dict[str, Any] = {"label": rule, "text": visible}
    byline = BYLINE.match(visible) if rule == "byline" else None
    if byline:
        data["author"] = visible[byline.end() :].strip(" :")
    elif rule == "dateline":
        date = DATE.search(visible)
        if date:
            data["date"] = date.group()
    elif rule == "caption":
        credit = CREDIT.search(visible)
        if credit:
            data["credit"] = credit.group().strip(" ()[]")
    return data


def _is_phrase_line(pattern: regex.Pattern[str], block: Block, start: int) -> bool:
    """Tell whether a block is a furniture line of ``pattern``.

    The phrase opens it (at ``start``), and little follows: a few words, or a label's list
    ("Tags: a, b").
    """
    visible = block.visible
    match = pattern.match(visible, start)
    if match is None:
        return False
    rest = visible[match.end() :]
    extra = len(WORD.findall(rest))
    if extra == 0:
        return True
    phrase_words = len(WORD.findall(match.group()))
    if phrase_words >= 2 and extra <= PHRASE_EXTRA_WORDS and not block.sentence_end:
        return True
    return rest.lstrip().startswith(":") and block.words <= LABEL_LINE_WORDS and not rest.rstrip().endswith(".")


def _is_dateline(visible: str) -> bool:
    """Tell whether a short line is a date with little around it: "Example News, May 7, 2010"."""
    match = DATE.search(visible) if DIGIT.search(visible) else None  # every date has a digit
    if match is None:
        return False
    rest = DATELINE_WORDS.sub(" ", visible[: match.start()] + " " + visible[match.end() :])
    return len(WORD.findall(rest)) <= DATELINE_EXTRA_WORDS
