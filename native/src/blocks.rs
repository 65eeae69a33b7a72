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
use crate::classify;
use crate::formatting;
use crate::lexicon::Lexicon;
use crate::links;
use crate::unicode::{casefold, is_digit, is_python_space, is_wide, is_word};

/// A line of this many code points (without its indentation) may be hard-wrapped, so the next line
/// goes on with the same block; after a shorter or a longer one, a new block starts.
pub const WRAPPED_LINE_MIN: usize = 50;
pub const WRAPPED_LINE_MAX: usize = 100;
/// Sentence punctuation and the closing quotes after it are looked for within this many code points
/// of a block's end.
const END_CHARS: usize = 12;
/// What is stripped from the ends of a line: blanks of one byte each.
const BLANKS: &[u8] = b" \t\r\x0c\x0b";

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
    pub visible: String,
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
    subject: OnceLock<Arc<TextSet<String>>>,
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
    /// assert!(blocks[0].subject_words(&stopwords).contains("harbour"));
    /// assert!(!blocks[0].subject_words(&stopwords).contains("the"));
    /// ```
    pub fn subject_words(&self, stopwords: &HashSet<String, impl BuildHasher>) -> &TextSet<String> {
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
/// let visible: Vec<&str> = blocks.iter().map(|block| block.visible.as_str()).collect();
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
    let longest = stopwords.iter().map(String::len).max().unwrap_or(0);
    let (earlier, earlier_blocks) = earlier.unwrap_or_default();
    let measured: TextMap<&str, &Block> = earlier_blocks
        .iter()
        .filter(|block| !block.tokens)
        .map(|block| (&earlier[block.start..block.end], block))
        .collect();
    let seen: TextMap<&str, &Block> = earlier_blocks
        .iter()
        .map(|block| (block.visible.as_str(), block))
        .collect();
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
        let block = match measured.get(&text[start..end]) {
            Some(&same) if first == index => Block {
                start,
                end,
                ..same.clone()
            },
            _ => measure(text, start, end, &tokens[first..index], (stopwords, longest), &seen),
        };
        blocks.push(block);
    }
    blocks
}

/// Measure the block `text[start..end]`, given the link tokens that start inside it, the function
/// words and the length of the longest; the measures of its visible text are taken from a block `seen`
/// before with the same visible text, if any.
fn measure(
    text: &str,
    start: usize,
    end: usize,
    tokens: &[links::Token],
    (stopwords, longest): (&HashSet<String, impl BuildHasher>, usize),
    seen: &TextMap<&str, &Block>,
) -> Block {
    let block = &text[start..end];
    let marker = if starts_with_day_and_month(block) {
        None
    } else {
        item_marker(block)
    };
    let heading = marker.is_some_and(|(_, heading)| heading);
    let mut shown = String::new(); // what the tokens show, with the text between them (none without tokens)
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
            link_chars += visible_length(&token.text);
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
    let visible = without_formatting(shown).trim_matches(is_python_space).to_string();
    // a visible text that is not empty starts with a visible character
    let link_share = match (visible.is_empty(), link_chars) {
        (true, _) => f64::from(u8::from(has_links)),
        (false, 0) => 0.0,
        (false, _) => (link_chars as f64 / shown_chars(&visible) as f64).min(1.0),
    };
    let (words, function_words, sentence_end, size, memo) = match seen.get(visible.as_str()) {
        Some(same) => (
            same.words,
            same.stopwords,
            same.sentence_end,
            same.size,
            same.memo.clone(),
        ),
        None => {
            let (features, length) = measure_counted(&visible, stopwords, longest);
            let size = length + 2 * features.wide;
            (
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

/// The code points of `text` that are not a space, a tab or a line break.
fn visible_length(text: &str) -> usize {
    text.chars().filter(|&c| !matches!(c, ' ' | '\n' | '\t')).count()
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
        let stripped = trim_blanks(line);
        if stripped.is_empty() {
            spans.extend(block.take());
        } else {
            let indent = line.bytes().take_while(|byte| BLANKS.contains(byte)).count();
            let goes_on = previous_long && indent.abs_diff(previous_indent) <= 4 && item_marker(line).is_none();
            if !goes_on {
                spans.extend(block.take());
            }
            let end = pos + indent + stripped.len();
            block = Some((block.map_or(pos + indent, |(start, _)| start), end));
            // a character takes one to four bytes: only a line of 50 to 400 bytes may be 50 to 100 characters long
            previous_long = (WRAPPED_LINE_MIN..=4 * WRAPPED_LINE_MAX).contains(&stripped.len())
                && (WRAPPED_LINE_MIN..=WRAPPED_LINE_MAX).contains(&stripped.chars().count());
            previous_indent = indent;
        }
        pos += line.len() + 1;
    }
    spans.extend(block);
    spans
}

/// `line` without the blanks at its ends.
fn trim_blanks(line: &str) -> &str {
    let bytes = line.as_bytes();
    let start = bytes.iter().take_while(|byte| BLANKS.contains(byte)).count();
    let end = bytes.len()
        - bytes[start..]
            .iter()
            .rev()
            .take_while(|byte| BLANKS.contains(byte))
            .count();
    &line[start..end] // the blanks are ASCII: the cuts fall between characters
}

/// The end (in bytes) of the list item's or heading's marker that starts `line`, and whether it is a
/// heading: blanks, then a bullet ("*", "•", "-", ...) or a number of one to three digits and "." or
/// ")", then a blank; or up to three blanks, one to six "#" and a blank.
pub fn item_marker(line: &str) -> Option<(usize, bool)> {
    let blanks = leading(line, 0, |c| c == ' ' || c == '\t');
    let rest = &line[blanks..];
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
    let mut pos = leading(text, 0, |c| c == ' ' || c == '\t');
    let digits = leading(text, pos, is_digit);
    if !(1..=2).contains(&text[pos..pos + digits].chars().count()) || !text[pos + digits..].starts_with('.') {
        return false;
    }
    pos += digits + 1;
    let blanks = leading(text, pos, |c| c == ' ' || c == '\t');
    let word = leading(text, pos + blanks, is_word);
    blanks > 0 && MONTH.is_match(&text[pos + blanks..pos + blanks + word])
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
    text.split(|c: char| !is_word(c)).filter(|word| !word.is_empty())
}

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
    let longest = stopwords.iter().map(String::len).max().unwrap_or(0);
    measure_counted(visible, stopwords, longest).0
}

/// Measure a block's visible text as [`measure_text`] does, given the length in bytes of the longest of the
/// `stopwords` (a longer word is none of them); also give the text's length in code points.
fn measure_counted(
    visible: &str,
    stopwords: &HashSet<String, impl BuildHasher>,
    longest: usize,
) -> (TextFeatures, usize) {
    let folded = casefold(visible);
    let (length, wide) = if visible.is_ascii() {
        (visible.len(), 0)
    } else {
        visible
            .chars()
            .fold((0, 0), |(length, wide), c| (length + 1, wide + usize::from(is_wide(c))))
    };
    let mut function_words = 0;
    let words = word_count(
        words(&folded).inspect(|word| {
            if word.len() <= longest && stopwords.contains(*word) {
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
    if text.is_ascii() {
        0
    } else {
        text.chars().filter(|&c| is_wide(c)).count()
    }
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
