"""The native core: its guard against panics, its reading of any str, and its release of the GIL."""

from __future__ import annotations

import itertools
import statistics
import threading
from pathlib import Path

import pytest
import regex
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean import Pipeline, _native
from textclean.cleaners.linewrap import join_wrapped_lines, judge_hyphens
from textclean.errors import NativeError, TextcleanError
from textclean.furniture.blocks import first_word_start, split_blocks, word_set
from textclean.furniture.evidence import native_lexicon
from textclean.furniture.lexicon import document_stopwords
from textclean.hyphenation import HyphenJudge
from textclean.runs import NativeRun
from textclean.text import mojibake_chars
from textclean.text.languages import function_word_table, language_reader, provide

from .conftest import documents
from .test_bad_input import no_traceback
from .test_cli import run, write


def test_a_panic_in_the_core_is_a_textclean_error_naming_the_step() -> None:
    with pytest.raises(NativeError, match=r"step 'test': the native core failed \(no rule handles 3 bytes\)"):
        _native.fail_like_a_broken_rule("abc")
    assert issubclass(NativeError, TextcleanError)


def test_a_panic_fails_one_document_of_a_run_and_the_run_goes_on(tmp_path: Path, crash_env: dict[str, str]) -> None:
    write(tmp_path / "in" / "a.txt", "fine  ")
    write(tmp_path / "in" / "b.txt", "panic  ")
    result = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--steps", "crash", env=crash_env)
    no_traceback(result)
    assert result.returncode == 3
    assert b"b.txt: a cleaner failed: NativeError: step 'test': the native core failed" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a\ud800  \r\n\r\n\r\nb\udfff \n", "a\ud800\n\nb\udfff\n"),  # lone surrogates: offsets stay Python's
        ("\U0001f600  \n\n\n\U0001f600", "\U0001f600\n\n\U0001f600"),  # code points beyond the BMP count as one
        ("é\u2029ü\u2028x\u3000", "é\n\nü\nx"),
    ],
)
def test_offsets_are_code_points_of_any_str(text: str, expected: str) -> None:
    assert textclean.clean(text, steps="whitespace") == expected
    for edit in textclean.Pipeline(["whitespace"]).explain(text).steps[0].edits:
        assert text[edit.start : edit.end] == edit.old


NATIVE_OUTPUT_CASES = [
    ("whitespace", {}, "a\ud800  \r\n\r\n\r\nb\udfff \n"),
    ("whitespace", {"max_blank_lines": 0}, "é\u2029ü  \n\n\U0001f600"),
    ("markup", {}, "## **Big\ud800** news\n\n| a | b |\n|---|---|\n| 1 | 2 |"),
    ("markup", {"headings": "keep", "list_markers": "drop", "tables": "keep"}, "# T\n\n* one\n* _two_"),
    ("links", {}, "[a\ud800b](/x\udfff) ![i](p.png) \\$4"),
    ("links", {"urls": "footnote"}, "A [story](https://x.org/s\ud800) here."),
    ("links", {"bare_urls": "replace", "url_token": "<\udc80>"}, "Read https://x.org/a\ud800 now."),
]


@pytest.mark.parametrize(("step", "options", "text"), NATIVE_OUTPUT_CASES)
def test_a_native_step_builds_the_text_its_edits_make(step: str, options: dict[str, object], text: str) -> None:
    pipeline = textclean.Pipeline([step], {step: options} if options else None)
    explained = pipeline.explain(text)
    assert explained.steps and explained.steps[0].edits  # the case changes something
    assert pipeline(text) == explained.output == explained.replay()


@pytest.mark.parametrize("step", ["whitespace", "markup", "links"])
def test_a_native_step_that_changes_nothing_gives_back_its_text(step: str) -> None:
    text = "".join(["Plain words, in one line"] * 3)
    assert textclean.Pipeline([step])(text) is text


@pytest.mark.parametrize(
    "text",
    [
        "[a\ud800b](/x\udfff) [\ufffd][l] [\ud800][l]\n\n[\ud800]: /s",  # a lone surrogate is not U+FFFD
        "[\U000f0000\ud800](\U000f0800)",  # a text holding private use code points too
        "".join(map(chr, range(0xF0000, 0xF2000))) + "[\ud800](u)",  # many of them
    ],
)
def test_link_tokens_give_back_lone_surrogates(text: str) -> None:
    kinds, starts, ends, texts, urls = _native.link_tokens(text)
    assert kinds[0] == "link"
    assert texts[0] == text[starts[0] + 1 : text.index("](")]
    assert urls[0] == text[text.index("](") + 2 : ends[0] - 1]


def test_threads_clean_side_by_side_with_the_same_results() -> None:
    texts = [f"line {i}  \r\n\r\n\r\n\r\nnext {i}\t\n" * 200 for i in range(16)]
    expected = [textclean.clean(text, steps="whitespace") for text in texts]
    results: dict[int, str] = {}

    def work(i: int) -> None:
        results[i] = textclean.clean(texts[i], steps="whitespace")

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(texts))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [results[i] for i in range(len(texts))] == expected


@given(text=documents())
def test_a_text_the_core_made_reads_as_a_copy_of_it_reads(text: str) -> None:
    # the core keeps the UTF-8 of the last text it made, and reads that very object from it
    run = NativeRun(Pipeline(["whitespace", "markup", "whitespace"]).steps)
    made, _, _ = run(f"“{text}”\t\n\n\n# Quote")
    copy = "".join(list(made))
    assert copy == made and copy is not made

    def lines(text: str) -> tuple[object, ...]:
        languages = (language_reader(), function_word_table())
        options = (None, True, False)
        edits = _native.linewrap_edits(text, (options, languages, judge_hyphens))
        return edits, _native.linewrap_output(text, (options, languages, judge_hyphens))

    assert lines(made) == lines(copy)
    on_another_thread: list[tuple[object, ...]] = []
    thread = threading.Thread(target=lambda: on_another_thread.append(lines(made)))
    thread.start()
    thread.join()
    assert on_another_thread == [lines(copy)]
    run(copy + " …")  # another text made: the first is read from Python again
    assert run(made) == run(copy)


def test_a_word_table_gives_each_word_its_latest_bucket() -> None:
    table = _native.WordTable(iter([["the", "of"], [], ["newspaper", "the"]]))
    assert [table.bucket(word) for word in ("of", "the", "newspaper", "xqzzv", "\ud800")] == [0, 2, 2, None, None]
    assert (len(table), table.nbytes) == (4, 32)


def test_a_word_table_refuses_what_is_not_buckets_of_words() -> None:
    with pytest.raises(TypeError):
        _native.WordTable([["fine"], [3]])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Home\nNews\n\n  A paragraph.", [(0, 4), (5, 9), (13, 25)]),
        ("é\n\n  ü", [(0, 1), (5, 6)]),  # offsets in code points
        ("\ud800 [x\ud800](/)\n\n", [(0, 9)]),
    ],
)
def test_block_spans_are_code_point_offsets(text: str, expected: list[tuple[int, int]]) -> None:
    blocks = split_blocks(text)
    assert [(block.start, block.end) for block in blocks] == expected
    assert all("\ufffd" not in block.visible for block in blocks)  # a lone surrogate stays itself


def test_blocks_count_words_after_full_case_folding() -> None:
    text = "Er sagt, daß es regnet und dass die Straße nass ist, und das ist gut so, sagt er."
    assert {"er", "dass", "es", "und", "die", "ist", "das", "gut", "so"} <= document_stopwords(text)
    (block,) = split_blocks(text)
    assert (block.words, block.stopwords) == (18, 13)  # "daß" folds to "dass", a function word
    assert [block.list_item for block in split_blocks("22. August 2018\n\n  •\tPunkt")] == [False, True]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("* © 2024", 2), ("—— Über", 3), ("«\U0001f600» (c)", 4), ("\ud800 a", 2), ("--", 2), ("", 0)],
)
def test_where_a_phrase_may_start_is_a_code_point_offset(text: str, expected: int) -> None:
    assert first_word_start(text) == expected


def _classification(text: str, user_labels: list[str | None] | None = None) -> _native.Classification:
    settings = (True, True, False, False, False, 0.5, False)
    blocks = _native.split_blocks(text, word_set(frozenset()))
    return _native.Classification(blocks, native_lexicon(), word_set(frozenset()), user_labels, settings)


def test_the_classifier_settles_a_document_and_names_its_title() -> None:
    prose = "The council met on Monday and voted to keep the library open for a year. " * 4
    assert _classification("Share this article\n\n" + prose).settle(True) == (None, [(0, "share", "own-evidence")])
    page = _classification("Storm hits the coast\n\nShare this article\n\n" + prose)
    assert page.settle(True) == (0, [(1, "share", "own-evidence")])
    assert page.settle(False) == (0, [(0, "title", "title"), (1, "share", "own-evidence")])
    # the user's label of a block comes first; a block of lone surrogates is read as any other
    labels: list[str | None] = ["user-pattern", None]
    assert _classification("Share this article\n\n" + prose, labels).settle(True)[1][0][:2] == (0, "user-pattern")
    assert _classification("\ud800 Menu \udfff.\n\nA line.").settle(True) == (None, [])


def test_the_classifier_refuses_labels_that_do_not_fit_its_blocks() -> None:
    with pytest.raises(ValueError, match="one label"):
        _classification("One line.", ["user-phrase", None])


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Storm hits the coast | Daily Planet - News", (20, 42)),
        ("Home | News", None),
        ("Der Sturm trifft die Küste \N{EN DASH} Zeitung", (26, 36)),
        ("Der Sturm trifft die Küste \N{EN DASH} Zeitung ![](/p.gif) <img src=x>", (26, 36)),
        ("Der Sturm trifft die Küste \N{EN DASH} Zeitung ![](/p.gif) and more", None),
        ("", None),
    ],
)
def test_a_title_s_site_suffix_is_a_span_in_code_points(line: str, expected: tuple[int, int] | None) -> None:
    assert native_lexicon().title_suffix(line) == expected


def test_the_footer_s_cut_refuses_labels_that_do_not_fit_its_blocks() -> None:
    blocks = _native.split_blocks("One line.", word_set(frozenset()))
    settings = (True, True, False, 50)
    with pytest.raises(ValueError, match="one label"):
        _native.footer_tail_start(blocks, native_lexicon(), word_set(frozenset()), [None, None], settings)
    assert _native.footer_tail_start(blocks, native_lexicon(), word_set(frozenset()), None, settings) is None


def test_removed_blocks_take_their_line_breaks_at_code_point_offsets() -> None:
    text = "Über \ud800 uns.\n\nTeilen Sie\n\nDer Rat tagte am Montag.\n\nKommentare\n"
    blocks = _native.split_blocks(text, word_set(frozenset()))
    assert blocks.removal_edits([1, 3]) == [(13, 25, ""), (49, 62, "\n")]
    assert (text[13:25], text[49:62]) == ("Teilen Sie\n\n", "\n\nKommentare\n")
    assert blocks.without([1, 3], []) == "Über \ud800 uns.\n\nDer Rat tagte am Montag.\n"
    assert blocks.without([], [(4, 6)]) == "Über uns.\n\nTeilen Sie\n\nDer Rat tagte am Montag.\n\nKommentare\n"
    assert [row[:3] for row in blocks.rows()[:2]] == [(0, 11, "Über \ud800 uns."), (13, 23, "Teilen Sie")]
    assert blocks.rows() == [blocks.row(i) for i in range(len(blocks))]


@pytest.mark.parametrize(
    ("removed", "cuts", "message"),
    [([3], [], "out of range"), ([2, 1], [], "ascending"), ([1, 1], [], "ascending"), ([1], [(8, 10)], "overlap")],
)
def test_block_removal_refuses_what_does_not_fit_its_blocks(
    removed: list[int], cuts: list[tuple[int, int]], message: str
) -> None:
    blocks = _native.split_blocks("One.\n\nShare this\n\nTwo.\n", word_set(frozenset()))
    with pytest.raises(ValueError, match=message):
        blocks.without(removed, cuts)
    if not cuts:
        with pytest.raises(ValueError, match=message):
            blocks.removal_edits(removed)
    with pytest.raises(ValueError, match="out of range"):
        blocks.row(3)


def test_the_mojibake_gate_finds_pairs_of_one_codec_and_c1_controls() -> None:
    gate = _native.MojibakeGate(list(mojibake_chars.CODEC_CHARACTERS))
    assert gate.read("It\u2019s a caf\u00e9.") == (False, False)  # correct text
    assert gate.read("Itâ€™s a cafÃ©.") == (False, True)
    assert gate.read("caf\u00c3 \u00a9 \ud800\u0085") == (True, False)  # a C1 control; a lead and a continuation apart
    with pytest.raises(ValueError, match="at most 64"):
        _native.MojibakeGate([("", "")] * 65)


def test_running_lines_are_read_with_their_surrogates_and_length() -> None:
    page = "Page {} \ud800\n" + "text\n" * 24
    text = "".join(page.format(number) for number in (7, 8, 9))
    assert _native.running_lines(text, 3, 20, 160) == [[0, 25, 50]]
    assert _native.running_lines(text, 3, 20, 7) == []  # "Page # \ud800" is 8 code points
    assert _native.running_lines(text, 3, 26, 160) == []


def _reference_running_lines(lines: list[str], min_marks: int, min_spacing: int) -> list[list[int]]:
    """The lines that mark pages, as the rule reads in Python: short numbered lines without markup that
    come back at a regular spacing with a number that grows by one to three from each to the next."""
    places: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        key = regex.sub(r"\d+", "#", line.strip())
        if key != line.strip() and len(key) <= 12 and not regex.search(r"\]\(|[|*<>]|\A[-+•] ", key):
            places.setdefault(key, []).append(index)
    running = []
    for found in places.values():
        if len(found) < min_marks:
            continue
        spacings = [b - a for a, b in itertools.pairwise(found[:-1])]
        if min(spacings) < min_spacing or lines[found[0]].lstrip().startswith("#"):
            continue
        middle = statistics.median(spacings)
        if sum(1 for spacing in spacings if abs(spacing - middle) <= 0.25 * middle) < 0.75 * len(spacings):
            continue
        numbers = [[int(number) for number in regex.findall(r"\d+", lines[index])] for index in found]
        slots = range(len(numbers[0]))
        if any(all(0 < b[slot] - a[slot] <= 3 for a, b in itertools.pairwise(numbers)) for slot in slots):
            running.append(found)
    return running


_PAGE_LINE = st.sampled_from(
    ["Page 1", "Page 2", "Page 3", "- 4 -", "# 5", "[p. 7](#7)", "| 8 |", "9 / 10", "text", ""]
)


@given(
    lines=st.lists(_PAGE_LINE | st.text(alphabet="ab 1٣9|*<>]([-+•#\u2028\x1f", max_size=12), max_size=60),
    min_marks=st.integers(3, 5),
    min_spacing=st.integers(1, 6),
)
def test_running_lines_are_short_numbered_lines_that_grow_at_a_regular_spacing(
    lines: list[str], min_marks: int, min_spacing: int
) -> None:
    lines = [line.replace("\n", " ") for line in lines]
    found = _native.running_lines("\n".join(lines), min_marks, min_spacing, 12)
    assert found == _reference_running_lines(lines, min_marks, min_spacing)


_CASED = "aAbB-_ İKiIöÖßẞΣς\u0131\u212a\u0307\ud800"


@given(text=st.text(alphabet=_CASED, max_size=24), word=st.text(alphabet=_CASED, max_size=4))
def test_the_core_counts_a_word_in_lower_case_as_python_does_or_leaves_it_to_python(text: str, word: str) -> None:
    count = _native.count_in_lower_case(text, word)
    assert count is None or count == text.lower().count(word)
    if word and word.isascii() and "\u0130" not in text and "\u212a" not in text:
        assert count is not None  # an ASCII word in a text without İ and the Kelvin sign: no copy needed


def _linewrap_output(text: str, judge: _native.JudgeHyphens, *, width: int | None = None, keep: bool = False) -> str:
    """The text the core's linewrap step makes, giving it the function words it asks for."""
    languages = (language_reader(), function_word_table())
    output, need = _native.linewrap_output(text, ((width, True, keep), languages, judge))
    while need is not None:
        provide(*need)
        output, need = _native.linewrap_output(text, ((width, True, keep), languages, judge))
    assert output is not None
    return output


def test_a_run_of_linewrap_needs_a_judge_of_hyphens() -> None:
    with pytest.raises(ValueError, match="needs a judge"):
        _native.Run([("linewrap", (None, True, False))])


def _no_judge(text: str | None, in_doubt: list[_native.HyphenInDoubt]) -> list[str]:
    raise AssertionError(f"no hyphen is in doubt here, but {in_doubt} were asked about")


def test_the_core_mends_blank_lines_inside_a_sentence_with_the_function_words_of_each_line() -> None:
    text = "The council said that the plan to close the old library on the\n\nhill would be dropped, \ud800 said."
    assert _linewrap_output(text, _no_judge) == text.replace("\n\n", " ")
    languages = (language_reader(), _native.FunctionWordTable())
    assert _native.linewrap_output(text, ((None, False, False), languages, _no_judge)) == (text, None)
    # before a capital, the sentence breaks off mid-phrase only after a function word of the line's language
    line = "The council met on Monday and said that the plan to close the"
    after = "Summer Fair would be dropped after all."
    asks = _native.linewrap_output(f"{line}\n\n{after}", ((64, True, False), languages, _no_judge))
    assert asks == (None, ("words", "en"))
    assert _linewrap_output(f"{line}\n\n{after}", _no_judge, width=64) == f"{line} {after}"
    assert join_wrapped_lines(f"{line}\n\n{after}", width=64).count("\n") == 0
    assert _linewrap_output(f"{line[:-4]} it,\n\n{after}", _no_judge, width=64) == f"{line[:-4]} it, {after}"
    assert _linewrap_output(f"{line[:-4]} It\n\n{after}", _no_judge, width=64) == f"{line[:-4]} It\n\n{after}"


def test_the_core_asks_the_judge_only_about_the_hyphens_in_doubt() -> None:
    lines = ["The delegates have signed an inter-", "national deal on fishing rights in the", "northern seas, \ud800."]
    text = "\n".join(lines)
    asked: list[tuple[str | None, list[_native.HyphenInDoubt]]] = []

    def judge(verdict: str) -> _native.JudgeHyphens:
        def give(text: str | None, in_doubt: list[_native.HyphenInDoubt]) -> list[str]:
            asked.append((text, in_doubt))
            return [verdict] * len(in_doubt)

        return give

    joined = "The delegates have signed an international deal on fishing rights in the northern seas, \ud800."
    assert _linewrap_output(text, judge("soft"), width=40) == joined
    # the core counts the pieces joined and hyphenated where they are in ASCII, and hands over no text
    assert asked == [(None, [("inter", "national", True, "en", (0, 0))])]
    asked.clear()
    counted = text.replace("seas", "seas (an inter-national one, not an International one)")
    _linewrap_output(counted, judge("soft"), width=40)
    assert asked == [(None, [("inter", "national", True, "en", (1, 1))])]
    asked.clear()
    # elsewhere Python counts them in the text
    german = text.replace("an inter-", "die Straßen-").replace("national", "bahn")
    _linewrap_output(german, judge("soft"), width=40)
    assert [(given, [(*row[:3], row[4]) for row in rows]) for given, rows in asked] == [
        (german, [("Straßen", "bahn", True, None)])
    ]
    assert _linewrap_output(text, _no_judge, width=40, keep=True) == joined.replace("inter", "inter-")
    url = text.replace("an inter-", "example.com/a-")
    assert _linewrap_output(url, _no_judge, width=40) == joined.replace("an inter", "example.com/a-")
    languages = (language_reader(), function_word_table())
    edits, _ = _native.linewrap_edits(text, ((40, True, False), languages, judge("suspended")))
    # joins in a row are one edit, from the first line's end to where the last line's words start
    assert edits == ([35], [75], [" national deal on fishing rights in the "], ["suspended-hyphen+line-wrap"])


_GERMAN = "Die Kinder spielen im Garten, und die Eltern sitzen auf der Bank, wie jeden Tag. " * 2
_ENGLISH_LINES = ["The delegates have signed an inter-", "national deal on fishing rights in the", "northern seas."]
# words of no language: the text around the hyphen cannot tell, the document's language does (or English)
_UNKNOWN_LINES = ["Qwrtzk plmnbv xcvbnm ghjkl trzwp quu-", "rtzvb plmkq wertz zuiop asdfgh jkl", "yxcvb."]


@pytest.mark.parametrize(
    ("document", "lines", "language"),
    [(_GERMAN, _ENGLISH_LINES, "en"), (_GERMAN, _UNKNOWN_LINES, "de"), ("", _UNKNOWN_LINES, "en")],
)
def test_the_core_reads_the_language_around_a_hyphen_as_the_judge_of_hyphens_does(
    document: str, lines: list[str], language: str
) -> None:
    asked: list[_native.HyphenInDoubt] = []

    def judge(text: str | None, in_doubt: list[_native.HyphenInDoubt]) -> list[str]:
        asked.extend(in_doubt)
        return ["soft"] * len(in_doubt)

    text = "\n\n".join([document, "\n".join(lines)]) if document else "\n".join(lines)
    _linewrap_output(text, judge, width=40)
    assert [row[3] for row in asked] == [language]
    assert HyphenJudge(text).language(f"{lines[0]} {lines[1]}") == language


def _fails(text: str | None, in_doubt: list[_native.HyphenInDoubt]) -> list[str]:
    raise ZeroDivisionError("the judge fails")


@pytest.mark.parametrize(
    ("judge", "error", "message"),
    [
        (lambda text, in_doubt: ["maybe"], ValueError, "no verdict of a hyphen"),
        (lambda text, in_doubt: [], ValueError, "a verdict for each"),
        (_fails, ZeroDivisionError, "the judge fails"),
    ],
)
def test_a_judge_of_hyphens_that_fails_fails_the_step(
    judge: _native.JudgeHyphens, error: type[Exception], message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "The delegates have signed an inter-\nnational deal on fishing rights in the\nnorthern seas."
    with pytest.raises(error, match=message):
        _linewrap_output(text, judge, width=40)
    monkeypatch.setattr("textclean.cleaners.linewrap.judge_hyphens", judge)
    run = NativeRun(Pipeline(["whitespace", "linewrap"], options={"linewrap": {"width": 40}}).steps)
    with pytest.raises(error, match=message):
        run(text)
