//! The behaviour cases of `tests/behaviour/*.jsonl`, run on the Rust core. pytest runs the
//! same file on the installed package (`tests/test_behaviour.py`); the format is in
//! `tests/behaviour/README.md`.

use newsframe::dates;
use newsframe::lexicon::Resources;
use newsframe::model::{DocInput, DocResult, Options};
use newsframe::normalize::SpanMapper;
use newsframe::pipeline::analyze;
use serde_json::{json, Map, Value};
use std::path::PathBuf;

type Row = Map<String, Value>;

fn opt<T: Into<Value>>(v: Option<T>) -> Value {
    v.map_or(Value::Null, Into::into)
}

/// The rows of the four tables, as the Python tables name their columns (the subset the
/// cases use). Mirrors `src/tables.rs`, which needs polars.
fn rows(r: &DocResult) -> Map<String, Value> {
    let map = SpanMapper::new(&r.text, &r.original);
    let document = json!({
        "title": r.title, "language": r.language, "n_chars": r.n_chars, "n_sentences": r.n_sentences,
        "n_entities": r.entities.len(), "n_quotes": r.quotes.len(), "n_events": r.events.len(), "warnings": r.warnings,
    });
    let entities: Vec<Value> = r
        .entities
        .iter()
        .map(|m| {
            json!({
                "text": map.original(m.start, m.end), "label": m.label.as_str(), "canonical": m.canonical,
                "entity_id": m.entity_id, "role": m.role, "country": m.geo.country, "value": m.value,
            })
        })
        .collect();
    let quotes: Vec<Value> = r
        .quotes
        .iter()
        .map(|q| {
            let sp = q.speaker.as_ref();
            // As in tables.rs: the surface from the text, or a pronoun's resolved name.
            let speaker = sp.map(|s| if r.text.get(s.start..s.end) == Some(s.text.as_str()) { map.original(s.start, s.end) } else { s.text.as_str() });
            json!({
                "text": map.original(q.start, q.end), "kind": q.kind.as_str(), "speaker": speaker,
                "speaker_canonical": sp.and_then(|s| s.canonical.clone()), "speaker_entity_id": sp.and_then(|s| s.entity_id.clone()),
                "speaker_span": sp.map(|s| map.original(s.start, s.end)), "cue": q.cue,
                "continues": q.continues,
            })
        })
        .collect();
    let events: Vec<Value> = r
        .events
        .iter()
        .map(|e| {
            json!({
                "trigger": map.original(e.start, e.end), "type": e.event_type.as_str(), "subtype": e.subtype,
                "actor": opt(e.actor.as_ref().map(|a| a.text.clone())), "actor_canonical": opt(e.actor.as_ref().and_then(|a| a.canonical.clone())),
                "target": opt(e.target.as_ref().map(|a| a.text.clone())),
                "location": opt(e.location.as_ref().map(|a| a.canonical.clone().unwrap_or_else(|| a.text.clone()))),
                "date": opt(e.date.map(dates::iso)), "killed": e.killed, "injured": e.injured, "modality": e.modality.as_str(),
                "source": opt(e.source.as_ref().map(|a| a.text.clone())),
            })
        })
        .collect();
    let mut out = Map::new();
    out.insert("documents".into(), Value::Array(vec![document]));
    out.insert("entities".into(), Value::Array(entities));
    out.insert("quotes".into(), Value::Array(quotes));
    out.insert("events".into(), Value::Array(events));
    out
}

/// One condition: `key` equal to `want`, or for `key~` containing it (a string, or any
/// string of a list).
fn holds(row: &Row, key: &str, want: &Value) -> bool {
    match key.strip_suffix('~') {
        Some(col) => {
            let needle = want.as_str().unwrap_or_default();
            match row.get(col) {
                Some(Value::String(s)) => s.contains(needle),
                Some(Value::Array(items)) => items.iter().any(|i| i.as_str().is_some_and(|s| s.contains(needle))),
                _ => false,
            }
        }
        None => {
            assert!(row.contains_key(key), "column {key:?} is not known to the Rust harness");
            row.get(key) == Some(want)
        }
    }
}

fn matches(row: &Value, pattern: &Value) -> bool {
    let (row, pattern) = (row.as_object().unwrap(), pattern.as_object().unwrap());
    pattern.iter().all(|(k, v)| holds(row, k, v))
}

fn run_case(case: &Value, res: &Resources) -> Result<(), String> {
    let text = case["text"].as_str().unwrap();
    let published = case["published"].as_str().map(|d| dates::parse_iso_day(d).expect("published"));
    let r = analyze(&DocInput { text: Some(text), published, title: None }, res, &Options::default());
    let tables = rows(&r);
    let table = |name: &str| tables[name].as_array().unwrap().clone();
    let show = |name: &str| serde_json::to_string_pretty(&tables[name]).unwrap();
    if let Some(counts) = case.get("count").and_then(Value::as_object) {
        for (name, n) in counts {
            if table(name).len() as u64 != n.as_u64().unwrap() {
                return Err(format!("{name}: {} rows, expected {n}\n{}", table(name).len(), show(name)));
            }
        }
    }
    if let Some(expect) = case.get("expect").and_then(Value::as_object) {
        for (name, patterns) in expect {
            for p in patterns.as_array().unwrap() {
                if !table(name).iter().any(|row| matches(row, p)) {
                    return Err(format!("{name}: no row matches {p}\n{}", show(name)));
                }
            }
        }
    }
    if let Some(absent) = case.get("absent").and_then(Value::as_object) {
        for (name, patterns) in absent {
            for p in patterns.as_array().unwrap() {
                if let Some(row) = table(name).iter().find(|row| matches(row, p)) {
                    return Err(format!("{name}: a row matches {p}, which must be absent: {row}"));
                }
            }
        }
    }
    Ok(())
}

#[test]
fn behaviour_cases() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests").join("behaviour");
    let res = Resources::shared();
    let mut failures = Vec::new();
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("jsonl") {
            continue;
        }
        for (line_no, line) in std::fs::read_to_string(&path).unwrap().lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let case: Value =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), line_no + 1));
            n += 1;
            if let Err(why) = run_case(&case, &res) {
                failures.push(format!("{}:{} {:?}: {why}", path.display(), line_no + 1, case["name"]));
            }
        }
    }
    assert!(n > 0, "no cases in {}", dir.display());
    assert!(failures.is_empty(), "{} of {n} cases failed:\n{}", failures.len(), failures.join("\n\n"));
}
