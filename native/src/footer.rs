//! Where the article ends: the first footer line after enough of its text, where the page's tail begins.
//!
//! After the last paragraph of an article, scraped pages go on with comment sections, tag lines, source
//! and copyright notices and lists of other articles. Such a tail begins with a line the lexicon knows
//! (a footer marker, or a prompt where prompts end an article); the cut is at the first of them that
//! follows enough article text, so that a marker in the page's header, or a quoted disclaimer inside
//! the article, is never a cut. Once a tail is cut, an earlier marker may end what is left: the cut is
//! looked for again until none is found, so that the cleaner is idempotent.

use crate::blocks::TextSet;

use crate::blocks::{Block, FunctionWords};
use crate::classify::goes_on_with;
use crate::edits::MAX_ROUNDS;
use crate::lexicon::Lexicon;

/// A marker is a line, not a paragraph: at most this many words.
const MARKER_WORDS: usize = 15;
/// A block is article prose if it has at least this many words (or, in scripts without spaces, this many
/// times five characters) and is not a link list.
const PROSE_WORDS: usize = 20;
const PROSE_MAX_LINK_SHARE: f64 = 0.5;
/// A footer line follows the article's last paragraph within this many blocks (share buttons, a signature
/// line and the like may come between).
const MAX_GAP: usize = 15;
/// A tag or comment-count line directly followed by this many sentences of at least this many words (one
/// block each) heads text rather than ends it: "Filed under: ..." or "12 Comments" above the article.
const HEADER_LABELS: &[&str] = &["tags", "comments"];
const HEADED_TEXT_BLOCKS: usize = 3;
const SENTENCE_BLOCK_WORDS: usize = 10;

/// What a strictness allows the footer, and how much article text comes before a cut.
#[derive(Debug, Clone, Copy)]
pub struct Settings {
    /// A footer line ends the article even when paragraphs of prose follow it.
    pub cut_before_prose: bool,
    /// Share, sign-up, log-in and related prompts end the article too, unless text on its subject follows.
    pub prompts_end_article: bool,
    /// A prompt ends the article even when paragraphs on its subject follow it.
    pub prompts_end_text_on_subject: bool,
    /// The words of prose that come before a cut.
    pub min_article_words: usize,
}

/// What the cut reads besides the blocks.
#[derive(Debug)]
pub struct Context<'a> {
    pub lexicon: &'a Lexicon,
    pub stopwords: &'a FunctionWords,
    /// The label of the user's footer line each block is, if the user gave phrases or patterns.
    pub user_labels: Option<&'a [Option<String>]>,
    pub settings: Settings,
}

/// The first block of the page's tail and its label, if the blocks have one: the first footer line
/// after the article's text, looked for again in what is left until none is found.
pub fn tail_start<'a>(blocks: &[Block], context: &Context<'a>) -> Option<(usize, &'a str)> {
    let prose: Vec<usize> = blocks
        .iter()
        .map(|block| if is_prose(block) { block.words } else { 0 })
        .collect();
    let mut found = None;
    let mut end = blocks.len();
    for _ in 0..MAX_ROUNDS {
        match first_cut(&blocks[..end], &prose[..end], context) {
            Some((cut, label)) => {
                found = Some((cut, label));
                end = cut;
            }
            None => break,
        }
    }
    found
}

/// The first footer line after the article's text, and its label.
///
/// A prompt (share, sign up, log in, related) ends the article only where the first paragraph of prose
/// after it, if any, does not go on with the subject of the prose before it: a "Read more" link between
/// two paragraphs of one story is no end.
fn first_cut<'a>(blocks: &[Block], prose: &[usize], context: &Context<'a>) -> Option<(usize, &'a str)> {
    let settings = context.settings;
    let mut prose_after: usize = prose.iter().sum();
    let mut prose_before = 0;
    let mut last_prose: Option<usize> = None;
    // the subject words of the prose blocks before `read`, read when a prompt asks
    let mut vocabulary: TextSet<&str> = TextSet::default();
    let mut read = 0;
    for (i, block) in blocks.iter().enumerate() {
        prose_after -= prose[i];
        // the article is the larger part: a marker with much prose after it is in the page's header, or
        // inside the article; and it follows the article's text closely, not a run of menus
        let gap = last_prose.map_or(i + 1, |last| i - last);
        if prose_before >= settings.min_article_words.max(2 * prose_after)
            && block.words <= MARKER_WORDS
            && gap <= MAX_GAP
        {
            let line = tail_line(block, i, context);
            let mut label = line.map(|(label, _)| label);
            if line.is_some_and(|(_, prompt)| prompt) && prose_after > 0 && !settings.prompts_end_text_on_subject {
                for k in read..i {
                    if prose[k] > 0 {
                        vocabulary.extend(blocks[k].subject_words(context.stopwords).iter());
                    }
                }
                read = i;
                if goes_on(blocks, prose, i, &vocabulary, context.stopwords) {
                    label = None;
                }
            }
            if label.is_some_and(|label| HEADER_LABELS.contains(&label))
                && heads_text(&blocks[i + 1..], settings.min_article_words)
            {
                label = None;
            }
            if let Some(label) = label.filter(|_| settings.cut_before_prose || prose_after == 0) {
                return Some((i, label));
            }
        }
        if prose[i] > 0 {
            prose_before += prose[i];
            last_prose = Some(i);
        }
    }
    None
}

/// The footer line that opens block `i`: the user's first, then the lexicon's (label, and whether it is a
/// prompt rather than a footer marker).
fn tail_line<'a>(block: &Block, i: usize, context: &Context<'a>) -> Option<(&'a str, bool)> {
    if let Some(label) = context.user_labels.and_then(|labels| labels[i].as_deref()) {
        return Some((label, false));
    }
    context
        .lexicon
        .tail(&block.visible, block.words, context.settings.prompts_end_article)
}

/// Tell whether the article goes on after the prompt at `i`: a paragraph follows the prompt at once, or
/// the first paragraph after it goes on with the subject of the paragraphs before it (`vocabulary`).
fn goes_on(blocks: &[Block], prose: &[usize], i: usize, vocabulary: &TextSet<&str>, stopwords: &FunctionWords) -> bool {
    let Some(following) = (i + 1..blocks.len()).find(|&k| prose[k] > 0) else {
        return false;
    };
    blocks[i + 1..following].iter().all(|block| block.words == 0)
        || goes_on_with(vocabulary, blocks[following].subject_words(stopwords))
}

/// Tell whether `blocks` open with a run of text: several sentences, enough words.
///
/// Page furniture follows the end of an article (share buttons, a comment form, an author's name); a line
/// followed at once by paragraph after paragraph is where a text starts.
fn heads_text(blocks: &[Block], min_words: usize) -> bool {
    let run: Vec<&Block> = blocks
        .iter()
        .take_while(|block| {
            block.sentence_end && block.words >= SENTENCE_BLOCK_WORDS && block.link_share <= PROSE_MAX_LINK_SHARE
        })
        .collect();
    run.len() >= HEADED_TEXT_BLOCKS && run.iter().map(|block| block.words).sum::<usize>() >= min_words
}

/// Tell whether a block is article prose: enough words (or characters, in scripts without spaces), and
/// not a link list.
fn is_prose(block: &Block) -> bool {
    (block.words >= PROSE_WORDS || block.size >= 5 * PROSE_WORDS) && block.link_share <= PROSE_MAX_LINK_SHARE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(text: &str) -> Vec<Block> {
        crate::blocks::split(text, &FunctionWords::default())
    }

    #[test]
    fn prose_has_enough_words_and_few_links() {
        let read: Vec<bool> = blocks(&format!(
            "{}\n\n[{}](/a)\n\nShort line.",
            "word ".repeat(20),
            "link ".repeat(20)
        ))
        .iter()
        .map(is_prose)
        .collect();
        assert_eq!(read, [true, false, false]);
        assert!(is_prose(&blocks(&"港".repeat(100))[0]));
    }

    #[test]
    fn a_line_heads_text_when_sentences_of_enough_words_follow() {
        let sentence = "The council met on Monday and voted to keep the library open.";
        let three = blocks(&[sentence; 3].join("\n\n"));
        assert!(heads_text(&three, 30));
        assert!(!heads_text(&three, 100));
        assert!(!heads_text(&three[1..], 0));
    }
}
