//! People: titles and roles before a name, given names and surnames, numbered institutions,
//! and the speech verbs that make a capitalised word somebody's name.

use super::*;
use crate::context::DocContext;
use crate::lexicon::{Entry, LexMatch, TitleKind};
use crate::model::{Label, Mention, Sentence, TokenKind};

/// Words that may stand inside a name between capitalised words ("Institute for the Study
/// of War", "Abu Bakr al Baghdadi", "Ursula von der Leyen", "Salah ad Din").
pub(super) const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "the", "de", "du", "da", "di", "von", "van", "der", "den", "al", "el", "ad", "bin", "ibn", "la", "le",
];
/// Name particles that are also the names of small towns: "Abu Ammar", "Umm Ali".
pub(super) const NAME_PARTICLES: &[&str] = &["Abu", "Umm", "Ibn", "Bin", "Ben", "Abd", "Abdel"];
/// Speech verbs after which a capitalised name closes the clause: "..., said Kowalski."
pub(super) const SAID_BEFORE_NAME: &[&str] = &[
    "said",
    "says",
    "added",
    "adds",
    "wrote",
    "writes",
    "explained",
    "noted",
    "continued",
    "concluded",
    "recalled",
    "insisted",
    "stressed",
];

/// Head words of numbered institutions: "Lyceum No. 3", "Hospital No. 2", "Penal Colony No. 10".
pub(super) const NUMBERED_INSTITUTION_HEADS: &[&str] = &[
    "School",
    "Lyceum",
    "Gymnasium",
    "Kindergarten",
    "Hospital",
    "Clinic",
    "Polyclinic",
    "Colony",
    "Prison",
    "Orphanage",
    "Institution",
];
/// Head words of numbered documents: "Decree No. 71", "Resolution No. 2202".
pub(super) const NUMBERED_DOCUMENT_HEADS: &[&str] =
    &["Decree", "Law", "Resolution", "Order", "Directive", "Bill", "Regulation", "Protocol", "Ordinance", "Edict"];
/// Written before the number of a numbered name.
pub(super) const NUMBER_SIGNS: &[&str] = &["No.", "No", "Nr.", "Nr", "№", "#"];

/// Numbered names: capitalised words, "No." and a number ("Lyceum No. 3", "Decree No. 71").
/// Schools and hospitals become ORG, documents LAW; any other such span is returned with
/// `None` so that it never turns into a person or a place ("Unit No." is no surname).
pub(super) fn numbered_names(ctx: &DocContext, s: &Sentence, sidx: u32) -> Vec<(usize, usize, Option<Mention>)> {
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    for i in (s.tok_start + 2)..s.tok_end {
        if toks[i].kind != TokenKind::Number || !NUMBER_SIGNS.contains(&ctx.token_text(i - 1)) {
            continue;
        }
        let head = i - 2;
        let head_text = ctx.token_text(head);
        if toks[head].kind != TokenKind::Word || !first_char_upper(head_text) || head_text == "'s" {
            continue;
        }
        // Back over the capitalised words of the name (at most four).
        let mut a = head;
        while a > s.tok_start && head - a < 3 {
            let t = ctx.token_text(a - 1);
            if toks[a - 1].kind != TokenKind::Word || !first_char_upper(t) || t == "'s" {
                break;
            }
            a -= 1;
        }
        while a < head
            && (lowercase_in(ctx.token_text(a), LEADING_FUNCTION_WORDS)
                || (is_sentence_initial_token(ctx, s, a) && ctx.res.abbreviations.is_starter(ctx.token_text(a))))
        {
            a += 1;
        }
        let (start, end) = (toks[a].start, toks[i].end);
        // Numbered schools and hospitals are institutions (ORG, as OntoNotes tags them). Not
        // FAC: a FAC without coordinates would outrank the town it stands in as an event's
        // location (events/candidates.rs place_rank) and the event would lose its geo. Other
        // numbered names ("Unit No. 4") only block the span; that blocked span is the head
        // and the number alone, so a place before it ("Kharkiv Lyceum No. 3") stays.
        if NUMBERED_DOCUMENT_HEADS.contains(&head_text) {
            out.push((start, end, Some(rule_mention(start, end, sidx, Label::Law))));
        } else if NUMBERED_INSTITUTION_HEADS.contains(&head_text) {
            let start = toks[head].start;
            out.push((start, end, Some(rule_mention(start, end, sidx, Label::Org))));
        } else {
            out.push((toks[head].start, end, None));
        }
    }
    out
}

/// A title phrase ending at byte `pos` (spaces between), with its start and canonical form.
pub(super) fn title_before(ctx: &DocContext, s: &Sentence, pos: usize) -> Option<(usize, String, TitleKind)> {
    let before = ctx.text[s.start..pos].trim_end();
    let end = s.start + before.len();
    let window_start = s.start.max(end.saturating_sub(60));
    let window_start = (window_start..=end).find(|&b| ctx.text.is_char_boundary(b)).unwrap_or(end);
    ctx.titles_in(window_start, end)
        .filter(|(_, e, _)| *e == end)
        .last()
        .map(|(st, _, t)| (st, t.canonical.clone(), t.kind))
}

/// Extend a title leftwards over its modifiers: "Kremlin spokesman", "Ukraine's defence
/// minister", "the regional governor" (not the article).
pub(super) fn role_start(ctx: &DocContext, s: &Sentence, title_start: usize) -> usize {
    let mut start = title_start;
    let toks = &ctx.seg.tokens;
    let mut i = ctx.token_at(title_start);
    while i > s.tok_start {
        let prev = i - 1;
        let t = ctx.token_text(prev);
        let lower = t.to_lowercase();
        let modifier =
            (toks[prev].kind == TokenKind::Word && first_char_upper(t) && !ctx.res.abbreviations.is_starter(t))
                || t == "'s"
                || matches!(
                    lower.as_str(),
                    "deputy"
                        | "acting"
                        | "former"
                        | "regional"
                        | "foreign"
                        | "defence"
                        | "defense"
                        | "chief"
                        | "senior"
                        | "top"
                        | "military"
                        | "presidential"
                );
        if !modifier || title_start - toks[prev].start > 50 {
            break;
        }
        start = toks[prev].start;
        i = prev;
    }
    start
}

/// A word shaped like a personal name: a capital, then lowercase letters (hyphens and
/// apostrophes allowed), not an ordinary word, not a place suffix or organisation head.
pub(super) fn looks_like_surname(ctx: &DocContext, w: &str) -> bool {
    let mut chars = w.chars();
    let Some(c0) = chars.next() else { return false };
    c0.is_uppercase()
        && w.chars().count() >= 3
        && chars.all(|c| c.is_lowercase() || c == '-' || c == '\'')
        && !ctx.res.is_common_word(w)
        && !ctx.res.org_heads.contains(w)
        && !PLACE_SUFFIXES.contains(&w)
}

/// The first token of a run that can start a name: sentence-initial ordinary words
/// ("After", "The") and connectors are skipped.
pub(super) fn name_start(ctx: &DocContext, s: &Sentence, a: usize, b: usize) -> usize {
    let toks = &ctx.seg.tokens;
    let mut a = a;
    while a < b {
        let t = ctx.token_text(a);
        let initial = (s.tok_start..a).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number);
        let drop = (initial
            && (ctx.res.is_common_word(t) || ctx.res.abbreviations.is_starter(t))
            && !ctx.res.first_names.contains(t))
            || lowercase_in(t, NAME_CONNECTORS);
        if !drop {
            break;
        }
        a += 1;
    }
    a
}

/// Is a speech verb the next word after `pos` ("Weber said", "Weber told reporters")?
pub(super) fn followed_by_speech(ctx: &DocContext, s: &Sentence, pos: usize) -> bool {
    let rest = ctx.text[pos..s.end].trim_start_matches(' ');
    let w_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let w = &rest[..w_end];
    !w.is_empty()
        && w.chars().all(|c| c.is_lowercase())
        && ctx.res.cues.get(w).is_some_and(|c| c.kind == crate::lexicon::CueKind::Speech)
}

/// A title right before a small town's name makes it a surname: "King Sihanouk",
/// "Colonel Bucha" (the capitalised title is inside the run).
pub(super) fn title_before_place(ctx: &DocContext, s: &Sentence, hit: &LexMatch, e: &Entry) -> Option<(usize, String)> {
    if !is_small_place(e, 1_000_000) || ctx.text[hit.start..hit.end].contains(' ') {
        return None;
    }
    let (ts, _, _) = title_before(ctx, s, hit.start)?;
    let title = ctx.text[ts..hit.start].trim_end();
    // Only a capitalised title written right before the name ("King", "Defence Minister").
    (!title.is_empty() && title.split_whitespace().all(first_char_upper)).then(|| (ts, title.to_string()))
}

/// The role written next to a person's name: a title before ("Kremlin spokesman Dmitry
/// Peskov") or an appositive after ("Dmitry Peskov, the Kremlin spokesman,").
pub(super) fn role_around(ctx: &DocContext, s: &Sentence, m: &Mention) -> Option<String> {
    if let Some((ts, _, kind)) = title_before(ctx, s, m.start) {
        let between = &ctx.text[ts..m.start];
        if kind != TitleKind::Honorific && !between.contains(',') {
            let rs = role_start(ctx, s, ts);
            return Some(ctx.text[rs..m.start].trim().to_string());
        }
    }
    // Appositive: ", [the|a] ... title [of X]," right after the name.
    let rest = &ctx.text[m.end..s.end];
    let rest_trim = rest.strip_prefix(", ")?;
    let clause_len = rest_trim.find([',', '.', ';', '(']).unwrap_or(rest_trim.len());
    let clause = &rest_trim[..clause_len];
    if clause.split_whitespace().count() > 7 {
        return None;
    }
    let abs = m.end + 2;
    let has_title = ctx.titles_in(abs, abs + clause_len).any(|(_, _, t)| t.kind != TitleKind::Honorific);
    if !has_title {
        return None;
    }
    let role = clause.trim();
    let role = role
        .strip_prefix("the ")
        .or_else(|| role.strip_prefix("a "))
        .or_else(|| role.strip_prefix("an "))
        .unwrap_or(role);
    Some(role.to_string())
}
