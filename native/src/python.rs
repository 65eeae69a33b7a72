//! The Python face of the core: the private module `textclean._native`.
//!
//! Each function takes a `str`, releases the GIL while the rules run, and gives its edits or tokens
//! back as compact parallel lists (such as starts, ends, replacements, rule names), offsets in code
//! points. A panic inside the core never reaches Python as one: it becomes
//! `textclean.errors.NativeError`, naming the step.

use std::borrow::Cow;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString, PyTuple};

use crate::edits::{offsets_to_code_points, to_code_points};
use crate::formatting::{self, Kind};
use crate::whitespace;

pyo3::import_exception!(textclean.errors, NativeError);

/// Edits as parallel lists: starts, ends, replacements and rule names.
type EditLists = (Vec<usize>, Vec<usize>, Vec<String>, Vec<&'static str>);

/// Tokens as parallel lists: kinds, starts, ends and what a reader sees.
type TokenLists = (Vec<&'static str>, Vec<usize>, Vec<usize>, Vec<&'static str>);

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
fn run_step<T, F>(py: Python<'_>, step: &str, text: &Bound<'_, PyString>, rules: F) -> PyResult<T>
where
    T: Send,
    F: FnOnce(&str) -> T + Send,
{
    let text = text_of(text)?;
    let text: &str = &text;
    py.detach(|| catch_unwind(AssertUnwindSafe(|| rules(text))))
        .map_err(|panic| {
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

/// The edits of the `whitespace` step.
#[pyfunction]
fn whitespace_edits(py: Python<'_>, text: &Bound<'_, PyString>, max_blank_lines: usize) -> PyResult<EditLists> {
    run_step(py, "whitespace", text, |text| {
        let mut edits = whitespace::find_edits(text, max_blank_lines);
        to_code_points(text, &mut edits);
        let mut lists: EditLists = Default::default();
        for edit in edits {
            lists.0.push(edit.start);
            lists.1.push(edit.end);
            lists.2.push(edit.new);
            lists.3.push(edit.rule);
        }
        lists
    })
}

/// The formatting markup tokens of `text`, of the kinds whose bits are set in `kinds` (bit `i` is
/// the kind `MARKUP_KIND_BITS[i]`).
#[pyfunction]
fn markup_tokens(py: Python<'_>, text: &Bound<'_, PyString>, kinds: u32) -> PyResult<TokenLists> {
    run_step(py, "markup", text, |text| {
        let mut tokens = formatting::tokenize(text, kinds);
        offsets_to_code_points(
            text,
            tokens.iter_mut().flat_map(|token| [&mut token.start, &mut token.end]),
        );
        let mut lists: TokenLists = Default::default();
        for token in tokens {
            lists.0.push(token.kind.name());
            lists.1.push(token.start);
            lists.2.push(token.end);
            lists.3.push(token.text);
        }
        lists
    })
}

/// Fail as a rule that panics would, so that tests can check the guard that turns it into an error.
#[pyfunction]
fn fail_like_a_broken_rule(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<EditLists> {
    run_step(py, "test", text, |text| -> EditLists {
        panic!("no rule handles {} bytes", text.len())
    })
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(whitespace_edits, module)?)?;
    module.add_function(wrap_pyfunction!(markup_tokens, module)?)?;
    module.add(
        "MARKUP_KIND_BITS",
        PyTuple::new(module.py(), Kind::ALL.map(Kind::name))?,
    )?;
    module.add_function(wrap_pyfunction!(fail_like_a_broken_rule, module)?)?;
    Ok(())
}
