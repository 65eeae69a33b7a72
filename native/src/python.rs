//! The Python face of the core: the private module `textclean._native`.
//!
//! Each function takes a `str`, releases the GIL while the rules run, and gives its edits (starts,
//! ends, replacements, rule names) or tokens (kinds, starts, ends, texts, URLs) back as compact
//! parallel lists, offsets in code points. A panic
//! inside the core never reaches Python as one: it becomes `textclean.errors.NativeError`, naming
//! the step.

use std::any::Any;
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap, HashSet};
use std::ops::RangeInclusive;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Mutex, OnceLock, PoisonError, RwLock};

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

use crate::classify;
use crate::edits::{self, byte_offset, to_code_points, Edit, MAX_ROUNDS};
use crate::formatting::{self, Kind};
use crate::language::{self, Reading};
use crate::{
    blocks, chars, footer, lexicon, linewrap, linewrap_joins, links, links_edits, markup, mojibake, pages, removal,
    run, settle, whitespace, wordtable,
};

pyo3::import_exception!(textclean.errors, NativeError);

/// Edits as parallel lists: starts, ends, replacements and rule names.
type EditLists<'py> = (
    Vec<usize>,
    Vec<usize>,
    Vec<Bound<'py, PyString>>,
    Vec<Cow<'static, str>>,
);

/// Link tokens as parallel lists: kinds, starts, ends, texts and URLs.
type TokenLists<'py> = (
    Vec<&'static str>,
    Vec<usize>,
    Vec<usize>,
    Vec<Bound<'py, PyString>>,
    Vec<Option<Bound<'py, PyString>>>,
);

/// The private use code points: stand-ins for lone surrogates are taken from those a text does not hold.
const PRIVATE_USE: [RangeInclusive<u32>; 3] = [0xE000..=0xF8FF, 0xF0000..=0xFFFFD, 0x100000..=0x10FFFD];

thread_local! {
    /// The last text that was not ASCII which a call on this thread made into a Python `str`: that
    /// object and its UTF-8. The next call is most often given that very object (the next step's input),
    /// and reads its UTF-8 from here instead of having Python encode the text again. Holding the object
    /// keeps it alive, so no other object can take its place in memory.
    static LAST_MADE: RefCell<Option<(Py<PyString>, String)>> = const { RefCell::new(None) };
}

/// `text` as a new Python `str`, remembered as the last one made (see `LAST_MADE`) if it is not ASCII.
fn made_text(py: Python<'_>, text: String) -> Bound<'_, PyString> {
    let made = PyString::new(py, &text);
    if !text.is_ascii() {
        LAST_MADE.with_borrow_mut(|last| *last = Some((made.clone().unbind(), text)));
    }
    made
}

/// A Python `str` read as UTF-8 (without a copy where Python holds it so).
///
/// UTF-8 cannot hold a lone surrogate: each is read as a stand-in, a private use code point the
/// text does not hold (one code point for one, so every code point offset stays the offset Python
/// gives). No rule tells a stand-in from a surrogate (neither is a letter, a space or a cased
/// character), and text given back to Python has its surrogates again. Only a text holding more than
/// 135,000 distinct private use code points could leave a surrogate without one: it is read as U+FFFD.
struct Text<'a> {
    utf8: Cow<'a, str>,
    /// The lone surrogate each stand-in stands for.
    surrogates: HashMap<char, u32>,
}

impl<'a> Text<'a> {
    fn read(text: &'a Bound<'_, PyString>) -> PyResult<Text<'a>> {
        let made = LAST_MADE.with_borrow(|last| {
            last.as_ref()
                .filter(|(made, _)| made.as_ptr() == text.as_ptr())
                .map(|(_, utf8)| utf8.clone())
        });
        if let Some(utf8) = made {
            return Ok(Text {
                utf8: Cow::Owned(utf8),
                surrogates: HashMap::new(),
            });
        }
        if let Ok(utf8) = text.to_str() {
            return Ok(Text {
                utf8: Cow::Borrowed(utf8),
                surrogates: HashMap::new(),
            });
        }
        let encoded = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
        let points: Vec<u32> = encoded
            .cast::<PyBytes>()?
            .as_bytes()
            .chunks_exact(4)
            .map(|unit| u32::from_le_bytes([unit[0], unit[1], unit[2], unit[3]]))
            .collect();
        let lone: BTreeSet<u32> = points
            .iter()
            .copied()
            .filter(|&point| char::from_u32(point).is_none())
            .collect();
        let held: HashSet<u32> = points
            .iter()
            .copied()
            .filter(|point| PRIVATE_USE.iter().any(|range| range.contains(point)))
            .collect();
        let free = PRIVATE_USE
            .into_iter()
            .flatten()
            .filter(|point| !held.contains(point))
            .filter_map(char::from_u32);
        let stand_ins: HashMap<u32, char> = lone.into_iter().zip(free).collect();
        let utf8 = points
            .iter()
            .map(|point| {
                char::from_u32(*point)
                    .or_else(|| stand_ins.get(point).copied())
                    .unwrap_or('\u{FFFD}')
            })
            .collect();
        let surrogates = stand_ins
            .into_iter()
            .map(|(surrogate, stand_in)| (stand_in, surrogate))
            .collect();
        Ok(Text {
            utf8: Cow::Owned(utf8),
            surrogates,
        })
    }

    /// Read `text` as [`Text::read`] does, but leave no UTF-8 copy in the `str` object: Python keeps
    /// the copy `read` asks for in each `str` that is not ASCII for as long as it lives, which for the
    /// blocks' visible texts the lexicon reads (kept by the cache of their labels) would double them.
    fn read_copy(text: &'a Bound<'_, PyString>) -> PyResult<Text<'a>> {
        let utf8 = text
            .encode_utf8()
            .ok()
            .and_then(|bytes| String::from_utf8(bytes.as_bytes().to_vec()).ok());
        match utf8 {
            Some(utf8) => Ok(Text {
                utf8: Cow::Owned(utf8),
                surrogates: HashMap::new(),
            }),
            None => Text::read(text), // lone surrogates
        }
    }

    /// The text with a copy of its UTF-8 of its own, to keep.
    fn into_owned(self) -> Text<'static> {
        Text {
            utf8: Cow::Owned(self.utf8.into_owned()),
            surrogates: self.surrogates,
        }
    }

    /// The code point `c` of the text stands for: the lone surrogate of a stand-in, else itself.
    fn code_point(&self, c: char) -> u32 {
        self.surrogates.get(&c).copied().unwrap_or(u32::from(c))
    }

    /// `part` (a part of the text, or made of its parts) as a Python `str`, with its surrogates.
    fn to_python<'py>(&self, py: Python<'py>, part: &str) -> PyResult<Bound<'py, PyString>> {
        if self.surrogates.is_empty() || !part.chars().any(|c| self.surrogates.contains_key(&c)) {
            return Ok(PyString::new(py, part));
        }
        let units: Vec<u8> = part
            .chars()
            .map(|c| self.code_point(c))
            .flat_map(u32::to_le_bytes)
            .collect();
        PyString::from_encoded_object(&PyBytes::new(py, &units), Some(c"utf-32-le"), Some(c"surrogatepass"))
    }
}

/// Run `work` without the GIL; a panic becomes a `NativeError` naming `step`.
fn guarded<T: Send>(py: Python<'_>, step: &str, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work)))
        .map_err(|panic| native_error(step, panic.as_ref()))
}

/// The `NativeError` of a panic in `step`.
fn native_error(step: &str, panic: &(dyn Any + Send)) -> PyErr {
    let reason = panic
        .downcast_ref::<&str>()
        .map(|reason| reason.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".to_string());
    NativeError::new_err(format!(
        "step '{step}': the native core failed ({reason}); please report it with the text"
    ))
}

/// Run `rules` on `text` without the GIL, guarded; give the edits with code point offsets.
fn run_step<'py, F>(py: Python<'py>, step: &str, text: &Text<'_>, rules: F) -> PyResult<EditLists<'py>>
where
    F: FnOnce(&str) -> Vec<Edit> + Send,
{
    let utf8: &str = &text.utf8;
    let edits = guarded(py, step, || in_code_points(utf8, rules(utf8)))?;
    edit_lists(py, text, edits)
}

/// `edits` of `text` (in order) with their offsets in code points instead of bytes.
fn in_code_points(text: &str, mut edits: Vec<Edit>) -> Vec<Edit> {
    to_code_points(text, edits.iter_mut().flat_map(|edit| [&mut edit.start, &mut edit.end]));
    edits
}

/// `edits` of `text` (offsets in code points) as parallel lists.
fn edit_lists<'py>(py: Python<'py>, text: &Text<'_>, edits: Vec<Edit>) -> PyResult<EditLists<'py>> {
    let mut lists: EditLists<'py> = Default::default();
    for edit in edits {
        lists.0.push(edit.start);
        lists.1.push(edit.end);
        lists.2.push(text.to_python(py, &edit.new)?);
        lists.3.push(edit.rule);
    }
    Ok(lists)
}

/// Run `rules` on `text` without the GIL, guarded; give the text they make, which is `original` itself
/// when they change nothing. No edit is handed over: this is how a pipeline that explains nothing runs
/// a native step.
fn run_output<'py, F>(
    py: Python<'py>,
    step: &str,
    original: &Bound<'py, PyString>,
    text: &Text<'_>,
    rules: F,
) -> PyResult<Bound<'py, PyString>>
where
    F: FnOnce(&str) -> Vec<Edit> + Send,
{
    let utf8: &str = &text.utf8;
    let output = guarded(py, step, || {
        let edits = rules(utf8);
        (!edits.is_empty()).then(|| edits::apply(utf8, &edits))
    })?;
    output.map_or_else(|| Ok(original.clone()), |output| text.to_python(py, &output))
}

/// Formatting tokens as parallel lists: kinds, starts, ends and what a reader sees.
type FormattingLists = (Vec<&'static str>, Vec<usize>, Vec<usize>, Vec<&'static str>);

/// The formatting markup tokens of `text` (see `formatting.rs`), of the kinds whose bits are set in
/// `kinds` (bit `i` is the kind `MARKUP_KIND_BITS[i]`), offsets in code points.
#[pyfunction]
fn markup_tokens(py: Python<'_>, text: &Bound<'_, PyString>, kinds: u32) -> PyResult<FormattingLists> {
    let text = Text::read(text)?;
    let text: &str = &text.utf8;
    guarded(py, "markup", || {
        let mut tokens = formatting::tokenize(text, kinds);
        to_code_points(
            text,
            tokens.iter_mut().flat_map(|token| [&mut token.start, &mut token.end]),
        );
        let mut lists: FormattingLists = Default::default();
        for token in tokens {
            lists.0.push(token.kind.name());
            lists.1.push(token.start);
            lists.2.push(token.end);
            lists.3.push(token.text);
        }
        lists
    })
}

/// The link tokens of `text` (see `links.rs`), offsets in code points.
#[pyfunction]
fn link_tokens<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<TokenLists<'py>> {
    let text = Text::read(text)?;
    let utf8: &str = &text.utf8;
    let tokens = guarded(py, "links", || {
        let mut tokens = links::tokenize(utf8);
        to_code_points(
            utf8,
            tokens.iter_mut().flat_map(|token| [&mut token.start, &mut token.end]),
        );
        tokens
    })?;
    let mut lists: TokenLists<'py> = Default::default();
    for token in tokens {
        lists.0.push(token.kind.name());
        lists.1.push(token.start);
        lists.2.push(token.end);
        lists.3.push(text.to_python(py, &token.text)?);
        lists.4.push(token.url.map(|url| text.to_python(py, &url)).transpose()?);
    }
    Ok(lists)
}

/// The edits of the `whitespace` step.
#[pyfunction]
fn whitespace_edits<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    max_blank_lines: usize,
) -> PyResult<EditLists<'py>> {
    run_step(py, "whitespace", &Text::read(text)?, |text| {
        whitespace::find_edits(text, max_blank_lines)
    })
}

/// The text the `whitespace` step makes.
#[pyfunction]
fn whitespace_output<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    max_blank_lines: usize,
) -> PyResult<Bound<'py, PyString>> {
    run_output(py, "whitespace", text, &Text::read(text)?, |utf8| {
        whitespace::find_edits(utf8, max_blank_lines)
    })
}

/// The edits of the `markup` step; each flag says whether that markup is taken out: a heading's
/// marker, list items' bullets and numbers, a table's pipes and rule.
#[pyfunction]
fn markup_edits<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    headings: bool,
    list_markers: bool,
    tables: bool,
) -> PyResult<EditLists<'py>> {
    let options = markup_options((headings, list_markers, tables));
    run_step(py, "markup", &Text::read(text)?, |text| {
        markup::find_edits(text, options)
    })
}

/// The text the `markup` step makes (the flags as for `markup_edits`).
#[pyfunction]
fn markup_output<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    headings: bool,
    list_markers: bool,
    tables: bool,
) -> PyResult<Bound<'py, PyString>> {
    let options = markup_options((headings, list_markers, tables));
    run_output(py, "markup", text, &Text::read(text)?, |utf8| {
        markup::find_edits(utf8, options)
    })
}

/// The options of the `markup` step from its flags: headings, list markers, tables.
fn markup_options((headings, list_markers, tables): (bool, bool, bool)) -> markup::Options {
    markup::Options {
        headings,
        list_markers,
        tables,
    }
}

/// The rules of the `links` step: `urls` is "drop", "keep" or "footnote", `bare_urls` is "keep", "drop"
/// or "replace" (with `url_token`).
fn link_rules<'t>(urls: &str, bare_urls: &str, url_token: &'t str) -> PyResult<impl Fn(&str) -> Vec<Edit> + Send + 't> {
    let (urls, bare_urls) = link_policies(urls, bare_urls)?;
    let options = links_edits::Options {
        urls,
        bare_urls,
        url_token,
    };
    Ok(move |text: &str| links_edits::find_edits(text, options))
}

/// The policies of the `links` step, from their names.
fn link_policies(urls: &str, bare_urls: &str) -> PyResult<(links_edits::Urls, links_edits::BareUrls)> {
    let urls = match urls {
        "drop" => links_edits::Urls::Drop,
        "keep" => links_edits::Urls::Keep,
        "footnote" => links_edits::Urls::Footnote,
        _ => return Err(PyValueError::new_err(format!("unknown urls policy {urls:?}"))),
    };
    let bare_urls = match bare_urls {
        "keep" => links_edits::BareUrls::Keep,
        "drop" => links_edits::BareUrls::Drop,
        "replace" => links_edits::BareUrls::Replace,
        _ => return Err(PyValueError::new_err(format!("unknown bare_urls policy {bare_urls:?}"))),
    };
    Ok((urls, bare_urls))
}

/// The text of the `links` step and its URL token as the core reads them: each as it is, or, where
/// either holds a lone surrogate, read together, so that a surrogate in either has one stand-in that
/// neither holds and the replacements made of both come back with their surrogates.
fn read_with_token<'a>(
    text: &'a Bound<'_, PyString>,
    url_token: &'a Bound<'_, PyString>,
) -> PyResult<(Text<'a>, Cow<'a, str>)> {
    if let (Ok(_), Ok(token)) = (text.to_str(), url_token.to_str()) {
        return Ok((Text::read(text)?, Cow::Borrowed(token)));
    }
    let length = text.len()?;
    let joined = text.add(url_token)?.cast_into::<PyString>()?;
    let both = Text::read(&joined)?;
    let mut utf8 = both.utf8.into_owned();
    let split = utf8.char_indices().nth(length).map_or(utf8.len(), |(at, _)| at);
    let token = utf8.split_off(split);
    let text = Text {
        utf8: Cow::Owned(utf8),
        surrogates: both.surrogates,
    };
    Ok((text, Cow::Owned(token)))
}

/// The edits of the `links` step (the policies as `link_rules` reads them).
#[pyfunction]
fn link_edits<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    urls: &str,
    bare_urls: &str,
    url_token: &Bound<'py, PyString>,
) -> PyResult<EditLists<'py>> {
    let (input, url_token) = read_with_token(text, url_token)?;
    let rules = link_rules(urls, bare_urls, &url_token)?;
    run_step(py, "links", &input, rules)
}

/// The text the `links` step makes (the arguments as for `link_edits`).
#[pyfunction]
fn link_output<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    urls: &str,
    bare_urls: &str,
    url_token: &Bound<'py, PyString>,
) -> PyResult<Bound<'py, PyString>> {
    let (input, url_token) = read_with_token(text, url_token)?;
    let rules = link_rules(urls, bare_urls, &url_token)?;
    run_output(py, "links", text, &input, rules)
}

/// The edits of the `linewrap` step (see `linewrap_joins::find_edits`), called with its options (the wrap
/// width if it is known, whether it mends blank lines, whether it keeps every line-end hyphen), the
/// languages (the reader of languages and the table of function words) and Python's judge of the hyphens
/// in doubt (see `PythonVerdicts`); or, where the languages lack what the text needs, what to give them
/// first (`("script", name)` or `("words", language)`), as a run asks (see `Run.run`).
#[pyfunction]
fn linewrap_edits<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    call: LinewrapCall<'py>,
) -> PyResult<Made<EditLists<'py>>> {
    linewrap_made(py, text, call, |input, edits| {
        let utf8: &str = &input.utf8;
        edit_lists(py, input, guarded(py, "linewrap", || in_code_points(utf8, edits))?)
    })
}

/// The text the `linewrap` step makes, or what to give the languages first (see `linewrap_edits`).
#[pyfunction]
fn linewrap_output<'py>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    call: LinewrapCall<'py>,
) -> PyResult<Made<Bound<'py, PyString>>> {
    linewrap_made(py, text, call, |input, edits| {
        if edits.is_empty() {
            return Ok(text.clone());
        }
        let utf8: &str = &input.utf8;
        let output = guarded(py, "linewrap", || edits::apply(utf8, &edits))?;
        input.to_python(py, &output)
    })
}

/// What `make` makes of the edits of the `linewrap` step, or what to give the languages first.
fn linewrap_made<'py, T>(
    py: Python<'py>,
    text: &Bound<'py, PyString>,
    call: LinewrapCall<'py>,
    make: impl FnOnce(&Text<'_>, Vec<Edit>) -> PyResult<T>,
) -> PyResult<Made<T>> {
    let input = Text::read(text)?;
    match linewrap_find_edits(py, &input, call)? {
        Ok(edits) => Ok((Some(make(&input, edits)?), None)),
        Err(need) => Ok((None, Some(need))),
    }
}

/// What the `linewrap` step is called with besides its text: options, languages and the judge of hyphens.
type LinewrapCall<'py> = (
    (Option<usize>, bool, bool),
    (PyRef<'py, LanguageReader>, PyRef<'py, FunctionWordTable>),
    Bound<'py, PyAny>,
);

/// What the languages must be given before the core can go on: `("script", name)` or `("words", language)`.
type LanguagesNeed = (&'static str, String);

/// What the core made, or what the languages must be given first.
type Made<T> = (Option<T>, Option<LanguagesNeed>);

/// The edits of the `linewrap` step in bytes, without the GIL but while Python judges hyphens, or what
/// the languages need first.
fn linewrap_find_edits<'py>(
    py: Python<'py>,
    input: &Text<'_>,
    ((width, mend_blank_lines, keep_hyphens), (reader, function_words), verdicts): LinewrapCall<'py>,
) -> PyResult<Result<Vec<Edit>, LanguagesNeed>> {
    let options = linewrap_joins::Options {
        width,
        mend_blank_lines,
        keep_hyphens,
    };
    let verdicts = PythonVerdicts::new(input, verdicts);
    let utf8: &str = &input.utf8;
    let (reader, function_words) = (&*reader, &*function_words);
    let found = guarded(py, "linewrap", || {
        let reader = reader.0.read().unwrap_or_else(PoisonError::into_inner);
        let function_words = function_words.0.read().unwrap_or_else(PoisonError::into_inner);
        let mut answers = run::LanguageAnswers::new(&reader, &function_words, &verdicts);
        linewrap_joins::find_edits(utf8, options, &mut answers)
    })?;
    verdicts.failed()?;
    match found {
        Ok(edits) => Ok(Ok(edits)),
        Err(run::Need::Script(script)) => Ok(Err(("script", script.to_string()))),
        Err(run::Need::FunctionWords(language)) => Ok(Err(("words", language))),
        Err(other) => Err(NativeError::new_err(format!(
            "step 'linewrap': the core asked for {other:?}"
        ))),
    }
}

/// Python's judge of the line-end hyphens in doubt: `verdicts(text, [(first, second, alone, language,
/// seen)])` gives the verdict on each ("soft", "hard" or "suspended"), asked with the GIL held. `seen` is
/// how often the text holds the pieces joined and hyphenated, in lower case, where the core counts them
/// (see `linewrap_joins::seen_in_text`); the text is handed over only where it does not, for Python to count.
struct PythonVerdicts<'t> {
    judge: Py<PyAny>,
    /// The text the step started from, whose stand-ins of lone surrogates the texts of its rounds keep.
    input: &'t Text<'t>,
    /// The first error of the judge.
    error: Mutex<Option<PyErr>>,
}

impl<'t> PythonVerdicts<'t> {
    fn new(input: &'t Text<'t>, judge: Bound<'_, PyAny>) -> Self {
        PythonVerdicts {
            judge: judge.unbind(),
            input,
            error: Mutex::new(None),
        }
    }

    /// The error of the judge, if it failed.
    fn failed(&self) -> PyResult<()> {
        match self.error.lock().unwrap_or_else(PoisonError::into_inner).take() {
            Some(error) => Err(error),
            None => Ok(()),
        }
    }

    fn judged(
        &self,
        py: Python<'_>,
        text: &str,
        questions: &[(&str, &str, bool, &str)],
        seen: &[Option<(usize, usize)>],
    ) -> PyResult<Vec<linewrap_joins::Hyphen>> {
        let to_python = |part: &str| self.input.to_python(py, part);
        let rows = questions
            .iter()
            .zip(seen)
            .map(|(&(first, second, alone, language), &seen)| {
                Ok((to_python(first)?, to_python(second)?, alone, language, seen))
            })
            .collect::<PyResult<Vec<_>>>()?;
        let text = if seen.iter().all(Option::is_some) {
            None
        } else {
            Some(to_python(text)?)
        };
        let verdicts: Vec<String> = self.judge.call1(py, (text, rows))?.extract(py)?;
        if verdicts.len() != questions.len() {
            return Err(PyValueError::new_err("the judge of hyphens gave a verdict for each"));
        }
        verdicts.iter().map(|verdict| hyphen_verdict(verdict)).collect()
    }
}

impl run::Verdicts for PythonVerdicts<'_> {
    fn verdicts(&self, text: &str, questions: &[(&str, &str, bool, &str)]) -> Option<Vec<linewrap_joins::Hyphen>> {
        let mut counts = chars::WordCounts::new(text);
        let seen: Vec<_> = questions
            .iter()
            .map(|&(first, second, _, _)| linewrap_joins::seen_in_text(first, second, &mut counts))
            .collect();
        Python::attach(|py| self.judged(py, text, questions, &seen))
            .map_err(|error| {
                let mut kept = self.error.lock().unwrap_or_else(PoisonError::into_inner);
                kept.get_or_insert(error);
            })
            .ok()
    }
}

/// The verdict on a line-end hyphen that Python names.
fn hyphen_verdict(verdict: &str) -> PyResult<linewrap_joins::Hyphen> {
    match verdict {
        "soft" => Ok(linewrap_joins::Hyphen::Soft),
        "hard" => Ok(linewrap_joins::Hyphen::Hard),
        "suspended" => Ok(linewrap_joins::Hyphen::Suspended),
        _ => Err(PyValueError::new_err(format!("no verdict of a hyphen: {verdict:?}"))),
    }
}

/// The pieces of words around the hyphen that ends `left` (a line's last word) before `right` (the next
/// line's first word), and whether the second is the whole of `right`; `None` where their shape shows a
/// hyphen of the word (see `linewrap_joins::hyphen_pieces`).
#[pyfunction]
fn hyphen_pieces<'py>(
    py: Python<'py>,
    left: &Bound<'py, PyString>,
    right: &Bound<'py, PyString>,
) -> PyResult<Option<PiecesRow<'py>>> {
    let (left, right) = (Text::read(left)?, Text::read(right)?);
    let (left_utf8, right_utf8): (&str, &str) = (&left.utf8, &right.utf8);
    let Some(pieces) = guarded(py, "linewrap", || linewrap_joins::hyphen_pieces(left_utf8, right_utf8))? else {
        return Ok(None);
    };
    Ok(Some((
        left.to_python(py, pieces.first)?,
        right.to_python(py, pieces.second)?,
        pieces.alone,
    )))
}

/// How often `word` occurs in `text` put in lower case, as `text.lower().count(word)` counts it, where
/// that needs no copy of the text (see `chars::count_in_lower_case`); `None` elsewhere.
#[pyfunction]
fn count_in_lower_case(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    word: &Bound<'_, PyString>,
) -> PyResult<Option<usize>> {
    let (text, word) = (Text::read(text)?, Text::read(word)?);
    let (text_utf8, word_utf8): (&str, &str) = (&text.utf8, &word.utf8);
    guarded(py, "linewrap", || chars::count_in_lower_case(text_utf8, word_utf8))
}

/// The pieces of words around a line-end hyphen, and whether the second is the whole next word.
type PiecesRow<'py> = (Bound<'py, PyString>, Bound<'py, PyString>, bool);

/// Whether `text` holds a URL written out in prose, as the `links` step finds them.
#[pyfunction]
fn contains_bare_url(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<bool> {
    let text = Text::read(text)?;
    let utf8: &str = &text.utf8;
    guarded(py, "links", || links_edits::next_bare_url(utf8, 0).is_some())
}

/// Fail as a rule that panics would, so that tests can check the guard that turns it into an error.
#[pyfunction]
fn fail_like_a_broken_rule<'py>(py: Python<'py>, text: &Bound<'py, PyString>) -> PyResult<EditLists<'py>> {
    run_step(py, "test", &Text::read(text)?, |text| {
        panic!("no rule handles {} bytes", text.len())
    })
}

/// The lines of `text` that mark its pages, each as the indexes of its places: lines of at most
/// `max_length` code points that come back `min_marks` times, `min_spacing` lines apart or more (see
/// `pages::Marks::running_lines`).
#[pyfunction]
fn running_lines(
    py: Python<'_>,
    text: &Bound<'_, PyString>,
    min_marks: usize,
    min_spacing: usize,
    max_length: usize,
) -> PyResult<Vec<Vec<usize>>> {
    let text = Text::read(text)?;
    let utf8: &str = &text.utf8;
    let marks = pages::Marks {
        max_length,
        min_marks,
        min_spacing,
    };
    guarded(py, "pages", || marks.running_lines(utf8))
}

/// A set of characters, found in a text in one pass (`chars.rs`).
#[pyclass(frozen, module = "textclean._native")]
struct CharClass(chars::CharClass);

#[pymethods]
impl CharClass {
    /// The set of the code points of `ranges`, pairs of a first and a last point; the points of lone
    /// surrogates may be in it.
    #[new]
    fn new(ranges: Vec<(u32, u32)>) -> Self {
        CharClass(chars::CharClass::new(ranges))
    }

    /// The offsets of the characters of `text` in the set, a lone surrogate read as itself.
    fn find_all(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<usize>> {
        let text = Text::read(text)?;
        let utf8: &str = &text.utf8;
        guarded(py, "unicode", || {
            let mut found = self.0.find_all(utf8, |c| text.code_point(c));
            to_code_points(utf8, found.iter_mut());
            found
        })
    }

    /// Whether a character of `text` is in the set, a lone surrogate read as itself.
    fn occurs_in(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<bool> {
        let text = Text::read(text)?;
        let utf8: &str = &text.utf8;
        guarded(py, "unicode", || self.0.occurs_in(utf8, |c| text.code_point(c)))
    }
}

/// The gate of the `mojibake` step (`mojibake.rs`): whether a text holds a C1 control character, and a
/// pair of characters that UTF-8 read as one of the codecs makes.
#[pyclass(frozen, module = "textclean._native")]
struct MojibakeGate(mojibake::Gate);

#[pymethods]
impl MojibakeGate {
    /// The gate of `codecs`: for each, the characters it reads bytes C2-F4 as, and those it reads 80-BF as.
    #[new]
    fn new(codecs: Vec<(String, String)>) -> PyResult<Self> {
        mojibake::Gate::new(&codecs)
            .map(MojibakeGate)
            .map_err(PyValueError::new_err)
    }

    /// Whether `text` holds a C1 control character, and whether it holds a pair of one codec.
    fn read(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<(bool, bool)> {
        let text = Text::read(text)?;
        let utf8: &str = &text.utf8;
        let traces = guarded(py, "mojibake", || self.0.read(utf8))?;
        Ok((traces.c1_control, traces.pair))
    }
}

/// How common the words of one word list are: built from its buckets of words, most common first,
/// read one at a time from any iterable of lists of `str`.
#[pyclass(frozen, module = "textclean._native")]
struct WordTable(wordtable::WordTable);

#[pymethods]
impl WordTable {
    #[new]
    fn new(py: Python<'_>, buckets: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut builder = wordtable::WordTableBuilder::default();
        for bucket in buckets.try_iter()? {
            let bucket = bucket?;
            let mut words = Vec::new();
            for word in bucket.try_iter()? {
                words.push(word?.cast_into::<PyString>()?);
            }
            builder.push_bucket(words.iter().map(|word| word.to_str()).collect::<PyResult<Vec<_>>>()?);
        }
        guarded(py, "languages", || WordTable(builder.finish()))
    }

    /// The index of the bucket of `word`, or None if the list does not have it (a word with a lone
    /// surrogate, which no list holds, included).
    fn bucket(&self, py: Python<'_>, word: &Bound<'_, PyString>) -> PyResult<Option<u16>> {
        match word.to_str() {
            Ok(word) => guarded(py, "languages", || self.0.bucket(word)),
            Err(_) => Ok(None),
        }
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    /// The bytes the table holds.
    #[getter]
    fn nbytes(&self) -> usize {
        self.0.nbytes()
    }
}

/// A block as Python's `Block` holds it: span, visible text, words, function words, link share,
/// links, list item, heading, sentence end, size.
type BlockRow<'py> = (
    usize,
    usize,
    Bound<'py, PyString>,
    usize,
    usize,
    f64,
    bool,
    bool,
    bool,
    bool,
    usize,
);

/// Split `text` into blocks and measure them (see `blocks::split`), with `stopwords` the function words of
/// its language.
#[pyfunction]
fn split_blocks(py: Python<'_>, text: &Bound<'_, PyString>, stopwords: &WordSet) -> PyResult<Blocks> {
    let text = Text::read(text)?.into_owned();
    let utf8: &str = &text.utf8;
    let (blocks, spans) = guarded(py, "boilerplate", || {
        let blocks = blocks::split(utf8, &stopwords.0);
        let mut spans: Vec<usize> = blocks.iter().flat_map(|block| [block.start, block.end]).collect();
        to_code_points(utf8, spans.iter_mut());
        (blocks, spans)
    })?;
    Ok(Blocks { text, blocks, spans })
}

/// The blocks of a text as the core keeps them (see `split_blocks`): what a `Classification` and the
/// footer's cut read, and what removes blocks from the text. Python reads a block's features as a row:
/// span (in code points), visible text, words, function words, link share, links, list item, heading,
/// sentence end, size.
#[pyclass(frozen, module = "textclean._native")]
struct Blocks {
    text: Text<'static>,
    /// Offsets in bytes of `text`.
    blocks: Vec<blocks::Block>,
    /// The start and end of each block, in code points.
    spans: Vec<usize>,
}

#[pymethods]
impl Blocks {
    fn __len__(&self) -> usize {
        self.blocks.len()
    }

    /// The rows of all the blocks, in order.
    fn rows<'py>(&self, py: Python<'py>) -> PyResult<Vec<BlockRow<'py>>> {
        (0..self.blocks.len()).map(|i| self.row_of(py, i)).collect()
    }

    /// The row of the block at `index`.
    fn row<'py>(&self, py: Python<'py>, index: usize) -> PyResult<BlockRow<'py>> {
        self.check_indices(&[index])?;
        self.row_of(py, index)
    }

    /// The spans (in code points) and replacements of the edits that remove the blocks at `removed`
    /// (ascending), each with the line breaks around it (see `removal.rs`).
    fn removal_edits(&self, py: Python<'_>, removed: Vec<usize>) -> PyResult<Vec<(usize, usize, &'static str)>> {
        self.check_indices(&removed)?;
        let utf8: &str = &self.text.utf8;
        guarded(py, "boilerplate", || {
            in_code_points(utf8, removal::removal_edits(utf8, &self.blocks, &removed))
                .into_iter()
                .map(|edit| (edit.start, edit.end, if edit.new.is_empty() { "" } else { "\n" }))
                .collect()
        })
    }

    /// The text without the blocks at `removed` (ascending, as `removal_edits` removes them) and without
    /// the spans (in code points, in order, outside the removals) in `cuts`.
    fn without<'py>(
        &self,
        py: Python<'py>,
        removed: Vec<usize>,
        cuts: Vec<(usize, usize)>,
    ) -> PyResult<Bound<'py, PyString>> {
        self.check_indices(&removed)?;
        let utf8: &str = &self.text.utf8;
        let output = guarded(py, "boilerplate", || {
            let cuts: Vec<(usize, usize)> = cuts
                .iter()
                .map(|&(start, end)| (byte_offset(utf8, start), byte_offset(utf8, end)))
                .collect();
            removal::without(utf8, &self.blocks, &removed, &cuts)
        })?;
        match output {
            Some(output) => self.text.to_python(py, &output),
            None => Err(PyValueError::new_err("the cuts overlap the removed blocks")),
        }
    }
}

impl Blocks {
    fn row_of<'py>(&self, py: Python<'py>, index: usize) -> PyResult<BlockRow<'py>> {
        let block = &self.blocks[index];
        Ok((
            self.spans[2 * index],
            self.spans[2 * index + 1],
            self.text.to_python(py, &block.visible)?,
            block.words,
            block.stopwords,
            block.link_share,
            block.has_links,
            block.list_item,
            block.heading,
            block.sentence_end,
            block.size,
        ))
    }

    /// Check that `indices` are ascending indices of blocks.
    fn check_indices(&self, indices: &[usize]) -> PyResult<()> {
        if indices.iter().any(|&i| i >= self.blocks.len()) {
            return Err(PyValueError::new_err("a block index is out of range"));
        }
        if indices.windows(2).any(|pair| pair[0] >= pair[1]) {
            return Err(PyValueError::new_err("block indices must be ascending"));
        }
        Ok(())
    }
}

/// A set of words, such as a language's function words, to count in texts.
#[pyclass(frozen, module = "textclean._native")]
struct WordSet(blocks::FunctionWords);

#[pymethods]
impl WordSet {
    #[new]
    fn new(words: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut set = blocks::FunctionWords::default();
        for word in words.try_iter()? {
            set.insert(word?.extract::<String>()?);
        }
        Ok(WordSet(set))
    }
}

/// Where a phrase may start in a text (its first word, "©" or "("), in code points; its length if nowhere.
#[pyfunction]
fn first_word_start(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<usize> {
    let text = Text::read_copy(text)?;
    let utf8: &str = &text.utf8;
    guarded(py, "boilerplate", || {
        let mut start = lexicon::first_word_start(utf8);
        to_code_points(utf8, [&mut start]);
        start
    })
}

/// Count the words of a text; in scripts written without spaces, two characters make a word.
#[pyfunction]
fn count_words(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<usize> {
    let text = Text::read(text)?;
    let utf8: &str = &text.utf8;
    guarded(py, "boilerplate", || blocks::count_words(utf8))
}

/// A reader of the language of texts: the script of their letters, then the function words of the
/// languages of a shared script, which Python gives when the reader first asks for them.
#[pyclass(frozen, module = "textclean._native")]
struct LanguageReader(RwLock<language::LanguageReader>);

#[pymethods]
impl LanguageReader {
    #[new]
    fn new(script_language: HashMap<String, String>, shared: HashMap<String, Vec<String>>) -> PyResult<Self> {
        language::LanguageReader::new(script_language, shared)
            .map(|reader| LanguageReader(RwLock::new(reader)))
            .map_err(PyValueError::new_err)
    }

    /// Give the function words of each language of a shared script.
    fn add_script(&self, py: Python<'_>, script: &str, languages: Vec<(String, Vec<String>)>) -> PyResult<()> {
        // the lock waits for readers, which run without the GIL: wait without it too
        guarded(py, "language", || {
            self.0
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .add_script(script, languages)
        })
    }

    /// Read the language of `text`: (its code or None, None), or (None, a shared script whose function
    /// words the reader needs first).
    fn read(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<(Option<String>, Option<&'static str>)> {
        let text = Text::read(text)?;
        let utf8: &str = &text.utf8;
        let reading = guarded(py, "language", || {
            self.0.read().unwrap_or_else(PoisonError::into_inner).read(utf8)
        })?;
        Ok(match reading {
            Reading::Language(language) => (language, None),
            Reading::NeedsScript(script) => (None, Some(script)),
        })
    }
}

/// The furniture lexicon's labels of lines and footer markers (see `lexicon.rs`).
#[pyclass(frozen, module = "textclean._native")]
struct Lexicon {
    lexicon: lexicon::Lexicon,
    /// The patterns the block classifier reads besides the labels.
    patterns: classify::Patterns,
}

#[pymethods]
impl Lexicon {
    /// Compile the phrases of each furniture label and footer marker, the prompt labels and the word
    /// lists (named as the fields of `lexicon::WordLists`), all in Python's syntax.
    #[new]
    fn new(
        furniture: Vec<(String, String)>,
        markers: Vec<(String, String)>,
        prompts: Vec<String>,
        lists: HashMap<String, String>,
    ) -> PyResult<Self> {
        let list = |name: &str| {
            lists
                .get(name)
                .map(String::as_str)
                .ok_or_else(|| PyValueError::new_err(format!("no word list {name:?}")))
        };
        let lists = lexicon::WordLists {
            determiners: list("determiners")?,
            rights_opening: list("rights_opening")?,
            rights_reserved: list("rights_reserved")?,
            cookies: list("cookies")?,
            consent: list("consent")?,
            credit_labels: list("credit_labels")?,
            credit_photos: list("credit_photos")?,
            credit_by: list("credit_by")?,
            byline: list("byline")?,
            dates: list("dates")?,
            cjk_dates: list("cjk_dates")?,
            dateline: list("dateline")?,
        };
        let patterns = classify::Patterns::new(
            list("list_line")?,
            list("author_note")?,
            list("slide_counter")?,
            list("title_separator")?,
            list("blurb_prompts")?,
        )
        .map_err(PyValueError::new_err)?;
        let lexicon = lexicon::Lexicon::new(&furniture, &markers, &prompts, lists).map_err(PyValueError::new_err)?;
        Ok(Lexicon { lexicon, patterns })
    }

    /// The label of the furniture line a block is (its visible text, words and whether it ends like a
    /// sentence), or None.
    fn label(
        &self,
        py: Python<'_>,
        visible: &Bound<'_, PyString>,
        words: usize,
        sentence_end: bool,
    ) -> PyResult<Option<String>> {
        let text = Text::read_copy(visible)?;
        let utf8: &str = &text.utf8;
        guarded(py, "boilerplate", || {
            self.lexicon.label(utf8, words, sentence_end).map(str::to_string)
        })
    }

    /// The footer line that opens a block, as (label, whether it is a prompt), or None.
    fn tail(
        &self,
        py: Python<'_>,
        visible: &Bound<'_, PyString>,
        words: usize,
        prompts: bool,
    ) -> PyResult<Option<(String, bool)>> {
        let text = Text::read_copy(visible)?;
        let utf8: &str = &text.utf8;
        guarded(py, "footer", || {
            self.lexicon
                .tail(utf8, words, prompts)
                .map(|(label, prompt)| (label.to_string(), prompt))
        })
    }

    /// Whether a furniture phrase opens a block's visible text at its first word.
    fn opens(&self, py: Python<'_>, visible: &Bound<'_, PyString>) -> PyResult<bool> {
        let text = Text::read_copy(visible)?;
        let utf8: &str = &text.utf8;
        guarded(py, "boilerplate", || {
            self.lexicon.opens(utf8, lexicon::first_word_start(utf8))
        })
    }

    /// Whether a block is a line of the phrase at the code points `start..end` (see `lexicon::is_phrase_line`).
    fn is_phrase_line(
        &self,
        py: Python<'_>,
        visible: &Bound<'_, PyString>,
        start: usize,
        end: usize,
        words: usize,
        sentence_end: bool,
    ) -> PyResult<bool> {
        let text = Text::read_copy(visible)?;
        let utf8: &str = &text.utf8;
        guarded(py, "boilerplate", || {
            let (start, end) = (byte_offset(utf8, start), byte_offset(utf8, end));
            lexicon::is_phrase_line(utf8, start, end, words, sentence_end)
        })
    }

    /// The span (in code points) of the site's name after a title line, before the images that close it;
    /// None if it has none (see `classify::Patterns::title_suffix`).
    fn title_suffix(&self, py: Python<'_>, line: &Bound<'_, PyString>) -> PyResult<Option<(usize, usize)>> {
        let text = Text::read_copy(line)?;
        let utf8: &str = &text.utf8;
        guarded(py, "boilerplate", || {
            self.patterns.title_suffix(utf8).map(|(mut start, mut end)| {
                to_code_points(utf8, [&mut start, &mut end]);
                (start, end)
            })
        })
    }
}

/// Check that the user's labels, if any, give one label (or None) for each block.
fn check_user_labels(user_labels: Option<&[Option<String>]>, blocks: &Blocks) -> PyResult<()> {
    match user_labels {
        Some(labels) if labels.len() != blocks.blocks.len() => Err(PyValueError::new_err(
            "user_labels must give one label (or None) for each block",
        )),
        _ => Ok(()),
    }
}

/// What a strictness allows and the classification's options: neighbours, position, prose outside the
/// run, near-prose among furniture, unproven long blocks, the most link text, keep comments.
type SettingsRow = (bool, bool, bool, bool, bool, f64, bool);

/// The classification of one document's blocks (see `classify.rs`): `settle` reads each block's class on its
/// own evidence and the words that tell a copy of it once, then runs the passes until the verdicts settle.
#[pyclass(frozen, module = "textclean._native")]
struct Classification {
    lexicon: Py<Lexicon>,
    stopwords: Py<WordSet>,
    blocks: Py<Blocks>,
    user_labels: Option<Vec<Option<String>>>,
    settings: classify::Settings,
}

#[pymethods]
impl Classification {
    /// Take the blocks (as `split_blocks` keeps them), the lexicon, the document's function words, the user's
    /// labels (`user_labels`, one for each block, if the user gave any phrases or patterns) and the settings.
    #[new]
    fn new(
        blocks: Py<Blocks>,
        lexicon: Py<Lexicon>,
        stopwords: Py<WordSet>,
        user_labels: Option<Vec<Option<String>>>,
        settings: SettingsRow,
    ) -> PyResult<Self> {
        check_user_labels(user_labels.as_deref(), blocks.get())?;
        Ok(Classification {
            lexicon,
            stopwords,
            blocks,
            user_labels,
            settings: classification_settings(settings),
        })
    }

    /// Settle the verdicts of the document's blocks as the boilerplate cleaner does (see `settle.rs`):
    /// the title's index, if a block is one (kept with `keep_title`, else removed), and each block that
    /// goes, as its index, the rule that removed it and the pass that wrote it.
    fn settle<'py>(&self, py: Python<'py>, keep_title: bool) -> PyResult<SettledRows<'py>> {
        let table = &self.blocks.get().blocks;
        let (reader, words) = (self.lexicon.get(), self.stopwords.get());
        let settled = guarded(py, "boilerplate", || {
            let context = classify::Context {
                patterns: &reader.patterns,
                stopwords: &words.0,
                prose_share: classify::prose_share(table),
                settings: self.settings,
            };
            settle::settle_document(
                table,
                &reader.lexicon,
                self.user_labels.as_deref(),
                &context,
                keep_title,
            )
        })?;
        let removed = settled
            .verdicts
            .iter()
            .enumerate()
            .filter(|(_, verdict)| verdict.kind == classify::Kind::Bad)
            .map(|(i, verdict)| (i, PyString::intern(py, verdict.rule), verdict.by))
            .collect();
        Ok((settled.title, removed))
    }
}

/// The classification's settings from Python's row.
fn classification_settings(settings: SettingsRow) -> classify::Settings {
    classify::Settings {
        neighbours: settings.0,
        position: settings.1,
        prose_outside_run: settings.2,
        near_prose_among_furniture: settings.3,
        unproven_long_blocks: settings.4,
        max_link_density: settings.5,
        keep_comments: settings.6,
    }
}

/// A document's title, if a block is one, and each block that goes: its index, rule and pass.
type SettledRows<'py> = (Option<usize>, Vec<(usize, Bound<'py, PyString>, &'static str)>);

/// Where the page's tail begins in a text's blocks (see `footer::tail_start`): the first block of the tail
/// and its label, or None. `user_labels` are the user's footer lines (one label or None for each block),
/// if the user gave any; `settings` are: cut before prose, prompts end the article, prompts end text on
/// its subject, the words of prose before a cut.
#[pyfunction]
fn footer_tail_start(
    py: Python<'_>,
    blocks: &Blocks,
    lexicon: &Lexicon,
    stopwords: &WordSet,
    user_labels: Option<Vec<Option<String>>>,
    settings: FooterRow,
) -> PyResult<Option<(usize, String)>> {
    check_user_labels(user_labels.as_deref(), blocks)?;
    let context = footer::Context {
        lexicon: &lexicon.lexicon,
        stopwords: &stopwords.0,
        user_labels: user_labels.as_deref(),
        settings: footer_settings(settings),
    };
    guarded(py, "footer", || {
        footer::tail_start(&blocks.blocks, &context).map(|(cut, label)| (cut, label.to_string()))
    })
}

/// Each language's function words as the furniture cleaners count them, which Python gives as a run asks.
#[pyclass(frozen, module = "textclean._native")]
struct FunctionWordTable(RwLock<HashMap<String, blocks::FunctionWords>>);

#[pymethods]
impl FunctionWordTable {
    #[new]
    fn new() -> Self {
        FunctionWordTable(RwLock::new(HashMap::new()))
    }

    /// Give the function words of `language`.
    fn add(&self, py: Python<'_>, language: String, words: &Bound<'_, PyAny>) -> PyResult<()> {
        let words = WordSet::new(words)?.0;
        // the lock waits for runs, which read the table without the GIL: wait without it too
        guarded(py, "language", || {
            self.0
                .write()
                .unwrap_or_else(PoisonError::into_inner)
                .insert(language, words);
        })
    }
}

/// What `Run.run` gives: the text the steps made (the very text it was given, if they changed nothing), each
/// one's count of edits, and, if the run stopped, the index of the step it stopped before and what that step
/// needs: ("script", name) or ("words", language) from the word lists, ("sets", "") for `unicode`'s sets of
/// characters, or ("python", "") to be run by Python; and what the furniture steps read, if they read.
type RunRow<'py> = (
    Bound<'py, PyString>,
    Vec<usize>,
    Option<(usize, &'static str, String)>,
    Option<Earlier>,
);

/// What the furniture steps of a run last read of a document's text (`run::Earlier`): given to the next run
/// over the same document, it spares measuring again the blocks that come back unchanged.
#[pyclass(frozen, module = "textclean._native")]
struct Earlier(run::Earlier);

/// Consecutive built-in steps that the core runs in one call (see `run.rs`). Each step is given as its
/// name and its options: `mojibake` (decode entities, the gate), `unicode` (none: it asks for its sets of
/// characters), `pages` (the fewest line breaks, marks and lines between marks of a running line, the longest key),
/// `whitespace` (max blank lines), `links` (urls, bare URLs, URL token), `markup` (headings, list markers,
/// tables: whether each goes), `footer` (its settings as `footer_tail_start` takes them), `boilerplate` (a
/// classification's settings, keep the title).
#[pyclass(frozen, module = "textclean._native")]
struct Run {
    steps: Vec<run::Step>,
    /// Python's judge of the line-end hyphens that `linewrap` leaves in doubt (see `PythonVerdicts`).
    judge: Option<Py<PyAny>>,
}

#[pymethods]
impl Run {
    /// A run of `steps` (names and options); `judge` judges the line-end hyphens that `linewrap` leaves in
    /// doubt (see `PythonVerdicts`), which a run of `linewrap` needs.
    #[new]
    #[pyo3(signature = (steps, judge=None))]
    fn new(steps: Vec<(String, Bound<'_, PyTuple>)>, judge: Option<Bound<'_, PyAny>>) -> PyResult<Self> {
        let steps: Vec<run::Step> = steps
            .iter()
            .map(|(name, options)| run_step_of(name, options))
            .collect::<PyResult<_>>()?;
        if judge.is_none() && steps.iter().any(|step| matches!(step, run::Step::Linewrap(_))) {
            return Err(PyValueError::new_err("a run of linewrap needs a judge of hyphens"));
        }
        Ok(Run {
            steps,
            judge: judge.map(Bound::unbind),
        })
    }

    /// Give the `unicode` step at `index` its sets of characters: those it may change, and those that may
    /// take a text out of its normal form (a step keeps the first it is given).
    fn give_character_sets(&self, index: usize, changeable: &CharClass, may_leave_form: &CharClass) -> PyResult<()> {
        match self.steps.get(index) {
            Some(run::Step::Unicode { watched }) => {
                let _kept = watched.set(changeable.0.union(&may_leave_form.0));
                Ok(())
            }
            _ => Err(PyValueError::new_err("the run has no unicode step at that index")),
        }
    }

    /// Whether a step of the run reads the furniture lexicon (`footer`, `boilerplate`).
    #[getter]
    fn reads_the_lexicon(&self) -> bool {
        self.steps.iter().any(run::Step::reads_the_lexicon)
    }

    /// Run the steps from the one at `start` on `text` (see `RunRow`) with the lexicon (None for a run
    /// without `footer` or `boilerplate`), the languages (the reader of languages and the table of function
    /// words) and what an earlier run over the same document last read (if any). A text with lone
    /// surrogates stops the run at once: its steps run in Python until `unicode` has mended them.
    fn run<'py>(
        &self,
        py: Python<'py>,
        text: &Bound<'py, PyString>,
        start: usize,
        lexicon: Option<&Lexicon>,
        languages: (PyRef<'py, LanguageReader>, PyRef<'py, FunctionWordTable>),
        earlier: Option<&Earlier>,
    ) -> PyResult<RunRow<'py>> {
        let (reader, function_words) = (&*languages.0, &*languages.1);
        let input = Text::read(text)?;
        if start >= self.steps.len() {
            return Err(PyValueError::new_err("the run has no step at that index"));
        }
        if lexicon.is_none() && self.reads_the_lexicon() {
            return Err(PyValueError::new_err(
                "a run of footer or boilerplate needs the lexicon",
            ));
        }
        if !input.surrogates.is_empty() {
            return Ok((text.clone(), Vec::new(), Some((start, "python", String::new())), None));
        }
        let verdicts = self
            .judge
            .as_ref()
            .map(|judge| PythonVerdicts::new(&input, judge.bind(py).clone()));
        let utf8: &str = &input.utf8;
        let ran = py.detach(|| {
            let reader = reader.0.read().unwrap_or_else(PoisonError::into_inner);
            let function_words = function_words.0.read().unwrap_or_else(PoisonError::into_inner);
            let resources = run::Resources {
                furniture: lexicon.map(|lexicon| (&lexicon.lexicon, &lexicon.patterns)),
                verdicts: verdicts
                    .as_ref()
                    .map(|verdicts| verdicts as &(dyn run::Verdicts + Sync)),
                reader: &reader,
                function_words: &function_words,
            };
            let mut document = run::Document::new(utf8, earlier.map(|earlier| &earlier.0));
            let mut counts = Vec::with_capacity(self.steps.len() - start);
            let mut stop = None;
            for (index, step) in self.steps.iter().enumerate().skip(start) {
                match catch_unwind(AssertUnwindSafe(|| document.apply(step, &resources))) {
                    Ok(Ok(count)) => counts.push(count),
                    Ok(Err(need)) => {
                        stop = Some((index, need));
                        break;
                    }
                    Err(panic) => return Err(native_error(step.name(), panic.as_ref())),
                }
            }
            let (output, last) = document.into_parts();
            Ok((output, counts, stop, last))
        });
        let (output, counts, stop, last) = ran?;
        if let Some(verdicts) = &verdicts {
            verdicts.failed()?;
        }
        let output = if output == utf8 {
            text.clone()
        } else {
            made_text(py, output)
        };
        let stop = stop.map(|(index, need)| match need {
            run::Need::Script(script) => (index, "script", script.to_string()),
            run::Need::FunctionWords(language) => (index, "words", language),
            run::Need::CharacterSets => (index, "sets", String::new()),
            // a judge that failed raised its error above; Python would judge again
            run::Need::Python | run::Need::Verdicts => (index, "python", String::new()),
        });
        Ok((output, counts, stop, last.map(Earlier)))
    }
}

/// A step of a run from its name and options (see `Run`).
fn run_step_of(name: &str, options: &Bound<'_, PyTuple>) -> PyResult<run::Step> {
    Ok(match name {
        "mojibake" => {
            let (html_entities, gate): (bool, PyRef<'_, MojibakeGate>) = options.extract()?;
            run::Step::Mojibake {
                html_entities,
                gate: gate.0.clone(),
            }
        }
        "unicode" if options.is_empty() => run::Step::Unicode {
            watched: OnceLock::new(),
        },
        "pages" => {
            let (min_breaks, min_marks, min_spacing, max_length) = options.extract()?;
            run::Step::Pages {
                min_breaks,
                marks: pages::Marks {
                    max_length,
                    min_marks,
                    min_spacing,
                },
            }
        }
        "linewrap" => {
            let (width, mend_blank_lines, keep_hyphens) = options.extract()?;
            run::Step::Linewrap(linewrap_joins::Options {
                width,
                mend_blank_lines,
                keep_hyphens,
            })
        }
        "whitespace" => run::Step::Whitespace {
            max_blank_lines: options.extract::<(usize,)>()?.0,
        },
        "links" => {
            let (urls, bare_urls, url_token): (String, String, String) = options.extract()?;
            let (urls, bare_urls) = link_policies(&urls, &bare_urls)?;
            run::Step::Links {
                urls,
                bare_urls,
                url_token,
            }
        }
        "markup" => run::Step::Markup(markup_options(options.extract()?)),
        "footer" => run::Step::Footer(footer_settings(options.extract()?)),
        "boilerplate" => {
            let (settings, keep_title): (SettingsRow, bool) = options.extract()?;
            run::Step::Boilerplate {
                settings: classification_settings(settings),
                keep_title,
            }
        }
        _ => {
            return Err(PyValueError::new_err(format!(
                "no built-in step {name:?} runs in the core"
            )))
        }
    })
}

/// The footer's settings as Python gives them: cut before prose, prompts end the article, prompts end text
/// on its subject, the words of prose before a cut.
type FooterRow = (bool, bool, bool, usize);

/// The footer's settings from Python's row.
fn footer_settings(row: FooterRow) -> footer::Settings {
    let (cut_before_prose, prompts_end_article, prompts_end_text_on_subject, min_article_words) = row;
    footer::Settings {
        cut_before_prose,
        prompts_end_article,
        prompts_end_text_on_subject,
        min_article_words,
    }
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(whitespace_edits, module)?)?;
    module.add_function(wrap_pyfunction!(markup_edits, module)?)?;
    module.add_function(wrap_pyfunction!(linewrap_edits, module)?)?;
    module.add_function(wrap_pyfunction!(linewrap_output, module)?)?;
    module.add_function(wrap_pyfunction!(hyphen_pieces, module)?)?;
    module.add_function(wrap_pyfunction!(count_in_lower_case, module)?)?;
    module.add_function(wrap_pyfunction!(link_edits, module)?)?;
    module.add_function(wrap_pyfunction!(whitespace_output, module)?)?;
    module.add_function(wrap_pyfunction!(markup_output, module)?)?;
    module.add_function(wrap_pyfunction!(link_output, module)?)?;
    module.add_function(wrap_pyfunction!(contains_bare_url, module)?)?;
    module.add("MAX_ROUNDS", MAX_ROUNDS)?;
    module.add_function(wrap_pyfunction!(link_tokens, module)?)?;
    module.add_function(wrap_pyfunction!(markup_tokens, module)?)?;
    module.add(
        "MARKUP_KIND_BITS",
        PyTuple::new(module.py(), Kind::ALL.map(Kind::name))?,
    )?;
    module.add_class::<WordTable>()?;
    module.add_class::<WordSet>()?;
    module.add_class::<LanguageReader>()?;
    module.add_class::<Lexicon>()?;
    module.add_class::<Classification>()?;
    module.add_class::<FunctionWordTable>()?;
    module.add_class::<Run>()?;
    module.add_class::<Earlier>()?;
    module.add_class::<Blocks>()?;
    module.add_function(wrap_pyfunction!(footer_tail_start, module)?)?;
    module.add("CAPTION_WORDS", lexicon::CAPTION_WORDS)?;
    module.add("WRAPPED_LINE_MIN", blocks::WRAPPED_LINE_MIN)?;
    module.add("WRAPPED_LINE_MAX", blocks::WRAPPED_LINE_MAX)?;
    module.add("LINEWRAP_MIN_WIDTH", linewrap::MIN_WIDTH)?;
    module.add_function(wrap_pyfunction!(split_blocks, module)?)?;
    module.add_function(wrap_pyfunction!(count_words, module)?)?;
    module.add_function(wrap_pyfunction!(running_lines, module)?)?;
    module.add_class::<CharClass>()?;
    module.add_class::<MojibakeGate>()?;
    module.add_function(wrap_pyfunction!(first_word_start, module)?)?;
    module.add_function(wrap_pyfunction!(fail_like_a_broken_rule, module)?)?;
    Ok(())
}
