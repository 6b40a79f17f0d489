//! Event slots read off the words around the trigger: casualty counts, the quantity,
//! modality and the date.
use super::{is_function_word, Hit, View, ADVERBS, AUX, DETERMINERS, NO_CLAUSE};
use crate::lexicon::PhraseMatcher;
use crate::model::{Days, Label, Modality, TokenKind};
use crate::numbers::NumberPhrase;
use std::sync::OnceLock;

fn any_of(w: &str, list: &[&str]) -> bool {
    list.contains(&w)
}

// ---------------------------------------------------------------------------------------
// Casualties

/// Nouns for people that casualty counts count ("5 civilians", "a child").
const PERSON_NOUNS: &[&str] = &[
    "people",
    "person",
    "persons",
    "civilians",
    "civilian",
    "soldiers",
    "soldier",
    "servicemen",
    "serviceman",
    "troops",
    "children",
    "child",
    "kids",
    "women",
    "woman",
    "men",
    "man",
    "residents",
    "resident",
    "fighters",
    "fighter",
    "officers",
    "officer",
    "workers",
    "worker",
    "journalists",
    "journalist",
    "volunteers",
    "volunteer",
    "police",
    "policemen",
    "policeman",
    "members",
    "member",
    "pensioners",
    "pensioner",
    "teenagers",
    "teenager",
    "boy",
    "boys",
    "girl",
    "girls",
    "babies",
    "baby",
    "passengers",
    "passenger",
    "patients",
    "medics",
    "medic",
    "doctors",
    "doctor",
    "firefighters",
    "firefighter",
    "rescuers",
    "rescuer",
    "guards",
    "guard",
    "marines",
    "paratroopers",
    "mercenaries",
    "militants",
    "prisoners",
    "inmates",
    "others",
    "adults",
    "infants",
    "infant",
    "individuals",
    "crew",
    "sailors",
    "sailor",
    "pilots",
    "pilot",
    "victims",
    "employees",
    "staff",
    "villagers",
    "servicemembers",
    "personnel",
    "occupants",
    "attackers",
    "defenders",
    "invaders",
    "recruits",
    "conscripts",
    "more",
];
/// Words between a casualty noun and its number: "the death toll has risen to 20".
const TOLL_FILLERS: &[&str] = &[
    "has",
    "have",
    "had",
    "rose",
    "risen",
    "climbed",
    "increased",
    "jumped",
    "reached",
    "stands",
    "stood",
    "now",
    "to",
    "at",
    "of",
    "is",
    "was",
    "grew",
    "hit",
    "passed",
    "exceeded",
    "surpassed",
    "topped",
    "rises",
    "climbs",
    "reaches",
    "stood",
    "already",
];
/// Casualty words that are adjectives or nouns: their count usually comes first
/// ("3 dead", "20 deaths"); verbs take theirs after ("killed 5").
const COUNT_BEFORE: &[&str] = &[
    "dead",
    "injured",
    "wounded",
    "hurt",
    "deaths",
    "death",
    "casualties",
    "fatalities",
    "bodies",
    "corpses",
    "killings",
    "injuries",
    "missing",
    "losses",
    "killed in action",
];

fn person_noun(w: &str) -> bool {
    any_of(w, PERSON_NOUNS)
}

pub(crate) fn is_person_noun(w: &str) -> bool {
    person_noun(w)
}

fn number_ending_at<'v>(v: &'v View, end_tok: usize) -> Option<&'v NumberPhrase> {
    v.numbers.iter().find(|p| p.end_tok == end_tok && matches!(p.label, Label::Cardinal))
}

fn number_starting_at<'v>(v: &'v View, tok: usize) -> Option<&'v NumberPhrase> {
    v.numbers.iter().find(|p| p.start_tok == tok && matches!(p.label, Label::Cardinal))
}

/// The count a number phrase gives: its value, or for a vague amount the smallest number
/// the words allow (`vague_counts.tsv`: "dozens" → 24, "tens of thousands" → 20000).
fn as_count(v: &View, p: &NumberPhrase) -> Option<u32> {
    if let Some(x) = p.value {
        return (x.is_finite() && (0.0..4e9).contains(&x)).then(|| x.round() as u32);
    }
    let first = *v.res.vague_counts.get(v.lw(p.core_tok))?;
    // "tens of thousands", "hundreds of thousands": scaled by the last word
    let last = v.lw(p.end_tok.max(p.core_tok + 1) - 1);
    let scale = if p.end_tok > p.core_tok + 1 {
        match last {
            "thousands" => 1000,
            "millions" => 1_000_000,
            _ => 1,
        }
    } else {
        1
    };
    first.checked_mul(scale)
}

/// Vague words that end right before token `end` ("several", "a few", "a handful of"):
/// the smallest count they allow.
fn vague_words_before(v: &View, end: usize) -> Option<u32> {
    for n in (1..=3).rev() {
        if end < v.t0 + n {
            continue;
        }
        let words: Vec<&str> = (end - n..end).map(|i| v.lw(i)).collect();
        if let Some(c) = v.res.vague_counts.get(words.join(" ").as_str()) {
            return Some(*c);
        }
    }
    None
}

/// Vague words that start at token `start`: (count, first token after them).
fn vague_words_at(v: &View, start: usize) -> Option<(u32, usize)> {
    for n in (1..=3).rev() {
        if start + n > v.t1 {
            continue;
        }
        let words: Vec<&str> = (start..start + n).map(|i| v.lw(i)).collect();
        if let Some(c) = v.res.vague_counts.get(words.join(" ").as_str()) {
            return Some((*c, start + n));
        }
    }
    None
}

/// "killed or wounded 26", "killing and wounding 30", "killed and injured scores": one
/// figure for the dead and the wounded together counts neither.
fn joint_figure(v: &View, h: &Hit) -> bool {
    const KILL: &[&str] = &["killed", "killing", "kill", "dead", "deaths"];
    const WOUND: &[&str] = &["wounded", "wounding", "injured", "injuring", "injuries", "hurt"];
    let w = v.lw(h.t0);
    let (next, next2) = (v.lw(h.t1), v.lw(h.t1 + 1));
    let (prev, prev2) = if h.t0 >= v.t0 + 2 { (v.lw(h.t0 - 1), v.lw(h.t0 - 2)) } else { ("", "") };
    let pair = |a: &str, b: &str| (any_of(a, KILL) && any_of(b, WOUND)) || (any_of(a, WOUND) && any_of(b, KILL));
    // the number follows the pair: "killed or wounded 26" (not "killed 3 and wounded 5")
    let count_follows = |i: usize| {
        number_starting_at(v, i).is_some()
            || vague_words_at(v, i).is_some()
            || any_of(v.lw(i), &["at", "more", "over", "up", "nearly", "about", "some"])
    };
    (any_of(next, &["or", "and"]) && pair(w, next2) && count_follows(h.t1 + 2))
        || (any_of(prev, &["or", "and"]) && pair(prev2, w) && count_follows(h.t1))
}

/// "no casualties", "no one was hurt", "nobody was killed", "without any casualties":
/// an explicit zero.
fn explicit_zero(v: &View, h: &Hit) -> bool {
    let mut i = h.t0;
    let mut steps = 0;
    while i > v.t0 && steps < 4 {
        i -= 1;
        steps += 1;
        let w = v.lw(i);
        if any_of(w, &["no", "nobody", "none", "without"]) || (w == "one" && i > v.t0 && v.lw(i - 1) == "no") {
            return true;
        }
        if !(any_of(w, AUX)
            || any_of(
                w,
                &[
                    "one",
                    "any",
                    "other",
                    "reports",
                    "report",
                    "of",
                    "immediate",
                    "further",
                    "human",
                    "civilian",
                    "casualties",
                    "reported",
                ],
            ))
        {
            return false;
        }
    }
    false
}

/// The count came from a bound or a vague amount ("more than 20", "at least 7", "dozens").
pub(crate) fn approximate_count(v: &View, core_tok: Option<usize>) -> bool {
    let Some(core) = core_tok else { return false };
    match v.numbers.iter().find(|p| p.core_tok == core) {
        Some(p) => {
            p.value.is_none()
                || (p.start_tok..p.core_tok).any(|i| {
                    any_of(
                        v.lw(i),
                        &[
                            "more",
                            "over",
                            "least",
                            "about",
                            "around",
                            "nearly",
                            "almost",
                            "up",
                            "some",
                            "approximately",
                            "roughly",
                            "than",
                            "estimated",
                        ],
                    )
                })
                || (core > v.t0
                    && any_of(
                        v.lw(core - 1),
                        &["over", "least", "than", "about", "around", "nearly", "almost", "some"],
                    ))
        }
        None => false,
    }
}

/// Count after the trigger: "killed at least 5 civilians", "killing a child", "toll rose to 20".
fn count_after(v: &View, h: &Hit, toll: bool) -> Option<(Option<u32>, Option<usize>)> {
    let mut i = h.t1;
    if toll {
        let mut skipped = 0;
        while skipped < 5 && any_of(v.lw(i), TOLL_FILLERS) && v.clause_of(i) == h.clause {
            i += 1;
            skipped += 1;
        }
    }
    if v.clause_of(i) != h.clause {
        return None;
    }
    // "killed between 10 and 15 people", "killed from 3 to 5": the first number is the
    // lower bound, and that is the count kept
    if any_of(v.lw(i), &["between", "from"]) && number_starting_at(v, i + 1).is_some() {
        i += 1;
    }
    if let Some(p) = number_starting_at(v, i).filter(|p| !is_identifier_or_name(v, p)) {
        return Some((as_count(v, p), Some(p.core_tok)));
    }
    // "killed several people", "wounding a few soldiers"
    if let Some((c, after)) = vague_words_at(v, i) {
        if (after..(after + 3).min(v.t1)).any(|k| person_noun(v.lw(k))) {
            return Some((Some(c), None));
        }
    }
    // "killed a woman", "wounding an elderly man"
    if any_of(v.lw(i), &["a", "an", "one"]) {
        let mut j = i + 1;
        while j < i + 3 && v.is_word(j) && !person_noun(v.lw(j)) && !is_function_word(v.lw(j)) {
            j += 1;
        }
        if person_noun(v.lw(j)) && !v.lw(j).ends_with('s') || matches!(v.lw(j), "person" | "child" | "woman" | "man") {
            return Some((Some(1), None));
        }
    }
    None
}

/// "The death toll from Saturday's strike on Dnipro has risen to 40": a number after
/// "to"/"at"/"of" further on in the clause.
fn toll_further_on(v: &View, h: &Hit) -> Option<(Option<u32>, Option<usize>)> {
    let limit = (h.t1 + 12).min(v.t1);
    (h.t1..limit)
        .take_while(|&i| v.clause_of(i) == h.clause)
        .filter(|&i| {
            any_of(v.lw(i), &["to", "at", "of", "reached", "passed", "topped", "exceeded", "surpassed", "hit"])
        })
        .find_map(|i| number_starting_at(v, i + 1).map(|p| (as_count(v, p), Some(p.core_tok))))
}

/// The lower end of a range the number closes: "between 10 and 15 people", "10 to 15",
/// "10-15". Ranges report their LOWER bound as the count (the figure every source agrees
/// to); the full range stays readable in the text.
fn range_lower_bound<'v>(v: &'v View, upper: &'v NumberPhrase) -> Option<&'v NumberPhrase> {
    let j = upper.start_tok;
    if j <= v.t0 + 1 {
        return None;
    }
    let link = v.lw(j - 1);
    if !any_of(link, &["and", "to", "-", "or"]) {
        return None;
    }
    let lower = number_ending_at(v, j - 1)?;
    let opener = if lower.start_tok > v.t0 { v.lw(lower.start_tok - 1) } else { "" };
    // "10 and 15 people" alone is a list, not a range; "between"/"from" or "to"/"-"/"or" make it one
    (link != "and" || any_of(opener, &["between", "from"])).then_some(lower)
}

/// Count before the trigger: "5 people were killed", "12 were wounded", "two soldiers
/// killed", "3 dead", "a child was killed", "dozens were killed".
fn count_before(v: &View, h: &Hit) -> Option<(Option<u32>, Option<usize>)> {
    let mut j = h.t0; // exclusive end of what remains to the left
                      // auxiliaries and adverbs: "were reportedly", "have been", "are feared"
    while j > v.t0
        && v.clause_of(j - 1) == h.clause
        && (any_of(v.lw(j - 1), AUX)
            || any_of(v.lw(j - 1), ADVERBS)
            || any_of(v.lw(j - 1), &["who", "that", "later", "left"]))
    {
        j -= 1;
    }
    // a parenthesis between count and verb: "11 people, including a child, were killed"
    if j > v.t0 + 1 && v.lw(j - 1) == "," {
        let open = (j.saturating_sub(10).max(v.t0)..j - 1).rev().find(|&k| v.lw(k) == ",");
        if let Some(k) = open {
            if any_of(v.lw(k + 1), &["including", "among", "mostly", "most", "many", "all", "some", "half", "mainly"]) {
                j = k;
            }
        }
    }
    // the counted noun phrase: up to three words ending in a person noun
    let noun_end = j;
    let mut k = j;
    let mut has_person = false;
    while k > v.t0 && noun_end - k < 3 && v.clause_of(k - 1) == h.clause {
        let w = v.lw(k - 1);
        if v.kind(k - 1) != Some(TokenKind::Word) || is_function_word(w) || number_ending_at(v, k).is_some() {
            break;
        }
        if k == noun_end && !person_noun(w) {
            break; // the word next to the verb must be a person noun
        }
        has_person |= person_noun(w);
        k -= 1;
    }
    if k < noun_end && !has_person {
        return None;
    }
    if let Some(p) = number_ending_at(v, k).filter(|p| !is_identifier_or_name(v, p)) {
        if v.clause_of(p.start_tok) == h.clause || v.clause_of(p.start_tok) == NO_CLAUSE {
            let p = range_lower_bound(v, p).unwrap_or(p);
            let own = as_count(v, p);
            // a list of victims: "two soldiers and five civilians were killed" → 7
            let more = if k < noun_end { list_before(v, p.start_tok, h.clause) } else { 0 };
            return Some((own.map(|c| c + more), Some(p.core_tok)));
        }
    }
    // "several civilians were killed", "a few soldiers were wounded"
    if k < noun_end {
        if let Some(c) = vague_words_before(v, k) {
            return Some((Some(c), None));
        }
        // the vague word opened the noun phrase: "Several civilians were killed"
        for m in k..noun_end {
            if let Some((c, after)) = vague_words_at(v, m) {
                if after < noun_end {
                    return Some((Some(c), None));
                }
            }
        }
    }
    // "a child was killed", "one person died"
    if k < noun_end && k > v.t0 && any_of(v.lw(k - 1), &["a", "an", "one"]) && !v.lw(noun_end - 1).ends_with('s') {
        return Some((Some(1), None));
    }
    // "an engineer was killed", "a local shopkeeper was wounded": a singular subject of a
    // passive casualty verb is one person, whatever the noun
    if k == noun_end && j < h.t0 && any_of(v.lw(j), &["was", "is", "has"]) {
        let mut a = j;
        while a > v.t0
            && j - a < 4
            && v.clause_of(a - 1) == h.clause
            && v.is_word(a - 1)
            && !any_of(v.lw(a - 1), &["a", "an", "one"])
            && !is_function_word(v.lw(a - 1))
        {
            a -= 1;
        }
        if a < j && a > v.t0 && any_of(v.lw(a - 1), &["a", "an", "one"]) && !v.is_capitalised(j - 1) {
            return Some((Some(1), None));
        }
    }
    None
}

/// Counts of earlier groups in a list of victims ending at token `end` (exclusive): in
/// "two soldiers and five civilians were killed", called at "five", gives 2.
fn list_before(v: &View, end: usize, clause: u32) -> u32 {
    let mut total = 0;
    let mut j = end;
    loop {
        if j <= v.t0 + 2 || !any_of(v.lw(j - 1), &["and", ","]) || v.clause_of(j - 1) == NO_CLAUSE && v.lw(j - 1) != ","
        {
            return total;
        }
        let mut k = j - 1;
        if v.lw(k) == "and" && k > v.t0 && v.lw(k - 1) == "," {
            k -= 1;
        }
        // a person noun phrase of up to three words, then its number
        let noun_end = k;
        while k > v.t0
            && noun_end - k < 3
            && v.is_word(k - 1)
            && !is_function_word(v.lw(k - 1))
            && number_ending_at(v, k).is_none()
        {
            k -= 1;
        }
        if k == noun_end || !person_noun(v.lw(noun_end - 1)) || v.clause_of(k) != clause && v.clause_of(k) != NO_CLAUSE
        {
            return total;
        }
        match number_ending_at(v, k)
            .filter(|p| !is_identifier_or_name(v, p))
            .and_then(|p| as_count(v, p).map(|c| (c, p.start_tok)))
        {
            Some((c, start)) => {
                total += c;
                j = start;
            }
            None => {
                if k > v.t0 && any_of(v.lw(k - 1), &["a", "an", "one"]) && !v.lw(noun_end - 1).ends_with('s') {
                    total += 1;
                    j = k - 1;
                } else {
                    return total;
                }
            }
        }
    }
}

/// The count of a casualty trigger: Some((value, number token)) when a count is attached
/// (value None for "dozens"), None when there is none.
pub(crate) fn casualty_count(v: &View, h: &Hit) -> Option<(Option<u32>, Option<usize>)> {
    if joint_figure(v, h) {
        return Some((None, None));
    }
    if explicit_zero(v, h) {
        return Some((Some(0), None));
    }
    let lower = v.slice(h.t0, h.t1).to_lowercase();
    let toll = lower.contains("toll") || lower == "body count";
    if toll {
        return count_after(v, h, true).or_else(|| toll_further_on(v, h)).or_else(|| count_before(v, h));
    }
    let passive = h.t0 > v.t0 && {
        let mut i = h.t0;
        let mut found = false;
        while i > v.t0 && h.t0 - i < 3 {
            i -= 1;
            let w = v.lw(i);
            if any_of(w, &["was", "were", "been", "are", "is", "being"]) {
                found = true;
                break;
            }
            if !any_of(w, ADVERBS) {
                break;
            }
        }
        found
    };
    if passive || any_of(lower.as_str(), COUNT_BEFORE) {
        count_before(v, h).or_else(|| count_after(v, h, false))
    } else {
        count_after(v, h, false).or_else(|| count_before(v, h))
    }
}

// ---------------------------------------------------------------------------------------
// Quantity

/// "10000 soldiers", "3.6 million refugees", "$2 billion": the number nearest the trigger
/// (after a verb, before a noun first) and the words it counts. `used` (sorted) holds the
/// number tokens that already count casualties.
pub(crate) fn quantity(v: &View, h: &Hit, absorbed: &[Hit], used: &[usize], hits: &[Hit]) -> Option<String> {
    // numbers are in text order: look only at the few around the trigger
    let lo = v.numbers.partition_point(|p| p.end_tok + 4 < h.t0);
    let hi = v.numbers.partition_point(|p| p.start_tok <= h.t1 + 6);
    let near = &v.numbers[lo..hi.max(lo)];
    let usable = |p: &&NumberPhrase| {
        used.binary_search(&p.core_tok).is_err()
            && matches!(p.label, Label::Cardinal | Label::Money | Label::Quantity)
            && v.clause_of(p.start_tok) == h.clause
            && !(p.start_tok < h.t1 && h.t0 < p.end_tok)
            && !is_identifier_or_name(v, p)
    };
    let after = near
        .iter()
        .filter(usable)
        .filter(|p| p.start_tok >= h.t1 && p.start_tok <= h.t1 + 6)
        .min_by_key(|p| p.start_tok);
    let before =
        near.iter().filter(usable).filter(|p| p.end_tok <= h.t0 && p.end_tok + 4 >= h.t0).max_by_key(|p| p.end_tok);
    let p = if h.verb { after.or(before) } else { before.or(after) }?;
    // the counted words: up to three, ending at a plural or before a function word
    let mut e = p.end_tok;
    if p.value.is_none() && v.lw(e) == "of" {
        e += 1; // "thousands of residents"
    }
    if p.label == Label::Cardinal {
        // the counted words end at a plural noun ("10,000 soldiers", "50 Leopard tanks") or at
        // the trigger itself ("3.6 million refugees"); otherwise the number stands alone
        let mut k = e;
        while k < v.t1 && k < e + 3 && v.clause_of(k) == h.clause {
            let w = v.lw(k);
            // the trigger itself or a noun folded into it ("launched 3 missile strikes")
            let own = std::iter::once(h).chain(absorbed.iter()).find(|o| o.t0 <= k && k < o.t1);
            let other_trigger = hits.iter().any(|o| o.t0 <= k && k < o.t1) && own.is_none();
            if !(v.kind(k) == Some(TokenKind::Word) || v.kind(k) == Some(TokenKind::Number))
                || is_function_word(w)
                || any_of(w, DETERMINERS)
                || other_trigger
            {
                break;
            }
            if let Some(o) = own {
                // only counting words lie between the number and the trigger
                e = o.t1;
                break;
            }
            k += 1;
            // an acronym is a modifier, not a plural: "65 MLRS attacks"
            let acronym = v.tx(k - 1).chars().all(|c| !c.is_lowercase());
            if w.ends_with('s') && !w.ends_with("ss") && w.len() > 2 && !acronym {
                e = k;
                break;
            }
        }
    }
    Some(v.slice(p.start_tok, e).to_string())
}

/// A number that names rather than counts: part of a name ("Group of Seven"), an
/// identifier ("School No. 6", "S-300", "Su-25", "Highway 5"), or an age ("67-year-old").
pub(crate) fn is_identifier_or_name(v: &View, p: &NumberPhrase) -> bool {
    let inside_name = v.mentions.iter().any(|m| {
        m.start <= p.start
            && p.end <= m.end
            && !matches!(
                m.label,
                Label::Cardinal
                    | Label::Quantity
                    | Label::Money
                    | Label::Percent
                    | Label::Ordinal
                    | Label::Date
                    | Label::Time
                    | Label::Norp
            )
    });
    if inside_name {
        return true;
    }
    let core = p.core_tok;
    if core > v.t0 {
        let prev = v.lw(core - 1);
        if any_of(
            prev,
            &[
                "no.",
                "no",
                "nos.",
                "number",
                "#",
                "route",
                "highway",
                "unit",
                "brigade",
                "regiment",
                "division",
                "battalion",
                "corps",
                "army",
                "platoon",
                "block",
                "building",
                "house",
                "flat",
                "apartment",
                "school",
                "hospital",
                "lyceum",
                "gymnasium",
                "kindergarten",
                "exit",
                "gate",
                "page",
                "section",
                "article",
                "paragraph",
                "resolution",
                "chapter",
                "terminal",
                "platform",
                "line",
                "reactor",
                "unit",
            ],
        ) && (prev.starts_with('#') || v.is_capitalised(core - 1) || prev == "no." || prev == "number")
        {
            return true;
        }
        // glued to letters or a hyphen: "S-300", "Kh-101", "T-72"
        if v.tokens[core - 1].end == v.tokens[core].start
            && (prev == "-" || prev.chars().last().is_some_and(|c| c.is_alphabetic()))
        {
            return true;
        }
    }
    // an age: "67-year-old", "a 5 year old boy"
    let tail = v.lw(p.end_tok);
    let own = v.tx(core).to_lowercase();
    own.contains("-year")
        || tail.starts_with("-year")
        || tail.starts_with("year-old")
        || (tail == "year" && v.lw(p.end_tok + 1) == "old")
}

// ---------------------------------------------------------------------------------------
// Modality

/// Words that may stand between a negation and its trigger.
const NEGATION_GAP: &[&str] = &[
    "be",
    "been",
    "to",
    "any",
    "immediate",
    "reports",
    "report",
    "of",
    "confirmed",
    "further",
    "new",
    "major",
    "serious",
    "significant",
    "civilian",
    "military",
    "yet",
    "will",
    "would",
    "could",
    "can",
    "did",
    "do",
    "does",
    "plan",
    "plans",
    "intention",
    "intend",
    "direct",
    "large-scale",
    "full-scale",
    "other",
    "more",
    "casualties",
];
/// Verbs whose infinitive complement has not happened: "urged X to send".
const WISH_VERBS: &[&str] = &[
    "urged",
    "urge",
    "urges",
    "urging",
    "asked",
    "asks",
    "called",
    "calls",
    "demanded",
    "demands",
    "wants",
    "want",
    "wanted",
    "seeks",
    "seek",
    "sought",
    "ready",
    "willing",
    "pressed",
    "pressing",
    "appealed",
    "requested",
    "needs",
    "need",
    "hopes",
    "hoped",
    "hope",
    "tried",
    "trying",
    "tries",
    "attempt",
    "attempted",
    "attempting",
    "offered",
    "proposed",
];

/// Verbs whose object is only talked about: "to discuss more military aid".
const DISCUSSION_VERBS: &[&str] = &[
    "discuss",
    "discussed",
    "discusses",
    "discussing",
    "consider",
    "considered",
    "considers",
    "considering",
    "debate",
    "debated",
    "debating",
    "weigh",
    "weighed",
    "weighing",
    "mulling",
    "explore",
    "exploring",
    "propose",
    "proposed",
    "proposing",
    "proposal",
    "seek",
    "seeking",
];

/// Markers used when `data/modality.tsv` lacks them (and on top of it).
const MARKERS: &[(&str, Modality)] = &[
    ("denied", Modality::Negated),
    ("deny", Modality::Negated),
    ("denies", Modality::Negated),
    ("denying", Modality::Negated),
    ("rejected claims", Modality::Negated),
    ("dismissed claims", Modality::Negated),
    ("dismissed reports", Modality::Negated),
    ("refuted", Modality::Negated),
    ("ruled out", Modality::Negated),
    ("rules out", Modality::Negated),
    ("refused to", Modality::Negated),
    ("refuses to", Modality::Negated),
    ("refusing to", Modality::Negated),
    ("failed to", Modality::Negated),
    ("no longer", Modality::Negated),
    ("not rule out", Modality::Hypothetical),
    ("not ruling out", Modality::Hypothetical),
    ("not ruled out", Modality::Hypothetical),
    ("won't rule out", Modality::Hypothetical),
    ("reportedly", Modality::Hedged),
    ("allegedly", Modality::Hedged),
    ("alleged", Modality::Hedged),
    ("apparently", Modality::Hedged),
    ("apparent", Modality::Hedged),
    ("purportedly", Modality::Hedged),
    ("purported", Modality::Hedged),
    ("appears to", Modality::Hedged),
    ("appeared to", Modality::Hedged),
    ("appear to", Modality::Hedged),
    ("seems to", Modality::Hedged),
    ("seemed to", Modality::Hedged),
    ("if confirmed", Modality::Hedged),
    ("unconfirmed", Modality::Hedged),
    ("unverified", Modality::Hedged),
    ("suspected", Modality::Hedged),
    ("possibly", Modality::Hedged),
    ("probably", Modality::Hedged),
    ("presumably", Modality::Hedged),
    ("may have", Modality::Hedged),
    ("might have", Modality::Hedged),
    ("could have", Modality::Hedged),
    ("is believed to", Modality::Hedged),
    ("are believed to", Modality::Hedged),
    ("was believed to", Modality::Hedged),
    ("were believed to", Modality::Hedged),
    ("is thought to", Modality::Hedged),
    ("are thought to", Modality::Hedged),
    ("said to have", Modality::Hedged),
    ("claimed to", Modality::Hedged),
    ("claims to", Modality::Hedged),
    ("reports of", Modality::Hedged),
    ("feared", Modality::Hedged),
    ("will", Modality::Planned),
    ("'ll", Modality::Planned),
    ("plans to", Modality::Planned),
    ("plan to", Modality::Planned),
    ("planned", Modality::Planned),
    ("planning to", Modality::Planned),
    ("intends to", Modality::Planned),
    ("intend to", Modality::Planned),
    ("is set to", Modality::Planned),
    ("are set to", Modality::Planned),
    ("is expected to", Modality::Planned),
    ("are expected to", Modality::Planned),
    ("scheduled", Modality::Planned),
    ("is due to", Modality::Planned),
    ("are due to", Modality::Planned),
    ("going to", Modality::Planned),
    ("aims to", Modality::Planned),
    ("prepares to", Modality::Planned),
    ("preparing to", Modality::Planned),
    ("promised to", Modality::Planned),
    ("vowed to", Modality::Planned),
    ("pledged to", Modality::Planned),
    ("upcoming", Modality::Planned),
    ("if", Modality::Hypothetical),
    ("unless", Modality::Hypothetical),
    ("could", Modality::Hypothetical),
    ("might", Modality::Hypothetical),
    ("may", Modality::Hypothetical),
    ("would", Modality::Hypothetical),
    ("should", Modality::Hypothetical),
    ("in case", Modality::Hypothetical),
    ("in the event of", Modality::Hypothetical),
    ("threatened to", Modality::Hypothetical),
    ("threatens to", Modality::Hypothetical),
    ("threatening to", Modality::Hypothetical),
    ("possible", Modality::Hypothetical),
    ("potential", Modality::Hypothetical),
    ("whether", Modality::Hypothetical),
];

fn builtin_markers() -> &'static PhraseMatcher<Modality> {
    static CELL: OnceLock<PhraseMatcher<Modality>> = OnceLock::new();
    CELL.get_or_init(|| PhraseMatcher::new(MARKERS.iter().map(|(p, m)| (p.to_string(), *m)).collect()))
}

fn rank(m: Modality) -> u8 {
    match m {
        Modality::Negated => 4,
        Modality::Hypothetical => 3,
        Modality::Planned => 2,
        Modality::Hedged => 1,
        Modality::Asserted => 0,
    }
}

/// Words that deny what follows at any distance in the clause ("denied that its forces
/// had shelled").
fn is_denial(phrase: &str) -> bool {
    let p = phrase.to_lowercase();
    p.starts_with("den")
        || p.starts_with("rejected")
        || p.starts_with("dismissed")
        || p.starts_with("refuted")
        || p.starts_with("rul")
}

/// Modality of a trigger from the markers before it (up to 12 tokens, not across ";"), a
/// short negation right before it, and "if confirmed"/"reportedly" just after it.
pub(crate) fn modality(v: &View, h: &Hit) -> Modality {
    let mut scope = h.t0;
    while scope > v.t0 && h.t0 - scope < 12 && !matches!(v.lw(scope - 1), ";" | ":" | "but" | "while" | "whereas") {
        scope -= 1;
    }
    let mut best = Modality::Asserted;
    let mut consider = |m: Modality| {
        if rank(m) > rank(best) {
            best = m;
        }
    };
    // Short negation: "not", "no", "never", "didn't" within four tokens, with nothing but
    // auxiliaries, adverbs and determiners between ("did not attack", "no reports of
    // casualties"; not "has not commented on the losses").
    for i in h.t0.saturating_sub(4).max(scope)..h.t0 {
        let w = v.lw(i);
        if any_of(w, &["not", "no", "never", "cannot", "neither", "nor", "without"]) || w.ends_with("n't") {
            let clear = (i + 1..h.t0).all(|k| {
                let x = v.lw(k);
                any_of(x, AUX)
                    || any_of(x, ADVERBS)
                    || any_of(x, DETERMINERS)
                    || x.ends_with("ly")
                    || v.kind(k) == Some(TokenKind::Number)
                    || any_of(x, NEGATION_GAP)
            });
            if clear {
                consider(Modality::Negated);
            }
        }
    }
    // "urged allies to supply", "wants to negotiate": an infinitive under a wish or demand
    if h.t0 > scope && v.lw(h.t0 - 1) == "to" && (scope..h.t0).any(|k| any_of(v.lw(k), WISH_VERBS)) {
        consider(Modality::Hypothetical);
    }
    // "met to discuss more aid", "considering sanctions": the subject of talk, not a fact
    let mut k = h.t0;
    while k > scope && h.t0 - k < 4 {
        k -= 1;
        let w = v.lw(k);
        if any_of(w, DISCUSSION_VERBS) {
            consider(Modality::Hypothetical);
            break;
        }
        if !(any_of(w, DETERMINERS)
            || any_of(
                w,
                &["more", "new", "further", "possible", "additional", "fresh", "military", "financial", "humanitarian"],
            )
            || w.ends_with("ly"))
        {
            break;
        }
    }
    let from = v.tokens[scope.min(h.t0)].start;
    let matchers = [builtin_markers(), &v.res.modality];
    for matcher in matchers {
        for (s, e, m) in matcher.find_in(v.text, from.min(h.start), h.start) {
            let marker_tok = v.ctx.token_at(e);
            let dist = h.t0.saturating_sub(marker_tok);
            let surface = &v.text[s..e];
            // "May" in capitals mid-sentence is the month
            if surface == "May" && s > v.tokens[v.t0].start {
                continue;
            }
            match m {
                Modality::Negated if !is_denial(surface) && dist > 4 => {}
                _ => consider(*m),
            }
        }
        // after the trigger: "… attacked, if confirmed" (within 30 tokens), "reportedly" (6)
        let far = v.tokens[(h.t1 + 30).min(v.t1) - 1].end.max(h.end);
        let near = v.tokens[(h.t1 + 6).min(v.t1) - 1].end.max(h.end);
        for (s, e, m) in matcher.find_in(v.text, h.end, far) {
            let surface = v.text[s..e].to_lowercase();
            if surface == "if confirmed" || (*m == Modality::Hedged && s <= near && surface != "feared") {
                consider(*m);
            }
        }
    }
    best
}

// ---------------------------------------------------------------------------------------
// Dates

/// "2022-09-13" → days since the epoch; a month, a range or a time → None.
pub(crate) use crate::dates::parse_iso_day;

/// Full-day DATE mentions of the sentence: (token, day, text).
pub(crate) fn sentence_dates(v: &View) -> Vec<(usize, Days, String)> {
    v.mentions
        .iter()
        .filter(|m| m.label == Label::Date)
        .filter_map(|m| {
            let day = parse_iso_day(m.value.as_deref()?.trim())?;
            Some((v.ctx.token_at(m.start), day, v.text[m.start..m.end].to_string()))
        })
        .collect()
}

/// The date of the clause if it has one, else the nearest of the sentence.
/// A date of another clause is taken only when no other event stands between it and the
/// trigger ("… killed 16, while the air force said it shot down 20 drones overnight": the
/// night is the drones').
pub(crate) fn nearest_date(
    v: &View,
    h: &Hit,
    dates: &[(usize, Days, String)],
    hits: &[Hit],
) -> (Option<Days>, Option<String>, Option<&'static str>) {
    let dist = |t: usize| (t as i64 - h.t0 as i64).abs();
    let best = dates
        .iter()
        .filter(|(t, _, _)| v.clause_of(*t) == h.clause || !super::event_between(v, hits, h, *t))
        .min_by_key(|(t, _, _)| (v.clause_of(*t) != h.clause, dist(*t)));
    match best {
        Some((t, d, text)) => {
            (Some(*d), Some(text.clone()), Some(if v.clause_of(*t) == h.clause { "clause" } else { "sentence" }))
        }
        None => {
            // "earlier this week", "last month": the text says when only vaguely, and no
            // other date stands in for it
            let vague = v.mentions.iter().any(|m| {
                m.label == Label::Date
                    && v.clause_of(v.ctx.token_at(m.start)) == h.clause
                    && m.value.as_deref().and_then(|x| parse_iso_day(x.trim())).is_none()
            });
            (None, None, vague.then_some("vague"))
        }
    }
}

/// A vague amount counts the casualty: "several people were killed", "killed a few".
pub(crate) fn vague_count_near(v: &View, c: &Hit) -> bool {
    (c.t0.saturating_sub(4).max(v.t0)..(c.t1 + 3).min(v.t1)).any(|i| v.res.vague_counts.contains_key(v.lw(i)))
}

/// A running total: "since the start of the invasion", "since February 24", "in total",
/// "so far this year" in the trigger's clause or the casualty word's.
pub(crate) fn running_total(v: &View, h: &Hit, casualties: &[Hit]) -> bool {
    let clauses: Vec<u32> = std::iter::once(h.clause).chain(casualties.iter().map(|c| c.clause)).collect();
    (v.t0..v.t1).any(|i| {
        if !clauses.contains(&v.clause_of(i)) {
            return false;
        }
        match v.lw(i) {
            "since" => {
                let n = v.lw(i + 1);
                let n2 = v.lw(i + 2);
                any_of(n, &["the", "russia's", "moscow's", "february", "feb.", "feb", "24", "2014", "2022"])
                    && (n != "the"
                        || any_of(n2, &["start", "beginning", "outbreak", "invasion", "full-scale", "war", "onset"]))
            }
            "total" => any_of(v.lw(i.saturating_sub(1)), &["in", "a"]),
            "altogether" | "cumulative" | "overall" => true,
            "so" => v.lw(i + 1) == "far" && any_of(v.lw(i + 2), &["this", "in"]),
            _ => false,
        }
    })
}
