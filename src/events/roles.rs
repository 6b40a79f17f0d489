//! Roles from word order around the trigger: the subject before an active verb, the object
//! after it, the agent after "by" for passives; for nouns the modifier before ("Russian
//! shelling"), the object of "of/on/against" after ("shelling of Izium") and the subject
//! of a light verb ("Russia launched an offensive"); and the event's place.

use super::discourse::said_type;
use super::{candidates::*, sentence::*, triggers::*, view::*};
use crate::lexicon::{any_of, WordClass};
use crate::model::{Argument, EventType, Geo, Label, PlaceType, TokenKind};

// ---------------------------------------------------------------------------------------
// Roles

/// The nearest subject-like candidate before `tok` in the clause, with its conjuncts
/// ("Russia and Ukraine"). Objects of an earlier verb of the clause are skipped.
pub(super) fn subject_before(
    v: &EventSentence,
    cands: &[ArgCandidate],
    tok: usize,
    clause: u32,
    verbs: &[(usize, usize)],
) -> Vec<usize> {
    let mut limit = tok;
    let mut idx: Vec<usize> = near(cands, tok.saturating_sub(WINDOW), tok)
        .filter(|&i| cands[i].t1 <= tok && v.clause_of(cands[i].t0) == clause && !cands[i].modifier)
        .collect();
    idx.reverse();
    for &ci in &idx {
        let c = &cands[ci];
        if c.t1 > limit {
            continue;
        }
        // Object of an earlier verb in between ("attacked Kharkiv and shelled"): skip it.
        // After "to" it is the subject: "urged allies to supply".
        let infinitive = tok > v.t0 && v.lw(tok - 1) == "to";
        // (a list of objects too: "occupied Stupochky and Predtechyne and advanced")
        let object_of = |b: usize| {
            b <= c.t0
                && c.t0 - b <= 6
                && (b..c.t0).all(|k| {
                    matches!(v.lw(k), "and" | ",")
                        || v.is_word(k)
                            && (v.is(k, DETERMINERS)
                                || any_of(v.lw(k), &["on", "at", "against", "to", "into"])
                                || !is_function_word(v.lw(k)))
                })
        };
        if let Some(&(vt0, _)) = verbs.iter().find(|(a, b)| {
            !infinitive && object_of(*b) && *a < tok && *a >= v.t0 && c.t1 <= tok && v.clause_of(*a) == clause
        }) {
            limit = vt0;
            continue;
        }
        let mut conj = vec![ci];
        let mut first = ci;
        while cands[first].t0 > v.t0 + 1 && matches!(v.lw(cands[first].t0 - 1), "and" | ",") {
            let glue = cands[first].t0 - 1;
            match near(cands, glue.saturating_sub(WINDOW), glue)
                .find(|&d| cands[d].t1 == glue && !cands[d].modifier && v.clause_of(cands[d].t0) == clause)
            {
                Some(d) if conj.len() < 4 => {
                    conj.insert(0, d);
                    first = d;
                }
                _ => break,
            }
        }
        let before_first = if cands[first].t0 > v.t0 { v.lw(cands[first].t0 - 1) } else { "" };
        if any_of(before_first, PREPOSITIONS) && v.clause_of(cands[first].t0 - 1) == clause {
            limit = cands[first].t0;
            continue;
        }
        return conj;
    }
    Vec::new()
}

/// The first candidate after the trigger that reads as its object, or a modifier NORP with
/// its noun ("Ukrainian positions"): (candidate, end token of the phrase).
pub(super) fn object_after(
    v: &EventSentence,
    cands: &[ArgCandidate],
    h: &Hit,
    allowed_preps: &[&str],
    hits: &[Hit],
) -> Option<(usize, usize)> {
    let limit = (h.t1 + 10).min(v.t1);
    let mut i = h.t1;
    while i < limit && v.clause_of(i) == h.clause {
        if let Some(ci) = cand_at(cands, i) {
            let c = &cands[ci];
            // "French President Emmanuel Macron": the name, not the adjective
            let name_follows = c.modifier
                && (c.t1..(c.t1 + 3).min(limit)).any(|k| cand_at(cands, k).is_some_and(|n| !cands[n].modifier))
                && (c.t1..(c.t1 + 1)).all(|k| v.is_capitalised(k));
            if name_follows {
                i = c.t1;
                continue;
            }
            if c.modifier {
                let mut e = c.t1;
                while e < limit && v.is_word(e) && !is_function_word(v.lw(e)) && !v.is_capitalised(e) && e < c.t1 + 2 {
                    e += 1;
                }
                return Some((ci, e));
            }
            return Some((ci, c.t1));
        }
        let w = v.lw(i);
        if i > h.t1 && hits.iter().any(|o| o.t0 == i) {
            return None;
        }
        // skip a number phrase ("pledged $2 billion to", "killed 5 soldiers near")
        if let Some(p) = v.numbers.iter().find(|p| p.start_tok == i) {
            i = p.end_tok.max(i + 1);
            continue;
        }
        match v.kind(i) {
            Some(TokenKind::Word) | Some(TokenKind::Number) => {}
            _ => return None,
        }
        if any_of(w, PREPOSITIONS) {
            if !any_of(w, allowed_preps) {
                return None;
            }
        } else if is_function_word(w) && !any_of(w, DETERMINERS) {
            return None;
        }
        i += 1;
    }
    None
}

/// "accused Moscow of deliberately targeting", "sentenced a soldier … for killing": the
/// subject of a gerund after "of"/"for" is the nearest name before it.
pub(super) fn gerund_subject(v: &EventSentence, cands: &[ArgCandidate], h: &Hit) -> Option<Vec<usize>> {
    if !v.lw(h.t0).ends_with("ing") {
        return None;
    }
    let mut i = h.t0;
    while i > v.t0 && v.lw(i - 1).ends_with("ly") {
        i -= 1;
    }
    if i <= v.t0 || !matches!(v.lw(i - 1), "of" | "for") {
        return None;
    }
    let ci = near(cands, i.saturating_sub(WINDOW), i)
        .rev()
        .find(|&ci| cands[ci].t1 < i && !cands[ci].modifier && v.clause_of(cands[ci].t0) == h.clause)?;
    Some(vec![ci])
}

/// The recipient of aid: the candidate after "to"/"for" ("sent 50 tanks to Ukraine").
pub(super) fn recipient_after(v: &EventSentence, cands: &[ArgCandidate], h: &Hit) -> Option<(usize, usize)> {
    let limit = (h.t1 + 12).min(v.t1);
    let mut i = h.t1;
    while i < limit && v.clause_of(i) == h.clause {
        if matches!(v.lw(i), "to" | "for") {
            let mut j = i + 1;
            while j < limit && v.is(j, DETERMINERS) {
                j += 1;
            }
            if let Some(ci) = cand_at(cands, j) {
                return Some((ci, cands[ci].t1));
            }
        }
        i += 1;
    }
    None
}

/// A plain noun phrase right after a verb: "shelling the plant", "destroyed residential
/// buildings".
pub(super) fn np_object(v: &EventSentence, h: &Hit, hits: &[Hit]) -> Option<(usize, usize)> {
    let mut i = h.t1;
    let start = i;
    if v.is(i, DETERMINERS) {
        i += 1;
    }
    let content_start = i;
    while i < v.t1
        && i < content_start + 4
        && v.clause_of(i) == h.clause
        && v.is_word(i)
        && !is_function_word(v.lw(i))
        && !hits.iter().any(|o| o.t0 == i)
    {
        let w = v.lw(i);
        // an identifier belongs to the name: "Lyceum No. 3", "School No. 6"
        if any_of(w, &["no.", "nos.", "#"]) && i > content_start && v.kind(i + 1) == Some(TokenKind::Number) {
            i += 2;
            break;
        }
        // adverbs, particles and a second verb end the phrase ("striking back decisively")
        let verbish = i > content_start && w.ends_with("ed");
        if w.ends_with("ly")
            || any_of(w, &["back", "again", "hard", "twice", "once", "overnight", "today", "yesterday"])
            || verbish
        {
            break;
        }
        i += 1;
    }
    (i > content_start).then_some((start, i))
}

/// The agent after "by" within a few tokens of `from`.
pub(super) fn by_agent(v: &EventSentence, cands: &[ArgCandidate], from: usize, clause: u32) -> Option<usize> {
    let mut i = from;
    let limit = (from + 8).min(v.t1);
    while i < limit && v.clause_of(i) == clause {
        if v.lw(i) == "by" {
            let mut j = i + 1;
            while j < v.t1 && v.is(j, DETERMINERS) {
                j += 1;
            }
            // (a party named with its article: "by the occupiers")
            return cand_at(cands, j).or_else(|| cand_at(cands, i + 1));
        }
        if v.kind(i) != Some(TokenKind::Word) {
            return None;
        }
        i += 1;
    }
    if from > v.t0 && v.lw(from - 1) == "by" {
        return cand_at(cands, from);
    }
    None
}

pub(super) fn argument(v: &EventSentence, cands: &[ArgCandidate], conj: &[usize]) -> Option<Argument> {
    let (first, last) = (*conj.first()?, *conj.last()?);
    if first == last {
        let c = &cands[first];
        return Some(Argument {
            text: v.text[c.start..c.end].to_string(),
            canonical: c.canonical.clone(),
            entity_id: c.entity_id.clone(),
        });
    }
    Some(Argument { text: v.text[cands[first].start..cands[last].end].to_string(), canonical: None, entity_id: None })
}

pub(super) fn span_argument(v: &EventSentence, cands: &[ArgCandidate], ci: usize, end_tok: usize) -> Argument {
    let c = &cands[ci];
    let end = if end_tok > c.t1 { v.tokens[end_tok - 1].end } else { c.end };
    Argument { text: v.text[c.start..end].to_string(), canonical: c.canonical.clone(), entity_id: c.entity_id.clone() }
}

/// The subject position right before a verb holds a pronoun ("they recaptured", "its
/// forces shelled").
pub(super) fn pronoun_before(v: &EventSentence, tok: usize) -> bool {
    let mut i = tok;
    while i > v.t0 {
        i -= 1;
        let w = v.lw(i);
        if any_of(w, PRONOUNS) {
            return true;
        }
        if any_of(w, &["its", "their", "his", "her", "our"]) {
            return true;
        }
        if any_of(w, AUX)
            || any_of(w, ADVERBS)
            || any_of(w, FORCE_NOUNS)
            || w == "not"
            || w.ends_with("n't")
            || any_of(w, &["will", "would", "could", "had", "have", "has", "may", "might"])
        {
            continue;
        }
        return false;
    }
    false
}

pub(crate) fn roles(v: &EventSentence, cands: &[ArgCandidate], h: &Hit, hits: &[Hit]) -> Roles {
    let verbs: Vec<(usize, usize)> = hits.iter().filter(|o| o.verb && o.t0 != h.t0).map(|o| (o.t0, o.t1)).collect();
    let symmetric = SYMMETRIC.contains(&h.event_type);
    let mut r = Roles::default();
    let mut actor: Vec<usize> = Vec::new();
    let mut target: Option<(usize, usize)> = None;
    let mut target_np: Option<(usize, usize)> = None;
    if h.verb {
        if is_passive(v, h) {
            if let Some(a) = by_agent(v, cands, h.t1, h.clause) {
                actor = vec![a];
            }
            let subj = subject_before(v, cands, h.t0, h.clause, &verbs);
            if let Some(&t) = subj.first() {
                target = Some((t, cands[t].t1));
                if subj.len() > 1 {
                    target = None;
                    target_np = Some((cands[subj[0]].t0, cands[*subj.last().unwrap_or(&t)].t1));
                }
            } else {
                target_np = clause_subject_np(v, h);
            }
        } else {
            actor = gerund_subject(v, cands, h).unwrap_or_else(|| subject_before(v, cands, h.t0, h.clause, &verbs));
            let mut preps: Vec<&str> = vec!["on", "at", "against", "upon", "to", "into", "of"];
            if symmetric {
                preps.push("with");
            }
            target = if h.event_type == EventType::Aid {
                recipient_after(v, cands, h)
            } else {
                object_after(v, cands, h, &preps, hits)
            };
            if target.is_none() && NP_OBJECT_TYPES.contains(&h.event_type) {
                target_np = np_object(v, h, hits);
            }
            if actor.is_empty()
                && v.lw(h.t0).ends_with("ing")
                && h.clause > 0
                && h.t0 > v.t0
                && v.clause_of(h.t0 - 1) != h.clause
            {
                // "…, killing two people", "after recapturing Izium": the main clause's subject
                actor = subject_before(v, cands, h.t0, h.clause - 1, &verbs);
            }
            if actor.is_empty() {
                r.pronoun_subject = pronoun_before(v, h.t0);
            }
        }
    } else {
        actor = noun_actor(v, cands, h, &verbs);
        // "talks between Russia and Ukraine"
        if v.lw(h.t1) == "between" {
            let mut j = h.t1 + 1;
            while v.is(j, DETERMINERS) {
                j += 1;
            }
            if let Some(a) = cand_at(cands, j) {
                if v.lw(cands[a].t1) == "and" {
                    if let Some(b) = cand_at(cands, cands[a].t1 + 1) {
                        if actor.is_empty() {
                            actor = vec![a];
                            target = Some((b, cands[b].t1));
                        }
                    }
                }
            }
        }
        if target.is_none()
            && any_of(v.lw(h.t1), &["of", "on", "against", "at", "upon", "to", "for", "with", "into", "targeting"])
        {
            let preps = ["of", "on", "against", "at", "upon", "to", "for", "with", "into", "targeting"];
            target = object_after(v, cands, &Hit { t1: h.t1, ..h.clone() }, &preps, hits);
            // the agent of "shelling of Izium by Russian troops" is no target
            if let Some((t, _)) = target {
                if cands[t].t0 > h.t1 && v.lw(cands[t].t0 - 1) == "by" {
                    target = None;
                }
            }
        }
    }
    // A fronting phrase is no subject: "On the Kupiansk axis, the enemy shelled …",
    // "Across the Kherson region, Russian forces fired …" (the place opens a prepositional
    // phrase; the party after the comma is the actor).
    if actor.len() >= 2 {
        let fronted = |ci: usize| {
            let mut k = cands[ci].t0;
            while k > v.t0 && v.is(k - 1, DETERMINERS) {
                k -= 1;
            }
            k > v.t0 && v.is(k - 1, PREPOSITIONS) && v.lw(cands[ci].t1) == ","
        };
        if actor.iter().any(|&ci| !fronted(ci)) {
            actor.retain(|&ci| !fronted(ci));
        }
    }
    // A town or region does not shell, capture or retreat: "Kherson" before "retreating",
    // "the Belgorod region" before "hit" is where it happened or who reports it, and the
    // side that acted is left to the discourse. A seat of power stands for its government
    // ("Moscow", "Kyiv"), a country for its state.
    if PHYSICAL.contains(&h.event_type) && !matches!(h.event_type, EventType::Consult | EventType::Protest) {
        actor.retain(|&ci| !local_place(v, &cands[ci]));
    }
    // Coordinated parties of a symmetric event: first is actor, second target.
    if actor.len() >= 2 && symmetric && target.is_none() && target_np.is_none() {
        let second = actor[1];
        target = Some((second, cands[second].t1));
        actor.truncate(1);
    }
    r.actor = argument(v, cands, &actor);
    r.actor_cands = actor;
    if let Some((t, end)) = target {
        r.target = Some(span_argument(v, cands, t, end));
        r.target_cand = Some(t);
    } else if let Some((a, b)) = target_np {
        r.target = Some(Argument { text: v.slice(a, b).to_string(), canonical: None, entity_id: None });
    }
    r
}

/// A place below a country that is no seat of a side ("Moscow", "Kyiv", "the Kremlin" are
/// their governments in the news).
fn local_place(v: &EventSentence, c: &ArgCandidate) -> bool {
    let seat = || {
        let name = c.canonical.as_deref().unwrap_or(&v.text[c.start..c.end]).to_lowercase();
        name.contains("moscow") || name.contains("kyiv") || name.contains("kremlin")
    };
    c.is_place() && !c.modifier && c.place_rank >= 1 && !seat()
}

/// A determiner-led noun phrase opening the clause: the subject of a passive verb with no
/// named subject ("The power plant was shelled").
pub(super) fn clause_subject_np(v: &EventSentence, h: &Hit) -> Option<(usize, usize)> {
    let mut a = h.t0;
    while a > v.t0 && v.clause_of(a - 1) == h.clause {
        a -= 1;
    }
    if !v.is(a, DETERMINERS) {
        return None;
    }
    let mut b = a + 1;
    while b < h.t0 && b < a + 5 && v.is_word(b) && !is_function_word(v.lw(b)) {
        b += 1;
    }
    (b > a + 1).then_some((a, b))
}

/// Actor of a noun trigger: "Russian shelling", "Russia's invasion", "shelling … by
/// Russian troops", "Russia launched an offensive".
pub(super) fn noun_actor(v: &EventSentence, cands: &[ArgCandidate], h: &Hit, verbs: &[(usize, usize)]) -> Vec<usize> {
    // Modifier right before, over up to three adjectives ("a massive Russian missile attack").
    // A town or region there is where it happened, not who did it ("the Kryvyi Rih strike").
    let mut j = h.t0;
    for _ in 0..4 {
        let ending_at = |e: usize| {
            near(cands, e.saturating_sub(WINDOW), e)
                .find(|&ci| cands[ci].t1 == e)
                .filter(|&ci| !(cands[ci].is_place() && cands[ci].place_rank >= 1))
        };
        // "65 MLRS attacks", "3 Iskander strikes": after a count the name is the weapon
        if let Some(ci) =
            ending_at(j).filter(|&ci| !(cands[ci].t0 > v.t0 && v.numbers.iter().any(|p| p.end_tok == cands[ci].t0)))
        {
            return vec![ci];
        }
        if j > v.t0 + 1 && v.lw(j - 1) == "'s" {
            if let Some(ci) = ending_at(j - 1) {
                return vec![ci];
            }
        }
        if j <= v.t0 {
            break;
        }
        let w = v.lw(j - 1);
        if v.is_word(j - 1) && !is_function_word(w) && !v.is_capitalised(j - 1) && !any_of(w, LIGHT_VERBS) {
            j -= 1;
        } else {
            break;
        }
    }
    if let Some(a) = by_agent(v, cands, h.t1, h.clause) {
        return vec![a];
    }
    // Light verb: "Russia launched a massive offensive", "carried out strikes".
    let mut k = h.t0;
    for _ in 0..6 {
        if k <= v.t0 {
            break;
        }
        k -= 1;
        let w = v.lw(k);
        if any_of(w, LIGHT_VERBS) {
            return subject_before(v, cands, k, h.clause, verbs);
        }
        let skippable = any_of(w, DETERMINERS)
            || any_of(w, &["out", "up", "new", "fresh", "further", "more", "of", "on"])
            || v.kind(k) == Some(TokenKind::Number)
            || (v.is_word(k) && !is_function_word(w) && !v.is_capitalised(k));
        if !skippable {
            break;
        }
    }
    Vec::new()
}

// ---------------------------------------------------------------------------------------
// Location

/// The places listed with place `ci` ("struck Lviv, Ternopil and Dnipro", "the areas of A,
/// B, C and D"): the candidates joined to it by commas, "and", "or" (and an article
/// between), all places below country level, in text order; just `ci` when it stands
/// alone.
pub(crate) fn coordinated_places(v: &EventSentence, cands: &[ArgCandidate], ci: usize) -> Vec<usize> {
    // (no armed force: "Russian forces" read as a place by the recogniser)
    let place = |k: usize| {
        cands[k].is_place()
            && cands[k].place_rank >= 1
            && !cands[k].entity_id.as_deref().is_some_and(|id| id.starts_with("org:"))
    };
    // a name the gazetteer does not know, listed among places, is a place too (villages
    // of a front-line report)
    let member =
        |k: usize| place(k) || (cands[k].label.is_none() && !cands[k].modifier && cands[k].t1 <= cands[k].t0 + 2);
    // the speaker of a trailing attribution is no list member: "shelled Kherson, the
    // General Staff said"
    let in_attribution = |k: usize| v.clause_of(cands[k].t0) == NO_CLAUSE;
    let ok = |k: usize| member(k) && (k == ci || !in_attribution(k) || in_attribution(ci));
    if !member(ci) {
        return vec![ci];
    }
    // tokens between two list members: ",", "and", "or", ", and", "and the", "and the city
    // of"
    let joined = |a: usize, b: usize| {
        let gap = &(cands[a].t1..cands[b].t0);
        let kind_of = |k: usize| {
            matches!(v.lw(k), "city" | "town" | "village" | "settlement")
                && k > gap.start
                && v.lw(k - 1) == "the"
                && v.lw(k + 1) == "of"
        };
        let of_after_kind = |k: usize| v.lw(k) == "of" && k > gap.start && kind_of(k - 1);
        !gap.is_empty()
            && gap.clone().all(|k| matches!(v.lw(k), "," | "and" | "or" | "the") || kind_of(k) || of_after_kind(k))
            && gap.clone().any(|k| matches!(v.lw(k), "," | "and" | "or"))
            // "in the region of Kharkiv and in the region of Dnipropetrovsk": the
            // preposition (and the region word) said again after the coordinator
            || repeated_preposition(v, gap.clone())
    };
    let mut first = ci;
    while first > 0 {
        let p = first - 1;
        if cands[p].t1 <= cands[first].t0 && ok(p) && joined(p, first) {
            first = p;
        } else {
            break;
        }
    }
    let mut last = ci;
    while last + 1 < cands.len() {
        let n = last + 1;
        if cands[n].t0 >= cands[last].t1 && ok(n) && joined(last, n) {
            last = n;
        } else {
            break;
        }
    }
    // a list of unknown names is no list of places
    if !(first..=last).any(place) {
        return vec![ci];
    }
    (first..=last).collect()
}

/// A gap between two listed places that starts with a coordinator and repeats a place
/// preposition: "and in", ", and near the", "and in the region of".
fn repeated_preposition(v: &EventSentence, gap: std::ops::Range<usize>) -> bool {
    let Some(c) = gap.clone().find(|&k| matches!(v.lw(k), "and" | "or")) else {
        return false;
    };
    // ("near Pokrovsk itself and toward Rodynske")
    (gap.start..c).all(|k| matches!(v.lw(k), "," | "itself"))
        && c + 1 < gap.end
        && v.is(c + 1, WordClass::PlacePreposition)
        && (c + 2..gap.end).all(|k| {
            matches!(
                v.lw(k),
                "the" | "of" | "region" | "oblast" | "province" | "city" | "town" | "village" | "district"
            )
        })
}

pub(crate) fn place_of_cand(v: &EventSentence, c: &ArgCandidate) -> (Argument, Geo) {
    let surface = v.text[c.start..c.end].to_string();
    (
        Argument {
            text: c.canonical.clone().unwrap_or(surface),
            canonical: c.canonical.clone(),
            entity_id: c.entity_id.clone(),
        },
        c.geo.clone(),
    )
}

/// A place heading a digest's line, before a dash or colon: "▪️ Nikopol — 14 attacks.",
/// "Bilopillia community: a drone hit a shop". What the line tells happened there.
pub(crate) fn heads_line(v: &EventSentence, c: &ArgCandidate) -> bool {
    c.is_place()
        && (v.t0..c.t0).all(|k| !v.is_word(k) && v.kind(k) != Some(TokenKind::Number))
        && matches!(v.tx(c.t1), "—" | "–" | "-" | ":")
}

/// Is this place inside a town rather than a town or a wider area: a city district, a
/// square, a plant, a base?
fn below_settlement(c: &ArgCandidate) -> bool {
    c.label == Some(Label::Fac) || matches!(c.geo.place_type, Some(PlaceType::District | PlaceType::Feature))
}

fn is_settlement(c: &ArgCandidate) -> bool {
    c.is_place() && matches!(c.geo.place_type, Some(PlaceType::City | PlaceType::Village)) && c.geo.lat.is_some()
}

/// The town a place below town level stands in, when the sentence names one outside any
/// list with it ("a missile hit a house in the Korabelnyi district" after "in Mykolaiv";
/// "rallied on Maidan Nezalezhnosti in Kyiv"): the nearest such town that the sentence
/// places something in (`placed`: after "in", "near", "of" ...), never a town that acts
/// ("a day after Moscow ordered a retreat").
fn settlement_around(
    v: &EventSentence,
    cands: &[ArgCandidate],
    ci: usize,
    placed: impl Fn(usize) -> bool,
) -> Option<usize> {
    let c = &cands[ci];
    if !below_settlement(c) {
        return None;
    }
    let listed = coordinated_places(v, cands, ci);
    (0..cands.len())
        .filter(|&k| k != ci && !listed.contains(&k) && is_settlement(&cands[k]) && placed(k))
        .filter(|&k| cands[k].t0 >= v.t0 && cands[k].t1 <= v.t1)
        .min_by_key(|&k| (cands[k].t0 as i64 - c.t0 as i64).abs())
}

/// The town a facility's own name begins with ("the Kremenchuk oil refinery"): a
/// facility is placed at its town.
fn settlement_in_name<'r>(v: &EventSentence<'r>, c: &ArgCandidate) -> Option<&'r crate::lexicon::Entry> {
    if !(c.label == Some(Label::Fac) || c.geo.place_type == Some(PlaceType::Feature)) {
        return None;
    }
    let g = &v.res.gazetteer;
    let name = &v.text[c.start..c.end];
    let name = name.strip_prefix("the ").or_else(|| name.strip_prefix("The ")).unwrap_or(name);
    // the longest run of leading words that is a town's whole key, before words that are
    // no name of their own ("Kremenchuk oil refinery", "Kherson Port"; not "Abu Shouk")
    name.match_indices(' ').rev().find_map(|(end, _)| {
        let prefix = &name[..end];
        let rest = name[end..].trim_start();
        let common = !rest.starts_with(char::is_uppercase) || last_word_is(rest, WordClass::FacilityHead);
        if !common {
            return None;
        }
        g.find(prefix)
            .into_iter()
            .find(|m| m.start == 0 && m.end == prefix.len())
            .map(|m| g.entry(&m))
            .filter(|e| e.label == Label::Gpe && matches!(e.geo.place_type, Some(PlaceType::City | PlaceType::Village)))
    })
}

/// An event's place: the argument, its point, where it was read (`location_source`) and
/// the candidate it came from.
pub(crate) type Placed = (Option<Argument>, Option<Geo>, Option<&'static str>, Option<usize>);

pub(crate) fn location(v: &EventSentence, cands: &[ArgCandidate], h: &Hit, roles: &Roles, hits: &[Hit]) -> Placed {
    let physical = PHYSICAL.contains(&h.event_type);
    // where a missile or drone was fired from is not where it hit: "launched from Crimea",
    // "146 drones from the directions of Kursk, Oryol and Millerovo" (the whole list)
    let origin = |ci: usize| {
        matches!(h.event_type, EventType::Assault | EventType::Destroy)
            && coordinated_places(v, cands, ci).into_iter().any(|k| {
                launched_from(v, cands[k].t0)
                    // ("from the Kursk region of Russia": the country of the origin too)
                    || (k > 0
                        && cands[k].t0 >= 1
                        && v.lw(cands[k].t0 - 1) == "of"
                        && cands[k - 1].t1 + 1 == cands[k].t0
                        && launched_from(v, cands[k - 1].t0))
            })
    };
    let excluded =
        |ci: usize| roles.actor_cands.contains(&ci) || (!physical && roles.target_cand == Some(ci)) || origin(ci);
    // a locative preposition before the place, over "the" before a region ("across the
    // Kherson region"; not "near the U.S. Embassy", "in the Ye… neighbourhood")
    let region_word =
        |w: &str| any_of(w, &["region", "oblast", "province", "governorate", "district", "axis", "direction", "area"]);
    let prep_before = |ci: usize| {
        let c = &cands[ci];
        let mut k = c.t0;
        // "in northeast Nigeria", "in occupied Melitopol", "in the restive south of"
        while k > v.t0 + 1 && c.t0 - k < 2 && v.is(k - 1, WordClass::PlaceModifier) {
            k -= 1;
        }
        if k > v.t0 + 1 && v.lw(k - 1) == "the" && (region_word(v.lw(c.t1 - 1)) || region_word(v.lw(c.t1)) || k < c.t0)
        {
            k -= 1;
        }
        // a place naming the kind of thing after it: "at two Baghdad markets", "in a Kyiv
        // suburb", "near the Odesa port"
        let attributive = v.is_word(c.t1) && !v.is_capitalised(c.t1) && !is_function_word(v.lw(c.t1));
        if attributive && k == c.t0 {
            while k > v.t0 + 1 && c.t0 - k < 2 && (v.is(k - 1, DETERMINERS) || v.kind(k - 1) == Some(TokenKind::Number))
            {
                k -= 1;
            }
        }
        k > v.t0 && v.is(k - 1, LOCATIVE_PREPS)
    };
    let score = |ci: usize| -> (u32, i64) {
        let c = &cands[ci];
        // "the Darnytskyi district of Kyiv": the place after "of" is the one to report
        // a fronted frame ("On the Zaporizhzhia axis, the enemy shelled Orikhiv …") yields
        // to a place of the clause itself
        let fronted = c.t1 <= h.t0 && (v.lw(c.t1) == "," || (v.lw(c.t1 + 1) == "," && !v.is_capitalised(c.t1)));
        // (what is taken or left is where: "seize Selydove, then attack towards Kurakhove")
        let taken = roles.target_cand == Some(ci) && matches!(h.event_type, EventType::Seize | EventType::Retreat);
        let prep = (prep_before(ci) || taken) && v.lw(c.t1) != "of" && !fronted;
        let dist = (c.t0 as i64 - h.t0 as i64).abs();
        // a meeting is where it is "in" or "at": that place wins over any other it names
        // ("met in Germany to discuss sanctions against Moscow")
        let prep_weight = if h.event_type == EventType::Consult { 40 } else { 5 };
        (c.place_rank as u32 * 10 + 10 + if prep { prep_weight } else { 0 } - if fronted { 10 } else { 0 }, -dist)
    };
    // a place right before a verb of its own is who acts, not where: "downed 38 of the
    // drones Russia launched at the country", "the missiles Moscow fired"
    // (after a noun, as a relative clause without "that"; never after a preposition:
    // "shelling of Orikhiv killed a man")
    let acts_next = |c: &ArgCandidate| {
        c.t1 < v.t1
            && c.t0 > v.t0
            && v.is_word(c.t0 - 1)
            && (!is_function_word(v.lw(c.t0 - 1)) || matches!(v.lw(c.t0 - 1), "that" | "which"))
            && (v.is(c.t1, ORIGIN_VERBS) || hits.iter().any(|o| o.t0 == c.t1 && o.verb && o.t0 != h.t0))
    };
    let sentence_wide = physical || h.event_type == EventType::Consult;
    let pick = |same_clause: bool| {
        near(cands, h.t0.saturating_sub(WINDOW), h.t1 + WINDOW)
            .filter(|&ci| cands[ci].is_place() && !excluded(ci))
            // a talk or a pledge happens "in" a place; "Russia" elsewhere in it is a party
            .filter(|&ci| {
                physical
                    || (cands[ci].t0 > v.t0
                        && any_of(v.lw(cands[ci].t0 - 1), &["in", "at", "near", "outside", "inside"]))
            })
            // with no preposition before it a place is a party: a country anywhere ("Russia
            // has lost …"), any place before the trigger ("Kyiv accused Moscow of targeting")
            .filter(|&ci| {
                let c = &cands[ci];
                prep_before(ci)
                    || heads_line(v, c)
                    || roles.target_cand == Some(ci)
                    || (c.place_rank > 0 && c.t0 > h.t0)
                    // the subject of a passive is where it happened: "Antonivka and Bilozerka
                    // came under artillery fire", "Kherson was shelled"
                    || (physical && c.place_rank > 0 && c.t1 <= h.t0 && is_passive(v, h))
            })
            .filter(|&ci| cands[ci].t0 < h.t1 || !acts_next(&cands[ci]))
            // what a demand, accusation or threat names after its verb is what it is about
            // ("demanded that allies allow strikes inside Russia"), not where it was made
            .filter(|&ci| !said_type(h.event_type) || cands[ci].t1 <= h.t0)
            .filter(|&ci| !same_clause || v.clause_of(cands[ci].t0) == h.clause)
            // from another clause only when no other event stands between, and never the
            // speaker of an attribution ("Moscow ordered …", "Kyiv said")
            // (a place the speaker is "in" is where the reported thing happened: "Officials
            // in Kunduz province confirm that ... were killed")
            .filter(|&ci| {
                let clause = v.clause_of(cands[ci].t0);
                clause == h.clause
                    || (clause != NO_CLAUSE && !event_between(v, hits, h, cands[ci].t0))
                    || (clause == NO_CLAUSE && physical && cands[ci].t0 > v.t0 && v.lw(cands[ci].t0 - 1) == "in")
            })
            .max_by_key(|&ci| score(ci))
    };
    let best = pick(true).or_else(|| if sentence_wide { pick(false) } else { None });
    // an event's place is a settlement where the text names one: a district, square or
    // facility inside a town the sentence names gives the town
    let placed = |k: usize| prep_before(k) || (cands[k].t0 > v.t0 && v.lw(cands[k].t0 - 1) == "of");
    let best = best.map(|ci| settlement_around(v, cands, ci, placed).filter(|&s| !excluded(s)).unwrap_or(ci));
    if best.is_none() && PHYSICAL.contains(&h.event_type) {
        if let Some(found) = national_territory(v, cands, h) {
            return found;
        }
    }
    match best {
        Some(ci) => {
            let c = &cands[ci];
            let (arg, geo) = match settlement_in_name(v, c) {
                Some(e) => (
                    Argument {
                        text: e.canonical.to_string(),
                        canonical: Some(e.canonical.to_string()),
                        entity_id: Some(e.id.to_string()),
                    },
                    e.geo.clone(),
                ),
                None => place_of_cand(v, c),
            };
            let source = if v.clause_of(c.t0) == h.clause { "clause" } else { "sentence" };
            (Some(arg), Some(geo), Some(if v.headline { "headline" } else { source }), Some(ci))
        }
        None => (None, None, None, None),
    }
}

/// The place starting at `t0` is where weapons came from: "from" before it (over "the
/// direction(s) of", "the area of"), after a verb of origin ("fired from") or the weapons
/// themselves ("drones from the directions of Kursk").
fn launched_from(v: &EventSentence, t0: usize) -> bool {
    let mut k = t0;
    while k > v.t0 && t0 - k < 4 && matches!(v.lw(k - 1), "the" | "direction" | "directions" | "area" | "areas" | "of")
    {
        k -= 1;
    }
    if k <= v.t0 + 1 || v.lw(k - 1) != "from" {
        return false;
    }
    let from = k - 1;
    (from.saturating_sub(4).max(v.t0)..from).any(|i| v.is(i, ORIGIN_VERBS))
        || (from.saturating_sub(6).max(v.t0)..from)
            .any(|i| v.is(i, WordClass::AerialWeapon) || v.is(i, WEAPON_SUBJECTS))
}

/// "over seven Russian regions", "across Ukrainian territory", "in Russian airspace": a
/// demonym before an area noun, after a locative preposition, places the event in that
/// country when the clause names no place of its own.
fn national_territory(v: &EventSentence, cands: &[ArgCandidate], h: &Hit) -> Option<Placed> {
    let area = |w: &str| {
        any_of(w, &["region", "regions", "territory", "territories", "cities", "towns", "soil", "airspace", "border"])
    };
    let ci = near(cands, h.t0.saturating_sub(WINDOW), h.t1 + WINDOW).find(|&ci| {
        let c = &cands[ci];
        let mut k = c.t0;
        // (a count or a quantifier between: "over seven Russian regions")
        while k > v.t0 + 1
            && c.t0 - k < 2
            && (v.kind(k - 1) == Some(TokenKind::Number)
                || v.is(k - 1, WordClass::Quantifier)
                || v.is(k - 1, WordClass::Determiner)
                || v.is(k - 1, WordClass::GroupQuantifier))
        {
            k -= 1;
        }
        c.label == Some(Label::Norp)
            && v.clause_of(c.t0) == h.clause
            && area(v.lw(c.t1))
            && k > v.t0
            && any_of(v.lw(k - 1), &["over", "in", "across", "into", "on", "inside"])
    })?;
    let code = cands[ci].geo.country.as_deref()?;
    let country = v.res.place_kinds.by_code.get(code)?;
    let arg = country_argument(country);
    let geo = Geo {
        country: Some(country.code.clone()),
        lat: country.lat,
        lon: country.lon,
        place_type: Some(PlaceType::Country),
    };
    Some((Some(arg), Some(geo), Some("clause"), None))
}
