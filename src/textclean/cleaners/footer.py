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
from dataclasses import dataclass
from typing import NamedTuple

from textclean import _native
from textclean.edits import Edit, apply_edits
from textclean.furniture.blocks import native_blocks, split_blocks, word_set
from textclean.furniture.evidence import lexicon_evidence, native_lexicon
from textclean.furniture.lexicon import document_stopwords
from textclean.furniture.removal import Removal, guard_edit, removal_edits, text_without
from textclean.furniture.strictness import Rules, Strictness, check_shared_options
from textclean.registry import NativeStep


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
    """Find the edits that remove the page's tail after the article (see :func:`remove_footer`).

    The native core finds where the tail begins (native/src/footer.rs): the first footer line (or,
    where prompts end an article, a prompt) that follows enough of the article's prose, closely, and
    does not head text; once a tail is cut, an earlier line may end what is left, so the cut is
    looked for again until none is found, and the cleaner is idempotent.
    """
    tail = _tail(text, options)
    if tail is None:
        return []
    cut, label, guard = tail
    if guard is not None:
        return [guard]
    blocks = split_blocks(text)
    removals: dict[int, Removal] = {cut: (f"footer-{label}", {"label": label, "text": blocks[cut].visible})}
    removals.update(
        (k, ("footer-tail", {"label": "tail", "text": blocks[k].visible})) for k in range(cut + 1, len(blocks))
    )
    return removal_edits(text, removals)


def footer_output(text: str, options: FooterOptions = FooterOptions()) -> str:
    r"""Return ``text`` with the edits of :func:`find_footer_edits` made, without making the edits.

    >>> article = (
    ...     "The council voted on Tuesday to keep the library open for another year, after a long debate "
    ...     "in which residents spoke for and against the plan to close it.\n\n"
    ...     "Leave a Comment\n"
    ... )
    >>> footer_output(article, FooterOptions(min_article_words=20))[-22:]
    'the plan to close it.\n'
    """
    tail = _tail(text, options)
    if tail is None or tail.guard is not None:
        return text
    return text_without(text, range(tail.cut, len(native_blocks(text))))


class _Tail(NamedTuple):
    """Where the page's tail begins: its first block, that block's label, and the guard's refusal if any."""

    cut: int
    label: str
    guard: Edit | None


def _tail(text: str, options: FooterOptions) -> _Tail | None:
    """Return where the page's tail begins in ``text``; ``None`` if there is no tail."""
    evidence = lexicon_evidence(options.phrases, options.patterns)
    labels = evidence.user_labels(text, whole_line=False)
    stopwords = word_set(document_stopwords(text))
    found = _native.footer_tail_start(native_blocks(text), native_lexicon(), stopwords, labels, _settings(options))
    if found is None:
        return None
    cut, label = found
    removed = range(cut, len(native_blocks(text)))
    return _Tail(cut, label, guard_edit("footer", text, removed, options.max_removed_share))


def native_step(options: FooterOptions) -> NativeStep | None:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``).

    ``None`` where the user's phrases or patterns, or the removal guard, need Python.
    """
    if options.phrases or options.patterns or options.max_removed_share is not None:
        return None
    return ("footer", _settings(options))


def _settings(options: FooterOptions) -> tuple[bool, bool, bool, int]:
    """Return the settings of the native cut: what the strictness allows, and the words of prose before a cut."""
    rules = Rules.of(options.strictness)
    return (
        rules.cut_before_prose,
        rules.prompts_end_article,
        rules.prompts_end_text_on_subject,
        options.min_article_words,
    )


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
