//! Spelling-insensitive keys for names, and the index of built-in people and places by them.
//!
//! The same Ukrainian or Russian name reaches English text through several romanisations
//! and through French, Italian, German or Portuguese translations: Marioupol, Tchernihiv,
//! Lyssytchansk, Charkiw, Synegubov, Shoygu, Zelenskiy. [`spelling_key`] folds the
//! differences that carry no meaning:
//!
//! - accents, apostrophes and soft signs (`Kup'iansk`, `Dnipró`);
//! - `tsch`/`tch` → `ch` (German, French), `ou` → `u` (French), `w` → `v` (German, Polish);
//! - `j` → `y` → `i` (German `Selenskyj`, the -iy/-yi/-yy/-y endings, `Mykola`/`Mikola`);
//! - `ie` → `e` (Ukrainian є as `ie`, Russian е as `e`: Syniehubov/Sinegubov);
//! - `g` → `h` (Russian-based г as `g`, Ukrainian as `h`: Hrytsenko/Gritsenko); `kh`, `zh`,
//!   `sh`, `ch` keep their `h`, so `Kharkiv` never folds into `Harkany`;
//! - doubled letters as one (`Lyssychansk`, `Odessa`);
//! - for places only, a final `e` or `a` (French and Italian endings: `Irpine`); people keep
//!   it, so that `Ivanova` is not `Ivanov`.
//!
//! [`SpellingIndex::find`] then looks a name up among the built-in people and places: the
//! key itself, else — for keys of at least 7 letters — one edit away (a substitution, an
//! insertion, a deletion or two neighbours swapped: `Zelenksy`), when exactly one entry is
//! that close, it starts with the same letter, the edit is not a change of ending
//! (`Mykolaiv`/`Mykolaivka` stay apart) and the place is no village. A person's full name
//! matches when the surname does and the given name is one edit away at most (`Kiril
//! Budanov`).

use super::fold_char;
use super::gazetteer::{Entry, EntryKind};
use std::collections::HashMap;

/// Keys shorter than this are never matched one edit away.
pub const FUZZY_MIN_LETTERS: usize = 7;
/// Countries whose towns come romanised from Cyrillic in many ways; other towns (Genk,
/// Holyoke, Hwange) are matched by their own keys only, or an English surname would become
/// one ("Henke", "Hollioake").
const ROMANISED: &[&str] = &["UA", "RU", "BY", "MD", "GE", "AM", "AZ", "KZ"];
/// A name needs this many letters to be looked up by its spelling key at all ("An", "Co").
const MIN_LETTERS: usize = 5;
/// Places smaller than this are matched by their exact key only (too many near-namesakes).
const FUZZY_MIN_POPULATION: u64 = 10_000;

/// The spelling key of one word; `place` drops a final `e`/`a`.
pub fn spelling_word(word: &str, place: bool) -> String {
    // Index building runs this over ~150,000 keys at the first unknown name: ASCII words
    // (nearly all) skip the char-by-char folding, and a byte scan decides which
    // replacements apply (`str::contains` sets up a substring searcher per call).
    let mut s: String = if word.is_ascii() {
        let bytes: Vec<u8> = word.bytes().filter(u8::is_ascii_alphanumeric).map(|b| b.to_ascii_lowercase()).collect();
        String::from_utf8(bytes).unwrap_or_default()
    } else {
        word.chars().map(fold_char).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
    };
    for (from, to) in [("tsch", "ch"), ("tch", "ch"), ("ou", "u"), ("w", "v"), ("j", "y"), ("y", "i"), ("ie", "e")] {
        if s.as_bytes().windows(from.len()).any(|w| w.iter().eq(from.as_bytes())) {
            s = s.replace(from, to);
        }
    }
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    for c in s.chars() {
        let c = if c == 'g' { 'h' } else { c };
        if prev != Some(c) {
            out.push(c);
        }
        prev = Some(c);
    }
    if place && out.chars().count() > 4 && (out.ends_with('e') || out.ends_with('a')) {
        out.pop();
    }
    out
}

/// The spelling key of a name: its words' keys joined by spaces.
pub fn spelling_key(name: &str, place: bool) -> String {
    let mut out = String::with_capacity(name.len());
    for w in name.split(|c: char| c.is_whitespace() || c == '-').map(|w| spelling_word(w, place)) {
        if !w.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(&w);
        }
    }
    out
}

/// How `a` becomes `b` in one edit, if it does: `None` for more than one edit or none.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Edit {
    Substitution,
    Transposition,
    /// An insertion or deletion at this character position of the longer key.
    Gap(usize),
}

fn one_edit<T: PartialEq>(a: &[T], b: &[T]) -> Option<Edit> {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if long.len() - short.len() > 1 || a == b {
        return None;
    }
    let i = short.iter().zip(long).take_while(|(x, y)| x == y).count();
    if short.len() == long.len() {
        if short[i + 1..] == long[i + 1..] {
            return Some(Edit::Substitution);
        }
        let swapped = i + 1 < short.len() && short[i] == long[i + 1] && short[i + 1] == long[i];
        return (swapped && short[i + 2..] == long[i + 2..]).then_some(Edit::Transposition);
    }
    (short[i..] == long[i + 1..]).then_some(Edit::Gap(i))
}

/// Is `a` at most one edit from `b`, and that edit no change of the ending?
fn near(a: &str, b: &str) -> bool {
    if a.as_bytes().first() != b.as_bytes().first() || a.len().abs_diff(b.len()) > 4 {
        return false;
    }
    // keys are mostly ASCII: compare bytes without collecting characters (this runs over
    // every key of a length bucket for each unknown name)
    if a.is_ascii() && b.is_ascii() {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        return match one_edit(a, b) {
            Some(Edit::Gap(i)) => i + 1 < a.len().max(b.len()),
            Some(_) => true,
            None => false,
        };
    }
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    match one_edit(&a, &b) {
        Some(Edit::Gap(i)) => i + 1 < a.len().max(b.len()),
        Some(_) => true,
        None => false,
    }
}

/// Built-in people and places by spelling key.
#[derive(Default)]
pub struct SpellingIndex {
    /// key → entry; `None` where two entries share the key.
    exact: HashMap<(String, bool), Option<u32>>,
    /// (first letter, length in letters, person) → keys of entries that may be matched one
    /// edit away.
    near: HashMap<(char, usize, bool), Vec<(String, u32)>>,
}

impl SpellingIndex {
    /// Index the keys of the people, countries, regions and cities among `entries`.
    pub fn build(entries: &[Entry], keys: &[String], key_entry: &[u32]) -> SpellingIndex {
        let mut ix = SpellingIndex::default();
        for (key, &e) in keys.iter().zip(key_entry) {
            let entry = &entries[e as usize];
            let person = match entry.kind {
                EntryKind::Person => true,
                EntryKind::Country | EntryKind::Region => false,
                EntryKind::City if entry.geo.country.as_deref().is_some_and(|c| ROMANISED.contains(&c)) => false,
                _ => continue,
            };
            let k = spelling_key(key, !person);
            if k.is_empty() {
                continue;
            }
            let slot = ix.exact.entry((k.clone(), person)).or_insert(Some(e));
            if slot.is_some_and(|x| x != e) {
                *slot = None;
            }
            let fuzzy = person || entry.kind != EntryKind::City || entry.population >= FUZZY_MIN_POPULATION;
            let letters = k.chars().count();
            if fuzzy && letters >= FUZZY_MIN_LETTERS - 1 {
                let first = k.chars().next().unwrap_or(' ');
                ix.near.entry((first, letters, person)).or_default().push((k, e));
            }
        }
        ix
    }

    /// The entry a person's name (`person`) or a place's name stands for, by its spelling.
    pub fn find(&self, name: &str, person: bool) -> Option<u32> {
        let key = spelling_key(name, !person);
        if key.chars().filter(char::is_ascii_alphabetic).count() < MIN_LETTERS {
            return None;
        }
        if let Some(&hit) = self.exact.get(&(key.clone(), person)) {
            return hit;
        }
        let letters = key.chars().count();
        if letters >= FUZZY_MIN_LETTERS {
            if let Some(e) = self.one_near(&key, letters, person, |k| near(&key, k)) {
                return Some(e);
            }
        }
        // "Kiril Budanov": the surname exactly, the given name one edit away.
        if let Some((given, rest)) = key.split_once(' ').filter(|_| person) {
            let rest = format!(" {rest}");
            let g = chars(given);
            let first = given.chars().next()?;
            let candidates = (letters.saturating_sub(1)..=letters + 1)
                .filter_map(|l| self.near.get(&(first, l, true)))
                .flatten()
                .filter(|(k, _)| {
                    k.strip_suffix(rest.as_str())
                        .is_some_and(|kg| kg.chars().count() >= 3 && one_edit(&chars(kg), &g).is_some())
                })
                .map(|(_, e)| *e);
            return unique(candidates);
        }
        None
    }

    fn one_near(&self, key: &str, letters: usize, person: bool, ok: impl Fn(&str) -> bool) -> Option<u32> {
        let first = key.chars().next()?;
        let candidates = (letters - 1..=letters + 1)
            .filter_map(|l| self.near.get(&(first, l, person)))
            .flatten()
            .filter(|(k, _)| ok(k))
            .map(|(_, e)| *e);
        unique(candidates)
    }
}

fn chars(s: &str) -> Vec<char> {
    s.chars().collect()
}

/// The one entry all candidates name, if there is exactly one.
fn unique(mut entries: impl Iterator<Item = u32>) -> Option<u32> {
    let first = entries.next()?;
    entries.all(|e| e == first).then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanisations_fold_to_one_key() {
        // (one spelling, another, place?)
        let same = [
            ("Marioupol", "Mariupol", true),
            ("Tchernihiv", "Chernihiv", true),
            ("Lyssytchansk", "Lysychansk", true),
            ("Charkiw", "Charkiv", true),
            ("Odessa", "Odesa", true),
            ("Irpine", "Irpin", true),
            ("Kup'iansk", "Kupiansk", true),
            ("Synegubov", "Syniehubov", false),
            ("Shoygu", "Shoigu", false),
            ("Gritsenko", "Hrytsenko", false),
            ("Zelenskiy", "Zelensky", false),
            ("Zelenskyi", "Zelenskyy", false),
            ("Selenskyj", "Selensky", false),
            ("Volodimir", "Volodymyr", false),
        ];
        for (a, b, place) in same {
            assert_eq!(spelling_key(a, place), spelling_key(b, place), "{a} / {b}");
        }
        let apart = [
            ("Kharkiv", "Harkany", true),
            ("Kherson", "Herson", true),
            ("Mykolaiv", "Mykolaivka", true),
            ("Ivanova", "Ivanov", false),
            ("Zhytomyr", "Hytomyr", true),
        ];
        for (a, b, place) in apart {
            assert_ne!(spelling_key(a, place), spelling_key(b, place), "{a} / {b}");
        }
    }

    #[test]
    fn one_edit_but_not_a_new_ending() {
        assert!(near("zelenksi", "zelenski")); // swapped neighbours
        assert!(near("kharkov", "kharkiv")); // substitution
        assert!(near("zaporizia", "zaporizhia")); // a letter left out inside
        assert!(!near("mikolaiv", "mikolaivk")); // a new ending
        assert!(!near("kherson", "herson")); // another first letter
        assert!(!near("kramatorsk", "kramatorskii")); // two edits
    }
}
