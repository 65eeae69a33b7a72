r"""Read what a block says of itself: the one reader of furniture evidence for ``boilerplate`` and ``footer``.

A block is a furniture line when a phrase of the lexicon opens it and little follows ("Share this
article", "Tags: a, b"), when it is a byline, a dateline, a cookie notice or a caption with a
credit, or when it matches one of the user's phrases or patterns. A block opens the page's tail
when a footer marker opens it ("Leave a Comment", "© 2024 ...", "Related articles"). Both answers
come from one :class:`Evidence` per lexicon (the built-in one plus the user's phrases and
patterns), which takes plain arguments, not a cleaner's options. The user's phrases and patterns
are matched here, first; the built-in lexicon's labels are read by the native core
(native/src/lexicon.rs), from the phrases and word lists of :mod:`textclean.furniture.lexicon`.

>>> from textclean.furniture.blocks import split_blocks
>>> evidence = lexicon_evidence((), ())
>>> [evidence.furniture_label(block) for block in split_blocks("Share this article\n\nBy Jane Doe\n\nThe end.")]
['share', 'byline', None]
>>> evidence.tail_label(split_blocks("Leave a Comment")[0], prompts=False)
TailLine(label='comments', prompt=False)
"""

from __future__ import annotations

from functools import cache, lru_cache
from typing import Any, NamedTuple

import regex

from textclean import _native
from textclean.furniture.blocks import Block, first_word_start, split_blocks
from textclean.furniture.lexicon import (
    AUTHOR_NOTE,
    BYLINE,
    BYLINE_WORDS,
    CJK_DATE,
    CONSENT_WORDS,
    COOKIE_WORDS,
    CREDIT,
    CREDIT_BY,
    CREDIT_LABELS,
    CREDIT_PHOTOS,
    DATE,
    DATE_FORMS,
    DATELINE_WORDS,
    DETERMINERS,
    FOOTER_MARKER_PHRASES,
    FURNITURE_PHRASES,
    LIST_LINE,
    RIGHTS_OPENING,
    RIGHTS_RESERVED,
    SLIDE_COUNTER,
    TITLE_SEPARATOR,
    alternation,
    phrase_pattern,
)

# A caption with a credit is at most this long, in words (the native core's figure).
CAPTION_WORDS = _native.CAPTION_WORDS
# Labels of the furniture lexicon that also open a page's tail when prompts end an article (sharing,
# subscribing, logging in, reading on).
PROMPT_LABELS = ("share", "signup", "login", "related")
# Labels of the furniture lexicon whose phrases, anywhere in a sentence outside the article's run, make it
# a blurb (a newsletter pitch, a note on comments or cookies) unless it speaks of the article.
BLURB_LABELS = ("share", "comments", "signup", "login", "cookies", "related", "advert")


class Evidence:
    """The furniture evidence of one lexicon: the built-in phrases plus a user's phrases and patterns."""

    def __init__(self, phrases: tuple[str, ...], patterns: tuple[str, ...]) -> None:
        self.user_phrases = phrase_pattern(phrases, literal=True)
        self.user_patterns = [regex.compile(p, regex.IGNORECASE) for p in patterns]

    def user_label(self, block: Block, *, whole_line: bool) -> str | None:
        """Return ``"user-phrase"`` or ``"user-pattern"`` if a block is one of the user's lines.

        A phrase opens the block; with ``whole_line`` little may follow it: a few words, or a label's
        list ("Tags: a, b").
        """
        visible = block.visible
        if self.user_phrases is not None:
            match = self.user_phrases.match(visible, first_word_start(visible))
            if match is not None and (
                not whole_line
                or native_lexicon().is_phrase_line(visible, match.start(), match.end(), block.words, block.sentence_end)
            ):
                return "user-phrase"
        for pattern in self.user_patterns:
            if pattern.search(visible):
                return "user-pattern"
        return None

    def furniture_label(self, block: Block) -> str | None:
        """Return the label of the furniture line a block is, on its own evidence, or ``None``."""
        return self.user_label(block, whole_line=True) or native_lexicon().label(
            block.visible, block.words, block.sentence_end
        )

    def user_labels(self, text: str, *, whole_line: bool = True) -> list[str | None] | None:
        """Return the user's label of each block of ``text`` (see :meth:`user_label`); ``None`` if they gave none."""
        if self.user_phrases is None and not self.user_patterns:
            return None
        return [self.user_label(block, whole_line=whole_line) for block in split_blocks(text)]

    def tail_label(self, block: Block, *, prompts: bool) -> TailLine | None:
        """Return the footer line that opens a block (the start of the page's tail), or ``None``.

        With ``prompts``, share, sign-up, log-in and related prompts open a tail too, where no footer
        marker does; the answer says which of the two it is.
        """
        if self.user_phrases is not None or self.user_patterns:
            label = self.user_label(block, whole_line=False)
            if label is not None:
                return TailLine(label, prompt=False)
        line = native_lexicon().tail(block.visible, block.words, prompts)
        return None if line is None else TailLine(*line)


class TailLine(NamedTuple):
    """A line that opens the page's tail: its label, and whether it is a prompt rather than a footer marker."""

    label: str
    prompt: bool


@lru_cache(maxsize=8)
def lexicon_evidence(phrases: tuple[str, ...], patterns: tuple[str, ...]) -> Evidence:
    """Return the evidence of the built-in lexicon with these user phrases and patterns, compiled once."""
    return Evidence(phrases, patterns)


@cache
def native_lexicon() -> _native.Lexicon:
    """Compile, on first use, the lexicon's phrases and word lists into the native core's reader of lines.

    It reads every block's label and tail line (native/src/lexicon.rs) as the lexicon's phrases and
    patterns say in Python's syntax, and holds the patterns the block classifier reads besides
    (native/src/classify.rs).
    """
    phrases = {
        "rights_opening": RIGHTS_OPENING,
        "rights_reserved": RIGHTS_RESERVED,
        "blurb_prompts": tuple(phrase for label in BLURB_LABELS for phrase in FURNITURE_PHRASES[label]),
    }
    return _native.Lexicon(
        _alternations(FURNITURE_PHRASES),
        _alternations(FOOTER_MARKER_PHRASES),
        list(PROMPT_LABELS),
        {
            **dict(_alternations(phrases)),
            "determiners": DETERMINERS,
            "cookies": COOKIE_WORDS,
            "consent": CONSENT_WORDS,
            "credit_labels": CREDIT_LABELS,
            "credit_photos": CREDIT_PHOTOS,
            "credit_by": CREDIT_BY,
            "byline": BYLINE_WORDS,
            "dates": DATE_FORMS,
            "cjk_dates": CJK_DATE.pattern,
            "dateline": DATELINE_WORDS,
            "list_line": LIST_LINE,
            "author_note": AUTHOR_NOTE,
            "slide_counter": SLIDE_COUNTER,
            "title_separator": TITLE_SEPARATOR.pattern,
        },
    )


def _alternations(table: dict[str, tuple[str, ...]]) -> list[tuple[str, str]]:
    """Return each name of a table of phrases with its phrases joined (a name without phrases is left out)."""
    return [(name, joined) for name, phrases in table.items() if (joined := alternation(phrases)) is not None]


def is_furniture_opening(visible: str) -> bool:
    """Tell whether a phrase of the furniture lexicon opens a text ("Share ...", "Related ...").

    >>> is_furniture_opening("* Share this"), is_furniture_opening("The vote"), is_furniture_opening("")
    (True, False, False)
    """
    return native_lexicon().opens(visible)


def find_date(text: str) -> regex.Match[str] | None:
    """Find the first date in a text, in the forms of the lexicon's languages or of Chinese and Japanese.

    >>> find_date("Published May 7, 2010").group(), find_date("2024年3月5日 08:30").group()
    ('May 7, 2010', '2024年3月5日')
    """
    return DATE.search(text) or (None if text.isascii() else CJK_DATE.search(text))


def title_suffix(line: str) -> tuple[int, int] | None:
    """Return the span of the site's name after a title line ("Title | Site - Section"), or ``None``.

    A suffix is short segments after a separator, with fewer words than the title; the images that
    close the line (tracking pixels, icons) stay after it. The cut repeats on what is left until
    nothing more qualifies, so what is left has no suffix.

    >>> line = "Storm hits the coast | Daily Planet - News ![](/pixel.gif)"
    >>> start, end = title_suffix(line)
    >>> line[:start], line[start:end]
    ('Storm hits the coast', ' | Daily Planet - News')
    >>> title_suffix("Home | News") is None
    True
    """
    return native_lexicon().title_suffix(line)


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
