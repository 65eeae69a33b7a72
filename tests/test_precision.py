# ruff: noqa: RUF001  (captions in scripts with their own punctuation)
"""What follows an article and is not part of it goes; what follows it and carries content stays.

After the article's last paragraph, pages go on with lists of headlines written as plain lines (no
link markup left), prompts that head a list of other stories, and boxes of facts or code that do
belong to the article. The first two go at the default strictness, the last stays.
"""

from __future__ import annotations

import pytest

import textclean
from textclean.cleaners.boilerplate import find_boilerplate_edits, remove_boilerplate
from textclean.cleaners.footer import remove_footer

ARTICLE = (
    "The harbour council voted on Tuesday to rebuild the old pier, which the winter storms left unsafe for "
    "boats and walkers alike, after a long debate with the fishermen who use it every day.\n\n"
    "Work on the pier will start in April and last until the autumn, the council said, and the harbour "
    "stays open for the fishing fleet while the builders replace the wooden deck section by section.\n\n"
    "The fishermen welcomed the plan but asked the council to keep the slipway free during the works, "
    "because the boats have to be hauled out for repairs before the summer season begins.\n"
)

# Headlines of other stories as plain lines, under a heading that is no phrase of the lexicon.
HEADLINES = (
    "Around the coast\n\nNew ferry timetable for the islands\n\nBeach clean-up draws hundreds of volunteers\n\n"
    "Lighthouse museum reopens after repairs\n\nSchool sailing club wins regional title\n"
)

# Lines after the article that carry content: facts with numbers, and code.
CONTENT_TAILS = {
    "facts": "Harbour office\n\nOpen Mon - Fri 9:00 - 17:00\n\nPier Road 12, Portsmouth\n\nPhone 023 9283 4000\n",
    "code": "To run the script:\n\nimport pier\n\npier.rebuild(deck='oak')\n\nprint(pier.status())\n",
}

# Heads of lists of other stories, one per language, each over two cards of another subject.
LIST_HEADS = ["Most read", "Die meistgelesenen Artikel", "À découvrir aussi", "Lo más visto", "Da non perdere"]
CARDS = (
    "[Ferry timetable changes](/ferry)\n\n"
    "The island ferries will run less often in winter, the operator said on Monday.\n\n"
    "[Museum reopens](/museum)\n\nThe lighthouse museum opens its doors again after two years of repairs to its roof.\n"
)


def test_a_list_of_headlines_in_plain_lines_after_the_article_goes() -> None:
    assert textclean.clean(f"{ARTICLE}\n{HEADLINES}") == ARTICLE


@pytest.mark.parametrize("kind", sorted(CONTENT_TAILS))
def test_lines_with_content_after_the_article_stay(kind: str) -> None:
    text = f"{ARTICLE}\n{CONTENT_TAILS[kind]}"
    assert textclean.clean(text) == text


@pytest.mark.parametrize("head", LIST_HEADS)
def test_a_list_head_after_the_article_ends_it(head: str) -> None:
    assert remove_footer(f"{ARTICLE}\n{head}\n\n{CARDS}") == ARTICLE


# Captions that a credit label closes, in several languages.
CAPTIONS = [
    "The pier after the storm in January. Photo: Jane Doe",
    "Die Mole nach dem Sturm im Januar. Bild: Hans Meier",
    "La jetée après la tempête. (Crédit : Jean Dupont)",
    "El muelle tras la tormenta. (crédito: Ana Ruiz/Archivo)",
    "Molo po burzy w styczniu. Fot. Jan Kowalski",
    "风暴过后的码头。图：新华社",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_closed_by_a_credit_goes(caption: str) -> None:
    first, second, third = ARTICLE.strip().split("\n\n")
    text = f"{first}\n\n{caption}\n\n{second}\n\n{third}\n"
    assert textclean.clean(text) == f"{first}\n\n{second}\n\n{third}\n"


# The counters of a slideshow, in several languages.
COUNTERS = ["{k}/4", "{k} of 4", "Bild {k} von 4", "Foto {k} de 4", "Photo {k} sur 4", "Zdjęcie {k} z 4"]


def _slides(counter: str) -> str:
    caption = "The pier seen from the harbour wall on a stormy morning, picture {k}."
    return "".join(f"{counter.format(k=k)}\n\n{caption.format(k=k)}\n\n" for k in range(1, 5))


@pytest.mark.parametrize("counter", COUNTERS)
def test_a_slideshow_inside_the_article_goes_as_a_unit(counter: str) -> None:
    first, second, third = ARTICLE.strip().split("\n\n")
    text = f"{first}\n\n{second}\n\n{_slides(counter)}{third}\n"
    assert textclean.clean(text) == ARTICLE


def test_a_page_that_is_all_slides_is_a_slideshow_article_and_stays() -> None:
    text = _slides("{k}/4")
    assert textclean.clean(text) == text.rstrip("\n") + "\n"


# A line of plain words after the article's last paragraph, in the article's run (a block of text
# without a full stop follows), and the same place holding lines of facts.
TEASER = "The lighthouse museum and the old ferry pier are the places that the visitors of the town like to see first"


def test_a_plain_line_after_the_last_paragraph_that_leads_to_no_text_goes() -> None:
    text = f"{ARTICLE}\nInfo about the rating\n\nOur picks for the weekend\n\n{TEASER}\n"
    removed = [(text[edit.start : edit.end].strip(), edit.data["pass"]) for edit in find_boilerplate_edits(text)]
    assert removed == [("Info about the rating", "after-article"), ("Our picks for the weekend", "after-article")]


def test_a_subheading_over_a_sentence_after_the_last_paragraph_stays() -> None:
    text = f"{ARTICLE}\nBoat trips\n\nBook a seat at the harbour office.\n\n{TEASER}\n"
    assert remove_boilerplate(text) == text


def test_lines_of_facts_after_the_last_paragraph_stay() -> None:
    text = f"{ARTICLE}\nOpen Mon - Fri 9:00 - 17:00\n\nPier Road 12\n\nBoat trips\n\n{TEASER}\n"
    assert remove_boilerplate(text) == text


def test_a_list_of_ingredients_after_a_print_button_stays_with_the_method() -> None:
    ingredients = "Dough:\n\n250 g flour\n\n50 ml milk\n\n2 eggs\n\n40 g butter\n\nsome salt\n\n"
    ingredients += "Topping:\n\n25 g sugar\n\n1 tbsp honey\n\nalmonds"
    steps = "Preparation\n\n1\n\nDough"  # the method's heads: short lines of no list
    method = (
        "Mix the flour with the warm milk and the butter, knead the dough for five minutes and leave it to "
        "rise in a warm place for half an hour or a little longer, until it has doubled, before you shape the "
        "rolls.\n\n"
        "Spread the butter, the sugar and the honey over the rolls, scatter the almonds on top and bake "
        "them in a hot oven for twenty minutes, until the topping is golden and the dough sounds hollow.\n"
    )
    text = f"Print\n\n{ingredients}\n\n{steps}\n\n{method}"
    assert remove_boilerplate(text) == f"{ingredients}\n\n{steps}\n\n{method}"


def test_a_closing_clause_after_the_last_paragraph_stays() -> None:
    text = f"{ARTICLE}\nWithout a safe pier, the harbour has no future\n\nOur picks for the weekend\n\n{TEASER}\n"
    assert "Without a safe pier, the harbour has no future" in remove_boilerplate(text)
