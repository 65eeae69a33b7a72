# ruff: noqa: RUF001
import time
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean.cleaners.unicode import _may_leave_form, find_unicode_edits, normalize_unicode
from textclean.edits import apply_edits

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt")) + sorted((SEEDS / "expected").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
]

# Correct text of many scripts: the default must leave every one of them exactly as it is.
SCRIPTS = [
    "東京都は日本の首都です。「こんにちは」",
    "我能吞下玻璃而不伤身体。",
    "다람쥐 헌 쳇바퀴에 타고파.",
    "مرحبا بكم في موقعنا\u200f الجديد",  # a right-to-left mark in Arabic text
    "می\u200cخواهم",  # Persian: the non-joiner shapes the word
    "क्\u200dष और हिन्दी",  # Devanagari with a joiner
    "Съешь же ещё этих мягких французских булок",
    "Καλημέρα σε όλους",
    "שלום עולם",
    "ภาษาไทย\u200bง่าย",  # Thai: a zero-width space marks the word break
    "👨\u200d👩\u200d👧 family, 👍🏽 thumbs, ❤\ufe0f heart",
    "🏴\U000e0067\U000e0062\U000e0073\U000e0063\U000e0074\U000e007f flag of Scotland",
    "؀١٢٣ Arabic number sign",
    "Tiếng Việt có dấu",
    "“Quotes” — dashes – and\u00a0no-break spaces…",
    "Ｆｕｌｌ ｗｉｄｔｈ and ﬁ ligature",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("soft\u00adhyphen", "softhyphen"),
        ("\ufeffbyte order mark", "byte order mark"),
        ("zero width\u200b space", "zero width space"),
        ("bell\x07 and escape\x1b[0m", "bell and escape[0m"),
        ("stray C1\x85 and\x9d", "stray C1 and"),
        ("windows\r\nline ends\r", "windows\nline ends\n"),
        ("old mac\rline ends", "old mac\nline ends"),
        ("line\u2028separator and paragraph\u2029separator", "line\nseparator and paragraph\n\nseparator"),
        ("word\u2060joiner", "wordjoiner"),
        ("ltr \u200emark in English", "ltr mark in English"),
        ("cafe\u0301", "café"),  # NFC
        ("caf\udce9", "café"),  # surrogateescape of Windows-1252 bytes
        ("caf\udcc3\udca9", "café"),  # surrogateescape of UTF-8 bytes
        ("\ud83d\ude00 pair", "😀 pair"),  # a surrogate pair from JSON
        ("lone \ud800 surrogate", "lone \ufffd surrogate"),
        ("emoji \u200d alone", "emoji  alone"),
    ]
    + [(text, text) for text in SCRIPTS],
)
def test_default(text, expected):
    assert normalize_unicode(text) == expected


@pytest.mark.parametrize(
    ("text", "options", "expected"),
    [
        ("“double” ‘single’ „low“ ‚low‘", {"quotes": True}, "\"double\" 'single' \"low\" 'low'"),
        ("«guillemets» 「brackets」", {"quotes": True}, "«guillemets» 「brackets」"),
        ("en – em — bar ― hyphen ‐", {"dashes": True}, "en - em - bar - hyphen -"),
        ("מִ־כָּל maqaf", {"dashes": True}, "מִ־כָּל maqaf"),  # a script's own hyphen stays
        ("a\u00a0b\u2009c\u3000d", {"spaces": True}, "a b c d"),
        ("Ｆｕｌｌ ｗｉｄｔｈ ｶﾀｶﾅ", {"fullwidth": True}, "Full width カタカナ"),
        ("東京", {"fullwidth": True}, "東京"),
        ("ﬁ ² ℌ", {"form": "NFKC"}, "fi 2 H"),
    ],
)
def test_options(text, options, expected):
    assert normalize_unicode(text, **options) == expected


def test_options_are_validated():
    with pytest.raises(textclean.InvalidOptionError, match="form must be one of NFC, NFKC"):
        textclean.clean("x", steps=["unicode"], options={"unicode": {"form": "NFD"}})
    with pytest.raises(textclean.InvalidOptionError, match="quotes must be True or False"):
        textclean.clean("x", steps=["unicode"], options={"unicode": {"quotes": 1}})


def test_edits_say_what_went():
    text = "a\u00adb\ufeff"
    edits = find_unicode_edits(text)
    assert [edit.rule for edit in edits] == ["soft-hyphen", "byte-order-mark"]
    assert apply_edits(text, edits) == "ab"


@settings(deadline=None, max_examples=200)
@given(st.sampled_from(SEED_LINES + SCRIPTS))
def test_clean_text_is_never_changed(text):
    assert normalize_unicode(text) == text


@settings(deadline=None, max_examples=300)
@given(st.text(), st.booleans(), st.booleans(), st.sampled_from(["NFC", "NFKC"]))
def test_idempotent(text, quotes, spaces, form):
    once = normalize_unicode(text, quotes=quotes, spaces=spaces, dashes=True, fullwidth=True, form=form)
    assert normalize_unicode(once, quotes=quotes, spaces=spaces, dashes=True, fullwidth=True, form=form) == once


@settings(deadline=None, max_examples=200)
@given(st.text())
def test_output_is_encodable_and_normal(text):
    output = normalize_unicode(text)
    output.encode("utf-8")
    assert unicodedata.is_normalized("NFC", output)


@pytest.mark.slow
@pytest.mark.parametrize("text", ["\u00ad" * 1_000_000, "é\u0301" * 500_000, "x\ud800" * 200_000])
def test_pathological_input_is_fast(text):
    start = time.perf_counter()
    normalize_unicode(text)
    assert time.perf_counter() - start < 30


# Characters around the edges of what may leave a normal form: marks, Hangul jamo and syllables, letters
# that decompose, compatibility forms, and the ends of the planes the set is read from.
_NEAR_FORM_EDGES = st.sampled_from(
    [chr(code) for code in (0x41, 0xE9, 0x2FF, 0x300, 0x345, 0x1100, 0x1161, 0x11A8, 0xAC00, 0xFB01, 0x2F800, 0xE0100)]
)


@settings(deadline=None)
@given(st.text(st.one_of(st.characters(), _NEAR_FORM_EDGES)), st.sampled_from(["NFC", "NFKC"]))
def test_a_text_without_a_character_that_may_leave_the_form_is_in_it(text, form):
    if not _may_leave_form(form).occurs_in(text):
        assert unicodedata.is_normalized(form, text)


@settings(deadline=None)
@given(st.text(st.one_of(_NEAR_FORM_EDGES, st.sampled_from(["\n", "a", " "]))), st.sampled_from(["NFC", "NFKC"]))
def test_the_lines_put_in_the_form_make_the_text_in_the_form(text, form):
    # only the lines that hold a character that may leave the form are read, each on its own
    assert normalize_unicode(text, form=form) == unicodedata.normalize(form, text)


def test_every_character_not_in_a_form_on_its_own_may_leave_it():
    for form in ("NFC", "NFKC"):
        may_leave = _may_leave_form(form)
        for code in range(0x110000):
            char = chr(code)
            if not unicodedata.is_normalized(form, char) or unicodedata.combining(char):
                assert may_leave.occurs_in(char), (form, hex(code))
