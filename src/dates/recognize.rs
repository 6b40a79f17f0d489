//! The recogniser: candidates proposed token by token by small matchers, the longest
//! kept per sentence.

use super::*;
use crate::context::DocContext;
use crate::lexicon::{FxHashMap, FxHashSet};
use crate::model::{Days, Geo, Label, Mention, MentionSource, Sentence, Token, TokenKind};

// ---------------------------------------------------------------------------------------------
// The recogniser.
// ---------------------------------------------------------------------------------------------

/// A candidate over local token indices `[start, end)` of one sentence.
#[derive(Debug, Clone)]
pub(super) struct DateSpan {
    start: usize,
    end: usize,
    label: Label,
    value: Option<String>,
}

impl DateSpan {
    fn date(start: usize, end: usize, value: Option<String>) -> Self {
        DateSpan { start, end, label: Label::Date, value }
    }
    fn time(start: usize, end: usize, value: Option<String>) -> Self {
        DateSpan { start, end, label: Label::Time, value }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Tense {
    Future,
    Past,
}

/// One sentence's tokens with their lower-case forms and tense markers.
pub(super) struct DateSentence<'a> {
    toks: &'a [Token],
    /// The tokens' texts and lowercase forms (computed once for the document).
    words: &'a [&'a str],
    lowers: &'a [&'a str],
    published: Option<Days>,
    /// Prefix sums of a token "distance" in which clause punctuation counts triple, and the
    /// tense markers: made at the first question of tense (`future_at`), which few
    /// sentences ask.
    tense: std::cell::OnceCell<TenseMarks>,
}

/// Clause distance prefix sums and tense markers (index, tense) of one sentence.
type TenseMarks = (Vec<u32>, Vec<(usize, Tense)>);

impl<'a> DateSentence<'a> {
    /// The sentence of `ctx` whose tokens are `base..base + toks.len()`.
    pub(super) fn new(ctx: &'a DocContext<'a>, base: usize, toks: &'a [Token], published: Option<Days>) -> Self {
        let range = base..base + toks.len();
        let (words, lowers) = (ctx.token_texts(range.clone()), ctx.lowers(range));
        DateSentence { toks, words, lowers, published, tense: std::cell::OnceCell::new() }
    }

    /// The clause distance prefix sums and the tense markers.
    fn tense(&self) -> &TenseMarks {
        self.tense.get_or_init(|| {
            let mut reach = Vec::with_capacity(self.toks.len() + 1);
            reach.push(0u32);
            for t in self.toks {
                let cost = match t.kind {
                    TokenKind::Word | TokenKind::Number => 1,
                    TokenKind::Punct | TokenKind::Quote => 3,
                };
                let last = reach.last().copied().unwrap_or(0);
                reach.push(last.saturating_add(cost));
            }
            (reach, self.find_tense_markers())
        })
    }

    fn len(&self) -> usize {
        self.toks.len()
    }
    fn word(&self, i: usize) -> &'a str {
        self.words.get(i).copied().unwrap_or("")
    }
    fn low(&self, i: usize) -> &'a str {
        self.lowers.get(i).copied().unwrap_or("")
    }
    /// Lower-case word `k` tokens before `i` ("" before the sentence start).
    fn low_back(&self, i: usize, k: usize) -> &str {
        i.checked_sub(k).map_or("", |j| self.low(j))
    }
    fn is_number(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == TokenKind::Number)
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
                || (matches!(w, "plans" | "plan" | "planned" | "planning" | "intends" | "expected") && next == "to");
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
        let reach = &self.tense().0;
        let r = |i: usize| reach.get(i).copied().unwrap_or(0);
        r(hi).saturating_sub(r(lo + 1)) + 1
    }

    /// Is the token at `i` in a future-tense clause? The nearest tense marker decides (clause
    /// punctuation counts as distance), ties going to the future marker.
    fn future_at(&self, i: usize) -> bool {
        // Only markers within a clause-sized window count (and long sentences stay linear).
        const WINDOW: usize = 30;
        let markers = &self.tense().1;
        let lo = markers.partition_point(|(j, _)| *j + WINDOW < i);
        let hi = markers.partition_point(|(j, _)| *j <= i + WINDOW);
        let near = markers.get(lo..hi).unwrap_or(&[]);
        let nearest = |tense: Tense| near.iter().filter(|(_, t)| *t == tense).map(|(j, _)| self.distance(i, *j)).min();
        match (nearest(Tense::Future), nearest(Tense::Past)) {
            (Some(f), Some(p)) => f <= p,
            (Some(_), None) => true,
            _ => false,
        }
    }

    /// All candidates of the sentence, overlapping ones included.
    fn candidates(&self) -> Vec<DateSpan> {
        let mut out = Vec::new();
        // One recogniser after another into `out`: no array of 15 candidates per token.
        for i in 0..self.len() {
            if self.may_anchor(i) {
                self.candidates_at(i, &mut out);
            }
        }
        out
    }

    /// The candidates anchored at token `i`, into `out`.
    pub(super) fn candidates_at(&self, i: usize, out: &mut Vec<DateSpan>) {
        out.extend(self.numeric_date(i));
        out.extend(self.month_first(i));
        out.extend(self.day_first(i));
        out.extend(self.hyphen_mid(i));
        out.extend(self.weekday_at(i));
        out.extend(self.night_into(i));
        out.extend(self.relative(i));
        // One count read for both recognisers that start with one.
        let count = self.count_at(i);
        out.extend(self.count_ago(i, count));
        out.extend(self.unit_later(i));
        out.extend(self.duration(i, count));
        out.extend(self.the_past_units(i));
        out.extend(self.holiday(i));
        out.extend(self.year_at(i));
        out.extend(self.decade(i));
        out.extend(self.clock(i));
        out.extend(self.named_time(i));
    }

    /// May a recogniser of `candidates_at` anchor at token `i`? Every one of them wants a
    /// digit, "mid-", or one of a few words there ([`anchor_words`]): other words (nearly all
    /// tokens) and punctuation are ruled out by their first byte and one lookup, before
    /// fifteen recognisers are asked in turn (`tests::the_anchor_test_skips_no_date` checks
    /// that nothing it rules out was a candidate).
    pub(super) fn may_anchor(&self, i: usize) -> bool {
        let Some(&first) = self.word(i).as_bytes().first() else { return false };
        if first.is_ascii_alphabetic() {
            let w = self.low(i);
            // (a byte test: a short word is not worth a substring search)
            return w.as_bytes().contains(&b'-') || anchor_words().contains(w);
        }
        // Digits go on; punctuation and other scripts (no month, weekday, holiday or number
        // word opens with a letter outside ASCII) anchor nothing.
        first.is_ascii_digit()
    }

    /// Non-overlapping candidates: longest first, then leftmost.
    fn select(&self, mut cands: Vec<DateSpan>) -> Vec<DateSpan> {
        let span = |c: &DateSpan| {
            let s = self.toks.get(c.start).map_or(0, |t| t.start);
            let e = self.toks.get(c.end.saturating_sub(1)).map_or(0, |t| t.end);
            e.saturating_sub(s)
        };
        cands.retain(|c| c.start < c.end && c.end <= self.len());
        if cands.is_empty() {
            return cands;
        }
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
    fn numeric_date(&self, i: usize) -> Option<DateSpan> {
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
            return Some(DateSpan::date(i, i + 1, to_days(days_from_civil_i64(y, m, d)).map(iso)));
        }
        if dash.len() == 2 {
            // "2014-2022", "1980-88": an ISO interval of years.
            let a = year_num(dash[0], NEWS_YEAR)?;
            let b = match dash[1].len() {
                2 if all_digits(dash[1]) => a - a % 100 + dash[1].parse::<i64>().ok()?,
                _ => year_num(dash[1], NEWS_YEAR)?,
            };
            return (a < b).then(|| DateSpan::date(i, i + 1, Some(format!("{a:04}/{b:04}"))));
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
        Some(DateSpan::date(i, i + 1, to_days(days_from_civil_i64(y, m, d)).map(iso)))
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
            (None, Some(p), Some(wd)) => {
                resolve_month_day_weekday(p, m, d, wd).or_else(|| resolve_month_day(p, m, d, self.future_at(at)))
            }
            (None, Some(p), None) => resolve_month_day(p, m, d, self.future_at(at)),
            (None, None, _) => None,
        };
        days.map(iso)
    }

    /// A day-and-month date with an optional leading weekday; `start` is the first token of the
    /// day/month core, `end` the token after it.
    fn day_cand(&self, start: usize, end: usize, m: u32, d: u32) -> Option<DateSpan> {
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
        Some(DateSpan::date(start, end, self.day_value(start, m, d, year, wd)))
    }

    /// A range of days at `j`: "13-14" or "13 - 14". Returns (first, last, index after).
    fn day_range_at(&self, j: usize) -> Option<(u32, u32, usize)> {
        // A day starts with a digit: words (nearly all tokens) go no further.
        if !self.word(j).starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let (a, b, end) = match self.word(j).split_once('-') {
            Some((a, b)) => (day_num(a)?, day_num(b)?, j + 1),
            None if self.word(j + 1) == "-" => (day_num(self.word(j))?, day_num(self.word(j + 2))?, j + 3),
            None => return None,
        };
        (a < b).then_some((a, b, end))
    }

    /// "September 13-14, 2022", "5-6 April 2016": the value is an ISO interval
    /// ("2022-09-13/2022-09-14").
    fn range_cand(&self, start: usize, end: usize, m: u32, first: u32, last: u32) -> Option<DateSpan> {
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
        Some(DateSpan::date(start, end, value))
    }

    /// Dates led by a month name: "September 13", "Sept. 13, 2022", "September 2022",
    /// "in September", "early September", "last September".
    fn month_first(&self, i: usize) -> Option<DateSpan> {
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
            return Some(DateSpan::date(start, i + 2, Some(month_value(y, m))));
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
        Some(DateSpan::date(start, i + 1, value))
    }

    /// Dates led by the day: "13 September", "13th of September 2022", "the 24th of February".
    fn day_first(&self, i: usize) -> Option<DateSpan> {
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
                if self.low_back(i, 3) == "the" {
                    i - 3
                } else {
                    i - 2
                }
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
        JOINERS.contains(&prev) && (2..=4).any(|k| i.checked_sub(k).is_some_and(|j| is_same_kind(self.word(j))))
    }

    /// "mid-September", "mid-2022".
    fn hyphen_mid(&self, i: usize) -> Option<DateSpan> {
        let w = self.word(i);
        let rest = w.get(..4).filter(|p| p.eq_ignore_ascii_case("mid-")).and_then(|_| w.get(4..))?;
        if let Some(y) = year_num(rest, NEWS_YEAR) {
            return Some(DateSpan::date(i, i + 1, Some(format!("{y:04}"))));
        }
        let Some((m, false)) = month_of(rest) else { return None };
        if let Some(y) = year_num(self.word(i + 1), ANY_YEAR) {
            return Some(DateSpan::date(i, i + 2, Some(month_value(y, m))));
        }
        let value = self.published.map(|p| resolve_month(p, m, MonthMode::Bare, self.future_at(i)));
        Some(DateSpan::date(i, i + 1, value))
    }

    /// "in 2014", "since 2014", "early 2014", "the end of 2022", "from 2014 to 2016";
    /// a sentence-opening "2014, ...". Not counts ("2014 soldiers").
    fn year_at(&self, i: usize) -> Option<DateSpan> {
        if !self.is_number(i) {
            return None;
        }
        let y = year_num(self.word(i), NEWS_YEAR)?;
        let opening =
            (i == 0 || self.toks.get(i - 1).is_some_and(|t| t.kind == TokenKind::Quote)) && self.low(i + 1) == ",";
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
        Some(DateSpan::date(start, i + 1, Some(format!("{y:04}"))))
    }

    /// "the 2014 annexation", "a 2008 raid", "the 1991 Gulf War": a year used as an adjective
    /// before a name or an event noun (not "the 2000 troops").
    fn year_names_an_event(&self, j: usize) -> bool {
        const EVENT_NOUNS: &[&str] = &[
            "war",
            "election",
            "elections",
            "invasion",
            "annexation",
            "raid",
            "attack",
            "attacks",
            "summit",
            "crisis",
            "revolution",
            "uprising",
            "offensive",
            "counteroffensive",
            "counter-offensive",
            "campaign",
            "agreement",
            "deal",
            "accord",
            "accords",
            "referendum",
            "protests",
            "budget",
            "report",
            "law",
            "constitution",
            "census",
            "vote",
            "ceasefire",
            "truce",
            "talks",
            "coup",
            "massacre",
            "bombing",
            "crackdown",
            "conflict",
            "occupation",
            "olympics",
            "season",
            "presidential",
            "parliamentary",
            "general",
            "midterm",
            "midterms",
            "race",
            "memorandum",
            "treaty",
            "incursion",
            "siege",
            "earthquake",
            "floods",
            "games",
        ];
        let w = self.word(j);
        self.toks.get(j).is_some_and(|t| t.kind == TokenKind::Word)
            && (w.chars().next().is_some_and(char::is_uppercase) || EVENT_NOUNS.contains(&self.low(j)) || w == "'s")
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
    fn decade(&self, i: usize) -> Option<DateSpan> {
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
        Some(DateSpan::date(start, i + 1, None))
    }

    // ----- weekdays and relative expressions -------------------------------------------------

    /// "Tuesday", "late on Thursday", "last Tuesday", "next Monday", "this Friday (25)",
    /// "Thursday night".
    fn weekday_at(&self, i: usize) -> Option<DateSpan> {
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
        Some(DateSpan::date(start, end, value.map(iso)))
    }

    /// "the night of November 2 to 3", "the night of 4-5 May", "the night of Tuesday into
    /// Wednesday": a night is dated by the morning it ends in, as "overnight" is by the day
    /// it leads into (strikes reported at dawn are that day's). Anchored at the first day.
    fn night_into(&self, i: usize) -> Option<DateSpan> {
        if self.low_back(i, 1) != "of" || self.low_back(i, 2) != "night" {
            return None;
        }
        let start = if self.low_back(i, 3) == "the" { i - 3 } else { i - 2 };
        let joins = |j: usize| matches!(self.low(j), "to" | "into" | "-" | "–");
        if let Some(first) = weekday_of(self.word(i)) {
            if !joins(i + 1) || weekday_of(self.word(i + 2)) != Some((first + 1) % 7) {
                return None;
            }
            let value = self.weekday_at(i + 2)?.value;
            return Some(DateSpan::date(start, i + 3, value));
        }
        // the second day and the token after the whole date
        let (m, last, end) = if let Some((m, _)) = month_of(self.word(i)) {
            // "November 2 to 3", "November 2-3"
            match self.day_range_at(i + 1) {
                Some((_, b, end)) => (m, b, end),
                None if day_num(self.word(i + 1)).is_some() && joins(i + 2) => (m, day_num(self.word(i + 3))?, i + 4),
                None => return None,
            }
        } else {
            // "2 to 3 November", "4-5 May"
            let (b, after) = match self.day_range_at(i) {
                Some((_, b, end)) => (b, end),
                None if day_num(self.word(i)).is_some() && joins(i + 1) => (day_num(self.word(i + 2))?, i + 3),
                None => return None,
            };
            (month_of(self.word(after))?.0, b, after + 1)
        };
        let c = self.day_cand(i, end, m, last)?;
        Some(DateSpan::date(start, c.end, c.value))
    }

    /// Fixed phrases relative to publication: today, yesterday, last night, last week, ...
    fn relative(&self, i: usize) -> Option<DateSpan> {
        use Rel::*;
        // The first word decides: only the phrases that open with it are walked (in their
        // order, so the longest, the last of equals, is the same one), not all 64.
        let phrases = relative_phrases_by_first().get(self.low(i))?;
        let (words, rel) = phrases
            .iter()
            .map(|&p| &RELATIVE_PHRASES[p])
            .filter(|(ws, _)| ws.iter().enumerate().skip(1).all(|(k, w)| self.low(i + k) == *w))
            .max_by_key(|(ws, _)| ws.len())?;
        // "USA Today", "Russia Today": a capitalised "Today" after a name is a title.
        let capital = self.word(i).chars().next().is_some_and(char::is_uppercase);
        let after_name = i > 0
            && self.toks.get(i - 1).is_some_and(|t| t.kind == TokenKind::Word)
            && self.word(i - 1).chars().next().is_some_and(char::is_uppercase);
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
        Some(DateSpan::date(start, end, value))
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

    /// `count` is `count_at(i)`.
    fn count_ago(&self, i: usize, count: Option<(Option<i64>, usize)>) -> Option<DateSpan> {
        let (count, j) = count?;
        let unit = self.low(j).trim_end_matches('s');
        let direction = self.low(j + 1);
        if !matches!(direction, "ago" | "later" | "earlier") {
            return None;
        }
        let label_time = matches!(unit, "hour" | "minute");
        if label_time {
            return Some(DateSpan::time(i, j + 2, None));
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
        Some(DateSpan::date(i, j + 2, value))
    }

    /// Durations: "two years", "12 months", "24 hours" (TIME), with no value. Not after "a"
    /// ("once a week", "a day of mourning").
    /// `count` is `count_at(i)`.
    fn duration(&self, i: usize, count: Option<(Option<i64>, usize)>) -> Option<DateSpan> {
        if matches!(self.low(i), "a" | "an") && !matches!(self.low(i + 1), "few" | "couple") {
            return None;
        }
        let (_, j) = count?;
        match self.low(j) {
            "day" | "days" | "week" | "weeks" | "month" | "months" | "year" | "years" | "decade" | "decades" => {
                Some(DateSpan::date(i, j + 1, None))
            }
            "hour" | "hours" | "minute" | "minutes" => Some(DateSpan::time(i, j + 1, None)),
            _ => None,
        }
    }

    /// "the past 24 hours", "the last two weeks", "the next few days", "the coming months".
    fn the_past_units(&self, i: usize) -> Option<DateSpan> {
        if self.low(i) != "the"
            || !matches!(self.low(i + 1), "past" | "last" | "next" | "coming" | "previous" | "following")
        {
            return None;
        }
        let j = self.count_at(i + 2).map_or(i + 2, |(_, j)| j);
        match self.low(j) {
            "days" | "weeks" | "months" | "years" | "decades" | "day" | "week" | "month" | "year"
                if j > i + 2 || self.low(j).ends_with('s') =>
            {
                Some(DateSpan::date(i, j + 1, None))
            }
            "hours" | "minutes" => Some(DateSpan::time(i, j + 1, None)),
            _ => None,
        }
    }

    /// Holidays: "Christmas", "Orthodox Christmas", "New Year's Eve", "Easter", "Ramadan".
    /// Fixed-date ones get a value like a day without a year.
    fn holiday(&self, i: usize) -> Option<DateSpan> {
        let first = self.word(i);
        // Every holiday's first word is capitalised: most tokens are not compared at all.
        if !first.starts_with(|c: char| c.is_ascii_uppercase()) {
            return None;
        }
        let (words, fixed) = HOLIDAYS
            .iter()
            .filter(|(ws, _)| ws[0] == first && ws.iter().enumerate().skip(1).all(|(k, w)| self.word(i + k) == *w))
            .max_by_key(|(ws, _)| ws.len())?;
        let end = i + words.len();
        // "Easter Island", "Independence Day Parade": part of a longer name.
        if self.toks.get(end).is_some_and(|t| t.kind == TokenKind::Word)
            && self.word(end).chars().next().is_some_and(char::is_uppercase)
        {
            return None;
        }
        let start = if matches!(self.low_back(i, 1), "this" | "last" | "next") { i - 1 } else { i };
        let value = match (fixed, self.published) {
            (Some((m, d)), Some(p)) => resolve_month_day(p, *m, *d, self.future_at(i)).map(iso),
            _ => None,
        };
        Some(DateSpan::date(start, end, value))
    }

    /// "days later", "weeks earlier", "years ago" (no count: no value).
    fn unit_later(&self, i: usize) -> Option<DateSpan> {
        let unit = self.low(i);
        if !matches!(self.low(i + 1), "ago" | "later" | "earlier") {
            return None;
        }
        match unit {
            "days" | "weeks" | "months" | "years" | "decades" => Some(DateSpan::date(i, i + 2, None)),
            "hours" | "minutes" => Some(DateSpan::time(i, i + 2, None)),
            _ => None,
        }
    }

    // ----- times -----------------------------------------------------------------------------

    /// "10 a.m.", "10am", "14:30", "3:15 p.m.", "10.30pm", "0700 GMT", "10 o'clock",
    /// with a following time zone or "local time" in the span.
    fn clock(&self, i: usize) -> Option<DateSpan> {
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
        Some(DateSpan::time(i, end, Some(clock_value(h, m))))
    }

    /// "noon", "midnight", "midday"; "dawn"/"dusk" after a preposition ("at dawn").
    fn named_time(&self, i: usize) -> Option<DateSpan> {
        match self.low(i) {
            "noon" | "midday" => Some(DateSpan::time(i, i + 1, Some(clock_value(12, 0)))),
            "midnight" => Some(DateSpan::time(i, i + 1, Some(clock_value(0, 0)))),
            w if TWILIGHT.contains(&w) && TIME_PREPOSITIONS.contains(&self.low_back(i, 1)) => {
                Some(DateSpan::time(i, i + 1, None))
            }
            _ => None,
        }
    }
}

/// What a relative phrase says of its day, week, month or year.
#[derive(Clone, Copy)]
enum Rel {
    Day(i64),
    Week(i64),
    Month(i64),
    Year(i64),
    Vague,
}

/// Fixed phrases relative to publication (see `DateSentence::relative`).
const RELATIVE_PHRASES: &[(&[&str], Rel)] = &[
    (&["today"], Rel::Day(0)),
    (&["tonight"], Rel::Day(0)),
    (&["overnight"], Rel::Day(0)),
    (&["yesterday"], Rel::Day(-1)),
    (&["tomorrow"], Rel::Day(1)),
    (&["the", "day", "before", "yesterday"], Rel::Day(-2)),
    (&["the", "day", "after", "tomorrow"], Rel::Day(2)),
    (&["last", "night"], Rel::Day(-1)),
    (&["this", "morning"], Rel::Day(0)),
    (&["this", "afternoon"], Rel::Day(0)),
    (&["this", "evening"], Rel::Day(0)),
    (&["earlier", "today"], Rel::Day(0)),
    (&["later", "today"], Rel::Day(0)),
    (&["last", "week"], Rel::Week(-1)),
    (&["this", "week"], Rel::Week(0)),
    (&["next", "week"], Rel::Week(1)),
    (&["earlier", "this", "week"], Rel::Week(0)),
    (&["later", "this", "week"], Rel::Week(0)),
    (&["last", "month"], Rel::Month(-1)),
    (&["this", "month"], Rel::Month(0)),
    (&["next", "month"], Rel::Month(1)),
    (&["earlier", "this", "month"], Rel::Month(0)),
    (&["later", "this", "month"], Rel::Month(0)),
    (&["last", "year"], Rel::Year(-1)),
    (&["this", "year"], Rel::Year(0)),
    (&["next", "year"], Rel::Year(1)),
    (&["earlier", "this", "year"], Rel::Year(0)),
    (&["later", "this", "year"], Rel::Year(0)),
    (&["last", "weekend"], Rel::Vague),
    (&["this", "weekend"], Rel::Vague),
    (&["next", "weekend"], Rel::Vague),
    (&["the", "weekend"], Rel::Vague),
    (&["the", "past", "week"], Rel::Vague),
    (&["the", "past", "month"], Rel::Vague),
    (&["the", "past", "year"], Rel::Vague),
    (&["the", "last", "week"], Rel::Vague),
    (&["the", "last", "month"], Rel::Vague),
    (&["the", "last", "year"], Rel::Vague),
    (&["the", "next", "day"], Rel::Vague),
    (&["the", "next", "morning"], Rel::Vague),
    (&["the", "following", "day"], Rel::Vague),
    (&["the", "following", "morning"], Rel::Vague),
    (&["the", "following", "week"], Rel::Vague),
    (&["the", "previous", "day"], Rel::Vague),
    (&["the", "previous", "night"], Rel::Vague),
    (&["the", "previous", "week"], Rel::Vague),
    (&["the", "same", "day"], Rel::Vague),
    (&["later", "in", "the", "day"], Rel::Vague),
    (&["earlier", "in", "the", "day"], Rel::Vague),
    (&["later", "that", "day"], Rel::Vague),
    (&["earlier", "that", "day"], Rel::Vague),
    (&["recent", "days"], Rel::Vague),
    (&["recent", "weeks"], Rel::Vague),
    (&["recent", "months"], Rel::Vague),
    (&["the", "coming", "days"], Rel::Vague),
    (&["the", "coming", "weeks"], Rel::Vague),
    (&["the", "coming", "months"], Rel::Vague),
    (&["the", "end", "of", "the", "week"], Rel::Week(0)),
    (&["the", "end", "of", "the", "month"], Rel::Month(0)),
    (&["the", "end", "of", "the", "year"], Rel::Year(0)),
    (&["the", "start", "of", "the", "year"], Rel::Year(0)),
    (&["the", "beginning", "of", "the", "year"], Rel::Year(0)),
];

/// The holiday's words and its (month, day) when the date is fixed.
type Holiday = (&'static [&'static str], Option<(u32, u32)>);
/// Holidays, with their (month, day) when the date is fixed (see `DateSentence::holiday`).
const HOLIDAYS: &[Holiday] = &[
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

/// The words, in lower case, at which a recogniser may anchor (besides digits and words
/// with a hyphen): month and weekday names, holidays' and relative phrases' first words,
/// number words and [`LOWER_ANCHORS`].
fn anchor_words() -> &'static FxHashSet<&'static str> {
    static WORDS: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set: FxHashSet<&'static str> = FxHashSet::default();
        set.extend(LOWER_ANCHORS);
        set.extend(MONTHS);
        set.extend(WEEKDAYS);
        set.extend(number_words());
        set.extend(relative_first_words());
        for (a, _) in MONTH_ABBREVIATIONS {
            set.insert(a);
            set.insert(String::leak(format!("{a}.")));
        }
        for (ws, _) in HOLIDAYS {
            set.insert(String::leak(ws[0].to_lowercase()));
        }
        set
    })
}

/// The indices of [`RELATIVE_PHRASES`] by their first word, in the list's order.
fn relative_phrases_by_first() -> &'static FxHashMap<&'static str, Vec<usize>> {
    static BY_FIRST: std::sync::OnceLock<FxHashMap<&str, Vec<usize>>> = std::sync::OnceLock::new();
    BY_FIRST.get_or_init(|| {
        let mut map: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
        for (p, (ws, _)) in RELATIVE_PHRASES.iter().enumerate() {
            map.entry(ws[0]).or_default().push(p);
        }
        map
    })
}

/// The first words of [`RELATIVE_PHRASES`], sorted.
fn relative_first_words() -> &'static [&'static str] {
    static FIRST_WORDS: std::sync::OnceLock<Vec<&str>> = std::sync::OnceLock::new();
    FIRST_WORDS.get_or_init(|| {
        let mut v: Vec<&str> = RELATIVE_PHRASES.iter().map(|(ws, _)| ws[0]).collect();
        v.sort_unstable();
        v.dedup();
        v
    })
}

/// DATE and TIME mentions of the document, sorted by start, never overlapping.
pub fn recognize(ctx: &DocContext) -> Vec<Mention> {
    // A wire dateline ("KYIV, March 9 (Reuters) -") says which day the story speaks from; its
    // "on Thursday" is the Thursday before that day, which may differ from the publication
    // date by a day or more. The dateline itself resolves against the publication date.
    let dateline = ctx.dateline_sentence();
    let dateline_dates = dateline
        .and_then(|i| ctx.seg.sentences.get(i))
        .map(|s| sentence_dates(ctx, s, ctx.published))
        .unwrap_or_default();
    let reference = dateline_dates.iter().find_map(|m| m.value.as_deref().and_then(parse_iso_day)).or(ctx.published);
    let mut out = Vec::new();
    for (i, s) in ctx.seg.sentences.iter().enumerate() {
        if Some(i) != dateline {
            out.extend(sentence_dates(ctx, s, reference));
        }
    }
    out.extend(dateline_dates);
    out.sort_by_key(|m| (m.start, m.end));
    out
}

/// The DATE and TIME mentions of one sentence, relative ones resolved against `reference`.
fn sentence_dates(ctx: &DocContext, s: &Sentence, reference: Option<Days>) -> Vec<Mention> {
    let mut out = Vec::new();
    let Some(toks) = ctx.seg.tokens.get(s.tok_start..s.tok_end) else {
        return out;
    };
    let view = DateSentence::new(ctx, s.tok_start, toks, reference);
    for c in view.select(view.candidates()) {
        let (Some(first), Some(last)) = (toks.get(c.start), toks.get(c.end.wrapping_sub(1))) else {
            continue;
        };
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
    out
}
