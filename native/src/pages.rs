//! The `pages` cleaner's reading of lines that may mark pages.

use crate::blocks::TextMap;
use crate::unicode::{is_digit, is_python_space};

/// The lines that may mark pages: what a line must be to come back on every page as a running header
/// or footer ("Page 12", "- 12 -").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// The most code points of a line's key: a longer line is the page's text.
    pub max_length: usize,
}

impl Marks {
    /// The keys of [`Marks::numbered_lines`] that come back at least `min_count` times, in the order they
    /// first come, each with the indexes of its lines: only a line that comes back can mark pages.
    ///
    /// ```
    /// use textclean_native::pages::Marks;
    /// let text = "Page 1\ntext 1\nPage 2\nPage 3\ntext 2";
    /// let marks = Marks { max_length: 160 };
    /// assert_eq!(marks.repeated_numbered_lines(text, 2), vec![("Page #".to_string(), vec![0, 2, 3]), ("text #".to_string(), vec![1, 4])]);
    /// assert!(marks.repeated_numbered_lines(text, 4).is_empty());
    /// ```
    pub fn repeated_numbered_lines(self, text: &str, min_count: usize) -> Vec<(String, Vec<usize>)> {
        let mut places: Vec<(String, Vec<usize>)> = Vec::new();
        let mut place_of: TextMap<String, usize> = TextMap::default();
        for (index, key) in self.numbered_lines(text) {
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

    /// The lines of `text` (split at `\n`) that may mark pages, each with its index and its key: the line
    /// with every run of digits (of any script) written `#`, without the white space at both ends
    /// (`str.strip`'s). A line without a digit, with a key of more than `max_length` code points or with
    /// markup (a link, a table row, a tag, emphasis, a list item) marks no page.
    ///
    /// ```
    /// use textclean_native::pages::Marks;
    /// let text = "Intro\n  Page 12 of 140 \nPage ٣\n| 4 |\n- 5 items\n[p. 6](#6)";
    /// let marks = Marks { max_length: 11 };
    /// assert_eq!(marks.numbered_lines(text), vec![(1, "Page # of #".to_string()), (2, "Page #".to_string())]);
    /// assert_eq!(Marks { max_length: 10 }.numbered_lines(text), vec![(2, "Page #".to_string())]);
    /// ```
    pub fn numbered_lines(self, text: &str) -> Vec<(usize, String)> {
        let mut key = String::new();
        let mut found = Vec::new();
        for (index, line) in text.split('\n').enumerate() {
            if self.read_key(line, &mut key) {
                found.push((index, key.clone()));
            }
        }
        found
    }

    /// Whether a line of `text` may mark its pages as the `pages` cleaner reads them: a key of
    /// [`Marks::numbered_lines`] that comes back `min_marks` times, its places but the last at least
    /// `min_spacing` lines apart.
    ///
    /// ```
    /// use textclean_native::pages::Marks;
    /// let page = |n: usize, gap: usize| format!("{}Page {n}\n", "text\n".repeat(gap));
    /// let far: String = (1..=4).map(|n| page(n, 24)).collect();
    /// let near: String = (1..=4).map(|n| page(n, 5)).collect();
    /// let marks = Marks { max_length: 160 };
    /// assert!(marks.may_mark_pages(&far, 3, 20) && !marks.may_mark_pages(&near, 3, 20));
    /// assert!(!Marks { max_length: 5 }.may_mark_pages(&far, 3, 20));
    /// ```
    pub fn may_mark_pages(self, text: &str, min_marks: usize, min_spacing: usize) -> bool {
        /// A key's lines so far: how many, the last, whether every spacing before the last is wide enough,
        /// and whether the last is.
        struct Tally {
            count: usize,
            last: usize,
            wide_before: bool,
            wide_last: bool,
        }
        let mut tallies: TextMap<String, Tally> = TextMap::default();
        let mut key = String::new();
        for (index, line) in text.split('\n').enumerate() {
            if !self.read_key(line, &mut key) {
                continue;
            }
            match tallies.get_mut(key.as_str()) {
                Some(tally) => {
                    tally.wide_before &= tally.wide_last; // the spacing before the last is no longer the last
                    tally.wide_last = index - tally.last >= min_spacing;
                    tally.count += 1;
                    tally.last = index;
                }
                None => {
                    let first = Tally {
                        count: 1,
                        last: index,
                        wide_before: true,
                        wide_last: true,
                    };
                    tallies.insert(key.clone(), first);
                }
            }
        }
        tallies
            .values()
            .any(|tally| tally.count >= min_marks && tally.wide_before)
    }

    /// Write the key of `line` into `key` (see [`Marks::numbered_lines`]); false, with `key` left in any
    /// state, if the line may mark no page. A long line is given up as soon as its key is too long.
    fn read_key(self, line: &str, key: &mut String) -> bool {
        let has_digit =
            line.bytes().any(|byte| byte.is_ascii_digit()) || (!line.is_ascii() && line.chars().any(is_digit));
        if !has_digit {
            return false;
        }
        key.clear();
        let mut length = 0;
        let mut in_number = false;
        let mut previous = '\0';
        for c in line.trim_matches(is_python_space).chars() {
            if matches!(c, '|' | '*' | '<' | '>') || (previous == ']' && c == '(') {
                return false; // a table row, emphasis, a tag, a link
            }
            previous = c;
            if is_digit(c) && in_number {
                continue;
            }
            length += 1;
            if length > self.max_length {
                return false;
            }
            in_number = is_digit(c);
            key.push(if in_number { '#' } else { c });
        }
        let mut start = key.chars();
        !(matches!(start.next(), Some('-' | '+' | '•')) && start.next() == Some(' '))
        // a list item
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const MARKS: Marks = Marks { max_length: 160 };

    #[test]
    fn digits_of_any_script_are_numbers() {
        assert_eq!(
            MARKS.numbered_lines("١٢ ص\n\u{3000}第3页\u{3000}\nno digit"),
            vec![(0, "# ص".to_string()), (1, "第#页".to_string())]
        );
    }

    #[test]
    fn only_white_space_is_stripped() {
        // U+001F is white space to Python's str.strip
        assert_eq!(MARKS.numbered_lines("\t7\u{1F}"), vec![(0, "#".to_string())]);
    }

    proptest! {
        #[test]
        fn a_page_mark_is_a_key_that_comes_back_far_enough_apart(
            lines in prop::collection::vec(prop::sample::select(vec!["Page 1", "Page 22", "- 3 -", "text", "", "4 of 5"]), 0..120),
            spacing in 1usize..30,
        ) {
            let text = lines.join("\n");
            let by_keys = MARKS.repeated_numbered_lines(&text, 3).iter().any(|(_, places)| {
                places[..places.len() - 1].windows(2).all(|pair| pair[1] - pair[0] >= spacing)
            });
            prop_assert_eq!(MARKS.may_mark_pages(&text, 3, spacing), by_keys);
        }
    }

    #[test]
    fn reading_lines_is_linear() {
        crate::testing::assert_linear(
            5_000,
            |n| "Page 1 of 2\n".repeat(n),
            |text| {
                MARKS.numbered_lines(text);
            },
        );
    }
}
