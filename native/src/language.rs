//! Read the language of a text: the script of its letters first, then, for scripts that many
//! languages share, the function words of those languages.
//!
//! Only words of the text count: runs of letters that are not pieces of a URL, an address, a path
//! or a file name. A long text is read from three windows (its start, middle and end).

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use crate::unicode::is_word;

/// A script of its own names its language from this many letters on.
pub const MIN_LETTERS: usize = 15;
/// A character of Han, kana or Hangul counts as this many letters: it holds a syllable or a word.
pub const WIDE_LETTERS: usize = 3;
/// Japanese writes kana between its Han characters (a tenth of them or more); Chinese writes none.
pub const MIN_KANA_SHARE: f64 = 0.1;
/// A text names a language of a shared script with at least this many of its function words.
pub const MIN_VOTES: usize = 3;
/// The language is read from three windows of this many characters.
pub const SAMPLE_WINDOW: usize = 2000;

/// A run of letters (and the marks on them).
static LETTERS: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[\p{L}\p{M}]+").unwrap());
/// Characters that make a run of letters a piece of a URL, an address or a path when they stand next to it.
const BEFORE_A_PIECE: &[char] = &['/', '.', ':', '@', '=', '?', '&', '#', '%', '~', '+', '-'];
const AFTER_A_PIECE: &[char] = &['/', ':', '@', '=', '?', '&', '#', '%', '~', '+', '-'];

/// What a text's letters tell: its language, or that the function words of a shared script must
/// decide and the reader does not have them yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reading {
    Language(Option<String>),
    NeedsScript(String),
}

/// A reader of languages: the scripts that name one language, and the function words of the
/// languages of the shared scripts, given as they are needed.
#[derive(Debug)]
pub struct LanguageReader {
    scripts: Regex,
    script_names: Vec<String>,
    script_language: HashMap<String, String>,
    shared: HashMap<String, Vec<String>>,
    /// For each shared script whose function words were given: each word and the languages it is one of.
    function_words: HashMap<String, HashMap<String, Vec<usize>>>,
}

impl LanguageReader {
    /// Make a reader: `script_language` maps a script to the one language it names; `shared` maps a
    /// shared script to its languages in order of preference (a tie goes to the first).
    ///
    /// Script names are Unicode's ("Latin", "Greek", "Han"); "Kana" stands for Hiragana and Katakana.
    pub fn new(script_language: HashMap<String, String>, shared: Vec<(String, Vec<String>)>) -> Result<Self, String> {
        let mut names: Vec<String> = shared.iter().map(|(script, _)| script.clone()).collect();
        let mut own: Vec<&String> = script_language.keys().collect();
        own.sort();
        names.extend(own.into_iter().cloned());
        names.push("Han".into());
        let mut pattern: Vec<String> = names.iter().map(|name| format!(r"(\p{{sc={name}}}+)")).collect();
        pattern.push(r"([\p{sc=Hiragana}\p{sc=Katakana}]+)".into());
        names.push("Kana".into());
        let scripts = Regex::new(&pattern.join("|")).map_err(|error| error.to_string())?;
        Ok(LanguageReader {
            scripts,
            script_names: names,
            script_language,
            shared: shared.into_iter().collect(),
            function_words: HashMap::new(),
        })
    }

    /// Give the function words of each language of a shared script.
    pub fn add_script(&mut self, script: &str, languages: Vec<(String, Vec<String>)>) {
        let order = self.shared.get(script).cloned().unwrap_or_default();
        let mut index: HashMap<String, Vec<usize>> = HashMap::new();
        for (language, words) in languages {
            if let Some(rank) = order.iter().position(|known| *known == language) {
                for word in words {
                    index.entry(word).or_default().push(rank);
                }
            }
        }
        self.function_words.insert(script.to_string(), index);
    }

    /// Read the main language of `text`.
    pub fn read(&self, text: &str) -> Reading {
        let sample = sample(text);
        let paragraphs: Vec<Vec<&str>> = sample.split("\n\n").map(paragraph_words).collect();
        let joined: String = paragraphs.iter().flatten().copied().collect();
        let mut letters = self.script_letters(&joined);
        let kana = take(&mut letters, "Kana");
        let han = take(&mut letters, "Han");
        letters.push(("Han".into(), (han + kana) * WIDE_LETTERS));
        match letters.iter_mut().find(|(script, _)| script == "Hangul") {
            Some((_, count)) => *count *= WIDE_LETTERS,
            None => letters.push(("Hangul".into(), 0)),
        }
        let (script, count) = letters
            .iter()
            .fold(&letters[0], |best, item| if item.1 > best.1 { item } else { best });
        if *count < MIN_LETTERS {
            return Reading::Language(None);
        }
        if script == "Han" {
            let japanese = kana as f64 >= MIN_KANA_SHARE * (han + kana) as f64;
            return Reading::Language(Some(if japanese { "ja" } else { "zh" }.into()));
        }
        if let Some(language) = self.script_language.get(script) {
            return Reading::Language(Some(language.clone()));
        }
        match self.function_words.get(script) {
            Some(index) => Reading::Language(self.vote(script, index, &paragraphs)),
            None => Reading::NeedsScript(script.clone()),
        }
    }

    /// Count the letters of each script in `words`, in the order the scripts first appear.
    fn script_letters(&self, words: &str) -> Vec<(String, usize)> {
        if words.is_ascii() {
            return if words.is_empty() {
                vec![]
            } else {
                vec![("Latin".into(), words.len())]
            };
        }
        let mut letters: Vec<(String, usize)> = Vec::new();
        for run in self.scripts.captures_iter(words) {
            let Some((group, found)) = run.iter().enumerate().skip(1).find_map(|(i, found)| Some((i, found?))) else {
                continue;
            };
            let name = &self.script_names[group - 1];
            let count = found.as_str().chars().count();
            match letters.iter_mut().find(|(script, _)| script == name) {
                Some((_, total)) => *total += count,
                None => letters.push((name.clone(), count)),
            }
        }
        letters
    }

    /// The language of `script` whose function words are most of the words (at least MIN_VOTES).
    fn vote(&self, script: &str, index: &HashMap<String, Vec<usize>>, paragraphs: &[Vec<&str>]) -> Option<String> {
        let languages = &self.shared[script];
        let mut votes = vec![0usize; languages.len()];
        for word in paragraphs.iter().flatten() {
            if let Some(ranks) = index.get(&word.to_lowercase()) {
                for &rank in ranks {
                    votes[rank] += 1;
                }
            }
        }
        let (rank, count) = votes.iter().enumerate().fold(
            (0, 0),
            |best, (rank, &count)| if count > best.1 { (rank, count) } else { best },
        );
        (count >= MIN_VOTES).then(|| languages[rank].clone())
    }
}

/// Remove `script` from `letters` and return its count (0 if it is not there).
fn take(letters: &mut Vec<(String, usize)>, script: &str) -> usize {
    match letters.iter().position(|(name, _)| name == script) {
        Some(at) => letters.remove(at).1,
        None => 0,
    }
}

/// The start, the middle and the end of a long text, joined by line breaks; a short text whole.
pub fn sample(text: &str) -> std::borrow::Cow<'_, str> {
    let length = text.chars().count();
    if length <= 3 * SAMPLE_WINDOW {
        return text.into();
    }
    let byte = |point: usize| text.char_indices().nth(point).map_or(text.len(), |(at, _)| at);
    let middle = (length - SAMPLE_WINDOW) / 2;
    let parts = [
        &text[..byte(SAMPLE_WINDOW)],
        &text[byte(middle)..byte(middle + SAMPLE_WINDOW)],
        &text[byte(length - SAMPLE_WINDOW)..],
    ];
    parts.join("\n").into()
}

/// The words of a paragraph: runs of letters that are not pieces of a URL, an address, a path or a
/// file name (no word character, and none of `/.:@=?&#%~+-`, next to them; no ".x" after them).
///
/// ```
/// use textclean_native::language::paragraph_words;
/// assert_eq!(paragraph_words("See example.com/docs or mail a@b.org, then rest."), ["See", "or", "mail", "then", "rest"]);
/// ```
pub fn paragraph_words(paragraph: &str) -> Vec<&str> {
    let mut words = Vec::new();
    for run in LETTERS.find_iter(paragraph) {
        let before = paragraph[..run.start()].chars().next_back();
        if before.is_some_and(|c| BEFORE_A_PIECE.contains(&c) || is_word(c)) {
            continue;
        }
        let mut after = paragraph[run.end()..].chars();
        let piece = match after.next() {
            Some('.') => after.next().is_some_and(is_word),
            Some(c) => AFTER_A_PIECE.contains(&c) || is_word(c),
            None => false,
        };
        if !piece {
            words.push(run.as_str());
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reader() -> LanguageReader {
        let own = [("Greek", "el"), ("Hangul", "ko"), ("Thai", "th")];
        let mut reader = LanguageReader::new(
            own.iter().map(|(s, l)| (s.to_string(), l.to_string())).collect(),
            vec![("Latin".into(), vec!["en".into(), "de".into()])],
        )
        .unwrap();
        let words = |list: &[&str]| list.iter().map(|w| w.to_string()).collect();
        reader.add_script(
            "Latin",
            vec![
                ("en".into(), words(&["the", "and", "is"])),
                ("de".into(), words(&["der", "und", "ist"])),
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
        let without = LanguageReader::new(HashMap::new(), vec![("Cyrillic".into(), vec!["ru".into()])]).unwrap();
        assert_eq!(
            without.read("Москва — столица России"),
            Reading::NeedsScript("Cyrillic".into())
        );
    }

    #[test]
    fn a_long_text_is_read_from_three_windows() {
        let text = format!("{}{}{}", "a".repeat(3000), "b".repeat(3001), "c".repeat(3000));
        let sampled = sample(&text);
        assert_eq!(sampled.chars().count(), 6002);
        assert!(sampled.starts_with('a') && sampled.ends_with('c') && sampled.contains("\nbb"));
    }
}
