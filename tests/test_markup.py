"""The markup cleaner: formatting markup out, words and lines kept."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.cleaners.markup import MarkupOptions, find_markup_edits, strip_formatting_markup
from textclean.text.markup_tokens import MARKUP_KINDS, tokenize_markup

from .conftest import assert_edits_well_formed, documents, expected_paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # emphasis
        ("a **bold** word", "a bold word"),
        ("a __strong word__ here", "a strong word here"),
        ("an _italic_ and a *starred* word", "an italic and a starred word"),
        ("(_Reuters_) said", "(Reuters) said"),
        ("**Ed\nCara** wrote", "Ed\nCara wrote"),
        ("*a **b** c*", "a b c"),
        ("**_both_**", "both"),
        ("[ __](x) __ icons ****", "[](x) icons"),
        # headings, rules, quotes
        ("## A heading\nBody", "A heading\nBody"),
        ("#  Two spaces", "Two spaces"),
        ("> quoted\n> > nested", "quoted\nnested"),
        ("a\r\n> quoted\r## title\r\n", "a\r\nquoted\rtitle\r\n"),
        ("Intro\n\n* * *\n\nNext", "Intro\n\nNext"),
        ("Intro\n\n---\n\nNext", "Intro\n\nNext"),
        ("Intro\n___\nNext", "Intro\nNext"),
        ("  *   *   * \nText", "Text"),
        ("Items:\n  * \n  * one", "Items:\n  * one"),
        # tables
        ("N | Pts\n---|---\n1 | 12\n2 | 9\n\nAfter", "N\tPts\n1\t12\n2\t9\n\nAfter"),
        ("| a | b |\n|:---|---:|\n| 1 | 2 |", "a\tb\n1\t2"),
        # stray tags
        ("one<br>two<br/>", "one\ntwo"),
        ("<p>Para</p>\n<div class='x'>Box</div>", "Para\nBox"),
        ("a <span style='c'>styled</span> <b>word</b><!-- note -->", "a styled word"),
        # must not change
        ("2 * 3 * 4 and 2*3", "2 * 3 * 4 and 2*3"),
        ("snake_case_names and __init__ and file_name_", "snake_case_names and __init__ and file_name_"),
        ("a < b > c, x<y, <3, <notatag>", "a < b > c, x<y, <3, <notatag>"),
        ("#hashtag and C# and #1", "#hashtag and C# and #1"),
        ("  * a list item\n1. first\n- dash", "  * a list item\n1. first\n- dash"),
        ("a | b without a rule under it", "a | b without a rule under it"),
        ("a -- b --- c", "a -- b --- c"),
        ("**unclosed bold and _unclosed italics", "**unclosed bold and _unclosed italics"),
        ("\\*escaped\\* stays for the links step", "\\*escaped\\* stays for the links step"),
        ("", ""),
    ],
)
def test_table(text: str, expected: str) -> None:
    assert strip_formatting_markup(text) == expected


@pytest.mark.parametrize(
    ("options", "text", "expected"),
    [
        ({"headings": "keep"}, "## Title **x**", "## Title x"),
        ({"list_markers": "drop"}, "  * one\n  * two\n3. three", "one\ntwo\nthree"),
        ({"tables": "keep"}, "a | b\n---|---\n1 | 2", "a | b\n---|---\n1 | 2"),
    ],
)
def test_options(options: dict[str, str], text: str, expected: str) -> None:
    assert strip_formatting_markup(text, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize("options", [{"headings": "drop"}, {"list_markers": "bullets"}, {"tables": "tsv"}])
def test_invalid_options_say_what_is_allowed(options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=r"must be one of"):
        MarkupOptions(**options)  # type: ignore[arg-type]


def test_edits_name_their_rule_and_are_well_formed() -> None:
    text = "# T\n\n**b** <br> x\n\n---\n\n> q"
    edits = find_markup_edits(text)
    assert [edit.rule for edit in edits] == [
        "heading-marker",
        "emphasis",
        "emphasis",
        "html-tag",
        "horizontal-rule",
        "quote-marker",
    ]
    assert_edits_well_formed(text, edits)


def test_edits_of_later_rounds_are_edits_of_the_input() -> None:
    text = "\ud800 x <**b**> *a **\u00e9** c*"  # offsets are Python's, lone surrogate included
    edits = find_markup_edits(text)
    assert [(edit.old, edit.rule) for edit in edits] == [
        ("<**b**>", "html-tag+emphasis"),
        ("*", "emphasis"),
        ("**", "emphasis"),
        ("**", "emphasis"),
        ("*", "emphasis"),
    ]
    assert_edits_well_formed(text, edits)


_PIECES = st.sampled_from(
    [
        "*", "**", "_", "__", "#", "# ", "## ", "> ", "---", "* * *", "|", " | ", "---|---", "<br>", "<p>",
        "</div>", "<span a=b>", "<!--", "-->", " ", "\n", "\n\n", "a", "b c", "2 * 3", "snake_case", "\\", "\t",
    ]
)  # fmt: skip
markup_soup = st.lists(_PIECES, max_size=40).map("".join)


@given(text=markup_soup | documents())
def test_idempotent(text: str) -> None:
    once = strip_formatting_markup(text)
    assert strip_formatting_markup(once) == once


@given(text=markup_soup)
def test_idempotent_with_every_option(text: str) -> None:
    for options in ({"headings": "keep"}, {"list_markers": "drop"}, {"tables": "keep"}):
        once = strip_formatting_markup(text, **options)  # type: ignore[arg-type]
        assert strip_formatting_markup(once, **options) == once  # type: ignore[arg-type]


@given(text=markup_soup)
def test_tokens_sorted_and_disjoint(text: str) -> None:
    tokens = tokenize_markup(text)
    assert all(0 <= t.start < t.end <= len(text) for t in tokens)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


def test_each_kind_asked_alone_is_the_only_one_found() -> None:
    text = "## a **b** ****\n* * *\n*\n> c\n1. d\n|x|y|\n|---|---|\n<br>"
    assert {token.kind for token in tokenize_markup(text)} == MARKUP_KINDS
    for kind in MARKUP_KINDS:
        alone = tokenize_markup(text, frozenset({kind}))
        assert alone and {token.kind for token in alone} == {kind}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\ud800**é**\U0001f600<br>x", [("**", ""), ("**", ""), ("<br>", "\n")]),  # offsets are Python's
        ("__\U00010940__ __\u2603__", [("__", ""), ("__", "")]),  # a letter of Unicode 17 makes a name
        ("x\x1c<br>y x<bloc\u212aquote>y", [("<br>", ""), ("<bloc\u212aquote>", "\n")]),  # str.isspace(), str.lower()
    ],
)
def test_tokens_of_any_str_read_characters_as_python_does(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(text[token.start : token.end], token.text) for token in tokenize_markup(text)] == expected


@given(paragraph=st.sampled_from(expected_paragraphs()), delimiter=st.sampled_from(["**", "_", "*"]))
def test_an_emphasized_word_reads_as_the_paragraph(paragraph: str, delimiter: str) -> None:
    words = paragraph.split(" ")
    middle = len(words) // 2
    marked = " ".join([*words[:middle], f"{delimiter}{words[middle]}{delimiter}", *words[middle + 1 :]])
    if strip_formatting_markup(paragraph) == paragraph and words[middle].isalpha():
        assert strip_formatting_markup(marked) == paragraph


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["*", "**a", "_", "__x", "# ", "> ", "<p>", "<!--", "|", "---|---\n", "* * *\n"])
def test_linear_on_adversarial_input(unit: str) -> None:
    """A generous bound that only catastrophic (quadratic or worse) behaviour breaks."""
    text = unit * 100_000
    start = time.perf_counter()
    strip_formatting_markup(text)
    assert time.perf_counter() - start < 30
