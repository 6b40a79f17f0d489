//! Lexicons: the data files in `data/`, compiled into the binary and parsed once.
//!
//! Entity names are found with one Aho-Corasick automaton over all keys (never pattern by
//! pattern); cue verbs, event triggers, titles and modality markers with small
//! case-insensitive phrase matchers. Files are tab-separated with a header line.

use crate::model::{Geo, Label, Mention, MentionSource, Modality};
use crate::translit::Table;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

/// Rows of a TSV file as field vectors: header and `#` comment lines skipped.
pub fn tsv_rows(text: &str) -> impl Iterator<Item = Vec<&str>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::trim).collect())
}

/// Non-empty, non-comment lines of a one-item-a-line file.
pub fn list_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn field<'a>(row: &[&'a str], i: usize) -> &'a str {
    row.get(i).copied().unwrap_or("")
}

fn non_empty(s: &str) -> Option<String> {
    if s.is_empty() {
        None
    } else {
        Some(s.to_string())
    }
}

/// A slug for entity ids: lowercase ASCII letters and digits joined by hyphens. Every id
/// slug in the crate comes from here.
///
/// - Latin text: accents folded (`Dnipró (city)` → `dnipro-city`).
/// - Cyrillic is transliterated first ([`crate::translit`]: `Шойгу` → `shoygu`).
/// - Nothing spellable left (Arabic, Chinese, emoji, punctuation only): `u` and the
///   [`name_hash`] of the text, so the slug is never empty and two names differ.
/// - Some letters of another script or emoji left beside Latin ones (`Ali علي`): the
///   Latin slug, `-u` and the hash, so `Ali علي` and `Ali حسن` stay apart.
pub fn slug(s: &str) -> String {
    let latin = if s.is_ascii() { None } else { crate::translit::to_latin(s) };
    let text = latin.as_deref().unwrap_or(s);
    let base = ascii_slug(text);
    if base.is_empty() {
        format!("u{:016x}", name_hash(s))
    } else if text.chars().any(|c| c.is_alphanumeric() && !is_latin_script(c) || is_pictograph(c)) {
        format!("{base}-u{:016x}", name_hash(s))
    } else {
        base
    }
}

/// The Latin part of a slug: letters and digits after accent folding, the rest hyphens.
fn ascii_slug(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let c = fold_char(c);
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Latin letters (Basic Latin to Latin Extended-B, IPA, Latin Extended Additional/C/D/E,
/// fullwidth): those `slug` spells or drops as Latin text always has.
fn is_latin_script(c: char) -> bool {
    matches!(c, '\0'..='\u{02AF}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}' | '\u{AB30}'..='\u{AB6F}' | '\u{FF01}'..='\u{FF5E}')
}

/// Emoji and pictographic symbols (a name may be nothing else).
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{2600}'..='\u{27BF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// A stable 64-bit hash of a name: FNV-1a over the UTF-8 bytes of the text lowercased,
/// trimmed and with whitespace runs as one space (fixed constants: the same on every run,
/// platform and Rust version, unlike `DefaultHasher`). Not a full Unicode normalisation:
/// composed and decomposed spellings of a letter outside Latin and Cyrillic hash apart.
pub fn name_hash(s: &str) -> u64 {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;
    let mut h = OFFSET;
    let mut feed = |c: char| {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(PRIME);
        }
    };
    for (i, w) in s.split_whitespace().enumerate() {
        if i > 0 {
            feed(' ');
        }
        w.chars().flat_map(char::to_lowercase).for_each(&mut feed);
    }
    h
}

/// Strip the accent from common Latin letters (enough for ids and name comparison).
pub fn fold_char(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' | 'Ă' | 'Ą' => 'A',
        'ç' | 'ć' | 'č' => 'c',
        'Ç' | 'Ć' | 'Č' => 'C',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => 'e',
        'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę' | 'Ě' => 'E',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' => 'i',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'Į' | 'İ' => 'I',
        'ñ' | 'ń' | 'ň' => 'n',
        'Ñ' | 'Ń' | 'Ň' => 'N',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => 'o',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō' | 'Ő' => 'O',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' => 'u',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű' | 'Ų' => 'U',
        'ý' | 'ÿ' => 'y',
        'Ý' | 'Ÿ' => 'Y',
        'ś' | 'š' | 'ş' | 'ș' => 's',
        'Ś' | 'Š' | 'Ş' | 'Ș' => 'S',
        'ź' | 'ż' | 'ž' => 'z',
        'Ź' | 'Ż' | 'Ž' => 'Z',
        'ł' => 'l',
        'Ł' => 'L',
        'ř' => 'r',
        'Ř' => 'R',
        'ť' | 'ţ' | 'ț' => 't',
        'Ť' | 'Ţ' | 'Ț' => 'T',
        'ď' => 'd',
        'Ď' => 'D',
        'ğ' => 'g',
        'Ğ' => 'G',
        c => c,
    }
}

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

/// Abbreviations (`data/abbreviations.tsv`): titles ("Gen."), words before a number
/// ("No."), others ("U.S."), and sentence starters that look like abbreviations.
#[derive(Debug, Default, Clone)]
pub struct Abbreviations {
    title: HashSet<String>,
    before_number: HashSet<String>,
    other: HashSet<String>,
    starters: HashSet<String>,
}

impl Abbreviations {
    /// Parse `data/abbreviations.tsv` (`abbr<TAB>kind`, `#` comments, a header line).
    pub fn parse(tsv: &str) -> Self {
        let mut a = Abbreviations::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).skip(1) {
            let mut f = line.split('\t');
            let (Some(abbr), Some(kind)) = (f.next(), f.next()) else {
                continue;
            };
            let set = match kind.trim() {
                "title" => &mut a.title,
                "number" => &mut a.before_number,
                "other" => &mut a.other,
                "starter" => &mut a.starters,
                _ => continue,
            };
            set.insert(abbr.trim().to_lowercase());
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

/// All entity names: entries and one automaton over their surface keys.
pub struct Gazetteer {
    pub entries: Vec<Entry>,
    /// key index → entry index
    keys: Vec<String>,
    key_entry: Vec<u32>,
    automaton: AhoCorasick,
}

/// One lexicon hit in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LexMatch {
    pub start: usize,
    pub end: usize,
    pub entry: u32,
}

fn is_word_byte_boundary(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(|c| c.is_alphanumeric()) && !after.is_some_and(|c| c.is_alphanumeric())
}

impl Gazetteer {
    /// Build from (surface key, entry) pairs; several keys may share an entry.
    pub fn build(entries: Vec<Entry>, keys: Vec<(String, u32)>) -> Gazetteer {
        // Deduplicate keys: the first entry that claimed a key keeps it (callers order the
        // sources by priority).
        let mut seen = HashSet::with_capacity(keys.len());
        let mut pats = Vec::with_capacity(keys.len());
        let mut key_entry = Vec::with_capacity(keys.len());
        for (k, e) in keys {
            if k.chars().count() < 2 || !seen.insert(k.clone()) {
                continue;
            }
            pats.push(k);
            key_entry.push(e);
        }
        // Standard match semantics: the only kind that supports overlapping search.
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            .build(&pats)
            .expect("gazetteer automaton");
        Gazetteer { entries, keys: pats, key_entry, automaton }
    }

    /// Longest hits on word boundaries, left to right, never overlapping. Keys match in their
    /// own case, or in capitals when the text is capitalised ("KYIV, Sept 13").
    ///
    /// The automaton reports every key occurrence (overlapping search), so a rejected long
    /// hit ("Kyiv region" against the text "Kyiv Region police") still lets a shorter or
    /// differently-cased key at the same place win ("Kyiv Region", or "Kyiv").
    pub fn find(&self, text: &str) -> Vec<LexMatch> {
        let mut candidates: Vec<LexMatch> = Vec::new();
        let mut state = aho_corasick::automaton::OverlappingState::start();
        loop {
            self.automaton.find_overlapping(text, &mut state);
            let Some(m) = state.get_match() else { break };
            let (s, e) = (m.start(), m.end());
            if !text.is_char_boundary(s) || !text.is_char_boundary(e) || !is_word_byte_boundary(text, s, e) {
                continue;
            }
            let key_id = m.pattern().as_usize();
            if !self.case_ok(key_id, &text[s..e]) {
                continue;
            }
            candidates.push(LexMatch { start: s, end: e, entry: self.key_entry[key_id] });
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
        if pat == surface {
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

/// A case-insensitive matcher of (possibly multiword) phrases on word boundaries.
#[derive(Clone)]
pub struct PhraseMatcher<T> {
    payloads: Vec<T>,
    automaton: AhoCorasick,
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
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .build(&pats)
            .expect("phrase automaton");
        PhraseMatcher { payloads, automaton }
    }

    /// All hits in `text[from..to]`, as absolute byte offsets.
    pub fn find_in<'a>(
        &'a self,
        text: &'a str,
        from: usize,
        to: usize,
    ) -> impl Iterator<Item = (usize, usize, &'a T)> + 'a {
        let hay = &text[from..to];
        self.automaton.find_iter(hay).filter_map(move |m| {
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
        let m = self.automaton.find(p)?;
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
    pub event_type: String,
    pub subtype: Option<String>,
    /// The trigger is a verb (its subject is the actor) rather than a noun.
    pub verb: bool,
}

/// Every lexicon the pipeline uses.
#[derive(Clone)]
pub struct Resources {
    pub abbreviations: Abbreviations,
    /// Shared between engines: it is the costly part to build.
    pub gazetteer: Arc<Gazetteer>,
    /// User-supplied names (`Extractor(gazetteer=...)`), matched before the built-in ones.
    pub user: Option<Arc<Gazetteer>>,
    pub first_names: HashSet<String>,
    pub ambiguous_first_names: HashSet<String>,
    pub common_words: HashSet<String>,
    pub org_heads: HashSet<String>,
    pub titles: PhraseMatcher<Title>,
    pub cues: PhraseMatcher<Cue>,
    pub triggers: PhraseMatcher<Trigger>,
    pub modality: PhraseMatcher<Modality>,
    /// Words that tell an accident or disaster from an attack (`event_context.tsv`):
    /// `true` for violence cues (a weapon, an armed actor), `false` for accident cues.
    pub event_context: PhraseMatcher<bool>,
    /// Lowercase trigger forms that may name an accident as well as an attack
    /// ("explosion", "struck"): the `guarded` rows of `event_context.tsv`.
    pub guarded_triggers: HashSet<String>,
    /// Weapons and ammunition (`weapon` rows): what makes "seized"/"found" a weapons seizure.
    pub weapon_words: HashSet<String>,
    /// Places an armed group takes (`territory` rows): "took control of the town".
    pub territory_words: HashSet<String>,
    /// Vague amounts and the smallest count they allow ("dozens" → 24), from `vague_counts.tsv`.
    pub vague_counts: HashMap<String, u32>,
    /// ISO 639-3 → ISO 639-1 codes of the languages the detector knows.
    pub language_codes: HashMap<String, String>,
    /// Frequent English function words: the detector's fast path for English text.
    pub function_words_en: HashSet<String>,
    /// Cyrillic → Latin for names (the process-wide table of [`cyrillic`]).
    pub cyrillic: &'static Table,
}

pub mod files {
    pub const ABBREVIATIONS: &str = include_str!("../data/abbreviations.tsv");
    pub const PLACES: &str = include_str!("../data/places.tsv");
    pub const LOCATIONS: &str = include_str!("../data/locations.tsv");
    pub const ORGS: &str = include_str!("../data/orgs.tsv");
    pub const PEOPLE: &str = include_str!("../data/people.tsv");
    pub const DEMONYMS: &str = include_str!("../data/demonyms.tsv");
    pub const FIRST_NAMES: &str = include_str!("../data/first_names.txt");
    pub const FIRST_NAMES_AMBIGUOUS: &str = include_str!("../data/first_names_ambiguous.txt");
    pub const COMMON_WORDS: &str = include_str!("../data/common_words.txt");
    pub const ORG_HEADS: &str = include_str!("../data/org_heads.txt");
    pub const TITLES: &str = include_str!("../data/titles.tsv");
    pub const CUES: &str = include_str!("../data/cues.tsv");
    pub const TRIGGERS: &str = include_str!("../data/event_triggers.tsv");
    pub const MODALITY: &str = include_str!("../data/modality.tsv");
    pub const EVENT_CONTEXT: &str = include_str!("../data/event_context.tsv");
    pub const VAGUE_COUNTS: &str = include_str!("../data/vague_counts.tsv");
    pub const ACTOR_SIDES: &str = include_str!("../data/actor_sides.tsv");
    pub const EXTRA_KEYS: &str = include_str!("../data/extra_keys.tsv");
    pub const LANGUAGES: &str = include_str!("../data/languages.tsv");
    pub const FUNCTION_WORDS_EN: &str = include_str!("../data/function_words_en.txt");
    pub const CYRILLIC: &str = include_str!("../data/cyrillic.tsv");
}

/// The Cyrillic romanisation table (`data/cyrillic.tsv`), parsed once per process: `slug`
/// needs it without a `Resources` at hand.
pub fn cyrillic() -> &'static Table {
    static CELL: OnceLock<Table> = OnceLock::new();
    CELL.get_or_init(|| Table::parse(files::CYRILLIC))
}

fn parse_f64(s: &str) -> Option<f64> {
    s.parse::<f64>().ok().filter(|v| v.is_finite())
}

fn split_aliases(s: &str) -> impl Iterator<Item = &str> {
    s.split('|').map(str::trim).filter(|a| !a.is_empty())
}

/// Builds entries and keys from the entity files, in priority order.
#[derive(Default)]
struct GazetteerBuilder {
    entries: Vec<Entry>,
    keys: Vec<(String, u32)>,
}

impl GazetteerBuilder {
    fn add(&mut self, entry: Entry, name_matches: bool, aliases: &str) {
        let idx = self.entries.len() as u32;
        if name_matches {
            self.keys.push((entry.canonical.clone(), idx));
        }
        for a in split_aliases(aliases) {
            self.keys.push((a.to_string(), idx));
        }
        self.entries.push(entry);
    }

    /// `name label kind country admin1 lat lon population aliases`, with `id` first.
    fn places(&mut self, tsv: &str) {
        for r in tsv_rows(tsv) {
            let (id, name, label, kind) = (field(&r, 0), field(&r, 1), field(&r, 2), field(&r, 3));
            let Some(label) = Label::parse(label) else { continue };
            let kind = match kind {
                "country" => EntryKind::Country,
                "admin1" => EntryKind::Region,
                _ => EntryKind::City,
            };
            let aliases = field(&r, 9);
            let (name_matches, aliases) = match aliases.strip_prefix('!') {
                Some(rest) => (false, rest),
                None => (true, aliases),
            };
            let entry = Entry {
                label,
                kind,
                canonical: name.to_string(),
                id: id.to_string(),
                geo: Geo {
                    country: non_empty(field(&r, 4)),
                    lat: parse_f64(field(&r, 6)),
                    lon: parse_f64(field(&r, 7)),
                },
                population: field(&r, 8).parse().unwrap_or(0),
                role: None,
            };
            self.add(entry, name_matches, aliases);
        }
    }

    /// `name label kind country lat lon aliases id`
    fn locations(&mut self, tsv: &str) {
        for r in tsv_rows(tsv) {
            let Some(label) = Label::parse(field(&r, 1)) else {
                continue;
            };
            let kind = if label == Label::Fac { EntryKind::Facility } else { EntryKind::Location };
            let name = field(&r, 0);
            let id = non_empty(field(&r, 7)).unwrap_or_else(|| format!("loc:{}", slug(name)));
            let entry = Entry {
                label,
                kind,
                canonical: name.to_string(),
                id,
                geo: Geo {
                    country: non_empty(field(&r, 3)),
                    lat: parse_f64(field(&r, 4)),
                    lon: parse_f64(field(&r, 5)),
                },
                population: 0,
                role: None,
            };
            self.add(entry, true, field(&r, 6));
        }
    }

    /// `name label country aliases id`
    fn orgs(&mut self, tsv: &str) {
        for r in tsv_rows(tsv) {
            let label = Label::parse(field(&r, 1)).unwrap_or(Label::Org);
            let name = field(&r, 0);
            let id = non_empty(field(&r, 4)).unwrap_or_else(|| format!("org:{}", slug(name)));
            let entry = Entry {
                label,
                kind: EntryKind::Org,
                canonical: name.to_string(),
                id,
                geo: Geo { country: non_empty(field(&r, 2)), lat: None, lon: None },
                population: 0,
                role: None,
            };
            self.add(entry, true, field(&r, 3));
        }
    }

    /// `name aliases role country id`
    fn people(&mut self, tsv: &str) {
        for r in tsv_rows(tsv) {
            let name = field(&r, 0);
            let id = non_empty(field(&r, 4)).unwrap_or_else(|| format!("person:{}", slug(name)));
            let entry = Entry {
                label: Label::Person,
                kind: EntryKind::Person,
                canonical: name.to_string(),
                id,
                geo: Geo { country: non_empty(field(&r, 3)), lat: None, lon: None },
                population: 0,
                role: non_empty(field(&r, 2)),
            };
            self.add(entry, true, field(&r, 1));
        }
    }

    /// `surface country canonical` — one entry per canonical adjective.
    fn demonyms(&mut self, tsv: &str) {
        let mut by_canonical: HashMap<String, u32> = HashMap::new();
        for r in tsv_rows(tsv) {
            let (surface, country) = (field(&r, 0), field(&r, 1));
            let canonical = non_empty(field(&r, 2)).unwrap_or_else(|| surface.to_string());
            let idx = match by_canonical.get(&canonical) {
                Some(&i) => i,
                None => {
                    let i = self.entries.len() as u32;
                    self.entries.push(Entry {
                        label: Label::Norp,
                        kind: EntryKind::Demonym,
                        id: format!("norp:{}", slug(&canonical)),
                        canonical: canonical.clone(),
                        geo: Geo { country: non_empty(country), lat: None, lon: None },
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

    /// `key id`: more keys for entries already loaded.
    fn extra_keys(&mut self, tsv: &str) {
        let by_id: HashMap<&str, u32> =
            self.entries.iter().enumerate().map(|(i, e)| (e.id.as_str(), i as u32)).collect();
        let mut extra = Vec::new();
        for r in tsv_rows(tsv) {
            if let Some(&i) = by_id.get(field(&r, 1)) {
                extra.push((field(&r, 0).to_string(), i));
            }
        }
        self.keys.extend(extra);
    }

    fn build(self) -> Gazetteer {
        Gazetteer::build(self.entries, self.keys)
    }
}

/// A user gazetteer row: surface form, label, optional canonical name.
pub fn user_gazetteer(rows: &[(String, Label, Option<String>)]) -> Gazetteer {
    let mut b = GazetteerBuilder::default();
    let mut by_canonical: HashMap<(String, Label), u32> = HashMap::new();
    for (surface, label, canonical) in rows {
        let canonical = canonical.clone().unwrap_or_else(|| surface.clone());
        let key = (canonical.clone(), *label);
        let idx = match by_canonical.get(&key) {
            Some(&i) => i,
            None => {
                let i = b.entries.len() as u32;
                b.entries.push(Entry {
                    label: *label,
                    kind: EntryKind::User,
                    id: format!("user:{}:{}", label.as_str().to_lowercase(), slug(&canonical)),
                    canonical: canonical.clone(),
                    geo: Geo::default(),
                    population: 0,
                    role: None,
                });
                by_canonical.insert(key, i);
                i
            }
        };
        b.keys.push((surface.clone(), idx));
    }
    b.build()
}

fn lowercase_set(text: &str) -> HashSet<String> {
    list_lines(text).map(|l| l.to_lowercase()).collect()
}

impl Resources {
    /// Parse the built-in data files.
    pub fn builtin() -> Resources {
        let mut g = GazetteerBuilder::default();
        // Priority when two sources claim the same key: people, organisations, named
        // locations and facilities, then populated places, then nationalities.
        g.people(files::PEOPLE);
        g.orgs(files::ORGS);
        g.locations(files::LOCATIONS);
        g.places(files::PLACES);
        g.demonyms(files::DEMONYMS);
        g.extra_keys(files::EXTRA_KEYS);
        let titles = tsv_rows(files::TITLES)
            .filter_map(|r| {
                let kind = match field(&r, 1) {
                    "honorific" => TitleKind::Honorific,
                    "rank" => TitleKind::Rank,
                    "office" => TitleKind::Office,
                    _ => return None,
                };
                let title = field(&r, 0).to_string();
                let canonical = non_empty(field(&r, 2)).unwrap_or_else(|| title.clone());
                Some((title, Title { kind, canonical }))
            })
            .collect();
        let cues = tsv_rows(files::CUES)
            .filter_map(|r| {
                let kind = match field(&r, 2) {
                    "belief" => CueKind::Belief,
                    "phrase" => CueKind::Phrase,
                    _ => CueKind::Speech,
                };
                let form = field(&r, 0);
                (!form.is_empty()).then(|| (form.to_string(), Cue { lemma: field(&r, 1).to_string(), kind }))
            })
            .collect();
        let triggers = tsv_rows(files::TRIGGERS)
            .filter_map(|r| {
                let t = field(&r, 0);
                let ty = field(&r, 1);
                (!t.is_empty() && !ty.is_empty()).then(|| {
                    (
                        t.to_string(),
                        Trigger {
                            event_type: ty.to_string(),
                            subtype: non_empty(field(&r, 2)),
                            verb: field(&r, 3) == "verb",
                        },
                    )
                })
            })
            .collect();
        let modality = tsv_rows(files::MODALITY)
            .filter_map(|r| Modality::parse(field(&r, 1)).map(|m| (field(&r, 0).to_string(), m)))
            .collect();
        Resources {
            abbreviations: Abbreviations::parse(files::ABBREVIATIONS),
            gazetteer: Arc::new(g.build()),
            user: None,
            first_names: list_lines(files::FIRST_NAMES).map(str::to_string).collect(),
            ambiguous_first_names: list_lines(files::FIRST_NAMES_AMBIGUOUS).map(str::to_string).collect(),
            common_words: lowercase_set(files::COMMON_WORDS),
            org_heads: list_lines(files::ORG_HEADS).map(str::to_string).collect(),
            titles: PhraseMatcher::new(titles),
            cues: PhraseMatcher::new(cues),
            triggers: PhraseMatcher::new(triggers),
            modality: PhraseMatcher::new(modality),
            event_context: PhraseMatcher::new(
                tsv_rows(files::EVENT_CONTEXT)
                    .filter(|r| matches!(field(r, 1), "accident" | "violence" | "weapon"))
                    .map(|r| (field(&r, 0).to_string(), field(&r, 1) != "accident"))
                    .collect(),
            ),
            guarded_triggers: tsv_rows(files::EVENT_CONTEXT)
                .filter(|r| field(r, 1) == "guarded")
                .map(|r| field(&r, 0).to_lowercase())
                .collect(),
            weapon_words: tsv_rows(files::EVENT_CONTEXT)
                .filter(|r| field(r, 1) == "weapon")
                .map(|r| field(&r, 0).to_lowercase())
                .collect(),
            territory_words: tsv_rows(files::EVENT_CONTEXT)
                .filter(|r| field(r, 1) == "territory")
                .map(|r| field(&r, 0).to_lowercase())
                .collect(),
            vague_counts: tsv_rows(files::VAGUE_COUNTS)
                .filter_map(|r| Some((field(&r, 0).to_lowercase(), field(&r, 1).parse().ok()?)))
                .collect(),
            language_codes: tsv_rows(files::LANGUAGES)
                .map(|r| (field(&r, 0).to_string(), field(&r, 1).to_string()))
                .collect(),
            function_words_en: lowercase_set(files::FUNCTION_WORDS_EN),
            cyrillic: cyrillic(),
        }
    }

    /// The built-in resources, parsed once per process.
    pub fn shared() -> Arc<Resources> {
        static CELL: OnceLock<Arc<Resources>> = OnceLock::new();
        CELL.get_or_init(|| Arc::new(Resources::builtin())).clone()
    }

    /// The built-in resources plus a user gazetteer. The built-in gazetteer is shared, not
    /// rebuilt: only the user's names are compiled.
    pub fn with_user(rows: &[(String, Label, Option<String>)]) -> Resources {
        let mut r = Resources::shared().as_ref().clone();
        r.user = Some(Arc::new(user_gazetteer(rows)));
        r
    }

    pub fn is_common_word(&self, w: &str) -> bool {
        self.common_words.contains(&w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slug("Volodymyr Zelensky"), "volodymyr-zelensky");
        assert_eq!(slug("  Dnipró (city) "), "dnipro-city");
    }

    #[test]
    fn slugs_of_names_in_other_scripts() {
        let cases = [
            ("Зеленський", "zelenskyi"),
            ("Олег Синєгубов", "oleh-syniehubov"),
            ("Олег Синегубов", "oleg-sinegubov"),
            ("Шойгу", "shoygu"),
            ("ЗАПОРІЖЖЯ", "zaporizhzhia"),
            ("Kyiv (Київ)", "kyiv-kyiv"),
            ("O’Brien", "o-brien"),
            ("Straße", "stra-e"),
        ];
        for (name, want) in cases {
            assert_eq!(slug(name), want, "{name}");
        }
        // Nothing spellable: `u` and 16 hex digits, fixed for all time.
        assert_eq!(slug(""), "ucbf29ce484222325");
        assert_eq!(slug("a"), "a");
        assert_eq!(name_hash("a"), 0xaf63dc4c8601ec8c, "FNV-1a 64 test vector");
        let others =
            ["محمد عباس", "محمود عباس", "习近平", "李强", "🙂", "🚀", "!!!", "???", "Ali علي", "Ali حسن", "Ἀθῆναι"];
        let slugs: Vec<String> = others.iter().map(|n| slug(n)).collect();
        for (n, s) in others.iter().zip(&slugs) {
            assert!(!s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-'), "{n}: {s}");
            assert_eq!(&slug(n), s, "{n}: not stable");
        }
        let distinct: HashSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), slugs.len(), "{slugs:?}");
        assert!(slug("Ali علي").starts_with("ali-u"), "{}", slug("Ali علي"));
        // Case and spacing are not part of a name.
        assert_eq!(slug("محمد  عباس "), slug("محمد عباس"));
    }

    fn city(name: &str) -> Entry {
        Entry {
            label: Label::Gpe,
            kind: EntryKind::City,
            canonical: name.into(),
            id: name.into(),
            geo: Geo::default(),
            population: 0,
            role: None,
        }
    }

    #[test]
    fn gazetteer_matches_on_word_boundaries_and_case() {
        let g = Gazetteer::build(
            vec![city("Kyiv"), city("Kyiv Oblast")],
            vec![("Kyiv".into(), 0), ("Kiev".into(), 0), ("Kyiv Oblast".into(), 1)],
        );
        let text = "KYIV - In Kiev and Kyiv Oblast, not Kievan or kyiv.";
        let hits: Vec<_> = g.find(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(hits, vec!["KYIV", "Kiev", "Kyiv Oblast"]);
    }

    #[test]
    fn rejected_hits_leave_room_for_other_keys() {
        let g = Gazetteer::build(
            vec![city("Kyiv"), city("Kyiv Oblast"), city("Donetsk")],
            vec![
                ("Kyiv".into(), 0),
                ("Kyiv region".into(), 1),
                ("Kyiv Region".into(), 1),
                ("Donetsk".into(), 2),
                ("The D".into(), 0),
            ],
        );
        let text = "Police in Kyiv Region and the Donetsk area; kyiv region Kyiv";
        let hits: Vec<_> = g.find(text).iter().map(|m| &text[m.start..m.end]).collect();
        assert_eq!(hits, vec!["Kyiv Region", "Donetsk", "Kyiv"]);
    }

    #[test]
    fn user_names_come_on_top_of_the_shared_builtin_gazetteer() {
        let r = Resources::with_user(&[("Blorvania".to_string(), Label::Gpe, None)]);
        assert!(Arc::ptr_eq(&r.gazetteer, &Resources::shared().gazetteer), "built-in gazetteer rebuilt");
        let user = r.user.as_ref().expect("user gazetteer");
        let hits = user.find("Troops left Blorvania.");
        assert_eq!(hits.len(), 1);
        assert_eq!(user.entry(&hits[0]).canonical, "Blorvania");
    }

    #[test]
    fn builtin_resources_load() {
        let r = Resources::shared();
        assert!(r.gazetteer.len() > 10_000);
        assert!(r.cues.get("said").is_some());
        let text = "Shelling hit Kyiv and Zaporizhzhya.";
        let names: Vec<_> = r.gazetteer.find(text).iter().map(|m| r.gazetteer.entry(m).canonical.clone()).collect();
        assert!(names.contains(&"Kyiv".to_string()), "{names:?}");
        assert!(names.contains(&"Zaporizhzhia".to_string()), "{names:?}");
    }
}
