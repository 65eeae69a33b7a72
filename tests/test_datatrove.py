"""The datatrove formatter and filter: documents cleaned inside datatrove's executors, none lost, drops explained."""

from __future__ import annotations

import gzip
import importlib
import json
import pickle
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

import textclean

from .conftest import needs, raw_paragraphs
from .test_recipes import recipe, run_recipe


@pytest.fixture
def integration() -> ModuleType:
    needs("datatrove", "datatrove")
    from textclean.integrations import datatrove

    return datatrove


@pytest.fixture
def jsonl_io() -> tuple[Any, Any]:
    needs("datatrove", "datatrove")
    needs("orjson", "datatrove")  # datatrove's JSONL reader and writer use it
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter

    return JsonlReader, JsonlWriter


def drop_menu_lines(text: str) -> str:
    """A cleaner that removes words: lines that start with 'Menu'."""
    return "\n".join(line for line in text.split("\n") if not line.startswith("Menu"))


def messy_documents(count: int) -> list[dict[str, str]]:
    """Seed paragraphs with the damage the default pipeline repairs (trailing spaces, blank-line runs, CRLF)."""
    paragraphs = raw_paragraphs()
    rows = []
    for index in range(count):
        picked = [paragraphs[(index * 7 + k) % len(paragraphs)] for k in range(1 + index % 4)]
        text = "  \r\n\r\n\r\n\r\n".join(picked) + "\n\n\n\n"
        rows.append({"id": f"doc-{index:03d}", "text": text})
    return rows


def write_jsonl_folder(folder: Path, rows: list[dict[str, str]], files: int) -> None:
    folder.mkdir(parents=True)
    for number in range(files):
        lines = [json.dumps(row) + "\n" for row in rows[number::files]]
        (folder / f"part-{number}.jsonl").write_text("".join(lines), encoding="utf-8")


def read_output_folder(folder: Path) -> dict[str, dict[str, Any]]:
    found: dict[str, dict[str, Any]] = {}
    for path in sorted(folder.rglob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                assert row["id"] not in found, f"document {row['id']} written twice"
                found[row["id"]] = row
    return found


def written_text(row: dict[str, Any]) -> str:
    """The text of a written document: datatrove's writer leaves out empty fields, so "" has no key."""
    return row.get("text", "")


@pytest.mark.slow
def test_local_executor_cleans_every_document_over_several_tasks(
    tmp_path: Path, integration: ModuleType, jsonl_io: tuple[Any, Any]
) -> None:
    from datatrove.executor import LocalPipelineExecutor

    reader_class, writer_class = jsonl_io
    rows = messy_documents(24)
    write_jsonl_folder(tmp_path / "in", rows, files=4)
    executor = LocalPipelineExecutor(
        pipeline=[
            reader_class(str(tmp_path / "in")),
            integration.TextcleanFormatter(),
            writer_class(str(tmp_path / "out")),
        ],
        tasks=3,
        workers=2,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()

    assert sorted(path.name for path in (tmp_path / "logs" / "completions").iterdir()) == ["00000", "00001", "00002"]
    assert len(list((tmp_path / "out").glob("*.jsonl.gz"))) == 3  # each task wrote its own shard
    found = read_output_folder(tmp_path / "out")
    assert sorted(found) == sorted(row["id"] for row in rows)
    changed = 0
    for row in rows:
        expected = textclean.clean(row["text"])
        assert written_text(found[row["id"]]) == expected
        changed += expected != row["text"]
        metadata = found[row["id"]]["metadata"]
        assert 0.0 <= metadata["textclean_removed_share"] <= 1.0
        assert all(":" in rule for rule in metadata["textclean_rules"])
    assert changed == len(rows)  # every input was messy, so the test shows cleaning happened


@pytest.mark.slow
def test_the_documented_local_pipeline_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jsonl_io: tuple[Any, Any]
) -> None:
    monkeypatch.chdir(tmp_path)
    rows = messy_documents(10)
    write_jsonl_folder(tmp_path / "corpus", rows, files=3)
    run_recipe("datatrove-local")
    found = read_output_folder(tmp_path / "clean")
    excluded = read_output_folder(tmp_path / "excluded") if (tmp_path / "excluded").exists() else {}
    assert sorted([*found, *excluded]) == sorted(row["id"] for row in rows)  # each document lands once
    cleaned = {row["id"]: textclean.clean(row["text"]) for row in rows}
    assert {key: written_text(row) for key, row in [*found.items(), *excluded.items()]} == cleaned
    assert all(row["metadata"]["textclean_removed_share"] <= 0.8 for row in found.values())
    assert all(row["metadata"]["textclean_removed_share"] > 0.8 for row in excluded.values())
    assert all(row["metadata"]["filter_reason"] == "textclean_removed_share" for row in excluded.values())


def test_the_documented_slurm_pipeline_builds(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, integration: ModuleType
) -> None:
    monkeypatch.chdir(tmp_path)
    code = recipe("datatrove-slurm").rstrip()
    assert code.endswith("executor.run()")
    namespace: dict[str, Any] = {}
    exec(code.removesuffix("executor.run()"), namespace)  # everything but submitting the jobs
    executor = namespace["executor"]
    assert type(executor).__name__ == "SlurmPipelineExecutor"
    assert executor.tasks == 500
    assert [type(step).__name__ for step in executor.pipeline] == [
        "JsonlReader",
        "TextcleanFormatter",
        "RemovedShareFilter",
        "JsonlWriter",
    ]
    assert executor.pipeline[2].max_removed_share == 0.8


def test_the_steps_are_datatrove_formatter_and_filter(integration: ModuleType) -> None:
    from datatrove.pipeline.filters.base_filter import BaseFilter
    from datatrove.pipeline.formatters.base import BaseFormatter

    assert issubclass(integration.TextcleanFormatter, BaseFormatter)
    assert issubclass(integration.RemovedShareFilter, BaseFilter)
    assert integration.TextcleanFormatter(["whitespace"]).format("a  \n\n\n\nb") == "a\n\nb"


def test_the_formatter_records_what_it_removed(integration: ModuleType) -> None:
    from datatrove.data import Document

    documents = [
        Document(text="Menu Home News Sport\nThe council met on Monday.", id="mostly-menu"),
        Document(text="Nothing here   \nis furniture at all.", id="clean", metadata={"url": "https://example.org/"}),
    ]
    formatter = integration.TextcleanFormatter(["whitespace", drop_menu_lines])
    menu, clean = formatter.run(iter(documents))
    assert menu.text == "The council met on Monday."
    assert menu.metadata == {
        "textclean_removed_share": pytest.approx(4 / 9, abs=1e-4),
        "textclean_removed_words": 4,
        "textclean_rules": ["drop_menu_lines:drop_menu_lines"],
    }
    assert clean.text == "Nothing here\nis furniture at all."
    assert clean.metadata == {
        "url": "https://example.org/",
        "textclean_removed_share": 0.0,
        "textclean_removed_words": 0,
        "textclean_rules": ["whitespace:line-end"],
    }


def test_the_formatter_only_cleans_when_told_not_to_record(integration: ModuleType) -> None:
    from datatrove.data import Document

    document = Document(text="a  \n\n\n\nb", id="x", metadata={"url": "https://example.org/"})
    (out,) = integration.TextcleanFormatter(["whitespace"], record_metadata=False).run(iter([document]))
    assert out.text == "a\n\nb"
    assert out.metadata == {"url": "https://example.org/"}


def test_the_filter_drops_over_the_limit_with_a_reason(
    tmp_path: Path, integration: ModuleType, jsonl_io: tuple[Any, Any]
) -> None:
    from datatrove.data import Document

    _, writer_class = jsonl_io
    documents = [
        Document(text="Menu Home News Sport\nThe council met on Monday.", id="mostly-menu"),
        Document(text="Menu\nThe council met on Monday and voted on the budget for next year.", id="some-menu"),
        Document(text="Nothing here is furniture at all.", id="clean"),
    ]
    formatter = integration.TextcleanFormatter(["whitespace", drop_menu_lines])
    keep = integration.RemovedShareFilter(0.3, exclusion_writer=writer_class(str(tmp_path / "excluded")))
    kept = list(keep.run(formatter.run(iter(documents))))

    assert [document.id for document in kept] == ["some-menu", "clean"]
    assert keep.stats["dropped_textclean_removed_share"].total == 1  # datatrove counts drops by reason
    excluded = read_output_folder(tmp_path / "excluded")
    assert list(excluded) == ["mostly-menu"]
    assert excluded["mostly-menu"]["text"] == "The council met on Monday."
    assert excluded["mostly-menu"]["metadata"]["filter_reason"] == "textclean_removed_share"
    assert excluded["mostly-menu"]["metadata"]["textclean_rules"] == ["drop_menu_lines:drop_menu_lines"]


def test_the_filter_before_the_formatter_is_an_error_that_says_so(integration: ModuleType) -> None:
    from datatrove.data import Document

    with pytest.raises(textclean.ConfigError, match=r"put a TextcleanFormatter .* before the RemovedShareFilter"):
        list(integration.RemovedShareFilter(0.5).run(iter([Document(text="a", id="x")])))


def test_the_steps_pickle_for_the_executors(integration: ModuleType) -> None:
    formatter = integration.TextcleanFormatter(["whitespace"], {"whitespace": {"max_blank_lines": 2}})
    copy = pickle.loads(pickle.dumps(formatter))
    assert copy.pipeline == formatter.pipeline
    assert copy.record_metadata
    assert pickle.loads(pickle.dumps(integration.RemovedShareFilter(0.25))).max_removed_share == 0.25


@pytest.mark.parametrize("share", [1.5, -0.1, True, "0.5", None])
def test_a_bad_limit_says_what_is_allowed(integration: ModuleType, share: object) -> None:
    with pytest.raises(ValueError, match="a number from 0 to 1"):
        integration.RemovedShareFilter(share)


def test_a_pipeline_with_options_is_refused(integration: ModuleType) -> None:
    with pytest.raises(ValueError, match="carries its own options"):
        integration.TextcleanFormatter(textclean.Pipeline(["whitespace"]), {})


def test_without_datatrove_the_error_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(sys.modules):
        if name == "datatrove" or name.startswith("datatrove.") or name == "textclean.integrations.datatrove":
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "datatrove", None)  # makes `import datatrove` fail
    with pytest.raises(ImportError, match=r"pip install 'textclean-kit\[datatrove\]'"):
        importlib.import_module("textclean.integrations.datatrove")
