r"""Read what a block says of itself: the one reader of furniture evidence for ``boilerplate`` and ``footer``.

A block is a furniture line when a phrase of the lexicon opens it and little follows ("Share this
article", "Tags: a, b"), when it is a byline, a dateline, a cookie notice or a caption with a
credit, or when it matches one of the user's phrases or patterns. A block opens the page's tail
when a footer marker opens it ("Leave a Comment", "© 2024 ...", "Related articles"). Both answers
come from one :class:`Evidence` per lexicon (the built-in one plus the user's phrases and
patterns), which takes plain arguments, not a cleaner's options.

>>> from textclean.furniture.blocks import split_blocks
>>> evidence = lexicon_evidence((), ())
>>> [evidence.furniture_label(block) for block in split_blocks("Share this article\n\nBy Jane Doe\n\nThe end.")]
['share', 'byline', None]
>>> evidence.tail_label(split_blocks("Leave a Comment")[0], prompts=False)
TailLine(label='comments', prompt=False)
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

import regex

from textclean.furniture.blocks import Block, count_words, first_word_start
from textclean.furniture.lexicon import (
    BYLINE,
    CJK_DATE,
    CONSENT_WORDS,
    COOKIE_NOTICE,
    CREDIT,
    DATE,
    DATELINE_WORDS,
    DETERMINER,
    DIGIT,
    FOOTER_MARKERS,
    FURNITURE,
    RIGHTS_OPENING,
    RIGHTS_RESERVED,
    TITLE_SEPARATOR,
    WORD,
    opens_with_furniture,
    phrase_pattern,
)

# A furniture phrase followed by at most this many words is a furniture line ("Share this story").
PHRASE_EXTRA_WORDS = 3
# A phrase of at least this many words is a prompt even written as a sentence, with as many words after it.
LONG_PHRASE_WORDS = 4
# A phrase line has at most this many words (a phrase of up to 15 words, and as many after it): longer
# blocks are not tried.
PHRASE_LINE_WORDS = 30
# A head that opens with an article or a possessive ("Die meistgelesenen Artikel") has at most this many words.
DETERMINER_HEAD_WORDS = 8
# A label line ("Tags: a, b, c") has at most this many words and no sentence; its label ends with a
# colon, or with the full-width colon of CJK text.
LABEL_LINE_WORDS = 15
LABEL_COLONS = (":", "\N{FULLWIDTH COLON}")
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
NOTICE_MAX_WORDS = 80
# A label before a date: "Deadline: ", "Termin: ".
DATE_LABEL = regex.compile(r"\s*\p{L}[\p{L} -]{0,30}[:\N{FULLWIDTH COLON}]\s")
# A rights notice is at most this long, in words.
RIGHTS_WORDS = 15
# A related-list heading has at most this many words after its phrase ("More news from Rome").
HEADING_EXTRA_WORDS = 3
# Labels of the furniture lexicon that also open a page's tail when prompts end an article (sharing,
# subscribing, logging in, reading on).
PROMPT_LABELS = ("share", "signup", "login", "related")
# The furniture labels of the blocks read last, per lexicon: a label depends only on a block's
# text, and a pipeline's next round, or the next page of the same site, reads most blocks again.
LABELS_KEPT = 8192


class Evidence:
    """The furniture evidence of one lexicon: the built-in phrases plus a user's phrases and patterns."""

    def __init__(self, phrases: tuple[str, ...], patterns: tuple[str, ...]) -> None:
        self.user_phrases = phrase_pattern(phrases, literal=True)
        self.user_patterns = [regex.compile(p, regex.IGNORECASE) for p in patterns]
        self._labels: dict[str, str | None] = {}

    def user_label(self, block: Block, *, whole_line: bool) -> str | None:
        """Return ``"user-phrase"`` or ``"user-pattern"`` if a block is one of the user's lines.

        A phrase opens the block; with ``whole_line`` little may follow it (see :func:`is_phrase_line`).
        """
        visible = block.visible
        if self.user_phrases is not None:
            start = first_word_start(visible)
            if (
                is_phrase_line(self.user_phrases, block, start)
                if whole_line
                else self.user_phrases.match(visible, start)
            ):
                return "user-phrase"
        for pattern in self.user_patterns:
            if pattern.search(visible):
                return "user-pattern"
        return None

    def furniture_label(self, block: Block) -> str | None:
        """Return the label of the furniture line a block is, on its own evidence, or ``None``."""
        labels = self._labels
        if block.visible not in labels:
            if len(labels) >= LABELS_KEPT:
                labels.clear()
            labels[block.visible] = self.user_label(block, whole_line=True) or _lexicon_label(block)
        return labels[block.visible]

    def tail_label(self, block: Block, *, prompts: bool) -> TailLine | None:
        """Return the footer line that opens a block (the start of the page's tail), or ``None``.

        With ``prompts``, share, sign-up, log-in and related prompts open a tail too, where no footer
        marker does; the answer says which of the two it is.
        """
        if self.user_phrases is not None or self.user_patterns:
            label = self.user_label(block, whole_line=False)
            if label is not None:
                return TailLine(label, prompt=False)
        visible = block.visible
        starts = phrase_starts(block, first_word_start(visible))
        for prompt in (False, True) if prompts else (False,):
            for start in starts:
                if start >= len(visible) or (prompt and not opens_with_furniture(visible, start)):
                    continue  # no prompt can open the line there: the few phrases of its first character tell
                for name, pattern in _TAIL_MARKERS[prompt]:
                    match = pattern.match(visible, start)
                    if match is not None and (name != "related" or _is_heading_rest(visible[match.end() :])):
                        return TailLine(name, prompt)
        return None


class TailLine(NamedTuple):
    """A line that opens the page's tail: its label, and whether it is a prompt rather than a footer marker."""

    label: str
    prompt: bool


# The footer markers, and the prompts that end an article where no footer marker does.
_TAIL_MARKERS: dict[bool, tuple[tuple[str, regex.Pattern[str]], ...]] = {
    False: tuple(FOOTER_MARKERS.items()),
    True: tuple((name, FURNITURE[name]) for name in PROMPT_LABELS),
}


@lru_cache(maxsize=8)
def lexicon_evidence(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> Evidence:
    """Return the evidence of the built-in lexicon with these user phrases and patterns, compiled once."""
    return Evidence(phrases, patterns)


def _lexicon_label(block: Block) -> str | None:
    """Return the label of the built-in furniture a block is, or ``None``."""
    visible = block.visible
    start = first_word_start(visible)
    for phrase_start in phrase_starts(block, start) if block.words <= PHRASE_LINE_WORDS else ():
        if opens_with_furniture(visible, phrase_start):
            for label, pattern in FURNITURE.items():
                if is_phrase_line(pattern, block, phrase_start):
                    return label
    if block.words <= NOTICE_MAX_WORDS and COOKIE_NOTICE.search(visible) and CONSENT_WORDS.search(visible):
        return "cookies"
    if block.words <= RIGHTS_WORDS and _is_rights_notice(visible, start):
        return "rights"
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


def phrase_starts(block: Block, start: int) -> tuple[int, ...]:
    """Return where a furniture phrase may open a block: at ``start``, and in a head, after an article there.

    A head of at most ``DETERMINER_HEAD_WORDS`` words may open with an article or a possessive.

    >>> from textclean.furniture.blocks import split_blocks
    >>> block = split_blocks("Die meistgelesenen Artikel")[0]
    >>> [block.visible[start:] for start in phrase_starts(block, 0)]
    ['Die meistgelesenen Artikel', 'meistgelesenen Artikel']
    """
    visible = block.visible
    determiner = DETERMINER.match(visible, start) if block.words <= DETERMINER_HEAD_WORDS else None
    return (start,) if determiner is None else (start, determiner.end())


def _is_rights_notice(visible: str, start: int) -> bool:
    """Tell whether a short block is a rights notice: a rights phrase opens it, or it reserves rights.

    >>> _is_rights_notice("© 2020 Example Mills. All Rights Reserved", 0), _is_rights_notice("(c) Jane Doe", 0)
    (True, True)
    >>> _is_rights_notice("The court ruled on the copyright of the photo.", 0)
    False
    """
    opens = RIGHTS_OPENING is not None and RIGHTS_OPENING.match(visible, start) is not None
    return opens or (RIGHTS_RESERVED is not None and RIGHTS_RESERVED.search(visible) is not None)


def is_phrase_line(pattern: regex.Pattern[str], block: Block, start: int) -> bool:
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
    if phrase_words >= LONG_PHRASE_WORDS and extra <= phrase_words:
        return True  # a prompt written as a sentence: "Your email address will not be published."
    return (
        rest.lstrip().startswith(LABEL_COLONS) and block.words <= LABEL_LINE_WORDS and not rest.rstrip().endswith(".")
    )


def is_furniture_opening(visible: str) -> bool:
    """Tell whether a phrase of the furniture lexicon opens a text ("Share ...", "Related ...")."""
    start = first_word_start(visible)
    return opens_with_furniture(visible, start)


def _is_dateline(visible: str) -> bool:
    """Tell whether a short line is a date with little around it: "Example News, May 7, 2010".

    A date under a label of its own is the text's ("Deadline: 3 May 2019"), unless the label says
    when the page was published or updated.

    >>> _is_dateline("Published: May 7, 2010"), _is_dateline("Deadline: May 7, 2010")
    (True, False)
    """
    match = find_date(visible) if DIGIT.search(visible) else None  # every date has a digit
    if match is None:
        return False
    label = DATE_LABEL.match(visible, 0, match.start())
    if label is not None and not DATELINE_WORDS.search(label.group()):
        return False
    rest = DATELINE_WORDS.sub(" ", visible[: match.start()] + " " + visible[match.end() :])
    return len(WORD.findall(rest)) <= DATELINE_EXTRA_WORDS


def find_date(text: str) -> regex.Match[str] | None:
    """Find the first date in a text, in the forms of the lexicon's languages or of Chinese and Japanese.

    >>> find_date("Published May 7, 2010").group(), find_date("2024年3月5日 08:30").group()
    ('May 7, 2010', '2024年3月5日')
    """
    return DATE.search(text) or (None if text.isascii() else CJK_DATE.search(text))


def _is_heading_rest(rest: str) -> bool:
    """Tell whether what follows a related-list phrase leaves it a heading ("More news from Rome").

    A phrase that introduces one title ("See also: The old bridge") is a cross-reference inside
    the article, not the head of a list after it.
    """
    words = WORD.findall(rest)
    return len(words) <= HEADING_EXTRA_WORDS and not (":" in rest and words)


@lru_cache(maxsize=8192)
def site_suffix_start(line: str) -> int:
    """Return where the site's name after a title line starts ("Title | Site - Section"), or its length.

    A suffix is short segments after a separator, with fewer words than the title. The cut
    repeats on what is left until nothing more qualifies, so what is left has no suffix.

    >>> line = "Storm hits the coast | Daily Planet - News"
    >>> line[: site_suffix_start(line)]
    'Storm hits the coast'
    """
    cut = len(line)
    while (shorter := _suffix_start(line[:cut])) is not None:
        cut = shorter
    return cut


def _suffix_start(line: str) -> int | None:
    for separator in TITLE_SEPARATOR.finditer(line):
        head_words = count_words(line[: separator.start()])
        tail = line[separator.end() :]
        short_segments = all(1 <= count_words(s) <= 4 for s in TITLE_SEPARATOR.split(tail))
        if head_words >= 3 and short_segments and count_words(tail) <= head_words:
            return separator.start()
    return None


def labeled_data(label: str, visible: str) -> dict[str, Any]:
    """Return what a removed block was: its label and text, and the author, date or credit it names.

    >>> labeled_data("byline", "By Jane Doe")
    {'label': 'byline', 'text': 'By Jane Doe', 'author': 'Jane Doe'}
    >>> labeled_data("caption", "The square in 1998. (Photo: City Archive)")["credit"]
    'Photo: City Archive'
    """
    data: dict[str, Any] = {"label": label, "text": visible}
    byline = BYLINE.match(visible) if label == "byline" else None
    if byline:
        data["author"] = visible[byline.end() :].strip(" :")
    elif label == "dateline":
        date = find_date(visible)
        if date:
            data["date"] = date.group()
    elif label == "caption":
        credit = CREDIT.search(visible)
        if credit:
            data["credit"] = credit.group().strip(" ()[]")
    return data
