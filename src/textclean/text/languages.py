"""Read which language a text is written in, and give that language's word lists.

The one home of the word lists every cleaner uses: a language's function words (its hundred most
common words: "the", "und", "de", "się") and how common any of its words is (the evidence for a
hyphen at a line end). They come from the data files of the `wordfreq
<https://github.com/rspeer/wordfreq>`_ package (Robyn Speer; word frequencies of 42 languages from
Wikipedia, subtitles, news, books, the web and more; data under CC-BY-SA 4.0, code Apache-2.0),
read as it installs them: nothing is downloaded and no list is typed by hand here.

The language is read from the text, not assumed, and cheaply: first the script of its letters (Han
and kana, Hangul, Thai, Greek, Hebrew, Devanagari, ... each names its language), and only for the
scripts that many languages share (Latin, Cyrillic, Arabic) the function words of those languages,
a hundred words each, read from the head of their lists. A language's full frequency list is read
only when a cleaner asks about a rare word of that language, and kept compact (a native table of
hashes, 8 bytes a word).

>>> read_language("Der Hund schläft, weil es draußen regnet und die Kinder in der Schule sind.")
'de'
>>> read_language("我们明天去北京看望爷爷奶奶。")
'zh'
>>> read_language("Hello") is None  # too little to tell
True
>>> "und" in stopwords("de"), stopwords("ja")
(True, frozenset())
"""

from __future__ import annotations

import gzip
import importlib.util
import warnings
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path
from typing import Literal

from textclean import _native

# A language's function words: its hundred most common words. On English and German prose about
# four words in ten are among them, as with the short hand-made lists they replace.
FUNCTION_WORDS = 100
# How a text's letters and function words name its language (the least of them that tells, the windows
# a long text is read from) is set in the native reader: native/src/language.rs.
# The common words of a language, read first, are those above this Zipf frequency (one in a
# million words): the short lists of wordfreq, which are the first buckets of its long lists.
COMMON_ZIPF = 3.0
# Each word list holds words in buckets of one centibel of frequency, the most common first: the
# bucket's index gives the word's Zipf frequency (log10 of its count per billion words).
TOP_ZIPF = 9.0
BUCKETS_PER_ZIPF = 100

# Languages without function words to count among the words of a text: those written without
# spaces, and Korean, whose word list holds particles and stems split apart ("사람들은" is listed as
# "사람", "들", "은"), so that its words between spaces are hardly ever in it.
NO_FUNCTION_WORDS = frozenset({"zh", "ja", "th", "lo", "km", "my", "bo", "ko"})
# Scripts that name one language (wordfreq's, or the one most written in the script).
_SCRIPT_LANGUAGE = {
    "Greek": "el", "Hebrew": "he", "Hangul": "ko", "Thai": "th", "Devanagari": "hi", "Bengali": "bn",
    "Tamil": "ta", "Georgian": "ka", "Armenian": "hy", "Khmer": "km", "Lao": "lo", "Myanmar": "my",
    "Ethiopic": "am", "Sinhala": "si", "Gujarati": "gu", "Gurmukhi": "pa", "Kannada": "kn",
    "Malayalam": "ml", "Telugu": "te", "Oriya": "or", "Tibetan": "bo",
}  # fmt: skip
# Scripts that many languages share, with the languages of wordfreq written in them; a tie goes to
# the first.
_SHARED_SCRIPTS = {
    "Latin": (
        "en", "de", "fr", "es", "pt", "it", "nl", "pl", "sv", "nb", "da", "fi", "cs", "sk", "sl", "sh",
        "hu", "ro", "ca", "tr", "lt", "lv", "is", "id", "ms", "fil", "vi",
    ),
    "Cyrillic": ("ru", "uk", "bg", "mk"),
    "Arabic": ("ar", "fa", "ur"),
}  # fmt: skip
# The scripts whose letters are counted ("Kana": Hiragana and Katakana); the native core's table of
# scripts is written from this list (native/scripts/unicode_tables.py).
SCRIPT_NAMES = (*_SHARED_SCRIPTS, *_SCRIPT_LANGUAGE, "Han", "Kana")

WordList = Literal["small", "large"]


def read_language(text: str) -> str | None:
    """Return the main language of ``text`` as a wordfreq code (ISO 639-1 mostly), or ``None`` if it cannot tell.

    The script with the most letters decides first; for Latin, Cyrillic and Arabic letters the
    language whose function words the text uses most does (at least three of them). Pieces of URLs
    and addresses are not read. Without wordfreq the languages of shared scripts are not told apart.

    >>> read_language("La ciudad ha decidido abrir una nueva biblioteca para los niños del barrio.")
    'es'
    >>> read_language("Москва — столица России, и в ней живут миллионы людей.")
    'ru'
    >>> read_language("東京都は新しい計画を発表した。市民の多くはこの計画を歓迎している。")
    'ja'
    >>> read_language("See https://example.com/docs/index.html") is None
    True
    """
    reader = language_reader()
    language, script = reader.read(text)
    if script is not None:  # the first text of a shared script: its languages' function words decide
        load_script(script)
        language, script = reader.read(text)
    return language


@cache
def language_reader() -> _native.LanguageReader:
    """Return the reader of languages (native/src/language.rs), which is given function words as it asks."""
    return _native.LanguageReader(_SCRIPT_LANGUAGE, {script: list(codes) for script, codes in _SHARED_SCRIPTS.items()})


def load_script(script: str) -> None:
    """Give the reader of languages the function words of the languages written in ``script`` (a shared one)."""
    language_reader().add_script(script, [(code, list(_function_words(code))) for code in _SHARED_SCRIPTS[script]])


def provide(need: str, name: str) -> None:
    """Give the native core what it asked for: a shared ``"script"``'s function words, or a language's (``"words"``).

    >>> provide("words", "de")  # the core's table of function words now holds German's
    >>> provide("sets", "")
    Traceback (most recent call last):
    ...
    ValueError: the native core asks for 'sets', which no language gives
    """
    if need == "script":
        load_script(name)
    elif need == "words":
        function_word_table().add(name, stopwords(name))
    else:
        raise ValueError(f"the native core asks for {need!r}, which no language gives")


@cache
def stopwords(language: str | None) -> frozenset[str]:
    """Return the function words of ``language`` (lower case): its hundred most common words.

    Empty for ``None``, for a language wordfreq has no list of, and for a language written without
    spaces (Chinese, Japanese, Thai, ...) or listed in pieces of words (Korean), whose share of
    function words among the words between spaces would mean nothing.

    >>> sorted(stopwords("en"))[:8]
    ['a', 'about', 'after', 'all', 'also', 'an', 'and', 'any']
    >>> len(stopwords("pl")), stopwords(None), stopwords("zh"), stopwords("xx")
    (100, frozenset(), frozenset(), frozenset())
    """
    if language is None or language in NO_FUNCTION_WORDS:
        return frozenset()
    return frozenset(_function_words(language))


@cache
def function_word_table() -> _native.FunctionWordTable:
    """Return the native core's table of :func:`stopwords` by language, which a run of steps fills as it asks."""
    return _native.FunctionWordTable()


@cache
def listed_languages() -> frozenset[str]:
    """Return the codes of the languages that have word lists (empty without wordfreq).

    >>> {"en", "de", "zh", "ar"} <= listed_languages(), len(listed_languages())
    (True, 42)
    """
    data = _wordfreq_data()
    paths = [] if data is None else data.glob("small_*.msgpack.gz")
    return frozenset(path.name.removeprefix("small_").removesuffix(".msgpack.gz") for path in paths)


class WordFrequencies:
    """How common the words of one language are, as Zipf frequencies (log10 of a word's count per billion words).

    "the" is about 7.7, "newspaper" 4.6, "wellknown" 1.57; a word not in the language's list is 0.
    The list's common words (Zipf above 3, a few tens of thousands) are read at once; the rare ones
    (down to Zipf 1, up to 700,000 words) only when a rare word is asked about. Both are held in
    native tables of 8 bytes a word (a 54-bit hash and the word's bucket of frequency), not as strings.

    >>> english = word_frequencies("en")
    >>> english.common_zipf("newspaper"), english.common_zipf("wellknown")
    (4.6, None)
    >>> round(english.zipf("wellknown"), 2), english.zipf("xqzzv")
    (1.57, 0.0)
    """

    def __init__(self, language: str) -> None:
        self.language = language
        self._common = _native.WordTable(_buckets(language, "small"))
        self._rare: _native.WordTable | None = None

    def common_zipf(self, word: str) -> float | None:
        """Return the Zipf frequency of ``word`` if it is a common word (above 3: one in a million words), else None."""
        bucket = self._common.bucket(word)
        return None if bucket is None else _zipf_of_bucket(bucket)

    def zipf(self, word: str) -> float:
        """Return the Zipf frequency of ``word`` (0.0 if the list does not have it)."""
        bucket = self._common.bucket(word)
        if bucket is None:
            if self._rare is None:
                self._rare = _native.WordTable(_buckets(self.language, "large"))
            bucket = self._rare.bucket(word)
        return 0.0 if bucket is None else _zipf_of_bucket(bucket)

    @property
    def nbytes(self) -> int:
        """The bytes its tables hold."""
        return self._common.nbytes + (self._rare.nbytes if self._rare is not None else 0)


# A language's frequencies take 1 to 8 MB, and up to 13 MB once its rare words are read (21
# languages have them; see docs/languages.md): those of eight languages are kept, enough for a mixed
# stream of the common ones not to reread a list for every document, and few enough to bound a
# worker's memory on text in any number of languages.
@lru_cache(maxsize=8)
def word_frequencies(language: str) -> WordFrequencies:
    """Return the word frequencies of ``language`` (all 0.0 for a language wordfreq has no list of)."""
    return WordFrequencies(language)


@cache
def _function_words(language: str) -> tuple[str, ...]:
    """Return the FUNCTION_WORDS most common words of ``language``, most common first (numbers left out)."""
    words: list[str] = []
    for bucket in _buckets(language, "small"):
        words.extend(word for word in bucket if not word.isdigit())
        if len(words) >= FUNCTION_WORDS:
            break
    return tuple(words[:FUNCTION_WORDS])


def _zipf_of_bucket(index: int) -> float:
    return TOP_ZIPF - index / BUCKETS_PER_ZIPF


def _buckets(language: str, wordlist: WordList) -> Iterator[list[str]]:
    """Yield the words of a wordfreq list, one bucket at a time, most common first; nothing if there is no such list.

    The file is read as far as the buckets are asked for: the function words take the first few kB.
    """
    path = _wordlist_path(language, wordlist)
    if path is None:
        return
    import msgpack  # type: ignore[import-untyped, unused-ignore]  # wordfreq's lists are written with it

    with gzip.open(path, "rb") as file:
        unpacker = msgpack.Unpacker(file, raw=False, read_size=16384)
        count = unpacker.read_array_header()
        unpacker.skip()  # the header: {"format": "cB", "version": 1}
        for _ in range(count - 1):
            yield unpacker.unpack()


def _wordlist_path(language: str, wordlist: WordList) -> Path | None:
    data = _wordfreq_data()
    path = None if data is None else data / f"{wordlist}_{language}.msgpack.gz"
    return path if path is not None and path.is_file() else None


@lru_cache(maxsize=1)
def _wordfreq_data() -> Path | None:
    """Return the folder of wordfreq's word lists, found without importing wordfreq (0.1 s); None without it."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or not spec.submodule_search_locations:
        warnings.warn(
            "wordfreq is not installed (pip install wordfreq): languages of the Latin, Cyrillic and Arabic scripts "
            "are not told apart and line-end hyphens are judged without word frequencies",
            RuntimeWarning,
            stacklevel=2,
        )
        return None
    return Path(next(iter(spec.submodule_search_locations))) / "data"
