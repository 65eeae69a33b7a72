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
pub mod linewrap_blanks;
pub mod linewrap_joins;
pub mod links;
pub mod links_edits;
pub mod markup;
pub mod mojibake;
pub mod packed;
pub mod pages;
pub mod phrases;
pub mod removal;
pub mod run;
pub mod settle;
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
    use std::sync::LazyLock;
    use std::time::{Duration, Instant};

    use crate::classify::{Patterns, Settings};
    use crate::lexicon::{Lexicon, WordLists};

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

    const LIST_LINE: &str = r"^(?:\d+(?:[.,/]\d+)?(?:\s?[-–]\s?\d+(?:[.,/]\d+)?)?\s?\p{L}|\p{L}+\s?\d+(?:[.,]\d+)?\s?\p{L}|\p{L}[\p{L}\- ]{0,30}[:：]\s*[^\d\n]{0,20}\d|\|(?:[^|\n]+\|){2}|(?:\S+(?: \S+)*(?:\s{2,}|\t)){2}\S)";

    /// The classifier's settings at the normal strictness.
    pub(crate) fn normal() -> Settings {
        Settings {
            neighbours: true,
            position: true,
            prose_outside_run: false,
            near_prose_among_furniture: false,
            unproven_long_blocks: false,
            max_link_density: 0.5,
            keep_comments: false,
        }
    }

    /// The block classifier's patterns, in the lexicon's syntax.
    pub(crate) static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
        Patterns::new(
            LIST_LINE,
            r"^(?:\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){1,3} (?:is|was))(?:\W+\w+){0,6}?\W+(?:writer|editor)(?:\W|$)",
            r"\W{0,3}(?:(?:photo|bild)\s+)?(?P<at>\d{1,3})\s*(?:/|of|von)\s*(?P<of>\d{1,3})\W{0,3}",
            r"\s+(?:[|–—·•»]|-{1,2}|::)\s+",
            r"share|sign\s+up|cookies?",
        )
        .unwrap()
    });

    /// A lexicon of a few phrases of each kind, in the lexicon's syntax.
    pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
        lexicon_with(&[
            ("share", r"share\s+this\s+article|share|teilen"),
            ("comments", r"leave\s+a\s+comment|\d+\s+comments?|kommentare?|评论"),
            (
                "related",
                r"more\s+(?:from|news)(?:\s+.{0,40})?|meistgelesene?n?\s+artikel|see\s+also",
            ),
            ("tags", r"tags?"),
            ("source", r"source|copyright|©"),
        ])
    });

    /// The lexicon of [`LEXICON`] with other furniture phrases (among them those of "share" and "related").
    pub(crate) fn lexicon_with(furniture: &[(&str, &str)]) -> Lexicon {
        let table = |rows: &[(&str, &str)]| -> Vec<(String, String)> {
            rows.iter()
                .map(|&(label, phrases)| (label.to_string(), phrases.to_string()))
                .collect()
        };
        let furniture = table(furniture);
        let markers = table(&[
            ("comments", r"leave\s+a\s+comment|\d+\s+comments?"),
            ("tags", r"tags?:"),
            ("related", r"related\s+articles|see\s+also"),
        ]);
        let lists = WordLists {
            determiners: "the|die|les|nos",
            rights_opening: r"copyright|©|\(c\)\s+\d{4}|all\s+rights\s+reserved|\(c\)",
            rights_reserved: r"all\s+rights\s+reserved|alle\s+rechte\s+vorbehalten",
            cookies: "cookies?",
            consent: r"accept\w*|privacy|opt.out",
            credit_labels: "photo|foto|bild|fot|写真",
            credit_photos: "photo|image|foto|bild",
            credit_by: "by|von|de",
            byline: "by|von|written by",
            dates: r"(?:may|mai|march)\.? \d{1,2},? \d{4}|\d{1,2}\.? (?:may|mai|march) \d{4}|\d{4}-\d{2}-\d{2}",
            cjk_dates: r"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日",
            dateline: r"published|updated|on|mon|tue",
        };
        let prompts = ["share".to_string(), "related".to_string()];
        Lexicon::new(&furniture, &markers, &prompts, lists).unwrap()
    }
}
