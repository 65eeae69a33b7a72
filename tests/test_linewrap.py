"""The linewrap cleaner: wrapped paragraphs rejoined, structure kept line for line."""

from __future__ import annotations

import textwrap

import pytest
import regex
from hypothesis import assume, given
from hypothesis import strategies as st

from textclean.cleaners.linewrap import LinewrapOptions, find_linewrap_edits, join_wrapped_lines
from textclean.hyphenation import Hyphen, HyphenJudge
from textclean.pipeline import Pipeline

from .conftest import assert_edits_well_formed, expected_paragraphs

# Characters of scripts written without spaces.
WIDE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")

PROSE = (
    "The committee met on Tuesday to discuss the budget for the coming year, and after a long "
    "debate it agreed to raise the spending on schools by a small amount while cutting the money "
    "set aside for roads, which several members said had been wasted in the past."
)
SECOND = (
    "Critics of the plan said that the cuts would hurt the villages in the north the most, since "
    "their roads are in the worst state, but the chairman promised to look at the question again "
    "before the final vote."
)


def wrapped(*paragraphs: str, width: int = 60) -> str:
    return "\n\n".join(textwrap.fill(paragraph, width) for paragraph in paragraphs)


# Each row: a wrapped text around the structure under test, and what must come back.
CONTEXT = wrapped(PROSE, SECOND)
UNWRAPPED = f"{PROSE}\n\n{SECOND}"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (wrapped(PROSE), PROSE),
        (CONTEXT, UNWRAPPED),
        (wrapped(PROSE, width=40), PROSE),
        (wrapped(PROSE, width=100), PROSE),
        # a wrapped list item is rejoined, the items stay apart
        (
            f"{CONTEXT}\n\n- the first item of the list is long enough that it wraps\n  onto a second line\n- short",
            f"{UNWRAPPED}\n\n- the first item of the list is long enough that it wraps onto a second line\n- short",
        ),
        (f"{CONTEXT}\n\n1. one\n2. two\n3. three", f"{UNWRAPPED}\n\n1. one\n2. two\n3. three"),
        # quoted e-mail: lines of the same depth join, the markers of the lines joined go
        (
            f"{CONTEXT}\n\n> {textwrap.fill(SECOND, 58).replace(chr(10), chr(10) + '> ')}",
            f"{UNWRAPPED}\n\n> {SECOND}",
        ),
        # hyphenation: a split word is mended, a hyphenated word keeps its hyphen
        (
            f"{CONTEXT}\n\nThe committee agreed on a plan for the schools, the inter-\n"
            "national airport, the roads and the bridges and the top-\nselling paper.",
            f"{UNWRAPPED}\n\nThe committee agreed on a plan for the schools, the international airport, the roads "
            "and the bridges and the top-selling paper.",
        ),
        # a blank line in the middle of a sentence is mended
        (wrapped(PROSE).replace("\n", "\n\n", 1), PROSE),
        # a dash that a wrap put first continues the sentence
        (
            f"{CONTEXT}\n\nThe members of the committee spoke for hours about the roads\n\u2013 and about the schools.",
            f"{UNWRAPPED}\n\nThe members of the committee spoke for hours about the roads "
            "\u2013 and about the schools.",
        ),
    ],
)
def test_joins(text: str, expected: str) -> None:
    assert join_wrapped_lines(text) == expected


# Structure that must come back line for line, inside a wrapped text.
STRUCTURE = [
    "# A heading\n## A smaller one",
    "Title\n=====",
    "| name | count |\n|---|---|\n| apples | 3 |",
    "House   Its    Was\nSenate  4100   2935\nthe     58.1%  1290",
    "```\nfor x in data:\n    total += x\n```",
    "    def f(x):\n        return x",
    "Hope is the thing with feathers\nThat perches in the soul,\nAnd sings the tune without the words,",
    "Sincerely,\nJane Doe\nEditor",
    "221 Elm Street\nSpringfield, IL 62704",
    "* apples\n* pears\n* plums",
    "1) first\n2) second",
    "Short line\nAnother short line",
]


@pytest.mark.parametrize("block", STRUCTURE)
def test_structure_is_kept(block: str) -> None:
    assert join_wrapped_lines(f"{CONTEXT}\n\n{block}\n\n{CONTEXT}") == f"{UNWRAPPED}\n\n{block}\n\n{UNWRAPPED}"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "one line",
        UNWRAPPED,
        "Title of the page\n\nA paragraph that was never wrapped, however long it is, stays as it is.",
        "a\nb\nc",
        "x\n" * 50,
        "ab-\n" * 20,
        # a paragraph followed by a short line that ends the sentence before it
        f"{PROSE}\nSource: the committee's minutes.",
        # menus and lists of links
        "Home\nNews\nSport\nWeather\nAbout us\nContact",
        # a suspended hyphen inside a line is never touched
        "Die Behandlungs- und Pflegekosten sowie die vracht- en verzendkosten.",
    ],
)
def test_unwrapped_text_is_unchanged(text: str) -> None:
    assert join_wrapped_lines(text) == text


@pytest.mark.parametrize(
    ("left", "right", "verdict"),
    [
        ("inter-", "national", Hyphen.SOFT),
        ("everyt-", "hing", Hyphen.SOFT),
        ("Mississ-", "ippi,", Hyphen.SOFT),
        ("top-", "selling", Hyphen.HARD),
        ("well-", "known", Hyphen.HARD),
        ("2019-", "2020", Hyphen.HARD),
        ("al-", "Tanf", Hyphen.HARD),
        ("NASA-", "inspired", Hyphen.HARD),
        ("two-on-", "one.", Hyphen.HARD),
        ("deer-in-", "the-headlights", Hyphen.HARD),
        ("https://example.com/some-", "page.html", Hyphen.HARD),
        ("Behandlungs-", "und", Hyphen.SUSPENDED),
        ("vracht-", "en", Hyphen.SUSPENDED),
        ("Engl-", "and", Hyphen.SOFT),
    ],
)
def test_hyphen_judge(left: str, right: str, verdict: Hyphen) -> None:
    assert HyphenJudge("").judge(left, right) is verdict


def test_hyphen_judge_asks_the_document_first() -> None:
    # "e-mail" written out elsewhere in the document outweighs the frequency of "email"
    assert HyphenJudge("Send us an e-mail. Our e-mail address is below.").judge("e-", "mail") is Hyphen.HARD
    assert HyphenJudge("").judge("e-", "mail") is Hyphen.SOFT


@pytest.mark.usefixtures("without_wordfreq")
def test_without_wordfreq_a_hyphen_in_doubt_is_the_wraps() -> None:
    with pytest.warns(RuntimeWarning, match="wordfreq is not installed"):
        assert HyphenJudge("").judge("inter-", "national") is Hyphen.SOFT
    # the shape and the document's own vocabulary still decide what they can
    assert HyphenJudge("").judge("mid-", "September") is Hyphen.HARD
    assert HyphenJudge("The top-selling game.").judge("top-", "selling") is Hyphen.HARD
    assert HyphenJudge("").judge("Ein-", "und") is Hyphen.SUSPENDED
    text = "The members of the committee met inter-\nnationally on Monday to discuss a treaty\nand its consequences.\n"
    joined = "The members of the committee met internationally on Monday to discuss a treaty and its consequences.\n"
    assert join_wrapped_lines(text) == joined


def test_hyphen_judge_beyond_english() -> None:
    context = "Die Bundesregierung hat die neuen Regeln für die Unternehmen in der Stadt beschlossen."
    assert HyphenJudge(context).judge("Bundes-", "regierung", context) is Hyphen.SOFT
    assert HyphenJudge(context).judge("Nord-", "Süd", context) is Hyphen.HARD


def hyphenate_a_break(text: str, width: int) -> tuple[str, str]:
    """Split the first word of a line onto the line before with a hyphen, as a hyphenating wrapper does.

    Return the new text and the word that was split.
    """
    lines = text.split("\n")
    for index in range(len(lines) - 1):
        word = lines[index + 1].split(" ")[0]
        if lines[index] and word.isalpha() and len(word) >= 6 and len(lines[index]) + 5 <= width:
            lines[index] += " " + word[:3] + "-"
            lines[index + 1] = word[3:] + lines[index + 1][len(word) :]
            return "\n".join(lines), word
    raise AssertionError("no line to hyphenate")


def test_hyphens_in_context() -> None:
    paragraph = PROSE.replace("the spending", "the top-selling spending")
    width = next(w for w in range(40, 101) if "top-\n" in textwrap.fill(paragraph, w))
    assert join_wrapped_lines(textwrap.fill(paragraph, width)) == paragraph
    text, word = hyphenate_a_break(wrapped(PROSE, SECOND), 60)
    assert word in join_wrapped_lines(text).split()


def test_hyphens_keep_option() -> None:
    text, word = hyphenate_a_break(wrapped(PROSE, SECOND), 60)
    assert f"{word[:3]}-{word[3:]}" in join_wrapped_lines(text, hyphens="keep")


def test_scripts_without_spaces_join_without_one() -> None:
    sentence = "東京都は新しい計画を発表した。計画では市内の道路と学校に多くの予算が使われる予定である。"
    text = "\n".join(textwrap.wrap(sentence * 3, 30))
    assert join_wrapped_lines(text) == sentence * 3


def test_given_width() -> None:
    text = "The committee met on Tuesday.\nIt agreed to raise the spending."
    assert join_wrapped_lines(text) == text  # one break is too little evidence against a sentence's end
    assert join_wrapped_lines(text, width=30) == "The committee met on Tuesday. It agreed to raise the spending."


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"width": 10}, "width must be"),
        ({"width": "80"}, "width must be"),
        ({"mend_blank_lines": "yes"}, "mend_blank_lines must be"),
        ({"hyphens": "drop"}, "hyphens must be"),
    ],
)
def test_options_are_validated(options: dict[str, object], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        LinewrapOptions(**options)  # type: ignore[arg-type]


def test_mend_blank_lines_option() -> None:
    text = "The committee agreed that the money should be spent on the\n\nschools of the villages in the north."
    assert join_wrapped_lines(text) == text.replace("\n\n", " ")
    assert join_wrapped_lines(text, mend_blank_lines=False) == text


def test_explain_names_the_rules() -> None:
    text = wrapped(PROSE, SECOND).replace("budget", "bud-\nget", 1)
    report = Pipeline(["linewrap"]).explain(text)
    assert report.output == join_wrapped_lines(text)
    assert_edits_well_formed(text, report.steps[0].edits)
    rules = {rule for edit in report.steps[0].edits for rule in edit.rule.split("+")}
    assert rules <= {"line-wrap", "soft-hyphen", "hyphenated-word", "suspended-hyphen", "blank-line-in-sentence"}
    assert "line-wrap" in rules


def test_a_title_as_long_as_the_wrap_width_does_not_hide_the_wrap() -> None:
    title = "Pentagon urges Latin America to ship arms to Ukraine"  # 52 characters: fits a wrap at 52
    body = "Suddenly, it looked as if Lavrov should never have touched that mislabeled “reset” button."
    assert join_wrapped_lines(title + "\n\n" + textwrap.fill(body, 52)) == title + "\n\n" + body


def test_crlf_lines() -> None:
    assert join_wrapped_lines(wrapped(PROSE).replace("\n", "\r\n")) == PROSE


def test_lone_surrogates_keep_their_place() -> None:
    # the native line reader counts a lone surrogate as one character, neither a letter nor a space
    text = wrapped(PROSE).replace("budget", "bud\ud800get", 1)
    assert join_wrapped_lines(text) == PROSE.replace("budget", "bud\ud800get", 1)
    quoted = "\n".join("> " + line for line in wrapped(PROSE).split("\n")) + "\n> \udcff"
    assert join_wrapped_lines(quoted) == "> " + PROSE + "\n> \udcff"


def test_layout_read_natively_decides_the_joins() -> None:
    # quote depths differ: never joined; header fields: one per line; a hard break: kept
    deeper = "> The committee met on Tuesday to discuss the budget for the coming\n>> year, and it agreed."
    assert join_wrapped_lines(deeper, width=70) == deeper
    fields = "From: The committee of the villages in the north <c@example.org>\nSubject: The budget for the year"
    assert join_wrapped_lines(fields, width=70) == fields
    hard = "The committee met on Tuesday to discuss the budget for the  \ncoming year, and it agreed."
    assert join_wrapped_lines(hard, width=60) == hard
    code = "Run this:\n\n    for year in years:\n        print(budget(year))\n"
    assert join_wrapped_lines(code, width=30) == code


@pytest.mark.parametrize("width", [30, 45, 60])
def test_given_width_with_options_together(width: int) -> None:
    text = textwrap.fill(PROSE.replace("budget", "top-selling budget"), width, break_on_hyphens=True)
    options = LinewrapOptions(width=width, mend_blank_lines=False, hyphens="keep")
    edits = find_linewrap_edits(text, options)
    assert_edits_well_formed(text, edits)
    assert {edit.rule for edit in edits} <= {"line-wrap", "hyphenated-word", "line-wrap+hyphenated-word"}


# Properties over the seed corpus.
paragraphs = st.sampled_from([p for p in expected_paragraphs() if "\n" not in p])


@given(paragraph=paragraphs, width=st.integers(40, 100))
def test_wrapped_seed_paragraph_comes_back(paragraph: str, width: int) -> None:
    wrapped = textwrap.fill(paragraph, width)
    assume(not _one_break_after_a_sentence(wrapped))
    assert join_wrapped_lines(wrapped) == paragraph


@given(chosen=st.lists(paragraphs, min_size=1, max_size=6), width=st.integers(40, 100))
def test_wrapped_seed_document_comes_back(chosen: list[str], width: int) -> None:
    wrapped = [textwrap.fill(p, width) for p in chosen]
    assume(not any(map(_one_break_after_a_sentence, wrapped)))
    assert join_wrapped_lines("\n\n".join(wrapped)) == "\n\n".join(chosen)


def _one_break_after_a_sentence(wrapped: str) -> bool:
    """Whether a paragraph wrapped into two lines whose break follows a sentence's end.

    One break tells no width, and a line that ends a sentence over one that starts with a capital
    reads as two lines of their own (an address, a verse): nothing says it was a wrap.
    """
    lines = wrapped.split("\n")
    return len(lines) == 2 and lines[0].endswith((".", "!", "?"))


@given(chosen=st.lists(paragraphs, min_size=1, max_size=6))
def test_unwrapped_text_is_a_fixed_point(chosen: list[str]) -> None:
    text = "\n\n".join(chosen)
    assert join_wrapped_lines(text) == text


def _unspaced_pieces(word: str, pieces: list[str], position: int) -> int:
    """Return how many pieces, from ``position`` on, ``word`` joins where scripts without spaces meet; else 0."""
    joined = pieces[position]
    for k in range(position + 1, len(pieces)):
        if not (WIDE.search(joined[-2:]) or WIDE.search(pieces[k][:2])):
            return 0
        joined += pieces[k]
        if joined == word:
            return k + 1 - position
        if not word.startswith(joined):
            return 0
    return 0


@given(chosen=st.lists(paragraphs, min_size=1, max_size=4), width=st.integers(40, 100), data=st.data())
def test_words_are_kept(chosen: list[str], width: int, data: st.DataObject) -> None:
    text = "\n\n".join(textwrap.fill(p, width) for p in chosen)
    # split some words with a hyphen at a line end, as a PDF would
    words = text.split(" ")
    for index in data.draw(st.sets(st.integers(0, len(words) - 1), max_size=3)):
        word = words[index]
        if len(word) > 4 and word.isalpha():
            words[index] = word[:2] + "-\n" + word[2:]
    text = " ".join(words)
    # the words of the output are the input's, but for pieces of a hyphenated word put together
    pieces = text.split()
    position = 0
    for word in join_wrapped_lines(text).split():
        if word == pieces[position]:
            position += 1
        elif count := _unspaced_pieces(word, pieces, position):
            position += count  # a line of a script written without spaces goes on without one
        else:
            left, right = pieces[position], pieces[position + 1]
            assert left.endswith("-") and word in (left + right, left[:-1] + right), word
            position += 2
    assert position == len(pieces)


@given(chosen=st.lists(paragraphs, min_size=1, max_size=4), width=st.integers(40, 100))
def test_idempotent_on_wrapped_text(chosen: list[str], width: int) -> None:
    text = "\n\n".join(textwrap.fill(p, width) for p in chosen) + "\n\n" + "\n\n".join(STRUCTURE)
    once = join_wrapped_lines(text)
    assert join_wrapped_lines(once) == once


def test_edits_are_well_formed() -> None:
    text = CONTEXT + "\n\n" + "\n\n".join(STRUCTURE)
    edits = find_linewrap_edits(text)
    assert edits  # the context paragraphs are wrapped
    assert_edits_well_formed(text, edits)


@pytest.mark.slow
def test_pathological_inputs_finish() -> None:
    for text in (
        "ab-\n" * 100_000,
        "```\n" * 100_000,
        ("word " * 20 + "\n") * 20_000,
        "x" * 1_000_000 + "-\n" + "y" * 1_000_000,
    ):
        assert isinstance(join_wrapped_lines(text), str)


# Indented prose, told from code by what its lines hold.
DEFINITIONS = (
    "1. Definitions.\n"
    "\n"
    '      "Provider" means the company that offers the service under these\n'
    "      terms and is named in the order form, together with the companies\n"
    "      it controls.\n"
    "\n"
    '      "Customer" means the person or the company that signs the order\n'
    "      form and pays the fees that it names.\n"
)
HANGING_ITEMS = (
    "The customer agrees to the following duties while the contract lasts:\n"
    "\n"
    "    a) The customer must keep a copy of every invoice it receives from\n"
    "    the provider, and show it on request.\n"
    "\n"
    "    b) The customer must tell the provider of any change of address\n"
    "    within thirty days of the change.\n"
)
TERM_OVER_BODY = (
    '2.3. "Customer"\n'
    "    The person or the company that signs the order form, pays the fees\n"
    "    that it names and receives the service, together with every person\n"
    "    that the customer allows to use the service on its behalf.\n"
)
FIRST_LINE_INDENT = (
    "    The rain had not stopped for three days when the letter came, and\n"
    "nobody in the house wanted to be the one who opened it at the table.\n"
    "    Martha took it to the window and read it twice before she spoke.\n"
)
HAND_WRAPPED = (  # wrapped by hand: the second break is not where a wrapper would break
    "   8. Limits of Liability. In no event and under no legal theory shall\n"
    "      the provider or its staff be liable to the customer for damages\n"
    "      of any kind, including any direct, indirect, special or consequential\n"
    "      damages arising out of the use of the service, even if the provider\n"
    "      has been told that such damages could arise.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            DEFINITIONS,
            "1. Definitions.\n"
            "\n"
            '      "Provider" means the company that offers the service under these terms and is named in the order'
            " form, together with the companies it controls.\n"
            "\n"
            '      "Customer" means the person or the company that signs the order form and pays the fees that it'
            " names.\n",
        ),
        (
            HANGING_ITEMS,
            "The customer agrees to the following duties while the contract lasts:\n"
            "\n"
            "    a) The customer must keep a copy of every invoice it receives from the provider, and show it on"
            " request.\n"
            "\n"
            "    b) The customer must tell the provider of any change of address within thirty days of the change.\n",
        ),
        (
            TERM_OVER_BODY,
            '2.3. "Customer"\n'
            "    The person or the company that signs the order form, pays the fees that it names and receives the"
            " service, together with every person that the customer allows to use the service on its behalf.\n",
        ),
        (
            FIRST_LINE_INDENT,
            "    The rain had not stopped for three days when the letter came, and nobody in the house wanted to be"
            " the one who opened it at the table.\n"
            "    Martha took it to the window and read it twice before she spoke.\n",
        ),
        (
            HAND_WRAPPED,
            "   8. Limits of Liability. In no event and under no legal theory shall the provider or its staff be"
            " liable to the customer for damages of any kind, including any direct, indirect, special or"
            " consequential damages arising out of the use of the service, even if the provider has been told"
            " that such damages could arise.\n",
        ),
    ],
    ids=["indented-definitions", "hanging-items", "term-over-body", "first-line-indent", "hand-wrapped"],
)
def test_indented_prose_is_rejoined(text: str, expected: str) -> None:
    assert join_wrapped_lines(text) == expected


# Indented blocks that must keep their lines, among indented prose.
INDENTED_STRUCTURE = [
    "    def total(values):\n        return sum(value * 2 for value in values)",
    "    +--------+    +--------+\n    | client | -> | server |\n    +--------+    +--------+",
    "    Name         Size    Date\n    report.txt   14 kB   2024-03-01\n    notes.txt     2 kB   2024-03-04",
    "    The woods are lovely, dark and deep,\n    But I have promises to keep,\n    And miles to go before I sleep.",
    "    Jane Doe\n    221 Elm Street\n    Springfield, IL 62704",
    "    $ pip install textclean\n    $ textclean normalize page.txt",
]


@pytest.mark.parametrize("block", INDENTED_STRUCTURE, ids=["code", "art", "table", "verse", "address", "shell"])
def test_indented_structure_is_kept(block: str) -> None:
    expected = join_wrapped_lines(DEFINITIONS)
    assert join_wrapped_lines(f"{DEFINITIONS}\n{block}\n") == f"{expected}\n{block}\n"


def test_indented_prose_in_a_markdown_document() -> None:
    """A Markdown document's indented block is code only if it looks like code."""
    text = (
        "# Setup\n\nInstall the [package](https://example.com/pkg) first.\n\n"
        "    Note that the installer asks for the name of the folder where the\n"
        "    files go, and that it refuses a folder that is not empty.\n\n"
        "    for name in names:\n        print(name)\n"
    )
    assert join_wrapped_lines(text) == text.replace("the\n    files", "the files")


def test_a_line_joined_by_an_earlier_look_sets_no_margin() -> None:
    """A long line that a join made is no margin for a wrap by hand the next time: the step is idempotent."""
    paragraph = (
        "This agreement sets out the terms on which members of the allotment\n"
        "association lend and borrow the shared garden tools kept in the shed by\n"
        "the north gate. Read it before you take a tool out for the first time.\n"
    )
    text = f"{paragraph}\n{paragraph.replace('lend and', 'lend' + chr(13) + chr(10) + ' and')}\n"
    once = join_wrapped_lines(text)
    assert join_wrapped_lines(once) == once


# Built from the seed documents (a title, the paginated specification's paragraph, a mail line)
_NOTE = (
    "Pentagon urges Latin America to ship arms to Ukraine \N{EN DASH} WSWS | NutSocia\n\n"
    "A receiver that finds a checksum that does not match drops the frame\n"
    "   and waits for the next marker; case 1 of the rules says that it never\n"
    "   asks the sensor to send the reading again, because the sensor has\n"
    "   already gone back to sleep and will send a fresh reading a few\n"
    "   minutes later anyway.\n\n"
)


@pytest.mark.parametrize(
    "text",
    [
        # a join makes a line long enough that a break left in its paragraph reads as a wrap by hand
        _NOTE + "Could you ask Ines whether she still has the key \r\nto the side door? Last\n"
        "time we waited outside in the rain until the caretaker came.\n\n",
        # joining the indented paragraph takes away the width that kept a long line's break
        _NOTE + "\N{LEFT DOUBLE QUOTATION MARK}We are working with the countries that have the Russian equipment to "
        "either donate it or exchange it for US\r\n equipment,\N{RIGHT DOUBLE QUOTATION MARK} Gen. Richardson told "
        "a virtual audience last Thursday.\n\n",
    ],
)
def test_a_second_look_finds_nothing_after_a_join(text: str) -> None:
    once = join_wrapped_lines(text)
    assert join_wrapped_lines(once) == once
