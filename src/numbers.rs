//! Numbers: CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY mentions with normalised values.
//!
//! The scanner works on the tokens of one sentence at a time. A number phrase is
//! `[modifier] [currency] core [scale] [percent | currency word | unit]`, where the core is
//! digits ("5", "1,200", "3.6", "1.5bn", "21st"), number words ("twenty-one", "a hundred",
//! "two dozen", "half a million"), ordinal words ("first") or a vague plural ("dozens",
//! "tens of thousands"; value None).
//!
//! `value` is always the bare number as a decimal string ("3600000", "0.5", "12.5"), so that
//! every numeric label can be cast to a float column. The currency of MONEY and the unit of
//! QUANTITY are not in `value`: they stay visible in the mention's text ("$2 billion" → value
//! "2000000000"; "300 km" → "300"). Modifiers such as "at least" or "more than" belong to the
//! span (as in OntoNotes) but not to the value.
//!
//! Ranges: a glued digit range ("10-12 people") is one CARDINAL whose value is its lower
//! bound; word ranges ("between 10 and 15") stay two numbers, and the event stage counts
//! the lower one.
//!
//! Dates and times belong to `dates`: years (1900–2100 on their own), day numbers next to a
//! month name, clock times and durations ("five days") are skipped here.
use crate::context::DocContext;
use crate::lexicon::{FxHashSet, WordClass};
use crate::model::{Label, Mention, MentionSource, TokenKind};

/// One number phrase found in the tokens.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberPhrase {
    /// Token range `[start_tok, end_tok)`, modifier included.
    pub start_tok: usize,
    pub end_tok: usize,
    /// First token of the number itself (after the modifier and currency sign).
    pub core_tok: usize,
    /// Byte span in the text.
    pub start: usize,
    pub end: usize,
    /// None for vague amounts ("dozens", "thousands of").
    pub value: Option<f64>,
    pub label: Label,
}

pub fn recognize(ctx: &DocContext) -> Vec<Mention> {
    mentions(&scan_document(ctx))
}

/// The number phrases of every sentence, in order: what [`recognize`] reports and the events
/// stage reads ([`crate::events::extract_with_numbers`]), scanned once.
pub fn scan_document(ctx: &DocContext) -> Vec<Vec<NumberPhrase>> {
    ctx.seg.sentences.iter().map(|s| scan_sentence(ctx, s.tok_start, s.tok_end)).collect()
}

/// The mentions of the number phrases of [`scan_document`].
pub fn mentions(sentences: &[Vec<NumberPhrase>]) -> Vec<Mention> {
    let mut out = Vec::new();
    for (si, phrases) in sentences.iter().enumerate() {
        for p in phrases.iter().cloned() {
            out.push(Mention {
                start: p.start,
                end: p.end,
                sentence: si as u32,
                label: p.label,
                canonical: None,
                entity_id: None,
                role: None,
                geo: Default::default(),
                value: p.value.map(format_value),
                source: MentionSource::Rule,
            });
        }
    }
    out
}

/// All number phrases in the token range `[t0, t1)` (one sentence), dates and times left out.
pub fn scan_sentence(ctx: &DocContext, t0: usize, t1: usize) -> Vec<NumberPhrase> {
    let t1 = t1.min(ctx.seg.tokens.len());
    let mut out = Vec::new();
    let mut i = t0;
    while i < t1 {
        match phrase_at(ctx, i, t1) {
            Some(p) => {
                let next = p.end_tok.max(i + 1);
                if !looks_like_date_or_time(ctx, &p, t0, t1) {
                    out.push(p);
                }
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The value of a number phrase written out: "1,200", "3.6 million", "twenty-one",
/// "a hundred", "a dozen", "1.5bn", "£3m", "at least 5". None for vague or unknown phrases.
pub fn parse_number(s: &str) -> Option<f64> {
    let lower = s.trim().to_lowercase();
    let mut words: Vec<&str> = lower
        .split(|c: char| c.is_whitespace())
        .flat_map(|w| split_hyphenated(w))
        .map(|w| w.trim_matches(|c: char| matches!(c, ',' | '.' | ';' | ':' | '(' | ')')))
        .filter(|w| !w.is_empty())
        .collect();
    // Leading modifiers and currency signs carry no value.
    let mut k = 0;
    while k < words.len() {
        let rest = &words[k..];
        if let Some(n) = MODIFIERS.iter().find_map(|m| starts_with_words(rest, m)) {
            k += n;
        } else {
            break;
        }
    }
    words.drain(..k);
    let mut pieces: Vec<String> = Vec::new();
    for w in words {
        let w = w.trim_start_matches(|c: char| CURRENCY_SIGNS.contains(&c)).trim_start_matches("us$");
        let w = w.trim_end_matches('%');
        if w.is_empty() {
            continue;
        }
        if w.starts_with(|c: char| c.is_ascii_digit()) {
            let (num, rest) = split_digit_prefix(w);
            if rest.starts_with(|c: char| !c.is_alphabetic() && c != '-') {
                return None; // "10:30", "13/09": times and dates
            }
            pieces.push(num.to_string());
            let rest = rest.trim_start_matches('-');
            if !rest.is_empty() {
                if scale_abbrev(rest).is_some() || ordinal_suffix_ok(num, rest) {
                    pieces.push(rest.to_string());
                } else {
                    // a unit or anything else ends the number
                    break;
                }
            }
        } else {
            pieces.push(w.to_string());
        }
    }
    let refs: Vec<&str> = pieces.iter().map(String::as_str).collect();
    // Trailing words that are not numbers (units, currencies, nouns) are ignored.
    let n = refs.iter().take_while(|w| is_number_piece(w)).count();
    words_value(&refs[..n]).map(|(v, _)| v)
}

/// The value as a decimal string: integers without ".0", others with at most 6 decimals.
pub fn format_value(v: f64) -> String {
    if !v.is_finite() {
        return String::new();
    }
    let r = v.round();
    if (v - r).abs() <= 1e-9 * v.abs().max(1.0) && r.abs() < 1e18 {
        return format!("{}", r as i64);
    }
    let s = format!("{:.6}", v);
    s.trim_end_matches('0').trim_end_matches('.').to_string()
}

// ---------------------------------------------------------------------------------------
// Word lists

const SMALL: [(&str, u32); 20] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
];
const TENS: [(&str, u32); 8] = [
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
];
const ORDINALS: [(&str, u32); 30] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
    ("millionth", 1_000_000),
];
const SCALES: [(&str, f64); 5] =
    [("hundred", 1e2), ("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];
/// Plural amounts without a value: "dozens", "hundreds of", "tens of thousands".
const VAGUE: [&str; 7] = ["dozens", "scores", "hundreds", "thousands", "millions", "billions", "tens"];

/// Words before a number that belong to its span but not to its value.
const MODIFIERS: [&[&str]; 27] = [
    &["at", "least"],
    &["at", "most"],
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["no", "fewer", "than"],
    &["no", "less", "than"],
    &["no", "more", "than"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["close", "to"],
    &["just", "over"],
    &["just", "under"],
    &["well", "over"],
    &["upwards", "of"],
    &["an", "estimated"],
    &["about"],
    &["around"],
    &["nearly"],
    &["almost"],
    &["approximately"],
    &["roughly"],
    &["some"],
    &["over"],
    &["only"],
];

const CURRENCY_SIGNS: [char; 6] = ['$', '€', '£', '¥', '₴', '₽'];
const CURRENCY_CODES: [&str; 9] = ["usd", "eur", "gbp", "uah", "rub", "chf", "jpy", "cny", "pln"];
const CURRENCY_WORDS: [&str; 24] = [
    "dollars", "dollar", "euros", "euro", "pounds", "pound", "sterling", "hryvnias", "hryvnia", "hryvnas", "hryvna",
    "roubles", "rouble", "rubles", "ruble", "yuan", "yen", "francs", "rupees", "zlotys", "zloty", "lira", "liras",
    "dinars",
];

/// Units of QUANTITY, multiword first. Compared in lower case.
const UNITS: [&[&str]; 63] = [
    &["square", "kilometres"],
    &["square", "kilometers"],
    &["square", "kilometre"],
    &["square", "kilometer"],
    &["square", "km"],
    &["sq", "km"],
    &["square", "miles"],
    &["square", "mile"],
    &["square", "metres"],
    &["square", "meters"],
    &["cubic", "metres"],
    &["cubic", "meters"],
    &["km", "/", "h"],
    &["km"],
    &["kms"],
    &["km2"],
    &["kilometres"],
    &["kilometre"],
    &["kilometers"],
    &["kilometer"],
    &["miles"],
    &["mile"],
    &["metres"],
    &["metre"],
    &["meters"],
    &["meter"],
    &["cm"],
    &["mm"],
    &["ft"],
    &["feet"],
    &["inches"],
    &["tonnes"],
    &["tonne"],
    &["tons"],
    &["ton"],
    &["kg"],
    &["kilograms"],
    &["kilogram"],
    &["kilos"],
    &["grams"],
    &["lbs"],
    &["hectares"],
    &["hectare"],
    &["ha"],
    &["acres"],
    &["acre"],
    &["mw"],
    &["megawatts"],
    &["megawatt"],
    &["gw"],
    &["gigawatts"],
    &["kw"],
    &["kilowatts"],
    &["mwh"],
    &["gwh"],
    &["kwh"],
    &["barrels"],
    &["barrel"],
    &["bpd"],
    &["litres"],
    &["liters"],
    &["bcm"],
    &["mph"],
];

const TIME_UNITS: [&str; 22] = [
    "second",
    "seconds",
    "minute",
    "minutes",
    "hour",
    "hours",
    "day",
    "days",
    "week",
    "weeks",
    "month",
    "months",
    "year",
    "years",
    "decade",
    "decades",
    "century",
    "centuries",
    "night",
    "nights",
    "weekend",
    "weekends",
];
const CLOCK: [&str; 12] = ["a.m.", "p.m.", "a.m", "p.m", "am", "pm", "gmt", "utc", "cet", "eet", "bst", "o'clock"];

fn lookup<T: Copy>(table: &[(&str, T)], w: &str) -> Option<T> {
    table.iter().find(|(k, _)| *k == w).map(|(_, v)| *v)
}

fn scale_abbrev(w: &str) -> Option<f64> {
    match w {
        "k" => Some(1e3),
        "m" | "mn" | "mln" => Some(1e6),
        "bn" | "b" | "bln" => Some(1e9),
        "tn" | "trn" => Some(1e12),
        _ => None,
    }
}

fn scale_word(w: &str) -> Option<f64> {
    lookup(&SCALES, w)
}

fn is_month(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    let words = crate::lexicon::words();
    words.is(w, WordClass::Month) || words.is(w, WordClass::MonthAbbreviation)
}

fn is_unit_word(w: &str) -> bool {
    UNITS.iter().any(|u| u.len() == 1 && u[0] == w)
}

/// "twenty-one" → ["twenty", "one"]; other words unchanged.
fn split_hyphenated(w: &str) -> Vec<&str> {
    let parts: Vec<&str> = w.split('-').collect();
    if parts.len() > 1 && parts.iter().all(|p| is_number_word(p)) {
        parts
    } else {
        vec![w]
    }
}

/// Is `w` a number word, or number words joined by hyphens ("twenty-one")?
fn all_number_words(w: &str) -> bool {
    if w.as_bytes().contains(&b'-') {
        split_hyphenated(w).iter().all(|p| is_number_word(p))
    } else {
        is_number_word(w)
    }
}

fn is_number_word(w: &str) -> bool {
    number_word_set().contains(w)
}

/// The number words: `SMALL`, `TENS`, `ORDINALS`, `SCALES` and "dozen", in one set (asked
/// at every word that may start a number: one lookup, not 63 comparisons).
fn number_word_set() -> &'static FxHashSet<&'static str> {
    static WORDS: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set: FxHashSet<&'static str> = FxHashSet::default();
        set.extend(SMALL.iter().map(|(w, _)| *w));
        set.extend(TENS.iter().map(|(w, _)| *w));
        set.extend(ORDINALS.iter().map(|(w, _)| *w));
        set.extend(SCALES.iter().map(|(w, _)| *w));
        set.insert("dozen");
        set
    })
}

fn is_number_piece(w: &str) -> bool {
    is_number_word(w)
        || matches!(w, "and" | "a" | "an" | "half")
        || scale_abbrev(w).is_some()
        || matches!(w, "st" | "nd" | "rd" | "th")
        || w.starts_with(|c: char| c.is_ascii_digit())
}

fn starts_with_words(words: &[&str], phrase: &[&str]) -> Option<usize> {
    (words.len() >= phrase.len() && words.iter().zip(phrase).all(|(a, b)| a == b)).then_some(phrase.len())
}

fn ordinal_suffix_ok(num: &str, suffix: &str) -> bool {
    if !matches!(suffix, "st" | "nd" | "rd" | "th") || !num.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let n: u64 = num.parse().unwrap_or(0);
    let expected = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    suffix == expected
}

/// "1,200" / "3.6" / "12" as a number; None for times, dates, ranges ("10:30", "5-10").
fn parse_digits(s: &str) -> Option<f64> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
        return None;
    }
    if s.bytes().filter(|&b| b == b'.').count() > 1 || s.starts_with(',') || s.ends_with(',') {
        return None;
    }
    let cleaned: String = s.chars().filter(|&c| c != ',').collect();
    cleaned.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// Split "1.5bn" into ("1.5", "bn"); "21st" into ("21", "st").
fn split_digit_prefix(w: &str) -> (&str, &str) {
    let cut = w.find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.')).unwrap_or(w.len());
    let mut num = &w[..cut];
    let mut cut2 = cut;
    while num.ends_with(['.', ',']) {
        num = &num[..num.len() - 1];
        cut2 -= 1;
    }
    (num, &w[cut2..])
}

/// Value of a sequence of number pieces: digits, number words, scales, "a", "and",
/// "half", ordinal words and suffixes. Returns (value, is_ordinal).
fn words_value(words: &[&str]) -> Option<(f64, bool)> {
    if words.is_empty() {
        return None;
    }
    let mut total = 0.0f64;
    let mut current = 0.0f64;
    let mut seen = false;
    let mut ordinal = false;
    for (k, &w) in words.iter().enumerate() {
        if ordinal {
            return None; // an ordinal must be last
        }
        let next = words.get(k + 1).copied();
        let next_is_scale = next.is_some_and(|n| scale_word(n).is_some() || scale_abbrev(n).is_some() || n == "dozen");
        match w {
            "and" if seen => continue,
            "a" | "an" if !seen && (next_is_scale || next == Some("half")) => {
                current = 1.0;
                seen = true;
                continue;
            }
            "half" if !seen || current == 1.0 => {
                // "half a million", "a half"
                current = 0.5;
                seen = true;
                continue;
            }
            "a" if seen && current == 0.5 => continue,
            "st" | "nd" | "rd" | "th" if seen => {
                ordinal = true;
                continue;
            }
            _ => {}
        }
        if let Some(v) = lookup(&SMALL, w).or_else(|| lookup(&TENS, w)) {
            current += v as f64;
        } else if let Some(v) = lookup(&ORDINALS, w) {
            let v = v as f64;
            if v >= 100.0 && seen {
                current = current.max(1.0) * v;
            } else {
                current += v;
            }
            ordinal = true;
        } else if w == "dozen" {
            current = if seen { current.max(1.0) } else { 1.0 } * 12.0;
        } else if w == "hundred" {
            current = if seen { current.max(1.0) } else { 1.0 } * 100.0;
        } else if let Some(s) = scale_word(w).or_else(|| if seen { scale_abbrev(w) } else { None }) {
            let base = if current == 0.0 { 1.0 } else { current };
            total += base * s;
            current = 0.0;
        } else if let Some(v) = parse_digits(w) {
            if seen {
                return None; // "5 6" is not one number
            }
            current = v;
        } else {
            return None;
        }
        seen = true;
    }
    seen.then_some((total + current, ordinal))
}

// ---------------------------------------------------------------------------------------
// Token scanner

/// Token `i` lowercased: the form `segment` computed once ("" past the last token).
fn lower_tok<'a>(ctx: &DocContext<'a>, i: usize) -> &'a str {
    ctx.lower(i)
}

/// How many tokens from `i` match `phrase` (lower case), or None.
fn match_words(ctx: &DocContext, i: usize, t1: usize, phrase: &[&str]) -> Option<usize> {
    if i + phrase.len() > t1 {
        return None;
    }
    for (k, w) in phrase.iter().enumerate() {
        if !ctx.token_text(i + k).eq_ignore_ascii_case(w) {
            return None;
        }
    }
    Some(phrase.len())
}

fn modifier_len(ctx: &DocContext, i: usize, t1: usize) -> usize {
    // Most tokens start no modifier: compare the first word with the token's lowercase form
    // (computed once) before matching the whole phrase. A token `match_words` accepts is
    // ASCII, so its lowercase form is the modifier's first word.
    let first = ctx.lower(i);
    MODIFIERS.iter().filter(|m| m[0] == first).filter_map(|m| match_words(ctx, i, t1, m)).max().unwrap_or(0)
}

/// A currency sign or code before the number: "$", "US$", "€", "USD".
fn currency_prefix_len(ctx: &DocContext, i: usize, t1: usize) -> usize {
    if i >= t1 {
        return 0;
    }
    let t = ctx.token_text(i);
    let is_sign = t.chars().count() == 1 && t.chars().next().is_some_and(|c| CURRENCY_SIGNS.contains(&c));
    if is_sign {
        return 1;
    }
    let tokens = &ctx.seg.tokens;
    // "US$", "C$", "A$": a capital word glued to a sign
    if i + 1 < t1
        && matches!(t, "US" | "C" | "A" | "NZ" | "HK")
        && tokens[i + 1].start == tokens[i].end
        && ctx.token_text(i + 1) == "$"
    {
        return 2;
    }
    if CURRENCY_CODES.contains(&ctx.lower(i)) && t.chars().all(|c| c.is_ascii_uppercase()) {
        return 1;
    }
    0
}

/// The number itself at token `i`: returns (end token, value, ordinal, unit found inside
/// the token, scale abbreviation found inside the token, vague).
struct Core {
    end: usize,
    value: Option<f64>,
    ordinal: bool,
    glued_unit: bool,
    glued_m: bool,
}

fn core_at(ctx: &DocContext, i: usize, t1: usize) -> Option<Core> {
    if i >= t1 {
        return None;
    }
    let tok = ctx.seg.tokens[i];
    let text = ctx.token_text(i);
    let lower = ctx.lower(i);
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        let (num, rest) = split_digit_prefix(text);
        let v = parse_digits(num)?;
        let rest_l = rest.to_lowercase();
        let rest_l = rest_l.strip_prefix('-').unwrap_or(&rest_l);
        if rest.is_empty() {
            return Some(Core { end: i + 1, value: Some(v), ordinal: false, glued_unit: false, glued_m: false });
        }
        if ordinal_suffix_ok(num, rest_l) {
            return Some(Core { end: i + 1, value: Some(v), ordinal: true, glued_unit: false, glued_m: false });
        }
        if rest_l == "m" {
            return Some(Core { end: i + 1, value: Some(v), ordinal: false, glued_unit: false, glued_m: true });
        }
        if let Some(s) = scale_abbrev(rest_l) {
            return Some(Core { end: i + 1, value: Some(v * s), ordinal: false, glued_unit: false, glued_m: false });
        }
        if is_unit_word(rest_l) {
            return Some(Core { end: i + 1, value: Some(v), ordinal: false, glued_unit: true, glued_m: false });
        }
        // A glued range "10-12": its value is the LOWER bound (the figure all sources agree
        // to; events count casualties the same way). Year spans ("2022-23") are dates.
        if rest.starts_with('-') && !rest_l.is_empty() && rest_l.bytes().all(|b| b.is_ascii_digit() || b == b',') {
            let upper = parse_digits(rest_l)?;
            let year_span = num.len() == 4 && (1900.0..=2100.0).contains(&v);
            if upper > v && !year_span {
                return Some(Core { end: i + 1, value: Some(v), ordinal: false, glued_unit: false, glued_m: false });
            }
        }
        return None;
    }
    if tok.kind != TokenKind::Word {
        return None;
    }
    // Vague plurals: "dozens", "hundreds of thousands", "tens of thousands".
    if VAGUE.contains(&lower) {
        let mut end = i + 1;
        if end + 1 < t1 && ctx.token_text(end).eq_ignore_ascii_case("of") && VAGUE.contains(&lower_tok(ctx, end + 1)) {
            end += 2;
        }
        if lower == "tens" && end == i + 1 {
            return None; // "tens" alone is not a number
        }
        return Some(Core { end, value: None, ordinal: false, glued_unit: false, glued_m: false });
    }
    // Number words, possibly several tokens: "two hundred and fifty", "a dozen", "half a million".
    // The pieces borrow the tokens' lowercase forms: no String per word.
    let mut pieces: Vec<&str> = Vec::new();
    let mut j = i;
    while j < t1 && ctx.seg.tokens[j].kind == TokenKind::Word {
        let w = lower_tok(ctx, j);
        let all_numbers = all_number_words(w);
        let connector = matches!(w, "and" | "a" | "an" | "half");
        if !(all_numbers || connector) {
            break;
        }
        if connector {
            // keep a connector only when a number word follows it
            let next_is_number = j + 1 < t1 && {
                let n = lower_tok(ctx, j + 1);
                all_number_words(n) || n == "a" || n == "half"
            };
            // "and" only inside a number ("two hundred and fifty"), never between two
            let and_ok = w != "and" || pieces.last().is_some_and(|p| scale_word(p).is_some());
            if !next_is_number || !and_ok {
                break;
            }
        }
        pieces.extend(split_hyphenated(w));
        j += 1;
        if pieces.last().is_some_and(|p| lookup(&ORDINALS, p).is_some()) {
            break;
        }
    }
    // "a"/"an"/"half" alone are no number.
    while pieces.last().is_some_and(|p| matches!(*p, "a" | "an" | "and" | "half")) {
        pieces.pop();
        j -= 1;
    }
    if pieces.is_empty() {
        return None;
    }
    let (v, ordinal) = words_value(&pieces)?;
    if pieces.len() == 1 && matches!(pieces[0], "hundred" | "thousand" | "million" | "billion" | "trillion" | "dozen") {
        return None; // a bare scale word ("the million") is not a number
    }
    Some(Core { end: j, value: Some(v), ordinal, glued_unit: false, glued_m: false })
}

/// May a number phrase start at token `i`? It starts with a digit, a sign or code of a
/// currency, or one of a few words ([`start_words`]: modifiers, number words, vague
/// plurals): an ordinary word (most tokens) is ruled out by one lookup before the modifier,
/// currency and number readers each look at it (`tests::the_start_test_skips_no_number`).
/// Of the other tokens, punctuation and quote marks start a number only as a currency sign:
/// no modifier is one, and the number itself is a word or starts with a digit.
fn may_start(ctx: &DocContext, i: usize) -> bool {
    let t = ctx.token_text(i);
    let Some(&first) = t.as_bytes().first() else { return false };
    if first.is_ascii_digit() {
        return true;
    }
    if ctx.seg.tokens[i].kind != TokenKind::Word {
        let mut chars = t.chars();
        return chars.next().is_some_and(|c| CURRENCY_SIGNS.contains(&c)) && chars.next().is_none();
    }
    let w = ctx.lower(i);
    // (a byte test: a short word is not worth a substring search)
    w.as_bytes().contains(&b'-') || start_words().contains(w)
}

/// The words, in lower case, a number phrase may start with.
fn start_words() -> &'static FxHashSet<&'static str> {
    static WORDS: std::sync::OnceLock<FxHashSet<&'static str>> = std::sync::OnceLock::new();
    WORDS.get_or_init(|| {
        let mut set: FxHashSet<&'static str> = FxHashSet::default();
        set.extend(MODIFIERS.iter().map(|m| m[0]));
        set.extend(CURRENCY_CODES);
        // "US$", "C$", "A$", "NZ$", "HK$" (see `currency_prefix_len`)
        set.extend(["us", "c", "a", "nz", "hk"]);
        set.extend(VAGUE);
        set.extend(SMALL.iter().map(|(w, _)| *w));
        set.extend(TENS.iter().map(|(w, _)| *w));
        set.extend(ORDINALS.iter().map(|(w, _)| *w));
        set.extend(SCALES.iter().map(|(w, _)| *w));
        set.extend(["dozen", "and", "a", "an", "half"]);
        set
    })
}

/// The number phrase starting exactly at token `i`.
pub fn phrase_at(ctx: &DocContext, i: usize, t1: usize) -> Option<NumberPhrase> {
    let t1 = t1.min(ctx.seg.tokens.len());
    if i >= t1 || !may_start(ctx, i) {
        return None;
    }
    phrase_from(ctx, i, t1)
}

/// `phrase_at` without the quick test of its first token.
fn phrase_from(ctx: &DocContext, i: usize, t1: usize) -> Option<NumberPhrase> {
    let m = modifier_len(ctx, i, t1);
    let cur_len = currency_prefix_len(ctx, i + m, t1);
    let core_tok = i + m + cur_len;
    let core = core_at(ctx, core_tok, t1)?;
    let core_word = ctx.lower(core_tok);
    if core_word == "one" && one_is_pronoun(ctx, core_tok, i, t1) {
        return None;
    }
    let mut end = core.end;
    let mut value = core.value;
    let mut label = if cur_len > 0 {
        Label::Money
    } else if core.ordinal {
        Label::Ordinal
    } else {
        Label::Cardinal
    };
    if core.glued_unit {
        label = Label::Quantity;
    }
    if !core.ordinal && value.is_some() && !core.glued_unit {
        // Scale words after digits: "3.6 million", "2 bn", "3 m" (money only).
        while end < t1 {
            let w = lower_tok(ctx, end);
            let scale = scale_word(w).or_else(|| if w == "m" && cur_len == 0 { None } else { scale_abbrev(w) });
            match scale {
                Some(s) if w != "hundred" || core_word.starts_with(|c: char| c.is_ascii_digit()) => {
                    value = value.map(|v| v * s);
                    end += 1;
                }
                _ => break,
            }
        }
    }
    if core.glued_m {
        // "£3m" / "3m people" is a million; "300m" alone is metres.
        let next = if end < t1 { lower_tok(ctx, end) } else { "" };
        let noun_follows =
            next == "people" || (next.ends_with('s') && next.len() > 3 && next.chars().all(|c| c.is_alphabetic()));
        if cur_len > 0 || noun_follows || CURRENCY_WORDS.contains(&next) {
            value = value.map(|v| v * 1e6);
        } else {
            label = Label::Quantity;
        }
    }
    if label == Label::Cardinal || label == Label::Money {
        // Percent: "12%", "12 per cent", "12 percent", "12 percentage points".
        if end < t1 && ctx.token_text(end) == "%" {
            end += 1;
            label = Label::Percent;
        } else if let Some(n) =
            [&["per", "cent"][..], &["percent"], &["percentage", "points"], &["percentage", "point"], &["pc"]]
                .iter()
                .filter_map(|p| match_words(ctx, end, t1, p))
                .max()
        {
            end += n;
            label = Label::Percent;
        }
    }
    if label == Label::Cardinal || label == Label::Money {
        // Currency words after: "50 million euros", "2bn US dollars".
        let us = match_words(ctx, end, t1, &["us"]).unwrap_or(0);
        if end + us < t1 && CURRENCY_WORDS.contains(&lower_tok(ctx, end + us)) {
            let w = lower_tok(ctx, end + us);
            // "pounds" after a plain count is weight or money; money is far more common in news
            end += us + 1;
            if w == "pounds" && match_words(ctx, end, t1, &["sterling"]).is_some() {
                end += 1;
            }
            label = Label::Money;
        } else if end < t1
            && CURRENCY_CODES.contains(&lower_tok(ctx, end))
            && ctx.token_text(end).chars().all(|c| c.is_ascii_uppercase())
        {
            end += 1;
            label = Label::Money;
        }
    }
    if label == Label::Cardinal {
        if let Some(n) = UNITS.iter().filter_map(|u| match_words(ctx, end, t1, u)).max() {
            let unit = lower_tok(ctx, end);
            // "m" as metres only when written in lower case; "MW" etc. in any case.
            if !(unit == "m" && ctx.token_text(end) != "m") {
                end += n;
                label = Label::Quantity;
            }
        }
    }
    if label == Label::Ordinal && value.is_none() {
        return None;
    }
    let tokens = &ctx.seg.tokens;
    Some(NumberPhrase {
        start_tok: i,
        end_tok: end,
        core_tok,
        start: tokens[i].start,
        end: tokens[end - 1].end,
        value,
        label,
    })
}

/// "no one", "the one who", "one another": "one" as a pronoun, not a count.
fn one_is_pronoun(ctx: &DocContext, k: usize, phrase_start: usize, t1: usize) -> bool {
    let prev = if k > 0 && k == phrase_start { lower_tok(ctx, k - 1) } else { "" };
    let next = if k + 1 < t1 { lower_tok(ctx, k + 1) } else { "" };
    matches!(prev, "no" | "any" | "every" | "the" | "this" | "that" | "which" | "someone" | "each")
        || matches!(next, "another" | "day" | "time")
}

/// Years, day numbers next to a month, clock times and durations belong to `dates`.
fn looks_like_date_or_time(ctx: &DocContext, p: &NumberPhrase, t0: usize, t1: usize) -> bool {
    let core_text = ctx.token_text(p.core_tok);
    let plain_digits = core_text.bytes().all(|b| b.is_ascii_digit());
    let small_day = p.value.is_some_and(|v| (1.0..=31.0).contains(&v) && v.fract() == 0.0);
    let simple = matches!(p.label, Label::Cardinal | Label::Ordinal) && p.end_tok == p.core_tok + 1;
    let prev = (p.start_tok > t0).then(|| ctx.token_text(p.start_tok - 1));
    let next = (p.end_tok < t1).then(|| lower_tok(ctx, p.end_tok));
    // A bare year: 4 digits 1900–2100, unless a plural noun follows ("2000 soldiers").
    if simple && plain_digits && core_text.len() == 4 && p.value.is_some_and(|v| (1900.0..=2100.0).contains(&v)) {
        let counted = next.is_some_and(|n| {
            n.len() > 2 && n.ends_with('s') && n.chars().all(|c| c.is_alphabetic()) && !TIME_UNITS.contains(&n)
        });
        if !counted {
            return true;
        }
    }
    if simple && small_day && (plain_digits || p.label == Label::Ordinal) {
        // "September 13", "Sept. 13", "13 September", "the 13th of September"
        if prev.is_some_and(is_month) || next.is_some_and(is_month) {
            return true;
        }
        if next == Some("of") && p.end_tok + 1 < t1 && is_month(ctx.token_text(p.end_tok + 1)) {
            return true;
        }
    }
    if let Some(n) = next {
        if simple && (CLOCK.contains(&n) || TIME_UNITS.contains(&n)) {
            return true;
        }
        // "five-day", "24-hour" are single tokens and fail in core_at; "10 a.m." handled above
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_test_skips_no_number() {
        let text = "At least 5 people, more than 1,200 troops, no fewer than twenty-one, up to a dozen, \
            as many as 3.6 million, close to $2 billion, US$ 40, C$5, USD 10, EUR 3bn, £3m, €12, 12%, \
            12 per cent, Twelve percent, about half a million, around two hundred and fifty, nearly \
            dozens, hundreds of thousands, tens of thousands, some 300 km, over 40 MW, only first, \
            the second, Third, an estimated 10k, well over 5, just under six, upwards of ninety, \
            roughly one in five, approximately 3 m, A hundred, An hour, AND, Half, the 21st, 1.5bn. \
            (¥ 7; ₴20 - \"₽ 5\" ... $$ 3 !) \
            The governor said the town was shelled and nobody knows how many were hurt.";
        let ruled_out = with_ctx(text, |ctx| {
            let mut ruled_out = 0;
            for s in &ctx.seg.sentences {
                for i in s.tok_start..s.tok_end {
                    if !may_start(ctx, i) {
                        ruled_out += 1;
                        let p = phrase_from(ctx, i, s.tok_end);
                        assert!(p.is_none(), "{:?} ruled out but starts {p:?}", ctx.token_text(i));
                    }
                }
            }
            ruled_out
        });
        assert!(ruled_out > 10, "the test rules out {ruled_out} tokens");
    }

    fn with_ctx<T>(text: &str, f: impl FnOnce(&DocContext) -> T) -> T {
        crate::context::with_context(text, None, f)
    }

    /// (surface, label, value) of every number mention.
    fn found(text: &str) -> Vec<(String, &'static str, Option<String>)> {
        with_ctx(text, |ctx| {
            recognize(ctx)
                .into_iter()
                .map(|m| (ctx.slice(m.start, m.end).to_string(), m.label.as_str(), m.value))
                .collect()
        })
    }

    fn one(text: &str, surface: &str, label: &str, value: Option<&str>) {
        let got = found(text);
        assert!(
            got.iter().any(|(s, l, v)| s == surface && *l == label && v.as_deref() == value),
            "{surface} / {label} / {value:?} not in {got:?}"
        );
    }

    #[test]
    fn glued_ranges_take_their_lower_bound() {
        one("Shelling injured 10-12 people.", "10-12", "CARDINAL", Some("10"));
        assert!(found("The 2022-23 budget.").is_empty());
        assert!(found("The 12-10 vote.").is_empty(), "a falling pair is no range");
    }

    #[test]
    fn parse_number_handles_digits_words_and_scales() {
        let cases: [(&str, f64); 18] = [
            ("5", 5.0),
            ("1,200", 1200.0),
            ("3.6", 3.6),
            ("3.6 million", 3_600_000.0),
            ("1.5bn", 1.5e9),
            ("$2 billion", 2e9),
            ("£3m", 3e6),
            ("10k", 10_000.0),
            ("five", 5.0),
            ("twelve", 12.0),
            ("twenty-one", 21.0),
            ("a hundred", 100.0),
            ("a dozen", 12.0),
            ("two hundred and fifty", 250.0),
            ("five thousand", 5000.0),
            ("half a million", 500_000.0),
            ("at least 5", 5.0),
            ("3.6 million refugees", 3_600_000.0),
        ];
        for (s, v) in cases {
            let got = parse_number(s);
            assert!(got.is_some_and(|g| (g - v).abs() < 1e-6), "{s}: {got:?}");
        }
        for s in ["dozens", "", "hello", "10:30", "the"] {
            assert_eq!(parse_number(s), None, "{s}");
        }
    }

    #[test]
    fn values_are_plain_decimal_strings() {
        assert_eq!(format_value(3.6 * 1e6), "3600000");
        assert_eq!(format_value(0.5), "0.5");
        assert_eq!(format_value(12.5), "12.5");
        assert_eq!(format_value(1.5e9), "1500000000");
    }

    #[test]
    fn cardinals_from_digits_and_words() {
        let t = "Five people died and 1,200 were evacuated, while twenty-one soldiers and a hundred volunteers stayed.";
        one(t, "Five", "CARDINAL", Some("5"));
        one(t, "1,200", "CARDINAL", Some("1200"));
        one(t, "twenty-one", "CARDINAL", Some("21"));
        one(t, "a hundred", "CARDINAL", Some("100"));
        one("The shelter holds 3.6 million litres of water and twelve beds.", "twelve", "CARDINAL", Some("12"));
    }

    #[test]
    fn vague_amounts_have_no_value() {
        let t = "Dozens of homes burned and tens of thousands fled while hundreds watched.";
        one(t, "Dozens", "CARDINAL", None);
        one(t, "tens of thousands", "CARDINAL", None);
        one(t, "hundreds", "CARDINAL", None);
    }

    #[test]
    fn money_in_all_its_shapes() {
        one("Washington pledged $2 billion on Friday.", "$2 billion", "MONEY", Some("2000000000"));
        one("Brussels sent €50 million to Kyiv.", "€50 million", "MONEY", Some("50000000"));
        one("The fund reached 50 million euros.", "50 million euros", "MONEY", Some("50000000"));
        one("London gave £3m in aid.", "£3m", "MONEY", Some("3000000"));
        one("The loan was 1.5bn dollars.", "1.5bn dollars", "MONEY", Some("1500000000"));
        one("It costs US$40 a barrel.", "US$40", "MONEY", Some("40"));
    }

    #[test]
    fn percent_and_scaled_cardinals() {
        one("Prices rose 12% in a month.", "12%", "PERCENT", Some("12"));
        one("Output fell 12.5 per cent.", "12.5 per cent", "PERCENT", Some("12.5"));
        one("Turnout was 12 percent.", "12 percent", "PERCENT", Some("12"));
        one("Some 3.6 million refugees crossed.", "Some 3.6 million", "CARDINAL", Some("3600000"));
    }

    #[test]
    fn quantities_with_units() {
        one("Troops advanced 300 km in a week.", "300 km", "QUANTITY", Some("300"));
        one("The front is 1,000 kilometres long.", "1,000 kilometres", "QUANTITY", Some("1000"));
        one("The plant produces 950 MW of power.", "950 MW", "QUANTITY", Some("950"));
        one("They shipped 20,000 tonnes of grain.", "20,000 tonnes", "QUANTITY", Some("20000"));
        one("Fires burned 40 square kilometres of forest.", "40 square kilometres", "QUANTITY", Some("40"));
        one("Exports reached 5 million barrels.", "5 million barrels", "QUANTITY", Some("5000000"));
    }

    #[test]
    fn ordinals() {
        let t = "It was the first strike, the second this month and the 21st since the 3rd brigade arrived.";
        one(t, "first", "ORDINAL", Some("1"));
        one(t, "second", "ORDINAL", Some("2"));
        one(t, "21st", "ORDINAL", Some("21"));
        one(t, "3rd", "ORDINAL", Some("3"));
    }

    #[test]
    fn dates_times_and_years_are_left_to_dates() {
        let got = found("On September 13, 2022, at 10 a.m. the siege ended after 13 September talks and five days.");
        assert!(got.is_empty(), "{got:?}");
        let got = found("In 2014 Russia annexed Crimea; by the 1990s it was over.");
        assert!(got.is_empty(), "{got:?}");
        one("Around 2000 soldiers were sent.", "Around 2000", "CARDINAL", Some("2000"));
    }

    #[test]
    fn one_as_pronoun_is_not_a_number() {
        assert!(found("No one was hurt and one another helped.").is_empty());
        one("One of the drones fell.", "One", "CARDINAL", Some("1"));
    }

    #[test]
    fn modifiers_belong_to_the_span() {
        one("At least 5 civilians were killed.", "At least 5", "CARDINAL", Some("5"));
        one("more than 10,000 troops", "more than 10,000", "CARDINAL", Some("10000"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "",
            "$",
            "£ m",
            "1.2.3 km",
            "a a a",
            "half",
            "tens",
            "1st 2nd 3rd 4th 11th 12th 13th 21th",
            "₴ 5 ₽",
            "9,99,999 ... 99999999999999999999999999 bn",
        ] {
            let _ = found(t);
        }
        assert_eq!(found("21th century").len(), 0);
    }
}
