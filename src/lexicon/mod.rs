//! Lexicons: the data files in `data/`, compiled into the binary and parsed once. This
//! module is the only reader of `data/`: stages ask [`Resources`], never a file.
//!
//! Entity names are found with one Aho-Corasick automaton over all keys (never pattern by
//! pattern, [`gazetteer`]); cue verbs, event triggers, titles and modality markers with small
//! case-insensitive phrase matchers ([`phrases`]). Files are tab-separated with a header
//! line, read by column name ([`tsv`]); a row the code cannot use (an unknown kind, type or
//! label) stops the load, naming the file, so a typo fails the tests instead of being lost.

mod abbreviations;
mod fold;
mod gazetteer;
mod image;
mod keyset;
mod names;
mod national;
mod offices;
mod phrases;
mod sides;
mod spelling;
mod tsv;
mod user;
mod words;

pub use abbreviations::Abbreviations;
pub use fold::fold_char;
pub use gazetteer::{Entry, EntryKind, Gazetteer, LexMatch};
pub use names::{name_hash, slug};
pub use offices::{Holder, Offices};
pub use phrases::{
    Cue, CueKind, Lexicon, PhraseHits, PhraseIter, PhraseMatcher, PhraseUnion, Title, TitleKind, Trigger,
};
pub use sides::{Country, PlaceKinds, SideKind, Sides};
pub use spelling::{spelling_key, SpellingIndex};
pub(crate) use tsv::data_file;
pub use tsv::DataFile;
pub use user::{user_gazetteer, UserRow};
pub use words::{any_of, FxBuildHasher, FxHashMap, FxHashSet, WordClass, WordClasses, WordSet, WordTable};

use crate::model::{EventType, Modality};
use crate::translit::Table;
use std::sync::{Arc, OnceLock};

/// Every lexicon the pipeline uses.
#[derive(Clone)]
pub struct Resources {
    pub abbreviations: Abbreviations,
    /// Shared between engines: it is the costly part to build.
    pub gazetteer: Arc<Gazetteer>,
    /// User-supplied names (`Extractor(gazetteer=...)`), matched before the built-in ones.
    pub user: Option<Arc<Gazetteer>>,
    pub first_names: FxHashSet<String>,
    pub ambiguous_first_names: FxHashSet<String>,
    pub common_words: FxHashSet<String>,
    pub org_heads: FxHashSet<String>,
    pub titles: PhraseMatcher<Title>,
    pub cues: PhraseMatcher<Cue>,
    pub triggers: PhraseMatcher<Trigger>,
    pub modality: PhraseMatcher<Modality>,
    /// Words that tell an accident or disaster from an attack (`event_context.tsv`):
    /// `true` for violence cues (a weapon, an armed actor), `false` for accident cues.
    pub event_context: PhraseMatcher<bool>,
    /// Lowercase trigger forms that may name an accident as well as an attack
    /// ("explosion", "struck"): the `guarded` rows of `event_context.tsv`.
    pub guarded_triggers: FxHashSet<String>,
    /// Weapons and ammunition (`weapon` rows): what makes "seized"/"found" a weapons seizure.
    pub weapon_words: FxHashSet<String>,
    /// Places an armed group takes (`territory` rows): "took control of the town".
    pub territory_words: FxHashSet<String>,
    /// Vague amounts and the smallest count they allow ("dozens" → 24), from `vague_counts.tsv`.
    pub vague_counts: FxHashMap<String, u32>,
    /// ISO 639-3 → ISO 639-1 codes of the languages the detector knows.
    pub language_codes: FxHashMap<String, String>,
    /// Frequent English function words: the detector's fast path for English text.
    pub function_words_en: FxHashSet<String>,
    /// Countries and first-level regions by id (and countries by name): how far a place
    /// is from a town, for choosing an event's location.
    pub place_kinds: PlaceKinds,
    /// Group nouns that name an armed force (`actor_sides.tsv`), with their countries.
    pub sides: Sides,
    /// Closed word classes (the process-wide table of [`words`]).
    pub words: &'static WordTable,
    /// Cyrillic → Latin for names (the process-wide table of [`cyrillic`]).
    pub cyrillic: &'static Table,
    /// Offices and their holders with dates (`offices.tsv`).
    pub offices: Offices,
    /// The phrases of `titles`, `cues`, `triggers`, `modality`, `event_context` and
    /// `offices`, searched together once per document (`DocContext::phrases`).
    pub phrases: PhraseUnion,
}

/// The data files, compiled in.
pub mod files {
    use super::{data_file, DataFile};
    pub const ABBREVIATIONS: DataFile = data_file!("abbreviations.tsv");
    pub const PLACES: DataFile = data_file!("places.tsv");
    pub const LOCATIONS: DataFile = data_file!("locations.tsv");
    pub const ORGS: DataFile = data_file!("orgs.tsv");
    pub const PEOPLE: DataFile = data_file!("people.tsv");
    pub const DEMONYMS: DataFile = data_file!("demonyms.tsv");
    pub const FIRST_NAMES: DataFile = data_file!("first_names.txt");
    pub const FIRST_NAMES_AMBIGUOUS: DataFile = data_file!("first_names_ambiguous.txt");
    pub const COMMON_WORDS: DataFile = data_file!("common_words.txt");
    pub const ORG_HEADS: DataFile = data_file!("org_heads.txt");
    pub const TITLES: DataFile = data_file!("titles.tsv");
    pub const OFFICES: DataFile = data_file!("offices.tsv");
    pub const CUES: DataFile = data_file!("cues.tsv");
    pub const TRIGGERS: DataFile = data_file!("event_triggers.tsv");
    pub const MODALITY: DataFile = data_file!("modality.tsv");
    pub const EVENT_CONTEXT: DataFile = data_file!("event_context.tsv");
    pub const VAGUE_COUNTS: DataFile = data_file!("vague_counts.tsv");
    pub const ACTOR_SIDES: DataFile = data_file!("actor_sides.tsv");
    pub const EXTRA_KEYS: DataFile = data_file!("extra_keys.tsv");
    pub const LANGUAGES: DataFile = data_file!("languages.tsv");
    pub const FUNCTION_WORDS_EN: DataFile = data_file!("function_words_en.txt");
    pub const CYRILLIC: DataFile = data_file!("cyrillic.tsv");
    pub const WORDS: DataFile = data_file!("words.tsv");
}

/// The Cyrillic romanisation table (`data/cyrillic.tsv`), parsed once per process: `slug`
/// needs it without a `Resources` at hand.
pub fn cyrillic() -> &'static Table {
    static CELL: OnceLock<Table> = OnceLock::new();
    CELL.get_or_init(|| Table::load(files::CYRILLIC))
}

/// The closed word classes (`data/words.tsv`), parsed once per process: segmentation
/// tags every token with them.
pub fn words() -> &'static WordTable {
    static CELL: OnceLock<WordTable> = OnceLock::new();
    CELL.get_or_init(|| WordTable::load(files::WORDS))
}

fn lowercase_set(file: DataFile) -> FxHashSet<String> {
    file.items().map(str::to_lowercase).collect()
}

fn non_empty(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_string())
}

impl Resources {
    /// Parse the built-in data files.
    ///
    /// # Panics
    /// On a data file that breaks its contract (a missing column, an unknown kind or type):
    /// the lexicon tests load every file, so this cannot reach a user.
    pub fn builtin() -> Resources {
        let titles = files::TITLES
            .rows(["title", "kind", "canonical"])
            .map(|[title, kind, canonical]| {
                let kind = match kind {
                    "honorific" => TitleKind::Honorific,
                    "rank" => TitleKind::Rank,
                    "office" => TitleKind::Office,
                    _ => panic!("data/titles.tsv: unknown kind {kind:?} of {title:?}"),
                };
                let canonical = if canonical.is_empty() { title } else { canonical };
                (title.to_string(), Title { kind, canonical: canonical.to_string() })
            })
            .collect();
        let cues = files::CUES
            .rows(["form", "lemma", "kind"])
            .filter(|[form, _, _]| !form.is_empty())
            .map(|[form, lemma, kind]| {
                let kind = match kind {
                    "belief" => CueKind::Belief,
                    "phrase" => CueKind::Phrase,
                    "speech" => CueKind::Speech,
                    _ => panic!("data/cues.tsv: unknown kind {kind:?} of {form:?}"),
                };
                (form.to_string(), Cue { lemma: lemma.to_string(), kind })
            })
            .collect();
        let triggers = files::TRIGGERS
            .rows(["trigger", "type", "subtype", "role"])
            .map(|[trigger, ty, subtype, role]| {
                let event_type = EventType::parse(ty)
                    .unwrap_or_else(|| panic!("data/event_triggers.tsv: unknown type {ty:?} of {trigger:?}"));
                let verb = match role {
                    "verb" => true,
                    "noun" => false,
                    _ => panic!("data/event_triggers.tsv: role {role:?} of {trigger:?} is neither verb nor noun"),
                };
                (trigger.to_string(), Trigger { event_type, subtype: non_empty(subtype), verb })
            })
            .collect();
        let modality = files::MODALITY
            .rows(["cue", "modality"])
            .map(|[cue, m]| {
                let m = Modality::parse(m).unwrap_or_else(|| panic!("data/modality.tsv: unknown modality {m:?}"));
                (cue.to_string(), m)
            })
            .collect();
        let context = |kind: &str| -> FxHashSet<String> {
            files::EVENT_CONTEXT
                .rows(["word", "kind"])
                .filter(|[_, k]| *k == kind)
                .map(|[w, _]| w.to_lowercase())
                .collect()
        };
        for [word, kind] in files::EVENT_CONTEXT.rows(["word", "kind"]) {
            assert!(
                matches!(kind, "accident" | "violence" | "weapon" | "guarded" | "territory"),
                "data/event_context.tsv: unknown kind {kind:?} of {word:?}"
            );
        }
        // Entries, keys, automaton and spelling index as build.rs prepared them.
        let gazetteer = Arc::new(Gazetteer::builtin());
        let place_kinds = PlaceKinds::of(&gazetteer.entries, files::LOCATIONS);
        let sides = Sides::load(files::ACTOR_SIDES, files::ORGS, files::DEMONYMS)
            .with_office_holders(&gazetteer.entries, &place_kinds);
        let titles = PhraseMatcher::new(titles);
        let cues = PhraseMatcher::new(cues);
        let triggers = PhraseMatcher::new(triggers);
        let modality = PhraseMatcher::new(modality);
        let event_context = PhraseMatcher::new(
            files::EVENT_CONTEXT
                .rows(["word", "kind"])
                .filter(|[_, k]| matches!(*k, "accident" | "violence" | "weapon"))
                .map(|[w, k]| (w.to_string(), k != "accident"))
                .collect(),
        );
        let offices = Offices::load(files::OFFICES);
        let phrases = PhraseUnion::new([
            (Lexicon::Titles, titles.patterns()),
            (Lexicon::Cues, cues.patterns()),
            (Lexicon::Triggers, triggers.patterns()),
            (Lexicon::Modality, modality.patterns()),
            (Lexicon::EventContext, event_context.patterns()),
            (Lexicon::Offices, offices.phrases.patterns()),
        ]);
        Resources {
            abbreviations: Abbreviations::load(files::ABBREVIATIONS),
            gazetteer: gazetteer.clone(),
            user: None,
            first_names: files::FIRST_NAMES.items().map(str::to_string).collect(),
            ambiguous_first_names: files::FIRST_NAMES_AMBIGUOUS.items().map(str::to_string).collect(),
            common_words: lowercase_set(files::COMMON_WORDS),
            org_heads: files::ORG_HEADS.items().map(str::to_string).collect(),
            titles,
            cues,
            triggers,
            modality,
            event_context,
            guarded_triggers: context("guarded"),
            weapon_words: context("weapon"),
            territory_words: context("territory"),
            vague_counts: files::VAGUE_COUNTS
                .rows(["word", "count"])
                .map(|[w, n]| {
                    let n = n.parse().unwrap_or_else(|_| panic!("data/vague_counts.tsv: count {n:?} of {w:?}"));
                    (w.to_lowercase(), n)
                })
                .collect(),
            language_codes: files::LANGUAGES
                .rows(["iso639_3", "iso639_1"])
                .map(|[three, two]| (three.to_string(), two.to_string()))
                .collect(),
            function_words_en: lowercase_set(files::FUNCTION_WORDS_EN),
            place_kinds,
            sides,
            words: words(),
            cyrillic: cyrillic(),
            offices,
            phrases,
        }
    }

    /// The built-in resources, parsed once per process.
    /// Build the phrase lexicons' DFA (`PhraseUnion::prepare_dfa`), once per process: for a
    /// batch with enough text to pay its build back.
    pub fn prepare_dfas(&self) {
        self.phrases.prepare_dfa();
    }

    pub fn shared() -> Arc<Resources> {
        static CELL: OnceLock<Arc<Resources>> = OnceLock::new();
        CELL.get_or_init(|| Arc::new(Resources::builtin())).clone()
    }

    /// The built-in resources plus a user gazetteer. The built-in gazetteer is shared, not
    /// rebuilt: only the user's names are compiled.
    /// The shared resources with the user's gazetteer (see [`user_gazetteer`]).
    pub fn with_user(rows: &[UserRow], case_sensitive: bool) -> Resources {
        let mut r = Resources::shared().as_ref().clone();
        r.user = Some(Arc::new(user_gazetteer(rows, &r.gazetteer, case_sensitive)));
        r
    }

    /// `w`, in any case, is a listed common word. Short ASCII words (nearly every call:
    /// the rules ask at capitalised tokens) are lowercased on the stack, not in a String.
    pub fn is_common_word(&self, w: &str) -> bool {
        let mut buf = [0u8; 32];
        if w.is_ascii() && w.len() <= buf.len() {
            let lower = &mut buf[..w.len()];
            lower.copy_from_slice(w.as_bytes());
            lower.make_ascii_lowercase();
            return std::str::from_utf8(lower).is_ok_and(|l| self.common_words.contains(l));
        }
        self.common_words.contains(&w.to_lowercase())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Geo, Label};

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
        let distinct: std::collections::HashSet<&String> = slugs.iter().collect();
        assert_eq!(distinct.len(), slugs.len(), "{slugs:?}");
        assert!(slug("Ali علي").starts_with("ali-u"), "{}", slug("Ali علي"));
        // Case and spacing are not part of a name.
        assert_eq!(slug("محمد  عباس "), slug("محمد عباس"));
    }

    fn city(name: &str) -> Entry {
        Entry {
            label: Label::Gpe,
            kind: EntryKind::City,
            canonical: name.to_string().into(),
            id: name.to_string().into(),
            geo: Geo::default(),
            population: 0,
            role: None,
            acts_for: None,
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
    fn keys_of_one_form_in_several_cases_match_as_a_case_insensitive_search_would() {
        // The automaton runs over ASCII-lowercase forms; every key of a form is tried in key
        // order, as the former case-insensitive automaton reported them. Compare with a
        // brute-force search over every key at every position.
        let keys =
            ["Kyiv", "KYIV", "kyiv", "Kyiv region", "Kyiv Region", "NATO", "Nato", "ÉU", "Éu", "Ab", "AB", "iv R"];
        let entries: Vec<Entry> = keys.iter().map(|k| city(k)).collect();
        let g = Gazetteer::build(entries, keys.iter().enumerate().map(|(i, k)| (k.to_string(), i as u32)).collect());
        let texts = [
            "KYIV REGION: Kyiv Region, kyiv region, Kyiv region and kyiv. NATO, Nato, nato, ÉU, ÉU, éu, AB ab Ab",
            "NATOs KYIVAN Kyiv-region Ab.Kyiv",
        ];
        for text in texts {
            let mut want = Vec::new();
            for s in (0..text.len()).filter(|&s| text.is_char_boundary(s)) {
                for (id, k) in keys.iter().enumerate() {
                    let e = s + k.len();
                    let hit = text.as_bytes().get(s..e).is_some_and(|b| b.eq_ignore_ascii_case(k.as_bytes()));
                    if hit && text.is_char_boundary(e) && super::phrases::is_word_byte_boundary(text, s, e) {
                        let surface = &text[s..e];
                        let letters: Vec<char> = surface.chars().filter(|c| c.is_alphabetic()).collect();
                        let caps = letters.len() >= 4 && letters.iter().all(|c| c.is_uppercase());
                        if *k == surface || caps {
                            want.push((s, e, id as u32));
                        }
                    }
                }
            }
            want.sort_by_key(|&(s, e, id)| (s, std::cmp::Reverse(e), id));
            let mut greedy: Vec<(usize, usize, u32)> = Vec::new();
            for m in want {
                if greedy.last().map_or(true, |l| m.0 >= l.1) {
                    greedy.push(m);
                }
            }
            let got: Vec<_> = g.find(text).iter().map(|m| (m.start, m.end, m.entry)).collect();
            assert_eq!(got, greedy, "{text}");
        }
    }

    #[test]
    fn the_prepared_automaton_is_used() {
        // build.rs numbers the keys as GazetteerBuilder does; if the two drift apart the
        // automaton is built at start-up again (about 2 billion instructions).
        assert!(Resources::shared().gazetteer.prepared, "build.rs and GazetteerBuilder disagree on the keys");
    }

    #[test]
    fn a_village_keeps_its_own_name_against_a_town_that_once_bore_it() {
        let g = &Resources::shared().gazetteer;
        let place = |text: &str| {
            let m = g.find(text).into_iter().find(|m| m.start == 0 && m.end == text.len());
            m.map(|m| g.entry(&m).canonical.to_string())
        };
        // own names of villages, once alternate names of bigger towns
        assert_eq!(place("Hrodivka").as_deref(), Some("Hrodivka"));
        assert_eq!(place("Chornobyl").as_deref(), Some("Chornobyl"));
        // spelling variants of a town's own name stay the town's, and so do Crimea's
        // Russian-form names of mainland towns
        assert_eq!(place("Avdiyivka").as_deref(), Some("Avdiivka"));
        assert_eq!(place("Konstantinovka").as_deref(), Some("Kostiantynivka"));
    }

    #[test]
    fn every_office_holder_acts_for_a_known_country_or_organisation() {
        let r = Resources::shared();
        let people = r.gazetteer.entries.iter().filter(|e| e.kind == EntryKind::Person);
        for e in people.filter(|e| e.acts_for.is_some()) {
            assert!(
                r.sides.acts_for.contains_key(e.id.as_ref()),
                "people.tsv: acts_for {:?} of {}",
                e.acts_for,
                e.canonical
            );
        }
        let zelensky = &r.sides.acts_for["person:volodymyr-zelensky"];
        assert_eq!(zelensky.0, "Ukraine");
        assert!(!r.sides.acts_for.contains_key("person:rinat-akhmetov"), "a businessman acts for no state");
    }

    #[test]
    fn user_names_come_on_top_of_the_shared_builtin_gazetteer() {
        let r = Resources::with_user(&[UserRow::new("Blorvania", Label::Gpe, None)], true);
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
        let names: Vec<_> = r.gazetteer.find(text).iter().map(|m| r.gazetteer.entry(m).canonical.to_string()).collect();
        assert!(names.contains(&"Kyiv".to_string()), "{names:?}");
        assert!(names.contains(&"Zaporizhzhia".to_string()), "{names:?}");
    }

    #[test]
    fn the_phrase_hits_are_what_each_lexicon_finds_in_any_stretch() {
        // The document's phrase hits (one search of all lexicons, NFA then DFA) against each
        // lexicon's own leftmost-longest search, over every stretch of a text between two
        // character boundaries: phrases overlapping ("regional governor" / "governor"),
        // inside words ("warplanes"), cut by the stretch's ends, in capitals, non-ASCII.
        let r = Resources::builtin();
        let text = "Defence Minister Oleksandr Hrytsenko said on Tuesday that Russian forces shelled \
                    Izium and may launch an offensive, according to the regional governor; a train crashed. \
                    KREMLIN SPOKESMAN said warplanes struck — reportedly — the UN secretary-general’s convoy.";
        let bounds: Vec<usize> = (0..=text.len()).filter(|&b| text.is_char_boundary(b)).collect();
        let check = |r: &Resources| {
            let hits = r.phrases.hits(text);
            let mut found = 0;
            for (k, &a) in bounds.iter().enumerate() {
                for &b in &bounds[k..] {
                    let same = |lex: Lexicon, own: Vec<(usize, usize)>, union: Vec<(usize, usize)>| {
                        assert_eq!(own, union, "{lex:?} in {:?}", &text[a..b]);
                        own.len()
                    };
                    let spans = |it: &mut dyn Iterator<Item = (usize, usize)>| it.collect::<Vec<_>>();
                    macro_rules! both {
                        ($lex:expr, $m:expr) => {
                            same(
                                $lex,
                                spans(&mut $m.find_in(text, a, b).map(|(s, e, _)| (s, e))),
                                spans(&mut hits.find_in($lex, &$m, text, a, b).map(|(s, e, _)| (s, e))),
                            )
                        };
                    }
                    found += both!(Lexicon::Titles, r.titles)
                        + both!(Lexicon::Cues, r.cues)
                        + both!(Lexicon::Triggers, r.triggers)
                        + both!(Lexicon::Modality, r.modality)
                        + both!(Lexicon::EventContext, r.event_context)
                        + both!(Lexicon::Offices, r.offices.phrases);
                }
            }
            found
        };
        let before = check(&r);
        r.prepare_dfas();
        assert_eq!(check(&r), before);
        assert!(before > 1000, "{before}");
        assert!(r.cues.get("according to").is_some() && r.cues.get(" Said ").is_some() && r.cues.get("sai").is_none());
    }
}
