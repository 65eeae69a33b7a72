//! The labels of furniture lines: what a block of a page says of itself, on the lexicon's evidence.
//!
//! A block is a furniture line when a phrase of a label opens it and little follows ("Share this
//! article", "Tags: a, b"), or when it is a cookie notice, a rights notice, a caption with a credit,
//! a byline or a dateline. A block opens the page's tail when a footer marker opens it ("Leave a
//! Comment", "© 2024 ...", "Related articles"), or, where prompts end an article, a share, sign-up,
//! log-in or related prompt. The phrases and word lists come from the lexicon's data module
//! (`textclean/furniture/lexicon.py`), in Python's syntax; the rules here read them as Python's
//! `regex` module does (`\w`, `\d` and `\b` as its tables have them, `$` before a final line break),
//! with their look-arounds written out, each match in linear time.

use std::sync::atomic::{AtomicU64, Ordering};

use regex::{Regex, RegexBuilder};

use crate::blocks::words;
use crate::forward::Forward;
use crate::phrases::{translate, Folding, Phrases, DFA_CACHE};
use crate::unicode::{has_digit, is_digit, is_letter_only, is_python_space, is_space, is_word};

/// A furniture phrase followed by at most this many words is a furniture line ("Share this story").
const PHRASE_EXTRA_WORDS: usize = 3;
/// A phrase of at least this many words is a prompt even written as a sentence, with as many words after it.
const LONG_PHRASE_WORDS: usize = 4;
/// A phrase line has at most this many words (a phrase of up to 15 words, and as many after it): longer
/// blocks are not tried.
const PHRASE_LINE_WORDS: usize = 30;
/// A head that opens with an article or a possessive ("Die meistgelesenen Artikel") has at most this many words.
const DETERMINER_HEAD_WORDS: usize = 8;
/// A label line ("Tags: a, b, c") has at most this many words and no sentence; its label ends with a
/// colon, or with the full-width colon of CJK text.
const LABEL_LINE_WORDS: usize = 15;
const LABEL_COLONS: &[char] = &[':', '：'];
/// A caption with a credit is at most this long, in words.
pub const CAPTION_WORDS: usize = 60;
/// A byline is at most this long, in words; a dateline has at most this many words beside its date.
const BYLINE_WORDS: usize = 12;
const DATELINE_EXTRA_WORDS: usize = 4;
/// A date's label ("Last updated: ") has at most this many letters, spaces and dashes after its first letter.
const DATE_LABEL_CHARS: usize = 30;
/// A caption's credit is within this many characters of its end.
const CREDIT_CHARS: usize = 160;
/// How a quoted block or a quotation's attribution starts: never a byline or a dateline.
const QUOTE_MARKS: &[char] = &['>', '—', '―'];
/// A cookie notice is at most this long, in words.
const NOTICE_MAX_WORDS: usize = 80;
/// A rights notice is at most this long, in words.
const RIGHTS_WORDS: usize = 15;
/// A related-list heading has at most this many words after its phrase ("More news from Rome").
const HEADING_EXTRA_WORDS: usize = 3;
/// The memory for learned states of the patterns tried only where a cheaper one matched (a cookie notice's
/// consent, a credit after its hint): few lines reach them, but a credit's bounded repetitions learn many
/// states (at 64 KB they forgot them some ten times on the evaluation kit's pages and learned them again).
const RARE_CACHE: usize = 256 * 1024;
/// The memory for the states of the test of whether any phrase opens a block, the lexicon's largest pattern
/// (some 26,000 states of its NFA, each learned state costly): on pages that share few openings it fills
/// [`DFA_CACHE`] and forgets what it learned (a twentieth of `boilerplate`'s instructions on the evaluation
/// kit's pages); four times that holds what they teach it.
const OPENING_CACHE: usize = 4 * DFA_CACHE;
/// The label whose phrases head a list only where little follows them.
const RELATED: &str = "related";

/// How many lexicons the process has made (each takes the count as its id).
static LEXICONS_MADE: AtomicU64 = AtomicU64::new(0);

/// The word lists of the lexicon's rules other than its phrases, each an alternation in Python's syntax.
#[derive(Debug, Clone, Copy)]
pub struct WordLists<'a> {
    /// Articles and possessives before a furniture phrase ("The", "Die", "Nos").
    pub determiners: &'a str,
    /// The phrases that open a rights notice, and those that reserve rights anywhere in a line.
    pub rights_opening: &'a str,
    pub rights_reserved: &'a str,
    /// The words of a cookie notice, and the words of consent that go with them.
    pub cookies: &'a str,
    pub consent: &'a str,
    /// The labels of a photo credit ("Photo", "Bild", "Fot"); the words of a credit that names who took
    /// it ("Photo by"), and those words.
    pub credit_labels: &'a str,
    pub credit_photos: &'a str,
    pub credit_by: &'a str,
    /// The words that open a byline ("By", "Von").
    pub byline: &'a str,
    /// The forms of a date ("May 7, 2010", "2010-05-07"), and of a date in Chinese or Japanese.
    pub dates: &'a str,
    pub cjk_dates: &'a str,
    /// The words that go with a date in a dateline ("Published", weekdays).
    pub dateline: &'a str,
}

/// The lexicon's furniture labels and footer markers, compiled once.
#[derive(Debug)]
pub struct Lexicon {
    /// What tells this lexicon from every other one made in the process (see [`Lexicon::id`]).
    id: u64,
    /// The furniture labels in the order they are tried, with their phrases.
    furniture: Vec<(String, Phrases)>,
    /// Every phrase of every furniture label: where none opens a line, no label's phrase counts there, so
    /// it is tried first, and the labels' own phrases (one automaton each) only where it finds one. It
    /// folds case as Unicode's simple case folding does, not quite as Python does (see [`Folding::Simple`]).
    opening: Phrases,
    /// The footer markers in the order they are tried, and the prompts (indices of `furniture`).
    markers: Vec<(String, Phrases)>,
    prompts: Vec<usize>,
    determiner: Forward,
    rights_opening: Phrases,
    rights_reserved: Forward,
    cookies: Forward,
    consent: Forward,
    credit: Credit,
    byline: Forward,
    date: Forward,
    cjk_date: Forward,
    /// A word that goes with a date, at the start of a text: "Published", "Updated", "Last modified".
    dateline_start: Forward,
}

/// The ways a caption's credit ends it.
#[derive(Debug)]
struct Credit {
    /// What every credit holds: a credit's label, the word of a photo, "fot." or "Getty Images".
    hint: Forward,
    /// "(Photo: AP)", and the non-word characters after it.
    bracketed: Hinted,
    /// "Photo by Jane Doe".
    photo_by: Hinted,
    /// "Bild: Jane Doe" after the start or a sentence.
    labelled: Forward,
    /// "Getty Images", and the non-word characters after it.
    agency: Regex,
}

/// A pattern tried only where a cheaper one finds what every match of it holds: a pattern with long
/// bounded repetitions learns many states, which a search of every line would keep learning anew.
#[derive(Debug)]
struct Hinted {
    hint: Forward,
    pattern: Forward,
}

impl Hinted {
    fn is_match(&self, text: &str) -> bool {
        self.hint.is_match(text) && self.pattern.is_match(text)
    }
}

impl Lexicon {
    /// Compile the phrases of each furniture label and footer marker (alternations in Python's syntax),
    /// the prompt labels (furniture labels that open a page's tail where prompts end an article) and
    /// the word lists.
    pub fn new(
        furniture: &[(String, String)],
        markers: &[(String, String)],
        prompts: &[String],
        lists: WordLists<'_>,
    ) -> Result<Lexicon, String> {
        // each pattern in Python's syntax, read as Python reads it with `regex.IGNORECASE`: most are only
        // matched, or anchored at the start and ended, which the forward automaton alone tells
        let forward = |source: &str| Forward::new(&translate(source, true), DFA_CACHE);
        let rare = |source: &str| Forward::new(&translate(source, true), RARE_CACHE);
        let compile = |source: &str| {
            RegexBuilder::new(&translate(source, true))
                .dfa_size_limit(DFA_CACHE)
                .build()
                .map_err(|error| error.to_string())
        };
        let phrases = |alternation: &str| Phrases::new(alternation, Folding::Python, DFA_CACHE);
        let labelled = |labels: &[(String, String)]| -> Result<Vec<(String, Phrases)>, String> {
            labels
                .iter()
                .map(|(label, alternation)| Ok((label.clone(), phrases(alternation)?)))
                .collect()
        };
        let every_phrase = furniture
            .iter()
            .map(|(_, phrases)| phrases.as_str())
            .collect::<Vec<_>>()
            .join("|");
        let furniture_labels = labelled(furniture)?;
        let prompts = prompts
            .iter()
            .map(|prompt| {
                furniture_labels
                    .iter()
                    .position(|(label, _)| label == prompt)
                    .ok_or_else(|| format!("no furniture label {prompt:?}"))
            })
            .collect::<Result<_, _>>()?;
        let (labels, photos, by) = (lists.credit_labels, lists.credit_photos, lists.credit_by);
        let dateline = lists.dateline;
        Ok(Lexicon {
            id: LEXICONS_MADE.fetch_add(1, Ordering::Relaxed),
            opening: Phrases::new(&every_phrase, Folding::Simple, OPENING_CACHE)?,
            furniture: furniture_labels,
            markers: labelled(markers)?,
            prompts,
            determiner: forward(&format!(r"\A(?:{})\s+", lists.determiners))?,
            rights_opening: phrases(lists.rights_opening)?,
            rights_reserved: forward(&anywhere(lists.rights_reserved))?,
            cookies: forward(&anywhere(lists.cookies))?,
            consent: rare(&anywhere(lists.consent))?,
            credit: Credit {
                hint: forward(&format!(r"(?:{labels})|(?:{photos})|fot\.|getty images"))?,
                // `s?\b` before what follows: a bracket, or a non-word character and the rest
                bracketed: Hinted {
                    hint: forward(&format!(r"[\[(（](?:{labels})"))?,
                    pattern: rare(&format!(
                        r"[\[(（](?:{labels})s?(?:[\])）]|[^\w\])）\n][^\])）\n]{{0,119}}[\])）])\W*\z"
                    ))?,
                },
                // `\b` before it, and after it the end or a non-word character and the rest
                photo_by: Hinted {
                    hint: forward(&format!(r"(?:{photos})s? (?:{by})"))?,
                    pattern: rare(&format!(
                        r"(?:\A|\W)(?:{photos})s? (?:{by})(?:\n?\z|[^\w.\n][^.\n]{{0,79}}\n?\z)"
                    ))?,
                },
                // the label and what comes before it are Python's look-behind
                labelled: forward(&format!(
                    r"(?:\A|[.!?。]\s*)(?:(?:{labels})s?\s?[:：/]|fot\.)\s?[^.:\n]{{1,60}}\n?\z"
                ))?,
                agency: compile(r"getty images\W*\z")?,
            },
            byline: forward(&format!(r"\A\W{{0,3}}(?:{})[:\s]", lists.byline))?,
            date: forward(&format!(r"(?:\A|\W)({})(?:\W|\z)", lists.dates))?,
            cjk_date: Forward::new(&translate(lists.cjk_dates, false), DFA_CACHE)?,
            dateline_start: forward(&format!(r"\A(?:{dateline})"))?,
        })
    }

    /// A number of its own among the lexicons made in the process: a label kept with a block is the label
    /// of the lexicon of that number.
    pub fn id(&self) -> u64 {
        self.id
    }

    /// The label of the furniture line a block is, on the evidence of the lexicon, or `None`: its
    /// visible text, its words and whether it ends like a sentence.
    pub fn label(&self, visible: &str, words: usize, sentence_end: bool) -> Option<&str> {
        let start = first_word_start(visible);
        if words <= PHRASE_LINE_WORDS {
            for phrase_start in self.phrase_starts(visible, words, start) {
                if !self.opens(visible, phrase_start) {
                    continue;
                }
                let found = self.furniture.iter().find(|(_, phrases)| {
                    let end = phrases.end(visible, phrase_start);
                    end.is_some_and(|end| is_phrase_line(visible, phrase_start, end, words, sentence_end))
                });
                if let Some((label, _)) = found {
                    return Some(label);
                }
            }
        }
        if words <= NOTICE_MAX_WORDS && self.cookies.is_match(visible) && self.consent.is_match(visible) {
            return Some("cookies");
        }
        if words <= RIGHTS_WORDS
            && (self.rights_opening.opens(visible, start) || self.rights_reserved.is_match(visible))
        {
            return Some("rights");
        }
        if words <= CAPTION_WORDS && self.is_captioned(visible) {
            return Some("caption");
        }
        if visible.starts_with(QUOTE_MARKS) {
            return None; // a quotation and its attribution ("— Name, May 7, 2019") belong to the text
        }
        if words <= BYLINE_WORDS && !sentence_end && self.byline.is_match(visible) {
            return Some("byline");
        }
        if words <= BYLINE_WORDS + DATELINE_EXTRA_WORDS && self.is_dateline(visible) {
            return Some("dateline");
        }
        None
    }

    /// The footer line that opens a block (the start of the page's tail), or `None`: its label, and
    /// whether it is a prompt (tried only with `prompts`, where no footer marker opens the block).
    pub fn tail(&self, visible: &str, words: usize, prompts: bool) -> Option<(&str, bool)> {
        let starts = self.phrase_starts(visible, words, first_word_start(visible));
        for prompt in [false, true].into_iter().take(if prompts { 2 } else { 1 }) {
            for start in starts.clone() {
                if start >= visible.len() {
                    continue;
                }
                let found = if prompt {
                    tail_label(self.prompts.iter().map(|&i| &self.furniture[i]), visible, start)
                } else {
                    tail_label(self.markers.iter(), visible, start)
                };
                // a prompt counts only where some furniture phrase opens the line
                if let Some(label) = found.filter(|_| !prompt || self.opens(visible, start)) {
                    return Some((label, prompt));
                }
            }
        }
        None
    }

    /// Whether a phrase of any furniture label opens `visible` at byte `start`.
    pub fn opens(&self, visible: &str, start: usize) -> bool {
        start < visible.len() && self.opening.opens(visible, start)
    }

    /// Where a furniture phrase may open a block: at `start`, and in a head, after an article there.
    fn phrase_starts(&self, visible: &str, words: usize, start: usize) -> impl Iterator<Item = usize> + Clone {
        let determiner = if words <= DETERMINER_HEAD_WORDS {
            self.determiner.end(&visible[start..])
        } else {
            None
        };
        std::iter::once(start).chain(determiner.map(|end| start + end))
    }

    /// Whether a credit closes a caption: only its last `CREDIT_CHARS` characters are searched.
    fn is_captioned(&self, visible: &str) -> bool {
        let credit = &self.credit;
        if !credit.hint.is_match(visible) {
            return false;
        }
        let chars = visible.chars().count();
        let from = if chars > CREDIT_CHARS {
            visible.char_indices().nth(chars - CREDIT_CHARS).map_or(0, |(at, _)| at)
        } else {
            0
        };
        // "Photo by ..." and "Bild: ..." end within 100 characters of the end, past `from`
        if credit.bracketed.is_match(&visible[from..])
            || credit.photo_by.is_match(visible)
            || credit.labelled.is_match(visible)
        {
            return true;
        }
        // "Getty Images" can stand in one place only: where nothing but non-word characters follow it
        self.credit.agency.find(visible).is_some_and(|found| {
            found.start() >= from && !visible[..found.start()].chars().next_back().is_some_and(is_word)
        })
    }

    /// Whether a short line is a date with little around it: "Example News, May 7, 2010".
    ///
    /// A date under a label of its own is the text's ("Deadline: 3 May 2019"), unless the label says
    /// when the page was published or updated.
    fn is_dateline(&self, visible: &str) -> bool {
        let Some((start, end)) = self.find_date(visible) else {
            return false;
        };
        if let Some(label_end) = date_label_end(&visible[..start]) {
            if dateline_words(&visible[..label_end], &self.dateline_start).is_empty() {
                return false;
            }
        }
        let rest = format!("{} {}", &visible[..start], &visible[end..]);
        let mut extra = 0;
        let mut after = 0;
        for (start, end) in dateline_words(&rest, &self.dateline_start) {
            extra += words(&rest[after..start]).count();
            after = end;
        }
        extra + words(&rest[after..]).count() <= DATELINE_EXTRA_WORDS
    }

    /// The span of the first date in a text, in the forms of the lexicon's languages or of Chinese and Japanese.
    fn find_date(&self, text: &str) -> Option<(usize, usize)> {
        if !has_digit(text) {
            return None; // every date has a digit
        }
        if let Some(date) = self.date.group(text, 1) {
            return Some(date);
        }
        if text.is_ascii() {
            return None;
        }
        self.cjk_date.group(text, 0)
    }
}

/// Whether a block is a line of the phrase at `start..end`: nothing or little follows it, a few words,
/// or a label's list ("Tags: a, b").
pub fn is_phrase_line(visible: &str, start: usize, end: usize, words_of_block: usize, sentence_end: bool) -> bool {
    let rest = &visible[end..];
    let extra = words(rest).count();
    if extra == 0 {
        return true;
    }
    let phrase_words = words(&visible[start..end]).count();
    if phrase_words >= 2 && extra <= PHRASE_EXTRA_WORDS && !sentence_end {
        return true;
    }
    if phrase_words >= LONG_PHRASE_WORDS && extra <= phrase_words {
        return true; // a prompt written as a sentence: "Your email address will not be published."
    }
    rest.trim_start_matches(is_python_space).starts_with(LABEL_COLONS)
        && words_of_block <= LABEL_LINE_WORDS
        && !rest.trim_end_matches(is_python_space).ends_with('.')
}

/// The spans of the words of `text` that go with a date, in order: each word that opens with one of the
/// dateline words `opening` finds (anchored at the start of what it is given) at the start or after a
/// non-word character (the whole word), and each time ("08:30"). They are the groups of
/// `(?:\A|\W)((?:dateline words)\w*)|(\d{1,2}:\d{2})`, match after match.
fn dateline_words(text: &str, opening: &Forward) -> Vec<(usize, usize)> {
    let word_from = |start: usize| {
        let end = start + opening.end(&text[start..])?;
        Some((
            start,
            end + text[end..].find(|c| !is_word(c)).unwrap_or(text.len() - end),
        ))
    };
    let mut found = Vec::new();
    let mut at = 0;
    while let Some(c) = text[at..].chars().next() {
        let next = at + c.len_utf8();
        let span = (at == 0)
            .then(|| word_from(0))
            .flatten()
            .or_else(|| (!is_word(c)).then(|| word_from(next)).flatten())
            .or_else(|| is_digit(c).then(|| time_at(text, at)).flatten());
        match span {
            Some((start, end)) => {
                found.push((start, end));
                at = end;
            }
            None => at = next,
        }
    }
    found
}

/// The span of a time at byte `at` of `text` ("8:30", "08:30"): one or two digits, a colon, two digits.
///
/// ```
/// use textclean_native::lexicon::time_at;
/// assert_eq!((time_at("at 08:30", 3), time_at("8:30", 0), time_at("123:45", 0)), (Some((3, 8)), Some((0, 4)), None));
/// ```
pub fn time_at(text: &str, at: usize) -> Option<(usize, usize)> {
    // the first five characters, each with where it ends
    let mut shape = [('\0', at); 5];
    for (slot, (offset, c)) in shape.iter_mut().zip(text[at..].char_indices()) {
        *slot = (c, at + offset + c.len_utf8());
    }
    let digit = |i: usize| is_digit(shape[i].0);
    [2, 1].into_iter().find_map(|digits| {
        let whole = (0..digits).all(digit) && shape[digits].0 == ':' && digit(digits + 1) && digit(digits + 2);
        whole.then_some((at, shape[digits + 2].1))
    })
}

/// Where a phrase may start in `text`: its first word, "©" or "(", or its length if it has none of them.
///
/// ```
/// use textclean_native::lexicon::first_word_start;
/// assert_eq!((first_word_start("* © 2024 Example"), first_word_start("--")), (2, 2));
/// ```
pub fn first_word_start(text: &str) -> usize {
    text.char_indices()
        .find(|&(_, c)| is_word(c) || c == '©' || c == '(')
        .map_or(text.len(), |(at, _)| at)
}

/// Where the label that opens a text ends ("Last updated: "), if one does: white space, a letter, at most
/// `DATE_LABEL_CHARS` letters, spaces or dashes, a colon and a white space character.
///
/// ```
/// use textclean_native::lexicon::date_label_end;
/// assert_eq!(date_label_end(" Last updated: May"), Some(15));
/// assert_eq!((date_label_end("Updated:May"), date_label_end("12: May")), (None, None));
/// ```
pub fn date_label_end(text: &str) -> Option<usize> {
    let start = text.len() - text.trim_start_matches(is_space).len();
    let mut chars = text[start..].char_indices();
    chars.next().filter(|&(_, c)| is_letter_only(c))?;
    let (run, (at, colon)) = chars
        .enumerate()
        .find(|&(_, (_, c))| !(is_letter_only(c) || c == ' ' || c == '-'))?;
    let after = start + at + colon.len_utf8();
    let space = text[after..].chars().next().filter(|&c| is_space(c))?;
    (run <= DATE_LABEL_CHARS && LABEL_COLONS.contains(&colon)).then_some(after + space.len_utf8())
}

/// The first of `labels` whose phrases open `visible` at byte `start` (a related-list phrase only as a
/// heading).
fn tail_label<'a>(
    mut labels: impl Iterator<Item = &'a (String, Phrases)>,
    visible: &str,
    start: usize,
) -> Option<&'a str> {
    labels
        .find(|(label, phrases)| {
            let end = phrases.end(visible, start);
            end.is_some_and(|end| label != RELATED || is_heading_rest(&visible[end..]))
        })
        .map(|(label, _)| label.as_str())
}

/// Whether what follows a related-list phrase leaves it a heading ("More news from Rome"): a phrase
/// that introduces one title ("See also: The old bridge") is a cross-reference inside the article.
fn is_heading_rest(rest: &str) -> bool {
    let extra = words(rest).count();
    extra <= HEADING_EXTRA_WORDS && !(rest.contains(':') && extra > 0)
}

/// A pattern (in Python's syntax) that finds `alternation` anywhere as whole words (Python's `(?<!\w)` and
/// `(?!\w)`, or `\b` beside word characters): it tells whether there is one, not where.
fn anywhere(alternation: &str) -> String {
    format!(r"(?:\A|\W)(?:{alternation})(?:\W|\z)")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{assert_linear, LEXICON};

    fn label(line: &str) -> Option<String> {
        label_of(line, words(line).count(), false)
    }

    fn label_of(line: &str, words: usize, sentence_end: bool) -> Option<String> {
        LEXICON.label(line, words, sentence_end).map(str::to_string)
    }

    proptest::proptest! {
        #[test]
        fn dateline_words_are_the_groups_of_their_pattern(
            pieces in proptest::collection::vec(proptest::sample::select(vec![
                "Published", "updated", "LAST Updated", "last", "on", "One", "mis à jour", "veröffentlicht",
                "8", "08:30", "12:3", "123:45", ":", "٣:٤٥", " ", "-", ".", "é", "x", "_", "ſ", "\u{212A}", "\n",
            ]), 0..12)
        ) {
            let text = pieces.concat();
            let words = r"published|updated|last (?:updated|modified)|on|mis à jour|veröffentlicht|k";
            let opening = Forward::new(&translate(&format!(r"\A(?:{words})"), true), 1 << 16).unwrap();
            let pattern = format!(r"(?:\A|\W)((?:{words})\w*)|(\d{{1,2}}:\d{{2}})");
            let groups: Vec<(usize, usize)> = Regex::new(&translate(&pattern, true))
                .unwrap()
                .captures_iter(&text)
                .filter_map(|found| found.get(1).or_else(|| found.get(2)))
                .map(|group| (group.start(), group.end()))
                .collect();
            proptest::prop_assert_eq!(dateline_words(&text, &opening), groups);
        }
    }

    #[test]
    fn a_phrase_with_little_after_it_is_a_furniture_line() {
        assert_eq!(label("Share this article").as_deref(), Some("share"));
        assert_eq!(label("* SHARE").as_deref(), Some("share"));
        assert_eq!(label("12 Comments").as_deref(), Some("comments"));
        assert_eq!(
            label("Tags: harbour, storm, coast, winter, ships").as_deref(),
            Some("tags")
        );
        assert_eq!(label("评论").as_deref(), Some("comments"));
        assert_eq!(label("Die meistgelesenen Artikel").as_deref(), Some("related"));
        assert_eq!(label("More from our town hall").as_deref(), Some("related"));
        // a sentence that opens with a phrase's word, a word that merely begins like one
        assert_eq!(label_of("Share the load with the others of the crew.", 9, true), None);
        assert_eq!(label("Shared values"), None);
        assert_eq!(label("评论员指出"), None);
        assert_eq!(label("Tags: a, b. The harbour was closed."), None);
    }

    #[test]
    fn notices_credits_bylines_and_datelines() {
        assert_eq!(
            label("We use cookies. Accept them or opt-out.").as_deref(),
            Some("cookies")
        );
        assert_eq!(label("We bake cookies every day."), None);
        assert_eq!(label("(c) Jane Doe").as_deref(), Some("rights"));
        assert_eq!(label("Photos: Ann Lee. All Rights Reserved").as_deref(), Some("rights"));
        assert_eq!(
            label("The square in 1998. (Photo: City Archive)").as_deref(),
            Some("caption")
        );
        assert_eq!(label("The square in 1998. (Photographer: City Archive)"), None);
        assert_eq!(
            label("The square in 1998. Photo by Ann Lee").as_deref(),
            Some("caption")
        );
        assert_eq!(label("The square in 1998. Bild: Ann Lee\n").as_deref(), Some("caption"));
        assert_eq!(label("Stare miasto. Fot. Jan Kowalski").as_deref(), Some("caption"));
        assert_eq!(label("Ships in the harbour. Getty Images").as_deref(), Some("caption"));
        assert_eq!(label("Ships in the harbourGetty Images"), None);
        assert_eq!(label("By Jane Doe").as_deref(), Some("byline"));
        assert_eq!(label("— By Jane Doe"), None);
        assert_eq!(label("Bypass closed"), None);
        assert_eq!(label("Published: May 7, 2010").as_deref(), Some("dateline"));
        assert_eq!(
            label("Example News, Mon 7. Mai 2010 08:30").as_deref(),
            Some("dateline")
        );
        assert_eq!(label("Deadline: May 7, 2010"), None);
        assert_eq!(label("2024年3月5日 08:30").as_deref(), Some("dateline"));
        assert_eq!(label("May 7, 2010 was the day the harbour closed for good"), None);
    }

    #[test]
    fn footer_markers_and_prompts_open_the_tail() {
        let lexicon = &*LEXICON;
        let tail = |line: &str, prompts| lexicon.tail(line, words(line).count(), prompts);
        assert_eq!(tail("Leave a Comment", false), Some(("comments", false)));
        assert_eq!(tail("Tags: a, b", false), Some(("tags", false)));
        assert_eq!(tail("Share", false), None);
        assert_eq!(tail("Share", true), Some(("share", true)));
        assert_eq!(tail("The related articles", false), Some(("related", false)));
        // a related phrase heads a list only where little follows it, and no title after a colon
        assert_eq!(tail("See also: The old bridge", true), None);
        assert_eq!(tail("More news from Rome", true), Some(("related", true)));
        assert!(lexicon.opens("Share", 0) && !lexicon.opens("Share", 5) && !lexicon.opens("Vote", 0));
    }

    #[test]
    fn phrase_lines_follow_the_words_after_the_phrase() {
        assert!(is_phrase_line("Tags", 0, 4, 1, false));
        assert!(is_phrase_line("Leave a comment now please", 0, 15, 5, false));
        assert!(!is_phrase_line("Leave a comment now please", 0, 15, 5, true));
        assert!(is_phrase_line("Tags \u{1F}: a, b, c, d", 0, 4, 5, true));
        assert!(!is_phrase_line("Tags: a, b, c, d.", 0, 4, 5, true));
    }

    #[test]
    fn every_rule_takes_linear_time() {
        let lexicon = &*LEXICON;
        for unit in [
            "Photo: a ",
            "(Photo ",
            "getty images ",
            "published 08:30 ",
            "7 May 2010 ",
            "cookies x ",
        ] {
            assert_linear(
                200,
                |n| unit.repeat(n),
                |text| {
                    lexicon.label(text, 1, false);
                    lexicon.tail(text, 1, true);
                },
            );
        }
    }
}
