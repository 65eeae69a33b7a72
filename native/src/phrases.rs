//! Phrases of the furniture lexicon, matched where a line may open with one.
//!
//! The lexicon writes its phrases as regular expressions in Python's syntax: words, alternations,
//! optional groups, `\s+` between words, `\d` and `\w`. One set of them opens a line at a place when
//! one of them matches there, case-insensitively, as whole words (no word character before or after
//! it). The `regex` crate matches them in linear time; `\w` and `\d` are spelled out from the tables
//! of `unicode_tables.rs`, so that they mean what they mean to Python's `regex` module.

use regex::{Regex, RegexBuilder};

/// The memory each set of phrases may take for the states its matcher learns: the lexicon holds about a
/// hundred sets, and the lines they are tried on are short.
const DFA_CACHE: usize = 256 * 1024;

use crate::unicode::is_word;
use crate::unicode_tables::{DIGIT, WORD};

/// A set of phrases that may open a line.
#[derive(Debug, Clone)]
pub struct Opening {
    pattern: Regex,
}

impl Opening {
    /// Compile `alternation`, the phrases joined by `|` (each a regular expression in Python's syntax).
    pub fn new(alternation: &str) -> Result<Opening, regex::Error> {
        // the class after the phrase is read without case folding: folding it would only make it larger
        let not_word = class(WORD, true);
        let source = format!(r"\A(?i:{})(?:{not_word}|\z)", translate(alternation));
        let pattern = RegexBuilder::new(&source).dfa_size_limit(DFA_CACHE).build()?;
        Ok(Opening { pattern })
    }

    /// Whether a phrase opens `text` at byte `start`, as a whole word.
    ///
    /// ```
    /// use textclean_native::phrases::Opening;
    /// let opening = Opening::new(r"share\s+this|share|\d+\s+comments?").unwrap();
    /// assert!(opening.opens("Share  this", 0) && opening.opens("12 Comments", 0) && opening.opens("* share", 2));
    /// assert!(!opening.opens("Shared", 0) && !opening.opens("xshare", 1));
    /// ```
    pub fn opens(&self, text: &str, start: usize) -> bool {
        !text[..start].chars().next_back().is_some_and(is_word) && self.pattern.is_match(&text[start..])
    }
}

/// `pattern` with `\w`, `\W` and `\d` spelled out as classes of the tables.
fn translate(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('w') => out.push_str(&class(WORD, false)),
            Some('W') => out.push_str(&class(WORD, true)),
            Some('d') => out.push_str(&class(DIGIT, false)),
            Some(escaped) => {
                out.push('\\');
                out.push(escaped);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// A character class of the ranges of `table` (or of every other character, if `negated`).
fn class(table: &[(u32, u32)], negated: bool) -> String {
    let mut out = String::from(if negated { "[^" } else { "[" });
    for &(first, last) in table {
        out.push_str(&format!(r"\x{{{first:X}}}-\x{{{last:X}}}"));
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_match_whole_words_in_any_case() {
        let opening = Opening::new(r"kommentar\w*|leave\s+a\s+(?:comment|reply)|评论").unwrap();
        assert!(opening.opens("Kommentare schreiben", 0));
        assert!(opening.opens("LEAVE A\tREPLY", 0));
        assert!(opening.opens("评论", 0) && !opening.opens("评论员指出", 0));
        assert!(!opening.opens("leave a replyx", 0) && !opening.opens("", 0));
    }

    #[test]
    fn escapes_stay_escapes() {
        let opening = Opening::new(r"\(c\)\s+\d{4}|a\\w").unwrap();
        assert!(opening.opens("(C) 2024", 0) && opening.opens(r"a\w", 0) && !opening.opens("ab", 0));
    }
}
