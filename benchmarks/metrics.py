"""Quality metrics of the benchmark: token-shingle precision / recall / F1, and the synthetic-set rates.

The shingle metric is the one article-extraction benchmarks use, and the one the project is measured
with. Its definition:

* tokens are the runs of Unicode word characters (``\\w+``), case kept;
* a text's shingles are its contiguous token 4-grams, counted as a multiset; a text of 1 to 3 tokens
  has one shorter shingle, an empty text none;
* per document, the shared shingles (tp), the predicted ones not in the gold (fp) and the gold ones
  not predicted (fn) are divided by tp + fp + fn, so that every document weighs the same;
* precision is the mean of tp / (tp + fp) over the documents whose prediction has a shingle (an empty
  prediction lowers recall, not precision); recall is the mean of tp / (tp + fn) over the documents
  whose gold has a shingle;
* F1 is 2PR / (P + R) of those two means; accuracy is the share of documents whose token sequences
  are equal.
"""

from __future__ import annotations

import difflib
import itertools
import math
import random
import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

WORD_RE = re.compile(r"\w+")
SHINGLE_SIZE = 4


def tokens(text: str) -> list[str]:
    return WORD_RE.findall(text)


def shingles(text: str, size: int = SHINGLE_SIZE) -> Counter[tuple[str, ...]]:
    words = tokens(text)
    if len(words) <= size:
        return Counter([tuple(words)]) if words else Counter()
    return Counter(tuple(words[i : i + size]) for i in range(len(words) - size + 1))


@dataclass(frozen=True)
class DocCounts:
    """A document's shared, extra and missed shingles, as shares of their sum (all 0 if both are empty)."""

    tp: float
    fp: float
    fn: float


def doc_counts(gold: str, pred: str) -> DocCounts:
    gold_shingles, pred_shingles = shingles(gold), shingles(pred)
    tp = sum((gold_shingles & pred_shingles).values())
    fp = sum((pred_shingles - gold_shingles).values())
    fn = sum((gold_shingles - pred_shingles).values())
    total = tp + fp + fn
    return DocCounts(tp / total, fp / total, fn / total) if total else DocCounts(0.0, 0.0, 0.0)


@dataclass(frozen=True)
class ShingleScore:
    f1: float
    precision: float
    recall: float
    accuracy: float
    f1_std: float  # over bootstrap resamples of the documents


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else math.nan


def _prf(counts: Sequence[DocCounts]) -> tuple[float, float, float]:
    precision = _mean([c.tp / (c.tp + c.fp) for c in counts if c.tp + c.fp > 0])
    recall = _mean([c.tp / (c.tp + c.fn) for c in counts if c.tp + c.fn > 0])
    if math.isnan(precision) or math.isnan(recall):
        return math.nan, precision, recall
    f1 = 2 * precision * recall / (precision + recall) if precision + recall > 0 else 0.0
    return f1, precision, recall


def shingle_score(
    gold: Mapping[str, str], pred: Mapping[str, str], resamples: int = 200, seed: int = 0
) -> ShingleScore:
    """Score predictions against gold texts, both keyed by document id (every gold id must be predicted)."""
    ids = list(gold)
    counts = [doc_counts(gold[i], pred[i]) for i in ids]
    f1, precision, recall = _prf(counts)
    accuracy = _mean([float(tokens(gold[i]) == tokens(pred[i])) for i in ids])
    rng = random.Random(seed)
    f1s = []
    for _ in range(resamples if len(counts) > 1 else 0):
        sample_f1 = _prf([counts[rng.randrange(len(counts))] for _ in counts])[0]
        if not math.isnan(sample_f1):
            f1s.append(sample_f1)
    f1_std = math.sqrt(sum((x - _mean(f1s)) ** 2 for x in f1s) / (len(f1s) - 1)) if len(f1s) > 1 else 0.0
    return ShingleScore(f1, precision, recall, accuracy, f1_std)


# --- the synthetic sets: rates over rows (sum of numerators / sum of denominators) ---------------------


def norm_lines(text: str) -> str:
    """Ignore trailing spaces on lines and blank lines at both ends."""
    return "\n".join(line.rstrip() for line in text.split("\n")).strip("\n")


def norm_ws(text: str) -> str:
    """Runs of spaces and tabs to one space, lines stripped, 3+ line breaks to 2."""
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    text = "\n".join(line.strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def line_recovery(expected: str, output: str, line_kinds: Sequence[str]) -> Counter[str]:
    """Count the expected prose paragraphs and structure lines, and those that are whole lines of the output.

    ``line_kinds`` names each non-blank expected line: ``prose`` for a paragraph, anything else for a
    structure line (list item, heading, table row, verse, address, code).
    """
    available = Counter(line.rstrip() for line in output.split("\n") if line.strip())
    counts: Counter[str] = Counter()
    lines = [line.rstrip() for line in expected.split("\n") if line.strip()]
    for line, kind in zip(lines, line_kinds, strict=False):
        key = "para" if kind == "prose" else "struct"
        counts[f"{key}_total"] += 1
        if available[line] > 0:
            available[line] -= 1
            counts[f"{key}_ok"] += 1
    return counts


SPACE, LINE, PARAGRAPH = "space", "line", "paragraph"


def words_and_gaps(text: str) -> tuple[list[str], list[str]]:
    """The whitespace-separated words of a text, and what separates each from the next: space, line or paragraph."""
    spans = [match.span() for match in re.finditer(r"\S+", text)]
    gaps = []
    for (_, end), (start, _) in itertools.pairwise(spans):
        breaks = text.count("\n", end, start)
        gaps.append(SPACE if breaks == 0 else LINE if breaks == 1 else PARAGRAPH)
    return [text[start:end] for start, end in spans], gaps


@dataclass(frozen=True)
class Alignment:
    """Where each expected word is in another text: the index of its first and last piece there (-1: not found).

    ``hyphenated`` maps an expected word that the other text has broken in two at a hyphen to ``soft``
    (``inter-`` + ``national`` for ``international``) or ``hard`` (``top-`` + ``selling`` for ``top-selling``).
    """

    first: list[int]
    last: list[int]
    hyphenated: dict[int, str]

    def gap_after(self, index: int, gaps: Sequence[str]) -> str | None:
        """The other text's gap between expected words ``index`` and ``index + 1``, if both are found side by side."""
        end, following = self.last[index], self.first[index + 1]
        return gaps[end] if end >= 0 and following == end + 1 else None

    def intact(self, index: int) -> bool:
        return self.first[index] >= 0 and self.first[index] == self.last[index]


def align(expected: Sequence[str], other: Sequence[str]) -> Alignment:
    first = [-1] * len(expected)
    last = [-1] * len(expected)
    hyphenated: dict[int, str] = {}
    matcher = difflib.SequenceMatcher(None, expected, other, autojunk=False)
    for tag, e_start, e_end, o_start, o_end in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(e_end - e_start):
                first[e_start + offset] = last[e_start + offset] = o_start + offset
        elif tag == "replace":  # look for words broken at a hyphen, walking both sides in step
            e, o = e_start, o_start
            while e < e_end and o < o_end:
                head, tail = other[o], other[o + 1] if o + 1 < o_end else ""
                kind = None
                if tail and head.endswith("-"):
                    kind = "soft" if head[:-1] + tail == expected[e] else "hard" if head + tail == expected[e] else None
                if kind is None:
                    e, o = e + 1, o + 1
                    continue
                hyphenated[e] = kind
                first[e], last[e] = o, o + 1
                e, o = e + 1, o + 2
    return Alignment(first, last, hyphenated)


def wrap_counts(input_text: str, expected: str, output: str, line_kinds: Sequence[str]) -> Counter[str]:
    """The numerators and denominators of the wrap rates (:data:`WRAP_RATES`) for one row."""
    counts = line_recovery(expected, output, line_kinds)
    counts["rows"] = 1
    counts["exact"] = int(norm_lines(output) == norm_lines(expected))
    expected_words, expected_gaps = words_and_gaps(expected)
    input_words, input_gaps = words_and_gaps(input_text)
    output_words, output_gaps = words_and_gaps(output)
    in_input = align(expected_words, input_words)
    in_output = align(expected_words, output_words)
    counts["words_total"] = len(expected_words)
    counts["words_intact"] = sum(in_output.intact(i) for i in range(len(expected_words)))
    for index, gap in enumerate(expected_gaps):
        kept = in_output.gap_after(index, output_gaps)  # None: a changed word next to it, the break can't be located
        if gap == LINE:  # a line break the text needs (list, verse, table, after a heading)
            counts["line_total"] += 1
            counts["overjoin"] += kept == SPACE
        elif gap == PARAGRAPH:
            counts["pbreak_total"] += 1
            counts["pbreak_ok"] += kept == PARAGRAPH
            counts["pbreak_joined"] += kept == SPACE
        elif (wrapped := in_input.gap_after(index, input_gaps)) in (LINE, PARAGRAPH):  # a break the wrap made
            counts["soft_total"] += 1
            counts["underjoin"] += kept != SPACE
            if wrapped == PARAGRAPH:
                counts["midblank_total"] += 1
                counts["midblank_ok"] += kept == SPACE
    for index, kind in in_input.hyphenated.items():
        counts[f"{kind}_hyph_total"] += 1
        counts[f"{kind}_hyph_ok"] += in_output.intact(index)
    return counts


# each wrap rate: its numerator and denominator, summed over rows
WRAP_RATES = {
    "exact": ("exact", "rows"),
    "para_recovery": ("para_ok", "para_total"),  # expected prose paragraphs that are one whole output line
    "struct_kept": ("struct_ok", "struct_total"),  # expected structure lines that are whole output lines
    "overjoin": ("overjoin", "line_total"),  # needed single line breaks turned into a space
    "underjoin": ("underjoin", "soft_total"),  # breaks made by the wrap still a break in the output
    "para_kept": ("pbreak_ok", "pbreak_total"),  # paragraph breaks kept
    "para_joined": ("pbreak_joined", "pbreak_total"),  # paragraph breaks turned into a space
    "midblank_fixed": ("midblank_ok", "midblank_total"),  # blank lines in mid-sentence turned into a space
    "soft_hyphen": ("soft_hyph_ok", "soft_hyph_total"),  # "inter-" + "national" back as "international"
    "hard_hyphen": ("hard_hyph_ok", "hard_hyph_total"),  # "top-" + "selling" back as "top-selling"
    "words_intact": ("words_intact", "words_total"),  # expected words found unchanged, in order
}


# link or image markup, reference definitions, <a> tags, <autolinks> and markdown escapes
LINK_MARKUP_RE = re.compile(
    r"\]\([^)\s]*\)"  # ](url)
    r"|\]\[[^\]]*\]"  # ][ref]
    r"|!\[[^\]]*\]"  # ![alt]
    r"|^[ \t]*\[[^\]]+\]:[ \t]*\S+"  # [ref]: url
    r"|</?a\b[^>]*>"  # <a href=...> and </a>
    r"|<https?://[^>\s]+>"  # <https://...>
    r"|\\[\\`*_{}\[\]()#+\-.!$]",  # \* \_ \[ ...
    re.MULTILINE,
)


def has_residual_markup(output: str, expected: str) -> bool:
    """Whether the output holds link markup that the expected text does not hold itself."""
    left = Counter(match.group() for match in LINK_MARKUP_RE.finditer(output))
    left.subtract(match.group() for match in LINK_MARKUP_RE.finditer(expected))
    return any(count > 0 for count in left.values())
