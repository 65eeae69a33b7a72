//! Compact tables of word frequencies: 8 bytes a word, whatever the word's length.
//!
//! A word list of wordfreq holds its words in buckets of one centibel of frequency, the most common
//! first. A table keeps, for each word, one `u64`: 54 bits of a hash of the word, then 10 bits of its
//! bucket's index, sorted, so that a lookup is a binary search. A word that is not in the list takes
//! the bucket of one that is about once in 10^16 lookups (54 bits against at most a million words).

/// Bits of a key that hold the bucket's index.
const BUCKET_BITS: u32 = 10;
const BUCKET_MASK: u64 = (1 << BUCKET_BITS) - 1;

/// The most buckets a table can hold (wordfreq's lists have about 800).
pub const MAX_BUCKETS: usize = 1 << BUCKET_BITS;

/// A 64-bit hash of a word, the same in every process: FNV-1a over its UTF-8, then a final mix
/// (from splitmix64) so that the high bits, which the table keeps, depend on every byte.
fn word_hash(word: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &byte in word.as_bytes() {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash = (hash ^ (hash >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    hash = (hash ^ (hash >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    hash ^ (hash >> 31)
}

/// The buckets of the words of one word list.
#[derive(Debug, Default, Clone)]
pub struct WordTable {
    keys: Vec<u64>,
}

impl WordTable {
    /// Build a table from buckets of words, the bucket's index being its place in `buckets`.
    ///
    /// Buckets past [`MAX_BUCKETS`] are left out. A word listed in two buckets keeps the later one.
    ///
    /// ```
    /// use textclean_native::wordtable::WordTable;
    /// let table = WordTable::from_buckets([vec!["the", "of"], vec![], vec!["newspaper", "the"]]);
    /// assert_eq!((table.bucket("of"), table.bucket("the"), table.bucket("xqzzv")), (Some(0), Some(2), None));
    /// ```
    pub fn from_buckets<B, W>(buckets: B) -> Self
    where
        B: IntoIterator,
        B::Item: IntoIterator<Item = W>,
        W: AsRef<str>,
    {
        let mut builder = WordTableBuilder::default();
        for bucket in buckets {
            builder.push_bucket(bucket);
        }
        builder.finish()
    }

    /// The index of the bucket of `word`, if the list has it.
    pub fn bucket(&self, word: &str) -> Option<u16> {
        let wanted = key(word);
        // the last key of the word's hash: its latest bucket
        let after = self.keys.partition_point(|&found| found & !BUCKET_MASK <= wanted);
        let found = *self.keys.get(after.checked_sub(1)?)?;
        (found & !BUCKET_MASK == wanted).then_some((found & BUCKET_MASK) as u16)
    }

    /// The number of words in the table.
    pub fn len(&self) -> usize {
        self.keys.len()
    }

    /// Whether the table has no word.
    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// The bytes the table holds.
    pub fn nbytes(&self) -> usize {
        self.keys.capacity() * std::mem::size_of::<u64>()
    }
}

/// A table being built, one bucket after the other, so that a list is never held whole as strings.
#[derive(Debug, Default)]
pub struct WordTableBuilder {
    keys: Vec<u64>,
    buckets: usize,
}

impl WordTableBuilder {
    /// Add the words of the next bucket (left out past [`MAX_BUCKETS`]).
    pub fn push_bucket<W: AsRef<str>>(&mut self, words: impl IntoIterator<Item = W>) {
        if self.buckets < MAX_BUCKETS {
            let index = self.buckets as u64;
            self.keys
                .extend(words.into_iter().map(|word| key(word.as_ref()) | index));
        }
        self.buckets += 1;
    }

    /// Sort the keys into a table.
    pub fn finish(mut self) -> WordTable {
        self.keys.sort_unstable();
        self.keys.dedup();
        self.keys.shrink_to_fit();
        WordTable { keys: self.keys }
    }
}

/// The key of a word without its bucket: the high bits of its hash.
fn key(word: &str) -> u64 {
    word_hash(word) & !BUCKET_MASK
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn an_empty_table_has_no_word() {
        let table = WordTable::from_buckets(Vec::<Vec<&str>>::new());
        assert!(table.is_empty());
        assert_eq!(table.bucket(""), None);
    }

    #[test]
    fn buckets_past_the_last_index_are_left_out() {
        let mut buckets = vec![vec![]; MAX_BUCKETS];
        buckets.push(vec!["late"]);
        buckets[MAX_BUCKETS - 1].push("last");
        let table = WordTable::from_buckets(buckets);
        assert_eq!((table.bucket("last"), table.bucket("late")), (Some(1023), None));
        assert_eq!(table.nbytes(), 8);
    }

    proptest! {
        #[test]
        fn every_word_is_found_in_its_latest_bucket(words in prop::collection::vec(("\\PC{0,12}", 0usize..40), 0..200)) {
            let mut buckets = vec![Vec::new(); 40];
            for (word, index) in &words {
                buckets[*index].push(word.as_str());
            }
            let table = WordTable::from_buckets(buckets.clone());
            for (word, _) in &words {
                let latest = (0..40).rev().find(|&index| buckets[index].contains(&word.as_str()));
                prop_assert_eq!(table.bucket(word), latest.map(|index| index as u16));
            }
        }
    }
}
