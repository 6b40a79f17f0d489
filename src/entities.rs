//! Stage 3: named-entity mentions.
//!
//! Two sources, in this order of trust:
//! 1. the lexicons (one Aho-Corasick pass over the text: places, organisations, people,
//!    nationalities, the user's gazetteer);
//! 2. rules over runs of capitalised words that no lexicon knows: a title before the name
//!    ("Defence Minister Oleksandr Hrytsenko"), a known first name, a reporting verb after it
//!    ("Hrytsenko said"), an organisation head word ("... Military Administration"), a place
//!    preposition ("in Robotyne").
//!
//! A capitalised run that ends in an organisation head word swallows the lexicon names inside
//! it ("Russian Defence Ministry" is one ORG, not NORP + ORG).

use crate::lexicon::{Entry, EntryKind, LexMatch, TitleKind};
use crate::model::{Label, Mention, MentionSource, Sentence, TokenKind};
use crate::context::DocContext;

/// Words that may stand inside a name between capitalised words ("Institute for the Study
/// of War", "Abu Bakr al Baghdadi", "Ursula von der Leyen").
const NAME_CONNECTORS: &[&str] = &["of", "for", "the", "de", "du", "da", "di", "von", "van", "der", "den", "al", "el", "bin", "ibn", "la", "le"];

/// Prepositions after which an unknown capitalised word is most likely a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "around", "from", "into", "towards", "toward", "across", "through"];
const PLACE_NOUNS: &[&str] = &["village", "town", "city", "settlement", "region", "district", "oblast", "province", "port", "suburb"];

/// Capitalised words after a place name that keep it a place ("Kyiv Oblast", "Donetsk
/// Airport"): a place name followed by one of these is not a person or a club.
const PLACE_SUFFIXES: &[&str] = &[
    "Oblast", "Region", "District", "Raion", "Rayon", "Province", "Governorate", "Krai", "County", "City", "Town", "Village",
    "Airport", "Station", "Square", "Street", "Avenue", "Bridge", "Dam", "Plant", "Port", "Bay", "River", "Lake", "Valley",
    "Highway", "Road", "Gate", "Palace", "Cathedral", "Stadium", "Arena", "Park", "Island", "Islands", "Peninsula", "Sea",
    "Gulf", "Strait", "Canal", "Heights", "Base", "Prison", "Hospital", "Hotel", "Direction", "Axis", "Mountains", "Hills",
    "Municipality", "Community", "Hromada", "Communique", "Agreement", "Accords", "Protocol", "Format", "Summit",
];
/// Words that make a place name a sports club: "Dynamo Kyiv", "Shakhtar Donetsk", "Leeds United".
const CLUB_PREFIXES: &[&str] = &["Dynamo", "Dinamo", "Spartak", "Shakhtar", "Lokomotiv", "Zenit", "CSKA", "Zorya", "Real", "Sporting", "Olympique", "Inter", "FC", "AC", "SC"];
const CLUB_SUFFIXES: &[&str] = &["United", "Rovers", "Wanderers", "Athletic", "Albion", "Hotspur", "FC", "AFC", "CF"];
/// Name particles that are also the names of small towns: "Abu Ammar", "Umm Ali".
const NAME_PARTICLES: &[&str] = &["Abu", "Umm", "Ibn", "Bin", "Ben", "Abd", "Abdel"];
/// Company suffixes: "X Corp of Y" is the company X from Y, not a company named after Y.
const COMPANY_SUFFIXES: &[&str] = &["Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Co", "Co.", "Holding", "Holdings", "Group", "Company"];
/// Speech verbs after which a capitalised name closes the clause: "..., said Kowalski."
const SAID_BEFORE_NAME: &[&str] = &["said", "says", "added", "adds", "wrote", "writes", "explained", "noted", "continued", "concluded", "recalled", "insisted", "stressed"];

fn first_char_upper(s: &str) -> bool {
    s.chars().next().map_or(false, char::is_uppercase)
}

fn is_all_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            letters += 1;
        }
    }
    letters >= 2
}

/// Head words of numbered institutions: "Lyceum No. 3", "Hospital No. 2", "Penal Colony No. 10".
const NUMBERED_INSTITUTION_HEADS: &[&str] = &[
    "School", "Lyceum", "Gymnasium", "Kindergarten", "Hospital", "Clinic", "Polyclinic", "Colony", "Prison", "Orphanage", "Institution",
];
/// Head words of numbered documents: "Decree No. 71", "Resolution No. 2202".
const NUMBERED_DOCUMENT_HEADS: &[&str] = &["Decree", "Law", "Resolution", "Order", "Directive", "Bill", "Regulation", "Protocol", "Ordinance", "Edict"];
/// Written before the number of a numbered name.
const NUMBER_SIGNS: &[&str] = &["No.", "No", "Nr.", "Nr", "№", "#"];
/// Lower-level administrative units written after a place name: "Bakhmut district", "the
/// Kupiansk raion", "Nikopol community".
const ADMIN_UNIT_NOUNS: &[&str] = &["district", "raion", "rayon", "hromada", "community", "municipality", "region", "oblast", "province"];
/// Of those, the ones a known town's name before them may already name ("Kharkiv region"):
/// the lexicon's own reading stands.
const ADMIN_UNIT_REGIONAL: &[&str] = &["region", "oblast", "province"];
/// Function words that open a sentence before a numbered name ("In Lyceum No. 3").
const LEADING_FUNCTION_WORDS: &[&str] = &["the", "a", "an", "in", "at", "on", "to", "from", "near", "by", "of", "and", "but", "for", "with"];

/// A capitalised word that is an ordinary English word rather than a name when it opens a
/// sentence: a listed common word, or one made from a listed word by a plural, agent or
/// adverb ending ("Firefighters" from "firefight"+"ers", "Soldiers", "Reportedly",
/// "Earlier" from "early"). Stems must be listed, so towns like "Randers" or "Khojaly"
/// stay names.
fn looks_like_ordinary_word(ctx: &DocContext, w: &str) -> bool {
    let lower = w.to_lowercase();
    let common = |stem: &str| stem.chars().count() >= 3 && ctx.res.is_common_word(stem);
    let with_y = |stem: &str| common(&format!("{stem}y"));
    ctx.res.is_common_word(&lower)
        || lower.strip_suffix("ly").map_or(false, |st| common(st) || lower.strip_suffix("ily").map_or(false, with_y))
        || lower.strip_suffix("ier").map_or(false, with_y)
        || lower.strip_suffix("ies").map_or(false, with_y)
        || lower.strip_suffix('s').map_or(false, common)
        || lower.strip_suffix("ers").map_or(false, |st| common(st) || common(&format!("{st}e")))
}

/// Is token `i` the first word or number of the sentence?
fn is_sentence_initial_token(ctx: &DocContext, s: &Sentence, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    (s.tok_start..i).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number)
}

/// Numbered names: capitalised words, "No." and a number ("Lyceum No. 3", "Decree No. 71").
/// Schools and hospitals become ORG, documents LAW; any other such span is returned with
/// `None` so that it never turns into a person or a place ("Unit No." is no surname).
fn numbered_names(ctx: &DocContext, s: &Sentence, sidx: u32) -> Vec<(usize, usize, Option<Mention>)> {
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
        while a < head && (LEADING_FUNCTION_WORDS.contains(&ctx.token_text(a).to_lowercase().as_str()) || (is_sentence_initial_token(ctx, s, a) && ctx.res.abbreviations.is_starter(ctx.token_text(a)))) {
            a += 1;
        }
        let (start, end) = (toks[a].start, toks[i].end);
        // Numbered schools and hospitals are institutions (ORG, as OntoNotes tags them). Not
        // FAC: a FAC without coordinates would outrank the town it stands in as an event's
        // location (events/args.rs place_rank) and the event would lose its geo. Other
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

/// "Bakhmut district", "the Darnytskyi district", "Nikopol community": a place name (known
/// or not) before an administrative unit noun is one GPE; a known place lends its geography.
/// `mentions` are the sentence's mentions so far; the new spans replace the ones inside.
fn admin_unit_spans(ctx: &DocContext, s: &Sentence, sidx: u32, mentions: &[Mention]) -> Vec<Mention> {
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    for i in (s.tok_start + 1)..s.tok_end {
        let noun = ctx.token_text(i);
        let lower = noun.to_lowercase();
        if toks[i].kind != TokenKind::Word || !ADMIN_UNIT_NOUNS.contains(&lower.as_str()) {
            continue;
        }
        let (noun_start, noun_end) = (toks[i].start, toks[i].end);
        // Already named as a whole ("Kharkiv Oblast" from the lexicon).
        if mentions.iter().any(|m| m.start < noun_end && noun_start < m.end) {
            continue;
        }
        let prev = i - 1;
        let prev_text = ctx.token_text(prev);
        if toks[prev].kind != TokenKind::Word || !first_char_upper(prev_text) || prev_text == "'s" || is_all_caps(prev_text) {
            continue;
        }
        let prev_start = toks[prev].start;
        let before = mentions.iter().find(|m| m.start <= prev_start && prev_start < m.end);
        let (start, geo) = match before {
            Some(m) if m.end == toks[prev].end && matches!(m.label, Label::Gpe | Label::Loc) => {
                if ADMIN_UNIT_REGIONAL.contains(&lower.as_str()) {
                    continue;
                }
                (m.start, m.geo.clone())
            }
            Some(_) => continue,
            None => {
                // An unknown name: one or two name-like words, not ordinary words.
                let mut a = prev;
                if looks_like_ordinary_word(ctx, prev_text) || ctx.res.org_heads.contains(prev_text) || ctx.res.titles.get(prev_text).is_some() {
                    continue;
                }
                if a > s.tok_start {
                    let t = ctx.token_text(a - 1);
                    let free = !mentions.iter().any(|m| m.start <= toks[a - 1].start && toks[a - 1].start < m.end);
                    if free && toks[a - 1].kind == TokenKind::Word && first_char_upper(t) && t != "'s" && !looks_like_ordinary_word(ctx, t) && !is_all_caps(t) && ctx.res.titles.get(t).is_none() {
                        a -= 1;
                    }
                }
                // "Sant'Egidio Community", "Haninge Municipality": capitalised, an unknown
                // name before them is more often an organisation's.
                if first_char_upper(noun) && matches!(lower.as_str(), "community" | "municipality") {
                    continue;
                }
                (toks[a].start, Default::default())
            }
        };
        // "the eastern Sharqiyah province": a lowercase region word stays outside the name
        // of a place nobody knows (the name alone is the place).
        let unknown_regional = before.is_none() && ADMIN_UNIT_REGIONAL.contains(&noun);
        let end = if unknown_regional { toks[prev].end } else { noun_end };
        let text = &ctx.text[start..end];
        let mut m = rule_mention(start, end, sidx, Label::Gpe);
        m.canonical = Some(text.to_string());
        m.entity_id = Some(format!("gpe:{}", crate::lexicon::slug(text)));
        m.geo = geo;
        out.push(m);
    }
    out
}

fn rule_mention(start: usize, end: usize, sentence: u32, label: Label) -> Mention {
    Mention { start, end, sentence, label, canonical: None, entity_id: None, role: None, geo: Default::default(), value: None, source: MentionSource::Rule }
}

/// Lexicon hits: the user's gazetteer first, then the built-in one; overlaps keep the
/// earlier source, then the longer hit.
fn lexicon_hits<'a>(ctx: &DocContext<'a>) -> Vec<(LexMatch, &'a Entry, MentionSource)> {
    let mut hits: Vec<(LexMatch, &Entry, MentionSource)> = Vec::new();
    if let Some(user) = &ctx.res.user {
        for m in user.find(ctx.text) {
            hits.push((m, user.entry(&m), MentionSource::Lexicon));
        }
    }
    let builtin = ctx.res.gazetteer.find(ctx.text);
    let mut taken: Vec<(usize, usize)> = hits.iter().map(|(m, _, _)| (m.start, m.end)).collect();
    taken.sort_unstable();
    for m in builtin {
        let overlaps = taken.iter().any(|&(s, e)| m.start < e && s < m.end);
        if !overlaps {
            hits.push((m, ctx.res.gazetteer.entry(&m), MentionSource::Lexicon));
        }
    }
    hits.sort_by_key(|(m, _, _)| m.start);
    hits
}

/// Does a lexicon hit look wrong where it stands? (A demonym or first-name-like key at the
/// start of a sentence is fine; a city name that is an ordinary capitalised word at the
/// start of a sentence is not.)
fn implausible_hit(ctx: &DocContext, m: &LexMatch, e: &Entry, sentence: &Sentence) -> bool {
    let surface = &ctx.text[m.start..m.end];
    let sentence_initial = ctx.text[sentence.start..m.start].trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
    // A town whose name is also a given name ("Yuri", "Florence"): only in a place context
    // and never right before another capitalised word ("Yuri Danilov").
    if e.kind == EntryKind::City && e.population < 1_000_000 && ctx.res.first_names.contains(surface) {
        let next_cap = ctx.text[m.end..].trim_start_matches(' ').chars().next().map_or(false, char::is_uppercase)
            && ctx.text[m.end..].starts_with(' ');
        if next_cap || !preceded_by_place_word(ctx, m.start) {
            return true;
        }
    }
    // A sentence-initial ordinary word ("Firefighters", "Earlier") is not a small place.
    if sentence_initial && matches!(e.kind, EntryKind::City | EntryKind::Location) && e.population < 100_000 && !surface.contains(' ') && looks_like_ordinary_word(ctx, surface) {
        return true;
    }
    if e.kind == EntryKind::City && e.population < 100_000 && !surface.contains(' ') {
        // Small places whose name is an ordinary word: only in a place context.
        if ctx.res.is_common_word(surface) && (sentence_initial || !preceded_by_place_word(ctx, m.start)) {
            return true;
        }
    }
    false
}

fn previous_word<'a>(ctx: &DocContext<'a>, pos: usize) -> Option<&'a str> {
    ctx.text[..pos].split_whitespace().next_back().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

fn preceded_by_place_word(ctx: &DocContext, pos: usize) -> bool {
    previous_word(ctx, pos).map_or(false, |w| {
        let w = w.to_lowercase();
        PLACE_PREPOSITIONS.contains(&w.as_str()) || PLACE_NOUNS.contains(&w.as_str()) || w == "of"
    })
}

/// Shares of a sentence's words that start with a capital, and that are all capitals.
fn capitalised_share(ctx: &DocContext, s: &Sentence) -> (f64, f64) {
    let (mut words, mut caps, mut all_caps) = (0usize, 0usize, 0usize);
    for i in s.tok_start..s.tok_end {
        if ctx.seg.tokens[i].kind == TokenKind::Word && ctx.token_text(i) != "'s" {
            let t = ctx.token_text(i);
            words += 1;
            if first_char_upper(t) {
                caps += 1;
            }
            if is_all_caps(t) {
                all_caps += 1;
            }
        }
    }
    if words < 3 {
        return (0.0, 0.0);
    }
    (caps as f64 / words as f64, all_caps as f64 / words as f64)
}

/// In a title-case headline or a line mostly in capitals, capitals say nothing about names.
fn is_shouting(ctx: &DocContext, s: &Sentence) -> bool {
    let (cap_share, all_caps_share) = capitalised_share(ctx, s);
    (s.headline && cap_share > 0.6) || all_caps_share > 0.5
}

/// A word written in Cyrillic. A capitalised run never crosses from Latin to Cyrillic:
/// "On Monday Олег Синегубов" is "On Monday" and a two-word name.
fn starts_cyrillic(w: &str) -> bool {
    w.chars().next().is_some_and(crate::translit::is_cyrillic)
}

/// Token index ranges of capitalised runs in a sentence (connectors allowed inside).
fn capitalised_runs(ctx: &DocContext, s: &Sentence) -> Vec<(usize, usize)> {
    let toks = &ctx.seg.tokens;
    let mut runs = Vec::new();
    let mut i = s.tok_start;
    while i < s.tok_end {
        let t = ctx.token_text(i);
        if toks[i].kind == TokenKind::Word && first_char_upper(t) && t != "'s" {
            let start = i;
            let mut end = i + 1;
            loop {
                if end < s.tok_end
                    && toks[end].kind == TokenKind::Word
                    && first_char_upper(ctx.token_text(end))
                    && starts_cyrillic(ctx.token_text(end)) == starts_cyrillic(ctx.token_text(end - 1))
                {
                    end += 1;
                    continue;
                }
                // connector(s) followed by a capitalised word
                let mut k = end;
                while k < s.tok_end && NAME_CONNECTORS.contains(&ctx.token_text(k)) {
                    k += 1;
                }
                if k > end && k < s.tok_end && k - end <= 2 && toks[k].kind == TokenKind::Word && first_char_upper(ctx.token_text(k)) {
                    end = k + 1;
                    continue;
                }
                break;
            }
            runs.push((start, end));
            i = end;
        } else {
            i += 1;
        }
    }
    runs
}

/// A title phrase ending at byte `pos` (spaces between), with its start and canonical form.
fn title_before(ctx: &DocContext, s: &Sentence, pos: usize) -> Option<(usize, String, TitleKind)> {
    let before = ctx.text[s.start..pos].trim_end();
    let end = s.start + before.len();
    let window_start = s.start.max(end.saturating_sub(60));
    let window_start = (window_start..=end).find(|&b| ctx.text.is_char_boundary(b)).unwrap_or(end);
    ctx.res
        .titles
        .find_in(ctx.text, window_start, end)
        .filter(|(_, e, _)| *e == end)
        .last()
        .map(|(st, _, t)| (st, t.canonical.clone(), t.kind))
}

/// Extend a title leftwards over its modifiers: "Kremlin spokesman", "Ukraine's defence
/// minister", "the regional governor" (not the article).
fn role_start(ctx: &DocContext, s: &Sentence, title_start: usize) -> usize {
    let mut start = title_start;
    let toks = &ctx.seg.tokens;
    let mut i = ctx.token_at(title_start);
    while i > s.tok_start {
        let prev = i - 1;
        let t = ctx.token_text(prev);
        let lower = t.to_lowercase();
        let modifier = (toks[prev].kind == TokenKind::Word && first_char_upper(t) && !ctx.res.abbreviations.is_starter(t))
            || t == "'s"
            || matches!(lower.as_str(), "deputy" | "acting" | "former" | "regional" | "foreign" | "defence" | "defense" | "chief" | "senior" | "top" | "military" | "presidential");
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
fn looks_like_surname(ctx: &DocContext, w: &str) -> bool {
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
fn name_start(ctx: &DocContext, s: &Sentence, a: usize, b: usize) -> usize {
    let toks = &ctx.seg.tokens;
    let mut a = a;
    while a < b {
        let t = ctx.token_text(a);
        let initial = (s.tok_start..a).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number);
        let drop = (initial && (ctx.res.is_common_word(t) || ctx.res.abbreviations.is_starter(t)) && !ctx.res.first_names.contains(t))
            || NAME_CONNECTORS.contains(&t.to_lowercase().as_str());
        if !drop {
            break;
        }
        a += 1;
    }
    a
}

fn is_small_place(e: &Entry, max_population: u64) -> bool {
    matches!(e.kind, EntryKind::City) && e.population < max_population
}

/// Rules for a whole capitalised run that holds lexicon places but is something else:
/// - a given name before a town that is also a surname: "Matt Lawton", "Carla Sacramento";
/// - a title before a small town's name: "King Sihanouk";
/// - a small town's name that is also a given name or particle before a surname:
///   "Abu Ammar", "Inga Babakova";
/// - a sports club: "Dynamo Kyiv", "Leeds United", "San Francisco Giants".
fn run_over_places(ctx: &DocContext, s: &Sentence, sidx: u32, run: (usize, usize), inside: &[&(LexMatch, &Entry, MentionSource)], shouting: bool) -> Option<Mention> {
    let toks = &ctx.seg.tokens;
    if inside.is_empty() || !inside.iter().all(|(_, e, _)| e.label.is_place()) {
        return None;
    }
    let mut a = name_start(ctx, s, run.0, run.1);
    let b = run.1;
    // Leading capitalised titles are the role ("Foreign Secretary Philip Hammond").
    let mut role: Option<String> = None;
    while a < b {
        let pos = toks[a].start;
        let Some((_, e, _)) = ctx.res.titles.find_in(ctx.text, pos, toks[b - 1].end).next().filter(|(st, _, _)| *st == pos && first_char_upper(ctx.token_text(a))) else { break };
        role = Some(ctx.text[toks[run.0.max(name_start(ctx, s, run.0, run.1))].start..e].to_string());
        a = ctx.token_at(e);
    }
    if a >= b || b - a > 4 || (a..b).any(|i| NAME_CONNECTORS.contains(&ctx.token_text(i))) {
        return None;
    }
    let (start, end) = (toks[a].start, toks[b - 1].end);
    if inside.iter().any(|(m, _, _)| m.start < start) {
        return None;
    }
    let words: Vec<&str> = (a..b).map(|i| ctx.token_text(i)).collect();
    let n = words.len();
    let first_hit = inside[0];
    let first_hit_tok = ctx.token_of(first_hit.0.start);
    let hit_at = |i: usize| inside.iter().find(|(m, _, _)| ctx.token_of(m.start) == i);
    // Sports clubs.
    if role.is_none() && n >= 2 && (CLUB_PREFIXES.contains(&words[0]) && hit_at(a + 1).is_some() || CLUB_SUFFIXES.contains(&words[n - 1]) && first_hit_tok == a) {
        return Some(rule_mention(start, end, sidx, Label::Org));
    }
    // A place name then capitalised plurals: "San Francisco Giants", "Kyiv Dynamos".
    let last = words[n - 1];
    // (Capitalised mid-sentence, so "Giants" or "Rangers" is a name even though common.)
    let last_is_plural = last.len() > 3
        && last.ends_with('s')
        && !last.ends_with("ss")
        && last.chars().skip(1).all(|c| c.is_lowercase())
        && !PLACE_SUFFIXES.contains(&last)
        && !ctx.res.org_heads.contains(last)
        // "Curtis", "Roberts", "Paes": surnames, not team plurals ("Giants", "Yankees").
        && !(last.ends_with("is") || last.ends_with("us") || last.ends_with("as") || last.ends_with("os") || (last.ends_with("es") && !last.ends_with("ees")))
        && !ctx.res.first_names.contains(words[0])
        && !ctx.res.first_names.contains(last.trim_end_matches('s'));
    if role.is_none() && !shouting && n >= 2 && first_hit_tok == a && last_is_plural && hit_at(b - 1).is_none() && inside.iter().all(|(m, _, _)| m.end <= toks[b - 2].end) {
        return Some(rule_mention(start, end, sidx, Label::Org));
    }
    let one_token_hits = inside.iter().all(|(m, _, _)| toks.get(ctx.token_of(m.start)).is_some_and(|t| t.start == m.start && t.end == m.end));
    if n < 2 || n > 3 || !one_token_hits {
        return None;
    }
    let all_small = inside.iter().all(|(_, e, _)| is_small_place(e, u64::MAX) || e.kind == EntryKind::Location);
    if !all_small {
        return None;
    }
    // Every word is a name-like word or a town hit.
    let namey = (a..b).all(|i| hit_at(i).is_some() || looks_like_surname(ctx, ctx.token_text(i)) || ctx.res.first_names.contains(ctx.token_text(i)));
    if !namey {
        return None;
    }
    let at_start = (s.tok_start..a).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number);
    let given = |w: &str| ctx.res.first_names.contains(w) && (!ctx.res.ambiguous_first_names.contains(w) || !at_start);
    let person = |role: Option<String>| {
        let mut m = rule_mention(start, end, sidx, Label::Person);
        m.role = role;
        Some(m)
    };
    // Given name, then the town-surname.
    if hit_at(a).is_none() && given(words[0]) {
        return person(role);
    }
    // A small town that doubles as a given name or particle, then a surname.
    let name_like_first = NAME_PARTICLES.contains(&words[0]) || ctx.res.first_names.contains(words[0]) || ctx.res.first_names.contains(words[1]);
    if !shouting && name_like_first && hit_at(a).map_or(false, |(_, e, _)| is_small_place(e, 1_000_000)) && hit_at(a + 1).is_none() && looks_like_surname(ctx, words[1]) {
        return person(role);
    }
    None
}

/// The capitalised words before "of [the]" + place name end in an organisation head:
/// the organisation runs from the first of them to the end of the place name.
fn org_of_place(ctx: &DocContext, s: &Sentence, sidx: u32, gap: (usize, usize), hit: &LexMatch, e: &Entry) -> Option<Mention> {
    if !e.label.is_place() || gap.1 < gap.0 + 2 {
        return None;
    }
    let mut k = gap.1;
    if ctx.token_text(k - 1) == "the" {
        k -= 1;
    }
    if k < gap.0 + 2 || !matches!(ctx.token_text(k - 1), "of" | "for") || !ctx.res.org_heads.contains(ctx.token_text(k - 2)) || COMPANY_SUFFIXES.contains(&ctx.token_text(k - 2)) {
        return None;
    }
    let head = k - 2;
    // Back from the head over capitalised words that are not titles' persons.
    let first = name_start(ctx, s, gap.0, head + 1);
    let mut a = head;
    while a > first && first_char_upper(ctx.token_text(a - 1)) {
        a -= 1;
    }
    if a > head {
        return None;
    }
    Some(rule_mention(ctx.seg.tokens[a].start, hit.end, sidx, Label::Org))
}

/// Does an organisation head word (not a company suffix) stand right before "of"/"for"
/// inside these words, with a capitalised word after the connector(s)?
fn head_of_phrase(ctx: &DocContext, words: &[&str]) -> bool {
    words.windows(3).any(|w| {
        ctx.res.org_heads.contains(w[0]) && !COMPANY_SUFFIXES.contains(&w[0]) && matches!(w[1], "of" | "for") && (first_char_upper(w[2]) || w[2] == "the")
    })
}

/// Is the run followed by "(ACRONYM)" whose letters are the initials of its words, in order?
fn acronym_follows(ctx: &DocContext, s: &Sentence, end: usize, words: &[&str]) -> bool {
    let rest = ctx.text[end..s.end].trim_start();
    let Some(inner) = rest.strip_prefix('(') else { return false };
    let Some(close) = inner.find(')') else { return false };
    let acr = inner[..close].trim();
    let letters: Vec<char> = acr.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 2 || letters.len() > 8 || !letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let initials: Vec<char> = words.iter().filter_map(|w| w.chars().next()).filter(|c| c.is_uppercase()).collect();
    if initials.first() != letters.first() {
        return false;
    }
    // Every acronym letter is found among the initials, in order (a few letters may come
    // from inside a word: "NATO", "SBU").
    let mut i = 0;
    let matched = letters.iter().filter(|&&c| {
        while i < initials.len() {
            i += 1;
            if initials[i - 1] == c {
                return true;
            }
        }
        false
    });
    matched.count() * 2 >= letters.len() + 1
}

/// Is a speech verb the next word after `pos` ("Weber said", "Weber told reporters")?
fn followed_by_speech(ctx: &DocContext, s: &Sentence, pos: usize) -> bool {
    let rest = ctx.text[pos..s.end].trim_start_matches(' ');
    let w_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    let w = &rest[..w_end];
    !w.is_empty() && w.chars().all(|c| c.is_lowercase()) && ctx.res.cues.get(w).map_or(false, |c| c.kind == crate::lexicon::CueKind::Speech)
}

/// A title right before a small town's name makes it a surname: "King Sihanouk",
/// "Colonel Bucha" (the capitalised title is inside the run).
fn title_before_place(ctx: &DocContext, s: &Sentence, hit: &LexMatch, e: &Entry) -> Option<(usize, String)> {
    if !is_small_place(e, 1_000_000) || ctx.text[hit.start..hit.end].contains(' ') {
        return None;
    }
    let (ts, _, _) = title_before(ctx, s, hit.start)?;
    let title = ctx.text[ts..hit.start].trim_end();
    // Only a capitalised title written right before the name ("King", "Defence Minister").
    (!title.is_empty() && title.split_whitespace().all(first_char_upper)).then(|| (ts, title.to_string()))
}

/// Classify a capitalised run nobody's lexicon knows. Returns the mention (possibly
/// narrower than the run) or None.
fn classify_run(ctx: &DocContext, s: &Sentence, sidx: u32, run: (usize, usize)) -> Option<Mention> {
    let toks = &ctx.seg.tokens;
    let (mut a, b) = run;
    // Leading sentence-initial ordinary word ("The", "After", "Officials").
    let at_sentence_start = |i: usize| -> bool { (s.tok_start..i).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number) };
    while a < b {
        let t = ctx.token_text(a);
        let title_here = ctx.res.titles.find_in(ctx.text, toks[a].start, toks[b - 1].end).next().map_or(false, |(st, _, _)| st == toks[a].start);
        let drop = (at_sentence_start(a) && !title_here && (ctx.res.is_common_word(t) || ctx.res.abbreviations.is_starter(t)) && !ctx.res.first_names.contains(t))
            || NAME_CONNECTORS.contains(&t.to_lowercase().as_str());
        if !drop {
            break;
        }
        a += 1;
    }
    // Leading title words belong to the role, not the name ("President Smith").
    let mut role: Option<String> = None;
    let mut title_kind: Option<TitleKind> = None;
    let mut k = a;
    while k < b {
        let pos = toks[k].start;
        let hit = ctx.res.titles.find_in(ctx.text, pos, toks[b - 1].end).next().filter(|(st, _, _)| *st == pos);
        match hit {
            Some((_, e, title)) if first_char_upper(ctx.token_text(k)) => {
                role = Some(role.map_or(title.canonical.clone(), |r| format!("{r} {}", title.canonical)));
                title_kind = Some(title.kind);
                k = ctx.token_at(e);
            }
            _ => break,
        }
    }
    if k > a && k < b {
        a = k;
    } else if k == b {
        return None; // only title words ("President", "Defence Minister")
    }
    if a >= b {
        return None;
    }
    // Trailing connectors are never part of a name.
    let mut b = b;
    while b > a && NAME_CONNECTORS.contains(&ctx.token_text(b - 1)) {
        b -= 1;
    }
    let words: Vec<&str> = (a..b).map(|i| ctx.token_text(i)).collect();
    let n = words.len();
    let (start, end) = (toks[a].start, toks[b - 1].end);
    let last = *words.last()?;
    let first = words[0];

    // Organisation head word at the end: "Kharkiv Regional Military Administration".
    if ctx.res.org_heads.contains(last) && n >= 2 {
        return Some(rule_mention(start, end, sidx, Label::Org));
    }
    // An organisation head word before "of"/"for" and more capitalised words: "Ministry of
    // Higher Education", "Board of Inquiry", "Institute for Economic Studies". (The run's
    // end is not a head word, so the rule above missed it.)
    if n >= 3 && role.is_none() && head_of_phrase(ctx, &words) {
        return Some(rule_mention(start, end, sidx, Label::Org));
    }
    // An acronym of the run in brackets right after it: "Bank Rozwoju Eksportu (BRE)".
    if n >= 2 && role.is_none() && !ctx.res.first_names.contains(first) && acronym_follows(ctx, s, end, &words) {
        return Some(rule_mention(start, end, sidx, Label::Org));
    }
    let title_outside = if role.is_none() { title_before(ctx, s, start) } else { None };
    let person_by_title = role.is_some() && title_kind != Some(TitleKind::Office) || title_outside.as_ref().map_or(false, |t| t.2 != TitleKind::Office || first_char_upper(&ctx.text[t.0..start]))
        || role.is_some();
    let known_first = ctx.res.first_names.contains(first) && (!ctx.res.ambiguous_first_names.contains(first) || !at_sentence_start(a));
    let followed_by_cue = {
        let rest = &ctx.text[end..s.end];
        let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let next_word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        ctx.res.cues.get(&rest[..next_word_end]).is_some()
    };
    let looks_like_name = words.iter().all(|w| !ctx.res.is_common_word(w) && !is_all_caps(w));
    // "..., said Kowalski." — a speech verb before a name that closes the clause.
    let said_before = previous_word(ctx, start).map_or(false, |w| SAID_BEFORE_NAME.contains(&w))
        && ctx.text[end..s.end].trim_start().chars().next().map_or(true, |c| matches!(c, '.' | ',' | ';' | ':' | '"' | '\'' | ')'));
    // In a title-case or all-caps line (headlines, "KHARKIV, Ukraine"), capitals say
    // nothing: only a title, a known given name or an organisation head word count.
    let shouting = is_shouting(ctx, s);
    let label = if person_by_title && looks_like_name || known_first && n >= 2 {
        Label::Person
    } else if shouting {
        return None;
    } else if n == 1 && is_all_caps(first) && first.chars().count() <= 6 {
        Label::Org
    } else if (followed_by_cue || said_before && n <= 3) && looks_like_name {
        Label::Person
    } else if n <= 3 && looks_like_name && preceded_by_place_word(ctx, start) && !words.iter().any(|w| looks_like_ordinary_word(ctx, w)) {
        Label::Gpe
    } else if (2..=3).contains(&n) && looks_like_name {
        Label::Person
    } else {
        return None;
    };
    let mut m = rule_mention(start, end, sidx, label);
    if label == Label::Person {
        m.role = role.or_else(|| title_outside.map(|(ts, _, _)| {
            let rs = role_start(ctx, s, ts);
            ctx.text[rs..start].trim_end().trim_end_matches(',').trim_end().to_string()
        }));
    }
    Some(m)
}

/// The role written next to a person's name: a title before ("Kremlin spokesman Dmitry
/// Peskov") or an appositive after ("Dmitry Peskov, the Kremlin spokesman,").
fn role_around(ctx: &DocContext, s: &Sentence, m: &Mention) -> Option<String> {
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
    let has_title = ctx.res.titles.find_in(ctx.text, abs, abs + clause_len).any(|(_, _, t)| t.kind != TitleKind::Honorific);
    if !has_title {
        return None;
    }
    let role = clause.trim();
    let role = role.strip_prefix("the ").or_else(|| role.strip_prefix("a ")).or_else(|| role.strip_prefix("an ")).unwrap_or(role);
    Some(role.to_string())
}

/// All named-entity mentions of the document (DATE/number mentions come from `dates` and
/// `numbers`).
pub fn recognize(ctx: &DocContext) -> Vec<Mention> {
    let hits = lexicon_hits(ctx);
    let mut out: Vec<Mention> = Vec::new();
    let mut hit_i = 0;
    for (sidx, s) in ctx.seg.sentences.iter().enumerate() {
        let sidx = sidx as u32;
        // This sentence's lexicon hits.
        while hit_i < hits.len() && hits[hit_i].0.start < s.start {
            hit_i += 1;
        }
        let mut sent_hits = Vec::new();
        let mut j = hit_i;
        while j < hits.len() && hits[j].0.end <= s.end {
            let (m, e, src) = &hits[j];
            if !implausible_hit(ctx, m, e, s) {
                sent_hits.push((*m, *e, *src));
            }
            j += 1;
        }
        let shouting = is_shouting(ctx, s);
        let mut sent_mentions: Vec<Mention> = Vec::new();
        for run in capitalised_runs(ctx, s) {
            let (rs, re) = (ctx.seg.tokens[run.0].start, ctx.seg.tokens[run.1 - 1].end);
            let inside: Vec<&(LexMatch, &Entry, MentionSource)> = sent_hits.iter().filter(|(m, _, _)| m.start >= rs && m.end <= re).collect();
            let last = ctx.token_text(run.1 - 1);
            let whole_is_one_hit = inside.len() == 1 && inside[0].0.start == rs && inside[0].0.end == re;
            if !whole_is_one_hit && run.1 - run.0 >= 2 && ctx.res.org_heads.contains(last) {
                // "Russian Defence Ministry", "Kharkiv Regional Military Administration"
                if let Some(m) = classify_run(ctx, s, sidx, run) {
                    if m.label == Label::Org {
                        sent_mentions.push(m);
                        continue;
                    }
                }
            }
            if let Some(m) = run_over_places(ctx, s, sidx, run, &inside, shouting) {
                sent_mentions.push(m);
                continue;
            }
            // A one-word person key after a given name that is not this person's ("Yuri"
            // + "Danilov" when the lexicon knows Oleksiy Danilov) is somebody else.
            if let Some((m, e, _)) = inside.iter().find(|(m, e, _)| e.kind == EntryKind::Person && !ctx.text[m.start..m.end].contains(' ')) {
                let tok = ctx.token_of(m.start);
                if tok > run.0 {
                    let given = ctx.token_text(tok - 1);
                    let own_given = e.canonical.split(' ').next().map_or(false, |g| g == given);
                    if ctx.res.first_names.contains(given) && !own_given {
                        let mut x = rule_mention(ctx.seg.tokens[tok - 1].start, m.end, sidx, Label::Person);
                        x.role = None;
                        sent_mentions.push(x);
                        continue;
                    }
                }
            }
            // Lexicon hits stand; the capitalised stretches between them are classified.
            let mut cursor = run.0;
            for (m, e, _) in inside.iter() {
                let hit_tok = ctx.token_of(m.start);
                if hit_tok < cursor {
                    continue;
                }
                // "National Bank of Poland", "Government of Iraq": an organisation named
                // after its place.
                if let Some(x) = org_of_place(ctx, s, sidx, (cursor, hit_tok), m, e) {
                    sent_mentions.push(x);
                    cursor = ctx.token_at(m.end);
                    continue;
                }
                // "King Sihanouk": a title makes a small town's name a surname.
                if !shouting {
                    if let Some((ts, role)) = title_before_place(ctx, s, m, e) {
                        if hit_tok > cursor {
                            let title_tok = ctx.token_at(ts);
                            if title_tok > cursor {
                                if let Some(x) = classify_run(ctx, s, sidx, (cursor, title_tok)) {
                                    sent_mentions.push(x);
                                }
                            }
                        }
                        // The name may go on: "President Tono Eitel".
                        let mut end_tok = ctx.token_at(m.end);
                        while end_tok < run.1 && end_tok < hit_tok + 3 && looks_like_surname(ctx, ctx.token_text(end_tok)) && !inside.iter().any(|(h, _, _)| ctx.token_of(h.start) == end_tok) {
                            end_tok += 1;
                        }
                        let mut x = rule_mention(m.start, ctx.seg.tokens[end_tok - 1].end, sidx, Label::Person);
                        x.role = Some(role);
                        sent_mentions.push(x);
                        cursor = end_tok;
                        continue;
                    }
                }
                // A small town's name before a speech verb is somebody's surname:
                // "Weber said".
                if !shouting && run.1 - run.0 == 1 && is_small_place(e, 300_000) && !preceded_by_place_word(ctx, m.start) && followed_by_speech(ctx, s, m.end) {
                    sent_mentions.push(rule_mention(m.start, m.end, sidx, Label::Person));
                    cursor = ctx.token_at(m.end);
                    continue;
                }
                if hit_tok > cursor {
                    if let Some(x) = classify_run(ctx, s, sidx, (cursor, hit_tok)) {
                        sent_mentions.push(x);
                    }
                }
                cursor = cursor.max(ctx.token_at(m.end));
            }
            if cursor < run.1 {
                // A first name before a lexicon surname ("Volodymyr" + "Zelensky") is
                // already part of the person key; anything else is classified.
                if let Some(x) = classify_run(ctx, s, sidx, (cursor, run.1)) {
                    sent_mentions.push(x);
                }
            }
        }
        // Numbered names ("Lyceum No. 3") replace whatever the runs made of them.
        for (start, end, m) in numbered_names(ctx, s, sidx) {
            sent_mentions.retain(|x| x.end <= start || end <= x.start);
            match m {
                Some(m) => sent_mentions.push(m),
                // Keep the lexicon off it too: a placeholder removed below.
                None => sent_mentions.push(rule_mention(start, end, sidx, Label::Cardinal)),
            }
        }
        // Lexicon hits not swallowed by an organisation run.
        for (m, e, src) in &sent_hits {
            if sent_mentions.iter().any(|x| x.start < m.end && m.start < x.end) {
                continue;
            }
            sent_mentions.push(e.mention(m.start, m.end, sidx, *src));
        }
        sent_mentions.retain(|m| m.label != Label::Cardinal);
        sent_mentions.sort_by_key(|m| (m.start, m.end));
        let units = admin_unit_spans(ctx, s, sidx, &sent_mentions);
        for u in units {
            sent_mentions.retain(|x| x.end <= u.start || u.end <= x.start);
            sent_mentions.push(u);
        }
        for m in sent_mentions.iter_mut() {
            if m.label == Label::Person && m.role.is_none() {
                m.role = role_around(ctx, s, m);
            }
        }
        out.extend(sent_mentions);
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

#[cfg(test)]
pub(crate) fn tests_run(text: &str) -> Vec<(String, Label, Option<String>, Option<String>)> {
    crate::context::with_context(text, None, |ctx| {
        recognize(ctx).into_iter().map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.entity_id, m.geo.country)).collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Vec<(String, Label, Option<String>, Option<String>)> {
        crate::context::with_context(text, None, |ctx| {
            recognize(ctx).into_iter().map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.canonical, m.role)).collect()
        })
    }

    fn find<'a>(ms: &'a [(String, Label, Option<String>, Option<String>)], text: &str) -> Option<&'a (String, Label, Option<String>, Option<String>)> {
        ms.iter().find(|m| m.0 == text)
    }

    #[test]
    fn a_cyrillic_name_is_its_own_run() {
        // (text, the person's surface, role)
        let cases = [
            ("On Monday Олег Синегубов spoke.", "Олег Синегубов", None),
            ("Олег Синегубов and Микола Гриценко met in Kharkiv.", "Микола Гриценко", None),
            ("Kharkiv Mayor Ігор Терехов said the city was shelled.", "Ігор Терехов", Some("Kharkiv Mayor")),
        ];
        for (text, surface, role) in cases {
            let ms = crate::context::with_context(text, None, |ctx| {
                recognize(ctx).into_iter().map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.role)).collect::<Vec<_>>()
            });
            let m = ms.iter().find(|m| m.0 == surface).unwrap_or_else(|| panic!("{text}: {ms:?}"));
            assert_eq!((m.1, m.2.as_deref()), (Label::Person, role), "{text}: {ms:?}");
        }
    }

    #[test]
    fn lexicon_places_and_variants() {
        let ms = run("Shelling hit Kiev and Zaporizhzhya overnight, officials in Kharkov said.");
        assert_eq!(find(&ms, "Kiev").unwrap().2.as_deref(), Some("Kyiv"));
        assert_eq!(find(&ms, "Zaporizhzhya").unwrap().2.as_deref(), Some("Zaporizhzhia"));
        assert_eq!(find(&ms, "Kharkov").unwrap().1, Label::Gpe);
    }

    #[test]
    fn people_from_lexicon_and_titles() {
        let ms = run("Ukrainian President Volodymyr Zelenskiy met Defence Minister Oleksandr Hrytsenko in Kyiv.");
        let z = find(&ms, "Volodymyr Zelenskiy").expect("zelenskiy");
        assert_eq!(z.1, Label::Person);
        assert_eq!(z.2.as_deref(), Some("Volodymyr Zelensky"));
        assert_eq!(z.3.as_deref(), Some("Ukrainian President"));
        let h = find(&ms, "Oleksandr Hrytsenko").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!(h.1, Label::Person);
        assert_eq!(h.3.as_deref(), Some("Defence Minister"));
        assert_eq!(find(&ms, "Ukrainian").unwrap().1, Label::Norp);
    }

    #[test]
    fn organisation_runs_swallow_names() {
        let ms = run("The Russian Defence Ministry said the Kharkiv Regional Military Administration was hit.");
        assert_eq!(find(&ms, "Russian Defence Ministry").map(|m| m.1), Some(Label::Org), "{ms:?}");
        assert_eq!(find(&ms, "Kharkiv Regional Military Administration").map(|m| m.1), Some(Label::Org), "{ms:?}");
        assert!(find(&ms, "The Russian Defence Ministry").is_none());
    }

    #[test]
    fn appositive_role_and_cue_rule() {
        let ms = run("Ivan Petrenko, the mayor of Bucha, said the town was quiet. Petrenko added more.");
        let p = find(&ms, "Ivan Petrenko").expect("petrenko");
        assert_eq!(p.1, Label::Person);
        assert_eq!(p.3.as_deref(), Some("mayor of Bucha"));
    }

    #[test]
    fn given_names_are_not_towns_and_surnames_stay_apart() {
        let ms = run("Security chief Yuri Danilov said so. Defence Minister Oleksandr Hrytsenko agreed.");
        let y = find(&ms, "Yuri Danilov").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!(y.1, Label::Person);
        assert_eq!(y.2, None);
        assert_eq!(find(&ms, "Oleksandr Hrytsenko").unwrap().3.as_deref(), Some("Defence Minister"));
    }

    #[test]
    fn headlines_in_capitals_are_not_full_of_names() {
        let ms = run("RUSSIAN STRIKES HIT POWER GRID AS WINTER NEARS\nShelling Kills Five Civilians In Izium\nText follows.");
        assert!(ms.iter().all(|m| m.1 != Label::Org && m.1 != Label::Person), "{ms:?}");
        assert!(find(&ms, "Izium").is_some());
    }

    #[test]
    fn a_date_after_a_name_is_not_part_of_it() {
        let ms = run("Defence Minister Oleksandr Hrytsenko on Tuesday ruled out talks.");
        assert!(find(&ms, "Oleksandr Hrytsenko").is_some(), "{ms:?}");
    }

    #[test]
    fn sentence_initial_words_are_not_names() {
        let ms = run("After the attack, Russian troops withdrew. The Pentagon said nothing.");
        assert!(find(&ms, "After").is_none());
        assert!(ms.iter().all(|m| !m.0.starts_with("The ")), "{ms:?}");
    }

    #[test]
    fn given_name_before_a_town_name_is_a_person() {
        let ms = run("The visitors scored late through Matt Lawton, and the coach praised Carla Sacramento.");
        assert_eq!(find(&ms, "Matt Lawton").map(|m| m.1), Some(Label::Person), "{ms:?}");
        assert_eq!(find(&ms, "Carla Sacramento").map(|m| m.1), Some(Label::Person), "{ms:?}");
        assert!(find(&ms, "Lawton").is_none(), "{ms:?}");
    }

    #[test]
    fn name_particle_town_before_a_surname_is_a_person() {
        let ms = run("Police said the suspect Abu Ammar was held near the border.");
        assert_eq!(find(&ms, "Abu Ammar").map(|m| m.1), Some(Label::Person), "{ms:?}");
        // A region key stays a place.
        let ms = run("Drones struck Kharkiv Oblast again overnight.");
        assert_eq!(find(&ms, "Kharkiv Oblast").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    }

    #[test]
    fn capitalised_title_before_a_town_name_makes_a_surname() {
        let ms = run("The exiled King Sihanouk returned to the capital on Monday.");
        let k = find(&ms, "Sihanouk").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!(k.1, Label::Person);
        assert_eq!(k.3.as_deref(), Some("King"));
    }

    #[test]
    fn clubs_named_after_places_are_organisations() {
        let ms = run("Dynamo Kyiv lost to Leeds United, while fans of the San Francisco Giants celebrated.");
        assert_eq!(find(&ms, "Dynamo Kyiv").map(|m| m.1), Some(Label::Org), "{ms:?}");
        assert_eq!(find(&ms, "Leeds United").map(|m| m.1), Some(Label::Org), "{ms:?}");
        assert_eq!(find(&ms, "San Francisco Giants").map(|m| m.1), Some(Label::Org), "{ms:?}");
        // A plain place stays a place.
        let ms = run("Shelling hit Kyiv on Friday and later Odesa.");
        assert_eq!(find(&ms, "Kyiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    }

    #[test]
    fn organisation_head_of_a_place_is_one_organisation() {
        let ms = run("The governor met the National Bank of Poland and the University of Kharkiv.");
        assert_eq!(find(&ms, "National Bank of Poland").map(|m| m.1), Some(Label::Org), "{ms:?}");
        assert_eq!(find(&ms, "University of Kharkiv").map(|m| m.1), Some(Label::Org), "{ms:?}");
        // A company "of" its home town is the company, then the town.
        let ms = run("Shares of Brandwell Corp of Odesa rose.");
        assert!(find(&ms, "Brandwell Corp of Odesa").is_none(), "{ms:?}");
        assert_eq!(find(&ms, "Odesa").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    }

    #[test]
    fn acronym_in_brackets_marks_an_organisation() {
        let ms = run("Auditors from the Grain Export Monitoring Bureaux (GEMB) arrived.");
        assert_eq!(find(&ms, "Grain Export Monitoring Bureaux").map(|m| m.1), Some(Label::Org), "{ms:?}");
    }

    #[test]
    fn speech_verb_before_or_after_a_name() {
        let ms = run("\"We will rebuild the bridge,\" said Kowalczyk. Weber said the talks had stalled.");
        assert_eq!(find(&ms, "Kowalczyk").map(|m| m.1), Some(Label::Person), "{ms:?}");
        assert_eq!(find(&ms, "Weber").map(|m| m.1), Some(Label::Person), "{ms:?}");
        // Capitals that speak stay places.
        let ms = run("Moscow said the talks had stalled.");
        assert_eq!(find(&ms, "Moscow").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    }

    #[test]
    fn honorific_and_single_surname() {
        let ms = run("Mr. Blenkowitz declined to comment, and Dr Marchetti agreed.");
        assert_eq!(find(&ms, "Blenkowitz").map(|m| m.1), Some(Label::Person), "{ms:?}");
        assert_eq!(find(&ms, "Marchetti").map(|m| m.1), Some(Label::Person), "{ms:?}");
    }

    #[test]
    fn numbered_facilities_are_never_people() {
        let ms = tests_run("Overnight a missile struck Lyceum No. 3 in Kharkiv. School No. 6 lost its windows, and doctors at Hospital No. 2 treated the wounded.");
        assert!(ms.iter().all(|m| m.1 != Label::Person), "{ms:?}");
        for name in ["Lyceum No. 3", "School No. 6", "Hospital No. 2"] {
            assert_eq!(ms.iter().find(|m| m.0 == name).map(|m| m.1), Some(Label::Org), "{name}: {ms:?}");
        }
        assert!(ms.iter().all(|m| !m.0.ends_with("No.")), "no half names: {ms:?}");
        assert_eq!(ms.iter().find(|m| m.0 == "Kharkiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
        // A place before the numbered name keeps its own mention; documents are laws.
        let ms = tests_run("Teachers of the Kharkiv Lyceum No. 3 met. The president signed Decree No. 71 on Friday. Reactor Unit No. 4 was shut.");
        assert!(ms.iter().all(|m| m.1 != Label::Person && !m.0.contains("Unit")), "{ms:?}");
        assert_eq!(ms.iter().find(|m| m.0 == "Kharkiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
        assert_eq!(ms.iter().find(|m| m.0 == "Decree No. 71").map(|m| m.1), Some(Label::Law), "{ms:?}");
    }

    #[test]
    fn ordinary_words_opening_a_sentence_are_not_small_towns() {
        // "Marks" and "Orchards" are small towns in the lexicon, and plurals of common words.
        let ms = tests_run("Marks of shrapnel covered the walls. Orchards burned near the front line. Firefighters arrived at dawn.");
        assert!(ms.iter().all(|m| !m.1.is_place()), "{ms:?}");
        // A town whose name is no English word still counts at the start of a sentence,
        // and a big city always does.
        let ms = tests_run("Khojaly was shelled again. Kharkiv had no power.");
        assert_eq!(ms.iter().find(|m| m.0 == "Khojaly").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
        assert_eq!(ms.iter().find(|m| m.0 == "Kharkiv").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
    }

    #[test]
    fn weapon_systems_are_products_not_organisations() {
        let ms = tests_run("Kyiv used HIMARS and ATACMS against an S-300 battery, while Moscow fired Kh-101 and Kalibr missiles, Shahed drones and an Iskander. Germany sent Leopard tanks; Abrams tanks and a Patriot air defence system followed. MLRS units fired back.");
        for w in ["HIMARS", "ATACMS", "S-300", "Kh-101", "Kalibr", "Shahed", "Iskander", "Leopard", "Abrams tanks", "Patriot air defence system", "MLRS"] {
            let m = ms.iter().find(|m| m.0 == w).unwrap_or_else(|| panic!("{w}: {ms:?}"));
            assert_eq!(m.1, Label::Product, "{w}: {ms:?}");
            assert!(m.2.as_deref().map_or(false, |id| id.starts_with("product:")), "{w}: {ms:?}");
        }
        // "Patriot" alone is not a key.
        let ms = tests_run("The Patriot Act was debated.");
        assert!(ms.iter().all(|m| m.1 != Label::Product), "{ms:?}");
    }

    #[test]
    fn district_and_community_names_are_one_place() {
        let ms = tests_run("Debris fell on the Darnytskyi district of Kyiv. Fighting went on in the Bakhmut district, the Kupiansk raion and the Nikopol community.");
        let get = |t: &str| ms.iter().find(|m| m.0 == t).cloned();
        let d = get("Darnytskyi district").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!((d.1, d.2.as_deref()), (Label::Gpe, Some("gpe:darnytskyi-district")));
        assert_eq!(get("Kyiv").map(|m| m.1), Some(Label::Gpe));
        let b = get("Bakhmut district").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!((b.1, b.2.as_deref(), b.3.as_deref()), (Label::Gpe, Some("gpe:bakhmut-district"), Some("UA")), "the town lends its country");
        assert_eq!(get("Kupiansk raion").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
        assert_eq!(get("Nikopol community").map(|m| m.1), Some(Label::Gpe), "{ms:?}");
        // Groups and ordinary words before "community" are not places.
        let ms = tests_run("The international community and the Jewish community reacted. The Central district court ruled.");
        assert!(ms.iter().all(|m| !m.0.ends_with("community") && !m.0.ends_with("district")), "{ms:?}");
    }

    #[test]
    fn head_word_before_of_makes_an_organisation() {
        let ms = tests_run("Officials at the Ministry of Higher Education and the Institute for Strategic Studies disagreed.");
        assert_eq!(ms.iter().find(|m| m.0 == "Ministry of Higher Education").map(|m| m.1), Some(Label::Org), "{ms:?}");
        assert_eq!(ms.iter().find(|m| m.0 == "Institute for Strategic Studies").map(|m| m.1), Some(Label::Org), "{ms:?}");
    }
}
