"""Plain-text documents people keep: `pages` then `linewrap` rebuild their paragraphs and keep their structure.

The documents are in ``seeds/plaintext`` and what the two steps make of them in ``seeds/plaintext/expected``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import textclean

from .conftest import PLAINTEXT_SEEDS, plaintext_seed_files

DOCUMENTS = plaintext_seed_files()


def expected(path: Path) -> str:
    return (PLAINTEXT_SEEDS / "expected" / path.name).read_text(encoding="utf-8")


def test_every_shape_is_there() -> None:
    names = {path.stem for path in DOCUMENTS}
    assert names == {"license_agreement", "rfc_paginated", "email_thread", "book_chapter", "paper_extracted"}


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_pages_and_linewrap_rebuild_the_document(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert textclean.clean(text, steps=["pages", "linewrap"]) == expected(path)


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_the_steps_are_idempotent_on_the_document(path: Path) -> None:
    once = expected(path)
    assert textclean.clean(once, steps=["pages", "linewrap"]) == once


# Lines that must come out exactly as they went in: code, tables, a poem, addresses, mail headers.
KEPT_LINES = {
    "license_agreement": [
        "      Date        Tool             Member        Returned",
        "      2024-03-09  Hose (long)      M. Lindqvist  2024-03-09",
        '   3.1. "Season"',
        "    Allotment Association",
        "    Millbrook MB4 7QT",
    ],
    "rfc_paginated": [
        "     | marker | length |    reading     | checksum |",
        "     checksum   2      CRC-16 of the reading",
        "Network Working Group                                          J. Doe",
    ],
    "email_thread": ["From: Priya Natarajan <priya@example.org>", "Subject: Re: Choir rehearsal on Thursday", "Priya"],
    "book_chapter": ["        The tide comes in, the tide goes out,", "        And no one asks it why;"],
    "paper_extracted": ["Sharing Tools on the Allotment", "K. Ito and L. Moreau"],
}
# Furniture that must be gone.
GONE = {
    "rfc_paginated": ["[Page", "RFC 9999               Garden", "\f"],
    "paper_extracted": ["Journal of Everyday Examples", "\f", "\n45\n", "\n46\n"],
}


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_structure_is_kept_and_furniture_is_gone(path: Path) -> None:
    output = expected(path)
    lines = output.split("\n")
    for line in KEPT_LINES.get(path.stem, []):
        assert line in lines, line
    for furniture in GONE.get(path.stem, []):
        assert furniture not in output, furniture


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_words_are_kept_but_for_the_furniture_that_explain_names(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = textclean.Pipeline(["pages"]).explain(text)
    furniture = {
        word for step in report.steps for edit in step.edits for line in edit.data["removed"] for word in line.split()
    }
    output = expected(path)
    output_words = set(output.split())
    for word in text.split():
        if word.endswith("-") and word[:-1] in output:  # the first half of a word a break split
            continue
        assert word in output_words or word in furniture or word in output, word


@pytest.mark.parametrize("path", DOCUMENTS, ids=[path.stem for path in DOCUMENTS])
def test_the_default_pipeline_runs_on_the_document(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = textclean.Pipeline().explain(text)
    assert report.replay() == report.output
    assert "\f" not in report.output
