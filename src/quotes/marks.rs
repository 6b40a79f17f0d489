//! Quote-mark pairing, independent of the tokenizer.
//!
//! Works paragraph by paragraph over `ctx.marks` (which remember each glyph's facing) and
//! the normalised text (where every mark is one ASCII byte, `"` or `'`). Double and single
//! marks are paired on separate stacks, so 'inner' quotes nest inside "outer" ones and the
//! other way round. Apostrophes (don't, Ukraine’s, O'Brien, soldiers’ families, '90s) never
//! open or close anything. A glyph's facing is a prior that the surrounding characters may
//! overrule (`„…“`, a `”` typed for an opening mark); straight marks toggle. A double
//! quote still open at the end of its paragraph runs to the paragraph end (the
//! multi-paragraph convention); stray closing marks are dropped.

use crate::model::Paragraph;
use crate::normalize::{Facing, QuoteMark};

/// One paired (or paragraph-terminated) quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuoteSpan {
    /// Byte offset of the opening mark.
    pub open: usize,
    /// Byte offset of the closing mark; `None` when the quote runs to the paragraph end.
    pub close: Option<usize>,
    pub double: bool,
    /// Bytes of the closing mark: 2 for a doubled apostrophe ('' as in some wire copy).
    pub close_len: usize,
    /// Index into `Segmented::paragraphs`.
    pub para: usize,
    /// The words inside the marks, whitespace trimmed (never empty, holds a letter or digit).
    pub content_start: usize,
    pub content_end: usize,
}

impl QuoteSpan {
    /// End of the whole span including the closing mark (or the paragraph end).
    pub fn outer_end(&self) -> usize {
        self.close.map_or(self.content_end, |c| c + self.close_len)
    }
}

fn char_before(text: &str, pos: usize) -> Option<char> {
    text.get(..pos).and_then(|s| s.chars().next_back())
}

fn char_after(text: &str, pos: usize) -> Option<char> {
    text.get(pos..).and_then(|s| s.chars().next())
}

fn is_quote_char(c: char) -> bool {
    c == '"' || c == '\''
}

/// A single mark that is really an apostrophe: inside a word, an elision before digits
/// ('90s), or a plural possessive (soldiers' families).
fn is_apostrophe(text: &str, pos: usize, single_open_pending: bool) -> bool {
    let prev = char_before(text, pos);
    let next = char_after(text, pos + 1);
    let letter = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    if letter(prev) && letter(next) {
        return true;
    }
    if !letter(prev) && next.is_some_and(|c| c.is_ascii_digit()) {
        // '90s, '22 — but not a quote opening on a number ('20 people died,' he said)
        let digits = text[pos + 1..].chars().take_while(|c| c.is_ascii_digit()).count();
        let after = text[pos + 1 + digits..].chars().next();
        if digits == 2 && after.map_or(true, |c| c == 's' || !c.is_alphanumeric()) && !single_open_pending {
            return true;
        }
    }
    if matches!(prev, Some('s') | Some('S')) {
        // Plural possessive: a lower-case word or a number follows after one space.
        let rest = &text[pos + 1..];
        let mut it = rest.chars();
        if it.next() == Some(' ') {
            if let Some(c) = it.next() {
                if c.is_lowercase() || c.is_ascii_digit() {
                    return true;
                }
            }
        }
        // Otherwise it may close a quote, but only if one is open.
        if !single_open_pending {
            return true;
        }
    }
    false
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Open,
    Close,
    Ignore,
}

/// Decide what one mark does given its glyph facing, its neighbours and what is open.
fn decide(facing: Facing, clearly_open: bool, clearly_close: bool, pending: bool) -> Action {
    match facing {
        Facing::Open => {
            if pending && clearly_close {
                Action::Close // „…“ or a mistyped “…“
            } else {
                Action::Open
            }
        }
        Facing::Close => {
            if pending {
                Action::Close
            } else if clearly_open {
                Action::Open // ”…” (Swedish style or a typo)
            } else {
                Action::Ignore
            }
        }
        Facing::Either => {
            if pending {
                Action::Close
            } else if clearly_close {
                Action::Ignore
            } else {
                Action::Open
            }
        }
    }
}

/// Pair the quote marks of every paragraph.
pub fn pair_marks(text: &str, marks: &[QuoteMark], paragraphs: &[Paragraph]) -> Vec<QuoteSpan> {
    let mut spans = Vec::new();
    let mut mi = 0usize;
    for (pi, para) in paragraphs.iter().enumerate() {
        while mi < marks.len() && marks[mi].pos < para.start {
            mi += 1;
        }
        let first = mi;
        while mi < marks.len() && marks[mi].pos < para.end {
            mi += 1;
        }
        pair_paragraph(text, &marks[first..mi], pi, para, &mut spans);
    }
    finish(spans)
}

/// A doubled straight apostrophe ('' as NYT wire copy writes a double quote) is one
/// double mark two bytes wide.
fn merge_doubled(text: &str, marks: &[QuoteMark]) -> Vec<(QuoteMark, usize)> {
    let mut out = Vec::with_capacity(marks.len());
    let mut i = 0;
    while i < marks.len() {
        let m = marks[i];
        let straight_single =
            |q: &QuoteMark| !q.double && q.facing == Facing::Either && text.as_bytes().get(q.pos) == Some(&b'\'');
        if straight_single(&m) && i + 1 < marks.len() && marks[i + 1].pos == m.pos + 1 && straight_single(&marks[i + 1])
        {
            out.push((QuoteMark { pos: m.pos, double: true, facing: Facing::Either }, 2));
            i += 2;
            continue;
        }
        out.push((m, 1));
        i += 1;
    }
    out
}

fn pair_paragraph(text: &str, marks: &[QuoteMark], pi: usize, para: &Paragraph, out: &mut Vec<QuoteSpan>) {
    // stacks[0] = double marks, stacks[1] = single marks: (position, width) of open marks.
    let mut stacks: [Vec<(usize, usize)>; 2] = [Vec::new(), Vec::new()];
    let mut prev_opened: Option<usize> = None; // end of the last mark that opened
    for (m, width) in merge_doubled(text, marks) {
        if m.pos + width > text.len() || !text.is_char_boundary(m.pos) {
            continue;
        }
        let level = if m.double { 0 } else { 1 };
        if !m.double && is_apostrophe(text, m.pos, !stacks[1].is_empty()) {
            continue;
        }
        let prev = char_before(text, m.pos);
        let next = char_after(text, m.pos + width);
        let left_open = match prev {
            None => true,
            Some(c) if c.is_whitespace() || "([{-/".contains(c) => true,
            Some(c) if is_quote_char(c) => prev_opened == Some(m.pos),
            _ => m.pos <= para.start,
        };
        let right_close = match next {
            None => true,
            Some(c) => c.is_whitespace() || ",.;:!?)]}-".contains(c) || is_quote_char(c),
        };
        let clearly_open = left_open && !right_close;
        let clearly_close = !left_open && right_close;
        let stack = &mut stacks[level];
        let mut action = decide(m.facing, clearly_open, clearly_close, !stack.is_empty());
        if action == Action::Ignore && m.facing == Facing::Close && m.pos <= para.start {
            action = Action::Open; // ” … at a paragraph start opens (a typo for “)
        }
        match action {
            Action::Open => {
                stack.push((m.pos, width));
                prev_opened = Some(m.pos + width);
            }
            Action::Close => {
                if let Some((open, open_len)) = stack.pop() {
                    push_span(text, out, (open, open_len), Some((m.pos, width)), m.double, pi, para.end);
                }
            }
            Action::Ignore => {}
        }
    }
    // A double quote left open runs to the paragraph end.
    if let Some(&open) = stacks[0].first() {
        push_span(text, out, open, None, true, pi, para.end);
    }
    // A single one only when it clearly opens an utterance: at the paragraph start or
    // after a colon, comma or dash, before a capital letter.
    if let Some(&(open, w)) = stacks[1].first() {
        let before = text[para.start..open].trim_end();
        let intro = before.is_empty() || before.ends_with(':') || before.ends_with(',') || before.ends_with('-');
        let capital = char_after(text, open + w).is_some_and(|c| c.is_uppercase());
        if intro && capital {
            push_span(text, out, (open, w), None, false, pi, para.end);
        }
    }
}

fn push_span(
    text: &str,
    out: &mut Vec<QuoteSpan>,
    open: (usize, usize),
    close: Option<(usize, usize)>,
    double: bool,
    para: usize,
    para_end: usize,
) {
    let raw_end = close.map_or(para_end, |c| c.0).min(text.len());
    let raw_start = (open.0 + open.1).min(raw_end);
    let Some(inner) = text.get(raw_start..raw_end) else {
        return;
    };
    if !inner.chars().any(|c| c.is_alphanumeric()) {
        return;
    }
    let lead = inner.len() - inner.trim_start().len();
    let content_start = raw_start + lead;
    let content_end = raw_start + inner.trim_end().len();
    out.push(QuoteSpan {
        open: open.0,
        close: close.map(|c| c.0),
        double,
        close_len: close.map_or(1, |c| c.1),
        para,
        content_start,
        content_end,
    });
}

/// Sort, then keep only outermost spans: nested quotes belong to their outer quote, and a
/// single-mark span crossing a double-mark one is a mispairing.
fn finish(mut spans: Vec<QuoteSpan>) -> Vec<QuoteSpan> {
    spans.sort_by_key(|s| (s.open, std::cmp::Reverse(s.outer_end())));
    let mut out: Vec<QuoteSpan> = Vec::with_capacity(spans.len());
    for s in spans {
        if let Some(last) = out.last() {
            if s.open < last.outer_end() {
                // nested inside or crossing the previous outer span
                if s.outer_end() > last.outer_end() && s.double && !last.double {
                    // a double span crossing a (suspect) single one wins
                    out.pop();
                    out.push(s);
                }
                continue;
            }
        }
        out.push(s);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    fn spans(text: &str) -> Vec<String> {
        let n = normalize(text);
        // one paragraph per line
        let mut paras = Vec::new();
        let mut start = 0;
        for line in n.text.split('\n') {
            if !line.trim().is_empty() {
                let s = start + (line.len() - line.trim_start().len());
                paras.push(Paragraph { start: s, end: start + line.trim_end().len() });
            }
            start += line.len() + 1;
        }
        pair_marks(&n.text, &n.marks, &paras)
            .iter()
            .map(|s| n.text[s.content_start..s.content_end].to_string())
            .collect()
    }

    #[test]
    fn curly_straight_and_guillemets() {
        assert_eq!(spans("“We will win,” he said."), vec!["We will win,"]);
        assert_eq!(spans("He said \"no way\" twice."), vec!["no way"]);
        assert_eq!(spans("Il a dit «non» hier."), vec!["non"]);
        assert_eq!(spans("Er sagte „nein“ heute."), vec!["nein"]);
        assert_eq!(spans("”Swedish style” works."), vec!["Swedish style"]);
    }

    #[test]
    fn apostrophes_do_not_pair() {
        assert_eq!(spans("'I don't want to negotiate,' he said."), vec!["I don't want to negotiate,"]);
        assert_eq!(spans("‘Ukraine’s army will hold,’ she said."), vec!["Ukraine's army will hold,"]);
        assert_eq!(spans("'We help the soldiers' families,' he said."), vec!["We help the soldiers' families,"]);
        assert!(spans("The soldiers' families and O'Brien's dog in the '90s.").is_empty());
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(spans("''We don't sell,'' he said."), vec!["We don't sell,"]);
        assert_eq!(spans("” … and so on,” he said."), vec![". and so on,"]);
    }

    #[test]
    fn nested_quotes_stay_inside() {
        assert_eq!(spans("“He told me ‘never’ again,” she said."), vec!["He told me 'never' again,"]);
    }

    #[test]
    fn unclosed_runs_to_paragraph_end_and_stray_close_is_dropped() {
        assert_eq!(spans("“We will fight on\n“And we will win.”"), vec!["We will fight on", "And we will win."]);
        assert_eq!(spans("stray” mark here. “ok”"), vec!["ok"]);
    }
}
