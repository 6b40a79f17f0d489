//! The built-in gazetteer's entries and keys as read from the entity files, and the flat
//! layout `build.rs` stores them in. This is the only reader of `people.tsv`, `orgs.tsv`,
//! `locations.tsv`, `places.tsv`, `demonyms.tsv` and `extra_keys.tsv` for the gazetteer:
//! `build.rs` includes this file with `#[path]` (so it uses nothing but `std` and the TSV
//! reader) and writes [`encode`]'s bytes to OUT_DIR; a process reads them back with
//! [`Reader`], parsing no text at start-up.
//!
//! Priority when two sources claim the same key: people, organisations, named locations
//! and facilities, then populated places, then nationalities, then the extra keys; the
//! first claim wins and keys of one character are dropped.
//!
//! An id the file leaves empty is minted at load time from the name (`org:` + slug: the
//! slug needs the transliteration table, which is the crate's). `extra_keys.tsv` can only
//! name ids the files spell out (a test checks none names a minted one).

// The crate only reads the image; build.rs (and the tests) read the files and write it.
#![cfg_attr(not(test), allow(dead_code))]

use super::tsv::DataFile;
use std::collections::{HashMap, HashSet};

/// What kind of thing a gazetteer entry is (it decides which columns it fills). Defined
/// here so that `build.rs` writes the crate's own kinds; the files give all but `User`.
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

use EntryKind as Kind;

const KINDS: [Kind; 9] = [
    Kind::Country,
    Kind::Region,
    Kind::City,
    Kind::Location,
    Kind::Facility,
    Kind::Org,
    Kind::Person,
    Kind::Demonym,
    Kind::User,
];

/// The entry's place type (the crate's `PlaceType`, where it has one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    None,
    Country,
    Region,
    City,
    Village,
    Feature,
}

const PLACES: [Place; 6] = [Place::None, Place::Country, Place::Region, Place::City, Place::Village, Place::Feature];

/// One gazetteer entry as the files give it.
#[derive(Debug, Clone, PartialEq)]
pub struct RawEntry<'a> {
    /// The label's name in the file (`GPE`), checked when the crate loads it.
    pub label: &'a str,
    pub kind: Kind,
    pub canonical: &'a str,
    /// Empty when the id is to be minted as `id_prefix:` + the name's slug (a place's
    /// prefix is empty: its id stays what the file says).
    pub id: &'a str,
    pub id_prefix: &'a str,
    pub country: &'a str,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub place: Place,
    pub population: u64,
    pub role: &'a str,
    /// Whom a person acts for in office (`people.tsv` `acts_for`): a country code or an
    /// organisation id; empty for private persons.
    pub acts_for: &'a str,
}

/// The entity files the gazetteer is made of.
pub struct Files {
    pub people: DataFile,
    pub orgs: DataFile,
    pub locations: DataFile,
    pub places: DataFile,
    pub demonyms: DataFile,
    pub extra_keys: DataFile,
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

fn parse_f64(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn split_aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

fn is_label(s: &str, name: &str) -> bool {
    s.trim().eq_ignore_ascii_case(name)
}

/// Names a Ukrainian village holds as its own name but lost, in the file's conflict rule, to
/// a more populous place that holds them only as another, older name ("Hrodivka" among
/// Myrnohrad's alternate names, "Chornobyl" among Lazurnyi's): the village's own name wins
/// here, name → the most populous such village's row. Not spelling variants of the holder's
/// own name ("Avdiyivka" stays Avdiivka's), and not Crimea's rows, whose names GeoNames
/// gives in Russian form and which mostly render a mainland town's name ("Konstantinovka").
fn reclaimed_names<'a>(rows: &[[&'a str; 10]]) -> HashMap<&'a str, usize> {
    let ukrainian_town = |r: &[&str; 10]| r[4] == "UA" && r[3] == "city";
    let population = |r: &[&str; 10]| r[8].parse::<u64>().unwrap_or(0);
    let mut lost: HashMap<&str, usize> = HashMap::new();
    for (i, r) in rows.iter().enumerate() {
        if r[9].starts_with('!') && ukrainian_town(r) && r[5] != "11" {
            let best = lost.entry(r[1]).or_insert(i);
            if population(r) > population(&rows[*best]) {
                *best = i;
            }
        }
    }
    let mut out = HashMap::new();
    for r in rows.iter().filter(|r| ukrainian_town(r)) {
        for alias in split_aliases(r[9].trim_start_matches('!')) {
            if let Some(&i) = lost.get(alias) {
                if alias != r[1] && variant_fold(alias) != variant_fold(r[1]) {
                    out.insert(alias, i);
                }
            }
        }
    }
    out
}

/// A name folded over the spelling variants of Ukrainian and Russian romanisation: case,
/// apostrophes and hyphens, y/i, g/h, kh/h, -ov-/-iv-, -oye/-ye endings, doubled letters.
fn variant_fold(name: &str) -> String {
    let mut s: String =
        name.to_lowercase().chars().filter(|c| !matches!(c, '\'' | '’' | 'ʼ' | '`' | '-' | ' ')).collect();
    for (from, to) in
        [("oye", "e"), ("ye", "e"), ("yi", "i"), ("iy", "i"), ("y", "i"), ("g", "h"), ("ov", "iv"), ("kh", "h")]
    {
        s = s.replace(from, to);
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Entries and (key, entry) pairs in priority order, before removing repeated keys.
#[derive(Default)]
struct Builder {
    entries: Vec<RawEntry<'static>>,
    keys: Vec<(&'static str, u32)>,
}

impl Builder {
    fn add(&mut self, entry: RawEntry<'static>, name_matches: bool, aliases: &'static str) {
        let name = entry.canonical;
        self.add_keyed(entry, name_matches.then_some(name), aliases);
    }

    /// `add` for an entry whose name key is not its canonical name (a respelt place).
    fn add_keyed(&mut self, entry: RawEntry<'static>, name_key: Option<&'static str>, aliases: &'static str) {
        let idx = self.entries.len() as u32;
        if let Some(name) = name_key {
            self.keys.push((name, idx));
        }
        self.keys.extend(split_aliases(aliases).map(|a| (a, idx)));
        self.entries.push(entry);
    }

    fn plain(
        label: &'static str,
        kind: Kind,
        name: &'static str,
        id: &'static str,
        prefix: &'static str,
    ) -> RawEntry<'static> {
        RawEntry {
            label,
            kind,
            canonical: name,
            id,
            id_prefix: prefix,
            country: "",
            lat: None,
            lon: None,
            place: Place::None,
            population: 0,
            role: "",
            acts_for: "",
        }
    }

    /// People (`people.tsv`).
    fn people(&mut self, file: DataFile) {
        for [name, aliases, role, country, id, acts_for] in
            file.rows(["name", "aliases", "role", "country", "id", "acts_for"])
        {
            let entry =
                RawEntry { country, role, acts_for, ..Builder::plain("PERSON", Kind::Person, name, id, "person") };
            self.add(entry, true, aliases);
        }
    }

    /// Organisations (`orgs.tsv`).
    fn orgs(&mut self, file: DataFile) {
        for [name, label, country, aliases, id] in file.rows(["name", "label", "country", "aliases", "id"]) {
            let label = if label.is_empty() { "ORG" } else { label };
            self.add(RawEntry { country, ..Builder::plain(label, Kind::Org, name, id, "org") }, true, aliases);
        }
    }

    /// Named locations and facilities (`locations.tsv`): seas, rivers, plants, bases.
    fn locations(&mut self, file: DataFile) {
        for [name, label, place_kind, country, lat, lon, aliases, id] in
            file.rows(["name", "label", "kind", "country", "lat", "lon", "aliases", "id"])
        {
            let kind = if is_label(label, "FAC") { Kind::Facility } else { Kind::Location };
            let place = match (is_label(label, "GPE"), place_kind) {
                (true, "territory") => Place::Region,
                (true, "village") => Place::Village,
                (true, _) => Place::City,
                _ => Place::Feature,
            };
            let entry = RawEntry {
                country,
                lat: parse_f64(lat),
                lon: parse_f64(lon),
                place,
                ..Builder::plain(label, kind, name, id, "loc")
            };
            self.add(entry, true, aliases);
        }
    }

    /// Populated places (`places.tsv`): countries, first-level regions, cities. A country's
    /// and a region's point is the population-weighted centroid of its places in the file
    /// (a region's are the cities with its GeoNames admin1 code), never its capital's point;
    /// only a region whose code is unknown keeps the point the file gives it.
    fn places(&mut self, file: DataFile) {
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
        let reclaimed = reclaimed_names(&rows);
        for (row, [id, name, label, kind, country, admin1, lat, lon, population, aliases]) in rows.iter().enumerate() {
            let (id, name, label, kind, country, admin1, lat, lon, population, aliases) =
                (*id, *name, *label, *kind, *country, *admin1, *lat, *lon, *population, *aliases);
            let population: u64 = population.parse().unwrap_or(0);
            let (kind, place, centroid) = match kind {
                "country" => (Kind::Country, Place::Country, centroids.get(&(country, ""))),
                "admin1" => {
                    (Kind::Region, Place::Region, centroids.get(&(country, admin1)).filter(|_| !admin1.is_empty()))
                }
                _ if population < VILLAGE_POPULATION => (Kind::City, Place::Village, None),
                _ => (Kind::City, Place::City, None),
            };
            let (lat, lon) = match centroid.and_then(Centroid::point) {
                Some((lat, lon)) => (Some(lat), Some(lon)),
                None => (parse_f64(lat), parse_f64(lon)),
            };
            // "!alias|alias": the name itself is no key (too ambiguous), only the aliases are
            let (name_matches, aliases) = match aliases.strip_prefix('!') {
                Some(rest) => (reclaimed.get(name) == Some(&row), rest),
                None => (true, aliases),
            };
            let aliases: &'static str = if split_aliases(aliases).any(|a| reclaimed.get(a).is_some_and(|&r| r != row)) {
                let kept: Vec<&str> = split_aliases(aliases).filter(|a| !reclaimed.contains_key(a)).collect();
                Box::leak(kept.join("|").into_boxed_str())
            } else {
                aliases
            };
            // Ukrainian places are named the way Ukraine and most war reporting spell them; the
            // key stays the file's name. (The image builder runs in build.rs and in tests,
            // never at start-up: leaking the few hundred respelt names is its whole cost.)
            let canonical: &'static str = match country {
                "UA" => {
                    let national = super::national::national_romanisation(name);
                    if national == name {
                        name
                    } else {
                        Box::leak(national.into_boxed_str())
                    }
                }
                _ => name,
            };
            let entry =
                RawEntry { country, lat, lon, place, population, ..Builder::plain(label, kind, canonical, id, "") };
            self.add_keyed(entry, name_matches.then_some(name), aliases);
        }
    }

    /// Nationalities (`demonyms.tsv`): one entry per canonical adjective.
    fn demonyms(&mut self, file: DataFile) {
        let mut by_canonical: HashMap<&str, u32> = HashMap::new();
        for [surface, country, canonical] in file.rows(["surface", "country", "canonical"]) {
            let canonical = if canonical.is_empty() { surface } else { canonical };
            let next = self.entries.len() as u32;
            let idx = *by_canonical.entry(canonical).or_insert(next);
            if idx == next {
                self.entries.push(RawEntry { country, ..Builder::plain("NORP", Kind::Demonym, canonical, "", "norp") });
            }
            self.keys.push((surface, idx));
        }
    }

    /// More keys for entries already loaded (`extra_keys.tsv`: `key`, `id`).
    fn extra_keys(&mut self, file: DataFile) {
        let by_id: HashMap<&str, u32> =
            self.entries.iter().enumerate().filter(|(_, e)| !e.id.is_empty()).map(|(i, e)| (e.id, i as u32)).collect();
        let extra: Vec<(&str, u32)> =
            file.rows(["key", "id"]).filter_map(|[key, id]| Some((key, *by_id.get(id)?))).collect();
        self.keys.extend(extra);
    }
}

/// The built-in gazetteer's entries, and its keys (distinct, of two characters or more)
/// with their entries, in priority order.
pub fn read(files: &Files) -> (Vec<RawEntry<'static>>, Vec<(&'static str, u32)>) {
    let mut b = Builder::default();
    b.people(files.people);
    b.orgs(files.orgs);
    b.locations(files.locations);
    b.places(files.places);
    b.demonyms(files.demonyms);
    b.extra_keys(files.extra_keys);
    let mut seen: HashSet<&str> = HashSet::with_capacity(b.keys.len());
    let keys = b.keys.into_iter().filter(|(k, _)| k.chars().nth(1).is_some() && seen.insert(k)).collect();
    (b.entries, keys)
}

/// Entries and keys in the flat layout [`Reader`] reads: the strings' text (its length as a
/// little-endian `u32`, then the bytes), the number of entries, each entry's fields in order
/// (a string as the `u32` offset and length of its text, a missing coordinate as NaN), the
/// number of keys, then each key (a string) and its entry.
pub fn encode(entries: &[RawEntry], keys: &[(&str, u32)]) -> Vec<u8> {
    let mut text = String::new();
    let mut out = Vec::new();
    let put_u32 = |out: &mut Vec<u8>, v: u32| out.extend_from_slice(&v.to_le_bytes());
    let mut put_str = |out: &mut Vec<u8>, s: &str| {
        put_u32(out, text.len() as u32);
        put_u32(out, s.len() as u32);
        text.push_str(s);
    };
    put_u32(&mut out, entries.len() as u32);
    for e in entries {
        for s in [e.label, e.canonical, e.id, e.id_prefix, e.country, e.role, e.acts_for] {
            put_str(&mut out, s);
        }
        let kind = KINDS.iter().position(|k| *k == e.kind).unwrap_or(0) as u8;
        let place = PLACES.iter().position(|p| *p == e.place).unwrap_or(0) as u8;
        out.extend_from_slice(&[kind, place]);
        for v in [e.lat, e.lon] {
            out.extend_from_slice(&v.unwrap_or(f64::NAN).to_le_bytes());
        }
        out.extend_from_slice(&e.population.to_le_bytes());
    }
    put_u32(&mut out, keys.len() as u32);
    for (k, e) in keys {
        put_str(&mut out, k);
        put_u32(&mut out, *e);
    }
    let mut image = (text.len() as u32).to_le_bytes().to_vec();
    image.extend_from_slice(text.as_bytes());
    image.extend_from_slice(&out);
    image
}

/// Reads what [`encode`] wrote, in order.
pub struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    /// # Panics
    /// When the text is no UTF-8: not what [`encode`] wrote.
    pub fn new(image: &'a [u8]) -> Reader<'a> {
        let n = u32::from_le_bytes([image[0], image[1], image[2], image[3]]) as usize;
        let text = std::str::from_utf8(&image[4..4 + n]).expect("gazetteer image: UTF-8");
        Reader { text, bytes: &image[4 + n..], at: 0 }
    }

    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut b = [0u8; N];
        b.copy_from_slice(&self.bytes[self.at..self.at + N]);
        self.at += N;
        b
    }

    pub fn u32(&mut self) -> u32 {
        u32::from_le_bytes(self.take())
    }

    fn str(&mut self) -> &'a str {
        let (at, n) = (self.u32() as usize, self.u32() as usize);
        &self.text[at..at + n]
    }
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take())).filter(|v| !v.is_nan())
    }

    /// The next entry (after the count, [`Reader::u32`]).
    pub fn entry(&mut self) -> RawEntry<'a> {
        let [label, canonical, id, id_prefix, country, role, acts_for] = [(); 7].map(|_| self.str());
        let [kind, place] = self.take();
        let (lat, lon) = (self.f64(), self.f64());
        let population = u64::from_le_bytes(self.take());
        RawEntry {
            label,
            kind: KINDS[kind as usize],
            canonical,
            id,
            id_prefix,
            country,
            lat,
            lon,
            place: PLACES[place as usize],
            population,
            role,
            acts_for,
        }
    }

    /// The next key and its entry (after the count).
    pub fn key(&mut self) -> (&'a str, u32) {
        let k = self.str();
        (k, self.u32())
    }
}
