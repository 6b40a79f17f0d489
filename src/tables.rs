//! Stage 7: the four polars tables, built from the pipeline's plain structs.
//!
//! Byte offsets of the normalised text become code-point offsets here, and every `text`
//! column is sliced from the original text, so `text[start:end]` in Python gives the span.
//!
//! Column names, order and dtypes are not decided here but in `schema` (the table
//! contract): each builder makes its columns in their plain physical form and `conform`
//! orders them as declared, casts them to the declared dtype (days → Date, strings →
//! Categorical) and refuses anything else that differs.

use crate::model::DocResult;
use crate::normalize::SpanMapper;
use crate::schema::{self, Dtype, Table};
use polars::prelude::*;

fn categorical() -> DataType {
    DataType::from_categories(Categories::global())
}

/// The polars dtype of a declared dtype.
pub fn polars_dtype(d: Dtype) -> DataType {
    match d {
        Dtype::UInt32 => DataType::UInt32,
        Dtype::Float32 => DataType::Float32,
        Dtype::Float64 => DataType::Float64,
        Dtype::Boolean => DataType::Boolean,
        Dtype::String => DataType::String,
        Dtype::Categorical => categorical(),
        Dtype::Date => DataType::Date,
        Dtype::ListString => DataType::List(Box::new(DataType::String)),
    }
}

macro_rules! series {
    ($name:expr, $values:expr) => {
        Series::new(PlSmallStr::from($name), $values)
    };
}

/// The frame of `table` from the built columns: in the declared order, with the declared
/// dtypes. A column built but not declared, declared but not built, or built with a dtype
/// that is neither the declared one nor its physical form is an error (a bug in this file).
fn conform(table: &Table, height: usize, built: Vec<Series>) -> PolarsResult<DataFrame> {
    let mut built: Vec<Option<Series>> = built.into_iter().map(Some).collect();
    let mut columns = Vec::with_capacity(table.columns.len());
    for c in table.columns {
        let Some(s) =
            built.iter_mut().find(|s| s.as_ref().is_some_and(|s| s.name().as_str() == c.name)).and_then(Option::take)
        else {
            polars_bail!(ComputeError: "{}: column {:?} is declared but not built", table.name, c.name);
        };
        let want = polars_dtype(c.dtype);
        let s = match (s.dtype(), c.dtype) {
            (got, _) if *got == want => s,
            (DataType::Int32, Dtype::Date) | (DataType::String, Dtype::Categorical) => s.cast(&want)?,
            (got, _) => {
                polars_bail!(ComputeError: "{}.{}: built as {}, declared {}", table.name, c.name, got, c.dtype.name())
            }
        };
        columns.push(Column::from(s));
    }
    if let Some(extra) = built.into_iter().flatten().next() {
        polars_bail!(ComputeError: "{}: column {:?} is built but not declared (or built twice)", table.name, extra.name());
    }
    DataFrame::new(height, columns)
}

/// Which extractors ran (their counts are null in `documents` otherwise).
#[derive(Clone, Copy)]
pub struct Ran {
    pub entities: bool,
    pub quotes: bool,
    pub events: bool,
}

/// The four tables (documents, entities, quotes, events) of one batch. Each document's
/// offset maps are built once and shared by the three span tables.
pub fn build(
    results: &[DocResult],
    doc_offset: u32,
    ran: Ran,
) -> PolarsResult<(DataFrame, DataFrame, DataFrame, DataFrame)> {
    let maps: Vec<SpanMapper> = results.iter().map(|r| SpanMapper::new(&r.text, &r.original)).collect();
    Ok((
        documents(results, doc_offset, ran)?,
        entities(results, &maps, doc_offset)?,
        quotes(results, &maps, doc_offset)?,
        events(results, &maps, doc_offset)?,
    ))
}

/// One row per input document.
fn documents(results: &[DocResult], doc_offset: u32, ran: Ran) -> PolarsResult<DataFrame> {
    let n = results.len();
    let doc_id: Vec<u32> = (0..n as u32).map(|i| doc_offset + i).collect();
    let title: Vec<Option<&str>> = results.iter().map(|r| r.title.as_deref()).collect();
    let published: Vec<Option<i32>> = results.iter().map(|r| r.published).collect();
    let language: Vec<Option<&str>> = results.iter().map(|r| r.language.as_deref()).collect();
    let n_chars: Vec<u32> = results.iter().map(|r| u32::try_from(r.n_chars).unwrap_or(u32::MAX)).collect();
    let n_sentences: Vec<u32> = results.iter().map(|r| r.n_sentences).collect();
    let count = |on: bool, f: fn(&DocResult) -> usize| -> Vec<Option<u32>> {
        results.iter().map(|r| on.then(|| f(r) as u32)).collect()
    };
    let mut warnings = ListStringChunkedBuilder::new(PlSmallStr::from("warnings"), n, n);
    for r in results {
        warnings.append_values_iter(r.warnings.iter().map(String::as_str));
    }
    conform(
        &schema::DOCUMENTS,
        n,
        vec![
            series!("doc_id", doc_id),
            series!("title", title),
            series!("published", published),
            series!("language", language),
            series!("n_chars", n_chars),
            series!("n_sentences", n_sentences),
            series!("n_entities", count(ran.entities, |r| r.entities.len())),
            series!("n_quotes", count(ran.quotes, |r| r.quotes.len())),
            series!("n_events", count(ran.events, |r| r.events.len())),
            warnings.finish().into_series(),
        ],
    )
}

/// One row per entity mention.
fn entities(results: &[DocResult], maps: &[SpanMapper], doc_offset: u32) -> PolarsResult<DataFrame> {
    let rows: usize = results.iter().map(|r| r.entities.len()).sum();
    let (mut doc_id, mut sentence, mut start, mut end) =
        (Vec::with_capacity(rows), Vec::with_capacity(rows), Vec::with_capacity(rows), Vec::with_capacity(rows));
    let mut text: Vec<&str> = Vec::with_capacity(rows);
    let mut label: Vec<&str> = Vec::with_capacity(rows);
    let (mut canonical, mut entity_id, mut role, mut country, mut value): (
        Vec<Option<&str>>,
        Vec<Option<&str>>,
        Vec<Option<&str>>,
        Vec<Option<&str>>,
        Vec<Option<&str>>,
    ) = Default::default();
    let (mut lat, mut lon): (Vec<Option<f64>>, Vec<Option<f64>>) = Default::default();
    let mut place_type: Vec<Option<&str>> = Vec::with_capacity(rows);
    let mut source: Vec<&str> = Vec::with_capacity(rows);
    for (i, r) in results.iter().enumerate() {
        let map = &maps[i];
        for m in &r.entities {
            let (s, e) = map.chars(m.start, m.end);
            doc_id.push(doc_offset + i as u32);
            sentence.push(m.sentence);
            start.push(s);
            end.push(e);
            text.push(map.original(m.start, m.end));
            label.push(m.label.as_str());
            canonical.push(m.canonical.as_deref());
            entity_id.push(m.entity_id.as_deref());
            role.push(m.role.as_deref());
            country.push(m.geo.country.as_deref());
            lat.push(m.geo.lat);
            lon.push(m.geo.lon);
            place_type.push(m.geo.place_type.map(|p| p.as_str()));
            value.push(m.value.as_deref());
            source.push(m.source.as_str());
        }
    }
    conform(
        &schema::ENTITIES,
        rows,
        vec![
            series!("doc_id", doc_id),
            series!("sentence", sentence),
            series!("start", start),
            series!("end", end),
            series!("text", text),
            series!("label", label),
            series!("canonical", canonical),
            series!("entity_id", entity_id),
            series!("role", role),
            series!("country", country),
            series!("lat", lat),
            series!("lon", lon),
            series!("place_type", place_type),
            series!("value", value),
            series!("source", source),
        ],
    )
}

/// One row per quotation.
fn quotes(results: &[DocResult], maps: &[SpanMapper], doc_offset: u32) -> PolarsResult<DataFrame> {
    let rows: usize = results.iter().map(|r| r.quotes.len()).sum();
    let (mut doc_id, mut quote_id, mut sentence, mut start, mut end): (
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
    ) = Default::default();
    let (mut text, mut kind): (Vec<&str>, Vec<&str>) = Default::default();
    let (mut speaker, mut speaker_canonical, mut speaker_entity_id, mut speaker_label, mut cue): (
        Vec<Option<&str>>,
        Vec<Option<&str>>,
        Vec<Option<&str>>,
        Vec<Option<&str>>,
        Vec<Option<&str>>,
    ) = Default::default();
    let (mut speaker_start, mut speaker_end): (Vec<Option<u32>>, Vec<Option<u32>>) = Default::default();
    let mut confidence: Vec<f32> = Vec::with_capacity(rows);
    let mut continues: Vec<Option<u32>> = Vec::with_capacity(rows);
    for (i, r) in results.iter().enumerate() {
        let map = &maps[i];
        for (qi, q) in r.quotes.iter().enumerate() {
            let (s, e) = map.chars(q.start, q.end);
            doc_id.push(doc_offset + i as u32);
            quote_id.push(qi as u32);
            sentence.push(q.sentence);
            start.push(s);
            end.push(e);
            text.push(map.original(q.start, q.end));
            kind.push(q.kind.as_str());
            let sp = q.speaker.as_ref();
            // The speaker's surface comes from the original text unless it was resolved from
            // a pronoun (then it is the antecedent's name).
            speaker.push(sp.map(|s| {
                if r.text.get(s.start..s.end) == Some(s.text.as_str()) {
                    map.original(s.start, s.end)
                } else {
                    s.text.as_str()
                }
            }));
            speaker_canonical.push(sp.and_then(|s| s.canonical.as_deref()));
            speaker_entity_id.push(sp.and_then(|s| s.entity_id.as_deref()));
            speaker_label.push(sp.and_then(|s| s.label.map(|l| l.as_str())));
            let span = sp.map(|s| map.chars(s.start, s.end));
            speaker_start.push(span.map(|x| x.0));
            speaker_end.push(span.map(|x| x.1));
            cue.push(q.cue.as_deref());
            confidence.push(q.confidence);
            continues.push(q.continues);
        }
    }
    conform(
        &schema::QUOTES,
        rows,
        vec![
            series!("doc_id", doc_id),
            series!("quote_id", quote_id),
            series!("sentence", sentence),
            series!("start", start),
            series!("end", end),
            series!("text", text),
            series!("kind", kind),
            series!("speaker", speaker),
            series!("speaker_canonical", speaker_canonical),
            series!("speaker_entity_id", speaker_entity_id),
            series!("speaker_label", speaker_label),
            series!("speaker_start", speaker_start),
            series!("speaker_end", speaker_end),
            series!("cue", cue),
            series!("confidence", confidence),
            series!("continues", continues),
        ],
    )
}

/// One row per event.
fn events(results: &[DocResult], maps: &[SpanMapper], doc_offset: u32) -> PolarsResult<DataFrame> {
    type S<'a> = Vec<Option<&'a str>>;
    let (mut doc_id, mut event_id, mut sentence, mut start, mut end): (
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
        Vec<u32>,
    ) = Default::default();
    let (mut trigger, mut etype, mut modality): (Vec<&str>, Vec<&str>, Vec<&str>) = Default::default();
    let (mut subtype, mut actor, mut actor_canonical, mut actor_entity_id): (S, S, S, S) = Default::default();
    let (mut target, mut target_canonical, mut target_entity_id): (S, S, S) = Default::default();
    let (mut location, mut location_entity_id, mut country): (S, S, S) = Default::default();
    let (mut lat, mut lon): (Vec<Option<f64>>, Vec<Option<f64>>) = Default::default();
    let mut date: Vec<Option<i32>> = Vec::new();
    let (mut date_source, mut location_source): (S, S) = Default::default();
    let (mut approximate, mut aggregate): (Vec<Option<bool>>, Vec<Option<bool>>) = Default::default();
    let (mut date_text, mut quantity, mut source, mut source_entity_id): (S, S, S, S) = Default::default();
    let (mut killed, mut injured, mut quote_id): (Vec<Option<u32>>, Vec<Option<u32>>, Vec<Option<u32>>) =
        Default::default();
    for (i, r) in results.iter().enumerate() {
        let map = &maps[i];
        for (ei, ev) in r.events.iter().enumerate() {
            let (s, e) = map.chars(ev.start, ev.end);
            doc_id.push(doc_offset + i as u32);
            event_id.push(ei as u32);
            sentence.push(ev.sentence);
            start.push(s);
            end.push(e);
            trigger.push(map.original(ev.start, ev.end));
            etype.push(ev.event_type.as_str());
            subtype.push(ev.subtype.as_deref());
            actor.push(ev.actor.as_ref().map(|a| a.text.as_str()));
            actor_canonical.push(ev.actor.as_ref().and_then(|a| a.canonical.as_deref()));
            actor_entity_id.push(ev.actor.as_ref().and_then(|a| a.entity_id.as_deref()));
            target.push(ev.target.as_ref().map(|a| a.text.as_str()));
            target_canonical.push(ev.target.as_ref().and_then(|a| a.canonical.as_deref()));
            target_entity_id.push(ev.target.as_ref().and_then(|a| a.entity_id.as_deref()));
            location.push(ev.location.as_ref().map(|a| a.canonical.as_deref().unwrap_or(a.text.as_str())));
            location_entity_id.push(ev.location.as_ref().and_then(|a| a.entity_id.as_deref()));
            country.push(ev.geo.country.as_deref());
            lat.push(ev.geo.lat);
            lon.push(ev.geo.lon);
            date.push(ev.date);
            date_text.push(ev.date_text.as_deref());
            date_source.push(ev.date_source);
            location_source.push(ev.location_source);
            killed.push(ev.killed);
            injured.push(ev.injured);
            approximate.push(ev.approximate);
            aggregate.push(ev.aggregate);
            quantity.push(ev.quantity.as_deref());
            modality.push(ev.modality.as_str());
            source.push(ev.source.as_ref().map(|a| a.text.as_str()));
            source_entity_id.push(ev.source.as_ref().and_then(|a| a.entity_id.as_deref()));
            quote_id.push(ev.quote_id);
        }
    }
    let rows = doc_id.len();
    conform(
        &schema::EVENTS,
        rows,
        vec![
            series!("doc_id", doc_id),
            series!("event_id", event_id),
            series!("sentence", sentence),
            series!("start", start),
            series!("end", end),
            series!("trigger", trigger),
            series!("type", etype),
            series!("subtype", subtype),
            series!("actor", actor),
            series!("actor_canonical", actor_canonical),
            series!("actor_entity_id", actor_entity_id),
            series!("target", target),
            series!("target_canonical", target_canonical),
            series!("target_entity_id", target_entity_id),
            series!("location", location),
            series!("location_entity_id", location_entity_id),
            series!("country", country),
            series!("lat", lat),
            series!("lon", lon),
            series!("date", date),
            series!("date_text", date_text),
            series!("date_source", date_source),
            series!("location_source", location_source),
            series!("killed", killed),
            series!("injured", injured),
            series!("approximate", approximate),
            series!("aggregate", aggregate),
            series!("quantity", quantity),
            series!("modality", modality),
            series!("source", source),
            series!("source_entity_id", source_entity_id),
            series!("quote_id", quote_id),
        ],
    )
}

#[cfg(test)]
mod tests {
    //! Built with the `python` feature only (`cargo test --features python`); the Python
    //! suite checks the same on the compiled module (tests/test_schema.py).
    use super::*;
    use crate::lexicon::Resources;
    use crate::model::{DocInput, Options};
    use crate::pipeline::analyze;

    fn declared(t: &Table) -> Vec<(String, DataType)> {
        t.columns.iter().map(|c| (c.name.to_string(), polars_dtype(c.dtype))).collect()
    }

    fn built(df: &DataFrame) -> Vec<(String, DataType)> {
        df.schema().iter().map(|(n, d)| (n.to_string(), d.clone())).collect()
    }

    #[test]
    fn every_frame_has_the_declared_names_and_dtypes() {
        let text = "KYIV, Sept 13 (Newsframe) - Shelling of Izium killed at least 5 civilians and wounded 12, the regional governor said.\n\
                    \u{201c}We will not give up a single village,\u{201d} Defence Minister Oleksandr Hrytsenko said.";
        let res = Resources::shared();
        let docs = [
            analyze(&DocInput { text: Some(text), published: Some(19_248), title: None }, &res, &Options::default()),
            analyze(&DocInput { text: None, published: None, title: None }, &res, &Options::default()),
        ];
        for results in [&docs[..], &[][..]] {
            let (d, e, q, ev) = build(results, 0, Ran { entities: true, quotes: true, events: true }).unwrap();
            for (df, t) in
                [(&d, &schema::DOCUMENTS), (&e, &schema::ENTITIES), (&q, &schema::QUOTES), (&ev, &schema::EVENTS)]
            {
                assert_eq!(built(df), declared(t), "{}", t.name);
                assert!(results.is_empty() || df.height() > 0, "{} has no rows", t.name);
            }
        }
    }

    #[test]
    fn conform_refuses_what_the_declaration_does_not_say() {
        let t = &schema::DOCUMENTS;
        let ok: Vec<Series> =
            t.columns.iter().map(|c| Series::new_empty(PlSmallStr::from(c.name), &polars_dtype(c.dtype))).collect();
        assert!(conform(t, 0, ok.clone()).is_ok());
        let mut reversed = ok.clone();
        reversed.reverse();
        assert_eq!(built(&conform(t, 0, reversed).unwrap()), declared(t), "declared order wins");
        assert!(conform(t, 0, ok[1..].to_vec()).is_err(), "missing column");
        let mut extra = ok.clone();
        extra.push(series!("dateline", Vec::<Option<&str>>::new()));
        assert!(conform(t, 0, extra).is_err(), "undeclared column");
        let mut wrong = ok;
        wrong[4] = series!("n_chars", Vec::<f64>::new());
        assert!(conform(t, 0, wrong).is_err(), "wrong dtype");
    }
}
