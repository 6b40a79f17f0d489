//! Argument candidates: the entity mentions of the sentence (PERSON, ORG, GPE, NORP, LOC,
//! FAC), widened over a following force noun ("Russian" + "forces" → "Russian forces"), plus
//! capitalised phrases the recogniser did not mark; whether a trigger reads as a verb.

use super::{discourse::*, triggers::*, view::*};
use crate::lexicon::{any_of, FxHashSet, Resources, SideKind, WordClass};
use crate::model::{Argument, EventType, Geo, Label, Mention, MentionSource, TokenKind};

/// Something that can fill a role.
#[derive(Debug, Clone)]
pub(crate) struct ArgCandidate {
    pub t0: usize,
    pub t1: usize,
    pub start: usize,
    pub end: usize,
    pub label: Option<Label>,
    pub canonical: Option<String>,
    pub entity_id: Option<String>,
    pub geo: Geo,
    /// An adjective in front of a noun ("Russian" in "Russian shelling"): an actor of that
    /// noun, never a subject or object by itself.
    pub modifier: bool,
    /// 0 country, 1 region, 2 city or other place, 3 facility; 0 for non-places.
    pub place_rank: u8,
}

impl ArgCandidate {
    pub(super) fn is_place(&self) -> bool {
        self.label.is_some_and(|l| l.is_place())
    }
}

/// "…, the regional governor said", "according to X": a span cut out of the clauses, and
/// its speaker phrase.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub t0: usize,
    pub t1: usize,
    pub np: Option<(usize, usize)>,
    pub according: bool,
}

/// Actor and target of one trigger.
#[derive(Debug, Default)]
pub(crate) struct Roles {
    pub actor: Option<Argument>,
    pub target: Option<Argument>,
    pub actor_cands: Vec<usize>,
    pub target_cand: Option<usize>,
    /// The subject is a pronoun ("they recaptured"): the source may stand in as actor.
    pub pronoun_subject: bool,
}

pub(crate) const FORCE_NOUNS: WordClass = WordClass::ForceNoun;
pub(super) const ROLE_WORDS: WordClass = WordClass::RoleWord;
pub(super) const NP_ADJECTIVES: WordClass = WordClass::NpAdjective;
pub(super) const PRONOUNS: WordClass = WordClass::Pronoun;
pub(super) const LOCATIVE_PREPS: WordClass = WordClass::PlacePreposition;
pub(super) const LIGHT_VERBS: WordClass = WordClass::LightVerb;
/// Verbs whose "from X" is where a weapon left, not where it struck.
pub(super) const ORIGIN_VERBS: WordClass = WordClass::OriginVerb;
/// Types whose two parties play the same part ("Russia and Ukraine held talks").
pub(super) const SYMMETRIC: &[EventType] =
    &[EventType::Consult, EventType::Negotiate, EventType::Agree, EventType::Fight];
/// Types that happen at a place, so their target may be the location ("recaptured Lyman").
pub(crate) const PHYSICAL: &[EventType] = &[
    EventType::Assault,
    EventType::Fight,
    EventType::Seize,
    EventType::Retreat,
    EventType::Destroy,
    EventType::Displace,
    EventType::Casualties,
    EventType::Disrupt,
    EventType::Mobilize,
    EventType::Protest,
    EventType::Arrest,
    EventType::Consult,
];
/// Types whose object may be a plain noun phrase ("shelled the plant").
pub(super) const NP_OBJECT_TYPES: &[EventType] = &[
    EventType::Assault,
    EventType::Destroy,
    EventType::Seize,
    EventType::Disrupt,
    EventType::Arrest,
    EventType::Retreat,
];

// ---------------------------------------------------------------------------------------
// Places: countries and regions rank below towns

pub(crate) fn place_rank(res: &Resources, label: Label, canonical: Option<&str>, id: Option<&str>) -> u8 {
    if label == Label::Fac {
        return 3;
    }
    if !label.is_place() {
        return 0;
    }
    let k = &res.place_kinds;
    let is =
        |set: &FxHashSet<String>| id.is_some_and(|i| set.contains(i)) || canonical.is_some_and(|c| set.contains(c));
    if is(&k.countries) {
        0
    } else if id.is_some_and(|i| k.regions.contains(i)) {
        1
    } else {
        2
    }
}

// ---------------------------------------------------------------------------------------
// Sides: group nouns that name an armed force (`actor_sides.tsv`)

/// The longest phrase of `kind` starting at token `i`: (end token, country).
pub(super) fn side_phrase_at<'a>(v: &EventSentence<'a>, i: usize, kind: SideKind) -> Option<(usize, &'a str)> {
    let rows = v.res.sides.phrases.get(v.lw(i))?;
    rows.iter()
        .filter(|(rest, k, _)| *k == kind && rest.iter().enumerate().all(|(j, w)| v.lw(i + 1 + j) == w.as_str()))
        .max_by_key(|(rest, _, _)| rest.len())
        .map(|(rest, _, c)| (i + 1 + rest.len(), c.as_str()))
}

/// Tokens `[a, b)` after a demonym end in a military noun ("forces", "air defence").
pub(super) fn military_tail(v: &EventSentence, a: usize, b: usize) -> bool {
    (a..b).any(|i| side_phrase_at(v, i, SideKind::Military).is_some_and(|(e, _)| e == b))
}

/// A country as an argument: its name, canonical and id.
pub(crate) fn country_argument(c: &crate::lexicon::Country) -> Argument {
    Argument { text: c.name.clone(), canonical: Some(c.name.clone()), entity_id: Some(c.id.clone()) }
}

/// Does the last word of `words` belong to `class` ("an FPV drone", "42 Ukrainian drones")?
pub(crate) fn last_word_is(words: &str, class: WordClass) -> bool {
    let last = words.rsplit(' ').next().unwrap_or("").to_lowercase();
    crate::lexicon::words().is(&last, class)
}

/// The armed forces of a country as an actor: (canonical name, entity id).
pub(crate) fn armed_forces_of<'r>(res: &'r Resources, country: &str) -> Option<(&'r str, &'r str)> {
    res.sides.armed_forces.get(country).map(|(n, id)| (n.as_str(), id.as_str()))
}

// ---------------------------------------------------------------------------------------
// Candidates

/// "forces" after "Russian", "'s military" after "Ukraine": the end token of the widened
/// phrase, allowing two lowercase modifiers ("Russian occupying forces").
pub(super) fn force_extension(v: &EventSentence, b: usize, hits: &[Hit]) -> Option<usize> {
    let is_trigger = |i: usize| hits.iter().any(|h| i >= h.t0 && i < h.t1);
    let mut k = b;
    if v.lw(k) == "'s" {
        k += 1;
    }
    let mut mods = 0;
    while k < v.t1 {
        let w = v.lw(k);
        if any_of(w, FORCE_NOUNS) && !is_trigger(k) {
            let mut e = k + 1;
            while e < v.t1 && v.is(e, FORCE_NOUNS) && !is_trigger(e) {
                e += 1;
            }
            // "special"/"air" alone are modifiers, not heads; so is a force noun before a
            // facility ("the Saky military airfield", "a Russian army depot")
            if e == k + 1 && matches!(w, "special" | "air" | "intelligence")
                || (e < v.t1 && (v.is(e, WordClass::FacilityHead) || matches!(v.lw(e), "base" | "bases" | "hospital")))
            {
                return None;
            }
            return Some(e);
        }
        if mods < 2 && v.is_word(k) && !is_function_word(w) && !v.is_capitalised(k) && !is_trigger(k) && w != "'s" {
            mods += 1;
            k += 1;
        } else {
            return None;
        }
    }
    None
}

pub(super) fn is_month_or_day(w: &str) -> bool {
    any_of(w, WordClass::Month)
        || any_of(w, WordClass::Weekday)
        || w.strip_suffix('.').is_some_and(|a| any_of(a, WordClass::MonthAbbreviation))
}

pub(super) fn demonym_like(w: &str) -> bool {
    ["ian", "ish", "ese", "ean", "ch", "i", "an"].iter().any(|s| w.ends_with(s)) && w.len() > 3
}

pub(crate) fn candidates(v: &EventSentence, hits: &[Hit]) -> Vec<ArgCandidate> {
    let mut out: Vec<ArgCandidate> = Vec::new();
    let is_trigger = |i: usize| hits.iter().any(|h| i >= h.t0 && i < h.t1);
    for m in v.mentions.iter().filter(|m| is_entity_label(m.label)) {
        let (a, b) = v.tokens_of(m.start, m.end);
        if a < v.t0 || b > v.t1 {
            continue;
        }
        if m.label.is_place() && place_inside_org_name(v, m, b) {
            continue;
        }
        let widen = matches!(m.label, Label::Norp | Label::Gpe | Label::Org);
        let ext = if widen { force_extension(v, b, hits) } else { None };
        let (mut t1, mut end) = match ext {
            Some(e) => (e, v.tokens[e - 1].end),
            None => (b, m.end),
        };
        // a name cut before its number: "Lyceum No." + "3"
        if ext.is_none() && b > a && any_of(v.lw(b - 1), &["no.", "nos.", "#"]) && v.kind(b) == Some(TokenKind::Number)
        {
            t1 = b + 1;
            end = v.tokens[b].end;
        }
        // "Russian troops", "Ukraine's air defence": the country's armed forces
        let (mut canonical, mut entity_id) = (m.canonical.clone(), m.entity_id.clone());
        let country =
            m.geo.country.as_deref().or_else(|| v.res.sides.demonyms.get(&v.text[m.start..m.end]).map(String::as_str));
        if let (Some(e), Some(country)) = (ext, country) {
            if matches!(m.label, Label::Norp | Label::Gpe) && military_tail(v, b, e) {
                if let Some((name, id)) = armed_forces_of(v.res, country) {
                    canonical = Some(name.to_string());
                    entity_id = Some(id.to_string());
                }
            }
        }
        let mut geo = m.geo.clone();
        // an organisation no lexicon knows whose name ends in a party's phrase: "the Defence
        // Forces", "Aviation of the Defence Forces" are that side's armed forces
        if m.label == Label::Org && m.source != MentionSource::Lexicon && ext.is_none() {
            let side = (a..b).find_map(|i| side_phrase_at(v, i, SideKind::Party).filter(|&(e, _)| e == b));
            if let Some((_, country)) = side {
                if let Some((name, id)) = armed_forces_of(v.res, country) {
                    canonical = Some(name.to_string());
                    entity_id = Some(id.to_string());
                    geo.country = Some(country.to_string());
                }
            }
        }
        let surface = &v.text[m.start..m.end];
        let modifier = m.label == Label::Norp
            && ext.is_none()
            && !surface.ends_with('s')
            && v.is_word(b)
            && !is_function_word(v.lw(b))
            && !matches!(v.lw(b), "and" | "or");
        out.push(ArgCandidate {
            t0: a,
            t1,
            start: m.start,
            end,
            label: Some(m.label),
            canonical,
            entity_id,
            geo,
            modifier,
            place_rank: place_rank(v.res, m.label, m.canonical.as_deref(), m.entity_id.as_deref()),
        });
    }
    // Parties named by their side: "the enemy", "the occupiers", "our defenders", "air
    // defence" stand for the armed forces of the side `actor_sides.tsv` gives them (this
    // domain's sources are Ukrainian: General Staff reports, Ukrainian officials).
    let mut i = v.t0;
    while i < v.t1 {
        let free = |k: usize| !out.iter().any(|c| c.t0 <= k && k < c.t1) && !is_trigger(k);
        // "our" before a military noun within four words: "our missile and artillery units"
        let ours = || {
            let (_, country) = side_phrase_at(v, i, SideKind::Party).filter(|&(e, _)| e == i + 1)?;
            (i + 1..(i + 5).min(v.t1))
                .take_while(|&k| v.is_word(k))
                .find_map(|k| side_phrase_at(v, k, SideKind::Military))
                .map(|(e, _)| (e, country))
        };
        let found = side_phrase_at(v, i, SideKind::Party).filter(|&(e, _)| e > i + 1 || v.lw(i) != "our").or_else(ours);
        match found.filter(|&(e, _)| (i..e).all(free)) {
            Some((e, country)) => {
                if let Some((name, id)) = armed_forces_of(v.res, country) {
                    let (start, end) = v.span(i, e);
                    let geo = Geo { country: Some(country.to_string()), ..Default::default() };
                    out.push(ArgCandidate {
                        t0: i,
                        t1: e,
                        start,
                        end,
                        label: Some(Label::Org),
                        canonical: Some(name.to_string()),
                        entity_id: Some(id.to_string()),
                        geo,
                        modifier: false,
                        place_rank: 0,
                    });
                }
                i = e;
            }
            None => i += 1,
        }
    }
    out.sort_by_key(|c| (c.t0, c.t1));
    // Capitalised phrases nobody marked (not in headlines, where every word is capitalised).
    if !v.headline {
        let covered = |i: usize| {
            let (s, e) = (v.tokens[i].start, v.tokens[i].end);
            v.mentions.iter().any(|m| m.start < e && s < m.end) || out.iter().any(|c| c.t0 <= i && i < c.t1)
        };
        let usable = |i: usize| {
            v.is_capitalised(i) && !covered(i) && !is_trigger(i) && !is_month_or_day(v.lw(i)) && v.tx(i) != "I"
        };
        let title_only = |a: usize, b: usize| (a..b).all(|k| v.is_title(k));
        let mut i = v.t0;
        let mut extra = Vec::new();
        while i < v.t1 {
            if !usable(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < v.t1 && usable(j) {
                j += 1;
            }
            let mut a = i;
            let opens = a == v.t0 || matches!(v.kind(a - 1), Some(TokenKind::Quote)) || v.tx(a - 1) == ":";
            let opener_word = v.res.is_common_word(v.tx(a))
                || v.is(a, DETERMINERS)
                || v.is(a, PREPOSITIONS)
                || v.lw(a).ends_with("ly")
                // "Speaking in Kyiv, …": a participle opening the sentence is no name
                || v.lw(a).ends_with("ing")
                // "Drones struck …": a weapon opening the sentence is no name
                || v.is(a, WordClass::WeaponSubject);
            if opens && opener_word && !v.is_title(a) {
                a += 1;
            }
            // "Don't", "We", "The": capitalised function words open no name
            while a < j && (is_function_word(v.lw(a)) || v.lw(a).contains("n't") || v.is(a, DETERMINERS)) {
                a += 1;
            }
            // a bare title before a name ("President" in "French President Emmanuel Macron")
            if a < j && title_only(a, j) && out.iter().any(|c| c.t0 == j) {
                a = j;
            }
            if a < j {
                let ext = force_extension(v, j, hits);
                let t1 = ext.unwrap_or(j);
                let single = j == a + 1;
                let modifier = ext.is_none()
                    && single
                    && demonym_like(v.lw(a))
                    && v.is_word(j)
                    && !is_function_word(v.lw(j))
                    && !v.is_capitalised(j);
                let (start, end) = v.span(a, t1);
                // "the village of Zardana", "Zardana village", "the town of al-Suwar": a
                // settlement the gazetteer does not know is still a place
                let settlement = |w: &str| {
                    any_of(
                        w,
                        &["village", "town", "city", "settlement", "hamlet", "neighbourhood", "neighborhood", "area"],
                    )
                };
                let named_settlement = (a >= v.t0 + 2 && v.lw(a - 1) == "of" && settlement(v.lw(a - 2)))
                    || (ext.is_none() && settlement(v.lw(j)));
                extra.push(ArgCandidate {
                    t0: a,
                    t1,
                    start,
                    end,
                    label: named_settlement.then_some(Label::Gpe),
                    canonical: None,
                    entity_id: None,
                    geo: Geo::default(),
                    modifier,
                    place_rank: if named_settlement { 2 } else { 0 },
                });
            }
            i = j;
        }
        out.extend(extra);
    }
    out.sort_by_key(|c| (c.t0, c.t1));
    out
}

/// A place that is part of an organisation's name: nested in an ORG mention ("Kyiv" in
/// "Kyiv City Military Administration") or followed by capitalised words ending in an
/// organisation head ("Kharkiv Regional Council"). Such a place is no event location.
pub(super) fn place_inside_org_name(v: &EventSentence, m: &Mention, b: usize) -> bool {
    // mentions are sorted by start: an enclosing one starts at or before `m`, close by
    let upto = v.mentions.partition_point(|o| o.start <= m.start);
    let nested = v.mentions[upto.saturating_sub(8)..upto].iter().any(|o| {
        matches!(o.label, Label::Org | Label::Fac | Label::Event | Label::Law | Label::Product)
            && o.start <= m.start
            && m.end <= o.end
            && (o.start, o.end) != (m.start, m.end)
    });
    if nested {
        return true;
    }
    let mut k = b;
    while k < v.t1 && k < b + 4 && v.is_capitalised(k) {
        if v.res.org_heads.contains(v.tx(k)) {
            return true;
        }
        k += 1;
    }
    false
}

/// How far (in tokens) from a trigger its arguments are looked for; keeps the work per
/// trigger bounded in run-on sentences.
pub(super) const WINDOW: usize = 60;

/// Indices of the candidates starting in `[a, b)` (candidates are sorted by start).
pub(super) fn near(cands: &[ArgCandidate], a: usize, b: usize) -> std::ops::Range<usize> {
    let lo = cands.partition_point(|c| c.t0 < a);
    let hi = cands.partition_point(|c| c.t0 < b);
    lo..hi.max(lo)
}

pub(super) fn cand_at(cands: &[ArgCandidate], t0: usize) -> Option<usize> {
    let i = cands.partition_point(|c| c.t0 < t0);
    (i < cands.len() && cands[i].t0 == t0).then_some(i)
}

// ---------------------------------------------------------------------------------------
// Verb or noun

/// Lexicon nouns used as verbs: "will visit", "shelling the plant", "Russia attacks Kyiv".
pub(crate) fn reads_as_verb(v: &EventSentence, cands: &[ArgCandidate], h: &Hit) -> bool {
    let prev = if h.t0 > v.t0 { v.lw(h.t0 - 1) } else { "" };
    if h.verb {
        // "a ban on", "the strike": a lexicon verb after a determiner is a noun
        return !any_of(prev, &["a", "an", "the", "this", "that", "its", "their", "his", "her", "another"]);
    }
    let next = v.lw(h.t1);
    let last = v.lw(h.t1 - 1);
    let plural = last.ends_with('s') && !last.ends_with("ss");
    if !plural
        && (any_of(
            prev,
            &["will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "not", "never", "to"],
        ) || prev.ends_with("n't"))
    {
        return true;
    }
    let object_follows = cand_at(cands, h.t1).is_some() || any_of(next, DETERMINERS) || v.is_capitalised(h.t1);
    if last.ends_with("ing") && object_follows && !any_of(prev, DETERMINERS) {
        return true;
    }
    let subject_before =
        near(cands, h.t0.saturating_sub(WINDOW), h.t0).any(|ci| cands[ci].t1 == h.t0 && !cands[ci].modifier);
    subject_before && object_follows && !any_of(next, PREPOSITIONS)
}

pub(super) fn is_passive(v: &EventSentence, h: &Hit) -> bool {
    let first = v.lw(h.t0);
    // "came under fire", "under attack": the subject is hit, not hitting
    if h.t0 > v.t0 && v.lw(h.t0 - 1) == "under" {
        return true;
    }
    if first.ends_with("ing") {
        return false;
    }
    if v.lw(h.t1 - 1) == "by" {
        return true;
    }
    let mut i = h.t0;
    for _ in 0..3 {
        if i <= v.t0 {
            break;
        }
        i -= 1;
        let w = v.lw(i);
        if any_of(w, &["was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"]) {
            return true;
        }
        if !(any_of(w, ADVERBS) || w == "not" || w.ends_with("ly")) {
            break;
        }
    }
    // "the city, shelled by Russian forces": a participle right before "by"
    (first.ends_with("ed") || first.ends_with("en")) && v.lw(h.t1) == "by"
}
