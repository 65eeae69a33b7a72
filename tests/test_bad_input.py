"""Bad input, odd records and hostile trees, run through the real console script.

Each test names what it guards; together they are the cases of the guide's "Bad input" section.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import threading
from pathlib import Path

import pytest

from .conftest import leftovers
from .test_cli import _console_script, run, write


def no_traceback(result: subprocess.CompletedProcess[bytes]) -> None:
    assert b"Traceback" not in result.stderr, result.stderr.decode(errors="replace")


# --- outputs that would put an input at risk ---------------------------------------------------------


def test_an_output_folder_inside_the_input_folder_is_not_walked(tmp_path: Path) -> None:
    write(tmp_path / "o" / "a.txt", "a  \n")
    write(tmp_path / "o" / "sub" / "b.txt", "b  \n")
    for _ in range(2):  # a rerun does not nest one level deeper
        result = run("normalize", str(tmp_path / "o"), "-o", str(tmp_path / "o" / "sub"))
        assert result.returncode == 0, result.stderr
        assert b"sub: not searched for input: it is the output folder" in result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.txt")) == [
        "o/a.txt",
        "o/sub/a.txt",
        "o/sub/b.txt",
    ]
    assert (tmp_path / "o" / "sub" / "b.txt").read_bytes() == b"b  \n"  # never read, never written


def test_an_output_that_is_another_input_is_refused(tmp_path: Path) -> None:
    a, b = write(tmp_path / "a.txt", "a  "), write(tmp_path / "in" / "a.txt", "other  ")
    result = run("normalize", str(b), str(a), "-o", str(tmp_path))
    assert result.returncode == 2
    assert b"refusing to write over the input" in result.stderr
    assert (a.read_bytes(), b.read_bytes()) == (b"a  ", b"other  ")


def test_explain_file_that_is_an_input_or_the_output_is_refused(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    for explain in (source, tmp_path / "out.txt"):
        result = run("normalize", str(source), "-o", str(tmp_path / "out.txt"), "--explain", str(explain))
        assert result.returncode == 2
        assert b"--explain" in result.stderr
    assert source.read_bytes() == b"a  " and not (tmp_path / "out.txt").exists()


def test_explain_to_a_folder_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    result = run("normalize", str(source), "-o", str(tmp_path / "out.txt"), "--explain", str(tmp_path))
    assert result.returncode == 2
    assert b"is a folder" in result.stderr
    assert not (tmp_path / "out.txt").exists()


def test_explain_dash_is_stdout(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    result = run("normalize", str(source), "-o", str(tmp_path / "out.txt"), "--explain", "-", "--steps", "whitespace")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["rule"] == "trailing-space"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "out.txt"]
    refused = run("normalize", str(source), "--explain", "-")  # the cleaned text would go there too
    assert refused.returncode == 2 and b"--explain - needs stdout to itself" in refused.stderr


def test_stdin_with_an_output_file_writes_the_file(tmp_path: Path) -> None:
    result = run("normalize", "-", "-o", str(tmp_path / "out.txt"), "--steps", "whitespace", stdin=b"x  ")
    assert (result.returncode, result.stdout) == (0, b"")
    assert (tmp_path / "out.txt").read_bytes() == b"x"


def test_dash_as_output_is_stdout(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    result = run("normalize", str(source), "-o", "-", "--steps", "whitespace", cwd=tmp_path)
    assert (result.returncode, result.stdout) == (0, b"a")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_an_output_name_ending_in_a_slash_is_a_folder(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    result = run("normalize", str(source), "-o", f"{tmp_path / 'new'}/", "--steps", "whitespace")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "new" / "a.txt").read_bytes() == b"a"


def test_output_to_a_symlink_keeps_the_link(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    real = write(tmp_path / "real.txt", "old")
    (tmp_path / "link.txt").symlink_to(real)
    assert run("normalize", str(source), "-o", str(tmp_path / "link.txt")).returncode == 0
    assert (tmp_path / "link.txt").is_symlink() and real.read_bytes() == b"a"


def test_output_to_a_fifo_writes_through_it(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    result = run("normalize", str(source), "-o", str(fifo), "--steps", "whitespace")
    reader.join(timeout=60)
    assert result.returncode == 0, result.stderr
    assert received == [b"a"] and stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="making a device node needs root")
def test_output_to_a_device_node_writes_through_it(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    node = tmp_path / "null"
    os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 3))  # a second /dev/null
    assert run("normalize", str(source), "-o", str(node)).returncode == 0
    assert stat.S_ISCHR(node.lstat().st_mode)


# --- in-place: what a file was stays --------------------------------------------------------------------


def test_in_place_writes_a_symlinks_target_and_keeps_hard_links_and_owner(tmp_path: Path) -> None:
    real = write(tmp_path / "real.txt", "a  \n")
    (tmp_path / "link.txt").symlink_to(real)
    twin = write(tmp_path / "twin.txt", "b  \n")
    os.link(twin, tmp_path / "twin-link.txt")
    os.chmod(twin, 0o640)
    owner = (1234, 5678) if os.geteuid() == 0 else (os.getuid(), os.getgid())
    os.chown(twin, *owner)
    result = run(
        "normalize", str(tmp_path / "link.txt"), str(twin), "--in-place", "--steps", "whitespace", "--workers", "1"
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.txt").is_symlink() and real.read_bytes() == b"a\n"
    assert (tmp_path / "twin-link.txt").read_bytes() == b"b\n"
    info = twin.stat()
    assert (info.st_nlink, stat.S_IMODE(info.st_mode), info.st_uid, info.st_gid) == (2, 0o640, *owner)
    assert leftovers(tmp_path) == []
    write(twin, "c  \n")  # both names of one file in one run
    both = run("normalize", str(twin), str(tmp_path / "twin-link.txt"), "--in-place", "--steps", "whitespace")
    assert both.returncode == 0, both.stderr
    assert (tmp_path / "twin-link.txt").read_bytes() == b"c\n" and twin.stat().st_nlink == 2


# --- links and special files in folders ----------------------------------------------------------------


def test_links_in_a_folder_are_not_followed_unless_asked(tmp_path: Path) -> None:
    outside = write(tmp_path / "outside" / "secret.txt", "secret  ")
    write(tmp_path / "in" / "a.txt", "a  ")
    (tmp_path / "in" / "x.txt").symlink_to(outside)
    (tmp_path / "in" / "dir").symlink_to(outside.parent)
    result = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0, result.stderr
    assert result.stderr.count(b"skipped: a symbolic link (--follow-links follows links)") == 2
    assert sorted(p.name for p in (tmp_path / "out").rglob("*")) == ["a.txt"]
    followed = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out2"), "--follow-links")
    assert followed.returncode == 0, followed.stderr
    written = sorted(p.relative_to(tmp_path / "out2").as_posix() for p in (tmp_path / "out2").rglob("*.txt"))
    assert written == ["a.txt", "dir/secret.txt", "x.txt"]


def test_special_files_dangling_links_and_loops_in_a_folder_are_reported(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "a")
    os.mkfifo(tmp_path / "in" / "fifo.txt")
    (tmp_path / "in" / "gone.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "in" / "loop").symlink_to(tmp_path / "in")
    result = run("normalize", str(tmp_path / "in"), "--check", "--follow-links")
    assert result.returncode == 0, result.stderr
    assert b"fifo.txt: skipped: a FIFO, not a regular file" in result.stderr
    assert b"gone.txt: skipped: a broken symbolic link" in result.stderr
    assert b"1 file" in result.stderr  # the loop is walked once


def test_inputs_given_by_name_say_what_is_wrong(tmp_path: Path) -> None:
    (tmp_path / "gone.txt").symlink_to(tmp_path / "nowhere")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    good = write(tmp_path / "good.txt", "good  ")
    result = run("normalize", str(tmp_path / "gone.txt"), str(tmp_path / "loop.txt"), str(good), "--check")
    assert result.returncode == 2
    assert b"gone.txt: a broken symbolic link" in result.stderr
    assert b"loop.txt: cannot read: Too many levels of symbolic links" in result.stderr
    assert f"would change: {good}".encode() in result.stdout  # the run went on


def test_a_fifo_given_by_name_is_read(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(b"piped  "))
    writer.start()
    result = run("normalize", str(fifo), "--steps", "whitespace")
    writer.join(timeout=60)
    assert (result.returncode, result.stdout) == (0, b"piped")


def test_an_unreadable_folder_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", "a  ")
    write(tmp_path / "in" / "locked" / "b.txt", "b  ")
    os.chmod(tmp_path / "in" / "locked", 0o000)
    try:
        command = [*_console_script(), "normalize", str(tmp_path / "in"), "--check"]
        if os.geteuid() == 0:  # root reads every folder: run it without the power to override permissions
            dropped = ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]
            if shutil.which("setpriv") is None or subprocess.run([*dropped, "true"], check=False).returncode:
                pytest.skip("dropping root's power over permissions needs setpriv")
            command = [*dropped, *command]
        result = subprocess.run(command, capture_output=True, check=False, timeout=120)
        assert result.returncode == 2, result.stderr
        assert b"locked: cannot read folder: Permission denied; its files were not cleaned" in result.stderr
        assert b"would change:" in result.stdout and b"a.txt" in result.stdout
    finally:
        os.chmod(tmp_path / "in" / "locked", 0o755)


def test_a_folder_without_a_matching_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.md", "a")
    result = run("normalize", str(tmp_path / "in"), "--check")
    assert result.returncode == 2
    assert b"no file matches *.txt" in result.stderr and b"error: no input to clean" in result.stderr


# --- JSONL records ---------------------------------------------------------------------------------------


def test_jsonl_rewrites_only_the_cleaned_field(tmp_path: Path) -> None:
    lines = [
        b'{"id": 1e400, "text": "a  ", "n": NaN}\r\n',  # not JSON: kept, reported
        b'{"id": 1e400, "big": ' + b"7" * 5000 + b', "text": "b  "}\r\n',
        b'{"k": 1, "k": 2, "text": "c  "}\r\n',
        b'{"id": "\\ud800", "text": "d  "}\n',
        b'{"text": "clean"}\r\n',
    ]
    source = write(tmp_path / "in.jsonl", b"".join(lines))
    out = tmp_path / "out.jsonl"
    result = run("normalize", str(source), "--jsonl", "--steps", "whitespace", "-o", str(out))
    assert result.returncode == 2
    assert f"{source}:1: invalid JSON (NaN is not JSON)".encode() in result.stderr
    assert out.read_bytes() == b"".join(
        [
            lines[0],
            lines[1].replace(b'"b  "', b'"b"'),
            lines[2].replace(b'"c  "', b'"c"'),
            lines[3].replace(b'"d  "', b'"d"'),
            lines[4],
        ]
    )
    assert b"1 file, 4 documents, 3 changed, 1 error" in result.stderr


def test_surrogates_and_deep_nesting_in_records_are_no_crash(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.jsonl", b'{"text": "x\\ud800  "}\n' + b"[" * 100_000 + b"]" * 100_000 + b"\n")
    write(tmp_path / "in" / "b.jsonl", b'{"text": "later  "}\n')
    log = tmp_path / "edits.jsonl"
    result = run("normalize", str(tmp_path / "in"), "--jsonl", "-o", str(tmp_path / "out"), "--explain", str(log), "-q")
    no_traceback(result)
    assert result.returncode == 2
    assert b"a.jsonl:2: invalid JSON (nested too deeply)" in result.stderr
    assert (tmp_path / "out" / "a.jsonl").read_bytes().startswith('{"text": "x\ufffd"}\n'.encode())
    assert (tmp_path / "out" / "b.jsonl").read_bytes() == b'{"text": "later"}\n'
    assert "\ud800" in [json.loads(row)["old"] for row in log.read_text(encoding="utf-8").splitlines()]
    diff = run("normalize", str(tmp_path / "in" / "a.jsonl"), "--jsonl", "--diff", "-q", "--steps", "whitespace")
    no_traceback(diff)
    assert b"+x\\ud800" in diff.stdout


def test_on_error_fail_to_stdout_says_how_much_was_written(tmp_path: Path) -> None:
    rows = [json.dumps({"text": f"{i}  "}) for i in range(3000)]
    rows[2500] = "{broken"
    source = write(tmp_path / "in.jsonl", "\n".join(rows) + "\n")
    result = run("normalize", str(source), "--jsonl", "--on-error", "fail", "--steps", "whitespace")
    assert result.returncode == 2
    written = len(result.stdout.splitlines())
    assert f"{source}:2501: invalid JSON".encode() in result.stderr
    assert f"stopped at the first error (--on-error fail); {written:,} lines had been written to stdout".encode() in (
        result.stderr
    )


# --- text files ------------------------------------------------------------------------------------------


def test_encoding_auto_output_is_utf8_and_counts_as_changed(tmp_path: Path) -> None:
    text = "Le garçon a mangé à côté de l'église, déjà très tard.\n"
    legacy = write(tmp_path / "fr.txt", text.encode("cp1252"))
    checked = run("normalize", str(legacy), "--encoding", "auto", "--check", "--steps", "whitespace")
    assert checked.returncode == 1 and b"would change" in checked.stdout
    result = run("normalize", str(legacy), "--encoding", "auto", "--in-place", "--steps", "whitespace")
    assert result.returncode == 0, result.stderr
    assert legacy.read_bytes() == text.encode("utf-8")
    assert run("normalize", str(legacy), "--check", "--steps", "whitespace").returncode == 0
    bom = write(tmp_path / "bom.txt", b"\xef\xbb\xbfclean\n")
    assert run("normalize", str(bom), "--check", "--steps", "whitespace").returncode == 1
    replaced = write(tmp_path / "bad.txt", b"caf\xe9\n")
    assert run("normalize", str(replaced), "--check", "--errors", "replace", "--steps", "whitespace").returncode == 1


def test_a_non_utf8_file_name_with_explain_and_check(tmp_path: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    source = write(tmp_path / "in" / name, "a  ")
    log = tmp_path / "edits.jsonl"
    result = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--explain", str(log))
    no_traceback(result)
    assert result.returncode == 0
    assert os.fsencode(json.loads(log.read_bytes())["path"]) == os.fsencode(source)
    checked = run("normalize", str(source), "--check")
    no_traceback(checked)
    assert checked.stdout == b"would change: " + os.fsencode(source) + b"\n"


def test_documents_over_the_size_limit_are_skipped_and_counted(tmp_path: Path) -> None:
    write(tmp_path / "in" / "big.txt", "x  \n" * 1000)
    write(tmp_path / "in" / "small.txt", "y  \n")
    result = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--max-document-size", "0.001")
    assert result.returncode == 0, result.stderr
    assert b"big.txt: skipped: larger than --max-document-size (1,048 bytes)" in result.stderr
    assert b"1 skipped" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["small.txt"]
    records = write(tmp_path / "in.jsonl", json.dumps({"text": "x  " * 1000}) + "\n" + '{"text": "y  "}\n')
    kept = run("normalize", str(records), "--jsonl", "--max-document-size", "0.001", "--steps", "whitespace")
    assert kept.returncode == 0, kept.stderr
    assert kept.stdout == records.read_bytes().replace(b'"y  "', b'"y"')
    assert b"in.jsonl:1: kept unchanged: larger than --max-document-size" in kept.stderr
    piped = run("normalize", "-", "--max-document-size", "0.001", stdin=b"x" * 2000)
    assert (piped.returncode, piped.stdout) == (0, b"")
    assert b"<stdin>: skipped: larger than --max-document-size" in piped.stderr


def test_clean_text_that_looks_like_mojibake_comes_through(tmp_path: Path) -> None:
    result = run("normalize", "-", stdin="Ü§ 5 und a\n\n ".encode())
    assert (result.returncode, result.stdout.decode()) == (0, "Ü§ 5 und a\n")


# --- configuration and arguments -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("config", "message"),
    [
        ("[tool]\ntextclean = 5\n", b"tool.textclean must be a table"),
        ("tool = 5\n", b"has no [tool.textclean] table"),
        (
            "[tool.textclean.options.whitespace]\nmax_blank_lines = 99999999999999999999\n",
            b"max_blank_lines must be an integer from 0 to 1000",
        ),
        ("[tool.textclean]\nmax_rounds = true\n", b"'max_rounds' must be an integer >= 1, not True"),
        ("[tool.textclean]\nsteps = []\n", b"'steps' names no step"),
    ],
)
def test_bad_configs_are_one_line_errors(tmp_path: Path, config: str, message: bytes) -> None:
    source = write(tmp_path / "a.txt", "a")
    write(tmp_path / "pyproject.toml", config)
    result = run("normalize", str(source), "--config", str(tmp_path / "pyproject.toml"))
    no_traceback(result)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1


# --- cleaners that fail ------------------------------------------------------------------------------


def test_a_plugin_that_raises_fails_one_document_and_the_run_goes_on(tmp_path: Path, crash_env: dict[str, str]) -> None:
    write(tmp_path / "in" / "a.txt", "fine  ")
    write(tmp_path / "in" / "b.txt", "boom  ")
    write(tmp_path / "in" / "c.jsonl", '{"text": "ok  "}\n{"text": "boom"}\n')
    write(tmp_path / "in" / "d.txt", b"bad \xff")  # bad input as well: a failed cleaner's status wins
    result = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--steps", "crash", env=crash_env)
    no_traceback(result)
    assert result.returncode == 3
    assert b"d.txt: invalid UTF-8 at byte 4" in result.stderr
    assert f"error: {tmp_path / 'in' / 'b.txt'}: a cleaner failed: ValueError: boom".encode() in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt"]
    records = run(
        "normalize", str(tmp_path / "in" / "c.jsonl"), "--jsonl", "--steps", "crash", "-o", str(tmp_path / "c.jsonl"),
        env=crash_env,
    )  # fmt: skip
    assert records.returncode == 3
    assert b"c.jsonl:2: a cleaner failed: ValueError: boom; record kept unchanged" in records.stderr
    assert (tmp_path / "c.jsonl").read_bytes() == b'{"text": "ok "}\n{"text": "boom"}\n'


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_plugin_that_exits_or_kills_its_process_fails_one_file(
    tmp_path: Path, crash_env: dict[str, str], workers: str
) -> None:
    for i in range(8):
        write(tmp_path / "in" / f"{i}.txt", "pad  \n" * 40_000)  # over 1 MB in all: two workers really run
    write(tmp_path / "in" / "3.txt", "exit  ")
    write(tmp_path / "in" / "5.txt", "die  ")
    out = tmp_path / "out"
    result = run("normalize", str(tmp_path / "in"), "-o", str(out), "--steps", "crash", "-j", workers, env=crash_env)
    no_traceback(result)
    assert result.returncode == 3
    assert b"3.txt: a cleaner failed: SystemExit: 5; file left untouched" in result.stderr
    assert b"5.txt: the process cleaning it died; file left untouched" in result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["0.txt", "1.txt", "2.txt", "4.txt", "6.txt", "7.txt"]
    assert leftovers(tmp_path) == []
    piped = run("normalize", "-", "--steps", "crash", stdin=b"die", env=crash_env)
    assert (piped.returncode, piped.stdout) == (3, b"")
    assert b"<stdin>: the process cleaning it died" in piped.stderr
    records = write(tmp_path / "in.jsonl", '{"text": "a  "}\n{"text": "die"}\n')
    one = run("normalize", str(records), "--jsonl", "--steps", "crash", "-o", str(tmp_path / "o.jsonl"), env=crash_env)
    assert one.returncode == 3 and not (tmp_path / "o.jsonl").exists()


def test_on_error_fail_stops_the_run(tmp_path: Path, crash_env: dict[str, str]) -> None:
    write(tmp_path / "in" / "a.txt", "boom")
    write(tmp_path / "in" / "b.txt", "fine  ")
    result = run(
        "normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--steps", "crash", "--on-error", "fail",
        env=crash_env,
    )  # fmt: skip
    assert result.returncode == 3
    assert b"stopped at the first error (--on-error fail)" in result.stderr
    assert not (tmp_path / "out" / "b.txt").exists()
