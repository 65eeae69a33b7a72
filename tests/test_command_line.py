"""The command's face: options, messages, configuration, diff, statistics, hooks; each run as the real program."""

from __future__ import annotations

import importlib.metadata
import json
import os
import pty
import shlex
import shutil
import subprocess
from pathlib import Path

import pytest

from textclean import DEFAULT_STEPS

from .conftest import needs
from .test_cli import ROOT, _console_script, run, write

CLEAN = "A clean line.\n"
DIRTY = "a  \n\n\n\nb"  # trailing spaces, blank lines, no final line end


def lines(stderr: bytes) -> list[bytes]:
    return stderr.splitlines()


def temp_files(folder: Path) -> list[str]:
    return [path.name for path in folder.rglob(".*.tmp")]


# --- diff ------------------------------------------------------------------------------------------


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git, to apply the patch")
@pytest.mark.parametrize(
    "text",
    [
        "a  \nb",  # the last line has no line end
        "a\nb  ",  # the changed line is the last one, without a line end
        "one\r\ntwo  \r\nthree",  # CRLF
        "page\x0cbreak  \nnext\u2028line  ",  # line breaks that str.splitlines knows and git does not
    ],
)
def test_diff_applies_with_git(tmp_path: Path, text: str) -> None:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / "page.txt", text)
    result = run("normalize", "page.txt", "--diff", "--steps", "whitespace", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    (tmp_path / "a.diff").write_bytes(result.stdout)
    check = subprocess.run(["git", "apply", "--check", "a.diff"], cwd=tmp_path, capture_output=True, check=False)
    assert check.returncode == 0, check.stderr
    subprocess.run(["git", "apply", "a.diff"], cwd=tmp_path, check=True)
    cleaned = run("normalize", "page.txt", "--steps", "whitespace", "-q", cwd=tmp_path).stdout
    assert (tmp_path / "page.txt").read_bytes() == cleaned != text.encode()


def test_diff_marks_a_missing_final_line_end(tmp_path: Path) -> None:
    source = write(tmp_path / "p.txt", "a  \nb")
    out = run("normalize", str(source), "--diff", "--steps", "whitespace").stdout
    assert out.endswith(b"\n b\n\\ No newline at end of file\n")


def test_check_with_diff_exits_1_and_prints_only_the_diff(tmp_path: Path) -> None:
    source = write(tmp_path / "p.txt", DIRTY)
    result = run("normalize", str(source), "--diff", "--check")
    assert result.returncode == 1
    assert result.stdout.startswith(b"--- a/") and b"would change" not in result.stdout


def _on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """Run the command with stdout on a pseudo-terminal; return what it printed there."""
    leader, follower = pty.openpty()
    with subprocess.Popen([*_console_script(), *args], stdout=follower, stderr=subprocess.PIPE, env=env) as process:
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed: the program ended
                break
            if not chunk:
                break
            chunks.append(chunk)
        process.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks)


def test_diff_colour(tmp_path: Path) -> None:
    source = str(write(tmp_path / "p.txt", DIRTY))
    diff = ["normalize", source, "--diff", "--steps", "whitespace"]
    plain = {key: value for key, value in os.environ.items() if key != "NO_COLOR"}
    assert b"\x1b[31m-a  \x1b[0m\n" in run(*diff, "--color", "always").stdout
    assert b"\x1b[" not in run(*diff, "--color", "never").stdout
    assert b"\x1b[" not in run(*diff, env=plain).stdout  # auto, stdout a pipe
    assert b"\x1b[32m+a\x1b[0m" in _on_a_terminal(diff, plain)  # auto, stdout a terminal
    assert b"\x1b[" not in _on_a_terminal(diff, {**plain, "NO_COLOR": "1"})
    assert b"\x1b[" not in _on_a_terminal([*diff, "--color", "never"], plain)


# --- a closed pipe ---------------------------------------------------------------------------------


def test_steps_into_a_closed_pipe_ends_as_sigpipe_would() -> None:
    with subprocess.Popen([*_console_script(), "steps"], stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        process.stdout.close()  # the reader is gone before anything is written
        _, stderr = process.communicate(timeout=60)
    assert (process.returncode, stderr) == (141, b"")


@pytest.mark.parametrize("workers", ["1", "2"])
def test_jsonl_into_a_reader_that_stops_early_ends_quietly(tmp_path: Path, workers: str) -> None:
    big = tmp_path / "big.jsonl"
    with big.open("w", encoding="utf-8") as handle:
        for i in range(20_000):
            handle.write(json.dumps({"id": i, "text": "some words   \n\n\n\nand more  " * 4}) + "\n")
    command = [*_console_script(), "normalize", str(big), "--jsonl", "-q", "-j", workers, "--steps", "whitespace"]
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None
        assert len(process.stdout.read(100)) == 100  # as `head -c 100` does
        process.stdout.close()
        _, stderr = process.communicate(timeout=120)
    assert (process.returncode, stderr) == (141, b"")


# --- workers ---------------------------------------------------------------------------------------


def test_an_explicit_worker_count_is_honoured_for_small_input(tmp_path: Path) -> None:
    source = str(write(tmp_path / "a.txt", DIRTY))
    assert b"workers: 2" in run("normalize", source, "--workers", "2", "-v", "--check").stderr
    assert b"workers: 1" in run("normalize", source, "-v", "--check").stderr  # the default: small input, one


# --- options never silently ignored -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--field", "body"], b"--field names a field of JSONL records: add --jsonl"),
        (["--output-field", "clean"], b"--output-field names a field of JSONL records: add --jsonl"),
        (["--check", "-o", "OUT"], b"--check writes nothing, so -o would do nothing"),
        (["--diff", "--in-place"], b"--diff writes nothing, so --in-place would do nothing"),
        (["--color", "always"], b"--color colours the --diff output: add --diff"),
        (["--glob", "*.md"], b"--glob applies inside folders, and no input is a folder"),
        (["--follow-links"], b"--follow-links applies inside folders"),
        (["--stats", "-"], b"--stats needs a file name"),
        (["-o", "OUT.txt.gz"], b"text files are written uncompressed"),
        (["--jsonl", "-o", "OUT.jsonl.bz2"], b"JSONL is written plain, or compressed as .gz or .zst only"),
        (["--jsonl", "--encoding", "latin-1"], b"--encoding is for text files: JSONL is UTF-8"),
        (["--jsonl", "--output-field", "text"], b"--output-field names the field that is cleaned"),
        (["--jsonl", "--output-field", "clean", "--check"], b"--check or --diff write none"),
        (["-q", "-v"], b"not allowed with argument"),
        (["--config", "x.toml", "--no-config"], b"not allowed with argument"),
    ],
)
def test_an_option_that_would_do_nothing_is_refused(tmp_path: Path, args: list[str], message: bytes) -> None:
    source = write(tmp_path / "in.jsonl", '{"text": "a  "}\n')
    args = [str(tmp_path / arg[3:]) if arg.startswith("OUT") else arg for arg in args]
    result = run("normalize", str(source), *args)
    assert result.returncode == 2
    assert message in result.stderr, result.stderr
    assert len([line for line in lines(result.stderr) if b"error:" in line]) == 1
    assert sorted(path.name for path in tmp_path.iterdir()) == ["in.jsonl"]


# --- messages --------------------------------------------------------------------------------------


def test_a_bad_worker_count_says_what_is_wanted() -> None:
    result = run("normalize", "-", "--workers", "abc")
    assert result.returncode == 2
    assert b"--workers: give a number of processes, 1 or more, not 'abc'" in result.stderr
    assert b"_worker_count" not in result.stderr and b"invalid" not in result.stderr


def test_an_unknown_encoding_is_one_error_for_a_folder(tmp_path: Path) -> None:
    for name in "abc":
        write(tmp_path / "in" / f"{name}.txt", "x")
    result = run("normalize", str(tmp_path / "in"), "--check", "--encoding", "klingon")
    assert result.returncode == 2
    assert lines(result.stderr) == [b"textclean: error: unknown encoding 'klingon'"]


def test_an_existing_file_as_the_output_of_a_folder_is_one_error(tmp_path: Path) -> None:
    for name in "abc":
        write(tmp_path / "in" / f"{name}.txt", "x  ")
    target = write(tmp_path / "out.txt", "keep")
    result = run("normalize", str(tmp_path / "in"), "-o", str(target))
    assert result.returncode == 2
    assert len(lines(result.stderr)) == 1 and b"not a folder" in result.stderr
    assert target.read_text() == "keep"


def test_help_is_grouped_with_examples_and_true_to_the_choices() -> None:
    text = run("normalize", "--help").stdout.decode()
    for title in ("where the clean text goes", "steps and configuration", "reading the input", "JSONL", "running"):
        assert f"{title}" in text
    assert "examples:" in text and "textclean normalize corpus/ -o clean/" in text
    assert "strict (the default" in text and "fail (default)" not in text
    assert "examples:" in run("--help").stdout.decode()


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.decode().startswith(f"textclean {importlib.metadata.version('textclean-kit')} (")


# --- steps -----------------------------------------------------------------------------------------


def test_steps_are_listed_in_pipeline_order_with_defaults_and_choices() -> None:
    result = run("steps")
    assert result.returncode == 0
    text = result.stdout.decode()
    named = [line.split()[1] for line in text.splitlines() if line.startswith("* ")]
    assert named == list(dict.fromkeys(DEFAULT_STEPS))  # the pipeline's order, each step once (not by name)
    assert named[:2] == ["mojibake", "unicode"] and named != sorted(named)
    assert 'urls = "drop"  (one of: "drop", "keep", "footnote")' in text
    assert "max_blank_lines = 1" in text


def test_steps_name_describes_one_step() -> None:
    text = run("steps", "boilerplate").stdout.decode()
    assert text.startswith("boilerplate: ")
    assert "in the default pipeline: step 7 of 10" in text
    assert 'strictness = "normal"  (one of: "lenient", "normal", "strict")' in text
    assert "in the default pipeline: step 4 and 10 of 10" in run("steps", "whitespace").stdout.decode()
    unknown = run("steps", "whitespaces")
    assert unknown.returncode == 2 and b"did you mean 'whitespace'?" in unknown.stderr


def test_steps_lists_an_imported_cleaner_after_the_built_ins(tmp_path: Path) -> None:
    write(tmp_path / "house.py", HOUSE_MODULE)
    text = run("steps", "--import", "house", cwd=tmp_path).stdout.decode()
    assert text.index("house-style") > text.index("markup")
    assert 'mark = "!"' in text


# --- configuration ---------------------------------------------------------------------------------

WHITESPACE_ONLY = 'steps = ["whitespace"]\n'
KEEP_LINKS = 'steps = ["links"]\n[options.links]\nurls = "keep"\n'
LINKED = "See the [report](https://x.org) for the plan.  \n"
LINKED_WHITESPACE = b"See the [report](https://x.org) for the plan.\n"  # whitespace only
LINKED_KEPT = b"See the report (https://x.org) for the plan.  \n"  # links only, urls kept
LINKED_DEFAULT = b"See the report for the plan.\n"  # the default pipeline


@pytest.mark.parametrize(
    ("files", "expected"),
    [
        ({"textclean.toml": WHITESPACE_ONLY}, LINKED_WHITESPACE),
        ({"pyproject.toml": "[tool.textclean]\n" + WHITESPACE_ONLY}, LINKED_WHITESPACE),
        ({"pyproject.toml": "[tool.black]\n"}, LINKED_DEFAULT),  # no [tool.textclean]: passed over
        ({"textclean.toml": WHITESPACE_ONLY, "pyproject.toml": "[tool.textclean]\n" + KEEP_LINKS}, LINKED_WHITESPACE),
        ({"textclean.toml": KEEP_LINKS, "docs/textclean.toml": WHITESPACE_ONLY}, LINKED_WHITESPACE),  # closest
        ({"textclean.toml": WHITESPACE_ONLY, "docs/.git/HEAD": ""}, LINKED_DEFAULT),  # not above a repository's root
    ],
)
def test_the_config_is_found_upward_from_the_inputs(tmp_path: Path, files: dict[str, str], expected: bytes) -> None:
    for name, text in files.items():
        write(tmp_path / name, text)
    source = write(tmp_path / "docs" / "notes" / "a.txt", LINKED)
    result = run("normalize", str(source), "-q", cwd=ROOT)
    assert (result.returncode, result.stdout) == (0, expected), result.stderr


def test_which_config_won_is_said_and_can_be_overridden(tmp_path: Path) -> None:
    write(tmp_path / "textclean.toml", WHITESPACE_ONLY)
    other = write(tmp_path / "elsewhere" / "links.toml", KEEP_LINKS)
    source = write(tmp_path / "a.txt", LINKED)
    found = run("normalize", str(source), "-v")
    assert f"config: {tmp_path / 'textclean.toml'} (found upward from the inputs)".encode() in found.stderr
    chosen = run("normalize", str(source), "-v", "--config", str(other))
    assert (chosen.stdout, f"config: {other} (--config)".encode() in chosen.stderr) == (LINKED_KEPT, True)
    ignored = run("normalize", str(source), "-v", "--no-config")
    assert (ignored.stdout, b"config: none (--no-config)" in ignored.stderr) == (LINKED_DEFAULT, True)
    stdin = run("normalize", "-q", stdin=LINKED.encode(), cwd=tmp_path)  # stdin: from the working folder
    assert stdin.stdout == LINKED_WHITESPACE


# --- step options on the command line ----------------------------------------------------------------


def test_set_gives_step_options(tmp_path: Path) -> None:
    source = str(write(tmp_path / "a.txt", "a\n\n\n\nb " + LINKED))
    two_blank = run("normalize", source, "--steps", "whitespace", "--set", "whitespace.max_blank_lines=2")
    assert two_blank.stdout == b"a\n\n\nb " + LINKED_WHITESPACE
    kept = run("normalize", source, "--steps", "links", "--set", "links.urls=keep", "--set", 'links.url_token="U"')
    assert b"the report (https://x.org)" in kept.stdout
    write(tmp_path / "textclean.toml", KEEP_LINKS)  # --set wins over the config
    assert b"the report for" in run("normalize", source, "--set", "links.urls=drop").stdout


@pytest.mark.parametrize(
    ("assignment", "message"),
    [
        ("whitespace.max_blank_lines=abc", b"--set whitespace.max_blank_lines=abc: step 'whitespace': max_blank_lines"),
        ("boilerplate.strictness=loose", b"--set boilerplate.strictness=loose: step 'boilerplate':"),
        ("whitespace.colour=1", b"--set whitespace.colour=1: step 'whitespace' has no option 'colour'"),
        ("links.urls=keep", b"--set links.urls=keep: 'links' is not a step of this run; its steps: whitespace, boil"),
        ("max_blank_lines=2", b"give STEP.OPTION=VALUE, like boilerplate.strictness=lenient"),
    ],
)
def test_a_bad_set_is_one_line(tmp_path: Path, assignment: str, message: bytes) -> None:
    source = write(tmp_path / "a.txt", "x")
    result = run("normalize", str(source), "--steps", "whitespace,boilerplate", "--set", assignment)
    assert result.returncode == 2
    assert message in result.stderr and b"Traceback" not in result.stderr, result.stderr


# --- local cleaners: --import ------------------------------------------------------------------------

HOUSE_MODULE = """
import textclean

@textclean.cleaner("house-style")
def house_style(text: str, *, mark: str = "!") -> str:
    '''Shout.'''
    return text.upper() + mark
"""

EVIL_MODULE = """
from pathlib import Path
Path("IMPORTED").write_text("a config made textclean import me")
import textclean

@textclean.cleaner("evil")
def evil(text):
    return text
"""


@pytest.mark.parametrize("workers", ["1", "2"])
def test_import_registers_a_local_cleaner_in_every_worker(tmp_path: Path, workers: str) -> None:
    write(tmp_path / "house.py", HOUSE_MODULE)
    for i in range(4):
        write(tmp_path / "in" / f"{i}.txt", f"text {i}")
    result = run(
        "normalize", "in", "-o", "out", "--import", "house", "--steps", "house-style", "-j", workers, cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert [(tmp_path / "out" / f"{i}.txt").read_text() for i in range(4)] == [f"TEXT {i}!" for i in range(4)]


def test_import_errors_are_one_line(tmp_path: Path) -> None:
    write(tmp_path / "broken.py", "raise RuntimeError('no')\n")
    write(tmp_path / "a.txt", "x")
    missing = run("normalize", "a.txt", "--import", "nowhere_module", cwd=tmp_path)
    assert missing.returncode == 2 and b"--import nowhere_module: no module 'nowhere_module' in" in missing.stderr
    broken = run("normalize", "a.txt", "--import", "broken", cwd=tmp_path)
    assert broken.returncode == 2
    assert lines(broken.stderr) == [b"textclean: error: --import broken: failed: RuntimeError: no"]


@pytest.mark.parametrize(
    "config",
    [
        'import = ["evil"]\n',
        'imports = ["evil"]\nsteps = ["evil"]\n',
        'steps = ["evil"]\n',
        "[options.evil]\nx = 1\n",
    ],
)
def test_a_config_file_cannot_import_code(tmp_path: Path, config: str) -> None:
    write(tmp_path / "evil.py", EVIL_MODULE)
    write(tmp_path / "textclean.toml", config)
    write(tmp_path / "a.txt", "x")
    result = run("normalize", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert not (tmp_path / "IMPORTED").exists()
    assert len(lines(result.stderr)) == 1, result.stderr


# --- JSONL: --output-field ---------------------------------------------------------------------------


def test_output_field_keeps_the_original_beside_the_clean_text(tmp_path: Path) -> None:
    source = write(
        tmp_path / "in.jsonl",
        '{"id": 1, "text": "a  "}\n{"id": 2, "text": "b"}\n{"text": "c  ", "clean": "old"}\n'
        '{"text": "d", "clean": 5}\n',
    )
    result = run("normalize", str(source), "--jsonl", "--output-field", "clean", "--steps", "whitespace", "-q")
    assert result.returncode == 2  # the last record's output field is there already, and not a string
    assert result.stdout.decode().splitlines() == [
        '{"id": 1, "text": "a  ", "clean": "a"}',
        '{"id": 2, "text": "b", "clean": "b"}',
        '{"text": "c  ", "clean": "c"}',
        '{"text": "d", "clean": 5}',
    ]
    assert b"in.jsonl:4: output field 'clean' is there already, and not as one string" in result.stderr


# --- --stats -----------------------------------------------------------------------------------------


def test_stats_are_machine_readable(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "Read [the report](https://example.org/r).  \n")
    write(tmp_path / "in" / "b.txt", CLEAN)
    stats = tmp_path / "stats.json"
    out = str(tmp_path / "out")
    result = run(
        "normalize", str(tmp_path / "in"), "-o", out, "--stats", str(stats), "-q", "--steps", "whitespace,links"
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(stats.read_text())
    assert set(data) == {
        "inputs", "documents", "changed", "skipped", "errors", "failures",
        "bytes_in", "bytes_out", "seconds", "mb_per_s", "steps", "exit_status",
    }  # fmt: skip
    assert (data["inputs"], data["documents"], data["changed"], data["errors"], data["exit_status"]) == (2, 2, 1, 0, 0)
    assert data["bytes_in"] == len("Read [the report](https://example.org/r).  \n") + len(CLEAN)
    links = data["steps"]["links"]
    # "[the report](https://example.org/r)" -> "the report": https, example, org and r are gone
    assert links["rules"]["link"] == {"edits": 1, "words_removed": 4} and links["words_removed"] == 4
    assert data["steps"]["whitespace"]["rules"] == {"trailing-blank-lines": {"edits": 1, "words_removed": 0}}
    assert temp_files(tmp_path) == []


def test_stats_are_never_written_over_an_input(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "x  ")
    result = run("normalize", str(source), "--check", "--stats", str(source))
    assert result.returncode == 2 and b"--stats" in result.stderr and b"is an input" in result.stderr
    assert source.read_text() == "x  "


# --- --explain ---------------------------------------------------------------------------------------


def test_explain_rows_point_into_the_original_input(tmp_path: Path) -> None:
    text = "Title  \r\n\r\n\r\n\r\nSee [the report](https://example.org/r) and [more](u).\r\n"
    source = write(tmp_path / "a.txt", text)
    log = tmp_path / "edits.jsonl"
    out = str(tmp_path / "out.txt")
    result = run("normalize", str(source), "--explain", str(log), "-o", out, "--steps", "unicode,whitespace,links")
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    links = [row for row in rows if row["step"] == "links"]
    assert [row["old"] for row in links] == ["[the report](https://example.org/r)", "[more](u)"]
    for row in links:
        assert row["start"] < row["source_start"]  # earlier steps removed CRs and blank lines before it
        assert text[row["source_start"] : row["source_end"]] == row["old"]
        assert row["source_line"] == 5 and row["round"] == 1


# --- stdin -------------------------------------------------------------------------------------------


def test_no_path_reads_stdin_unless_it_is_a_terminal() -> None:
    piped = run("normalize", "--steps", "whitespace", stdin=b"a  \n")
    assert (piped.returncode, piped.stdout) == (0, b"a\n")
    leader, follower = pty.openpty()
    try:
        result = subprocess.run(
            [*_console_script(), "normalize"], stdin=follower, capture_output=True, timeout=60, check=False
        )
    finally:
        os.close(leader)
        os.close(follower)
    assert result.returncode == 2
    assert lines(result.stderr) == [
        b"textclean: error: no input: give a PATH (a file or folder), or pipe text into stdin"
    ]


# --- pre-commit --------------------------------------------------------------------------------------


def _hooks() -> dict[str, dict[str, object]]:
    yaml = needs("yaml", "test")  # PyYAML, to read .pre-commit-hooks.yaml
    return {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())}


def _run_hook(hook: dict[str, object], repo: Path, files: list[str]) -> subprocess.CompletedProcess[bytes]:
    """Run a hook as pre-commit does: its entry, then its args, then the staged file names."""
    entry = shlex.split(str(hook["entry"]))
    assert entry[0] == "textclean"
    command = [*_console_script(), *entry[1:], *map(str, hook.get("args", [])), *files]
    return subprocess.run(command, cwd=repo, capture_output=True, timeout=120, check=False)


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_pre_commit_hooks(tmp_path: Path) -> None:
    hooks = _hooks()
    assert set(hooks) == {"textclean", "textclean-check"}
    for hook in hooks.values():
        assert hook["language"] == "python" and hook["files"] == r"\.txt$"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path / "clean.txt", CLEAN)
    write(tmp_path / "notes" / "dirty.txt", DIRTY)
    subprocess.run(["git", "add", "."], cwd=tmp_path, check=True)

    check = _run_hook(hooks["textclean-check"], tmp_path, ["clean.txt", "notes/dirty.txt"])
    assert check.returncode == 1 and b"would change: notes/dirty.txt" in check.stdout
    assert (tmp_path / "notes" / "dirty.txt").read_text() == DIRTY  # the check hook changes nothing
    assert _run_hook(hooks["textclean-check"], tmp_path, ["clean.txt"]).returncode == 0

    fix = _run_hook(hooks["textclean"], tmp_path, ["clean.txt", "notes/dirty.txt"])
    assert fix.returncode == 0, fix.stderr  # pre-commit fails the hook because a file changed
    assert (tmp_path / "notes" / "dirty.txt").read_text() == "a\n\nb"
    assert (tmp_path / "clean.txt").read_text() == CLEAN
    changed = subprocess.run(["git", "diff", "--name-only"], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert changed.stdout.split() == ["notes/dirty.txt"]
    assert _run_hook(hooks["textclean-check"], tmp_path, ["clean.txt", "notes/dirty.txt"]).returncode == 0
