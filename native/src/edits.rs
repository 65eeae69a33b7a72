//! The edits a rule makes: a span of the input, its replacement and the rule's name; and the rounds
//! of a cleaner whose edits make room for more, merged into edits of its input.

use std::borrow::Cow;

/// Replace the bytes `start..end` of a step's input with `new`, by the rule `rule` (rules joined by
/// `+` where edits of several rounds became one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub new: String,
    pub rule: Cow<'static, str>,
}

/// Apply sorted, non-overlapping edits to `text` and return the new text.
///
/// ```
/// use textclean_native::edits::{apply, Edit};
/// let edit = Edit { start: 1, end: 3, new: " ".into(), rule: "collapse".into() };
/// assert_eq!(apply("a  b", &[edit]), "a b");
/// ```
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for edit in edits {
        out.push_str(&text[pos..edit.start]);
        out.push_str(&edit.new);
        pos = edit.end;
    }
    out.push_str(&text[pos..]);
    out
}

/// The most rounds a cleaner runs: real text settles in one to three; the bound only stops
/// pathological input (markup nested deeper keeps its innermost layers).
pub const MAX_ROUNDS: usize = 8;

/// Find edits round after round, each round on the text the last one left, until a round finds none
/// or `MAX_ROUNDS` rounds have run; the edits of all rounds are merged into edits of `text`.
///
/// ```
/// use textclean_native::edits::{apply, until_settled, Edit};
/// let peel = |text: &str| match text.strip_prefix('(') {
///     Some(_) => vec![Edit { start: 0, end: text.len(), new: text[1..text.len() - 1].into(), rule: "peel".into() }],
///     None => vec![],
/// };
/// let edits = until_settled("((a))", peel);
/// assert_eq!((apply("((a))", &edits).as_str(), edits.len()), ("a", 1));
/// ```
pub fn until_settled(text: &str, mut find_round: impl FnMut(&str) -> Vec<Edit>) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut current = Cow::Borrowed(text);
    for _ in 0..MAX_ROUNDS {
        let found = find_round(&current);
        if found.is_empty() {
            break;
        }
        current = Cow::Owned(apply(&current, &found));
        edits = if edits.is_empty() {
            found
        } else {
            merge(text, &edits, &found)
        };
    }
    edits
}

/// An edit of either round, as a span of the text between the rounds.
struct Span {
    start: usize,
    end: usize,
    /// Whether the edit is of the first round (else of the second).
    first: bool,
    /// Its index among the edits of its round.
    index: usize,
}

/// Compose two rounds of edits into one list of edits of `text`: `first` edits `text`, `second`
/// edits the text `first` made. Edits of the two rounds that overlap (or meet at an empty one)
/// become one edit, whose rule names theirs joined by `+`, each once, in the order of the edits'
/// starts as each round counts them in code points; a merged edit that changes nothing is dropped.
///
/// ```
/// use textclean_native::edits::{apply, merge, Edit};
/// let one = [Edit { start: 1, end: 3, new: " ".into(), rule: "space".into() }];
/// let two = [Edit { start: 1, end: 3, new: "-".into(), rule: "dash".into() }];
/// let merged = merge("a  b", &one, &two);
/// assert_eq!((apply("a  b", &merged).as_str(), merged[0].rule.as_ref()), ("a-", "space+dash"));
/// ```
pub fn merge(text: &str, first: &[Edit], second: &[Edit]) -> Vec<Edit> {
    if second.is_empty() {
        return first.to_vec();
    }
    if first.is_empty() {
        return second.to_vec();
    }
    let mid = apply(text, first);
    let mut spans = Vec::with_capacity(first.len() + second.len());
    let (mut pos, mut out) = (0, 0);
    for (index, edit) in first.iter().enumerate() {
        let start = out + (edit.start - pos);
        (pos, out) = (edit.end, start + edit.new.len());
        spans.push(Span {
            start,
            end: out,
            first: true,
            index,
        });
    }
    spans.extend(second.iter().enumerate().map(|(index, edit)| Span {
        start: edit.start,
        end: edit.end,
        first: false,
        index,
    }));
    spans.sort_by_key(|span| (span.start, span.end));
    // where each edit starts, in code points of the text it edits: the order its rule is named in
    let mut first_points: Vec<usize> = first.iter().map(|edit| edit.start).collect();
    to_code_points(text, first_points.iter_mut());
    let mut second_points: Vec<usize> = second.iter().map(|edit| edit.start).collect();
    to_code_points(&mid, second_points.iter_mut());

    let mut merged = Vec::new();
    let (mut mid_at, mut text_at) = (0, 0); // the end of the last cluster, in the middle text and in `text`
    let mut index = 0;
    while index < spans.len() {
        let start = spans[index].start;
        let mut end = spans[index].end;
        let cluster_start = index;
        index += 1;
        while index < spans.len() && {
            let span = &spans[index];
            span.start < end || (span.start == end && (span.start == span.end || start == end))
        } {
            end = end.max(spans[index].end);
            index += 1;
        }
        let cluster = &spans[cluster_start..index];
        let text_start = text_at + (start - mid_at);
        let (mut removed, mut added) = (0, 0);
        let mut new = String::new();
        let mut at = start;
        let mut rules: Vec<(usize, &Cow<'static, str>)> = Vec::with_capacity(cluster.len());
        for span in cluster.iter().filter(|span| span.first) {
            let edit = &first[span.index];
            (removed, added) = (removed + edit.end - edit.start, added + edit.new.len());
            rules.push((first_points[span.index], &edit.rule));
        }
        for span in cluster.iter().filter(|span| !span.first) {
            let edit = &second[span.index];
            new.push_str(&mid[at..edit.start]);
            new.push_str(&edit.new);
            at = edit.end;
            rules.push((second_points[span.index], &edit.rule));
        }
        new.push_str(&mid[at..end]);
        let text_end = text_start + (end - start - added) + removed;
        (mid_at, text_at) = (end, text_end);
        if text[text_start..text_end] == new {
            continue;
        }
        rules.sort_by_key(|(point, _)| *point);
        let mut names: Vec<&Cow<'static, str>> = Vec::with_capacity(rules.len());
        for (_, rule) in rules {
            if !names.contains(&rule) {
                names.push(rule);
            }
        }
        let rule = match names[..] {
            [only] => only.clone(),
            _ => Cow::Owned(names.iter().map(|name| name.as_ref()).collect::<Vec<_>>().join("+")),
        };
        merged.push(Edit {
            start: text_start,
            end: text_end,
            new,
            rule,
        });
    }
    merged
}

/// Turn byte offsets of `text` into code point offsets, as Python counts them: one pass over the text
/// when the offsets come in order (any order is right, only slower).
///
/// ```
/// use textclean_native::edits::to_code_points;
/// let (mut start, mut end) = (3, 5);
/// to_code_points("é b c", [&mut start, &mut end]);
/// assert_eq!((start, end), (2, 4));
/// ```
pub fn to_code_points<'a>(text: &str, offsets: impl IntoIterator<Item = &'a mut usize>) {
    if text.is_ascii() {
        return;
    }
    let (mut byte, mut point) = (0, 0);
    for offset in offsets {
        if *offset >= byte {
            point += text[byte..*offset].chars().count();
        } else {
            point -= text[*offset..byte].chars().count();
        }
        byte = *offset;
        *offset = point;
    }
}

/// The byte offset of code point `point` of `text` (its length, past its end), counted a kibibyte at a time, then
/// 64 bytes at a time in the kibibyte that holds it (`chars().count()` reads many bytes at once).
///
/// ```
/// use textclean_native::edits::byte_offset;
/// assert_eq!((byte_offset("é b", 1), byte_offset("é b", 9)), (2, 4));
/// ```
pub fn byte_offset(text: &str, point: usize) -> usize {
    let (mut seen, mut at) = (0, 0);
    for piece in [1024, 64] {
        while at < text.len() {
            let mut end = (at + piece).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            let count = text[at..end].chars().count();
            if seen + count > point {
                if count == end - at {
                    return at + point - seen; // a piece in ASCII: a byte a code point
                }
                break;
            }
            (seen, at) = (seen + count, end);
        }
    }
    text[at..]
        .char_indices()
        .nth(point - seen)
        .map_or(text.len(), |(offset, _)| at + offset)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn edit(start: usize, end: usize, new: &str, rule: &'static str) -> Edit {
        Edit {
            start,
            end,
            new: new.into(),
            rule: rule.into(),
        }
    }

    #[test]
    fn merged_edits_edit_the_input() {
        let text = "a  b";
        let one = [edit(1, 3, " ", "space")];
        let two = [edit(2, 3, "B", "upper")];
        assert_eq!(
            merge(text, &one, &two),
            [edit(1, 3, " ", "space"), edit(3, 4, "B", "upper")]
        );
    }

    #[test]
    fn edits_of_two_rounds_that_meet_become_one() {
        // the second round takes out what the first left between its two edits
        let text = "<**b**>x";
        let one = [edit(1, 3, "", "emphasis"), edit(4, 6, "", "emphasis")];
        let two = [edit(0, 3, "", "html-tag")];
        assert_eq!(merge(text, &one, &two), [edit(0, 7, "", "html-tag+emphasis")]);
    }

    #[test]
    fn rules_are_named_in_the_order_of_code_points() {
        // "b" starts at code point 4 of the input, "c" at code point 5 of the middle text; in bytes it
        // would be 6 against 5
        let text = "ééabcdef";
        let one = [edit(0, 4, "", "a"), edit(6, 7, "XXXXX", "b")];
        let two = [edit(5, 6, "", "c")];
        assert_eq!(
            merge(text, &one, &two),
            [edit(0, 4, "", "a"), edit(6, 7, "XXXX", "b+c")]
        );
    }

    #[test]
    fn a_merged_edit_that_changes_nothing_goes() {
        let one = [edit(0, 1, "", "drop")];
        let two = [edit(0, 0, "a", "put")];
        assert!(merge("a", &one, &two).is_empty());
    }

    #[test]
    fn rounds_stop_at_the_bound() {
        let mut rounds = 0;
        let edits = until_settled("a", |text| {
            rounds += 1;
            vec![edit(0, text.len(), &format!("{text}a"), "grow")]
        });
        assert_eq!((rounds, apply("a", &edits).len()), (MAX_ROUNDS, MAX_ROUNDS + 1));
    }

    proptest::proptest! {
        #[test]
        fn byte_offsets_of_code_points_are_those_of_char_indices(
            text in "[aé€😀\n]{0,900}|([a\n]{0,1500}[é€😀]?){0,3}",
            point in 0usize..5000,
        ) {
            let expected = text.char_indices().nth(point).map_or(text.len(), |(at, _)| at);
            proptest::prop_assert_eq!(byte_offset(&text, point), expected);
        }
    }
}
