# ruff: noqa: RUF001
import pytest

from textclean import decode
from textclean.io import BinaryInputError, DecodeError, decode_bytes

FRENCH = "Le garçon a mangé une crème brûlée à côté de l’hôtel."
GERMAN = "Müller sagte: „Das ist schön und günstig.“ Straße, Größe, Übung."


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Съешь же ещё этих мягких французских булок, да выпей чаю. " * 3, "cp1251"),
        ("Съешь же ещё этих мягких французских булок, да выпей чаю. " * 3, "koi8-r"),
        ("Ξεσκεπάζω την ψυχοφθόρα βδελυγμία. Καλημέρα σε όλους. " * 3, "iso-8859-7"),
        ("いろはにほへとちりぬるを、わかよたれそつねならむ。東京都は日本の首都です。", "shift_jis"),
        ("我能吞下玻璃而不伤身体。今天天气很好，我们去公园散步吧。", "gb18030"),
        ("다람쥐 헌 쳇바퀴에 타고파. 오늘 날씨가 정말 좋네요.", "euc-kr"),
        ((FRENCH + " " + GERMAN + " ") * 3, "cp1252"),
    ],
)
def test_detects_the_encoding(text, codec):
    decoded, used = decode_bytes(text.encode(codec))
    assert decoded == text
    assert text.encode(used) == text.encode(codec)


@pytest.mark.parametrize("text", [FRENCH, GERMAN, "El niño comió piña; ¿qué pasó?"])
def test_detects_short_western_text(text):
    assert decode(text.encode("cp1252")) == text


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("café ✓".encode(), ("café ✓", "utf-8")),
        (b"\xef\xbb\xbfbom", ("bom", "utf-8-sig")),
        ("hé".encode("utf-16"), ("hé", "utf-16")),
        (b"plain ascii", ("plain ascii", "utf-8")),
    ],
)
def test_utf_and_byte_order_marks_need_no_guess(data, expected):
    assert decode_bytes(data) == expected


def test_binary_is_refused():
    with pytest.raises(BinaryInputError):
        decode(b"\x89PNG\r\n\x1a\n\x00\x00")


def test_explicit_encoding_is_strict():
    with pytest.raises(DecodeError, match="invalid UTF-8 at byte 3"):
        decode(b"caf\xe9", encoding="utf-8")
