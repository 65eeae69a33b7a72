//! The `pages` cleaner's reading of lines that may mark pages.

use crate::unicode::{is_digit, is_python_space};

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
