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
follows (``x < y``, ``<3``). The formatting markup (emphasis, headings, rules, quotes, list markers,
tables, stray tags) is found by :func:`tokenize_markup`, whose scanners run in the native core.

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
# Its scanners run in the native core (native/src/formatting.rs), each linear in the text.

MARKUP_KINDS = frozenset(
    {"emphasis", "empty_emphasis", "rule", "empty_item", "heading", "quote", "list_marker", "table_rule", "cell", "tag"}
)  # every kind of token tokenize_markup finds


@functools.lru_cache(maxsize=32)
def _kind_mask(kinds: frozenset[str]) -> int:
    """Return the mask of ``kinds`` that the native core reads: bit ``i`` for ``MARKUP_KIND_BITS[i]``."""
    return sum(1 << bit for bit, kind in enumerate(_native.MARKUP_KIND_BITS) if kind in kinds)


def tokenize_markup(text: str, kinds: frozenset[str] = MARKUP_KINDS) -> list[Token]:
    r"""Find the formatting markup of ``text``: what HTML-to-text converters leave besides links.

    Kinds: ``emphasis`` (one delimiter of a pair: ``**``, ``__``, ``*``, ``_``), ``empty_emphasis``,
    ``heading`` (the ``## `` marker), ``rule`` and ``table_rule`` and ``empty_item`` (whole lines),
    ``quote`` (the ``>`` markers), ``list_marker``, ``cell`` (a table's ``|``, whose ``text`` is a tab)
    and ``tag`` (a stray HTML tag, whose ``text`` is a line break for a block element between words).
    Only the ``kinds`` asked for are sought. The tokens are sorted and do not overlap; ``text`` is what
    a reader sees in a token's place. The scanners run in the native core.

    >>> [(t.kind, t.text) for t in tokenize_markup("## Big **news** today\n\n* * *\n> 2 * 3 * 4")]
    [('heading', ''), ('emphasis', ''), ('emphasis', ''), ('rule', ''), ('quote', '')]
    >>> [(t.kind, repr(t.text)) for t in tokenize_markup("a<br>b <span class=x>snake_case</span>")]
    [('tag', "'\\n'"), ('tag', "''"), ('tag', "''")]
    """
    found, starts, ends, shown = _native.markup_tokens(text, _kind_mask(kinds))
    return list(map(Token, found, starts, ends, shown)) if found else []
