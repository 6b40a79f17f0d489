//! Abbreviations: what ends a sentence and what does not.

use super::{DataFile, FxHashSet};

/// Abbreviations (`data/abbreviations.tsv`): titles ("Gen."), words before a number
/// ("No."), others ("U.S."), and sentence starters that look like abbreviations.
#[derive(Debug, Default, Clone)]
pub struct Abbreviations {
    title: FxHashSet<String>,
    before_number: FxHashSet<String>,
    other: FxHashSet<String>,
    starters: FxHashSet<String>,
}

impl Abbreviations {
    /// Read `data/abbreviations.tsv` (`abbr`, `kind`).
    ///
    /// # Panics
    /// On a kind it does not know (a typo in the file).
    pub fn load(file: DataFile) -> Self {
        let mut a = Abbreviations::default();
        for [abbr, kind] in file.rows(["abbr", "kind"]) {
            let set = match kind {
                "title" => &mut a.title,
                "number" => &mut a.before_number,
                "other" => &mut a.other,
                "starter" => &mut a.starters,
                _ => panic!("data/{}: unknown kind {kind:?} for {abbr:?}", file.name),
            };
            set.insert(abbr.to_lowercase());
        }
        a
    }

    fn key(word: &str) -> String {
        word.trim_end_matches('.').to_lowercase()
    }
    pub(crate) fn is_title(&self, word: &str) -> bool {
        self.title.contains(&Self::key(word))
    }
    pub(crate) fn is_known(&self, word: &str) -> bool {
        let k = Self::key(word);
        self.title.contains(&k) || self.before_number.contains(&k) || self.other.contains(&k)
    }
    /// `word` (without its final dot) as written before a number: "No", "Nos".
    pub(crate) fn is_before_number(&self, word: &str) -> bool {
        self.before_number.contains(&word.to_lowercase())
    }
    /// `word` (with its dot) is a title or another known abbreviation.
    pub(crate) fn is_title_or_other(&self, word: &str) -> bool {
        let w = word.to_lowercase();
        self.title.contains(&w) || self.other.contains(&w)
    }
    pub fn is_starter(&self, word: &str) -> bool {
        self.starters.contains(&word.to_lowercase())
    }
}
