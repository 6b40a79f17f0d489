//! Direct quotes: link each quoted span to a cue and a speaker next to it.

use super::speaker::{
    copula_colon_speaker, gap_speaker, np_back, np_forward, sentence_subject, subject_before, Guess, MentionIndex,
};
use super::words::*;
use super::{CueHit, DraftQuote, How, QuoteSpan};
use crate::lexicon::WordClass;
use crate::model::QuoteKind;

/// What was found around one span.
#[derive(Debug, Clone)]
struct Attr {
    guess: Option<Guess>,
    cue: Option<String>,
    how: How,
}

/// Token index of the mark at byte `pos` (the first token starting at or after it).
fn token_of(v: &Tokens, pos: usize) -> usize {
    v.ctx.token_at(pos)
}

/// Cues whose first token lies in `[a, b)`.
fn cues_from(cues: &[CueHit], a: usize, b: usize) -> impl Iterator<Item = &CueHit> {
    let i = cues.partition_point(|c| c.tok_start < a);
    cues[i..].iter().take_while(move |c| c.tok_start < b)
}

/// Cues ending at or before token `j` and no earlier than `floor`, nearest first.
fn cues_ending_before(cues: &[CueHit], floor: usize, j: usize) -> impl Iterator<Item = &CueHit> {
    let i = cues.partition_point(|c| c.tok_start < j);
    cues[..i].iter().rev().filter(move |c| c.tok_end <= j).take_while(move |c| c.tok_end >= floor)
}

/// Does a quote opening at token `open` start a clause (so it can be a whole utterance)?
/// Only symbols (emoji, bullets, dashes) stand between the sentence start and `open`.
fn only_symbols_before(v: &Tokens, open: usize) -> bool {
    let s = &v.ctx.seg.sentences[v.sentence_of_token(open)];
    (s.tok_start..open).all(|i| {
        v.ctx.seg.tokens[i].kind == crate::model::TokenKind::Punct
            && !matches!(v.tok(i), "," | ";" | ":" | "." | "(" | ")")
    })
}

fn starts_clause(v: &Tokens, open: usize, cues: &[CueHit]) -> bool {
    let s = &v.ctx.seg.sentences[v.sentence_of_token(open)];
    if open <= s.tok_start || only_symbols_before(v, open) {
        return true;
    }
    let p = open - 1;
    if v.is_quote(p) || v.is_dash(p) || v.is_final(p) {
        return true;
    }
    if matches!(v.tok(p), ":" | "," | ";" | "(" | "[") || v.is(p, "that") {
        return true;
    }
    // right after a reporting verb: He said “…”
    let i = cues.partition_point(|c| c.tok_end < open);
    cues.get(i).is_some_and(|c| c.tok_end == open) || (i > 0 && cues[i - 1].tok_end == open)
}

/// The span is a whole sentence (or sentences) in marks: opens a sentence, and the
/// closing mark ends one.
fn is_whole_sentence(v: &Tokens, open: usize, close: Option<usize>) -> bool {
    let sents = &v.ctx.seg.sentences;
    let so = &sents[v.sentence_of_token(open)];
    let opens = open == so.tok_start || only_symbols_before(v, open);
    if !opens {
        return false;
    }
    let Some(close) = close else { return true };
    let sc = &sents[v.sentence_of_token(close)];
    (close + 1..sc.tok_end).all(|t| v.is_final(t) || matches!(v.tok(t), ")" | "]"))
}

/// "“…” - Jane Doe" / "“…” ― Jane Doe, teacher": a dash right after the closing mark and a
/// name that ends the line. Each quote of a run of such vox pops takes its own signature,
/// even when the segmenter starts a new sentence at the dash.
fn dash_signature(v: &Tokens, mi: &MentionIndex, close: usize, next_open: Option<usize>) -> Option<Attr> {
    let i = close + 1;
    if !v.is_dash(i) {
        return None;
    }
    // same paragraph: no line break between the mark and the dash
    let gap = v.ctx.text.get(v.end(close)..v.start(i))?;
    if gap.contains('\n') {
        return None;
    }
    let para_end = v.ctx.seg.paragraphs.get(v.paragraph_of(v.start(i)) as usize).map_or(v.ctx.text.len(), |p| p.end);
    let mut hi = i + 1;
    while hi < v.n_tokens() && v.start(hi) < para_end && !v.is_quote(hi) && Some(hi) != next_open {
        hi += 1;
    }
    let g = np_forward(v, mi, i + 1, hi, false).filter(|g| g.named || g.role)?;
    // only an appositive ("…, 34, nurse") or final punctuation may follow the name
    let rest_ok = g.tok_end >= hi || v.is_punct(g.tok_end, ",") || (g.tok_end..hi).all(|t| !v.is_word(t));
    rest_ok.then(|| Attr { guess: Some(g), cue: Some("say".into()), how: How::Dash })
}

/// Attribution after the closing mark: "…," X said / "…," said X / "…" - X.
fn after_pattern(
    v: &Tokens,
    mi: &MentionIndex,
    cues: &[CueHit],
    close: usize,
    next_open: Option<usize>,
    content_end_char: Option<char>,
) -> Option<Attr> {
    let sents = &v.ctx.seg.sentences;
    let sc = v.sentence_of_token(close);
    let sent = sents[sc];
    if let Some(a) = dash_signature(v, mi, close, next_open) {
        return Some(a);
    }
    let mut i = close + 1;
    let mut hi = sent.tok_end;
    let mut crossed = false;
    if i >= hi {
        // The quote ended its sentence: only a bare "X said." sentence can follow.
        let next = sents.get(sc + 1)?;
        if next.paragraph != sent.paragraph || content_end_char == Some('.') && !v.is_capitalised(i) {
            return None;
        }
        hi = next.tok_end;
        crossed = true;
    }
    if let Some(n) = next_open {
        hi = hi.min(n);
    }
    let mut dash = false;
    while i < hi && (v.is_punct(i, ",") || v.is_dash(i)) {
        dash |= v.is_dash(i);
        i += 1;
    }
    if crossed && i != close + 1 {
        return None;
    }
    // The cue is near; after a long appositive ("…," Scott Pruitt, the attorney general
    // of Oklahoma, one of the states suing, said) it may come later.
    let near = cues_from(cues, i, (i + 11).min(hi)).next();
    let far = || {
        let first = np_forward(v, mi, i, hi, false).filter(|g| g.named && v.is_punct(g.tok_end, ","))?;
        cues_from(cues, first.tok_end, (i + 30).min(hi)).next().map(|c| (c, first))
    };
    let (cue, preset) = match near {
        Some(c) => (Some(c), None),
        None if !crossed => match far() {
            Some((c, g)) => (Some(c), Some(g)),
            None => (None, None),
        },
        None => (None, None),
    };
    if let Some(cue) = cue {
        let guess = if preset.is_some() {
            preset
        } else if cue.according {
            np_forward(v, mi, cue.tok_end, hi, true)
        } else if let Some((a, b)) = cue.embedded {
            np_back(v, mi, a, b, true)
        } else if cue.tok_start == i {
            np_forward(v, mi, cue.tok_end, hi, true) // "…," said the minister
        } else {
            gap_speaker(v, mi, i, cue.tok_start)
        };
        if let Some(g) = guess {
            if crossed {
                // nothing but a few adjunct words may follow in that sentence
                let after = g.tok_end.max(cue.tok_end);
                let sent_end = sents.get(sc + 1).map_or(hi, |x| x.tok_end);
                let rest = (after..sent_end).filter(|&t| v.is_word(t) || v.is_quote(t)).count();
                if rest > 5 || g.tok_start < i {
                    return None;
                }
            }
            return Some(Attr { guess: Some(g), cue: Some(cue.lemma.clone()), how: How::Cue });
        }
        // A cue right after the quote is evidence enough, even with no speaker found.
        if !crossed && cue.tok_start <= i + 8 && (i..cue.tok_start).all(|t| !v.is_quote(t)) {
            return Some(Attr { guess: None, cue: Some(cue.lemma.clone()), how: How::Cue });
        }
        return None;
    }
    if dash && !crossed {
        // "…" - Volodymyr Zelensky: the name closes the sentence
        let g = np_forward(v, mi, i, hi, false)?;
        if (g.tok_end..hi).all(|t| !v.is_word(t)) {
            return Some(Attr { guess: Some(g), cue: Some("say".into()), how: How::Dash });
        }
    }
    None
}

/// Attribution before the opening mark: X said: “…” / X told reporters, “…” / X said “…”
/// / X: “…”. Also across a sentence ending with a colon (The minister said:\n“…”).
fn before_pattern(v: &Tokens, mi: &MentionIndex, cues: &[CueHit], open: usize) -> Option<(Attr, bool, bool)> {
    let sents = &v.ctx.seg.sentences;
    let so = v.sentence_of_token(open);
    let mut lo = sents[so].tok_start;
    let mut j = open;
    if j <= lo {
        let prev = sents.get(so.checked_sub(1)?)?;
        if prev.tok_end == 0 || !v.is_punct(prev.tok_end - 1, ":") {
            return None;
        }
        lo = prev.tok_start;
        j = prev.tok_end;
    }
    let mut intro = false; // a colon, comma or "that" right before the mark
    let mut colon = false;
    if j > lo && (v.is_punct(j - 1, ":") || v.is_punct(j - 1, ",") || v.is_dash(j - 1)) {
        colon = v.is_punct(j - 1, ":");
        intro = true;
        j -= 1;
    }
    let mut that = false;
    if j > lo && v.is(j - 1, "that") {
        intro = true;
        that = true;
        j -= 1;
    }
    let floor = j.saturating_sub(7).max(lo);
    for cue in cues_ending_before(cues, floor, j) {
        if cue.tok_start < lo {
            break;
        }
        let gap = cue.tok_end..j;
        if !gap.is_empty() && cue.tok_start == lo && !cue.according && cue.embedded.is_none() {
            // "Said Ellis: “…”" — the speaker follows a sentence-initial verb
            if let Some(g) = np_forward(v, mi, cue.tok_end, j, false).filter(|g| g.tok_end == j) {
                return Some((Attr { guess: Some(g), cue: Some(cue.lemma.clone()), how: How::Cue }, colon, that));
            }
        }
        if !gap.is_empty() {
            let words_only = gap.clone().all(|t| v.is_word(t));
            let first = v.tok(gap.start);
            let adjunct = is_adjunct_prep(first) || takes_object(&cue.lemma) || cue.according;
            if !(words_only && adjunct && intro) {
                continue;
            }
        }
        let guess = if cue.according {
            np_forward(v, mi, cue.tok_end, j, true)
        } else if let Some((a, b)) = cue.embedded {
            np_back(v, mi, a, b, true)
        } else {
            let participle = v.tok(cue.tok_start).ends_with("ing");
            let subject = if participle {
                None // "…, saying, “…”": the subject opens the sentence
            } else {
                match subject_before(v, mi, lo, cue.tok_start, true) {
                    Ok(g) => g,
                    Err(_) => return None,
                }
            };
            subject
                .or_else(|| if cue.tok_start == lo { np_forward(v, mi, cue.tok_end, j, false) } else { None }) // "Said Ellis: “…”"
                .or_else(|| sentence_subject(v, mi, lo, cue.tok_start))
        };
        return Some((Attr { guess, cue: Some(cue.lemma.clone()), how: How::Cue }, colon, that));
    }
    if colon {
        // "Zelensky: “…”" — the whole stretch before the colon must be the speaker
        let mut start = lo;
        while start < j && !v.is_word(start) {
            start += 1;
        }
        if j > start
            && j - start <= 6
            && v.has(start, WordClass::Locative)
            && (start + 1..j).all(|t| v.is_capitalised(t))
        {
            // "Near Bakhmut: “…”" (a headline): where, not who — the quote stays, unattributed
            return Some((Attr { guess: None, cue: None, how: How::Colon }, true, false));
        }
        if let Some(g) = copula_colon_speaker(v, mi, start, j) {
            return Some((Attr { guess: Some(g), cue: Some("say".into()), how: How::Colon }, true, false));
        }
        if j > start && j - start <= 10 {
            if let Some(g) = np_back(v, mi, start, j, false) {
                if g.tok_start == start {
                    // "Inside Severodonetsk: “…”" (a headline): a place, or a phrase opening
                    // with a locative word, names where, not who — the quote stays, unattributed
                    let place = g.mention.is_some_and(|m| mi.mentions[m].label.is_place());
                    if place || v.has(start, WordClass::Locative) {
                        return Some((Attr { guess: None, cue: None, how: How::Colon }, true, false));
                    }
                    return Some((Attr { guess: Some(g), cue: Some("say".into()), how: How::Colon }, true, false));
                }
            }
        }
    }
    None
}

/// Attribute every span; returns direct quote candidates.
pub(crate) fn attribute(v: &Tokens, mi: &MentionIndex, spans: &[QuoteSpan], cues: &[CueHit]) -> Vec<DraftQuote> {
    let paras = &v.ctx.seg.paragraphs;
    let mut out: Vec<DraftQuote> = Vec::new();
    let mut chain_id: Option<usize> = None;
    let mut next_chain = 0usize;
    let mut last_attr: Option<(usize, Attr)> = None;
    for (k, span) in spans.iter().enumerate() {
        let open = token_of(v, span.open);
        if open >= v.n_tokens() {
            continue;
        }
        let close = span.close.map(|c| token_of(v, c + span.close_len - 1)).filter(|&c| c < v.n_tokens() && c > open);
        // A quote continuing from the previous paragraph's unclosed one.
        let continues = k > 0
            && spans[k - 1].close.is_none()
            && spans[k - 1].para + 1 == span.para
            && paras.get(span.para).is_some_and(|p| p.start == span.open);
        if !continues {
            chain_id = None;
        } else if chain_id.is_none() {
            // the previous span becomes the chain's first member if it was kept
            let id = next_chain;
            next_chain += 1;
            chain_id = Some(id);
            if let Some(last) = out.last_mut() {
                if last.start == spans[k - 1].content_start {
                    last.chain = Some(id);
                }
            }
        }
        let next_open = spans.get(k + 1).map(|s| token_of(v, s.open));
        let clause_start = starts_clause(v, open, cues);
        let whole = is_whole_sentence(v, open, close);
        let end_char = v.ctx.text.get(..span.content_end).and_then(|s| s.chars().next_back());
        let so = v.sentence_of_token(open);
        let mut attr: Option<Attr>;
        let from_after: bool;
        let mut that_intro = false;
        // A title in marks (“Fox News Sunday”, a book's name) with words of the sentence
        // before it is a name, not speech: "In her memoir, “Title,” she argued ...".
        if title_like(v, span)
            && !continues
            && open > v.ctx.seg.sentences[so].tok_start
            && !only_symbols_before(v, open)
        {
            let p = open - 1;
            let cue_ends_at = |t: usize| cues_ending_before(cues, t, t).next().is_some();
            let after_intro = v.is_punct(p, ":") || cue_ends_at(open) || (v.is_punct(p, ",") && cue_ends_at(p));
            if !after_intro || quoted_name_in_subject(v, span, close) {
                continue;
            }
        }
        if !clause_start && !continues {
            // "The commission ''only requires that ...'' the report says": the quoted
            // words finish a sentence begun outside the marks — a mixed quote
            if let Some(a) = close.and_then(|c| after_pattern(v, mi, cues, c, next_open, end_char)) {
                // only when the attribution follows the closing mark at once
                let adjacent = match (&a.guess, close) {
                    (Some(g), Some(c)) => (c + 1..g.tok_start).filter(|&t| v.is_word(t)).count() <= 1,
                    _ => false,
                };
                if a.how == How::Cue && adjacent {
                    let sent = v.ctx.seg.sentences[so];
                    let mut first = sent.tok_start;
                    while first < open && !v.is_word(first) {
                        first += 1;
                    }
                    if first < open && !crosses_other_quote(spans, k, v.start(first)) && !participial_opening(v, first)
                    {
                        out.push(DraftQuote {
                            start: v.start(first),
                            end: span.outer_end(),
                            kind: QuoteKind::Mixed,
                            guess: a.guess,
                            cue: a.cue,
                            how: How::Mixed,
                            chain: None,
                        });
                    }
                }
            }
            continue;
        }
        {
            let before = before_pattern(v, mi, cues, open);
            let after = close.and_then(|c| after_pattern(v, mi, cues, c, next_open, end_char));
            from_after = after.is_some() && before.is_none();
            if let Some((b, _, that)) = before {
                that_intro = that;
                attr = Some(b);
            } else {
                attr = after;
            }
        }
        // The second half of a quote split around its attribution, further than the
        // before-pattern reaches: “A,” X said, referring to ..., “B.”
        if attr.is_none() && clause_start && open > 0 && v.is_punct(open - 1, ",") {
            if let Some((s_idx, a)) = &last_attr {
                if *s_idx == so {
                    attr = Some(a.clone());
                }
            }
        }
        let attr = match attr {
            Some(a) => a,
            None if continues
                || (span.close.is_none()
                    && clause_start
                    && k + 1 < spans.len()
                    && spans[k + 1].para == span.para + 1
                    && paras.get(span.para + 1).is_some_and(|p| p.start == spans[k + 1].open)) =>
            {
                Attr { guess: None, cue: None, how: How::Chain }
            }
            None if whole && word_count(v, span) >= 2 && !title_like(v, span) => {
                Attr { guess: None, cue: None, how: How::Floating }
            }
            None if after_colon_to_sentence_end(v, span, open, close) => match colon_after_clause(v, mi, open) {
                Some(a) => a,
                None => continue,
            },
            None => continue, // a scare quote or a title: maybe part of a mixed quote
        };
        if attr.how == How::Cue {
            last_attr = Some((close.map_or(so, |c| v.sentence_of_token(c)), attr.clone()));
        }
        let (mut start, mut end) = content_bounds(v, span);
        let mut kind = QuoteKind::Direct;
        let mut how = attr.how;
        let sent = v.ctx.seg.sentences[so];
        let first_lower = v.ctx.text.get(start..).and_then(|t| t.chars().next()).is_some_and(|c| c.is_lowercase());
        if from_after && first_lower && open > sent.tok_start + 2 && v.is_punct(open - 1, ",") {
            // "counting systems, “there is no single point of failure,” he said": the
            // sentence began outside the marks, so the whole clause is the content
            let mut a = sent.tok_start;
            while a < open && !v.is_word(a) {
                a += 1;
            }
            start = v.start(a);
            end = span.outer_end();
            kind = QuoteKind::Mixed;
            how = How::Mixed;
        } else if that_intro && how == How::Cue {
            // "said that “…”": reported speech in quoted words — the clause is the
            // quotation, marks included
            start = span.open;
            end = span.outer_end();
            kind = QuoteKind::Mixed;
            how = How::Mixed;
            if let Some(c) = close {
                let sc = v.ctx.seg.sentences[v.sentence_of_token(c)];
                if c + 1 < sc.tok_end
                    && v.is_word(c + 1)
                    && !v.is_capitalised(c + 1)
                    && !v.has(c + 1, WordClass::Pronoun)
                {
                    let mut b = sc.tok_end;
                    while b > c + 1
                        && (v.is_final(b - 1) || v.is_quote(b - 1) || matches!(v.tok(b - 1), "," | ";" | ":"))
                    {
                        b -= 1;
                    }
                    end = v.end(b - 1);
                }
            }
        } else if let Some(c) = close.filter(|_| !from_after && how == How::Cue) {
            // "… said in an email that, “X is going to defend himself” against what …":
            // the clause runs on after the closing mark
            let sc = v.ctx.seg.sentences[v.sentence_of_token(c)];
            let bare_end = v
                .ctx
                .text
                .get(..span.content_end)
                .and_then(|t| t.chars().next_back())
                .is_some_and(|ch| ch.is_alphanumeric());
            let runs_on = bare_end
                && c + 1 < sc.tok_end
                && v.is_word(c + 1)
                && !v.is_capitalised(c + 1)
                && !v.has(c + 1, WordClass::Pronoun)
                && cues_from(cues, c + 1, c + 2).next().is_none();
            if runs_on {
                let mut b = sc.tok_end;
                while b > c + 1 && (v.is_final(b - 1) || v.is_quote(b - 1) || matches!(v.tok(b - 1), "," | ";" | ":")) {
                    b -= 1;
                }
                start = span.open;
                end = v.end(b - 1);
                kind = QuoteKind::Mixed;
                how = How::Mixed;
            }
        }
        if start >= end {
            continue;
        }
        out.push(DraftQuote {
            start,
            end,
            kind,
            guess: attr.guess,
            cue: attr.cue,
            how,
            chain: if continues { chain_id } else { None },
        });
    }
    // Chain members share the speaker and cue of the first member that names them.
    let mut chain_attr: std::collections::HashMap<usize, (Option<Guess>, Option<String>)> =
        std::collections::HashMap::new();
    for c in &out {
        if let (Some(id), true) = (c.chain, c.guess.is_some() || c.cue.is_some()) {
            chain_attr.entry(id).or_insert_with(|| (c.guess.clone(), c.cue.clone()));
        }
    }
    for c in out.iter_mut() {
        if c.guess.is_none() {
            if let Some((g, cue)) = c.chain.and_then(|id| chain_attr.get(&id)) {
                c.guess = g.clone();
                if c.cue.is_none() {
                    c.cue = cue.clone();
                }
                c.how = How::Chain;
            }
        }
    }
    out
}

/// "he demurred: “Whichever one I'm in.”", "Kyiv without power: “We are working”": a quoted
/// sentence (capitalised, two words or more, not a title) right after a colon, running to
/// the end of its sentence. A colon introduces a quotation whether or not a reporting verb
/// stands before it.
fn after_colon_to_sentence_end(v: &Tokens, span: &QuoteSpan, open: usize, close: Option<usize>) -> bool {
    let Some(close) = close else { return false };
    let capital = v.ctx.text.get(span.content_start..).and_then(|t| t.chars().next()).is_some_and(|c| c.is_uppercase());
    let sc = &v.ctx.seg.sentences[v.sentence_of_token(close)];
    open > 0
        && v.is_punct(open - 1, ":")
        && capital
        && word_count(v, span) >= 2
        && !title_like(v, span)
        && (close + 1..sc.tok_end).all(|t| v.is_final(t) || matches!(v.tok(t), ")" | "]"))
}

/// The speaker of a quotation after "CLAUSE:": the clause's subject when it is a name, a
/// role or a pronoun and only a few words (its verb) stand between it and the colon ("he
/// demurred: “…”", "Trump went even further: “…”"). With no such subject the quotation
/// stays, unattributed, only in a headline ("Kyiv without power after barrage: “…”": a
/// place names where, not who); elsewhere the colon may introduce a slogan, a title or an
/// example, so it is left out.
fn colon_after_clause(v: &Tokens, mi: &MentionIndex, open: usize) -> Option<Attr> {
    let si = v.sentence_of_token(open);
    let lo = v.ctx.seg.sentences[si].tok_start;
    let colon = open - 1;
    let place = |g: &Guess| g.mention.is_some_and(|m| mi.mentions[m].label.is_place());
    // a heading in capitals ("RED STATES OUTNUMBER BLUE - Jones: “…”") is no subject
    let capitals = |g: &Guess| {
        v.ctx.text.get(g.start..g.end).is_some_and(|t| t.contains(' ') && !t.chars().any(|c| c.is_lowercase()))
    };
    let guess = sentence_subject(v, mi, lo, colon).filter(|g| {
        (g.mention.is_some() || g.role || g.pronoun) && !place(g) && !capitals(g) && colon <= g.tok_end + 5
    });
    match guess {
        Some(g) => Some(Attr { guess: Some(g), cue: Some("say".into()), how: How::Colon }),
        None if si == 0 => Some(Attr { guess: None, cue: None, how: How::Colon }),
        None => None,
    }
}

/// "the operational command “South” reported": a capitalised name in marks with a word
/// right after the closing mark and no punctuation before it names a unit, a ship or an
/// operation inside a phrase; an utterance ends with punctuation or is followed by one.
fn quoted_name_in_subject(v: &Tokens, span: &QuoteSpan, close: Option<usize>) -> bool {
    let Some(c) = close else { return false };
    let bare =
        v.ctx.text.get(..span.content_end).and_then(|t| t.chars().next_back()).is_some_and(|ch| ch.is_alphanumeric());
    bare && word_count(v, span) <= 3 && v.is_word(c + 1) && !v.is_capitalised(c + 1)
}

/// True when `start` lies inside the previous quote span (the clause would cut it).
fn crosses_other_quote(spans: &[QuoteSpan], k: usize, start: usize) -> bool {
    k > 0 && spans[k - 1].outer_end() > start
}

/// A short run of capitalised words ("All Bets Are Off."): a heading or a title, not speech.
pub(crate) fn title_like(v: &Tokens, span: &QuoteSpan) -> bool {
    let Some(t) = v.ctx.text.get(span.content_start..span.content_end) else {
        return false;
    };
    // short function words stay lower case in titles ("Winter on the Front Line")
    const SMALL: [&str; 14] =
        ["a", "an", "the", "of", "on", "in", "and", "for", "to", "at", "by", "or", "with", "from"];
    // (more than 8 words is no title: the words of a long quotation are not split out)
    let all: Vec<&str> = t.split_whitespace().take(9).collect();
    if all.len() > 8 {
        return false;
    }
    let words: Vec<&&str> = all.iter().filter(|w| !SMALL.contains(w)).collect();
    let caps = words.iter().filter(|w| w.chars().next().is_some_and(|c| c.is_uppercase())).count();
    caps > 0 && caps * 4 >= words.len() * 3
}

fn word_count(v: &Tokens, span: &QuoteSpan) -> usize {
    v.ctx.text.get(span.content_start..span.content_end).map_or(0, |s| s.split_whitespace().count())
}

/// The words inside the marks: a trailing comma (and any spaces) dropped, `.?!` kept.
fn content_bounds(v: &Tokens, span: &QuoteSpan) -> (usize, usize) {
    let text = v.ctx.text;
    let (s, mut e) = (span.content_start, span.content_end);
    while e > s {
        let Some(c) = text.get(..e).and_then(|t| t.chars().next_back()) else {
            break;
        };
        if c == ',' || c == ';' || c == ':' || c.is_whitespace() || (c == '-' && span.close.is_some()) {
            e -= c.len_utf8();
        } else {
            break;
        }
    }
    (s, e)
}
