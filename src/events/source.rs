//! Who says so: attributions ("..., the governor said", "according to X") and the source
//! of each event.

use super::{candidates::*, discourse::*, triggers::*, view::*};
use crate::lexicon::{any_of, CueKind};
use crate::model::{Argument, Label, Quote, Speaker, TokenKind};

// ---------------------------------------------------------------------------------------
// Attribution and source

pub(super) fn np_head_word(v: &EventSentence, i: usize) -> bool {
    v.is_capitalised(i) || v.is_title(i) || v.is(i, ROLE_WORDS) || covered_by_entity(v, i)
}

pub(super) fn covered_by_entity(v: &EventSentence, i: usize) -> bool {
    let (s, e) = (v.tokens[i].start, v.tokens[i].end);
    v.mentions.iter().any(|m| is_entity_label(m.label) && m.start < e && s < m.end)
}

/// The speaker phrase ending right before a cue: "the regional governor", "Ukraine's
/// military", "he".
pub(super) fn np_before(v: &EventSentence, cue: usize) -> Option<(usize, usize)> {
    if cue <= v.t0 {
        return None;
    }
    if v.is(cue - 1, PRONOUNS) {
        return Some((cue - 1, cue));
    }
    let mut j = cue;
    let mut has_head = false;
    while j > v.t0 && cue - j < 8 {
        let i = j - 1;
        let w = v.lw(i);
        let head = v.is_word(i) && np_head_word(v, i);
        // "Zaporizhzhia region", "Kharkiv oblast": a region word after a name
        let region = i > v.t0
            && v.is_capitalised(i - 1)
            && any_of(w, &["region", "oblast", "province", "district", "governorate", "city", "town"]);
        // "officials in Zaporizhzhia region", "a spokesman for the army", "police in Kharkiv"
        let inner_prep = has_head && i > v.t0 && any_of(w, &["in", "for", "from", "at"]) && np_head_word(v, i - 1);
        let ok = head
            || region
            || inner_prep
            || any_of(w, NP_ADJECTIVES)
            || any_of(w, DETERMINERS)
            || w == "'s"
            || w == "of";
        if !ok {
            break;
        }
        has_head |= head;
        j = i;
        if any_of(w, DETERMINERS) {
            break;
        }
    }
    while j < cue && matches!(v.lw(j), "of" | "'s" | "and") {
        j += 1;
    }
    (has_head && j < cue).then_some((j, cue))
}

/// The speaker phrase right after a cue or "according to": up to punctuation, "that", a
/// relative pronoun or a preposition other than "of".
pub(super) fn np_after(v: &EventSentence, from: usize) -> Option<(usize, usize)> {
    if v.is(from, PRONOUNS) {
        return Some((from, from + 1));
    }
    let mut j = from;
    let mut has_head = false;
    while j < v.t1 && j < from + 8 {
        let w = v.lw(j);
        if !v.is_word(j) || any_of(w, &["that", "who", "which", "and", "as"]) || (any_of(w, PREPOSITIONS) && w != "of")
        {
            break;
        }
        let np_word = np_head_word(v, j)
            || any_of(w, NP_ADJECTIVES)
            || any_of(w, DETERMINERS)
            || w == "'s"
            || w == "of"
            || !is_function_word(w);
        if !np_word {
            return None; // "saying Russia could …": a clause, not a name
        }
        has_head |= np_head_word(v, j);
        j += 1;
    }
    while j > from && matches!(v.lw(j - 1), "of" | "the" | "'s") {
        j -= 1;
    }
    (has_head && j > from).then_some((from, j))
}

/// Reporting phrases of the sentence, skipping cue words that are event triggers here
/// ("accused", "urged", "agreed").
pub(crate) fn attributions(v: &EventSentence, quotes: &[Quote], hits: &[Hit]) -> Vec<Attribution> {
    let s = v.ctx.seg.sentences[v.index as usize];
    let mut out = Vec::new();
    for (a, b, cue) in v.ctx.cues_in(s.start, s.end) {
        let (c0, c1) = v.tokens_of(a, b);
        if c0 < v.t0 || c1 > v.t1 || hits.iter().any(|h| h.t0 < c1 && c0 < h.t1) {
            continue;
        }
        // "States" in "United States", "Post" in "Kyiv Post": a name, not a cue.
        let sentence_initial = c0 == v.t0 || matches!(v.kind(c0 - 1), Some(TokenKind::Quote));
        if (v.is_capitalised(c0) && !sentence_initial && !v.headline) || covered_by_entity(v, c0) {
            continue;
        }
        if cue.lemma == "according to" {
            if let Some(np) = np_after(v, c1) {
                out.push(Attribution { t0: c0, t1: np.1, np: Some(np), according: true });
            }
            continue;
        }
        let next = v.lw(c1);
        // "claimed to have", "denied shelling", "feared dead": the cue word governs what
        // follows and is no attribution
        let governs = next == "to"
            || next.ends_with("ing")
            || (cue.kind == CueKind::Belief
                && v.is_word(c1)
                && !v.is_capitalised(c1)
                && !any_of(next, PRONOUNS)
                && !any_of(next, DETERMINERS)
                && next != "that");
        let boundary_after = c1 >= v.t1 || !governs;
        let verbal = cue.kind != CueKind::Phrase
            || matches!(
                cue.lemma.as_str(),
                "say" | "tell" | "write" | "post" | "warn" | "add" | "claim" | "note" | "stress" | "insist" | "argue"
            );
        // "fighting continued", "shelling of Kherson continued": "continue" reports speech
        // only next to a quote ('"…," he continued')
        let quote_near =
            (c0.saturating_sub(4).max(v.t0)..(c1 + 2).min(v.t1)).any(|k| v.kind(k) == Some(TokenKind::Quote));
        if cue.lemma == "continue" && !quote_near {
            continue;
        }
        if cue.lemma == "deny" && next != "that" {
            continue; // "denied shelling the plant": the denial is modality, not attribution
        }
        if !boundary_after && !(cue.kind == CueKind::Phrase) {
            continue;
        }
        let end = if next == "that" { c1 + 1 } else { c1 };
        if !verbal {
            // "in a statement", "on condition of anonymity": cut out, no speaker here
            out.push(Attribution { t0: c0, t1: end, np: None, according: false });
            continue;
        }
        let np_has_trigger = |np: (usize, usize)| hits.iter().any(|h| h.t0 < np.1 && np.0 < h.t1);
        if let Some(np) = np_before(v, c0).filter(|np| !np_has_trigger(*np)) {
            out.push(Attribution { t0: np.0, t1: end, np: Some(np), according: false });
        } else if c0 > v.t0 && matches!(v.kind(c0 - 1), Some(TokenKind::Punct) | Some(TokenKind::Quote)) {
            // inverted: ", said the governor"
            if let Some(np) = np_after(v, c1).filter(|np| !np_has_trigger(*np)) {
                out.push(Attribution { t0: c0, t1: np.1, np: Some(np), according: false });
            }
        }
    }
    // Speakers found by the quote stage in this sentence.
    for q in quotes {
        if let Some(sp) = &q.speaker {
            if sp.start >= v.tokens[v.t0].start && sp.end <= v.tokens[v.t1 - 1].end && sp.end > sp.start {
                let (a, b) = v.tokens_of(sp.start, sp.end);
                // "Swedish PM X arrived in Kyiv and announced ...": a speaker who is also the
                // subject of an event verb right after it, joined by "and" to the report,
                // stays that event's actor
                let acts_first = q.start > sp.end
                    && hits.iter().any(|h| {
                        h.t0 == b && (h.t1..v.t1).take_while(|&t| v.tokens[t].start < q.start).any(|t| v.lw(t) == "and")
                    });
                if !acts_first
                    && !out.iter().any(|x| x.t0 <= a && b <= x.t1)
                    && !hits.iter().any(|h| h.t0 < b && a < h.t1)
                {
                    out.push(Attribution { t0: a, t1: b, np: Some((a, b)), according: false });
                }
            }
        }
    }
    out
}

pub(crate) fn speaker_argument(sp: &Speaker) -> Argument {
    Argument { text: sp.text.clone(), canonical: sp.canonical.clone(), entity_id: sp.entity_id.clone() }
}

/// Who reports the events of this sentence: "according to X", else the subject of a
/// reporting verb; a pronoun takes the speaker the quote stage found in the sentence.
/// Per attribution: does it close the sentence ("…, the governor said (on Telegram).")?
/// "X said that …" opens a complement instead and reaches no event before it. Computed once
/// per sentence.
pub(crate) fn trailing_attributions(v: &EventSentence, attributions: &[Attribution], hits: &[Hit]) -> Vec<bool> {
    let last_hit = hits.iter().map(|o| o.t0).max().unwrap_or(0);
    attributions
        .iter()
        .map(|a| {
            let opens_complement = a.t1 > a.t0 && v.lw(a.t1 - 1) == "that";
            let words_after = (a.t1..v.t1)
                .filter(|&i| matches!(v.kind(i), Some(TokenKind::Word) | Some(TokenKind::Number)))
                .take(5)
                .count();
            !opens_complement && words_after <= 4 && last_hit < a.t1
        })
        .collect()
}

/// The source of a trigger: "according to X" covers the whole sentence; "X said (that) …"
/// covers what follows it, and a trailing "…, X said." what precedes it. A mid-sentence
/// "…, and X said …" does not reach back to the events before it.
pub(crate) fn source_for(
    v: &EventSentence,
    attributions: &[Attribution],
    trailing: &[bool],
    quotes: &[Quote],
    h: &Hit,
) -> Option<Argument> {
    let sentence_wide = |a: &Attribution| a.according || a.np == Some((a.t0, a.t1));
    let covers = |(a, tr): (&Attribution, &bool)| sentence_wide(a) || h.t0 >= a.t1 || (h.t1 <= a.t0 && *tr);
    let mut ordered: Vec<&Attribution> = attributions
        .iter()
        .zip(trailing.iter())
        .filter(|(a, tr)| a.np.is_some() && covers((a, tr)))
        .map(|(a, _)| a)
        .collect();
    // "according to" first, then the nearest cue before the trigger, then a trailing one
    ordered.sort_by_key(|a| {
        (!a.according, a.t1 > h.t0, if a.t1 <= h.t0 { h.t0 - a.t1 } else { a.t0.saturating_sub(h.t1) })
    });
    let owned: Vec<Attribution> = ordered.into_iter().cloned().collect();
    sentence_source(v, &owned, quotes)
}

pub(crate) fn sentence_source(v: &EventSentence, attributions: &[Attribution], quotes: &[Quote]) -> Option<Argument> {
    let mut ordered: Vec<&Attribution> = attributions.iter().filter(|a| a.np.is_some()).collect();
    ordered.sort_by_key(|a| !a.according); // stable: keeps the caller's order otherwise
    for a in ordered {
        let Some((n0, n1)) = a.np else { continue };
        if n1 == n0 + 1 && v.is(n0, PRONOUNS) {
            let sp = quotes.iter().filter(|q| q.sentence == v.index).find_map(|q| q.speaker.as_ref());
            match sp {
                Some(sp) => return Some(speaker_argument(sp)),
                None => continue,
            }
        }
        let (s, e) = v.span(n0, n1);
        let best = v.mentions.iter().filter(|m| m.start >= s && m.end <= e && is_entity_label(m.label)).min_by_key(
            |m| match m.label {
                Label::Person => 0,
                Label::Org => 1,
                Label::Gpe => 2,
                _ => 3,
            },
        );
        return Some(Argument {
            text: v.text[s..e].to_string(),
            canonical: best.and_then(|m| m.canonical.clone()),
            entity_id: best.and_then(|m| m.entity_id.clone()),
        });
    }
    None
}
