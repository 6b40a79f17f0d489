//! Figures: casualty counts ("killed 5", "12 were wounded", "dozens") and quantities.

use super::{triggers::*, view::*};
use crate::lexicon::{any_of, WordClass};
use crate::model::{Label, TokenKind};
use crate::numbers::NumberPhrase;

// ---------------------------------------------------------------------------------------
// Casualties

/// Nouns for people that casualty counts count ("5 civilians", "a child").
pub(super) const PERSON_NOUNS: WordClass = WordClass::PersonNoun;
/// Words between a casualty noun and its number: "the death toll has risen to 20".
pub(super) const TOLL_FILLERS: WordClass = WordClass::TollFiller;
/// Casualty words that are adjectives or nouns: their count usually comes first
/// ("3 dead", "20 deaths"); verbs take theirs after ("killed 5").
pub(super) const COUNT_BEFORE: WordClass = WordClass::CountBefore;

pub(super) fn person_noun(w: &str) -> bool {
    any_of(w, PERSON_NOUNS)
}

pub(crate) fn is_person_noun(w: &str) -> bool {
    person_noun(w)
}

pub(super) fn number_ending_at<'v>(v: &'v EventSentence, end_tok: usize) -> Option<&'v NumberPhrase> {
    v.numbers.iter().find(|p| p.end_tok == end_tok && matches!(p.label, Label::Cardinal))
}

pub(super) fn number_starting_at<'v>(v: &'v EventSentence, tok: usize) -> Option<&'v NumberPhrase> {
    v.numbers.iter().find(|p| p.start_tok == tok && matches!(p.label, Label::Cardinal))
}

/// The count a number phrase gives: its value, or for a vague amount the smallest number
/// the words allow (`vague_counts.tsv`: "dozens" → 24, "tens of thousands" → 20000).
pub(super) fn as_count(v: &EventSentence, p: &NumberPhrase) -> Option<u32> {
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
pub(super) fn vague_words_before(v: &EventSentence, end: usize) -> Option<u32> {
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
pub(super) fn vague_words_at(v: &EventSentence, start: usize) -> Option<(u32, usize)> {
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
pub(super) fn joint_figure(v: &EventSentence, h: &Hit) -> bool {
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
pub(super) fn explicit_zero(v: &EventSentence, h: &Hit) -> bool {
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
                    "civilians",
                    "people",
                    "persons",
                    "residents",
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
pub(crate) fn approximate_count(v: &EventSentence, core_tok: Option<usize>) -> bool {
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
pub(super) fn count_after(v: &EventSentence, h: &Hit, toll: bool) -> Option<(Option<u32>, Option<usize>)> {
    let mut i = h.t1;
    if toll {
        let mut skipped = 0;
        while skipped < 5 && v.is(i, TOLL_FILLERS) && v.clause_of(i) == h.clause {
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
    // a casualty noun and its victims: "the bodies of two civilians", "the deaths of 3 miners"
    if !h.verb && v.lw(i) == "of" {
        if let Some(p) = number_starting_at(v, i + 1) {
            if person_noun(v.lw(p.end_tok)) || v.lw(p.end_tok).ends_with('s') {
                i += 1;
            }
        }
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
    // "killed a woman", "wounding an elderly man", "killing its driver"
    if any_of(v.lw(i), &["a", "an", "one", "its", "his", "her"]) {
        let mut j = i + 1;
        while j < i + 3 && v.is_word(j) && !person_noun(v.lw(j)) && !is_function_word(v.lw(j)) {
            j += 1;
        }
        // only the living are killed or wounded: after a casualty verb any singular noun is
        // one person ("killing its driver", "wounded a shepherd")
        if !person_noun(v.lw(j)) && j > i + 1 && !v.is_word(j) {
            j -= 1; // the phrase ended: its last word is the noun ("its driver")
        }
        let any_noun = h.verb && v.is_word(j) && !v.is_capitalised(j) && !is_function_word(v.lw(j));
        if (person_noun(v.lw(j)) || any_noun) && !v.lw(j).ends_with('s')
            || matches!(v.lw(j), "person" | "child" | "woman" | "man")
        {
            return Some((Some(1), None));
        }
    }
    None
}

/// "The death toll from Saturday's strike on Dnipro has risen to 40": a number after
/// "to"/"at"/"of" further on in the clause.
pub(super) fn toll_further_on(v: &EventSentence, h: &Hit) -> Option<(Option<u32>, Option<usize>)> {
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
pub(super) fn range_lower_bound<'v>(v: &'v EventSentence, upper: &'v NumberPhrase) -> Option<&'v NumberPhrase> {
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
pub(super) fn count_before(v: &EventSentence, h: &Hit) -> Option<(Option<u32>, Option<usize>)> {
    let mut j = h.t0; // exclusive end of what remains to the left
                      // auxiliaries and adverbs: "were reportedly", "have been", "are feared"
    while j > v.t0
        && v.clause_of(j - 1) == h.clause
        && (v.is(j - 1, AUX) || v.is(j - 1, ADVERBS) || any_of(v.lw(j - 1), &["who", "that", "later", "left"]))
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
    // "two dockworkers were killed": a number, then a plural noun, subject of a passive
    // casualty verb, counts people whatever the noun (only the living are killed)
    let plural_victims = j < h.t0
        && any_of(v.lw(j), &["were", "are", "have"])
        && noun_end > v.t0 + 1
        && v.lw(noun_end - 1).ends_with('s')
        && !v.is_capitalised(noun_end - 1)
        && number_ending_at(v, noun_end - 1).is_some();
    let mut has_person = plural_victims;
    while k > v.t0 && noun_end - k < 3 && v.clause_of(k - 1) == h.clause {
        let w = v.lw(k - 1);
        if v.kind(k - 1) != Some(TokenKind::Word) || is_function_word(w) || number_ending_at(v, k).is_some() {
            break;
        }
        if k == noun_end && !person_noun(w) && !plural_victims {
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
pub(super) fn list_before(v: &EventSentence, end: usize, clause: u32) -> u32 {
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
pub(crate) fn casualty_count(v: &EventSentence, h: &Hit) -> Option<(Option<u32>, Option<usize>)> {
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
pub(crate) fn quantity(v: &EventSentence, h: &Hit, absorbed: &[Hit], used: &[usize], hits: &[Hit]) -> Option<String> {
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
pub(crate) fn is_identifier_or_name(v: &EventSentence, p: &NumberPhrase) -> bool {
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
