"""The exceptions textclean raises: one base class, and subclasses that say what went wrong.

Errors about a wrong name or option are also ``ValueError``, so code that already catches
``ValueError`` keeps working.

>>> issubclass(UnknownStepError, ValueError) and issubclass(UnknownStepError, TextcleanError)
True
"""

from __future__ import annotations


class TextcleanError(Exception):
    """Base class of every error textclean raises on purpose."""


class UnknownStepError(TextcleanError, ValueError):
    """A step name that no built-in cleaner, registered cleaner or plugin provides."""


class InvalidOptionError(TextcleanError, ValueError):
    """An option that a cleaner does not have, or a value it does not accept."""


class ConfigError(TextcleanError, ValueError):
    """A configuration file that cannot be read or does not describe a pipeline."""


class RegistrationError(TextcleanError, ValueError):
    """A cleaner registered under a name that is taken, or that is not a valid step."""


class NotPicklableError(TextcleanError, TypeError):
    """A pipeline whose steps cannot be sent to another process."""


class InputError(TextcleanError):
    """Input that cannot be cleaned as given: undecodable bytes, binary data, a bad JSONL record."""


class NativeError(TextcleanError):
    """A failure inside the native core (a bug, never the text's fault); the message names the step."""
