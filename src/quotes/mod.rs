//! Stage 5: quotations — direct, mixed and indirect — with speaker and cue.
//!
//! Following the extractors that work best on news (Citron, the Gender Gap Tracker):
//! 1. `marks` pairs quote marks with a scanner of its own (not the tokenizer's view);
//! 2. cues (reporting verbs and phrases from `res.cues`) are found per sentence;
//! 3. `direct` links each quoted span to a cue and a speaker next to it ("…," X said /
//!    X said: "…" / "…," said X / X: "…"), continues multi-paragraph quotes, and lets a
//!    whole quoted sentence with no cue inherit the previous speaker (a floating quote);
//!    a few quoted words inside a sentence with no attribution are scare quotes, dropped;
//! 4. `indirect` finds reported clauses ("X said (that) …", "…, X said.", "according to X")
//!    — mixed when the clause holds quoted words;
//! 5. a last pass in text order resolves pronoun speakers and floating quotes against the
//!    mentions and the speakers of earlier quotes.

mod describe;
mod direct;
mod indirect;
mod marks;
mod speaker;
mod transcript;
mod words;

#[cfg(test)]
mod tests;

use crate::context::DocContext;
use crate::lexicon::{CueKind, WordClass};
use crate::model::{Mention, Quote, QuoteKind, Speaker};
pub use marks::{pair_marks, QuoteSpan};
use speaker::{Guess, MentionIndex, Previous};
use words::Tokens;

/// One reporting cue in the text, as token indices.
#[derive(Debug, Clone)]
pub(crate) struct CueHit {
    pub tok_start: usize,
    /// Exclusive; a trailing "that" of phrase cues ("said that") is left out.
    pub tok_end: usize,
    pub lemma: String,
    pub kind: CueKind,
    /// "according to X", "as reported by X": the source follows.
    pub according: bool,
    /// Phrase cues that carry their own speaker ("sources said"): its token range.
    pub embedded: Option<(usize, usize)>,
    /// "Russia's claim that ...": a cue noun after its speaker's possessive.
    pub possessive: bool,
    pub sentence: usize,
}

/// How a candidate found its speaker (decides confidence and the final pass).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum How {
    /// Cue and speaker next to the quote.
    Cue,
    /// "X: “…”" with no reporting verb.
    Colon,
    /// "“…” - X"
    Dash,
    /// A later paragraph of a multi-paragraph quote.
    Chain,
    /// A whole quoted sentence with no cue: inherits the previous speaker.
    Floating,
    Mixed,
    Indirect,
    According,
    Belief,
}

impl How {
    fn base(self) -> f32 {
        match self {
            How::Cue => 0.97,
            How::Colon => 0.8,
            How::Dash => 0.75,
            How::Chain => 0.85,
            How::Floating => 0.65,
            How::Mixed => 0.75,
            How::Indirect => 0.7,
            How::According => 0.7,
            How::Belief => 0.55,
        }
    }
}

/// A quote before its speaker is final.
#[derive(Debug, Clone)]
pub(crate) struct DraftQuote {
    pub start: usize,
    pub end: usize,
    pub kind: QuoteKind,
    pub guess: Option<Guess>,
    pub cue: Option<String>,
    pub how: How,
    /// Multi-paragraph chain id: members share one speaker.
    pub chain: Option<usize>,
}

pub fn extract(ctx: &DocContext, mentions: &[Mention]) -> Vec<Quote> {
    if ctx.seg.tokens.is_empty() || ctx.seg.sentences.is_empty() {
        return Vec::new();
    }
    let v = Tokens { ctx };
    let mi = MentionIndex::new(mentions);
    let spans = pair_marks(ctx.text, ctx.marks, &ctx.seg.paragraphs);
    let cues = find_cues(&v, &spans);
    let mut cands = direct::attribute(&v, &mi, &spans, &cues);
    let found = indirect::find(&v, &mi, &spans, &cues, &cands);
    cands.extend(found);
    let drafted = finalize(&v, &mi, cands);
    let chains: std::collections::HashMap<(usize, usize), usize> =
        drafted.iter().filter_map(|(q, c)| c.map(|c| ((q.start, q.end), c))).collect();
    let mut quotes: Vec<Quote> = drafted.into_iter().map(|(q, _)| q).collect();
    // Interview turns replace whatever the mark and cue rules made of those paragraphs;
    // bracketed stage directions are never quotes.
    let turns = transcript::turns(ctx, mentions);
    quotes.retain(|q| {
        let inside_turn = turns.iter().any(|(t, _)| t.content.0 < q.end && q.start < t.content.1.max(t.content.0 + 1));
        !inside_turn && !transcript::is_stage_direction(ctx.text.get(q.start..q.end).unwrap_or(""))
    });
    quotes.extend(transcript::turn_quotes(ctx, &mi, &turns));
    quotes.sort_by_key(|q| (q.start, q.end));
    link_chains(&mut quotes, &chains);
    describe::link_spokespeople(ctx.text, mentions, &mut quotes);
    describe::link_descriptions(ctx.text, mentions, &mut quotes);
    quotes
}

/// The pieces of one multi-paragraph quote stay separate rows (each span is exactly the
/// words between its own marks); each later piece names the row it continues.
fn link_chains(quotes: &mut [Quote], chains: &std::collections::HashMap<(usize, usize), usize>) {
    let mut last_of_chain: std::collections::HashMap<usize, u32> = std::collections::HashMap::new();
    for (i, q) in quotes.iter_mut().enumerate() {
        let Some(&chain) = chains.get(&(q.start, q.end)) else { continue };
        q.continues = last_of_chain.insert(chain, i as u32);
    }
}

/// True when byte offset `pos` lies inside the words of some quoted span.
pub(crate) fn inside_span(spans: &[QuoteSpan], pos: usize) -> bool {
    let i = spans.partition_point(|s| s.open < pos);
    i > 0 && pos < spans[i - 1].outer_end()
}

/// All reporting cues outside quoted spans, in text order.
fn find_cues(v: &Tokens, spans: &[QuoteSpan]) -> Vec<CueHit> {
    let ctx = v.ctx;
    let mut out = Vec::new();
    for (si, sent) in ctx.seg.sentences.iter().enumerate() {
        if sent.end > ctx.text.len() || sent.start >= sent.end {
            continue;
        }
        let first_word = (sent.tok_start..sent.tok_end).find(|&t| v.is_word(t));
        // (read only for a capitalised reporting verb after a name: it walks every word)
        let headline = std::cell::OnceCell::new();
        for (s, e, cue) in ctx.cues_in(sent.start, sent.end) {
            if words::is_non_verb_cue(&cue.lemma) {
                continue;
            }
            let ts = ctx.token_at(s);
            if ts >= sent.tok_end || v.start(ts) != s {
                continue;
            }
            let mut te = ts;
            while te < sent.tok_end && v.end(te) <= e {
                te += 1;
            }
            if te == ts || v.end(te - 1) != e {
                continue; // not on token boundaries ("so-called")
            }
            // A capitalised cue word inside a sentence is part of a name ("State Department").
            // In a Title Case headline ("Zelensky Says Russia Will Pay") a reporting verb
            // after a name is capitalised like every word.
            let headline_verb = || {
                te == ts + 1
                    && (words::is_strong_lemma(&cue.lemma) || words::is_commit_lemma(&cue.lemma))
                    && ts > sent.tok_start
                    && (v.is_capitalised(ts - 1) || v.is_punct(ts - 1, ","))
                    && *headline.get_or_init(|| title_case(v, sent.tok_start, sent.tok_end))
            };
            if v.is_capitalised(ts) && Some(ts) != first_word && !headline_verb() {
                continue;
            }
            if inside_span(spans, s) {
                continue;
            }
            // "Peskov was brief:", "the message is clear": a base form right after a copula
            // is an adjective or a noun, never the reporting verb ("was briefed" is)
            let copula =
                |t: usize| matches!(v.tok(t).to_ascii_lowercase().as_str(), "is" | "was" | "are" | "were" | "be");
            if te == ts + 1 && ts > sent.tok_start && copula(ts - 1) && v.tok(ts).eq_ignore_ascii_case(&cue.lemma) {
                continue;
            }
            // "Moscow's claim that its troops ...": the noun reports what follows "that", and
            // the possessor said it
            let possessive = te == ts + 1
                && v.has(ts, WordClass::NounishCue)
                && ts > sent.tok_start + 1
                && v.tok(ts - 1) == "'s"
                && te < sent.tok_end
                && v.is(te, "that");
            // Noun-like forms only count right after a subject ("Russia claims", not "the claims").
            if te == ts + 1 && v.has(ts, WordClass::NounishCue) && ts > sent.tok_start && !possessive {
                let p = v.tok(ts - 1);
                // "is warning voters that": a progressive is a verb
                let progressive = v.tok(ts).ends_with("ing")
                    && matches!(p.to_ascii_lowercase().as_str(), "is" | "are" | "was" | "were");
                // "..., warning that the winter will be hard": a participle after a comma
                let participle = v.tok(ts).ends_with("ing") && p == "," && te < sent.tok_end && v.is(te, "that");
                if !progressive
                    && !participle
                    && (words::is_determiner(p)
                        || p == "'s"
                        || (words::is_np_stop(p) && !words::is_verb_filler(p))
                        || !v.is_word(ts - 1))
                {
                    continue;
                }
            }
            let mut hit = CueHit {
                tok_start: ts,
                tok_end: te,
                lemma: cue.lemma.clone(),
                kind: cue.kind,
                according: false,
                embedded: None,
                possessive,
                sentence: si,
            };
            if te > ts + 1 && v.is(te - 1, "that") {
                hit.tok_end -= 1;
            }
            match cue.lemma.as_str() {
                "according to" => {
                    hit.according = true;
                    if v.is(ts, "according") {
                        hit.tok_end = (ts + 2).min(te);
                    }
                }
                "sources said" => {
                    let verb = hit.tok_end - 1;
                    hit.lemma = if v.is(verb, "told") { "tell".into() } else { "say".into() };
                    if verb > ts {
                        hit.embedded = Some((ts, verb));
                    }
                }
                _ => {}
            }
            out.push(hit);
        }
    }
    out
}

/// A sentence written in Title Case, as headlines are: at least four words longer than
/// three letters, and three in four of them capitalised.
fn title_case(v: &Tokens, a: usize, b: usize) -> bool {
    let long: Vec<usize> = (a..b).filter(|&t| v.is_word(t) && v.tok(t).chars().count() > 3).collect();
    let caps = long.iter().filter(|&&t| v.is_capitalised(t)).count();
    long.len() >= 4 && caps * 4 >= long.len() * 3
}

/// The most recent attributed speaker, for the final pass.
fn previous_from(speaker: &Speaker, start: usize, para: u32, resolved: bool) -> Previous {
    Previous { speaker: speaker.clone(), quote_start: start, para, unresolved: !resolved }
}

/// Resolve pronouns and floating quotes in text order; build the quotes, each with its
/// multi-paragraph chain id.
fn finalize(v: &Tokens, mi: &MentionIndex, mut cands: Vec<DraftQuote>) -> Vec<(Quote, Option<usize>)> {
    cands.retain(|c| {
        c.start < c.end
            && c.end <= v.ctx.text.len()
            && v.ctx.text.is_char_boundary(c.start)
            && v.ctx.text.is_char_boundary(c.end)
    });
    // The speaker is never inside the words it is said to speak.
    for c in cands.iter_mut() {
        if c.guess.as_ref().is_some_and(|g| g.start < c.end && c.start < g.end) {
            c.guess = None;
        }
    }
    cands.sort_by_key(|c| (c.start, c.end));
    cands.dedup_by(|b, a| a.start == b.start && a.end == b.end);
    let mut prev: Option<Previous> = None;
    let mut chain_speaker: std::collections::HashMap<usize, (Speaker, f32)> = std::collections::HashMap::new();
    let mut out: Vec<(Quote, Option<usize>)> = Vec::with_capacity(cands.len());
    for c in &cands {
        let para = v.paragraph_of(c.start);
        let mut confidence = c.how.base();
        let mut speaker: Option<Speaker> = None;
        let mut resolved = true;
        if let Some(g) = &c.guess {
            confidence -= g.penalty();
            if g.pronoun {
                let (s, ok) = speaker::resolve_pronoun(v, mi, g, prev.as_ref());
                if !ok {
                    confidence -= 0.1;
                }
                resolved = ok;
                speaker = Some(s);
            } else {
                speaker = Some(speaker::speaker_of(v, mi, g));
            }
        } else if let Some((s, conf)) = c.chain.and_then(|id| chain_speaker.get(&id)) {
            speaker = Some(s.clone());
            confidence = conf - 0.05;
        } else if c.how == How::Floating || c.how == How::Chain {
            match prev.as_ref().filter(|p| p.para + 3 >= para) {
                Some(p) => speaker = Some(p.speaker.clone()),
                None => confidence = 0.35,
            }
            if c.how == How::Chain && speaker.is_some() {
                confidence = How::Floating.base();
            }
        }
        if let (Some(id), Some(s)) = (c.chain, &speaker) {
            chain_speaker.entry(id).or_insert((s.clone(), confidence));
        }
        if let Some(s) = &speaker {
            prev = Some(previous_from(s, c.start, para, resolved));
        }
        let quote = Quote {
            start: c.start,
            end: c.end,
            sentence: v.ctx.sentence_of(c.start),
            kind: c.kind,
            speaker,
            cue: c.cue.clone(),
            confidence: confidence.clamp(0.05, 0.99),
            continues: None,
        };
        out.push((quote, c.chain));
    }
    // Chain members before the one that named the speaker (attribution at the end).
    for (q, chain) in out.iter_mut() {
        if q.speaker.is_none() {
            if let Some((s, conf)) = chain.and_then(|id| chain_speaker.get(&id)) {
                q.speaker = Some(s.clone());
                q.confidence = (conf - 0.05).clamp(0.05, 0.99);
            }
        }
    }
    out
}
