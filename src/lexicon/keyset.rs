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
//! [`mark_words`]ed: a mark byte (never in UTF-8) goes before every character that follows
//! no letter or digit. Every pattern begins with [`WORD_START`], so a hit starts where a
//! word starts; inside a word the automaton stays at its root (one lookup in a dense table)
//! instead of walking the deep, cache-missing states of every key that ends with the
//! word's last letters. The mark is [`WORD_START`] only when the word may begin a key (its
//! letters and digits up to the next other character pass the [`Gate`]), [`OTHER_START`]
//! otherwise: the automaton then walks from 40 % of the words instead of all. Both marks
//! depend on the word alone, so a key's inner words are marked in the text as in the key.
//!
//! The built-in gazetteer's automaton is made by `build.rs` from `data/` and loaded at
//! start-up instead of being built (building it cost about 2.3 billion instructions, two
//! thirds of start-up).

use daachorse::{DoubleArrayAhoCorasick, DoubleArrayAhoCorasickBuilder, MatchKind};
use std::collections::HashMap;

/// No further key in a `next_same` chain.
pub const NO_KEY: u32 = u32::MAX;

/// The automaton over `keys` (distinct strings), per key the next key with the same
/// ASCII-lowercase form, and the gate of the words that begin a key.
pub fn build_automaton<S: AsRef<str>>(keys: &[S]) -> (DoubleArrayAhoCorasick<u32>, Vec<u32>, Gate) {
    let mut next_same = vec![NO_KEY; keys.len()];
    let mut last_of_form: HashMap<String, u32> = HashMap::with_capacity(keys.len());
    let mut forms: Vec<(String, u32)> = Vec::with_capacity(keys.len());
    for (i, k) in keys.iter().enumerate() {
        let form = k.as_ref().to_ascii_lowercase();
        match last_of_form.get_mut(&form) {
            Some(last) => {
                next_same[*last as usize] = i as u32;
                *last = i as u32;
            }
            None => {
                last_of_form.insert(form.clone(), i as u32);
                forms.push((form, i as u32));
            }
        }
    }
    let gate = Gate::of_forms(forms.iter().map(|(f, _)| f.as_str()));
    let patterns = forms.into_iter().map(|(form, key)| {
        let mut marked = Vec::with_capacity(form.len() + 2);
        mark_words(&form, &gate, &mut marked, &mut Vec::new());
        (marked, key)
    });
    let automaton = DoubleArrayAhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .build_with_values(patterns)
        .expect("gazetteer automaton");
    (automaton, next_same, gate)
}

/// The bits of a [`Gate`]: 2^21 (256 KB), two set per first word of a key.
const GATE_BITS: usize = 1 << 21;

/// The words that may begin a key: a bit set (a Bloom filter) of the keys' first words,
/// their letters and digits up to the first other character ([`word_hash`]). A word not
/// in it begins no key; one in it may (about 1 in 70 words that begin none pass too).
pub struct Gate {
    bits: Vec<u32>,
}

impl Gate {
    fn of_forms<'a>(forms: impl Iterator<Item = &'a str>) -> Gate {
        let mut bits = vec![0u32; GATE_BITS / 32];
        for f in forms {
            for b in Gate::bits_of(word_hash(f, 0)) {
                bits[b / 32] |= 1 << (b % 32);
            }
        }
        Gate { bits }
    }

    fn bits_of(h: u64) -> [usize; 2] {
        [h as usize % GATE_BITS, (h >> 32) as usize % GATE_BITS]
    }

    fn passes(&self, h: u64) -> bool {
        Gate::bits_of(h).iter().all(|&b| self.bits[b / 32] & (1 << (b % 32)) != 0)
    }

    /// The gate as `build.rs` writes it ([`decode_u32s`] reads it back).
    #[allow(dead_code)] // (the crate reads the gate; only build.rs writes one)
    pub fn words(&self) -> &[u32] {
        &self.bits
    }

    pub fn from_words(bits: Vec<u32>) -> Gate {
        assert_eq!(bits.len(), GATE_BITS / 32, "a gate of {GATE_BITS} bits");
        Gate { bits }
    }
}

/// FNV-1a over the ASCII-lowercase bytes of the letters and digits of `text` from byte
/// `at` (a char boundary) up to the first other character.
fn word_hash(text: &str, at: usize) -> u64 {
    let bytes = text.as_bytes();
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = at;
    while i < bytes.len() {
        let n = match bytes[i] {
            b if b.is_ascii_alphanumeric() => 1,
            b if b.is_ascii() => break,
            _ => match text[i..].chars().next() {
                Some(c) if c.is_alphanumeric() => c.len_utf8(),
                _ => break,
            },
        };
        for &b in &bytes[i..i + n] {
            h = (h ^ u64::from(b.to_ascii_lowercase())).wrapping_mul(0x0100_0000_01b3);
        }
        i += n;
    }
    h
}

/// Before each character that follows no letter or digit (or starts the text), when the
/// word there may begin a key ([`Gate`]).
pub const WORD_START: u8 = 0xFF;
/// Before each other such character.
pub const OTHER_START: u8 = 0xFE;

/// `text` ASCII-lowercased into `out` with a mark ([`WORD_START`] or [`OTHER_START`], by
/// `gate`) before every character that follows no letter or digit; `marks` gets each mark's
/// offset in `out`. A byte of `text` at offset `i` is at `i` plus the number of marks
/// before it in `out`.
pub fn mark_words(text: &str, gate: &Gate, out: &mut Vec<u8>, marks: &mut Vec<u32>) {
    out.reserve(text.len() + text.len() / 4 + 1);
    let bytes = text.as_bytes();
    let mut after_alnum = false;
    let mut i = 0;
    while i < bytes.len() {
        if !after_alnum {
            marks.push(out.len() as u32);
            out.push(if gate.passes(word_hash(text, i)) { WORD_START } else { OTHER_START });
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
