//! Triggers: lexicon hits (`event_triggers.tsv`) minus those inside a name, read as
//! something else, or lacking the context that makes them an event.

use super::{counts::*, view::*};
use crate::lexicon::{any_of, Trigger, WordClass};
use crate::model::{EventType, Label, MentionSource, TokenKind};

// ---------------------------------------------------------------------------------------
// Triggers

/// One trigger hit kept for the sentence.
#[derive(Debug, Clone)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub t0: usize,
    pub t1: usize,
    pub event_type: EventType,
    pub subtype: Option<String>,
    /// Read as a verb (its subject is the actor).
    pub verb: bool,
    pub clause: u32,
}

impl Hit {
    pub(super) fn is_casualty(&self) -> bool {
        self.event_type == EventType::Casualties
            && matches!(self.subtype.as_deref(), Some("killed") | Some("wounded") | Some(LOSSES))
    }
    pub(super) fn is_host(&self) -> bool {
        matches!(self.event_type, EventType::Assault | EventType::Fight)
    }
}

/// Lexicon hits in the sentence that pass the context checks.
pub(super) fn find_triggers(v: &EventSentence) -> Vec<Hit> {
    let s = v.ctx.seg.sentences[v.index as usize];
    let mut out = Vec::new();
    for (start, end, trig) in v.ctx.triggers_in(s.start, s.end) {
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
        // "a temporary deployment point", "attack helicopters": the noun modifies a thing
        if !trig.verb && t1 < v.t1 && v.is(t1, WordClass::CompoundHead) {
            continue;
        }
        // a participle used as an adjective names a state: "the proceeds of frozen assets",
        // "from destroyed homes"
        let participle = v.lw(t1 - 1).ends_with("ed") || v.lw(t1 - 1).ends_with("en");
        if trig.verb
            && participle
            && t0 > v.t0
            && any_of(v.lw(t0 - 1), &["of", "with", "from", "for", "about", "by"])
            && t1 < v.t1
            && v.is_word(t1)
            && !v.is(t1, WordClass::Determiner)
        {
            continue;
        }
        let lower = v.slice(t0, t1).to_lowercase();
        // "the 27 attack drones Russia sent over the country": weapons sent at a place are
        // an attack, not aid
        if trig.event_type == EventType::Aid && weapons_sent_at(v, t0, t1, &lower) {
            out.push(Hit {
                start,
                end,
                t0,
                t1,
                event_type: EventType::Assault,
                subtype: Some("attack".to_string()),
                verb: trig.verb,
                clause: 0,
            });
            continue;
        }
        if !plausible(v, t0, t1, &lower, trig) {
            continue;
        }
        // "Russian forces advanced north of Uspenivka", "made confirmed advances in Pokrovsk":
        // ground gained is a place reached (the attempt, "tried to advance", stays an attack)
        let (event_type, subtype) = if trig.event_type == EventType::Fight && ground_gained(v, t0, &lower) {
            (EventType::Seize, Some("advance".to_string()))
        } else {
            (trig.event_type, trig.subtype.clone())
        };
        // "an FPV drone killed a man", "a missile wounded two": the weapon that kills is the
        // strike the toll belongs to, as "a glide bomb killed two" is
        if trig.event_type == EventType::Casualties
            && trig.verb
            && matches!(trig.subtype.as_deref(), Some("killed") | Some("wounded"))
            && t0 > v.t0
            && v.is(t0 - 1, WordClass::AerialWeapon)
            && !out.iter().any(|h: &Hit| h.t1 == t0)
        {
            // (the weapon and its verb: "drone killed")
            out.push(Hit {
                start: v.tokens[t0 - 1].start,
                end,
                t0: t0 - 1,
                t1,
                event_type: EventType::Assault,
                subtype: Some("attack".to_string()),
                verb: false,
                clause: 0,
            });
        }
        out.push(Hit { start, end, t0, t1, event_type, subtype, verb: trig.verb, clause: 0 });
    }
    out
}

/// An advance that was made, not one under way or attempted: "advanced" as a finite verb
/// ("had likely advanced to the outskirts"), or "advances" as the noun of gains made
/// ("made confirmed advances", "marginal advances").
fn ground_gained(v: &EventSentence, t0: usize, lower: &str) -> bool {
    let prev = if t0 > v.t0 { v.lw(t0 - 1) } else { "" };
    match lower {
        "advanced" => !any_of(prev, &["to", "the", "an", "more", "most"]),
        "advances" => any_of(
            prev,
            &[
                "made",
                "make",
                "making",
                "makes",
                "confirmed",
                "marginal",
                "tactical",
                "recent",
                "further",
                "new",
                "some",
                "small",
                "limited",
            ],
        ),
        _ => false,
    }
}

/// The trigger is part of a name: "Security Council", "Battle of Bakhmut" (EVENT).
pub(super) fn inside_name(v: &EventSentence, start: usize, end: usize) -> bool {
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

/// The subtype of personnel losses ("the enemy lost up to 230 servicemen"): the dead and
/// the wounded together, so the figure is the row's quantity and neither `killed` nor
/// `injured`.
pub(super) const LOSSES: &str = "losses";
/// Words that make "sent", "provided", "delivered" … an aid event.
pub(super) const AID_OBJECTS: WordClass = WordClass::AidObject;
pub(super) const ATTACK_OBJECTS: WordClass = WordClass::AttackObject;

/// Prepositions that aim weapons at a place ("drones sent across the south", "missiles
/// launched against Kyiv"): weapons sent so are an attack, not aid.
const AIMED_AT: &[&str] = &["across", "against", "over"];

/// "Russia sent 90 drones over Ukraine", "the missiles Russia sent at Kyiv": a sending
/// verb with weapons as its object (after it, or just before its subject) and a
/// preposition aiming them at a place ("to" sends aid).
fn weapons_sent_at(v: &EventSentence, t0: usize, t1: usize, lower: &str) -> bool {
    if !matches!(lower, "sent" | "sends" | "sending" | "send") {
        return false;
    }
    let weapon = |i: usize| v.is(i, ATTACK_OBJECTS) && !v.is(i, AID_OBJECTS) || v.is(i, WordClass::AerialWeapon);
    let after = (t1..(t1 + 6).min(v.t1)).find(|&i| weapon(i));
    let before = (t0.saturating_sub(4).max(v.t0)..t0).any(weapon);
    let aim_from = after.map_or(t1, |i| i + 1);
    let aimed = (aim_from..(aim_from + 3).min(v.t1))
        .any(|i| any_of(v.lw(i), AIMED_AT) || any_of(v.lw(i), &["at", "into", "towards", "toward"]));
    (after.is_some() || before) && aimed
}

/// What a sanction can freeze: "froze the assets of", "freezing bank accounts".
const FROZEN_VALUES: &[&str] = &[
    "assets",
    "asset",
    "funds",
    "accounts",
    "account",
    "reserves",
    "property",
    "properties",
    "holdings",
    "money",
    "deposits",
    "payments",
    "yachts",
    "securities",
    "aid",
    "cooperation",
];

/// Words that make a ceasefire a happening: it was agreed, declared or brokered, or took
/// effect, began, collapsed.
const TRUCE_MADE: &[&str] = &[
    "agreed",
    "agree",
    "agrees",
    "declared",
    "declare",
    "declares",
    "announced",
    "announce",
    "announces",
    "brokered",
    "broker",
    "reached",
    "reach",
    "signed",
    "took",
    "takes",
    "came",
    "comes",
    "began",
    "begins",
    "started",
    "starts",
    "collapsed",
    "expired",
    "effect",
    "force",
];

/// Attack nouns that can be the subject of "hit" (besides the weapons themselves).
pub(super) const WEAPON_SUBJECTS: WordClass = WordClass::WeaponSubject;

/// Context checks for ambiguous trigger words. `lower` is the whole trigger, lowercased.
pub(super) fn plausible(v: &EventSentence, t0: usize, t1: usize, lower: &str, trig: &Trigger) -> bool {
    let prev = if t0 > v.t0 { v.lw(t0 - 1) } else { "" };
    let prev2 = if t0 > v.t0 + 1 { v.lw(t0 - 2) } else { "" };
    let next = v.lw(t1);
    let next2 = v.lw(t1 + 1);
    let next_is_object = v.is_capitalised(t1) || any_of(next, &["the", "a", "an", "its", "their", "his", "her"]);
    let prev_is_number =
        t0 > v.t0 && (v.kind(t0 - 1) == Some(TokenKind::Number) || v.numbers.iter().any(|p| p.end_tok == t0));
    // A verb with no subject opening a headline or sentence is a noun: "Fire at Kyiv hostel
    // kills three" (news has no imperatives outside quotes).
    if trig.verb
        && t0 == v.t0
        && v.is(t1, PREPOSITIONS)
        && !lower.ends_with("ed")
        && !lower.ends_with("ing")
        && v.is_capitalised(t0)
    {
        return false;
    }
    // "halted 9 attacks", "suspended its assaults": a defence or a pause in fighting, no
    // outage
    if trig.event_type == EventType::Disrupt
        && (t1..(t1 + 3).min(v.t1))
            .any(|i| matches!(v.lw(i), "attack" | "attacks" | "assault" | "assaults" | "offensive"))
    {
        return false;
    }
    // "captured dramatic footage", "captured the title": pictures and prizes, no seizure
    if trig.event_type == EventType::Seize
        && lower.starts_with("captur")
        && (t1..(t1 + 4).min(v.t1)).any(|i| v.is(i, WordClass::MediaObject))
    {
        return false;
    }
    // A participle used as an adjective: "the damaged building", "the occupied territories".
    if trig.verb
        && trig.event_type != EventType::Casualties
        && any_of(prev, DETERMINERS)
        && (lower.ends_with("ed") || lower.ends_with("ing"))
    {
        return false;
    }
    let window_has = |class: WordClass, n: usize| (t1..(t1 + n).min(v.t1)).any(|i| any_of(v.lw(i), class));
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
        "found" | "discovered" | "recovered" | "unearthed" | "confiscated" | "defused" | "dismantled" => {
            weapon_near(10)
        }
        // Taking something that is not a place or weapons is no capture: "take control of
        // services", "seized drugs and cash", "seized power in a coup" (a government taken,
        // no ground).
        "seized" | "seize" | "seizes" | "seizing" | "took control of" | "take control of" | "taken control of" => {
            next != "power" && (weapon_near(8) || territory_next(6) || next == "control")
        }
        // "holding back the enemy's attempts to advance", not "held back tears" or "held
        // back aid": only with an attack it holds back
        "holding back" | "held back" | "hold back" | "holds back" => (t1..(t1 + 5).min(v.t1)).any(|i| {
            any_of(
                v.lw(i),
                &[
                    "attempts",
                    "attempt",
                    "attack",
                    "attacks",
                    "assault",
                    "assaults",
                    "offensive",
                    "advance",
                    "enemy",
                    "onslaught",
                ],
            )
        }),
        "detonated" | "detonating" => {
            !any_of(prev2, &["squad", "experts", "sappers"]) && !any_of(prev, &["safely", "controlled"])
        }
        "beaten" => any_of(next, &["to", "by", "up", "and", "with"]) && !any_of(next2, &["back", "off"]),
        // "hurled grenades at", "a petrol bomb was thrown": only with a weapon in reach
        "hurled" | "hurling" | "lobbed" | "lobbing" | "threw" | "throwing" | "thrown" => weapon_near(6),
        "hacked" => next == "to",
        "defect" => any_of(next, &["to", "from"]),
        "treated for" => true,
        "have returned" => any_of(next, &["home", "to"]),
        "attack" | "attacks" => {
            // "sent waves of attack drones across the south": drones sent or launched at a
            // place are the attack itself
            let sent_at = any_of(next, &["drone", "drones"])
                && (t0.saturating_sub(4).max(v.t0)..t0).any(|i| any_of(v.lw(i), &["sent", "launched", "fired"]))
                && (t1..(t1 + 5).min(v.t1)).any(|i| any_of(v.lw(i), AIMED_AT) || v.lw(i) == "at");
            sent_at
                || !any_of(prev, &["heart", "panic", "asthma", "anxiety"])
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
            let weapon_before =
                (t0.saturating_sub(4).max(v.t0)..t0).any(|i| v.is(i, ATTACK_OBJECTS) || v.is(i, WEAPON_SUBJECTS));
            let weapon_agent = next == "by"
                && (t1 + 1..(t1 + 5).min(v.t1)).any(|i| v.is(i, ATTACK_OBJECTS) || v.is(i, WEAPON_SUBJECTS));
            // "hit the grid with 40 missiles"
            let weapon_with = (t1..(t1 + 8).min(v.t1))
                .any(|i| v.lw(i) == "with" && (i + 1..(i + 5).min(v.t1)).any(|k| v.is(k, ATTACK_OBJECTS)));
            (weapon_before && !any_of(next, &["back", "out", "hard", "record", "new", "the headlines"]))
                || weapon_agent
                || weapon_with
        }
        // "a missile slammed into a block", "a second missile fell in a field": only a
        // weapon falls or crashes as an attack (not "prices fell in May", "a plane crashed
        // into a hill" unless it was a drone)
        "slammed into" | "smashed into" | "crashed into" | "fell on" | "fell in" | "fell near" | "fallen on"
        | "fallen in" | "fallen near" | "landed on" | "landed in" | "landed near" | "slamming into"
        | "smashing into" | "crashing into" | "tore through" | "tears through" | "tearing through"
        | "ripped through" | "rips through" | "ripping through" | "fell onto" | "fell next to" | "fell close to"
        | "fell beside" | "landed onto" | "landed next to" | "landed close to" | "landed beside" | "came down on"
        | "came down in" | "came down near" | "came down next to" | "came down close to" | "exploded near"
        | "exploded in" | "exploded on" | "exploded next to" | "exploded outside" | "exploded over"
        | "crashed near" | "crashed onto" | "crashed on" => {
            let craft_or_event = |w: &str| {
                any_of(
                    w,
                    &[
                        "strike",
                        "strikes",
                        "attack",
                        "attacks",
                        "explosion",
                        "explosions",
                        "blast",
                        "blasts",
                        "aircraft",
                        "jet",
                        "jets",
                        "warplane",
                        "warplanes",
                        "helicopter",
                        "helicopters",
                        "tank",
                        "tanks",
                    ],
                )
            };
            // (the weapon may have its own modifiers: "shells fired by the paramilitary
            // Rapid Support Forces slammed into")
            let weapon = |i: usize| v.is(i, WEAPON_SUBJECTS) && !craft_or_event(v.lw(i));
            // (or the sentence's subject, for a verb coordinated after a long first one: "The
            // drone came in low over the river ..., and slammed into the seventh floor")
            (t0.saturating_sub(8).max(v.t0)..t0).any(weapon)
                || (t0 > v.t0 && v.lw(t0 - 1) == "and" && (v.t0..(v.t0 + 5).min(t0)).any(weapon))
        }
        // a warning is a threat when it announces a response: "warned that Russia would take
        // retaliatory steps", "warns of consequences" (not "warned residents to stay inside")
        "warned" | "warns" => (t1..(t1 + 15).min(v.t1)).any(|i| {
            let w = v.lw(i);
            w.starts_with("retaliat") || w.starts_with("consequence") || w == "response" || w == "respond"
        }),
        // "does not abandon attempts to", "abandoned plans": no position given up
        "abandon" | "abandoned" | "abandoning" | "abandons" => {
            !(t1..(t1 + 3).min(v.t1)).any(|i| v.is(i, WordClass::PlanNoun))
        }
        // "dropped guided bombs on", "dropped explosives from a drone"; not "dropped his
        // objections", "dropped by 5 %"
        // ("guided bombs were dropped on ...": the weapons as the subject of a passive)
        "dropped" | "drops" | "dropping" => {
            (t1..(t1 + 4).min(v.t1))
                .any(|i| v.is(i, WEAPON_SUBJECTS) || v.is(i, ATTACK_OBJECTS) || v.lw(i).starts_with("explosive"))
                || (any_of(prev, &["were", "was", "been"])
                    && (t0.saturating_sub(5).max(v.t0)..t0)
                        .any(|i| v.is(i, WEAPON_SUBJECTS) || v.is(i, ATTACK_OBJECTS)))
        }
        // "143 occupiers were eliminated", "eliminated 90 enemy soldiers": not a team or a
        // tax eliminated
        "eliminated" | "liquidated" => (t0.saturating_sub(4).max(v.t0)..(t1 + 4).min(v.t1))
            .any(|i| v.is(i, WordClass::PersonNoun) || v.is(i, WordClass::ForceNoun)),
        // "will not give up a single village", "gave way": no gift
        "give" | "gives" | "giving" | "gave" if any_of(next, &["up", "in", "way", "out", "rise", "birth", "chase"]) => {
            false
        }
        // "the enemy lost up to 140 servicemen": losses in a daily summary
        "lost" | "loses" | "lose" => (t1..(t1 + 3).min(v.t1)).any(|i| {
            v.numbers.iter().any(|p| {
                p.start_tok == i
                    && p.label == Label::Cardinal
                    && (p.end_tok..(p.end_tok + 2).min(v.t1)).any(|k| is_person_noun(v.lw(k)))
            })
        }),
        "war" | "warfare" => next == "broke" || next == "erupted",
        // "Poland scrambled fighter jets" (not "residents scrambled to the shelters")
        "scrambled" | "scrambles" => (t1..(t1 + 4).min(v.t1))
            .any(|i| matches!(v.lw(i), "jets" | "aircraft" | "fighters" | "planes" | "interceptors" | "helicopters")),
        // "the 617th day of the full-scale invasion", "since Russia's invasion": the war the
        // story happens in, not a happening of its own; one is reported when an army
        // "launched" or "began" it
        "invasion" | "invasions" | "full-scale invasion" => (t0.saturating_sub(3).max(v.t0)..t0).any(|i| {
            (v.is(i, WordClass::LightVerb) || v.is(i, WordClass::CarrierVerb))
                // "since the start of the invasion": the verb-like noun heads a phrase
                && !(i + 1..t0).any(|k| v.lw(k) == "of")
        }),
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
            ) || (v.numbers.iter().any(|p| p.start_tok == t1) && window_has(ATTACK_OBJECTS, 8))
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
        // "to storm the city", not "a storm flooded the coast"
        "storm" => next_is_object && !v.is(t0.saturating_sub(1).max(v.t0), WordClass::Determiner) || prev == "to",
        // "the battered port" is a description, "hammered out a deal" no attack
        "battered" | "hammered" | "pummeled" | "pummelled" | "battering" | "hammering" | "pummeling" | "pummelling" => {
            // (nor "the already battered island": a participle before its noun)
            let before_noun = v.is_word(t1)
                && !v.is_capitalised(t1)
                && !v.is(t1, WordClass::Determiner)
                && !v.is(t1, WordClass::Preposition)
                && !any_of(next, &["and", "or", "overnight", "again"]);
            !any_of(prev, &["the", "a", "an", "its", "their", "his", "her", "this", "that", "already", "badly"])
                && !any_of(next, &["out", "home", "away"])
                && !before_noun
        }
        "shell" | "shells" | "bomb" | "bombs" | "pound" | "pounds" | "batter" | "batters" | "hammer" | "hammers"
        | "pummel" | "pummels" => {
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
        // (not the anonymity formula "asked not to be named", "asked not to give his name")
        "asked" | "request" | "requested" => {
            (!any_of(next, &["about", "whether", "if", "how", "what", "why", "when", "for", "to"])
                || next == "for" && prev != "was")
                && !(next == "not" && next2 == "to")
        }
        // "the threat of encirclement", "under threat of": a danger, not a threat made
        "threat" | "threats" => next != "of",
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
                        &[
                            "westward",
                            "eastward",
                            "northward",
                            "southward",
                            "further",
                            "deeper",
                            "slowly",
                            "rapidly",
                            // "advanced north of Uspenivka"
                            "north",
                            "south",
                            "east",
                            "west",
                            "northwest",
                            "northeast",
                            "southwest",
                            "southeast",
                        ],
                    ))
        }
        // (translations keep the source language's preposition: "entered in Izium")
        // ("had entered several streets on the outskirts": a part of a place)
        "entered" => {
            !any_of(next, &["into", "office", "force", "service"])
                && (v.is_capitalised(t1)
                    || next == "the"
                    || (next == "in" && v.is_capitalised(t1 + 1))
                    || v.is(t1, WordClass::PlacePart)
                    || ((v.is(t1, WordClass::Quantifier) || v.is(t1, WordClass::Determiner))
                        && (t1 + 1..(t1 + 3).min(v.t1)).any(|i| v.is(i, WordClass::PlacePart))))
        }
        // "took Avdiivka", "had taken the village of Pishchane": a place or a settlement
        // noun right after; not "took part", "took the decision", "taken to hospital"
        "took" | "taken" => {
            let place_at = |k: usize| {
                let start = v.tokens[k].start;
                v.mentions.iter().any(|m| m.start == start && m.label.is_place())
            };
            (t1 < v.t1 && place_at(t1)) || (next == "the" && v.is(t1 + 1, WordClass::PlacePart) && v.lw(t1 + 2) == "of")
        }
        // ("in occupied Crimea", "from occupied Melitopol": a place's state, no capture)
        "occupied" | "occupy" | "occupies" | "occupying" => {
            let after_preposition = t0 > v.t0 && v.is(t0 - 1, WordClass::Preposition);
            !any_of(prev, &["temporarily", "the"])
                && !after_preposition
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
        // a freeze is a sanction only with something of value frozen: "froze the assets of",
        // "freezing bank accounts" (not "temperatures hovered around freezing", "people are
        // freezing", "freeze the conflict")
        "freeze" | "froze" | "frozen" | "freezing" => {
            !any_of(prev, &["a", "the"])
                && (t1..(t1 + 5).min(v.t1)).take_while(|&i| v.lw(i) != ",").any(|i| any_of(v.lw(i), FROZEN_VALUES))
        }
        // a ceasefire named as a topic ("proposals for a ceasefire", "reject a ceasefire",
        // "troops deployed after a ceasefire") is no agreement; one that is agreed, declared,
        // brokered or takes effect is
        "ceasefire" | "ceasefires" | "truce" | "truces" => {
            (t0.saturating_sub(3).max(v.t0)..(t1 + 3).min(v.t1)).any(|i| any_of(v.lw(i), TRUCE_MADE))
        }
        // "exchanged 150 prisoners of war", "relatives of prisoners of war": the people, not
        // a capture; "were taken as prisoners of war" is one
        "prisoners of war" => any_of(prev, &["as", "taken", "became", "become", "becoming"]),
        "disabled" => !any_of(next, &["people", "persons", "children", "veterans"]),
        "dying" => prev != "the",
        "executed" => !any_of(next, &["the plan", "plan", "order", "orders", "a plan"]),
        // "food supplies", "the supplies of Moscow": the noun, no event; the verb has its
        // subject right before it ("Germany supplies", "it also supplies")
        "supplies" => {
            (t0 > v.t0
                && v.is_capitalised(t0 - 1)
                && !v.is_title(t0 - 1)
                && !is_function_word(prev)
                && !any_of(prev, DETERMINERS))
                || (t0 > v.t0 && v.is(t0 - 1, WordClass::Pronoun))
                || any_of(prev, &["also", "still", "now", "already", "which", "that"])
        }
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
        _ if trig.event_type == EventType::Aid && trig.verb => {
            // "provided details", "sent a letter": only with something given; "food
            // supplies", "arms deliveries" are the noun; "to send more troops" is no aid
            let compound = t0 > v.t0 && v.is(t0 - 1, AID_OBJECTS);
            // (people sent with nothing given before them: "send toward the front thousands of
            // reservists"; not "send food to civilians")
            let person = |i: usize| v.is(i, WordClass::PersonNoun) && v.lw(i) != "more";
            let people = (t1..(t1 + 7).min(v.t1)).find(|&i| person(i) || v.is(i, AID_OBJECTS)).is_some_and(person);
            let amount = (t1..(t1 + 4).min(v.t1))
                .any(|i| v.numbers.iter().any(|p| p.start_tok == i && p.label != Label::Percent));
            // "Russia sent waves of attack drones across Ukraine": weapons sent against a
            // place are the attack, not a gift
            let against = (t1..(t1 + 8).min(v.t1)).any(|i| any_of(v.lw(i), AIMED_AT))
                && (t1..(t1 + 6).min(v.t1)).any(|i| v.is(i, ATTACK_OBJECTS));
            !compound && !people && !against && (window_has(AID_OBJECTS, 7) || amount)
        }
        _ => true,
    }
}
