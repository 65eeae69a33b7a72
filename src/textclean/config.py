r"""Read a pipeline from TOML: a ``textclean.toml`` file or ``[tool.textclean]`` in ``pyproject.toml``.

The file names the steps and gives options per step::

    steps = ["mojibake", "links", "whitespace"]
    max_rounds = 2  # optional: run the steps again until a round changes nothing, at most this often

    [options.links]
    urls = "keep"

>>> import pathlib, tempfile
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> _ = (folder / "textclean.toml").write_text('steps = ["whitespace"]\n[options.whitespace]\nmax_blank_lines = 2\n')
>>> load_config(folder / "textclean.toml")
Config(steps=['whitespace'], options={'whitespace': {'max_blank_lines': 2}}, max_rounds=None)
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from textclean.errors import ConfigError

_KEYS = ("steps", "options", "max_rounds")


@dataclass(frozen=True)
class Config:
    """Steps (``None``: the default pipeline), options per step and rounds, as read from a file."""

    steps: list[str] | None = None
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    max_rounds: int | None = None


CONFIG_NAMES = ("textclean.toml", "pyproject.toml")  # in one folder, the first found wins
_PROJECT_MARKERS = (".git", ".hg")  # the search goes no higher than the root of a repository


def find_config(inputs: Sequence[str], cwd: Path | None = None) -> Path | None:
    r"""Find the config file of ``inputs`` the way black and ruff find theirs; ``None`` if there is none.

    The search starts in the folder that holds every input (for stdin, ``-``: the working folder) and
    goes up: in each folder a ``textclean.toml`` wins, then a ``pyproject.toml`` with a
    ``[tool.textclean]`` table (one without it is passed over). It stops at the root of a repository
    (a folder holding ``.git`` or ``.hg``), so a checkout never takes a config from the folders above it.

    >>> import pathlib, tempfile
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> (root / "docs" / "a").mkdir(parents=True)
    >>> _ = (root / "pyproject.toml").write_text("[tool.textclean]\nsteps = ['whitespace']\n")
    >>> _ = (root / "docs" / "pyproject.toml").write_text("[tool.black]\n")
    >>> find_config([str(root / "docs" / "a" / "x.txt"), str(root / "docs" / "y.txt")]) == root / "pyproject.toml"
    True
    """
    cwd = Path.cwd() if cwd is None else cwd
    folders = [os.path.abspath(_folder_of(raw, cwd)) for raw in inputs]
    start = Path(os.path.commonpath(folders)) if folders else cwd
    for folder in (start, *start.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file() and (name != "pyproject.toml" or _has_textclean_table(candidate)):
                return candidate
        if any((folder / marker).exists() for marker in _PROJECT_MARKERS):
            return None
    return None


def _folder_of(raw: str, cwd: Path) -> Path:
    """Return the folder an input lies in: stdin's is the working folder, a folder's is itself."""
    if raw == "-":
        return cwd
    path = cwd / raw
    return path if path.is_dir() else path.parent


def _has_textclean_table(pyproject: Path) -> bool:
    """Tell whether a ``pyproject.toml`` has a ``[tool.textclean]`` table (an unreadable one: yes, to be reported)."""
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return True
    if "textclean" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return True
    return isinstance(tool, dict) and "textclean" in tool


def load_config(path: str | os.PathLike[str]) -> Config:
    """Read ``path``; a ``pyproject.toml`` is read from its ``[tool.textclean]`` table."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name == "pyproject.toml":
        tool = data.get("tool")
        table = tool.get("textclean") if isinstance(tool, dict) else None
        if table is None:
            raise ConfigError(f"{path}: has no [tool.textclean] table")
        if not isinstance(table, dict):
            raise ConfigError(f"{path}: tool.textclean must be a table, [tool.textclean]")
        data = table
    return parse_config(data, str(path))


def parse_config(data: dict[str, Any], source: str = "config") -> Config:
    """Check a config table and return it as a :class:`Config`.

    >>> parse_config({"steps": []})
    Traceback (most recent call last):
    ...
    textclean.errors.ConfigError: config: 'steps' names no step; leave it out for the default pipeline
    >>> parse_config({"max_rounds": True})
    Traceback (most recent call last):
    ...
    textclean.errors.ConfigError: config: 'max_rounds' must be an integer >= 1, not True
    """
    unknown = sorted(set(data) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{source}: unknown key {unknown[0]!r}; allowed keys: {', '.join(_KEYS)}")
    steps = data.get("steps")
    if steps is not None and (not isinstance(steps, list) or not all(isinstance(s, str) for s in steps)):
        raise ConfigError(f"{source}: 'steps' must be a list of step names")
    if steps == []:
        raise ConfigError(f"{source}: 'steps' names no step; leave it out for the default pipeline")
    options = data.get("options", {})
    if not isinstance(options, dict) or not all(isinstance(v, dict) for v in options.values()):
        raise ConfigError(f"{source}: 'options' must be a table of tables, one per step, e.g. [options.links]")
    max_rounds = data.get("max_rounds")
    if max_rounds is not None and (type(max_rounds) is not int or max_rounds < 1):
        raise ConfigError(f"{source}: 'max_rounds' must be an integer >= 1, not {max_rounds!r}")
    return Config(steps, options, max_rounds)
