//! The gazetteer's automaton, shared by the crate and by `build.rs` (which includes this
//! file with `#[path]`, so it uses nothing but `std` and `daachorse`).
//!
//! Keys match ASCII-case-insensitively ("KYIV" finds the key "Kyiv"; the gazetteer then
//! checks which case it accepts). The automaton is a double-array Aho-Corasick
//! (`daachorse`) over the keys' ASCII-lowercase forms, searched in the ASCII-lowercased
//! text (same byte offsets): each form is one pattern whose value is the first key of that
//! form, and `next_same` chains the other keys of the same form in key order. The built-in
//! gazetteer's automaton is made by `build.rs` from `data/` and loaded at start-up instead
//! of being built (building it cost about 2.3 billion instructions, two thirds of
//! start-up).

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// No further key in a `next_same` chain.
pub const NO_KEY: u32 = u32::MAX;

/// The automaton over `keys` (distinct strings) and, per key, the next key with the same
/// ASCII-lowercase form.
pub fn build_automaton<S: AsRef<str>>(keys: &[S]) -> (DoubleArrayAhoCorasick<u32>, Vec<u32>) {
    let mut next_same = vec![NO_KEY; keys.len()];
    let mut last_of_form: HashMap<String, u32> = HashMap::with_capacity(keys.len());
    let mut patterns: Vec<(String, u32)> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let form = k.as_ref().to_ascii_lowercase();
        match last_of_form.get_mut(&form) {
            Some(last) => {
                next_same[*last as usize] = i as u32;
                *last = i as u32;
            }
            None => {
                last_of_form.insert(form.clone(), i as u32);
                patterns.push((form, i as u32));
            }
        }
    }
    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build_with_values(patterns)
        .expect("gazetteer automaton");
    (automaton, next_same)
}

/// `next_same` from the little-endian bytes `build.rs` wrote.
pub fn decode_u32s(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}
