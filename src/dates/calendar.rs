//! Calendar arithmetic: proleptic Gregorian days since 1970-01-01, overflow-free, and the
//! ISO forms of days, weeks and months.

use crate::model::Days;

// ---------------------------------------------------------------------------------------------
// Calendar arithmetic (proleptic Gregorian, days since 1970-01-01), overflow-free.
// ---------------------------------------------------------------------------------------------

/// Days since 1970-01-01 in i64 (Howard Hinnant's algorithm); `m` is clamped to 1..=12 and an
/// out-of-range day simply rolls over (Feb 30 = Mar 2), as in `mktime`.
pub(super) fn days_from_civil_i64(y: i64, m: u32, d: u32) -> i64 {
    let m = m.clamp(1, 12) as i64;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

pub(super) fn civil_from_days_i64(z: i64) -> (i64, u32, u32) {
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

pub(super) fn to_days(v: i64) -> Option<Days> {
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
        if s.bytes().all(|c| c.is_ascii_digit()) {
            s.parse().ok()
        } else {
            None
        }
    };
    let (y, m, d) = (digits(0..4)?, digits(5..7)?, digits(8..10)?);
    valid_day(y as i64, m, d).then(|| to_days(days_from_civil_i64(y as i64, m, d))).flatten()
}

pub(super) fn is_leap(y: i64) -> bool {
    y.rem_euclid(4) == 0 && (y.rem_euclid(100) != 0 || y.rem_euclid(400) == 0)
}

pub(super) fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

pub(super) fn valid_day(y: i64, m: u32, d: u32) -> bool {
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)
}

/// A day and month that exist in some year (Feb 29 included).
pub(super) fn valid_day_any_year(m: u32, d: u32) -> bool {
    valid_day(2000, m, d)
}

/// ISO 8601 week of a day: "2022-W36".
pub(super) fn iso_week(days: Days) -> String {
    let d = days as i64;
    let thursday = d - (d + 3).rem_euclid(7) + 3;
    let (iso_year, _, _) = civil_from_days_i64(thursday);
    let week = (thursday - days_from_civil_i64(iso_year, 1, 1)) / 7 + 1;
    format!("{iso_year:04}-W{week:02}")
}

pub(super) fn month_value(y: i64, m: u32) -> String {
    format!("{y:04}-{m:02}")
}

/// Month number of a day, counted from year 0 (for month arithmetic).
pub(super) fn month_index(days: Days) -> i64 {
    let (y, m, _) = civil_from_days_i64(days as i64);
    y * 12 + (m as i64 - 1)
}

pub(super) fn month_value_of_index(idx: i64) -> String {
    month_value(idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u32)
}

pub(super) fn add_days(base: Days, delta: i64) -> Option<Days> {
    to_days(base as i64 + delta)
}
