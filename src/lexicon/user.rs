//! The user's gazetteer: names the caller gives, with a label, a canonical name and,
//! optionally, a point and a country. A name that is another spelling of a built-in entry
//! ("Shoygu" for Sergei Shoigu) keeps the built-in id, so user and built-in mentions join.

use super::gazetteer::{Entry, EntryKind, Gazetteer};
use super::names::slug;
use crate::model::{Geo, Label};
use std::collections::HashMap;

/// One row of a user gazetteer.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    /// The name as it appears in texts (at least two characters: shorter keys never match).
    pub surface: String,
    pub label: Label,
    /// The name rows are grouped under; the surface when none is given.
    pub canonical: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    /// ISO 3166-1 alpha-2.
    pub country: Option<String>,
}

impl UserRow {
    pub fn new(surface: &str, label: Label, canonical: Option<&str>) -> UserRow {
        UserRow {
            surface: surface.to_string(),
            label,
            canonical: canonical.map(str::to_string),
            lat: None,
            lon: None,
            country: None,
        }
    }
}

/// Labels that name the same kind of thing for the built-in match: a user's GPE may be a
/// built-in LOC ("Donbas") and the other way round.
fn same_kind(a: Label, b: Label) -> bool {
    a == b || (a.is_place() && b.is_place())
}

/// The built-in entry a name stands for, when the whole name is one of its keys.
fn builtin_entry<'g>(builtin: &'g Gazetteer, name: &str, label: Label) -> Option<&'g Entry> {
    builtin
        .find(name)
        .into_iter()
        .filter(|m| m.start == 0 && m.end == name.len())
        .map(|m| builtin.entry(&m))
        .find(|e| same_kind(e.label, label))
}

/// The user's gazetteer. Each distinct (canonical name, label) is one entry; its id is the
/// built-in entry's when the canonical name, or else the surface, is a built-in key of the
/// same kind, otherwise `user:<label>:<slug>`. A point or country given in a row overrides
/// the built-in one. `case_sensitive`: false lets keys match in any case.
pub fn user_gazetteer(rows: &[UserRow], builtin: &Gazetteer, case_sensitive: bool) -> Gazetteer {
    let mut entries: Vec<Entry> = Vec::new();
    let mut keys: Vec<(String, u32)> = Vec::new();
    let mut by_canonical: HashMap<(String, Label), u32> = HashMap::new();
    for row in rows {
        let canonical = row.canonical.clone().unwrap_or_else(|| row.surface.clone());
        let key = (canonical.clone(), row.label);
        let idx = match by_canonical.get(&key) {
            Some(&i) => i,
            None => {
                let known = builtin_entry(builtin, &canonical, row.label)
                    .or_else(|| builtin_entry(builtin, &row.surface, row.label));
                let mut entry = match known {
                    Some(e) => Entry { label: row.label, kind: EntryKind::User, ..e.clone() },
                    None => Entry {
                        label: row.label,
                        kind: EntryKind::User,
                        id: format!("user:{}:{}", row.label.as_str().to_lowercase(), slug(&canonical)).into(),
                        canonical: canonical.clone().into(),
                        geo: Geo::default(),
                        population: 0,
                        role: None,
                        acts_for: None,
                    },
                };
                if let (Some(lat), Some(lon)) = (row.lat, row.lon) {
                    entry.geo.lat = Some(lat);
                    entry.geo.lon = Some(lon);
                }
                if let Some(c) = &row.country {
                    entry.geo.country = Some(c.to_uppercase());
                }
                let i = entries.len() as u32;
                entries.push(entry);
                by_canonical.insert(key, i);
                i
            }
        };
        keys.push((row.surface.clone(), idx));
    }
    let mut g = Gazetteer::build(entries, keys);
    g.any_case = !case_sensitive;
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Resources;

    fn ids(g: &Gazetteer, text: &str) -> Vec<String> {
        g.find(text).iter().map(|m| g.entry(m).id.to_string()).collect()
    }

    #[test]
    fn another_spelling_of_a_built_in_name_keeps_its_id() {
        let res = Resources::shared();
        let rows = [UserRow::new("Shoygu", Label::Person, Some("Sergei Shoigu"))];
        let g = user_gazetteer(&rows, &res.gazetteer, true);
        let built_in = ids(&res.gazetteer, "Sergei Shoigu");
        assert_eq!(ids(&g, "Shoygu said"), built_in);
        // a new name gets an id of its own
        let g = user_gazetteer(&[UserRow::new("Blorvania", Label::Gpe, None)], &res.gazetteer, true);
        assert_eq!(ids(&g, "in Blorvania"), vec!["user:gpe:blorvania".to_string()]);
    }

    #[test]
    fn a_point_and_a_country_can_be_given_and_case_can_be_ignored() {
        let res = Resources::shared();
        let row = UserRow {
            lat: Some(48.1),
            lon: Some(37.2),
            country: Some("ua".into()),
            ..UserRow::new("Hill 210", Label::Loc, None)
        };
        let g = user_gazetteer(std::slice::from_ref(&row), &res.gazetteer, true);
        let m = g.find("near Hill 210 today");
        assert_eq!(m.len(), 1);
        let e = g.entry(&m[0]);
        assert_eq!((e.geo.lat, e.geo.lon, e.geo.country.as_deref()), (Some(48.1), Some(37.2), Some("UA")));
        assert!(g.find("near hill 210 today").is_empty(), "case-sensitive by default");
        let g = user_gazetteer(&[row], &res.gazetteer, false);
        assert_eq!(g.find("near hill 210 today").len(), 1);
    }
}
