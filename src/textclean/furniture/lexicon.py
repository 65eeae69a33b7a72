# ruff: noqa: RUF001, RUF003  (a data module of words and punctuation in many scripts)
"""The lexicon of page furniture: word lists and precompiled phrase patterns of ``boilerplate`` and ``footer``.

This is data, not logic: what the classifiers look for, in several languages (English, German,
French, Spanish, Italian, Portuguese, Dutch, a few Chinese and Japanese phrases, and a few Russian
and Polish function words). Every
phrase is generic page furniture ("Leave a comment", "Articles by:", "All rights reserved"); none
names a site. Phrases are matched case-insensitively at word boundaries, so "ad" never hits
"adapt". Users add their own phrases through the cleaners' options; :func:`phrase_pattern` builds
the same kind of pattern from them.

>>> bool(FURNITURE["share"].search("Share this article"))
True
>>> bool(FURNITURE["advert"].search("adapting to change"))
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

import regex

from textclean.text.languages import read_language, stopwords


# Function words: a block of running prose is about 30-50 % function words, a menu or a list of
# names far fewer (jusText's "stopword density"). They come from the document's own language; the
# share is a soft signal, compared with the document's own prose (see passes.py).
@lru_cache(maxsize=4)
def document_stopwords(text: str) -> frozenset[str]:
    """Return the function words that ``boilerplate`` and ``footer`` count in ``text``.

    Every stopword lookup of the two cleaners goes through here: the function words of the language
    the document is written in (:mod:`textclean.text.languages`). A document whose language cannot
    be read, or that is written without spaces, has none; the cleaners then tell prose by
    punctuation, characters and line length. The last few answers are kept: the block splitter and
    the classifier ask about the same text one after the other.

    >>> "the" in document_stopwords("The cat sat on the mat while the dog slept by the door.")
    True
    >>> document_stopwords("猫がマットの上に座っていた。")
    frozenset()
    """
    return stopwords(read_language(text))


# Rights notices: furniture wherever they stand, and the start of a page's tail after an article.
RIGHTS = (
    r"copyright",
    r"©",
    r"\(c\) \d{4}",
    r"all rights reserved",
    r"alle rechte vorbehalten",
    r"tous droits réservés",
    r"todos los derechos reservados",
    r"tutti i diritti riservati",
    r"todos os direitos reservados",
    r"alle rechten voorbehouden",
    r"版权所有",
    r"保留所有权利",
    r"無断転載を禁(?:じます|止します)",
)

# Furniture phrases by label. A label names what the furniture is; it becomes part of the rule name
# that ``explain`` reports. Each phrase is a regular-expression fragment (spaces match any space); a
# phrase that another one of its label starts with comes after it ("compartir en", then "compartir").
FURNITURE_PHRASES: dict[str, tuple[str, ...]] = {
    # social sharing prompts
    "share": (
        r"share (?:this|on|to|via|with|the article|article|story|post)",
        r"share",
        r"tweet",
        r"teilen",
        r"diesen artikel teilen",
        r"partager (?:sur|cet article)",
        r"partager",
        r"compartir en",
        r"compartir",
        r"condividi",
        r"compartilhar",
        r"partilhar",
        r"delen",
        r"follow us",
        r"folgen sie uns",
        r"suivez-nous",
        r"síguenos",
        r"seguici",
        r"siga-nos",
        r"分享到?",
        r"(?:この記事を)?シェア(?:する)?",
    ),
    # comment prompts and counters
    "comments": (
        r"leave a (?:comment|reply)",
        r"post a comment",
        r"add (?:a )?comment",
        r"\d+ comments?",
        r"comment on .{0,60} on (?:our )?facebook(?: page)?",
        r"comments?",
        r"no comments(?: yet)?",
        r"kommentar schreiben",
        r"kommentare?",
        r"commentaires?",
        r"laisser un commentaire",
        r"comentarios?",
        r"deja un comentario",
        r"commenti",
        r"lascia un commento",
        r"comentários?",
        r"deixe um comentário",
        r"reacties",
    ),
    # newsletter, sign-up, membership and app prompts
    "signup": (
        r"subscribe(?: now| today| to (?:our|the) newsletter)?",
        r"sign up(?: for (?:our|the) newsletter| now)?",
        r"newsletter abonnieren",
        r"newsletter",
        r"become a (?:member|subscriber|patron)",
        r"join (?:us|our (?:mailing list|newsletter))",
        r"download (?:our|the) app",
        r"jetzt abonnieren",
        r"abonnez-vous",
        r"s'abonner",
        r"inscrivez-vous",
        r"suscríbete",
        r"suscribirse",
        r"iscriviti",
        r"assine",
        r"inscreva-se",
        r"abonneren",
        r"log ?in",
        r"sign in",
        r"register",
        r"anmelden",
        r"se connecter",
        r"iniciar sesión",
        r"accedi",
    ),
    # cookie and privacy notices
    "cookies": (
        r"(?:we|this (?:site|website)) uses? cookies",
        r"accept (?:all )?cookies",
        r"cookie (?:policy|settings|preferences)",
        r"privacy (?:policy|settings)",
        r"terms (?:of (?:use|service)|and conditions)",
        r"datenschutz(?:erklärung)?",
        r"impressum",
        r"politique de confidentialité",
        r"mentions légales",
        r"política de (?:privacidad|privacidade|cookies)",
        r"aviso legal",
        r"informativa (?:sulla )?privacy",
    ),
    # navigation
    "navigation": (
        r"skip to (?:main )?(?:content|navigation|search)",
        r"zum inhalt springen",
        r"aller au contenu",
        r"ir al contenido",
        r"back to top",
        r"nach oben",
        r"retour en haut",
        r"volver arriba",
        r"home",
        r"startseite",
        r"accueil",
        r"inicio",
        r"menu",
        r"menü",
        r"search",
        r"suche",
        r"rechercher",
        r"buscar",
        r"cerca",
        r"(?:previous|next|older|newer) (?:post|article|story|page)",
        r"(?:previous|next)",
        r"load more",
        r"see (?:all|more)",
        r"print(?: this (?:article|page))?",
        r"e-?mail(?: this (?:article|page))?",
        r"close",
    ),
    # lists of other articles
    "related": (
        r"related(?: (?:articles?|posts?|stories|news|content|coverage|topics))?",
        r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
        r"recommended(?: for you| stories| articles| reading)?",
        r"more (?:from|on|about|stories|news|articles)(?: .{0,40})?",
        r"(?:most|more) (?:popular|read|viewed|shared|commented)",
        r"trending(?: now)?",
        r"read (?:more|next|also)",
        r"continue reading",
        r"further reading",
        r"mehr zum thema",
        r"das könnte sie auch interessieren",
        r"weiterlesen",
        r"lesen sie auch",
        r"meistgelesen",
        r"à lire aussi",
        r"lire (?:aussi|la suite)",
        r"sur le même sujet",
        r"articles similaires",
        r"leer más",
        r"lee también",
        r"te puede interesar",
        r"noticias relacionadas",
        r"leggi (?:anche|tutto)",
        r"articoli correlati",
        r"leia (?:mais|também)",
        r"notícias relacionadas",
        r"lees (?:meer|ook)",
        r"相关(?:新闻|文章|阅读)",
        r"関連(?:記事|ニュース)",
    ),
    # advertising labels
    "advert": (
        r"advertisement",
        r"advertising",
        r"sponsored(?: content)?",
        r"ad",
        r"anzeige",
        r"werbung",
        r"publicité",
        r"publicidad",
        r"pubblicità",
        r"publicidade",
        r"advertentie",
        r"广告",
        r"広告",
    ),
    # tag and category lines: "Tags: a, b", "Filed under: ...", "Region: ...", "Theme: ..."
    "tags": (
        r"tags?",
        r"tagged(?: with)?",
        r"topics?",
        r"categor(?:y|ies)",
        r"filed under",
        r"posted in",
        r"region",
        r"theme",
        r"keywords",
        r"schlagwörter",
        r"themen",
        r"mots-clés",
        r"étiquettes",
        r"etiquetas",
        r"temas",
        r"argomenti",
    ),
    # notices of source, author and rights, mostly after the text
    "source": (
        r"the original source of this article is",
        r"(?:this article|this story|it) (?:was )?(?:originally )?(?:published|appeared) (?:on|in|at|by)",
        r"originally published (?:on|in|at|by)",
        r"articles? by",
        r"more articles by",
        r"source",
        r"quelle",
        r"fuente",
        r"fonte",
        r"bron",
        r"for media inquiries",
        r"media (?:contact|inquiries)",
        r"press contact",
        r"contact(?: us)?",
        r"kontakt",
        r"contacto",
        r"contatti",
        r"about the author",
        r"über den autor",
        r"à propos de l'auteur",
        r"sobre el autor",
        r"disclaimer",
        r"haftungsausschluss",
        r"avertissement",
        r"aviso",
        *RIGHTS,
    ),
    # photo and image credits
    "caption": (
        r"(?:photo|image|picture|video|graphic|illustration)s?(?: credit)?",
        r"credits?",
        r"foto",
        r"bild",
        r"crédito",
        r"crédit(?: photo)?",
        r"getty(?: images)?",
        r"shutterstock",
        r"istock(?:photo)?",
        r"(?:ap|afp|reuters|dpa|epa) photo",
    ),
}


# A cookie or consent notice: "cookies" with the words of consent around it. Only blocks of a notice's
# length are tested (an article about cookies is longer, or lacks the consent words).
COOKIE_NOTICE = regex.compile(r"\bcookies?\b", regex.IGNORECASE)
CONSENT_WORDS = regex.compile(
    r"\b(?:accept\w*|consent\w*|agree|privacy|preferences|settings|opt.out|akzeptier\w*|zustimm\w*|"
    r"einwilligung|datenschutz\w*|accepte[rz]?|consentement|confidentialité|acept\w*|consentimiento|privacidad|"
    r"accett\w*|consenso|aceit\w*|consentimento|privacidade|accepteren|toestemming)\b",
    regex.IGNORECASE,
)

_MONTHS = (
    r"jan(?:uary|uar|vier|eiro)?|feb(?:ruary|ruar)?|f[ée]v(?:rier)?|fevereiro|mar(?:ch|s|zo|ço)?|m[äa]rz|"
    r"apr(?:il|ile)?|avril|abril|may|mai|mayo|maggio|maio|jun(?:e|i|io|ho)?|juin|giugno|jul(?:y|i|io|ho)?|"
    r"juillet|luglio|aug(?:ust|usti)?|ao[ûu]t|agosto|sep(?:t|tember|tembre|tiembre|tembro)?|settembre|"
    r"oct(?:ober|obre|ubre)?|okt(?:ober)?|ottobre|outubro|nov(?:ember|embre|iembre|embro)?|"
    r"dec(?:ember)?|dez(?:ember|embro)?|d[ée]cembre|dic(?:iembre|embre)?"
)
# A date: "February 17, 2010", "17 February 2010", "17. Februar 2010", "2010-02-17", "17/02/2010".
DATE = regex.compile(
    rf"\b(?:(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th|\.)? (?:de )?"
    rf"(?:{_MONTHS})\.?,? (?:de )?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})\b",
    regex.IGNORECASE,
)
# A date in Chinese or Japanese: "2010年2月17日".
CJK_DATE = regex.compile(r"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日")
# A digit: a cheap test before the date pattern is tried.
DIGIT = regex.compile(r"\d")
# Words that go with a date in a dateline: "Published", "Updated", "Posted on", weekdays, times.
DATELINE_WORDS = regex.compile(
    r"\b(?:published|updated|posted|last (?:updated|modified)|on|at|am|pm|gmt|utc|[ec][sd]t|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|"
    r"atualizado|gepubliceerd|mon|tue|wed|thu|fri|sat|sun)\w*\b|\d{1,2}:\d{2}",
    regex.IGNORECASE,
)
# A byline: "By Jane Doe", "Von Hans Meier", "Par Jean Dupont", "Por Ana Ruiz", "Di ...", "Door ...".
BYLINE = regex.compile(r"^\W{0,3}(?:by|von|par|por|di|door|written by|autor|author)\b[:\s]", regex.IGNORECASE)
# A photo credit inside a caption: "[Photo: US Embassy]", "(Photo: AP)", "Photo by ...", "(AFP)".
CREDIT = regex.compile(
    r"[\[(](?:photo|image|picture|foto|bild|crédit|credit|source|quelle|fuente)s?\b[^\])\n]{0,120}[\])]\W*$"
    r"|\b(?:photo|image|foto|bild)s? (?:by|von|de|di|par|por)\b[^.\n]{0,80}$"
    r"|\bgetty images\W*$",
    regex.IGNORECASE,
)
# Separators between a title and the site's name: "Title – Site", "Title | Site", "Title :: Site".
TITLE_SEPARATOR = regex.compile(r"\s+(?:[|–—·•»]|-{1,2}|::)\s+")
# Characters of scripts written without spaces, each of which carries about a word.
WIDE = regex.compile(r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Hangul}\p{Thai}]")
# The blocks of code points that hold every character of WIDE: text with none of them (most text) has
# no character of WIDE, which ``re`` tells faster than ``regex`` reads the scripts' properties.
MAYBE_WIDE = re.compile("[\u0e01-\u0e5b\u1100-\u11ff\u2e80-\U0010ffff]")
# A word, as the scorer and the classifiers count words.
WORD = regex.compile(r"\w+")
# Sentence-final punctuation at the end of a block, in Latin, CJK, Arabic and Devanagari script (closing
# quotes and brackets may follow).
SENTENCE_END = regex.compile(r"[.!?…。！？．؟۔।॥:;][\"'”’»)\]」』）]*\s*$")
# A list item or a heading at the start of a line.
LIST_MARKER = regex.compile(r"[ \t]*+(?:[*•·+\-–]|\d{1,3}[.)])[ \t]")
HEADING_MARKER = regex.compile(r"[ \t]{0,3}#{1,6}[ \t]")
ITEM_MARKER = regex.compile(rf"{LIST_MARKER.pattern}|{HEADING_MARKER.pattern}")


def phrase_pattern(phrases: Iterable[str], *, literal: bool = False) -> regex.Pattern[str] | None:
    """Compile phrases into one case-insensitive pattern anchored at word boundaries.

    Returns ``None`` for no phrases, so that an empty alternation (which would match everywhere)
    is never built. ``literal=True`` escapes the phrases (for a user's plain phrases).

    >>> phrase_pattern([]) is None
    True
    >>> bool(phrase_pattern(["ad"]).search("Ad"))
    True
    >>> bool(phrase_pattern(["ad"]).search("adapt"))
    False
    """
    parts = [regex.escape(p.strip()) if literal else p for p in phrases if p.strip()]
    if not parts:
        return None
    if literal:  # the longest first: an alternation takes the first phrase that matches
        parts.sort(key=len, reverse=True)
    spaced = [part.replace(r"\ ", " ").replace(" ", r"\s+") for part in parts]
    return regex.compile(r"(?<!\w)(?:" + "|".join(spaced) + r")(?!\w)", regex.IGNORECASE)


def _compiled() -> dict[str, regex.Pattern[str]]:
    patterns = {}
    for label, phrases in FURNITURE_PHRASES.items():
        pattern = phrase_pattern(phrases)
        if pattern is not None:
            patterns[label] = pattern
    return patterns


# The furniture phrases of each label, compiled once.
FURNITURE: dict[str, regex.Pattern[str]] = _compiled()
# Any furniture phrase: one cheap test before the labels are tried one by one.
ANY_FURNITURE: regex.Pattern[str] | None = phrase_pattern(p for phrases in FURNITURE_PHRASES.values() for p in phrases)

# Lines after which the article does not go on: the head of a comment section, a tag or category
# line, a source or author notice, a rights notice, the header of a list of other articles. The
# ``footer`` cleaner cuts the page's tail at the first of them that follows the article's text.
FOOTER_MARKER_PHRASES: dict[str, tuple[str, ...]] = {
    "comments": (
        r"\d+ (?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|commenti|comentários?|reacties)",
        r"leave a (?:comment|reply)",
        r"comments are closed",
        r"(?:post|add|write) a comment",
        r"join the (?:discussion|conversation)",
        r"kommentar (?:schreiben|verfassen)",
        r"laisser un commentaire",
        r"deja (?:un|tu) comentario",
        r"lascia un commento",
        r"deixe (?:um|seu) comentário",
    ),
    "tags": (
        r"tags?:",
        r"tagged(?: with)?:?",
        r"filed under:?",
        r"posted in",
        r"categories:",
        r"schlagwörter:?",
        r"mots-clés:?",
        r"etiquetas:?",
    ),
    "source": (
        r"the original source of this article is",
        r"originally published (?:on|in|at|by)",
        r"(?:this (?:article|story|post)) (?:was )?(?:originally |first )?(?:published|appeared) (?:on|in|at|by)",
        r"articles? by:",
        r"more (?:articles|stories|posts) by",
        r"about the author",
        r"über (?:den|die) autor(?:in)?",
        r"à propos de l'auteur",
        r"sobre el autor",
        r"for media inquiries",
        r"media contacts?:",
        r"press contacts?:",
    ),
    "rights": (
        *RIGHTS,
        r"disclaimer:",
    ),
    "related": (
        r"related (?:articles?|posts?|stories|news|content|coverage)",
        r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
        r"recommended (?:for you|stories|articles|reading)",
        r"more (?:stories|news|articles) (?:from|like this)",
        r"(?:latest|top|other|more|recent|popular) (?:news|stories|headlines|articles|posts)",
        r"most (?:read|viewed|popular|shared|commented)",
        r"see also",
        r"also (?:from|by) this author",
        r"read next",
        r"mehr zum thema",
        r"das könnte sie auch interessieren",
        r"(?:weitere|ähnliche) (?:artikel|beiträge|nachrichten|meldungen)",
        r"meistgelesen",
        r"articles similaires",
        r"sur le même sujet",
        r"dans la même rubrique",
        r"(?:à lire|lire) (?:aussi|également)",
        r"les plus lus",
        r"vous aimerez aussi",
        r"noticias relacionadas",
        r"artículos relacionados",
        r"te puede interesar",
        r"(?:otras|más) noticias",
        r"lo más leído",
        r"articoli correlati",
        r"(?:i )?più letti",
        r"potrebbe interessarti",
        r"notícias relacionadas",
        r"artigos relacionados",
        r"mais lidas",
        r"veja também",
        r"você (?:também )?pode gostar",
        r"gerelateerde artikelen",
        r"meest gelezen",
        r"相关(?:新闻|文章|阅读)",
        r"関連(?:記事|ニュース)",
    ),
}

# The footer markers of each label, compiled once.
FOOTER_MARKERS: dict[str, regex.Pattern[str]] = {
    label: pattern
    for label, pattern in ((label, phrase_pattern(phrases)) for label, phrases in FOOTER_MARKER_PHRASES.items())
    if pattern is not None
}
