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

mod calendar;
mod recognize;
mod resolve;
mod words;

use calendar::*;
pub use calendar::{civil_from_days, days_from_civil, iso, parse_iso_day, weekday};
pub use recognize::recognize;
use resolve::*;
use words::*;

#[cfg(test)]
mod tests;
