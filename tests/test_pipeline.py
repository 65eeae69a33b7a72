"""The public API: clean, Pipeline, explain, options, registration, pickling, configuration."""

from __future__ import annotations

import importlib
import pickle
import sys
from pathlib import Path

import pytest

import textclean
from textclean import registry
from textclean.edits import Edit
from textclean.pipeline import Pipeline

from .conftest import assert_explanation_well_formed, seed_files


def shout(text: str, *, mark: str = "!") -> str:
    """Upper-case the text (a module-level function, so it can be pickled)."""
    return text.upper() + mark


@pytest.fixture
def registered_shout():
    textclean.cleaner("test-shout", replace=True)(shout)
    yield "test-shout"
    registry._registered.pop("test-shout", None)


def test_clean_runs_named_steps_and_callables() -> None:
    assert textclean.clean("a  \n\n\n\nb  ", steps=["whitespace"]) == "a\n\nb"
    assert textclean.clean("a", steps=[shout]) == "A!"
    assert textclean.clean("a  ", steps=["whitespace", shout]) == "A!"


def test_options_reach_the_step() -> None:
    text = "a\n\n\n\nb"
    assert textclean.clean(text, steps=["whitespace"], options={"whitespace": {"max_blank_lines": 2}}) == "a\n\n\nb"


def test_unknown_step_names_the_known_ones() -> None:
    with pytest.raises(textclean.UnknownStepError, match=r"known steps: .*whitespace"):
        textclean.clean("x", steps=["no-such-step"])


def test_unknown_option_names_the_known_ones() -> None:
    with pytest.raises(textclean.InvalidOptionError, match=r"no option 'blank'.*max_blank_lines"):
        Pipeline(["whitespace"], options={"whitespace": {"blank": 1}})


def test_bad_option_value_says_what_is_allowed() -> None:
    with pytest.raises(ValueError, match="max_blank_lines must be an integer from 0 to 1000"):
        Pipeline(["whitespace"], options={"whitespace": {"max_blank_lines": -1}})


def test_options_for_a_step_not_in_the_pipeline_are_an_error() -> None:
    with pytest.raises(textclean.InvalidOptionError, match="not a step of this pipeline"):
        Pipeline(["whitespace"], options={"links": {}})


@pytest.mark.parametrize("bad", [b"bytes", None, 3])
def test_text_must_be_str(bad: object) -> None:
    with pytest.raises(TypeError, match="text must be str"):
        textclean.clean(bad)  # type: ignore[arg-type]


def test_a_single_step_is_a_pipeline_of_one_step() -> None:
    assert textclean.clean("Read [the report](https://x.org/r).", steps="links") == "Read the report."
    assert textclean.clean(" x ", steps=str.strip) == "x"
    assert Pipeline("whitespace").names == ("whitespace",)
    assert Pipeline("whitespace") == Pipeline(["whitespace"])
    with pytest.raises(textclean.InvalidOptionError, match="a step name, a function or a list of them, not int"):
        Pipeline(3)  # type: ignore[arg-type]


def test_a_registered_cleaner_whose_module_is_not_imported_gets_a_hint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "house_cleaners.py").write_text(
        "import textclean\n\n"
        "@textclean.cleaner('house-style', replace=True)\n"
        "def house_style(text: str) -> str:\n"
        "    return text.replace('colour', 'color')\n",
        encoding="utf-8",
    )
    config = tmp_path / "textclean.toml"
    config.write_text('steps = ["house-style"]\n', encoding="utf-8")
    with pytest.raises(textclean.UnknownStepError, match="exists only once the module that registers it is imported"):
        Pipeline.from_config(config)
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        importlib.import_module("house_cleaners")
        assert Pipeline.from_config(config)("colour") == "color"
    finally:
        registry._registered.pop("house-style", None)
        sys.modules.pop("house_cleaners", None)


def test_a_misspelt_step_name_gets_the_closest_known_one() -> None:
    with pytest.raises(textclean.UnknownStepError, match="did you mean 'boilerplate'"):
        Pipeline(["boilerplat"])


def test_decorator_registers_a_function_with_options(registered_shout: str) -> None:
    assert textclean.clean("hi", steps=[registered_shout], options={registered_shout: {"mark": "?"}}) == "HI?"
    with pytest.raises(textclean.InvalidOptionError, match="its options: mark"):
        Pipeline([registered_shout], options={registered_shout: {"loud": True}})


def test_decorator_registers_a_class_with_state() -> None:
    @textclean.cleaner("test-replace", replace=True)
    class Replace:
        """Replace one word by another."""

        def __init__(self, *, old: str = "colour", new: str = "color") -> None:
            self.old, self.new = old, new

        def __call__(self, text: str) -> str:
            return text.replace(self.old, self.new)

    try:
        assert textclean.clean("a colour", steps=["test-replace"]) == "a color"
        result = Pipeline(["test-replace"], options={"test-replace": {"old": "a"}}).explain("a b")
        assert result.output == "color b"
        assert [(e.old, e.new, e.rule) for e in result.steps[0].edits] == [("a", "color", "test-replace")]
    finally:
        registry._registered.pop("test-replace", None)


def test_registering_a_taken_name_needs_replace(registered_shout: str) -> None:
    with pytest.raises(textclean.RegistrationError, match="exists already"):
        textclean.cleaner("whitespace")(shout)
    with pytest.raises(textclean.RegistrationError, match="invalid cleaner name"):
        textclean.cleaner("Bad Name")(shout)


def test_replacing_a_cleaner_is_seen_by_clean(registered_shout: str) -> None:
    assert textclean.clean("a", steps=[registered_shout]) == "A!"
    textclean.cleaner(registered_shout, replace=True)(str.lower)
    assert textclean.clean("A", steps=[registered_shout]) == "a"


def test_a_cleaner_returning_non_str_is_a_clear_error(registered_shout: str) -> None:
    textclean.cleaner(registered_shout, replace=True)(len)
    with pytest.raises(TypeError, match="returned int, not str"):
        textclean.clean("abc", steps=[registered_shout])


def test_pipeline_pickles_when_its_steps_are_names_or_importable_functions() -> None:
    pipeline = Pipeline(["whitespace", shout], options={"whitespace": {"max_blank_lines": 2}})
    copy = pickle.loads(pickle.dumps(pipeline))
    assert copy == pipeline
    assert copy("a  \n\n\n\nb") == pipeline("a  \n\n\n\nb")


def test_pipeline_with_a_lambda_says_why_it_cannot_pickle() -> None:
    pipeline = Pipeline([lambda text: text])
    with pytest.raises(textclean.NotPicklableError, match="define it at the top level"):
        pickle.dumps(pipeline)


def test_repr_names_the_steps() -> None:
    assert repr(Pipeline(["whitespace", shout])) == "Pipeline(['whitespace', 'shout'])"


def test_explain_records_rules_and_well_formed_edits() -> None:
    text = "Title  \r\n\r\n\r\n\r\nBody\n\n\n"
    report = Pipeline(["whitespace", shout]).explain(text)
    assert report.output == "TITLE\n\nBODY\n!"
    assert_explanation_well_formed(report)
    rules = [edit.rule for edit in report.steps[0].edits]
    assert rules == ["blank-lines", "trailing-blank-lines"]
    assert report.steps[1].name == "shout"
    rows = list(report.records())
    assert rows[0]["step"] == "whitespace" and rows[0]["rule"] == "blank-lines"


def test_explain_maps_output_spans_to_the_input() -> None:
    text = "\n\nalpha   \n\n\n\nbeta"
    report = Pipeline(["whitespace"]).explain(text)
    start = report.output.index("beta")
    source = report.source_span(start, start + 4)
    assert text[source[0] : source[1]] == "beta"


def test_why_finds_the_edit_that_touched_a_fragment() -> None:
    report = Pipeline(["whitespace"]).explain("keep   \n\n\n\nthis")
    [(name, edit)] = report.why("keep   ")
    assert name == "whitespace"
    assert isinstance(edit, Edit) and edit.rule == "blank-lines"
    assert report.why("absent") == []


def test_from_config_reads_textclean_toml(tmp_path: Path) -> None:
    path = tmp_path / "textclean.toml"
    path.write_text('steps = ["whitespace"]\n\n[options.whitespace]\nmax_blank_lines = 2\n', encoding="utf-8")
    pipeline = Pipeline.from_config(path)
    assert pipeline == Pipeline(["whitespace"], options={"whitespace": {"max_blank_lines": 2}})


def test_from_config_reads_pyproject_tool_table(tmp_path: Path) -> None:
    path = tmp_path / "pyproject.toml"
    path.write_text('[project]\nname = "x"\n\n[tool.textclean]\nsteps = ["whitespace"]\n', encoding="utf-8")
    assert Pipeline.from_config(path).names == ("whitespace",)


def test_from_config_without_steps_is_the_default_pipeline(tmp_path: Path) -> None:
    path = tmp_path / "textclean.toml"
    path.write_text("", encoding="utf-8")
    assert Pipeline.from_config(path).names == textclean.DEFAULT_STEPS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("steps = [", "not valid TOML"),
        ('stepz = ["whitespace"]', "unknown key 'stepz'"),
        ('steps = "whitespace"', "list of step names"),
        ("[options]\nwhitespace = 3", "table of tables"),
        ('steps = ["nope"]', "unknown step 'nope'"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "textclean.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(textclean.TextcleanError, match=message):
        Pipeline.from_config(path)


def test_missing_config_and_pyproject_without_table(tmp_path: Path) -> None:
    with pytest.raises(textclean.ConfigError, match="cannot read config"):
        Pipeline.from_config(tmp_path / "absent.toml")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(textclean.ConfigError, match=r"no \[tool.textclean\]"):
        Pipeline.from_config(tmp_path / "pyproject.toml")


def test_rounds_repeat_the_steps_until_nothing_changes() -> None:
    def halve_once(text: str) -> str:
        return text[: len(text) // 2] if len(text) > 1 else text

    assert Pipeline([halve_once])("abcdefgh") == "abcd"  # explicit steps: one round
    assert Pipeline([halve_once], max_rounds=2)("abcdefgh") == "ab"
    assert Pipeline([halve_once], max_rounds=10)("abcdefgh") == "a"
    report = Pipeline([halve_once], max_rounds=10).explain("abcdefgh")
    assert [step.name for step in report.steps] == [
        "test_rounds_repeat_the_steps_until_nothing_changes.<locals>.halve_once"
    ] * 3
    assert report.output == "a"
    assert_explanation_well_formed(report)
    assert Pipeline().max_rounds == 3 and Pipeline(["whitespace"]).max_rounds == 1


def test_max_rounds_is_validated_and_read_from_config(tmp_path: Path) -> None:
    with pytest.raises(textclean.InvalidOptionError, match="max_rounds must be an integer >= 1"):
        Pipeline(["whitespace"], max_rounds=0)
    path = tmp_path / "textclean.toml"
    path.write_text('steps = ["whitespace"]\nmax_rounds = 2\n', encoding="utf-8")
    assert Pipeline.from_config(path).max_rounds == 2
    assert pickle.loads(pickle.dumps(Pipeline(["whitespace"], max_rounds=2))).max_rounds == 2


@pytest.mark.parametrize("seed", seed_files(), ids=lambda path: path.name)
def test_the_default_pipeline_makes_each_seed_its_clean_version(seed: Path) -> None:
    """``seeds/expected/`` is the spec: the same text, line for line; a final line break is never added."""
    raw = seed.read_text(encoding="utf-8")
    expected = (seed.parent / "expected" / seed.name).read_text(encoding="utf-8")
    output = textclean.clean(raw)
    assert output.rstrip("\n") == expected.rstrip("\n")
    assert output.endswith("\n") == raw.endswith("\n")
