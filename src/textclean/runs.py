r"""Run consecutive built-in steps in one native call: the text stays in the core from the first step to the last.

A pipeline that explains nothing hands each run of two or more consecutive steps that the native core
knows whole (``whitespace``, ``links``, ``markup``, and ``footer`` and ``boilerplate`` without the
user's phrases, patterns or removal guard) to a :class:`NativeRun` (native/src/run.rs). The core makes
the text the steps' cleaners make one after the other, from the same rules, and counts each step's
edits without building them; a step that changes nothing leaves the next one its reading of the text
(the function words of its language, its blocks). ``explain`` and observers of edits run the steps
one by one.

>>> from textclean.pipeline import Pipeline
>>> run = NativeRun(Pipeline(["links", "markup", "whitespace"]).steps)
>>> run("**Read** [the report](/r).   \n\n\n\nThe end.")
('Read the report.\n\nThe end.', [1, 2, 1])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textclean import _native
from textclean.furniture.evidence import native_lexicon
from textclean.text.languages import function_word_table, language_reader, load_script, stopwords

if TYPE_CHECKING:
    from textclean.pipeline import Step


class NativeRun:
    """Built-in steps that the native core runs in one call, as their cleaners would one after the other."""

    def __init__(self, steps: Sequence[Step]) -> None:
        natives = [native for native in (step.native for step in steps) if native is not None]
        if len(natives) < len(steps):
            raise ValueError("every step of a native run must be one the core runs whole")
        self.steps = tuple(steps)
        self._native = _native.Run(natives)

    def __call__(self, text: str) -> tuple[str, list[int]] | None:
        """Return the text the steps make and each step's count of edits.

        ``None`` for a text the core leaves to the steps one by one: one with lone surrogates. Where
        the reader of languages lacks the function words a text needs, they are given (once for each
        script or language) and the run starts again.
        """
        while True:
            output, counts, need = self._native.run(text, native_lexicon(), language_reader(), function_word_table())
            if need is None:
                return None if output is None else (output, counts)
            kind, name = need
            if kind == "script":
                load_script(name)
            else:
                function_word_table().add(name, stopwords(name))


def plan(steps: Sequence[Step]) -> tuple[Step | NativeRun, ...]:
    """Return ``steps`` with each run of two or more that the native core runs whole made one :class:`NativeRun`.

    >>> from textclean.pipeline import Pipeline
    >>> [type(part).__name__ for part in plan(Pipeline(["unicode", "links", "markup", "whitespace"]).steps)]
    ['Step', 'NativeRun']
    """
    planned: list[Step | NativeRun] = []
    group: list[Step] = []
    for step in (*steps, None):
        if step is not None and step.native is not None:
            group.append(step)
            continue
        if len(group) >= 2:
            planned.append(NativeRun(group))
        else:
            planned.extend(group)
        group = []
        if step is not None:
            planned.append(step)
    return tuple(planned)
