//! Links, images, reference definitions, `<a>` and `<img>` tags, autolinks, backslash escapes and code
//! spans: the link markup HTML-to-text converters leave, found in one linear scan.
//!
//! The scanner jumps between the few characters that can start markup (`[` `]` `\` `<` and the
//! backtick), keeps the brackets and `<a>` tags still open, and reads what follows a `]` by hand, each
//! step moving on by a run of characters. Searches that may run far ahead (the end of a link's title,
//! a blank line) are remembered, so that each character is read a bounded number of times whatever
//! the text holds. Character classes are those of Python's `regex` module (see [`crate::unicode`]),
//! so that the tokens are those `textclean.text.markup_tokens` documents.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet, VecDeque};

use crate::edits::byte_offset;
use crate::unicode::{casefold, is_python_space, is_word};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Link,
    Image,
    LinkedImage,
    Reference,
    Definition,
    HtmlLink,
    HtmlImage,
    Autolink,
    Escape,
    Code,
}

impl Kind {
    /// The name Python gives the kind.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Link => "link",
            Kind::Image => "image",
            Kind::LinkedImage => "linked_image",
            Kind::Reference => "reference",
            Kind::Definition => "definition",
            Kind::HtmlLink => "html_link",
            Kind::HtmlImage => "html_image",
            Kind::Autolink => "autolink",
            Kind::Escape => "escape",
            Kind::Code => "code",
        }
    }

    /// Kinds whose text is link text.
    pub fn is_link(self) -> bool {
        matches!(self, Kind::Link | Kind::Reference | Kind::HtmlLink | Kind::Autolink)
    }

    /// Kinds that show nothing of their own but make a link of the text around them.
    pub fn is_image(self) -> bool {
        matches!(self, Kind::Image | Kind::LinkedImage | Kind::HtmlImage)
    }
}

/// A piece of markup: its kind, its span `start..end` (bytes of the text), what a reader sees of it
/// and the destination of a link, image or definition. The shown text and the URL borrow from the
/// text where they are written in it as they stand (most are), so that a token costs no copy.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token<'a> {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub text: Cow<'a, str>,
    pub url: Option<Cow<'a, str>>,
}

impl<'a> Token<'a> {
    fn new(
        kind: Kind,
        start: usize,
        end: usize,
        text: impl Into<Cow<'a, str>>,
        url: Option<Cow<'a, str>>,
    ) -> Token<'a> {
        Token {
            kind,
            start,
            end,
            text: text.into(),
            url,
        }
    }
}

/// What a backslash escapes.
const ESCAPABLE: &[u8] = b"\\`*_{}[]()#+-.!$<>|~";
/// Characters (code points) a link's text may run over blank lines.
const MAX_BLOCK_LINK: usize = 2000;
/// How deep parentheses nest in a destination.
const MAX_PAREN_DEPTH: usize = 3;
/// The longest reference label, in characters.
const MAX_LABEL: usize = 200;

/// Where the `MAX_BLOCK_LINK` characters before a place start, for places that move forward: the
/// window moves with them, so that all places of a text cost one pass over it.
#[derive(Debug, Default)]
struct Reach {
    /// The place asked about last, where the window starts, and how many characters it holds.
    at: usize,
    start: usize,
    characters: usize,
}

impl Reach {
    /// The byte where the `MAX_BLOCK_LINK` characters before byte `at` start, or None if there are fewer.
    /// What it gives for a place does not depend on the places asked about before, so a caller may ask
    /// only where it needs the answer.
    fn start(&mut self, text: &str, at: usize) -> Option<usize> {
        if at < self.at {
            *self = Reach::default();
        }
        self.characters += text[self.at..at].chars().count();
        self.at = at;
        if self.characters > MAX_BLOCK_LINK {
            self.start += byte_offset(&text[self.start..at], self.characters - MAX_BLOCK_LINK);
            self.characters = MAX_BLOCK_LINK;
        }
        (self.characters == MAX_BLOCK_LINK).then_some(self.start)
    }
}

/// Find the link tokens of `text`, sorted and not overlapping; markup nested in a link's text is read
/// into that link's text rather than listed.
///
/// ```
/// use textclean_native::links::{tokenize, Kind};
/// let tokens = tokenize("See [the report](/r \"PDF\") \\$4");
/// assert_eq!((tokens[0].kind, &*tokens[0].text, tokens[0].url.as_deref()), (Kind::Link, "the report", Some("/r")));
/// assert_eq!((tokens[1].kind, &*tokens[1].text), (Kind::Escape, "$"));
/// ```
pub fn tokenize(text: &str) -> Vec<Token<'_>> {
    let bytes = text.as_bytes();
    if memchr::memchr3(b'[', b'<', b'\\', bytes).is_none() && memchr::memchr(b'`', bytes).is_none() {
        return Vec::new();
    }
    let definitions = if memchr::memmem::find(bytes, b"]:").is_some() {
        find_definitions(text)
    } else {
        Vec::new()
    };
    let mut labels = HashMap::new();
    for (token, label) in &definitions {
        labels.insert(normalize_label(label), token.url.clone().unwrap_or_default());
    }
    let mut scanner = Scanner::new(text, labels);
    let mut start = 0;
    for (definition, _) in definitions {
        scanner.scan(start, definition.start);
        start = definition.end;
        scanner.tokens.push(definition);
    }
    scanner.scan(start, text.len());
    let mut tokens = scanner.tokens;
    if !scanner.strays.is_empty() {
        tokens.append(&mut scanner.strays);
        tokens.sort_by_key(|token| token.start);
    }
    tokens
}

/// A class of characters that [`run`] reads: its ASCII members in a table, read a byte at a time (a
/// byte that starts a longer character is in no class), and the other characters told by a function.
struct Class {
    bytes: [bool; 256],
    other: fn(char) -> bool,
}

/// The ASCII characters that `char::is_whitespace` takes for white space.
const ASCII_SPACE: &[u8] = b" \t\n\x0b\x0c\r";
/// The ASCII characters of `\w`.
const ASCII_WORD: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

impl Class {
    /// The ASCII characters of the `groups`, or all but those if `all_but`; the others as `other` tells.
    const fn new(all_but: bool, groups: &[&[u8]], other: fn(char) -> bool) -> Class {
        let mut bytes = [false; 256];
        let mut byte = 0;
        while byte < 128 {
            bytes[byte] = all_but;
            byte += 1;
        }
        let mut group = 0;
        while group < groups.len() {
            let mut at = 0;
            while at < groups[group].len() {
                bytes[groups[group][at] as usize] = !all_but;
                at += 1;
            }
            group += 1;
        }
        Class { bytes, other }
    }
}

fn is_not_space(c: char) -> bool {
    !c.is_whitespace()
}

fn anything(_: char) -> bool {
    true
}

/// The bytes that end the text of a simple link: markup, or a line break (which may be a blank line's).
const LINK_TEXT_STOPS: [bool; 256] = Class::new(false, &[b"[]\\<`\n"], anything).bytes;
/// What a simple link's URL holds: no white space, parenthesis, escape, angle bracket or backtick.
const SIMPLE_URL: Class = Class::new(true, &[ASCII_SPACE, b"()\\<>`"], is_not_space);
/// What a bare destination holds between its escapes and parentheses.
const PLAIN_URL: Class = Class::new(true, &[ASCII_SPACE, b"()\\"], is_not_space);
/// What an autolink's URL holds.
const AUTOLINK_URL: Class = Class::new(true, &[ASCII_SPACE, b"<>"], is_not_space);
/// What an unquoted value of an attribute holds.
const BARE_VALUE: Class = Class::new(true, &[ASCII_SPACE, b"\"'>"], is_not_space);
/// Anything but white space.
const NOT_SPACE: Class = Class::new(true, &[ASCII_SPACE], is_not_space);
/// White space (`char::is_whitespace`).
const SPACE: Class = Class::new(false, &[ASCII_SPACE], char::is_whitespace);
/// Anything but an angle bracket.
const NOT_ANGLE: Class = Class::new(true, &[b"<>"], anything);
/// What a destination in angle brackets holds.
const IN_ANGLES: Class = Class::new(true, &[b"<>\n"], anything);
/// What a word of a domain or an email address holds: word characters and `-`.
const NAME: Class = Class::new(false, &[ASCII_WORD, b"-"], is_word);
/// What the user of an email address holds.
const USER: Class = Class::new(false, &[ASCII_WORD, b".+-"], is_word);

/// The end of the run of characters of `text[pos..end]` that are in `class`.
fn run(text: &str, pos: usize, end: usize, class: &Class) -> usize {
    let bytes = text.as_bytes();
    let mut pos = pos;
    let held = |byte: &u8| class.bytes[usize::from(*byte)];
    while pos < end {
        // most characters are ASCII: read them as bytes, eight at a time while all are in the class
        while let Some(eight) = bytes[pos..end].first_chunk::<8>() {
            if !eight.iter().fold(true, |all, byte| all & held(byte)) {
                break;
            }
            pos += 8;
        }
        pos += bytes[pos..end].iter().position(|byte| !held(byte)).unwrap_or(end - pos);
        if pos == end || bytes[pos].is_ascii() {
            break;
        }
        let c = text[pos..end].chars().next().unwrap_or_default();
        if !(class.other)(c) {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// `text` without its line breaks (a URL wrapped across lines): `text` itself where it has none.
fn without_breaks(text: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\n', text.as_bytes()).is_some() {
        Cow::Owned(text.replace('\n', ""))
    } else {
        Cow::Borrowed(text)
    }
}

/// Where the ASCII character `byte` is first found in `text[from..to]`.
fn find(text: &str, from: usize, to: usize, byte: u8) -> Option<usize> {
    memchr::memchr(byte, &text.as_bytes()[from..to]).map(|at| from + at)
}

/// The end of the spaces and tabs that start at `pos`.
fn skip_blanks(bytes: &[u8], pos: usize, end: usize) -> usize {
    pos + bytes[pos..end].iter().take_while(|&&b| b == b' ' || b == b'\t').count()
}

/// The end of the white space inside a link's parentheses at `pos`: spaces, at most one line break.
fn skip_space(bytes: &[u8], pos: usize, end: usize) -> usize {
    let pos = skip_blanks(bytes, pos, end);
    if pos < end && bytes[pos] == b'\n' {
        skip_blanks(bytes, pos + 1, end)
    } else {
        pos
    }
}

/// Whether a blank line ends at `pos`: spaces, then a line break, before `end`.
fn blank_follows(bytes: &[u8], pos: usize, end: usize) -> bool {
    let pos = skip_blanks(bytes, pos, end);
    pos < end && bytes[pos] == b'\n'
}

/// The end of a URL scheme and its colon at `pos` (a letter, then 1 to 31 letters, digits, `+`, `.`,
/// `-`), if there is one before `end`.
fn scheme_end(bytes: &[u8], pos: usize, end: usize) -> Option<usize> {
    if pos >= end || !bytes[pos].is_ascii_alphabetic() {
        return None;
    }
    let rest = bytes[pos + 1..end].iter().take(32);
    let length = rest
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
        .count();
    let colon = pos + 1 + length;
    ((1..=31).contains(&length) && colon < end && bytes[colon] == b':').then_some(colon + 1)
}

/// The end of one or more `.name` parts at `pos`, if there is one.
fn dotted_names_end(text: &str, pos: usize, end: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut pos = pos;
    let mut found = false;
    while pos < end && bytes[pos] == b'.' {
        let name_end = run(text, pos + 1, end, &NAME);
        if name_end == pos + 1 {
            break;
        }
        pos = name_end;
        found = true;
    }
    found.then_some(pos)
}

/// Whether a destination looks like a URL, a path or a fragment.
fn is_url_like(url: &str) -> bool {
    let bytes = url.as_bytes();
    if scheme_end(bytes, 0, bytes.len()).is_some()
        || matches!(bytes.first(), Some(b'/' | b'#' | b'?'))
        || url.starts_with("www.")
    {
        return true;
    }
    let name_end = run(url, 0, url.len(), &NAME);
    name_end > 0 && dotted_names_end(url, name_end, url.len()).is_some_and(|end| bytes.get(end) == Some(&b'/'))
}

/// Undo the backslash escapes of a destination: `url` itself where it has none.
fn unescape(url: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\\', url.as_bytes()).is_none() {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len());
    let mut chars = url.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(escaped)) => {
                out.push(escaped);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Undo the backslash escapes of a destination read into a string of its own.
fn unescape_owned(url: String) -> String {
    match memchr::memchr(b'\\', url.as_bytes()) {
        Some(_) => unescape(&url).into_owned(),
        None => url,
    }
}

/// A reference label as it is looked up: runs of white space as one space, trimmed, case folded.
fn normalize_label(label: &str) -> String {
    let mut spaced = String::with_capacity(label.len());
    let mut in_space = false;
    for c in label.chars() {
        if c.is_whitespace() {
            if !in_space {
                spaced.push(' ');
            }
            in_space = true;
        } else {
            spaced.push(c);
            in_space = false;
        }
    }
    casefold(spaced.trim_matches(is_python_space))
}

/// Whether the `c` of a tag's name is the ASCII lower case `letter`, as an IGNORECASE pattern of the
/// `regex` module matches it (where "i" matches U+0130 and "s" matches U+017F too).
fn same_letter(c: char, letter: char) -> bool {
    c.to_ascii_lowercase() == letter || (letter == 'i' && c == '\u{130}') || (letter == 's' && c == '\u{17F}')
}

/// The end of `name` at `pos`, letters matched as a tag's, if it is there.
pub(crate) fn name_end(text: &str, pos: usize, end: usize, name: &str) -> Option<usize> {
    let mut chars = text[pos..end].char_indices();
    for letter in name.chars() {
        chars.next().filter(|&(_, c)| same_letter(c, letter))?;
    }
    Some(chars.next().map_or(end, |(at, _)| pos + at))
}

/// The end of the tag `<name>` or `<name attributes...>` at `pos`, if there is one.
fn tag_end(text: &str, pos: usize, end: usize, name: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    if bytes[pos] != b'<' {
        return None;
    }
    let after_name = name_end(text, pos + 1, end, name)?;
    let next = text[after_name..end].chars().next()?;
    let close = if next.is_whitespace() {
        run(text, after_name + next.len_utf8(), end, &NOT_ANGLE)
    } else {
        after_name
    };
    (close < end && bytes[close] == b'>').then_some(close + 1)
}

/// The end of the closing tag `</a>` at `pos`, if there is one.
fn closing_tag_end(text: &str, pos: usize, end: usize) -> Option<usize> {
    if !text[pos..end].starts_with("</") {
        return None;
    }
    let close = run(text, name_end(text, pos + 2, end, "a")?, end, &SPACE);
    (close < end && text.as_bytes()[close] == b'>').then_some(close + 1)
}

/// The value of the attribute `name` of the tag `tag`, if it has one.
fn attribute<'t>(tag: &'t str, name: &str) -> Option<Cow<'t, str>> {
    let bytes = tag.as_bytes();
    let end = tag.len();
    let mut quotes = [FirstMatch::new(end), FirstMatch::new(end)];
    for (at, c) in tag.char_indices() {
        if !c.is_whitespace() {
            continue;
        }
        let Some(after_name) = name_end(tag, at + c.len_utf8(), end, name) else {
            continue;
        };
        let equals = run(tag, after_name, end, &SPACE);
        if equals == end || bytes[equals] != b'=' {
            continue;
        }
        let value = run(tag, equals + 1, end, &SPACE);
        match bytes.get(value) {
            Some(&quote @ (b'"' | b'\'')) => {
                let which = usize::from(quote == b'\'');
                let search = |from: usize| find(tag, from, end, quote);
                if let Some(close) = quotes[which].at_or_after(value + 1, search) {
                    return Some(Cow::Borrowed(&tag[value + 1..close]));
                }
            }
            Some(_) => {
                let value_end = run(tag, value, end, &BARE_VALUE);
                if value_end > value {
                    return Some(Cow::Borrowed(&tag[value..value_end]));
                }
            }
            None => {}
        }
    }
    None
}

/// Where a search first matches at or after a place, for places that only move forward: a search
/// that found its match far ahead is remembered, so that all the searches of a text read each
/// character at most once.
struct FirstMatch {
    after: usize,
    found: Option<usize>,
}

impl FirstMatch {
    fn new(len: usize) -> FirstMatch {
        FirstMatch {
            after: len + 1,
            found: None,
        }
    }

    fn at_or_after(&mut self, pos: usize, search: impl FnOnce(usize) -> Option<usize>) -> Option<usize> {
        if self.after <= pos && self.found.is_none_or(|found| found >= pos) {
            return self.found;
        }
        self.after = pos;
        self.found = search(pos);
        self.found
    }
}

/// The end of what closes a title at `pos`: its closing quote or parenthesis, then the `)` of the
/// link, spaces and at most one line break between them. Quotes inside a title are not escaped by
/// html2text, so a quote alone does not end it.
fn title_end(bytes: &[u8], pos: usize) -> Option<usize> {
    let close = skip_space(bytes, pos + 1, bytes.len());
    (bytes.get(close) == Some(&b')')).then_some(close + 1)
}

/// The definition lines of reference links, each with its label: `[label]: destination "title"`, up
/// to three spaces before it. A line of that shape is a definition if its destination looks like a
/// URL or something refers to its label (`[Note]: corrected` in prose is neither).
fn find_definitions(text: &str) -> Vec<(Token<'_>, &str)> {
    let mut found = Vec::new();
    let mut referred: Option<HashSet<&str>> = None;
    let mut line = 0;
    while line <= text.len() {
        let line_end = find(text, line, text.len(), b'\n').unwrap_or(text.len());
        if let Some((label, url)) = definition(text, line, line_end) {
            if is_url_like(url) || referred.get_or_insert_with(|| referred_labels(text)).contains(label) {
                found.push((
                    Token::new(Kind::Definition, line, line_end, "", Some(unescape(url))),
                    label,
                ));
            }
        }
        line = line_end + 1;
    }
    found
}

/// The label and destination of the definition line `text[line..line_end]`, if it is one.
fn definition(text: &str, line: usize, line_end: usize) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let open = skip_blanks(bytes, line, line_end);
    if open - line > 3 || open == line_end || bytes[open] != b'[' {
        return None;
    }
    let mut label_end = open + 1;
    for (count, (at, c)) in text[open + 1..line_end].char_indices().enumerate() {
        label_end = open + 1 + at;
        if count == MAX_LABEL || c == '[' || c == ']' {
            break;
        }
        label_end += c.len_utf8();
    }
    if label_end == open + 1 || !text[label_end..line_end].starts_with("]:") {
        return None;
    }
    let dest = skip_blanks(bytes, label_end + 2, line_end);
    let label = &text[open + 1..label_end];
    if bytes.get(dest) == Some(&b'<') {
        let close = run(text, dest + 1, line_end, &NOT_ANGLE);
        if close < line_end && bytes[close] == b'>' && ends_definition(bytes, close + 1, line_end) {
            return Some((label, &text[dest + 1..close]));
        }
    }
    let raw_end = run(text, dest, line_end, &NOT_SPACE);
    (raw_end > dest && ends_definition(bytes, raw_end, line_end)).then(|| (label, &text[dest..raw_end]))
}

/// Whether what follows a definition's destination at `pos` is an optional title, then spaces to the
/// end of the line.
fn ends_definition(bytes: &[u8], pos: usize, line_end: usize) -> bool {
    let spaced = skip_blanks(bytes, pos, line_end);
    if spaced == line_end {
        return true;
    }
    let close = match bytes[spaced] {
        b'"' | b'\'' if spaced > pos => bytes[spaced],
        b'(' if spaced > pos => b')',
        _ => return false,
    };
    let inside = &bytes[spaced + 1..line_end];
    let stop = inside.iter().position(|&b| b == close || (close == b')' && b == b'('));
    stop.is_some_and(|at| inside[at] == close && skip_blanks(bytes, spaced + 2 + at, line_end) == line_end)
}

/// The labels something refers to: those of `][label]` and `[label][]`.
fn referred_labels(text: &str) -> HashSet<&str> {
    let bytes = text.as_bytes();
    let mut labels = HashSet::new();
    let mut last_open = None;
    for (at, &b) in bytes.iter().enumerate() {
        match b {
            b'[' => last_open = Some(at),
            b']' if bytes[at + 1..].starts_with(b"[") => {
                if let Some(label_end) = find(text, at + 2, text.len(), b']') {
                    labels.insert(&text[at + 2..label_end]);
                }
                if bytes[at + 1..].starts_with(b"[]") {
                    if let Some(open) = last_open {
                        labels.insert(&text[open + 1..at]);
                    }
                }
            }
            _ => {}
        }
    }
    labels
}

/// An `[` or `![` not closed yet.
#[derive(Debug, Clone, Copy)]
struct Bracket {
    start: usize,
    end: usize,
    image: bool,
}

/// An `<a ...>` tag not closed yet.
#[derive(Debug)]
struct Tag<'a> {
    start: usize,
    end: usize,
    url: Option<Cow<'a, str>>,
}

impl<'a> Tag<'a> {
    /// A tag never closed is markup all the same: a link with no text.
    fn into_token(self) -> Token<'a> {
        Token::new(Kind::HtmlLink, self.start, self.end, "", self.url)
    }
}

/// The state of one scan: the tokens found so far, and the brackets and tags still open.
struct Scanner<'a> {
    text: &'a str,
    bytes: &'a [u8],
    labels: HashMap<String, Cow<'a, str>>,
    tokens: Vec<Token<'a>>,
    /// `<a>` tags never closed, kept apart to keep `tokens` sorted.
    strays: Vec<Token<'a>>,
    /// Open brackets and open tags, each in the order they opened.
    brackets: VecDeque<Bracket>,
    tags: VecDeque<Tag<'a>>,
    /// Where the stretch being scanned ends.
    end: usize,
    /// Up to where the text was searched for blank lines.
    checked: usize,
    /// Where the last blank line found starts.
    last_blank: Option<usize>,
    /// The last `MAX_BLOCK_LINK` characters before the place asked about last: how far back a link's
    /// text may reach over a blank line.
    reach: Reach,
    /// The ends of titles (closed by `"`, `'` and `)`) and blank lines, searched far ahead.
    titles: [FirstMatch; 3],
    blank: FirstMatch,
}

impl<'a> Scanner<'a> {
    fn new(text: &'a str, labels: HashMap<String, Cow<'a, str>>) -> Scanner<'a> {
        let len = text.len();
        Scanner {
            text,
            bytes: text.as_bytes(),
            labels,
            tokens: Vec::new(),
            strays: Vec::new(),
            brackets: VecDeque::new(),
            tags: VecDeque::new(),
            end: 0,
            checked: 0,
            last_blank: None,
            reach: Reach::default(),
            titles: [FirstMatch::new(len), FirstMatch::new(len), FirstMatch::new(len)],
            blank: FirstMatch::new(len),
        }
    }

    fn has_openers(&self) -> bool {
        !self.brackets.is_empty() || !self.tags.is_empty()
    }

    /// Append the tokens of `text[start..end]`.
    fn scan(&mut self, start: usize, end: usize) {
        self.end = end;
        self.checked = start;
        // The next place of each character that can start markup (`end` if there is none left): an
        // opening bracket, a backslash, a tag or autolink, a code span, and a closing bracket (sought
        // only while something is open).
        let mut next: [Option<usize>; 5] = [None; 5];
        let mut pos = start;
        loop {
            let mut at = end;
            for (which, byte) in [b'[', b'\\', b'<', b'`', b']'].into_iter().enumerate() {
                if byte == b']' && !self.has_openers() {
                    continue;
                }
                let place = match next[which] {
                    Some(place) if place >= pos => place,
                    _ => find(self.text, pos, end, byte).unwrap_or(end),
                };
                next[which] = Some(place);
                at = at.min(place);
            }
            if at >= end {
                break;
            }
            pos = match self.bytes[at] {
                b'[' => self.open_bracket(at, pos),
                b']' => self.close_bracket(at),
                b'<' => self.read_angle(at),
                _ => self.read_escape_or_code(at),
            };
        }
        self.strays.extend(self.tags.drain(..).map(Tag::into_token));
        self.brackets.clear();
    }

    /// Read the `[` at `at` (an image's if `!` comes before it, after `pos`): a whole simple link, or
    /// an open bracket; return where scanning goes on.
    fn open_bracket(&mut self, at: usize, pos: usize) -> usize {
        let image = at > pos && self.bytes[at - 1] == b'!';
        let start = at - usize::from(image);
        if let Some((text_end, (url, stop))) = self.simple_link(at) {
            let token = if image {
                Token::new(Kind::Image, start, stop, "", Some(url))
            } else {
                Token::new(Kind::Link, start, stop, &self.text[at + 1..text_end], Some(url))
            };
            self.tokens.push(token);
            return stop;
        }
        self.brackets.push_back(Bracket {
            start,
            end: at + 1,
            image,
        });
        at + 1
    }

    /// The most common link, `[plain text](url "title")` with no markup inside, read in one step:
    /// the end of its text, its URL and its end. Whatever this does not read goes the long way, to
    /// the same token.
    fn simple_link(&self, at: usize) -> Option<(usize, (Cow<'a, str>, usize))> {
        let (bytes, end) = (self.bytes, self.end);
        let mut pos = at + 1;
        loop {
            pos += bytes[pos..end]
                .iter()
                .position(|&byte| LINK_TEXT_STOPS[usize::from(byte)])
                .unwrap_or(end - pos);
            if pos < end && bytes[pos] == b'\n' && !blank_follows(bytes, pos + 1, end) {
                pos += 1;
            } else {
                break;
            }
        }
        if pos < end && bytes[pos] == b']' {
            return Some((pos, self.simple_tail(pos + 1)?));
        }
        None
    }

    /// Read `(url "title")` at `at` when the URL has no space, parenthesis or escape in it (a line
    /// break after a hyphen is a wrap) and the title is in double quotes: the URL and the end.
    fn simple_tail(&self, at: usize) -> Option<(Cow<'a, str>, usize)> {
        let (text, bytes, end) = (self.text, self.bytes, self.end);
        if at >= end || bytes[at] != b'(' {
            return None;
        }
        let mut url_end = run(text, at + 1, end, &SIMPLE_URL);
        let mut wrapped = false;
        while url_end < end && bytes[url_end] == b'\n' && bytes[url_end - 1] == b'-' {
            let next = run(text, url_end + 1, end, &SIMPLE_URL);
            if next == url_end + 1 {
                break;
            }
            url_end = next;
            wrapped = true;
        }
        let close = self.simple_title_end(url_end).unwrap_or(url_end);
        let url = &text[at + 1..url_end];
        // the URL's only line breaks are those of its wraps
        let url = if wrapped {
            Cow::Owned(url.replace('\n', ""))
        } else {
            Cow::Borrowed(url)
        };
        (close < end && bytes[close] == b')').then_some((url, close + 1))
    }

    /// The end of a title in double quotes after spaces or one line break at `pos`, if there is one.
    fn simple_title_end(&self, pos: usize) -> Option<usize> {
        let (bytes, end) = (self.bytes, self.end);
        let spaced = skip_blanks(bytes, pos, end);
        let quote = match bytes.get(spaced) {
            Some(b'"') if spaced > pos && spaced < end => spaced,
            Some(b'\n') if spaced < end => skip_blanks(bytes, spaced + 1, end),
            _ => return None,
        };
        if quote >= end || bytes[quote] != b'"' {
            return None;
        }
        let length = bytes[quote + 1..end].iter().position(|&b| b == b'"' || b == b'\n')?;
        (bytes[quote + 1 + length] == b'"').then_some(quote + 2 + length)
    }

    /// Read the backslash escape or code span at `at`; return where scanning goes on.
    fn read_escape_or_code(&mut self, at: usize) -> usize {
        let (text, bytes) = (self.text, self.bytes);
        if bytes[at] == b'\\' {
            return match bytes.get(at + 1) {
                Some(&escaped) if ESCAPABLE.contains(&escaped) => {
                    if escaped != b'\\' {
                        self.tokens
                            .push(Token::new(Kind::Escape, at, at + 2, &text[at + 1..at + 2], None));
                    }
                    at + 2
                }
                _ => at + 1,
            };
        }
        let length = bytes[at + 1..self.end].iter().position(|&b| b == b'`' || b == b'\n');
        match length {
            Some(length) if length > 0 && bytes[at + 1 + length] == b'`' => {
                let stop = at + 2 + length;
                self.tokens
                    .push(Token::new(Kind::Code, at, stop, &text[at..stop], None));
                stop
            }
            _ => at + 1,
        }
    }

    /// Forget the openers that a blank line and more than a few lines part from `at`.
    ///
    /// html2text writes links around whole blocks, with blank lines inside, so a link's text may run
    /// over a blank line; but not far, so that a stray bracket stays plain text. Each stretch of text
    /// is searched for blank lines once, when something is to be closed, and only from the first open
    /// bracket on: a blank line before it parts nothing.
    fn forget_earlier_paragraphs(&mut self, at: usize) {
        let first = self
            .brackets
            .front()
            .map(|b| b.start)
            .into_iter()
            .chain(self.tags.front().map(|t| t.start))
            .min();
        if let Some(first) = first {
            let bytes = self.bytes;
            let mut pos = self.checked.max(first);
            while let Some(newline) = find(self.text, pos.min(at), at, b'\n') {
                let after = skip_blanks(bytes, newline + 1, at);
                if after < at && bytes[after] == b'\n' {
                    self.last_blank = Some(newline);
                    pos = after + 1;
                } else {
                    pos = after;
                }
            }
            // only a blank line after the first opener parts anything: the reach is read only then
            // (what it tells of a place does not depend on the places asked about before)
            let limit = match self.last_blank {
                Some(blank) if blank > first => self.reach.start(self.text, at).map_or(0, |reach| blank.min(reach)),
                _ => 0,
            };
            while self.brackets.front().is_some_and(|bracket| bracket.start < limit) {
                self.brackets.pop_front();
            }
            while self.tags.front().is_some_and(|tag| tag.start < limit) {
                let tag = self.tags.pop_front().map(Tag::into_token);
                self.strays.extend(tag);
            }
        }
        self.checked = at;
    }

    /// Read what follows the `]` at `close`; return where scanning goes on.
    fn close_bracket(&mut self, close: usize) -> usize {
        self.forget_earlier_paragraphs(close);
        let Some(&opener) = self.brackets.back() else {
            return close + 1;
        };
        let after = close + 1;
        let (kind, url, stop) = if after < self.end && self.bytes[after] == b'(' {
            let tail = self
                .simple_tail(after)
                .or_else(|| self.inline_tail(after))
                .or_else(|| self.loose_tail(after));
            match tail {
                Some((url, stop)) => (Kind::Link, url, stop),
                None => {
                    self.brackets.pop_back();
                    return after;
                }
            }
        } else {
            match self.reference(opener, close) {
                Some((url, stop)) => (Kind::Reference, url, stop),
                None => {
                    self.brackets.pop_back();
                    return after;
                }
            }
        };
        self.brackets.pop_back();
        let mut inner = Vec::new();
        while self.tags.back().is_some_and(|tag| tag.start > opener.start) {
            inner.extend(self.tags.pop_back().map(Tag::into_token));
        }
        let inner = self.take_tokens_after(opener.start, inner);
        if opener.image {
            self.tokens
                .push(Token::new(Kind::Image, opener.start, stop, "", Some(url)));
            return stop;
        }
        let shown = self.read_inner(opener.end, close, &inner);
        let kind = if shown.chars().all(is_python_space) && inner.iter().any(|token| token.kind.is_image()) {
            Kind::LinkedImage
        } else {
            kind
        };
        self.tokens.push(Token::new(kind, opener.start, stop, shown, Some(url)));
        stop
    }

    /// Read the `[label]` (or `[]`, for the link's text as its label) after the `]` at `close` of the
    /// link opened by `opener`: the URL of a label defined, and the end.
    fn reference(&self, opener: Bracket, close: usize) -> Option<(Cow<'a, str>, usize)> {
        let (text, bytes, end) = (self.text, self.bytes, self.end);
        let open = close + 1;
        if self.labels.is_empty() || open >= end || bytes[open] != b'[' {
            return None;
        }
        let mut label_end = open + 1;
        for (count, (at, c)) in text[open + 1..end].char_indices().enumerate() {
            label_end = open + 1 + at;
            if count == MAX_LABEL || matches!(c, '[' | ']' | '\n') {
                break;
            }
            label_end += c.len_utf8();
        }
        if label_end >= end || bytes[label_end] != b']' {
            return None;
        }
        let label = if label_end > open + 1 {
            &text[open + 1..label_end]
        } else {
            &text[opener.end..close]
        };
        let url = self.labels.get(&normalize_label(label))?;
        Some((url.clone(), label_end + 1))
    }

    /// Read `(destination "title")` at `at`: the URL and the end, if it is one.
    ///
    /// The destination may be in angle brackets, or bare with escapes, parentheses nested up to
    /// three deep and line breaks after a hyphen (a wrapped URL); the title in double or single
    /// quotes or parentheses, over line breaks but not a blank line.
    fn inline_tail(&mut self, at: usize) -> Option<(Cow<'a, str>, usize)> {
        let (text, bytes, end) = (self.text, self.bytes, self.end);
        let mut pos = skip_space(bytes, at + 1, end);
        let titled = pos > at + 1 && matches!(bytes.get(pos), Some(b'"' | b'\''));
        let mut url = String::new();
        let angle_end = if pos < end && bytes[pos] == b'<' {
            Some(run(text, pos + 1, end, &IN_ANGLES)).filter(|&close| close < end && bytes[close] == b'>')
        } else {
            None
        };
        if let (false, Some(close)) = (titled, angle_end) {
            url.push_str(&text[pos + 1..close]);
            pos = close + 1;
        } else if !titled {
            let mut depth = 0;
            let mut piece = pos;
            while pos < end {
                let plain = run(text, pos, end, &PLAIN_URL);
                if plain > pos {
                    pos = plain;
                    continue;
                }
                match bytes[pos] {
                    b'\\' if pos + 1 < end && bytes[pos + 1] != b'\n' => {
                        pos += 1 + text[pos + 1..].chars().next().map_or(0, char::len_utf8);
                    }
                    b'(' if depth < MAX_PAREN_DEPTH => {
                        depth += 1;
                        pos += 1;
                    }
                    b')' if depth > 0 => {
                        depth -= 1;
                        pos += 1;
                    }
                    b'\n' if bytes[pos - 1] == b'-' => match self.url_wrap_end(pos) {
                        Some(wrap_end) => {
                            url.push_str(&text[piece..pos]);
                            pos = wrap_end;
                            piece = wrap_end;
                        }
                        None => break,
                    },
                    _ => break,
                }
            }
            if depth > 0 {
                return None;
            }
            url.push_str(&text[piece..pos]);
        }
        let spaced = skip_space(bytes, pos, end);
        if (spaced > pos || titled) && spaced < end && matches!(bytes[spaced], b'"' | b'\'' | b'(') {
            let (which, closing) = match bytes[spaced] {
                b'"' => (0, b'"'),
                b'\'' => (1, b'\''),
                _ => (2, b')'),
            };
            let search = |from: usize| {
                let mut from = from;
                while let Some(found) = find(text, from, text.len(), closing) {
                    if title_end(bytes, found).is_some() {
                        return Some(found);
                    }
                    from = found + 1;
                }
                None
            };
            let close = self.titles[which].at_or_after(spaced + 1, search)?;
            let blank = self.blank.at_or_after(spaced, |from| {
                let mut from = from;
                while let Some(found) = find(text, from, text.len(), b'\n') {
                    if blank_follows(bytes, found + 1, bytes.len()) {
                        return Some(found);
                    }
                    from = found + 1;
                }
                None
            });
            if blank.is_some_and(|blank| blank < close) {
                return None;
            }
            let stop = title_end(bytes, close)?;
            return (stop <= end).then(|| (Cow::Owned(unescape_owned(url)), stop));
        }
        (bytes.get(spaced) == Some(&b')')).then(|| (Cow::Owned(unescape_owned(url)), spaced + 1))
    }

    /// The end of a line break inside a URL that html2text wrapped after a hyphen, with the next
    /// line's spaces and quote marks, if one is at `pos`.
    fn url_wrap_end(&self, pos: usize) -> Option<usize> {
        let (text, bytes, end) = (self.text, self.bytes, self.end);
        let mut pos = skip_blanks(bytes, pos + 1, end);
        while pos < end && bytes[pos] == b'>' {
            pos = skip_blanks(bytes, pos + 1, end);
        }
        text[pos..end]
            .chars()
            .next()
            .filter(|&c| !c.is_whitespace() && c != '>')
            .map(|_| pos)
    }

    /// Read a destination html2text wrote as it found it, with spaces or line breaks in it
    /// ("tel:(954) 885-7100"), at `at`: only if it starts like a URL, a path or a fragment. Return the
    /// URL and the end.
    fn loose_tail(&self, at: usize) -> Option<(Cow<'a, str>, usize)> {
        let (text, bytes, end) = (self.text, self.bytes, self.end);
        let url_start = skip_blanks(bytes, at + 1, end);
        let plain = |pos: usize| {
            pos + bytes[pos..end]
                .iter()
                .take_while(|b| !b"()<>[]\n\\".contains(b))
                .count()
        };
        let mut pos = if let Some(scheme) = scheme_end(bytes, url_start, end) {
            scheme
        } else if url_start < end && matches!(bytes[url_start], b'/' | b'#' | b'?') {
            url_start + 1
        } else if text[url_start..end].starts_with("www.") {
            url_start + 4
        } else {
            return None;
        };
        pos = plain(pos);
        while pos < end {
            pos = match bytes[pos] {
                b'\n' if !blank_follows(bytes, pos + 1, end) => pos + 1,
                b'\\' if pos + 1 < end && bytes[pos + 1] != b'\n' => {
                    pos + 1 + text[pos + 1..].chars().next().map_or(0, char::len_utf8)
                }
                b'(' => {
                    let close = plain(pos + 1);
                    if close < end && bytes[close] == b')' {
                        close + 1
                    } else {
                        break;
                    }
                }
                _ => break,
            };
            pos = plain(pos);
        }
        if pos >= end || bytes[pos] != b')' {
            return None;
        }
        let url = match without_breaks(&text[url_start..pos]) {
            Cow::Borrowed(url) => unescape(url.trim_matches(is_python_space)),
            Cow::Owned(url) => Cow::Owned(unescape(url.trim_matches(is_python_space)).into_owned()),
        };
        Some((url, pos + 1))
    }

    /// Read the tag or autolink starting with the `<` at `at`; return where scanning goes on.
    fn read_angle(&mut self, at: usize) -> usize {
        let (text, end) = (self.text, self.end);
        if let Some((url_end, stop)) = self.autolink(at) {
            let url = &text[at + 1..url_end];
            self.tokens
                .push(Token::new(Kind::Autolink, at, stop, url, Some(Cow::Borrowed(url))));
            return stop;
        }
        if let Some(stop) = tag_end(text, at, end, "img") {
            let src = attribute(&text[at..stop], "src");
            self.tokens.push(Token::new(Kind::HtmlImage, at, stop, "", src));
            return stop;
        }
        if let Some(stop) = tag_end(text, at, end, "a") {
            let href = attribute(&text[at..stop], "href");
            self.tags.push_back(Tag {
                start: at,
                end: stop,
                url: href,
            });
            return stop;
        }
        let Some(stop) = closing_tag_end(text, at, end) else {
            return at + 1;
        };
        self.forget_earlier_paragraphs(at);
        let Some(tag) = self.tags.pop_back() else {
            self.tokens.push(Token::new(Kind::HtmlLink, at, stop, "", None));
            return stop;
        };
        while self.brackets.back().is_some_and(|bracket| bracket.start > tag.start) {
            self.brackets.pop_back();
        }
        let inner = self.take_tokens_after(tag.start, Vec::new());
        let shown = self.read_inner(tag.end, at, &inner);
        self.tokens
            .push(Token::new(Kind::HtmlLink, tag.start, stop, shown, tag.url));
        stop
    }

    /// The end of the URL and of the autolink (`<scheme:...>` or `<name@domain.tld>`) at `at`.
    fn autolink(&self, at: usize) -> Option<(usize, usize)> {
        let (text, bytes, end) = (self.text, self.bytes, self.end);
        let closed = |url_end: usize| (url_end < end && bytes[url_end] == b'>').then_some((url_end, url_end + 1));
        if let Some(scheme) = scheme_end(bytes, at + 1, end) {
            let url_end = run(text, scheme, end, &AUTOLINK_URL);
            if let Some(found) = closed(url_end).filter(|_| url_end > scheme) {
                return Some(found);
            }
        }
        let user_end = run(text, at + 1, end, &USER);
        if user_end == at + 1 || user_end >= end || bytes[user_end] != b'@' {
            return None;
        }
        let domain_end = run(text, user_end + 1, end, &NAME);
        if domain_end == user_end + 1 {
            return None;
        }
        closed(dotted_names_end(text, domain_end, end)?)
    }

    /// Take the tokens that start at or after `start` off the list, with `inner`, in order.
    fn take_tokens_after(&mut self, start: usize, mut inner: Vec<Token<'a>>) -> Vec<Token<'a>> {
        while self.tokens.last().is_some_and(|token| token.start >= start) {
            inner.extend(self.tokens.pop());
        }
        inner.sort_by_key(|token| token.start);
        inner
    }

    /// `text[start..end]` as a reader sees it, given the tokens found inside it.
    fn read_inner(&self, start: usize, end: usize, inner: &[Token]) -> Cow<'a, str> {
        if inner.is_empty() {
            return Cow::Borrowed(&self.text[start..end]);
        }
        let mut shown = String::with_capacity(end - start);
        let mut pos = start;
        for token in inner {
            shown.push_str(&self.text[pos..token.start]);
            shown.push_str(&token.text);
            pos = token.end;
        }
        shown.push_str(&self.text[pos..end]);
        Cow::Owned(shown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The kind, text and URL of each token.
    fn read(text: &str) -> Vec<(&'static str, String, Option<String>)> {
        tokenize(text)
            .into_iter()
            .map(|token| {
                (
                    token.kind.name(),
                    token.text.into_owned(),
                    token.url.map(Cow::into_owned),
                )
            })
            .collect()
    }

    fn one(kind: &'static str, text: &str, url: Option<&str>) -> (&'static str, String, Option<String>) {
        (kind, text.to_string(), url.map(str::to_string))
    }

    #[test]
    fn inline_links_and_images() {
        assert_eq!(read("[a b](/x \"T\")"), [one("link", "a b", Some("/x"))]);
        assert_eq!(read("![logo](a.png)"), [one("image", "", Some("a.png"))]);
        assert_eq!(read("[![logo](a.png)](/)"), [one("linked_image", "", Some("/"))]);
        assert_eq!(
            read("[see *this*\\!](<a b>)"),
            [one("link", "see *this*!", Some("a b"))]
        );
        assert_eq!(
            read("[w](https://en.wikipedia.org/wiki/A_(b))"),
            [one("link", "w", Some("https://en.wikipedia.org/wiki/A_(b)"))]
        );
        assert_eq!(
            read("[x](http://a.org/long-\nname)"),
            [one("link", "x", Some("http://a.org/long-name"))]
        );
        assert_eq!(read("[x]( \"Scroll to top\")"), [one("link", "x", Some(""))]);
        assert_eq!(
            read("[call](tel:(954) 885-7100)"),
            [one("link", "call", Some("tel:(954) 885-7100"))]
        );
    }

    #[test]
    fn look_alikes_stay_text() {
        for text in ["[sic]", "a [b] (c)", "x < y <3", "[a](b c)", "`a\nb`", "\\q"] {
            assert!(read(text).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn references_and_definitions() {
        let text = "see [the\nreport][1] and [Straße][]\n\n[1]: http://x.org/r\n[STRASSE]: /s \"t\"";
        assert_eq!(
            read(text),
            [
                one("reference", "the\nreport", Some("http://x.org/r")),
                one("reference", "Straße", Some("/s")),
                one("definition", "", Some("http://x.org/r")),
                one("definition", "", Some("/s")),
            ]
        );
        assert!(read("[Note]: corrected").is_empty());
        assert_eq!(
            read("[Note]: corrected\nsee [it][Note]")[0],
            one("definition", "", Some("corrected"))
        );
    }

    #[test]
    fn tags_autolinks_escapes_and_code() {
        assert_eq!(
            read("<a href='/x'>More</a> <IMG SRC=i.png> <https://a.b> <me@ex.com>"),
            [
                one("html_link", "More", Some("/x")),
                one("html_image", "", Some("i.png")),
                one("autolink", "https://a.b", Some("https://a.b")),
                one("autolink", "me@ex.com", Some("me@ex.com")),
            ]
        );
        assert_eq!(read("<a href=/x>open"), [one("html_link", "", Some("/x"))]);
        assert_eq!(
            read("1\\. \\\\* `a[b](c)`"),
            [one("escape", ".", None), one("code", "`a[b](c)`", None)]
        );
    }

    #[test]
    fn a_link_runs_over_blank_lines_but_not_far() {
        assert_eq!(read("[a\n\nb](/x)"), [one("link", "a\n\nb", Some("/x"))]);
        for wide in ["é", "港"] {
            // the reach is counted in characters, not bytes
            let near = format!("[a\n\n{}](/x)", wide.repeat(MAX_BLOCK_LINK - 10));
            assert_eq!(tokenize(&near).len(), 1, "{wide}");
        }
        let far = format!("[a\n\n{}](/x)", "b".repeat(MAX_BLOCK_LINK));
        assert!(read(&far).is_empty());
    }

    /// The rule a class stands for.
    type Rule = fn(char) -> bool;

    /// Each class of [`run`], with the rule it stands for.
    fn classes_and_rules() -> [(&'static Class, Rule); 10] {
        [
            (&SIMPLE_URL, |c| {
                !c.is_whitespace() && !matches!(c, '(' | ')' | '\\' | '<' | '>' | '`')
            }),
            (&PLAIN_URL, |c| !c.is_whitespace() && !matches!(c, '(' | ')' | '\\')),
            (&AUTOLINK_URL, |c| !c.is_whitespace() && c != '<' && c != '>'),
            (&BARE_VALUE, |c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '>')),
            (&NOT_SPACE, |c| !c.is_whitespace()),
            (&SPACE, char::is_whitespace),
            (&NOT_ANGLE, |c| c != '<' && c != '>'),
            (&IN_ANGLES, |c| !matches!(c, '<' | '>' | '\n')),
            (&NAME, |c| is_word(c) || c == '-'),
            (&USER, |c| is_word(c) || matches!(c, '.' | '+' | '-')),
        ]
    }

    #[test]
    fn classes_hold_what_their_rules_accept() {
        for (class, rule) in classes_and_rules() {
            // every character of the first scripts, a sample of the others
            for c in (0..0x3100)
                .chain((0x3100..0x11_0000).step_by(61))
                .filter_map(char::from_u32)
            {
                let text = format!("{c}{c}!");
                let held = 2 * c.len_utf8();
                let expected = if rule(c) { held + usize::from(rule('!')) } else { 0 };
                assert_eq!(run(&text, 0, text.len(), class), expected, "{c:?}");
                assert_eq!(run(&text, 0, held, class), if rule(c) { held } else { 0 }, "{c:?}");
            }
        }
    }

    #[test]
    fn labels_are_normalized_as_python_does() {
        assert_eq!(normalize_label(" Foo \t\u{2028} BAR\u{1F}"), "foo bar");
        assert_eq!(normalize_label("ẞ ﬁ"), "ss fi");
    }

    #[test]
    fn long_inputs_stay_linear() {
        // Each of these would read the rest of the text at every bracket or quote if searches were
        // not remembered; a quadratic scan of them would take minutes.
        for unit in [
            "[a](b \"",
            "[a](b (",
            "<a href=\"x ",
            "](",
            "[1]: x\n",
            "[1]: x\n[x][1]\n",
            "<a>",
        ] {
            crate::testing::assert_linear(
                2_500,
                |n| unit.repeat(n),
                |text| {
                    tokenize(text);
                },
            );
        }
        crate::testing::assert_linear(
            2_500,
            |n| "[x".repeat(n) + &"]".repeat(n),
            |text| {
                tokenize(text);
            },
        );
    }

    proptest! {
        #[test]
        fn runs_end_at_the_first_character_out_of_their_class(
            text in "([a-z0-9/.:_()<>\\\\`'\" \t\n-]|é|港|\u{2028}|\u{a0}|\u{1F600}){0,40}",
            from in 0usize..40,
            cut in 0usize..40,
        ) {
            let at = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(at, _)| at);
            let (from, end) = (at(from.min(cut)), at(from.max(cut)));
            for (class, rule) in classes_and_rules() {
                let expected = text[from..end].char_indices().find(|&(_, c)| !rule(c)).map_or(end, |(at, _)| from + at);
                prop_assert_eq!(run(&text, from, end, class), expected);
            }
        }

        #[test]
        fn tokens_are_sorted_apart_and_on_char_boundaries(
            text in "([\\[\\]()!<>\\\\`\"' \t\n:#a-cé-]|ß|\u{2028}|a href=|img src=|http://|\\]\\(|\n\n){0,60}"
        ) {
            let tokens = tokenize(&text);
            for token in &tokens {
                prop_assert!(token.start < token.end && token.end <= text.len());
                prop_assert!(text.is_char_boundary(token.start) && text.is_char_boundary(token.end));
            }
            for pair in tokens.windows(2) {
                prop_assert!(pair[0].end <= pair[1].start, "{:?}", pair);
            }
        }
    }
}
