//! The table contract: every column of the four output tables, its dtype and what it
//! means, declared once.
//!
//! Everything else follows from this list: `tables` (feature `python`) builds each frame
//! and conforms it to it, the binding exports it to Python as `newsframe._native.SCHEMAS`,
//! the Python layer turns it into polars dtypes, the tests check real extractions against
//! it, and `docs/tables.md` is generated from it (`python -m newsframe._schema`).
//!
//! Plain data, no polars here: `cargo test` without features checks it too.

/// A column's dtype, named as polars names it (`Dtype::name`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dtype {
    UInt32,
    Float32,
    Float64,
    Boolean,
    String,
    Categorical,
    Date,
    /// `List(String)`.
    ListString,
}

impl Dtype {
    /// The polars name of the dtype, as exported to Python (`"UInt32"`, `"List(String)"`, …).
    pub fn name(self) -> &'static str {
        match self {
            Dtype::UInt32 => "UInt32",
            Dtype::Float32 => "Float32",
            Dtype::Float64 => "Float64",
            Dtype::Boolean => "Boolean",
            Dtype::String => "String",
            Dtype::Categorical => "Categorical",
            Dtype::Date => "Date",
            Dtype::ListString => "List(String)",
        }
    }
}

/// One declared column.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub dtype: Dtype,
    /// One line: what the value is (docs/tables.md prints it).
    pub description: &'static str,
}

/// One declared table: its name, what one row stands for, and its columns in order.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub row: &'static str,
    pub columns: &'static [Column],
}

impl Table {
    /// The column names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.columns.iter().map(|c| c.name).collect()
    }
}

const fn col(name: &'static str, dtype: Dtype, description: &'static str) -> Column {
    Column { name, dtype, description }
}

use Dtype::*;

/// `doc_id` is declared `UInt32`: the row number of the document in the input. When the
/// input has an id column, the Python layer swaps in its values (and dtype).
const DOC_ID: Column = col("doc_id", UInt32, "the document: its input id (dtype kept) or its row number in the input");

pub const DOCUMENTS: Table = Table {
    name: "documents",
    row: "input document (every document has exactly one row, even a null, empty or failed one)",
    columns: &[
        DOC_ID,
        col("title", String, "the title given in the input, else the headline detected at the top of the text"),
        col("published", Date, "publication date given in the input; relative dates are resolved against it"),
        col("language", String, "ISO 639-1 code of the detected language, null when it cannot be told"),
        col("n_chars", UInt32, "length of the input text as given, in code points"),
        col("n_sentences", UInt32, "number of sentences found"),
        col(
            "n_entities",
            UInt32,
            "number of rows in entities for this document (null when entities were not extracted)",
        ),
        col("n_quotes", UInt32, "number of rows in quotes for this document (null when quotes were not extracted)"),
        col("n_events", UInt32, "number of rows in events for this document (null when events were not extracted)"),
        col(
            "warnings",
            ListString,
            "problems met with this document, each starting with a stable code (see docs/design.md)",
        ),
    ],
};

pub const ENTITIES: Table = Table {
    name: "entities",
    row: "entity mention",
    columns: &[
        DOC_ID,
        col("sentence", UInt32, "index of the sentence within the document, from 0"),
        col("start", UInt32, "code-point offset of the mention's first character"),
        col("end", UInt32, "code-point offset just past the mention"),
        col("text", String, "the mention as written (text[start:end])"),
        col("label", Categorical, "entity label (PERSON, GPE, DATE, …; the set is in docs/design.md)"),
        col("canonical", String, "preferred full name of what the mention names (Kiev → Kyiv)"),
        col("entity_id", String, "stable identifier, the same across documents and spellings"),
        col("role", String, "title or function the text gives the entity (\"Defence Minister\")"),
        col("country", String, "ISO 3166-1 alpha-2 code, for places and nationalities"),
        col("lat", Float64, "latitude of a place (a country's or region's centroid)"),
        col("lon", Float64, "longitude of a place"),
        col(
            "place_type",
            Categorical,
            "kind of place, for its precision: country, region (oblast, province, state), district, city, village, feature",
        ),
        col(
            "value",
            String,
            "normalised value: ISO 8601 for DATE, the bare number for CARDINAL, MONEY, QUANTITY, PERCENT",
        ),
        col("source", Categorical, "what found the mention: lexicon, rule or model"),
    ],
};

pub const QUOTES: Table = Table {
    name: "quotes",
    row: "quotation (reported speech with or without quote marks)",
    columns: &[
        DOC_ID,
        col("quote_id", UInt32, "number of the quote within its document, from 0"),
        col("sentence", UInt32, "index of the sentence where the quote starts"),
        col("start", UInt32, "code-point offset of the reported content (inside the marks for a direct quote)"),
        col("end", UInt32, "code-point offset just past the reported content"),
        col("text", String, "the reported content (text[start:end])"),
        col(
            "kind",
            Categorical,
            "direct (a whole utterance in marks), mixed (quoted words in reported speech) or indirect",
        ),
        col("speaker", String, "the speaker as written; for a pronoun, the name it stands for"),
        col("speaker_canonical", String, "the speaker's canonical name"),
        col("speaker_entity_id", String, "the speaker's entity_id"),
        col("speaker_label", String, "entity label of the speaker (PERSON, ORG, …)"),
        col("speaker_start", UInt32, "code-point offset of the speaker mention"),
        col("speaker_end", UInt32, "code-point offset just past the speaker mention"),
        col("cue", String, "lemma of the reporting verb (say, tell, …) or \"according to\""),
        col("confidence", Float32, "how sure the extractor is of the quote and its speaker, 0 to 1"),
        col(
            "continues",
            UInt32,
            "a quote running over several paragraphs is one row a paragraph: the quote_id of the row this one continues",
        ),
    ],
};

pub const EVENTS: Table = Table {
    name: "events",
    row: "event: one happening at one place (\"struck Lviv and Dnipro\" gives two rows)",
    columns: &[
        DOC_ID,
        col("event_id", UInt32, "number of the event within its document, from 0"),
        col("sentence", UInt32, "index of the trigger's sentence"),
        col("start", UInt32, "code-point offset of the trigger"),
        col("end", UInt32, "code-point offset just past the trigger"),
        col("trigger", String, "the word or phrase that announces the event (text[start:end])"),
        col("type", Categorical, "event type (ASSAULT, SEIZE, AID, …; the set is in docs/design.md)"),
        col("subtype", String, "finer kind within the type (e.g. drone strike, evacuation)"),
        col("actor", String, "who does it, as written"),
        col("actor_canonical", String, "the actor's canonical name; for an office-holder, the state or organisation they act for"),
        col("actor_entity_id", String, "the entity_id of actor_canonical"),
        col("target", String, "who or what it is done to, as written"),
        col("target_canonical", String, "the target's canonical name"),
        col("target_entity_id", String, "the target's entity_id"),
        col("location", String, "canonical name of the place where it happens"),
        col("location_entity_id", String, "the place's entity_id"),
        col("country", String, "ISO 3166-1 alpha-2 code of the place"),
        col("lat", Float64, "latitude of the place"),
        col("lon", Float64, "longitude of the place"),
        col("date", Date, "the day it happened, resolved against the publication date"),
        col("date_text", String, "the date expression as written"),
        col("date_source", Categorical, "where the date came from: clause, sentence, paragraph, dateline, document (the day a summary reports on) or published"),
        col(
            "location_source",
            Categorical,
            "where the location came from: clause, sentence, paragraph, dateline, headline, or document (the one country the document is about, for an event across it)",
        ),
        col("killed", UInt32, "number of people killed"),
        col("injured", UInt32, "number of people injured"),
        col(
            "approximate",
            Boolean,
            "the casualty figure comes from vague words (\"dozens\", \"more than 10\") and is their lower bound",
        ),
        col(
            "aggregate",
            Boolean,
            "the figures are a total that also counts events with rows of their own, or a running total",
        ),
        col("quantity", String, "another counted amount and what it counts (\"3.6 million refugees\")"),
        col("modality", Categorical, "asserted, negated, hedged, planned or hypothetical"),
        col("source", String, "who reports or claims the event"),
        col("source_entity_id", String, "the source's entity_id"),
        col("quote_id", UInt32, "the quote the event is reported in (quotes.quote_id of the same document)"),
    ],
};

/// The four tables, in the order `extract` returns them.
pub const TABLES: [Table; 4] = [DOCUMENTS, ENTITIES, QUOTES, EVENTS];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn names_are_unique_and_described() {
        let tables: HashSet<&str> = TABLES.iter().map(|t| t.name).collect();
        assert_eq!(tables.len(), TABLES.len());
        for t in TABLES {
            let names: HashSet<&str> = t.columns.iter().map(|c| c.name).collect();
            assert_eq!(names.len(), t.columns.len(), "{}: duplicate column", t.name);
            assert_eq!(t.columns[0].name, "doc_id", "{}: doc_id comes first", t.name);
            for c in t.columns {
                assert!(!c.description.trim().is_empty() && !c.description.contains('\n'), "{}.{}", t.name, c.name);
            }
        }
    }

    #[test]
    fn events_order_of_the_new_columns() {
        let names = EVENTS.names();
        let at = |n: &str| names.iter().position(|x| *x == n).unwrap();
        assert_eq!(at("date_source"), at("date_text") + 1);
        assert_eq!(at("location_source"), at("date_source") + 1);
        assert_eq!(at("killed"), at("location_source") + 1);
        assert_eq!(at("approximate"), at("injured") + 1);
        assert_eq!(at("aggregate"), at("approximate") + 1);
        assert_eq!(at("quantity"), at("aggregate") + 1);
    }
}
