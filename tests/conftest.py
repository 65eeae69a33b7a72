"""Shared fixtures and hypothesis strategies built from the seed corpus."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from textclean.edits import Edit
from textclean.pipeline import Explanation
from textclean.text import languages

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
# plain-text documents (a license, a paginated specification, mail, a book, a paper from a PDF) with
# what `pages` and `linewrap` make of them; not articles, so the default pipeline's seed check skips them
PLAINTEXT_SEEDS = SEEDS / "plaintext"

settings.register_profile(
    "default",
    deadline=None,
    max_examples=60,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
# CI draws the same examples on every run (hypothesis's advice for CI): a red run is then a finding
# that reproduces, never chance; local runs explore new examples each time.
settings.register_profile("ci", settings.get_profile("default"), derandomize=True, max_examples=100)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "default"))


def needs(module: str, extra: str) -> ModuleType:
    """Import ``module``, or skip the test with the command that installs the extra it comes with."""
    return pytest.importorskip(module, reason=f"needs the {extra} extra: pip install 'textclean-kit[{extra}]'")


def assert_edits_well_formed(text: str, edits: Sequence[Edit]) -> None:
    """Check a step's edits of ``text``: sorted, not overlapping, each ``old`` at its span, each a change.

    This is what lets a recorded plan replay to the step's output; re-applying the edits and comparing
    with the output they made would only repeat the step's own definition.
    """
    end = 0
    for edit in edits:
        assert end <= edit.start <= edit.end <= len(text), f"edit out of order, overlapping or outside: {edit}"
        assert text[edit.start : edit.end] == edit.old, f"edit's old text is not at its span: {edit}"
        assert edit.new != edit.old, f"edit changes nothing: {edit}"
        end = edit.end


def assert_explanation_well_formed(report: Explanation) -> None:
    """Check that an explanation's steps chain from its input to its output, each with well-formed edits."""
    text = report.input
    for step in report.steps:
        assert step.input == text, f"step {step.name!r} did not start from the previous step's output"
        assert_edits_well_formed(step.input, step.edits)
        text = step.output
    assert text == report.output


def is_subsequence(words: Sequence[str], of: Sequence[str]) -> bool:
    """Whether ``words`` appear in ``of`` in the same order, each equal to one of them (gaps allowed).

    >>> is_subsequence(["a", "c"], ["a", "b", "c"]), is_subsequence(["c", "a"], ["a", "b", "c"])
    (True, False)
    >>> is_subsequence(["ab"], ["abc"])
    False
    """
    remaining = iter(of)
    return all(any(word == candidate for candidate in remaining) for word in words)


def seed_files() -> list[Path]:
    """The raw seed articles."""
    return sorted(SEEDS.glob("*.txt"))


def expected_paragraphs() -> list[str]:
    """Every paragraph of the seeds' clean versions: real article text."""
    paragraphs = []
    for path in sorted((SEEDS / "expected").glob("*.txt")):
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return paragraphs


def plaintext_seed_files() -> list[Path]:
    """The raw plain-text documents."""
    return sorted(PLAINTEXT_SEEDS.glob("*.txt"))


def raw_paragraphs() -> list[str]:
    """Every paragraph of the raw seeds and plain-text documents, furniture included."""
    paragraphs = []
    for path in seed_files() + plaintext_seed_files():
        paragraphs.extend(p.strip() for p in path.read_text(encoding="utf-8").split("\n\n") if p.strip())
    return paragraphs


# Noise that scraped text really carries: odd line endings, trailing spaces, runs of blank lines,
# hard wraps, link markup, mojibake, stray characters.
NOISE = [
    "\r\n",
    "   ",
    "\n\n\n\n",
    "\t",
    "[link](https://example.com/a(b))",
    "![img](x.png)",
    "<a href='x'>y</a>",
    "\\$",
    "â€™",
    "Ã©",
    "\u00ad",
    "\u200b",
    "ab-\n",
    "[",
    "](",
    "&amp;",
    "\x00",
    "\ud800",
]


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A document of seed paragraphs with noise injected between and inside them."""
    pool = raw_paragraphs() + expected_paragraphs()
    paragraphs = draw(st.lists(st.sampled_from(pool), min_size=1, max_size=6))
    pieces = []
    for paragraph in paragraphs:
        if draw(st.booleans()):
            cut = draw(st.integers(0, len(paragraph)))
            pieces.append(paragraph[:cut] + draw(st.sampled_from(NOISE)) + paragraph[cut:])
        else:
            pieces.append(paragraph)
        pieces.append(draw(st.sampled_from(["\n\n", "\n", "\r\n\r\n", "\n\n\n"])))
    return "".join(pieces)


# any Unicode text, lone surrogates included (they come from surrogateescape decoding)
any_text = st.text(alphabet=st.characters(exclude_categories=[]), max_size=300) | documents()


# A plugin whose step fails on purpose, installed by entry point for the command's tests.
CRASH_PLUGIN = """
import os, sys, time

def crash(text):
    # fail on a word: raise on "boom", exit on "exit", end the process on "die", panic in the native core on
    # "panic"; take time on "slow"
    if "panic" in text:
        from textclean import _native

        _native.fail_like_a_broken_rule(text)
    if "slow" in text:
        time.sleep(0.2)
    if "boom" in text:
        raise ValueError("boom")
    if "exit" in text:
        sys.exit(5)
    if "die" in text:
        os._exit(9)
    return text.replace("  ", " ")
"""


@pytest.fixture
def crash_env(tmp_path: Path) -> dict[str, str]:
    """An environment in which the step ``crash`` is a plugin installed by entry point."""
    site = tmp_path / "site"
    _write(site / "textclean_crash.py", CRASH_PLUGIN)
    info = site / "textclean_crash-1.0.dist-info"
    _write(info / "METADATA", "Metadata-Version: 2.1\nName: textclean-crash\nVersion: 1.0\n")
    _write(info / "entry_points.txt", "[textclean.cleaners]\ncrash = textclean_crash:crash\n")
    return {**os.environ, "PYTHONPATH": str(site)}


def leftovers(folder: Path) -> list[str]:
    """The temporary files under ``folder``."""
    return sorted(p.name for p in folder.rglob("*.tmp"))


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def fresh_word_lists() -> Iterator[None]:
    """Run a test with no word list read yet, and forget what it read afterwards."""
    caches = [languages._wordfreq_data, languages._function_words, languages.language_reader]
    caches += [languages.stopwords, languages.function_word_table, languages.word_frequencies]
    caches += [languages.listed_languages]
    for cache in caches:
        cache.cache_clear()
    yield
    for cache in caches:
        cache.cache_clear()


@pytest.fixture
def without_wordfreq(monkeypatch: pytest.MonkeyPatch, fresh_word_lists: None) -> None:
    """Run a test as if wordfreq were not installed (its import fails)."""
    monkeypatch.setitem(sys.modules, "wordfreq", None)
