//! The pipeline, top to bottom: normalize → segment → entities → resolve → quotes → events.
//!
//! `analyze` runs one document; `analyze_batch` runs many in parallel with rayon and keeps
//! the input order. A panic inside one document is caught and reported for that document.

use crate::context::DocContext;
use crate::lexicon::Resources;
use crate::model::{DocInput, DocResult, Mention, Options, Quote};
use crate::normalize;
use crate::{dates, entities, events, language, numbers, quotes, resolve};
use rayon::prelude::*;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::{Arc, Mutex};

/// Cut a text to at most `max_chars` characters, on a char boundary.
fn truncate_chars(text: &str, max_chars: usize) -> Option<&str> {
    // No more bytes than the limit, so no more chars: nothing to cut, without walking the
    // text char by char (nearly every document).
    if text.len() <= max_chars {
        return None;
    }
    text.char_indices().nth(max_chars).map(|(b, _)| &text[..b])
}

/// Warning codes: the stable first word of every `documents.warnings` entry, `code: detail`.
pub mod warn {
    pub const NULL_TEXT: &str = "null-text";
    pub const EMPTY_TEXT: &str = "empty-text";
    pub const BINARY: &str = "binary";
    pub const TRUNCATED: &str = "truncated";
    pub const NO_DATE: &str = "no-date";
    pub const NOT_ENGLISH: &str = "not-english";
    pub const HTML: &str = "html";
    pub const INTERNAL_ERROR: &str = "internal-error";
    /// Every code above, for the binding to export.
    pub const ALL: [&str; 8] = [NULL_TEXT, EMPTY_TEXT, BINARY, TRUNCATED, NO_DATE, NOT_ENGLISH, HTML, INTERNAL_ERROR];
}

fn warning(code: &str, detail: impl std::fmt::Display) -> String {
    format!("{code}: {detail}")
}

/// Run the whole pipeline on one document.
pub fn analyze(input: &DocInput, res: &Resources, opts: &Options) -> DocResult {
    let mut result =
        DocResult { published: input.published, title: input.title.map(str::to_string), ..Default::default() };
    let Some(raw) = input.text else {
        result.warnings.push(warning(warn::NULL_TEXT, "no text given"));
        return result;
    };
    result.n_chars = raw.chars().count();
    if raw.trim().is_empty() {
        let what = if raw.is_empty() { "the text is empty" } else { "the text is only whitespace" };
        result.warnings.push(warning(warn::EMPTY_TEXT, what));
        result.text = normalize::normalize(raw).text;
        result.original = raw.to_string();
        return result;
    }
    if normalize::looks_binary(raw) {
        result.warnings.push(warning(warn::BINARY, "the text looks like binary data; skipped"));
        result.text = normalize::normalize(raw).text;
        result.original = raw.to_string();
        return result;
    }
    let raw = match truncate_chars(raw, opts.max_chars) {
        Some(cut) => {
            result.warnings.push(warning(
                warn::TRUNCATED,
                format!("cut to the first {} of {} chars", opts.max_chars, result.n_chars),
            ));
            cut
        }
        None => raw,
    };
    let detected = language::detect(raw, res);
    if let Some(code) = language::non_english(&detected) {
        result.warnings.push(warning(warn::NOT_ENGLISH, code));
    }
    result.language = detected.map(|(code, _)| code);
    if let Some(detail) = language::html_markup(raw) {
        result.warnings.push(warning(warn::HTML, detail));
    }
    let norm = normalize::normalize(raw);
    let seg = crate::segment::segment(&norm.text, &res.abbreviations);
    result.n_sentences = seg.sentences.len() as u32;
    if input.published.is_none() {
        result.warnings.push(warning(warn::NO_DATE, "no publication date, so relative dates stay unresolved"));
    }
    let ctx = DocContext::new(&norm.text, &norm.marks, &seg, res, input.published);
    if result.title.is_none() {
        result.title = seg
            .sentences
            .first()
            .filter(|s| s.headline && s.paragraph == 0)
            .map(|s| normalize::SpanMapper::new(&norm.text, raw).original(s.start, s.end).to_string());
    }

    // Entities are needed by quotes (speakers) and events (arguments) even when the
    // entities table itself is not asked for.
    let need_mentions = opts.entities || opts.quotes || opts.events;
    let mut mentions: Vec<Mention> = Vec::new();
    // Number phrases per sentence, scanned once for the numbers mentions and the events.
    let mut number_phrases = Vec::new();
    if need_mentions {
        mentions = entities::recognize(&ctx);
        mentions.extend(dates::recognize(&ctx));
        number_phrases = numbers::scan_document(&ctx);
        mentions.extend(numbers::mentions(&number_phrases));
        mentions = resolve::resolve(&ctx, mentions);
    }
    let mut found_quotes: Vec<Quote> = Vec::new();
    if opts.quotes || opts.events {
        found_quotes = quotes::extract(&ctx, &mentions);
    }
    if opts.events {
        result.events = events::extract_with_numbers(&ctx, &mentions, &found_quotes, &number_phrases);
    }
    if opts.quotes {
        result.quotes = found_quotes;
    }
    if opts.entities {
        result.entities = mentions;
    }
    result.text = norm.text;
    result.original = raw.to_string();
    result
}

/// Every span of a result lies inside its text, on character boundaries, and is not empty
/// (speaker spans may be empty: a speaker resolved from an earlier sentence has no mention
/// here). The tables rely on it; a result that breaks it is an internal error, not bad rows.
pub fn check_spans(r: &DocResult) -> Result<(), String> {
    let text = r.text.as_str();
    let ok = |what: &str, start: usize, end: usize, allow_empty: bool| -> Result<(), String> {
        let fits = start <= end && end <= text.len() && text.is_char_boundary(start) && text.is_char_boundary(end);
        if fits && (allow_empty || start < end) {
            Ok(())
        } else {
            Err(format!("bad {what} span {start}..{end} in a text of {} bytes", text.len()))
        }
    };
    if r.original.chars().count() != text.chars().count() {
        return Err("normalised and original text differ in length".into());
    }
    for m in &r.entities {
        ok("entity", m.start, m.end, false)?;
    }
    for q in &r.quotes {
        ok("quote", q.start, q.end, false)?;
        if let Some(s) = &q.speaker {
            ok("speaker", s.start, s.end, true)?;
        }
    }
    for e in &r.events {
        ok("event", e.start, e.end, false)?;
    }
    Ok(())
}

/// A document whose analysis failed (a panic, or a result that breaks `check_spans`):
/// its index in the batch and what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct DocFailure {
    pub index: usize,
    pub message: String,
}

fn panic_message(payload: Box<dyn std::any::Any + Send>) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        s.to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic".to_string()
    }
}

/// Run `work` for document `index`, turning a panic into an error for that document.
fn catch_doc<T>(index: usize, work: impl FnOnce() -> T) -> Result<T, DocFailure> {
    catch_unwind(AssertUnwindSafe(work)).map_err(|p| DocFailure { index, message: panic_message(p) })
}

/// Analyse one document, turning a panic or a broken result into an error.
pub fn analyze_caught(
    index: usize,
    input: &DocInput,
    res: &Resources,
    opts: &Options,
) -> Result<DocResult, DocFailure> {
    let result = catch_doc(index, || {
        if opts.fail_on_doc == Some(index) {
            panic!("injected failure (Options::fail_on_doc)");
        }
        analyze(input, res, opts)
    })?;
    check_spans(&result).map_err(|message| DocFailure { index, message })?;
    Ok(result)
}

/// The `documents` row of a document whose analysis failed: its input's facts, the
/// `internal-error` warning, and no rows elsewhere.
fn failed_result(input: &DocInput, failure: &DocFailure) -> DocResult {
    let message: String = failure.message.chars().take(500).collect();
    DocResult {
        published: input.published,
        title: input.title.map(str::to_string),
        n_chars: input.text.map_or(0, |t| t.chars().count()),
        warnings: vec![warning(warn::INTERNAL_ERROR, message)],
        ..Default::default()
    }
}

/// What a batch gives back: one result per input, in input order (a failed document has
/// its `internal-error` row), and the failures themselves.
#[derive(Debug, Default)]
pub struct BatchOutput {
    pub results: Vec<DocResult>,
    pub failures: Vec<DocFailure>,
}

/// Threads to use: the caller's choice, else RAYON_NUM_THREADS, else every core.
fn thread_count(threads: Option<usize>) -> usize {
    threads
        .filter(|&n| n > 0)
        .or_else(|| {
            std::env::var("RAYON_NUM_THREADS").ok().and_then(|v| v.trim().parse().ok()).filter(|&n: &usize| n > 0)
        })
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
}

/// A thread pool for this process. Pools are remembered per process id because a rayon
/// pool does not survive `fork()` (multiprocessing workers would wait forever on threads
/// that only exist in the parent); a forked child builds its own.
fn pool(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    static POOLS: Mutex<Vec<(u32, usize, Arc<rayon::ThreadPool>)>> = Mutex::new(Vec::new());
    let pid = std::process::id();
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    pools.retain(|(p, _, _)| *p == pid);
    if let Some((_, _, p)) = pools.iter().find(|(_, n, _)| *n == threads) {
        return Some(p.clone());
    }
    let p = Arc::new(rayon::ThreadPoolBuilder::new().num_threads(threads).build().ok()?);
    pools.push((pid, threads, p.clone()));
    Some(p)
}

/// `work` over every document in parallel, longest text first and one document a task, so
/// that a long document started last does not leave the other threads idle at the end of
/// a batch (documents of mixed sizes); results come back in input order.
fn largest_first<T: Send>(inputs: &[DocInput], work: impl Fn((usize, &DocInput)) -> T + Sync) -> Vec<T> {
    let mut order: Vec<usize> = (0..inputs.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(inputs[i].text.map_or(0, str::len)));
    let done: Vec<(usize, T)> = order.par_iter().with_max_len(1).map(|&i| (i, work((i, &inputs[i])))).collect();
    let mut slots: Vec<Option<T>> = std::iter::repeat_with(|| None).take(inputs.len()).collect();
    for (i, r) in done {
        slots[i] = Some(r);
    }
    slots.into_iter().map(|r| r.expect("every document analysed once")).collect()
}

/// Text (bytes) from which the phrase lexicons' DFA pays its build back: it
/// costs ~110 million instructions once and saves ~0.033 million per kilobyte of news text
/// (callgrind, 200 PolNeAR train texts: 48.6 million with the NFA, 22.7 with the DFA, for
/// the one search of a document's phrases), so a one-document call keeps the NFA. Counted
/// over the process's batches (`TEXT_SEEN`): batches of short articles add up too.
const DFA_BATCH_BYTES: usize = 3_000_000;

/// Text (bytes) the process has given `analyze_batch` so far.
static TEXT_SEEN: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Analyse many documents in parallel; results keep the input order. `threads` = None uses
/// RAYON_NUM_THREADS or all cores. A document that fails costs only its own rows.
pub fn analyze_batch(inputs: &[DocInput], res: &Resources, opts: &Options, threads: Option<usize>) -> BatchOutput {
    let bytes: usize = inputs.iter().map(|d| d.text.map_or(0, str::len)).sum();
    if TEXT_SEEN.fetch_add(bytes, std::sync::atomic::Ordering::Relaxed).saturating_add(bytes) >= DFA_BATCH_BYTES {
        res.prepare_dfas();
    }
    let one = |(i, d): (usize, &DocInput)| analyze_caught(i, d, res, opts);
    let n = thread_count(threads);
    let parallel = if n > 1 && inputs.len() > 1 { pool(n) } else { None };
    let outcomes: Vec<Result<DocResult, DocFailure>> = match parallel {
        Some(p) => p.install(|| largest_first(inputs, one)),
        None => inputs.iter().enumerate().map(one).collect(),
    };
    let mut out = BatchOutput { results: Vec::with_capacity(inputs.len()), failures: Vec::new() };
    for (outcome, input) in outcomes.into_iter().zip(inputs) {
        match outcome {
            Ok(r) => out.results.push(r),
            Err(f) => {
                out.results.push(failed_result(input, &f));
                out.failures.push(f);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_of_bad_text_gets_a_warning() {
        let res = Resources::shared();
        let opts = Options::default();
        let cases: [(Option<&str>, &str); 4] = [
            (None, warn::NULL_TEXT),
            (Some(""), warn::EMPTY_TEXT),
            (Some("  \n\t "), warn::EMPTY_TEXT),
            (Some("\u{0}\u{1}\u{2}\u{3}\u{4}\u{5}"), warn::BINARY),
        ];
        for (text, code) in cases {
            let r = analyze(&DocInput { text, published: Some(19000), title: None }, &res, &opts);
            assert_eq!(r.warnings.len(), 1, "{text:?}: {:?}", r.warnings);
            assert!(r.warnings[0].starts_with(&format!("{code}: ")), "{text:?}: {:?}", r.warnings);
        }
    }

    #[test]
    fn a_panic_becomes_an_error_naming_the_document() {
        let r: Result<(), DocFailure> = catch_doc(7, || panic!("boom at {}", 3));
        let f = r.unwrap_err();
        assert_eq!(f.index, 7);
        assert_eq!(f.message, "boom at 3");
        assert_eq!(catch_doc(1, || 5).unwrap(), 5);
    }

    #[test]
    fn truncation_is_reported() {
        let res = Resources::shared();
        let opts = Options { max_chars: 10, ..Options::default() };
        let r = analyze(
            &DocInput { text: Some("Kyiv is a city in Ukraine."), published: Some(0), title: None },
            &res,
            &opts,
        );
        assert_eq!(r.text.chars().count(), 10);
        assert_eq!(r.n_chars, 26, "n_chars is the length given, not the length kept");
        assert!(r.warnings.iter().any(|w| w.starts_with("truncated: ")), "{:?}", r.warnings);
    }

    #[test]
    fn batch_keeps_order_whatever_the_threads() {
        let res = Resources::shared();
        let texts: Vec<String> =
            (0..50).map(|i| format!("Doc {i}. Shelling hit Kharkiv, the governor said.")).collect();
        let inputs: Vec<DocInput> =
            texts.iter().map(|t| DocInput { text: Some(t), published: None, title: None }).collect();
        let one = analyze_batch(&inputs, &res, &Options::default(), Some(1)).results;
        let two = analyze_batch(&inputs, &res, &Options::default(), Some(2)).results;
        for (a, b) in one.iter().zip(&two) {
            assert_eq!(a.text, b.text);
            assert_eq!(a.entities, b.entities);
            assert_eq!(a.quotes, b.quotes);
            assert_eq!(a.events, b.events);
        }
    }

    #[test]
    fn a_failing_document_costs_only_its_own_rows() {
        let res = Resources::shared();
        let texts: Vec<String> =
            (0..40).map(|i| format!("Shelling hit Kharkiv on day {i}, the governor said.")).collect();
        let inputs: Vec<DocInput> =
            texts.iter().map(|t| DocInput { text: Some(t), published: Some(19000), title: None }).collect();
        for threads in [1, 2] {
            let opts = Options { fail_on_doc: Some(17), ..Options::default() };
            let out = analyze_batch(&inputs, &res, &opts, Some(threads));
            assert_eq!(out.results.len(), 40);
            assert_eq!(out.failures.len(), 1);
            assert_eq!(out.failures[0].index, 17);
            let failed = &out.results[17];
            assert!(failed.warnings[0].starts_with("internal-error: injected failure"), "{:?}", failed.warnings);
            assert!(failed.entities.is_empty() && failed.quotes.is_empty() && failed.events.is_empty());
            assert_eq!(failed.n_chars, texts[17].chars().count());
            assert!(out.results.iter().enumerate().filter(|(i, _)| *i != 17).all(|(_, r)| !r.entities.is_empty()));
        }
    }

    #[test]
    fn a_result_with_a_broken_span_is_an_error_not_a_row() {
        let mut r = DocResult { text: "Kyiv é".into(), original: "Kyiv é".into(), ..Default::default() };
        assert!(check_spans(&r).is_ok());
        let m = Mention {
            start: 0,
            end: 4,
            sentence: 0,
            label: crate::model::Label::Gpe,
            canonical: None,
            entity_id: None,
            role: None,
            geo: Default::default(),
            value: None,
            source: crate::model::MentionSource::Rule,
        };
        r.entities.push(m.clone());
        assert!(check_spans(&r).is_ok());
        for (start, end) in [(4, 4), (3, 2), (0, 99), (6, 7)] {
            r.entities[0] = Mention { start, end, ..m.clone() };
            assert!(check_spans(&r).is_err(), "{start}..{end}");
        }
    }

    #[test]
    fn two_cyrillic_people_in_one_sentence_get_two_ids() {
        let res = Resources::shared();
        let text =
            "Governor Олег Синегубов and commander Микола Гриценко said the town of Kupiansk was shelled overnight.";
        let r = analyze(&DocInput { text: Some(text), published: Some(19000), title: None }, &res, &Options::default());
        let people: Vec<(&str, Option<&str>, Option<&str>)> = r
            .entities
            .iter()
            .filter(|m| m.label == crate::model::Label::Person)
            .map(|m| (&r.text[m.start..m.end], m.canonical.as_deref(), m.entity_id.as_deref()))
            .collect();
        assert_eq!(people.len(), 2, "{people:?}");
        for (_, canonical, id) in &people {
            assert!(canonical.is_some_and(|c| c.is_ascii()), "{people:?}");
            assert!(id.is_some_and(|i| i.len() > "person:".len()), "{people:?}");
        }
        assert_ne!(people[0].2, people[1].2, "{people:?}");
        assert_eq!(people[0].2, Some("person:oleh-syniehubov"));
    }
}
