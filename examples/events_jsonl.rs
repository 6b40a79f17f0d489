//! The events of a JSONL file of documents (`id`, `published`, `text`), one JSON line per
//! event with the columns the war-article scorer reads: `cargo run --release --example
//! events_jsonl < docs.jsonl`. For iterating on event rules without building the Python
//! extension; `bench/eval_war_articles.py --core` runs it.

use newsframe::dates::{iso, parse_iso_day};
use newsframe::lexicon::Resources;
use newsframe::model::{DocInput, Options};
use newsframe::pipeline::analyze_batch;
use serde_json::{json, Value};
use std::io::BufRead;

fn main() {
    let docs: Vec<Value> = std::io::stdin()
        .lock()
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str(&l).expect("a JSON object per line"))
        .collect();
    let field = |d: &Value, k: &str| d.get(k).and_then(Value::as_str).unwrap_or("").to_string();
    let texts: Vec<(String, String, String)> =
        docs.iter().map(|d| (field(d, "id"), field(d, "published"), field(d, "text"))).collect();
    let inputs: Vec<DocInput> = texts
        .iter()
        .map(|(_, published, text)| DocInput { text: Some(text), published: parse_iso_day(published), title: None })
        .collect();
    let out = analyze_batch(&inputs, &Resources::shared(), &Options::default(), Some(1));
    for ((id, _, _), doc) in texts.iter().zip(&out.results) {
        for e in &doc.events {
            let row = json!({
                "doc_id": id,
                "trigger": &doc.text[e.start..e.end],
                "type": e.event_type.as_str(),
                "location": e.location.as_ref().map(|l| l.canonical.as_ref().unwrap_or(&l.text)),
                "date": e.date.map(iso),
                "actor": e.actor.as_ref().map(|a| &a.text),
                "actor_canonical": e.actor.as_ref().and_then(|a| a.canonical.as_ref()),
                "killed": e.killed,
                "injured": e.injured,
                "aggregate": e.aggregate,
                "approximate": e.approximate,
                "modality": e.modality.as_str(),
            });
            println!("{row}");
        }
    }
}
