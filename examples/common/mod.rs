//! Reading a JSONL file of documents (`id`, `published`, `text`), shared by the
//! `*_jsonl` examples that the bench scorers run with `--core`, and by `dump_pipeline`.

use newsframe::dates::parse_iso_day;
use newsframe::model::DocInput;
use serde_json::Value;
use std::io::BufRead;

/// One document of the input: its id, publication day as written, and text.
pub struct JsonDoc {
    pub id: String,
    pub published: String,
    pub text: String,
}

/// Every non-blank line of `input` as a document; a missing field reads as empty.
pub fn read(input: impl BufRead) -> Vec<JsonDoc> {
    input
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let d: Value = serde_json::from_str(&l).expect("a JSON object per line");
            let field = |k: &str| match d.get(k) {
                Some(Value::String(s)) => s.clone(),
                Some(Value::Number(n)) => n.to_string(),
                _ => String::new(),
            };
            JsonDoc { id: field("id"), published: field("published"), text: field("text") }
        })
        .collect()
}

/// The pipeline's inputs for `docs` (no title given, as from a table without one).
pub fn inputs(docs: &[JsonDoc]) -> Vec<DocInput<'_>> {
    docs.iter().map(|d| DocInput { text: Some(&d.text), published: parse_iso_day(&d.published), title: None }).collect()
}
