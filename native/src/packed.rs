//! Short words packed in a number, and tables keyed by them: looking up a word of a few bytes is a
//! multiplication and a few comparisons of numbers, with no hashing of its bytes.

/// The most bytes of a word packed in a number.
pub const PACKED: usize = 7;

/// The word `text[start..end]` of one to [`PACKED`] bytes in a number: its length in the highest byte, its
/// bytes in the lowest (in ASCII lower case if `lower`). No two such words are one number, and none is 0.
///
/// ```
/// use textclean_native::packed::pack;
/// assert_eq!(pack(b"The end", 0, 3, true), pack(b"the", 0, 3, false));
/// assert_ne!(pack(b"the", 0, 3, false), pack(b"the", 0, 2, false));
/// ```
#[inline]
pub fn pack(text: &[u8], start: usize, end: usize, lower: bool) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let word = &text[start..end];
    let mut packed = match text[start..].first_chunk::<8>() {
        // the word and what follows it, read at once, the word's bytes kept
        Some(eight) => u64::from_le_bytes(*eight) & (u64::MAX >> (8 * (8 - word.len()))),
        None => word
            .iter()
            .enumerate()
            .fold(0, |packed, (at, &byte)| packed | u64::from(byte) << (8 * at)),
    };
    if lower {
        if packed & (ONES * 0x80) == 0 {
            // all ASCII: 0x80 in each byte from "A" on, less those from "Z" on, is 0x20 (a lower case's bit)
            // in each capital; no byte carries into the next
            let capitals = (packed + ONES * u64::from(0x80 - b'A')) & !(packed + ONES * u64::from(0x80 - b'Z' - 1));
            packed |= (capitals & (ONES * 0x80)) >> 2;
        } else {
            for (at, byte) in word.iter().enumerate() {
                packed |= u64::from(byte.to_ascii_lowercase() ^ byte) << (8 * at);
            }
        }
    }
    packed | (word.len() as u64) << 56
}

/// Values keyed by packed words ([`pack`]), each in the first free slot from the one its key's hash
/// gives, in a table kept at most half full.
///
/// ```
/// use textclean_native::packed::{pack, PackedTable};
/// let mut ranks: PackedTable<Vec<usize>> = PackedTable::with_capacity(1);
/// ranks.entry(pack(b"und", 0, 3, false)).push(1);
/// ranks.entry(pack(b"the", 0, 3, false)).push(0);
/// assert_eq!(ranks.get(pack(b"Und", 0, 3, true)), Some(&vec![1]));
/// assert_eq!(ranks.get(pack(b"an", 0, 2, false)), None);
/// ```
#[derive(Debug, Clone)]
pub struct PackedTable<V> {
    /// The key in each slot, 0 in a free one.
    keys: Vec<u64>,
    values: Vec<V>,
    len: usize,
}

impl<V: Default> Default for PackedTable<V> {
    fn default() -> Self {
        PackedTable::with_capacity(0)
    }
}

impl<V: Default> PackedTable<V> {
    /// An empty table with room for `words` keys.
    pub fn with_capacity(words: usize) -> Self {
        let slots = (2 * words).next_power_of_two().max(8);
        PackedTable {
            keys: vec![0; slots],
            values: std::iter::repeat_with(V::default).take(slots).collect(),
            len: 0,
        }
    }

    /// The value of `key`, made empty if the table has none yet.
    pub fn entry(&mut self, key: u64) -> &mut V {
        if 2 * (self.len + 1) > self.keys.len() {
            let mut larger = PackedTable::with_capacity(self.keys.len());
            for (key, value) in self.keys.iter().zip(&mut self.values).filter(|(&key, _)| key != 0) {
                *larger.entry(*key) = std::mem::take(value);
            }
            *self = larger;
        }
        let slot = self.slot_of(key);
        if self.keys[slot] == 0 {
            self.keys[slot] = key;
            self.len += 1;
        }
        &mut self.values[slot]
    }

    /// The value of `key`, if the table has one.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&V> {
        let slot = self.slot_of(key);
        (self.keys[slot] != 0).then(|| &self.values[slot])
    }

    /// The slot that holds `key`, or the free one where it would go.
    #[inline]
    fn slot_of(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        let mut slot = (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 40) as usize & mask;
        while self.keys[slot] != 0 && self.keys[slot] != key {
            slot = (slot + 1) & mask;
        }
        slot
    }
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    proptest::proptest! {
        #[test]
        fn a_table_that_grew_finds_each_word_it_holds_and_no_other(
            held in proptest::collection::hash_set("[a-zA-Z]{1,7}", 0..200),
            others in proptest::collection::vec("[a-zA-Z]{1,7}", 0..50),
        ) {
            let mut table: PackedTable<usize> = PackedTable::with_capacity(0);
            for word in &held {
                *table.entry(pack(word.as_bytes(), 0, word.len(), false)) = word.len();
            }
            let held: HashSet<&String> = held.iter().collect();
            for word in held.iter().copied().chain(&others) {
                let found = table.get(pack(word.as_bytes(), 0, word.len(), false));
                proptest::prop_assert_eq!(found.copied(), held.contains(word).then_some(word.len()));
            }
        }
    }
}
