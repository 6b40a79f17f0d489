//! Prepares the built-in gazetteer from `data/` at build time, so that a process loads it
//! instead of parsing and building it (start-up was about a billion instructions). Writes to
//! OUT_DIR:
//!
//! - `gazetteer.bin`: entries and keys in the flat layout of `src/lexicon/image.rs`, which
//!   also reads the entity files (one reader for the build and the tests);
//! - `gazetteer.daac` (the serialised automaton over the keys), `gazetteer_next.bin` and
//!   `gazetteer_gate.bin` (`src/lexicon/keyset.rs`);
//! - `spelling.bin`: the spelling index of people and places (`src/lexicon/spelling.rs`).
//!
//! The files under `src/` are included with `#[path]`: they use nothing but `std`,
//! `daachorse` and each other.

use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/lexicon/fold.rs"]
mod fold;
#[path = "src/lexicon/image.rs"]
mod image;
#[allow(dead_code)]
#[path = "src/lexicon/keyset.rs"]
mod keyset;
#[path = "src/lexicon/national.rs"]
mod national;
#[allow(dead_code)]
#[path = "src/lexicon/spelling.rs"]
mod spelling;
#[allow(dead_code, unused_macros, unused_imports)]
#[path = "src/lexicon/tsv.rs"]
mod tsv;

use fold::fold_char;
use spelling::{indexed, SpellingIndex};

fn data_file(dir: &Path, name: &'static str) -> tsv::DataFile {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    tsv::DataFile { name, text: Box::leak(text.into_boxed_str()) }
}

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join("data");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    for f in ["fold", "image", "keyset", "national", "spelling", "tsv"] {
        println!("cargo:rerun-if-changed=src/lexicon/{f}.rs");
    }
    let files = image::Files {
        people: data_file(&dir, "people.tsv"),
        orgs: data_file(&dir, "orgs.tsv"),
        locations: data_file(&dir, "locations.tsv"),
        places: data_file(&dir, "places.tsv"),
        demonyms: data_file(&dir, "demonyms.tsv"),
        extra_keys: data_file(&dir, "extra_keys.tsv"),
    };
    let (entries, keys) = image::read(&files);
    let patterns: Vec<&str> = keys.iter().map(|(k, _)| *k).collect();
    let (automaton, next_same, gate) = keyset::build_automaton(&patterns);
    let names = keys.iter().filter_map(|&(k, e)| {
        let entry = &entries[e as usize];
        let (person, fuzzy) = indexed(entry.kind, entry.country, entry.population)?;
        Some((k, e, person, fuzzy))
    });
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    write("spelling.bin", &SpellingIndex::encode(names));
    write("gazetteer.bin", &image::encode(&entries, &keys));
    write("gazetteer.daac", &automaton.serialize());
    let u32s = |v: &[u32]| v.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>();
    write("gazetteer_next.bin", &u32s(&next_same));
    write("gazetteer_gate.bin", &u32s(gate.words()));
}
