//! Places among the capitalised words: lexicon hits and the checks that keep or drop them,
//! administrative units ("Izium district"), runs made of place names (clubs, "X of Y"
//! organisations, small towns that are surnames).

use super::*;
use crate::context::DocContext;
use crate::lexicon::{Entry, EntryKind, LexMatch};
use crate::model::{Label, Mention, MentionSource, PlaceType, Sentence, TokenKind};

/// Prepositions after which an unknown capitalised word is most likely a place.
pub(super) const PLACE_PREPOSITIONS: &[&str] =
    &["in", "near", "outside", "around", "from", "into", "towards", "toward", "across", "through"];
pub(super) const PLACE_NOUNS: &[&str] =
    &["village", "town", "city", "settlement", "region", "district", "oblast", "province", "port", "suburb"];

/// Capitalised words after a place name that keep it a place ("Kyiv Oblast", "Donetsk
/// Airport"): a place name followed by one of these is not a person or a club.
pub(super) const PLACE_SUFFIXES: &[&str] = &[
    "Oblast",
    "Region",
    "District",
    "Raion",
    "Rayon",
    "Province",
    "Governorate",
    "Krai",
    "County",
    "City",
    "Town",
    "Village",
    "Airport",
    "Station",
    "Square",
    "Street",
    "Avenue",
    "Bridge",
    "Dam",
    "Plant",
    "Port",
    "Bay",
    "River",
    "Lake",
    "Valley",
    "Highway",
    "Road",
    "Gate",
    "Palace",
    "Cathedral",
    "Stadium",
    "Arena",
    "Park",
    "Island",
    "Islands",
    "Peninsula",
    "Sea",
    "Gulf",
    "Strait",
    "Canal",
    "Heights",
    "Base",
    "Prison",
    "Hospital",
    "Hotel",
    "Direction",
    "Axis",
    "Mountains",
    "Hills",
    "Municipality",
    "Community",
    "Hromada",
    "Communique",
    "Agreement",
    "Accords",
    "Protocol",
    "Format",
    "Summit",
];
/// Capitalised words before a name that make it a place of that kind: "Mount Sinjar",
/// "Lake Tharthar", "Cape Ortegal" (LOC); "Camp Taji", "Fort Campbell" (FAC).
pub(super) const PLACE_PREFIXES: &[(&str, Label)] =
    &[("Mount", Label::Loc), ("Lake", Label::Loc), ("Cape", Label::Loc), ("Camp", Label::Fac), ("Fort", Label::Fac)];
/// Capitalised compass words that are part of a place's name before it: "East Mosul",
/// "Southern Iraq", "Central Asia".
pub(super) const COMPASS_PREFIXES: &[&str] = &[
    "North",
    "South",
    "East",
    "West",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Central",
];

/// "Mount Sinjar", "Camp Hurriya": a place prefix and one or two name words (known or
/// not) are one place. A whole lexicon key ("Fort Worth", "Cape Town") was taken before.
pub(super) fn prefixed_place(ctx: &DocContext, s: &Sentence, sidx: u32, run: (usize, usize)) -> Option<Mention> {
    let a = name_start(ctx, s, run.0, run.1);
    let (_, label) = PLACE_PREFIXES.iter().find(|(p, _)| *p == ctx.token_text(a))?;
    let n = run.1 - a;
    let namey = (a + 1..run.1).all(|i| {
        let w = ctx.token_text(i);
        !looks_like_ordinary_word(ctx, w) && !is_all_caps(w) && !ctx.res.org_heads.contains(w)
    });
    if !(2..=3).contains(&n) || !namey {
        return None;
    }
    let (start, end) = (ctx.seg.tokens[a].start, ctx.seg.tokens[run.1 - 1].end);
    Some(rule_mention(start, end, sidx, *label))
}

/// "East Mosul", "Southern Iraq": a capitalised compass word right before a known place
/// (and inside no other mention) is part of the name. The place keeps its geography; the
/// name and id are its own (a part is not the whole).
pub(super) fn compass_places(ctx: &DocContext, s: &Sentence, mentions: &mut [Mention]) {
    let free = |pos: usize, ms: &[Mention]| !ms.iter().any(|m| m.start <= pos && pos < m.end);
    for k in 0..mentions.len() {
        let m = &mentions[k];
        if !matches!(m.label, Label::Gpe | Label::Loc) || m.source != MentionSource::Lexicon {
            continue;
        }
        let t = ctx.token_at(m.start);
        if t <= s.tok_start || !COMPASS_PREFIXES.contains(&ctx.token_text(t - 1)) {
            continue;
        }
        let prev = &ctx.seg.tokens[t - 1];
        if prev.end + 1 != m.start || !free(prev.start, mentions) {
            continue;
        }
        let start = prev.start;
        let m = &mut mentions[k];
        m.start = start;
        let name = ctx.text[start..m.end].to_string();
        m.entity_id =
            Some(format!("{}:{}", if m.label == Label::Gpe { "gpe" } else { "loc" }, crate::lexicon::slug(&name)));
        m.canonical = Some(name);
        m.source = MentionSource::Rule;
    }
}

/// "Bila Hora", "Zelenyi Hai", "Velyka Novosilka": an adjective that opens a village's name
/// (`toponym_adjective` in data/words.tsv) and the capitalised word after it are one place,
/// where the recogniser found a place in either word ("Hora" a town elsewhere, "Zelyony"
/// read as a place by its context). The whole name is unknown to the gazetteer (a longer
/// key would have matched first), so it keeps no point (the second word's town is another
/// place), only that town's country.
pub(super) fn adjective_places(ctx: &DocContext, s: &Sentence, mentions: &mut Vec<Mention>) {
    use crate::lexicon::WordClass::ToponymAdjective;
    let toks = &ctx.seg.tokens;
    let capitalised =
        |i: usize| i < s.tok_end && first_char_upper(ctx.token_text(i)) && toks[i].kind == TokenKind::Word;
    let covered = |pos: usize, ms: &[Mention]| ms.iter().position(|m| m.start <= pos && pos < m.end);
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        if !matches!(m.label, Label::Gpe | Label::Loc) {
            k += 1;
            continue;
        }
        let t0 = ctx.token_at(m.start);
        let t1 = ctx.token_at(m.end);
        // the adjective before a one-word place ("Bila" + "Hora"), or a one-word place that
        // is the adjective, before a name ("Zelyony" + "Gai")
        let span = if t1 == t0 + 1
            && t0 > s.tok_start
            && ctx.classes(t0 - 1).has(ToponymAdjective)
            && capitalised(t0 - 1)
            && toks[t0 - 1].end + 1 == m.start
        {
            Some((t0 - 1, t1))
        } else if t1 == t0 + 1
            && ctx.classes(t0).has(ToponymAdjective)
            && capitalised(t1)
            && toks[t1].start == m.end + 1
            && !ctx.classes(t1).has(ToponymAdjective)
        {
            Some((t0, t1 + 1))
        } else {
            None
        };
        let Some((a, b)) = span else {
            k += 1;
            continue;
        };
        let (start, end) = (toks[a].start, toks[b - 1].end);
        // (the other word may be a mention of its own: "Bila" and "Hora" both read as places)
        let mut others: Vec<usize> =
            (a..b).filter_map(|i| covered(toks[i].start, mentions)).filter(|&j| j != k).collect();
        // (each removed once, from the last)
        others.sort_unstable();
        others.dedup();
        if others.iter().any(|&j| !matches!(mentions[j].label, Label::Gpe | Label::Loc)) {
            k += 1;
            continue;
        }
        let name = ctx.text[start..end].to_string();
        let label = mentions[k].label;
        // (the country of the name's known word is the best guess of the village's)
        let country =
            mentions[k].geo.country.clone().or_else(|| others.iter().find_map(|&j| mentions[j].geo.country.clone()));
        let mut merged = rule_mention(start, end, mentions[k].sentence, label);
        merged.geo.country = country;
        merged.entity_id =
            Some(format!("{}:{}", if label == Label::Gpe { "gpe" } else { "loc" }, crate::lexicon::slug(&name)));
        merged.canonical = Some(name);
        mentions[k] = merged;
        for j in others.into_iter().rev() {
            mentions.remove(j);
            if j < k {
                k -= 1;
            }
        }
        k += 1;
    }
}

/// Words that make a place name a sports club: "Dynamo Kyiv", "Shakhtar Donetsk", "Leeds United".
pub(super) const CLUB_PREFIXES: &[&str] = &[
    "Dynamo",
    "Dinamo",
    "Spartak",
    "Shakhtar",
    "Lokomotiv",
    "Zenit",
    "CSKA",
    "Zorya",
    "Real",
    "Sporting",
    "Olympique",
    "Inter",
    "FC",
    "AC",
    "SC",
];
pub(super) const CLUB_SUFFIXES: &[&str] =
    &["United", "Rovers", "Wanderers", "Athletic", "Albion", "Hotspur", "FC", "AFC", "CF"];
/// Lower-level administrative units written after a place name: "Bakhmut district", "the
/// Kupiansk raion", "Nikopol community".
pub(super) const ADMIN_UNIT_NOUNS: &[&str] =
    &["district", "raion", "rayon", "hromada", "community", "municipality", "region", "oblast", "province"];
/// Of those, the ones a known town's name before them may already name ("Kharkiv region"):
/// the lexicon's own reading stands.
pub(super) const ADMIN_UNIT_REGIONAL: &[&str] = &["region", "oblast", "province"];

/// "Bakhmut district", "the Darnytskyi district", "Nikopol community": a place name (known
/// or not) before an administrative unit noun is one GPE; a known place lends its geography.
/// `mentions` are the sentence's mentions so far; the new spans replace the ones inside.
pub(super) fn admin_unit_spans(ctx: &DocContext, s: &Sentence, sidx: u32, mentions: &[Mention]) -> Vec<Mention> {
    let toks = &ctx.seg.tokens;
    let mut out = Vec::new();
    for i in (s.tok_start + 1)..s.tok_end {
        let noun = ctx.token_text(i);
        // The token's lowercase form from the segmentation: no string per token.
        let lower = ctx.lower(i);
        if toks[i].kind != TokenKind::Word || !ADMIN_UNIT_NOUNS.contains(&lower) {
            continue;
        }
        let (noun_start, noun_end) = (toks[i].start, toks[i].end);
        // Already named as a whole ("Kharkiv Oblast" from the lexicon).
        if mentions.iter().any(|m| m.start < noun_end && noun_start < m.end) {
            continue;
        }
        let prev = i - 1;
        let prev_text = ctx.token_text(prev);
        if toks[prev].kind != TokenKind::Word
            || !first_char_upper(prev_text)
            || prev_text == "'s"
            || is_all_caps(prev_text)
        {
            continue;
        }
        let prev_start = toks[prev].start;
        let before = mentions.iter().find(|m| m.start <= prev_start && prev_start < m.end);
        let (start, geo) = match before {
            Some(m) if m.end == toks[prev].end && matches!(m.label, Label::Gpe | Label::Loc) => {
                // "Kirkuk province" is the lexicon's (the town's name names the province);
                // "Anbar Province", capitalised, is the name of the province itself.
                if ADMIN_UNIT_REGIONAL.contains(&lower) && !first_char_upper(noun) {
                    continue;
                }
                (m.start, m.geo.clone())
            }
            Some(_) => continue,
            None => {
                // An unknown name: one or two name-like words, not ordinary words.
                let mut a = prev;
                if looks_like_ordinary_word(ctx, prev_text)
                    || ctx.res.org_heads.contains(prev_text)
                    || ctx.res.titles.get(prev_text).is_some()
                {
                    continue;
                }
                if a > s.tok_start {
                    let t = ctx.token_text(a - 1);
                    let free = !mentions.iter().any(|m| m.start <= toks[a - 1].start && toks[a - 1].start < m.end);
                    if free
                        && toks[a - 1].kind == TokenKind::Word
                        && first_char_upper(t)
                        && t != "'s"
                        && !looks_like_ordinary_word(ctx, t)
                        && !is_all_caps(t)
                        && ctx.res.titles.get(t).is_none()
                    {
                        a -= 1;
                    }
                }
                // "Sant'Egidio Community", "Haninge Municipality": capitalised, an unknown
                // name before them is more often an organisation's.
                if first_char_upper(noun) && matches!(lower, "community" | "municipality") {
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
        let regional = ADMIN_UNIT_REGIONAL.contains(&lower);
        m.geo.place_type = Some(if regional { PlaceType::Region } else { PlaceType::District });
        out.push(m);
    }
    out
}

/// Lexicon hits: the user's gazetteer first, then the built-in one; overlaps keep the
/// earlier source, then the longer hit.
pub(super) fn lexicon_hits<'a>(ctx: &DocContext<'a>) -> Vec<(LexMatch, &'a Entry, MentionSource)> {
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
pub(super) fn implausible_hit(ctx: &DocContext, m: &LexMatch, e: &Entry, sentence: &Sentence) -> bool {
    let surface = &ctx.text[m.start..m.end];
    let sentence_initial = ctx.text[sentence.start..m.start].trim_matches(|c: char| !c.is_alphanumeric()).is_empty();
    // A town whose name is also a given name ("Yuri", "Florence"): only in a place context
    // and never right before another capitalised word ("Yuri Danilov").
    if e.kind == EntryKind::City && e.population < 1_000_000 && ctx.res.first_names.contains(surface) {
        let next_cap = ctx.text[m.end..].trim_start_matches(' ').chars().next().is_some_and(char::is_uppercase)
            && ctx.text[m.end..].starts_with(' ');
        if next_cap || !preceded_by_place_word(ctx, m.start) {
            return true;
        }
    }
    // A sentence-initial ordinary word ("Firefighters", "Earlier") is not a small place.
    if sentence_initial
        && matches!(e.kind, EntryKind::City | EntryKind::Location)
        && e.population < 100_000
        && !surface.contains(' ')
        && looks_like_ordinary_word(ctx, surface)
    {
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

/// The word before byte `pos` in its own sentence: a label decision reads the mention's own
/// context, never the end of the previous sentence ("officials said. Ukraine's air force").
pub(super) fn previous_word<'a>(ctx: &DocContext<'a>, pos: usize) -> Option<&'a str> {
    let sentence_start = ctx.seg.sentences.get(ctx.sentence_of(pos) as usize).map_or(0, |s| s.start.min(pos));
    ctx.text[sentence_start..pos].split_whitespace().next_back().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
}

pub(super) fn preceded_by_place_word(ctx: &DocContext, pos: usize) -> bool {
    previous_word(ctx, pos).is_some_and(|w| {
        lowercase_in(w, PLACE_PREPOSITIONS)
            || lowercase_in(w, PLACE_NOUNS)
            || lowercase_in(w, &["of"])
            || lowercase_in(w, TAKEN_PLACE_VERBS)
    })
}

/// Verbs whose object is a place taken or freed: "occupied Stupochky", "liberated
/// Novooleksandrivka" (a village no gazetteer lists is still a place there).
const TAKEN_PLACE_VERBS: &[&str] = &["occupied", "liberated", "recaptured", "retook", "retaken", "captured"];

pub(super) fn is_small_place(e: &Entry, max_population: u64) -> bool {
    matches!(e.kind, EntryKind::City) && e.population < max_population
}

/// Rules for a whole capitalised run that holds lexicon places but is something else:
/// - a given name before a town that is also a surname: "Matt Lawton", "Carla Sacramento";
/// - a title before a small town's name: "King Sihanouk";
/// - a small town's name that is also a given name or particle before a surname:
///   "Abu Ammar", "Inga Babakova";
/// - a sports club: "Dynamo Kyiv", "Leeds United", "San Francisco Giants".
pub(super) fn run_over_places(
    ctx: &DocContext,
    s: &Sentence,
    sidx: u32,
    run: (usize, usize),
    inside: &[&(LexMatch, &Entry, MentionSource)],
    shouting: bool,
) -> Option<Mention> {
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
        let Some((_, e, _)) = ctx
            .titles_in(pos, toks[b - 1].end)
            .next()
            .filter(|(st, _, _)| *st == pos && first_char_upper(ctx.token_text(a)))
        else {
            break;
        };
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
    if role.is_none()
        && n >= 2
        && (CLUB_PREFIXES.contains(&words[0]) && hit_at(a + 1).is_some()
            || CLUB_SUFFIXES.contains(&words[n - 1]) && first_hit_tok == a)
    {
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
    if role.is_none()
        && !shouting
        && n >= 2
        && first_hit_tok == a
        && last_is_plural
        && hit_at(b - 1).is_none()
        && inside.iter().all(|(m, _, _)| m.end <= toks[b - 2].end)
    {
        return Some(rule_mention(start, end, sidx, Label::Org));
    }
    let one_token_hits = inside
        .iter()
        .all(|(m, _, _)| toks.get(ctx.token_of(m.start)).is_some_and(|t| t.start == m.start && t.end == m.end));
    if !(2..=3).contains(&n) || !one_token_hits {
        return None;
    }
    let all_small = inside.iter().all(|(_, e, _)| is_small_place(e, u64::MAX) || e.kind == EntryKind::Location);
    if !all_small {
        return None;
    }
    // Every word is a name-like word or a town hit.
    // (A middle initial counts: "Scott C. Dayton".)
    let namey = (a..b).all(|i| {
        hit_at(i).is_some()
            || looks_like_surname(ctx, ctx.token_text(i))
            || ctx.res.first_names.contains(ctx.token_text(i))
            || i > a && is_initial(ctx.token_text(i))
    });
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
    let name_like_first = NAME_PARTICLES.contains(&words[0])
        || ctx.res.first_names.contains(words[0])
        || ctx.res.first_names.contains(words[1]);
    if !shouting
        && name_like_first
        && hit_at(a).is_some_and(|(_, e, _)| is_small_place(e, 1_000_000))
        && hit_at(a + 1).is_none()
        && looks_like_surname(ctx, words[1])
    {
        return person(role);
    }
    None
}

/// The capitalised words before "of [the]" + place name end in an organisation head:
/// the organisation runs from the first of them to the end of the place name.
pub(super) fn org_of_place(
    ctx: &DocContext,
    s: &Sentence,
    sidx: u32,
    gap: (usize, usize),
    hit: &LexMatch,
    e: &Entry,
) -> Option<Mention> {
    if !e.label.is_place() || gap.1 < gap.0 + 2 {
        return None;
    }
    let mut k = gap.1;
    if ctx.token_text(k - 1) == "the" {
        k -= 1;
    }
    if k < gap.0 + 2
        || !matches!(ctx.token_text(k - 1), "of" | "for")
        || !ctx.res.org_heads.contains(ctx.token_text(k - 2))
        || COMPANY_SUFFIXES.contains(&ctx.token_text(k - 2))
    {
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

/// The first-level region named after a town ("Kherson" → Kherson Oblast), found through the
/// region's own "<town> region" key, so that "Dnipro" gives Dnipropetrovsk Oblast.
pub(super) fn region_named_after<'a>(ctx: &DocContext<'a>, name: &str) -> Option<&'a Entry> {
    let g = &ctx.res.gazetteer;
    ["region", "Oblast", "oblast", "province"].iter().find_map(|noun| {
        let key = format!("{name} {noun}");
        match g.find(&key).as_slice() {
            [m] if m.start == 0 && m.end == key.len() => Some(g.entry(m)).filter(|e| e.kind == EntryKind::Region),
            _ => None,
        }
    })
}

/// Towns named with "the" are rivers: "retreating across the Dnipro", "on the banks of the
/// Desna". A town takes no article unless its name modifies a noun ("the Dnipro city
/// council", "the Kherson offensive"), so a town after "the" and before no noun is the
/// river of that name where the gazetteer has one ("Dnipro River").
pub(super) fn towns_read_as_rivers(ctx: &DocContext, s: &Sentence, mentions: &mut [Mention]) {
    let g = &ctx.res.gazetteer;
    for m in mentions.iter_mut() {
        let town = m.label == Label::Gpe && matches!(m.geo.place_type, Some(PlaceType::City | PlaceType::Village));
        let t = ctx.token_at(m.start);
        if !town || t <= s.tok_start || ctx.token_text(t - 1) != "the" {
            continue;
        }
        let next = ctx.token_at(m.end);
        let modifies = next < s.tok_end
            && ctx.seg.tokens[next].kind == TokenKind::Word
            && !first_char_upper(ctx.token_text(next))
            && !ctx.classes(next).has(crate::lexicon::WordClass::Preposition)
            && !ctx.classes(next).has(crate::lexicon::WordClass::Auxiliary)
            && !matches!(ctx.lower(next), "and" | "or" | "but" | "as" | "which" | "that" | "where");
        if modifies {
            continue;
        }
        let name = &ctx.text[m.start..m.end];
        let key = format!("{name} River");
        let river = match g.find(&key).as_slice() {
            [hit] if hit.start == 0 && hit.end == key.len() => Some(g.entry(hit)).filter(|e| e.label == Label::Loc),
            _ => None,
        };
        if let Some(r) = river {
            *m = r.mention(m.start, m.end, m.sentence, m.source);
        }
    }
}

/// Towns the sentence says are regions: "the region of Kherson", "the Kharkiv and Sumy
/// regions", "Donetsk, Luhansk and Zaporizhzhia oblasts". The name keeps its span (the
/// region word is no part of it) and takes the region's name, id and centroid.
pub(super) fn towns_read_as_regions(ctx: &DocContext, s: &Sentence, mentions: &mut [Mention]) {
    let toks = &ctx.seg.tokens;
    let is_town = |m: &Mention| {
        m.label == Label::Gpe && matches!(m.geo.place_type, Some(PlaceType::City | PlaceType::Village) | None)
    };
    let regional_plural = |i: usize| matches!(ctx.lower(i), "regions" | "oblasts" | "provinces");
    let mut as_region = vec![false; mentions.len()];
    for (k, m) in mentions.iter().enumerate() {
        if !is_town(m) {
            continue;
        }
        // "the region of Kherson"
        let t = ctx.token_at(m.start);
        let mut j = t;
        if j > s.tok_start && ctx.lower(j - 1) == "the" {
            j -= 1;
        }
        let region_of = j >= s.tok_start + 2
            && ctx.lower(j - 1) == "of"
            && ADMIN_UNIT_REGIONAL.contains(&ctx.lower(j - 2))
            && !first_char_upper(ctx.token_text(j - 2));
        // "Kharkiv, Sumy and Chernihiv regions": the list goes on to a plural region word.
        let mut i = ctx.token_at(m.end);
        let mut next = k + 1;
        while i < s.tok_end {
            if regional_plural(i) {
                break;
            }
            if matches!(ctx.lower(i), "," | "and" | "or") {
                i += 1;
                continue;
            }
            match mentions.get(next) {
                Some(n) if n.start == toks[i].start && is_town(n) => {
                    i = ctx.token_at(n.end);
                    next += 1;
                }
                _ => break,
            }
        }
        let listed = i < s.tok_end && regional_plural(i);
        as_region[k] = region_of || listed;
    }
    for (m, yes) in mentions.iter_mut().zip(as_region) {
        if !yes {
            continue;
        }
        let name = m.canonical.clone().unwrap_or_else(|| ctx.text[m.start..m.end].to_string());
        let region = region_named_after(ctx, &name).or_else(|| region_named_after(ctx, &ctx.text[m.start..m.end]));
        if let Some(e) = region {
            m.canonical = Some(e.canonical.to_string());
            m.entity_id = Some(e.id.to_string());
            m.geo = e.geo.clone();
        }
    }
}
