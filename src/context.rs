//! The document context: what every stage after segmentation may read about one document
//! (its normalised text, quote marks, tokens and sentences, the lexicons, the publication
//! date). It sits below the stages: they import it, and nothing here imports a stage.

use crate::lexicon::{
    Cue, FxHashMap, Lexicon, PhraseHits, PhraseIter, PhraseMatcher, Resources, Title, Trigger, WordClasses,
};
use crate::model::Modality;
use crate::model::{Days, Segmented};
use crate::normalize::QuoteMark;
use std::cell::RefCell;

/// What every stage after segmentation may read about one document.
pub struct DocContext<'a> {
    /// The normalised text; all offsets are byte offsets into it.
    pub text: &'a str,
    /// Quote glyphs of the original text, in order (see `normalize`).
    pub marks: &'a [QuoteMark],
    pub seg: &'a Segmented,
    pub res: &'a Resources,
    pub published: Option<Days>,
    /// Built-in entries found by spelling (`spelling_find`), by (name, person): a name is
    /// looked up again at each of its mentions and by several stages, and a lookup that
    /// misses hashes every one-letter deletion of the name's key.
    pub spelling_memo: SpellingMemo,
    /// Every occurrence of the phrase lexicons' phrases in `text` (`res.phrases.hits`):
    /// read through `titles_in`, `cues_in` and the like.
    pub phrases: PhraseHits,
    /// Each token's text and lowercase form, cut once: the rules ask for them millions of
    /// times, and each cut of a `str` checks its bounds and char boundaries.
    token_texts: Vec<&'a str>,
    lowers: Vec<&'a str>,
}

/// The spelling lookups of one document (see [`DocContext::spelling_find`]).
pub type SpellingMemo = RefCell<FxHashMap<(String, bool), Option<u32>>>;

impl<'a> DocContext<'a> {
    /// The context of one normalised, segmented document (`text` is the text `seg` and
    /// `marks` were made from).
    pub fn new(
        text: &'a str,
        marks: &'a [QuoteMark],
        seg: &'a Segmented,
        res: &'a Resources,
        published: Option<Days>,
    ) -> DocContext<'a> {
        let token_texts = seg.tokens.iter().map(|t| &text[t.start..t.end]).collect();
        let lowers = (0..seg.tokens.len()).map(|i| seg.lower(i)).collect();
        DocContext {
            text,
            marks,
            seg,
            res,
            published,
            spelling_memo: Default::default(),
            phrases: res.phrases.hits(text),
            token_texts,
            lowers,
        }
    }
    pub fn slice(&self, start: usize, end: usize) -> &'a str {
        &self.text[start..end]
    }
    /// The text of token `i`; "" past the last token, so that a neighbour lookup at the end
    /// of a text (`i + 1`) cannot go out of bounds.
    pub fn token_text(&self, i: usize) -> &'a str {
        self.token_texts.get(i).copied().unwrap_or("")
    }
    /// The texts of tokens `range` (as `token_text`).
    pub fn token_texts(&self, range: std::ops::Range<usize>) -> &[&'a str] {
        self.token_texts.get(range).unwrap_or(&[])
    }
    /// Token `i` lowercased (computed once, in `segment`); "" past the last token.
    pub fn lower(&self, i: usize) -> &'a str {
        self.lowers.get(i).copied().unwrap_or("")
    }
    /// The lowercase forms of tokens `range` (as `lower`).
    pub fn lowers(&self, range: std::ops::Range<usize>) -> &[&'a str] {
        self.lowers.get(range).unwrap_or(&[])
    }
    /// The closed word classes of token `i` (`data/words.tsv`); none past the last token.
    pub fn classes(&self, i: usize) -> WordClasses {
        WordClasses::from_bits(self.seg.lexemes.get(i).map_or(0, |l| l.classes))
    }
    /// The title phrases in `text[from..to]`: `res.titles.find_in(text, from, to)`, read
    /// from the document's phrase hits.
    pub fn titles_in(&self, from: usize, to: usize) -> PhraseIter<'_, 'a, Title> {
        self.phrase_hits(Lexicon::Titles, &self.res.titles, from, to)
    }
    /// The cue phrases in `text[from..to]` (as `titles_in`).
    pub fn cues_in(&self, from: usize, to: usize) -> PhraseIter<'_, 'a, Cue> {
        self.phrase_hits(Lexicon::Cues, &self.res.cues, from, to)
    }
    /// The event triggers in `text[from..to]` (as `titles_in`).
    pub fn triggers_in(&self, from: usize, to: usize) -> PhraseIter<'_, 'a, Trigger> {
        self.phrase_hits(Lexicon::Triggers, &self.res.triggers, from, to)
    }
    /// The modality markers in `text[from..to]` (as `titles_in`).
    pub fn modality_in(&self, from: usize, to: usize) -> PhraseIter<'_, 'a, Modality> {
        self.phrase_hits(Lexicon::Modality, &self.res.modality, from, to)
    }
    /// The event context words in `text[from..to]` (as `titles_in`).
    pub fn event_context_in(&self, from: usize, to: usize) -> PhraseIter<'_, 'a, bool> {
        self.phrase_hits(Lexicon::EventContext, &self.res.event_context, from, to)
    }
    /// The office phrases of the whole text (as `titles_in`).
    pub fn offices(&self) -> PhraseIter<'_, 'a, u32> {
        self.phrase_hits(Lexicon::Offices, &self.res.offices.phrases, 0, self.text.len())
    }
    fn phrase_hits<T>(
        &self,
        lex: Lexicon,
        matcher: &'a PhraseMatcher<T>,
        from: usize,
        to: usize,
    ) -> PhraseIter<'_, 'a, T> {
        self.phrases.find_in(lex, matcher, self.text, from, to)
    }
    /// The built-in entry (its index in the gazetteer) a person's or a place's `name` is a
    /// spelling of: [`crate::lexicon::SpellingIndex::find`], remembered for the document.
    pub fn spelling_find(&self, name: &str, person: bool) -> Option<u32> {
        let key = (name.to_string(), person);
        if let Some(&hit) = self.spelling_memo.borrow().get(&key) {
            return hit;
        }
        let hit = self.res.gazetteer.spelling().find(name, person);
        self.spelling_memo.borrow_mut().insert(key, hit);
        hit
    }
    /// Index of the sentence that contains byte offset `pos` (or the last one before it).
    pub fn sentence_of(&self, pos: usize) -> u32 {
        match self.seg.sentences.binary_search_by(|s| s.start.cmp(&pos)) {
            Ok(i) => i as u32,
            Err(0) => 0,
            Err(i) => (i - 1) as u32,
        }
    }
    /// Index of the first token that starts at or after `pos`: a *boundary* (it may be the
    /// number of tokens), for ranges such as `token_at(start)..token_at(end)`.
    pub fn token_at(&self, pos: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.start < pos)
    }
    /// Index of the token that holds byte `pos` (or the next token when `pos` falls between
    /// tokens): for a lexicon hit that starts inside a token ("Kakhovka" in
    /// "Nova-Kakhovka"), the hit's own token, where `token_at` would give the one after.
    pub fn token_of(&self, pos: usize) -> usize {
        self.seg.tokens.partition_point(|t| t.end <= pos)
    }
    /// Index of the wire dateline ("KYIV, March 9 (Reuters) -"), when the document opens a
    /// paragraph with one: a headline-like sentence ending in a dash, with its story going on
    /// in the same paragraph. `segment` makes it a sentence of its own.
    pub fn dateline_sentence(&self) -> Option<usize> {
        let sentences = &self.seg.sentences;
        sentences.iter().enumerate().find_map(|(i, s)| {
            let opens = sentences.get(i + 1).is_some_and(|n| n.paragraph == s.paragraph);
            let dash = s.tok_end > s.tok_start && matches!(self.token_text(s.tok_end - 1), "-" | "—" | "–" | "--");
            (s.headline && opens && dash).then_some(i)
        })
    }
}

/// Normalise and segment `text` with the built-in lexicons and hand its context to `f`:
/// how every stage's unit tests run a stage on a sentence of their own.
#[cfg(test)]
pub(crate) fn with_context<T>(text: &str, published: Option<Days>, f: impl FnOnce(&DocContext) -> T) -> T {
    let res = Resources::shared();
    let norm = crate::normalize::normalize(text);
    let seg = crate::segment::segment(&norm.text, &res.abbreviations);
    f(&DocContext::new(&norm.text, &norm.marks, &seg, &res, published))
}
