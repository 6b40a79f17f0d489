//! Phrase lexicons: titles, cue verbs, event triggers and modality markers, matched
//! case-insensitively on word boundaries.

use super::FxHashMap;
use crate::model::EventType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use std::sync::OnceLock;

/// Nothing alphanumeric touches `text[start..end]` on either side.
pub(super) fn is_word_byte_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

/// A case-insensitive matcher of (possibly multiword) phrases on word boundaries.
///
/// A document's stages read its phrases from [`PhraseHits`] (one search of all lexicons
/// over the text, `DocContext::phrases`) and look whole phrases up with `get`; the
/// matcher's own automaton, built on first use, searches texts without a document.
#[derive(Clone)]
pub struct PhraseMatcher<T> {
    payloads: Vec<T>,
    /// What the crate picks (an NFA for more than 100 phrases), for `find_in`.
    automaton: OnceLock<AhoCorasick>,
    /// The phrases (lowercase, each once), for the automaton and [`PhraseUnion`].
    patterns: Vec<String>,
    /// Phrase → its index, for `get`.
    index: FxHashMap<String, u32>,
}

/// Over `patterns` (lowercase), ignoring ASCII case in the text unless `lowercase_text`
/// (then the caller searches an ASCII-lowercased text: the same matches).
fn build_automaton(
    patterns: &[String],
    kind: Option<AhoCorasickKind>,
    match_kind: MatchKind,
    lowercase_text: bool,
) -> AhoCorasick {
    AhoCorasickBuilder::new()
        .match_kind(match_kind)
        .ascii_case_insensitive(!lowercase_text)
        .kind(kind)
        .build(patterns)
        .expect("phrase automaton")
}

impl<T> PhraseMatcher<T> {
    /// Later duplicates of a phrase are ignored.
    pub fn new(items: Vec<(String, T)>) -> Self {
        let mut index = FxHashMap::default();
        let mut pats = Vec::new();
        let mut payloads = Vec::new();
        for (p, t) in items {
            let p = p.trim().to_lowercase();
            if p.is_empty() || index.contains_key(&p) {
                continue;
            }
            index.insert(p.clone(), pats.len() as u32);
            pats.push(p);
            payloads.push(t);
        }
        PhraseMatcher { payloads, automaton: OnceLock::new(), patterns: pats, index }
    }

    fn searcher(&self) -> &AhoCorasick {
        self.automaton.get_or_init(|| build_automaton(&self.patterns, None, MatchKind::LeftmostLongest, false))
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

    /// The payload when the whole of `phrase` is a known phrase. The automaton matches the
    /// lowercase phrases ignoring ASCII case only, so this is the phrase with its ASCII
    /// letters lowercased, looked up.
    pub fn get(&self, phrase: &str) -> Option<&T> {
        let p = phrase.trim();
        let key = if p.bytes().any(|b| b.is_ascii_uppercase()) {
            std::borrow::Cow::Owned(p.to_ascii_lowercase())
        } else {
            std::borrow::Cow::Borrowed(p)
        };
        self.index.get(key.as_ref()).map(|&i| &self.payloads[i as usize])
    }

    pub fn len(&self) -> usize {
        self.payloads.len()
    }

    /// The phrases, lowercase, each once, in payload order.
    pub fn patterns(&self) -> &[String] {
        &self.patterns
    }

    pub fn is_empty(&self) -> bool {
        self.payloads.is_empty()
    }
}

/// The phrase lexicons [`PhraseUnion`] searches together, in its order.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexicon {
    Titles,
    Cues,
    Triggers,
    Modality,
    EventContext,
    Offices,
}

const LEXICONS: usize = 6;

/// The phrases of all lexicons in one automaton: a document is searched once, for every
/// occurrence of every phrase ([`PhraseUnion::hits`]), where each stage used to run its
/// lexicon's leftmost-longest search over each sentence again (cues twice, titles in
/// three stages): about 100 million instructions on 200 PolNeAR texts. Each lexicon's
/// leftmost-longest matches in any stretch of text are then picked from its occurrences
/// ([`PhraseHits::find_in`]): the same matches as its own search.
#[derive(Clone)]
pub struct PhraseUnion {
    /// Every lexicon's phrases (each once), all matches reported (standard, overlapping).
    automaton: AhoCorasick,
    patterns: Vec<String>,
    /// A DFA of the same phrases, built for large batches (`prepare_dfa`): it searches in
    /// less than half the instructions of the NFA but costs tens of milliseconds to build,
    /// which a one-document call should not pay. Both find the same matches.
    dfa: OnceLock<AhoCorasick>,
    /// Union phrase `p` is phrase `owners[p][k].1` of lexicon `owners[p][k].0`.
    owners: Vec<Vec<(Lexicon, u32)>>,
}

impl PhraseUnion {
    /// The union of the lexicons' phrases (`lexicons[i]` is the matcher of `Lexicon` `i`).
    pub fn new(lexicons: [(Lexicon, &[String]); LEXICONS]) -> Self {
        let mut index: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(Lexicon, u32)>> = Vec::new();
        for (lex, pats) in lexicons {
            for (local, p) in pats.iter().enumerate() {
                let u = *index.entry(p.as_str()).or_insert_with(|| {
                    patterns.push(p.clone());
                    owners.push(Vec::new());
                    patterns.len() - 1
                });
                owners[u].push((lex, local as u32));
            }
        }
        let automaton = build_automaton(&patterns, None, MatchKind::Standard, true);
        PhraseUnion { automaton, patterns, dfa: OnceLock::new(), owners }
    }

    /// Build the DFA that later searches use (once; see `dfa`).
    pub fn prepare_dfa(&self) {
        self.dfa.get_or_init(|| build_automaton(&self.patterns, Some(AhoCorasickKind::DFA), MatchKind::Standard, true));
    }

    /// Every occurrence of every lexicon's phrases in `text`.
    pub fn hits(&self, text: &str) -> PhraseHits {
        let searcher = self.dfa.get().unwrap_or(&self.automaton);
        let mut by_lexicon: [Vec<(u32, u32, u32)>; LEXICONS] = Default::default();
        // The automata match the lowercase phrases in the lowercased text (same offsets)
        // rather than ignoring case: upper-case letters then share one byte class with the
        // bytes no phrase has, which halves the DFA's rows (fewer cache misses).
        for m in searcher.find_overlapping_iter(&text.to_ascii_lowercase()) {
            for &(lex, local) in &self.owners[m.pattern().as_usize()] {
                by_lexicon[lex as usize].push((m.start() as u32, m.end() as u32, local));
            }
        }
        for hits in &mut by_lexicon {
            hits.sort_unstable_by_key(|&(s, e, _)| (s, std::cmp::Reverse(e)));
        }
        PhraseHits { by_lexicon }
    }
}

/// Every occurrence of every lexicon's phrases in one document, by lexicon, sorted by start
/// and the longest first: (start, end, the phrase's index in its matcher).
#[derive(Default)]
pub struct PhraseHits {
    by_lexicon: [Vec<(u32, u32, u32)>; LEXICONS],
}

impl PhraseHits {
    /// [`PhraseMatcher::find_in`] of `matcher` (lexicon `lex`) over `text[from..to]`: the
    /// leftmost occurrence inside, the longest of those, then the same from its end on; of
    /// these, the ones on word boundaries. `text` is the text of the hits.
    pub fn find_in<'h, 'm, T>(
        &'h self,
        lex: Lexicon,
        matcher: &'m PhraseMatcher<T>,
        text: &'h str,
        from: usize,
        to: usize,
    ) -> PhraseIter<'h, 'm, T> {
        let hits = &self.by_lexicon[lex as usize];
        let first = hits.partition_point(|&(s, _, _)| (s as usize) < from);
        PhraseIter { hits: &hits[first..], payloads: &matcher.payloads, text, pos: from, to }
    }
}

/// The matches [`PhraseHits::find_in`] gives, in text order.
pub struct PhraseIter<'h, 'm, T> {
    /// The lexicon's occurrences from the first at or after the start on.
    hits: &'h [(u32, u32, u32)],
    payloads: &'m [T],
    text: &'h str,
    /// Where the next match may start (the end of the last one).
    pos: usize,
    to: usize,
}

impl<'m, T> Iterator for PhraseIter<'_, 'm, T> {
    type Item = (usize, usize, &'m T);

    fn next(&mut self) -> Option<Self::Item> {
        while let Some((&(s, e, p), rest)) = self.hits.split_first() {
            let (s, e) = (s as usize, e as usize);
            if s >= self.to {
                self.hits = &[];
                return None;
            }
            self.hits = rest;
            if s < self.pos || e > self.to {
                continue;
            }
            self.pos = e;
            let text = self.text;
            if text.is_char_boundary(s) && text.is_char_boundary(e) && is_word_byte_boundary(text, s, e) {
                return Some((s, e, &self.payloads[p as usize]));
            }
        }
        None
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
