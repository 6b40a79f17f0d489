//! Clauses: attributions cut out, the rest split at ";", ", and", ", but", ", which" ...

use super::{candidates::*, triggers::*, view::*};
use crate::model::TokenKind;

// ---------------------------------------------------------------------------------------
// Clauses

/// Mark clause ids: boundaries at ";", ":", a dash, ", and"/", but"/", while", relative
/// ", which"/", who", and the attribution spans.
pub(super) fn assign_clauses(v: &mut EventSentence, attributions: &[Attribution], hits: &[Hit]) {
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
        // a short aside in brackets, "Rapid Support Forces (RSF) shelled", "Artemovsk (the
        // Ukrainian name is Bakhmut)": no clause of its own, and none ends at it
        if t == "(" {
            let close = (i + 1..n.min(i + 8)).find(|&k| v.lw(v.t0 + k) == ")");
            if let Some(close) = close {
                let inner = v.t0 + i + 1..v.t0 + close;
                if !inner.is_empty() && !inner.clone().any(|k| hits.iter().any(|h| h.t0 == k)) {
                    for k in i..=close {
                        v.clause[k] = NO_CLAUSE;
                    }
                    i = close + 1;
                    continue;
                }
            }
        }
        let next = v.lw(tok + 1).to_string();
        let hard = matches!(t.as_str(), ";" | ":" | "(" | ")")
            || (t == "-"
                && v.kind(tok) == Some(TokenKind::Punct)
                && tok > v.t0
                && v.tokens[tok].start > v.tokens[tok - 1].end);
        // (", of which 41 were shot down": a relative clause of its own)
        let of_which = t == "," && next == "of" && matches!(v.lw(tok + 2), "which" | "whom" | "them" | "those");
        let comma_split = of_which
            || t == ","
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
        // (so is "two days after a wave of strikes": the day of what follows is not the
        // clause's day)
        let span_before = super::dating::span_ending_before(v, tok).is_some();
        let subordinate =
            matches!(t.as_str(), "after" | "before" | "since" | "when" | "because" | "as" | "until" | "once" | "where")
                && (verb_ahead(v, tok + 1, hits) || (span_before && matches!(t.as_str(), "after" | "before")));
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
pub(super) fn verb_ahead(v: &EventSentence, from: usize, hits: &[Hit]) -> bool {
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
