r"""textclean: turn messy scraped text into clean text.

>>> import textclean
>>> textclean.clean("Hello,   \r\nworld!\n\n\n\n")
'Hello,\nworld!\n'
>>> textclean.clean(" x ", steps=[str.strip])
'x'
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from textclean import registry
from textclean.errors import (
    ConfigError,
    InputError,
    InvalidOptionError,
    NotPicklableError,
    RegistrationError,
    TextcleanError,
    UnknownStepError,
)
from textclean.io import decode
from textclean.pipeline import Explanation, Pipeline, StepLike, as_step_tuple
from textclean.registry import DEFAULT_STEPS, cleaner

__all__ = [
    "DEFAULT_STEPS",
    "ConfigError",
    "Explanation",
    "InputError",
    "InvalidOptionError",
    "NotPicklableError",
    "Pipeline",
    "RegistrationError",
    "TextcleanError",
    "UnknownStepError",
    "clean",
    "cleaner",
    "decode",
]

_DISTRIBUTION = "textclean-kit"
"""The name textclean is installed under (``pip install textclean-kit``); it is imported as ``textclean``."""


def __getattr__(name: str) -> str:
    """Give ``textclean.__version__``, read from the installed package's metadata when asked.

    The version is written once, in ``pyproject.toml``; reading it costs a look through the installed
    packages, so it is done only when asked for.
    """
    if name == "__version__":
        import importlib.metadata

        try:
            return importlib.metadata.version(_DISTRIBUTION)
        except importlib.metadata.PackageNotFoundError:  # imported from a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def clean(
    text: str,
    steps: StepLike | Sequence[StepLike] | None = None,
    options: Mapping[str, Mapping[str, Any]] | None = None,
) -> str:
    """Clean ``text`` with the default pipeline, or with the given steps and options.

    ``steps`` is a list of step names and functions, or a single one. Pipelines are cached, so calling
    this in a loop costs no more than reusing a :class:`Pipeline`.

    >>> clean("Read [the report](https://example.org/r).", steps="links")
    'Read the report.'
    """
    return _pipeline(steps, options)(text)


def _pipeline(steps: StepLike | Sequence[StepLike] | None, options: Mapping[str, Mapping[str, Any]] | None) -> Pipeline:
    try:
        key = (None if steps is None else as_step_tuple(steps), json.dumps(options, sort_keys=True) if options else "")
        hash(key)
    except TypeError:  # unhashable steps or options that JSON cannot express: build afresh
        return Pipeline(steps, options)
    return _cached_pipeline(key[0], key[1], registry.generation())


@lru_cache(maxsize=64)
def _cached_pipeline(steps: tuple[StepLike, ...] | None, options_json: str, generation: int) -> Pipeline:
    return Pipeline(steps, json.loads(options_json) if options_json else None)
