"""Properties every registered cleaner and the default pipeline must have, on any text."""

from __future__ import annotations

import time

import pytest
from hypothesis import given

import textclean
from textclean import registry
from textclean.pipeline import Pipeline

from .conftest import any_text, assert_explanation_well_formed, documents, expected_paragraphs, is_subsequence

STEPS = [*registry.builtin_names(), None]  # None: the default pipeline
IDS = [name or "default" for name in STEPS]
# cleaners that only remove text: their output words must be a subsequence of their input words
REMOVERS = {"boilerplate", "footer"}


def pipeline_for(name: str | None) -> Pipeline:
    return Pipeline(None if name is None else [name])


@pytest.mark.parametrize("name", STEPS, ids=IDS)
@given(text=any_text)
def test_never_raises_and_returns_str(name: str | None, text: str) -> None:
    assert isinstance(pipeline_for(name)(text), str)


@pytest.mark.parametrize("name", STEPS, ids=IDS)
@given(text=any_text)
def test_idempotent(name: str | None, text: str) -> None:
    pipeline = pipeline_for(name)
    once = pipeline(text)
    assert pipeline(once) == once


@pytest.mark.xfail(
    strict=True,
    reason="the title's site suffix goes, and what is left is a line of links that the next run removes",
)
def test_a_title_that_is_a_link_and_a_site_name_is_cleaned_in_one_run() -> None:
    pipeline = pipeline_for("boilerplate")
    once = pipeline("[0](0:0) | 0:0")
    assert pipeline(once) == once


@pytest.mark.xfail(strict=True, reason="a paragraph written twice goes once per run, one copy after the other")
def test_two_repeated_paragraphs_are_cleaned_in_one_run() -> None:
    # two paragraphs of a seed page, each written twice
    first = (
        "On Sunday, Lavrov also focused on this issue when he said in Managua that Moscow expects \u201cmore "
        "detailed explanations, and they have been promised to us.\u201d\n\n"
    )
    second = (
        "Although the Kremlin never actually acknowledged a direct connection between Lavrov\u2019s announcement "
        "of \u201cjoint military drills\u201d with Nicaragua, and America\u2019s impetuous juggernaut activities "
        "throughout Eastern Europe, it is difficult to look at the present realities without making one.\n\n"
    )
    pipeline = pipeline_for("boilerplate")
    once = pipeline(first + first + second + second)
    assert pipeline(once) == once


@pytest.mark.parametrize("name", STEPS, ids=IDS)
@given(text=any_text)
def test_explain_records_edits_that_lead_from_the_input_to_the_output(name: str | None, text: str) -> None:
    pipeline = pipeline_for(name)
    report = pipeline.explain(text)
    assert report.output == pipeline(text)
    assert_explanation_well_formed(report)


@pytest.mark.parametrize("name", sorted(REMOVERS & set(registry.builtin_names())))
@given(text=documents())
def test_removers_never_invent_words(name: str, text: str) -> None:
    assert is_subsequence(pipeline_for(name)(text).split(), text.split())


@pytest.mark.parametrize("name", STEPS, ids=IDS)
def test_clean_article_paragraphs_survive(name: str | None) -> None:
    """The seeds' clean article paragraphs come through every cleaner with their words intact."""
    article = "\n\n".join(expected_paragraphs())
    output = " ".join(pipeline_for(name)(article).split())
    for paragraph in expected_paragraphs():
        assert " ".join(paragraph.split()) in output


def _pathological_inputs() -> dict[str, str]:
    line = " ".join(" ".join(expected_paragraphs()).split())
    return {
        "one 10 MB line": (line + " ") * (10_000_000 // (len(line) + 1)),
        "400,000 blank lines": "x\n" + "\n" * 400_000 + "y",
        "10^5 ab-newline": "ab-\n" * 100_000,
        "10^5 [": "[" * 100_000,
        "10^5 ](": "](" * 100_000,
    }


@pytest.mark.slow
@pytest.mark.parametrize("name", STEPS, ids=IDS)
def test_near_linear_on_pathological_input(name: str | None) -> None:
    """A generous bound that only catastrophic (quadratic or worse) behaviour breaks."""
    pipeline = pipeline_for(name)
    for label, text in _pathological_inputs().items():
        start = time.perf_counter()
        pipeline(text)
        elapsed = time.perf_counter() - start
        assert elapsed < 60, f"{label}: {elapsed:.1f} s"


def test_clean_runs_the_default_steps() -> None:
    assert Pipeline().names == textclean.DEFAULT_STEPS
    assert Pipeline().max_rounds == 3
    assert textclean.clean("Title   \r\n\r\n\r\nBody\n") == "Title\n\nBody\n"
    # a hard-wrapped line inside link markup: the wrap is joined and the markup goes
    text = "The council met on Monday and agreed on the [new\nbudget](https://example.org/b) for the year.\n"
    assert textclean.clean(text) == "The council met on Monday and agreed on the new budget for the year.\n"


@pytest.mark.parametrize(
    "text",
    [
        # a footer line in emphasis: the footer rule must read it the same before and after `markup`
        "A Headline For The Story\n\n"
        + "The article tells what happened in the town this week. " * 6
        + "\n\n_© Agency_\n",
        # a title whose site suffix is followed by a tracking pixel, and whose suffix has several segments
        "Storm Closes Roads | News | Weather | Local ![](https://example.com/pixel.gif)\n\n"
        + "Heavy snow closed the main roads on Tuesday, the county said in a statement. " * 4,
        # an entity beside a stray tag that the markup step removes
        "Title Of The Piece\n\n"
        + "Prices rose by a fifth over the year, the office said. " * 5
        + "<br>Fish &amp; chips\n",
    ],
)
def test_default_pipeline_is_idempotent_on_pages(text: str) -> None:
    once = textclean.clean(text)
    assert textclean.clean(once) == once
