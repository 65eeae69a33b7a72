r"""One tokenizer of the link, image and formatting markup that HTML-to-text converters leave.

Converters such as html2text write markdown: ``[text](url "title")``, ``![alt](src)``,
``[text][1]`` with a definition line ``[1]: url``, ``<https://autolinks>``, backslash escapes
(``\$4``, ``1\.``); some pages keep raw ``<a href>`` and ``<img>`` tags. This module finds them
all, so that the ``links`` and ``markup`` cleaners and the boilerplate classifier (which reads link
density) share one account of what is markup and what a reader sees.

The link scanner runs in the native core (``native/src/links.rs``), without the GIL. It is
hand-written and linear: it jumps between the few characters that can start markup (``[`` ``]``
``\`` ``<`` `````), keeps the brackets and ``<a>`` tags still open, and reads a link's destination
by hand, each step moving on by a run of characters. Look-alikes stay plain text: a bracket
that is not followed at once by ``(`` or by a defined ``[label]`` is not a link (``[sic]``,
``[1]``, ``a [b] (c)``), and ``<`` only starts a tag, an autolink or an ``<a>`` element when one
follows (``x < y``, ``<3``).

>>> [(t.kind, t.text, t.url) for t in tokenize_links("By [Robert Bridge](#), \\$4 [sic]")]
[('link', 'Robert Bridge', '#'), ('escape', '$', None)]
>>> round(link_text_share("[Home](/) [News](/news) Today"), 2)
0.62
"""

from __future__ import annotations

import functools
from typing import NamedTuple

import regex

from textclean import _native

# Kinds of tokens whose text is link text (the rest is images, definitions, escapes and code).
LINK_KINDS = frozenset({"link", "reference", "html_link", "autolink"})
# Kinds of tokens that show nothing of their own: images and the definition lines of references.
IMAGE_KINDS = frozenset({"image", "linked_image", "html_image"})


class Token(NamedTuple):
    """A piece of markup: its kind, its span ``start:end`` in the text, and what a reader sees of it.

    ``text`` is the link text of a link (with the markup inside it already read: images dropped,
    escapes undone), ``""`` for images and definitions, the URL of an autolink, the character of an
    escape, and the span itself for a ``code`` span (whose content is never markup). ``url`` is the
    destination of a link, image or definition. A named tuple, not a frozen dataclass: a text holds
    thousands of tokens, and a tuple is made several times faster.
    """

    kind: str
    start: int
    end: int
    text: str
    url: str | None = None


_SPACE_RUN = regex.compile(r"\s++")  # white space, which a reader does not count


def tokenize_links(text: str) -> list[Token]:
    r"""Find all link, image, reference-definition, ``<a>``/``<img>``, autolink and escape tokens.

    The tokens are sorted and do not overlap; markup nested in a link's text (an image in a linked
    image, an escape) is read into that link's ``text`` rather than listed. ``code`` tokens mark
    code spans, where nothing is markup.

    >>> [(t.kind, t.text) for t in tokenize_links("[![logo](a.png)](/) <a href='/x'>More</a> 1\\. x < y")]
    [('linked_image', ''), ('html_link', 'More'), ('escape', '.')]
    >>> [(t.kind, t.text, t.url) for t in tokenize_links("see [the\nreport][1]\n\n[1]: http://x.org/r")]
    [('reference', 'the\nreport', 'http://x.org/r'), ('definition', '', 'http://x.org/r')]
    """
    kinds, starts, ends, texts, urls = _native.link_tokens(text)
    return list(map(Token, kinds, starts, ends, texts, urls))


def link_text_share(text: str) -> float:
    """Return the share (0..1) of the visible characters of ``text`` that are link text.

    This is the link density a boilerplate classifier uses: markdown links, reference links,
    ``<a>`` elements and autolinks count as link text; images count as links with no text. White
    space is not counted. A text with no visible character is all link (1.0) if it holds links or
    images, and 0.0 otherwise.

    >>> link_text_share("Read the [full story](/story) here")
    0.45
    >>> link_text_share("[![](logo.png)](/)"), link_text_share("")
    (1.0, 0.0)
    """
    tokens = tokenize_links(text)
    if not tokens:
        return 0.0
    link = 0
    markup = 0
    linkish = False
    for token in tokens:
        shown = _visible_length(token.text)
        markup += _visible_length(text[token.start : token.end]) - shown
        if token.kind in LINK_KINDS:
            link += shown
            linkish = True
        elif token.kind in IMAGE_KINDS:
            linkish = True
    visible = _visible_length(text) - markup
    if visible <= 0:
        return 1.0 if linkish else 0.0
    return link / visible


def _visible_length(text: str) -> int:
    return len(text) - sum(len(run) for run in _SPACE_RUN.findall(text))


# --- Formatting markup: emphasis, headings, rules, quotes, list markers, tables, stray tags ---------------

# Emphasis: a delimiter that opens (not after a word character, a backslash or another delimiter,
# and before a non-space) and one that closes (after a non-space, not before a word character), in one
# paragraph, with no delimiter of the same kind between them. So `2 * 3 * 4` and `snake_case_names`
# are not emphasis. The content is matched line by line: a repeated group per character would keep
# state for each.
_EMPHASIS = {
    delimiter: regex.compile(
        rf"""(?<![\w{kind}\\]){regex.escape(delimiter)}(?=[^\s{kind}])
        [^{kind}\n]*+(?:\n(?![ \t]*+\n)[^{kind}\n]*+)*+
        (?<=[^\s{kind}\\]){regex.escape(delimiter)}(?![\w{kind}])""",
        regex.VERBOSE,
    )
    for delimiter, kind in (("**", r"\*"), ("__", "_"), ("*", r"\*"), ("_", "_"))
}
# __word__ with nothing but one identifier inside is a name (Python's __init__), not strong emphasis.
_DUNDER = regex.compile(r"__\w+__")
# An empty emphasis that html2text writes for an empty <i></i> or <em></em> (icon fonts): a word of
# only "__" or "****".
_EMPTY_EMPHASIS = regex.compile(r"(?<![^\s\[(])(?:__|\*\*\*\*)(?![^\s\])])")
# What can start a line, tried in this order: a thematic break (three or more -, * or _, the same,
# spaces allowed between them), a list item with nothing in it (bullets only: html2text leaves them
# where a link held only an icon), a heading's marker, quote markers, a list item's marker; each with
# the characters it can start with. A pattern is tried only where a line starts with one of those
# characters (a regex with a line break first finds them quickly).
_LINE_STARTS = {
    "rule": (r"[ ]{0,3}+(?P<rule_mark>[-*_])(?:[ \t]*+(?P=rule_mark)){2,}+[ \t]*+(?=[\r\n]|\Z)", "-*_"),
    "empty_item": (r"[ \t]*+[*+\-](?:[ \t]++[*+\-])*+[ \t]*+(?=[\r\n]|\Z)", "*+-"),
    "heading": (r"[ ]{0,3}+\#{1,6}+(?:[ \t]++|(?=[\r\n]|\Z))", "#"),
    "quote": (r"(?:[ ]{0,3}+>[ ]?+)++", ">"),
    "list_marker": (r"[ \t]*+(?:[*+\-]|\d{1,9}+[.)])[ \t]++(?=\S)", "*+-0123456789"),
}
MARKUP_KINDS = frozenset(
    {"emphasis", "empty_emphasis", "table_rule", "cell", "tag", *_LINE_STARTS}
)  # every kind of token tokenize_markup finds


@functools.lru_cache(maxsize=32)
def _line_start_patterns(kinds: frozenset[str]) -> tuple[regex.Pattern[str], regex.Pattern[str]] | None:
    """Return the pattern of the line-start markup of ``kinds``, and the pattern of where to try it."""
    wanted = [kind for kind in _LINE_STARTS if kind in kinds]
    if not wanted:
        return None
    body = "|".join(f"(?P<{kind}>{_LINE_STARTS[kind][0]})" for kind in wanted)
    characters = "".join(sorted({char for kind in wanted for char in _LINE_STARTS[kind][1]}))
    return regex.compile(body), regex.compile(rf"[\r\n][ \t]*+[{regex.escape(characters)}]")


# The row under a table's header: ---|:---:|--- (outer pipes optional).
_TABLE_RULE = regex.compile(
    r"^[ \t]*+\|?+[ \t]*+:?+-{3,}+:?+[ \t]*+(?:\|[ \t]*+:?+-{3,}+:?+[ \t]*+)++\|?+[ \t]*+$", regex.MULTILINE
)
_CELL_EDGE = regex.compile(r"^[ \t]*+\|[ \t]*+|[ \t]*+\|[ \t]*+$", regex.MULTILINE)
_CELL_SEPARATOR = regex.compile(r"[ \t]*+(?<!\\)\|[ \t]*+")
# HTML elements whose tags end a line of text, and those that sit inside a line (a, img: see links).
_BLOCK_TAGS = frozenset(
    {"address", "article", "aside", "blockquote", "body", "br", "center", "dd", "div", "dl", "dt", "figcaption"}
    | {"figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html", "li"}
    | {"main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul"}
)
_INLINE_TAGS = frozenset(
    {"abbr", "b", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "nobr"}
    | {"q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr"}
)
_TAG_NAME = "|".join(sorted(_BLOCK_TAGS | _INLINE_TAGS, key=len, reverse=True))
_TAG = regex.compile(rf"<(?:!--(?:[^\-<>]++|-(?!->))*+--|/?+(?P<name>{_TAG_NAME})(?:\s[^<>]*+)?/?)>", regex.IGNORECASE)


def tokenize_markup(text: str, kinds: frozenset[str] = MARKUP_KINDS) -> list[Token]:
    r"""Find the formatting markup of ``text``: what HTML-to-text converters leave besides links.

    Kinds: ``emphasis`` (one delimiter of a pair: ``**``, ``__``, ``*``, ``_``), ``empty_emphasis``,
    ``heading`` (the ``## `` marker), ``rule`` and ``table_rule`` and ``empty_item`` (whole lines),
    ``quote`` (the ``>`` markers), ``list_marker``, ``cell`` (a table's ``|``, whose ``text`` is a tab)
    and ``tag`` (a stray HTML tag, whose ``text`` is a line break for a block element between words).
    Only the ``kinds`` asked for are sought. The tokens are sorted and do not overlap; ``text`` is what
    a reader sees in a token's place.

    >>> [(t.kind, t.text) for t in tokenize_markup("## Big **news** today\n\n* * *\n> 2 * 3 * 4")]
    [('heading', ''), ('emphasis', ''), ('emphasis', ''), ('rule', ''), ('quote', '')]
    >>> [(t.kind, repr(t.text)) for t in tokenize_markup("a<br>b <span class=x>snake_case</span>")]
    [('tag', "'\\n'"), ('tag', "''"), ('tag', "''")]
    """
    found: list[Token] = []
    if ("*" in text or "_" in text) and kinds & {"emphasis", "empty_emphasis"}:
        found.extend(token for token in _emphasis_tokens(text) if token.kind in kinds)
    patterns = _line_start_patterns(kinds)
    if patterns:
        found.extend(_line_start_tokens(text, *patterns))
    if "|" in text and "---" in text and kinds & {"cell", "table_rule"}:
        found.extend(token for token in _table_tokens(text) if token.kind in kinds)
    if "<" in text and "tag" in kinds:
        found.extend(_tag_tokens(text))
    found.sort(key=lambda token: (token.start, -token.end))
    tokens: list[Token] = []
    for token in found:
        if not tokens or token.start >= tokens[-1].end:
            tokens.append(token)
    return tokens


def _line_start_tokens(text: str, pattern: regex.Pattern[str], candidate: regex.Pattern[str]) -> list[Token]:
    tokens = []
    for start in [0] + [found.start() + 1 for found in candidate.finditer(text)]:
        match = pattern.match(text, start)
        if match and match.end() > start:
            kind = match.lastgroup or ""
            tokens.append(Token(kind, *match.span(kind), ""))
    return tokens


def _emphasis_tokens(text: str) -> list[Token]:
    tokens = []
    for delimiter, pattern in _EMPHASIS.items():
        if delimiter not in text:
            continue
        size = len(delimiter)
        for match in pattern.finditer(text):
            if delimiter == "__" and _DUNDER.fullmatch(match.group()):
                continue
            tokens.append(Token("emphasis", match.start(), match.start() + size, ""))
            tokens.append(Token("emphasis", match.end() - size, match.end(), ""))
    tokens.extend(Token("empty_emphasis", m.start(), m.end(), "") for m in _EMPTY_EMPHASIS.finditer(text))
    return tokens


def _table_tokens(text: str) -> list[Token]:
    """Find the tokens of pipe tables: the rule under the header, and the pipes of each row."""
    tokens = []
    done = 0  # tables do not overlap: the rows of one are not read again for the next
    for rule in _TABLE_RULE.finditer(text):
        if rule.start() < done:
            continue
        tokens.append(Token("table_rule", rule.start(), rule.end(), ""))
        header_start = text.rfind("\n", 0, max(rule.start() - 1, 0)) + 1
        rows = (
            [(header_start, rule.start() - 1)] if rule.start() > 0 and "|" in text[header_start : rule.start()] else []
        )
        pos = rule.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if "|" not in text[pos:end]:
                break
            rows.append((pos, end))
            pos = end + 1
        done = pos
        for start, end in rows:
            edges = {m.start() for m in _CELL_EDGE.finditer(text, start, end)}
            for pipe in _CELL_SEPARATOR.finditer(text, start, end):
                tokens.append(Token("cell", pipe.start(), pipe.end(), "" if pipe.start() in edges else "\t"))
    return tokens


def _tag_tokens(text: str) -> list[Token]:
    tokens = []
    for match in _TAG.finditer(text):
        start, end = match.span()
        name = (match.group("name") or "").lower()
        inside_line = start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
        between_words = name in _BLOCK_TAGS and inside_line
        tokens.append(Token("tag", start, end, "\n" if between_words else ""))
    return tokens
