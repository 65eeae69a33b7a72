//! Patterns matched forward only, by a lazy DFA: what the lexicon's patterns need, in little memory.
//!
//! The `regex` crate compiles each pattern twice, forward and in reverse (to find where a match
//! starts), and keeps a lazy DFA and its cache for each direction. The lexicon's patterns only tell
//! whether they match, or where a match of a pattern anchored at the start ends, which the forward
//! automaton alone says; with Unicode classes spelled out, the reverse one would be the larger of the
//! two. A [`Forward`] keeps the forward NFA, a lazy DFA over it and, for the reading of a group, a
//! PikeVM over the same NFA. The PikeVM's cache (some 80 bytes a state of the NFA) is made the first
//! time a thread reads a group of the pattern, and kept: few patterns are read for groups, but those
//! often, and making the cache costs more than the search. Where a pattern bounds the length of its
//! matches, the lazy DFA also finds where the match starts, and the PikeVM reads that match alone.

use std::panic::{RefUnwindSafe, UnwindSafe};

use regex_automata::hybrid::dfa::{self, DFA};
use regex_automata::nfa::thompson::{
    self,
    pikevm::{self, PikeVM},
};
use regex_automata::util::pool::Pool;
use regex_automata::{Anchored, Input, PatternID};

/// A pool of one matcher's caches, one for each thread that searches with it.
type Caches<T> = Pool<T, Box<dyn Fn() -> T + Send + Sync + UnwindSafe + RefUnwindSafe>>;

/// A pattern in the `regex` crate's syntax, matched forward only.
#[derive(Debug)]
pub struct Forward {
    dfa: DFA,
    caches: Caches<dfa::Cache>,
    pikevm: PikeVM,
    pikevm_caches: Caches<pikevm::Cache>,
    /// The longest a match can be, in bytes, if the pattern bounds it.
    longest: Option<usize>,
}

impl Forward {
    /// Compile `pattern` with room for `cache` bytes of learned states (or the least its DFA needs, if
    /// that is more). A pattern that starts with `\A` is searched at the start of a text only.
    pub fn new(pattern: &str, cache: usize) -> Result<Forward, String> {
        let syntax = regex_automata::util::syntax::parse(pattern).map_err(|error| error.to_string())?;
        let nfa = thompson::Compiler::new()
            .build_from_hir(&syntax)
            .map_err(|error| error.to_string())?;
        let dfa = DFA::builder()
            .configure(DFA::config().cache_capacity(cache).skip_cache_capacity_check(true))
            .build_from_nfa(nfa.clone())
            .map_err(|error| error.to_string())?;
        let pikevm = PikeVM::new_from_nfa(nfa).map_err(|error| error.to_string())?;
        let for_cache = dfa.clone();
        let for_pikevm_cache = pikevm.clone();
        Ok(Forward {
            dfa,
            caches: Pool::new(Box::new(move || for_cache.create_cache())),
            pikevm,
            pikevm_caches: Pool::new(Box::new(move || for_pikevm_cache.create_cache())),
            longest: syntax.properties().maximum_len(),
        })
    }

    /// Whether the pattern matches somewhere in `text`.
    ///
    /// ```
    /// use textclean_native::forward::Forward;
    /// let cookies = Forward::new(r"(?i)(?:\A|\W)cookies?(?:\W|\z)", 1 << 16).unwrap();
    /// assert!(cookies.is_match("We use Cookies.") && !cookies.is_match("cookiesx"));
    /// ```
    pub fn is_match(&self, text: &str) -> bool {
        self.search(&Input::new(text).earliest(true)).is_some()
    }

    /// Where the first match of the pattern ends, as the `regex` crate's `find` ends it (leftmost-first).
    ///
    /// ```
    /// use textclean_native::forward::Forward;
    /// let pattern = Forward::new(r"\A(?:the|die)\s+", 1 << 16).unwrap();
    /// assert_eq!((pattern.end("the  news"), pattern.end("news")), (Some(5), None));
    /// ```
    pub fn end(&self, text: &str) -> Option<usize> {
        self.search(&Input::new(text))
    }

    /// The span of group `group` (0 for the whole match) of the first match of the pattern in `text`, if
    /// there is a match and it has the group.
    ///
    /// ```
    /// use textclean_native::forward::Forward;
    /// let pattern = Forward::new(r"(?:\A|[^a-z])(tags?|tags?:)(?:[^a-z]|\z)", 1 << 16).unwrap();
    /// assert_eq!((pattern.group("tags:", 1), pattern.group("the tags", 1)), (Some((0, 4)), Some((4, 8))));
    /// assert_eq!((pattern.group("the tags", 0), pattern.group("tagsx", 0)), (Some((3, 8)), None));
    /// ```
    pub fn group(&self, text: &str, group: usize) -> Option<(usize, usize)> {
        // The lazy DFA finds where the first match ends. Where the pattern bounds the length of its
        // matches, it also finds where that match starts: the first position, from as far back as the
        // longest match reaches, where a match is anchored. The PikeVM then reads the groups of that
        // match alone, anchored at its start, not trying a start at each position before its end.
        let end = self.search(&Input::new(text))?;
        let start = self.longest.and_then(|longest| {
            (end.saturating_sub(longest)..=end)
                .filter(|&at| text.is_char_boundary(at))
                .find(|&at| {
                    let anchored = Input::new(text).range(at..end).anchored(Anchored::Yes);
                    self.search(&anchored.earliest(true)).is_some()
                })
        });
        let input = match start {
            Some(start) => Input::new(text).range(start..end).anchored(Anchored::Yes),
            None => Input::new(text).range(..end),
        };
        let groups = self.pikevm.get_nfa().group_info();
        let mut slots = vec![None; groups.slot_len()];
        self.pikevm
            .search_slots(&mut self.pikevm_caches.get(), &input, &mut slots);
        let start = groups.slot(PatternID::ZERO, group)?;
        Some((slots[start]?.get(), slots[start + 1]?.get()))
    }

    /// The end of the first match in `input`: a lazy DFA without quit bytes that never gives up cannot fail.
    fn search(&self, input: &Input<'_>) -> Option<usize> {
        self.dfa
            .try_search_fwd(&mut self.caches.get(), input)
            .expect("a lazy DFA that never gives up cannot fail")
            .map(|found| found.offset())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The group of the first match of `pattern` in `text`, as the `regex` crate reads it.
    fn expected(pattern: &str, text: &str, group: usize) -> Option<(usize, usize)> {
        let found = regex::Regex::new(pattern).unwrap().captures(text)?.get(group)?;
        Some((found.start(), found.end()))
    }

    #[test]
    fn a_group_is_read_from_where_the_first_match_starts_though_another_starts_inside_it() {
        let digits = Forward::new(r"(\d{2,4})", 1 << 16).unwrap();
        assert_eq!(digits.group("123", 1), Some((0, 3)));
        assert_eq!(digits.group("a ٠١٢ b", 1), expected(r"(\d{2,4})", "a ٠١٢ b", 1));
    }

    proptest::proptest! {
        #[test]
        fn groups_are_those_of_the_regex_crate(text in "[ 0-9a-zé.,\u{660}]{0,40}", group in 0usize..3) {
            // bounded (the PikeVM starts near the match) and unbounded (it starts at the text's start)
            for pattern in [r"(?:\A|\W)(\d{1,2}\.? (?:é|ab?)|(\d{2,4}))(?:\W|\z)", r"(\d+)(?:a+|(,))"] {
                let found = Forward::new(pattern, 1 << 16).unwrap().group(&text, group);
                proptest::prop_assert_eq!(found, expected(pattern, &text, group));
            }
        }
    }
}
