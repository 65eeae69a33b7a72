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

/// Turn the byte offsets of sorted, non-overlapping edits of `text` into code point offsets, as
/// Python counts them, in one pass over the text.
///
/// ```
/// use textclean_native::edits::{to_code_points, Edit};
/// let mut edits = vec![Edit { start: 3, end: 5, new: String::new(), rule: "drop" }];
/// to_code_points("é b c", &mut edits);
/// assert_eq!((edits[0].start, edits[0].end), (2, 4));
/// ```
pub fn to_code_points(text: &str, edits: &mut [Edit]) {
    offsets_to_code_points(text, edits.iter_mut().flat_map(|edit| [&mut edit.start, &mut edit.end]));
}

/// Turn byte offsets of `text`, in ascending order, into code point offsets, as Python counts them,
/// in one pass over the text.
///
/// ```
/// use textclean_native::edits::offsets_to_code_points;
/// let (mut start, mut end) = (3, 5);
/// offsets_to_code_points("é b c", [&mut start, &mut end]);
/// assert_eq!((start, end), (2, 4));
/// ```
pub fn offsets_to_code_points<'a>(text: &str, offsets: impl IntoIterator<Item = &'a mut usize>) {
    if text.is_ascii() {
        return;
    }
    let (mut byte, mut point) = (0, 0);
    for offset in offsets {
        point += text[byte..*offset].chars().count();
        byte = *offset;
        *offset = point;
    }
}
