//! Sets of characters, found in a text in one pass.
//!
//! A cleaner that changes only a few kinds of characters (controls, invisible format characters,
//! quotes it was asked to straighten) first finds where they stand; most text holds none, and a
//! pass over its bytes costs less than any per-character test in Python.

use std::collections::HashMap;

/// The lines of `text`, as `text.split('\n')` gives them, with their breaks found many bytes at a time.
///
/// ```
/// use textclean_native::chars::lines;
/// assert_eq!(lines("one\ntwo\n\nthree").collect::<Vec<_>>(), ["one", "two", "", "three"]);
/// assert_eq!(lines("").collect::<Vec<_>>(), [""]);
/// ```
pub fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut breaks = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = Some(0);
    std::iter::from_fn(move || {
        let from = start?;
        match breaks.next() {
            Some(at) => {
                start = Some(at + 1);
                Some(&text[from..at])
            }
            None => {
                start = None;
                Some(&text[from..])
            }
        }
    })
}

/// A few characters written out, as a rule names its marks: an ASCII character is looked up in a bit mask,
/// any other in the list.
///
/// ```
/// use textclean_native::chars::SmallSet;
/// const CLOSERS: SmallSet = SmallSet::new("\")»”");
/// assert!(CLOSERS.contains(')') && CLOSERS.contains('”') && !CLOSERS.contains('(') && !CLOSERS.contains('“'));
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SmallSet {
    ascii: u128,
    all: &'static str,
}

impl SmallSet {
    pub const fn new(all: &'static str) -> SmallSet {
        let bytes = all.as_bytes();
        let mut ascii = 0u128;
        let mut at = 0;
        while at < bytes.len() {
            if bytes[at] < 128 {
                ascii |= 1 << bytes[at];
            }
            at += 1;
        }
        SmallSet { ascii, all }
    }

    #[inline]
    pub fn contains(&self, c: char) -> bool {
        if c.is_ascii() {
            self.ascii >> (c as u32) & 1 == 1
        } else {
            self.all.contains(c)
        }
    }
}

/// A set of characters, given as ranges of code points.
#[derive(Debug, Clone)]
pub struct CharClass {
    /// Bit `b` is set for each ASCII character `b` of the set: most of a text is ASCII.
    ascii: u128,
    /// The two longest runs of ASCII bytes none of which is in the set, each `low..high` (the printable
    /// characters, and tab and line feed where the set holds the controls around them): a chunk of the
    /// text made only of them is passed over at once.
    skipped: [(u8, u8); 2],
    /// The ranges beyond ASCII, sorted and merged.
    ranges: Vec<(u32, u32)>,
    /// Bit `p % 64` of word `p / 64` is set for each point `p` of the set in the Basic Multilingual Plane,
    /// where nearly all of a text's characters are: one look-up each, where the ranges take a search.
    plane: Box<[u64; PLANE_WORDS]>,
}

/// The words of a set's bits for the Basic Multilingual Plane.
const PLANE_WORDS: usize = 0x10000 / 64;

impl CharClass {
    /// The set of the code points in `ranges` (each from its first to its last point, both included).
    pub fn new(ranges: impl IntoIterator<Item = (u32, u32)>) -> CharClass {
        let mut ascii = 0u128;
        let mut wide = Vec::new();
        for (first, last) in ranges {
            for point in first..=last.min(127) {
                ascii |= 1 << point;
            }
            if last >= 128 {
                wide.push((first.max(128), last));
            }
        }
        wide.sort_unstable();
        let mut ranges: Vec<(u32, u32)> = Vec::with_capacity(wide.len());
        for (first, last) in wide {
            match ranges.last_mut() {
                Some(previous) if first <= previous.1.saturating_add(1) => previous.1 = previous.1.max(last),
                _ => ranges.push((first, last)),
            }
        }
        let mut plane = Box::new([0u64; PLANE_WORDS]);
        let mut set = |point: u32| plane[point as usize / 64] |= 1 << (point % 64);
        (0..128).filter(|point| ascii & (1 << point) != 0).for_each(&mut set);
        for &(first, last) in &ranges {
            (first..=last.min(0xFFFF)).for_each(&mut set);
        }
        CharClass {
            ascii,
            skipped: longest_runs_outside(ascii),
            ranges,
            plane,
        }
    }

    /// The set of the points in this set or in `other`.
    ///
    /// ```
    /// use textclean_native::chars::CharClass;
    /// let either = CharClass::new([(0x41, 0x41)]).union(&CharClass::new([(0x300, 0x36F)]));
    /// assert!(either.contains(0x41) && either.contains(0x301) && !either.contains(0x42));
    /// ```
    pub fn union(&self, other: &CharClass) -> CharClass {
        let ascii = self.ascii | other.ascii;
        let ascii_points = (0..128)
            .filter(|point| ascii & (1 << point) != 0)
            .map(|point| (point, point));
        CharClass::new(
            ascii_points
                .chain(self.ranges.iter().copied())
                .chain(other.ranges.iter().copied()),
        )
    }

    /// Whether the code point `point` is in the set.
    pub fn contains(&self, point: u32) -> bool {
        if let Some(word) = self.plane.get(point as usize / 64) {
            return word & (1 << (point % 64)) != 0;
        }
        let after = self.ranges.partition_point(|&(first, _)| first <= point);
        after > 0 && point <= self.ranges[after - 1].1
    }

    /// The byte offsets of the characters of `text` in the set, each read as the code point
    /// `stands_for` gives (the character itself, or what a stand-in stands for).
    ///
    /// ```
    /// use textclean_native::chars::CharClass;
    /// let controls = CharClass::new([(0, 8), (0x200B, 0x200F)]);
    /// assert_eq!(controls.find_all("a\u{0}é\u{200B}b", u32::from), vec![1, 4]);
    /// ```
    pub fn find_all(&self, text: &str, stands_for: impl Fn(char) -> u32) -> Vec<usize> {
        self.positions(text, stands_for).collect()
    }

    /// Whether a character of `text` is in the set, read as [`CharClass::find_all`] reads it; the scan stops at
    /// the first.
    ///
    /// ```
    /// use textclean_native::chars::CharClass;
    /// let marks = CharClass::new([(0x300, 0x36F)]);
    /// assert!(marks.occurs_in("cafe\u{301}", u32::from) && !marks.occurs_in("café", u32::from));
    /// ```
    pub fn occurs_in(&self, text: &str, stands_for: impl Fn(char) -> u32) -> bool {
        self.positions(text, stands_for).next().is_some()
    }

    /// The byte offsets of the characters of `text` in the set, in order, found as they are asked for.
    fn positions<'t>(
        &'t self,
        text: &'t str,
        stands_for: impl Fn(char) -> u32 + 't,
    ) -> impl Iterator<Item = usize> + 't {
        chars_beyond(text, self.skipped)
            .filter(move |&(_, c)| self.contains(stands_for(c)))
            .map(|(at, _)| at)
    }
}

/// Where `needle` (a few ASCII bytes) first stands in `text`: what `str::find` gives, byte by byte in a
/// short text, where setting up a substring search would cost more than the scan.
///
/// ```
/// use textclean_native::chars::find_short;
/// assert_eq!((find_short("a  b", b"  "), find_short("a b", b"  "), find_short("ab", b"abc")), (Some(1), None, None));
/// assert_eq!(find_short(&format!("{}end  ", "word ".repeat(20)), b"  "), Some(103));
/// ```
pub fn find_short(text: &str, needle: &[u8]) -> Option<usize> {
    const SHORT: usize = 64;
    let bytes = text.as_bytes();
    if bytes.len() < SHORT {
        bytes.windows(needle.len()).position(|window| window == needle)
    } else {
        memchr::memmem::find(bytes, needle)
    }
}

/// How often `word` occurs in `text` put in lower case, as Python's `text.lower().count(word)` counts it
/// (without overlaps), where that needs no copy of the text (see [`WordCounts`]); `None` elsewhere.
///
/// ```
/// use textclean_native::chars::count_in_lower_case;
/// assert_eq!(count_in_lower_case("Top-selling, TOP-SELLING, top-selling!", "top-selling"), Some(3));
/// assert_eq!((count_in_lower_case("aaaa", "aa"), count_in_lower_case("aa", "Aa")), (Some(2), Some(0)));
/// assert_eq!((count_in_lower_case("İnci", "inci"), count_in_lower_case("öl", "öl")), (None, None));
/// ```
pub fn count_in_lower_case(text: &str, word: &str) -> Option<usize> {
    WordCounts::new(text).count(word)
}

/// Letters from the most to the least common in text of the languages written in Latin letters: a word
/// is looked for by its rarest byte (anything but a letter counts as rarer than all of them).
const LETTERS_BY_FREQUENCY: &[u8; 26] = b"etaoinsrhldcumfpgwybvkxjqz";

/// The words counted in a text put in lower case, as Python's `text.lower().count(word)` counts them,
/// without a copy of the text in lower case: each word in ASCII (not empty), in a text without "İ"
/// (U+0130) and the Kelvin sign (U+212A), the only characters beyond ASCII whose lower case holds an
/// ASCII letter. ASCII upper case letters are not in a text in lower case.
pub struct WordCounts<'t> {
    text: &'t str,
    /// Whether lower case makes no ASCII letter of a character beyond ASCII, once read.
    exact: Option<bool>,
    counted: HashMap<String, usize>,
}

impl<'t> WordCounts<'t> {
    pub fn new(text: &'t str) -> Self {
        WordCounts {
            text,
            exact: None,
            counted: HashMap::new(),
        }
    }

    /// How often `word` occurs in the text put in lower case; `None` where that needs a copy of the text.
    pub fn count(&mut self, word: &str) -> Option<usize> {
        let bytes = self.text.as_bytes();
        let lowers_to_ascii = |c: &str| memchr::memmem::find(bytes, c.as_bytes()).is_some();
        let exact = *self
            .exact
            .get_or_insert_with(|| !lowers_to_ascii("\u{130}") && !lowers_to_ascii("\u{212A}"));
        if word.is_empty() || !word.is_ascii() || !exact {
            return None;
        }
        if word.bytes().any(|byte| byte.is_ascii_uppercase()) {
            return Some(0);
        }
        if let Some(&count) = self.counted.get(word) {
            return Some(count);
        }
        let word_bytes = word.as_bytes();
        let rarity = |byte: u8| {
            LETTERS_BY_FREQUENCY
                .iter()
                .position(|&letter| letter == byte)
                .unwrap_or(26)
        };
        let (anchor_at, anchor) = (0..word_bytes.len())
            .map(|at| (at, word_bytes[at]))
            .max_by_key(|&(at, byte)| (rarity(byte), std::cmp::Reverse(at)))
            .expect("a word that is not empty");
        // each place of the anchor byte, in order, is the place of a match that starts `anchor_at` before it
        let (mut count, mut free_from) = (0, 0);
        for found in memchr::memchr2_iter(anchor, anchor.to_ascii_uppercase(), bytes) {
            let Some(start) = found.checked_sub(anchor_at) else {
                continue;
            };
            let end = start + word_bytes.len();
            if start >= free_from && end <= bytes.len() && bytes[start..end].eq_ignore_ascii_case(word_bytes) {
                count += 1;
                free_from = end;
            }
        }
        self.counted.insert(word.to_string(), count);
        Some(count)
    }
}

/// The characters of `text` and their byte offsets, in order, but for the ASCII bytes in the runs
/// `skipped` (each `low..high`, either may be empty), which a scan passes over a chunk at a time where a
/// whole chunk is such bytes, else one at a time.
///
/// ```
/// use textclean_native::chars::chars_beyond;
/// let text = format!("{}é{}", "a".repeat(32), "b".repeat(7));
/// assert_eq!(chars_beyond(&text, [(0, 128), (0, 0)]).collect::<Vec<_>>(), [(32, 'é')]);
/// assert_eq!(chars_beyond("ab€", [(0x61, 0x62), (0, 0)]).collect::<Vec<_>>(), [(1, 'b'), (2, '€')]);
/// assert_eq!(chars_beyond("a\nb", [(0x61, 0x62), (0x0A, 0x0B)]).collect::<Vec<_>>(), [(2, 'b')]);
/// assert_eq!(chars_beyond(&"a".repeat(32), [(0, 128), (0, 0)]).count(), 0);
/// ```
pub fn chars_beyond(text: &str, skipped: [(u8, u8); 2]) -> impl Iterator<Item = (usize, char)> + '_ {
    let bytes = text.as_bytes();
    let [(low, width), (other_low, other_width)] = skipped.map(|(low, high)| (low, high - low));
    // both runs are tested, with no early exit, so that a fold over a chunk stays vector code
    let is_skipped = move |byte: u8| (byte.wrapping_sub(low) < width) | (byte.wrapping_sub(other_low) < other_width);
    let (mut pos, mut one_by_one_until) = (0, 0);
    std::iter::from_fn(move || {
        while pos < bytes.len() {
            if pos >= one_by_one_until {
                // a fold over a whole chunk, with no early exit, is what the compiler makes vector code of
                if let Some(chunk) = bytes.get(pos..pos + CHUNK) {
                    if chunk.iter().fold(true, |outside, &byte| outside & is_skipped(byte)) {
                        pos += CHUNK;
                        continue;
                    }
                }
                one_by_one_until = (pos + CHUNK).min(bytes.len());
            }
            // the skipped bytes inside a chunk that holds others, up to the next other one
            let window = &bytes[pos..one_by_one_until];
            match window.iter().position(|&byte| !is_skipped(byte)) {
                Some(skipped) => pos += skipped,
                None => {
                    pos = one_by_one_until;
                    continue;
                }
            }
            let c = text[pos..].chars().next().unwrap_or_default();
            let at = pos;
            pos += c.len_utf8();
            return Some((at, c));
        }
        None
    })
}

/// The bytes a scan passes over at once where none is in the set.
const CHUNK: usize = 16;

/// The two longest runs `low..high` of ASCII bytes none of which is in `ascii` (bit `b` for byte `b`), the
/// longest first.
fn longest_runs_outside(ascii: u128) -> [(u8, u8); 2] {
    let mut best = [(0, 0); 2];
    let mut start = 0;
    for byte in 0..=128u8 {
        if byte == 128 || ascii & (1 << byte) != 0 {
            let length = |(low, high): (u8, u8)| high - low;
            if byte - start > length(best[0]) {
                best = [(start, byte), best[0]];
            } else if byte - start > length(best[1]) {
                best[1] = (start, byte);
            }
            start = byte + 1;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_merge_and_hold_their_ends() {
        let class = CharClass::new([
            (0x300, 0x310),
            (0x305, 0x320),
            (0x321, 0x321),
            (0x10000, 0x10000),
            (10, 200),
        ]);
        for point in [10, 127, 128, 200, 0x300, 0x321, 0x10000] {
            assert!(class.contains(point), "{point:x}");
        }
        for point in [9, 201, 0x2FF, 0x322, 0xFFFF, 0x10001] {
            assert!(!class.contains(point), "{point:x}");
        }
        let plane_edge = CharClass::new([(0xFFF0, 0x10002)]);
        assert!([0xFFF0, 0xFFFF, 0x10000, 0x10002]
            .iter()
            .all(|&point| plane_edge.contains(point)));
        assert!(!plane_edge.contains(0xFFEF) && !plane_edge.contains(0x10003));
    }

    proptest::proptest! {
        #[test]
        fn words_are_counted_as_in_a_copy_in_lower_case(
            text in "[aAbB\\- é’İ]{0,60}",
            word in "[ab\\-]{1,4}",
        ) {
            let expected = (!text.contains('İ')).then(|| text.to_lowercase().matches(word.as_str()).count());
            proptest::prop_assert_eq!(count_in_lower_case(&text, &word), expected);
        }

        #[test]
        fn lines_are_what_a_split_at_line_breaks_gives(text in "[a\n\r é]{0,120}") {
            proptest::prop_assert_eq!(lines(&text).collect::<Vec<_>>(), text.split('\n').collect::<Vec<_>>());
        }

        #[test]
        fn a_union_holds_the_points_of_either_set(
            first in proptest::collection::vec((0u32..0x11000, 0u32..300), 0..5),
            second in proptest::collection::vec((0u32..0x11000, 0u32..300), 0..5),
            points in proptest::collection::vec(0u32..0x11200, 0..50),
        ) {
            let set = |ranges: &[(u32, u32)]| CharClass::new(ranges.iter().map(|&(first, length)| (first, first + length)));
            let (one, two) = (set(&first), set(&second));
            let either = one.union(&two);
            for point in points {
                let inside = |ranges: &[(u32, u32)]| ranges.iter().any(|&(first, length)| (first..=first + length).contains(&point));
                proptest::prop_assert_eq!(one.contains(point), inside(&first));
                proptest::prop_assert_eq!(either.contains(point), inside(&first) || inside(&second));
            }
        }
    }

    #[test]
    fn a_stand_in_is_read_as_what_it_stands_for() {
        let class = CharClass::new([(0xD800, 0xDFFF)]);
        let stands_for = |c: char| if c == '\u{E000}' { 0xD800 } else { u32::from(c) };
        assert_eq!(class.find_all("x\u{E000}y\u{E001}", stands_for), vec![1]);
    }

    #[test]
    fn the_longest_runs_outside_the_set_are_skipped() {
        let bits = |bytes: &[u8]| bytes.iter().fold(0u128, |bits, &byte| bits | 1 << byte);
        assert_eq!(longest_runs_outside(0), [(0, 128), (0, 0)]);
        assert_eq!(longest_runs_outside(bits(&[0, 9, 0x7F])), [(10, 0x7F), (1, 9)]);
        assert_eq!(longest_runs_outside(bits(&[0x41])), [(0, 0x41), (0x42, 128)]);
        assert_eq!(longest_runs_outside(!0), [(0, 0), (0, 0)]);
        let controls: Vec<u8> = (0..=8).chain(0x0D..=0x1F).chain([0x7F]).collect();
        assert_eq!(longest_runs_outside(bits(&controls)), [(0x20, 0x7F), (9, 0x0D)]);
    }

    proptest::proptest! {
        #[test]
        fn finding_in_chunks_finds_what_a_scan_of_each_character_finds(
            text in "[a-c\\t\\n\\x7F\\x00é\u{300}\u{200B}😀]{0,80}",
            ranges in proptest::collection::vec((0u32..0x300, 0u32..4), 0..4),
        ) {
            let class = CharClass::new(ranges.iter().map(|&(first, length)| (first * 40, first * 40 + length)).chain([(0x200B, 0x200B)]));
            let expected: Vec<usize> = text
                .char_indices()
                .filter(|&(_, c)| class.contains(u32::from(c)))
                .map(|(at, _)| at)
                .collect();
            proptest::prop_assert_eq!(class.occurs_in(&text, u32::from), !expected.is_empty());
            proptest::prop_assert_eq!(class.find_all(&text, u32::from), expected);
        }
    }

    #[test]
    fn finding_is_linear() {
        let class = CharClass::new([(0x200B, 0x200F)]);
        crate::testing::assert_linear(
            20_000,
            |n| "é\u{200B}a".repeat(n),
            |text| {
                class.find_all(text, u32::from);
            },
        );
    }
}
