# ruff: noqa: RUF002  (the characters of Unicode are this module's subject)
r"""Unicode hygiene: invisible controls, broken surrogates and normal form; visible rewrites on request.

By default only what no reader can see changes: text is put in NFC; line breaks of every kind
become ``\n``; control characters, soft hyphens, byte-order marks and stray format characters go
(keeping the joiners that emoji and scripts need, and direction marks in right-to-left text);
unpaired surrogates left by ``surrogateescape`` decoding become the characters their bytes meant.
Options that rewrite visible text (NFKC, ASCII quotes and dashes, plain spaces, half-width forms)
are off; their character sets are read from the Unicode database, not typed by hand.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from typing import Literal

import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

from textclean import _native
from textclean.edits import Edit, apply_edits, derive_edits, merge_edits
from textclean.registry import NativeStep
from textclean.rounds import find_until_settled

Form = Literal["NFC", "NFKC"]
_FORMS = ("NFC", "NFKC")
_KEPT_CONTROLS = "\t\n\f\v"  # layout, which the whitespace cleaner handles
# Line breaks become the one break that line-based cleaners read: CR LF, CR and LINE SEPARATOR end a
# line, PARAGRAPH SEPARATOR ends a paragraph (UAX #13). NEXT LINE (U+0085) is not among them: in web
# text it is nearly always a Windows-1252 ellipsis read as Latin-1, and goes as a stray control.
_LINE_BREAKS = {"\r": "\n", "\u2028": "\n", "\u2029": "\n\n"}
_RTL_CLASSES = frozenset(("R", "AL", "AN"))
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_JOINERS = frozenset("\u200b\u200c\u200d\u180e")  # kept between letters: scripts need them
_EMOJI_JOINER = "\u200d"
_TAG_BASE = "\U0001f3f4"  # the black flag that subdivision-flag tag sequences follow
_ASCII_CONTROL = re.compile(r"[\x00-\x08\x0d-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]+")


@dataclass(frozen=True)
class UnicodeOptions:
    """Options of :func:`normalize_unicode`."""

    form: Form = "NFC"  # NFC never changes how text looks; NFKC folds ligatures, superscripts, widths
    quotes: bool = False  # curly quotes are correct typography
    dashes: bool = False  # en and em dashes carry meaning that "-" loses
    spaces: bool = False  # a no-break space keeps "10 km" together
    fullwidth: bool = False  # full-width letters are how CJK text sets Latin inside it

    def __post_init__(self) -> None:
        if self.form not in _FORMS:
            raise ValueError(f"form must be one of {', '.join(_FORMS)}, not {self.form!r}")
        for name in ("quotes", "dashes", "spaces", "fullwidth"):
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"{name} must be True or False, not {getattr(self, name)!r}")


def find_unicode_edits(text: str, options: UnicodeOptions = UnicodeOptions()) -> list[Edit]:
    """Find the Unicode edits of ``text`` (see :func:`normalize_unicode`)."""
    if text.isascii() and _ASCII_CONTROL.search(text) is None:
        return []
    # a decoded surrogate run can hold a control character: round after round
    return find_until_settled(text, lambda current: _one_round(current, options))


def _one_round(text: str, options: UnicodeOptions) -> list[Edit]:
    found = _character_edits(text, options)
    return merge_edits(text, found, _normal_form_edits(apply_edits(text, found), options.form))


def native_step(options: UnicodeOptions) -> NativeStep:
    """Return the step as a run of built-in steps hands it to the native core (``textclean.runs``).

    The core runs it only where the tests this cleaner starts with find nothing to change: ASCII without
    a control character it takes out, or, with :func:`character_sets`, no character it may change and
    none that may take the text out of its normal form; elsewhere it hands the text back for this step.
    """
    return ("unicode", ())


def character_sets(options: UnicodeOptions) -> tuple[_native.CharClass, _native.CharClass]:
    """Return the characters this cleaner may change, and those that may take a text out of its normal form.

    The native core asks for them the first time a run meets a text that is not plain ASCII.
    """
    changeable = _changeable(options.quotes, options.dashes, options.spaces, options.fullwidth)
    return changeable, _may_leave_form(options.form)


def normalize_unicode(
    text: str,
    *,
    form: Form = "NFC",
    quotes: bool = False,
    dashes: bool = False,
    spaces: bool = False,
    fullwidth: bool = False,
) -> str:
    r"""Put text in Unicode normal form and drop the characters that nobody can see.

    Scraped text carries soft hyphens, zero-width spaces, byte-order marks and control characters
    that break search and tokenizers while looking the same; the default changes nothing visible.

    Args:
        form: ``"NFC"`` (looks the same), or ``"NFKC"`` (folds compatibility characters: "ﬁ" to "fi").
        quotes: curly and low quotation marks to ASCII ``'`` and ``"``.
        dashes: hyphens and dashes (en, em, figure, ...) to ASCII ``-``.
        spaces: no-break, thin, ideographic and other spaces to a plain space.
        fullwidth: full-width and half-width forms to their ordinary characters.

    >>> normalize_unicode("soft\u00adhyphen, zero width\u200b space\ufeff")
    'softhyphen, zero width space'
    >>> normalize_unicode("cafe\u0301 👨\u200d👩\u200d👧")  # NFC; the emoji's joiners stay
    'café 👨\u200d👩\u200d👧'
    >>> normalize_unicode("“Ａ—b”\u00a0c", quotes=True, dashes=True, spaces=True, fullwidth=True)
    '"A-b" c'
    """
    options = UnicodeOptions(form=form, quotes=quotes, dashes=dashes, spaces=spaces, fullwidth=fullwidth)
    return apply_edits(text, find_unicode_edits(text, options))


def _character_edits(text: str, options: UnicodeOptions) -> list[Edit]:
    """Remove invisible characters, mend surrogates and apply the character rewrites asked for."""
    mapping = _rewrites(options.quotes, options.dashes, options.spaces, options.fullwidth)
    changeable = _changeable(options.quotes, options.dashes, options.spaces, options.fullwidth)
    edits = []
    pos = 0
    for start in changeable.find_all(text):
        if start < pos:
            continue  # a surrogate of a run that an edit took
        end = pos = start + 1
        char = text[start]
        if "\ud800" <= char <= "\udfff":
            run = _SURROGATES.match(text, start)
            assert run is not None
            pos = run.end()
            edits.append(Edit(start, pos, _mend_surrogates(run.group()), "surrogates", run.group()))
        elif char in _LINE_BREAKS:
            if char == "\r" and text.startswith("\n", end):
                pos = end + 1
            edits.append(Edit(start, pos, _LINE_BREAKS[char], "line-break", text[start:pos]))
        elif char in mapping:
            edits.append(Edit(start, end, mapping[char][0], mapping[char][1], char))
        elif not _needed(text, start):
            edits.append(Edit(start, end, "", _removal_rule(char), char))
    return edits


def _needed(text: str, index: int) -> bool:
    """Whether the format character at ``index`` does a job where it stands."""
    char = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if char in _JOINERS and _is_letter(before) and _is_letter(after):
        return True  # ZWNJ in Persian, ZWJ in Indic conjuncts, ZWSP between Thai words
    if char == _EMOJI_JOINER and _is_pictograph(before) and _is_pictograph(after):
        return True
    if "\U000e0020" <= char <= "\U000e007f":
        return before == _TAG_BASE or "\U000e0020" <= before <= "\U000e007f"
    if char in _BIDI_CONTROLS:
        line_start = text.rfind("\n", 0, index) + 1
        line_end = text.find("\n", index)
        line = text[line_start : line_end if line_end >= 0 else len(text)]
        return any(unicodedata.bidirectional(c) in _RTL_CLASSES for c in set(line))  # each character once
    return False


def _is_letter(char: str) -> bool:
    return bool(char) and unicodedata.category(char)[0] in "LM"


def _is_pictograph(char: str) -> bool:
    """Tell whether ``char`` is an emoji, or the variation selector or skin tone that ends one."""
    return bool(char) and (unicodedata.category(char) in ("So", "Sk") or char == "\ufe0f")


def _removal_rule(char: str) -> str:
    category = unicodedata.category(char)
    if char == "\u00ad":
        return "soft-hyphen"
    if char == "\ufeff":
        return "byte-order-mark"
    return "control-character" if category == "Cc" else "format-character"


def _mend_surrogates(run: str) -> str:
    """Decode a run of surrogates: pairs to their character, ``surrogateescape`` bytes to text.

    The bytes are read as UTF-8 if they are valid UTF-8, as Windows-1252 otherwise; any other
    lone surrogate becomes U+FFFD.
    """
    data = run.encode("utf-16", "surrogatepass").decode("utf-16", "surrogatepass")
    parts = []
    for piece in re.split(r"([\udc80-\udcff]+)", data):
        if piece and all("\udc80" <= c <= "\udcff" for c in piece):
            raw = bytes(ord(c) - 0xDC00 for c in piece)
            try:
                parts.append(raw.decode("utf-8"))
            except UnicodeDecodeError:
                parts.append(raw.decode("sloppy-windows-1252"))
        else:
            parts.append(_SURROGATES.sub(lambda run: "\ufffd" * len(run.group()), piece))
    return "".join(parts)


def _normal_form_edits(text: str, form: Form) -> list[Edit]:
    """Put each line that is not in ``form`` into it, as one edit from its first to its last change.

    Only the lines that hold a character of :func:`_may_leave_form` are checked: the others are in the form.
    """
    edits = []
    end = -1  # the end of the last line checked
    for at in _may_leave_form(form).find_all(text):
        if at <= end:
            continue
        start = text.rfind("\n", 0, at) + 1
        end = text.find("\n", at)
        if end < 0:
            end = len(text)
        line = text[start:end]
        if not unicodedata.is_normalized(form, line):
            for edit in derive_edits(line, unicodedata.normalize(form, line), form.lower()):
                edits.append(Edit(start + edit.start, start + edit.end, edit.new, edit.rule, edit.old))
    return edits


@cache
def _may_leave_form(form: Form) -> _native.CharClass:
    """Return the characters without which a text is in ``form``, as one set.

    They are the characters that are not in the form on their own, and those that may combine with
    the character before them: a mark of a nonzero combining class, a character that ends a canonical
    decomposition, a Hangul vowel or final consonant. Unicode's quick check (UAX #15, "Detecting
    Normalization Forms") says a text with none of them is in the form, and most text holds none: the
    native core tells in one pass, and only a text with one is checked by ``unicodedata``. Planes 4 to 13
    and 15 to 16 are left out: no Unicode version to date has a character there that normalization
    changes or combines (a test checks every code point of the running Python's).
    """
    codes = []
    for code in [*range(0x80, 0x40000), *range(0xE0000, 0xE1000)]:
        char = chr(code)
        if unicodedata.combining(char) or unicodedata.normalize(form, char) != char:
            codes.append(code)
        decomposition = unicodedata.decomposition(char)
        if decomposition and not decomposition.startswith("<"):
            codes.extend(int(part, 16) for part in decomposition.split()[1:])
    hangul_vowels_and_finals = [(0x1161, 0x1175), (0x11A8, 0x11C2)]
    return _native.CharClass([*hangul_vowels_and_finals, *((code, code) for code in codes)])


@cache
def _format_characters() -> str:
    """Return the invisible format characters that may go.

    They are the Cf characters of Latin-1, General Punctuation, Specials and Tags, and the Mongolian
    vowel separator; the Cf characters of other blocks are signs that scripts show (Arabic number
    signs, Egyptian hieroglyph joiners) and stay.
    """
    ranges = ((0x00A0, 0x00FF), (0x180E, 0x180E), (0x2000, 0x206F), (0xFE00, 0xFFFF), (0xE0000, 0xE007F))
    return "".join(
        chr(code) for low, high in ranges for code in range(low, high + 1) if unicodedata.category(chr(code)) == "Cf"
    )


@cache
def _rewrites(quotes: bool, dashes: bool, spaces: bool, fullwidth: bool) -> dict[str, tuple[str, str]]:
    """Map each character that an option rewrites to its replacement and rule, from Unicode data."""
    mapping: dict[str, tuple[str, str]] = {}
    tests: list[tuple[bool, Callable[[str, str, str], str | None], str]] = [
        (quotes, _quote_replacement, "ascii-quote"),
        (dashes, _dash_replacement, "ascii-dash"),
        (spaces, _space_replacement, "plain-space"),
        (fullwidth, _width_replacement, "fullwidth"),
    ]
    for code in range(0x80, 0x10000):
        char = chr(code)
        category = unicodedata.category(char)
        name = unicodedata.name(char, "")
        for wanted, replacement, rule in tests:
            new = replacement(char, category, name) if wanted else None
            if new is not None:
                mapping[char] = (new, rule)
                break
    return mapping


def _quote_replacement(char: str, category: str, name: str) -> str | None:
    """Quotation marks (not guillemets, not CJK brackets, not full-width) to ``'`` or ``"``."""
    if category[0] != "P" or "QUOTATION MARK" not in name or "ANGLE" in name or name.startswith("FULLWIDTH"):
        return None
    return '"' if "DOUBLE" in name else "'"


def _dash_replacement(char: str, category: str, name: str) -> str | None:
    """Dashes and hyphens of the punctuation blocks (not a script's own, like the Hebrew maqaf)."""
    code = ord(char)
    return "-" if category == "Pd" and (0x2000 <= code < 0x3000 or code >= 0xFE00) else None


def _space_replacement(char: str, category: str, name: str) -> str | None:
    return " " if category == "Zs" else None


def _width_replacement(char: str, category: str, name: str) -> str | None:
    if unicodedata.decomposition(char).startswith(("<wide>", "<narrow>")):
        return unicodedata.normalize("NFKC", char)
    return None


@cache
def _changeable(quotes: bool, dashes: bool, spaces: bool, fullwidth: bool) -> _native.CharClass:
    """Return the characters that this set of options may change (lone surrogates among them), as one set.

    The native core finds them in one pass over the text; most text holds none.
    """
    controls = "".join(chr(code) for code in [*range(0x20), *range(0x7F, 0xA0)] if chr(code) not in _KEPT_CONTROLS)
    chars = (
        controls + "".join(_LINE_BREAKS) + _format_characters() + "".join(_rewrites(quotes, dashes, spaces, fullwidth))
    )
    return _native.CharClass([(0xD800, 0xDFFF), *((ord(char), ord(char)) for char in chars)])
