//! Blocks of a text and what a boilerplate classifier measures of each.
//!
//! A block is a paragraph or a run of lines that belong together: a blank line, a list item or a
//! heading starts a new block, and so does a line after one that is not hard-wrapped (a menu of one
//! word per line is many blocks, a paragraph wrapped at 78 columns is one). Of a block's visible
//! text (its words as a reader sees them) the classifier reads its words, how many are function words,
//! its characters of scripts written without spaces, and whether it ends like a sentence.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock, OnceLock};

use regex::Regex;

use crate::chars;
use crate::classify::{self, SubjectWords};
use crate::formatting;
use crate::lexicon::Lexicon;
use crate::links;
use crate::packed::{pack, PackedTable, PACKED};
use crate::unicode::{casefold, is_digit, is_python_space, is_wide, is_word};

/// A line of this many code points (without its indentation) may be hard-wrapped, so the next line
/// goes on with the same block; after a shorter or a longer one, a new block starts.
pub const WRAPPED_LINE_MIN: usize = 50;
pub const WRAPPED_LINE_MAX: usize = 100;
/// Sentence punctuation and the closing quotes after it are looked for within this many code points
/// of a block's end.
const END_CHARS: usize = 12;
/// Whether `byte` is stripped from the ends of a line: a blank of one byte.
fn is_blank(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\x0c' | b'\x0b')
}

/// The names of the months (and their abbreviations) in the languages of the lexicon, whole.
static MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(?i)\A(?:",
        r"jan(?:uary|uari|uar|vier|eiro)?|feb(?:ruary|ruari|ruar)?|f[ée]v(?:rier)?|fevereiro|mar(?:ch|s|zo|ço)?|m[äa]rz|",
        r"maart|apr(?:il|ile)?|avril|abril|may|mai|mei|mayo|maggio|maio|jun(?:e|i|io|ho)?|juin|giugno|",
        r"jul(?:y|i|io|ho)?|juillet|luglio|aug(?:ust|usti|ustus)?|ao[ûu]t|agosto|sep(?:t|tember|tembre|tiembre|tembro)?|",
        r"settembre|oct(?:ober|obre|ubre)?|okt(?:ober)?|ottobre|outubro|nov(?:ember|embre|iembre|embro)?|",
        r"dec(?:ember)?|dez(?:ember|embro)?|d[ée]cembre|dic(?:iembre|embre)?",
        r")\z"
    ))
    .unwrap()
});
/// Sentence-final punctuation, in Latin, CJK, Arabic and Devanagari script.
const SENTENCE_PUNCTUATION: &[char] = &['.', '!', '?', '…', '。', '！', '？', '．', '؟', '۔', '।', '॥', ':', ';'];
/// Closing quotes and brackets that may follow it.
const CLOSERS: &[char] = &['"', '\'', '”', '’', '»', ')', ']', '」', '』', '）'];

/// The hasher of the sets and maps of words and lines read from a text: fast on short keys, and seeded at
/// random, so that no text can choose words that collide.
pub type TextHasher = foldhash::fast::RandomState;
/// A set of words read from a text.
pub type TextSet<T> = HashSet<T, TextHasher>;
/// A map from words or lines read from a text.
pub type TextMap<K, V> = HashMap<K, V, TextHasher>;

/// A language's function words, looked up with a hasher made for short words (the lists are the project's
/// own, so no text can make their words collide).
pub type FunctionWords = HashSet<String, BuildHasherDefault<WordHasher>>;

/// A fast hasher of short strings (the multiply-and-rotate hash of the Rust compiler's own tables), eight
/// bytes at a time.
#[derive(Debug, Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &byte in chunks.remainder() {
            self.add(u64::from(byte));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// A block of a text and what the classifiers read of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Its span in the text (bytes): its lines, without the final line break.
    pub start: usize,
    pub end: usize,
    /// What a reader sees: link text kept, images and URLs dropped, escapes undone, no emphasis.
    pub visible: Arc<str>,
    pub words: usize,
    pub stopwords: usize,
    /// The share of the visible characters that are link text (0..1).
    pub link_share: f64,
    /// It holds link or image markup.
    pub has_links: bool,
    /// Link tokens stand in it (links, images, definitions, escapes, code), which its visible text is
    /// read from; without them, what is measured of a block is read from its text alone.
    pub tokens: bool,
    pub list_item: bool,
    pub heading: bool,
    pub sentence_end: bool,
    /// The length of the visible text in code points; a character of a script without spaces counts as three.
    pub size: usize,
    /// What is read from its visible text once asked for.
    pub memo: Memo,
}

/// What is read from a block's visible text the first time it is asked for, kept with its measures: a
/// block taken from an earlier reading brings it along. It takes no part in comparing blocks, since it
/// follows from the visible text, the function words the block was measured with and the lexicon.
#[derive(Debug, Clone, Default)]
pub struct Memo {
    subject: OnceLock<Arc<SubjectWords>>,
    /// The label and the lexicon that gave it (see [`Lexicon::id`]).
    label: OnceLock<(u64, Option<Arc<str>>)>,
    /// The glance of its copy text and the patterns that cut that text (see [`Block::glance`]).
    glance: OnceLock<(u64, Arc<str>)>,
}

impl PartialEq for Memo {
    fn eq(&self, _: &Memo) -> bool {
        true
    }
}

impl Block {
    /// The words of its visible text that tell its subject ([`classify::subject_words`]), read with the
    /// function words the block was measured with.
    ///
    /// ```
    /// use std::collections::HashSet;
    /// use textclean_native::blocks::split;
    /// let stopwords: HashSet<String> = ["the".to_string()].into();
    /// let blocks = split("The old harbour reopens.", &stopwords);
    /// assert_eq!(blocks[0].subject_words(&stopwords).iter().collect::<Vec<_>>(), ["old", "harbour", "reopens"]);
    /// ```
    pub fn subject_words(&self, stopwords: &HashSet<String, impl BuildHasher>) -> &SubjectWords {
        self.memo
            .subject
            .get_or_init(|| Arc::new(classify::subject_words(&self.visible, stopwords)))
    }

    /// The glance ([`classify::glance`]) of `copy_text`, the part of its visible text that the patterns of
    /// id `patterns` keep as its copy text: that part follows from the visible text and the patterns.
    pub fn glance(&self, copy_text: &str, patterns: u64) -> Cow<'_, str> {
        let read = || classify::glance(copy_text);
        kept_for(&self.memo.glance, patterns, || Arc::from(read()))
            .map_or_else(|| Cow::Owned(read()), |glance| Cow::Borrowed(&**glance))
    }

    /// The label the lexicon gives the block as a furniture line ([`Lexicon::label`]), if any.
    pub fn label<'b>(&'b self, lexicon: &'b Lexicon) -> Option<&'b str> {
        let read = || lexicon.label(&self.visible, self.words, self.sentence_end);
        kept_for(&self.memo.label, lexicon.id(), || read().map(Arc::from)).map_or_else(read, Option::as_deref)
    }
}

/// What `cell` keeps for the reader of id `id` (a lexicon, a set of patterns): `read` the first time any
/// reader asks, kept with that reader's id; `None` for a reader of another id, which must read anew.
fn kept_for<T>(cell: &OnceLock<(u64, T)>, id: u64, read: impl FnOnce() -> T) -> Option<&T> {
    let (kept_by, value) = cell.get_or_init(|| (id, read()));
    (*kept_by == id).then_some(value)
}

/// Split `text` into blocks, in order, each with its features; `stopwords` are the function words
/// of the text's language. A block never ends inside a link: lines that a link spans stay one block.
///
/// ```
/// use std::collections::{HashMap, HashSet};
/// use textclean_native::blocks::split;
/// let blocks = split("# Title\n\n* [Home](/)\n* [News](/news)\n\nA real paragraph.", &HashSet::new());
/// let visible: Vec<&str> = blocks.iter().map(|block| &*block.visible).collect();
/// assert_eq!(visible, ["Title", "Home", "News", "A real paragraph."]);
/// ```
pub fn split(text: &str, stopwords: &HashSet<String, impl BuildHasher>) -> Vec<Block> {
    split_again(text, stopwords, None)
}

/// Split `text` into blocks as [`split`] does, taking what is measured of a block from the `earlier`
/// blocks of an earlier text (measured with the same `stopwords`): all of it where one of them without
/// link tokens had the same text, and what is read from its visible text (and the label and subject words
/// read since) where one had the same visible text. After a step cuts some blocks out, takes out the
/// links' markup or edits a few, most come back as they were.
///
/// ```
/// use std::collections::HashSet;
/// use textclean_native::blocks::{split, split_again};
/// let before = "Storm hits the coast\n\nShare this\n\nThe [storm](/s) came.";
/// let blocks = split(before, &HashSet::new());
/// for after in ["Storm hits the coast\n\nThe [storm](/s) came.", "Storm hits the coast\n\nThe storm came."] {
///     assert_eq!(split_again(after, &HashSet::new(), Some((before, &blocks))), split(after, &HashSet::new()));
/// }
/// ```
pub fn split_again(
    text: &str,
    stopwords: &HashSet<String, impl BuildHasher>,
    earlier: Option<(&str, &[Block])>,
) -> Vec<Block> {
    let spans = block_spans(text);
    let tokens = if spans.is_empty() {
        Vec::new()
    } else {
        links::tokenize(text)
    };
    let mut function_words = None; // made when a block is first measured
    let (earlier, earlier_blocks) = earlier.unwrap_or_default();
    let seen = Seen::new(earlier, earlier_blocks);
    let mut blocks = Vec::with_capacity(spans.len());
    let mut index = 0;
    let mut count = 0;
    while count < spans.len() {
        let (start, mut end) = spans[count];
        count += 1;
        while index < tokens.len() && tokens[index].start < start {
            index += 1;
        }
        let first = index;
        while index < tokens.len() && tokens[index].start < end {
            if tokens[index].end > end && count < spans.len() {
                end = spans[count].1; // the link goes on into the next block: take it in
                count += 1;
                continue;
            }
            index += 1;
        }
        // only a block without link tokens is taken whole from an earlier one
        let same = if first == index {
            seen.measured(&text[start..end])
        } else {
            None
        };
        let block = match same {
            Some(same) => Block {
                start,
                end,
                ..same.clone()
            },
            _ => measure(
                text,
                start,
                end,
                &tokens[first..index],
                (stopwords, &mut function_words),
                &seen,
            ),
        };
        blocks.push(block);
    }
    blocks
}

/// The blocks of an earlier reading, by text: for a text, the block without link tokens that had it as
/// its text, and the block that had it as its visible text (any of them, where several did: what is
/// taken from them follows from that text). A block whose text is its visible text is found by both
/// at once.
struct Seen<'e>(TextMap<&'e str, (Option<&'e Block>, Option<&'e Block>)>);

impl<'e> Seen<'e> {
    fn new(earlier: &'e str, blocks: &'e [Block]) -> Seen<'e> {
        let mut by_text = TextMap::with_capacity_and_hasher(2 * blocks.len(), TextHasher::default());
        for block in blocks {
            let text = &earlier[block.start..block.end];
            if block.tokens || text != &*block.visible {
                if !block.tokens {
                    by_text.entry(text).or_insert((None, None)).0 = Some(block);
                }
                by_text.entry(&*block.visible).or_insert((None, None)).1 = Some(block);
            } else {
                by_text.insert(text, (Some(block), Some(block)));
            }
        }
        Seen(by_text)
    }

    /// The block without link tokens that had `text` as its text.
    fn measured(&self, text: &str) -> Option<&'e Block> {
        self.0.get(text).and_then(|&(measured, _)| measured)
    }

    /// The block that had `visible` as its visible text.
    fn visible(&self, visible: &str) -> Option<&'e Block> {
        self.0.get(visible).and_then(|&(_, seen)| seen)
    }
}

/// Measure the block `text[start..end]`, given the link tokens that start inside it and the function
/// words; the measures of its visible text are taken from a block `seen` before with the same visible
/// text, if any.
fn measure<'s, S: BuildHasher>(
    text: &str,
    start: usize,
    end: usize,
    tokens: &[links::Token],
    (stopwords, function_words): (&'s HashSet<String, S>, &mut Option<Lookup<'s, S>>),
    seen: &Seen<'_>,
) -> Block {
    let block = &text[start..end];
    // a day and a month is no list item (asked only of what looks like one)
    let marker = item_marker(block).filter(|_| !starts_with_day_and_month(block));
    let heading = marker.is_some_and(|(_, heading)| heading);
    // what the tokens show, with the text between them (none without tokens): no longer than the block
    let mut shown = String::with_capacity(if tokens.is_empty() { 0 } else { block.len() });
    let mut link_chars = 0;
    let mut has_links = false;
    let mut pos = marker.map_or(0, |(end, _)| end);
    for token in tokens {
        let (token_start, token_end) = (token.start - start, token.end - start);
        if token_start < pos || token_end > block.len() {
            continue; // a token reaching over the block's edge: its text stays as written
        }
        shown.push_str(&block[pos..token_start]);
        if token.kind != links::Kind::Definition {
            shown.push_str(&token.text);
        }
        if token.kind.is_link() {
            link_chars += shown_chars(&token.text);
            has_links = true;
        } else if token.kind.is_image() || token.kind == links::Kind::Definition {
            has_links = true;
        }
        pos = token_end;
    }
    let rest = &block[pos..];
    let shown = if shown.is_empty() {
        rest
    } else {
        shown.push_str(rest);
        shown.as_str()
    };
    let unformatted = without_formatting(shown);
    let visible = trim_python_space(&unformatted);
    // a visible text that is not empty starts with a visible character
    let link_share = match (visible.is_empty(), link_chars) {
        (true, _) => f64::from(u8::from(has_links)),
        (false, 0) => 0.0,
        (false, _) => (link_chars as f64 / shown_chars(visible) as f64).min(1.0),
    };
    let (visible, words, function_words, sentence_end, size, memo) = match seen.visible(visible) {
        Some(same) => (
            same.visible.clone(),
            same.words,
            same.stopwords,
            same.sentence_end,
            same.size,
            same.memo.clone(),
        ),
        None => {
            let function_words = function_words.get_or_insert_with(|| Lookup::new(stopwords));
            let (features, length) = measure_counted(visible, function_words);
            let size = length + 2 * features.wide;
            (
                Arc::from(visible),
                features.words,
                features.stopwords,
                features.sentence_end,
                size,
                Memo::default(),
            )
        }
    };
    Block {
        start,
        end,
        visible,
        words,
        stopwords: function_words,
        link_share,
        has_links,
        tokens: !tokens.is_empty(),
        list_item: marker.is_some() && !heading,
        heading,
        sentence_end,
        size,
        memo,
    }
}

/// `text` without emphasis and stray tags, as the words stand after the `markup` step.
fn without_formatting(text: &str) -> Cow<'_, str> {
    if memchr::memchr3(b'*', b'_', b'<', text.as_bytes()).is_none() {
        return text.into();
    }
    let kinds = [
        formatting::Kind::Emphasis,
        formatting::Kind::EmptyEmphasis,
        formatting::Kind::Tag,
    ];
    let mask = kinds.iter().map(|kind| kind.bit()).sum();
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for token in formatting::tokenize(text, mask) {
        out.push_str(&text[pos..token.start]);
        out.push_str(token.text);
        pos = token.end;
    }
    out.push_str(&text[pos..]);
    out.into()
}

/// `text` without the white space at its ends, as `str.strip` takes it off (see [`is_python_space`]).
fn trim_python_space(text: &str) -> &str {
    // most texts end in ASCII: read as bytes (a character outside ASCII at an end goes the long way)
    let space = |byte: &u8| matches!(byte, b'\t'..=b'\r' | b'\x1c'..=b' ');
    let bytes = text.as_bytes();
    let Some(first) = bytes.iter().position(|byte| !space(byte)) else {
        return "";
    };
    let last = bytes.iter().rposition(|byte| !space(byte)).unwrap_or(first);
    if bytes[first].is_ascii() && bytes[last].is_ascii() {
        &text[first..=last]
    } else {
        text.trim_matches(is_python_space)
    }
}

/// The spans (in bytes) of the blocks of `text`: runs of non-blank lines, split after lines that are
/// not hard-wrapped and before list items and headings; each without its first line's indentation
/// and its last line's trailing blanks.
///
/// ```
/// use textclean_native::blocks::block_spans;
/// assert_eq!(block_spans("Home\nNews\n\n  A paragraph."), [(0, 4), (5, 9), (13, 25)]);
/// ```
pub fn block_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut block: Option<(usize, usize)> = None;
    let mut previous_long = false;
    let mut previous_indent = 0;
    let mut pos = 0;
    for line in chars::lines(text) {
        let (indent, stripped) = trim_blanks(line);
        if stripped.is_empty() {
            spans.extend(block.take());
        } else {
            let goes_on = previous_long && indent.abs_diff(previous_indent) <= 4 && item_marker(line).is_none();
            if !goes_on {
                spans.extend(block.take());
            }
            let end = pos + indent + stripped.len();
            block = Some((block.map_or(pos + indent, |(start, _)| start), end));
            // a character takes one to four bytes: only a line of 50 to 400 bytes may be 50 to 100 characters long
            previous_long = (WRAPPED_LINE_MIN..=4 * WRAPPED_LINE_MAX).contains(&stripped.len())
                && (WRAPPED_LINE_MIN..=WRAPPED_LINE_MAX).contains(&char_count(stripped));
            previous_indent = indent;
        }
        pos += line.len() + 1;
    }
    spans.extend(block);
    spans
}

/// The length of the blanks that start `line`, and `line` without the blanks at its ends.
fn trim_blanks(line: &str) -> (usize, &str) {
    let bytes = line.as_bytes();
    let start = bytes.iter().position(|&byte| !is_blank(byte)).unwrap_or(bytes.len());
    let end = bytes
        .iter()
        .rposition(|&byte| !is_blank(byte))
        .map_or(start, |last| last + 1);
    (start, &line[start..end]) // the blanks are ASCII: the cuts fall between characters
}

/// The code points of `text`: a byte each in ASCII.
fn char_count(text: &str) -> usize {
    if text.is_ascii() {
        text.len()
    } else {
        text.chars().count()
    }
}

/// The end (in bytes) of the list item's or heading's marker that starts `line`, and whether it is a
/// heading: blanks, then a bullet ("*", "•", "-", ...) or a number of one to three digits and "." or
/// ")", then a blank; or up to three blanks, one to six "#" and a blank.
pub fn item_marker(line: &str) -> Option<(usize, bool)> {
    let blanks = leading_blanks(line);
    let rest = &line[blanks..];
    if rest
        .bytes()
        .next()
        .is_some_and(|first| first.is_ascii() && !first.is_ascii_digit() && !matches!(first, b'*' | b'+' | b'-' | b'#'))
    {
        return None; // no bullet, digit or "#" (the other bullets and digits are not ASCII)
    }
    let marker = match rest.chars().next() {
        Some(c @ ('*' | '•' | '·' | '+' | '-' | '–')) => Some(c.len_utf8()),
        Some(_) => {
            let digits = leading(rest, 0, is_digit);
            let count = rest[..digits].chars().count();
            ((1..=3).contains(&count) && matches!(rest[digits..].chars().next(), Some('.' | ')'))).then_some(digits + 1)
        }
        None => None,
    };
    if let Some(length) = marker.filter(|&length| matches!(rest[length..].chars().next(), Some(' ' | '\t'))) {
        return Some((blanks + length + 1, false));
    }
    let hashes = leading(rest, 0, |c| c == '#');
    let heading = blanks <= 3 && (1..=6).contains(&hashes) && matches!(rest[hashes..].chars().next(), Some(' ' | '\t'));
    heading.then_some((blanks + hashes + 1, true))
}

/// Whether `text` starts with a day and a month ("22. August"), which is a date and no list item:
/// blanks, one or two digits, ".", blanks, and a month's name as a whole word.
pub fn starts_with_day_and_month(text: &str) -> bool {
    let mut pos = leading_blanks(text);
    if text
        .as_bytes()
        .get(pos)
        .is_some_and(|first| first.is_ascii() && !first.is_ascii_digit())
    {
        return false; // the other digits are not ASCII
    }
    let digits = leading(text, pos, is_digit);
    if !(1..=2).contains(&text[pos..pos + digits].chars().count()) || !text[pos + digits..].starts_with('.') {
        return false;
    }
    pos += digits + 1;
    let blanks = leading(text, pos, |c| c == ' ' || c == '\t');
    let word = leading(text, pos + blanks, is_word);
    blanks > 0 && MONTH.is_match(&text[pos + blanks..pos + blanks + word])
}

/// The length in bytes of the spaces and tabs that start `text`.
fn leading_blanks(text: &str) -> usize {
    text.bytes().take_while(|&byte| byte == b' ' || byte == b'\t').count()
}

/// The length in bytes of the run of characters that `wanted` accepts, from byte `start` of `text`.
fn leading(text: &str, start: usize, wanted: impl Fn(char) -> bool) -> usize {
    text[start..]
        .chars()
        .take_while(|&c| wanted(c))
        .map(char::len_utf8)
        .sum()
}

/// The words of `text`: its runs of word characters (what `\w+` finds).
pub fn words(text: &str) -> impl Iterator<Item = &str> {
    Words { text, pos: 0 }
}

/// The words of a text from byte `pos` on, its ASCII read a byte at a time.
struct Words<'a> {
    text: &'a str,
    pos: usize,
}

impl Words<'_> {
    /// The end of the run of characters at `pos` that are word characters (or are not, if `word` is false).
    fn run_end(&self, mut pos: usize, word: bool) -> usize {
        let bytes = self.text.as_bytes();
        let wanted = u8::from(word);
        loop {
            pos += bytes[pos..]
                .iter()
                .position(|&byte| WORD_BYTES[usize::from(byte)] != wanted)
                .unwrap_or(bytes.len() - pos);
            if bytes.get(pos).is_none_or(u8::is_ascii) {
                return pos;
            }
            let c = self.text[pos..].chars().next().unwrap_or_default();
            if is_word(c) != word {
                return pos;
            }
            pos += c.len_utf8();
        }
    }
}

impl<'a> Iterator for Words<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let start = self.run_end(self.pos, false);
        self.pos = self.run_end(start, true);
        (self.pos > start).then(|| &self.text[start..self.pos])
    }
}

/// What each byte tells of `\w`: 1 for its ASCII characters (letters, digits and the underscore), 0 for
/// the other ASCII characters, 2 for the bytes of longer characters (which tell nothing alone).
const WORD_BYTES: [u8; 256] = {
    let mut table = [2; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = ((byte as u8).is_ascii_alphanumeric() || byte == b'_' as usize) as u8;
        byte += 1;
    }
    table
};

/// What the classifiers read of a block's visible text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TextFeatures {
    /// Its words; in scripts written without spaces, two characters make a word.
    pub words: usize,
    /// Its words that are function words of the document's language.
    pub stopwords: usize,
    /// Its code points of scripts written without spaces.
    pub wide: usize,
    /// Whether it ends with sentence punctuation (closing quotes and brackets may follow).
    pub sentence_end: bool,
}

/// Measure a block's visible text (stripped of white space at both ends).
///
/// ```
/// use std::collections::{HashMap, HashSet};
/// use textclean_native::blocks::measure_text;
/// let stopwords: HashSet<String> = ["the", "is"].iter().map(|w| w.to_string()).collect();
/// let features = measure_text("The harbour is open again.", &stopwords);
/// assert_eq!((features.words, features.stopwords, features.sentence_end), (5, 2, true));
/// assert_eq!(measure_text("港口重新开放", &stopwords).words, 3);
/// ```
pub fn measure_text(visible: &str, stopwords: &HashSet<String, impl BuildHasher>) -> TextFeatures {
    measure_counted(visible, &mut Lookup::new(stopwords)).0
}

/// The function words of a text as its blocks look them up. Those of one to seven bytes (most of them)
/// are packed in a number each ([`pack`]) in a small table of their own, where a look-up is a few
/// comparisons of numbers; the longer ones are looked up in their set.
struct Lookup<'s, S> {
    set: &'s HashSet<String, S>,
    /// The length in bytes of the longest (a longer word is none of them).
    longest: usize,
    /// The short ones, packed.
    short: PackedTable<()>,
    /// A longer word in lower case, to look it up in the set.
    lower: String,
}

impl<'s, S: BuildHasher> Lookup<'s, S> {
    fn new(set: &'s HashSet<String, S>) -> Self {
        let mut longest = 0;
        let mut short = PackedTable::with_capacity(set.len());
        for word in set {
            longest = longest.max(word.len());
            if (1..=PACKED).contains(&word.len()) {
                short.entry(pack(word.as_bytes(), 0, word.len(), false));
            }
        }
        Lookup {
            set,
            longest,
            short,
            lower: String::new(),
        }
    }

    /// Whether `word`, in ASCII lower case if `lower`, is one of the function words.
    #[inline]
    fn contains(&mut self, word: &str, lower: bool) -> bool {
        self.contains_in(word, 0, word.len(), lower)
    }

    /// Whether the word `text[start..end]`, in ASCII lower case if `lower`, is one of the function words.
    #[inline(always)]
    fn contains_in(&mut self, text: &str, start: usize, end: usize, lower: bool) -> bool {
        let length = end - start;
        if length > self.longest {
            return false;
        }
        if (1..=PACKED).contains(&length) {
            return self.short.get(pack(text.as_bytes(), start, end, lower)).is_some();
        }
        self.contains_long(&text[start..end], lower)
    }

    /// Whether `word`, longer than the words packed and in ASCII lower case if `lower`, is in the set.
    #[inline(never)]
    fn contains_long(&mut self, word: &str, lower: bool) -> bool {
        if lower && word.bytes().any(|byte| byte.is_ascii_uppercase()) {
            self.lower.clear();
            self.lower.push_str(word);
            self.lower.make_ascii_lowercase();
            return self.set.contains(&self.lower);
        }
        self.set.contains(word)
    }
}

/// Measure a block's visible text as [`measure_text`] does; also give the text's length in code points.
fn measure_counted(visible: &str, function_words: &mut Lookup<'_, impl BuildHasher>) -> (TextFeatures, usize) {
    if visible.is_ascii() {
        (measure_ascii(visible, function_words), visible.len())
    } else {
        measure_folded(visible, function_words)
    }
}

/// Measure a block's visible text as [`measure_counted`] does, from its case-folded copy.
fn measure_folded(visible: &str, stopwords: &mut Lookup<'_, impl BuildHasher>) -> (TextFeatures, usize) {
    let folded = casefold(visible);
    let (length, wide) = (visible.chars().count(), wide_count(visible));
    let mut function_words = 0;
    let words = word_count(
        words(&folded).inspect(|word| {
            if stopwords.contains(word, false) {
                function_words += 1;
            }
        }),
        wide,
    );
    let features = TextFeatures {
        words,
        stopwords: function_words,
        wide,
        sentence_end: ends_like_a_sentence(visible),
    };
    (features, length)
}

/// Measure a visible text in ASCII as [`measure_counted`] does, without a folded copy: case folds ASCII
/// to lower case, which makes no word character of a character that was none, so the words of the folded
/// text are the text's words in lower case.
fn measure_ascii(visible: &str, stopwords: &mut Lookup<'_, impl BuildHasher>) -> TextFeatures {
    let bytes = visible.as_bytes();
    let is_word = |byte: &u8| WORD_BYTES[usize::from(*byte)] == 1;
    let (mut count, mut function_words) = (0, 0);
    let mut pos = 0;
    while let Some(start) = bytes[pos..].iter().position(is_word) {
        let start = pos + start;
        pos = start
            + bytes[start..]
                .iter()
                .position(|byte| !is_word(byte))
                .unwrap_or(bytes.len() - start);
        count += 1;
        if stopwords.contains_in(visible, start, pos, true) {
            function_words += 1;
        }
    }
    TextFeatures {
        words: count,
        stopwords: function_words,
        wide: 0,
        sentence_end: ends_like_a_sentence(visible),
    }
}

/// Count the code points of a text that are not a space, a tab or a line break.
fn shown_chars(text: &str) -> usize {
    let blank = |byte: &u8| matches!(byte, b' ' | b'\n' | b'\t');
    let continuation = |byte: &u8| (*byte as i8) < -0x40; // 0b10xx_xxxx: inside a character
    text.len() - text.bytes().filter(|byte| blank(byte) || continuation(byte)).count()
}

/// Count the words of a text; in scripts written without spaces, two characters make a word.
///
/// ```
/// use textclean_native::blocks::count_words;
/// assert_eq!((count_words("The old harbour"), count_words("港口重新开放"), count_words("Das 港口")), (3, 3, 2));
/// ```
pub fn count_words(text: &str) -> usize {
    word_count(words(text), wide_count(text))
}

/// Count the code points of scripts written without spaces.
fn wide_count(text: &str) -> usize {
    non_ascii(text).filter(|&c| is_wide(c)).count()
}

/// The characters of `text` that are not ASCII (its ASCII passed over a byte at a time).
fn non_ascii(text: &str) -> impl Iterator<Item = char> + '_ {
    let bytes = text.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        // eight bytes at a time while none is past ASCII
        while let Some(eight) = bytes[pos..].first_chunk::<8>() {
            if u64::from_le_bytes(*eight) & 0x8080_8080_8080_8080 != 0 {
                break;
            }
            pos += 8;
        }
        pos += bytes[pos..].iter().position(|byte| !byte.is_ascii())?;
        let c = text[pos..].chars().next()?;
        pos += c.len_utf8();
        Some(c)
    })
}

/// Count `words` where `wide` code points of scripts without spaces stand among them: words without
/// such a character count one each, and every two such characters one more.
fn word_count<'a>(words: impl Iterator<Item = &'a str>, wide: usize) -> usize {
    if wide == 0 {
        return words.count();
    }
    words.filter(|word| !word.chars().any(is_wide)).count() + wide.div_ceil(2)
}

/// Whether `visible` ends with sentence punctuation, and closing quotes or brackets after it, within
/// its last [`END_CHARS`] code points.
fn ends_like_a_sentence(visible: &str) -> bool {
    visible
        .chars()
        .rev()
        .take(END_CHARS)
        .find(|c| !CLOSERS.contains(c))
        .is_some_and(|c| SENTENCE_PUNCTUATION.contains(&c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_block_keeps_the_label_of_the_lexicon_that_read_it() {
        use crate::testing::{lexicon_with, LEXICON};
        let blocks = split("Share this article\n\nThe storm reached the coast.", &HashSet::new());
        assert_eq!(
            (blocks[0].label(&LEXICON), blocks[1].label(&LEXICON)),
            (Some("share"), None)
        );
        let kept = blocks[0].clone(); // with its label
        assert_eq!(kept.label(&LEXICON), Some("share"));
        let other = lexicon_with(&[("share", "teilen"), ("related", "see also"), ("notice", "share this")]);
        assert_eq!(kept.label(&other), Some("notice"));
        assert_eq!(kept.label(&LEXICON), Some("share"));
    }

    #[test]
    fn a_block_keeps_the_glance_of_the_patterns_that_cut_its_copy_text() {
        let blocks = split("Storm hits the coast | Daily Planet", &HashSet::new());
        let kept = blocks[0].clone();
        assert_eq!(kept.glance("Storm hits the coast", 1), "storm hits the coast");
        // patterns of another id may cut another copy text: its glance is read anew, and the kept one stays
        assert_eq!(
            kept.glance("Storm hits the coast | Daily Planet", 2),
            "storm hits the coast daily planet"
        );
        assert_eq!(kept.glance("Storm hits the coast", 1), "storm hits the coast");
    }

    #[test]
    fn a_hard_wrapped_paragraph_is_one_block() {
        let line = "a".repeat(60);
        let text = format!("{line}\n{line}\n{line}\nshort\nnext");
        assert_eq!(block_spans(&text), [(0, 188), (189, 193)]);
    }

    #[test]
    fn a_list_item_after_a_long_line_starts_a_block() {
        let line = "b".repeat(60);
        assert_eq!(block_spans(&format!("{line}\n* item")).len(), 2);
        assert_eq!(block_spans(&format!("{line}\n        indented far")).len(), 2);
    }

    #[test]
    fn markers_of_items_and_headings() {
        assert_eq!(item_marker("  * item"), Some((4, false)));
        assert_eq!(item_marker("12) item"), Some((4, false)));
        assert_eq!(item_marker("### Title"), Some((4, true)));
        assert_eq!(item_marker("1234. no"), None);
        assert_eq!(item_marker("    # no"), None);
        assert_eq!(item_marker("####### no"), None);
    }

    #[test]
    fn a_day_and_month_is_a_date() {
        assert!(starts_with_day_and_month("22. August 2018"));
        assert!(starts_with_day_and_month(" 3.\tDÉCEMBRE"));
        assert!(!starts_with_day_and_month("22. Augusta"));
        assert!(!starts_with_day_and_month("1. Preheat the oven"));
    }

    #[test]
    fn case_folds_fully() {
        assert_eq!(casefold("Straße ΣΑΣ ﬁx"), "strasse σασ fix");
    }

    #[test]
    fn sentence_ends() {
        for (text, expected) in [
            ("Done.", true),
            ("«Done!»", true),
            ("said: \"yes.\")", true),
            ("no", false),
        ] {
            assert_eq!(ends_like_a_sentence(text), expected, "{text}");
        }
        assert!(!ends_like_a_sentence(&format!(".{}", ")".repeat(12))));
        assert!(!ends_like_a_sentence(""));
    }

    proptest! {
        #[test]
        fn blocks_split_again_are_the_blocks_split_anew(
            paragraphs in proptest::collection::vec("[a-z ]{1,12}|\\[[a-z]{1,5}\\]\\(/x\\)|# [a-z]{1,8}|\\\\\\$4 [a-z]{1,5}|[a-z]{1,4}\\]: /y", 1..8),
            kept in proptest::collection::vec(proptest::bool::ANY, 8),
            unlinked in proptest::collection::vec(proptest::bool::ANY, 8),
        ) {
            let stopwords: HashSet<String> = ["a", "the"].map(String::from).into();
            let before = paragraphs.join("\n\n");
            // some paragraphs cut out, and some links' markup taken out, as the steps would
            let unlink = |p: &str| p.strip_prefix('[').and_then(|rest| rest.strip_suffix("](/x)")).map(String::from);
            let after: Vec<String> = paragraphs
                .iter()
                .zip(kept.iter().zip(&unlinked))
                .filter(|(_, (&keep, _))| keep)
                .map(|(p, (_, &bare))| if bare { unlink(p).unwrap_or_else(|| p.clone()) } else { p.clone() })
                .collect();
            let after = after.join("\n\n");
            let earlier = split(&before, &stopwords);
            for block in &earlier {
                // read once, to come back with the blocks taken from here
                block.subject_words(&stopwords);
                block.glance(&block.visible, 0);
            }
            let (again, anew) = (split_again(&after, &stopwords, Some((&before, &earlier))), split(&after, &stopwords));
            prop_assert_eq!(&again, &anew);
            for (block, fresh) in again.iter().zip(&anew) {
                prop_assert_eq!(block.subject_words(&stopwords), fresh.subject_words(&stopwords));
                prop_assert_eq!(block.glance(&block.visible, 0), classify::glance(&fresh.visible));
            }
        }

        #[test]
        fn function_words_are_found_where_their_set_has_them(
            set in proptest::collection::hash_set("[a-cA]{0,9}|é[a-b]{0,7}|[a\u{0}]{1,3}", 0..40),
            asked in proptest::collection::vec("[a-cA-C]{0,9}|é[a-bA]{0,7}|[a\u{0}]{1,3}", 0..40),
        ) {
            let mut lookup = Lookup::new(&set);
            for word in &asked {
                prop_assert_eq!(lookup.contains(word, false), set.contains(word), "{:?}", word);
                let lower = word.to_ascii_lowercase();
                prop_assert_eq!(lookup.contains(word, true), set.contains(&lower), "{:?}", word);
                // read from a longer text, eight bytes at once
                let text = format!("-{word}Zé-aaaaaaaa");
                prop_assert_eq!(lookup.contains_in(&text, 1, 1 + word.len(), false), set.contains(word));
                prop_assert_eq!(lookup.contains_in(&text, 1, 1 + word.len(), true), set.contains(&lower));
            }
        }

        #[test]
        fn white_space_is_stripped_as_python_does(text in "([a \t\n\r\x0b\x0c\x1c-\x1f\x1b]|é|\u{85}|\u{a0}|\u{2028}|\u{3000}|\u{200b}){0,12}") {
            prop_assert_eq!(trim_python_space(&text), text.trim_matches(is_python_space));
        }

        #[test]
        fn the_characters_outside_ascii_are_found_between_runs_of_it(text in "([a-z .]|é|港口|\u{1F600}){0,30}") {
            let expected: Vec<char> = text.chars().filter(|c| !c.is_ascii()).collect();
            prop_assert_eq!(non_ascii(&text).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn words_are_the_runs_of_word_characters(
            text in "([a-zA-Z0-9_ .,'-]|é|ß|港口|\u{300}|\u{2028}|\u{663}|\u{1F600}|\u{10FFFF}){0,40}"
        ) {
            let expected: Vec<&str> = text.split(|c: char| !is_word(c)).filter(|word| !word.is_empty()).collect();
            prop_assert_eq!(words(&text).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn ascii_is_measured_as_its_folded_copy(
            text in "([a-zA-Z0-9_ .,!?'\"\t\n-]|The|the|AND|And|Nevertheless|NEVERTHELESS|ab_cd_EF){0,40}"
        ) {
            let stopwords: HashSet<String> = ["a", "the", "and", "i", "nevertheless", "ab_cd_ef"].map(String::from).into();
            prop_assert_eq!(
                (measure_ascii(&text, &mut Lookup::new(&stopwords)), text.len()),
                measure_folded(&text, &mut Lookup::new(&stopwords))
            );
        }

        #[test]
        fn blocks_are_sorted_and_hold_no_blank_line(text in "[a-z \\t\\n*#1.]{0,200}") {
            let spans = block_spans(&text);
            for pair in spans.windows(2) {
                prop_assert!(pair[0].1 < pair[1].0);
            }
            for &(start, end) in &spans {
                prop_assert!(start < end && !text[start..end].contains("\n\n"));
            }
        }
    }
}
