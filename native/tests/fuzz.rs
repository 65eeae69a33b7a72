//! Every scanner of the core on arbitrary text: no panic, offsets on character boundaries, sorted.
//!
//! A quick run is part of `cargo test`; a long one is a fuzzing session:
//! `PROPTEST_CASES=1000000 cargo test --release --test fuzz`.

use std::collections::HashMap;

use proptest::prelude::*;
use std::sync::LazyLock;

use textclean_native::chars::CharClass;
use textclean_native::classify::{self, Context, Kind, Patterns, Settings};
use textclean_native::lexicon::{Lexicon, WordLists};
use textclean_native::phrases::{Folding, Phrases, DFA_CACHE};
use textclean_native::{
    blocks, footer, formatting, language, linewrap, linewrap_blanks, linewrap_joins, links, links_edits, markup,
    mojibake, pages, removal, settle, whitespace,
};

/// Text rich in what the scanners look for, or any text at all.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "[",
        "]",
        "(",
        ")",
        "![",
        "](",
        "<",
        ">",
        "<a href='x'>",
        "</a>",
        "<img src=y>",
        "<br>",
        "<!--",
        "-->",
        "`",
        "\\",
        "*",
        "**",
        "_",
        "__",
        "#",
        "## ",
        "> ",
        "|",
        "---",
        ":",
        "- ",
        "1. ",
        "\n",
        "\n\n",
        "\r\n",
        " ",
        "\t",
        "\u{A0}",
        "\u{2028}",
        "\u{2029}",
        "\u{3000}",
        "http://x.org/a_b",
        "www.",
        "a@b.org",
        "[1]: /u",
        "[1]",
        "\"",
        "'",
        "word",
        "Straße",
        "ΣΑΣ",
        "港口",
        "カナ",
        "한국",
        "ไทย",
        "مرحبا",
        "22. August",
        "&amp;",
        "&#x26;",
        "&",
        ";",
        "â",
        "ll",
        "    ",
        "  > > ",
        "```",
        "~~~",
        "2.3.",
        "(a) ",
        "٣)",
        "===",
        "\u{1C}",
        "é\u{301}",
        "\u{FFFD}",
        "\u{E000}",
        "Share this",
        "By ",
        "(Photo: ",
        "Bild: ",
        "Getty Images",
        "©",
        "(c) 2024",
        "All rights reserved",
        "cookies",
        "accept",
        "May 7, 2010",
        "2024年3月5日",
        "08:30",
        "Published",
        "The ",
        "ſ",
        "K",
        "3/12",
        "Bild 2 von 5",
        "Jane Doe is a writer",
        " | ",
        " – ",
        "200 g flour",
        "...",
        "…",
        ".”",
    ]);
    prop_oneof![
        prop::collection::vec(pieces, 0..60).prop_map(|parts| parts.concat()),
        any::<String>(),
    ]
}

/// A lexicon of a few phrases and word lists of each kind.
static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    let furniture = [
        ("share", r"share\s+this|share"),
        ("comments", r"kommentar\w*|\d+\s+comments?|评论"),
        ("related", r"more\s+(?:from|news)(?:\s+.{0,40})?|see\s+also"),
    ]
    .map(|(label, phrases)| (label.to_string(), phrases.to_string()));
    let lists = WordLists {
        determiners: "the|die",
        rights_opening: r"copyright|©|\(c\)\s+\d{4}|all\s+rights\s+reserved|\(c\)",
        rights_reserved: r"all\s+rights\s+reserved",
        cookies: "cookies?",
        consent: r"accept\w*|opt.out",
        credit_labels: "photo|bild|fot|写真",
        credit_photos: "photo|bild",
        credit_by: "by|von",
        byline: "by|von|written by",
        dates: r"(?:may|mai)\.? \d{1,2},? \d{4}|\d{4}-\d{2}-\d{2}",
        cjk_dates: r"\d{4}\s?年\s?\d{1,2}\s?月\s?\d{1,2}\s?日",
        dateline: r"published|on|mon",
    };
    Lexicon::new(&furniture, &furniture[1..], &["share".to_string()], lists).unwrap()
});

/// The classifier's patterns, as the lexicon's data module writes them.
static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    Patterns::new(
        r"^(?:\d+(?:[.,/]\d+)?\s?\p{L}|\p{L}[\p{L}\- ]{0,30}[:：]\s*[^\d\n]{0,20}\d|\|(?:[^|\n]+\|){2}|(?:\S+(?: \S+)*(?:\s{2,}|\t)){2}\S)",
        r"^(?:\p{Lu}[\p{L}.'-]+(?: \p{Lu}[\p{L}.'-]+){1,3} (?:is|was)|(?:\w+[,!] )?(?:i am|ich bin))(?:\W+\w+){0,6}?\W+(?:\w*-)?(?:writer|autor(?:in)?)(?:\W|$)",
        r"\W{0,3}(?:(?:photo|bild)\s+)?(?P<at>\d{1,3})\s*(?:/|of|von|из)\s*(?P<of>\d{1,3})\W{0,3}",
        r"\s+(?:[|–—·•»]|-{1,2}|::)\s+",
        r"share\s+this|share|kommentar\w*|cookies?",
    )
    .unwrap()
});

fn on_boundaries(text: &str, offsets: impl IntoIterator<Item = usize>) -> bool {
    let mut last = 0;
    offsets.into_iter().all(|offset| {
        let fine = offset >= last && offset <= text.len() && text.is_char_boundary(offset);
        last = offset;
        fine
    })
}

/// Answers that take every word asked about for a function word and every hyphen in doubt for the wrap's.
struct Soft;

impl linewrap_joins::Answers for Soft {
    type Stop = ();
    fn function_word(&mut self, _: &str, _: &str, _: &str) -> Result<bool, ()> {
        Ok(true)
    }
    fn verdicts(
        &mut self,
        _: &str,
        questions: &[linewrap_joins::HyphenQuestion<'_>],
    ) -> Result<Vec<linewrap_joins::Hyphen>, ()> {
        Ok(vec![linewrap_joins::Hyphen::Soft; questions.len()])
    }
}

proptest! {
    #[test]
    fn no_scanner_panics_and_every_span_is_sound(text in text(), blank_lines in 0usize..3, flags in 0u8..8) {
        let edits = whitespace::find_edits(&text, blank_lines);
        prop_assert!(on_boundaries(&text, edits.iter().flat_map(|edit| [edit.start, edit.end])));

        let options = markup::Options { headings: flags & 1 > 0, list_markers: flags & 2 > 0, tables: flags & 4 > 0 };
        let edits = markup::find_edits(&text, options);
        prop_assert!(on_boundaries(&text, edits.iter().flat_map(|edit| [edit.start, edit.end])));

        let urls = [links_edits::Urls::Drop, links_edits::Urls::Keep, links_edits::Urls::Footnote][usize::from(flags % 3)];
        let bare_urls = [links_edits::BareUrls::Keep, links_edits::BareUrls::Drop, links_edits::BareUrls::Replace]
            [usize::from(flags / 3 % 3)];
        let edits = links_edits::find_edits(&text, links_edits::Options { urls, bare_urls, url_token: "<URL>" });
        prop_assert!(on_boundaries(&text, edits.iter().flat_map(|edit| [edit.start, edit.end])));

        let phrases = Phrases::new(r"share\s+this|kommentar\w*|\d+\s+comments?|评论|tags?:?|\(required\)", Folding::Python, DFA_CACHE).unwrap();
        for (at, _) in text.char_indices() {
            let end = phrases.end(&text, at);
            prop_assert_eq!(end.is_some(), phrases.opens(&text, at));
            prop_assert!(end.is_none_or(|end| end >= at && on_boundaries(&text, [end])));
        }
        for words in [0, 1, 10, 40] {
            LEXICON.label(&text, words, words > 1);
            LEXICON.tail(&text, words, true);
        }

        let tokens = links::tokenize(&text);
        prop_assert!(tokens.iter().all(|token| on_boundaries(&text, [token.start, token.end])));

        let every_kind = formatting::Kind::ALL.iter().map(|kind| kind.bit()).sum();
        let formatting = formatting::tokenize(&text, every_kind);
        prop_assert!(on_boundaries(&text, formatting.iter().flat_map(|token| [token.start, token.end])));

        let stopwords: blocks::FunctionWords = ["the", "und"].iter().map(|word| word.to_string()).collect();
        let split = blocks::split(&text, &stopwords);
        prop_assert!(on_boundaries(&text, split.iter().flat_map(|block| [block.start, block.end])));
        prop_assert!(split.iter().all(|block| (0.0..=1.0).contains(&block.link_share)));
        prop_assert_eq!(blocks::count_words(&text), blocks::count_words(&text));

        let context = Context {
            patterns: &PATTERNS,
            stopwords: &stopwords,
            prose_share: classify::prose_share(&split),
            settings: Settings {
                neighbours: flags & 1 > 0,
                position: flags & 2 > 0,
                prose_outside_run: flags & 4 > 0,
                near_prose_among_furniture: flags & 4 > 0,
                unproven_long_blocks: flags & 4 > 0,
                max_link_density: 0.5,
                keep_comments: flags & 1 > 0,
            },
        };
        let own: Vec<(Kind, &str)> = split
            .iter()
            .map(|block| classify::own_class(block, LEXICON.label(&block.visible, block.words, block.sentence_end), &context))
            .collect();
        for step in [1, 2] {
            let some: Vec<usize> = (0..split.len()).step_by(step).collect();
            let blocks: Vec<&blocks::Block> = some.iter().map(|&i| &split[i]).collect();
            let owned: Vec<(Kind, &str)> = some.iter().map(|&i| own[i]).collect();
            let copies = classify::copy_keys(&split, &context);
            let copies: Vec<Option<&str>> = some.iter().map(|&i| copies[i].as_deref()).collect();
            prop_assert_eq!(classify::classify(&blocks, &owned, &copies, &context).len(), some.len());
        }
        // the settled verdicts: one for each block, the title's its own, no round past the bound
        let copies = classify::copy_keys(&split, &context);
        let passes = |indices: &[usize]| {
            let blocks: Vec<&blocks::Block> = indices.iter().map(|&i| &split[i]).collect();
            let owned: Vec<(Kind, &str)> = indices.iter().map(|&i| own[i]).collect();
            let copies: Vec<Option<&str>> = indices.iter().map(|&i| copies[i].as_deref()).collect();
            classify::classify(&blocks, &owned, &copies, &context)
        };
        let settled = settle::settle(&split, &LEXICON, flags & 1 > 0, passes);
        prop_assert_eq!(settled.verdicts.len(), split.len());
        prop_assert!(settled.title.is_none_or(|title| settled.verdicts[title].rule == "title"));
        for user_labels in [None, Some(vec![Some("user-phrase".to_string()); split.len()])] {
            let footer = footer::Context {
                lexicon: &LEXICON,
                stopwords: &stopwords,
                user_labels: user_labels.as_deref(),
                settings: footer::Settings {
                    cut_before_prose: flags & 1 > 0,
                    prompts_end_article: flags & 2 > 0,
                    prompts_end_text_on_subject: flags & 4 > 0,
                    min_article_words: usize::from(flags) * 10,
                },
            };
            prop_assert!(footer::tail_start(&split, &footer).is_none_or(|(cut, _)| cut < split.len()));
        }
        for step in [1, 2, 3] {
            let removed: Vec<usize> = (flags as usize % step..split.len()).step_by(step).collect();
            let edits = removal::removal_edits(&text, &split, &removed);
            prop_assert_eq!(edits.len(), removed.len());
            prop_assert!(on_boundaries(&text, edits.iter().flat_map(|edit| [edit.start, edit.end])));
        }
        let cut = PATTERNS.site_suffix_start(&text);
        prop_assert!(on_boundaries(&text, [cut]));

        let (lines, breaks) = linewrap::read_breaks(&text, None);
        prop_assert_eq!(lines.kinds.len(), text.split('\n').count());
        prop_assert!(lines.ends.len() == lines.kinds.len() && lines.first_word.len() == lines.kinds.len());
        prop_assert!(breaks.lines.windows(2).all(|pair| pair[0] < pair[1]) && breaks.reach.len() == breaks.lines.len());
        prop_assert!(breaks.lines.iter().all(|&a| lines.kinds[a] <= linewrap::LineKind::Item && lines.kinds[a + 1] <= linewrap::LineKind::Item));
        prop_assert!(breaks.width.is_none_or(|width| (linewrap::MIN_WIDTH..=linewrap::MAX_WIDTH).contains(&width)));
        prop_assert!(breaks.prose.windows(2).all(|pair| pair[0] <= pair[1]));
        prop_assert!(breaks.wraps.windows(2).all(|pair| pair[0] < pair[1]));
        prop_assert!(breaks.wraps.iter().all(|wrap| breaks.lines.binary_search(wrap).is_ok()));
        prop_assert_eq!(breaks.blank_fits.len(), lines.blank_after_text.len());
        let spans = linewrap_joins::LineSpans::new(&text, &lines);
        // the breaks a wrap made and the blank lines after prose, joined as the step joins them: in order, none inside another
        let step = 1 + usize::from(flags & 1 > 0);
        let mut starts: Vec<usize> = breaks.wraps.iter().chain(&lines.blank_after_text).copied().collect();
        starts.sort_unstable();
        let mut joins: Vec<linewrap_joins::Join> = Vec::new();
        for before in starts {
            if before + step < lines.kinds.len() && joins.last().is_none_or(|last| before >= last.after) {
                joins.push(linewrap_joins::Join { before, after: before + step, rule: "join" });
            }
        }
        prop_assert!(linewrap_joins::joins_fit(&spans, &joins));
        let (hard, questions) = linewrap_joins::hyphen_questions(&text, &spans, &joins, false);
        let asked = questions.iter().map(|question| (question.join, linewrap_joins::Hyphen::Soft));
        let verdicts: Vec<(usize, linewrap_joins::Hyphen)> =
            hard.iter().map(|&join| (join, linewrap_joins::Hyphen::Hard)).chain(asked).collect();
        let edits = linewrap_joins::join_edits(&text, &spans, &lines.ends, &joins, (&verdicts, false));
        prop_assert!(edits.is_some_and(|edits| on_boundaries(&text, edits.iter().flat_map(|edit| [edit.start, edit.end]))));
        let (_, given) = linewrap::read_breaks(&text, Some(40));
        prop_assert!(given.wraps.iter().all(|wrap| given.lines.binary_search(wrap).is_ok()) && given.width == Some(40));
        prop_assert!(lines.layouts.windows(2).all(|pair| pair[0].line < pair[1].line));
        prop_assert!(lines.layouts.iter().all(|layout| layout.column <= text.split('\n').nth(layout.line).map_or(0, str::len)));
        prop_assert!(lines.blank_after_text.iter().all(|&line| lines.kinds[line + 1] != linewrap::LineKind::Text));
        // a round's joins: in order and sound, each blank line asked about one the step may mend
        let (round, asked) = linewrap_blanks::round_joins(&text, &lines, &breaks, &spans, true);
        prop_assert!(linewrap_joins::joins_fit(&spans, &round));
        prop_assert!(asked.iter().all(|question| lines.blank_after_text.binary_search(&question.line).is_ok()
            && question.line_text.ends_with(question.word) && !question.word.is_empty()));
        // the step's rounds, every function word asked about one and every hyphen in doubt the wrap's
        let options = linewrap_joins::Options { width: None, mend_blank_lines: true, keep_hyphens: flags & 2 > 0 };
        let made = linewrap_joins::find_edits(&text, options, &mut Soft);
        prop_assert!(made.is_ok_and(|edits| on_boundaries(&text, edits.iter().flat_map(|edit| [edit.start, edit.end]))));

        let mut reader = language::LanguageReader::new(
            HashMap::from([("Greek".to_string(), "el".to_string())]),
            HashMap::from([("Latin".to_string(), vec!["en".to_string(), "de".to_string()])]),
        )
        .expect("two languages of a shared script");
        reader.add_script("Latin", vec![("en".into(), vec!["the".into()]), ("de".into(), vec!["und".into()])]);
        prop_assert!(!matches!(reader.read(&text), language::Reading::NeedsScript(_)));

        let class = CharClass::new([(0, 31), (0x7F, 0x9F), (0x200B, 0x200F), (0xE000, 0xE000), (0x2028, 0x2029)]);
        let found = class.find_all(&text, u32::from);
        prop_assert!(on_boundaries(&text, found.iter().copied()));
        prop_assert_eq!(found.len(), text.chars().filter(|&c| class.contains(u32::from(c))).count());
        prop_assert_eq!(class.occurs_in(&text, u32::from), !found.is_empty());

        let gate = mojibake::Gate::new(&[("ÂÃ".to_string(), "©\u{80}".to_string()), ("Ð".to_string(), "¿".to_string())]).unwrap();
        let traces = gate.read(&text);
        prop_assert_eq!(traces.c1_control, text.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c)));
        prop_assert!(!traces.pair || text.chars().count() >= 2);
        prop_assert!(!mojibake::may_hold_entity(&text) || (text.contains('&') && text.contains(';')));
        prop_assert!(!mojibake::may_have_lost_apostrophes(&text) || text.contains('â'));

        let marks = pages::Marks {
            max_length: 20,
            min_marks: 3,
            min_spacing: 20,
        };
        let repeated = marks.repeated_numbered_lines(&text, 2);
        prop_assert!(repeated.iter().all(|(key, lines)| lines.len() >= 2 && key.contains('#')));
        let lines = marks.repeated_numbered_lines(&text, 1);
        prop_assert!(lines.iter().all(|(key, _)| key.contains('#') && key.chars().count() <= 20));
        prop_assert!(lines.iter().all(|(_, places)| places.windows(2).all(|pair| pair[0] < pair[1])));
    }
}
