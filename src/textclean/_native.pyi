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

# The text a step's edits make, built in the core (the text itself when they change nothing).
def whitespace_output(text: str, max_blank_lines: int) -> str: ...
def link_output(text: str, urls: str, bare_urls: str, url_token: str) -> str: ...
def markup_output(text: str, headings: bool, list_markers: bool, tables: bool) -> str: ...
def link_tokens(text: str) -> TokenLists: ...
def markup_tokens(text: str, kinds: int) -> FormattingLists: ...
def linewrap_lines(
    text: str, width: int | None
) -> tuple[bytes, tuple[list[int], list[int], list[int], list[int]], bytes, list[int], list[int], bytes]: ...
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
# The narrowest wrap width of the linewrap step.
LINEWRAP_MIN_WIDTH: int

def split_blocks(
    text: str, stopwords: WordSet
) -> tuple[Blocks, list[tuple[int, int, str, int, int, float, bool, bool, bool, bool, int]]]: ...

class Blocks:
    """The blocks of a text as the core keeps them (native/src/blocks.rs)."""

    def __len__(self) -> int: ...

def count_words(text: str) -> int: ...
def first_word_start(text: str) -> int: ...

class WordSet:
    """A set of words to count in texts, such as a language's function words."""

    def __init__(self, words: Iterable[str]) -> None: ...

class LanguageReader:
    """A reader of the language of texts (native/src/language.rs)."""

    def __init__(self, script_language: dict[str, str], shared: dict[str, list[str]]) -> None: ...
    def add_script(self, script: str, languages: list[tuple[str, list[str]]]) -> None: ...
    def read(self, text: str) -> tuple[str | None, str | None]: ...

class Lexicon:
    """The furniture lexicon's labels of lines and footer markers (native/src/lexicon.rs)."""

    def __init__(
        self,
        furniture: list[tuple[str, str]],
        markers: list[tuple[str, str]],
        prompts: list[str],
        lists: dict[str, str],
    ) -> None: ...
    def label(self, visible: str, words: int, sentence_end: bool) -> str | None: ...
    def tail(self, visible: str, words: int, prompts: bool) -> tuple[str, bool] | None: ...
    def opens(self, visible: str) -> bool: ...
    def is_phrase_line(self, visible: str, start: int, end: int, words: int, sentence_end: bool) -> bool: ...
    def site_suffix_start(self, line: str) -> int: ...

class Classification:
    """The block classifier's passes over one document's blocks (native/src/classify.rs)."""

    def __init__(
        self,
        blocks: Blocks,
        lexicon: Lexicon,
        stopwords: WordSet,
        user_labels: list[str | None] | None,
        settings: tuple[bool, bool, bool, bool, bool, float, bool],
    ) -> None: ...
    def classify(self, indices: list[int]) -> list[tuple[int, str, str]]: ...

def footer_tail_start(
    blocks: Blocks,
    lexicon: Lexicon,
    stopwords: WordSet,
    user_labels: list[str | None] | None,
    settings: tuple[bool, bool, bool, int],
) -> tuple[int, str] | None: ...

# A headline is at most this long, in words.
HEAD_WORDS: int

# A caption with a credit is at most this long, in words.
CAPTION_WORDS: int

# The lines of a text that hold a digit (native/src/pages.rs): their indexes, and each line's key.
def numbered_lines(text: str) -> tuple[list[int], list[str]]: ...

class CharClass:
    """A set of characters, found in a text in one pass (native/src/chars.rs)."""

    def __init__(self, ranges: list[tuple[int, int]]) -> None: ...
    def find_all(self, text: str) -> list[int]: ...
