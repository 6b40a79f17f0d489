//! The quotes of a JSONL file of documents (`id`, `published`, `text`), one JSON line per
//! quote row with the columns of the Python quotes table (offsets in code points, texts
//! sliced from the original, filled as `tables.rs` fills them): `cargo run --release
//! --example quotes_jsonl < docs.jsonl`. For iterating on quote rules without building the
//! Python extension; `bench/eval_quotes.py --core` and `bench/eval_war_quotes.py --core`
//! run it.

mod common;

use newsframe::lexicon::Resources;
use newsframe::model::Options;
use newsframe::normalize::SpanMapper;
use newsframe::pipeline::analyze_batch;
use serde_json::json;

fn main() {
    let docs = common::read(std::io::stdin().lock());
    let opts = Options { entities: false, events: false, ..Options::default() };
    let out = analyze_batch(&common::inputs(&docs), &Resources::shared(), &opts, None);
    for (d, r) in docs.iter().zip(&out.results) {
        let map = SpanMapper::new(&r.text, &r.original);
        for (qi, q) in r.quotes.iter().enumerate() {
            let (start, end) = map.chars(q.start, q.end);
            let sp = q.speaker.as_ref();
            // As in the table: the speaker's surface from the original text unless it was
            // resolved from a pronoun (then the antecedent's name).
            let speaker = sp.map(|s| {
                if r.text.get(s.start..s.end) == Some(s.text.as_str()) {
                    map.original(s.start, s.end)
                } else {
                    s.text.as_str()
                }
            });
            let span = sp.map(|s| map.chars(s.start, s.end));
            let row = json!({
                "doc_id": d.id,
                "quote_id": qi,
                "sentence": q.sentence,
                "start": start,
                "end": end,
                "text": map.original(q.start, q.end),
                "kind": q.kind.as_str(),
                "speaker": speaker,
                "speaker_canonical": sp.and_then(|s| s.canonical.as_deref()),
                "speaker_entity_id": sp.and_then(|s| s.entity_id.as_deref()),
                "speaker_label": sp.and_then(|s| s.label.map(|l| l.as_str())),
                "speaker_start": span.map(|x| x.0),
                "speaker_end": span.map(|x| x.1),
                "cue": q.cue.as_deref(),
                "confidence": q.confidence,
                "continues": q.continues,
            });
            println!("{row}");
        }
    }
}
