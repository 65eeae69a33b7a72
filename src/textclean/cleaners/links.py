r"""Strip link and image markup, keeping the words a reader sees.

HTML-to-text converters leave ``[text](url)``, ``![alt](src)``, reference links and their
definition lines, ``<a href>`` tags, ``<https://autolinks>`` and backslash escapes such as
``\$4 billion`` in the text. What the markup is, is read by :mod:`textclean.text.markup_tokens`; this module
decides what each piece becomes, and tidies the space and the empty lines that removed pieces leave.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import regex

from textclean.edits import Edit, apply_edits
from textclean.rounds import find_until_settled
from textclean.text.markup_tokens import Token, tokenize_links

UrlPolicy = Literal["drop", "keep", "footnote"]
BareUrlPolicy = Literal["keep", "drop", "replace"]
_URL_POLICIES = ("drop", "keep", "footnote")
_BARE_URL_POLICIES = ("keep", "drop", "replace")

# The rule that explains each edit, by token kind.
_RULES = {
    "link": "link",
    "reference": "reference-link",
    "html_link": "html-link",
    "autolink": "autolink",
    "image": "image",
    "linked_image": "linked-image",
    "html_image": "html-image",
    "definition": "reference-definition",
    "escape": "markdown-escape",
    "bare_url": "bare-url",
}
_BLANK_LINES = regex.compile(r"(?:[ \t]*+\n)*+(?:[ \t]*+\Z)?")
# Destinations that lead nowhere a reader could follow: not worth keeping next to the text.
_NOWHERE = regex.compile(r"\A(?:#?|javascript:.*)\Z", regex.IGNORECASE | regex.DOTALL)
# A URL written out in prose. It ends before white space, quotes, brackets and angle brackets;
# punctuation at its end (and a ")" it did not open) belongs to the sentence. After a backslash it is
# left alone: what replaced it would be read as escaped.
_BARE_URL = regex.compile(r"(?<!\\)\b(?:(?:https?|ftp)://|www\.)[^\s<>\"'\[\]{}\\]++", regex.IGNORECASE)
_TRAILING_PUNCTUATION = ".,;:!?'\"*_"
# Characters next to which the space at the edge of a link's text is not needed.
_NO_SPACE_AFTER = "([{\"'\u201c\u2018/\n\t "
_NO_SPACE_BEFORE = ")]}.,;:!?\"'\u201d\u2019/\n\t "


@dataclass(frozen=True)
class LinksOptions:
    """Options of :func:`strip_link_markup`."""

    # A URL cannot be followed in plain text; beside the link text it is noise to a reader.
    urls: UrlPolicy = "drop"
    # A URL the author wrote out in prose is part of what was written.
    bare_urls: BareUrlPolicy = "keep"
    # Not markup to any cleaner, so a second run leaves it alone.
    url_token: str = "<URL>"

    def __post_init__(self) -> None:
        if self.urls not in _URL_POLICIES:
            raise ValueError(f"urls must be one of {', '.join(map(repr, _URL_POLICIES))}, not {self.urls!r}")
        if self.bare_urls not in _BARE_URL_POLICIES:
            allowed = ", ".join(map(repr, _BARE_URL_POLICIES))
            raise ValueError(f"bare_urls must be one of {allowed}, not {self.bare_urls!r}")
        if self.urls != "drop" and self.bare_urls != "keep":
            raise ValueError(
                f"urls={self.urls!r} writes URLs into the text, which bare_urls={self.bare_urls!r} would take "
                "out again on a second run: use bare_urls='keep' with it"
            )
        if not isinstance(self.url_token, str) or _BARE_URL.search(self.url_token) or "[" in self.url_token:
            raise ValueError(f"url_token must be a string with no URL and no '[', not {self.url_token!r}")


def find_link_edits(text: str, options: LinksOptions = LinksOptions()) -> list[Edit]:
    r"""Find the edits that strip link markup from ``text`` (see :func:`strip_link_markup`).

    Undoing markup can make new markup (``\\[a](b)`` gives ``[a](b)``; taking the image out of
    ``[a]![i](x)(b)`` does too), so the result is read again until nothing changes.
    """
    notes: dict[str, int] = {}  # URL -> footnote number, over all rounds
    edits = find_until_settled(text, lambda current: _find_round(current, options, notes))
    if notes:
        edits.append(Edit(len(text), len(text), _footnote_list(text, notes), "link-footnotes", ""))
    return edits


def _find_round(text: str, options: LinksOptions, notes: dict[str, int]) -> list[Edit]:
    """Find the edits of the markup in ``text`` as it stands."""
    tokens = tokenize_links(text)
    if options.bare_urls != "keep":
        tokens = sorted([*tokens, *_bare_urls(text, tokens)], key=lambda token: token.start)
    edits: list[Edit] = []
    cleared = -1  # where the removed or blank start of the current line ends
    plain = options.urls == "drop"
    for token in tokens:
        kind, start, end, new = token.kind, token.start, token.end, token.text
        if kind == "code":
            continue
        if not (plain and kind == "link" and new and not new[0].isspace() and not new[-1].isspace()):
            new = _replacement(text, token, options, notes)  # (a plain link's text is what it shows)
        rule = _RULES[kind]
        if not new:
            start, end = _removal_span(text, start, end, edits[-1] if edits else None, cleared)
            line_start = _skip_back(text, start, " \t>")
            cleared = end if line_start == 0 or text[line_start - 1] == "\n" or line_start == cleared else -1
        edits.append(Edit(start, end, new, rule, text[start:end]))
    if edits and edits[-1].end == len(text) and not edits[-1].new:
        _take_blank_lines_before_last_block(text, edits)
    return edits


def _take_blank_lines_before_last_block(text: str, edits: list[Edit]) -> None:
    """Let the removed lines at the end of the text take the blank lines before them along."""
    first = len(edits) - 1
    while first > 0 and not edits[first - 1].new and edits[first - 1].end == edits[first].start:
        first -= 1
    edit = edits[first]
    floor = edits[first - 1].end if first > 0 else 0
    start = edit.start
    while start > floor and start >= 2 and _is_blank(text, text.rfind("\n", 0, start - 1) + 1, start - 1):
        start = text.rfind("\n", 0, start - 1) + 1
    edits[first] = Edit(start, edit.end, "", edit.rule, text[start : edit.end])


def strip_link_markup(
    text: str, *, urls: UrlPolicy = "drop", bare_urls: BareUrlPolicy = "keep", url_token: str = "<URL>"
) -> str:
    r"""Turn link, image and escape markup into the plain text a reader sees.

    Links (inline, reference, ``<a>``) become their text, images and reference definitions go
    (a line that held only them goes with them), autolinks become their URL and markdown escapes
    are undone. Look-alikes stay as they are: ``[sic]``, ``[1]``, ``a [b] (c)``, ``x < y``,
    ``C:\Users``. A URL in a link is dropped by default, since plain text cannot follow it.

    Args:
        text: the text to clean.
        urls: what becomes of a link's URL: ``"drop"``; ``"keep"`` as "text (url)"; or
            ``"footnote"``: "text [1]", with the numbered URLs listed at the end.
        bare_urls: what becomes of URLs written out in prose (and of autolinks): ``"keep"``,
            ``"drop"``, or ``"replace"`` with ``url_token``. Only with ``urls="drop"``.
        url_token: what ``bare_urls="replace"`` puts in a URL's place.

    >>> strip_link_markup("By [Robert Bridge](#), \\$4 billion [sic]")
    'By Robert Bridge, $4 billion [sic]'
    >>> strip_link_markup("See [the report](https://x.org/r) ![chart](c.png) now.", urls="keep")
    'See the report (https://x.org/r) now.'
    >>> print(strip_link_markup("A [story](https://x.org/s) at <https://x.org>", urls="footnote"))
    A story [1] at https://x.org
    <BLANKLINE>
    [1] https://x.org/s
    >>> strip_link_markup("Read https://x.org/a, then <b@x.org>.", bare_urls="replace")
    'Read <URL>, then <URL>.'
    """
    options = LinksOptions(urls=urls, bare_urls=bare_urls, url_token=url_token)
    return apply_edits(text, find_link_edits(text, options))


def _replacement(text: str, token: Token, options: LinksOptions, notes: dict[str, int]) -> str:
    """Say what ``token`` becomes."""
    if token.kind == "escape":
        return token.text
    if token.kind in ("autolink", "bare_url"):
        return _bare_url(token.text, options)
    if token.kind not in ("link", "reference", "html_link"):
        return ""  # images, linked images and definitions show nothing
    shown = _trim_edges(text, token)
    url = _written_url(token.url or "")
    if options.urls == "drop" or not shown or _NOWHERE.match(url) or url == shown.strip():
        return shown
    if options.urls == "keep":
        return f"{shown} ({url})"
    if options.urls == "footnote":
        number = notes.setdefault(url, len(notes) + 1)
        return f"{shown} [{number}]"
    return shown


def _written_url(url: str) -> str:
    r"""Return a link's URL as the text shows it: a backslash percent-encoded, as browsers send it.

    Written as is, ``\[`` would read as a markdown escape on the next pass and lose its backslash.

    >>> _written_url("https://x.org/a\\[b")
    'https://x.org/a%5C[b'
    """
    return url.replace("\\", "%5C")


def _bare_url(url: str, options: LinksOptions) -> str:
    if options.bare_urls == "drop":
        return ""
    if options.bare_urls == "replace":
        return options.url_token
    return url


def _trim_edges(text: str, token: Token) -> str:
    """Return a link's text with the white space at its edges kept only where it separates words."""
    shown = token.text
    core = shown.strip()
    if not core:
        return ""
    if shown[0].isspace() and token.start > 0 and text[token.start - 1] not in _NO_SPACE_AFTER:
        core = " " + core
    if shown[-1].isspace() and token.end < len(text) and text[token.end] not in _NO_SPACE_BEFORE:
        core += " "
    return core


def _removal_span(text: str, start: int, end: int, previous: Edit | None, cleared: int) -> tuple[int, int]:
    """Widen the span of removed markup to the space or the empty lines it would leave behind.

    Markup alone on its line (or with other removed markup: ``cleared`` is where the removed or
    blank start of the line ends) takes the line with it, and the blank line after it if one was
    before it (at the end of the text, the blank lines before it). Markup inside a line takes one of
    the spaces around it. No span reaches back into the ``previous`` edit. Only the white space next
    to the markup is read, so that many pieces on one long line cost no more than one.
    """
    floor = previous.end if previous else 0
    before = max(_skip_back(text, start, " \t>"), floor)  # ">": the mark of a quoted line
    after = _skip_forward(text, end, " \t")
    at_line_start = before == 0 or text[before - 1] == "\n" or before == cleared
    at_line_end = after == len(text) or text[after] == "\n"
    if not (at_line_start and at_line_end):
        if start > floor and text[start - 1] in " \t" and (end == len(text) or text[end] in " \t\n.,;:!?)"):
            return start - 1, end
        if end < len(text) and text[end] in " \t" and (start == 0 or text[start - 1] in "(\n"):
            return start, end + 1
        return start, end
    start = max(before, floor)
    end = min(after + 1, len(text))
    line_start = _skip_back(text, previous.start if previous and before == cleared else start, " \t>")
    previous_line_end = _skip_back(text, line_start - 1, " \t") if line_start > 0 else 0
    if previous_line_end == 0 or text[previous_line_end - 1] == "\n":  # a block of its own
        end = _BLANK_LINES.match(text, end).end()  # type: ignore[union-attr]  # it matches the empty string
    return start, end


def _skip_back(text: str, pos: int, chars: str) -> int:
    while pos > 0 and text[pos - 1] in chars:
        pos -= 1
    return pos


def _skip_forward(text: str, pos: int, chars: str) -> int:
    while pos < len(text) and text[pos] in chars:
        pos += 1
    return pos


def _is_blank(text: str, start: int, end: int) -> bool:
    """Say whether ``text[start:end]`` is white space only."""
    return not text[start:end].strip()


def _bare_urls(text: str, tokens: list[Token]) -> list[Token]:
    """Find the URLs written out in prose, outside any markup, as tokens."""
    found = []
    index = 0
    for match in _BARE_URL.finditer(text):
        start, end = match.span()
        end = _url_end(text, start, end)
        while index < len(tokens) and tokens[index].end <= start:
            index += 1
        if index == len(tokens) or tokens[index].start >= end:  # not inside markup
            found.append(Token("bare_url", start, end, text[start:end], text[start:end]))
    return found


def _url_end(text: str, start: int, end: int) -> int:
    """Return where a URL found in prose ends, leaving the sentence its punctuation."""
    while end > start:
        last = text[end - 1]
        unopened = last == ")" and text.count("(", start, end) < text.count(")", start, end)
        if last not in _TRAILING_PUNCTUATION and not unopened:
            break
        end -= 1
    return end


def _footnote_list(text: str, notes: dict[str, int]) -> str:
    """Return the numbered list of URLs added at the end of the text, after a blank line."""
    listing = "\n".join(f"[{number}] {url}" for url, number in notes.items())
    if text.endswith("\n"):
        return ("" if text.endswith("\n\n") else "\n") + listing + "\n"
    return "\n\n" + listing
