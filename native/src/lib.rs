//! The native core of textclean: built-in cleaners' rules, run over a text's UTF-8 bytes.
//!
//! Everything here is plain, safe Rust that reads a `&str` and returns [`Edit`]s or tokens with byte
//! offsets; the bindings turn them into code point offsets (the offsets Python gives the same text)
//! in one pass. The Python bindings live in `python.rs`, compiled only with the `python` feature
//! (maturin turns it on), so `cargo test` runs the rules without an interpreter.

#![forbid(unsafe_code)]

pub mod blocks;
pub mod chars;
pub mod classify;
pub mod edits;
pub mod footer;
pub mod formatting;
pub mod forward;
pub mod language;
pub mod lexicon;
pub mod linewrap;
pub mod linewrap_joins;
pub mod links;
pub mod links_edits;
pub mod markup;
pub mod pages;
pub mod phrases;
pub mod removal;
pub mod unicode;
mod unicode_tables;
pub mod whitespace;
pub mod wordtable;

pub use edits::Edit;

#[cfg(feature = "python")]
mod python;

/// What the tests of several modules share.
#[cfg(test)]
pub(crate) mod testing {
    use std::time::{Duration, Instant};

    /// Check that `scan` takes linear time on the texts `text(n)` makes of `n` units: eight times the
    /// units may take at most twenty-four times as long (a scan that went back over the text would take
    /// sixty-four times as long). Each size is timed three times and its fastest run kept, so a busy
    /// machine slows both alike.
    pub(crate) fn assert_linear(units: usize, text: impl Fn(usize) -> String, scan: impl Fn(&str)) {
        let fastest = |text: &str| {
            (0..3)
                .map(|_| {
                    let started = Instant::now();
                    scan(text);
                    started.elapsed()
                })
                .min()
                .unwrap_or_default()
        };
        let small = fastest(&text(units));
        let large = fastest(&text(8 * units));
        let start: String = text(1).chars().take(12).collect();
        assert!(
            large < small * 24 + Duration::from_millis(20),
            "{start:?}: {small:?} then {large:?}"
        );
    }
}
