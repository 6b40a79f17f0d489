//! Indirect and mixed quotes: a reported clause next to a cue and its speaker.
//!
//! "X said (that) CLAUSE", "CLAUSE, X said.", "CLAUSE, said X.", "according to X, CLAUSE",
//! "CLAUSE, according to X." The clause is the content; it is a mixed quote when it holds
//! quoted words. Conservative on purpose: the speaker must be found right next to the
//! cue, negated, passive and relative-clause reports are skipped ("the attack, which
//! officials said killed five"), and belief verbs need "that".

use super::speaker::{
    catenative_start, copula_colon_speaker, np_back, np_forward, plausible_phrase, sentence_subject, subject_before,
    Guess, MentionIndex,
};
use super::words::*;
use super::{inside_span, CueHit, DraftQuote, How, QuoteSpan};
use crate::lexicon::{CueKind, WordClass};
use crate::model::QuoteKind;

/// The clause on tokens `[a, b)` without edge punctuation, as a byte span; `None` when it
/// has fewer than three words.
fn clause(v: &Tokens, a: usize, b: usize) -> Option<(usize, usize)> {
    let (mut a, mut b) = (a, b);
    while a < b && (v.is_punct(a, ",") || v.is_dash(a) || v.is_punct(a, ":")) {
        a += 1;
    }
    while b > a && (v.is_final(b - 1) || v.is_dash(b - 1) || matches!(v.tok(b - 1), "," | ";" | ":")) {
        b -= 1;
    }
    if (a..b).filter(|&t| v.is_word(t)).count() < 3 {
        return None;
    }
    Some((v.start(a), v.end(b - 1)))
}

fn sentence_bounds(v: &Tokens, cue: &CueHit) -> (usize, usize) {
    let s = &v.ctx.seg.sentences[cue.sentence];
    let mut lo = s.tok_start;
    // a dateline dash or bullet does not belong to the clause
    while lo < s.tok_end && !v.is_word(lo) && !v.is_quote(lo) {
        lo += 1;
    }
    // "WASHINGTON -- President Obama, ...": a wire dateline in capitals and a dash
    let caps = |t: usize| {
        v.is_word(t) && v.tok(t).chars().all(|c| !c.is_lowercase()) && v.tok(t).chars().any(|c| c.is_alphabetic())
    };
    if let Some(d) = (lo..(lo + 4).min(s.tok_end)).find(|&t| v.is_dash(t)) {
        if d > lo && (lo..d).all(caps) && d + 1 < s.tok_end {
            lo = d + 1;
            while lo < s.tok_end && v.is_dash(lo) {
                lo += 1;
            }
        }
    }
    (lo, s.tok_end)
}

fn embedded_or_subject(v: &Tokens, mi: &MentionIndex, lo: usize, cue: &CueHit) -> Option<Guess> {
    if let Some((a, b)) = cue.embedded {
        return np_back(v, mi, a, b, true);
    }
    subject_before(v, mi, lo, cue.tok_start, false).ok().flatten()
}

/// A comma (possibly with a closing quote mark on either side) right before token `k`:
/// returns the token where the clause before it ends (exclusive).
fn comma_before(v: &Tokens, lo: usize, k: usize) -> Option<usize> {
    if k <= lo + 1 {
        return None;
    }
    if v.is_punct(k - 1, ",") {
        return Some(k - 1);
    }
    if v.is_quote(k - 1) && k >= lo + 2 && v.is_punct(k - 2, ",") {
        return Some(k - 1); // …,” the minister said: the clause keeps its closing mark
    }
    None
}

/// How many words follow the attribution before a comma or the sentence end
/// (", adding ..." after the verb is fine; a whole clause is not).
fn tail_words(v: &Tokens, from: usize, hi: usize) -> Option<usize> {
    let mut n = 0;
    for t in from..hi {
        if v.is_punct(t, ",") || v.is_final(t) {
            return Some(n);
        }
        if v.is_quote(t) {
            return None;
        }
        if v.is_word(t) {
            n += 1;
        }
    }
    Some(n)
}

fn short_tail(v: &Tokens, from: usize, hi: usize) -> bool {
    tail_words(v, from, hi).is_some_and(|n| n <= 8)
}

/// A clause cannot open with a preposition or a subordinator ("At the debate, X said ...").
fn opens_like_clause(v: &Tokens, a: usize) -> bool {
    let w = v.tok(a);
    let bad = [
        "at",
        "in",
        "during",
        "for",
        "as",
        "when",
        "if",
        "though",
        "although",
        "while",
        "after",
        "before",
        "since",
        "because",
        "by",
        "on",
        "back",
        "among",
        "with",
        "without",
        "despite",
        "unlike",
        "like",
        "according",
        "from",
        "until",
        "once",
        "whether",
        "to",
        "of",
        "into",
        "over",
        "under",
        "through",
        "amid",
        "following",
        "asked",
    ];
    !bad.iter().any(|b| b.eq_ignore_ascii_case(w))
}

/// "A, X said, B": the attribution sits inside the sentence. The longer side is kept (the
/// speaker never lies inside the content).
fn parenthetical(v: &Tokens, lo: usize, comma_before: usize, after_attr: usize, hi: usize) -> Option<(usize, usize)> {
    if !v.is_punct(after_attr, ",") {
        return None;
    }
    let left = (lo..comma_before).filter(|&t| v.is_word(t)).count();
    let right = (after_attr + 1..hi).filter(|&t| v.is_word(t)).count();
    // "…,” she said in the capital, emphasizing it was time …": a participle cue reports
    // the right side itself, so this attribution reports the left side ("Drones hit two
    // villages, the army said on Tuesday, adding that ..."; a quotation there is a direct
    // quote already and the clause overlapping it is dropped)
    if (after_attr + 1..hi).find(|&t| v.is_word(t)).is_some_and(|t| is_cue_word(v, t) && v.tok(t).ends_with("ing")) {
        return clause(v, lo, comma_before);
    }
    if right > left {
        if describes_the_speaker(v, after_attr + 1, hi) {
            // "A, X said, until ..." / "A, said X, a lawyer for ...": the left side is the
            // clause, unless it is an adverbial ("Near the front line, X said, his men ...")
            // (a participle or a relative there is no clause of its own, so the left side
            // is, adverbial and all: "On Monday, troops took X, the army said, releasing
            // footage of ...")
            let adjunct = (after_attr + 1..hi).find(|&t| v.is_word(t)).is_some_and(|t| {
                let w = v.tok(t);
                is_relative(w)
                    || (w.len() > 4 && w.ends_with("ing") && w.chars().next().is_some_and(|c| c.is_lowercase()))
            });
            // (the part after the left side's last comma must be a clause then, not the end
            // of a place: "In the court in Alexandria, Va., X said little, offering ...")
            let last_part = (lo..comma_before).rev().find(|&t| v.is_punct(t, ",")).map_or(lo, |c| c + 1);
            let adjunct = adjunct
                && opens_like_clause(v, last_part)
                && (last_part..comma_before).filter(|&t| v.is_word(t)).count() >= 4;
            if !adjunct && (!opens_like_clause(v, lo) || v.has(lo, WordClass::Locative)) {
                return None;
            }
            return clause(v, lo, comma_before);
        }
        clause(v, after_attr + 1, hi)
    } else {
        clause(v, lo, comma_before)
    }
}

/// What follows "X said," is about X, not said by X, when it opens like a description or
/// an adjunct: a determiner or role noun ("a lawyer for the group, who ..."), a relative
/// ("who led the agency"), a preposition ("on his first day") or a participle ("going on
/// to compare ..."). A reported clause there opens with its own subject instead.
fn describes_the_speaker(v: &Tokens, a: usize, hi: usize) -> bool {
    let Some(first) = (a..hi).find(|&t| v.is_word(t)) else {
        return true;
    };
    let w = v.tok(first);
    let lower = w.chars().next().is_some_and(|c| c.is_lowercase());
    (lower && is_determiner(w) && !is_speaker_pronoun(w) && !determiner_clause(v, first, hi))
        || is_relative(w)
        || !opens_like_clause(v, first)
        || (lower && v.is_role(first))
        || (lower && w.len() > 4 && w.ends_with("ing") && !is_cue_word(v, first))
}

/// "the world could suffer ...", "the talks were over": a determiner opening a clause of its
/// own — an auxiliary or a verb-group word within its first five tokens, before any comma
/// or relative — where a description ("a lawyer for the group, who ...") has none.
fn determiner_clause(v: &Tokens, first: usize, hi: usize) -> bool {
    (first + 1..(first + 6).min(hi))
        .take_while(|&t| v.is_word(t) && !is_relative(v.tok(t)))
        .any(|t| v.has(t, WordClass::Auxiliary) || is_verb_filler(v.tok(t)))
}

/// A reporting verb in its own right ("…, X said, stressing that …" reports speech too).
fn is_cue_word(v: &Tokens, t: usize) -> bool {
    let (s, e) = (v.start(t), v.end(t));
    v.ctx.cues_in(s, e).any(|(a, _, _)| a == s)
}

/// "CLAUSE, X said (on Tuesday)." and "CLAUSE, said X."
fn trailing(v: &Tokens, mi: &MentionIndex, cue: &CueHit) -> Option<(usize, usize, Guess)> {
    let (lo, hi) = sentence_bounds(v, cue);
    if lo >= hi {
        return None;
    }
    // "X said that CLAUSE" / "X said: CLAUSE" reports what follows, never what precedes
    if cue.tok_end < hi && (v.is(cue.tok_end, "that") || v.is_punct(cue.tok_end, ":")) {
        return None;
    }
    // "…, emphasizing it was time": a participle after a comma reports what follows
    if cue.tok_start > lo && v.is_punct(cue.tok_start - 1, ",") && v.tok(cue.tok_start).ends_with("ing") {
        return None;
    }
    // A sentence may open with an adverbial ("On Tuesday, shelling killed five, the
    // governor said"); what must not happen is that the adverbial alone is the clause
    // ("At the debate, X said ...").
    let adverbial_end = if opens_like_clause(v, lo) && !participial_opening(v, lo) {
        None
    } else {
        // (a long one too: "As the candidate prepared to speak to supporters in Wisconsin
        // on Tuesday, a girl outside was pepper-sprayed, police said")
        (lo..(lo + 25).min(hi)).find(|&t| v.is_punct(t, ",")).or(Some(hi))
    };
    let (end, g, after) = if let Some(g) = embedded_or_subject(v, mi, lo, cue)
        .or_else(|| bracketed_subject(v, mi, lo, cue))
        .or_else(|| trailing_phrase_subject(v, mi, lo, cue))
    {
        // an appositive speaker ("The chairman, Phil Lovas, said") starts at its head
        let mut k = g.tok_start;
        // (an adverb may stand before the verb: "The chairman, X, recently asked ...")
        let appositive =
            g.tok_end < cue.tok_start && (v.is_punct(cue.tok_start - 1, ",") || v.is_punct(g.tok_end, ","));
        if appositive && k >= 2 && v.is_punct(k - 1, ",") && !v.is_final(k - 2) {
            if let Some(c) = (k.saturating_sub(10).max(lo)..k - 1).rev().find(|&t| v.is_punct(t, ",")) {
                if (c + 1..k - 1).all(|t| v.is_word(t)) && c > lo {
                    k = c + 1;
                }
            } else if (lo..k - 1).all(|t| v.is_word(t)) && k - 1 - lo <= 12 {
                // "The state's chairman, X, said ..." / "The head of the city military
                // administration, X, said ...": a description, no clause before
                return None;
            }
        }
        (comma_before(v, lo, k)?, g, cue.tok_end)
    } else {
        let end = comma_before(v, lo, cue.tok_start)?;
        let g = np_forward(v, mi, cue.tok_end, hi, false)?;
        let after = g.tok_end;
        // "..., said he had not given up": a pronoun after the verb with words after it is
        // the subject of the reported clause, not an inverted speaker
        if g.pronoun && tail_words(v, after, hi) != Some(0) {
            return None;
        }
        (end, g, after)
    };
    // "Noting ..., Allen said he tends to ...": a subject pronoun and a word right after the
    // attribution open the reported clause; what precedes is no content
    let verb_like = |t: usize| !is_np_stop(v.tok(t)) || v.has(t, WordClass::Auxiliary) || is_verb_filler(v.tok(t));
    if after + 1 < hi && is_speaker_pronoun(v.tok(after)) && v.is_word(after + 1) && verb_like(after + 1) {
        return None;
    }
    if adverbial_end.is_some_and(|a| end <= a + 1) {
        return None;
    }
    if short_tail(v, after, hi) {
        // "CLAUSE, X said (on Tuesday)." or "A, X said, B" with a short B
        let n = tail_words(v, after, hi).unwrap_or(0);
        let mut t = after;
        while t < hi && !v.is_punct(t, ",") && !v.is_final(t) {
            t += 1;
        }
        if n <= 8 && t < hi && v.is_punct(t, ",") && (t + 1..hi).filter(|&x| v.is_word(x)).count() > 3 {
            let (s, e) = parenthetical(v, lo, end, t, hi)?;
            return Some((s, e, g));
        }
        let (s, e) = clause(v, lo, end)?;
        return Some((s, e, g));
    }
    None
}

/// "CLAUSE, the airline said.", "CLAUSE, veteran Republicans said.": after the comma that
/// closes a clause, a plain noun phrase before a reporting verb is its subject (the names
/// and role words the strict rule wants are not needed there).
fn trailing_phrase_subject(v: &Tokens, mi: &MentionIndex, lo: usize, cue: &CueHit) -> Option<Guess> {
    if cue.kind == CueKind::Belief || cue.embedded.is_some() || !is_strong_lemma(&cue.lemma) {
        return None;
    }
    let verb = quoted_name_end(v, lo, cue.tok_start).unwrap_or(cue.tok_start);
    let g = loose_subject(v, mi, lo, verb)?;
    comma_before(v, lo, g.tok_start).map(|_| g)
}

/// A plain noun phrase as the subject of the verb at `verb`, for the rules that accept one:
/// not a preposition's object alone ("Trump at the time said"), not an adverb ("pointedly
/// saying"), and the verb itself finite or progressive (a bare "saying" has its subject
/// elsewhere; "some are quietly saying" has it).
fn loose_subject(v: &Tokens, mi: &MentionIndex, lo: usize, verb: usize) -> Option<Guess> {
    let mut b = verb;
    while b > lo && v.has(b - 1, WordClass::VerbFiller) {
        b -= 1;
    }
    let progressive = b > lo && matches!(v.tok(b - 1).to_ascii_lowercase().as_str(), "is" | "are" | "was" | "were");
    if v.tok(verb).to_ascii_lowercase().ends_with("ing") && !progressive {
        return None;
    }
    let g = subject_before(v, mi, lo, verb, true).ok().flatten()?;
    if v.tok(g.tok_end - 1).to_ascii_lowercase().ends_with("ly") {
        return None;
    }
    let prep = g.tok_start.checked_sub(1).filter(|&p| p >= lo && v.is_word(p) && v.has(p, WordClass::Preposition));
    let Some(p) = prep else { return Some(g) };
    // the phrase is a preposition's object: the subject stands before the preposition,
    // a name on its own ("Trump at the time said") or a noun the phrase qualifies
    // ("other bundlers in both parties said")
    let outer = np_back(v, mi, lo, p, true)?;
    Some(if outer.mention.is_some() { outer } else { Guess::phrase(v, outer.tok_start, g.tok_end, false, outer.role) })
}

/// "Six in 10 say ...", "About 52 percent of voters said ...", "At least half of voters in
/// each state say ...", "Large majorities of Democrats in five states say ...": a poll's
/// share of a group as the subject of the verb at `verb`. The phrase runs from the clause's
/// start (the sentence start or the last comma or conjunction) to the verb group, at most
/// twelve words; within its first four words stands a share word ("half", "majorities",
/// "percent") or a count followed by "in", "out", "of" or "percent", and only hedges
/// ("about", "at least"), determiners and one adjective come before it.
fn share_subject(v: &Tokens, lo: usize, verb: usize) -> Option<Guess> {
    use crate::lexicon::words;
    let mut j = verb;
    while j > lo && is_verb_filler(v.tok(j - 1)) {
        j -= 1;
    }
    let joint = |t: usize| {
        !(v.is_word(t) || v.tok(t) == "%" || v.tok(t) == "'s")
            || matches!(v.tok(t).to_ascii_lowercase().as_str(), "and" | "but" | "while" | "whereas" | "though")
    };
    let a = (lo..j).rev().find(|&t| joint(t)).map_or(lo, |t| t + 1);
    if j <= a || j - a > 12 {
        return None;
    }
    let count = |t: usize| {
        let w = v.tok(t);
        (w.chars().next().is_some_and(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.'))
            || (words().is(w, WordClass::Quantifier) && !matches!(w.to_ascii_lowercase().as_str(), "other" | "all"))
    };
    let share = |t: usize| {
        words().is(v.tok(t), WordClass::ShareWord)
            || v.tok(t) == "%"
            || (count(t)
                && t + 1 < j
                && (matches!(v.tok(t + 1).to_ascii_lowercase().as_str(), "in" | "out" | "of" | "%")
                    || words().is(v.tok(t + 1), WordClass::ShareWord)))
    };
    // "Some say ...", "Both said ...", "Many of the women said ...": a quantifier standing
    // alone for people, or before "of"
    let group =
        |t: usize| words().is(v.tok(t), WordClass::GroupQuantifier) && (t + 1 == j || (t + 1 < j && v.is(t + 1, "of")));
    let q = (a..(a + 4).min(j)).find(|&t| share(t) || group(t))?;
    // one adjective ("Large majorities"), never a preposition ("with three in 10")
    let others: Vec<usize> =
        (a..q).filter(|&t| !words().is(v.tok(t), WordClass::Approximator) && !is_determiner(v.tok(t))).collect();
    let adjectives = if others.iter().any(|&t| is_np_stop(v.tok(t))) { 2 } else { others.len() };
    let last = j - 1;
    let clean = !is_speaker_pronoun(v.tok(a)) && (a..j).all(|t| !is_relative(v.tok(t)));
    // the head: a noun, a share word, the count of "six in 10", or "them" in "most of them"
    let w = v.tok(last);
    let head_ok = words().is(w, WordClass::ShareWord)
        || count(last)
        || group(last)
        || (last > a && v.is(last - 1, "of") && matches!(w.to_ascii_lowercase().as_str(), "them" | "those" | "us"))
        || (!is_np_stop(w) && !is_determiner(w));
    (adjectives <= 1 && clean && head_ok).then(|| Guess::phrase(v, a, j, false, false))
}

/// "the Air Command “East”, ...": a short capitalised name in marks opening at token `t`;
/// the token after its closing mark.
fn quoted_name_after(v: &Tokens, t: usize, hi: usize) -> Option<usize> {
    if t >= hi || !v.is_quote(t) {
        return None;
    }
    let close = (t + 1..(t + 6).min(hi)).find(|&x| v.is_quote(x))?;
    let words = t + 1..close;
    (!words.is_empty() && words.clone().all(|x| v.is_capitalised(x))).then_some(close + 1)
}

/// "the operational command “South” reported": when a short capitalised name in marks
/// stands right before the verb at `verb`, the token of its opening mark (the subject
/// phrase ends there).
fn quoted_name_end(v: &Tokens, lo: usize, verb: usize) -> Option<usize> {
    if verb < lo + 3 || !v.is_quote(verb - 1) {
        return None;
    }
    let open = (verb.saturating_sub(5).max(lo)..verb - 1).rev().find(|&t| v.is_quote(t))?;
    let words = open + 1..verb - 1;
    (!words.is_empty() && words.clone().all(|t| v.is_capitalised(t))).then_some(open)
}

/// "Sen. Jane Roe (D-Vt.) told": the name before a bracketed affiliation right before the verb.
fn bracketed_subject(v: &Tokens, mi: &MentionIndex, lo: usize, cue: &CueHit) -> Option<Guess> {
    let j = cue.tok_start;
    if j <= lo + 1 || !v.is_punct(j - 1, ")") {
        return None;
    }
    let open = (j.saturating_sub(8).max(lo)..j - 1).rev().find(|&t| v.is_punct(t, "("))?;
    np_back(v, mi, lo, open, false).filter(|g| g.named || g.role)
}

/// "…, said Jane Roe, a farmer from the region, who said (that) CLAUSE": a relative "who"
/// right before a reporting verb hands the clause to the person it describes — the
/// nearest named person before the comma in the same sentence.
fn relative_antecedent(v: &Tokens, mi: &MentionIndex, lo: usize, cue: &CueHit) -> Option<Guess> {
    let mut j = cue.tok_start;
    while j > lo && v.has(j - 1, WordClass::VerbFiller) {
        j -= 1;
    }
    if j < lo + 2 || !is_strong_lemma(&cue.lemma) {
        return None;
    }
    if !v.is(j - 1, "who") {
        return relative_subject(v, mi, lo, j, cue);
    }
    if !v.is_punct(j - 2, ",") {
        // "an architect who said he was stiffed": the noun phrase right before "who"
        return np_back(v, mi, lo, j - 1, true);
    }
    if j < lo + 3 {
        return None;
    }
    let comma = j - 2;
    let floor = v.start(lo);
    let m = mi
        .before(v.start(comma), floor)
        .find(|&i| mi.mentions[i].label == crate::model::Label::Person && mi.mentions[i].end <= v.start(comma))?;
    let mm = &mi.mentions[m];
    let (ts, te) = (v.ctx.token_at(mm.start), v.ctx.token_at(mm.end));
    Some(Guess {
        start: mm.start,
        end: mm.end,
        tok_start: ts,
        tok_end: te,
        mention: Some(m),
        pronoun: false,
        named: true,
        role: false,
        name: None,
    })
}

/// "the paper, which argued that CLAUSE", "a report that warned that CLAUSE", "the firm,
/// whose lawyers argued that CLAUSE": a relative pronoun that is the subject of the
/// reporting verb (it stands right before the verb group starting at `j`) hands the clause
/// to its antecedent, or to the noun after "whose". Only before an explicit "that" (or a
/// clause after a verb that reports nothing else), so that "the strike, which officials
/// said killed five" — the relative inside the content — stays out.
fn relative_subject(v: &Tokens, mi: &MentionIndex, lo: usize, j: usize, cue: &CueHit) -> Option<Guess> {
    let hi = v.ctx.seg.sentences[cue.sentence].tok_end;
    let that = cue.tok_end < hi && v.is(cue.tok_end, "that");
    if cue.kind == CueKind::Belief || cue.embedded.is_some() || !(that || clause_follows_clause_verb(v, cue, hi)) {
        return None;
    }
    // "whose (top) lawyers argued": the noun after "whose" speaks
    if let Some(w) = (j.saturating_sub(4).max(lo)..j - 1).rev().find(|&t| v.is(t, "whose")) {
        if (w + 1..j).all(|t| v.is_word(t) && !is_np_stop(v.tok(t)) && !is_relative(v.tok(t))) {
            return np_back(v, mi, w + 1, j, true).filter(|g| g.tok_start == w + 1);
        }
        return None;
    }
    if !(v.is(j - 1, "which") || v.is(j - 1, "that")) {
        return None;
    }
    let k = if v.is_punct(j - 2, ",") { j - 2 } else { j - 1 };
    if k <= lo {
        return None;
    }
    // "that" opens a relative only right after a noun phrase that has its determiner ("a
    // report that warned"), never after a verb or a function word
    let relative_that = v.is(j - 1, "that");
    if relative_that && (k != j - 1 || !v.is_word(k - 1) || is_np_stop(v.tok(k - 1))) {
        return None;
    }
    np_back(v, mi, lo, k, true).filter(|g| {
        !g.pronoun
            && plausible_phrase(v, g.tok_start, g.tok_end - 1)
            && (!relative_that || is_determiner(v.tok(g.tok_start)) || g.named)
    })
}

/// A subject the phrase rules miss: "X exhorted ... and said" (the sentence's subject),
/// "Sen. Jane Roe (R-Ga.) said" (a bracket before the verb), and a whole noun phrase
/// opening the sentence ("Experts on North Korea and nuclear nonproliferation said").
fn far_subject(v: &Tokens, mi: &MentionIndex, lo: usize, cue: &CueHit) -> Option<Guess> {
    if cue.kind == CueKind::Belief || !(is_strong_lemma(&cue.lemma) || is_commit_lemma(&cue.lemma)) {
        return None;
    }
    let mut j = cue.tok_start;
    while j > lo && v.has(j - 1, WordClass::VerbFiller) {
        j -= 1;
    }
    if j <= lo {
        return None;
    }
    // "X outlined his plan and vowed to ...", "X has urged ... but has said she will ...",
    // "X offered him a job, then says ...": the sentence's subject, or a plain noun phrase
    // opening the sentence before its verb ("The report cited ... and said that ...")
    let then = v.is(j, "then") && v.is_punct(j - 1, ",");
    if v.is(j - 1, "and") || v.is(j - 1, "but") || then {
        return sentence_subject(v, mi, lo, j - 1).or_else(|| opening_noun_phrase(v, mi, lo, j - 1));
    }
    // "Kall -- co-editor of a book on the debates -- said": the name before the dashes
    if v.is_dash(j - 1) {
        let open = (j.saturating_sub(30).max(lo)..j - 1).rev().find(|&t| v.is_dash(t))?;
        return np_back(v, mi, lo, open, false).filter(|g| (g.named || g.role) && g.tok_start == lo);
    }
    if v.is_punct(j - 1, ")") {
        let open = (j.saturating_sub(8).max(lo)..j - 1).rev().find(|&t| v.is_punct(t, "("))?;
        return np_back(v, mi, lo, open, false);
    }
    // the whole stretch from the sentence start: words only, a capitalised first word,
    // no verb-like function word, at most a dozen tokens
    let mut a = lo;
    while a < j && (v.is(a, "but") || v.is(a, "and") || v.is(a, "so")) {
        a += 1;
    }
    if j - a < 2 || j - a > 12 || !v.is_capitalised(a) || a > lo + 1 {
        return None;
    }
    let fine = (a..j).all(|t| {
        let w = v.tok(t);
        // Stop words end the phrase, except the prepositions and "and" a long subject has.
        let joins_a_subject =
            matches!(w.to_ascii_lowercase().as_str(), "on" | "in" | "and" | "at" | "from" | "across" | "around");
        let stops = is_np_stop(w) && !joins_a_subject;
        (v.is_word(t) || w == "'s") && !stops && !is_relative(w) && !is_speaker_pronoun(w)
    });
    let head = v.tok(j - 1);
    let head_ok = v.is_role(j - 1)
        || v.is_capitalised(j - 1)
        || (head.len() > 3 && head.ends_with('s') && head.chars().all(|c| c.is_lowercase()));
    // "Military analysts in Kyiv and around the region say": a role head, then where it is
    let located_role = (a..j.saturating_sub(1))
        .any(|t| v.is_role(t) && (v.has(t + 1, WordClass::Locative) || v.has(t + 1, WordClass::Preposition)));
    if !fine || !(head_ok || located_role) || !(a..j).any(|t| v.is_role(t)) {
        return None;
    }
    Some(Guess::phrase(v, a, j, false, true))
}

/// "“…,” Mr. Murphy said, adding that …" / "…, said Mr. Murphy, noting that …": a
/// participle right after an attribution reports the same speaker, whatever opens the
/// sentence (a quotation, an adverbial).
fn prior_attribution(v: &Tokens, mi: &MentionIndex, lo: usize, vs: usize) -> Option<Guess> {
    if vs < lo + 3 || !v.is_punct(vs - 1, ",") {
        return None;
    }
    let k = vs - 1;
    if is_cue_word(v, k - 1) {
        return subject_before(v, mi, lo, k - 1, false).ok().flatten();
    }
    // "X said on Tuesday, adding that …", "X told reporters in Kyiv, adding …": an adjunct
    // (or an object and an adjunct) between that verb and the comma
    let floor = k.saturating_sub(6).max(lo + 1);
    let verb = (floor..k - 1).rev().take_while(|&t| v.is_word(t)).find(|&t| is_cue_word(v, t));
    if let Some(c) = verb.filter(|&c| v.has(c + 1, WordClass::AdjunctPreposition) || v.is(c + 1, "reporters")) {
        if let Some(g) = subject_before(v, mi, lo, c, false).ok().flatten() {
            return Some(g);
        }
    }
    let g = np_back(v, mi, lo, k, false)?;
    (g.tok_start > lo && is_cue_word(v, g.tok_start - 1)).then_some(g)
}

/// "The departments declined to give details, saying …", "One employee at the firm declined
/// to speak, saying …": a participle of speech after a comma reports the sentence's
/// subject, so a plain noun phrase opening the sentence will do there (a determiner or a
/// capital first, then a lower-case verb right after it).
fn opening_noun_phrase(v: &Tokens, mi: &MentionIndex, lo: usize, vs: usize) -> Option<Guess> {
    let mut a = lo;
    while a < vs && (v.is(a, "but") || v.is(a, "and") || v.is(a, "so")) {
        a += 1;
    }
    if !(v.is_determiner_at(a) || v.is_capitalised(a)) || v.has(a, WordClass::Pronoun) {
        return None;
    }
    // the verb: the first lower-case auxiliary or regular past form after the phrase's first
    // word (an irregular past, "withdrew", is not recognised)
    let aux = |w: &str| {
        matches!(
            w,
            "has" | "have" | "had" | "was" | "were" | "is" | "are" | "will" | "would" | "could" | "did" | "also"
        )
    };
    // ("The retired surgeon has ...": a past form right after a determiner is an adjective)
    let verb = (a + 1..vs.min(a + 9)).take_while(|&t| v.is_word(t) || v.tok(t) == "'s").find(|&t| {
        let w = v.tok(t);
        w.chars().next().is_some_and(|c| c.is_lowercase())
            && (aux(w) || (w.len() > 4 && w.ends_with("ed") && !is_determiner(v.tok(t - 1))))
    })?;
    let g = np_back(v, mi, a, verb, true).filter(|g| g.tok_start == a)?;
    plausible_phrase(v, g.tok_start, g.tok_end - 1).then_some(g)
}

/// "At times last year, people close to the mayor said, the talks nearly failed": an
/// attribution set off by commas after an opening adverbial; its subject may be any plain
/// noun phrase (the commas on both sides and the reporting verb mark it), and the clause
/// after the second comma is what was said (see `adverbial_first` in `leading`).
fn set_off_subject(v: &Tokens, mi: &MentionIndex, lo: usize, cue: &CueHit, hi: usize) -> Option<Guess> {
    if cue.kind == CueKind::Belief || cue.embedded.is_some() || !is_strong_lemma(&cue.lemma) {
        return None;
    }
    if cue.tok_end + 1 >= hi || !v.is_punct(cue.tok_end, ",") {
        return None;
    }
    loose_subject(v, mi, lo, cue.tok_start).filter(|g| g.tok_start > lo + 1 && v.is_punct(g.tok_start - 1, ","))
}

/// "say", "insist" right before a word that can open a clause ("said she was", "say the
/// plan"): the verb has no object, so what follows is what was said.
fn clause_follows_clause_verb(v: &Tokens, cue: &CueHit, hi: usize) -> bool {
    let i = cue.tok_end;
    cue.kind != CueKind::Belief
        && cue.embedded.is_none()
        && is_clause_lemma(&cue.lemma)
        && i + 1 < hi
        && v.is_word(i)
        && v.is_word(i + 1)
        && !bad_clause_start_at(v, i)
        && !v.is(i, "so")
}

/// "X said (on Tuesday) (that) CLAUSE" / "X told reporters that CLAUSE".
fn leading(v: &Tokens, mi: &MentionIndex, cue: &CueHit) -> Option<(usize, usize, Guess, bool)> {
    let (lo, hi) = sentence_bounds(v, cue);
    // "..., saying CLAUSE" / "..., going on to say CLAUSE": a participle after a comma
    // reports the sentence's subject
    let vs = catenative_start(v, lo, cue.tok_start);
    let after_comma = |t: usize| {
        v.is_punct(t - 1, ",") || (t > lo + 1 && v.is_quote(t - 1) && v.is_punct(t - 2, ","))
        // "…,” adding that"
    };
    let participle = v.tok(vs).ends_with("ing")
        && vs > lo
        && (after_comma(vs) || (vs > lo + 1 && matches!(v.tok(vs - 1), "by" | "from" | "for")));
    let g = if participle {
        prior_attribution(v, mi, lo, vs)
            .or_else(|| sentence_subject(v, mi, lo, vs))
            .or_else(|| opening_noun_phrase(v, mi, lo, vs))?
    } else {
        match embedded_or_subject(v, mi, lo, cue) {
            // "..., aides to the mayor said, ...": the strict rule stops at the role after the
            // preposition; the whole phrase between the commas is the subject
            Some(g) if g.tok_start > lo && v.has(g.tok_start - 1, WordClass::Preposition) => {
                set_off_subject(v, mi, lo, cue, hi).unwrap_or(g)
            }
            Some(g) => g,
            None => relative_antecedent(v, mi, lo, cue)
                .or_else(|| far_subject(v, mi, lo, cue))
                .or_else(|| set_off_subject(v, mi, lo, cue, hi))
                // "the fund warned that ...": before a "that" clause a plain noun phrase will
                // do; so it will before a verb that only ever reports a clause, when one
                // follows at once ("The actress said she was tired")
                .or_else(|| {
                    let that = cue.tok_end < hi
                        && v.is(cue.tok_end, "that")
                        && cue.kind != CueKind::Belief
                        && cue.embedded.is_none();
                    if that {
                        subject_before(v, mi, lo, cue.tok_start, true)
                            .ok()
                            .flatten()
                            .or_else(|| share_subject(v, lo, cue.tok_start))
                    } else if clause_follows_clause_verb(v, cue, hi) {
                        loose_subject(v, mi, lo, cue.tok_start).or_else(|| share_subject(v, lo, cue.tok_start))
                    } else {
                        None
                    }
                })?,
        }
    };
    let i = cue.tok_end;
    if i < hi && v.is_punct(i, ":") && (i + 1..hi).all(|t| !v.is_word(t)) && cue.kind != CueKind::Belief {
        // "The governor added:" ending its paragraph: the next paragraph is what was said
        // (a block quote whose marks the page dropped)
        let (s, e) = next_paragraph(v, cue)?;
        return Some((s, e, g, false));
    }
    if i >= hi {
        return None;
    }
    // "Asked whether ..., 46 percent said yes": a bare answer ending the clause is what was
    // said
    let answer = matches!(v.tok(i).to_ascii_lowercase().as_str(), "yes" | "no");
    let ends = i + 1 >= hi
        || v.is_final(i + 1)
        || v.is_punct(i + 1, ",")
        || v.is_punct(i + 1, ";")
        || matches!(v.tok(i + 1).to_ascii_lowercase().as_str(), "but" | "while" | "and");
    if answer && is_clause_lemma(&cue.lemma) && cue.kind != CueKind::Belief {
        if ends {
            return Some((v.start(i), v.end(i), g, false));
        }
        // "said no to the war": the refusal with what it refuses
        if v.is(i + 1, "to") {
            let (s, e) = clause(v, i, hi)?;
            return Some((s, e, g, false));
        }
    }
    let mut start = None;
    let mut with_that = false;
    // "Back in Virginia, Mr. Clarke said, he decided ...": an adverbial, the attribution,
    // then the reported clause
    let short_opening =
        g.tok_start > lo + 1 && g.tok_start - 1 - lo <= 2 && (lo..g.tok_start - 1).all(|t| v.is_word(t));
    let adverbial_first = g.tok_start > lo + 1
        && v.is_punct(g.tok_start - 1, ",")
        && (!opens_like_clause(v, lo) || v.has(lo, WordClass::Locative) || short_opening);
    let clause_next =
        i + 1 < hi && v.is_word(i + 1) && !v.has(i + 1, WordClass::Relative) && opens_like_clause(v, i + 1);
    if adverbial_first && v.is_punct(i, ",") && clause_next {
        let (s, e) = clause(v, i + 1, hi)?;
        return Some((s, e, g, false));
    }
    if v.is(i, "that") {
        start = Some(i + 1);
        with_that = true;
    } else if v.is_punct(i, ":") && i + 1 < hi && v.is_word(i + 1) && cue.kind != CueKind::Belief {
        // "X wrote on Telegram: the enemy will pay" — the content after the colon
        start = Some(i + 1);
    } else {
        // an adjunct or object before "that", commas allowed ("says at a campaign stop in
        // Toledo, Ohio, that ...")
        let lim = (i + 12).min(hi);
        let mut t = i;
        while t < lim
            && (v.is_word(t) || v.tok(t) == "'s" || (v.is_punct(t, ",") && t > i) || (v.is_quote(t) && t > i))
            && !v.is(t, "that")
        {
            t += 1;
        }
        let bridged = v.has(i, WordClass::AdjunctPreposition) || takes_object(&cue.lemma) || v.is_capitalised(i);
        if t < lim && v.is(t, "that") && bridged {
            start = Some(t + 1);
            with_that = true;
        }
        // "X said, among other things, that …", "Kaine now says, however, that …": an
        // aside set off by two commas between the verb and "that"
        if start.is_none() && v.is_punct(i, ",") && cue.kind != CueKind::Belief {
            let lim = (i + 8).min(hi);
            if let Some(c) = (i + 2..lim).find(|&t| !v.is_word(t)) {
                if v.is_punct(c, ",") && c + 1 < hi && v.is(c + 1, "that") {
                    start = Some(c + 2);
                    with_that = true;
                }
            }
        }
    }
    if start.is_none() && cue.kind != CueKind::Belief && is_strong_lemma(&cue.lemma) && !takes_object(&cue.lemma) {
        // "said Wednesday he agrees", "says today the plan is dead": a bare day word between
        // the verb and its clause
        let mut k = i;
        while k < hi && k < i + 2 && v.has(k, WordClass::Weekday)
            || (k < hi && k == i && (v.is(k, "yesterday") || v.is(k, "today")))
        {
            k += 1;
        }
        if k > i
            && k + 1 < hi
            && v.is_word(k)
            && v.is_word(k + 1)
            && (v.has(k, WordClass::Pronoun) || v.is_determiner_at(k) || v.is_capitalised(k))
            && !bad_clause_start_at(v, k)
        {
            start = Some(k);
        }
    }
    if start.is_none() && cue.kind != CueKind::Belief && is_strong_lemma(&cue.lemma) && !takes_object(&cue.lemma) {
        // "Sanders said if he were president, DACA would …", "She says despite all that, Obama
        // wasn't …": a subordinate clause or an adjunct first, then after its comma the main
        // clause of what was said (its subject, then a word)
        let opener = matches!(
            v.tok(i).to_ascii_lowercase().as_str(),
            "if" | "when" | "while" | "although" | "though" | "because" | "despite" | "once" | "unless" | "since"
        );
        if opener {
            let lim = (i + 20).min(hi);
            let comma = (i + 2..lim)
                .take_while(|&t| v.is_word(t) || v.is_punct(t, ",") || v.tok(t) == "'s")
                .find(|&t| v.is_punct(t, ","));
            if let Some(c) = comma {
                if c + 2 < hi && v.is_word(c + 1) && v.is_word(c + 2) && !bad_clause_start_at(v, c + 1) {
                    start = Some(i);
                }
            }
        }
    }
    if start.is_none() && cue.kind != CueKind::Belief && is_strong_lemma(&cue.lemma) {
        // "explained why he backs ...", "told the host how surprised he is": an indirect
        // question, right after the verb or after a short object
        let reach = if takes_object(&cue.lemma) { 10 } else { 1 };
        let lim = (i + reach).min(hi);
        if let Some(q) = (i..lim)
            .take_while(|&t| v.is_word(t) || v.tok(t) == "'s")
            .find(|&t| v.has(t, WordClass::QuestionWord) && t + 1 < hi && v.is_word(t + 1))
        {
            start = Some(q);
        }
    }
    if start.is_none() && takes_object(&cue.lemma) && cue.kind != CueKind::Belief && v.is_word(i) {
        // "accused Kyiv of shelling the plant", "accused the North's leader, Kim Jong Un, of
        // “fanatic recklessness”": the charge, with whom it is made against
        let lim = (i + 14).min(hi);
        if let Some(of) = (i + 1..lim)
            .take_while(|&t| v.is_word(t) || v.tok(t) == "'s" || v.is_punct(t, ","))
            .find(|&t| v.is(t, "of"))
        {
            // ("accused him of sexism": after "accuse" any "of" phrase is the charge)
            let charge = of + 1 < hi
                && (v.is_quote(of + 1)
                    || (v.tok(of + 1).len() > 4 && v.tok(of + 1).ends_with("ing"))
                    || (crate::lexicon::words().is(&cue.lemma, WordClass::ChargeCue) && v.is_word(of + 1)));
            if charge {
                start = Some(i);
            }
        }
    }
    if start.is_none() && takes_object(&cue.lemma) && cue.kind != CueKind::Belief && v.is_word(i) {
        // "told his advisers to find a way ...": a directive, with whom it is addressed to
        if let Some(to) =
            (i + 1..(i + 6).min(hi)).take_while(|&t| v.is_word(t) || v.tok(t) == "'s").find(|&t| v.is(t, "to"))
        {
            if to + 1 < hi && v.is_word(to + 1) && !v.is_determiner_at(to + 1) {
                start = Some(i);
            }
        }
    }
    if start.is_none() && is_commit_lemma(&cue.lemma) && (v.is(i, "to") || (v.is(i, "not") && v.is(i + 1, "to"))) {
        // "vowed to punish those who ...": what was promised
        start = Some(i);
    }
    if start.is_none()
        && (takes_object(&cue.lemma) || (is_strong_lemma(&cue.lemma) && v.has(i, WordClass::AdjunctPreposition)))
        && cue.kind != CueKind::Belief
        && v.is_word(i)
        && !v.has(i, WordClass::Pronoun)
    {
        // "told the forum he was ...": a short object, then a clause opening with a
        // subject pronoun
        let lim = (i + 7).min(hi);
        if let Some(p) = (i + 1..lim)
            .take_while(|&t| v.is_word(t) || v.tok(t) == "'s")
            .find(|&t| matches!(v.tok(t), "he" | "she" | "they" | "we" | "I" | "it"))
        {
            // ("tells audiences she may be charged": an auxiliary or a modal after it)
            if p + 1 < hi && v.is_word(p + 1) && !v.has(p + 1, WordClass::NpStop)
                || (p + 1 < hi
                    && (matches!(
                        v.tok(p + 1).to_ascii_lowercase().as_str(),
                        "was" | "were" | "is" | "are" | "had" | "has" | "would" | "will" | "could" | "should" | "did"
                    ) || v.has(p + 1, WordClass::Auxiliary)
                        || (is_verb_filler(v.tok(p + 1)) && !v.tok(p + 1).ends_with("ly"))))
            {
                start = Some(p);
            }
        }
    }
    if start.is_none() {
        // no "that": only sure verbs, and a clause-like word right after the verb
        let one_word_tell = takes_object(&cue.lemma) && cue.tok_end == cue.tok_start + 1;
        let ok = cue.kind != CueKind::Belief
            && is_strong_lemma(&cue.lemma)
            && !one_word_tell
            && v.is_word(i)
            && (!bad_clause_start_at(v, i)
                || (v.is(i, "her") && !takes_object(&cue.lemma) && i + 1 < hi && v.is_word(i + 1))
                || (v.is(i, "at") && (v.is(i + 1, "least") || v.is(i + 1, "most"))) // "said at least five ..."
                || ((v.is(i, "about") || v.is(i, "around") || v.is(i, "over")) && i + 1 < hi && (v.tok(i + 1).starts_with(|c: char| c.is_ascii_digit()) || v.has(i + 1, WordClass::ShareWord))) // "said about 20 people ...", "said about half of ..."
                || (v.is(i, "no") && i + 1 < hi && v.is_word(i + 1) && !v.is(i + 1, "to") && !v.is(i + 1, "comment"))) // "said no decision had been made"
            && !v.is(i, "so")
            && !v.tok(i).eq_ignore_ascii_case("goodbye");
        if ok {
            start = Some(i);
        }
    }
    let start = start?;
    // "Most said they were worried; 46 percent said they were angry": a semicolon before
    // another report ends this one
    let hi = (start + 1..hi)
        .find(|&t| v.is_punct(t, ";") && (t + 1..(t + 10).min(hi)).any(|c| v.is_word(c) && is_cue_word(v, c)))
        .unwrap_or(hi);
    let (s, e) = clause(v, start, hi)?;
    Some((s, e, g, with_that))
}

/// The words of the paragraph after the cue's, when it opens with no quote mark (a marked
/// one is a direct quote) and its sentence ends its own paragraph.
fn next_paragraph(v: &Tokens, cue: &CueHit) -> Option<(usize, usize)> {
    let seg = &v.ctx.seg;
    let s = &seg.sentences[cue.sentence];
    let next = seg.sentences.get(cue.sentence + 1)?;
    if next.paragraph != s.paragraph + 1 {
        return None;
    }
    let para = seg.paragraphs.get(next.paragraph as usize)?;
    let a = next.tok_start;
    if v.is_quote(a) {
        return None;
    }
    let mut b = a;
    while b < v.n_tokens() && v.end(b) <= para.end {
        b += 1;
    }
    clause(v, a, b)
}

/// "Moscow's claim that its troops had taken the town, ...": the clause after "that" up to
/// the next comma, said by the possessor.
fn possessive_claim(v: &Tokens, mi: &MentionIndex, cue: &CueHit) -> Option<(usize, usize, Guess)> {
    let (lo, hi) = sentence_bounds(v, cue);
    let g = np_back(v, mi, lo, cue.tok_start - 1, false).filter(|g| g.named || g.role)?;
    let a = cue.tok_end + 1;
    let b = (a..hi).find(|&t| v.is_punct(t, ",")).unwrap_or(hi);
    let (s, e) = clause(v, a, b)?;
    Some((s, e, g))
}

/// "It was reported that CLAUSE" / "it has been claimed that CLAUSE": reported speech with
/// no source — a quote without a speaker.
fn impersonal(v: &Tokens, cue: &CueHit) -> Option<(usize, usize)> {
    if cue.kind == CueKind::Belief || !is_strong_lemma(&cue.lemma) || !v.tok(cue.tok_start).ends_with("ed") {
        return None;
    }
    let (lo, hi) = sentence_bounds(v, cue);
    let mut j = cue.tok_start;
    while j > lo && (v.has(j - 1, WordClass::VerbFiller) || v.is(j - 1, "been")) {
        j -= 1;
    }
    if j < lo + 2
        || !matches!(v.tok(j - 1).to_ascii_lowercase().as_str(), "is" | "was" | "has" | "had")
        || !v.is(j - 2, "it")
    {
        return None;
    }
    if j - 2 > lo && !v.is_punct(j - 3, ",") && !v.is(j - 3, "but") && !v.is(j - 3, "and") {
        return None;
    }
    let i = cue.tok_end;
    if i >= hi || !v.is(i, "that") {
        return None;
    }
    clause(v, i + 1, hi)
}

/// "NP which, according to X, ...": a relative pronoun and a comma right before the cue;
/// the relative pronoun's token.
fn relative_before_according(v: &Tokens, lo: usize, cue: &CueHit) -> bool {
    cue.tok_start >= lo + 2 && v.is_punct(cue.tok_start - 1, ",") && is_relative(v.tok(cue.tok_start - 2))
}

/// "according to X, CLAUSE" / "CLAUSE, according to X."
fn according(v: &Tokens, mi: &MentionIndex, cue: &CueHit) -> Option<(usize, usize, Guess)> {
    let (lo, hi) = sentence_bounds(v, cue);
    // "heavy according to his body mass index" measures; set off by a comma or opening the
    // sentence, "according to" reports
    let set_off = cue.tok_start <= lo || v.is_punct(cue.tok_start - 1, ",");
    let g = np_forward(v, mi, cue.tok_end, hi, true).or_else(|| long_source(v, cue.tok_end, hi)).or_else(|| {
        if set_off {
            source_to_comma(v, cue.tok_end, hi)
        } else {
            None
        }
    })?;
    // the source phrase may run on a little ("according to officials in Kharkiv")
    let mut t = g.tok_end;
    while t < hi && t < g.tok_end + 5 && v.is_word(t) {
        t += 1;
    }
    // and over a unit's name in marks ("according to the Air Command “East”, ...")
    if let Some(after) = quoted_name_after(v, t, hi) {
        t = after;
    }
    if relative_before_according(v, lo, cue) && t < hi && v.is_punct(t, ",") {
        // "traders which, according to the ministry, helped Moscow sell oil": the
        // relative clause's predicate is what the source says
        let (s, e) = clause(v, t + 1, hi)?;
        return Some((s, e, g));
    }
    if cue.tok_start <= lo && t < hi && v.is_punct(t, ",") {
        // "According to the head of the administration, Oleh Kiper, CLAUSE": the name after
        // the description is the source, and the clause follows its comma
        if let Some((name, comma)) = appositive_name(v, mi, t + 1, hi) {
            let (s, e) = clause(v, comma + 1, hi)?;
            return Some((s, e, name));
        }
        let (s, e) = clause(v, t + 1, hi)?;
        return Some((s, e, g));
    }
    if (t..hi).all(|x| !v.is_word(x)) && cue.tok_start > lo {
        let (s, e) = clause(v, lo, cue.tok_start)?;
        return Some((s, e, g));
    }
    // "CLAUSE, according to a poll released last week (, ...)": a comma before the cue
    // closes the clause, however long the source runs on
    if cue.tok_start > lo + 3 && v.is_punct(cue.tok_start - 1, ",") {
        let (s, e) = clause(v, lo, cue.tok_start)?;
        return Some((s, e, g));
    }
    None
}

/// "according to early results of the exit poll conducted by Edison Research for the
/// networks, CLAUSE" / "CLAUSE, according to one global index.": "according to" names the
/// source of what it reports whatever the source is, so when the phrase rules find no
/// speaker-like phrase the source is every word up to the next comma or the sentence end
/// (at most 30 tokens, no quote marks).
fn source_to_comma(v: &Tokens, i: usize, hi: usize) -> Option<Guess> {
    if i >= hi || !v.is_word(i) {
        return None;
    }
    let j = (i..hi.min(i + 30)).find(|&t| v.is_punct(t, ",") || v.is_final(t) || v.is_quote(t)).unwrap_or(hi);
    if j == i || (j < hi && v.is_quote(j)) || (j == i + 30 && j < hi) {
        return None;
    }
    let mut e = j;
    while e > i && !v.is_word(e - 1) {
        e -= 1;
    }
    (e > i).then(|| Guess::phrase(v, i, e, false, false))
}

/// ", Oleh Kiper, ": a person's name of at most four words between two commas, starting at
/// `a`; returns the name and the token of its closing comma.
fn appositive_name(v: &Tokens, mi: &MentionIndex, a: usize, hi: usize) -> Option<(Guess, usize)> {
    let comma = (a..(a + 5).min(hi)).find(|&t| v.is_punct(t, ","))?;
    let g = np_forward(v, mi, a, comma, false)?;
    let person = g.mention.is_some_and(|m| mi.mentions[m].label == crate::model::Label::Person);
    (person && g.tok_start == a && g.tok_end == comma).then_some((g, comma))
}

/// "…, according to a recent survey of voter lists by the agency.": a source phrase too long
/// for the phrase rules, running from the cue to the sentence end (at most 14 words, opening
/// with a determiner or a capital).
fn long_source(v: &Tokens, i: usize, hi: usize) -> Option<Guess> {
    let mut j = i;
    while j < hi && (v.is_word(j) || v.tok(j) == "'s" || v.is_punct(j, "-")) {
        j += 1;
    }
    let rest_empty = (j..hi).all(|t| !v.is_word(t));
    if j == i
        || j - i > 14
        || !rest_empty
        || !(v.is_determiner_at(i) || v.is_capitalised(i))
        || !plausible_phrase(v, i, j - 1)
    {
        return None;
    }
    Some(Guess::phrase(v, i, j, false, false))
}

/// "On “Face the Nation,” the senator said ..." / "In his book, “Title,” X argued": an
/// adverbial opening the sentence and a title in marks is no reported clause.
fn adverbial_before_title(v: &Tokens, spans: &[QuoteSpan], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|q| q.open < s);
    let Some(last) = spans[i..].iter().take_while(|q| q.open < e).last() else {
        return false;
    };
    if last.content_end + 2 < e || !super::direct::title_like(v, last) {
        return false;
    }
    let first = v.ctx.token_at(s);
    let w = v.tok(first);
    !opens_like_clause(v, first) || (w.len() > 4 && w.to_ascii_lowercase().ends_with("ing"))
}

fn overlaps_any(cands: &[DraftQuote], s: usize, e: usize) -> bool {
    cands.iter().any(|c| c.start < e && s < c.end)
}

fn holds_quote_marks(spans: &[QuoteSpan], s: usize, e: usize) -> bool {
    let i = spans.partition_point(|q| q.open < s);
    spans.get(i).is_some_and(|q| q.open < e) || (i > 0 && spans[i - 1].outer_end() > s)
}

/// Indirect and mixed quotes not overlapping the direct ones.
pub(crate) fn find(
    v: &Tokens,
    mi: &MentionIndex,
    spans: &[QuoteSpan],
    cues: &[CueHit],
    direct: &[DraftQuote],
) -> Vec<DraftQuote> {
    let mut out: Vec<DraftQuote> = Vec::new();
    for cue in cues {
        // "according to a police report released on Sunday": a cue word inside the source
        // of another report is part of that source
        let in_source = |c: &DraftQuote| {
            c.guess.as_ref().is_some_and(|g| g.tok_start <= cue.tok_start && cue.tok_start < g.tok_end)
        };
        if out.iter().any(in_source) {
            continue;
        }
        // "continues to insist that": the reporting verb after the catenative is the cue
        if v.has(cue.tok_start, WordClass::Catenative)
            && cues.iter().any(|c| c.tok_start > cue.tok_start && c.tok_start <= cue.tok_end + 2)
        {
            continue;
        }
        let found = if cue.possessive {
            possessive_claim(v, mi, cue).map(|(s, e, g)| (s, e, g, How::Indirect))
        } else if cue.according {
            according(v, mi, cue).map(|(s, e, g)| (s, e, g, How::According))
        } else {
            trailing(v, mi, cue).map(|(s, e, g)| (s, e, g, How::Indirect)).or_else(|| {
                leading(v, mi, cue).map(|(s, e, g, that)| {
                    let how = if cue.kind == CueKind::Belief { How::Belief } else { How::Indirect };
                    (s, e, g, if that || how == How::Belief { how } else { How::Indirect })
                })
            })
        };
        let found = found
            .map(|(s, e, g, how)| (s, e, Some(g), how))
            .or_else(|| impersonal(v, cue).map(|(s, e)| (s, e, None, How::Indirect)));
        let Some((s, mut e, g, how)) = found else { continue };
        // "She said CLAUSE, and when pressed, she replied, “…”": the clause ends before a
        // direct quote it would run into, at the comma opening a coordinated clause, else
        // at the last comma before the quote
        if let Some(d) = direct.iter().filter(|c| c.start > s && c.start < e).map(|c| c.start).min() {
            let (ts, td) = (v.ctx.token_at(s), v.ctx.token_at(d));
            let coordinated = (ts + 1..td).find(|&t| {
                v.is_punct(t, ",")
                    && t + 1 < td
                    && matches!(v.tok(t + 1).to_ascii_lowercase().as_str(), "and" | "but" | "while")
            });
            // ("... was unserious - “Again, ...,” she said - and ...": a dash before the quote
            // cuts as a comma does)
            // ("said he planned to use the money to counter “…”": with neither, right before
            // the quote's opening mark — unless a colon introduces the quote, which then is
            // what was said: "X explained it this way: “…”")
            let mark = if td > ts + 1 && v.is_quote(td - 1) { td - 1 } else { td };
            let run_in = mark > ts + 1 && v.is_word(mark - 1);
            let cut = coordinated
                .or_else(|| (ts + 1..td).rev().find(|&t| v.is_punct(t, ",") || v.is_dash(t)))
                .or(run_in.then_some(mark));
            if let Some((_, ce)) = cut.and_then(|c| clause(v, ts, c)) {
                if !g.as_ref().is_some_and(|g| g.end > s) {
                    e = ce;
                }
            }
        }
        // the belief verbs need "that" (checked in `leading`) and never trail a clause
        if cue.kind == CueKind::Belief && how != How::Belief {
            continue;
        }
        // "X announced sanctions against traders which, according to Y, helped ...": Y's
        // report inside X's ends X's at the relative pronoun
        if how == How::According && relative_before_according(v, sentence_bounds(v, cue).0, cue) {
            let rel = cue.tok_start - 2;
            let cut = (rel > 0).then(|| v.end(rel - 1));
            if let (Some(last), Some(cut)) = (out.last_mut(), cut) {
                if last.start < cut && cut < s && s < last.end && e <= last.end {
                    last.end = cut;
                    let mixed = holds_quote_marks(spans, last.start, last.end);
                    last.kind = if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect };
                }
            }
        }
        if s < e && (overlaps_any(direct, s, e) || out.last().is_some_and(|c| c.start < e && s < c.end)) {
            continue;
        }
        if g.as_ref().is_some_and(|g| g.start < e && s < g.end) {
            continue; // the speaker is never inside the content
        }
        let mixed = holds_quote_marks(spans, s, e);
        if mixed && adverbial_before_title(v, spans, s, e) {
            continue;
        }
        let kind = if mixed { QuoteKind::Mixed } else { QuoteKind::Indirect };
        let how = if mixed && how == How::Indirect { How::Mixed } else { how };
        let lemma = cue.lemma.clone();
        out.push(DraftQuote { start: s, end: e, kind, guess: g, cue: Some(lemma), how, chain: None });
    }
    for si in 0..v.ctx.seg.sentences.len() {
        if let Some((s, e, g)) = copula_colon_clause(v, mi, spans, si) {
            if !overlaps_any(direct, s, e) && !overlaps_any(&out, s, e) {
                let how = How::Colon;
                out.push(DraftQuote {
                    start: s,
                    end: e,
                    kind: QuoteKind::Indirect,
                    guess: Some(g),
                    cue: Some("say".into()),
                    how,
                    chain: None,
                });
            }
        }
    }
    out.sort_by_key(|c| (c.start, c.end));
    out
}

/// "The governor, Oleh Syniehubov, was clear: whoever stays does so at their own risk": what
/// a speaker's stance before a colon introduces is what they said, reported without marks.
fn copula_colon_clause(v: &Tokens, mi: &MentionIndex, spans: &[QuoteSpan], si: usize) -> Option<(usize, usize, Guess)> {
    let sent = &v.ctx.seg.sentences[si];
    let (lo, hi) = (sent.tok_start, sent.tok_end);
    let colon = (lo..hi).find(|&t| v.is_punct(t, ":"))?;
    if colon + 1 >= hi || !v.is_word(colon + 1) || inside_span(spans, v.start(colon)) {
        return None;
    }
    let g = copula_colon_speaker(v, mi, lo, colon)?;
    let (s, e) = clause(v, colon + 1, hi)?;
    if holds_quote_marks(spans, s, e) || (colon + 1..hi).filter(|&t| v.is_word(t)).count() < 4 {
        return None;
    }
    Some((s, e, g))
}
