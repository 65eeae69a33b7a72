"""The package's metadata says what is true: its name, version, license, Python and install commands."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib

import pytest

import textclean

from .conftest import ROOT

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_the_version_is_the_one_in_pyproject() -> None:
    assert textclean.__version__ == PYPROJECT["version"]


def test_the_installed_distribution_is_the_one_pyproject_names() -> None:
    assert PYPROJECT["name"] == textclean._DISTRIBUTION
    metadata = importlib.metadata.metadata(textclean._DISTRIBUTION)
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Requires-Python"] == PYPROJECT["requires-python"]


def test_the_license_file_is_the_mit_license_the_metadata_names() -> None:
    assert PYPROJECT["license"] == "MIT"
    assert PYPROJECT["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_the_python_versions_the_classifiers_name_are_allowed() -> None:
    minimum = re.fullmatch(r">=3\.(\d+)", PYPROJECT["requires-python"])
    assert minimum is not None
    named = [int(c.rsplit(".", 1)[1]) for c in PYPROJECT["classifiers"] if re.fullmatch(r".* :: 3\.\d+", c)]
    assert named and min(named) == int(minimum.group(1))


def test_every_install_command_names_the_distribution_and_a_real_extra() -> None:
    extras = set(PYPROJECT["optional-dependencies"])
    places = [*sorted((ROOT / "src").rglob("*.py")), *sorted((ROOT / "docs").glob("*.md")), ROOT / "README.md"]
    found = 0
    for path in places:
        for name, extra in re.findall(r"pip install '([\w.-]+)\[(\w+)\]'", path.read_text(encoding="utf-8")):
            found += 1
            # "." installs the checkout the command is run in
            assert name in (textclean._DISTRIBUTION, ".") and extra in extras, f"{path.name}: {name}[{extra}]"
    assert found >= 3


def test_a_source_tree_that_was_never_installed_has_an_unknown_version(monkeypatch: pytest.MonkeyPatch) -> None:
    def not_installed(name: str) -> str:
        raise importlib.metadata.PackageNotFoundError(name)

    monkeypatch.setattr(importlib.metadata, "version", not_installed)
    assert textclean.__version__ == "0+unknown"
