//! Modality: negated, hedged, planned or hypothetical, from the cues of `data/modality.tsv`
//! and the word classes of `data/words.tsv` (negation gaps, wish and discussion verbs).

use super::{triggers::*, view::*};
use crate::lexicon::{any_of, WordClass};
use crate::model::{Modality, TokenKind};

// ---------------------------------------------------------------------------------------
// Modality

/// Words that may stand between a negation and its trigger.
pub(super) const NEGATION_GAP: WordClass = WordClass::NegationGap;
/// Verbs whose infinitive complement has not happened: "urged X to send".
pub(super) const WISH_VERBS: WordClass = WordClass::WishVerb;

/// Verbs whose object is only talked about: "to discuss more military aid".
pub(super) const DISCUSSION_VERBS: WordClass = WordClass::DiscussionVerb;

pub(super) fn rank(m: Modality) -> u8 {
    match m {
        Modality::Negated => 4,
        Modality::Hypothetical => 3,
        Modality::Planned => 2,
        Modality::Hedged => 1,
        Modality::Asserted => 0,
    }
}

/// Words that deny what follows at any distance in the clause ("denied that its forces
/// had shelled").
pub(super) fn is_denial(phrase: &str) -> bool {
    let p = phrase.to_lowercase();
    p.starts_with("den")
        || p.starts_with("rejected")
        || p.starts_with("dismissed")
        || p.starts_with("refuted")
        || p.starts_with("rul")
}

/// Modality of a trigger from the markers before it (up to 12 tokens, not across ";"), a
/// short negation right before it, and "if confirmed"/"reportedly" just after it.
pub(crate) fn modality(v: &EventSentence, h: &Hit) -> Modality {
    let mut scope = h.t0;
    while scope > v.t0 && h.t0 - scope < 12 && !matches!(v.lw(scope - 1), ";" | ":" | "but" | "while" | "whereas") {
        scope -= 1;
    }
    let mut best = Modality::Asserted;
    let mut consider = |m: Modality| {
        if rank(m) > rank(best) {
            best = m;
        }
    };
    // Short negation: "not", "no", "never", "didn't" within four tokens, with nothing but
    // auxiliaries, adverbs and determiners between ("did not attack", "no reports of
    // casualties"; not "has not commented on the losses").
    let clear_from = |from: usize| {
        (from..h.t0).all(|k| {
            let x = v.lw(k);
            any_of(x, AUX)
                || any_of(x, ADVERBS)
                || any_of(x, DETERMINERS)
                || x.ends_with("ly")
                || v.kind(k) == Some(TokenKind::Number)
                || any_of(x, NEGATION_GAP)
        })
    };
    for i in h.t0.saturating_sub(4).max(scope)..h.t0 {
        let w = v.lw(i);
        let negation = any_of(w, &["not", "no", "never", "cannot", "neither", "nor", "without"]) || w.ends_with("n't");
        if negation && clear_from(i + 1) {
            consider(Modality::Negated);
        }
    }
    // "urged allies to supply", "wants to negotiate": an infinitive under a wish or demand
    if h.t0 > scope && v.lw(h.t0 - 1) == "to" && (scope..h.t0).any(|k| v.is(k, WISH_VERBS)) {
        consider(Modality::Hypothetical);
    }
    // "met to discuss more aid", "considering sanctions": the subject of talk, not a fact
    let mut k = h.t0;
    while k > scope && h.t0 - k < 4 {
        k -= 1;
        let w = v.lw(k);
        if any_of(w, DISCUSSION_VERBS) {
            consider(Modality::Hypothetical);
            break;
        }
        if !(any_of(w, DETERMINERS)
            || any_of(
                w,
                &["more", "new", "further", "possible", "additional", "fresh", "military", "financial", "humanitarian"],
            )
            || w.ends_with("ly"))
        {
            break;
        }
    }
    let from = v.tokens[scope.min(h.t0)].start;
    {
        for (s, e, m) in v.ctx.modality_in(from.min(h.start), h.start) {
            let marker_tok = v.ctx.token_at(e);
            let dist = h.t0.saturating_sub(marker_tok);
            let surface = &v.text[s..e];
            // "May" in capitals mid-sentence is the month
            if surface == "May" && s > v.tokens[v.t0].start {
                continue;
            }
            match m {
                // a negation further off, or a "without" with words of its own between
                // ("without electricity after the substation strike"), is about something else
                Modality::Negated
                    if !is_denial(surface)
                        && (dist > 4 || (surface.eq_ignore_ascii_case("without") && !clear_from(marker_tok))) => {}
                _ => consider(*m),
            }
        }
        // after the trigger: "… attacked, if confirmed" (within 30 tokens), "reportedly" (6)
        let far = v.tokens[(h.t1 + 30).min(v.t1) - 1].end.max(h.end);
        let near = v.tokens[(h.t1 + 6).min(v.t1) - 1].end.max(h.end);
        for (s, e, m) in v.ctx.modality_in(h.end, far) {
            let surface = v.text[s..e].to_lowercase();
            if surface == "if confirmed" || (*m == Modality::Hedged && s <= near && surface != "feared") {
                consider(*m);
            }
        }
    }
    best
}
