//! The gazetteer: every entity name of the data files (people, organisations, locations,
//! places, nationalities) and one Aho-Corasick automaton over all their keys.

use super::keyset::{self, NO_KEY};
use super::phrases::is_word_byte_boundary;
use super::spelling::SpellingIndex;
use super::{slug, DataFile};
use crate::model::{Geo, Label, Mention, MentionSource, PlaceType};
use daachorse::DoubleArrayAhoCorasick;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What kind of thing a gazetteer entry is (it decides which columns it fills).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryKind {
    Country,
    Region,
    City,
    Location,
    Facility,
    Org,
    Person,
    Demonym,
    User,
}

#[derive(Debug, Clone)]
pub struct Entry {
    pub label: Label,
    pub kind: EntryKind,
    pub canonical: String,
    pub id: String,
    pub geo: Geo,
    pub population: u64,
    /// Best-known title of a person (for reference only: the table's role comes from the text).
    pub role: Option<String>,
}

impl Entry {
    /// A mention of this entry at `start..end` of sentence `sentence`.
    pub fn mention(&self, start: usize, end: usize, sentence: u32, source: MentionSource) -> Mention {
        Mention {
            start,
            end,
            sentence,
            label: self.label,
            canonical: Some(self.canonical.clone()),
            entity_id: Some(self.id.clone()),
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
    /// key index → entry index
    keys: Vec<String>,
    key_entry: Vec<u32>,
    /// Over the keys' ASCII-lowercase forms ([`keyset`]); a match's value is a key index.
    automaton: DoubleArrayAhoCorasick<u32>,
    /// key index → the next key with the same ASCII-lowercase form, or [`NO_KEY`].
    next_same: Vec<u32>,
    /// Whether the automaton was loaded from the one `build.rs` prepared.
    pub prepared: bool,
    /// Keys match in any case (a user gazetteer built with `case_sensitive=False`).
    pub(super) any_case: bool,
    /// The people and places by spelling key ([`super::spelling`]), built when first asked
    /// for ([`Gazetteer::spelling`]).
    spelling: OnceLock<SpellingIndex>,
}

/// The built-in gazetteer's automaton as `build.rs` made it from `data/`.
pub(super) struct Prepared {
    pub keys: &'static str,
    pub automaton: &'static [u8],
    pub next_same: &'static [u8],
}

pub(super) const PREPARED: Prepared = Prepared {
    keys: include_str!(concat!(env!("OUT_DIR"), "/gazetteer_keys.txt")),
    automaton: include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer.daac")),
    next_same: include_bytes!(concat!(env!("OUT_DIR"), "/gazetteer_next.bin")),
};

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
        Gazetteer::build_with(entries, keys, None)
    }

    /// As [`Gazetteer::build`], loading the automaton from `prepared` when it was made from
    /// exactly these keys (else it is built here).
    pub(super) fn build_with(entries: Vec<Entry>, keys: Vec<(String, u32)>, prepared: Option<&Prepared>) -> Gazetteer {
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
                pats.push(k);
                key_entry.push(e);
            }
        }
        let loaded = prepared.filter(|p| same_keys(p.keys, &pats)).and_then(|p| {
            let (automaton, _) = DoubleArrayAhoCorasick::<u32>::deserialize(p.automaton).ok()?;
            Some((automaton, keyset::decode_u32s(p.next_same)))
        });
        let prepared = loaded.is_some();
        let (automaton, next_same) = loaded.unwrap_or_else(|| keyset::build_automaton(&pats));
        Gazetteer {
            entries,
            keys: pats,
            key_entry,
            automaton,
            next_same,
            prepared,
            any_case: false,
            spelling: OnceLock::new(),
        }
    }

    /// The people and places by spelling key, indexed on first use: a process that never
    /// meets an unknown name never pays for it.
    pub fn spelling(&self) -> &SpellingIndex {
        self.spelling.get_or_init(|| SpellingIndex::build(&self.entries, &self.keys, &self.key_entry))
    }

    /// Longest hits on word boundaries, left to right, never overlapping. Keys match in their
    /// own case, or in capitals when the text is capitalised ("KYIV, Sept 13").
    ///
    /// The automaton reports every key occurrence (overlapping search), so a rejected long
    /// hit ("Kyiv region" against the text "Kyiv Region police") still lets a shorter or
    /// differently-cased key at the same place win ("Kyiv Region", or "Kyiv").
    pub fn find(&self, text: &str) -> Vec<LexMatch> {
        let mut candidates: Vec<LexMatch> = Vec::new();
        // ASCII lowercasing keeps every byte offset.
        let folded = text.to_ascii_lowercase();
        for m in self.automaton.find_overlapping_iter(&folded) {
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !is_word_byte_boundary(text, s, e) {
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

/// Is `prepared` (keys one a line) exactly `keys`?
fn same_keys(prepared: &str, keys: &[String]) -> bool {
    let mut lines = prepared.split('\n');
    keys.iter().all(|k| lines.next() == Some(k.as_str())) && lines.next().is_none()
}

/// Places smaller than this are villages (`place_type`); GeoNames' populated places carry no
/// town/village distinction we could use instead.
const VILLAGE_POPULATION: u64 = 5_000;

/// A running population-weighted mean of points, on the unit sphere so that a region across
/// the 180th meridian (Chukotka) does not average to the other side of the globe.
#[derive(Default)]
struct Centroid {
    x: f64,
    y: f64,
    z: f64,
    weight: f64,
}

impl Centroid {
    fn add(&mut self, lat: f64, lon: f64, weight: f64) {
        let (lat, lon) = (lat.to_radians(), lon.to_radians());
        self.x += weight * lat.cos() * lon.cos();
        self.y += weight * lat.cos() * lon.sin();
        self.z += weight * lat.sin();
        self.weight += weight;
    }

    /// The mean point, rounded to 5 decimals like the file's.
    fn point(&self) -> Option<(f64, f64)> {
        let r = (self.x * self.x + self.y * self.y).sqrt();
        if self.weight <= 0.0 || r + self.z.abs() < 1e-12 {
            return None;
        }
        let round = |v: f64| (v * 1e5).round() / 1e5;
        Some((round(self.z.atan2(r).to_degrees()), round(self.y.atan2(self.x).to_degrees())))
    }
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

fn parse_f64(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn split_aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Builds entries and keys from the entity files, in priority order.
#[derive(Default)]
pub(super) struct GazetteerBuilder {
    entries: Vec<Entry>,
    keys: Vec<(String, u32)>,
}

impl GazetteerBuilder {
    fn add(&mut self, entry: Entry, name_matches: bool, aliases: &str) {
        let name = entry.canonical.clone();
        self.add_named(entry, name_matches.then_some(name.as_str()), aliases);
    }

    /// `add` for an entry whose key is not its canonical name (a respelt display name).
    fn add_named(&mut self, entry: Entry, name_key: Option<&str>, aliases: &str) {
        let idx = self.entries.len() as u32;
        if let Some(name) = name_key {
            self.keys.push((name.to_string(), idx));
        }
        for a in split_aliases(aliases) {
            self.keys.push((a.to_string(), idx));
        }
        self.entries.push(entry);
    }

    /// Populated places (`places.tsv`): countries, first-level regions, cities. A country's
    /// and a region's point is the population-weighted centroid of its places in the file
    /// (a region's are the cities with its GeoNames admin1 code), never its capital's point;
    /// only a region whose code is unknown keeps the point the file gives it.
    pub(super) fn places(&mut self, file: DataFile) {
        let columns = ["id", "name", "label", "kind", "country", "admin1", "lat", "lon", "population", "aliases"];
        let rows: Vec<[&str; 10]> = file.rows(columns).collect();
        let mut centroids: HashMap<(&str, &str), Centroid> = HashMap::new();
        for [_, _, _, kind, country, admin1, lat, lon, population, _] in &rows {
            let (Some(lat), Some(lon)) = (parse_f64(lat), parse_f64(lon)) else { continue };
            if *kind == "city" {
                let weight = population.parse::<f64>().unwrap_or(0.0).max(1.0);
                centroids.entry((country, "")).or_default().add(lat, lon, weight);
                if !admin1.is_empty() {
                    centroids.entry((country, admin1)).or_default().add(lat, lon, weight);
                }
            }
        }
        for [id, name, label, kind, country, admin1, lat, lon, population, aliases] in rows {
            let label = Label::parse(label).unwrap_or_else(|| panic!("data/{}: label {label:?} of {id}", file.name));
            let population: u64 = population.parse().unwrap_or(0);
            let (kind, place_type, centroid) = match kind {
                "country" => (EntryKind::Country, PlaceType::Country, centroids.get(&(country, ""))),
                "admin1" => (
                    EntryKind::Region,
                    PlaceType::Region,
                    centroids.get(&(country, admin1)).filter(|_| !admin1.is_empty()),
                ),
                _ if population < VILLAGE_POPULATION => (EntryKind::City, PlaceType::Village, None),
                _ => (EntryKind::City, PlaceType::City, None),
            };
            let (lat, lon) = match centroid.and_then(Centroid::point) {
                Some((lat, lon)) => (Some(lat), Some(lon)),
                None => (parse_f64(lat), parse_f64(lon)),
            };
            // "!alias|alias": the name itself is no key (too ambiguous), only the aliases are
            let (name_matches, aliases) = match aliases.strip_prefix('!') {
                Some(rest) => (false, rest),
                None => (true, aliases),
            };
            // Ukrainian places are named the way Ukraine and most war reporting spell them
            // (the key stays the file's name: build.rs keys the automaton by it)
            let canonical =
                if country == "UA" { crate::translit::national_romanisation(name) } else { name.to_string() };
            let entry = Entry {
                label,
                kind,
                canonical,
                id: id.to_string(),
                geo: Geo { country: non_empty(country), lat, lon, place_type: Some(place_type) },
                population,
                role: None,
            };
            self.add_named(entry, name_matches.then_some(name), aliases);
        }
    }

    /// Named locations and facilities (`locations.tsv`): seas, rivers, plants, bases.
    pub(super) fn locations(&mut self, file: DataFile) {
        for [name, label, place_kind, country, lat, lon, aliases, id] in
            file.rows(["name", "label", "kind", "country", "lat", "lon", "aliases", "id"])
        {
            let label = Label::parse(label).unwrap_or_else(|| panic!("data/{}: label {label:?} of {name}", file.name));
            let kind = if label == Label::Fac { EntryKind::Facility } else { EntryKind::Location };
            let place_type = match (label, place_kind) {
                (Label::Gpe, "territory") => PlaceType::Region,
                (Label::Gpe, "village") => PlaceType::Village,
                (Label::Gpe, _) => PlaceType::City,
                _ => PlaceType::Feature,
            };
            let id = non_empty(id).unwrap_or_else(|| format!("loc:{}", slug(name)));
            let entry = Entry {
                label,
                kind,
                canonical: name.to_string(),
                id,
                geo: Geo {
                    country: non_empty(country),
                    lat: parse_f64(lat),
                    lon: parse_f64(lon),
                    place_type: Some(place_type),
                },
                population: 0,
                role: None,
            };
            self.add(entry, true, aliases);
        }
    }

    /// Organisations (`orgs.tsv`).
    pub(super) fn orgs(&mut self, file: DataFile) {
        for [name, label, country, aliases, id] in file.rows(["name", "label", "country", "aliases", "id"]) {
            let label = if label.is_empty() {
                Label::Org
            } else {
                Label::parse(label).unwrap_or_else(|| panic!("data/{}: label {label:?} of {name}", file.name))
            };
            let id = non_empty(id).unwrap_or_else(|| format!("org:{}", slug(name)));
            let entry = Entry {
                label,
                kind: EntryKind::Org,
                canonical: name.to_string(),
                id,
                geo: Geo { country: non_empty(country), ..Default::default() },
                population: 0,
                role: None,
            };
            self.add(entry, true, aliases);
        }
    }

    /// People (`people.tsv`).
    pub(super) fn people(&mut self, file: DataFile) {
        for [name, aliases, role, country, id] in file.rows(["name", "aliases", "role", "country", "id"]) {
            let id = non_empty(id).unwrap_or_else(|| format!("person:{}", slug(name)));
            let entry = Entry {
                label: Label::Person,
                kind: EntryKind::Person,
                canonical: name.to_string(),
                id,
                geo: Geo { country: non_empty(country), ..Default::default() },
                population: 0,
                role: non_empty(role),
            };
            self.add(entry, true, aliases);
        }
    }

    /// Nationalities (`demonyms.tsv`): one entry per canonical adjective.
    pub(super) fn demonyms(&mut self, file: DataFile) {
        let mut by_canonical: HashMap<String, u32> = HashMap::new();
        for [surface, country, canonical] in file.rows(["surface", "country", "canonical"]) {
            let canonical = non_empty(canonical).unwrap_or_else(|| surface.to_string());
            let idx = match by_canonical.get(&canonical) {
                Some(&i) => i,
                None => {
                    let i = self.entries.len() as u32;
                    self.entries.push(Entry {
                        label: Label::Norp,
                        kind: EntryKind::Demonym,
                        id: format!("norp:{}", slug(&canonical)),
                        canonical: canonical.clone(),
                        geo: Geo { country: non_empty(country), ..Default::default() },
                        population: 0,
                        role: None,
                    });
                    by_canonical.insert(canonical, i);
                    i
                }
            };
            self.keys.push((surface.to_string(), idx));
        }
    }

    /// More keys for entries already loaded (`extra_keys.tsv`: `key`, `id`).
    pub(super) fn extra_keys(&mut self, file: DataFile) {
        let by_id: HashMap<&str, u32> =
            self.entries.iter().enumerate().map(|(i, e)| (e.id.as_str(), i as u32)).collect();
        let mut extra = Vec::new();
        for [key, id] in file.rows(["key", "id"]) {
            if let Some(&i) = by_id.get(id) {
                extra.push((key.to_string(), i));
            }
        }
        self.keys.extend(extra);
    }

    /// The built-in gazetteer, with the automaton `build.rs` prepared.
    pub(super) fn build_prepared(self) -> Gazetteer {
        Gazetteer::build_with(self.entries, self.keys, Some(&PREPARED))
    }
}
