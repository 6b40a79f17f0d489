//! The sentence as the event rules see it: its tokens (lowercase forms and word classes
//! from `segment`), mentions, numbers and clauses.

use crate::context::DocContext;
use crate::lexicon::{any_of, Resources, WordClass, WordSet};
use crate::model::{Mention, Token, TokenKind};
use crate::numbers::NumberPhrase;

// ---------------------------------------------------------------------------------------
// The sentence as the event stages see it

/// One sentence: its tokens (lowercased once), mentions, numbers and clauses.
pub(crate) struct EventSentence<'a> {
    pub ctx: &'a DocContext<'a>,
    pub text: &'a str,
    pub tokens: &'a [Token],
    pub res: &'a Resources,
    pub index: u32,
    pub t0: usize,
    pub t1: usize,
    pub headline: bool,
    pub mentions: Vec<Mention>,
    pub numbers: Vec<NumberPhrase>,
    /// Clause id per token (index `i - t0`); `NO_CLAUSE` for attribution and boundary tokens.
    pub(super) clause: Vec<u32>,
    /// Token lies inside a title phrase ("regional governor").
    title: Vec<bool>,
}

pub(crate) const NO_CLAUSE: u32 = u32::MAX;

impl<'a> EventSentence<'a> {
    /// Sentence `index` with its mentions and its number phrases
    /// ([`crate::numbers::scan_sentence`] of its tokens).
    pub(super) fn new(
        ctx: &'a DocContext<'a>,
        index: u32,
        mentions: Vec<Mention>,
        numbers: Vec<NumberPhrase>,
    ) -> EventSentence<'a> {
        let s = ctx.seg.sentences[index as usize];
        let tokens = &ctx.seg.tokens[..];
        let (t0, t1) = (s.tok_start, s.tok_end.min(tokens.len()));
        let mut title = vec![false; t1 - t0];
        for (a, b, _) in ctx.titles_in(s.start, s.end) {
            for i in ctx.token_at(a)..ctx.token_at(b).min(t1) {
                if i >= t0 {
                    title[i - t0] = true;
                }
            }
        }
        EventSentence {
            ctx,
            text: ctx.text,
            tokens,
            res: ctx.res,
            index,
            t0,
            t1,
            headline: s.headline,
            mentions,
            numbers,
            clause: vec![0; t1 - t0],
            title,
        }
    }

    /// Lowercased token text; "" outside the sentence.
    pub fn lw(&self, i: usize) -> &'a str {
        if i >= self.t0 && i < self.t1 {
            self.ctx.lower(i)
        } else {
            ""
        }
    }
    /// Token `i` is a word of `set` (a class of `data/words.tsv` or a rule's own list);
    /// false outside the sentence.
    pub fn is(&self, i: usize, set: impl WordSet) -> bool {
        i >= self.t0 && i < self.t1 && set.holds_token(self.ctx.lower(i), self.ctx.classes(i))
    }
    /// Original token text; "" outside the sentence.
    pub fn tx(&self, i: usize) -> &'a str {
        if i >= self.t0 && i < self.t1 {
            &self.text[self.tokens[i].start..self.tokens[i].end]
        } else {
            ""
        }
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        (i >= self.t0 && i < self.t1).then(|| self.tokens[i].kind)
    }
    pub fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.tx(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    pub fn clause_of(&self, i: usize) -> u32 {
        if i >= self.t0 && i < self.t1 {
            self.clause[i - self.t0]
        } else {
            NO_CLAUSE
        }
    }
    pub fn is_title(&self, i: usize) -> bool {
        i >= self.t0 && i < self.t1 && self.title[i - self.t0]
    }
    /// Byte span of tokens `[a, b)`.
    /// (Past the last token, the empty span at the end of the text.)
    pub fn span(&self, a: usize, b: usize) -> (usize, usize) {
        let end_of_text = self.text.len();
        let start = self.tokens.get(a).map_or(end_of_text, |t| t.start);
        let end = self.tokens.get(b.max(a + 1) - 1).map_or(end_of_text, |t| t.end);
        (start, end.max(start))
    }
    pub fn slice(&self, a: usize, b: usize) -> &'a str {
        let (s, e) = self.span(a, b);
        &self.text[s..e]
    }
    /// Token range of a byte span.
    pub fn tokens_of(&self, start: usize, end: usize) -> (usize, usize) {
        let a = self.ctx.token_at(start);
        let b = self.ctx.token_at(end).max(a + 1);
        (a, b.min(self.t1.max(a + 1)))
    }
}

// ---------------------------------------------------------------------------------------
// Word lists shared by the submodules (all lower case)

/// Determiners, and "that" as one ("that attack").
pub(crate) const DETERMINERS: (WordClass, &[&str]) = (WordClass::Determiner, &["that"]);
pub(crate) const PREPOSITIONS: WordClass = WordClass::Preposition;
pub(crate) const AUX: WordClass = WordClass::Auxiliary;
pub(crate) const ADVERBS: WordClass = WordClass::VerbModifier;
pub(crate) const FUNCTION_WORDS: WordClass = WordClass::NotAName;
pub(crate) fn is_function_word(w: &str) -> bool {
    any_of(w, FUNCTION_WORDS)
}
