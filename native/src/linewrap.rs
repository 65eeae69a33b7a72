//! The lines of a text as the `linewrap` cleaner reads them, and the breaks between them that a wrap
//! made.
//!
//! Each line has a kind (prose, a list item's first line, structure recognised by its form, blank), a
//! layout (quote depth, indentation, where its words start) and the words at its ends (a sentence's
//! end, a lower case start, ...). A break is a wrap when the form of its lines allows one and the next
//! line's first word would not have fitted on the line before at the width the text was wrapped at
//! (inferred for the text, or a run of lines' own), or a sentence goes on across a line wrapped by hand
//! short of its paragraph's margin. The blank lines inside a sentence and the hyphens at a line end
//! (which ask the word lists of a language) are judged by the Python cleaner, which reads these lines.
//!
//! A line is what `str.split("\n")` gives, without the white space `str.rstrip` takes off its end;
//! lengths, indentation and columns are counted in code points, as Python counts them.

use crate::chars::{self, SmallSet};
use crate::linewrap_joins::LineSpans;
use crate::unicode::{
    is_alnum, is_alpha, is_decimal, is_digit, is_letter_only, is_lower, is_no_space, is_python_space, is_space,
    is_upper, is_upper_letter,
};
use memchr::memmem::Finder;

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
    /// An empty line, or one of quote markers alone.
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
    /// What the words at each line's ends say: [`ENDS_SENTENCE`], [`ENDS_CLAUSE`], ... (0 for a blank line).
    pub ends: Vec<u8>,
    /// The length of each line's first word, after its quote markers and indentation (one character
    /// of a script written without spaces; 0 for a blank line).
    pub first_word: Vec<usize>,
}

/// The line ends a sentence: its last character before closing quotes and brackets is `.`, `!`, `?`, ...
pub const ENDS_SENTENCE: u8 = 1;
/// The line ends a sentence, or a clause that a colon or semicolon closes.
pub const ENDS_CLAUSE: u8 = 2;
/// The first letter of the line's words is lower case (a letter of a caseless script counts as such).
pub const STARTS_LOWER: u8 = 4;
/// The line's last character is of a script written without spaces ([`is_no_space`]).
pub const ENDS_WITHOUT_SPACE: u8 = 8;
/// The line's words start with a character of a script written without spaces.
pub const STARTS_WITHOUT_SPACE: u8 = 16;
/// The line ends in markdown's forced line break: two spaces or a backslash (before `\r`, if any).
pub const HARD_BREAK: u8 = 32;

/// The breaks of a text whose lines' form allows a wrap, and the width the text was wrapped at.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Breaks {
    /// The line before each such break.
    pub lines: Vec<usize>,
    /// The length of that line with the next line's first word added, for each break.
    pub reach: Vec<usize>,
    /// The lengths of the lines of prose that a width of the text must not be shorter than, in order
    /// (empty where the width was given).
    pub prose: Vec<usize>,
    /// The width that most breaks agree with and no prose line exceeds, if there is one; or the given width.
    pub width: Option<usize>,
    /// The line before each break that a wrap made, in order.
    pub wraps: Vec<usize>,
    /// For each line of prose that a blank line follows: whether the next line's first word would not
    /// have fitted on it, at the width of its run of lines (or the text's), where that width is sure.
    pub blank_fits: Vec<bool>,
}

/// Narrower "wraps" are menus and short lines, not wrapped prose.
pub const MIN_WIDTH: usize = 30;
/// A block of wider lines was not wrapped.
pub const MAX_WIDTH: usize = 160;
/// A block tells its own width from this many wraps of prose, or more ...
const MIN_RUN_BREAKS: usize = 3;
/// ... and only if it is this wide: narrower blocks of short lines are lists of things.
const MIN_RUN_WIDTH: usize = 40;
/// A line wrapped by hand reaches this share of its paragraph's longest line.
const RAGGED_MARGIN_SHARE: f64 = 0.8;
/// Breaks that must agree on a text's width.
const MIN_AGREEING_BREAKS: i64 = 2;
/// The share of long enough lines' breaks that a text's wrap width must explain.
const MIN_AGREEMENT: f64 = 0.5;
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
const RULE_MARKS: SmallSet = SmallSet::new("-*_=~#+.•·");
/// A list item's bullets.
const BULLETS: SmallSet = SmallSet::new("-*+•◦▪‣⁃●○■□►▶➢✓✔–—");
/// Opening quotes and brackets that may stand before a sentence's first word.
pub const OPENERS: SmallSet = SmallSet::new("\"'“‘«„(¿¡");
/// Characters that start a line of prose as a letter does: the openers but `(`, closing quotes, `[`.
const WORD_OPENERS: SmallSet = SmallSet::new("\"'“‘«„¿¡”’[");
/// What may close a sentence's last word: closing quotes and brackets, emphasis.
pub const CLOSERS: SmallSet = SmallSet::new("\"'”’»)]*_");
/// The marks that code, markup and ASCII drawings are made of, and prose seldom holds.
const CODE_MARKS: SmallSet = SmallSet::new("{}[]<>=;\\|_#$*+^~`@/");
/// A gap between aligned table columns does not follow these (a sentence's end, a clause's).
const BEFORE_NO_GAP: SmallSet = SmallSet::new(".!?:;,");
/// What ends a sentence; closing quotes and brackets may follow it.
const SENTENCE_MARKS: SmallSet = SmallSet::new(".!?…。！？");
/// What ends a clause: a sentence's marks, a colon, a semicolon.
const CLAUSE_MARKS: SmallSet = SmallSet::new(".!?…。！？:;");
/// Markdown's forced line break, before `\n` or `\r\n`: two spaces or a backslash.
const HARD_BREAKS: [&str; 4] = ["  ", "\\", "  \r", "\\\r"];
/// A header field's name has at most this many characters after its capital.
const MAX_FIELD_NAME: usize = 30;

/// Read the lines of `text` (their kinds, layout and the words at their ends) and find the breaks that a
/// wrap made; `width` is the wrap width if it is known, else it is inferred.
///
/// ```
/// use textclean_native::linewrap::{read_breaks, LineKind};
/// let (lines, _) = read_breaks("Title\n=====\n\n- one\n  more\n    code();", None);
/// assert_eq!(lines.kinds, [LineKind::Fixed, LineKind::Fixed, LineKind::Blank, LineKind::Item, LineKind::Text, LineKind::Text]);
/// let text = "It was a dark and stormy night; the rain fell in\ntorrents, except at occasional intervals,\n\
///             when it was checked by a violent gust of wind\nwhich swept up the streets.";
/// let (_, breaks) = read_breaks(text, None);
/// assert_eq!((breaks.lines, breaks.width, breaks.wraps), (vec![0, 1, 2], Some(48), vec![0, 1, 2]));
/// ```
pub fn read_breaks(text: &str, width: Option<usize>) -> (Lines, Breaks) {
    let reader = Reader::new(text);
    let breaks = reader.breaks(width);
    (reader.lines, breaks)
}

/// [`read_breaks`], with the spans of the lines it read.
pub(crate) fn read_spans(text: &str, width: Option<usize>) -> (Lines, Breaks, LineSpans) {
    let reader = Reader::new(text);
    let breaks = reader.breaks(width);
    let spans = LineSpans::from_spans(
        reader
            .rows
            .iter()
            .map(|row| (row.start, row.start + row.visible.len(), row.start + row.column))
            .collect(),
    );
    (reader.lines, breaks, spans)
}

/// A line as the reader reads it.
#[derive(Clone, Copy, Debug, Default)]
struct Row<'t> {
    /// Where the line starts in the text, in bytes.
    start: usize,
    /// The line without the white space at its end.
    visible: &'t str,
    /// The length of `visible`, in code points.
    length: usize,
    /// The line's quote depth, indentation and the column of its first word, where it was read
    /// (`Reader::analyse`); else 0.
    depth: usize,
    indent: usize,
    column: usize,
    /// What a scan of the line's bytes found: [`HAS_BAR_OR_TAB`], [`HAS_DOUBLE_SPACE`], [`ENDS_HARD`].
    marks: u8,
}

/// The visible line holds a `|` or a tab ...
const HAS_BAR_OR_TAB: u8 = 1;
/// ... or two spaces in a row.
const HAS_DOUBLE_SPACE: u8 = 2;
/// The line (with its white space) ends in markdown's forced line break.
const ENDS_HARD: u8 = 4;
/// The line's words (after its quote markers and indentation) hold a space: it has more than one word.
const HAS_SPACE: u8 = 8;

impl<'t> Row<'t> {
    /// Read the line `raw` that starts at `start`, all but its length and its marks of a table.
    fn read(raw: &'t str, start: usize) -> Self {
        let visible = match raw.as_bytes().last() {
            Some(&last) if last < 0x80 && !is_ascii_python_space(last) => raw,
            None => raw,
            _ => raw.trim_end_matches(is_python_space),
        };
        let mut marks = 0;
        if matches!(raw.as_bytes().last(), Some(b' ' | b'\\' | b'\r'))
            && HARD_BREAKS.iter().any(|hard| raw.ends_with(hard))
        {
            marks |= ENDS_HARD;
        }
        Row {
            start,
            visible,
            marks,
            ..Row::default()
        }
    }

    /// Whether the line is in ASCII.
    fn is_ascii(&self) -> bool {
        self.length == self.visible.len()
    }
}

/// Where the first byte beyond ASCII at or after `from` is in `bytes` (`bytes.len()` if there is none),
/// found eight bytes at a time.
fn next_beyond_ascii(bytes: &[u8], from: usize) -> usize {
    let mut chunks = bytes[from..].chunks_exact(8);
    let mut at = from;
    for chunk in &mut chunks {
        let high = u64::from_le_bytes(chunk.try_into().unwrap_or_default()) & 0x8080_8080_8080_8080;
        if high != 0 {
            return at + high.trailing_zeros() as usize / 8;
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&byte| byte >= 0x80)
        .map_or(bytes.len(), |found| at + found)
}

/// Whether an ASCII byte is white space as `str.isspace` sees it.
fn is_ascii_python_space(byte: u8) -> bool {
    matches!(byte, b'\t'..=b'\r' | 0x1C..=0x1F | b' ')
}

struct Reader<'t> {
    rows: Vec<Row<'t>>,
    /// Finds two spaces in a row.
    pairs: Finder<'static>,
    /// The lines that open or close a fenced code block.
    fences: Vec<usize>,
    lines: Lines,
}

impl<'t> Reader<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let count = memchr::memchr_iter(b'\n', bytes).count() + 1;
        let mut wide = None; // where the next byte beyond ASCII is, from the line on that was searched from

        // the marks of a table row, each looked for from the start of a line on: the search passes over
        // the lines that have none at once, and most lines have none
        let pairs = Finder::new(b"  ");
        let (mut bar, mut double) = (None, None); // where the next one is, from the line on that was searched from
        let (mut rows, mut fences) = (Vec::with_capacity(count), Vec::new());
        let mut start = 0;
        for raw in chars::lines(text) {
            let mut row = Row::read(raw, start);
            let visible_end = start + row.visible.len();
            if visible_end > start {
                if wide.is_none_or(|at| at < start) {
                    wide = Some(next_beyond_ascii(bytes, start));
                }
                row.length = match wide.map(|at| at - start) {
                    // the bytes before the first beyond ASCII are characters of their own
                    Some(ascii) if ascii < row.visible.len() => ascii + row.visible[ascii..].chars().count(),
                    _ => row.visible.len(),
                };
                if bar.is_none_or(|at| at < start) {
                    bar = Some(memchr::memchr2(b'|', b'\t', &bytes[start..]).map_or(usize::MAX, |at| start + at));
                }
                if bar.is_some_and(|at| at < visible_end) {
                    row.marks |= HAS_BAR_OR_TAB;
                }
                if double.is_none_or(|at| at < start) {
                    double = Some(pairs.find(&bytes[start..]).map_or(usize::MAX, |at| start + at));
                }
                if double.is_some_and(|at| at < visible_end) {
                    row.marks |= HAS_DOUBLE_SPACE;
                }
                if is_fence(row.visible) {
                    fences.push(rows.len());
                }
            }
            rows.push(row);
            start += raw.len() + 1;
        }
        let mut reader = Reader {
            rows,
            pairs,
            fences,
            lines: Lines {
                kinds: Vec::with_capacity(count),
                ends: Vec::with_capacity(count),
                first_word: Vec::with_capacity(count),
                ..Lines::default()
            },
        };
        reader.classify_all();
        reader.read_ends();
        reader
    }

    /// Read what the words at each line's ends say, and the length of its first word.
    fn read_ends(&mut self) {
        for row in &mut self.rows {
            let line = row.visible;
            if line.is_empty() {
                // a blank line: only a forced line break may end it
                self.lines
                    .ends
                    .push(if row.marks & ENDS_HARD != 0 { HARD_BREAK } else { 0 });
                self.lines.first_word.push(0);
                continue;
            }
            let words = &line[row.column..];
            let mut ends = 0;
            let last = match line.as_bytes().last() {
                // the common case: a line that ends with an ASCII character that closes nothing
                Some(&last) if last < 0x80 && !CLOSERS.contains(char::from(last)) => Some(char::from(last)),
                _ => line.trim_end_matches(|c| CLOSERS.contains(c)).chars().next_back(),
            };
            match last {
                Some(last) => {
                    if SENTENCE_MARKS.contains(last) {
                        ends |= ENDS_SENTENCE;
                    }
                    if CLAUSE_MARKS.contains(last) {
                        ends |= ENDS_CLAUSE;
                    }
                }
                None => ends |= ENDS_SENTENCE | ENDS_CLAUSE, // closing marks alone
            }
            if starts_lower(words) {
                ends |= STARTS_LOWER;
            }
            if line.as_bytes().last().is_some_and(|&last| last >= 0x80)
                && line.chars().next_back().is_some_and(is_no_space)
            {
                ends |= ENDS_WITHOUT_SPACE;
            }
            if row.marks & ENDS_HARD != 0 {
                ends |= HARD_BREAK;
            }
            let first_word = if words.as_bytes().first().is_some_and(|&first| first >= 0x80)
                && words.chars().next().is_some_and(is_no_space)
            {
                ends |= STARTS_WITHOUT_SPACE;
                if memchr::memchr(b' ', words.as_bytes()).is_some() {
                    row.marks |= HAS_SPACE;
                }
                1
            } else {
                // a word is short: a search for its end would cost more than the scan
                let end = words.bytes().position(|byte| byte == b' ').unwrap_or(words.len());
                if end < words.len() {
                    row.marks |= HAS_SPACE;
                }
                if row.is_ascii() {
                    end
                } else {
                    words[..end].chars().count()
                }
            };
            self.lines.ends.push(ends);
            self.lines.first_word.push(first_word);
        }
    }

    /// The breaks whose lines' form allows a wrap, and the text's width (`width`, if it is known).
    fn breaks(&self, width: Option<usize>) -> Breaks {
        let (kinds, rows) = (&self.lines.kinds, &self.rows);
        let count = kinds.len();
        // Whether the form of two adjacent lines allows a wrap between them (width aside).
        let may_join = |a: usize, b: usize| -> bool {
            if rows[a].depth != rows[b].depth {
                return false;
            }
            let (kind_a, kind_b, indent_a, indent_b) = (kinds[a], kinds[b], rows[a].indent, rows[b].indent);
            if kind_b == LineKind::Item {
                // a dash or number that a wrap put first ("victory\n— their nominee")
                return kind_a == LineKind::Text && indent_a == indent_b && self.lines.ends[a] & ENDS_CLAUSE == 0;
            }
            if kind_a == LineKind::Item {
                return indent_b >= indent_a; // an item's continuation, with a hanging indent or without
            }
            if indent_b == indent_a {
                return true;
            }
            let after_blank = a == 0 || kinds[a - 1] == LineKind::Blank;
            if indent_b > indent_a {
                // a hanging indent: a paragraph's first line, the rest indented under it
                let rest_under = b + 1 == count || kinds[b + 1] == LineKind::Blank || rows[b + 1].indent == indent_b;
                return after_blank && rest_under;
            }
            // a paragraph's first line indented: after a blank line, or after a line of another
            // indentation (the last line of the paragraph before, in a book; a line of verse)
            after_blank || rows[a - 1].indent != indent_a
        };
        let mut breaks = Breaks::default();
        for a in 0..count.saturating_sub(1) {
            let b = a + 1;
            // a cheap filter first: prose followed by prose or a list item, or a list item followed by
            // prose (the sum of the kinds says it: a list item never goes on into the next item), and
            // not two lines too short to have been wrapped at the narrowest width
            if kinds[a] as u8 + kinds[b] as u8 > LineKind::Item as u8 || rows[a].length + rows[b].length + 2 < MIN_WIDTH
            {
                continue;
            }
            if self.lines.ends[a] & HARD_BREAK != 0 {
                continue;
            }
            let plain =
                kinds[a] == LineKind::Text && kinds[b] == LineKind::Text && rows[a].column == 0 && rows[b].column == 0;
            if !plain && !may_join(a, b) {
                continue;
            }
            if is_field(self.words(b)) && is_field(self.words(a)) {
                continue; // header fields ("From: ...", "Subject: ..."): one per line
            }
            breaks.lines.push(a);
            breaks.reach.push(rows[a].length + 1 + self.lines.first_word[b]);
        }
        breaks.width = width.or_else(|| self.estimate_width(&mut breaks));
        let judge = Judge {
            reader: self,
            breaks: &breaks,
            given: width.is_some(),
        };
        let (wraps, blank_fits) = judge.wraps();
        (breaks.wraps, breaks.blank_fits) = (wraps, blank_fits);
        breaks
    }

    /// A line's text after its quote markers and indentation.
    fn words(&self, index: usize) -> &'t str {
        let row = &self.rows[index];
        &row.visible[row.column..]
    }

    /// The width that most breaks agree with and no prose line exceeds, if there is one; records the
    /// lengths of the lines of prose in `breaks`.
    fn estimate_width(&self, breaks: &mut Breaks) -> Option<usize> {
        let (kinds, rows) = (&self.lines.kinds, &self.rows);
        // lengths are counted by value, up to the widest width; longer ones all in the last count
        let count = |counts: &mut [usize; COUNTS], length: usize| counts[length.min(MAX_WIDTH + 1)] += 1;
        // the lengths of the lines of prose that a width must not be shorter than
        let (mut prose_counts, mut longer, mut prose_lines) = ([0; COUNTS], Vec::new(), 0);
        for (row, _) in rows.iter().zip(kinds).filter(|&(row, &kind)| {
            row.length > MIN_WIDTH && kind == LineKind::Text && {
                match row.visible.as_bytes().first() {
                    // the common case: the line's words are the line
                    Some(&first) if row.column == 0 && first < 0x80 && !is_ascii_python_space(first) => {
                        row.marks & HAS_SPACE != 0
                    }
                    _ => row.visible.trim_start_matches(is_python_space).contains(' '),
                }
            }
        }) {
            count(&mut prose_counts, row.length);
            prose_lines += 1;
            if row.length > MAX_WIDTH {
                longer.push(row.length);
            }
        }
        let mut prose = Vec::with_capacity(prose_lines);
        for (length, &times) in prose_counts.iter().enumerate().take(MAX_WIDTH + 1) {
            prose.extend(std::iter::repeat_n(length, times)); // in order: the lengths sorted
        }
        longer.sort_unstable();
        prose.extend(longer);
        breaks.prose = prose;
        if breaks.lines.is_empty() {
            return None;
        }
        // each break between prose lines allows the widths from its lines' length to its reach
        let (mut starts, mut ends) = ([0; COUNTS], [0; COUNTS]);
        for (&a, &reach) in breaks.lines.iter().zip(&breaks.reach) {
            count(&mut starts, rows[a].length.max(rows[a + 1].length));
            count(&mut ends, reach - 1);
        }
        // how many lengths are at most each width
        let (up_to_starts, up_to_ends, up_to_prose) = (running(&starts), running(&ends), running(&prose_counts));
        let up_to = |running: &[usize; COUNTS], width: usize| running[width] as i64;
        let below = |running: &[usize; COUNTS], width: usize| up_to(running, width - 1); // a width is 1 or more
        let mut best: Option<(i64, i64, usize)> = None; // score, coverage, width
        for width in (MIN_WIDTH..=MAX_WIDTH).filter(|&width| starts[width] > 0) {
            let coverage = up_to(&up_to_starts, width) - below(&up_to_ends, width);
            // at the true width most breaks after a line nearly that long are wraps; unwrapped lines
            // of any length agree with some width only here and there
            let considered = up_to(&up_to_starts, width) - below(&up_to_starts, width - width / 4);
            if (coverage as f64) < MIN_AGREEMENT * considered as f64 {
                continue;
            }
            let over = prose_lines as i64 - up_to(&up_to_prose, width);
            let score = coverage - 2 * over;
            if best.is_none_or(|(best_score, _, _)| score > best_score) {
                best = Some((score, coverage, width));
            }
        }
        best.filter(|&(score, coverage, _)| score > 0 && coverage >= MIN_AGREEING_BREAKS)
            .map(|(_, _, width)| width)
    }

    fn classify_all(&mut self) {
        let mut item_indent: Option<usize> = None; // of the list item whose continuation lines may follow
        let (mut run_end, mut run_is_code) = (0, false); // the line after the indented run read last, its verdict
        for index in 0..self.rows.len() {
            let row = self.rows[index];
            let line = row.visible;
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
                let kind = if row.marks & (HAS_BAR_OR_TAB | HAS_DOUBLE_SPACE) != 0 {
                    classify(line, row.marks, &self.pairs)
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
                    let kind = classify(stripped, row.marks, &self.pairs);
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
        let rows = &self.rows;
        (index == 0 || rows[index - 1].visible.is_empty())
            && (index + 1 == rows.len() || rows[index + 1].visible.is_empty())
    }

    /// Where the run of indented lines that starts at `index` ends, and whether it holds code.
    ///
    /// Code here is also ASCII art or a page's indented layout: anything but indented prose. The run is
    /// judged once, as a whole, by what it holds; its other lines read the verdict.
    fn indented_run(&self, index: usize) -> (usize, bool) {
        let rows = &self.rows;
        let mut end = index + 1;
        while end < rows.len() && is_code_indented(rows[end].visible) {
            end += 1;
        }
        let wrappable = if end == index + 1 {
            // one line: alone between blank lines, it joins nothing whatever it holds
            usize::from(!self.alone(index) && (MIN_WIDTH..=MAX_WIDTH).contains(&rows[index].length))
        } else {
            // a wrap follows a line of the run but its last
            rows[index..end - 1]
                .iter()
                .filter(|row| (MIN_WIDTH..=MAX_WIDTH).contains(&row.length))
                .count()
        };
        // lines mostly too short or too long to have been wrapped are not a wrapped paragraph's
        if wrappable == 0 || 2 * wrappable < end - index - 1 {
            return (end, true);
        }
        (end, !reads_as_prose(&rows[index..end.min(index + JUDGED_LINES)]))
    }

    /// Record a line's layout; return its indentation and its text after quote markers and indentation.
    fn analyse(&mut self, index: usize) -> (usize, &'t str) {
        let line = self.rows[index].visible;
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
            let row = &mut self.rows[index];
            (row.depth, row.indent, row.column) = (depth, indent, column + spaces);
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
        self.fences
            .chunks(2)
            .map(|pair| (pair[0], *pair.last().unwrap_or(&pair[0])))
            .collect()
    }
}

/// Whether a line opens or closes a fenced code block: up to three spaces, then three backticks or tildes.
fn is_fence(line: &str) -> bool {
    if !matches!(line.as_bytes().first(), Some(b' ' | b'`' | b'~')) {
        return false; // the common case
    }
    let spaces = line.bytes().take(4).take_while(|&byte| byte == b' ').count();
    let rest = &line[spaces..];
    spaces <= 3 && (rest.starts_with("```") || rest.starts_with("~~~"))
}

/// Lengths counted by value: each up to the widest width, and the longer ones.
const COUNTS: usize = MAX_WIDTH + 2;

/// The running sums of `counts`: how many lengths are at most each value.
fn running(counts: &[usize; COUNTS]) -> [usize; COUNTS] {
    let mut sums = *counts;
    for at in 1..COUNTS {
        sums[at] += sums[at - 1];
    }
    sums
}

/// How far short of the width a wrapped line may stop (wrappers that count differently, proportional fonts).
fn tolerance(width: usize) -> usize {
    1 + width / 40
}

/// The judgement of the breaks of one text: which of them a wrap made.
struct Judge<'r, 't> {
    reader: &'r Reader<'t>,
    breaks: &'r Breaks,
    /// Whether the width was given (else it was inferred, or there is none).
    given: bool,
}

impl Judge<'_, '_> {
    /// The breaks that a wrap made, and for each line of prose before a blank line whether the next
    /// line's first word would not have fitted on it at a sure width.
    fn wraps(&self) -> (Vec<usize>, Vec<bool>) {
        let reader = self.reader;
        let (kinds, rows, reach) = (&reader.lines.kinds, &reader.rows, &self.breaks.reach);
        let pairs = &self.breaks.lines;
        let mut found = Vec::with_capacity(pairs.len());
        // a run's last line, its width, whether it is sure
        let mut run_widths: Vec<(usize, Option<usize>, bool)> = Vec::with_capacity(pairs.len());
        let mut fitting = Vec::new(); // the breaks of a run that fit its width
        let mut run_start = 0;
        for end in 0..pairs.len() {
            if end + 1 < pairs.len() && pairs[end + 1] == pairs[end] + 1 {
                continue;
            }
            let run = &pairs[run_start..=end];
            let run_reach = &reach[run_start..=end];
            run_start = end + 1;
            let (width, sure) = self.run_width(run, run_reach);
            run_widths.push((run[run.len() - 1] + 1, width, sure));
            let Some(width) = width else {
                if self.weak_evidence_holds(run) {
                    found.extend(self.ragged_wraps(run, run.iter().copied()));
                }
                continue;
            };
            let fits = |(a, reach): (&usize, &usize)| self.fits(*a, *reach, width);
            fitting.clear();
            fitting.extend(run.iter().zip(run_reach).filter(|&pair| fits(pair)).map(|(a, _)| *a));
            if fitting.len() < run.len() {
                let others = run.iter().zip(run_reach).filter(|&pair| !fits(pair)).map(|(a, _)| *a);
                fitting.extend(self.ragged_wraps(run, others));
                fitting.sort_unstable();
            }
            if sure {
                found.extend(
                    fitting
                        .iter()
                        .copied()
                        .filter(|&a| kinds[a + 1] != LineKind::Item || self.same_sentence(a)),
                );
            } else if fitting.len() == run.len()
                && run.iter().all(|&a| self.same_sentence(a))
                && self.weak_evidence_holds(run)
            {
                found.extend(run);
            }
        }
        let doc = self.breaks.width;
        let blank_fits = reader
            .lines
            .blank_after_text
            .iter()
            .map(|&a| {
                let (width, sure) = run_widths
                    .binary_search_by_key(&a, |&(last, _, _)| last)
                    .map_or((doc, doc.is_some()), |found| (run_widths[found].1, run_widths[found].2));
                let after = a + 2;
                match width {
                    Some(width) if sure && after < kinds.len() => {
                        self.fits(a, rows[a].length + 1 + reader.lines.first_word[after], width)
                    }
                    _ => false,
                }
            })
            .collect();
        (found, blank_fits)
    }

    /// Whether a line's words (after its quote markers and indentation) hold a space.
    fn has_space(&self, index: usize) -> bool {
        self.reader.rows[index].marks & HAS_SPACE != 0
    }

    /// Whether the break after line `a` is one that wrapping at `width` makes (`reach`: the line's length
    /// with the next line's first word added).
    fn fits(&self, a: usize, reach: usize, width: usize) -> bool {
        if self.reader.rows[a].length > width {
            return !self.has_space(a); // only a word longer than the width overflows it
        }
        reach > width - tolerance(width)
    }

    /// The width to judge a run of joinable lines by (`run` lists its breaks), and whether it is sure.
    ///
    /// Without a width of the text, a paragraph of its own is judged by its own longest line, but not
    /// surely: its breaks must then all fit, and the words agree.
    fn run_width(&self, run: &[usize], run_reach: &[usize]) -> (Option<usize>, bool) {
        let (kinds, rows) = (&self.reader.lines.kinds, &self.reader.rows);
        let doc = self.breaks.width;
        if self.given {
            return (doc, true);
        }
        let (first, last) = (run[0], run[run.len() - 1] + 1); // a run's lines follow each other
        let longest = rows[first..=last].iter().map(|row| row.length).max().unwrap_or(0);
        if run.len() >= MIN_RUN_BREAKS {
            if doc.is_some_and(|doc| doc - tolerance(doc) <= longest && longest <= doc) {
                return (doc, true); // the run was wrapped at the text's width
            }
            // its longest line of words (a longer single word, such as a link, overflows any width)
            let mut own = longest;
            let longest_line = first
                + rows[first..=last]
                    .iter()
                    .position(|row| row.length == longest)
                    .unwrap_or(0);
            if longest > MIN_WIDTH && !self.has_space(longest_line) {
                own = (first..=last)
                    .filter(|&index| rows[index].length <= MIN_WIDTH || self.has_space(index))
                    .map(|index| rows[index].length)
                    .max()
                    .unwrap_or(0);
            }
            if (MIN_RUN_WIDTH..=MAX_WIDTH).contains(&own)
                && doc.is_none_or(|doc| own + tolerance(own) < doc || own > doc)
                && self.self_wrapped(run, run_reach, own)
            {
                return (Some(own), true);
            }
        }
        if doc.is_some() {
            return (doc, true);
        }
        let alone = (first == 0 || kinds[first - 1] == LineKind::Blank)
            && (last + 1 == kinds.len() || kinds[last + 1] == LineKind::Blank);
        if alone {
            // the widest wrap that makes every break of the run
            let widest = run_reach.iter().copied().min().unwrap_or(0) - 1;
            // a text with lines of prose longer than any such wrap was not wrapped: its short lines are kept
            let prose = &self.breaks.prose;
            if (MIN_WIDTH..=MAX_WIDTH).contains(&longest)
                && prose.partition_point(|&length| length <= widest) == prose.len()
            {
                return (Some(longest), false);
            }
        }
        (None, false)
    }

    /// Whether every break of a run fits `width` and reads like prose (not verse).
    fn self_wrapped(&self, run: &[usize], run_reach: &[usize], width: usize) -> bool {
        let mut prose_like = 0;
        for (&a, &reach) in run.iter().zip(run_reach) {
            if !self.fits(a, reach, width) {
                return false;
            }
            let ends = &self.reader.lines.ends;
            if self.reader.lines.kinds[a + 1] == LineKind::Text
                && (ends[a] & ENDS_CLAUSE == 0 || ends[a + 1] & STARTS_LOWER != 0)
            {
                prose_like += 1;
            }
        }
        prose_like as f64 >= (MIN_RUN_BREAKS as f64).max(0.75 * run.len() as f64)
    }

    /// The `breaks` of a run that a wrap by hand made: near the run's right margin, inside a sentence.
    ///
    /// Text wrapped by a person or an editor (licenses, mail) breaks before the margin, not only where
    /// the next word would not fit: a break is such a wrap when its line reaches most of the way to its
    /// paragraph's margin (and not far past it) and a sentence goes on across it.
    fn ragged_wraps(&self, run: &[usize], breaks: impl Iterator<Item = usize>) -> Vec<usize> {
        let rows = &self.reader.rows;
        let mut ordered: Vec<usize> = rows[run[0]..=run[run.len() - 1] + 1]
            .iter()
            .map(|row| row.length)
            .collect();
        ordered.sort_unstable();
        let margin = ordered[ordered.len() - 1];
        if margin > MAX_WIDTH {
            return Vec::new();
        }
        let shortest = (MIN_RUN_WIDTH as f64).max(RAGGED_MARGIN_SHARE * margin as f64);
        // a line far longer than the text's width, or than every other line of its paragraph (but its
        // last, which may be short), was not wrapped by hand: an earlier look joined it
        let second = if ordered.len() > 2 {
            ordered[ordered.len() - 2]
        } else {
            0
        };
        let reference = match self.breaks.width.unwrap_or(0).max(second) {
            0 => margin,
            reference => reference,
        };
        let longest = reference + 2 * tolerance(reference);
        breaks
            .filter(|&a| {
                shortest <= rows[a].length as f64
                    && rows[a].length <= longest
                    && self.has_space(a)
                    && self.inside_sentence(a)
            })
            .collect()
    }

    /// Whether weaker evidence (a paragraph's own width, a margin by hand) may join a run's lines.
    ///
    /// It may where the lines go on unindented (a paragraph's first line may be indented); lines that go
    /// on indented as deep as code only where every break falls inside a sentence: in a text without a
    /// width of its own, such lines are often a page's layout.
    fn weak_evidence_holds(&self, run: &[usize]) -> bool {
        let (first, last) = (run[0], run[run.len() - 1] + 1);
        self.reader.rows[first + 1..=last]
            .iter()
            .all(|row| row.indent < CODE_INDENT)
            || run.iter().all(|&a| self.inside_sentence(a))
    }

    /// Whether a sentence goes on across the break after line `a`, in lower case (not after a comma
    /// before a capital, as lines of verse break).
    fn inside_sentence(&self, a: usize) -> bool {
        let ends = &self.reader.lines.ends;
        ends[a] & ENDS_CLAUSE == 0 && ends[a + 1] & STARTS_LOWER != 0
    }

    /// Whether the words around a break say it falls inside a sentence (asked where the width alone is
    /// not enough: a weak width, or a list marker after the break).
    fn same_sentence(&self, a: usize) -> bool {
        let ends = &self.reader.lines.ends;
        ends[a] & ENDS_SENTENCE == 0 || ends[a + 1] & STARTS_LOWER != 0
    }
}

/// Whether the first letter of a line's words, after opening quotes and brackets, is lower case (a
/// letter of a caseless script counts as such).
fn starts_lower(words: &str) -> bool {
    if let Some(&first) = words.as_bytes().first().filter(|&&first| first < 0x80) {
        if !OPENERS.contains(char::from(first)) {
            return first.is_ascii_lowercase(); // the common case: no opening quote or bracket
        }
    }
    words
        .trim_start_matches(|c| OPENERS.contains(c))
        .chars()
        .next()
        .is_some_and(|letter| is_letter_only(letter) && (is_lower(letter) || !is_upper(letter)))
}

/// Whether a line opens with a header's field, as in mail or a form: "Subject: ...", "Content-Type: ...":
/// a capital, up to thirty letters and hyphens, a colon and a space or a tab.
fn is_field(words: &str) -> bool {
    let Some(capital) = words.chars().next().filter(|&c| is_upper_letter(c)) else {
        return false;
    };
    let rest = &words[capital.len_utf8()..];
    let name_end = rest
        .find(|c: char| !is_letter_only(c) && c != '-')
        .unwrap_or(rest.len());
    rest[..name_end].chars().count() <= MAX_FIELD_NAME
        && rest[name_end..].starts_with(':')
        && matches!(rest[name_end + 1..].chars().next(), Some(' ' | '\t'))
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

/// Tell a line's kind by its form alone (`stripped` is not empty: it has no quote markers or indentation;
/// `marks` are those of the line it is the end of; `pairs` finds two spaces in a row).
fn classify(stripped: &str, marks: u8, pairs: &Finder) -> LineKind {
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
    // the marks of a table's rows, looked for where the line has them
    let bytes = stripped.as_bytes();
    let bars_or_tab = marks & HAS_BAR_OR_TAB != 0;
    if bars_or_tab && memchr::memchr_iter(b'|', bytes).nth(1).is_some() {
        return LineKind::Fixed;
    }
    // three spaces, a tab, or two double spaces: a pair of spaces after the first, in a row or apart
    let two_pairs = || {
        pairs
            .find(bytes)
            .is_some_and(|at| pairs.find(&bytes[at + 1..]).is_some())
    };
    if ((bars_or_tab && memchr::memchr(b'\t', bytes).is_some()) || (marks & HAS_DOUBLE_SPACE != 0 && two_pairs()))
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
fn reads_as_prose(lines: &[Row<'_>]) -> bool {
    let lines = &lines[..lines.len().min(JUDGED_LINES)];
    let needed = (lines.len() / 2).max(1); // lines of prose: all but a paragraph's last, half of them at least
    let misses_allowed = lines.len() - needed;
    let (mut prose, mut misses) = (0, 0);
    for row in lines {
        // a wider line was not wrapped: its start tells enough
        let (head, head_length) = match row.length > MAX_WIDTH {
            true => {
                let head = row
                    .visible
                    .char_indices()
                    .nth(MAX_WIDTH)
                    .map_or(row.visible, |(cut, _)| &row.visible[..cut]);
                (head, MAX_WIDTH)
            }
            false => (row.visible, row.length),
        };
        let trimmed = head.trim_start_matches([' ', '\t', '>']);
        let (head, head_length) = (trimmed, head_length - (head.len() - trimmed.len())); // trimmed: ASCII
        let reads = if row.is_ascii() {
            let words = || head.as_bytes().split(|&byte| is_ascii_python_space(byte));
            reads_as_prose_line(head, head_length, words, is_prose_word_ascii)
        } else {
            reads_as_prose_line(head, head_length, || head.split(is_python_space), is_prose_word)
        };
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

/// Whether a line of `head_length` characters (`head`, `words` its pieces between white space) reads as prose
/// (see [`reads_as_prose`]), `plain` telling a word of prose.
fn reads_as_prose_line<W: AsRef<[u8]>, I: Iterator<Item = W>>(
    head: &str,
    head_length: usize,
    words: impl Fn() -> I,
    plain: impl Fn(W) -> bool,
) -> bool {
    let words = || words().filter(|word| !word.as_ref().is_empty());
    // the cheaper tests first: most lines of code are short, or full of marks
    if words().nth(MIN_PROSE_LINE_WORDS - 1).is_none() {
        return false;
    }
    let marks = head
        .bytes()
        .filter(|&byte| byte < 0x80 && CODE_MARKS.contains(char::from(byte)))
        .count();
    if marks as f64 > MAX_PROSE_SYMBOL_SHARE * head_length as f64 {
        return false;
    }
    let (count, prose) = words().fold((0, 0), |(count, prose), word| {
        (count + 1, prose + usize::from(plain(word)))
    });
    prose as f64 >= MIN_PROSE_WORD_SHARE * count as f64
}

/// [`is_prose_word`] of a word in ASCII.
fn is_prose_word_ascii(word: &[u8]) -> bool {
    let mut at = word
        .iter()
        .position(|&byte| !OPENERS.contains(char::from(byte)) && byte != b'[')
        .unwrap_or(word.len());
    if !word.get(at).is_some_and(u8::is_ascii_alphabetic) {
        return false; // a letter or a number that is no digit
    }
    at += 1;
    at += word[at..]
        .iter()
        .take_while(|&&byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'\'' | b'-'))
        .count();
    word[at..]
        .iter()
        .all(|&byte| CLOSERS.contains(char::from(byte)) || b".,;:!?".contains(&byte))
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

    fn read_lines(text: &str) -> Lines {
        read_breaks(text, None).0
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
    fn the_words_at_a_line_s_ends() {
        let lines = read_lines("End.”\n> «la suite:\n日本語\nTail  \n”\n  Ok\\\r");
        assert_eq!(
            lines.ends,
            [
                ENDS_SENTENCE | ENDS_CLAUSE,
                ENDS_CLAUSE | STARTS_LOWER,
                STARTS_LOWER | ENDS_WITHOUT_SPACE | STARTS_WITHOUT_SPACE,
                HARD_BREAK,
                ENDS_SENTENCE | ENDS_CLAUSE, // closing marks alone
                HARD_BREAK,
            ]
        );
        assert_eq!(lines.first_word, [5, 3, 1, 4, 1, 3]);
    }

    #[test]
    fn header_fields_and_first_letters() {
        assert!(is_field("Subject: hello") && is_field("Content-Type:\ttext") && is_field("Ёлка: да"));
        assert!(
            !is_field("subject: hello") && !is_field("Subject:hello") && !is_field(&format!("A{}: b", "b".repeat(31)))
        );
        assert!(starts_lower("(«über") && starts_lower("日本") && !starts_lower("“The") && !starts_lower("1 thing"));
    }

    #[test]
    fn breaks_between_fields_and_after_hard_breaks_are_not_wraps() {
        let (_, breaks) = read_breaks("From: Ann Smith <a@b.org>\nSubject: A question about the meeting", None);
        assert!(breaks.lines.is_empty());
        let (_, breaks) = read_breaks(
            "a line that ends with a hard break  \nand the next one goes on and on",
            None,
        );
        assert!(breaks.lines.is_empty());
        let (_, breaks) = read_breaks(
            "a line that ends with no hard break\nand the next one goes on and on",
            Some(40),
        );
        assert_eq!(
            (breaks.lines, breaks.reach, breaks.width),
            (vec![0], vec![39], Some(40))
        );
    }

    #[test]
    fn wraps_at_the_text_s_width_by_hand_and_across_a_blank_line() {
        let text = "It was a dark and stormy night; the rain fell in\ntorrents, except at occasional intervals,\n\
                    when it was checked by a violent gust of wind\nwhich swept up the streets.";
        assert_eq!(read_breaks(text, None).1.wraps, [0, 1, 2]);
        // verse: lines that start with a capital after a comma are kept
        let verse = "I wandered lonely as a cloud\nThat floats on high over vales and hills,\n\
                     When all at once I saw a crowd,\nA host, of golden daffodils;\n\
                     Beside the lake, beneath the trees,\nFluttering and dancing in the breeze.";
        assert!(read_breaks(verse, None).1.wraps.is_empty());
        // a given width joins what fits it, and says whether a blank line broke a wrapped line
        let blank = "The committee agreed that the money should be spent on the\n\nschools of the villages.";
        let (lines, breaks) = read_breaks(blank, Some(60));
        assert_eq!((lines.blank_after_text, breaks.blank_fits), (vec![0], vec![true]));
        assert_eq!(read_breaks(blank, Some(80)).1.blank_fits, [false]);
    }

    /// The table marks of `classify` as it told them before the reader kept each line's marks.
    fn table_marks_by_search(stripped: &str) -> (bool, bool) {
        let bars = memchr::memchr_iter(b'|', stripped.as_bytes()).nth(1).is_some();
        let two_doubles = || {
            chars::find_short(stripped, b"  ").is_some_and(|at| chars::find_short(&stripped[at + 2..], b"  ").is_some())
        };
        let gaps = chars::find_short(stripped, b"   ").is_some()
            || memchr::memchr(b'\t', stripped.as_bytes()).is_some()
            || two_doubles();
        (bars, gaps)
    }

    proptest::proptest! {
        #[test]
        fn what_a_read_keeps_of_a_line_is_what_its_text_says(text in "[a-c \t|>\n\r\u{b}\u{a0}\u{3000}é日”-]{0,200}") {
            let reader = Reader::new(&text);
            let mut start = 0;
            for (row, raw) in reader.rows.iter().zip(text.split('\n')) {
                let visible = raw.trim_end_matches(is_python_space);
                proptest::prop_assert_eq!((row.start, row.visible), (start, visible));
                proptest::prop_assert_eq!(row.length, visible.chars().count());
                proptest::prop_assert_eq!(row.marks & HAS_BAR_OR_TAB != 0, visible.contains(['|', '\t']));
                proptest::prop_assert_eq!(row.marks & HAS_DOUBLE_SPACE != 0, visible.contains("  "));
                proptest::prop_assert_eq!(row.marks & ENDS_HARD != 0, HARD_BREAKS.iter().any(|hard| raw.ends_with(hard)));
                proptest::prop_assert_eq!(row.marks & HAS_SPACE != 0, visible[row.column..].contains(' '));
                start += raw.len() + 1;
            }
            let (lines, _, spans) = read_spans(&text, None);
            proptest::prop_assert_eq!(spans, LineSpans::new(&text, &lines));
        }

        #[test]
        fn table_marks_are_told_from_the_marks_a_line_keeps(raw in "[a-c |\t.]{1,80}") {
            let line = raw.trim_end_matches(is_python_space); // what classify is given is visible
            let (bars, gaps) = table_marks_by_search(line);
            let rows = Reader::new(line).rows;
            let (marks, pairs) = (rows[0].marks, Finder::new(b"  "));
            // as classify tells them, with the marks of the line
            let told_bars = marks & HAS_BAR_OR_TAB != 0 && memchr::memchr_iter(b'|', line.as_bytes()).nth(1).is_some();
            let told_gaps = (marks & HAS_BAR_OR_TAB != 0 && line.contains('\t'))
                || (marks & HAS_DOUBLE_SPACE != 0
                    && pairs.find(line.as_bytes()).is_some_and(|at| pairs.find(&line.as_bytes()[at + 1..]).is_some()));
            proptest::prop_assert_eq!((told_bars, told_gaps), (bars, gaps));
        }

        #[test]
        fn the_first_byte_beyond_ascii_is_found(text in "[aé日😀\u{80}-\u{7ff}]{0,1200}") {
            let wide = text.bytes().position(|byte| byte >= 0x80).unwrap_or(text.len());
            proptest::prop_assert_eq!(next_beyond_ascii(text.as_bytes(), 0), wide);
        }

        #[test]
        fn an_ascii_word_of_prose_is_told_as_any_word(word in "[a-c0-9\"'(\\[)\\]_*.,;:!?/-]{0,8}") {
            proptest::prop_assert_eq!(is_prose_word_ascii(word.as_bytes()), is_prose_word(&word));
        }
    }

    #[test]
    fn reading_is_linear() {
        crate::testing::assert_linear(
            2_000,
            |n| "    indented words of a kind of prose, or so\n> > x\n- a\n  b\n".repeat(n),
            |text| {
                read_breaks(text, None);
            },
        );
    }
}
