//! The events of a JSONL file of documents (`id`, `published`, `text`), one JSON line per
//! event with the columns the war-article scorer reads: `cargo run --release --example
//! events_jsonl < docs.jsonl`. For iterating on event rules without building the Python
//! extension; `bench/eval_war_articles.py --core` runs it.

mod common;

use newsframe::dates::iso;
use newsframe::lexicon::Resources;
use newsframe::model::Options;
use newsframe::pipeline::analyze_batch;
use serde_json::json;

fn main() {
    let docs = common::read(std::io::stdin().lock());
    let out = analyze_batch(&common::inputs(&docs), &Resources::shared(), &Options::default(), Some(1));
    for (d, doc) in docs.iter().zip(&out.results) {
        for e in &doc.events {
            // the document's names for the event's place (the CASE scorer accepts any of them)
            let place_id = e.location.as_ref().and_then(|l| l.entity_id.as_deref());
            let surfaces: Vec<&str> = doc
                .entities
                .iter()
                .filter(|m| place_id.is_some() && m.entity_id.as_deref() == place_id)
                .map(|m| &doc.text[m.start..m.end])
                .collect();
            let row = json!({
                "doc_id": d.id,
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
                "location_entity_id": place_id,
                "location_surfaces": surfaces,
                "location_source": e.location_source,
                "date_source": e.date_source,
            });
            println!("{row}");
        }
    }
}
