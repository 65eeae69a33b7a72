r"""Run textclean inside other tools, and measure what a pipeline removed from a document.

The tools themselves are optional: ``textclean.integrations.datatrove`` needs
``pip install 'textclean-kit[datatrove]'``. What they share lives here and needs nothing else:
:func:`measure_removal` turns a :meth:`textclean.Pipeline.explain` report into the share of words
removed and the rules that fired, the figures a corpus pipeline records or filters on.

>>> from textclean import Pipeline
>>> def drop_first_line(text: str) -> str:
...     return text.partition("\n")[2]
>>> report = Pipeline([drop_first_line]).explain("Menu Home News\nThe article\nends here.")
>>> removal = measure_removal(report)
>>> removal.words, removal.removed_words, round(removal.share, 2)
(7, 3, 0.43)
>>> removal.rules
('drop_first_line:drop_first_line',)
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textclean.pipeline import Explanation

__all__ = ["Removal", "measure_removal"]

# a word is a run of word characters, as in the token-shingle metric the project is measured with
_WORD_RE = re.compile(r"\w+")


@dataclass(frozen=True)
class Removal:
    """How much of a document a pipeline removed, and which rules did it.

    ``removed_words`` counts, over every edit, the words of the text an edit replaced beyond the
    words of its replacement: dropping a menu line removes its words, fixing mojibake or joining a
    wrapped line removes none.
    """

    words: int
    removed_words: int
    rules: tuple[str, ...]

    @property
    def share(self) -> float:
        """The share of the input's words that were removed, between 0 and 1."""
        return min(1.0, self.removed_words / self.words) if self.words else 0.0


def measure_removal(report: Explanation) -> Removal:
    """Count the words the explained pipeline removed, and name every rule that fired.

    Rules are named ``step:rule``, once each, sorted.
    """
    removed = 0
    rules = set()
    for step in report.steps:
        for edit in step.edits:
            rules.add(f"{step.name}:{edit.rule}")
            removed += max(0, _count_words(edit.old) - _count_words(edit.new))
    return Removal(_count_words(report.input), removed, tuple(sorted(rules)))


def _count_words(text: str) -> int:
    return sum(1 for _ in _WORD_RE.finditer(text))
