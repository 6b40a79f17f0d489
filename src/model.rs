//! Plain data passed between the pipeline stages. No logic lives here.
//!
//! All `start`/`end` fields inside the core are **byte** offsets into the normalised text
//! (`Doc::text`), which has exactly the same characters-count as the original text (see
//! `normalize`). They are turned into code-point offsets only when tables are built.

/// Days since 1970-01-01 (the physical value of a polars `Date`).
pub type Days = i32;

/// One input article as the pipeline receives it.
#[derive(Debug, Clone, Default)]
pub struct DocInput<'a> {
    pub text: Option<&'a str>,
    pub published: Option<Days>,
    pub title: Option<&'a str>,
}

/// Which extractors run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    pub entities: bool,
    pub quotes: bool,
    pub events: bool,
    /// Texts longer than this (in chars) are truncated, with a warning.
    pub max_chars: usize,
    /// Test hook: the document with this batch index fails as if the pipeline had
    /// panicked on it, so that isolation can be tested end to end.
    pub fail_on_doc: Option<usize>,
}

impl Default for Options {
    fn default() -> Self {
        Options { entities: true, quotes: true, events: true, max_chars: 2_000_000, fail_on_doc: None }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    /// A quotation mark (after normalisation `"` or `'`; `'` inside a word is part of the word).
    Quote,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub start: usize,
    pub end: usize,
    /// Token index range `[tok_start, tok_end)` into `Segmented::tokens`.
    pub tok_start: usize,
    pub tok_end: usize,
    pub paragraph: u32,
    /// A line with no final punctuation standing alone (headline, caption, dateline).
    pub headline: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Paragraph {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Default)]
pub struct Segmented {
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub paragraphs: Vec<Paragraph>,
    /// The lowercase forms of all tokens, one after the other (see [`Lexeme`]).
    pub lower: String,
    /// One per token: what every stage's rules read of a word, computed once.
    pub lexemes: Vec<Lexeme>,
}

/// A token as the rules read it: its lowercase form (a range of `Segmented::lower`) and
/// its closed word classes (bits of `lexicon::WordClass`, from `data/words.tsv`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lexeme {
    pub lower_start: u32,
    pub lower_end: u32,
    pub classes: u64,
}

impl Segmented {
    /// Token `i` lowercased; "" past the last token.
    pub fn lower(&self, i: usize) -> &str {
        self.lexemes.get(i).map_or("", |l| &self.lower[l.lower_start as usize..l.lower_end as usize])
    }
}

/// Entity labels: the OntoNotes names spaCy users know.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    Person,
    Norp,
    Fac,
    Org,
    Gpe,
    Loc,
    Event,
    Product,
    Law,
    Date,
    Time,
    Percent,
    Money,
    Quantity,
    Ordinal,
    Cardinal,
}

impl Label {
    pub const ALL: [Label; 16] = [
        Label::Person,
        Label::Norp,
        Label::Fac,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Event,
        Label::Product,
        Label::Law,
        Label::Date,
        Label::Time,
        Label::Percent,
        Label::Money,
        Label::Quantity,
        Label::Ordinal,
        Label::Cardinal,
    ];
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Fac => "FAC",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Event => "EVENT",
            Label::Product => "PRODUCT",
            Label::Law => "LAW",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Percent => "PERCENT",
            Label::Money => "MONEY",
            Label::Quantity => "QUANTITY",
            Label::Ordinal => "ORDINAL",
            Label::Cardinal => "CARDINAL",
        }
    }
    pub fn parse(s: &str) -> Option<Label> {
        Label::ALL.iter().copied().find(|l| l.as_str().eq_ignore_ascii_case(s.trim()))
    }
    pub fn is_place(self) -> bool {
        matches!(self, Label::Gpe | Label::Loc | Label::Fac)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MentionSource {
    Lexicon,
    Model,
    Rule,
}

impl MentionSource {
    pub fn as_str(self) -> &'static str {
        match self {
            MentionSource::Lexicon => "lexicon",
            MentionSource::Model => "model",
            MentionSource::Rule => "rule",
        }
    }
}

/// What kind of place a mention names: how precise its point is (docs/design.md), so that a
/// map can tell a country's centroid from a village.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceType {
    Country,
    /// A first-level subdivision: oblast, province, state.
    Region,
    /// A lower administrative unit: raion, district, hromada.
    District,
    City,
    Village,
    /// Anything else with a place label: seas, rivers, front lines, plants, bridges.
    Feature,
}

impl PlaceType {
    pub const ALL: [PlaceType; 6] = [
        PlaceType::Country,
        PlaceType::Region,
        PlaceType::District,
        PlaceType::City,
        PlaceType::Village,
        PlaceType::Feature,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PlaceType::Country => "country",
            PlaceType::Region => "region",
            PlaceType::District => "district",
            PlaceType::City => "city",
            PlaceType::Village => "village",
            PlaceType::Feature => "feature",
        }
    }
}

/// A place's coordinates, country and kind, when known.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Geo {
    pub country: Option<String>,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
    pub place_type: Option<PlaceType>,
}

/// One entity mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    pub label: Label,
    pub canonical: Option<String>,
    pub entity_id: Option<String>,
    pub role: Option<String>,
    pub geo: Geo,
    /// Normalised value: ISO date for DATE, number for CARDINAL etc.
    pub value: Option<String>,
    pub source: MentionSource,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    Direct,
    Mixed,
    Indirect,
}

impl QuoteKind {
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// Who a quote or claim is attributed to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Speaker {
    /// Surface of the mention, or the resolved name when the mention is a pronoun.
    pub text: String,
    pub canonical: Option<String>,
    pub entity_id: Option<String>,
    pub label: Option<Label>,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    pub kind: QuoteKind,
    pub speaker: Option<Speaker>,
    /// Lemma of the reporting verb, or "according to".
    pub cue: Option<String>,
    pub confidence: f32,
    /// A later paragraph of a multi-paragraph quote: the index (quote_id) of the row it
    /// continues, the previous paragraph's piece.
    pub continues: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Modality {
    Asserted,
    Negated,
    Hedged,
    Planned,
    Hypothetical,
}

impl Modality {
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Negated => "negated",
            Modality::Hedged => "hedged",
            Modality::Planned => "planned",
            Modality::Hypothetical => "hypothetical",
        }
    }
    pub fn parse(s: &str) -> Option<Modality> {
        match s.trim() {
            "asserted" => Some(Modality::Asserted),
            "negated" => Some(Modality::Negated),
            "hedged" => Some(Modality::Hedged),
            "planned" => Some(Modality::Planned),
            "hypothetical" => Some(Modality::Hypothetical),
            _ => None,
        }
    }
}

/// What happened: PLOVER's verbs, with the war-specific subtype kept apart (`Event::subtype`).
/// A trigger row of `data/event_triggers.tsv` with another type fails at load.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EventType {
    Assault,
    Fight,
    Seize,
    Retreat,
    Casualties,
    Destroy,
    Displace,
    Aid,
    Sanction,
    Consult,
    Negotiate,
    Demand,
    Accuse,
    Threaten,
    Agree,
    Protest,
    Arrest,
    Mobilize,
    Disrupt,
}

impl EventType {
    pub const ALL: [EventType; 19] = [
        EventType::Assault,
        EventType::Fight,
        EventType::Seize,
        EventType::Retreat,
        EventType::Casualties,
        EventType::Destroy,
        EventType::Displace,
        EventType::Aid,
        EventType::Sanction,
        EventType::Consult,
        EventType::Negotiate,
        EventType::Demand,
        EventType::Accuse,
        EventType::Threaten,
        EventType::Agree,
        EventType::Protest,
        EventType::Arrest,
        EventType::Mobilize,
        EventType::Disrupt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            EventType::Assault => "ASSAULT",
            EventType::Fight => "FIGHT",
            EventType::Seize => "SEIZE",
            EventType::Retreat => "RETREAT",
            EventType::Casualties => "CASUALTIES",
            EventType::Destroy => "DESTROY",
            EventType::Displace => "DISPLACE",
            EventType::Aid => "AID",
            EventType::Sanction => "SANCTION",
            EventType::Consult => "CONSULT",
            EventType::Negotiate => "NEGOTIATE",
            EventType::Demand => "DEMAND",
            EventType::Accuse => "ACCUSE",
            EventType::Threaten => "THREATEN",
            EventType::Agree => "AGREE",
            EventType::Protest => "PROTEST",
            EventType::Arrest => "ARREST",
            EventType::Mobilize => "MOBILIZE",
            EventType::Disrupt => "DISRUPT",
        }
    }

    pub fn parse(s: &str) -> Option<EventType> {
        EventType::ALL.into_iter().find(|t| t.as_str() == s.trim())
    }
}

impl std::fmt::Display for EventType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for EventType {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// An event argument (actor, target, source): its surface text and resolved identity.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Argument {
    pub text: String,
    pub canonical: Option<String>,
    pub entity_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// The trigger span.
    pub start: usize,
    pub end: usize,
    pub sentence: u32,
    pub event_type: EventType,
    pub subtype: Option<String>,
    pub actor: Option<Argument>,
    pub target: Option<Argument>,
    /// Canonical place name, its id and geo.
    pub location: Option<Argument>,
    pub geo: Geo,
    pub date: Option<Days>,
    pub date_text: Option<String>,
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub quantity: Option<String>,
    pub modality: Modality,
    pub source: Option<Argument>,
    /// Index into the document's quotes (quote_id).
    pub quote_id: Option<u32>,
    /// Where the date came from: clause, sentence, paragraph, dateline, published.
    pub date_source: Option<&'static str>,
    /// Where the place came from: clause, sentence, paragraph, dateline, headline.
    pub location_source: Option<&'static str>,
    /// A figure from words like "dozens" or "more than", filled with the smallest number
    /// the words allow.
    pub approximate: Option<bool>,
    /// A total that also counts events reported as their own rows, or a running total.
    pub aggregate: Option<bool>,
}

/// Everything the pipeline found in one document.
#[derive(Debug, Clone, Default)]
pub struct DocResult {
    /// The normalised text the byte offsets refer to (same chars as the original).
    pub text: String,
    /// The original text (truncated like `text` when too long): table `text` columns come
    /// from here so that they equal Python's `text[start:end]`.
    pub original: String,
    pub title: Option<String>,
    pub published: Option<Days>,
    /// Length of the input text as given (before any truncation), in chars.
    pub n_chars: usize,
    /// ISO 639-1 code of the detected language, when one could be told.
    pub language: Option<String>,
    pub n_sentences: u32,
    pub warnings: Vec<String>,
    pub entities: Vec<Mention>,
    pub quotes: Vec<Quote>,
    pub events: Vec<Event>,
}
