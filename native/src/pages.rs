//! The `pages` cleaner's reading of lines that may mark pages.

use std::collections::HashMap;

use crate::unicode::{is_digit, is_python_space};

/// The keys of [`numbered_lines`] that come back at least `min_count` times, in the order they first
/// come, each with the indexes of its lines: only a line that comes back can mark pages.
///
/// ```
/// use textclean_native::pages::repeated_numbered_lines;
/// let text = "Page 1\ntext 1\nPage 2\nPage 3\ntext 2";
/// assert_eq!(repeated_numbered_lines(text, 2), vec![("Page #".to_string(), vec![0, 2, 3]), ("text #".to_string(), vec![1, 4])]);
/// assert!(repeated_numbered_lines(text, 4).is_empty());
/// ```
pub fn repeated_numbered_lines(text: &str, min_count: usize) -> Vec<(String, Vec<usize>)> {
    let mut places: Vec<(String, Vec<usize>)> = Vec::new();
    let mut place_of: HashMap<String, usize> = HashMap::new();
    for (index, key) in numbered_lines(text) {
        match place_of.get(&key) {
            Some(&place) => places[place].1.push(index),
            None => {
                place_of.insert(key.clone(), places.len());
                places.push((key, vec![index]));
            }
        }
    }
    places.retain(|(_, indexes)| indexes.len() >= min_count);
    places
}

/// The lines of `text` (split at `\n`) that hold a digit, each with its index and its key: the line
/// with every run of digits written `#`, without the white space at both ends (`str.strip`'s).
///
/// A running header or footer that marks pages ("Page 12", "- 12 -") comes back with the same key.
///
/// ```
/// use textclean_native::pages::numbered_lines;
/// assert_eq!(numbered_lines("Intro\n  Page 12 of 140 \nPage ٣"), vec![(1, "Page # of #".to_string()), (2, "Page #".to_string())]);
/// ```
pub fn numbered_lines(text: &str) -> Vec<(usize, String)> {
    let mut found = Vec::new();
    for (index, line) in text.split('\n').enumerate() {
        let has_digit =
            line.bytes().any(|byte| byte.is_ascii_digit()) || (!line.is_ascii() && line.chars().any(is_digit));
        if !has_digit {
            continue;
        }
        let mut key = String::with_capacity(line.len());
        let mut in_number = false;
        for c in line.trim_matches(is_python_space).chars() {
            if is_digit(c) {
                if !in_number {
                    key.push('#');
                }
                in_number = true;
            } else {
                key.push(c);
                in_number = false;
            }
        }
        found.push((index, key));
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_of_any_script_are_numbers() {
        assert_eq!(
            numbered_lines("١٢ ص\n\u{3000}第3页\u{3000}\nno digit"),
            vec![(0, "# ص".to_string()), (1, "第#页".to_string())]
        );
    }

    #[test]
    fn only_white_space_is_stripped() {
        // U+001F is white space to Python's str.strip
        assert_eq!(numbered_lines("\t7\u{1F}"), vec![(0, "#".to_string())]);
    }

    #[test]
    fn reading_lines_is_linear() {
        crate::testing::assert_linear(
            5_000,
            |n| "Page 1 of 2\n".repeat(n),
            |text| {
                numbered_lines(text);
            },
        );
    }
}
