//! Finding the speaker phrase next to a reporting verb, and resolving pronoun speakers.
//!
//! A speaker is, in order of preference, an entity mention (PERSON, ORG, GPE, NORP), a
//! capitalised name, a phrase headed by a role noun ("the regional governor", "a Kremlin
//! spokesman", "officials"), or a pronoun resolved later against earlier mentions and
//! earlier quotes' speakers.

use super::words::*;
use crate::lexicon::WordClass;
use crate::model::{Label, Mention, Speaker};

/// A speaker phrase as found in the text, before pronoun resolution.
#[derive(Debug, Clone, PartialEq)]
pub struct Guess {
    /// Byte span of the speaker (the mention's span when a mention was used).
    pub start: usize,
    pub end: usize,
    /// Token range of the whole phrase found.
    pub tok_start: usize,
    pub tok_end: usize,
    /// Index into the mentions.
    pub mention: Option<usize>,
    pub pronoun: bool,
    /// A mention or a capitalised name (as opposed to a role phrase or a loose phrase).
    pub named: bool,
    /// Headed by a role noun.
    pub role: bool,
    /// A description speaking, named by a lone first name in apposition ("a resident of
    /// X, 58-year-old Valentyna"): that name's mention, for the canonical name.
    pub name: Option<usize>,
}

impl Guess {
    /// A speaker phrase with no mention behind it: tokens `[k, end)`.
    pub fn phrase(v: &Tokens, k: usize, end: usize, named: bool, role: bool) -> Guess {
        Guess {
            start: v.start(k),
            end: v.end(end - 1),
            tok_start: k,
            tok_end: end,
            mention: None,
            pronoun: false,
            named,
            role,
            name: None,
        }
    }

    /// How much a speaker of this sort lowers the confidence.
    pub fn penalty(&self) -> f32 {
        if self.named {
            0.0
        } else if self.role {
            0.04
        } else if self.pronoun {
            0.08
        } else {
            0.12
        }
    }
}

fn speaker_label(l: Label) -> bool {
    matches!(l, Label::Person | Label::Org | Label::Norp | Label::Gpe)
}

/// Mentions sorted by start, for range look-ups.
pub struct MentionIndex<'a> {
    pub mentions: &'a [Mention],
    order: Vec<usize>,
}

impl<'a> MentionIndex<'a> {
    pub fn new(mentions: &'a [Mention]) -> Self {
        let mut order: Vec<usize> = (0..mentions.len()).filter(|&i| speaker_label(mentions[i].label)).collect();
        order.sort_by_key(|&i| (mentions[i].start, std::cmp::Reverse(mentions[i].end)));
        MentionIndex { mentions, order }
    }

    /// Speaker-like mentions lying inside `[a, b)`.
    pub fn inside(&self, a: usize, b: usize) -> impl Iterator<Item = usize> + '_ {
        let from = self.order.partition_point(|&i| self.mentions[i].start < a);
        self.order[from..]
            .iter()
            .copied()
            .take_while(move |&i| self.mentions[i].start < b)
            .filter(move |&i| self.mentions[i].end <= b)
    }

    /// The best speaker mention inside a phrase: a PERSON anywhere, else the mention that
    /// ends the phrase (its head: "Ukraine's defence ministry" is not "Ukraine").
    pub fn best_inside(&self, text: &str, a: usize, b: usize, head_start: usize) -> Option<usize> {
        let all: Vec<usize> = self.inside(a, b).collect();
        let possessive = |i: usize| text.get(self.mentions[i].end..).is_some_and(|r| r.starts_with("'s"));
        if let Some(&p) = all.iter().find(|&&i| self.mentions[i].label == Label::Person && !possessive(i)) {
            return Some(p);
        }
        all.into_iter().rev().find(|&i| self.mentions[i].end >= head_start && !self.located(text, a, i))
    }

    /// A place mention after a locative word inside the phrase from `a` ("a resident of
    /// Bucha", "Inside Severodonetsk"): it says where the speaker is; a place never speaks.
    pub fn located(&self, text: &str, a: usize, i: usize) -> bool {
        let m = &self.mentions[i];
        if !m.label.is_place() || m.start <= a {
            return false;
        }
        // "of Bucha", "of the Tula region": a determiner may stand between
        let mut words = text.get(a..m.start).unwrap_or("").split_whitespace().rev();
        let mut prev = words.next().unwrap_or("");
        if is_determiner(prev) {
            prev = words.next().unwrap_or("");
        }
        is_locative(prev)
    }

    /// Mentions starting before `pos` and after `floor`, nearest first.
    pub fn before(&self, pos: usize, floor: usize) -> impl Iterator<Item = usize> + '_ {
        let upto = self.order.partition_point(|&i| self.mentions[i].start < pos);
        self.order[..upto].iter().rev().copied().take_while(move |&i| self.mentions[i].start >= floor)
    }

    /// The fullest way the text names this mention's entity: the mention of the same entity
    /// with the most words, the earliest among equals.
    pub fn fullest(&self, v: &Tokens, m: usize) -> usize {
        let target = &self.mentions[m];
        let key = target.entity_id.as_ref().or(target.canonical.as_ref());
        let Some(key) = key else { return m };
        let words = |i: usize| {
            v.ctx.text.get(self.mentions[i].start..self.mentions[i].end).map_or(0, |s| s.split_whitespace().count())
        };
        let mut best = m;
        for &i in &self.order {
            let mi = &self.mentions[i];
            if mi.start > target.start {
                break;
            }
            let k = mi.entity_id.as_ref().or(mi.canonical.as_ref());
            if k == Some(key)
                && (words(i) > words(best) || (words(i) == words(best) && mi.start < self.mentions[best].start))
            {
                best = i;
            }
        }
        best
    }
}

/// Token `i` is a weekday, a day word or a month (not "May": as often a name or the modal
/// verb); its classes come from the segmentation.
fn is_time_word_at(v: &Tokens, i: usize) -> bool {
    let c = v.ctx.classes(i);
    c.has(WordClass::Weekday)
        || c.has(WordClass::DayWord)
        || (c.has(WordClass::Month) && !v.tok(i).eq_ignore_ascii_case("may"))
}

/// Adverbs a writer sets off with commas between a subject and its verb.
fn is_discourse_adverb(w: &str) -> bool {
    matches!(
        w.to_ascii_lowercase().as_str(),
        "however" | "meanwhile" | "too" | "though" | "instead" | "moreover" | "nevertheless" | "likewise" | "also"
    )
}

/// An age written before a name: "74-year-old", "34-year-old".
pub(crate) fn is_age(w: &str) -> bool {
    let lower = w.to_ascii_lowercase();
    lower.strip_suffix("-year-old").is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Heads that never speak: measures, rules, documents' parts ("his body mass index").
fn is_non_agent_head(w: &str) -> bool {
    const N: [&str; 22] = [
        "index",
        "rate",
        "rates",
        "definition",
        "law",
        "laws",
        "rule",
        "rules",
        "standard",
        "standards",
        "tradition",
        "logic",
        "plan",
        "schedule",
        "formula",
        "terms",
        "measure",
        "level",
        "levels",
        "threshold",
        "ratio",
        "scale",
    ];
    N.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// A loose speaker phrase must look like a noun phrase: it does not open with a
/// preposition or a lower-case participle ("meaning it ..."), does not end in a function
/// word ("followers into", "the secretary of"), and its head can speak.
pub(crate) fn plausible_phrase(v: &Tokens, k: usize, last: usize) -> bool {
    let (first, head) = (v.tok(k), v.tok(last));
    let preposition = |w: &str| {
        (is_np_stop(w) && !is_speaker_pronoun(w)) || ["of", "for", "from"].iter().any(|p| p.eq_ignore_ascii_case(w))
    };
    let participle = first.chars().next().is_some_and(|c| c.is_lowercase())
        && first.len() > 4
        && (first.ends_with("ing") || first.ends_with("ed"));
    !(preposition(first)
        || participle
        || preposition(head)
        || is_determiner(head)
        || head == "'s"
        || is_non_agent_head(head))
}

/// Build a guess for the phrase `[k, last]`, or `None` when it does not look like a speaker.
fn validate(v: &Tokens, mi: &MentionIndex, k: usize, last: usize, loose: bool) -> Option<Guess> {
    if k > last {
        return None;
    }
    let head = v.tok(last);
    if v.is_determiner_at(last) || head == "'s" || v.is_np_stop_at(last) || is_time_word_at(v, last) {
        return None;
    }
    if k == last && v.is_speaker_pronoun_at(last) {
        return Some(Guess {
            start: v.start(k),
            end: v.end(k),
            tok_start: k,
            tok_end: k + 1,
            mention: None,
            pronoun: true,
            named: false,
            role: false,
            name: None,
        });
    }
    let (a, b) = (v.start(k), v.end(last));
    // "sources in Ukraine's security service", "officials at the ministry": people within an
    // institution are not the institution speaking; the whole phrase is the speaker
    let within = k < last && v.is_role(k) && v.has(k + 1, WordClass::Locative) && !v.is_capitalised(k + 1);
    if within && mi.inside(a, b).all(|m| mi.mentions[m].label != Label::Person) {
        return Some(Guess::phrase(v, k, last + 1, false, true));
    }
    if let Some(m) = mi.best_inside(v.ctx.text, a, b, v.start(last)) {
        let mm = &mi.mentions[m];
        // "Oksana Hrytsak, 59, of Irpin, ...": a place after "of"/"in"/"from" says where
        // someone is from; a place never speaks
        if mm.label.is_place() && mm.start == a && k > 0 && v.has(k - 1, WordClass::Locative) {
            return None;
        }
        return Some(Guess {
            start: mm.start,
            end: mm.end,
            tok_start: k,
            tok_end: last + 1,
            mention: Some(m),
            pronoun: false,
            named: true,
            role: false,
            name: None,
        });
    }
    // "the governor of the Tula region": the role noun before "of" heads the phrase
    let located_place = mi.inside(a, b).any(|m| mi.located(v.ctx.text, a, m));
    let role = v.is_role(last) || (located_place && (k + 1..last).any(|o| v.is(o, "of") && v.is_role(o - 1)));
    // A capitalised head that is not a role word: a name ("Peskov", "the Kremlin").
    // A lone sentence-initial common word is only capitalised by position.
    let sentence_initial = v.ctx.seg.sentences.get(v.sentence_of_token(k)).is_some_and(|s| s.tok_start == k);
    let capitalised_by_position = k == last && sentence_initial && v.ctx.res.is_common_word(head);
    let capital_name =
        v.is_capitalised(last) && !role && !capitalised_by_position && head.chars().any(|c| c.is_alphabetic());
    if !(capital_name || role || loose) {
        return None;
    }
    if loose && !(capital_name || role) && (last + 1 - k > 6 || !plausible_phrase(v, k, last)) {
        return None;
    }
    Some(Guess::phrase(v, k, last + 1, capital_name, role))
}

/// The noun phrase ending right before token `j` (exclusive), not reaching before `lo`.
pub fn np_back(v: &Tokens, mi: &MentionIndex, lo: usize, j: usize, loose: bool) -> Option<Guess> {
    if j <= lo || j > v.n_tokens() {
        return None;
    }
    let last = j - 1;
    if !v.is_word(last) {
        return None;
    }
    if v.is_speaker_pronoun_at(last) {
        return validate(v, mi, last, last, loose);
    }
    let mut k = last;
    let mut n = 1;
    while k > lo && n < 9 {
        let p = k - 1;
        let w = v.tok(p);
        if w == "'s" {
            k = p;
            n += 1;
            continue;
        }
        if !v.is_word(p) {
            break;
        }
        if v.is_determiner_at(p) {
            k = p;
            // "the head of the regional administration": walk on over "of"
            // "officials at the ministry": a role head, then the institution it is in
            let within = p >= lo + 2 && v.has(p - 1, WordClass::Locative) && v.is_role(p - 2);
            if p >= lo + 2
                && (v.is(p - 1, "of") || v.is(p - 1, "for") || within)
                && v.is_word(p - 2)
                && !v.is_np_stop_at(p - 2)
                && !v.is_determiner_at(p - 2)
            {
                k = p - 2;
                n += 3;
                continue;
            }
            break;
        }
        if v.is(p, "of") || v.is(p, "for") || v.is(p, "from") {
            if p > lo && v.is_word(p - 1) && !v.has(p - 1, WordClass::NpStop) && !v.is_determiner_at(p - 1) {
                k = p - 1;
                n += 2;
                continue;
            }
            break;
        }
        // "officials in Kherson", "residents near the plant": a role head, then where it is
        if is_locative(w) && p > lo && v.is_role(p - 1) && v.is_word(p - 1) {
            k = p - 1;
            n += 2;
            continue;
        }
        if v.is_np_stop_at(p) || v.is_speaker_pronoun_at(p) || is_time_word_at(v, p) {
            break;
        }
        // A lower-case word before a capitalised name is not part of it ("officials" in
        // "... killed officials Peskov said" is rare; verbs like "met" are common).
        // That stop is for names: a lower-case role head keeps its lower-case modifiers
        // before a capitalised adjective ("a senior Ukrainian commander"), and an age
        // stands before a name as part of it ("74-year-old Vasyl Hrebeniuk").
        let role_head = v.is_role(last) && !v.is_capitalised(last);
        if !v.is_capitalised(p)
            && v.is_capitalised(k)
            && !v.is_role(p)
            && v.tok(k) != "'s"
            && !v.is_determiner_at(p)
            && !role_head
            && !is_age(w)
        {
            // keep lower-case modifiers only when a role word follows ("regional governor")
            break;
        }
        k = p;
        n += 1;
    }
    validate(v, mi, k, last, loose)
}

/// The noun phrase starting at token `i`, not reaching `hi`.
pub fn np_forward(v: &Tokens, mi: &MentionIndex, i: usize, hi: usize, loose: bool) -> Option<Guess> {
    let hi = hi.min(v.n_tokens());
    if i >= hi || !v.is_word(i) {
        return None;
    }
    if v.has(i, WordClass::Pronoun) {
        return validate(v, mi, i, i, loose);
    }
    let mut j = i;
    let mut n = 0;
    while j < hi && n < 9 {
        if !v.is_word(j) {
            break;
        }
        if (v.is(j, "of") || v.is(j, "for") || v.is(j, "from"))
            && j > i
            && j + 1 < hi
            && v.is_word(j + 1)
            && !v.has(j + 1, WordClass::NpStop)
        {
            j += 1;
            n += 1;
            continue;
        }
        if (v.is_np_stop_at(j) || is_time_word_at(v, j)) && !(j == i && v.is_determiner_at(j)) {
            break;
        }
        j += 1;
        n += 1;
    }
    if j == i {
        return None;
    }
    validate(v, mi, i, j - 1, loose)
}

/// "continues to insist", "went on to say", "appeared to suggest": where the verb group
/// of a reporting verb at `cue` starts (the catenative verb), else `cue`.
pub fn catenative_start(v: &Tokens, lo: usize, cue: usize) -> usize {
    if cue < lo + 2 || !v.is(cue - 1, "to") {
        return cue;
    }
    let mut k = cue - 1;
    if k > lo + 1 && v.is(k - 1, "on") {
        k -= 1;
    }
    if v.has(k - 1, WordClass::Catenative) {
        k - 1
    } else {
        cue
    }
}

/// "The governor on Tuesday said", "Kuleba last week said": a time adjunct between the
/// subject and its verb is not part of the subject. Returns where the subject ends.
fn past_time_adjunct(v: &Tokens, lo: usize, j: usize) -> usize {
    if j < lo + 2 {
        return j;
    }
    let period =
        matches!(v.tok(j - 1).to_ascii_lowercase().as_str(), "week" | "month" | "year" | "morning" | "evening");
    if !(is_time_word_at(v, j - 1) || period) {
        return j;
    }
    let opener = v.tok(j - 2).to_ascii_lowercase();
    if matches!(opener.as_str(), "on" | "last" | "this" | "early" | "late" | "earlier" | "later") && j >= lo + 3 {
        let mut k = j - 2;
        while k > lo && v.has(k - 1, WordClass::VerbFiller) {
            k -= 1;
        }
        return k;
    }
    j
}

/// Why a subject search gave up: the verb is negated, passive, or in a relative clause.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reject;

/// The subject of a reporting verb starting at token `cue`: "X said", "X has also said",
/// "X, the defence minister, said". `Err` when the verb is not a report of speech
/// (negated, passive, inside a relative clause).
pub fn subject_before(
    v: &Tokens,
    mi: &MentionIndex,
    lo: usize,
    cue: usize,
    loose: bool,
) -> Result<Option<Guess>, Reject> {
    let mut j = catenative_start(v, lo, cue);
    while j > lo && (v.has(j - 1, WordClass::VerbFiller) || v.has(j - 1, WordClass::Negation)) {
        if v.has(j - 1, WordClass::Negation) {
            return Err(Reject);
        }
        j -= 1;
    }
    j = past_time_adjunct(v, lo, j);
    if j == lo {
        return Ok(None);
    }
    // "X is stressing that ...", "He's claiming that ...": a progressive, not a passive
    let progressive = v.tok(cue).len() > 4
        && v.tok(cue).ends_with("ing")
        && matches!(v.tok(j - 1).to_ascii_lowercase().as_str(), "is" | "are" | "was" | "were" | "'s" | "’s");
    if progressive {
        j -= 1;
        while j > lo && v.has(j - 1, WordClass::VerbFiller) {
            j -= 1;
        }
        if j == lo || v.has(j - 1, WordClass::Negation) {
            return if j == lo { Ok(None) } else { Err(Reject) };
        }
    }
    if v.has(j - 1, WordClass::PassiveAuxiliary) {
        return Err(Reject);
    }
    if v.has(j - 1, WordClass::Relative) {
        return Err(Reject);
    }
    // "Others, however, say ...", "Trump, meanwhile, said ...": a discourse adverb set off
    // by commas stands between the subject and its verb
    // ("Critics, for instance, argue": a preposition and one word set off the same way)
    let aside = if j >= lo + 4 && v.is_punct(j - 1, ",") && v.is_punct(j - 3, ",") && is_discourse_adverb(v.tok(j - 2))
    {
        3
    } else if j >= lo + 5
        && v.is_punct(j - 1, ",")
        && v.is_punct(j - 4, ",")
        && v.has(j - 3, WordClass::Preposition)
        && v.is_word(j - 2)
        && !v.is_capitalised(j - 2)
        && !v.is_capitalised(j - 3)
    {
        4
    } else {
        0
    };
    if aside > 0 {
        let mut k = j - aside;
        while k > lo && v.has(k - 1, WordClass::VerbFiller) {
            k -= 1;
        }
        let g = np_back(v, mi, lo, k, true).filter(|g| g.tok_start == lo || !v.is_word(g.tok_start - 1));
        // a plural head, last or before "of" ("Proponents of the bill, however, say")
        let plural = |g: &Guess| {
            v.tok(g.tok_end - 1).ends_with('s')
                || (g.tok_start + 1 < g.tok_end && v.is(g.tok_start + 1, "of") && v.tok(g.tok_start).ends_with('s'))
        };
        let g = g.filter(|g| g.named || g.role || g.pronoun || plural(g));
        // the two-word aside falls back on the appositive rules below ("X, the chairman of
        // the party, for example, said")
        if g.is_some() || aside == 3 {
            return Ok(g);
        }
    }
    if v.is_punct(j - 1, ",") {
        return Ok(appositive(v, mi, lo, j - 1));
    }
    let g = np_back(v, mi, lo, j, loose);
    if let Some(g) = &g {
        if g.tok_start > lo && v.has(g.tok_start - 1, WordClass::Relative) {
            return Err(Reject);
        }
    }
    Ok(g)
}

/// "X, the defence minister, said" / "the minister, X, said" / "X, 45, said": `comma` is the
/// token index of the comma right before the verb.
fn appositive(v: &Tokens, mi: &MentionIndex, lo: usize, comma: usize) -> Option<Guess> {
    let floor = comma.saturating_sub(10).max(lo);
    let mut c = comma;
    while c > floor {
        c -= 1;
        if v.is_punct(c, ",") {
            break;
        }
        if !v.is_word(c) {
            // "Jane Roe, who works for Cushman & Wakefield, said": a symbol inside a long
            // description; only the name opening the sentence can be the speaker
            return long_appositive(v, mi, lo, comma);
        }
    }
    if c == floor && !v.is_punct(c, ",") {
        return long_appositive(v, mi, lo, comma);
    }
    if c == comma || !v.is_punct(c, ",") || c + 1 >= comma {
        return None;
    }
    let head = np_back(v, mi, lo, c, false);
    // "Rachel Berg, a nurse from Monsey, New York, said": the place closing a description
    // says where the speaker is from; a place never speaks
    let is_place = |g: &Guess| g.mention.is_some_and(|m| mi.mentions[m].label.is_place());
    let appos = np_back(v, mi, c + 1, comma, false).filter(|g| g.tok_start == c + 1);
    if appos.as_ref().is_some_and(is_place) {
        return long_appositive(v, mi, lo, comma).or(head);
    }
    if let Some(h) = &head {
        if h.tok_start > lo && v.has(h.tok_start - 1, WordClass::Relative) {
            return None;
        }
    }
    // "X, 59, of Irpin, who watched the convoy leave, said": the name opening the sentence
    if let (Some(h), Some(a)) = (&head, &appos) {
        if let Some(described) = described_by_first_name(v, mi, h, a) {
            return Some(described);
        }
    }
    pick(v, mi, head, appos).or_else(|| long_appositive(v, mi, lo, comma))
}

/// "Derek Mitchell, who served as U.S. ambassador to Burma from 2012, said" / "Richard
/// Revesz, director of the Institute for Policy Integrity at New York University's law
/// school, said": a name opening the sentence, then a description of up to 30 tokens
/// without a sentence end or a quote mark. The name must be a mention or a capitalised name.
fn long_appositive(v: &Tokens, mi: &MentionIndex, lo: usize, comma: usize) -> Option<Guess> {
    let mut a = lo;
    while a < comma && (!v.is_word(a) || v.is(a, "but") || v.is(a, "and") || v.is(a, "even") || v.is(a, "still")) {
        a += 1;
    }
    if comma < a + 3 || comma - a > 32 {
        return None;
    }
    let c = (a + 1..comma).find(|&t| v.is_punct(t, ","))?;
    let sentence_end = |t: usize| v.is_final(t) && !(t < comma && v.is_punct(t + 1, ","));
    if c - a > 5 || (c + 1..comma).any(|t| v.is_quote(t) || sentence_end(t) || v.is_punct(t, ";") || v.is_punct(t, ":"))
    {
        return None;
    }
    // "The official, who spoke on condition of anonymity, said": a description opening with
    // a relative marks the phrase before it as the subject, whatever it is
    let relative = is_relative(v.tok(c + 1));
    let head = np_back(v, mi, a, c, false).or_else(|| if relative { np_back(v, mi, a, c, true) } else { None })?;
    let described = relative && !head.pronoun && plausible_phrase(v, head.tok_start, head.tok_end - 1);
    (head.tok_start == a && (head.mention.is_some() || head.named || described)).then_some(head)
}

/// "a resident of Bucha, 58-year-old Halyna, ...": a person the text describes and then
/// names by first name alone (as vox pops and translated reports do) speaks as the
/// description, which says who they are; the first name is the canonical name. `desc` is
/// a phrase with a person noun for head and no entity behind it, `name` a one-word PERSON
/// mention (an age may stand before it) right after it.
fn described_by_first_name(v: &Tokens, mi: &MentionIndex, desc: &Guess, name: &Guess) -> Option<Guess> {
    let m = name.mention?;
    let mm = &mi.mentions[m];
    // (a first name, and all the text calls the person: not a surname standing for a full
    // name given earlier)
    let one_word = mm.label == Label::Person
        && !v.ctx.text.get(mm.start..mm.end)?.contains(char::is_whitespace)
        && !mm.canonical.as_deref().unwrap_or("").contains(char::is_whitespace)
        && v.ctx.res.first_names.contains(v.ctx.text.get(mm.start..mm.end)?);
    let only_age_before =
        (name.tok_start..name.tok_end).take_while(|&t| v.start(t) < mm.start).all(|t| is_age(v.tok(t)));
    if !one_word || !only_age_before || desc.mention.is_some() || desc.pronoun || desc.tok_end + 1 != name.tok_start {
        return None;
    }
    if !v.is_punct(desc.tok_end, ",") {
        return None;
    }
    let words: Vec<usize> = (desc.tok_start..desc.tok_end).filter(|&t| v.is_word(t)).collect();
    let of = words.iter().position(|&t| is_locative(v.tok(t))).filter(|&i| i > 0);
    let head = of.map_or(words.last().copied(), |i| words.get(i - 1).copied())?;
    if !person_head(v, v.tok(head)) || v.is_capitalised(desc.tok_start) && !v.is_determiner_at(desc.tok_start) {
        return None;
    }
    Some(Guess { name: Some(m), named: false, role: true, ..desc.clone() })
}

/// Prefer a PERSON mention, then a mention, a name, a role, the first phrase ("the head of
/// the Regional Administration, Ihor X, said" is Ihor X speaking, not the administration).
fn pick(v: &Tokens, mi: &MentionIndex, a: Option<Guess>, b: Option<Guess>) -> Option<Guess> {
    // the person is the phrase, not a complement in it ("a Clinton supporter", "a surrogate
    // for Mr. X"): only capitalised words or an age stand before the name
    let person = |g: &Guess| {
        g.mention.is_some_and(|m| {
            let mm = &mi.mentions[m];
            mm.label == Label::Person
                && (g.tok_start..g.tok_end)
                    .take_while(|&t| v.start(t) < mm.start)
                    .all(|t| !v.is_word(t) || v.is_capitalised(t) || is_age(v.tok(t)))
        })
    };
    let score = |g: &Option<Guess>| match g {
        None => 0,
        Some(g) if person(g) => 5,
        Some(g) if g.mention.is_some() => 4,
        Some(g) if g.named => 3,
        Some(g) if g.role => 2,
        Some(_) => 1,
    };
    if score(&b) > score(&a) {
        b
    } else {
        a
    }
}

/// "Haidai was blunt: …", "The commander was defiant: …": a subject opening `[start, colon)`
/// (or a name in apposition: "The governor, Oleh Syniehubov, was clear: …"), a copula and one or two lower-case words before the colon at `colon`. The subject must
/// be a name or a role, never a place.
pub fn copula_colon_speaker(v: &Tokens, mi: &MentionIndex, start: usize, colon: usize) -> Option<Guess> {
    let a = (start + 1..colon).find(|&t| matches!(v.tok(t), "was" | "is" | "were" | "are"))?;
    if !(1..=2).contains(&(colon - a - 1)) || !(a + 1..colon).all(|t| v.is_word(t) && !v.is_capitalised(t)) {
        return None;
    }
    // "The governor of the region, Oleh Syniehubov, was clear:": an appositive subject
    let g = if a > start && v.is_punct(a - 1, ",") {
        appositive(v, mi, start, a - 1)?
    } else {
        // "Asked about the talks, Peskov was brief:", "On Monday, the governor was blunt:":
        // an opening participle or adverbial set off by a comma before the subject
        let opener = |g: &Guess| {
            let first = v.tok(start).to_ascii_lowercase();
            g.tok_start > start + 1
                && v.is_punct(g.tok_start - 1, ",")
                && (first.ends_with("ed")
                    || first.ends_with("ing")
                    || crate::lexicon::words().is(&first, WordClass::Preposition))
                && (start..g.tok_start - 1).all(|t| v.is_word(t) || v.tok(t) == "'s" || v.is_punct(t, ","))
        };
        np_back(v, mi, start, a, false).filter(|g| g.tok_start == start || opener(g))?
    };
    ((g.named || g.role) && !g.mention.is_some_and(|m| mi.mentions[m].label.is_place())).then_some(g)
}

/// The speaker in the stretch between a closing quote mark and its reporting verb
/// ("...," the regional governor said / "...," Dmitry Peskov, the Kremlin spokesman, said /
/// "...," Rep. Jane Doe (D-Ill.) said). Falls back to the whole stretch when it is short.
pub fn gap_speaker(v: &Tokens, mi: &MentionIndex, a: usize, b: usize) -> Option<Guess> {
    if b <= a || b - a > 30 {
        return None;
    }
    let mut b = b;
    while b > a && (v.has(b - 1, WordClass::VerbFiller) || v.has(b - 1, WordClass::Negation)) {
        if v.has(b - 1, WordClass::Negation) {
            return None;
        }
        b -= 1;
    }
    // Parts separated by commas and brackets; a period is fine inside "R-Ky.,".
    let mut parts: Vec<(usize, usize)> = Vec::new();
    let mut part_start = a;
    let mut depth = 0usize;
    for i in a..=b {
        let sep = i == b || v.is_punct(i, ",") || v.is_punct(i, "(") || v.is_punct(i, ")");
        if i < b
            && (v.is_quote(i) || (v.is_final(i) && !(i + 1 < b && (v.is_punct(i + 1, ",") || v.is_punct(i + 1, ")")))))
        {
            return None;
        }
        if sep {
            if i > part_start && depth == 0 {
                parts.push((part_start, i));
            }
            part_start = i + 1;
        }
        if i < b && v.is_punct(i, "(") {
            depth += 1;
        } else if i < b && v.is_punct(i, ")") {
            depth = depth.saturating_sub(1);
        }
    }
    let mut best: Option<Guess> = None;
    let mut before: Option<Guess> = None;
    for &(s, e) in &parts {
        let full = np_back(v, mi, s, e, true).filter(|g| g.tok_start == s);
        let g = full.or_else(|| np_back(v, mi, s, e, false));
        if let (Some(d), Some(n)) = (&before, &g) {
            if let Some(described) = described_by_first_name(v, mi, d, n) {
                return Some(described);
            }
        }
        before = g.clone();
        best = if best.is_none() { g } else { pick(v, mi, best, g) };
    }
    if best.is_none() && b - a <= 8 && (a..b).all(|t| v.is_word(t)) && plausible_phrase(v, a, b - 1) {
        best = Some(Guess {
            start: v.start(a),
            end: v.end(b - 1),
            tok_start: a,
            tok_end: b,
            mention: None,
            pronoun: false,
            named: false,
            role: false,
            name: None,
        });
    }
    best
}

/// The subject at the start of a sentence, for participle cues far from it
/// ("Trump attacked Clinton ..., saying, “…”"): a mention, a capitalised name, a pronoun
/// or a determiner + role phrase opening the sentence.
pub fn sentence_subject(v: &Tokens, mi: &MentionIndex, lo: usize, hi: usize) -> Option<Guess> {
    let mut i = lo;
    while i < hi && !v.is_word(i) && !v.is_quote(i) {
        i += 1;
    }
    // A sentence opening with quoted words: the subject follows them (“…,” Jane sings).
    if i < hi && v.is_quote(i) {
        let close = (i + 1..hi).find(|&t| v.is_quote(t))?;
        i = close + 1;
    }
    while i < hi && !v.is_word(i) {
        i += 1;
    }
    // "On Thursday, Trump spoke ..., promising ...", "On Thursday, however, Trump ...", "In
    // a widely read column before the debate, two speechwriters ...": past opening adverbials
    for _ in 0..2 {
        if i < hi && v.has(i, WordClass::NpStop) && !v.has(i, WordClass::Pronoun) {
            if let Some(c) = (i + 1..(i + 14).min(hi)).find(|&t| v.is_punct(t, ",")) {
                if (i + 1..c).all(|t| v.is_word(t) || v.tok(t) == "'s") {
                    i = c + 1;
                }
            }
        }
    }
    if i >= hi {
        return None;
    }
    // the subject from token i to the end of mention m, which names it
    let named_from = |m: usize| {
        let mm = &mi.mentions[m];
        let mut e = i;
        while e < hi && v.end(e) < mm.end {
            e += 1;
        }
        Guess {
            start: mm.start,
            end: mm.end,
            tok_start: i,
            tok_end: e + 1,
            mention: Some(m),
            pronoun: false,
            named: true,
            role: false,
            name: None,
        }
    };
    if let Some(m) = mi.inside(v.start(i), v.end(hi.saturating_sub(1))).next() {
        // "Swedish Prime Minister Ulf K. arrived ... and announced": a nationality opening
        // a title and a name is not the subject; the person in the capitalised run is
        if matches!(mi.mentions[m].label, Label::Norp | Label::Gpe) && mi.mentions[m].start == v.start(i) {
            let mut e = i;
            while e < hi && e < i + 8 && v.is_capitalised(e) {
                e += 1;
            }
            if let Some(p) =
                mi.inside(v.start(i), v.end(e.saturating_sub(1))).find(|&x| mi.mentions[x].label == Label::Person)
            {
                return Some(named_from(p));
            }
        }
        if mi.mentions[m].start == v.start(i) {
            return Some(named_from(m));
        }
    }
    if v.has(i, WordClass::Pronoun) {
        return validate(v, mi, i, i, false);
    }
    let mut e = i;
    while e < hi && e < i + 6 && v.is_capitalised(e) && !v.has(e, WordClass::NpStop) && !v.is_determiner_at(e) {
        e += 1;
    }
    if e > i {
        if let Some(g) = validate(v, mi, i, e - 1, false).filter(|g| g.named || g.role) {
            return Some(g);
        }
    }
    // "Regional leaders have backed ..., warning that": a plain noun phrase opening the
    // sentence, headed by a role or speaker noun within a few words
    if v.is_determiner_at(i) || (e == i + 1 && v.ctx.res.is_common_word(v.tok(i))) {
        let mut e = i + 1;
        while e < hi && e < i + 5 && v.is_word(e) && !v.has(e, WordClass::NpStop) {
            if v.is_role(e) {
                return validate(v, mi, i, e, false);
            }
            e += 1;
        }
    }
    // "This year, Jane Roe rose to ...": a short opening phrase set off by a comma, then the
    // subject
    let c = (i + 1..(i + 6).min(hi)).find(|&t| !v.is_word(t))?;
    if v.is_punct(c, ",") && c + 1 < hi && v.is_word(c + 1) {
        return sentence_subject(v, mi, c + 1, hi);
    }
    None
}

/// Turn a non-pronoun guess into a Speaker.
pub fn speaker_of(v: &Tokens, mi: &MentionIndex, g: &Guess) -> Speaker {
    // the guess's own words naming a mention (`name`), else the mention's words
    let named = g
        .name
        .map(|m| (m, g.start, g.end))
        .or_else(|| g.mention.map(|m| (m, mi.mentions[m].start, mi.mentions[m].end)));
    if let Some((m, start, end)) = named {
        let mm = &mi.mentions[m];
        return Speaker {
            text: v.ctx.text.get(start..end).unwrap_or("").to_string(),
            canonical: mm.canonical.clone(),
            entity_id: mm.entity_id.clone(),
            label: Some(mm.label),
            start,
            end,
        };
    }
    Speaker {
        text: v.ctx.text.get(g.start..g.end).unwrap_or("").to_string(),
        canonical: None,
        entity_id: None,
        label: None,
        start: g.start,
        end: g.end,
    }
}

/// A speaker already attributed earlier in the document, for pronouns and floating quotes.
#[derive(Debug, Clone)]
pub struct Previous {
    pub speaker: Speaker,
    /// Where the quote it spoke was (its start), and its paragraph.
    pub quote_start: usize,
    pub para: u32,
    /// The speaker was an unresolved pronoun (not a good antecedent).
    pub unresolved: bool,
}

fn looks_plural(s: &Speaker) -> bool {
    s.label.is_none()
        && s.text
            .split_whitespace()
            .last()
            .is_some_and(|w| w.ends_with('s') && w.chars().next().is_some_and(|c| c.is_lowercase()))
}

/// Resolve a pronoun speaker. Returns the speaker (its span stays on the pronoun) and
/// whether it was resolved.
pub fn resolve_pronoun(v: &Tokens, mi: &MentionIndex, g: &Guess, prev: Option<&Previous>) -> (Speaker, bool) {
    let word = v.ctx.text.get(g.start..g.end).unwrap_or("").to_lowercase();
    let unresolved = Speaker {
        text: v.ctx.text.get(g.start..g.end).unwrap_or("").to_string(),
        start: g.start,
        end: g.end,
        ..Default::default()
    };
    let para = v.paragraph_of(g.start);
    let floor_para = para.saturating_sub(4);
    let floor = v.ctx.seg.paragraphs.get(floor_para as usize).map_or(0, |p| p.start);
    let prev = prev.filter(|p| !p.unresolved && p.para >= floor_para);
    let from_mention = |m: usize| {
        let full = mi.fullest(v, m);
        let mm = &mi.mentions[full];
        let m0 = &mi.mentions[m];
        Speaker {
            text: v.ctx.text.get(mm.start..mm.end).unwrap_or("").to_string(),
            canonical: m0.canonical.clone().or_else(|| mm.canonical.clone()),
            entity_id: m0.entity_id.clone().or_else(|| mm.entity_id.clone()),
            label: Some(m0.label),
            start: g.start,
            end: g.end,
        }
    };
    // (a person spoken of by description and first name: the pronoun is the name)
    let from_prev = |p: &Previous| {
        let described = p.speaker.label == Some(Label::Person)
            && p.speaker.text.starts_with(|c: char| c.is_lowercase())
            && p.speaker.canonical.is_some();
        let text = if described { p.speaker.canonical.clone().unwrap_or_default() } else { p.speaker.text.clone() };
        Speaker { text, start: g.start, end: g.end, ..p.speaker.clone() }
    };
    match word.as_str() {
        "he" | "she" => {
            // The subject of the nearest sentence naming a person: its first PERSON mention.
            let last = mi.before(g.start, floor).find(|&i| mi.mentions[i].label == Label::Person);
            let mention = last.map(|m| {
                let s = v.ctx.sentence_of(mi.mentions[m].start) as usize;
                let s_start = v.ctx.seg.sentences.get(s).map_or(0, |x| x.start);
                mi.inside(s_start, g.start).find(|&i| mi.mentions[i].label == Label::Person).unwrap_or(m)
            });
            let prev_ok = prev.filter(|p| {
                matches!(p.speaker.label, None | Some(Label::Person)) && !looks_plural(&p.speaker) && can_be_he(v, p)
            });
            // "The Kremlin's spokesman dismissed the assessment. “…,” he said": a sentence
            // opening with a person's role, nearer than any earlier speaker or named person
            let after = prev_ok.map_or(0, |p| p.quote_start.max(p.speaker.start));
            let after = mention.map_or(after, |m| after.max(mi.mentions[m].start));
            // "a drone pilot with the call sign “Lis” ... “…,” he says": a person the story
            // names by call sign, nearer than any named person or earlier speaker
            if let Some(s) = call_sign_before(v, g, floor.max(after)) {
                return (s, true);
            }
            if let Some(r) = role_subject_before(v, mi, g, after) {
                return (Speaker { start: g.start, end: g.end, ..speaker_of(v, mi, &r) }, true);
            }
            match (mention, prev_ok) {
                (Some(m), Some(p)) => {
                    let s_start = v
                        .ctx
                        .seg
                        .sentences
                        .get(v.ctx.sentence_of(mi.mentions[m].start) as usize)
                        .map_or(0, |x| x.start);
                    if p.quote_start >= s_start || p.speaker.start >= s_start {
                        (from_prev(p), true)
                    } else {
                        (from_mention(m), true)
                    }
                }
                (Some(m), None) => (from_mention(m), true),
                (None, Some(p)) => (from_prev(p), true),
                (None, None) => match capitalised_name_before(v, g).or_else(|| introduced_first_name(v, mi, g)) {
                    Some(s) => (s, true),
                    None => (unresolved, false),
                },
            }
        }
        "they" => {
            if let Some(p) = prev.filter(|p| {
                matches!(p.speaker.label, Some(Label::Org) | Some(Label::Norp) | Some(Label::Gpe))
                    || looks_plural(&p.speaker)
            }) {
                return (from_prev(p), true);
            }
            match mi.before(g.start, floor).find(|&i| matches!(mi.mentions[i].label, Label::Org | Label::Norp)) {
                Some(m) => (from_mention(m), true),
                None => (unresolved, false),
            }
        }
        "it" => {
            if let Some(p) = prev.filter(|p| {
                matches!(p.speaker.label, Some(Label::Org) | Some(Label::Gpe))
                    || (p.speaker.label.is_none()
                        && !looks_plural(&p.speaker)
                        && p.speaker.text.starts_with(|c: char| c.is_lowercase()))
            }) {
                return (from_prev(p), true);
            }
            match mi.before(g.start, floor).find(|&i| mi.mentions[i].label == Label::Org) {
                Some(m) => (from_mention(m), true),
                None => (unresolved, false),
            }
        }
        _ => (unresolved, false),
    }
}

/// Words after which a story gives the name a fighter goes by.
fn introduces_call_sign(v: &Tokens, i: usize) -> Option<usize> {
    // (no lowercase copy: `call_sign_before` asks this of every token before a pronoun)
    if ["call-sign", "callsign", "nicknamed", "codenamed", "code-named"].iter().any(|w| v.is(i, w)) {
        return Some(i + 1);
    }
    if v.is(i, "call") && v.is(i + 1, "sign") {
        return Some(i + 2);
    }
    if v.is(i, "nom") && v.is(i + 1, "de") && v.is(i + 2, "guerre") {
        return Some(i + 3);
    }
    None
}

/// The nearest mention, after byte `after` and before the pronoun `g`, of a name the
/// document introduces as a call sign ("with the call sign “Lis”", "callsign Grom"): at the
/// introduction or, later, the bare name ("Lis watches the screen").
fn call_sign_before(v: &Tokens, g: &Guess, after: usize) -> Option<Speaker> {
    let mut names: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < g.tok_start {
        if let Some(mut k) = introduces_call_sign(v, i) {
            if k < g.tok_start && v.is_quote(k) {
                k += 1;
            }
            if k < g.tok_start && v.is_capitalised(k) && !v.is_role(k) {
                names.push(v.tok(k));
            }
            i = k.max(i + 1);
        } else {
            i += 1;
        }
    }
    if names.is_empty() {
        return None;
    }
    (0..g.tok_start).rev().take_while(|&t| v.start(t) >= after).find_map(|t| {
        names.iter().any(|n| v.tok(t) == *n).then(|| Speaker {
            text: v.tok(t).to_string(),
            start: g.start,
            end: g.end,
            ..Default::default()
        })
    })
}

/// Can an earlier speaker be "he" or "she"? A named or titled one can; a phrase with no
/// entity behind it only when its head is a person's role or a person noun ("a senior
/// commander", "the woman"), not a document or a body ("the update", "the ministry").
fn can_be_he(v: &Tokens, p: &Previous) -> bool {
    if p.speaker.label.is_some() {
        return true;
    }
    let words: Vec<&str> = p.speaker.text.split_whitespace().collect();
    // "the head of the regional administration": the head is the word before "of"
    let head = words
        .iter()
        .position(|w| w.eq_ignore_ascii_case("of"))
        .filter(|&i| i > 0)
        .map_or(words.last(), |i| words.get(i - 1));
    let Some(head) = head else { return false };
    let head = head.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    head.chars().next().is_some_and(|c| c.is_uppercase()) || person_head(v, head) || is_age(head)
}

/// A head noun that names one person or people, not a body: "spokesman", "governor",
/// "resident", "woman" (not "ministry", "administration", "command").
fn person_head(v: &Tokens, w: &str) -> bool {
    let words = crate::lexicon::words();
    // the titles file lists people's roles only; the fallback role heads also hold bodies
    // and documents ("report", "statement"), so they do not count here
    (v.ctx.res.titles.get(w).is_some() || words.is(w, WordClass::PersonNoun)) && !words.is(w, WordClass::OrgHeadNoun)
}

/// The subject of a sentence after byte `after` and before the pronoun (the pronoun's own
/// sentence and the two before it) when it is one person's role with no name ("The
/// Kremlin's spokesman dismissed ...", "A senior commander added ..."): the nearest one.
fn role_subject_before(v: &Tokens, mi: &MentionIndex, g: &Guess, after: usize) -> Option<Guess> {
    let si = v.sentence_of_token(g.tok_start);
    let sents = &v.ctx.seg.sentences;
    (si.saturating_sub(2)..=si).rev().find_map(|s| {
        let sent = sents.get(s)?;
        if sent.start < after || sent.headline {
            return None;
        }
        let lo = sent.tok_start;
        let hi = if s == si { g.tok_start } else { sent.tok_end }.min(lo + 10);
        // the first lower-case word after a phrase opening the sentence is its verb
        for j in lo + 1..hi {
            let w = v.tok(j);
            let lower = v.is_word(j) && w.chars().next().is_some_and(|c| c.is_lowercase());
            if !lower || v.is_role(j) || matches!(w, "of" | "for" | "'s") {
                continue;
            }
            let Some(r) = np_back(v, mi, lo, j, false) else { continue };
            if r.tok_start != lo {
                return None;
            }
            let of = (lo..j).find(|&t| v.is(t, "of")).filter(|&t| t > lo);
            let head = v.tok(of.map_or(j - 1, |t| t - 1));
            let one_person = r.role && r.mention.is_none() && !head.ends_with('s') && person_head(v, head);
            return one_person.then_some(r);
        }
        None
    })
}

/// Without entity mentions: the nearest run of two or more capitalised words in the
/// pronoun's sentence or the two before it, not opening its sentence ("Oleh Syniehubov").
/// "Nadiya, 71, does not want to leave. … “…,” she says": a sentence within the last five
/// that opens with a single capitalised word, a comma and an appositive (a determiner or a
/// number: "Oleksandr, a volunteer from Kharkiv, ...") introduces a person by first name,
/// as features and translated reports do; the nearest one is the pronoun's antecedent.
fn introduced_first_name(v: &Tokens, mi: &MentionIndex, g: &Guess) -> Option<Speaker> {
    let si = v.sentence_of_token(g.tok_start);
    let sents = &v.ctx.seg.sentences;
    (si.saturating_sub(5)..=si).rev().find_map(|s| {
        let k = sents[s].tok_start;
        let appositive = v.is_punct(k + 1, ",")
            && (v.is_determiner_at(k + 2) || v.tok(k + 2).starts_with(|c: char| c.is_ascii_digit()));
        let word = v.tok(k);
        let place = mi.inside(v.start(k), v.end(k)).any(|m| mi.mentions[m].label.is_place());
        let name = v.is_capitalised(k)
            && word.len() > 2
            && !v.ctx.res.is_common_word(word)
            && !v.is_role(k)
            && !place
            && k < g.tok_start;
        (appositive && name).then(|| Speaker {
            text: word.to_string(),
            start: g.start,
            end: g.end,
            ..Default::default()
        })
    })
}

fn capitalised_name_before(v: &Tokens, g: &Guess) -> Option<Speaker> {
    let si = v.sentence_of_token(g.tok_start);
    let first = si.saturating_sub(2);
    let sents = &v.ctx.seg.sentences;
    let lo = sents.get(first)?.tok_start;
    let mut i = g.tok_start;
    while i > lo {
        i -= 1;
        if !v.is_capitalised(i) {
            continue;
        }
        let end = i + 1;
        let mut k = i;
        while k > lo && v.is_capitalised(k - 1) {
            k -= 1;
        }
        let sentence_start = sents.get(v.sentence_of_token(k)).is_some_and(|s| s.tok_start == k);
        let k2 = if sentence_start && v.ctx.res.is_common_word(v.tok(k)) { k + 1 } else { k };
        if end >= k2 + 2 && (k2..end).all(|t| !v.ctx.res.is_common_word(v.tok(t)) && !v.is_role(t)) {
            let (s, e) = (v.start(k2), v.end(end - 1));
            return Some(Speaker {
                text: v.ctx.text.get(s..e).unwrap_or("").to_string(),
                start: g.start,
                end: g.end,
                ..Default::default()
            });
        }
        i = k;
    }
    None
}
