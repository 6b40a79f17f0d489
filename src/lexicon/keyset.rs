//! The gazetteer's automaton, shared by the crate and by `build.rs` (which includes this
//! file with `#[path]`, so it uses nothing but `std` and `daachorse`).
//!
//! Keys match ASCII-case-insensitively ("KYIV" finds the key "Kyiv"; the gazetteer then
//! checks which case it accepts). The automaton is a double-array Aho-Corasick
//! (`daachorse`) over the keys' ASCII-lowercase forms, searched in the ASCII-lowercased
//! text: each form is one pattern whose value is the first key of that form, and
//! `next_same` chains the other keys of the same form in key order.
//!
//! Only hits that start a word are wanted, so both the forms and the text are
//! [`mark_words`]ed: a [`WORD_START`] byte (never in UTF-8) goes before every character that
//! follows no letter or digit. A pattern then begins with that byte and can only match
//! where a word starts; inside a word the automaton stays at its root (one lookup in a
//! dense table) instead of walking the deep, cache-missing states of every key that ends
//! with the word's last letters (the gazetteer's search took 4 % less time of the whole
//! pipeline on PolNeAR train). The built-in
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
    let mut patterns: Vec<(Vec<u8>, u32)> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let form = k.as_ref().to_ascii_lowercase();
        match last_of_form.get_mut(&form) {
            Some(last) => {
                next_same[*last as usize] = i as u32;
                *last = i as u32;
            }
            None => {
                last_of_form.insert(form.clone(), i as u32);
                let mut marked = Vec::with_capacity(form.len() + 2);
                mark_words(&form, &mut marked, &mut Vec::new());
                patterns.push((marked, i as u32));
            }
        }
    }
    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build_with_values(patterns)
        .expect("gazetteer automaton");
    (automaton, next_same)
}

/// Before each character of `text` that follows no letter or digit (or starts it).
pub const WORD_START: u8 = 0xFF;

/// `text` ASCII-lowercased into `out` with a [`WORD_START`] before every character that
/// follows no letter or digit; `marks` gets each such byte's offset in `out`. A byte of
/// `text` at offset `i` is at `i` plus the number of marks before it in `out`.
pub fn mark_words(text: &str, out: &mut Vec<u8>, marks: &mut Vec<u32>) {
    out.reserve(text.len() + text.len() / 4 + 1);
    let bytes = text.as_bytes();
    let mut after_alnum = false;
    let mut i = 0;
    while i < bytes.len() {
        if !after_alnum {
            marks.push(out.len() as u32);
            out.push(WORD_START);
        }
        let b = bytes[i];
        if b.is_ascii() {
            out.push(b.to_ascii_lowercase());
            after_alnum = b.is_ascii_alphanumeric();
            i += 1;
        } else {
            let c = text[i..].chars().next().expect("a character at a char boundary");
            out.extend_from_slice(&bytes[i..i + c.len_utf8()]);
            after_alnum = c.is_alphanumeric();
            i += c.len_utf8();
        }
    }
}

/// `next_same` from the little-endian bytes `build.rs` wrote.
pub fn decode_u32s(bytes: &[u8]) -> Vec<u32> {
    bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect()
}
