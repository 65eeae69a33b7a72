//! Read the language of a text: the script of its letters first, then, for scripts that many
//! languages share, the function words of those languages.
//!
//! Only words of the text count: runs of letters that are not pieces of a URL, an address, a path
//! or a file name. A long text is read from three windows (its start, middle and end).

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use crate::blocks::WordHasher;
use crate::edits::byte_offset;
use crate::packed::{pack, PackedTable, PACKED};
use crate::unicode::{is_letter, is_word, script_of, SCRIPT_NAMES};

/// A script of its own names its language from this many letters on.
pub const MIN_LETTERS: usize = 15;
/// A character of Han, kana or Hangul counts as this many letters: it holds a syllable or a word.
pub const WIDE_LETTERS: usize = 3;
/// Japanese writes kana between its Han characters (a tenth of them or more); Chinese writes none.
pub const MIN_KANA_SHARE: f64 = 0.1;
/// A shared script names at most this many languages: a function word holds those it votes for as bits.
pub const MAX_SHARED: usize = 64;
/// A text names a language of a shared script with at least this many of its function words.
pub const MIN_VOTES: usize = 3;
/// The language is read from three windows of this many characters.
pub const SAMPLE_WINDOW: usize = 2000;
/// A reading first makes room for a word in this many bytes of its windows (English has one in six or so).
const BYTES_A_WORD: usize = 6;

/// What each byte is to the reader of words, one bit each (a byte of a character not in ASCII is none of them).
const LETTER: u8 = 1;
const WORD: u8 = 2;
/// Characters that make a run of letters a piece of a URL, an address or a path when they stand before it
/// (all of `/.:@=?&#%~+-`) or after it (all but `.`, which does only before another word character).
const PIECE_BEFORE: u8 = 4;
const PIECE_AFTER: u8 = 8;
static ASCII_CLASSES: [u8; 256] = ascii_classes();

const fn ascii_classes() -> [u8; 256] {
    let mut classes = [0; 256];
    let mut byte = 0;
    while byte < 128 {
        let c = byte as u8;
        let letter = if c.is_ascii_alphabetic() { LETTER } else { 0 };
        let word = if c.is_ascii_alphanumeric() || c == b'_' {
            WORD
        } else {
            0
        };
        let piece = match c {
            b'.' => PIECE_BEFORE,
            b'/' | b':' | b'@' | b'=' | b'?' | b'&' | b'#' | b'%' | b'~' | b'+' | b'-' => PIECE_BEFORE | PIECE_AFTER,
            _ => 0,
        };
        classes[byte] = letter | word | piece;
        byte += 1;
    }
    classes
}

/// What a text's letters tell: its language, or that the function words of a shared script must
/// decide and the reader does not have them yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Language(Option<String>),
    NeedsScript(&'static str),
}

/// The function words of a shared script: the languages each is one of (a bit for each rank, the first
/// language's lowest), those in ASCII of up to [`PACKED`] bytes packed in a number ([`pack`]), the
/// others looked up with the hasher of function words; and the length of the longest, in bytes.
#[derive(Debug, Default)]
struct WordIndex {
    short: PackedTable<u64>,
    languages: HashMap<Vec<u8>, u64, BuildHasherDefault<WordHasher>>,
    longest: usize,
}

/// A reader of languages: the scripts that name one language, and the function words of the
/// languages of the shared scripts, given as they are needed.
#[derive(Debug, Default)]
pub struct LanguageReader {
    /// The one language each script of its own names.
    script_language: HashMap<String, String>,
    /// The languages of each shared script, in order of preference (a tie goes to the first).
    shared: HashMap<String, Vec<String>>,
    /// For each shared script whose function words were given: each word and the languages it is one of.
    function_words: HashMap<String, WordIndex>,
}

impl LanguageReader {
    /// Make a reader: `script_language` maps a script (a name of [`SCRIPT_NAMES`]) to the one
    /// language it names; `shared` maps a shared script to its languages in order of preference (at most
    /// [`MAX_SHARED`] of them).
    pub fn new(script_language: HashMap<String, String>, shared: HashMap<String, Vec<String>>) -> Result<Self, String> {
        if let Some((script, _)) = shared.iter().find(|(_, languages)| languages.len() > MAX_SHARED) {
            return Err(format!(
                "the shared script {script:?} names more than {MAX_SHARED} languages"
            ));
        }
        Ok(LanguageReader {
            script_language,
            shared,
            function_words: HashMap::new(),
        })
    }

    /// Give the function words of each language of a shared script (a word given twice for a language
    /// counts once).
    pub fn add_script(&mut self, script: &str, languages: Vec<(String, Vec<String>)>) {
        let order = self.shared.get(script).cloned().unwrap_or_default();
        let mut index = WordIndex::default();
        for (language, words) in languages {
            let rank = order.iter().position(|known| *known == language); // below MAX_SHARED (see `new`)
            if let Some(bit) = rank.map(|rank| 1u64 << rank) {
                for word in words {
                    index.longest = index.longest.max(word.len());
                    if word.is_ascii() && (1..=PACKED).contains(&word.len()) {
                        *index.short.entry(pack(word.as_bytes(), 0, word.len(), false)) |= bit;
                    } else {
                        *index.languages.entry(word.into_bytes()).or_default() |= bit;
                    }
                }
            }
        }
        self.function_words.insert(script.to_string(), index);
    }

    /// Read the main language of `text`.
    pub fn read(&self, text: &str) -> Reading {
        let windows = windows(text);
        let mut words = Vec::with_capacity(windows.iter().map(|window| window.len()).sum::<usize>() / BYTES_A_WORD);
        let mut tally = ScriptTally::default();
        for window in windows {
            for_each_word(window, |word, ascii| {
                tally.add(word, ascii);
                words.push((word, ascii));
            });
        }
        let mut letters = tally.in_order_of_appearance();
        let kana = take(&mut letters, "Kana");
        let han = take(&mut letters, "Han");
        letters.push(("Han", (han + kana) * WIDE_LETTERS));
        match letters.iter_mut().find(|(script, _)| *script == "Hangul") {
            Some((_, count)) => *count *= WIDE_LETTERS,
            None => letters.push(("Hangul", 0)),
        }
        let (script, count) = letters
            .iter()
            .fold(letters[0], |best, &item| if item.1 > best.1 { item } else { best });
        if count < MIN_LETTERS {
            return Reading::Language(None);
        }
        if script == "Han" {
            let japanese = kana as f64 >= MIN_KANA_SHARE * (han + kana) as f64;
            return Reading::Language(Some(if japanese { "ja" } else { "zh" }.into()));
        }
        if let Some(language) = self.script_language.get(script) {
            return Reading::Language(Some(language.clone()));
        }
        if !self.shared.contains_key(script) {
            return Reading::Language(None);
        }
        match self.function_words.get(script) {
            Some(index) => Reading::Language(self.vote(script, index, &words)),
            None => Reading::NeedsScript(script),
        }
    }

    /// The language of `script` whose function words are most of the words (at least MIN_VOTES).
    fn vote(&self, script: &str, index: &WordIndex, words: &[(&str, bool)]) -> Option<String> {
        let languages = &self.shared[script];
        let mut votes = vec![0usize; languages.len()];
        let mut buffer = [0u8; 32];
        let mut lowered: String; // a word not in ASCII, in lower case
        for &(word, ascii) in words {
            if ascii && word.len() <= PACKED {
                let ranks = index.short.get(pack(word.as_bytes(), 0, word.len(), true));
                add_votes(&mut votes, ranks.copied().unwrap_or(0));
                continue;
            }
            let lower: &[u8] = if ascii && word.len() <= buffer.len() {
                if word.len() > index.longest {
                    continue; // lower case keeps an ASCII word's length: longer than any function word
                }
                let lower = &mut buffer[..word.len()];
                for (to, from) in lower.iter_mut().zip(word.bytes()) {
                    *to = from.to_ascii_lowercase();
                }
                lower
            } else {
                lowered = word.to_lowercase();
                lowered.as_bytes()
            };
            add_votes(&mut votes, index.languages.get(lower).copied().unwrap_or(0));
        }
        let (rank, count) = votes.iter().enumerate().fold(
            (0, 0),
            |best, (rank, &count)| if count > best.1 { (rank, count) } else { best },
        );
        (count >= MIN_VOTES).then(|| languages[rank].clone())
    }
}

/// A vote for each language whose bit `ranks` holds (the language of rank `r` at bit `r`).
fn add_votes(votes: &mut [usize], mut ranks: u64) {
    while ranks != 0 {
        votes[ranks.trailing_zeros() as usize] += 1;
        ranks &= ranks - 1;
    }
}

/// The letters of each script in a text's words, and the order in which the scripts first appear.
#[derive(Debug)]
struct ScriptTally {
    counts: [usize; SCRIPT_NAMES.len()],
    order: Vec<usize>,
}

impl Default for ScriptTally {
    fn default() -> Self {
        ScriptTally {
            counts: [0; SCRIPT_NAMES.len()],
            order: Vec::new(),
        }
    }
}

impl ScriptTally {
    /// Count the letters of `word` (`ascii`: it is in ASCII, whose letters are Latin, the script numbered 0).
    fn add(&mut self, word: &str, ascii: bool) {
        if ascii {
            self.count(0, word.len());
            return;
        }
        for c in word.chars() {
            if let Some(script) = if c.is_ascii() { Some(0) } else { script_of(c) } {
                self.count(script, 1);
            }
        }
    }

    fn count(&mut self, script: usize, letters: usize) {
        if self.counts[script] == 0 {
            self.order.push(script);
        }
        self.counts[script] += letters;
    }

    /// Each script seen, with its letters, in the order the scripts first appeared.
    fn in_order_of_appearance(&self) -> Vec<(&'static str, usize)> {
        self.order
            .iter()
            .map(|&script| (SCRIPT_NAMES[script], self.counts[script]))
            .collect()
    }
}

/// Remove `script` from `letters` and return its count (0 if it is not there).
fn take(letters: &mut Vec<(&'static str, usize)>, script: &str) -> usize {
    match letters.iter().position(|(name, _)| *name == script) {
        Some(at) => letters.remove(at).1,
        None => 0,
    }
}

/// The windows a text is read from: the start, the middle and the end of a long text; a short text whole
/// (and two empty windows). No word spans two windows.
pub fn windows(text: &str) -> [&str; 3] {
    if text.len() <= 3 * SAMPLE_WINDOW {
        return [text, "", ""]; // no more code points than bytes
    }
    let length = text.chars().count();
    if length <= 3 * SAMPLE_WINDOW {
        return [text, "", ""];
    }
    let middle = (length - SAMPLE_WINDOW) / 2;
    // the windows counted on from the start (the last from the middle one), or the last back from the end in ASCII
    let first_end = byte_offset(text, SAMPLE_WINDOW);
    let middle_start = first_end + byte_offset(&text[first_end..], middle - SAMPLE_WINDOW);
    let middle_end = middle_start + byte_offset(&text[middle_start..], SAMPLE_WINDOW);
    let last_start = match text.len() - SAMPLE_WINDOW {
        start if text.as_bytes()[start..].is_ascii() => start,
        _ => middle_end + byte_offset(&text[middle_end..], length - middle - 2 * SAMPLE_WINDOW),
    };
    [&text[..first_end], &text[middle_start..middle_end], &text[last_start..]]
}

/// Call `found` with each word of `text`, and whether it is in ASCII. Words are runs of letters that
/// are not pieces of a URL, an address, a path or a file name (no word character, and none of
/// `/.:@=?&#%~+-`, next to them; no ".x" after them).
///
/// ```
/// use textclean_native::language::for_each_word;
/// let mut words = Vec::new();
/// for_each_word("See example.com/docs or mail a@b.org, then café.", |word, ascii| words.push((word, ascii)));
/// assert_eq!(words, [("See", true), ("or", true), ("mail", true), ("then", true), ("café", false)]);
/// ```
pub fn for_each_word<'a>(text: &'a str, mut found: impl FnMut(&'a str, bool)) {
    let bytes = text.as_bytes();
    let is_ascii_letter = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&byte| ASCII_CLASSES[usize::from(byte)] & LETTER != 0)
    };
    let mut at = 0;
    while at < bytes.len() {
        if !is_ascii_letter(at) {
            if bytes[at].is_ascii() {
                at += 1;
                continue;
            }
            let (letter, length) = letter_at(text, at);
            if !letter {
                at += length;
                continue;
            }
        }
        let start = at;
        let mut ascii = true;
        loop {
            while is_ascii_letter(at) {
                at += 1;
            }
            if at == bytes.len() || bytes[at].is_ascii() {
                break;
            }
            let (letter, length) = letter_at(text, at);
            if !letter {
                break;
            }
            ascii = false;
            at += length;
        }
        if !is_piece(text, start, at) {
            found(&text[start..at], ascii);
        }
    }
}

/// Whether the character at byte `at` of `text` is a letter, and its length in bytes.
#[inline]
fn letter_at(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        (ASCII_CLASSES[usize::from(byte)] & LETTER != 0, 1)
    } else {
        let c = text[at..].chars().next().expect("a character starts here");
        (is_letter(c), c.len_utf8())
    }
}

/// Whether the run of letters `text[start..end]` is a piece of a URL, an address, a path or a file name.
#[inline]
fn is_piece(text: &str, start: usize, end: usize) -> bool {
    // a character not in ASCII stands next to a word as a word character or not at all
    let bytes = text.as_bytes();
    let stands_before = match start.checked_sub(1).map(|before| bytes[before]) {
        None => false,
        Some(byte) if byte.is_ascii() => ASCII_CLASSES[usize::from(byte)] & (PIECE_BEFORE | WORD) != 0,
        Some(_) => text[..start].chars().next_back().is_some_and(is_word),
    };
    stands_before
        || match bytes.get(end) {
            None => false,
            Some(b'.') => text[end + 1..].chars().next().is_some_and(is_word),
            Some(&byte) if byte.is_ascii() => ASCII_CLASSES[usize::from(byte)] & (PIECE_AFTER | WORD) != 0,
            Some(_) => text[end..].chars().next().is_some_and(is_word),
        }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> LanguageReader {
        let own = [("Greek", "el"), ("Hangul", "ko"), ("Thai", "th")];
        let mut reader = LanguageReader::new(
            own.iter().map(|(s, l)| (s.to_string(), l.to_string())).collect(),
            HashMap::from([("Latin".into(), vec!["en".into(), "de".into()])]),
        )
        .unwrap();
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
        reader.add_script(
            "Latin",
            vec![
                ("en".into(), words(&["the", "and", "is", "nevertheless"])),
                ("de".into(), words(&["der", "und", "ist", "überall"])),
            ],
        );
        reader
    }

    #[test]
    fn the_script_decides_first() {
        let reader = reader();
        assert_eq!(
            reader.read("我们明天去北京看望爷爷奶奶。"),
            Reading::Language(Some("zh".into()))
        );
        assert_eq!(
            reader.read("東京都は新しい計画を発表した。"),
            Reading::Language(Some("ja".into()))
        );
        assert_eq!(
            reader.read("Καλημέρα σε όλους τους φίλους"),
            Reading::Language(Some("el".into()))
        );
        assert_eq!(reader.read("Hello"), Reading::Language(None));
    }

    #[test]
    fn function_words_decide_within_a_shared_script() {
        let reader = reader();
        assert_eq!(
            reader.read("Der Hund ist alt und der Garten ist groß."),
            Reading::Language(Some("de".into()))
        );
        assert_eq!(
            reader.read("The dog is old and the garden is big."),
            Reading::Language(Some("en".into()))
        );
        assert_eq!(
            reader.read("DER HUND IST ALT UND DER GARTEN GROSS, ÜBERALL BLUMEN."),
            Reading::Language(Some("de".into()))
        );
        assert_eq!(
            reader.read("Nevertheless, und nevertheless; NEVERTHELESS der Hund."),
            Reading::Language(Some("en".into()))
        );
        let without =
            LanguageReader::new(HashMap::new(), HashMap::from([("Cyrillic".into(), vec!["ru".into()])])).unwrap();
        assert_eq!(
            without.read("Москва — столица России"),
            Reading::NeedsScript("Cyrillic")
        );
    }

    /// The words of a text as the definition reads: runs of letters, char by char, with no word character
    /// and none of the pieces' characters next to them, and no ".x" after them.
    fn words_by_definition(text: &str) -> Vec<&str> {
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let mut words = Vec::new();
        let mut at = 0;
        while at < chars.len() {
            if !is_letter(chars[at].1) {
                at += 1;
                continue;
            }
            let first = at;
            while at < chars.len() && is_letter(chars[at].1) {
                at += 1;
            }
            let before = first.checked_sub(1).map(|i| chars[i].1);
            let after = chars.get(at).map(|&(_, c)| c);
            let piece_before = before.is_some_and(|c| "/.:@=?&#%~+-".contains(c) || is_word(c));
            let piece_after = match after {
                Some('.') => chars.get(at + 1).is_some_and(|&(_, c)| is_word(c)),
                Some(c) => "/:@=?&#%~+-".contains(c) || is_word(c),
                None => false,
            };
            if !piece_before && !piece_after {
                let end = chars.get(at).map_or(text.len(), |&(i, _)| i);
                words.push(&text[chars[first].0..end]);
            }
        }
        words
    }

    proptest::proptest! {
        #[test]
        fn words_are_the_runs_of_letters_that_are_not_pieces(
            text in "[a-zA-Zé_1 ./:@=?&#%~+\\-\n\u{0301}\u{4e00}\u{0660}\u{212a}\u{0130}]{0,60}"
        ) {
            let mut words = Vec::new();
            for_each_word(&text, |word, ascii| {
                assert_eq!(ascii, word.is_ascii());
                words.push(word);
            });
            proptest::prop_assert_eq!(words, words_by_definition(&text));
        }

        #[test]
        fn words_are_read_paragraph_by_paragraph_as_from_the_whole_text(text in "[a-zé1 ./:@\\-\n]{0,80}") {
            // no word spans a line break or looks across one
            let words_of = |text| {
                let mut words = Vec::new();
                for_each_word(text, |word, _| words.push(word));
                words
            };
            let by_paragraph: Vec<&str> = text.split("\n\n").flat_map(words_of).collect();
            proptest::prop_assert_eq!(by_paragraph, words_of(&text));
        }
    }

    #[test]
    fn the_windows_of_a_text_not_in_ascii_are_counted_in_code_points() {
        let text: String = (0..7003).map(|i| ['a', 'é', '€', '😀'][i % 4]).collect();
        let byte = |point: usize| text.char_indices().nth(point).map_or(text.len(), |(at, _)| at);
        let middle = (7003 - SAMPLE_WINDOW) / 2;
        let expected = [
            &text[..byte(SAMPLE_WINDOW)],
            &text[byte(middle)..byte(middle + SAMPLE_WINDOW)],
            &text[byte(7003 - SAMPLE_WINDOW)..],
        ]
        .join("\n");
        assert_eq!(windows(&text).join("\n"), expected);
    }

    proptest::proptest! {
        #[test]
        fn the_windows_of_a_long_text_are_its_code_points_at_the_start_the_middle_and_the_end(
            pieces in proptest::collection::vec(("[aé€😀]{0,3}", 0usize..3000), 1..8)
        ) {
            let text: String = pieces.iter().map(|(odd, run)| format!("{odd}{}", "a".repeat(*run))).collect();
            let length = text.chars().count();
            let byte = |point: usize| text.char_indices().nth(point).map_or(text.len(), |(at, _)| at);
            let middle = (length - SAMPLE_WINDOW.min(length)) / 2;
            let expected = if length <= 3 * SAMPLE_WINDOW {
                [text.as_str(), "", ""]
            } else {
                [
                    &text[..byte(SAMPLE_WINDOW)],
                    &text[byte(middle)..byte(middle + SAMPLE_WINDOW)],
                    &text[byte(length - SAMPLE_WINDOW)..],
                ]
            };
            proptest::prop_assert_eq!(windows(&text), expected);
        }
    }

    #[test]
    fn a_long_text_is_read_from_three_windows() {
        let text = format!("{}{}{}", "a".repeat(3000), "b".repeat(3001), "c".repeat(3000));
        let sampled = windows(&text).join("\n");
        assert_eq!(sampled.chars().count(), 6002);
        assert!(sampled.starts_with('a') && sampled.ends_with('c') && sampled.contains("\nbb"));
    }
}
