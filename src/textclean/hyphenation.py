"""Decide what a hyphen at the end of a line was: part of the word, or put there by the wrap.

A wrapped line that ends in "inter-" followed by a line that starts with "national" held one word
split in two ("international"); "top-" followed by "selling" held a hyphenated word that happened to
break at its hyphen ("top-selling"). The shape of the pieces settles the clear cases (digits, URLs,
a capital after the hyphen, a compound that already has a hyphen); for the rest the document's own
vocabulary is asked first ("top-selling" written elsewhere on the page), then the word frequencies
of the language of the text around the break (:mod:`textclean.text.languages`): the pieces were one
word when the joined word is about as common as its rarer piece, or more. Where wordfreq is not
installed (textclean run from a source tree without its dependencies), a warning says so once and
every word counts as unknown: a hyphen that the shape and the vocabulary leave in doubt is taken as
the wrap's.

>>> judge = HyphenJudge("The top-selling game of the year.")
>>> judge.judge("top-", "selling").value
'hard'
>>> judge.judge("2019-", "2020").value
'hard'
>>> judge.judge("Behandlungs-", "und").value
'suspended'
"""

from __future__ import annotations

from enum import Enum

from textclean import _native
from textclean.text.languages import COMMON_ZIPF, WordFrequencies, read_language, word_frequencies

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
# Before a pair word a joined word is one word when it is a common word, above COMMON_ZIPF (one in
# a million words): "Engl-" + "and" is "England"; "Ein-" + "und" stays a pair.
FALLBACK_LANGUAGE = "en"  # of a document too short or too mixed to tell


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
        self._counts: dict[str, int] = {}  # the words counted so far
        self._language: str | None = None  # the document's, read when a break's context says too little

    def judge(self, left: str, right: str, context: str = "") -> Hyphen:
        """Judge ``left`` (a line's last word, ending in a hyphen) followed by ``right`` (the next line's first word).

        ``context`` is text around the break (its paragraph) that tells the language. The shape of the
        pieces is read by the native core (``hyphen_pieces`` in ``native/src/linewrap_joins.rs``): a URL,
        digits, a compound that has a hyphen already, a capital after the hyphen or an acronym before it.

        >>> judge = HyphenJudge("")
        >>> [judge.judge(left, right).value for left, right in [("inter-", "national"), ("NASA-", "inspired")]]
        ['soft', 'hard']
        """
        pieces = _native.hyphen_pieces(left, right)
        return Hyphen.HARD if pieces is None else self.weigh(*pieces, self.language(context))

    def weigh(self, first: str, second: str, alone: bool, language: str, seen: tuple[int, int] | None = None) -> Hyphen:
        """Judge a hyphen between ``first`` and ``second``, pieces of words of ``language`` whose shape leaves it open.

        ``alone``: ``second`` is the whole next word (a pair word ends a suspended hyphen only so).
        ``seen``: how often the document holds the pieces joined and hyphenated, in lower case, if
        counted already; else they are counted here.

        >>> judge = HyphenJudge("A well-known fact, well known to all.")
        >>> [judge.weigh(*pieces).value for pieces in [("well", "known", False, "en"), ("Ein", "und", True, "de")]]
        ['hard', 'suspended']
        """
        joined = (first + second).lower()
        if alone and second.lower() in SUSPENDED_PAIR_WORDS:
            common = word_frequencies(language).common_zipf(joined) is not None
            return Hyphen.SOFT if common else Hyphen.SUSPENDED
        if seen is None:
            seen = self._count(joined), self._count(f"{first}-{second}".lower())
        seen_joined, seen_hyphenated = seen
        if seen_joined != seen_hyphenated:
            return Hyphen.SOFT if seen_joined > seen_hyphenated else Hyphen.HARD
        one_word = _one_word(first.lower(), second.lower(), joined, word_frequencies(language))
        return Hyphen.SOFT if one_word else Hyphen.HARD

    def language(self, context: str = "") -> str:
        """Return the language of ``context``, or the document's where the context is too short to tell.

        >>> HyphenJudge("Die Kinder spielen im Garten, und die Eltern sitzen auf der Bank.").language("Ja.")
        'de'
        """
        language = read_language(context)
        if language is None:
            if self._language is None:
                self._language = read_language(self._text) or FALLBACK_LANGUAGE
            language = self._language
        return language

    def _count(self, word: str) -> int:
        """Count ``word`` in the document in lower case; a word split at many line ends is counted once.

        The core counts without a lower-case copy of the document where it can (an ASCII word, as most are).
        """
        count = self._counts.get(word)
        if count is None:
            count = _native.count_in_lower_case(self._text, word)
            if count is None:
                if self._lower is None:
                    self._lower = self._text.lower()
                count = self._lower.count(word)
            self._counts[word] = count
        return count


def _one_word(first: str, second: str, joined: str, frequencies: WordFrequencies) -> bool:
    """Whether ``first`` and ``second`` were one word: ``joined`` is at most JOIN_MARGIN rarer than the rarer piece.

    The language's common words settle most cases without reading its rare words: a common joined
    word is never much rarer than a piece that is not common, and a joined word that is not common
    is too rare for two pieces that are both common enough.
    """
    joined_zipf = frequencies.common_zipf(joined)
    rarer_piece = min(frequencies.common_zipf(first) or 0.0, frequencies.common_zipf(second) or 0.0)
    if joined_zipf is None and rarer_piece - JOIN_MARGIN <= COMMON_ZIPF:
        rarer_piece = min(frequencies.zipf(first), frequencies.zipf(second))
        joined_zipf = frequencies.zipf(joined)
    return (joined_zipf or 0.0) >= rarer_piece - JOIN_MARGIN
