//! Phrases of the furniture lexicon, matched where a line may open with one.
//!
//! The lexicon writes its phrases as regular expressions in Python's syntax: words, alternations,
//! optional groups, `\s+` between words, `\d` and `\w`. A set of them opens a line at a place when one
//! of them matches there, case-insensitively, as whole words (no word character before or after it),
//! the first of them that does, as Python's `regex` module tries them. The `regex` crate matches them
//! in linear time; `\w` and `\d` are spelled out from the tables of `unicode_tables.rs`, so that they
//! mean what they mean to Python's `regex` module, and so are the characters it takes for each other when
//! it ignores case.

use crate::forward::Forward;
use crate::unicode::{case_partners, is_word};
use crate::unicode_tables::{DIGIT, WORD};

/// The memory a pattern of the lexicon may take for the states its matcher learns. The lines it reads are
/// short and most of them fail within a few characters, but pages in many scripts lead it through many
/// states: with less room it forgets them and learns them again (at 256 KB, an eighth of the classifier's time).
pub const DFA_CACHE: usize = 2048 * 1024;

/// How a set of phrases ignores case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Folding {
    /// As Python's `regex` module does: the characters it takes for each other (see [`case_partners`]).
    Python,
    /// As the `regex` crate does, by Unicode's simple case folding: "İ" is no "i", "ı" no "I". The
    /// lexicon's test of whether any phrase opens a line has always folded so.
    Simple,
}

/// A set of phrases that may open a line.
#[derive(Debug)]
pub struct Phrases {
    /// The phrases (group 1) and the character after them, if any: what Python's `(?!\w)` looks at.
    pattern: Forward,
}

impl Phrases {
    /// Compile `alternation`, the phrases joined by `|` (each a regular expression in Python's syntax), with
    /// room for `cache` bytes of learned states.
    pub fn new(alternation: &str, folding: Folding, cache: usize) -> Result<Phrases, String> {
        let phrases = match folding {
            Folding::Python => format!("({})", translate(alternation, true)),
            Folding::Simple => format!("(?i:({}))", translate(alternation, false)),
        };
        let source = format!(r"\A{phrases}(?:{}|\z)", not_word());
        Ok(Phrases {
            pattern: Forward::new(&source, cache)?,
        })
    }

    /// Whether a phrase opens `text` at byte `start`, as a whole word.
    ///
    /// ```
    /// use textclean_native::phrases::{Folding, Phrases, DFA_CACHE};
    /// let phrases = Phrases::new(r"share\s+this|share|\d+\s+comments?", Folding::Python, DFA_CACHE).unwrap();
    /// assert!(phrases.opens("Share  this", 0) && phrases.opens("12 Comments", 0) && phrases.opens("* share", 2));
    /// assert!(!phrases.opens("Shared", 0) && !phrases.opens("xshare", 1));
    /// ```
    pub fn opens(&self, text: &str, start: usize) -> bool {
        !text[..start].chars().next_back().is_some_and(is_word) && self.pattern.is_match(&text[start..])
    }

    /// Where the phrase that opens `text` at byte `start` as a whole word ends, if one does.
    ///
    /// ```
    /// use textclean_native::phrases::{Folding, Phrases, DFA_CACHE};
    /// let phrases = Phrases::new(r"like\s+this:?|share(?:\s+this)?", Folding::Python, DFA_CACHE).unwrap();
    /// assert_eq!(phrases.end("Share thisx", 0), Some(5));
    /// assert_eq!((phrases.end("Like this:", 0), phrases.end("Like this: a", 0)), (Some(10), Some(10)));
    /// assert_eq!(phrases.end("Sharex", 0), None);
    /// ```
    pub fn end(&self, text: &str, start: usize) -> Option<usize> {
        if text[..start].chars().next_back().is_some_and(is_word) {
            return None;
        }
        let rest = &text[start..];
        let found = self.pattern.end(rest)?;
        let last = rest[..found].chars().next_back();
        match last {
            // the character after the phrase ends the match
            Some(after) if found < rest.len() => Some(start + found - after.len_utf8()),
            // the phrase ends the text: its last character, if any, is one of its own
            None => Some(start),
            Some(last) if is_word(last) => Some(start + found),
            // the last character may be the phrase's or the one after it: the group tells
            Some(_) => self.pattern.group(rest, 1).map(|(_, end)| start + end),
        }
    }
}

/// `pattern`, in Python's syntax, in the `regex` crate's: `\w`, `\W` and `\d` spelled out as classes of the
/// tables and, with `ignore_case`, each character with a case as a class of it and its partners (see
/// [`case_partners`]). Other escapes stay as they are, so `\A` and `\z` may stand in a pattern.
pub(crate) fn translate(pattern: &str, ignore_case: bool) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut in_class = false;
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => match chars.next() {
                Some('w') => out.push_str(&word()),
                Some('W') => out.push_str(&not_word()),
                Some('d') => out.push_str(&digit()),
                // a Unicode property, `\p{Lu}` or `\pL`, has no case of its own
                Some(property @ ('p' | 'P')) => {
                    out.push('\\');
                    out.push(property);
                    let mut name = chars.clone();
                    if name.next() == Some('{') {
                        for c in chars.by_ref() {
                            out.push(c);
                            if c == '}' {
                                break;
                            }
                        }
                    } else if let Some(c) = chars.next() {
                        out.push(c);
                    }
                }
                Some(escaped) => {
                    out.push('\\');
                    out.push(escaped);
                }
                None => out.push('\\'),
            },
            // a group's name, `(?P<name>` or `(?<name>`, has no case either
            '(' if !in_class && chars.as_str().starts_with('?') => {
                let rest = chars.as_str();
                let name = ["?P<", "?<"]
                    .iter()
                    .find(|opening| rest.starts_with(*opening) && !rest[opening.len()..].starts_with(['=', '!']))
                    .and_then(|opening| rest.find('>').filter(|&end| end > opening.len()));
                out.push(c);
                if let Some(end) = name {
                    out.push_str(&rest[..=end]);
                    chars = rest[end + 1..].chars();
                }
            }
            '[' if !in_class => {
                in_class = true;
                out.push(c);
            }
            ']' if in_class => {
                in_class = false;
                out.push(c);
            }
            _ => {
                let mut partners = case_partners(c).filter(|_| ignore_case).peekable();
                if partners.peek().is_none() {
                    out.push(c);
                } else if in_class {
                    out.push(c);
                    out.extend(partners);
                } else {
                    out.push('[');
                    out.push(c);
                    out.extend(partners);
                    out.push(']');
                }
            }
        }
    }
    out
}

/// `\w` of Python's `regex` module.
pub(crate) fn word() -> String {
    class(WORD, false)
}

/// `\W` of Python's `regex` module.
pub(crate) fn not_word() -> String {
    class(WORD, true)
}

/// `\d` of Python's `regex` module.
pub(crate) fn digit() -> String {
    class(DIGIT, false)
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
        let phrases = Phrases::new(
            r"kommentar\w*|leave\s+a\s+(?:comment|reply)|评论",
            Folding::Python,
            DFA_CACHE,
        )
        .unwrap();
        assert!(phrases.opens("Kommentare schreiben", 0));
        assert!(phrases.opens("LEAVE A\tREPLY", 0));
        assert!(phrases.opens("评论", 0) && !phrases.opens("评论员指出", 0));
        assert!(!phrases.opens("leave a replyx", 0) && !phrases.opens("", 0));
    }

    #[test]
    fn case_is_ignored_as_python_ignores_it() {
        let phrases = Phrases::new(r"kopiuj\s+link|ssl|[ec]st", Folding::Python, DFA_CACHE).unwrap();
        assert!(phrases.opens("KOPİUJ LİNK", 0) && phrases.opens("ſſl", 0) && phrases.opens("EST", 0));
        assert!(!phrases.opens("kopıuj link", 0) && !phrases.opens("ßl", 0));
        let upper_i = Phrases::new("I", Folding::Python, DFA_CACHE).unwrap();
        assert!(upper_i.opens("ı", 0) && !upper_i.opens("İ", 0));
        let simple = Phrases::new(r"kopiuj\s+link", Folding::Simple, DFA_CACHE).unwrap();
        assert!(simple.opens("KOPIUJ LINK", 0) && !simple.opens("KOPİUJ LİNK", 0));
    }

    #[test]
    fn escapes_stay_escapes() {
        let phrases = Phrases::new(r"\(c\)\s+\d{4}|a\\w", Folding::Python, DFA_CACHE).unwrap();
        assert!(phrases.opens("(C) 2024", 0) && phrases.opens(r"a\w", 0) && !phrases.opens("ab", 0));
    }

    #[test]
    fn a_phrase_ends_where_python_ends_it() {
        // the first phrase that is followed by no word character, as Python's backtracking finds it
        let phrases = Phrases::new(
            r"tags?:|tags?|\(required\)|more(?: .{0,10})?",
            Folding::Python,
            DFA_CACHE,
        )
        .unwrap();
        assert_eq!(phrases.end("Tags: a, b", 0), Some(5));
        assert_eq!(phrases.end("Tag", 0), Some(3));
        assert_eq!(phrases.end("(Required)", 0), Some(10));
        assert_eq!(phrases.end("(Required).", 0), Some(10));
        assert_eq!(phrases.end("more from us", 0), Some(12));
        assert_eq!(phrases.end("more from our town", 0), Some(13));
        assert_eq!(phrases.end("x: tags", 3), Some(7));
        assert_eq!(phrases.end("xtags", 1), None);
    }
}
