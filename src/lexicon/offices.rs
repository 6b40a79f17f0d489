//! Offices and who held them when (`offices.tsv`): how a role named without a name ("the
//! Kremlin spokesman", "the UN secretary-general") reaches the person at the document's
//! date.

use super::{DataFile, PhraseMatcher};
use crate::model::Days;

/// One holder of an office, from `start` (inclusive) to `end` (exclusive; open when None).
#[derive(Debug, Clone)]
pub struct Holder {
    pub name: String,
    pub start: Days,
    pub end: Option<Days>,
}

/// The role phrases of every office and its holders.
#[derive(Clone)]
pub struct Offices {
    /// Lowercase role phrase → office index.
    pub phrases: PhraseMatcher<u32>,
    /// Office index → (office name, holders in the file's order).
    pub offices: Vec<(String, Vec<Holder>)>,
}

impl Offices {
    pub(super) fn load(file: DataFile) -> Offices {
        let mut offices: Vec<(String, Vec<Holder>)> = Vec::new();
        let mut phrases: Vec<(String, u32)> = Vec::new();
        for [office, phrase_list, holder, start, end] in file.rows(["office", "phrases", "holder", "start", "end"]) {
            let day = |s: &str| {
                crate::dates::parse_iso_day(s)
                    .unwrap_or_else(|| panic!("data/{}: date {s:?} of {office} / {holder}", file.name))
            };
            let idx = match offices.iter().position(|(o, _)| o == office) {
                Some(i) => i,
                None => {
                    offices.push((office.to_string(), Vec::new()));
                    offices.len() - 1
                }
            };
            let end = (!end.is_empty()).then(|| day(end));
            offices[idx].1.push(Holder { name: holder.to_string(), start: day(start), end });
            phrases.extend(phrase_list.split('|').map(|p| (p.trim().to_string(), idx as u32)));
        }
        Offices { phrases: PhraseMatcher::new(phrases), offices }
    }

    /// Who held office `office` on `day`.
    pub fn holder_at(&self, office: u32, day: Days) -> Option<&Holder> {
        self.offices.get(office as usize)?.1.iter().find(|h| h.start <= day && h.end.map_or(true, |e| day < e))
    }
}
