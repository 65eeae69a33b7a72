//! The `pages` cleaner's reading of lines that may mark pages.

use crate::blocks::TextMap;
use crate::unicode::{digit_value, find_digit, is_digit, is_python_space};

/// The lines that may mark pages: what a line must be to come back on every page as a running header
/// or footer ("Page 12", "- 12 -").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    /// The most code points of a line's key: a longer line is the page's text.
    pub max_length: usize,
    /// The fewest places of a line that marks pages ...
    pub min_marks: usize,
    /// ... and the fewest lines between them (a page; a refrain or a list item comes back sooner).
    pub min_spacing: usize,
}

impl Marks {
    /// The lines of `text` (split at `\n`) that may mark pages and come back at least `min_count` times,
    /// each as its key and the indexes of its lines, in the order they first come. A line's key is the line
    /// with every run of digits (of any script) written `#`, without the white space at both ends
    /// (`str.strip`'s); a line without a digit, with a key of more than `max_length` code points or with
    /// markup (a link, a table row, a tag, emphasis, a list item) marks no page.
    ///
    /// ```
    /// use textclean_native::pages::Marks;
    /// let text = "Page 1\n  Page 12 of 140 \ntext 1\nPage ٣\n| 4 |\n- 5 items\n[p. 6](#6)\ntext 2";
    /// let marks = Marks { max_length: 11, min_marks: 3, min_spacing: 20 };
    /// let places = |key: &str, lines: &[usize]| (key.to_string(), lines.to_vec());
    /// assert_eq!(marks.repeated_numbered_lines(text, 2), [places("Page #", &[0, 3]), places("text #", &[2, 7])]);
    /// assert_eq!(marks.repeated_numbered_lines(text, 1)[1], places("Page # of #", &[1]));
    /// assert_eq!(Marks { max_length: 10, ..marks }.repeated_numbered_lines(text, 1).len(), 2);
    /// ```
    pub fn repeated_numbered_lines(self, text: &str, min_count: usize) -> Vec<(String, Vec<usize>)> {
        self.repeated_places(text, min_count)
            .into_iter()
            .map(|(key, places)| (key, indexes(&places)))
            .collect()
    }

    /// The lines of [`Marks::repeated_numbered_lines`], each line that comes back with its places: the index
    /// of each line and the line.
    fn repeated_places(self, text: &str, min_count: usize) -> Vec<(String, Vec<(usize, &str)>)> {
        let mut places: Vec<(String, Vec<(usize, &str)>)> = Vec::new();
        let mut place_of: TextMap<String, usize> = TextMap::default();
        let mut key = String::new();
        for (index, line) in numbered_lines(text) {
            if !self.read_key(line, &mut key) {
                continue;
            }
            match place_of.get(key.as_str()) {
                Some(&place) => places[place].1.push((index, line)),
                None => {
                    place_of.insert(key.clone(), places.len());
                    places.push((key.clone(), vec![(index, line)]));
                }
            }
        }
        places.retain(|(_, found)| found.len() >= min_count);
        places
    }

    /// The lines of `text` that mark its pages, each line that comes back as the indexes of its places: a
    /// key of [`Marks::repeated_numbered_lines`] that comes back `min_marks` times, at a regular spacing of at
    /// least `min_spacing` lines (the last page may be short), not a Markdown heading, with a number that grows
    /// from each place to the next ("[Page 12]", "[Page 13]"); a line that comes back with the same words
    /// only (a menu, a refrain) marks nothing by itself.
    ///
    /// ```
    /// use textclean_native::pages::Marks;
    /// let page = |n: usize, gap: usize| format!("{}Page {n}\nMenu 1\n", "text\n".repeat(gap));
    /// let far: String = (1..=4).map(|n| page(n, 24)).collect();
    /// let near: String = (1..=4).map(|n| page(n, 5)).collect();
    /// let marks = Marks { max_length: 160, min_marks: 3, min_spacing: 20 };
    /// assert_eq!(marks.running_lines(&far), vec![vec![24, 50, 76, 102]]);
    /// assert!(marks.running_lines(&near).is_empty());
    /// assert!(Marks { max_length: 5, ..marks }.running_lines(&far).is_empty());
    /// ```
    pub fn running_lines(self, text: &str) -> Vec<Vec<usize>> {
        self.repeated_places(text, self.min_marks)
            .into_iter()
            .filter(|(_, found)| marks_pages(found, self.min_spacing))
            .map(|(_, found)| indexes(&found))
            .collect()
    }

    /// Write the key of `line`, a line with a digit, into `key` (see [`Marks::repeated_numbered_lines`]); false,
    /// with `key` left in any state, if the line may mark no page. A long line is given up as soon as its key is
    /// too long.
    fn read_key(self, line: &str, key: &mut String) -> bool {
        let line = line.trim_matches(is_python_space);
        if has_markup(line) {
            return false;
        }
        key.clear();
        let bytes = line.as_bytes();
        let mut length = 0;
        let mut in_number = false;
        let mut copied = 0; // the characters before this byte are in the key
        let mut at = 0;
        while at < bytes.len() {
            // an ASCII character is read from its byte, any other decoded
            let (digit, width) = match bytes[at] {
                byte if byte.is_ascii() => (byte.is_ascii_digit(), 1),
                _ => line[at..]
                    .chars()
                    .next()
                    .map_or((false, 1), |c| (is_digit(c), c.len_utf8())),
            };
            if !(digit && in_number) {
                length += 1;
                if length > self.max_length {
                    return false;
                }
                if digit {
                    key.push_str(&line[copied..at]);
                    key.push('#');
                } else if in_number {
                    copied = at;
                }
            }
            in_number = digit;
            at += width;
        }
        if !in_number {
            key.push_str(&line[copied..]);
        }
        let mut start = key.chars();
        !(matches!(start.next(), Some('-' | '+' | '•')) && start.next() == Some(' '))
        // a list item
    }
}

/// Whether `line` holds markup: a table row, emphasis, a tag or a link. The bytes are read with no early exit,
/// many at a time.
fn has_markup(line: &str) -> bool {
    let bytes = line.as_bytes();
    let marks = bytes
        .iter()
        .fold(false, |found, &byte| found | matches!(byte, b'|' | b'*' | b'<' | b'>'));
    let after_first = bytes.get(1..).unwrap_or_default();
    let links = bytes.iter().zip(after_first).fold(false, |found, (&first, &second)| {
        found | (first == b']' && second == b'(')
    });
    marks || links
}

/// The lines of `text` (split at `\n`) that hold a digit, each with its index: the text between them is only
/// scanned, for a digit and for the line breaks it holds.
fn numbered_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    // the start of the first line not read yet, and its index
    let (mut from, mut index) = (0, 0);
    std::iter::from_fn(move || {
        let digit = from + find_digit(text.get(from..)?)?;
        let start = memchr::memrchr(b'\n', &bytes[from..digit]).map_or(from, |at| from + at + 1);
        index += memchr::memchr_iter(b'\n', &bytes[from..start]).count();
        let end = memchr::memchr(b'\n', &bytes[digit..]).map_or(text.len(), |at| digit + at);
        let line = (index, &text[start..end]);
        (from, index) = (end + 1, index + 1);
        Some(line)
    })
}

/// The spacings around the middle one that a running line's places keep: within this share of it ...
const MAX_SPACING_SPREAD: f64 = 0.25;
/// ... most of them: this share (a page with a figure, or the last page, may be short).
const REGULAR_SHARE: f64 = 0.75;
/// A page number grows by one from page to page, or a little more where pages go unnumbered.
const MAX_PAGE_STEP: u8 = 3;

/// The indexes of the lines of `places`.
fn indexes(places: &[(usize, &str)]) -> Vec<usize> {
    places.iter().map(|&(index, _)| index).collect()
}

/// Whether the line that comes back at `places` (each its index and the line) marks pages (see
/// [`Marks::running_lines`]).
fn marks_pages(places: &[(usize, &str)], min_spacing: usize) -> bool {
    let mut spacings: Vec<usize> = places[..places.len() - 1]
        .windows(2)
        .map(|pair| pair[1].0 - pair[0].0)
        .collect();
    let heading = places[0].1.trim_start_matches(is_python_space).starts_with('#');
    // two places tell no spacing: the last page may be short
    if spacings.is_empty() || spacings.iter().any(|&spacing| spacing < min_spacing) || heading {
        return false;
    }
    spacings.sort_unstable();
    let half = spacings.len() / 2;
    let middle = if spacings.len() % 2 == 1 {
        spacings[half] as f64
    } else {
        (spacings[half - 1] + spacings[half]) as f64 / 2.0
    };
    let regular = spacings
        .iter()
        .filter(|&&spacing| (spacing as f64 - middle).abs() <= MAX_SPACING_SPREAD * middle)
        .count();
    if (regular as f64) < REGULAR_SHARE * spacings.len() as f64 {
        return false;
    }
    let numbers: Vec<Vec<Vec<u8>>> = places.iter().map(|&(_, line)| numbers(line)).collect();
    (0..numbers[0].len()).any(|slot| {
        numbers
            .windows(2)
            .all(|pair| (1..=MAX_PAGE_STEP).any(|step| plus(&pair[0][slot], step) == pair[1][slot]))
    })
}

/// The numbers of `line` (its runs of digits of any script), each as its decimal digits without leading
/// zeros: numbers of any length, as Python's `int` reads them.
fn numbers(line: &str) -> Vec<Vec<u8>> {
    let mut found: Vec<Vec<u8>> = Vec::new();
    let mut in_number = false;
    for c in line.chars() {
        if !is_digit(c) {
            in_number = false;
            continue;
        }
        if !in_number {
            found.push(Vec::new());
        }
        in_number = true;
        let digits = found.last_mut().expect("a number was started");
        let digit = digit_value(c) as u8;
        if digit > 0 || !digits.is_empty() {
            digits.push(digit);
        }
    }
    found
}

/// The decimal digits of `digits` (without leading zeros) plus `step`.
fn plus(digits: &[u8], step: u8) -> Vec<u8> {
    let mut sum = digits.to_vec();
    let mut carry = step;
    for digit in sum.iter_mut().rev() {
        let total = *digit + carry;
        *digit = total % 10;
        carry = total / 10;
        if carry == 0 {
            break;
        }
    }
    if carry > 0 {
        sum.insert(0, carry);
    }
    sum
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::chars;

    const MARKS: Marks = Marks {
        max_length: 160,
        min_marks: 3,
        min_spacing: 20,
    };

    #[test]
    fn digits_of_any_script_are_numbers() {
        assert_eq!(
            MARKS.repeated_numbered_lines("١٢ ص\n\u{3000}第3页\u{3000}\nno digit", 1),
            vec![("# ص".to_string(), vec![0]), ("第#页".to_string(), vec![1])]
        );
    }

    proptest::proptest! {
        #[test]
        fn the_numbered_lines_are_the_lines_with_a_digit(text in "[a5\n٣’]{0,100}") {
            let expected: Vec<(usize, &str)> =
                chars::lines(&text).enumerate().filter(|(_, line)| line.chars().any(is_digit)).collect();
            proptest::prop_assert_eq!(numbered_lines(&text).collect::<Vec<_>>(), expected);
        }
    }

    #[test]
    fn only_white_space_is_stripped() {
        // U+001F is white space to Python's str.strip
        assert_eq!(
            MARKS.repeated_numbered_lines("\t7\u{1F}", 1),
            vec![("#".to_string(), vec![0])]
        );
    }

    #[test]
    fn numbers_grow_by_their_digits() {
        assert_eq!(numbers("p. 007 of ١٢ 0"), vec![vec![7], vec![1, 2], vec![]]);
        assert_eq!(
            (plus(&[9, 9], 1), plus(&[], 3), plus(&[1, 8], 2)),
            (vec![1, 0, 0], vec![3], vec![2, 0])
        );
    }

    #[test]
    fn a_running_line_grows_at_a_regular_spacing() {
        let lines = |numbers: &[&str], gaps: &[usize]| -> (String, Vec<usize>) {
            let (mut text, mut places) = (String::new(), Vec::new());
            for (number, gap) in numbers.iter().zip(gaps) {
                text.push_str(&"text\n".repeat(*gap));
                places.push(text.matches('\n').count());
                text.push_str(&format!("Page {number} of 9\n"));
            }
            (text, places)
        };
        for (numbers, gaps, marks) in [
            (&["1", "2", "3"][..], &[0, 25, 25][..], true),
            (&["1", "2", "3"], &[0, 25, 5], true),   // the last page may be short
            (&["1", "5", "6"], &[0, 25, 25], false), // a number that jumps
            (&["3", "2", "1"], &[0, 25, 25], false),
            (&["1", "2", "3", "4", "5"], &[0, 20, 40, 20, 20], false), // irregular
            (
                &[
                    "99999999999999999999998",
                    "99999999999999999999999",
                    "100000000000000000000000",
                ],
                &[0, 30, 30],
                true,
            ),
        ] {
            let (text, places) = lines(numbers, gaps);
            let expected = if marks { vec![places] } else { vec![] };
            assert_eq!(MARKS.running_lines(&text), expected, "{numbers:?} {gaps:?}");
        }
        let heading =
            "# Part 1\n".to_string() + &"text\n".repeat(30) + "# Part 2\n" + &"text\n".repeat(30) + "# Part 3";
        assert!(MARKS.running_lines(&heading).is_empty());
    }

    #[test]
    fn reading_lines_is_linear() {
        crate::testing::assert_linear(
            5_000,
            |n| "Page 1 of 2\n".repeat(n),
            |text| {
                MARKS.repeated_numbered_lines(text, 1);
            },
        );
    }
}
