"""An example third-party cleaner, published through the ``textclean.cleaners`` entry point.

Its package declares, in ``pyproject.toml``::

    [project.entry-points."textclean.cleaners"]
    shout = "textclean_shout:shout"
"""


def shout(text: str, *, mark: str = "!") -> str:
    """Upper-case the text and add a mark."""
    return text.upper() + mark
