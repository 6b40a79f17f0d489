//! The events of one sentence: triggers merged into drafts, each with its arguments,
//! counts, modality, date and source; one row per listed place.

use super::{candidates::*, clauses::*, counts::*, dating::*, modality::*, roles::*, source::*, triggers::*, view::*};
use crate::context::DocContext;
use crate::lexicon::{any_of, WordClass};
use crate::model::{Argument, Days, Event, EventType, Geo, Modality, Quote, TokenKind};

// ---------------------------------------------------------------------------------------
// Events of one sentence

/// Subtypes too general to win over the subtype of a merged noun.
pub(super) const GENERIC_SUBTYPES: &[&str] = &["attack", ""];
/// The subtype of an attack by ground troops ("attacked near X", "repelled 12 assaults").
pub(super) const GROUND_ATTACK: &str = "ground attack";

/// An event being built: its trigger, the casualty triggers folded into it, and counts.
pub(super) struct Draft {
    hit: Hit,
    casualties: Vec<Hit>,
    absorbed: Vec<Hit>,
}

/// The events of one sentence, and whether the sentence tells of an accident or disaster
/// (None when it has no cue either way; `carried`: the paragraph's last verdict was one).
/// Paragraphs whose context words tell of an accident or disaster and never of violence: a
/// sentence there with no context word of its own belongs to the accident ("Fresh
/// explosions near the blast site ..." before "... the toxic chemicals in the warehouse").
pub(super) fn accident_paragraphs(ctx: &DocContext) -> Vec<u32> {
    let mut verdicts: Vec<(u32, bool)> = Vec::new(); // (paragraph, violent)
    for s in &ctx.seg.sentences {
        for (_, _, &violent) in ctx.event_context_in(s.start, s.end) {
            verdicts.push((s.paragraph, violent));
        }
    }
    let mut out: Vec<u32> = verdicts.iter().filter(|v| !v.1).map(|v| v.0).collect();
    out.dedup();
    out.retain(|p| !verdicts.iter().any(|v| v.0 == *p && v.1));
    out
}

pub(super) fn sentence_events(v: &mut EventSentence, quotes: &[Quote], carried: bool) -> (Vec<Event>, Option<bool>) {
    let s = v.ctx.seg.sentences[v.index as usize];
    let cues: Vec<(usize, bool)> =
        v.ctx.event_context_in(s.start, s.end).map(|(a, _, &violent)| (v.ctx.token_at(a), violent)).collect();
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
    let attributions = attributions(v, quotes, &hits);
    assign_clauses(v, &attributions, &hits);
    let v: &EventSentence = v;
    let cands = candidates(v, &hits);
    hits.retain(|h| v.clause_of(h.t0) != NO_CLAUSE);
    for h in hits.iter_mut() {
        h.clause = v.clause_of(h.t0);
    }
    drop_accidents(v, &mut hits, &cues, verdict.unwrap_or(false) || (verdict.is_none() && carried));
    if hits.is_empty() {
        return (Vec::new(), verdict);
    }
    for h in hits.iter_mut() {
        h.verb = reads_as_verb(v, &cands, h);
    }
    let mut drafts = merge(v, hits.clone());
    drop_talked_about(v, &mut drafts);
    let dates = sentence_dates(v);
    let trailing = trailing_attributions(v, &attributions, &hits);
    let sources: Vec<Option<Argument>> =
        drafts.iter().map(|d| source_for(v, &attributions, &trailing, quotes, &d.hit)).collect();
    // Numbers that count casualties are no quantity of any event of the sentence.
    let mut casualty_numbers: Vec<usize> = drafts
        .iter()
        .flat_map(|d| d.casualties.iter())
        .filter(|c| c.subtype.as_deref() != Some(LOSSES))
        .filter_map(|c| casualty_count(v, c).and_then(|(_, tok)| tok))
        .collect();
    casualty_numbers.sort_unstable();
    let events = drafts
        .iter()
        .zip(sources.iter())
        .flat_map(|(d, source)| build_event(v, &cands, &hits, d, &dates, source, quotes, &casualty_numbers))
        .collect();
    (events, verdict)
}

/// What a demand, an accusation, a threat or talks are about is no happening of its own:
/// "urges faster arms deliveries", "refused to return to talks on the grain deal",
/// "warned of new sanctions". A noun of aid, agreement, talks or sanctions after such a
/// trigger in its clause (within twelve words) goes; verbs stay, with their own modality
/// ("urged allies to send more air defence").
pub(super) fn drop_talked_about(v: &EventSentence, drafts: &mut Vec<Draft>) {
    let frames = |t: EventType| {
        matches!(
            t,
            EventType::Demand | EventType::Accuse | EventType::Threaten | EventType::Negotiate | EventType::Consult
        )
    };
    let topic = |t: EventType| {
        matches!(t, EventType::Aid | EventType::Agree | EventType::Negotiate | EventType::Sanction | EventType::Consult)
    };
    // "accused Kyiv of deliberately targeting civilians": the act the accusation names
    let accused_act = |d: &Draft| {
        d.hit.verb
            && v.lw(d.hit.t0).ends_with("ing")
            && (d.hit.t0.saturating_sub(3).max(v.t0)..d.hit.t0).any(|k| v.lw(k) == "of")
            && drafts.iter().any(|f| {
                f.hit.event_type == EventType::Accuse
                    && f.hit.clause == d.hit.clause
                    && f.hit.t1 <= d.hit.t0
                    && d.hit.t0 <= f.hit.t1 + 8
            })
    };
    let framed: Vec<bool> = drafts
        .iter()
        .map(|d| {
            accused_act(d)
                || halted_topic(v, &d.hit)
                || !d.hit.verb
                    && topic(d.hit.event_type)
                    && drafts.iter().any(|f| {
                        frames(f.hit.event_type)
                            && f.hit.clause == d.hit.clause
                            && f.hit.t1 <= d.hit.t0
                            && d.hit.t0 <= f.hit.t1 + 12
                    })
        })
        .collect();
    let mut i = 0;
    drafts.retain(|_| {
        i += 1;
        !framed[i - 1]
    });
}

/// "a halt to strikes on energy facilities", "a pause in the shelling", "a moratorium on
/// attacks": what a proposal or a truce would stop is no happening of its own.
fn halted_topic(v: &EventSentence, h: &Hit) -> bool {
    const STOPS: &[&str] =
        &["halt", "pause", "moratorium", "end", "stop", "ban", "cessation", "suspension", "freeze", "truce"];
    if !matches!(h.event_type, EventType::Assault | EventType::Fight | EventType::Destroy) {
        return false;
    }
    // the stop word, a preposition, then at most two modifiers before the noun
    (h.t0.saturating_sub(4).max(v.t0)..h.t0).any(|k| {
        any_of(v.lw(k), STOPS) && any_of(v.lw(k + 1), &["to", "in", "on", "of"]) && (k + 2..h.t0).all(|m| v.is_word(m))
    })
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
pub(super) fn guarded(v: &EventSentence, h: &Hit) -> bool {
    matches!(h.event_type, EventType::Assault | EventType::Fight | EventType::Destroy)
        && v.res.guarded_triggers.contains(v.slice(h.t0, h.t1).to_lowercase().as_str())
}

pub(super) fn unmistakable_attack(v: &EventSentence, h: &Hit) -> bool {
    matches!(h.event_type, EventType::Assault | EventType::Fight) && !guarded(v, h)
}

pub(super) fn drop_accidents(v: &EventSentence, hits: &mut Vec<Hit>, cues: &[(usize, bool)], accident: bool) {
    let physical = |h: &Hit| {
        matches!(h.event_type, EventType::Assault | EventType::Fight | EventType::Destroy | EventType::Casualties)
    };
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
pub(super) fn merge(v: &EventSentence, hits: Vec<Hit>) -> Vec<Draft> {
    // destruction by a weapon is an attack: "drones damaged a warehouse and injured five"
    // (read off all the hits before they are folded into drafts)
    let armed_destruction: Vec<(usize, bool)> = hits
        .iter()
        .filter(|h| h.event_type == EventType::Destroy && weapon_subject(v, h, &hits))
        .map(|h| (h.t0, h.verb))
        .collect();
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
                && h.event_type != EventType::Casualties;
            let purpose =
                h.verb && last.hit.verb && h.t0 > v.t0 && v.lw(h.t0 - 1) == "to" && h.clause == last.hit.clause;
            if purpose && h.event_type == last.hit.event_type && !h.is_casualty() {
                last.absorbed.push(h);
                continue;
            }
            // "missiles hit the port, destroying 60,000 tonnes of grain": what the attack
            // did is part of it, not a second happening (so is how it was done: "carried out
            // 52 air strikes, dropping 96 guided bombs")
            let consequence = h.verb
                && (last.hit.verb || last.hit.event_type == EventType::Assault)
                && matches!(last.hit.event_type, EventType::Assault | EventType::Fight)
                && matches!(h.event_type, EventType::Assault | EventType::Destroy)
                && v.lw(h.t0).ends_with("ing")
                && h.t0 > v.t0
                && v.tx(h.t0 - 1) == ","
                && h.t0 <= last.hit.t1 + 12
                && !coordinated;
            // "a Ukrainian strike has destroyed a pontoon bridge": the attack named as the
            // subject of what it did; "11 enemy assaults were repelled": of what was done to it
            let subject_attack = !last.hit.verb
                && h.verb
                && matches!(last.hit.event_type, EventType::Assault)
                && matches!(h.event_type, EventType::Destroy | EventType::Fight)
                && h.clause == last.hit.clause
                && h.t0 <= last.hit.t1 + 3
                && (last.hit.t1..h.t0).all(|k| v.is(k, WordClass::Auxiliary) || v.lw(k).ends_with("ly"));
            // "approved a 13th package of sanctions": a verb that gives or passes takes the
            // type of what it passes
            let generic_verb = last.hit.verb
                && !h.verb
                && last.hit.event_type == EventType::Aid
                && h.event_type != EventType::Aid
                && !h.is_casualty()
                && close;
            if generic_verb {
                let verb = std::mem::replace(&mut last.hit, h);
                last.absorbed.push(verb);
                continue;
            }
            // "destroyed or damaged", "killed and wounded" side by side: one happening
            let pair = h.t0 == last.hit.t1 + 1
                && matches!(v.lw(last.hit.t1), "or" | "and")
                && h.event_type == last.hit.event_type
                && h.verb == last.hit.verb
                && !h.is_casualty();
            if pair {
                last.absorbed.push(h);
                continue;
            }
            if subject_attack && h.event_type == EventType::Fight {
                let noun = std::mem::replace(&mut last.hit, h);
                last.absorbed.push(noun);
                continue;
            }
            // (and the weapons a folded participle names: "..., dropping 58 guided bombs")
            let object_of_folded = !h.verb
                && h.event_type == EventType::Assault
                && last.absorbed.iter().any(|a| {
                    a.verb
                        && a.t1 <= h.t0
                        && h.t0 <= a.t1 + 3
                        && (a.t1..h.t0).all(|k| matches!(v.kind(k), Some(TokenKind::Word) | Some(TokenKind::Number)))
                });
            if consequence || subject_attack || object_of_folded {
                last.absorbed.push(h);
                continue;
            }
            // "repelled 18 enemy attacks", "fought off an assault": the attacks are what the
            // fighting was about, not events of their own
            if close
                && last.hit.verb
                && !h.verb
                && last.hit.event_type == EventType::Fight
                && h.event_type == EventType::Assault
            {
                last.absorbed.push(h);
                continue;
            }
            if close && h.event_type == last.hit.event_type && h.verb != last.hit.verb && !h.is_casualty() {
                // the event is named by the verb, unless the verb only carries a noun
                // ("launched 2 missile strikes", "carried out an offensive"): then the noun
                let light = |x: &Hit| x.verb && (x.t0..x.t1).any(|k| v.is(k, WordClass::CarrierVerb));
                if h.verb && !light(&h) || (!h.verb && light(&last.hit)) {
                    let other = std::mem::replace(&mut last.hit, h);
                    last.absorbed.push(other);
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
    let hosts = |d: &Draft| {
        d.hit.is_host()
            || (d.hit.event_type == EventType::Destroy && armed_destruction.contains(&(d.hit.t0, d.hit.verb)))
    };
    for c in pending {
        // the attack's own clause, else a clause tied to it by "when"/"after"/"as", or the
        // clause a casualty verb continues after ", and" ("10 people were killed when a
        // missile hit …", "struck a building, killing three, and injuring 14")
        let same_clause = kept.iter().any(|d| hosts(d) && d.hit.clause == c.clause);
        let linked = |k: u32| {
            k == c.clause || (!same_clause && (subordinate_link(v, c.clause, k) || continued_clause(v, &c, k)))
        };
        let host = kept
            .iter()
            .enumerate()
            .filter(|(_, d)| hosts(d) && linked(d.hit.clause))
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
            |g: &Draft| g.casualties.iter().any(|x| x.subtype == c.subtype && casualty_count(v, x).is_some());
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
pub(super) fn weapon_subtype(v: &EventSentence, h: &Hit) -> Option<&'static str> {
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
pub(crate) fn event_between(v: &EventSentence, hits: &[Hit], h: &Hit, tok: usize) -> bool {
    let (lo, hi) = if tok < h.t0 { (tok, h.t0) } else { (h.t1, tok) };
    let tok_clause = v.clause_of(tok);
    hits.iter().any(|o| {
        o.t0 != h.t0
            && o.event_type != EventType::Casualties
            && ((o.t0 >= lo && o.t1 <= hi) || (tok_clause != NO_CLAUSE && v.clause_of(o.t0) == tok_clause))
    })
}

/// The subject right before the verb `h` is a weapon: "Government warplanes destroyed
/// ...", "drones have damaged" (not a trigger of its own: "a drone strike set fire to"
/// stays two events).
fn weapon_subject(v: &EventSentence, h: &Hit, hits: &[Hit]) -> bool {
    let mut k = h.t0;
    while k > v.t0 && (v.is(k - 1, AUX) || v.is(k - 1, ADVERBS)) {
        k -= 1;
    }
    h.verb && k > v.t0 && v.is(k - 1, WordClass::WeaponSubject) && !hits.iter().any(|o| o.t0 < k && k - 1 < o.t1)
}

/// The place at token `t0` is introduced as one approached, not hit: "near X", "around
/// X", "towards X", "in the area of X", "in the direction of X", "on the outskirts of X".
fn approached(v: &EventSentence, t0: usize) -> bool {
    let before = |k: usize| if t0 >= v.t0 + k { v.lw(t0 - k) } else { "" };
    matches!(before(1), "near" | "around" | "towards" | "toward" | "outside")
        || (before(1) == "of" && matches!(before(2), "area" | "areas" | "vicinity" | "direction" | "outskirts"))
}

/// Casualty word `c` continues clause `k` before it: it opens the clause after ", and"
/// right after `k` ("..., killing three people, including a boy, and injuring 14"), or it
/// is a participle after a comma, which tells what the event before did even across an
/// attribution ("The missile hit a college, the governor said, injuring three").
fn continued_clause(v: &EventSentence, c: &Hit, k: u32) -> bool {
    let after_and =
        k.checked_add(1) == Some(c.clause) && c.t0 >= v.t0 + 2 && v.lw(c.t0 - 1) == "and" && v.lw(c.t0 - 2) == ",";
    let participle = k < c.clause && c.t0 > v.t0 && v.lw(c.t0 - 1) == "," && v.lw(c.t0).ends_with("ing");
    c.clause != NO_CLAUSE && (after_and || participle)
}

/// Clauses `a` and `b` are adjacent and the later one opens with a temporal or causal
/// subordinator ("when", "after", "as"): the casualties of one are the attack of the other.
pub(super) fn subordinate_link(v: &EventSentence, a: u32, b: u32) -> bool {
    if a == NO_CLAUSE || b == NO_CLAUSE || a == b {
        return false;
    }
    // adjacent: no clause with tokens between them (", when" skips an id: the comma and
    // the subordinator each open one)
    let (earlier, later) = (a.min(b), a.max(b));
    if (v.t0..v.t1).any(|i| (earlier + 1..later).contains(&v.clause_of(i))) {
        return false;
    }
    match (v.t0..v.t1).find(|&i| v.clause_of(i) == later) {
        Some(i) if i > v.t0 => matches!(v.lw(i - 1), "when" | "after" | "as" | "since" | "because" | "where"),
        _ => false,
    }
}

#[allow(clippy::too_many_arguments)]
/// The event of one draft, one row per place when it happened at several listed places
/// ("missiles struck Lviv, Ternopil and Dnipro": three rows with the same trigger).
pub(super) fn build_event(
    v: &EventSentence,
    cands: &[ArgCandidate],
    hits: &[Hit],
    d: &Draft,
    dates: &[(usize, Days, String)],
    source: &Option<Argument>,
    quotes: &[Quote],
    casualty_numbers: &[usize],
) -> Vec<Event> {
    let h = &d.hit;
    let mut roles = super::roles::roles(v, cands, h, hits);
    // A folded noun may carry what the verb lacks: "pledged $2 billion in aid to Ukraine".
    for noun in &d.absorbed {
        let extra = super::roles::roles(v, cands, noun, hits);
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
    let (location, geo, location_source, place_cand) = location(v, cands, h, &roles, &others);
    let subtype =
        if h.event_type == EventType::Assault && GENERIC_SUBTYPES.contains(&h.subtype.as_deref().unwrap_or("")) {
            weapon_subtype(v, h).map(str::to_string).or_else(|| h.subtype.clone())
        } else {
            h.subtype.clone()
        };
    // "Turkish jets destroyed weapon depots", "a missile destroyed the bridge": destruction by
    // a weapon or warplane is an attack
    let armed_subject = roles.actor_cands.iter().any(|&ci| {
        let c = &cands[ci];
        // (an air force strikes from the air: "The Syrian Air Force destroyed vehicles")
        c.t1 > c.t0
            && (v.is(c.t1 - 1, WordClass::WeaponSubject)
                || (c.t1 - c.t0 >= 2 && v.lw(c.t1 - 2) == "air" && matches!(v.lw(c.t1 - 1), "force" | "forces")))
    }) || weapon_subject(v, h, hits);
    // (what is shot down, or the subject of a passive, is what was destroyed: "six drones
    // were shot down", "the missile was destroyed")
    let destroyed_weapon = h.subtype.as_deref() == Some("shot down") || is_passive(v, h);
    let event_type = if h.event_type == EventType::Destroy && h.verb && armed_subject && !destroyed_weapon {
        EventType::Assault
    } else {
        h.event_type
    };
    // "the enemy attacked near Bohdanivka", "assaults in the area of Vesele": an attack with
    // no weapon, no target and no casualties, at a place it is near, is a ground attack
    // (an ASSAULT, as the design's list of types has it; a battle or clash is a FIGHT)
    let ground = event_type == EventType::Assault
        && subtype.as_deref() == Some("attack")
        && roles.target_cand.is_none()
        && d.casualties.is_empty()
        && place_cand.is_some_and(|ci| cands[ci].is_place() && approached(v, cands[ci].t0));
    // "the enemy tried to advance near Terny", "attempts to break through": an attempted
    // advance is a ground attack that happened (it failed, or the text would say so)
    let attempt = event_type == EventType::Fight && subtype.as_deref() == Some("offensive") && attempted(v, h);
    let subtype = if ground || attempt { Some(GROUND_ATTACK.to_string()) } else { subtype };
    let event_type = if attempt { EventType::Assault } else { event_type };
    // Counts
    let mut killed = None;
    let mut injured = None;
    let mut approximate = None;
    let mut used_numbers: Vec<usize> = casualty_numbers.to_vec();
    for c in &d.casualties {
        if c.subtype.as_deref() == Some(LOSSES) {
            continue; // the figure is the quantity
        }
        if let Some((count, number_tok)) = casualty_count(v, c) {
            let slot = if c.subtype.as_deref() == Some("wounded") { &mut injured } else { &mut killed };
            if slot.is_none() && count.is_some() {
                *slot = count;
                if approximate_count(v, number_tok) || vague_count_near(v, c) {
                    approximate = Some(true);
                } else if approximate.is_none() {
                    approximate = Some(false);
                }
            }
            used_numbers.extend(number_tok);
        }
    }
    let losses = h.subtype.as_deref() == Some(LOSSES);
    // losses "across the front" or "in all areas" sum up the day's fighting everywhere
    let aggregate = running_total(v, h, &d.casualties) || (losses && front_wide(v, h));
    used_numbers.sort_unstable();
    let quantity = if h.event_type == EventType::Casualties
        && !matches!(h.subtype.as_deref(), Some("captured") | Some("missing") | Some(LOSSES))
    {
        None
    } else {
        quantity(v, h, &d.absorbed, &used_numbers, hits)
    };
    let modality = match modality(v, h) {
        Modality::Hypothetical if attempt => Modality::Asserted,
        m => m,
    };
    let (mut date, mut date_text, mut date_source) = nearest_date(v, h, dates, hits);
    // "without power this Friday, two days after strikes hit the grid": the strikes' day is
    // two days before the sentence's
    if let Some(days_before) = span_before_clause(v, h) {
        let other = dates.iter().find(|(t, _, _)| v.clause_of(*t) != h.clause);
        if let Some((_, day, text)) = other.filter(|_| date_source != Some("clause")) {
            date = Some(day - days_before);
            date_text = Some(text.clone());
            date_source = Some("sentence");
        }
    }
    // Source: the quote the trigger sits in, else the sentence's attribution.
    let in_quote = quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| q.start <= h.start && h.end <= q.end)
        .min_by_key(|(_, q)| q.end - q.start);
    let (source, quote_id) = match in_quote {
        Some((i, q)) => (q.speaker.as_ref().map(speaker_argument), Some(i as u32)),
        None => (source.clone(), None),
    };
    // "air defence destroyed 14 drones", "two missiles were neutralised": what flies and is
    // destroyed was shot down
    let aerial = |t: &str| last_word_is(t, WordClass::AerialWeapon);
    // (or the subject of a passive: "24 of the 31 drones were destroyed by air defence")
    let flying_subject = is_passive(v, h)
        && (h.t0.saturating_sub(8).max(v.t0)..h.t0)
            .any(|k| v.clause_of(k) == h.clause && v.is(k, WordClass::AerialWeapon));
    let flies = flying_subject
        || roles.target.as_ref().map(|a| a.text.as_str()).into_iter().chain(quantity.as_deref()).any(aerial);
    let subtype = if event_type == EventType::Destroy && subtype.as_deref() == Some("destroyed") && flies {
        Some("shot down".to_string())
    } else {
        subtype
    };
    let mut actor = roles.actor;
    if actor.is_none() && roles.pronoun_subject {
        actor = source.clone();
    }
    // "Ukraine lost up to 1,350 servicemen", "the Ukrainian army's losses": who loses is
    // whom the losses were dealt to; the actor, as for any casualties, is who dealt them
    // (not in "inflicted losses on three brigades")
    if losses && !(h.t0 > v.t0 && any_of(v.lw(h.t0 - 1), &["inflicted", "inflicting", "inflict", "caused", "causing"]))
    {
        use super::discourse::{actor_side, forces, other_side};
        let dealer = actor.as_ref().and_then(actor_side).map(other_side);
        actor = dealer.and_then(|side| armed_forces_of(v.ctx.res, side)).map(|(name, id)| forces(name, id));
    }
    let event = Event {
        start: h.start,
        end: h.end,
        sentence: v.index,
        event_type,
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
        aggregate: Some(aggregate && (killed.is_some() || injured.is_some() || losses)),
    };
    // the listed places: the chosen place's list, else the target's ("hit A and B, killing
    // three in B": the place picked is the later B)
    let listed = match place_cand {
        Some(ci) if PHYSICAL.contains(&h.event_type) && h.event_type != EventType::Consult => {
            let own = coordinated_places(v, cands, ci);
            match roles.target_cand {
                Some(t) if own.len() < 2 && t != ci => {
                    let theirs = coordinated_places(v, cands, t);
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
pub(super) fn split_by_place(
    v: &EventSentence,
    cands: &[ArgCandidate],
    d: &Draft,
    event: Event,
    listed: &[usize],
) -> Vec<Event> {
    let tied = d.casualties.iter().find_map(|c| {
        let mut k = c.t1;
        while k < v.t1 && k < c.t1 + 6 && !matches!(v.lw(k), "in" | "near" | "at") {
            k += 1;
        }
        if !matches!(v.lw(k), "in" | "near" | "at") {
            return None;
        }
        let named = cands.iter().find(|c| c.t0 == k + 1 && c.label.is_some_and(|l| l.is_place()))?;
        let same = |c: &ArgCandidate| c.t0 == named.t0 || (c.entity_id.is_some() && c.entity_id == named.entity_id);
        listed.iter().position(|&ci| same(&cands[ci]))
    });
    let owner = tied.unwrap_or(0);
    listed
        .iter()
        .enumerate()
        .map(|(i, &ci)| {
            let mut e = event.clone();
            let (arg, geo) = place_of_cand(v, &cands[ci]);
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

/// The trigger is what was attempted: "tried (without success) to advance", "attempts to
/// break through", "trying to storm".
fn attempted(v: &EventSentence, h: &Hit) -> bool {
    let to = (h.t0.saturating_sub(2).max(v.t0)..h.t0).rev().find(|&k| v.lw(k) == "to");
    to.is_some_and(|k| {
        (k.saturating_sub(4).max(v.t0)..k).any(|i| {
            matches!(
                v.lw(i),
                "tried" | "tries" | "try" | "trying" | "attempted" | "attempting" | "attempt" | "attempts" | "sought"
            )
        })
    })
}
