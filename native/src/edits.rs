//! The edits a rule makes: a span of the input, its replacement and the rule's name; and how the edits
//! of rounds that each read the last one's output become one list of edits of the input.

use std::borrow::Cow;

/// Replace the bytes `start..end` of a step's input with `new`, by the rule `rule` (rules whose edits
/// merged into one are named together: `"link+markdown-escape"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub new: String,
    pub rule: Cow<'static, str>,
}

/// The most rounds a cleaner runs: real text settles in one to three, the bound only stops
/// pathological input (markup nested deeper keeps its innermost layers).
pub const MAX_ROUNDS: usize = 8;

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

/// Reads the code point offsets of byte offsets of one text, moving from the last offset read: offsets
/// read in order cost one pass over the text.
struct CodePoints<'a> {
    text: &'a str,
    ascii: bool,
    byte: usize,
    point: usize,
}

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> CodePoints<'a> {
        CodePoints {
            text,
            ascii: text.is_ascii(),
            byte: 0,
            point: 0,
        }
    }

    fn at(&mut self, offset: usize) -> usize {
        if self.ascii {
            return offset;
        }
        if offset >= self.byte {
            self.point += self.text[self.byte..offset].chars().count();
        } else {
            self.point -= self.text[offset..self.byte].chars().count();
        }
        self.byte = offset;
        self.point
    }
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
    let mut points = CodePoints::new(text);
    if points.ascii {
        return;
    }
    for offset in offsets {
        *offset = points.at(*offset);
    }
}

/// Find edits round after round, each round on the text the last one left, until a round finds none
/// or [`MAX_ROUNDS`] have run; the edits of all rounds are merged into one list of edits of `text`.
///
/// ```
/// use textclean_native::edits::{apply, find_until_settled, Edit};
/// let peel = |t: &str| match t.starts_with('(') {
///     true => vec![Edit { start: 0, end: t.len(), new: t[1..t.len() - 1].into(), rule: "peel".into() }],
///     false => vec![],
/// };
/// assert_eq!(apply("((a))", &find_until_settled("((a))", peel)), "a");
/// ```
pub fn find_until_settled(text: &str, mut find_round: impl FnMut(&str) -> Vec<Edit>) -> Vec<Edit> {
    let mut current = Cow::Borrowed(text);
    let mut edits = Vec::new();
    for _ in 0..MAX_ROUNDS {
        let found = find_round(&current);
        if found.is_empty() {
            break;
        }
        current = Cow::Owned(apply(&current, &found));
        edits = merge(text, edits, found);
    }
    edits
}

/// Which round an edit of a cluster comes from, and its index in that round's edits.
#[derive(Clone, Copy)]
enum Round {
    First(usize),
    Second(usize),
}

/// Compose two rounds of edits into one list of edits of `text`: `first` edits `text`, `second` edits
/// the result of `first`. Edits that overlap (or touch where one of them is an insertion) become one
/// edit whose rule names the rules of its parts, in the order of their starts, each once; an edit
/// that changes nothing goes.
///
/// ```
/// use textclean_native::edits::{merge, Edit};
/// let edit = |start, end, new: &str, rule: &'static str| Edit { start, end, new: new.into(), rule: rule.into() };
/// let merged = merge("a  b", vec![edit(1, 3, " ", "space")], vec![edit(1, 3, "-B", "join")]);
/// assert_eq!(merged, [edit(1, 4, "-B", "space+join")]);
/// ```
pub fn merge(text: &str, first: Vec<Edit>, second: Vec<Edit>) -> Vec<Edit> {
    if second.is_empty() {
        return first;
    }
    if first.is_empty() {
        return second;
    }
    let mid = apply(text, &first);
    // every edit as a span of the middle text
    let mut spans = Vec::with_capacity(first.len() + second.len());
    let mut shift = 0isize; // how much longer the middle text is than the input, before an edit
    for (index, edit) in first.iter().enumerate() {
        let start = edit.start.wrapping_add_signed(shift);
        spans.push((start, start + edit.new.len(), Round::First(index)));
        shift += edit.new.len() as isize - (edit.end - edit.start) as isize;
    }
    spans.extend(
        second
            .iter()
            .enumerate()
            .map(|(index, edit)| (edit.start, edit.end, Round::Second(index))),
    );
    spans.sort_by_key(|&(start, end, _)| (start, end));

    // The rules of a cluster are ordered by the starts of its edits as Python counts them: a first
    // round edit's start in `text`, a second round edit's in `mid`.
    let mut text_points = CodePoints::new(text);
    let mut mid_points = CodePoints::new(&mid);
    let mut merged = Vec::new();
    let mut shift = 0isize;
    let mut index = 0;
    while index < spans.len() {
        let (start, mut end, _) = spans[index];
        let cluster_start = index;
        index += 1;
        while index < spans.len() && {
            let (next_start, next_end, _) = spans[index];
            next_start < end || (next_start == end && (next_start == next_end || start == end))
        } {
            end = end.max(spans[index].1);
            index += 1;
        }
        let cluster = &spans[cluster_start..index];
        let in_start = start.wrapping_add_signed(-shift);
        let mut seconds = Vec::new();
        let mut parts = Vec::with_capacity(cluster.len());
        for &(_, _, round) in cluster {
            match round {
                Round::First(at) => {
                    let edit = &first[at];
                    shift += edit.new.len() as isize - (edit.end - edit.start) as isize;
                    parts.push((edit.start, false, &edit.rule));
                }
                Round::Second(at) => {
                    let edit = &second[at];
                    seconds.push(Edit {
                        start: edit.start - start,
                        end: edit.end - start,
                        new: edit.new.clone(),
                        rule: Cow::Borrowed(""),
                    });
                    parts.push((edit.start, true, &edit.rule));
                }
            }
        }
        let in_end = end.wrapping_add_signed(-shift);
        let new = apply(&mid[start..end], &seconds);
        if text[in_start..in_end] == new {
            continue;
        }
        let rule = match parts.as_slice() {
            [(_, _, rule)] => (*rule).clone(),
            _ => {
                if parts.iter().any(|part| part.1) && parts.iter().any(|part| !part.1) {
                    for part in &mut parts {
                        part.0 = if part.1 {
                            mid_points.at(part.0)
                        } else {
                            text_points.at(part.0)
                        };
                    }
                    // first round edits come before second round edits that start at the same place
                    parts.sort_by_key(|part| (part.0, part.1));
                }
                let mut names: Vec<&str> = Vec::new();
                for (_, _, rule) in &parts {
                    if !names.contains(&rule.as_ref()) {
                        names.push(rule);
                    }
                }
                Cow::Owned(names.join("+"))
            }
        };
        merged.push(Edit {
            start: in_start,
            end: in_end,
            new,
            rule,
        });
    }
    merged
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
    fn merged_edits_edit_the_input_and_name_every_rule_once() {
        let text = "a  b  c";
        let first = vec![edit(1, 3, " ", "space"), edit(4, 6, " ", "space")];
        let second = vec![
            edit(1, 2, "_", "join"),
            edit(2, 3, "B", "upper"),
            edit(3, 4, "_", "join"),
        ];
        let middle = apply(text, &first);
        let merged = merge(text, first, second.clone());
        assert_eq!(apply(text, &merged), apply(&middle, &second));
        // rules in the order of their starts: the last "join" at 3 of the middle text, "space" at 4 of the input
        assert_eq!(
            merged,
            [
                edit(1, 3, "_", "space+join"),
                edit(3, 4, "B", "upper"),
                edit(4, 6, "_", "join+space")
            ]
        );
    }

    #[test]
    fn an_edit_undone_by_the_next_round_goes() {
        let merged = merge("ab", vec![edit(0, 1, "x", "one")], vec![edit(0, 1, "a", "two")]);
        assert!(merged.is_empty());
    }

    #[test]
    fn rules_are_ordered_by_code_point_starts_as_python_counts_them() {
        // "grow" starts at code point 3 of the input, "swap" at code point 4 of the middle text "axxxx";
        // in bytes (5 and 4) "swap" would come first
        let text = "ééab";
        let first = vec![edit(0, 4, "", "drop"), edit(5, 6, "xxxx", "grow")];
        let merged = merge(text, first, vec![edit(4, 5, "z", "swap")]);
        assert_eq!(merged, [edit(0, 4, "", "drop"), edit(5, 6, "xxxz", "grow+swap")]);
    }

    #[test]
    fn rounds_stop_at_the_bound() {
        let mut rounds = 0;
        let edits = find_until_settled("a", |text| {
            rounds += 1;
            vec![edit(0, text.len(), &format!("{text}a"), "grow")]
        });
        assert_eq!(rounds, MAX_ROUNDS);
        assert_eq!(edits, [edit(0, 1, &"a".repeat(MAX_ROUNDS + 1), "grow")]);
    }
}
