//! Interview transcripts: paragraphs opening with a speaker label and a colon
//! ("HOST: Welcome back." / "SMITH: Thank you."). Each turn is a quote of the labelled
//! speaker; the label is never part of the content. Bracketed stage directions
//! ("(CROSSTALK)", "[LAUGHTER]") are never quotes.

use super::speaker::MentionIndex;
use crate::context::DocContext;
use crate::model::{Label, Mention, Quote, QuoteKind, Speaker};

/// Labels that open a paragraph with a colon but name no speaker.
const NOT_SPEAKERS: &[&str] = &[
    "UPDATE",
    "BREAKING",
    "WATCH",
    "NOTE",
    "EDITOR'S NOTE",
    "READ MORE",
    "RELATED",
    "PHOTOS",
    "PHOTO",
    "VIDEO",
    "CORRECTION",
    "CLARIFICATION",
    "Q",
    "A",
    "LIVE",
    "SEE ALSO",
    "ALSO READ",
    "SOURCE",
    "SOURCES",
    "WARNING",
    "ANALYSIS",
    "OPINION",
    "EXCLUSIVE",
    "UPDATED",
    "TRANSCRIPT",
    "ADVERTISEMENT",
    "FACT CHECK",
    "MORE",
];

/// One labelled turn: the label's byte span and the content's.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    pub label: (usize, usize),
    pub content: (usize, usize),
    /// The label is written in capitals ("PENCE") rather than as a name ("Pence").
    pub caps: bool,
}

/// A speaker label at the start of `para` (after any opening quote marks): one to four
/// capitalised words (initials and "Mr." allowed) and a colon, then speech.
fn label_of(text: &str, para_start: usize, para_end: usize) -> Option<Turn> {
    let p = text.get(para_start..para_end)?;
    let lead = p.len() - p.trim_start_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace()).len();
    let rest = &p[lead..];
    let colon = rest.find(':')?;
    let label = rest[..colon].trim_end();
    if label.is_empty() || label.len() > 40 || NOT_SPEAKERS.iter().any(|n| n.eq_ignore_ascii_case(label)) {
        return None;
    }
    let words: Vec<&str> = label.split_whitespace().collect();
    if words.is_empty() || words.len() > 4 {
        return None;
    }
    let wordlike = |w: &str| {
        w.chars().next().is_some_and(|c| c.is_uppercase())
            && w.chars().all(|c| c.is_alphabetic() || c == '.' || c == '\'' || c == '-')
    };
    if !words.iter().all(|w| wordlike(w)) {
        return None;
    }
    let caps = label.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    let after = &rest[colon + 1..];
    let body = after.trim_start();
    // speech follows: a letter, not a time ("10:30") or a list of one word
    if !body.chars().next().is_some_and(|c| c.is_alphabetic() || c == '"' || c == '\'') {
        return None;
    }
    let c_start = para_start + lead + colon + 1 + (after.len() - body.len());
    let trimmed = body.trim_end_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
    let c_end = c_start + trimmed.len();
    if c_end <= c_start || trimmed.split_whitespace().count() < 2 {
        return None;
    }
    Some(Turn { label: (para_start + lead, para_start + lead + label.len()), content: (c_start, c_end), caps })
}

/// A paragraph that is only a bracketed stage direction: "(CROSSTALK.)", "[APPLAUSE]".
pub fn is_stage_direction(s: &str) -> bool {
    let t = s.trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace() || c == '.' || c == ',');
    let bracketed = (t.starts_with('(') && t.ends_with(')')) || (t.starts_with('[') && t.ends_with(']'));
    bracketed && t.len() >= 3 && !t[1..t.len() - 1].contains(['(', ')', '[', ']'])
}

/// The transcript turns of a document. A turn counts when the document has at least two
/// labelled paragraphs in capitals, or three written as names; headlines never count.
/// A following paragraph that continues an open quote (starts with a mark, no label, no
/// stage direction) belongs to the same speaker.
pub fn turns(ctx: &DocContext, mentions: &[Mention]) -> Vec<(Turn, usize)> {
    let text = ctx.text;
    // "KYIV: ..." is a dateline, not a speaker
    let place = |t: &Turn| {
        mentions.iter().any(|m| matches!(m.label, Label::Gpe | Label::Loc) && m.start < t.label.1 && t.label.0 < m.end)
    };
    let mut found: Vec<(usize, Option<Turn>)> = Vec::new();
    // per paragraph: a label, and whether in capitals (before the place filter, which may
    // take a surname for a town)
    let mut labelled: Vec<Option<bool>> = Vec::new();
    let mut si = 0;
    for (pi, p) in ctx.seg.paragraphs.iter().enumerate() {
        while si < ctx.seg.sentences.len() && (ctx.seg.sentences[si].paragraph as usize) < pi {
            si += 1;
        }
        let headline = ctx.seg.sentences.get(si).is_some_and(|s| s.paragraph as usize == pi && s.headline);
        let label = if headline { None } else { label_of(text, p.start, p.end) };
        labelled.push(label.as_ref().map(|t| t.caps));
        found.push((pi, label.filter(|t| !place(t))));
    }
    let caps = found.iter().filter(|(_, t)| t.as_ref().is_some_and(|t| t.caps)).count();
    // Labels written as names count only when turns follow each other somewhere: a list
    // whose every "Name: verdict." line opens a section of ordinary prose ("Smith: Hang
    // on." then a paragraph about Smith) is a list of headings, not an exchange.
    let exchange = labelled.windows(2).any(|w| w[0] == Some(false) && w[1].is_some());
    let names = if exchange { found.iter().filter(|(_, t)| t.as_ref().is_some_and(|t| !t.caps)).count() } else { 0 };
    let mut out: Vec<(Turn, usize)> = Vec::new();
    let mut last: Option<usize> = None; // index into out of the current speaker's turn
    for (pi, t) in found {
        let Some(p) = ctx.seg.paragraphs.get(pi) else { continue };
        match t {
            Some(t) if (t.caps && caps >= 2) || (!t.caps && names >= 3) => {
                out.push((t.clone(), out.len()));
                last = Some(out.len() - 1);
            }
            _ => {
                let body = text.get(p.start..p.end).unwrap_or("");
                let opens_quote = body.trim_start().starts_with(['"', '\'']);
                // "VIDEO: ..." and the like start something else: the turn has ended
                let inner = body.trim_start_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
                if NOT_SPEAKERS.iter().any(|n| {
                    inner.len() > n.len()
                        && inner.as_bytes()[n.len()] == b':'
                        && inner.get(..n.len()).is_some_and(|h| h.eq_ignore_ascii_case(n))
                }) {
                    last = None;
                    continue;
                }
                match last {
                    Some(l) if opens_quote && !is_stage_direction(body) => {
                        let lead = body.len()
                            - body.trim_start_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace()).len();
                        let trimmed =
                            body[lead..].trim_end_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace());
                        if trimmed.split_whitespace().count() >= 2 {
                            let label = out[l].0.label;
                            let s = p.start + lead;
                            out.push((Turn { label, content: (s, s + trimmed.len()), caps: true }, l));
                        }
                    }
                    _ => last = None,
                }
            }
        }
    }
    out
}

/// The quotes of the turns; the speaker is the label, with the canonical name of a
/// person mention whose last word it matches ("PENCE" → Mike Pence).
pub fn turn_quotes(ctx: &DocContext, mi: &MentionIndex, turns: &[(Turn, usize)]) -> Vec<Quote> {
    let mut out = Vec::new();
    for (t, _) in turns {
        let (ls, le) = t.label;
        let (cs, ce) = t.content;
        if cs >= ce || !ctx.text.is_char_boundary(cs) || !ctx.text.is_char_boundary(ce) {
            continue;
        }
        let label = ctx.text.get(ls..le).unwrap_or("");
        let last = label.split_whitespace().last().unwrap_or("").trim_matches('.');
        let person = mi.mentions.iter().find(|m| {
            m.label == Label::Person
                && m.canonical
                    .as_deref()
                    .is_some_and(|c| c.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case(last)))
        });
        let speaker = Speaker {
            text: label.to_string(),
            canonical: person.and_then(|m| m.canonical.clone()),
            entity_id: person.and_then(|m| m.entity_id.clone()),
            label: Some(Label::Person),
            start: ls,
            end: le,
        };
        out.push(Quote {
            start: cs,
            end: ce,
            sentence: ctx.sentence_of(cs),
            kind: QuoteKind::Direct,
            speaker: Some(speaker),
            cue: Some("say".into()),
            confidence: 0.6,
            continues: None,
        });
    }
    out
}
