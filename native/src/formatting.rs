//! Formatting markup: emphasis, headings, rules, quotes, list markers, tables, stray tags.
//!
//! Each rule is a hand-written scanner that reads every character a bounded number of times, so a
//! text of any shape (a run of 100,000 `*`, `_a` repeated) costs time in proportion to its length.
//! The scanners read classes of characters as Python's `regex` module does: `\w` and `\d` from
//! [`crate::unicode`], `\s` as Unicode's White_Space; a table's lines end at `\n` only, as `^` and `$` see them.
//! Each finds its matches as a regex search does, left to right, going on after the end of a match
//! or one character after a failed start; the tokens of all rules are then sorted by start (longest
//! first) and a token that overlaps one kept before it is dropped.

use std::cmp::Reverse;

use crate::unicode::{is_digit, is_python_space, is_space, is_word};

/// A kind of formatting markup; a set of kinds is a mask with the bit `1 << kind as u32` of each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// One delimiter of an emphasis pair: `**`, `__`, `*` or `_`.
    Emphasis,
    /// A word of only `__` or `****` (an empty `<i>` or `<em>`).
    EmptyEmphasis,
    /// A thematic break line: `***`, `- - -`, `___`.
    Rule,
    /// A list item with nothing in it: `*`, `- *`.
    EmptyItem,
    /// A heading's `#` marker and the space after it.
    Heading,
    /// The `>` markers of a quote.
    Quote,
    /// A list item's bullet or number and the space after it.
    ListMarker,
    /// The row under a table's header: `---|:---:`.
    TableRule,
    /// A pipe between (or around) a table's cells.
    Cell,
    /// A stray HTML tag or comment.
    Tag,
}

impl Kind {
    /// Every kind, in the order of their bits.
    pub const ALL: [Kind; 10] = [
        Kind::Emphasis,
        Kind::EmptyEmphasis,
        Kind::Rule,
        Kind::EmptyItem,
        Kind::Heading,
        Kind::Quote,
        Kind::ListMarker,
        Kind::TableRule,
        Kind::Cell,
        Kind::Tag,
    ];

    /// The name Python gives the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Emphasis => "emphasis",
            Kind::EmptyEmphasis => "empty_emphasis",
            Kind::Rule => "rule",
            Kind::EmptyItem => "empty_item",
            Kind::Heading => "heading",
            Kind::Quote => "quote",
            Kind::ListMarker => "list_marker",
            Kind::TableRule => "table_rule",
            Kind::Cell => "cell",
            Kind::Tag => "tag",
        }
    }

    /// The bit of the kind in a mask of kinds.
    pub fn bit(self) -> u32 {
        1 << self as u32
    }
}

/// A piece of markup: its kind, its bytes `start..end` and what a reader sees in its place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// `"\t"` for a pipe between two cells, `"\n"` for a block element's tag between two words, else `""`.
    pub text: &'static str,
}

/// Find the formatting markup of the kinds in the mask `kinds`: sorted, not overlapping.
///
/// ```
/// use textclean_native::formatting::{tokenize, Kind};
/// let kinds: Vec<_> = tokenize("## Big **news**", u32::MAX).iter().map(|token| token.kind).collect();
/// assert_eq!(kinds, [Kind::Heading, Kind::Emphasis, Kind::Emphasis]);
/// let headings = tokenize("## Big **news**", 1 << Kind::Heading as u32);
/// assert_eq!((headings.len(), headings[0].end), (1, 3));
/// ```
pub fn tokenize(text: &str, kinds: u32) -> Vec<Token> {
    let mut found = Vec::new();
    let wants = |kind: Kind| kinds & kind.bit() != 0;
    if memchr::memchr2(b'*', b'_', text.as_bytes()).is_some() {
        if wants(Kind::Emphasis) {
            emphasis(text, &mut found);
        }
        if wants(Kind::EmptyEmphasis) {
            empty_emphasis(text, &mut found);
        }
    }
    line_starts(text, kinds, &mut found);
    let holds = |byte: u8| memchr::memchr(byte, text.as_bytes()).is_some();
    if kinds & (Kind::TableRule.bit() | Kind::Cell.bit()) != 0 && holds(b'|') && text.contains("---") {
        tables(text, kinds, &mut found);
    }
    if wants(Kind::Tag) && holds(b'<') {
        tags(text, &mut found);
    }
    found.sort_by_key(|token| (token.start, Reverse(token.end)));
    let mut tokens: Vec<Token> = Vec::with_capacity(found.len());
    for token in found {
        if tokens.last().is_none_or(|last| token.start >= last.end) {
            tokens.push(token);
        }
    }
    tokens
}

/// The character that ends at byte `pos`, if any.
pub(crate) fn char_before(text: &str, pos: usize) -> Option<char> {
    text[..pos].chars().next_back()
}

/// The character that starts at byte `pos`, if any.
pub(crate) fn char_at(text: &str, pos: usize) -> Option<char> {
    text[pos..].chars().next()
}

/// Where the run of spaces and tabs at byte `pos` ends.
pub(crate) fn skip_blanks(bytes: &[u8], mut pos: usize) -> usize {
    while matches!(bytes.get(pos), Some(b' ' | b'\t')) {
        pos += 1;
    }
    pos
}

/// Whether a line ends at byte `pos`: a line break (`\r` or `\n`) or the end of the text.
fn at_line_end(bytes: &[u8], pos: usize) -> bool {
    matches!(bytes.get(pos), None | Some(b'\r' | b'\n'))
}

/// Where the content of an emphasis can end, for starts that only move forward: at the first
/// delimiter character, at a line break before a blank line, or at the end of the text.
struct ContentEnds<'a> {
    bytes: &'a [u8],
    mark: u8,
    from: usize,
    found: usize,
}

impl ContentEnds<'_> {
    fn at_or_after(&mut self, pos: usize) -> usize {
        if self.from <= pos && pos <= self.found {
            return self.found;
        }
        let bytes = self.bytes;
        let mut at = bytes.len();
        for candidate in memchr::memchr2_iter(self.mark, b'\n', &bytes[pos..]).map(|offset| pos + offset) {
            if bytes[candidate] == self.mark || bytes.get(skip_blanks(bytes, candidate + 1)) == Some(&b'\n') {
                at = candidate;
                break;
            }
        }
        (self.from, self.found) = (pos, at);
        at
    }
}

/// Emphasis: a delimiter that opens (not after a word character, a backslash or the delimiter's
/// character, and before something else than space or that character) and one that closes (after
/// a character that is none of space, backslash or the delimiter's, not before a word character or
/// the delimiter's), in one paragraph, with no delimiter's character between them. So `2 * 3 * 4`
/// and `snake_case_names` are not emphasis, nor is `__name__` (a name, as in Python's `__init__`).
/// Each delimiter is sought over the whole text in turn, `**` before `*`.
fn emphasis(text: &str, found: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    for delimiter in ["**", "__", "*", "_"] {
        let mark = delimiter.as_bytes()[0];
        let size = delimiter.len();
        let mut ends = ContentEnds {
            bytes,
            mark,
            from: usize::MAX,
            found: 0,
        };
        let mut pos = 0;
        while let Some(offset) = memchr::memchr(mark, &bytes[pos..]) {
            let start = pos + offset;
            pos = start + 1;
            if !bytes[start..].starts_with(delimiter.as_bytes()) {
                continue;
            }
            if char_before(text, start).is_some_and(|c| is_word(c) || c == char::from(mark) || c == '\\') {
                continue;
            }
            let content = start + size;
            if char_at(text, content).is_none_or(|c| is_space(c) || c == char::from(mark)) {
                continue;
            }
            let close = ends.at_or_after(content);
            if !text[close..].starts_with(delimiter) {
                continue;
            }
            if char_before(text, close).is_some_and(|c| is_space(c) || c == '\\') {
                continue;
            }
            let end = close + size;
            if char_at(text, end).is_some_and(|c| is_word(c) || c == char::from(mark)) {
                continue;
            }
            pos = end;
            if mark == b'_' && size == 2 && text[content..close].chars().all(is_word) {
                continue;
            }
            found.push(Token {
                kind: Kind::Emphasis,
                start,
                end: content,
                text: "",
            });
            found.push(Token {
                kind: Kind::Emphasis,
                start: close,
                end,
                text: "",
            });
        }
    }
}

/// An empty emphasis that html2text writes for an empty `<i></i>` or `<em></em>` (icon fonts): a
/// word of only `__` or `****`, between spaces, brackets or parentheses.
fn empty_emphasis(text: &str, found: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut pos = 0;
    while let Some(offset) = memchr::memchr2(b'_', b'*', &bytes[pos..]) {
        let start = pos + offset;
        pos = start + 1;
        if char_before(text, start).is_some_and(|c| !(is_space(c) || c == '[' || c == '(')) {
            continue;
        }
        let end = if text[start..].starts_with("__") {
            start + 2
        } else if text[start..].starts_with("****") {
            start + 4
        } else {
            continue;
        };
        if char_at(text, end).is_none_or(|c| is_space(c) || c == ']' || c == ')') {
            found.push(Token {
                kind: Kind::EmptyEmphasis,
                start,
                end,
                text: "",
            });
            pos = end;
        }
    }
}

/// A scanner of line-start markup: where the markup that starts at a byte ends, if it is there.
type LineScanner = fn(&str, usize) -> Option<usize>;

/// The markup that can start a line, tried in this order, each with the characters it can start
/// with (after spaces and tabs) and its scanner.
const LINE_STARTS: [(Kind, &[u8], LineScanner); 5] = [
    (Kind::Rule, b"-*_", thematic_break),
    (Kind::EmptyItem, b"*+-", empty_item),
    (Kind::Heading, b"#", heading),
    (Kind::Quote, b">", quote_markers),
    (Kind::ListMarker, b"*+-0123456789", list_marker),
];

/// Line-start markup, sought at the start of the text and at each line (after `\r` or `\n`) whose
/// first character after spaces and tabs can start one of the kinds wanted.
fn line_starts(text: &str, kinds: u32, found: &mut Vec<Token>) {
    let wanted: Vec<_> = LINE_STARTS
        .iter()
        .filter(|(kind, _, _)| kinds & kind.bit() != 0)
        .collect();
    if wanted.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let can_start = |byte: &u8| wanted.iter().any(|(_, first, _)| first.contains(byte));
    let mut read_line = |start: usize| {
        for (kind, _, scan) in &wanted {
            if let Some(end) = scan(text, start) {
                found.push(Token {
                    kind: *kind,
                    start,
                    end,
                    text: "",
                });
                return;
            }
        }
    };
    read_line(0);
    for at in memchr::memchr2_iter(b'\r', b'\n', bytes) {
        if bytes.get(skip_blanks(bytes, at + 1)).is_some_and(can_start) {
            read_line(at + 1);
        }
    }
}

/// Up to three spaces from `pos`.
fn indent(bytes: &[u8], pos: usize) -> usize {
    pos + bytes[pos..].iter().take(3).take_while(|&&byte| byte == b' ').count()
}

/// A thematic break: three or more of one of `-`, `*`, `_`, with spaces and tabs between, alone on
/// its line (after at most three spaces).
fn thematic_break(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = indent(bytes, start);
    let mark = bytes.get(pos).copied().filter(|byte| b"-*_".contains(byte))?;
    pos += 1;
    let mut more = 0;
    loop {
        let next = skip_blanks(bytes, pos);
        if bytes.get(next) != Some(&mark) {
            break;
        }
        pos = next + 1;
        more += 1;
    }
    let end = skip_blanks(bytes, pos);
    (more >= 2 && at_line_end(bytes, end)).then_some(end)
}

/// A list item with nothing in it: bullets parted by spaces or tabs, alone on the line.
fn empty_item(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let is_bullet = |pos: usize| matches!(bytes.get(pos), Some(b'*' | b'+' | b'-'));
    let mut pos = skip_blanks(bytes, start);
    if !is_bullet(pos) {
        return None;
    }
    pos += 1;
    loop {
        let next = skip_blanks(bytes, pos);
        if next == pos || !is_bullet(next) {
            break;
        }
        pos = next + 1;
    }
    let end = skip_blanks(bytes, pos);
    at_line_end(bytes, end).then_some(end)
}

/// A heading's marker: at most three spaces, one to six `#`, then spaces and tabs or the line's end.
fn heading(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let marks = indent(bytes, start);
    let pos = marks + bytes[marks..].iter().take(6).take_while(|&&byte| byte == b'#').count();
    if pos == marks {
        return None;
    }
    let end = skip_blanks(bytes, pos);
    (end > pos || at_line_end(bytes, pos)).then_some(end)
}

/// Quote markers: `>`, each after at most three spaces and with one space after it.
fn quote_markers(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut end = None;
    let mut pos = start;
    loop {
        let mark = indent(bytes, pos);
        if bytes.get(mark) != Some(&b'>') {
            return end;
        }
        pos = mark + 1 + usize::from(bytes.get(mark + 1) == Some(&b' '));
        end = Some(pos);
    }
}

/// A list item's marker: a bullet, or a number of up to nine digits with `.` or `)`, then spaces or
/// tabs and something else.
fn list_marker(text: &str, start: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = skip_blanks(bytes, start);
    if matches!(bytes.get(pos), Some(b'*' | b'+' | b'-')) {
        pos += 1;
    } else {
        let digits: usize = text[pos..]
            .chars()
            .take(9)
            .take_while(|&c| is_digit(c))
            .map(char::len_utf8)
            .sum();
        if digits == 0 || !matches!(bytes.get(pos + digits), Some(b'.' | b')')) {
            return None;
        }
        pos += digits + 1;
    }
    let end = skip_blanks(bytes, pos);
    (end > pos && char_at(text, end).is_some_and(|c| !is_space(c))).then_some(end)
}

/// Pipe tables: the rule under the header (`---|:---:|---`, outer pipes optional), and the pipes of
/// the header and of the rows after the rule, up to the first line with no pipe. Tables do not
/// overlap: a rule among the rows of a table starts no other.
fn tables(text: &str, kinds: u32, found: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let line_end = |start: usize| text[start..].find('\n').map_or(text.len(), |offset| start + offset);
    let mut done = 0;
    let mut start = 0;
    while start <= text.len() {
        let end = line_end(start);
        let next = end + 1;
        if start < done || !is_table_rule(&bytes[start..end]) {
            start = next;
            continue;
        }
        if kinds & Kind::TableRule.bit() != 0 {
            found.push(Token {
                kind: Kind::TableRule,
                start,
                end,
                text: "",
            });
        }
        let mut rows = Vec::new();
        if start > 0 {
            let header = text[..start - 1].rfind('\n').map_or(0, |at| at + 1);
            if text[header..start].contains('|') {
                rows.push((header, start - 1));
            }
        }
        let mut pos = next;
        while pos < text.len() {
            let row_end = line_end(pos);
            if !text[pos..row_end].contains('|') {
                break;
            }
            rows.push((pos, row_end));
            pos = row_end + 1;
        }
        done = pos;
        if kinds & Kind::Cell.bit() != 0 {
            for (row, row_end) in rows {
                cells(&bytes[..row_end], row, found);
            }
        }
        start = next;
    }
}

/// Whether `line` is a table's rule: cells of at least three `-` (with `:` for alignment), parted by
/// pipes.
fn is_table_rule(line: &[u8]) -> bool {
    let cell = |pos: usize| {
        let mut pos = skip_blanks(line, pos);
        pos += usize::from(line.get(pos) == Some(&b':'));
        let dashes = line[pos..].iter().take_while(|&&byte| byte == b'-').count();
        if dashes < 3 {
            return None;
        }
        pos += dashes;
        pos += usize::from(line.get(pos) == Some(&b':'));
        Some(skip_blanks(line, pos))
    };
    let mut pos = skip_blanks(line, 0);
    pos += usize::from(line.get(pos) == Some(&b'|'));
    let Some(mut pos) = cell(pos) else {
        return false;
    };
    let mut pipes = 0;
    while line.get(pos) == Some(&b'|') {
        match cell(pos + 1) {
            Some(next) => (pos, pipes) = (next, pipes + 1),
            None => break,
        }
    }
    pos += usize::from(line.get(pos) == Some(&b'|'));
    pipes > 0 && skip_blanks(line, pos) == line.len()
}

/// The pipes of the row `row..` (the row ends where `bytes` ends), with the spaces around them. A
/// pipe escaped with a backslash is text. A pipe that opens or closes the row reads as nothing,
/// one between two cells as a tab.
fn cells(bytes: &[u8], row: usize, found: &mut Vec<Token>) {
    let end = bytes.len();
    let first_pipe = skip_blanks(bytes, row);
    let (first_edge, mut pos) = if bytes.get(first_pipe) == Some(&b'|') {
        (Some(row), skip_blanks(bytes, first_pipe + 1))
    } else {
        (None, row)
    };
    let mut last_edge = None;
    let trimmed = end
        - bytes[row..]
            .iter()
            .rev()
            .take_while(|&&byte| matches!(byte, b' ' | b'\t'))
            .count();
    if trimmed > row && bytes[trimmed - 1] == b'|' {
        let pipe = trimmed - 1;
        let spaced = pipe
            - bytes[row..pipe]
                .iter()
                .rev()
                .take_while(|&&byte| matches!(byte, b' ' | b'\t'))
                .count();
        if pos.max(spaced) <= pipe {
            last_edge = Some(pos.max(spaced));
        }
    }
    pos = row;
    while pos < end {
        let pipe = skip_blanks(bytes, pos);
        if pipe < end && bytes[pipe] == b'|' && (pipe > pos || pipe == 0 || bytes[pipe - 1] != b'\\') {
            let after = skip_blanks(bytes, pipe + 1);
            let edge = first_edge == Some(pos) || last_edge == Some(pos);
            found.push(Token {
                kind: Kind::Cell,
                start: pos,
                end: after,
                text: if edge { "" } else { "\t" },
            });
            pos = after;
        } else {
            pos = pipe + 1;
        }
    }
}

/// Elements whose tags end a line of text.
const BLOCK_TAGS: [&str; 40] = [
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "center",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hr",
    "html",
    "li",
    "main",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Elements whose tags sit inside a line (`a` and `img` are links and images, read elsewhere).
const INLINE_TAGS: [&str; 29] = [
    "abbr", "b", "big", "cite", "code", "del", "dfn", "em", "font", "i", "ins", "kbd", "label", "mark", "nobr", "q",
    "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr",
];

/// Stray HTML tags and comments. A block element's tag between two words reads as a line break.
fn tags(text: &str, found: &mut Vec<Token>) {
    let mut pos = 0;
    while let Some(offset) = text[pos..].find('<') {
        let start = pos + offset;
        pos = start + 1;
        let Some((end, block)) = comment(text, start)
            .map(|end| (end, false))
            .or_else(|| tag(text, start))
        else {
            continue;
        };
        let inside_line = char_before(text, start).is_some_and(|c| !is_python_space(c))
            && char_at(text, end).is_some_and(|c| !is_python_space(c));
        found.push(Token {
            kind: Kind::Tag,
            start,
            end,
            text: if block && inside_line { "\n" } else { "" },
        });
        pos = end;
    }
}

/// A comment at `start`: `<!--`, no `<` or `>` inside, `-->`. Returns its end.
fn comment(text: &str, start: usize) -> Option<usize> {
    if !text[start..].starts_with("<!--") {
        return None;
    }
    let bytes = text.as_bytes();
    let mut pos = start + 4;
    while pos < bytes.len() && !matches!(bytes[pos], b'<' | b'>') {
        if bytes[pos..].starts_with(b"-->") {
            return Some(pos + 3);
        }
        pos += 1;
    }
    None
}

/// A tag at `start`: `<name ...>`, `</name>` or `<name/>`, the name in any case. Returns its end and
/// whether the name, as Python lowers it, is a block element's.
fn tag(text: &str, start: usize) -> Option<(usize, bool)> {
    let bytes = text.as_bytes();
    let name_start = start + 1 + usize::from(bytes.get(start + 1) == Some(&b'/'));
    let read = |name: &str| {
        let name_end = name_at(text, name_start, name)?;
        let end = match char_at(text, name_end) {
            Some(c) if is_space(c) => {
                let close = name_end
                    + bytes[name_end..]
                        .iter()
                        .position(|&byte| byte == b'<' || byte == b'>')?;
                (bytes[close] == b'>').then_some(close + 1)?
            }
            Some('/') if bytes.get(name_end + 1) == Some(&b'>') => name_end + 2,
            Some('>') => name_end + 1,
            _ => return None,
        };
        Some((name.len(), name_end, end))
    };
    // the longest name that makes a tag (two names of one length never both match)
    let block = BLOCK_TAGS.iter().filter_map(|name| Some((read(name)?, true)));
    let inline = INLINE_TAGS.iter().filter_map(|name| Some((read(name)?, false)));
    let ((_, name_end, end), block) = block.chain(inline).max_by_key(|((length, _, _), _)| *length)?;
    // `regex` matches `ſ` as `s` and `İ` as `i` regardless of case, but Python does not lower them so
    let lowered = !text[name_start..name_end].contains(['\u{17F}', '\u{130}']);
    Some((end, block && lowered))
}

/// Where `name` ends if it is at `pos`, matched regardless of case as `regex` does: the Kelvin sign
/// is a `k`, the long `ſ` an `s`, and the dotted `İ` an `i`.
fn name_at(text: &str, pos: usize, name: &str) -> Option<usize> {
    let mut chars = text[pos..].char_indices();
    for letter in name.chars() {
        let (_, c) = chars.next()?;
        let same = c.to_ascii_lowercase() == letter
            || matches!((c, letter), ('\u{212A}', 'k') | ('\u{17F}', 's') | ('\u{130}', 'i'));
        if !same {
            return None;
        }
    }
    Some(chars.next().map_or(text.len(), |(offset, _)| pos + offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_the_bit_of_its_place_in_all() {
        for (place, kind) in Kind::ALL.iter().enumerate() {
            assert_eq!(kind.bit(), 1 << place, "{}", kind.name());
        }
    }
    use proptest::prelude::*;

    fn found(text: &str, kinds: u32) -> Vec<(&'static str, &str, &'static str)> {
        tokenize(text, kinds)
            .iter()
            .map(|token| (token.kind.name(), &text[token.start..token.end], token.text))
            .collect()
    }

    fn kinds_found(text: &str) -> Vec<&'static str> {
        tokenize(text, u32::MAX).iter().map(|token| token.kind.name()).collect()
    }

    #[test]
    fn emphasis_pairs_in_one_paragraph() {
        assert_eq!(
            found("**big** _news_", u32::MAX),
            [
                ("emphasis", "**", ""),
                ("emphasis", "**", ""),
                ("emphasis", "_", ""),
                ("emphasis", "_", "")
            ]
        );
        assert_eq!(kinds_found("a *b\nc* d"), ["emphasis", "emphasis"]);
        assert!(kinds_found("a *b\n\nc* d").is_empty());
        for plain in ["2 * 3 * 4", "snake_case_names", "__init__", "\\*a*", "*a *", "*a*b"] {
            assert!(kinds_found(plain).is_empty(), "{plain:?}");
        }
    }

    #[test]
    fn empty_emphasis_is_a_word_alone() {
        assert_eq!(kinds_found("[__](/) x ****"), ["empty_emphasis", "empty_emphasis"]);
        assert!(kinds_found("a__ ***** x").is_empty());
    }

    #[test]
    fn line_starts_in_order_of_trial() {
        assert_eq!(kinds_found("* * *\n* *\n## a\n> > b\n 12. c\n٣) d"), {
            ["rule", "empty_item", "heading", "quote", "list_marker"]
        });
        let list_only = 1 << Kind::ListMarker as u32;
        assert_eq!(found("* * *", list_only), [("list_marker", "* ", "")]);
        assert!(kinds_found("a\n٣) d\n    # x\n####### y\n-- -x").is_empty());
    }

    #[test]
    fn tables_rule_and_cells() {
        let text = "| a | b\\|c |\n|---|:---:|\n| 1 | 2 |\nafter\n| x";
        assert_eq!(
            found(text, u32::MAX)
                .iter()
                .map(|(kind, _, shown)| (*kind, *shown))
                .collect::<Vec<_>>(),
            [
                ("cell", ""),
                ("cell", "\t"),
                ("cell", ""),
                ("table_rule", ""),
                ("cell", ""),
                ("cell", "\t"),
                ("cell", "")
            ]
        );
        assert!(kinds_found("a | b\n--- | x").is_empty());
    }

    #[test]
    fn tags_and_comments() {
        assert_eq!(
            found("a<br>b <SPAN class=x>c</span><!-- x -->d<p/>", u32::MAX),
            [
                ("tag", "<br>", "\n"),
                ("tag", "<SPAN class=x>", ""),
                ("tag", "</span>", ""),
                ("tag", "<!-- x -->", ""),
                ("tag", "<p/>", "")
            ]
        );
        assert_eq!(found("a<bloc\u{212A}quote>b", u32::MAX)[0].2, "\n");
        assert_eq!(found("a<addre\u{17F}\u{17F}>b", u32::MAX)[0].2, "");
        for plain in ["x < y", "<3", "<bx>", "<b", "<!-- a > b -->", "<br x"] {
            assert!(kinds_found(plain).is_empty(), "{plain:?}");
        }
    }

    #[test]
    fn long_runs_take_linear_time() {
        // a scan that went back over the text at each delimiter would take minutes here
        let units = [
            "*",
            "_a",
            "* ",
            "**a ",
            "_a_ ",
            "<b ",
            "<!--",
            "<!-- -",
            "| ",
            "|---|\n|a|\n",
            "\n>",
            "_\n",
        ];
        for unit in units {
            crate::testing::assert_linear(
                5_000,
                |n| unit.repeat(n),
                |text| {
                    tokenize(text, u32::MAX);
                },
            );
        }
    }

    proptest! {
        #[test]
        fn tokens_are_sorted_apart_and_on_characters(
            text in "[*_#>|\\-:+0-9٣ \t\n\r<>/!a-zBé\u{3000}\u{2028}]{0,60}|(<(/?(br|span|div|B)|!--)|[*_ \n|-]|a)*",
            kinds in 0u32..1024,
        ) {
            let tokens = tokenize(&text, kinds);
            for pair in tokens.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start);
            }
            for token in tokens {
                prop_assert!(token.start < token.end);
                prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
                prop_assert!(kinds & token.kind.bit() != 0);
            }
        }
    }
}
