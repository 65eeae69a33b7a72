"""Step names and the cleaners behind them.

Built-in cleaners are listed here, in one table, so that looking one up never depends on what was
imported before. Users add their own with the :func:`cleaner` decorator, and installed packages
add theirs through the entry-point group ``textclean.cleaners``, loaded only when a name is not
found otherwise.

>>> get("whitespace").name
'whitespace'
>>> get("no-such-step")
Traceback (most recent call last):
...
textclean.errors.UnknownStepError: unknown step 'no-such-step'; known steps: ...
"""

from __future__ import annotations

import dataclasses
import difflib
import importlib.metadata
import inspect
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, TypeVar

from textclean.cleaners import boilerplate, footer, linewrap, links, markup, mojibake, pages, unicode, whitespace
from textclean.edits import Edit, derive_edits
from textclean.errors import InvalidOptionError, RegistrationError, UnknownStepError

ENTRY_POINT_GROUP = "textclean.cleaners"
_NAME_RE = re.compile(r"[a-z][a-z0-9_-]*\Z")

FindEdits = Callable[[str, Any], list[Edit]]


@dataclass(frozen=True)
class CleanerSpec:
    """What the pipeline needs to know of a cleaner.

    ``make_options`` turns keyword options into the object that ``find_edits`` takes with the text;
    it raises :class:`~textclean.errors.InvalidOptionError` for a wrong name or value.
    """

    name: str
    find_edits: FindEdits
    make_options: Callable[..., Any]
    option_names: tuple[str, ...]
    summary: str = ""


def builtin(name: str, find_edits: FindEdits, options_class: type, summary: str) -> CleanerSpec:
    """Describe a built-in cleaner: an edit finder and the frozen dataclass of its options."""
    fields = tuple(f.name for f in dataclasses.fields(options_class))

    def make_options(**options: Any) -> Any:
        _check_names(name, options, fields)
        values = {key: tuple(value) if isinstance(value, list) else value for key, value in options.items()}
        try:
            return options_class(**values)
        except (TypeError, ValueError) as error:
            raise InvalidOptionError(f"step {name!r}: {error}") from None

    return CleanerSpec(name, find_edits, make_options, fields, summary)


def from_callable(name: str, target: Callable[..., Any]) -> CleanerSpec:
    """Describe a user's cleaner: a function ``(text, **options) -> str``, or a class.

    A class is instantiated with the options; the instance is called with the text, or, if it has a
    ``find_edits(text)`` method returning :class:`~textclean.edits.Edit` objects, that is used.
    """
    if inspect.isclass(target):
        fields = _keyword_names(target.__init__, skip=1)

        def make_instance(**options: Any) -> Any:
            _check_names(name, options, fields)
            try:
                return target(**options)
            except (TypeError, ValueError) as error:
                raise InvalidOptionError(f"step {name!r}: {error}") from None

        def find_in_instance(text: str, instance: Any) -> list[Edit]:
            if hasattr(instance, "find_edits"):
                return list(instance.find_edits(text))
            return derive_edits(text, _checked_output(name, instance(text)), name)

        return CleanerSpec(name, find_in_instance, make_instance, fields, _summary(target))
    if not callable(target):
        raise RegistrationError(f"cleaner {name!r} must be a function or a class, not {type(target).__name__}")
    fields = _keyword_names(target, skip=1)

    def make_kwargs(**options: Any) -> Mapping[str, Any]:
        _check_names(name, options, fields)
        return dict(options)

    def find_with_function(text: str, options: Mapping[str, Any]) -> list[Edit]:
        return derive_edits(text, _checked_output(name, target(text, **options)), name)

    return CleanerSpec(name, find_with_function, make_kwargs, fields, _summary(target))


_BUILTINS: dict[str, CleanerSpec] = {
    spec.name: spec
    for spec in (
        builtin(
            "mojibake",
            mojibake.find_mojibake_edits,
            mojibake.MojibakeOptions,
            "text decoded with the wrong codec (once or twice, whole or in part), leftover HTML entities",
        ),
        builtin(
            "unicode",
            unicode.find_unicode_edits,
            unicode.UnicodeOptions,
            "NFC, one kind of line break, invisible controls and format characters, broken surrogates",
        ),
        builtin(
            "boilerplate",
            boilerplate.find_boilerplate_edits,
            boilerplate.BoilerplateOptions,
            "page furniture out, block by block: menus, link lists, share prompts, bylines, captions, repeats",
        ),
        builtin(
            "footer",
            footer.find_footer_edits,
            footer.FooterOptions,
            "the page's tail after the article out: comments, tags, source and copyright notices, related lists",
        ),
        builtin(
            "links",
            links.find_link_edits,
            links.LinksOptions,
            "link, image and <a> markup to its text, reference definitions and images out, escapes undone",
        ),
        builtin(
            "markup",
            markup.find_markup_edits,
            markup.MarkupOptions,
            "emphasis, heading markers, rules, quote markers, table pipes and stray tags out, words kept",
        ),
        builtin(
            "pages",
            pages.find_pages_edits,
            pages.PagesOptions,
            "running headers and footers, page numbers and form feeds out; what a page break split rejoined",
        ),
        builtin(
            "linewrap",
            linewrap.find_linewrap_edits,
            linewrap.LinewrapOptions,
            "rejoin hard-wrapped paragraphs and split words, keeping lists, headings, tables, code and verse",
        ),
        builtin(
            "whitespace",
            whitespace.find_whitespace_edits,
            whitespace.WhitespaceOptions,
            "line endings to \\n, trailing spaces, runs of blank lines, blank lines at both ends",
        ),
    )
}

DEFAULT_STEPS: tuple[str, ...] = (
    "mojibake",
    "unicode",
    "pages",
    "whitespace",
    "linewrap",
    "footer",
    "boilerplate",
    "links",
    "markup",
    "whitespace",
)
"""The steps of ``textclean.clean(text)`` and of ``textclean normalize`` without ``--steps``."""

_registered: dict[str, CleanerSpec] = {}
_plugins: dict[str, CleanerSpec] = {}
_generation = [0]  # bumped by every registration, so that cached pipelines never use a replaced cleaner

T = TypeVar("T", bound=Callable[..., Any])


def cleaner(name: str, *, replace: bool = False) -> Callable[[T], T]:
    """Register a function or class as a cleaner under ``name``.

    The function takes the text and keyword options and returns the cleaned text; a class is built
    with the options and called with the text. The decorated object is returned unchanged.

    >>> @cleaner("shout-example", replace=True)
    ... def shout(text: str, *, mark: str = "!") -> str:
    ...     return text.upper() + mark
    >>> import textclean
    >>> textclean.clean("hi", steps=["shout-example"], options={"shout-example": {"mark": "?"}})
    'HI?'
    """
    _check_step_name(name)

    def register(target: T) -> T:
        if not replace and (name in _BUILTINS or name in _registered):
            raise RegistrationError(f"a cleaner named {name!r} exists already; pass replace=True to replace it")
        _registered[name] = from_callable(name, target)
        _generation[0] += 1
        return target

    return register


def get(name: str) -> CleanerSpec:
    """Return the cleaner registered under ``name``, loading plugins if needed."""
    if not isinstance(name, str):
        raise UnknownStepError(f"a step name must be a string, not {type(name).__name__}")
    spec = _registered.get(name) or _BUILTINS.get(name) or _plugins.get(name)
    if spec is not None:
        return spec
    spec = _load_plugin(name)
    if spec is None:
        raise UnknownStepError(_unknown_step_message(name))
    return spec


def _unknown_step_message(name: str) -> str:
    """Say that ``name`` is unknown, list the known names, and suggest the likely fix.

    >>> print(_unknown_step_message("whitespaces"))
    unknown step 'whitespaces'; known steps: ...; did you mean 'whitespace'?
    >>> print(_unknown_step_message("house-style"))
    unknown step 'house-style'; known steps: ...; a cleaner registered with @textclean.cleaner exists only once
    the module that registers it is imported, ...
    """
    known = names()
    close = difflib.get_close_matches(name, known, n=1)
    hint = (
        f"did you mean {close[0]!r}?"
        if close
        else "a cleaner registered with @textclean.cleaner exists only once the module that registers it is "
        f"imported, or once a package that publishes it through the entry-point group {ENTRY_POINT_GROUP!r} is "
        "installed"
    )
    return f"unknown step {name!r}; known steps: {', '.join(known)}; {hint}"


def names() -> list[str]:
    """Return every step name that can be used: built-in, registered, and installed plugins."""
    plugin_names = {entry.name for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)}
    return sorted(set(_BUILTINS) | set(_registered) | set(_plugins) | plugin_names)


def generation() -> int:
    """Return a number that changes whenever a cleaner is registered."""
    return _generation[0]


def builtin_names() -> list[str]:
    """Return the names of the cleaners that come with textclean."""
    return list(_BUILTINS)


def _load_plugin(name: str) -> CleanerSpec | None:
    for entry in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        if entry.name != name:
            continue
        try:
            target = entry.load()
        except Exception as error:  # a broken plugin must say which one, not crash the lookup
            raise RegistrationError(f"plugin step {name!r} ({entry.value}) failed to load: {error}") from error
        spec = target if isinstance(target, CleanerSpec) else from_callable(name, target)
        _plugins[name] = spec
        return spec
    return None


def _check_step_name(name: str) -> None:
    if not isinstance(name, str) or not _NAME_RE.match(name):
        raise RegistrationError(
            f"invalid cleaner name {name!r}: use lower-case letters, digits, '-' and '_', starting with a letter"
        )


def _check_names(step: str, options: Mapping[str, Any], known: tuple[str, ...]) -> None:
    unknown = sorted(set(options) - set(known))
    if unknown:
        allowed = ", ".join(known) if known else "none"
        raise InvalidOptionError(f"step {step!r} has no option {unknown[0]!r}; its options: {allowed}")


def _keyword_names(function: Callable[..., Any], *, skip: int) -> tuple[str, ...]:
    try:
        parameters = list(inspect.signature(function).parameters.values())[skip:]
    except (TypeError, ValueError):
        return ()
    kinds = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
    return tuple(p.name for p in parameters if p.kind in kinds)


def _checked_output(name: str, output: object) -> str:
    if not isinstance(output, str):
        raise TypeError(f"cleaner {name!r} returned {type(output).__name__}, not str")
    return output


def _summary(target: object) -> str:
    doc = inspect.getdoc(target) or ""
    return doc.split("\n", 1)[0]
