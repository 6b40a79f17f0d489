//! The date of an event within its sentence, running totals and vague counts.

use super::{sentence::*, triggers::*, view::*};
use crate::dates::parse_iso_day;
use crate::lexicon::{any_of, WordClass};
use crate::model::{Days, Label};

// ---------------------------------------------------------------------------------------
// Dates

/// Full-day DATE mentions of the sentence: (token, day, text).
pub(crate) fn sentence_dates(v: &EventSentence) -> Vec<(usize, Days, String)> {
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
    v: &EventSentence,
    h: &Hit,
    dates: &[(usize, Days, String)],
    hits: &[Hit],
) -> (Option<Days>, Option<String>, Option<&'static str>) {
    let dist = |t: usize| (t as i64 - h.t0 as i64).abs();
    let reachable = |t: usize| v.clause_of(t) == h.clause || !event_between(v, hits, h, t);
    let rank = |t: usize| (v.clause_of(t) != h.clause, dist(t));
    let best = dates.iter().filter(|(t, _, _)| reachable(*t)).min_by_key(|(t, _, _)| rank(*t));
    // "sentenced on Thursday for killing three civilians in the spring of 2022": a period
    // of another year nearer the trigger than any day dates it, vaguely
    // (a day of that period stays: "On 3 October last year")
    let historic = v
        .mentions
        .iter()
        .filter(|m| m.label == Label::Date && is_historic_period(m, v.ctx.published))
        .filter(|m| best.map_or(true, |(_, d, _)| leading_year(m.value.as_deref()) != Some(year_of(*d))))
        .map(|m| v.ctx.token_at(m.start))
        .filter(|&t| reachable(t))
        .min_by_key(|&t| rank(t));
    if historic.is_some_and(|t| best.map_or(true, |(b, _, _)| rank(t) < rank(*b))) {
        return (None, None, Some("vague"));
    }
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

/// A DATE mention that is a period (a year, a month, a season), not a day, of a year before
/// the publication's: "in the spring of 2022", "until the end of March 2022".
pub(crate) fn is_historic_period(m: &crate::model::Mention, published: Option<Days>) -> bool {
    let Some(value) = m.value.as_deref().map(str::trim) else { return false };
    parse_iso_day(value).is_none()
        && matches!((leading_year(Some(value)), published.map(year_of)), (Some(y), Some(p)) if y < p)
}

/// The year a date value opens with ("2022", "2022-03", "2022-03-14").
fn leading_year(value: Option<&str>) -> Option<i64> {
    value?.trim().get(..4).filter(|y| y.bytes().all(|b| b.is_ascii_digit()))?.parse().ok()
}

fn year_of(d: Days) -> i64 {
    i64::from(crate::dates::civil_from_days(d).0)
}

/// A vague amount counts the casualty: "several people were killed", "killed a few".
pub(crate) fn vague_count_near(v: &EventSentence, c: &Hit) -> bool {
    (c.t0.saturating_sub(4).max(v.t0)..(c.t1 + 3).min(v.t1)).any(|i| v.res.vague_counts.contains_key(v.lw(i)))
}

/// A running total: "since the start of the invasion", "since February 24", "in total",
/// "so far this year" in the trigger's clause or the casualty word's.
pub(crate) fn running_total(v: &EventSentence, h: &Hit, casualties: &[Hit]) -> bool {
    let clauses: Vec<u32> = std::iter::once(h.clause).chain(casualties.iter().map(|c| c.clause)).collect();
    // "The war, which erupted in April 2023, has killed tens of thousands": what a whole
    // war has done so far
    let war_so_far = std::iter::once(h).chain(casualties).any(|c| {
        let perfect = (c.t0.saturating_sub(3).max(v.t0)..c.t0).any(|k| matches!(v.lw(k), "has" | "have"));
        perfect
            && (v.t0..c.t0).any(|k| {
                matches!(v.lw(k), "war" | "conflict" | "invasion" | "hostilities")
                    && k > v.t0
                    && matches!(v.lw(k - 1), "the" | "this" | "its")
            })
    });
    war_so_far
        || (v.t0..v.t1).any(|i| {
            if !clauses.contains(&v.clause_of(i)) {
                return false;
            }
            match v.lw(i) {
                // "since the start of the invasion", "since Russia's full-scale invasion in
                // February 2022", "since hostilities began", "since February 24", "since 2014"
                // (not "since Monday": a few days' reports are told one by one)
                "since" => {
                    (i + 1..(i + 6).min(v.t1)).any(|k| {
                        let w = v.lw(k);
                        any_of(
                            w,
                            &[
                                "start",
                                "beginning",
                                "outbreak",
                                "invasion",
                                "full-scale",
                                "war",
                                "onset",
                                "hostilities",
                                "conflict",
                                "escalation",
                                "coup",
                                "takeover",
                            ],
                        ) || (k == i + 1 && (is_month(v, k) || is_year(w)))
                    }) || (matches!(v.lw(i + 1), "then" | "that") && after_an_earlier_year(v))
                }
                "total" => any_of(v.lw(i.saturating_sub(1)), &["in", "a"]),
                "altogether" | "cumulative" | "overall" => true,
                "so" => v.lw(i + 1) == "far" && any_of(v.lw(i + 2), &["this", "in"]),
                _ => false,
            }
        })
}

fn is_month(v: &EventSentence, k: usize) -> bool {
    v.is(k, WordClass::Month) || v.is(k, WordClass::MonthAbbreviation)
}

/// "... seized power in a coup in February 2021. More than 7,300 civilians have been killed
/// since then": the sentence or the one before it names a year before the publication's, so
/// "since then" counts from it.
fn after_an_earlier_year(v: &EventSentence) -> bool {
    let ctx = v.ctx;
    let Some(published) = ctx.published.map(year_of) else { return false };
    let first = v.index.saturating_sub(1) as usize;
    ctx.seg.sentences[first..=v.index as usize]
        .iter()
        .flat_map(|s| s.tok_start..s.tok_end)
        .any(|k| is_year(ctx.lower(k)) && leading_year(Some(ctx.lower(k))).is_some_and(|y| y < published))
}

fn is_year(w: &str) -> bool {
    w.len() == 4 && (w.starts_with("19") || w.starts_with("20")) && w.bytes().all(|b| b.is_ascii_digit())
}

/// The whole front: "across the front", "along the entire front line", "in all areas",
/// "in all directions" — a figure for every sector at once sums the reports of each.
pub(crate) fn front_wide(v: &EventSentence, h: &Hit) -> bool {
    (v.t0..v.t1).any(|i| {
        if v.clause_of(i) != h.clause && i >= h.t0 {
            return false;
        }
        match v.lw(i) {
            "front" | "frontline" | "front-line" => (i.saturating_sub(3).max(v.t0)..i)
                .any(|k| any_of(v.lw(k), &["across", "along", "entire", "whole", "all"])),
            "all" => any_of(v.lw(i + 1), &["areas", "directions", "axes", "sectors", "fronts"]),
            _ => false,
        }
    })
}

/// "two days after", "a week before" opening the trigger's clause: how many days the
/// trigger's happening lies before the rest of the sentence (negative: after it).
pub(crate) fn span_before_clause(v: &EventSentence, h: &Hit) -> Option<Days> {
    // (the word that opens the clause belongs to none)
    let k = (v.t0 + 2..h.t0)
        .rev()
        .find(|&k| matches!(v.lw(k), "after" | "before") && (k + 1..h.t0).all(|m| v.clause_of(m) == h.clause))?;
    let (n, unit) = span_ending_before(v, k)?;
    let unit: Days = match unit {
        "day" | "days" => 1,
        "week" | "weeks" => 7,
        _ => return None,
    };
    if !(1.0..=60.0).contains(&n) {
        return None;
    }
    let days = n as Days * unit;
    Some(if v.lw(k) == "after" { days } else { -days })
}

/// A span of time written right before token `k`: "two days", "a week", "36 hours" before
/// "after" → (the count, the unit word).
pub(crate) fn span_ending_before<'a>(v: &EventSentence<'a>, k: usize) -> Option<(f64, &'a str)> {
    if k < v.t0 + 2 {
        return None;
    }
    let unit = v.lw(k - 1);
    if !matches!(unit, "day" | "days" | "week" | "weeks" | "hours" | "months") {
        return None;
    }
    let n = match v.lw(k - 2) {
        "a" | "one" => 1.0,
        w => crate::numbers::parse_number(w)?,
    };
    Some((n, unit))
}
