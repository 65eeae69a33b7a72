//! The edits that remove blocks from a text, with the line breaks around them: shared by `boilerplate`
//! and `footer`.
//!
//! A removed block takes the line breaks that follow it, so no gap is left behind; removed blocks at
//! the end of the text take the breaks before them (a final line break stays), and so does a line right
//! under kept text that a blank line follows, so that the text above and the text below stay two
//! paragraphs.

use crate::blocks::Block;
use crate::edits::{apply, Edit};
use crate::unicode::is_python_space;

/// The edits (in order, offsets in bytes) that remove the blocks at `removed` (indices into `blocks`,
/// ascending, each at most once) from `text`, which `blocks` were split from.
///
/// ```
/// use std::collections::HashSet;
/// use textclean_native::{blocks::split, edits::apply, removal::removal_edits};
/// let text = "Keep this.\n\nShare this\n\nAnd this.\n";
/// let blocks = split(text, &HashSet::new());
/// assert_eq!(apply(text, &removal_edits(text, &blocks, &[1])), "Keep this.\n\nAnd this.\n");
/// assert_eq!(apply(text, &removal_edits(text, &blocks, &[1, 2])), "Keep this.\n");
/// ```
pub fn removal_edits(text: &str, blocks: &[Block], removed: &[usize]) -> Vec<Edit> {
    let mut is_removed = vec![false; blocks.len()];
    for &i in removed {
        is_removed[i] = true;
    }
    let tail = blocks.len() - is_removed.iter().rev().take_while(|&&gone| gone).count();
    removed
        .iter()
        .map(|&i| {
            let block = &blocks[i];
            let mut start = text[..block.start].rfind('\n').map_or(0, |at| at + 1);
            if !is_blank(&text[start..block.start]) {
                start = block.start;
            }
            if i == tail && i > 0 {
                start = blocks[i - 1].end;
            }
            let (end, new) = match blocks.get(i + 1) {
                Some(next) => {
                    let end = text[block.end..next.start]
                        .rfind('\n')
                        .map_or(block.end, |at| block.end + at + 1);
                    if 0 < i
                        && i < tail
                        && !is_removed[i - 1]
                        && holds_blank_line(&text[block.end..end])
                        && !holds_blank_line(&text[blocks[i - 1].end..start])
                    {
                        // a line right under kept text, with a blank line after it: the blank line stays
                        start = blocks[i - 1].end;
                        (block.end, "")
                    } else {
                        (end, "")
                    }
                }
                None => {
                    let end = if is_blank(&text[block.end..]) {
                        text.len()
                    } else {
                        block.end
                    };
                    let keeps_break = text.ends_with('\n') && tail > 0 && end == text.len();
                    (end, if keeps_break { "\n" } else { "" })
                }
            };
            Edit {
                start,
                end,
                new: new.into(),
                rule: "removal".into(),
            }
        })
        .collect()
}

/// `text` without the blocks at `removed` (ascending, as [`removal_edits`] removes them) and without the
/// byte spans `cuts` (outside the removals); `None` if a cut overlaps a removal.
///
/// ```
/// use std::collections::HashSet;
/// use textclean_native::{blocks::split, removal::without};
/// let text = "Title | Site\n\nShare this\n\nThe text.";
/// let blocks = split(text, &HashSet::new());
/// assert_eq!(without(text, &blocks, &[1], &[(5, 12)]).as_deref(), Some("Title\n\nThe text."));
/// ```
pub fn without(text: &str, blocks: &[Block], removed: &[usize], cuts: &[(usize, usize)]) -> Option<String> {
    let mut edits = removal_edits(text, blocks, removed);
    edits.extend(cuts.iter().map(|&(start, end)| Edit {
        start,
        end,
        new: String::new(),
        rule: "cut".into(),
    }));
    edits.sort_by_key(|edit| (edit.start, edit.end));
    edits
        .windows(2)
        .all(|pair| pair[0].end <= pair[1].start)
        .then(|| apply(text, &edits))
}

/// Whether `text` holds nothing but white space (as Python's `str.strip` sees it).
fn is_blank(text: &str) -> bool {
    text.chars().all(is_python_space)
}

/// Whether `text` holds a blank line: two line breaks.
fn holds_blank_line(text: &str) -> bool {
    text.bytes().filter(|&byte| byte == b'\n').nth(1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blocks::split;
    use std::collections::HashSet;

    fn removed(text: &str, indices: &[usize]) -> String {
        let blocks = split(text, &HashSet::new());
        apply(text, &removal_edits(text, &blocks, indices))
    }

    #[test]
    fn a_removed_block_takes_the_breaks_after_it() {
        assert_eq!(removed("One.\n\nMenu\n\nTwo.", &[1]), "One.\n\nTwo.");
        assert_eq!(removed("Menu\n\nOne.", &[0]), "One.");
    }

    #[test]
    fn removed_blocks_at_the_end_take_the_breaks_before_them() {
        assert_eq!(removed("One.\n\nShare\n\nTags\n", &[1, 2]), "One.\n");
        assert_eq!(removed("One.\n\nShare", &[1]), "One.");
        assert_eq!(removed("Share\n", &[0]), "");
    }

    #[test]
    fn a_line_under_kept_text_leaves_the_blank_line_after_it() {
        assert_eq!(removed("One.\nBy Jane\n\nTwo.", &[1]), "One.\n\nTwo.");
    }

    #[test]
    fn a_final_line_break_stays() {
        assert_eq!(removed("One.\n\nShare \n", &[1]), "One.\n");
    }
}
