//! The joins of one round of the `linewrap` cleaner: the breaks that a wrap made, and the blank lines
//! that fall inside a sentence.
//!
//! A converter or a mail client sometimes leaves a blank line in the middle of a sentence. Such a
//! blank line is mended (the lines around it joined) where the line before it ends in a plain word or
//! a dash, the line after it starts with a word at the same quote depth and indentation and in the
//! same kind of script (with case or without), and the line before is no title; and then where the
//! sentence goes on in lower case after a paragraph long enough to be prose, or, where the next
//! line's first word would not have fitted at a sure wrap width, where the sentence goes on in lower
//! case or breaks off mid-phrase before a capital: after a comma, a dash, a possessive, an open
//! bracket or a function word. Which words are function words depends on the line's language, so
//! that last test is asked of the caller ([`FunctionWordQuestion`]).

use crate::linewrap::{Breaks, LineKind, Lines, CLOSERS, ENDS_SENTENCE, HARD_BREAK, OPENERS, STARTS_LOWER};
use crate::linewrap_joins::{Join, LineSpans};
use crate::unicode::{is_alnum, is_alpha, is_letter, is_letter_only, is_lower, is_number, is_python_space, is_upper};

/// Without a sure wrap width, a sentence goes on across a blank line only after a paragraph this long
/// (in characters; its lines are looked back over as far as this many) ...
const MIN_BLANK_MEND_LENGTH: usize = 40;
/// ... and of this many words; a sentence that goes on with a capital has this many words after the blank line.
const MIN_BLANK_MEND_WORDS: usize = 4;
/// A line that ends in one of these (or in a word) breaks off a sentence.
const GOES_ON_MARKS: &[char] = &[',', '—', '–', '-'];
/// Marks of a link's URL, an image, a table or a form's field: a word that holds one is markup.
const MARKUP_MARKS: &[char] = &['/', ']', '<', '>', '|', '=', '_', '@', '#'];

/// A blank line whose mend the caller decides: it is mended if `word`, the last word of the line
/// before it (`line_text`, after quote markers and indentation), is all lower case and a function
/// word of that line's language.
#[derive(Debug, PartialEq, Eq)]
pub struct FunctionWordQuestion<'a> {
    /// The line before the blank line.
    pub line: usize,
    pub word: &'a str,
    pub line_text: &'a str,
}

/// What the lines around a blank line say of it.
enum Mend<'a> {
    Yes,
    No,
    Ask(FunctionWordQuestion<'a>),
}

/// The joins of one round, in order: one for each break that a wrap made and, with `mend_blank_lines`,
/// one for each blank line inside a sentence (joining the lines around it); and the blank lines whose
/// mend depends on a function word, for the caller to decide.
///
/// ```
/// use textclean_native::linewrap::read_breaks;
/// use textclean_native::linewrap_blanks::round_joins;
/// use textclean_native::linewrap_joins::LineSpans;
/// let text = "The council said that the plan to close the old library on the\n\nhill would be dropped.";
/// let (lines, breaks) = read_breaks(text, None);
/// let (joins, questions) = round_joins(text, &lines, &breaks, &LineSpans::new(text, &lines), true);
/// assert_eq!((joins[0].before, joins[0].after, joins[0].rule), (0, 2, "blank-line-in-sentence"));
/// assert!(questions.is_empty());
/// ```
pub fn round_joins<'a>(
    text: &'a str,
    lines: &Lines,
    breaks: &Breaks,
    spans: &LineSpans,
    mend_blank_lines: bool,
) -> (Vec<Join>, Vec<FunctionWordQuestion<'a>>) {
    let join = |before: usize, after: usize, rule: &'static str| Join { before, after, rule };
    let mut joins: Vec<Join> = breaks.wraps.iter().map(|&a| join(a, a + 1, "line-wrap")).collect();
    let mut questions = Vec::new();
    if !mend_blank_lines {
        return (joins, questions);
    }
    let kinds = &lines.kinds;
    let blanks = BlankLines { text, lines, spans };
    let mut mended = false;
    for (&a, &fits) in lines.blank_after_text.iter().zip(&breaks.blank_fits) {
        let last = spans.last_char(text, a).unwrap_or(' ');
        // a list item that a wrap joined to the sentence before it is prose too
        let continued = kinds[a] == LineKind::Item && a > 0 && breaks.wraps.binary_search(&(a - 1)).is_ok();
        // most paragraphs end a sentence (or with markup): the cheapest test first
        if (is_alnum(last) || GOES_ON_MARKS.contains(&last))
            && (kinds[a] == LineKind::Text || continued)
            && kinds.get(a + 2) == Some(&LineKind::Text)
        {
            match blanks.mend(a, fits) {
                Mend::Yes => {
                    joins.push(join(a, a + 2, "blank-line-in-sentence"));
                    mended = true;
                }
                Mend::No => {}
                Mend::Ask(question) => questions.push(question),
            }
        }
    }
    if mended {
        joins.sort_by_key(|join| join.before);
    }
    (joins, questions)
}

/// The lines of a text, as the test of its blank lines reads them.
struct BlankLines<'a, 'l> {
    text: &'a str,
    lines: &'l Lines,
    spans: &'l LineSpans,
}

impl<'a> BlankLines<'a, '_> {
    /// Whether the blank line after line `a` broke a sentence (asked where `a` ends in a word or a dash);
    /// `fits` says whether the next line's first word would not have fitted on line `a` at a sure width.
    fn mend(&self, a: usize, fits: bool) -> Mend<'a> {
        let (text, spans) = (self.text, self.spans);
        let line = spans.visible(text, a);
        if !is_plain_word(&line[last_word_start(line)..]) {
            return Mend::No; // the common case: a paragraph that ends with markup (a link, an image)
        }
        let b = a + 2;
        let after = spans.words(text, b);
        let first_word = after.split(' ').next().unwrap_or_default();
        if !starts_with_word(first_word) || first_word.contains(MARKUP_MARKS) {
            return Mend::No;
        }
        if self.layout(a) != self.layout(b) || self.lines.ends[a] & HARD_BREAK != 0 {
            return Mend::No;
        }
        let before = spans.words(text, a);
        let (Some(before_last), Some(after_first)) = (before.chars().next_back(), after.chars().next()) else {
            return Mend::No;
        };
        if is_title(before) || is_caseless(before_last) != is_caseless(after_first) {
            return Mend::No; // a heading, or a change of script (a sentence does not go on in another one)
        }
        let ends = self.lines.ends[b];
        // lower case, and not a lone label
        let lower = ends & STARTS_LOWER != 0 && (after.contains(' ') || ends & ENDS_SENTENCE != 0);
        if lower && self.long_paragraph(a) {
            return Mend::Yes; // a sentence that goes on in lower case, wrapped or not
        }
        if !fits {
            return Mend::No;
        }
        if lower {
            return Mend::Yes;
        }
        // a capital after the blank line: a sentence, not a heading or a button, must go on after it,
        // and the line before must break off mid-phrase
        if after.matches(' ').count() + 1 < MIN_BLANK_MEND_WORDS {
            return Mend::No;
        }
        let word = &before[last_word_start(before)..];
        let opens = word.starts_with(|c: char| OPENERS.contains(c) || c == '[');
        if word.ends_with(GOES_ON_MARKS)
            || word.ends_with("'s")
            || word.ends_with("’s") // a possessive wants its noun
            || (opens && !word.contains(|c: char| CLOSERS.contains(c)))
        // an open bracket
        {
            return Mend::Yes;
        }
        Mend::Ask(FunctionWordQuestion {
            line: a,
            word,
            line_text: before,
        })
    }

    /// A line's quote depth and indentation.
    fn layout(&self, line: usize) -> (usize, usize) {
        let layouts = &self.lines.layouts;
        layouts
            .binary_search_by_key(&line, |layout| layout.line)
            .map_or((0, 0), |at| (layouts[at].depth, layouts[at].indent))
    }

    /// Whether the paragraph that ends with line `a` is long enough to be prose, wrapped or not.
    fn long_paragraph(&self, a: usize) -> bool {
        let (text, spans, kinds) = (self.text, self.spans, &self.lines.kinds);
        let mut first = a;
        while first > 0 && kinds[first - 1] == LineKind::Text && a - first < MIN_BLANK_MEND_LENGTH {
            first -= 1;
        }
        let words: usize = (first..=a).map(|i| spans.words(text, i).matches(' ').count() + 1).sum();
        // as if joined by spaces
        let length: usize = (first..=a)
            .map(|i| spans.visible(text, i).chars().count())
            .sum::<usize>()
            + a
            - first;
        length >= MIN_BLANK_MEND_LENGTH && words >= MIN_BLANK_MEND_WORDS
    }
}

/// Where the last word of a line starts: after its last space.
fn last_word_start(line: &str) -> usize {
    line.rfind(' ').map_or(0, |at| at + 1)
}

/// Whether `word` is a word with nothing of markup in it (after opening quotes and brackets: runs of
/// letters and numbers, each perhaps followed by an apostrophe, `&` or `-`, and perhaps a comma at
/// the end), or a lone dash.
fn is_plain_word(word: &str) -> bool {
    if matches!(word, "—" | "–" | "-") {
        return true;
    }
    let mut chars = word
        .trim_start_matches(|c: char| OPENERS.contains(c) || c == '[')
        .chars()
        .peekable();
    let mut runs = 0;
    loop {
        let mut letters = 0;
        while chars.next_if(|&c| is_letter(c) || is_number(c)).is_some() {
            letters += 1;
        }
        if letters == 0 {
            break;
        }
        runs += 1;
        chars.next_if(|&c| matches!(c, '\'' | '’' | '&' | '-'));
    }
    chars.next_if_eq(&',');
    runs > 0 && chars.next().is_none()
}

/// Whether `word` starts with a letter or a number, after opening quotes and brackets.
fn starts_with_word(word: &str) -> bool {
    word.trim_start_matches(|c: char| OPENERS.contains(c))
        .chars()
        .next()
        .is_some_and(|c| is_letter_only(c) || is_number(c))
}

/// Whether most words of a line are capitalized, as in a title (not a sentence in progress).
fn is_title(line: &str) -> bool {
    let (mut words, mut capitalized) = (0, 0);
    for word in line.split(is_python_space).filter(|word| !word.is_empty()) {
        words += 1;
        capitalized += usize::from(word.chars().next().is_some_and(is_upper));
    }
    capitalized * 2 > words
}

/// Whether a character is a letter of a script without case (Chinese, Japanese, Thai, Arabic, ...).
fn is_caseless(c: char) -> bool {
    is_alpha(c) && !is_upper(c) && !is_lower(c)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::linewrap::read_breaks;

    /// The joins of a round, as (line before, line after, rule), and the questions, as (line, word, line's text).
    type Round = (Vec<(usize, usize, String)>, Vec<(usize, String, String)>);

    fn joins_of(text: &str) -> Round {
        let (lines, breaks) = read_breaks(text, None);
        let spans = LineSpans::new(text, &lines);
        let (joins, questions) = round_joins(text, &lines, &breaks, &spans, true);
        let joins = joins
            .into_iter()
            .map(|join| (join.before, join.after, join.rule.to_string()))
            .collect();
        let questions = questions
            .into_iter()
            .map(|question| (question.line, question.word.to_string(), question.line_text.to_string()))
            .collect();
        (joins, questions)
    }

    #[test]
    fn a_plain_word_has_no_markup_and_a_lone_dash_is_one() {
        for word in ["word", "«Wort,", "[rock-n-roll", "AT&T", "l’été", "2024", "—", "naïve,"] {
            assert!(is_plain_word(word), "{word}");
        }
        for word in ["", "a.", "[link](url)", "--", "a,,", "(", "x/y", "a--b", "rock-'n"] {
            assert!(!is_plain_word(word), "{word}");
        }
    }

    #[test]
    fn a_word_starts_with_a_letter_or_number_after_opening_quotes() {
        assert!(starts_with_word("«Wort") && starts_with_word("¿Qué") && starts_with_word("3"));
        assert!(!starts_with_word("[link") && !starts_with_word("\u{301}a") && !starts_with_word(""));
    }

    #[test]
    fn titles_are_mostly_capitalized_and_caseless_scripts_have_no_case() {
        assert!(is_title("The Old Harbour") && !is_title("the old Harbour") && !is_title(""));
        assert!(is_caseless('港') && !is_caseless('a') && !is_caseless('A') && !is_caseless('1'));
    }

    #[test]
    fn a_blank_line_inside_a_sentence_is_mended_and_one_after_a_sentence_is_not() {
        let (joins, _) = joins_of("The council said that the plan to close the library\n\nwould be dropped.");
        assert_eq!(joins, [(0, 2, "blank-line-in-sentence".to_string())]);
        let (joins, _) = joins_of("The council said that the plan would be dropped.\n\nIt met again.");
        assert!(joins.is_empty());
        let (joins, _) = joins_of("The council said that the plan to close the library\n\n> would be dropped.");
        assert!(joins.is_empty()); // another quote depth
    }

    #[test]
    fn a_capital_after_a_function_word_is_asked_about_and_after_a_comma_is_mended() {
        let wrapped = "The council met on Monday and said that the plan to close the old library\n\
                       on the hill would be dropped after all of the protests by the people of the\n\
                       town and the villages around it, as the mayor had promised before the\n\n";
        let (joins, questions) = joins_of(&format!("{wrapped}Summer Fair opened on the square."));
        assert_eq!(joins.len(), 2);
        assert_eq!(
            questions,
            [(
                2,
                "the".to_string(),
                "town and the villages around it, as the mayor had promised before the".to_string()
            )]
        );
        let comma = wrapped.replace("before the\n\n", "before the fair,\n\n");
        let (joins, questions) = joins_of(&format!("{comma}Summer Fair opened on the square."));
        assert_eq!((joins.len(), questions.len()), (3, 0));
    }
}
