# ruff: noqa: RUF001, RUF003  (the characters of mojibake are this module's subject)
"""Character classes of mojibake: what UTF-8 bytes look like after a wrong single-byte decoding.

UTF-8 writes every non-ASCII character as a lead byte (0xC2-0xF4) followed by one to three
continuation bytes (0x80-0xBF). Decoded with Windows-1252, Latin-1 or Mac Roman instead, those
bytes become the characters below; a lead character directly followed by a continuation character
of the same codec is the fingerprint of mojibake. Correct text almost never holds such a pair, so
searching for one is the cheap gate that keeps clean text away from ftfy.

The classes are computed from the codecs themselves, not typed by hand.
"""

from __future__ import annotations

import html.entities
import re

import ftfy.bad_codecs  # registers ftfy's "sloppy-windows-125x" codecs
import ftfy.chardata
import regex


def _decoded(codec: str, first: int, last: int) -> str:
    """Return the characters that the bytes ``first..last`` decode to in ``codec``."""
    return bytes(range(first, last + 1)).decode(codec)


def _char_class(chars: str) -> str:
    """Return a regex character class of ``chars``, each one escaped."""
    return "[" + "".join(regex.escape(char) for char in sorted(set(chars))) + "]"


# Windows-1252 as browsers read it (unassigned bytes pass through as C1 controls), and Mac Roman.
WINDOWS_CODEC = "sloppy-windows-1252"
MAC_CODEC = "macroman"
# Every single-byte codec that ftfy can undo: the gate must let through what ftfy would repair.
_CODECS = (*ftfy.chardata.CHARMAP_ENCODINGS,)


def _pair(codec: str) -> str:
    """Return a pattern of a lead character followed by a continuation character of ``codec``."""
    return _char_class(_decoded(codec, 0xC2, 0xF4)) + _char_class(_decoded(codec, 0x80, 0xBF))


LOST_QUOTE_END = regex.compile(
    "(?:â€|Ã¢â‚¬Â)(?!"
    + _char_class("".join(_decoded(codec, 0x80, 0xBF) for codec in _CODECS) + _decoded("latin-1", 0x80, 0x9F))
    + "|[?\ufffd])"  # a byte replaced by "?" or U+FFFD: ftfy decodes the sequence to U+FFFD
)
"""The start of a closing quote "”" (UTF-8 E2 80 9D) read as Windows-1252, once or twice, whose last
byte 0x9D, unassigned in Windows-1252, was dropped: "areas,â€ said". 0x9D is put back."""

LOST_C1_CONTRACTION = regex.compile(r"(?<=[A-Za-z])â(?=(?:s|ll|re|ve|d)\b)|(?<=n)â(?=t\b)|(?<=\bI)â(?=m\b)")
"""An English contraction whose apostrophe "’" (E2 80 99) was read as Latin-1 and lost its C1
bytes 80 99 on the way: "Theyâll", "itâs", "donât". One is the evidence that the text's other
lone "â" are punctuation that lost its bytes too."""

LOST_C1_PUNCTUATION = regex.compile(r"â(?:[¦¢]|(?![\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]))")
"""A lone "â" (no continuation character after it), or "â¦" and "â¢": General Punctuation
(U+2000-U+203F) read as Latin-1 with its C1 byte dropped."""


def _utf8_sequence(codec: str) -> str:
    """Return a pattern of one UTF-8 sequence (a lead byte and its continuations) read as ``codec``."""
    continuation = _char_class(_decoded(codec, 0x80, 0xBF))
    leads = ((0xC2, 0xDF, ""), (0xE0, 0xEF, "{2}"), (0xF0, 0xF4, "{3}"))
    return "|".join(_char_class(_decoded(codec, low, high)) + continuation + times for low, high, times in leads)


C1_CONTROL = re.compile(r"[\x80-\x9f]")
"""A C1 control: a byte of Windows-1252 read as Latin-1."""

SUSPECT = regex.compile(
    "|".join(_pair(codec) for codec in _CODECS)  # "Ã©" for "é", "‚Äô" for "’", "Ð¿" for "п"
    + "|"
    + C1_CONTROL.pattern
)
"""Where mojibake may start: the gate that decides which segments are looked at closely."""

CANDIDATE = re.compile(
    _char_class("".join(_decoded(codec, 0xC2, 0xF4) for codec in _CODECS))
    + _char_class("".join(_decoded(codec, 0x80, 0xBF) for codec in _CODECS))
)
"""A coarse superset of the pairs of :data:`SUSPECT` (one pair of character classes), which the
``re`` engine scans at hundreds of MB/s; each hit is then checked with :data:`SUSPECT`."""

CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
"""A control character other than tab and line breaks: what no repair should leave behind."""

CODEC_CHARACTERS = tuple((_decoded(codec, 0xC2, 0xF4), _decoded(codec, 0x80, 0xBF)) for codec in _CODECS)
"""Per codec, its lead and its continuation characters: the native gate (native/src/mojibake.rs) looks
closer only at a text that holds a lead followed by a continuation of one codec, or a C1 control."""

WINDOWS_SEQUENCES = regex.compile(f"(?:{_utf8_sequence(WINDOWS_CODEC)})++")
"""Runs of UTF-8 sequences read as Windows-1252: the evidence for that codec in a segment."""

MAC_SEQUENCES = regex.compile(f"(?:{_utf8_sequence(MAC_CODEC)})++")
"""Runs of UTF-8 sequences read as Mac Roman ("√©" for "é", "‚Äã" for a zero-width space): ftfy has
few rules for Mac Roman, so these are decoded first, where the result is plausible."""

MAC_LATIN_LEADS = _decoded(MAC_CODEC, 0xC2, 0xC5)
"""Mac Roman lead characters of Latin-1 and Latin Extended-A letters ("¬", "√", "ƒ", "≈"): math
signs that correct text never follows with an accented letter."""

ENTITY = regex.compile(
    r"""
    &(?:
        (?:(?:amp|AMP|\#0*38|\#[xX]0*26);)++  # "&amp;" repeated: an escape that was escaped again
        (?:(?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});)?+
      | (?:[A-Za-z][A-Za-z0-9]{1,31}|\#[0-9]{1,7}|\#[xX][0-9A-Fa-f]{1,6});
    )
    """,
    regex.VERBOSE,
)
"""An HTML character reference with its semicolon, possibly escaped several times ("&amp;amp;")."""

NAMED_ENTITIES = {name[:-1]: char for name, char in html.entities.html5.items() if name.endswith(";")}
"""HTML5 entity names (without "&" and ";") and the characters they stand for."""

MENTION_OPENERS = "\"'`‘“«‹"
MENTION_CLOSERS = "\"'`’”»›"
"""Quotes around an entity that is named, not used: ``the "&amp;" entity``."""

HTML_TAG = regex.compile(r"</?[A-Za-z][A-Za-z0-9-]*+(?:\s[^<>\n]*+)?/?>")
"""A raw HTML tag: a line with one is markup or code, whose entities are left alone."""

CODE_SPAN = regex.compile(r"`[^`\n]++`")
"""Inline code: entities inside it are code, not escapes."""

ENTITY_WORD_AFTER = regex.compile(r"\s*+(?:entity|entities|escape|escapes|character reference)\b", regex.IGNORECASE)
"""A word right after an entity that shows the entity is being talked about."""
