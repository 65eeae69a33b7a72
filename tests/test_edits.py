"""The edit protocol: applying, deriving, composing and mapping edits."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from textclean.edits import OffsetMap, apply_edits, derive_edits, make_edit, merge_edits

short_text = st.text(alphabet="abcde \n", max_size=20)


@st.composite
def text_and_edits(draw: st.DrawFn, text: str | None = None) -> tuple[str, list]:
    if text is None:
        text = draw(short_text)
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    edits = []
    for start, end in zip(cuts[::2], cuts[1::2], strict=False):
        edits.append(make_edit(text, start, end, draw(st.text(alphabet="xyz", max_size=3)), "r"))
    return text, edits


@given(st.data())
def test_merged_edits_equal_two_rounds(data: st.DataObject) -> None:
    text, first = data.draw(text_and_edits())
    middle = apply_edits(text, first)
    _, second = data.draw(text_and_edits(middle))
    merged = merge_edits(text, first, second)
    assert apply_edits(text, merged) == apply_edits(middle, second)
    assert all(a.end <= b.start for a, b in itertools.pairwise(merged))
    assert all(text[e.start : e.end] == e.old for e in merged)


@given(short_text, short_text)
def test_derived_edit_rebuilds_the_output(before: str, after: str) -> None:
    edits = derive_edits(before, after, "fn")
    assert apply_edits(before, edits) == after
    assert len(edits) == (before != after)


def test_derived_edit_is_the_smallest_changed_region() -> None:
    long = "x" * 10_000
    [edit] = derive_edits(long + "abc" + long, long + "aXc" + long, "fn")
    assert (edit.start, edit.end, edit.old, edit.new) == (10_001, 10_002, "b", "X")


@given(st.data())
def test_offset_map_sends_unchanged_text_home(data: st.DataObject) -> None:
    text, edits = data.draw(text_and_edits())
    output = apply_edits(text, edits)
    offsets = OffsetMap(edits)
    position = 0
    for edit in [*edits, None]:
        stop = len(text) if edit is None else edit.start
        for index in range(position, stop):  # every unchanged character maps back to itself
            out_index = index + sum(len(e.new) - (e.end - e.start) for e in edits if e.end <= index)
            assert output[out_index] == text[index]
            assert offsets.to_input(out_index) == index
        if edit is not None:
            position = edit.end
