//! The `markup` step: formatting markup out (emphasis, heading markers, rules, quote markers, list
//! markers, table pipes, stray tags), the words and the lines kept.
//!
//! Each round reads the tokens of [`formatting::tokenize`] and turns each into an edit: a token that is
//! a whole line (a rule, a table's rule, an empty list item) goes with its line break, and with the
//! blank lines after it when it follows a blank line or starts the text, so that no blank line is left
//! doubled; an empty emphasis takes the space before it along. Taking markup out can make new markup
//! (`*a **b** c*`), so rounds run until one finds nothing (see [`edits::until_settled`]).

use crate::edits::{self, Edit};
use crate::formatting::{self, char_at, char_before, skip_blanks, Kind};
use crate::unicode::is_python_space;

/// What the step takes out besides emphasis, rules, quote markers and tags.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// A heading's `#` marker (its words stay on their line).
    pub headings: bool,
    /// The bullets and numbers of list items.
    pub list_markers: bool,
    /// A table's pipes (a tab between two cells) and the rule under its header.
    pub tables: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            headings: true,
            list_markers: false,
            tables: true,
        }
    }
}

impl Options {
    /// The mask of the kinds of markup taken out.
    fn kinds(self) -> u32 {
        let taken_out = |kind| match kind {
            Kind::Heading => self.headings,
            Kind::ListMarker => self.list_markers,
            Kind::Cell | Kind::TableRule => self.tables,
            _ => true,
        };
        Kind::ALL
            .into_iter()
            .filter(|&kind| taken_out(kind))
            .fold(0, |mask, kind| mask | kind.bit())
    }
}

/// The rule that explains the edit of a token of `kind`.
fn rule(kind: Kind) -> &'static str {
    match kind {
        Kind::Emphasis => "emphasis",
        Kind::EmptyEmphasis => "empty-emphasis",
        Kind::Heading => "heading-marker",
        Kind::Rule => "horizontal-rule",
        Kind::TableRule => "table-rule",
        Kind::EmptyItem => "empty-list-item",
        Kind::Quote => "quote-marker",
        Kind::ListMarker => "list-marker",
        Kind::Cell => "table-pipe",
        Kind::Tag => "html-tag",
    }
}

/// Find the edits that take the formatting markup out of `text`, byte offsets of `text`.
///
/// ```
/// use textclean_native::{edits::apply, markup::{find_edits, Options}};
/// let text = "## The **big** news\n\n* * *\n\n> 2 * 3";
/// assert_eq!(apply(text, &find_edits(text, Options::default())), "The big news\n\n2 * 3");
/// ```
pub fn find_edits(text: &str, options: Options) -> Vec<Edit> {
    let kinds = options.kinds();
    edits::until_settled(text, |current| find_round(current, kinds))
}

/// The edits of one round: one for each token of the kinds in the mask `kinds`.
fn find_round(text: &str, kinds: u32) -> Vec<Edit> {
    let mut edits: Vec<Edit> = Vec::new();
    for token in formatting::tokenize(text, kinds) {
        let (mut start, mut end) = (token.start, token.end);
        let last_end = edits.last().map_or(0, |edit| edit.end);
        match token.kind {
            Kind::Rule | Kind::TableRule | Kind::EmptyItem => {
                end = line_span_end(text, start, end);
                if start < last_end {
                    continue;
                }
            }
            Kind::EmptyEmphasis if start > last_end && matches!(text.as_bytes()[start - 1], b' ' | b'\t') => {
                start -= 1; // the space before it goes too
            }
            _ => {}
        }
        edits.push(Edit {
            start,
            end,
            new: token.text.to_string(),
            rule: rule(token.kind).into(),
        });
    }
    edits
}

/// Where the edit of a whole-line token `start..end` ends: after its line break, and after the blank
/// lines (of spaces and tabs) that follow if the line before it is blank or there is none.
fn line_span_end(text: &str, start: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut end = end + char_at(text, end).map_or(0, char::len_utf8);
    // the line before it, read backwards from its break: blank (of any space Python strips) or none
    let before = start - char_before(text, start).map_or(0, char::len_utf8);
    let mut previous_line = text[..before].chars().rev().take_while(|&c| c != '\n');
    if previous_line.all(is_python_space) {
        loop {
            let blanks = skip_blanks(bytes, end);
            if bytes.get(blanks) != Some(&b'\n') {
                break;
            }
            end = blanks + 1;
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::apply;
    use proptest::prelude::*;

    fn clean(text: &str) -> String {
        apply(text, &find_edits(text, Options::default()))
    }

    fn rules(text: &str) -> Vec<String> {
        find_edits(text, Options::default())
            .into_iter()
            .map(|edit| edit.rule.into_owned())
            .collect()
    }

    #[test]
    fn markup_goes_and_words_stay() {
        assert_eq!(clean("## The **big** _news_\n\n* * *\n\n> 2 * 3 * 4, #hashtag"), {
            "The big news\n\n2 * 3 * 4, #hashtag"
        });
        assert_eq!(clean("Team | Points\n---|---\nAjax | 12<br>\n  * x<br>y"), {
            "Team\tPoints\nAjax\t12\n  * x\ny"
        });
        assert_eq!(clean("[ __](x) __ icons ****"), "[](x) icons");
    }

    #[test]
    fn whole_lines_go_with_the_blank_lines_after_a_blank_line() {
        assert_eq!(clean("Intro\n\n* * *\n\nNext"), "Intro\n\nNext");
        assert_eq!(clean("Intro\n___\n\nNext"), "Intro\n\nNext");
        assert_eq!(clean("---\r\n\nNext"), "Next");
        assert_eq!(clean("a\n\u{3000}\n---\n\nb"), "a\n\u{3000}\nb");
    }

    #[test]
    fn rounds_take_out_markup_that_markup_hid() {
        assert_eq!(clean("*a **b** c*"), "a b c");
        assert_eq!(clean("**_both_**"), "both");
        assert_eq!(rules("x <**b**> y"), ["html-tag+emphasis"]);
    }

    #[test]
    fn options_keep_their_markup() {
        let keep_all = Options {
            headings: false,
            list_markers: false,
            tables: false,
        };
        let text = "## T\n1. a\nx | y\n---|---";
        assert_eq!(apply(text, &find_edits(text, keep_all)), text);
        let drop_all = Options {
            headings: true,
            list_markers: true,
            tables: true,
        };
        assert_eq!(apply(text, &find_edits(text, drop_all)), "T\na\nx\ty\n");
    }

    #[test]
    fn long_runs_take_linear_time() {
        // reading each line token's previous line from its start would take minutes here
        let texts: [fn(usize) -> String; 3] = [
            |n| "x".repeat(n) + &"\r---".repeat(n),
            |n| "<**".repeat(n),
            |n| "\n \n---".repeat(n),
        ];
        for text in texts {
            crate::testing::assert_linear(2_500, text, |text| {
                find_edits(text, Options::default());
            });
        }
    }

    proptest! {
        #[test]
        fn edits_are_sorted_apart_on_characters_and_settled(
            text in "[*_#>|\\-:+0-9٣ \t\n\r<>/!a-zBé\u{3000}\u{2028}]{0,60}|(<(/?(br|span|div|B)|!--)|\\*\\*_a_\\*\\*|\\|---\\|\n|[*_ \n|-]|a)*",
            headings: bool,
            list_markers: bool,
            tables: bool,
        ) {
            let options = Options { headings, list_markers, tables };
            let edits = find_edits(&text, options);
            for pair in edits.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
            for edit in &edits {
                prop_assert!(edit.start <= edit.end && edit.end <= text.len());
                prop_assert!(text.is_char_boundary(edit.start) && text.is_char_boundary(edit.end));
            }
            let once = apply(&text, &edits);
            prop_assert!(find_edits(&once, options).is_empty(), "{:?} -> {:?}", text, once);
        }
    }
}
