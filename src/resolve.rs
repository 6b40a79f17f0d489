//! Stage 4: one mention per span, canonical names, stable ids, short-name coreference.
//!
//! - Overlapping mentions from different recognisers: the longer one stays (a lexicon
//!   mention wins a tie).
//! - A person written in full once ("Oleksandr Hrytsenko") gives its canonical name and id
//!   to later mentions of the surname alone ("Hrytsenko", "Mr Hrytsenko"), also where the
//!   recogniser missed them, and to transliteration variants of it (Zelenskiy/Zelensky).
//! - Ids: the lexicon's id where known (`geonames:…`, `person:…`, `org:…`), otherwise a slug
//!   of the label and the canonical name, so the same name groups across articles.
//! - A name written in Cyrillic gets a Latin canonical name ([`crate::translit`]). A name
//!   with no letter telling Ukrainian from Russian is read in the document's language when
//!   its Cyrillic text tells, else as Russian; when the other reading is a built-in name
//!   and this one is not, the other wins ("Владимир Путин" in a Ukrainian text). A reading
//!   that is a built-in name ("Олег Синегубов" → "Oleg Sinegubov") takes its entry: canonical
//!   "Oleh Syniehubov", id `person:oleh-syniehubov`.

use crate::context::DocContext;
use crate::lexicon::{fold_char, slug, Entry, FxHashMap};
use crate::model::{Geo, Label, Mention, MentionSource, PlaceType, TokenKind};

/// A spelling-insensitive key for one name word: lowercase, accents folded, and the
/// -iy/-yy/-yi/-ii endings of Ukrainian and Russian transliterations made one.
pub fn name_key(word: &str) -> String {
    let mut w: String =
        word.chars().map(fold_char).filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    for ending in ["yy", "iy", "yi", "ii", "ij"] {
        if w.len() > 4 && w.ends_with(ending) {
            w.truncate(w.len() - 2);
            w.push('y');
            break;
        }
    }
    w
}

/// Keep one mention per span: longer first, then lexicon over rules.
fn remove_overlaps(mut mentions: Vec<Mention>) -> Vec<Mention> {
    let rank = |m: &Mention| (std::cmp::Reverse(m.end - m.start), m.source != MentionSource::Lexicon, m.start);
    mentions.sort_by_key(rank);
    let mut kept: Vec<Mention> = Vec::with_capacity(mentions.len());
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(mentions.len());
    for m in mentions {
        // spans is sorted by start: check the neighbours only.
        let i = spans.partition_point(|&(s, _)| s < m.start);
        let clash_right = spans.get(i).is_some_and(|&(s, _)| s < m.end);
        let clash_left = i > 0 && spans[i - 1].1 > m.start;
        if clash_left || clash_right {
            continue;
        }
        spans.insert(i, (m.start, m.end));
        kept.push(m);
    }
    kept.sort_by_key(|m| (m.start, m.end));
    kept
}

fn words(s: &str) -> Vec<&str> {
    s.split(|c: char| c.is_whitespace()).filter(|w| !w.is_empty()).collect()
}

/// The key a surname is looked up by: its spelling key, so that "Synegubov" alone after
/// "Oleh Syniehubov" is the same person ([`crate::lexicon::spelling_key`]).
fn surname_key(word: &str) -> String {
    crate::lexicon::spelling_key(word, false)
}

/// Person names written in full in this document, by the key of their last word.
struct PersonIndex {
    by_surname: FxHashMap<String, (String, String)>,
}

impl PersonIndex {
    fn build(ctx: &DocContext, mentions: &[Mention]) -> Self {
        let mut by_surname = FxHashMap::default();
        for m in mentions.iter().filter(|m| m.label == Label::Person) {
            let surface = &ctx.text[m.start..m.end];
            let ws = words(surface);
            if ws.len() < 2 {
                continue;
            }
            let canonical = m.canonical.clone().unwrap_or_else(|| ws.join(" "));
            let id = m.entity_id.clone().unwrap_or_else(|| person_id(&canonical));
            // The first full name with a surname claims it.
            by_surname.entry(surname_key(ws[ws.len() - 1])).or_insert((canonical.clone(), id.clone()));
            if let Some(last) = words(&canonical).last() {
                by_surname.entry(surname_key(last)).or_insert((canonical, id));
            }
        }
        PersonIndex { by_surname }
    }

    fn lookup(&self, surname: &str) -> Option<&(String, String)> {
        self.by_surname.get(&surname_key(surname))
    }
}

fn person_id(canonical: &str) -> String {
    let key: Vec<String> = words(canonical).iter().map(|w| name_key(w)).collect();
    let key = key.join(" ");
    // A name with no letter or digit (emoji, punctuation) has an empty key: slug the name
    // itself so that two such names keep apart.
    let key = if key.trim().is_empty() { canonical } else { key.as_str() };
    format!("person:{}", slug(key))
}

/// A slug id for a name no lexicon knows.
pub fn rule_id(label: Label, canonical: &str) -> String {
    match label {
        Label::Person => person_id(canonical),
        _ => format!("{}:{}", label.as_str().to_lowercase(), slug(canonical)),
    }
}

fn is_named(label: Label) -> bool {
    matches!(
        label,
        Label::Person
            | Label::Norp
            | Label::Fac
            | Label::Org
            | Label::Gpe
            | Label::Loc
            | Label::Event
            | Label::Product
            | Label::Law
    )
}

/// Is this one-word surface a town's key (not a country or region)? A town name that is
/// also the surname of a person named in full in the same article is that person
/// ("Matt Lawton ... Lawton said").
fn is_town_key(ctx: &DocContext, surface: &str) -> bool {
    let g = &ctx.res.gazetteer;
    g.find(surface)
        .first()
        .is_some_and(|m| m.start == 0 && m.end == surface.len() && g.entry(m).kind == crate::lexicon::EntryKind::City)
}

/// The built-in entry whose key is the whole of `name`, if any.
fn builtin_entry<'a>(ctx: &DocContext<'a>, name: &str) -> Option<&'a Entry> {
    let g = &ctx.res.gazetteer;
    match g.find(name).as_slice() {
        [m] if m.start == 0 && m.end == name.len() => Some(g.entry(m)),
        _ => None,
    }
}

/// The built-in person (for a PERSON) or place (for a GPE) `name` is a spelling of.
pub(crate) fn by_spelling<'a>(ctx: &DocContext<'a>, label: Label, name: &str) -> Option<&'a Entry> {
    let person = match label {
        Label::Person => true,
        Label::Gpe => false,
        _ => return None,
    };
    let g = &ctx.res.gazetteer;
    let e = &g.entries[ctx.spelling_find(name, person)? as usize];
    (e.label == label).then_some(e)
}

/// A rule-found name that is a built-in one in another spelling ("Marioupol", "Oleg
/// Synegubov", "Zelenksy") takes its entry. Runs before the person index is built, so a
/// surname alone later ("Synegubov") gets the built-in name and id too.
fn respell(ctx: &DocContext, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.source == MentionSource::Rule && m.canonical.is_none()) {
        let name = words(&ctx.text[m.start..m.end]).join(" ");
        if let Some(e) = by_spelling(ctx, m.label, &name) {
            m.canonical = Some(e.canonical.to_string());
            m.entity_id = Some(e.id.to_string());
            if m.label.is_place() {
                m.geo = e.geo.clone();
            }
        }
    }
}

/// A town found only by another name ("Hamam" is an old name of Haymana in Turkey) or
/// by its spelling stays that town within the countries the document names (when it names
/// any: countries, regions, demonyms, towns by their own names); outside them the likeness
/// is no evidence: "Hamam" in a story about Mosul is no Turkish town, "Elka" near Mogadishu
/// no Polish one. The name then stands as written, with no point.
fn doubt_foreign_aliases(ctx: &DocContext, mentions: &mut [Mention]) {
    let own_name = |m: &Mention| {
        m.canonical
            .as_deref()
            .is_some_and(|c| c.eq_ignore_ascii_case(words(&ctx.text[m.start..m.end]).join(" ").as_str()))
    };
    let town = |m: &Mention| matches!(m.geo.place_type, Some(PlaceType::City | PlaceType::Village));
    let countries: Vec<String> = mentions
        .iter()
        .filter(|m| matches!(m.label, Label::Gpe | Label::Norp | Label::Loc) && (!town(m) || own_name(m)))
        .filter_map(|m| m.geo.country.clone())
        .collect();
    if countries.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        let builtin = m.entity_id.as_deref().is_some_and(|id| id.starts_with("geonames:"));
        let foreign = m.geo.country.as_ref().is_some_and(|c| !countries.contains(c));
        if m.label == Label::Gpe && builtin && town(m) && foreign && !own_name(m) {
            m.canonical = Some(words(&ctx.text[m.start..m.end]).join(" "));
            m.entity_id = None;
            m.geo = Geo::default();
        }
    }
}

/// Great-circle distance in kilometres between two (lat, lon) points.
pub(crate) fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let (la1, lo1, la2, lo2) = (a.0.to_radians(), a.1.to_radians(), b.0.to_radians(), b.1.to_radians());
    let h = ((la2 - la1) / 2.0).sin().powi(2) + la1.cos() * la2.cos() * ((lo2 - lo1) / 2.0).sin().powi(2);
    2.0 * 6371.0 * h.sqrt().min(1.0).asin()
}

/// A town at least this populous is what its name means in the news, whatever other
/// village shares it, so it can place its namesakes; so is a town several times as
/// populous as any namesake.
const ANCHOR_POPULATION: u64 = 50_000;
const DOMINANT_RATIO: u64 = 5;

/// Among towns of one name (Ukraine has dozens of Andriivkas and Novoselivkas; "Khotin"
/// is a village in Sumy and a spelling of Khotyn in Bukovina) the one near the document's
/// other places: the key gives one by its spelling and population, which a story about
/// fighting around Kupiansk does not mean. The anchors are the places the document names
/// that have one reading: regions, front-line axes, towns no other town shares a name
/// with, and towns that dwarf their namesakes; countries are too wide to tell. The anchors of the
/// mention's own and neighbouring sentences speak first, then the document's. A namesake
/// replaces the key's town when it lies near an anchor and the key's town clearly does
/// not; with no anchor near either, a namesake that dwarfs the key's town does. Every
/// mention of the name gets the same town.
fn choose_namesakes(ctx: &DocContext, mentions: &mut [Mention]) {
    let g = &ctx.res.gazetteer;
    let point = |m: &Mention| Some((m.geo.lat?, m.geo.lon?));
    let builtin = |m: &Mention| m.entity_id.as_deref().is_some_and(|id| id.starts_with("geonames:"));
    let town = |m: &Mention| matches!(m.geo.place_type, Some(PlaceType::City | PlaceType::Village));
    let entry_point = |t: u32| {
        let e = &g.entries[t as usize];
        Some((e.geo.lat?, e.geo.lon?))
    };
    // the towns a mention may be: those named as written and those named as its canonical
    let readings = |m: &Mention| -> Vec<u32> {
        let surface = words(&ctx.text[m.start..m.end]).join(" ");
        let mut towns: Vec<u32> = g.towns_named(m.canonical.as_deref().unwrap_or(""));
        for t in g.towns_named(&surface) {
            if !towns.contains(&t) {
                towns.push(t);
            }
        }
        towns
    };
    let candidates: Vec<(usize, Vec<u32>)> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label == Label::Gpe && builtin(m) && town(m) && point(m).is_some())
        .map(|(i, m)| (i, readings(m)))
        .filter(|(_, towns)| towns.len() > 1)
        .collect();
    if candidates.is_empty() {
        return;
    }
    let population = |t: u32| g.entries[t as usize].population;
    let current = |m: &Mention, towns: &[u32]| {
        towns.iter().copied().find(|&t| Some(g.entries[t as usize].id.as_ref()) == m.entity_id.as_deref())
    };
    let dominant = |t: u32, towns: &[u32]| {
        population(t) >= ANCHOR_POPULATION
            || towns.iter().all(|&o| o == t || population(t) >= DOMINANT_RATIO * population(o).max(1))
    };
    let anchors: Vec<(u32, Option<String>, (f64, f64))> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.label.is_place() && m.geo.place_type != Some(PlaceType::Country))
        .filter(|(i, m)| match candidates.iter().find(|(c, _)| c == i) {
            Some((_, towns)) => current(m, towns).is_some_and(|t| dominant(t, towns)),
            None => true,
        })
        .filter_map(|(_, m)| Some((m.sentence, m.canonical.clone(), point(m)?)))
        .collect();
    // (a name is no anchor for itself)
    let nearest = |name: Option<&str>, p: (f64, f64), near: &dyn Fn(u32) -> bool| {
        anchors
            .iter()
            .filter(|(s, n, _)| near(*s) && n.as_deref() != name)
            .map(|&(_, _, a)| km(p, a))
            .fold(f64::INFINITY, f64::min)
    };
    let mut chosen: FxHashMap<String, Option<u32>> = FxHashMap::default();
    for (i, towns) in candidates {
        let m = &mentions[i];
        let Some(now) = current(m, &towns) else { continue };
        if population(now) >= ANCHOR_POPULATION {
            continue;
        }
        let name = m.canonical.clone();
        let own = name.as_deref();
        let sentence = m.sentence;
        let pick = *chosen.entry(name.clone().unwrap_or_default()).or_insert_with(|| {
            let by_anchors = |near: &dyn Fn(u32) -> bool| {
                let here = nearest(own, entry_point(now)?, near);
                let (best, distance) = towns
                    .iter()
                    .filter_map(|&t| Some((t, nearest(own, entry_point(t)?, near))))
                    .min_by(|a, b| a.1.total_cmp(&b.1))?;
                // a smaller town than the key's must lie close to an anchor: a village of one
                // name 140 km from Kyiv is no reason to leave the famous town of that name
                let reach = if population(best) >= population(now) { 150.0 } else { 60.0 };
                (distance < reach && here > 2.0 * distance + 30.0).then_some(best)
            };
            let neighbours = move |s: u32| s + 1 >= sentence && s <= sentence + 1;
            by_anchors(&neighbours).or_else(|| by_anchors(&|_| true)).or_else(|| {
                // no anchor tells: a namesake that dwarfs the key's town, unless the key's
                // town is right beside an anchor
                let beside = entry_point(now).is_some_and(|p| nearest(own, p, &|_| true) < 50.0);
                let big = towns.iter().copied().max_by_key(|&t| population(t))?;
                (!beside && big != now && population(big) >= 10_000 && dominant(big, &towns)).then_some(big)
            })
        });
        if let Some(t) = pick {
            let e = &g.entries[t as usize];
            let m = &mut mentions[i];
            m.canonical = Some(e.canonical.to_string());
            m.entity_id = Some(e.id.to_string());
            m.geo = e.geo.clone();
        }
    }
}

/// Give every named mention written in Cyrillic a Latin canonical name, and the built-in
/// entry's name, id and label when the Latin name is one. Runs before the person index is
/// built, so surnames alone get the same canonical name and id as the full name.
fn romanise(ctx: &DocContext, mentions: &mut [Mention]) {
    let table = ctx.res.cyrillic;
    let mut doc_lang = None;
    for m in mentions.iter_mut() {
        if !is_named(m.label) || m.canonical.is_some() {
            continue;
        }
        let surface = &ctx.text[m.start..m.end];
        if !table.has_cyrillic(surface) {
            continue;
        }
        let lang = *doc_lang.get_or_insert_with(|| table.detect(ctx.text).unwrap_or(crate::translit::DEFAULT_LANG));
        let name = words(surface).join(" ");
        let Some(first) = table.to_latin_as(&name, lang) else {
            continue;
        };
        let second = table.to_latin_as(&name, lang.other()).filter(|s| *s != first);
        // A built-in key, else a built-in name by its spelling ("Sergey Shoygu" is Sergei
        // Shoigu: BGN/PCGN and the English press spell him differently).
        let hit = builtin_entry(ctx, &first)
            .or_else(|| second.as_deref().and_then(|s| builtin_entry(ctx, s)))
            .or_else(|| by_spelling(ctx, m.label, &first))
            .or_else(|| second.as_deref().and_then(|s| by_spelling(ctx, m.label, s)));
        match hit {
            Some(e) => {
                m.label = e.label;
                m.canonical = Some(e.canonical.to_string());
                m.entity_id = Some(e.id.to_string());
                m.geo = e.geo.clone();
            }
            None => m.canonical = Some(first),
        }
    }
}

/// The place type of a place no lexicon knows: a facility or a LOC is a feature; a GPE
/// is a village after "village", else a city (the settlement a bare name after "in" most
/// often is; its missing coordinates say how little is known).
fn place_type_unknown(ctx: &DocContext, m: &Mention) -> Option<PlaceType> {
    match m.label {
        Label::Fac | Label::Loc => Some(PlaceType::Feature),
        Label::Gpe => {
            let before = ctx.text[..m.start].trim_end();
            let village = ["village", "settlement", "hamlet"].iter().any(|w| before.ends_with(w));
            Some(if village { PlaceType::Village } else { PlaceType::City })
        }
        _ => None,
    }
}

pub fn resolve(ctx: &DocContext, mentions: Vec<Mention>) -> Vec<Mention> {
    let mut mentions = remove_overlaps(mentions);
    romanise(ctx, &mut mentions);
    respell(ctx, &mut mentions);
    doubt_foreign_aliases(ctx, &mut mentions);
    choose_namesakes(ctx, &mut mentions);
    let people = PersonIndex::build(ctx, &mentions);

    for m in mentions.iter_mut() {
        if !is_named(m.label) {
            continue;
        }
        let surface = &ctx.text[m.start..m.end];
        let ws = words(surface);
        // Surname alone (or a one-word rule name that is someone's surname here).
        if ws.len() == 1
            && (m.label == Label::Person
                || m.source == MentionSource::Rule
                || m.label == Label::Gpe && is_town_key(ctx, surface))
        {
            if let Some((canonical, id)) = people.lookup(ws[0]) {
                if m.label.is_place() {
                    m.geo = Default::default(); // a town's point is no person's
                }
                m.label = Label::Person;
                m.canonical = Some(canonical.clone());
                m.entity_id = Some(id.clone());
                continue;
            }
        }
        // A full rule-found name that is a variant of a known one (same first and last key).
        if m.label == Label::Person && m.source == MentionSource::Rule && ws.len() >= 2 {
            if let Some((canonical, id)) = people.lookup(ws[ws.len() - 1]) {
                let first_matches = words(canonical).first().is_some_and(|f| surname_key(f) == surname_key(ws[0]));
                if first_matches {
                    m.canonical = Some(canonical.clone());
                    m.entity_id = Some(id.clone());
                    continue;
                }
            }
        }
        if m.canonical.is_none() {
            let c = surface.strip_prefix("the ").or_else(|| surface.strip_prefix("The ")).unwrap_or(surface);
            m.canonical = Some(words(c).join(" "));
        }
        if m.entity_id.is_none() {
            m.entity_id = Some(rule_id(m.label, m.canonical.as_deref().unwrap_or(surface)));
        }
        if m.geo.place_type.is_none() {
            m.geo.place_type = place_type_unknown(ctx, m);
        }
    }

    // Surnames the recogniser did not mark ("met Hrytsenko", "Hrytsenko's").
    if !people.by_surname.is_empty() {
        let mut added = Vec::new();
        let mut covered = mentions.iter().map(|m| (m.start, m.end)).peekable();
        let mut last_end = 0usize;
        for (ti, t) in ctx.seg.tokens.iter().enumerate() {
            while let Some(&(s, e)) = covered.peek() {
                if s < t.end {
                    last_end = last_end.max(e);
                    covered.next();
                } else {
                    break;
                }
            }
            if t.kind != TokenKind::Word || t.start < last_end {
                continue;
            }
            let w = ctx.token_text(ti);
            if !w.chars().next().is_some_and(char::is_uppercase) || w.chars().count() < 3 {
                continue;
            }
            if let Some((canonical, id)) = people.lookup(w) {
                added.push(Mention {
                    start: t.start,
                    end: t.end,
                    sentence: ctx.sentence_of(t.start),
                    label: Label::Person,
                    canonical: Some(canonical.clone()),
                    entity_id: Some(id.clone()),
                    role: None,
                    geo: Default::default(),
                    value: None,
                    source: MentionSource::Rule,
                });
            }
        }
        if !added.is_empty() {
            mentions.extend(added);
            mentions.sort_by_key(|m| (m.start, m.end));
        }
    }
    office_holders(ctx, &mut mentions);
    mentions
}

/// Roles named without a name ("the Kremlin spokesman said", "Ukraine's defence minister
/// visited") become the person who held the office on the document's publication date
/// (`offices.tsv`); with no date, nothing. A role right before a name is that name's title
/// ("Kremlin spokesman Dmitry Peskov"), one right after a person and a comma is an
/// appositive, and one before a comma and a person ("the EU foreign policy chief, Hélène
/// Marchetti, said") is named by the text: none is a mention of its own. The phrase replaces the names inside it
/// ("Ukrainian", "Kremlin"): it names the person. Runs after the person index, so a role
/// never lends a "surname".
fn office_holders(ctx: &DocContext, mentions: &mut Vec<Mention>) {
    let Some(day) = ctx.published else { return };
    let offices = &ctx.res.offices;
    let mut added = Vec::new();
    for (start, end, &office) in ctx.offices() {
        let before = ctx.text[..start].trim_end_matches(' ');
        let definite = before.ends_with("the") || before.ends_with("The") || ctx.text[start..end].contains("'s ");
        let next_is_name = ctx.text[end..].trim_start_matches(' ').chars().next().is_some_and(char::is_uppercase)
            && ctx.text[end..].starts_with(' ');
        let art = before.strip_suffix("the").or_else(|| before.strip_suffix("The")).unwrap_or(before);
        let appositive = art.trim_end().ends_with(',')
            && mentions
                .iter()
                .any(|m| m.label == Label::Person && m.end + 1 >= art.trim_end().len() && m.end <= art.len());
        // (A name inside may carry the article: "the UN" in "the UN secretary-general".)
        let own_article = |m: &Mention| m.start < start && matches!(&ctx.text[m.start..start], "the " | "The ");
        let inside_other = mentions.iter().any(|m| {
            m.start < end
                && start < m.end
                && (m.start < start && !own_article(m) || m.end > end || m.label == Label::Person)
        });
        // "the Kremlin spokesman, Yuri Danilov, told ...": the text names the holder itself.
        let after = ctx.text[end..].strip_prefix(", ").map(|r| end + 2 + (r.len() - r.trim_start().len()));
        let named_after = after.is_some_and(|p| mentions.iter().any(|m| m.label == Label::Person && m.start == p));
        if !definite || next_is_name || appositive || named_after || inside_other {
            continue;
        }
        let Some(holder) = offices.holder_at(office, day) else { continue };
        let id = builtin_entry(ctx, &holder.name)
            .filter(|e| e.label == Label::Person)
            .map_or_else(|| person_id(&holder.name), |e| e.id.to_string());
        added.push(Mention {
            start,
            end,
            sentence: ctx.sentence_of(start),
            label: Label::Person,
            canonical: Some(holder.name.clone()),
            entity_id: Some(id),
            role: Some(ctx.text[start..end].to_string()),
            geo: Default::default(),
            value: None,
            source: MentionSource::Rule,
        });
    }
    if added.is_empty() {
        return;
    }
    mentions.retain(|m| !added.iter().any(|a| m.start < a.end && a.start < m.end));
    mentions.extend(added);
    mentions.sort_by_key(|m| (m.start, m.end));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::with_context;

    fn run(text: &str) -> Vec<(String, Label, Option<String>, Option<String>)> {
        with_context(text, None, |ctx| {
            let ms = resolve(ctx, crate::entities::recognize(ctx));
            ms.into_iter().map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.canonical, m.entity_id)).collect()
        })
    }

    /// The entity id the pipeline gives `name` in a sentence of its kind.
    fn id_of(name: &str, person: bool) -> Option<String> {
        let text =
            if person { format!("{name} said the line held.") } else { format!("Shelling hit {name} on Monday.") };
        run(&text).into_iter().find(|m| m.0 == name).and_then(|m| m.3)
    }

    #[test]
    fn spellings_of_one_name_share_an_id_and_near_misses_do_not() {
        // (spelling, another spelling, person?)
        let merge = [
            ("Marioupol", "Mariupol", false),
            ("Tchernihiv", "Chernihiv", false),
            ("Lyssytchansk", "Lysychansk", false),
            ("Leopoli", "Lviv", false),
            ("Kharkov", "Kharkiv", false),
            ("Charkiw", "Kharkiv", false),
            ("Oleg Synegubov", "Oleh Syniehubov", true),
            ("Sergei Shoygu", "Sergei Shoigu", true),
            ("Zelenksy", "Zelensky", true),
            ("Volodimir Zelensky", "Volodymyr Zelensky", true),
            ("Kiril Budanov", "Kyrylo Budanov", true),
        ];
        for (a, b, person) in merge {
            let (ia, ib) = (id_of(a, person), id_of(b, person));
            assert!(ia.is_some() && ia == ib, "{a} {ia:?} / {b} {ib:?}");
        }
        let apart = [
            ("Harkany", "Kharkiv", false),
            ("Kerson", "Kherson", false),
            ("Hersonissos", "Kherson", false),
            ("Mykolaivka", "Mykolaiv", false),
            ("Pokrovske", "Pokrovsk", false),
            ("Kostiantynivka", "Kostiantyniv", false),
            ("Olena Ivanova", "Oleh Ivanov", true),
            ("Zelenko", "Zelensky", true),
        ];
        for (a, b, person) in apart {
            let (ia, ib) = (id_of(a, person), id_of(b, person));
            assert_ne!(ia, ib, "{a} / {b}");
        }
    }

    #[test]
    fn a_surname_alone_after_a_variant_spelling_is_the_same_person() {
        let ms = run("Oleg Synegubov said the city was hit. Later Syniehubov added that Synegubov's staff left.");
        let ids: Vec<_> = ms.iter().filter(|m| m.1 == Label::Person).map(|m| m.3.clone()).collect();
        assert_eq!(ids.len(), 3, "{ms:?}");
        assert!(ids.iter().all(|i| i.as_deref() == Some("person:oleh-syniehubov")), "{ms:?}");
    }

    /// (surface, canonical, id) of the people in `text` published on `iso`.
    fn people_on(text: &str, iso: Option<&str>) -> Vec<(String, Option<String>, Option<String>)> {
        let day = iso.map(|d| crate::dates::parse_iso_day(d).expect("day"));
        with_context(text, day, |ctx| {
            resolve(ctx, crate::entities::recognize(ctx))
                .into_iter()
                .filter(|m| m.label == Label::Person)
                .map(|m| (ctx.text[m.start..m.end].to_string(), m.canonical, m.entity_id))
                .collect()
        })
    }

    #[test]
    fn a_role_without_a_name_is_whoever_held_the_office_that_day() {
        // (text, date, role phrase, holder's id)
        let cases = [
            ("The Kremlin spokesman said talks were over.", "2023-03-01", "Kremlin spokesman", "person:dmitry-peskov"),
            (
                "Russia's defence minister visited the troops.",
                "2023-03-01",
                "Russia's defence minister",
                "person:sergei-shoigu",
            ),
            (
                "Russia's defence minister visited the troops.",
                "2025-03-01",
                "Russia's defence minister",
                "person:andrei-belousov",
            ),
            (
                "The UN secretary-general warned of a disaster.",
                "2022-08-20",
                "UN secretary-general",
                "person:antonio-guterres",
            ),
            ("The head of the IAEA toured the plant.", "2022-09-01", "head of the IAEA", "person:rafael-grossi"),
            (
                "The British prime minister arrived in Kyiv.",
                "2022-04-09",
                "British prime minister",
                "person:boris-johnson",
            ),
            (
                "The British prime minister arrived in Kyiv.",
                "2023-01-10",
                "British prime minister",
                "person:rishi-sunak",
            ),
            ("The US president signed the aid bill.", "2024-04-24", "US president", "person:joe-biden"),
        ];
        for (text, day, role, id) in cases {
            let ps = people_on(text, Some(day));
            let p = ps.iter().find(|p| p.0 == role).unwrap_or_else(|| panic!("{text} ({day}): {ps:?}"));
            assert_eq!(p.2.as_deref(), Some(id), "{text} ({day}): {ps:?}");
        }
        // No date, no holder; a title before a name and an appositive are no mentions of their own.
        assert!(people_on("The Kremlin spokesman said talks were over.", None).is_empty());
        let ps = people_on(
            "Kremlin spokesman Dmitry Peskov said no. Dmitry Peskov, the Kremlin spokesman, agreed.",
            Some("2023-03-01"),
        );
        assert!(ps.iter().all(|p| p.0 == "Dmitry Peskov"), "{ps:?}");
        // Before anyone in the table held the office, nothing.
        assert!(people_on("The Ukrainian president spoke.", Some("2001-01-01")).is_empty());
    }

    #[test]
    fn transliteration_keys() {
        assert_eq!(name_key("Zelenskiy"), name_key("Zelensky"));
        assert_eq!(name_key("Zelenskyy"), name_key("Zelensky"));
        assert_eq!(name_key("Dnipró"), "dnipro");
    }

    #[test]
    fn zelensky_variants_share_one_id() {
        let ms = run("Volodymyr Zelensky spoke. Zelenskiy said Kyiv would hold. Later Zelensky left Kiev.");
        let ids: Vec<_> = ms.iter().filter(|m| m.1 == Label::Person).map(|m| m.3.clone()).collect();
        assert_eq!(ids.len(), 3, "{ms:?}");
        assert!(ids.iter().all(|i| i == &ids[0]), "{ms:?}");
        let places: Vec<_> = ms.iter().filter(|m| m.1 == Label::Gpe).map(|m| (m.2.clone(), m.3.clone())).collect();
        assert_eq!(places.len(), 2);
        assert_eq!(places[0], places[1]);
    }

    #[test]
    fn surname_alone_resolves_to_full_name() {
        let ms = run("Defence Minister Oleksandr Hrytsenko visited Izium. Officials met Hrytsenko there. Hrytsenko's aide spoke.");
        let h: Vec<_> = ms.iter().filter(|m| m.0 == "Hrytsenko").collect();
        assert_eq!(h.len(), 2, "{ms:?}");
        assert!(h.iter().all(|m| m.2.as_deref() == Some("Oleksandr Hrytsenko")), "{ms:?}");
        let full = ms.iter().find(|m| m.0 == "Oleksandr Hrytsenko").unwrap();
        assert_eq!(full.3, h[0].3);
    }

    #[test]
    fn town_name_that_is_a_surname_here_is_the_person() {
        let ms = run("The midfielder Matt Lawton scored twice. Fans cheered for Lawton afterwards.");
        let l = ms.iter().find(|m| m.0 == "Lawton").unwrap_or_else(|| panic!("{ms:?}"));
        assert_eq!(l.1, Label::Person, "{ms:?}");
        assert_eq!(l.2.as_deref(), Some("Matt Lawton"));
    }

    fn person(
        ms: &[(String, Label, Option<String>, Option<String>)],
        surface: &str,
    ) -> (Option<String>, Option<String>) {
        let m = ms.iter().find(|m| m.0 == surface).unwrap_or_else(|| panic!("no {surface} in {ms:?}"));
        assert_eq!(m.1, Label::Person, "{ms:?}");
        (m.2.clone(), m.3.clone())
    }

    #[test]
    fn cyrillic_names_get_latin_canonical_names() {
        // (text, surface, canonical, id)
        let cases = [
            // Built-in people, found through the Latin reading.
            (
                "Governor Олег Синегубов said the city was shelled.",
                "Олег Синегубов",
                "Oleh Syniehubov",
                "person:oleh-syniehubov",
            ),
            (
                "Governor Олег Синєгубов said the city was shelled.",
                "Олег Синєгубов",
                "Oleh Syniehubov",
                "person:oleh-syniehubov",
            ),
            ("Mayor Ігор Терехов said the city was shelled.", "Ігор Терехов", "Ihor Terekhov", "person:ihor-terekhov"),
            (
                "President Владимир Путин said talks were over.",
                "Владимир Путин",
                "Vladimir Putin",
                "person:vladimir-putin",
            ),
            (
                "President Володимир Зеленський said talks were over.",
                "Володимир Зеленський",
                "Volodymyr Zelensky",
                "person:volodymyr-zelensky",
            ),
            // No telling letter, text in English: read as Russian.
            (
                "Commander Микола Гриценко said the line held.",
                "Микола Гриценко",
                "Mikola Gritsenko",
                "person:mikola-gritsenko",
            ),
            // The same name where the document's Cyrillic is Ukrainian (і): Ukrainian.
            (
                "Commander Микола Гриценко said the line held near Куп'янськ і Ізюм.",
                "Микола Гриценко",
                "Mykola Hrytsenko",
                "person:mykola-hrytsenko",
            ),
            // Russian by its letters.
            // Built-in in another spelling: Sergey Shoygu (BGN/PCGN) is Sergei Shoigu.
            ("Minister Сергей Шойгу said the line held.", "Сергей Шойгу", "Sergei Shoigu", "person:sergei-shoigu"),
            (
                "President Владимир Зеленский said talks were over.",
                "Владимир Зеленский",
                "Volodymyr Zelensky",
                "person:volodymyr-zelensky",
            ),
            // Ids are spelling-insensitive (-iy = -y): the same id as an English "Dmitry Ryzhkov".
            (
                "Commander Дмитрий Рыжков said the line held.",
                "Дмитрий Рыжков",
                "Dmitriy Ryzhkov",
                "person:dmitry-ryzhkov",
            ),
        ];
        for (text, surface, canonical, id) in cases {
            let ms = run(text);
            assert_eq!(person(&ms, surface), (Some(canonical.to_string()), Some(id.to_string())), "{text}");
        }
    }

    #[test]
    fn cyrillic_places_are_the_built_in_places() {
        for (text, surface, id) in [
            ("Shelling hit Маріуполь again.", "Маріуполь", "geonames:701822"),
            ("Shelling hit a school in Харків again.", "Харків", "geonames:706483"),
        ] {
            let ms = run(text);
            let m = ms.iter().find(|m| m.0 == surface).unwrap_or_else(|| panic!("{text}: {ms:?}"));
            assert_eq!((m.1, m.3.as_deref()), (Label::Gpe, Some(id)), "{text}: {ms:?}");
        }
    }

    #[test]
    fn different_cyrillic_names_never_share_an_id() {
        let ms = run("Commander Микола Гриценко met Commander Олексій Бондар and Commander Андрій Бондар. \
                      Commander Микола Гриценко spoke first.");
        let people: Vec<_> = ms.iter().filter(|m| m.1 == Label::Person).collect();
        assert_eq!(people.len(), 4, "{ms:?}");
        for p in &people {
            let id = p.3.as_deref().unwrap_or("");
            assert!(id.len() > "person:".len() && id.is_ascii(), "{ms:?}");
        }
        let (a, b, c, again) = (&people[0].3, &people[1].3, &people[2].3, &people[3].3);
        assert!(a != b && b != c && a != c, "{ms:?}");
        assert_eq!(a, again, "the same name twice, two ids: {ms:?}");
    }

    #[test]
    fn cyrillic_surname_alone_is_the_full_name() {
        let ms = run("Commander Микола Гриценко visited Izium. Officials met Гриценко there.");
        let full = person(&ms, "Микола Гриценко");
        assert_eq!(person(&ms, "Гриценко"), full, "{ms:?}");
    }

    #[test]
    fn names_with_nothing_to_spell_get_distinct_ids() {
        let ids: Vec<String> = ["محمد عباس", "محمود عباس", "习近平", "李强", "🙂", "🚀", "!!"]
            .iter()
            .map(|n| rule_id(Label::Person, n))
            .collect();
        for id in &ids {
            assert!(id.len() > "person:".len(), "{ids:?}");
        }
        let distinct: std::collections::HashSet<_> = ids.iter().collect();
        assert_eq!(distinct.len(), ids.len(), "{ids:?}");
        assert_eq!(rule_id(Label::Person, "习近平"), ids[2]);
        assert_eq!(rule_id(Label::Org, "Збройні сили"), "org:zbroini-syly");
    }
}
