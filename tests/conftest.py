"""Shared fixtures and hypothesis strategies built from the seed corpus."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

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
