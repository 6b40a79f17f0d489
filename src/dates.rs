//! Dates and times: DATE/TIME mentions with ISO values resolved against the publication date.
//!
//! The recogniser works sentence by sentence on the tokens of `segment`. At every token a
//! handful of small matchers propose candidates (absolute dates, month and year expressions,
//! weekdays, relative phrases, clock times); within a sentence the longest candidates win and
//! overlapping shorter ones are dropped, so the output never overlaps.
//!
//! Values (the `value` column):
//! - a day: `"2022-09-13"`; a month: `"2022-09"`; a year: `"2014"`; an ISO week: `"2022-W36"`;
//! - a range: an ISO interval, `"2022-09-13/2022-09-14"` ("September 13-14"), `"1980/1988"`;
//! - a clock time (TIME): `"HH:MM"` on the 24-hour clock, as written (no time-zone conversion);
//! - `None` when the expression is vague ("days later", "the 1990s", "the past week"), a
//!   duration ("two years" DATE, "24 hours" TIME, as in OntoNotes), a movable holiday
//!   ("Easter", "Ramadan"), or relative while the document has no publication date.
//!
//! Choices worth knowing:
//! - "this morning/afternoon/evening", "tonight", "overnight" are DATE with the publication day
//!   as value (they date events, which is what the events table needs); "last night" is the day
//!   before publication. Only clock times, noon/midnight and dawn/dusk are TIME.
//! - News is mostly written in the past tense, so a bare weekday is the most recent such day on
//!   or before publication; in a future-tense clause (will, is to, is due to, plans to, is
//!   expected to, scheduled, ...) it is the next such day on or after publication. "last X" is
//!   strictly before, "next X" / "this coming X" strictly after, "this X" is in the publication
//!   week, "this Friday (25)" is the Friday the 25th nearest to publication.
//! - A day or month without a year is the most recent one not later than publication plus one
//!   month (six months in a future-tense clause).
//! - Bare month names need a date context ("in", "since", "early", "last", ...) and a capital
//!   letter, so the modal "may" and "the march on Kyiv" are never dates; month abbreviations
//!   need a day number or a year; weekday abbreviations ("Sun", "Wed") are not used at all.
//! - The spans keep meaningful modifiers ("late on Thursday", "last Tuesday", "early
//!   September", "this Friday (25)") but never a bare preposition ("on", "in", "at").
//!
//! The weekday and month names are a small closed set, so they are const tables here rather
//! than a data file.

use crate::model::{Days, Geo, Label, Mention, MentionSource, Token, TokenKind};
use crate::context::DocContext;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01), overflow-free.
// ---------------------------------------------------------------------------------------------

/// Days since 1970-01-01 in i64 (Howard Hinnant's algorithm); `m` is clamped to 1..=12 and an
/// out-of-range day simply rolls over (Feb 30 = Mar 2), as in `mktime`.
fn days_from_civil_i64(y: i64, m: u32, d: u32) -> i64 {
    let m = m.clamp(1, 12) as i64;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days_i64(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + if m <= 2 { 1 } else { 0 };
    (y, m, d)
}

fn to_days(v: i64) -> Option<Days> {
    Days::try_from(v).ok()
}

/// Days since 1970-01-01 of a civil date. The month is clamped to 1..=12, a day past the end of
/// the month rolls over into the next, and results beyond the `Days` range saturate.
pub fn days_from_civil(y: i32, m: u32, d: u32) -> Days {
    days_from_civil_i64(y as i64, m, d).clamp(Days::MIN as i64, Days::MAX as i64) as Days
}

/// The civil date (year, month 1..=12, day 1..=31) of a day count.
pub fn civil_from_days(days: Days) -> (i32, u32, u32) {
    let (y, m, d) = civil_from_days_i64(days as i64);
    // |days| < 2^31 keeps the year within ±5.9 million: always fits.
    (y.clamp(i32::MIN as i64, i32::MAX as i64) as i32, m, d)
}

/// Day of the week, 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday).
pub fn weekday(days: Days) -> u32 {
    (days as i64 + 3).rem_euclid(7) as u32
}

/// "YYYY-MM-DD".
pub fn iso(days: Days) -> String {
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Parse a "YYYY-MM-DD" value (as this module writes for DATE mentions) into days; anything
/// else (a month "2022-09", a week, an impossible day) gives None.
pub fn parse_iso_day(value: &str) -> Option<Days> {
    let b = value.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = value.get(r)?;
        if s.bytes().all(|c| c.is_ascii_digit()) { s.parse().ok() } else { None }
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    valid_day(y as i64, m, d).then(|| to_days(days_from_civil_i64(y as i64, m, d))).flatten()
}

fn is_leap(y: i64) -> bool {
    y.rem_euclid(4) == 0 && (y.rem_euclid(100) != 0 || y.rem_euclid(400) == 0)
}

fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

fn valid_day(y: i64, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// A day and month that exist in some year (Feb 29 included).
fn valid_day_any_year(m: u32, d: u32) -> bool {
    valid_day(2000, m, d)
}

/// ISO 8601 week of a day: "2022-W36".
fn iso_week(days: Days) -> String {
    let d = days as i64;
    let thursday = d - (d + 3).rem_euclid(7) + 3;
    let (iso_year, _, _) = civil_from_days_i64(thursday);
    let week = (thursday - days_from_civil_i64(iso_year, 1, 1)) / 7 + 1;
    format!("{iso_year:04}-W{week:02}")
}

fn month_value(y: i64, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// Month number of a day, counted from year 0 (for month arithmetic).
fn month_index(days: Days) -> i64 {
    let (y, m, _) = civil_from_days_i64(days as i64);
    y * 12 + (m as i64 - 1)
}

fn month_value_of_index(idx: i64) -> String {
    month_value(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

fn add_days(base: Days, delta: i64) -> Option<Days> {
    to_days(base as i64 + delta)
}

// ---------------------------------------------------------------------------------------------
// Resolving partial dates against the publication date.
// ---------------------------------------------------------------------------------------------

/// How far after publication an expression without a year may point: one month normally,
/// six in a future-tense clause ("the vote will be held on November 8").
fn horizon_months(future: bool) -> i64 {
    if future { 6 } else { 1 }
}

/// The most recent `month`/`day` not later than publication plus the horizon.
fn resolve_month_day(published: Days, m: u32, d: u32, future: bool) -> Option<Days> {
    let limit = published as i64 + horizon_months(future) * 31;
    let (py, _, _) = civil_from_days_i64(published as i64);
    // Feb 29 may need to look back up to 8 years (1896..1904 had none).
    (-8..=1)
        .rev()
        .map(|k| py + k)
        .filter(|&y| valid_day(y, m, d))
        .map(|y| days_from_civil_i64(y, m, d))
        .find(|&day| day <= limit)
        .and_then(to_days)
}

/// Among the years around publication, the one in which `m`/`d` falls on `wd` and lies
/// closest to publication ("Tuesday, September 13").
fn resolve_month_day_weekday(published: Days, m: u32, d: u32, wd: u32) -> Option<Days> {
    let (py, _, _) = civil_from_days_i64(published as i64);
    (-7..=7)
        .map(|k| py + k)
        .filter(|&y| valid_day(y, m, d))
        .map(|y| days_from_civil_i64(y, m, d))
        .filter(|&day| (day + 3).rem_euclid(7) as u32 == wd)
        .min_by_key(|&day| ((day - published as i64).abs(), day > published as i64))
        .and_then(to_days)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MonthMode {
    /// "in September": the most recent one within the horizon.
    Bare,
    Last,
    Next,
    This,
}

/// "YYYY-MM" of a month named without a year.
fn resolve_month(published: Days, m: u32, mode: MonthMode, future: bool) -> String {
    let pub_idx = month_index(published);
    let off = m as i64 - 1;
    let year = match mode {
        MonthMode::Bare => (pub_idx + horizon_months(future) - off).div_euclid(12),
        MonthMode::Last => (pub_idx - 1 - off).div_euclid(12),
        MonthMode::Next => (pub_idx - off).div_euclid(12) + 1,
        MonthMode::This => pub_idx.div_euclid(12),
    };
    month_value(year, m)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum WeekdayMode {
    /// Tense decides: on or before publication, or on or after in a future clause.
    Bare,
    /// "last Tuesday": 1..=7 days before.
    Last,
    /// "next Monday", "this coming Monday": 1..=7 days after.
    Next,
    /// "this Friday": in the publication week (Monday to Sunday).
    This,
}

fn resolve_weekday(published: Days, wd: u32, mode: WeekdayMode, future: bool) -> Option<Days> {
    let pw = weekday(published) as i64;
    let wd = wd as i64;
    let back = (pw - wd).rem_euclid(7);
    let ahead = (wd - pw).rem_euclid(7);
    let delta = match mode {
        WeekdayMode::Bare if future => ahead,
        WeekdayMode::Bare => -back,
        WeekdayMode::Last => -(if back == 0 { 7 } else { back }),
        WeekdayMode::Next => if ahead == 0 { 7 } else { ahead },
        WeekdayMode::This => wd - pw,
    };
    add_days(published, delta)
}

/// The day with weekday `wd` and day-of-month `dom` nearest to publication (within about a
/// year): "this Friday (25)".
fn resolve_weekday_with_dom(published: Days, wd: u32, dom: u32) -> Option<Days> {
    let first = (wd as i64 - weekday(published) as i64).rem_euclid(7);
    // Candidates published+first ± 7k; look outward from publication.
    let mut best: Option<i64> = None;
    for k in -57i64..=57 {
        let delta = first + 7 * k;
        let day = published as i64 + delta;
        if civil_from_days_i64(day).2 != dom {
            continue;
        }
        let better = match best {
            None => true,
            Some(b) => (delta.abs(), delta > 0) < ((b - published as i64).abs(), b > published as i64),
        };
        if better {
            best = Some(day);
        }
    }
    best.and_then(to_days)
}

// ---------------------------------------------------------------------------------------------
// Word tables (closed sets; kept here on purpose, see the module comment).
// ---------------------------------------------------------------------------------------------

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];
/// Abbreviations, usable only with a day number or a year ("Sept 13", "Jan. 2022").
const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
    ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
];
const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words after which a bare month or year is a date ("in May", "since 2014", "early March").
const PERIOD_CONTEXT: &[&str] = &[
    "in", "of", "since", "until", "till", "by", "from", "through", "throughout", "during",
    "before", "after", "between", "early", "late", "mid", "last", "next", "this", "around",
    "ending", "starting",
];
/// Words that join two dates ("from March to May", "in 2014 and 2015").
const JOINERS: &[&str] = &["to", "and", "or", "-", "through"];
/// Lower-case words that may follow a year without making it a count ("in 2014 the war ...",
/// but not "in 2014 soldiers").
const AFTER_YEAR: &[&str] = &[
    "and", "or", "to", "when", "the", "a", "an", "after", "before", "until", "as", "but", "while",
    "where", "in", "on", "at", "for", "with", "that", "which", "it", "he", "she", "they", "we",
    "there", "was", "were", "is", "had", "has", "have", "amid", "during", "following", "under",
    "alone", "onwards", "onward", "through", "this", "his", "its", "their", "by", "from",
];
const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
const TIME_ZONES: &[&str] = &["gmt", "utc", "cet", "cest", "eet", "eest", "est", "edt", "bst", "msk", "pst", "pdt"];
const TWILIGHT: &[&str] = &["dawn", "dusk", "daybreak", "sunrise", "sunset"];
const TIME_PREPOSITIONS: &[&str] = &["at", "before", "after", "until", "till", "by", "from", "since", "around"];

/// Past-tense reporting verbs and auxiliaries: a weekday next to one of these is past even in
/// a sentence that also says "will" ("On Monday, he said talks will resume").
const PAST_MARKERS: &[&str] = &[
    "said", "told", "announced", "added", "stated", "wrote", "reported", "confirmed", "claimed",
    "warned", "tweeted", "posted", "declared", "noted", "insisted", "denied", "admitted",
    "explained", "was", "were", "had", "did",
];

/// A count written in words (lower case): "a", "two", "twelve", "seventy-four".
fn number_word(w: &str) -> Option<u32> {
    const UNITS: [&str; 20] = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    let unit = |x: &str| UNITS.iter().position(|u| *u == x).map(|i| i as u32);
    let tens = |x: &str| TENS.iter().position(|t| *t == x).map(|i| 20 + 10 * i as u32);
    match w {
        "a" | "an" => Some(1),
        "hundred" => Some(100),
        _ => match w.split_once('-') {
            Some((t, u)) => Some(tens(t)? + unit(u).filter(|&u| (1..=9).contains(&u))?),
            None => unit(w).or_else(|| tens(w)),
        },
    }
}

/// "Monday", "MONDAY" (not "monday": a lower-case name is rarely a date, and never "may").
fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    let rest: Vec<char> = chars.filter(|c| c.is_alphabetic()).collect();
    rest.iter().all(|c| c.is_lowercase()) || rest.iter().all(|c| c.is_uppercase())
}

/// Month number of a capitalised month name; `true` when it is an abbreviation.
fn month_of(w: &str) -> Option<(u32, bool)> {
    if !is_capitalised(w) {
        return None;
    }
    let lower = w.to_lowercase();
    if let Some(i) = MONTHS.iter().position(|m| *m == lower) {
        return Some((i as u32 + 1, false));
    }
    let bare = lower.strip_suffix('.').unwrap_or(&lower);
    MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == bare).map(|&(_, m)| (m, true))
}

fn weekday_of(w: &str) -> Option<u32> {
    if !is_capitalised(w) {
        return None;
    }
    let lower = w.to_lowercase();
    WEEKDAYS.iter().position(|d| *d == lower).map(|i| i as u32)
}

fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A day of the month: "13", "13th", "1st", "22nd".
fn day_num(w: &str) -> Option<u32> {
    let digits_end = w.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(w.len());
    let (digits, suffix) = w.split_at(digits_end);
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year within `range`.
fn year_num(w: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    if w.len() != 4 || !all_digits(w) {
        return None;
    }
    w.parse().ok().filter(|y| range.contains(y))
}

const ANY_YEAR: std::ops::RangeInclusive<i64> = 1000..=2999;
const NEWS_YEAR: std::ops::RangeInclusive<i64> = 1900..=2100;

/// "a.m." / "am" / "AM" → Some(false); "p.m." / "pm" → Some(true).
fn meridiem(w: &str) -> Option<bool> {
    match w.to_lowercase().as_str() {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

/// A clock time inside one token: "14:30", "3:15", "10am", "10.30pm", "3:15pm".
/// Returns (hour, minute, meridiem written in the token, a ':' was used).
fn clock_token(w: &str) -> Option<(u32, u32, Option<bool>, bool)> {
    let lower = w.to_lowercase();
    let (num, mer) = if let Some(n) = lower.strip_suffix("am") {
        (n, Some(false))
    } else if let Some(n) = lower.strip_suffix("pm") {
        (n, Some(true))
    } else {
        (lower.as_str(), None)
    };
    let (h, m, colon) = match num.find(|c| c == ':' || c == '.') {
        Some(p) => {
            let (h, m) = (&num[..p], &num[p + 1..]);
            if m.len() != 2 || !all_digits(m) {
                return None;
            }
            (h, m.parse::<u32>().ok()?, num.as_bytes()[p] == b':')
        }
        None => (num, 0, false),
    };
    if h.is_empty() || h.len() > 2 || !all_digits(h) {
        return None;
    }
    let h: u32 = h.parse().ok()?;
    (h <= 23 && m <= 59).then_some((h, m, mer, colon))
}

/// 12-hour clock to 24-hour; None for "13 p.m.".
fn to_24h(h: u32, pm: bool) -> Option<u32> {
    (1..=12).contains(&h).then(|| if pm { h % 12 + 12 } else { h % 12 })
}

fn clock_value(h: u32, m: u32) -> String {
    format!("{h:02}:{m:02}")
}

// ---------------------------------------------------------------------------------------------
// The recogniser.
// ---------------------------------------------------------------------------------------------

/// A candidate over local token indices `[start, end)` of one sentence.
#[derive(Debug, Clone)]
struct Cand {
    start: usize,
    end: usize,
    label: Label,
    value: Option<String>,
}

impl Cand {
    fn date(start: usize, end: usize, value: Option<String>) -> Self {
        Cand { start, end, label: Label::Date, value }
    }
    fn time(start: usize, end: usize, value: Option<String>) -> Self {
        Cand { start, end, label: Label::Time, value }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tense {
    Future,
    Past,
}

/// One sentence's tokens with their lower-case forms and tense markers.
struct View<'a> {
    text: &'a str,
    toks: &'a [Token],
    lower: Vec<String>,
    published: Option<Days>,
    /// Prefix sums of a token "distance" in which clause punctuation counts triple.
    reach: Vec<u32>,
    markers: Vec<(usize, Tense)>,
}

impl<'a> View<'a> {
    fn new(text: &'a str, toks: &'a [Token], published: Option<Days>) -> Self {
        let lower: Vec<String> =
            toks.iter().map(|t| text.get(t.start..t.end).unwrap_or("").to_lowercase()).collect();
        let mut reach = Vec::with_capacity(toks.len() + 1);
        reach.push(0u32);
        for t in toks {
            let cost = match t.kind {
                TokenKind::Word | TokenKind::Number => 1,
                TokenKind::Punct | TokenKind::Quote => 3,
            };
            let last = reach.last().copied().unwrap_or(0);
            reach.push(last.saturating_add(cost));
        }
        let mut v = View { text, toks, lower, published, reach, markers: Vec::new() };
        v.markers = v.find_tense_markers();
        v
    }

    fn len(&self) -> usize {
        self.toks.len()
    }
    fn word(&self, i: usize) -> &'a str {
        self.toks.get(i).and_then(|t| self.text.get(t.start..t.end)).unwrap_or("")
    }
    fn low(&self, i: usize) -> &str {
        self.lower.get(i).map(String::as_str).unwrap_or("")
    }
    /// Lower-case word `k` tokens before `i` ("" before the sentence start).
    fn low_back(&self, i: usize, k: usize) -> &str {
        i.checked_sub(k).map_or("", |j| self.low(j))
    }
    fn is_number(&self, i: usize) -> bool {
        self.toks.get(i).map_or(false, |t| t.kind == TokenKind::Number)
    }

    fn find_tense_markers(&self) -> Vec<(usize, Tense)> {
        let mut out = Vec::new();
        for i in 0..self.len() {
            let w = self.low(i);
            let next = self.low(i + 1);
            let future = matches!(w, "will" | "shall" | "won't" | "scheduled")
                || w.ends_with("'ll")
                || (matches!(w, "is" | "are") && next == "to")
                || (matches!(w, "is" | "are")
                    && matches!(next, "due" | "set" | "expected" | "scheduled" | "going" | "poised" | "slated")
                    && self.low(i + 2) == "to")
                || (matches!(w, "plans" | "plan" | "planned" | "planning" | "intends" | "expected")
                    && next == "to");
            if future {
                out.push((i, Tense::Future));
            } else if PAST_MARKERS.contains(&w) {
                out.push((i, Tense::Past));
            }
        }
        out
    }

    fn distance(&self, a: usize, b: usize) -> u32 {
        let (lo, hi) = if a < b { (a, b) } else { (b, a) };
        let r = |i: usize| self.reach.get(i).copied().unwrap_or(0);
        r(hi).saturating_sub(r(lo + 1)) + 1
    }

    /// Is the token at `i` in a future-tense clause? The nearest tense marker decides (clause
    /// punctuation counts as distance), ties going to the future marker.
    fn future_at(&self, i: usize) -> bool {
        // Only markers within a clause-sized window count (and long sentences stay linear).
        const WINDOW: usize = 30;
        let lo = self.markers.partition_point(|(j, _)| *j + WINDOW < i);
        let hi = self.markers.partition_point(|(j, _)| *j <= i + WINDOW);
        let near = self.markers.get(lo..hi).unwrap_or(&[]);
        let nearest = |tense: Tense| {
            near.iter().filter(|(_, t)| *t == tense).map(|(j, _)| self.distance(i, *j)).min()
        };
        match (nearest(Tense::Future), nearest(Tense::Past)) {
            (Some(f), Some(p)) => f <= p,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// All candidates of the sentence, overlapping ones included.
    fn candidates(&self) -> Vec<Cand> {
        let mut out = Vec::new();
        for i in 0..self.len() {
            let found = [
                self.numeric_date(i),
                self.month_first(i),
                self.day_first(i),
                self.hyphen_mid(i),
                self.weekday_at(i),
                self.relative(i),
                self.count_ago(i),
                self.unit_later(i),
                self.duration(i),
                self.the_past_units(i),
                self.holiday(i),
                self.year_at(i),
                self.decade(i),
                self.clock(i),
                self.named_time(i),
            ];
            out.extend(found.into_iter().flatten());
        }
        out
    }

    /// Non-overlapping candidates: longest first, then leftmost.
    fn select(&self, mut cands: Vec<Cand>) -> Vec<Cand> {
        let span = |c: &Cand| {
            let s = self.toks.get(c.start).map_or(0, |t| t.start);
            let e = self.toks.get(c.end.saturating_sub(1)).map_or(0, |t| t.end);
            e.saturating_sub(s)
        };
        cands.retain(|c| c.start < c.end && c.end <= self.len());
        cands.sort_by(|a, b| span(b).cmp(&span(a)).then(a.start.cmp(&b.start)));
        let mut taken = vec![false; self.len()];
        let mut kept = Vec::new();
        for c in cands {
            if taken[c.start..c.end].iter().any(|&t| t) {
                continue;
            }
            taken[c.start..c.end].iter_mut().for_each(|t| *t = true);
            kept.push(c);
        }
        kept.sort_by_key(|c| c.start);
        kept
    }

    // ----- absolute dates -------------------------------------------------------------------

    /// "2022-09-13", "13/09/2022" (day first unless impossible), "13.09.2022", "2014-2022".
    fn numeric_date(&self, i: usize) -> Option<Cand> {
        if !self.is_number(i) {
            return None;
        }
        let w = self.word(i);
        let dash: Vec<&str> = w.split('-').collect();
        if dash.len() == 3 && dash[0].len() == 4 && dash.iter().all(|p| all_digits(p) && p.len() <= 4) {
            let y = year_num(dash[0], ANY_YEAR)?;
            let (m, d) = (dash[1].parse().ok()?, dash[2].parse().ok()?);
            if dash[1].len() > 2 || dash[2].len() > 2 || !valid_day(y, m, d) {
                return None;
            }
            return Some(Cand::date(i, i + 1, to_days(days_from_civil_i64(y, m, d)).map(iso)));
        }
        if dash.len() == 2 {
            // "2014-2022", "1980-88": an ISO interval of years.
            let a = year_num(dash[0], NEWS_YEAR)?;
            let b = match dash[1].len() {
                2 if all_digits(dash[1]) => a - a % 100 + dash[1].parse::<i64>().ok()?,
                _ => year_num(dash[1], NEWS_YEAR)?,
            };
            return (a < b).then(|| Cand::date(i, i + 1, Some(format!("{a:04}/{b:04}"))));
        }
        let sep = if w.contains('/') { '/' } else { '.' };
        let parts: Vec<&str> = w.split(sep).collect();
        if parts.len() != 3 || parts[..2].iter().any(|p| p.is_empty() || p.len() > 2 || !all_digits(p)) {
            return None;
        }
        let y = year_num(parts[2], ANY_YEAR)?;
        let (a, b): (u32, u32) = (parts[0].parse().ok()?, parts[1].parse().ok()?);
        // Day first (the world's order); month first only when the day-first reading is
        // impossible and the text uses slashes (US "9/13/2022").
        let (d, m) = if valid_day(y, b, a) {
            (a, b)
        } else if sep == '/' && valid_day(y, a, b) {
            (b, a)
        } else {
            return None;
        };
        Some(Cand::date(i, i + 1, to_days(days_from_civil_i64(y, m, d)).map(iso)))
    }

    /// An optional year after a day: ", 2022" or " 2022". Returns (year, index after it).
    fn year_after(&self, j: usize) -> Option<(i64, usize)> {
        if self.low(j) == "of" && self.low(j + 2) == "year" {
            let shift = match self.low(j + 1) {
                "last" => -1,
                "this" => 0,
                "next" => 1,
                _ => return None,
            };
            let (py, _, _) = civil_from_days_i64(self.published? as i64);
            return Some((py + shift, j + 3));
        }
        if self.low(j) == "," {
            if let Some(y) = year_num(self.word(j + 1), ANY_YEAR) {
                return Some((y, j + 2));
            }
        }
        year_num(self.word(j), ANY_YEAR).map(|y| (y, j + 1))
    }

    /// A weekday right before an absolute date ("Tuesday, September 13"): its index and day.
    fn weekday_before(&self, i: usize) -> Option<(usize, u32)> {
        let j = if self.low_back(i, 1) == "," { i.checked_sub(2)? } else { i.checked_sub(1)? };
        weekday_of(self.word(j)).map(|wd| (j, wd))
    }

    /// Value of a day and month, with the year if written, else resolved.
    fn day_value(&self, at: usize, m: u32, d: u32, year: Option<i64>, wd: Option<u32>) -> Option<String> {
        let days = match (year, self.published, wd) {
            (Some(y), _, _) => to_days(days_from_civil_i64(y, m, d)),
            (None, Some(p), Some(wd)) => resolve_month_day_weekday(p, m, d, wd)
                .or_else(|| resolve_month_day(p, m, d, self.future_at(at))),
            (None, Some(p), None) => resolve_month_day(p, m, d, self.future_at(at)),
            (None, None, _) => None,
        };
        days.map(iso)
    }

    /// A day-and-month date with an optional leading weekday; `start` is the first token of the
    /// day/month core, `end` the token after it.
    fn day_cand(&self, start: usize, end: usize, m: u32, d: u32) -> Option<Cand> {
        let (year, end) = match self.year_after(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        let ok = match year {
            Some(y) => valid_day(y, m, d),
            None => valid_day_any_year(m, d),
        };
        if !ok {
            return None;
        }
        let (start, wd) = match self.weekday_before(start) {
            Some((j, wd)) => (j, Some(wd)),
            None => (start, None),
        };
        Some(Cand::date(start, end, self.day_value(start, m, d, year, wd)))
    }

    /// A range of days at `j`: "13-14" or "13 - 14". Returns (first, last, index after).
    fn day_range_at(&self, j: usize) -> Option<(u32, u32, usize)> {
        let (a, b, end) = match self.word(j).split_once('-') {
            Some((a, b)) => (day_num(a)?, day_num(b)?, j + 1),
            None if self.word(j + 1) == "-" => (day_num(self.word(j))?, day_num(self.word(j + 2))?, j + 3),
            None => return None,
        };
        (a < b).then_some((a, b, end))
    }

    /// "September 13-14, 2022", "5-6 April 2016": the value is an ISO interval
    /// ("2022-09-13/2022-09-14").
    fn range_cand(&self, start: usize, end: usize, m: u32, first: u32, last: u32) -> Option<Cand> {
        let (year, end) = match self.year_after(end) {
            Some((y, e)) => (Some(y), e),
            None => (None, end),
        };
        if !valid_day(year.unwrap_or(2000), m, last) {
            return None;
        }
        let value = self.day_value(start, m, first, year, None).and_then(|a| {
            let a_days = parse_iso_day(&a)?;
            let (y, _, _) = civil_from_days(a_days);
            let b = to_days(days_from_civil_i64(y as i64, m, last))?;
            Some(format!("{a}/{}", iso(b)))
        });
        Some(Cand::date(start, end, value))
    }

    /// Dates led by a month name: "September 13", "Sept. 13, 2022", "September 2022",
    /// "in September", "early September", "last September".
    fn month_first(&self, i: usize) -> Option<Cand> {
        let (m, abbreviation) = month_of(self.word(i))?;
        let next = self.word(i + 1);
        if let Some((a, b, end)) = self.day_range_at(i + 1) {
            return self.range_cand(i, end, m, a, b);
        }
        if let Some(d) = day_num(next) {
            if let Some(c) = self.day_cand(i, i + 2, m, d) {
                return Some(c);
            }
        }
        let start = self.period_modifier_start(i);
        if let Some(y) = year_num(next, ANY_YEAR) {
            return Some(Cand::date(start, i + 2, Some(month_value(y, m))));
        }
        if abbreviation || !self.bare_period_context(i, |w| month_of(w).is_some()) {
            return None;
        }
        let (start, mode) = match self.low_back(i, 1) {
            "last" => (i - 1, MonthMode::Last),
            "next" => (i - 1, MonthMode::Next),
            "this" => (i - 1, MonthMode::This),
            _ => (start, MonthMode::Bare),
        };
        let value = self.published.map(|p| resolve_month(p, m, mode, self.future_at(i)));
        Some(Cand::date(start, i + 1, value))
    }

    /// Dates led by the day: "13 September", "13th of September 2022", "the 24th of February".
    fn day_first(&self, i: usize) -> Option<Cand> {
        if let Some((a, b, end)) = self.day_range_at(i) {
            let (m, _) = month_of(self.word(end))?;
            return self.range_cand(i, end + 1, m, a, b);
        }
        let d = day_num(self.word(i))?;
        let j = if self.low(i + 1) == "of" { i + 2 } else { i + 1 };
        let (m, _) = month_of(self.word(j))?;
        let mut c = self.day_cand(i, j + 1, m, d)?;
        let ordinal = !all_digits(self.word(i));
        if c.start == i && ordinal && self.low_back(i, 1) == "the" {
            c.start = i - 1;
        }
        Some(c)
    }

    /// Start of a period expression including "early"/"late"/"mid" and "the end of".
    fn period_modifier_start(&self, i: usize) -> usize {
        match self.low_back(i, 1) {
            "early" | "late" | "mid" => i - 1,
            "of" if matches!(
                self.low_back(i, 2),
                "end" | "beginning" | "start" | "middle" | "spring" | "summer" | "autumn" | "fall" | "winter"
            ) =>
            {
                if self.low_back(i, 3) == "the" { i - 3 } else { i - 2 }
            }
            _ => i,
        }
    }

    /// A bare month or year needs a date word before it, or a joiner after another one
    /// ("from March to May").
    fn bare_period_context(&self, i: usize, is_same_kind: impl Fn(&str) -> bool) -> bool {
        let prev = self.low_back(i, 1);
        if PERIOD_CONTEXT.contains(&prev) {
            return true;
        }
        JOINERS.contains(&prev) && (2..=4).any(|k| i.checked_sub(k).map_or(false, |j| is_same_kind(self.word(j))))
    }

    /// "mid-September", "mid-2022".
    fn hyphen_mid(&self, i: usize) -> Option<Cand> {
        let w = self.word(i);
        let rest = w.get(..4).filter(|p| p.eq_ignore_ascii_case("mid-")).and_then(|_| w.get(4..))?;
        if let Some(y) = year_num(rest, NEWS_YEAR) {
            return Some(Cand::date(i, i + 1, Some(format!("{y:04}"))));
        }
        let Some((m, false)) = month_of(rest) else { return None };
        if let Some(y) = year_num(self.word(i + 1), ANY_YEAR) {
            return Some(Cand::date(i, i + 2, Some(month_value(y, m))));
        }
        let value = self.published.map(|p| resolve_month(p, m, MonthMode::Bare, self.future_at(i)));
        Some(Cand::date(i, i + 1, value))
    }

    /// "in 2014", "since 2014", "early 2014", "the end of 2022", "from 2014 to 2016";
    /// a sentence-opening "2014, ...". Not counts ("2014 soldiers").
    fn year_at(&self, i: usize) -> Option<Cand> {
        if !self.is_number(i) {
            return None;
        }
        let y = year_num(self.word(i), NEWS_YEAR)?;
        let opening = (i == 0 || self.toks.get(i - 1).map_or(false, |t| t.kind == TokenKind::Quote))
            && self.low(i + 1) == ",";
        let season = matches!(self.low_back(i, 1), "spring" | "summer" | "autumn" | "fall" | "winter");
        let attributive = matches!(self.low_back(i, 1), "the" | "a" | "its" | "his" | "her" | "their")
            && self.year_names_an_event(i + 1);
        let context = opening
            || season
            || self.low_back(i, 1) == "year"
            || self.bare_period_context(i, |w| year_num(w, NEWS_YEAR).is_some());
        if !attributive && (!context || !self.year_may_end_here(i + 1)) {
            return None;
        }
        let start = if season { i - 1 } else { self.period_modifier_start(i) };
        Some(Cand::date(start, i + 1, Some(format!("{y:04}"))))
    }

    /// "the 2014 annexation", "a 2008 raid", "the 1991 Gulf War": a year used as an adjective
    /// before a name or an event noun (not "the 2000 troops").
    fn year_names_an_event(&self, j: usize) -> bool {
        const EVENT_NOUNS: &[&str] = &[
            "war", "election", "elections", "invasion", "annexation", "raid", "attack", "attacks",
            "summit", "crisis", "revolution", "uprising", "offensive", "counteroffensive",
            "counter-offensive", "campaign", "agreement", "deal", "accord", "accords", "referendum",
            "protests", "budget", "report", "law", "constitution", "census", "vote", "ceasefire",
            "truce", "talks", "coup", "massacre", "bombing", "crackdown", "conflict", "occupation",
            "olympics", "season", "presidential", "parliamentary", "general", "midterm", "midterms",
            "race", "memorandum", "treaty", "incursion", "siege", "earthquake", "floods", "games",
        ];
        let w = self.word(j);
        self.toks.get(j).map_or(false, |t| t.kind == TokenKind::Word)
            && (w.chars().next().map_or(false, char::is_uppercase) || EVENT_NOUNS.contains(&self.low(j)) || w == "'s")
    }

    /// What follows a year must not make it a count: punctuation, a capitalised word or a
    /// function word.
    fn year_may_end_here(&self, j: usize) -> bool {
        let Some(t) = self.toks.get(j) else { return true };
        match t.kind {
            TokenKind::Punct => self.word(j) != "%",
            TokenKind::Quote => true,
            TokenKind::Number => false,
            TokenKind::Word => {
                let w = self.word(j);
                w.chars().next().map_or(true, |c| c.is_uppercase()) || AFTER_YEAR.contains(&self.low(j)) || w == "'s"
            }
        }
    }

    /// "the 1990s", "the early 2000s", "1980s".
    fn decade(&self, i: usize) -> Option<Cand> {
        let w = self.word(i);
        let digits = w.strip_suffix('s')?;
        if digits.len() != 4 || !all_digits(digits) || !digits.ends_with('0') {
            return None;
        }
        let mut start = i;
        if matches!(self.low_back(start, 1), "early" | "mid" | "late") {
            start -= 1;
        }
        if self.low_back(start, 1) == "the" {
            start -= 1;
        }
        Some(Cand::date(start, i + 1, None))
    }

    // ----- weekdays and relative expressions -------------------------------------------------

    /// "Tuesday", "late on Thursday", "last Tuesday", "next Monday", "this Friday (25)",
    /// "Thursday night".
    fn weekday_at(&self, i: usize) -> Option<Cand> {
        let wd = weekday_of(self.word(i))?;
        let (start, mode) = match (self.low_back(i, 2), self.low_back(i, 1)) {
            (_, "last") => (i - 1, WeekdayMode::Last),
            (_, "next") => (i - 1, WeekdayMode::Next),
            ("this", "coming") => (i - 2, WeekdayMode::Next),
            (_, "coming") => (i - 1, WeekdayMode::Next),
            (_, "this") => (i - 1, WeekdayMode::This),
            (_, "early" | "late") => (i - 1, WeekdayMode::Bare),
            ("early" | "late" | "earlier" | "later", "on") => (i - 2, WeekdayMode::Bare),
            ("hours", "of") if matches!(self.low_back(i, 3), "early" | "small" | "wee") => {
                (if self.low_back(i, 4) == "the" { i - 4 } else { i - 3 }, WeekdayMode::Bare)
            }
            _ => (i, WeekdayMode::Bare),
        };
        let mut end = i + 1;
        let mut dom = None;
        if self.word(end) == "(" && self.word(end + 2) == ")" {
            if let Some(d) = day_num(self.word(end + 1)) {
                dom = Some(d);
                end += 3;
            }
        }
        if DAY_PARTS.contains(&self.low(end)) {
            end += 1;
        }
        let value = self.published.and_then(|p| match dom {
            Some(d) => resolve_weekday_with_dom(p, wd, d),
            None => resolve_weekday(p, wd, mode, self.future_at(i)),
        });
        Some(Cand::date(start, end, value.map(iso)))
    }

    /// Fixed phrases relative to publication: today, yesterday, last night, last week, ...
    fn relative(&self, i: usize) -> Option<Cand> {
        #[derive(Clone, Copy)]
        enum Rel {
            Day(i64),
            Week(i64),
            Month(i64),
            Year(i64),
            Vague,
        }
        use Rel::*;
        const PHRASES: &[(&[&str], Rel)] = &[
            (&["today"], Day(0)),
            (&["tonight"], Day(0)),
            (&["overnight"], Day(0)),
            (&["yesterday"], Day(-1)),
            (&["tomorrow"], Day(1)),
            (&["the", "day", "before", "yesterday"], Day(-2)),
            (&["the", "day", "after", "tomorrow"], Day(2)),
            (&["last", "night"], Day(-1)),
            (&["this", "morning"], Day(0)),
            (&["this", "afternoon"], Day(0)),
            (&["this", "evening"], Day(0)),
            (&["earlier", "today"], Day(0)),
            (&["later", "today"], Day(0)),
            (&["last", "week"], Week(-1)),
            (&["this", "week"], Week(0)),
            (&["next", "week"], Week(1)),
            (&["earlier", "this", "week"], Week(0)),
            (&["later", "this", "week"], Week(0)),
            (&["last", "month"], Month(-1)),
            (&["this", "month"], Month(0)),
            (&["next", "month"], Month(1)),
            (&["earlier", "this", "month"], Month(0)),
            (&["later", "this", "month"], Month(0)),
            (&["last", "year"], Year(-1)),
            (&["this", "year"], Year(0)),
            (&["next", "year"], Year(1)),
            (&["earlier", "this", "year"], Year(0)),
            (&["later", "this", "year"], Year(0)),
            (&["last", "weekend"], Vague),
            (&["this", "weekend"], Vague),
            (&["next", "weekend"], Vague),
            (&["the", "weekend"], Vague),
            (&["the", "past", "week"], Vague),
            (&["the", "past", "month"], Vague),
            (&["the", "past", "year"], Vague),
            (&["the", "last", "week"], Vague),
            (&["the", "last", "month"], Vague),
            (&["the", "last", "year"], Vague),
            (&["the", "next", "day"], Vague),
            (&["the", "next", "morning"], Vague),
            (&["the", "following", "day"], Vague),
            (&["the", "following", "morning"], Vague),
            (&["the", "following", "week"], Vague),
            (&["the", "previous", "day"], Vague),
            (&["the", "previous", "night"], Vague),
            (&["the", "previous", "week"], Vague),
            (&["the", "same", "day"], Vague),
            (&["later", "in", "the", "day"], Vague),
            (&["earlier", "in", "the", "day"], Vague),
            (&["later", "that", "day"], Vague),
            (&["earlier", "that", "day"], Vague),
            (&["recent", "days"], Vague),
            (&["recent", "weeks"], Vague),
            (&["recent", "months"], Vague),
            (&["the", "coming", "days"], Vague),
            (&["the", "coming", "weeks"], Vague),
            (&["the", "coming", "months"], Vague),
            (&["the", "end", "of", "the", "week"], Week(0)),
            (&["the", "end", "of", "the", "month"], Month(0)),
            (&["the", "end", "of", "the", "year"], Year(0)),
            (&["the", "start", "of", "the", "year"], Year(0)),
            (&["the", "beginning", "of", "the", "year"], Year(0)),
        ];
        let (words, rel) = PHRASES
            .iter()
            .filter(|(ws, _)| ws.iter().enumerate().all(|(k, w)| self.low(i + k) == *w))
            .max_by_key(|(ws, _)| ws.len())?;
        // "USA Today", "Russia Today": a capitalised "Today" after a name is a title.
        let capital = self.word(i).chars().next().map_or(false, char::is_uppercase);
        let after_name = i > 0
            && self.toks.get(i - 1).map_or(false, |t| t.kind == TokenKind::Word)
            && self.word(i - 1).chars().next().map_or(false, char::is_uppercase);
        if capital && after_name && words.len() == 1 {
            return None;
        }
        let mut start = i;
        let mut end = i + words.len();
        match rel {
            Day(_) => {
                if matches!(self.low_back(i, 1), "late" | "early") {
                    start = i - 1;
                }
                if matches!(self.low(i), "yesterday" | "tomorrow") && DAY_PARTS.contains(&self.low(end)) {
                    end += 1;
                }
            }
            // "early next year", "the end of last year"
            Week(_) | Month(_) | Year(_) if words[0] != "the" => start = self.period_modifier_start(i),
            _ => {}
        }
        let value = self.published.and_then(|p| match *rel {
            Day(n) => add_days(p, n).map(iso),
            Week(n) => add_days(p, 7 * n).map(iso_week),
            Month(n) => Some(month_value_of_index(month_index(p) + n)),
            Year(n) => Some(format!("{:04}", civil_from_days_i64(p as i64).0 + n)),
            Vague => None,
        });
        Some(Cand::date(start, end, value))
    }

    /// "three days ago", "a week ago", "two years ago", "a few days later", "two hours later".
    /// A count at `i`: digits, a number word, or a vague "a few"/"several" (None). Returns
    /// the count and the index after it.
    fn count_at(&self, i: usize) -> Option<(Option<i64>, usize)> {
        let w = self.low(i);
        Some(if all_digits(w) && w.len() <= 4 {
            (w.parse::<i64>().ok(), i + 1)
        } else if w == "a" && matches!(self.low(i + 1), "few" | "couple") {
            (None, if self.low(i + 2) == "of" { i + 3 } else { i + 2 })
        } else if matches!(w, "several" | "few" | "many") {
            (None, i + 1)
        } else {
            (Some(number_word(w)? as i64), i + 1)
        })
    }

    fn count_ago(&self, i: usize) -> Option<Cand> {
        let (count, j) = self.count_at(i)?;
        let unit = self.low(j).trim_end_matches('s');
        let direction = self.low(j + 1);
        if !matches!(direction, "ago" | "later" | "earlier") {
            return None;
        }
        let label_time = matches!(unit, "hour" | "minute");
        if label_time {
            return Some(Cand::time(i, j + 2, None));
        }
        if !matches!(unit, "day" | "week" | "month" | "year") {
            return None;
        }
        let value = match (direction, count, self.published) {
            ("ago", Some(n), Some(p)) => match unit {
                "day" => add_days(p, -n).map(iso),
                "week" => add_days(p, -7 * n).map(iso),
                "month" => Some(month_value_of_index(month_index(p) - n)),
                _ => Some(format!("{:04}", civil_from_days_i64(p as i64).0 - n)),
            },
            _ => None,
        };
        Some(Cand::date(i, j + 2, value))
    }

    /// Durations: "two years", "12 months", "24 hours" (TIME), with no value. Not after "a"
    /// ("once a week", "a day of mourning").
    fn duration(&self, i: usize) -> Option<Cand> {
        if matches!(self.low(i), "a" | "an") && !matches!(self.low(i + 1), "few" | "couple") {
            return None;
        }
        let (_, j) = self.count_at(i)?;
        match self.low(j) {
            "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "decade" | "decades" => {
                Some(Cand::date(i, j + 1, None))
            }
            "hour" | "hours" | "minute" | "minutes" => Some(Cand::time(i, j + 1, None)),
            _ => None,
        }
    }

    /// "the past 24 hours", "the last two weeks", "the next few days", "the coming months".
    fn the_past_units(&self, i: usize) -> Option<Cand> {
        if self.low(i) != "the" || !matches!(self.low(i + 1), "past" | "last" | "next" | "coming" | "previous" | "following") {
            return None;
        }
        let j = self.count_at(i + 2).map_or(i + 2, |(_, j)| j);
        match self.low(j) {
            "days" | "weeks" | "months" | "years" | "decades" | "day" | "week" | "month" | "year" if j > i + 2 || self.low(j).ends_with('s') => {
                Some(Cand::date(i, j + 1, None))
            }
            "hours" | "minutes" => Some(Cand::time(i, j + 1, None)),
            _ => None,
        }
    }

    /// Holidays: "Christmas", "Orthodox Christmas", "New Year's Eve", "Easter", "Ramadan".
    /// Fixed-date ones get a value like a day without a year.
    fn holiday(&self, i: usize) -> Option<Cand> {
        const HOLIDAYS: &[(&[&str], Option<(u32, u32)>)] = &[
            (&["Christmas"], Some((12, 25))),
            (&["Christmas", "Day"], Some((12, 25))),
            (&["Christmas", "Eve"], Some((12, 24))),
            (&["Orthodox", "Christmas"], Some((1, 7))),
            (&["New", "Year", "'s", "Day"], Some((1, 1))),
            (&["New", "Year", "'s", "Eve"], Some((12, 31))),
            (&["New", "Year"], None),
            (&["Easter"], None),
            (&["Orthodox", "Easter"], None),
            (&["Ramadan"], None),
            (&["Eid"], None),
            (&["Hanukkah"], None),
            (&["Thanksgiving"], None),
            (&["Thanksgiving", "Day"], None),
            (&["Victory", "Day"], None),
            (&["Independence", "Day"], None),
        ];
        let (words, fixed) = HOLIDAYS
            .iter()
            .filter(|(ws, _)| ws.iter().enumerate().all(|(k, w)| self.word(i + k) == *w))
            .max_by_key(|(ws, _)| ws.len())?;
        let end = i + words.len();
        // "Easter Island", "Independence Day Parade": part of a longer name.
        if self.toks.get(end).map_or(false, |t| t.kind == TokenKind::Word)
            && self.word(end).chars().next().map_or(false, char::is_uppercase)
        {
            return None;
        }
        let start = if matches!(self.low_back(i, 1), "this" | "last" | "next") { i - 1 } else { i };
        let value = match (fixed, self.published) {
            (Some((m, d)), Some(p)) => resolve_month_day(p, *m, *d, self.future_at(i)).map(iso),
            _ => None,
        };
        Some(Cand::date(start, end, value))
    }

    /// "days later", "weeks earlier", "years ago" (no count: no value).
    fn unit_later(&self, i: usize) -> Option<Cand> {
        let unit = self.low(i);
        if !matches!(self.low(i + 1), "ago" | "later" | "earlier") {
            return None;
        }
        match unit {
            "days" | "weeks" | "months" | "years" | "decades" => Some(Cand::date(i, i + 2, None)),
            "hours" | "minutes" => Some(Cand::time(i, i + 2, None)),
            _ => None,
        }
    }

    // ----- times -----------------------------------------------------------------------------

    /// "10 a.m.", "10am", "14:30", "3:15 p.m.", "10.30pm", "0700 GMT", "10 o'clock",
    /// with a following time zone or "local time" in the span.
    fn clock(&self, i: usize) -> Option<Cand> {
        let w = self.word(i);
        let mut end = i + 1;
        let (h, m) = if w.len() == 4 && all_digits(w) && TIME_ZONES.contains(&self.low(i + 1)) {
            // military style "0700 GMT"
            let (h, m): (u32, u32) = (w[..2].parse().ok()?, w[2..].parse().ok()?);
            if h > 23 || m > 59 {
                return None;
            }
            (h, m)
        } else {
            let (h, m, mer, colon) = clock_token(w)?;
            if let Some(pm) = mer {
                (to_24h(h, pm)?, m)
            } else if let Some(pm) = meridiem(self.word(i + 1)) {
                end += 1;
                (to_24h(h, pm)?, m)
            } else if self.low(i + 1) == "o'clock" && (1..=12).contains(&h) && !colon {
                end += 1;
                (h, m)
            } else if colon {
                (h, m)
            } else {
                return None;
            }
        };
        if TIME_ZONES.contains(&self.low(end)) {
            end += 1;
        } else if self.low(end + 1) == "time" && matches!(self.low(end), "local" | "kyiv" | "kiev" | "moscow") {
            end += 2;
        }
        Some(Cand::time(i, end, Some(clock_value(h, m))))
    }

    /// "noon", "midnight", "midday"; "dawn"/"dusk" after a preposition ("at dawn").
    fn named_time(&self, i: usize) -> Option<Cand> {
        match self.low(i) {
            "noon" | "midday" => Some(Cand::time(i, i + 1, Some(clock_value(12, 0)))),
            "midnight" => Some(Cand::time(i, i + 1, Some(clock_value(0, 0)))),
            w if TWILIGHT.contains(&w) && TIME_PREPOSITIONS.contains(&self.low_back(i, 1)) => {
                Some(Cand::time(i, i + 1, None))
            }
            _ => None,
        }
    }
}

/// DATE and TIME mentions of the document, sorted by start, never overlapping.
pub fn recognize(ctx: &DocContext) -> Vec<Mention> {
    let mut out = Vec::new();
    for s in &ctx.seg.sentences {
        let Some(toks) = ctx.seg.tokens.get(s.tok_start..s.tok_end) else { continue };
        let view = View::new(ctx.text, toks, ctx.published);
        for c in view.select(view.candidates()) {
            let (Some(first), Some(last)) = (toks.get(c.start), toks.get(c.end.wrapping_sub(1))) else { continue };
            let (start, end) = (first.start, last.end);
            if start >= end || !ctx.text.is_char_boundary(start) || !ctx.text.is_char_boundary(end) {
                continue;
            }
            out.push(Mention {
                start,
                end,
                sentence: ctx.sentence_of(start),
                label: c.label,
                canonical: None,
                entity_id: None,
                role: None,
                geo: Geo::default(),
                value: c.value,
                source: MentionSource::Rule,
            });
        }
    }
    out.sort_by_key(|m| (m.start, m.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// (span text, label, value) of every mention.
    fn run(text: &str, published: Option<Days>) -> Vec<(String, Label, Option<String>)> {
        crate::context::with_context(text, published, |ctx| {
            let found = recognize(ctx);
            for pair in found.windows(2) {
                assert!(pair[0].end <= pair[1].start, "overlap in {text:?}: {found:?}");
            }
            found.into_iter().map(|m| (ctx.text[m.start..m.end].to_string(), m.label, m.value)).collect()
        })
    }

    fn day(s: &str) -> Option<Days> {
        parse_iso_day(s)
    }

    /// The single DATE/TIME found in `text`: (span, value).
    fn one(text: &str, published: &str) -> (String, Option<String>) {
        let found = run(text, day(published));
        assert_eq!(found.len(), 1, "{text:?} → {found:?}");
        let (s, _, v) = found.into_iter().next().unwrap();
        (s, v)
    }

    fn date(span: &str, value: &str) -> (String, Option<String>) {
        (span.to_string(), Some(value.to_string()))
    }

    // ----- calendar -----

    #[test]
    fn civil_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2022, 9, 13), 19248);
        assert_eq!(civil_from_days(19248), (2022, 9, 13));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        for d in (-800_000..800_000).step_by(997) {
            let (y, m, dd) = civil_from_days(d);
            assert_eq!(days_from_civil(y, m, dd), d);
        }
        assert_eq!(iso(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn weekdays_start_on_monday() {
        assert_eq!(weekday(days_from_civil(2022, 9, 13)), 1); // Tuesday
        assert_eq!(weekday(days_from_civil(2022, 9, 12)), 0); // Monday
        assert_eq!(weekday(days_from_civil(1969, 12, 28)), 6); // Sunday
    }

    #[test]
    fn parse_iso_day_is_strict() {
        assert_eq!(parse_iso_day("2022-09-13"), Some(19248));
        for bad in ["2022-09", "2022-02-30", "2022-13-01", "22-09-13", "2022/09/13", "2022-W36", "", "２０２２-09-13"] {
            assert_eq!(parse_iso_day(bad), None, "{bad}");
        }
    }

    #[test]
    fn extreme_inputs_do_not_panic() {
        let _ = days_from_civil(i32::MAX, 12, u32::MAX);
        let _ = days_from_civil(i32::MIN, 0, 0);
        for d in [Days::MIN, Days::MAX, 0, -1] {
            let _ = (civil_from_days(d), weekday(d), iso(d), iso_week(d));
        }
        let text = "On Tuesday, yesterday, last week, next month, this Friday (25), \
                    three days ago, in September, next September, September 13, 2022-09-13, \
                    in 2014, this year, the day after tomorrow, Feb 30.";
        for p in [Some(Days::MIN), Some(Days::MAX), Some(Days::MAX - 3), Some(Days::MIN + 3), None] {
            let found = run(text, p);
            assert!(found.len() >= 10, "{p:?}: {found:?}");
        }
    }

    #[test]
    fn iso_weeks() {
        assert_eq!(iso_week(days_from_civil(2022, 9, 6)), "2022-W36");
        assert_eq!(iso_week(days_from_civil(2021, 1, 3)), "2020-W53");
        assert_eq!(iso_week(days_from_civil(2024, 12, 30)), "2025-W01");
    }

    // ----- acceptance -----

    #[test]
    fn acceptance_tuesday_and_late_on_thursday() {
        let text = "On Tuesday, shelling of Izium killed at least 5 civilians and wounded 12, the regional \
                    governor said. Late on Thursday, a missile hit the railway station.";
        let found = run(text, day("2022-09-13"));
        let dates: Vec<_> = found.iter().filter(|(_, l, _)| *l == Label::Date).cloned().collect();
        assert_eq!(
            dates,
            vec![
                ("Tuesday".to_string(), Label::Date, Some("2022-09-13".to_string())),
                ("Late on Thursday".to_string(), Label::Date, Some("2022-09-08".to_string())),
            ]
        );
    }

    #[test]
    fn acceptance_this_friday_with_day_of_month() {
        assert_eq!(one("The deadline is this Friday (25) at the latest.", "2022-11-23"), date("this Friday (25)", "2022-11-25"));
    }

    #[test]
    fn acceptance_future_monday() {
        assert_eq!(one("The talks will resume on Monday.", "2022-09-13"), date("Monday", "2022-09-19"));
    }

    // ----- absolute dates -----

    #[test]
    fn month_day_forms() {
        let p = "2022-09-20";
        assert_eq!(one("It happened on September 13.", p), date("September 13", "2022-09-13"));
        assert_eq!(one("It happened on Sept. 13 near Izium.", p), date("Sept. 13", "2022-09-13"));
        assert_eq!(one("It happened on 13 September.", p), date("13 September", "2022-09-13"));
        assert_eq!(one("It happened on 13 September 2021.", p), date("13 September 2021", "2021-09-13"));
        assert_eq!(one("It happened on September 13, 2021, in Kyiv.", p), date("September 13, 2021", "2021-09-13"));
        assert_eq!(one("It happened on Sep 13th.", p), date("Sep 13th", "2022-09-13"));
        assert_eq!(one("It happened on the 13th of September.", p), date("the 13th of September", "2022-09-13"));
        assert_eq!(one("It happened on Tuesday, September 13.", p), date("Tuesday, September 13", "2022-09-13"));
    }

    #[test]
    fn month_day_without_year_takes_the_recent_year() {
        assert_eq!(one("The invasion began on February 24.", "2023-03-01"), date("February 24", "2023-02-24"));
        assert_eq!(one("The attack came on December 28.", "2023-01-02"), date("December 28", "2022-12-28"));
        // A future clause may reach further ahead.
        assert_eq!(one("The vote will be held on November 8.", "2022-09-13"), date("November 8", "2022-11-08"));
        assert_eq!(one("The vote was held on November 8.", "2022-09-13"), date("November 8", "2021-11-08"));
    }

    #[test]
    fn impossible_days_are_not_dates() {
        let found = run("Officials met on Feb 30, not on April 31.", day("2022-09-13"));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn numeric_dates() {
        let p = "2022-09-20";
        assert_eq!(one("Filed on 2022-09-13 by the court.", p), date("2022-09-13", "2022-09-13"));
        assert_eq!(one("Filed on 13/09/2022 by the court.", p), date("13/09/2022", "2022-09-13"));
        assert_eq!(one("Filed on 04/09/2022 by the court.", p), date("04/09/2022", "2022-09-04"));
        assert_eq!(one("Filed on 9/13/2022 by the court.", p), date("9/13/2022", "2022-09-13"));
        assert_eq!(one("Filed on 13.09.2022 by the court.", p), date("13.09.2022", "2022-09-13"));
        assert!(run("Filed on 2022-13-45 and 31/31/2022.", day(p)).is_empty());
    }

    #[test]
    fn dateline() {
        let text = "KYIV, Sept 13 (Reuters) - Russian forces shelled the city.";
        assert_eq!(one(text, "2022-09-13"), date("Sept 13", "2022-09-13"));
        let caps = "KYIV, SEPT 13 (Reuters) - Russian forces shelled the city.";
        assert_eq!(one(caps, "2022-09-13"), date("SEPT 13", "2022-09-13"));
    }

    #[test]
    fn bare_months_need_context() {
        let p = "2022-09-13";
        assert_eq!(one("Russia invaded in February.", p), date("February", "2022-02"));
        assert_eq!(one("Russia withdrew in November 2021.", p), date("November 2021", "2021-11"));
        // Not after published + 1 month: "in December" is last December.
        assert_eq!(one("The offensive began in December.", p), date("December", "2021-12"));
        assert_eq!(one("The offensive begins in October.", p), date("October", "2022-10"));
        assert_eq!(one("Fighting eased in early September.", p), date("early September", "2022-09"));
        assert_eq!(one("Fighting eased in mid-September.", p), date("mid-September", "2022-09"));
        assert_eq!(one("Fighting eased last September.", p), date("last September", "2021-09"));
        assert_eq!(one("Elections are due next March.", p), date("next March", "2023-03"));
        let found = run("Talks ran from March to May.", day(p));
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[1].2.as_deref(), Some("2022-05"));
    }

    #[test]
    fn modal_may_and_march_are_not_dates() {
        let p = day("2022-09-13");
        for text in [
            "Russia may attack again.",
            "May God protect Ukraine.",
            "Theresa May said the march on Kyiv had failed.",
            "March on the capital, the crowd chanted.",
            "The Sun reported a new strike.",
            "Jan Egeland visited Kherson.",
            "Crowds march through the city in may.",
        ] {
            assert!(run(text, p).is_empty(), "{text:?} → {:?}", run(text, p));
        }
    }

    #[test]
    fn years_in_context_only() {
        let p = day("2022-09-13");
        assert_eq!(one("Russia annexed Crimea in 2014.", "2022-09-13"), date("2014", "2014"));
        assert_eq!(one("The war has gone on since 2014, he said.", "2022-09-13"), date("2014", "2014"));
        assert_eq!(one("It was built in early 2014 by engineers.", "2022-09-13"), date("early 2014", "2014"));
        assert_eq!(one("In 2014 Russia annexed Crimea.", "2022-09-13"), date("2014", "2014"));
        assert!(run("The brigade lost 2014 soldiers.", p).is_empty());
        assert!(run("In 2014 soldiers were sent.", p).is_empty());
        assert!(run("A total of 1950 people fled.", p).is_empty());
        let found = run("Prices rose between 2014 and 2016.", p);
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), vec!["2014", "2016"]);
    }

    #[test]
    fn decades_have_no_value() {
        let found = run("The base was built in the 1990s.", day("2022-09-13"));
        assert_eq!(found, vec![("the 1990s".to_string(), Label::Date, None)]);
        assert_eq!(run("It dates from the early 2000s.", None)[0].0, "the early 2000s");
    }

    // ----- relative -----

    #[test]
    fn relative_days() {
        let p = "2022-09-13";
        assert_eq!(one("The city was quiet today.", p), date("today", "2022-09-13"));
        assert_eq!(one("The city was shelled yesterday.", p), date("yesterday", "2022-09-12"));
        assert_eq!(one("The talks resume tomorrow.", p), date("tomorrow", "2022-09-14"));
        assert_eq!(one("Explosions were heard tonight.", p), date("tonight", "2022-09-13"));
        assert_eq!(one("Explosions were heard last night.", p), date("last night", "2022-09-12"));
        assert_eq!(one("Explosions were heard late last night.", p), date("late last night", "2022-09-12"));
        assert_eq!(one("Drones attacked overnight.", p), date("overnight", "2022-09-13"));
        assert_eq!(one("Drones attacked this morning.", p), date("this morning", "2022-09-13"));
        assert_eq!(one("Drones attacked yesterday evening.", p), date("yesterday evening", "2022-09-12"));
        assert_eq!(one("He left the day before yesterday.", p), date("the day before yesterday", "2022-09-11"));
    }

    #[test]
    fn relative_periods() {
        let p = "2022-09-13";
        assert_eq!(one("Troops advanced last week.", p), date("last week", "2022-W36"));
        assert_eq!(one("Troops advanced this week.", p), date("this week", "2022-W37"));
        assert_eq!(one("Troops will advance next week.", p), date("next week", "2022-W38"));
        assert_eq!(one("Troops advanced last month.", p), date("last month", "2022-08"));
        assert_eq!(one("Troops advanced earlier this month.", p), date("earlier this month", "2022-09"));
        assert_eq!(one("Troops advanced last year.", p), date("last year", "2021"));
        assert_eq!(one("Troops advanced last month.", "2022-01-05"), date("last month", "2021-12"));
    }

    #[test]
    fn counts_ago_and_later() {
        let p = "2022-09-13";
        assert_eq!(one("The bridge was hit three days ago.", p), date("three days ago", "2022-09-10"));
        assert_eq!(one("The bridge was hit 3 days ago.", p), date("3 days ago", "2022-09-10"));
        assert_eq!(one("The bridge was hit two weeks ago.", p), date("two weeks ago", "2022-08-30"));
        assert_eq!(one("The bridge was hit a month ago.", p), date("a month ago", "2022-08"));
        assert_eq!(one("It was repaired days later.", p), ("days later".to_string(), None));
        assert_eq!(one("It was built weeks earlier.", p), ("weeks earlier".to_string(), None));
        assert_eq!(one("It was repaired two days later.", p), ("two days later".to_string(), None));
        assert_eq!(run("It fell hours later.", day(p)), vec![("hours later".to_string(), Label::Time, None)]);
    }

    #[test]
    fn no_publication_date_no_relative_values() {
        let found = run("On Tuesday, yesterday and last week, and on 13 September 2022.", None);
        let values: Vec<_> = found.iter().map(|f| f.2.clone()).collect();
        assert_eq!(values, vec![None, None, None, Some("2022-09-13".to_string())]);
    }

    // ----- weekdays -----

    #[test]
    fn weekday_resolution() {
        let p = "2022-09-13"; // Tuesday
        assert_eq!(one("Kyiv was shelled on Sunday.", p), date("Sunday", "2022-09-11"));
        assert_eq!(one("Kyiv was shelled on Wednesday.", p), date("Wednesday", "2022-09-07"));
        assert_eq!(one("Kyiv was shelled last Tuesday.", p), date("last Tuesday", "2022-09-06"));
        assert_eq!(one("Kyiv was shelled last Monday.", p), date("last Monday", "2022-09-12"));
        assert_eq!(one("He arrives next Tuesday.", p), date("next Tuesday", "2022-09-20"));
        assert_eq!(one("He arrives next Wednesday.", p), date("next Wednesday", "2022-09-14"));
        assert_eq!(one("He is due to arrive on Friday.", p), date("Friday", "2022-09-16"));
        assert_eq!(one("He is expected to arrive this coming Tuesday.", p), date("this coming Tuesday", "2022-09-20"));
        assert_eq!(one("He arrives this Friday.", p), date("this Friday", "2022-09-16"));
        assert_eq!(one("A blast shook the city early on Monday.", p), date("early on Monday", "2022-09-12"));
        assert_eq!(one("A blast shook the city Thursday night.", p), date("Thursday night", "2022-09-08"));
        assert_eq!(one("The meeting is scheduled for Thursday.", p), date("Thursday", "2022-09-15"));
    }

    #[test]
    fn reported_weekday_stays_past_despite_will() {
        let p = "2022-09-13";
        assert_eq!(one("On Monday, the minister said talks will resume.", p), date("Monday", "2022-09-12"));
        assert_eq!(one("He said on Friday that Russia will respond.", p), date("Friday", "2022-09-09"));
        assert_eq!(one("Talks will resume on Friday, officials said.", p), date("Friday", "2022-09-16"));
    }

    #[test]
    fn day_and_year_ranges_are_intervals() {
        let p = "2022-09-13";
        assert_eq!(one("Drills ran on October 25-26, 2021, near Lviv.", p), date("October 25-26, 2021", "2021-10-25/2021-10-26"));
        assert_eq!(one("Drills ran on 5-6 April 2016 near Lviv.", p), date("5-6 April 2016", "2016-04-05/2016-04-06"));
        assert_eq!(one("Drills ran from September 5 - 9 near Lviv.", p), date("September 5 - 9", "2022-09-05/2022-09-09"));
        assert_eq!(one("He fought in the war of 1980-88 as a pilot.", p), date("1980-88", "1980/1988"));
        assert_eq!(one("He served 2014-2022 as mayor.", p), date("2014-2022", "2014/2022"));
    }

    #[test]
    fn more_year_forms() {
        let p = "2022-09-13";
        assert_eq!(one("Since the 2014 annexation, Crimea has been occupied.", p), date("2014", "2014"));
        assert_eq!(one("He led the 1991 Gulf War coalition.", p), date("1991", "1991"));
        assert!(run("Officials counted the 2000 troops at the border.", day(p)).is_empty());
        assert_eq!(one("The dam was built in the summer of 2010 by engineers.", p), date("the summer of 2010", "2010"));
        assert_eq!(one("Prices doubled in the first hours of trading, by the end of 2021.", p), date("the end of 2021", "2021"));
        assert_eq!(one("It began on June 16th of last year.", p), date("June 16th of last year", "2021-06-16"));
    }

    #[test]
    fn modified_relative_periods() {
        let p = "2022-09-13";
        assert_eq!(one("The plant reopens early next year.", p), date("early next year", "2023"));
        assert_eq!(one("The plant closed at the end of last year.", p), date("the end of last year", "2021"));
        assert_eq!(one("The plant will close before the end of the year.", p), date("the end of the year", "2022"));
        assert_eq!(one("Seventy-four years ago, a battle was fought here.", p), date("Seventy-four years ago", "1948"));
        assert_eq!(one("Sirens sounded in the early hours of Sunday.", p), date("the early hours of Sunday", "2022-09-11"));
        assert_eq!(one("Attacks rose in recent days.", p), ("recent days".to_string(), None));
    }

    #[test]
    fn durations_have_no_value() {
        let p = day("2022-09-13");
        assert_eq!(run("The siege lasted two years.", p), vec![("two years".to_string(), Label::Date, None)]);
        assert_eq!(run("Power was cut for 24 hours.", p), vec![("24 hours".to_string(), Label::Time, None)]);
        assert_eq!(run("In the past 24 hours, ten strikes hit.", p), vec![("the past 24 hours".to_string(), Label::Time, None)]);
        assert_eq!(run("Over the last two weeks, ten strikes hit.", p), vec![("the last two weeks".to_string(), Label::Date, None)]);
        assert!(run("They met once a week and held a day of mourning.", p).is_empty());
        assert_eq!(run("It collapsed a few weeks before the vote.", p), vec![("a few weeks".to_string(), Label::Date, None)]);
    }

    #[test]
    fn holidays() {
        let p = "2022-12-20";
        assert_eq!(one("Strikes continued on Christmas Day.", p), date("Christmas Day", "2022-12-25"));
        assert_eq!(one("Strikes continued over Orthodox Christmas.", "2023-01-10"), date("Orthodox Christmas", "2023-01-07"));
        assert_eq!(one("Strikes continued on New Year's Eve.", "2023-01-02"), date("New Year's Eve", "2022-12-31"));
        assert_eq!(one("Strikes continued during Ramadan.", p), ("Ramadan".to_string(), None));
        assert!(run("They sailed to Easter Island.", day(p)).is_empty());
    }

    #[test]
    fn usa_today_is_not_a_date() {
        let found = run("A reporter told USA Today that the city was calm today.", day("2022-09-13"));
        assert_eq!(found, vec![("today".to_string(), Label::Date, Some("2022-09-13".to_string()))]);
    }

    #[test]
    fn token_soup_and_long_sentences_do_not_panic() {
        const PIECES: [&str; 40] = [
            "on", "Monday", "will", "said", "May", "may", "13", "31", "2022", "1990s", "(", ")", "25",
            ",", ".", "-", "the", "end", "of", "last", "next", "this", "week", "a.m.", "p.m.", "14:30",
            "12:99", "ago", "days", "two", "Sept.", "2022-02-30", "31/31/2022", "9/13/2022", "1980-88",
            "Christmas", "early", "hours", "Київ", "'s",
        ];
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        for round in 0..200 {
            let mut text = String::new();
            for _ in 0..40 {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
                text.push(if seed & 1 == 0 { ' ' } else { '\n' });
            }
            let published = [None, Some(0), Some(Days::MAX), Some(Days::MIN), Some(19248)][round % 5];
            let _ = run(&text, published);
        }
        // One 100k-character sentence: must stay fast (linear).
        let long = "will Monday said in May 2014 and ".repeat(3000);
        let found = run(&long, day("2022-09-13"));
        assert!(found.len() >= 6000);
    }

    // ----- times -----

    #[test]
    fn clock_times() {
        let t = |text: &str| {
            let found = run(text, day("2022-09-13"));
            assert_eq!(found.len(), 1, "{text:?} → {found:?}");
            assert_eq!(found[0].1, Label::Time);
            (found[0].0.clone(), found[0].2.clone().unwrap_or_default())
        };
        assert_eq!(t("Sirens sounded at 10 a.m. across the city."), ("10 a.m.".into(), "10:00".into()));
        assert_eq!(t("Sirens sounded at 10am across the city."), ("10am".into(), "10:00".into()));
        assert_eq!(t("Sirens sounded at 14:30 across the city."), ("14:30".into(), "14:30".into()));
        assert_eq!(t("Sirens sounded at 3:15 p.m. across the city."), ("3:15 p.m.".into(), "15:15".into()));
        assert_eq!(t("Sirens sounded at 12 a.m. across the city."), ("12 a.m.".into(), "00:00".into()));
        assert_eq!(t("Sirens sounded at 0700 GMT across the city."), ("0700 GMT".into(), "07:00".into()));
        assert_eq!(t("Sirens sounded at 9 p.m. local time."), ("9 p.m. local time".into(), "21:00".into()));
        assert_eq!(t("Sirens sounded at noon across the city."), ("noon".into(), "12:00".into()));
        assert_eq!(t("Sirens sounded at midnight across the city."), ("midnight".into(), "00:00".into()));
        assert_eq!(t("Troops crossed the river at dawn."), ("dawn".into(), "".into()));
    }

    #[test]
    fn numbers_are_not_times() {
        let p = day("2022-09-13");
        for text in ["Prices rose 10.30 percent.", "They won 3:1 at home.", "The dawn of a new era.", "It cost 25:99 units."] {
            assert!(run(text, p).is_empty(), "{text:?} → {:?}", run(text, p));
        }
    }

    #[test]
    fn time_and_date_side_by_side() {
        let found = run("The strike hit at 6 a.m. on Monday.", day("2022-09-13"));
        assert_eq!(
            found,
            vec![
                ("6 a.m.".to_string(), Label::Time, Some("06:00".to_string())),
                ("Monday".to_string(), Label::Date, Some("2022-09-12".to_string())),
            ]
        );
    }

    #[test]
    fn offsets_follow_non_ascii_text() {
        let text = "«Київ» — on Tuesday, the city was hit. Later, at 14:30 “sirens” rang.";
        let found = run(text, day("2022-09-13"));
        assert_eq!(found.iter().map(|f| f.0.as_str()).collect::<Vec<_>>(), vec!["Tuesday", "14:30"]);
    }
}

