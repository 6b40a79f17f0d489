//! The entity mentions of a JSONL file of documents (`id`, `published`, `text`), one JSON
//! line per mention with its span, label, canonical name, id and point: `cargo run --release
//! --example entities_jsonl < docs.jsonl`. For iterating on name and place rules without
//! building the Python extension; `bench/eval_geocoding.py --core` runs it.

use newsframe::dates::parse_iso_day;
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
        for m in &doc.entities {
            let row = json!({
                "doc_id": id,
                // code-point offsets, as the Python table gives them
                "start": doc.text[..m.start].chars().count(),
                "end": doc.text[..m.end].chars().count(),
                "text": &doc.text[m.start..m.end],
                "label": format!("{:?}", m.label),
                "canonical": m.canonical,
                "entity_id": m.entity_id,
                "country": m.geo.country,
                "lat": m.geo.lat,
                "lon": m.geo.lon,
            });
            println!("{row}");
        }
    }
}
