# The native core (native/src/python.rs): each function gives its edits as parallel lists of starts,
# ends, replacements and rule names, or its tokens as parallel lists of kinds, starts, ends, shown
# texts (and URLs, for links); offsets in code points of the text it was given.

from collections.abc import Iterable

EditLists = tuple[list[int], list[int], list[str], list[str]]
TokenLists = tuple[list[str], list[int], list[int], list[str], list[str | None]]
FormattingLists = tuple[list[str], list[int], list[int], list[str]]

# The kinds of formatting markup; bit i of a mask of kinds stands for MARKUP_KIND_BITS[i].
MARKUP_KIND_BITS: tuple[str, ...]
# The most rounds a cleaner runs on its own output.
MAX_ROUNDS: int

def whitespace_edits(text: str, max_blank_lines: int) -> EditLists: ...
def link_edits(text: str, urls: str, bare_urls: str, url_token: str) -> EditLists: ...
def contains_bare_url(text: str) -> bool: ...
def markup_edits(text: str, headings: bool, list_markers: bool, tables: bool) -> EditLists: ...
def link_tokens(text: str) -> TokenLists: ...
def markup_tokens(text: str, kinds: int) -> FormattingLists: ...
def linewrap_lines(
    text: str, width: int | None
) -> tuple[
    bytes,
    tuple[list[int], list[int], list[int], list[int]],
    list[int],
    bytes,
    list[int],
    tuple[list[int], list[int], list[int], int | None],
]: ...
def fail_like_a_broken_rule(text: str) -> EditLists: ...

class WordTable:
    """How common the words of one word list are, 8 bytes a word (native/src/wordtable.rs)."""

    def __init__(self, buckets: Iterable[list[str]]) -> None: ...
    def bucket(self, word: str) -> int | None: ...
    def __len__(self) -> int: ...
    @property
    def nbytes(self) -> int: ...

WRAPPED_LINE_MIN: int
WRAPPED_LINE_MAX: int

def split_blocks(
    text: str, stopwords: WordSet
) -> list[tuple[int, int, str, int, int, float, bool, bool, bool, bool, int]]: ...
def count_words(text: str) -> int: ...

class WordSet:
    """A set of words to count in texts, such as a language's function words."""

    def __init__(self, words: Iterable[str]) -> None: ...

class LanguageReader:
    """A reader of the language of texts (native/src/language.rs)."""

    def __init__(self, script_language: dict[str, str], shared: dict[str, list[str]]) -> None: ...
    def add_script(self, script: str, languages: list[tuple[str, list[str]]]) -> None: ...
    def read(self, text: str) -> tuple[str | None, str | None]: ...

class Opening:
    """Phrases of the furniture lexicon that may open a line (native/src/phrases.rs)."""

    def __init__(self, alternation: str) -> None: ...
    def opens(self, text: str, start: int) -> bool: ...
