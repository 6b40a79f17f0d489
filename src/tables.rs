//! Stage 7: the four polars tables, built from the pipeline's plain structs.
//!
//! Byte offsets of the normalised text become code-point offsets here, and every `text`
//! column is sliced from the original text, so `text[start:end]` in Python gives the span.

use crate::model::DocResult;
use crate::normalize::SpanMapper;
use polars::prelude::*;

fn categorical() -> DataType {
    DataType::from_categories(Categories::global())
}

macro_rules! series {
    ($name:expr, $values:expr) => {
        Series::new(PlSmallStr::from($name), $values)
    };
}

fn frame(height: usize, series: Vec<Series>) -> PolarsResult<DataFrame> {
    DataFrame::new(height, series.into_iter().map(Column::from).collect())
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
pub fn build(results: &[DocResult], doc_offset: u32, ran: Ran) -> PolarsResult<(DataFrame, DataFrame, DataFrame, DataFrame)> {
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
    frame(
        n,
        vec![
            series!("doc_id", doc_id),
            series!("title", title),
            series!("published", published).cast(&DataType::Date)?,
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
    let (mut doc_id, mut sentence, mut start, mut end) = (Vec::with_capacity(rows), Vec::with_capacity(rows), Vec::with_capacity(rows), Vec::with_capacity(rows));
    let mut text: Vec<&str> = Vec::with_capacity(rows);
    let mut label: Vec<&str> = Vec::with_capacity(rows);
    let (mut canonical, mut entity_id, mut role, mut country, mut value): (Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>) =
        Default::default();
    let (mut lat, mut lon): (Vec<Option<f64>>, Vec<Option<f64>>) = Default::default();
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
            value.push(m.value.as_deref());
            source.push(m.source.as_str());
        }
    }
    frame(
        rows,
        vec![
            series!("doc_id", doc_id),
            series!("sentence", sentence),
            series!("start", start),
            series!("end", end),
            series!("text", text),
            series!("label", label).cast(&categorical())?,
            series!("canonical", canonical),
            series!("entity_id", entity_id),
            series!("role", role),
            series!("country", country),
            series!("lat", lat),
            series!("lon", lon),
            series!("value", value),
            series!("source", source).cast(&categorical())?,
        ],
    )
}

/// One row per quotation.
fn quotes(results: &[DocResult], maps: &[SpanMapper], doc_offset: u32) -> PolarsResult<DataFrame> {
    let rows: usize = results.iter().map(|r| r.quotes.len()).sum();
    let (mut doc_id, mut quote_id, mut sentence, mut start, mut end): (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>) = Default::default();
    let (mut text, mut kind): (Vec<&str>, Vec<&str>) = Default::default();
    let (mut speaker, mut speaker_canonical, mut speaker_entity_id, mut speaker_label, mut cue): (Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>, Vec<Option<&str>>) =
        Default::default();
    let (mut speaker_start, mut speaker_end): (Vec<Option<u32>>, Vec<Option<u32>>) = Default::default();
    let mut confidence: Vec<f32> = Vec::with_capacity(rows);
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
        }
    }
    frame(
        rows,
        vec![
            series!("doc_id", doc_id),
            series!("quote_id", quote_id),
            series!("sentence", sentence),
            series!("start", start),
            series!("end", end),
            series!("text", text),
            series!("kind", kind).cast(&categorical())?,
            series!("speaker", speaker),
            series!("speaker_canonical", speaker_canonical),
            series!("speaker_entity_id", speaker_entity_id),
            series!("speaker_label", speaker_label),
            series!("speaker_start", speaker_start),
            series!("speaker_end", speaker_end),
            series!("cue", cue),
            series!("confidence", confidence),
        ],
    )
}

/// One row per event.
fn events(results: &[DocResult], maps: &[SpanMapper], doc_offset: u32) -> PolarsResult<DataFrame> {
    type S<'a> = Vec<Option<&'a str>>;
    let (mut doc_id, mut event_id, mut sentence, mut start, mut end): (Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>, Vec<u32>) = Default::default();
    let (mut trigger, mut etype, mut modality): (Vec<&str>, Vec<&str>, Vec<&str>) = Default::default();
    let (mut subtype, mut actor, mut actor_canonical, mut actor_entity_id): (S, S, S, S) = Default::default();
    let (mut target, mut target_canonical, mut target_entity_id): (S, S, S) = Default::default();
    let (mut location, mut location_entity_id, mut country): (S, S, S) = Default::default();
    let (mut lat, mut lon): (Vec<Option<f64>>, Vec<Option<f64>>) = Default::default();
    let mut date: Vec<Option<i32>> = Vec::new();
    let (mut date_text, mut quantity, mut source, mut source_entity_id): (S, S, S, S) = Default::default();
    let (mut killed, mut injured, mut quote_id): (Vec<Option<u32>>, Vec<Option<u32>>, Vec<Option<u32>>) = Default::default();
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
            killed.push(ev.killed);
            injured.push(ev.injured);
            quantity.push(ev.quantity.as_deref());
            modality.push(ev.modality.as_str());
            source.push(ev.source.as_ref().map(|a| a.text.as_str()));
            source_entity_id.push(ev.source.as_ref().and_then(|a| a.entity_id.as_deref()));
            quote_id.push(ev.quote_id);
        }
    }
    let rows = doc_id.len();
    frame(
        rows,
        vec![
            series!("doc_id", doc_id),
            series!("event_id", event_id),
            series!("sentence", sentence),
            series!("start", start),
            series!("end", end),
            series!("trigger", trigger),
            series!("type", etype).cast(&categorical())?,
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
            series!("date", date).cast(&DataType::Date)?,
            series!("date_text", date_text),
            series!("killed", killed),
            series!("injured", injured),
            series!("quantity", quantity),
            series!("modality", modality).cast(&categorical())?,
            series!("source", source),
            series!("source_entity_id", source_entity_id),
            series!("quote_id", quote_id),
        ],
    )
}
