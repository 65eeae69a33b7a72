"""Runs of built-in steps in one native call make what the steps make one by one, and count the same edits."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given

from tests.conftest import any_text, documents, plaintext_seed_files, seed_files
from textclean import Pipeline
from textclean.runs import NativeRun, plan

RUN = ["footer", "boilerplate", "links", "markup", "whitespace"]
# options that each run in the core, and change what the steps do
OPTIONS: list[dict[str, dict[str, Any]]] = [
    {},
    {"footer": {"strictness": "strict"}, "boilerplate": {"strictness": "strict"}},
    {"footer": {"strictness": "lenient", "min_article_words": 0}, "boilerplate": {"strictness": "lenient"}},
    {"boilerplate": {"keep_title": False, "keep_comments": True, "max_link_density": 0.2}},
    {"links": {"urls": "footnote"}, "markup": {"headings": "keep", "list_markers": "drop", "tables": "keep"}},
    {"links": {"bare_urls": "replace", "url_token": "⟨url⟩"}, "whitespace": {"max_blank_lines": 0}},
]


def one_by_one(pipeline: Pipeline, text: str) -> tuple[str, list[int]]:
    """The text the pipeline's steps make one after the other, and each step's count of edits."""
    counts = []
    for step in pipeline.steps:
        counts.append(len(step.find_edits(text)))
        text = step(text)
    return text, counts


def what_a_run_makes(pipeline: Pipeline, text: str) -> tuple[str, list[int]] | None:
    """What the run should give: what the steps make one by one, or ``None`` for a text with lone surrogates."""
    if any("\ud800" <= c <= "\udfff" for c in text):
        return None
    return one_by_one(pipeline, text)


def run_of(pipeline: Pipeline) -> NativeRun:
    [run] = plan(pipeline.steps)
    assert isinstance(run, NativeRun)
    return run


@pytest.mark.parametrize("options", OPTIONS)
@pytest.mark.parametrize("path", seed_files() + plaintext_seed_files(), ids=lambda path: path.name)
def test_a_run_makes_what_its_steps_make_on_the_seeds(path: Any, options: dict[str, dict[str, Any]]) -> None:
    pipeline = Pipeline(RUN, options=options)
    text = path.read_text(encoding="utf-8")
    assert run_of(pipeline)(text) == one_by_one(pipeline, text)


@pytest.mark.parametrize("options", OPTIONS[:3])
@given(text=documents())
def test_a_run_makes_what_its_steps_make_on_noisy_documents(options: dict[str, dict[str, Any]], text: str) -> None:
    pipeline = Pipeline(RUN, options=options)
    assert run_of(pipeline)(text) == what_a_run_makes(pipeline, text)


@given(text=any_text)
def test_the_default_pipeline_makes_and_counts_what_its_steps_make_one_by_one(text: str) -> None:
    pipeline = Pipeline()
    counts = dict.fromkeys(pipeline.names, 0)

    def count(name: str, edits: Any) -> None:
        counts[name] += len(edits)

    assert pipeline.clean_with_counts(text) == (pipeline.clean_and_observe(text, count), counts)


def test_a_text_with_lone_surrogates_is_left_to_the_steps() -> None:
    text = "Share this article\n\nThe council met on Monday \ud800 and voted to keep it open."
    pipeline = Pipeline(RUN)
    assert run_of(pipeline)(text) is None
    assert pipeline(text) == one_by_one(pipeline, text)[0]


def test_a_run_reads_function_words_it_was_not_given(fresh_word_lists: None) -> None:
    text = (seed_files()[0]).read_text(encoding="utf-8")
    pipeline = Pipeline(RUN)
    assert run_of(pipeline)(text) == one_by_one(pipeline, text)


def test_a_run_without_word_lists_makes_what_its_steps_make(without_wordfreq: None) -> None:
    text = (seed_files()[0]).read_text(encoding="utf-8")
    pipeline = Pipeline(RUN)
    assert run_of(pipeline)(text) == one_by_one(pipeline, text)


def test_steps_that_need_python_break_a_run() -> None:
    options = {"footer": {"phrases": ["Read more"]}, "boilerplate": {"max_removed_share": 0.5}}
    steps = ["unicode", "footer", "boilerplate", "links", str.strip, "markup", "whitespace"]
    parts = plan(Pipeline(steps, options).steps)
    shapes = [part.steps if isinstance(part, NativeRun) else part for part in parts]
    names = [[step.name for step in shape] if isinstance(shape, tuple) else shape.name for shape in shapes]
    assert names == ["unicode", "footer", "boilerplate", "links", "str.strip", ["markup", "whitespace"]]


def test_a_run_is_made_only_of_steps_the_core_runs() -> None:
    with pytest.raises(ValueError, match="every step"):
        NativeRun(Pipeline(["unicode", "whitespace"]).steps)
