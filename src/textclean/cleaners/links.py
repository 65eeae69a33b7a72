r"""Strip link and image markup, keeping the words a reader sees.

HTML-to-text converters leave ``[text](url)``, ``![alt](src)``, reference links and their
definition lines, ``<a href>`` tags, ``<https://autolinks>`` and backslash escapes such as
``\$4 billion`` in the text. What the markup is, is read by :mod:`textclean.text.markup_tokens`; what
each piece becomes, and how the space and the empty lines that removed pieces leave are tidied, is
decided in the native core (``native/src/links_edits.rs``), without the GIL.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from textclean import _native
from textclean.edits import Edit, edits_from_lists
from textclean.registry import NativeStep

UrlPolicy = Literal["drop", "keep", "footnote"]
BareUrlPolicy = Literal["keep", "drop", "replace"]
_URL_POLICIES = ("drop", "keep", "footnote")
_BARE_URL_POLICIES = ("keep", "drop", "replace")


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
        if not isinstance(self.url_token, str) or _native.contains_bare_url(self.url_token) or "[" in self.url_token:
            raise ValueError(f"url_token must be a string with no URL and no '[', not {self.url_token!r}")


def find_link_edits(text: str, options: LinksOptions = LinksOptions()) -> list[Edit]:
    r"""Find the edits that strip link markup from ``text`` (see :func:`strip_link_markup`).

    Undoing markup can make new markup (``\\[a](b)`` gives ``[a](b)``; taking the image out of
    ``[a]![i](x)(b)`` does too), so the result is read again until nothing changes. The rules run in
    the native core.
    """
    return edits_from_lists(text, _native.link_edits(text, options.urls, options.bare_urls, options.url_token))


def link_output(text: str, options: LinksOptions = LinksOptions()) -> str:
    """Return ``text`` with the edits of :func:`find_link_edits` made, built in the native core.

    >>> link_output("Read [the report](https://x.org/r).")
    'Read the report.'
    """
    return _native.link_output(text, options.urls, options.bare_urls, options.url_token)


def native_step(options: LinksOptions) -> NativeStep | None:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``).

    ``None`` for a URL token that is no valid Unicode (it holds a lone surrogate).
    """
    try:
        options.url_token.encode()
    except UnicodeEncodeError:
        return None
    return ("links", (options.urls, options.bare_urls, options.url_token))


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
    return link_output(text, options)
