r"""Remove page furniture (menus, share and comment prompts, bylines, captions, notices) block by block.

The text is split into blocks with their features (``textclean.furniture.blocks``), and the
classifier's ordered passes (``textclean.furniture.passes``) give each block a verdict: its own
evidence first (link density, length, stopwords, sentence punctuation, the furniture lexicon),
then repetition, its neighbours, its place beside the article's run, and teaser cards. The title
keeps its text but loses a site-name suffix. The classification runs again on the kept blocks
until nothing more goes, so the cleaner is idempotent.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

from textclean.edits import Edit, apply_edits
from textclean.furniture.blocks import Block, block_at, native_blocks, split_blocks
from textclean.furniture.evidence import labeled_data, lexicon_evidence, title_suffix
from textclean.furniture.lexicon import TITLE_SEPARATOR
from textclean.furniture.passes import Classification, classification_settings
from textclean.furniture.removal import guard_edit, removal_edits, text_without
from textclean.furniture.strictness import Rules, Strictness, check_shared_options
from textclean.registry import NativeStep


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
    keep_comments: bool = False  # a thread of comments keeps its bodies; its stamps and author lines go

    def __post_init__(self) -> None:
        check_shared_options(self.strictness, self.max_removed_share, self.phrases, self.patterns)
        for name in ("keep_title", "keep_comments"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be True or False, not {getattr(self, name)!r}")
        if not isinstance(self.max_link_density, int | float) or not 0 < self.max_link_density <= 1:
            raise ValueError(f"max_link_density must be a number in (0, 1], not {self.max_link_density!r}")


class _Furniture(NamedTuple):
    """What goes from a text: the blocks removed (index, rule, pass), the title's site suffix, or the guard."""

    removed: list[tuple[int, str, str]]
    title_suffix: list[Edit]
    guard: Edit | None


def find_boilerplate_edits(text: str, options: BoilerplateOptions = BoilerplateOptions()) -> list[Edit]:
    """Find the edits that remove furniture blocks from ``text`` (see :func:`remove_boilerplate`)."""
    removed, title_suffix, guard = _furniture(text, options)
    if guard is not None:
        return [guard]
    blocks = split_blocks(text) if removed else ()
    removals = {
        i: (f"boilerplate-{rule}", {**labeled_data(rule, blocks[i].visible), "pass": by}) for i, rule, by in removed
    }
    edits = [*title_suffix, *removal_edits(text, removals)]
    edits.sort(key=lambda edit: edit.start)
    return edits


def boilerplate_output(text: str, options: BoilerplateOptions = BoilerplateOptions()) -> str:
    r"""Return ``text`` with the edits of :func:`find_boilerplate_edits` made, without making the edits.

    >>> boilerplate_output("* [Home](/)\n* [News](/news)\n\nThe council met on Monday and voted to keep it open.")
    'The council met on Monday and voted to keep it open.'
    """
    removed, title_suffix, guard = _furniture(text, options)
    if guard is not None:
        return text
    return text_without(text, [i for i, _, _ in removed], [(edit.start, edit.end) for edit in title_suffix])


def _furniture(text: str, options: BoilerplateOptions) -> _Furniture:
    """Classify the blocks of ``text`` until the verdicts settle, and trim its title's site suffix."""
    if not native_blocks(text):
        return _Furniture([], [], None)
    evidence = lexicon_evidence(options.phrases, options.patterns)
    classification = Classification(
        text, evidence, Rules.of(options.strictness), options.max_link_density, keep_comments=options.keep_comments
    )
    title, removed = classification.settle(keep_title=options.keep_title)
    title_suffix = _title_suffix_edits(text, block_at(text, title)) if title is not None and options.keep_title else []
    guard = guard_edit("boilerplate", text, [i for i, _, _ in removed], options.max_removed_share)
    return _Furniture(removed, title_suffix, guard)


def native_step(options: BoilerplateOptions) -> NativeStep | None:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``).

    ``None`` where the user's phrases or patterns, or the removal guard, need Python.
    """
    if options.phrases or options.patterns or options.max_removed_share is not None:
        return None
    rules = Rules.of(options.strictness)
    settings = classification_settings(rules, options.max_link_density, options.keep_comments)
    return ("boilerplate", (settings, options.keep_title))


def remove_boilerplate(
    text: str,
    *,
    strictness: Strictness = "normal",
    keep_title: bool = True,
    max_link_density: float = 0.5,
    max_removed_share: float | None = None,
    phrases: Sequence[str] = (),
    patterns: Sequence[str] = (),
    keep_comments: bool = False,
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
        keep_comments: keep the bodies of a thread of comments after the article (their time
            stamps and author lines still go).

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
        keep_comments=keep_comments,
    )
    return apply_edits(text, find_boilerplate_edits(text, options))


def _title_suffix_edits(text: str, block: Block) -> list[Edit]:
    """Trim the site's name from a title line: "Title | Site - Section" -> "Title".

    The trim repeats on what is left until nothing more qualifies, so a second run trims nothing.
    """
    line = text[block.start : block.end]
    suffix = title_suffix(line)
    if suffix is None:
        return []
    cut, end = suffix
    site = TITLE_SEPARATOR.sub(" ", line[cut:end]).strip()
    return [Edit(block.start + cut, block.start + end, "", "title-suffix", line[cut:end], {"site": site})]
