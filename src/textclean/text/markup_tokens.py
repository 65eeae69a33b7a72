r"""One tokenizer of the link, image and formatting markup that HTML-to-text converters leave.

Converters such as html2text write markdown: ``[text](url "title")``, ``![alt](src)``,
``[text][1]`` with a definition line ``[1]: url``, ``<https://autolinks>``, backslash escapes
(``\$4``, ``1\.``); some pages keep raw ``<a href>`` and ``<img>`` tags. This module finds them
all, so that the ``links`` and ``markup`` cleaners and the boilerplate classifier (which reads link
density) share one account of what is markup and what a reader sees.

The scanner is hand-written and linear: it jumps between the few characters that can start
markup (``[`` ``]`` ``\`` ``<`` `````), keeps a stack of open brackets, and reads a link's
destination with possessive regexes that cannot backtrack, or by hand. Look-alikes stay plain text: a bracket
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
import re
from dataclasses import dataclass
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


# What a backslash escapes. An escaped backslash (\\) is passed over so that the character after it is
# not read as escaped, but it stays as it is: undoing it could make a new escape, and a second run
# would change the text again.
_ESCAPABLE = frozenset("\\`*_{}[]()#+-.!$<>|~")
# A shortcut, not a rule: the most common link, [plain text](url "title") with no markup inside, read
# in one step. Whatever it does not match goes the long way, to the same token. It is the one pattern
# tried at every bracket, so it is written for the standard `re` module, which starts a match several
# times faster than `regex`; its white space is spelled out as `regex` reads `\s` (Unicode's White_Space).
_WHITE_SPACE = "\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_URL_CHAR = rf"[^{_WHITE_SPACE}()\\<>`]"
_SIMPLE_TAIL = rf"""\((?P<url>{_URL_CHAR}*+(?:(?<=-)\n{_URL_CHAR}++)*+)(?:(?:[ \t]++|[ \t]*+\n[ \t]*+)"[^"\n]*+")?\)"""
_SIMPLE_LINK = re.compile(rf"""\[(?P<text>[^\[\]\\<`\n]*+(?:\n(?![ \t]*+\n)[^\[\]\\<`\n]*+)*+)\]{_SIMPLE_TAIL}""")
_SIMPLE_INLINE_TAIL = re.compile(_SIMPLE_TAIL)  # the same shortcut for the end of any link
# White space inside a link's parentheses: spaces and at most one line break (a hard wrap).
_SPACE = regex.compile(r"[ \t]*+(?:\n[ \t]*+)?")
# A run of a bare destination's characters that need no thought.
_PLAIN_DEST = regex.compile(r"[^\s()\\]++")
_ANGLE_DEST = regex.compile(r"<([^<>\n]*+)>")
# A destination html2text wrote as it found it, with spaces or line breaks in it ("tel:(954) 885-7100",
# "https://x.com/intent/tweet?text=Who's fa..."): read when a proper destination is not there, and only
# if it starts like a URL, a path or a fragment.
_LOOSE_TAIL = regex.compile(
    r"""\([ \t]*+(?P<url>(?:[A-Za-z][A-Za-z0-9+.\-]{1,31}:|[/#?]|www\.)
        [^()<>\[\]\n\\]*+(?:(?:\n(?![ \t]*+\n)|\\.|\([^()<>\[\]\n\\]*+\))[^()<>\[\]\n\\]*+)*+)\)""",
    regex.VERBOSE,
)
_BLANK_LINE = regex.compile(r"\n[ \t]*+\n")
_MAX_BLOCK_LINK = 2000  # characters a link's text may run over blank lines
# The end of a link's title: its closing quote (or parenthesis), then the ")" of the link. Quotes
# inside a title are not escaped by html2text, so a quote alone does not end it.
_TITLE_END = {
    opening: regex.compile(rf"{regex.escape(closing)}[ \t]*+(?:\n[ \t]*+)?\)")
    for opening, closing in (('"', '"'), ("'", "'"), ("(", ")"))
}
# A line break inside a URL that html2text wrapped after a hyphen, with the next line's quote marks.
_URL_WRAP = regex.compile(r"\n[ \t]*+(?:>[ \t]*+)*+(?=[^\s>])")
_MAX_PAREN_DEPTH = 3  # parentheses nest this deep in a destination (Wikipedia URLs use one level)
# A reference label after a link text: [label], or [] to use the text itself.
_LABEL = regex.compile(r"\[([^\[\]\n]{0,200}+)\]")
# A definition line of a reference link: [label]: destination "optional title".
_DEFINITION = regex.compile(
    r"""^[ \t]{0,3}\[(?P<label>[^\[\]\n]{1,200}+)\]:[ \t]*+
    (?: <(?P<angle>[^<>\n]*+)> | (?P<raw>\S++) )
    (?: [ \t]++ (?: "[^"\n]*+" | '[^'\n]*+' | \([^()\n]*+\) ) )?
    [ \t]*+$""",
    regex.VERBOSE | regex.MULTILINE,
)
# What a definition's destination looks like when nothing refers to it: a URL, a path or a fragment.
_URL_LIKE = regex.compile(r"[A-Za-z][A-Za-z0-9+.\-]{1,31}:|[/#?]|www\.|[\w\-]++(?:\.[\w\-]++)++/")
_AUTOLINK = regex.compile(r"<(?P<url>[A-Za-z][A-Za-z0-9+.\-]{1,31}:[^\s<>]++|[\w.+\-]++@[\w\-]++(?:\.[\w\-]++)++)>")
_HTML_LINK_OPEN = regex.compile(r"<a(?:\s[^<>]*+)?>", regex.IGNORECASE)
_HTML_LINK_CLOSE = regex.compile(r"</a\s*+>", regex.IGNORECASE)
_HTML_IMAGE = regex.compile(r"<img(?:\s[^<>]*+)?>", regex.IGNORECASE)
_ATTRIBUTE = {
    name: regex.compile(rf"""\s{name}\s*+=\s*+(?:"(?P<v>[^"]*+)"|'(?P<v>[^']*+)'|(?P<v>[^\s"'>]++))""", regex.I)
    for name in ("href", "src")
}
# A code span: one backtick, no backtick or line break inside, one backtick.
_CODE = regex.compile(r"`[^`\n]++`")
_BACKSLASH_ESCAPE = regex.compile(r"\\(.)", regex.DOTALL)
_SPACE_RUN = regex.compile(r"\s++")


@dataclass(slots=True)
class _Opener:
    """An ``[``, ``![`` or ``<a ...>`` not closed yet."""

    kind: str  # "bracket", "image" or "html"
    start: int
    end: int  # end of the opening markup (after "[", "![" or the <a> tag)
    url: str | None = None


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
    if "[" not in text and "<" not in text and "\\" not in text and "`" not in text:
        return []
    definitions = _find_definitions(text) if "]:" in text else []
    scanner = _Scanner(text, {_normalize_label(label): token.url for token, label in definitions})
    start = 0
    for definition, _ in definitions:
        scanner.scan(start, definition.start)
        scanner.tokens.append(definition)
        start = definition.end
    scanner.scan(start, len(text))
    tokens = scanner.tokens
    if scanner.strays:
        tokens.extend(scanner.strays)
        tokens.sort(key=lambda token: token.start)
    return tokens


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


class _Scanner:
    """The state of one scan: the tokens found so far, and the brackets and tags still open."""

    def __init__(self, text: str, labels: dict[str, str | None]) -> None:
        self.text = text
        self.labels = labels  # normalized label -> URL, of the reference definitions
        self.tokens: list[Token] = []
        self.strays: list[Token] = []  # <a> tags never closed, kept apart to keep `tokens` sorted
        self.openers: list[_Opener] = []  # open brackets and <a> tags, innermost last
        self.end = 0  # where the stretch being scanned ends
        self.checked = 0  # up to where the text was searched for blank lines
        self.last_blank = -1  # where the last blank line found starts
        self.searches = {  # searches that run far ahead, each done once (see _FirstMatch)
            name: _FirstMatch(pattern, text) for name, pattern in [*_TITLE_END.items(), ("blank", _BLANK_LINE)]
        }

    def scan(self, start: int, end: int) -> None:
        """Append the tokens of ``text[start:end]``."""
        text = self.text
        tokens = self.tokens
        self.end = end
        self.checked = start
        openers = self.openers
        find = text.find
        # The next place of each character where markup can start, or `end` if there is none left:
        # an opening bracket (of an image if "!" comes before it), a closing bracket (only while a
        # bracket is open), a backslash, a tag or autolink, a code span. str.find skips plain text far
        # faster than a regex character class can.
        bracket = closing = backslash = angle = backtick = rare = start - 1
        pos = start
        while True:
            if bracket < pos:
                bracket = find("[", pos, end) % (end + 1)
            if rare < pos:  # the first of the rare ones: a backslash, a tag or autolink, a code span
                if backslash < pos:
                    backslash = find("\\", pos, end) % (end + 1)
                if angle < pos:
                    angle = find("<", pos, end) % (end + 1)
                if backtick < pos:
                    backtick = find("`", pos, end) % (end + 1)
                rare = min(backslash, angle, backtick)
            at = bracket if bracket < rare else rare
            if openers:
                if closing < pos:
                    closing = find("]", pos, end) % (end + 1)
                at = min(at, closing)
            if at >= end:
                break
            char = text[at]
            if char == "[":
                image = at > pos and text[at - 1] == "!"
                simple = _SIMPLE_LINK.match(text, at, end)
                if simple:
                    shown, url = simple.group("text", "url")
                    pos = simple.end()
                    if image:
                        tokens.append(Token("image", at - 1, pos, "", url.replace("\n", "")))
                    else:
                        tokens.append(Token("link", at, pos, shown, url.replace("\n", "")))
                else:
                    openers.append(_Opener("image" if image else "bracket", at - image, at + 1))
                    pos = at + 1
            elif char == "]":
                pos = self._close_bracket(at)
            elif char == "<":
                pos = self._read_angle(at)
            else:
                pos = self._read_escape_or_code(at)
        self.strays.extend(_unclosed_tags(self.openers))  # an unclosed <a> tag is markup all the same
        self.openers.clear()

    def _read_escape_or_code(self, at: int) -> int:
        """Read the backslash escape or code span at ``at``; return where scanning goes on."""
        text = self.text
        if text[at] == "\\":
            escaped = text[at + 1 : at + 2]
            if escaped not in _ESCAPABLE:
                return at + 1
            if escaped != "\\":
                self.tokens.append(Token("escape", at, at + 2, escaped))
            return at + 2
        code = _CODE.match(text, at, self.end)
        if not code:
            return at + 1
        self.tokens.append(Token("code", at, code.end(), code.group()))
        return code.end()

    def _forget_earlier_paragraphs(self, at: int) -> None:
        """Forget the openers that a blank line and more than a few lines part from ``at``.

        html2text writes links around whole blocks, with blank lines inside, so a link's text may
        run over a blank line; but not far, so that a stray bracket stays plain text. Each stretch of
        text is searched for blank lines once, when something is to be closed, and only from the first
        open bracket on: a blank line before it parts nothing (and cannot run into it, being all space).
        """
        openers = self.openers
        if openers:
            for blank in _BLANK_LINE.finditer(self.text, max(self.checked, openers[0].start), at):
                self.last_blank = blank.start()
            limit = min(self.last_blank, at - _MAX_BLOCK_LINK)
            count = 0
            while count < len(openers) and openers[count].start < limit:
                count += 1
            if count:
                self.strays.extend(_unclosed_tags(openers[:count]))
                del openers[:count]
        self.checked = at

    def _close_bracket(self, close: int) -> int:
        """Read what follows the ``]`` at ``close``; return where scanning goes on."""
        self._forget_earlier_paragraphs(close)
        text, openers = self.text, self.openers
        index = len(openers) - 1
        while index >= 0 and openers[index].kind == "html":
            index -= 1
        if index < 0:
            return close + 1
        opener = openers[index]
        after = close + 1
        url: str | None
        if text.startswith("(", after):
            simple = _SIMPLE_INLINE_TAIL.match(text, after, self.end)
            tail = (simple.group("url").replace("\n", ""), simple.end()) if simple else None
            tail = tail or _read_inline_tail(text, after, self.end, self.searches)
            loose = None if tail else _LOOSE_TAIL.match(text, after, self.end)
            if loose:
                tail = _unescape(loose.group("url").replace("\n", "").strip()), loose.end()
            if tail is None:
                del openers[index]
                return after
            url, stop = tail
            kind = "link"
        else:
            label = _LABEL.match(text, after, self.end) if self.labels and text.startswith("[", after) else None
            key = _normalize_label((label and label.group(1)) or text[opener.end : close])
            if label is None or key not in self.labels:
                del openers[index]
                return after
            url = self.labels[key]
            kind = "reference"
            stop = label.end()
        inner = self._take_inner(index)
        if opener.kind == "image":
            self.tokens.append(Token("image", opener.start, stop, "", url))
            return stop
        shown = _read_inner(text, opener.end, close, inner)
        if not shown.strip() and any(token.kind in IMAGE_KINDS for token in inner):
            kind = "linked_image"
        self.tokens.append(Token(kind, opener.start, stop, shown, url))
        return stop

    def _read_angle(self, at: int) -> int:
        """Read the tag or autolink starting with the ``<`` at ``at``; return where scanning goes on."""
        text, end, openers = self.text, self.end, self.openers
        autolink = _AUTOLINK.match(text, at, end)
        if autolink:
            url = autolink.group("url")
            self.tokens.append(Token("autolink", at, autolink.end(), url, url))
            return autolink.end()
        image = _HTML_IMAGE.match(text, at, end)
        if image:
            self.tokens.append(Token("html_image", at, image.end(), "", _attribute(image.group(), "src")))
            return image.end()
        opening = _HTML_LINK_OPEN.match(text, at, end)
        if opening:
            openers.append(_Opener("html", at, opening.end(), _attribute(opening.group(), "href")))
            return opening.end()
        closing = _HTML_LINK_CLOSE.match(text, at, end)
        if not closing:
            return at + 1
        self._forget_earlier_paragraphs(at)
        index = len(openers) - 1
        while index >= 0 and openers[index].kind != "html":
            index -= 1
        if index < 0:  # a stray </a>
            self.tokens.append(Token("html_link", at, closing.end(), ""))
            return closing.end()
        opener = openers[index]
        shown = _read_inner(text, opener.end, at, self._take_inner(index))
        self.tokens.append(Token("html_link", opener.start, closing.end(), shown, opener.url))
        return closing.end()

    def _take_inner(self, index: int) -> list[Token]:
        """Close ``openers[index]`` and all opened after it; return the tokens found since it opened."""
        opener = self.openers[index]
        inner = _unclosed_tags(self.openers[index + 1 :])
        del self.openers[index:]
        tokens = self.tokens
        while tokens and tokens[-1].start >= opener.start:
            inner.append(tokens.pop())
        inner.sort(key=lambda token: token.start)
        return inner


class _FirstMatch:
    """Where a pattern first matches at or after a place, for places that only move forward.

    A search that found its match far ahead is remembered, so that the searches of all the links of
    a text read each character at most once, whatever stray quotes and brackets it holds.
    """

    def __init__(self, pattern: regex.Pattern[str], text: str) -> None:
        self.pattern = pattern
        self.text = text
        self.found = -1  # where the last search found a match (-1: there is none after it)
        self.after = len(text) + 1  # where the last search began

    def at_or_after(self, pos: int) -> int:
        """Return where the first match at or after ``pos`` starts, or -1."""
        if self.after <= pos and (self.found >= pos or self.found < 0):
            return self.found
        match = self.pattern.search(self.text, pos)
        self.after = pos
        self.found = match.start() if match else -1
        return self.found


def _read_inline_tail(text: str, at: int, end: int, searches: dict[str, _FirstMatch]) -> tuple[str, int] | None:
    """Read ``(destination "title")`` at ``at``: return the URL and the end, or None if it is not one.

    Written out by hand rather than as one regex, so that every step moves on by a run of characters
    and nothing is read twice (a regex repeating a group keeps state for each round).
    """
    pos = _skip_space(text, at + 1, end)
    angle = _ANGLE_DEST.match(text, pos, end)
    titled = pos > at + 1 and text[pos : pos + 1] in ('"', "'")  # only a title: ( "Scroll to top")
    if titled:
        url = ""
    elif angle:
        url = angle.group(1)
        pos = angle.end()
    else:
        depth = 0
        pieces = []  # the destination, without the line breaks of a wrap
        start = pos
        while pos < end:
            run = _PLAIN_DEST.match(text, pos, end)
            if run:
                pos = run.end()
                continue
            char = text[pos]
            if char == "\\" and pos + 1 < end and text[pos + 1] != "\n":
                pos += 2
            elif char == "(" and depth < _MAX_PAREN_DEPTH:
                depth += 1
                pos += 1
            elif char == ")" and depth > 0:
                depth -= 1
                pos += 1
            elif char == "\n" and text[pos - 1] == "-" and (wrap := _URL_WRAP.match(text, pos, end)):
                pieces.append(text[start:pos])
                pos = start = wrap.end()
            else:
                break
        if depth:
            return None
        pieces.append(text[start:pos])
        url = "".join(pieces)
    spaced = _skip_space(text, pos, end)
    if (spaced > pos or titled) and spaced < end and text[spaced] in _TITLE_END:
        close = searches[text[spaced]].at_or_after(spaced + 1)
        blank = searches["blank"].at_or_after(spaced)
        if close < 0 or (0 <= blank < close):
            return None
        stop = _TITLE_END[text[spaced]].match(text, close).end()  # type: ignore[union-attr]  # found above
        return (_unescape(url), stop) if stop <= end else None
    if not text.startswith(")", spaced):
        return None
    return _unescape(url), spaced + 1


def _skip_space(text: str, pos: int, end: int) -> int:
    match = _SPACE.match(text, pos, end)
    return match.end() if match else pos


def _unclosed_tags(openers: list[_Opener]) -> list[Token]:
    """Make tokens with no text of the ``<a>`` tags never closed: they are markup all the same."""
    return [Token("html_link", o.start, o.end, "", o.url) for o in openers if o.kind == "html"]


def _read_inner(text: str, start: int, end: int, inner: list[Token]) -> str:
    """Read ``text[start:end]`` as a reader sees it, given the tokens found inside it."""
    parts = []
    pos = start
    for token in inner:
        parts.append(text[pos : token.start])
        parts.append(token.text)
        pos = token.end
    parts.append(text[pos:end])
    return "".join(parts)


def _find_definitions(text: str) -> list[tuple[Token, str]]:
    """Find the definition lines of reference links, each with its label.

    A line of that shape is a definition if its destination looks like a URL or something refers
    to its label (``[Note]: corrected`` in prose is neither).
    """
    found = []
    for match in _DEFINITION.finditer(text):
        url = match.group("angle") if match.group("angle") is not None else match.group("raw")
        label = match.group("label")
        if _URL_LIKE.match(url) or f"][{label}]" in text or f"[{label}][]" in text:
            found.append((Token("definition", match.start(), match.end(), "", _unescape(url)), label))
    return found


def _attribute(tag: str, name: str) -> str | None:
    match = _ATTRIBUTE[name].search(tag)
    return match.group("v") if match else None


def _normalize_label(label: str) -> str:
    return _SPACE_RUN.sub(" ", label).strip().casefold()


def _unescape(url: str) -> str:
    return _BACKSLASH_ESCAPE.sub(r"\1", url) if "\\" in url else url


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
