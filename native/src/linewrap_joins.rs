//! The edits that join a text's lines, once the `linewrap` cleaner knows which breaks to join.
//!
//! Breaks joined in a row make one edit, so that a paragraph is rebuilt by one edit: from the end of
//! the row's first line to where the words of its last line start, with each line in between taken
//! from its words to its end. Lines are joined by a space; between characters of scripts written
//! without spaces by nothing; at a hyphen that ends a line, as the hyphen's verdict says: a soft
//! hyphen (the wrap split one word) goes, a hard one (part of its word) stays and joins without a
//! space, a suspended one ("pre- and post-war") stays before a space. Which verdict a hyphen gets is
//! settled here where the shape of the pieces tells (`hyphen_pieces`: a URL, digits, a compound, a
//! capital) and asked of the caller for the rest (`hyphen_questions`): the document's vocabulary and word
//! frequencies decide those.

use std::borrow::Cow;

use crate::chars::{self, SmallSet, WordCounts};
use crate::edits::{self, byte_offset, Edit};
use crate::linewrap::{read_spans, Lines, ENDS_WITHOUT_SPACE, STARTS_WITHOUT_SPACE};
use crate::linewrap_blanks::round_joins;
use crate::unicode::{is_letter, is_python_space, is_upper, is_upper_text};

/// The hyphens that may end a wrapped line: the hyphen-minus, the hyphen and the soft hyphen.
const LINE_END_HYPHENS: &[char] = &['-', '\u{2010}', '\u{AD}'];
const SOFT_HYPHEN: char = '\u{AD}';
/// From this code point on, a line's last character may be of a script written without spaces.
const WIDE_FROM: u32 = 0x0E00;
/// The characters on each side of a hyphen that tell the language of its words.
const CONTEXT_CHARS: usize = 400;

/// A break to join: the line before it, the line after it (the next one, or the one after a blank
/// line), and the rule that found it.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Join {
    pub before: usize,
    pub after: usize,
    pub rule: &'static str,
}

/// What a hyphen at a line's end was.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hyphen {
    /// The wrap split one word: the hyphen goes ("inter-" + "national").
    Soft,
    /// A hyphen of the word that fell at the line's end: it stays, with no space ("top-selling").
    Hard,
    /// The first half of a pair: it stays, with the space ("pre- and post-war").
    Suspended,
}

/// The characters of URLs, paths and addresses: a line-end word that holds one is no prose.
const NON_PROSE: SmallSet = SmallSet::new("/\\:@=_?&#%.<>[](){}|~+*$");

/// The two pieces of words that a line-end hyphen stands between, where their shape leaves open whether
/// the wrap split one word: the last run of letters before the hyphen, the first after it, and whether
/// that run is the whole of the next line's first word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pieces<'a> {
    pub first: &'a str,
    pub second: &'a str,
    pub alone: bool,
}

/// A line-end hyphen that the caller must judge: the join it ends (an index into the joins), the pieces
/// of words on each side, and the text around the break.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HyphenQuestion<'a> {
    pub join: usize,
    pub pieces: Pieces<'a>,
    pub context: String,
}

/// The pieces of words around the hyphen that ends `left` (a line's last word) before `right` (the next
/// line's first word), or `None` where their shape shows a hyphen of the word ([`Hyphen::Hard`]): a symbol
/// of a URL, a path or an address before it; no letter right before it or right after it (digits); a
/// compound that has a hyphen already ("two-on-" + "one") or goes on with one ("deer-in-" +
/// "the-headlights"); a capital after it that the word before lacks ("mid-" + "September"), or an
/// acronym before it ("NASA-" + "inspired"). Letters and marks are `[\p{L}\p{M}]` of the `regex` module,
/// and case is what `str.isupper` says.
///
/// ```
/// use textclean_native::linewrap_joins::hyphen_pieces;
/// let pieces = hyphen_pieces("\"inter-", "national,").unwrap();
/// assert_eq!((pieces.first, pieces.second, pieces.alone), ("inter", "national", false));
/// assert!(hyphen_pieces("2019-", "2020").is_none() && hyphen_pieces("mid-", "September").is_none());
/// assert!(hyphen_pieces("example.com/some-", "page").is_none() && hyphen_pieces("two-on-", "one").is_none());
/// ```
pub fn hyphen_pieces<'a>(left: &'a str, right: &'a str) -> Option<Pieces<'a>> {
    let core = &left[..left.char_indices().next_back()?.0];
    if core
        .bytes()
        .any(|byte| byte < 0x80 && NON_PROSE.contains(char::from(byte)))
    {
        return None;
    }
    let first_start = core
        .char_indices()
        .rev()
        .take_while(|&(_, c)| is_letter(c))
        .last()
        .map(|(at, _)| at)?;
    let second_end = right
        .char_indices()
        .find(|&(_, c)| !is_letter(c))
        .map_or(right.len(), |(at, _)| at);
    let (first, second) = (&core[first_start..], &right[..second_end]);
    let second_start = second.chars().next()?;
    if core[..first_start].ends_with('-') || right[second_end..].starts_with(['-', '\u{2010}']) {
        return None;
    }
    let first_upper = is_upper_text(first);
    let last_upper = first.chars().next_back().is_some_and(is_upper);
    if (is_upper(second_start) && !first_upper) || (last_upper && !is_upper(second_start)) {
        return None;
    }
    Some(Pieces {
        first,
        second,
        alone: second_end == right.len(),
    })
}

/// Where each line of a text starts, where its visible text ends (before trailing white space, as
/// `str.rstrip` sees it) and where its words start (after quote markers and indentation), in bytes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LineSpans {
    /// For each line: its start, the end of its visible text, the start of its words.
    spans: Vec<(usize, usize, usize)>,
}

impl LineSpans {
    /// Read the spans of the lines of `text`, whose layouts `lines` holds.
    pub fn new(text: &str, lines: &Lines) -> Self {
        let mut spans = Vec::new();
        let mut start = 0;
        for line in chars::lines(text) {
            spans.push((start, start + line.trim_end_matches(is_python_space).len(), start));
            start += line.len() + 1;
        }
        for layout in &lines.layouts {
            if let Some(span) = spans.get_mut(layout.line) {
                span.2 += layout.column; // quote markers and indentation are ASCII
            }
        }
        LineSpans { spans }
    }

    /// The spans of a text's lines as its reader found them (see [`LineSpans::new`]).
    pub(crate) fn from_spans(spans: Vec<(usize, usize, usize)>) -> Self {
        LineSpans { spans }
    }

    /// Where a line's visible text ends.
    fn visible_end(&self, line: usize) -> usize {
        self.spans[line].1
    }

    /// Where a line's words start.
    fn body(&self, line: usize) -> usize {
        self.spans[line].2
    }

    /// A line's visible text: without trailing white space, with its quote markers and indentation.
    pub fn visible<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let (start, end, _) = self.spans[line];
        &text[start..end]
    }

    /// A line's visible text after its quote markers and indentation.
    pub fn words<'a>(&self, text: &'a str, line: usize) -> &'a str {
        let (_, end, body) = self.spans[line];
        text.get(body.min(end)..end).unwrap_or("")
    }

    /// The last character of a line that is not white space, if it has one.
    pub fn last_char(&self, text: &str, line: usize) -> Option<char> {
        self.visible(text, line).chars().next_back()
    }
}

/// Check that every join joins a line of the text to a later one, and that the joins come in order, none
/// inside another, as the joins of a round are (the fuzz test holds the rounds to it).
pub fn joins_fit(spans: &LineSpans, joins: &[Join]) -> bool {
    let lines = spans.spans.len();
    joins.iter().all(|join| join.before < join.after && join.after < lines)
        && joins.windows(2).all(|pair| pair[1].before >= pair[0].after)
}

/// How often a text holds the pieces of words `first` and `second` of a hyphen in doubt joined and
/// hyphenated, in lower case, as Python's `text.lower().count(word)` counts them; `None` unless both pieces
/// are in ASCII (whose lower case is made here as Python makes it) and [`WordCounts`] can count them.
///
/// ```
/// use textclean_native::chars::WordCounts;
/// use textclean_native::linewrap_joins::seen_in_text;
/// let mut counts = WordCounts::new("The inter-\nnational deal, an International one, not inter-national.");
/// assert_eq!(seen_in_text("inter", "national", &mut counts), Some((1, 1)));
/// assert_eq!(seen_in_text("Straßen", "bahn", &mut counts), None);
/// ```
pub fn seen_in_text(first: &str, second: &str, counts: &mut WordCounts<'_>) -> Option<(usize, usize)> {
    if !first.is_ascii() || !second.is_ascii() {
        return None;
    }
    let joined = counts.count(&format!("{first}{second}").to_ascii_lowercase())?;
    Some((joined, counts.count(&format!("{first}-{second}").to_ascii_lowercase())?))
}

/// The hyphens at the ends of the joined lines that need a verdict, those after a word piece of two
/// characters or more but soft hyphens (which always go), none with `keep` (all are part of their words):
/// the joins whose hyphen is part of its word by its shape ([`hyphen_pieces`]), and the questions the
/// caller must judge.
pub fn hyphen_questions<'a>(
    text: &'a str,
    spans: &LineSpans,
    joins: &[Join],
    keep: bool,
) -> (Vec<usize>, Vec<HyphenQuestion<'a>>) {
    let (mut hard, mut questions) = (Vec::new(), Vec::new());
    if keep {
        return (hard, questions);
    }
    for (index, join) in joins.iter().enumerate() {
        let Some((left, before)) = hyphen_piece(text, spans, join.before) else {
            continue;
        };
        if left.ends_with(SOFT_HYPHEN) {
            continue;
        }
        let after = spans.words(text, join.after);
        let right = after.split(' ').next().unwrap_or("");
        let Some(pieces) = hyphen_pieces(left, right) else {
            hard.push(index);
            continue;
        };
        let context_start = before
            .char_indices()
            .rev()
            .nth(CONTEXT_CHARS - 1)
            .map_or(0, |(at, _)| at);
        let context = format!(
            "{} {}",
            &before[context_start..],
            &after[..byte_offset(after, CONTEXT_CHARS)]
        );
        questions.push(HyphenQuestion {
            join: index,
            pieces,
            context,
        });
    }
    (hard, questions)
}

/// The options of the `linewrap` step: the wrap width if it is known, whether it mends blank lines inside
/// a sentence, and whether every line-end hyphen is part of its word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub width: Option<usize>,
    pub mend_blank_lines: bool,
    pub keep_hyphens: bool,
}

/// What the `linewrap` step asks of the languages of a text (`text`, the text of the round): whether
/// `word`, the last word of `line` before a blank line, is a function word of the line's language; and
/// the verdict of each line-end hyphen whose shape leaves it open. `Stop`: why an answer cannot be given.
pub trait Answers {
    type Stop;
    fn function_word(&mut self, text: &str, word: &str, line: &str) -> Result<bool, Self::Stop>;
    fn verdicts(&mut self, text: &str, questions: &[HyphenQuestion<'_>]) -> Result<Vec<Hyphen>, Self::Stop>;
}

/// The edits of the `linewrap` step, round after round until a round joins nothing (see
/// [`edits::until_settled`]), asking `answers` what only the words of a language tell.
///
/// ```
/// use textclean_native::edits::apply;
/// use textclean_native::linewrap_joins::{find_edits, Answers, Hyphen, HyphenQuestion, Options};
/// struct Soft; // every hyphen in doubt the wrap's
/// impl Answers for Soft {
///     type Stop = ();
///     fn function_word(&mut self, _: &str, word: &str, _: &str) -> Result<bool, ()> {
///         Ok(word == "the")
///     }
///     fn verdicts(&mut self, _: &str, questions: &[HyphenQuestion<'_>]) -> Result<Vec<Hyphen>, ()> {
///         Ok(vec![Hyphen::Soft; questions.len()])
///     }
/// }
/// let options = Options { width: None, mend_blank_lines: true, keep_hyphens: false };
/// let text = "It was a dark and stormy night; the rain fell in tor-\nrents, except at occasional intervals.";
/// let edits = find_edits(text, options, &mut Soft).unwrap();
/// assert_eq!(apply(text, &edits), "It was a dark and stormy night; the rain fell in torrents, except at occasional intervals.");
/// assert_eq!(find_edits("Shopping list:\n- bread\n- milk", options, &mut Soft), Ok(vec![]));
/// ```
pub fn find_edits<A: Answers>(text: &str, options: Options, answers: &mut A) -> Result<Vec<Edit>, A::Stop> {
    let mut stop = None;
    let edits = edits::until_settled(text, |current| {
        round(current, options, answers).unwrap_or_else(|why| {
            stop = Some(why); // and no edit: the rounds end here
            Vec::new()
        })
    });
    stop.map_or(Ok(edits), Err)
}

/// One round of the `linewrap` step: the edits that join the lines of `text` that a wrap broke, with the
/// blank lines inside a sentence.
fn round<A: Answers>(text: &str, options: Options, answers: &mut A) -> Result<Vec<Edit>, A::Stop> {
    if !text.contains('\n') {
        return Ok(Vec::new());
    }
    let (lines, breaks, spans) = read_spans(text, options.width);
    let (mut joins, questions) = round_joins(text, &lines, &breaks, &spans, options.mend_blank_lines);
    let mut mended = false;
    for question in questions {
        // a blank line after a function word breaks a sentence off mid-phrase
        if answers.function_word(text, question.word, question.line_text)? {
            joins.push(Join {
                before: question.line,
                after: question.line + 2,
                rule: "blank-line-in-sentence",
            });
            mended = true;
        }
    }
    if mended {
        joins.sort();
    }
    if joins.is_empty() {
        return Ok(Vec::new());
    }
    let (hard, in_doubt) = hyphen_questions(text, &spans, &joins, options.keep_hyphens);
    let mut verdicts: Vec<(usize, Hyphen)> = hard.into_iter().map(|join| (join, Hyphen::Hard)).collect();
    if !in_doubt.is_empty() {
        let judged = answers.verdicts(text, &in_doubt)?;
        verdicts.extend(in_doubt.iter().map(|question| question.join).zip(judged));
    }
    let edits = join_edits(text, &spans, &lines.ends, &joins, (&verdicts, options.keep_hyphens));
    Ok(edits.expect("every hyphen of the joins has its verdict"))
}

/// The last word of a line that ends in a line-end hyphen (the hyphen with it), if it has two characters
/// or more, and the line's words.
fn hyphen_piece<'a>(text: &'a str, spans: &LineSpans, line: usize) -> Option<(&'a str, &'a str)> {
    let visible = spans.visible(text, line);
    let hyphen = match visible.as_bytes().last() {
        Some(b'-') => true,
        Some(&last) if last < 0x80 => false, // the common case
        _ => visible
            .chars()
            .next_back()
            .is_some_and(|c| LINE_END_HYPHENS.contains(&c)),
    };
    if !hyphen {
        return None;
    }
    let before = spans.words(text, line);
    let left = &before[before.rfind(' ').map_or(0, |at| at + 1)..];
    (left.chars().nth(1).is_some()).then_some((left, before))
}

/// The edits that make the `joins` (in order), one for each row of joins in a row; `verdicts` holds the
/// verdict of each hyphen that [`hyphen_questions`] asked about, by the index of its join (with `keep`,
/// every hyphen but a soft one is part of its word). A hyphen left without a verdict is an error (`None`).
pub fn join_edits(
    text: &str,
    spans: &LineSpans,
    ends: &[u8],
    joins: &[Join],
    (verdicts, keep): (&[(usize, Hyphen)], bool),
) -> Option<Vec<Edit>> {
    let mut by_join = vec![None; joins.len()];
    for &(join, verdict) in verdicts {
        *by_join.get_mut(join)? = Some(verdict);
    }
    let mut edits = Vec::new();
    // the row of joins being read: where its edit starts, the text that replaces its breaks, its rules
    let (mut row, mut pieces, mut rules) = (None, String::new(), Vec::new());
    let mut previous = None;
    for (index, join) in joins.iter().enumerate() {
        let (a, b) = (join.before, join.after);
        let mut cut = spans.visible_end(a);
        let (mut joint, mut rule) = (" ", join.rule);
        let last = spans.last_char(text, a);
        if let Some((_, _)) = hyphen_piece(text, spans, a) {
            let verdict = if last == Some(SOFT_HYPHEN) {
                Hyphen::Soft
            } else if keep {
                Hyphen::Hard
            } else {
                by_join[index]?
            };
            (joint, rule) = match verdict {
                Hyphen::Soft => {
                    cut -= last.map_or(0, char::len_utf8);
                    ("", "soft-hyphen")
                }
                Hyphen::Hard => ("", "hyphenated-word"),
                Hyphen::Suspended => (" ", "suspended-hyphen"),
            };
        } else if last.is_some_and(|c| !LINE_END_HYPHENS.contains(&c) && u32::from(c) >= WIDE_FROM)
            && ends[a] & ENDS_WITHOUT_SPACE > 0
            && ends[b] & STARTS_WITHOUT_SPACE > 0
        {
            joint = "";
        }
        match row {
            Some(_) if previous == Some(a) => {
                // the line between two joins, from its words to the cut
                pieces.push_str(text.get(spans.body(a)..cut).unwrap_or(""));
            }
            _ => {
                if let (Some(start), Some(last_line)) = (row, previous) {
                    edits.push(row_edit(spans, start, (&pieces, &rules), last_line));
                }
                row = Some(cut);
                pieces.clear();
                rules.clear();
            }
        }
        pieces.push_str(joint);
        if !rules.contains(&rule) {
            rules.push(rule);
        }
        previous = Some(b);
    }
    if let (Some(start), Some(last_line)) = (row, previous) {
        edits.push(row_edit(spans, start, (&pieces, &rules), last_line));
    }
    Some(edits)
}

/// The edit of a row of joins: from its start to where the words of its last line start, with the text
/// and the rules of its joins.
fn row_edit(spans: &LineSpans, start: usize, (new, rules): (&str, &[&'static str]), last_line: usize) -> Edit {
    Edit {
        start,
        end: spans.body(last_line),
        new: new.to_string(),
        rule: match rules {
            [rule] => Cow::Borrowed(rule),
            _ => Cow::Owned(rules.join("+")),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::apply;
    use crate::linewrap::read_breaks;

    fn join(before: usize, after: usize) -> Join {
        Join {
            before,
            after,
            rule: "line-wrap",
        }
    }

    fn joined(text: &str, joins: &[Join], verdicts: &[(usize, Hyphen)]) -> Option<String> {
        let (lines, _) = read_breaks(text, None);
        let spans = LineSpans::new(text, &lines);
        join_edits(text, &spans, &lines.ends, joins, (verdicts, false)).map(|edits| apply(text, &edits))
    }

    #[test]
    fn a_row_of_joins_is_one_edit() {
        let text = "one two\nthree four\nfive\n\nsix";
        let (lines, _) = read_breaks(text, None);
        let spans = LineSpans::new(text, &lines);
        let edits = join_edits(text, &spans, &lines.ends, &[join(0, 1), join(1, 2)], (&[], false)).unwrap();
        assert_eq!(edits.len(), 1);
        assert_eq!(apply(text, &edits), "one two three four five\n\nsix");
    }

    #[test]
    fn hyphens_join_as_their_verdicts_say() {
        let text = "an inter-\nnational deal";
        let (lines, _) = read_breaks(text, None);
        let spans = LineSpans::new(text, &lines);
        let (hard, questions) = hyphen_questions(text, &spans, &[join(0, 1)], false);
        let pieces = questions[0].pieces;
        assert_eq!(
            (hard, pieces.first, pieces.second, pieces.alone),
            (vec![], "inter", "national", true)
        );
        assert_eq!(questions[0].context, "an inter- national deal");
        assert_eq!(hyphen_questions(text, &spans, &[join(0, 1)], true), (vec![], vec![]));
        let url = "see example.com/some-\npage now";
        let (lines, _) = read_breaks(url, None);
        let shaped = hyphen_questions(url, &LineSpans::new(url, &lines), &[join(0, 1)], false);
        assert_eq!(shaped, (vec![0], vec![])); // settled by its shape: nothing to ask
        for (verdict, expected) in [
            (Hyphen::Soft, "an international deal"),
            (Hyphen::Hard, "an inter-national deal"),
            (Hyphen::Suspended, "an inter- national deal"),
        ] {
            assert_eq!(joined(text, &[join(0, 1)], &[(0, verdict)]).as_deref(), Some(expected));
        }
        assert_eq!(joined(text, &[join(0, 1)], &[]), None); // a verdict is missing
        assert_eq!(joined(text, &[join(0, 1)], &[(1, Hyphen::Soft)]), None); // of a join that is not there
        let (lines, _) = read_breaks(text, None);
        let kept = join_edits(
            text,
            &LineSpans::new(text, &lines),
            &lines.ends,
            &[join(0, 1)],
            (&[], true),
        );
        assert_eq!(
            kept.map(|edits| apply(text, &edits)).as_deref(),
            Some("an inter-national deal")
        );
        assert_eq!(joined("soft\u{AD}\nly", &[join(0, 1)], &[]).as_deref(), Some("softly"));
    }

    #[test]
    fn scripts_without_spaces_join_without_one() {
        assert_eq!(
            joined("我们明天\n去北京", &[join(0, 1)], &[]).as_deref(),
            Some("我们明天去北京")
        );
    }

    #[test]
    fn quoted_lines_join_from_their_words() {
        let text = "> one two\n> three\n> four";
        assert_eq!(
            joined(text, &[join(0, 1), join(1, 2)], &[]).as_deref(),
            Some("> one two three four")
        );
    }
}
