//! Prepares the built-in gazetteer's automaton from `data/` at build time, so that a process
//! loads it instead of building it (see `src/lexicon/keyset.rs`). Writes to OUT_DIR:
//! `gazetteer_keys.txt` (the distinct keys, one a line, in the order the gazetteer numbers
//! them), `gazetteer.daac` (the serialised automaton) and `gazetteer_next.bin`.
//!
//! The key order mirrors `GazetteerBuilder` (people, organisations, named locations,
//! populated places, nationalities, extra keys; the first claim of a key wins; keys of one
//! character are dropped). At start-up the gazetteer compares its own key list with
//! `gazetteer_keys.txt` and builds the automaton itself if they differ, so a change of the
//! rules on one side costs speed, never matches; `cargo test` fails on such a difference
//! (`lexicon::tests::the_prepared_automaton_is_used`).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

#[allow(dead_code)]
#[path = "src/lexicon/keyset.rs"]
mod keyset;
#[allow(dead_code, unused_macros, unused_imports)]
#[path = "src/lexicon/tsv.rs"]
mod tsv;

fn data_file(dir: &Path, name: &'static str) -> tsv::DataFile {
    let path = dir.join(name);
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    tsv::DataFile { name, text: Box::leak(text.into_boxed_str()) }
}

fn aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// The gazetteer's keys in `GazetteerBuilder`'s order, before removing repeats.
fn raw_keys(dir: &Path) -> Vec<&'static str> {
    let mut keys = Vec::new();
    let mut ids: HashSet<&str> = HashSet::new();
    for name in ["people.tsv", "orgs.tsv", "locations.tsv"] {
        for [key, more, id] in data_file(dir, name).rows(["name", "aliases", "id"]) {
            keys.push(key);
            keys.extend(aliases(more));
            ids.insert(id);
        }
    }
    for [key, more, id] in data_file(dir, "places.tsv").rows(["name", "aliases", "id"]) {
        match more.strip_prefix('!') {
            Some(rest) => keys.extend(aliases(rest)),
            None => {
                keys.push(key);
                keys.extend(aliases(more));
            }
        }
        ids.insert(id);
    }
    keys.extend(data_file(dir, "demonyms.tsv").rows(["surface"]).map(|[s]| s));
    let extra = data_file(dir, "extra_keys.tsv");
    keys.extend(extra.rows(["key", "id"]).filter(|[_, id]| ids.contains(id)).map(|[k, _]| k));
    keys
}

fn main() {
    let dir = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("CARGO_MANIFEST_DIR")).join("data");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("OUT_DIR"));
    println!("cargo:rerun-if-changed=src/lexicon/keyset.rs");
    println!("cargo:rerun-if-changed=src/lexicon/tsv.rs");
    let mut seen = HashSet::new();
    let keys: Vec<&str> = raw_keys(&dir).into_iter().filter(|k| k.chars().count() >= 2 && seen.insert(*k)).collect();
    let (automaton, next_same) = keyset::build_automaton(&keys);
    let write = |name: &str, bytes: &[u8]| {
        std::fs::write(out.join(name), bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
    };
    write("gazetteer_keys.txt", keys.join("\n").as_bytes());
    write("gazetteer.daac", &automaton.serialize());
    write("gazetteer_next.bin", &next_same.iter().flat_map(|v| v.to_le_bytes()).collect::<Vec<u8>>());
}
