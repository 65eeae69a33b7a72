//! A run of built-in steps over one text in one call: the text stays UTF-8 in the core from the first
//! step to the last.
//!
//! A pipeline that explains nothing hands its built-in steps to [`Document::apply`], one after the
//! other. The steps whose rules are all in the core make their text from the same rules as their
//! cleaners: `whitespace`, `links`, `markup`, and `footer` and `boilerplate` without the user's phrases,
//! patterns or removal guard; one that changes nothing leaves the next its reading of the text (the
//! function words of its language and its blocks). The steps whose rules are partly Python's
//! (`mojibake`, `unicode`, `pages`) run in the core only where the core can tell, from the same tests
//! their cleaners start with, that they change nothing; elsewhere the run stops and Python runs that
//! step. `linewrap` reads the languages of its lines where a blank line or a hyphen asks, and has the
//! hyphens that their shape leaves in doubt judged by the caller (Python weighs the word frequencies).
//! Where the run lacks what a text needs (the function words of a shared script or of a language,
//! `unicode`'s sets of characters), it stops too, and goes on once Python has given them. What the
//! furniture steps last read ([`Earlier`]) goes on to the next reading, in this run or the next round's:
//! a block that comes back unchanged keeps its measures.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::{LazyLock, OnceLock};

use crate::blocks::{self, Block, FunctionWords};
use crate::chars::CharClass;
use crate::classify::{self, Kind, Patterns};
use crate::edits::{self, Edit};
use crate::footer;
use crate::language::{LanguageReader, Reading};
use crate::lexicon::Lexicon;
use crate::linewrap_joins::{self, Hyphen, HyphenQuestion};
use crate::links_edits;
use crate::markup;
use crate::mojibake::{self, Gate, Traces};
use crate::pages;
use crate::removal;
use crate::settle;
use crate::unicode::is_lower_text;
use crate::whitespace;

/// A built-in step as a run takes it, with its options.
#[derive(Debug, Clone)]
pub enum Step {
    /// Unchanged without an HTML character reference (where they are decoded), a contraction that lost its
    /// apostrophe or a trace the gate finds.
    Mojibake {
        html_entities: bool,
        gate: Gate,
    },
    /// Unchanged in ASCII without a control character it takes out; else without a character it may
    /// change or one that may take the text out of its normal form, one set made of the two that Python
    /// gives the first time a text needs them.
    Unicode {
        watched: OnceLock<CharClass>,
    },
    /// Unchanged without a form feed, in a text of fewer than `min_breaks` line breaks or without a line
    /// that marks pages (see [`pages::Marks::running_lines`]).
    Pages {
        min_breaks: usize,
        marks: pages::Marks,
    },
    Whitespace {
        max_blank_lines: usize,
    },
    /// The verdicts on line-end hyphens in doubt are asked of the run's [`Verdicts`].
    Linewrap(linewrap_joins::Options),
    Links {
        urls: links_edits::Urls,
        bare_urls: links_edits::BareUrls,
        url_token: String,
    },
    Markup(markup::Options),
    Footer(footer::Settings),
    Boilerplate {
        settings: classify::Settings,
        keep_title: bool,
    },
}

impl Step {
    /// Whether the step reads the furniture lexicon.
    pub fn reads_the_lexicon(&self) -> bool {
        matches!(self, Step::Footer(_) | Step::Boilerplate { .. })
    }

    /// The name of the step's cleaner.
    pub fn name(&self) -> &'static str {
        match self {
            Step::Mojibake { .. } => "mojibake",
            Step::Unicode { .. } => "unicode",
            Step::Pages { .. } => "pages",
            Step::Whitespace { .. } => "whitespace",
            Step::Linewrap(_) => "linewrap",
            Step::Links { .. } => "links",
            Step::Markup(_) => "markup",
            Step::Footer(_) => "footer",
            Step::Boilerplate { .. } => "boilerplate",
        }
    }
}

/// What the furniture steps read besides the text: the lexicon and the classifier's patterns (which a run
/// without `footer` or `boilerplate` goes without), the reader of languages, and each language's function
/// words as the furniture cleaners count them (none for a language written without spaces).
pub struct Resources<'r> {
    pub furniture: Option<(&'r Lexicon, &'r Patterns)>,
    /// The judge of `linewrap`'s hyphens in doubt (a run without `linewrap` goes without).
    pub verdicts: Option<&'r (dyn Verdicts + Sync)>,
    pub reader: &'r LanguageReader,
    pub function_words: &'r HashMap<String, FunctionWords>,
}

impl<'r> Resources<'r> {
    fn furniture(&self) -> (&'r Lexicon, &'r Patterns) {
        self.furniture.expect("a run of furniture steps is given the lexicon")
    }
}

/// What a step needs before it can run: the function words of the languages of a shared script, or
/// those of one language; the sets of characters of `unicode`; or Python, which holds the rules that
/// change this text. `Verdicts`: the judge of hyphens failed, and keeps why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Need {
    Script(&'static str),
    FunctionWords(String),
    CharacterSets,
    Python,
    Verdicts,
}

/// The judge of the line-end hyphens that `linewrap` leaves in doubt, which weighs the words of a
/// language (held by the caller): given the text of the round and, for each hyphen, the pieces of words
/// on each side, whether the second is the whole next word and the language of the text around the
/// break, the verdict on each; `None` where it failed (it keeps why).
pub trait Verdicts {
    fn verdicts(&self, text: &str, questions: &[(&str, &str, bool, &str)]) -> Option<Vec<Hyphen>>;
}

/// The answers to `linewrap`'s questions from the languages of a text: the language of a line (or of the
/// text, where the line is too short to tell; English where neither tells) from the reader of languages,
/// its function words from the run's, and verdicts on hyphens from a [`Verdicts`].
pub struct LanguageAnswers<'a> {
    reader: &'a LanguageReader,
    function_words: &'a HashMap<String, FunctionWords>,
    verdicts: &'a (dyn Verdicts + Sync),
    /// The text whose language was last read, and that language.
    document: Option<(String, String)>,
}

/// The language of a text too short or too mixed to tell.
const FALLBACK_LANGUAGE: &str = "en";

impl<'a> LanguageAnswers<'a> {
    pub fn new(
        reader: &'a LanguageReader,
        function_words: &'a HashMap<String, FunctionWords>,
        verdicts: &'a (dyn Verdicts + Sync),
    ) -> Self {
        LanguageAnswers {
            reader,
            function_words,
            verdicts,
            document: None,
        }
    }

    /// The language of `context` in `text`: its own, or else the text's, or else English.
    fn language(&mut self, text: &str, context: &str) -> Result<String, Need> {
        if let Some(language) = read_language(self.reader, context)? {
            return Ok(language);
        }
        if let Some((read, language)) = &self.document {
            if read == text {
                return Ok(language.clone());
            }
        }
        let language = read_language(self.reader, text)?.unwrap_or_else(|| FALLBACK_LANGUAGE.to_string());
        self.document = Some((text.to_string(), language.clone()));
        Ok(language)
    }
}

/// The language the reader reads in `text`, if it tells one.
fn read_language(reader: &LanguageReader, text: &str) -> Result<Option<String>, Need> {
    match reader.read(text) {
        Reading::NeedsScript(script) => Err(Need::Script(script)),
        Reading::Language(language) => Ok(language),
    }
}

impl linewrap_joins::Answers for LanguageAnswers<'_> {
    type Stop = Need;

    fn function_word(&mut self, text: &str, word: &str, line: &str) -> Result<bool, Need> {
        if !is_lower_text(word) {
            return Ok(false);
        }
        let language = self.language(text, line)?;
        let words = self
            .function_words
            .get(&language)
            .ok_or(Need::FunctionWords(language))?;
        Ok(words.contains(word))
    }

    fn verdicts(&mut self, text: &str, questions: &[HyphenQuestion<'_>]) -> Result<Vec<Hyphen>, Need> {
        let languages = questions
            .iter()
            .map(|question| self.language(text, &question.context))
            .collect::<Result<Vec<_>, _>>()?;
        let rows: Vec<(&str, &str, bool, &str)> = questions
            .iter()
            .zip(&languages)
            .map(|(question, language)| {
                let pieces = question.pieces;
                (pieces.first, pieces.second, pieces.alone, language.as_str())
            })
            .collect();
        self.verdicts.verdicts(text, &rows).ok_or(Need::Verdicts)
    }
}

/// No function words: a text whose language cannot be read has none.
static NO_WORDS: LazyLock<FunctionWords> = LazyLock::new(FunctionWords::default);

/// What the furniture steps last read of a text: the text, the language whose function words they counted
/// (`None` for none) and its blocks. Where a block comes back unchanged in a later text read with the same
/// function words, in this run or in a later one over the same document, its measures are taken from here
/// (see [`blocks::split_again`]).
#[derive(Debug, Clone, Default)]
pub struct Earlier {
    pub text: String,
    pub language: Option<String>,
    pub blocks: Vec<Block>,
}

/// A text on its way through a run, the furniture steps' reading of it while it stays as it is, and their
/// last reading of an earlier text.
pub struct Document<'r> {
    text: String,
    reading: Option<TextReading<'r>>,
    earlier: Option<Cow<'r, Earlier>>,
}

/// The furniture steps' reading of a text: the language of its function words, the words, and its blocks.
struct TextReading<'r> {
    language: Option<String>,
    words: &'r FunctionWords,
    blocks: Vec<Block>,
}

impl<'r> Document<'r> {
    /// A document of `text`, with what an earlier run over the same document last read, if any.
    pub fn new(text: &str, earlier: Option<&'r Earlier>) -> Self {
        Document {
            text: text.to_string(),
            reading: None,
            earlier: earlier.map(Cow::Borrowed),
        }
    }

    /// The text, as the steps have left it, and what the furniture steps last read in this run, if they read.
    pub fn into_parts(self) -> (String, Option<Earlier>) {
        let last = match (self.reading, self.earlier) {
            (Some(reading), _) => Some(Earlier {
                text: self.text.clone(),
                language: reading.language,
                blocks: reading.blocks,
            }),
            (None, Some(Cow::Owned(earlier))) => Some(earlier),
            (None, _) => None,
        };
        (self.text, last)
    }

    /// Run `step` on the text, and return how many edits its cleaner would give.
    pub fn apply(&mut self, step: &Step, resources: &Resources<'r>) -> Result<usize, Need> {
        let (edits, text) = match step {
            Step::Mojibake { html_entities, gate } => {
                let text = &self.text;
                let entities = *html_entities && mojibake::may_hold_entity(text);
                let unchanged =
                    !entities && !mojibake::may_have_lost_apostrophes(text) && gate.read(text) == Traces::default();
                unchanged_if(unchanged)?
            }
            Step::Unicode { watched } => {
                let text = &self.text;
                // the ASCII controls the cleaner takes out: all but tab, line feed, vertical tab and form feed
                let taken_out = |byte: u8| matches!(byte, 0x00..=0x08 | 0x0d..=0x1f | 0x7f);
                if text.is_ascii() && !text.bytes().any(taken_out) {
                    (0, None)
                } else {
                    let watched = watched.get().ok_or(Need::CharacterSets)?;
                    unchanged_if(!watched.occurs_in(text, u32::from))? // a run's text holds no lone surrogate
                }
            }
            Step::Pages { min_breaks, marks } => {
                let text = &self.text;
                let unchanged = memchr::memchr(b'\x0c', text.as_bytes()).is_none()
                    && (memchr::memchr_iter(b'\n', text.as_bytes()).count() < *min_breaks
                        || marks.running_lines(text).is_empty());
                unchanged_if(unchanged)?
            }
            Step::Whitespace { max_blank_lines } => self.by_edits(whitespace::find_edits(&self.text, *max_blank_lines)),
            Step::Linewrap(options) => {
                let verdicts = resources.verdicts.ok_or(Need::Python)?;
                let mut answers = LanguageAnswers::new(resources.reader, resources.function_words, verdicts);
                self.by_edits(linewrap_joins::find_edits(&self.text, *options, &mut answers)?)
            }
            Step::Links {
                urls,
                bare_urls,
                url_token,
            } => {
                let options = links_edits::Options {
                    urls: *urls,
                    bare_urls: *bare_urls,
                    url_token,
                };
                self.by_edits(links_edits::find_edits(&self.text, options))
            }
            Step::Markup(options) => self.by_edits(markup::find_edits(&self.text, *options)),
            Step::Footer(settings) => self.footer(*settings, resources)?,
            Step::Boilerplate { settings, keep_title } => self.boilerplate(*settings, *keep_title, resources)?,
        };
        if let Some(text) = text {
            let earlier = std::mem::replace(&mut self.text, text);
            if let Some(reading) = self.reading.take() {
                self.earlier = Some(Cow::Owned(Earlier {
                    text: earlier,
                    language: reading.language,
                    blocks: reading.blocks,
                }));
            }
        }
        Ok(edits)
    }

    /// How many `edits` there are, and the text they make, if any.
    fn by_edits(&self, edits: Vec<Edit>) -> (usize, Option<String>) {
        let text = (!edits.is_empty()).then(|| edits::apply(&self.text, &edits));
        (edits.len(), text)
    }

    /// The tail after the article out (as the footer cleaner cuts it): one edit per block of the tail.
    fn footer(
        &mut self,
        settings: footer::Settings,
        resources: &Resources<'r>,
    ) -> Result<(usize, Option<String>), Need> {
        self.read(resources)?;
        let (stopwords, blocks) = self.reading();
        let context = footer::Context {
            lexicon: resources.furniture().0,
            stopwords,
            user_labels: None,
            settings,
        };
        let Some((cut, _)) = footer::tail_start(blocks, &context) else {
            return Ok((0, None));
        };
        let removed: Vec<usize> = (cut..blocks.len()).collect();
        let text = removal::without(&self.text, blocks, &removed, &[]).expect("removals alone never overlap");
        Ok((removed.len(), Some(text)))
    }

    /// The furniture blocks and the title's site suffix out (as the boilerplate cleaner removes them): one
    /// edit per removed block, and one for the suffix.
    fn boilerplate(
        &mut self,
        settings: classify::Settings,
        keep_title: bool,
        resources: &Resources<'r>,
    ) -> Result<(usize, Option<String>), Need> {
        self.read(resources)?;
        let (stopwords, blocks) = self.reading();
        if blocks.is_empty() {
            return Ok((0, None));
        }
        let (lexicon, patterns) = resources.furniture();
        let context = classify::Context {
            patterns,
            stopwords,
            prose_share: classify::prose_share(blocks),
            settings,
        };
        let settled = settle::settle_document(blocks, lexicon, None, &context, keep_title);
        let removed: Vec<usize> = (0..blocks.len())
            .filter(|&i| settled.verdicts[i].kind == Kind::Bad)
            .collect();
        let suffix = settled.title.filter(|_| keep_title).and_then(|title| {
            let block = &blocks[title];
            let (start, end) = patterns.title_suffix(&self.text[block.start..block.end])?;
            Some((block.start + start, block.start + end))
        });
        let cuts: Vec<(usize, usize)> = suffix.into_iter().collect();
        let edits = removed.len() + cuts.len();
        if edits == 0 {
            return Ok((0, None));
        }
        let text = removal::without(&self.text, blocks, &removed, &cuts).expect("a kept title's suffix is no removal");
        Ok((edits, Some(text)))
    }

    /// Read the function words of the text's language and split its blocks, once while the text stays as it is.
    fn read(&mut self, resources: &Resources<'r>) -> Result<(), Need> {
        if self.reading.is_none() {
            let (language, words) = match resources.reader.read(&self.text) {
                Reading::NeedsScript(script) => return Err(Need::Script(script)),
                Reading::Language(None) => (None, &*NO_WORDS),
                Reading::Language(Some(language)) => match resources.function_words.get(&language) {
                    Some(words) => (Some(language), words),
                    None => return Err(Need::FunctionWords(language)),
                },
            };
            let earlier = self
                .earlier
                .as_deref()
                .filter(|earlier| earlier.language == language)
                .map(|earlier| (earlier.text.as_str(), earlier.blocks.as_slice()));
            let blocks = blocks::split_again(&self.text, words, earlier);
            self.reading = Some(TextReading {
                language,
                words,
                blocks,
            });
        }
        Ok(())
    }

    /// The function words and blocks that [`Document::read`] read.
    fn reading(&self) -> (&'r FunctionWords, &[Block]) {
        let reading = self.reading.as_ref().expect("read first");
        (reading.words, &reading.blocks)
    }
}

/// No edit and no new text if `unchanged`; else Python must run the step.
fn unchanged_if(unchanged: bool) -> Result<(usize, Option<String>), Need> {
    if unchanged {
        Ok((0, None))
    } else {
        Err(Need::Python)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::{normal, LEXICON, PATTERNS};

    const ARTICLE: &str = "Storm hits the coast | Daily Planet\n\nShare this article\n\n\
        The storm reached the coast on Monday and the power went out in the north of the town.\n";

    fn boilerplate() -> Step {
        Step::Boilerplate {
            settings: normal(),
            keep_title: true,
        }
    }

    fn run(
        text: &str,
        steps: &[Step],
        reader: &LanguageReader,
        function_words: &HashMap<String, FunctionWords>,
    ) -> Result<(String, Vec<usize>), Need> {
        let resources = Resources {
            furniture: Some((&LEXICON, &PATTERNS)),
            verdicts: None,
            reader,
            function_words,
        };
        let mut document = Document::new(text, None);
        let counts = steps
            .iter()
            .map(|step| document.apply(step, &resources))
            .collect::<Result<Vec<usize>, Need>>()?;
        Ok((document.into_parts().0, counts))
    }

    #[test]
    fn each_step_counts_its_edits_and_hands_on_its_text() {
        let steps = [
            Step::Whitespace { max_blank_lines: 1 },
            Step::Markup(markup::Options {
                headings: true,
                list_markers: false,
                tables: true,
            }),
            Step::Whitespace { max_blank_lines: 1 },
        ];
        let reader = LanguageReader::new(HashMap::new(), HashMap::new()).unwrap();
        let (text, counts) = run(
            "A **bold** line.   \n\n\n\nAnother one.",
            &steps,
            &reader,
            &HashMap::new(),
        )
        .unwrap();
        assert_eq!((text.as_str(), counts), ("A bold line.\n\nAnother one.", vec![1, 2, 0]));
    }

    #[test]
    fn furniture_goes_and_the_title_loses_its_site() {
        let reader = LanguageReader::new(HashMap::new(), HashMap::new()).unwrap();
        let (text, counts) = run(ARTICLE, &[boilerplate()], &reader, &HashMap::new()).unwrap();
        assert_eq!(counts, [2], "{text:?}");
        assert!(
            text.starts_with("Storm hits the coast\n\nThe storm reached"),
            "{text:?}"
        );
    }

    #[test]
    fn a_step_whose_rules_are_python_s_runs_only_where_it_changes_nothing() {
        let reader = LanguageReader::new(HashMap::new(), HashMap::new()).unwrap();
        let gate = Gate::new(&[("Ã".to_string(), "©".to_string())]).unwrap();
        let mojibake = Step::Mojibake {
            html_entities: true,
            gate,
        };
        let unicode = Step::Unicode {
            watched: OnceLock::new(),
        };
        let pages = Step::Pages {
            min_breaks: 60,
            marks: pages::Marks {
                max_length: 160,
                min_marks: 3,
                min_spacing: 20,
            },
        };
        let steps = [mojibake, unicode, pages];
        let words = HashMap::new();
        let mut document = Document::new("soft\u{AD}", None);
        let resources = Resources {
            furniture: None,
            verdicts: None,
            reader: &reader,
            function_words: &words,
        };
        assert_eq!(document.apply(&steps[1], &resources), Err(Need::CharacterSets));
        if let Step::Unicode { watched } = &steps[1] {
            assert!(watched.set(CharClass::new([(0xAD, 0xAD), (0x301, 0x301)])).is_ok());
        }
        assert_eq!(
            run("AT&T, a=1&b=2; café", &steps, &reader, &words),
            Ok(("AT&T, a=1&b=2; café".into(), vec![0, 0, 0]))
        );
        for (text, stop) in [
            ("caf&eacute;", 0),
            ("cafÃ©", 0),
            ("donât", 0),
            ("soft\u{AD}", 1),
            ("e\u{301}", 1),
            ("\x0c", 2),
        ] {
            let mut document = Document::new(text, None);
            let resources = Resources {
                furniture: Some((&LEXICON, &PATTERNS)),
                verdicts: None,
                reader: &reader,
                function_words: &words,
            };
            let stopped = steps.iter().position(|step| document.apply(step, &resources).is_err());
            assert_eq!(stopped, Some(stop), "{text:?}");
        }
    }

    #[test]
    fn a_step_says_which_function_words_it_needs_first() {
        let shared = HashMap::from([("Latin".to_string(), vec!["en".to_string()])]);
        let mut reader = LanguageReader::new(HashMap::new(), shared).unwrap();
        let mut function_words = HashMap::new();
        assert_eq!(
            run(ARTICLE, &[boilerplate()], &reader, &function_words),
            Err(Need::Script("Latin"))
        );
        let english: Vec<String> = ["the", "on", "and", "in", "of"].map(String::from).to_vec();
        reader.add_script("Latin", vec![("en".to_string(), english.clone())]);
        assert_eq!(
            run(ARTICLE, &[boilerplate()], &reader, &function_words),
            Err(Need::FunctionWords("en".to_string()))
        );
        function_words.insert("en".to_string(), english.into_iter().collect());
        assert!(run(ARTICLE, &[boilerplate()], &reader, &function_words).is_ok());
    }
}
