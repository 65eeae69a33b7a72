"""The ``textclean`` command, run as a real console script in a subprocess."""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = Path(__file__).resolve().parent / "plugin_example"


def _console_script() -> list[str]:
    for folder in (Path(sys.executable).parent, Path(sysconfig.get_path("scripts"))):
        script = folder / ("textclean.exe" if os.name == "nt" else "textclean")
        if script.exists():
            return [str(script)]
    pytest.fail("the textclean console script is not installed: run pip install '.[test]' first")


def run(*args: str, stdin: bytes = b"", cwd: Path | None = None, env: dict[str, str] | None = None):
    return subprocess.run(
        [*_console_script(), *args], input=stdin, capture_output=True, cwd=cwd, env=env, timeout=300, check=False
    )


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def test_folder_to_mirrored_folder(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run("normalize", str(ROOT / "seeds"), "-o", str(out))
    assert result.returncode == 0, result.stderr
    written = sorted(p.relative_to(out).as_posix() for p in out.rglob("*.txt"))
    expected = sorted(p.relative_to(ROOT / "seeds").as_posix() for p in (ROOT / "seeds").rglob("*.txt"))
    assert written == expected
    assert b"edits:" in result.stderr


def test_stdin_to_stdout_and_python_dash_m() -> None:
    result = run("normalize", "-", "--steps", "whitespace", stdin=b"a  \r\n\r\n\r\nb  ")
    assert (result.returncode, result.stdout) == (0, b"a\n\nb")
    module = subprocess.run(
        [sys.executable, "-m", "textclean", "normalize", "-", "--steps", "whitespace", "-q"],
        input=b"x  ",
        capture_output=True,
        check=False,
    )
    assert (module.returncode, module.stdout, module.stderr) == (0, b"x", b"")


def test_one_file_to_one_file(tmp_path: Path) -> None:
    source = write(tmp_path / "in.txt", "x   \n")
    result = run("normalize", str(source), "-o", str(tmp_path / "out.txt"), "--steps", "whitespace")
    assert result.returncode == 0
    assert (tmp_path / "out.txt").read_bytes() == b"x\n"


def test_several_inputs_need_an_output_folder(tmp_path: Path) -> None:
    a, b = write(tmp_path / "a.txt", "a"), write(tmp_path / "b.txt", "b")
    result = run("normalize", str(a), str(b))
    assert result.returncode == 2
    assert b"textclean: error: several inputs" in result.stderr
    assert b"Traceback" not in result.stderr


def test_refuses_to_write_over_the_input(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  ")
    result = run("normalize", str(source), "-o", str(source))
    assert result.returncode == 2
    assert b"refusing to write over the input" in result.stderr
    assert source.read_bytes() == b"a  "


def test_invalid_utf8_is_reported_and_left_untouched(tmp_path: Path) -> None:
    bad = write(tmp_path / "in" / "bad.txt", b"caf\xe9 au lait  \n")
    good = write(tmp_path / "in" / "good.txt", "fine  \n")
    before = bad.stat().st_mtime_ns
    result = run("normalize", str(tmp_path / "in"), "--in-place", "--steps", "whitespace")
    assert result.returncode == 2
    assert f"textclean: error: {bad}: invalid UTF-8 at byte 3".encode() in result.stderr
    assert b"Traceback" not in result.stderr
    assert bad.read_bytes() == b"caf\xe9 au lait  \n"
    assert bad.stat().st_mtime_ns == before
    assert good.read_bytes() == b"fine\n"  # the other file was still cleaned


def test_errors_replace_reads_invalid_utf8(tmp_path: Path) -> None:
    bad = write(tmp_path / "bad.txt", b"caf\xe9  ")
    result = run("normalize", str(bad), "--errors", "replace", "--steps", "whitespace")
    assert result.returncode == 0
    assert result.stdout == "caf\ufffd".encode()


def test_encoding_auto_reads_and_names_a_legacy_encoding(tmp_path: Path) -> None:
    text = "Le garçon a mangé à côté de l'église, déjà très tard."
    source = write(tmp_path / "fr.txt", text.encode("cp1252"))
    result = run("normalize", str(source), "--encoding", "auto", "--steps", "whitespace")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode("utf-8") == text
    assert f"textclean: note: {source}: read as cp1252 (detected)".encode() in result.stderr


def test_binary_files_are_skipped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path / "in" / "blob.txt", b"\x89PNG\x00\x00data")
    write(tmp_path / "in" / "text.txt", "ok")
    result = run("normalize", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert result.returncode == 0
    assert b"warning:" in result.stderr and b"blob.txt: skipped: binary data" in result.stderr
    assert not (tmp_path / "out" / "blob.txt").exists()
    assert (tmp_path / "out" / "text.txt").read_bytes() == b"ok"


def test_empty_file_is_fine(tmp_path: Path) -> None:
    source = write(tmp_path / "empty.txt", b"")
    result = run("normalize", str(source))
    assert (result.returncode, result.stdout) == (0, b"")


def test_in_place_keeps_mode_and_leaves_no_temp_files(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a   \n\n\n\nb\n")
    os.chmod(source, 0o600)
    result = run("normalize", str(source), "--in-place", "--steps", "whitespace")
    assert result.returncode == 0
    assert source.read_bytes() == b"a\n\nb\n"
    assert stat.S_IMODE(source.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["a.txt"]


def test_check_and_diff_write_nothing(tmp_path: Path) -> None:
    dirty = write(tmp_path / "dirty.txt", "a  \n")
    clean = write(tmp_path / "clean.txt", "a\n")
    checked = run("normalize", str(dirty), str(clean), "--check", "--steps", "whitespace")
    assert checked.returncode == 1
    assert f"would change: {dirty}".encode() in checked.stdout
    assert str(clean).encode() not in checked.stdout
    assert run("normalize", str(clean), "--check").returncode == 0
    diff = run("normalize", str(dirty), "--diff", "--steps", "whitespace")
    assert b"-a  \n+a\n" in diff.stdout
    assert dirty.read_bytes() == b"a  \n"


def test_explain_writes_edits_as_jsonl(tmp_path: Path) -> None:
    source = write(tmp_path / "a.txt", "a  \n\n\n\nb")
    log = tmp_path / "edits.jsonl"
    result = run("normalize", str(source), "--explain", str(log), "--steps", "whitespace")
    assert result.returncode == 0
    rows = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    assert rows == [
        {
            "path": str(source),
            "step": "whitespace",
            "round": 1,
            "start": 1,
            "end": 7,
            "old": "  \n\n\n\n",
            "new": "\n\n",
            "rule": "blank-lines",
            "source_start": 1,
            "source_end": 7,
            "source_line": 1,
        }
    ]


def test_jsonl_cleans_one_field_and_keeps_the_rest(tmp_path: Path) -> None:
    rows = [{"id": 1, "text": "é  \n\n\n\nb", "meta": {"k": [1, 2]}}, {"text": "clean", "z": None, "a": 1}]
    source = write(tmp_path / "in.jsonl", "\n".join(json.dumps(r) for r in rows) + "\n")
    result = run("normalize", str(source), "--jsonl", "--steps", "whitespace", "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines[0] == '{"id": 1, "text": "é\\n\\nb", "meta": {"k": [1, 2]}}'
    assert json.loads(lines[1]) == rows[1] and list(json.loads(lines[1])) == ["text", "z", "a"]


def test_jsonl_bad_records_are_reported_with_line_numbers_and_kept(tmp_path: Path) -> None:
    content = '{"text": "a  "}\n{broken\n{"text": 3}\n{"body": "x"}\n'
    source = write(tmp_path / "in.jsonl", content)
    result = run("normalize", str(source), "--jsonl", "--steps", "whitespace", "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 2
    assert b"in.jsonl:2: invalid JSON" in result.stderr
    assert b"in.jsonl:3: field 'text' is not a string" in result.stderr
    assert b"in.jsonl:4: no field 'text'" in result.stderr
    out = (tmp_path / "out.jsonl").read_text(encoding="utf-8")
    assert out == '{"text": "a"}\n{broken\n{"text": 3}\n{"body": "x"}\n'


def test_jsonl_on_error_fail_writes_nothing(tmp_path: Path) -> None:
    source = write(tmp_path / "in.jsonl", '{"text": "a"}\n[1]\n')
    out = tmp_path / "out.jsonl"
    result = run("normalize", str(source), "--jsonl", "--on-error", "fail", "-o", str(out))
    assert result.returncode == 2
    assert b"in.jsonl:2: not a JSON object" in result.stderr
    assert not out.exists()


def test_config_file_drives_the_cli(tmp_path: Path) -> None:
    config = write(tmp_path / "textclean.toml", 'steps = ["whitespace"]\n[options.whitespace]\nmax_blank_lines = 2\n')
    result = run("normalize", "-", "--config", str(config), stdin=b"a\n\n\n\n\nb")
    assert (result.returncode, result.stdout) == (0, b"a\n\n\nb")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--steps", "nope"], b"unknown step 'nope'; known steps:"),
        (["--config", "absent.toml"], b"cannot read config"),
        (["--encoding", "klingon"], b"unknown encoding 'klingon'"),
        (["--encoding", "rot13"], b"'rot13' is not a text encoding"),
        (["--glob", "/etc/*"], b"--glob '/etc/*': give a pattern inside the folders"),
        (["--glob", "../*.txt"], b"--glob '../*.txt': give a pattern inside the folders"),
    ],
)
def test_usage_errors_are_one_line_without_traceback(tmp_path: Path, args: list[str], message: bytes) -> None:
    source = write(tmp_path / "a.txt", "a")
    result = run("normalize", str(source), *args, cwd=tmp_path)
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.splitlines()) == 1
    assert b"Traceback" not in result.stderr


def test_a_config_naming_a_cleaner_that_nothing_registered_says_where_cleaners_come_from(tmp_path: Path) -> None:
    config = write(tmp_path / "textclean.toml", 'steps = ["house-style"]\n')
    result = run("normalize", "-", "--config", str(config), stdin=b"a")
    assert result.returncode == 2
    assert b"unknown step 'house-style'" in result.stderr
    assert b"exists only once the module that registers it is imported" in result.stderr
    assert b"Traceback" not in result.stderr


def test_the_guides_check_example_checks_files() -> None:
    guide = (ROOT / "docs" / "guide.md").read_text(encoding="utf-8")
    line = next(line for line in guide.splitlines() if line.startswith("textclean normalize") and "--check" in line)
    result = run(*line.split("#")[0].split()[1:], cwd=ROOT)
    assert result.returncode == 0, result.stderr
    files = len(list((ROOT / "seeds" / "expected").glob("*.txt")))
    assert f"{files} files, 0 changed".encode() in result.stderr


def test_missing_input_is_an_error(tmp_path: Path) -> None:
    result = run("normalize", str(tmp_path / "absent.txt"))
    assert result.returncode == 2
    assert b"no such file or folder" in result.stderr


@pytest.fixture
def installed_plugin(tmp_path: Path) -> Path:
    """Install the example plugin as pip would lay it out: its module and a .dist-info with entry points."""
    site = tmp_path / "site"
    site.mkdir()
    shutil.copy(PLUGIN / "textclean_shout.py", site)
    info = site / "textclean_shout-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: textclean-shout\nVersion: 1.0\n", encoding="utf-8")
    (info / "entry_points.txt").write_text("[textclean.cleaners]\nshout = textclean_shout:shout\n", encoding="utf-8")
    return site


def test_plugin_by_entry_point_works_in_the_cli(installed_plugin: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(installed_plugin)}
    result = run("normalize", "-", "--steps", "shout", stdin=b"hi", env=env)
    assert (result.returncode, result.stdout) == (0, b"HI!")
    listed = run("steps", env=env)
    assert b"shout" in listed.stdout


def test_plugin_by_entry_point_works_in_the_api(installed_plugin: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import textclean
    from textclean import registry

    monkeypatch.syspath_prepend(str(installed_plugin))
    try:
        assert "shout" in registry.names()
        assert textclean.clean("hi", steps=["shout"], options={"shout": {"mark": "?"}}) == "HI?"
    finally:
        registry._plugins.pop("shout", None)


def test_a_broken_plugin_is_named_in_a_clear_error(installed_plugin: Path) -> None:
    (installed_plugin / "textclean_shout-1.0.dist-info" / "entry_points.txt").write_text(
        "[textclean.cleaners]\nshout = textclean_shout:missing_name\n", encoding="utf-8"
    )
    env = {**os.environ, "PYTHONPATH": str(installed_plugin)}
    result = run("normalize", "-", "--steps", "shout", stdin=b"hi", env=env)
    assert result.returncode == 2
    assert b"plugin step 'shout' (textclean_shout:missing_name) failed to load" in result.stderr
    assert b"Traceback" not in result.stderr
