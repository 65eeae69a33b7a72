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


def line_recovery(expected: str, output: str, line_kinds: Sequence[str]) -> dict[str, tuple[int, int]]:
    """(found, total) of the expected prose paragraphs and structure lines that are whole lines of the output.

    ``line_kinds`` names each non-blank expected line: ``prose`` for a paragraph, anything else for a
    structure line (list item, heading, table row, verse, address, code).
    """
    available = Counter(line.rstrip() for line in output.split("\n") if line.strip())
    found = {"para_recovery": [0, 0], "struct_kept": [0, 0]}
    lines = [line.rstrip() for line in expected.split("\n") if line.strip()]
    for line, kind in zip(lines, line_kinds, strict=False):
        key = "para_recovery" if kind == "prose" else "struct_kept"
        found[key][1] += 1
        if available[line] > 0:
            available[line] -= 1
            found[key][0] += 1
    return {key: (ok, total) for key, (ok, total) in found.items()}


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
