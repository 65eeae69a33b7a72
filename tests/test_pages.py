"""The pages cleaner: running headers, footers, page numbers and form feeds out; split paragraphs rejoined."""

from __future__ import annotations

import itertools
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import textclean
from textclean.cleaners.pages import PagesOptions, find_pages_edits, remove_page_furniture
from textclean.edits import apply_edits
from textclean.pipeline import Pipeline

SENTENCES = [
    "The survey counted the birds that nest in the old orchard every spring.",
    "Volunteers walked the same route each morning and wrote down what they saw and heard.",
    "Most of the nests were found in the oldest trees, where the bark is rough and the branches are wide.",
    "A few pairs came back to the same hollow three years in a row, which the volunteers had not expected.",
    "The count was slower in wet weeks, when fewer volunteers came out and the birds kept to cover.",
    "In the last year of the survey the orchard lost two of its largest trees in a storm in November.",
]


def page_text(first: int, count: int) -> list[str]:
    """Wrapped lines of prose: ``count`` sentences from ``first`` on, as one paragraph."""
    chosen = [SENTENCES[(first + i) % len(SENTENCES)] for i in range(count)]
    return textwrap.fill(" ".join(chosen), 70).split("\n")


def paginate(lines: list[str], per_page: int, header: str, footer: str, feed: str = "\f") -> str:
    """Cut lines into pages with a running header (from the second page) and a numbered footer."""
    pages = []
    for number, start in enumerate(range(0, len(lines), per_page), 1):
        head = [header, ""] if number > 1 else []
        pages.append("\n".join([*head, *lines[start : start + per_page], "", footer.format(number)]))
    return (feed + "\n").join(pages) + "\n"


BODY = []
for first in range(12):
    BODY += [*page_text(first, 4), ""]


@pytest.mark.parametrize("feed", ["\f", ""], ids=["form-feeds", "no-form-feeds"])
def test_running_header_footer_and_page_numbers_go(feed: str) -> None:
    text = paginate(BODY, 25, "Orchard Bird Survey          Final Report          2024", "Page {0} of 9", feed)
    cleaned = remove_page_furniture(text)
    assert "Orchard Bird Survey" not in cleaned
    assert "Page " not in cleaned
    assert "\f" not in cleaned
    # every paragraph comes back whole once its lines are rejoined
    rejoined = textclean.clean(cleaned, steps=["linewrap"])
    for first in range(12):
        assert " ".join(page_text(first, 4)) in rejoined


def test_a_paragraph_and_a_word_split_by_a_page_break_are_rejoined() -> None:
    text = (
        "Journal of Orchard Studies 4 (2024)\nM. Okoye\n"
        "The volunteers counted the nests in the oldest trees of the orchard, where\n"
        "the branches are wide and the bark is rough enough for the birds to hold\n"
        "on to in the wind, and where the volunteers had seen the new inter-\n\n7\n\f"
        "Journal of Orchard Studies 4 (2024)\nM. Okoye\n"
        "national team of ringers set up its nets in the second year of the survey.\n\n8\n\f"
        "Journal of Orchard Studies 4 (2024)\nM. Okoye\n"
        "The count ended in November.\n\n9\n"
    )
    cleaned = textclean.clean(text, steps=["pages", "linewrap"])
    assert cleaned == (
        "The volunteers counted the nests in the oldest trees of the orchard, where the branches are wide and the"
        " bark is rough enough for the birds to hold on to in the wind, and where the volunteers had seen the new"
        " international team of ringers set up its nets in the second year of the survey.\n\n"
        "The count ended in November.\n"
    )


def test_paragraphs_on_one_line_are_rejoined_by_the_step_itself() -> None:
    first = "The volunteers counted the nests in the oldest trees of the orchard, " * 3 + "and the inter-"
    second = "national team of ringers set up its nets in the second year. " * 2
    header = "Orchard Studies, Vol. 4"
    text = f"{header}\n\n{first}\n\n1\n\f{header}\n\n{second}\n\n2\n\f{header}\n\nThe end of the report.\n\n3\n"
    cleaned = remove_page_furniture(text)
    assert "and the international team" in cleaned
    assert header not in cleaned


def test_explain_names_each_removal() -> None:
    text = paginate(BODY, 25, "Orchard Bird Survey          Final Report          2024", "- {0} -")
    report = Pipeline(["pages"]).explain(text)
    rules = {rule for edit in report.steps[0].edits for rule in edit.rule.split("+")}
    assert {"running-header", "page-number", "form-feed"} <= rules
    assert rules <= {
        "running-header",
        "running-footer",
        "running-line",
        "page-number",
        "form-feed",
        "split-paragraph",
        "split-word",
    }
    removed = [line for edit in report.steps[0].edits for line in edit.data["removed"]]
    assert "- 2 -" in removed
    assert report.replay() == report.output


# Texts that must come back unchanged: nothing in them is page furniture.
UNCHANGED = [
    "",
    "one line",
    "\f",
    # a ranked list: numbered lines at a regular spacing, always between whole paragraphs
    "".join(f"{n}\n\n" + "\n".join(page_text(n, 5)) + "\n\n" for n in range(1, 6)),
    # a refrain that comes back in a song
    "".join("\n".join(page_text(n, 4)) + "\n\nAnd the river runs on.\n\n" for n in range(6)),
    # a document whose title comes back once over a section, after a form feed
    "            THE ORCHARD AGREEMENT\n\n" + "\n".join(page_text(0, 6)) + "\n\f\n            THE ORCHARD AGREEMENT\n\n"
    "TERMS\n\n"
    + "\n".join(page_text(2, 6))
    + "\n\f\n"
    + "\n".join(page_text(3, 6))
    + "\n\f\n"
    + "\n".join(page_text(4, 6))
    + "\n",
]


@pytest.mark.parametrize("text", UNCHANGED[:-1])
def test_text_without_pages_is_unchanged(text: str) -> None:
    expected = text.replace("\f", "") if text == "\f" else text
    assert remove_page_furniture(text) in (text, expected)


def test_a_line_like_a_page_number_without_a_number_stays_text() -> None:
    footers = ["Page 1", "Page 2", "Page #", "Page 3", "Page 4", "Page 5"]  # one footer with its number missing
    text = "".join("\n".join([*BODY[:24], "", footer, "", ""]) for footer in footers)
    cleaned = remove_page_furniture(text)
    assert "Page #" in cleaned


def test_a_title_repeated_once_stays() -> None:
    cleaned = remove_page_furniture(UNCHANGED[-1])
    assert cleaned.count("THE ORCHARD AGREEMENT") == 2
    assert "\f" not in cleaned


def test_options_are_validated() -> None:
    for value in (1, "2", True):
        with pytest.raises(ValueError, match="min_repeats must be"):
            PagesOptions(min_repeats=value)  # type: ignore[arg-type]


def test_edits_are_sorted_and_replay() -> None:
    text = paginate(BODY, 20, "Orchard Bird Survey", "{0}")
    edits = find_pages_edits(text)
    assert edits
    assert all(a.end <= b.start for a, b in itertools.pairwise(edits))
    assert all(text[edit.start : edit.end] == edit.old for edit in edits)
    assert apply_edits(text, edits) == remove_page_furniture(text)


def test_in_the_default_pipeline_before_whitespace() -> None:
    """Form feeds are page breaks only until the whitespace step collapses them: pages runs before it."""
    steps = textclean.registry.DEFAULT_STEPS
    assert steps.index("unicode") < steps.index("pages") < steps.index("whitespace") < steps.index("linewrap")


def _textclean(*args: str, stdin: bytes = b"", cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    script = Path(sys.executable).parent / "textclean"
    return subprocess.run([str(script), *args], input=stdin, capture_output=True, cwd=cwd, timeout=300, check=False)


def test_the_command_line_removes_page_furniture() -> None:
    text = paginate(BODY, 25, "Orchard Bird Survey          Final Report          2024", "Page {0} of 9")
    result = _textclean("normalize", "-", "--steps", "pages,whitespace,linewrap", stdin=text.encode())
    assert result.returncode == 0, result.stderr
    output = result.stdout.decode()
    assert "Orchard Bird Survey" not in output
    assert "Page " not in output
    assert " ".join(page_text(5, 4)) in output


def test_a_wrong_option_is_a_one_line_error(tmp_path: Path) -> None:
    config = tmp_path / "textclean.toml"
    config.write_text('steps = ["pages"]\n[options.pages]\nmin_repeats = 1\n', encoding="utf-8")
    result = _textclean("normalize", "-", "--config", str(config), stdin=b"a\fb", cwd=tmp_path)
    assert result.returncode == 2
    assert b"min_repeats must be an integer >= 2" in result.stderr
    assert b"Traceback" not in result.stderr
