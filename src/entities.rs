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
use crate::pipeline::DocContext;

/// Words that may stand inside a name between capitalised words ("Institute for the Study
/// of War", "Abu Bakr al Baghdadi", "Ursula von der Leyen").
const NAME_CONNECTORS: &[&str] = &["of", "for", "the", "de", "du", "da", "di", "von", "van", "der", "den", "al", "el", "bin", "ibn", "la", "le"];

/// Prepositions after which an unknown capitalised word is most likely a place.
const PLACE_PREPOSITIONS: &[&str] = &["in", "near", "outside", "around", "from", "into", "towards", "toward", "across", "through"];
const PLACE_NOUNS: &[&str] = &["village", "town", "city", "settlement", "region", "district", "oblast", "province", "port", "suburb"];

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

/// A mention from a lexicon entry.
pub fn mention_from_entry(start: usize, end: usize, sentence: u32, e: &Entry, source: MentionSource) -> Mention {
    Mention {
        start,
        end,
        sentence,
        label: e.label,
        canonical: Some(e.canonical.clone()),
        entity_id: Some(e.id.clone()),
        role: None,
        geo: e.geo.clone(),
        value: None,
        source,
    }
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
                if end < s.tok_end && toks[end].kind == TokenKind::Word && first_char_upper(ctx.token_text(end)) {
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
    // In a title-case or all-caps line (headlines, "KHARKIV, Ukraine"), capitals say
    // nothing: only a title, a known given name or an organisation head word count.
    let (cap_share, all_caps_share) = capitalised_share(ctx, s);
    let shouting = (s.headline && cap_share > 0.6) || all_caps_share > 0.5;
    let label = if person_by_title && looks_like_name || known_first && n >= 2 {
        Label::Person
    } else if shouting {
        return None;
    } else if n == 1 && is_all_caps(first) && first.chars().count() <= 6 {
        Label::Org
    } else if followed_by_cue && looks_like_name {
        Label::Person
    } else if n <= 3 && looks_like_name && preceded_by_place_word(ctx, start) {
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
            // A one-word person key after a given name that is not this person's ("Yuri"
            // + "Danilov" when the lexicon knows Oleksiy Danilov) is somebody else.
            if let Some((m, e, _)) = inside.iter().find(|(m, e, _)| e.kind == EntryKind::Person && !ctx.text[m.start..m.end].contains(' ')) {
                let tok = ctx.token_at(m.start);
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
            for (m, _, _) in inside.iter() {
                let hit_tok = ctx.token_at(m.start);
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
        // Lexicon hits not swallowed by an organisation run.
        for (m, e, src) in &sent_hits {
            if sent_mentions.iter().any(|x| x.start < m.end && m.start < x.end) {
                continue;
            }
            sent_mentions.push(mention_from_entry(m.start, m.end, sidx, e, *src));
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
mod tests {
    use super::*;
    use crate::lexicon::Resources;
    use crate::normalize::normalize;
    use crate::segment::segment;

    fn run(text: &str) -> Vec<(String, Label, Option<String>, Option<String>)> {
        let res = Resources::shared();
        let n = normalize(text);
        let seg = segment(&n.text, &res.abbreviations);
        let ctx = DocContext { text: &n.text, marks: &n.marks, seg: &seg, res: &res, published: None };
        recognize(&ctx).into_iter().map(|m| (n.text[m.start..m.end].to_string(), m.label, m.canonical, m.role)).collect()
    }

    fn find<'a>(ms: &'a [(String, Label, Option<String>, Option<String>)], text: &str) -> Option<&'a (String, Label, Option<String>, Option<String>)> {
        ms.iter().find(|m| m.0 == text)
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
}
