"""The benchmark's metrics agree with their definition, its corpus is what it claims, and its commands run."""

from __future__ import annotations

import gzip
import importlib.util
import json
import math
import os
import random
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from benchmarks import cli_throughput, cold_start, corpus, languages, metrics, peak_memory, run, threads
from hypothesis import given
from hypothesis import strategies as st

from textclean import registry

# The article-extraction benchmark's scorer is not part of this repository: where a copy is at hand, the
# folder that holds its score.py and score_synth.py is named by this variable (see benchmarks/README.md).
EVAL_KIT_VARIABLE = "TEXTCLEAN_EVAL_KIT"


def one_doc(gold: str, pred: str) -> metrics.ShingleScore:
    return metrics.shingle_score({"d": gold}, {"d": pred}, resamples=0)


@pytest.mark.parametrize(
    ("gold", "pred", "precision", "recall", "f1"),
    [
        ("the cat sat on the mat", "the cat sat on the mat", 1.0, 1.0, 1.0),
        ("Hello, world!", "Hello world", 1.0, 1.0, 1.0),  # punctuation is not a token
        ("Hello world", "hello world", 0.0, 0.0, 0.0),  # case is kept
        ("a b c d e", "a b c d", 1.0, 0.5, 2 / 3),  # 2 gold shingles, 1 predicted
        ("a b c d", "a b c d e", 0.5, 1.0, 2 / 3),
        ("x y z w x y z w", "x y z w", 1.0, 0.2, 1 / 3),  # a multiset: (x y z w) twice in the gold
        ("one two", "one two three", 0.0, 0.0, 0.0),  # short texts have one shingle each, and they differ
        ("one two", "one two", 1.0, 1.0, 1.0),
        ("a b c d e f g h", "e f g h a b c d", 0.4, 0.4, 0.4),  # 2 of 5 shingles survive a swap of halves
    ],
)
def test_shingle_precision_recall_and_f1_on_hand_made_cases(
    gold: str, pred: str, precision: float, recall: float, f1: float
) -> None:
    score = one_doc(gold, pred)
    assert (score.precision, score.recall, score.f1) == pytest.approx((precision, recall, f1))


def test_f1_is_taken_of_the_mean_precision_and_recall_not_averaged_over_documents() -> None:
    gold = {"a": "a b c d e", "b": "a b c d"}
    pred = {"a": "a b c d", "b": "a b c d e"}  # document a: P 1, R 0.5; document b: P 0.5, R 1
    score = metrics.shingle_score(gold, pred, resamples=0)
    assert (score.precision, score.recall, score.f1) == pytest.approx((0.75, 0.75, 0.75))  # mean per-doc F1: 2/3
    assert score.accuracy == 0.0


def test_an_empty_prediction_lowers_recall_only() -> None:
    score = metrics.shingle_score({"a": "one two three four", "b": "five six"}, {"a": "", "b": "five six"}, 0)
    assert (score.precision, score.recall) == (1.0, 0.5)
    assert score.accuracy == 0.5
    assert math.isnan(one_doc("some gold text here", "").precision)
    assert math.isnan(one_doc("", "").f1)


def test_the_bootstrap_spread_is_zero_when_every_document_scores_the_same() -> None:
    texts = {str(i): f"w{i} x y z" for i in range(5)}
    assert metrics.shingle_score(texts, texts).f1_std == 0.0
    mixed = metrics.shingle_score(texts, {**texts, "0": "other words entirely"})
    assert mixed.f1_std > 0.0


def load_shared_score() -> ModuleType:
    return load_shared("score")


def assert_same_as_shared(gold: dict[str, str], pred: dict[str, str]) -> None:
    theirs = load_shared_score().score_texts(gold, pred, 0)["metrics"]
    ours = metrics.shingle_score(gold, pred, resamples=0)
    for name in ("f1", "precision", "recall", "accuracy"):
        mine, other = getattr(ours, name), theirs[name]
        assert (math.isnan(mine) and math.isnan(other)) or mine == pytest.approx(other), name


def test_agrees_with_the_evaluation_kit_on_hand_made_cases() -> None:
    gold = {"1": "a b c d e", "2": "x y z w x y z w", "3": "Hello, world!", "4": "", "5": "one two"}
    pred = {"1": "a b c d", "2": "x y z w", "3": "hello world", "4": "", "5": ""}
    assert_same_as_shared(gold, pred)


words = st.lists(st.sampled_from(["a", "b", "c", "d", "É", "x1", "the"]), max_size=12).map(" ".join)


@given(pairs=st.lists(st.tuples(words, words), min_size=1, max_size=5))
def test_agrees_with_the_evaluation_kit_on_random_texts(pairs: list[tuple[str, str]]) -> None:
    gold = {str(i): g for i, (g, _) in enumerate(pairs)}
    pred = {str(i): p for i, (_, p) in enumerate(pairs)}
    assert_same_as_shared(gold, pred)


@pytest.mark.parametrize(
    ("output", "expected", "residual"),
    [
        ("Read the report.", "Read the report.", False),
        ("Read [the report](https://x.org/r).", "Read the report.", True),
        ('Read <a href="https://x.org">the report</a>.', "Read the report.", True),
        ("Price: \\$5", "Price: $5", True),
        ("[1] and [sic] stay", "[1] and [sic] stay", False),
        ("see <https://x.org>", "see <https://x.org>", False),  # markup the expected text has itself
    ],
)
def test_residual_link_markup(output: str, expected: str, residual: bool) -> None:
    assert metrics.has_residual_markup(output, expected) is residual


def test_line_recovery_counts_whole_lines_by_kind() -> None:
    expected = "A heading\n\nFirst paragraph in one line.\n\n- item one\n- item two"
    output = "A heading\n\nFirst paragraph\nin one line.\n\n- item one\n- item two"
    kinds = ["heading", "prose", "list", "list"]
    assert metrics.line_recovery(expected, output, kinds) == {"para_total": 1, "struct_total": 3, "struct_ok": 3}
    assert metrics.line_recovery(expected, expected, kinds)["para_ok"] == 1


WRAP_INPUT = "The inter-\nnational team\nwon the top-\nselling award.\n\n- one\n- two"
WRAP_EXPECTED = "The international team won the top-selling award.\n\n- one\n- two"
WRAP_KINDS = ["prose", "list", "list"]


def wrap_rates(output: str) -> dict[str, float]:
    counts = metrics.wrap_counts(WRAP_INPUT, WRAP_EXPECTED, output, WRAP_KINDS)
    return {name: counts[num] / counts[den] for name, (num, den) in metrics.WRAP_RATES.items() if counts[den]}


@pytest.mark.parametrize(
    ("output", "rates"),
    [
        (
            WRAP_EXPECTED,
            {"exact": 1, "para_recovery": 1, "struct_kept": 1, "overjoin": 0, "underjoin": 0, "para_kept": 1}
            | {"para_joined": 0, "soft_hyphen": 1, "hard_hyphen": 1, "words_intact": 1},
        ),
        (  # nothing done: the wrap break is still there, and the hyphenated words are still broken
            WRAP_INPUT,
            {
                "exact": 0,
                "para_recovery": 0,
                "underjoin": 1,
                "soft_hyphen": 0,
                "hard_hyphen": 0,
                "words_intact": 9 / 11,
            },
        ),
        (  # the list joined into one line: its line break is lost
            "The international team won the top-selling award.\n\n- one - two",
            {"exact": 0, "struct_kept": 0, "overjoin": 1, "para_kept": 1, "underjoin": 0},
        ),
        (  # paragraphs run together, and one word hyphenated the wrong way
            "The inter-national team won the topselling award. - one\n- two",
            {"para_joined": 1, "para_kept": 0, "soft_hyphen": 0, "hard_hyphen": 0, "words_intact": 9 / 11},
        ),
    ],
)
def test_wrap_rates_on_a_hand_made_row(output: str, rates: dict[str, float]) -> None:
    found = wrap_rates(output)
    assert {name: found[name] for name in rates} == pytest.approx(rates)


def eval_kit() -> Path:
    """The folder of the evaluation kit's scorer, or a skip that says how to name it."""
    folder = os.environ.get(EVAL_KIT_VARIABLE)
    if not folder:
        pytest.skip(f"compares with the evaluation kit's scorer: set {EVAL_KIT_VARIABLE} to its folder")
    return Path(folder)


def load_shared(name: str) -> ModuleType:
    path = eval_kit() / f"{name}.py"
    if not path.exists():
        pytest.fail(f"{EVAL_KIT_VARIABLE} names {path.parent}, which has no {path.name}")
    sys.path.insert(0, str(path.parent))  # score_synth imports score from its own folder
    try:
        spec = importlib.util.spec_from_file_location(f"shared_eval_{name}", path)
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(path.parent))
    return module


def naive_unwrap(text: str) -> str:
    """Join every single line break: what a careless unwrapper does."""
    return re.sub(r"(?<!\n)\n(?!\n)", " ", text)


def test_wrap_counts_agree_with_the_evaluation_kit_on_its_wrap_set() -> None:
    shared = load_shared("score_synth")
    path = eval_kit() / "data" / "dev" / "synth_wrap.jsonl"
    if not path.exists():
        pytest.fail(f"{EVAL_KIT_VARIABLE} names {path.parents[2]}, which has no data/dev/{path.name}")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for row in rows[::4]:
        for output in (row["input"], row["expected"], naive_unwrap(row["input"])):
            theirs = {key: value for key, value in shared.wrap_row_counts(row, output).items() if value}
            ours = metrics.wrap_counts(row["input"], row["expected"], output, row["meta"]["line_kinds"])
            assert {key: value for key, value in ours.items() if value} == theirs, row["id"]


def test_the_corpus_is_sized_seeded_and_damaged() -> None:
    texts = corpus.build(300_000, seed=1)
    assert sum(len(t.encode("utf-8")) for t in texts) >= 300_000
    assert texts == corpus.build(300_000, seed=1)
    assert texts != corpus.build(300_000, seed=2)
    joined = "".join(texts)
    for damage in ("](https://example.org/", '<a href="', "![photo", "\r\n", " \n", "\n\n\n\n", "â€"):
        assert damage in joined, damage
    seeds = set(corpus.seed_paragraphs())
    pieces = {p.strip() for p in joined.replace("\r\n", "\n").split("\n\n") if p.strip()}
    assert pieces & seeds  # untouched seed paragraphs are in there too


def test_hard_wrap_keeps_every_word_within_the_width() -> None:
    paragraph = " ".join(corpus.seed_paragraphs())
    wrapped = corpus.hard_wrap(paragraph, random.Random(3))
    # a line is within the width, unless it is one word longer than that (a paragraph written without spaces)
    assert all(len(line) <= 80 or " " not in line for line in wrapped.split("\n"))
    assert "-\n" in wrapped  # some words were hyphenated at the wrap
    assert re.sub(r"(\w)-\n(\w)", r"\1\2", wrapped).split() == paragraph.split()


@pytest.mark.parametrize("suffix", [".jsonl", ".jsonl.gz"])
def test_the_corpus_command_writes_jsonl(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"corpus{suffix}"
    assert corpus.main(["--size-mb", "0.2", "-o", str(path)]) == 0
    opener = gzip.open if suffix.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    assert sum(len(row["text"].encode("utf-8")) for row in rows) >= 200_000
    assert len({row["id"] for row in rows}) == len(rows)


def write_sets(folder: Path) -> None:
    folder.mkdir()
    pages = [
        {
            "id": "p1",
            "text": "Home | News\n\nThe council met on Monday   \n\n\n\nto vote.",
            "gold": "The council met on Monday to vote.",
        },
        {"id": "p2", "text": "A second page about rivers and lakes.", "gold": "A second page about rivers and lakes."},
        {"id": "p3", "text": "no reference here"},  # left out: nothing to score against
    ]
    synthetic = [
        {"id": "m1", "kind": "mojibake", "input": "cafÃ©", "expected": "café", "meta": {"encoding": "cp1252"}},
        {"id": "m3", "kind": "mojibake", "input": "naÃ¯ve", "expected": "naïve", "meta": {"encoding": "latin-1"}},
        {"id": "f1", "kind": "ftfy_real", "input": "Ã©", "expected": "é", "meta": {"expected_fix_text": "é"}},
        {"id": "m2", "kind": "mojibake_negative", "input": "plain text", "expected": "plain text"},
        {"id": "w1", "kind": "whitespace", "steps": ["whitespace"], "input": "a  \n\n\n\nb", "expected": "a\n\nb"},
    ]
    for name, rows in (("pages", pages), ("synthetic", synthetic)):
        (folder / f"{name}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


@pytest.mark.filterwarnings("ignore:invalid escape sequence:DeprecationWarning")  # in clean-text
def test_the_benchmark_command_writes_speed_and_quality_tables(tmp_path: Path) -> None:
    write_sets(tmp_path / "sets")
    out = tmp_path / "results.md"
    status = run.main(["--data", str(tmp_path / "sets"), "--size-mb", "0.05", "--repeats", "1", "--out", str(out)])
    assert status == 0
    table = out.read_text(encoding="utf-8")
    assert "| ftfy.fix_text | " in table and " | 1.00 |" in table
    assert "| textclean default pipeline | " in table
    for name in registry.builtin_names():
        assert f"| textclean `{name}` | " in table
    page_f1 = next(line for line in table.splitlines() if line.startswith("| pages | 2 | default pipeline | F1 |"))
    assert page_f1.count("±") >= 2
    whitespace = next(line for line in table.splitlines() if line.startswith("| synthetic (whitespace) | 1 |"))
    cells = [cell.strip() for cell in whitespace.split("|")]
    assert cells[5:7] == ["0.000", "1.000"]  # raw input, then textclean's whitespace step: exact
    assert "synthetic (mojibake) | 2 | `mojibake`" in table
    assert "| exact [encoding=cp1252] | 0.000 |" in table  # raw input: broken
    assert "| exact [encoding=latin-1] | 0.000 |" in table
    assert "| exact vs fix_text target | 0.000 | " in table


def test_tools_that_are_not_installed_are_left_out(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "cleantext", None)
    monkeypatch.setitem(sys.modules, "textacy", None)
    assert [tool.name for tool in run.other_tools()] == ["ftfy.fix_text"]


def test_rows_are_read_in_either_field_naming(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    rows = [{"id": 1, "text": "t", "gold": "g"}, {"id": 2, "input": "i", "expected": "e", "kind": "links"}, {"id": 3}]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n\n", encoding="utf-8")
    found, skipped = run.read_set(path)
    assert [(r.id, r.input, r.expected, r.kind) for r in found] == [("1", "t", "g", "page"), ("2", "i", "e", "links")]
    assert skipped == 1


@pytest.mark.slow
def test_the_throughput_command_measures_the_cli(tmp_path: Path) -> None:
    out = tmp_path / "throughput.md"
    status = cli_throughput.main(
        ["--sizes-mb", "0.3", "--workers", "1", "2", "--work-dir", str(tmp_path), "--out", str(out)]
    )
    assert status == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert [line.split("|")[2].strip() for line in lines[2:]] == ["1", "2"]
    assert (tmp_path / "cleaned.jsonl").stat().st_size > 0


@pytest.mark.filterwarnings("ignore:invalid escape sequence:DeprecationWarning")  # in clean-text
def test_speed_can_be_timed_on_given_texts(tmp_path: Path) -> None:
    texts = tmp_path / "pages.jsonl"
    texts.write_text(json.dumps({"id": "1", "text": "Some page text   \n\n\n\nwith damage."}) + "\n", encoding="utf-8")
    out = tmp_path / "speed.md"
    assert run.main(["--speed-corpus", str(texts), "--repeats", "1", "--out", str(out)]) == 0
    table = out.read_text(encoding="utf-8")
    assert "MB in 1 documents of `pages.jsonl`" in table
    assert "| textclean default pipeline | " in table
    assert "## Quality" not in table


def test_the_throughput_table_gives_speed_up_and_memory_growth() -> None:
    results = [
        cli_throughput.Measure(50, 1, 10.0, 50.0, 40.0, None),
        cli_throughput.Measure(50, 2, 5.5, 50.0, 42.0, 90.0),
        cli_throughput.Measure(500, 2, 55.0, 500.0, 46.2, 95.0),
    ]
    lines = cli_throughput.table(results).splitlines()
    assert lines[2] == "| 50 MB | 1 | 10.0 s | 5.00 | 1.00x | 40 MB | n/a (no psutil) |"
    assert lines[3] == "| 50 MB | 2 | 5.5 s | 9.09 | 1.82x | 42 MB | 90 MB |"
    assert lines[4].startswith("| 500 MB | 2 | 55.0 s | 9.09 | 1.00x |")
    assert (
        lines[-1]
        == "With --workers 2, the largest process peaked at 1.10x the memory on 500 MB of input that it used on 50 MB."
    )


def test_the_cold_start_command_times_ftfy_the_import_and_a_small_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert cold_start.main(["--repeats", "1"]) == 0  # it also checks that the file's hyphen was mended
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("|")[1].strip() for line in lines[2:]] == [
        "`ftfy.fix_text('x')`",
        "`import textclean`",
        "`textclean normalize FILE`",
        "`textclean normalize FILE --steps whitespace`",
    ]
    assert lines[2].endswith("| 1.0x |")


def test_the_peak_memory_command_cleans_every_record(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages.jsonl"
    records = [{"text": "Some page text   \n\n\n\nwith damage."}, {"input": "Zweite Seite."}, {"text": ""}]
    pages.write_text("".join(json.dumps(record) + "\n" for record in records), encoding="utf-8")
    assert peak_memory.main([str(pages)]) == 0
    assert re.fullmatch(r"3 documents, 0\.0 MB in \d+\.\d s; peak resident memory \d+ MB\n", capsys.readouterr().out)


def test_the_threads_command_times_one_and_two_threads(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pages = tmp_path / "pages.jsonl"
    pages.write_text("".join(json.dumps({"text": f"Page {i}   \n\n\n\nwith damage."}) + "\n" for i in range(6)))
    assert threads.main([str(pages), "--steps", "whitespace", "--repeats", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "6 documents, 0.0 MB, steps: whitespace"
    assert re.fullmatch(r"1 thread: \d+\.\d\d s; 2 threads: \d+\.\d\d s; 2 threads vs 1: \d+\.\d\dx", lines[1])


def test_the_languages_command_reports_each_list(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("wordfreq")
    assert languages.main(["vi", "el", "--repeats", "1"]) == 0  # two short lists: quick to read
    lines = capsys.readouterr().out.splitlines()
    assert [line.split("|")[1].strip() for line in lines[2:]] == ["vi", "el"]
    cells = [cell.split(",") for cell in lines[2].split("|")[2:5]]
    held = [float(megabytes) for _, megabytes in cells]
    assert 0 < held[0] < held[1] <= held[2]  # function words < common words <= common and rare words
