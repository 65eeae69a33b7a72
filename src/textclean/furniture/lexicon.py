# ruff: noqa: RUF001, RUF003  (a data module of words and punctuation in many scripts)
"""The lexicon of page furniture: word lists and precompiled phrase patterns of ``boilerplate`` and ``footer``.

This is data, not logic: what the classifiers look for. The interaction prompts (share, comment,
subscribe, log in, read more and related lists, advertising) are written in English, German,
French, Spanish, Italian, Portuguese, Polish, Dutch, Chinese and Japanese; the other labels
(cookies, navigation, tags, source, caption) and the footer markers mostly in the first six. Every
phrase is generic page furniture ("Leave a comment", "Czytaj więcej", "続きを読む"); none names a
site. Phrases are matched case-insensitively at word boundaries, so "ad" never hits "adapt". Users
add their own phrases through the cleaners' options; :func:`phrase_pattern` builds the same kind
of pattern from them.

>>> bool(phrase_pattern(FURNITURE_PHRASES["share"]).search("Share this article"))
True
>>> login, related = phrase_pattern(FURNITURE_PHRASES["login"]), phrase_pattern(FURNITURE_PHRASES["related"])
>>> bool(login.match("Zaloguj się")), bool(related.match("続きを読む"))
(True, True)
>>> bool(phrase_pattern(FURNITURE_PHRASES["advert"]).search("adapting to change"))
False
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache

import regex

from textclean.text.languages import read_language, stopwords


# Function words: a block of running prose is about 30-50 % function words, a menu or a list of
# names far fewer (jusText's "stopword density"). They come from the document's own language; the
# share is a soft signal, compared with the document's own prose (see native/src/classify.rs).
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
    r"wszelkie prawa zastrzeżone",
    r"版权所有",
    r"保留所有权利",
    r"無断転載を禁(?:じます|止します)",
)

# Furniture phrases by label. A label names what the furniture is; it becomes part of the rule name
# that ``explain`` reports. Each phrase is a regular-expression fragment (spaces match any space);
# the longest fragments of a label are tried first, so "share this" wins over "share". The
# interaction prompts (share, comments, signup, login, related, advert) are written for English,
# German, French, Spanish, Italian, Portuguese, Polish, Dutch, Chinese (simplified and traditional)
# and Japanese, in that order within each label. A phrase in a script written without spaces ends
# where the line's words end (the pattern's closing word boundary), so it is never read as the first
# characters of a sentence: "评论" is a prompt, "评论员指出…" is text.
FURNITURE_PHRASES: dict[str, tuple[str, ...]] = {
    # social sharing and following prompts
    "share": (
        r"share (?:this|on|to|via|with|the article|article|story|post)",
        r"share",
        r"tweet",
        r"follow us(?: on)?",
        r"pin(?: it)?",
        r"share with (?:your )?friends",
        r"copy (?:the )?link",
        r"pin it",
        r"like this:?",
        r"teilen",
        r"(?:diesen )?(?:artikel|beitrag|seite) teilen",
        r"(?:jetzt|per e-?mail|auf (?:facebook|twitter|x|whatsapp|linkedin)) teilen",
        r"teilen (?:auf|per|via|mit)",
        r"folgen sie uns",
        r"folge uns",
        r"pinnen",
        r"twittern",
        r"teilen sie (?:dies|diesen (?:artikel|beitrag))(?: mit)?",
        r"teile (?:dies|diesen (?:artikel|beitrag))(?: mit)?",
        r"mit (?:freunden|anderen) teilen",
        r"link kopieren",
        r"gefällt mir",
        r"partager (?:sur|par|cet article|l'article)",
        r"partager",
        r"partagez(?: cet article| sur)?",
        r"suivez-nous",
        r"partager avec (?:vos|ses) amis",
        r"copier le lien",
        r"compartir en",
        r"compartir (?:este artículo|esta noticia|en)",
        r"compartir",
        r"comparte(?: este artículo| esta noticia| en)?",
        r"síguenos",
        r"compartir con (?:tus|sus) amigos",
        r"copiar (?:el )?enlace",
        r"condividi(?: su| questo articolo| l'articolo)?",
        r"seguici",
        r"copia (?:il )?link",
        r"compartilhar(?: no| na| via)?",
        r"compartilhe(?: este artigo| esta notícia)?",
        r"partilhar",
        r"partilhe",
        r"udostępnij (?:na|w|przez|artykuł|ten artykuł|wpis)",
        r"siga-nos",
        r"copiar (?:o )?link",
        r"podziel się(?: artykułem| tym artykułem| wpisem)?",
        r"obserwuj nas",
        r"śledź nas",
        r"kopiuj link",
        r"delen",
        r"deel (?:dit|deze) (?:artikel|bericht|pagina)",
        r"deel (?:via|op)",
        r"volg ons",
        r"kopieer (?:de )?link",
        r"分享到?",
        r"分享(?:到|至)?(?:微信|微博|朋友圈|QQ空间|QQ)",
        r"分享(?:本文|此文)",
        r"转发",
        r"轉發",
        r"关注我们",
        r"關注我們",
        r"微信扫一扫",
        r"(?:この記事を)?シェア(?:する)?",
        r"(?:facebook|twitter|x)でシェア(?:する)?",
        r"ツイート(?:する)?",
        r"lineで送る",
        r"はてなブックマーク",
        r"フォローする",
    ),
    # comment prompts, counters and heads of comment sections
    "comments": (
        r"leave a (?:comment|reply)",
        r"post a comment",
        r"add (?:a )?comment",
        r"write a comment",
        r"\d+ comments?",
        r"(?:\d+ )?(?:responses?|replies)",
        r"(?:view|show|read|see|load) (?:all |more )?(?:\d+ )?comments",
        r"comment on .{0,60} on (?:our )?facebook(?: page)?",
        # a counter after the word: "Comments (3)", "Kommentare [12]", "评论（5）"
        r"(?:comments?|kommentare?|commentaires?|comentarios?|commenti|comentários?|komentarze|reacties|评论|評論|コメント)"
        r"\s*[(\[（]\d+[)\]）]",
        r"comments?",
        r"no comments(?: yet)?",
        r"comments are closed",
        r"be the first to comment",
        r"join the (?:discussion|conversation)",
        r"your e-?mail address will not be published",
        r"required fields are marked",
        r"(?:you must|please) (?:be logged in|log in|sign in) to (?:post|leave|write) a comment",
        r"cancel reply",
        r"(?:post|submit) (?:a )?comment",
        r"notify me of (?:new|follow-up) (?:comments|posts)",
        r"have your say",
        r"what do you think\??",
        r"\(required\)",
        r"required",
        r"reply",
        r"kommentar (?:schreiben|verfassen|hinzufügen|abgeben)",
        r"kommentare?",
        r"(?:schreibe|schreiben sie|hinterlasse|hinterlassen sie) (?:einen|einen neuen) kommentar",
        r"(?:deine|ihre) e-?mail-adresse wird nicht veröffentlicht",
        r"erforderliche felder sind (?:mit \* )?markiert",
        r"(?:du musst|sie müssen) angemeldet sein,? um (?:einen|zu) kommentar\w*",
        r"antworten abbrechen",
        r"kommentar abschicken",
        r"benachrichtige mich über (?:neue|nachfolgende) (?:kommentare|beiträge)",
        r"(?:ein|\d+) gedanken? zu",
        r"diskutier(?:e|en sie) mit",
        r"jetzt kommentieren",
        r"leserkommentare",
        r"eine antwort (?:schreiben|hinterlassen)",
        r"hinterlasse eine antwort",
        r"kommentieren sie",
        r"\(erforderlich\)",
        r"antworten",
        r"commentaires?",
        r"\d+ commentaires?",
        r"laisser un commentaire",
        r"laisser une réponse",
        r"ajouter un commentaire",
        r"commenter",
        r"réagir",
        r"réagissez",
        r"répondre",
        r"aucun commentaire",
        r"votre adresse (?:e-?mail|de messagerie) ne sera pas publiée",
        r"les champs obligatoires sont indiqués",
        r"vous devez (?:être connecté|vous connecter) pour (?:publier|poster|laisser) un commentaire",
        r"annuler la réponse",
        r"publier (?:le|un|votre) commentaire",
        r"\(obligatoire\)",
        r"comentarios?",
        r"\d+ comentarios?",
        r"deja (?:un|tu) comentario",
        r"deja una respuesta",
        r"(?:dejar|añadir|escribe) (?:un )?comentario",
        r"comentar",
        r"responder",
        r"tu (?:dirección de )?correo electrónico no será publicad[ao]",
        r"los campos obligatorios están marcados",
        r"(?:debes|tienes que) (?:estar (?:conectado|registrado)|iniciar sesión) "
        r"para (?:publicar|escribir|dejar) un comentario",
        r"cancelar respuesta",
        r"publicar (?:el )?comentario",
        r"\(obligatorio\)",
        r"commenti",
        r"\d+ comment[io]",
        r"lascia un commento",
        r"lascia una risposta",
        r"aggiungi un commento",
        r"commenta",
        r"rispondi",
        r"il tuo indirizzo e-?mail non sarà pubblicato",
        r"i campi obbligatori sono contrassegnati",
        r"devi (?:essere connesso|effettuare il login|accedere) per (?:inviare|pubblicare|scrivere) un commento",
        r"annulla (?:la )?risposta",
        r"invia (?:il )?commento",
        r"\(obbligatorio\)",
        r"comentários?",
        r"\d+ comentários?",
        r"deixe (?:um|seu) comentário",
        r"deixe uma resposta",
        r"adicionar (?:um )?comentário",
        r"o seu (?:endereço de )?e-?mail não será publicado",
        r"seu (?:endereço de )?e-?mail não será publicado",
        r"(?:os )?campos obrigatórios são marcados",
        r"(?:você precisa|é necessário) (?:fazer login|estar conectado|entrar) "
        r"para (?:publicar|enviar|deixar) um comentário",
        r"cancelar resposta",
        r"publicar comentário",
        r"\(obrigatório\)",
        r"\d+ komentarz(?:y|e)?",
        r"(?:dodaj|napisz|zostaw) komentarz",
        r"skomentuj (?:artykuł|wpis)",
        r"(?:zobacz|pokaż) (?:wszystkie )?komentarze",
        r"brak komentarzy",
        r"twój (?:adres )?e-?mail nie zostanie opublikowany",
        r"wymagane pola są oznaczone",
        r"musisz (?:się zalogować|być zalogowany),? (?:aby|żeby) (?:móc )?(?:dodać|opublikować|napisać) komentarz",
        r"anuluj (?:pisanie )?odpowiedzi?",
        r"(?:opublikuj|wyślij) komentarz",
        r"\(wymagane\)",
        r"reacties",
        r"\d+ reacties?",
        r"reageer",
        r"reageren",
        r"(?:plaats|geef) een reactie",
        r"laat een reactie achter",
        r"reactie (?:toevoegen|plaatsen)",
        r"geen reacties",
        r"(?:je|uw) e-?mailadres wordt niet gepubliceerd",
        r"vereiste velden zijn gemarkeerd",
        r"je moet (?:ingelogd|aangemeld) zijn om een reactie te (?:kunnen )?plaatsen",
        r"reactie annuleren",
        r"\(verplicht\)",
        r"评论",
        r"評論",
        r"(?:发表|發表|查看|全部|网友|写|我要)评论",
        r"(?:發表|查看|全部|網友)評論",
        r"\d+\s?条评论",
        r"暂无评论",
        r"留言",
        r"(?:发表|發表)留言",
        r"回复",
        r"回覆",
        r"(?:您的)?电子邮(?:箱|件)地址不会被公开",
        r"取消回复",
        r"必填项已用",
        r"コメント(?:する|一覧)?",
        r"コメントを(?:書く|投稿する|残す)",
        r"\d+\s?件のコメント",
        r"返信(?:する)?",
        r"メールアドレスが公開されることはありません",
        r"必須項目には印がついています",
        r"返信をキャンセル",
    ),
    # newsletter, subscription, membership and app prompts
    "signup": (
        r"subscribe(?: now| today| to (?:our|the) newsletter)?",
        r"sign up(?: for (?:our|the) newsletter| now)?",
        r"get (?:our|the) newsletter",
        r"newsletter sign-?up",
        r"newsletter",
        r"become a (?:member|subscriber|patron)",
        r"join (?:us|our (?:mailing list|newsletter))",
        r"download (?:our|the) app",
        r"enter your e-?mail(?: address)?",
        r"your e-?mail address",
        r"stay (?:informed|up to date|in the loop)",
        r"never miss a (?:story|post|thing)",
        r"never miss (?:the|our|any)(?: latest)?(?: news| stories| posts)?",
        r"get (?:the latest|our best)(?: news| stories| articles)?(?: in your inbox| delivered)?",
        r"support (?:us|our (?:journalism|work))",
        r"already (?:a subscriber|have an account)",
        r"(?:to )?continue reading,? (?:subscribe|sign in|log in)",
        r"newsletter (?:abonnieren|bestellen)",
        r"zum newsletter anmelden",
        r"(?:jetzt )?abonnieren",
        r"abonnier(?:e|en sie) (?:unseren|den) newsletter",
        r"(?:melde dich|melden sie sich) (?:jetzt )?(?:zu|zum|für) (?:unserem |unseren |den )?newsletter an",
        r"jetzt (?:kostenlos )?(?:anmelden|registrieren|testen)",
        r"(?:gib deine|geben sie ihre) e-?mail-adresse ein",
        r"(?:deine|ihre) e-?mail-adresse",
        r"(?:bleib|bleiben sie) (?:immer )?auf dem laufenden",
        r"(?:verpasse|verpassen sie) (?:keine|nichts)",
        r"jetzt (?:zum|für den) (?:kostenlosen )?newsletter anmelden",
        r"nichts mehr verpassen",
        r"(?:unterstütze|unterstützen sie) uns",
        r"jetzt spenden",
        r"(?:schon|bereits) abonnent(?:in)?\??",
        r"abonnez-vous",
        r"s'abonner",
        r"inscrivez-vous",
        r"je m'abonne",
        r"recevoir (?:la|notre) newsletter",
        r"recevez (?:la|notre) newsletter",
        r"votre adresse e-?mail",
        r"restez informés?",
        r"ne (?:manquez|ratez) (?:rien|aucun(?:e)?)",
        r"soutenez-nous",
        r"faire un don",
        r"déjà abonnés?\s?\??",
        r"suscríbete",
        r"suscribirse",
        r"recibe (?:nuestro|el) boletín",
        r"suscríbase",
        r"recibe (?:nuestra|la) newsletter",
        r"tu (?:correo|email|e-mail|dirección de correo)(?: electrónico)?",
        r"mantente informado",
        r"no te pierdas (?:nada|ninguna)",
        r"apóyanos",
        r"(?:ya eres|ya soy) suscriptor",
        r"iscriviti(?: alla newsletter)?",
        r"abbonati(?: ora)?",
        r"ricevi (?:la|la nostra) newsletter",
        r"la tua e-?mail",
        r"resta (?:aggiornato|informato)",
        r"sostienici",
        r"(?:sei )?già abbonato\s?\??",
        r"assine(?: já| a newsletter| nossa newsletter)?",
        r"inscreva-se",
        r"subscreva",
        r"cadastre-se",
        r"receba (?:nossa|a) newsletter",
        r"(?:o )?seu e-?mail",
        r"fique (?:por dentro|atualizado|informado)",
        r"apoie(?: o| nosso) jornalismo",
        r"já é assinante\s?\??",
        r"zapisz się(?: do newslettera| na newsletter)?",
        r"zamów newsletter",
        r"twój (?:adres )?e-?mail",
        r"bądź na bieżąco",
        r"nie przegap",
        r"wesprzyj nas",
        r"wykup (?:dostęp|subskrypcję|prenumeratę)",
        r"abonneren",
        r"abonneer (?:je|nu)",
        r"schrijf je in(?: voor (?:onze|de) nieuwsbrief)?",
        r"meld je aan(?: voor (?:onze|de) nieuwsbrief)?",
        r"inschrijven(?: voor (?:onze|de) nieuwsbrief)?",
        r"nieuwsbrief",
        r"(?:je|uw) e-?mailadres",
        r"blijf op de hoogte",
        r"mis (?:niets|geen)",
        r"steun ons",
        r"word lid",
        r"(?:立即)?订阅",
        r"(?:立即)?訂閱",
        r"メルマガ登録",
        r"ニュースレター(?:登録|を購読)?",
        r"(?:無料)?会員登録",
        r"購読する",
        r"メールアドレスを入力",
    ),
    # account prompts: log in, register, log out
    "login": (
        r"log ?in",
        r"log in to",
        r"sign in(?: to)?",
        r"log ?out",
        r"sign out",
        r"register",
        r"create (?:an|your|a free) account",
        r"my account",
        r"forgot (?:your )?password",
        r"you must be logged in to post a comment",
        r"anmelden",
        r"se connecter",
        r"connexion",
        r"déconnexion",
        r"s'inscrire",
        r"mon compte",
        r"créer un compte",
        r"mot de passe oublié",
        r"iniciar sesión",
        r"inicia sesión",
        r"cerrar sesión",
        r"regístrate",
        r"registrarse",
        r"mi cuenta",
        r"crear (?:una )?cuenta",
        r"olvidaste tu contraseña",
        r"accedi",
        r"registrati",
        r"il mio account",
        r"password dimenticata",
        r"fazer login",
        r"iniciar sessão",
        r"minha conta",
        r"criar (?:uma )?conta",
        r"esqueceu (?:a|sua) senha",
        r"moje konto",
        r"załóż konto",
        r"nie pamiętasz hasła",
        r"zaloguj się",
        r"wyloguj się",
        r"zarejestruj się",
        r"inloggen",
        r"uitloggen",
        r"aanmelden",
        r"registreren",
        r"mijn account",
        r"account aanmaken",
        r"wachtwoord vergeten",
        r"登录",
        r"登錄",
        r"注册",
        r"註冊",
        r"登录\s?[|/｜]?\s?注册",
        r"免费注册",
        r"(?:立即|请先)登录",
        r"忘记密码",
        r"ログイン",
        r"ログアウト",
        r"新規登録",
        r"ログイン\s?[|/｜]?\s?新規登録",
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
        r"print(?: this (?:article|page)| (?:recipe|article|page))?",
        r"(?:rezept|artikel|seite) drucken",
        r"drucken",
        r"imprimer(?: (?:la recette|l'article|cette page))?",
        r"imprimir(?: (?:receta|artículo|esta página))?",
        r"stampa(?: (?:ricetta|articolo))?",
        r"drukuj",
        r"afdrukken",
        r"打印",
        r"印刷する",
        r"e-?mail(?: this (?:article|page))?",
        r"close",
        r"loading(?:\.\.\.|…)?",
        r"wird geladen(?:\.\.\.|…)?",
        r"chargement(?:\.\.\.|…)?",
        r"cargando(?:\.\.\.|…)?",
        r"caricamento(?:\.\.\.|…)?",
        r"carregando(?:\.\.\.|…)?",
        r"ładowanie(?:\.\.\.|…)?",
        r"laden(?:\.\.\.|…)?",
        r"加载中",
        r"読み込み中",
    ),
    # "read more" links and heads of lists of other articles
    "related": (
        r"related(?: (?:articles?|posts?|stories|news|content|coverage|topics))?",
        r"(?:you|we think you) (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
        r"recommended(?: for you| stories| articles| reading)?",
        r"more (?:from|on|about|stories|news|articles)(?: .{0,40})?",
        r"(?:most|more) (?:popular|read|viewed|shared|commented)",
        r"trending(?: now)?",
        r"read (?:more|next|also)",
        r"read the full (?:story|article)",
        r"(?:continue|keep) reading",
        r"further reading",
        r"see also",
        r"similar (?:articles|posts|stories)",
        r"other (?:articles|stories|posts)",
        r"more like this",
        r"explore (?:more|further)",
        r"(?:latest|top|recent|popular|trending) (?:news|stories|headlines|articles|posts)",
        r"don't miss",
        r"editor'?s'? picks",
        r"up next",
        r"what to read next",
        r"latest on:?",
        r"you may have missed",
        r"in other news",
        r"mehr zum thema",
        r"das könnte sie auch interessieren",
        r"weiterlesen",
        r"lesen sie auch",
        r"meistgelesen",
        r"meistgelesene?n? (?:artikel|beiträge|nachrichten)",
        r"(?:verwandte|ähnliche|empfohlene|beliebte|neueste|aktuelle) "
        r"(?:artikel|beiträge|themen|nachrichten|meldungen|news)",
        r"das könnte dich (?:auch )?interessieren",
        r"(?:dich|sie) könnte(?:n)? (?:auch )?interessieren",
        r"auch interessant",
        r"lies auch",
        r"lesen sie (?:mehr|weiter)",
        r"top[- ]themen",
        r"unsere empfehlungen?",
        r"mehr (?:aus|zu|von) (?:der|dem|den)?\s?\w+",
        r"entdecken sie (?:mehr|jetzt)",
        r"zum weiterlesen",
        r"(?:das )?(?:könnte|dürfte) (?:dich|sie) (?:vielleicht )?(?:auch )?interessieren",
        r"à lire aussi",
        r"à lire également",
        r"lire (?:aussi|également|la suite|plus|l'article)",
        r"en savoir plus",
        r"voir (?:aussi|plus)",
        r"sur le même (?:sujet|thème)",
        r"dans la même rubrique",
        r"articles (?:similaires|liés|récents)",
        r"les plus lus",
        r"articles (?:connexes|correspondants|associés|populaires)",
        r"à (?:découvrir|voir) (?:aussi|également)",
        r"les (?:plus populaires|plus partagés|plus commentés)",
        r"(?:derniers articles|dernières (?:actualités|nouvelles|infos))",
        r"vous pourriez (?:aussi |également )?aimer",
        r"(?:ceci|cela) pourrait vous intéresser",
        r"pour (?:aller plus loin|approfondir)",
        r"pour lire la suite",
        r"vous aimerez (?:peut-être )?aussi",
        r"leer más",
        r"lee (?:también|más)",
        r"(?:seguir|sigue) leyendo",
        r"ver (?:más|también)",
        r"(?:también )?te puede interesar",
        r"(?:quizás|quizá) te interese",
        r"te recomendamos",
        r"(?:noticias|artículos|entradas) relacionad[ao]s",
        r"entradas recientes",
        r"lo más leído",
        r"más noticias",
        r"(?:también )?(?:te|le) (?:puede|podría) (?:interesar|gustar)",
        r"lo más (?:visto|popular)",
        r"(?:las |los )?más (?:leíd[ao]s|vist[ao]s|populares)",
        r"últimas (?:noticias|entradas)",
        r"(?:otras noticias|noticias (?:destacadas|recientes))",
        r"(?:vea|mira|lea) también",
        r"no te pierdas",
        r"leggi (?:anche|tutto|di più|l'articolo)",
        r"continua a leggere",
        r"(?:ti )?potrebbe (?:anche )?interessarti",
        r"articoli (?:correlati|recenti)",
        r"(?:i )?più letti",
        r"vedi anche",
        r"scopri di più",
        r"altri articoli",
        r"articoli (?:simili|popolari)",
        r"ti potrebbe interessare",
        r"ultime (?:notizie|news)",
        r"notizie correlate",
        r"(?:i )?più (?:visti|popolari)",
        r"da non perdere",
        r"altre notizie",
        r"leia (?:mais|também)",
        r"ler mais",
        r"(?:continue|continuar) lendo",
        r"saiba mais",
        r"veja também",
        r"ver mais",
        r"(?:notícias|artigos|posts) relacionad[oa]s",
        r"posts recentes",
        r"mais (?:lidas|notícias)",
        r"você (?:também )?pode gostar",
        r"(?:você|vc) (?:também )?pode se interessar",
        r"mais (?:vistas|populares|recentes)",
        r"últimas (?:notícias|publicações)",
        r"veja mais",
        r"confira (?:também|mais)",
        r"não perca",
        r"czytaj (?:więcej|dalej|też|także|również)",
        r"przeczytaj (?:też|także|również|więcej)",
        r"zobacz (?:też|także|również|więcej)",
        r"dowiedz się więcej",
        r"(?:podobne|powiązane|polecane|inne|najnowsze) (?:artykuły|wpisy|wiadomości)",
        r"najczęściej (?:czytane|komentowane)",
        r"może cię (?:też |także )?zainteresować",
        r"mogą cię (?:też |także )?zainteresować",
        r"warto przeczytać",
        r"najpopularniejsze(?: artykuły| wpisy)?",
        r"więcej (?:artykułów|wiadomości|informacji|z kategorii)",
        r"to może cię zainteresować",
        r"lees (?:meer|ook|verder)",
        r"meer lezen",
        r"(?:bekijk|zie) ook",
        r"gerelateerde (?:artikelen|berichten)",
        r"gerelateerd",
        r"meest gelezen",
        r"(?:populaire|recente) (?:artikelen|berichten)",
        r"meer nieuws",
        r"ook interessant",
        r"meer (?:artikelen|over|van)",
        r"misschien (?:ook )?interessant",
        r"dit vind je misschien ook leuk",
        r"populaire (?:artikelen|berichten)",
        r"laatste (?:nieuws|artikelen|berichten)",
        r"aanbevolen(?: artikelen)?",
        r"niet te missen",
        r"相关(?:新闻|文章|阅读|推荐)",
        r"相關(?:新聞|文章|閱讀|推薦)",
        r"(?:阅读|閱讀|查看|展开)全文",
        r"阅读更多",
        r"閱讀更多",
        r"更多(?:新闻|文章|内容|新聞|內容)?",
        r"延伸阅读",
        r"延伸閱讀",
        r"推荐阅读",
        r"热门(?:文章|新闻|推荐)",
        r"猜你喜欢",
        r"最新(?:文章|新闻|消息|資訊|资讯)",
        r"热门(?:阅读|话题)",
        r"推荐(?:文章|新闻)",
        r"相关链接",
        r"関連(?:記事|ニュース)",
        r"関連する記事",
        r"続きを読む",
        r"(?:もっと|全文を)読む",
        r"もっと見る",
        r"(?:あわせて|合わせて)読みたい",
        r"(?:おすすめ|人気)記事",
        r"こちらもおすすめ",
        r"詳しくはこちら",
        r"(?:最新|新着)記事",
        r"(?:よく読まれている|人気の)記事",
        r"関連リンク",
        r"この記事を読んだ人は",
    ),
    # advertising labels and the lines around an advertisement
    "advert": (
        r"advertisement",
        r"advertising",
        r"sponsored(?: content| by)?",
        r"paid (?:content|post|partnership)",
        r"promoted(?: content)?",
        r"partner content",
        r"ad",
        r"(?:story|article) continues below(?: (?:advertisement|this ad))?",
        r"scroll to continue(?: with content| reading)?",
        r"anzeige",
        r"werbung",
        r"gesponsert",
        r"weiter(?:lesen)? nach der anzeige",
        r"publicité",
        r"annonce",
        r"contenu sponsorisé",
        r"sponsorisé",
        r"(?:la )?suite (?:de l'article )?après (?:cette|la) (?:publicité|annonce)",
        r"publicidad",
        r"contenido patrocinado",
        r"patrocinado",
        r"pubblicità",
        r"contenuto sponsorizzato",
        r"sponsorizzato",
        r"publicidade",
        r"anúncio",
        r"conteúdo patrocinado",
        r"continua (?:depois|após) (?:da|a) publicidade",
        r"(?:artykuł|materiał|tekst) (?:sponsorowany|promocyjny|partnera)",
        r"treść sponsorowana",
        r"dalsza część (?:artykułu|tekstu|materiału) (?:pod|poniżej) (?:reklamą|materiałem wideo|wideo|galerią)",
        r"advertentie",
        r"gesponsord",
        r"gesponsorde inhoud",
        r"reclame",
        r"广告",
        r"廣告",
        r"推广",
        r"赞助内容",
        r"広告",
        r"スポンサーリンク",
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


# A cookie or consent notice: "cookies" with the words of consent around it, as whole words. Only blocks
# of a notice's length are tested (an article about cookies is longer, or lacks the consent words).
COOKIE_WORDS = r"cookies?"
CONSENT_WORDS = (
    r"accept\w*|consent\w*|agree|privacy|preferences|settings|opt.out|akzeptier\w*|zustimm\w*|"
    r"einwilligung|datenschutz\w*|accepte[rz]?|consentement|confidentialité|acept\w*|consentimiento|privacidad|"
    r"accett\w*|consenso|aceit\w*|consentimento|privacidade|accepteren|toestemming|akceptuj\w*|zgod\w*|"
    r"prywatnoś\w*"
)

_MONTHS = (
    r"jan(?:uary|uari|uar|vier|eiro)?|feb(?:ruary|ruari|ruar)?|f[ée]v(?:rier)?|fevereiro|mar(?:ch|s|zo|ço)?|m[äa]rz|"
    r"maart|apr(?:il|ile)?|avril|abril|may|mai|mei|mayo|maggio|maio|jun(?:e|i|io|ho)?|juin|giugno|"
    r"jul(?:y|i|io|ho)?|juillet|luglio|aug(?:ust|usti|ustus)?|ao[ûu]t|agosto|sep(?:t|tember|tembre|tiembre|tembro)?|"
    r"settembre|oct(?:ober|obre|ubre)?|okt(?:ober)?|ottobre|outubro|nov(?:ember|embre|iembre|embro)?|"
    r"dec(?:ember)?|dez(?:ember|embro)?|d[ée]cembre|dic(?:iembre|embre)?"
)
# A date: "February 17, 2010", "17 February 2010", "17. Februar 2010", "2010-02-17", "17/02/2010"; its forms,
# and the date as whole words.
DATE_FORMS = (
    rf"(?:{_MONTHS})\.? \d{{1,2}}(?:st|nd|rd|th)?,? \d{{4}}|\d{{1,2}}(?:st|nd|rd|th|\.)? (?:de )?"
    rf"(?:{_MONTHS})\.?,? (?:de )?\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}}"
)
DATE = regex.compile(rf"\b(?:{DATE_FORMS})\b", regex.IGNORECASE)
# A day and its month opening a line ("22. August 2018"): a date, not a numbered list item.
DAY_AND_MONTH = regex.compile(rf"[ \t]*\d{{1,2}}\.[ \t]+(?:{_MONTHS})\b", regex.IGNORECASE)
# A date in Chinese or Japanese: "2010年2月17日".
CJK_DATE = regex.compile(r"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日")
# Words that go with a date in a dateline, whole words that open with one of these: "Published", "Updated",
# "Posted on", weekdays (and times, "08:30").
DATELINE_WORDS = (
    r"published|updated|posted|last (?:updated|modified)|on|at|am|pm|gmt|utc|[ec][sd]t|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|"
    r"atualizado|gepubliceerd|bijgewerkt|opublikowan|zaktualizowan|aktualizacja|dodan|"
    r"publication|veröffentlichung|publicación|pubblicazione|publicação|publikacja|publicatie|"
    r"date|datum|erscheinungsdatum|fecha|data|stand|erstellt|erschienen|geändert|créé|paru|modifié|creado|"
    r"modificado|creato|modificato|criado|"
    r"mon|tue|wed|thu|fri|sat|sun"
)
# An article or a possessive before a furniture phrase, and white space: "The comments", "Die meistgelesenen
# Artikel", "Nos articles".
DETERMINERS = (
    r"the|our|die|der|das|unsere?|les|le|la|nos|los|las|el|nuestr[ao]s|il|gli|i|os|as|nossos|nossas|het|onze|de"
)
# A byline: "By Jane Doe", "Von Hans Meier", "Par Jean Dupont", "Por Ana Ruiz", "Di ...", "Door ...".
BYLINE_WORDS = r"by|von|par|por|di|door|written by|autor|author"
BYLINE = regex.compile(rf"^\W{{0,3}}(?:{BYLINE_WORDS})\b[:\s]", regex.IGNORECASE)
# A photo credit inside a caption: "[Photo: US Embassy]", "(Photo: AP)", "Photo by ...", "... Bild: Jane Doe",
# "Fot. Jan Kowalski".
CREDIT_LABELS = (
    r"photo|image|picture|foto|bild|crédit|crédito|credit|source|quelle|fuente|fonte|imagen|imagem|immagine|"
    r"zdjęcie|fot|źródło|beeld|bron|titelbild|beitragsbild|写真|图片|图|摄影|撮影"
)
# "Photo by ...": the words of a photo and of who took it.
CREDIT_PHOTOS = r"photo|image|foto|bild"
CREDIT_BY = r"by|von|de|di|par|por"
CREDIT = regex.compile(
    rf"[\[(（](?:{CREDIT_LABELS})s?\b[^\])）\n]{{0,120}}[\])）]\W*$"
    rf"|\b(?:{CREDIT_PHOTOS})s? (?:{CREDIT_BY})\b[^.\n]{{0,80}}$"
    # "... Bild: Jane Doe": the separator first, the label before it, so that most places fail at once
    rf"|(?<=(?:^|[.!?。]\s*)(?:{CREDIT_LABELS})s?\s?)(?:[:：/]|(?<=\bfot)\.)\s?[^.:\n]{{1,60}}$"
    r"|\bgetty images\W*$",
    regex.IGNORECASE,
)
# Separators between a title and the site's name: "Title – Site", "Title | Site", "Title :: Site".
TITLE_SEPARATOR = regex.compile(r"\s+(?:[|–—·•»]|-{1,2}|::)\s+")
# Sentence-final punctuation at the end of a block, in Latin, CJK, Arabic and Devanagari script (closing
# quotes and brackets may follow).
SENTENCE_END = regex.compile(r"[.!?…。！？．؟۔।॥:;][\"'”’»)\]」』）]*\s*$")
# A list item or a heading at the start of a line.
LIST_MARKER = regex.compile(r"[ \t]*+(?:[*•·+\-–]|\d{1,3}[.)])[ \t]")
HEADING_MARKER = regex.compile(r"[ \t]{0,3}#{1,6}[ \t]")
ITEM_MARKER = regex.compile(rf"{LIST_MARKER.pattern}|{HEADING_MARKER.pattern}")


def phrase_pattern(phrases: Iterable[str], *, literal: bool = False) -> regex.Pattern[str] | None:
    """Compile phrases into one case-insensitive pattern anchored at word boundaries.

    The longest phrases come first, so that "share this" is tried before "share". Characters of
    scripts written without spaces are word characters too: a Chinese or Japanese phrase matches
    only where the line's words end after it. Returns ``None`` for no phrases, so that an empty
    alternation (which would match everywhere) is never built. ``literal=True`` escapes the phrases
    (for a user's plain phrases).

    >>> phrase_pattern([]) is None
    True
    >>> bool(phrase_pattern(["ad"]).search("Ad"))
    True
    >>> bool(phrase_pattern(["ad"]).search("adapt"))
    False
    >>> bool(phrase_pattern(["评论"]).match("评论")), bool(phrase_pattern(["评论"]).match("评论员指出"))
    (True, False)
    """
    joined = alternation(phrases, literal=literal)
    return None if joined is None else regex.compile(rf"(?<!\w)(?:{joined})(?!\w)", regex.IGNORECASE)


def alternation(phrases: Iterable[str], *, literal: bool = False) -> str | None:
    """Join phrases into one alternation, the longest first, any white space between their words.

    ``None`` for no phrases.
    """
    parts = [regex.escape(p.strip()) if literal else p for p in phrases if p.strip()]
    if not parts:
        return None
    parts.sort(key=len, reverse=True)  # the longest first: an alternation takes the first phrase that matches
    return "|".join(part.replace(r"\ ", " ").replace(" ", r"\s+") for part in parts)


# Lines after which the article does not go on: the head of a comment section, a tag or category
# line, a source or author notice, a rights notice, the header of a list of other articles. The
# ``footer`` cleaner cuts the page's tail at the first of them that follows the article's text.
FOOTER_MARKER_PHRASES: dict[str, tuple[str, ...]] = {
    "comments": (
        r"\d+ (?:comments?|responses?|replies|kommentare?|commentaires?|comentarios?|commenti|comentários?|"
        r"komentarz(?:y|e)?|reacties?)",
        r"leave a (?:comment|reply)",
        r"comments are closed",
        r"(?:post|add|write) a comment",
        r"join the (?:discussion|conversation)",
        r"kommentar (?:schreiben|verfassen)",
        r"laisser un commentaire",
        r"deja (?:un|tu) comentario",
        r"lascia un commento",
        r"deixe (?:um|seu) comentário",
        r"(?:dodaj|napisz|zostaw) komentarz",
        r"(?:plaats|geef) een reactie",
        r"laat een reactie achter",
        r"(?:发表|發表|网友|網友)(?:评论|評論)",
        r"\d+\s?条评论",
        r"コメントを(?:書く|投稿する|残す)",
        r"\d+\s?件のコメント",
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
        r"tagi:",
        r"trefwoorden:?",
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
        r"gerelateerde (?:artikelen|berichten)",
        r"meest gelezen",
        r"(?:lees|bekijk|zie) ook",
        r"meer nieuws",
        r"(?:podobne|powiązane|polecane|inne|najnowsze) (?:artykuły|wpisy|wiadomości)",
        r"najczęściej (?:czytane|komentowane)",
        r"(?:zobacz|czytaj|przeczytaj) (?:też|także|również)",
        r"może cię (?:też |także )?zainteresować",
        r"相关(?:新闻|文章|阅读|推荐)",
        r"相關(?:新聞|文章|閱讀|推薦)",
        r"延伸(?:阅读|閱讀)",
        r"推荐阅读",
        r"猜你喜欢",
        r"関連(?:記事|ニュース)",
        r"(?:あわせて|合わせて)読みたい",
        r"(?:おすすめ|人気)記事",
    ),
}


# A line of a list of content (read by the native classifier, native/src/classify.rs).
LIST_LINE = (
    r"^(?:\d+(?:[.,/]\d+)?(?:\s?[-–]\s?\d+(?:[.,/]\d+)?)?\s?\p{L}"  # an amount: "200 g flour", "1-2 tbsp water"
    r"|\p{L}+\s?\d+(?:[.,]\d+)?\s?\p{L}"  # a thing and its amount: "鸡蛋 4 个", "Akku 10 Stunden"
    r"|\p{L}[\p{L}\- ]{0,30}[:：]\s*[^\d\n]{0,20}\d"  # a value after a label: "Weight: 3 kg"
    r"|\|(?:[^|\n]+\|){2}"  # a table row: "| a | b |"
    r"|(?:\S+(?: \S+)*(?:\s{2,}|\t)){2}\S)"  # a table row in columns: "Smith, Ann   1993   12.4"
)
# A slide's counter in a gallery: "3/12", "Bild 3 von 12", "4 of 12" (ignoring case).
SLIDE_COUNTER = (
    r"\W{0,3}(?:(?:photo|image|picture|slide|bild|foto|imagen|immagine|imagem|zdjęcie|afbeelding)\s+)?"
    r"(?P<at>\d{1,3})\s*(?:/|of|von|de|di|sur|z|van|из)\s*(?P<of>\d{1,3})\W{0,3}"
)
# A rights notice: a line that opens with a rights phrase ("© 2024 Example Ltd. All rights reserved."), or
# that reserves rights anywhere in it ("Photos: Jane Doe. All rights reserved.").
RIGHTS_OPENING = (*RIGHTS, r"\(c\)")
RIGHTS_RESERVED = tuple(phrase for phrase in RIGHTS if phrase not in ("copyright", "©", r"\(c\) \d{4}"))
# A note about the author ("Jane Doe is a senior writer for ...", "Hallo, ich bin Foodbloggerin ..."): a name
# and a form of "to be", or "I am", then within a few words a role of those who write.
_ROLES = (
    r"writer|journalist|editor|reporter|correspondent|author|columnist|contributor|analyst|blogger|photographer|"
    r"autor(?:in)?|redakteur(?:in)?|journalistin|korrespondent(?:in)?|kolumnist(?:in)?|\w*bloggerin|fotograf(?:in)?|"
    r"journaliste|rédact(?:eur|rice)|autrice|correspondante?|chroniqueu(?:r|se)|"
    r"periodista|redact(?:or|ora)|autora|corresponsal|columnista|escrit(?:or|ora)|"
    r"giornalista|redatt(?:ore|rice)|autore|corrispondente|"
    r"jornalista|redat(?:or|ora)|colunista|"
    r"dziennikar(?:zem|ką)|redaktor(?:em|ką)|autor(?:em|ką)|publicyst(?:ą|ką)|"
    r"redacteur|schrijver|auteur"
)
AUTHOR_NOTE = (  # ignoring case; the role ends the match as a whole word
    rf"^(?:\p{{Lu}}[\p{{L}}.'-]+(?: \p{{Lu}}[\p{{L}}.'-]+){{1,3}}(?:, [^,]{{1,30}},)? "
    rf"(?:is|was|ist|war|est|était|es|era|è|é|jest)"
    rf"|(?:\w+[,!] )?(?:i am|i'm|ich bin|je suis|soy|sono|sou|jestem|ik ben))"
    rf"(?:\W+\w+){{0,6}}?\W+(?:\w*-)?(?:{_ROLES})(?:\W|$)"
)
