//! The lines of a text as the `linewrap` cleaner reads them: each line's kind (prose, a list item's
//! first line, structure recognised by its form, blank), its layout (quote depth, indentation, where
//! its words start) and the lines of prose that a blank line follows.
//!
//! A line is what `str.split("\n")` gives, without the white space `str.rstrip` takes off its end;
//! lengths, indentation and columns are counted in code points, as Python counts them.

use crate::unicode::{is_alnum, is_alpha, is_decimal, is_digit, is_python_space, is_space};

/// What a line is, as a small number so that "may be joined" is one comparison (`kind <= Item`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
#[repr(u8)]
pub enum LineKind {
    /// Prose, or a line that can only be told apart from prose by its width.
    Text = 0,
    /// The first line of a list item.
    Item = 1,
    /// Structure recognised by its form: heading, rule, table row, code.
    Fixed = 2,
    Blank = 3,
}

/// Where a quoted or indented line's words start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The line, counted from 0.
    pub line: usize,
    /// How many quote markers (`>`) open it.
    pub depth: usize,
    /// Its indentation after the quote markers, a tab counting as four spaces.
    pub indent: usize,
    /// The column of its first word.
    pub column: usize,
}

/// The lines of a text, read.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Lines {
    pub kinds: Vec<LineKind>,
    /// The layout of the lines that are quoted or indented (and were read: a line of indented code has none).
    pub layouts: Vec<Layout>,
    /// The lines of prose (or list items) that a blank line follows.
    pub blank_after_text: Vec<usize>,
}

/// Narrower "wraps" are menus and short lines, not wrapped prose.
pub const MIN_WIDTH: usize = 30;
/// A block of wider lines was not wrapped.
pub const MAX_WIDTH: usize = 160;
/// Markdown's indented code block, unless its lines read as prose:
pub const CODE_INDENT: usize = 4;
/// ... a line of prose has this many words or more (a line of code seldom has) ...
const MIN_PROSE_LINE_WORDS: usize = 6;
/// ... and this share of them plain words ("x", "sum(v", "+=" are not) ...
const MIN_PROSE_WORD_SHARE: f64 = 0.8;
/// ... and at most this share of its characters code marks (code and drawings have more).
const MAX_PROSE_SYMBOL_SHARE: f64 = 0.03;
/// The first lines of an indented run that tell what it holds.
const JUDGED_LINES: usize = 8;

/// The indentations that open a line of markdown's indented code.
const CODE_INDENTS: [&str; 5] = ["    ", "\t", " \t", "  \t", "   \t"];
/// A horizontal rule or a setext underline: three or more of one mark, nothing else.
const RULE_MARKS: &str = "-*_=~#+.•·";
/// A list item's bullets.
const BULLETS: &str = "-*+•◦▪‣⁃●○■□►▶➢✓✔–—";
/// Opening quotes and brackets that may stand before a sentence's first word.
const OPENERS: &str = "\"'“‘«„(¿¡";
/// Characters that start a line of prose as a letter does: the openers but `(`, closing quotes, `[`.
const WORD_OPENERS: &str = "\"'“‘«„¿¡”’[";
/// What may close a sentence's last word: closing quotes and brackets, emphasis.
const CLOSERS: &str = "\"'”’»)]*_";
/// The marks that code, markup and ASCII drawings are made of, and prose seldom holds.
const CODE_MARKS: &str = "{}[]<>=;\\|_#$*+^~`@/";
/// A gap between aligned table columns does not follow these (a sentence's end, a clause's).
const BEFORE_NO_GAP: &str = ".!?:;,";

/// Read the lines of `text`: their kinds, the layout of those quoted or indented, and the lines of prose
/// that a blank line follows.
///
/// ```
/// use textclean_native::linewrap::{read_lines, LineKind};
/// let lines = read_lines("Title\n=====\n\n- one\n  more\n    code();");
/// assert_eq!(lines.kinds, [LineKind::Fixed, LineKind::Fixed, LineKind::Blank, LineKind::Item, LineKind::Text, LineKind::Text]);
/// ```
pub fn read_lines(text: &str) -> Lines {
    let visible: Vec<&str> = text
        .split('\n')
        .map(|line| line.trim_end_matches(is_python_space))
        .collect();
    let lengths = visible.iter().map(|line| line.chars().count()).collect();
    let mut reader = Reader {
        visible,
        lengths,
        lines: Lines::default(),
    };
    reader.classify_all();
    reader.lines
}

struct Reader<'t> {
    visible: Vec<&'t str>,
    lengths: Vec<usize>,
    lines: Lines,
}

impl<'t> Reader<'t> {
    fn classify_all(&mut self) {
        let mut item_indent: Option<usize> = None; // of the list item whose continuation lines may follow
        let (mut run_end, mut run_is_code) = (0, false); // the line after the indented run read last, its verdict
        for index in 0..self.visible.len() {
            let line = self.visible[index];
            let kinds = &self.lines.kinds;
            let Some(first) = line.chars().next() else {
                if kinds.last().is_some_and(|&kind| kind <= LineKind::Item) {
                    self.lines.blank_after_text.push(index - 1);
                }
                self.lines.kinds.push(LineKind::Blank);
                item_indent = None;
                continue;
            };
            let (indent, stripped);
            if matches!(first, ' ' | '\t' | '>') {
                if item_indent.is_none() && index >= run_end && is_code_indented(line) {
                    // a line alone between blank lines joins nothing, whatever it holds: no need to read it
                    (run_end, run_is_code) = if self.alone(index) {
                        (index + 1, true)
                    } else {
                        self.indented_run(index)
                    };
                }
                if index < run_end && run_is_code {
                    self.lines.kinds.push(LineKind::Fixed); // indented code, ASCII art, or a page's layout
                    continue;
                }
                (indent, stripped) = self.analyse(index);
                if stripped.is_empty() {
                    self.lines.kinds.push(LineKind::Blank);
                    item_indent = None;
                    continue;
                }
            } else if (is_alpha(first) && !matches!(line[first.len_utf8()..].chars().next(), None | Some('.' | ')')))
                || WORD_OPENERS.contains(first)
            {
                // the common case, a line that starts with a word: prose unless it is a table row
                let kind = if line.contains('|') || line.contains("  ") || line.contains('\t') {
                    classify(line)
                } else {
                    LineKind::Text
                };
                self.lines.kinds.push(kind);
                item_indent = None;
                continue;
            } else {
                (indent, stripped) = (0, line);
            }
            let kind = if item_indent.is_some_and(|item| indent > item) {
                if is_item(stripped) {
                    LineKind::Item
                } else {
                    LineKind::Text
                }
            } else {
                if indent >= CODE_INDENT && index >= run_end {
                    // an indented run starts under a list item
                    (run_end, run_is_code) = self.indented_run(index);
                }
                if indent >= CODE_INDENT && run_is_code {
                    LineKind::Fixed
                } else {
                    let kind = classify(stripped);
                    let kinds = &mut self.lines.kinds;
                    if kind == LineKind::Fixed && kinds.last() == Some(&LineKind::Text) && is_rule(stripped) {
                        kinds.pop();
                        kinds.push(LineKind::Fixed); // the title above a setext underline
                    }
                    kind
                }
            };
            if kind == LineKind::Item {
                item_indent = Some(indent);
            } else if item_indent.is_some_and(|item| indent <= item) || kind == LineKind::Fixed {
                item_indent = None;
            }
            self.lines.kinds.push(kind);
        }
        for (first, last) in self.fenced_blocks() {
            self.lines.kinds[first..=last].fill(LineKind::Fixed);
        }
    }

    /// Whether a line stands alone between blank lines (or the text's ends).
    fn alone(&self, index: usize) -> bool {
        let visible = &self.visible;
        (index == 0 || visible[index - 1].is_empty()) && (index + 1 == visible.len() || visible[index + 1].is_empty())
    }

    /// Where the run of indented lines that starts at `index` ends, and whether it holds code.
    ///
    /// Code here is also ASCII art or a page's indented layout: anything but indented prose. The run is
    /// judged once, as a whole, by what it holds; its other lines read the verdict.
    fn indented_run(&self, index: usize) -> (usize, bool) {
        let visible = &self.visible;
        let mut end = index + 1;
        while end < visible.len() && is_code_indented(visible[end]) {
            end += 1;
        }
        let wrappable = if end == index + 1 {
            // one line: alone between blank lines, it joins nothing whatever it holds
            usize::from(!self.alone(index) && (MIN_WIDTH..=MAX_WIDTH).contains(&self.lengths[index]))
        } else {
            // a wrap follows a line of the run but its last
            self.lengths[index..end - 1]
                .iter()
                .filter(|length| (MIN_WIDTH..=MAX_WIDTH).contains(*length))
                .count()
        };
        // lines mostly too short or too long to have been wrapped are not a wrapped paragraph's
        if wrappable == 0 || 2 * wrappable < end - index - 1 {
            return (end, true);
        }
        (end, !reads_as_prose(&visible[index..end.min(index + JUDGED_LINES)]))
    }

    /// Record a line's layout; return its indentation and its text after quote markers and indentation.
    fn analyse(&mut self, index: usize) -> (usize, &'t str) {
        let line = self.visible[index];
        let mut stripped = line.trim_start_matches([' ', '\t']);
        let mut spaces = line.len() - stripped.len(); // spaces and tabs: bytes are code points
        let (mut column, mut depth) = (0, 0);
        if stripped.starts_with('>') && line.trim_start_matches(' ').starts_with('>') {
            if let Some(end) = quote_prefix(line) {
                column = end;
                depth = line[..end].matches('>').count();
                stripped = line[end..].trim_start_matches([' ', '\t']);
                spaces = line.len() - column - stripped.len();
            }
        }
        let indent = spaces + 3 * line[column..column + spaces].matches('\t').count();
        if depth > 0 || spaces > 0 {
            self.lines.layouts.push(Layout {
                line: index,
                depth,
                indent,
                column: column + spaces,
            });
        }
        (indent, stripped)
    }

    /// The first and last line of each fenced code block; an unclosed fence is a block of its own.
    fn fenced_blocks(&self) -> Vec<(usize, usize)> {
        let fences: Vec<usize> = (0..self.visible.len())
            .filter(|&index| {
                let line = self.visible[index];
                let rest = line.trim_start_matches(' ');
                line.len() - rest.len() <= 3 && (rest.starts_with("```") || rest.starts_with("~~~"))
            })
            .collect();
        fences
            .chunks(2)
            .map(|pair| (pair[0], *pair.last().unwrap_or(&pair[0])))
            .collect()
    }
}

/// Whether a line opens with the indentation of markdown's indented code.
fn is_code_indented(line: &str) -> bool {
    CODE_INDENTS.iter().any(|indent| line.starts_with(indent))
}

/// The end of the quote markers of an e-mail reply that open `line` ("> ", ">> ", "> > "), if any:
/// up to three spaces, `>`, more `>` each perhaps after a space, then perhaps a space.
fn quote_prefix(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let mut at = bytes.iter().take_while(|&&byte| byte == b' ').count();
    if at > 3 || bytes.get(at) != Some(&b'>') {
        return None;
    }
    at += 1;
    loop {
        match (bytes.get(at), bytes.get(at + 1)) {
            (Some(b'>'), _) => at += 1,
            (Some(b' '), Some(b'>')) => at += 2,
            _ => break,
        }
    }
    Some(if bytes.get(at) == Some(&b' ') { at + 1 } else { at })
}

/// Tell a line's kind by its form alone (`stripped` is not empty: it has no quote markers or indentation).
fn classify(stripped: &str) -> LineKind {
    let Some(first) = stripped.chars().next() else {
        return LineKind::Blank;
    };
    let second = stripped[first.len_utf8()..].chars().next();
    if first == '#' && is_heading(stripped) {
        return LineKind::Fixed;
    }
    if RULE_MARKS.contains(first) && is_rule(stripped) {
        return LineKind::Fixed;
    }
    if stripped.matches('|').nth(1).is_some() {
        return LineKind::Fixed;
    }
    if (stripped.contains("   ") || stripped.contains('\t') || stripped.matches("  ").nth(1).is_some())
        && is_aligned(stripped)
    {
        return LineKind::Fixed;
    }
    if BULLETS.contains(first) && matches!(second, None | Some(' ' | '\t')) {
        return LineKind::Item; // the common case of a list item, told without the pattern
    }
    let starts_item = BULLETS.contains(first) || first == '(' || first.is_ascii_digit();
    if (starts_item || matches!(second, None | Some('.' | ')'))) && is_item(stripped) {
        return LineKind::Item;
    }
    LineKind::Text
}

/// Whether a line is a markdown heading: one to six `#`, then a space, a tab or the line's end.
fn is_heading(stripped: &str) -> bool {
    let marks = stripped.bytes().take_while(|&byte| byte == b'#').count();
    (1..=6).contains(&marks) && matches!(stripped.as_bytes().get(marks), None | Some(b' ' | b'\t'))
}

/// Whether a line is a horizontal rule or a setext underline: three or more of one mark, spaces and
/// tabs between them, nothing else.
fn is_rule(stripped: &str) -> bool {
    let Some(mark) = stripped.chars().next().filter(|&first| RULE_MARKS.contains(first)) else {
        return false;
    };
    stripped.chars().all(|c| c == mark || c == ' ' || c == '\t') && stripped.matches(mark).nth(2).is_some()
}

/// Whether a line opens with a list item's marker: a bullet, "1." / "1)" / "(1)", a section's "2.3." /
/// "2.3", "a)" / "(a)", "A." / "A)"; then spaces before a word, or nothing.
fn is_item(stripped: &str) -> bool {
    let digits = |from: usize| -> usize {
        stripped[from..]
            .char_indices()
            .find(|&(_, c)| !is_digit(c))
            .map_or(stripped.len() - from, |(at, _)| at)
    };
    let count = |from: usize, to: usize| stripped[from..to].chars().count();
    let bytes = stripped.as_bytes();
    let mut markers: [Option<usize>; 6] = [None; 6]; // where each form of marker ends, in the pattern's order
    if let Some(first) = stripped.chars().next().filter(|&first| BULLETS.contains(first)) {
        markers[0] = Some(first.len_utf8());
    }
    let number = digits(0);
    if (1..=3).contains(&count(0, number)) {
        if matches!(bytes.get(number), Some(b'.' | b')')) {
            markers[1] = Some(number + 1);
        }
        // a section's number: more numbers after dots, each of one to three digits
        let mut at = number;
        while bytes.get(at) == Some(&b'.') && digits(at + 1) > 0 {
            let run = digits(at + 1);
            let taken = stripped[at + 1..at + 1 + run]
                .char_indices()
                .nth(3)
                .map_or(run, |(cut, _)| cut);
            at += 1 + taken;
        }
        if at > number {
            markers[2] = Some(if bytes.get(at) == Some(&b'.') { at + 1 } else { at });
        }
    }
    if bytes.first() == Some(&b'(') {
        let number = digits(1);
        if (1..=3).contains(&count(1, 1 + number)) && bytes.get(1 + number) == Some(&b')') {
            markers[3] = Some(number + 2);
        }
        if bytes.get(1).is_some_and(u8::is_ascii_lowercase) && bytes.get(2) == Some(&b')') {
            markers[4] = Some(3);
        }
    }
    match (bytes.first(), bytes.get(1)) {
        (Some(b'a'..=b'z'), Some(b')')) | (Some(b'A'..=b'Z'), Some(b'.' | b')')) => markers[5] = Some(2),
        _ => {}
    }
    markers.into_iter().flatten().any(|end| {
        let rest = &stripped[end..];
        let after_gap = rest.trim_start_matches([' ', '\t']);
        rest.is_empty() || (after_gap.len() < rest.len() && after_gap.chars().next().is_some_and(|c| !is_space(c)))
    })
}

/// Whether a line has the gaps of aligned table columns: two gaps, or one wide one. A gap is two or more
/// spaces, or a tab, between characters that are not white space, not after a sentence's or a clause's end.
fn is_aligned(stripped: &str) -> bool {
    let mut gaps = 0;
    let mut previous: Option<char> = None;
    let mut chars = stripped.chars().peekable();
    while let Some(c) = chars.next() {
        let opens_gap = previous.is_some_and(|before| !is_space(before) && !BEFORE_NO_GAP.contains(before));
        previous = Some(c);
        if !opens_gap || !matches!(c, ' ' | '\t') {
            continue;
        }
        let mut width = 1;
        if c == ' ' {
            while chars.next_if_eq(&' ').is_some() {
                width += 1;
            }
            if width < 2 {
                continue;
            }
        }
        if chars.peek().is_some_and(|&next| !is_space(next)) {
            gaps += 1;
            if gaps >= 2 || width >= 3 {
                return true;
            }
        }
    }
    false
}

/// Whether indented lines hold prose (sentences of words), not code, ASCII art or a list of commands.
///
/// Most of the lines of prose (all but a paragraph's last may be) are runs of plain words with few of
/// the symbols that code and drawings are made of. The first lines of a run tell enough.
fn reads_as_prose(lines: &[&str]) -> bool {
    let lines = &lines[..lines.len().min(JUDGED_LINES)];
    let needed = (lines.len() / 2).max(1); // lines of prose: all but a paragraph's last, half of them at least
    let misses_allowed = lines.len() - needed;
    let (mut prose, mut misses) = (0, 0);
    for line in lines {
        // a wider line was not wrapped: its start tells enough
        let head = line
            .char_indices()
            .nth(MAX_WIDTH)
            .map_or(*line, |(cut, _)| &line[..cut]);
        let head = head.trim_start_matches([' ', '\t', '>']);
        let words: Vec<&str> = head.split(is_python_space).filter(|word| !word.is_empty()).collect();
        // the cheaper tests first: most lines of code are short, or full of marks
        let reads = words.len() >= MIN_PROSE_LINE_WORDS
            && head.chars().filter(|&c| CODE_MARKS.contains(c)).count() as f64
                <= MAX_PROSE_SYMBOL_SHARE * head.chars().count() as f64
            && words.iter().filter(|word| is_prose_word(word)).count() as f64
                >= MIN_PROSE_WORD_SHARE * words.len() as f64;
        if reads {
            prose += 1;
            if prose == needed {
                return true;
            }
        } else {
            misses += 1;
            if misses > misses_allowed {
                return false; // too few lines left
            }
        }
    }
    false
}

/// Whether a word (between spaces) is a word of prose: a letter first, perhaps after quotes or a
/// bracket; then letters, digits, apostrophes and hyphens; perhaps punctuation after it.
fn is_prose_word(word: &str) -> bool {
    let rest = word.trim_start_matches(|c| OPENERS.contains(c) || c == '[');
    let mut chars = rest.chars();
    if !chars.next().is_some_and(|c| is_alnum(c) && !is_decimal(c)) {
        return false;
    }
    let rest = chars.as_str();
    let tail = rest.trim_start_matches(|c| is_alnum(c) || matches!(c, '_' | '\'' | '’' | '-'));
    tail.chars().all(|c| CLOSERS.contains(c) || ".,;:!?".contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;
    use LineKind::{Blank, Fixed, Item, Text};

    fn kinds(text: &str) -> Vec<LineKind> {
        read_lines(text).kinds
    }

    #[test]
    fn lines_are_told_by_their_form() {
        assert_eq!(
            kinds("# Title\n---\n| a | b |\nname    value\n* one\n2.3 Scope\n(a) first\nplain words"),
            [Fixed, Fixed, Fixed, Fixed, Item, Item, Item, Text]
        );
        assert_eq!(kinds("A heading\n=========\n\nText"), [Fixed, Fixed, Blank, Text]);
        assert_eq!(kinds("1234. no\n1.2.x no\n٣. yes"), [Text, Text, Item]);
    }

    #[test]
    fn quotes_and_indentation_make_the_layout() {
        let lines = read_lines("> > quoted\n>  deep\n  two spaces\n>\tx\nplain");
        assert_eq!(
            lines.layouts,
            [
                Layout {
                    line: 0,
                    depth: 2,
                    indent: 0,
                    column: 4
                },
                Layout {
                    line: 1,
                    depth: 1,
                    indent: 1,
                    column: 3
                },
                Layout {
                    line: 2,
                    depth: 0,
                    indent: 2,
                    column: 2
                },
                Layout {
                    line: 3,
                    depth: 1,
                    indent: 4,
                    column: 2
                },
            ]
        );
    }

    #[test]
    fn indented_runs_are_code_unless_they_read_as_prose() {
        let code =
            "Intro line\n    def total(values):\n        return sum(v * 2 for v in values)\n    print(total([1]))";
        assert_eq!(kinds(code), [Text, Fixed, Fixed, Fixed]);
        let prose =
            "Intro line\n    The customer must keep a copy of every invoice it\n    receives, and show it to the \
                     auditor when asked.\n    End.";
        assert_eq!(kinds(prose), [Text, Text, Text, Text]);
    }

    #[test]
    fn fences_blank_lines_and_items() {
        let lines = read_lines("Some prose\n\n```\ncode\n\n```\n- item\n  goes on\n\nafter");
        assert_eq!(
            lines.kinds,
            [Text, Blank, Fixed, Fixed, Fixed, Fixed, Item, Text, Blank, Text]
        );
        assert_eq!(lines.blank_after_text, [0, 3, 7]); // a fence's lines are read before the fence
    }

    #[test]
    fn aligned_columns_and_prose_words() {
        assert!(
            is_aligned("name   value") && is_aligned("a  b  c") && !is_aligned("end.   Next") && !is_aligned("a\t\tb")
        );
        assert!(
            is_prose_word("“Don't") && is_prose_word("well-known),") && !is_prose_word("2nd") && !is_prose_word("a/b")
        );
    }

    #[test]
    fn reading_is_linear() {
        crate::testing::assert_linear(
            2_000,
            |n| "    indented words of a kind of prose, or so\n> > x\n- a\n  b\n".repeat(n),
            |text| {
                read_lines(text);
            },
        );
    }
}
