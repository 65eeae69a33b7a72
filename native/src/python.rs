//! The Python face of the core: the private module `textclean._native`.
//!
//! Each function takes a `str`, releases the GIL while the rules run, and gives its edits back as
//! compact parallel lists (starts, ends, replacements, rule names), offsets in code points. A panic
//! inside the core never reaches Python as one: it becomes `textclean.errors.NativeError`, naming
//! the step.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

use std::collections::HashSet;

use crate::blocks;
use crate::edits::{to_code_points, Edit};
use crate::whitespace;
use crate::wordtable;

pyo3::import_exception!(textclean.errors, NativeError);

/// Edits as parallel lists: starts, ends, replacements and rule names.
type EditLists = (Vec<usize>, Vec<usize>, Vec<String>, Vec<&'static str>);

/// Read a Python `str` as UTF-8 (without a copy where Python holds it so). A lone surrogate, which
/// UTF-8 cannot hold, is read as U+FFFD: one code point for one, so every code point offset stays
/// the offset Python gives.
fn text_of<'a>(text: &'a Bound<'_, PyString>) -> PyResult<Cow<'a, str>> {
    if let Ok(text) = text.to_str() {
        return Ok(Cow::Borrowed(text));
    }
    let encoded = text.call_method1("encode", ("utf-32-le", "surrogatepass"))?;
    let bytes = encoded.cast::<PyBytes>()?.as_bytes();
    Ok(Cow::Owned(
        bytes
            .chunks_exact(4)
            .map(|unit| char::from_u32(u32::from_le_bytes([unit[0], unit[1], unit[2], unit[3]])).unwrap_or('\u{FFFD}'))
            .collect(),
    ))
}

/// Run `work` without the GIL; a panic becomes a `NativeError` naming `step`.
fn guarded<T: Send>(py: Python<'_>, step: &str, work: impl FnOnce() -> T + Send) -> PyResult<T> {
    py.detach(|| catch_unwind(AssertUnwindSafe(work))).map_err(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|reason| reason.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        NativeError::new_err(format!(
            "step '{step}': the native core failed ({reason}); please report it with the text"
        ))
    })
}

/// Run `rules` on `text` without the GIL and give their edits as lists; a panic becomes a
/// `NativeError` naming `step`.
fn run_step<F>(py: Python<'_>, step: &str, text: &Bound<'_, PyString>, rules: F) -> PyResult<EditLists>
where
    F: FnOnce(&str) -> Vec<Edit> + Send,
{
    let text = text_of(text)?;
    let text: &str = &text;
    let edits = guarded(py, step, || {
        let mut edits = rules(text);
        to_code_points(text, &mut edits);
        edits
    })?;
    let mut lists: EditLists = Default::default();
    for edit in edits {
        lists.0.push(edit.start);
        lists.1.push(edit.end);
        lists.2.push(edit.new);
        lists.3.push(edit.rule);
    }
    Ok(lists)
}

/// The edits of the `whitespace` step.
#[pyfunction]
fn whitespace_edits(py: Python<'_>, text: &Bound<'_, PyString>, max_blank_lines: usize) -> PyResult<EditLists> {
    run_step(py, "whitespace", text, |chars| {
        whitespace::find_edits(chars, max_blank_lines)
    })
}

/// Fail as a rule that panics would, so that tests can check the guard that turns it into an error.
#[pyfunction]
fn fail_like_a_broken_rule(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<EditLists> {
    run_step(py, "test", text, |text| panic!("no rule handles {} bytes", text.len()))
}

/// How common the words of one word list are: built from its buckets of words, most common first,
/// read one at a time from any iterable of lists of `str`.
#[pyclass(frozen, module = "textclean._native")]
struct WordTable(wordtable::WordTable);

#[pymethods]
impl WordTable {
    #[new]
    fn new(buckets: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut builder = wordtable::WordTableBuilder::default();
        for bucket in buckets.try_iter()? {
            let bucket = bucket?;
            let mut words = Vec::new();
            for word in bucket.try_iter()? {
                words.push(word?.cast_into::<PyString>()?);
            }
            builder.push_bucket(words.iter().map(|word| word.to_str()).collect::<PyResult<Vec<_>>>()?);
        }
        Ok(WordTable(builder.finish()))
    }

    /// The index of the bucket of `word`, or None if the list does not have it (a word with a lone
    /// surrogate, which no list holds, included).
    fn bucket(&self, word: &Bound<'_, PyString>) -> Option<u16> {
        self.0.bucket(word.to_str().ok()?)
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

/// The code point offset of each byte offset of `text`, for offsets in increasing order.
fn code_point_offsets(text: &str, offsets: impl IntoIterator<Item = usize>) -> Vec<usize> {
    let (mut byte, mut point) = (0, 0);
    offsets
        .into_iter()
        .map(|to| {
            point += text[byte..to].chars().count();
            byte = to;
            point
        })
        .collect()
}

/// The spans of the blocks of `text` (see `blocks::block_spans`), in code points.
#[pyfunction]
fn block_spans(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Vec<(usize, usize)>> {
    let text = text_of(text)?;
    let text: &str = &text;
    guarded(py, "boilerplate", || {
        let spans = blocks::block_spans(text);
        let points = code_point_offsets(text, spans.iter().flat_map(|&(start, end)| [start, end]));
        points.chunks_exact(2).map(|pair| (pair[0], pair[1])).collect()
    })
}

/// The end (in code points) of the list item's or heading's marker that starts a block, and whether
/// it is a heading; None if there is none, or if the block starts with a date ("22. August").
#[pyfunction]
fn block_marker(text: &Bound<'_, PyString>) -> PyResult<Option<(usize, bool)>> {
    let text = text_of(text)?;
    if blocks::starts_with_day_and_month(&text) {
        return Ok(None);
    }
    Ok(blocks::item_marker(&text).map(|(end, heading)| (text[..end].chars().count(), heading)))
}

/// A set of words, such as a language's function words, to count in texts.
#[pyclass(frozen, module = "textclean._native")]
struct WordSet(HashSet<String>);

#[pymethods]
impl WordSet {
    #[new]
    fn new(words: &Bound<'_, PyAny>) -> PyResult<Self> {
        let mut set = HashSet::new();
        for word in words.try_iter()? {
            set.insert(word?.extract::<String>()?);
        }
        Ok(WordSet(set))
    }
}

/// What the classifiers read of a block's visible text: words, function words among them, visible
/// characters, characters of scripts without spaces, and whether it ends like a sentence.
#[pyfunction]
fn measure_text(
    py: Python<'_>,
    visible: &Bound<'_, PyString>,
    stopwords: &WordSet,
) -> PyResult<(usize, usize, usize, usize, bool)> {
    let visible = text_of(visible)?;
    let visible: &str = &visible;
    let found = guarded(py, "boilerplate", || blocks::measure_text(visible, &stopwords.0))?;
    Ok((
        found.words,
        found.stopwords,
        found.visible_chars,
        found.wide,
        found.sentence_end,
    ))
}

/// Count the words of a text; in scripts written without spaces, two characters make a word.
#[pyfunction]
fn count_words(text: &Bound<'_, PyString>) -> PyResult<usize> {
    Ok(blocks::count_words(&text_of(text)?))
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(whitespace_edits, module)?)?;
    module.add_function(wrap_pyfunction!(fail_like_a_broken_rule, module)?)?;
    module.add_class::<WordTable>()?;
    module.add_class::<WordSet>()?;
    module.add("WRAPPED_LINE_MIN", blocks::WRAPPED_LINE_MIN)?;
    module.add("WRAPPED_LINE_MAX", blocks::WRAPPED_LINE_MAX)?;
    module.add_function(wrap_pyfunction!(block_spans, module)?)?;
    module.add_function(wrap_pyfunction!(block_marker, module)?)?;
    module.add_function(wrap_pyfunction!(measure_text, module)?)?;
    module.add_function(wrap_pyfunction!(count_words, module)?)?;
    Ok(())
}
