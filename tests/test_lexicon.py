# ruff: noqa: RUF001  (prompts and sentences in many scripts)
"""The furniture lexicon: interaction prompts in ten languages go, sentences that use their words stay."""

from __future__ import annotations

import pytest

from textclean.furniture.blocks import split_blocks
from textclean.furniture.evidence import TailLine, find_date, lexicon_evidence
from textclean.pipeline import Pipeline

# A prompt line of each class, in each language, and the label it is removed under.
PROMPTS = [
    # English
    ("Share this article", "share"),
    ("Leave a Reply", "comments"),
    ("Comments (3)", "comments"),
    ("Subscribe to our newsletter", "signup"),
    ("Log in to leave a comment", "login"),
    ("Read more", "related"),
    ("Related articles", "related"),
    ("Story continues below advertisement", "advert"),
    # German
    ("Artikel teilen", "share"),
    ("Kommentar schreiben", "comments"),
    ("Newsletter abonnieren", "signup"),
    ("Anmelden", "login"),
    ("Weiterlesen", "related"),
    ("Das könnte Sie auch interessieren", "related"),
    ("Anzeige", "advert"),
    # French
    ("Partager sur Facebook", "share"),
    ("Laisser un commentaire", "comments"),
    ("Abonnez-vous à notre newsletter", "signup"),
    ("Se connecter", "login"),
    ("Lire la suite", "related"),
    ("La suite après cette publicité", "advert"),
    # Spanish
    ("Compartir en Twitter", "share"),
    ("Deja una respuesta", "comments"),
    ("Suscríbete", "signup"),
    ("Iniciar sesión", "login"),
    ("Seguir leyendo", "related"),
    ("Publicidad", "advert"),
    # Italian
    ("Condividi su Facebook", "share"),
    ("Lascia un commento", "comments"),
    ("Iscriviti alla newsletter", "signup"),
    ("Accedi", "login"),
    ("Continua a leggere", "related"),
    ("Contenuto sponsorizzato", "advert"),
    # Portuguese
    ("Compartilhe", "share"),
    ("Deixe uma resposta", "comments"),
    ("Inscreva-se", "signup"),
    ("Esqueceu a senha?", "login"),
    ("Leia também", "related"),
    ("Continua após a publicidade", "advert"),
    # Polish
    ("Udostępnij na Facebooku", "share"),
    ("Podziel się artykułem", "share"),
    ("Obserwuj nas", "share"),
    ("Dodaj komentarz", "comments"),
    ("Komentarze (12)", "comments"),
    ("Zapisz się do newslettera", "signup"),
    ("Zaloguj się", "login"),
    ("Zaloguj się, aby dodać komentarz", "login"),
    ("Nie pamiętasz hasła?", "login"),
    ("Załóż konto", "login"),
    ("Czytaj więcej", "related"),
    ("Zobacz też", "related"),
    ("Najczęściej czytane", "related"),
    ("Artykuł sponsorowany", "advert"),
    ("Dalsza część artykułu pod reklamą", "advert"),
    # Dutch
    ("Deel dit artikel", "share"),
    ("Plaats een reactie", "comments"),
    ("3 reacties", "comments"),
    ("Schrijf je in voor onze nieuwsbrief", "signup"),
    ("Inloggen", "login"),
    ("Wachtwoord vergeten?", "login"),
    ("Lees verder", "related"),
    ("Gerelateerde artikelen", "related"),
    ("Advertentie", "advert"),
    # Chinese
    ("分享到：微信 微博", "share"),
    ("发表评论", "comments"),
    ("评论（5）", "comments"),
    ("立即订阅", "signup"),
    ("登录 | 注册", "login"),
    ("阅读全文", "related"),
    ("相关文章", "related"),
    ("广告", "advert"),
    # Japanese
    ("この記事をシェアする", "share"),
    ("コメントする", "comments"),
    ("3件のコメント", "comments"),
    ("メルマガ登録", "signup"),
    ("ログイン", "login"),
    ("続きを読む", "related"),
    ("関連記事", "related"),
    ("スポンサーリンク", "advert"),
]

# The notices of a comment form, written as sentences, in each language.
COMMENT_FORM_NOTICES = [
    "Your email address will not be published. Required fields are marked *",
    "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert",
    "Votre adresse e-mail ne sera pas publiée. Les champs obligatoires sont indiqués avec *",
    "Tu dirección de correo electrónico no será publicada. Los campos obligatorios están marcados con *",
    "Il tuo indirizzo email non sarà pubblicato. I campi obbligatori sono contrassegnati *",
    "O seu endereço de e-mail não será publicado. Campos obrigatórios são marcados com *",
    "Twój adres e-mail nie zostanie opublikowany. Wymagane pola są oznaczone *",
    "Je e-mailadres wordt niet gepubliceerd. Vereiste velden zijn gemarkeerd met *",
    "您的电子邮箱地址不会被公开。",
    "メールアドレスが公開されることはありません。",
    "Du musst angemeldet sein, um einen Kommentar abzugeben.",
    "You must be logged in to post a comment.",
]

# Heads of lists of other stories after an article or a possessive.
HEADS_AFTER_AN_ARTICLE = [
    "The most read",
    "Die meistgelesenen Artikel",
    "Les articles similaires",
    "Las más leídas",
    "I più letti",
    "Our latest stories",
    "Unsere Empfehlungen",
]

# Lines of an article that open with a prompt's word, or are one sentence with it: never furniture.
SENTENCES = [
    "Share prices fell sharply on Monday after the company cut its forecast for the year.",
    "Comments from residents at the hearing were mostly in favour of the plan.",
    "Read more books, the librarian told the children on the first day of the summer programme.",
    "Anzeige gegen den Bürgermeister erstattet",
    "Kommentare von Anwohnern waren überwiegend positiv, sagte die Sprecherin der Stadt.",
    "Partager les frais de transport entre les communes voisines est la solution proposée.",
    "Compartir coche para ir al trabajo se ha vuelto más común en la ciudad.",
    "Pubblicità e sponsor hanno pagato quasi metà dei costi del festival.",
    "Comentários dos moradores na audiência foram na maioria favoráveis ao plano.",
    "Reklama telewizyjna traci widzów, a firmy przenoszą budżety do internetu.",
    "Reklama na przystankach zniknie",
    "Komentarze polityków po wtorkowym głosowaniu były bardzo ostre.",
    "Zaloguj się do systemu musi każdy pracownik urzędu przed rozpoczęciem pracy.",
    "Więcej pieniędzy trafi w tym roku do szkół i bibliotek w całym województwie.",
    "Czytaj więcej książek, radzą bibliotekarze rodzicom najmłodszych dzieci.",
    "Reacties van bewoners tijdens de hoorzitting waren overwegend positief.",
    "Lees meer boeken, zegt de bibliothecaris tegen de kinderen in de klas.",
    "评论员指出，市政府今年将投入更多资金修缮老图书馆。",
    "登录人数在周末达到了新的高峰。",
    "広告費は今年、前年より一割ほど増えた。",
    "続きを読むのを楽しみにしている読者が多い。",
    "The comments of the minister on Monday were read as a warning to the unions.",
    "Die meistgelesenen Bücher des Jahres stammen alle von Autorinnen aus der Schweiz.",
    "Drucken ließ der Verlag nur zweihundert Exemplare der ersten Auflage.",
    "Your email address is all the bank needs to send you a new password, the help page says.",
]


@pytest.mark.parametrize(("line", "label"), PROMPTS)
def test_a_prompt_line_is_furniture_of_its_class(line: str, label: str) -> None:
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) == label


@pytest.mark.parametrize("line", COMMENT_FORM_NOTICES)
def test_a_comment_form_notice_is_furniture(line: str) -> None:
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) == "comments"


@pytest.mark.parametrize("line", HEADS_AFTER_AN_ARTICLE)
def test_a_list_head_after_an_article_or_possessive_is_furniture(line: str) -> None:
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) == "related"


@pytest.mark.parametrize("line", SENTENCES)
def test_a_sentence_with_a_prompt_word_is_not_furniture(line: str) -> None:
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) is None


# Per language: a paragraph of an article, a prompt line, and a paragraph that uses the prompt's word.
ARTICLES = {
    "en": (
        "The council voted on Tuesday evening to keep the old library open for at least another year, after a "
        "long debate in which dozens of residents spoke for and against the plan to close it.",
        "Leave a comment",
        "Comments from residents at the hearing were mostly in favour of the plan, and the council said it would "
        "publish all of them on its website before the vote next month.",
    ),
    "de": (
        "Der Stadtrat hat am Dienstagabend beschlossen, die alte Bibliothek mindestens ein weiteres Jahr offen zu "
        "halten, nachdem viele Bürger in einer langen Debatte für und gegen die Schließung gesprochen hatten.",
        "Kommentar schreiben",
        "Kommentare von Anwohnern, die in der Sitzung des Stadtrats gesprochen haben, waren überwiegend positiv, "
        "und die Verwaltung will alle Stellungnahmen vor der Abstimmung im nächsten Monat veröffentlichen.",
    ),
    "fr": (
        "Le conseil municipal a voté mardi soir pour garder la vieille bibliothèque ouverte pendant au moins une "
        "année de plus, après un long débat au cours duquel de nombreux habitants ont pris la parole.",
        "Partager cet article",
        "Partager les frais de transport entre les communes voisines est la solution que le maire a proposée "
        "mardi soir, après un long débat au conseil municipal sur l'avenir de la ligne de bus.",
    ),
    "es": (
        "El ayuntamiento votó el martes por la noche mantener abierta la antigua biblioteca al menos un año más, "
        "después de un largo debate en el que muchos vecinos hablaron a favor y en contra del cierre.",
        "Leer más",
        "Leer más libros en la escuela es el objetivo del nuevo plan del ayuntamiento, que quiere abrir la "
        "biblioteca también los fines de semana y organizar talleres para los niños del barrio.",
    ),
    "it": (
        "Il consiglio comunale ha votato martedì sera per mantenere aperta la vecchia biblioteca per almeno un "
        "altro anno, dopo un lungo dibattito in cui molti cittadini hanno parlato a favore e contro la chiusura.",
        "Pubblicità",
        "Pubblicità e sponsor hanno pagato quasi metà dei costi del festival di quest'anno, ha detto il sindaco, "
        "che vuole trovare nuovi fondi per la biblioteca prima della fine dell'estate.",
    ),
    "pt": (
        "A câmara municipal votou na terça-feira à noite para manter a antiga biblioteca aberta por pelo menos "
        "mais um ano, depois de um longo debate em que muitos moradores falaram a favor e contra o fechamento.",
        "Deixe um comentário",
        "Comentários dos moradores na audiência de terça-feira foram na maioria favoráveis ao plano, e a "
        "prefeitura disse que vai publicar todos eles antes da votação do próximo mês.",
    ),
    "pl": (
        "Rada miasta zdecydowała we wtorek wieczorem, że stara biblioteka pozostanie otwarta przez co najmniej "
        "jeszcze jeden rok, po długiej debacie, w której wielu mieszkańców wypowiadało się za i przeciw.",
        "Czytaj więcej",
        "Czytaj więcej książek, radzą bibliotekarze rodzicom najmłodszych dzieci, bo codzienna lektura rozwija "
        "słownictwo i wyobraźnię, a biblioteka w tym roku kupi ponad tysiąc nowych tytułów.",
    ),
    "nl": (
        "De gemeenteraad heeft dinsdagavond besloten de oude bibliotheek nog minstens een jaar open te houden, "
        "na een lang debat waarin veel inwoners voor en tegen de sluiting van het gebouw spraken.",
        "Reacties",
        "Reacties van bewoners tijdens de hoorzitting van dinsdag waren overwegend positief, en de gemeente wil "
        "alle bijdragen publiceren voordat de gemeenteraad volgende maand over het plan stemt.",
    ),
    "zh": (
        "市议会周二晚上投票决定，老图书馆将至少再开放一年。此前，许多居民在长时间的辩论中发表了支持和反对关闭的意见，"
        "会议一直持续到深夜。",
        "评论",
        "评论员指出，市政府今年将投入更多资金修缮老图书馆，并计划在周末延长开放时间，让更多的学生和居民可以在安静的"
        "环境中阅读和学习。",
    ),
    "ja": (
        "市議会は火曜日の夜、古い図書館を少なくともあと一年開館し続けることを決めた。長い議論の中で、多くの住民が"
        "閉館に賛成と反対の意見を述べ、会議は深夜まで続いた。",
        "続きを読む",
        "続きを読むのを楽しみにしている読者が多く、出版社は来月から毎週金曜日に新しい章を公開し、図書館でも朗読会を"
        "開く予定だと発表した。",
    ),
}


@pytest.mark.parametrize("language", sorted(ARTICLES))
def test_the_prompt_goes_and_the_sentence_with_its_word_stays(language: str) -> None:
    first, prompt, second = ARTICLES[language]
    output = Pipeline(["boilerplate"])(f"{first}\n\n{prompt}\n\n{second}\n")
    assert output == f"{first}\n\n{second}\n"


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Opublikowano: 17.02.2010, 10:30, aktualizacja: 18.02.2010", "17.02.2010"),
        ("Gepubliceerd op 5 januari 2021 om 10:30", "5 januari 2021"),
        ("Amsterdam, 17 maart 2010", "17 maart 2010"),
    ],
)
def test_polish_and_dutch_datelines_are_read(line: str, date: str) -> None:
    match = find_date(line)
    assert match is not None
    assert match.group() == date
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) == "dateline"


@pytest.mark.parametrize("line", ["Wszelkie prawa zastrzeżone.", "Alle rechten voorbehouden"])
def test_polish_and_dutch_rights_notices_are_furniture(line: str) -> None:
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) == "source"


# Lines and the label the lexicon gives them, each rule of the native reader (native/src/lexicon.rs) in
# several languages: phrase lines, notices, credits, bylines and datelines, and lines that are none.
LABELLED_LINES = [
    ("Tags: harbour, storm, coast", "tags"),
    ("Schlagwörter: Hafen, Sturm", "tags"),
    ("Étiquettes : port, tempête", "tags"),
    ("Tags: harbour, storm. The harbour closed.", None),
    ("Compartilhe este artigo", "share"),
    ("シェアする", "share"),
    ("コメントを書く", "comments"),
    ("Nos articles similaires", "related"),
    ("Les plus lus", "related"),
    ("ſhare this article", "share"),  # the long s is an s, as Python's regex matches it
    ("Your email address will not be published. Required fields are marked", "comments"),
    ("We use cookies to improve your experience. Accept all or manage your privacy settings.", "cookies"),
    ("Diese Website verwendet Cookies. Mit der Nutzung stimmen Sie der Datenschutzerklärung zu.", "cookies"),
    ("We bake cookies every morning for the market.", None),
    ("© 2020 Example Mills. All Rights Reserved", "rights"),
    ("(c) Jane Doe", "rights"),
    ("Fotos: Jana Nováková. Alle Rechte vorbehalten.", "rights"),
    ("The court ruled on the copyright of the photo.", None),
    ("The square in 1998. (Photo: City Archive)", "caption"),
    ("Der Marktplatz im Jahr 1998. Bild: Stadtarchiv", "caption"),
    ("Rynek w 1998 roku. Fot. Jan Kowalski", "caption"),
    ("La plaza en 1998. Foto de Ana Ruiz", "caption"),
    ("Ships in the harbour. Getty Images", "caption"),
    ("1998年の広場。（写真：市の資料館）", "caption"),
    ("By Jane Doe", "byline"),
    ("Von Hans Meier, Berlin", "byline"),
    ("— By Jane Doe", None),  # a quotation's attribution
    ("Published: May 7, 2010", "dateline"),
    ("Deadline: May 7, 2010", None),  # a date under a label of its own is the text's
    ("Mis à jour le 17 février 2010 à 10:30", "dateline"),
    ("Actualizado el 17 de marzo de 2020", "dateline"),
    ("2024年3月5日 08:30", "dateline"),
    ("May 7, 2010 was the day the harbour closed for the last time this century.", None),
]


@pytest.mark.parametrize(("line", "label"), LABELLED_LINES)
def test_each_rule_of_the_lexicon_labels_its_lines(line: str, label: str | None) -> None:
    assert lexicon_evidence((), ()).furniture_label(split_blocks(line)[0]) == label


@pytest.mark.parametrize(
    ("line", "prompts", "expected"),
    [
        ("Leave a Comment", False, TailLine("comments", prompt=False)),
        ("3 Kommentare", False, TailLine("comments", prompt=False)),
        ("Tags: a, b", False, TailLine("tags", prompt=False)),
        ("Über den Autor", False, TailLine("source", prompt=False)),
        ("© 2024 Example Ltd.", False, TailLine("rights", prompt=False)),
        ("Die meistgelesenen Artikel", False, None),
        ("Die meistgelesenen Artikel", True, TailLine("related", prompt=True)),
        ("Czytaj więcej", True, TailLine("related", prompt=True)),
        ("Share this article", True, TailLine("share", prompt=True)),
        ("Share this article", False, None),
        ("See also: The old bridge", True, None),  # a cross-reference to one title, not a list's head
        ("Related articles", False, TailLine("related", prompt=False)),
        ("The harbour reopened on Monday.", True, None),
    ],
)
def test_footer_markers_and_prompts_open_the_tail(line: str, prompts: bool, expected: TailLine | None) -> None:
    assert lexicon_evidence((), ()).tail_label(split_blocks(line)[0], prompts=prompts) == expected


def test_users_phrases_come_before_the_lexicon_and_read_the_same_phrase_lines() -> None:
    evidence = lexicon_evidence(("Share this", "Harbour"), (r"^Harbour\b",))
    assert evidence.furniture_label(split_blocks("Share this article")[0]) == "user-phrase"
    assert evidence.furniture_label(split_blocks("Share this load with the crew of the ship, they said.")[0]) is None
    assert evidence.furniture_label(split_blocks("Harbour news, ships and boats")[0]) == "user-pattern"
    assert evidence.tail_label(split_blocks("Share this load with the crew.")[0], prompts=False) == TailLine(
        "user-phrase", prompt=False
    )
