//! Stage 2: tokens, sentences and paragraphs of the normalised text.
//!
//! News text as it comes: headlines and captions without a full stop, one paragraph a line,
//! abbreviations ("Mr.", "U.S.", "No. 6", "Gen."), initials, decimals. Quote marks are tokens
//! of their own; a `'` inside a word ("don't", "O'Brien") stays in the word, but a possessive
//! "'s" is split off so that "Zelensky's" yields the name "Zelensky".

use crate::lexicon::Abbreviations;
use crate::model::{Lexeme, Paragraph, Segmented, Sentence, Token, TokenKind};

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_mark(c)
}

/// Combining marks belong to the letter before them.
fn is_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

fn char_at(text: &str, i: usize) -> Option<char> {
    text.get(i..).and_then(|s| s.chars().next())
}

/// Split the text into tokens.
pub fn tokenize(text: &str, abbrev: &Abbreviations) -> Vec<Token> {
    let bytes = text.as_bytes();
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let mut i = 0;
    while i < text.len() {
        // (spaces and line ends between words without decoding a char)
        if matches!(bytes[i], b' ' | b'\n') {
            i += 1;
            continue;
        }
        let c = char_at(text, i).unwrap();
        let clen = c.len_utf8();
        if c.is_whitespace() {
            i += clen;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i;
            let mut all_digits = true;
            while j < text.len() {
                // ASCII letters and digits (most of a word) without decoding a char.
                let b = bytes[j];
                if b.is_ascii_alphanumeric() {
                    all_digits = all_digits && b.is_ascii_digit();
                    j += 1;
                    continue;
                }
                let d = char_at(text, j).unwrap();
                if is_word_char(d) {
                    if !(d.is_ascii_digit()) {
                        all_digits = false;
                    }
                    j += d.len_utf8();
                    continue;
                }
                // Joiners kept inside a token when a word character follows. Other characters
                // (the space after most words) end it: no need to look around them.
                if !matches!(d, '-' | '\'' | '.' | ',' | '/' | ':') {
                    break;
                }
                let next = char_at(text, j + d.len_utf8());
                let next_is_word = next.is_some_and(is_word_char);
                if !next_is_word {
                    break;
                }
                let prev = text[..j].chars().next_back().unwrap_or(' ');
                let keep = match d {
                    '-' => true,
                    '\'' => {
                        // possessive 's / s' is split off; n't, O'Brien, Kam'ianets stay whole
                        let after = &text[j + 1..];
                        let possessive = (after.starts_with('s') || after.starts_with('S'))
                            && !after[1..].chars().next().is_some_and(is_word_char);
                        !possessive
                    }
                    '.' => {
                        // decimals (3.6), acronyms (U.S), web names (bbc.co.uk)
                        (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                            || (prev.is_alphabetic()
                                && next.is_some_and(|n| n.is_alphabetic())
                                && text[start..j].chars().filter(|c| c.is_alphabetic()).count() <= 3
                                && text[j + 1..].chars().take_while(|c| c.is_alphabetic()).count() <= 3)
                    }
                    ',' => {
                        prev.is_ascii_digit() && {
                            // thousands separator: exactly three digits follow
                            let rest: Vec<char> = text[j + 1..].chars().take(4).collect();
                            rest.len() >= 3
                                && rest[..3].iter().all(|c| c.is_ascii_digit())
                                && rest.get(3).map_or(true, |c| !c.is_ascii_digit())
                        }
                    }
                    '/' | ':' => prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()),
                    '&' => false,
                    _ => false,
                };
                if !keep {
                    break;
                }
                all_digits = all_digits && matches!(d, '.' | ',' | ':' | '/');
                j += d.len_utf8();
            }
            // A final period belongs to abbreviations, initials and acronyms.
            if j < text.len() && bytes[j] == b'.' {
                let word = &text[start..j];
                let next_char = char_at(text, j + 1);
                let single_letter_initial = word.chars().count() == 1
                    && word.chars().next().unwrap().is_uppercase()
                    && next_char.is_some_and(|c| c == ' ' || c == '-');
                let acronym = word.contains('.') && !word.chars().any(|c| c.is_ascii_digit());
                let number_abbrev = abbrev.is_before_number(word) && {
                    let rest = text[j + 1..].trim_start();
                    rest.chars().next().is_some_and(|c| c.is_ascii_digit())
                };
                let known =
                    abbrev.is_title_or_other(word) && !(word.chars().all(|c| c.is_lowercase()) && word.len() > 3);
                if single_letter_initial || acronym || number_abbrev || known {
                    j += 1;
                }
            }
            let has_digit = text[start..j].chars().next().is_some_and(|c| c.is_ascii_digit());
            tokens.push(Token {
                start,
                end: j,
                kind: if all_digits || has_digit && text[start..j].chars().all(|c| !c.is_alphabetic()) {
                    TokenKind::Number
                } else {
                    TokenKind::Word
                },
            });
            i = j;
            continue;
        }
        if c == '"' || c == '\'' {
            // possessive after a word: "Ukraine's" / "Ukraine’s" / "Forces'"
            let prev_word = tokens.last().is_some_and(|t: &Token| t.end == i && t.kind == TokenKind::Word);
            let after = &text[i + 1..];
            if c == '\''
                && prev_word
                && (after.starts_with('s') || after.starts_with('S'))
                && !after[1..].chars().next().is_some_and(is_word_char)
            {
                tokens.push(Token { start: i, end: i + 2, kind: TokenKind::Word });
                i += 2;
                continue;
            }
            tokens.push(Token { start: i, end: i + 1, kind: TokenKind::Quote });
            i += 1;
            continue;
        }
        // Runs of the same punctuation ("...", "--", "!!") form one token.
        let mut j = i + clen;
        if matches!(c, '.' | '-' | '!' | '?') {
            while j < text.len() && char_at(text, j) == Some(c) {
                j += clen;
            }
        }
        tokens.push(Token { start: i, end: j, kind: TokenKind::Punct });
        i = j;
    }
    tokens
}

fn is_final_punct(tok: &str) -> bool {
    tok.starts_with('.') || tok.starts_with('!') || tok.starts_with('?')
}

fn starts_upper_or_digit(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn newlines_between(text: &str, a: usize, b: usize) -> usize {
    // (bytes: a line feed is one byte, and a byte slice needs no char boundary checks)
    text.as_bytes()[a..b].iter().filter(|&&c| c == b'\n').count()
}

/// Each token's lowercase form and word classes, once for every stage.
fn lexemes(text: &str, tokens: &[Token]) -> (String, Vec<Lexeme>) {
    let words = crate::lexicon::words();
    let mut lower = String::with_capacity(text.len());
    let mut lexemes = Vec::with_capacity(tokens.len());
    for t in tokens {
        let word = &text[t.start..t.end];
        let start = lower.len();
        if word.is_ascii() {
            lower.push_str(word);
            // one copy, lowercased in place (not a char pushed at a time)
            lower[start..].make_ascii_lowercase();
        } else {
            lower.extend(word.chars().flat_map(char::to_lowercase));
        }
        let classes = words.classes_of_lowercase(&lower[start..]);
        lexemes.push(Lexeme { lower_start: start as u32, lower_end: lower.len() as u32, classes: classes.bits() });
    }
    (lower, lexemes)
}

/// Tokens, sentences and paragraphs.
pub fn segment(text: &str, abbrev: &Abbreviations) -> Segmented {
    let tokens = tokenize(text, abbrev);
    let mut sentences = Vec::new();
    let mut paragraphs = Vec::new();
    let (lower, lexemes) = lexemes(text, &tokens);
    if tokens.is_empty() {
        return Segmented { tokens, sentences, paragraphs, lower, lexemes };
    }
    let tok = |i: usize| &text[tokens[i].start..tokens[i].end];
    let mut sent_start = 0usize;
    let mut para_index = 0u32;
    let mut para_start_byte = tokens[0].start;
    let n = tokens.len();
    let mut i = 0;
    while i < n {
        let t = tok(i);
        let mut end_here = false; // sentence ends after token i
        let mut para_break = false;
        if i + 1 == n {
            end_here = true;
        } else {
            let gap_nl = newlines_between(text, tokens[i].end, tokens[i + 1].start);
            if gap_nl >= 2 {
                end_here = true;
                para_break = true;
            } else if gap_nl == 1 {
                // A line break ends a sentence unless it wraps one mid-way (the line does
                // not end in punctuation and the next line carries on in lower case).
                let wraps = !is_final_punct(t)
                    && tokens[i].kind != TokenKind::Quote
                    && tok(i + 1).chars().next().is_some_and(|c| c.is_lowercase());
                if !wraps {
                    end_here = true;
                    para_break = true;
                }
            } else if tokens[i].kind == TokenKind::Punct && is_final_punct(t) {
                // Closing quotes and brackets right after the stop belong to this sentence.
                let mut k = i + 1;
                while k < n
                    && tokens[k].start == tokens[k - 1].end
                    && (tokens[k].kind == TokenKind::Quote || matches!(tok(k), ")" | "]"))
                {
                    k += 1;
                }
                if k < n {
                    let nk = tok(k);
                    let gap_nl2 = newlines_between(text, tokens[k - 1].end, tokens[k].start);
                    let opener = starts_upper_or_digit(nk)
                        || tokens[k].kind == TokenKind::Quote
                        || matches!(nk, "(" | "[" | "-");
                    if (opener && tokens[k].start > tokens[k - 1].end) || gap_nl2 > 0 {
                        if k - 1 > i {
                            i = k - 1;
                        }
                        end_here = true;
                        if gap_nl2 > 0 {
                            para_break = true;
                        }
                    }
                } else {
                    i = n - 1;
                    end_here = true;
                }
            } else if tokens[i].kind == TokenKind::Word && t.ends_with('.') && t.len() > 1 {
                // An abbreviation carrying the period: ends a sentence only before a usual
                // sentence opener ("... to the U.S. The talks ...").
                let next = tok(i + 1);
                let title = abbrev.is_title(t);
                let initial = t.chars().count() == 2;
                // "... just after 2 a.m. “The whole house shook,” she said": a quotation opening
                // with a capital after the abbreviation starts a new sentence ("the U.S.
                // “Patriot” system" does not: no lower-case word follows inside the marks).
                let quotation = tokens[i + 1].kind == TokenKind::Quote
                    && tokens[i + 1].start > tokens[i].end
                    && i + 2 < n
                    && tokens[i + 2].start == tokens[i + 1].end
                    && starts_upper_or_digit(tok(i + 2))
                    && (i + 3..(i + 8).min(n))
                        .take_while(|&k| tokens[k].kind != TokenKind::Quote)
                        .any(|k| tok(k).chars().next().is_some_and(|c| c.is_lowercase()));
                if !title && !initial && ((abbrev.is_starter(next) && starts_upper_or_digit(next)) || quotation) {
                    end_here = true;
                } else if !title && !initial && !abbrev.is_known(t) && !t[..t.len() - 1].contains('.') {
                    end_here = starts_upper_or_digit(next);
                }
            }
        }
        if end_here {
            let s = Sentence {
                start: tokens[sent_start].start,
                end: tokens[i].end,
                tok_start: sent_start,
                tok_end: i + 1,
                paragraph: para_index,
                headline: false,
            };
            sentences.push(s);
            sent_start = i + 1;
            if para_break || i + 1 == n {
                paragraphs.push(Paragraph { start: para_start_byte, end: tokens[i].end });
                para_index += 1;
                if i + 1 < n {
                    para_start_byte = tokens[i + 1].start;
                }
            }
        }
        i += 1;
    }
    let mut sentences = split_datelines(text, &tokens, sentences);
    // Headlines, captions, datelines: a whole line that does not end in punctuation.
    for s in sentences.iter_mut() {
        if s.headline {
            continue;
        }
        let line_start = text[..s.start].rfind('\n').map_or(0, |p| p + 1);
        let alone_on_line = text[line_start..s.start].trim().is_empty()
            && text[s.end..].split('\n').next().map_or(true, |rest| rest.trim().is_empty());
        let last = &text[tokens[s.tok_end - 1].start..tokens[s.tok_end - 1].end];
        let ends_open =
            !is_final_punct(last) && tokens[s.tok_end - 1].kind != TokenKind::Quote && last != ":" && last != ",";
        s.headline = alone_on_line && ends_open && s.tok_end - s.tok_start <= 30;
    }
    Segmented { tokens, sentences, paragraphs, lower, lexemes }
}

/// A wire-copy dateline ("KYIV, Nov 25 (Reuters) - ", "LONDON (AP) — ") opening a
/// paragraph becomes a sentence of its own (flagged like a headline), so that the story's
/// first sentence starts where the story does.
fn split_datelines(text: &str, tokens: &[Token], sentences: Vec<Sentence>) -> Vec<Sentence> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut prev_para = u32::MAX;
    for s in sentences {
        let first_in_para = s.paragraph != prev_para;
        prev_para = s.paragraph;
        if first_in_para {
            if let Some(cut) = dateline_end(text, tokens, &s) {
                out.push(Sentence { end: tokens[cut - 1].end, tok_end: cut, headline: true, ..s });
                out.push(Sentence { start: tokens[cut].start, tok_start: cut, ..s });
                continue;
            }
        }
        out.push(s);
    }
    out
}

/// Token index just after the dateline's dash, when the sentence opens with one.
fn dateline_end(text: &str, tokens: &[Token], s: &Sentence) -> Option<usize> {
    let tok = |i: usize| &text[tokens[i].start..tokens[i].end];
    let first = tok(s.tok_start);
    let letters: Vec<char> = first.chars().filter(|c| c.is_alphabetic()).collect();
    if letters.len() < 3 || !letters.iter().all(|c| c.is_uppercase()) {
        return None;
    }
    let limit = (s.tok_start + 14).min(s.tok_end.saturating_sub(1));
    let mut saw_comma_or_paren = false;
    for i in s.tok_start + 1..limit {
        let t = tok(i);
        if t == "," || t == ")" {
            saw_comma_or_paren = true;
        }
        let spaced = tokens[i].start > tokens[i - 1].end && tokens[i + 1].start > tokens[i].end;
        if tokens[i].kind == TokenKind::Punct && t.starts_with('-') && spaced && saw_comma_or_paren {
            return Some(i + 1);
        }
        if matches!(t, "." | "!" | "?") {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbrev() -> Abbreviations {
        Abbreviations::load(crate::lexicon::files::ABBREVIATIONS)
    }

    fn sents(text: &str) -> Vec<String> {
        let seg = segment(text, &abbrev());
        seg.sentences.iter().map(|s| text[s.start..s.end].to_string()).collect()
    }

    fn toks(text: &str) -> Vec<String> {
        tokenize(text, &abbrev()).iter().map(|t| text[t.start..t.end].to_string()).collect()
    }

    #[test]
    fn abbreviations_do_not_split() {
        let s = sents("Mr. Smith met Gen. Ivanov in the U.S. capital. They talked.");
        assert_eq!(s, vec!["Mr. Smith met Gen. Ivanov in the U.S. capital.", "They talked."]);
    }

    #[test]
    fn acronym_at_sentence_end_splits_before_opener() {
        let s = sents("The aid came from the U.S. The talks went on.");
        assert_eq!(s.len(), 2, "{s:?}");
    }

    #[test]
    fn numbers_and_initials() {
        let s = sents("Platform No. 6 was hit by 3.6 million tonnes. J. R. Smith said so.");
        assert_eq!(s, vec!["Platform No. 6 was hit by 3.6 million tonnes.", "J. R. Smith said so."]);
        assert!(toks("3.6 million and 10,000 people").contains(&"10,000".to_string()));
        assert!(toks("3.6 million").contains(&"3.6".to_string()));
    }

    #[test]
    fn an_abbreviation_before_a_quotation_ends_the_sentence() {
        let s = sents("The sirens began at 4 a.m. \"Everyone ran to the basement,\" he said.");
        assert_eq!(s, vec!["The sirens began at 4 a.m.", "\"Everyone ran to the basement,\" he said."]);
        // a quoted name after an acronym stays inside its sentence
        assert_eq!(sents("He praised the U.S. \"Patriot\" batteries.").len(), 1);
    }

    #[test]
    fn no_is_a_word_without_number() {
        let s = sents("He said no. Then he left.");
        assert_eq!(s.len(), 2);
    }

    #[test]
    fn headline_without_stop_is_its_own_sentence() {
        let text = "Shelling hits Kharkiv overnight\nKYIV, Sept 13 - Russian forces shelled the city. Five died.";
        let seg = segment(text, &abbrev());
        // headline, dateline, two sentences
        assert_eq!(seg.sentences.len(), 4);
        assert!(seg.sentences[0].headline);
        assert!(seg.sentences[1].headline);
        assert!(!seg.sentences[2].headline);
        assert_eq!(seg.paragraphs.len(), 2);
    }

    #[test]
    fn datelines_are_their_own_sentence() {
        let text = "KYIV, Nov 25 (Reuters) - Power was back on Friday, officials said.\nLONDON (AP) - Talks went on.";
        assert_eq!(
            sents(text),
            vec![
                "KYIV, Nov 25 (Reuters) -",
                "Power was back on Friday, officials said.",
                "LONDON (AP) -",
                "Talks went on."
            ]
        );
        assert!(segment(text, &abbrev()).sentences[0].headline);
        assert_eq!(sents("NATO said - in a statement - that it would act.").len(), 1);
    }

    #[test]
    fn quotes_close_the_sentence() {
        let s = sents("\"We will win.\" Then he left. 'Go,' she said.");
        assert_eq!(s, vec!["\"We will win.\"", "Then he left.", "'Go,' she said."]);
    }

    #[test]
    fn possessive_and_apostrophes() {
        assert_eq!(toks("Zelensky's plan"), vec!["Zelensky", "'s", "plan"]);
        assert_eq!(toks("I don't know O'Brien"), vec!["I", "don't", "know", "O'Brien"]);
        assert_eq!(toks("'I don't.'"), vec!["'", "I", "don't", ".", "'"]);
    }

    #[test]
    fn wrapped_lines_do_not_split() {
        let s = sents("The governor said the city\nwas quiet on Monday.");
        assert_eq!(s.len(), 1);
    }

    #[test]
    fn offsets_are_valid_on_odd_text() {
        for text in ["", "   ", "...", "\"\"\"", "a.b.c.d.e", "🇺🇦🇺🇦 e\u{301}. X", "''", "-- - --", "x'", "'s"]
        {
            let seg = segment(text, &abbrev());
            for t in &seg.tokens {
                assert!(text.is_char_boundary(t.start) && text.is_char_boundary(t.end) && t.start < t.end);
            }
        }
    }
}
