"""The recipes of docs/large-corpus.md, run as written on a small corpus: every record cleaned, none lost."""

from __future__ import annotations

import json
import pickle
import re
from pathlib import Path

import pytest

import textclean

from .conftest import ROOT, needs, raw_paragraphs

DOC = ROOT / "docs" / "large-corpus.md"


def recipe(name: str) -> str:
    """The code block that follows ``<!-- recipe: NAME -->`` in the large-corpus page."""
    match = re.search(
        rf"<!-- recipe: {re.escape(name)} -->\n```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S
    )
    assert match, f"no recipe {name!r} in {DOC}"
    return match.group(1)


def run_recipe(name: str) -> None:
    # a module of its own name, so that the functions it defines can be pickled to worker processes by value
    exec(compile(recipe(name), f"<recipe {name}>", "exec"), {"__name__": f"recipe_{name.replace('-', '_')}"})


def write_corpus(path: Path, count: int = 40) -> list[dict[str, object]]:
    """JSONL rows of seed paragraphs with the damage the default pipeline repairs, and a column to keep."""
    paragraphs = raw_paragraphs()
    rows: list[dict[str, object]] = []
    for index in range(count):
        picked = [paragraphs[(index * 5 + k) % len(paragraphs)] for k in range(1 + index % 3)]
        rows.append({"id": f"doc-{index:03d}", "text": "   \r\n\r\n\r\n".join(picked) + "\n\n\n", "source": index})
    path.write_text("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows), encoding="utf-8")
    return rows


def check_cleaned(rows: list[dict[str, object]], output: Path) -> None:
    found = [json.loads(line) for line in output.read_text(encoding="utf-8").splitlines() if line.strip()]
    by_id = {row["id"]: row for row in found}
    assert len(found) == len(rows) == len(by_id)
    for row in rows:
        out = by_id[row["id"]]
        assert out["text"] == textclean.clean(str(row["text"]))
        assert out["text"] != row["text"]  # the corpus is messy: cleaning must show
        assert out["source"] == row["source"]  # other columns are kept


def test_a_pipeline_pickles_with_its_options() -> None:
    pipeline = textclean.Pipeline(["whitespace"], options={"whitespace": {"max_blank_lines": 2}})
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline
    assert copy("a\n\n\n\n\nb") == pipeline("a\n\n\n\n\nb") == "a\n\n\nb"


def test_datasets_map_recipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    datasets = needs("datasets", "datasets")
    monkeypatch.setattr(datasets.config, "HF_DATASETS_CACHE", tmp_path / "hf-cache")
    monkeypatch.setenv("HF_DATASETS_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)
    rows = write_corpus(tmp_path / "corpus.jsonl")
    run_recipe("datasets")
    check_cleaned(rows, tmp_path / "corpus.clean.jsonl")


def test_pandas_recipe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    needs("pandas", "pandas")
    monkeypatch.chdir(tmp_path)
    rows = write_corpus(tmp_path / "corpus.jsonl")
    run_recipe("pandas")
    check_cleaned(rows, tmp_path / "corpus.clean.jsonl")
