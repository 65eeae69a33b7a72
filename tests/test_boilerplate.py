"""The boilerplate cleaner: furniture out block by block, article text, lists and quotes kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import textclean
from textclean.cleaners.boilerplate import BoilerplateOptions, find_boilerplate_edits, remove_boilerplate
from textclean.edits import apply_edits
from textclean.errors import InvalidOptionError
from textclean.furniture.blocks import count_words, split_blocks
from textclean.pipeline import Pipeline

from .conftest import SEEDS, assert_edits_well_formed, expected_paragraphs, is_subsequence, raw_paragraphs

CASES = json.loads((Path(__file__).parent / "cases" / "boilerplate.json").read_text(encoding="utf-8"))

PROSE = (
    "The council voted on Tuesday evening to keep the old library open for at least another year, "
    "after a long debate in which dozens of residents spoke for and against the plan to close it."
)
PROSE_2 = (
    "The mayor said that the money for the building would come from the parks budget, and that a "
    "committee of volunteers would look for a new use of the reading rooms by the end of the summer."
)


@pytest.mark.parametrize("case", CASES["boilerplate"], ids=lambda case: case["label"])
def test_cases(case: dict[str, object]) -> None:
    output = remove_boilerplate(str(case["input"]))
    for kept in case["must_keep"]:  # type: ignore[attr-defined]
        assert kept in output
    for dropped in case["must_drop"]:  # type: ignore[attr-defined]
        assert dropped not in output
    for text, count in case.get("count", {}).items():  # type: ignore[attr-defined]
        assert output.count(text) == count


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # must not change: prose alone, a short paragraph, a quote, a list inside the article
        (PROSE, PROSE),
        ("It was short.", "It was short."),
        ("“Nobody asked me,” she said.\n", "“Nobody asked me,” she said.\n"),
        (f"{PROSE}\n\n* one\n* two\n* three\n\n{PROSE_2}\n", f"{PROSE}\n\n* one\n* two\n* three\n\n{PROSE_2}\n"),
        ("", ""),
        (
            f"{PROSE}\n\n> The vote was close.\n\n> \N{EM DASH} City Council (@council) May 7, 2019\n\n{PROSE_2}\n",
            f"{PROSE}\n\n> The vote was close.\n\n> \N{EM DASH} City Council (@council) May 7, 2019\n\n{PROSE_2}\n",
        ),
        # furniture goes with the line breaks after it
        (f"Share this article\n\n{PROSE}\n", f"{PROSE}\n"),
        (f"{PROSE}\n\nAdvertisement\n\n{PROSE_2}\n", f"{PROSE}\n\n{PROSE_2}\n"),
        (f"{PROSE}\n\n[Home](/) [News](/news) [Sport](/sport)\n", f"{PROSE}\n"),
        # a title keeps its text and loses the site's name
        (f"Library stays open \N{EN DASH} City News | Example\n\n{PROSE}\n", f"Library stays open\n\n{PROSE}\n"),
    ],
)
def test_table(text: str, expected: str) -> None:
    assert remove_boilerplate(text) == expected


def test_phrases_match_at_word_boundaries() -> None:
    # "Ad" is an advertising label, "Adapting" is a word that starts with it
    assert remove_boilerplate(f"{PROSE}\n\nAd\n\n{PROSE_2}") == f"{PROSE}\n\n{PROSE_2}"
    assert remove_boilerplate(f"{PROSE}\n\nAdapting\n\n{PROSE_2}") == f"{PROSE}\n\nAdapting\n\n{PROSE_2}"


def test_characters_of_scripts_without_spaces_count_in_pairs() -> None:
    assert count_words("Das 港口 “neu”") == 3  # two words, and two characters that make one


def test_repeated_block_is_removed_once() -> None:
    text = f"{PROSE}\n\n{PROSE_2}\n\n{PROSE}\n"
    assert remove_boilerplate(text) == f"{PROSE}\n\n{PROSE_2}\n"


def test_keep_title_false_drops_the_title() -> None:
    text = f"Library stays open for a year\n\n{PROSE}\n"
    assert remove_boilerplate(text) == text
    assert remove_boilerplate(text, keep_title=False) == f"{PROSE}\n"


def test_explain_names_the_rule_and_labels_the_data() -> None:
    text = f"Library stays open | Example\n\nBy Jane Doe\n\n{PROSE}\n\nShare this article\n"
    report = Pipeline(["boilerplate"]).explain(text)
    edits = report.steps[0].edits
    rules = [edit.rule for edit in edits]
    assert rules == ["title-suffix", "boilerplate-byline", "boilerplate-share"]
    assert edits[0].data == {"site": "Example"}
    assert edits[1].data == {"label": "byline", "text": "By Jane Doe", "author": "Jane Doe", "pass": "own-evidence"}
    assert_edits_well_formed(text, edits)


def test_user_phrases_and_patterns_from_the_api() -> None:
    text = f"{PROSE}\n\nDonate to our fund\n\n{PROSE_2}\n\nSTOCK 123.4 +1.2%\n"
    assert "Donate" in remove_boilerplate(text)
    output = remove_boilerplate(text, phrases=["donate to our fund"], patterns=[r"^STOCK \d"])
    assert output == f"{PROSE}\n\n{PROSE_2}\n"


def test_user_phrases_feed_the_neighbour_pass() -> None:
    # the user's line is furniture, so the short line between it and the next furniture goes too
    text = f"{PROSE}\n\n{PROSE_2}\n\nOur partners\n\nAcme Ltd, 12 Mill Road\n\n[Home](/) [News](/news)\n"
    assert "Acme" in remove_boilerplate(text)
    assert "Acme" not in remove_boilerplate(text, phrases=["our partners"])


def test_user_phrases_from_a_config_file(tmp_path: Path) -> None:
    config = tmp_path / "textclean.toml"
    config.write_text('steps = ["boilerplate"]\n[options.boilerplate]\nphrases = ["donate to our fund"]\n')
    text = f"{PROSE}\n\nDonate to our fund\n\n{PROSE_2}\n"
    assert Pipeline.from_config(config)(text) == f"{PROSE}\n\n{PROSE_2}\n"


def test_guard_returns_the_text_unchanged_over_the_share() -> None:
    text = "[Home](/) [News](/news) [Sport](/sport) [Weather](/weather)\n\n" + f"{PROSE}\n"
    assert remove_boilerplate(text) == f"{PROSE}\n"
    assert remove_boilerplate(text, max_removed_share=0.1) == text
    (edit,) = find_boilerplate_edits(text, BoilerplateOptions(max_removed_share=0.1))
    assert (edit.rule, edit.old, edit.new) == ("boilerplate-guard", "", "")
    assert edit.data["removed_share"] > 0.1


@pytest.mark.parametrize(
    ("menu", "teaser"),
    [
        (
            "Politik Wirtschaft Sport Kultur Reisen Wetter Auto Digital Gesundheit Wissen Karriere Panorama",
            "Neue Brücke: Der Bau in der Altstadt beginnt im Frühjahr, soll zwei Jahre dauern und kostet die Stadt "
            "rund vier Millionen Euro.",
        ),
        (
            "Política Economía Deportes Cultura Viajes Tiempo Motor Tecnología Salud Ciencia Empleo Sociedad",
            "Nuevo puente: las obras en el casco antiguo empiezan en primavera, durarán dos años y costarán a la "
            "ciudad unos cuatro millones.",
        ),
    ],
)
def test_a_menu_of_plain_lines_parts_the_article_from_a_teaser_beyond_it(menu: str, teaser: str) -> None:
    # no link markup is left to tell the menu by: its many short lines hold the teaser apart, so it is
    # outside the article's run: a sentence of prose there goes only under "strict" (recall first)
    article = f"{PROSE}\n\n{PROSE_2}\n"
    text = f"{article}\nFollow us\n\n" + "\n".join(menu.split()) + f"\n\n{teaser}\n"
    assert remove_boilerplate(text) == f"{article}\n{teaser}\n"
    assert remove_boilerplate(text, strictness="strict") == article
    # a subheading or two between paragraphs stay with them
    sections = f"{PROSE}\n\nWhat comes next\n\nThe vote\n\n{PROSE_2}\n\nFollow us\n"
    assert remove_boilerplate(sections) == f"{PROSE}\n\nWhat comes next\n\nThe vote\n\n{PROSE_2}\n"


CARDS = {
    "en": [
        (
            "Harbour ferry fares rise again",
            "Commuters will pay more from April as the operator blames fuel costs and crew wages.",
        ),
        (
            "Local bakery wins national prize",
            "The family business beat two hundred entries with a rye loaf baked to an old recipe.",
        ),
        (
            "Museum reopens after flood repairs",
            "Visitors can see the restored galleries from Saturday, a year after the river rose.",
        ),
    ],
    "de": [
        (
            "Fährpreise steigen erneut",
            "Pendler zahlen ab April mehr, weil der Betreiber höhere Kosten für Treibstoff meldet.",
        ),
        (
            "Bäckerei gewinnt Preis",
            "Der Familienbetrieb setzte sich mit einem Roggenbrot nach altem Rezept gegen viele durch.",
        ),
        (
            "Museum wieder offen",
            "Besucher sehen die erneuerten Säle ab Samstag, ein Jahr nach dem großen Hochwasser dort.",
        ),
    ],
    "fr": [
        (
            "Le prix du ferry augmente",
            "Les usagers paieront plus cher dès avril, selon un exploitant qui invoque le carburant.",
        ),
        (
            "Une boulangerie primée",
            "L'entreprise familiale a battu deux cents candidats avec un pain de seigle à l'ancienne.",
        ),
        (
            "Le musée rouvre ses portes",
            "Les visiteurs découvriront les salles restaurées samedi, un an après la crue du fleuve.",
        ),
    ],
    "es": [
        (
            "Sube el precio del ferry",
            "Los viajeros pagarán más desde abril, según un operador que culpa al combustible.",
        ),
        (
            "Una panadería premiada",
            "El negocio familiar venció a doscientos rivales con un pan de centeno de receta antigua.",
        ),
        (
            "El museo reabre sus salas",
            "Los visitantes verán las galerías restauradas el sábado, un año después de la riada.",
        ),
    ],
}


ARTICLES = {
    "en": f"{PROSE}\n\n{PROSE_2}\n\n{PROSE} {PROSE_2}\n",
    "de": (
        "Der Stadtrat hat am Dienstagabend beschlossen, die alte Bibliothek mindestens ein weiteres Jahr offen zu "
        "halten, nachdem viele Bürger in einer langen Sitzung für und gegen die Schließung gesprochen hatten.\n\n"
        "Die Bürgermeisterin sagte, das Geld für das Gebäude der Bibliothek komme aus dem Haushalt für die Parks, "
        "und eine Gruppe von Freiwilligen suche bis zum Sommer eine neue Nutzung für die Lesesäle.\n\n"
        "Die Freiwilligen wollen in den Lesesälen der Bibliothek Kurse für Kinder und Abende für ältere Leser "
        "anbieten, und der Stadtrat will im Herbst über die Zukunft des Gebäudes noch einmal beraten.\n"
    ),
    "fr": (
        "Le conseil municipal a voté mardi soir pour garder la vieille bibliothèque ouverte au moins une année de "
        "plus, après un long débat au cours duquel des dizaines d'habitants ont parlé pour et contre sa fermeture.\n\n"
        "La maire a dit que l'argent pour le bâtiment de la bibliothèque viendrait du budget des parcs, et qu'un "
        "groupe de bénévoles chercherait une nouvelle vocation pour les salles de lecture avant l'été.\n\n"
        "Les bénévoles veulent proposer dans les salles de lecture de la bibliothèque des ateliers pour les enfants "
        "et des soirées pour les lecteurs âgés, et le conseil reparlera du bâtiment à l'automne.\n"
    ),
    "es": (
        "El ayuntamiento votó el martes por la noche mantener abierta la vieja biblioteca al menos un año más, "
        "después de un largo debate en el que decenas de vecinos hablaron a favor y en contra de cerrarla.\n\n"
        "La alcaldesa dijo que el dinero para el edificio de la biblioteca saldría del presupuesto de los parques, "
        "y que un grupo de voluntarios buscaría un nuevo uso para las salas de lectura antes del verano.\n\n"
        "Los voluntarios quieren ofrecer en las salas de lectura de la biblioteca talleres para los niños y "
        "veladas para los lectores mayores, y el ayuntamiento volverá a hablar del edificio en otoño.\n"
    ),
}


@pytest.mark.parametrize("language", sorted(CARDS))
def test_teaser_cards_after_the_article_are_removed(language: str) -> None:
    # headline, date, summary, again and again: other stories, which share few of the article's words
    article = ARTICLES[language]
    cards = "".join(f"\n{head}\n\n{summary}\n" for head, summary in CARDS[language])
    assert remove_boilerplate(article + cards) == article
    rules = {edit.rule for edit in find_boilerplate_edits(article + cards)}
    assert "boilerplate-teaser-cards" in rules


LIBRARY_SECTIONS = [
    ("The vote", "The council voted to keep the old library open, after residents spoke for the library."),
    ("The budget", "The money for the library building will come from the parks budget of the council."),
    ("The reading rooms", "Volunteers will look for a new use of the library reading rooms by the summer."),
]


@pytest.mark.parametrize(
    "tail",
    [
        # sections of the article: a heading over each paragraph, on the article's own subject
        "".join(f"\n{head}\n\n{paragraph}\n" for head, paragraph in LIBRARY_SECTIONS),
        # two cards are no list of stories
        "".join(f"\n{head}\n\n{summary}\n" for head, summary in CARDS["en"][:2]),
        # questions and answers: the questions are sentences, no headlines
        "\nQ: What is your favourite book?\n\nA: A long novel about a harbour town and its ferries.\n"
        "\nQ: Where do you read?\n\nA: On the ferry to work, every morning and every evening.\n"
        "\nQ: Who taught you to read?\n\nA: My grandmother, with the newspaper, at the kitchen table.\n",
    ],
)
def test_article_parts_that_alternate_like_cards_stay(tail: str) -> None:
    text = f"{PROSE}\n\n{PROSE_2}\n\n{PROSE} {PROSE_2}\n{tail}"
    assert remove_boilerplate(text) == text


def test_a_page_of_cards_alone_is_not_emptied() -> None:
    # no article before the cards: nothing to tell them from
    text = "".join(f"{head}\n\n{summary}\n\n" for head, summary in CARDS["en"] * 2).rstrip("\n") + "\n"
    assert "boilerplate-teaser-cards" not in {edit.rule for edit in find_boilerplate_edits(text)}


def test_strictness_lenient_keeps_blocks_without_evidence_of_their_own() -> None:
    text = f"Home\n\nNews\n\n[Sport](/sport)\n\nWeather\n\n{PROSE} {PROSE_2}\n"
    assert "Weather" not in remove_boilerplate(text)
    assert "Weather" in remove_boilerplate(text, strictness="lenient")
    assert "[Sport]" not in remove_boilerplate(text, strictness="lenient")


@pytest.mark.parametrize(
    "options",
    [
        {"strictness": "loose"},
        {"keep_title": "yes"},
        {"max_link_density": 0},
        {"max_link_density": 1.5},
        {"max_removed_share": 0},
        {"phrases": "share"},
        {"patterns": ["("]},
    ],
)
def test_invalid_options_say_what_is_allowed(options: dict[str, object]) -> None:
    with pytest.raises(InvalidOptionError, match="boilerplate"):
        Pipeline(["boilerplate"], options={"boilerplate": options})


def test_seeds_come_out_as_their_article() -> None:
    """Footer and boilerplate (with links undone) leave each seed's title and paragraphs."""
    for path in sorted(SEEDS.glob("*.txt")):
        expected = (SEEDS / "expected" / path.name).read_text(encoding="utf-8")
        output = textclean.clean(path.read_text(encoding="utf-8"), steps=["footer", "boilerplate", "links"])
        assert output.split() == expected.split(), path.name


@given(st.lists(st.sampled_from(raw_paragraphs() + expected_paragraphs()), max_size=12))
def test_output_blocks_are_a_subsequence_of_input_blocks(paragraphs: list[str]) -> None:
    text = "\n\n".join(paragraphs)
    blocks_in = [text[b.start : b.end] for b in split_blocks(text)]
    output = remove_boilerplate(text)
    remaining = iter(blocks_in)
    for block in split_blocks(output):
        shown = output[block.start : block.end]
        # a kept block is an input block, or the title line without its site suffix
        assert any(shown == candidate or candidate.startswith(shown) for candidate in remaining), shown


@given(st.text(max_size=300))
def test_edits_are_well_formed_and_never_invent_text(text: str) -> None:
    edits = find_boilerplate_edits(text)
    assert_edits_well_formed(text, edits)
    assert all(edit.new in ("", "\n") for edit in edits)
    assert is_subsequence(apply_edits(text, edits).split(), text.split())


@pytest.mark.parametrize(
    "notice",
    [
        "© 2020 Example Mills, Inc. All Rights Reserved",
        "(c) Jane Doe • further rights in the imprint",
        "Fotos: Hans Meier. Alle Rechte vorbehalten.",
        "Copyright 2019 Exemple SA, tous droits réservés",
    ],
)
def test_a_rights_notice_goes_and_an_article_sentence_about_copyright_stays(notice: str) -> None:
    text = f"{PROSE}\n\n{notice}\n\n{PROSE_2}\n"
    assert remove_boilerplate(text) == f"{PROSE}\n\n{PROSE_2}\n"
    about = "The court ruled that the copyright of the photo stays with the agency."
    assert remove_boilerplate(f"{PROSE}\n\n{about}\n\n{PROSE_2}\n") == f"{PROSE}\n\n{about}\n\n{PROSE_2}\n"


MORE_PROSE = (
    "Residents who spoke at the meeting asked for longer opening hours at the pool and for more benches along "
    "the river path. The mayor said both requests would be weighed against the cost of repairs to the bridge, "
    "which engineers found in poor condition last spring, and promised an answer before the end of the year."
)
THREADS = {
    "en": (
        ["Mary Smith", "Tom Baker", "Ana Lopez"],
        ["August 22, 2018 at 5:57 am", "August 22, 2018 at 7:19 am", "August 23, 2018 at 2:55 pm"],
        [
            "Thanks for this, it was just what I needed to read this week.",
            "I disagree with the part about the budget, but the rest is fair.",
            "Great piece. Will there be a follow-up after the vote?",
        ],
    ),
    "de": (
        ["Maria Schmidt", "Tom Becker", "Anna Lang"],
        ["22.08.2018 um 17:57", "22.08.2018 um 19:19", "23.08.2018 um 08:55"],
        [
            "Danke für den Beitrag, genau das habe ich gesucht.",
            "Den Teil über den Haushalt sehe ich anders, der Rest stimmt.",
            "Sehr gut geschrieben. Gibt es nach der Abstimmung eine Fortsetzung?",
        ],
    ),
    "fr": (
        ["Marie Dupont", "Tom Martin", "Anne Petit"],
        ["22/08/2018 à 17:57", "22/08/2018 à 19:19", "23/08/2018 à 08:55"],
        [
            "Merci pour cet article, c'est exactement ce que je cherchais.",
            "Je ne suis pas d'accord sur le budget, mais le reste est juste.",
            "Très bon article. Y aura-t-il une suite après le vote ?",
        ],
    ),
    "es": (
        ["María García", "Tomás Ruiz", "Ana López"],
        ["22 de agosto de 2018 a las 17:57", "22 de agosto de 2018 a las 19:19", "23 de agosto de 2018 a las 08:55"],
        [
            "Gracias por el artículo, es justo lo que buscaba esta semana.",
            "No estoy de acuerdo con lo del presupuesto, pero el resto es justo.",
            "Muy buen artículo. ¿Habrá una continuación después de la votación?",
        ],
    ),
}


@pytest.mark.parametrize("language", sorted(THREADS))
def test_a_thread_of_comments_after_the_article_goes_or_keeps_its_bodies(language: str) -> None:
    authors, stamps, bodies = THREADS[language]
    article = f"{PROSE}\n\n{PROSE_2}\n\n{MORE_PROSE}\n"  # an article of over a hundred words
    thread = "".join(f"\n{a}\n\n{s}\n\n{b}\n\nReply\n" for a, s, b in zip(authors, stamps, bodies, strict=True))
    assert remove_boilerplate(article + thread) == article
    kept = remove_boilerplate(article + thread, keep_comments=True)
    assert all(body in kept for body in bodies)
    assert not any(stamp in kept or author in kept for stamp, author in zip(stamps, authors, strict=True))


def test_a_forum_of_posts_and_quotations_with_dates_inside_an_article_are_no_thread() -> None:
    authors, stamps, bodies = THREADS["en"]
    forum = "".join(f"{a}\n\n{s}\n\n{b}\n\n" for a, s, b in zip(authors, stamps, bodies, strict=True))
    assert all(body in remove_boilerplate(forum) for body in bodies)
    paragraphs = [PROSE, PROSE_2, MORE_PROSE]
    quotes = [f"> {b}\n>\n> -- {a}, {s}" for a, s, b in zip(authors, stamps, bodies, strict=True)]
    quoted = "".join(f"{paragraph}\n\n{quote}\n\n" for paragraph, quote in zip(paragraphs, quotes, strict=True))
    assert all(body in remove_boilerplate(quoted) for body in bodies)
    assert all(paragraph in remove_boilerplate(quoted) for paragraph in paragraphs)


@pytest.mark.parametrize(
    ("content", "dateline"),
    [
        ("Deadline: May 3, 2019 (postmark)", "Published: May 3, 2019"),
        ("Termin: 29.02.2020, 19 Uhr", "Erscheinungsdatum: 07.02.2022"),
        ("Clôture des inscriptions : 03/05/2019", "Créé: 12.12.2019, 07h36"),
        ("Plazo: 3 de mayo de 2019", "Fecha: 3 de mayo de 2019"),
    ],
)
def test_a_date_under_a_label_of_its_own_is_text_and_a_publishing_date_goes(content: str, dateline: str) -> None:
    assert remove_boilerplate(f"{PROSE}\n\n{content}\n\n{PROSE_2}\n") == f"{PROSE}\n\n{content}\n\n{PROSE_2}\n"
    assert remove_boilerplate(f"{PROSE}\n\n{dateline}\n\n{PROSE_2}\n") == f"{PROSE}\n\n{PROSE_2}\n"


def test_a_date_that_opens_with_its_day_is_a_dateline_and_a_numbered_step_is_not() -> None:
    # "22. August 2018" opens like a numbered list item ("1. Den Ofen ...") but is a date
    text = f"{PROSE}\n\n22. August 2018 um 17:57\n\n{PROSE_2}\n\n1. Den Ofen auf 180 Grad vorheizen.\n"
    assert remove_boilerplate(text) == f"{PROSE}\n\n{PROSE_2}\n\n1. Den Ofen auf 180 Grad vorheizen.\n"
