//! The native core of textclean: built-in cleaners' rules, run over a text's code points.
//!
//! Everything here is plain, safe Rust that reads a `&str` and returns [`Edit`]s or tokens with byte
//! offsets; the bindings turn them into code point offsets (the offsets Python gives the same text)
//! in one pass. The Python bindings live in `python.rs`, compiled only with the `python` feature
//! (maturin turns it on), so `cargo test` runs the rules without an interpreter.

#![forbid(unsafe_code)]

pub mod blocks;
pub mod edits;
pub mod formatting;
pub mod language;
pub mod links;
pub mod links_edits;
pub mod unicode;
mod unicode_tables;
pub mod whitespace;
pub mod wordtable;

#[cfg(feature = "python")]
mod python;

pub use edits::Edit;
