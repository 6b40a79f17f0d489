//! Runs of capitalised words that no lexicon fully covers, and how one is classified
//! (organisation head words, acronyms, company suffixes, all-caps lines).

use super::*;
use crate::context::DocContext;
use crate::lexicon::TitleKind;
use crate::model::{Label, Mention, Sentence, TokenKind};

/// Company suffixes: "X Corp of Y" is the company X from Y, not a company named after Y.
pub(super) const COMPANY_SUFFIXES: &[&str] =
    &["Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "LLC", "Co", "Co.", "Holding", "Holdings", "Group", "Company"];

/// Shares of a sentence's words that start with a capital, and that are all capitals.
pub(super) fn capitalised_share(ctx: &DocContext, s: &Sentence) -> (f64, f64) {
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
pub(super) fn is_shouting(ctx: &DocContext, s: &Sentence) -> bool {
    let (cap_share, all_caps_share) = capitalised_share(ctx, s);
    (s.headline && cap_share > 0.6) || all_caps_share > 0.5
}

/// A word written in Cyrillic. A capitalised run never crosses from Latin to Cyrillic:
/// "On Monday Олег Синегубов" is "On Monday" and a two-word name.
pub(super) fn starts_cyrillic(w: &str) -> bool {
    w.chars().next().is_some_and(crate::translit::is_cyrillic)
}

/// Arabic article and patronymic particles written lowercase and joined to the next name
/// word: "al-Maliki", "el-Sisi", "ad-Din", "bin-Salman".
const JOINED_PARTICLES: &[&str] =
    &["al-", "el-", "ad-", "ed-", "ash-", "as-", "at-", "ar-", "az-", "an-", "bin-", "ibn-"];

/// A lowercase particle joined to a capitalised name word ("al-Maliki"): it goes on a name
/// ("Nouri al-Maliki", "Abu Musab al-Zarqawi") but never starts one.
pub(super) fn is_joined_particle_name(w: &str) -> bool {
    JOINED_PARTICLES.iter().any(|p| w.strip_prefix(p).is_some_and(first_char_upper))
}

/// Token index ranges of capitalised runs in a sentence (connectors allowed inside).
pub(super) fn capitalised_runs(ctx: &DocContext, s: &Sentence) -> Vec<(usize, usize)> {
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
                    && (first_char_upper(ctx.token_text(end)) || is_joined_particle_name(ctx.token_text(end)))
                    && starts_cyrillic(ctx.token_text(end)) == starts_cyrillic(ctx.token_text(end - 1))
                {
                    end += 1;
                    continue;
                }
                // connector(s) followed by a capitalised word; "the" only after another
                // connector ("Institute for the Study of War"): alone it joins a date to a
                // name ("On Friday the UN Security Council").
                let mut k = end;
                while k < s.tok_end
                    && NAME_CONNECTORS.contains(&ctx.token_text(k))
                    && (k > end || ctx.token_text(k) != "the")
                {
                    k += 1;
                }
                if k > end
                    && k < s.tok_end
                    && k - end <= 2
                    && toks[k].kind == TokenKind::Word
                    && first_char_upper(ctx.token_text(k))
                {
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

/// Does an organisation head word (not a company suffix) stand right before "of"/"for"
/// inside these words, with a capitalised word after the connector(s)?
pub(super) fn head_of_phrase(ctx: &DocContext, words: &[&str]) -> bool {
    words.windows(3).any(|w| {
        ctx.res.org_heads.contains(w[0])
            && !COMPANY_SUFFIXES.contains(&w[0])
            && matches!(w[1], "of" | "for")
            && (first_char_upper(w[2]) || w[2] == "the")
    })
}

/// Is the run followed by "(ACRONYM)" whose letters are the initials of its words, in order?
pub(super) fn acronym_follows(ctx: &DocContext, s: &Sentence, end: usize, words: &[&str]) -> bool {
    let rest = ctx.text[end..s.end].trim_start();
    let Some(inner) = rest.strip_prefix('(') else {
        return false;
    };
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
    matched.count() * 2 > letters.len()
}

/// The Arabic article written as a capitalised word of its own ("Al Qurnayn", "Ar Raqqah").
fn is_article_particle(w: &str) -> bool {
    matches!(w, "Al" | "El" | "Ar" | "As" | "Ad" | "An" | "At" | "Az" | "Ash")
}

/// A word in capitals shaped like an organisation's acronym: up to six letters ("IAEA",
/// "SBU"), or up to nine that are no English word in capitals ("NAVCENT", "CJTF-OIR")
/// inside a sentence (opening one, a long word in capitals is a dateline's town or a
/// section header: "TAVILDARA, Tajikistan", "EUROBONDS - ...").
fn is_acronym(ctx: &DocContext, w: &str, sentence_initial: bool) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    is_all_caps(w) && (letters <= 6 || letters <= 9 && !sentence_initial && !looks_like_ordinary_word(ctx, w))
}

/// The built-in place (a GPE: country, region, town) `name` is a spelling of.
/// A name that is a key of its own was the lexicon's to take: its plausibility checks
/// ("Marks" opening a sentence is no town) are not undone here; ordinary words never count.
fn spelling_of_place<'a>(ctx: &DocContext<'a>, name: &str) -> Option<&'a crate::lexicon::Entry> {
    let g = &ctx.res.gazetteer;
    let own_key = g.find(name).iter().any(|m| m.start == 0 && m.end == name.len());
    if own_key || name.split(' ').any(|w| looks_like_ordinary_word(ctx, w)) {
        return None;
    }
    // "Маріуполь": its Latin reading.
    let latin = if name.is_ascii() { None } else { crate::translit::to_latin(name) };
    let name = latin.as_deref().unwrap_or(name);
    let e = &g.entries[ctx.spelling_find(name, false)? as usize];
    (e.label == Label::Gpe).then_some(e)
}

/// Classify a capitalised run nobody's lexicon knows. Returns the mention (possibly
/// narrower than the run) or None. `shouting` is `is_shouting(ctx, s)`, which the caller
/// reads once for the sentence (it walks every word of it).
pub(super) fn classify_run(
    ctx: &DocContext,
    s: &Sentence,
    sidx: u32,
    run: (usize, usize),
    shouting: bool,
) -> Option<Mention> {
    let toks = &ctx.seg.tokens;
    let (mut a, b) = run;
    // Leading sentence-initial ordinary word ("The", "After", "Officials").
    let at_sentence_start = |i: usize| -> bool {
        (s.tok_start..i).all(|k| toks[k].kind != TokenKind::Word && toks[k].kind != TokenKind::Number)
    };
    while a < b {
        let t = ctx.token_text(a);
        let title_here =
            ctx.titles_in(toks[a].start, toks[b - 1].end).next().is_some_and(|(st, _, _)| st == toks[a].start);
        // (A place preposition opening the sentence goes too: "Near Al Huwayjah, ...".)
        let drop = (at_sentence_start(a)
            && !title_here
            && (ctx.res.is_common_word(t)
                || ctx.res.abbreviations.is_starter(t)
                || lowercase_in(t, PLACE_PREPOSITIONS))
            && !ctx.res.first_names.contains(t))
            || NAME_CONNECTORS.contains(&t);
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
        let hit = ctx.titles_in(pos, toks[b - 1].end).next().filter(|(st, _, _)| *st == pos);
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
        // "Officials of the Kurdistan Regional Government": the title's "of the" goes with it
        while a < b && lowercase_in(ctx.token_text(a), NAME_CONNECTORS) {
            a += 1;
        }
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
    let person_by_title = role.is_some() && title_kind != Some(TitleKind::Office)
        || title_outside.as_ref().is_some_and(|t| t.2 != TitleKind::Office || first_char_upper(&ctx.text[t.0..start]))
        || role.is_some();
    // ("Al Gore" is a person, "near Al Qurnayn" a place.)
    let article_before_place = is_article_particle(first) && preceded_by_place_word(ctx, start);
    let known_first = ctx.res.first_names.contains(first)
        && (!ctx.res.ambiguous_first_names.contains(first) || !at_sentence_start(a))
        && !article_before_place;
    let followed_by_cue = {
        let rest = &ctx.text[end..s.end];
        let rest = rest.trim_start_matches(|c: char| c == ',' || c.is_whitespace());
        let next_word_end = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
        ctx.res.cues.get(&rest[..next_word_end]).is_some()
    };
    let looks_like_name = words.iter().all(|w| !ctx.res.is_common_word(w) && !is_all_caps(w));
    // After a title a given name may be an ordinary word ("Defense Secretary Ash Carter",
    // "President Grant ..."): the surname must not be one.
    let name_after_title =
        (2..=3).contains(&n) && words.iter().all(|w| !is_all_caps(w)) && !ctx.res.is_common_word(last);
    // "..., said Kowalski." — a speech verb before a name that closes the clause.
    // (Not before a possessive: "said Ukraine's air force ..." goes on.)
    let after = ctx.text[end..s.end].trim_start();
    let said_before = previous_word(ctx, start).is_some_and(|w| SAID_BEFORE_NAME.contains(&w))
        && !after.starts_with("'s")
        && after.chars().next().map_or(true, |c| matches!(c, '.' | ',' | ';' | ':' | '"' | '\'' | ')'));
    // In a title-case or all-caps line (headlines, "KHARKIV, Ukraine"), capitals say
    // nothing: only a title, a known given name or an organisation head word count.
    let label = if person_by_title && (looks_like_name || name_after_title) || known_first && n >= 2 {
        Label::Person
    } else if shouting {
        return None;
    } else if n == 1
        && ctx.res.org_heads.contains(first)
        && !at_sentence_start(a)
        && previous_word(ctx, start).is_some_and(|w| {
            w.eq_ignore_ascii_case("the")
                || is_ordinal_number(w) && ctx.classes(a).has(crate::lexicon::WordClass::UnitHead)
        })
    {
        // "the Coalition", "the Alliance": a capitalised head noun alone, after "the" inside
        // a sentence, is the organisation the text has been naming; "2nd Battalion" is a
        // unit (numbered_units adds the number).
        Label::Org
    } else if n == 1 && is_acronym(ctx, first, at_sentence_start(a)) {
        // "UAV", "GDP", "IDPs": capitals of a common noun, no organisation.
        if ctx.classes(a).has(crate::lexicon::WordClass::AcronymNoun) {
            return None;
        }
        Label::Org
    } else if (followed_by_cue || said_before && n <= 3) && looks_like_name {
        Label::Person
    } else if n <= 3
        && preceded_by_place_word(ctx, start)
        && words[1..]
            .iter()
            .chain([&first].into_iter().filter(|w| !is_article_particle(w)))
            .all(|w| !ctx.res.is_common_word(w) && !is_all_caps(w) && !looks_like_ordinary_word(ctx, w))
    {
        // ("in Al Qurnayn": the Arabic article opens many place names)
        Label::Gpe
    } else if let Some(e) = spelling_of_place(ctx, &ctx.text[start..end]).filter(|_| n <= 3 && looks_like_name) {
        // "Tchernihiv was shelled": a built-in place in another romanisation.
        return Some(e.mention(start, end, sidx, crate::model::MentionSource::Lexicon));
    } else if (2..=3).contains(&n) && looks_like_name && !is_article_particle(first) {
        // (An Arabic article opening the run names a place or a clan more often than a
        // person: "El Conchero province", "the Al Bu Nimr".)
        Label::Person
    } else {
        return None;
    };
    let mut m = rule_mention(start, end, sidx, label);
    if label == Label::Person {
        m.role = role.or_else(|| {
            title_outside.map(|(ts, _, _)| {
                let rs = role_start(ctx, s, ts);
                ctx.text[rs..start].trim_end().trim_end_matches(',').trim_end().to_string()
            })
        });
    }
    Some(m)
}
