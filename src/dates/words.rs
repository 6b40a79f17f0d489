//! The words of dates and times: month and weekday names, number words, clock times, and
//! the context words that make a bare month name a date.

// ---------------------------------------------------------------------------------------------
// Word tables (closed sets; kept here on purpose, see the module comment).
// ---------------------------------------------------------------------------------------------

pub(super) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
/// Abbreviations, usable only with a day number or a year ("Sept 13", "Jan. 2022").
pub(super) const MONTH_ABBREVIATIONS: [(&str, u32); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];
pub(super) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Words after which a bare month or year is a date ("in May", "since 2014", "early March").
pub(super) const PERIOD_CONTEXT: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "from",
    "through",
    "throughout",
    "during",
    "before",
    "after",
    "between",
    "early",
    "late",
    "mid",
    "last",
    "next",
    "this",
    "around",
    "ending",
    "starting",
];
/// Words that join two dates ("from March to May", "in 2014 and 2015").
pub(super) const JOINERS: &[&str] = &["to", "and", "or", "-", "through"];
/// Lower-case words that may follow a year without making it a count ("in 2014 the war ...",
/// but not "in 2014 soldiers").
pub(super) const AFTER_YEAR: &[&str] = &[
    "and",
    "or",
    "to",
    "when",
    "the",
    "a",
    "an",
    "after",
    "before",
    "until",
    "as",
    "but",
    "while",
    "where",
    "in",
    "on",
    "at",
    "for",
    "with",
    "that",
    "which",
    "it",
    "he",
    "she",
    "they",
    "we",
    "there",
    "was",
    "were",
    "is",
    "had",
    "has",
    "have",
    "amid",
    "during",
    "following",
    "under",
    "alone",
    "onwards",
    "onward",
    "through",
    "this",
    "his",
    "its",
    "their",
    "by",
    "from",
];
/// Lower-case words at which a recogniser may anchor besides the relative phrases' first
/// words and number words: vague counts ("several days ago"), bare units ("days later"),
/// "the" ("the past 24 hours") and named times ("at dawn").
pub(super) const LOWER_ANCHORS: &[&str] = &[
    "a", "an", "the", "several", "few", "many", "days", "weeks", "months", "years", "decades", "hours", "minutes",
    "noon", "midday", "midnight", "dawn", "dusk", "daybreak", "sunrise", "sunset",
];
pub(super) const DAY_PARTS: &[&str] = &["morning", "afternoon", "evening", "night"];
pub(super) const TIME_ZONES: &[&str] =
    &["gmt", "utc", "cet", "cest", "eet", "eest", "est", "edt", "bst", "msk", "pst", "pdt"];
pub(super) const TWILIGHT: &[&str] = &["dawn", "dusk", "daybreak", "sunrise", "sunset"];
pub(super) const TIME_PREPOSITIONS: &[&str] =
    &["at", "before", "after", "until", "till", "by", "from", "since", "around"];

/// Past-tense reporting verbs and auxiliaries: a weekday next to one of these is past even in
/// a sentence that also says "will" ("On Monday, he said talks will resume").
pub(super) const PAST_MARKERS: &[&str] = &[
    "said",
    "told",
    "announced",
    "added",
    "stated",
    "wrote",
    "reported",
    "confirmed",
    "claimed",
    "warned",
    "tweeted",
    "posted",
    "declared",
    "noted",
    "insisted",
    "denied",
    "admitted",
    "explained",
    "was",
    "were",
    "had",
    "did",
];

/// Units and tens written in words, as [`number_word`] reads them.
const UNITS: [&str; 20] = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// The single number words [`number_word`] reads: "a", "an", "hundred", units and tens.
pub(super) fn number_words() -> impl Iterator<Item = &'static str> {
    ["a", "an", "hundred"].into_iter().chain(UNITS).chain(TENS)
}

/// A count written in words (lower case): "a", "two", "twelve", "seventy-four".
pub(super) fn number_word(w: &str) -> Option<u32> {
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
pub(super) fn is_capitalised(w: &str) -> bool {
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return false };
    if !first.is_uppercase() {
        return false;
    }
    // Two passes over the letters rather than a Vec of them: this runs at every capitalised token.
    let rest = || chars.clone().filter(|c| c.is_alphabetic());
    rest().all(char::is_lowercase) || rest().all(char::is_uppercase)
}

/// `f` of `w` lowercased: on the stack for a short ASCII word (nearly every token; the month,
/// weekday and clock tests run at every capitalised or numeric one), else allocated.
fn with_lowercase<T>(w: &str, f: impl FnOnce(&str) -> T) -> T {
    let mut buf = [0u8; 16];
    match buf.get_mut(..w.len()).filter(|_| w.is_ascii()) {
        Some(b) => {
            b.copy_from_slice(w.as_bytes());
            b.make_ascii_lowercase();
            f(std::str::from_utf8(b).unwrap_or(""))
        }
        None => f(&w.to_lowercase()),
    }
}

/// Month number of a capitalised month name; `true` when it is an abbreviation.
pub(super) fn month_of(w: &str) -> Option<(u32, bool)> {
    if !is_capitalised(w) {
        return None;
    }
    with_lowercase(w, |lower| {
        if let Some(i) = MONTHS.iter().position(|m| *m == lower) {
            return Some((i as u32 + 1, false));
        }
        let bare = lower.strip_suffix('.').unwrap_or(lower);
        MONTH_ABBREVIATIONS.iter().find(|(a, _)| *a == bare).map(|&(_, m)| (m, true))
    })
}

pub(super) fn weekday_of(w: &str) -> Option<u32> {
    if !is_capitalised(w) {
        return None;
    }
    with_lowercase(w, |lower| WEEKDAYS.iter().position(|d| *d == lower).map(|i| i as u32))
}

pub(super) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// A day of the month: "13", "13th", "1st", "22nd".
pub(super) fn day_num(w: &str) -> Option<u32> {
    let digits_end = w.bytes().position(|b| !b.is_ascii_digit()).unwrap_or(w.len());
    let (digits, suffix) = w.split_at(digits_end);
    if digits.is_empty() || digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A four-digit year within `range`.
pub(super) fn year_num(w: &str, range: std::ops::RangeInclusive<i64>) -> Option<i64> {
    if w.len() != 4 || !all_digits(w) {
        return None;
    }
    w.parse().ok().filter(|y| range.contains(y))
}

pub(super) const ANY_YEAR: std::ops::RangeInclusive<i64> = 1000..=2999;
pub(super) const NEWS_YEAR: std::ops::RangeInclusive<i64> = 1900..=2100;

/// "a.m." / "am" / "AM" → Some(false); "p.m." / "pm" → Some(true).
pub(super) fn meridiem(w: &str) -> Option<bool> {
    with_lowercase(w, |lower| match lower {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    })
}

/// A clock time inside one token: "14:30", "3:15", "10am", "10.30pm", "3:15pm".
/// Returns (hour, minute, meridiem written in the token, a ':' was used).
pub(super) fn clock_token(w: &str) -> Option<(u32, u32, Option<bool>, bool)> {
    // The hour's digits come first: other tokens (nearly all) are not lowercased at all.
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    with_lowercase(w, clock_of_lowercase)
}

fn clock_of_lowercase(lower: &str) -> Option<(u32, u32, Option<bool>, bool)> {
    let (num, mer) = if let Some(n) = lower.strip_suffix("am") {
        (n, Some(false))
    } else if let Some(n) = lower.strip_suffix("pm") {
        (n, Some(true))
    } else {
        (lower, None)
    };
    let (h, m, colon) = match num.find([':', '.']) {
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
pub(super) fn to_24h(h: u32, pm: bool) -> Option<u32> {
    (1..=12).contains(&h).then(|| if pm { h % 12 + 12 } else { h % 12 })
}

pub(super) fn clock_value(h: u32, m: u32) -> String {
    format!("{h:02}:{m:02}")
}
