//! Every row the pipeline gives for a JSONL file of documents (`id`, `published`, `text`),
//! in Debug format: `cargo run --release --example dump_pipeline -- DOCS.jsonl [--quiet]`.
//! For speed work: the dump before and after a change must be byte-identical (`cmp`), and
//! `--quiet` runs the same documents once without printing, for callgrind.

mod common;

use newsframe::lexicon::Resources;
use newsframe::model::Options;
use newsframe::pipeline::analyze_batch;
use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).expect("a JSONL file of documents");
    let quiet = args.iter().any(|a| a == "--quiet");
    let docs = common::read(std::io::BufReader::new(std::fs::File::open(path).expect("readable JSONL")));
    let inputs = common::inputs(&docs);
    let out = analyze_batch(&inputs, &Resources::shared(), &Options::default(), Some(1));
    if quiet {
        let rows: usize = out.results.iter().map(|d| d.entities.len() + d.quotes.len() + d.events.len()).sum();
        println!("{} documents, {rows} rows, {} failures", out.results.len(), out.failures.len());
        return;
    }
    let stdout = std::io::stdout();
    let mut w = std::io::BufWriter::new(stdout.lock());
    for (d, doc) in docs.iter().zip(&out.results) {
        let id = &d.id;
        writeln!(
            w,
            "# {id} title={:?} lang={:?} sentences={} warnings={:?}",
            doc.title, doc.language, doc.n_sentences, doc.warnings
        )
        .unwrap();
        for m in &doc.entities {
            writeln!(w, "E {:?} {m:?}", &doc.text[m.start..m.end]).unwrap();
        }
        for q in &doc.quotes {
            writeln!(w, "Q {q:?}").unwrap();
        }
        for e in &doc.events {
            writeln!(w, "V {:?} {e:?}", &doc.text[e.start..e.end]).unwrap();
        }
    }
    for f in &out.failures {
        writeln!(w, "FAILURE {f:?}").unwrap();
    }
}
