"""How far ``boilerplate`` and ``footer`` go: one ``strictness`` type, decoded once into named rules.

Both cleaners have a ``strictness`` option of this type. It is turned into :class:`Rules` once, so
that every place that asks reads a named flag instead of comparing strings.

>>> Rules.of("normal").neighbours, Rules.of("normal").prose_outside_run
(True, False)
>>> Rules.of("lenient").cut_before_prose
False
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import regex

Strictness = Literal["lenient", "normal", "strict"]
STRICTNESS_VALUES = ("lenient", "normal", "strict")


@dataclass(frozen=True)
class Rules:
    """What a strictness allows, one flag per behaviour."""

    # boilerplate: blocks in doubt are settled by their neighbours (a short line among menus goes)
    neighbours: bool
    # boilerplate: blocks in doubt outside the article's run go, and so do teaser cards after it
    position: bool
    # boilerplate: prose outside the article's run goes too (comments, long teasers)
    prose_outside_run: bool
    # boilerplate: a near-prose block among furniture goes however long it is
    near_prose_among_furniture: bool
    # boilerplate: a long block without the marks of prose is furniture, not in doubt
    unproven_long_blocks: bool
    # footer: a footer line ends the article even when paragraphs of prose follow it
    cut_before_prose: bool
    # footer: share, sign-up and related prompts end the article too, unless text on its subject follows
    prompts_end_article: bool
    # footer: a prompt ends the article even when paragraphs on its subject follow it
    prompts_end_text_on_subject: bool

    @staticmethod
    @cache
    def of(strictness: Strictness) -> Rules:
        """Decode a strictness into its rules."""
        strict = strictness == "strict"
        lenient = strictness == "lenient"
        return Rules(
            neighbours=not lenient,
            position=not lenient,
            prose_outside_run=strict,
            near_prose_among_furniture=strict,
            unproven_long_blocks=strict,
            cut_before_prose=not lenient,
            prompts_end_article=not lenient,
            prompts_end_text_on_subject=strict,
        )


def check_shared_options(
    strictness: str, max_removed_share: float | None, phrases: tuple[str, ...], patterns: tuple[str, ...]
) -> None:
    """Check the options that ``boilerplate`` and ``footer`` share; raise ``ValueError`` saying what is allowed."""
    if strictness not in STRICTNESS_VALUES:
        raise ValueError(f"strictness must be 'lenient', 'normal' or 'strict', not {strictness!r}")
    if max_removed_share is not None and (
        not isinstance(max_removed_share, int | float) or not 0 < max_removed_share <= 1
    ):
        raise ValueError(f"max_removed_share must be None or a number in (0, 1], not {max_removed_share!r}")
    for name, value in (("phrases", phrases), ("patterns", patterns)):
        if not isinstance(value, tuple) or not all(isinstance(item, str) for item in value):
            raise ValueError(f"{name} must be a list of strings, not {value!r}")
    for pattern in patterns:
        try:
            regex.compile(pattern)
        except regex.error as error:
            raise ValueError(f"pattern {pattern!r} is not a valid regular expression: {error}") from None
