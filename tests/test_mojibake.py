# ruff: noqa: RUF001, RUF003
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textclean
from textclean import _native
from textclean.cleaners.mojibake import find_mojibake_edits, fix_mojibake
from textclean.edits import apply_edits
from textclean.text import mojibake_chars

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

# Correct text in many languages and scripts, with the punctuation that mojibake is made of.
WORDS = [
    "café",
    "naïve",
    "Größe",
    "Straße",
    "niño",
    "¿qué?",
    "coração",
    "ação",
    "Zażółć",
    "gęślą",
    "Všetko",
    "žluťoučký",
    "Árvíztűrő",
    "İstanbul",
    "ağaçlar",
    "când",
    "pâine",
    "Þingvöllum",
    "Åbenrå",
    "smörgåsbord",
    "crème brûlée",
    "l’hôtel",
    "“quoted”",
    "‘single’",
    "em—dash",
    "en–dash",
    "…",
    "€5",
    "£3",
    "°C",
    "Привет",
    "Всё",
    "Καλημέρα",
    "مرحبا",
    "שלום",
    "नमस्ते",
    "東京都",
    "こんにちは",
    "다람쥐",
    "Tiếng Việt",
    "người",
    "😍",
    "👍🏽",
    "❤️",
    "NESTLÉ®",
]
SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt")) + sorted((SEEDS / "expected").glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")
    if line.strip()
]
CODECS = ["sloppy-windows-1252", "latin-1", "macroman"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Itâ€™s a cafÃ©.", "It’s a café."),
        ("â€œQuotedâ€\x9d â€” and more", "“Quoted” — and more"),
        ("donÃ¢â‚¬â„¢t", "don’t"),  # two rounds of Windows-1252
        ("Le Schtroumpf conseille g√¢teaux", "Le Schtroumpf conseille gâteaux"),  # Mac Roman
        ("there is no ‚Äö√Ñ√∫end,‚Äö√Ñ√π because", "there is no “end,” because"),  # Mac Roman twice
        ("He said ‚ÄúHi‚Äù. She said “bye”.", "He said “Hi”. She said “bye”."),  # partial, one line
        ("tornadoes‚Ä¶all of these", "tornadoes…all of these"),  # not "‚Ķ"
        ("a\n\n‚Äã\n\nb", "a\n\n\u200b\n\nb"),  # a zero-width space, Mac Roman
        ("Weâ\x80\x99re here", "We’re here"),  # Latin-1 with its C1 controls
        ("clean line — “fine”\nbroken lineâ€™s end", "clean line — “fine”\nbroken line’s end"),
        # lossy: bytes were lost on the way, the character is guessed from its context
        ("many areas,â€ said Scott", "many areas,” said Scott"),  # 0x9D, unassigned in Windows-1252
        ("recently Ã¢â‚¬Å“acquiredÃ¢â‚¬Â both", "recently “acquired” both"),
        (
            "Theyâll see the château â a castle. âGreat,â he said.",
            "They’ll see the château — a castle. “Great,” he said.",
        ),
        ("Tom &amp; Jerry", "Tom & Jerry"),
        ("don&#8217;t &rsquo;x&lsquo;", "don’t ’x‘"),
        ("a&nbsp;b", "a\u00a0b"),
        ("AT&amp;amp;T", "AT&T"),  # escaped twice
        ("&amp;#195;&amp;#169;t&amp;#195;&amp;#169;", "été"),  # entities of mojibake
        ("Ø§Ù„Ø¹Ø±Ø¨ÙŠØ©", "العربية"),  # Arabic read as Windows-1252
        ("ÜŸÜ¬Ü’ÜªÜ˜", "\u071f\u072c\u0712\u072a\u0718"),  # five Syriac letters read as Windows-1252
        ("cafÃ© nach Ü§ 5", "café nach Ü§ 5"),  # the repair beside a clean "Ü§" is still made
        # must not change
        ("Ü§", "Ü§"),  # German "Ü" and a section sign, not a lone Syriac letter
        ("Die ÜBERSCHRIFT Ü§ 3 und Þ¤ oder ß°", "Die ÜBERSCHRIFT Ü§ 3 und Þ¤ oder ß°"),
        ("ALL CAPS TEXT WITH AN ELLIPSIS… AND MORE…", "ALL CAPS TEXT WITH AN ELLIPSIS… AND MORE…"),
        ("NESTLÉ® products", "NESTLÉ® products"),
        ("Všetko je v poriadku.", "Všetko je v poriadku."),
        ("(-1/2)! = √π", "(-1/2)! = √π"),
        ("Math: √2 ≈ 1.414, ∑ x ≤ ∞, π ≠ 3", "Math: √2 ≈ 1.414, ∑ x ≤ ∞, π ≠ 3"),
        ("« à la clé » dit-il", "« à la clé » dit-il"),
        (
            "Le château est âgé. Românește: când câinele mănâncă.",
            "Le château est âgé. Românește: când câinele mănâncă.",
        ),
        ("Всё хорошо, «спасибо»!", "Всё хорошо, «спасибо»!"),
        ("ÇA VA? ÉTÉ À PARIS, CÔTE D’AZUR. ÀÉÈÊ.", "ÇA VA? ÉTÉ À PARIS, CÔTE D’AZUR. ÀÉÈÊ."),
        ('write the "&amp;" entity', 'write the "&amp;" entity'),  # named, not used
        ("code: `&nbsp;`", "code: `&nbsp;`"),
        ("<b>&amp;</b> in leftover markup", "<b>&</b> in leftover markup"),  # the markup step strips <b>
        ("<template>&amp;</template> is source", "<template>&amp;</template> is source"),
        ("E&S; and &unknown;", "E&S; and &unknown;"),
        ("&#0; is not a character", "&#0; is not a character"),
        ("¬ç", "¬ç"),  # would decode to a C1 control: no repair
    ],
)
def test_fix_mojibake(text, expected):
    assert fix_mojibake(text) == expected


def test_entities_can_be_kept():
    assert fix_mojibake("Tom &amp; Jerry", html_entities=False) == "Tom &amp; Jerry"


def test_options_are_validated():
    with pytest.raises(textclean.InvalidOptionError, match="html_entities must be True or False"):
        textclean.clean("x", steps=["mojibake"], options={"mojibake": {"html_entities": "yes"}})


def test_edits_name_the_codec():
    text = "ok ‚Äúquoted‚Äù\nand cafÃ©\nfine"
    edits = find_mojibake_edits(text)
    assert [edit.rule for edit in edits] == ["utf8-read-as-macroman", "utf8-read-as-latin-1"]
    assert apply_edits(text, edits) == "ok “quoted”\nand café\nfine"


def _mojibake(text, codec, depth=1):
    for _ in range(depth):
        text = text.encode("utf-8").decode(codec)
    return text


def _recognizable(text):
    """Text with at least one character that is not ASCII, so that its mojibake shows.

    A line of one or two characters is not: its mojibake can read as text (ftfy leaves such a line
    of Chinese as it is too).
    """
    return not text.isascii() and len(text.strip()) > 2


real_text = st.one_of(
    st.sampled_from(SEED_LINES),
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=8).map(" ".join),
)


@settings(deadline=None, max_examples=200)
@given(real_text)
def test_clean_text_is_never_changed(text):
    assert fix_mojibake(text) == text


@settings(deadline=None, max_examples=200)
@given(real_text.filter(_recognizable), st.sampled_from(CODECS))
def test_one_round_of_mojibake_is_fixed(text, codec):
    try:
        broken = _mojibake(text, codec)
    except UnicodeError:  # a character the codec cannot carry: no lossless round trip
        return
    assert fix_mojibake(broken) == text


@settings(deadline=None, max_examples=150)
@given(st.sampled_from(SEED_LINES).filter(_recognizable), st.sampled_from(CODECS))
def test_one_more_layer_still_fixes(text, codec):
    assert fix_mojibake(_mojibake(text, codec, depth=2)) == text


@settings(deadline=None, max_examples=150)
@given(st.sampled_from(SEED_LINES), st.sampled_from(SEED_LINES).filter(_recognizable), st.sampled_from(CODECS))
def test_partial_mojibake_is_fixed_and_the_rest_kept(clean, broken, codec):
    text = f"{clean}\n{_mojibake(broken, codec)}\n{clean}"
    assert fix_mojibake(text) == f"{clean}\n{broken}\n{clean}"


@settings(deadline=None, max_examples=300)
@given(st.text())
def test_idempotent_on_any_text(text):
    once = fix_mojibake(text)
    assert fix_mojibake(once) == once


@settings(deadline=None, max_examples=200)
@given(st.text(alphabet=st.sampled_from('&amp;#3819lt;gx"` <b>Ã©â€™‚Äú\n ')))
def test_idempotent_on_entities_and_mojibake(text):
    once = fix_mojibake(text)
    assert fix_mojibake(once) == once


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Ã©" * 2_000_000,  # one 4 MB line of mojibake
        ("word " * 200 + "cafÃ©\n") * 2000,
        "\n" * 400_000,
        "ab-\n" * 100_000,
        "[" * 100_000,
        "&amp;" * 100_000,
    ],
)
def test_pathological_input_is_fast(text):
    start = time.perf_counter()
    fix_mojibake(text)
    assert time.perf_counter() - start < 30


def test_runs_before_unicode():
    """``unicode`` drops C1 controls, which Latin-1 mojibake is made of: repair first."""
    text = "Weâ\x80\x99re here\u00ad"
    assert textclean.Pipeline(["mojibake", "unicode"])(text) == "We’re here"


def test_registered_step():
    assert textclean.clean("cafÃ©", steps=["mojibake"]) == "café"
    assert re.search("mojibake", " ".join(textclean.registry.names()))


# The characters a suspect pair is made of, with letters of other scripts and C1 controls between them.
_PAIR_CHARACTERS = "".join(sorted({c for lead, follow in mojibake_chars.CODEC_CHARACTERS for c in lead + follow}))


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(_PAIR_CHARACTERS + "aZ Ωпж\x85\x9f"), max_size=12))
def test_the_coarse_scan_finds_every_word_that_holds_a_suspect_pair(word: str) -> None:
    # the screen of the word-by-word repair: where SUSPECT finds a pair, CANDIDATE finds one too
    if mojibake_chars.SUSPECT.search(word) and not mojibake_chars.C1_CONTROL.search(word):
        assert mojibake_chars.CANDIDATE.search(word)


_GATE = _native.MojibakeGate(list(mojibake_chars.CODEC_CHARACTERS))


@settings(deadline=None, max_examples=300)
@given(st.text(alphabet=st.sampled_from(_PAIR_CHARACTERS + "aZ Ωпж\x85\x9f\n\ud800"), max_size=12))
def test_the_native_gate_finds_what_suspect_finds(text: str) -> None:
    # the repair asks the gate, not SUSPECT, whether ftfy left a pair or a C1 control
    assert any(_GATE.read(text)) == (mojibake_chars.SUSPECT.search(text) is not None)
