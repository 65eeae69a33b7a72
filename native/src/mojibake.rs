//! The gate of the `mojibake` cleaner: whether a text holds anything that UTF-8 read with the wrong
//! codec leaves behind at all.
//!
//! UTF-8 read as a single-byte codec turns each sequence into a lead character (the codec's reading
//! of bytes C2-F4) followed by continuation characters (its reading of bytes 80-BF): "Ã©" for "é".
//! Windows-1252 read as Latin-1 leaves C1 control characters. A text with neither a pair of one
//! codec nor a C1 control (nearly all text) has nothing the cleaner repairs, and costs one pass over
//! its characters that are not ASCII; the cleaner looks closer only at the others.

use crate::blocks::TextMap;
use crate::chars::chars_beyond;
use crate::unicode::is_word;

/// What a text holds of mojibake's traces.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Traces {
    /// A C1 control character (U+0080-U+009F).
    pub c1_control: bool,
    /// A lead character followed by a continuation character of the same codec.
    pub pair: bool,
}

/// The lead and continuation characters of each codec the cleaner can undo.
#[derive(Debug, Default, Clone)]
pub struct Gate {
    /// For each lead or continuation character, a bit for each codec it leads in, and one for each codec it
    /// continues in: one look-up for each character beyond ASCII.
    roles: TextMap<char, Roles>,
}

/// A character's roles in the codecs, a bit for each codec.
#[derive(Debug, Default, Clone, Copy)]
struct Roles {
    leads: u64,
    continues: u64,
}

impl Gate {
    /// The gate of `codecs`: for each, its lead characters and its continuation characters (at most 64 codecs).
    pub fn new(codecs: &[(String, String)]) -> Result<Gate, String> {
        if codecs.len() > 64 {
            return Err(format!("at most 64 codecs, not {}", codecs.len()));
        }
        let mut gate = Gate::default();
        for (bit, (leads, continuations)) in codecs.iter().enumerate() {
            for c in leads.chars() {
                gate.roles.entry(c).or_default().leads |= 1 << bit;
            }
            for c in continuations.chars() {
                gate.roles.entry(c).or_default().continues |= 1 << bit;
            }
        }
        Ok(gate)
    }

    /// What `text` holds of mojibake's traces.
    ///
    /// ```
    /// use textclean_native::mojibake::Gate;
    /// let gate = Gate::new(&[("ÂÃ".to_string(), "©\u{80}".to_string())]).unwrap();
    /// assert!(gate.read("cafÃ©").pair && !gate.read("caf© Ã").pair);
    /// assert!(gate.read("a\u{85}b").c1_control && !gate.read("café").c1_control);
    /// ```
    pub fn read(&self, text: &str) -> Traces {
        let mut traces = Traces::default();
        let mut leading = 0; // the codecs the character before leads in
        let mut after = 0; // where the character before ends
        for (at, c) in chars_beyond(text, [(0, 128), (0, 0)]) {
            if c.is_ascii() || at != after {
                leading = 0; // an ASCII character stands between
            }
            after = at + c.len_utf8();
            if c.is_ascii() {
                continue;
            }
            traces.c1_control |= ('\u{80}'..='\u{9F}').contains(&c);
            let roles = self.roles.get(&c).copied().unwrap_or_default();
            traces.pair |= roles.continues & leading != 0;
            if traces.pair && traces.c1_control {
                break;
            }
            leading = roles.leads;
        }
        traces
    }
}

/// Whether `text` may hold an HTML character reference as the `mojibake` cleaner reads them: an "&"
/// before a name of letters and digits (at most 32, the first a letter) or "#" and letters and digits
/// (any count of them: a number in digits, or after "x" in hex digits, with the zeros of an escaped
/// "&#038;"), closed by ";". A text without one holds none; one with one may hold none.
///
/// ```
/// use textclean_native::mojibake::may_hold_entity;
/// assert!(may_hold_entity("Tom &amp; Jerry") && may_hold_entity("&#0000038;lt;") && may_hold_entity("&#x2019;"));
/// assert!(!may_hold_entity("AT&T, Q & A, /?a=1&b=2") && !may_hold_entity("&;"));
/// ```
pub fn may_hold_entity(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'&', bytes).any(|at| {
        let rest = &bytes[at + 1..];
        let (body, most) = match rest.first() {
            Some(b'#') => {
                let digits = rest[1..].strip_prefix(b"x").or_else(|| rest[1..].strip_prefix(b"X"));
                (digits.unwrap_or(&rest[1..]), usize::MAX)
            }
            Some(byte) if byte.is_ascii_alphabetic() => (rest, 32),
            _ => return false,
        };
        let length = body.iter().take_while(|byte| byte.is_ascii_alphanumeric()).count();
        (1..=most).contains(&length) && body.get(length) == Some(&b';')
    })
}

/// Whether `text` may hold an English contraction whose apostrophe Latin-1 mojibake turned into a lone
/// "â" ("Theyâll", "donât", "Iâm"): an "â" after an ASCII letter and before "s", "ll", "re", "ve", "d",
/// "t" or "m" that ends a word. A text without one is no text whose lost punctuation the cleaner guesses.
///
/// ```
/// use textclean_native::mojibake::may_have_lost_apostrophes;
/// assert!(may_have_lost_apostrophes("Theyâll come, donât wait") && may_have_lost_apostrophes("Iâm"));
/// assert!(!may_have_lost_apostrophes("château, pâte, âge") && !may_have_lost_apostrophes("Theyâllx"));
/// ```
pub fn may_have_lost_apostrophes(text: &str) -> bool {
    const LEAD: &str = "â";
    memchr::memmem::find_iter(text.as_bytes(), LEAD).any(|at| {
        let after_letter = text[..at].chars().next_back().is_some_and(|c| c.is_ascii_alphabetic());
        let rest = &text[at + LEAD.len()..];
        after_letter
            && ["s", "ll", "re", "ve", "d", "t", "m"].iter().any(|suffix| {
                rest.strip_prefix(suffix)
                    .is_some_and(|after| !after.chars().next().is_some_and(is_word))
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pair_is_a_lead_and_a_continuation_of_one_codec() {
        let gate = Gate::new(&[("Ã".to_string(), "©".to_string()), ("Ð".to_string(), "¿".to_string())]).unwrap();
        assert_eq!(
            gate.read("Ã©"),
            Traces {
                c1_control: false,
                pair: true
            }
        );
        assert!(gate.read("Ð¿").pair && !gate.read("Ã¿").pair && !gate.read("Ð©").pair);
        assert!(!gate.read("Ã ©").pair && !gate.read("©Ã").pair && !gate.read("").pair);
        assert!(Gate::new(&vec![(String::new(), String::new()); 65]).is_err());
        // ASCII is passed over a chunk at a time: a pair across a chunk's edge counts, one split by ASCII not
        let ascii = |n: usize| "a".repeat(n);
        for n in 0..40 {
            assert!(gate.read(&format!("{}Ã©", ascii(n))).pair, "{n}");
            assert!(!gate.read(&format!("Ã{}©", ascii(n + 1))).pair, "{n}");
        }
    }
}
