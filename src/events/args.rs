//! Event arguments: who acts (actor), on whom or what (target), where (location), and who
//! says so (source).
//!
//! Candidates are the entity mentions of the sentence (PERSON, ORG, GPE, NORP, LOC, FAC),
//! widened over a following force noun ("Russian" + "forces" → "Russian forces"), plus
//! capitalised phrases the recogniser did not mark. Roles come from word order around the
//! trigger: the subject before an active verb, the object after it, the agent after "by"
//! for passives; for nouns the modifier before ("Russian shelling"), the object of
//! "of/on/against" after ("shelling of Izium") and the subject of a light verb ("Russia
//! launched an offensive").
use super::{is_function_word, Hit, View, ADVERBS, AUX, DETERMINERS, NO_CLAUSE, PREPOSITIONS};
use crate::context::DocContext;
use crate::lexicon::{files, tsv_rows, CueKind};
use crate::model::{Argument, Geo, Label, Mention, MentionSource, Quote, Speaker, TokenKind};
use std::collections::HashSet;
use std::sync::OnceLock;

/// Something that can fill a role.
#[derive(Debug, Clone)]
pub(crate) struct Cand {
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

impl Cand {
    fn is_place(&self) -> bool {
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

pub(crate) const FORCE_NOUNS: &[&str] = &[
    "forces",
    "force",
    "troops",
    "army",
    "armies",
    "military",
    "soldiers",
    "servicemen",
    "units",
    "fighters",
    "militants",
    "separatists",
    "officials",
    "authorities",
    "government",
    "navy",
    "artillery",
    "warplanes",
    "jets",
    "aircraft",
    "helicopters",
    "drones",
    "missiles",
    "tanks",
    "paratroopers",
    "marines",
    "mercenaries",
    "police",
    "guards",
    "partisans",
    "saboteurs",
    "invaders",
    "occupiers",
    "defenders",
    "command",
    "ministry",
    "leaders",
    "leadership",
    "side",
    "battalion",
    "brigade",
    "regiment",
    "division",
    "fleet",
    "special",
    "operatives",
    "intelligence",
    "air",
    "defences",
    "defenses",
    "defence",
    "defense",
    "gunners",
    "snipers",
    "prosecutors",
    "court",
    "allies",
    "partners",
    "countries",
    "nations",
    "governments",
    "powers",
    "diplomats",
    "negotiators",
    "delegation",
    "delegations",
    "lawmakers",
    "parliament",
    "ministers",
    "soldier",
    "serviceman",
    "officer",
    "officers",
    "commander",
    "commanders",
    "pilot",
    "pilots",
    "fighter",
    "mercenary",
    "sniper",
    "official",
    "diplomat",
    "journalist",
    "journalists",
    "volunteer",
    "volunteers",
    "citizen",
    "citizens",
    "national",
    "nationals",
    "businessman",
    "oligarch",
    "oligarchs",
    "warship",
    "warships",
    "ship",
    "ships",
    "vessel",
    "vessels",
    "submarine",
    "jet",
    "drone",
    "missile",
    "helicopter",
    "plane",
    "planes",
    "team",
    "unit",
    "agents",
    "agent",
    "spy",
    "spies",
    "hackers",
    "group",
    "groups",
    "prisoners",
    "hostages",
    "civilians",
    "positions",
    "position",
    "bombers",
    "convoy",
    "column",
    "garrison",
];
const ROLE_WORDS: &[&str] = &[
    "officials",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "governor",
    "mayor",
    "minister",
    "ministry",
    "president",
    "military",
    "army",
    "police",
    "authorities",
    "government",
    "administration",
    "command",
    "sources",
    "source",
    "witnesses",
    "witness",
    "residents",
    "analysts",
    "experts",
    "media",
    "agency",
    "prosecutors",
    "prosecutor",
    "service",
    "office",
    "staff",
    "commander",
    "commanders",
    "general",
    "chief",
    "head",
    "leader",
    "officer",
    "officers",
    "representative",
    "diplomats",
    "diplomat",
    "observers",
    "monitors",
    "investigators",
    "services",
    "council",
    "operator",
    "company",
    "forces",
    "troops",
    "ombudsman",
    "envoy",
    "ambassador",
    "secretary",
    "premier",
    "chancellor",
    "kremlin",
    "pentagon",
    "people",
    "statement",
    "report",
    "reports",
    "channel",
    "bloggers",
    "rescuers",
    "medics",
    "doctors",
    "activists",
    "locals",
    "villagers",
    "survivors",
    "eyewitnesses",
    "journalists",
    "reporters",
    "firefighters",
    "workers",
    "volunteers",
    "organisers",
    "organizers",
    "researchers",
    "economists",
    "correspondents",
    "lawyers",
    "relatives",
    "neighbours",
    "neighbors",
    "soldiers",
    "operators",
    "monitors",
    "inspectors",
];
const NP_ADJECTIVES: &[&str] = &[
    "local",
    "regional",
    "senior",
    "foreign",
    "defence",
    "defense",
    "interior",
    "state",
    "city",
    "district",
    "presidential",
    "press",
    "deputy",
    "acting",
    "former",
    "top",
    "emergency",
    "health",
    "energy",
    "national",
    "other",
    "western",
    "two",
    "three",
    "several",
    "many",
    "unnamed",
    "anonymous",
    "military",
    "police",
    "prime",
    "general",
    "armed",
    "border",
    "intelligence",
    "security",
    "air",
    "news",
    "government",
    "ukrainian",
    "russian",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "we", "i", "it"];
const LOCATIVE_PREPS: &[&str] =
    &["in", "near", "outside", "around", "of", "on", "at", "across", "into", "from", "inside"];
const LIGHT_VERBS: &[&str] = &[
    "launched",
    "launch",
    "launches",
    "launching",
    "carried",
    "carries",
    "carry",
    "carrying",
    "conducted",
    "conduct",
    "conducts",
    "conducting",
    "unleashed",
    "staged",
    "mounted",
    "began",
    "begun",
    "begin",
    "begins",
    "started",
    "start",
    "starts",
    "continued",
    "continue",
    "continues",
    "intensified",
    "stepped",
    "imposed",
    "impose",
    "imposes",
    "announced",
    "announce",
    "announces",
    "held",
    "hold",
    "holds",
    "holding",
    "resumed",
    "resume",
    "led",
    "opened",
    "made",
    "make",
    "makes",
    "suffered",
    "waged",
    "wage",
    "wages",
    "ordered",
    "approved",
    "unveiled",
    "signed",
    "agreed",
    "committed",
    "planned",
    "plans",
    "plan",
    "threatened",
    "has",
    "have",
    "had",
    "fought",
];
/// Verbs whose "from X" is where a weapon left, not where it struck.
const ORIGIN_VERBS: &[&str] =
    &["fired", "launched", "firing", "launching", "fire", "launch", "flew", "flying", "came", "coming", "taking"];
/// Types whose two parties play the same part ("Russia and Ukraine held talks").
const SYMMETRIC: &[&str] = &["CONSULT", "NEGOTIATE", "AGREE", "FIGHT"];
/// Types that happen at a place, so their target may be the location ("recaptured Lyman").
pub(crate) const PHYSICAL: &[&str] = &[
    "ASSAULT",
    "FIGHT",
    "SEIZE",
    "RETREAT",
    "DESTROY",
    "DISPLACE",
    "CASUALTIES",
    "DISRUPT",
    "MOBILIZE",
    "PROTEST",
    "ARREST",
    "CONSULT",
];
/// Types whose object may be a plain noun phrase ("shelled the plant").
const NP_OBJECT_TYPES: &[&str] = &["ASSAULT", "DESTROY", "SEIZE", "DISRUPT", "ARREST", "RETREAT"];

fn any_of(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

// ---------------------------------------------------------------------------------------
// Places: countries and regions from the gazetteer file, parsed once

struct PlaceKinds {
    countries: HashSet<String>,
    regions: HashSet<String>,
}

fn place_kinds() -> &'static PlaceKinds {
    static CELL: OnceLock<PlaceKinds> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut countries = HashSet::new();
        let mut regions = HashSet::new();
        for r in tsv_rows(files::PLACES) {
            let (id, name, kind) =
                (r.first().copied().unwrap_or(""), r.get(1).copied().unwrap_or(""), r.get(3).copied().unwrap_or(""));
            match kind {
                "country" => {
                    countries.insert(id.to_string());
                    countries.insert(name.to_string());
                }
                "admin1" => {
                    regions.insert(id.to_string());
                }
                _ => {}
            }
        }
        PlaceKinds { countries, regions }
    })
}

pub(crate) fn place_rank(label: Label, canonical: Option<&str>, id: Option<&str>) -> u8 {
    if label == Label::Fac {
        return 3;
    }
    if !label.is_place() {
        return 0;
    }
    let k = place_kinds();
    let is = |set: &HashSet<String>| id.is_some_and(|i| set.contains(i)) || canonical.is_some_and(|c| set.contains(c));
    if is(&k.countries) {
        0
    } else if id.is_some_and(|i| k.regions.contains(i)) {
        1
    } else {
        2
    }
}

/// Names from the gazetteer, for documents whose entities were not recognised (the stage's
/// own unit tests run it without the recogniser).
pub(crate) fn gazetteer_mentions(ctx: &DocContext, start: usize, end: usize, sentence: u32) -> Vec<Mention> {
    let g = &ctx.res.gazetteer;
    let hay = &ctx.text[start..end];
    g.find(hay)
        .into_iter()
        .filter_map(|m| {
            let e = g.entry(&m);
            let surface = &hay[m.start..m.end];
            // A capitalised common word opening the sentence is no name ("May", "Bar").
            if m.start == 0 && ctx.res.is_common_word(surface) {
                return None;
            }
            Some(e.mention(start + m.start, start + m.end, sentence, MentionSource::Lexicon))
        })
        .collect()
}

// ---------------------------------------------------------------------------------------
// Sides: group nouns that name an armed force (`actor_sides.tsv`)

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum SideKind {
    /// a noun that, after a demonym or a country, means its armed forces ("Russian troops")
    Military,
    /// a party named by its side alone ("the enemy", "our defenders"), with the country
    /// it stands for in this domain
    Party,
}

struct Sides {
    /// first word → (the other words, kind, country)
    phrases: std::collections::HashMap<String, Vec<(Vec<String>, SideKind, String)>>,
    /// country → (name, id) of its armed forces: the `orgs.tsv` row of that country whose
    /// name says "Armed Forces" (and is no staff or command of them)
    armed_forces: std::collections::HashMap<String, (String, String)>,
    /// demonym → country (`demonyms.tsv`), for a nationality the recogniser gave no country
    demonyms: std::collections::HashMap<String, String>,
}

fn sides() -> &'static Sides {
    static CELL: OnceLock<Sides> = OnceLock::new();
    CELL.get_or_init(|| {
        let mut phrases: std::collections::HashMap<String, Vec<(Vec<String>, SideKind, String)>> = Default::default();
        for r in tsv_rows(files::ACTOR_SIDES) {
            let (phrase, kind, country) =
                (r.first().copied().unwrap_or(""), r.get(1).copied().unwrap_or(""), r.get(2).copied().unwrap_or(""));
            let kind = if kind == "military" { SideKind::Military } else { SideKind::Party };
            let mut words = phrase.split_whitespace().map(str::to_string);
            let Some(first) = words.next() else { continue };
            phrases.entry(first).or_default().push((words.collect(), kind, country.to_string()));
        }
        let mut armed_forces = std::collections::HashMap::new();
        for r in tsv_rows(files::ORGS) {
            let (name, country, id) =
                (r.first().copied().unwrap_or(""), r.get(2).copied().unwrap_or(""), r.get(4).copied().unwrap_or(""));
            if name.contains("Armed Forces")
                && !name.contains("Staff")
                && !name.contains("Command")
                && !country.is_empty()
            {
                armed_forces.entry(country.to_string()).or_insert_with(|| (name.to_string(), id.to_string()));
            }
        }
        let demonyms = tsv_rows(files::DEMONYMS)
            .filter_map(|r| Some((r.first()?.to_string(), r.get(1).filter(|c| !c.is_empty())?.to_string())))
            .collect();
        Sides { phrases, armed_forces, demonyms }
    })
}

/// The longest phrase of `kind` starting at token `i`: (end token, country).
fn side_phrase_at(v: &View, i: usize, kind: SideKind) -> Option<(usize, &'static str)> {
    let rows = sides().phrases.get(v.lw(i))?;
    rows.iter()
        .filter(|(rest, k, _)| *k == kind && rest.iter().enumerate().all(|(j, w)| v.lw(i + 1 + j) == w.as_str()))
        .max_by_key(|(rest, _, _)| rest.len())
        .map(|(rest, _, c)| (i + 1 + rest.len(), c.as_str()))
}

/// Tokens `[a, b)` after a demonym end in a military noun ("forces", "air defence").
fn military_tail(v: &View, a: usize, b: usize) -> bool {
    (a..b).any(|i| side_phrase_at(v, i, SideKind::Military).is_some_and(|(e, _)| e == b))
}

/// The armed forces of a country as an actor: (canonical name, entity id).
pub(crate) fn armed_forces_of(country: &str) -> Option<(&'static str, &'static str)> {
    sides().armed_forces.get(country).map(|(n, id)| (n.as_str(), id.as_str()))
}

// ---------------------------------------------------------------------------------------
// Candidates

/// "forces" after "Russian", "'s military" after "Ukraine": the end token of the widened
/// phrase, allowing two lowercase modifiers ("Russian occupying forces").
fn force_extension(v: &View, b: usize, hits: &[Hit]) -> Option<usize> {
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
            while e < v.t1 && any_of(v.lw(e), FORCE_NOUNS) && !is_trigger(e) {
                e += 1;
            }
            // "special"/"air" alone are modifiers, not heads
            if e == k + 1 && matches!(w, "special" | "air" | "intelligence") {
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

fn is_month_or_day(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "jan."
            | "feb."
            | "aug."
            | "sept."
            | "oct."
            | "nov."
            | "dec."
    )
}

fn demonym_like(w: &str) -> bool {
    ["ian", "ish", "ese", "ean", "ch", "i", "an"].iter().any(|s| w.ends_with(s)) && w.len() > 3
}

pub(crate) fn candidates(v: &View, hits: &[Hit]) -> Vec<Cand> {
    let mut out: Vec<Cand> = Vec::new();
    let is_trigger = |i: usize| hits.iter().any(|h| i >= h.t0 && i < h.t1);
    for m in v.mentions.iter().filter(|m| super::is_entity_label(m.label)) {
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
            m.geo.country.as_deref().or_else(|| sides().demonyms.get(&v.text[m.start..m.end]).map(String::as_str));
        if let (Some(e), Some(country)) = (ext, country) {
            if matches!(m.label, Label::Norp | Label::Gpe) && military_tail(v, b, e) {
                if let Some((name, id)) = armed_forces_of(country) {
                    canonical = Some(name.to_string());
                    entity_id = Some(id.to_string());
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
        out.push(Cand {
            t0: a,
            t1,
            start: m.start,
            end,
            label: Some(m.label),
            canonical,
            entity_id,
            geo: m.geo.clone(),
            modifier,
            place_rank: place_rank(m.label, m.canonical.as_deref(), m.entity_id.as_deref()),
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
                if let Some((name, id)) = armed_forces_of(country) {
                    let (start, end) = v.span(i, e);
                    let geo = Geo { country: Some(country.to_string()), lat: None, lon: None };
                    out.push(Cand {
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
                || any_of(v.lw(a), DETERMINERS)
                || any_of(v.lw(a), PREPOSITIONS)
                || v.lw(a).ends_with("ly");
            if opens && opener_word && !v.is_title(a) {
                a += 1;
            }
            // "Don't", "We", "The": capitalised function words open no name
            while a < j && (is_function_word(v.lw(a)) || v.lw(a).contains("n't") || any_of(v.lw(a), DETERMINERS)) {
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
                extra.push(Cand {
                    t0: a,
                    t1,
                    start,
                    end,
                    label: None,
                    canonical: None,
                    entity_id: None,
                    geo: Geo::default(),
                    modifier,
                    place_rank: 0,
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
fn place_inside_org_name(v: &View, m: &Mention, b: usize) -> bool {
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
const WINDOW: usize = 60;

/// Indices of the candidates starting in `[a, b)` (candidates are sorted by start).
fn near(cands: &[Cand], a: usize, b: usize) -> std::ops::Range<usize> {
    let lo = cands.partition_point(|c| c.t0 < a);
    let hi = cands.partition_point(|c| c.t0 < b);
    lo..hi.max(lo)
}

fn cand_at(cands: &[Cand], t0: usize) -> Option<usize> {
    let i = cands.partition_point(|c| c.t0 < t0);
    (i < cands.len() && cands[i].t0 == t0).then_some(i)
}

// ---------------------------------------------------------------------------------------
// Verb or noun

/// Lexicon nouns used as verbs: "will visit", "shelling the plant", "Russia attacks Kyiv".
pub(crate) fn reads_as_verb(v: &View, cands: &[Cand], h: &Hit) -> bool {
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

fn is_passive(v: &View, h: &Hit) -> bool {
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

// ---------------------------------------------------------------------------------------
// Roles

/// The nearest subject-like candidate before `tok` in the clause, with its conjuncts
/// ("Russia and Ukraine"). Objects of an earlier verb of the clause are skipped.
fn subject_before(v: &View, cands: &[Cand], tok: usize, clause: u32, verbs: &[(usize, usize)]) -> Vec<usize> {
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
        let object_of = |b: usize| {
            b <= c.t0
                && c.t0 - b <= 3
                && (b..c.t0).all(|k| {
                    v.is_word(k)
                        && (any_of(v.lw(k), DETERMINERS)
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
fn object_after(v: &View, cands: &[Cand], h: &Hit, allowed_preps: &[&str], hits: &[Hit]) -> Option<(usize, usize)> {
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
fn gerund_subject(v: &View, cands: &[Cand], h: &Hit) -> Option<Vec<usize>> {
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
fn recipient_after(v: &View, cands: &[Cand], h: &Hit) -> Option<(usize, usize)> {
    let limit = (h.t1 + 12).min(v.t1);
    let mut i = h.t1;
    while i < limit && v.clause_of(i) == h.clause {
        if matches!(v.lw(i), "to" | "for") {
            let mut j = i + 1;
            while j < limit && any_of(v.lw(j), DETERMINERS) {
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
fn np_object(v: &View, h: &Hit, hits: &[Hit]) -> Option<(usize, usize)> {
    let mut i = h.t1;
    let start = i;
    if any_of(v.lw(i), DETERMINERS) {
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
fn by_agent(v: &View, cands: &[Cand], from: usize, clause: u32) -> Option<usize> {
    let mut i = from;
    let limit = (from + 8).min(v.t1);
    while i < limit && v.clause_of(i) == clause {
        if v.lw(i) == "by" {
            let mut j = i + 1;
            while j < v.t1 && any_of(v.lw(j), DETERMINERS) {
                j += 1;
            }
            return cand_at(cands, j);
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

fn argument(v: &View, cands: &[Cand], conj: &[usize]) -> Option<Argument> {
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

fn span_argument(v: &View, cands: &[Cand], ci: usize, end_tok: usize) -> Argument {
    let c = &cands[ci];
    let end = if end_tok > c.t1 { v.tokens[end_tok - 1].end } else { c.end };
    Argument { text: v.text[c.start..end].to_string(), canonical: c.canonical.clone(), entity_id: c.entity_id.clone() }
}

/// The subject position right before a verb holds a pronoun ("they recaptured", "its
/// forces shelled").
fn pronoun_before(v: &View, tok: usize) -> bool {
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

pub(crate) fn roles(v: &View, cands: &[Cand], h: &Hit, hits: &[Hit]) -> Roles {
    let verbs: Vec<(usize, usize)> = hits.iter().filter(|o| o.verb && o.t0 != h.t0).map(|o| (o.t0, o.t1)).collect();
    let symmetric = any_of(&h.event_type, SYMMETRIC);
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
            target = if h.event_type == "AID" {
                recipient_after(v, cands, h)
            } else {
                object_after(v, cands, h, &preps, hits)
            };
            if target.is_none() && any_of(&h.event_type, NP_OBJECT_TYPES) {
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
            while any_of(v.lw(j), DETERMINERS) {
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
            while k > v.t0 && any_of(v.lw(k - 1), DETERMINERS) {
                k -= 1;
            }
            k > v.t0 && any_of(v.lw(k - 1), PREPOSITIONS) && v.lw(cands[ci].t1) == ","
        };
        if actor.iter().any(|&ci| !fronted(ci)) {
            actor.retain(|&ci| !fronted(ci));
        }
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

/// A determiner-led noun phrase opening the clause: the subject of a passive verb with no
/// named subject ("The power plant was shelled").
fn clause_subject_np(v: &View, h: &Hit) -> Option<(usize, usize)> {
    let mut a = h.t0;
    while a > v.t0 && v.clause_of(a - 1) == h.clause {
        a -= 1;
    }
    if !any_of(v.lw(a), DETERMINERS) {
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
fn noun_actor(v: &View, cands: &[Cand], h: &Hit, verbs: &[(usize, usize)]) -> Vec<usize> {
    // Modifier right before, over up to three adjectives ("a massive Russian missile attack").
    let mut j = h.t0;
    for _ in 0..4 {
        let ending_at = |e: usize| near(cands, e.saturating_sub(WINDOW), e).find(|&ci| cands[ci].t1 == e);
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
pub(crate) fn coordinated_places(v: &View, cands: &[Cand], ci: usize) -> Vec<usize> {
    // (no armed force: "Russian forces" read as a place by the recogniser)
    let place = |k: usize| {
        cands[k].is_place()
            && cands[k].place_rank >= 1
            && !cands[k].entity_id.as_deref().is_some_and(|id| id.starts_with("org:"))
    };
    // a name the gazetteer does not know, listed among places, is a place too (villages
    // of a front-line report)
    let ok = |k: usize| place(k) || (cands[k].label.is_none() && !cands[k].modifier && cands[k].t1 <= cands[k].t0 + 2);
    if !ok(ci) {
        return vec![ci];
    }
    // tokens between two list members: ",", "and", "or", ", and", "and the"
    let joined = |a: usize, b: usize| {
        let gap = &(cands[a].t1..cands[b].t0);
        !gap.is_empty()
            && gap.clone().all(|k| matches!(v.lw(k), "," | "and" | "or" | "the"))
            && gap.clone().any(|k| matches!(v.lw(k), "," | "and" | "or"))
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

pub(crate) fn place_of_cand(v: &View, c: &Cand) -> (Argument, Geo) {
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

pub(crate) fn location(
    v: &View,
    cands: &[Cand],
    h: &Hit,
    roles: &Roles,
    hits: &[Hit],
) -> (Option<Argument>, Option<Geo>, Option<&'static str>, Option<usize>) {
    let physical = any_of(&h.event_type, PHYSICAL);
    // where a missile or drone was fired from is not where it hit: "launched from Crimea"
    let origin = |ci: usize| {
        let t0 = cands[ci].t0;
        h.event_type == "ASSAULT"
            && t0 > v.t0 + 1
            && v.lw(t0 - 1) == "from"
            && (t0.saturating_sub(4).max(v.t0)..t0 - 1).any(|k| ORIGIN_VERBS.contains(&v.lw(k)))
    };
    let excluded =
        |ci: usize| roles.actor_cands.contains(&ci) || (!physical && roles.target_cand == Some(ci)) || origin(ci);
    // a locative preposition before the place, over "the" before a region ("across the
    // Kherson region"; not "near the U.S. Embassy", "in the Ye… neighbourhood")
    let region_word =
        |w: &str| any_of(w, &["region", "oblast", "province", "governorate", "district", "axis", "direction"]);
    let prep_before = |ci: usize| {
        let c = &cands[ci];
        let mut k = c.t0;
        if k > v.t0 + 1 && v.lw(k - 1) == "the" && (region_word(v.lw(c.t1 - 1)) || region_word(v.lw(c.t1))) {
            k -= 1;
        }
        k > v.t0 && any_of(v.lw(k - 1), LOCATIVE_PREPS)
    };
    let score = |ci: usize| -> (u32, i64) {
        let c = &cands[ci];
        // "the Darnytskyi district of Kyiv": the place after "of" is the one to report
        // a fronted frame ("On the Zaporizhzhia axis, the enemy shelled Orikhiv …") yields
        // to a place of the clause itself
        let fronted = c.t1 <= h.t0 && (v.lw(c.t1) == "," || (v.lw(c.t1 + 1) == "," && !v.is_capitalised(c.t1)));
        let prep = prep_before(ci) && v.lw(c.t1) != "of" && !fronted;
        let dist = (c.t0 as i64 - h.t0 as i64).abs();
        (c.place_rank as u32 * 10 + 10 + if prep { 5 } else { 0 } - if fronted { 10 } else { 0 }, -dist)
    };
    let sentence_wide = physical || h.event_type == "CONSULT";
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
                prep_before(ci) || roles.target_cand == Some(ci) || (c.place_rank > 0 && c.t0 > h.t0)
            })
            .filter(|&ci| !same_clause || v.clause_of(cands[ci].t0) == h.clause)
            // from another clause only when no other event stands between, and never the
            // speaker of an attribution ("Moscow ordered …", "Kyiv said")
            .filter(|&ci| {
                v.clause_of(cands[ci].t0) == h.clause
                    || (v.clause_of(cands[ci].t0) != NO_CLAUSE && !super::event_between(v, hits, h, cands[ci].t0))
            })
            .max_by_key(|&ci| score(ci))
    };
    let best = pick(true).or_else(|| if sentence_wide { pick(false) } else { None });
    match best {
        Some(ci) => {
            let c = &cands[ci];
            let (arg, geo) = place_of_cand(v, c);
            let source = if v.clause_of(c.t0) == h.clause { "clause" } else { "sentence" };
            (Some(arg), Some(geo), Some(if v.headline { "headline" } else { source }), Some(ci))
        }
        None => (None, None, None, None),
    }
}

// ---------------------------------------------------------------------------------------
// Attribution and source

fn np_head_word(v: &View, i: usize) -> bool {
    v.is_capitalised(i) || v.is_title(i) || any_of(v.lw(i), ROLE_WORDS) || covered_by_entity(v, i)
}

fn covered_by_entity(v: &View, i: usize) -> bool {
    let (s, e) = (v.tokens[i].start, v.tokens[i].end);
    v.mentions.iter().any(|m| super::is_entity_label(m.label) && m.start < e && s < m.end)
}

/// The speaker phrase ending right before a cue: "the regional governor", "Ukraine's
/// military", "he".
fn np_before(v: &View, cue: usize) -> Option<(usize, usize)> {
    if cue <= v.t0 {
        return None;
    }
    if any_of(v.lw(cue - 1), PRONOUNS) {
        return Some((cue - 1, cue));
    }
    let mut j = cue;
    let mut has_head = false;
    while j > v.t0 && cue - j < 8 {
        let i = j - 1;
        let w = v.lw(i);
        let head = v.is_word(i) && np_head_word(v, i);
        let ok = head || any_of(w, NP_ADJECTIVES) || any_of(w, DETERMINERS) || w == "'s" || w == "of";
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
fn np_after(v: &View, from: usize) -> Option<(usize, usize)> {
    if any_of(v.lw(from), PRONOUNS) {
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
pub(crate) fn attributions(v: &View, quotes: &[Quote], hits: &[Hit]) -> Vec<Attribution> {
    let s = v.ctx.seg.sentences[v.index as usize];
    let mut out = Vec::new();
    for (a, b, cue) in v.res.cues.find_in(v.text, s.start, s.end) {
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
                if !out.iter().any(|x| x.t0 <= a && b <= x.t1) && !hits.iter().any(|h| h.t0 < b && a < h.t1) {
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
pub(crate) fn trailing_attributions(v: &View, attributions: &[Attribution], hits: &[Hit]) -> Vec<bool> {
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
    v: &View,
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

pub(crate) fn sentence_source(v: &View, attributions: &[Attribution], quotes: &[Quote]) -> Option<Argument> {
    let mut ordered: Vec<&Attribution> = attributions.iter().filter(|a| a.np.is_some()).collect();
    ordered.sort_by_key(|a| !a.according); // stable: keeps the caller's order otherwise
    for a in ordered {
        let Some((n0, n1)) = a.np else { continue };
        if n1 == n0 + 1 && any_of(v.lw(n0), PRONOUNS) {
            let sp = quotes.iter().filter(|q| q.sentence == v.index).find_map(|q| q.speaker.as_ref());
            match sp {
                Some(sp) => return Some(speaker_argument(sp)),
                None => continue,
            }
        }
        let (s, e) = v.span(n0, n1);
        let best =
            v.mentions.iter().filter(|m| m.start >= s && m.end <= e && super::is_entity_label(m.label)).min_by_key(
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
