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

/// Run `rules` on `text` without the GIL; a panic becomes a `NativeError` naming `step`.
fn run_step<F>(py: Python<'_>, step: &str, text: &Bound<'_, PyString>, rules: F) -> PyResult<EditLists>
where
    F: FnOnce(&str) -> Vec<Edit> + Send,
{
    let text = text_of(text)?;
    let text: &str = &text;
    let found = py.detach(|| {
        catch_unwind(AssertUnwindSafe(|| {
            let mut edits = rules(text);
            to_code_points(text, &mut edits);
            edits
        }))
    });
    let edits = found.map_err(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|reason| reason.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "a panic".to_string());
        NativeError::new_err(format!(
            "step '{step}': the native core failed ({reason}); please report it with the text"
        ))
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

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(whitespace_edits, module)?)?;
    module.add_function(wrap_pyfunction!(fail_like_a_broken_rule, module)?)?;
    module.add_class::<WordTable>()?;
    Ok(())
}
