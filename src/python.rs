//! The pyo3 binding: thin. It converts the arguments, releases the GIL for the whole run,
//! and returns polars DataFrames built in Rust. No panic crosses into Python.

use crate::lexicon::{Resources, UserRow};
use crate::model::{DocInput, EventType, Label, Options, PlaceType};
use crate::pipeline::{analyze_batch, warn};
use crate::schema::TABLES;
use crate::tables::{self, Ran};
use pyo3::exceptions::{PyRuntimeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyDict;
use pyo3_polars::PyDataFrame;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Arc;

type Tables = (PyDataFrame, PyDataFrame, PyDataFrame, PyDataFrame);

/// A user gazetteer row from Python: surface, label, canonical, lat, lon, country.
type GazetteerRow = (String, String, Option<String>, Option<f64>, Option<f64>, Option<String>);

/// The extraction engine: lexicons parsed once, shared by every call.
#[pyclass(module = "newsframe._native", frozen)]
struct Engine {
    resources: Arc<Resources>,
}

#[pymethods]
impl Engine {
    #[new]
    #[pyo3(signature = (gazetteer=None, case_sensitive=true))]
    fn new(py: Python<'_>, gazetteer: Option<Vec<GazetteerRow>>, case_sensitive: bool) -> PyResult<Self> {
        let resources = match gazetteer {
            None => py.detach(Resources::shared),
            Some(rows) if rows.is_empty() => py.detach(Resources::shared),
            Some(rows) => {
                let mut parsed = Vec::with_capacity(rows.len());
                for (surface, label, canonical, lat, lon, country) in rows {
                    let l = Label::parse(&label).ok_or_else(|| {
                        PyValueError::new_err(format!(
                            "gazetteer: unknown label {label:?} for {surface:?}; expected one of {}",
                            Label::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>().join(", ")
                        ))
                    })?;
                    if surface.trim().chars().nth(1).is_none() {
                        return Err(PyValueError::new_err(format!(
                            "gazetteer: key {surface:?} is too short to match (at least two characters)"
                        )));
                    }
                    parsed.push(UserRow { surface, label: l, canonical, lat, lon, country });
                }
                Arc::new(py.detach(|| Resources::with_user(&parsed, case_sensitive)))
            }
        };
        Ok(Engine { resources })
    }

    /// Run the pipeline on one batch. Returns the four tables and the documents that
    /// failed, as `(index in the batch, message)`; a failed document keeps its
    /// `documents` row with an `internal-error` warning and has no other rows. The Python
    /// layer decides whether a failure raises (`errors="raise"`).
    #[pyo3(signature = (texts, published, titles, entities=true, quotes=true, events=true, threads=None, doc_offset=0, max_chars=None, fail_on_doc=None))]
    #[allow(clippy::too_many_arguments)]
    fn extract(
        &self,
        py: Python<'_>,
        texts: Vec<Option<String>>,
        published: Vec<Option<i32>>,
        titles: Vec<Option<String>>,
        entities: bool,
        quotes: bool,
        events: bool,
        threads: Option<usize>,
        doc_offset: u32,
        max_chars: Option<usize>,
        fail_on_doc: Option<usize>,
    ) -> PyResult<(Tables, Vec<(usize, String)>)> {
        if published.len() != texts.len() || titles.len() != texts.len() {
            return Err(PyValueError::new_err("texts, published and titles must have the same length"));
        }
        let resources = self.resources.clone();
        let defaults = Options::default();
        let opts =
            Options { entities, quotes, events, max_chars: max_chars.unwrap_or(defaults.max_chars), fail_on_doc };
        let outcome = py.detach(move || {
            let inputs: Vec<DocInput> = texts
                .iter()
                .zip(&published)
                .zip(&titles)
                .map(|((t, p), ti)| DocInput { text: t.as_deref(), published: *p, title: ti.as_deref() })
                .collect();
            let batch = analyze_batch(&inputs, &resources, &opts, threads);
            let ran = Ran { entities, quotes, events };
            let failures: Vec<(usize, String)> = batch.failures.into_iter().map(|f| (f.index, f.message)).collect();
            catch_unwind(AssertUnwindSafe(|| tables::build(&batch.results, doc_offset, ran))).map(|t| (t, failures))
        });
        match outcome {
            Ok((Ok((d, e, q, ev)), failures)) => {
                Ok(((PyDataFrame(d), PyDataFrame(e), PyDataFrame(q), PyDataFrame(ev)), failures))
            }
            Ok((Err(e), _)) => Err(PyRuntimeError::new_err(format!("building tables failed: {e}"))),
            Err(_) => Err(PyRuntimeError::new_err("internal error while building the tables of a batch")),
        }
    }
}

#[pyfunction]
fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}

/// A panic inside one document is caught and becomes that document's `internal-error`
/// warning; the default hook would also print a full backtrace to stderr for each one
/// (with RUST_BACKTRACE set), burying a batch's output. One line says where it happened.
fn quiet_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let place = info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        eprintln!("newsframe: internal error{place} (the document is skipped with an internal-error warning)");
    }));
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    quiet_panic_hook();
    m.add_class::<Engine>()?;
    m.add_function(wrap_pyfunction!(version, m)?)?;
    m.add("LABELS", Label::ALL.iter().map(|l| l.as_str()).collect::<Vec<_>>())?;
    m.add("EVENT_TYPES", EventType::ALL.map(EventType::as_str).to_vec())?;
    m.add("PLACE_TYPES", PlaceType::ALL.map(PlaceType::as_str).to_vec())?;
    m.add("WARNING_CODES", warn::ALL.to_vec())?;
    // The table contract (src/schema.rs): table -> [(column, dtype name, description)], and
    // table -> what one row stands for. Dicts keep the tables' order.
    let schemas = PyDict::new(m.py());
    let rows = PyDict::new(m.py());
    for t in TABLES {
        let columns: Vec<(&str, &str, &str)> =
            t.columns.iter().map(|c| (c.name, c.dtype.name(), c.description)).collect();
        schemas.set_item(t.name, columns)?;
        rows.set_item(t.name, t.row)?;
    }
    m.add("SCHEMAS", schemas)?;
    m.add("TABLE_ROWS", rows)?;
    Ok(())
}
