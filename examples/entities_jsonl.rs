//! The entity mentions of a JSONL file of documents (`id`, `published`, `text`), one JSON
//! line per mention with its span, label, canonical name, id and point: `cargo run --release
//! --example entities_jsonl < docs.jsonl`. For iterating on name and place rules without
//! building the Python extension; `bench/eval_geocoding.py --core` runs it.

mod common;

use newsframe::lexicon::Resources;
use newsframe::model::Options;
use newsframe::pipeline::analyze_batch;
use serde_json::json;

fn main() {
    let docs = common::read(std::io::stdin().lock());
    let out = analyze_batch(&common::inputs(&docs), &Resources::shared(), &Options::default(), Some(1));
    for (d, doc) in docs.iter().zip(&out.results) {
        for m in &doc.entities {
            let row = json!({
                "doc_id": d.id,
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
