//! What the events stage asks of the entity files: which places are countries or regions,
//! and which group nouns name an armed force and whose.

use super::{DataFile, Entry, EntryKind, FxHashMap, FxHashSet};
use std::collections::HashMap;

/// Countries and first-level regions of `places.tsv`.
#[derive(Debug, Clone, Default)]
pub struct PlaceKinds {
    /// Country ids and names.
    pub countries: FxHashSet<String>,
    /// Region (admin1) ids.
    pub regions: FxHashSet<String>,
    /// ISO 3166-1 alpha-2 code → the country's row.
    pub by_code: FxHashMap<String, Country>,
    /// Ids of rivers, seas, straits and other waters (`locations.tsv` kinds): no event is
    /// placed there by inference ("retreating across the Dnipro" places no later strike).
    pub waters: FxHashSet<String>,
}

/// A country of `places.tsv`, for an event that happened across it.
#[derive(Debug, Clone, Default)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub code: String,
    pub id: String,
    pub name: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

impl PlaceKinds {
    /// From the gazetteer's entries of `places.tsv`. An event placed across a country gets
    /// the country's point of the entities table (its centroid, computed by the gazetteer),
    /// not the capital's of the file; of two rows of one code the first is the country.
    pub(super) fn of(entries: &[Entry], locations: super::DataFile) -> PlaceKinds {
        let mut k = PlaceKinds::default();
        for [kind, id] in locations.rows(["kind", "id"]) {
            if matches!(kind, "river" | "sea" | "strait" | "reservoir" | "canal" | "lake") {
                k.waters.insert(id.to_string());
            }
        }
        for e in entries {
            match e.kind {
                EntryKind::Country => {
                    k.countries.insert(e.id.to_string());
                    k.countries.insert(e.canonical.to_string());
                    let code = e.geo.country.clone().unwrap_or_default();
                    k.by_code.entry(code.clone()).or_insert_with(|| Country {
                        code,
                        id: e.id.to_string(),
                        name: e.canonical.to_string(),
                        lat: e.geo.lat,
                        lon: e.geo.lon,
                    });
                }
                EntryKind::Region => {
                    k.regions.insert(e.id.to_string());
                }
                _ => {}
            }
        }
        k
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SideKind {
    /// a noun that, after a demonym or a country, means its armed forces ("Russian troops")
    Military,
    /// a party named by its side alone ("the enemy", "our defenders"), with the country
    /// it stands for in this domain
    Party,
}

/// Group nouns that name an armed force (`actor_sides.tsv`).
#[derive(Debug, Clone, Default)]
pub struct Sides {
    /// first word → (the other words, kind, country)
    pub phrases: FxHashMap<String, Vec<(Vec<String>, SideKind, String)>>,
    /// country → (name, id) of its armed forces: the `orgs.tsv` row of that country whose
    /// name says "Armed Forces" (and is no staff or command of them)
    pub armed_forces: FxHashMap<String, (String, String)>,
    /// demonym → country (`demonyms.tsv`), for a nationality the recogniser gave no country
    pub demonyms: FxHashMap<String, String>,
    /// person id → (name, id) of the country or organisation the person acts for in
    /// office (`people.tsv` `acts_for`)
    pub acts_for: FxHashMap<String, (String, String)>,
}

impl Sides {
    pub(super) fn load(actor_sides: DataFile, orgs: DataFile, demonyms: DataFile) -> Sides {
        let mut s = Sides::default();
        for [phrase, kind, country] in actor_sides.rows(["phrase", "kind", "country"]) {
            let kind = match kind {
                "military" => SideKind::Military,
                "enemy" | "own" => SideKind::Party,
                _ => panic!("data/{}: unknown kind {kind:?} of {phrase:?}", actor_sides.name),
            };
            let mut words = phrase.split_whitespace().map(str::to_string);
            let Some(first) = words.next() else { continue };
            s.phrases.entry(first).or_default().push((words.collect(), kind, country.to_string()));
        }
        for [name, country, id] in orgs.rows(["name", "country", "id"]) {
            if name.contains("Armed Forces")
                && !name.contains("Staff")
                && !name.contains("Command")
                && !country.is_empty()
            {
                s.armed_forces.entry(country.to_string()).or_insert_with(|| (name.to_string(), id.to_string()));
            }
        }
        s.demonyms = demonyms
            .rows(["surface", "country"])
            .filter(|[_, c]| !c.is_empty())
            .map(|[d, c]| (d.to_string(), c.to_string()))
            .collect();
        s
    }

    /// The sides office-holders act for, from the gazetteer's people: a country code names
    /// the country's row, an id an organisation's. (One that names neither is left out;
    /// a test checks that the file has none.)
    pub(super) fn with_office_holders(mut self, entries: &[Entry], places: &PlaceKinds) -> Sides {
        let orgs: HashMap<&str, &str> = entries
            .iter()
            .filter(|e| e.kind == EntryKind::Org)
            .map(|e| (e.id.as_ref(), e.canonical.as_ref()))
            .collect();
        for e in entries.iter().filter(|e| e.kind == EntryKind::Person) {
            let Some(side) = e.acts_for else { continue };
            let named = match places.by_code.get(side) {
                Some(country) => Some((country.name.clone(), country.id.clone())),
                None => orgs.get(side).map(|name| (name.to_string(), side.to_string())),
            };
            if let Some(named) = named {
                self.acts_for.insert(e.id.to_string(), named);
            }
        }
        self
    }
}
