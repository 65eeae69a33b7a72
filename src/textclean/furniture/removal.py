r"""Turn removed blocks into edits, and refuse a removal that takes too much: shared by ``boilerplate`` and ``footer``.

Where a removal's edits begin and end is the native core's (``native/src/removal.rs``): the same spans
make the edits that ``explain`` shows and the text that a pipeline gives without them.

>>> from textclean.edits import apply_edits
>>> text = "Keep this.\n\nShare this\n\nAnd this.\n"
>>> edits = removal_edits(text, {1: ("x-share", {"label": "share"})})
>>> [(edit.old, edit.rule) for edit in edits]
[('Share this\n\n', 'x-share')]
>>> apply_edits(text, edits) == text_without(text, [1])
True
>>> text_without(text, [1])
'Keep this.\n\nAnd this.\n'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textclean.edits import Edit
from textclean.furniture.blocks import native_blocks, split_blocks

# What a cleaner says of a removed block: the edit's rule and its data.
Removal = tuple[str, Mapping[str, Any]]


def removal_edits(text: str, removals: Mapping[int, Removal]) -> list[Edit]:
    """Return one edit per removed block of ``text`` (by index, ascending), each with the line breaks around it.

    So no gap is left behind; removed blocks at the end of the text take the breaks before them
    (a final line break stays), and so does a line right under kept text that a blank line follows.
    """
    spans = native_blocks(text).removal_edits(list(removals))
    return [
        Edit(start, end, new, rule, text[start:end], data)
        for (start, end, new), (rule, data) in zip(spans, removals.values(), strict=True)
    ]


def text_without(text: str, removed: Sequence[int], cuts: Sequence[tuple[int, int]] = ()) -> str:
    """Return ``text`` without the blocks at ``removed`` (ascending) and the spans ``cuts``, as edits would leave it.

    No edit is made: this is how a pipeline that explains nothing removes blocks.
    """
    if not removed and not cuts:
        return text
    return native_blocks(text).without(list(removed), list(cuts))


def guard_edit(cleaner: str, text: str, removed: Sequence[int], most: float | None) -> Edit | None:
    r"""Return the edit that changes nothing and says why, if the removed blocks hold more than ``most`` of the words.

    ``None`` when ``most`` is ``None`` (no guard) or the removals stay within it.

    >>> guard_edit("footer", "one two\n\nthree", [0], 0.5).data
    {'removed_share': 0.667, 'max_removed_share': 0.5}
    """
    if most is None:
        return None
    blocks = split_blocks(text)
    total = sum(block.words for block in blocks)
    share = sum(blocks[i].words for i in removed) / total if total else 0.0
    if share <= most:
        return None
    data = {"removed_share": round(share, 3), "max_removed_share": most}
    return Edit(0, 0, "", f"{cleaner}-guard", "", data)
