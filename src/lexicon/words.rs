//! Closed word classes (`data/words.tsv`): determiners, prepositions, weekdays, role
//! nouns, the verbs a rule needs to see. One table for every stage, so that a rule's word
//! list is data a reader can change, and each token's classes are computed once, when the
//! text is segmented (`Segmented::lexemes`).

use super::DataFile;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A class of `data/words.tsv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum WordClass {
    /// Prepositions
    Preposition,
    /// Auxiliary verbs
    Auxiliary,
    /// Words that may stand between a subject or an auxiliary and an event verb ("were reportedly killed")
    VerbModifier,
    /// Words that never start or end an event argument found from capitals
    NotAName,
    /// What makes "sent", "provided", "delivered" an aid event
    AidObject,
    /// What makes "hit", "struck", "targeted" an attack
    AttackObject,
    /// Weapons that attack as subjects ("a missile hit")
    WeaponSubject,
    /// Prepositions before the place of an event
    PlacePreposition,
    /// Verbs whose object noun is the event ("launched an offensive")
    LightVerb,
    /// Nouns of armed groups that widen a nationality into an actor ("Russian forces")
    ForceNoun,
    /// Role nouns of event arguments ("the governor", "troops")
    RoleWord,
    /// Adjectives inside an argument phrase
    NpAdjective,
    /// Verbs of origin: "fired from", "launched from"
    OriginVerb,
    /// Nouns that count people ("civilians", "soldiers")
    PersonNoun,
    /// Words between a number and its casualty word
    TollFiller,
    /// Words before a count that do not stop it
    CountBefore,
    /// Words that may stand between a negation and its trigger
    NegationGap,
    /// Verbs whose infinitive complement has not happened ("urged X to send")
    WishVerb,
    /// Verbs whose object is only talked about ("to discuss more aid")
    DiscussionVerb,
    /// Determiners and possessives
    Determiner,
    /// Personal pronouns that can stand for a speaker or an actor
    Pronoun,
    /// Relative pronouns
    Relative,
    /// Negations of a reporting verb
    Negation,
    /// Auxiliaries of a passive ("is said to")
    PassiveAuxiliary,
    /// Words between a subject and its reporting verb ("has also said")
    VerbFiller,
    /// Quantifiers and small numbers that open a noun phrase ("two officials")
    Quantifier,
    /// Function words that end a noun phrase
    NpStop,
    /// Words that cannot open a reported clause right after a reporting verb
    NotClauseStart,
    /// Prepositions of an adjunct between a reporting verb and its content
    AdjunctPreposition,
    /// Lemmas of reporting verbs that take an object ("told reporters")
    ObjectCue,
    /// Reporting verbs sure enough to report a clause without "that"
    StrongCue,
    /// Reporting verbs that never take a noun-phrase object ("say", "insist")
    ClauseCue,
    /// Cue entries that are nouns or adjunct phrases, never a verb on their own
    NonVerbCue,
    /// Cue forms that are also common nouns ("claims")
    NounishCue,
    /// Heads of role phrases the titles file may lack ("officials", "police")
    RoleHead,
    /// Heads of collective and institutional speaker phrases ("bloggers", "channels")
    SpeakerHead,
    /// Prepositions after which a place is where the speaker is ("a resident of Bucha")
    Locative,
    /// Lemmas whose "to"-infinitive is what was promised ("vowed to punish")
    CommitVerb,
    /// Days of the week
    Weekday,
    /// Month names
    Month,
    /// Short month names ("Sept"), with or without their dot in the text
    MonthAbbreviation,
    /// Days named relative to today ("yesterday")
    DayWord,
    /// Abbreviations of common nouns written in capitals ("UAV", "GDP"): no organisation
    AcronymNoun,
    /// Lowercase head nouns of an organisation after a country's possessive ("Ukraine's air force")
    OrgHeadNoun,
    /// Words between a preposition and the place it introduces ("in northeast Nigeria")
    PlaceModifier,
    /// What "captured" takes when nothing is seized ("captured dramatic footage")
    MediaObject,
    /// Verbs that only carry their event noun ("launched 2 missile strikes")
    CarrierVerb,
    /// Verbs before "to" and a reporting verb that leave the subject the speaker ("continues to insist")
    Catenative,
    /// Words opening an indirect question reported as content ("explained why ...")
    QuestionWord,
    /// Nouns an event noun can modify ("a deployment point", "an evacuation plan"): then it
    /// names a thing, not a happening
    CompoundHead,
    /// What one abandons that is no position ("abandon attempts to", "abandoned plans")
    PlanNoun,
    /// Head words of military units ("the 47th Mechanized Brigade")
    UnitHead,
    /// Head words of facilities named after a place ("Tabqa Dam", "Kherson Port")
    FacilityHead,
    /// Parts of a settlement or front a force can enter ("streets", "outskirts")
    PlacePart,
    /// What flies and can be shot down ("drones", "missiles")
    AerialWeapon,
    /// Words that name a share of a group ("half", "majorities", "percent")
    ShareWord,
    /// Words that hedge or bound a count before it ("about", "nearly", "at least")
    Approximator,
    /// Quantifiers that stand alone for a group of people ("Some say", "Many of them said")
    GroupQuantifier,
    /// Reporting verbs whose "of" phrase after the object is the charge ("accused X of Y")
    ChargeCue,
    /// Adjectives that open a village's name ("Bila Hora", "Zelenyi Hai", "Novaya Derevnya")
    ToponymAdjective,
}

impl WordClass {
    pub const ALL: [WordClass; 60] = [
        WordClass::Preposition,
        WordClass::Auxiliary,
        WordClass::VerbModifier,
        WordClass::NotAName,
        WordClass::AidObject,
        WordClass::AttackObject,
        WordClass::WeaponSubject,
        WordClass::PlacePreposition,
        WordClass::LightVerb,
        WordClass::ForceNoun,
        WordClass::RoleWord,
        WordClass::NpAdjective,
        WordClass::OriginVerb,
        WordClass::PersonNoun,
        WordClass::TollFiller,
        WordClass::CountBefore,
        WordClass::NegationGap,
        WordClass::WishVerb,
        WordClass::DiscussionVerb,
        WordClass::Determiner,
        WordClass::Pronoun,
        WordClass::Relative,
        WordClass::Negation,
        WordClass::PassiveAuxiliary,
        WordClass::VerbFiller,
        WordClass::Quantifier,
        WordClass::NpStop,
        WordClass::NotClauseStart,
        WordClass::AdjunctPreposition,
        WordClass::ObjectCue,
        WordClass::StrongCue,
        WordClass::ClauseCue,
        WordClass::NonVerbCue,
        WordClass::NounishCue,
        WordClass::RoleHead,
        WordClass::SpeakerHead,
        WordClass::Locative,
        WordClass::CommitVerb,
        WordClass::Weekday,
        WordClass::Month,
        WordClass::MonthAbbreviation,
        WordClass::DayWord,
        WordClass::AcronymNoun,
        WordClass::OrgHeadNoun,
        WordClass::PlaceModifier,
        WordClass::MediaObject,
        WordClass::CarrierVerb,
        WordClass::Catenative,
        WordClass::QuestionWord,
        WordClass::CompoundHead,
        WordClass::PlanNoun,
        WordClass::UnitHead,
        WordClass::FacilityHead,
        WordClass::PlacePart,
        WordClass::AerialWeapon,
        WordClass::ShareWord,
        WordClass::Approximator,
        WordClass::GroupQuantifier,
        WordClass::ChargeCue,
        WordClass::ToponymAdjective,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            WordClass::Preposition => "preposition",
            WordClass::Auxiliary => "auxiliary",
            WordClass::VerbModifier => "verb_modifier",
            WordClass::NotAName => "not_a_name",
            WordClass::AidObject => "aid_object",
            WordClass::AttackObject => "attack_object",
            WordClass::WeaponSubject => "weapon_subject",
            WordClass::PlacePreposition => "place_preposition",
            WordClass::LightVerb => "light_verb",
            WordClass::ForceNoun => "force_noun",
            WordClass::RoleWord => "role_word",
            WordClass::NpAdjective => "np_adjective",
            WordClass::OriginVerb => "origin_verb",
            WordClass::PersonNoun => "person_noun",
            WordClass::TollFiller => "toll_filler",
            WordClass::CountBefore => "count_before",
            WordClass::NegationGap => "negation_gap",
            WordClass::WishVerb => "wish_verb",
            WordClass::DiscussionVerb => "discussion_verb",
            WordClass::Determiner => "determiner",
            WordClass::Pronoun => "pronoun",
            WordClass::Relative => "relative",
            WordClass::Negation => "negation",
            WordClass::PassiveAuxiliary => "passive_auxiliary",
            WordClass::VerbFiller => "verb_filler",
            WordClass::Quantifier => "quantifier",
            WordClass::NpStop => "np_stop",
            WordClass::NotClauseStart => "not_clause_start",
            WordClass::AdjunctPreposition => "adjunct_preposition",
            WordClass::ObjectCue => "object_cue",
            WordClass::StrongCue => "strong_cue",
            WordClass::ClauseCue => "clause_cue",
            WordClass::NonVerbCue => "non_verb_cue",
            WordClass::NounishCue => "nounish_cue",
            WordClass::RoleHead => "role_head",
            WordClass::SpeakerHead => "speaker_head",
            WordClass::Locative => "locative",
            WordClass::CommitVerb => "commit_verb",
            WordClass::Weekday => "weekday",
            WordClass::Month => "month",
            WordClass::MonthAbbreviation => "month_abbreviation",
            WordClass::DayWord => "day_word",
            WordClass::AcronymNoun => "acronym_noun",
            WordClass::OrgHeadNoun => "org_head_noun",
            WordClass::PlaceModifier => "place_modifier",
            WordClass::MediaObject => "media_object",
            WordClass::CarrierVerb => "carrier_verb",
            WordClass::Catenative => "catenative",
            WordClass::QuestionWord => "question_word",
            WordClass::CompoundHead => "compound_head",
            WordClass::PlanNoun => "plan_noun",
            WordClass::UnitHead => "unit_head",
            WordClass::FacilityHead => "facility_head",
            WordClass::PlacePart => "place_part",
            WordClass::AerialWeapon => "aerial_weapon",
            WordClass::ShareWord => "share_word",
            WordClass::Approximator => "approximator",
            WordClass::GroupQuantifier => "group_quantifier",
            WordClass::ChargeCue => "charge_cue",
            WordClass::ToponymAdjective => "toponym_adjective",
        }
    }

    pub fn parse(s: &str) -> Option<WordClass> {
        WordClass::ALL.into_iter().find(|c| c.as_str() == s)
    }

    fn bit(self) -> u64 {
        1 << (self as u8)
    }
}

/// The classes of one word, as a bit set.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct WordClasses(u64);

impl WordClasses {
    pub const NONE: WordClasses = WordClasses(0);

    pub fn has(self, class: WordClass) -> bool {
        self.0 & class.bit() != 0
    }
    pub fn bits(self) -> u64 {
        self.0
    }
    pub fn from_bits(bits: u64) -> WordClasses {
        WordClasses(bits)
    }
}

/// Every word of `data/words.tsv` with its classes.
#[derive(Debug, Clone, Default)]
pub struct WordTable {
    classes: HashMap<String, WordClasses, BuildHasherDefault<WordHasher>>,
}

/// FxHash (rustc's own hasher) for the word table: it is looked up at every token, several
/// times, and SipHash (std's default, built against hostile keys, which our own list of
/// words is not) was most of the cost of a lookup.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }
    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// Hash maps and sets keyed by our own words (names, tokens, lexicon keys), hashed with
/// [`WordHasher`]: no hostile keys, and SipHash was a visible share of every lookup.
pub type FxBuildHasher = BuildHasherDefault<WordHasher>;
pub type FxHashMap<K, V> = HashMap<K, V, FxBuildHasher>;
pub type FxHashSet<T> = std::collections::HashSet<T, FxBuildHasher>;

impl WordTable {
    /// # Panics
    /// On a class `WordClass` does not know (a typo in the file).
    pub fn load(file: DataFile) -> WordTable {
        let mut t = WordTable::default();
        for [word, class] in file.rows(["word", "class"]) {
            let c = WordClass::parse(class)
                .unwrap_or_else(|| panic!("data/{}: unknown class {class:?} of {word:?}", file.name));
            t.classes.entry(word.to_lowercase()).or_default().0 |= c.bit();
        }
        t
    }

    /// The classes of a word already in lower case.
    pub fn classes_of_lowercase(&self, lower: &str) -> WordClasses {
        self.classes.get(lower).copied().unwrap_or_default()
    }

    /// The classes of a word, in any case.
    pub fn classes(&self, word: &str) -> WordClasses {
        if let Some(&c) = self.classes.get(word) {
            return c;
        }
        if !word.chars().any(char::is_uppercase) {
            return WordClasses::NONE;
        }
        // short ASCII words (all the table holds but a few) lowercase on the stack
        let mut buf = [0u8; 32];
        if word.is_ascii() && word.len() <= buf.len() {
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            return self.classes_of_lowercase(lower);
        }
        self.classes_of_lowercase(&word.to_lowercase())
    }

    pub fn is(&self, word: &str, class: WordClass) -> bool {
        self.classes(word).has(class)
    }
}

/// A word list a rule asks about: a class of the table, or a short list kept beside the
/// rule (exact lower-case matches).
pub trait WordSet {
    fn holds(&self, word: &str) -> bool;
    /// For a token: its lowercase form and the classes `segment` gave it.
    fn holds_token(&self, lower: &str, _classes: WordClasses) -> bool {
        self.holds(lower)
    }
}

impl WordSet for WordClass {
    fn holds(&self, word: &str) -> bool {
        super::words().is(word, *self)
    }
    fn holds_token(&self, _lower: &str, classes: WordClasses) -> bool {
        classes.has(*self)
    }
}

impl WordSet for &[&str] {
    fn holds(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

impl<const N: usize> WordSet for &[&str; N] {
    fn holds(&self, word: &str) -> bool {
        self.contains(&word)
    }
}

/// A class and a few more words a rule adds to it.
impl WordSet for (WordClass, &[&str]) {
    fn holds(&self, word: &str) -> bool {
        self.1.contains(&word) || self.0.holds(word)
    }
    fn holds_token(&self, lower: &str, classes: WordClasses) -> bool {
        self.1.contains(&lower) || classes.has(self.0)
    }
}

/// Is `word` in `set`?
pub fn any_of(word: &str, set: impl WordSet) -> bool {
    set.holds(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_has_words_and_classes_fit_the_bit_set() {
        assert!(WordClass::ALL.len() <= 64);
        let t = super::super::words();
        for c in WordClass::ALL {
            assert!(t.classes.values().any(|w| w.has(c)), "no word of class {}", c.as_str());
        }
        assert!(t.is("The", WordClass::Determiner));
        assert!(t.is("tuesday", WordClass::Weekday));
        assert!(!t.is("tuesday", WordClass::Determiner));
    }
}
