//! Stage 6: events — trigger, type, actor, target, place, date, casualties, modality, source.
//!
//! Work is done one sentence at a time (never across the whole document):
//!
//! 1. triggers from the lexicon (`event_triggers.tsv`), minus the ones that sit inside a
//!    name ("Security Council"), read as something else ("heart attack", "pounds" after a
//!    number, "the occupied territories") or lack the context that makes them an event
//!    ("sent a letter" is no aid);
//! 2. attributions ("…, the regional governor said", "according to X") are cut out of the
//!    sentence, and the rest is split into clauses at ";", ", and", ", but", ", which" …;
//! 3. within a clause a verb and a noun of the same type make one event ("signed an
//!    agreement"), and casualty words ("killed 5", "12 were wounded") fill the killed/injured
//!    of an attack or fight in the same clause instead of becoming events of their own;
//! 4. each event gets its actor, target, place, date, counts, modality and source; an
//!    event at several listed places ("struck Lviv, Ternopil and Dnipro") is one row per
//!    place, its figures on one of them;
//! 5. over the document: the headline's report of the lead's happening is dropped (the
//!    lead's row stays), places come from the discourse where the sentence names none
//!    (a place anaphor, the paragraph, the dateline, the headline), then dates the same way.
//!
//! Arguments come from the entity mentions; when there are none (the recogniser did not
//! run), names from the gazetteer and capitalised phrases ("Russian forces") stand in.

mod args;
mod slots;
#[cfg(test)]
mod tests;

use crate::context::DocContext;
use crate::lexicon::{Resources, Trigger};
use crate::model::{Argument, Days, Event, Geo, Label, Mention, MentionSource, Quote, Token, TokenKind};
use crate::numbers::{self, NumberPhrase};
use args::{Attribution, Cand};

pub fn extract(ctx: &DocContext, mentions: &[Mention], quotes: &[Quote]) -> Vec<Event> {
    let mut sorted: Vec<&Mention> = mentions.iter().collect();
    sorted.sort_by_key(|m| (m.start, m.end));
    // Without any entity mention the recogniser did not run: look names up ourselves.
    let use_gazetteer = !mentions.iter().any(|m| is_entity_label(m.label));
    let mut events: Vec<(u32, Event)> = Vec::new(); // (paragraph, event)
                                                    // (paragraph, the last sentence with context cues told of an accident)
    let mut scene: Option<(u32, bool)> = None;
    // places looked up in the gazetteer, for the document-level place chain
    let mut looked_up: Vec<Mention> = Vec::new();
    for (si, s) in ctx.seg.sentences.iter().enumerate() {
        let lo = sorted.partition_point(|m| m.start < s.start);
        let hi = sorted.partition_point(|m| m.start < s.end);
        let mut in_sentence: Vec<Mention> =
            sorted[lo..hi].iter().filter(|m| m.end <= s.end).map(|m| (*m).clone()).collect();
        if use_gazetteer {
            in_sentence.extend(args::gazetteer_mentions(ctx, s.start, s.end, si as u32));
            in_sentence.sort_by_key(|m| (m.start, m.end));
        }
        if use_gazetteer {
            looked_up.extend(in_sentence.iter().filter(|m| m.label.is_place()).cloned());
        }
        let mut view = View::new(ctx, si as u32, in_sentence);
        let carried = matches!(scene, Some((p, true)) if p == s.paragraph);
        let (found, verdict) = sentence_events(&mut view, quotes, carried);
        if let Some(accident) = verdict {
            scene = Some((s.paragraph, accident));
        }
        for e in found {
            events.push((s.paragraph, e));
        }
    }
    events.sort_by_key(|(_, e)| (e.start, e.end));
    // (rows of one trigger at several places stay apart)
    events.dedup_by(|(_, a), (_, b)| {
        a.start == b.start
            && a.end == b.end
            && a.location.as_ref().map(|l| &l.text) == b.location.as_ref().map(|l| &l.text)
    });
    merge_headline(ctx, &mut events);
    inherit_casualty_places(&mut events);
    if use_gazetteer {
        let places: Vec<&Mention> = looked_up.iter().collect();
        fill_locations(ctx, &places, &mut events);
    } else {
        fill_locations(ctx, &sorted, &mut events);
    }
    fill_dates(ctx, &sorted, &mut events);
    mark_aggregates(&mut events);
    events.into_iter().map(|(_, e)| e).collect()
}

/// The date chain: an event without a date of its own (clause, then sentence) takes the
/// paragraph's (the nearest full-day date written before it in the paragraph, else the
/// date of the previous event of the paragraph; never one written after it, which belongs
/// to what follows), then
/// the dateline's, then the publication date; `date_source` says which. An event whose
/// clause says when only vaguely ("earlier this week") keeps no date.
fn fill_dates(ctx: &DocContext, sorted: &[&Mention], events: &mut [(u32, Event)]) {
    let sentences = &ctx.seg.sentences;
    // full-day dates: (byte start, paragraph, day, text)
    let dates: Vec<(usize, u32, Days, &str)> = sorted
        .iter()
        .filter(|m| m.label == Label::Date)
        .filter_map(|m| {
            let day = slots::parse_iso_day(m.value.as_deref()?.trim())?;
            let para = sentences.get(m.sentence as usize)?.paragraph;
            Some((m.start, para, day, &ctx.text[m.start..m.end]))
        })
        .collect();
    let dateline = ctx.dateline_sentence().map(|i| (sentences[i].start, sentences[i].end));
    let dateline_date = dateline.and_then(|(a, b)| dates.iter().find(|d| d.0 >= a && d.0 < b));
    let mut last: Option<(u32, Days, Option<String>)> = None;
    for (para, e) in events.iter_mut() {
        if let Some(date) = e.date {
            last = Some((*para, date, e.date_text.clone()));
            continue;
        }
        if e.date_source == Some("vague") {
            e.date_source = None;
            continue;
        }
        let before = dates.iter().rfind(|d| d.1 == *para && d.0 < e.start);
        let prev_event = last.as_ref().filter(|(p, _, _)| p == para);
        let (day, text, source) = if let Some(d) = before {
            (Some(d.2), Some(d.3.to_string()), "paragraph")
        } else if let Some((_, d, t)) = prev_event {
            (Some(*d), t.clone(), "paragraph")
        } else if let Some(d) = dateline_date {
            (Some(d.2), Some(d.3.to_string()), "dateline")
        } else if let Some(p) = ctx.published {
            (Some(p), None, "published")
        } else {
            (None, None, "")
        };
        if day.is_some() {
            e.date = day;
            e.date_text = text;
            e.date_source = Some(source);
        }
    }
}

/// One happening reported twice: the headline's event and the lead's (the first two body
/// sentences) are one row when they have the same type, compatible places (the same, or
/// one of them unnamed) and compatible dates. The lead's row stays (its arguments are
/// richer); it takes from the headline what it lacks.
fn merge_headline(ctx: &DocContext, events: &mut Vec<(u32, Event)>) {
    let sentences = &ctx.seg.sentences;
    let Some(first_body) = sentences.iter().position(|s| !s.headline) else {
        return;
    };
    let dateline = ctx.dateline_sentence();
    let in_headline = |e: &Event| (e.sentence as usize) < first_body && Some(e.sentence as usize) != dateline;
    let in_lead = |e: &Event| (e.sentence as usize) >= first_body && (e.sentence as usize) < first_body + 2;
    let place = |e: &Event| e.location.as_ref().map(|l| l.entity_id.clone().unwrap_or_else(|| l.text.to_lowercase()));
    let mut drop = vec![false; events.len()];
    for hi in 0..events.len() {
        if !in_headline(&events[hi].1) {
            continue;
        }
        let h = &events[hi].1;
        let compatible = |l: &Event| {
            l.event_type == h.event_type
                && (place(h).is_none() || place(l).is_none() || place(h) == place(l))
                && (h.date.is_none() || l.date.is_none() || h.date == l.date)
        };
        // the same place first, then a row with no place
        let target = (0..events.len())
            .filter(|&li| in_lead(&events[li].1) && compatible(&events[li].1))
            .min_by_key(|&li| (place(&events[li].1) != place(h), li));
        let Some(li) = target else { continue };
        drop[hi] = true;
        let h = events[hi].1.clone();
        let l = &mut events[li].1;
        if l.location.is_none() && h.location.is_some() {
            l.location = h.location;
            l.geo = h.geo;
            l.location_source = Some("headline");
        }
        if l.actor.is_none() {
            l.actor = h.actor;
        }
        if l.killed.is_none() && l.injured.is_none() && (h.killed.is_some() || h.injured.is_some()) {
            l.killed = h.killed;
            l.injured = h.injured;
            l.approximate = h.approximate;
        }
    }
    let mut i = 0;
    events.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// Types that happen at a place and so take a place from the discourse when their
/// sentence names none (talks and calls do not: "spoke by phone" has no place).
fn placed_type(t: &str) -> bool {
    matches!(t, "ASSAULT" | "FIGHT" | "SEIZE" | "RETREAT" | "DESTROY" | "DISPLACE" | "CASUALTIES" | "DISRUPT")
}

/// What a place anaphor ("the city", "the region", "there") can stand for: 2 a settlement,
/// 1 a region, 0 any place below the country.
fn anaphor_rank(ctx: &DocContext, t0: usize, t1: usize) -> Option<u8> {
    let is = |w: &str, list: &[&str]| list.iter().any(|x| w.eq_ignore_ascii_case(x));
    (t0..t1).find_map(|i| {
        let w = ctx.token_text(i);
        let the = i > t0 && ctx.token_text(i - 1).eq_ignore_ascii_case("the");
        if the && is(w, &["city", "town", "village"]) {
            Some(2)
        } else if the && is(w, &["region", "oblast", "province"]) {
            Some(1)
        } else if is(w, &["there", "locally"]) {
            Some(0)
        } else {
            None
        }
    })
}

/// The place chain: an event whose clause and sentence name no place takes one from the
/// discourse. A place anaphor ("the city", "the region", "there", "locally") stands for
/// the latest place of that kind before it (in the paragraph, else earlier in the
/// document); otherwise an event of a type that happens somewhere takes the latest place
/// below country level named before it in its paragraph, else the dateline's place, else
/// the headline's. `location_source` says which: paragraph, dateline, headline.
fn fill_locations(ctx: &DocContext, sorted: &[&Mention], events: &mut [(u32, Event)]) {
    let sentences = &ctx.seg.sentences;
    let dateline = ctx.dateline_sentence();
    let first_body = sentences.iter().position(|s| !s.headline).unwrap_or(sentences.len());
    let is_headline = |si: usize| si < first_body && Some(si) != dateline;
    // (mention, sentence, paragraph, rank)
    let places: Vec<(&Mention, usize, u32, u8)> = sorted
        .iter()
        .filter(|m| m.label.is_place())
        .map(|m| {
            let si = ctx.sentence_of(m.start) as usize;
            let para = sentences.get(si).map_or(0, |s| s.paragraph);
            (*m, si, para, args::place_rank(m.label, m.canonical.as_deref(), m.entity_id.as_deref()))
        })
        .collect();
    let source_of = |si: usize| -> &'static str {
        if Some(si) == dateline {
            "dateline"
        } else if is_headline(si) {
            "headline"
        } else {
            "paragraph"
        }
    };
    // the most specific place of a line: a settlement before a region before a country
    let place_of_line =
        |si: usize| places.iter().filter(|p| p.1 == si).min_by_key(|p| (rank_order(p.3), p.0.start)).map(|p| p.0);
    let dateline_place = dateline.and_then(place_of_line);
    let headline_place = (0..first_body).filter(|&i| is_headline(i)).find_map(place_of_line);
    for (para, e) in events.iter_mut() {
        if e.location.is_some() {
            continue;
        }
        let si = e.sentence as usize;
        let Some(s) = sentences.get(si) else { continue };
        let before = |p: &&(&Mention, usize, u32, u8)| p.0.end <= e.start || p.1 < si;
        let chosen: Option<(&Mention, &'static str)> = if let Some(want) = anaphor_rank(ctx, s.tok_start, s.tok_end) {
            let fits = |p: &&(&Mention, usize, u32, u8)| {
                if want == 0 {
                    p.3 >= 1
                } else {
                    p.3 == want || (want == 2 && p.3 == 3)
                }
            };
            let in_para = places.iter().rfind(|p| p.2 == *para && before(p) && fits(p));
            let earlier = places.iter().rfind(|p| before(p) && fits(p));
            in_para.or(earlier).map(|p| (p.0, source_of(p.1)))
        } else if placed_type(&e.event_type) && !s.headline {
            // a place below country level first; a country the paragraph is about when it
            // names no other ("… aggression against Ukraine. Over the past day, the enemy
            // launched 4 missile strikes …")
            let in_para = |p: &&(&Mention, usize, u32, u8)| {
                p.2 == *para && p.1 < si && !is_headline(p.1) && Some(p.1) != dateline
            };
            places
                .iter()
                .rfind(|p| in_para(p) && p.3 >= 1)
                .or_else(|| places.iter().rfind(|p| in_para(p)))
                .map(|p| (p.0, "paragraph"))
                .or_else(|| dateline_place.map(|m| (m, "dateline")))
                .or_else(|| headline_place.map(|m| (m, "headline")))
        } else {
            None
        };
        if let Some((m, source)) = chosen {
            e.location = Some(place_argument(ctx, m));
            e.geo = m.geo.clone();
            e.location_source = Some(source);
        }
    }
}

fn place_argument(ctx: &DocContext, m: &Mention) -> Argument {
    let text = m.canonical.clone().unwrap_or_else(|| ctx.text[m.start..m.end].to_string());
    Argument { text, canonical: m.canonical.clone(), entity_id: m.entity_id.clone() }
}

/// Sort key for "most specific first": settlement (2), facility (3), region (1), country (0).
fn rank_order(rank: u8) -> u8 {
    match rank {
        2 => 0,
        3 => 1,
        1 => 2,
        _ => 3,
    }
}

/// Totals that repeat other rows: an event whose killed figure equals the sum of the
/// figures of two or more events reported after it in the document ("five people were
/// killed in the region: three in A and two in B") is an aggregate, as is a running total
/// already flagged in its sentence. Summing `killed` over the other rows counts each death
/// once.
fn mark_aggregates(events: &mut [(u32, Event)]) {
    for i in 0..events.len() {
        let Some(total) = events[i].1.killed.filter(|&k| k > 0) else {
            continue;
        };
        if events[i].1.aggregate == Some(true) {
            continue;
        }
        let mut sum = 0;
        let mut parts = 0;
        for (_, o) in events[i + 1..].iter() {
            if o.aggregate == Some(true) {
                continue;
            }
            if let Some(k) = o.killed.filter(|&k| k > 0) {
                sum += k;
                parts += 1;
                if sum >= total {
                    break;
                }
            }
        }
        if parts >= 2 && sum == total {
            events[i].1.aggregate = Some(true);
        }
    }
}

fn is_entity_label(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org | Label::Gpe | Label::Norp | Label::Loc | Label::Fac)
}

/// A casualty report with no place of its own takes the place of the attack or fight just
/// before it in the paragraph, at most two sentences back ("A drone hit a building in Sumy.
/// Three people were injured.").
fn inherit_casualty_places(events: &mut [(u32, Event)]) {
    let mut last: Option<(u32, u32, Argument, Geo)> = None; // (paragraph, sentence, place, geo)
    for (para, e) in events.iter_mut() {
        let physical = matches!(e.event_type.as_str(), "ASSAULT" | "FIGHT" | "CASUALTIES" | "DESTROY");
        match (&e.location, &last) {
            (Some(loc), _) if physical => last = Some((*para, e.sentence, loc.clone(), e.geo.clone())),
            (None, Some((p, s, loc, geo))) if e.event_type == "CASUALTIES" && p == para && e.sentence <= s + 2 => {
                e.location = Some(loc.clone());
                e.geo = geo.clone();
                e.location_source = Some(if e.sentence == *s { "sentence" } else { "paragraph" });
            }
            _ => {}
        }
    }
}

// ---------------------------------------------------------------------------------------
// The sentence as the event stages see it

/// One sentence: its tokens (lowercased once), mentions, numbers and clauses.
pub(crate) struct View<'a> {
    pub ctx: &'a DocContext<'a>,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub res: &'a Resources,
    pub index: u32,
    pub t0: usize,
    pub t1: usize,
    pub headline: bool,
    lower: Vec<String>,
    pub mentions: Vec<Mention>,
    pub numbers: Vec<NumberPhrase>,
    /// Clause id per token (index `i - t0`); `NO_CLAUSE` for attribution and boundary tokens.
    clause: Vec<u32>,
    /// Token lies inside a title phrase ("regional governor").
    title: Vec<bool>,
}

pub(crate) const NO_CLAUSE: u32 = u32::MAX;

impl<'a> View<'a> {
    fn new(ctx: &'a DocContext<'a>, index: u32, mentions: Vec<Mention>) -> View<'a> {
        let s = ctx.seg.sentences[index as usize];
        let tokens = &ctx.seg.tokens[..];
        let (t0, t1) = (s.tok_start, s.tok_end.min(tokens.len()));
        let lower = (t0..t1).map(|i| ctx.token_text(i).to_lowercase()).collect();
        let mut title = vec![false; t1 - t0];
        for (a, b, _) in ctx.res.titles.find_in(ctx.text, s.start, s.end) {
            for i in ctx.token_at(a)..ctx.token_at(b).min(t1) {
                if i >= t0 {
                    title[i - t0] = true;
                }
            }
        }
        View {
            ctx,
            text: ctx.text,
            tokens,
            res: ctx.res,
            index,
            t0,
            t1,
            headline: s.headline,
            lower,
            mentions,
            numbers: numbers::scan_sentence(ctx, t0, t1),
            clause: vec![0; t1 - t0],
            title,
        }
    }

    /// Lowercased token text; "" outside the sentence.
    pub fn lw(&self, i: usize) -> &str {
        if i >= self.t0 && i < self.t1 {
            &self.lower[i - self.t0]
        } else {
            ""
        }
    }
    /// Original token text; "" outside the sentence.
    pub fn tx(&self, i: usize) -> &'a str {
        if i >= self.t0 && i < self.t1 {
            &self.text[self.tokens[i].start..self.tokens[i].end]
        } else {
            ""
        }
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        (i >= self.t0 && i < self.t1).then(|| self.tokens[i].kind)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.tx(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn clause_of(&self, i: usize) -> u32 {
        if i >= self.t0 && i < self.t1 {
            self.clause[i - self.t0]
        } else {
            NO_CLAUSE
        }
    }
    pub fn is_title(&self, i: usize) -> bool {
        i >= self.t0 && i < self.t1 && self.title[i - self.t0]
    }
    /// Byte span of tokens `[a, b)`.
    /// (Past the last token, the empty span at the end of the text.)
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let end_of_text = self.text.len();
        let start = self.tokens.get(a).map_or(end_of_text, |t| t.start);
        let end = self.tokens.get(b.max(a + 1) - 1).map_or(end_of_text, |t| t.end);
        (start, end.max(start))
    }
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.span(a, b);
        &self.text[s..e]
    }
    /// Token range of a byte span.
    pub fn tokens_of(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.ctx.token_at(start);
        let b = self.ctx.token_at(end).max(a + 1);
        (a, b.min(self.t1.max(a + 1)))
    }
}

// ---------------------------------------------------------------------------------------
// Word lists shared by the submodules (all lower case)

pub(crate) const DETERMINERS: &[&str] = &[
    "the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "my", "your", "another",
    "several", "some", "many", "every", "each", "both", "any",
];
pub(crate) const PREPOSITIONS: &[&str] = &[
    "in", "near", "at", "on", "from", "of", "to", "into", "outside", "around", "across", "with", "by", "for",
    "against", "over", "under", "after", "before", "since", "during", "toward", "towards", "between", "amid", "inside",
    "through", "about", "within", "along", "beyond", "behind", "despite", "without", "via", "like", "than", "upon",
    "onto", "off",
];
pub(crate) const AUX: &[&str] =
    &["was", "were", "is", "are", "be", "been", "being", "am", "got", "get", "gets", "has", "have", "had", "'s"];
pub(crate) const ADVERBS: &[&str] = &[
    "reportedly",
    "allegedly",
    "also",
    "again",
    "repeatedly",
    "heavily",
    "later",
    "then",
    "now",
    "already",
    "just",
    "apparently",
    "still",
    "recently",
    "successfully",
    "partially",
    "partly",
    "completely",
    "fully",
    "badly",
    "seriously",
    "fatally",
    "critically",
    "severely",
    "lightly",
    "mortally",
    "all",
    "both",
    "reported",
    "confirmed",
    "believed",
    "feared",
    "thought",
    "said",
    "probably",
    "likely",
    "almost",
    "nearly",
    "mostly",
    "largely",
    "since",
    "ever",
    "once",
];
pub(crate) const FUNCTION_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "into",
    "near",
    "and",
    "or",
    "but",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "its",
    "their",
    "his",
    "her",
    "our",
    "was",
    "were",
    "is",
    "are",
    "be",
    "been",
    "being",
    "has",
    "have",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "can",
    "must",
    "not",
    "no",
    "after",
    "before",
    "since",
    "during",
    "while",
    "when",
    "where",
    "than",
    "then",
    "also",
    "about",
    "over",
    "under",
    "around",
    "across",
    "outside",
    "inside",
    "it",
    "they",
    "he",
    "she",
    "we",
    "you",
    "i",
    "there",
    "here",
    "more",
    "most",
    "such",
    "amid",
    "despite",
    "against",
    "toward",
    "towards",
    "through",
    "up",
    "down",
    "out",
    "off",
    "so",
    "if",
    "all",
    "both",
    "each",
    "said",
    "says",
    "did",
    "does",
    "do",
    "what",
    "how",
    "why",
    "whether",
    "because",
    "although",
    "though",
    "until",
    "between",
    "including",
    "without",
    "via",
    "per",
    "'s",
    "very",
    "just",
    "only",
    "even",
    "nor",
    "yet",
    "ago",
    "last",
    "next",
    "ahead",
];
pub(crate) fn is_function_word(w: &str) -> bool {
    FUNCTION_WORDS.contains(&w)
}

// ---------------------------------------------------------------------------------------
// Triggers

/// One trigger hit kept for the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub t0: usize,
    pub t1: usize,
    pub event_type: String,
    pub subtype: Option<String>,
    /// Read as a verb (its subject is the actor).
    pub verb: bool,
    pub clause: u32,
}

impl Hit {
    fn is_casualty(&self) -> bool {
        self.event_type == "CASUALTIES" && matches!(self.subtype.as_deref(), Some("killed") | Some("wounded"))
    }
    fn is_host(&self) -> bool {
        matches!(self.event_type.as_str(), "ASSAULT" | "FIGHT")
    }
}

/// Lexicon hits in the sentence that pass the context checks.
fn find_triggers(v: &View) -> Vec<Hit> {
    let s = v.ctx.seg.sentences[v.index as usize];
    let mut out = Vec::new();
    for (start, end, trig) in v.res.triggers.find_in(v.text, s.start, s.end) {
        let (t0, t1) = v.tokens_of(start, end);
        if t0 < v.t0 || t1 > v.t1 || inside_name(v, start, end) {
            continue;
        }
        // Part of a hyphenated word: "live-fire", "Russian-occupied", "anti-war".
        if v.tokens[t0].start != start || v.tokens[t1 - 1].end != end {
            continue;
        }
        let first = v.tx(t0);
        let capitalised = first.chars().next().is_some_and(|c| c.is_uppercase());
        let all_caps = first.chars().all(|c| !c.is_lowercase());
        let sentence_initial = t0 == v.t0 || matches!(v.kind(t0 - 1), Some(TokenKind::Quote)) || v.tx(t0 - 1) == ":";
        // Mid-sentence capitals are names or months ("March", "Operation Storm").
        if capitalised && !all_caps && !sentence_initial && !v.headline {
            continue;
        }
        if matches!(first, "March" | "Fall") && !sentence_initial {
            continue;
        }
        let lower = v.slice(t0, t1).to_lowercase();
        if !plausible(v, t0, t1, &lower, trig) {
            continue;
        }
        out.push(Hit {
            start,
            end,
            t0,
            t1,
            event_type: trig.event_type.clone(),
            subtype: trig.subtype.clone(),
            verb: trig.verb,
            clause: 0,
        });
    }
    out
}

/// The trigger is part of a name: "Security Council", "Battle of Bakhmut" (EVENT).
fn inside_name(v: &View, start: usize, end: usize) -> bool {
    v.mentions.iter().any(|m| {
        m.start < end
            && start < m.end
            && !matches!(
                m.label,
                Label::Norp
                    | Label::Date
                    | Label::Time
                    | Label::Cardinal
                    | Label::Ordinal
                    | Label::Quantity
                    | Label::Money
                    | Label::Percent
            )
            && m.source != MentionSource::Rule
    })
}

fn any_of(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

/// Words that make "sent", "provided", "delivered" … an aid event.
const AID_OBJECTS: &[&str] = &[
    "aid",
    "weapons",
    "arms",
    "tanks",
    "missiles",
    "ammunition",
    "munitions",
    "shells",
    "equipment",
    "supplies",
    "money",
    "funds",
    "funding",
    "artillery",
    "rockets",
    "drones",
    "vehicles",
    "jets",
    "aircraft",
    "systems",
    "system",
    "howitzers",
    "launchers",
    "assistance",
    "package",
    "loan",
    "loans",
    "grant",
    "food",
    "medicine",
    "medicines",
    "generators",
    "humanitarian",
    "military",
    "financial",
    "air",
    "defence",
    "defense",
    "fighter",
    "f-16s",
    "himars",
    "patriot",
    "rounds",
    "helicopters",
    "ships",
    "armoured",
    "armored",
    "troops",
    "grain",
    "fuel",
    "million",
    "billion",
    "bn",
    "m",
    "$",
    "€",
    "£",
    "euros",
    "dollars",
    "support",
    "kits",
    "ambulances",
    "humvees",
];
const ATTACK_OBJECTS: &[&str] = &[
    "missiles",
    "missile",
    "rockets",
    "rocket",
    "drones",
    "drone",
    "shahed",
    "shaheds",
    "bombs",
    "shells",
    "kamikaze",
    "ballistic",
    "cruise",
    "kalibr",
    "iskander",
    "kinzhal",
    "s-300",
    "artillery",
    "mortars",
    "grenades",
    "projectiles",
    "munitions",
    "salvo",
    "salvos",
    "volley",
];

/// Attack nouns that can be the subject of "hit" (besides the weapons themselves).
const WEAPON_SUBJECTS: &[&str] = &[
    "missile",
    "strike",
    "strikes",
    "shell",
    "bomb",
    "attack",
    "attacks",
    "shelling",
    "airstrike",
    "airstrikes",
    "barrage",
    "explosion",
    "explosions",
    "blast",
    "blasts",
    "debris",
    "fragments",
    "shrapnel",
    "projectile",
    "munition",
    "mortar",
    "mine",
    "mines",
    "glide",
    "warhead",
];

/// Context checks for ambiguous trigger words. `lower` is the whole trigger, lowercased.
fn plausible(v: &View, t0: usize, t1: usize, lower: &str, trig: &Trigger) -> bool {
    let prev = if t0 > v.t0 { v.lw(t0 - 1) } else { "" };
    let prev2 = if t0 > v.t0 + 1 { v.lw(t0 - 2) } else { "" };
    let next = v.lw(t1);
    let next2 = v.lw(t1 + 1);
    let next_is_object = v.is_capitalised(t1) || any_of(next, &["the", "a", "an", "its", "their", "his", "her"]);
    let prev_is_number =
        t0 > v.t0 && (v.kind(t0 - 1) == Some(TokenKind::Number) || v.numbers.iter().any(|p| p.end_tok == t0));
    // A participle used as an adjective: "the damaged building", "the occupied territories".
    if trig.verb
        && trig.event_type != "CASUALTIES"
        && any_of(prev, DETERMINERS)
        && (lower.ends_with("ed") || lower.ends_with("ing"))
    {
        return false;
    }
    let window_has = |list: &[&str], n: usize| (t1..(t1 + n).min(v.t1)).any(|i| any_of(v.lw(i), list));
    // weapons or territory in the next few words (passive: the few words before)
    let weapon_near = |n: usize| {
        (t1..(t1 + n).min(v.t1)).chain(t0.saturating_sub(4).max(v.t0)..t0).any(|i| v.res.weapon_words.contains(v.lw(i)))
    };
    let territory_next = |n: usize| {
        (t1..(t1 + n).min(v.t1))
            .take_while(|&i| v.lw(i) != ",")
            .any(|i| v.res.territory_words.contains(v.lw(i)) || (v.is_capitalised(i) && !v.is_title(i)))
    };
    match lower {
        // A weapons seizure only with weapons named: "found a cache of rifles", not "found
        // the body", "seized drugs".
        "found" | "discovered" | "recovered" | "unearthed" | "confiscated" | "defused" | "dismantled" => weapon_near(8),
        // Taking something that is not a place or weapons is no capture: "take control of
        // services", "seized drugs and cash".
        "seized" | "seize" | "seizes" | "seizing" | "took control of" | "take control of" | "taken control of" => {
            weapon_near(8) || territory_next(6) || any_of(next, &["control", "power"])
        }
        "detonated" | "detonating" => {
            !any_of(prev2, &["squad", "experts", "sappers"]) && !any_of(prev, &["safely", "controlled"])
        }
        "beaten" => any_of(next, &["to", "by", "up", "and", "with"]) && !any_of(next2, &["back", "off"]),
        "hacked" => next == "to",
        "defect" => any_of(next, &["to", "from"]),
        "treated for" => true,
        "have returned" => any_of(next, &["home", "to"]),
        "attack" | "attacks" => {
            !any_of(prev, &["heart", "panic", "asthma", "anxiety"])
                && !any_of(
                    next,
                    &[
                        "helicopter",
                        "helicopters",
                        "aircraft",
                        "jets",
                        "jet",
                        "drone",
                        "drones",
                        "submarine",
                        "submarines",
                        "dog",
                        "dogs",
                        "vessel",
                        "vessels",
                        "ads",
                        ",",
                    ],
                )
        }
        // "a missile hit a school", "was hit by a drone"; not "hit by sanctions", "hit a record"
        "hit" | "hits" => {
            let weapon_before = (t0.saturating_sub(4).max(v.t0)..t0)
                .any(|i| any_of(v.lw(i), ATTACK_OBJECTS) || any_of(v.lw(i), WEAPON_SUBJECTS));
            let weapon_agent = next == "by"
                && (t1 + 1..(t1 + 5).min(v.t1))
                    .any(|i| any_of(v.lw(i), ATTACK_OBJECTS) || any_of(v.lw(i), WEAPON_SUBJECTS));
            // "hit the grid with 40 missiles"
            let weapon_with = (t1..(t1 + 8).min(v.t1))
                .any(|i| v.lw(i) == "with" && (i + 1..(i + 5).min(v.t1)).any(|k| any_of(v.lw(k), ATTACK_OBJECTS)));
            (weapon_before && !any_of(next, &["back", "out", "hard", "record", "new", "the headlines"]))
                || weapon_agent
                || weapon_with
        }
        // "the enemy lost up to 140 servicemen": losses in a daily summary
        "lost" => (t1..(t1 + 3).min(v.t1)).any(|i| {
            v.numbers.iter().any(|p| {
                p.start_tok == i
                    && p.label == Label::Cardinal
                    && (p.end_tok..(p.end_tok + 2).min(v.t1)).any(|k| slots::is_person_noun(v.lw(k)))
            })
        }),
        "war" | "warfare" => next == "broke" || next == "erupted",
        "fall" => next == "of",
        // "Sign up for our newsletter" is no agreement.
        "sign" | "signs" | "signed" | "signing" => !any_of(next, &["up", "in", "off"]),
        "march" | "marches" => !v.tx(t0).starts_with('M'), // "March" is the month
        "pocket" => any_of(next, &["of", "around", "near"]),
        "draft" => {
            v.kind(t1) != Some(TokenKind::Word)
                || any_of(next, &["notices", "notice", "officers", "board", "age", "dodgers", "evasion"])
        }
        "call" => {
            !any_of(next, &["for", "on", "to", "up", "off", "sign"])
                && any_of(prev, &["a", "the", "phone", "telephone", "video", "hour-long", "lengthy"])
        }
        "fire" | "fires" | "fired" | "firing" => {
            any_of(
                next,
                &[
                    "at",
                    "on",
                    "upon",
                    "missiles",
                    "rockets",
                    "shells",
                    "drones",
                    "artillery",
                    "mortars",
                    "bullets",
                    "shots",
                    "into",
                ],
            ) || (v.numbers.iter().any(|p| p.start_tok == t1) && window_has(ATTACK_OBJECTS, 5))
                || any_of(prev, &["under", "opened", "open", "heavy", "artillery", "mortar", "enemy", "returned"])
        }
        "launched" | "launch" | "launches" | "launching" => {
            window_has(ATTACK_OBJECTS, 4)
                || (t1..(t1 + 4).min(v.t1)).any(|i| v.numbers.iter().any(|p| p.start_tok == i))
                    && window_has(ATTACK_OBJECTS, 6)
        }
        "strike" | "strikes" => !any_of(prev, &["hunger", "general", "on", "workers'", "rail"]) && next != "a",
        "target" | "targets" => {
            next_is_object
                && !any_of(prev, &["legitimate", "military", "civilian", "key", "a", "the", "its", "their", "main"])
        }
        "shell" | "shells" | "bomb" | "bombs" | "pound" | "pounds" => {
            next_is_object
                && !prev_is_number
                && !any_of(
                    prev,
                    &["artillery", "of", "the", "a", "cluster", "mortar", "tank", "million", "billion", "thousand"],
                )
        }
        "combat" => !(v.is_word(t1) && !is_function_word(next) && !v.is_capitalised(t1)) || next == "operations",
        "engaged" => next != "in" && next != "with",
        "engagement" | "engagements" => !any_of(prev, &["diplomatic", "economic"]),
        "received" => v.is_capitalised(t1) || (next == "the" && v.is_title(t1 + 1)),
        "concluded" => next != "that" && !any_of(next, &[",", "."]),
        "asked" | "request" | "requested" => {
            !any_of(next, &["about", "whether", "if", "how", "what", "why", "when", "for", "to"])
                || next == "for" && prev != "was"
        }
        "pressed" | "pressing" => any_of(next, &["for", "ahead", "on"]) || v.is_capitalised(t1),
        "alleged" => next == "that" || v.kind(t1) != Some(TokenKind::Word),
        "deal" | "deals" => next != "with" && prev != "great",
        "host" | "hosts" => next != "of",
        "conference" => !any_of(prev, &["press", "news"]),
        "advanced" | "advance" | "advances" | "advancing" => {
            prev != "in"
                && (v.kind(t1) != Some(TokenKind::Word)
                    || any_of(next, PREPOSITIONS)
                    || any_of(
                        next,
                        &["westward", "eastward", "northward", "southward", "further", "deeper", "slowly", "rapidly"],
                    ))
        }
        "entered" => !any_of(next, &["into", "office", "force", "service"]) && (v.is_capitalised(t1) || next == "the"),
        "occupied" | "occupy" | "occupies" | "occupying" => {
            !any_of(prev, &["temporarily", "the"])
                && (v.is_capitalised(t1)
                    || any_of(next, &["the", "a", "parts", "much", "most", "part", "large", "positions"]))
        }
        "occupation" => !(v.is_word(t1) && !is_function_word(next) && !v.is_capitalised(t1)),
        "surrounding" | "surrounded" | "surround" => v.is_capitalised(t1) || next == "the" || any_of(prev, AUX),
        "push" => !any_of(next, &["for", "to", "back"]) && !any_of(prev, &["to", "will", "would", "could"]),
        "aid" => {
            !any_of(
                next,
                &[
                    "workers",
                    "worker",
                    "agency",
                    "agencies",
                    "group",
                    "groups",
                    "organisation",
                    "organisations",
                    "organization",
                    "organizations",
                    "officials",
                    "chief",
                ],
            ) && prev != "first"
        }
        "death" => !any_of(next, &["penalty", "sentence", "threats", "threat", "row"]),
        "sentence" => {
            any_of(prev, &["prison", "jail", "a", "his", "her", "the", "life", "year"]) || prev.ends_with("-year")
        }
        "freeze" | "froze" | "frozen" | "freezing" => {
            !any_of(prev, &["a", "the"]) && !any_of(next, &["conflict", "temperatures", "weather", "cold"])
        }
        "disabled" => !any_of(next, &["people", "persons", "children", "veterans"]),
        "dying" => prev != "the",
        "executed" => !any_of(next, &["the plan", "plan", "order", "orders", "a plan"]),
        "supplies" => true,
        "supply" | "supplying" | "supplied"
            if any_of(
                next,
                &["route", "routes", "line", "lines", "chain", "chains", "depot", "depots", "problems", "shortages"],
            ) =>
        {
            false
        }
        "water supply" => {
            any_of(prev, &["cut", "cuts", "disrupted", "no", "without"])
                || any_of(next, &["was", "were", "is", "has", "had"])
                    && any_of(next2, &["cut", "disrupted", "interrupted", "damaged", "knocked", "down", "off"])
        }
        "trip" | "visit" | "visits" => !any_of(prev, &["state-sponsored"]),
        // "searching the ruins", "pulled from the rubble": a scene, not a destruction event
        "rubble" | "ruins" | "wreckage" | "debris" => {
            const SCENE: &[&str] = &[
                "under",
                "beneath",
                "from",
                "through",
                "in",
                "among",
                "amid",
                "searching",
                "searched",
                "search",
                "searches",
                "combing",
                "combed",
                "comb",
                "clearing",
                "cleared",
                "clear",
                "clears",
                "digging",
                "dug",
                "dig",
                "sifting",
                "sifted",
                "removing",
                "removed",
                "remove",
                "picking",
                "walked",
                "walking",
                "walk",
                "walks",
                "stood",
                "standing",
                "stands",
                "inspected",
                "inspecting",
                "examined",
                "examining",
            ];
            !any_of(prev2, SCENE) && !any_of(prev, SCENE)
        }
        "freed" => !(t1..(t1 + 4).min(v.t1)).any(|i| {
            any_of(
                v.lw(i),
                &[
                    "prisoners",
                    "hostages",
                    "fighters",
                    "soldiers",
                    "civilians",
                    "people",
                    "servicemen",
                    "children",
                    "pows",
                    "detainees",
                    "captives",
                    "sailors",
                    "journalists",
                    "him",
                    "her",
                    "them",
                ],
            )
        }),
        "toll" => {
            prev == "death"
                || any_of(
                    next,
                    &[
                        "rose",
                        "has",
                        "had",
                        "climbed",
                        "stands",
                        "stood",
                        "reached",
                        "of",
                        "is",
                        "was",
                        "increased",
                        "jumped",
                        "risen",
                    ],
                )
        }
        "losses" => !any_of(prev, &["economic", "financial", "revenue", "job"]),
        "missing" => !any_of(next, &["out", "from", "the", "link", "piece", "pieces"]),
        _ if trig.event_type == "AID" && trig.verb => {
            // "provided details", "sent a letter": only with something given
            window_has(AID_OBJECTS, 7)
                || (t1..(t1 + 4).min(v.t1))
                    .any(|i| v.numbers.iter().any(|p| p.start_tok == i && p.label != Label::Percent))
        }
        _ => true,
    }
}

// ---------------------------------------------------------------------------------------
// Clauses

/// Mark clause ids: boundaries at ";", ":", a dash, ", and"/", but"/", while", relative
/// ", which"/", who", and the attribution spans.
fn assign_clauses(v: &mut View, attributions: &[Attribution], hits: &[Hit]) {
    let n = v.t1 - v.t0;
    let mut clause = 0u32;
    let mut i = 0;
    while i < n {
        let tok = v.t0 + i;
        if attributions.iter().any(|a| tok >= a.t0 && tok < a.t1) {
            v.clause[i] = NO_CLAUSE;
            if i + 1 < n && !attributions.iter().any(|a| tok + 1 >= a.t0 && tok + 1 < a.t1) {
                clause += 1;
            }
            i += 1;
            continue;
        }
        let t = v.lw(tok).to_string();
        let next = v.lw(tok + 1).to_string();
        let hard = matches!(t.as_str(), ";" | ":" | "(" | ")")
            || (t == "-"
                && v.kind(tok) == Some(TokenKind::Punct)
                && tok > v.t0
                && v.tokens[tok].start > v.tokens[tok - 1].end);
        let comma_split = t == ","
            && matches!(
                next.as_str(),
                "and"
                    | "but"
                    | "while"
                    | "whereas"
                    | "although"
                    | "though"
                    | "which"
                    | "who"
                    | "where"
                    | "as"
                    | "when"
                    | "after"
                    | "before"
                    | "meanwhile"
            );
        // A subordinate clause with a verb of its own: "… after Russian drones struck …".
        let subordinate =
            matches!(t.as_str(), "after" | "before" | "since" | "when" | "because" | "as" | "until" | "once" | "where")
                && verb_ahead(v, tok + 1, hits);
        let bare_split = matches!(t.as_str(), "but" | "while" | "whereas" | "although") || subordinate;
        if hard || comma_split {
            v.clause[i] = NO_CLAUSE;
            clause += 1;
        } else if bare_split {
            clause += 1;
            v.clause[i] = NO_CLAUSE;
        } else {
            v.clause[i] = clause;
        }
        i += 1;
    }
}

/// A lexicon verb within five words, with no punctuation before it.
fn verb_ahead(v: &View, from: usize, hits: &[Hit]) -> bool {
    let mut i = from;
    while i < v.t1 && i < from + 5 {
        if hits.iter().any(|h| h.t0 == i && h.verb) {
            return true;
        }
        if !matches!(v.kind(i), Some(TokenKind::Word) | Some(TokenKind::Number)) {
            return false;
        }
        i += 1;
    }
    false
}

// ---------------------------------------------------------------------------------------
// Events of one sentence

/// Subtypes too general to win over the subtype of a merged noun.
const GENERIC_SUBTYPES: &[&str] = &["attack", ""];

/// An event being built: its trigger, the casualty triggers folded into it, and counts.
struct Draft {
    hit: Hit,
    casualties: Vec<Hit>,
    absorbed: Vec<Hit>,
}

/// The events of one sentence, and whether the sentence tells of an accident or disaster
/// (None when it has no cue either way; `carried`: the paragraph's last verdict was one).
fn sentence_events(v: &mut View, quotes: &[Quote], carried: bool) -> (Vec<Event>, Option<bool>) {
    let s = v.ctx.seg.sentences[v.index as usize];
    let cues: Vec<(usize, bool)> = v
        .res
        .event_context
        .find_in(v.text, s.start, s.end)
        .map(|(a, _, &violent)| (v.ctx.token_at(a), violent))
        .collect();
    let verdict = if cues.iter().any(|c| c.1) {
        Some(false)
    } else if !cues.is_empty() {
        Some(true)
    } else {
        None
    };
    let mut hits = find_triggers(v);
    if hits.is_empty() {
        return (Vec::new(), verdict);
    }
    // an attack word that names nothing else ("shelled", "ambushed") is itself a violence cue
    let verdict = if hits.iter().any(|h| unmistakable_attack(v, h)) { Some(false) } else { verdict };
    let attributions = args::attributions(v, quotes, &hits);
    assign_clauses(v, &attributions, &hits);
    let v: &View = v;
    let cands = args::candidates(v, &hits);
    hits.retain(|h| v.clause_of(h.t0) != NO_CLAUSE);
    for h in hits.iter_mut() {
        h.clause = v.clause_of(h.t0);
    }
    drop_accidents(v, &mut hits, &cues, verdict.unwrap_or(false) || (verdict.is_none() && carried));
    if hits.is_empty() {
        return (Vec::new(), verdict);
    }
    for h in hits.iter_mut() {
        h.verb = args::reads_as_verb(v, &cands, h);
    }
    let drafts = merge(v, hits.clone());
    let dates = slots::sentence_dates(v);
    let trailing = args::trailing_attributions(v, &attributions, &hits);
    let sources: Vec<Option<Argument>> =
        drafts.iter().map(|d| args::source_for(v, &attributions, &trailing, quotes, &d.hit)).collect();
    // Numbers that count casualties are no quantity of any event of the sentence.
    let mut casualty_numbers: Vec<usize> = drafts
        .iter()
        .flat_map(|d| d.casualties.iter())
        .filter_map(|c| slots::casualty_count(v, c).and_then(|(_, tok)| tok))
        .collect();
    casualty_numbers.sort_unstable();
    let events = drafts
        .iter()
        .zip(sources.iter())
        .flat_map(|(d, source)| build_event(v, &cands, &hits, d, &dates, source, quotes, &casualty_numbers))
        .collect();
    (events, verdict)
}

/// Accidents and disasters are not war events. An explosion, fire, flood, storm, collapse
/// or crash with no attacker, weapon or armed actor named is no ASSAULT or FIGHT, and its
/// dead and injured are no war casualties either (ACLED codes them nowhere): in a sentence
/// that tells of one (`accident`: an accident cue of `event_context.tsv` and no violence
/// cue, or no cue at all in a paragraph whose last cue told of one), every ASSAULT, FIGHT,
/// DESTROY and CASUALTIES trigger goes. In a sentence with cues of both kinds only the
/// words that may name either (the `guarded` rows: "explosion", "struck") go, when their
/// clause has an accident cue and no violence cue ("… police said, after a gas cylinder
/// exploded …").
fn guarded(v: &View, h: &Hit) -> bool {
    matches!(h.event_type.as_str(), "ASSAULT" | "FIGHT" | "DESTROY")
        && v.res.guarded_triggers.contains(v.slice(h.t0, h.t1).to_lowercase().as_str())
}

fn unmistakable_attack(v: &View, h: &Hit) -> bool {
    matches!(h.event_type.as_str(), "ASSAULT" | "FIGHT") && !guarded(v, h)
}

fn drop_accidents(v: &View, hits: &mut Vec<Hit>, cues: &[(usize, bool)], accident: bool) {
    let physical = |h: &Hit| matches!(h.event_type.as_str(), "ASSAULT" | "FIGHT" | "DESTROY" | "CASUALTIES");
    let guarded = |h: &Hit| guarded(v, h);
    if accident {
        if hits.iter().any(|h| unmistakable_attack(v, h)) {
            return;
        }
        hits.retain(|h| !physical(h));
        return;
    }
    if !cues.iter().any(|c| !c.1) {
        return;
    }
    let attack_clauses: Vec<u32> = hits.iter().filter(|h| unmistakable_attack(v, h)).map(|h| h.clause).collect();
    let hits_attack_in = |c: u32| attack_clauses.contains(&c);
    hits.retain(|h| {
        if !guarded(h) {
            return true;
        }
        let in_clause = |violent: bool| {
            cues.iter().any(|&(t, x)| x == violent && v.clause_of(t) == h.clause)
                || (violent && hits_attack_in(h.clause))
        };
        // Dropped only where the clause has an accident cue and no violence cue.
        let accident_only = in_clause(false) && !in_clause(true);
        !accident_only
    });
}

/// Fold verb+noun pairs of one type, and casualty words into their attack.
fn merge(v: &View, hits: Vec<Hit>) -> Vec<Draft> {
    let mut drafts: Vec<Draft> = Vec::new();
    for h in hits {
        // Verb and noun of the same type close together: "signed an agreement", "pledged … aid".
        if let Some(last) = drafts.last_mut() {
            // A coordinator in between starts a new event: "shelled Nikopol and a drone
            // attack hit …", "launched 3 missile strikes and 41 air strikes".
            let coordinated = (last.hit.t1..h.t0).any(|k| matches!(v.lw(k), "and" | "or" | "but" | "nor" | "then"));
            let close = h.t0 <= last.hit.t1 + 6
                && h.clause == last.hit.clause
                && !coordinated
                && (last.hit.t1..h.t0).all(|k| {
                    matches!(v.kind(k), Some(TokenKind::Word) | Some(TokenKind::Number))
                        || v.numbers.iter().any(|p| p.start_tok <= k && k < p.end_tok)
                })
                && h.event_type != "CASUALTIES";
            let purpose =
                h.verb && last.hit.verb && h.t0 > v.t0 && v.lw(h.t0 - 1) == "to" && h.clause == last.hit.clause;
            if purpose && h.event_type == last.hit.event_type && !h.is_casualty() {
                last.absorbed.push(h);
                continue;
            }
            if close && h.event_type == last.hit.event_type && h.verb != last.hit.verb && !h.is_casualty() {
                if h.verb {
                    let noun = std::mem::replace(&mut last.hit, h);
                    last.absorbed.push(noun);
                } else {
                    last.absorbed.push(h);
                }
                // A generic verb takes the noun's subtype: "launched 3 missile strikes".
                let noun_subtype = last.absorbed.last().and_then(|n| n.subtype.clone());
                if GENERIC_SUBTYPES.contains(&last.hit.subtype.as_deref().unwrap_or("")) && noun_subtype.is_some() {
                    last.hit.subtype = noun_subtype;
                }
                continue;
            }
        }
        drafts.push(Draft { hit: h, casualties: Vec::new(), absorbed: Vec::new() });
    }
    // Casualty words attach to the nearest attack or fight of their clause.
    let mut kept: Vec<Draft> = Vec::new();
    let mut pending: Vec<Hit> = Vec::new();
    for d in drafts {
        if d.hit.is_casualty() {
            pending.push(d.hit);
        } else {
            kept.push(d);
        }
    }
    let mut lone: Vec<Hit> = Vec::new();
    for c in pending {
        // the attack's own clause, else a clause tied to it by "when"/"after"/"as"
        // ("10 people were killed when a missile hit …")
        let same_clause = kept.iter().any(|d| d.hit.is_host() && d.hit.clause == c.clause);
        let linked = |k: u32| k == c.clause || (!same_clause && subordinate_link(v, c.clause, k));
        let host = kept
            .iter()
            .enumerate()
            .filter(|(_, d)| d.hit.is_host() && linked(d.hit.clause))
            .min_by_key(|(_, d)| {
                // before the casualty word first, then the closest
                let after = d.hit.t0 > c.t0;
                (after, if after { d.hit.t0 - c.t0 } else { c.t0 - d.hit.t0 })
            })
            .map(|(i, _)| i);
        match host {
            Some(i) => kept[i].casualties.push(c),
            None => lone.push(c),
        }
    }
    // Casualty words without an attack: one CASUALTIES event per clause ("3 dead and 10
    // injured"), unless a count would be overwritten.
    let mut groups: Vec<Draft> = Vec::new();
    for c in lone {
        let slot_taken =
            |g: &Draft| g.casualties.iter().any(|x| x.subtype == c.subtype && slots::casualty_count(v, x).is_some());
        match groups.iter_mut().find(|g| g.hit.clause == c.clause && !slot_taken(g)) {
            Some(g) => g.casualties.push(c),
            None => groups.push(Draft { hit: c.clone(), casualties: vec![c], absorbed: Vec::new() }),
        }
    }
    kept.extend(groups);
    kept.sort_by_key(|d| d.hit.start);
    kept
}

/// The kind of attack a generic verb stands for, read off the weapon next to it: "a
/// missile hit …" is a missile strike, "drones attacked …" a drone strike. Looks four words
/// before (and after "with"/"using"/"by"), within the clause.
fn weapon_subtype(v: &View, h: &Hit) -> Option<&'static str> {
    let lo = h.t0.saturating_sub(4).max(v.t0);
    let hi = (h.t1 + 8).min(v.t1);
    let mut best: Option<(usize, &'static str)> = None;
    for i in (lo..h.t0).chain(h.t1..hi) {
        // after the trigger only the instrument counts ("struck with drones"), not the
        // target ("struck a drone factory")
        if v.clause_of(i) != h.clause || (i >= h.t1 && !(h.t1..i).any(|k| matches!(v.lw(k), "with" | "using" | "by"))) {
            continue;
        }
        let kind = match v.lw(i) {
            "missile" | "missiles" | "rocket" | "rockets" | "iskander" | "iskanders" | "kalibr" | "kalibrs"
            | "kinzhal" | "cruise" | "ballistic" | "s-300" | "himars" | "atacms" | "storm" => "missile strike",
            "drone" | "drones" | "shahed" | "shaheds" | "kamikaze" | "uav" | "uavs" | "geran" => "drone strike",
            "artillery" | "shell" | "shells" | "mortar" | "mortars" | "howitzer" | "howitzers" | "mlrs" | "grad"
            | "grads" => "shelling",
            "bomb" | "bombs" | "aircraft" | "jets" | "warplanes" | "warplane" | "glide" => "airstrike",
            _ => continue,
        };
        let dist = if i < h.t0 { h.t0 - i } else { i + 1 - h.t1 };
        if best.map_or(true, |(d, _)| dist < d) {
            best = Some((dist, kind));
        }
    }
    best.map(|(_, k)| k)
}

/// A place or date at token `tok` of another clause belongs to another event: one whose
/// trigger lies between it and `h`, or one in `tok`'s own clause ("A Russian airstrike
/// hit Kostiantynivka, while the air force said it shot down 20 drones": Kostiantynivka is
/// the airstrike's). Casualty words do not count: they are folded into their attack.
pub(crate) fn event_between(v: &View, hits: &[Hit], h: &Hit, tok: usize) -> bool {
    let (lo, hi) = if tok < h.t0 { (tok, h.t0) } else { (h.t1, tok) };
    let tok_clause = v.clause_of(tok);
    hits.iter().any(|o| {
        o.t0 != h.t0
            && o.event_type != "CASUALTIES"
            && ((o.t0 >= lo && o.t1 <= hi) || (tok_clause != NO_CLAUSE && v.clause_of(o.t0) == tok_clause))
    })
}

/// Clauses `a` and `b` are adjacent and the later one opens with a temporal or causal
/// subordinator ("when", "after", "as"): the casualties of one are the attack of the other.
fn subordinate_link(v: &View, a: u32, b: u32) -> bool {
    if a == NO_CLAUSE || b == NO_CLAUSE || a.abs_diff(b) != 1 {
        return false;
    }
    let later = a.max(b);
    match (v.t0..v.t1).find(|&i| v.clause_of(i) == later) {
        Some(i) if i > v.t0 => matches!(v.lw(i - 1), "when" | "after" | "as" | "since" | "because"),
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
/// The event of one draft, one row per place when it happened at several listed places
/// ("missiles struck Lviv, Ternopil and Dnipro": three rows with the same trigger).
fn build_event(
    v: &View,
    cands: &[Cand],
    hits: &[Hit],
    d: &Draft,
    dates: &[(usize, Days, String)],
    source: &Option<Argument>,
    quotes: &[Quote],
    casualty_numbers: &[usize],
) -> Vec<Event> {
    let h = &d.hit;
    let mut roles = args::roles(v, cands, h, hits);
    // A folded noun may carry what the verb lacks: "pledged $2 billion in aid to Ukraine".
    for noun in &d.absorbed {
        let extra = args::roles(v, cands, noun, hits);
        // The noun is the verb's subject ("a drone attack hit Marhanets"): the attacker is
        // the noun's ("a Russian drone attack"), never a subject further back.
        if h.verb && noun.t1 <= h.t0 {
            roles.actor = extra.actor.clone();
            roles.actor_cands = extra.actor_cands.clone();
            continue;
        }
        if roles.target.is_none() && extra.target.is_some() {
            roles.target = extra.target;
            roles.target_cand = extra.target_cand;
        }
        if roles.actor.is_none() && extra.actor.is_some() {
            roles.actor = extra.actor;
            roles.actor_cands = extra.actor_cands;
        }
    }
    // the nouns folded into this event stand between no place and it ("In Kherson, …
    // shelling hit a bus stop")
    let others: Vec<Hit> = hits.iter().filter(|o| !d.absorbed.iter().any(|a| a.t0 == o.t0)).cloned().collect();
    let (location, geo, location_source, place_cand) = args::location(v, cands, h, &roles, &others);
    let subtype = if h.event_type == "ASSAULT" && GENERIC_SUBTYPES.contains(&h.subtype.as_deref().unwrap_or("")) {
        weapon_subtype(v, h).map(str::to_string).or_else(|| h.subtype.clone())
    } else {
        h.subtype.clone()
    };
    // Counts
    let mut killed = None;
    let mut injured = None;
    let mut approximate = None;
    let mut used_numbers: Vec<usize> = casualty_numbers.to_vec();
    for c in &d.casualties {
        if let Some((count, number_tok)) = slots::casualty_count(v, c) {
            let slot = if c.subtype.as_deref() == Some("wounded") { &mut injured } else { &mut killed };
            if slot.is_none() && count.is_some() {
                *slot = count;
                if slots::approximate_count(v, number_tok) || slots::vague_count_near(v, c) {
                    approximate = Some(true);
                } else if approximate.is_none() {
                    approximate = Some(false);
                }
            }
            used_numbers.extend(number_tok);
        }
    }
    let aggregate = slots::running_total(v, h, &d.casualties);
    used_numbers.sort_unstable();
    let quantity = if h.event_type == "CASUALTIES"
        && h.subtype.as_deref() != Some("captured")
        && h.subtype.as_deref() != Some("missing")
    {
        None
    } else {
        slots::quantity(v, h, &d.absorbed, &used_numbers, hits)
    };
    let modality = slots::modality(v, h);
    let (date, date_text, date_source) = slots::nearest_date(v, h, dates, hits);
    // Source: the quote the trigger sits in, else the sentence's attribution.
    let in_quote = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.start <= h.start && h.end <= q.end)
        .min_by_key(|(_, q)| q.end - q.start);
    let (source, quote_id) = match in_quote {
        Some((i, q)) => (q.speaker.as_ref().map(args::speaker_argument), Some(i as u32)),
        None => (source.clone(), None),
    };
    let mut actor = roles.actor;
    if actor.is_none() && roles.pronoun_subject {
        actor = source.clone();
    }
    let event = Event {
        start: h.start,
        end: h.end,
        sentence: v.index,
        event_type: h.event_type.clone(),
        subtype,
        actor,
        target: roles.target,
        location,
        geo: geo.unwrap_or_else(Geo::default),
        date,
        date_text,
        killed,
        injured,
        quantity,
        modality,
        source,
        quote_id,
        date_source,
        location_source,
        approximate,
        aggregate: Some(aggregate && (killed.is_some() || injured.is_some())),
    };
    // the listed places: the chosen place's list, else the target's ("hit A and B, killing
    // three in B": the place picked is the later B)
    let listed = match place_cand {
        Some(ci) if args::PHYSICAL.contains(&h.event_type.as_str()) && h.event_type != "CONSULT" => {
            let own = args::coordinated_places(v, cands, ci);
            match roles.target_cand {
                Some(t) if own.len() < 2 && t != ci => {
                    let theirs = args::coordinated_places(v, cands, t);
                    if theirs.len() >= 2 {
                        theirs
                    } else {
                        own
                    }
                }
                _ => own,
            }
        }
        _ => Vec::new(),
    };
    if listed.len() < 2 {
        return vec![event];
    }
    split_by_place(v, cands, d, event, &listed)
}

/// One row per listed place. The figures belong to the place the text ties them to
/// ("killing two in Kherson"): the listed place right after the casualty word, else the
/// first place of the list; the other rows carry none, so that summing `killed` counts
/// each death once.
fn split_by_place(v: &View, cands: &[Cand], d: &Draft, event: Event, listed: &[usize]) -> Vec<Event> {
    let tied = d.casualties.iter().find_map(|c| {
        let mut k = c.t1;
        while k < v.t1 && k < c.t1 + 6 && !matches!(v.lw(k), "in" | "near" | "at") {
            k += 1;
        }
        if !matches!(v.lw(k), "in" | "near" | "at") {
            return None;
        }
        let named = cands.iter().find(|c| c.t0 == k + 1 && c.label.is_some_and(|l| l.is_place()))?;
        let same = |c: &args::Cand| c.t0 == named.t0 || (c.entity_id.is_some() && c.entity_id == named.entity_id);
        listed.iter().position(|&ci| same(&cands[ci]))
    });
    let owner = tied.unwrap_or(0);
    listed
        .iter()
        .enumerate()
        .map(|(i, &ci)| {
            let mut e = event.clone();
            let (arg, geo) = args::place_of_cand(v, &cands[ci]);
            e.location = Some(arg);
            e.geo = geo;
            if i != owner {
                e.killed = None;
                e.injured = None;
                e.approximate = None;
                e.aggregate = Some(false);
            }
            e
        })
        .collect()
}
