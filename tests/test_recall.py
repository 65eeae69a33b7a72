# ruff: noqa: RUF001  (text in scripts with their own punctuation)
"""Article text that ``boilerplate`` and ``footer`` must keep, in six languages.

The languages are English, German, French, Spanish, Chinese and Japanese. Each failure kind has a
row per language: a paragraph after a furniture line inside the article, a document of a sentence
or two, lists that belong to the text, short verse lines, and a whole
article in a script written without spaces.
"""

from __future__ import annotations

import pytest

import textclean
from textclean.cleaners.boilerplate import remove_boilerplate
from textclean.cleaners.footer import remove_footer
from textclean.pipeline import Pipeline

# Two paragraphs of an article and the furniture lines that stand between paragraphs, per language.
ARTICLES = {
    "en": (
        "The council met on Tuesday to discuss the budget for next year and heard from residents about parks.",
        "The vote is expected next month after another round of public hearings on the plan, officials said.",
        ["Advertisement", "Share this article", "Subscribe to our newsletter", "Read more: [Parks](/parks)"],
    ),
    "de": (
        "Der Stadtrat hat am Dienstag über den Haushalt für das nächste Jahr beraten und die Bürger angehört.",
        "Die Abstimmung soll im kommenden Monat nach einer weiteren öffentlichen Anhörung stattfinden.",
        ["Anzeige", "Diesen Artikel teilen", "Newsletter abonnieren", "Lesen Sie auch: [Parks](/parks)"],
    ),
    "fr": (
        "Le conseil municipal s'est réuni mardi pour discuter du budget de l'année prochaine avec les habitants.",
        "Le vote aura lieu le mois prochain, après une nouvelle série d'auditions publiques sur le projet.",
        ["Publicité", "Partager cet article", "Abonnez-vous à notre newsletter", "Lire aussi : [Parcs](/parcs)"],
    ),
    "es": (
        "El ayuntamiento se reunió el martes para debatir el presupuesto del próximo año con los vecinos.",
        "La votación se espera para el mes que viene, después de otra ronda de audiencias públicas sobre el plan.",
        ["Publicidad", "Compartir en Facebook", "Suscríbete", "Lee también: [Parques](/parques)"],
    ),
    "zh": (
        "市议会周二开会讨论明年的预算，并听取了居民对公园建设的意见。",
        "官员表示，在就该计划再举行一轮公开听证会之后，投票预计将于下个月进行。",
        ["广告", "分享到：微信 微博", "相关阅读：[公园](/parks)"],
    ),
    "ja": (
        "市議会は火曜日に来年度の予算について話し合い、公園について住民の意見を聞いた。",
        "計画についての公聴会をもう一度開いたうえで、来月に採決が行われる見通しだと担当者は話した。",
        ["広告", "この記事をシェアする", "関連記事：[公園](/parks)"],
    ),
}
LINES = [(language, line) for language, (_, _, lines) in ARTICLES.items() for line in lines]


@pytest.mark.parametrize(("language", "line"), LINES)
def test_a_furniture_line_between_two_paragraphs_goes_and_the_article_stays_whole(language: str, line: str) -> None:
    first, second, _ = ARTICLES[language]
    text = f"{first}\n\n{line}\n\n{second}\n"
    assert remove_boilerplate(text) == f"{first}\n\n{second}\n"
    assert textclean.clean(text) == f"{first}\n\n{second}\n"


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_a_users_pattern_between_two_paragraphs_cuts_nothing_else(language: str) -> None:
    first, second, _ = ARTICLES[language]
    text = f"{first}\n\nSponsored by Example Bank\n\n{second}\n"
    options = {"boilerplate": {"patterns": [r"^\s*Sponsored by\b"]}}
    assert Pipeline(None, options=options)(text) == f"{first}\n\n{second}\n"


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_must_not_change_an_article_of_a_sentence_or_two(language: str) -> None:
    first, second, _ = ARTICLES[language]
    for text in (f"{first}\n", f"{first}\n\n{second}\n", f"{first} {second}"):
        assert remove_boilerplate(text) == text
        assert remove_footer(text) == text
        assert textclean.clean(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See <https://example.com>.", "See https://example.com."),
        ("Siehe [die Satzung](https://example.com/satzung).", "Siehe die Satzung."),
        ("详见<https://example.com>。", "详见https://example.com。"),
    ],
)
def test_a_sentence_with_a_link_is_not_a_link_list(text: str, expected: str) -> None:
    assert textclean.clean(text) == expected


# Lists that belong to the text: ingredients, steps, numbered points, a table of specs.
LISTS = {
    "en": (
        "Ingredients",
        ["* 250 g butter", "* 200 g sugar", "* 4 eggs"],
        ["1. Heat the oven to 180 degrees.", "2. Beat butter, sugar and eggs.", "3. Bake for 40 minutes."],
        ["| Weight | 1.2 kg |", "| Battery | 10 hours |"],
    ),
    "de": (
        "Zutaten",
        ["* 250 g Butter", "* 200 g Zucker", "* 4 Eier"],
        ["1. Den Ofen auf 180 Grad vorheizen.", "2. Butter, Zucker und Eier rühren.", "3. 40 Minuten backen."],
        ["| Gewicht | 1,2 kg |", "| Akku | 10 Stunden |"],
    ),
    "fr": (
        "Ingrédients",
        ["* 250 g de beurre", "* 200 g de sucre", "* 4 œufs"],
        ["1. Préchauffer le four à 180 degrés.", "2. Battre le beurre et le sucre.", "3. Cuire 40 minutes."],
        ["| Poids | 1,2 kg |", "| Batterie | 10 heures |"],
    ),
    "es": (
        "Ingredientes",
        ["* 250 g de mantequilla", "* 200 g de azúcar", "* 4 huevos"],
        ["1. Precalentar el horno a 180 grados.", "2. Batir la mantequilla y el azúcar.", "3. Hornear 40 minutos."],
        ["| Peso | 1,2 kg |", "| Batería | 10 horas |"],
    ),
    "zh": (
        "材料",
        ["* 黄油 250 克", "* 白糖 200 克", "* 鸡蛋 4 个"],
        ["1. 将烤箱预热至180度。", "2. 把黄油、白糖和鸡蛋搅拌均匀。", "3. 烘烤40分钟。"],
        ["| 重量 | 1.2 公斤 |", "| 电池 | 10 小时 |"],
    ),
    "ja": (
        "材料",
        ["* バター 250グラム", "* 砂糖 200グラム", "* 卵 4個"],
        ["1. オーブンを180度に温める。", "2. バターと砂糖と卵を混ぜる。", "3. 40分焼く。"],
        ["| 重さ | 1.2キロ |", "| 電池 | 10時間 |"],
    ),
}


@pytest.mark.parametrize("language", sorted(LISTS))
def test_must_not_change_lists_that_belong_to_the_text(language: str) -> None:
    first, second, _ = ARTICLES[language]
    heading, ingredients, steps, specs = LISTS[language]
    text = "\n\n".join([first, heading, "\n".join(ingredients), "\n".join(steps), "\n".join(specs), second]) + "\n"
    assert remove_boilerplate(text) == text
    assert remove_footer(text) == text


VERSE = {
    "en": ["Under the evening rain", "the path falls silent,", "the leaves remember."],
    "de": ["Unter dem Abendregen", "verstummt der Weg,", "die Blätter erinnern sich."],
    "fr": ["Sous la pluie du soir", "le chemin se tait,", "les feuilles se souviennent."],
    "es": ["Bajo la lluvia de la tarde", "el camino calla,", "las hojas recuerdan."],
    "zh": ["傍晚的雨中", "小路沉默了，", "树叶还记得。"],
    "ja": ["夕暮れの雨に", "道は黙り、", "葉は覚えている。"],
}


@pytest.mark.parametrize("language", sorted(VERSE))
def test_must_not_change_short_verse_lines_after_a_paragraph(language: str) -> None:
    first, second, _ = ARTICLES[language]
    text = f"{first}\n\n" + "\n".join(VERSE[language]) + f"\n\n{second}\n"
    assert remove_boilerplate(text) == text
    verse_last = f"{first}\n\n{second}\n\n" + "\n".join(VERSE[language]) + "\n"
    assert remove_boilerplate(verse_last) == verse_last


# A whole article in a script written without spaces: a menu, a title, paragraphs, a related list,
# a copyright line. It must neither vanish nor be left as it was.
CJK_PAGES = {
    "zh": (
        ["* [首页](/)", "* [新闻](/news)", "* [体育](/sport)", "* [财经](/money)"],
        "城市图书馆将延长开放时间 | 示例日报",
        "城市图书馆将延长开放时间",
        [
            "市政府周二宣布，从下个月起，城市图书馆的开放时间将延长至每晚十点。许多学生和上班族表示，现有的开放时间"
            "无法满足他们的需要。",
            "馆长说，延长开放时间所需的费用将由文化预算承担，同时还会招聘二十名新员工，周末的儿童阅读活动也会增加。",
        ],
        "相关新闻",
        ["* [博物馆周末免费开放](/a)", "* [地铁三号线下月试运行](/b)", "* [公园改造工程正式启动](/c)"],
        "版权所有 © 2024 示例日报",
    ),
    "ja": (
        ["* [トップ](/)", "* [ニュース](/news)", "* [スポーツ](/sport)", "* [経済](/money)"],
        "市立図書館、夜十時まで開館へ - 例示新聞",
        "市立図書館、夜十時まで開館へ",
        [
            "市は五日、市立図書館の開館時間を来月から午後十時まで延長すると発表した。学生や会社員から、利用できる"
            "時間が短いという声が多く寄せられていたという。",
            "館長は記者会見で、延長に必要な費用は文化予算から支出し、新たに職員を二十人採用すると説明した。週末の"
            "読み聞かせも増やす予定だ。",
        ],
        "関連記事",
        ["* [博物館、週末は入場無料に](/a)", "* [地下鉄三号線、来月に試運転](/b)", "* [公園の改修工事が始まる](/c)"],
        "Copyright © 2024 例示新聞 All rights reserved.",
    ),
}


@pytest.mark.parametrize("language", sorted(CJK_PAGES))
def test_an_article_without_spaces_keeps_its_text_and_loses_its_furniture(language: str) -> None:
    menu, title, clean_title, paragraphs, related, links, rights = CJK_PAGES[language]
    page = "\n".join(menu) + f"\n\n{title}\n\n" + "\n\n".join(paragraphs) + f"\n\n{related}\n\n"
    page += "\n".join(links) + f"\n\n{rights}\n"
    assert textclean.clean(page) == f"{clean_title}\n\n" + "\n\n".join(paragraphs) + "\n"


def test_prose_outside_the_article_run_goes_only_when_strict() -> None:
    first, second, _ = ARTICLES["en"]
    third = "Residents can send their comments on the budget and the parks to the council until the vote."
    text = f"{first}\n\n{second}\n\n* [Home](/)\n* [News](/news)\n* [Sport](/sport)\n\n{third}\n"
    assert remove_boilerplate(text) == f"{first}\n\n{second}\n\n{third}\n"
    assert remove_boilerplate(text, strictness="strict") == f"{first}\n\n{second}\n"


def test_explain_names_the_pass_of_every_removed_block() -> None:
    first, second, _ = ARTICLES["en"]
    menu = "* [Home](/)\n* [News](/news)"
    text = f"{menu}\n\n{first}\n\nAdvertisement\n\n{second}\n\nFollow us\n\nAcme\n\n[A](/a) [B](/b)\n"
    edits = Pipeline(["boilerplate"]).explain(text).steps[0].edits
    passes = {edit.data["text"]: edit.data["pass"] for edit in edits if edit.rule.startswith("boilerplate-")}
    assert passes["Advertisement"] == "own-evidence"
    assert passes["Acme"] in {"neighbours", "position"}  # a line between two furniture blocks, outside the text
    assert all(
        name in {"own-evidence", "repeats", "neighbours", "position", "teaser-cards"} for name in passes.values()
    )


# A menu of three links, and a box of four: furniture around the text of the tests below.
MENU = "* [Home](/)\n* [News](/news)\n* [Sport](/sport)"
LINK_BOX = f"{MENU}\n* [Weather](/weather)"


def _plain(lines: list[str]) -> list[str]:
    """The lines of a list as a converter that drops list markers gives them: "* 250 g butter" -> "250 g butter"."""
    return [line.split(" ", 1)[1] for line in lines]


def _specs(rows: list[str]) -> list[str]:
    """The rows of a table as label-value lines: "| Weight | 1.2 kg |" -> "Weight: 1.2 kg"."""
    return [": ".join(cell.strip() for cell in row.strip("| ").split("|")) for row in rows]


@pytest.mark.parametrize("language", sorted(LISTS))
def test_must_not_change_a_list_under_its_heading_before_a_share_line(language: str) -> None:
    # the lines carry no list markers (as inscriptis gives them); a line of links follows them, then the steps
    first, _, _ = ARTICLES[language]
    heading, ingredients, steps, _ = LISTS[language]
    body = "\n\n".join([first, heading, *_plain(ingredients)])
    text = f"{MENU}\n\n{body}\n\n[Print](/print) [Share](/share)\n\n" + "\n\n".join(_plain(steps)) + f"\n\n{MENU}\n"
    assert remove_boilerplate(text) == f"{body}\n\n" + "\n\n".join(_plain(steps)) + "\n"


@pytest.mark.parametrize("language", sorted(LISTS))
def test_must_not_change_a_table_of_specs_between_two_link_lines(language: str) -> None:
    first, second, _ = ARTICLES[language]
    _, _, _, specs = LISTS[language]
    rows = [*_specs(specs), _specs(specs)[0].replace("1", "2")]
    text = (
        f"{MENU}\n\n{first}\n\n{second}\n\n[Print](/print)\n\n" + "\n\n".join(rows) + f"\n\n[Share](/share)\n\n{MENU}\n"
    )
    assert remove_boilerplate(text) == f"{first}\n\n{second}\n\n" + "\n\n".join(rows) + "\n"


@pytest.mark.parametrize("language", sorted(LISTS))
def test_short_sentences_outside_the_article_run_stay_unless_strict(language: str) -> None:
    # the steps of a recipe after a box of links: outside the article's run, but sentences of the text
    first, second, _ = ARTICLES[language]
    steps = _plain(LISTS[language][2])
    text = f"{first}\n\n{second}\n\n{LINK_BOX}\n\n" + "\n\n".join(steps) + "\n"
    assert remove_boilerplate(text) == f"{first}\n\n{second}\n\n" + "\n\n".join(steps) + "\n"
    assert remove_boilerplate(text, strictness="strict") == f"{first}\n\n{second}\n"


@pytest.mark.parametrize(
    "teaser",
    [
        "Why this small harbour town became the most visited place on the coast this summer […]",
        "Warum dieses kleine Hafenstädtchen in diesem Sommer zum beliebtesten Ort an der Küste wurde ...",
        "Follow us on:",
    ],
)
def test_an_excerpt_or_a_lead_in_outside_the_article_run_goes(teaser: str) -> None:
    first, second, _ = ARTICLES["en"]
    text = f"{first}\n\n{second}\n\n{LINK_BOX}\n\nMore\n\n{teaser}\n"
    assert remove_boilerplate(text) == f"{first}\n\n{second}\n"


BLURBS = {
    "en": "Sign up for our newsletter and get the best stories of the week in your inbox every Friday.",
    "de": "Melden Sie sich für unseren Newsletter an und erhalten Sie jeden Freitag die besten Geschichten.",
    "fr": "Abonnez-vous à notre newsletter pour recevoir chaque vendredi les meilleurs articles de la semaine.",
    "es": "Suscríbete a nuestra newsletter y recibe cada viernes las mejores historias de la semana.",
}


@pytest.mark.parametrize("language", sorted(BLURBS))
def test_a_prompt_written_as_a_sentence_outside_the_article_run_goes(language: str) -> None:
    # a sentence of the text there stays (see above); one that pitches a prompt and speaks of other things goes
    first, second, _ = ARTICLES[language]
    text = f"{first}\n\n{second}\n\n{LINK_BOX}\n\n{BLURBS[language]}\n"
    assert remove_boilerplate(text) == f"{first}\n\n{second}\n"


NOTES = {
    "en": ("Jane Doe", "Jane Doe is a senior writer for Example News who covers the city council."),
    "de": ("Hans Meier", "Hans Meier ist Redakteur im Ressort Lokales und schreibt über die Stadtpolitik."),
    "fr": ("Marie Dupont", "Marie Dupont est journaliste au service politique depuis 2015."),
    "es": ("Ana Ruiz", "Ana Ruiz es periodista y cubre la política municipal desde hace diez años."),
}


@pytest.mark.parametrize("language", sorted(NOTES))
def test_a_note_about_the_author_after_the_article_goes(language: str) -> None:
    first, second, _ = ARTICLES[language]
    name, note = NOTES[language]
    long_paragraph = f"{first} {second} {second} {first} {first}"
    article = f"{first}\n\n{second}\n\n{long_paragraph}\n"  # over a hundred words before the note
    assert remove_boilerplate(f"{article}\n{name}\n\n{note}\n") == article
    # a sentence of the article that speaks of a writer is no note: it is not at the end
    assert remove_boilerplate(f"{first}\n\n{note}\n\n{second}\n") == f"{first}\n\n{note}\n\n{second}\n"
