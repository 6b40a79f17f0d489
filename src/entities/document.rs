//! One sense per document: what the text says of a name once holds wherever the name is
//! written again in the same document.
//!
//! - An acronym defined in brackets after a name ("the Regional Water Authority (RWA)") is
//!   that name: the same label and canonical name, so the same id, wherever it stands.
//! - A name the rules or the lexicon made an organisation ("the Coalition", "Acme Holdings")
//!   is an organisation elsewhere too: where the capitalisation rules alone made it a person
//!   or a place, and where they found nothing ("Coalition aircraft struck ..."). A company
//!   written with its suffix once lends its sense to its bare name ("Acme said").
//!
//! Only rule-made mentions change: a lexicon mention keeps its own reading, except against
//! an acronym the document defines ("Rapid Support Forces (RSF)" is no "RSF" the lexicon
//! knows as another body); a headline in capitals is left alone (capitals say nothing there).

use super::*;
use crate::context::DocContext;
use crate::lexicon::FxHashMap;
use crate::model::{Label, Mention, MentionSource, TokenKind};

/// What a name means in this document.
#[derive(Clone)]
struct Sense {
    label: Label,
    canonical: Option<String>,
    entity_id: Option<String>,
    /// An acronym the text defines: it holds over the lexicon's reading too.
    defined: bool,
}

/// Apply the document's senses to `mentions` (all of the document's, in text order) and add
/// the mentions of names written again where no rule found them. `shouting[i]` is
/// `is_shouting` of sentence `i`.
pub(super) fn one_sense_per_document(ctx: &DocContext, mentions: &mut Vec<Mention>, shouting: &[bool]) {
    let senses = senses(ctx, mentions, shouting);
    if senses.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let Some(sense) = senses.get(&ctx.text[m.start..m.end]) else { continue };
        if !is_name_label(m.label) || !(m.source == MentionSource::Rule || sense.defined) {
            continue;
        }
        if m.label != sense.label {
            m.label = sense.label;
            m.role = None;
            m.geo = Default::default();
        }
        if sense.canonical.is_some() {
            m.canonical.clone_from(&sense.canonical);
            m.entity_id.clone_from(&sense.entity_id);
        }
    }
    let added = written_again(ctx, mentions, &senses, shouting);
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| (m.start, m.end));
    }
}

/// Labels of names (not of dates, numbers, documents or products).
fn is_name_label(label: Label) -> bool {
    matches!(label, Label::Person | Label::Gpe | Label::Loc | Label::Fac | Label::Org | Label::Norp)
}

/// The senses the document gives its names: acronym definitions first (they are explicit),
/// then organisations and the bare names of companies.
fn senses(ctx: &DocContext, mentions: &[Mention], shouting: &[bool]) -> FxHashMap<String, Sense> {
    let mut out: FxHashMap<String, Sense> = FxHashMap::default();
    for m in mentions.iter().filter(|m| is_name_label(m.label) && m.label != Label::Person) {
        if let Some(acr) = defined_acronym(ctx, m) {
            let long = ctx.text[m.start..m.end].split_whitespace().collect::<Vec<_>>().join(" ");
            let canonical = m.canonical.clone().unwrap_or(long);
            out.entry(acr.to_string()).or_insert(Sense {
                label: m.label,
                canonical: Some(canonical),
                entity_id: m.entity_id.clone(),
                defined: true,
            });
        }
    }
    for m in mentions.iter().filter(|m| m.label == Label::Org && !shouting[m.sentence as usize]) {
        let surface = &ctx.text[m.start..m.end];
        out.entry(surface.to_string()).or_insert(Sense {
            label: Label::Org,
            canonical: None,
            entity_id: None,
            defined: false,
        });
        if let Some(bare) = bare_company_name(ctx, m) {
            let canonical = m.canonical.clone().unwrap_or_else(|| surface.to_string());
            out.entry(bare.to_string()).or_insert(Sense {
                label: Label::Org,
                canonical: Some(canonical),
                entity_id: m.entity_id.clone(),
                defined: false,
            });
        }
    }
    out
}

/// "(IAEA)" right after the mention, its letters the initials of the mention's words.
fn defined_acronym<'a>(ctx: &DocContext<'a>, m: &Mention) -> Option<&'a str> {
    let words: Vec<&str> = ctx.text[m.start..m.end].split_whitespace().collect();
    let s = &ctx.seg.sentences[m.sentence as usize];
    if words.len() < 2 || !acronym_follows(ctx, s, m.end, &words) {
        return None;
    }
    let rest = ctx.text[m.end..s.end].trim_start().strip_prefix('(')?;
    Some(rest[..rest.find(')')?].trim())
}

/// "Acme Holdings", "Alsumaria News": one capitalised word nobody's lexicon knows before a
/// company suffix or organisation head word is the company's bare name.
fn bare_company_name<'a>(ctx: &DocContext<'a>, m: &Mention) -> Option<&'a str> {
    let (a, b) = (ctx.token_at(m.start), ctx.token_at(m.end));
    if b != a + 2 || !ctx.res.org_heads.contains(ctx.token_text(a + 1)) {
        return None;
    }
    let bare = ctx.token_text(a);
    let known = ctx.res.gazetteer.find(bare).iter().any(|k| k.start == 0 && k.end == bare.len());
    let name_like = bare.chars().count() >= 3
        && first_char_upper(bare)
        && !looks_like_ordinary_word(ctx, bare)
        && !ctx.res.first_names.contains(bare)
        && ctx.res.titles.get(bare).is_none();
    (name_like && !known).then_some(bare)
}

/// Names with a sense written again where no mention covers them, word for word on token
/// boundaries, outside capitalised headlines.
fn written_again(
    ctx: &DocContext,
    mentions: &[Mention],
    senses: &FxHashMap<String, Sense>,
    shouting: &[bool],
) -> Vec<Mention> {
    let toks = &ctx.seg.tokens;
    let mut by_first: FxHashMap<&str, Vec<(Vec<&str>, &Sense)>> = FxHashMap::default();
    for (name, sense) in senses {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.first().is_some_and(|w| first_char_upper(w)) {
            by_first.entry(words[0]).or_default().push((words, sense));
        }
    }
    // The longest name first ("Breitbart News" before "Breitbart"), then the words: the
    // senses come out of a hash map in no fixed order, and the first fit wins.
    for cands in by_first.values_mut() {
        cands.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then_with(|| a.0.cmp(&b.0)));
    }
    let mut covered: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    let mut out = Vec::new();
    for (s, &shouting) in ctx.seg.sentences.iter().zip(shouting) {
        if shouting {
            continue;
        }
        for i in s.tok_start..s.tok_end {
            // Every name's first word is capitalised: other tokens need no lookup.
            let word = ctx.token_text(i);
            if !first_char_upper(word) {
                continue;
            }
            let Some(cands) = by_first.get(word) else { continue };
            if toks[i].kind != TokenKind::Word {
                continue;
            }
            for (words, sense) in cands {
                let end_tok = i + words.len();
                let same = end_tok <= s.tok_end && (i..end_tok).zip(words.iter()).all(|(k, w)| ctx.token_text(k) == *w);
                if !same {
                    continue;
                }
                let (start, end) = (toks[i].start, toks[end_tok - 1].end);
                if covered.iter().any(|&(a, b)| a < end && start < b) {
                    continue;
                }
                let mut m = rule_mention(start, end, ctx.sentence_of(start), sense.label);
                m.canonical.clone_from(&sense.canonical);
                m.entity_id.clone_from(&sense.entity_id);
                covered.push((start, end));
                out.push(m);
                break;
            }
        }
    }
    out
}
