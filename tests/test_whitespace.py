"""The whitespace cleaner: layout only."""

from __future__ import annotations

import pytest

from textclean.cleaners.whitespace import WhitespaceOptions, normalize_whitespace


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\r\nb\rc", "a\nb\nc"),
        ("a \t\nb\u00a0\u3000\n", "a\nb\n"),
        ("a\n\n\n\nb", "a\n\nb"),
        ("a\n \n\t\n\nb", "a\n\nb"),
        ("\n\n  \nTitle\n", "Title\n"),
        ("Body\n\n\n\n", "Body\n"),
        ("end   ", "end"),
        ("a\u2029b", "a\n\nb"),
        ("a\u2028b", "a\nb"),
        ("", ""),
        ("\n\n\n", ""),
        ("a\n\n ", "a\n"),  # spaces after the last break: the blank lines still end the text
        ("a\r\n \r\n\t", "a\n"),
        # must not change
        ("Title\n\nBody\n", "Title\n\nBody\n"),
        ("    indented code\n        more", "    indented code\n        more"),
        ("no final newline", "no final newline"),
        ("inner  double  spaces", "inner  double  spaces"),
        ("a\u00a0b", "a\u00a0b"),
    ],
)
def test_table(text: str, expected: str) -> None:
    assert normalize_whitespace(text) == expected


def test_max_blank_lines_zero_joins_paragraph_breaks_to_line_breaks() -> None:
    assert normalize_whitespace("a\n\n\nb", max_blank_lines=0) == "a\nb"


def test_long_run_of_spaces_without_newline_is_fast_and_kept() -> None:
    text = "a" + " " * 200_000 + "b"
    assert normalize_whitespace(text) == text


@pytest.mark.parametrize("value", [-1, 10**20, True, "2"])
def test_max_blank_lines_out_of_range_is_a_clear_error(value: object) -> None:
    with pytest.raises(ValueError, match="max_blank_lines must be an integer from 0 to 1000"):
        WhitespaceOptions(max_blank_lines=value)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["a\n\n ", "a \n\n\t\n ", "\n\n x \n\n "])
def test_one_pass_is_enough(text: str) -> None:
    once = normalize_whitespace(text)
    assert normalize_whitespace(once) == once
