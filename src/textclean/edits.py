"""The edit protocol: how a cleaner says what it changed, where, and why.

A built-in cleaner finds a list of :class:`Edit` objects on its input; its plain ``str -> str`` face
applies them with :func:`apply_edits`. Because the edits are the cleaner's own account of its work,
:meth:`textclean.Pipeline.explain` can tell which rule fired, and replaying the recorded edits always
gives the same output.

>>> text = "a  b"
>>> edit = Edit(1, 3, " ", "collapse-spaces", text[1:3])
>>> apply_edits(text, [edit])
'a b'
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping, Sequence
from types import MappingProxyType
from typing import Any, NamedTuple


class Edit(NamedTuple):
    """Replace ``old`` (the text at ``start:end`` of a step's input) with ``new``, by ``rule``.

    ``data`` carries what a removed piece was, where a cleaner knows it (a byline's author, a
    dateline's date), so that furniture is labeled data rather than only thrown away. An edit is
    an immutable named tuple: cleaners make thousands of them per document, and a tuple is the
    cheapest immutable record to build.
    """

    start: int
    end: int
    new: str
    rule: str
    old: str
    data: Mapping[str, Any] = MappingProxyType({})

    def to_dict(self) -> dict[str, Any]:
        """Return the edit as a JSON-ready dict.

        >>> Edit(0, 1, "", "drop", "x").to_dict()
        {'start': 0, 'end': 1, 'old': 'x', 'new': '', 'rule': 'drop'}
        """
        row: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "old": self.old,
            "new": self.new,
            "rule": self.rule,
        }
        if self.data:
            row["data"] = dict(self.data)
        return row


def make_edit(text: str, start: int, end: int, new: str, rule: str, **data: Any) -> Edit:
    """Build an edit of ``text`` whose ``old`` is read from the text itself.

    >>> make_edit("hello", 0, 1, "J", "cap")
    Edit(start=0, end=1, new='J', rule='cap', old='h', data={})
    """
    return Edit(start, end, new, rule, text[start:end], data)


def edits_from_lists(text: str, lists: tuple[list[int], list[int], list[str], list[str]]) -> list[Edit]:
    """Build the edits of ``text`` that the native core gives as parallel lists: starts, ends, replacements, rules.

    >>> [edit[:5] for edit in edits_from_lists("a  b", ([1], [3], [" "], ["collapse-spaces"]))]
    [(1, 3, ' ', 'collapse-spaces', '  ')]
    """
    starts, ends, news, rules = lists
    spans = zip(starts, ends, news, rules, strict=True)
    return [Edit(start, end, new, rule, text[start:end]) for start, end, new, rule in spans]


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """Apply sorted, non-overlapping edits of ``text`` and return the new text.

    >>> apply_edits("abc", [make_edit("abc", 0, 1, "A", "r"), make_edit("abc", 2, 3, "", "d")])
    'Ab'
    """
    if not edits:
        return text
    parts = []
    pos = 0
    for edit in edits:
        parts.append(text[pos : edit.start])
        parts.append(edit.new)
        pos = edit.end
    parts.append(text[pos:])
    return "".join(parts)


def derive_edits(before: str, after: str, rule: str) -> list[Edit]:
    """Describe the change from ``before`` to ``after`` as one edit, in linear time.

    This is how a user's plain ``str -> str`` function gets an edit: the common prefix and suffix
    are trimmed and what is left in between is the change.

    >>> [(e.start, e.end, e.old, e.new, e.rule) for e in derive_edits("the cat sat", "the dog sat", "swap")]
    [(4, 7, 'cat', 'dog', 'swap')]
    >>> derive_edits("same", "same", "noop")
    []
    """
    if before == after:
        return []
    limit = min(len(before), len(after))
    prefix = 0
    # compare in growing chunks first so that long equal prefixes cost few Python steps
    step = 4096
    while prefix + step <= limit and before[prefix : prefix + step] == after[prefix : prefix + step]:
        prefix += step
    while prefix < limit and before[prefix] == after[prefix]:
        prefix += 1
    suffix = 0
    limit -= prefix
    while (
        suffix + step <= limit
        and before[len(before) - suffix - step : len(before) - suffix]
        == after[len(after) - suffix - step : len(after) - suffix]
    ):
        suffix += step
    while suffix < limit and before[len(before) - suffix - 1] == after[len(after) - suffix - 1]:
        suffix += 1
    end = len(before) - suffix
    return [Edit(prefix, end, after[prefix : len(after) - suffix], rule, before[prefix:end])]


class OffsetMap:
    """Map offsets of a step's output back to offsets of its input, through that step's edits.

    An offset inside text that an edit inserted maps to the edit's whole input span: the start of a
    span to the edit's start, its end to the edit's end.

    >>> m = OffsetMap([make_edit("a  b", 1, 3, " ", "space")])
    >>> m.to_input(2), m.to_input(3, end=True)
    (3, 4)
    """

    def __init__(self, edits: Sequence[Edit]) -> None:
        self._edits = list(edits)
        self._out_starts: list[int] = []
        shift = 0
        for edit in self._edits:
            self._out_starts.append(edit.start + shift)
            shift += len(edit.new) - (edit.end - edit.start)

    def to_input(self, offset: int, *, end: bool = False) -> int:
        """Return the input offset of output ``offset`` (``end=True`` for the end of a span)."""
        index = bisect.bisect_right(self._out_starts, offset) - 1
        if index < 0:
            return offset
        edit = self._edits[index]
        out_start = self._out_starts[index]
        out_end = out_start + len(edit.new)
        if offset < out_end or (end and offset == out_end and out_start < offset):
            return edit.end if end and offset > out_start else edit.start
        return edit.end + (offset - out_end)


def merge_edits(text: str, first: Sequence[Edit], second: Sequence[Edit]) -> list[Edit]:
    """Compose two rounds of edits into one list of edits of ``text``.

    ``first`` edits ``text``; ``second`` edits the result of ``first``. A cleaner that works in
    passes uses this to report every change against its own input. Where a second-round edit
    overlaps a first-round one, the two become one edit whose rule names both. Cleaners whose rounds run
    in the native core merge them the same way there (``merge`` in ``native/src/edits.rs``).

    >>> text = "a  b"
    >>> one = [make_edit(text, 1, 3, " ", "space")]
    >>> two = [make_edit(apply_edits(text, one), 2, 3, "B", "upper")]
    >>> merged = merge_edits(text, one, two)
    >>> apply_edits(text, merged)
    'a B'
    >>> [(e.start, e.end, e.new, e.rule) for e in merged]
    [(1, 3, ' ', 'space'), (3, 4, 'B', 'upper')]
    """
    if not second:
        return list(first)
    if not first:
        return list(second)
    mid = apply_edits(text, first)
    # every edit as a span of the middle text: (start, end, first-round edit or None, second-round edit or None)
    spans: list[tuple[int, int, Edit | None, Edit | None]] = []
    shift = 0
    for edit in first:
        start = edit.start + shift
        spans.append((start, start + len(edit.new), edit, None))
        shift += len(edit.new) - (edit.end - edit.start)
    spans.extend((edit.start, edit.end, None, edit) for edit in second)
    spans.sort(key=lambda s: (s[0], s[1]))

    merged: list[Edit] = []
    shift = 0  # how much longer the middle text is than the input, before the current cluster
    index = 0
    while index < len(spans):
        start, end, _, _ = spans[index]
        cluster = [spans[index]]
        index += 1
        while index < len(spans) and _overlaps(spans[index], start, end):
            end = max(end, spans[index][1])
            cluster.append(spans[index])
            index += 1
        firsts = [s[2] for s in cluster if s[2] is not None]
        seconds = [s[3] for s in cluster if s[3] is not None]
        in_start = start - shift
        shift += sum(len(e.new) - (e.end - e.start) for e in firsts)
        in_end = end - shift
        new = apply_edits(mid[start:end], [_shifted(e, -start) for e in seconds])
        rules = dict.fromkeys(e.rule for e in sorted(firsts + seconds, key=lambda e: e.start))
        if text[in_start:in_end] != new:
            merged.append(Edit(in_start, in_end, new, "+".join(rules), text[in_start:in_end]))
    return merged


def _overlaps(span: tuple[int, int, Edit | None, Edit | None], start: int, end: int) -> bool:
    """Whether a span belongs to the cluster ``start:end`` (overlapping, or empty at its edge)."""
    return span[0] < end or (span[0] == end and (span[0] == span[1] or start == end))


def _shifted(edit: Edit, by: int) -> Edit:
    return Edit(edit.start + by, edit.end + by, edit.new, edit.rule, edit.old, edit.data)
