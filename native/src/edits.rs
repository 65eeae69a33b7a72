//! The edits a rule makes: a span of the input, its replacement and the rule's name.

/// Replace the bytes `start..end` of a step's input with `new`, by the rule `rule`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub start: usize,
    pub end: usize,
    pub new: String,
    pub rule: &'static str,
}

/// Apply sorted, non-overlapping edits to `text` and return the new text.
///
/// ```
/// use textclean_native::edits::{apply, Edit};
/// let edit = Edit { start: 1, end: 3, new: " ".into(), rule: "collapse" };
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
