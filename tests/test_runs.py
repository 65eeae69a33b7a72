"""Runs of built-in steps in one native call make what the steps make one by one, and count the same edits."""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.conftest import any_text, documents, plaintext_seed_files, seed_files
from textclean import Pipeline, _native
from textclean.errors import NativeError
from textclean.furniture import evidence
from textclean.furniture.evidence import native_lexicon
from textclean.runs import NativeRun, plan
from textclean.text import languages

FURNITURE = ["footer", "boilerplate", "links", "markup", "whitespace"]
# the steps before linewrap: each runs in the core where its cleaner's first tests find nothing to change
CHECKED = ["mojibake", "unicode", "pages", "whitespace"]
# options that each run in the core, and change what the steps do
OPTIONS: list[dict[str, dict[str, Any]]] = [
    {},
    {"footer": {"strictness": "strict"}, "boilerplate": {"strictness": "strict"}},
    {"footer": {"strictness": "lenient", "min_article_words": 0}, "boilerplate": {"strictness": "lenient"}},
    {"boilerplate": {"keep_title": False, "keep_comments": True, "max_link_density": 0.2}},
    {"links": {"urls": "footnote"}, "markup": {"headings": "keep", "list_markers": "drop", "tables": "keep"}},
    {"links": {"bare_urls": "replace", "url_token": "⟨url⟩"}, "whitespace": {"max_blank_lines": 0}},
]
CHECKED_OPTIONS: list[dict[str, dict[str, Any]]] = [
    {},
    {"mojibake": {"html_entities": False}, "unicode": {"form": "NFKC", "quotes": True, "spaces": True}},
]
# linewrap in a run, with the options that change what it asks and joins
WRAPPED = ["whitespace", "linewrap", "footer", "whitespace"]
WRAPPED_OPTIONS: list[dict[str, dict[str, Any]]] = [
    {},
    {"linewrap": {"hyphens": "keep", "mend_blank_lines": False}},
    {"linewrap": {"width": 72}},
]
# what makes the checked steps change a text, and what looks like it but does not
TRIGGERS = ["&amp;", "&#8217;", "AT&T", "a=1&b=2;", "Theyâll", "château", "Ã©", "\x85", "\u00ad", "e\u0301", "\f"]


def one_by_one(pipeline: Pipeline, text: str) -> tuple[str, list[int]]:
    """The text the pipeline's steps make one after the other, and each step's count of edits."""
    counts = []
    for step in pipeline.steps:
        counts.append(len(step.find_edits(text)))
        text = step(text)
    return text, counts


def run_of(pipeline: Pipeline) -> NativeRun:
    [run] = plan(pipeline.steps)
    assert isinstance(run, NativeRun)
    return run


def seed_texts() -> list[Path]:
    return seed_files() + plaintext_seed_files()


# each run of steps the tests check on the seeds, with the options that change what it does
SEEDED_RUNS = (
    [(FURNITURE, options) for options in OPTIONS]
    + [(CHECKED, options) for options in CHECKED_OPTIONS]
    + [(WRAPPED, options) for options in WRAPPED_OPTIONS]
)


@pytest.mark.parametrize(("steps", "options"), SEEDED_RUNS)
@pytest.mark.parametrize("path", seed_texts(), ids=lambda path: path.name)
def test_a_run_makes_what_its_steps_make_on_the_seeds(
    path: Path, steps: list[str], options: dict[str, dict[str, Any]]
) -> None:
    pipeline = Pipeline(steps, options=options)
    text = path.read_text(encoding="utf-8")
    assert run_of(pipeline)(text, count=True)[:2] == one_by_one(pipeline, text)


@pytest.mark.parametrize("options", WRAPPED_OPTIONS)
@given(text=documents(), width=st.integers(30, 80))
def test_a_run_of_linewrap_makes_what_its_steps_make_on_wrapped_documents(
    options: dict[str, dict[str, Any]], text: str, width: int
) -> None:
    wrapped = textwrap.fill(text, width, break_on_hyphens=True, replace_whitespace=False)
    pipeline = Pipeline(WRAPPED, options=options)
    assert run_of(pipeline)(wrapped, count=True)[:2] == one_by_one(pipeline, wrapped)


@pytest.mark.parametrize("options", OPTIONS[:3])
@given(text=documents())
def test_a_run_makes_what_its_steps_make_on_noisy_documents(options: dict[str, dict[str, Any]], text: str) -> None:
    pipeline = Pipeline(FURNITURE, options=options)
    assert run_of(pipeline)(text, count=True)[:2] == one_by_one(pipeline, text)


@pytest.mark.parametrize("options", OPTIONS[:3])
@given(text=documents(), later=documents(), data=st.data())
def test_what_a_run_read_of_an_earlier_text_changes_nothing_in_the_next(
    options: dict[str, dict[str, Any]], text: str, later: str, data: st.DataObject
) -> None:
    # the next text keeps some paragraphs of the first (as the next round's text does) and brings others
    paragraphs = text.split("\n\n")
    kept = [paragraph for paragraph in paragraphs if data.draw(st.booleans())]
    next_text = "\n\n".join([*kept, *later.split("\n\n")[:2]])
    run = run_of(Pipeline(FURNITURE, options=options))
    _, _, earlier = run(text)
    if not any("\ud800" <= char <= "\udfff" for char in text):
        # the footer reads every text the core takes (one with lone surrogates, once Python's steps took them out)
        assert earlier is not None
    pipeline = Pipeline(FURNITURE, options=options)
    assert run(next_text, count=True, earlier=earlier)[:2] == one_by_one(pipeline, next_text)


@pytest.mark.parametrize("options", CHECKED_OPTIONS)
@given(text=documents(), triggers=st.lists(st.sampled_from(TRIGGERS), max_size=3), data=st.data())
def test_checked_steps_run_in_the_core_only_where_they_change_nothing(
    options: dict[str, dict[str, Any]], text: str, triggers: list[str], data: st.DataObject
) -> None:
    for trigger in triggers:
        at = data.draw(st.integers(0, len(text)))
        text = text[:at] + trigger + text[at:]
    pipeline = Pipeline(CHECKED, options=options)
    assert run_of(pipeline)(text, count=True)[:2] == one_by_one(pipeline, text)


@given(text=any_text)
def test_the_default_pipeline_makes_and_counts_what_its_steps_make_one_by_one(text: str) -> None:
    pipeline = Pipeline()
    counts = dict.fromkeys(pipeline.names, 0)

    def count(name: str, edits: Any) -> None:
        counts[name] += len(edits)

    assert pipeline.clean_with_counts(text) == (pipeline.clean_and_observe(text, count), counts)


def test_the_default_pipeline_is_one_run() -> None:
    parts = plan(Pipeline().steps)
    names = [[step.name for step in part.steps] if isinstance(part, NativeRun) else part.name for part in parts]
    assert names == [[*CHECKED, "linewrap", *FURNITURE]]


def test_a_text_with_lone_surrogates_runs_step_by_step_until_they_are_mended() -> None:
    text = "Share this article\n\nThe council met on Monday \ud800 and voted to keep it open.\u00ad"
    pipeline = Pipeline(["unicode", *FURNITURE])
    assert run_of(pipeline)(text, count=True)[:2] == one_by_one(pipeline, text)


def test_a_run_reads_function_words_it_was_not_given(fresh_word_lists: None) -> None:
    text = seed_files()[0].read_text(encoding="utf-8")
    pipeline = Pipeline(FURNITURE)
    assert run_of(pipeline)(text, count=True)[:2] == one_by_one(pipeline, text)


def test_a_run_without_word_lists_makes_what_its_steps_make(without_wordfreq: None) -> None:
    text = seed_files()[0].read_text(encoding="utf-8")
    pipeline = Pipeline(FURNITURE)
    assert run_of(pipeline)(text, count=True)[:2] == one_by_one(pipeline, text)


def test_steps_that_need_python_break_a_run() -> None:
    options = {"footer": {"phrases": ["Read more"]}, "boilerplate": {"max_removed_share": 0.5}}
    steps = ["unicode", "footer", "boilerplate", "links", str.strip, "markup", "whitespace"]
    parts = plan(Pipeline(steps, options).steps)
    shapes = [part.steps if isinstance(part, NativeRun) else part for part in parts]
    names = [[step.name for step in shape] if isinstance(shape, tuple) else shape.name for shape in shapes]
    assert names == ["unicode", "footer", "boilerplate", "links", "str.strip", ["markup", "whitespace"]]


def test_a_run_is_made_only_of_steps_the_core_takes() -> None:
    with pytest.raises(ValueError, match="every step"):
        NativeRun(Pipeline(["unicode", str.strip]).steps)


def test_the_core_refuses_a_step_it_does_not_know_or_a_run_it_cannot_make() -> None:
    with pytest.raises(ValueError, match='no built-in step "shout"'):
        _native.Run([("shout", ())])
    with pytest.raises(TypeError):
        _native.Run([("whitespace", ("one",))])
    run = _native.Run([("footer", (False, True, False, 50)), ("whitespace", (1,))])
    reader, words = languages.language_reader(), languages.function_word_table()
    with pytest.raises(ValueError, match="no step at that index"):
        run.run("text", 2, native_lexicon(), (reader, words), None)
    with pytest.raises(ValueError, match="needs the lexicon"):
        run.run("text", 0, None, (reader, words), None)


def test_a_run_whose_need_is_not_met_fails_instead_of_asking_forever(
    fresh_word_lists: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(languages, "load_script", lambda script: None)
    text = "The council met on Monday and voted to keep the library open for another year."
    with pytest.raises(NativeError, match="asked again for script 'Latin'"):
        run_of(Pipeline(FURNITURE))(text)


def test_a_run_without_furniture_reads_no_lexicon(monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_of(Pipeline(CHECKED))
    monkeypatch.setattr(evidence, "native_lexicon", lambda: pytest.fail("the lexicon was read"))
    assert run("A line.  \n\n\n\nThe end.", count=True)[:2] == ("A line.\n\nThe end.", [0, 0, 0, 1])
