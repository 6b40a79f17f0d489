//! Times the core pipeline (no Python, no tables) over every `.txt` file of a folder:
//! `cargo run --release --example time_pipeline -- DIR [THREADS]`. For profiling the core
//! with `perf record`; the benchmark users see is `bench/bench_speed.py`.

use newsframe::lexicon::Resources;
use newsframe::model::{DocInput, Options};
use newsframe::pipeline::analyze_batch;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let dir = args.get(1).expect("a folder of .txt files");
    let threads: usize = args.get(2).and_then(|t| t.parse().ok()).unwrap_or(1);
    let mut texts: Vec<String> = std::fs::read_dir(dir)
        .expect("folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect();
    texts.sort();
    let res = Resources::shared();
    let inputs: Vec<DocInput> =
        texts.iter().map(|t| DocInput { text: Some(t), published: Some(19_000), title: None }).collect();
    let words: usize = texts.iter().map(|t| t.split_whitespace().count()).sum();
    analyze_batch(&inputs[..inputs.len().min(20)], &res, &Options::default(), Some(threads));
    for _ in 0..3 {
        let t = Instant::now();
        let out = analyze_batch(&inputs, &res, &Options::default(), Some(threads));
        let s = t.elapsed().as_secs_f64();
        println!(
            "{} docs, {words} words, {threads} thread(s): {s:.3} s, {:.0} words/s, {} failures",
            inputs.len(),
            words as f64 / s,
            out.failures.len()
        );
    }
}
