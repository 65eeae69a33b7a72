r"""Run consecutive built-in steps in one native call: the text stays in the core from the first step to the last.

A pipeline that explains nothing hands each run of two or more consecutive built-in steps to a
:class:`NativeRun` (native/src/run.rs), and the core makes the text their cleaners make one after the
other, counting each step's edits without building them, and hands back what the furniture steps last
read of the text: given to the next run over the same document (the next round's), it spares measuring
again the blocks that come back unchanged. The steps whose rules are all in the core
(``whitespace``, ``links``, ``markup``, and ``footer`` and ``boilerplate`` without the user's phrases,
patterns or removal guard) run there from the same rules as their cleaners; a step that changes nothing
leaves the next one its reading of the text (the function words of its language, its blocks). The
steps whose rules are partly Python's (``mojibake``, ``unicode``, ``pages``) run there only where the
tests their cleaners start with find nothing to change; where they do, the core hands the text back,
Python runs that step, and the core goes on with the next. ``linewrap`` runs there too, and asks
Python (:func:`textclean.cleaners.linewrap.judge_hyphens`) only the verdict on a line-end hyphen that
the shape of its pieces leaves in doubt. ``explain`` and observers of edits run the steps one by one.

>>> from textclean.pipeline import Pipeline
>>> run = NativeRun(Pipeline(["links", "markup", "whitespace"]).steps)
>>> run("**Read** [the report](/r).   \n\n\n\nThe end.", count=True)[:2]
('Read the report.\n\nThe end.', [1, 2, 1])
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textclean import _native
from textclean.edits import apply_edits
from textclean.errors import NativeError

if TYPE_CHECKING:
    from textclean.pipeline import Step


class NativeRun:
    """Built-in steps that the native core runs in one call, as their cleaners would one after the other."""

    def __init__(self, steps: Sequence[Step]) -> None:
        # the furniture lexicon and the word lists are read where a pipeline first runs, not where it is imported
        from textclean.cleaners.linewrap import judge_hyphens
        from textclean.furniture.evidence import native_lexicon
        from textclean.text import languages

        natives = [native for native in (step.native for step in steps) if native is not None]
        if len(natives) < len(steps):
            raise ValueError("every step of a native run must be one the core takes")
        self.steps = tuple(steps)
        self._native = _native.Run(natives, judge_hyphens)
        self._lexicon = native_lexicon if self._native.reads_the_lexicon else None
        self._languages = languages

    def __call__(
        self, text: str, *, count: bool = False, earlier: _native.Earlier | None = None
    ) -> tuple[str, list[int] | None, _native.Earlier | None]:
        """Return the text the steps make, with ``count`` each step's count of edits, and what they read.

        ``earlier`` is what an earlier run over the same document read (the third item it returned); what
        this run returns is what it read itself, or ``earlier``.

        Where the core stops (a step whose rules are Python's may change the text, or a text holds lone
        surrogates), Python runs that step and the core goes on after it. Where the reader of languages
        lacks the function words a text needs, or ``unicode`` its sets of characters, they are given,
        once, and the core goes on.
        """
        languages = self._languages
        counts: list[int] = []
        given: set[tuple[int, str, str]] = set()
        start = 0
        while start < len(self.steps):
            lexicon = None if self._lexicon is None else self._lexicon()
            reader, words = languages.language_reader(), languages.function_word_table()
            text, made, stop, read = self._native.run(text, start, lexicon, (reader, words), earlier)
            earlier = read or earlier
            counts += made
            if stop is None:
                break
            start, need, name = stop
            if need == "python":
                step = self.steps[start]
                if count:
                    edits = step.find_edits(text)
                    counts.append(len(edits))
                    text = apply_edits(text, edits)
                else:
                    text = step(text)
                start += 1
            elif (start, need, name) in given:
                raise NativeError(f"step {self.steps[start].name!r}: the native core asked again for {need} {name!r}")
            else:
                given.add((start, need, name))
                if need == "sets":  # the first text of the run that is not plain ASCII
                    from textclean.cleaners.unicode import character_sets

                    self._native.give_character_sets(start, *character_sets(self.steps[start].prepared))
                else:
                    languages.provide(need, name)
        return text, counts if count else None, earlier


def plan(steps: Sequence[Step]) -> tuple[Step | NativeRun, ...]:
    """Return ``steps`` with each run of two or more that the native core takes made one :class:`NativeRun`.

    >>> from textclean.pipeline import Pipeline
    >>> [type(part).__name__ for part in plan(Pipeline(["unicode", "links", str.strip, "markup"]).steps)]
    ['NativeRun', 'Step', 'Step']
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
