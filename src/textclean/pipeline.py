r"""Run cleaners in order, and explain what each one changed and why.

>>> pipeline = Pipeline(["whitespace"])
>>> pipeline("Hello   \n\n\n\nworld")
'Hello\n\nworld'
>>> report = pipeline.explain("Hello   \n\n\n\nworld")
>>> [(step.name, edit.rule, edit.old) for step in report.steps for edit in step.edits]
[('whitespace', 'blank-lines', '   \n\n\n\n')]
>>> report.replay() == report.output
True
"""

from __future__ import annotations

import bisect
import os
import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from textclean import registry
from textclean.edits import Edit, OffsetMap, apply_edits
from textclean.errors import InvalidOptionError, NotPicklableError, TextcleanError
from textclean.runs import NativeRun, plan

StepLike = str | Callable[[str], str]
DEFAULT_ROUNDS = 3  # the default pipeline settles in one or two rounds on real pages; a third is a bound


class TextTypeError(TextcleanError, TypeError):
    """Text that is not a ``str``."""


@dataclass(frozen=True)
class Step:
    """One cleaner with its options, ready to run."""

    name: str
    spec: registry.CleanerSpec
    options: Mapping[str, Any]
    prepared: Any

    def find_edits(self, text: str) -> list[Edit]:
        """Return the edits this step makes to ``text``."""
        return self.spec.find_edits(text, self.prepared)

    @cached_property
    def native(self) -> registry.NativeStep | None:
        """The step as the native core runs it with its neighbours, if it can (see :mod:`textclean.runs`)."""
        return None if self.spec.native is None else self.spec.native(self.prepared)

    def __call__(self, text: str) -> str:
        """Return ``text`` cleaned by this step (without making edits, where the cleaner can)."""
        output = self.spec.output
        return apply_edits(text, self.find_edits(text)) if output is None else output(text, self.prepared)


@dataclass(frozen=True)
class StepRecord:
    """What one step of :meth:`Pipeline.explain` did: its edits, as offsets into its own input."""

    name: str
    input: str
    edits: tuple[Edit, ...]
    round: int = 1  # the round of the pipeline in which the step ran

    @property
    def output(self) -> str:
        """The step's output, rebuilt from its input and edits."""
        return apply_edits(self.input, self.edits)


@dataclass(frozen=True)
class Explanation:
    """The result of :meth:`Pipeline.explain`: the cleaned text and every step's edits."""

    input: str
    output: str
    steps: tuple[StepRecord, ...]

    def replay(self) -> str:
        """Apply the recorded edits to the input, step by step; equals :attr:`output`."""
        text = self.input
        for step in self.steps:
            text = apply_edits(text, step.edits)
        return text

    def source_span(self, start: int, end: int) -> tuple[int, int]:
        r"""Map a span of the output back to the span of the input it came from.

        >>> report = Pipeline(["whitespace"]).explain("a  \n\n\n\nb")
        >>> start, end = report.source_span(3, 4)
        >>> report.output[3:4], report.input[start:end]
        ('b', 'b')
        """
        for step in reversed(self.steps):
            offsets = OffsetMap(step.edits)
            start, end = offsets.to_input(start), offsets.to_input(end, end=True)
        return start, max(start, end)

    def why(self, fragment: str) -> list[tuple[str, Edit]]:
        r"""Return ``(step name, edit)`` for every edit that touched ``fragment`` where it stood.

        This answers "why did this line disappear?" in one call.

        >>> report = Pipeline(["whitespace"]).explain("keep  \n\n\n\nthis")
        >>> [(name, edit.rule) for name, edit in report.why("keep  ")]
        [('whitespace', 'blank-lines')]
        """
        found = []
        for step in self.steps:
            spans = [(m.start(), m.end()) for m in re.finditer(re.escape(fragment), step.input)]
            for edit in step.edits:
                if any(edit.start < end and start < edit.end for start, end in spans) or fragment in edit.old:
                    found.append((step.name, edit))
        return found

    def records(self) -> Iterator[dict[str, Any]]:
        r"""Yield every edit as a JSON-ready dict: its step, round, and span in the step's input and in :attr:`input`.

        ``start`` and ``end`` are offsets into the text the step was given; ``source_start`` and
        ``source_end`` are offsets into the pipeline's input, found by mapping the span back through every
        earlier step's edits, and ``source_line`` is the line (from 1) where ``source_start`` lies.

        >>> report = Pipeline(["whitespace", "links"]).explain("x  \n\n\n[a](u) b")
        >>> row = list(report.records())[-1]
        >>> row["step"], row["start"], row["source_start"], row["source_line"]
        ('links', 3, 6, 4)
        >>> report.input[row["source_start"] : row["source_end"]]
        '[a](u)'
        """
        earlier: list[OffsetMap] = []  # the edits of every step before the current one, newest last
        lines = _LineIndex(self.input)
        for step in self.steps:
            for edit in step.edits:
                start, end = edit.start, edit.end
                for offsets in reversed(earlier):
                    start, end = offsets.to_input(start), offsets.to_input(end, end=True)
                end = max(start, end)
                yield {
                    "step": step.name,
                    "round": step.round,
                    **edit.to_dict(),
                    "source_start": start,
                    "source_end": end,
                    "source_line": lines.line_of(start),
                }
            if step.edits:
                earlier.append(OffsetMap(step.edits))

    def __str__(self) -> str:
        lines = []
        for step in self.steps:
            lines.append(f"{step.name}: {len(step.edits)} edit{'s' if len(step.edits) != 1 else ''}")
            for edit in step.edits:
                lines.append(f"  {edit.start}-{edit.end} {edit.rule}: {_shorten(edit.old)!r} -> {_shorten(edit.new)!r}")
        return "\n".join(lines)


class Pipeline:
    """A reusable cleaner made of steps: registered names, or plain ``str -> str`` functions.

    Steps read evidence that later steps remove (a line break next to link markup, a footer line in
    emphasis), so one pass of a pipeline is not always its own fixed point. A pipeline therefore
    runs its steps again, up to ``max_rounds`` times, until a round changes nothing: the output of
    the default pipeline cleans to itself.

    Args:
        steps: the steps in order, or a single step; ``None`` means the default pipeline.
        options: keyword options per step name, e.g. ``{"whitespace": {"max_blank_lines": 2}}``.
        max_rounds: the most rounds of all steps; ``None``: 3 for the default pipeline, 1 otherwise.

    >>> Pipeline(["whitespace"], options={"whitespace": {"max_blank_lines": 2}})
    Pipeline(['whitespace'], options={'whitespace': {'max_blank_lines': 2}})
    >>> Pipeline(["whitespace", str.strip])("  x  ")
    'x'
    >>> Pipeline("whitespace")
    Pipeline(['whitespace'])
    """

    def __init__(
        self,
        steps: StepLike | Sequence[StepLike] | None = None,
        options: Mapping[str, Mapping[str, Any]] | None = None,
        max_rounds: int | None = None,
    ) -> None:
        if max_rounds is not None and (not isinstance(max_rounds, int) or max_rounds < 1):
            raise InvalidOptionError(f"max_rounds must be an integer >= 1, not {max_rounds!r}")
        self._max_rounds = max_rounds
        self.max_rounds: int = max_rounds or (DEFAULT_ROUNDS if steps is None else 1)
        self._step_likes: tuple[StepLike, ...] = registry.DEFAULT_STEPS if steps is None else as_step_tuple(steps)
        self._options: dict[str, dict[str, Any]] = {name: dict(value) for name, value in (options or {}).items()}
        self.steps: tuple[Step, ...] = tuple(self._build_step(step) for step in self._step_likes)
        self._plan: tuple[Step | NativeRun, ...] | None = None  # the steps with their native runs, made on first use
        unused = sorted(set(self._options) - {step.name for step in self.steps})
        if unused:
            raise InvalidOptionError(
                f"options given for {unused[0]!r}, which is not a step of this pipeline; steps: "
                + ", ".join(step.name for step in self.steps)
            )

    @classmethod
    def from_config(cls, path: str | os.PathLike[str]) -> Pipeline:
        """Build a pipeline from a ``textclean.toml`` file, or ``[tool.textclean]`` in ``pyproject.toml``."""
        from textclean.config import load_config

        config = load_config(path)
        return cls(config.steps, config.options, config.max_rounds)

    @property
    def names(self) -> tuple[str, ...]:
        """The names of the steps, in order."""
        return tuple(step.name for step in self.steps)

    def __call__(self, text: str) -> str:
        """Return ``text`` cleaned by every step in order."""
        return self._run(text, None)

    def clean_with_counts(self, text: str) -> tuple[str, dict[str, int]]:
        r"""Clean ``text`` and count the edits each step made.

        >>> Pipeline(["whitespace"]).clean_with_counts("a  \nb  ")
        ('a\nb', {'whitespace': 2})
        """
        counts = dict.fromkeys(self.names, 0)
        return self._run(text, None, counts), counts

    def clean_and_observe(self, text: str, observe: Callable[[str, Sequence[Edit]], None]) -> str:
        r"""Clean ``text``, calling ``observe(step name, edits)`` after every step that runs.

        Unlike :meth:`explain`, nothing is kept: what to count is up to ``observe``.

        >>> seen = []
        >>> Pipeline(["whitespace"]).clean_and_observe("a  ", lambda name, edits: seen.append((name, len(edits))))
        'a'
        >>> seen
        [('whitespace', 1)]
        """
        return self._run(text, lambda step, _text, edits, _round: observe(step.name, edits))

    def explain(self, text: str) -> Explanation:
        """Clean ``text`` and record, per step, each edit with the rule that made it."""
        records: list[StepRecord] = []

        def record(step: Step, current: str, edits: list[Edit], round_number: int) -> None:
            records.append(StepRecord(step.name, current, tuple(edits), round_number))

        output = self._run(text, record)
        while records and not records[-1].edits:  # the last round, which changed nothing, says nothing
            records.pop()
        return Explanation(text, output, tuple(records))

    def _run(
        self,
        text: str,
        observe: Callable[[Step, str, list[Edit], int], None] | None,
        counts: dict[str, int] | None = None,
    ) -> str:
        """Run the steps in rounds until a round changes nothing.

        ``observe`` sees every step's edits and round; without it, each run of built-in steps runs in
        one native call (:mod:`textclean.runs`), and ``counts`` (if given) adds up each step's edits.
        """
        _check_text(text)
        parts = self.steps if observe is not None else self._steps_and_runs()
        earlier = None  # what the native runs last read of the text
        for round_number in range(1, self.max_rounds + 1):
            before = text
            for part in parts:
                if isinstance(part, NativeRun):
                    text, made, earlier = part(text, count=counts is not None, earlier=earlier)
                    if counts is not None and made is not None:
                        for step, count in zip(part.steps, made, strict=True):
                            counts[step.name] += count
                    continue
                if observe is None and counts is None:
                    text = part(text)
                    continue
                edits = part.find_edits(text)
                if observe is not None:
                    observe(part, text, edits, round_number)
                if counts is not None:
                    counts[part.name] += len(edits)
                text = apply_edits(text, edits)
            if text == before:
                break
        return text

    def _steps_and_runs(self) -> tuple[Step | NativeRun, ...]:
        """Return the steps, each run of built-in steps made one native run."""
        if self._plan is None:
            self._plan = plan(self.steps)
        return self._plan

    def __repr__(self) -> str:
        names = [step if isinstance(step, str) else _callable_name(step) for step in self._step_likes]
        options = f", options={self._options!r}" if self._options else ""
        rounds = f", max_rounds={self._max_rounds}" if self._max_rounds is not None else ""
        return f"Pipeline({names!r}{options}{rounds})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Pipeline):
            return NotImplemented
        return (self._step_likes, self._options, self.max_rounds) == (
            other._step_likes,
            other._options,
            other.max_rounds,
        )

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple[Any, ...]:
        import pickle  # only a step that is not a name needs checking, and only when a pipeline is sent

        for step in self._step_likes:
            if not isinstance(step, str):
                try:
                    pickle.dumps(step)
                except Exception as error:
                    raise NotPicklableError(
                        f"step {_callable_name(step)!r} cannot be pickled ({error}); define it at the top level "
                        "of a module, or register it with @textclean.cleaner and use its name"
                    ) from None
        return (Pipeline, (list(self._step_likes), self._options or None, self.max_rounds))

    def _build_step(self, step: StepLike) -> Step:
        if isinstance(step, str):
            spec = registry.get(step)
        elif callable(step):
            spec = registry.from_callable(_callable_name(step), step)
        else:
            raise InvalidOptionError(f"a step must be a name or a function, not {type(step).__name__}")
        options = self._options.get(spec.name, {})
        if not isinstance(options, Mapping):
            raise InvalidOptionError(f"options of step {spec.name!r} must be a mapping, not {type(options).__name__}")
        return Step(spec.name, spec, options, spec.make_options(**options))


def as_step_tuple(steps: StepLike | Sequence[StepLike]) -> tuple[StepLike, ...]:
    """Return the steps as a tuple; a single name or function is a pipeline of one step.

    >>> as_step_tuple("links"), as_step_tuple(["links", "markup"])
    (('links',), ('links', 'markup'))
    """
    if isinstance(steps, str) or callable(steps):
        return (steps,)
    if not isinstance(steps, Sequence):
        raise InvalidOptionError(f"steps must be a step name, a function or a list of them, not {type(steps).__name__}")
    return tuple(steps)


def _callable_name(step: Callable[..., Any]) -> str:
    return getattr(step, "__qualname__", None) or getattr(step, "__name__", None) or type(step).__name__


def _check_text(text: object) -> None:
    if not isinstance(text, str):
        hint = "; decode bytes first with textclean.decode()" if isinstance(text, bytes | bytearray) else ""
        raise TextTypeError(f"text must be str, not {type(text).__name__}{hint}")


class _LineIndex:
    r"""Find the line (from 1) of an offset in a text.

    >>> _LineIndex("a\nb\nc").line_of(4)
    3
    """

    def __init__(self, text: str) -> None:
        self._starts = [0, *(match.end() for match in re.finditer("\n", text))]

    def line_of(self, offset: int) -> int:
        """Return the number of the line that holds ``offset``."""
        return bisect.bisect_right(self._starts, offset)


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
