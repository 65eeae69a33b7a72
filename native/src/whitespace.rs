//! Layout whitespace: line endings, trailing spaces, runs of blank lines.
//!
//! One pass over the text finds every run of line breaks (with only horizontal space between them)
//! that is not already as it should be: one to `max_blank_lines + 1` plain `\n` after a line that
//! ends with something other than space, before a line that is not blank. Each such run, with the
//! spaces before it, becomes at most `max_blank_lines + 1` plain line breaks; at the start of the
//! text it goes, at the end it becomes one `\n`. Spaces at the very end of the text go too.

use crate::edits::Edit;

/// Horizontal white space: tab, the Unicode space separators (Zs), form feed, vertical tab.
pub fn is_horizontal_space(c: char) -> bool {
    matches!(
        c,
        '\t' | ' ' | '\u{0B}' | '\u{0C}' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}'
    )
}

/// The length in bytes of the line break at byte `pos` (CR LF is one break), 0 if there is none.
fn break_length(text: &str, pos: usize) -> usize {
    let rest = &text.as_bytes()[pos..];
    match rest {
        [b'\r', b'\n', ..] => 2,
        [b'\n' | b'\r', ..] => 1,
        _ if rest.starts_with("\u{2028}".as_bytes()) || rest.starts_with("\u{2029}".as_bytes()) => 3,
        _ => 0,
    }
}

/// Whether `byte` is a space or a tab, the horizontal space of nearly every text: a run of them is counted by its
/// bytes, and only the characters after it decoded.
fn is_space_or_tab(byte: &u8) -> bool {
    matches!(byte, b' ' | b'\t')
}

/// The length in bytes of the horizontal space that starts at byte `pos`.
fn spaces_after(text: &str, pos: usize) -> usize {
    let ascii = text[pos..].bytes().take_while(is_space_or_tab).count();
    let rest = text[pos + ascii..].chars().take_while(|&c| is_horizontal_space(c));
    ascii + rest.map(char::len_utf8).sum::<usize>()
}

/// The length in bytes of the horizontal space that ends at byte `pos` (before a break, seldom any).
fn spaces_before(text: &str, pos: usize) -> usize {
    let mut start = pos;
    while let Some(c) = text[..start].chars().next_back().filter(|&c| is_horizontal_space(c)) {
        start -= c.len_utf8();
    }
    pos - start
}

/// The length of the run of breaks at `pos` if it is as it should be: one to `most` plain `\n`, then
/// a character that is not a break after any horizontal space (an indented line: so the run ends no
/// line with spaces, and the text goes on); 0 if it is not.
fn plain_run(text: &str, pos: usize, most: usize) -> usize {
    let newlines = text.as_bytes()[pos..].iter().take_while(|&&b| b == b'\n').count();
    let next = pos + newlines + spaces_after(text, pos + newlines);
    if (1..=most).contains(&newlines) && next < text.len() && break_length(text, next) == 0 {
        newlines
    } else {
        0
    }
}

/// Count the line breaks of a run: CR LF is one, a paragraph separator (U+2029) is two.
fn count_breaks(run: &str) -> usize {
    let mut breaks = 0;
    let mut chars = run.chars().peekable();
    while let Some(c) = chars.next() {
        breaks += match c {
            '\r' => {
                chars.next_if_eq(&'\n'); // "\r\n" is one break
                1
            }
            '\n' | '\u{2028}' => 1,
            '\u{2029}' => 2,
            _ => 0,
        };
    }
    breaks
}

/// Find the layout edits of `text`, keeping at most `max_blank_lines` blank lines in a row.
///
/// Offsets are in bytes of `text`.
///
/// ```
/// use textclean_native::{edits::apply, whitespace::find_edits};
/// let text = "Title  \r\n\r\n\r\n  indented\t\n\n\n";
/// assert_eq!(apply(text, &find_edits(text, 1)), "Title\n\n  indented\n");
/// ```
pub fn find_edits(text: &str, max_blank_lines: usize) -> Vec<Edit> {
    let most = max_blank_lines.saturating_add(1);
    let bytes = text.as_bytes();
    let mut edits = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        // every break starts with one of these bytes, none of which is inside a longer character
        match memchr::memchr3(b'\n', b'\r', 0xE2, &bytes[pos..]) {
            Some(skipped) => pos += skipped,
            None => break,
        }
        let first = break_length(text, pos);
        if first == 0 {
            pos += 1;
            continue;
        }
        let start = pos - spaces_before(text, pos);
        if pos > 0 && start == pos {
            let plain = plain_run(text, pos, most);
            if plain > 0 {
                pos += plain;
                continue;
            }
        }
        let mut end = pos + first;
        let after_spaces = loop {
            let after_spaces = end + spaces_after(text, end);
            match break_length(text, after_spaces) {
                0 => break after_spaces,
                length => end = after_spaces + length,
            }
        };
        if after_spaces == text.len() {
            end = text.len();
        }
        let old = &text[start..end];
        let (new, rule) = if start == 0 {
            (String::new(), "leading-blank-lines")
        } else if end == text.len() {
            ("\n".to_string(), "trailing-blank-lines")
        } else if old.len() <= most && old.bytes().all(|byte| byte == b'\n') {
            pos = end;
            continue; // line breaks alone, no more than the rule keeps: nothing to change
        } else {
            let breaks = count_breaks(old);
            let rule = if breaks > most { "blank-lines" } else { "line-end" };
            ("\n".repeat(breaks.min(most)), rule)
        };
        if new != old {
            edits.push(Edit {
                start,
                end,
                new,
                rule: rule.into(),
            });
        }
        pos = end;
    }
    let trailing = text.len() - spaces_before(text, text.len());
    if trailing < text.len() && edits.last().is_none_or(|edit| edit.end <= trailing) {
        edits.push(Edit {
            start: trailing,
            end: text.len(),
            new: String::new(),
            rule: "trailing-space".into(),
        });
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::apply;
    use proptest::prelude::*;

    fn clean(text: &str, most: usize) -> String {
        apply(text, &find_edits(text, most))
    }

    fn rules(text: &str) -> Vec<String> {
        find_edits(text, 1)
            .into_iter()
            .map(|edit| edit.rule.into_owned())
            .collect()
    }

    #[test]
    fn line_ends_become_one_newline() {
        assert_eq!(clean("a\r\nb\rc\u{2028}d", 1), "a\nb\nc\nd");
        assert_eq!(clean("a\u{2029}b", 1), "a\n\nb");
        assert_eq!(rules("a  \nb"), ["line-end"]);
    }

    #[test]
    fn a_run_counts_its_breaks_as_the_rule_reads_them() {
        let cases = [
            ("\r\r\n", 2),
            ("\r\n\n", 2),
            ("\u{2029}", 2),
            (" \u{2028} \n\t", 2),
            ("\n\r", 2),
            ("  ", 0),
        ];
        for (run, breaks) in cases {
            assert_eq!(count_breaks(run), breaks, "{run:?}");
        }
        assert_eq!(clean("a\r\r\nb", 1), "a\n\nb");
        assert!(find_edits("a\n\nb\nc", 1).is_empty());
    }

    #[test]
    fn runs_of_blank_lines_shrink_to_the_bound() {
        assert_eq!(clean("a\n\n\n\nb", 1), "a\n\nb");
        assert_eq!(clean("a\n\n\n\nb", 2), "a\n\n\nb");
        assert_eq!(clean("a\n \t\n\u{3000}\nb", 0), "a\nb");
        assert_eq!(rules("a\n\n\n\nb"), ["blank-lines"]);
    }

    #[test]
    fn the_ends_of_the_text_lose_their_blank_lines_and_spaces() {
        assert_eq!(clean("\n\n  a", 1), "  a");
        assert_eq!(clean("a\n\n\n  ", 1), "a\n");
        assert_eq!(clean("a \u{A0}", 1), "a");
        assert_eq!(rules("\n\na\n\n\n"), ["leading-blank-lines", "trailing-blank-lines"]);
    }

    #[test]
    fn text_as_it_should_be_has_no_edits() {
        for text in ["", "a", "a\nb", "a\n\nb\n", "  indented\n\n\tcode\n more", "x\u{85}y"] {
            assert!(rules(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn a_huge_bound_does_not_overflow() {
        assert_eq!(clean("a\n\n\nb", usize::MAX), "a\n\n\nb");
    }

    proptest! {
        #[test]
        fn edits_are_sorted_and_cleaning_twice_changes_nothing(
            text in "[a \t\r\n\u{A0}\u{2028}\u{2029}é]{0,40}", most in 0usize..4
        ) {
            let edits = find_edits(&text, most);
            for pair in edits.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
            let once = clean(&text, most);
            prop_assert_eq!(clean(&once, most), once.clone());
            // a run left as it is ends no line with space, and keeps no more blank lines than the bound
            prop_assert!(once.split('\n').all(|line| !line.ends_with(is_horizontal_space)));
            prop_assert!(!once.contains(&"\n".repeat(most + 2)));
            prop_assert_eq!(once.replace(['\n', ' ', '\t', '\r', '\u{A0}', '\u{2028}', '\u{2029}'], ""),
                            text.replace(['\n', ' ', '\t', '\r', '\u{A0}', '\u{2028}', '\u{2029}'], ""));
        }
    }
}
