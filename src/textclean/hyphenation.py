"""Decide what a hyphen at the end of a line was: part of the word, or put there by the wrap.

A wrapped line that ends in "inter-" followed by a line that starts with "national" held one word
split in two ("international"); "top-" followed by "selling" held a hyphenated word that happened to
break at its hyphen ("top-selling"). The shape of the pieces settles the clear cases (digits, URLs,
a capital after the hyphen, a compound that already has a hyphen); for the rest the document's own
vocabulary is asked first ("top-selling" written elsewhere on the page), then word frequencies of
the document's language from the `wordfreq <https://github.com/rspeer/wordfreq>`_ package: the
pieces were one word when the joined word is about as common as its rarer piece, or more. Where
wordfreq is not installed (textclean run from a source tree without its dependencies), a warning
says so once and every word counts as unknown: a hyphen that the shape and the vocabulary leave in
doubt is taken as the wrap's.

>>> judge = HyphenJudge("The top-selling game of the year.")
>>> judge.judge("top-", "selling").value
'hard'
>>> judge.judge("2019-", "2020").value
'hard'
>>> judge.judge("Behandlungs-", "und").value
'suspended'
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from enum import Enum
from functools import lru_cache
from types import ModuleType

import regex

from textclean.furniture.lexicon import STOPWORDS

# The words that follow a suspended hyphen, the first half of a pair that shares its last part
# ("pre- and post-war", "Ein- und Ausgang", "vracht- en verzendkosten", "micro- et macro-"):
# coordinating conjunctions and "to"/"bis" of ranges, in the languages that write such pairs.
SUSPENDED_PAIR_WORDS = frozenset(
    {
        # English
        "and", "or", "nor", "to", "vs",
        # German
        "und", "oder", "bzw", "sowie", "bis", "als", "noch",
        # Dutch
        "en", "of", "tot",
        # Scandinavian
        "och", "eller", "og", "samt", "ja", "tai",
        # Romance
        "et", "ou", "y", "o", "e", "u", "ed",
        # Slavic
        "i", "a", "lub", "oraz", "albo", "nebo", "ili", "и", "или",
    }
)  # fmt: skip

# How much rarer (in zipf units, a factor of 10 each) the joined word may be than its rarer piece
# and still be taken as one word: "newspaper" (4.6) against "paper" (5.1) joins; "rightwing" (2.6)
# against "wing" (4.6) and "wellknown" (1.6) against "known" (5.2) do not.
JOIN_MARGIN = 1.5
# A joined word at least this common is one word even before a pair word ("Engl-" + "and").
COMMON_ZIPF = 3.0
# How many of each language's most common words identify it.
LANGUAGE_PROFILE_SIZE = 100
FALLBACK_LANGUAGE = "en"
# A break's context names its language with this many votes of common words; with fewer, the document does.
MIN_LANGUAGE_VOTES = 3
DOCUMENT_SAMPLE = 5000  # characters of the document that tell its language

_LAST_WORD = regex.compile(r"(?r)[\p{L}\p{M}]++\Z")  # searched from the end: linear on a long token
_FIRST_WORD = regex.compile(r"[\p{L}\p{M}]+")
# searched in every line-end word (most are pieces of URLs): `re` starts a search faster than `regex`
_NON_PROSE = re.compile(r"[/\\:@=_?&#%.<>\[\](){}|~+*$]")
_WORDS = regex.compile(r"[\p{L}\p{M}]{2,}")


class Hyphen(Enum):
    """What a hyphen at a line end was."""

    SOFT = "soft"  # the wrap split one word: drop the hyphen ("inter-" + "national")
    HARD = "hard"  # a real hyphen that fell at the line end: keep it, add no space ("top-selling")
    SUSPENDED = "suspended"  # the first half of a pair: keep it and the space ("vracht- en verzendkosten")


class HyphenJudge:
    """Judge the line-end hyphens of one document, from its vocabulary and word frequencies."""

    def __init__(self, text: str) -> None:
        self._text = text
        self._lower: str | None = None
        self._language: str | None = None  # the document's, guessed when a break's context says too little

    def judge(self, left: str, right: str, context: str = "") -> Hyphen:
        """Judge ``left`` (a line's last word, ending in a hyphen) followed by ``right`` (the next line's first word).

        ``context`` is text around the break (its paragraph) that tells the language.

        >>> judge = HyphenJudge("")
        >>> [judge.judge(left, right).value for left, right in [("inter-", "national"), ("NASA-", "inspired")]]
        ['soft', 'hard']
        """
        core = left[:-1]
        if _NON_PROSE.search(core):
            return Hyphen.HARD  # symbols: a URL, a path, an address
        head = _LAST_WORD.search(core)
        tail = _FIRST_WORD.match(right)
        if head is None or tail is None or "-" in core[head.start() - 1 : head.start()]:
            return Hyphen.HARD  # digits, or a compound with a hyphen already ("two-on-" + "one")
        first, second = head.group(), tail.group()
        if tail.end() < len(right) and right[tail.end()] in "-\u2010":
            return Hyphen.HARD  # the next word is itself hyphenated ("deer-in-" + "the-headlights")
        if second[0].isupper() and not first.isupper():
            return Hyphen.HARD  # "al-" + "Tanf", "mid-" + "September"
        if first[-1].isupper() and not second[0].isupper():
            return Hyphen.HARD  # an acronym before the hyphen: "NASA-" + "inspired"
        joined = (first + second).lower()
        if second.lower() in SUSPENDED_PAIR_WORDS and tail.end() == len(right):
            return Hyphen.SOFT if self._zipf(joined, context) >= COMMON_ZIPF else Hyphen.SUSPENDED
        seen_joined, seen_hyphenated = self._count(joined), self._count(f"{first}-{second}".lower())
        if seen_joined != seen_hyphenated:
            return Hyphen.SOFT if seen_joined > seen_hyphenated else Hyphen.HARD
        rarer_piece = min(self._zipf(first.lower(), context), self._zipf(second.lower(), context))
        return Hyphen.SOFT if self._zipf(joined, context) >= rarer_piece - JOIN_MARGIN else Hyphen.HARD

    def _count(self, word: str) -> int:
        if self._lower is None:
            self._lower = self._text.lower()
        return self._lower.count(word)

    def _zipf(self, word: str, context: str) -> float:
        language = _guess_language(context)
        if language is None:
            if self._language is None:
                self._language = _guess_language(self._text[:DOCUMENT_SAMPLE]) or FALLBACK_LANGUAGE
            language = self._language
        return _zipf_frequencies(language).get(word, 0.0)


def is_common_word(word: str) -> bool:
    """Whether a word is among the most common words of a language ("the", "für", "yang"): a function word.

    >>> is_common_word("after"), is_common_word("accessories")
    (True, False)
    """
    return word.lower() in (_language_profiles() or STOPWORDS)


@lru_cache(maxsize=64)
def _guess_language(context: str) -> str | None:
    """Return the wordfreq language whose most common words the context uses most (``None``: too few)."""
    profiles = _language_profiles()
    votes: Counter[str] = Counter()
    for word in _WORDS.findall(context.lower()):
        votes.update(profiles.get(word, ()))
    if not votes or max(votes.values()) < MIN_LANGUAGE_VOTES:
        return None
    best = max(votes.values())
    # ties go to the first language in wordfreq's order of languages with a large word list
    return next(lang for lang in _languages() if votes.get(lang) == best)


@lru_cache(maxsize=1)
def _languages() -> tuple[str, ...]:
    return tuple(sorted(_wordlist_paths("best"), key=lambda lang: (lang != FALLBACK_LANGUAGE, lang)))


@lru_cache(maxsize=1)
def _language_profiles() -> dict[str, tuple[str, ...]]:
    wordfreq = _wordfreq()
    if wordfreq is None:
        return {}
    profiles: dict[str, list[str]] = {}
    for lang in _languages():
        buckets = wordfreq.read_cBpack(_wordlist_paths("small")[lang])
        words = [word for bucket in buckets for word in bucket if not word.isdigit()]
        for word in words[:LANGUAGE_PROFILE_SIZE]:
            profiles.setdefault(word, []).append(lang)
    return {word: tuple(langs) for word, langs in profiles.items()}


# A language's large word list takes 20 to 60 MB as a dict and a tenth to a half of a second to load:
# those of six languages are kept, enough for a mixed stream of the common ones not to reload a list
# for every document, few enough that a run over text in many languages does not hold them all.
@lru_cache(maxsize=6)
def _zipf_frequencies(lang: str) -> dict[str, float]:
    """Return each word's Zipf frequency (log10 of its count per billion words) in ``lang``."""
    wordfreq = _wordfreq()
    if wordfreq is None:
        return {}
    buckets = wordfreq.read_cBpack(_wordlist_paths("best")[lang])
    # wordfreq's packed lists hold words in buckets of one centibel each, the most frequent first;
    # a word in two buckets keeps the later, as it would in a dict built word by word
    frequencies: dict[str, float] = {}
    for index, bucket in enumerate(buckets):
        frequencies.update(dict.fromkeys(bucket, 9 - index / 100))
    return frequencies


@lru_cache(maxsize=2)
def _wordlist_paths(wordlist: str) -> dict[str, str]:
    wordfreq = _wordfreq()
    paths: dict[str, str] = {} if wordfreq is None else wordfreq.available_languages(wordlist=wordlist)
    return paths


@lru_cache(maxsize=1)
def _wordfreq() -> ModuleType | None:
    try:
        import wordfreq  # a large import (its word lists), needed only when a hyphen is in doubt
    except ImportError:
        warnings.warn(
            "wordfreq is not installed (pip install wordfreq): line-end hyphens are judged without word frequencies",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return wordfreq
