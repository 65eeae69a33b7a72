r"""Repeat a cleaner's round until it changes nothing: one loop, with one bound, for every cleaner.

A cleaner must find nothing more on its own output (it is idempotent), and some changes make room
for others: undone markup can make new markup (``\\[a](b)`` unescaped is a link), a decoded entity
can reveal mojibake, a removed block gives its neighbours new neighbours. Such cleaners run their
round again on what the last round left, until a round changes nothing or ``MAX_ROUNDS`` rounds
have run (a bound on pathological input: markup nested deeper keeps its innermost layers).

>>> until_settled(40, lambda n: n // 2 if n > 5 else None)
5
>>> edits = find_until_settled("((a))", lambda t: [Edit(0, len(t), t[1:-1], "peel", t)] if t[0] == "(" else [])
>>> apply_edits("((a))", edits)
'a'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textclean import _native
from textclean.edits import Edit, apply_edits, merge_edits

# Real text settles in one to three rounds; the bound only stops pathological input. The native core's
# cleaners run their rounds with the same bound.
MAX_ROUNDS = _native.MAX_ROUNDS

State = TypeVar("State")


def until_settled(state: State, next_state: Callable[[State], State | None]) -> State:
    """Apply ``next_state`` until it returns ``None`` (nothing changed), at most ``MAX_ROUNDS`` times."""
    for _ in range(MAX_ROUNDS):
        following = next_state(state)
        if following is None:
            break
        state = following
    return state


def find_until_settled(text: str, find_round: Callable[[str], list[Edit]]) -> list[Edit]:
    """Find edits round after round, each on the text the last left, until a round finds none.

    The edits of all rounds are merged into one list of edits of ``text``.
    """

    def next_round(state: tuple[str, list[Edit]]) -> tuple[str, list[Edit]] | None:
        current, edits = state
        found = find_round(current)
        if not found:
            return None
        return apply_edits(current, found), merge_edits(text, edits, found)

    start: tuple[str, list[Edit]] = (text, [])
    return until_settled(start, next_round)[1]
