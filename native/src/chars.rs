//! Sets of characters, found in a text in one pass.
//!
//! A cleaner that changes only a few kinds of characters (controls, invisible format characters,
//! quotes it was asked to straighten) first finds where they stand; most text holds none, and a
//! pass over its bytes costs less than any per-character test in Python.

/// A set of characters, given as ranges of code points.
#[derive(Debug, Clone)]
pub struct CharClass {
    /// Bit `b` is set for each ASCII character `b` of the set: most of a text is ASCII.
    ascii: u128,
    /// The ranges beyond ASCII, sorted and merged.
    ranges: Vec<(u32, u32)>,
}

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
        CharClass { ascii, ranges }
    }

    /// Whether the code point `point` is in the set.
    pub fn contains(&self, point: u32) -> bool {
        if point < 128 {
            return self.ascii & (1 << point) != 0;
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
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut pos = 0;
        while pos < bytes.len() {
            let byte = bytes[pos];
            if byte < 128 {
                if self.ascii & (1 << byte) != 0 {
                    found.push(pos);
                }
                pos += 1;
                continue;
            }
            let c = text[pos..].chars().next().unwrap_or_default();
            if self.contains(stands_for(c)) {
                found.push(pos);
            }
            pos += c.len_utf8();
        }
        found
    }
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
    }

    #[test]
    fn a_stand_in_is_read_as_what_it_stands_for() {
        let class = CharClass::new([(0xD800, 0xDFFF)]);
        let stands_for = |c: char| if c == '\u{E000}' { 0xD800 } else { u32::from(c) };
        assert_eq!(class.find_all("x\u{E000}y\u{E001}", stands_for), vec![1]);
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
