r"""Turn removed blocks into edits, and refuse a removal that takes too much: shared by ``boilerplate`` and ``footer``.

>>> from textclean.edits import apply_edits
>>> from textclean.furniture.blocks import split_blocks
>>> text = "Keep this.\n\nShare this\n\nAnd this.\n"
>>> blocks = split_blocks(text)
>>> edits = removal_edits(text, blocks, {1: ("x-share", {"label": "share"})})
>>> apply_edits(text, edits)
'Keep this.\n\nAnd this.\n'
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from textclean.edits import Edit
from textclean.furniture.blocks import Block

# What a cleaner says of a removed block: the edit's rule and its data.
Removal = tuple[str, Mapping[str, Any]]


def removal_edits(text: str, blocks: Sequence[Block], removals: Mapping[int, Removal]) -> list[Edit]:
    """Return one edit per removed block (by index, in order), each with the line breaks that follow it.

    So no gap is left behind; removed blocks at the end of the text take the breaks before them
    (a final line break stays), and so does a line right under kept text that a blank line follows.
    """
    edits = []
    tail = len(blocks)
    while tail > 0 and tail - 1 in removals:
        tail -= 1
    for i, (rule, data) in removals.items():
        block = blocks[i]
        start = text.rfind("\n", 0, block.start) + 1
        if text[start : block.start].strip():
            start = block.start
        if i == tail and i > 0:
            start = blocks[i - 1].end
        new = ""
        if i + 1 < len(blocks):
            end = text.rfind("\n", block.end, blocks[i + 1].start) + 1 or block.end
            if (
                0 < i < tail
                and i - 1 not in removals
                and _blank(text, block.end, end)
                and not _blank(text, blocks[i - 1].end, start)
            ):
                # a line right under kept text, with a blank line after it: the blank line stays, so
                # that the text above and the text below remain two paragraphs
                start, end = blocks[i - 1].end, block.end
        else:
            end = len(text) if not text[block.end :].strip() else block.end
            new = "\n" if text.endswith("\n") and tail > 0 and end == len(text) else ""
        edits.append(Edit(start, end, new, rule, text[start:end], data))
    return edits


def _blank(text: str, start: int, end: int) -> bool:
    """Tell whether ``text[start:end]`` holds a blank line (two line breaks with only spaces between)."""
    return text.count("\n", start, end) >= 2


def guard_edit(cleaner: str, blocks: Sequence[Block], removed: Sequence[int], most: float | None) -> Edit | None:
    r"""Return the edit that changes nothing and says why, if the removals take more than ``most`` of the words.

    ``None`` when ``most`` is ``None`` (no guard) or the removals stay within it.

    >>> from textclean.furniture.blocks import split_blocks
    >>> guard_edit("footer", split_blocks("one two\n\nthree"), [0], 0.5).data
    {'removed_share': 0.667, 'max_removed_share': 0.5}
    """
    if most is None:
        return None
    total = sum(block.words for block in blocks)
    share = sum(blocks[i].words for i in removed) / total if total else 0.0
    if share <= most:
        return None
    data = {"removed_share": round(share, 3), "max_removed_share": most}
    return Edit(0, 0, "", f"{cleaner}-guard", "", data)
