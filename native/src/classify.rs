//! The block classifier: an ordered list of named passes over the table of block features.
//!
//! The classifier follows jusText (Pomikálek, 2011) on text instead of HTML. Each pass reads the
//! blocks and the verdicts of the passes before it and writes verdicts, each with the rule that fired
//! and the name of the pass that wrote it, so that `explain` can say which pass removed a block. The
//! whole algorithm is [`classify`]:
//!
//! 1. `own-evidence`: every block gets a class from its own features (link density, length, stopword
//!    share, sentence punctuation, the furniture lexicon);
//! 2. `repeats`: a prose block printed again goes after its first appearance;
//! 3. `neighbours`: blocks in doubt are settled by the sure blocks around them;
//! 4. `position`: blocks in doubt outside the article's run (the most prose net of furniture) go; the
//!    run ends at the article's last text unless the lines after it carry content;
//! 5. `teaser-cards`: a run of headline-and-summary cards that closes the text goes;
//! 6. `slideshow`: a gallery (counters "n/m" over captions, again and again) goes, wherever it stands;
//! 7. `comments`: a thread of comments (time stamps over short texts, again and again) goes;
//! 8. `author-note`: notes about the author that close the text go;
//! 9. `after-article`: lines of plain words after the run's last paragraph that lead to no text go;
//! 10. `short-document`: a document of a sentence or two is kept whole.
//!
//! The patterns the passes read (lines of lists, notes about the author, slide counters, title
//! separators, the prompts of blurbs) come from the lexicon's data module in Python's syntax, as
//! the lexicon's phrases do (see [`Patterns`]).

use std::borrow::Cow;
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};
use std::hash::BuildHasher;
use std::sync::atomic::{AtomicU64, Ordering};

use regex::Regex;

use crate::blocks::{count_words, words, Block, FunctionWords, TextHasher, TextMap, TextSet};
use crate::chars;
use crate::forward::Forward;
use crate::links;
use crate::phrases::{not_word, translate, DFA_CACHE};
use crate::unicode::{casefold, digit_value, is_digit, is_lower, is_python_space, is_space, is_wide, is_word};

// jusText's thresholds, in characters of visible text and shares of stopwords.
/// Below this a block is "short": it cannot speak for itself.
const SHORT_CHARS: usize = 70;
/// Above this a prose-like block is "good" on its own.
const LONG_CHARS: usize = 200;
/// Stopword shares that mark prose, for English; scaled to the document's own prose (other languages,
/// or word lists that know a language less well, give lower shares).
const STOPWORDS_LOW: f64 = 0.30;
const STOPWORDS_HIGH: f64 = 0.32;
/// Prose blocks of at least this many words are compared for repetition; shorter ones, and lists (a
/// recipe's "1 cup of water"), repeat naturally.
const REPEAT_MIN_WORDS: usize = 8;
/// A glance at a copy key reads its first words, within the first bytes of the text where it can.
const GLANCE_WORDS: usize = 6;
const GLANCE_BYTES: usize = 96;
/// A block speaks of the article's subject if at least this many of its subject words, and this share
/// of them, stand in the prose of the article's run.
const MIN_SHARED_WORDS: usize = 2;
const SHARED_SHARE: f64 = 0.3;
/// A near-prose block among furniture is kept if it is at least this long (recall first).
const NEAR_GOOD_ALONE_WORDS: usize = 20;
/// What a furniture block costs a run of blocks that holds it, in words of prose, beside its own words.
const FURNITURE_COST: f64 = 10.0;
/// What a short line that is not a sentence costs the run, in words of prose: a menu rendered as plain
/// lines weighs against joining the text beyond it, a subheading or two between paragraphs next to nothing.
const SHORT_LINE_COST: f64 = 1.0;
/// Teaser cards (a list of other stories after the article): a card is a headline of at most
/// `CARD_HEAD_LINES` short lines (a kicker, a title, a date) over a summary of at most
/// `CARD_SUMMARY_MAX_WORDS` words that ends a sentence or has `CARD_PROSE_WORDS` words; a run of at least
/// `MIN_CARDS` cards, with `CARD_SUMMARY_WORDS` words a summary on average, is a list of stories.
const CARD_HEAD_LINES: usize = 4;
const CARD_SUMMARY_MAX_WORDS: usize = 100;
const CARD_PROSE_WORDS: usize = 20;
const CARD_SUMMARY_WORDS: usize = 12;
const MIN_CARDS: usize = 3;
/// Under the head of a list of other stories ("Read more", "Lesen Sie auch"), two cards are a list.
const MIN_HEADED_CARDS: usize = 2;
/// The text before the cards has at least this share of the cards' words: a page of cards is an index.
const CARD_BODY_SHARE: f64 = 0.5;
/// The summaries share with the text before them at most this much of what its paragraphs share with
/// one another (their words used by another paragraph): less, and they speak of other things.
const CARD_MAX_SHARED: f64 = 0.7;
/// The text's paragraphs, for that comparison, have at least this many words.
const CARD_TEXT_WORDS: usize = 8;
/// A headline or a card's head line is at most this long, in words.
pub const HEAD_WORDS: usize = 30;
/// Furniture that stands inside articles as well as around them: no evidence about its neighbours.
const INSIDE_ARTICLE: &str = "caption";
/// A furniture line between two sentences of text has at most this many words; a sentence of text, at
/// least this many.
const LINE_WORDS: usize = 15;
const SENTENCE_WORDS: usize = 3;
/// A list of content has at least this many lines, and at least this share of them are amounts, values
/// after a label, or rows of a table; between furniture and text, from the lower share on.
const MIN_LIST_LINES: usize = 3;
const LIST_CONTENT_SHARE: f64 = 0.6;
const MIXED_LIST_CONTENT_SHARE: f64 = 0.4;
/// A short label line is a list's heading if a line of the list follows within this many lines.
const LIST_NEAR: usize = 3;
/// The article's run reaches over the lines in doubt after it if at least this share of them carry content.
const TRAILING_CONTENT_SHARE: f64 = 0.4;
/// Commas, in Latin and CJK script: a line that ends with one goes on in the next (a line of verse).
const COMMAS: &[char] = &[',', '，', '、'];
/// A line of at least this many words with a comma inside is a sentence without its full stop.
const CLAUSE_WORDS: usize = 6;
/// The short lines after the run's last paragraph are a box of content (facts, a list, code) when at
/// least this share of them carry content.
const BOX_CONTENT_SHARE: f64 = 0.6;
/// The characters of code or markup besides digits: a line with one carries data, not only words.
const DATA_CHARACTERS: &[char] = &['=', '<', '>', '{', '}', '(', ')', ';', '\\', '/'];
/// A slideshow: at least this many counters "n/m" of one total, each a line of at most this many words.
const MIN_SLIDES: usize = 3;
const COUNTER_WORDS: usize = 5;
/// A thread of comments or a note about the author follows at least this many words of article text.
const ARTICLE_BEFORE_WORDS: usize = 100;
/// A thread of comments: at least this many time stamps, each at most this many blocks after the one
/// before and followed by its body within this many blocks, with bodies of at most this many words on average.
const MIN_COMMENTS: usize = 3;
const COMMENT_BLOCKS: usize = 15;
const COMMENT_BODY_GAP: usize = 2;
const COMMENT_WORDS: usize = 120;
/// A note about the author has at most this many words; the name line over it, at most this many.
const AUTHOR_NOTE_WORDS: usize = 150;
const NAME_LINE_WORDS: usize = 4;
/// A sentence's final punctuation is looked for within this many characters of a block's end.
const END_CHARS: usize = 12;
/// How a sentence ends (a full stop, a question or an exclamation mark), and the closing quotes and
/// brackets that may follow it.
const FULL_STOPS: &[char] = &['.', '!', '?', '。', '！', '？', '．', '؟', '।'];
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '」', '』', '）'];
/// The document's prose, for the stopword yardstick: blocks of at least this many words that end a
/// sentence and are mostly not link text.
const YARDSTICK_WORDS: usize = 20;
const YARDSTICK_MAX_LINK_SHARE: f64 = 0.3;
/// A document of at most this many blocks, each a sentence, is kept whole.
const SHORT_DOCUMENT_BLOCKS: usize = 2;
/// Below this share of stopwords in that prose, the word list does not know the document's language.
const MIN_KNOWN_SHARE: f64 = 0.05;

/// What a block is, as far as the classifier can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Article text.
    Good,
    /// Prose-like, but not certain alone.
    NearGood,
    /// Too short to tell alone.
    Short,
    /// Furniture.
    Bad,
}

/// The class of a block, the rule that gave it, and the pass that wrote it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict<'a> {
    pub kind: Kind,
    pub rule: &'a str,
    pub by: &'static str,
}

/// How many sets of patterns the process has made (each takes the count as its id).
static PATTERNS_MADE: AtomicU64 = AtomicU64::new(0);

/// The patterns the passes read, from the lexicon's data in Python's syntax.
#[derive(Debug)]
pub struct Patterns {
    /// A number of its own among the sets of patterns made in the process: a glance kept with a block is
    /// the glance read with the patterns of that number.
    id: u64,
    /// A line of a list of content: an amount, a value after a label, a row of a table.
    list_line: Forward,
    /// A note about the author: a name and a form of "to be", or "I am", then a role of those who write.
    author_note: Forward,
    /// A slide's counter, "3/12" or "Bild 3 von 12", with the groups `at` and `of`.
    slide_counter: Regex,
    /// What parts a title from the site's name ("Title | Site").
    title_separator: Regex,
    /// A phrase of the prompts anywhere in a line, as a whole word.
    prompts: Forward,
}

impl Patterns {
    /// Compile the patterns, each in Python's syntax: `list_line` and `title_separator` as they are,
    /// `author_note`, `slide_counter` and the `prompts` (an alternation of phrases) ignoring case.
    pub fn new(
        list_line: &str,
        author_note: &str,
        slide_counter: &str,
        title_separator: &str,
        prompts: &str,
    ) -> Result<Patterns, String> {
        let compile = |source: &str| Regex::new(source).map_err(|error| error.to_string());
        // `\p{Lu}` ignoring case is any cased letter to Python's `regex`
        let author_note = translate(author_note, true).replace(r"\p{Lu}", r"\p{LC}");
        Ok(Patterns {
            id: PATTERNS_MADE.fetch_add(1, Ordering::Relaxed),
            list_line: Forward::new(&format!(r"\A(?:{})", translate(list_line, false)), DFA_CACHE)?,
            author_note: Forward::new(&format!(r"\A(?:{author_note})"), DFA_CACHE)?,
            slide_counter: compile(&format!(r"\A(?:{})\z", translate(slide_counter, true)))?,
            title_separator: compile(&translate(title_separator, false))?,
            prompts: Forward::new(
                &format!(r"(?:\A|{0})(?:{1})(?:{0}|\z)", not_word(), translate(prompts, true)),
                DFA_CACHE,
            )?,
        })
    }

    /// Where the site's name after a title line starts ("Title | Site - Section"), or its length.
    ///
    /// A suffix is short segments after a separator, with fewer words than the title. The cut repeats
    /// on what is left until nothing more qualifies, so what is left has no suffix.
    pub fn site_suffix_start(&self, line: &str) -> usize {
        let mut cut = line.len();
        while let Some(shorter) = self.suffix_start(&line[..cut]) {
            cut = shorter;
        }
        cut
    }

    /// The span of the site's name after a title line (see [`Patterns::site_suffix_start`]), which ends
    /// before the images (tracking pixels, icons) that close the line; `None` if the line has no such
    /// suffix or is more than one line.
    pub fn title_suffix(&self, line: &str) -> Option<(usize, usize)> {
        if line.contains('\n') {
            return None;
        }
        let end = end_before_images(line);
        let cut = self.site_suffix_start(&line[..end]);
        (cut != end).then_some((cut, end))
    }

    fn suffix_start(&self, line: &str) -> Option<usize> {
        self.title_separator.find_iter(line).find_map(|separator| {
            let head_words = count_words(&line[..separator.start()]);
            let tail = &line[separator.end()..];
            let short_segments = self
                .title_separator
                .split(tail)
                .all(|segment| (1..=4).contains(&count_words(segment)));
            (head_words >= 3 && short_segments && count_words(tail) <= head_words).then_some(separator.start())
        })
    }

    /// Whether a block is a line of a list of content.
    fn is_list_line(&self, block: &Block) -> bool {
        self.list_line.is_match(&block.visible)
    }
}

/// Where the words of a line end: before its trailing blanks and the images that close it.
fn end_before_images(line: &str) -> usize {
    let words_end = |text: &str| text.trim_end_matches(is_python_space).len();
    let mut end = words_end(line);
    if chars::find_short(line, b"](").is_none() && !line.contains('<') {
        return end;
    }
    for token in links::tokenize(line).iter().rev() {
        let after = line.get(token.end..end).unwrap_or("");
        if !token.kind.is_image() || !after.trim_matches(is_python_space).is_empty() {
            break;
        }
        end = words_end(&line[..token.start]);
    }
    end
}

/// What the passes read besides the blocks: the patterns, the document's function words and prose,
/// and what the strictness allows.
#[derive(Debug)]
pub struct Context<'a> {
    pub patterns: &'a Patterns,
    pub stopwords: &'a FunctionWords,
    /// The document's prose against English's, in stopwords (see [`prose_share`]).
    pub prose_share: Option<f64>,
    pub settings: Settings,
}

/// What a strictness allows, and the options of the classification.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// Blocks in doubt are settled by their neighbours.
    pub neighbours: bool,
    /// Blocks in doubt outside the article's run go, and so do teaser cards, slideshows and lines after it.
    pub position: bool,
    /// Prose outside the article's run goes too.
    pub prose_outside_run: bool,
    /// A near-prose block among furniture goes however long it is.
    pub near_prose_among_furniture: bool,
    /// A long block without the marks of prose is furniture, not in doubt.
    pub unproven_long_blocks: bool,
    /// Above this share of link text a block is a link list.
    pub max_link_density: f64,
    /// A thread of comments keeps its bodies.
    pub keep_comments: bool,
}

/// How the document's own prose compares with English prose in stopword share (0.2..1); `None` if its
/// prose holds almost no stopwords: then they tell nothing.
pub fn prose_share<'b>(blocks: impl IntoIterator<Item = &'b Block>) -> Option<f64> {
    let (mut words, mut stopwords) = (0, 0);
    for block in blocks {
        if block.words >= YARDSTICK_WORDS && block.sentence_end && block.link_share < YARDSTICK_MAX_LINK_SHARE {
            words += block.words;
            stopwords += block.stopwords;
        }
    }
    if words == 0 {
        return Some(1.0);
    }
    if (stopwords as f64) < MIN_KNOWN_SHARE * words as f64 {
        return None;
    }
    Some((stopwords as f64 / words as f64 / 0.4).clamp(0.2, 1.0))
}

/// The class a block has on its own evidence (jusText's context-free pass); `label` is the furniture
/// label the lexicon (or the user's phrases) gives it.
///
/// Where the document's prose holds (almost) none of the stopwords, prose is told without them: by its
/// length and its sentence punctuation.
pub fn own_class<'a>(block: &Block, label: Option<&'a str>, context: &Context<'_>) -> (Kind, &'a str) {
    if block.words == 0 {
        return if block.has_links {
            (Kind::Bad, "image")
        } else {
            (Kind::Short, "short")
        };
    }
    if let Some(label) = label {
        return (Kind::Bad, label);
    }
    let settings = context.settings;
    if block.has_links && block.link_share > settings.max_link_density {
        return (Kind::Bad, "links");
    }
    let share = stopword_share(block);
    if block.size < SHORT_CHARS {
        return (Kind::Short, "short");
    }
    let prose = context.prose_share;
    if block.size > LONG_CHARS && prose.map_or(block.sentence_end, |prose| share >= STOPWORDS_HIGH * prose) {
        return (Kind::Good, "prose");
    }
    if block.sentence_end || prose.is_some_and(|prose| share >= STOPWORDS_LOW * prose) {
        return (Kind::NearGood, "near-prose");
    }
    if settings.unproven_long_blocks {
        return (Kind::Bad, "not-prose");
    }
    (Kind::Short, "not-prose")
}

/// Run the passes over `blocks`, whose classes on their own evidence are `own`, and return each block's verdict.
///
/// `copies` holds the blocks' [`copy_keys`], read once for a document and given to every classification of
/// its blocks.
pub fn classify<'a>(
    blocks: &[&'a Block],
    own: &[(Kind, &'a str)],
    copies: &[Option<&str>],
    context: &Context<'_>,
) -> Vec<Verdict<'a>> {
    let mut verdicts: Vec<Verdict<'a>> = own
        .iter()
        .map(|&(kind, rule)| Verdict {
            kind,
            rule,
            by: "own-evidence",
        })
        .collect();
    if blocks.is_empty() {
        return verdicts;
    }
    repeats(blocks, copies, &mut verdicts, context);
    let mut table = Table::new(blocks, verdicts, context);
    table.neighbours();
    table.position();
    table.teaser_cards();
    table.slideshow();
    table.comment_thread();
    table.author_note();
    table.after_article();
    table.short_document();
    table.verdicts
}

/// The copy key of each block of a document where another block may have the same; `None`
/// elsewhere, which tells as much: a key that no other block has marks no copy.
///
/// The first words of a key are read first; a whole key is made only for blocks whose first words meet
/// another's, as the blocks of a repeated teaser or title do.
pub fn copy_keys(blocks: &[Block], context: &Context<'_>) -> Vec<Option<String>> {
    let texts: Vec<Option<&str>> = blocks.iter().map(|block| copy_text(block, context)).collect();
    let glances: Vec<Option<Cow<'_, str>>> = blocks
        .iter()
        .zip(&texts)
        .map(|(block, text)| text.map(|text| block.glance(text, context.patterns.id)))
        .collect();
    let mut met: TextMap<&str, usize> = TextMap::with_capacity_and_hasher(glances.len(), TextHasher::default());
    for glance in glances.iter().flatten() {
        *met.entry(glance.as_ref()).or_default() += 1;
    }
    texts
        .iter()
        .zip(&glances)
        .map(|(text, glance)| match (text, glance) {
            (Some(text), Some(glance)) if met[glance.as_ref()] > 1 => Some(words_of(text)),
            _ => None,
        })
        .collect()
}

/// The part of `block` whose words, case folded and one space apart, are its copy key, the words that tell
/// a copy of it (a title's without the site's name after it); `None` for a block too short to count as a
/// copy, or a list item.
fn copy_text<'b>(block: &'b Block, context: &Context<'_>) -> Option<&'b str> {
    if block.words < REPEAT_MIN_WORDS || block.list_item {
        return None;
    }
    let visible = &*block.visible;
    let title = block.words <= HEAD_WORDS && !block.sentence_end && !visible.contains('\n');
    Some(if title {
        &visible[..context.patterns.site_suffix_start(visible)]
    } else {
        visible
    })
}

/// The first [`GLANCE_WORDS`] words of [`words_of`] `text`, one space apart, read from the start of the text
/// alone where it is long: two texts with the same words have the same glance.
///
/// ```
/// use textclean_native::classify::glance;
/// let long = format!("The Storm, reached: the COAST on Monday {}", "and more ".repeat(40));
/// assert_eq!(glance(&long), "the storm reached the coast on");
/// assert_eq!(glance("Ein Sturm."), "ein sturm");
/// ```
pub fn glance(text: &str) -> String {
    let mut cut = GLANCE_BYTES.min(text.len());
    while !text.is_char_boundary(cut) {
        cut += 1;
    }
    // folding goes character by character, so the start of the text folds to the start of its folding;
    // a word that reaches the cut may go on after it
    let folded = casefold(&text[..cut]);
    let mut found = collect_sized(words(&folded).take(GLANCE_WORDS + 1));
    if found.len() <= GLANCE_WORDS && cut < text.len() && folded.chars().next_back().is_some_and(is_word) {
        found.pop();
    }
    if found.len() < GLANCE_WORDS && cut < text.len() {
        return words_of(text)
            .split(' ')
            .take(GLANCE_WORDS)
            .collect::<Vec<_>>()
            .join(" ");
    }
    found.truncate(GLANCE_WORDS);
    found.join(" ")
}

/// Mark the later copies of a repeated prose block (a teaser, a pull quote, the title again) as furniture.
///
/// A title is compared without the site's name after it. The first copy may be any block; a later copy
/// goes if it reads as prose (a list repeats its items naturally, a short line its words).
fn repeats(blocks: &[&Block], copies: &[Option<&str>], verdicts: &mut [Verdict<'_>], context: &Context<'_>) {
    let mut seen = TextSet::default();
    for (i, (block, key)) in blocks.iter().zip(copies).enumerate() {
        let Some(key) = *key else {
            continue;
        };
        let prose = match context.prose_share {
            None => block.sentence_end,
            Some(prose) => stopword_share(block) >= STOPWORDS_LOW * prose,
        };
        if prose && seen.contains(&key) {
            verdicts[i] = Verdict {
                kind: Kind::Bad,
                rule: "repeated",
                by: "repeats",
            };
        }
        seen.insert(key);
    }
}

/// The feature table of one classification after its evidence passes: the blocks, their verdicts so
/// far, their verdicts as the evidence passes left them, and what is read of them once.
struct Table<'a, 'c> {
    blocks: &'c [&'a Block],
    context: &'c Context<'c>,
    verdicts: Vec<Verdict<'a>>,
    /// The verdicts of the evidence passes (own evidence and repeats).
    own: Vec<Verdict<'a>>,
    /// The furniture that stands inside the article (see [`inside_article`]).
    inside: Vec<bool>,
    /// The article's run (see [`article_span`]).
    run: (usize, usize),
    /// The subject words of the prose of the article's run, once read.
    vocabulary: OnceCell<TextMap<&'a str, usize>>,
}

impl<'a, 'c> Table<'a, 'c> {
    fn new(blocks: &'c [&'a Block], verdicts: Vec<Verdict<'a>>, context: &'c Context<'c>) -> Self {
        let inside = inside_article(blocks, &verdicts);
        let run = article_span(blocks, &verdicts, &inside, context.patterns);
        Table {
            blocks,
            context,
            own: verdicts.clone(),
            verdicts,
            inside,
            run,
            vocabulary: OnceCell::new(),
        }
    }

    fn set(&mut self, i: usize, kind: Kind, rule: &'a str, by: &'static str) {
        self.verdicts[i] = Verdict { kind, rule, by };
    }

    /// The blocks that show something (that have words), in order.
    fn shown(&self) -> Vec<usize> {
        collect_sized((0..self.blocks.len()).filter(|&i| self.blocks[i].words > 0))
    }

    fn in_run(&self, i: usize) -> bool {
        self.run.0 <= i && i <= self.run.1
    }

    /// Settle blocks in doubt by their neighbours, as jusText's context-sensitive pass does.
    ///
    /// The short blocks between two sure blocks form a group. Between two good blocks the group is kept
    /// (subheadings, a list in the article), between two furniture blocks it goes (a menu) unless it is a
    /// list of content. A group between furniture and article text stays whole if it is a list of content
    /// by the lower `MIXED_LIST_CONTENT_SHARE`; otherwise it keeps the lines next to the text that read as
    /// text (a headline, a lede of a few words) and loses the rest. The document's edges are no evidence;
    /// nor are blocks that show nothing (images), nor furniture that stands inside the article.
    fn neighbours(&mut self) {
        const BY: &str = "neighbours";
        if !self.context.settings.neighbours || self.verdicts.iter().all(|verdict| verdict.kind != Kind::Good) {
            // no block is article text for sure: nothing to tell furniture from, keep what is in doubt
            for i in 0..self.verdicts.len() {
                let verdict = self.verdicts[i];
                if verdict.kind != Kind::Bad && verdict.kind != Kind::Good {
                    self.set(i, Kind::Good, verdict.rule, BY);
                }
            }
            return;
        }
        let blocks = self.blocks;
        let shown = collect_sized((0..blocks.len()).filter(|&i| blocks[i].words > 0 && !self.inside[i]));
        let kinds: Vec<Kind> = shown.iter().map(|&i| self.verdicts[i].kind).collect();
        let mut settled: Vec<(Kind, &'a str)> = shown
            .iter()
            .map(|&i| (self.verdicts[i].kind, self.verdicts[i].rule))
            .collect();
        let sure: Vec<Kind> = kinds
            .iter()
            .map(|&kind| if kind == Kind::NearGood { Kind::Short } else { kind })
            .collect();
        // near-good blocks: kept unless furniture is on both sides (jusText)
        let before = nearest_sure(&sure, false);
        let after = nearest_sure(&sure, true);
        for (n, &i) in shown.iter().enumerate() {
            if kinds[n] == Kind::NearGood {
                let among = before[n] == Kind::Bad && after[n] == Kind::Bad;
                settled[n] = if among && (self.context.settings.near_prose_among_furniture || !self.stands_alone(i)) {
                    (Kind::Bad, "among-furniture")
                } else {
                    (Kind::Good, settled[n].1)
                };
            }
        }
        // short blocks, group by group
        let mut n = 0;
        while n < shown.len() {
            if kinds[n] != Kind::Short {
                n += 1;
                continue;
            }
            let mut m = n;
            while m < shown.len() && kinds[m] == Kind::Short {
                m += 1;
            }
            // the document's edge says nothing
            let left = (n > 0).then(|| settled[n - 1].0);
            let right = (m < shown.len()).then(|| settled[m].0);
            let group: Vec<&Block> = shown[n..m].iter().map(|&i| blocks[i]).collect();
            let kept: Vec<bool> = if left != Some(Kind::Bad) && right != Some(Kind::Bad) {
                vec![true; m - n]
            } else if left != Some(Kind::Good) && right != Some(Kind::Good) {
                vec![is_content_list(&group, LIST_CONTENT_SHARE, self.context.patterns); m - n]
            } else if is_content_list(&group, MIXED_LIST_CONTENT_SHARE, self.context.patterns) {
                // a list of content next to the text (a recipe's ingredients after a print button)
                vec![true; m - n]
            } else {
                let mut kept = vec![false; m - n];
                let order: Vec<usize> = if right == Some(Kind::Good) {
                    (0..m - n).rev().collect()
                } else {
                    (0..m - n).collect()
                };
                for k in self.text_run(&group, &order) {
                    kept[k] = true;
                }
                kept
            };
            for (k, keep) in kept.into_iter().enumerate() {
                settled[n + k] = if keep {
                    (Kind::Good, settled[n + k].1)
                } else {
                    (Kind::Bad, "among-furniture")
                };
            }
            n = m;
        }
        for (n, &i) in shown.iter().enumerate() {
            let verdict = self.verdicts[i];
            if settled[n] != (verdict.kind, verdict.rule) {
                self.set(i, settled[n].0, settled[n].1, BY);
            }
        }
    }

    /// The blocks of `group`, in `order` from the article text outwards, that read as text.
    ///
    /// The run stops at the first one-or-two-word line without a stopword (a menu entry), unless a line
    /// of a list of content follows it closely: then it is the list's heading ("Ingredients").
    fn text_run(&self, group: &[&Block], order: &[usize]) -> Vec<usize> {
        let mut run = vec![];
        for (n, &k) in order.iter().enumerate() {
            let block = group[k];
            let heads_a_list = || {
                order[n + 1..(n + 1 + LIST_NEAR).min(order.len())]
                    .iter()
                    .any(|&j| self.context.patterns.is_list_line(group[j]))
            };
            if block.words <= 2 && block.stopwords == 0 && !block.heading && !heads_a_list() {
                break;
            }
            run.push(k);
        }
        run
    }

    /// Tell whether a near-prose block among furniture is text for all that: a long one, or a paragraph
    /// of prose inside the article's run or about the article's subject.
    fn stands_alone(&self, i: usize) -> bool {
        let block = self.blocks[i];
        block.words >= NEAR_GOOD_ALONE_WORDS
            || (block.sentence_end && (self.in_run(i) || self.speaks_of_the_article(i)))
    }

    /// Remove the blocks in doubt that lie outside the article's run of blocks.
    ///
    /// Text is not in doubt for its place alone: outside the run a paragraph of prose, a sentence and a
    /// line of a list of content stay, and so does a short line between two blocks that stay (a
    /// subheading of text that goes on beyond the run). Under `prose_outside_run` everything in doubt
    /// outside the run goes.
    fn position(&mut self) {
        let settings = self.context.settings;
        if !settings.position {
            return;
        }
        let shown = self.shown();
        let doubtful: Vec<bool> = shown
            .iter()
            .map(|&i| self.verdicts[i].kind != Kind::Bad && !self.in_run(i) && self.own[i].kind != Kind::Good)
            .collect();
        let strict = settings.prose_outside_run;
        let stays: Vec<bool> = shown
            .iter()
            .zip(&doubtful)
            .map(|(&i, &doubt)| self.verdicts[i].kind != Kind::Bad && (!doubt || (!strict && self.is_text_outside(i))))
            .collect();
        for (n, &i) in shown.iter().enumerate() {
            if doubtful[n] && !stays[n] {
                let between_text = 0 < n && n + 1 < shown.len() && stays[n - 1] && stays[n + 1];
                if strict || !between_text {
                    self.set(i, Kind::Bad, "outside-article", "position");
                }
            }
        }
    }

    /// Tell whether a block in doubt outside the article's run is text: a line of a list of content, or
    /// a sentence or a paragraph that is no blurb.
    fn is_text_outside(&self, i: usize) -> bool {
        let block = self.blocks[i];
        self.context.patterns.is_list_line(block) || (is_text(block, self.own[i]) && !self.is_blurb(i))
    }

    /// Tell whether a sentence outside the article's run is a blurb: a prompt in the words of a sentence
    /// (share, comment, sign up, log in, cookies, related, advertising), speaking of other things than
    /// the article.
    fn is_blurb(&self, i: usize) -> bool {
        self.context.patterns.prompts.is_match(&self.blocks[i].visible) && !self.speaks_of_the_article(i)
    }

    /// The subject words of block `i` (see [`subject_words`]).
    fn subject(&self, i: usize) -> &'a SubjectWords {
        self.blocks[i].subject_words(self.context.stopwords)
    }

    /// Tell whether a block shares enough of its subject words with the prose of the article's run.
    ///
    /// The article is the yardstick: a paragraph of the article speaks of what the rest of it speaks of,
    /// a blurb or a prompt of something else. A block of the run is compared with the rest of it.
    fn speaks_of_the_article(&self, i: usize) -> bool {
        let counts = self.vocabulary.get_or_init(|| {
            let kept = (self.run.0..=self.run.1).filter(|&k| self.own[k].kind != Kind::Bad);
            let words = kept.clone().map(|k| self.subject(k).count()).sum();
            let mut counts = TextMap::with_capacity_and_hasher(words, TextHasher::default());
            for k in kept {
                for word in self.subject(k).iter() {
                    *counts.entry(word).or_insert(0) += 1;
                }
            }
            counts
        });
        let itself = usize::from(self.in_run(i) && self.own[i].kind != Kind::Bad);
        let words = self.subject(i);
        let shared = words
            .iter()
            .filter(|&word| counts.get(word).copied().unwrap_or(0) > itself)
            .count();
        shares_enough(shared, words.count())
    }

    /// Mark a run of teaser cards that closes the kept text as furniture.
    ///
    /// A list of other stories after an article reads as cards: a headline (a line that is no sentence,
    /// perhaps with a kicker or a date), then a summary of a sentence or two, again and again. An
    /// article's body does not alternate like that, and where a part of it does, its paragraphs speak of
    /// what the rest of the article speaks of, while summaries of other stories share few of its words.
    /// So the run goes when it has at least `MIN_CARDS` cards, the text before it is not much shorter,
    /// and its summaries share clearly fewer words with that text than the text's paragraphs share with
    /// one another.
    fn teaser_cards(&mut self) {
        if !self.context.settings.position {
            return;
        }
        let blocks = self.blocks;
        let kept: Vec<usize> = self.kept();
        let mut k = kept.len();
        while k > 0 && is_card_head(blocks[kept[k - 1]]) {
            k -= 1; // lines after the last card (a date, a "more" link) go with the cards
        }
        let mut summaries = vec![];
        while k > 0 && is_card_summary(blocks[kept[k - 1]]) {
            let mut head = k - 1;
            while head > 0 && k - 1 - head < CARD_HEAD_LINES && is_card_head(blocks[kept[head - 1]]) {
                head -= 1;
            }
            if head == k - 1 {
                break; // a summary without a headline: the text before it is no card
            }
            summaries.push(blocks[kept[k - 1]]);
            k = head;
        }
        let headed = self.under_a_list_head(if k < kept.len() { kept[k] } else { blocks.len() });
        if summaries.len() < if headed { MIN_HEADED_CARDS } else { MIN_CARDS } {
            return;
        }
        if summaries.iter().map(|block| block.words).sum::<usize>() < CARD_SUMMARY_WORDS * summaries.len() {
            return;
        }
        let words = |some: &[usize]| some.iter().map(|&i| blocks[i].words).sum::<usize>();
        if (words(&kept[..k]) as f64) < CARD_BODY_SHARE * words(&kept[k..]) as f64 {
            return;
        }
        let text: Vec<&Block> = kept[..k].iter().map(|&i| blocks[i]).collect();
        if !headed && !speaks_of_other_things(&text, &summaries, self.context.stopwords) {
            return;
        }
        for &i in &kept[k..] {
            self.set(i, Kind::Bad, "teaser-cards", "teaser-cards");
        }
    }

    /// The blocks with words that no pass has removed yet.
    fn kept(&self) -> Vec<usize> {
        collect_sized(
            (0..self.blocks.len()).filter(|&i| self.verdicts[i].kind != Kind::Bad && self.blocks[i].words > 0),
        )
    }

    /// Tell whether the nearest block with words before block `i` is the head of a list of other stories.
    fn under_a_list_head(&self, i: usize) -> bool {
        (0..i)
            .rev()
            .find(|&k| self.blocks[k].words > 0)
            .is_some_and(|k| self.verdicts[k].kind == Kind::Bad && self.verdicts[k].rule == "related")
    }

    /// Remove a slideshow: counters "n/m" of one total, each over a caption, inside or around an article.
    ///
    /// A gallery counts its slides ("3/12", "Bild 3 von 12", "4 of 12"); at least `MIN_SLIDES` counters
    /// of one total, numbered upwards, mark one. A slide is its counter and the blocks up to the next
    /// counter (the last one: as many blocks as the longest slide before it, of caption length). The
    /// slides go as a unit when the text outside them is longer: a page that is all slides is a
    /// slideshow article, whose captions are its text. The totals are tried in the order they first
    /// appear.
    fn slideshow(&mut self) {
        if !self.context.settings.position {
            return;
        }
        let blocks = self.blocks;
        let shown = self.shown();
        let mut found: Vec<(usize, u32, &str)> = vec![];
        for (n, &i) in shown.iter().enumerate() {
            if blocks[i].words > COUNTER_WORDS {
                continue;
            }
            let (visible, counter) = (&blocks[i].visible, &self.context.patterns.slide_counter);
            // most short blocks are no counter: a match alone is cheaper to look for than its groups
            if !counter.is_match(visible) {
                continue;
            }
            if let Some(counter) = counter.captures(visible) {
                if let (Some(at), Some(of)) = (counter.name("at"), counter.name("of")) {
                    found.push((n, decimal_value(at.as_str()), of.as_str()));
                }
            }
        }
        let mut totals: Vec<&str> = vec![];
        for &(_, _, of) in &found {
            if !totals.contains(&of) {
                totals.push(of);
            }
        }
        for total in totals {
            let slides: Vec<(usize, u32)> = found
                .iter()
                .filter(|&&(_, _, of)| of == total)
                .map(|&(n, at, _)| (n, at))
                .collect();
            if slides.len() < MIN_SLIDES || slides.windows(2).any(|pair| pair[1].1 <= pair[0].1) {
                continue;
            }
            // the blocks of a slide, its counter too
            let longest = slides.windows(2).map(|pair| pair[1].0 - pair[0].0).max().unwrap_or(0);
            let last = slides[slides.len() - 1].0;
            let mut end = last + 1;
            while end < shown.len() && end - last < longest && blocks[shown[end]].words <= crate::lexicon::CAPTION_WORDS
            {
                end += 1;
            }
            let gallery = slides[0].0..end;
            let inside: usize = gallery.clone().map(|k| blocks[shown[k]].words).sum();
            let outside: usize = shown
                .iter()
                .enumerate()
                .filter(|&(n, &i)| !gallery.contains(&n) && self.verdicts[i].kind == Kind::Good)
                .map(|(_, &i)| blocks[i].words)
                .sum();
            if outside > inside {
                for k in gallery {
                    self.set(shown[k], Kind::Bad, "slideshow", "slideshow");
                }
            }
        }
    }

    /// Remove a thread of comments: three or more time stamps, each over a short text, after an article.
    ///
    /// A comment is an author line, a time stamp (a dateline of its own) and a body of text, and a thread
    /// repeats that shape. The bodies read as prose, so they are told by the shape alone: at least
    /// `MIN_COMMENTS` stamps followed closely by a sentence of text, in a chain of stamps each at most
    /// `COMMENT_BLOCKS` blocks after the one before, with bodies of `COMMENT_WORDS` words or fewer on
    /// average. The thread follows the article: it starts after the article's run, or the text before it
    /// is longer than the thread, and that text has at least `ARTICLE_BEFORE_WORDS` words (a page that is
    /// all posts is a forum, whose posts are its text). The thread goes from the line before its first
    /// stamp (the author) to the end of its last body; with `keep_comments` the bodies stay and only the
    /// stamps, author lines and prompts ("Reply") go.
    fn comment_thread(&mut self) {
        const BY: &str = "comments";
        let blocks = self.blocks;
        let shown = self.shown();
        let stamps = collect_sized((0..shown.len()).filter(|&n| self.own[shown[n]].rule == "dateline"));
        let opens_comment = |table: &Self, n: usize| {
            shown[n + 1..(n + 1 + COMMENT_BODY_GAP).min(shown.len())]
                .iter()
                .any(|&i| is_sentence(blocks[i], table.own[i]))
        };
        // the words of text before the thread, summed as the threads come: a thread changes only blocks
        // before the next one (threads are more than `COMMENT_BLOCKS` blocks apart, slides fewer)
        let (mut counted, mut before) = (0, 0);
        let mut n = 0;
        while n < stamps.len() {
            let mut m = n + 1;
            while m < stamps.len() && stamps[m] - stamps[m - 1] <= COMMENT_BLOCKS {
                m += 1;
            }
            let thread = &stamps[n..m];
            n = m;
            if thread.iter().filter(|&&k| opens_comment(self, k)).count() < MIN_COMMENTS {
                continue;
            }
            let first = thread[0];
            let start = if first > 0 && !blocks[shown[first - 1]].sentence_end {
                first - 1
            } else {
                first
            };
            let longest = thread.windows(2).map(|pair| pair[1] - pair[0]).max().unwrap_or(0);
            let last = thread[thread.len() - 1];
            let mut end = last + 1;
            while end < shown.len() && end - last < longest && self.own[shown[end]].kind != Kind::Bad {
                end += 1;
            }
            let good_words = |some: &[usize]| -> usize {
                some.iter()
                    .filter(|&&i| self.verdicts[i].kind == Kind::Good)
                    .map(|&i| blocks[i].words)
                    .sum()
            };
            before += good_words(&shown[counted..start]);
            counted = start;
            let words = good_words(&shown[start..end]);
            let after_article = shown[first] > self.run.1 || before > words;
            if before < ARTICLE_BEFORE_WORDS || !after_article || words > COMMENT_WORDS * thread.len() {
                continue;
            }
            for (k, &i) in shown.iter().enumerate().take(end).skip(start) {
                let chrome = thread.binary_search(&k).is_ok()
                    || thread.binary_search(&(k + 1)).is_ok()
                    || !is_sentence(blocks[i], self.own[i]);
                if self.context.settings.keep_comments && !chrome {
                    self.set(i, Kind::Good, "comment", BY);
                } else if self.verdicts[i].kind != Kind::Bad {
                    self.set(i, Kind::Bad, "comments", BY);
                }
            }
        }
    }

    /// Remove the notes about the author that close an article, and the name lines over them.
    ///
    /// A note names a person and a role of those who write ("Jane Doe is a senior writer for ...");
    /// only at the end of the kept text, after at least `ARTICLE_BEFORE_WORDS` words of text, is it told
    /// from an article that speaks of a writer.
    fn author_note(&mut self) {
        let blocks = self.blocks;
        let kept = self.kept();
        let mut k = kept.len();
        let mut note = vec![false; kept.len() + 1]; // whether each kept block is a note, and one past them
        while k > 0 {
            let block = blocks[kept[k - 1]];
            if block.words <= NAME_LINE_WORDS && !block.sentence_end {
                k -= 1; // a name line, or a line of links after the note
            } else if block.words <= AUTHOR_NOTE_WORDS && self.context.patterns.author_note.is_match(&block.visible) {
                note[k - 1] = true;
                k -= 1;
            } else {
                break;
            }
        }
        let Some(earliest) = note.iter().position(|&is_note| is_note) else {
            return;
        };
        if kept[..k].iter().map(|&i| blocks[i].words).sum::<usize>() < ARTICLE_BEFORE_WORDS {
            return;
        }
        // the name line just over a note goes with it
        for n in earliest.saturating_sub(1)..kept.len() {
            if note[n] || (note[n + 1] && blocks[kept[n]].words <= NAME_LINE_WORDS) {
                self.set(kept[n], Kind::Bad, "author-note", "author-note");
            }
        }
    }

    /// Remove the lines of plain words after the last paragraph of prose in the article's run.
    ///
    /// After its last paragraph, a line that carries no content and leads to no sentence of text is a
    /// head of other stories, a prompt or a menu entry ("Weitere aktuelle Themen"). A subheading over a
    /// last paragraph of text leads to it and stays, and so do all the lines there when enough of them
    /// carry content (`BOX_CONTENT_SHARE`: a box of facts, a list, code).
    fn after_article(&mut self) {
        if !self.context.settings.position {
            return;
        }
        let blocks = self.blocks;
        let (first, last) = self.run;
        let Some(end) = (first..=last).rev().find(|&i| is_prose(blocks[i], self.own[i])) else {
            return;
        };
        let shown =
            collect_sized((end + 1..=last).filter(|&i| blocks[i].words > 0 && self.verdicts[i].kind != Kind::Bad));
        // the short lines, and whether each carries content
        let content: HashMap<usize, bool> = shown
            .iter()
            .filter(|&&i| self.own[i].kind == Kind::Short)
            .map(|&i| (i, is_content_line(blocks[i], self.context.patterns)))
            .collect();
        let carrying = content.values().filter(|&&carries| carries).count();
        if carrying as f64 >= BOX_CONTENT_SHARE * content.len() as f64 {
            return; // the lines after the last paragraph carry content: a box of facts, a list, code
        }
        for (n, &i) in shown.iter().enumerate() {
            if content.get(&i).copied().unwrap_or(true) || is_clause(blocks[i]) {
                continue; // a paragraph, a line with content, a clause
            }
            let leads_to_text = shown
                .get(n + 1)
                .is_some_and(|&following| is_text(blocks[following], self.verdicts[following]));
            if !leads_to_text {
                self.set(i, Kind::Bad, "after-article", "after-article");
            }
        }
    }

    /// Keep a document that is only a sentence or two: with no page around it, it is all text.
    fn short_document(&mut self) {
        let shown = self.shown();
        if shown.len() <= SHORT_DOCUMENT_BLOCKS && shown.iter().all(|&i| self.blocks[i].sentence_end) {
            for i in shown {
                if self.verdicts[i].kind != Kind::Good {
                    self.set(i, Kind::Good, "short-document", "short-document");
                }
            }
        }
    }
}

/// Return the furniture blocks that stand inside an article: no evidence about their neighbours.
///
/// Captions are such blocks, and so is a furniture line between two sentences of text
/// ("Advertisement", "Share this article" between two paragraphs): the article goes on after it.
/// A link list is not: a box of links parts what comes before it from what comes after.
fn inside_article(blocks: &[&Block], own: &[Verdict<'_>]) -> Vec<bool> {
    let mut inside: Vec<bool> = own.iter().map(|verdict| verdict.rule == INSIDE_ARTICLE).collect();
    let shown = collect_sized((0..blocks.len()).filter(|&i| blocks[i].words > 0 && !inside[i]));
    for n in 1..shown.len().saturating_sub(1) {
        let i = shown[n];
        if own[i].kind == Kind::Bad
            && own[i].rule != "links"
            && blocks[i].words <= LINE_WORDS
            && is_sentence(blocks[shown[n - 1]], own[shown[n - 1]])
            && is_sentence(blocks[shown[n + 1]], own[shown[n + 1]])
        {
            inside[i] = true;
        }
    }
    inside
}

/// Return the first and last block of the article's run: the most prose net of furniture.
///
/// It is the maximum-sum run of block scores; it reaches out over the blocks in doubt next to it, up
/// to the first furniture block. After its end it does so only where enough of those blocks carry
/// content (`TRAILING_CONTENT_SHARE`): lines of plain words after an article's last paragraph are a
/// menu or a list of headlines, not its end. Furniture that stands inside the article costs nothing.
fn article_span(blocks: &[&Block], own: &[Verdict<'_>], inside: &[bool], patterns: &Patterns) -> (usize, usize) {
    let mut best = 0.0;
    let mut best_span = (0, blocks.len() - 1);
    let mut total = 0.0;
    let mut start = 0;
    for (i, (block, verdict)) in blocks.iter().zip(own).enumerate() {
        let score = match verdict.kind {
            Kind::Good => block.words as f64,
            Kind::NearGood => block.words as f64 / 2.0,
            _ if is_evidence(block, *verdict) && !inside[i] => {
                // a link list weighs what it holds; a share line between two paragraphs little
                let held = if verdict.rule == "links" {
                    block.words as f64
                } else {
                    0.0
                };
                -held - FURNITURE_COST
            }
            Kind::Short if block.words > 0 && !block.sentence_end => -SHORT_LINE_COST,
            _ => 0.0,
        };
        if total <= 0.0 {
            (total, start) = (0.0, i);
        }
        total += score;
        if total > best {
            (best, best_span) = (total, (start, i));
        }
    }
    let (mut first, mut last) = best_span;
    let open = |i: usize| inside[i] || !is_evidence(blocks[i], own[i]);
    while first > 0 && open(first - 1) {
        first -= 1;
    }
    let mut end = last;
    while end + 1 < blocks.len() && open(end + 1) {
        end += 1;
    }
    let trailing: Vec<&Block> = blocks[last + 1..=end].iter().copied().filter(|b| b.words > 0).collect();
    let content = trailing.iter().filter(|block| is_content_line(block, patterns)).count();
    if content as f64 >= TRAILING_CONTENT_SHARE * trailing.len() as f64 {
        last = end;
    }
    (first, last)
}

/// Tell whether a group of short lines is a list of content: a table, specs, ingredients, results.
///
/// Menus and lists of headlines are lines of words; the lines of a table or a list of amounts carry
/// numbers beside their words, or a value after a label (`Weight: 3 kg`). A few such lines make no
/// list (a date, a counter): `share` of the lines, at least, are such lines.
fn is_content_list(group: &[&Block], share: f64, patterns: &Patterns) -> bool {
    if group.len() < MIN_LIST_LINES {
        return false;
    }
    let content = group.iter().filter(|block| patterns.is_list_line(block)).count();
    content as f64 >= share * group.len() as f64
}

/// Tell whether a line carries content: a list item, a sentence or a line of verse, data (digits and the
/// characters of code: a date, an address, `x = len(items)`), a line of a list of content.
pub fn is_content_line(block: &Block, patterns: &Patterns) -> bool {
    let visible = &*block.visible;
    block.list_item
        || (block.sentence_end && block.words >= SENTENCE_WORDS)
        || visible.ends_with(COMMAS)
        || (visible.chars().next().is_some_and(is_lower) && block.words >= SENTENCE_WORDS)
        || visible.contains(|c: char| is_digit(c) || DATA_CHARACTERS.contains(&c))
        || patterns.is_list_line(block)
}

/// Tell whether a block reads as text of its own: a paragraph of prose, or a sentence of a few words.
///
/// A sentence ends with a full stop, a question or an exclamation mark; a line that ends with a colon
/// leads to something else ("Follow us on:"), and one cut short by an ellipsis is an excerpt of another
/// text (a teaser's "... […]").
pub fn is_text(block: &Block, verdict: Verdict<'_>) -> bool {
    let visible = &*block.visible;
    let from = chars_before_end(visible, END_CHARS);
    if !block.sentence_end || excerpt_end(visible).is_some_and(|at| at >= from) {
        return false;
    }
    is_prose(block, verdict) || (block.words >= SENTENCE_WORDS && full_stop_end(visible).is_some_and(|at| at >= from))
}

/// Where the ellipsis that ends `text` starts (closing brackets and white space may follow), if one does.
fn excerpt_end(text: &str) -> Option<usize> {
    let mut rest = text.trim_end_matches(is_space);
    if let Some(before) = rest.strip_suffix([']', ')']) {
        rest = before;
    }
    rest.strip_suffix("...")
        .or_else(|| rest.strip_suffix('…'))
        .map(str::len)
}

/// Where the full stop, question or exclamation mark that ends `text` stands (closing quotes, brackets
/// and white space may follow), if one does.
fn full_stop_end(text: &str) -> Option<usize> {
    let rest = text.trim_end_matches(is_space).trim_end_matches(CLOSERS);
    rest.strip_suffix(FULL_STOPS).map(str::len)
}

/// The byte offset `chars` code points before the end of `text` (0 if it is shorter).
fn chars_before_end(text: &str, chars: usize) -> usize {
    text.char_indices().rev().nth(chars - 1).map_or(0, |(at, _)| at)
}

/// Tell whether a block is a paragraph of prose: good, or near-good and ending a sentence.
fn is_prose(block: &Block, verdict: Verdict<'_>) -> bool {
    verdict.kind == Kind::Good || (verdict.kind == Kind::NearGood && block.sentence_end)
}

/// Tell whether a block reads as a sentence of text: not furniture, a few words, sentence punctuation.
fn is_sentence(block: &Block, verdict: Verdict<'_>) -> bool {
    verdict.kind != Kind::Bad && block.sentence_end && block.words >= SENTENCE_WORDS
}

/// Tell whether a block is furniture that says something about its neighbours: images (blocks that show
/// nothing) and captions stand inside articles as well as around them.
fn is_evidence(block: &Block, verdict: Verdict<'_>) -> bool {
    verdict.kind == Kind::Bad && block.words > 0 && verdict.rule != INSIDE_ARTICLE
}

/// Tell whether a line is a sentence without its full stop: a few words with a comma between them.
fn is_clause(block: &Block) -> bool {
    block.words >= CLAUSE_WORDS && block.visible.contains(COMMAS)
}

/// Tell whether a block can be a card's headline, kicker or date: a short line that is no sentence.
fn is_card_head(block: &Block) -> bool {
    block.words <= HEAD_WORDS && !block.sentence_end && !is_card_summary(block)
}

/// Tell whether a block can be a card's summary: a sentence or a few, or a short paragraph.
fn is_card_summary(block: &Block) -> bool {
    block.words <= CARD_SUMMARY_MAX_WORDS && (block.sentence_end || block.words >= CARD_PROSE_WORDS)
}

/// The share of a block's words that are stopwords (0 for a block without words).
fn stopword_share(block: &Block) -> f64 {
    if block.words == 0 {
        0.0
    } else {
        block.stopwords as f64 / block.words as f64
    }
}

/// For each block, the class of the nearest sure block before it (or after it, `reverse`); the
/// document's edges count as furniture.
fn nearest_sure(kinds: &[Kind], reverse: bool) -> Vec<Kind> {
    let mut found = vec![Kind::Bad; kinds.len()];
    let mut last = Kind::Bad;
    let mut visit = |i: usize| {
        found[i] = last;
        if kinds[i] == Kind::Good || kinds[i] == Kind::Bad {
            last = kinds[i];
        }
    };
    if reverse {
        (0..kinds.len()).rev().for_each(&mut visit);
    } else {
        (0..kinds.len()).for_each(&mut visit);
    }
    found
}

/// Tell whether a text goes on with one whose subject words are `vocabulary`: it shares enough of its own.
///
/// ```
/// use std::collections::HashSet;
/// use textclean_native::classify::{goes_on_with, subject_words};
/// let none = HashSet::new();
/// let before = subject_words("The harbour council voted to rebuild the old pier after the winter storms.", &none);
/// let vocabulary = before.iter().collect();
/// assert!(goes_on_with(&vocabulary, &subject_words("Repairs to the old pier start soon.", &none)));
/// assert!(!goes_on_with(&vocabulary, &subject_words("A new bakery opens on Main Street.", &none)));
/// ```
pub fn goes_on_with(vocabulary: &TextSet<&str>, words: &SubjectWords) -> bool {
    shares_enough(
        words.iter().filter(|word| vocabulary.contains(word)).count(),
        words.count(),
    )
}

/// Tell whether `shared` of a block's `words` subject words are enough to speak of one subject.
fn shares_enough(shared: usize, words: usize) -> bool {
    shared >= MIN_SHARED_WORDS && shared as f64 >= SHARED_SHARE * words as f64
}

/// Tell whether the `later` blocks speak of other things than the paragraphs of `text`.
///
/// The paragraphs of one text share words with one another; a summary of another story, or a paragraph
/// on another subject, shares clearly fewer of its words with them: less than `CARD_MAX_SHARED` of what
/// a paragraph of the text shares with the rest of it.
pub fn speaks_of_other_things<'b>(
    text: &[&'b Block],
    later: &[&'b Block],
    stopwords: &HashSet<String, impl BuildHasher>,
) -> bool {
    let paragraphs: Vec<&'b SubjectWords> = text
        .iter()
        .filter(|block| block.words >= CARD_TEXT_WORDS)
        .map(|block| block.subject_words(stopwords))
        .collect();
    let words = paragraphs.iter().map(|words| words.count()).sum();
    let mut counts: TextMap<&str, usize> = TextMap::with_capacity_and_hasher(words, TextHasher::default());
    for words in &paragraphs {
        for word in words.iter() {
            *counts.entry(word).or_insert(0) += 1;
        }
    }
    // the share of a paragraph's words that the rest of the text uses, and of a later block's
    let within_shared: usize = paragraphs
        .iter()
        .map(|words| words.iter().filter(|word| counts[word] > 1).count())
        .sum();
    let within: usize = paragraphs.iter().map(|words| words.count()).sum();
    let others: Vec<&SubjectWords> = later.iter().map(|block| block.subject_words(stopwords)).collect();
    let between_shared: usize = others
        .iter()
        .map(|words| words.iter().filter(|word| counts.contains_key(word)).count())
        .sum();
    let between: usize = others.iter().map(|words| words.count()).sum();
    ((between_shared * within) as f64) < CARD_MAX_SHARED * within_shared as f64 * between as f64
}

/// A block's subject words are first given room for one in this many bytes of its text (an English
/// word and its space take six or so, and some words are stopwords or come again).
const BYTES_A_SUBJECT_WORD: usize = 8;

/// The words of a text that tell its subject: no stopwords, none of one or two letters; each once, in
/// the order they first come.
///
/// In scripts written without spaces a "word" is a run of characters up to the next punctuation: its
/// pairs of characters stand for its words.
///
/// ```
/// use std::collections::HashSet;
/// use textclean_native::classify::subject_words;
/// let stopwords: HashSet<String> = ["the".to_string()].into();
/// let words = subject_words("The old harbour reopens. The harbour!", &stopwords);
/// assert_eq!(words.iter().collect::<Vec<_>>(), ["old", "harbour", "reopens"]);
/// let words = subject_words("港口重新开放。", &HashSet::new());
/// assert_eq!(words.iter().collect::<Vec<_>>(), ["港口", "口重", "重新", "新开", "开放"]);
/// ```
pub fn subject_words(visible: &str, stopwords: &HashSet<String, impl BuildHasher>) -> SubjectWords {
    let wide = !visible.is_ascii() && visible.chars().any(is_wide);
    let folded = casefold(visible);
    let mut seen = TextSet::with_capacity_and_hasher(folded.len() / BYTES_A_SUBJECT_WORD, TextHasher::default());
    let mut subject = SubjectWords {
        text: String::with_capacity(folded.len()),
        ends: Vec::with_capacity(folded.len() / BYTES_A_SUBJECT_WORD),
    };
    let mut add = |word| {
        if seen.insert(word) {
            subject.text.push_str(word);
            subject.ends.push(subject.text.len());
        }
    };
    for word in words(&folded) {
        if wide && word.chars().any(is_wide) {
            let chars: Vec<(usize, char)> = word.char_indices().collect();
            for pair in chars.windows(2) {
                let (at, second) = (pair[0].0, pair[1]);
                add(&word[at..second.0 + second.1.len_utf8()]);
            }
        } else if word.chars().nth(2).is_some() && !stopwords.contains(word) {
            add(word);
        }
    }
    subject
}

/// The subject words of a text ([`subject_words`]), one after the other in a string of their own.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SubjectWords {
    text: String,
    /// Where each word ends in `text`.
    ends: Vec<usize>,
}

impl SubjectWords {
    /// The words, in the order they first come in the text.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| &self.text[start..end])
    }

    /// How many words there are.
    pub fn count(&self) -> usize {
        self.ends.len()
    }
}

/// A text's words, case folded, one space apart: what two copies of a block share.
fn words_of(text: &str) -> String {
    let folded = casefold(text);
    let mut joined = String::with_capacity(folded.len());
    for word in words(&folded) {
        if !joined.is_empty() {
            joined.push(' ');
        }
        joined.push_str(word);
    }
    joined
}

/// Collect `items` into a vector with room for as many as they may be (a filter's bound): the passes
/// filter a document's blocks many times, and a vector grown one doubling at a time copies them again.
///
/// ```
/// use textclean_native::classify::collect_sized;
/// assert_eq!(collect_sized((0..10).filter(|n| n % 3 == 0)), [0, 3, 6, 9]);
/// ```
pub fn collect_sized<T>(items: impl Iterator<Item = T>) -> Vec<T> {
    let mut collected = Vec::with_capacity(items.size_hint().1.unwrap_or(0));
    collected.extend(items);
    collected
}

/// The value of a number of decimal digits of any script, as Python's `int` reads it.
fn decimal_value(digits: &str) -> u32 {
    digits
        .chars()
        .fold(0, |value, c| value.saturating_mul(10).saturating_add(digit_value(c)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{normal, PATTERNS};
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn a_glance_is_the_first_words_of_the_copy_key(text in "[a-zA-Z ,.ßŉİﬁΣ\u{345}\u{130}-]{0,200}") {
            let key = words_of(&text);
            let first: Vec<&str> = key.split(' ').filter(|word| !word.is_empty()).take(GLANCE_WORDS).collect();
            prop_assert_eq!(glance(&text), first.join(" "));
        }
    }

    fn block(visible: &str) -> Block {
        let mut blocks = crate::blocks::split(visible, &FunctionWords::default());
        assert_eq!(blocks.len(), 1, "{visible:?} is one block");
        blocks.remove(0)
    }

    #[test]
    fn text_ends_with_a_full_stop_not_a_colon_or_an_ellipsis() {
        let short = Verdict {
            kind: Kind::Short,
            rule: "short",
            by: "own-evidence",
        };
        let texts = [
            "Stir and serve hot.",
            "Follow us on:",
            "Why this place became popular […]",
            "He said: “Go.”  ",
        ];
        let read: Vec<bool> = texts.iter().map(|text| is_text(&block(text), short)).collect();
        assert_eq!(read, [true, false, false, true]);
    }

    #[test]
    fn ends_are_read_backwards_over_closers_and_spaces() {
        assert_eq!(full_stop_end("Go.”) \n"), Some(2));
        assert_eq!(full_stop_end("Go"), None);
        assert_eq!(excerpt_end("more....) "), Some(5));
        assert_eq!(excerpt_end("more…"), Some(4));
        assert_eq!(excerpt_end("more..))"), None);
        assert_eq!(chars_before_end("abc", 12), 0);
        assert_eq!(chars_before_end("héllo", 3), 3);
    }

    #[test]
    fn content_lines_carry_data_verse_or_sentences() {
        let patterns = &*PATTERNS;
        let lines = [
            "Tue - Sat 4 PM",
            "x = len(items)",
            "the path falls silent,",
            "More from Sport",
            "Weight: 3 kg",
        ];
        let read: Vec<bool> = lines
            .iter()
            .map(|line| is_content_line(&block(line), patterns))
            .collect();
        assert_eq!(read, [true, true, true, false, true]);
    }

    #[test]
    fn a_list_of_amounts_is_content_and_a_menu_is_not() {
        let patterns = &*PATTERNS;
        let list: Vec<Block> = ["200 g flour", "3 eggs", "1 tsp salt", "100 ml milk"].map(block).into();
        let menu: Vec<Block> = ["Home", "News", "Sport", "Contact"].map(block).into();
        let (list, menu): (Vec<&Block>, Vec<&Block>) = (list.iter().collect(), menu.iter().collect());
        assert!(is_content_list(&list, LIST_CONTENT_SHARE, patterns));
        assert!(!is_content_list(&menu, LIST_CONTENT_SHARE, patterns));
    }

    #[test]
    fn summaries_of_other_stories_speak_of_other_things() {
        let text = [
            block("The harbour council voted to rebuild the old pier after the winter storms."),
            block("Repairs to the pier will start in spring, the council said, and the harbour stays open."),
        ];
        let text: Vec<&Block> = text.iter().collect();
        let none = FunctionWords::default();
        let same = block("The harbour council will meet again about the pier.");
        let other = block("A new bakery opens its doors on Main Street today.");
        assert!(!speaks_of_other_things(&text, &[&same], &none));
        assert!(speaks_of_other_things(&text, &[&other], &none));
    }

    #[test]
    fn a_title_loses_the_site_name_after_it() {
        let patterns = &*PATTERNS;
        let line = "Storm hits the coast | Daily Planet - News";
        assert_eq!(&line[..patterns.site_suffix_start(line)], "Storm hits the coast");
        assert_eq!(patterns.site_suffix_start("Home | News"), "Home | News".len());
    }

    #[test]
    fn slide_counters_and_author_notes_are_read() {
        let patterns = &*PATTERNS;
        let counter = patterns.slide_counter.captures("Bild 3 von 12").unwrap();
        assert_eq!((&counter["at"], &counter["of"]), ("3", "12"));
        assert!(patterns.slide_counter.captures("3 of 12 things").is_none());
        assert_eq!(decimal_value("١٢"), 12);
        assert!(patterns
            .author_note
            .is_match("Jane Doe is a senior writer for the paper."));
        assert!(patterns.author_note.is_match("jane doe is a writer"));
        assert!(!patterns.author_note.is_match("Jane Doe is a senior writers' friend."));
        assert!(patterns.prompts.is_match("Please share this") && !patterns.prompts.is_match("shared"));
    }

    #[test]
    fn a_menu_goes_and_the_article_stays() {
        let patterns = &*PATTERNS;
        let stopwords: FunctionWords = ["the", "and", "to", "on"].iter().map(|w| w.to_string()).collect();
        let text = format!(
            "* [Home](/)\n* [News](/news)\n\n{}",
            "The council met on Monday and voted to keep the library open. ".repeat(4)
        );
        let blocks = crate::blocks::split(&text, &stopwords);
        let prose = prose_share(&blocks);
        let context = Context {
            patterns,
            stopwords: &stopwords,
            prose_share: prose,
            settings: normal(),
        };
        let own: Vec<(Kind, &str)> = blocks.iter().map(|block| own_class(block, None, &context)).collect();
        let refs: Vec<&Block> = blocks.iter().collect();
        let copies = copy_keys(&blocks, &context);
        let copies: Vec<Option<&str>> = copies.iter().map(Option::as_deref).collect();
        let verdicts = classify(&refs, &own, &copies, &context);
        let read: Vec<(Kind, &str)> = verdicts.iter().map(|v| (v.kind, v.rule)).collect();
        assert_eq!(
            read,
            [(Kind::Bad, "links"), (Kind::Bad, "links"), (Kind::Good, "prose")]
        );
    }

    #[test]
    fn the_passes_take_linear_time() {
        let patterns = &*PATTERNS;
        let none = FunctionWords::default();
        let prose = "The council met on Monday and voted to keep the old library open for another year. ".repeat(8);
        // an article, a thread of three comments (kept) and a menu, again and again, each a little different
        let unit = |k: usize| {
            let comments: String = (0..3)
                .map(|c| format!("Jane\n\nMay 7, 2010\n\nThis is comment {k}-{c} on the story, and I agree.\n\n"))
                .collect();
            format!("{k} {prose}\n\n{comments}{}", "Home\n\n".repeat(16))
        };
        crate::testing::assert_linear(
            40,
            |n| (0..n).map(unit).collect(),
            |text| {
                let blocks = crate::blocks::split(text, &none);
                let context = Context {
                    patterns,
                    stopwords: &none,
                    prose_share: prose_share(&blocks),
                    settings: Settings {
                        keep_comments: true,
                        ..normal()
                    },
                };
                let own: Vec<(Kind, &str)> = blocks
                    .iter()
                    .map(|block| match block.visible.starts_with("May 7") {
                        true => (Kind::Bad, "dateline"),
                        false => own_class(block, None, &context),
                    })
                    .collect();
                let refs: Vec<&Block> = blocks.iter().collect();
                let copies = copy_keys(&blocks, &context);
                let copies: Vec<Option<&str>> = copies.iter().map(Option::as_deref).collect();
                let verdicts = classify(&refs, &own, &copies, &context);
                assert!(verdicts.iter().any(|verdict| verdict.rule == "comment"));
            },
        );
    }
}
