//! Phrase lexicons: titles, cue verbs, event triggers and modality markers, matched
//! case-insensitively on word boundaries.

use crate::model::EventType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Nothing alphanumeric touches `text[start..end]` on either side.
pub(super) fn is_word_byte_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// A case-insensitive matcher of (possibly multiword) phrases on word boundaries.
#[derive(Clone)]
pub struct PhraseMatcher<T> {
    payloads: Vec<T>,
    /// What the crate picks (an NFA for more than 100 phrases): quick to build at start.
    automaton: AhoCorasick,
    /// The phrases again, for `prepare_dfa`.
    patterns: Vec<String>,
    /// A DFA of the same phrases, built for large batches (`prepare_dfa`): it searches in
    /// less than half the instructions of the NFA but costs tens of milliseconds to build,
    /// which a one-document call should not pay. Both find the same matches.
    dfa: OnceLock<AhoCorasick>,
}

fn build_automaton(patterns: &[String], kind: Option<AhoCorasickKind>) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .kind(kind)
        .build(patterns)
        .expect("phrase automaton")
}

impl<T> PhraseMatcher<T> {
    /// Later duplicates of a phrase are ignored.
    pub fn new(items: Vec<(String, T)>) -> Self {
        let mut seen = HashSet::new();
        let mut pats = Vec::new();
        let mut payloads = Vec::new();
        for (p, t) in items {
            let p = p.trim().to_lowercase();
            if p.is_empty() || !seen.insert(p.clone()) {
                continue;
            }
            pats.push(p);
            payloads.push(t);
        }
        let automaton = build_automaton(&pats, None);
        PhraseMatcher { payloads, automaton, patterns: pats, dfa: OnceLock::new() }
    }

    /// Build the DFA that later searches use (once; see `dfa`).
    pub fn prepare_dfa(&self) {
        self.dfa.get_or_init(|| build_automaton(&self.patterns, Some(AhoCorasickKind::DFA)));
    }

    fn searcher(&self) -> &AhoCorasick {
        self.dfa.get().unwrap_or(&self.automaton)
    }

    /// All hits in `text[from..to]`, as absolute byte offsets.
    pub fn find_in<'a>(
        &'a self,
        text: &'a str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize, &'a T)> + 'a {
        let hay = &text[from..to];
        self.searcher().find_iter(hay).filter_map(move |m| {
            let (s, e) = (m.start() + from, m.end() + from);
            if text.is_char_boundary(s) && text.is_char_boundary(e) && is_word_byte_boundary(text, s, e) {
                Some((s, e, &self.payloads[m.pattern().as_usize()]))
            } else {
                None
            }
        })
    }

    pub fn find<'a>(&'a self, text: &'a str) -> impl Iterator<Item = (usize, usize, &'a T)> + 'a {
        self.find_in(text, 0, text.len())
    }

    /// The payload when the whole of `phrase` is a known phrase.
    pub fn get(&self, phrase: &str) -> Option<&T> {
        let p = phrase.trim();
        let m = self.searcher().find(p)?;
        (m.start() == 0 && m.end() == p.len()).then(|| &self.payloads[m.pattern().as_usize()])
    }

    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    Honorific,
    Rank,
    Office,
}

#[derive(Debug, Clone)]
pub struct Title {
    pub kind: TitleKind,
    pub canonical: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    Speech,
    Belief,
    Phrase,
}

#[derive(Debug, Clone)]
pub struct Cue {
    pub lemma: String,
    pub kind: CueKind,
}

#[derive(Debug, Clone)]
pub struct Trigger {
    pub event_type: EventType,
    pub subtype: Option<String>,
    /// The trigger is a verb (its subject is the actor) rather than a noun.
    pub verb: bool,
}
