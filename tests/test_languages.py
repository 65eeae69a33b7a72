# ruff: noqa: RUF001
"""Language reading and the word lists: right on short texts of many languages, lazy, compact."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest
import regex
from hypothesis import given

from textclean import _native
from textclean.cleaners.linewrap import join_wrapped_lines
from textclean.hyphenation import JOIN_MARGIN, _one_word
from textclean.text import languages
from textclean.text.languages import COMMON_ZIPF, read_language, stopwords, word_frequencies

from .conftest import any_text

# A few sentences of each language, written for these tests.
TEXTS = {
    "en": "The river rose quickly after the storm, and the people of the village moved their animals to higher ground.",
    "de": "Nach dem Sturm stieg der Fluss sehr schnell, und die Leute aus dem Dorf brachten ihre Tiere auf die Hügel.",
    "fr": "Après la tempête, la rivière est montée très vite et les habitants du village ont conduit leurs "
    "bêtes sur la colline.",
    "es": "Después de la tormenta el río subió muy rápido y la gente del pueblo llevó a sus animales a la colina.",
    "it": "Dopo la tempesta il fiume è salito molto in fretta e la gente del paese ha portato gli animali "
    "sulla collina.",
    "pt": "Depois da tempestade o rio subiu muito depressa e as pessoas da aldeia levaram os seus animais para "
    "o monte.",
    "pl": "Po burzy rzeka szybko się podniosła, a ludzie ze wsi zaprowadzili swoje zwierzęta na wzgórze, bo "
    "tam było sucho.",
    "nl": "Na de storm steeg de rivier heel snel en de mensen uit het dorp brachten hun dieren naar de heuvel.",
    "sv": "Efter stormen steg floden mycket snabbt, och folket i byn förde sina djur upp till kullen där det "
    "var torrt.",
    "cs": "Po bouřce se řeka velmi rychle zvedla a lidé z vesnice odvedli svá zvířata na kopec, protože tam "
    "bylo sucho.",
    "tr": "Fırtınadan sonra nehir çok hızlı yükseldi ve köydeki insanlar hayvanlarını tepeye çıkardı, çünkü "
    "orası kuruydu.",
    "ru": "После бури река очень быстро поднялась, и жители деревни отвели своих животных на холм, где было сухо.",
    "uk": "Після бурі річка дуже швидко піднялася, і мешканці села відвели своїх тварин на пагорб, де було сухо.",
    "ar": "بعد العاصفة ارتفع النهر بسرعة كبيرة، ونقل أهل القرية حيواناتهم إلى التلة لأن الأرض هناك كانت جافة.",
    "zh": "暴风雨过后，河水很快就涨了起来，村里的人们把牲畜赶到了山坡上，因为那里比较干燥。",
    "ja": "嵐のあと、川の水はすぐに増えたので、村の人たちは家畜を丘の上へ連れて行きました。",
    "ko": "폭풍이 지나간 뒤 강물이 빠르게 불어나자 마을 사람들은 가축을 언덕 위로 옮겼다.",
    "el": "Μετά την καταιγίδα το ποτάμι ανέβηκε πολύ γρήγορα και οι κάτοικοι του χωριού πήγαν τα ζώα στον λόφο.",
    "th": "หลังพายุผ่านไป แม่น้ำก็สูงขึ้นอย่างรวดเร็ว ชาวบ้านจึงพาสัตว์เลี้ยงขึ้นไปบนเนินเขา",
    "hi": "तूफान के बाद नदी बहुत तेजी से बढ़ी और गांव के लोग अपने जानवरों को पहाड़ी पर ले गए।",
}


@pytest.mark.parametrize(("language", "text"), TEXTS.items(), ids=TEXTS)
def test_reads_the_language_of_a_few_sentences(language: str, text: str) -> None:
    assert read_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "",
        "Hello",
        "Home | About | Contact",
        "東京",  # two characters
        "https://www.example.com/de/und/der/die/das.html",  # words of a URL are not the text's
        "user@example.org 2024-05-01 12:30 +49 30 1234567",
        "!!! ??? ... 12345",
    ],
)
def test_too_little_text_is_none(text: str) -> None:
    assert read_language(text) is None


KNOWN = {"zh", "ja", *languages._SCRIPT_LANGUAGE.values()}.union(*languages._SHARED_SCRIPTS.values())


@given(text=any_text)
def test_any_text_reads_as_a_known_language_or_none(text: str) -> None:
    language = read_language(text)
    assert language is None or language in KNOWN
    assert isinstance(stopwords(language), frozenset)


def test_the_main_language_of_a_page_is_read_past_its_menu_and_links() -> None:
    menu = "".join(f"[Startseite {i}](https://example.de/und/die/der/{i}) " for i in range(80))
    prose = " ".join([TEXTS["en"]] * 40)
    assert read_language(menu + "\n\n" + prose + "\n\nImpressum | Datenschutz | Kontakt") == "en"


def test_japanese_is_han_with_kana_and_chinese_is_han_alone() -> None:
    assert read_language("日本語の文章には平仮名と片仮名と漢字が混ざっています。") == "ja"
    assert read_language("中文的文章里只有汉字，没有平假名和片假名。") == "zh"


def test_every_language_of_a_shared_script_has_lists() -> None:
    shared = set().union(*languages._SHARED_SCRIPTS.values())
    assert shared <= languages.listed_languages()
    assert {"zh", "ja", "ko", "el", "he", "hi", "bn", "ta"} <= languages.listed_languages()


def test_a_shared_script_of_more_languages_than_the_reader_tells_apart_is_refused() -> None:
    codes = [f"x{n}" for n in range(65)]
    with pytest.raises(ValueError, match="more than 64 languages"):
        _native.LanguageReader({}, {"Latin": codes})
    _native.LanguageReader({}, {"Latin": codes[:64]})  # as many as it tells apart


def test_stopwords_are_the_commonest_words_in_lower_case() -> None:
    english, german = stopwords("en"), stopwords("de")
    assert {"the", "and", "of", "to", "in"} <= english
    assert {"und", "der", "die", "nicht", "für"} <= german
    assert "und" not in english
    assert len(english) == languages.FUNCTION_WORDS
    for language in ("en", "de", "fr", "es", "pl", "ru", "ar"):
        words = stopwords(language)
        assert words, language
        assert all(word == word.lower() and not word.isdigit() for word in words)


@pytest.mark.parametrize("language", [None, "zh", "ja", "th", "ko", "xx", ""])
def test_stopwords_are_empty_without_a_language_or_without_words_to_count(language: str | None) -> None:
    assert stopwords(language) == frozenset()


def test_prose_has_its_share_of_function_words() -> None:
    for language in ("en", "de", "fr", "es", "it", "pt", "pl", "nl", "sv", "cs", "tr", "ru", "uk", "ar", "el", "hi"):
        words = regex.findall(r"[\p{L}\p{M}]+", TEXTS[language].lower())
        share = sum(word in stopwords(language) for word in words) / len(words)
        assert share >= 0.2, (language, share)


@pytest.fixture
def lists_read(monkeypatch: pytest.MonkeyPatch, fresh_word_lists: None) -> list[tuple[str, str]]:
    """Record each word list that is opened, as (list, language)."""
    opened: list[tuple[str, str]] = []
    read = languages._buckets

    def recording(language: str, wordlist: languages.WordList) -> Iterator[list[str]]:
        opened.append((wordlist, language))
        return read(language, wordlist)

    monkeypatch.setattr(languages, "_buckets", recording)
    return opened


def test_importing_textclean_reads_no_list_and_does_not_import_wordfreq() -> None:
    probe = (
        "import sys, textclean, textclean.cleaners.linewrap\n"
        "from textclean.text import languages\n"
        "print(languages._function_words.cache_info().currsize, languages.word_frequencies.cache_info().currsize,"
        " 'wordfreq' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["0", "0", "False"]


def test_nothing_is_read_for_a_script_of_its_own(lists_read: list[tuple[str, str]]) -> None:
    assert read_language(TEXTS["zh"]) == "zh"
    assert read_language(TEXTS["el"]) == "el"
    assert lists_read == []


def test_only_the_languages_a_document_uses_are_read(lists_read: list[tuple[str, str]]) -> None:
    assert read_language(TEXTS["ru"]) == "ru"
    # the function words of the languages written in Cyrillic, and no others
    assert {language for _, language in lists_read} == set(languages._SHARED_SCRIPTS["Cyrillic"])
    lists_read.clear()
    # an English text whose hyphen is in doubt: the common words of English settle it ...
    text = (
        "The river rose quickly after the storm, and the\npeople of the village moved their animals to hig-\n"
        "her ground. The water stayed for a week before it\nwent back to the old bed of the river."
    )
    assert "to higher ground" in join_wrapped_lines(text)
    full_lists = {(wordlist, language) for wordlist, language in lists_read if wordlist == "large" or language == "en"}
    assert full_lists == {("small", "en")}
    assert all(language in languages._SHARED_SCRIPTS["Latin"] for _, language in lists_read)
    # ... and its rare words are read for a rare word of English only
    assert word_frequencies("en").zipf("wellknown") > 0
    assert ("large", "en") in lists_read
    assert not [language for wordlist, language in lists_read if wordlist == "large" and language != "en"]


def test_frequencies_agree_with_wordfreq_across_the_list() -> None:
    wordfreq = pytest.importorskip("wordfreq")
    english = word_frequencies("en")
    words = list(wordfreq.iter_wordlist("en"))
    sample = [word for word in words[:: len(words) // 400] if word.isalpha()]  # as wordfreq tokenizes them
    assert len(sample) > 300
    for word in sample:
        assert english.zipf(word) == pytest.approx(wordfreq.zipf_frequency(word, "en"), abs=0.011), word
    assert english.zipf("qqxqzzvv") == 0.0


def test_common_words_are_those_above_common_zipf() -> None:
    english = word_frequencies("en")
    for word in ["the", "newspaper", "international", "wellknown", "rightwing", "qqxqzzvv"]:
        common = english.common_zipf(word)
        assert (common is not None) == (english.zipf(word) > COMMON_ZIPF), word
        assert common is None or common == english.zipf(word)


def exact_one_word(first: str, second: str, frequencies: languages.WordFrequencies) -> bool:
    rarer_piece = min(frequencies.zipf(first), frequencies.zipf(second))
    return frequencies.zipf(first + second) >= rarer_piece - JOIN_MARGIN


@pytest.mark.parametrize("language", ["en", "de"])
def test_the_common_words_shortcut_decides_as_the_full_list_would(language: str) -> None:
    frequencies = word_frequencies(language)
    words = [word for word in languages._function_words(language) if len(word) > 1]
    words += ["newspaper", "international", "bundesregierung", "wellknown", "rightwing", "mississippi", "zeitung"]
    splits = [(word[:cut], word[cut:]) for word in words for cut in range(1, len(word))]
    splits += [(first, second) for first in words[:30] for second in words[:30]]  # pieces that are words
    decided: Callable[[str, str], bool] = lambda first, second: _one_word(first, second, first + second, frequencies)  # noqa: E731
    assert [decided(*split) for split in splits] == [exact_one_word(*split, frequencies) for split in splits]


@pytest.mark.usefixtures("without_wordfreq")
def test_without_wordfreq_scripts_are_still_read_and_lists_are_empty() -> None:
    with pytest.warns(RuntimeWarning, match="wordfreq is not installed"):
        assert read_language(TEXTS["en"]) is None  # a shared script needs function words
    assert read_language(TEXTS["ja"]) == "ja"
    assert stopwords("en") == frozenset()
    assert word_frequencies("en").zipf("the") == 0.0
    assert languages.listed_languages() == frozenset()
