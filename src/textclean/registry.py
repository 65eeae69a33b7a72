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
import importlib
import inspect
import json
import re
import sys
import types
import typing
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, NamedTuple, TypeVar

from textclean.edits import Edit, derive_edits
from textclean.errors import InvalidOptionError, RegistrationError, UnknownStepError

ENTRY_POINT_GROUP = "textclean.cleaners"
_NAME_RE = re.compile(r"[a-z][a-z0-9_-]*\Z")

FindEdits = Callable[[str, Any], list[Edit]]
Output = Callable[[str, Any], str]
# A built-in step as the native core takes it in a run of steps: its name and its options (textclean.runs).
NativeStep = tuple[str, tuple[Any, ...]]


@dataclass(frozen=True)
class CleanerSpec:
    """What the pipeline needs to know of a cleaner.

    ``make_options`` turns keyword options into the object that ``find_edits`` takes with the text;
    it raises :class:`~textclean.errors.InvalidOptionError` for a wrong name or value. ``output``, where
    a cleaner has it, gives the text its edits make without making them (the native cleaners build it
    in the core): a pipeline that explains nothing uses it. ``native``, where a cleaner has it, gives
    the step as the native core runs it with its neighbours (``None`` for options that need Python).
    """

    name: str
    find_edits: FindEdits
    make_options: Callable[..., Any]
    summary: str = ""
    describe: Callable[[], tuple[OptionInfo, ...]] = tuple  # each option's default and choices, read when asked
    output: Output | None = None
    native: Callable[[Any], NativeStep | None] | None = None


@dataclass(frozen=True)
class OptionInfo:
    """One option of a cleaner: its name, default (:data:`REQUIRED` if none) and choices (``None``: any value)."""

    name: str
    default: Any
    choices: tuple[Any, ...] | None = None

    def __str__(self) -> str:
        """Show the option as ``textclean steps`` lists it.

        >>> print(OptionInfo("urls", "drop", ("drop", "keep")))
        urls = "drop"  (one of: "drop", "keep")
        """
        default = "(required)" if self.default is REQUIRED else f"= {_toml(self.default)}"
        choices = f"  (one of: {', '.join(_toml(choice) for choice in self.choices)})" if self.choices else ""
        return f"{self.name} {default}{choices}"


REQUIRED = inspect.Parameter.empty


def builtin(
    name: str,
    find_edits: FindEdits,
    options_class: type,
    summary: str,
    *,
    output: Output | None = None,
    native: Callable[[Any], NativeStep | None] | None = None,
) -> CleanerSpec:
    """Describe a built-in cleaner: an edit finder, the frozen dataclass of its options, its output and native step."""
    fields = tuple(f.name for f in dataclasses.fields(options_class))

    def make_options(**options: Any) -> Any:
        _check_names(name, options, fields)
        values = {key: tuple(value) if isinstance(value, list) else value for key, value in options.items()}
        try:
            return options_class(**values)
        except (TypeError, ValueError) as error:
            raise InvalidOptionError(f"step {name!r}: {error}") from None

    def describe() -> tuple[OptionInfo, ...]:
        hints = typing.get_type_hints(options_class)
        return tuple(
            OptionInfo(f.name, _field_default(f), _choices(hints.get(f.name)))
            for f in dataclasses.fields(options_class)
        )

    return CleanerSpec(name, find_edits, make_options, summary, describe, output, native)


def _field_default(field: dataclasses.Field[Any]) -> Any:
    if field.default is not dataclasses.MISSING:
        return field.default
    if field.default_factory is not dataclasses.MISSING:
        return field.default_factory()
    return REQUIRED


def _choices(annotation: Any) -> tuple[Any, ...] | None:
    """Return the values a ``Literal`` annotation allows (``None`` too, if it is optional); ``None`` for any value.

    >>> _choices(typing.Literal["a", "b"] | None)
    ('a', 'b', None)
    >>> _choices(int) is None
    True
    """
    if typing.get_origin(annotation) is typing.Literal:
        return typing.get_args(annotation)
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        parts = [_choices(arg) if arg is not type(None) else (None,) for arg in typing.get_args(annotation)]
        if all(part is not None for part in parts):
            return tuple(choice for part in parts if part is not None for choice in part)
    return None


def _toml(value: Any) -> str:
    """Write an option's value as it is written in a config file or after ``--set`` (``None``, TOML has not)."""
    if value is None:
        return "none"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, tuple | list):
        return "[" + ", ".join(_toml(item) for item in value) + "]"
    return repr(value)


def _signature_options(function: Callable[..., Any], *, skip: int) -> Callable[[], tuple[OptionInfo, ...]]:
    """Describe a function's keyword options from its signature, when asked."""

    def describe() -> tuple[OptionInfo, ...]:
        try:
            parameters = list(inspect.signature(function).parameters.values())[skip:]
            hints = typing.get_type_hints(function)
        except (TypeError, ValueError, NameError):
            return ()
        kinds = (inspect.Parameter.KEYWORD_ONLY, inspect.Parameter.POSITIONAL_OR_KEYWORD)
        return tuple(OptionInfo(p.name, p.default, _choices(hints.get(p.name))) for p in parameters if p.kind in kinds)

    return describe


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

        describe = _signature_options(target.__init__, skip=1)
        return CleanerSpec(name, find_in_instance, make_instance, _summary(target), describe)
    if not callable(target):
        raise RegistrationError(f"cleaner {name!r} must be a function or a class, not {type(target).__name__}")
    fields = _keyword_names(target, skip=1)

    def make_kwargs(**options: Any) -> Mapping[str, Any]:
        _check_names(name, options, fields)
        return dict(options)

    def find_with_function(text: str, options: Mapping[str, Any]) -> list[Edit]:
        return derive_edits(text, _checked_output(name, target(text, **options)), name)

    describe = _signature_options(target, skip=1)
    return CleanerSpec(name, find_with_function, make_kwargs, _summary(target), describe)


class _BuiltinEntry(NamedTuple):
    """Where a built-in cleaner lives: its module under ``textclean.cleaners`` and the names in it."""

    module: str
    find_edits: str
    options_class: str
    summary: str
    output: str | None = None  # a function that gives the cleaned text without edits, if the module has one
    native: bool = False  # the module's native_step gives the step as a run of steps hands it to the native core


# A cleaner's module is imported when the step is first used, so that a pipeline (or `textclean steps`,
# `--version`) pays only for the cleaners it needs; the order is the default pipeline's.
_BUILTIN_TABLE: dict[str, _BuiltinEntry] = {
    "mojibake": _BuiltinEntry(
        "mojibake",
        "find_mojibake_edits",
        "MojibakeOptions",
        "text decoded with the wrong codec (once or twice, whole or in part), leftover HTML entities",
        native=True,
    ),
    "unicode": _BuiltinEntry(
        "unicode",
        "find_unicode_edits",
        "UnicodeOptions",
        "NFC, one kind of line break, invisible controls and format characters, broken surrogates",
        native=True,
    ),
    "pages": _BuiltinEntry(
        "pages",
        "find_pages_edits",
        "PagesOptions",
        "running headers and footers, page numbers and form feeds out; what a page break split rejoined",
        native=True,
    ),
    "whitespace": _BuiltinEntry(
        "whitespace",
        "find_whitespace_edits",
        "WhitespaceOptions",
        "line endings to \\n, trailing spaces, runs of blank lines, blank lines at both ends",
        "whitespace_output",
        native=True,
    ),
    "linewrap": _BuiltinEntry(
        "linewrap",
        "find_linewrap_edits",
        "LinewrapOptions",
        "rejoin hard-wrapped paragraphs and split words, keeping lists, headings, tables, code and verse",
        "linewrap_output",
        native=True,
    ),
    "footer": _BuiltinEntry(
        "footer",
        "find_footer_edits",
        "FooterOptions",
        "the page's tail after the article out: comments, tags, source and copyright notices, related lists",
        "footer_output",
        native=True,
    ),
    "boilerplate": _BuiltinEntry(
        "boilerplate",
        "find_boilerplate_edits",
        "BoilerplateOptions",
        "page furniture out, block by block: menus, link lists, share prompts, bylines, captions, repeats",
        "boilerplate_output",
        native=True,
    ),
    "links": _BuiltinEntry(
        "links",
        "find_link_edits",
        "LinksOptions",
        "link, image and <a> markup to its text, reference definitions and images out, escapes undone",
        "link_output",
        native=True,
    ),
    "markup": _BuiltinEntry(
        "markup",
        "find_markup_edits",
        "MarkupOptions",
        "emphasis, heading markers, rules, quote markers, table pipes and stray tags out, words kept",
        "markup_output",
        native=True,
    ),
}
_BUILTINS: dict[str, CleanerSpec] = {}  # the built-in cleaners imported so far


def _builtin(name: str) -> CleanerSpec | None:
    """Return the built-in cleaner ``name``, importing its module on first use; ``None`` if there is none."""
    spec = _BUILTINS.get(name)
    if spec is None and name in _BUILTIN_TABLE:
        entry = _BUILTIN_TABLE[name]
        module = importlib.import_module(f"textclean.cleaners.{entry.module}")
        find_edits, options_class = getattr(module, entry.find_edits), getattr(module, entry.options_class)
        output = None if entry.output is None else getattr(module, entry.output)
        native = module.native_step if entry.native else None
        spec = builtin(name, find_edits, options_class, entry.summary, output=output, native=native)
        _BUILTINS[name] = spec
    return spec


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
        if not replace and (name in _BUILTIN_TABLE or name in _registered):
            raise RegistrationError(f"a cleaner named {name!r} exists already; pass replace=True to replace it")
        _registered[name] = from_callable(name, target)
        _generation[0] += 1
        return target

    return register


def get(name: str) -> CleanerSpec:
    """Return the cleaner registered under ``name``, loading plugins if needed."""
    if not isinstance(name, str):
        raise UnknownStepError(f"a step name must be a string, not {type(name).__name__}")
    spec = _registered.get(name) or _builtin(name) or _plugins.get(name)
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
    import difflib

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
    return sorted(set(_BUILTIN_TABLE) | set(_registered) | set(_plugins) | set(_plugin_names()))


def import_modules(modules: Sequence[str], folder: str) -> None:
    """Import modules that register cleaners, looked up in ``folder`` first, then among the installed packages.

    This is how a local cleaner is used without publishing a package (``textclean normalize --import
    house_style``). The modules are named by the user on the command line, never by a config file: a
    config may come with a tree nobody checked, and importing runs code. A module that cannot be
    imported raises :class:`~textclean.errors.RegistrationError` that names it.
    """
    if modules and folder not in sys.path:
        sys.path.insert(0, folder)
    for module in modules:
        try:
            importlib.import_module(module)
        except ModuleNotFoundError as error:
            if error.name is None or not (module == error.name or module.startswith(error.name + ".")):
                raise RegistrationError(f"{module}: failed: ModuleNotFoundError: {error}") from None
            raise RegistrationError(f"{module}: no module {module!r} in {folder} or the installed packages") from None
        except (Exception, SystemExit) as error:
            raise RegistrationError(f"{module}: failed: {type(error).__name__}: {error}") from None


def generation() -> int:
    """Return a number that changes whenever a cleaner is registered."""
    return _generation[0]


def builtin_names() -> list[str]:
    """Return the names of the cleaners that come with textclean."""
    return list(_BUILTIN_TABLE)


def _plugin_entries() -> Any:
    import importlib.metadata  # reading the installed packages' metadata takes a while: only when asked

    return importlib.metadata.entry_points(group=ENTRY_POINT_GROUP)


def _plugin_names() -> list[str]:
    return [entry.name for entry in _plugin_entries()]


def _load_plugin(name: str) -> CleanerSpec | None:
    for entry in _plugin_entries():
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
