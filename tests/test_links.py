"""The links cleaner and the link tokenizer it shares with other cleaners."""

from __future__ import annotations

import itertools
import time

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.cleaners.links import LinksOptions, find_link_edits, strip_link_markup
from textclean.text.markup_tokens import link_text_share, tokenize_links

from .conftest import assert_edits_well_formed, documents, expected_paragraphs


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # inline links
        ("By [Robert Bridge](#)", "By Robert Bridge"),
        ("a [b](http://x.org/y) c", "a b c"),
        ('a [b](http://x.org/y "The title") c', "a b c"),
        ("a [b](<http://x.org/a b>) c", "a b c"),
        ("see [Foo](https://en.wikipedia.org/wiki/Foo_(bar)) now", "see Foo now"),
        ("[ MENU ](javascript:void\\(0\\))", "MENU"),
        ("a [](http://x.org) b", "a b"),
        ("a [text [nested] here](u) b", "a text [nested] here b"),
        ("[Log\nOut](/user/logout/)", "Log\nOut"),
        ("[a](https://x.org/long-\nurl) b", "a b"),
        ("> ![](http://x.org/wp-\n> content/a.jpg)\n>\n> text", ">\n> text"),
        ("> quote ![](a.jpg)\n> more", "> quote\n> more"),
        ('[a](/x "quote "inside" title") b', "a b"),
        ('[Copy]( "Click to copy URL")', "Copy"),
        ("[call](tel:(954) 885-7100) now", "call now"),
        ("[\n\nTwo patients\noutbreak ](https://x.org/p)\n\nNext", "Two patients\noutbreak\n\nNext"),
        # reference links and their definitions
        ("[he said][1] it\n\n[1]: https://x.org/a\n", "he said it\n"),
        ("[it][] and [That][THAT]\n\n[it]: /it\n[that]: <http://x.org> 'T'\n", "it and That\n"),
        # images, inline and as blocks, linked
        ("their biggest ![icon](https://x.org/i.jpg) hits", "their biggest hits"),
        ("Mears 1 0 ![icon](i.jpg)\n\nNext", "Mears 1 0\n\nNext"),
        ("Intro.\n\n![chart](c.png)\n\nBody.", "Intro.\n\nBody."),
        ("Intro.\n\n[![logo](l.png)](/home)\n\nBody.", "Intro.\n\nBody."),
        ("Intro.\n\n![a](a.png) ![b](b.png)\n\nBody.", "Intro.\n\nBody."),
        ("Body.\n\n![a](a.png)\n", "Body.\n"),
        ('[![Logo](https://x.org/logo-\nbig.png)](https://x.org "Logo")\n\nText', "Text"),
        # HTML
        ('diesel <a href="/x" target="_blank">emissions</a>, says', "diesel emissions, says"),
        ("a <img src='x.png'/> b", "a b"),
        ("a <A HREF=x>b</A> c", "a b c"),
        ("stray </a> tag", "stray tag"),
        # autolinks and escapes
        ("Nissan (<https://x.org/n>) hopes", "Nissan (https://x.org/n) hopes"),
        ("mail <me@x.org>", "mail me@x.org"),
        (
            "\\$4 billion, 1\\. first, \\*not\\* \\_this\\_ \\- \\[again\\]",
            "$4 billion, 1. first, *not* _this_ - [again]",
        ),
        # must not change
        ("[sic] [1] [...] (AP) [Updated at 3:45 p.m.]", "[sic] [1] [...] (AP) [Updated at 3:45 p.m.]"),
        ("x < y and y > z, <3, a [b] (c), :-) ;-]", "x < y and y > z, <3, a [b] (c), :-) ;-]"),
        ("C:\\Users\\Public and \\n and \\\\server", "C:\\Users\\Public and \\n and \\\\server"),
        ("`a\\*b` is code", "`a\\*b` is code"),
        ("[Editor's note]: corrected later", "[Editor's note]: corrected later"),
        ("a [b][c] d", "a [b][c] d"),
        ("1. not a list item (2019) (see below)", "1. not a list item (2019) (see below)"),
        (
            "[a stray bracket\n\n" + "x" * 2000 + " and a](later)",
            "[a stray bracket\n\n" + "x" * 2000 + " and a](later)",
        ),
        ("", ""),
    ],
)
def test_table(text: str, expected: str) -> None:
    assert strip_link_markup(text) == expected


@pytest.mark.parametrize(
    ("options", "text", "expected"),
    [
        ({"urls": "keep"}, "See [the report](https://x.org/r).", "See the report (https://x.org/r)."),
        ({"urls": "keep"}, "[https://x.org](https://x.org) and [top](#)", "https://x.org and top"),
        ({"urls": "footnote"}, "[a](/1) [b](/2) [c](/1)", "a [1] b [2] c [1]\n\n[1] /1\n[2] /2"),
        ({"urls": "footnote"}, "[a](/1)\n", "a [1]\n\n[1] /1\n"),
        # a backslash in a URL is percent-encoded, so the next pass reads no markdown escape in it
        ({"urls": "footnote"}, "[1](\\\\[)", "1 [1]\n\n[1] %5C["),
        ({"urls": "keep"}, "[a](/x\\\\y)", "a (/x%5Cy)"),
        ({"bare_urls": "drop"}, "Read https://x.org/a, then <https://x.org/b>.", "Read, then."),
        ({"bare_urls": "replace"}, "Go to www.x.org/a (https://x.org/b).", "Go to <URL> (<URL>)."),
        ({"bare_urls": "replace", "url_token": "_URL_"}, "at http://x.org", "at _URL_"),
    ],
)
def test_options(options: dict[str, str], text: str, expected: str) -> None:
    assert strip_link_markup(text, **options) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "options",
    [
        {"urls": "inline"},
        {"bare_urls": "mask"},
        {"urls": "keep", "bare_urls": "drop"},
        {"bare_urls": "replace", "url_token": "[URL]"},
        {"bare_urls": "replace", "url_token": "see http://x.org"},
    ],
)
def test_invalid_options_say_what_is_allowed(options: dict[str, str]) -> None:
    with pytest.raises(ValueError, match=r"must|use"):
        LinksOptions(**options)  # type: ignore[arg-type]


def test_edits_name_their_rule_and_are_well_formed() -> None:
    text = "[a](u) ![i](s) <b@x.org> \\$ <a href=x>y</a>\n\n[r][1]\n\n[1]: /r\n"
    edits = find_link_edits(text)
    assert [edit.rule for edit in edits] == [
        "link",
        "image",
        "autolink",
        "markdown-escape",
        "html-link",
        "reference-link",
        "reference-definition",
    ]
    assert_edits_well_formed(text, edits)


def test_tokens_are_sorted_and_do_not_overlap() -> None:
    text = "[a <a href=x>b</a>](u) <a href=y>[c](d) \\* ![e](f)\n\n[g][h] <a href=z>\n\n[h]: /h"
    tokens = tokenize_links(text)
    kinds = ["link", "html_link", "link", "escape", "image", "reference", "html_link", "definition"]
    assert [t.kind for t in tokens] == kinds
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))


def test_tokenizer_reads_link_text_as_a_reader_sees_it() -> None:
    [token] = tokenize_links("[a \\*b\\* ![i](x) <a href=u>c</a>](/url)")
    assert (token.kind, token.text, token.url) == ("link", "a *b*  c", "/url")


@pytest.mark.parametrize(
    ("text", "share"),
    [
        ("no links at all", 0.0),
        ("", 0.0),
        ("[Home](/) [News](/news)", 1.0),
        ("[![logo](l.png)](/)", 1.0),
        ("Read the [full story](/story) here", 0.45),
        ("<a href='/x'>abcd</a> efgh", 0.5),
    ],
)
def test_link_text_share(text: str, share: float) -> None:
    assert link_text_share(text) == pytest.approx(share)


# Markup pieces and look-alikes, to build texts dense with brackets, tags and escapes.
_PIECES = st.sampled_from(
    [
        "[", "]", "(", ")", "![", "](", "][", "<", ">", "\\", "`", '"', "'", " ", "\n", "\n\n", "a", "b c",
        "-\n", "http://x.org", "<a href=x>", "</a>", "<img src=y>", "[1]: /u", "[1]", "\\*", "\\\\", ":",
    ]
)  # fmt: skip
markup_soup = st.lists(_PIECES, max_size=40).map("".join)


@given(text=markup_soup | documents())
def test_idempotent_on_markup_soup(text: str) -> None:
    once = strip_link_markup(text)
    assert strip_link_markup(once) == once


@given(text=markup_soup)
def test_idempotent_with_every_option(text: str) -> None:
    for options in ({"urls": "keep"}, {"urls": "footnote"}, {"bare_urls": "drop"}, {"bare_urls": "replace"}):
        once = strip_link_markup(text, **options)  # type: ignore[arg-type]
        assert strip_link_markup(once, **options) == once  # type: ignore[arg-type]


@given(text=markup_soup)
def test_tokens_always_sorted_and_disjoint(text: str) -> None:
    tokens = tokenize_links(text)
    assert all(0 <= t.start < t.end <= len(text) for t in tokens)
    assert all(a.end <= b.start for a, b in itertools.pairwise(tokens))
    assert 0.0 <= link_text_share(text) <= 1.0


@given(paragraph=st.sampled_from(expected_paragraphs()), url=st.sampled_from(["#", "/a-b", "https://x.org/a_(b)"]))
def test_a_linked_paragraph_reads_as_the_paragraph(paragraph: str, url: str) -> None:
    words = paragraph.split(" ")
    middle = len(words) // 2
    linked = " ".join([*words[:middle], f"[{words[middle]}]({url})", *words[middle + 1 :]])
    assert strip_link_markup(linked) == paragraph


@pytest.mark.slow
@pytest.mark.parametrize(
    "unit", ["[", "](", "![", "[a](", "[x][", '[a](b "', "<a ", "<a href=x>[", "\\*", "`", "[\n\n"]
)
def test_linear_on_adversarial_input(unit: str) -> None:
    """A generous bound that only catastrophic (quadratic or worse) behaviour breaks."""
    text = unit * 100_000
    start = time.perf_counter()
    strip_link_markup(text)
    assert time.perf_counter() - start < 30


def test_linear_on_one_long_line() -> None:
    text = "[a](http://x.org/" + "y" * 5_000_000
    start = time.perf_counter()
    assert strip_link_markup(text) == text
    assert time.perf_counter() - start < 30
