//! Relative dates against the publication day: a weekday, a day or a month without a year,
//! in the past or (in a future-tense clause) the future.

use super::*;
use crate::model::Days;

// ---------------------------------------------------------------------------------------------
// Resolving partial dates against the publication date.
// ---------------------------------------------------------------------------------------------

/// How far after publication an expression without a year may point: one month normally,
/// six in a future-tense clause ("the vote will be held on November 8").
pub(super) fn horizon_months(future: bool) -> i64 {
    if future {
        6
    } else {
        1
    }
}

/// The most recent `month`/`day` not later than publication plus the horizon.
pub(super) fn resolve_month_day(published: Days, m: u32, d: u32, future: bool) -> Option<Days> {
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
pub(super) fn resolve_month_day_weekday(published: Days, m: u32, d: u32, wd: u32) -> Option<Days> {
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
pub(super) enum MonthMode {
    /// "in September": the most recent one within the horizon.
    Bare,
    Last,
    Next,
    This,
}

/// "YYYY-MM" of a month named without a year.
pub(super) fn resolve_month(published: Days, m: u32, mode: MonthMode, future: bool) -> String {
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
pub(super) enum WeekdayMode {
    /// Tense decides: on or before publication, or on or after in a future clause.
    Bare,
    /// "last Tuesday": 1..=7 days before.
    Last,
    /// "next Monday", "this coming Monday": 1..=7 days after.
    Next,
    /// "this Friday": in the publication week (Monday to Sunday).
    This,
}

pub(super) fn resolve_weekday(published: Days, wd: u32, mode: WeekdayMode, future: bool) -> Option<Days> {
    let pw = weekday(published) as i64;
    let wd = wd as i64;
    let back = (pw - wd).rem_euclid(7);
    let ahead = (wd - pw).rem_euclid(7);
    let delta = match mode {
        WeekdayMode::Bare if future => ahead,
        WeekdayMode::Bare => -back,
        WeekdayMode::Last => -(if back == 0 { 7 } else { back }),
        WeekdayMode::Next => {
            if ahead == 0 {
                7
            } else {
                ahead
            }
        }
        WeekdayMode::This => wd - pw,
    };
    add_days(published, delta)
}

/// The day with weekday `wd` and day-of-month `dom` nearest to publication (within about a
/// year): "this Friday (25)".
pub(super) fn resolve_weekday_with_dom(published: Days, wd: u32, dom: u32) -> Option<Days> {
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
