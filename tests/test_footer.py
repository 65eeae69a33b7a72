"""The footer cleaner: the page's tail after the article goes, the article's last lines stay."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from textclean.cleaners.footer import FooterOptions, find_footer_edits, remove_footer
from textclean.errors import InvalidOptionError
from textclean.pipeline import Pipeline

from .conftest import expected_paragraphs

CASES = json.loads((Path(__file__).parent / "cases" / "boilerplate.json").read_text(encoding="utf-8"))

ARTICLE = (
    "The council voted on Tuesday evening to keep the old library open for at least another year, "
    "after a long debate in which dozens of residents spoke for and against the plan to close it.\n\n"
    "The mayor said that the money for the building would come from the parks budget, and that a "
    "committee of volunteers would look for a new use of the reading rooms by the end of the summer.\n"
)


@pytest.mark.parametrize("case", CASES["footer"], ids=lambda case: case["label"])
def test_cases(case: dict[str, object]) -> None:
    output = remove_footer(str(case["input"]))
    for kept in case["must_keep"]:  # type: ignore[attr-defined]
        assert kept in output
    for dropped in case["must_drop"]:  # type: ignore[attr-defined]
        assert dropped not in output


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # must not change: the article alone, a marker before enough text, a marker with the text after it
        (ARTICLE, ARTICLE),
        ("Leave a Comment\n", "Leave a Comment\n"),
        (f"Tags: news\n\n{ARTICLE}", f"Tags: news\n\n{ARTICLE}"),
        ("", ""),
        # the tail goes from the first footer line on; a final line break stays
        (f"{ARTICLE}\nLeave a Comment\n", ARTICLE),
        (f"{ARTICLE}\n© 2024 Example Media\n\nAbout us\n\nContact", ARTICLE.rstrip("\n")),
        (f"{ARTICLE}\nRelated articles\n\nThe museum closes\n", ARTICLE),
    ],
)
def test_table(text: str, expected: str) -> None:
    assert remove_footer(text) == expected


def test_a_long_discussion_after_a_marker_keeps_the_text() -> None:
    # more prose after the line than before it: the line is not where the article ends
    text = f"{ARTICLE}\nFiled under: news\n\n{ARTICLE}\n{ARTICLE}"
    assert remove_footer(text) == text


# Teasers of other stories, each one paragraph: much prose before the article on a scraped page.
TEASERS = "\n\n".join(
    f"Story {n}: the regional council of the northern district met again this week to discuss the "
    f"budget for roads, schools and the new bus lines that were promised to residents last year."
    for n in range(1, 5)
)


@pytest.mark.parametrize(
    ("marker", "sentences"),
    [
        ("Filed under: Health", ("The first case was reported in May.", "Officials said the risk remains.")),
        ("Schlagwörter: Bayern", ("Der erste Fall wurde im Mai gemeldet.", "Die Behörde warnt die Bürger.")),
        ("Etiquetas: Madrid", ("El primer caso se notificó en mayo.", "Las autoridades piden cautela.")),
        ("3 commentaires", ("Le premier cas a été signalé en mai.", "Les autorités restent prudentes.")),
    ],
)
def test_a_tag_line_above_the_article_heads_it(marker: str, sentences: tuple[str, str]) -> None:
    # a tag line followed at once by paragraph after paragraph is in the article's header, even
    # when teasers before it outweigh the article's text
    first, second = " ".join(sentences), " ".join(reversed(sentences))
    article = f"{first}\n\n{second}\n\n{first}\n\n{second}\n\n{first}\n"
    text = f"{TEASERS}\n\n{marker}\n\n{article}"
    assert remove_footer(text) == text
    # with fewer sentences after it, the line ends the article as before
    short = f"{TEASERS}\n\n{marker}\n\n{first}\n\n{second}\n"
    assert remove_footer(short) == f"{TEASERS}\n"


def test_an_about_the_author_line_ends_the_article_before_its_text() -> None:
    bio = "Jane Doe writes about city politics and has covered the council for years."
    text = f"{ARTICLE}\nAbout the author\n\n{bio}\n\n{bio}\n\n{bio}\n"
    assert remove_footer(text) == ARTICLE


@pytest.mark.parametrize(
    "heading", ["Most read", "Latest headlines", "Weitere Artikel", "Les plus lus", "Lo más leído", "Mais lidas"]
)
def test_the_heading_of_a_list_of_other_stories_ends_the_article(heading: str) -> None:
    text = f"{ARTICLE}\n{heading}\n\nThe museum closes for a year\n\nA new bridge for the old town\n"
    assert remove_footer(text) == ARTICLE


def test_a_cross_reference_to_one_story_is_no_end() -> None:
    # "See also: <title>" points from inside the article to one other story
    text = f"{ARTICLE}\nSee also: The museum closes for a year\n\nThe vote was close.\n"
    assert remove_footer(text) == text
    assert remove_footer(text.replace("See also: The museum closes for a year", "See also")) == ARTICLE


def test_explain_labels_the_end_and_the_tail() -> None:
    text = f"{ARTICLE}\nArticles by: Jane Doe\n\nFor media inquiries: press@example.org\n"
    edits = Pipeline(["footer"]).explain(text).steps[0].edits
    assert [edit.rule for edit in edits] == ["footer-source", "footer-tail"]
    assert edits[0].data == {"label": "source", "text": "Articles by: Jane Doe"}
    assert edits[1].data["text"] == "For media inquiries: press@example.org"


def test_user_phrases_and_patterns() -> None:
    text = f"{ARTICLE}\nVisit our shop\n\nGift cards\n"
    assert remove_footer(text) == text
    assert remove_footer(text, phrases=["visit our shop"]) == ARTICLE
    assert remove_footer(text, patterns=[r"^visit\b"]) == ARTICLE


def test_strictness() -> None:
    text = f"{ARTICLE}\nShare this:\n\nFacebook\n"
    assert remove_footer(text) == ARTICLE
    assert remove_footer(text, strictness="lenient") == text
    comment = "Great piece, thanks for writing it up so clearly; I learned a lot about how the council works "
    comment += "and why the library matters to so many people here."
    comments = f"{ARTICLE}\n2 Comments\n\n{comment}\n"
    assert remove_footer(comments) == ARTICLE
    assert remove_footer(comments, strictness="lenient") == comments


def test_a_prompt_inside_the_article_is_no_end() -> None:
    # the article goes on right after the prompt, or its next paragraph goes on with its subject
    more = "The library's board and the council will meet again in June to set the opening hours of the reading "
    more += "rooms for the summer.\n"
    assert remove_footer(f"{ARTICLE}\nShare this:\n\n{more}") == f"{ARTICLE}\nShare this:\n\n{more}"
    boxed = f"{ARTICLE}\nRead more\n\n* [Budget vote](/budget)\n\n{more}"
    assert remove_footer(boxed) == boxed
    assert remove_footer(boxed, strictness="strict") == ARTICLE


def test_a_prompt_before_other_stories_ends_the_article() -> None:
    others = "Read more\n\n[Storm closes the harbour](/storm)\n\nFishing boats stayed in port as waves hit the pier.\n"
    assert remove_footer(f"{ARTICLE}\n{others}") == ARTICLE


def test_guard_and_min_article_words() -> None:
    text = f"{ARTICLE}\nLeave a Comment\n\n" + "Comment text here. " * 10 + "\n"
    assert remove_footer(text) == ARTICLE
    assert remove_footer(text, max_removed_share=0.1) == text
    (edit,) = find_footer_edits(text, FooterOptions(max_removed_share=0.1))
    assert edit.rule == "footer-guard"
    assert find_footer_edits(text, FooterOptions(min_article_words=500)) == []


@pytest.mark.parametrize(
    "options",
    [{"strictness": "always"}, {"min_article_words": -1}, {"max_removed_share": 2}, {"patterns": ["["]}],
)
def test_invalid_options_say_what_is_allowed(options: dict[str, object]) -> None:
    with pytest.raises(InvalidOptionError, match="footer"):
        Pipeline(["footer"], options={"footer": options})


@given(st.lists(st.sampled_from(expected_paragraphs()), min_size=1, max_size=8), st.integers(0, 8))
def test_output_is_a_prefix_of_the_input(paragraphs: list[str], at: int) -> None:
    text = "\n\n".join([*paragraphs[:at], "Leave a Comment", *paragraphs[at:]])
    output = remove_footer(text)
    assert text.startswith(output.rstrip("\n"))
    for paragraph in paragraphs[:at]:
        assert paragraph in output
