"""The datatrove step: documents cleaned inside datatrove's executors, none lost, removals measured."""

from __future__ import annotations

import gzip
import json
import pickle
import sys
from pathlib import Path
from typing import Any

import pytest

import textclean
from textclean.integrations import datatrove as integration

from .conftest import raw_paragraphs
from .test_recipes import recipe, run_recipe


@pytest.fixture
def step_class() -> Any:
    pytest.importorskip("datatrove")
    return integration.TextcleanStep


@pytest.fixture
def jsonl_io() -> tuple[Any, Any]:
    pytest.importorskip("datatrove")
    pytest.importorskip("orjson")  # datatrove's JSONL reader and writer use it
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


def test_local_executor_cleans_every_document_over_several_tasks(
    tmp_path: Path, step_class: Any, jsonl_io: tuple[Any, Any]
) -> None:
    from datatrove.executor import LocalPipelineExecutor

    reader_class, writer_class = jsonl_io
    rows = messy_documents(24)
    write_jsonl_folder(tmp_path / "in", rows, files=4)
    executor = LocalPipelineExecutor(
        pipeline=[
            reader_class(str(tmp_path / "in")),
            step_class(record_metadata=True),
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
    originals = {row["id"]: row["text"] for row in rows}
    assert {key: written_text(row) for key, row in found.items()} == {
        key: textclean.clean(originals[key]) for key in found
    }
    assert {key: written_text(row) for key, row in excluded.items()} == {key: originals[key] for key in excluded}
    assert all("textclean_rules" in row["metadata"] for row in found.values())


def test_the_documented_slurm_pipeline_builds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step_class: Any) -> None:
    monkeypatch.chdir(tmp_path)
    code = recipe("datatrove-slurm").rstrip()
    assert code.endswith("executor.run()")
    namespace: dict[str, Any] = {}
    exec(code.removesuffix("executor.run()"), namespace)  # everything but submitting the jobs
    executor = namespace["executor"]
    assert type(executor).__name__ == "SlurmPipelineExecutor"
    assert executor.tasks == 500
    assert [type(step).__name__ for step in executor.pipeline] == ["JsonlReader", "TextcleanStep", "JsonlWriter"]
    assert executor.pipeline[1].max_removed_share == 0.8


def test_documents_over_the_limit_go_to_the_exclusion_writer(
    tmp_path: Path, step_class: Any, jsonl_io: tuple[Any, Any]
) -> None:
    from datatrove.data import Document

    _, writer_class = jsonl_io
    documents = [
        Document(text="Menu Home News Sport\nThe council met on Monday.", id="mostly-menu"),
        Document(text="Menu\nThe council met on Monday and voted on the budget for next year.", id="some-menu"),
        Document(text="Nothing here is furniture at all.", id="clean"),
    ]
    originals = {document.id: document.text for document in documents}
    step = step_class(
        ["whitespace", drop_menu_lines],
        max_removed_share=0.3,
        exclusion_writer=writer_class(str(tmp_path / "excluded")),
    )
    kept = list(step.run(iter(documents)))

    assert [document.id for document in kept] == ["some-menu", "clean"]
    assert kept[0].text == drop_menu_lines(originals["some-menu"])
    assert kept[0].metadata["textclean_rules"] == ["drop_menu_lines:drop_menu_lines"]
    assert kept[1].metadata["textclean_removed_share"] == 0.0
    excluded = read_output_folder(tmp_path / "excluded")
    assert list(excluded) == ["mostly-menu"]
    assert excluded["mostly-menu"]["text"] == originals["mostly-menu"]  # the original, to look at
    assert excluded["mostly-menu"]["metadata"]["filter_reason"] == "textclean_removed_share"
    assert excluded["mostly-menu"]["metadata"]["textclean_removed_share"] == pytest.approx(4 / 9, abs=1e-4)


def test_metadata_is_left_alone_unless_asked(step_class: Any) -> None:
    from datatrove.data import Document

    document = Document(text="a  \n\n\n\nb", id="x", metadata={"url": "https://example.org/"})
    (out,) = step_class(["whitespace"]).run(iter([document]))
    assert out.text == "a\n\nb"
    assert out.metadata == {"url": "https://example.org/"}


def test_the_step_pickles_for_the_executors(step_class: Any) -> None:
    step = step_class(["whitespace"], {"whitespace": {"max_blank_lines": 2}}, record_metadata=True)
    copy = pickle.loads(pickle.dumps(step))
    assert copy.pipeline == step.pipeline
    assert copy.record_metadata


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"max_removed_share": 1.5}, "from 0 to 1"),
        ({"max_removed_share": -0.1}, "from 0 to 1"),
        ({"max_removed_share": True}, "from 0 to 1"),
        ({"exclusion_writer": object()}, "needs max_removed_share"),
        ({"pipeline": textclean.Pipeline(["whitespace"]), "options": {}}, "carries its own options"),
    ],
)
def test_bad_arguments_say_what_is_allowed(step_class: Any, arguments: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        step_class(**arguments)


def test_without_datatrove_the_error_names_the_install_command(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in list(sys.modules):
        if name == "datatrove" or name.startswith("datatrove."):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "datatrove", None)  # makes `import datatrove` fail
    integration._step_class.cache_clear()
    try:
        with pytest.raises(ImportError, match=r"pip install 'textclean-kit\[datatrove\]'"):
            integration.TextcleanStep  # noqa: B018
    finally:
        integration._step_class.cache_clear()
