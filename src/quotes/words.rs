//! Closed word classes the attribution rules need, and a small view over the tokens.

use crate::context::DocContext;
use crate::model::TokenKind;

fn in_list(list: &[&str], w: &str) -> bool {
    list.iter().any(|x| x.eq_ignore_ascii_case(w))
}

/// Pronouns that can stand for a speaker outside the quote marks.
pub fn is_speaker_pronoun(w: &str) -> bool {
    in_list(&["he", "she", "they", "it", "we", "i"], w)
}

pub fn is_relative(w: &str) -> bool {
    in_list(&["which", "who", "whom", "that", "what", "whose", "whatever"], w)
}

pub fn is_negation(w: &str) -> bool {
    in_list(
        &[
            "not", "never", "n't", "didn't", "doesn't", "don't", "won't", "wouldn't", "hasn't", "haven't", "hadn't",
            "cannot", "can't",
        ],
        w,
    )
}

/// Passive auxiliaries: "is said to", "was told".
pub fn is_passive_aux(w: &str) -> bool {
    in_list(&["is", "was", "are", "were", "be", "been", "being", "'s"], w)
}

/// Words that may stand between a subject and its reporting verb ("has also said").
pub fn is_verb_filler(w: &str) -> bool {
    in_list(
        &[
            "has",
            "have",
            "had",
            "also",
            "later",
            "previously",
            "then",
            "again",
            "further",
            "would",
            "will",
            "could",
            "might",
            "may",
            "should",
            "recently",
            "earlier",
            "once",
            "repeatedly",
            "publicly",
            "privately",
            "reportedly",
            "initially",
            "first",
            "last",
            "often",
            "always",
            "separately",
            "subsequently",
            "now",
            "already",
            "just",
            "yesterday",
            "today",
            "frequently",
            "explicitly",
            "openly",
            "flatly",
            "simply",
            "clearly",
            "did",
            "does",
            "do",
            "angrily",
            "bluntly",
            "quickly",
        ],
        w,
    )
}

pub fn is_determiner(w: &str) -> bool {
    in_list(
        &[
            "the", "a", "an", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "another",
            "some", "several", "many", "both", "each", "every", "any", "other", "one", "two", "three", "four", "five",
            "six", "seven", "eight", "nine", "ten", "most", "few", "all",
        ],
        w,
    )
}

/// Function words that end a noun phrase.
pub fn is_np_stop(w: &str) -> bool {
    in_list(
        &[
            // prepositions (not "of"/"for", handled by the walkers)
            "in",
            "on",
            "at",
            "during",
            "after",
            "before",
            "to",
            "with",
            "from",
            "via",
            "by",
            "about",
            "against",
            "since",
            "until",
            "under",
            "over",
            "into",
            "through",
            "between",
            "among",
            "without",
            "within",
            "across",
            "near",
            "amid",
            "despite",
            "like",
            "than",
            "per",
            "upon",
            "toward",
            "towards",
            "around",
            // conjunctions and relatives
            "and",
            "or",
            "but",
            "nor",
            "so",
            "yet",
            "while",
            "as",
            "because",
            "if",
            "when",
            "although",
            "though",
            "whereas",
            "where",
            "unless",
            "whether",
            "which",
            "who",
            "whom",
            "that",
            "what",
            "whose",
            // adverbs that open clauses
            "meanwhile",
            "however",
            "also",
            "now",
            "later",
            "earlier",
            "then",
            "yesterday",
            "today",
            "tonight",
            "separately",
            "still",
            "already",
            "instead",
            "moreover",
            "furthermore",
            "again",
            "too",
            "just",
            "only",
            "there",
            "here",
            "not",
            "never",
            "even",
            "recently",
            "previously",
            "reportedly",
            // auxiliaries and copulas
            "is",
            "was",
            "are",
            "were",
            "be",
            "been",
            "being",
            "has",
            "have",
            "had",
            "do",
            "does",
            "did",
            "will",
            "would",
            "can",
            "could",
            "should",
            "may",
            "might",
            "must",
            "shall",
            // pronouns that are not subjects here
            "him",
            "them",
            "me",
            "us",
            "you",
            "himself",
            "herself",
            "themselves",
            "itself",
            "adding",
            "saying",
            "says",
            "said",
        ],
        w,
    )
}

/// Words that cannot open a reported clause right after a reporting verb ("said on
/// Tuesday", "said so", "said goodbye", "told him to").
pub fn bad_clause_start(w: &str) -> bool {
    in_list(
        &[
            "in",
            "on",
            "at",
            "during",
            "after",
            "before",
            "to",
            "with",
            "from",
            "via",
            "by",
            "about",
            "for",
            "of",
            "against",
            "since",
            "until",
            "under",
            "over",
            "into",
            "through",
            "between",
            "among",
            "without",
            "within",
            "across",
            "near",
            "amid",
            "despite",
            "like",
            "than",
            "per",
            "upon",
            "and",
            "or",
            "but",
            "nor",
            "so",
            "as",
            "because",
            "while",
            "when",
            "if",
            "whether",
            "although",
            "though",
            "nothing",
            "something",
            "anything",
            "goodbye",
            "hello",
            "yes",
            "no",
            "thanks",
            "sorry",
            "him",
            "her",
            "them",
            "me",
            "us",
            "you",
            "himself",
            "herself",
            "themselves",
            "itself",
            "also",
            "repeatedly",
            "publicly",
            "privately",
            "earlier",
            "later",
            "last",
            "late",
            "early",
            "yesterday",
            "today",
            "tonight",
            "again",
            "recently",
            "previously",
            "separately",
            "afterwards",
            "afterward",
            "once",
            "twice",
            "what",
            "which",
            "who",
            "how",
            "why",
            "where",
        ],
        w,
    ) || matches!(
        w.to_ascii_lowercase().as_str(),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    )
}

/// Prepositions that open an adjunct between a reporting verb and its content
/// ("said on Tuesday that", "told reporters in Kyiv:").
pub fn is_adjunct_prep(w: &str) -> bool {
    in_list(
        &[
            "on",
            "in",
            "at",
            "during",
            "after",
            "before",
            "to",
            "via",
            "from",
            "with",
            "late",
            "early",
            "last",
            "this",
            "earlier",
            "later",
            "yesterday",
            "today",
            "tonight",
            "again",
            "also",
            "repeatedly",
            "publicly",
            "privately",
            "separately",
            "recently",
            "previously",
            "then",
            "once",
            "further",
            "of",
        ],
        w,
    )
}

/// Lemmas of verbs that take a reporting object: "told reporters", "assured the public".
pub fn takes_object(lemma: &str) -> bool {
    in_list(
        &[
            "tell", "inform", "assure", "warn", "remind", "ask", "urge", "brief", "promise", "reassure", "instruct",
            "advise",
        ],
        lemma,
    )
}

/// Verbs sure enough to report a clause without "that": "he said the city was quiet".
pub fn is_strong_lemma(lemma: &str) -> bool {
    in_list(
        &[
            "say",
            "tell",
            "add",
            "claim",
            "insist",
            "argue",
            "warn",
            "announce",
            "write",
            "report",
            "allege",
            "confirm",
            "explain",
            "note",
            "stress",
            "acknowledge",
            "admit",
            "assert",
            "declare",
            "emphasise",
            "emphasize",
            "predict",
            "reiterate",
            "reveal",
            "suggest",
            "tweet",
            "contend",
            "maintain",
            "concede",
        ],
        lemma,
    )
}

/// Cue entries that are nouns or adjunct phrases, never a reporting verb on their own.
pub fn is_non_verb_cue(lemma: &str) -> bool {
    in_list(
        &[
            "announcement",
            "announcements",
            "assertion",
            "assertions",
            "speech",
            "statement",
            "statements",
            "testimony",
            "words",
            "warnings",
            "interview",
            "in a statement",
            "in a post",
            "in a video address",
            "in a televised address",
            "in an interview",
            "in a briefing",
            "at a news conference",
            "on condition of anonymity",
            "citing",
            "speak of",
        ],
        lemma,
    )
}

/// Cue forms that are also common nouns: only a verb after a subject ("Russia claims").
pub fn is_nounish_form(w: &str) -> bool {
    in_list(
        &[
            "report",
            "reports",
            "state",
            "states",
            "claim",
            "claims",
            "note",
            "notes",
            "promise",
            "promises",
            "pledge",
            "pledges",
            "tweet",
            "tweets",
            "reply",
            "replies",
            "remark",
            "remarks",
            "hint",
            "hints",
            "protest",
            "protests",
            "warning",
            "estimate",
            "estimates",
            "comment",
            "comments",
            "joke",
            "jokes",
            "vow",
            "vows",
            "plea",
            "pleas",
            "stress",
            "outline",
            "outlines",
            "answer",
            "answers",
            "mention",
            "concern",
            "doubt",
            "doubts",
            "fear",
            "fears",
            "hope",
            "hopes",
            "guess",
            "feel",
            "feeling",
            "thought",
            "understanding",
            "reckoning",
            "signal",
            "signals",
            "word",
            "words",
            "know",
            "known",
        ],
        w,
    )
}

/// Heads of role phrases the titles file may lack: "officials said", "police said".
pub fn is_role_head(w: &str) -> bool {
    in_list(
        &[
            "official",
            "officials",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "spokespeople",
            "spokesmen",
            "police",
            "witness",
            "witnesses",
            "ministry",
            "military",
            "army",
            "government",
            "authorities",
            "source",
            "sources",
            "statement",
            "office",
            "administration",
            "service",
            "services",
            "command",
            "commander",
            "commanders",
            "forces",
            "agency",
            "embassy",
            "council",
            "committee",
            "department",
            "campaign",
            "governor",
            "mayor",
            "president",
            "minister",
            "ministers",
            "analyst",
            "analysts",
            "expert",
            "experts",
            "resident",
            "residents",
            "people",
            "aide",
            "aides",
            "lawmaker",
            "lawmakers",
            "senator",
            "senators",
            "prosecutor",
            "prosecutors",
            "investigators",
            "diplomat",
            "diplomats",
            "leader",
            "leaders",
            "troops",
            "staff",
            "representative",
            "representatives",
            "company",
            "group",
            "party",
            "newspaper",
            "report",
            "researchers",
            "observers",
            "monitors",
            "officer",
            "officers",
            "soldier",
            "soldiers",
            "fighters",
            "medics",
            "doctors",
            "volunteers",
            "rescuers",
            "kremlin",
            "pentagon",
            "court",
            "judge",
            "lawyer",
            "lawyers",
            "attorney",
            "attorneys",
            "adviser",
            "advisers",
            "advisor",
            "advisors",
            "chief",
            "head",
            "director",
            "secretary",
            "ambassador",
            "envoy",
            "candidate",
            "nominee",
            "voters",
            "supporters",
            "critics",
            "opponents",
            "democrats",
            "republicans",
            "poll",
            "survey",
            "study",
            "data",
            "figures",
            "website",
            "media",
            "broadcaster",
            "outlet",
            "channel",
            "operator",
            "utility",
            "mission",
            "coalition",
            "alliance",
            "union",
            "parliament",
            "cabinet",
            "presidency",
            "regime",
            "side",
            "delegation",
            "team",
            "guard",
            "navy",
            "general",
            "journalist",
            "journalists",
            "reporter",
            "reporters",
            "correspondent",
            "spokespersons",
            "operators",
            "unit",
            "brigade",
            "battalion",
            "regiment",
            "headquarters",
            "staffer",
            "staffers",
            "organizers",
            "organisers",
            "activists",
            "activist",
            "authority",
            "firm",
            "bank",
            "organisation",
            "organization",
            "institute",
            "watchdog",
            "network",
            "paper",
            "magazine",
            "agency's",
            "white",
            "house",
            "source's",
        ],
        w,
    ) || in_list(speaker_heads(), w)
}

/// `data/quote_words.tsv`: `word  kind` rows (`commit`: see `is_commit_lemma`). `head`: more heads of collective and
/// institutional speaker phrases ("bloggers", "channels", "intelligence"); `locative`:
/// prepositions after which a place is where the speaker is, not the speaker ("a
/// resident of Bucha", "Inside Severodonetsk: “…”").
const QUOTE_WORDS_FILE: &str = include_str!("../../data/quote_words.tsv");

fn quote_words(kind: &str) -> Vec<&'static str> {
    QUOTE_WORDS_FILE
        .lines()
        .skip(1)
        .filter_map(|l| l.split_once('\t'))
        .filter(|(w, k)| !w.is_empty() && k.trim() == kind)
        .map(|(w, _)| w.trim())
        .collect()
}

fn speaker_heads() -> &'static [&'static str] {
    static HEADS: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    HEADS.get_or_init(|| quote_words("head"))
}

/// Lemmas whose "to"-infinitive is what was promised: "vowed to punish ...".
pub fn is_commit_lemma(lemma: &str) -> bool {
    static C: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    in_list(C.get_or_init(|| quote_words("commit")), lemma)
}

/// "of", "from", "inside": a place after it locates the speaker.
pub fn is_locative(w: &str) -> bool {
    static LOC: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    in_list(LOC.get_or_init(|| quote_words("locative")), w)
}

/// A read-only view with the token helpers the rules share.
pub struct View<'a> {
    pub ctx: &'a DocContext<'a>,
}

impl<'a> View<'a> {
    pub fn n_tokens(&self) -> usize {
        self.ctx.seg.tokens.len()
    }
    pub fn tok(&self, i: usize) -> &'a str {
        match self.ctx.seg.tokens.get(i) {
            Some(t) => self.ctx.text.get(t.start..t.end).unwrap_or(""),
            None => "",
        }
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
    /// A role noun: a title from the lexicon or a fallback role head.
    pub fn is_role(&self, i: usize) -> bool {
        let w = self.tok(i);
        is_role_head(w) || self.ctx.res.titles.get(w).is_some()
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
