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

use crate::context::DocContext;
use crate::lexicon::{Entry, EntryKind, LexMatch, WordClass};
use crate::model::{Label, Mention, MentionSource, PlaceType, Sentence, TokenKind};

mod document;
mod names;
mod places;
mod runs;

use document::*;
use names::*;
use places::*;
use runs::*;

fn first_char_upper(s: &str) -> bool {
    match s.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        _ => s.chars().next().is_some_and(char::is_uppercase),
    }
}

/// `w` lowercased is one of `list` (lowercase words): an ASCII `w` is compared byte by byte,
/// with no String made (these run at tokens of every capitalised run).
fn lowercase_in(w: &str, list: &[&str]) -> bool {
    if w.is_ascii() {
        return list
            .iter()
            .any(|x| x.len() == w.len() && x.bytes().zip(w.bytes()).all(|(a, b)| a == b.to_ascii_lowercase()));
    }
    list.contains(&w.to_lowercase().as_str())
}

/// A middle initial: one capital and a period ("C.").
fn is_initial(w: &str) -> bool {
    let mut c = w.chars();
    c.next().is_some_and(char::is_uppercase) && c.next() == Some('.') && c.next().is_none()
}

/// An ordinal written in digits ("5th", "407th", "2nd").
fn is_ordinal_number(w: &str) -> bool {
    ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| w.strip_suffix(suffix))
        .is_some_and(|digits| !digits.is_empty() && digits.bytes().all(|c| c.is_ascii_digit()))
}

fn is_all_caps(s: &str) -> bool {
    // ASCII words (nearly all; this runs at every word of every sentence) byte by byte.
    if s.is_ascii() {
        let b = s.as_bytes();
        return !b.iter().any(u8::is_ascii_lowercase) && b.iter().filter(|c| c.is_ascii_uppercase()).count() >= 2;
    }
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
/// Function words that open a sentence before a numbered name ("In Lyceum No. 3").
const LEADING_FUNCTION_WORDS: &[&str] =
    &["the", "a", "an", "in", "at", "on", "to", "from", "near", "by", "of", "and", "but", "for", "with"];

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
        || lower.strip_suffix("ly").is_some_and(|st| common(st) || lower.strip_suffix("ily").is_some_and(with_y))
        || lower.strip_suffix("ier").is_some_and(with_y)
        || lower.strip_suffix("ies").is_some_and(with_y)
        || lower.strip_suffix('s').is_some_and(common)
        || lower.strip_suffix("ers").is_some_and(|st| common(st) || common(&format!("{st}e")))
}

/// Is token `i` the first word or number of the sentence?
fn is_sentence_initial_token(ctx: &DocContext, s: &Sentence, i: usize) -> bool {
    let toks = &ctx.seg.tokens;
    (s.tok_start..i).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number)
}

fn rule_mention(start: usize, end: usize, sentence: u32, label: Label) -> Mention {
    Mention {
        start,
        end,
        sentence,
        label,
        canonical: None,
        entity_id: None,
        role: None,
        geo: Default::default(),
        value: None,
        source: MentionSource::Rule,
    }
}

/// All named-entity mentions of the document (DATE/number mentions come from `dates` and
/// `numbers`).
/// A lexicon hit with its entry and source.
type Hit<'a> = (LexMatch, &'a Entry, MentionSource);

/// The mentions of every sentence, in text order. Per sentence, in this order:
/// 1. `sentence_hits`: the lexicon hits that survive the plausibility checks;
/// 2. `run_mentions`: each run of capitalised words, classified with the hits inside it;
/// 3. numbered names ("Lyceum No. 3") replace what the runs made of them, and fence their
///    span off from the lexicon;
/// 4. the remaining lexicon hits, where no run mention covers them;
/// 5. administrative units ("Izium district") replace their parts; towns the sentence calls
///    regions ("the region of Kherson", "the Kharkiv and Sumy regions") become the region;
///    roles found around people are attached.
///
/// Then, over the whole document, one sense per name (`document`): acronyms defined in
/// brackets and names made organisations keep that reading wherever they are written.
pub fn recognize(ctx: &DocContext) -> Vec<Mention> {
    let hits = lexicon_hits(ctx);
    // Read by the runs of each sentence and again by the document's senses (per mention)
    // and names written again (per sentence): it walks every word, so once per sentence.
    let shouting: Vec<bool> = ctx.seg.sentences.iter().map(|s| is_shouting(ctx, s)).collect();
    let mut out: Vec<Mention> = Vec::new();
    let mut first_hit = 0;
    for (sidx, s) in ctx.seg.sentences.iter().enumerate() {
        let sidx = sidx as u32;
        while first_hit < hits.len() && hits[first_hit].0.start < s.start {
            first_hit += 1;
        }
        let sent_hits = sentence_hits(ctx, s, &hits[first_hit..]);
        let mut mentions = run_mentions(ctx, s, sidx, &sent_hits, shouting[sidx as usize]);
        let mut fenced: Vec<(usize, usize)> = Vec::new();
        for (start, end, m) in numbered_names(ctx, s, sidx) {
            mentions.retain(|x| x.end <= start || end <= x.start);
            mentions.extend(m);
            fenced.push((start, end));
        }
        let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
        for (m, e, src) in &sent_hits {
            let span = (m.start, m.end);
            if !mentions.iter().any(|x| overlaps((x.start, x.end), span)) && !fenced.iter().any(|&f| overlaps(f, span))
            {
                mentions.push(e.mention(m.start, m.end, sidx, *src));
            }
        }
        for o in possessive_orgs(ctx, s, sidx, &mentions) {
            mentions.retain(|x| x.end <= o.start || o.end <= x.start);
            mentions.push(o);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        for u in admin_unit_spans(ctx, s, sidx, &mentions) {
            mentions.retain(|x| x.end <= u.start || u.end <= x.start);
            mentions.push(u);
        }
        mentions.sort_by_key(|m| (m.start, m.end));
        compass_places(ctx, s, &mut mentions);
        adjective_places(ctx, s, &mut mentions);
        numbered_units(ctx, s, &mut mentions);
        named_facilities(ctx, s, sidx, &mut mentions);
        names_of_places_before_place_nouns(ctx, s, &mut mentions);
        towns_read_as_regions(ctx, s, &mut mentions);
        towns_read_as_rivers(ctx, s, &mut mentions);
        if is_results_line(ctx, s, &mentions) {
            towns_as_teams(ctx, &mut mentions);
        }
        teams_before_scores(ctx, s, sidx, &mut mentions);
        for m in mentions.iter_mut() {
            if m.label == Label::Person && m.role.is_none() {
                m.role = role_around(ctx, s, m);
            }
        }
        out.extend(mentions);
    }
    out.sort_by_key(|m| (m.start, m.end));
    one_sense_per_document(ctx, &mut out, &shouting);
    out
}

/// A military unit keeps its number: "the 47th Mechanized Brigade", "93rd Brigade",
/// "134th Expeditionary Fighter Squadron", "the 507th ARW" (a unit's acronym) are one
/// organisation, not an ordinal and a nameless "Mechanized Brigade" that every brigade
/// would share.
fn numbered_units(ctx: &DocContext, s: &Sentence, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.label == Label::Org && m.source == MentionSource::Rule) {
        let (a, b) = (ctx.token_at(m.start), ctx.token_of(m.end.saturating_sub(1)));
        let acronym = a == b && is_all_caps(ctx.token_text(a));
        if a <= s.tok_start || !(ctx.classes(b).has(WordClass::UnitHead) || acronym) {
            continue;
        }
        if is_ordinal_number(ctx.token_text(a - 1)) && ctx.seg.tokens[a - 1].end + 1 >= m.start {
            m.start = ctx.seg.tokens[a - 1].start;
            let name = ctx.text[m.start..m.end].to_string();
            m.entity_id = Some(format!("org:{}", crate::lexicon::slug(&name)));
            m.canonical = Some(name);
        }
    }
}

/// "the Abu Shouk displacement camp", "the Zamzam camp", "the Saltivka district": a name
/// the capitalisation rules made a person, after "the" and before a place noun (at most
/// one word between), names a place.
fn names_of_places_before_place_nouns(ctx: &DocContext, s: &Sentence, mentions: &mut [Mention]) {
    let place_noun = |k: usize| {
        k < s.tok_end
            && !first_char_upper(ctx.token_text(k))
            && (ctx.classes(k).has(WordClass::PlacePart)
                || ctx.classes(k).has(WordClass::FacilityHead)
                || matches!(ctx.lower(k), "camp" | "camps" | "market"))
    };
    for m in mentions.iter_mut().filter(|m| m.label == Label::Person && m.source == MentionSource::Rule) {
        let (a, b) = (ctx.token_at(m.start), ctx.token_at(m.end));
        let the = a > s.tok_start && ctx.lower(a - 1) == "the";
        if the
            && (place_noun(b) || (b + 1 < s.tok_end && ctx.seg.tokens[b].kind == TokenKind::Word && place_noun(b + 1)))
        {
            let name = ctx.text[m.start..m.end].to_string();
            m.label = Label::Loc;
            m.role = None;
            m.entity_id = Some(format!("loc:{}", crate::lexicon::slug(&name)));
        }
    }
}

/// A place followed by a facility's head word is the facility: "Tabqa Dam", "Mosul Dam",
/// "Kherson Port" (not the town and a place called "Dam").
fn named_facilities(ctx: &DocContext, s: &Sentence, sidx: u32, mentions: &mut Vec<Mention>) {
    let spans: Vec<(usize, usize)> = mentions
        .iter()
        .filter(|m| m.label.is_place() && m.label != Label::Fac)
        .filter_map(|m| {
            let b = ctx.token_at(m.end);
            let head = b < s.tok_end
                && ctx.seg.tokens[b].start == m.end + 1
                && first_char_upper(ctx.token_text(b))
                && ctx.classes(b).has(WordClass::FacilityHead);
            head.then(|| (m.start, ctx.seg.tokens[b].end))
        })
        .collect();
    for (start, end) in spans {
        // (what the lexicon made of the head word alone goes with the town)
        mentions.retain(|x| x.end <= start || end <= x.start);
        let name = ctx.text[start..end].to_string();
        let mut fac = rule_mention(start, end, sidx, Label::Fac);
        fac.entity_id = Some(format!("fac:{}", crate::lexicon::slug(&name)));
        fac.canonical = Some(name);
        mentions.push(fac);
    }
    mentions.sort_by_key(|m| (m.start, m.end));
}

/// The plausible lexicon hits inside sentence `s`, from `hits` (sorted, starting at the
/// first hit at or after the sentence).
fn sentence_hits<'a>(ctx: &DocContext, s: &Sentence, hits: &[Hit<'a>]) -> Vec<Hit<'a>> {
    hits.iter()
        .take_while(|(m, _, _)| m.end <= s.end)
        .filter(|(m, e, _)| !implausible_hit(ctx, m, e, s))
        .copied()
        .collect()
}

/// The mentions the capitalised runs of sentence `s` make, with the lexicon hits inside them
/// (`shouting`: `is_shouting(ctx, s)`).
fn run_mentions(ctx: &DocContext, s: &Sentence, sidx: u32, sent_hits: &[Hit], shouting: bool) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::new();
    for run in capitalised_runs(ctx, s) {
        let Some(run) = run_outside_longer_hits(ctx, run, sent_hits) else {
            continue;
        };
        let run = match organisation_after_of(ctx, run, sent_hits) {
            Some((words_before, org)) => {
                out.extend(classify_run(ctx, s, sidx, words_before, shouting));
                org
            }
            None => run,
        };
        let (rs, re) = (ctx.seg.tokens[run.0].start, ctx.seg.tokens[run.1 - 1].end);
        let inside: Vec<&Hit> = sent_hits.iter().filter(|(m, _, _)| m.start >= rs && m.end <= re).collect();
        let whole_is_one_hit = inside.len() == 1 && inside[0].0.start == rs && inside[0].0.end == re;
        if let Some(m) = prefixed_place(ctx, s, sidx, run).filter(|_| !whole_is_one_hit) {
            out.push(m);
            continue;
        }
        if !whole_is_one_hit && run.1 - run.0 >= 2 && ends_as_organisation(ctx, s, run, &inside) {
            // "Russian Defence Ministry", "Kharkiv Regional Military Administration"
            if let Some(m) = classify_run(ctx, s, sidx, run, shouting).filter(|m| m.label == Label::Org) {
                out.push(m);
                continue;
            }
        }
        if let Some(m) = person_by_spelling(ctx, sidx, run).filter(|_| !whole_is_one_hit && !shouting) {
            out.push(m);
            continue;
        }
        if let Some(m) = run_over_places(ctx, s, sidx, run, &inside, shouting) {
            out.push(m);
            continue;
        }
        if let Some(m) = other_persons_given_name(ctx, sidx, run, &inside) {
            out.push(m);
            continue;
        }
        between_hits(ctx, s, sidx, run, &inside, shouting, &mut out);
    }
    out
}

/// Does the run name an organisation by its end: an organisation head word last ("Russian
/// Defence Ministry"), or a country, nationality or organisation first and a head word
/// before "of"/"for" right after it ("U.S. Department of State", "Iraqi Ministry of
/// Culture", "UN Board of Inquiry")?
fn ends_as_organisation(ctx: &DocContext, s: &Sentence, run: (usize, usize), inside: &[&Hit]) -> bool {
    if ctx.res.org_heads.contains(ctx.token_text(run.1 - 1)) {
        return true;
    }
    // (after a sentence-initial "The")
    let name_start = ctx.seg.tokens[name_start(ctx, s, run.0, run.1)].start;
    let Some((first, e, _)) = inside.first().filter(|(m, _, _)| m.start == name_start) else {
        return false;
    };
    let after = ctx.token_at(first.end);
    let words: Vec<&str> = (after..run.1).map(|i| ctx.token_text(i)).collect();
    matches!(e.label, Label::Gpe | Label::Norp | Label::Org) && words.len() >= 3 && head_of_phrase(ctx, &words[..3])
}

/// "Members of the Security Council", "Presidential Envoy for the Global Coalition": a run
/// ending in an organisation head whose words before "of"/"for" hold no head word and no
/// lexicon name are no part of the organisation's name (a "Council of Europe" keeps its
/// "of"). Returns the words before and the organisation's tokens.
fn organisation_after_of(
    ctx: &DocContext,
    run: (usize, usize),
    sent_hits: &[Hit],
) -> Option<((usize, usize), (usize, usize))> {
    if !ctx.res.org_heads.contains(ctx.token_text(run.1 - 1)) {
        return None;
    }
    let c = (run.0 + 1..run.1).find(|&i| matches!(ctx.token_text(i), "of" | "for"))?;
    let mut org = c + 1;
    while org < run.1 && NAME_CONNECTORS.contains(&ctx.token_text(org)) {
        org += 1;
    }
    let (ps, pe) = (ctx.seg.tokens[run.0].start, ctx.seg.tokens[c].start);
    let head_before = (run.0..c).any(|i| ctx.res.org_heads.contains(ctx.token_text(i)));
    let hit_before = sent_hits.iter().any(|(m, _, _)| m.start < pe && ps < m.end);
    (!head_before && !hit_before && org < run.1).then_some(((run.0, c), (org, run.1)))
}

/// The part of a capitalised run that no lexicon hit reaching past the run covers. A key
/// that goes on in lowercase ("Ukraine's air force", "Sumy oblast", "Kharkiv region")
/// names the whole phrase: its capitalised word is not classified alone, where a cue or a
/// place noun nearby would make it a person or a town.
fn run_outside_longer_hits(ctx: &DocContext, run: (usize, usize), sent_hits: &[Hit]) -> Option<(usize, usize)> {
    let toks = &ctx.seg.tokens;
    let (rs, re) = (toks[run.0].start, toks[run.1 - 1].end);
    let (mut a, mut b) = run;
    for (m, _, _) in sent_hits {
        let within = m.start >= rs && m.end <= re;
        if within || m.end <= rs || re <= m.start {
            continue;
        }
        if m.start <= toks[a].start {
            a = a.max(ctx.token_at(m.end));
        } else {
            b = b.min(ctx.token_of(m.start));
        }
    }
    (a < b).then_some((a, b))
}

/// "Ukraine's air force", "Russia's foreign ministry", "Poland's interior ministry": a
/// country's possessive and up to three lowercase words ending in an organisation head
/// noun (`org_head_noun` in data/words.tsv) are one ORG, named with the country's
/// adjective ("Polish Interior Ministry") and the built-in organisation's id where that
/// name is one ("Russian Defence Ministry").
fn possessive_orgs(ctx: &DocContext, s: &Sentence, sidx: u32, mentions: &[Mention]) -> Vec<Mention> {
    use crate::lexicon::WordClass;
    let g = &ctx.res.gazetteer;
    let mut out = Vec::new();
    for m in mentions.iter().filter(|m| m.label == Label::Gpe && m.entity_id.is_some()) {
        let Some(country) = m.geo.country.as_deref().filter(|_| m.geo.place_type == Some(PlaceType::Country)) else {
            continue;
        };
        let poss = ctx.token_at(m.end);
        if poss >= s.tok_end || ctx.token_text(poss) != "'s" {
            continue;
        }
        let plain = |i: usize| {
            let c = ctx.classes(i);
            ctx.seg.tokens[i].kind == TokenKind::Word
                && ctx.token_text(i).chars().all(|c| c.is_ascii_lowercase())
                && !c.has(WordClass::Determiner)
                && !c.has(WordClass::Preposition)
                && !c.has(WordClass::Auxiliary)
                && ctx.res.cues.get(ctx.token_text(i)).is_none()
        };
        let Some(head) = (poss + 1..(poss + 4).min(s.tok_end))
            .take_while(|&i| plain(i))
            .filter(|&i| ctx.classes(i).has(WordClass::OrgHeadNoun))
            .last()
        else {
            continue;
        };
        let Some(adjective) = g
            .entries
            .iter()
            .find(|e| e.kind == EntryKind::Demonym && e.geo.country.as_deref() == Some(country))
            .map(|e| e.canonical.as_ref())
        else {
            continue;
        };
        let title_case = |w: &str| {
            let mut c = w.chars();
            c.next().map_or(String::new(), |f| f.to_uppercase().chain(c).collect())
        };
        let words: Vec<String> = (poss + 1..=head).map(|i| title_case(ctx.token_text(i))).collect();
        let name = format!("{adjective} {}", words.join(" "));
        let end = ctx.seg.tokens[head].end;
        // The built-in organisation by that name, in title case or as written
        // ("Ukrainian military intelligence" is an alias of Ukraine's HUR).
        let written = format!("{adjective} {}", &ctx.text[ctx.seg.tokens[poss + 1].start..end]);
        let known = [name.as_str(), written.as_str()].into_iter().find_map(|n| match g.find(n).as_slice() {
            [k] if k.start == 0 && k.end == n.len() => Some(g.entry(k)).filter(|e| e.label == Label::Org),
            _ => None,
        });
        let mut o = match known {
            Some(e) => e.mention(m.start, end, sidx, MentionSource::Lexicon),
            None => {
                let mut o = rule_mention(m.start, end, sidx, Label::Org);
                o.entity_id = Some(format!("org:{}", crate::lexicon::slug(&name)));
                o.canonical = Some(name);
                o
            }
        };
        o.geo = crate::model::Geo { country: Some(country.to_string()), ..Default::default() };
        out.push(o);
    }
    out
}

/// Words a results or fixtures line may hold besides names and numbers ("Blackpool 0
/// Wycombe 0", "Birmingham v Barnsley", "CHICAGO AT TORONTO", "Durham 114 and 211").
const RESULTS_CONNECTORS: &[&str] = &["v", "vs", "v.", "vs.", "at", "and"];

/// A line of sports results, fixtures or standings: only capitalised words, numbers,
/// punctuation and a few connectors, with a town's name right before a number (a score, not
/// a date) or two names on either side of "v". Capitals and numbers there say "team",
/// whatever the name is otherwise.
fn is_results_line(ctx: &DocContext, s: &Sentence, mentions: &[Mention]) -> bool {
    let toks = &ctx.seg.tokens;
    let mut signal = false;
    for (i, tok) in toks.iter().enumerate().take(s.tok_end).skip(s.tok_start) {
        let t = ctx.token_text(i);
        match tok.kind {
            TokenKind::Word if RESULTS_CONNECTORS.contains(&ctx.lower(i)) => {
                let names_around = i > s.tok_start
                    && i + 1 < s.tok_end
                    && first_char_upper(ctx.token_text(i - 1))
                    && first_char_upper(ctx.token_text(i + 1));
                signal |= names_around && matches!(ctx.lower(i), "v" | "vs" | "v." | "vs.");
            }
            TokenKind::Word if !first_char_upper(t) => return false,
            // (Not a date: "BRUSSELS 1996-08-31" is a dateline.)
            TokenKind::Number if !looks_like_date(t) => {
                let after_town = mentions.iter().any(|m| {
                    m.end == ctx.seg.tokens[i.saturating_sub(1)].end && m.label == Label::Gpe && i > s.tok_start
                });
                signal |= after_town;
            }
            _ => {}
        }
    }
    signal
}

/// A number that is a date or a year ("1996-08-31", "30/08", "2022").
fn looks_like_date(t: &str) -> bool {
    t.contains(['-', '/']) || t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y))
}

/// In a results line, towns and regions are the teams named after them (ORG); countries
/// stay places (national sides are written as their country).
fn towns_as_teams(ctx: &DocContext, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if m.label == Label::Gpe && matches!(m.geo.place_type, Some(PlaceType::City | PlaceType::Region)) {
            let name = ctx.text[m.start..m.end].to_string();
            m.label = Label::Org;
            m.entity_id = Some(format!("org:{}", crate::lexicon::slug(&name)));
            m.canonical = Some(name);
            m.geo = Default::default();
            m.source = MentionSource::Rule;
        }
    }
}

/// Names before scores in a results or standings line ("Stranraer 3 1 1 1 3 3 4",
/// "Rotherham 0 Millwall 2") that no lexicon knows are teams: the line holds only capitalised
/// words, whole numbers, punctuation and results connectors, and either two names each
/// right before a whole number or one name before three of them. A name the rules made a
/// person becomes the team too, unless it has an initial ("J. Russell 75" is a batsman).
fn teams_before_scores(ctx: &DocContext, s: &Sentence, sidx: u32, mentions: &mut Vec<Mention>) {
    let toks = &ctx.seg.tokens;
    let integer = |i: usize| {
        i < s.tok_end && toks[i].kind == TokenKind::Number && ctx.token_text(i).chars().all(|c| c.is_ascii_digit())
    };
    let mut names: Vec<(usize, usize, usize)> = Vec::new(); // (first token, end token, integers after)
    let mut i = s.tok_start;
    while i < s.tok_end {
        let t = ctx.token_text(i);
        match toks[i].kind {
            TokenKind::Word if RESULTS_CONNECTORS.contains(&ctx.lower(i)) => i += 1,
            TokenKind::Word if !first_char_upper(t) => return,
            TokenKind::Word => {
                let a = i;
                while i < s.tok_end
                    && toks[i].kind == TokenKind::Word
                    && first_char_upper(ctx.token_text(i))
                    && !RESULTS_CONNECTORS.contains(&ctx.lower(i))
                {
                    i += 1;
                }
                let b = i;
                let mut k = b;
                while integer(k) {
                    k += 1;
                }
                if k > b {
                    names.push((a, b, k - b));
                }
            }
            _ => i += 1,
        }
    }
    if names.len() < 2 && !names.iter().any(|n| n.2 >= 3) {
        return;
    }
    for (a, b, _) in names {
        let (start, end) = (toks[a].start, toks[b - 1].end);
        let has_initial = (a..b).any(|k| ctx.token_text(k).len() <= 2 && ctx.token_text(k + 1) == ".")
            || (a..b).any(|k| ctx.token_text(k).ends_with('.'));
        let covering: Vec<usize> =
            (0..mentions.len()).filter(|&j| mentions[j].start < end && start < mentions[j].end).collect();
        let free = covering.is_empty();
        let rule_person = covering.len() == 1
            && mentions[covering[0]].label == Label::Person
            && mentions[covering[0]].source == MentionSource::Rule
            && !has_initial;
        if free && !has_initial || rule_person {
            mentions.retain(|m| !(m.start < end && start < m.end));
            let name = ctx.text[start..end].to_string();
            let mut m = rule_mention(start, end, sidx, Label::Org);
            m.entity_id = Some(format!("org:{}", crate::lexicon::slug(&name)));
            m.canonical = Some(name);
            mentions.push(m);
        }
    }
    mentions.sort_by_key(|m| (m.start, m.end));
}

/// A run that ends in a built-in person's name in another spelling ("Volodimir Zelensky",
/// "President Volodimir Zelensky", "Kiril Budanov"): the person, from the first word that
/// makes the name; titles before it stay outside (the role is found later).
fn person_by_spelling(ctx: &DocContext, sidx: u32, run: (usize, usize)) -> Option<Mention> {
    let toks = &ctx.seg.tokens;
    let end = toks[run.1 - 1].end;
    let g = &ctx.res.gazetteer;
    (run.0..run.1.saturating_sub(1)).find_map(|a| {
        let e = &g.entries[ctx.spelling_find(&ctx.text[toks[a].start..end], true)? as usize];
        Some(e.mention(toks[a].start, end, sidx, MentionSource::Lexicon))
    })
}

/// A one-word person key after a given name that is not this person's ("Yuri" + "Danilov"
/// when the lexicon knows Oleksiy Danilov) is somebody else.
fn other_persons_given_name(ctx: &DocContext, sidx: u32, run: (usize, usize), inside: &[&Hit]) -> Option<Mention> {
    let (m, e, _) =
        inside.iter().find(|(m, e, _)| e.kind == EntryKind::Person && !ctx.text[m.start..m.end].contains(' '))?;
    let tok = ctx.token_of(m.start);
    if tok <= run.0 {
        return None;
    }
    let given = ctx.token_text(tok - 1);
    let own_given = e.canonical.split(' ').next() == Some(given);
    if !ctx.res.first_names.contains(given) || own_given {
        return None;
    }
    let mut x = rule_mention(ctx.seg.tokens[tok - 1].start, m.end, sidx, Label::Person);
    x.role = None;
    Some(x)
}

/// Lexicon hits inside a run stand; the capitalised stretches between them are classified.
fn between_hits(
    ctx: &DocContext,
    s: &Sentence,
    sidx: u32,
    run: (usize, usize),
    inside: &[&Hit],
    shouting: bool,
    out: &mut Vec<Mention>,
) {
    let mut cursor = run.0;
    for (m, e, _) in inside.iter() {
        let hit_tok = ctx.token_of(m.start);
        if hit_tok < cursor {
            continue;
        }
        // "National Bank of Poland", "Government of Iraq": an organisation named after its place.
        if let Some(x) = org_of_place(ctx, s, sidx, (cursor, hit_tok), m, e) {
            out.push(x);
            cursor = ctx.token_at(m.end);
            continue;
        }
        // "King Sihanouk": a title makes a small town's name a surname.
        if let Some((ts, role)) = title_before_place(ctx, s, m, e).filter(|_| !shouting) {
            let title_tok = ctx.token_at(ts);
            if hit_tok > cursor && title_tok > cursor {
                out.extend(classify_run(ctx, s, sidx, (cursor, title_tok), shouting));
            }
            // The name may go on: "President Tono Eitel".
            let mut end_tok = ctx.token_at(m.end);
            while end_tok < run.1
                && end_tok < hit_tok + 3
                && looks_like_surname(ctx, ctx.token_text(end_tok))
                && !inside.iter().any(|(h, _, _)| ctx.token_of(h.start) == end_tok)
            {
                end_tok += 1;
            }
            let mut x = rule_mention(m.start, ctx.seg.tokens[end_tok - 1].end, sidx, Label::Person);
            x.role = Some(role);
            out.push(x);
            cursor = end_tok;
            continue;
        }
        // A small town's name before a speech verb is somebody's surname: "Weber said".
        if !shouting
            && run.1 - run.0 == 1
            && is_small_place(e, 300_000)
            && !preceded_by_place_word(ctx, m.start)
            && followed_by_speech(ctx, s, m.end)
        {
            out.push(rule_mention(m.start, m.end, sidx, Label::Person));
            cursor = ctx.token_at(m.end);
            continue;
        }
        if hit_tok > cursor {
            out.extend(classify_run(ctx, s, sidx, (cursor, hit_tok), shouting));
        }
        cursor = cursor.max(ctx.token_at(m.end));
    }
    if cursor < run.1 {
        // A first name before a lexicon surname ("Volodymyr" + "Zelensky") is already part
        // of the person key; anything else is classified.
        out.extend(classify_run(ctx, s, sidx, (cursor, run.1), shouting));
    }
}

#[cfg(test)]
pub(crate) fn tests_run(text: &str) -> Vec<(String, Label, Option<String>, Option<String>)> {
    crate::context::with_context(text, None, |ctx| {
        recognize(ctx)
            .into_iter()
            .map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.entity_id, m.geo.country))
            .collect()
    })
}

#[cfg(test)]
mod tests;
