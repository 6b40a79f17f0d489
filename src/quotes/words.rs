//! Closed word classes the attribution rules need, and a small view over the tokens.

use crate::context::DocContext;
use crate::lexicon::WordClass;
use crate::model::TokenKind;

/// `w`, in any case, is a word of `class` (`data/words.tsv`).
fn is(w: &str, class: WordClass) -> bool {
    crate::lexicon::words().is(w, class)
}

/// Pronouns that can stand for a speaker outside the quote marks.
pub fn is_speaker_pronoun(w: &str) -> bool {
    is(w, WordClass::Pronoun)
}

pub fn is_relative(w: &str) -> bool {
    is(w, WordClass::Relative)
}

/// Words that may stand between a subject and its reporting verb ("has also said").
pub fn is_verb_filler(w: &str) -> bool {
    is(w, WordClass::VerbFiller)
}

pub fn is_determiner(w: &str) -> bool {
    is(w, WordClass::Determiner) || is(w, WordClass::Quantifier)
}

/// Function words that end a noun phrase.
pub fn is_np_stop(w: &str) -> bool {
    is(w, WordClass::NpStop)
}

/// The token at `i` cannot open a reported clause right after a reporting verb ("said on
/// Tuesday", "said so", "said goodbye", "told him to"): a `NotClauseStart` word or a
/// weekday, except that a weekday with a possessive opens a noun phrase, so a clause
/// ("said Thursday's vote was fair").
pub fn bad_clause_start_at(v: &Tokens, i: usize) -> bool {
    let possessive_day = v.has(i, WordClass::Weekday) && matches!(v.tok(i + 1), "'s" | "’s");
    (v.has(i, WordClass::NotClauseStart) || v.has(i, WordClass::Weekday)) && !possessive_day
}

/// Prepositions that open an adjunct between a reporting verb and its content
/// ("said on Tuesday that", "told reporters in Kyiv:").
pub fn is_adjunct_prep(w: &str) -> bool {
    is(w, WordClass::AdjunctPreposition)
}

/// Lemmas of verbs that take a reporting object: "told reporters", "assured the public".
pub fn takes_object(lemma: &str) -> bool {
    is(lemma, WordClass::ObjectCue)
}

/// Verbs sure enough to report a clause without "that": "he said the city was quiet".
pub fn is_strong_lemma(lemma: &str) -> bool {
    is(lemma, WordClass::StrongCue)
}

/// Verbs that only ever report a clause: any plausible noun phrase before them is the
/// speaker ("The actress said she was tired").
pub fn is_clause_lemma(lemma: &str) -> bool {
    is(lemma, WordClass::ClauseCue)
}

/// Cue entries that are nouns or adjunct phrases, never a reporting verb on their own.
pub fn is_non_verb_cue(lemma: &str) -> bool {
    is(lemma, WordClass::NonVerbCue)
}

/// Lemmas whose "to"-infinitive is what was promised: "vowed to punish ...".
pub fn is_commit_lemma(lemma: &str) -> bool {
    is(lemma, WordClass::CommitVerb)
}

/// "Citing a report, ...", "Bemoaning the “system,” ...": a participle with its object
/// opening a sentence is an adverbial, never a reported clause.
pub fn participial_opening(v: &Tokens, t: usize) -> bool {
    let w = v.tok(t);
    w.len() > 4
        && w.to_ascii_lowercase().ends_with("ing")
        && t + 1 < v.n_tokens()
        && (v.is_determiner_at(t + 1) || v.is_quote(t + 1))
}

/// "of", "from", "inside": a place after it locates the speaker.
pub fn is_locative(w: &str) -> bool {
    is(w, WordClass::Locative)
}

/// A read-only view with the token helpers the rules share.
pub struct Tokens<'a> {
    pub ctx: &'a DocContext<'a>,
}

impl<'a> Tokens<'a> {
    pub fn n_tokens(&self) -> usize {
        self.ctx.seg.tokens.len()
    }
    pub fn tok(&self, i: usize) -> &'a str {
        self.ctx.token_text(i)
    }
    pub fn start(&self, i: usize) -> usize {
        self.ctx.seg.tokens.get(i).map_or(self.ctx.text.len(), |t| t.start)
    }
    pub fn end(&self, i: usize) -> usize {
        self.ctx.seg.tokens.get(i).map_or(self.ctx.text.len(), |t| t.end)
    }
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.ctx.seg.tokens.get(i).map(|t| t.kind)
    }
    pub fn is_word(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokenKind::Word) | Some(TokenKind::Number))
    }
    pub fn is_quote(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Quote)
    }
    pub fn is(&self, i: usize, w: &str) -> bool {
        self.tok(i).eq_ignore_ascii_case(w)
    }
    /// Token `i` is a word of `class`: its classes from the segmentation, no lookup by text
    /// (the same classes: `segment` looked its lowercase form up).
    pub fn has(&self, i: usize, class: WordClass) -> bool {
        self.ctx.classes(i).has(class)
    }
    /// [`is_determiner`] of token `i`.
    pub fn is_determiner_at(&self, i: usize) -> bool {
        let c = self.ctx.classes(i);
        c.has(WordClass::Determiner) || c.has(WordClass::Quantifier)
    }
    /// [`is_np_stop`] of token `i`.
    pub fn is_np_stop_at(&self, i: usize) -> bool {
        self.has(i, WordClass::NpStop)
    }
    /// [`is_speaker_pronoun`] of token `i`.
    pub fn is_speaker_pronoun_at(&self, i: usize) -> bool {
        self.has(i, WordClass::Pronoun)
    }
    pub fn is_capitalised(&self, i: usize) -> bool {
        self.is_word(i) && self.tok(i).chars().next().is_some_and(|c| c.is_uppercase())
    }
    /// A sentence-final punctuation token.
    pub fn is_final(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && matches!(self.tok(i).chars().next(), Some('.') | Some('!') | Some('?'))
    }
    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && self.tok(i) == p
    }
    /// A dash standing as punctuation ("-", "--").
    pub fn is_dash(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && !self.tok(i).is_empty() && self.tok(i).chars().all(|c| c == '-')
    }
    /// A role noun: a title from the lexicon or a fallback role head the titles file may
    /// lack ("officials said", "police said").
    pub fn is_role(&self, i: usize) -> bool {
        let c = self.ctx.classes(i);
        c.has(WordClass::RoleHead) || c.has(WordClass::SpeakerHead) || self.ctx.res.titles.get(self.tok(i)).is_some()
    }
    /// Index of the sentence holding token `i`.
    pub fn sentence_of_token(&self, i: usize) -> usize {
        let s = &self.ctx.seg.sentences;
        let k = s.partition_point(|x| x.tok_end <= i);
        k.min(s.len().saturating_sub(1))
    }
    /// The paragraph index of byte offset `pos`.
    pub fn paragraph_of(&self, pos: usize) -> u32 {
        let si = self.ctx.sentence_of(pos) as usize;
        self.ctx.seg.sentences.get(si).map_or(0, |s| s.paragraph)
    }
}
