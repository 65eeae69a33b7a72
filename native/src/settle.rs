//! The boilerplate cleaner's verdicts on a whole document: the passes over every block, the title, and
//! the passes again over the kept blocks, without the removed ones, until nothing more goes.
//!
//! A removal gives the blocks around it new neighbours, so a block kept in the first classification may
//! go in the next; a block once removed stays removed, and the title keeps its verdict. The rounds end
//! when one removes nothing, or after [`MAX_ROUNDS`] of them, so the cleaner is idempotent on real text.

use crate::blocks::Block;
use crate::classify::{self, Context, Kind, Verdict, HEAD_WORDS};
use crate::edits::MAX_ROUNDS;
use crate::lexicon::{first_word_start, Lexicon};

/// Rules that drop a block for its neighbours or its place, not for evidence of its own: such a block
/// may still be the title.
const IN_DOUBT: [&str; 2] = ["among-furniture", "outside-article"];
/// A title has at least this many words (and at most [`HEAD_WORDS`]).
const TITLE_MIN_WORDS: usize = 3;
/// A block with at least this share of link text is a link, not a title.
const TITLE_MAX_LINK_SHARE: f64 = 0.5;

/// The settled verdicts of a document's blocks, and which block is its title, if one is.
#[derive(Debug, PartialEq)]
pub struct Settled<'a> {
    pub verdicts: Vec<Verdict<'a>>,
    pub title: Option<usize>,
}

/// Settle the verdicts of `blocks`: `classify` runs the passes over the blocks at the indices it is given
/// (in order, as if they were the text). The title is kept (`keep_title`) or removed, whatever the
/// passes say of it.
///
pub fn settle<'a>(
    blocks: &[Block],
    lexicon: &Lexicon,
    keep_title: bool,
    mut classify: impl FnMut(&[usize]) -> Vec<Verdict<'a>>,
) -> Settled<'a> {
    let all: Vec<usize> = (0..blocks.len()).collect();
    let mut verdicts = classify(&all);
    let title = title_index(blocks, &verdicts, lexicon);
    if let Some(title) = title {
        let kind = if keep_title { Kind::Good } else { Kind::Bad };
        verdicts[title] = Verdict {
            kind,
            rule: "title",
            by: "title",
        };
    }
    for _ in 0..MAX_ROUNDS {
        let kept = classify::collect_sized(all.iter().copied().filter(|&i| verdicts[i].kind != Kind::Bad));
        if kept.len() == all.len() {
            break; // nothing was removed: the same blocks would get the same verdicts
        }
        let mut removed_more = false;
        for (&i, verdict) in kept.iter().zip(classify(&kept)) {
            if verdict.kind == Kind::Bad && Some(i) != title {
                verdicts[i] = verdict;
                removed_more = true;
            }
        }
        if !removed_more {
            break;
        }
    }
    Settled { verdicts, title }
}

/// Classify a document's `blocks` and settle their verdicts (see [`settle`]). Each block's class on its own
/// evidence and the words that tell a copy of it are read once; a block's label is the user's where
/// `user_labels` (one for each block, if the user gave any) holds one, else the lexicon's.
pub fn settle_document<'a>(
    blocks: &'a [Block],
    lexicon: &'a Lexicon,
    user_labels: Option<&'a [Option<String>]>,
    context: &Context<'_>,
    keep_title: bool,
) -> Settled<'a> {
    let own: Vec<(Kind, &'a str)> = blocks
        .iter()
        .enumerate()
        .map(|(i, block)| {
            let user = user_labels.and_then(|labels| labels[i].as_deref());
            let label = if block.words == 0 {
                None
            } else {
                user.or_else(|| block.label(lexicon))
            };
            classify::own_class(block, label, context)
        })
        .collect();
    let copies = classify::copy_keys(blocks, context);
    let passes = |indices: &[usize]| {
        let chosen: Vec<&Block> = indices.iter().map(|&i| &blocks[i]).collect();
        let own: Vec<(Kind, &'a str)> = indices.iter().map(|&i| own[i]).collect();
        let copies: Vec<Option<&str>> = indices.iter().map(|&i| copies[i].as_deref()).collect();
        classify::classify(&chosen, &own, &copies, context)
    };
    settle(blocks, lexicon, keep_title, passes)
}

/// The title among `blocks`: the first heading-like block (a few words, not a sentence, not a list
/// item, a table row, a link or a furniture phrase) before the first block of prose.
fn title_index(blocks: &[Block], verdicts: &[Verdict<'_>], lexicon: &Lexicon) -> Option<usize> {
    for (i, (block, verdict)) in blocks.iter().zip(verdicts).enumerate() {
        if verdict.kind == Kind::Good && matches!(verdict.rule, "prose" | "near-prose") {
            return None;
        }
        if verdict.rule == "repeated" {
            continue;
        }
        let visible = &*block.visible;
        if (TITLE_MIN_WORDS..=HEAD_WORDS).contains(&block.words)
            && !block.list_item
            && !visible.starts_with('|')
            && !lexicon.opens(visible, first_word_start(visible))
            && block.link_share < TITLE_MAX_LINK_SHARE
            && !visible.ends_with('.')
            && (block.heading || verdict.kind != Kind::Bad || IN_DOUBT.contains(&verdict.rule))
        {
            return Some(i);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::blocks::split;
    use crate::testing::LEXICON;

    fn verdict(kind: Kind, rule: &'static str) -> Verdict<'static> {
        Verdict { kind, rule, by: "test" }
    }

    /// A classifier that removes the blocks whose text starts with "x", and the block that opens the
    /// blocks it is given if its text starts with "y".
    fn removes_x_and_an_opening_y(blocks: &[Block]) -> impl Fn(&[usize]) -> Vec<Verdict<'static>> + '_ {
        |indices: &[usize]| {
            indices
                .iter()
                .enumerate()
                .map(|(at, &i)| {
                    let visible = &blocks[i].visible;
                    if visible.starts_with('x') || (at == 0 && visible.starts_with('y')) {
                        verdict(Kind::Bad, "x")
                    } else {
                        verdict(Kind::Good, "prose")
                    }
                })
                .collect()
        }
    }

    #[test]
    fn a_removal_gives_the_blocks_new_neighbours_until_nothing_more_goes() {
        let blocks = split("x one.\n\ny two.\n\ny three.\n\nfour.", &HashSet::new());
        let settled = settle(&blocks, &LEXICON, true, removes_x_and_an_opening_y(&blocks));
        let kinds: Vec<Kind> = settled.verdicts.iter().map(|verdict| verdict.kind).collect();
        // "y two." opens the text once "x one." is gone, and "y three." once "y two." is
        assert_eq!(kinds, [Kind::Bad, Kind::Bad, Kind::Bad, Kind::Good]);
        assert_eq!(settled.title, None);
    }

    #[test]
    fn the_title_keeps_its_verdict_whatever_the_rounds_say() {
        let blocks = split(
            "x Storm hits the coast\n\nThe storm reached the coast.",
            &HashSet::new(),
        );
        let classify = |indices: &[usize]| -> Vec<Verdict<'static>> {
            indices.iter().map(|_| verdict(Kind::Short, "short")).collect()
        };
        let kept = settle(&blocks, &LEXICON, true, classify);
        assert_eq!(
            (kept.title, kept.verdicts[0].rule, kept.verdicts[0].kind),
            (Some(0), "title", Kind::Good)
        );
        let removed = settle(&blocks, &LEXICON, false, removes_x_and_an_opening_y(&blocks));
        assert_eq!(removed.title, None); // a block removed on its own evidence is no title
        let removed = settle(&blocks, &LEXICON, false, classify);
        assert_eq!((removed.title, removed.verdicts[0].kind), (Some(0), Kind::Bad));
    }

    #[test]
    fn no_title_follows_prose_and_furniture_phrases_links_and_sentences_are_none() {
        let title_of = |text: &str| {
            let blocks = split(text, &HashSet::new());
            let verdicts = vec![verdict(Kind::Short, "short"); blocks.len()];
            title_index(&blocks, &verdicts, &LEXICON)
        };
        assert_eq!(title_of("Storm hits the coast"), Some(0));
        assert_eq!(title_of("Share this article now"), None);
        assert_eq!(title_of("[Storm hits the coast](/storm)"), None);
        assert_eq!(title_of("Storm hits the coast."), None);
        assert_eq!(title_of("Storm"), None);
        assert_eq!(title_of("* Storm hits the coast"), None);
        let blocks = split("A paragraph of prose.\n\nStorm hits the coast", &HashSet::new());
        let verdicts = [verdict(Kind::Good, "prose"), verdict(Kind::Short, "short")];
        assert_eq!(title_index(&blocks, &verdicts, &LEXICON), None);
        let verdicts = [verdict(Kind::Good, "repeated"), verdict(Kind::Short, "short")];
        assert_eq!(title_index(&blocks, &verdicts, &LEXICON), Some(1));
    }
}
