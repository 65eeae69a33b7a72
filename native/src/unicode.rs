//! Character classes and case folding as Python reads them (the tables are in `unicode_tables.rs`).
//!
//! Rust's own tables follow the Unicode version of its standard library and crates; the rules must
//! read characters as the `regex` module and `str` methods do, so the classes they test come from
//! tables written by `native/scripts/unicode_tables.py`.

use std::sync::LazyLock;

use crate::chars::CharClass;
use crate::unicode_tables::{
    ALNUM, ALPHA, CASES, DECIMAL, DIGIT, FOLD, LETTER, LETTER_ONLY, LOWER, NO_SPACE, NUMBER, SCRIPTS, TITLE, UPPER,
    UPPER_LETTER, WIDE, WORD,
};

pub use crate::unicode_tables::SCRIPT_NAMES;

/// Whether `c` is in one of the sorted ranges of `table`.
fn in_table(table: &[(u32, u32)], c: char) -> bool {
    let point = c as u32;
    table
        .binary_search_by(|&(low, high)| {
            if high < point {
                std::cmp::Ordering::Less
            } else if low > point {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` is a word character, as `\w` of the `regex` module matches it.
#[inline]
pub fn is_word(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric() || c == '_'
    } else {
        in_table(WORD, c)
    }
}

/// The first decimal digit after the ASCII ones (ARABIC-INDIC DIGIT ZERO): no character between them is one.
const FIRST_WIDE_DIGIT: char = '\u{660}';

/// Whether `c` is a decimal digit of any script, as `\d` of the `regex` module matches it.
#[inline]
pub fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || (c >= FIRST_WIDE_DIGIT && in_table(DIGIT, c))
}

/// Whether `text` holds a decimal digit of any script ([`is_digit`]).
///
/// ```
/// use textclean_native::unicode::has_digit;
/// assert!(has_digit("page 7") && has_digit("صفحة ٣") && has_digit("第９页"));
/// assert!(!has_digit("café ½ ²") && !has_digit("港口"));
/// ```
pub fn has_digit(text: &str) -> bool {
    find_digit(text).is_some()
}

/// The byte offset of the first decimal digit of `text` ([`is_digit`]), if it holds one.
///
/// The bytes are read in chunks, and the characters decoded only where a byte may start a digit: an ASCII
/// one, or one from U+0660 on outside U+2000 to U+9FFF (punctuation, symbols and Han hold none).
///
/// ```
/// use textclean_native::unicode::find_digit;
/// assert_eq!((find_digit("p. 12"), find_digit("“صفحة ٣”"), find_digit("“港口”")), (Some(3), Some(12), None));
/// ```
pub fn find_digit(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    // UTF-8 writes U+0640 to U+1FFF with a first byte from 0xD9 to 0xE1, U+A000 and on from 0xEA
    let may_start = |byte: u8| byte.wrapping_sub(b'0') < 10 || matches!(byte, 0xD9..=0xE1 | 0xEA..);
    // a fold over a whole chunk, with no early exit inside it, is read many bytes at a time
    let holds = |chunk: &[u8]| chunk.iter().fold(false, |found, &byte| found | may_start(byte));
    let mut start = 0;
    for chunk in bytes.chunks(32) {
        if holds(chunk) {
            let found = (start..start + chunk.len())
                .filter(|&at| may_start(bytes[at]))
                .find(|&at| text[at..].chars().next().is_some_and(is_digit));
            if found.is_some() {
                return found;
            }
        }
        start += chunk.len();
    }
    None
}

/// The value of a decimal digit (a character [`is_digit`] accepts), as Python's `int` reads it: Unicode
/// gives each script's digits as a run of ten from zero.
///
/// ```
/// use textclean_native::unicode::digit_value;
/// assert_eq!((digit_value('7'), digit_value('٣'), digit_value('９')), (7, 3, 9));
/// ```
pub fn digit_value(c: char) -> u32 {
    let point = c as u32;
    DIGIT
        .iter()
        .find(|&&(first, last)| first <= point && point <= last)
        .map_or(0, |&(first, _)| (point - first) % 10)
}

/// Whether `c` is a letter or a mark, as `[\p{L}\p{M}]` of the `regex` module matches it.
#[inline]
pub fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(LETTER, c)
    }
}

/// Whether `c` is a letter, as `\p{L}` of the `regex` module matches it (marks are not).
pub fn is_letter_only(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(LETTER_ONLY, c)
    }
}

/// Whether `c` is a digit or a number, as `\p{N}` of the `regex` module matches it.
pub fn is_number(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(NUMBER, c))
}

/// Whether `c` is an upper case letter, as `\p{Lu}` of the `regex` module matches it.
pub fn is_upper_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_table(UPPER_LETTER, c)
    }
}

/// Whether `c` is upper case as `str.isupper` sees it.
pub fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_uppercase()
    } else {
        in_table(UPPER, c)
    }
}

/// Whether `c` is lower case as `str.islower` sees it.
pub fn is_lower(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_lowercase()
    } else {
        in_table(LOWER, c)
    }
}

/// Whether `text` is upper case as `str.isupper` sees it: it has an upper case character, and none in
/// lower or title case.
///
/// ```
/// use textclean_native::unicode::is_upper_text;
/// assert!(is_upper_text("NASA") && is_upper_text("Ü-2") && is_upper_text("ΑΘΗΝΑ"));
/// assert!(!is_upper_text("NASa") && !is_upper_text("ǅA") && !is_upper_text("2019"));
/// ```
pub fn is_upper_text(text: &str) -> bool {
    is_one_case(text, is_upper, is_lower)
}

/// Whether `text` is lower case as `str.islower` sees it: it has a lower case character, and none in
/// upper or title case.
///
/// ```
/// use textclean_native::unicode::is_lower_text;
/// assert!(is_lower_text("the") && is_lower_text("über-2") && !is_lower_text("The") && !is_lower_text("2019"));
/// ```
pub fn is_lower_text(text: &str) -> bool {
    is_one_case(text, is_lower, is_upper)
}

/// Whether `text` has a character in the case `is_case` tells, and none in the case `is_other` tells or
/// in title case.
fn is_one_case(text: &str, is_case: fn(char) -> bool, is_other: fn(char) -> bool) -> bool {
    let mut cased = false;
    for c in text.chars() {
        if is_other(c) || (!c.is_ascii() && in_table(TITLE, c)) {
            return false;
        }
        cased |= is_case(c);
    }
    cased
}

/// Whether `c` belongs to a script whose wrapped lines are rejoined without a space (Han, Hiragana,
/// Katakana, Thai, Lao, Khmer, Myanmar), or is CJK punctuation or a full-width form.
pub fn is_no_space(c: char) -> bool {
    !c.is_ascii() && in_table(NO_SPACE, c)
}

/// Whether `c` is a letter as `str.isalpha` sees it (Unicode's L, without the marks).
pub fn is_alpha(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else {
        in_table(ALPHA, c)
    }
}

/// Whether `c` is a letter, digit or number as `str.isalnum` sees it: with `_`, what `\w` of the `re`
/// module matches.
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        in_table(ALNUM, c)
    }
}

/// Whether `c` is a decimal digit as `str.isdecimal` sees it (and `\d` of the `re` module matches it).
pub fn is_decimal(c: char) -> bool {
    c.is_ascii_digit() || (!c.is_ascii() && in_table(DECIMAL, c))
}

/// The index in [`SCRIPT_NAMES`] of the script of `c`, if it is one of them.
pub fn script_of(c: char) -> Option<usize> {
    let point = c as u32;
    let found = SCRIPTS.partition_point(|&(_, last, _)| last < point);
    SCRIPTS
        .get(found)
        .filter(|&&(first, _, _)| first <= point)
        .map(|&(_, _, script)| usize::from(script))
}

/// Whether `c` belongs to a script written without spaces (Han, Hiragana, Katakana, Hangul, Thai).
#[inline]
pub fn is_wide(c: char) -> bool {
    !c.is_ascii() && in_table(WIDE, c)
}

/// Whether `c` is white space as `\s` of the `regex` module matches it: Unicode's White_Space, which
/// is what Rust calls white space.
pub fn is_space(c: char) -> bool {
    c.is_whitespace()
}

/// Whether `c` is white space as `str.isspace` sees it: White_Space and the four information
/// separators U+001C..U+001F.
pub fn is_python_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// The characters that case-insensitive matching of the `regex` module takes for `c`, besides `c` itself:
/// "I" and "İ" for "i", "i" and "ı" for "I", "s" and "ſ" for "S".
pub fn case_partners(c: char) -> impl Iterator<Item = char> {
    let point = c as u32;
    let first = CASES.partition_point(|&(from, _)| from < point);
    CASES[first..]
        .iter()
        .take_while(move |&&(from, _)| from == point)
        .filter_map(|&(_, to)| char::from_u32(to))
}

/// Fold the case of `text` fully, as Python's `str.casefold` does ("Straße" becomes "strasse").
pub fn casefold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    let mut rest = text;
    loop {
        // a run of ASCII is copied whole and lowered at the end, with the folds (which hold no capital)
        let ascii = rest.bytes().position(|byte| !byte.is_ascii()).unwrap_or(rest.len());
        folded.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let Some(c) = rest.chars().next() else {
            break;
        };
        match fold_of(c) {
            Some(fold) => folded.push_str(fold),
            None => folded.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    folded.make_ascii_lowercase();
    folded
}

/// The characters that [`FOLD`] folds to something else: one look-up in a bitmap for those of the Basic
/// Multilingual Plane.
static FOLDED: LazyLock<CharClass> = LazyLock::new(|| CharClass::new(FOLD.iter().map(|&(from, _)| (from, from))));

/// What `c` folds to, if its case folds to something else.
#[inline]
fn fold_of(c: char) -> Option<&'static str> {
    if !FOLDED.contains(u32::from(c)) {
        return None;
    }
    let found = FOLD.binary_search_by_key(&u32::from(c), |&(from, _)| from).ok()?;
    Some(FOLD[found].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_set_of_folded_characters_tells_each_character_that_folds() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let searched = FOLD.binary_search_by_key(&(c as u32), |&(from, _)| from).ok();
            assert_eq!(fold_of(c), searched.map(|found| FOLD[found].1), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn folding_a_run_of_ascii_whole_folds_each_character(text in "[a-zA-Z .\u{C0}-\u{17F}\u{391}-\u{3C9}\u{1E9E}\u{FB01}]{0,40}") {
            let each: String = text
                .chars()
                .map(|c| match FOLD.binary_search_by_key(&(c as u32), |&(from, _)| from) {
                    Ok(found) => FOLD[found].1.to_string(),
                    Err(_) => c.to_ascii_lowercase().to_string(),
                })
                .collect();
            proptest::prop_assert_eq!(casefold(&text), each);
        }

        #[test]
        fn the_first_digit_is_the_first_character_that_is_one(text in "[a-z5 /:\u{B2}\u{BD}\u{63F}-\u{66A}\u{900}-\u{970}\u{1C49}-\u{1C5A}\u{2019}\u{A61F}-\u{A621}\u{FF10}-\u{FF1A}\u{1D7CE}港]{0,80}") {
            let first = text.char_indices().find(|&(_, c)| c.is_ascii_digit() || in_table(DIGIT, c)).map(|(at, _)| at);
            proptest::prop_assert_eq!(find_digit(&text), first);
            proptest::prop_assert_eq!(has_digit(&text), first.is_some());
        }
    }

    #[test]
    fn no_fold_holds_a_capital_of_ascii() {
        assert!(FOLD
            .iter()
            .all(|(_, folded)| !folded.bytes().any(|byte| byte.is_ascii_uppercase())));
    }

    #[test]
    fn folding_is_full_case_folding() {
        assert_eq!(casefold("Straße ẞ ﬁ ΣΑΣ ς"), "strasse ss fi σασ σ");
        assert_eq!(casefold("ᏸ Ꭰ ꭰ İ K"), "Ᏸ Ꭰ Ꭰ i\u{307} k");
    }

    #[test]
    fn case_partners_are_those_of_the_regex_module() {
        let partners = |c| case_partners(c).collect::<String>();
        assert_eq!(
            (partners('i'), partners('I'), partners('İ')),
            ("Iİ".into(), "iı".into(), "i".into())
        );
        assert_eq!(
            (partners('s'), partners('ß'), partners('k')),
            ("S\u{17F}".into(), "\u{1E9E}".into(), "K\u{212A}".into())
        );
        assert_eq!((partners('1'), partners('港')), (String::new(), String::new()));
    }

    #[test]
    fn word_characters_are_letters_marks_digits_and_connectors() {
        for c in ['a', 'Z', '0', '_', 'é', 'ß', '\u{301}', '٣', '‿', '\u{200D}'] {
            assert!(is_word(c), "{c:?}");
        }
        for c in [' ', '-', '.', '½', '€', '\u{FFFD}', '\u{F0000}'] {
            assert!(!is_word(c), "{c:?}");
        }
    }

    #[test]
    fn digits_of_every_script_and_scripts_without_spaces() {
        assert!(is_digit('٣') && is_digit('7') && !is_digit('½'));
        // the digits after the ASCII ones start where `is_digit` starts looking them up
        assert_eq!(DIGIT[1].0, u32::from(FIRST_WIDE_DIGIT));
        // `find_digit` decodes no character from U+2000 to U+9FFF
        assert!(DIGIT.iter().all(|&(first, last)| last < 0x2000 || first > 0x9FFF));
        assert!(is_wide('港') && is_wide('カ') && is_wide('한') && is_wide('ไ') && !is_wide('ー') && !is_wide('、'));
    }

    #[test]
    fn letters_and_their_scripts() {
        let name = |c| script_of(c).map(|index| SCRIPT_NAMES[index]);
        assert_eq!(
            (name('a'), name('Ж'), name('港'), name('カ'), name('ー')),
            (Some("Latin"), Some("Cyrillic"), Some("Han"), Some("Kana"), None)
        );
        assert!(is_letter('é') && is_letter('\u{301}') && !is_letter('1') && !is_letter('_'));
    }

    #[test]
    fn letters_and_numbers_as_str_methods_read_them() {
        assert!(is_alpha('é') && is_alpha('Ж') && !is_alpha('\u{301}') && !is_alpha('1'));
        assert!(is_alnum('½') && is_alnum('²') && is_alnum('٣') && is_alnum('a') && !is_alnum('_'));
        assert!(is_decimal('٣') && !is_decimal('²') && !is_decimal('½'));
        assert!(is_letter_only('ж') && !is_letter_only('\u{301}') && is_upper_letter('Ж') && !is_upper_letter('ǅ'));
        assert!(!is_upper('ǅ') && !is_lower('ǅ') && is_lower('ß') && !is_lower('港') && !is_upper('港'));
        assert!(is_no_space('港') && is_no_space('。') && is_no_space('ກ') && !is_no_space('한'));
    }

    #[test]
    fn python_space_adds_the_separators() {
        assert!(is_python_space('\u{1F}') && is_python_space('\u{3000}') && !is_python_space('\u{200B}'));
        assert!(is_space('\u{85}') && !is_space('\u{1F}'));
    }
}
