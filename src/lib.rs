//! newsframe core: news text → entities, quotes and events.
//!
//! The pipeline reads top to bottom, one module per stage:
//! `normalize` → `segment` → `entities` (+ `dates`, `numbers`) → `resolve` → `quotes` →
//! `events`, driven by `pipeline`. Everything here is plain Rust (no Python); the `python`
//! feature adds the thin pyo3 binding and the polars tables. `schema` declares the four
//! tables' columns, dtypes and meanings once; the tables, the Python layer, the tests and
//! docs/tables.md all follow it.

pub mod context;
pub mod dates;
pub mod entities;
pub mod events;
pub mod language;
pub mod lexicon;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod pipeline;
pub mod quotes;
pub mod resolve;
pub mod schema;
pub mod segment;
pub mod translit;

#[cfg(feature = "python")]
mod python;
#[cfg(feature = "python")]
mod tables;
