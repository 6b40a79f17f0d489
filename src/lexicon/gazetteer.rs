//! The gazetteer: every entity name of the data files (people, organisations, locations,
//! places, nationalities) and one Aho-Corasick automaton over all their keys.

pub use super::image::EntryKind;
use super::image::{self, Place, RawEntry};
use super::keyset::{self, NO_KEY};
use super::slug;
use super::spelling::{indexed, SpellingIndex};
use crate::model::{Geo, Label, Mention, MentionSource, PlaceType};
use daachorse::DoubleArrayAhoCorasick;
use std::borrow::Cow;
use std::collections::HashSet;
use std::sync::OnceLock;

#[derive(Debug, Clone)]
pub struct Entry {
    pub label: Label,
    pub kind: EntryKind,
    /// The built-in entries' strings borrow from the image `build.rs` prepared.
    pub canonical: Cow<'static, str>,
    pub id: Cow<'static, str>,
    pub geo: Geo,
    pub population: u64,
    /// Best-known title of a person (for reference only: the table's role comes from the text).
    pub role: Option<&'static str>,
    /// Whom a person acts for in office: a country code or an organisation id.
    pub acts_for: Option<&'static str>,
}

impl Entry {
    /// A mention of this entry at `start..end` of sentence `sentence`.
    pub fn mention(&self, start: usize, end: usize, sentence: u32, source: MentionSource) -> Mention {
        Mention {
            start,
            end,
            sentence,
            label: self.label,
            canonical: Some(self.canonical.to_string()),
            entity_id: Some(self.id.to_string()),
            role: None,
            geo: self.geo.clone(),
            value: None,
            source,
        }
    }
}

/// All entity names: entries and one automaton over their surface keys.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// key index → entry index (the built-in keys borrow their text from the image)
    keys: Vec<Cow<'static, str>>,
    key_entry: Vec<u32>,
    /// Over the keys' ASCII-lowercase forms ([`keyset`]); a match's value is a key index.
    automaton: DoubleArrayAhoCorasick<u32>,
    /// key index → the next key with the same ASCII-lowercase form, or [`NO_KEY`].
    next_same: Vec<u32>,
    /// The words that may begin a key, for marking a text as the keys are.
    gate: keyset::Gate,
    /// Whether the automaton was loaded from the one `build.rs` prepared.
    pub prepared: bool,
    /// The people and places by spelling key ([`super::spelling`]), built when first asked
    /// for ([`Gazetteer::spelling`]).
    spelling: OnceLock<SpellingIndex>,
    /// The spelling index `build.rs` prepared (the built-in gazetteer's).
    prepared_spelling: Option<&'static [u8]>,
    /// Keys match in any case (a user gazetteer built with `case_sensitive=False`).
    pub(super) any_case: bool,
    /// The towns by a hash of their lowercase name ([`Gazetteer::towns_named`]).
    namesakes: OnceLock<Vec<(u64, u32)>>,
}

/// The built-in gazetteer as `build.rs` made it from `data/` ([`image`]).
mod prepared {
    pub const ENTRIES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.bin"));
    pub const AUTOMATON: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.daac"));
    pub const NEXT_SAME: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_next.bin"));
    pub const GATE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_gate.bin"));
    pub const SPELLING: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/spelling.bin"));
}

/// One lexicon hit in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexMatch {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

impl Gazetteer {
    /// Build from (surface key, entry) pairs; several keys may share an entry.
    pub fn build(entries: Vec<Entry>, keys: Vec<(String, u32)>) -> Gazetteer {
        // Deduplicate keys: the first entry that claimed a key keeps it (callers order the
        // sources by priority).
        let keep: Vec<bool> = {
            let mut seen: HashSet<&str> = HashSet::with_capacity(keys.len());
            keys.iter().map(|(k, _)| k.chars().nth(1).is_some() && seen.insert(k.as_str())).collect()
        };
        let mut pats = Vec::with_capacity(keys.len());
        let mut key_entry = Vec::with_capacity(keys.len());
        for ((k, e), keep) in keys.into_iter().zip(keep) {
            if keep {
                pats.push(Cow::Owned(k));
                key_entry.push(e);
            }
        }
        let (automaton, next_same, gate) = keyset::build_automaton(&pats);
        Gazetteer::assemble(entries, pats, key_entry, (automaton, next_same, gate))
    }

    fn assemble(
        entries: Vec<Entry>,
        keys: Vec<Cow<'static, str>>,
        key_entry: Vec<u32>,
        (automaton, next_same, gate): (DoubleArrayAhoCorasick<u32>, Vec<u32>, keyset::Gate),
    ) -> Gazetteer {
        let (prepared, prepared_spelling, spelling) = (false, None, OnceLock::new());
        Gazetteer {
            entries,
            keys,
            key_entry,
            automaton,
            next_same,
            gate,
            prepared,
            spelling,
            prepared_spelling,
            any_case: false,
            namesakes: OnceLock::new(),
        }
    }

    /// The built-in gazetteer, read from what `build.rs` prepared: no text is parsed and no
    /// automaton or index is built.
    pub(super) fn builtin() -> Gazetteer {
        let mut r = image::Reader::new(prepared::ENTRIES);
        // Labels repeat from one entry to the next: parse each run's once.
        let mut last: Option<(&str, Label)> = None;
        let mut label_of = |s: &'static str| match last {
            Some((l, label)) if l == s => label,
            _ => {
                let label = Label::parse(s).unwrap_or_else(|| panic!("data: unknown label {s:?}"));
                last = Some((s, label));
                label
            }
        };
        let entries = (0..r.u32())
            .map(|_| {
                let raw = r.entry();
                entry_of(label_of(raw.label), raw)
            })
            .collect();
        let (keys, key_entry) = (0..r.u32()).map(|_| r.key()).map(|(k, e)| (Cow::Borrowed(k), e)).unzip();
        let (automaton, _) =
            DoubleArrayAhoCorasick::<u32>::deserialize(prepared::AUTOMATON).expect("the automaton build.rs wrote");
        let next_same = keyset::decode_u32s(prepared::NEXT_SAME);
        let gate = keyset::Gate::from_words(keyset::decode_u32s(prepared::GATE));
        let mut g = Gazetteer::assemble(entries, keys, key_entry, (automaton, next_same, gate));
        g.prepared = true;
        g.prepared_spelling = Some(prepared::SPELLING);
        g
    }

    /// The towns (cities and villages) whose name is `name` (any case), in entry order: the
    /// gazetteer's key gives one of them, and the document's other places choose among
    /// them ([`crate::resolve`]). Indexed on first use by a hash of the lowercase name (a
    /// sorted list of 40,000 pairs, built in a few milliseconds with no string allocated:
    /// the first document of a process pays it).
    pub fn towns_named(&self, name: &str) -> Vec<u32> {
        let index = self.namesakes.get_or_init(|| {
            let mut index: Vec<(u64, u32)> = self
                .entries
                .iter()
                .enumerate()
                .filter(|(_, e)| matches!(e.geo.place_type, Some(PlaceType::City | PlaceType::Village)))
                .filter(|(_, e)| e.geo.lat.is_some())
                .map(|(i, e)| (lowercase_hash(&e.canonical), i as u32))
                .collect();
            index.sort_unstable();
            index
        });
        let h = lowercase_hash(name);
        let from = index.partition_point(|&(k, _)| k < h);
        let mut towns: Vec<u32> = index[from..]
            .iter()
            .take_while(|&&(k, _)| k == h)
            .map(|&(_, i)| i)
            .filter(|&i| same_lowercase(&self.entries[i as usize].canonical, name))
            .collect();
        towns.sort_unstable();
        towns
    }

    /// The people and places by spelling key: the built-in gazetteer's as prepared, another
    /// gazetteer's indexed on first use.
    pub fn spelling(&self) -> &SpellingIndex {
        self.spelling.get_or_init(|| {
            SpellingIndex::from_bytes(match self.prepared_spelling {
                Some(bytes) => Cow::Borrowed(bytes),
                None => Cow::Owned(SpellingIndex::encode(self.spelling_names())),
            })
        })
    }

    /// (key, entry, person, fuzzy) of the keys the spelling index holds ([`indexed`]).
    fn spelling_names(&self) -> impl Iterator<Item = (&str, u32, bool, bool)> {
        self.keys.iter().zip(&self.key_entry).filter_map(|(k, &e)| {
            let entry = &self.entries[e as usize];
            let (person, fuzzy) = indexed(entry.kind, entry.geo.country.as_deref().unwrap_or(""), entry.population)?;
            Some((k.as_ref(), e, person, fuzzy))
        })
    }

    /// Longest hits on word boundaries, left to right, never overlapping. Keys match in their
    /// own case, or in capitals when the text is capitalised ("KYIV, Sept 13").
    ///
    /// The automaton reports every key occurrence (overlapping search), so a rejected long
    /// hit ("Kyiv region" against the text "Kyiv Region police") still lets a shorter or
    /// differently-cased key at the same place win ("Kyiv Region", or "Kyiv").
    pub fn find(&self, text: &str) -> Vec<LexMatch> {
        let mut candidates: Vec<LexMatch> = Vec::new();
        // The text marked as the keys are ([`keyset`]): a hit starts at a word start.
        let mut marked = Vec::with_capacity(text.len() + text.len() / 4 + 1);
        let mut marks = Vec::new();
        keyset::mark_words(text, &self.gate, &mut marked, &mut marks);
        // The text's offset of `at` in `marked`, where `at` is no mark.
        let unmarked = |at: usize| at - marks.partition_point(|&m| (m as usize) < at);
        for m in self.automaton.find_overlapping_iter(&marked) {
            // The hit starts with its mark, which stands before the text's byte `s`.
            let (s, e) = (unmarked(m.start() + 1), unmarked(m.end()));
            if text[e..].chars().next().is_some_and(char::is_alphanumeric) {
                continue;
            }
            // Every key of this form, in key order (the order of a case-insensitive search).
            let mut key_id = m.value();
            while key_id != NO_KEY {
                if self.case_ok(key_id as usize, &text[s..e]) {
                    candidates.push(LexMatch { start: s, end: e, entry: self.key_entry[key_id as usize] });
                }
                key_id = self.next_same[key_id as usize];
            }
        }
        // Leftmost first, then longest; an exact-case key before a capitals-only match.
        candidates.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
        let mut out: Vec<LexMatch> = Vec::with_capacity(candidates.len());
        for m in candidates {
            if out.last().map_or(true, |last| m.start >= last.end) {
                out.push(m);
            }
        }
        out
    }

    fn case_ok(&self, key_id: usize, surface: &str) -> bool {
        let pat = self.pattern(key_id);
        if pat == surface || (self.any_case && pat.to_lowercase() == surface.to_lowercase()) {
            return true;
        }
        // All-capitals text ("KYIV", "NATO") may match a mixed-case key of 4+ letters.
        let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
        letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase())
    }

    fn pattern(&self, key_id: usize) -> &str {
        &self.keys[key_id]
    }

    pub fn entry(&self, m: &LexMatch) -> &Entry {
        &self.entries[m.entry as usize]
    }

    pub fn len(&self) -> usize {
        self.keys.len()
    }

    pub fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }
}

/// The crate's entry for an entry of the image, of this label.
fn entry_of(label: Label, r: RawEntry<'static>) -> Entry {
    let place_type = match r.place {
        Place::None => None,
        Place::Country => Some(PlaceType::Country),
        Place::Region => Some(PlaceType::Region),
        Place::City => Some(PlaceType::City),
        Place::Village => Some(PlaceType::Village),
        Place::Feature => Some(PlaceType::Feature),
    };
    let id = match (r.id, r.id_prefix) {
        ("", prefix) if !prefix.is_empty() => Cow::Owned(format!("{prefix}:{}", slug(r.canonical))),
        (id, _) => Cow::Borrowed(id),
    };
    Entry {
        label,
        kind: r.kind,
        canonical: Cow::Borrowed(r.canonical),
        id,
        geo: Geo { country: non_empty(r.country), lat: r.lat, lon: r.lon, place_type },
        population: r.population,
        role: Some(r.role).filter(|r| !r.is_empty()),
        acts_for: Some(r.acts_for).filter(|a| !a.is_empty()),
    }
}

/// FNV-1a over the lowercase characters of `s`. (An ASCII character lowercases to one
/// ASCII character: no `ToLowercase` iterator for it; this runs over 40,000 town names.)
fn lowercase_hash(s: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut mix = |c: char| h = (h ^ c as u64).wrapping_mul(0x0100_0000_01b3);
    for c in s.chars() {
        if c.is_ascii() {
            mix(c.to_ascii_lowercase());
        } else {
            c.to_lowercase().for_each(&mut mix);
        }
    }
    h
}

fn same_lowercase(a: &str, b: &str) -> bool {
    a.chars().flat_map(char::to_lowercase).eq(b.chars().flat_map(char::to_lowercase))
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::files;

    #[test]
    fn the_prepared_image_is_the_data_files() {
        let files = image::Files {
            people: files::PEOPLE,
            orgs: files::ORGS,
            locations: files::LOCATIONS,
            places: files::PLACES,
            demonyms: files::DEMONYMS,
            extra_keys: files::EXTRA_KEYS,
        };
        let (entries, keys) = image::read(&files);
        assert!(image::encode(&entries, &keys) == prepared::ENTRIES, "build.rs wrote another image");
        // extra_keys.tsv can only reach ids the files spell out, not minted ones.
        let g = Gazetteer::builtin();
        let minted: HashSet<&str> =
            g.entries.iter().filter(|e| matches!(e.id, Cow::Owned(_))).map(|e| &*e.id).collect();
        for [key, id] in files::EXTRA_KEYS.rows(["key", "id"]) {
            assert!(!minted.contains(id), "data/extra_keys.tsv: {key:?} names the minted id {id:?}");
        }
    }

    #[test]
    fn the_prepared_spelling_index_is_the_entries_index() {
        let g = Gazetteer::builtin();
        assert!(SpellingIndex::encode(g.spelling_names()) == prepared::SPELLING, "build.rs indexed other names");
    }
}
